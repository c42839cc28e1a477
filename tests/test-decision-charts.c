/* test-decision-charts.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>

#include "iap-chart-text.h"
#include "iap-heat-map.h"
#include "iap-i18n.h"
#include "iap-integration-chart.h"
#include "iap-option-maps.h"
#include "iap-report.h"
#include "iap-workshop-file.h"

/*
 * The charts of the IAP decision: the integration map, and the small
 * multiples of the risks each option brings. Each is drawn on an image
 * (left in the build folder to be looked at) and in a PDF read back with
 * pdftotext; its text alternative says what it shows.
 */

typedef void   (*DrawFunc)   (cairo_t *cr, IapWorkshop *workshop, double width, double height);
typedef double (*HeightFunc) (IapWorkshop *workshop, double width);

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

/* Draws on an image @width wide, as tall as the chart asks; returns the
 * share of its pixels that are not white */
static double
draw_png (IapWorkshop *workshop,
          DrawFunc     draw,
          HeightFunc   get_height,
          double       width,
          const char  *name)
{
  double height = get_height (workshop, width);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)width, (int)(height + 0.999));
  cairo_t *cr = cairo_create (surface);
  guint inked = 0, n = 0;
  const guchar *data;
  int stride;

  g_assert_cmpfloat (height, >, 0);
  draw (cr, workshop, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, g_test_get_filename (G_TEST_BUILT, name, NULL)),
                   ==, CAIRO_STATUS_SUCCESS);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++, n++)
      inked += (*(const guint32 *)(data + y * stride + x * 4) & 0xffffff) != 0xffffff;
  cairo_surface_destroy (surface);

  return (double)inked / MAX (n, 1);
}

static char *
pdf_text (IapWorkshop *workshop,
          DrawFunc     draw,
          HeightFunc   get_height,
          const char  *name)
{
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, name, NULL);
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  double height = get_height (workshop, 700);
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 700, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *pdftotext = NULL;
  int status;

  draw (cr, workshop, 700, height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static void
assert_contains (const char         *text,
                 const char * const *expected)
{
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is missing from:\n%s", expected[i], text);
}

static void
test_map_chart (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autofree char *text = NULL;
  g_autofree char *description = iap_integration_chart_dup_description (workshop);
  double narrow, wide;

  wide = draw_png (workshop, iap_integration_chart_draw, iap_integration_chart_get_height, 900, "integration-map.png");
  narrow = draw_png (workshop, iap_integration_chart_draw, iap_integration_chart_get_height, 420,
                     "integration-map-narrow.png");
  g_assert_cmpfloat (wide, >, 0.03);
  g_assert_cmpfloat (narrow, >, 0.03);

  /* A narrower chart is taller, never cut */
  g_assert_cmpfloat (iap_integration_chart_get_height (workshop, 420), >,
                     iap_integration_chart_get_height (workshop, 900));

  g_assert_nonnull (strstr (description, "Separate: Human rights"));
  g_assert_nonnull (strstr (description, "Transaction costs above the expected impact: Electoral assistance, Early recovery."));

  text = pdf_text (workshop, iap_integration_chart_draw, iap_integration_chart_get_height, "integration-map.pdf");
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* Every area, every depth, and the marks in words */
  assert_contains (text, (const char *[]) {
    "Where to integrate, and how deeply", "Rule of law", "Security sector reform",
    "Disarmament, demobilization and reintegration", "Humanitarian coordination and operations",
    "Joint analysis", "Separate", "Information sharing", "Coordinated planning",
    "Joint programme or joint unit", "Integrated structure", "High risks", "Costs above impact",
    "Impact Low · Costs Medium · Risks Low", NULL });
  /* Every depth is chosen in the example: no column for the undecided */
  g_assert_null (strstr (text, "Not chosen yet"));
}

/* The chart boxes of room mode full screen at 1366 x 768 (under a
 * question of one line, and of two as in French) and 1920 x 1080, with
 * the room's font for each screen's height */
static const struct {
  double width, height, screen_height;
} room_boxes[] = {
  { 1290, 540, 768 },
  { 1290, 490, 768 },
  { 1840, 800, 1080 },
};

/* Leaves what @recording holds in the build folder, to be looked at */
static void
write_recording (cairo_surface_t *recording,
                 double           width,
                 double           height,
                 const char      *name)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)width, (int)height);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (image, g_test_get_filename (G_TEST_BUILT, name, NULL)),
                   ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (image);
}

/* The example with twenty more areas under long French names, some of
 * them not chosen yet, some with both marks: a workshop no screen holds */
