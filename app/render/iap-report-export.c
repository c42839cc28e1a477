/* iap-report-export.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One chart of the report on its own, as PNG, SVG or PDF. */

#define G_LOG_DOMAIN "iap-report"

#include "config.h"

#include "iap-i18n.h"
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <pango/pangocairo.h>

#include "iap-options-analysis.h"
#include "iap-palette.h"
#include "iap-render-text.h"
#include "iap-report-private.h"
#include "iap-text.h"

gboolean
iap_report_chart_from_id (const char     *id,
                          IapReportChart *chart)
{
  if (g_strcmp0 (id, "heatmap") == 0 || g_strcmp0 (id, "inherent") == 0)
    *chart = IAP_REPORT_CHART_INHERENT;
  else if (g_strcmp0 (id, "residual") == 0)
    *chart = IAP_REPORT_CHART_RESIDUAL;
  else if (g_strcmp0 (id, "triple-hatting") == 0)
    *chart = IAP_REPORT_CHART_TRIPLE_HATTING;
  else if (g_strcmp0 (id, "integration-map") == 0)
    *chart = IAP_REPORT_CHART_INTEGRATION_MAP;
  else if (g_strcmp0 (id, "option-maps") == 0)
    *chart = IAP_REPORT_CHART_OPTION_MAPS;
  else
    return FALSE;

  return TRUE;
}

/* The format follows the file name's extension, as on the command line. */
static cairo_surface_t *
create_surface (const char *path,
                double      width,
                double      height,
                gboolean   *png)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  *png = FALSE;
  if (g_str_has_suffix (lower, ".pdf"))
    return cairo_pdf_surface_create (path, width, height);
  if (g_str_has_suffix (lower, ".svg"))
    {
      cairo_surface_t *surface = cairo_svg_surface_create (path, width, height);

      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      return surface;
    }
  if (g_str_has_suffix (lower, ".png"))
    {
      *png = TRUE;
      return cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
    }

  return NULL;
}

/**
 * _iap_report_export_drawing:
 * @path: a file name ending in .png, .svg or .pdf, which says the format
 * @draw: paints the drawing at the origin, @width by @height
 *
 * Writes one drawing on the page's white to @path.
 */
