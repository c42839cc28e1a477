/* iap-palette.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-palette"

#include "config.h"

#include <math.h>

#include "iap-palette.h"

/*
 * One sequential ramp (ColorBrewer's OrRd) for every chart: its lightness
 * falls steadily from Low to Critical, so the bands stay in order in
 * greyscale print and for every common colour-vision deficiency. Band names
 * are always written as well; colour is never the only cue.
 */
static const IapColor band_fills[IAP_N_BANDS] = {
  { 0xff / 255.0, 0xf7 / 255.0, 0xec / 255.0 },
  { 0xfd / 255.0, 0xbb / 255.0, 0x84 / 255.0 },
  { 0xef / 255.0, 0x65 / 255.0, 0x48 / 255.0 },
  { 0x7f / 255.0, 0x00 / 255.0, 0x00 / 255.0 },
};

static const IapColor dark_text = { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0 };
static const IapColor light_text = { 1.0, 1.0, 1.0 };

void
iap_palette_get_band_fill (IapBand   band,
                           IapColor *color)
{
  g_return_if_fail (band < IAP_N_BANDS);
  g_return_if_fail (color != NULL);

  *color = band_fills[band];
}

void
iap_palette_get_band_text (IapBand   band,
                           IapColor *color)
{
  const IapColor *fill;

  g_return_if_fail (band < IAP_N_BANDS);
  g_return_if_fail (color != NULL);

  fill = &band_fills[band];
  if (iap_color_get_contrast (fill, &dark_text) >= iap_color_get_contrast (fill, &light_text))
    *color = dark_text;
  else
    *color = light_text;
}

static guint32
to_rgb (const IapColor *color)
{
  return ((guint32) (CLAMP (color->red, 0.0, 1.0) * 255 + 0.5) << 16) |
         ((guint32) (CLAMP (color->green, 0.0, 1.0) * 255 + 0.5) << 8) |
         (guint32) (CLAMP (color->blue, 0.0, 1.0) * 255 + 0.5);
}

/**
 * iap_palette_get_band_rgb:
 * @fill: (out caller-allocates) (array fixed-size=4): each band's fill, as 0xRRGGBB
 * @text: (out caller-allocates) (array fixed-size=4): the text on it
 *
 * The band colours for outputs that are not drawn with cairo, such as a
 * spreadsheet's cells.
 */
void
iap_palette_get_band_rgb (guint32 fill[IAP_N_BANDS],
                          guint32 text[IAP_N_BANDS])
{
  for (IapBand band = IAP_BAND_LOW; band < IAP_N_BANDS; band++)
    {
      IapColor color;

      iap_palette_get_band_fill (band, &color);
      fill[band] = to_rgb (&color);
      iap_palette_get_band_text (band, &color);
      text[band] = to_rgb (&color);
    }
}

void
iap_palette_set_source_band (cairo_t *cr,
                             IapBand  band)
{
  IapColor color;

  g_return_if_fail (cr != NULL);

  iap_palette_get_band_fill (band, &color);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
}

static double
linearize (double channel)
{
  if (channel <= 0.04045)
    return channel / 12.92;
  return pow ((channel + 0.055) / 1.055, 2.4);
}

/* Relative luminance as WCAG 2 defines it. */
double
iap_color_get_luminance (const IapColor *color)
{
  g_return_val_if_fail (color != NULL, 0.0);

  return 0.2126 * linearize (color->red)
       + 0.7152 * linearize (color->green)
       + 0.0722 * linearize (color->blue);
}

double
iap_color_get_contrast (const IapColor *a,
                        const IapColor *b)
{
  double la, lb;

  g_return_val_if_fail (a != NULL && b != NULL, 1.0);

  la = iap_color_get_luminance (a);
  lb = iap_color_get_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/*
 * The benefits and risks of the triple-hatting analysis: a blue ramp for
 * benefits and the bands' orange-red family for risks, each six shades
 * whose lightness is spread so that any two of a side differ by at least
 * the distance docs/charts.md states (CIEDE2000 >= 10) in colour, in
 * greyscale and under deuteranopia and protanopia, and from the white
 * page, and none is so mid-grey that neither dark nor white text reads
 * on it at 4.5:1. Steps go light and dark in turn, never to a neighbouring shade,
 * so that two factors side by side in a stacked bar stay apart; risks are
 * also hatched where they are drawn, so the sides never rely on hue.
 */
static const IapColor benefit_fills[IAP_PALETTE_N_FACTOR_FILLS] = {
  { 0x29 / 255.0, 0x79 / 255.0, 0xb9 / 255.0 },
  { 0x04 / 255.0, 0x18 / 255.0, 0x38 / 255.0 },
  { 0x4f / 255.0, 0x9b / 255.0, 0xcb / 255.0 },
  { 0x08 / 255.0, 0x38 / 255.0, 0x77 / 255.0 },
  { 0xa8 / 255.0, 0xce / 255.0, 0xe4 / 255.0 },
  { 0x0f / 255.0, 0x59 / 255.0, 0xa3 / 255.0 },
};

static const IapColor risk_fills[IAP_PALETTE_N_FACTOR_FILLS] = {
  { 0xda / 255.0, 0x36 / 255.0, 0x23 / 255.0 },
  { 0x31 / 255.0, 0x00 / 255.0, 0x00 / 255.0 },
  { 0xf3 / 255.0, 0x70 / 255.0, 0x4d / 255.0 },
  { 0x71 / 255.0, 0x00 / 255.0, 0x00 / 255.0 },
  { 0xfd / 255.0, 0xb0 / 255.0, 0x79 / 255.0 },
  { 0xb2 / 255.0, 0x00 / 255.0, 0x00 / 255.0 },
};

/**
 * iap_palette_get_factor_fill:
 * @risk: whether the factor is a risk, else a benefit
 * @index: the factor's position among the factors of its side
 */
void
iap_palette_get_factor_fill (gboolean  risk,
                             guint     index,
                             IapColor *color)
{
  g_return_if_fail (color != NULL);

  if (risk)
    *color = risk_fills[index % G_N_ELEMENTS (risk_fills)];
  else
    *color = benefit_fills[index % G_N_ELEMENTS (benefit_fills)];
}

/* Dark or white text, whichever reads better on @fill. */
void
iap_palette_get_text_on (const IapColor *fill,
                         IapColor       *color)
{
  g_return_if_fail (fill != NULL && color != NULL);

  if (iap_color_get_contrast (fill, &dark_text) >= iap_color_get_contrast (fill, &light_text))
    *color = dark_text;
  else
    *color = light_text;
}
