/* iap-balance-chart.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The triple-hatting analysis on paper and on screen: a diverging bar
 * chart, one row per structural option, risks to the left of a central
 * axis and benefits to the right, each bar stacked by factor; and a grid
 * of the scores of each factor for each option.
 *
 * Both draw on any cairo surface, so the page, printing and the PDF, PNG
 * and SVG exports share one path. A printed chart must explain itself
 * without the application: it carries its own title, side labels, totals
 * as shares of the most each side could reach, the weights, what is not
 * scored yet, a key and a note on how to read it. Each side is drawn to
 * its own maximum: the sides' weights differ, so their raw sums have
 * different denominators and never compare. Risks are hatched so that the two sides
 * differ in greyscale print too. Transaction costs, a criterion of their
 * own, are a thinner cross-hatched bar under the risks, never added to
 * them.
 *
 * In a language written right to left both are mirrored: the option
 * labels on the right, risks to the right of the axis (the side read
 * first, as the left is in English), the key's and the grid's first
 * column on the right. Only positions change: text is never flipped.
 */

#define G_LOG_DOMAIN "iap-balance-chart"

#include "config.h"

#include "iap-i18n.h"
#include <pango/pangocairo.h>

#include <math.h>
#include <string.h>

#include "iap-balance-chart.h"
#include "iap-chart-text.h"
#include "iap-text.h"
#include "iap-options-analysis.h"
#include "iap-palette.h"
#include "iap-render-text.h"

typedef struct
{
  cairo_t            *cr;
  IapChartText        text;
  IapWorkshop        *workshop;
  IapCatalog         *catalog;
  IapOptionsAnalysis *analysis;
  double              width;
  double              font;
  /* A bar's height, in fonts: taller on screen, for two lines of label */
  double              bar_height;
  double              margin;
  gboolean            paint;
  guint               n_benefits;
  guint               n_risks;
  /* In a room: the page drawn, in a box that high; the pages found, and
   * whether a text was wider than its place */
  guint               page;
  double              box_height;
  guint               n_pages;
  gboolean            cut;
} Chart;

/* Where the bars go: the option labels on the left, then the bars. */
typedef struct
{
  double label_width;
  double x0;
  double x1;
  double axis;
  double half;
  /* In a room: the widest share written left and right of the bars */
  double risks_width;
  double benefits_width;
} Geometry;

#define ink iap_chart_ink
#define dim_ink iap_chart_dim_ink
static const IapColor rule = { 0.75, 0.75, 0.78 };
/* Transaction costs: a mid grey, cross-hatched, unlike any factor's fill */
static const IapColor cost_fill = { 0.60, 0.60, 0.64 };

/* @font: the font size on screen, 0 on paper (sized by @width) */
static void
chart_init (Chart       *c,
            cairo_t     *cr,
            IapWorkshop *workshop,
            double       width,
            double       font,
            gboolean     paint)
{
  c->cr = cr;
  c->workshop = workshop;
  c->catalog = iap_workshop_get_catalog (workshop);
  c->analysis = iap_options_analysis_new_for_workshop (workshop);
  c->width = width;
  c->font = font > 0 ? font : CLAMP (width / 72.0, 8.0, 12.0);
  c->bar_height = font > 0 ? 2.9 : 2.2;
  c->margin = c->font;
  c->paint = paint;
  c->page = 0;
  c->box_height = 0;
  c->n_pages = 1;
  c->cut = FALSE;
  iap_chart_text_init (&c->text, cr, c->font, paint);
  if (font > 0)
    c->text.min_font = IAP_CHART_MIN_FONT;
  iap_chart_text_set_mirrored (&c->text, width);
  c->n_benefits = c->n_risks = 0;
  for (guint i = 0; i < c->analysis->factors->len; i++)
    {
      IapFactorSide side = ((IapFactorLine *)g_ptr_array_index (c->analysis->factors, i))->side;

      c->n_benefits += side == IAP_FACTOR_SIDE_BENEFIT;
      c->n_risks += side == IAP_FACTOR_SIDE_RISK;
    }
}

static void
chart_clear (Chart *c)
{
  iap_chart_text_clear (&c->text);
  g_clear_pointer (&c->analysis, iap_options_analysis_free);
}

static void
text_size (Chart        *c,
           const char   *text,
           IapTextFlags  flags,
           double       *width,
           double       *height)
{
  iap_chart_text_size (&c->text, text, flags, width, height);
}

/* The x of a box at @x, @width wide, as drawn: mirrored right to left */
static double
mirror (Chart  *c,
        double  x,
        double  width)
{
  return iap_chart_text_mirror (&c->text, x, width);
}

/* Draws @text wrapped to @width at (@x, @y) (a box that is mirrored right
 * to left, its alignment with it); returns its height. */
static double
draw_text (Chart          *c,
           const char     *text,
           double          x,
           double          y,
           double          width,
           IapTextFlags    flags,
           const IapColor *color)
{
  return iap_chart_text_draw (&c->text, text, x, y, width, flags, color);
}

static void
hatch (cairo_t *cr,
       double   x,
       double   y,
       double   width,
       double   height,
       double   spacing)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.45);
  cairo_set_line_width (cr, MAX (spacing / 5, 1.0));
  for (double d = -height; d < width; d += spacing)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
get_factor_fill (Chart    *c,
                 guint     index,
                 IapColor *fill)
{
  const IapFactorLine *line = g_ptr_array_index (c->analysis->factors, index);

  if (line->side == IAP_FACTOR_SIDE_COST)
    *fill = cost_fill;
  else
    iap_palette_get_factor_fill (line->risk, line->risk ? index - c->n_benefits : index, fill);
}

static void
fill_factor (Chart  *c,
             guint   index,
             double  x,
             double  y,
             double  width,
             double  height)
{
  const IapFactorLine *line = g_ptr_array_index (c->analysis->factors, index);
  IapColor fill;

  x = mirror (c, x, width);
  get_factor_fill (c, index, &fill);
  iap_chart_set_source (c->cr, &fill);
  cairo_rectangle (c->cr, x, y, width, height);
  cairo_fill (c->cr);
  if (line->side != IAP_FACTOR_SIDE_BENEFIT)
    hatch (c->cr, x, y, width, height, MAX (height / 4, 4.0));
  if (line->side == IAP_FACTOR_SIDE_COST)
    {
      /* The other diagonal too: a cross-hatch tells costs from risks */
      cairo_save (c->cr);
      cairo_translate (c->cr, 2 * x + width, 0);
      cairo_scale (c->cr, -1, 1);
      hatch (c->cr, x, y, width, height, MAX (height / 4, 4.0));
      cairo_restore (c->cr);
    }

  cairo_set_source_rgb (c->cr, 1, 1, 1);
  cairo_set_line_width (c->cr, 1.0);
  cairo_rectangle (c->cr, x, y, width, height);
  cairo_stroke (c->cr);
}

/* The factor's label inside its segment when it fits, on one line or
 * two (never breaking a word), else its number in the key, else
 * nothing: the key still lists it. */
static void
label_segment (Chart  *c,
               guint   index,
               double  x,
               double  y,
               double  width,
               double  height)
{
  const IapFactorLine *line = g_ptr_array_index (c->analysis->factors, index);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  const char *label = iap_catalog_entry_get_label (line->factor);
  IapColor fill, color;
  double w, h;

  get_factor_fill (c, index, &fill);
  iap_palette_get_text_on (&fill, &color);

  text_size (c, label, IAP_TEXT_SMALL | IAP_TEXT_BOLD, &w, &h);
  if (w + 6 <= width && h <= height)
    {
      draw_text (c, label, x + (width - w) / 2, y + (height - h) / 2, -1,
                 IAP_TEXT_SMALL | IAP_TEXT_BOLD, &color);
      return;
    }

  if (strchr (label, ' ') != NULL &&
      iap_chart_text_widest_word (&c->text, label, IAP_TEXT_SMALL | IAP_TEXT_BOLD) + 6 <= width)
    {
      gboolean paint = c->text.paint;

      c->text.paint = FALSE;
      h = draw_text (c, label, x + 3, y, width - 6, IAP_TEXT_SMALL | IAP_TEXT_BOLD | IAP_TEXT_CENTER, &color);
      c->text.paint = paint;
      if (h <= height)
        {
          draw_text (c, label, x + 3, y + (height - h) / 2, width - 6,
                     IAP_TEXT_SMALL | IAP_TEXT_BOLD | IAP_TEXT_CENTER, &color);
          return;
        }
    }

  text_size (c, number, IAP_TEXT_SMALL | IAP_TEXT_BOLD, &w, &h);
  if (w + 6 <= width && h <= height)
    draw_text (c, number, x + (width - w) / 2, y + (height - h) / 2, -1,
               IAP_TEXT_SMALL | IAP_TEXT_BOLD, &color);
}

