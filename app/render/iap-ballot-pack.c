/* iap-ballot-pack.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The printed ballot pack: a cover page for the facilitator, then each
 * participant's ballot, to fill in by pen. Every page of a ballot names
 * its participant, its code and the workshop's classification, so that
 * a page gone astray still says whose it is and how to handle it.
 *
 * Made to be photocopied in greyscale: black boxes and text only, the
 * marking in bold capitals as well as in the report's red. Boxes are
 * 16 points (5.6 mm) across, large enough to tick by pen.
 */

#define G_LOG_DOMAIN "iap-ballot-pack"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "iap-i18n.h"

#include "iap-ballot-pack.h"

#define MARGIN        48.0
#define TEXT_WIDTH    (IAP_BALLOT_PACK_WIDTH - 2 * MARGIN)
#define TOP           (MARGIN + 46.0)      /* below the running header */
#define BOTTOM        (IAP_BALLOT_PACK_HEIGHT - MARGIN - 24.0)
#define BOX           16.0
#define LABEL_WIDTH   72.0                 /* at least; wider for longer words */

typedef struct
{
  cairo_t *cr;
  PangoContext *context;
  gboolean drawing;             /* FALSE while counting the pages */
  GPtrArray *sheets;
  guint *sheet_pages;           /* pages of each sheet, from the count */
  guint page;                   /* pages begun in the pack */
  int sheet;                    /* the sheet being laid out, -1 for the cover */
  guint sheet_page;             /* its pages begun */
  double y;
  double label_width;           /* "Likelihood", "Impact" before the boxes */
} Pack;

