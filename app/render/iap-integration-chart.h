/* iap-integration-chart.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

void    iap_integration_chart_draw            (cairo_t     *cr,
                                               IapWorkshop *workshop,
                                               double       width,
                                               double       height);
double  iap_integration_chart_get_height      (IapWorkshop *workshop,
                                               double       width);
char   *iap_integration_chart_dup_description (IapWorkshop *workshop);
guint   iap_integration_chart_get_room_pages  (IapWorkshop *workshop,
                                               double       width,
                                               double       height,
                                               double       font);
double  iap_integration_chart_measure_for_room (IapWorkshop *workshop,
                                               double       width,
                                               double       height,
                                               double       font,
                                               guint        page,
                                               double      *smallest);
void    iap_integration_chart_draw_for_room   (cairo_t     *cr,
                                               IapWorkshop *workshop,
                                               double       width,
                                               double       height,
                                               double       font,
                                               guint        page);
char   *iap_integration_chart_dup_room_description (IapWorkshop *workshop,
                                                    double       width,
                                                    double       height,
                                                    double       font,
                                                    guint        page);

G_END_DECLS
