/* test-table.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "iap-ods.h"
#include "iap-table.h"
#include "iap-workshop-file.h"
#include "iap-zip.h"

static IapWorkshop *
load_example (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/example.iapw", 0, NULL);
  g_autoptr(GError) error = NULL;
  IapWorkshop *workshop;

  g_assert_nonnull (bytes);
  workshop = iap_workshop_load_bytes (bytes, "example.iapw", &error);
  g_assert_no_error (error);

  return workshop;
}

static guint
column (IapTable   *table,
        const char *id)
{
  for (guint i = 0; i < iap_table_get_n_columns (table); i++)
    {
      if (g_str_equal (iap_table_get_column (table, i)->id, id))
        return i;
    }
  g_error ("no column %s", id);
}

static const char *
cell (IapTable   *table,
      guint       row,
      const char *id)
{
  return iap_table_get_text (table, row, column (table, id));
}

static void
test_columns_unique (void)
{
  for (IapTableKind kind = 0; kind < IAP_N_TABLES; kind++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      guint n;
      const IapTableColumn *columns = iap_table_get_columns (kind, &n);
      IapTableKind back;

      g_assert_true (iap_table_kind_from_id (iap_table_kind_to_id (kind), &back));
      g_assert_cmpint (back, ==, kind);
      for (guint i = 0; i < n; i++)
        {
          g_assert_true (g_hash_table_add (seen, (char *) columns[i].id));
          g_assert_true (g_regex_match_simple ("^[a-z][a-z_]*$", columns[i].id, 0, 0));
        }
    }
}

static void
test_register (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapTable) table = iap_table_new (workshop, IAP_TABLE_REGISTER, FALSE);
  GListModel *risks = iap_workshop_get_risks (workshop);
  IapBand band;

  g_assert_cmpuint (iap_table_get_n_rows (table), ==, g_list_model_get_n_items (risks));
  g_assert_cmpstr (cell (table, 0, "id"), ==, "r1");
  g_assert_cmpstr (cell (table, 0, "number"), ==, "1");
  /* The level, its label next to it, and the band by name */
  g_assert_cmpstr (cell (table, 0, "inherent_likelihood"), ==, "4");
  g_assert_cmpstr (cell (table, 0, "inherent_likelihood_label"), ==, "Likely");
  g_assert_cmpstr (cell (table, 0, "inherent_impact_label"), ==, "Major");
  g_assert_cmpstr (cell (table, 0, "inherent_band"), ==, "High");
  g_assert_true (iap_table_get_band (table, 0, column (table, "inherent_band"), &band));
  g_assert_cmpint (band, ==, IAP_BAND_HIGH);
  g_assert_false (iap_table_get_band (table, 0, column (table, "title"), NULL));
  g_assert_cmpstr (cell (table, 0, "arrangement_id"), ==, "co-location");
  g_assert_cmpstr (cell (table, 0, "arrangement"), ==, "Co-location");
  g_assert_cmpstr (cell (table, 1, "accepted_by"), ==, "Ama Boateng");
  g_assert_cmpstr (cell (table, 1, "acceptance_date"), ==, "2026-03-11");
}

static void
test_anonymize (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapTable) risks = iap_table_new (workshop, IAP_TABLE_REGISTER, TRUE);
  g_autoptr(IapTable) plan = iap_table_new (workshop, IAP_TABLE_MITIGATIONS, TRUE);
  g_autoptr(IapTable) dissents = iap_table_new (workshop, IAP_TABLE_DISSENTS, TRUE);
  g_autoptr(IapTable) named = iap_table_new (workshop, IAP_TABLE_DISSENTS, FALSE);

  /* Officials by role, owners by entity, dissenters by pillar */
  g_assert_cmpstr (cell (risks, 1, "accepted_by"), ==, "");
  g_assert_cmpstr (cell (risks, 1, "acceptance_role"), ==, "DSRSG/RC/HC");
  g_assert_cmpstr (cell (plan, 0, "owner"), ==, "");
  g_assert_cmpstr (cell (plan, 0, "entity"), ==, "OCHA");
  g_assert_nonnull (strstr (cell (named, 1, "dissenter"), "Nair"));
  g_assert_null (strstr (cell (dissents, 1, "dissenter"), "Nair"));
  for (guint i = 0; i < iap_table_get_n_rows (dissents); i++)
    g_assert_nonnull (strstr (cell (dissents, i, "dissenter"), "pillar"));
}

