/* iap-integration-chart.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The integration map on paper and on screen: one row per area, one
 * column per depth, loosest on the left; a bar runs from the left edge to
 * the depth the group chose, ending in a dot. Beside each row, its marks
 * in words and shapes: a triangle where the risks are high, a diamond
 * where the transaction costs are above the expected impact. Under each
 * area, its three criteria. Nothing rests on colour alone: shapes, words
 * and position carry it all, so it reads in greyscale print. In a language
 * written right to left the chart is mirrored, loosest on the right.
 */

#define G_LOG_DOMAIN "iap-integration-chart"

#include "config.h"

#include "iap-i18n.h"
#include <math.h>

#include "iap-chart-text.h"
#include "iap-integration-chart.h"
#include "iap-integration-map.h"

typedef struct
{
  IapChartText  text;
  cairo_t      *cr;
  IapWorkshop  *workshop;
  GListModel   *depths;
  double        width;
  double        font;
  double        margin;
  gboolean      paint;

  /* Columns */
  double        label_width;
  double        marks_width;
  double        x_depths;
  double        column;
  guint         n_columns;   /* the depths, and "not chosen" first when an area has none */
  gboolean      undecided;
} Chart;

static const IapColor rule = { 0.75, 0.75, 0.78 };
static const IapColor band = { 0.94, 0.94, 0.96 };

/* The chart's shapes: in a language written right to left, mirrored
 * about the chart's middle as its text is */
static void
begin_shapes (Chart *c)
{
  cairo_save (c->cr);
  if (c->text.mirror_width > 0)
    {
      cairo_translate (c->cr, c->text.mirror_width, 0);
      cairo_scale (c->cr, -1, 1);
    }
}

static void
draw_triangle (Chart  *c,
               double  x,
               double  y,
               double  size)
{
  cairo_t *cr = c->cr;

  x = iap_chart_text_mirror (&c->text, x, size);
  cairo_move_to (cr, x + size / 2, y);
  cairo_line_to (cr, x + size, y + size);
  cairo_line_to (cr, x, y + size);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_diamond (Chart  *c,
              double  x,
              double  y,
              double  size)
{
  cairo_t *cr = c->cr;

  x = iap_chart_text_mirror (&c->text, x, size);
  cairo_move_to (cr, x + size / 2, y);
  cairo_line_to (cr, x + size, y + size / 2);
  cairo_line_to (cr, x + size / 2, y + size);
  cairo_line_to (cr, x, y + size / 2);
  cairo_close_path (cr);
  cairo_set_line_width (cr, MAX (size / 6, 1.0));
  cairo_stroke (cr);
}

static const char *
label_of (Chart      *c,
          const char *kind,
          const char *id)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (c->workshop), kind, id);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : id;
}

static gboolean
any_undecided (GListModel *map)
{
  for (guint i = 0; i < g_list_model_get_n_items (map); i++)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);

      if (iap_integration_area_get_depth (area)[0] == '\0')
        return TRUE;
    }

  return FALSE;
}

static void
compute_columns (Chart      *c,
                 GListModel *map)
{
  c->undecided = any_undecided (map);
  c->n_columns = g_list_model_get_n_items (c->depths) + (c->undecided ? 1 : 0);
  c->label_width = CLAMP (c->width * 0.26, c->font * 8, c->font * 20);
  c->marks_width = CLAMP (c->width * 0.17, c->font * 7, c->font * 14);
  c->x_depths = c->margin + c->label_width + c->margin;
  c->column = MAX ((c->width - c->margin - c->marks_width - c->margin - c->x_depths) / MAX (c->n_columns, 1), 1.0);
}

/* The column of @depth, counting "not chosen" first when shown */
static guint
column_of (Chart      *c,
           const char *depth)
{
  guint index = iap_workshop_get_depth_index (c->workshop, depth);

  if (index == G_MAXUINT)
    return 0;

  return index + (c->undecided ? 1 : 0);
}

