/* test-dot-plot.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "iap-dot-plot.h"

#define WIDTH 900.0

static void
rate (IapWorkshop *workshop,
      IapRound    *round,
      const char  *pillar,
      const char  *risk,
      guint        likelihood,
      guint        impact)
{
  IapParticipant *p = iap_workshop_add_participant (workshop, pillar, NULL, NULL);

  iap_workshop_set_rating (workshop, round, iap_participant_get_id (p), risk, likelihood, impact);
}

/* Three humanitarians score high, three of the political pillar low, one
 * NGO partner (below the privacy floor of 3) alone. */
static IapRiskStats *
split_room (IapWorkshop *workshop)
{
  const char *id = iap_risk_get_id (iap_workshop_add_risk (workshop, NULL, NULL, "Test"));
  IapRound *round = iap_workshop_add_round (workshop, "private");

  rate (workshop, round, "humanitarian", id, 4, 4);
  rate (workshop, round, "humanitarian", id, 4, 5);
  rate (workshop, round, "humanitarian", id, 3, 4);
  rate (workshop, round, "political", id, 1, 2);
  rate (workshop, round, "political", id, 2, 2);
  rate (workshop, round, "political", id, 1, 3);
  rate (workshop, round, "ngo", id, 5, 5);
  iap_workshop_set (workshop, round, "state", "revealed", NULL);

  return iap_consensus_for_risk (workshop, round, id);
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + (int) y * cairo_image_surface_get_stride (surface) + 4 * (int) x) & 0xffffff;
}

/* Dark: the ink of the dots (#241f31), not the white page or the
 * median's pale blue */
static gboolean
is_ink (guint32 pixel)
{
  return ((pixel >> 16) & 0xff) < 0x60 && ((pixel >> 8) & 0xff) < 0x60 && (pixel & 0xff) < 0x60;
}

static void
test_dots (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  g_autoptr(IapRiskStats) stats = split_room (workshop);
  g_autoptr(GArray) dots = iap_dot_plot_dup_dots (workshop, stats, WIDTH);
  double height = iap_dot_plot_get_height (workshop, stats, WIDTH);
  double column = WIDTH / 5;
  guint shapes[2] = { 0, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpuint (stats->n, ==, 7);
  /* One dot per score and dimension */
  g_assert_cmpuint (dots->len, ==, 2 * 7);
  g_assert_cmpfloat (height, >, 0);
  /* Readable from the back of a room: at least 15 px (docs/charts.md) */
  g_assert_cmpfloat (iap_dot_plot_get_font_size (WIDTH), >=, 15.0);
  g_assert_cmpfloat (iap_dot_plot_get_font_size (1920), >, iap_dot_plot_get_font_size (WIDTH));

  for (guint i = 0; i < dots->len; i++)
    {
      const IapDotPlotDot *dot = &g_array_index (dots, IapDotPlotDot, i);

      /* In the column of its level, inside the plot */
      g_assert_cmpfloat (dot->x, >, (dot->level - 1) * column);
      g_assert_cmpfloat (dot->x, <, dot->level * column);
      g_assert_cmpfloat (dot->y, >, 0);
      g_assert_cmpfloat (dot->y, <, height);
      g_assert_cmpfloat (dot->size, >=, 15.0);
      /* Never on top of another */
      for (guint j = 0; j < i; j++)
        {
          const IapDotPlotDot *other = &g_array_index (dots, IapDotPlotDot, j);

          g_assert_cmpfloat (hypot (dot->x - other->x, dot->y - other->y), >=, dot->size);
        }
      /* The humanitarians and the political pillar by two shapes; the
       * one NGO partner by none of its own */
      if (dot->shape == G_MAXUINT)
        shapes[1]++;
      else
        shapes[0] |= 1u << dot->shape;
    }
  g_assert_cmpuint (shapes[0], ==, 0x3);
  g_assert_cmpuint (shapes[1], ==, 2);

  /* Drawn: ink where each dot is (a ring's ink is on its edge), the
   * median's column shaded */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) WIDTH, (int) ceil (height));
  cr = cairo_create (surface);
  iap_dot_plot_draw (cr, workshop, stats, WIDTH, ceil (height));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (guint i = 0; i < dots->len; i++)
    {
      const IapDotPlotDot *dot = &g_array_index (dots, IapDotPlotDot, i);
      double dx = dot->shape == G_MAXUINT ? dot->size * 0.42 : 0;

      g_assert_true (is_ink (pixel_at (surface, dot->x + dx, dot->y)));
    }
  /* Median likelihood 3: its column is pale blue just below the heading,
   * the others white */
  {
    const IapDotPlotDot *first = &g_array_index (dots, IapDotPlotDot, 0);
    double y = first->y - first->size * 1.2;

    g_assert_cmphex (pixel_at (surface, 2.5 * column + column * 0.45, y), ==, 0xdde6f3);
    g_assert_cmphex (pixel_at (surface, 0.5 * column + column * 0.45, y), ==, 0xffffff);
  }
  cairo_surface_destroy (surface);
}

static void
test_words (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  g_autoptr(IapRiskStats) stats = split_room (workshop);
  g_autofree char *sentence = iap_dot_plot_dup_sentence (workshop, stats);
  g_autofree char *description = iap_dot_plot_dup_description (workshop, stats);

  /* Medians 3 × 4; within one level of both: the three humanitarians */
  g_assert_cmpstr (sentence, ==, "No consensus, polarized: 3 of 7 scores within one level of Possible × Major, "
                                 "but the medians of two pillars are two levels or more apart.");
  g_assert_nonnull (strstr (description, "7 scores, median likelihood 3 and impact 4."));
  g_assert_nonnull (strstr (description, "Likelihood, scores per level: 1 Rare: 2; 2 Unlikely: 1; 3 Possible: 1; 4 Likely: 2; 5 Almost certain: 1."));
  g_assert_nonnull (strstr (description, "rings: pillars of too few scorers to be shown."));
  /* The NGO partner, alone, is never named */
  g_assert_null (strstr (description, "NGO"));
}

/* Two scorers: below the floor nothing is drawn or said but the count */
static void
test_withheld (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  const char *id = iap_risk_get_id (iap_workshop_add_risk (workshop, NULL, NULL, "Test"));
  IapRound *round = iap_workshop_add_round (workshop, "private");
  g_autoptr(IapRiskStats) stats = NULL;
  g_autoptr(GArray) dots = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *description = NULL;

  rate (workshop, round, "humanitarian", id, 5, 5);
  rate (workshop, round, "political", id, 1, 1);
  iap_workshop_set (workshop, round, "state", "revealed", NULL);
  stats = iap_consensus_for_risk (workshop, round, id);
  dots = iap_dot_plot_dup_dots (workshop, stats, WIDTH);
  sentence = iap_dot_plot_dup_sentence (workshop, stats);
  description = iap_dot_plot_dup_description (workshop, stats);

  g_assert_cmpuint (dots->len, ==, 0);
  g_assert_cmpfloat (iap_dot_plot_get_height (workshop, stats, WIDTH), ==, 0);
  g_assert_cmpstr (sentence, ==, "Withheld: fewer than 3 scorers.");
  g_assert_cmpstr (description, ==, "2 scores: not shown, fewer than 3 scorers.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dot-plot/dots", test_dots);
  g_test_add_func ("/dot-plot/words", test_words);
  g_test_add_func ("/dot-plot/withheld", test_withheld);

  return g_test_run ();
}
