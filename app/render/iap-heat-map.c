/* iap-heat-map.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The risk heat map of a workshop: likelihood up, impact across, each
 * cell in the colour of its band with the band's name and its levels
 * (likelihood×impact) written in it, and each risk a marker numbered by
 * its place in the register.
 *
 * Laying out is the slow part (text is measured, markers are packed), so
 * it happens once per change of the data, the size or the kind of
 * surface; drawing then only paints what the layout placed. The widget,
 * the PNG, SVG and PDF exports and printing all draw through here.
 */

#define G_LOG_DOMAIN "iap-heat-map"

#include "config.h"

#include "iap-i18n.h"
#include <math.h>
#include <string.h>

#include "iap-chart-text.h"
#include "iap-heat-map-private.h"

G_DEFINE_FINAL_TYPE (IapHeatMap, iap_heat_map, G_TYPE_OBJECT)

static void
clear_text (gpointer data)
{
  IapHeatMapText *text = data;

  g_clear_object (&text->layout);
}

GArray *
_iap_heat_map_text_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (IapHeatMapText));

  g_array_set_clear_func (array, clear_text);

  return array;
}

static void
iap_heat_map_finalize (GObject *object)
{
  IapHeatMap *self = (IapHeatMap *)object;

  g_clear_object (&self->workshop);
  g_clear_pointer (&self->only, g_hash_table_unref);
  g_clear_pointer (&self->movements, g_array_unref);
  g_clear_pointer (&self->from_label, g_free);
  g_clear_pointer (&self->to_label, g_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->font_family, g_free);
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->marker_texts, g_array_unref);
  g_clear_pointer (&self->badges, g_array_unref);
  g_clear_pointer (&self->badge_texts, g_array_unref);
  g_clear_pointer (&self->texts, g_array_unref);
  g_clear_pointer (&self->arrows, g_array_unref);
  g_clear_pointer (&self->swatches, g_array_unref);
  g_clear_pointer (&self->samples, g_array_unref);
  for (guint c = 0; c < IAP_HEAT_MAP_MAX_CELLS; c++)
    {
      g_clear_pointer (&self->entries[c], g_array_unref);
      g_clear_pointer (&self->spare_entries[c], g_array_unref);
    }
  g_clear_pointer (&self->frame_key, g_free);

  G_OBJECT_CLASS (iap_heat_map_parent_class)->finalize (object);
}

static void
iap_heat_map_class_init (IapHeatMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_heat_map_finalize;
}

static void
iap_heat_map_init (IapHeatMap *self)
{
  iap_heat_map_style_init (&self->style);
  self->markers = g_array_new (FALSE, TRUE, sizeof (IapHeatMapMarker));
  self->marker_texts = _iap_heat_map_text_array_new ();
  self->badges = g_array_new (FALSE, TRUE, sizeof (IapHeatMapBadge));
  self->badge_texts = _iap_heat_map_text_array_new ();
  self->texts = _iap_heat_map_text_array_new ();
  self->arrows = g_array_new (FALSE, TRUE, sizeof (IapHeatMapArrow));
  self->swatches = g_array_new (FALSE, TRUE, sizeof (IapHeatMapSwatch));
  self->samples = g_array_new (FALSE, TRUE, sizeof (IapHeatMapMarker));
  for (guint c = 0; c < IAP_HEAT_MAP_MAX_CELLS; c++)
    {
      self->entries[c] = g_array_new (FALSE, FALSE, sizeof (guint));
      self->spare_entries[c] = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  self->dirty = TRUE;
}

/* Public API ------------------------------------------------------------- */

void
iap_heat_map_style_init (IapHeatMapStyle *style)
{
  g_return_if_fail (style != NULL);

  style->font_size = 0;
  style->min_font_size = 0;
  style->foreground = (IapColor) IAP_HEAT_MAP_INK;
  style->selected = -1;
  style->focus_visible = FALSE;
  style->show_legend = TRUE;
  style->room = FALSE;
  style->shrink_to_fit = FALSE;
}

/**
 * iap_heat_map_new:
 * @workshop: (nullable): the workshop whose risks to map
 */
IapHeatMap *
iap_heat_map_new (IapWorkshop *workshop)
{
  IapHeatMap *self = g_object_new (IAP_TYPE_HEAT_MAP, NULL);

  iap_heat_map_set_workshop (self, workshop);

  return self;
}

IapWorkshop *
iap_heat_map_get_workshop (IapHeatMap *self)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), NULL);

  return self->workshop;
}

