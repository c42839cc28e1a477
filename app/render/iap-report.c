/* iap-report.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The printed risk summary, in two passes: iap_report_new() measures
 * every block with pango and flows them into pages; draw_page() then
 * paints one page on any cairo context (PDF, print, preview). The
 * sections themselves are in iap-report-sections.c. */

#define G_LOG_DOMAIN "iap-report"

#include "config.h"

#include "iap-i18n.h"
#include <cairo-pdf.h>
#include <math.h>

#include "iap-balance-chart.h"
#include "iap-consensus.h"
#include "iap-heat-map.h"
#include "iap-palette.h"
#include "iap-integration-chart.h"
#include "iap-option-maps.h"
#include "iap-movement-chart.h"
#include "iap-render-text.h"
#include "iap-report-private.h"

#define CELL_PAD     3.0
#define BLOCK_SPACE  6.0
#define HEADER_SPACE 22.0
#define MM           (72.0 / 25.4)

typedef enum
{
  BLOCK_TEXT,
  BLOCK_FILL,
  BLOCK_LINE,
  BLOCK_CHART,
} BlockKind;

/* A text block shows its layout whole, or only lines
 * [first_line, end_line) when a text runs on over a page break: then its
 * y is where the first of those lines goes. */
typedef struct
{
  BlockKind    kind;
  double       x;
  double       y;
  double       width;
  double       height;
  PangoLayout *layout;
  int          first_line;
  int          end_line;
  IapColor     color;
  int          chart;
} Block;

/* Where a line of a layout lies, in points from the layout's top */
typedef struct
{
  double top;
  double bottom;
  double baseline;
  int    start_index;
  int    length;
} LineBox;

/* A paragraph naming the page a later section starts on, written once
 * every page is laid out */
typedef struct
{
  Block                 *block;
  char                  *section;
  IapReportPageReference write;
  gpointer               data;
} Reference;

static void
reference_free (gpointer data)
{
  Reference *reference = data;

  g_free (reference->section);
  g_free (reference);
}

/* Headings and a table's header row keep with what follows: from the
 * block @block of page @page (at @y) on, they move to the next page if
 * that is where the next text or row has to go. */
typedef struct
{
  gboolean active;
  guint    page;
  guint    block;
  guint    row;
  guint    section;
  double   y;
} Keep;

struct _IapReport
{
  GObject           parent_instance;

  IapWorkshop      *workshop;
  IapReportOptions  options;
  /* The language it is written in (NULL: the interface's), and whether
   * that runs right to left: then every page is drawn mirrored. */
  char             *language;
  gboolean          rtl;
  char             *date;
  PangoContext     *context;
  /* Risk id -> IapRiskStats, made when a section first asks */
  GHashTable       *consensus;
  /* Of GPtrArray of Block. */
  GPtrArray        *pages;
  GArray           *rows;
  GPtrArray        *sections;
  double            y;

  Keep              keep;
  /* The page each section starts on, as sections lists them */
  GArray           *section_pages;
  GPtrArray        *references;

  /* The table being laid out, whose header repeats on each page. */
  char            **headers;
  double           *widths;
  guint             n_columns;
};

G_DEFINE_FINAL_TYPE (IapReport, iap_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (iap-report-error-quark, iap_report_error)

static const IapColor ink = { 0.13, 0.13, 0.13 };
static const IapColor muted = { 0.38, 0.38, 0.40 };
static const IapColor rule = { 0.70, 0.72, 0.75 };
static const IapColor accent = { 0.00, 0.36, 0.62 };
static const IapColor header_fill = { 0.88, 0.91, 0.95 };

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_free (block);
}

static void
iap_report_finalize (GObject *object)
{
  IapReport *self = IAP_REPORT (object);

  g_clear_object (&self->workshop);
  g_clear_object (&self->options.since);
  g_clear_pointer (&self->options.date, g_date_time_unref);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->consensus, g_hash_table_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->section_pages, g_array_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->widths, g_free);

  G_OBJECT_CLASS (iap_report_parent_class)->finalize (object);
}

static void
iap_report_class_init (IapReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = iap_report_finalize;
}

static void
iap_report_init (IapReport *self)
{
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->rows = g_array_new (FALSE, TRUE, sizeof (IapReportRow));
  self->sections = g_ptr_array_new_with_free_func (g_free);
  self->section_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->references = g_ptr_array_new_with_free_func (reference_free);
}

void
iap_report_options_init (IapReportOptions *options,
                         IapReportPaper    paper)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  if (paper == IAP_REPORT_PAPER_LETTER)
    {
      options->page_width = 612.0;
      options->page_height = 792.0;
    }
  else
    {
      options->page_width = 210.0 * MM;
      options->page_height = 297.0 * MM;
    }
  options->margin_top = 20.0 * MM;
  options->margin_bottom = 18.0 * MM;
  options->margin_left = 18.0 * MM;
  options->margin_right = 18.0 * MM;
}