static IapWorkshop *
new_big_workshop (void)
{
  IapWorkshop *workshop = load_example ();
  const char *depths[] = { "", "separate", "information-sharing", "coordinated-planning",
                           "joint-programme", "integrated-structure" };

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *label = g_strdup_printf ("Renforcement des capacités nationales de coordination "
                                                "interinstitutionnelle et communication stratégique %u", i + 1);
      IapCatalogEntry *entry = iap_workshop_add_custom_entry (workshop, IAP_CATALOG_INTEGRATION_AREA, label, "");
      IapIntegrationArea *area = iap_workshop_add_integration_area (workshop, iap_catalog_entry_get_id (entry));

      g_object_set (area, "depth", depths[i % G_N_ELEMENTS (depths)],
                    "impact", "low", "costs", i % 2 ? "high" : "low",
                    "risk-level", i % 3 ? "high" : "low", NULL);
    }

  return workshop;
}

/* Each page's text alternative names the areas on it and no other: each
 * area on one page, the whole map when it takes one */
static void
assert_map_pages_described (IapWorkshop *workshop,
                            double       width,
                            double       height,
                            double       font,
                            guint        n_pages)
{
  GListModel *map = iap_workshop_get_integration_map (workshop);
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *whole = iap_integration_chart_dup_description (workshop);

  for (guint page = 0; page < n_pages; page++)
    g_ptr_array_add (pages, iap_integration_chart_dup_room_description (workshop, width, height, font, page));
  if (n_pages == 1)
    g_assert_cmpstr (g_ptr_array_index (pages, 0), ==, whole);
  for (guint i = 0; i < g_list_model_get_n_items (map); i++)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);
      IapCatalogEntry *entry = iap_catalog_lookup (catalog, IAP_CATALOG_INTEGRATION_AREA,
                                                   iap_integration_area_get_area (area));
      const char *label = iap_catalog_entry_get_label (entry);
      g_autofree char *listed = g_strdup_printf ("%s,", label);
      g_autofree char *last = g_strdup_printf ("%s.", label);
      guint on = 0;

      for (guint page = 0; page < n_pages; page++)
        {
          const char *text = g_ptr_array_index (pages, page);

          if (strstr (text, listed) != NULL || strstr (text, last) != NULL)
            on++;
        }
      g_assert_cmpuint (on, ==, 1);
    }
}

/* Draws every room page of @workshop's integration map in each room box:
 * no text below the room's font, nothing outside the box, every area on
 * a page; returns the number of pages in the first box */
static guint
assert_map_fits_room (IapWorkshop *workshop,
                      const char  *name)
{
  guint n_areas = g_list_model_get_n_items (iap_workshop_get_integration_map (workshop));
  guint first_pages = 0;

  for (guint b = 0; b < G_N_ELEMENTS (room_boxes); b++)
    {
      double width = room_boxes[b].width, height = room_boxes[b].height;
      double font = iap_chart_get_room_font (room_boxes[b].screen_height);
      guint n_pages = iap_integration_chart_get_room_pages (workshop, width, height, font);

      g_assert_cmpuint (n_pages, >=, 1);
      if (b == 0)
        first_pages = n_pages;
      for (guint page = 0; page < n_pages; page++)
        {
          cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
          cairo_t *cr = cairo_create (recording);
          double smallest = 0, used, x, y, w, h;
          g_autofree char *file = g_strdup_printf ("%s-%.0f-%u.png", name, width, page + 1);

          used = iap_integration_chart_measure_for_room (workshop, width, height, font, page, &smallest);
          iap_integration_chart_draw_for_room (cr, workshop, width, height, font, page);
          cairo_destroy (cr);
          cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
          g_test_message ("%s %.0f x %.0f, font %.0f: page %u of %u takes %.0f px, smallest text %.1f px",
                          name, width, height, font, page + 1, n_pages, used, smallest);
          g_assert_cmpfloat (smallest, >=, font);
          g_assert_cmpfloat (used, <=, height);
          g_assert_cmpfloat (x, >=, 0);
          g_assert_cmpfloat (y, >=, 0);
          g_assert_cmpfloat (x + w, <=, width);
          g_assert_cmpfloat (y + h, <=, height);

          write_recording (recording, width, height, file);
          cairo_surface_destroy (recording);
        }
      /* More areas than a page holds go on more pages, never smaller */
      if (n_areas > 8)
        g_assert_cmpuint (n_pages, >, 1);
      assert_map_pages_described (workshop, width, height, font, n_pages);
    }

  return first_pages;
}