gboolean
_iap_report_export_drawing (const char            *path,
                            double                 width,
                            double                 height,
                            IapReportDrawFunc      draw,
                            gpointer               data,
                            GError               **error)
{
  gboolean png;
  cairo_surface_t *surface = create_surface (path, width, height, &png);
  cairo_status_t status;
  cairo_t *cr;

  if (surface == NULL)
    {
      g_set_error (error, IAP_REPORT_ERROR, 0,
                   _("“%s” does not end in .png, .svg or .pdf"), path);
      return FALSE;
    }

  cr = cairo_create (surface);
  /* Charts are drawn on the page's white, which a PNG does not have. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw (cr, width, height, data);
  cairo_destroy (cr);
  if (png)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IAP_REPORT_ERROR, 0, _("Could not write “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  IapWorkshop    *workshop;
  IapReportChart  chart;
} Chart;

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  data)
{
  Chart *chart = data;

  iap_report_chart_draw (cr, chart->workshop, chart->chart, width, height);
}

gboolean
iap_report_export_chart (IapWorkshop     *workshop,
                         IapReportChart   chart,
                         const char      *path,
                         double           width,
                         double           height,
                         GError         **error)
{
  Chart data = { workshop, chart };

  return _iap_report_export_drawing (path, width, height, draw_chart, &data, error);
}

/* @markup in the box from @x, @width wide, centred on @y; the box and
 * its alignment mirrored in a language written right to left */
static void
show_label (cairo_t    *cr,
            const char *markup,
            double      x,
            double      y,
            double      width,
            PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (IAP_RENDER_FONT_FAMILY);
  int height;

  /* Points, as in the rest of the report, whatever the surface. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  iap_render_setup_context (pango_layout_get_context (layout));
  pango_layout_context_changed (layout);
  pango_font_description_set_size (font, 8 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (iap_render_is_rtl () && alignment != PANGO_ALIGN_CENTER)
    alignment = alignment == PANGO_ALIGN_LEFT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_markup (layout, markup, -1);
  iap_render_check_glyphs (layout);
  pango_layout_get_size (layout, NULL, &height);
  cairo_move_to (cr, x, y - pango_units_to_double (height) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* The options summary's x for a box at @x, @width wide, in a chart
 * @chart_width wide: mirrored right to left */
static double
mirror (double chart_width,
        double x,
        double width)
{
  return iap_render_is_rtl () ? chart_width - x - width : x;
}

static void
draw_option_bar (cairo_t               *cr,
                 const IapOptionResult *result,
                 gboolean               risk,
                 double                 width,
                 double                 axis,
                 double                 half,
                 double                 y)
{
  int share = iap_option_result_get_share (result, risk);
  double length = share > 0 ? half * share / 100.0 : 0;
  g_autofree char *text = iap_option_result_dup_share (result, risk);
  IapColor fill;

  iap_palette_get_factor_fill (risk, 1, &fill);
  cairo_set_source_rgb (cr, fill.red, fill.green, fill.blue);
  cairo_rectangle (cr, mirror (width, risk ? axis - length : axis, length), y - 5, length, 10);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.13, 0.13, 0.13);
  if (risk)
    show_label (cr, text, mirror (width, axis - length - 42, 40), y, 40, PANGO_ALIGN_RIGHT);
  else
    show_label (cr, text, mirror (width, axis + length + 2, 50), y, 50, PANGO_ALIGN_LEFT);
}

/* The triple-hatting balance in a few lines for the one-page summary:
 * per option, its risks to the left of the axis and its benefits to
 * the right (mirrored right to left, like the full chart), each as a
 * share of its own maximum, never netted; the full chart, with the
 * weights, is in Group results. */
void
iap_report_draw_options_summary (cairo_t     *cr,
                                 IapWorkshop *workshop,
                                 double       width,
                                 double       height)
{
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (workshop);
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  guint n = iap_options_analysis_get_n_options (analysis);
  double label_width = width * 0.40, axis = label_width + (width - label_width) / 2;
  double half = (width - label_width) / 2 - 40, row = n > 0 ? (height - 16) / n : 0;
  g_autofree char *risk_title = iap_render_dup_side_title (TRUE);
  g_autofree char *benefit_title = iap_render_dup_side_title (FALSE);
  g_autofree char *risks = g_markup_printf_escaped ("<b>%s</b>", risk_title);
  g_autofree char *benefits = g_markup_printf_escaped ("<b>%s</b>", benefit_title);

  cairo_set_source_rgb (cr, 0.13, 0.13, 0.13);
  show_label (cr, risks, mirror (width, axis - 106, 100), 5, 100, PANGO_ALIGN_RIGHT);
  show_label (cr, benefits, mirror (width, axis + 6, 100), 5, 100, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < n; i++)
    {
      const IapOptionResult *result = iap_options_analysis_get_result (analysis, i);
      IapCatalogEntry *entry = iap_catalog_lookup (catalog, IAP_CATALOG_OPTION, result->option);
      g_autofree char *label = iap_text_isolate (entry != NULL ? iap_catalog_entry_get_label (entry) : result->option);
      gboolean chosen = g_strcmp0 (iap_workshop_get_recommendation (workshop), result->option) == 0;
      g_autofree char *markup = chosen ? g_markup_printf_escaped (_("<b>%s</b> (recommended)"), label)
                                       : g_markup_escape_text (label, -1);
      double y = 16 + row * (i + 0.5);

      cairo_set_source_rgb (cr, 0.13, 0.13, 0.13);
      show_label (cr, markup, mirror (width, 0, label_width - 4), y, label_width - 4, PANGO_ALIGN_LEFT);
      draw_option_bar (cr, result, TRUE, width, axis, half, y);
      draw_option_bar (cr, result, FALSE, width, axis, half, y);
    }
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, mirror (width, axis, 0), 10);
  cairo_line_to (cr, mirror (width, axis, 0), height);
  cairo_stroke (cr);
}