/* Measured and drawn at 72 units per inch with unhinted metrics, so a
 * layout measures the same on a PDF, a printer and a preview. In the
 * report's language: fonts are chosen for it (the simplified forms of
 * Chinese characters in a Chinese report, say). */
static PangoContext *
create_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  /* Every paragraph runs in the direction of the report's language, not
   * of its first word: an Arabic country name does not turn an English
   * line around. Inserted values are isolated (iap_text_isolate()). */
  iap_render_setup_context (context);
  cairo_font_options_destroy (font_options);

  return context;
}

/**
 * iap_report_get_direction:
 *
 * Returns: the direction of the language the report is written in
 */
PangoDirection
iap_report_get_direction (void)
{
  return iap_render_is_rtl () ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
}

static PangoLayout *
create_layout (IapReport  *self,
               const char *markup,
               double      size,
               double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (IAP_RENDER_FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, FALSE);
  /* Flush with the start of the line: its right in a language written
   * right to left (pango's alignment is not relative to direction) */
  pango_layout_set_alignment (layout, self->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_markup (layout, markup, -1);
  iap_render_check_glyphs (layout);

  return layout;
}

static GArray *
measure_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      LineBox box;
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      box.top = pango_units_to_double (top);
      box.bottom = pango_units_to_double (bottom);
      box.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      box.start_index = line->start_index;
      box.length = line->length;
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return lines;
}

/* How many lines of @lines from @first fit in @height; at least one, so
 * that a text always moves on */
static guint
lines_fitting (GArray *lines,
               guint   first,
               double  height)
{
  guint end = first;
  double top = g_array_index (lines, LineBox, first).top;

  while (end < lines->len && g_array_index (lines, LineBox, end).bottom - top <= height)
    end++;

  return MAX (end, first + 1);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return pango_units_to_double (height);
}

static double
content_top (IapReport *self)
{
  return self->options.margin_top + HEADER_SPACE;
}

static double
content_bottom (IapReport *self)
{
  return self->options.page_height - self->options.margin_bottom - HEADER_SPACE;
}

double
iap_report_get_text_width (IapReport *self)
{
  return self->options.page_width - self->options.margin_left - self->options.margin_right;
}

/* How much height is left on the current page. */
double
iap_report_get_room_left (IapReport *self)
{
  return content_bottom (self) - self->y;
}

IapWorkshop *
iap_report_get_workshop (IapReport *self)
{
  return self->workshop;
}

/* Each risk's statistics on its latest public round, computed once for
 * the whole report: one pass over the rounds, not one per risk. */
const IapRiskStats *
iap_report_get_consensus (IapReport  *self,
                          const char *risk)
{
  if (self->consensus == NULL)
    self->consensus = iap_consensus_latest (self->workshop);

  return iap_consensus_lookup (self->consensus, risk);
}

/* The comparison of the "Changes since" section, or NULL */
IapComparison *
iap_report_get_since (IapReport *self)
{
  return self->options.since;
}

gboolean
iap_report_get_anonymize (IapReport *self)
{
  return self->options.anonymize || iap_workshop_get_anonymize (self->workshop);
}

static GPtrArray *
current_page (IapReport *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
keep_with_next (IapReport *self)
{
  if (self->keep.active)
    return;

  self->keep.active = TRUE;
  self->keep.page = self->pages->len - 1;
  self->keep.block = current_page (self)->len;
  self->keep.row = self->rows->len;
  self->keep.section = self->sections->len;
  self->keep.y = self->y;
}

/* What follows a heading has been placed beside it */
static void
kept (IapReport *self)
{
  self->keep.active = FALSE;
}

/* Starts a new page, taking along the headings (and a table's header)
 * waiting at the foot of this one for what follows them.
 *
 * Returns: whether it did */
static gboolean
next_page (IapReport *self)
{
  GPtrArray *previous = self->pages->len > 0 ? current_page (self) : NULL;
  gboolean carry = self->keep.active && previous != NULL &&
                   self->keep.page == self->pages->len - 1 &&
                   self->keep.y > content_top (self) + 0.5;
  double shift = content_top (self) - self->keep.y;
  double y = self->y;
  GPtrArray *page;

  page = g_ptr_array_new_with_free_func (block_free);
  g_ptr_array_add (self->pages, page);
  self->y = content_top (self);
  if (!carry)
    {
      kept (self);
      return FALSE;
    }

  while (previous->len > self->keep.block)
    {
      Block *block = g_ptr_array_steal_index (previous, self->keep.block);

      block->y += shift;
      g_ptr_array_add (page, block);
    }
  for (guint i = self->keep.row; i < self->rows->len; i++)
    {
      IapReportRow *row = &g_array_index (self->rows, IapReportRow, i);

      row->page = self->pages->len - 1;
      row->y += shift;
    }
  for (guint i = self->keep.section; i < self->section_pages->len; i++)
    g_array_index (self->section_pages, guint, i) = self->pages->len - 1;
  self->keep.page = self->pages->len - 1;
  self->keep.block = 0;
  self->keep.y = content_top (self);
  self->y = y + shift;

  return TRUE;
}

void
iap_report_new_page (IapReport *self)
{
  kept (self);
  next_page (self);
}

/* Moves to a new page unless @height still fits on this one. */
static void
ensure_space (IapReport *self,
              double     height)
{
  if (self->y + height > content_bottom (self) && self->y > content_top (self))
    next_page (self);
}

static void
add_section (IapReport  *self,
             const char *title)
{
  guint page = self->pages->len - 1;

  g_ptr_array_add (self->sections, g_strdup (title));
  g_array_append_val (self->section_pages, page);
}

static Block *
add_block (IapReport *self,
           BlockKind  kind,
           double     x,
           double     y,
           double     width,
           double     height)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->x = x;
  block->y = y;
  block->width = width;
  block->height = height;
  block->color = ink;
  g_ptr_array_add (current_page (self), block);

  return block;
}

