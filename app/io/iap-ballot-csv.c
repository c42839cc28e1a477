/* iap-ballot-csv.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The spreadsheet ballot (docs/file-format.md, "Spreadsheet ballots"):
 *
 *   iap-ballot,WORKSHOP,ROUND,PARTICIPANT,CODE
 *   risk_id,risk,arrangement,area,likelihood,impact,comment
 *   r1,Armed escorts draw attacks,Military escorts,Access,,,
 *   …
 *
 * A second round adds, before likelihood, what the room said in the
 * round before (earlier_median, earlier_spread) and the participant's
 * own earlier score (your_earlier_score). A round on the triple-hatting
 * factors adds a second table, factor_id,factor,option,score,comment,
 * after a blank row; a legend of the scales follows last.
 *
 * Reading, the columns are found by their headings, so a participant
 * may move them; the rows under any other heading are not read.
 */

#define G_LOG_DOMAIN "iap-ballot-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-ballot-csv.h"
#include "iap-csv.h"

#define MAGIC "iap-ballot"

static const char *
catalog_label (IapWorkshop *workshop,
               const char  *kind,
               const char  *id)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (workshop), kind, id);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : id;
}

static gboolean
has_earlier (IapBallotSheet *sheet,
             GListModel     *risks)
{
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      if (iap_ballot_sheet_get_earlier (sheet, iap_risk_get_id (risk)) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* A level the participant already gave, or an empty cell to fill */
static void
add_level (IapCsvWriter *csv,
           int           level)
{
  if (level >= 0)
    iap_csv_writer_add_printf (csv, "%d", level);
  else
    iap_csv_writer_add (csv, NULL);
}

static void
add_earlier (IapBallotSheet *sheet,
             IapCsvWriter   *csv,
             const char     *risk)
{
  g_autofree char *median = NULL;
  g_autofree char *spread = NULL;
  g_autofree char *own = NULL;

  iap_ballot_sheet_describe_earlier (sheet, risk, &median, &spread, &own);
  iap_csv_writer_add (csv, median);
  iap_csv_writer_add (csv, spread);
  iap_csv_writer_add (csv, own);
}

static void
write_risks (IapBallotSheet *sheet,
             IapCsvWriter   *csv)
{
  IapWorkshop *workshop = iap_ballot_sheet_get_workshop (sheet);
  GListModel *risks = iap_round_session_get_risks (iap_ballot_sheet_get_session (sheet));
  const char *participant = iap_participant_get_id (iap_ballot_sheet_get_participant (sheet));
  IapRound *round = iap_ballot_sheet_get_round (sheet);
  gboolean second = has_earlier (sheet, risks);

  if (g_list_model_get_n_items (risks) == 0)
    return;

  iap_csv_writer_add (csv, "risk_id");
  iap_csv_writer_add (csv, "risk");
  iap_csv_writer_add (csv, "arrangement");
  iap_csv_writer_add (csv, "area");
  if (second)
    {
      iap_csv_writer_add (csv, "earlier_median");
      iap_csv_writer_add (csv, "earlier_spread");
      iap_csv_writer_add (csv, "your_earlier_score");
    }
  iap_csv_writer_add_row (csv, "likelihood", "impact", "comment", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      const char *id = iap_risk_get_id (risk);
      IapRating *own = iap_round_find_rating (round, participant, id);

      iap_csv_writer_add (csv, id);
      iap_csv_writer_add (csv, iap_risk_get_title (risk) != NULL ? iap_risk_get_title (risk) : id);
      iap_csv_writer_add (csv, catalog_label (workshop, IAP_CATALOG_ARRANGEMENT, iap_risk_get_arrangement (risk)));
      iap_csv_writer_add (csv, catalog_label (workshop, IAP_CATALOG_AREA, iap_risk_get_area (risk)));
      if (second)
        add_earlier (sheet, csv, id);
      add_level (csv, own != NULL && iap_rating_get_likelihood (own) > 0 ? (int) iap_rating_get_likelihood (own) : -1);
      add_level (csv, own != NULL && iap_rating_get_impact (own) > 0 ? (int) iap_rating_get_impact (own) : -1);
      iap_csv_writer_add (csv, own != NULL ? iap_rating_get_comment (own) : NULL);
      iap_csv_writer_end_row (csv);
    }
}

static void
write_factors (IapBallotSheet *sheet,
               IapCsvWriter   *csv)
{
  IapWorkshop *workshop = iap_ballot_sheet_get_workshop (sheet);
  GListModel *factors = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_FACTOR);
  const char * const *options = iap_workshop_get_options (workshop);
  const char *participant = iap_participant_get_id (iap_ballot_sheet_get_participant (sheet));
  IapRound *round = iap_ballot_sheet_get_round (sheet);

  if (!iap_round_session_get_factors (iap_ballot_sheet_get_session (sheet)) || options == NULL)
    return;

  iap_csv_writer_end_row (csv);
  iap_csv_writer_add_row (csv, "factor_id", "factor", "option", "score", "comment", NULL);
  for (guint f = 0; f < g_list_model_get_n_items (factors); f++)
    {
      g_autoptr(IapCatalogEntry) factor = g_list_model_get_item (factors, f);
      const char *id = iap_catalog_entry_get_id (factor);

      for (guint o = 0; options[o] != NULL; o++)
        {
          IapFactorRating *own = iap_round_find_factor_rating (round, participant, id, options[o]);

          iap_csv_writer_add (csv, id);
          iap_csv_writer_add (csv, iap_catalog_entry_get_label (factor));
          iap_csv_writer_add (csv, options[o]);
          add_level (csv, own != NULL ? (int) iap_factor_rating_get_value (own) : -1);
          iap_csv_writer_add (csv, NULL);
          iap_csv_writer_end_row (csv);
        }
    }
}

static char *
dup_level (GListModel *levels,
           guint       i)
{
  g_autoptr(IapScaleLevel) level = NULL;
  const char *definition;

  if (i >= g_list_model_get_n_items (levels))
    return NULL;
  level = g_list_model_get_item (levels, i);
  definition = iap_scale_level_get_definition (level);

  return g_strdup_printf ("%s%s%s", iap_scale_level_get_label (level),
                          definition != NULL && *definition != '\0' ? " — " : "",
                          definition != NULL ? definition : "");
}

/* The words of each level, for whoever fills the ballot without the
 * printed pack: what to write, as a number or a word */
static void
write_legend (IapBallotSheet *sheet,
              IapCsvWriter   *csv)
{
  IapScales *scales = iap_workshop_get_scales (iap_ballot_sheet_get_workshop (sheet));
  gboolean factors = iap_round_session_get_factors (iap_ballot_sheet_get_session (sheet));
  const char *factor_words[] = {
    C_("factor score", "0 Not at all"), C_("factor score", "1 Slightly"), C_("factor score", "2 Partly"),
    C_("factor score", "3 Largely"), C_("factor score", "4 Fully"),
  };
  guint n = MAX (iap_scales_get_n_likelihood (scales), iap_scales_get_n_impact (scales));

  iap_csv_writer_end_row (csv);
  iap_csv_writer_add_row (csv, "level", "likelihood", "impact", factors ? "factor_score" : NULL, NULL);
  for (guint i = 0; i < MAX (n + 1, factors ? 5 : 0); i++)
    {
      g_autofree char *l = i > 0 ? dup_level (iap_scales_get_likelihood (scales), i - 1) : NULL;
      g_autofree char *m = i > 0 ? dup_level (iap_scales_get_impact (scales), i - 1) : NULL;

      if (i == 0 && !factors)
        continue;
      iap_csv_writer_add_printf (csv, "%u", i);
      iap_csv_writer_add (csv, l);
      iap_csv_writer_add (csv, m);
      if (factors)
        iap_csv_writer_add (csv, i < G_N_ELEMENTS (factor_words) ? factor_words[i] : NULL);
      iap_csv_writer_end_row (csv);
    }
}

/**
 * iap_ballot_csv_write:
 * @separator: ',', ';' or '\t' (iap_csv_locale_separator() gives the
 *   one the user's spreadsheets open without asking)
 *
 * Returns: (transfer full): the spreadsheet ballot of @sheet
 */
GBytes *
iap_ballot_csv_write (IapBallotSheet *sheet,
                      char            separator)
{
  g_autoptr(IapCsvWriter) csv = NULL;
  IapWorkshop *workshop;

  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (sheet), NULL);
  g_return_val_if_fail (iap_ballot_sheet_get_code (sheet) != NULL, NULL);

  workshop = iap_ballot_sheet_get_workshop (sheet);
  csv = iap_csv_writer_new (separator);
  iap_csv_writer_add_row (csv, MAGIC, iap_workshop_get_id (workshop),
                          iap_round_get_id (iap_ballot_sheet_get_round (sheet)),
                          iap_participant_get_id (iap_ballot_sheet_get_participant (sheet)),
                          iap_ballot_sheet_get_code (sheet), NULL);
  write_risks (sheet, csv);
  write_factors (sheet, csv);
  write_legend (sheet, csv);

  return iap_csv_writer_free_to_bytes (g_steal_pointer (&csv));
}