static IapWorkshop *
workshop_with_scores (guint n_scorers)
{
  IapWorkshop *workshop = iap_workshop_new ();
  IapRisk *risk = iap_workshop_add_risk (workshop, "co-location", "perception", "Shared compound");
  IapRound *round = iap_workshop_add_round (workshop, "private");

  for (guint i = 0; i < n_scorers; i++)
    {
      IapParticipant *p = iap_workshop_add_participant (workshop, "humanitarian", NULL, "OCHA");

      iap_workshop_set_rating (workshop, round, iap_participant_get_id (p), iap_risk_get_id (risk), 2 + i % 2, 4);
    }
  iap_workshop_set (workshop, round, "state", "revealed", NULL);

  return workshop;
}

/* No group statistic from fewer scorers than the privacy floor: only
 * the count of people */
static void
test_ratings_floor (void)
{
  g_autoptr(IapWorkshop) few = workshop_with_scores (2);
  g_autoptr(IapWorkshop) enough = workshop_with_scores (3);
  g_autoptr(IapTable) withheld = iap_table_new (few, IAP_TABLE_RATINGS, FALSE);
  g_autoptr(IapTable) shown = iap_table_new (enough, IAP_TABLE_RATINGS, FALSE);
  const char *statistics[] = { "median_likelihood", "median_likelihood_label", "median_impact",
                               "median_impact_label", "median_band", "iqr_likelihood", "iqr_impact",
                               "agreement_likelihood", "agreement_impact" };

  g_assert_cmpuint (iap_table_get_n_rows (withheld), ==, 1);
  g_assert_cmpstr (cell (withheld, 0, "scorers"), ==, "2");
  g_assert_cmpstr (cell (withheld, 0, "round"), ==, "1");
  g_assert_cmpstr (cell (withheld, 0, "verdict_id"), ==, "withheld");
  for (guint i = 0; i < G_N_ELEMENTS (statistics); i++)
    g_assert_cmpstr (cell (withheld, 0, statistics[i]), ==, "");

  g_assert_cmpstr (cell (shown, 0, "scorers"), ==, "3");
  g_assert_cmpstr (cell (shown, 0, "median_likelihood"), ==, "2");
  g_assert_cmpstr (cell (shown, 0, "median_impact"), ==, "4");
  g_assert_cmpstr (cell (shown, 0, "iqr_likelihood"), ==, "1");
  g_assert_cmpstr (cell (shown, 0, "verdict_id"), ==, "consensus");
}

static void
test_zip_roundtrip (void)
{
  g_autoptr(IapZipWriter) zip = iap_zip_writer_new ();
  g_autoptr(GBytes) archive = NULL;
  g_autoptr(GBytes) stored = NULL, packed = NULL, empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (100000, 'x');
  gsize size;
  const guint8 *data;

  iap_zip_writer_add (zip, "mimetype", "abc", 3, FALSE);
  iap_zip_writer_add (zip, "dir/big.txt", big, strlen (big), TRUE);
  iap_zip_writer_add (zip, "empty", "", 0, TRUE);
  archive = iap_zip_writer_free_to_bytes (g_steal_pointer (&zip));
  data = g_bytes_get_data (archive, &size);

  /* The first member stored, its name at the fixed offset of ODF */
  g_assert_cmpmem (data + 30, 8, "mimetype", 8);
  g_assert_cmpmem (data + 38, 3, "abc", 3);
  g_assert_true (iap_zip_is_zip (data, size));
  /* Deflated for real */
  g_assert_cmpuint (size, <, 2000);

  stored = iap_zip_extract (data, size, "mimetype", 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), "abc", 3);
  packed = iap_zip_extract (data, size, "dir/big.txt", 1 << 20, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (packed, NULL), g_bytes_get_size (packed), big, strlen (big));
  empty = iap_zip_extract (data, size, "empty", 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (empty), ==, 0);

  g_assert_null (iap_zip_extract (data, size, "missing", 1024, &error));
  g_assert_error (error, IAP_ZIP_ERROR, IAP_ZIP_ERROR_MISSING);
  g_clear_error (&error);
  /* A member larger than allowed is never inflated */
  g_assert_null (iap_zip_extract (data, size, "dir/big.txt", 1000, &error));
  g_assert_error (error, IAP_ZIP_ERROR, IAP_ZIP_ERROR_TOO_LARGE);
  g_clear_error (&error);
}

