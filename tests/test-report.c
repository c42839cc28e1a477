/* test-report.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <glib/gstdio.h>

#include "iap-heat-map-private.h"
#include "iap-report.h"
#include "iap-report-private.h"
#include "iap-workshop-file.h"

static IapWorkshop *
load_example (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/example.iapw", 0, NULL);
  g_autoptr(GError) error = NULL;
  IapWorkshop *workshop;

  g_assert_nonnull (bytes);
  workshop = iap_workshop_load_bytes (bytes, "example.iapw", &error);
  g_assert_no_error (error);

  return workshop;
}

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2026, 11, 22, 12, 0, 0);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* Every page draws without a cairo error. */
static void
draw_all (IapReport              *report,
          const IapReportOptions *options)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, NULL, options->page_width,
                                                                  options->page_height);
  cairo_t *cr = cairo_create (surface);

  for (guint page = 0; page < iap_report_get_n_pages (report); page++)
    {
      iap_report_draw_page (report, cr, page);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* No row is cut by a page: each lies within the body of its page, and
 * every page with rows starts its table with a header row. */
static void
assert_rows_fit (IapReport              *report,
                 const IapReportOptions *options)
{
  guint n_rows;
  const IapReportRow *rows = iap_report_get_rows (report, &n_rows);

  g_assert_cmpuint (n_rows, >, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      g_assert_cmpuint (rows[i].page, <, iap_report_get_n_pages (report));
      g_assert_cmpfloat (rows[i].y, >=, options->margin_top);
      g_assert_cmpfloat (rows[i].y + rows[i].height, <=, options->page_height - options->margin_bottom);
      if (!rows[i].header && (i == 0 || rows[i - 1].page != rows[i].page))
        g_assert_not_reached ();
    }
}

/* Kept next to the other report artefacts, to look at. */
static void
keep_pdf (IapWorkshop            *workshop,
          const IapReportOptions *options,
          const char             *name)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *dir = g_build_filename (cwd, "report", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (g_getenv ("G_TEST_BUILDDIR") != NULL)
    {
      g_free (dir);
      g_free (path);
      dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "report", NULL);
      path = g_build_filename (dir, name, NULL);
    }
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (iap_report_export_pdf (workshop, options, path, &error));
  g_assert_no_error (error);
}

static void
check_paper (IapReportPaper paper)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(IapReport) report = NULL;
  g_autoptr(IapReport) again = NULL;
  const char * const *titles;
  IapReportOptions options;

  iap_report_options_init (&options, paper);
  options.date = date;
  report = iap_report_new (workshop, &options);
  again = iap_report_new (workshop, &options);

  /* The summary, the context, the register (with the heat maps and the
   * top risks), group results, the IAP decision (some four pages: the
   * map, what each option entails, the requirements), the plan and the
   * method. */
  g_assert_cmpuint (iap_report_get_n_pages (report), >=, 7);
  g_assert_cmpuint (iap_report_get_n_pages (report), <=, 20);
  g_assert_cmpuint (iap_report_get_n_pages (report), ==, iap_report_get_n_pages (again));
  titles = iap_report_get_section_titles (report);
  g_assert_cmpuint (g_strv_length ((char **) titles), ==, 7);
  assert_rows_fit (report, &options);
  draw_all (report, &options);
}

static void
test_report_a4 (void)
{
  check_paper (IAP_REPORT_PAPER_A4);
}

static void
test_report_letter (void)
{
  IapReportOptions a4, letter;

  iap_report_options_init (&a4, IAP_REPORT_PAPER_A4);
  iap_report_options_init (&letter, IAP_REPORT_PAPER_LETTER);
  g_assert_cmpfloat (letter.page_width, ==, 612.0);
  g_assert_cmpfloat (letter.page_height, ==, 792.0);
  g_assert_cmpfloat_with_epsilon (a4.page_width, 595.276, 0.01);
  check_paper (IAP_REPORT_PAPER_LETTER);
}

static IapWorkshop *
new_workshop_with_risks (guint       n_risks,
                         const char *description)
{
  g_autoptr(IapWorkshop) workshop = load_example ();

  for (guint i = 0; i < n_risks; i++)
    {
      g_autofree char *title = g_strdup_printf ("Generated risk number %u with a title long enough to wrap", i + 1);
      IapRisk *risk = iap_workshop_add_risk (workshop, "co-location", "perception", title);

      iap_workshop_set (workshop, risk, "description", description,
                        "inherent-likelihood", 1 + i % 5, "inherent-impact", 1 + (i / 5) % 5, NULL);
    }

  return g_steal_pointer (&workshop);
}

