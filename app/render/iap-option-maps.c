/* iap-option-maps.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Small multiples of the risk matrix: one small heat map per structural
 * option under consideration, side by side, each with only the risks of
 * the arrangements that option brings. Every map is the workshop's own
 * matrix at the same size, and every risk sits where the group's agreed
 * inherent rating puts it, with its number in the register: nothing is
 * re-scored, so the maps compare at a glance.
 */

#define G_LOG_DOMAIN "iap-option-maps"

#include "config.h"

#include "iap-i18n.h"

#include "iap-chart-text.h"
#include "iap-heat-map.h"
#include "iap-integration-map.h"
#include "iap-option-maps.h"
#include "iap-options-analysis.h"
#include "iap-text.h"

typedef struct
{
  IapChartText  text;
  cairo_t      *cr;
  IapWorkshop  *workshop;
  double        width;
  double        font;
  double        margin;
  gboolean      paint;
  /* Whether to lay out the maps when only measuring, and whether the
   * text of one of them clashes */
  gboolean      check;
  gboolean      clash;
} Maps;

/* The narrowest a map may be before the options go on more rows */
#define MIN_PANEL_WIDTH 200.0

static IapHeatMap *new_map (IapWorkshop *workshop,
                            GPtrArray   *risks,
                            double       font);

static double
panel_width (Maps  *m,
             guint  columns)
{
  return (m->width - 2 * m->margin - (columns - 1) * m->margin) / columns;
}

/* As many maps on a row as fit, up to four, each wide enough for its
 * levels' labels to stand clear of each other, whole words on each line:
 * the workshop's scales, in its language, decide */
static guint
count_columns (Maps  *m,
               guint  n_options)
{
  guint fit = (guint)MAX ((m->width - 2 * m->margin) / MIN_PANEL_WIDTH, 1.0);
  guint columns = CLAMP (n_options, 1, MIN (fit, 4));
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  for (; columns > 1; columns--)
    {
      g_autoptr(IapHeatMap) map = new_map (m->workshop, none, m->font * 0.8);
      double panel = panel_width (m, columns);

      iap_heat_map_layout (map, m->cr, panel, panel * 0.78);
      if (!iap_heat_map_has_text_clash (map))
        break;
    }

  return columns;
}

static char *
dup_brings (IapWorkshop *workshop,
            const char  *option)
{
  g_auto(GStrv) arrangements = iap_workshop_dup_option_arrangements (workshop, option);
  g_autofree char *labels = NULL;

  if (arrangements[0] == NULL)
    return g_strdup (_("Brings no integration arrangement"));

  labels = iap_options_dup_labels ((const char * const *)arrangements,
                                   iap_workshop_get_catalog (workshop), IAP_CATALOG_ARRANGEMENT);
  /* Translators: the integration arrangements a structural option brings */
  return g_strdup_printf (_("Brings: %s"), labels);
}

static char **
dup_risk_ids (GPtrArray *risks)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = 0; i < risks->len; i++)
    g_strv_builder_add (builder, iap_risk_get_id (g_ptr_array_index (risks, i)));
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ids;
}

static char *
dup_count (IapWorkshop *workshop,
           GPtrArray   *risks)
{
  IapScales *scales = iap_workshop_get_scales (workshop);
  guint rated = 0;

  for (guint i = 0; i < risks->len; i++)
    rated += iap_risk_get_rating (g_ptr_array_index (risks, i), IAP_RATING_INHERENT, scales, NULL, NULL, NULL);

  if (risks->len == 0)
    return g_strdup (_("No risk of the register"));

  /* Translators: how many risks of the register an option brings, and how
   * many of them have an agreed inherent rating */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk, %u rated", "%u risks, %u rated",
                                       risks->len),
                          risks->len, rated);
}

static IapHeatMap *
new_map (IapWorkshop *workshop,
         GPtrArray   *risks,
         double       font)
{
  IapHeatMap *map = iap_heat_map_new (workshop);
  g_auto(GStrv) ids = dup_risk_ids (risks);
  IapHeatMapStyle style;

  iap_heat_map_style_init (&style);
  style.show_legend = FALSE;
  style.font_size = font;
  iap_heat_map_set_style (map, &style);
  iap_heat_map_set_mode (map, IAP_HEAT_MAP_INHERENT);
  iap_heat_map_set_risks (map, (const char * const *)ids);

  return map;
}