static double
draw_header (Chart  *c,
             double  y)
{
  double height = 0;

  for (guint i = 0; i < c->n_columns; i++)
    {
      const char *title;

      if (c->undecided && i == 0)
        title = _("Not chosen yet");
      else
        {
          g_autoptr(IapCatalogEntry) depth = g_list_model_get_item (c->depths, i - (c->undecided ? 1 : 0));

          title = iap_catalog_entry_get_label (depth);
        }
      height = MAX (height, iap_chart_text_draw (&c->text, title, c->x_depths + i * c->column + 2, y,
                                                 c->column - 4, IAP_TEXT_SMALL | IAP_TEXT_BOLD | IAP_TEXT_CENTER, NULL));
    }
  height = MAX (height, iap_chart_text_draw (&c->text, _("Area"), c->margin, y, c->label_width,
                                             IAP_TEXT_SMALL | IAP_TEXT_BOLD, NULL));
  height = MAX (height, iap_chart_text_draw (&c->text, _("Marks"), c->width - c->margin - c->marks_width, y,
                                             c->marks_width, IAP_TEXT_SMALL | IAP_TEXT_BOLD, NULL));

  /* An arrow under the depths says which way is tighter */
  y += height + 2;
  height += 2 + iap_chart_text_draw (&c->text, _("looser → tighter"), c->x_depths, y,
                                     c->column * c->n_columns, IAP_TEXT_SMALL | IAP_TEXT_DIM | IAP_TEXT_CENTER, NULL);

  return height + 4;
}

/* A level, or a dash while not assessed: the chart's rows stay short */
static const char *
level_text (IapIntegrationArea *area,
            IapCriterion        criterion)
{
  IapLevel level = iap_integration_area_get_level (area, criterion);

  return level == IAP_LEVEL_UNSET ? "–" : iap_level_get_label (level);
}

static char *
dup_criteria (IapIntegrationArea *area)
{
  /* Translators: an area's three criteria, each with its level, such as
   * “Impact High · Costs Medium · Risks High”; a dash when not assessed */
  return g_strdup_printf (_("Impact %s · Costs %s · Risks %s"),
                          level_text (area, IAP_CRITERION_IMPACT),
                          level_text (area, IAP_CRITERION_COSTS),
                          level_text (area, IAP_CRITERION_RISKS));
}

static double
draw_marks (Chart              *c,
            IapIntegrationArea *area,
            double              y)
{
  double x = c->width - c->margin - c->marks_width, size = c->font * 0.8, start = y;

  if (iap_workshop_integration_area_risks_high (c->workshop, area))
    {
      if (c->paint)
        {
          iap_chart_set_source (c->cr, &iap_chart_ink);
          draw_triangle (c, x, y + 2, size);
        }
      y += iap_chart_text_draw (&c->text, _("High risks"), x + size + 4, y, c->marks_width - size - 4,
                                IAP_TEXT_SMALL, NULL);
    }
  if (iap_integration_area_costs_exceed_impact (area))
    {
      if (c->paint)
        {
          iap_chart_set_source (c->cr, &iap_chart_ink);
          draw_diamond (c, x, y + 2, size);
        }
      y += iap_chart_text_draw (&c->text, _("Costs above impact"), x + size + 4, y, c->marks_width - size - 4,
                                IAP_TEXT_SMALL, NULL);
    }

  return y - start;
}