/* 400 risks: the register runs over many pages, each under a repeated
 * header row, and no row is split. */
static void
test_report_many_risks (void)
{
  g_autoptr(IapWorkshop) workshop = new_workshop_with_risks (400, "Because a generated cause, an event may happen, with an effect on humanitarian operations.");
  g_autoptr(IapReport) report = NULL;
  IapReportOptions options;
  guint n_rows, n_headers = 0;
  const IapReportRow *rows;

  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  report = iap_report_new (workshop, &options);
  rows = iap_report_get_rows (report, &n_rows);
  for (guint i = 0; i < n_rows; i++)
    n_headers += rows[i].header;

  g_assert_cmpuint (iap_report_get_n_pages (report), >, 30);
  g_assert_cmpuint (n_headers, >, 30);
  assert_rows_fit (report, &options);
  keep_pdf (workshop, &options, "many-risks.pdf");
}

static char *
dup_report_text (IapReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint page = 0; page < iap_report_get_n_pages (report); page++)
    {
      g_autofree char *words = iap_report_dup_page_text (report, page);

      g_string_append_printf (text, "%s\n", words);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
count (const char *text,
       const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;

  return n;
}

/* A description of several pages runs on over them, broken between
 * lines under the repeated header: every word is printed, once, and no
 * row leaves its page's body. */
static void
test_report_long_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(IapReport) report = NULL;
  g_autofree char *words = NULL;
  IapReportOptions options;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "Sentence %u of a very long risk description that wraps. ", i + 1);
  g_string_append (text, "Averyveryverylongwordwithoutanyspacethatmuststillwrapinsideitscell, "
                         "source: https://example.org/the-last-words");
  workshop = new_workshop_with_risks (3, text->str);

  iap_report_options_init (&options, IAP_REPORT_PAPER_LETTER);
  report = iap_report_new (workshop, &options);
  assert_rows_fit (report, &options);
  draw_all (report, &options);
  keep_pdf (workshop, &options, "long-text.pdf");

  words = dup_report_text (report);
  g_assert_cmpuint (count (words, "https://example.org/the-last-words"), ==, 3);
  g_assert_cmpuint (count (words, "Sentence 400 of"), ==, 3);
  g_assert_cmpuint (count (words, "Sentence 1 of"), ==, 3);
  /* Each line on one page only */
  g_assert_cmpuint (count (words, "Sentence 237 of"), ==, 3);
  g_assert_null (strstr (words, "…"));
}

/* A heading keeps with what follows it: wherever the page ends, the
 * heading, the table's header row and the first lines of its first row
 * share a page. Swept over every position on a page. */
static void
test_report_keep_with_next (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  g_autoptr(GString) tall = g_string_new (NULL);
  const char *headers[] = { "By", "Dissent" };
  static const double widths[] = { 0.3, 0.7 };
  IapReportOptions options;

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (tall, "%sLine %u of the first row", i > 0 ? "\n" : "", i + 1);
  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  for (guint k = 0; k < 70; k++)
    {
      g_autoptr(IapReport) report = iap_report_new (workshop, &options);
      const char *cells[] = { "Amara Diallo", tall->str };
      guint first_page = iap_report_get_n_pages (report), n_rows, heading = G_MAXUINT, row = G_MAXUINT;
      const IapReportRow *rows;

      iap_report_new_page (report);
      for (guint p = 0; p < k; p++)
        iap_report_add_paragraph (report, "A paragraph of one line, to move down the page.");
      iap_report_add_heading (report, "Kept heading", FALSE);
      iap_report_add_subheading (report, "Kept subheading");
      iap_report_begin_table (report, headers, widths, 2);
      iap_report_add_row (report, cells, NULL);
      iap_report_end_table (report);

      for (guint page = first_page; page < iap_report_get_n_pages (report); page++)
        {
          g_autofree char *words = iap_report_dup_page_text (report, page);

          if (heading == G_MAXUINT && strstr (words, "Kept heading") != NULL)
            heading = page;
          if (row == G_MAXUINT && strstr (words, "Line 1 of the first row") != NULL)
            row = page;
        }
      g_assert_cmpuint (heading, ==, row);
      rows = iap_report_get_rows (report, &n_rows);
      g_assert_true (rows[n_rows - 1].header == FALSE);
      /* The table's own header: on the heading's page, just above */
      for (guint i = n_rows; i > 0; i--)
        if (rows[i - 1].header)
          {
            g_assert_cmpuint (rows[i - 1].page, ==, heading);
            break;
          }
      assert_rows_fit (report, &options);
    }
}

/* Values inserted in sentences are isolated (FSI … PDI), so that an
 * Arabic name keeps the parentheses around a Latin entity; a participant
 * with no entity is not "Name ()" */
