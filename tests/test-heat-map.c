/* test-heat-map.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "iap-chart-text.h"
#include "iap-heat-map.h"
#include "iap-heat-map-private.h"
#include "iap-i18n.h"
#include "iap-workshop-file.h"

#define WIDTH 900
#define HEIGHT 700

/* The ink of markers (app/render/iap-heat-map-private.h) */
#define IAP_TEST_INK { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0 }

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

typedef struct
{
  cairo_surface_t *surface;
  cairo_t *cr;
} Canvas;

static void
canvas_init (Canvas *canvas,
             int     width,
             int     height)
{
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  canvas->cr = cairo_create (canvas->surface);
  cairo_set_source_rgb (canvas->cr, 1, 1, 1);
  cairo_paint (canvas->cr);
}

static void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}

static void
pixel_at (Canvas   *canvas,
          double    x,
          double    y,
          IapColor *color)
{
  const guint8 *data;
  guint32 pixel;
  int stride;

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  stride = cairo_image_surface_get_stride (canvas->surface);
  pixel = *(const guint32 *)(gconstpointer)(data + (int)y * stride + (int)x * 4);
  color->red = ((pixel >> 16) & 0xff) / 255.0;
  color->green = ((pixel >> 8) & 0xff) / 255.0;
  color->blue = (pixel & 0xff) / 255.0;
}

static void
assert_color (const IapColor *seen,
              const IapColor *expected)
{
  g_assert_cmpfloat_with_epsilon (seen->red, expected->red, 2.5 / 255);
  g_assert_cmpfloat_with_epsilon (seen->green, expected->green, 2.5 / 255);
  g_assert_cmpfloat_with_epsilon (seen->blue, expected->blue, 2.5 / 255);
}

static guint
markers_in_cell (const IapHeatMapMarker *markers,
                 guint                   n_markers,
                 guint                   likelihood,
                 guint                   impact)
{
  guint count = 0;

  for (guint m = 0; m < n_markers; m++)
    count += markers[m].likelihood == likelihood && markers[m].impact == impact;

  return count;
}

/* Each cell is painted in its band's colour: at the centre of the cells
 * no marker covers, and near the bottom right corner of every cell (markers
 * fill a cell from the top left). */
static void
test_heat_map_cell_colours (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
  IapScales *scales = iap_workshop_get_scales (workshop);
  const IapHeatMapMarker *markers;
  guint n_markers, n_checked_centres = 0;
  Canvas canvas;

  canvas_init (&canvas, WIDTH, HEIGHT);
  iap_heat_map_draw (map, canvas.cr, WIDTH, HEIGHT);
  markers = iap_heat_map_get_markers (map, &n_markers);

  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      {
        cairo_rectangle_t cell;
        IapColor seen, fill;

        g_assert_true (iap_heat_map_get_cell (map, l, i, &cell));
        iap_palette_get_band_fill (iap_scales_get_band (scales, l, i), &fill);
        pixel_at (&canvas, cell.x + cell.width - 6, cell.y + cell.height - 6, &seen);
        assert_color (&seen, &fill);
        if (markers_in_cell (markers, n_markers, l, i) == 0)
          {
            pixel_at (&canvas, cell.x + cell.width / 2, cell.y + cell.height / 2, &seen);
            assert_color (&seen, &fill);
            n_checked_centres++;
          }
      }

  g_assert_cmpuint (n_checked_centres, >, 10);
  canvas_clear (&canvas);
}

/* Every rated risk has one marker, in the cell of its rating, on a white
 * disc; the unrated ones have none. */
static void
test_heat_map_markers_in_cells (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
  GListModel *risks = iap_workshop_get_risks (workshop);
  const IapHeatMapMarker *markers;
  guint n_markers, n_rated = 0;
  Canvas canvas;
  IapColor white = { 1, 1, 1 };

  canvas_init (&canvas, WIDTH, HEIGHT);
  iap_heat_map_draw (map, canvas.cr, WIDTH, HEIGHT);
  markers = iap_heat_map_get_markers (map, &n_markers);

  for (guint r = 0; r < g_list_model_get_n_items (risks); r++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, r);
      guint l = iap_risk_get_inherent_likelihood (risk), i = iap_risk_get_inherent_impact (risk);
      const IapHeatMapMarker *found = NULL;

      for (guint m = 0; m < n_markers; m++)
        if (markers[m].risk == r)
          {
            g_assert_null (found);
            found = &markers[m];
          }

      if (l == 0)
        {
          g_assert_null (found);
          continue;
        }

      n_rated++;
      g_assert_nonnull (found);
      g_assert_cmpuint (found->likelihood, ==, l);
      g_assert_cmpuint (found->impact, ==, i);
      {
        cairo_rectangle_t cell;
        IapColor seen;

        g_assert_true (iap_heat_map_get_cell (map, l, i, &cell));
        g_assert_cmpfloat (found->x - found->radius, >=, cell.x);
        g_assert_cmpfloat (found->x + found->radius, <=, cell.x + cell.width);
        g_assert_cmpfloat (found->y - found->radius, >=, cell.y);
        g_assert_cmpfloat (found->y + found->radius, <=, cell.y + cell.height);
        pixel_at (&canvas, found->x - found->radius * 0.78, found->y, &seen);
        assert_color (&seen, &white);
        g_assert_true (iap_heat_map_hit_test (map, found->x, found->y) == found);
      }
    }

  g_assert_cmpuint (n_markers, ==, n_rated);
  g_assert_cmpuint (n_rated, ==, 10);
  canvas_clear (&canvas);
}

static gboolean
canvas_equal (Canvas *a,
              Canvas *b)
{
  int height = cairo_image_surface_get_height (a->surface);
  int stride = cairo_image_surface_get_stride (a->surface);

  cairo_surface_flush (a->surface);
  cairo_surface_flush (b->surface);

  return memcmp (cairo_image_surface_get_data (a->surface),
                 cairo_image_surface_get_data (b->surface),
                 (gsize) height * stride) == 0;
}

/* A redraw for a new selection reuses the painted map: the old selection
 * must go and the new one show, and the frame must be the one a map
 * drawn afresh with that selection gives. */
