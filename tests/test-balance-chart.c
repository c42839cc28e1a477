/* test-balance-chart.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "iap-balance-chart.h"
#include "iap-catalog.h"
#include "iap-chart-text.h"
#include "iap-i18n.h"
#include "iap-workshop-file.h"

/*
 * The triple-hatting chart and factor grid on image, PDF and SVG
 * surfaces: the printed chart carries its own words (option labels, both
 * sides, factor labels, totals), and both sides differ in greyscale.
 */

#define WIDTH 900

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

static cairo_surface_t *
draw_png (IapWorkshop *workshop,
          const char  *name,
          gboolean     grid)
{
  double height = grid ? iap_factor_grid_get_height (workshop, WIDTH)
                       : iap_balance_chart_get_height (workshop, WIDTH);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, (int)height);
  cairo_t *cr = cairo_create (surface);

  if (grid)
    iap_factor_grid_draw (cr, workshop, WIDTH, height);
  else
    iap_balance_chart_draw (cr, workshop, WIDTH, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, g_test_get_filename (G_TEST_BUILT, name, NULL)),
                   ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

static double
grey_at (cairo_surface_t *surface,
         int              x,
         int              y)
{
  guint32 pixel;

  cairo_surface_flush (surface);
  pixel = *(guint32 *)(cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);

  return (0.2126 * ((pixel >> 16) & 0xff) + 0.7152 * ((pixel >> 8) & 0xff) + 0.0722 * (pixel & 0xff)) / 255.0;
}

/* Something is drawn on each side of the axis, and its height fits. */
static void
test_chart_image (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  cairo_surface_t *surface = draw_png (workshop, "balance-chart.png", FALSE);
  int height = cairo_image_surface_get_height (surface);
  guint dark_left = 0, dark_right = 0;

  g_assert_cmpint (height, >, 300);
  g_assert_cmpint (height, <, 1400);
  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < WIDTH; x += 2)
      if (grey_at (surface, x, y) < 0.8)
        *(x < WIDTH * 0.6 ? &dark_left : &dark_right) += 1;
  g_assert_cmpuint (dark_left, >, 1000);
  g_assert_cmpuint (dark_right, >, 1000);
  cairo_surface_destroy (surface);

  surface = draw_png (workshop, "factor-grid.png", TRUE);
  g_assert_cmpint (cairo_image_surface_get_height (surface), >, 200);
  cairo_surface_destroy (surface);
}