void
iap_heat_map_set_workshop (IapHeatMap  *self,
                           IapWorkshop *workshop)
{
  g_return_if_fail (IAP_IS_HEAT_MAP (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (g_set_object (&self->workshop, workshop))
    self->dirty = TRUE;
}

IapHeatMapMode
iap_heat_map_get_mode (IapHeatMap *self)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), IAP_HEAT_MAP_INHERENT);

  return self->mode;
}

void
iap_heat_map_set_mode (IapHeatMap     *self,
                       IapHeatMapMode  mode)
{
  g_return_if_fail (IAP_IS_HEAT_MAP (self));
  g_return_if_fail (mode <= IAP_HEAT_MAP_MOVEMENT);

  if (self->mode == mode)
    return;
  self->mode = mode;
  self->dirty = TRUE;
}

/**
 * iap_heat_map_set_risks:
 * @risks: (nullable): the ids of the risks to place, or %NULL for every
 *   risk of the register
 *
 * Places only some risks of the register, such as those a structural
 * option brings; each keeps its number in the register and its agreed
 * rating on the workshop's matrix.
 */
void
iap_heat_map_set_risks (IapHeatMap         *self,
                        const char * const *risks)
{
  g_return_if_fail (IAP_IS_HEAT_MAP (self));

  g_clear_pointer (&self->only, g_hash_table_unref);
  if (risks != NULL)
    {
      self->only = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; risks[i] != NULL; i++)
        g_hash_table_add (self->only, g_strdup (risks[i]));
    }
  self->dirty = TRUE;
}

gboolean
_iap_heat_map_shows_risk (IapHeatMap *self,
                          IapRisk    *risk)
{
  return self->only == NULL || g_hash_table_contains (self->only, iap_risk_get_id (risk));
}

const IapHeatMapStyle *
iap_heat_map_get_style (IapHeatMap *self)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), NULL);

  return &self->style;
}

void
iap_heat_map_set_style (IapHeatMap            *self,
                        const IapHeatMapStyle *style)
{
  g_return_if_fail (IAP_IS_HEAT_MAP (self));
  g_return_if_fail (style != NULL);

  self->style = *style;
  self->dirty = TRUE;
}

/**
 * iap_heat_map_set_font_family:
 * @family: (nullable): a font family, or %NULL for "Sans"
 *
 * Sets the font of every text on the map. The layout measures what it
 * writes, so any family fits.
 */
void
iap_heat_map_set_font_family (IapHeatMap *self,
                              const char *family)
{
  g_return_if_fail (IAP_IS_HEAT_MAP (self));

  if (g_strcmp0 (self->font_family, family) == 0)
    return;
  g_free (self->font_family);
  self->font_family = g_strdup (family);
  self->dirty = TRUE;
}

/**
 * iap_heat_map_set_movements:
 * @movements: (array length=n_movements) (nullable): where each risk of the
 *   workshop was and is, as iap_comparison_get_movements() gives them;
 *   %NULL to place the agreed ratings again
 * @from_label: (nullable): what the earlier positions are, for the
 *   legend: “Workshop of March 2025”
 * @to_label: (nullable): what the later ones are
 *
 * Makes the movement mode a movement chart of two workshops (or two
 * rounds): a marker where each risk was, one where it is, and an arrow
 * between them, numbered as the workshop's register numbers its risks.
 */
void
iap_heat_map_set_movements (IapHeatMap        *self,
                            const IapMovement *movements,
                            guint              n_movements,
                            const char        *from_label,
                            const char        *to_label)
{
  g_return_if_fail (IAP_IS_HEAT_MAP (self));
  g_return_if_fail (movements != NULL || n_movements == 0);

  g_clear_pointer (&self->movements, g_array_unref);
  g_clear_pointer (&self->from_label, g_free);
  g_clear_pointer (&self->to_label, g_free);

  if (movements != NULL)
    {
      guint n = 0;

      /* By number, so that a marker shows its risk's number */
      for (guint m = 0; m < n_movements; m++)
        n = MAX (n, movements[m].number);
      self->movements = g_array_new (FALSE, TRUE, sizeof (IapMovement));
      g_array_set_size (self->movements, n);
      for (guint m = 0; m < n_movements; m++)
        if (movements[m].number > 0)
          g_array_index (self->movements, IapMovement, movements[m].number - 1) = movements[m];
      self->from_label = g_strdup (from_label);
      self->to_label = g_strdup (to_label);
    }

  iap_heat_map_invalidate (self);
}

