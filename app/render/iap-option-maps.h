/* iap-option-maps.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

void    iap_option_maps_draw            (cairo_t     *cr,
                                         IapWorkshop *workshop,
                                         double       width,
                                         double       height);
double  iap_option_maps_get_height      (IapWorkshop *workshop,
                                         double       width);
char   *iap_option_maps_dup_description (IapWorkshop *workshop);
gboolean iap_option_maps_has_text_clash (IapWorkshop *workshop,
                                         double       width);
guint   iap_option_maps_get_room_pages  (IapWorkshop *workshop,
                                         double       width,
                                         double       height,
                                         double       font);
double  iap_option_maps_measure_for_room (IapWorkshop *workshop,
                                         double       width,
                                         double       height,
                                         double       font,
                                         guint        page,
                                         double      *smallest,
                                         gboolean    *clash);
void    iap_option_maps_draw_for_room   (cairo_t     *cr,
                                         IapWorkshop *workshop,
                                         double       width,
                                         double       height,
                                         double       font,
                                         guint        page);
char   *iap_option_maps_dup_room_description (IapWorkshop *workshop,
                                              double       width,
                                              double       height,
                                              double       font,
                                              guint        page);

G_END_DECLS