static void
draw_bar (Chart              *c,
          IapIntegrationArea *area,
          double              y,
          double              height)
{
  const char *depth = iap_integration_area_get_depth (area);
  guint column = column_of (c, depth);
  double centre = c->x_depths + (column + 0.5) * c->column;
  double middle = y + height / 2, dot = MIN (c->font * 0.45, height / 2);

  if (!c->paint)
    return;

  begin_shapes (c);
  iap_chart_set_source (c->cr, &iap_chart_ink);
  if (depth[0] == '\0')
    {
      /* Undecided: a hollow ring, no bar */
      cairo_set_line_width (c->cr, MAX (c->font * 0.08, 1.2));
      cairo_arc (c->cr, centre, middle, dot, 0, 2 * G_PI);
      cairo_stroke (c->cr);
    }
  else
    {
      cairo_set_line_width (c->cr, MAX (c->font * 0.3, 2.0));
      cairo_move_to (c->cr, c->x_depths + (c->undecided ? c->column : 0) + 2, middle);
      cairo_line_to (c->cr, centre, middle);
      cairo_stroke (c->cr);
      cairo_arc (c->cr, centre, middle, dot, 0, 2 * G_PI);
      cairo_fill (c->cr);
    }
  cairo_restore (c->cr);
}

static double
draw_row_content (Chart              *c,
                  IapIntegrationArea *area,
                  double              y)
{
  g_autofree char *criteria = dup_criteria (area);
  double label, marks;

  label = iap_chart_text_draw (&c->text, label_of (c, IAP_CATALOG_INTEGRATION_AREA, iap_integration_area_get_area (area)),
                               c->margin, y + 3, c->label_width, IAP_TEXT_PLAIN, NULL);
  label += iap_chart_text_draw (&c->text, criteria, c->margin, y + 3 + label, c->label_width,
                                IAP_TEXT_SMALL | IAP_TEXT_DIM, NULL);
  marks = draw_marks (c, area, y + 3);

  return MAX (MAX (label, marks), c->font * 1.6) + 6;
}

static double
draw_row (Chart              *c,
          IapIntegrationArea *area,
          guint               index,
          double              y)
{
  gboolean paint = c->paint;
  double height;

  /* Measured first, so that the shading of every other row goes under */
  c->paint = c->text.paint = FALSE;
  height = draw_row_content (c, area, y);
  c->paint = c->text.paint = paint;

  if (c->paint && index % 2 == 0)
    {
      iap_chart_set_source (c->cr, &band);
      cairo_rectangle (c->cr, c->margin / 2, y, c->width - c->margin, height);
      cairo_fill (c->cr);
    }
  draw_row_content (c, area, y);
  draw_bar (c, area, y, height);

  return height;
}