/**
 * iap_heat_map_set_selected:
 * @risk: the position of the risk in the register, from 0, or -1
 *
 * Highlights a risk's markers. Cheap: the layout stays.
 */
void
iap_heat_map_set_selected (IapHeatMap *self,
                           int         risk,
                           gboolean    focus_visible)
{
  g_return_if_fail (IAP_IS_HEAT_MAP (self));

  self->style.selected = risk;
  self->style.focus_visible = focus_visible;
}

/**
 * iap_heat_map_invalidate:
 *
 * Says that the workshop changed. When only ratings did, the next layout
 * places again the markers of the cells they left or joined, and the
 * layer of iap_heat_map_get_layer() is painted again only there; any
 * other change (levels, bands, the number of risks not yet rated, the
 * size of the markers) starts the layout over.
 */
void
iap_heat_map_invalidate (IapHeatMap *self)
{
  g_return_if_fail (IAP_IS_HEAT_MAP (self));

  self->data_dirty = TRUE;
}

/**
 * iap_heat_map_next_risk:
 * @from: a risk's position in the register, or -1 for none
 * @step: 1 for the next risk on the map, -1 for the previous one
 *
 * The risks the map places, in register order, whether they have a
 * marker of their own or are counted in a cell's "+N": what the arrow
 * keys go through. From none, the first or the last.
 *
 * Returns: the position of that risk, or -1 if there is none
 */
int
iap_heat_map_next_risk (IapHeatMap *self,
                        int         from,
                        int         step)
{
  int best = -1;

  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), -1);

  for (guint c = 0; c < self->n_likelihood * self->n_impact; c++)
    for (guint e = 0; e < self->entries[c]->len; e++)
      {
        int risk = g_array_index (self->entries[c], guint, e) / 2;

        if (step > 0 && (from < 0 || risk > from) && (best < 0 || risk < best))
          best = risk;
        else if (step < 0 && (from < 0 || risk < from) && risk > best)
          best = risk;
      }

  return best;
}

/**
 * iap_heat_map_get_markers:
 *
 * Returns: (array length=n_markers): the markers of the last layout, by
 *   cell and then in register order
 */
const IapHeatMapMarker *
iap_heat_map_get_markers (IapHeatMap *self,
                          guint      *n_markers)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), NULL);
  g_return_val_if_fail (n_markers != NULL, NULL);

  *n_markers = self->markers->len;

  return (const IapHeatMapMarker *)(gpointer)self->markers->data;
}

static double
smallest_in (GArray   *texts,
             double    smallest,
             gboolean  asked)
{
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      PangoLayout *layout = g_array_index (texts, IapHeatMapText, i).layout;
      const PangoFontDescription *font = pango_layout_get_font_description (layout);
      const double *size = g_object_get_data (G_OBJECT (layout), IAP_HEAT_MAP_ASKED_SIZE);

      if (asked && size != NULL)
        smallest = MIN (smallest, *size);
      else if (font != NULL)
        smallest = MIN (smallest, pango_units_to_double (pango_font_description_get_size (font)));
    }

  return smallest;
}

static double
smallest_text (IapHeatMap *self,
               gboolean    asked)
{
  double smallest = G_MAXDOUBLE;

  smallest = smallest_in (self->texts, smallest, asked);
  smallest = smallest_in (self->marker_texts, smallest, asked);
  smallest = smallest_in (self->badge_texts, smallest, asked);

  return smallest == G_MAXDOUBLE ? 0 : smallest;
}

/**
 * iap_heat_map_get_smallest_text:
 *
 * Returns: the font size of the smallest text the last layout placed
 *   (axes, legend, cell headings, markers' numbers, badges), in user
 *   units, or 0 when it placed none
 */