/* Reading ------------------------------------------------------------ */

typedef enum
{
  TABLE_NONE,
  TABLE_RISKS,
  TABLE_FACTORS,
} Table;

enum {
  COL_ID,
  COL_OPTION,
  COL_LIKELIHOOD,               /* the factor's score in its table */
  COL_IMPACT,
  COL_COMMENT,
  N_COLUMNS
};

typedef struct
{
  IapCsv *csv;
  IapBallot *ballot;
  IapScales *scales;
  Table table;
  int columns[N_COLUMNS];       /* field index, or -1 */
  GHashTable *seen;             /* risk ids, or factor and option ids */
} Reader;

static char *
heading (IapCsv *csv,
         guint   row,
         guint   field)
{
  g_autofree char *text = g_strstrip (g_strdup (iap_csv_get_field (csv, row, field)));

  return g_ascii_strdown (text, -1);
}

/* A heading row starts a table; the legend's, or any other, ends it */
static gboolean
read_heading (Reader *r,
              guint   row)
{
  g_autofree char *first = heading (r->csv, row, 0);

  if (g_str_equal (first, "risk_id"))
    r->table = TABLE_RISKS;
  else if (g_str_equal (first, "factor_id"))
    r->table = TABLE_FACTORS;
  else if (g_str_equal (first, "level"))
    r->table = TABLE_NONE;
  else
    return FALSE;

  for (guint c = 0; c < N_COLUMNS; c++)
    r->columns[c] = -1;
  for (guint f = 0; f < iap_csv_get_n_fields (r->csv, row); f++)
    {
      g_autofree char *name = heading (r->csv, row, f);

      if (g_str_equal (name, "risk_id") || g_str_equal (name, "factor_id"))
        r->columns[COL_ID] = f;
      else if (g_str_equal (name, "option"))
        r->columns[COL_OPTION] = f;
      else if (g_str_equal (name, "likelihood") || g_str_equal (name, "score"))
        r->columns[COL_LIKELIHOOD] = f;
      else if (g_str_equal (name, "impact"))
        r->columns[COL_IMPACT] = f;
      else if (g_str_equal (name, "comment"))
        r->columns[COL_COMMENT] = f;
    }
  if (r->columns[COL_LIKELIHOOD] < 0 || (r->table == TABLE_RISKS && r->columns[COL_IMPACT] < 0) ||
      (r->table == TABLE_FACTORS && r->columns[COL_OPTION] < 0))
    {
      iap_ballot_add_problem (r->ballot, iap_csv_get_line (r->csv, row),
                              _("A heading of the table is missing: its rows are not read."));
      r->table = TABLE_NONE;
    }

  return TRUE;
}

