/* test-ballots.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "iap-ballot-code.h"
#include "iap-ballot-collect.h"
#include "iap-ballot-csv.h"
#include "iap-ballot-file.h"
#include "iap-csv.h"
#include "iap-workshop-file.h"

/* Ballots sent, filled in and collected, without a display: codes, the
 * reading of what participants write, and every rule of the collect. */

static IapWorkshop *
load_example (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/example.iapw", 0, NULL);
  g_autoptr(GError) error = NULL;
  IapWorkshop *workshop = iap_workshop_load_bytes (bytes, "example.iapw", &error);

  g_assert_no_error (error);

  return workshop;
}

static void
test_codes (void)
{
  const char *secret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  g_autofree char *code = iap_ballot_code_compute (secret, "w-1", "round1", "p1");
  g_autofree char *again = iap_ballot_code_compute (secret, "w-1", "round1", "p1");
  g_autofree char *other = iap_ballot_code_compute (secret, "w-1", "round1", "p2");
  g_autofree char *typed = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *secret2 = iap_ballot_new_secret ();
  g_autofree char *secret3 = iap_ballot_new_secret ();
  g_autofree char *id = iap_ballot_new_workshop_id ();

  g_assert_cmpuint (strlen (code), ==, IAP_BALLOT_CODE_LENGTH);
  g_assert_cmpint (code[4], ==, '-');
  /* The first 80 bits of the HMAC, as Python's hmac module computes it */
  g_assert_cmpstr (code, ==, "YGW1-0G7D-E4NB-XW7G");
  g_assert_cmpstr (code, ==, again);
  g_assert_cmpstr (code, !=, other);
  for (const char *c = code; *c != '\0'; c++)
    g_assert_true (*c == '-' || strchr ("0123456789ABCDEFGHJKMNPQRSTVWXYZ", *c) != NULL);

  /* Typed from paper: case, spaces, and the letters people mistake */
  typed = g_ascii_strdown (code, -1);
  g_strdelimit (typed, "-", ' ');
  g_assert_true (iap_ballot_code_matches (typed, secret, "w-1", "round1", "p1"));
  g_assert_false (iap_ballot_code_matches (code, secret, "w-1", "round1", "p2"));
  g_assert_false (iap_ballot_code_matches (code, secret, "w-1", "round2", "p1"));
  g_assert_false (iap_ballot_code_matches (code, secret, "w-2", "round1", "p1"));
  g_assert_false (iap_ballot_code_matches (code, secret2, "w-1", "round1", "p1"));
  g_assert_false (iap_ballot_code_matches (code, "", "w-1", "round1", "p1"));
  normalized = iap_ballot_code_normalize ("o0il-LI10 abcd efgh-jkmn");
  g_assert_null (normalized);
  normalized = iap_ballot_code_normalize ("o0ilLI10abcdefgh");
  g_assert_cmpstr (normalized, ==, "0011-1110-ABCD-EFGH");
  g_assert_null (iap_ballot_code_normalize ("ABCD-EFGH-JKMN-PQR"));
  g_assert_null (iap_ballot_code_normalize ("ABCD-EFGH-JKMN-PQRST"));
  g_assert_null (iap_ballot_code_normalize ("ABCU-EFGH-JKMN-PQRS"));
  /* The eight digits ballots had before: too few to join a room vote */
  g_assert_null (iap_ballot_code_normalize ("K7Q2-M9XD"));

  g_assert_cmpuint (strlen (secret2), ==, 64);
  g_assert_cmpstr (secret2, !=, secret3);
  g_assert_true (g_str_has_prefix (id, "w-"));
  g_assert_cmpuint (strlen (id), ==, 38);
}

static int
level (IapScales      *scales,
       IapBallotLevel  kind,
       const char     *text)
{
  g_autoptr(GError) error = NULL;
  int value = -2;

  if (!iap_ballot_parse_level (scales, kind, text, &value, &error))
    {
      g_assert_nonnull (error);
      return -2;
    }
  g_assert_no_error (error);

  return value;
}