double
iap_heat_map_get_smallest_text (IapHeatMap *self)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), 0);

  return smallest_text (self, FALSE);
}

/**
 * iap_heat_map_get_smallest_asked:
 *
 * Returns: the smallest font size the last layout asked for its placed
 *   text, before the style's minimum (@min_font_size) raised it: below
 *   that minimum when the map would have set smaller text, or 0 when it
 *   placed none
 */
double
iap_heat_map_get_smallest_asked (IapHeatMap *self)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), 0);

  return smallest_text (self, TRUE);
}

/**
 * iap_heat_map_is_legible:
 *
 * Returns: whether the last layout fitted every heading and marker in its
 *   cell at the style's minimum text size or larger; %FALSE means the map
 *   was given less room than its text needs
 */
gboolean
iap_heat_map_is_legible (IapHeatMap *self)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), FALSE);

  return self->legible;
}

/* Where the ink of @text is on the map */
static void
text_ink (const IapHeatMapText *text,
          double               *x0,
          double               *y0,
          double               *x1,
          double               *y1)
{
  PangoRectangle ink;
  double u0, v0, u1, v1;

  pango_layout_get_extents (text->layout, &ink, NULL);
  u0 = pango_units_to_double (ink.x);
  v0 = pango_units_to_double (ink.y);
  u1 = pango_units_to_double (ink.x + ink.width);
  v1 = pango_units_to_double (ink.y + ink.height);

  /* Turned a quarter left: (u, v) is painted at (x + v, y - u) */
  if (text->vertical)
    {
      *x0 = text->x + v0, *y0 = text->y - u1, *x1 = text->x + v1, *y1 = text->y - u0;
      return;
    }
  *x0 = text->x + u0, *y0 = text->y + v0, *x1 = text->x + u1, *y1 = text->y + v1;
}


/**
 * iap_heat_map_has_text_clash:
 *
 * Whether the text of the last layout (axes, cell headings, legend)
 * cannot be read as it is placed: two pieces of text whose ink overlaps,
 * a label wrapped inside a word or cut short. A map of small multiples
 * gets more room where its text clashes.
 *
 * Returns: %TRUE if some text clashes
 */
gboolean
iap_heat_map_has_text_clash (IapHeatMap *self)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), FALSE);

  for (guint i = 0; self->texts != NULL && i < self->texts->len; i++)
    {
      const IapHeatMapText *a = &g_array_index (self->texts, IapHeatMapText, i);
      double ax0, ay0, ax1, ay1;

      if (iap_chart_layout_is_broken (a->layout))
        return TRUE;
      text_ink (a, &ax0, &ay0, &ax1, &ay1);
      for (guint j = i + 1; j < self->texts->len; j++)
        {
          double bx0, by0, bx1, by1;

          text_ink (&g_array_index (self->texts, IapHeatMapText, j), &bx0, &by0, &bx1, &by1);
          /* Touching is not overlapping: a pixel's antialiasing apart */
          if (ax1 > bx0 + 0.5 && bx1 > ax0 + 0.5 && ay1 > by0 + 0.5 && by1 > ay0 + 0.5)
            return TRUE;
        }
    }

  return FALSE;
}

/* A copy of the map to lay out at trial sizes. Crowded cells show a "+N"
 * rather than overflow: the markers change nothing to the size a map
 * needs, so trials place none, but count the risks not rated for the
 * legend. */
static IapHeatMap *
new_trial (IapHeatMap *self)
{
  IapHeatMap *trial = iap_heat_map_new (self->workshop);

  iap_heat_map_set_mode (trial, self->mode);
  iap_heat_map_set_font_family (trial, self->font_family);
  trial->only = self->only != NULL ? g_hash_table_ref (self->only) : NULL;
  trial->movements = self->movements != NULL ? g_array_ref (self->movements) : NULL;
  trial->from_label = g_strdup (self->from_label);
  trial->to_label = g_strdup (self->to_label);
  trial->counting_only = TRUE;

  return trial;
}