/* An option's name, its roles and the arrangements it brings, at (@x, @y):
 * returns their height */
static double
draw_header (Maps       *m,
             const char *option,
             double      x,
             double      y,
             double      width)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (m->workshop), IAP_CATALOG_OPTION, option);
  g_autofree char *brings = dup_brings (m->workshop, option);
  const char *items[2];
  g_autofree char *roles = iap_options_join_notes (items, iap_options_get_roles (m->workshop, option, items));
  double start = y;

  y += iap_chart_text_draw (&m->text, entry != NULL ? iap_catalog_entry_get_label (entry) : option,
                            x, y, width, IAP_TEXT_BOLD, NULL);
  y += iap_chart_text_draw (&m->text, roles, x, y, width, IAP_TEXT_SMALL | IAP_TEXT_ITALIC, NULL);
  y += iap_chart_text_draw (&m->text, brings, x, y, width, IAP_TEXT_SMALL | IAP_TEXT_DIM, NULL) + 4;

  return y - start;
}

/* The tallest header of the @n panels of a row, so that their maps start
 * at the same height */
static double
measure_headers (Maps               *m,
                 const char * const *options,
                 guint               n,
                 double              width)
{
  gboolean paint = m->text.paint;
  double header = 0;

  m->text.paint = FALSE;
  for (guint i = 0; i < n; i++)
    header = MAX (header, draw_header (m, options[i], 0, 0, width));
  m->text.paint = paint;

  return header;
}

/* One option's panel at (@x, @y), @width wide, its map @header below:
 * returns its height */
static double
draw_panel (Maps       *m,
            const char *option,
            double      x,
            double      y,
            double      width,
            double      header)
{
  g_autoptr(GPtrArray) risks = iap_workshop_dup_option_risks (m->workshop, option);
  g_autofree char *count = dup_count (m->workshop, risks);
  double start = y, map_height = width * 0.78;

  draw_header (m, option, x, y, width);
  y += header;

  if (m->paint || m->check)
    {
      g_autoptr(IapHeatMap) map = new_map (m->workshop, risks, m->font * 0.8);

      iap_heat_map_layout (map, m->cr, width, map_height);
      m->clash |= iap_heat_map_has_text_clash (map);
      if (m->paint)
        {
          cairo_save (m->cr);
          cairo_translate (m->cr, x, y);
          iap_heat_map_draw (map, m->cr, width, map_height);
          cairo_restore (m->cr);
        }
    }
  y += map_height + 2;
  y += iap_chart_text_draw (&m->text, count, x, y, width, IAP_TEXT_SMALL, NULL);

  return y - start;
}

static double
draw_band_key (Maps   *m,
               double  y)
{
  double swatch = m->font, x = m->margin, h = 0;

  y += iap_chart_text_draw (&m->text, _("Bands of the workshop’s matrix:"), x, y, -1,
                            IAP_TEXT_SMALL | IAP_TEXT_BOLD, NULL) + 2;
  for (int band = IAP_N_BANDS - 1; band >= 0; band--)
    {
      const char *label = iap_band_get_label (band);
      double w, th;

      iap_chart_text_size (&m->text, label, IAP_TEXT_SMALL, &w, &th);
      if (m->paint)
        {
          IapColor fill;

          iap_palette_get_band_fill (band, &fill);
          iap_chart_set_source (m->cr, &fill);
          cairo_rectangle (m->cr, x, y + MAX (th - swatch, 0) / 2, swatch, swatch);
          cairo_fill_preserve (m->cr);
          iap_chart_set_source (m->cr, &iap_chart_dim_ink);
          cairo_set_line_width (m->cr, 0.5);
          cairo_stroke (m->cr);
        }
      iap_chart_text_draw (&m->text, label, x + swatch + 4, y, -1, IAP_TEXT_SMALL, NULL);
      x += swatch + 4 + w + m->font * 1.2;
      h = MAX (h, MAX (th, swatch));
    }

  return y + h;
}

