/* iap-heat-map-private.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "iap-heat-map.h"

G_BEGIN_DECLS

#define IAP_HEAT_MAP_MAX_CELLS (IAP_SCALE_MAX_LEVELS * IAP_SCALE_MAX_LEVELS)

/* The dark ink of markers, arrows and grid lines. */
#define IAP_HEAT_MAP_INK { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0 }

/* The data of a text's PangoLayout holding the font size the layout
 * asked for (a double), before the style's minimum raised it */
#define IAP_HEAT_MAP_ASKED_SIZE "iap-heat-map-asked-size"

/* A piece of text placed by the layout; drawing only shows it. */
typedef struct
{
  PangoLayout *layout;
  double       x;
  double       y;
  IapColor     color;
  gboolean     vertical;
} IapHeatMapText;

typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
} IapHeatMapArrow;

typedef enum
{
  IAP_HEAT_MAP_HEADING_LEVELS,
  IAP_HEAT_MAP_HEADING_BAND,
  IAP_HEAT_MAP_HEADING_NONE,
} IapHeatMapHeading;

typedef struct
{
  cairo_rectangle_t rect;
  IapBand           band;
} IapHeatMapSwatch;

struct _IapHeatMap
{
  GObject parent_instance;

  /* Owned */
  IapWorkshop *workshop;
  IapHeatMapMode mode;
  GHashTable *only;             /* risk ids the map places; NULL: every risk */
  IapHeatMapStyle style;
  /* A comparison's movements, placed instead of the agreed ratings: the
   * "inherent" marker where a risk was, the "residual" one where it is */
  GArray *movements;
  char *from_label;
  char *to_label;

  /* The layout, rebuilt only when the data, the size or the target change */
  gboolean dirty;
  /* The workshop changed: when only ratings did, only the cells whose
   * markers moved are laid out and painted again */
  gboolean data_dirty;
  /* What else the layout drew from the workshop (levels, bands), to
   * tell a change of ratings alone from any other */
  char *frame_key;
  double width;
  double height;
  cairo_surface_type_t surface_type;
  PangoContext *context;
  double font_size;
  /* Font family of every text, "Sans" unless set */
  char *font_family;
  /* Size and height of the band and score written at the top of each
   * cell: smaller than the other text when the cell is too short */
  double heading_size;
  double heading_height;
  /* Where the ink of a two-line heading's first line ends, from its top */
  double heading_first_ink;
  gboolean heading_wraps;
  /* What a cell's heading says: band and levels, in a room the band
   * alone or nothing when the cells are too small for it */
  IapHeatMapHeading heading_kind;
  /* In a room, whether the impact levels alternate between two lines
   * and whether the legend names the bands */
  gboolean impact_staggered;
  gboolean band_legend;
  /* Whether every text and marker of the layout is at least the
   * style's minimum size and fits where it goes */
  gboolean legible;
  /* Risks are counted, never placed: a trial of the map's size */
  gboolean counting_only;
  guint n_likelihood;
  guint n_impact;
  cairo_rectangle_t grid;
  cairo_rectangle_t cells[IAP_HEAT_MAP_MAX_CELLS];
  IapBand bands[IAP_HEAT_MAP_MAX_CELLS];
  GArray *entries[IAP_HEAT_MAP_MAX_CELLS];
  GArray *spare_entries[IAP_HEAT_MAP_MAX_CELLS];
  /* Where each cell's heading is in texts */
  guint headings[IAP_HEAT_MAP_MAX_CELLS];
  /* Markers: the area of a cell they go in (from its corner), their
   * radius before and after the most crowded cell made it smaller, and
   * the smallest it may be */
  cairo_rectangle_t marker_area;
  double radius_start;
  double radius_smallest;
  double radius;
  /* The legend's count of risks not yet rated: its place in texts
   * (G_MAXUINT when there is none), where the legend's flow was before
   * it and whether it went to a new line */
  guint unrated_text;
  double unrated_flow_x;
  double legend_left;
  double legend_right;
  gboolean unrated_wrapped;
  /* While cells are laid out again: their markers' texts, by entry, for
   * the markers that only move */
  GHashTable *reuse;
  GArray *markers;
  GArray *marker_texts;
  GArray *badges;
  GArray *badge_texts;
  GArray *texts;
  GArray *arrows;
  GArray *swatches;
  GArray *samples;
  guint n_unrated;

  /* Everything but the selection, painted once per layout on a raster
   * target: a redraw for a new selection or focus paints this and the
   * selected markers on top. */
  cairo_surface_t *cache;
  int cache_scale;
  /* Cells laid out again since the cache was painted */
  gboolean stale[IAP_HEAT_MAP_MAX_CELLS];
  gboolean any_stale;
  /* An area outside the cells laid out again, or a zero width */
  cairo_rectangle_t stale_area;
};

static inline guint
iap_heat_map_cell_index (IapHeatMap *self,
                         guint       likelihood,
                         guint       impact)
{
  return (likelihood - 1) * self->n_impact + (impact - 1);
}

gboolean _iap_heat_map_shows_risk (IapHeatMap *self,
                                   IapRisk    *risk);
void _iap_heat_map_paint          (IapHeatMap *self,
                                  cairo_t    *cr);
void _iap_heat_map_paint_selected (IapHeatMap *self,
                                  cairo_t    *cr);
void _iap_heat_map_paint_cell     (IapHeatMap *self,
                                  cairo_t    *cr,
                                  guint       cell);
void _iap_heat_map_paint_area     (IapHeatMap              *self,
                                  cairo_t                 *cr,
                                  const cairo_rectangle_t *area);
GArray *_iap_heat_map_text_array_new (void);

G_END_DECLS