/* A box too short for the chart scales it down rather than cutting it. */
static void
test_chart_fits (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t *cr = cairo_create (surface);
  gboolean ink_at_bottom = FALSE;

  iap_balance_chart_draw (cr, workshop, 400, 200);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  /* The note at the end of the chart reaches the last rows, not beyond. */
  for (int y = 170; y < 200; y++)
    for (int x = 0; x < 400; x++)
      ink_at_bottom |= grey_at (surface, x, y) < 0.7;
  g_assert_true (ink_at_bottom);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *text = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* A label may wrap onto two lines: compare words, not line breaks. */
  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static void
draw_vector (cairo_surface_t *surface,
             IapWorkshop     *workshop,
             double           chart_height,
             double           grid_height)
{
  cairo_t *cr = cairo_create (surface);

  iap_balance_chart_draw (cr, workshop, WIDTH, chart_height);
  cairo_show_page (cr);
  iap_factor_grid_draw (cr, workshop, WIDTH, grid_height);
  cairo_show_page (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

static void
test_chart_pdf (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "balance-chart.pdf", NULL);
  g_autofree char *svg = g_test_build_filename (G_TEST_BUILT, "balance-chart.svg", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = NULL;
  double chart_height = iap_balance_chart_get_height (workshop, WIDTH);
  double grid_height = iap_factor_grid_get_height (workshop, WIDTH);
  const char *expected[] = { "Benefits", "Risks", "No structural integration", "Double-hatted DSRSG/RC",
                             "Triple-hatted DSRSG/RC/HC", "Executive Representative (ERSG)",
                             "Benefits 92% of their maximum", "Preferential access",
                             "Visibility and security", "Transaction costs", "Recommended by the group",
                             "may be avoided", "4 (20)", "Total transaction costs", "75% (6 of 8)",
                             "Transaction costs, thin bar under the risks" };
  cairo_surface_t *surface;

  surface = cairo_pdf_surface_create (pdf, WIDTH, MAX (chart_height, grid_height));
  draw_vector (surface, workshop, chart_height, grid_height);
  cairo_surface_destroy (surface);
  surface = cairo_svg_surface_create (svg, WIDTH, MAX (chart_height, grid_height));
  draw_vector (surface, workshop, chart_height, grid_height);
  cairo_surface_destroy (surface);

  if ((pdftotext = g_find_program_in_path ("pdftotext")) == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  text = pdf_text (pdf);
  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    if (strstr (text, expected[e]) == NULL)
      g_error ("“%s” is missing from the PDF:\n%s", expected[e], text);
}

static void
test_chart_partial (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autofree char *description = NULL;
  cairo_surface_t *surface;

  iap_workshop_set_factor_score (workshop, "influence", "ersg", -1);
  iap_workshop_set_factor_weight (workshop, "workload", 0);
  description = iap_balance_chart_dup_description (workshop);
  g_assert_nonnull (strstr (description, "Executive Representative (ERSG): Benefits 95% of their maximum · Risks 69% of their maximum · "
                                         "Transaction costs 25% of their maximum."));
  g_assert_nonnull (strstr (description, "2 factors not yet weighted or scored."));
  surface = draw_png (workshop, "balance-chart-partial.png", FALSE);
  cairo_surface_destroy (surface);
  surface = draw_png (workshop, "factor-grid-partial.png", TRUE);
  cairo_surface_destroy (surface);
}

static void
test_chart_empty (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  g_autofree char *description = iap_balance_chart_dup_description (workshop);
  cairo_surface_t *surface;

  g_assert_nonnull (strstr (description, "Context"));
  surface = draw_png (workshop, "balance-chart-empty.png", FALSE);
  cairo_surface_destroy (surface);
  surface = draw_png (workshop, "factor-grid-empty.png", TRUE);
  cairo_surface_destroy (surface);
}

/* On screen, at a laptop's width, a projector's and a room's 4K screen,
 * no text of the chart or the grid is below the minimum, and a wider
 * chart sets larger text; on paper the report's sizes stay. The chart is
 * drawn at each width and written out to be looked at. */
static void
test_chart_screen_text (void)
{
  static const double widths[] = { 1040, 1700, 3400 };
  g_autoptr(IapWorkshop) workshop = load_example ();
  double previous = 0;

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      double chart = iap_balance_chart_get_smallest_text (workshop, widths[w], FALSE, TRUE);
      double grid = iap_balance_chart_get_smallest_text (workshop, widths[w], TRUE, TRUE);
      double height = iap_balance_chart_get_screen_height (workshop, widths[w]);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, widths[w], height);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *name = g_strdup_printf ("balance-chart-screen-%.0f.png", widths[w]);

      g_test_message ("%.0f px wide: smallest text %.1f px (grid %.1f px), %.0f px high",
                      widths[w], chart, grid, height);
      g_assert_cmpfloat (chart, >=, IAP_CHART_MIN_FONT);
      g_assert_cmpfloat (grid, >=, IAP_CHART_MIN_FONT);
      g_assert_cmpfloat (chart, >, previous);
      previous = chart;

      iap_balance_chart_draw_for_screen (cr, workshop, widths[w], height);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_write_to_png (surface, g_test_get_filename (G_TEST_BUILT, name, NULL));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* Paper keeps its smaller print, sized by the page */
  g_assert_cmpfloat (iap_balance_chart_get_smallest_text (workshop, 500, FALSE, FALSE), <, IAP_CHART_MIN_FONT);
}

/* The example with eight more options of the workshop's own, named as
 * long as French names run, each scored on every factor; one of them
 * recommended, and a factor of its own with a long name too. */
static IapWorkshop *
load_many_options (void)
{
  static const char *labels[] = {
    "Représentant exécutif adjoint chargé de la coordination humanitaire et du développement",
    "Coordonnateur résident et humanitaire hors de la structure de la mission",
    "Bureau intégré avec un pôle humanitaire séparé physiquement",
    "Mission politique spéciale allégée, sans composante de protection",
    "Équipe de pays des Nations Unies renforcée, sans présence de la mission",
    "Double casquette avec un adjoint humanitaire distinct auprès des ONG",
    "Triple casquette transitoire, limitée à dix-huit mois de mandat",
    "Structure intégrée régionale couvrant plusieurs pays voisins",
  };
  IapWorkshop *workshop = load_example ();
  GListModel *factors = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_FACTOR);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) options = NULL;
  IapCatalogEntry *factor;

  factor = iap_workshop_add_custom_entry (workshop, IAP_CATALOG_FACTOR,
                                          "Perception de partialité par les groupes armés non étatiques", NULL);
  g_object_set (factor, "polarity", "risk", NULL);
  iap_workshop_set_factor_weight (workshop, iap_catalog_entry_get_id (factor), 5);
  g_strv_builder_addv (builder, (const char **)iap_workshop_get_options (workshop));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      IapCatalogEntry *option = iap_workshop_add_custom_entry (workshop, IAP_CATALOG_OPTION, labels[i], NULL);
      const char *id = iap_catalog_entry_get_id (option);

      g_strv_builder_add (builder, id);
      for (guint f = 0; f < g_list_model_get_n_items (factors); f++)
        {
          g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (factors, f);

          iap_workshop_set_factor_score (workshop, iap_catalog_entry_get_id (entry), id, (int)((i * 3 + f) % 5));
        }
      if (i == 2)
        g_object_set (workshop, "recommendation", id, NULL);
    }
  options = g_strv_builder_end (builder);
  g_object_set (workshop, "options", options, NULL);
  g_assert_cmpuint (g_strv_length ((char **)iap_workshop_get_options (workshop)), ==, 12);

  return workshop;
}