static PangoLayout *
layout_new (Pack       *pack,
            const char *markup,
            double      size,
            double      width)
{
  PangoLayout *layout = pango_layout_new (pack->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static double
height_of (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return pango_units_to_double (height);
}

static void
show (Pack        *pack,
      PangoLayout *layout,
      double       x,
      double       y,
      double       grey)
{
  if (!pack->drawing)
    return;

  cairo_set_source_rgb (pack->cr, grey, grey, grey);
  cairo_move_to (pack->cr, x, y);
  pango_cairo_show_layout (pack->cr, layout);
}

/* A paragraph at the pen, which moves below it */
static void
paragraph (Pack       *pack,
           const char *markup,
           double      size,
           double      grey,
           double      after)
{
  g_autoptr(PangoLayout) layout = layout_new (pack, markup, size, TEXT_WIDTH);

  show (pack, layout, MARGIN, pack->y, grey);
  pack->y += height_of (layout) + after;
}

static IapBallotSheet *
current_sheet (Pack *pack)
{
  return pack->sheet >= 0 ? g_ptr_array_index (pack->sheets, pack->sheet) : NULL;
}

static char *
dup_marking (IapWorkshop *workshop)
{
  g_autofree char *upper = g_utf8_strup (iap_classification_to_label (iap_workshop_get_classification (workshop)), -1);

  return g_markup_printf_escaped ("<b>%s</b>", upper);
}

/* Whose ballot: on every page, in the header, so that a loose page
 * still says it */
static char *
dup_owner (IapBallotSheet *sheet)
{
  IapParticipant *p = iap_ballot_sheet_get_participant (sheet);
  g_autofree char *label = iap_participant_dup_label (p);

  /* Translators: the header of every ballot page: participant, id, code and round */
  return g_markup_printf_escaped (_("<b>%s</b> (%s) · Ballot code <b><tt>%s</tt></b> · Round %u"),
                                  label, iap_participant_get_id (p), iap_ballot_sheet_get_code (sheet),
                                  iap_round_get_number (iap_ballot_sheet_get_round (sheet)));
}

static void
draw_running (Pack        *pack,
              IapWorkshop *workshop)
{
  IapBallotSheet *sheet = current_sheet (pack);
  g_autofree char *marking = dup_marking (workshop);
  g_autofree char *title = g_markup_escape_text (iap_workshop_get_title (workshop), -1);
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) head = layout_new (pack, title, 8.5, TEXT_WIDTH * 0.7);
  g_autoptr(PangoLayout) mark = layout_new (pack, marking, 9.5, TEXT_WIDTH);
  g_autoptr(PangoLayout) mark_foot = layout_new (pack, marking, 8.5, TEXT_WIDTH);
  g_autoptr(PangoLayout) foot = NULL;
  double bottom = IAP_BALLOT_PACK_HEIGHT - MARGIN;

  if (sheet != NULL)
    /* Translators: the footer of a ballot page */
    footer = g_strdup_printf (_("Page %u of %u of this ballot. Return it to the facilitator."),
                              pack->sheet_page, pack->sheet_pages[pack->sheet]);
  else
    footer = g_strdup (_("Ballot pack: for the facilitator"));
  foot = layout_new (pack, footer, 8.5, TEXT_WIDTH);
  pango_layout_set_ellipsize (head, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (mark, PANGO_ALIGN_RIGHT);
  pango_layout_set_alignment (mark_foot, PANGO_ALIGN_RIGHT);
  show (pack, head, MARGIN, MARGIN, 0.25);
  show (pack, mark, MARGIN, MARGIN - 1.0, 0.0);
  if (sheet != NULL)
    {
      g_autofree char *owner = dup_owner (sheet);
      g_autoptr(PangoLayout) who = layout_new (pack, owner, 11.0, TEXT_WIDTH);

      show (pack, who, MARGIN, MARGIN + 14.0, 0.0);
    }
  show (pack, foot, MARGIN, bottom - 10.0, 0.25);
  show (pack, mark_foot, MARGIN, bottom - 10.0, 0.0);
  if (pack->drawing)
    {
      cairo_set_source_rgb (pack->cr, 0.0, 0.0, 0.0);
      cairo_set_line_width (pack->cr, 0.75);
      cairo_move_to (pack->cr, MARGIN, TOP - 8.0);
      cairo_rel_line_to (pack->cr, TEXT_WIDTH, 0);
      cairo_move_to (pack->cr, MARGIN, bottom - 14.0);
      cairo_rel_line_to (pack->cr, TEXT_WIDTH, 0);
      cairo_stroke (pack->cr);
    }
}

static IapWorkshop *
workshop_of (Pack *pack)
{
  return iap_ballot_sheet_get_workshop (g_ptr_array_index (pack->sheets, 0));
}

static void
new_page (Pack *pack)
{
  if (pack->drawing && pack->page > 0)
    cairo_show_page (pack->cr);
  pack->page++;
  pack->sheet_page++;
  pack->y = TOP;
  draw_running (pack, iap_ballot_sheet_get_workshop (current_sheet (pack) != NULL ? current_sheet (pack)
                                                     : g_ptr_array_index (pack->sheets, 0)));
}

/* A block that does not fit below the pen starts a new page */
static void
make_room (Pack   *pack,
           double  height)
{
  if (pack->y + height > BOTTOM && pack->y > TOP)
    new_page (pack);
}

static void
draw_box (Pack   *pack,
          double  x,
          double  y,
          double  size)
{
  if (!pack->drawing)
    return;

  cairo_set_source_rgb (pack->cr, 0.0, 0.0, 0.0);
  cairo_set_line_width (pack->cr, 1.0);
  cairo_rectangle (pack->cr, x + 0.5, y + 0.5, size - 1.0, size - 1.0);
  cairo_stroke (pack->cr);
}

static void
draw_rule (Pack   *pack,
           double  x,
           double  y,
           double  width,
           double  grey)
{
  if (!pack->drawing)
    return;

  cairo_set_source_rgb (pack->cr, grey, grey, grey);
  cairo_set_line_width (pack->cr, 0.5);
  cairo_move_to (pack->cr, x, y);
  cairo_rel_line_to (pack->cr, width, 0);
  cairo_stroke (pack->cr);
}

/* A scale's levels as boxes to tick, each with its number and word;
 * returns the height used */
static double
scale_row (Pack       *pack,
           const char *name,
           GListModel *levels,
           double      y,
           gboolean    measure)
{
  guint n = g_list_model_get_n_items (levels);
  double cell = (TEXT_WIDTH - pack->label_width) / MAX (n, 1);
  g_autofree char *bold = g_markup_printf_escaped ("<b>%s</b>", name);
  g_autoptr(PangoLayout) label = layout_new (pack, bold, 10.0, pack->label_width - 4.0);
  double height = BOX;

  if (!measure)
    show (pack, label, MARGIN, y + 1.0, 0.0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (levels, i);
      g_autofree char *text = g_markup_printf_escaped ("%u %s", i + 1, iap_scale_level_get_label (level));
      g_autoptr(PangoLayout) word = layout_new (pack, text, 8.5, cell - BOX - 5.0);
      double x = MARGIN + pack->label_width + i * cell;

      height = MAX (height, height_of (word));
      if (measure)
        continue;
      draw_box (pack, x, y, BOX);
      show (pack, word, x + BOX + 3.0, y + 2.0, 0.0);
    }

  return height;
}

static char *
dup_risk_heading (IapRisk *risk,
                  guint    number)
{
  const char *title = iap_risk_get_title (risk) != NULL ? iap_risk_get_title (risk) : iap_risk_get_id (risk);

  return g_markup_printf_escaped ("<b>%u. %s</b>", number, title);
}

static char *
dup_risk_details (IapWorkshop *workshop,
                  IapRisk     *risk)
{
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  IapCatalogEntry *arrangement = iap_catalog_lookup (catalog, IAP_CATALOG_ARRANGEMENT, iap_risk_get_arrangement (risk));
  IapCatalogEntry *area = iap_catalog_lookup (catalog, IAP_CATALOG_AREA, iap_risk_get_area (risk));
  const char *description = iap_risk_get_description (risk);

  /* Translators: a risk's arrangement and the area of humanitarian space at risk, then its description */
  return g_markup_printf_escaped (_("<i>%s · %s</i>%s%s"),
                                  arrangement != NULL ? iap_catalog_entry_get_label (arrangement) : iap_risk_get_arrangement (risk),
                                  area != NULL ? iap_catalog_entry_get_label (area) : iap_risk_get_area (risk),
                                  description != NULL && *description != '\0' ? "\n" : "",
                                  description != NULL ? description : "");
}

static char *
dup_earlier (IapBallotSheet *sheet,
             IapRisk        *risk)
{
  g_autofree char *median = NULL;
  g_autofree char *spread = NULL;
  g_autofree char *own = NULL;
  const IapBallotEarlier *e = iap_ballot_sheet_get_earlier (sheet, iap_risk_get_id (risk));

  if (!iap_ballot_sheet_describe_earlier (sheet, iap_risk_get_id (risk), &median, &spread, &own))
    return NULL;

  /* Translators: beside a risk on a second round's ballot: the earlier round, the room's median
   * and spread, then the participant's own earlier score */
  return g_markup_printf_escaped (_("Round %u: the room’s median <b>%s</b> (%s). Your score then: <b>%s</b>."),
                                  e->round, median, spread, own);
}

/* One risk: what it is, the earlier round, two rows of boxes and a line
 * for a comment, kept together on one page */
static void
risk_block (Pack    *pack,
            IapRisk *risk,
            guint    number)
{
  IapBallotSheet *sheet = current_sheet (pack);
  IapWorkshop *workshop = iap_ballot_sheet_get_workshop (sheet);
  IapScales *scales = iap_workshop_get_scales (workshop);
  g_autofree char *heading = dup_risk_heading (risk, number);
  g_autofree char *details = dup_risk_details (workshop, risk);
  g_autofree char *earlier = dup_earlier (sheet, risk);
  g_autoptr(PangoLayout) head = layout_new (pack, heading, 11.0, TEXT_WIDTH);
  g_autoptr(PangoLayout) body = layout_new (pack, details, 9.0, TEXT_WIDTH);
  g_autoptr(PangoLayout) before = earlier != NULL ? layout_new (pack, earlier, 9.0, TEXT_WIDTH) : NULL;
  /* Translators: on a printed ballot, before the line to write on */
  g_autoptr(PangoLayout) comment = layout_new (pack, _("Comment:"), 9.0, pack->label_width);
  double l_height = scale_row (pack, _("Likelihood"), iap_scales_get_likelihood (scales), 0, TRUE);
  double m_height = scale_row (pack, _("Impact"), iap_scales_get_impact (scales), 0, TRUE);
  double height = height_of (head) + 3.0 + height_of (body) + 6.0 + (before != NULL ? height_of (before) + 6.0 : 0) +
                  l_height + 6.0 + m_height + 8.0 + 22.0;
  double y;

  make_room (pack, height);
  y = pack->y;
  show (pack, head, MARGIN, y, 0.0);
  y += height_of (head) + 3.0;
  show (pack, body, MARGIN, y, 0.2);
  y += height_of (body) + 6.0;
  if (before != NULL)
    {
      show (pack, before, MARGIN, y, 0.0);
      y += height_of (before) + 6.0;
    }
  scale_row (pack, _("Likelihood"), iap_scales_get_likelihood (scales), y, FALSE);
  y += l_height + 6.0;
  /* Translators: "Impact" the noun, on a printed ballot */
  scale_row (pack, _("Impact"), iap_scales_get_impact (scales), y, FALSE);
  y += m_height + 8.0;
  show (pack, comment, MARGIN, y + 2.0, 0.0);
  draw_rule (pack, MARGIN + pack->label_width, y + 14.0, TEXT_WIDTH - pack->label_width, 0.0);
  pack->y = y + 22.0 + 10.0;
  draw_rule (pack, MARGIN, pack->y - 6.0, TEXT_WIDTH, 0.6);
}

static void
legend (Pack       *pack,
        const char *name,
        GListModel *levels)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "<b>%s</b>", name);
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (levels, i);
      g_autofree char *line = g_markup_printf_escaped ("\n<b>%u %s</b>: %s", i + 1, iap_scale_level_get_label (level),
                                                       iap_scale_level_get_definition (level));

      g_string_append (text, line);
    }
  paragraph (pack, text->str, 9.0, 0.0, 8.0);
}