static Block *
add_text (IapReport   *self,
          PangoLayout *layout,
          double       x,
          double       y)
{
  Block *block = add_block (self, BLOCK_TEXT, x, y,
                            pango_units_to_double (pango_layout_get_width (layout)),
                            layout_height (layout));

  block->layout = layout;
  block->end_line = -1;

  return block;
}

/* Lines [first, end) of @layout at @y, their first line's top there */
static Block *
add_text_lines (IapReport   *self,
                PangoLayout *layout,
                GArray      *lines,
                guint        first,
                guint        end,
                double       x,
                double       y)
{
  double top = g_array_index (lines, LineBox, first).top;
  double bottom = g_array_index (lines, LineBox, end - 1).bottom;
  Block *block;

  if (first == 0 && end == lines->len)
    return add_text (self, layout, x, y);

  block = add_block (self, BLOCK_TEXT, x, y, pango_units_to_double (pango_layout_get_width (layout)),
                     bottom - top);
  block->layout = layout;
  block->first_line = first;
  block->end_line = end;

  return block;
}

/* Places @layout at @x from here on, running on over as many pages as
 * it needs, broken between lines; every line is printed. */
static void
flow_text (IapReport   *self,
           PangoLayout *layout,
           double       x,
           double       space_after)
{
  g_autoptr(GArray) lines = measure_lines (layout);
  guint first = 0;

  while (first < lines->len)
    {
      guint end = lines_fitting (lines, first, content_bottom (self) - self->y);
      double top = g_array_index (lines, LineBox, first).top;

      /* A page that holds not even one line: go on to the next */
      if (g_array_index (lines, LineBox, end - 1).bottom - top > content_bottom (self) - self->y &&
          self->y > content_top (self))
        {
          next_page (self);
          continue;
        }
      add_text_lines (self, first == 0 ? layout : g_object_ref (layout), lines, first, end, x, self->y);
      self->y += g_array_index (lines, LineBox, end - 1).bottom - top;
      kept (self);
      first = end;
      if (first < lines->len)
        next_page (self);
    }
  self->y += space_after;
}

/* The first section's title is a small line above the document's title. */
void
iap_report_add_title (IapReport  *self,
                      const char *section,
                      const char *text)
{
  g_autofree char *upper = g_utf8_strup (section, -1);
  g_autofree char *kicker = g_markup_printf_escaped ("<b>%s</b>", upper);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);
  PangoLayout *layout = create_layout (self, kicker, 10.0, iap_report_get_text_width (self));
  Block *block;

  add_section (self, section);
  keep_with_next (self);
  block = add_text (self, layout, self->options.margin_left, self->y);
  block->color = muted;
  self->y += layout_height (layout) + 2.0;
  layout = create_layout (self, markup, IAP_REPORT_TITLE_SIZE, iap_report_get_text_width (self));
  block = add_text (self, layout, self->options.margin_left, self->y);
  block->color = accent;
  self->y += layout_height (layout) + BLOCK_SPACE;
}

/* A heading keeps with what follows: when that goes to the next page,
 * so does the heading. */
void
iap_report_add_heading (IapReport  *self,
                        const char *text,
                        gboolean    new_page)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);
  PangoLayout *layout = create_layout (self, markup, IAP_REPORT_HEADING_SIZE, iap_report_get_text_width (self));
  double height = layout_height (layout);
  Block *block;

  if (new_page)
    iap_report_new_page (self);
  else
    {
      self->y += BLOCK_SPACE;
      ensure_space (self, height + 40.0);
    }
  add_section (self, text);
  keep_with_next (self);
  block = add_text (self, layout, self->options.margin_left, self->y);
  block->color = accent;
  self->y += height + 2.0;
  block = add_block (self, BLOCK_LINE, self->options.margin_left, self->y, iap_report_get_text_width (self), 0);
  block->color = accent;
  self->y += BLOCK_SPACE;
}

