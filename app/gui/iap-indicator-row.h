/* iap-indicator-row.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_INDICATOR_ROW (iap_indicator_row_get_type ())

G_DECLARE_FINAL_TYPE (IapIndicatorRow, iap_indicator_row, IAP, INDICATOR_ROW, GtkListBoxRow)

GtkWidget *iap_indicator_row_new          (IapCatalogEntry *entry);
void       iap_indicator_row_set_workshop (IapIndicatorRow *self,
                                           IapWorkshop     *workshop);

G_END_DECLS
