/* iap-heat-map-draw.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Painting a laid-out heat map. Nothing here measures text or walks the
 * register: a redraw for a new selection or a focus change stays cheap
 * however many risks there are.
 *
 * Markers are white discs with a dark outline and a dark number, which
 * read on every band of the palette, in colour and in greyscale.
 */

#define G_LOG_DOMAIN "iap-heat-map"

#include "config.h"

#include <math.h>

#include "iap-heat-map-private.h"

static const IapColor ink = IAP_HEAT_MAP_INK;
static const IapColor paper = { 1.0, 1.0, 1.0 };

static void
set_source (cairo_t        *cr,
            const IapColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

/* Whether cell @c or its lines may colour a pixel of @area; every cell
 * when @area is %NULL */
static gboolean
cell_reaches (IapHeatMap              *self,
              guint                    c,
              const cairo_rectangle_t *area,
              double                   line)
{
  const cairo_rectangle_t *cell = &self->cells[c];

  return area == NULL ||
         (cell->x + cell->width + line > area->x && cell->x - line < area->x + area->width &&
          cell->y + cell->height + line > area->y && cell->y - line < area->y + area->height);
}

static void
paint_cells (IapHeatMap              *self,
             cairo_t                 *cr,
             const cairo_rectangle_t *area)
{
  guint n = self->n_likelihood * self->n_impact;
  double line = MAX (1.0, self->font_size * 0.08);

  for (guint c = 0; c < n; c++)
    if (cell_reaches (self, c, area, line))
      {
        cairo_rectangle (cr, self->cells[c].x, self->cells[c].y,
                         self->cells[c].width, self->cells[c].height);
        iap_palette_set_source_band (cr, self->bands[c]);
        cairo_fill (cr);
      }

  /* Lines between cells, so that two cells of one band stay two cells in
   * greyscale. */
  for (guint c = 0; c < n; c++)
    if (cell_reaches (self, c, area, line))
      cairo_rectangle (cr, self->cells[c].x, self->cells[c].y,
                       self->cells[c].width, self->cells[c].height);
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.45);
  cairo_set_line_width (cr, line);
  cairo_stroke (cr);
}

static void
paint_text (cairo_t              *cr,
            const IapHeatMapText *text)
{
  set_source (cr, &text->color);
  cairo_move_to (cr, text->x, text->y);
  if (text->vertical)
    {
      cairo_save (cr);
      cairo_rotate (cr, -G_PI / 2);
      pango_cairo_update_layout (cr, text->layout);
      pango_cairo_show_layout (cr, text->layout);
      cairo_restore (cr);
    }
  else
    pango_cairo_show_layout (cr, text->layout);
}

static void
paint_texts (cairo_t *cr,
             GArray  *texts)
{
  for (guint t = 0; t < texts->len; t++)
    paint_text (cr, &g_array_index (texts, IapHeatMapText, t));
}

static void
paint_swatches (IapHeatMap *self,
                cairo_t    *cr)
{
  cairo_set_line_width (cr, 1.0);
  for (guint s = 0; s < self->swatches->len; s++)
    {
      IapHeatMapSwatch *swatch = &g_array_index (self->swatches, IapHeatMapSwatch, s);

      cairo_rectangle (cr, swatch->rect.x, swatch->rect.y, swatch->rect.width, swatch->rect.height);
      iap_palette_set_source_band (cr, swatch->band);
      cairo_fill_preserve (cr);
      set_source (cr, &ink);
      cairo_stroke (cr);
    }
}

static void
arrow_head (cairo_t               *cr,
            const IapHeatMapArrow *arrow,
            double                 size)
{
  double angle = atan2 (arrow->y1 - arrow->y0, arrow->x1 - arrow->x0);

  cairo_move_to (cr, arrow->x1, arrow->y1);
  cairo_line_to (cr, arrow->x1 - size * cos (angle - 0.45), arrow->y1 - size * sin (angle - 0.45));
  cairo_line_to (cr, arrow->x1 - size * cos (angle + 0.45), arrow->y1 - size * sin (angle + 0.45));
  cairo_close_path (cr);
}