void
iap_report_add_subheading (IapReport  *self,
                           const char *text)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);
  PangoLayout *layout = create_layout (self, markup, 11.0, iap_report_get_text_width (self));
  double height = layout_height (layout);

  self->y += BLOCK_SPACE / 2;
  ensure_space (self, height + 30.0);
  keep_with_next (self);
  add_text (self, layout, self->options.margin_left, self->y);
  self->y += height + BLOCK_SPACE / 2;
}

void
iap_report_add_paragraph (IapReport  *self,
                          const char *markup)
{
  PangoLayout *layout = create_layout (self, markup, IAP_REPORT_BODY_SIZE, iap_report_get_text_width (self));

  /* Whole on the next page if it fits there; longer, it runs on */
  if (layout_height (layout) <= content_bottom (self) - content_top (self))
    ensure_space (self, layout_height (layout));
  flow_text (self, layout, self->options.margin_left, BLOCK_SPACE);
}

/**
 * iap_report_add_page_reference:
 * @section: the title of a section that comes later
 * @write: makes the paragraph's markup for the page number, from 1
 *
 * A short paragraph that says on which page @section starts, such as
 * "3 more: see the Risk register, page 2".
 */
void
iap_report_add_page_reference (IapReport              *self,
                               const char             *section,
                               IapReportPageReference  write,
                               gpointer                data)
{
  g_autofree char *markup = write (self, 999, data);
  PangoLayout *layout = create_layout (self, markup, IAP_REPORT_TABLE_SIZE, iap_report_get_text_width (self));
  Reference *reference;

  ensure_space (self, 2.0 + layout_height (layout));
  reference = g_new0 (Reference, 1);
  reference->block = add_text (self, layout, self->options.margin_left, self->y + 2.0);
  reference->block->color = muted;
  reference->section = g_strdup (section);
  reference->write = write;
  reference->data = data;
  g_ptr_array_add (self->references, reference);
  self->y += 2.0 + layout_height (layout) + BLOCK_SPACE;
  kept (self);
}

static void
write_references (IapReport *self)
{
  for (guint i = 0; i < self->references->len; i++)
    {
      Reference *reference = g_ptr_array_index (self->references, i);
      guint page = 0;
      g_autofree char *markup = NULL;

      for (guint s = 0; s < self->section_pages->len; s++)
        if (g_str_equal (g_ptr_array_index (self->sections, s), reference->section))
          page = g_array_index (self->section_pages, guint, s) + 1;
      markup = reference->write (self, page, reference->data);
      g_clear_object (&reference->block->layout);
      reference->block->layout = create_layout (self, markup, IAP_REPORT_TABLE_SIZE,
                                                reference->block->width);
    }
}

/* A paragraph in a tinted box with a band-coloured edge, for the
 * classification and the recommendation. */
void
iap_report_add_callout (IapReport  *self,
                        const char *markup,
                        int         band)
{
  double width = iap_report_get_text_width (self);
  PangoLayout *layout = create_layout (self, markup, IAP_REPORT_BODY_SIZE + 0.5, width - 20.0);
  g_autoptr(GArray) lines = measure_lines (layout);
  guint first = 0;

  if (layout_height (layout) + 2 * 6.0 <= content_bottom (self) - content_top (self))
    ensure_space (self, layout_height (layout) + 2 * 6.0);
  /* A box on each page that the text runs on over */
  while (first < lines->len)
    {
      guint end = lines_fitting (lines, first, content_bottom (self) - self->y - 2 * 6.0);
      double height = g_array_index (lines, LineBox, end - 1).bottom - g_array_index (lines, LineBox, first).top;
      Block *block;

      if (height + 2 * 6.0 > content_bottom (self) - self->y && self->y > content_top (self))
        {
          next_page (self);
          continue;
        }
      block = add_block (self, BLOCK_FILL, self->options.margin_left, self->y, width, height + 2 * 6.0);
      block->color = (IapColor) { 0.95, 0.96, 0.97 };
      block = add_block (self, BLOCK_FILL, self->options.margin_left, self->y, 4.0, height + 2 * 6.0);
      if (band >= 0)
        iap_palette_get_band_fill (band, &block->color);
      else
        block->color = accent;
      add_text_lines (self, first == 0 ? layout : g_object_ref (layout), lines, first, end,
                      self->options.margin_left + 14.0, self->y + 6.0);
      self->y += height + 2 * 6.0;
      kept (self);
      first = end;
      if (first < lines->len)
        next_page (self);
    }
  self->y += BLOCK_SPACE;
}