static void
test_report_isolates (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  g_autoptr(IapReport) report = NULL;
  g_autofree char *words = NULL;
  IapReportOptions options;

  /* A title of white space is no title */
  iap_workshop_set (workshop, workshop, "title", "\u00a0\u3000", NULL);
  iap_workshop_add_participant (workshop, "humanitarian", "أمينة ديالو", "OCHA");
  iap_workshop_add_participant (workshop, "political", "Omar Saidov", "\u00a0");
  iap_workshop_add_participant (workshop, "ngo", "", "");
  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  report = iap_report_new (workshop, &options);
  words = dup_report_text (report);
  g_assert_nonnull (strstr (words, "\u2068أمينة ديالو\u2069 (\u2068OCHA\u2069)"));
  g_assert_nonnull (strstr (words, "\u2068Omar Saidov\u2069"));
  g_assert_null (strstr (words, "Omar Saidov\u2069 ("));
  g_assert_null (strstr (words, "()"));
  g_assert_nonnull (strstr (words, "Participant p3"));
  g_assert_nonnull (strstr (words, "Untitled workshop"));
}

/* The facilitator, a participant who owns a mitigation, and the official
 * who accepted a risk: named in the report, unless it is anonymised. */
static void
test_report_anonymize (void)
{
  static const char * const people[] = { "Nadia Rahimi", "Amara Diallo", "Ama Boateng" };
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapReport) named = NULL;
  g_autoptr(IapReport) report = NULL;
  g_autofree char *named_text = NULL;
  g_autofree char *text = NULL;
  IapReportOptions options;

  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  named = iap_report_new (workshop, &options);
  options.anonymize = TRUE;
  report = iap_report_new (workshop, &options);
  g_assert_cmpuint (iap_report_get_n_pages (report), >=, 5);
  draw_all (report, &options);

  named_text = dup_report_text (named);
  text = dup_report_text (report);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_assert_nonnull (strstr (named_text, people[i]));
      g_assert_null (strstr (text, people[i]));
    }
  g_assert_nonnull (strstr (text, "DSRSG/RC/HC"));
}

/* With an earlier workshop, the report says what changed since: the
 * movement charts and each change, names left out when anonymous. */
static void
test_report_changes_since (void)
{
  g_autoptr(IapWorkshop) earlier = load_example ();
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapComparison) since = NULL;
  g_autoptr(IapReport) report = NULL;
  g_autoptr(IapReport) anonymous = NULL;
  g_autoptr(IapReport) plain = NULL;
  g_autofree char *text = NULL;
  g_autofree char *anonymous_text = NULL;
  IapReportOptions options;
  IapRisk *risk;

  iap_workshop_set (workshop, iap_workshop_find_risk (workshop, "r2"),
                    "inherent-likelihood", 3, "inherent-impact", 4, NULL);
  iap_workshop_set (workshop, iap_workshop_find_mitigation (workshop, "m1"),
                    "owner", "Sofía Lindqvist", "owner-entity", "UNICEF", NULL);
  risk = iap_workshop_add_risk (workshop, "co-location", "access", "Checkpoints close to shared vehicles");
  iap_workshop_set (workshop, risk, "source", "Ebe field office", NULL);
  since = iap_comparison_new (earlier, workshop);
  iap_comparison_set_labels (since, "the March workshop", NULL);

  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  options.date = fixed_date ();
  plain = iap_report_new (workshop, &options);
  options.since = since;
  report = iap_report_new (workshop, &options);
  g_assert_cmpuint (iap_report_get_n_pages (report), >, iap_report_get_n_pages (plain));
  g_assert_true (g_strv_contains (iap_report_get_section_titles (report), "Changes since the March workshop"));
  g_assert_false (g_strv_contains (iap_report_get_section_titles (plain), "Changes since the March workshop"));
  draw_all (report, &options);
  keep_pdf (workshop, &options, "changes-since.pdf");

  text = dup_report_text (report);
  g_assert_nonnull (strstr (text, "Inherent rating: Critical (4×5) → High (3×4)"));
  g_assert_nonnull (strstr (text, "Sofía Lindqvist"));
  /* The merged risk in the register, with where it came from */
  g_assert_nonnull (strstr (text, "from: Ebe field office"));

  options.anonymize = TRUE;
  anonymous = iap_report_new (workshop, &options);
  anonymous_text = dup_report_text (anonymous);
  g_assert_null (strstr (anonymous_text, "Sofía Lindqvist"));
  g_assert_nonnull (strstr (anonymous_text, "Owner: changed"));
  g_date_time_unref (options.date);
}