static double
render_maps (cairo_t     *cr,
             IapWorkshop *workshop,
             double       width,
             gboolean     paint,
             gboolean    *clash)
{
  const char * const *options = iap_workshop_get_options (workshop);
  guint n = g_strv_length ((char **)options), columns;
  double font = CLAMP (width / 72.0, 8.0, 12.0), y, panel, row = 0, header = 0;
  Maps m = { { NULL }, cr, workshop, width, font, font, paint, clash != NULL, FALSE };

  iap_chart_text_init (&m.text, cr, font, paint);
  y = m.margin;
  y += iap_chart_text_draw (&m.text, _("Risks each structural option brings"), m.margin, y,
                            width - 2 * m.margin, IAP_TEXT_BOLD | IAP_TEXT_LARGE, NULL);
  y += iap_chart_text_draw (&m.text, _("One map per option, with only the risks of the arrangements it brings, "
                                       "each at the inherent rating the group agreed, on the workshop’s matrix; "
                                       "the numbers are those of the register. Nothing is re-scored."),
                            m.margin, y, width - 2 * m.margin, IAP_TEXT_SMALL | IAP_TEXT_DIM, NULL) + m.margin;

  if (n == 0)
    {
      y += iap_chart_text_draw (&m.text, _("No structural options are under consideration yet: choose them in the Context step."),
                                m.margin, y, width - 2 * m.margin, IAP_TEXT_ITALIC, NULL);
      iap_chart_text_clear (&m.text);
      return y + m.margin;
    }

  columns = count_columns (&m, n);
  panel = panel_width (&m, columns);
  for (guint i = 0; i < n; i++)
    {
      guint column = i % columns;

      if (column == 0)
        header = measure_headers (&m, options + i, MIN (columns, n - i), panel);
      row = MAX (row, draw_panel (&m, options[i], m.margin + column * (panel + m.margin), y, panel, header));
      if (column == columns - 1 || i == n - 1)
        {
          y += row + m.margin;
          row = 0;
        }
    }

  y = draw_band_key (&m, y) + m.margin;
  iap_chart_text_clear (&m.text);
  if (clash != NULL)
    *clash = m.clash;

  return y;
}

static double
render (cairo_t  *cr,
        gpointer  data,
        double    width,
        gboolean  paint)
{
  return render_maps (cr, data, width, paint, NULL);
}

/**
 * iap_option_maps_draw:
 *
 * Draws one small heat map per structural option under consideration in
 * the box (0, 0, @width, @height) of @cr, scaled down if it needs more
 * height (see iap_option_maps_get_height()).
 */
void
iap_option_maps_draw (cairo_t     *cr,
                      IapWorkshop *workshop,
                      double       width,
                      double       height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (width > 0);

  iap_chart_draw_in_box (cr, render, workshop, width, height);
}

double
iap_option_maps_get_height (IapWorkshop *workshop,
                            double       width)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (width > 0, 0);

  return iap_chart_measure (render, workshop, width);
}

/* In a room --------------------------------------------------------------- */

/*
 * The maps for a room (docs/charts.md): one option a page, every word at
 * the room's font. The step's question is the window's heading, so a page
 * holds only the option's name, its roles, what it brings and its map,
 * the risks on it by their numbers in the register. The text goes above
 * the map, or beside it in a column as wide as leaves the map's labels
 * clear and its cells room for their bands and markers.
 */

typedef struct
{
  double smallest;
  double height;
  gboolean clash;
} RoomPage;

/* The option's name, roles, arrangements and risks in @width from (@x,
 * @y): returns their height */
static double
room_draw_header (Maps       *m,
                  const char *option,
                  GPtrArray  *risks,
                  double      x,
                  double      y,
                  double      width)
{
  g_autofree char *count = dup_count (m->workshop, risks);
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (m->workshop), IAP_CATALOG_OPTION, option);
  g_autofree char *brings = dup_brings (m->workshop, option);
  const char *items[4];
  guint n = iap_options_get_roles (m->workshop, option, items);
  g_autofree char *notes = NULL;
  double start = y;

  y += iap_chart_text_draw (&m->text, entry != NULL ? iap_catalog_entry_get_label (entry) : option,
                            x, y, width, IAP_TEXT_BOLD, NULL);
  /* One paragraph, for the map's sake; the count, since a map shows no
   * risk not rated */
  items[n++] = brings;
  items[n++] = count;
  notes = iap_options_join_notes (items, n);
  y += iap_chart_text_draw (&m->text, notes, x, y, width, IAP_TEXT_PLAIN, NULL);

  return y - start;
}

/* Lays out (and paints, when @m paints) @option's page with its text above
 * its map, or beside it in a column of @share of the width: sets @page */
/* Where the ink of @map drawn @width x @height ends, from its top: below
 * @height when it does not fit */
