/* iap-heat-map-view.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-heat-map.h"

G_BEGIN_DECLS

#define IAP_TYPE_HEAT_MAP_VIEW (iap_heat_map_view_get_type ())

G_DECLARE_FINAL_TYPE (IapHeatMapView, iap_heat_map_view, IAP, HEAT_MAP_VIEW, GtkWidget)

GtkWidget      *iap_heat_map_view_new          (void);
IapWorkshop    *iap_heat_map_view_get_workshop (IapHeatMapView *self);
void            iap_heat_map_view_set_workshop (IapHeatMapView *self,
                                                IapWorkshop    *workshop);
IapHeatMapMode  iap_heat_map_view_get_mode     (IapHeatMapView *self);
void            iap_heat_map_view_set_mode     (IapHeatMapView *self,
                                                IapHeatMapMode  mode);
int             iap_heat_map_view_get_selected (IapHeatMapView *self);
void            iap_heat_map_view_set_selected (IapHeatMapView *self,
                                                int             risk);
gboolean        iap_heat_map_view_fits         (IapHeatMapView *self,
                                                int             width,
                                                int             height);
void            iap_heat_map_view_set_room_font (IapHeatMapView *self,
                                                 double          size);

G_END_DECLS
