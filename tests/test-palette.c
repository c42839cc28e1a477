/* test-palette.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "iap-palette.h"

/*
 * Colour distinctness as docs/charts.md states it: every two colours of a
 * set (the bands, the benefits, the risks) at least MIN_DISTANCE apart in
 * CIEDE2000, as seen with normal vision, printed in greyscale, and as
 * simulated for deuteranopia and protanopia (Machado, Oliveira and
 * Fernandes 2009, severity 1, applied to linear RGB).
 */
#define MIN_DISTANCE 10.0

typedef enum
{
  VISION_NORMAL,
  VISION_GREYSCALE,
  VISION_DEUTERANOPIA,
  VISION_PROTANOPIA,
  N_VISIONS
} Vision;

static const char *vision_names[N_VISIONS] = {
  "normal vision", "greyscale", "deuteranopia", "protanopia",
};

static const double machado[N_VISIONS][3][3] = {
  [VISION_DEUTERANOPIA] = {
    { 0.367322, 0.860646, -0.227968 },
    { 0.280085, 0.672501, 0.047413 },
    { -0.011820, 0.042940, 0.968881 },
  },
  [VISION_PROTANOPIA] = {
    { 0.152286, 1.052583, -0.204868 },
    { 0.114503, 0.786281, 0.099216 },
    { -0.003882, -0.048116, 1.051998 },
  },
};

typedef struct
{
  double l, a, b;
} Lab;

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

/* CIELAB (D65) of @color as a reader with @vision sees it */
static Lab
seen_as (const IapColor *color,
         Vision          vision)
{
  double rgb[3] = { linear (color->red), linear (color->green), linear (color->blue) };
  double x, y, z, fx, fy, fz;

  if (vision == VISION_GREYSCALE)
    {
      double grey = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];

      rgb[0] = rgb[1] = rgb[2] = grey;
    }
  else if (vision != VISION_NORMAL)
    {
      double in[3] = { rgb[0], rgb[1], rgb[2] };

      for (guint i = 0; i < 3; i++)
        rgb[i] = CLAMP (machado[vision][i][0] * in[0] + machado[vision][i][1] * in[1] +
                        machado[vision][i][2] * in[2], 0.0, 1.0);
    }

  x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
  y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
  z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
  fx = lab_f (x / 0.95047);
  fy = lab_f (y);
  fz = lab_f (z / 1.08883);

  return (Lab) { 116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz) };
}

static double
radians (double degrees)
{
  return degrees * G_PI / 180.0;
}

static double
hue (double b,
     double a)
{
  double h;

  if (a == 0 && b == 0)
    return 0;
  h = atan2 (b, a) * 180.0 / G_PI;
  return h < 0 ? h + 360.0 : h;
}

/* Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula" */
static double
ciede2000 (const Lab *one,
           const Lab *two)
{
  double c1 = hypot (one->a, one->b), c2 = hypot (two->a, two->b);
  double c_mean7 = pow ((c1 + c2) / 2, 7);
  double g = 0.5 * (1 - sqrt (c_mean7 / (c_mean7 + pow (25, 7))));
  double a1 = (1 + g) * one->a, a2 = (1 + g) * two->a;
  double cp1 = hypot (a1, one->b), cp2 = hypot (a2, two->b);
  double hp1 = hue (one->b, a1), hp2 = hue (two->b, a2);
  double dl = two->l - one->l, dc = cp2 - cp1, dh = 0, dhh, l_mean, c_mean, h_mean;
  double t, d_theta, rc, sl, sc, sh, rt, cp_mean7;

  if (cp1 * cp2 != 0)
    {
      dh = hp2 - hp1;
      if (dh > 180)
        dh -= 360;
      else if (dh < -180)
        dh += 360;
    }
  dhh = 2 * sqrt (cp1 * cp2) * sin (radians (dh / 2));

  l_mean = (one->l + two->l) / 2;
  c_mean = (cp1 + cp2) / 2;
  if (cp1 * cp2 == 0)
    h_mean = hp1 + hp2;
  else if (fabs (hp1 - hp2) <= 180)
    h_mean = (hp1 + hp2) / 2;
  else if (hp1 + hp2 < 360)
    h_mean = (hp1 + hp2 + 360) / 2;
  else
    h_mean = (hp1 + hp2 - 360) / 2;

  t = 1 - 0.17 * cos (radians (h_mean - 30)) + 0.24 * cos (radians (2 * h_mean))
      + 0.32 * cos (radians (3 * h_mean + 6)) - 0.20 * cos (radians (4 * h_mean - 63));
  d_theta = 30 * exp (-pow ((h_mean - 275) / 25, 2));
  cp_mean7 = pow (c_mean, 7);
  rc = 2 * sqrt (cp_mean7 / (cp_mean7 + pow (25, 7)));
  sl = 1 + 0.015 * pow (l_mean - 50, 2) / sqrt (20 + pow (l_mean - 50, 2));
  sc = 1 + 0.045 * c_mean;
  sh = 1 + 0.015 * c_mean * t;
  rt = -sin (radians (2 * d_theta)) * rc;

  return sqrt (pow (dl / sl, 2) + pow (dc / sc, 2) + pow (dhh / sh, 2)
               + rt * (dc / sc) * (dhh / sh));
}