static void
draw_grid (Chart  *c,
           double  top,
           double  bottom)
{
  if (!c->paint)
    return;

  begin_shapes (c);
  iap_chart_set_source (c->cr, &rule);
  cairo_set_line_width (c->cr, 1.0);
  for (guint i = 0; i <= c->n_columns; i++)
    {
      double x = floor (c->x_depths + i * c->column) + 0.5;

      cairo_move_to (c->cr, x, top);
      cairo_line_to (c->cr, x, bottom);
    }
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

static double
draw_key (Chart  *c,
          double  y)
{
  double size = c->font * 0.8, x = c->margin, w, h, width = c->width - 2 * c->margin;

  if (c->paint)
    {
      iap_chart_set_source (c->cr, &iap_chart_ink);
      draw_triangle (c, x, y + 2, size);
    }
  iap_chart_text_size (&c->text, _("High risks"), IAP_TEXT_SMALL, &w, &h);
  y += iap_chart_text_draw (&c->text, _("High risks: the group rates the risks of the choice high, or a linked risk of the register has an agreed inherent rating in the High or Critical band."),
                            x + size + 4, y, width - size - 4, IAP_TEXT_SMALL, NULL) + 2;
  if (c->paint)
    {
      iap_chart_set_source (c->cr, &iap_chart_ink);
      draw_diamond (c, x, y + 2, size);
    }
  y += iap_chart_text_draw (&c->text, _("Costs above impact: the transaction costs are rated at a higher level than the expected impact (low, medium, high)."),
                            x + size + 4, y, width - size - 4, IAP_TEXT_SMALL, NULL) + 2;
  y += iap_chart_text_draw (&c->text, _("The bar runs from the loosest form of working together to the depth chosen; a ring marks an area whose depth is not chosen yet."),
                            x, y, width, IAP_TEXT_SMALL | IAP_TEXT_DIM, NULL);

  return y;
}

static double
render (cairo_t  *cr,
        gpointer  data,
        double    width,
        gboolean  paint)
{
  IapWorkshop *workshop = data;
  GListModel *map = iap_workshop_get_integration_map (workshop);
  double font = CLAMP (width / 72.0, 8.0, 12.0), y, top;
  Chart c = { { NULL }, cr, workshop, NULL, width, font, font, paint };

  c.depths = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_DEPTH);
  iap_chart_text_init (&c.text, cr, font, paint);
  iap_chart_text_set_mirrored (&c.text, width);
  y = c.margin;
  y += iap_chart_text_draw (&c.text, _("Where to integrate, and how deeply"), c.margin, y,
                            width - 2 * c.margin, IAP_TEXT_BOLD | IAP_TEXT_LARGE, NULL);
  y += iap_chart_text_draw (&c.text, _("Each area at the depth the group chose, with the three criteria of the IAP policy for that choice: expected impact, transaction costs and risks."),
                            c.margin, y, width - 2 * c.margin, IAP_TEXT_SMALL | IAP_TEXT_DIM, NULL) + c.margin * 0.75;

  if (g_list_model_get_n_items (map) == 0)
    {
      y += iap_chart_text_draw (&c.text, _("No area on the integration map yet."),
                                c.margin, y, width - 2 * c.margin, IAP_TEXT_ITALIC, NULL);
      iap_chart_text_clear (&c.text);
      return y + c.margin;
    }

  compute_columns (&c, map);
  y += draw_header (&c, y);
  top = y;
  for (guint i = 0; i < g_list_model_get_n_items (map); i++)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);

      y += draw_row (&c, area, i, y);
    }
  draw_grid (&c, top, y);
  y = draw_key (&c, y + c.margin * 0.75) + c.margin;
  iap_chart_text_clear (&c.text);

  return y;
}

/**
 * iap_integration_chart_draw:
 *
 * Draws the integration map in the box (0, 0, @width, @height) of @cr,
 * scaled down if it needs more height (see
 * iap_integration_chart_get_height()).
 */
void
iap_integration_chart_draw (cairo_t     *cr,
                            IapWorkshop *workshop,
                            double       width,
                            double       height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (width > 0);

  iap_chart_draw_in_box (cr, render, workshop, width, height);
}

double
iap_integration_chart_get_height (IapWorkshop *workshop,
                                  double       width)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (width > 0, 0);

  return iap_chart_measure (render, workshop, width);
}

/* In a room ------------------------------------------------------------- */

/*
 * The map for a room (docs/charts.md): every word at the room's font and
 * fewer of them, since the step's question is the window's heading. The
 * depths head columns across the whole width; each area takes two lines,
 * its name with its marks in words, then its bar across the columns. As
 * many areas go on a page as its height holds, under the column headings
 * again; the facilitator turns the pages.
 */

static const char *
room_column_title (Chart *c,
                   guint  column)
{
  g_autoptr(IapCatalogEntry) depth = NULL;

  if (c->undecided && column == 0)
    return _("Not chosen yet");
  depth = g_list_model_get_item (c->depths, column - (c->undecided ? 1 : 0));

  /* The catalog holds its entries */
  return iap_catalog_entry_get_label (depth);
}

/* The depths' headings over their columns; where a word is wider than a
 * column, every other heading goes on a second line, twice as wide */