static void
test_levels (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  IapScales *scales = iap_workshop_get_scales (workshop);

  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "4"), ==, 4);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, " 4 "), ==, 4);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "Likely"), ==, 4);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "likely"), ==, 4);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "Probable"), ==, 4);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "4 Likely"), ==, 4);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "4 - Probable"), ==, 4);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "PRESQUE CERTAIN"), ==, 5);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "almost  certain"), ==, 5);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_IMPACT, "Modéré"), ==, 3);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_IMPACT, "modere"), ==, 3);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_IMPACT, "Severe"), ==, 5);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_IMPACT, ""), ==, -1);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_IMPACT, "   "), ==, -1);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_FACTOR, "0"), ==, 0);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_FACTOR, "Pas du tout"), ==, 0);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_FACTOR, "3 Largely"), ==, 3);

  /* Not read: off the scale, junk, a number and a word that disagree */
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "0"), ==, -2);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "7"), ==, -2);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "high"), ==, -2);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "4 Rare"), ==, -2);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_LIKELIHOOD, "3.5"), ==, -2);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_IMPACT, "Likely"), ==, -2);
  g_assert_cmpint (level (scales, IAP_BALLOT_LEVEL_FACTOR, "5"), ==, -2);
}

/* The French words a ballot reads are those of po/fr.po: a change of the
 * translation that is not followed here fails. */
static void
test_words_follow_translation (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "fr.po", NULL);
  g_autofree char *po = NULL;
  g_autoptr(IapWorkshop) workshop = load_example ();
  IapScales *scales = iap_workshop_get_scales (workshop);
  const struct { const char *context; const char *english; IapBallotLevel kind; int level; } words[] = {
    { "catalog", "Unlikely", IAP_BALLOT_LEVEL_LIKELIHOOD, 2 },
    { "catalog", "Likely", IAP_BALLOT_LEVEL_LIKELIHOOD, 4 },
    { "catalog", "Almost certain", IAP_BALLOT_LEVEL_LIKELIHOOD, 5 },
    { "catalog", "Negligible", IAP_BALLOT_LEVEL_IMPACT, 1 },
    { "catalog", "Minor", IAP_BALLOT_LEVEL_IMPACT, 2 },
    { "catalog", "Moderate", IAP_BALLOT_LEVEL_IMPACT, 3 },
    { "catalog", "Major", IAP_BALLOT_LEVEL_IMPACT, 4 },
    { "catalog", "Severe", IAP_BALLOT_LEVEL_IMPACT, 5 },
    { "factor score", "1 Slightly", IAP_BALLOT_LEVEL_FACTOR, 1 },
    { "factor score", "4 Fully", IAP_BALLOT_LEVEL_FACTOR, 4 },
  };

  g_assert_true (g_file_get_contents (path, &po, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *entry = g_strdup_printf ("msgctxt \"%s\"\nmsgid \"%s\"\nmsgstr \"", words[i].context, words[i].english);
      const char *found = strstr (po, entry);
      g_autofree char *french = NULL;

      g_assert_nonnull (found);
      found += strlen (entry);
      french = g_strndup (found, strchr (found, '"') - found);
      g_test_message ("%s: %s", words[i].english, french);
      g_assert_cmpint (level (scales, words[i].kind, french), ==, words[i].level);
    }
}

typedef struct
{
  IapWorkshop *workshop;
  IapRoundSession *session;
} Round;

static void
open_ballot_round (Round    *r,
                   gboolean  factors)
{
  GListModel *risks;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) scope = NULL;
  g_autoptr(GError) error = NULL;

  r->workshop = load_example ();
  r->session = iap_round_session_new (r->workshop);
  risks = iap_workshop_get_risks (r->workshop);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      g_strv_builder_add (ids, iap_risk_get_id (risk));
    }
  scope = g_strv_builder_end (ids);
  /* The example's first round is revealed: the new one closes it */
  g_assert_true (iap_round_session_start (r->session, "ballot", (const char * const *) scope, factors, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iap_round_get_secret (iap_round_session_get_round (r->session)), !=, "");
  g_assert_cmpstr (iap_workshop_get_id (r->workshop), !=, "");
}

