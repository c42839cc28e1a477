/* iap-movement-chart.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The movement chart of a comparison: the heat map of the later workshop
 * in its movement mode, with a marker where each risk was, one where it
 * is and an arrow between them, numbered as the later register numbers
 * the risks. Its layout and painting are the heat map's.
 */

#define G_LOG_DOMAIN "iap-movement-chart"

#include "config.h"

#include "iap-i18n.h"

#include "iap-movement-chart.h"
#include "iap-report.h"
#include "iap-report-private.h"

/**
 * iap_movement_chart_new_map:
 * @kind: the agreed inherent or residual ratings, or for two rounds the
 *   medians
 *
 * Returns: (transfer full): a heat map showing where the risks of
 *   @comparison moved
 */
IapHeatMap *
iap_movement_chart_new_map (IapComparison   *comparison,
                            IapMovementKind  kind)
{
  IapHeatMap *map;
  const IapMovement *movements;
  guint n;

  g_return_val_if_fail (IAP_IS_COMPARISON (comparison), NULL);

  map = iap_heat_map_new (iap_comparison_get_new_workshop (comparison));
  movements = iap_comparison_get_movements (comparison, kind, &n);
  iap_heat_map_set_mode (map, IAP_HEAT_MAP_MOVEMENT);
  iap_heat_map_set_movements (map, movements, n,
                              iap_comparison_get_old_label (comparison),
                              iap_comparison_get_new_label (comparison));

  return map;
}

/**
 * iap_movement_chart_draw:
 * @style: (nullable): how to draw it, or %NULL for the printed style
 */
void
iap_movement_chart_draw (cairo_t               *cr,
                         IapComparison         *comparison,
                         IapMovementKind        kind,
                         double                 width,
                         double                 height,
                         const IapHeatMapStyle *style)
{
  g_autoptr(IapHeatMap) map = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_COMPARISON (comparison));

  map = iap_movement_chart_new_map (comparison, kind);
  if (style != NULL)
    iap_heat_map_set_style (map, style);
  iap_heat_map_draw (map, cr, width, height);
}

/**
 * iap_movement_chart_dup_description:
 *
 * Returns: (transfer full): what the chart shows, in words: its text
 *   alternative, with the risks it cannot show because the later
 *   workshop no longer has them
 */
char *
iap_movement_chart_dup_description (IapComparison   *comparison,
                                    IapMovementKind  kind)
{
  g_autoptr(IapHeatMap) map = NULL;
  g_autofree char *text = NULL;
  guint removed;

  g_return_val_if_fail (IAP_IS_COMPARISON (comparison), NULL);

  map = iap_movement_chart_new_map (comparison, kind);
  text = iap_heat_map_dup_description (map);
  removed = iap_comparison_get_n_removed (comparison);
  if (removed == 0)
    return g_steal_pointer (&text);

  /* Translators: after the movement chart's text alternative: the risks
   * of the earlier workshop that the later one no longer has */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u risk of %s is no longer in the register.",
                                       "%s %u risks of %s are no longer in the register.", removed),
                          text, removed, iap_comparison_get_old_label (comparison));
}

typedef struct
{
  IapComparison   *comparison;
  IapMovementKind  kind;
} Chart;

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  data)
{
  Chart *chart = data;

  iap_movement_chart_draw (cr, chart->comparison, chart->kind, width, height, NULL);
}

/**
 * iap_movement_chart_export:
 * @path: a file name ending in .png, .svg or .pdf
 *
 * Returns: whether the chart was written
 */
gboolean
iap_movement_chart_export (IapComparison    *comparison,
                           IapMovementKind   kind,
                           const char       *path,
                           double            width,
                           double            height,
                           GError          **error)
{
  Chart chart = { comparison, kind };

  g_return_val_if_fail (IAP_IS_COMPARISON (comparison), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return _iap_report_export_drawing (path, width, height, draw_chart, &chart, error);
}