static double
room_draw_header (Chart  *c,
                  double  y)
{
  double pad = c->font * 0.3, longest = 0, lines[2] = { 0, 0 };
  gboolean staggered;

  for (guint i = 0; i < c->n_columns; i++)
    longest = MAX (longest, iap_chart_text_widest_word (&c->text, room_column_title (c, i), IAP_TEXT_BOLD));
  staggered = longest > c->column - 2 * pad;

  for (guint line = 0; line < (staggered ? 2 : 1); line++)
    for (guint i = line; i < c->n_columns; i += staggered ? 2 : 1)
      {
        double centre = c->x_depths + (i + 0.5) * c->column, left, right;

        left = MAX (centre - (staggered ? c->column : c->column / 2), c->margin) + pad;
        right = MIN (centre + (staggered ? c->column : c->column / 2), c->width - c->margin) - pad;
        lines[line] = MAX (lines[line], iap_chart_text_draw (&c->text, room_column_title (c, i),
                                                             left, y + (line > 0 ? lines[0] : 0),
                                                             right - left, IAP_TEXT_BOLD | IAP_TEXT_CENTER,
                                                             NULL));
      }

  return lines[0] + lines[1] + c->font * 0.4;
}

/* The marks of @area in words, each after its shape, at the right of the
 * line from @y: on one line when they fit in half of it, else one under
 * the other. Returns their height; @width is set to their width. */
static double
room_draw_marks (Chart              *c,
                 IapIntegrationArea *area,
                 double              y,
                 double             *width)
{
  const char *words[2] = { NULL, NULL };
  gboolean triangle[2] = { FALSE, FALSE };
  double size = c->font * 0.8, gap = c->font * 0.3, space = c->font * 0.8;
  double widths[2] = { 0, 0 }, total = 0, widest = 0, most, x, h, height = 0;
  guint n = 0;
  gboolean stacked;

  if (iap_workshop_integration_area_risks_high (c->workshop, area))
    {
      triangle[n] = TRUE;
      words[n++] = _("High risks");
    }
  if (iap_integration_area_costs_exceed_impact (area))
    words[n++] = _("Costs above impact");
  *width = 0;
  if (n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      iap_chart_text_size (&c->text, words[i], IAP_TEXT_PLAIN, &widths[i], &h);
      widths[i] += size + gap;
      total += widths[i] + (i > 0 ? space : 0);
      widest = MAX (widest, widths[i]);
    }
  most = (c->width - 2 * c->margin) / 2;
  stacked = total > most;
  *width = MIN (stacked ? widest : total, most);

  x = c->width - c->margin - *width;
  for (guint i = 0; i < n; i++)
    {
      double top = stacked ? y + height : y;
      double text_width = MIN (widths[i], *width) - size - gap;

      if (c->paint)
        {
          iap_chart_set_source (c->cr, &iap_chart_ink);
          if (triangle[i])
            draw_triangle (c, x, top + c->font * 0.3, size);
          else
            draw_diamond (c, x, top + c->font * 0.3, size);
        }
      h = iap_chart_text_draw (&c->text, words[i], x + size + gap, top, text_width, IAP_TEXT_PLAIN, NULL);
      height = stacked ? height + h : MAX (height, h);
      if (!stacked)
        x += widths[i] + space;
    }

  return height;
}

/* An area's name and marks, then its bar: returns the row's height */
static double
room_draw_row (Chart              *c,
               IapIntegrationArea *area,
               guint               index,
               double              y)
{
  gboolean paint = c->paint;
  double pad = c->font * 0.2, marks_width, name, marks, bar = c->font, height;
  const char *label = label_of (c, IAP_CATALOG_INTEGRATION_AREA, iap_integration_area_get_area (area));

  /* Measured first, so that the shading of every other row goes under */
  c->paint = c->text.paint = FALSE;
  marks = room_draw_marks (c, area, y + pad, &marks_width);
  name = iap_chart_text_draw (&c->text, label, c->margin, y + pad,
                              c->width - 2 * c->margin - marks_width - (marks_width > 0 ? c->font : 0),
                              IAP_TEXT_BOLD, NULL);
  height = pad + MAX (name, marks) + bar + pad;
  c->paint = c->text.paint = paint;
  if (!paint)
    return height;

  if (index % 2 == 0)
    {
      iap_chart_set_source (c->cr, &band);
      cairo_rectangle (c->cr, c->margin / 2, y, c->width - c->margin, height);
      cairo_fill (c->cr);
    }
  room_draw_marks (c, area, y + pad, &marks_width);
  iap_chart_text_draw (&c->text, label, c->margin, y + pad,
                       c->width - 2 * c->margin - marks_width - (marks_width > 0 ? c->font : 0),
                       IAP_TEXT_BOLD, NULL);
  /* The columns' rules beside the bar only, clear of the words */
  draw_grid (c, y + pad + MAX (name, marks), y + height);
  draw_bar (c, area, y + pad + MAX (name, marks), bar);

  return height;
}

