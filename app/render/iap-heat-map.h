/* iap-heat-map.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "iap-comparison.h"
#include "iap-palette.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

/* Which agreed ratings a heat map places. */
typedef enum
{
  IAP_HEAT_MAP_INHERENT,
  IAP_HEAT_MAP_RESIDUAL,
  IAP_HEAT_MAP_MOVEMENT,
} IapHeatMapMode;

/* In the movement mode each risk can have two markers. */
typedef enum
{
  IAP_HEAT_MAP_MARKER_INHERENT,
  IAP_HEAT_MAP_MARKER_RESIDUAL,
} IapHeatMapMarkerKind;

typedef struct
{
  /* Font size in user units; 0 picks one from the size of the map. */
  double   font_size;
  /* No text smaller than this, in user units, cells' and markers'
   * included: where a map is too small for it, its cells show fewer
   * markers and a "+N" rather than smaller ones. 0: no minimum (paper,
   * where text follows the page). */
  double   min_font_size;
  /* Colour of the axis labels and the legend text. */
  IapColor foreground;
  /* Position of the selected risk in the register, from 0, or -1. */
  int      selected;
  /* Whether the selected marker also shows a keyboard focus ring. */
  gboolean focus_visible;
  gboolean show_legend;
  /* Laid out for a room (docs/charts.md): level labels wrap only between
   * words, a cell names its band without its levels when both do not
   * fit (the axes give them), and the legend only names the bands'
   * colours, when the cells have no room to. */
  gboolean room;
  /* Whether text that @font_size grew with the space sets smaller, down
   * to @min_font_size, where it no longer fits its place (the window's
   * map; a map of small multiples takes more room instead). */
  gboolean shrink_to_fit;
} IapHeatMapStyle;

typedef struct
{
  /* Position of the risk in the register, from 0: it shows risk + 1. */
  guint                risk;
  IapHeatMapMarkerKind kind;
  guint                likelihood;
  guint                impact;
  double               x;
  double               y;
  double               radius;
} IapHeatMapMarker;

/* Where a crowded cell says “+N” instead of its last markers. */
typedef struct
{
  guint  likelihood;
  guint  impact;
  guint  n_hidden;
  double x;
  double y;
  double width;
  double height;
} IapHeatMapBadge;

#define IAP_TYPE_HEAT_MAP (iap_heat_map_get_type ())

G_DECLARE_FINAL_TYPE (IapHeatMap, iap_heat_map, IAP, HEAT_MAP, GObject)

void                    iap_heat_map_style_init       (IapHeatMapStyle       *style);
IapHeatMap             *iap_heat_map_new              (IapWorkshop           *workshop);
IapWorkshop            *iap_heat_map_get_workshop     (IapHeatMap            *self);
void                    iap_heat_map_set_workshop     (IapHeatMap            *self,
                                                       IapWorkshop           *workshop);
IapHeatMapMode          iap_heat_map_get_mode         (IapHeatMap            *self);
void                    iap_heat_map_set_mode         (IapHeatMap            *self,
                                                       IapHeatMapMode         mode);
void                    iap_heat_map_set_risks        (IapHeatMap            *self,
                                                       const char * const    *risks);
const IapHeatMapStyle  *iap_heat_map_get_style        (IapHeatMap            *self);
void                    iap_heat_map_set_style        (IapHeatMap            *self,
                                                       const IapHeatMapStyle *style);
void                    iap_heat_map_set_font_family  (IapHeatMap            *self,
                                                       const char            *family);
void                    iap_heat_map_set_movements    (IapHeatMap            *self,
                                                       const IapMovement     *movements,
                                                       guint                  n_movements,
                                                       const char            *from_label,
                                                       const char            *to_label);
void                    iap_heat_map_set_selected     (IapHeatMap            *self,
                                                       int                    risk,
                                                       gboolean               focus_visible);
void                    iap_heat_map_invalidate       (IapHeatMap            *self);
void                    iap_heat_map_layout           (IapHeatMap            *self,
                                                       cairo_t               *cr,
                                                       double                 width,
                                                       double                 height);
int                     iap_heat_map_next_risk        (IapHeatMap            *self,
                                                       int                    from,
                                                       int                    step);
const IapHeatMapMarker *iap_heat_map_get_markers      (IapHeatMap            *self,
                                                       guint                 *n_markers);
const IapHeatMapBadge  *iap_heat_map_get_badges       (IapHeatMap            *self,
                                                       guint                 *n_badges);
gboolean                iap_heat_map_get_cell         (IapHeatMap            *self,
                                                       guint                  likelihood,
                                                       guint                  impact,
                                                       cairo_rectangle_t     *rect);
const IapHeatMapMarker *iap_heat_map_hit_test         (IapHeatMap            *self,
                                                       double                 x,
                                                       double                 y);
const IapHeatMapBadge  *iap_heat_map_hit_test_badge   (IapHeatMap            *self,
                                                       double                 x,
                                                       double                 y);
cairo_surface_t        *iap_heat_map_get_layer        (IapHeatMap            *self,
                                                       cairo_t               *cr,
                                                       double                 width,
                                                       double                 height,
                                                       int                    scale);
void                    iap_heat_map_draw_selection   (IapHeatMap            *self,
                                                       cairo_t               *cr);
void                    iap_heat_map_draw             (IapHeatMap            *self,
                                                       cairo_t               *cr,
                                                       double                 width,
                                                       double                 height);
char                   *iap_heat_map_dup_description  (IapHeatMap            *self);
double                  iap_heat_map_get_smallest_text (IapHeatMap           *self);
double                  iap_heat_map_get_smallest_asked (IapHeatMap          *self);
gboolean                iap_heat_map_is_legible       (IapHeatMap            *self);
gboolean                iap_heat_map_has_text_clash   (IapHeatMap            *self);
gboolean                iap_heat_map_fits             (IapHeatMap            *self,
                                                       cairo_t               *cr,
                                                       double                 width,
                                                       double                 height);
void                    iap_heat_map_get_minimum_size (IapHeatMap            *self,
                                                       cairo_t               *cr,
                                                       double                *width,
                                                       double                *height);

gboolean                iap_heat_map_get_rating       (IapWorkshop           *workshop,
                                                       IapRisk               *risk,
                                                       IapHeatMapMarkerKind   kind,
                                                       guint                 *likelihood,
                                                       guint                 *impact);
void                    iap_heat_map_draw_workshop    (cairo_t               *cr,
                                                       IapWorkshop           *workshop,
                                                       IapHeatMapMode         mode,
                                                       double                 width,
                                                       double                 height,
                                                       const IapHeatMapStyle *style);

G_END_DECLS
