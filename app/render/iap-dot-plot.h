/* iap-dot-plot.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "iap-consensus.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

/* Where one score's dot is drawn: @dimension 0 for likelihood, 1 for
 * impact; @shape the pillar's shape (its index in IapRiskStats.pillars,
 * G_MAXUINT for a pillar not shown). */
typedef struct
{
  double x;
  double y;
  double size;
  guint  dimension;
  guint  level;
  guint  shape;
} IapDotPlotDot;

double  iap_dot_plot_get_height       (IapWorkshop        *workshop,
                                       const IapRiskStats *stats,
                                       double              width);
void    iap_dot_plot_draw             (cairo_t            *cr,
                                       IapWorkshop        *workshop,
                                       const IapRiskStats *stats,
                                       double              width,
                                       double              height);
GArray *iap_dot_plot_dup_dots         (IapWorkshop        *workshop,
                                       const IapRiskStats *stats,
                                       double              width);
double  iap_dot_plot_get_font_size    (double              width);
char   *iap_dot_plot_dup_description  (IapWorkshop        *workshop,
                                       const IapRiskStats *stats);
char   *iap_dot_plot_dup_sentence     (IapWorkshop        *workshop,
                                       const IapRiskStats *stats);

G_END_DECLS