static void
draw_outline (Chart  *c,
              double  x,
              double  y,
              double  width,
              double  height)
{
  static const double dashes[] = { 3.0, 3.0 };

  if (width <= 0)
    return;

  cairo_save (c->cr);
  iap_chart_set_source (c->cr, &dim_ink);
  cairo_set_line_width (c->cr, 1.0);
  cairo_set_dash (c->cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_rectangle (c->cr, mirror (c, x, width) + 0.5, y + 0.5, width - 1, height - 1);
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

static guint
side_max (const IapOptionResult *result,
          IapFactorSide          side)
{
  switch (side)
    {
    case IAP_FACTOR_SIDE_RISK:
      return result->risk_max;
    case IAP_FACTOR_SIDE_COST:
      return result->cost_max;
    case IAP_FACTOR_SIDE_BENEFIT:
    default:
      return result->benefit_max;
    }
}

/* Stacks the factors of one side outward from the axis, in key order,
 * each as its share of the side's maximum: a full bar is every counted
 * factor at 4. Benefits go right, risks and transaction costs left. */
typedef void (*LabelFunc) (Chart *c, guint index, double x, double y, double width, double height);

static void
draw_side (Chart          *c,
           const Geometry *g,
           guint           option,
           IapFactorSide   side,
           double          y,
           double          height,
           LabelFunc       label)
{
  const IapOptionResult *result = iap_options_analysis_get_result (c->analysis, option);
  guint max = side_max (result, side);
  double offset = 0;

  if (max == 0)
    return;

  for (guint i = 0; i < c->analysis->factors->len; i++)
    {
      const IapFactorLine *line = g_ptr_array_index (c->analysis->factors, i);
      int value = iap_factor_line_get_contribution (line, option);
      double w, x;

      if (line->side != side || value <= 0)
        continue;

      w = value * g->half / max;
      x = side != IAP_FACTOR_SIDE_BENEFIT ? g->axis - offset - w : g->axis + offset;
      if (c->paint)
        fill_factor (c, i, x, y, w, height);
      label (c, i, x, y, w, height);
      offset += w;
    }
}

static double
draw_row_text (Chart                 *c,
               const Geometry        *g,
               const IapOptionResult *result,
               double                 y)
{
  g_autofree char *totals = iap_option_result_dup_totals (result);
  g_autofree char *unscored = iap_option_result_dup_unscored (result);
  g_autofree char *benefits = iap_options_dup_labels ((const char * const *)result->benefit_drivers,
                                                      c->catalog, IAP_CATALOG_FACTOR);
  g_autofree char *risks = iap_options_dup_labels ((const char * const *)result->risk_drivers,
                                                   c->catalog, IAP_CATALOG_FACTOR);
  g_autofree char *drivers = NULL;
  double width = g->x1 - g->x0, start = y;

  y += draw_text (c, totals, g->x0, y, width, IAP_TEXT_SMALL | IAP_TEXT_BOLD | IAP_TEXT_CENTER, NULL);
  if (unscored != NULL)
    y += draw_text (c, unscored, g->x0, y, width, IAP_TEXT_SMALL | IAP_TEXT_ITALIC | IAP_TEXT_CENTER, NULL);
  /* Translators: the factors that weigh most for an option, on each side */
  drivers = g_strdup_printf (_("Main risks: %s · Main benefits: %s"),
                             risks[0] != '\0' ? risks : C_("factors", "none"),
                             benefits[0] != '\0' ? benefits : C_("factors", "none"));
  y += draw_text (c, drivers, g->x0, y, width, IAP_TEXT_SMALL | IAP_TEXT_DIM | IAP_TEXT_CENTER, NULL);

  return y - start;
}

static double
draw_row (Chart          *c,
          const Geometry *g,
          guint           option,
          double          y)
{
  const IapOptionResult *result = iap_options_analysis_get_result (c->analysis, option);
  IapCatalogEntry *entry = iap_catalog_lookup (c->catalog, IAP_CATALOG_OPTION, result->option);
  double bar = c->font * c->bar_height, costs = 0, label_height, text_height;

  label_height = draw_text (c, entry != NULL ? iap_catalog_entry_get_label (entry) : result->option,
                            c->margin, y, g->label_width, IAP_TEXT_BOLD, NULL);
  if (g_str_equal (iap_workshop_get_recommendation (c->workshop), result->option))
    label_height += draw_text (c, _("Recommended by the group"), c->margin, y + label_height,
                               g->label_width, IAP_TEXT_SMALL | IAP_TEXT_ITALIC, NULL);

  if (iap_option_result_has_side (result, IAP_FACTOR_SIDE_COST))
    costs = bar * 0.5;

  if (c->paint)
    {
      if (result->risk_max > 0)
        draw_outline (c, g->axis - g->half, y, g->half, bar);
      if (result->benefit_max > 0)
        draw_outline (c, g->axis, y, g->half, bar);
      if (result->cost_max > 0)
        draw_outline (c, g->axis - g->half, y + bar + 2, g->half, costs);
      draw_side (c, g, option, IAP_FACTOR_SIDE_RISK, y, bar, label_segment);
      draw_side (c, g, option, IAP_FACTOR_SIDE_BENEFIT, y, bar, label_segment);
      draw_side (c, g, option, IAP_FACTOR_SIDE_COST, y + bar + 2, costs, label_segment);
      /* The axis crosses the bars only, so it never strikes out text. */
      iap_chart_set_source (c->cr, &ink);
      cairo_set_line_width (c->cr, 1.5);
      cairo_move_to (c->cr, mirror (c, g->axis, 0), y - 4);
      cairo_line_to (c->cr, mirror (c, g->axis, 0), y + bar + (costs > 0 ? 2 + costs : 0) + 4);
      cairo_stroke (c->cr);
    }
  bar += costs > 0 ? 2 + costs : 0;
  text_height = draw_row_text (c, g, result, y + bar + 3);

  return MAX (label_height, bar + 3 + text_height) + c->margin;
}

static void
compute_geometry (Chart    *c,
                  Geometry *g)
{
  g->label_width = CLAMP (c->width * 0.24, c->font * 7, c->font * 18);
  g->x0 = c->margin + g->label_width + c->margin;
  g->x1 = c->width - c->margin;
  g->axis = (g->x0 + g->x1) / 2;
  /* Each side to its own maximum, the same length for every option, so
   * that shares compare across options and sides. */
  g->half = MAX ((g->x1 - g->axis) - 2, 1.0);
}

static double
draw_heading (Chart *c,
              double y)
{
  const char *note = iap_options_get_policy_note (iap_workshop_get_environment (c->workshop));
  g_autofree char *weighting = iap_options_dup_weighting (c->analysis);
  double width = c->width - 2 * c->margin;

  y += draw_text (c, _("Benefits and risks of each structural option"),
                  c->margin, y, width, IAP_TEXT_BOLD | IAP_TEXT_LARGE, NULL);
  /* Translators: in a language written right to left the chart is
   * mirrored: there risks are to the right of the axis, benefits to the
   * left */
  y += draw_text (c, c->n_risks + c->n_benefits < c->analysis->factors->len
                  ? _("Risks to the left of the axis, benefits to the right, transaction costs in the thin bar under the risks; "
                      "each side as a share of its own maximum, stacked by factor.")
                  : _("Risks to the left of the axis, benefits to the right, each side as a share of its own maximum, stacked by factor."),
                  c->margin, y, width, IAP_TEXT_SMALL | IAP_TEXT_DIM, NULL);
  y += draw_text (c, weighting, c->margin, y, width, IAP_TEXT_SMALL | IAP_TEXT_DIM, NULL);
  if (note != NULL)
    y += 4 + draw_text (c, note, c->margin, y + 4, width, IAP_TEXT_SMALL | IAP_TEXT_ITALIC, NULL);

  return y + c->margin * 0.75;
}

static const char *
side_key_title (IapFactorSide side)
{
  switch (side)
    {
    case IAP_FACTOR_SIDE_RISK:
      /* Translators: in a language written right to left the chart is
       * mirrored: risks right of the axis */
      return _("Risks, left of the axis (hatched)");
    case IAP_FACTOR_SIDE_COST:
      return _("Transaction costs, thin bar under the risks (cross-hatched)");
    case IAP_FACTOR_SIDE_BENEFIT:
    default:
      /* Translators: in a language written right to left the chart is
       * mirrored: benefits left of the axis */
      return _("Benefits, right of the axis");
    }
}

static double
draw_key_column (Chart          *c,
                 IapFactorSide   side,
                 double          x,
                 double          y,
                 double          width)
{
  double swatch = c->font * 1.1, start = y;

  y += draw_text (c, side_key_title (side), x, y, width, IAP_TEXT_BOLD | IAP_TEXT_SMALL, NULL) + 2;
  for (guint i = 0; i < c->analysis->factors->len; i++)
    {
      const IapFactorLine *line = g_ptr_array_index (c->analysis->factors, i);
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;
      double h;

      if (line->side != side)
        continue;

      label = iap_text_isolate (iap_catalog_entry_get_label (line->factor));
      if (line->weight > 0)
        /* Translators: a line of the chart's key: number, factor, weight */
        text = g_strdup_printf (_("%u  %s · weight %u"), i + 1, label, line->weight);
      else
        /* Translators: a line of the chart's key, for a factor without a weight */
        text = g_strdup_printf (_("%u  %s · not weighted"), i + 1, label);
      h = draw_text (c, text, x + swatch + 6, y, width - swatch - 6, IAP_TEXT_SMALL, NULL);
      if (c->paint)
        fill_factor (c, i, x, y + MAX (h - swatch, 0) / 2, swatch, swatch);
      y += MAX (h, swatch) + 3;
    }

  return y - start;
}

static double
draw_key (Chart *c,
          double y)
{
  gboolean costs = c->n_risks + c->n_benefits < c->analysis->factors->len;
  guint n_columns = costs ? 3 : 2;
  double column = (c->width - (n_columns + 1) * c->margin) / n_columns;
  double risks, benefits, cost = 0;

  risks = draw_key_column (c, IAP_FACTOR_SIDE_RISK, c->margin, y, column);
  if (costs)
    cost = draw_key_column (c, IAP_FACTOR_SIDE_COST, 2 * c->margin + column, y, column);
  benefits = draw_key_column (c, IAP_FACTOR_SIDE_BENEFIT, n_columns * c->margin + (n_columns - 1) * column,
                              y, column);
  y += MAX (MAX (risks, benefits), cost) + c->margin * 0.5;

  y += draw_text (c, _("Weight: how much the factor matters in this context, 1 to 5. Score: how strongly it applies to the option, 0 (not at all) to 4 (fully). "
                       "Each segment is the factor’s weight × score as a share of its side’s maximum; the dashed outline, 100%, is every factor of that side scored 4. "
                       "Factors not yet weighted or scored are left out of both and counted under the option."),
                  c->margin, y, c->width - 2 * c->margin, IAP_TEXT_SMALL | IAP_TEXT_DIM, NULL);

  return y;
}

static double
draw_axis_titles (Chart          *c,
                  const Geometry *g,
                  double          y)
{
  double gap = c->font * 0.5, left, right;
  g_autofree char *risks = iap_render_dup_side_title (TRUE);
  g_autofree char *benefits = iap_render_dup_side_title (FALSE);

  left = draw_text (c, risks, g->x0, y, g->axis - gap - g->x0, IAP_TEXT_BOLD | IAP_TEXT_RIGHT, NULL);
  right = draw_text (c, benefits, g->axis + gap, y, g->x1 - g->axis - gap, IAP_TEXT_BOLD, NULL);

  return MAX (left, right) + 4;
}

/* Draws, or only measures, the whole chart; returns its height. */
static double
render_chart (Chart *c)
{
  guint n = iap_options_analysis_get_n_options (c->analysis);
  double y = draw_heading (c, c->margin);
  Geometry g;

  if (n == 0)
    {
      g_autofree char *empty = iap_options_analysis_dup_summary (c->analysis, c->catalog);

      y += draw_text (c, empty, c->margin, y, c->width - 2 * c->margin, IAP_TEXT_ITALIC, NULL);
      return y + c->margin;
    }

  compute_geometry (c, &g);
  y += draw_axis_titles (c, &g, y) + 4;
  for (guint i = 0; i < n; i++)
    y += draw_row (c, &g, i, y);

  return draw_key (c, y) + c->margin;
}

typedef double (*RenderFunc) (Chart *c);

typedef struct
{
  IapWorkshop *workshop;
  RenderFunc   render;
  gboolean     screen;
  double       smallest;
} RenderData;

static double
render_with (cairo_t  *cr,
             gpointer  user_data,
             double    width,
             gboolean  paint)
{
  RenderData *data = user_data;
  Chart c;
  double height;

  chart_init (&c, cr, data->workshop, width,
              data->screen ? iap_chart_get_screen_font (width, 0) : 0, paint);
  height = data->render (&c);
  data->smallest = MIN (data->smallest, c.text.smallest);
  chart_clear (&c);

  return height;
}

static double
measure (IapWorkshop *workshop,
         double       width,
         RenderFunc   render,
         gboolean     screen)
{
  RenderData data = { workshop, render, screen, G_MAXDOUBLE };

  return iap_chart_measure (render_with, &data, width);
}

static void
draw_in_box (cairo_t     *cr,
             IapWorkshop *workshop,
             double       width,
             double       height,
             RenderFunc   render,
             gboolean     screen)
{
  RenderData data = { workshop, render, screen, G_MAXDOUBLE };

  iap_chart_draw_in_box (cr, render_with, &data, width, height);
}

/* The chart for a room ------------------------------------------------- */

/*
 * Projected to a room, the chart says less in larger type: one row per
 * option with its name and what the group said of it, each side's share
 * in words beside its bar, and the names of the factors whose segments
 * are wide enough for them at the room's font (docs/charts.md). No
 * heading (the room's window asks the step's question), no legend to
 * look numbers up in, no notes: every text is at the room's font, never
 * smaller, and options that do not fit one screen go on further pages.
 */

/* Draws @text as draw_text() does, and notes whether it is wider than
 * its box: a room chart's text must fit where it is put */
static double
room_text (Chart          *c,
           const char     *text,
           double          x,
           double          y,
           double          width,
           IapTextFlags    flags,
           const IapColor *color)
{
  double height = draw_text (c, text, x, y, width, flags, color);
  PangoRectangle logical;

  if (height > 0)
    {
      pango_layout_get_extents (c->text.layout, NULL, &logical);
      if ((width > 0 && (double) logical.width / PANGO_SCALE > width + 0.5) ||
          x < -0.5 || x + (double) logical.width / PANGO_SCALE > c->width + 0.5)
        c->cut = TRUE;
      /* Nor is a word broken across lines */
      if (iap_chart_layout_is_broken (c->text.layout))
        c->cut = TRUE;
    }

  return height;
}

static double
room_text_width (Chart        *c,
                 const char   *text,
                 IapTextFlags  flags)
{
  double w, h;

  text_size (c, text, flags, &w, &h);

  return w;
}

/* “Benefits 92%”, or “Benefits not scored yet” */
static char *
dup_side_share (const IapOptionResult *result,
                IapFactorSide          side)
{
  static const char *sides[] = { N_("Benefits"), N_("Risks"), N_("Transaction costs") };
  static const char *unscored[] = { N_("Benefits not scored yet"), N_("Risks not scored yet"),
                                    N_("Transaction costs not scored yet") };
  g_autofree char *share = NULL;

  if (iap_option_result_get_side_share (result, side) < 0)
    return g_strdup (_(unscored[side]));

  share = iap_option_result_dup_side_share (result, side);
  /* Translators: beside a bar of the chart in room mode: a side, then its
   * share of the most it could reach, “Benefits 92%” */
  return g_strdup_printf (C_("side and share", "%s %s"), _(sides[side]), share);
}

/* What the group said of an option: recommended, the current
 * configuration, factors left out of its sums */
static char *
dup_option_notes (Chart                 *c,
                  const IapOptionResult *result)
{
  g_autofree char *unscored = iap_option_result_dup_unscored (result);
  const char *items[3] = { NULL, NULL, NULL };
  guint n = iap_options_get_roles (c->workshop, result->option, items);

  if (unscored != NULL)
    items[n++] = unscored;

  return n > 0 ? iap_options_join_notes (items, n) : NULL;
}

/* A factor's name on its segment where it fits at the room's font, on
 * one line; else nothing: there is no key to look a number up in */
static void
room_label_segment (Chart  *c,
                    guint   index,
                    double  x,
                    double  y,
                    double  width,
                    double  height)
{
  const IapFactorLine *line = g_ptr_array_index (c->analysis->factors, index);
  const char *label = iap_catalog_entry_get_label (line->factor);
  double pad = c->font * 0.3, w, h;
  IapColor fill, color;

  text_size (c, label, IAP_TEXT_BOLD, &w, &h);
  if (line->side == IAP_FACTOR_SIDE_COST || w + 2 * pad > width || h > height)
    return;

  get_factor_fill (c, index, &fill);
  iap_palette_get_text_on (&fill, &color);
  room_text (c, label, x + pad, y + (height - h) / 2, width - 2 * pad, IAP_TEXT_BOLD | IAP_TEXT_CENTER, &color);
}

/* One side's bar from the axis in its dashed outline */
static void
room_side (Chart          *c,
           const Geometry *g,
           guint           option,
           IapFactorSide   side,
           double          y,
           double          height)
{
  if (side_max (iap_options_analysis_get_result (c->analysis, option), side) == 0)
    return;

  if (c->paint)
    draw_outline (c, side == IAP_FACTOR_SIDE_BENEFIT ? g->axis : g->axis - g->half, y, g->half, height);
  draw_side (c, g, option, side, y, height, room_label_segment);
}

/* A row: the option's name and what the group said of it in a column
 * left of the bars (else on lines above them), each side's share beside
 * its bar outside the dashed outline, and the transaction costs' thin bar
 * under the risks with its share across the axis, on the same line */
static double
room_row (Chart          *c,
          const Geometry *g,
          guint           option,
          double          y)
{
  const IapOptionResult *result = iap_options_analysis_get_result (c->analysis, option);
  IapCatalogEntry *entry = iap_catalog_lookup (c->catalog, IAP_CATALOG_OPTION, result->option);
  const char *name = entry != NULL ? iap_catalog_entry_get_label (entry) : result->option;
  g_autofree char *notes = dup_option_notes (c, result);
  g_autofree char *risks = dup_side_share (result, IAP_FACTOR_SIDE_RISK);
  g_autofree char *benefits = dup_side_share (result, IAP_FACTOR_SIDE_BENEFIT);
  double gap = c->font * 0.5, start = y, names = 0, line, bar_top, axis_end, end, unused;

  if (g->label_width > 0)
    {
      names = room_text (c, name, c->margin, y, g->label_width, IAP_TEXT_BOLD, NULL);
      if (notes != NULL)
        names += room_text (c, notes, c->margin, y + names, g->label_width, IAP_TEXT_ITALIC, NULL);
    }
  else
    {
      double width = c->width - 2 * c->margin;
      double notes_width = notes != NULL ? room_text_width (c, notes, IAP_TEXT_ITALIC) : 0;
      gboolean beside = notes != NULL && room_text_width (c, name, IAP_TEXT_BOLD) + 2 * gap + notes_width <= width;

      y += room_text (c, name, c->margin, y, beside ? width - notes_width - 2 * gap : width, IAP_TEXT_BOLD, NULL);
      if (beside)
        room_text (c, notes, c->margin, start, width, IAP_TEXT_ITALIC | IAP_TEXT_RIGHT, NULL);
      else if (notes != NULL)
        y += room_text (c, notes, c->margin, y, width, IAP_TEXT_ITALIC, NULL);
      y += c->font * 0.2;
    }

  /* The bars as tall as a line of text, so a factor's name fits on its
   * segment where the segment is wide enough */
  text_size (c, risks, IAP_TEXT_BOLD, &unused, &line);
  bar_top = y;
  room_text (c, risks, g->x0 - gap - g->risks_width, y, g->risks_width, IAP_TEXT_BOLD | IAP_TEXT_RIGHT, NULL);
  room_text (c, benefits, g->x1 + gap, y, g->benefits_width, IAP_TEXT_BOLD, NULL);
  room_side (c, g, option, IAP_FACTOR_SIDE_RISK, y, line);
  room_side (c, g, option, IAP_FACTOR_SIDE_BENEFIT, y, line);
  axis_end = end = y + line;

  if (iap_option_result_has_side (result, IAP_FACTOR_SIDE_COST))
    {
      g_autofree char *costs = dup_side_share (result, IAP_FACTOR_SIDE_COST);
      double cost_bar = c->font * 0.6, height;

      y = end + c->font * 0.15;
      /* Its share always in the same place, across the axis from the
       * bar's end, where nothing else is drawn on that line */
      height = room_text (c, costs, g->axis + gap, y, g->x1 + gap + g->benefits_width - g->axis - gap,
                          IAP_TEXT_PLAIN, NULL);
      room_side (c, g, option, IAP_FACTOR_SIDE_COST, y + (line - cost_bar) / 2, cost_bar);
      axis_end = y + (line + cost_bar) / 2;
      end = y + MAX (height, line);
    }

  if (c->paint)
    {
      /* The axis crosses the bars only, so it never strikes out text */
      iap_chart_set_source (c->cr, &ink);
      cairo_set_line_width (c->cr, 2.0);
      cairo_move_to (c->cr, mirror (c, g->axis, 0), bar_top - 4);
      cairo_line_to (c->cr, mirror (c, g->axis, 0), axis_end + 4);
      cairo_stroke (c->cr);
    }

  return MAX (end, start + names) - start;
}

/* The widest a text of every option takes on one line: @side's share,
 * or with @side -1 the option's name or what the group said of it */
static double
room_widest (Chart *c,
             int    side)
{
  double widest = 0;

  for (guint i = 0; i < iap_options_analysis_get_n_options (c->analysis); i++)
    {
      const IapOptionResult *result = iap_options_analysis_get_result (c->analysis, i);

      if (side >= 0)
        {
          g_autofree char *share = dup_side_share (result, side);

          widest = MAX (widest, room_text_width (c, share, IAP_TEXT_BOLD));
        }
      else
        {
          IapCatalogEntry *entry = iap_catalog_lookup (c->catalog, IAP_CATALOG_OPTION, result->option);
          g_autofree char *notes = dup_option_notes (c, result);

          widest = MAX (widest, room_text_width (c, entry != NULL ? iap_catalog_entry_get_label (entry) : result->option,
                                                 IAP_TEXT_BOLD));
          if (notes != NULL)
            widest = MAX (widest, room_text_width (c, notes, IAP_TEXT_ITALIC));
        }
    }

  return widest;
}

/* The names in a column left of the bars, so that an option takes two
 * lines and the options a room compares fit one screen; on lines of
 * their own above the bars where the column would leave the bars less
 * than five fonts a side. The bars of every option share one axis. */
static void
room_geometry (Chart    *c,
               Geometry *g)
{
  double gap = c->font * 0.5, width = c->width - 2 * c->margin;

  g->risks_width = room_widest (c, IAP_FACTOR_SIDE_RISK);
  g->benefits_width = room_widest (c, IAP_FACTOR_SIDE_BENEFIT);
  g->label_width = MIN (room_widest (c, -1), width * 0.4);
  g->half = (width - g->label_width - 2 * gap - g->risks_width - g->benefits_width - 2 * gap) / 2;
  if (g->half < c->font * 5)
    {
      g->label_width = 0;
      g->half = (width - g->risks_width - g->benefits_width - 2 * gap) / 2;
    }
  g->half = MAX (g->half, 1.0);
  g->x0 = c->margin + (g->label_width > 0 ? g->label_width + 2 * gap : 0) + g->risks_width + gap;
  g->axis = g->x0 + g->half;
  g->x1 = g->axis + g->half;
}

static void
draw_rule (Chart  *c,
           double  y)
{
  if (!c->paint)
    return;

  iap_chart_set_source (c->cr, &rule);
  cairo_set_line_width (c->cr, 1.0);
  cairo_move_to (c->cr, c->margin, y + 0.5);
  cairo_line_to (c->cr, c->width - c->margin, y + 0.5);
  cairo_stroke (c->cr);
}

/* Draws, or only measures, one page of the room's chart; returns its
 * height and sets the number of pages */
static double
render_room (Chart *c)
{
  guint n = iap_options_analysis_get_n_options (c->analysis), n_pages, page, last;
  double y = c->margin, row_gap = c->font * 0.5, key, available;
  g_autofree double *heights = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean paint = c->paint;
  Geometry g;

  c->n_pages = 1;
  if (n == 0)
    {
      g_autofree char *empty = iap_options_analysis_dup_summary (c->analysis, c->catalog);

      return y + room_text (c, empty, c->margin, y, c->width - 2 * c->margin, IAP_TEXT_ITALIC, NULL) + c->margin;
    }

  room_geometry (c, &g);
  heights = g_new (double, n);
  c->text.paint = c->paint = FALSE;
  key = room_text (c, _("Dashed outline: 100%, every factor scored 4"), c->margin, 0,
                   c->width - 2 * c->margin, IAP_TEXT_DIM, NULL);
  for (guint i = 0; i < n; i++)
    heights[i] = room_row (c, &g, i, 0) + row_gap;
  c->text.paint = c->paint = paint;

  /* As many options on a page as fit, spread evenly over the pages */
  available = c->box_height - 2 * c->margin - key;
  n_pages = iap_chart_paginate (heights, n, available, starts);
  c->n_pages = n_pages;
  page = MIN (c->page, n_pages - 1);
  last = g_array_index (starts, guint, page + 1);

  for (guint i = g_array_index (starts, guint, page); i < last; i++)
    {
      y += room_row (c, &g, i, y);
      if (i + 1 < last)
        draw_rule (c, floor (y + row_gap / 2));
      y += row_gap;
    }

  return y + room_text (c, _("Dashed outline: 100%, every factor scored 4"), c->margin, y,
                        c->width - 2 * c->margin, IAP_TEXT_DIM, NULL) + c->margin;
}

/* The factor grid ------------------------------------------------------ */

typedef struct
{
  double name_width;
  double weight_width;
  double option_width;
  double x_weight;
  double x_options;
} Columns;

static void
compute_columns (Chart   *c,
                 Columns *cols)
{
  guint n = MAX (iap_options_analysis_get_n_options (c->analysis), 1);

  cols->name_width = CLAMP (c->width * 0.3, c->font * 10, c->font * 22);
  cols->weight_width = c->font * 5;
  cols->x_weight = c->margin + cols->name_width;
  cols->x_options = cols->x_weight + cols->weight_width;
  cols->option_width = (c->width - c->margin - cols->x_options) / n;
}

static double
draw_grid_header (Chart         *c,
                  const Columns *cols,
                  double         y)
{
  double height;

  height = draw_text (c, _("Factor"), c->margin, y, cols->name_width, IAP_TEXT_SMALL | IAP_TEXT_BOLD, NULL);
  height = MAX (height, draw_text (c, _("Weight"), cols->x_weight, y, cols->weight_width,
                                   IAP_TEXT_SMALL | IAP_TEXT_BOLD | IAP_TEXT_CENTER, NULL));
  for (guint i = 0; i < iap_options_analysis_get_n_options (c->analysis); i++)
    {
      const char *id = c->analysis->options[i];
      IapCatalogEntry *entry = iap_catalog_lookup (c->catalog, IAP_CATALOG_OPTION, id);

      height = MAX (height, draw_text (c, entry != NULL ? iap_catalog_entry_get_label (entry) : id,
                                       cols->x_options + i * cols->option_width + 2, y,
                                       cols->option_width - 4, IAP_TEXT_SMALL | IAP_TEXT_BOLD | IAP_TEXT_CENTER, NULL));
    }
  draw_rule (c, y + height + 2);

  return height + 4;
}

static char *
format_cell (const IapFactorLine *line,
             guint                option)
{
  int value = iap_factor_line_get_contribution (line, option);

  if (line->scores[option] < 0)
    return g_strdup ("—");
  if (value < 0)
    /* Translators: a score in the factor grid whose factor has no weight */
    return g_strdup_printf (_("%d (no weight)"), line->scores[option]);

  /* Translators: a score in the factor grid, then weight × score */
  return g_strdup_printf (_("%d (%d)"), line->scores[option], value);
}

static double
draw_grid_line (Chart         *c,
                const Columns *cols,
                guint          index,
                double         y)
{
  const IapFactorLine *line = g_ptr_array_index (c->analysis->factors, index);
  g_autofree char *label = iap_text_isolate (iap_catalog_entry_get_label (line->factor));
  g_autofree char *name = g_strdup_printf ("%u  %s", index + 1, label);
  g_autofree char *weight = line->weight > 0 ? g_strdup_printf ("%u", line->weight) : g_strdup ("—");
  double height = draw_text (c, name, c->margin, y + 2, cols->name_width - 4, IAP_TEXT_SMALL, NULL);

  if (c->paint)
    fill_factor (c, index, c->margin - c->font * 0.6, y + 3, c->font * 0.4, MAX (height - 2, 2));
  height = MAX (height, draw_text (c, weight, cols->x_weight, y + 2, cols->weight_width,
                                   IAP_TEXT_SMALL | IAP_TEXT_CENTER, NULL));
  for (guint i = 0; i < iap_options_analysis_get_n_options (c->analysis); i++)
    {
      g_autofree char *cell = format_cell (line, i);

      height = MAX (height, draw_text (c, cell, cols->x_options + i * cols->option_width, y + 2,
                                       cols->option_width, IAP_TEXT_SMALL | IAP_TEXT_CENTER, NULL));
    }
  draw_rule (c, y + height + 3);

  return height + 4;
}

static double
draw_grid_totals (Chart         *c,
                  const Columns *cols,
                  IapFactorSide  side,
                  double         y)
{
  static const char *titles[] = { N_("Total benefits"), N_("Total risks"), N_("Total transaction costs") };
  double height = draw_text (c, _(titles[side]), c->margin, y + 2, cols->name_width, IAP_TEXT_SMALL | IAP_TEXT_BOLD, NULL);

  for (guint i = 0; i < iap_options_analysis_get_n_options (c->analysis); i++)
    {
      const IapOptionResult *result = iap_options_analysis_get_result (c->analysis, i);
      g_autofree char *share = iap_option_result_dup_side_share (result, side);
      guint sums[] = { result->benefit, result->risk, result->cost };
      /* Translators: a total in the factor grid: its share of the most it
       * could reach, then the sum and that most, “92% (70 of 76)” */
      g_autofree char *total = g_strdup_printf (_("%s (%u of %u)"), share, sums[side], side_max (result, side));

      height = MAX (height, draw_text (c, total, cols->x_options + i * cols->option_width, y + 2,
                                       cols->option_width, IAP_TEXT_SMALL | IAP_TEXT_BOLD | IAP_TEXT_CENTER, NULL));
    }

  return height + c->margin * 0.75;
}

static double
draw_grid_group (Chart         *c,
                 const Columns *cols,
                 IapFactorSide  side,
                 double         y)
{
  static const char *titles[] = { N_("Benefits"), N_("Risks"), N_("Transaction costs") };
  double start = y;
  guint n = 0;

  for (guint i = 0; i < c->analysis->factors->len; i++)
    n += ((IapFactorLine *)g_ptr_array_index (c->analysis->factors, i))->side == side;
  if (n == 0 && side == IAP_FACTOR_SIDE_COST)
    return 0;

  y += draw_text (c, _(titles[side]), c->margin, y + 2, c->width - 2 * c->margin, IAP_TEXT_BOLD, NULL) + 4;
  for (guint i = 0; i < c->analysis->factors->len; i++)
    if (((IapFactorLine *)g_ptr_array_index (c->analysis->factors, i))->side == side)
      y += draw_grid_line (c, cols, i, y);

  return y - start + draw_grid_totals (c, cols, side, y);
}

static double
render_grid (Chart *c)
{
  double y = c->margin, width = c->width - 2 * c->margin;
  Columns cols;

  y += draw_text (c, _("Scores of each factor for each structural option"),
                  c->margin, y, width, IAP_TEXT_BOLD | IAP_TEXT_LARGE, NULL);
  y += draw_text (c, _("Score from 0 (does not apply) to 4 (applies fully), with weight × score in brackets; — means not scored yet."),
                  c->margin, y, width, IAP_TEXT_SMALL | IAP_TEXT_DIM, NULL) + c->margin * 0.5;
  if (iap_options_analysis_get_n_options (c->analysis) == 0)
    {
      g_autofree char *empty = iap_options_analysis_dup_summary (c->analysis, c->catalog);

      return y + draw_text (c, empty, c->margin, y, width, IAP_TEXT_ITALIC, NULL) + c->margin;
    }

  compute_columns (c, &cols);
  y += draw_grid_header (c, &cols, y);
  y += draw_grid_group (c, &cols, IAP_FACTOR_SIDE_BENEFIT, y);
  y += draw_grid_group (c, &cols, IAP_FACTOR_SIDE_RISK, y);
  y += draw_grid_group (c, &cols, IAP_FACTOR_SIDE_COST, y);

  return y + c->margin;
}

/* The factor grid for a room ------------------------------------------- */

/*
 * In a room the grid keeps its columns (the factors' names and weights,
 * then one column per option) and says less: each cell is the score
 * alone, each total the side's share. Every text is at the room's font;
 * an option's column is as wide as the longest word of its name, so
 * options that do not fit the width go on further pages, and so do rows
 * that do not fit the height, each page with the columns' headings. A
 * side's rows start a page when they fit on one.
 */

typedef enum
{
  GRID_TITLE,
  GRID_FACTOR,
  GRID_TOTAL,
} GridRowKind;

typedef struct
{
  GridRowKind   kind;
  IapFactorSide side;
  guint         factor;
} GridRow;

typedef struct
{
  double  name_width;
  double  weight_width;
  /* Each option's column, and the first option of each page's columns */
  double *widths;
  guint  *column_starts;
  guint   n_column_pages;
} GridColumns;

static const char *grid_side_titles[] = { N_("Benefits"), N_("Risks"), N_("Transaction costs") };
static const char *grid_total_titles[] = { N_("Total benefits"), N_("Total risks"), N_("Total transaction costs") };

static char *
dup_room_cell (const IapFactorLine *line,
               guint                option)
{
  return line->scores[option] < 0 ? g_strdup ("—") : g_strdup_printf ("%d", line->scores[option]);
}

static void
grid_room_columns (Chart       *c,
                   GridColumns *cols)
{
  guint n = iap_options_analysis_get_n_options (c->analysis), first = 0;
  double pad = c->font * 0.5, name_min = 0, name_one_line = 0, available, used = 0;

  cols->widths = g_new0 (double, n);
  cols->column_starts = g_new0 (guint, n + 1);
  cols->weight_width = iap_chart_text_widest_word (&c->text, _("Weight"), IAP_TEXT_BOLD) + pad;
  for (guint i = 0; i < c->analysis->factors->len; i++)
    {
      const IapFactorLine *line = g_ptr_array_index (c->analysis->factors, i);
      const char *label = iap_catalog_entry_get_label (line->factor);

      name_min = MAX (name_min, iap_chart_text_widest_word (&c->text, label, IAP_TEXT_PLAIN));
      name_one_line = MAX (name_one_line, room_text_width (c, label, IAP_TEXT_PLAIN));
    }
  for (guint s = 0; s < IAP_N_FACTOR_SIDES; s++)
    {
      name_min = MAX (name_min, iap_chart_text_widest_word (&c->text, _(grid_side_titles[s]), IAP_TEXT_BOLD));
      name_min = MAX (name_min, iap_chart_text_widest_word (&c->text, _(grid_total_titles[s]), IAP_TEXT_BOLD));
    }
  for (guint i = 0; i < n; i++)
    {
      IapCatalogEntry *entry = iap_catalog_lookup (c->catalog, IAP_CATALOG_OPTION, c->analysis->options[i]);

      const char *label = entry != NULL ? iap_catalog_entry_get_label (entry) : c->analysis->options[i];

      /* Its longest word, and its name on four lines or so */
      cols->widths[i] = MAX (MAX (iap_chart_text_widest_word (&c->text, label, IAP_TEXT_BOLD),
                                  room_text_width (c, label, IAP_TEXT_BOLD) / 4.0 * 1.15),
                             room_text_width (c, "100%", IAP_TEXT_BOLD)) + pad;
      used += cols->widths[i];
    }

  /* The name column: its longest word beside the factor's colour when
   * that leaves room for every option, else its longest name on one line
   * up to a quarter of the width, the options on as many pages as they
   * need beside it */
  cols->name_width = name_min + c->font * 0.8 + pad + 1;
  if (c->width - 2 * c->margin - cols->name_width - cols->weight_width < used)
    cols->name_width = MAX (name_min, MIN (name_one_line, c->width * 0.25)) + c->font * 0.8 + pad + 1;
  available = c->width - 2 * c->margin - cols->name_width - cols->weight_width;
  cols->n_column_pages = 0;
  used = 0;
  for (guint i = 0; i < n; i++)
    {
      if (i > first && used + cols->widths[i] > available)
        {
          cols->column_starts[cols->n_column_pages++] = first;
          first = i;
          used = 0;
        }
      used += cols->widths[i];
    }
  cols->column_starts[cols->n_column_pages++] = first;
  cols->column_starts[cols->n_column_pages] = n;

  /* On a page of all the options, what is left goes to the names, up
   * to one line each or a third of the width; the rest of each page's
   * width to its options */
  if (cols->n_column_pages == 1)
    {
      double names = CLAMP (MIN (name_one_line + c->font * 0.8 + pad + 1, c->width / 3) - cols->name_width,
                            0, available - used);

      cols->name_width += names;
      available -= names;
    }
  for (guint p = 0; p < cols->n_column_pages; p++)
    {
      guint start = cols->column_starts[p], end = cols->column_starts[p + 1];

      used = 0;
      for (guint i = start; i < end; i++)
        used += cols->widths[i];
      for (guint i = start; i < end; i++)
        cols->widths[i] += MAX (available - used, 0) / (end - start);
    }
}

static void
grid_room_columns_clear (GridColumns *cols)
{
  g_free (cols->widths);
  g_free (cols->column_starts);
}

/* The headings of the columns of options @first to @last */
static double
grid_room_header (Chart             *c,
                  const GridColumns *cols,
                  guint              first,
                  guint              last,
                  double             y)
{
  double x = c->margin + cols->name_width, height;

  height = room_text (c, _("Factor"), c->margin, y, cols->name_width, IAP_TEXT_BOLD, NULL);
  height = MAX (height, room_text (c, _("Weight"), x, y, cols->weight_width, IAP_TEXT_BOLD | IAP_TEXT_CENTER, NULL));
  x += cols->weight_width;
  for (guint i = first; i < last; i++)
    {
      const char *id = c->analysis->options[i];
      IapCatalogEntry *entry = iap_catalog_lookup (c->catalog, IAP_CATALOG_OPTION, id);

      height = MAX (height, room_text (c, entry != NULL ? iap_catalog_entry_get_label (entry) : id,
                                       x, y, cols->widths[i], IAP_TEXT_BOLD | IAP_TEXT_CENTER, NULL));
      x += cols->widths[i];
    }
  draw_rule (c, y + height + c->font * 0.15);

  return height + c->font * 0.3;
}

static double
grid_room_row (Chart             *c,
               const GridColumns *cols,
               const GridRow     *row,
               guint              first,
               guint              last,
               double             y)
{
  double x = c->margin + cols->name_width + cols->weight_width, height = 0, swatch = c->font * 0.5;
  double pad = c->font * 0.1;

  if (row->kind == GRID_TITLE)
    return room_text (c, _(grid_side_titles[row->side]), c->margin, y + pad, c->width - 2 * c->margin,
                      IAP_TEXT_BOLD, NULL) + 2 * pad;

  if (row->kind == GRID_TOTAL)
    {
      height = room_text (c, _(grid_total_titles[row->side]), c->margin, y + pad, cols->name_width,
                          IAP_TEXT_BOLD, NULL);
      for (guint i = first; i < last; i++)
        {
          g_autofree char *share = iap_option_result_dup_side_share (iap_options_analysis_get_result (c->analysis, i),
                                                                     row->side);

          height = MAX (height, room_text (c, share, x, y + pad, cols->widths[i], IAP_TEXT_BOLD | IAP_TEXT_CENTER, NULL));
          x += cols->widths[i];
        }
    }
  else
    {
      const IapFactorLine *line = g_ptr_array_index (c->analysis->factors, row->factor);
      g_autofree char *weight = line->weight > 0 ? g_strdup_printf ("%u", line->weight) : g_strdup ("—");

      height = room_text (c, iap_catalog_entry_get_label (line->factor), c->margin + swatch + c->font * 0.3,
                          y + pad, cols->name_width - swatch - c->font * 0.3 - c->font * 0.5, IAP_TEXT_PLAIN, NULL);
      if (c->paint)
        fill_factor (c, row->factor, c->margin, y + pad, swatch, height);
      height = MAX (height, room_text (c, weight, c->margin + cols->name_width, y + pad, cols->weight_width,
                                       IAP_TEXT_CENTER, NULL));
      for (guint i = first; i < last; i++)
        {
          g_autofree char *cell = dup_room_cell (line, i);

          height = MAX (height, room_text (c, cell, x, y + pad, cols->widths[i], IAP_TEXT_CENTER, NULL));
          x += cols->widths[i];
        }
    }
  draw_rule (c, y + height + 2 * pad - 1);

  return height + 2 * pad;
}

static GArray *
grid_room_rows (Chart *c)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (GridRow));

  for (IapFactorSide side = 0; side < IAP_N_FACTOR_SIDES; side++)
    {
      guint start = rows->len;
      GridRow row = { GRID_TITLE, side, 0 };

      g_array_append_val (rows, row);
      for (guint i = 0; i < c->analysis->factors->len; i++)
        if (((IapFactorLine *)g_ptr_array_index (c->analysis->factors, i))->side == side)
          {
            GridRow factor = { GRID_FACTOR, side, i };

            g_array_append_val (rows, factor);
          }
      if (rows->len == start + 1)
        g_array_set_size (rows, start);
      else
        {
          GridRow total = { GRID_TOTAL, side, 0 };

          g_array_append_val (rows, total);
        }
    }

  return rows;
}