/* The first page of a ballot: whose it is, what to do, the scales */
static void
ballot_opening (Pack *pack)
{
  IapBallotSheet *sheet = current_sheet (pack);
  IapScales *scales = iap_workshop_get_scales (iap_ballot_sheet_get_workshop (sheet));
  g_autofree char *label = iap_participant_dup_label (iap_ballot_sheet_get_participant (sheet));
  /* Translators: the title of a participant's printed ballot */
  g_autofree char *title = g_markup_printf_escaped (_("<b>Ballot of %s, round %u</b>"), label,
                                                    iap_round_get_number (iap_ballot_sheet_get_round (sheet)));

  paragraph (pack, title, 16.0, 0.0, 6.0);
  paragraph (pack, _("Score each risk on your own, without consulting others: nobody sees your scores before "
                     "the room’s scores are revealed together. For each risk, tick one box for its likelihood "
                     "and one for its impact, using the definitions below; leave both empty if you cannot say. "
                     "Do not change the ballot code at the top of each page: it shows the ballot is yours."),
             10.0, 0.0, 10.0);
  legend (pack, _("Likelihood"), iap_scales_get_likelihood (scales));
  legend (pack, _("Impact"), iap_scales_get_impact (scales));
  pack->y += 4.0;
}

static const char *
option_label (IapWorkshop *workshop,
              const char  *id)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (workshop), IAP_CATALOG_OPTION, id);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : id;
}