/* Charts side by side, each with a caption above it. */
void
iap_report_add_charts (IapReport            *self,
                       const IapReportChart *charts,
                       const char * const   *captions,
                       guint                 n_charts,
                       double                height)
{
  double gap = 12.0;
  double width = (iap_report_get_text_width (self) - gap * (n_charts - 1)) / n_charts;
  double caption_height = 0;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new ();

  for (guint i = 0; i < n_charts; i++)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", captions[i]);
      PangoLayout *layout = create_layout (self, markup, IAP_REPORT_BODY_SIZE, width);

      g_ptr_array_add (layouts, layout);
      caption_height = MAX (caption_height, layout_height (layout));
    }
  ensure_space (self, caption_height + height);
  for (guint i = 0; i < n_charts; i++)
    {
      double x = self->options.margin_left + i * (width + gap);
      Block *block;

      add_text (self, g_ptr_array_index (layouts, i), x, self->y);
      block = add_block (self, BLOCK_CHART, x, self->y + caption_height + 2.0, width, height);
      block->chart = charts[i];
    }
  self->y += caption_height + 2.0 + height + BLOCK_SPACE;
  kept (self);
}

static void
emit_row (IapReport          *self,
          const char * const *cells,
          const int          *bands,
          gboolean            header);

void
iap_report_begin_table (IapReport          *self,
                        const char * const *headers,
                        const double       *widths,
                        guint               n_columns)
{
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->widths, g_free);
  self->headers = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    self->headers[c] = g_strdup (headers[c]);
  self->widths = g_memdup2 (widths, n_columns * sizeof (double));
  self->n_columns = n_columns;
  emit_row (self, headers, NULL, TRUE);
}

void
iap_report_end_table (IapReport *self)
{
  self->y += BLOCK_SPACE;
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->widths, g_free);
  self->n_columns = 0;
}

static GPtrArray *
measure_row (IapReport          *self,
             const char * const *cells,
             gboolean            header,
             double             *height)
{
  double width = iap_report_get_text_width (self);
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  *height = 0;
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *bold = header ? g_strdup_printf ("<b>%s</b>", cells[c]) : NULL;
      PangoLayout *layout = create_layout (self, header ? bold : cells[c], IAP_REPORT_TABLE_SIZE,
                                           self->widths[c] * width - 2 * CELL_PAD);

      g_ptr_array_add (layouts, layout);
      *height = MAX (*height, layout_height (layout) + 2 * CELL_PAD);
    }

  return layouts;
}

/* Places a row, or the part of it from line @firsts[c] to @ends[c] of
 * each cell c when it runs on over pages (@lines: the cells' LineBox
 * arrays); @firsts NULL for the whole row. */
static void
place_row (IapReport  *self,
           GPtrArray  *layouts,
           GPtrArray  *lines,
           const guint *firsts,
           const guint *ends,
           const int  *bands,
           gboolean    header,
           double      height)
{
  double width = iap_report_get_text_width (self);
  double x = self->options.margin_left;
  IapReportRow row = { self->pages->len - 1, self->y, height, header };
  Block *block;

  if (header)
    {
      block = add_block (self, BLOCK_FILL, x, self->y, width, height);
      block->color = header_fill;
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      double w = self->widths[c] * width;
      PangoLayout *layout = g_ptr_array_index (layouts, c);
      Block *text = NULL;

      if (bands != NULL && bands[c] != IAP_REPORT_NO_BAND)
        {
          block = add_block (self, BLOCK_FILL, x, self->y, w, height);
          iap_palette_get_band_fill (bands[c], &block->color);
        }
      if (firsts == NULL)
        text = add_text (self, g_object_ref (layout), x + CELL_PAD, self->y + CELL_PAD);
      else if (firsts[c] < ends[c])
        text = add_text_lines (self, g_object_ref (layout), g_ptr_array_index (lines, c),
                               firsts[c], ends[c], x + CELL_PAD, self->y + CELL_PAD);
      if (text != NULL && bands != NULL && bands[c] != IAP_REPORT_NO_BAND)
        iap_palette_get_band_text (bands[c], &text->color);
      x += w;
    }
  block = add_block (self, BLOCK_LINE, self->options.margin_left, self->y + height, width, 0);
  block->color = header ? ink : rule;
  g_array_append_val (self->rows, row);
  self->y += height;
}

/* The next page of the table, under its header row again, unless the
 * header came along with the heading it was kept with */
static void
continue_table (IapReport *self)
{
  double height;
  g_autoptr(GPtrArray) layouts = NULL;

  if (next_page (self))
    return;
  layouts = measure_row (self, (const char * const *) self->headers, TRUE, &height);
  place_row (self, layouts, NULL, NULL, NULL, NULL, TRUE, height);
}

/* A row too tall for a page runs on over the next ones, each cell broken
 * between its lines, under the header repeated: every word is printed. */