/* A new workshop, with nothing in it yet, still makes a report. */
static void
test_report_empty (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  g_autoptr(IapReport) report = NULL;
  IapReportOptions options;

  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  report = iap_report_new (workshop, &options);
  g_assert_cmpuint (iap_report_get_n_pages (report), >=, 7);
  g_assert_cmpuint (g_strv_length ((char **) iap_report_get_section_titles (report)), ==, 7);
  draw_all (report, &options);
}

static void
test_report_chart_ids (void)
{
  IapReportChart chart;

  g_assert_true (iap_report_chart_from_id ("heatmap", &chart));
  g_assert_cmpint (chart, ==, IAP_REPORT_CHART_INHERENT);
  g_assert_true (iap_report_chart_from_id ("residual", &chart));
  g_assert_cmpint (chart, ==, IAP_REPORT_CHART_RESIDUAL);
  g_assert_true (iap_report_chart_from_id ("triple-hatting", &chart));
  g_assert_cmpint (chart, ==, IAP_REPORT_CHART_TRIPLE_HATTING);
  g_assert_false (iap_report_chart_from_id ("pie", &chart));
}

static void
test_report_export_chart (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("test-report-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *bad = g_build_filename (dir, "chart.gif", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_assert_true (iap_report_export_chart (workshop, IAP_REPORT_CHART_INHERENT, png, 640, 480, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 480);
  cairo_surface_destroy (surface);
  g_assert_false (iap_report_export_chart (workshop, IAP_REPORT_CHART_INHERENT, bad, 640, 480, &error));
  g_assert_error (error, IAP_REPORT_ERROR, 0);
  g_unlink (png);
  g_rmdir (dir);
}

/* Arabic level labels stay beside the heat map's cells, in their
 * column, whatever the direction of their words */
static void
test_heat_map_rtl_labels (void)
{
  static const char * const labels[] = { "نادر", "غير محتمل", "ممكن", "محتمل", "شبه مؤكد" };
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  GListModel *levels = iap_scales_get_likelihood (iap_workshop_get_scales (workshop));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(IapHeatMap) map = NULL;
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (levels, i);

      iap_workshop_set (workshop, level, "label", labels[i], NULL);
    }
  map = iap_heat_map_new (workshop);
  iap_heat_map_layout (map, cr, 640, 480);
  for (guint i = 0; i < map->texts->len; i++)
    {
      IapHeatMapText *text = &g_array_index (map->texts, IapHeatMapText, i);
      const char *words = pango_layout_get_text (text->layout);
      PangoRectangle ink;

      if (text->vertical || strstr (words, "\u2068") == NULL || !g_ascii_isdigit (words[0]))
        continue;
      pango_layout_get_pixel_extents (text->layout, &ink, NULL);
      /* A likelihood label: left of the grid, within the map */
      if (text->y + ink.y >= map->grid.y + map->grid.height)
        continue;
      found++;
      g_assert_cmpfloat (text->x + ink.x, >=, 0);
      g_assert_cmpfloat (text->x + ink.x + ink.width, <=, map->grid.x + 0.5);
    }
  g_assert_cmpuint (found, ==, 5);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The preview's page raster against the PDF's, as pdftoppm draws it at
 * the same resolution. Both are cut into tiles of TILE × TILE pixels;
 * a tile's difference is the mean absolute difference of its grey
 * levels (0-255). Antialiasing differs between cairo and poppler by a
 * few levels along edges (poppler's text is a little darker: up to 15
 * levels on a tile of dense text); a word moved to the next line, a
 * label set in another size or a marker drawn smaller changes a tile by
 * tens of levels. */
#define PREVIEW_SCALE   1.5   /* pixels per point: 108 dpi */
#define TILE            16
#define TILE_TOLERANCE  24.0
#define MEAN_TOLERANCE  10.0

static guint8
grey_at (cairo_surface_t *surface,
         int              x,
         int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);

  return (guint8) ((((pixel >> 16) & 0xff) * 30 + ((pixel >> 8) & 0xff) * 59 + (pixel & 0xff) * 11) / 100);
}

/* The largest difference between two tiles' mean grey levels, and the
 * mean absolute difference of the pixels over the page. */
