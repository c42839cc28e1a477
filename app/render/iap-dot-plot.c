/* iap-dot-plot.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reveal of a risk's scores in a picture: for likelihood and for
 * impact, one column per level of the scale, one dot per score stacked
 * in the column of its level, the median's column marked, each pillar
 * shown (those with enough scorers) by the shape of its dots. Drawn from
 * IapRiskStats only, which keeps nothing below the privacy floor: no
 * dot is drawn then, and a pillar below the floor has no shape of its
 * own (a ring). */

#define G_LOG_DOMAIN "iap-dot-plot"

#include "config.h"

#include "iap-i18n.h"
#include <math.h>

#include "iap-catalog.h"
#include "iap-chart-text.h"
#include "iap-dot-plot.h"
#include "iap-render-text.h"

#define N_SHAPES 6

static const IapColor median_fill = { 0xdd / 255.0, 0xe6 / 255.0, 0xf3 / 255.0 };
static const IapColor median_edge = { 0x1c / 255.0, 0x4e / 255.0, 0x8a / 255.0 };

typedef struct
{
  IapWorkshop        *workshop;
  const IapRiskStats *stats;
  GArray             *dots;     /* nullable: where the dots are noted */
} Plot;

/* Text a room reads at 1366 × 768 and more on a projector (docs/charts.md) */
double
iap_dot_plot_get_font_size (double width)
{
  return CLAMP (width / 48.0, 15.0, 30.0);
}

static const char *
shape_name (guint shape)
{
  switch (shape)
    {
    case 0:
      /* Translators: the shape of a pillar's dots in the chart of the scores */
      return C_("shape", "circles");
    case 1:
      return C_("shape", "squares");
    case 2:
      return C_("shape", "triangles");
    case 3:
      return C_("shape", "diamonds");
    case 4:
      return C_("shape", "crosses");
    case 5:
      return C_("shape", "stars");
    default:
      /* Translators: the dots of participants whose pillar has too few scorers to be shown */
      return C_("shape", "rings");
    }
}

/* A shape of @size centred on (@x, @y) */
static void
draw_shape (cairo_t *cr,
            guint    shape,
            double   x,
            double   y,
            double   size)
{
  double r = size / 2;

  cairo_new_path (cr);
  switch (shape >= N_SHAPES ? G_MAXUINT : shape)
    {
    case 0:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case 1:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      cairo_fill (cr);
      break;
    case 2:
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y + r * 0.8);
      cairo_line_to (cr, x - r, y + r * 0.8);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case 3:
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case 4:
      cairo_set_line_width (cr, size * 0.28);
      cairo_move_to (cr, x - r * 0.8, y - r * 0.8);
      cairo_line_to (cr, x + r * 0.8, y + r * 0.8);
      cairo_move_to (cr, x + r * 0.8, y - r * 0.8);
      cairo_line_to (cr, x - r * 0.8, y + r * 0.8);
      cairo_stroke (cr);
      break;
    case 5:
      for (int i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + i * G_PI / 5;
          double d = i % 2 == 0 ? r * 1.05 : r * 0.45;

          cairo_line_to (cr, x + d * cos (a), y + d * sin (a));
        }
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    default:
      cairo_set_line_width (cr, size * 0.2);
      cairo_arc (cr, x, y, r * 0.85, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    }
}

static const char *
level_label (GListModel *levels,
             guint       level)
{
  g_autoptr(IapScaleLevel) item = level > 0 && level <= g_list_model_get_n_items (levels)
                                  ? g_list_model_get_item (levels, level - 1) : NULL;

  return item != NULL ? iap_scale_level_get_label (item) : "";
}

static guint
score_level (const IapStatsScore *score,
             guint                dimension)
{
  return dimension == 0 ? score->likelihood : score->impact;
}

/* One dimension: its heading, the dots in their columns, the levels'
 * numbers and names below; returns the height used from @y. */