/* The heading row of the factors' table: each option over its boxes */
static void
factor_heading (Pack               *pack,
                IapWorkshop        *workshop,
                const char * const *options,
                double              column,
                double              label_width)
{
  double height = 0;

  for (guint o = 0; options[o] != NULL; o++)
    {
      g_autofree char *text = g_markup_printf_escaped ("<b>%s</b>\n0  1  2  3  4", option_label (workshop, options[o]));
      g_autoptr(PangoLayout) layout = layout_new (pack, text, 8.5, column - 4.0);

      show (pack, layout, MARGIN + label_width + o * column, pack->y, 0.0);
      height = MAX (height, height_of (layout));
    }
  pack->y += height + 4.0;
}

static void
factor_rows (Pack *pack)
{
  IapWorkshop *workshop = iap_ballot_sheet_get_workshop (current_sheet (pack));
  GListModel *factors = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_FACTOR);
  const char * const *options = iap_workshop_get_options (workshop);
  guint n_options = options != NULL ? g_strv_length ((char **) options) : 0;
  double label_width = 150.0;
  double column = n_options > 0 ? (TEXT_WIDTH - label_width) / n_options : 0;
  double box = MIN (12.0, (column - 8.0) / 5.0 - 3.0);

  if (n_options == 0)
    return;

  make_room (pack, 120.0);
  paragraph (pack, _("<b>Triple-hatting factors</b>"), 12.0, 0.0, 4.0);
  paragraph (pack, _("For each structural option, tick how far it brings the benefit or the risk: "
                     "0 Not at all, 1 Slightly, 2 Partly, 3 Largely, 4 Fully."), 9.0, 0.0, 6.0);
  factor_heading (pack, workshop, options, column, label_width);
  for (guint f = 0; f < g_list_model_get_n_items (factors); f++)
    {
      g_autoptr(IapCatalogEntry) factor = g_list_model_get_item (factors, f);
      gboolean benefit = g_strcmp0 (iap_catalog_entry_get_polarity (factor), "risk") != 0;
      g_autofree char *text = g_markup_printf_escaped ("%s <i>(%s)</i>", iap_catalog_entry_get_label (factor),
                                                       benefit ? _("benefit") : _("risk"));
      g_autoptr(PangoLayout) layout = layout_new (pack, text, 9.0, label_width - 6.0);
      double height = MAX (height_of (layout), box) + 8.0;

      if (pack->y + height > BOTTOM)
        {
          new_page (pack);
          factor_heading (pack, workshop, options, column, label_width);
        }
      show (pack, layout, MARGIN, pack->y, 0.0);
      for (guint o = 0; o < n_options; o++)
        for (guint v = 0; v < 5; v++)
          draw_box (pack, MARGIN + label_width + o * column + v * (box + 3.0), pack->y, box);
      pack->y += height;
      draw_rule (pack, MARGIN, pack->y - 4.0, TEXT_WIDTH, 0.7);
    }
}