static void
split_row (IapReport *self,
           GPtrArray *layouts,
           const int *bands)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree guint *firsts = g_new0 (guint, self->n_columns);
  g_autofree guint *ends = g_new0 (guint, self->n_columns);
  gboolean more = TRUE;

  for (guint c = 0; c < self->n_columns; c++)
    g_ptr_array_add (lines, measure_lines (g_ptr_array_index (layouts, c)));

  while (more)
    {
      double space = content_bottom (self) - self->y - 2 * CELL_PAD;
      double height = 0;

      /* Not even a few lines left: start the row on the next page */
      if (space < 3 * IAP_REPORT_TABLE_SIZE * 1.4)
        {
          continue_table (self);
          continue;
        }
      more = FALSE;
      for (guint c = 0; c < self->n_columns; c++)
        {
          GArray *cell = g_ptr_array_index (lines, c);

          if (firsts[c] >= cell->len)
            {
              ends[c] = firsts[c];
              continue;
            }
          ends[c] = lines_fitting (cell, firsts[c], space);
          height = MAX (height, g_array_index (cell, LineBox, ends[c] - 1).bottom -
                                g_array_index (cell, LineBox, firsts[c]).top);
          more |= ends[c] < cell->len;
        }
      place_row (self, layouts, lines, firsts, ends, bands, FALSE, height + 2 * CELL_PAD);
      kept (self);
      memcpy (firsts, ends, self->n_columns * sizeof (guint));
      if (more)
        continue_table (self);
    }
}

/* A row is kept whole: if it does not fit it starts the next page,
 * under a repeated header row; one taller than a page runs on. */
static void
emit_row (IapReport          *self,
          const char * const *cells,
          const int          *bands,
          gboolean            header)
{
  double height, header_height;
  g_autoptr(GPtrArray) layouts = measure_row (self, cells, header, &height);
  g_autoptr(GPtrArray) header_layouts = NULL;

  if (header)
    {
      /* Keep the header with at least a row's first lines */
      ensure_space (self, height + 3 * IAP_REPORT_TABLE_SIZE * 1.4 + 2 * CELL_PAD);
      keep_with_next (self);
      place_row (self, layouts, NULL, NULL, NULL, NULL, TRUE, height);
      return;
    }

  header_layouts = measure_row (self, (const char * const *) self->headers, TRUE, &header_height);
  if (height > content_bottom (self) - content_top (self) - header_height)
    {
      split_row (self, layouts, bands);
      return;
    }
  if (self->y + height > content_bottom (self))
    continue_table (self);
  place_row (self, layouts, NULL, NULL, NULL, bands, FALSE, height);
  kept (self);
}

/* The height of a one-line note in table type, such as a page reference */
static double
note_height (IapReport *self)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "X", IAP_REPORT_TABLE_SIZE, iap_report_get_text_width (self));

  return layout_height (layout) + 2.0 + BLOCK_SPACE;
}

/* For the one-page summary: adds the row only if it fits on this page,
 * with room left for a note below it when @keep_room_for_note. */
gboolean
iap_report_add_row_if_fits (IapReport          *self,
                            const char * const *cells,
                            const int          *bands,
                            gboolean            keep_room_for_note)
{
  double height;
  g_autoptr(GPtrArray) layouts = measure_row (self, cells, FALSE, &height);

  if (self->y + height + (keep_room_for_note ? note_height (self) + BLOCK_SPACE : 0) > content_bottom (self))
    return FALSE;
  place_row (self, layouts, NULL, NULL, NULL, bands, FALSE, height);
  kept (self);

  return TRUE;
}

void
iap_report_add_row (IapReport          *self,
                    const char * const *cells,
                    const int          *bands)
{
  g_return_if_fail (self->n_columns > 0);

  emit_row (self, cells, bands, FALSE);
}


IapReport *
iap_report_new (IapWorkshop            *workshop,
                const IapReportOptions *options)
{
  IapReport *self;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (IAP_TYPE_REPORT, NULL);
  self->workshop = g_object_ref (workshop);
  self->options = *options;
  self->language = g_strdup (options->language);
  self->options.language = self->language;
  self->options.date = options->date != NULL ? g_date_time_ref (options->date)
                                             : g_date_time_new_now_local ();
  if (options->since != NULL)
    g_object_ref (options->since);
  iap_i18n_push_language (self->language);
  self->rtl = iap_report_get_direction () == PANGO_DIRECTION_RTL;
  self->date = iap_date_time_dup_display (self->options.date);
  self->context = create_context ();
  iap_report_new_page (self);
  iap_report_add_sections (self);
  write_references (self);
  g_ptr_array_add (self->sections, NULL);
  iap_i18n_pop_language ();

  return self;
}

guint
iap_report_get_n_pages (IapReport *self)
{
  g_return_val_if_fail (IAP_IS_REPORT (self), 0);

  return self->pages->len;
}

const IapReportRow *
iap_report_get_rows (IapReport *self,
                     guint     *n_rows)
{
  g_return_val_if_fail (IAP_IS_REPORT (self), NULL);

  *n_rows = self->rows->len;

  return (const IapReportRow *) self->rows->data;
}

const char * const *
iap_report_get_section_titles (IapReport *self)
{
  g_return_val_if_fail (IAP_IS_REPORT (self), NULL);

  return (const char * const *) self->sections->pdata;
}

/* Where a box laid out at @x, @width wide, goes on the page: mirrored
 * in a report written right to left, so that its tables' first column,
 * the edge of its boxes and its charts' captions are on the right. */
