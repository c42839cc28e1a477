/* iap-round-chart.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The spread of a revealed risk: the likelihood x impact matrix in its
 * band colours with one dot per score in each cell, and the median cell
 * outlined, with the level numbers and the names of both axes. It is
 * only ever given revealed statistics.
 */

#define G_LOG_DOMAIN "iap-round-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "iap-chart-text.h"
#include "iap-layout-check.h"
#include "iap-palette.h"
#include "iap-round-chart.h"

struct _IapRoundChart
{
  GtkWidget parent_instance;

  IapScales *scales;
  guint cells[IAP_SCALE_MAX_LEVELS][IAP_SCALE_MAX_LEVELS];
  guint median_likelihood;
  guint median_impact;
};

G_DEFINE_FINAL_TYPE (IapRoundChart, iap_round_chart, GTK_TYPE_WIDGET)

static void
draw_dots (cairo_t *cr,
           double   x,
           double   y,
           double   size,
           guint    count)
{
  guint per_row = MAX (1, (guint) ceil (sqrt (count)));
  double step = size / (per_row + 1);
  double radius = MIN (step * 0.4, size / 8);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint k = 0; k < count; k++)
    {
      cairo_arc (cr, x + step * (k % per_row + 1), y + step * (k / per_row + 1), radius, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_cell (IapRoundChart *self,
           cairo_t       *cr,
           guint          l,
           guint          m,
           double         x,
           double         y,
           double         size)
{
  cairo_rectangle (cr, x, y, size, size);
  iap_palette_set_source_band (cr, iap_scales_get_band (self->scales, l, m));
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  draw_dots (cr, x, y, size, self->cells[l - 1][m - 1]);

  if (l == self->median_likelihood && m == self->median_impact)
    {
      cairo_rectangle (cr, x + 3, y + 3, size - 6, size - 6);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 4);
      cairo_stroke (cr);
    }
}

/* @text centred on (@x, @y), upright or turned to read upwards. */
static void
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      scale,
           gboolean    upwards)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  if (upwards)
    cairo_rotate (cr, -G_PI / 2);
  cairo_move_to (cr, -w / 2.0, -h / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The height of a line of text: the margins hold a line of level
 * numbers and a line for the axis title. */
static int
line_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0");
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);

  return h;
}

/* The size of the widget's font, in pixels */
static double
font_size (GtkWidget *widget)
{
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  double size = font != NULL ? pango_units_to_double (pango_font_description_get_size (font)) : 0;

  /* Points at 96 dots per inch, unless the size is in pixels */
  if (font != NULL && !pango_font_description_get_size_is_absolute (font))
    size *= 96.0 / 72.0;

  return size > 0 ? size : IAP_CHART_MIN_FONT;
}

/* The chart's words, in the interface's font, scaled to the chart rule
 * of docs/charts.md: never below 14 px, and on the projector, where the
 * chart fills the wall, growing with it; at least the widget's own font (the room's in
 * the presenter view). */
static double
text_scale (GtkWidget *widget,
            int        width,
            int        height)
{
  double size = font_size (widget);

  /* The chart's own font where it is larger: the room's, on a projector */
  return MAX (iap_chart_get_screen_font (width, height), size) / size;
}

static void
draw_axes (GtkWidget *widget,
           cairo_t   *cr,
           guint      nl,
           guint      ni,
           double     left,
           double     size,
           double     line,
           double     scale)
{
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gdk_cairo_set_source_rgba (cr, &color);
  for (guint l = 1; l <= nl; l++)
    {
      g_autofree char *number = g_strdup_printf ("%u", l);

      draw_text (widget, cr, number, left - line / 2.0 - 2, (nl - l + 0.5) * size, scale, FALSE);
    }
  for (guint m = 1; m <= ni; m++)
    {
      g_autofree char *number = g_strdup_printf ("%u", m);

      draw_text (widget, cr, number, left + (m - 0.5) * size, nl * size + line / 2.0 + 2, scale, FALSE);
    }
  /* Translators: the vertical axis of the chart of scores */
  draw_text (widget, cr, _("Likelihood"), line / 2.0, nl * size / 2, scale, TRUE);
  /* Translators: the horizontal axis of the chart of scores; "Impact" the noun */
  draw_text (widget, cr, _("Impact"), left + ni * size / 2, nl * size + line * 1.5 + 4, scale, FALSE);
}

