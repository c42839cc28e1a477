/* iap-chart-text.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the charts that explain themselves on paper share: their text,
 * set in one family at sizes relative to one font size, and a box on
 * white that a chart fills, scaled down as a whole when it is too short.
 */

#define G_LOG_DOMAIN "iap-chart-text"

#include "config.h"

#include "iap-chart-text.h"
#include "iap-render-text.h"

const IapColor iap_chart_ink = { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0 };
const IapColor iap_chart_dim_ink = { 0x4a / 255.0, 0x4a / 255.0, 0x52 / 255.0 };

/**
 * iap_chart_get_screen_font:
 * @width: the chart's width, in pixels
 * @height: its height, or 0 for a chart as tall as its content needs
 *
 * The font size of a chart on screen that fills @width x @height, by
 * the rule of docs/charts.md: never below %IAP_CHART_MIN_FONT, and
 * growing with the chart, so that a chart given a projector's whole
 * screen has text to match.
 *
 * Returns: a font size, in pixels
 */
double
iap_chart_get_screen_font (double width,
                           double height)
{
  double font = height > 0 ? MIN (width / 40.0, height / 30.0) : width / 72.0;

  return MAX (IAP_CHART_MIN_FONT, font);
}

/**
 * iap_chart_get_room_font:
 * @image_height: the height of the screen or projected image, in pixels
 *
 * The font size of a chart shown to a room: capitals subtend 16 minutes
 * of arc at the back of a room 8 m deep with the image 1.5 m high, that
 * is 1/28 of the image's height (docs/charts.md).
 *
 * Returns: a font size, in pixels
 */
double
iap_chart_get_room_font (double image_height)
{
  return MAX (IAP_CHART_MIN_FONT, image_height / 28.0);
}