/* The rows that go together from @i: a side's title with its first
 * factor, its last factor with its total; returns the row after them */
static guint
grid_run_end (GArray *rows,
              guint   i)
{
  guint end = i + 1;

  if (g_array_index (rows, GridRow, i).kind == GRID_TITLE)
    end++;
  if (end < rows->len && g_array_index (rows, GridRow, end).kind == GRID_TOTAL)
    end++;

  return MIN (end, rows->len);
}

/* How many pages of @cap height rows @from to @to fill */
static guint
grid_count_pages (GArray       *rows,
                  const double *heights,
                  guint         from,
                  guint         to,
                  double        cap)
{
  double used = 0;
  guint n_pages = 1;

  for (guint i = from, end; i < to; i = end)
    {
      double run = 0;

      end = grid_run_end (rows, i);
      for (guint j = i; j < end; j++)
        run += heights[j];
      if (used > 0 && used + run > cap)
        {
          n_pages++;
          used = 0;
        }
      used += run;
    }

  return n_pages;
}

/* Splits @rows under a heading @header high into pages: returns their
 * number, at least one, @starts their first rows. Runs of rows stay
 * together; a side starts a page when it fits on one but not in what is
 * left of this one, and a side too long for a page is split into pages
 * filled about equally, not into full ones and a last row. */
