/* iap-risk-editor.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_RISK_EDITOR (iap_risk_editor_get_type ())

G_DECLARE_FINAL_TYPE (IapRiskEditor, iap_risk_editor, IAP, RISK_EDITOR, GtkWindow)

IapRiskEditor *iap_risk_editor_new          (GtkWindow   *parent,
                                             IapWorkshop *workshop,
                                             IapRisk     *risk);
GtkDropDown   *iap_risk_editor_level_picker (GtkDropDown *dropdown,
                                             GListModel  *levels,
                                             guint        level);

G_END_DECLS