static void
room_init (Chart       *c,
           cairo_t     *cr,
           IapWorkshop *workshop,
           double       width,
           double       font,
           gboolean     paint)
{
  GListModel *map = iap_workshop_get_integration_map (workshop);

  *c = (Chart) { { NULL }, cr, workshop, NULL, width, font, font * 0.5, paint };
  c->depths = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_DEPTH);
  iap_chart_text_init (&c->text, cr, font, paint);
  iap_chart_text_set_mirrored (&c->text, width);
  /* Nothing smaller, whatever a piece of text is */
  c->text.min_font = font;
  c->undecided = any_undecided (map);
  c->n_columns = g_list_model_get_n_items (c->depths) + (c->undecided ? 1 : 0);
  c->x_depths = c->margin;
  c->column = MAX ((width - 2 * c->margin) / MAX (c->n_columns, 1), 1.0);
}

/* The areas on pages (iap_chart_paginate()): as many pages as the
 * height asks, the areas spread evenly over them */
static void
room_paginate (Chart  *c,
               double  height,
               GArray *starts)
{
  GListModel *map = iap_workshop_get_integration_map (c->workshop);
  guint n = g_list_model_get_n_items (map);
  double room = height - 2 * c->margin - room_draw_header (c, 0);
  g_autofree double *rows = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);

      rows[i] = room_draw_row (c, area, i, 0);
    }

  iap_chart_paginate (rows, n, room, starts);
}

static double
room_render (cairo_t     *cr,
             IapWorkshop *workshop,
             double       width,
             double       height,
             double       font,
             guint        page,
             gboolean     paint,
             guint       *n_pages,
             double      *smallest)
{
  GListModel *map = iap_workshop_get_integration_map (workshop);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  Chart c;
  double y;
  guint first, last;

  room_init (&c, cr, workshop, width, font, FALSE);
  if (g_list_model_get_n_items (map) == 0)
    {
      c.paint = c.text.paint = paint;
      y = c.margin + iap_chart_text_draw (&c.text, _("No area on the integration map yet."),
                                          c.margin, c.margin, width - 2 * c.margin, IAP_TEXT_ITALIC, NULL);
      *n_pages = 1;
      *smallest = c.text.smallest_asked;
      iap_chart_text_clear (&c.text);
      return y + c.margin;
    }

  room_paginate (&c, height, starts);
  *n_pages = starts->len - 1;
  page = MIN (page, *n_pages - 1);
  first = g_array_index (starts, guint, page);
  last = g_array_index (starts, guint, page + 1);

  c.paint = c.text.paint = paint;
  c.text.smallest = c.text.smallest_asked = G_MAXDOUBLE;
  y = c.margin;
  y += room_draw_header (&c, y);
  for (guint i = first; i < last; i++)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);

      y += room_draw_row (&c, area, i, y);
    }
  *smallest = c.text.smallest_asked;
  iap_chart_text_clear (&c.text);

  return y + c.margin;
}

/* Lays out @page without drawing it: returns its height */
static double
room_measure (IapWorkshop *workshop,
              double       width,
              double       height,
              double       font,
              guint        page,
              guint       *n_pages,
              double      *smallest)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double used;

  used = room_render (cr, workshop, width, height, font, page, FALSE, n_pages, smallest);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return used;
}

