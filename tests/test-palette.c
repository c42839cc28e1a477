/* test-palette.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-palette.h"

static void
test_palette_greyscale_order (void)
{
  double previous = 2.0;

  /* Lightness must fall from Low to Critical by a visible step, so the
   * bands keep their order when printed in greyscale. */
  for (guint band = 0; band < IAP_N_BANDS; band++)
    {
      IapColor fill;
      double luminance;

      iap_palette_get_band_fill (band, &fill);
      luminance = iap_color_get_luminance (&fill);
      g_assert_cmpfloat (luminance, <, previous);
      if (band > 0)
        g_assert_cmpfloat ((previous + 0.05) / (luminance + 0.05), >=, 1.5);
      previous = luminance;
    }
}

static void
test_palette_text_contrast (void)
{
  for (guint band = 0; band < IAP_N_BANDS; band++)
    {
      IapColor fill, text;

      iap_palette_get_band_fill (band, &fill);
      iap_palette_get_band_text (band, &text);
      g_assert_cmpfloat (iap_color_get_contrast (&fill, &text), >=, 4.5);
    }
}

static void
test_palette_draws (void)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  IapColor fill;
  guint32 pixel;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4, 4);
  cr = cairo_create (surface);
  iap_palette_set_source_band (cr, IAP_BAND_CRITICAL);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixel = *(guint32 *)(gpointer)cairo_image_surface_get_data (surface);
  iap_palette_get_band_fill (IAP_BAND_CRITICAL, &fill);
  g_assert_cmpuint ((pixel >> 16) & 0xff, ==, (guint)(fill.red * 255 + 0.5));
  g_assert_cmpuint ((pixel >> 8) & 0xff, ==, (guint)(fill.green * 255 + 0.5));
  g_assert_cmpuint (pixel & 0xff, ==, (guint)(fill.blue * 255 + 0.5));

  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/palette/greyscale-order", test_palette_greyscale_order);
  g_test_add_func ("/palette/text-contrast", test_palette_text_contrast);
  g_test_add_func ("/palette/draws", test_palette_draws);

  return g_test_run ();
}