static void
test_heat_map_selection_redraw (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
  g_autoptr(IapHeatMap) fresh = iap_heat_map_new (workshop);
  const IapColor white = { 1, 1, 1 }, ink = IAP_TEST_INK;
  const IapHeatMapMarker *markers;
  IapHeatMapMarker a, b;
  guint n_markers;
  Canvas canvas, expected;
  IapColor seen;

  canvas_init (&canvas, WIDTH, HEIGHT);
  canvas_init (&expected, WIDTH, HEIGHT);
  iap_heat_map_draw (map, canvas.cr, WIDTH, HEIGHT);
  markers = iap_heat_map_get_markers (map, &n_markers);
  g_assert_cmpuint (n_markers, >=, 2);
  a = markers[0], b = markers[n_markers - 1];
  pixel_at (&canvas, a.x - a.radius * 0.78, a.y, &seen);
  assert_color (&seen, &white);

  iap_heat_map_set_selected (map, a.risk, FALSE);
  iap_heat_map_draw (map, canvas.cr, WIDTH, HEIGHT);
  pixel_at (&canvas, a.x - a.radius * 0.78, a.y, &seen);
  assert_color (&seen, &ink);

  iap_heat_map_set_selected (map, b.risk, TRUE);
  iap_heat_map_draw (map, canvas.cr, WIDTH, HEIGHT);
  pixel_at (&canvas, a.x - a.radius * 0.78, a.y, &seen);
  assert_color (&seen, &white);
  pixel_at (&canvas, b.x - b.radius * 0.78, b.y, &seen);
  assert_color (&seen, &ink);

  /* Frames paint over each other: start both from white */
  cairo_set_source_rgb (canvas.cr, 1, 1, 1);
  cairo_paint (canvas.cr);
  iap_heat_map_draw (map, canvas.cr, WIDTH, HEIGHT);
  iap_heat_map_set_selected (fresh, b.risk, TRUE);
  iap_heat_map_draw (fresh, expected.cr, WIDTH, HEIGHT);
  g_assert_true (canvas_equal (&canvas, &expected));

  canvas_clear (&canvas);
  canvas_clear (&expected);
}

/* The movement view has a marker for each rating and an arrow for each
 * risk whose residual rating moved it to another cell. */
static void
test_heat_map_movement (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
  const IapHeatMapMarker *markers;
  guint n_markers, n_residual = 0;
  Canvas canvas;

  iap_heat_map_set_mode (map, IAP_HEAT_MAP_MOVEMENT);
  canvas_init (&canvas, WIDTH, HEIGHT);
  iap_heat_map_draw (map, canvas.cr, WIDTH, HEIGHT);
  markers = iap_heat_map_get_markers (map, &n_markers);
  for (guint m = 0; m < n_markers; m++)
    n_residual += markers[m].kind == IAP_HEAT_MAP_MARKER_RESIDUAL;

  g_assert_cmpuint (n_residual, ==, 5);
  g_assert_cmpuint (n_markers, ==, 15);
  cairo_surface_write_to_png (canvas.surface,
                              g_test_get_filename (G_TEST_BUILT, "heat-map-movement.png", NULL));
  canvas_clear (&canvas);
}

static void
test_heat_map_description (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
  g_autofree char *inherent = NULL;
  g_autofree char *movement = NULL;

  inherent = iap_heat_map_dup_description (map);
  g_test_message ("%s", inherent);
  g_assert_nonnull (strstr (inherent, "Critical: 1 (2)."));
  g_assert_nonnull (strstr (inherent, "2 risks not yet rated."));
  g_assert_null (strstr (inherent, "Residual"));

  iap_heat_map_set_mode (map, IAP_HEAT_MAP_MOVEMENT);
  movement = iap_heat_map_dup_description (map);
  g_assert_nonnull (strstr (movement, "Residual risk"));
  g_assert_nonnull (strstr (movement, "7 risks not yet rated."));
}

static IapWorkshop *
crowded_workshop (guint n_risks,
                  guint seed)
{
  IapWorkshop *workshop = iap_workshop_new ();
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint r = 0; r < n_risks; r++)
    {
      IapRisk *risk = iap_workshop_add_risk (workshop, "co-location", "access", "Risk");
      guint l = g_rand_int_range (rand, 1, 6), i = g_rand_int_range (rand, 1, 6);

      /* A third of them crowd into one cell. */
      if (r % 3 == 0)
        l = 4, i = 4;
      iap_workshop_set (workshop, risk,
                        "inherent-likelihood", l, "inherent-impact", i,
                        "residual-likelihood", MAX (1, l - 1), "residual-impact", i,
                        NULL);
    }
  g_rand_free (rand);

  return workshop;
}

