/* iap-mitigation-residual-row.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_MITIGATION_RESIDUAL_ROW (iap_mitigation_residual_row_get_type ())

G_DECLARE_FINAL_TYPE (IapMitigationResidualRow, iap_mitigation_residual_row, IAP, MITIGATION_RESIDUAL_ROW, GtkListBoxRow)

GtkWidget *iap_mitigation_residual_row_new (IapWorkshop *workshop,
                                            IapRisk     *risk,
                                            guint        number);

G_END_DECLS