static double
map_ink_bottom (IapHeatMap *map,
                double      width,
                double      height)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  double x, y, w, h;

  iap_heat_map_draw (map, cr, width, height);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  cairo_surface_destroy (recording);

  return w > 0 && h > 0 ? y + h : 0;
}

static void
room_draw_page (Maps       *m,
                const char *option,
                double      height,
                double      share,
                RoomPage   *page)
{
  gboolean beside = share > 0;
  g_autoptr(GPtrArray) risks = iap_workshop_dup_option_risks (m->workshop, option);
  g_autoptr(IapHeatMap) map = NULL;
  IapHeatMapStyle style;
  double text_width = beside ? (m->width - 3 * m->margin) * share : m->width - 2 * m->margin;
  double header, x, y, map_width, map_height;

  m->text.smallest = m->text.smallest_asked = G_MAXDOUBLE;
  header = room_draw_header (m, option, risks, m->margin, m->margin, text_width);
  x = beside ? 2 * m->margin + text_width : m->margin;
  y = beside ? m->margin : 1.5 * m->margin + header;
  map_width = m->width - m->margin - x;
  map_height = height - m->margin - y;
  page->height = header + 2 * m->margin;
  page->smallest = m->text.smallest_asked;
  page->clash = TRUE;
  if (map_height < m->font * 4 || map_width < m->font * 4)
    {
      /* No room for a map at all: said by the measure, never drawn */
      page->height = y + m->font * 4 + m->margin;
      return;
    }

  map = new_map (m->workshop, risks, m->font);
  style = *iap_heat_map_get_style (map);
  style.min_font_size = m->font;
  style.room = TRUE;
  style.show_legend = TRUE;
  iap_heat_map_set_style (map, &style);
  iap_heat_map_layout (map, m->cr, map_width, map_height);
  page->clash = iap_heat_map_has_text_clash (map) || !iap_heat_map_is_legible (map);
  page->smallest = MIN (page->smallest, iap_heat_map_get_smallest_asked (map));
  page->height = MAX (page->height, y + map_ink_bottom (map, map_width, map_height) + m->margin);
  if (m->paint)
    {
      cairo_save (m->cr);
      cairo_translate (m->cr, x, y);
      iap_heat_map_draw (map, m->cr, map_width, map_height);
      cairo_restore (m->cr);
    }
}

/* The share of the width for the text beside the map, 0 for above it:
 * the first that leaves the map legible, the widest map first */
static double
room_choose_share (Maps       *m,
                   const char *option,
                   double      height)
{
  static const double shares[] = { 0, 0.34, 0.28, 0.22 };
  gboolean paint = m->paint;
  double chosen = 0;

  m->paint = m->text.paint = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    {
      RoomPage page;

      room_draw_page (m, option, height, shares[i], &page);
      if (!page.clash && page.height <= height)
        {
          chosen = shares[i];
          break;
        }
    }
  m->paint = m->text.paint = paint;

  return chosen;
}

static void
room_render (cairo_t     *cr,
             IapWorkshop *workshop,
             double       width,
             double       height,
             double       font,
             guint        index,
             gboolean     paint,
             RoomPage    *page)
{
  const char * const *options = iap_workshop_get_options (workshop);
  guint n = g_strv_length ((char **)options);
  Maps m = { { NULL }, cr, workshop, width, font, font * 0.5, paint, FALSE, FALSE };

  iap_chart_text_init (&m.text, cr, font, paint);
  /* Nothing smaller, whatever a piece of text is */
  m.text.min_font = font;
  if (n == 0)
    {
      page->height = iap_chart_text_draw (&m.text, _("No structural options are under consideration yet: choose them in the Context step."),
                                          m.margin, m.margin, width - 2 * m.margin, IAP_TEXT_ITALIC, NULL) + 2 * m.margin;
      page->smallest = m.text.smallest_asked;
      page->clash = FALSE;
      iap_chart_text_clear (&m.text);
      return;
    }

  index = MIN (index, n - 1);
  room_draw_page (&m, options[index], height, room_choose_share (&m, options[index], height), page);
  iap_chart_text_clear (&m.text);
}

/**
 * iap_option_maps_get_room_pages:
 *
 * Returns: how many pages the maps take in a room: one an option, at
 *   least 1
 */
guint
iap_option_maps_get_room_pages (IapWorkshop *workshop,
                                double       width,
                                double       height,
                                double       font)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 1);

  return MAX (g_strv_length ((char **)iap_workshop_get_options (workshop)), 1);
}