static void
assert_no_overlap (IapHeatMap *map,
                   guint       n_expected)
{
  const IapHeatMapMarker *markers;
  const IapHeatMapBadge *badges;
  guint n_markers, n_badges, n_hidden = 0;

  markers = iap_heat_map_get_markers (map, &n_markers);
  badges = iap_heat_map_get_badges (map, &n_badges);

  for (guint b = 0; b < n_badges; b++)
    n_hidden += badges[b].n_hidden;
  g_assert_cmpuint (n_markers + n_hidden, ==, n_expected);
  g_assert_cmpuint (n_badges, >, 0);

  for (guint a = 0; a < n_markers; a++)
    {
      cairo_rectangle_t cell;

      g_assert_true (iap_heat_map_get_cell (map, markers[a].likelihood, markers[a].impact, &cell));
      g_assert_cmpfloat (markers[a].x - markers[a].radius, >=, cell.x);
      g_assert_cmpfloat (markers[a].x + markers[a].radius, <=, cell.x + cell.width);
      g_assert_cmpfloat (markers[a].y - markers[a].radius, >=, cell.y);
      g_assert_cmpfloat (markers[a].y + markers[a].radius, <=, cell.y + cell.height);

      for (guint b = a + 1; b < n_markers; b++)
        g_assert_cmpfloat (hypot (markers[a].x - markers[b].x, markers[a].y - markers[b].y), >=,
                           markers[a].radius + markers[b].radius);

      for (guint b = 0; b < n_badges; b++)
        g_assert_false (markers[a].x + markers[a].radius > badges[b].x &&
                        markers[a].x - markers[a].radius < badges[b].x + badges[b].width &&
                        markers[a].y + markers[a].radius > badges[b].y &&
                        markers[a].y - markers[a].radius < badges[b].y + badges[b].height);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* 400 risks: no two markers overlap, every risk is a marker or counted in
 * a "+N", and a redraw (the layout done) stays fast. */
static void
test_heat_map_crowded (void)
{
  g_autoptr(IapWorkshop) workshop = crowded_workshop (400, 7);
  g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
  double times[41];
  gint64 start;
  Canvas canvas;

  canvas_init (&canvas, 640, 520);
  start = g_get_monotonic_time ();
  iap_heat_map_layout (map, canvas.cr, 640, 520);
  g_test_message ("layout of 400 risks: %.2f ms", (g_get_monotonic_time () - start) / 1000.0);
  assert_no_overlap (map, 400);

  for (guint t = 0; t < G_N_ELEMENTS (times); t++)
    {
      start = g_get_monotonic_time ();
      iap_heat_map_set_selected (map, t * 7, TRUE);
      iap_heat_map_draw (map, canvas.cr, 640, 520);
      cairo_surface_flush (canvas.surface);
      times[t] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);
  g_test_message ("redraw of 400 risks: median %.2f ms", times[G_N_ELEMENTS (times) / 2]);
  /* Speed is measured by the benchmarks (tests/bench), not asserted here. */
  cairo_surface_write_to_png (canvas.surface,
                              g_test_get_filename (G_TEST_BUILT, "heat-map-400.png", NULL));

  iap_heat_map_set_mode (map, IAP_HEAT_MAP_MOVEMENT);
  iap_heat_map_layout (map, canvas.cr, 640, 520);
  assert_no_overlap (map, 800);
  canvas_clear (&canvas);
}

/* How many pixels of two frames differ by more than a rounding */
static guint
pixels_apart (Canvas *a,
              Canvas *b)
{
  int width = cairo_image_surface_get_width (a->surface);
  int height = cairo_image_surface_get_height (a->surface);
  int stride = cairo_image_surface_get_stride (a->surface);
  const guint8 *p, *q;
  guint apart = 0;

  cairo_surface_flush (a->surface);
  cairo_surface_flush (b->surface);
  p = cairo_image_surface_get_data (a->surface);
  q = cairo_image_surface_get_data (b->surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      if (ABS ((int) p[y * stride + x] - (int) q[y * stride + x]) > 2 && x % 4 != 3)
        {
          apart++;
          x += 3 - x % 4;
        }

  return apart;
}

/* After a change of ratings the map lays out and paints again only the
 * cells the risks left or joined: what it shows must be what a map laid
 * out afresh shows, markers and pixels, whichever the change (into an
 * empty cell, out of a crowded one, a risk no longer rated, the count of
 * risks not yet rated in the legend). A layer
 * still held (the view's texture) is never painted over. */
static void
test_heat_map_edit_relayout (void)
{
  g_autoptr(IapWorkshop) workshop = crowded_workshop (120, 11);
  g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
  GListModel *risks = iap_workshop_get_risks (workshop);
  struct { guint risk, likelihood, impact; } edits[] = {
    { 0, 4, 4 }, { 5, 1, 5 }, { 5, 5, 1 }, { 9, 2, 2 }, { 0, 3, 3 }, { 12, 0, 0 }, { 12, 1, 1 },
    /* Not rated: the legend's count comes, changes and goes */
    { 20, 0, 0 }, { 21, 0, 0 }, { 22, 0, 0 }, { 21, 2, 4 }, { 20, 5, 5 }, { 22, 1, 2 },
  };
  cairo_surface_t *held;
  g_autofree guint8 *held_pixels = NULL;
  gsize held_size;
  gboolean with_badges = FALSE;
  Canvas canvas, expected;

  canvas_init (&canvas, 640, 520);
  canvas_init (&expected, 640, 520);
  iap_heat_map_draw (map, canvas.cr, 640, 520);

  held = cairo_surface_reference (iap_heat_map_get_layer (map, canvas.cr, 640, 520, 1));
  held_size = (gsize) cairo_image_surface_get_stride (held) * cairo_image_surface_get_height (held);
  held_pixels = g_memdup2 (cairo_image_surface_get_data (held), held_size);

  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, edits[e].risk);
      g_autoptr(IapHeatMap) fresh = NULL;
      const IapHeatMapMarker *markers, *fresh_markers;
      const IapHeatMapBadge *badges, *fresh_badges;
      guint n, n_fresh, n_badges, n_fresh_badges, apart;

      iap_workshop_set (workshop, risk,
                        "inherent-likelihood", edits[e].likelihood,
                        "inherent-impact", edits[e].impact, NULL);
      iap_heat_map_invalidate (map);
      cairo_set_source_rgb (canvas.cr, 1, 1, 1);
      cairo_paint (canvas.cr);
      iap_heat_map_draw (map, canvas.cr, 640, 520);

      fresh = iap_heat_map_new (workshop);
      cairo_set_source_rgb (expected.cr, 1, 1, 1);
      cairo_paint (expected.cr);
      iap_heat_map_draw (fresh, expected.cr, 640, 520);

      markers = iap_heat_map_get_markers (map, &n);
      fresh_markers = iap_heat_map_get_markers (fresh, &n_fresh);
      g_assert_cmpuint (n, ==, n_fresh);
      for (guint m = 0; m < n; m++)
        {
          g_assert_cmpuint (markers[m].risk, ==, fresh_markers[m].risk);
          g_assert_cmpuint (markers[m].kind, ==, fresh_markers[m].kind);
          g_assert_cmpfloat (markers[m].x, ==, fresh_markers[m].x);
          g_assert_cmpfloat (markers[m].y, ==, fresh_markers[m].y);
          g_assert_cmpfloat (markers[m].radius, ==, fresh_markers[m].radius);
        }
      badges = iap_heat_map_get_badges (map, &n_badges);
      fresh_badges = iap_heat_map_get_badges (fresh, &n_fresh_badges);
      g_assert_cmpuint (n_badges, ==, n_fresh_badges);
      for (guint b = 0; b < n_badges; b++)
        {
          g_assert_cmpuint (badges[b].n_hidden, ==, fresh_badges[b].n_hidden);
          g_assert_cmpfloat (badges[b].x, ==, fresh_badges[b].x);
          g_assert_cmpfloat (badges[b].y, ==, fresh_badges[b].y);
        }

      apart = pixels_apart (&canvas, &expected);
      g_test_message ("edit %u: %u pixels apart, %u \"+N\"", e, apart, n_badges);
      g_assert_cmpuint (apart, ==, 0);
      with_badges |= n_badges > 0;
    }
  g_assert_true (with_badges);

  g_assert_true (iap_heat_map_get_layer (map, canvas.cr, 640, 520, 1) != held);
  g_assert_true (memcmp (cairo_image_surface_get_data (held), held_pixels, held_size) == 0);
  cairo_surface_destroy (held);
  canvas_clear (&canvas);
  canvas_clear (&expected);
}

/* The mean of red, green and blue over the inner half of a badge */
static double
mean_lightness (Canvas                *canvas,
                const IapHeatMapBadge *badge)
{
  double sum = 0;
  guint n = 0;

  for (double y = badge->y + badge->height * 0.25; y < badge->y + badge->height * 0.75; y++)
    for (double x = badge->x + badge->height * 0.5; x < badge->x + badge->width - badge->height * 0.5; x++)
      {
        IapColor c;

        pixel_at (canvas, x, y, &c);
        sum += (c.red + c.green + c.blue) / 3;
        n++;
      }

  return n > 0 ? sum / n : 0;
}

/* The arrow keys reach every risk on the map, those counted in a "+N"
 * too; such a risk, selected, shows as its cell's badge turned dark. */
static void
test_heat_map_hidden_risks (void)
{
  g_autoptr(IapWorkshop) workshop = crowded_workshop (400, 7);
  g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
  const IapHeatMapMarker *markers;
  const IapHeatMapBadge *badges, *badge = NULL;
  double before, after;
  g_autofree gboolean *has_marker = g_new0 (gboolean, 400);
  guint n_markers, n_badges, visited = 0;
  int risk = -1, hidden = -1, last = -1;
  Canvas canvas;

  canvas_init (&canvas, 640, 520);
  iap_heat_map_draw (map, canvas.cr, 640, 520);
  markers = iap_heat_map_get_markers (map, &n_markers);
  badges = iap_heat_map_get_badges (map, &n_badges);
  g_assert_cmpuint (n_badges, >, 0);
  for (guint m = 0; m < n_markers; m++)
    has_marker[markers[m].risk] = TRUE;

  /* Forwards through every rated risk, in register order */
  while ((risk = iap_heat_map_next_risk (map, risk, 1)) >= 0)
    {
      g_assert_cmpint (risk, >, last);
      last = risk;
      visited++;
      if (!has_marker[risk] && hidden < 0)
        hidden = risk;
    }
  g_assert_cmpuint (visited, ==, 400);
  g_assert_cmpint (iap_heat_map_next_risk (map, -1, -1), ==, 399);
  g_assert_cmpint (hidden, >=, 0);

  /* Risks are crowded into 4 x 4: the hidden one is counted there */
  for (guint b = 0; b < n_badges; b++)
    if (badges[b].likelihood == 4 && badges[b].impact == 4)
      badge = &badges[b];
  g_assert_nonnull (badge);
  before = mean_lightness (&canvas, badge);

  iap_heat_map_set_selected (map, hidden, FALSE);
  iap_heat_map_draw (map, canvas.cr, 640, 520);
  after = mean_lightness (&canvas, badge);
  g_test_message ("badge lightness: %.2f, selected %.2f", before, after);
  /* White with dark text and outline, then dark with white text */
  g_assert_cmpfloat (before, >, 0.6);
  g_assert_cmpfloat (after, <, 0.45);
  canvas_clear (&canvas);
}

/* Every supported size lays out: one cell per pair of levels, each risk in
 * its cell. */
static void
test_heat_map_sizes (void)
{
  for (guint n = IAP_SCALE_MIN_LEVELS; n <= IAP_SCALE_MAX_LEVELS; n++)
    {
      g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
      g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
      g_autoptr(GError) error = NULL;
      const IapHeatMapMarker *markers;
      cairo_rectangle_t cell;
      guint n_markers;
      Canvas canvas;
      IapRisk *risk;

      g_assert_true (iap_workshop_resize_scales (workshop, n, n, &error));
      g_assert_no_error (error);
      risk = iap_workshop_add_risk (workshop, "un-logo", "access", "Top corner");
      iap_workshop_set (workshop, risk, "inherent-likelihood", n, "inherent-impact", n, NULL);

      canvas_init (&canvas, 500, 400);
      iap_heat_map_draw (map, canvas.cr, 500, 400);
      g_assert_true (iap_heat_map_get_cell (map, n, n, &cell));
      g_assert_false (iap_heat_map_get_cell (map, n + 1, 1, &cell));
      markers = iap_heat_map_get_markers (map, &n_markers);
      g_assert_cmpuint (n_markers, ==, 1);
      g_assert_cmpuint (markers[0].likelihood, ==, n);
      g_assert_cmpuint (markers[0].impact, ==, n);
      canvas_clear (&canvas);
    }
}

/* Each cell is headed by its band and its levels, likelihood then
 * impact; never by their product, which ordinal levels do not have. */
static void
test_heat_map_cell_levels (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
  IapScales *scales = iap_workshop_get_scales (workshop);
  guint found = 0;
  Canvas canvas;

  canvas_init (&canvas, WIDTH, HEIGHT);
  iap_heat_map_draw (map, canvas.cr, WIDTH, HEIGHT);
  for (guint l = 1; l <= iap_scales_get_n_likelihood (scales); l++)
    for (guint i = 1; i <= iap_scales_get_n_impact (scales); i++)
      {
        g_autofree char *levels = g_strdup_printf ("%u×%u", l, i);
        g_autofree char *product = g_strdup_printf (" %u", l * i);
        cairo_rectangle_t cell;

        g_assert_true (iap_heat_map_get_cell (map, l, i, &cell));
        for (guint t = 0; t < map->texts->len; t++)
          {
            IapHeatMapText *text = &g_array_index (map->texts, IapHeatMapText, t);
            const char *words = pango_layout_get_text (text->layout);

            if (text->x < cell.x || text->x >= cell.x + cell.width ||
                text->y < cell.y || text->y >= cell.y + cell.height ||
                !g_str_has_prefix (words, iap_band_get_label (iap_scales_get_band (scales, l, i))))
              continue;
            g_assert_nonnull (strstr (words, levels));
            if (l * i > 5)
              g_assert_null (strstr (words, product));
            found++;
          }
      }
  g_assert_cmpuint (found, ==, iap_scales_get_n_likelihood (scales) * iap_scales_get_n_impact (scales));
  canvas_clear (&canvas);
}

/* How far the ink of each cell's heading is from the cell's left and
 * right edges, summed over the cells */
static void
heading_gaps (double *left,
              double *right)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
  IapScales *scales = iap_workshop_get_scales (workshop);
  Canvas canvas;

  *left = *right = 0;
  canvas_init (&canvas, WIDTH, HEIGHT);
  iap_heat_map_draw (map, canvas.cr, WIDTH, HEIGHT);
  for (guint l = 1; l <= iap_scales_get_n_likelihood (scales); l++)
    for (guint i = 1; i <= iap_scales_get_n_impact (scales); i++)
      {
        guint c = iap_heat_map_cell_index (map, l, i);
        IapHeatMapText *text = &g_array_index (map->texts, IapHeatMapText, map->headings[c]);
        PangoRectangle ink;
        cairo_rectangle_t cell;

        g_assert_true (iap_heat_map_get_cell (map, l, i, &cell));
        pango_layout_get_pixel_extents (text->layout, &ink, NULL);
        *left += text->x + ink.x - cell.x;
        *right += cell.x + cell.width - (text->x + ink.x + ink.width);
      }
  canvas_clear (&canvas);
}

