/* iap-chart-text.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "iap-palette.h"

G_BEGIN_DECLS

/* How a chart's text is set */
typedef enum
{
  IAP_TEXT_PLAIN  = 0,
  IAP_TEXT_BOLD   = 1 << 0,
  IAP_TEXT_SMALL  = 1 << 1,
  IAP_TEXT_LARGE  = 1 << 2,
  IAP_TEXT_ITALIC = 1 << 3,
  IAP_TEXT_CENTER = 1 << 4,
  IAP_TEXT_RIGHT  = 1 << 5,
  IAP_TEXT_DIM    = 1 << 6,
} IapTextFlags;

/**
 * IapChartText:
 * @cr: where the text goes
 * @layout: set for each piece of text
 * @font: the size of plain text, in user units
 * @paint: whether to draw, or only to measure
 * @mirror_width: the width of a chart drawn mirrored in a language
 *   written right to left, 0 for one never mirrored
 * @min_font: no text is set smaller than this, small text included;
 *   0 on paper, %IAP_CHART_MIN_FONT on screen
 * @smallest: the smallest font size set so far, G_MAXDOUBLE before any
 * @smallest_asked: the smallest size asked for so far, before @min_font
 *   raised it: what a layout would set without that floor
 *
 * The text of a chart drawn on paper: dark ink on white whatever the
 * theme, sizes relative to one font size, in the fonts and direction of
 * the language it is written in.
 */
typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       font;
  gboolean     paint;
  double       mirror_width;
  double       min_font;
  double       smallest;
  double       smallest_asked;
} IapChartText;

/* The smallest chart text on screen, in pixels (docs/charts.md) */
#define IAP_CHART_MIN_FONT 14.0

/* Draws or only measures a chart @width wide; returns its height. */
typedef double (*IapChartRender) (cairo_t  *cr,
                                  gpointer  data,
                                  double    width,
                                  gboolean  paint);

extern const IapColor iap_chart_ink;
extern const IapColor iap_chart_dim_ink;

double iap_chart_get_screen_font (double          width,
                                 double          height);
double iap_chart_get_room_font (double            image_height);
void   iap_chart_set_source   (cairo_t            *cr,
                               const IapColor     *color);
void   iap_chart_text_init    (IapChartText       *self,
                               cairo_t            *cr,
                               double              font,
                               gboolean            paint);
void   iap_chart_text_clear   (IapChartText       *self);
void   iap_chart_text_set_mirrored (IapChartText  *self,
                               double              chart_width);
double iap_chart_text_mirror  (IapChartText       *self,
                               double              x,
                               double              width);
void   iap_chart_text_size    (IapChartText       *self,
                               const char         *text,
                               IapTextFlags        flags,
                               double             *width,
                               double             *height);
double iap_chart_text_draw    (IapChartText       *self,
                               const char         *text,
                               double              x,
                               double              y,
                               double              width,
                               IapTextFlags        flags,
                               const IapColor     *color);
double iap_chart_text_widest_word (IapChartText  *self,
                               const char         *text,
                               IapTextFlags        flags);
guint  iap_chart_paginate     (const double       *row_heights,
                               guint               n_rows,
                               double              page_height,
                               GArray             *starts);
double iap_chart_measure      (IapChartRender      render,
                               gpointer            data,
                               double              width);
gboolean iap_chart_layout_is_broken (PangoLayout  *layout);
void   iap_chart_draw_in_box  (cairo_t            *cr,
                               IapChartRender      render,
                               gpointer            data,
                               double              width,
                               double              height);

G_END_DECLS
