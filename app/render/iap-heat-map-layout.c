/* iap-heat-map-layout.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Where everything of a heat map goes: the axes, the legend, the cells
 * with their headings, the markers packed in each cell without overlap,
 * and the arrows of the movement view. Text is measured here, once, so
 * that drawing only paints.
 */

#define G_LOG_DOMAIN "iap-heat-map"

#include "config.h"

#include "iap-i18n.h"
#include <math.h>
#include <string.h>

#include "iap-heat-map-private.h"
#include "iap-render-text.h"
#include "iap-text.h"

/* Up to this share of the width goes to the likelihood labels. */
#define LABEL_SHARE 0.22
#define ROOM_LABEL_SHARE 0.3
/* No marker is smaller, whatever the size of the map. */
#define MIN_RADIUS 3.0

static const IapColor ink = IAP_HEAT_MAP_INK;

static void
reset_layout (IapHeatMap *self)
{
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  memset (self->stale, 0, sizeof self->stale);
  self->any_stale = FALSE;
  self->stale_area.width = 0;
  g_clear_pointer (&self->frame_key, g_free);
  g_array_set_size (self->markers, 0);
  g_array_set_size (self->marker_texts, 0);
  g_array_set_size (self->badges, 0);
  g_array_set_size (self->badge_texts, 0);
  g_array_set_size (self->texts, 0);
  g_array_set_size (self->arrows, 0);
  g_array_set_size (self->swatches, 0);
  g_array_set_size (self->samples, 0);
  for (guint c = 0; c < IAP_HEAT_MAP_MAX_CELLS; c++)
    g_array_set_size (self->entries[c], 0);
  self->n_likelihood = 0;
  self->n_impact = 0;
  self->n_unrated = 0;
}

/* Collecting the data ---------------------------------------------------- */

/**
 * iap_heat_map_get_rating:
 *
 * Gets the agreed rating of @risk of @kind, if it has one that fits the
 * workshop's matrix. A rating outside the matrix (only ever seen while a
 * resize is half done) counts as not rated rather than drawing off the map.
 *
 * Returns: %TRUE if @risk is rated
 */
gboolean
iap_heat_map_get_rating (IapWorkshop          *workshop,
                         IapRisk              *risk,
                         IapHeatMapMarkerKind  kind,
                         guint                *likelihood,
                         guint                *impact)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (IAP_IS_RISK (risk), FALSE);

  return iap_risk_get_rating (risk,
                              kind == IAP_HEAT_MAP_MARKER_INHERENT ? IAP_RATING_INHERENT : IAP_RATING_RESIDUAL,
                              iap_workshop_get_scales (workshop), likelihood, impact, NULL);
}

static gboolean
mode_shows (IapHeatMapMode       mode,
            IapHeatMapMarkerKind kind)
{
  if (mode == IAP_HEAT_MAP_MOVEMENT)
    return TRUE;
  return (mode == IAP_HEAT_MAP_INHERENT) == (kind == IAP_HEAT_MAP_MARKER_INHERENT);
}

static guint
n_positions (IapHeatMap *self)
{
  if (self->movements != NULL && self->mode == IAP_HEAT_MAP_MOVEMENT)
    return self->movements->len;

  return g_list_model_get_n_items (iap_workshop_get_risks (self->workshop));
}

/* Where the marker of @kind of the risk at @position goes: its agreed
 * rating; in a movement chart, where the risk was (the inherent marker)
 * and where it is (the residual one). */
static gboolean
position_cell (IapHeatMap           *self,
               guint                 position,
               IapHeatMapMarkerKind  kind,
               guint                *likelihood,
               guint                *impact)
{
  g_autoptr(IapRisk) risk = NULL;

  if (self->movements != NULL && self->mode == IAP_HEAT_MAP_MOVEMENT)
    {
      const IapMovement *m = &g_array_index (self->movements, IapMovement, position);

      /* A risk that stayed has one marker, where it is */
      if (kind == IAP_HEAT_MAP_MARKER_INHERENT &&
          m->from_likelihood == m->to_likelihood && m->from_impact == m->to_impact)
        return FALSE;
      *likelihood = kind == IAP_HEAT_MAP_MARKER_INHERENT ? m->from_likelihood : m->to_likelihood;
      *impact = kind == IAP_HEAT_MAP_MARKER_INHERENT ? m->from_impact : m->to_impact;
      return *likelihood > 0 && *impact > 0 &&
             *likelihood <= self->n_likelihood && *impact <= self->n_impact;
    }

  risk = g_list_model_get_item (iap_workshop_get_risks (self->workshop), position);

  return iap_heat_map_get_rating (self->workshop, risk, kind, likelihood, impact);
}

/* Whether the risk at @position is placed: every movement of a movement
 * chart, or the register's risks the map was given. */
static gboolean
position_shown (IapHeatMap *self,
                guint       position)
{
  g_autoptr(IapRisk) risk = NULL;

  if (self->movements != NULL && self->mode == IAP_HEAT_MAP_MOVEMENT)
    return TRUE;

  risk = g_list_model_get_item (iap_workshop_get_risks (self->workshop), position);

  return _iap_heat_map_shows_risk (self, risk);
}

/* Each cell's entries are risk positions times two plus the marker kind,
 * in register order, inherent before residual. */
static void
collect (IapHeatMap *self)
{
  guint n = n_positions (self);

  for (guint r = 0; r < n; r++)
    {
      gboolean placed = FALSE;

      if (!position_shown (self, r))
        continue;

      for (guint kind = 0; kind < 2; kind++)
        {
          guint l, i, entry = r * 2 + kind;

          if (!mode_shows (self->mode, kind) || !position_cell (self, r, kind, &l, &i))
            continue;
          if (!self->counting_only)
            g_array_append_val (self->entries[iap_heat_map_cell_index (self, l, i)], entry);
          placed = TRUE;
        }

      if (!placed)
        self->n_unrated++;
    }
}

/* Text ------------------------------------------------------------------- */

static PangoLayout *
new_layout (IapHeatMap *self,
            const char *text,
            double      size,
            gboolean    bold)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = iap_render_font_new (MAX (size, self->style.min_font_size));

  /* The size asked for, before the style's minimum raised it */
  g_object_set_data_full (G_OBJECT (layout), IAP_HEAT_MAP_ASKED_SIZE, g_memdup2 (&size, sizeof size), g_free);

  /* A family a caller asked for (tests, a style), else Noto's */
  if (self->font_family != NULL)
    pango_font_description_set_family (font, self->font_family);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  /* Laid out in the chart's direction, not that of a label's first
   * word: an Arabic level label stays beside its cells, not over them */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_text (layout, text, -1);
  iap_render_check_glyphs (layout);

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double)logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double)logical.height / PANGO_SCALE;
}