/* A white halo under each dark arrow keeps it visible on the darkest band. */
static void
paint_arrows (IapHeatMap *self,
              cairo_t    *cr)
{
  double width = MAX (1.0, self->font_size * 0.12), head = self->font_size * 0.7;

  if (self->arrows->len == 0)
    return;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint a = 0; a < self->arrows->len; a++)
        {
          IapHeatMapArrow *arrow = &g_array_index (self->arrows, IapHeatMapArrow, a);

          cairo_move_to (cr, arrow->x0, arrow->y0);
          cairo_line_to (cr, arrow->x1, arrow->y1);
          arrow_head (cr, arrow, head);
        }
      set_source (cr, pass == 0 ? &paper : &ink);
      cairo_set_line_width (cr, pass == 0 ? width * 3 : width);
      if (pass == 0)
        cairo_stroke (cr);
      else
        cairo_fill_preserve (cr), cairo_stroke (cr);
    }
}

static void
marker_path (cairo_t                *cr,
             const IapHeatMapMarker *marker,
             gboolean                dashed)
{
  double dashes[] = { marker->radius * 0.4, marker->radius * 0.25 };

  cairo_new_sub_path (cr);
  cairo_arc (cr, marker->x, marker->y, marker->radius, 0, 2 * G_PI);
  cairo_set_line_width (cr, MAX (1.0, marker->radius * 0.16));
  cairo_set_dash (cr, dashes, dashed ? 2 : 0, 0);
}

static gboolean
is_dashed (IapHeatMap             *self,
           const IapHeatMapMarker *marker)
{
  /* After mitigation is a dashed outline; in a movement chart of two
   * workshops, where a risk was is the dashed ghost, and where it is now
   * is the solid marker that most risks keep */
  if (self->mode != IAP_HEAT_MAP_MOVEMENT)
    return FALSE;
  if (self->movements != NULL)
    return marker->kind == IAP_HEAT_MAP_MARKER_INHERENT;

  return marker->kind == IAP_HEAT_MAP_MARKER_RESIDUAL;
}

static void
paint_marker (IapHeatMap             *self,
              cairo_t                *cr,
              const IapHeatMapMarker *marker,
              const IapHeatMapText   *text)
{
  gboolean selected = self->style.selected == (int)marker->risk;
  gboolean dashed = is_dashed (self, marker);

  /* The selected marker stands raised off the map, on a shadow; a white
   * rim keeps its dark disc apart from a dark band. */
  if (selected)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, marker->x + marker->radius * 0.18, marker->y + marker->radius * 0.3,
                 marker->radius * 1.45, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
      cairo_fill (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, marker->x, marker->y, marker->radius * 1.22, 0, 2 * G_PI);
      set_source (cr, &paper);
      cairo_fill (cr);
    }

  marker_path (cr, marker, dashed && !selected);
  set_source (cr, selected ? &ink : &paper);
  cairo_fill_preserve (cr);
  set_source (cr, &ink);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (text != NULL)
    {
      set_source (cr, selected ? &paper : &ink);
      cairo_move_to (cr, text->x, text->y);
      pango_cairo_show_layout (cr, text->layout);
    }

  /* Ringed whether or not the keyboard is at it */
  if (selected)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, marker->x, marker->y, marker->radius * 1.45, 0, 2 * G_PI);
      cairo_set_line_width (cr, MAX (1.5, marker->radius * (self->style.focus_visible ? 0.26 : 0.2)));
      cairo_stroke (cr);
    }
}

/* Whether @marker can be painted in one batch with @first: it is not
 * the selected one and has the same outline. */
static gboolean
same_batch (IapHeatMap             *self,
            const IapHeatMapMarker *first,
            const IapHeatMapMarker *marker)
{
  return self->style.selected != (int)marker->risk &&
         marker->radius == first->radius &&
         is_dashed (self, marker) == is_dashed (self, first);
}

static void
discs_path (cairo_t                *cr,
            const IapHeatMapMarker *markers,
            guint                   n,
            double                  radius)
{
  for (guint m = 0; m < n; m++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, markers[m].x, markers[m].y, radius, 0, 2 * G_PI);
    }
}

/* Paints @n markers of one outline with two fills: a fill and a stroke
 * per marker were most of a frame with hundreds of risks, the stroke
 * most of all. A solid outline is a dark disc under a smaller white
 * one: the same shape as the stroke of a white disc, with antialiased
 * edges a few levels apart. The layout keeps markers apart, so painting
 * the discs, then the outlines, then the numbers of a batch shows the
 * same as painting marker after marker. */