static void
close_round (Round *r)
{
  g_clear_object (&r->session);
  g_clear_object (&r->workshop);
}

static IapBallotSheet *
sheet_for (Round      *r,
           const char *participant)
{
  g_autoptr(GError) error = NULL;
  IapBallotSheet *sheet = iap_ballot_sheet_new (r->session, participant, &error);

  g_assert_no_error (error);

  return sheet;
}

/* The ballot as a participant returns it: @values are likelihood and
 * impact texts for the four risks, written with @separator */
static IapBallot *
filled_csv (Round       *r,
            const char  *participant,
            const char  *values[8],
            char         separator,
            const char  *edit_from,
            const char  *edit_to)
{
  g_autoptr(IapBallotSheet) sheet = sheet_for (r, participant);
  g_autoptr(GBytes) sent = iap_ballot_csv_write (sheet, ',');
  g_autoptr(IapCsv) csv = iap_csv_parse (g_bytes_get_data (sent, NULL), g_bytes_get_size (sent), 0, NULL);
  g_autoptr(IapCsvWriter) back = iap_csv_writer_new (separator);
  g_autoptr(GBytes) returned = NULL;
  guint risk = 0;
  guint l_column = 0;

  g_assert_nonnull (csv);
  /* Found by heading: a second round has more columns before them */
  while (!g_str_equal (iap_csv_get_field (csv, 1, l_column), "likelihood"))
    l_column++;
  g_assert_cmpstr (iap_csv_get_field (csv, 1, l_column + 1), ==, "impact");
  for (guint row = 0; row < iap_csv_get_n_rows (csv); row++)
    {
      gboolean risk_row = row >= 2 && risk < 4 && !iap_csv_row_is_blank (csv, row);

      for (guint f = 0; f < iap_csv_get_n_fields (csv, row); f++)
        {
          const char *text = iap_csv_get_field (csv, row, f);

          if (row == 0 && edit_from != NULL && g_str_equal (text, edit_from))
            text = edit_to;
          if (risk_row && (f == l_column || f == l_column + 1))
            text = values[2 * risk + f - l_column];
          iap_csv_writer_add (back, text);
        }
      iap_csv_writer_end_row (back);
      risk += risk_row;
    }
  returned = iap_csv_writer_free_to_bytes (g_steal_pointer (&back));

  return iap_ballot_csv_read (r->workshop, participant, g_bytes_get_data (returned, NULL), g_bytes_get_size (returned));
}

static void
assert_rating (Round      *r,
               const char *participant,
               const char *risk,
               guint       likelihood,
               guint       impact)
{
  IapRating *rating = iap_round_find_rating (iap_round_session_get_round (r->session), participant, risk);

  if (likelihood == 0)
    {
      g_assert_null (rating);
      return;
    }
  g_assert_nonnull (rating);
  g_assert_cmpuint (iap_rating_get_likelihood (rating), ==, likelihood);
  g_assert_cmpuint (iap_rating_get_impact (rating), ==, impact);
}

