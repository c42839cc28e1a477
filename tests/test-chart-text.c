/* test-chart-text.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-chart-text.h"

/* Paginates @heights into pages @page high: checks the number of pages
 * and that @starts lists @expected, the first rows and then n */
static void
check_pages (const double *heights,
             guint         n,
             double        page,
             const guint  *expected,
             guint         n_expected)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint stale = 99;

  /* What the array held before does not count */
  g_array_append_val (starts, stale);
  g_assert_cmpuint (iap_chart_paginate (heights, n, page, starts), ==, n_expected - 1);
  g_assert_cmpuint (starts->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (g_array_index (starts, guint, i), ==, expected[i]);
}

static void
test_paginate_empty (void)
{
  static const guint one_empty_page[] = { 0, 0 };

  check_pages (NULL, 0, 100, one_empty_page, G_N_ELEMENTS (one_empty_page));
}

/* A row taller than a page takes a page of its own, and the rows spread
 * evenly only where every page holds them */
static void
test_paginate_tall_row (void)
{
  static const double alone[] = { 30 };
  static const guint alone_pages[] = { 0, 1 };
  static const double among[] = { 4, 4, 30, 4, 4 };
  /* 2 + 2 + 1 would put 30 + 4 on the second page: full pages stay */
  static const guint among_pages[] = { 0, 2, 3, 5 };
  static const double tall_first[] = { 30, 4, 4 };
  static const guint tall_first_pages[] = { 0, 1, 3 };

  check_pages (alone, G_N_ELEMENTS (alone), 10, alone_pages, G_N_ELEMENTS (alone_pages));
  check_pages (among, G_N_ELEMENTS (among), 10, among_pages, G_N_ELEMENTS (among_pages));
  check_pages (tall_first, G_N_ELEMENTS (tall_first), 10, tall_first_pages, G_N_ELEMENTS (tall_first_pages));
}

/* Rows that fill a page exactly stay on it */
static void
test_paginate_exact_fit (void)
{
  static const double quarters[] = { 2.5, 2.5, 2.5, 2.5 };
  static const guint one_page[] = { 0, 4 };
  static const double halves[] = { 5, 5, 5, 5 };
  static const guint two_pages[] = { 0, 2, 4 };
  static const double over[] = { 5, 5, 5.25 };
  static const guint over_pages[] = { 0, 2, 3 };

  check_pages (quarters, G_N_ELEMENTS (quarters), 10, one_page, G_N_ELEMENTS (one_page));
  check_pages (halves, G_N_ELEMENTS (halves), 10, two_pages, G_N_ELEMENTS (two_pages));
  check_pages (over, G_N_ELEMENTS (over), 10, over_pages, G_N_ELEMENTS (over_pages));
}

/* As many pages as full ones take, the rows spread evenly over them, one
 * more on the first pages, not a last page with one row */
static void
test_paginate_even (void)
{
  double thirteen[13], seven[7];
  /* Filled in turn: 4 + 4 + 4 + 1 */
  static const guint thirteen_pages[] = { 0, 4, 7, 10, 13 };
  /* Filled in turn: 3 + 3 + 1 */
  static const guint seven_pages[] = { 0, 3, 5, 7 };
  static const double uneven[] = { 1, 1, 1, 6, 1, 1 };
  /* Filled in turn: 1 + 1 + 1 + 6 | 1 + 1; evenly 3 + 3 holds */
  static const guint uneven_pages[] = { 0, 3, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (thirteen); i++)
    thirteen[i] = 1;
  for (guint i = 0; i < G_N_ELEMENTS (seven); i++)
    seven[i] = 1;
  check_pages (thirteen, G_N_ELEMENTS (thirteen), 4, thirteen_pages, G_N_ELEMENTS (thirteen_pages));
  check_pages (seven, G_N_ELEMENTS (seven), 3.5, seven_pages, G_N_ELEMENTS (seven_pages));
  check_pages (uneven, G_N_ELEMENTS (uneven), 9, uneven_pages, G_N_ELEMENTS (uneven_pages));
}

/* The widest word is the narrowest a box wrapping the text can be */
static void
test_widest_word (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  IapChartText text = { NULL };
  double wide, narrow, whole, height;

  iap_chart_text_init (&text, cr, 20, FALSE);
  iap_chart_text_size (&text, "Wwwwwwww", IAP_TEXT_BOLD, &wide, &height);
  iap_chart_text_size (&text, "ab", IAP_TEXT_BOLD, &narrow, &height);
  iap_chart_text_size (&text, "ab  Wwwwwwww c", IAP_TEXT_BOLD, &whole, &height);
  g_assert_cmpfloat (wide, >, narrow);
  g_assert_cmpfloat (whole, >, wide);

  g_assert_cmpfloat (iap_chart_text_widest_word (&text, "ab  Wwwwwwww c", IAP_TEXT_BOLD), ==, wide);
  g_assert_cmpfloat (iap_chart_text_widest_word (&text, "Wwwwwwww", IAP_TEXT_BOLD), ==, wide);
  g_assert_cmpfloat (iap_chart_text_widest_word (&text, " ab ", IAP_TEXT_BOLD), ==, narrow);
  g_assert_cmpfloat (iap_chart_text_widest_word (&text, "Wwwwwwww", IAP_TEXT_SMALL | IAP_TEXT_BOLD), <, wide);
  g_assert_cmpfloat (iap_chart_text_widest_word (&text, "", IAP_TEXT_BOLD), ==, 0);
  g_assert_cmpfloat (iap_chart_text_widest_word (&text, "   ", IAP_TEXT_BOLD), ==, 0);

  iap_chart_text_clear (&text);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A line that starts inside a Latin word is broken; one that starts
 * between two Chinese characters is not, where Chinese may break */
static void
test_layout_broken (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, 40 * PANGO_SCALE);
  pango_layout_set_text (layout, "Negligeable", -1);
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
  g_assert_true (iap_chart_layout_is_broken (layout));

  pango_layout_set_text (layout, "Rare event", -1);
  pango_layout_set_width (layout, 60 * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  if (pango_layout_get_line_count (layout) > 1)
    g_assert_false (iap_chart_layout_is_broken (layout));

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, "几乎不可能发生的风险", -1);
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
  g_assert_false (iap_chart_layout_is_broken (layout));

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-text/paginate/empty", test_paginate_empty);
  g_test_add_func ("/chart-text/paginate/tall-row", test_paginate_tall_row);
  g_test_add_func ("/chart-text/paginate/exact-fit", test_paginate_exact_fit);
  g_test_add_func ("/chart-text/paginate/even", test_paginate_even);
  g_test_add_func ("/chart-text/widest-word", test_widest_word);
  g_test_add_func ("/chart-text/layout-broken", test_layout_broken);

  return g_test_run ();
}