static guint
grid_room_paginate (Chart        *c,
                    GArray       *rows,
                    const double *heights,
                    double        header,
                    guint         *starts)
{
  double available = c->box_height - 2 * c->margin - header, used = 0, cap = available;
  guint n_pages = 0;

  for (guint i = 0, end; i < rows->len; i = end)
    {
      const GridRow *row = &g_array_index (rows, GridRow, i);
      double run = 0, side = 0;
      guint side_end = i + 1;

      end = grid_run_end (rows, i);
      for (guint j = i; j < end; j++)
        run += heights[j];
      if (row->kind == GRID_TITLE)
        {
          while (side_end < rows->len && g_array_index (rows, GridRow, side_end).kind != GRID_TITLE)
            side_end++;
          for (guint j = i; j < side_end; j++)
            side += heights[j];
          cap = available;
          if (side > available)
            {
              guint pages = grid_count_pages (rows, heights, i, side_end, available);
              double low = 0, high = available;

              for (guint k = 0; k < 20; k++)
                {
                  double middle = (low + high) / 2;

                  *(grid_count_pages (rows, heights, i, side_end, middle) <= pages ? &high : &low) = middle;
                }
              cap = high;
            }
        }

      if (n_pages == 0 ||
          (used > 0 && (used + run > cap || (side > 0 && used + side > available))))
        {
          starts[n_pages++] = i;
          used = 0;
        }
      used += run;
    }
  /* No rows: one empty page */
  if (n_pages == 0)
    starts[n_pages++] = 0;
  starts[n_pages] = rows->len;

  return n_pages;
}