static void
test_map_room (void)
{
  g_autoptr(IapWorkshop) example = load_example ();
  g_autoptr(IapWorkshop) big = new_big_workshop ();
  g_autoptr(IapWorkshop) empty = iap_workshop_new ();
  guint example_pages = assert_map_fits_room (example, "integration-room");

  g_assert_cmpuint (assert_map_fits_room (big, "integration-room-big"), >, example_pages);
  g_assert_cmpuint (assert_map_fits_room (empty, "integration-room-empty"), ==, 1);
}

/* The example with eight more options, each bringing the example's
 * arrangements in turn: twelve maps */
static IapWorkshop *
new_many_options_workshop (void)
{
  IapWorkshop *workshop = load_example ();
  GPtrArray *options = g_ptr_array_new_with_free_func (g_free);
  const char *arrangements[][3] = { { "triple-hatting", NULL }, { "integrated-office", "co-location" },
                                    { "co-location", NULL }, { NULL } };

  for (guint i = 0; iap_workshop_get_options (workshop)[i] != NULL; i++)
    g_ptr_array_add (options, g_strdup (iap_workshop_get_options (workshop)[i]));
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *label = g_strdup_printf ("Coordonnateur spécial adjoint pour la transition %u", i + 1);
      IapCatalogEntry *entry = iap_workshop_add_custom_entry (workshop, IAP_CATALOG_OPTION, label, "");

      g_ptr_array_add (options, g_strdup (iap_catalog_entry_get_id (entry)));
      iap_workshop_set_option_arrangements (workshop, iap_catalog_entry_get_id (entry), arrangements[i % 4]);
    }
  g_ptr_array_add (options, NULL);
  g_object_set (workshop, "options", options->pdata, NULL);
  g_ptr_array_free (options, TRUE);

  return workshop;
}

/* The small multiples' labels stand clear of each other, whole words on
 * each line, at every width the window and the report draw them: the
 * Triple-hatting step at 1024 x 600 and 1366 x 768 and beyond, the
 * report's text width */
static void
test_option_maps_clear (void)
{
  g_autoptr(IapWorkshop) example = load_example ();
  g_autoptr(IapWorkshop) many = new_many_options_workshop ();
  g_autoptr(IapHeatMap) map = iap_heat_map_new (example);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  IapHeatMapStyle style;

  /* Four maps side by side in a window's width: levels' labels wrapped
   * over each other and broken inside words */
  iap_heat_map_style_init (&style);
  style.show_legend = FALSE;
  style.font_size = 9.6;
  iap_heat_map_set_style (map, &style);
  iap_heat_map_layout (map, cr, 200, 156);
  g_assert_true (iap_heat_map_has_text_clash (map));
  iap_heat_map_layout (map, cr, 560, 437);
  g_assert_false (iap_heat_map_has_text_clash (map));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  for (double width = 400; width <= 1800; width += 40)
    {
      g_assert_false (iap_option_maps_has_text_clash (example, width));
      g_assert_false (iap_option_maps_has_text_clash (many, width));
    }
  draw_png (many, iap_option_maps_draw, iap_option_maps_get_height, 1000, "option-maps-many.png");
}

/* One option a page in a room: no text below the room's font, the map's
 * labels clear, nothing outside the box, for the example's four options
 * and for twelve */