static char *
cell (Reader *r,
      guint   row,
      int     column)
{
  const char *text = column >= 0 ? iap_csv_get_field (r->csv, row, column) : NULL;

  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static gboolean
read_level (Reader         *r,
            guint           line,
            IapBallotLevel  kind,
            const char     *text,
            int            *level)
{
  g_autoptr(GError) error = NULL;

  if (iap_ballot_parse_level (r->scales, kind, text, level, &error))
    return TRUE;

  iap_ballot_add_problem (r->ballot, line, "%s", error->message);
  return FALSE;
}

/* Once per risk, or per factor and option: a row copied twice is read
 * once, and said */
static gboolean
first_time (Reader     *r,
            guint       line,
            const char *key,
            const char *name)
{
  if (!g_hash_table_contains (r->seen, key))
    {
      g_hash_table_add (r->seen, g_strdup (key));
      return TRUE;
    }

  iap_ballot_add_problem (r->ballot, line, _("“%s” has a row already: this one is left out."), name);
  return FALSE;
}

static void
read_risk (Reader *r,
           guint   row)
{
  guint line = iap_csv_get_line (r->csv, row);
  g_autofree char *id = cell (r, row, r->columns[COL_ID]);
  g_autofree char *l_text = cell (r, row, r->columns[COL_LIKELIHOOD]);
  g_autofree char *m_text = cell (r, row, r->columns[COL_IMPACT]);
  g_autofree char *comment = cell (r, row, r->columns[COL_COMMENT]);
  int l, m;

  if (*id == '\0')
    {
      if (*l_text != '\0' || *m_text != '\0')
        iap_ballot_add_problem (r->ballot, line, _("A score without a risk_id: it is not known which risk it is for."));
      return;
    }
  if (!first_time (r, line, id, id))
    return;
  if (!read_level (r, line, IAP_BALLOT_LEVEL_LIKELIHOOD, l_text, &l) ||
      !read_level (r, line, IAP_BALLOT_LEVEL_IMPACT, m_text, &m))
    return;

  if (l < 0 && m < 0)
    iap_ballot_add_blank (r->ballot);
  else if (l < 0 || m < 0)
    iap_ballot_add_problem (r->ballot, line, l < 0 ? _("An impact without a likelihood: both are needed.")
                                                   : _("A likelihood without an impact: both are needed."));
  else
    iap_ballot_add_score (r->ballot, id, l, m, comment, line);
}

static void
read_factor (Reader *r,
             guint   row)
{
  guint line = iap_csv_get_line (r->csv, row);
  g_autofree char *id = cell (r, row, r->columns[COL_ID]);
  g_autofree char *option = cell (r, row, r->columns[COL_OPTION]);
  g_autofree char *text = cell (r, row, r->columns[COL_LIKELIHOOD]);
  g_autofree char *key = g_strconcat (id, "\x1f", option, NULL);
  g_autofree char *name = g_strdup_printf ("%s / %s", id, option);
  int value;

  if (*id == '\0' || *option == '\0')
    {
      if (*text != '\0')
        iap_ballot_add_problem (r->ballot, line, _("A score without its factor_id and option."));
      return;
    }
  if (!first_time (r, line, key, name) || !read_level (r, line, IAP_BALLOT_LEVEL_FACTOR, text, &value))
    return;

  if (value < 0)
    iap_ballot_add_blank (r->ballot);
  else
    iap_ballot_add_factor_score (r->ballot, id, option, value, line);
}

/* The first row that is not blank says whose ballot this is */
static gboolean
read_address (Reader *r,
              guint  *row)
{
  g_autofree char *magic = NULL;
  char *fields[4];

  while (*row < iap_csv_get_n_rows (r->csv) && iap_csv_row_is_blank (r->csv, *row))
    (*row)++;
  magic = *row < iap_csv_get_n_rows (r->csv) ? heading (r->csv, *row, 0) : g_strdup ("");
  if (!g_str_equal (magic, MAGIC))
    {
      iap_ballot_set_unreadable (r->ballot, _("This is not an IAP Workshop ballot: its first row does not "
                                              "start with “iap-ballot”."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    fields[i] = cell (r, *row, i + 1);
  iap_ballot_set_address (r->ballot, fields[0], fields[1], fields[2], fields[3]);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (fields[i]);
  (*row)++;

  return TRUE;
}

/**
 * iap_ballot_csv_read:
 * @workshop: the workshop whose scales the values are read on
 * @source: the file's name, as the preview shows it
 *
 * Reads a returned spreadsheet ballot, as LibreOffice or Excel saved it.
 * Never fails: a file that is no ballot comes back as a ballot that
 * says why (iap_ballot_get_unreadable()), and each value that cannot be
 * read as a problem of its row.
 *
 * Returns: (transfer full): the ballot as read
 */
IapBallot *
iap_ballot_csv_read (IapWorkshop *workshop,
                     const char  *source,
                     const char  *data,
                     gsize        length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IapCsv) csv = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  IapBallot *ballot;
  Reader r = { 0, };
  gboolean tables = FALSE;
  guint row = 0;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  ballot = iap_ballot_new (source);
  if ((csv = iap_csv_parse (data, length, 0, &error)) == NULL)
    {
      iap_ballot_set_unreadable (ballot, error->message);
      return ballot;
    }

  r.csv = csv;
  r.ballot = ballot;
  r.scales = iap_workshop_get_scales (workshop);
  r.seen = seen;
  if (!read_address (&r, &row))
    return ballot;
  for (; row < iap_csv_get_n_rows (csv); row++)
    {
      if (iap_csv_row_is_blank (csv, row))
        continue;
      if (read_heading (&r, row))
        {
          tables = tables || r.table != TABLE_NONE;
          continue;
        }
      if (r.table == TABLE_RISKS)
        read_risk (&r, row);
      else if (r.table == TABLE_FACTORS)
        read_factor (&r, row);
    }
  if (!tables)
    iap_ballot_set_unreadable (ballot, _("The ballot has no table of scores: its risk_id heading row is missing."));

  return ballot;
}