/* Wraps @layout at @width, to at most @lines lines, ellipsized after. */
static void
constrain (PangoLayout *layout,
           double       width,
           int          lines)
{
  pango_layout_set_width (layout, MAX (1, (int)(width * PANGO_SCALE)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

/* In a room, wraps @layout at @width between words only, every line in
 * full; returns whether it fits, no word being wider than @width. */
static gboolean
constrain_words (PangoLayout *layout,
                 double       width)
{
  double w;

  pango_layout_set_width (layout, MAX (1, (int)(width * PANGO_SCALE)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  layout_size (layout, &w, NULL);

  return w <= width + 0.01;
}

static IapHeatMapText *
add_text (GArray         *array,
          PangoLayout    *layout,
          double          x,
          double          y,
          const IapColor *color)
{
  IapHeatMapText text = { layout, x, y, *color, FALSE };

  g_array_append_val (array, text);

  return &g_array_index (array, IapHeatMapText, array->len - 1);
}

static char *
level_text (GListModel *levels,
            guint       position)
{
  g_autoptr(IapScaleLevel) level = g_list_model_get_item (levels, position);
  g_autofree char *label = iap_text_isolate (iap_scale_level_get_label (level));

  /* Translators: a level of a risk scale on the heat map's axis, such as
   * “4 · Likely” */
  return g_strdup_printf (C_("heat map axis", "%u · %s"), position + 1, label);
}

/* Axes ------------------------------------------------------------------- */

/* The likelihood title and labels at the left; returns their width. */
static double
layout_likelihood_axis (IapHeatMap *self,
                        double      pad)
{
  GListModel *levels = iap_scales_get_likelihood (iap_workshop_get_scales (self->workshop));
  double fs = self->font_size, widest = 0, title_w = fs * 1.6;
  guint first = self->texts->len;

  for (guint l = 0; l < self->n_likelihood; l++)
    {
      g_autofree char *label = level_text (levels, l);
      PangoLayout *layout = new_layout (self, label, fs, FALSE);
      double w;

      if (!self->style.room)
        constrain (layout, self->width * LABEL_SHARE, 3);
      else if (!constrain_words (layout, self->width * ROOM_LABEL_SHARE))
        self->legible = FALSE;
      layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
      add_text (self->texts, layout, 0, 0, &self->style.foreground);
    }

  for (guint l = 0; l < self->n_likelihood; l++)
    g_array_index (self->texts, IapHeatMapText, first + l).x = pad + title_w;

  return title_w + widest + pad * 0.5;
}

static void
place_likelihood_axis (IapHeatMap *self,
                       guint       first,
                       double      pad)
{
  PangoLayout *title;
  IapHeatMapText *text;
  double w;

  for (guint l = 0; l < self->n_likelihood; l++)
    {
      IapHeatMapText *label = &g_array_index (self->texts, IapHeatMapText, first + l);
      cairo_rectangle_t *row = &self->cells[iap_heat_map_cell_index (self, l + 1, 1)];
      double h;

      layout_size (label->layout, NULL, &h);
      label->y = row->y + (row->height - h) / 2;
      /* In a room, a label no taller than its row */
      if (self->style.room && h > row->height)
        self->legible = FALSE;
    }

  /* Translators: the vertical axis of the risk heat map */
  title = new_layout (self, C_("heat map axis", "Likelihood"), self->font_size, TRUE);
  layout_size (title, &w, NULL);
  text = add_text (self->texts, title, pad, self->grid.y + (self->grid.height + w) / 2,
                   &self->style.foreground);
  text->vertical = TRUE;
}

/* The impact labels and title below the grid; returns their height. */
static double
layout_impact_axis (IapHeatMap *self,
                    double      cell_width)
{
  GListModel *levels = iap_scales_get_impact (iap_workshop_get_scales (self->workshop));
  double fs = self->font_size, tallest = 0, title_h;
  PangoLayout *title;

  for (guint i = 0; i < self->n_impact; i++)
    {
      g_autofree char *label = level_text (levels, i);
      PangoLayout *layout = new_layout (self, label, fs, FALSE);
      double h;

      constrain (layout, cell_width - fs * 0.4, 3);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      layout_size (layout, NULL, &h);
      tallest = MAX (tallest, h);
      add_text (self->texts, layout, self->grid.x + i * cell_width + fs * 0.2, 0,
                &self->style.foreground);
    }

  /* Translators: the horizontal axis of the risk heat map, the noun */
  title = new_layout (self, C_("heat map axis", "Impact"), fs, TRUE);
  layout_size (title, NULL, &title_h);
  add_text (self->texts, title, 0, 0, &self->style.foreground);

  return tallest + title_h + fs * 0.5;
}

static void
place_impact_axis (IapHeatMap *self,
                   guint       first)
{
  double top = self->grid.y + self->grid.height + self->font_size * 0.3;
  double tallest = 0, w;
  IapHeatMapText *title;

  for (guint i = 0; i < self->n_impact; i++)
    {
      IapHeatMapText *label = &g_array_index (self->texts, IapHeatMapText, first + i);
      double h;

      label->y = top;
      layout_size (label->layout, NULL, &h);
      tallest = MAX (tallest, h);
    }

  title = &g_array_index (self->texts, IapHeatMapText, first + self->n_impact);
  layout_size (title->layout, &w, NULL);
  title->x = self->grid.x + (self->grid.width - w) / 2;
  title->y = top + tallest + self->font_size * 0.2;
}

/* In a room, the impact labels below the grid wrap between words only;
 * where a word is wider than its column, they alternate between two lines,
 * each as wide as two columns. The axis title goes before them, below the
 * likelihood labels. Returns their height. */
static double
layout_room_impact_axis (IapHeatMap *self,
                         double      cell_width,
                         double      left)
{
  GListModel *levels = iap_scales_get_impact (iap_workshop_get_scales (self->workshop));
  double fs = self->font_size, tallest[2] = { 0, 0 }, w;
  guint first = self->texts->len;
  PangoLayout *title;

  self->impact_staggered = FALSE;
  for (guint i = 0; i < self->n_impact; i++)
    {
      g_autofree char *label = level_text (levels, i);
      PangoLayout *layout = new_layout (self, label, fs, FALSE);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      if (!constrain_words (layout, cell_width - fs * 0.4))
        self->impact_staggered = TRUE;
      add_text (self->texts, layout, 0, 0, &self->style.foreground);
    }

  for (guint i = 0; i < self->n_impact; i++)
    {
      PangoLayout *layout = g_array_index (self->texts, IapHeatMapText, first + i).layout;
      double h;

      if (self->impact_staggered && !constrain_words (layout, 2 * cell_width - fs * 0.6))
        self->legible = FALSE;
      layout_size (layout, NULL, &h);
      tallest[self->impact_staggered ? i % 2 : 0] = MAX (tallest[self->impact_staggered ? i % 2 : 0], h);
    }

  title = new_layout (self, C_("heat map axis", "Impact"), fs, TRUE);
  layout_size (title, &w, NULL);
  if (w + fs * 0.6 > left)
    self->legible = FALSE;
  add_text (self->texts, title, 0, 0, &self->style.foreground);

  return tallest[0] + tallest[1] + (self->impact_staggered ? fs * 0.1 : 0) + fs * 0.3;
}

/* Whether every word of the impact labels fits its column: else they are
 * set as in a room, alternating between two lines, rather than broken
 * inside a word ("Négligeab-le") */
static gboolean
impact_words_fit (IapHeatMap *self,
                  double      cell_width)
{
  GListModel *levels = iap_scales_get_impact (iap_workshop_get_scales (self->workshop));
  gboolean fit = TRUE;

  for (guint i = 0; i < self->n_impact && fit; i++)
    {
      g_autofree char *label = level_text (levels, i);
      g_autoptr(PangoLayout) layout = new_layout (self, label, self->font_size, FALSE);

      fit = constrain_words (layout, cell_width - self->font_size * 0.4);
    }

  return fit;
}

static void
place_room_impact_axis (IapHeatMap *self,
                        guint       first,
                        double      pad)
{
  double fs = self->font_size, cell_width = self->grid.width / self->n_impact;
  double top = self->grid.y + self->grid.height + fs * 0.3, second = 0;
  double right[2] = { self->grid.x, self->grid.x };
  IapHeatMapText *title;
  double w;

  for (guint i = 0; i < self->n_impact; i += 2)
    {
      double h;

      layout_size (g_array_index (self->texts, IapHeatMapText, first + i).layout, NULL, &h);
      second = MAX (second, h);
    }

  for (guint i = 0; i < self->n_impact; i++)
    {
      IapHeatMapText *label = &g_array_index (self->texts, IapHeatMapText, first + i);
      guint line = self->impact_staggered ? i % 2 : 0;
      PangoRectangle logical;
      double x0, x1, shift = 0;

      pango_layout_get_extents (label->layout, NULL, &logical);
      label->x = self->grid.x + (i + 0.5) * cell_width - pango_layout_get_width (label->layout) / (2.0 * PANGO_SCALE);
      label->y = top + (line == 1 ? second + fs * 0.1 : 0);
      x0 = label->x + pango_units_to_double (logical.x);
      x1 = x0 + pango_units_to_double (logical.width);
      /* Within the chart, clear of the label before it on its line */
      if (x0 < self->grid.x)
        shift = self->grid.x - x0;
      else if (x1 > self->width - pad * 0.5)
        shift = self->width - pad * 0.5 - x1;
      label->x += shift;
      if (x0 + shift < right[line] + fs * 0.3 && i > line)
        self->legible = FALSE;
      right[line] = x1 + shift;
    }

  title = &g_array_index (self->texts, IapHeatMapText, first + self->n_impact);
  layout_size (title->layout, &w, NULL);
  title->x = self->grid.x - fs * 0.6 - w;
  title->y = top;
}

/* Legend ----------------------------------------------------------------- */

/* The legend reads in the direction of the language: in one written
 * right to left its first item is on the right, each swatch to the
 * right of its label. */
typedef struct
{
  double       x;
  double       y;
  double       line_height;
  double       left;
  double       right;
  gboolean     rtl;
} Flow;

/* Places an item of @width in the flow, on a new line if it does not fit;
 * returns its x. */
static double
flow_place (Flow   *flow,
            double  width)
{
  double x;

  if (flow->x > flow->left && flow->x + width > flow->right)
    {
      flow->x = flow->left;
      flow->y += flow->line_height;
    }
  x = flow->x;
  flow->x += width + flow->line_height * 0.8;

  return flow->rtl ? flow->left + flow->right - x - width : x;
}

static void
legend_item (IapHeatMap *self,
             Flow       *flow,
             const char *label,
             int         band,
             int         sample)
{
  double fs = self->font_size, key = fs * 1.2, w, h, x, text_x;
  PangoLayout *layout = new_layout (self, label, fs, FALSE);

  layout_size (layout, &w, &h);
  x = flow_place (flow, key + fs * 0.4 + w);
  text_x = x + key + fs * 0.4;
  if (flow->rtl)
    {
      text_x = x;
      x += w + fs * 0.4;
    }
  add_text (self->texts, layout, text_x, flow->y + (flow->line_height - h) / 2,
            &self->style.foreground);

  if (band >= 0)
    {
      IapHeatMapSwatch swatch = { { x, flow->y + (flow->line_height - key) / 2, key, key }, band };

      g_array_append_val (self->swatches, swatch);
    }
  else if (sample >= 0)
    {
      IapHeatMapMarker marker = { 0, sample, 0, 0, x + key / 2, flow->y + flow->line_height / 2, key / 2 };

      g_array_append_val (self->samples, marker);
    }
}

static char *
unrated_text (IapHeatMap *self)
{
  if (self->mode == IAP_HEAT_MAP_RESIDUAL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u risk without a residual rating",
                                         "%u risks without a residual rating",
                                         self->n_unrated),
                            self->n_unrated);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u risk not yet rated",
                                       "%u risks not yet rated",
                                       self->n_unrated),
                          self->n_unrated);
}

/* Lays the legend out from y = 0; returns its height. */
static double
layout_legend (IapHeatMap *self,
               double      left,
               double      right)
{
  Flow flow = { left, 0, self->font_size * 1.8, left, right, iap_render_is_rtl () };
  g_autofree char *unrated = unrated_text (self);

  self->unrated_text = G_MAXUINT;
  if (!self->style.show_legend)
    return 0;
  /* In a room, the cells name their bands, else the legend does; the
   * count of risks not rated is in the chart's description */
  if (self->style.room)
    {
      if (!self->band_legend)
        return 0;
      for (guint band = 0; band < IAP_N_BANDS; band++)
        legend_item (self, &flow, iap_band_get_label (band), band, -1);
      return flow.y + flow.line_height;
    }

  for (guint band = 0; band < IAP_N_BANDS; band++)
    legend_item (self, &flow, iap_band_get_label (band), band, -1);

  if (self->mode == IAP_HEAT_MAP_MOVEMENT && self->movements != NULL)
    {
      g_autofree char *to = g_strdup_printf (_("%s, arrow from before"),
                                             self->to_label != NULL ? self->to_label : _("Now"));

      legend_item (self, &flow, to, -1, IAP_HEAT_MAP_MARKER_RESIDUAL);
      legend_item (self, &flow, self->from_label != NULL ? self->from_label : _("Before"), -1,
                   IAP_HEAT_MAP_MARKER_INHERENT);
    }
  else if (self->mode == IAP_HEAT_MAP_MOVEMENT)
    {
      legend_item (self, &flow, _("Before mitigation"), -1, IAP_HEAT_MAP_MARKER_INHERENT);
      legend_item (self, &flow, _("After mitigation, arrow from before"), -1,
                   IAP_HEAT_MAP_MARKER_RESIDUAL);
    }

  /* Translators: legend of the heat map; the markers show these numbers */
  legend_item (self, &flow, _("Numbers: risks in the register"), -1, -1);
  self->unrated_text = G_MAXUINT;
  self->unrated_flow_x = flow.x;
  self->legend_left = left;
  self->legend_right = right;
  if (self->n_unrated > 0)
    {
      double y = flow.y;

      self->unrated_text = self->texts->len;
      legend_item (self, &flow, unrated, -1, -1);
      self->unrated_wrapped = flow.y != y;
    }

  return flow.y + flow.line_height;
}

static void
place_legend (IapHeatMap *self,
              guint       first_text,
              double      top)
{
  for (guint t = first_text; t < self->texts->len; t++)
    g_array_index (self->texts, IapHeatMapText, t).y += top;
  for (guint s = 0; s < self->swatches->len; s++)
    g_array_index (self->swatches, IapHeatMapSwatch, s).rect.y += top;
  for (guint s = 0; s < self->samples->len; s++)
    g_array_index (self->samples, IapHeatMapMarker, s).y += top;
}

/* Cells and markers ------------------------------------------------------ */

/* A cell names its band and where it lies, likelihood then impact: never
 * their product, which would claim a precision ordinal levels lack. In a
 * room, a cell too small for both names its band alone: the axes give
 * the levels. */
static char *
heading_text (IapHeatMap *self,
              IapBand     band,
              guint       likelihood,
              guint       impact,
              gboolean    wraps)
{
  if (self->heading_kind == IAP_HEAT_MAP_HEADING_BAND)
    return g_strdup (iap_band_get_label (band));

  if (wraps)
    /* Translators: written in each cell of the heat map, when it is too
     * narrow for one line: the band, then the cell's likelihood and
     * impact levels on a second line, such as “High” and “4×3” */
    return g_strdup_printf (C_("heat map cell", "%s\n%u×%u"), iap_band_get_label (band),
                            likelihood, impact);

  /* Translators: written in each cell of the heat map: its band, then its
   * likelihood and impact levels, such as “High · 4×3” */
  return g_strdup_printf (C_("heat map cell", "%s · %u×%u"), iap_band_get_label (band),
                          likelihood, impact);
}

/* Band and levels go on one line if the longest fits in a cell, else on
 * two lines in every cell: cut short, the levels would be lost. In a cell
 * too short for those lines at the usual size (a small map, a font with
 * tall lines), the heading is set smaller, measured again, until its
 * lines fit: the cell's height is fixed, the font's line height is not. */
static void
measure_headings (IapHeatMap *self,
                  double      width,
                  double      height)
{
  double widest = 0, floor = MAX (1.0, self->style.min_font_size);

  self->heading_size = MAX (self->font_size * 0.9, floor);
  for (guint band = 0; band < IAP_N_BANDS; band++)
    {
      g_autofree char *text = heading_text (self, band, self->n_likelihood, self->n_impact, FALSE);
      g_autoptr(PangoLayout) layout = new_layout (self, text, self->heading_size, TRUE);
      double w;

      layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  self->heading_wraps = widest > width;

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      double total = 0, ink_bottom = 0;

      for (guint band = 0; band < IAP_N_BANDS; band++)
        {
          g_autofree char *text = heading_text (self, band, self->n_likelihood, self->n_impact,
                                                self->heading_wraps);
          g_autoptr(PangoLayout) layout = new_layout (self, text, self->heading_size, TRUE);
          PangoLayoutIter *iter = pango_layout_get_iter (layout);
          PangoRectangle drawn, logical;

          pango_layout_get_extents (layout, NULL, &logical);
          total = MAX (total, pango_units_to_double (logical.height));
          /* Some fonts draw below their line: where the first line's
           * ink ends, markers beside the second line start */
          pango_layout_iter_get_line_extents (iter, &drawn, NULL);
          ink_bottom = MAX (ink_bottom, pango_units_to_double (drawn.y + drawn.height));
          pango_layout_iter_free (iter);
        }

      self->heading_height = total;
      self->heading_first_ink = self->heading_wraps ? ink_bottom : 0;
      if (total <= height || height <= 0 || self->heading_size <= floor)
        break;
      /* Hinted metrics round up: aim a little below */
      self->heading_size = MAX (floor, self->heading_size * height / total * 0.97);
    }

  /* At the smallest size allowed, a heading cut short or taller than
   * its cell makes the map too small to be read */
  if (self->heading_height > height && height > 0)
    self->legible = FALSE;
  if (self->heading_wraps)
    for (guint band = 0; band < IAP_N_BANDS; band++)
      {
        g_autofree char *text = heading_text (self, band, self->n_likelihood, self->n_impact, TRUE);
        g_autoptr(PangoLayout) layout = new_layout (self, text, self->heading_size, TRUE);
        double w;

        layout_size (layout, &w, NULL);
        if (w > width)
          self->legible = FALSE;
      }
}

static void
layout_heading (IapHeatMap *self,
                guint       likelihood,
                guint       impact,
                double      inset)
{
  guint c = iap_heat_map_cell_index (self, likelihood, impact);
  cairo_rectangle_t *rect = &self->cells[c];
  g_autofree char *text = NULL;
  PangoLayout *layout;
  IapColor color;

  if (self->heading_kind == IAP_HEAT_MAP_HEADING_NONE)
    return;
  text = heading_text (self, self->bands[c], likelihood, impact, self->heading_wraps);
  layout = new_layout (self, text, self->heading_size, TRUE);
  pango_layout_set_width (layout, MAX (1, (int)((rect->width - 2 * inset) * PANGO_SCALE)));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* From the corner a reader starts at, as the legend reads: top right
   * in a language written right to left */
  pango_layout_set_alignment (layout, iap_render_is_rtl () ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  iap_palette_get_band_text (self->bands[c], &color);
  add_text (self->texts, layout, rect->x + inset, rect->y + inset * 0.6, &color);
}

static void
add_marker (IapHeatMap *self,
            guint       entry,
            guint       likelihood,
            guint       impact,
            double      x,
            double      y,
            double      radius)
{
  IapHeatMapMarker marker = { entry / 2, entry % 2, likelihood, impact, x, y, radius };
  PangoLayout *layout = NULL;
  double w, h;

  if (self->reuse == NULL ||
      !g_hash_table_steal_extended (self->reuse, GUINT_TO_POINTER (entry), NULL, (gpointer *) &layout))
    {
      g_autofree char *number = g_strdup_printf ("%u", marker.risk + 1);
      double size = strlen (number) > 2 ? radius * 0.8 : radius * 1.0;

      /* Never below the minimum text size: the smallest marker is made
       * to hold its number at that size (legible_radius()) */
      layout = new_layout (self, number, MAX (size, self->style.min_font_size), TRUE);
    }

  layout_size (layout, &w, &h);
  g_array_append_val (self->markers, marker);
  add_text (self->marker_texts, layout, x - w / 2, y - h / 2, &ink);
}

/* A "+N" pill over @slots slots, its text shrunk to fit if need be. */
static void
add_badge (IapHeatMap *self,
           guint       likelihood,
           guint       impact,
           guint       n_hidden,
           double      x,
           double      y,
           double      radius,
           double      max_width)
{
  g_autofree char *text = g_strdup_printf ("+%u", n_hidden);
  double size = MAX (radius * 0.9, self->style.min_font_size), w, h;
  PangoLayout *layout = new_layout (self, text, size, TRUE);
  IapHeatMapBadge badge = { likelihood, impact, n_hidden, 0, y - radius, 0, radius * 2 };

  layout_size (layout, &w, &h);
  if (w + radius * 0.6 > max_width || h > 2 * radius)
    {
      g_object_unref (layout);
      size *= MIN ((max_width - radius * 0.6) / w, 2 * radius / h) * 0.97;
      layout = new_layout (self, text, size, TRUE);
      layout_size (layout, &w, &h);
    }
  badge.width = MIN (max_width, MAX (radius * 2, w + radius * 0.6));
  badge.x = x - badge.width / 2;
  g_array_append_val (self->badges, badge);
  add_text (self->badge_texts, layout, x - w / 2, y - h / 2, &ink);
}

/* Packs the cell's markers in rows in @area; when they do not all fit,
 * the last two slots (one if the area is that narrow) say how many more
 * there are. */
static void
layout_cell_markers (IapHeatMap              *self,
                     guint                    likelihood,
                     guint                    impact,
                     const cairo_rectangle_t *area,
                     double                   radius)
{
  GArray *entries = self->entries[iap_heat_map_cell_index (self, likelihood, impact)];
  double gap = radius * 0.3, slot = 2 * radius + gap;
  guint cols = MAX (1, (guint)((area->width + gap) / slot));
  guint rows = MAX (1, (guint)((area->height + gap) / slot));
  guint capacity = cols * rows, badge_slots = MIN (cols, 2), shown;
  double left = area->x + (area->width - (cols * slot - gap)) / 2;
  double top = area->y;

  if (entries->len == 0)
    return;

  /* In a room, a "+N" that fits one slot takes one: a cell of two slots
   * then shows a marker beside it rather than none */
  if (self->style.room && entries->len > capacity && badge_slots > 1)
    {
      g_autofree char *text = g_strdup_printf ("+%u", entries->len - (capacity - 1));
      g_autoptr(PangoLayout) layout = new_layout (self, text, radius * 0.9, TRUE);
      double w;

      layout_size (layout, &w, NULL);
      if (w + radius * 0.6 <= 2 * radius)
        badge_slots = 1;
    }
  shown = entries->len <= capacity ? entries->len : capacity - MIN (capacity, badge_slots);
  for (guint k = 0; k < shown; k++)
    add_marker (self, g_array_index (entries, guint, k), likelihood, impact,
                left + (k % cols) * slot + radius, top + (k / cols) * slot + radius, radius);

  if (shown < entries->len)
    {
      guint last = capacity - 1;
      double right = left + (last % cols) * slot + 2 * radius;
      double span = badge_slots * slot - gap;

      add_badge (self, likelihood, impact, entries->len - shown,
                 right - span / 2, top + (last / cols) * slot + radius, radius, span);
    }
}

/* The smallest marker that holds its number set at the minimum text
 * size with a margin around it (two digits of a bold 14 px are about
 * 16 px wide, three about 24 px), or 0 without a minimum */
static double
legible_radius (IapHeatMap *self)
{
  double min = self->style.min_font_size;

  if (min <= 0)
    return 0;

  return g_list_model_get_n_items (iap_workshop_get_risks (self->workshop)) >= 100 ? min * 1.15 : min * 0.9;
}

/* How many markers of @radius a cell's free area holds. */
static guint
slots_for (double radius,
           double width,
           double height)
{
  double gap = radius * 0.3, slot = 2 * radius + gap;

  return MAX (1, (guint)((width + gap) / slot)) * MAX (1, (guint)((height + gap) / slot));
}

/* The width of the widest last line of a cell's heading: the levels when
 * the heading wraps, else band and levels. */
static double
measure_last_heading_line (IapHeatMap *self)
{
  double widest = 0;

  for (guint band = 0; band < IAP_N_BANDS; band++)
    {
      g_autofree char *heading = heading_text (self, band, self->n_likelihood, self->n_impact,
                                               self->heading_wraps);
      const char *last = strrchr (heading, '\n');
      g_autoptr(PangoLayout) layout = new_layout (self, last != NULL ? last + 1 : heading,
                                                  self->heading_size, TRUE);
      double w;

      layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

/* Where the markers of a cell go, relative to its corner: below the
 * heading when there is room for them; in a map too small for that (the
 * report's summary page), on the heading's last line, right of the
 * levels, so that they never cover the band's name nor spill into the
 * cell below. Returns whether they go beside the levels. */
static gboolean
marker_area (IapHeatMap        *self,
             double             cell_w,
             double             cell_h,
             double             inset,
             cairo_rectangle_t *area)
{
  double line_h = self->heading_wraps ? self->heading_height / 2 : self->heading_height;
  double beside;

  /* No heading: the whole cell holds markers */
  if (self->heading_kind == IAP_HEAT_MAP_HEADING_NONE)
    {
      area->x = inset;
      area->y = inset * 0.3;
      area->width = MAX (1, cell_w - 2 * inset);
      area->height = MAX (1, cell_h - 2 * area->y);
      return FALSE;
    }

  area->x = inset;
  area->y = inset + self->heading_height + self->font_size * 0.2;
  area->width = cell_w - 2 * inset;
  area->height = cell_h - inset - area->y;
  if (area->height >= 2 * MAX (MIN_RADIUS, legible_radius (self)))
    return FALSE;

  beside = measure_last_heading_line (self) + self->font_size * 0.3;
  area->x = inset + beside;
  area->y = inset * 0.6 + MAX (self->heading_height - line_h, self->heading_first_ink);
  area->width = MAX (1, cell_w - 2 * inset - beside);
  area->height = MAX (1, MIN (inset * 0.6 + self->heading_height - area->y,
                              cell_h - area->y - inset * 0.3));
  /* Markers at the minimum text size are taller than a line: right of
   * the levels they may reach down to the cell's foot */
  if (legible_radius (self) > 0)
    area->height = MAX (1, cell_h - area->y - inset * 0.3);

  return TRUE;
}

/* Smaller markers rather than a "+N", down to a still readable size. */
static double
crowd_radius (IapHeatMap *self)
{
  double radius = self->radius_start;
  guint crowd = 0;

  for (guint c = 0; c < self->n_likelihood * self->n_impact; c++)
    crowd = MAX (crowd, self->entries[c]->len);
  while (radius > self->radius_smallest &&
         slots_for (radius, self->marker_area.width, self->marker_area.height) < crowd)
    radius = MAX (self->radius_smallest, radius - 0.5);

  return radius;
}

/* In a room, the most a cell's heading can say on one line at the room's
 * font with a legible marker below or beside it: band and levels, the
 * band alone, or nothing (the legend then names the bands' colours). */
static void
choose_room_heading (IapHeatMap        *self,
                     double             cell_w,
                     double             cell_h,
                     double             inset,
                     cairo_rectangle_t *area)
{
  double legible = MAX (MIN_RADIUS, legible_radius (self));

  self->heading_wraps = FALSE;
  self->heading_first_ink = 0;
  self->heading_size = self->font_size;
  for (self->heading_kind = IAP_HEAT_MAP_HEADING_LEVELS;
       self->heading_kind < IAP_HEAT_MAP_HEADING_NONE;
       self->heading_kind++)
    {
      double widest = 0, tallest = 0;

      for (guint band = 0; band < IAP_N_BANDS; band++)
        {
          g_autofree char *text = heading_text (self, band, self->n_likelihood, self->n_impact, FALSE);
          g_autoptr(PangoLayout) layout = new_layout (self, text, self->heading_size, TRUE);
          double w, h;

          layout_size (layout, &w, &h);
          widest = MAX (widest, w);
          tallest = MAX (tallest, h);
        }
      self->heading_height = tallest;
      if (widest > cell_w - 2 * inset || tallest > cell_h - inset * 0.9)
        continue;
      marker_area (self, cell_w, cell_h, inset, area);
      if (area->width >= 2 * legible && area->height >= 2 * legible)
        return;
    }

  self->heading_height = 0;
  marker_area (self, cell_w, cell_h, inset, area);
}

static void
layout_cells (IapHeatMap *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  double cell_w = self->grid.width / self->n_impact;
  double cell_h = self->grid.height / self->n_likelihood;
  double inset = self->font_size * 0.35;
  double radius = CLAMP (self->font_size * 1.05, 5.0, 16.0);
  double smallest = MAX (self->font_size * 0.8, 6.0);
  double legible = legible_radius (self);
  cairo_rectangle_t area;

  /* With a minimum text size, markers grow with the text, without a
   * cap, and never get smaller than their numbers need */
  if (legible > 0)
    {
      radius = MAX (self->font_size * 1.05, legible);
      smallest = legible;
    }

  /* A cell must hold at least one marker beside or below its heading;
   * beside it, a line of markers is worth smaller ones. */
  if (self->style.room)
    choose_room_heading (self, cell_w, cell_h, inset, &area);
  else
    {
      measure_headings (self, cell_w - 2 * inset, cell_h - inset * 0.9);
      if (marker_area (self, cell_w, cell_h, inset, &area))
        {
          smallest = MAX (MIN_RADIUS, legible);
          /* No room right of a one-line heading: two lines leave more */
          if (!self->heading_wraps && area.width < 2 * MIN_RADIUS)
            {
              measure_headings (self, 0, cell_h - inset * 0.9);
              marker_area (self, cell_w, cell_h, inset, &area);
            }
        }
    }
  /* Markers and badges stay inside their area, even where it is smaller
   * than the usual smallest marker */
  radius = MIN (MAX (MIN (radius, MIN (area.width, area.height) / 2), MIN_RADIUS),
                MIN (area.width, area.height) / 2);
  if (radius < legible)
    {
      /* A cell too small for one legible marker: the map is too small */
      radius = legible;
      self->legible = FALSE;
    }
  smallest = MIN (smallest, radius);

  self->marker_area = area;
  self->radius_start = radius;
  self->radius_smallest = smallest;
  radius = self->radius = crowd_radius (self);

  for (guint l = 1; l <= self->n_likelihood; l++)
    for (guint i = 1; i <= self->n_impact; i++)
      {
        guint c = iap_heat_map_cell_index (self, l, i);
        cairo_rectangle_t in_cell = area;

        self->cells[c].x = self->grid.x + (i - 1) * cell_w;
        self->cells[c].y = self->grid.y + (self->n_likelihood - l) * cell_h;
        self->cells[c].width = cell_w;
        self->cells[c].height = cell_h;
        self->bands[c] = iap_scales_get_band (scales, l, i);
        in_cell.x += self->cells[c].x;
        in_cell.y += self->cells[c].y;
        self->headings[c] = self->texts->len;
        layout_heading (self, l, i, inset);
        layout_cell_markers (self, l, i, &in_cell, radius);
      }
}

/* Where the marker of @risk of @kind is, or else the centre of the badge
 * of its cell. */
static gboolean
find_anchor (IapHeatMap           *self,
             guint                 risk,
             IapHeatMapMarkerKind  kind,
             const guint          *cell,
             double               *x,
             double               *y,
             double               *radius)
{
  for (guint m = 0; m < self->markers->len; m++)
    {
      IapHeatMapMarker *marker = &g_array_index (self->markers, IapHeatMapMarker, m);

      if (marker->risk == risk && marker->kind == kind)
        {
          *x = marker->x, *y = marker->y, *radius = marker->radius;
          return TRUE;
        }
    }

  for (guint b = 0; b < self->badges->len; b++)
    {
      IapHeatMapBadge *badge = &g_array_index (self->badges, IapHeatMapBadge, b);

      if (iap_heat_map_cell_index (self, badge->likelihood, badge->impact) == *cell)
        {
          *x = badge->x + badge->width / 2, *y = badge->y + badge->height / 2;
          *radius = badge->height / 2;
          return TRUE;
        }
    }

  return FALSE;
}

static guint
risk_cell (IapHeatMap           *self,
           guint                 position,
           IapHeatMapMarkerKind  kind)
{
  guint l, i;

  if (!position_cell (self, position, kind, &l, &i))
    return G_MAXUINT;

  return iap_heat_map_cell_index (self, l, i);
}

/* Arrows from each risk's inherent marker to its residual one, ending at
 * the residual marker's edge so the number stays readable. */
static void
layout_arrows (IapHeatMap *self)
{
  guint n = n_positions (self);

  for (guint r = 0; r < n; r++)
    {
      guint from = risk_cell (self, r, IAP_HEAT_MAP_MARKER_INHERENT);
      guint to = risk_cell (self, r, IAP_HEAT_MAP_MARKER_RESIDUAL);
      double x0, y0, r0, x1, y1, r1, length;
      IapHeatMapArrow arrow;

      if (from == G_MAXUINT || to == G_MAXUINT || from == to ||
          !find_anchor (self, r, IAP_HEAT_MAP_MARKER_INHERENT, &from, &x0, &y0, &r0) ||
          !find_anchor (self, r, IAP_HEAT_MAP_MARKER_RESIDUAL, &to, &x1, &y1, &r1))
        continue;

      length = hypot (x1 - x0, y1 - y0);
      if (length <= r0 + r1)
        continue;
      arrow.x0 = x0 + (x1 - x0) * r0 / length;
      arrow.y0 = y0 + (y1 - y0) * r0 / length;
      arrow.x1 = x1 - (x1 - x0) * (r1 + 1) / length;
      arrow.y1 = y1 - (y1 - y0) * (r1 + 1) / length;
      g_array_append_val (self->arrows, arrow);
    }
}

/* After a change of ratings ----------------------------------------------- */

/* What the layout draws from the workshop besides where the risks are:
 * the levels and the bands of the cells */
static char *
frame_key (IapHeatMap *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  GListModel *likelihood = iap_scales_get_likelihood (scales);
  GListModel *impact = iap_scales_get_impact (scales);
  guint n_likelihood = MIN (iap_scales_get_n_likelihood (scales), IAP_SCALE_MAX_LEVELS);
  guint n_impact = MIN (iap_scales_get_n_impact (scales), IAP_SCALE_MAX_LEVELS);
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%u %u\n", n_likelihood, n_impact);
  for (guint l = 0; l < n_likelihood; l++)
    {
      g_autofree char *text = level_text (likelihood, l);

      g_string_append_printf (key, "%s\n", text);
    }
  for (guint i = 0; i < n_impact; i++)
    {
      g_autofree char *text = level_text (impact, i);

      g_string_append_printf (key, "%s\n", text);
    }
  for (guint l = 1; l <= n_likelihood; l++)
    for (guint i = 1; i <= n_impact; i++)
      g_string_append_printf (key, "%d ", (int) iap_scales_get_band (scales, l, i));

  return g_string_free (key, FALSE);
}

static gboolean
same_entries (GArray *a,
              GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (guint)) == 0;
}

/* Lays out again the markers of the cells in @changed, keeping the
 * others' as they were: the markers stay by cell, in layout order. */
static void
relayout_cells (IapHeatMap     *self,
                const gboolean *changed)
{
  g_autoptr(GArray) markers = self->markers;
  g_autoptr(GArray) marker_texts = self->marker_texts;
  g_autoptr(GArray) badges = self->badges;
  g_autoptr(GArray) badge_texts = self->badge_texts;
  guint m = 0, b = 0;

  /* The texts of the markers of the cells laid out again: a marker's
   * number and size are the same wherever it goes */
  self->reuse = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  for (guint k = 0; k < markers->len; k++)
    {
      const IapHeatMapMarker *marker = &g_array_index (markers, IapHeatMapMarker, k);

      if (changed[iap_heat_map_cell_index (self, marker->likelihood, marker->impact)])
        g_hash_table_insert (self->reuse, GUINT_TO_POINTER (marker->risk * 2 + marker->kind),
                             g_steal_pointer (&g_array_index (marker_texts, IapHeatMapText, k).layout));
    }

  self->markers = g_array_sized_new (FALSE, TRUE, sizeof (IapHeatMapMarker), markers->len);
  self->marker_texts = _iap_heat_map_text_array_new ();
  self->badges = g_array_sized_new (FALSE, TRUE, sizeof (IapHeatMapBadge), badges->len);
  self->badge_texts = _iap_heat_map_text_array_new ();

  for (guint l = 1; l <= self->n_likelihood; l++)
    for (guint i = 1; i <= self->n_impact; i++)
      {
        guint c = iap_heat_map_cell_index (self, l, i), first_m = m, first_b = b;
        cairo_rectangle_t in_cell = self->marker_area;

        while (m < markers->len &&
               g_array_index (markers, IapHeatMapMarker, m).likelihood == l &&
               g_array_index (markers, IapHeatMapMarker, m).impact == i)
          m++;
        while (b < badges->len &&
               g_array_index (badges, IapHeatMapBadge, b).likelihood == l &&
               g_array_index (badges, IapHeatMapBadge, b).impact == i)
          b++;

        if (changed[c])
          {
            in_cell.x += self->cells[c].x;
            in_cell.y += self->cells[c].y;
            layout_cell_markers (self, l, i, &in_cell, self->radius);
            continue;
          }

        /* Kept: their text moves to the new arrays */
        g_array_append_vals (self->markers, &g_array_index (markers, IapHeatMapMarker, first_m), m - first_m);
        g_array_append_vals (self->marker_texts, &g_array_index (marker_texts, IapHeatMapText, first_m),
                             m - first_m);
        for (guint k = first_m; k < m; k++)
          g_array_index (marker_texts, IapHeatMapText, k).layout = NULL;
        g_array_append_vals (self->badges, &g_array_index (badges, IapHeatMapBadge, first_b), b - first_b);
        g_array_append_vals (self->badge_texts, &g_array_index (badge_texts, IapHeatMapText, first_b),
                             b - first_b);
        for (guint k = first_b; k < b; k++)
          g_array_index (badge_texts, IapHeatMapText, k).layout = NULL;
      }
  g_clear_pointer (&self->reuse, g_hash_table_unref);
}

static void
text_area (const IapHeatMapText *text,
           cairo_rectangle_t    *area)
{
  PangoRectangle inked, logical;

  pango_layout_get_pixel_extents (text->layout, &inked, &logical);
  area->x = text->x + MIN (inked.x, logical.x) - 1;
  area->y = text->y + MIN (inked.y, logical.y) - 1;
  area->width = MAX (inked.x + inked.width, logical.x + logical.width) - MIN (inked.x, logical.x) + 2;
  area->height = MAX (inked.y + inked.height, logical.y + logical.height) - MIN (inked.y, logical.y) + 2;
}

static void
add_stale_area (IapHeatMap              *self,
                const cairo_rectangle_t *area)
{
  cairo_rectangle_t *stale = &self->stale_area;
  double x1, y1;

  if (stale->width <= 0)
    {
      *stale = *area;
      return;
    }
  x1 = MAX (stale->x + stale->width, area->x + area->width);
  y1 = MAX (stale->y + stale->height, area->y + area->height);
  stale->x = MIN (stale->x, area->x);
  stale->y = MIN (stale->y, area->y);
  stale->width = x1 - stale->x;
  stale->height = y1 - stale->y;
}

/* The legend's count of risks not yet rated changed: writes the new
 * count in place if it stays on the same line, at the same height.
 * Returns %FALSE if the legend must be laid out again (the count comes
 * or goes, or moves to another line). */
static gboolean
relayout_unrated (IapHeatMap *self)
{
  double fs = self->font_size, key = fs * 1.2, w, h, old_h;
  g_autofree char *label = NULL;
  IapHeatMapText *text;
  PangoLayout *layout;
  cairo_rectangle_t area;
  gboolean wraps;

  if (!self->style.show_legend || self->style.room)
    return TRUE;
  if (self->unrated_text == G_MAXUINT || self->n_unrated == 0)
    return FALSE;

  label = unrated_text (self);
  layout = new_layout (self, label, fs, FALSE);
  layout_size (layout, &w, &h);
  wraps = self->unrated_flow_x > self->legend_left &&
          self->unrated_flow_x + key + fs * 0.4 + w > self->legend_right;
  text = &g_array_index (self->texts, IapHeatMapText, self->unrated_text);
  layout_size (text->layout, NULL, &old_h);
  if (wraps != self->unrated_wrapped || h != old_h)
    {
      g_object_unref (layout);
      return FALSE;
    }

  text_area (text, &area);
  add_stale_area (self, &area);
  g_object_unref (text->layout);
  text->layout = layout;
  text_area (text, &area);
  add_stale_area (self, &area);

  return TRUE;
}

/* When only ratings changed since the last layout, lays out again the
 * cells whose markers changed and marks them stale in the painted layer.
 * Returns %FALSE if anything else the layout draws changed (the levels,
 * the bands, the legend beyond the count of risks not yet rated, the
 * size of the markers, or arrows that may cross any cell): the whole map
 * must then be laid out again. */
static gboolean
relayout_ratings (IapHeatMap *self)
{
  guint n_cells = self->n_likelihood * self->n_impact, n_unrated = self->n_unrated;
  gboolean changed[IAP_HEAT_MAP_MAX_CELLS] = { FALSE, };
  g_autofree char *key = NULL;

  if (self->frame_key == NULL || self->mode == IAP_HEAT_MAP_MOVEMENT)
    return FALSE;
  key = frame_key (self);
  if (!g_str_equal (key, self->frame_key))
    return FALSE;

  for (guint c = 0; c < n_cells; c++)
    {
      GArray *entries = self->spare_entries[c];

      self->spare_entries[c] = self->entries[c];
      self->entries[c] = entries;
      g_array_set_size (entries, 0);
    }
  self->n_unrated = 0;
  collect (self);
  if (crowd_radius (self) != self->radius ||
      (self->n_unrated != n_unrated && !relayout_unrated (self)))
    return FALSE;

  for (guint c = 0; c < n_cells; c++)
    {
      changed[c] = !same_entries (self->entries[c], self->spare_entries[c]);
      self->stale[c] |= changed[c];
      self->any_stale |= changed[c];
    }
  relayout_cells (self, changed);

  return TRUE;
}

/* Layout ----------------------------------------------------------------- */

static void
ensure_context (IapHeatMap *self,
                cairo_t    *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  /* Metrics differ between a hinted screen and a PDF: measure with the
   * surface that is drawn on. */
  if (self->context != NULL && self->surface_type == type)
    return;

  g_clear_object (&self->context);
  self->context = pango_cairo_create_context (cr);
  iap_render_setup_context (self->context);
  self->surface_type = type;
  self->dirty = TRUE;
}

static void
layout_all (IapHeatMap *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  double pad, left, below, legend_h, cell_w;
  guint first_likelihood, first_impact, first_legend;
  gboolean room_axis;

  self->n_likelihood = MIN (iap_scales_get_n_likelihood (scales), IAP_SCALE_MAX_LEVELS);
  self->n_impact = MIN (iap_scales_get_n_impact (scales), IAP_SCALE_MAX_LEVELS);
  if (self->n_likelihood == 0 || self->n_impact == 0)
    return;
  collect (self);
  self->frame_key = frame_key (self);

  self->font_size = self->style.font_size > 0 ? self->style.font_size
                                              : CLAMP (MIN (self->width, self->height) / 42, 7.0, 12.0);
  self->font_size = MAX (self->font_size, self->style.min_font_size);
  self->legible = TRUE;
  self->heading_kind = IAP_HEAT_MAP_HEADING_LEVELS;
  /* In a room, the height goes to the rows */
  pad = self->font_size * (self->style.room ? 0.4 : 0.6);

  first_likelihood = self->texts->len;
  left = pad + layout_likelihood_axis (self, pad);
  self->grid.x = left;
  self->grid.y = pad;
  self->grid.width = MAX (1, self->width - left - pad);
  cell_w = self->grid.width / self->n_impact;

  first_impact = self->texts->len;
  self->impact_staggered = FALSE;
  room_axis = self->style.room || !impact_words_fit (self, cell_w);
  below = room_axis ? layout_room_impact_axis (self, cell_w, left)
                    : layout_impact_axis (self, cell_w);
  first_legend = self->texts->len;
  legend_h = layout_legend (self, left, self->width - pad);
  self->grid.height = MAX (1, self->height - 2 * pad - below - legend_h);

  place_legend (self, first_legend, self->grid.y + self->grid.height + below + pad * 0.5);
  layout_cells (self);
  place_likelihood_axis (self, first_likelihood, pad);
  if (room_axis)
    place_room_impact_axis (self, first_impact, pad);
  else
    place_impact_axis (self, first_impact);
  if (self->mode == IAP_HEAT_MAP_MOVEMENT)
    layout_arrows (self);
}

/**
 * iap_heat_map_layout:
 * @cr: a context on the surface the map will be drawn on
 *
 * Places the cells, markers and text for a map of this size. Does
 * nothing if neither the data, nor the size, nor the kind of surface
 * changed since the last layout.
 */
void
iap_heat_map_layout (IapHeatMap *self,
                     cairo_t    *cr,
                     double      width,
                     double      height)
{
  g_return_if_fail (IAP_IS_HEAT_MAP (self));
  g_return_if_fail (cr != NULL);

  ensure_context (self, cr);
  if (!self->dirty && width == self->width && height == self->height)
    {
      gboolean data_dirty = self->data_dirty;

      self->data_dirty = FALSE;
      if (!data_dirty || self->workshop == NULL || relayout_ratings (self))
        return;
    }

  reset_layout (self);
  self->width = width;
  self->height = height;
  self->dirty = FALSE;
  self->data_dirty = FALSE;
  self->band_legend = FALSE;
  if (self->workshop != NULL && width > 0 && height > 0)
    layout_all (self);
  /* On screen, text grown with the space may no longer fit its place (a
   * long level name under a column): smaller, down to the minimum, rather
   * than over another label */
  if (self->style.shrink_to_fit && !self->style.room && !self->legible && self->n_impact > 0 &&
      self->style.font_size > self->style.min_font_size && self->style.min_font_size > 0)
    {
      double asked = self->style.font_size;

      while (!self->legible && self->style.font_size > self->style.min_font_size)
        {
          self->style.font_size = MAX (self->style.font_size * 0.92, self->style.min_font_size);
          reset_layout (self);
          layout_all (self);
        }
      self->style.font_size = asked;
    }
  /* In a room, cells too small to name their bands: the legend names them */
  if (self->style.room && self->n_impact > 0 && self->heading_kind == IAP_HEAT_MAP_HEADING_NONE)
    {
      reset_layout (self);
      self->band_legend = TRUE;
      layout_all (self);
    }
}