static void
assert_option_maps_fit_room (IapWorkshop *workshop,
                             const char  *name)
{
  for (guint b = 0; b < G_N_ELEMENTS (room_boxes); b++)
    {
      double width = room_boxes[b].width, height = room_boxes[b].height;
      double font = iap_chart_get_room_font (room_boxes[b].screen_height);
      guint n_pages = iap_option_maps_get_room_pages (workshop, width, height, font);

      g_autofree char *whole = iap_option_maps_dup_description (workshop);
      g_auto(GStrv) lines = g_strsplit (whole, "\n", -1);

      g_assert_cmpuint (n_pages, ==, MAX (g_strv_length ((char **)iap_workshop_get_options (workshop)), 1));
      /* A page's text alternative is its option's line of the whole */
      g_assert_cmpuint (g_strv_length (lines), ==, n_pages);
      for (guint page = 0; page < n_pages; page++)
        {
          g_autofree char *described = iap_option_maps_dup_room_description (workshop, width, height, font, page);

          g_assert_cmpstr (described, ==, lines[page]);
        }
      for (guint page = 0; page < n_pages; page++)
        {
          cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
          cairo_t *cr = cairo_create (recording);
          g_autofree char *file = g_strdup_printf ("%s-%.0f-%u.png", name, width, page + 1);
          double smallest = 0, used, x, y, w, h;
          gboolean clash = TRUE;

          used = iap_option_maps_measure_for_room (workshop, width, height, font, page, &smallest, &clash);
          iap_option_maps_draw_for_room (cr, workshop, width, height, font, page);
          cairo_destroy (cr);
          cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
          g_test_message ("%.0f x %.0f, font %.0f: option %u of %u takes %.0f px, smallest text %.1f px%s",
                          width, height, font, page + 1, n_pages, used, smallest, clash ? ", text clashes" : "");
          write_recording (recording, width, height, file);
          /* Pango sets sizes in 1/1024 of a point */
          g_assert_cmpfloat (smallest, >=, font - 1.0 / PANGO_SCALE);
          g_assert_false (clash);
          g_assert_cmpfloat (used, <=, height);
          g_assert_cmpfloat (x, >=, 0);
          g_assert_cmpfloat (y, >=, 0);
          g_assert_cmpfloat (x + w, <=, width);
          g_assert_cmpfloat (y + h, <=, height);
          cairo_surface_destroy (recording);
        }
    }
}

static void
test_option_maps_room (void)
{
  g_autoptr(IapWorkshop) example = load_example ();
  g_autoptr(IapWorkshop) many = new_many_options_workshop ();

  assert_option_maps_fit_room (example, "option-maps-room");
  assert_option_maps_fit_room (many, "option-maps-room-many");
}

/* The example emptied of its options, of its integration areas or of
 * its risks: each map for a room still draws its pages, at the room's
 * font, inside the box */
static void
test_room_nothing_yet (void)
{
  g_autoptr(IapWorkshop) empty = iap_workshop_new ();
  g_autoptr(IapWorkshop) no_options = load_example ();
  g_autoptr(IapWorkshop) no_areas = load_example ();
  g_autoptr(IapWorkshop) no_risks = load_example ();
  const char *none[] = { NULL };
  GListModel *areas = iap_workshop_get_integration_map (no_areas);
  GListModel *risks = iap_workshop_get_risks (no_risks);

  g_object_set (no_options, "options", none, NULL);
  while (g_list_model_get_n_items (areas) > 0)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (areas, 0);

      iap_workshop_remove_integration_area (no_areas, area);
    }
  while (g_list_model_get_n_items (risks) > 0)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, 0);

      iap_workshop_remove_risk (no_risks, risk);
    }

  g_assert_cmpuint (assert_map_fits_room (no_areas, "integration-room-no-areas"), ==, 1);
  assert_map_fits_room (no_options, "integration-room-no-options");
  assert_map_fits_room (no_risks, "integration-room-no-risks");
  assert_option_maps_fit_room (empty, "option-maps-room-empty");
  assert_option_maps_fit_room (no_options, "option-maps-room-no-options");
  assert_option_maps_fit_room (no_areas, "option-maps-room-no-areas");
  assert_option_maps_fit_room (no_risks, "option-maps-room-no-risks");
}

/* In French, whose depths' and levels' names run longer */
static void
test_room_french (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(IapWorkshop) example = NULL;
  g_autoptr(IapWorkshop) big = NULL;
  g_autoptr(IapWorkshop) many = NULL;
  g_autofree char *bound = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));

  g_assert_true (g_file_test (mo, G_FILE_TEST_EXISTS));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  iap_i18n_push_language ("fr");
  example = load_example ();
  big = new_big_workshop ();
  many = new_many_options_workshop ();
  assert_map_fits_room (example, "integration-room-fr");
  assert_map_fits_room (big, "integration-room-big-fr");
  assert_option_maps_fit_room (example, "option-maps-room-fr");
  assert_option_maps_fit_room (many, "option-maps-room-many-fr");
  for (double width = 400; width <= 1800; width += 40)
    g_assert_false (iap_option_maps_has_text_clash (many, width));
  iap_i18n_pop_language ();
  bindtextdomain (GETTEXT_PACKAGE, bound);
}

/* The middle of the longest run of dark pixels on any line of @surface:
 * where a bar of the map lies */
static double
longest_run_middle (cairo_surface_t *surface)
{
  const guchar *data;
  int stride, width, height, best = 0;
  double middle = -1;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0, run = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *)(data + y * stride + x * 4);

        /* Dark: each channel below a quarter */
        if (((pixel >> 16) & 0xff) < 64 && ((pixel >> 8) & 0xff) < 64 && (pixel & 0xff) < 64)
          run++;
        else
          run = 0;
        if (run > best)
          {
            best = run;
            middle = x - run / 2.0;
          }
      }

  return middle;
}