/* Draws, or only measures, one page of the grid for a room: the pages
 * of the first options' columns, top to bottom, then the next options' */
static double
render_grid_room (Chart *c)
{
  guint n = iap_options_analysis_get_n_options (c->analysis), column_page = 0, row_page = 0;
  double y = c->margin, header = 0;
  g_autoptr(GArray) rows = NULL;
  g_autofree double *heights = NULL;
  g_autofree guint *starts = NULL;
  gboolean paint = c->paint, found = FALSE;
  GridColumns cols;

  c->n_pages = 1;
  if (n > 0)
    rows = grid_room_rows (c);
  /* No options, or no factor of a side of the balance: the summary
   * says so, on one page */
  if (n == 0 || rows->len == 0)
    {
      g_autofree char *empty = iap_options_analysis_dup_summary (c->analysis, c->catalog);

      return y + room_text (c, empty, c->margin, y, c->width - 2 * c->margin, IAP_TEXT_ITALIC, NULL) + c->margin;
    }

  grid_room_columns (c, &cols);
  heights = g_new0 (double, rows->len);
  starts = g_new0 (guint, rows->len + 1);

  c->text.paint = c->paint = FALSE;
  for (guint i = 0; i < rows->len; i++)
    heights[i] = grid_room_row (c, &cols, &g_array_index (rows, GridRow, i), 0, 0, 0);
  c->n_pages = 0;
  for (guint p = 0; p < cols.n_column_pages; p++)
    {
      guint n_row_pages;

      header = grid_room_header (c, &cols, cols.column_starts[p], cols.column_starts[p + 1], 0);
      n_row_pages = grid_room_paginate (c, rows, heights, header, starts);
      if (!found && c->page < c->n_pages + n_row_pages)
        {
          column_page = p;
          row_page = c->page - c->n_pages;
          found = TRUE;
        }
      c->n_pages += n_row_pages;
    }
  if (!found)
    {
      /* Past the last page: the last */
      column_page = cols.n_column_pages - 1;
      row_page = G_MAXUINT;
    }
  header = grid_room_header (c, &cols, cols.column_starts[column_page], cols.column_starts[column_page + 1], 0);
  row_page = MIN (row_page, grid_room_paginate (c, rows, heights, header, starts) - 1);
  c->text.paint = c->paint = paint;

  y += grid_room_header (c, &cols, cols.column_starts[column_page], cols.column_starts[column_page + 1], y);
  for (guint i = starts[row_page]; i < starts[row_page + 1]; i++)
    y += grid_room_row (c, &cols, &g_array_index (rows, GridRow, i),
                        cols.column_starts[column_page], cols.column_starts[column_page + 1], y);
  grid_room_columns_clear (&cols);

  return y + c->margin;
}

