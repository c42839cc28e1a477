/* iap-balance-chart.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

void    iap_balance_chart_draw            (cairo_t     *cr,
                                           IapWorkshop *workshop,
                                           double       width,
                                           double       height);
double  iap_balance_chart_get_height      (IapWorkshop *workshop,
                                           double       width);
char   *iap_balance_chart_dup_description (IapWorkshop *workshop);
void    iap_balance_chart_draw_for_screen (cairo_t     *cr,
                                           IapWorkshop *workshop,
                                           double       width,
                                           double       height);
double  iap_balance_chart_get_screen_height (IapWorkshop *workshop,
                                           double       width);

void    iap_factor_grid_draw              (cairo_t     *cr,
                                           IapWorkshop *workshop,
                                           double       width,
                                           double       height);
double  iap_factor_grid_get_height        (IapWorkshop *workshop,
                                           double       width);
void    iap_factor_grid_draw_for_screen   (cairo_t     *cr,
                                           IapWorkshop *workshop,
                                           double       width,
                                           double       height);
double  iap_factor_grid_get_screen_height (IapWorkshop *workshop,
                                           double       width);
guint   iap_balance_chart_get_room_pages  (IapWorkshop *workshop,
                                           double       width,
                                           double       height,
                                           double       font);
double  iap_balance_chart_measure_for_room (IapWorkshop *workshop,
                                           double       width,
                                           double       height,
                                           double       font,
                                           guint        page,
                                           double      *smallest,
                                           gboolean    *cut);
void    iap_balance_chart_draw_for_room   (cairo_t     *cr,
                                           IapWorkshop *workshop,
                                           double       width,
                                           double       height,
                                           double       font,
                                           guint        page);
char   *iap_balance_chart_dup_room_description (IapWorkshop *workshop);
guint   iap_factor_grid_get_room_pages    (IapWorkshop *workshop,
                                           double       width,
                                           double       height,
                                           double       font);
double  iap_factor_grid_measure_for_room  (IapWorkshop *workshop,
                                           double       width,
                                           double       height,
                                           double       font,
                                           guint        page,
                                           double      *smallest,
                                           gboolean    *cut);
char   *iap_factor_grid_dup_room_description (IapWorkshop *workshop);
void    iap_factor_grid_draw_for_room     (cairo_t     *cr,
                                           IapWorkshop *workshop,
                                           double       width,
                                           double       height,
                                           double       font,
                                           guint        page);
double  iap_balance_chart_get_smallest_text (IapWorkshop *workshop,
                                             double       width,
                                             gboolean     grid,
                                             gboolean     screen);

G_END_DECLS