/* Likelihood grows upwards, impact to the right, as on the matrix page. */
static void
iap_round_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  IapRoundChart *self = IAP_ROUND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scale = text_scale (widget, width, height);
  double line = line_height (widget) * scale;
  double left = 2 * line + 4;
  cairo_t *cr;
  guint nl, ni;
  double size;

  if (self->scales == NULL)
    return;

  nl = iap_scales_get_n_likelihood (self->scales);
  ni = iap_scales_get_n_impact (self->scales);
  size = MIN ((width - left) / ni, (height - left) / nl);
  if (size <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint l = 1; l <= nl; l++)
    for (guint m = 1; m <= ni; m++)
      draw_cell (self, cr, l, m, left + (m - 1) * size, (nl - l) * size, size);
  draw_axes (widget, cr, nl, ni, left, size, line, scale);
  cairo_destroy (cr);
  iap_layout_check_set_smallest_font (widget, font_size (widget) * scale);
}

static void
iap_round_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  IapRoundChart *self = IAP_ROUND_CHART (widget);
  /* The margins at the smallest text the chart sets */
  int margin = 2 * line_height (widget) * text_scale (widget, 1, 1) + 4;

  *minimum = 120 + margin;
  *natural = 240 + margin;
  /* As wide as its cells are high, given its height: no empty band
   * beside the chart */
  if (orientation == GTK_ORIENTATION_HORIZONTAL && for_size > margin && self->scales != NULL)
    *natural = MAX (*minimum, margin + (for_size - margin) * (int) iap_scales_get_n_impact (self->scales) /
                                      (int) MAX (1, iap_scales_get_n_likelihood (self->scales)));
}

static GtkSizeRequestMode
iap_round_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_WIDTH_FOR_HEIGHT;
}

static void
iap_round_chart_dispose (GObject *object)
{
  g_clear_object (&IAP_ROUND_CHART (object)->scales);

  G_OBJECT_CLASS (iap_round_chart_parent_class)->dispose (object);
}

static void
iap_round_chart_class_init (IapRoundChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_round_chart_dispose;
  widget_class->snapshot = iap_round_chart_snapshot;
  widget_class->measure = iap_round_chart_measure;
  widget_class->get_request_mode = iap_round_chart_get_request_mode;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
iap_round_chart_init (IapRoundChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Spread of the scores"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No scores revealed"),
                                  -1);
}

GtkWidget *
iap_round_chart_new (void)
{
  return g_object_new (IAP_TYPE_ROUND_CHART, NULL);
}

static char *
describe (const IapRiskStats *stats)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!iap_risk_stats_describe_scores (stats, text))
    return g_string_free (g_steal_pointer (&text), FALSE);
  for (guint l = IAP_SCALE_MAX_LEVELS; l > 0; l--)
    for (guint m = 1; m <= IAP_SCALE_MAX_LEVELS; m++)
      if (stats->cells[l - 1][m - 1] > 0)
        /* Translators: one cell of the matrix: likelihood, impact, number of scores */
        g_string_append_printf (text, _(" Likelihood %u, impact %u: %u."), l, m, stats->cells[l - 1][m - 1]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* @stats may be NULL to clear the chart (before the reveal). */
void
iap_round_chart_set_stats (IapRoundChart      *self,
                           IapScales          *scales,
                           const IapRiskStats *stats)
{
  g_autofree char *description = describe (stats);

  g_return_if_fail (IAP_IS_ROUND_CHART (self));

  g_set_object (&self->scales, scales);
  memset (self->cells, 0, sizeof self->cells);
  self->median_likelihood = self->median_impact = 0;
  if (stats != NULL)
    {
      memcpy (self->cells, stats->cells, sizeof self->cells);
      self->median_likelihood = stats->median_likelihood;
      self->median_impact = stats->median_impact;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