/**
 * iap_heat_map_fits:
 * @cr: a context on the kind of surface the map will be drawn on
 *
 * Whether the map, drawn @width x @height on screen (its text as
 * iap_chart_get_screen_font() gives it for that size, never below the
 * style's minimum), would fit every heading and marker at that size:
 * a window asks before it takes room from the map. Lays out a copy.
 *
 * Returns: %TRUE if iap_heat_map_is_legible() would be at that size
 */
gboolean
iap_heat_map_fits (IapHeatMap *self,
                   cairo_t    *cr,
                   double      width,
                   double      height)
{
  g_autoptr(IapHeatMap) trial = NULL;
  IapHeatMapStyle style;

  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (self->workshop == NULL)
    return TRUE;
  if (width <= 0 || height <= 0)
    return FALSE;

  trial = new_trial (self);
  style = self->style;
  style.font_size = MAX (iap_chart_get_screen_font (width, height), style.min_font_size);
  iap_heat_map_set_style (trial, &style);
  iap_heat_map_layout (trial, cr, width, height);

  return trial->legible;
}

/**
 * iap_heat_map_get_minimum_size:
 * @cr: a context on the kind of surface the map will be drawn on
 * @width: (out): the smallest width
 * @height: (out): the smallest height
 *
 * The smallest size, in the proportions of a usual map (4:3), at which
 * the map's text can be set at the style's minimum size with every
 * heading and one marker fitting in each cell. A container gives the map
 * at least this much and scrolls below it, rather than setting its text
 * smaller. Lays the map out at trial sizes: call it when the scales, the
 * workshop or the style change, not on each frame.
 */
void
iap_heat_map_get_minimum_size (IapHeatMap *self,
                               cairo_t    *cr,
                               double     *width,
                               double     *height)
{
  g_autoptr(IapHeatMap) trial = NULL;
  IapHeatMapStyle style;
  double low, high = 1.0;

  g_return_if_fail (IAP_IS_HEAT_MAP (self));
  g_return_if_fail (cr != NULL && width != NULL && height != NULL);

  *width = *height = 0;
  if (self->workshop == NULL)
    return;

  trial = new_trial (self);
  style = self->style;
  style.font_size = style.min_font_size;
  iap_heat_map_set_style (trial, &style);

  /* A size the map fits, doubling from 400 x 300 ... */
  for (guint i = 0; i < 5; i++, high *= 2)
    {
      iap_heat_map_layout (trial, cr, 400 * high, 300 * high);
      if (trial->legible)
        break;
    }
  /* ... then the smallest, to within 2 % */
  low = high / 4;
  while (high - low > high * 0.02)
    {
      double middle = (low + high) / 2;

      iap_heat_map_layout (trial, cr, 400 * middle, 300 * middle);
      if (trial->legible)
        high = middle;
      else
        low = middle;
    }

  /* Legibility need not grow steadily with the size (a heading wraps,
   * hinting rounds): the size handed out is one checked to fit */
  for (guint i = 0; i < 10; i++, high *= 1.02)
    {
      iap_heat_map_layout (trial, cr, ceil (400 * high), ceil (300 * high));
      if (trial->legible)
        break;
    }

  *width = ceil (400 * high);
  *height = ceil (300 * high);
}

const IapHeatMapBadge *
iap_heat_map_get_badges (IapHeatMap *self,
                         guint      *n_badges)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), NULL);
  g_return_val_if_fail (n_badges != NULL, NULL);

  *n_badges = self->badges->len;

  return (const IapHeatMapBadge *)(gpointer)self->badges->data;
}

/**
 * iap_heat_map_get_cell:
 *
 * Returns: %TRUE if the last layout has this cell, and sets @rect to it
 */
gboolean
iap_heat_map_get_cell (IapHeatMap        *self,
                       guint              likelihood,
                       guint              impact,
                       cairo_rectangle_t *rect)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (likelihood < 1 || likelihood > self->n_likelihood ||
      impact < 1 || impact > self->n_impact)
    return FALSE;

  *rect = self->cells[iap_heat_map_cell_index (self, likelihood, impact)];

  return TRUE;
}

/**
 * iap_heat_map_hit_test:
 *
 * Returns: (nullable): the marker under the point, in the last layout
 */