/* Every truncation and every flipped byte of an archive is refused or
 * read whole, never read past its end (run under ASan and valgrind) */
static void
test_zip_damaged (void)
{
  g_autoptr(IapZipWriter) zip = iap_zip_writer_new ();
  g_autoptr(GBytes) archive = NULL;
  const char *text = "Risk list, row after row of it, deflated.";
  gsize size;
  const guint8 *data;

  iap_zip_writer_add (zip, "content.xml", text, strlen (text), TRUE);
  archive = iap_zip_writer_free_to_bytes (g_steal_pointer (&zip));
  data = g_bytes_get_data (archive, &size);

  for (gsize length = 0; length < size; length++)
    {
      g_autofree guint8 *cut = g_memdup2 (data, length);
      g_autoptr(GError) error = NULL;

      g_assert_null (iap_zip_extract (cut, length, "content.xml", 1024, &error));
      g_assert_nonnull (error);
    }
  for (gsize at = 0; at < size; at++)
    {
      g_autofree guint8 *bad = g_memdup2 (data, size);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) member = NULL;

      bad[at] ^= 0x5a;
      member = iap_zip_extract (bad, size, "content.xml", 1024, &error);
      /* A byte of the names, dates or attributes may change harmlessly;
       * what is read is then the member itself */
      if (member != NULL)
        g_assert_cmpmem (g_bytes_get_data (member, NULL), g_bytes_get_size (member), text, strlen (text));
      else
        g_assert_nonnull (error);
    }
}

static IapSheet *
read_back (IapTable *table)
{
  IapOdsBandColors colors = { { 0x00ff00, 0xffff00, 0xff8800, 0xff0000 }, { 0, 0, 0, 0xffffff } };
  g_autoptr(GBytes) ods = iap_ods_write (&table, 1, &colors);
  g_autoptr(GError) error = NULL;
  IapSheet *sheet;

  sheet = iap_ods_read_sheet (g_bytes_get_data (ods, NULL), g_bytes_get_size (ods), &error);
  g_assert_no_error (error);

  return sheet;
}

/* What is written is read back: header, every cell, numbers, dates,
 * lines, runs of spaces, tabs */
static void
test_ods_roundtrip (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  GListModel *risks = iap_workshop_get_risks (workshop);
  g_autoptr(IapRisk) first = g_list_model_get_item (risks, 0);
  g_autoptr(IapTable) table = NULL;
  g_autoptr(IapSheet) sheet = NULL;

  iap_workshop_set_text (workshop, first, "notes", "  two lines,\nthen  runs   of spaces\tand a tab ");
  iap_workshop_set_text (workshop, first, "title", "=1+2 & <b>not markup</b>");
  table = iap_table_new (workshop, IAP_TABLE_REGISTER, FALSE);
  sheet = read_back (table);

  g_assert_cmpuint (iap_sheet_get_n_rows (sheet), ==, iap_table_get_n_rows (table) + 1);
  for (guint c = 0; c < iap_table_get_n_columns (table); c++)
    g_assert_cmpstr (iap_sheet_get_field (sheet, 0, c), ==, iap_table_get_column (table, c)->header);
  for (guint r = 0; r < iap_table_get_n_rows (table); r++)
    {
      g_assert_cmpuint (iap_sheet_get_row_number (sheet, r + 1), ==, r + 2);
      for (guint c = 0; c < iap_table_get_n_columns (table); c++)
        {
          const char *expected = iap_table_get_text (table, r, c);
          const char *read = iap_sheet_get_field (sheet, r + 1, c);

          /* Empty cells at the end of a row are not written */
          g_assert_cmpstr (read != NULL ? read : "", ==, expected);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/columns-unique", test_columns_unique);
  g_test_add_func ("/table/register", test_register);
  g_test_add_func ("/table/anonymize", test_anonymize);
  g_test_add_func ("/table/ratings-floor", test_ratings_floor);
  g_test_add_func ("/zip/roundtrip", test_zip_roundtrip);
  g_test_add_func ("/zip/damaged", test_zip_damaged);
  g_test_add_func ("/ods/roundtrip", test_ods_roundtrip);

  return g_test_run ();
}