/**
 * iap_option_maps_measure_for_room:
 * @smallest: (out) (optional): the smallest font size the page's text
 *   asks for, before @font raises it: below @font if the layout would
 *   set smaller text
 * @clash: (out) (optional): whether its map's text clashes (see
 *   iap_heat_map_has_text_clash()) or does not fit its cells
 *
 * Lays out a page as iap_option_maps_draw_for_room() draws it.
 *
 * Returns: the height it takes
 */
double
iap_option_maps_measure_for_room (IapWorkshop *workshop,
                                  double       width,
                                  double       height,
                                  double       font,
                                  guint        page,
                                  double      *smallest,
                                  gboolean    *clash)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  RoomPage result;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (width > 0 && height > 0 && font > 0, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  room_render (cr, workshop, width, height, font, page, FALSE, &result);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (smallest != NULL)
    *smallest = result.smallest;
  if (clash != NULL)
    *clash = result.clash;

  return result.height;
}

/**
 * iap_option_maps_draw_for_room:
 * @width: the width of the chart's box, in pixels
 * @height: its height
 * @font: the room's font size (iap_chart_get_room_font()): no text is
 *   smaller
 * @page: the option, from 0, in the workshop's order
 *
 * Draws one option's map for a room, on white, in the box (0, 0, @width,
 * @height) of @cr, never scaled.
 */
void
iap_option_maps_draw_for_room (cairo_t     *cr,
                               IapWorkshop *workshop,
                               double       width,
                               double       height,
                               double       font,
                               guint        page)
{
  RoomPage result;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (width > 0 && height > 0 && font > 0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  room_render (cr, workshop, width, height, font, page, TRUE, &result);
  cairo_restore (cr);
}

/**
 * iap_option_maps_has_text_clash:
 *
 * Returns: whether, drawn @width wide, a map's text clashes (see
 *   iap_heat_map_has_text_clash())
 */
gboolean
iap_option_maps_has_text_clash (IapWorkshop *workshop,
                                double       width)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean clash = FALSE;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (width > 0, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  render_maps (cr, workshop, width, FALSE, &clash);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return clash;
}

/* What the map of @option shows, in words: what it brings and how its
 * risks fall in the bands */
static void
append_option_text (GString     *text,
                    IapWorkshop *workshop,
                    const char  *option)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (workshop), IAP_CATALOG_OPTION, option);
  g_autoptr(GPtrArray) risks = iap_workshop_dup_option_risks (workshop, option);
  g_autofree char *brings = dup_brings (workshop, option);
  g_autofree char *label = iap_text_isolate (entry != NULL ? iap_catalog_entry_get_label (entry) : option);

  /* Translators: a structural option, then what it brings */
  g_string_append_printf (text, _("%s: %s."), label, brings);
  if (risks->len == 0)
    g_string_append_printf (text, " %s.", _("No risk of the register"));
  else
    {
      g_autoptr(IapHeatMap) map = new_map (workshop, risks, 0);
      g_autofree char *bands = iap_heat_map_dup_description (map);

      g_string_append_printf (text, " %s", bands);
    }
}

/**
 * iap_option_maps_dup_description:
 *
 * Returns: (transfer full): what the maps show, in words, one line per
 *   option: what it brings and how its risks fall in the bands
 */
char *
iap_option_maps_dup_description (IapWorkshop *workshop)
{
  const char * const *options;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  options = iap_workshop_get_options (workshop);
  if (options[0] == NULL)
    return g_strdup (_("No structural options are under consideration yet: choose them in the Context step."));

  for (guint i = 0; options[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      append_option_text (text, workshop, options[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * iap_option_maps_dup_room_description:
 * @width: the width of the chart's box, in pixels
 * @height: its height
 * @font: the room's font size
 * @page: the page shown, from 0 (see iap_option_maps_get_room_pages())
 *
 * Returns: (transfer full): what @page of the maps for a room shows, in
 *   words: its option, what it brings and how its risks fall in the bands
 */
char *
iap_option_maps_dup_room_description (IapWorkshop *workshop,
                                      double       width,
                                      double       height,
                                      double       font,
                                      guint        page)
{
  const char * const *options;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  options = iap_workshop_get_options (workshop);
  if (options[0] == NULL)
    return iap_option_maps_dup_description (workshop);

  /* One option a page, whatever the size */
  append_option_text (text, workshop, options[MIN (page, g_strv_length ((char **)options) - 1)]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
