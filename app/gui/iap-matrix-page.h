/* iap-matrix-page.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-heat-map-view.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_MATRIX_PAGE (iap_matrix_page_get_type ())

G_DECLARE_FINAL_TYPE (IapMatrixPage, iap_matrix_page, IAP, MATRIX_PAGE, GtkWidget)

void            iap_matrix_page_set_workshop      (IapMatrixPage *self,
                                                   IapWorkshop   *workshop);
IapHeatMapView *iap_matrix_page_get_heat_map_view (IapMatrixPage *self);

G_END_DECLS
