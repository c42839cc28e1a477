/* iap-mitigation-editor.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_MITIGATION_EDITOR (iap_mitigation_editor_get_type ())

G_DECLARE_FINAL_TYPE (IapMitigationEditor, iap_mitigation_editor, IAP, MITIGATION_EDITOR, AdwWindow)

IapMitigationEditor *iap_mitigation_editor_new     (GtkWindow     *parent,
                                                    IapWorkshop   *workshop,
                                                    IapMitigation *mitigation);

G_END_DECLS