static void
paint_batch (IapHeatMap             *self,
             cairo_t                *cr,
             const IapHeatMapMarker *markers,
             const IapHeatMapText   *texts,
             guint                   n)
{
  double radius = markers[0].radius, half = MAX (1.0, radius * 0.16) / 2;

  if (is_dashed (self, &markers[0]))
    {
      for (guint m = 0; m < n; m++)
        marker_path (cr, &markers[m], TRUE);
      set_source (cr, &paper);
      cairo_fill_preserve (cr);
      set_source (cr, &ink);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      discs_path (cr, markers, n, radius + half);
      set_source (cr, &ink);
      cairo_fill (cr);
      discs_path (cr, markers, n, radius - half);
      set_source (cr, &paper);
      cairo_fill (cr);
      set_source (cr, &ink);
    }

  for (guint m = 0; texts != NULL && m < n; m++)
    {
      cairo_move_to (cr, texts[m].x, texts[m].y);
      pango_cairo_show_layout (cr, texts[m].layout);
    }
}

/* The selected marker is painted alone, in its place in the order, as
 * its rim reaches over its neighbours. */
static void
paint_marker_range (IapHeatMap *self,
                    cairo_t    *cr,
                    GArray     *markers,
                    GArray     *texts,
                    guint       m,
                    guint       stop)
{
  while (m < stop)
    {
      const IapHeatMapMarker *first = &g_array_index (markers, IapHeatMapMarker, m);
      const IapHeatMapText *first_text = texts != NULL ? &g_array_index (texts, IapHeatMapText, m) : NULL;
      guint end = m + 1;

      if (self->style.selected == (int)first->risk)
        {
          paint_marker (self, cr, first, first_text);
          m++;
          continue;
        }
      while (end < stop &&
             same_batch (self, first, &g_array_index (markers, IapHeatMapMarker, end)))
        end++;
      paint_batch (self, cr, first, first_text, end - m);
      m = end;
    }
}

static void
paint_marker_array (IapHeatMap *self,
                    cairo_t    *cr,
                    GArray     *markers,
                    GArray     *texts)
{
  paint_marker_range (self, cr, markers, texts, 0, markers->len);
}

static void
paint_markers (IapHeatMap *self,
               cairo_t    *cr)
{
  int selected = self->style.selected;

  paint_marker_array (self, cr, self->markers, self->marker_texts);
  /* The legend's samples stand for no risk */
  self->style.selected = -1;
  paint_marker_array (self, cr, self->samples, NULL);
  self->style.selected = selected;
}