/* The chart box of room mode on a laptop's 1366 x 768 screen and on a
 * full-HD projector's, and the screen's lines, which set the font */
static const struct
{
  double width;
  double height;
  double lines;
} room_boxes[] = {
  { 1290, 540, 768 },
  { 1840, 800, 1080 },
};

/* A chart's room layout */
typedef struct
{
  guint  (*pages)   (IapWorkshop *workshop, double width, double height, double font);
  double (*measure) (IapWorkshop *workshop, double width, double height, double font, guint page,
                     double *smallest, gboolean *cut);
  void   (*draw)    (cairo_t *cr, IapWorkshop *workshop, double width, double height, double font, guint page);
} RoomLayout;

static const RoomLayout balance_room = {
  iap_balance_chart_get_room_pages, iap_balance_chart_measure_for_room, iap_balance_chart_draw_for_room,
};
static const RoomLayout grid_room = {
  iap_factor_grid_get_room_pages, iap_factor_grid_measure_for_room, iap_factor_grid_draw_for_room,
};

/* Every page of a room layout in each box: no text below the room's
 * font, none wider than its place nor a word broken, and each page no
 * taller than the box. Returns the pages at 1366 x 768; the pages are
 * written out to be looked at. */
static guint
check_room_layout (const RoomLayout *layout,
                   IapWorkshop      *workshop,
                   const char       *name)
{
  guint laptop_pages = 0;

  for (guint b = 0; b < G_N_ELEMENTS (room_boxes); b++)
    {
      double width = room_boxes[b].width, height = room_boxes[b].height;
      double font = iap_chart_get_room_font (room_boxes[b].lines);
      guint pages = layout->pages (workshop, width, height, font);

      g_assert_cmpuint (pages, >=, 1);
      for (guint page = 0; page < pages; page++)
        {
          g_autofree char *file = g_strdup_printf ("%s-%.0f-%u.png", name, room_boxes[b].lines, page + 1);
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
          cairo_t *cr = cairo_create (surface);
          double smallest = 0, needed;
          gboolean cut = TRUE;

          needed = layout->measure (workshop, width, height, font, page, &smallest, &cut);
          g_test_message ("%s, %.0f x %.0f at %.1f px, page %u of %u: %.0f px high, smallest text %.1f px",
                          name, width, height, font, page + 1, pages, needed, smallest);
          g_assert_cmpfloat (smallest, >=, font);
          g_assert_cmpfloat (needed, <=, height);
          g_assert_false (cut);

          layout->draw (cr, workshop, width, height, font, page);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_surface_write_to_png (surface, g_test_get_filename (G_TEST_BUILT, file, NULL)),
                           ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
      if (b == 0)
        laptop_pages = pages;
    }

  return laptop_pages;
}

static guint
check_room_chart (IapWorkshop *workshop,
                  const char  *name)
{
  return check_room_layout (&balance_room, workshop, name);
}

/* The options a room decides between side by side: the example's four
 * on one page in the laptop's chart box, under a question of one line
 * and of two, and on the projector's */
static void
check_four_options_fit (IapWorkshop *workshop)
{
  double font = iap_chart_get_room_font (768), smallest = 0;
  gboolean cut = TRUE;

  g_assert_cmpuint (g_strv_length ((char **)iap_workshop_get_options (workshop)), ==, 4);
  g_assert_cmpuint (iap_balance_chart_get_room_pages (workshop, 1290, 540, font), ==, 1);
  g_assert_cmpuint (iap_balance_chart_get_room_pages (workshop, 1290, 490, font), ==, 1);
  g_assert_cmpfloat (iap_balance_chart_measure_for_room (workshop, 1290, 490, font, 0, &smallest, &cut), <=, 490);
  g_assert_cmpfloat (smallest, >=, font);
  g_assert_false (cut);
  g_assert_cmpuint (iap_balance_chart_get_room_pages (workshop, 1840, 800, iap_chart_get_room_font (1080)), ==, 1);
}

/* The chart for a room: the example's four options at 1366 x 768 and on
 * a projector, and twelve options with long French names, which need
 * more pages, not smaller text */
static void
test_chart_room (void)
{
  g_autoptr(IapWorkshop) example = load_example ();
  g_autoptr(IapWorkshop) many = load_many_options ();
  g_autoptr(IapWorkshop) empty = iap_workshop_new ();
  g_autofree char *description = iap_balance_chart_dup_room_description (example);
  double font = iap_chart_get_room_font (768);
  gboolean cut = FALSE;
  guint pages;

  g_assert_cmpuint (check_room_chart (example, "balance-chart-room"), ==, 1);
  check_four_options_fit (example);
  pages = check_room_chart (many, "balance-chart-room-many");
  g_assert_cmpuint (pages, >=, 3);
  g_assert_cmpuint (pages, <, 12);
  /* A page of the twelve at full HD holds more of them */
  g_assert_cmpuint (iap_balance_chart_get_room_pages (many, 1840, 800, iap_chart_get_room_font (1080)), <=, pages);
  /* A box too short for one option still gives each its page */
  g_assert_cmpuint (iap_balance_chart_get_room_pages (example, 1290, 100, font), ==, 4);
  check_room_chart (empty, "balance-chart-room-empty");
  g_assert_cmpuint (iap_balance_chart_get_room_pages (empty, 1290, 540, font), ==, 1);
  /* Too narrow a box is found out, not drawn in smaller type */
  iap_balance_chart_measure_for_room (many, 250, 540, font, 0, NULL, &cut);
  g_assert_true (cut);

  /* The text alternative says what the chart does, the group's words on
   * an option included */
  g_assert_nonnull (strstr (description, "Executive Representative (ERSG): Benefits"));
  g_assert_nonnull (strstr (description, "Double-hatted DSRSG/RC: Recommended by the group."));
  g_assert_nonnull (strstr (description, "Triple-hatted DSRSG/RC/HC: Current configuration."));
}

/* In French, the example's own names and the chart's words, as long as
 * they run, keep to the room's font on the laptop's pages */
static void
test_chart_room_french (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(IapWorkshop) example = NULL;
  g_autoptr(IapWorkshop) many = NULL;
  g_autofree char *description = NULL;

  g_assert_true (g_file_test (mo, G_FILE_TEST_EXISTS));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  iap_i18n_push_language ("fr");
  example = load_example ();
  many = load_many_options ();
  description = iap_balance_chart_dup_room_description (example);
  g_assert_nonnull (strstr (description, "Recommandée par le groupe"));
  g_assert_cmpuint (check_room_chart (example, "balance-chart-room-fr"), ==, 1);
  check_four_options_fit (example);
  g_assert_cmpuint (check_room_chart (many, "balance-chart-room-many-fr"), >=, 3);
  g_assert_cmpuint (check_room_layout (&grid_room, example, "factor-grid-room-fr"), <=, 4);
  check_room_layout (&grid_room, many, "factor-grid-room-many-fr");
  iap_i18n_pop_language ();
}

/* Where the risks' red stands on the room chart: the share of its
 * pixels left of where the benefits' blue begins */
static double
room_risks_left (IapWorkshop *workshop,
                 const char  *file)
{
  double font = iap_chart_get_room_font (768);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1290, 540);
  cairo_t *cr = cairo_create (surface);
  guint left = 0, all = 0;
  int benefits = 1290;

  iap_balance_chart_draw_for_room (cr, workshop, 1290, 540, font, 0);
  cairo_surface_flush (surface);
  /* Where the benefits' blue begins, then the red left of it */
  for (int pass = 0; pass < 2; pass++)
    for (int y = 0; y < 540; y++)
      for (int x = 0; x < 1290; x++)
        {
          guint32 pixel = *(guint32 *)(cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
          int red = (pixel >> 16) & 0xff, blue = pixel & 0xff;

          if (pass == 0 && blue > red + 80)
            benefits = MIN (benefits, x);
          else if (pass == 1 && red > blue + 80)
            {
              all++;
              left += x < benefits;
            }
        }
  g_assert_cmpint (cairo_surface_write_to_png (surface, g_test_get_filename (G_TEST_BUILT, file, NULL)),
                   ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (all, >, 1000);

  return (double) left / all;
}

/* In Arabic the room chart is mirrored as the paper one is: risks right
 * of the axis, the text still at the room's font and in its place */
static void
test_chart_room_arabic (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autoptr(IapWorkshop) example = load_example ();
  g_autoptr(IapWorkshop) arabic = NULL;

  g_assert_cmpfloat (room_risks_left (example, "balance-chart-room-en-risks.png"), >, 0.9);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  iap_i18n_push_language ("ar");
  arabic = load_example ();
  g_assert_cmpfloat (room_risks_left (arabic, "balance-chart-room-ar.png"), <, 0.1);
  check_room_chart (arabic, "balance-chart-room-ar");
  check_room_layout (&grid_room, arabic, "factor-grid-room-ar");
  iap_i18n_pop_language ();
}

/* The factor grid for a room: the example's pages, a side's rows
 * starting a page; twelve options take pages across as well as down */
static void
test_grid_room (void)
{
  g_autoptr(IapWorkshop) example = load_example ();
  g_autoptr(IapWorkshop) many = load_many_options ();
  g_autoptr(IapWorkshop) empty = iap_workshop_new ();
  double font = iap_chart_get_room_font (768);
  guint pages;

  pages = check_room_layout (&grid_room, example, "factor-grid-room");
  g_assert_cmpuint (pages, >=, 2);
  g_assert_cmpuint (pages, <=, 3);
  g_assert_cmpuint (check_room_layout (&grid_room, many, "factor-grid-room-many"), >, pages);
  g_assert_cmpuint (check_room_layout (&grid_room, empty, "factor-grid-room-empty"), ==, 1);
  /* A box for one row at a time still gives every row a page */
  g_assert_cmpuint (iap_factor_grid_get_room_pages (example, 1290, 150, font), >, 6);
}

/* The example's options with no factor of a benefit, risk or
 * transaction-cost polarity: nothing to weigh on either side */
static IapWorkshop *
load_no_balance_factors (void)
{
  IapWorkshop *workshop = load_example ();
  GListModel *factors = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_FACTOR);

  for (guint f = 0; f < g_list_model_get_n_items (factors); f++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (factors, f);

      g_object_set (entry, "polarity", NULL, NULL);
    }
  g_assert_cmpuint (g_strv_length ((char **)iap_workshop_get_options (workshop)), >, 0);

  return workshop;
}

/* Options but no factor to weigh: each room layout draws the summary on
 * one page, at the room's font */
static void
test_room_no_factors (void)
{
  g_autoptr(IapWorkshop) workshop = load_no_balance_factors ();

  g_assert_cmpuint (check_room_layout (&grid_room, workshop, "factor-grid-room-no-factors"), ==, 1);
  g_assert_cmpuint (check_room_chart (workshop, "balance-chart-room-no-factors"), >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/balance-chart/image", test_chart_image);
  g_test_add_func ("/balance-chart/fits", test_chart_fits);
  g_test_add_func ("/balance-chart/pdf", test_chart_pdf);
  g_test_add_func ("/balance-chart/partial", test_chart_partial);
  g_test_add_func ("/balance-chart/empty", test_chart_empty);
  g_test_add_func ("/balance-chart/screen-text", test_chart_screen_text);
  g_test_add_func ("/balance-chart/room", test_chart_room);
  g_test_add_func ("/balance-chart/room-french", test_chart_room_french);
  g_test_add_func ("/balance-chart/grid-room", test_grid_room);
  g_test_add_func ("/balance-chart/room-arabic", test_chart_room_arabic);
  g_test_add_func ("/balance-chart/room-no-factors", test_room_no_factors);

  return g_test_run ();
}