static void
lay_out_sheet (Pack *pack)
{
  IapBallotSheet *sheet = current_sheet (pack);
  GListModel *risks = iap_round_session_get_risks (iap_ballot_sheet_get_session (sheet));

  pack->sheet_page = 0;
  new_page (pack);
  ballot_opening (pack);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      risk_block (pack, risk, i + 1);
    }
  if (iap_round_session_get_factors (iap_ballot_sheet_get_session (sheet)))
    factor_rows (pack);
}

/* The facilitator's page: what the pack holds and how to use it */
static void
lay_out_cover (Pack *pack)
{
  IapWorkshop *workshop = workshop_of (pack);
  IapBallotSheet *first = g_ptr_array_index (pack->sheets, 0);
  g_autofree char *title = g_markup_printf_escaped (_("<b>Ballot pack, round %u</b>"),
                                                    iap_round_get_number (iap_ballot_sheet_get_round (first)));
  g_autofree char *name = g_markup_escape_text (iap_workshop_get_title (workshop), -1);
  g_autoptr(GString) list = g_string_new (NULL);
  guint page = 2;

  pack->sheet = -1;
  pack->sheet_page = 0;
  new_page (pack);
  paragraph (pack, title, 18.0, 0.0, 4.0);
  paragraph (pack, name, 11.0, 0.0, 12.0);
  paragraph (pack, _("<b>Before the session.</b> Give each participant their own pages, and nobody else’s. "
                     "Each ballot carries its participant’s name and a ballot code on every page."),
             10.0, 0.0, 8.0);
  paragraph (pack, _("<b>Scoring.</b> Each participant scores in private, ticking one box for likelihood and "
                     "one for impact per risk, and hands the ballot back."), 10.0, 0.0, 8.0);
  paragraph (pack, _("<b>Collecting.</b> In the scoring round window, choose the participant, type the ballot "
                     "code from the top of their pages, then their scores. A code that does not match is "
                     "refused: the ballot is someone else’s. Nobody’s scores are shown before the reveal."),
             10.0, 0.0, 14.0);
  for (guint i = 0; i < pack->sheets->len; i++)
    {
      IapBallotSheet *sheet = g_ptr_array_index (pack->sheets, i);
      g_autofree char *label = iap_participant_dup_label (iap_ballot_sheet_get_participant (sheet));
      g_autofree char *line = NULL;

      /* Translators: a line of the ballot pack's contents: participant, first and last page */
      line = g_markup_printf_escaped (_("%s: pages %u to %u\n"), label, page,
                                      page + (pack->sheet_pages != NULL ? pack->sheet_pages[i] : 1) - 1);
      g_string_append (list, line);
      page += pack->sheet_pages != NULL ? pack->sheet_pages[i] : 1;
    }
  paragraph (pack, _("<b>Contents</b>"), 11.0, 0.0, 4.0);
  paragraph (pack, list->str, 10.0, 0.0, 0.0);
}