static void
test_csv_collect (void)
{
  Round r = { 0, };
  const char *p1[8] = { "4", "3", "Likely", "Major", "probable", "modéré", "", "" };
  const char *p2[8] = { "1", "1", "2 Unlikely", "2", "5", "5", "3", "junk" };
  g_autoptr(IapBallot) b1 = NULL;
  g_autoptr(IapBallot) b2 = NULL;
  g_autoptr(IapBallotCollect) collect = NULL;
  g_autoptr(GError) error = NULL;

  open_ballot_round (&r, FALSE);
  b1 = filled_csv (&r, "p1", p1, ';', NULL, NULL);
  b2 = filled_csv (&r, "p2", p2, ',', NULL, NULL);
  g_assert_null (iap_ballot_get_unreadable (b1));
  g_assert_cmpuint (iap_ballot_get_n_scores (b1), ==, 3);
  g_assert_cmpuint (iap_ballot_get_n_blanks (b1), ==, 1);
  g_assert_cmpuint (iap_ballot_get_n_problems (b1), ==, 0);
  g_assert_cmpuint (iap_ballot_get_n_scores (b2), ==, 3);
  g_assert_cmpuint (iap_ballot_get_n_problems (b2), ==, 1);
  /* The fourth risk's row: the ballot's sixth line */
  g_assert_cmpuint (iap_ballot_get_problem (b2, 0)->line, ==, 6);
  g_assert_nonnull (strstr (iap_ballot_get_problem (b2, 0)->reason, "junk"));

  collect = iap_ballot_collect_new (r.session);
  iap_ballot_collect_add (collect, b1);
  iap_ballot_collect_add (collect, b2);
  g_assert_cmpint (iap_ballot_collect_get_status (collect, b1), ==, IAP_BALLOT_READY);
  g_assert_cmpint (iap_ballot_collect_get_status (collect, b2), ==, IAP_BALLOT_READY);
  g_assert_cmpuint (iap_ballot_collect_count_problems (collect), ==, 1);
  /* Nothing changes before the import */
  g_assert_cmpuint (iap_round_session_get_n_scored (r.session), ==, 0);

  g_assert_cmpuint (iap_ballot_collect_import (collect, &error), ==, 6);
  g_assert_no_error (error);
  g_assert_cmpstr (iap_history_get_undo_label (iap_workshop_get_history (r.workshop)), ==, "Import Ballots");
  assert_rating (&r, "p1", "r1", 4, 3);
  assert_rating (&r, "p1", "r2", 4, 4);
  assert_rating (&r, "p1", "r3", 4, 3);
  assert_rating (&r, "p1", "r4", 0, 0);
  assert_rating (&r, "p2", "r2", 2, 2);
  assert_rating (&r, "p2", "r4", 0, 0);
  g_assert_cmpuint (iap_round_session_get_n_scored (r.session), ==, 2);

  /* Collected again: nothing new */
  g_assert_cmpint (iap_ballot_collect_get_status (collect, b1), ==, IAP_BALLOT_UNCHANGED);

  /* One edit: one undo takes every score back out */
  g_assert_true (iap_workshop_undo (r.workshop));
  g_assert_cmpuint (iap_round_session_get_n_scored (r.session), ==, 0);
  assert_rating (&r, "p1", "r1", 0, 0);
  close_round (&r);
}