/* A cell's heading starts where its reader starts, as the legend does:
 * top left in English, top right in Arabic (the axes stay as they are) */
static void
test_heat_map_heading_direction (void)
{
  g_autofree char *localedir = g_dir_make_tmp ("test-heat-map-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (localedir, "ar", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *built = g_test_build_filename (G_TEST_BUILT, "i18n-ar.mo", NULL);
  double left, right;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (symlink (built, mo), ==, 0);
  bindtextdomain (GETTEXT_PACKAGE, localedir);

  heading_gaps (&left, &right);
  g_assert_cmpfloat (left * 3, <, right);
  iap_i18n_push_language ("ar");
  g_assert_true (g_str_equal (C_("text direction", "default:LTR"), "default:RTL"));
  heading_gaps (&left, &right);
  iap_i18n_pop_language ();
  g_assert_cmpfloat (right * 3, <, left);

  g_unlink (mo);
  g_rmdir (dir);
  g_free (g_steal_pointer (&dir));
  dir = g_build_filename (localedir, "ar", NULL);
  g_rmdir (dir);
  g_rmdir (localedir);
}

static gboolean
boxes_meet (double x0, double y0, double x1, double y1,
            double u0, double v0, double u1, double v1)
{
  return x0 < u1 && u0 < x1 && y0 < v1 && v0 < y1;
}

/* Whether the disc of @marker covers ink of any line of a text that
 * starts in its cell: the band and score written in its corner. */
static gboolean
covers_heading (IapHeatMap             *map,
                const IapHeatMapMarker *marker)
{
  cairo_rectangle_t cell;

  g_assert_true (iap_heat_map_get_cell (map, marker->likelihood, marker->impact, &cell));
  for (guint t = 0; t < map->texts->len; t++)
    {
      IapHeatMapText *text = &g_array_index (map->texts, IapHeatMapText, t);
      PangoLayoutIter *iter;

      if (text->x < cell.x || text->x >= cell.x + cell.width ||
          text->y < cell.y || text->y >= cell.y + cell.height)
        continue;
      iter = pango_layout_get_iter (text->layout);
      do
        {
          PangoRectangle ink;
          double x, y;

          pango_layout_iter_get_line_extents (iter, &ink, NULL);
          x = text->x + pango_units_to_double (ink.x);
          y = text->y + pango_units_to_double (ink.y);
          if (ink.width > 0 &&
              boxes_meet (marker->x - marker->radius, marker->y - marker->radius,
                          marker->x + marker->radius, marker->y + marker->radius,
                          x, y, x + pango_units_to_double (ink.width),
                          y + pango_units_to_double (ink.height)))
            {
              pango_layout_iter_free (iter);
              return TRUE;
            }
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  return FALSE;
}

/* Whether every text that starts in @cell ends in it too: the band and
 * levels written in its corner, all of their lines. */
static gboolean
headings_inside (IapHeatMap              *map,
                 const cairo_rectangle_t *cell)
{
  guint found = 0;

  for (guint t = 0; t < map->texts->len; t++)
    {
      IapHeatMapText *text = &g_array_index (map->texts, IapHeatMapText, t);
      PangoRectangle logical;

      if (text->x < cell->x || text->x >= cell->x + cell->width ||
          text->y < cell->y || text->y >= cell->y + cell->height)
        continue;
      pango_layout_get_extents (text->layout, NULL, &logical);
      if (text->y + pango_units_to_double (logical.y + logical.height) > cell->y + cell->height + 1e-6 ||
          text->x + pango_units_to_double (logical.x + logical.width) > cell->x + cell->width + 1e-6)
        return FALSE;
      found++;
    }

  return found > 0;
}

/* A marker lies inside its cell and leaves its heading readable */
static void
assert_in_cell (IapHeatMap             *map,
                const IapHeatMapMarker *marker)
{
  cairo_rectangle_t cell;

  g_assert_true (iap_heat_map_get_cell (map, marker->likelihood, marker->impact, &cell));
  g_assert_cmpfloat (marker->x - marker->radius, >=, cell.x);
  g_assert_cmpfloat (marker->x + marker->radius, <=, cell.x + cell.width);
  g_assert_cmpfloat (marker->y - marker->radius, >=, cell.y);
  g_assert_cmpfloat (marker->y + marker->radius, <=, cell.y + cell.height);
  g_assert_false (covers_heading (map, marker));
}

/* At the size of the report's summary page, where a cell has no room
 * below its band and score, every marker still sits inside its cell and
 * leaves the band's name and the score readable, whatever the font: its
 * line height decides how much room is left. */
static void
check_small (IapWorkshop *workshop,
             const char  *family)
{
  static const double sizes[][2] = { { 240.6, 152.9 }, { 300, 190 }, { 540, 420 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (IapHeatMapMode mode = IAP_HEAT_MAP_INHERENT; mode <= IAP_HEAT_MAP_RESIDUAL; mode++)
      {
        g_autoptr(IapHeatMap) map = iap_heat_map_new (workshop);
        cairo_surface_t *surface = cairo_pdf_surface_create (NULL, sizes[s][0], sizes[s][1]);
        cairo_t *cr = cairo_create (surface);
        const IapHeatMapMarker *markers;
        const IapHeatMapBadge *badges;
        guint n_markers, n_badges, n_hidden = 0;
        guint n_rated = mode == IAP_HEAT_MAP_INHERENT ? 10 : 5;

        iap_heat_map_set_font_family (map, family);
        iap_heat_map_set_mode (map, mode);
        iap_heat_map_layout (map, cr, sizes[s][0], sizes[s][1]);
        markers = iap_heat_map_get_markers (map, &n_markers);
        badges = iap_heat_map_get_badges (map, &n_badges);
        for (guint b = 0; b < n_badges; b++)
          {
            cairo_rectangle_t cell;

            n_hidden += badges[b].n_hidden;
            g_assert_true (iap_heat_map_get_cell (map, badges[b].likelihood, badges[b].impact, &cell));
            g_assert_cmpfloat (badges[b].x, >=, cell.x);
            g_assert_cmpfloat (badges[b].x + badges[b].width, <=, cell.x + cell.width);
            g_assert_cmpfloat (badges[b].y, >=, cell.y);
            g_assert_cmpfloat (badges[b].y + badges[b].height, <=, cell.y + cell.height);
          }
        for (guint l = 1; l <= iap_scales_get_n_likelihood (iap_workshop_get_scales (workshop)); l++)
          for (guint i = 1; i <= iap_scales_get_n_impact (iap_workshop_get_scales (workshop)); i++)
            {
              cairo_rectangle_t cell;

              g_assert_true (iap_heat_map_get_cell (map, l, i, &cell));
              g_assert_true (headings_inside (map, &cell));
            }
        /* Smaller markers rather than a "+N": a map hides risks behind
         * a count only once its markers are down to the smallest size.
         * At the report's own size, whether every marker fits depends on
         * the widths of the font's digits. */
        if (n_badges > 0)
          for (guint m = 0; m < n_markers; m++)
            g_assert_cmpfloat (markers[m].radius, <=, 3.0);
        g_assert_cmpuint (n_markers + n_hidden, ==, n_rated);
        for (guint m = 0; m < n_markers; m++)
          assert_in_cell (map, &markers[m]);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

static void
test_heat_map_small (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  /* Families of very different line heights; those installed are tried,
   * and the default "Sans" always */
  static const char *families[] = { "DejaVu Sans", "Noto Sans", "Cantarell",
                                    "Liberation Sans", "FreeSans" };
  PangoFontMap *fonts = pango_cairo_font_map_get_default ();
  PangoFontFamily **installed = NULL;
  int n_installed = 0;

  check_small (workshop, NULL);
  pango_font_map_list_families (fonts, &installed, &n_installed);
  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    for (int k = 0; k < n_installed; k++)
      if (g_ascii_strcasecmp (pango_font_family_get_name (installed[k]), families[f]) == 0)
        {
          g_test_message ("font family: %s", families[f]);
          check_small (workshop, families[f]);
          break;
        }
  g_free (installed);
}

static void
draw_pages (cairo_surface_t *surface,
            IapWorkshop     *workshop)
{
  cairo_t *cr = cairo_create (surface);

  for (IapHeatMapMode mode = IAP_HEAT_MAP_INHERENT; mode <= IAP_HEAT_MAP_MOVEMENT; mode++)
    {
      iap_heat_map_draw_workshop (cr, workshop, mode, 540, 420, NULL);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
}

/* The PDF carries the band names, axis titles and marker numbers as text. */
static void
test_heat_map_pdf (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "heat-map.pdf", NULL);
  g_autofree char *svg = g_test_build_filename (G_TEST_BUILT, "heat-map.svg", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  cairo_surface_t *surface;
  const char *argv[] = { "pdftotext", "-f", "1", "-l", "1", pdf, "-", NULL };
  const char *expected[] = { "Low", "Medium", "High", "Critical", "Likelihood", "Impact",
                             "Almost certain", "Severe" };
  g_autofree char *pdftotext = NULL;
  int status;

  surface = cairo_pdf_surface_create (pdf, 540, 420);
  draw_pages (surface, workshop);
  cairo_surface_destroy (surface);
  surface = cairo_svg_surface_create (svg, 540, 420);
  draw_pages (surface, workshop);
  cairo_surface_destroy (surface);

  if ((pdftotext = g_find_program_in_path ("pdftotext")) == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    g_assert_nonnull (strstr (text, expected[e]));

  /* Each rated risk's number appears as a word of its own. */
  words = g_regex_split_simple ("\\s+", text, 0, 0);
  for (guint number = 1; number <= 10; number++)
    {
      g_autofree char *word = g_strdup_printf ("%u", number);

      g_assert_true (g_strv_contains ((const char * const *)words, word));
    }
}

/* Not a check: the images a person looks at, in the build folder. */
static void
test_heat_map_images (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  const char *names[] = { "heat-map-inherent.png", "heat-map-residual.png", "heat-map-movement-large.png" };

  for (IapHeatMapMode mode = IAP_HEAT_MAP_INHERENT; mode <= IAP_HEAT_MAP_MOVEMENT; mode++)
    {
      Canvas canvas;

      canvas_init (&canvas, WIDTH, HEIGHT);
      iap_heat_map_draw_workshop (canvas.cr, workshop, mode, WIDTH, HEIGHT, NULL);
      g_assert_cmpint (cairo_surface_write_to_png (canvas.surface,
                                                   g_test_get_filename (G_TEST_BUILT, names[mode], NULL)),
                       ==, CAIRO_STATUS_SUCCESS);
      canvas_clear (&canvas);
    }
}

/* The map as the window draws it, @width x @height pixels: text by the
 * rule of docs/charts.md, never below the minimum */
static IapHeatMap *
screen_map (IapWorkshop *workshop,
            double       width,
            double       height)
{
  IapHeatMap *map = iap_heat_map_new (workshop);
  IapHeatMapStyle style;

  iap_heat_map_style_init (&style);
  style.font_size = iap_chart_get_screen_font (width, height);
  style.min_font_size = IAP_CHART_MIN_FONT;
  style.shrink_to_fit = TRUE;
  iap_heat_map_set_style (map, &style);

  return map;
}

/* The smallest font of the texts the layout placed, read from each
 * text's own layout */
static double
smallest_font (GArray *texts)
{
  double smallest = G_MAXDOUBLE;

  for (guint t = 0; t < texts->len; t++)
    {
      PangoLayout *layout = g_array_index (texts, IapHeatMapText, t).layout;
      PangoRectangle ink;

      smallest = MIN (smallest, pango_units_to_double (pango_font_description_get_size (pango_layout_get_font_description (layout))));
      /* Set, not only asked for: the ink of a line of text at 14 px is
       * some pixels high */
      pango_layout_get_pixel_extents (layout, &ink, NULL);
      g_assert_cmpint (ink.height, >=, 7);
    }

  return smallest;
}

/* At a laptop's 1366 x 768 (the size the risk matrix step gives the
 * map), a projector's 1920 x 1080 and a room's 4K screen, the map's
 * text, its cells' headings and markers' numbers included, is at least
 * the minimum, grows with the map, and markers are at least as large as
 * their numbers; crowded cells say "+N" rather than shrink them. */
static void
test_heat_map_screen_text (void)
{
  static const double sizes[][2] = { { 560, 420 }, { 1000, 760 }, { 1800, 1400 } };
  g_autoptr(IapWorkshop) example = load_example ();
  g_autoptr(IapWorkshop) crowded = crowded_workshop (400, 3);
  double previous = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double width = sizes[s][0], height = sizes[s][1];
      g_autoptr(IapHeatMap) map = screen_map (example, width, height);
      g_autoptr(IapHeatMap) full = screen_map (crowded, width, height);
      const IapHeatMapMarker *markers;
      const IapHeatMapBadge *badges;
      guint n_markers, n_badges, n_hidden = 0;
      double smallest;
      Canvas canvas;

      canvas_init (&canvas, width, height);
      iap_heat_map_draw (map, canvas.cr, width, height);
      if (s == 0)
        cairo_surface_write_to_png (canvas.surface,
                                    g_test_get_filename (G_TEST_BUILT, "heat-map-screen.png", NULL));
      smallest = MIN (smallest_font (map->texts), smallest_font (map->marker_texts));
      g_test_message ("%.0f x %.0f: smallest text %.1f px, markers %.1f px", width, height,
                      smallest, map->radius);
      g_assert_cmpfloat (smallest, >=, IAP_CHART_MIN_FONT);
      g_assert_cmpfloat (iap_heat_map_get_smallest_text (map), ==, smallest);
      g_assert_cmpfloat (smallest, >, previous);
      previous = smallest;
      g_assert_true (iap_heat_map_is_legible (map));

      /* Every risk a marker, or counted in a "+N" on a laptop's map */
      markers = iap_heat_map_get_markers (map, &n_markers);
      badges = iap_heat_map_get_badges (map, &n_badges);
      for (guint b = 0; b < n_badges; b++)
        n_hidden += badges[b].n_hidden;
      g_test_message ("%u markers, %u risks counted in a \"+N\"", n_markers, n_hidden);
      g_assert_cmpuint (n_markers + n_hidden, ==, 10);
      if (s > 0)
        g_assert_cmpuint (n_markers, ==, 10);
      for (guint m = 0; m < n_markers; m++)
        {
          cairo_rectangle_t cell;

          g_assert_cmpfloat (markers[m].radius, >=, IAP_CHART_MIN_FONT * 0.9);
          g_assert_true (iap_heat_map_get_cell (map, markers[m].likelihood, markers[m].impact, &cell));
          g_assert_true (headings_inside (map, &cell));
          g_assert_false (covers_heading (map, &markers[m]));
        }
      canvas_clear (&canvas);

      /* 400 risks (three digits): every marker legible, the rest counted */
      canvas_init (&canvas, width, height);
      iap_heat_map_draw (full, canvas.cr, width, height);
      assert_no_overlap (full, 400);
      g_assert_cmpfloat (iap_heat_map_get_smallest_text (full), >=, IAP_CHART_MIN_FONT);
      g_assert_cmpfloat (smallest_font (full->badge_texts), >=, IAP_CHART_MIN_FONT);
      markers = iap_heat_map_get_markers (full, &n_markers);
      for (guint m = 0; m < n_markers; m++)
        g_assert_cmpfloat (markers[m].radius, >=, IAP_CHART_MIN_FONT * 1.15);
      if (s == 2)
        cairo_surface_write_to_png (canvas.surface,
                                    g_test_get_filename (G_TEST_BUILT, "heat-map-screen-400.png", NULL));
      canvas_clear (&canvas);
    }
}

/* Below the size its text needs, the map keeps its text at the minimum
 * and says it is too small, so the window scrolls; at that size it fits,
 * whatever the font. */
static void
test_heat_map_minimum_size (void)
{
  static const char *families[] = { NULL, "DejaVu Serif", "Noto Sans" };
  g_autoptr(IapWorkshop) workshop = load_example ();

  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    {
      g_autoptr(IapHeatMap) map = screen_map (workshop, 100, 100);
      IapHeatMapStyle style = *iap_heat_map_get_style (map);
      double width, height;
      Canvas canvas;

      iap_heat_map_set_font_family (map, families[f]);
      style.font_size = IAP_CHART_MIN_FONT;
      iap_heat_map_set_style (map, &style);
      canvas_init (&canvas, 10, 10);
      iap_heat_map_get_minimum_size (map, canvas.cr, &width, &height);
      g_test_message ("%s: at least %.0f x %.0f", families[f] ? families[f] : "default", width, height);
      g_assert_cmpfloat (width, >, 200);
      g_assert_cmpfloat (height, >, 150);

      iap_heat_map_layout (map, canvas.cr, width, height);
      g_assert_true (iap_heat_map_is_legible (map));
      g_assert_cmpfloat (iap_heat_map_get_smallest_text (map), >=, IAP_CHART_MIN_FONT);

      iap_heat_map_layout (map, canvas.cr, width * 0.7, height * 0.7);
      g_assert_false (iap_heat_map_is_legible (map));
      g_assert_cmpfloat (iap_heat_map_get_smallest_text (map), >=, IAP_CHART_MIN_FONT);
      canvas_clear (&canvas);
    }
}

/* The map as room mode draws it in a chart box of @width x @height pixels
 * at the room's @font (docs/charts.md) */
static IapHeatMap *
room_map (IapWorkshop *workshop,
          double       width,
          double       height,
          double       font)
{
  IapHeatMap *map = iap_heat_map_new (workshop);
  IapHeatMapStyle style;

  iap_heat_map_style_init (&style);
  style.font_size = font;
  style.min_font_size = font;
  style.room = TRUE;
  iap_heat_map_set_style (map, &style);

  return map;
}

/* The largest matrix there is, with long French level names, its risks
 * crowding some cells */
static IapWorkshop *
long_names_workshop (void)
{
  static const char *likelihood[] = {
    "Extrêmement improbable", "Très improbable", "Peu probable", "Possible",
    "Très probable", "Pratiquement certain",
  };
  static const char *impact[] = {
    "Insignifiant", "Limité", "Modéré", "Considérable", "Très important", "Catastrophique",
  };
  IapWorkshop *workshop = iap_workshop_new ();
  IapScales *scales;
  g_autoptr(GError) error = NULL;

  g_assert_true (iap_workshop_resize_scales (workshop, IAP_SCALE_MAX_LEVELS, IAP_SCALE_MAX_LEVELS, &error));
  g_assert_no_error (error);
  scales = iap_workshop_get_scales (workshop);
  for (guint l = 0; l < IAP_SCALE_MAX_LEVELS; l++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (iap_scales_get_likelihood (scales), l);

      iap_workshop_set (workshop, level, "label", likelihood[l], NULL);
    }
  for (guint i = 0; i < IAP_SCALE_MAX_LEVELS; i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (iap_scales_get_impact (scales), i);

      iap_workshop_set (workshop, level, "label", impact[i], NULL);
    }
  for (guint r = 0; r < 40; r++)
    {
      IapRisk *risk = iap_workshop_add_risk (workshop, "co-location", "access", "Risque");
      guint l = r % 3 == 0 ? IAP_SCALE_MAX_LEVELS : 1 + r % IAP_SCALE_MAX_LEVELS;
      guint i = r % 3 == 0 ? IAP_SCALE_MAX_LEVELS : 1 + (r * 5) % IAP_SCALE_MAX_LEVELS;

      iap_workshop_set (workshop, risk, "inherent-likelihood", l, "inherent-impact", i, NULL);
    }

  return workshop;
}

/* Whether the logical box of @text lies within @width x @height */
static gboolean
text_inside (const IapHeatMapText *text,
             double                width,
             double                height)
{
  PangoRectangle logical;
  double x0, y0;

  pango_layout_get_extents (text->layout, NULL, &logical);
  if (text->vertical)
    {
      /* Drawn turned a quarter anticlockwise from its foot */
      x0 = text->x;
      y0 = text->y - pango_units_to_double (logical.width);
      return x0 >= 0 && y0 >= 0 && x0 + pango_units_to_double (logical.height) <= width &&
             text->y <= height;
    }
  x0 = text->x + pango_units_to_double (logical.x);
  y0 = text->y + pango_units_to_double (logical.y);

  return x0 >= -1e-6 && y0 >= -1e-6 && x0 + pango_units_to_double (logical.width) <= width + 1e-6 &&
         y0 + pango_units_to_double (logical.height) <= height + 1e-6;
}

/* Whether a line of @layout starts inside a word: the axes' levels wrap
 * between words, never within one */
static gboolean
breaks_a_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);

  for (int l = 1; l < pango_layout_get_line_count (layout); l++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, l);
      const char *start = text + line->start_index;

      if (start > text && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (start))))
        return TRUE;
    }

  return FALSE;
}

/* The window's map in every language, from the least room it asks for
 * to a full-HD pane: no level label broken inside a word ("Négligeab-le"
 * in French at 1366 x 768), none over another; where a word is wider
 * than its column the labels alternate between two lines. */
static void
test_heat_map_window_words (void)
{
  static const char *languages[] = { "en", "fr", "es", "ru", "ar", "zh_CN" };
  g_autoptr(IapWorkshop) example = load_example ();
  g_autoptr(IapWorkshop) long_names = long_names_workshop ();
  IapWorkshop *workshops[] = { example, long_names };
  g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *bound = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  guint staggered = 0;

  bindtextdomain (GETTEXT_PACKAGE, po);
  for (guint lang = 0; lang < G_N_ELEMENTS (languages); lang++)
    for (guint w = 0; w < G_N_ELEMENTS (workshops); w++)
      for (double height = 360; height <= 760; height += 200)
        {
          g_autoptr(IapHeatMap) probe = screen_map (workshops[w], 600, height);
          double min_width, min_height;
          Canvas canvas;

          iap_i18n_push_language (languages[lang]);
          canvas_init (&canvas, 1, 1);
          iap_heat_map_get_minimum_size (probe, canvas.cr, &min_width, &min_height);
          for (double width = ceil (min_width); width <= 1000; width += 30)
            {
              g_autoptr(IapHeatMap) map = screen_map (workshops[w], width, MAX (height, min_height));

              iap_heat_map_layout (map, canvas.cr, width, MAX (height, min_height));
              if (iap_heat_map_has_text_clash (map))
                g_error ("%s, workshop %u, %.0f x %.0f: the map's text clashes",
                         languages[lang], w, width, MAX (height, min_height));
              staggered += map->impact_staggered;
            }
          canvas_clear (&canvas);
          iap_i18n_pop_language ();
        }
  bindtextdomain (GETTEXT_PACKAGE, bound);
  /* Some sizes were too narrow for a word: the alternating lines were used */
  g_test_message ("%u layouts with the impact labels on alternating lines", staggered);
  g_assert_cmpuint (staggered, >, 0);
}

/* Room mode's heat map in the chart box of a 1366 x 768 screen at 27 px
 * (below a question on one line or two) and of a 1920 x 1080 one at 39 px: every text at the room's font or
 * larger, inside the box, no axis label broken within a word nor over
 * another; every marker at the room's size, in its cell, clear of its
 * heading; crowded cells say "+N". For the example and the largest
 * matrix with long French names, in English and French. */
static void
test_heat_map_room (void)
{
  /* The chart boxes of 1366 x 768 and 1920 x 1080, and of 1366 x 768
   * below a question on two lines */
  static const struct { double width, height, font; } boxes[] = {
    { 1290, 540, 27 }, { 1840, 800, 39 }, { 1290, 490, 27 },
  };
  static const char *languages[] = { "en", "fr" };
  g_autoptr(IapWorkshop) example = load_example ();
  g_autoptr(IapWorkshop) long_names = long_names_workshop ();
  IapWorkshop *workshops[] = { example, long_names };
  /* French from the catalog the build made */
  g_autofree char *bound = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *fr = g_build_filename (po, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  g_assert_true (g_file_test (fr, G_FILE_TEST_IS_REGULAR));
  bindtextdomain (GETTEXT_PACKAGE, po);

  for (guint lang = 0; lang < G_N_ELEMENTS (languages); lang++)
    for (guint w = 0; w < G_N_ELEMENTS (workshops); w++)
      for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
        {
          double width = boxes[b].width, height = boxes[b].height, font = boxes[b].font;
          g_autoptr(IapHeatMap) map = NULL;
          const IapHeatMapMarker *markers;
          const IapHeatMapBadge *badges;
          guint n_markers, n_badges, n_hidden = 0, n_risks;
          GArray *texts;
          Canvas canvas;

          iap_i18n_push_language (languages[lang]);
          map = room_map (workshops[w], width, height, font);
          canvas_init (&canvas, width, height);
          iap_heat_map_draw (map, canvas.cr, width, height);
          if (lang == 1 && b == 0)
            {
              g_autofree char *name = g_strdup_printf ("heat-map-room-%u.png", w);

              cairo_surface_write_to_png (canvas.surface, g_test_get_filename (G_TEST_BUILT, name, NULL));
            }
          g_test_message ("%s, workshop %u, %.0f x %.0f at %.0f px: smallest text %.1f px, "
                          "markers %.1f px, cells say %s", languages[lang], w, width, height, font,
                          iap_heat_map_get_smallest_text (map), map->radius,
                          map->heading_kind == IAP_HEAT_MAP_HEADING_LEVELS ? "band and levels"
                          : map->heading_kind == IAP_HEAT_MAP_HEADING_BAND ? "band" : "nothing");
          g_assert_true (iap_heat_map_is_legible (map));
          /* As a window asks before it takes room from the map */
          g_assert_true (iap_heat_map_fits (map, canvas.cr, width, height));
          /* Asked for, not only set: the style's minimum raises what is
           * asked for below it, and a room's map never asks for less */
          g_assert_cmpfloat (iap_heat_map_get_smallest_asked (map), >=, font);
          g_assert_cmpfloat (iap_heat_map_get_smallest_text (map), >=, font);
          g_assert_cmpfloat (smallest_font (map->texts), >=, font);
          g_assert_cmpfloat (smallest_font (map->marker_texts), >=, font);
          g_assert_cmpfloat (smallest_font (map->badge_texts), >=, font);

          texts = map->texts;
          for (guint t = 0; t < texts->len; t++)
            {
              IapHeatMapText *text = &g_array_index (texts, IapHeatMapText, t);

              g_assert_true (text_inside (text, width, height));
              g_assert_false (breaks_a_word (text->layout));
              g_assert_cmpint (pango_layout_is_ellipsized (text->layout), ==, FALSE);
              for (guint u = t + 1; u < texts->len; u++)
                {
                  IapHeatMapText *other = &g_array_index (texts, IapHeatMapText, u);
                  PangoRectangle a, c;

                  if (text->vertical || other->vertical)
                    continue;
                  pango_layout_get_pixel_extents (text->layout, &a, NULL);
                  pango_layout_get_pixel_extents (other->layout, &c, NULL);
                  g_assert_false (boxes_meet (text->x + a.x, text->y + a.y,
                                              text->x + a.x + a.width, text->y + a.y + a.height,
                                              other->x + c.x, other->y + c.y,
                                              other->x + c.x + c.width, other->y + c.y + c.height));
                }
            }

          /* Every risk a marker at the room's size, or counted in a "+N" */
          n_risks = g_list_model_get_n_items (iap_workshop_get_risks (workshops[w]));
          markers = iap_heat_map_get_markers (map, &n_markers);
          badges = iap_heat_map_get_badges (map, &n_badges);
          for (guint k = 0; k < n_badges; k++)
            n_hidden += badges[k].n_hidden;
          g_assert_cmpuint (n_markers + n_hidden, ==, n_risks - map->n_unrated);
          for (guint m = 0; m < n_markers; m++)
            {
              g_assert_cmpfloat (markers[m].radius, >=, font * 0.9);
              assert_in_cell (map, &markers[m]);
            }
          canvas_clear (&canvas);
          iap_i18n_pop_language ();
        }
  bindtextdomain (GETTEXT_PACKAGE, bound);

  /* Beside a panel a third of the screen wide, the example still fits at
   * 27 px; the largest matrix with long names does not, and says so */
  for (guint w = 0; w < G_N_ELEMENTS (workshops); w++)
    {
      g_autoptr(IapHeatMap) map = room_map (workshops[w], 950, 490, 27);
      Canvas canvas;

      canvas_init (&canvas, 950, 490);
      g_assert_cmpint (iap_heat_map_fits (map, canvas.cr, 950, 490), ==, w == 0);
      iap_heat_map_layout (map, canvas.cr, 950, 490);
      g_assert_cmpint (iap_heat_map_is_legible (map), ==, w == 0);
      canvas_clear (&canvas);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/heat-map/cell-colours", test_heat_map_cell_colours);
  g_test_add_func ("/heat-map/markers-in-cells", test_heat_map_markers_in_cells);
  g_test_add_func ("/heat-map/selection-redraw", test_heat_map_selection_redraw);
  g_test_add_func ("/heat-map/movement", test_heat_map_movement);
  g_test_add_func ("/heat-map/description", test_heat_map_description);
  g_test_add_func ("/heat-map/crowded", test_heat_map_crowded);
  g_test_add_func ("/heat-map/edit-relayout", test_heat_map_edit_relayout);
  g_test_add_func ("/heat-map/hidden-risks", test_heat_map_hidden_risks);
  g_test_add_func ("/heat-map/sizes", test_heat_map_sizes);
  g_test_add_func ("/heat-map/cell-levels", test_heat_map_cell_levels);
  g_test_add_func ("/heat-map/heading-direction", test_heat_map_heading_direction);
  g_test_add_func ("/heat-map/small", test_heat_map_small);
  g_test_add_func ("/heat-map/pdf", test_heat_map_pdf);
  g_test_add_func ("/heat-map/images", test_heat_map_images);
  g_test_add_func ("/heat-map/screen-text", test_heat_map_screen_text);
  g_test_add_func ("/heat-map/minimum-size", test_heat_map_minimum_size);
  g_test_add_func ("/heat-map/room", test_heat_map_room);
  g_test_add_func ("/heat-map/window-words", test_heat_map_window_words);

  return g_test_run ();
}