/* The distance itself, on pairs of Sharma, Wu and Dalal's test data */
static void
test_palette_ciede2000 (void)
{
  static const struct { Lab one, two; double distance; } pairs[] = {
    { { 50.0, 2.6772, -79.7751 }, { 50.0, 0.0, -82.7485 }, 2.0425 },
    { { 50.0, -1.3802, -84.2814 }, { 50.0, 0.0, -82.7485 }, 1.0000 },
    { { 50.0, 2.5, 0.0 }, { 56.0, -27.0, -3.0 }, 31.9030 },
    { { 50.0, 2.49, -0.001 }, { 50.0, -2.49, 0.0009 }, 7.1792 },
    { { 60.2574, -34.0099, 36.2677 }, { 60.4626, -34.1751, 39.4387 }, 1.2644 },
    { { 22.7233, 20.0904, -46.6940 }, { 23.0331, 14.9730, -42.5619 }, 2.0373 },
    { { 90.8027, -2.0831, 1.4410 }, { 91.1528, -1.6435, 0.0447 }, 1.4441 },
    { { 2.0776, 0.0795, -1.1350 }, { 0.9033, -0.0636, -0.5514 }, 0.9082 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_assert_cmpfloat_with_epsilon (ciede2000 (&pairs[i].one, &pairs[i].two),
                                      pairs[i].distance, 1e-4);
      g_assert_cmpfloat_with_epsilon (ciede2000 (&pairs[i].two, &pairs[i].one),
                                      pairs[i].distance, 1e-4);
    }
}

/* The simulations themselves: white stays white, and the reds and greens
 * a deuteranope or protanope confuses come out close */
static void
test_palette_simulations (void)
{
  static const IapColor white = { 1, 1, 1 }, red = { 0.8, 0.2, 0.1 }, green = { 0.45, 0.45, 0.1 };

  for (Vision vision = 0; vision < N_VISIONS; vision++)
    {
      Lab seen = seen_as (&white, vision);

      g_assert_cmpfloat_with_epsilon (seen.l, 100.0, 0.05);
      g_assert_cmpfloat (fabs (seen.a) + fabs (seen.b), <, 0.5);
    }
  for (Vision vision = VISION_DEUTERANOPIA; vision <= VISION_PROTANOPIA; vision++)
    {
      Lab one = seen_as (&red, VISION_NORMAL), two = seen_as (&green, VISION_NORMAL);
      Lab sim_one = seen_as (&red, vision), sim_two = seen_as (&green, vision);

      g_assert_cmpfloat (ciede2000 (&sim_one, &sim_two), <, ciede2000 (&one, &two) / 2);
    }
}

/* Every two of @colors at least MIN_DISTANCE apart in every vision */
static void
assert_distinct (const char     *what,
                 const IapColor *colors,
                 guint           n_colors)
{
  for (Vision vision = 0; vision < N_VISIONS; vision++)
    for (guint i = 0; i < n_colors; i++)
      for (guint j = i + 1; j < n_colors; j++)
        {
          Lab one = seen_as (&colors[i], vision), two = seen_as (&colors[j], vision);
          double distance = ciede2000 (&one, &two);

          if (distance < MIN_DISTANCE)
            g_error ("%s %u and %u are %.1f apart in %s, below %.0f", what, i + 1, j + 1,
                     distance, vision_names[vision], MIN_DISTANCE);
          g_test_message ("%s %u-%u %s: %.1f", what, i + 1, j + 1, vision_names[vision], distance);
        }
}

static void
test_palette_distinct_bands (void)
{
  IapColor fills[IAP_N_BANDS];

  for (guint band = 0; band < IAP_N_BANDS; band++)
    iap_palette_get_band_fill (band, &fills[band]);
  assert_distinct ("bands", fills, IAP_N_BANDS);
}

/* A factor's segment shows on the white page too, which counts as one
 * more colour of its side */
static void
test_palette_distinct_factors (void)
{
  for (guint risk = 0; risk <= 1; risk++)
    {
      IapColor fills[IAP_PALETTE_N_FACTOR_FILLS + 1];

      for (guint i = 0; i < IAP_PALETTE_N_FACTOR_FILLS; i++)
        iap_palette_get_factor_fill (risk, i, &fills[i]);
      fills[IAP_PALETTE_N_FACTOR_FILLS] = (IapColor) { 1, 1, 1 };
      assert_distinct (risk ? "risks (and the page)" : "benefits (and the page)",
                       fills, IAP_PALETTE_N_FACTOR_FILLS + 1);

      /* Neighbours in a stacked bar are never neighbouring shades */
      for (guint i = 0; i + 1 < IAP_PALETTE_N_FACTOR_FILLS; i++)
        {
          Lab one = seen_as (&fills[i], VISION_GREYSCALE), two = seen_as (&fills[i + 1], VISION_GREYSCALE);

          g_assert_cmpfloat (ciede2000 (&one, &two), >=, 2 * MIN_DISTANCE);
        }
    }
}

/* Text on a factor's segment reads as well as on a band */
static void
test_palette_factor_text (void)
{
  for (guint risk = 0; risk <= 1; risk++)
    for (guint i = 0; i < IAP_PALETTE_N_FACTOR_FILLS; i++)
      {
        IapColor fill, text;

        iap_palette_get_factor_fill (risk, i, &fill);
        iap_palette_get_text_on (&fill, &text);
        g_assert_cmpfloat (iap_color_get_contrast (&fill, &text), >=, 4.5);
      }
}

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
  g_test_add_func ("/palette/ciede2000", test_palette_ciede2000);
  g_test_add_func ("/palette/simulations", test_palette_simulations);
  g_test_add_func ("/palette/distinct-bands", test_palette_distinct_bands);
  g_test_add_func ("/palette/distinct-factors", test_palette_distinct_factors);
  g_test_add_func ("/palette/factor-text", test_palette_factor_text);

  return g_test_run ();
}