static void
test_refusals (void)
{
  Round r = { 0, };
  const char *values[8] = { "1", "1", "2", "2", "3", "3", "4", "4" };
  const char *other[8] = { "5", "5", "2", "2", "3", "3", "4", "4" };
  g_autoptr(IapBallotCollect) collect = NULL;
  g_autoptr(IapBallot) edited = NULL;
  g_autoptr(IapBallot) unknown = NULL;
  g_autoptr(IapBallot) elsewhere = NULL;
  g_autoptr(IapBallot) junk = NULL;
  g_autoptr(IapBallot) first = NULL;
  g_autoptr(IapBallot) same = NULL;
  g_autoptr(IapBallot) differs = NULL;
  g_autoptr(IapBallot) earlier_round = NULL;
  g_autoptr(GPtrArray) rivals = NULL;
  g_auto(GStrv) differences = NULL;
  g_autofree char *round1 = NULL;
  const char *text = "name,score\nx,4\n";

  open_ballot_round (&r, FALSE);
  round1 = g_strdup (iap_round_get_id (iap_round_session_get_round (r.session)));
  earlier_round = filled_csv (&r, "p5", values, ',', NULL, NULL);
  /* The round moves on: its ballots are for a round no longer open */
  iap_round_session_score (r.session, "p5", "r1", 1, 1, NULL);
  g_assert_true (iap_round_session_reveal (r.session, NULL));
  g_assert_true (iap_round_session_again (r.session, NULL) ||
                 iap_round_session_start (r.session, "ballot", (const char *[]) { "r1", "r2", "r3", "r4", NULL }, FALSE, NULL));

  edited = filled_csv (&r, "p1", values, ',', "p1", "p2");
  unknown = filled_csv (&r, "p1", values, ',', "p1", "p99");
  elsewhere = filled_csv (&r, "p1", values, ',', iap_workshop_get_id (r.workshop), "w-00000000-0000-4000-8000-000000000000");
  junk = iap_ballot_csv_read (r.workshop, "notes.csv", text, strlen (text));
  first = filled_csv (&r, "p3", values, ',', NULL, NULL);
  same = filled_csv (&r, "p3", values, ';', NULL, NULL);
  differs = filled_csv (&r, "p4", values, ',', NULL, NULL);

  collect = iap_ballot_collect_new (r.session);
  for (IapBallot **b = (IapBallot *[]) { earlier_round, edited, unknown, elsewhere, junk, first, same, differs, NULL }; *b != NULL; b++)
    iap_ballot_collect_add (collect, *b);

  g_assert_cmpint (iap_ballot_collect_get_status (collect, earlier_round), ==, IAP_BALLOT_REFUSED);
  g_assert_nonnull (strstr (iap_ballot_collect_get_reason (collect, earlier_round), "round 2"));
  g_assert_cmpint (iap_ballot_collect_get_status (collect, edited), ==, IAP_BALLOT_REFUSED);
  g_assert_nonnull (strstr (iap_ballot_collect_get_reason (collect, edited), "code"));
  g_assert_cmpint (iap_ballot_collect_get_status (collect, unknown), ==, IAP_BALLOT_REFUSED);
  g_assert_nonnull (strstr (iap_ballot_collect_get_reason (collect, unknown), "p99"));
  g_assert_cmpint (iap_ballot_collect_get_status (collect, elsewhere), ==, IAP_BALLOT_REFUSED);
  g_assert_nonnull (strstr (iap_ballot_collect_get_reason (collect, elsewhere), "another workshop"));
  g_assert_cmpint (iap_ballot_collect_get_status (collect, junk), ==, IAP_BALLOT_REFUSED);
  g_assert_nonnull (strstr (iap_ballot_collect_get_reason (collect, junk), "iap-ballot"));
  g_assert_cmpint (iap_ballot_collect_get_status (collect, first), ==, IAP_BALLOT_READY);
  g_assert_cmpint (iap_ballot_collect_get_status (collect, same), ==, IAP_BALLOT_DUPLICATE);
  g_assert_cmpuint (iap_ballot_collect_count (collect, IAP_BALLOT_REFUSED), ==, 5);

  /* p4 sends a second ballot with another score: a conflict, shown by
   * risk, never by value */
  g_clear_object (&differs);
  differs = filled_csv (&r, "p4", other, ',', NULL, NULL);
  iap_ballot_collect_add (collect, differs);
  g_assert_cmpint (iap_ballot_collect_count (collect, IAP_BALLOT_CONFLICT), ==, 2);
  rivals = iap_ballot_collect_dup_rivals (collect, differs, NULL);
  g_assert_cmpuint (rivals->len, ==, 1);
  differences = iap_ballot_collect_dup_differences (collect, differs);
  g_assert_cmpuint (g_strv_length (differences), ==, 1);
  g_assert_cmpstr (differences[0], ==, iap_risk_get_title (iap_workshop_find_risk (r.workshop, "r1")));
  g_assert_null (strstr (differences[0], "5"));

  /* Nothing of p4 goes in until the facilitator chooses */
  g_assert_cmpuint (iap_ballot_collect_import (collect, NULL), ==, 4);
  assert_rating (&r, "p3", "r1", 1, 1);
  assert_rating (&r, "p4", "r1", 0, 0);
  iap_ballot_collect_choose (collect, "p4", differs);
  g_assert_cmpint (iap_ballot_collect_get_status (collect, differs), ==, IAP_BALLOT_READY);
  g_assert_cmpint (iap_ballot_collect_get_status (collect, g_ptr_array_index (rivals, 0)), ==, IAP_BALLOT_SKIPPED);
  g_assert_cmpuint (iap_ballot_collect_import (collect, NULL), ==, 4);
  assert_rating (&r, "p4", "r1", 5, 5);

  /* p4's first ballot now differs from what the round holds */
  {
    g_autoptr(IapBallotCollect) later = iap_ballot_collect_new (r.session);
    IapBallot *again = g_ptr_array_index (rivals, 0);
    gboolean with_round = FALSE;
    g_autoptr(GPtrArray) none = NULL;

    iap_ballot_collect_add (later, again);
    g_assert_cmpint (iap_ballot_collect_get_status (later, again), ==, IAP_BALLOT_CONFLICT);
    none = iap_ballot_collect_dup_rivals (later, again, &with_round);
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_true (with_round);
    iap_ballot_collect_choose (later, "p4", NULL);
    g_assert_cmpint (iap_ballot_collect_get_status (later, again), ==, IAP_BALLOT_SKIPPED);
  }
  close_round (&r);
}