void
iap_chart_set_source (cairo_t        *cr,
                      const IapColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

void
iap_chart_text_init (IapChartText *self,
                     cairo_t      *cr,
                     double        font,
                     gboolean      paint)
{
  g_return_if_fail (self != NULL && cr != NULL);

  self->cr = cr;
  self->layout = pango_cairo_create_layout (cr);
  /* The direction and fonts of the language it is written in */
  iap_render_setup_context (pango_layout_get_context (self->layout));
  pango_layout_context_changed (self->layout);
  /* The chart's direction, not that of a label's first word; labels
   * inserted in sentences are isolated (iap_text_isolate()) */
  pango_layout_set_auto_dir (self->layout, FALSE);
  self->font = font;
  self->paint = paint;
  self->min_font = 0;
  self->smallest = G_MAXDOUBLE;
  self->smallest_asked = G_MAXDOUBLE;
  self->mirror_width = 0;
}

/**
 * iap_chart_text_set_mirrored:
 * @chart_width: the chart's width
 *
 * Draws the chart mirrored in a language written right to left: each
 * piece of text goes where iap_chart_text_mirror() puts its box, flush
 * with the start of its line. Only positions change: text is never
 * drawn flipped.
 */
void
iap_chart_text_set_mirrored (IapChartText *self,
                             double        chart_width)
{
  g_return_if_fail (self != NULL);

  self->mirror_width = iap_render_is_rtl () ? chart_width : 0;
}

/**
 * iap_chart_text_mirror:
 *
 * Returns: the x of a box at @x, @width wide, as drawn: mirrored about
 *   the chart's middle in a chart drawn right to left
 */
double
iap_chart_text_mirror (IapChartText *self,
                       double        x,
                       double        width)
{
  g_return_val_if_fail (self != NULL, x);

  return self->mirror_width > 0 ? self->mirror_width - x - width : x;
}

void
iap_chart_text_clear (IapChartText *self)
{
  g_return_if_fail (self != NULL);

  g_clear_object (&self->layout);
}

static void
prepare (IapChartText *self,
         const char   *text,
         double        width,
         IapTextFlags  flags)
{
  double size = self->font * (flags & IAP_TEXT_SMALL ? 0.85 : flags & IAP_TEXT_LARGE ? 1.35 : 1.0);
  PangoFontDescription *desc = iap_render_font_new (MAX (size, self->min_font));

  self->smallest = MIN (self->smallest, MAX (size, self->min_font));
  self->smallest_asked = MIN (self->smallest_asked, size);
  if (flags & IAP_TEXT_BOLD)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  if (flags & IAP_TEXT_ITALIC)
    pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (self->layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_width (self->layout, width > 0 ? (int)(width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (self->layout,
                              flags & IAP_TEXT_CENTER ? PANGO_ALIGN_CENTER :
                              flags & IAP_TEXT_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (self->layout, text, -1);
  iap_render_check_glyphs (self->layout);
}

/* The size @text takes on one line */
void
iap_chart_text_size (IapChartText *self,
                     const char   *text,
                     IapTextFlags  flags,
                     double       *width,
                     double       *height)
{
  PangoRectangle logical;

  g_return_if_fail (self != NULL && text != NULL);

  prepare (self, text, -1, flags);
  pango_layout_get_extents (self->layout, NULL, &logical);
  *width = (double)logical.width / PANGO_SCALE;
  *height = (double)logical.height / PANGO_SCALE;
}

/**
 * iap_chart_text_widest_word:
 *
 * Returns: the width of the widest word of @text set with @flags, words
 *   being what spaces part: the narrowest a box can be that wraps @text
 *   without breaking a word
 */
double
iap_chart_text_widest_word (IapChartText *self,
                            const char   *text,
                            IapTextFlags  flags)
{
  g_auto(GStrv) words = NULL;
  double widest = 0;

  g_return_val_if_fail (self != NULL && text != NULL, 0);

  words = g_strsplit (text, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        double width, height;

        iap_chart_text_size (self, words[i], flags, &width, &height);
        widest = MAX (widest, width);
      }

  return widest;
}

/**
 * iap_chart_text_draw:
 * @width: the width to wrap to, or -1 for one line
 * @color: (nullable): the colour, else the ink (dim with %IAP_TEXT_DIM)
 *
 * Draws @text at (@x, @y), or only measures it when not painting; in a
 * chart drawn mirrored, its box (@width wide, else as wide as the text)
 * where iap_chart_text_mirror() puts it.
 *
 * Returns: its height, 0 for no text
 */
double
iap_chart_text_draw (IapChartText   *self,
                     const char     *text,
                     double          x,
                     double          y,
                     double          width,
                     IapTextFlags    flags,
                     const IapColor *color)
{
  PangoRectangle logical;

  g_return_val_if_fail (self != NULL, 0);

  if (text == NULL || text[0] == '\0')
    return 0;

  /* Mirrored, flush with the start of the line, which is its right */
  if (self->mirror_width > 0 && !(flags & IAP_TEXT_CENTER))
    flags ^= IAP_TEXT_RIGHT;
  prepare (self, text, width, flags);
  pango_layout_get_extents (self->layout, NULL, &logical);
  if (self->paint)
    {
      iap_chart_set_source (self->cr, color != NULL ? color : flags & IAP_TEXT_DIM ? &iap_chart_dim_ink
                                                                                   : &iap_chart_ink);
      cairo_move_to (self->cr, iap_chart_text_mirror (self, x, width > 0 ? width : (double) logical.width / PANGO_SCALE), y);
      pango_cairo_show_layout (self->cr, self->layout);
    }

  return (double)logical.height / PANGO_SCALE;
}

/**
 * iap_chart_measure:
 *
 * Returns: the height @render needs at @width
 */
double
iap_chart_measure (IapChartRender render,
                   gpointer       data,
                   double         width)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double height;

  height = render (cr, data, width, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return height;
}

/**
 * iap_chart_draw_in_box:
 *
 * Draws with @render in the box (0, 0, @width, @height) of @cr: on white,
 * like paper, whatever the theme, since the chart is what gets printed;
 * scaled down as a whole when the box is too short for it.
 */
void
iap_chart_draw_in_box (cairo_t        *cr,
                       IapChartRender  render,
                       gpointer        data,
                       double          width,
                       double          height)
{
  double needed = iap_chart_measure (render, data, width);
  double scale = needed > height && height > 0 ? height / needed : 1.0;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_scale (cr, scale, scale);
  render (cr, data, width / scale, TRUE);
  cairo_restore (cr);
}

/**
 * iap_chart_paginate:
 * @row_heights: (array length=n_rows): the rows' heights
 * @n_rows: their number
 * @page_height: the height a page holds
 * @starts: (element-type guint): set to the first row of each page, then
 *   @n_rows
 *
 * Puts rows on pages: as many pages as filling each with the rows that
 * fit takes (a row taller than a page on a page of its own), the rows
 * then spread over them evenly, the same number on each and one more on
 * the first ones, so that the last page is not left with one. Where an
 * even page would not hold its rows, the pages stay filled in turn.
 *
 * Returns: the number of pages, one (empty) for no rows
 */
guint
iap_chart_paginate (const double *row_heights,
                    guint         n_rows,
                    double        page_height,
                    GArray       *starts)
{
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_pages, first = 0;
  gboolean even = TRUE;
  double used = 0;

  g_return_val_if_fail (row_heights != NULL || n_rows == 0, 1);
  g_return_val_if_fail (starts != NULL, 1);

  g_array_append_val (full, first);
  for (guint i = 0; i < n_rows; i++)
    {
      if (i > first && used + row_heights[i] > page_height)
        {
          first = i;
          g_array_append_val (full, first);
          used = 0;
        }
      used += row_heights[i];
    }
  n_pages = full->len;

  g_array_set_size (starts, 0);
  first = 0;
  for (guint page = 0; page < n_pages && even; page++)
    {
      guint size = n_rows / n_pages + (page < n_rows % n_pages ? 1 : 0);

      g_array_append_val (starts, first);
      used = 0;
      for (guint i = first; i < first + size; i++)
        used += row_heights[i];
      even = used <= page_height || size < 2;
      first += size;
    }
  if (!even)
    {
      g_array_set_size (starts, 0);
      g_array_append_vals (starts, full->data, full->len);
    }
  g_array_append_val (starts, n_rows);

  return n_pages;
}

/**
 * iap_chart_layout_is_broken:
 *
 * Whether @layout's text is cut short (ellipsized) or one of its lines
 * starts inside a word, where the language allows no line break (a
 * break between two Chinese characters is allowed, one inside a Latin
 * word is not).
 */
gboolean
iap_chart_layout_is_broken (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  GSList *lines;
  int n_attrs;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), FALSE);

  if (pango_layout_is_ellipsized (layout))
    return TRUE;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  lines = pango_layout_get_lines_readonly (layout);
  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      glong offset = g_utf8_pointer_to_offset (text, text + line->start_index);

      if (offset < n_attrs && !attrs[offset].is_line_break)
        return TRUE;
    }

  return FALSE;
}