static void
lay_out (Pack *pack)
{
  pack->page = 0;
  lay_out_cover (pack);
  for (guint i = 0; i < pack->sheets->len; i++)
    {
      pack->sheet = i;
      lay_out_sheet (pack);
      if (!pack->drawing)
        pack->sheet_pages[i] = pack->sheet_page;
    }
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* The column before the boxes is as wide as its longest word, so that
 * no language's "Likelihood" is broken in two; never under LABEL_WIDTH,
 * never more than a third of the line */
static double
measure_label_width (Pack *pack)
{
  /* The same words scale_row() and the comment line show */
  const struct { const char *text; double size; gboolean bold; } labels[] = {
    { _("Likelihood"), 10.0, TRUE },
    { _("Impact"), 10.0, TRUE },
    { _("Comment:"), 9.0, FALSE },
  };
  double widest = 0.0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *markup = labels[i].bold ? g_markup_printf_escaped ("<b>%s</b>", labels[i].text)
                                               : g_markup_escape_text (labels[i].text, -1);
      g_autoptr(PangoLayout) layout = layout_new (pack, markup, labels[i].size, -1);
      int width;

      pango_layout_set_width (layout, -1);
      pango_layout_get_size (layout, &width, NULL);
      widest = MAX (widest, pango_units_to_double (width));
    }

  return CLAMP (widest + 8.0, LABEL_WIDTH, TEXT_WIDTH / 3.0);
}

/**
 * iap_ballot_pack_draw:
 * @sheets: (element-type IapBallotSheet): the ballots, in order
 * @cr: a cairo context on the first page of a surface of
 *   %IAP_BALLOT_PACK_WIDTH × %IAP_BALLOT_PACK_HEIGHT points: every page
 *   is drawn, each ended with cairo_show_page() but the last
 *
 * Draws the whole pack.
 *
 * Returns: the number of pages drawn
 */
guint
iap_ballot_pack_draw (GPtrArray *sheets,
                      cairo_t   *cr)
{
  g_autofree guint *pages = NULL;
  PangoContext *context;
  Pack pack = { 0, };

  g_return_val_if_fail (sheets != NULL && sheets->len > 0, 0);
  g_return_val_if_fail (cr != NULL, 0);

  context = pango_cairo_create_context (cr);
  pages = g_new0 (guint, sheets->len);
  pack = (Pack) { cr, context, FALSE, sheets, pages, 0, -1, 0, TOP, 0.0 };
  pack.label_width = measure_label_width (&pack);
  /* Counted first: each ballot says how many pages it has */
  lay_out (&pack);
  pack.drawing = TRUE;
  lay_out (&pack);
  g_object_unref (context);

  return pack.page;
}

/**
 * iap_ballot_pack_to_pdf:
 * @sheets: (element-type IapBallotSheet): the ballots, in order
 *
 * Returns: (transfer full) (nullable): the ballot pack as PDF, or %NULL
 *   with @error set
 */
GBytes *
iap_ballot_pack_to_pdf (GPtrArray  *sheets,
                        GError    **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  IapWorkshop *workshop;

  g_return_val_if_fail (sheets != NULL && sheets->len > 0, NULL);

  workshop = iap_ballot_sheet_get_workshop (g_ptr_array_index (sheets, 0));
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, IAP_BALLOT_PACK_WIDTH, IAP_BALLOT_PACK_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, iap_workshop_get_title (workshop));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "IAP Workshop");
  cr = cairo_create (surface);
  iap_ballot_pack_draw (sheets, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The ballot pack could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