/* Public API ----------------------------------------------------------- */

/**
 * iap_balance_chart_draw:
 *
 * Draws the diverging bar chart of the options under consideration in
 * the box (0, 0, @width, @height) of @cr, scaled down if it needs more
 * height than that (see iap_balance_chart_get_height()).
 */
void
iap_balance_chart_draw (cairo_t     *cr,
                        IapWorkshop *workshop,
                        double       width,
                        double       height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (width > 0);

  draw_in_box (cr, workshop, width, height, render_chart, FALSE);
}

/**
 * iap_balance_chart_draw_for_screen:
 *
 * Draws the chart as iap_balance_chart_draw() does, with its text sized
 * for a screen @width pixels wide (docs/charts.md): never below
 * %IAP_CHART_MIN_FONT, larger on a wider chart. Its height is
 * iap_balance_chart_get_screen_height().
 */
void
iap_balance_chart_draw_for_screen (cairo_t     *cr,
                                   IapWorkshop *workshop,
                                   double       width,
                                   double       height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (width > 0);

  draw_in_box (cr, workshop, width, height, render_chart, TRUE);
}

double
iap_balance_chart_get_screen_height (IapWorkshop *workshop,
                                     double       width)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (width > 0, 0);

  return measure (workshop, width, render_chart, TRUE);
}