static double
page_x (IapReport *self,
        double     x,
        double     width)
{
  return self->rtl ? self->options.page_width - x - width : x;
}

static void
show_text (IapReport      *self,
           cairo_t        *cr,
           PangoLayout    *layout,
           const IapColor *color,
           double          x,
           double          y)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  cairo_move_to (cr, page_x (self, x, pango_units_to_double (pango_layout_get_width (layout))), y);
  pango_cairo_show_layout (cr, layout);
}

/* The running header (title, classification) and footer (page N of M
 * and the date) are drawn here, when the page count is known. */
static void
draw_running (IapReport *self,
              cairo_t   *cr,
              guint      page)
{
  double width = iap_report_get_text_width (self);
  double left = self->options.margin_left;
  g_autofree char *upper = g_utf8_strup (iap_classification_to_label (iap_workshop_get_classification (self->workshop)), -1);
  g_autofree char *class_markup = g_markup_printf_escaped ("<b>%s</b>", upper);
  g_autofree char *title = g_markup_escape_text (iap_workshop_get_title (self->workshop), -1);
  /* Translators: the report's footer: page number, page count, date. */
  g_autofree char *footer = g_strdup_printf (_("Page %u of %u · %s"), page + 1, self->pages->len, self->date);
  g_autoptr(PangoLayout) classification = create_layout (self, class_markup, 8.5, width);
  g_autoptr(PangoLayout) header = create_layout (self, title, 8.0, width * 0.7);
  g_autoptr(PangoLayout) foot = create_layout (self, footer, 8.0, width);
  double top = self->options.margin_top;
  double bottom = self->options.page_height - self->options.margin_bottom;
  IapColor red = { 0.70, 0.07, 0.10 };

  /* The title at the start of the line, the classification at its end */
  pango_layout_set_alignment (classification, self->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (foot, PANGO_ALIGN_CENTER);
  show_text (self, cr, header, &muted, left, top);
  show_text (self, cr, classification, &red, left, top);
  cairo_set_source_rgb (cr, rule.red, rule.green, rule.blue);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, left, top + 13.0);
  cairo_rel_line_to (cr, width, 0);
  cairo_move_to (cr, left, bottom - 13.0);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
  show_text (self, cr, foot, &muted, left, bottom - 10.0);
}

/* The chart needs a height for its width; in a smaller box it is drawn
 * scaled down, centred, rather than cut. */
