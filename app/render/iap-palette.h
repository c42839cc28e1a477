/* iap-palette.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "iap-band.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
} IapColor;

/* How many shades each side of the triple-hatting analysis has before
 * they repeat */
#define IAP_PALETTE_N_FACTOR_FILLS 6

void   iap_palette_get_band_fill     (IapBand          band,
                                      IapColor        *color);
void   iap_palette_get_band_text     (IapBand          band,
                                      IapColor        *color);
void   iap_palette_get_band_rgb      (guint32          fill[IAP_N_BANDS],
                                      guint32          text[IAP_N_BANDS]);
void   iap_palette_set_source_band   (cairo_t         *cr,
                                      IapBand          band);
void   iap_palette_get_factor_fill   (gboolean         risk,
                                      guint            index,
                                      IapColor        *color);
void   iap_palette_get_text_on       (const IapColor  *fill,
                                      IapColor        *color);
double iap_color_get_luminance       (const IapColor  *color);
double iap_color_get_contrast        (const IapColor  *a,
                                      const IapColor  *b);

G_END_DECLS