static double
render_dimension (const Plot   *plot,
                  IapChartText *text,
                  guint         dimension,
                  double        width,
                  double        y)
{
  IapScales *scales = iap_workshop_get_scales (plot->workshop);
  GListModel *levels = dimension == 0 ? iap_scales_get_likelihood (scales) : iap_scales_get_impact (scales);
  guint n_levels = MIN (g_list_model_get_n_items (levels), IAP_SCALE_MAX_LEVELS);
  guint median = dimension == 0 ? plot->stats->median_likelihood : plot->stats->median_impact;
  guint counts[IAP_SCALE_MAX_LEVELS + 1] = { 0 };
  guint stacked[IAP_SCALE_MAX_LEVELS + 1] = { 0 };
  double font = text->font;
  double column = width / MAX (n_levels, 1);
  double dot = font * 1.1;
  double pitch = dot * 1.35;
  guint per_row = MAX (1, (guint) floor ((column - font * 0.5) / pitch));
  guint rows = 1;
  double top = y, strip, base, names = 0;
  cairo_t *cr = text->cr;

  /* Translators: the vertical axis of the chart of scores */
  y += iap_chart_text_draw (text, dimension == 0 ? _("Likelihood")
                                                 /* Translators: the horizontal axis of the chart of scores; "Impact" the noun */
                                                 : _("Impact"),
                            0, y, width, IAP_TEXT_BOLD, NULL);
  y += font * 0.3;

  for (guint i = 0; i < plot->stats->scores->len; i++)
    {
      guint level = score_level (&g_array_index (plot->stats->scores, IapStatsScore, i), dimension);

      if (level >= 1 && level <= n_levels)
        counts[level]++;
    }
  for (guint l = 1; l <= n_levels; l++)
    rows = MAX (rows, (counts[l] + per_row - 1) / per_row);
  /* Room above the dots for the word "Median" */
  strip = font * 1.6 + rows * pitch + font * 0.4;
  base = y + strip;

  /* The median's column, shaded and framed, named above its dots */
  if (median >= 1 && median <= n_levels)
    {
      double x = iap_chart_text_mirror (text, (median - 1) * column, column);

      if (text->paint)
        {
          iap_chart_set_source (cr, &median_fill);
          cairo_rectangle (cr, x + 2, y, column - 4, strip);
          cairo_fill (cr);
          iap_chart_set_source (cr, &median_edge);
          cairo_set_line_width (cr, MAX (2.0, font * 0.15));
          cairo_rectangle (cr, x + 2, y, column - 4, strip);
          cairo_stroke (cr);
        }
      /* Translators: marks the level of the median score in the chart of the scores */
      iap_chart_text_draw (text, C_("chart", "Median"), (median - 1) * column, y + font * 0.2, column,
                           IAP_TEXT_BOLD | IAP_TEXT_CENTER | IAP_TEXT_SMALL, &median_edge);
    }

  /* The baseline */
  if (text->paint)
    {
      iap_chart_set_source (cr, &iap_chart_dim_ink);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, 0, base);
      cairo_line_to (cr, width, base);
      cairo_stroke (cr);
    }

  /* The dots, bottom up, in rows of per_row centred in their column */
  for (guint i = 0; i < plot->stats->scores->len; i++)
    {
      const IapStatsScore *score = &g_array_index (plot->stats->scores, IapStatsScore, i);
      guint level = score_level (score, dimension);
      guint k, in_row, row_len;
      IapDotPlotDot out;

      if (level < 1 || level > n_levels)
        continue;
      k = stacked[level]++;
      row_len = MIN (per_row, counts[level] - (k / per_row) * per_row);
      in_row = k % per_row;
      out.x = (level - 1) * column + column / 2 + (in_row - (row_len - 1) / 2.0) * pitch;
      out.x = iap_chart_text_mirror (text, out.x, 0);
      out.y = base - pitch / 2 - (k / per_row) * pitch;
      out.size = dot;
      out.dimension = dimension;
      out.level = level;
      out.shape = score->pillar < N_SHAPES ? score->pillar : G_MAXUINT;
      if (plot->dots != NULL)
        g_array_append_val (plot->dots, out);
      if (text->paint)
        {
          iap_chart_set_source (cr, &iap_chart_ink);
          draw_shape (cr, out.shape, out.x, out.y, dot);
        }
    }

  /* Each level's number and name under its column */
  y = base + font * 0.3;
  for (guint l = 1; l <= n_levels; l++)
    {
      g_autofree char *name = g_strdup_printf ("%u\n%s", l, level_label (levels, l));

      names = MAX (names, iap_chart_text_draw (text, name, (l - 1) * column + 2, y, column - 4,
                                               IAP_TEXT_CENTER | (l == median ? IAP_TEXT_BOLD : 0) | IAP_TEXT_SMALL,
                                               NULL));
    }

  return y + names - top;
}