static void
draw_balance_chart (cairo_t     *cr,
                    IapWorkshop *workshop,
                    double       width,
                    double       height)
{
  double natural = iap_balance_chart_get_height (workshop, width);
  double scale = natural > height ? height / natural : 1.0;

  cairo_save (cr);
  cairo_translate (cr, (width - width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  iap_balance_chart_draw (cr, workshop, width, MAX (natural, height / scale));
  cairo_restore (cr);
}

void
iap_report_chart_draw (cairo_t        *cr,
                       IapWorkshop    *workshop,
                       IapReportChart  chart,
                       double          width,
                       double          height)
{
  if (chart == IAP_REPORT_CHART_OPTIONS_SUMMARY)
    {
      iap_report_draw_options_summary (cr, workshop, width, height);
      return;
    }
  if (chart == IAP_REPORT_CHART_INTEGRATION_MAP)
    {
      iap_integration_chart_draw (cr, workshop, width, height);
      return;
    }
  if (chart == IAP_REPORT_CHART_OPTION_MAPS)
    {
      iap_option_maps_draw (cr, workshop, width, height);
      return;
    }

  switch (chart)
    {
    case IAP_REPORT_CHART_INHERENT:
      iap_heat_map_draw_workshop (cr, workshop, IAP_HEAT_MAP_INHERENT, width, height, NULL);
      break;
    case IAP_REPORT_CHART_RESIDUAL:
      iap_heat_map_draw_workshop (cr, workshop, IAP_HEAT_MAP_RESIDUAL, width, height, NULL);
      break;
    case IAP_REPORT_CHART_TRIPLE_HATTING:
    default:
      draw_balance_chart (cr, workshop, width, height);
      break;
    }
}

/* Only the lines of the block: a text broken over pages prints each
 * word once, so a PDF's text layer has it once too */
static void
show_lines (IapReport      *self,
            cairo_t        *cr,
            const Block    *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  double top = 0;
  int n = 0;

  cairo_set_source_rgb (cr, block->color.red, block->color.green, block->color.blue);
  do
    {
      PangoRectangle logical;
      int y0;

      if (n >= block->end_line)
        break;
      pango_layout_iter_get_line_yrange (iter, &y0, NULL);
      if (n == block->first_line)
        top = pango_units_to_double (y0);
      if (n >= block->first_line)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, page_x (self, block->x, block->width) + pango_units_to_double (logical.x),
                         block->y + pango_units_to_double (pango_layout_iter_get_baseline (iter)) - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      n++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_block (IapReport *self,
            cairo_t   *cr,
            Block     *block)
{
  switch (block->kind)
    {
    case BLOCK_TEXT:
      if (block->end_line < 0)
        show_text (self, cr, block->layout, &block->color, block->x, block->y);
      else
        show_lines (self, cr, block);
      break;
    case BLOCK_FILL:
      cairo_set_source_rgb (cr, block->color.red, block->color.green, block->color.blue);
      cairo_rectangle (cr, page_x (self, block->x, block->width), block->y, block->width, block->height);
      cairo_fill (cr);
      break;
    case BLOCK_LINE:
      cairo_set_source_rgb (cr, block->color.red, block->color.green, block->color.blue);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, page_x (self, block->x, block->width), block->y);
      cairo_rel_line_to (cr, block->width, 0);
      cairo_stroke (cr);
      break;
    case BLOCK_CHART:
    default:
      cairo_save (cr);
      cairo_translate (cr, page_x (self, block->x, block->width), block->y);
      if (block->chart == IAP_REPORT_CHART_MOVEMENT_INHERENT ||
          block->chart == IAP_REPORT_CHART_MOVEMENT_RESIDUAL)
        iap_movement_chart_draw (cr, self->options.since,
                                 block->chart == IAP_REPORT_CHART_MOVEMENT_INHERENT
                                   ? IAP_MOVEMENT_INHERENT : IAP_MOVEMENT_RESIDUAL,
                                 block->width, block->height, NULL);
      else
        iap_report_chart_draw (cr, self->workshop, block->chart, block->width, block->height);
      cairo_restore (cr);
      break;
    }
}

void
iap_report_draw_page (IapReport *self,
                      cairo_t   *cr,
                      guint      page)
{
  GPtrArray *blocks;

  g_return_if_fail (IAP_IS_REPORT (self));
  g_return_if_fail (page < self->pages->len);

  blocks = g_ptr_array_index (self->pages, page);
  /* The running header and the charts are written as the page is drawn */
  iap_i18n_push_language (self->language);
  cairo_save (cr);
  draw_running (self, cr, page);
  for (guint i = 0; i < blocks->len; i++)
    draw_block (self, cr, g_ptr_array_index (blocks, i));
  cairo_restore (cr);
  iap_i18n_pop_language ();
}

/**
 * iap_report_render_page:
 * @scale: pixels per point
 *
 * Draws @page on a white image of the page's size at @scale, with the
 * font options of a PDF (unhinted metrics, no hinting): the picture the
 * exported PDF gives at that resolution, for a preview on screen.
 *
 * Returns: (transfer full): an image surface
 */
cairo_surface_t *
iap_report_render_page (IapReport *self,
                        guint      page,
                        double     scale)
{
  cairo_surface_t *surface;
  cairo_font_options_t *font_options;
  cairo_t *cr;
  int width, height;

  g_return_val_if_fail (IAP_IS_REPORT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  width = MAX (1, (int) ceil (self->options.page_width * scale));
  height = MAX (1, (int) ceil (self->options.page_height * scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);

  /* What a PDF surface gives its text: a chart measured here measures
   * as it does in the PDF, whatever the screen's hinting. */
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options (cr, font_options);
  cairo_font_options_destroy (font_options);

  iap_report_draw_page (self, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/**
 * iap_report_get_page_size:
 *
 * The size of the report's pages, in points.
 */
void
iap_report_get_page_size (IapReport *self,
                          double    *width,
                          double    *height)
{
  g_return_if_fail (IAP_IS_REPORT (self));

  if (width != NULL)
    *width = self->options.page_width;
  if (height != NULL)
    *height = self->options.page_height;
}

/* The words of one page in reading order, for a screen reader: what a
 * preview of the page shows. */
char *
iap_report_dup_page_text (IapReport *self,
                          guint      page)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *blocks;

  g_return_val_if_fail (IAP_IS_REPORT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);

  blocks = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      if (block->kind != BLOCK_TEXT || block->layout == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (block->end_line < 0)
        g_string_append (text, pango_layout_get_text (block->layout));
      else
        {
          const char *all = pango_layout_get_text (block->layout);
          PangoLayoutLine *first = pango_layout_get_line_readonly (block->layout, block->first_line);
          PangoLayoutLine *last = pango_layout_get_line_readonly (block->layout, block->end_line - 1);

          g_string_append_len (text, all + first->start_index,
                               last->start_index + last->length - first->start_index);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, IAP_REPORT_ERROR, 0, _("Could not write “%s”: %s"),
               path, cairo_status_to_string (status));

  return FALSE;
}

gboolean
iap_report_export_pdf (IapWorkshop             *workshop,
                       const IapReportOptions  *options,
                       const char              *path,
                       GError                 **error)
{
  g_autoptr(IapReport) report = iap_report_new (workshop, options);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, options->page_width, options->page_height);
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, iap_workshop_get_title (workshop));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "IAP Workshop");
  for (guint page = 0; page < report->pages->len; page++)
    {
      iap_report_draw_page (report, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);

  return ok;
}