/* In a language written right to left the map reads from the right: an
 * area kept separate has its short bar at the right */
static void
test_map_room_mirrored (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *bound = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  const char *languages[] = { "en", "ar" };

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1290, 540);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *name = g_strdup_printf ("integration-room-%s.png", languages[i]);
      g_autofree char *paper = g_strdup_printf ("integration-map-%s.png", languages[i]);
      IapIntegrationArea *area;
      double middle;

      iap_i18n_push_language (languages[i]);
      area = iap_workshop_add_integration_area (workshop, "rule-of-law");
      g_object_set (area, "depth", "separate", NULL);
      iap_integration_chart_draw_for_room (cr, workshop, 1290, 540, 27, 0);
      cairo_destroy (cr);
      /* On paper too, left to be looked at */
      g_assert_cmpfloat (draw_png (workshop, iap_integration_chart_draw, iap_integration_chart_get_height, 700, paper),
                         >, 0.01);
      iap_i18n_pop_language ();
      g_assert_cmpint (cairo_surface_write_to_png (surface, g_test_get_filename (G_TEST_BUILT, name, NULL)),
                       ==, CAIRO_STATUS_SUCCESS);
      middle = longest_run_middle (surface);
      cairo_surface_destroy (surface);
      g_test_message ("%s: the bar's middle at %.0f px of 1290", languages[i], middle);
      /* Within the first of five columns, from the side the language starts */
      if (i == 0)
        g_assert_cmpfloat (middle, <, 1290 / 5.0);
      else
        g_assert_cmpfloat (middle, >, 1290 * 4 / 5.0);
    }
  bindtextdomain (GETTEXT_PACKAGE, bound);
}

static void
test_map_chart_partial (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  g_autofree char *empty = iap_integration_chart_dup_description (workshop);
  g_autofree char *text = NULL;

  g_assert_cmpstr (empty, ==, "No area on the integration map yet.");
  draw_png (workshop, iap_integration_chart_draw, iap_integration_chart_get_height, 600, "integration-map-empty.png");

  iap_workshop_add_default_integration_areas (workshop);
  draw_png (workshop, iap_integration_chart_draw, iap_integration_chart_get_height, 700, "integration-map-new.png");
  text = pdf_text (workshop, iap_integration_chart_draw, iap_integration_chart_get_height, "integration-map-new.pdf");
  if (text != NULL)
    assert_contains (text, (const char *[]) { "Not chosen yet", "Impact – · Costs – · Risks –", NULL });
}

/* Each option's map holds only its risks, keeping the register's
 * numbers and agreed ratings */