static double
compare_rasters (cairo_surface_t *a,
                 cairo_surface_t *b,
                 double          *mean)
{
  int width = MIN (cairo_image_surface_get_width (a), cairo_image_surface_get_width (b));
  int height = MIN (cairo_image_surface_get_height (a), cairo_image_surface_get_height (b));
  double worst = 0, total = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int ty = 0; ty + TILE <= height; ty += TILE)
    for (int tx = 0; tx + TILE <= width; tx += TILE)
      {
        double ink = 0;

        for (int y = ty; y < ty + TILE; y++)
          for (int x = tx; x < tx + TILE; x++)
            {
              int d = (int) grey_at (a, x, y) - (int) grey_at (b, x, y);

              ink += d;
              total += ABS (d);
            }
        worst = MAX (worst, ABS (ink) / (TILE * TILE));
      }
  *mean = total / ((double) (width / TILE) * (height / TILE) * TILE * TILE);

  return worst;
}

/* The page as a screen would draw it straight onto a window: hinted
 * metrics and outlines, as the preview did before it drew what the PDF
 * draws. */
static cairo_surface_t *
render_hinted (IapReport *report,
               guint      page,
               double     scale)
{
  cairo_surface_t *surface;
  cairo_font_options_t *font_options = cairo_font_options_create ();
  double width, height;
  cairo_t *cr;

  iap_report_get_page_size (report, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * scale), (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_ON);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_FULL);
  cairo_set_font_options (cr, font_options);
  cairo_font_options_destroy (font_options);
  iap_report_draw_page (report, cr, page);
  cairo_destroy (cr);

  return surface;
}

static void
test_report_preview_raster (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("test-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *resolution = g_strdup_printf ("%g", 72.0 * PREVIEW_SCALE);
  g_autoptr(IapReport) report = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(GError) error = NULL;
  IapReportOptions options;
  double worst_hinted = 0;
  guint n_pages;
  int status = 0;

  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  options.date = date;
  report = iap_report_new (workshop, &options);
  n_pages = iap_report_get_n_pages (report);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_true (iap_report_export_pdf (workshop, &options, pdf, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", resolution, pdf, prefix, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  for (guint page = 0; page < n_pages; page++)
    {
      /* pdftoppm numbers its files with as many digits as the last page */
      g_autofree char *png = g_strdup_printf ("%s-%0*u.png", prefix, n_pages >= 10 ? 2 : 1, page + 1);
      cairo_surface_t *paper = cairo_image_surface_create_from_png (png);
      cairo_surface_t *preview = iap_report_render_page (report, page, PREVIEW_SCALE);
      cairo_surface_t *hinted;
      double mean, worst;

      g_assert_cmpint (cairo_surface_status (paper), ==, CAIRO_STATUS_SUCCESS);
      /* Same size, to the pixel pdftoppm rounds */
      g_assert_cmpint (ABS (cairo_image_surface_get_width (paper) - cairo_image_surface_get_width (preview)), <=, 1);
      g_assert_cmpint (ABS (cairo_image_surface_get_height (paper) - cairo_image_surface_get_height (preview)), <=, 1);
      worst = compare_rasters (preview, paper, &mean);
      g_test_message ("page %u: worst tile %.2f, mean %.3f grey levels", page + 1, worst, mean);
      g_assert_cmpfloat (worst, <=, TILE_TOLERANCE);
      g_assert_cmpfloat (mean, <=, MEAN_TOLERANCE);

      /* The comparison tells pages apart: the next page's raster is
       * far outside the tolerance. */
      /* The comparison sees what a screen's hinting does to the charts:
       * drawn with hinted metrics, some page is far outside it. */
      hinted = render_hinted (report, page, PREVIEW_SCALE);
      worst_hinted = MAX (worst_hinted, compare_rasters (hinted, paper, &mean));
      cairo_surface_destroy (hinted);
      cairo_surface_destroy (preview);
      cairo_surface_destroy (paper);
      g_unlink (png);
    }
  g_test_message ("drawn with hinted metrics: worst tile %.2f", worst_hinted);
  g_assert_cmpfloat (worst_hinted, >, 2 * TILE_TOLERANCE);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/a4", test_report_a4);
  g_test_add_func ("/report/letter", test_report_letter);
  g_test_add_func ("/report/many-risks", test_report_many_risks);
  g_test_add_func ("/report/long-text", test_report_long_text);
  g_test_add_func ("/report/changes-since", test_report_changes_since);
  g_test_add_func ("/report/keep-with-next", test_report_keep_with_next);
  g_test_add_func ("/report/isolates", test_report_isolates);
  g_test_add_func ("/report/heat-map-rtl-labels", test_heat_map_rtl_labels);
  g_test_add_func ("/report/anonymize", test_report_anonymize);
  g_test_add_func ("/report/empty", test_report_empty);
  g_test_add_func ("/report/chart-ids", test_report_chart_ids);
  g_test_add_func ("/report/export-chart", test_report_export_chart);
  g_test_add_func ("/report/preview-raster", test_report_preview_raster);

  return g_test_run ();
}