const IapHeatMapMarker *
iap_heat_map_hit_test (IapHeatMap *self,
                       double      x,
                       double      y)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), NULL);

  for (guint m = 0; m < self->markers->len; m++)
    {
      const IapHeatMapMarker *marker = &g_array_index (self->markers, IapHeatMapMarker, m);

      if (hypot (x - marker->x, y - marker->y) <= marker->radius + 1)
        return marker;
    }

  return NULL;
}

const IapHeatMapBadge *
iap_heat_map_hit_test_badge (IapHeatMap *self,
                             double      x,
                             double      y)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), NULL);

  for (guint b = 0; b < self->badges->len; b++)
    {
      const IapHeatMapBadge *badge = &g_array_index (self->badges, IapHeatMapBadge, b);

      if (x >= badge->x && x <= badge->x + badge->width &&
          y >= badge->y && y <= badge->y + badge->height)
        return badge;
    }

  return NULL;
}

/* A raster target drawn at whole pixels: a copy of the pixels then
 * shows exactly what painting would. Vector targets (PDF, SVG, print)
 * are always painted. */
static gboolean
can_cache (cairo_t *cr,
           int     *scale)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t matrix;
  double sx, sy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;

  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (target, &sx, &sy);
  *scale = (int) sx;

  return sx == sy && sx == *scale && *scale >= 1 &&
         matrix.xx == 1 && matrix.yy == 1 && matrix.xy == 0 && matrix.yx == 0 &&
         matrix.x0 == floor (matrix.x0) && matrix.y0 == floor (matrix.y0);
}

static void
clear_stale (IapHeatMap *self)
{
  memset (self->stale, 0, sizeof self->stale);
  self->any_stale = FALSE;
  self->stale_area.width = 0;
}

/* Paints the cells laid out again over the layer. A layer someone else
 * still holds (a texture made from it) is left as it was: the cells are
 * painted on a copy, which becomes the layer. */
static void
repaint_stale (IapHeatMap *self)
{
  int selected = self->style.selected;
  cairo_t *layer;

  if (cairo_surface_get_reference_count (self->cache) > 1)
    {
      cairo_surface_t *copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                          cairo_image_surface_get_width (self->cache),
                                                          cairo_image_surface_get_height (self->cache));
      cairo_surface_flush (self->cache);
      cairo_surface_flush (copy);
      g_assert (cairo_image_surface_get_stride (copy) == cairo_image_surface_get_stride (self->cache));
      memcpy (cairo_image_surface_get_data (copy), cairo_image_surface_get_data (self->cache),
              (gsize) cairo_image_surface_get_stride (copy) * cairo_image_surface_get_height (copy));
      cairo_surface_mark_dirty (copy);
      cairo_surface_set_device_scale (copy, self->cache_scale, self->cache_scale);
      cairo_surface_destroy (self->cache);
      self->cache = copy;
    }

  layer = cairo_create (self->cache);
  self->style.selected = -1;
  for (guint c = 0; c < self->n_likelihood * self->n_impact; c++)
    if (self->stale[c])
      _iap_heat_map_paint_cell (self, layer, c);
  if (self->stale_area.width > 0)
    _iap_heat_map_paint_area (self, layer, &self->stale_area);
  self->style.selected = selected;
  cairo_destroy (layer);
  clear_stale (self);
}

/**
 * iap_heat_map_get_layer:
 * @cr: a context on the kind of surface the map will be shown on, for
 *   the layout's text metrics
 * @scale: device pixels per unit
 *
 * The map as laid out for this size, without its selection, painted
 * once into an image and kept until the layout changes: a screen shows
 * it and then the selection with iap_heat_map_draw_selection(). A new
 * layout makes a new image, and an image someone holds a reference to is
 * never painted over (after a change of ratings, the cells painted again
 * go on a copy), so holding a reference to one tells whether it is still
 * current.
 *
 * Returns: (transfer none) (nullable): an ARGB32 image surface of
 *   @width x @height units at @scale, or %NULL when there is no map
 */