/* The shapes and the pillars they stand for */
static double
render_legend (const Plot   *plot,
               IapChartText *text,
               double        width,
               double        y)
{
  IapCatalog *catalog = iap_workshop_get_catalog (plot->workshop);
  double font = text->font;
  double x = 0, line = 0, top = y;
  gboolean ring = FALSE;

  for (guint i = 0; i < plot->stats->scores->len; i++)
    ring |= g_array_index (plot->stats->scores, IapStatsScore, i).pillar >= N_SHAPES;

  for (guint p = 0; p <= plot->stats->pillars->len; p++)
    {
      g_autofree char *other = NULL;
      const char *label;
      double w, h;
      guint shape;

      if (p < plot->stats->pillars->len && p < N_SHAPES)
        {
          const IapPillarMedian *pm = g_ptr_array_index (plot->stats->pillars, p);

          label = iap_catalog_get_label (catalog, IAP_CATALOG_PILLAR, pm->pillar);
          shape = p;
        }
      else if (p == plot->stats->pillars->len && ring)
        {
          /* Translators: the legend of the ring-shaped dots: pillars with fewer scorers than the privacy floor */
          other = g_strdup_printf (g_dngettext (NULL, "Other pillars (fewer than %u scorer each)",
                                                "Other pillars (fewer than %u scorers each)",
                                                plot->stats->min_scorers),
                                   plot->stats->min_scorers);
          label = other;
          shape = G_MAXUINT;
        }
      else
        continue;

      iap_chart_text_size (text, label, IAP_TEXT_SMALL, &w, &h);
      w = MIN (w, width - font * 1.6);
      if (x > 0 && x + font * 1.6 + w > width)
        {
          y += line + font * 0.3;
          x = 0;
          line = 0;
        }
      if (text->paint)
        {
          iap_chart_set_source (text->cr, &iap_chart_ink);
          draw_shape (text->cr, shape, iap_chart_text_mirror (text, x + font * 0.55, 0), y + h / 2, font);
        }
      h = iap_chart_text_draw (text, label, x + font * 1.3, y, w + 1, IAP_TEXT_SMALL, NULL);
      line = MAX (line, h);
      x += font * 1.3 + w + font * 1.2;
    }

  return y + line - top;
}

static double
render (cairo_t  *cr,
        gpointer  data,
        double    width,
        gboolean  paint)
{
  const Plot *plot = data;
  IapChartText text;
  double y = 0;

  if (plot->stats->withheld || plot->stats->scores == NULL || plot->stats->scores->len == 0)
    return 0;

  iap_chart_text_init (&text, cr, iap_dot_plot_get_font_size (width), paint);
  iap_chart_text_set_mirrored (&text, width);
  y += render_dimension (plot, &text, 0, width, y);
  y += text.font * 0.8;
  y += render_dimension (plot, &text, 1, width, y);
  y += text.font * 0.8;
  y += render_legend (plot, &text, width, y);
  iap_chart_text_clear (&text);

  return ceil (y + 2);
}

/**
 * iap_dot_plot_get_height:
 *
 * Returns: the height the plot takes at @width; 0 when there is nothing
 *   to draw (no scores, or fewer scorers than the privacy floor)
 */
double
iap_dot_plot_get_height (IapWorkshop        *workshop,
                         const IapRiskStats *stats,
                         double              width)
{
  Plot plot = { workshop, stats, NULL };

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (stats != NULL, 0);

  return iap_chart_measure (render, &plot, width);
}

/**
 * iap_dot_plot_draw:
 *
 * Draws the plot in the box (0, 0, @width, @height), on white, scaled
 * down as a whole when the box is too short.
 */
void
iap_dot_plot_draw (cairo_t            *cr,
                   IapWorkshop        *workshop,
                   const IapRiskStats *stats,
                   double              width,
                   double              height)
{
  Plot plot = { workshop, stats, NULL };

  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (stats != NULL);

  iap_chart_draw_in_box (cr, render, &plot, width, height);
}

/**
 * iap_dot_plot_dup_dots:
 *
 * Returns: (transfer full) (element-type IapDotPlotDot): where each dot
 *   goes at @width, as drawn with a box tall enough
 */
GArray *
iap_dot_plot_dup_dots (IapWorkshop        *workshop,
                       const IapRiskStats *stats,
                       double              width)
{
  Plot plot = { workshop, stats, g_array_new (FALSE, FALSE, sizeof (IapDotPlotDot)) };

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (stats != NULL, NULL);

  iap_chart_measure (render, &plot, width);

  return plot.dots;
}

/**
 * iap_dot_plot_dup_sentence:
 *
 * The result in one plain sentence, in the words of docs/domain.md:
 * "Consensus: 11 of 13 scores within one level of Likely × Major."
 * Nothing but the verdict below the privacy floor.
 */
