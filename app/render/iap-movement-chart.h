/* iap-movement-chart.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "iap-comparison.h"
#include "iap-heat-map.h"

G_BEGIN_DECLS

IapHeatMap *iap_movement_chart_new_map         (IapComparison         *comparison,
                                                IapMovementKind        kind);
void        iap_movement_chart_draw            (cairo_t               *cr,
                                                IapComparison         *comparison,
                                                IapMovementKind        kind,
                                                double                 width,
                                                double                 height,
                                                const IapHeatMapStyle *style);
char       *iap_movement_chart_dup_description (IapComparison         *comparison,
                                                IapMovementKind        kind);
gboolean    iap_movement_chart_export          (IapComparison         *comparison,
                                                IapMovementKind        kind,
                                                const char            *path,
                                                double                 width,
                                                double                 height,
                                                GError               **error);

G_END_DECLS