cairo_surface_t *
iap_heat_map_get_layer (IapHeatMap *self,
                        cairo_t    *cr,
                        double      width,
                        double      height,
                        int         scale)
{
  int selected;
  cairo_t *layer;

  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (scale >= 1, NULL);

  iap_heat_map_layout (self, cr, width, height);
  if (self->n_likelihood == 0 || self->n_impact == 0)
    return NULL;
  if (self->cache != NULL && self->cache_scale == scale)
    {
      if (self->any_stale || self->stale_area.width > 0)
        repaint_stale (self);
      return self->cache;
    }

  g_clear_pointer (&self->cache, cairo_surface_destroy);
  clear_stale (self);
  self->cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale), (int) ceil (height * scale));
  cairo_surface_set_device_scale (self->cache, scale, scale);
  self->cache_scale = scale;

  layer = cairo_create (self->cache);
  selected = self->style.selected;
  self->style.selected = -1;
  _iap_heat_map_paint (self, layer);
  self->style.selected = selected;
  cairo_destroy (layer);

  return self->cache;
}

/**
 * iap_heat_map_draw_selection:
 *
 * Draws the selected risk's markers over the layer of
 * iap_heat_map_get_layer(), with the layout of the last call to it.
 */
void
iap_heat_map_draw_selection (IapHeatMap *self,
                             cairo_t    *cr)
{
  g_return_if_fail (IAP_IS_HEAT_MAP (self));
  g_return_if_fail (cr != NULL);

  _iap_heat_map_paint_selected (self, cr);
}

/**
 * iap_heat_map_draw:
 *
 * Draws the map in the rectangle (0, 0, @width, @height) of @cr, laying
 * it out first if needed. On an image surface, the layer of
 * iap_heat_map_get_layer() is reused from one frame to the next.
 */
void
iap_heat_map_draw (IapHeatMap *self,
                   cairo_t    *cr,
                   double      width,
                   double      height)
{
  cairo_surface_t *layer;
  int scale = 1;

  g_return_if_fail (IAP_IS_HEAT_MAP (self));
  g_return_if_fail (cr != NULL);

  if (!can_cache (cr, &scale))
    {
      iap_heat_map_layout (self, cr, width, height);
      if (self->n_likelihood > 0 && self->n_impact > 0)
        _iap_heat_map_paint (self, cr);
      return;
    }

  layer = iap_heat_map_get_layer (self, cr, width, height, scale);
  if (layer == NULL)
    return;
  cairo_save (cr);
  cairo_set_source_surface (cr, layer, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  _iap_heat_map_paint_selected (self, cr);
}

/**
 * iap_heat_map_draw_workshop:
 * @style: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws the heat map of @workshop once, as a report or an export does.
 */
void
iap_heat_map_draw_workshop (cairo_t               *cr,
                            IapWorkshop           *workshop,
                            IapHeatMapMode         mode,
                            double                 width,
                            double                 height,
                            const IapHeatMapStyle *style)
{
  g_autoptr(IapHeatMap) map = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));

  map = iap_heat_map_new (workshop);
  iap_heat_map_set_mode (map, mode);
  if (style != NULL)
    iap_heat_map_set_style (map, style);
  iap_heat_map_draw (map, cr, width, height);
}

/* Text alternative ------------------------------------------------------- */

static void
describe_kind (IapHeatMap           *self,
               IapHeatMapMarkerKind  kind,
               GString              *text)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  GListModel *risks = iap_workshop_get_risks (self->workshop);
  GString *numbers[IAP_N_BANDS] = { NULL, };
  guint counts[IAP_N_BANDS] = { 0, }, unrated = 0;

  for (guint r = 0; r < g_list_model_get_n_items (risks); r++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, r);
      guint l, i;
      IapBand band;

      if (!_iap_heat_map_shows_risk (self, risk))
        continue;
      if (!iap_heat_map_get_rating (self->workshop, risk, kind, &l, &i))
        {
          unrated++;
          continue;
        }
      band = iap_scales_get_band (scales, l, i);
      if (numbers[band] == NULL)
        numbers[band] = g_string_new (NULL);
      g_string_append_printf (numbers[band], "%s%u", counts[band]++ > 0 ? ", " : "", r + 1);
    }

  for (int band = IAP_N_BANDS - 1; band >= 0; band--)
    {
      if (counts[band] == 0)
        /* Translators: in the heat map's description: “High: 0” */
        g_string_append_printf (text, C_("heat map description", "%s: %u. "),
                                iap_band_get_label (band), 0);
      else
        /* Translators: in the heat map's description: a band, how many
         * risks it has and their numbers, as in “High: 3 (1, 4, 9)” */
        g_string_append_printf (text, C_("heat map description", "%s: %u (%s). "),
                                iap_band_get_label (band), counts[band], numbers[band]->str);
      if (numbers[band] != NULL)
        g_string_free (numbers[band], TRUE);
    }

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u risk not yet rated.",
                                             "%u risks not yet rated.", unrated),
                          unrated);
}