static void
test_option_maps (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autofree char *isolated = iap_option_maps_dup_description (workshop);
  g_autoptr(GRegex) isolates = g_regex_new ("\u2068|\u2069", 0, 0, NULL);
  /* Labels are isolated in their own direction; compare the words */
  g_autofree char *description = g_regex_replace_literal (isolates, isolated, -1, 0, "", 0, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = g_strsplit (description, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "No structural integration: Brings no integration arrangement. No risk of the register.");
  g_assert_true (g_str_has_prefix (lines[2], "Triple-hatted DSRSG/RC/HC: Brings: Triple-hatting, Integrated office. "
                                             "Inherent risk, before mitigation: Critical: 0. High: 2 (4, 5). Medium: 1 (8)."));
  g_assert_nonnull (strstr (lines[1], "1 risk not yet rated"));

  g_assert_cmpfloat (draw_png (workshop, iap_option_maps_draw, iap_option_maps_get_height, 960, "option-maps.png"), >, 0.05);
  draw_png (workshop, iap_option_maps_draw, iap_option_maps_get_height, 480, "option-maps-narrow.png");
  /* Narrow, the maps keep their words whole (their impact labels on
   * alternating lines) rather than going one to a row */
  g_assert_false (iap_option_maps_has_text_clash (workshop, 480));

  text = pdf_text (workshop, iap_option_maps_draw, iap_option_maps_get_height, "option-maps.pdf");
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  assert_contains (text, (const char *[]) {
    "Risks each structural option brings", "Nothing is re-scored", "No structural integration",
    "Brings no integration arrangement", "Current configuration", "Recommended by the group",
    "Brings: Triple-hatting, Integrated office", "3 risks, 3 rated", "Bands of the workshop’s matrix", NULL });
}

/* The heat map's filter: only the listed risks, with their numbers */
static void
test_heat_map_filter (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
  g_autofree char *all = NULL;
  g_autofree char *some = NULL;

  iap_heat_map_set_mode (map, IAP_HEAT_MAP_INHERENT);
  all = iap_heat_map_dup_description (map);
  iap_heat_map_set_risks (map, (const char *[]) { "r2", "r9", NULL });
  some = iap_heat_map_dup_description (map);
  g_assert_cmpstr (all, !=, some);
  g_assert_cmpstr (some, ==, "Inherent risk, before mitigation: Critical: 1 (2). High: 1 (9). Medium: 0. Low: 0. "
                   "0 risks not yet rated.");
  iap_heat_map_set_risks (map, NULL);
  g_clear_pointer (&some, g_free);
  some = iap_heat_map_dup_description (map);
  g_assert_cmpstr (all, ==, some);
}

static void
test_no_options (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  g_autofree char *description = iap_option_maps_dup_description (workshop);

  g_assert_nonnull (strstr (description, "Context"));
  draw_png (workshop, iap_option_maps_draw, iap_option_maps_get_height, 600, "option-maps-empty.png");
}

/* The report's section on the IAP decision: the map, what each option
 * entails with the change recommended, and every requirement's status */
static char *
dup_report_text (IapWorkshop *workshop)
{
  g_autoptr(IapReport) report = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  IapReportOptions options;

  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  report = iap_report_new (workshop, &options);
  for (guint p = 0; p < iap_report_get_n_pages (report); p++)
    {
      g_autofree char *page = iap_report_dup_page_text (report, p);

      g_string_append_printf (text, "%s\n", page);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_report_section (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapWorkshop) empty = iap_workshop_new ();
  g_autofree char *text = dup_report_text (workshop);
  g_autofree char *bare = NULL;
  const char *section = strstr (text, "The IAP decision");

  g_assert_nonnull (section);
  assert_contains (section, (const char *[]) {
    "Where to integrate, and how deeply",
    "Early recovery",
    "Recovery funds may follow political priorities.",
    "What each structural option entails",
    "Triple-hatted DSRSG/RC/HC",
    "The change adds:",
    "Double-hatting",
    "Deputy Designated Official",
    "Risks each structural option brings",
    "IAP minimum requirements and ISF elements",
    "ISF: areas requiring an integrated approach",
    "Integration map: 13 of 13 areas with a depth and the three criteria.",
    "Mitigation plan: 7 of 7 measures with an owner and a due date.",
    "suggested",
    NULL });

  /* A new workshop says what is missing rather than printing nothing */
  bare = dup_report_text (empty);
  section = strstr (bare, "The IAP decision");
  g_assert_nonnull (section);
  assert_contains (section, (const char *[]) {
    "No area on the integration map yet.",
    "Current configuration: not recorded",
    "IAP minimum requirements and ISF elements",
    "ISF: peace consolidation priorities",
    NULL });
}

/* The command line exports each chart alone, by its id */
static void
test_chart_ids (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  const char *ids[] = { "integration-map", "option-maps" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("chart-%s.png", ids[i]);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
      g_autoptr(GError) error = NULL;
      IapReportChart chart;

      g_assert_true (iap_report_chart_from_id (ids[i], &chart));
      g_assert_true (iap_report_export_chart (workshop, chart, path, 800, 600, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decision-charts/map", test_map_chart);
  g_test_add_func ("/decision-charts/map-room", test_map_room);
  g_test_add_func ("/decision-charts/map-room-mirrored", test_map_room_mirrored);
  g_test_add_func ("/decision-charts/map-partial", test_map_chart_partial);
  g_test_add_func ("/decision-charts/option-maps", test_option_maps);
  g_test_add_func ("/decision-charts/option-maps-clear", test_option_maps_clear);
  g_test_add_func ("/decision-charts/option-maps-room", test_option_maps_room);
  g_test_add_func ("/decision-charts/room-french", test_room_french);
  g_test_add_func ("/decision-charts/room-nothing-yet", test_room_nothing_yet);
  g_test_add_func ("/decision-charts/heat-map-filter", test_heat_map_filter);
  g_test_add_func ("/decision-charts/no-options", test_no_options);
  g_test_add_func ("/decision-charts/report", test_report_section);
  g_test_add_func ("/decision-charts/chart-ids", test_chart_ids);

  return g_test_run ();
}