/**
 * iap_integration_chart_get_room_pages:
 * @width: the width of the chart's box, in pixels
 * @height: its height
 * @font: the room's font size (iap_chart_get_room_font())
 *
 * Returns: how many pages the map takes in a room, at least 1
 */
guint
iap_integration_chart_get_room_pages (IapWorkshop *workshop,
                                      double       width,
                                      double       height,
                                      double       font)
{
  double smallest;
  guint n_pages;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 1);
  g_return_val_if_fail (width > 0 && font > 0, 1);

  room_measure (workshop, width, height, font, 0, &n_pages, &smallest);

  return n_pages;
}

/**
 * iap_integration_chart_measure_for_room:
 * @smallest: (out) (optional): the smallest font size the page's text
 *   asks for, before @font raises it: below @font if the layout would
 *   set smaller text
 *
 * Lays out a page as iap_integration_chart_draw_for_room() draws it.
 *
 * Returns: the height it takes
 */
double
iap_integration_chart_measure_for_room (IapWorkshop *workshop,
                                        double       width,
                                        double       height,
                                        double       font,
                                        guint        page,
                                        double      *smallest)
{
  double text_smallest, used;
  guint n_pages;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (width > 0 && font > 0, 0);

  used = room_measure (workshop, width, height, font, page, &n_pages, &text_smallest);
  if (smallest != NULL)
    *smallest = text_smallest;

  return used;
}

/**
 * iap_integration_chart_draw_for_room:
 * @width: the width of the chart's box, in pixels
 * @height: its height
 * @font: the room's font size (iap_chart_get_room_font()): no text is
 *   smaller
 * @page: the page to draw, from 0 (see
 *   iap_integration_chart_get_room_pages())
 *
 * Draws a page of the integration map for a room, on white, in the box
 * (0, 0, @width, @height) of @cr, never scaled.
 */
void
iap_integration_chart_draw_for_room (cairo_t     *cr,
                                     IapWorkshop *workshop,
                                     double       width,
                                     double       height,
                                     double       font,
                                     guint        page)
{
  double smallest;
  guint n_pages;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (width > 0 && font > 0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  room_render (cr, workshop, width, height, font, page, TRUE, &n_pages, &smallest);
  cairo_restore (cr);
}

/**
 * iap_integration_chart_dup_description:
 *
 * Returns: (transfer full): what the chart shows, in words
 */
char *
iap_integration_chart_dup_description (IapWorkshop *workshop)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  text = iap_workshop_dup_integration_map_text (workshop);
  if (text[0] == '\0')
    return g_strdup (_("No area on the integration map yet."));

  return g_steal_pointer (&text);
}

/**
 * iap_integration_chart_dup_room_description:
 * @width: the width of the chart's box, in pixels
 * @height: its height
 * @font: the room's font size (iap_chart_get_room_font())
 * @page: the page shown, from 0 (see iap_integration_chart_get_room_pages())
 *
 * Returns: (transfer full): what @page of the map for a room shows, in
 *   words: the areas on it; the whole map when it takes one page
 */
char *
iap_integration_chart_dup_room_description (IapWorkshop *workshop,
                                            double       width,
                                            double       height,
                                            double       font,
                                            guint        page)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  cairo_surface_t *surface;
  cairo_t *cr;
  Chart c;
  guint n_pages;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  if (width <= 0 || height <= 0 || font <= 0 ||
      g_list_model_get_n_items (iap_workshop_get_integration_map (workshop)) == 0)
    return iap_integration_chart_dup_description (workshop);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  room_init (&c, cr, workshop, width, font, FALSE);
  room_paginate (&c, height, starts);
  iap_chart_text_clear (&c.text);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  n_pages = starts->len - 1;
  if (n_pages < 2)
    return iap_integration_chart_dup_description (workshop);
  page = MIN (page, n_pages - 1);

  return iap_workshop_dup_integration_areas_text (workshop, g_array_index (starts, guint, page),
                                                  g_array_index (starts, guint, page + 1));
}