char *
iap_dot_plot_dup_sentence (IapWorkshop        *workshop,
                           const IapRiskStats *stats)
{
  IapScales *scales;
  IapVerdict verdict;
  g_autofree char *label = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (stats != NULL, NULL);

  verdict = iap_risk_stats_get_verdict (stats);
  label = iap_risk_stats_dup_verdict (stats);
  if (verdict == IAP_VERDICT_WITHHELD || verdict == IAP_VERDICT_NO_SCORES ||
      !iap_workshop_may_show_statistic (workshop, stats->n))
    return g_strconcat (label, ".", NULL);

  scales = iap_workshop_get_scales (workshop);
  if (stats->polarized)
    /* Translators: the verdict ("Polarized"), how many scores lie within one level of the median
     * likelihood × impact, and why it is polarized */
    return g_strdup_printf (g_dngettext (NULL,
                                         "%s: %u of %u score within one level of %s × %s, but the medians of two pillars are two levels or more apart.",
                                         "%s: %u of %u scores within one level of %s × %s, but the medians of two pillars are two levels or more apart.",
                                         stats->n),
                            label, iap_risk_stats_count_near_median (stats), stats->n,
                            level_label (iap_scales_get_likelihood (scales), stats->median_likelihood),
                            level_label (iap_scales_get_impact (scales), stats->median_impact));

  /* Translators: the verdict ("Consensus"), how many scores lie within one level of the median
   * likelihood × impact: "Consensus: 11 of 13 scores within one level of Likely × Major." */
  return g_strdup_printf (g_dngettext (NULL, "%s: %u of %u score within one level of %s × %s.",
                                       "%s: %u of %u scores within one level of %s × %s.", stats->n),
                          label, iap_risk_stats_count_near_median (stats), stats->n,
                          level_label (iap_scales_get_likelihood (scales), stats->median_likelihood),
                          level_label (iap_scales_get_impact (scales), stats->median_impact));
}

static void
append_counts (GString             *text,
               IapWorkshop         *workshop,
               const IapRiskStats  *stats,
               guint                dimension)
{
  IapScales *scales = iap_workshop_get_scales (workshop);
  GListModel *levels = dimension == 0 ? iap_scales_get_likelihood (scales) : iap_scales_get_impact (scales);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint l = 1; l <= g_list_model_get_n_items (levels); l++)
    {
      guint count = 0;

      for (guint i = 0; i < stats->scores->len; i++)
        count += score_level (&g_array_index (stats->scores, IapStatsScore, i), dimension) == l;
      if (list->len > 0)
        g_string_append (list, "; ");
      g_string_append_printf (list, "%u %s: %u", l, level_label (levels, l), count);
    }
  g_string_append_c (text, ' ');
  if (dimension == 0)
    /* Translators: the text alternative of the chart: the number of scores at each level */
    g_string_append_printf (text, _("Likelihood, scores per level: %s."), list->str);
  else
    g_string_append_printf (text, _("Impact, scores per level: %s."), list->str);
}

/**
 * iap_dot_plot_dup_description:
 *
 * What a screen reader says instead of the picture: the count and the
 * medians, the number of scores at each level, and the pillars' shapes.
 */
char *
iap_dot_plot_dup_description (IapWorkshop        *workshop,
                              const IapRiskStats *stats)
{
  g_autoptr(GString) text = g_string_new (NULL);
  IapCatalog *catalog;
  gboolean ring = FALSE;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  if (!iap_risk_stats_describe_scores (stats, text))
    return g_string_free (g_steal_pointer (&text), FALSE);
  append_counts (text, workshop, stats, 0);
  append_counts (text, workshop, stats, 1);

  catalog = iap_workshop_get_catalog (workshop);
  for (guint p = 0; p < stats->pillars->len && p < N_SHAPES; p++)
    {
      const IapPillarMedian *pm = g_ptr_array_index (stats->pillars, p);

      /* Translators: in the text alternative of the chart: "squares: Political pillar." */
      g_string_append_printf (text, _(" %s: %s."), shape_name (p),
                              iap_catalog_get_label (catalog, IAP_CATALOG_PILLAR, pm->pillar));
    }
  for (guint i = 0; i < stats->scores->len; i++)
    ring |= g_array_index (stats->scores, IapStatsScore, i).pillar >= N_SHAPES;
  if (ring)
    g_string_append_printf (text, _(" %s: %s."), shape_name (G_MAXUINT),
                            /* Translators: what the ring-shaped dots stand for, in the text alternative */
                            _("pillars of too few scorers to be shown"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}