/**
 * iap_balance_chart_get_height:
 *
 * Returns: the height the chart needs at @width
 */
double
iap_balance_chart_get_height (IapWorkshop *workshop,
                              double       width)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (width > 0, 0);

  return measure (workshop, width, render_chart, FALSE);
}

/**
 * iap_balance_chart_dup_description:
 *
 * Returns: (transfer full): what the chart shows, in words, for its
 *   accessible description
 */
char *
iap_balance_chart_dup_description (IapWorkshop *workshop)
{
  g_autoptr(IapOptionsAnalysis) analysis = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  analysis = iap_options_analysis_new_for_workshop (workshop);

  return iap_options_analysis_dup_summary (analysis, iap_workshop_get_catalog (workshop));
}

/**
 * iap_factor_grid_draw:
 *
 * Draws the score of each factor for each option under consideration,
 * with the weights and the totals, like iap_balance_chart_draw().
 */
void
iap_factor_grid_draw (cairo_t     *cr,
                      IapWorkshop *workshop,
                      double       width,
                      double       height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (width > 0);

  draw_in_box (cr, workshop, width, height, render_grid, FALSE);
}

double
iap_factor_grid_get_height (IapWorkshop *workshop,
                            double       width)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (width > 0, 0);

  return measure (workshop, width, render_grid, FALSE);
}

/**
 * iap_factor_grid_draw_for_screen:
 *
 * Draws the factor grid with its text sized for a screen, like
 * iap_balance_chart_draw_for_screen().
 */
void
iap_factor_grid_draw_for_screen (cairo_t     *cr,
                                 IapWorkshop *workshop,
                                 double       width,
                                 double       height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (width > 0);

  draw_in_box (cr, workshop, width, height, render_grid, TRUE);
}

double
iap_factor_grid_get_screen_height (IapWorkshop *workshop,
                                   double       width)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (width > 0, 0);

  return measure (workshop, width, render_grid, TRUE);
}

/* In a room ------------------------------------------------------------ */

typedef struct
{
  IapWorkshop *workshop;
  RenderFunc   render;
  double       box_height;
  double       font;
  guint        page;
  guint        n_pages;
  double       smallest;
  gboolean     cut;
} RoomData;

static double
render_room_with (cairo_t  *cr,
                  gpointer  user_data,
                  double    width,
                  gboolean  paint)
{
  RoomData *data = user_data;
  Chart c;
  double height;

  chart_init (&c, cr, data->workshop, width, data->font, paint);
  /* Nothing smaller than the room's font, and no less margin */
  c.text.min_font = data->font;
  c.margin = data->font * 0.5;
  c.box_height = data->box_height;
  c.page = data->page;
  height = data->render (&c);
  data->n_pages = c.n_pages;
  data->smallest = MIN (data->smallest, c.text.smallest_asked);
  data->cut |= c.cut;
  chart_clear (&c);

  return height;
}

static guint
get_room_pages (IapWorkshop *workshop,
                RenderFunc   render,
                double       width,
                double       height,
                double       font)
{
  RoomData data = { workshop, render, height, font, 0, 1, G_MAXDOUBLE, FALSE };

  iap_chart_measure (render_room_with, &data, width);

  return data.n_pages;
}