/* A phone's changed answer replaces the participant's scores, where a
 * paper ballot would be in conflict with them; the refusals stay */
static void
test_replacing (void)
{
  Round r = { 0, };
  const char *values[8] = { "1", "1", "2", "2", "3", "3", "4", "4" };
  const char *changed[8] = { "5", "5", "2", "2", "3", "3", "4", "4" };
  const char *other[8] = { "4", "4", "2", "2", "3", "3", "4", "4" };
  g_autoptr(IapBallot) first = NULL;
  g_autoptr(IapBallot) second = NULL;
  g_autoptr(IapBallot) third = NULL;
  g_autoptr(IapBallot) edited = NULL;
  g_autoptr(IapBallotCollect) before = NULL;
  g_autoptr(IapBallotCollect) paper = NULL;
  g_autoptr(IapBallotCollect) live = NULL;
  g_autoptr(IapBallotCollect) both = NULL;

  open_ballot_round (&r, FALSE);
  first = filled_csv (&r, "p2", values, ',', NULL, NULL);
  second = filled_csv (&r, "p2", changed, ',', NULL, NULL);
  third = filled_csv (&r, "p2", other, ',', NULL, NULL);
  edited = filled_csv (&r, "p1", values, ',', "p1", "p2");
  before = iap_ballot_collect_new (r.session);
  iap_ballot_collect_add (before, first);
  g_assert_cmpuint (iap_ballot_collect_import (before, NULL), ==, 4);

  paper = iap_ballot_collect_new (r.session);
  iap_ballot_collect_add (paper, second);
  g_assert_cmpint (iap_ballot_collect_get_status (paper, second), ==, IAP_BALLOT_CONFLICT);

  live = iap_ballot_collect_new (r.session);
  iap_ballot_collect_set_replacing (live, TRUE);
  iap_ballot_collect_add (live, second);
  iap_ballot_collect_add (live, edited);
  g_assert_cmpint (iap_ballot_collect_get_status (live, second), ==, IAP_BALLOT_READY);
  g_assert_cmpint (iap_ballot_collect_get_status (live, edited), ==, IAP_BALLOT_REFUSED);
  g_assert_cmpuint (iap_ballot_collect_import (live, NULL), ==, 4);
  g_assert_cmpstr (iap_history_get_undo_label (iap_workshop_get_history (r.workshop)), ==, "Room Vote");
  assert_rating (&r, "p2", "r1", 5, 5);
  assert_rating (&r, "p2", "r2", 2, 2);
  g_assert_true (iap_workshop_undo (r.workshop));
  assert_rating (&r, "p2", "r1", 1, 1);

  /* Two different ballots of one participant at once: still a conflict */
  both = iap_ballot_collect_new (r.session);
  iap_ballot_collect_set_replacing (both, TRUE);
  iap_ballot_collect_add (both, second);
  iap_ballot_collect_add (both, third);
  g_assert_cmpint (iap_ballot_collect_get_status (both, second), ==, IAP_BALLOT_CONFLICT);
  g_assert_cmpint (iap_ballot_collect_get_status (both, third), ==, IAP_BALLOT_CONFLICT);
  close_round (&r);
}