static char *
dup_cell (IapHeatMap *self,
          guint       likelihood,
          guint       impact)
{
  IapBand band = iap_scales_get_band (iap_workshop_get_scales (self->workshop), likelihood, impact);

  /* Translators: a cell of the heat map in the movement chart's text
   * alternative: its band, then likelihood and impact, as in “High (4×3)” */
  return g_strdup_printf (C_("movement", "%s (%u×%u)"), iap_band_get_label (band), likelihood, impact);
}

/* What a movement chart shows: which risks moved, from where to where;
 * which are new; how many stayed. */
static void
describe_movements (IapHeatMap *self,
                    GString    *text)
{
  g_autoptr(GString) moved = g_string_new (NULL);
  g_autoptr(GString) added = g_string_new (NULL);
  guint n_moved = 0, n_added = 0, n_stayed = 0, n_unrated = 0;

  for (guint r = 0; r < self->movements->len; r++)
    {
      const IapMovement *m = &g_array_index (self->movements, IapMovement, r);
      gboolean was = m->from_likelihood > 0 && m->from_impact > 0;
      gboolean is = m->to_likelihood > 0 && m->to_impact > 0;
      g_autofree char *to = is ? dup_cell (self, m->to_likelihood, m->to_impact) : NULL;

      if (!is)
        n_unrated++;
      else if (!was)
        {
          /* Translators: a risk new on the movement chart, and its cell */
          g_string_append_printf (added, C_("movement", "%sR%u at %s"), n_added++ > 0 ? "; " : "", r + 1, to);
        }
      else if (m->from_likelihood == m->to_likelihood && m->from_impact == m->to_impact)
        n_stayed++;
      else
        {
          g_autofree char *from = dup_cell (self, m->from_likelihood, m->from_impact);

          /* Translators: a risk that moved on the movement chart */
          g_string_append_printf (moved, C_("movement", "%sR%u from %s to %s"), n_moved++ > 0 ? "; " : "",
                                  r + 1, from, to);
        }
    }

  /* Translators: the start of the movement chart's text alternative; %s
   * names what the earlier positions are */
  g_string_append_printf (text, _("Movement since %s. "),
                          self->from_label != NULL ? self->from_label : _("before"));
  if (n_moved > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u risk moved: %s. ",
                                               "%u risks moved: %s. ", n_moved),
                            n_moved, moved->str);
  else
    g_string_append (text, _("No risk moved. "));
  if (n_added > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u new risk: %s. ",
                                               "%u new risks: %s. ", n_added),
                            n_added, added->str);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u risk stayed where it was.",
                                             "%u risks stayed where they were.", n_stayed),
                          n_stayed);
  if (n_unrated > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " %u risk is not rated.",
                                               " %u risks are not rated.", n_unrated),
                            n_unrated);
}

/**
 * iap_heat_map_dup_description:
 *
 * Returns: (transfer full): what the map shows, in words, for a screen
 *   reader: how many risks each band holds, and which
 */
char *
iap_heat_map_dup_description (IapHeatMap *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (IAP_IS_HEAT_MAP (self), NULL);

  if (self->workshop == NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);

  if (self->mode == IAP_HEAT_MAP_MOVEMENT && self->movements != NULL)
    {
      describe_movements (self, text);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (self->mode != IAP_HEAT_MAP_RESIDUAL)
    {
      g_string_append (text, _("Inherent risk, before mitigation: "));
      describe_kind (self, IAP_HEAT_MAP_MARKER_INHERENT, text);
    }
  if (self->mode != IAP_HEAT_MAP_INHERENT)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, _("Residual risk, after mitigation: "));
      describe_kind (self, IAP_HEAT_MAP_MARKER_RESIDUAL, text);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