static double
measure_for_room (IapWorkshop *workshop,
                  RenderFunc   render,
                  double       width,
                  double       height,
                  double       font,
                  guint        page,
                  double      *smallest,
                  gboolean    *cut)
{
  RoomData data = { workshop, render, height, font, page, 1, G_MAXDOUBLE, FALSE };
  double needed = iap_chart_measure (render_room_with, &data, width);

  if (smallest != NULL)
    *smallest = data.smallest;
  if (cut != NULL)
    *cut = data.cut;

  return needed;
}

static void
draw_for_room (cairo_t     *cr,
               IapWorkshop *workshop,
               RenderFunc   render,
               double       width,
               double       height,
               double       font,
               guint        page)
{
  RoomData data = { workshop, render, height, font, page, 1, G_MAXDOUBLE, FALSE };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  render_room_with (cr, &data, width, TRUE);
  cairo_restore (cr);
}

/**
 * iap_balance_chart_get_room_pages:
 * @width: the box's width, in pixels
 * @height: its height
 * @font: the room's font size, iap_chart_get_room_font()
 *
 * Returns: how many pages the chart for a room needs in a box of
 *   @width x @height: as many options on each as fit at @font
 */
guint
iap_balance_chart_get_room_pages (IapWorkshop *workshop,
                                  double       width,
                                  double       height,
                                  double       font)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 1);
  g_return_val_if_fail (width > 0 && font > 0, 1);

  return get_room_pages (workshop, render_room, width, height, font);
}

/**
 * iap_balance_chart_measure_for_room:
 * @page: the page, from 0
 * @smallest: (out) (optional): the smallest font size the page's text
 *   asks for, before @font raises it: below @font if the layout would
 *   set smaller text
 * @cut: (out) (optional): whether a text is wider than its place or a
 *   word is broken across lines
 *
 * Returns: the height page @page of the chart for a room needs in a box
 *   of @width x @height, at most @height when it fits
 */
double
iap_balance_chart_measure_for_room (IapWorkshop *workshop,
                                    double       width,
                                    double       height,
                                    double       font,
                                    guint        page,
                                    double      *smallest,
                                    gboolean    *cut)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (width > 0 && font > 0, 0);

  return measure_for_room (workshop, render_room, width, height, font, page, smallest, cut);
}

/**
 * iap_balance_chart_draw_for_room:
 * @font: the room's font size, iap_chart_get_room_font()
 * @page: the page to draw, from 0 (see iap_balance_chart_get_room_pages())
 *
 * Draws the chart for a room in the box (0, 0, @width, @height) of @cr:
 * a row per option, its name and what the group said of it, each side's
 * share in words beside its bar and the factors named on the segments
 * wide enough for them, every text at @font or larger. Options that do
 * not fit the box go on further pages; nothing is scaled down.
 */
void
iap_balance_chart_draw_for_room (cairo_t     *cr,
                                 IapWorkshop *workshop,
                                 double       width,
                                 double       height,
                                 double       font,
                                 guint        page)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (width > 0 && font > 0);

  draw_for_room (cr, workshop, render_room, width, height, font, page);
}

/**
 * iap_factor_grid_get_room_pages:
 *
 * Returns: how many pages the factor grid for a room needs in a box of
 *   @width x @height at @font, like iap_balance_chart_get_room_pages()
 */
guint
iap_factor_grid_get_room_pages (IapWorkshop *workshop,
                                double       width,
                                double       height,
                                double       font)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 1);
  g_return_val_if_fail (width > 0 && font > 0, 1);

  return get_room_pages (workshop, render_grid_room, width, height, font);
}

/**
 * iap_factor_grid_measure_for_room:
 *
 * Like iap_balance_chart_measure_for_room(), for the factor grid.
 */
double
iap_factor_grid_measure_for_room (IapWorkshop *workshop,
                                  double       width,
                                  double       height,
                                  double       font,
                                  guint        page,
                                  double      *smallest,
                                  gboolean    *cut)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (width > 0 && font > 0, 0);

  return measure_for_room (workshop, render_grid_room, width, height, font, page, smallest, cut);
}

/**
 * iap_factor_grid_draw_for_room:
 *
 * Draws the factor grid for a room: each factor's weight and score for
 * each option, and each side's share, every text at @font or larger; the
 * options that do not fit the width and the rows that do not fit the
 * height go on further pages (page @page, from 0). Nothing is scaled.
 */
void
iap_factor_grid_draw_for_room (cairo_t     *cr,
                               IapWorkshop *workshop,
                               double       width,
                               double       height,
                               double       font,
                               guint        page)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (width > 0 && font > 0);

  draw_for_room (cr, workshop, render_grid_room, width, height, font, page);
}

/**
 * iap_balance_chart_dup_room_description:
 *
 * Returns: (transfer full): what the chart for a room shows, in words:
 *   the chart's description and what the group said of each option
 */
char *
iap_balance_chart_dup_room_description (IapWorkshop *workshop)
{
  g_autofree char *description = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GString *text;
  Chart c;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  description = iap_balance_chart_dup_description (workshop);
  text = g_string_new (description);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  chart_init (&c, cr, workshop, 1, 0, FALSE);
  for (guint i = 0; i < iap_options_analysis_get_n_options (c.analysis); i++)
    {
      const IapOptionResult *result = iap_options_analysis_get_result (c.analysis, i);
      IapCatalogEntry *entry = iap_catalog_lookup (c.catalog, IAP_CATALOG_OPTION, result->option);
      g_autofree char *notes = NULL;

      if (g_strcmp0 (iap_workshop_get_recommendation (workshop), result->option) != 0 &&
          g_strcmp0 (iap_workshop_get_current_option (workshop), result->option) != 0)
        continue;
      notes = dup_option_notes (&c, result);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s: %s."),
                              entry != NULL ? iap_catalog_entry_get_label (entry) : result->option, notes);
    }
  chart_clear (&c);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return g_string_free (text, FALSE);
}

/**
 * iap_factor_grid_dup_room_description:
 *
 * Returns: (transfer full): what the factor grid for a room shows, in
 *   words: the weights, then each option's scores and shares
 */
char *
iap_factor_grid_dup_room_description (IapWorkshop *workshop)
{
  g_autofree char *weighting = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GString *text;
  Chart c;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  chart_init (&c, cr, workshop, 1, 0, FALSE);
  weighting = iap_options_analysis_get_n_options (c.analysis) == 0
              ? iap_options_analysis_dup_summary (c.analysis, c.catalog)
              : iap_options_dup_weighting (c.analysis);
  text = g_string_new (weighting);
  for (guint i = 0; i < iap_options_analysis_get_n_options (c.analysis); i++)
    {
      const IapOptionResult *result = iap_options_analysis_get_result (c.analysis, i);
      IapCatalogEntry *entry = iap_catalog_lookup (c.catalog, IAP_CATALOG_OPTION, result->option);
      g_autoptr(GString) items = g_string_new (NULL);

      for (guint f = 0; f < c.analysis->factors->len; f++)
        {
          const IapFactorLine *line = g_ptr_array_index (c.analysis->factors, f);
          /* In words where the chart has a dash */
          g_autofree char *cell = line->scores[i] < 0 ? g_strdup (_("not scored")) : dup_room_cell (line, i);

          if (items->len > 0)
            g_string_append (items, _(", "));
          /* Translators: a factor and its score for an option, “Influence 4” */
          g_string_append_printf (items, C_("factor and score", "%s %s"),
                                  iap_catalog_entry_get_label (line->factor), cell);
        }
      for (IapFactorSide side = 0; side < IAP_N_FACTOR_SIDES; side++)
        if (side_max (result, side) > 0 || side != IAP_FACTOR_SIDE_COST)
          {
            g_autofree char *share = dup_side_share (result, side);

            g_string_append (items, _(", "));
            g_string_append (items, share);
          }
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s: %s."),
                              entry != NULL ? iap_catalog_entry_get_label (entry) : result->option, items->str);
    }
  chart_clear (&c);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return g_string_free (text, FALSE);
}

/**
 * iap_balance_chart_get_smallest_text:
 * @grid: the factor grid, else the balance chart
 * @screen: as drawn for a screen, else on paper
 *
 * Returns: the smallest font size the chart sets at @width, in user
 *   units: on screen, never below %IAP_CHART_MIN_FONT
 */
double
iap_balance_chart_get_smallest_text (IapWorkshop *workshop,
                                     double       width,
                                     gboolean     grid,
                                     gboolean     screen)
{
  RenderData data = { workshop, grid ? render_grid : render_chart, screen, G_MAXDOUBLE };

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (width > 0, 0);

  iap_chart_measure (render_with, &data, width);

  return data.smallest;
}