/* The application ballot holds one participant's own data, and comes
 * back into the round */
static void
test_application_ballot (void)
{
  Round r = { 0, };
  g_autoptr(IapBallotSheet) sheet = NULL;
  g_autoptr(IapBallotSheet) opened = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IapBallot) answers = NULL;
  g_autoptr(IapBallotCollect) collect = NULL;
  g_autofree char *text = NULL;
  IapWorkshop *own;
  IapRoundSession *session;

  open_ballot_round (&r, TRUE);
  sheet = sheet_for (&r, "p7");
  bytes = iap_ballot_file_to_bytes (sheet);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_null (strstr (text, iap_round_get_secret (iap_round_session_get_round (r.session))));
  g_assert_null (strstr (text, "Grace Mwangi"));            /* another participant */
  g_assert_null (strstr (text, "Relocation to a separate"));  /* the facilitator's notes */
  g_assert_null (strstr (text, "<inherent"));                 /* agreed ratings */
  g_assert_null (strstr (text, "round1"));                    /* earlier rounds */
  g_assert_nonnull (strstr (text, "Amara Diallo"));
  g_assert_nonnull (strstr (text, iap_ballot_sheet_get_code (sheet)));

  opened = iap_ballot_file_load_bytes (bytes, "p7.iapb", &error);
  g_assert_no_error (error);
  own = iap_ballot_sheet_get_workshop (opened);
  session = iap_ballot_sheet_get_session (opened);
  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_participants (own)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_risks (own)), ==, 4);
  g_assert_cmpstr (iap_ballot_sheet_get_code (opened), ==, iap_ballot_sheet_get_code (sheet));
  g_assert_cmpint (iap_round_session_get_stage (session), ==, IAP_ROUND_STAGE_OPEN);
  g_assert_false (iap_workshop_get_modified (own));

  /* Scored in the participant's own copy, then saved */
  g_assert_true (iap_round_session_score (session, "p7", "r2", 5, 4, NULL));
  g_assert_true (iap_round_session_comment (session, "p7", "r2", "Escorts were attacked twice.", NULL));
  g_assert_true (iap_round_session_score_factor (session, "p7", "workload", "triple-hatted", 3, NULL));
  g_assert_false (iap_round_session_score (session, "p8", "r2", 5, 4, NULL));
  saved = iap_ballot_file_to_bytes (opened);

  answers = iap_ballot_file_read ("p7.iapb", saved);
  g_assert_null (iap_ballot_get_unreadable (answers));
  g_assert_cmpuint (iap_ballot_get_n_scores (answers), ==, 1);
  g_assert_cmpuint (iap_ballot_get_n_factor_scores (answers), ==, 1);
  collect = iap_ballot_collect_new (r.session);
  iap_ballot_collect_add (collect, answers);
  g_assert_cmpint (iap_ballot_collect_get_status (collect, answers), ==, IAP_BALLOT_READY);
  g_assert_cmpuint (iap_ballot_collect_import (collect, NULL), ==, 2);
  assert_rating (&r, "p7", "r2", 5, 4);
  g_assert_cmpstr (iap_rating_get_comment (iap_round_find_rating (iap_round_session_get_round (r.session), "p7", "r2")),
                   ==, "Escorts were attacked twice.");
  close_round (&r);
}