static void
pill_path (cairo_t               *cr,
           const IapHeatMapBadge *badge)
{
  double r = badge->height / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, badge->x + badge->width - r, badge->y + r, r, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, badge->x + r, badge->y + r, r, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A selected badge is dark, as a selected marker is, with a focus ring
 * when the map has the keyboard */
static void
paint_badge (IapHeatMap            *self,
             cairo_t               *cr,
             const IapHeatMapBadge *badge,
             const IapHeatMapText  *text,
             gboolean               selected)
{
  cairo_set_line_width (cr, MAX (1.0, self->font_size * 0.14));
  pill_path (cr, badge);
  set_source (cr, selected ? &ink : &paper);
  cairo_fill_preserve (cr);
  set_source (cr, &ink);
  cairo_stroke (cr);
  set_source (cr, selected ? &paper : &ink);
  cairo_move_to (cr, text->x, text->y);
  pango_cairo_show_layout (cr, text->layout);

  if (selected && self->style.focus_visible)
    {
      double pad = badge->height * 0.25;

      set_source (cr, &ink);
      cairo_rectangle (cr, badge->x - pad, badge->y - pad, badge->width + 2 * pad, badge->height + 2 * pad);
      cairo_set_line_width (cr, MAX (1.5, badge->height * 0.1));
      cairo_stroke (cr);
    }
}

static void
paint_badges (IapHeatMap *self,
              cairo_t    *cr)
{
  for (guint b = 0; b < self->badges->len; b++)
    paint_badge (self, cr, &g_array_index (self->badges, IapHeatMapBadge, b),
                 &g_array_index (self->badge_texts, IapHeatMapText, b), FALSE);
}

static gboolean
marker_in (const IapHeatMapMarker *marker,
           guint                   likelihood,
           guint                   impact)
{
  return marker->likelihood == likelihood && marker->impact == impact;
}

/* Whether @risk has a marker of its own in the cell */
static gboolean
has_marker_in (IapHeatMap *self,
               guint       likelihood,
               guint       impact,
               int         risk)
{
  for (guint m = 0; m < self->markers->len; m++)
    {
      const IapHeatMapMarker *marker = &g_array_index (self->markers, IapHeatMapMarker, m);

      if ((int) marker->risk == risk && marker->likelihood == likelihood && marker->impact == impact)
        return TRUE;
    }

  return FALSE;
}

/* Whether @risk is placed in the cell, with a marker or in its "+N" */
static gboolean
cell_holds (IapHeatMap *self,
            guint       likelihood,
            guint       impact,
            int         risk)
{
  GArray *entries = self->entries[iap_heat_map_cell_index (self, likelihood, impact)];

  for (guint e = 0; e < entries->len; e++)
    if ((int) (g_array_index (entries, guint, e) / 2) == risk)
      return TRUE;

  return FALSE;
}

/* The selected risk's markers alone, over a map painted without them
 * selected: the selected disc and its rim cover the plain one. */
void
_iap_heat_map_paint_selected (IapHeatMap *self,
                              cairo_t    *cr)
{
  if (self->style.selected < 0)
    return;

  cairo_save (cr);
  for (guint m = 0; m < self->markers->len; m++)
    {
      const IapHeatMapMarker *marker = &g_array_index (self->markers, IapHeatMapMarker, m);

      if (self->style.selected == (int)marker->risk)
        paint_marker (self, cr, marker, &g_array_index (self->marker_texts, IapHeatMapText, m));
    }
  /* A risk counted in a "+N" is shown selected by its cell's badge (in
   * the movement view, one of its two ratings may be) */
  for (guint b = 0; b < self->badges->len; b++)
    {
      const IapHeatMapBadge *badge = &g_array_index (self->badges, IapHeatMapBadge, b);

      if (cell_holds (self, badge->likelihood, badge->impact, self->style.selected) &&
          !has_marker_in (self, badge->likelihood, badge->impact, self->style.selected))
        paint_badge (self, cr, badge, &g_array_index (self->badge_texts, IapHeatMapText, b), TRUE);
    }
  cairo_restore (cr);
}

static gboolean
overlaps (const cairo_rectangle_t *area,
          double                   x0,
          double                   y0,
          double                   x1,
          double                   y1)
{
  return x1 > area->x && x0 < area->x + area->width && y1 > area->y && y0 < area->y + area->height;
}

/* How far from its centre a marker painted unselected may colour a
 * pixel: its outline, and a pixel for its antialiasing */
static double
marker_reach (const IapHeatMapMarker *marker)
{
  return marker->radius + MAX (1.0, marker->radius * 0.16) + 1;
}

static gboolean
text_overlaps (const IapHeatMapText    *text,
               const cairo_rectangle_t *area)
{
  PangoRectangle inked;
  double u0, v0, u1, v1;

  /* The ink, rounded out to pixels, and a pixel for its antialiasing */
  pango_layout_get_pixel_extents (text->layout, &inked, NULL);
  u0 = inked.x - 1;
  v0 = inked.y - 1;
  u1 = inked.x + inked.width + 1;
  v1 = inked.y + inked.height + 1;

  /* Turned a quarter left: (u, v) is painted at (x + v, y - u) */
  if (text->vertical)
    return overlaps (area, text->x + v0, text->y - u1, text->x + v1, text->y - u0);

  return overlaps (area, text->x + u0, text->y + v0, text->x + u1, text->y + v1);
}

static gboolean
marker_overlaps (const IapHeatMapMarker  *marker,
                 const cairo_rectangle_t *area)
{
  double reach = marker_reach (marker);

  return overlaps (area, marker->x - reach, marker->y - reach, marker->x + reach, marker->y + reach);
}

/* Paints again, over the map as an earlier layout left it, everything a
 * whole paint puts in the area from (@x0, @y0) to (@x1, @y1) grown to
 * whole device pixels, in the same order (bands, lines, texts, legend
 * keys, markers, "+N"), so that its pixels are those of a whole paint.
 * The markers of @cell (G_MAXUINT for none) are painted as one batch,
 * as a whole paint does; any other marker reaching into the area alone.
 * Arrows are not painted: the movement view is always painted whole. */
static void
paint_within (IapHeatMap *self,
              cairo_t    *cr,
              double      x0,
              double      y0,
              double      x1,
              double      y1,
              guint       cell)
{
  double line = MAX (1.0, self->font_size * 0.08);
  guint likelihood = 0, impact = 0;
  cairo_rectangle_t area;

  if (cell != G_MAXUINT)
    likelihood = cell / self->n_impact + 1, impact = cell % self->n_impact + 1;

  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  x0 = floor (x0), y0 = floor (y0), x1 = ceil (x1), y1 = ceil (y1);
  cairo_device_to_user (cr, &x0, &y0);
  cairo_device_to_user (cr, &x1, &y1);
  area = (cairo_rectangle_t) { x0, y0, x1 - x0, y1 - y0 };

  cairo_save (cr);
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  paint_cells (self, cr, &area);

  for (guint t = 0; t < self->texts->len; t++)
    {
      const IapHeatMapText *text = &g_array_index (self->texts, IapHeatMapText, t);

      if (text_overlaps (text, &area))
        paint_text (cr, text);
    }

  cairo_set_line_width (cr, 1.0);
  for (guint k = 0; k < self->swatches->len; k++)
    {
      const IapHeatMapSwatch *swatch = &g_array_index (self->swatches, IapHeatMapSwatch, k);

      if (overlaps (&area, swatch->rect.x - 1, swatch->rect.y - 1,
                    swatch->rect.x + swatch->rect.width + 1, swatch->rect.y + swatch->rect.height + 1))
        {
          cairo_rectangle (cr, swatch->rect.x, swatch->rect.y, swatch->rect.width, swatch->rect.height);
          iap_palette_set_source_band (cr, swatch->band);
          cairo_fill_preserve (cr);
          set_source (cr, &ink);
          cairo_stroke (cr);
        }
    }

  for (guint m = 0; m < self->markers->len; m++)
    {
      const IapHeatMapMarker *marker = &g_array_index (self->markers, IapHeatMapMarker, m);
      guint stop = m;

      if (!marker_in (marker, likelihood, impact))
        {
          if (marker_overlaps (marker, &area))
            paint_marker_range (self, cr, self->markers, self->marker_texts, m, m + 1);
          continue;
        }
      /* The layout keeps a cell's markers together */
      while (stop < self->markers->len &&
             marker_in (&g_array_index (self->markers, IapHeatMapMarker, stop), likelihood, impact))
        stop++;
      paint_marker_range (self, cr, self->markers, self->marker_texts, m, stop);
      m = stop - 1;
    }
  for (guint k = 0; k < self->samples->len; k++)
    if (marker_overlaps (&g_array_index (self->samples, IapHeatMapMarker, k), &area))
      paint_marker_range (self, cr, self->samples, NULL, k, k + 1);

  for (guint b = 0; b < self->badges->len; b++)
    {
      const IapHeatMapBadge *badge = &g_array_index (self->badges, IapHeatMapBadge, b);

      if (overlaps (&area, badge->x - line, badge->y - line,
                    badge->x + badge->width + line, badge->y + badge->height + line))
        paint_badge (self, cr, badge, &g_array_index (self->badge_texts, IapHeatMapText, b), FALSE);
    }
  cairo_restore (cr);
}

/* Paints @cell and its lines again (the line between two cells belongs
 * to both). */
void
_iap_heat_map_paint_cell (IapHeatMap *self,
                          cairo_t    *cr,
                          guint       cell)
{
  const cairo_rectangle_t *rect = &self->cells[cell];
  double line = MAX (1.0, self->font_size * 0.08);

  paint_within (self, cr, rect->x - line, rect->y - line,
                rect->x + rect->width + line, rect->y + rect->height + line, cell);
}

/* Paints @area again, outside the cells (the legend) */
void
_iap_heat_map_paint_area (IapHeatMap              *self,
                          cairo_t                 *cr,
                          const cairo_rectangle_t *area)
{
  paint_within (self, cr, area->x, area->y, area->x + area->width, area->y + area->height, G_MAXUINT);
}

void
_iap_heat_map_paint (IapHeatMap *self,
                     cairo_t    *cr)
{
  cairo_save (cr);
  paint_cells (self, cr, NULL);
  paint_texts (cr, self->texts);
  paint_swatches (self, cr);
  paint_arrows (self, cr);
  paint_markers (self, cr);
  paint_badges (self, cr);
  cairo_restore (cr);
}