/* A workshop file is not a ballot, and a ballot is checked like one */
static void
test_application_ballot_refused (void)
{
  g_autoptr(GBytes) example = g_resources_lookup_data (RESOURCE_PREFIX "/example.iapw", 0, NULL);
  g_autoptr(IapBallot) workshop = iap_ballot_file_read ("example.iapw", example);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (example, 0, 400);
  g_autoptr(IapBallot) broken = iap_ballot_file_read ("broken.iapb", truncated);

  g_assert_nonnull (strstr (iap_ballot_get_unreadable (workshop), "not a ballot"));
  g_assert_nonnull (strstr (iap_ballot_get_unreadable (broken), "broken.iapb:"));
}

/* A second round shows the room's earlier median and spread, within the
 * privacy floor, beside the participant's own earlier score */
static void
test_second_round (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapRoundSession) session = iap_round_session_new (workshop);
  g_autoptr(IapBallotSheet) sheet = NULL;
  const IapBallotEarlier *e;
  g_autofree char *median = NULL;
  g_autofree char *spread = NULL;
  g_autofree char *own = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) iapb = NULL;
  g_autoptr(IapBallotSheet) opened = NULL;

  /* The example's round 1 is revealed, with six scorers of each risk */
  g_assert_true (iap_round_session_start (session, "ballot", (const char *[]) { "r1", "r2", NULL }, FALSE, NULL));
  sheet = sheet_for (&(Round) { workshop, session }, "p7");
  e = iap_ballot_sheet_get_earlier (sheet, "r1");
  g_assert_nonnull (e);
  g_assert_cmpuint (e->round, ==, 1);
  g_assert_cmpuint (e->n, ==, 6);
  g_assert_false (e->withheld);
  g_assert_cmpuint (e->median_likelihood, ==, 4);
  g_assert_cmpuint (e->own_likelihood, ==, 4);
  g_assert_true (iap_ballot_sheet_describe_earlier (sheet, "r1", &median, &spread, &own));
  g_assert_nonnull (strstr (median, "4 Likely"));
  g_assert_nonnull (strstr (spread, "6 scores"));
  g_assert_nonnull (strstr (own, "4 Likely × 4 Major"));

  csv = iap_ballot_csv_write (sheet, ',');
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), "earlier_median"));
  iapb = iap_ballot_file_to_bytes (sheet);
  opened = iap_ballot_file_load_bytes (iapb, "p7.iapb", NULL);
  g_assert_nonnull (opened);
  e = iap_ballot_sheet_get_earlier (opened, "r1");
  g_assert_nonnull (e);
  g_assert_cmpuint (e->median_likelihood, ==, 4);
  g_assert_cmpuint (e->own_impact, ==, 4);

  /* Below the floor, the room's statistic is withheld */
  g_object_set (workshop, "min-scorers", 7, NULL);
  g_clear_object (&sheet);
  sheet = sheet_for (&(Round) { workshop, session }, "p7");
  e = iap_ballot_sheet_get_earlier (sheet, "r1");
  g_assert_true (e->withheld);
  g_assert_cmpuint (e->median_likelihood, ==, 0);
  g_clear_pointer (&median, g_free);
  g_assert_true (iap_ballot_sheet_describe_earlier (sheet, "r1", &median, NULL, NULL));
  g_assert_nonnull (strstr (median, "withheld"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ballots/codes", test_codes);
  g_test_add_func ("/ballots/levels", test_levels);
  g_test_add_func ("/ballots/words-follow-translation", test_words_follow_translation);
  g_test_add_func ("/ballots/csv-collect", test_csv_collect);
  g_test_add_func ("/ballots/refusals", test_refusals);
  g_test_add_func ("/ballots/replacing", test_replacing);
  g_test_add_func ("/ballots/application-ballot", test_application_ballot);
  g_test_add_func ("/ballots/application-ballot-refused", test_application_ballot_refused);
  g_test_add_func ("/ballots/second-round", test_second_round);

  return g_test_run ();
}
