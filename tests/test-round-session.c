/* test-round-session.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "iap-consensus.h"
#include "iap-rating-list.h"
#include "iap-rating-list.h"
#include "iap-round-session.h"

/* The round's workflow without a display: every stage, each command
 * undone and redone, and a second round on the risks without consensus. */

typedef struct
{
  IapWorkshop *workshop;
  IapRoundSession *session;
  char *p[4];                   /* participant ids */
  char *r[3];                   /* risk ids */
  guint n_changed;
} Fixture;

static void
on_changed (IapRoundSession *session,
            Fixture         *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *pillars[] = { "political", "humanitarian", "development", "ngo" };

  f->workshop = iap_workshop_new ();
  for (guint i = 0; i < G_N_ELEMENTS (f->p); i++)
    f->p[i] = g_strdup (iap_participant_get_id (iap_workshop_add_participant (f->workshop, pillars[i], NULL, NULL)));
  for (guint i = 0; i < G_N_ELEMENTS (f->r); i++)
    {
      g_autofree char *title = g_strdup_printf ("Risk %u", i + 1);

      f->r[i] = g_strdup (iap_risk_get_id (iap_workshop_add_risk (f->workshop, "co-location", "access", title)));
    }
  f->session = iap_round_session_new (f->workshop);
  g_signal_connect (f->session, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->workshop);
  for (guint i = 0; i < G_N_ELEMENTS (f->p); i++)
    g_free (f->p[i]);
  for (guint i = 0; i < G_N_ELEMENTS (f->r); i++)
    g_free (f->r[i]);
}

static const char *
undo_label (Fixture *f)
{
  return iap_history_get_undo_label (iap_workshop_get_history (f->workshop));
}

static void
undo (Fixture *f)
{
  g_assert_true (iap_workshop_undo (f->workshop));
}

static void
redo (Fixture *f)
{
  g_assert_true (iap_workshop_redo (f->workshop));
}

static guint
n_risks (Fixture *f)
{
  return g_list_model_get_n_items (iap_round_session_get_risks (f->session));
}

static void
start (Fixture  *f,
       gboolean  factors)
{
  g_autoptr(GError) error = NULL;
  const char *risks[] = { f->r[0], f->r[2], NULL };

  g_assert_true (iap_round_session_start (f->session, "private", risks, factors, &error));
  g_assert_no_error (error);
}

static void
score (Fixture    *f,
       guint       p,
       guint       r,
       guint       likelihood,
       guint       impact)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (iap_round_session_score (f->session, f->p[p], f->r[r], likelihood, impact, &error));
  g_assert_no_error (error);
}

static void
test_start (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *none[] = { NULL };
  const char *unknown[] = { "nowhere", NULL };
  IapRound *round;
  g_autoptr(IapRisk) first = NULL;

  g_assert_cmpint (iap_round_session_get_stage (f->session), ==, IAP_ROUND_STAGE_NONE);
  g_assert_null (iap_round_session_get_round (f->session));
  g_assert_cmpuint (n_risks (f), ==, 0);
  g_assert_cmpuint (iap_round_session_get_n_participants (f->session), ==, 4);

  g_assert_false (iap_round_session_start (f->session, "private", none, FALSE, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_false (iap_round_session_start (f->session, "private", unknown, FALSE, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_SCOPE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_rounds (f->workshop)), ==, 0);

  f->n_changed = 0;
  start (f, FALSE);
  g_assert_cmpuint (f->n_changed, >, 0);
  g_assert_cmpstr (undo_label (f), ==, "Start Round");
  g_assert_cmpint (iap_round_session_get_stage (f->session), ==, IAP_ROUND_STAGE_OPEN);
  round = iap_round_session_get_round (f->session);
  g_assert_nonnull (round);
  g_assert_cmpuint (iap_round_get_number (round), ==, 1);
  g_assert_cmpstr (iap_round_get_mode (round), ==, "private");
  /* Register order, whatever order they were given in */
  g_assert_cmpuint (n_risks (f), ==, 2);
  first = g_list_model_get_item (iap_round_session_get_risks (f->session), 0);
  g_assert_cmpstr (iap_risk_get_id (first), ==, f->r[0]);
  g_assert_true (iap_round_session_has_risk (f->session, f->r[2]));
  g_assert_false (iap_round_session_has_risk (f->session, f->r[1]));
  g_assert_false (iap_round_session_get_factors (f->session));
  g_assert_cmpuint (iap_round_session_get_n_scored (f->session), ==, 0);

  /* An open round must be revealed before another starts */
  g_assert_false (iap_round_session_start (f->session, "private", (const char *[]) { f->r[1], NULL }, FALSE, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE);
  g_clear_error (&error);

  undo (f);
  g_assert_cmpint (iap_round_session_get_stage (f->session), ==, IAP_ROUND_STAGE_NONE);
  g_assert_null (iap_round_session_get_round (f->session));
  g_assert_cmpuint (n_risks (f), ==, 0);
  redo (f);
  g_assert_cmpint (iap_round_session_get_stage (f->session), ==, IAP_ROUND_STAGE_OPEN);
  g_assert_cmpuint (n_risks (f), ==, 2);
}

static void
test_score (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IapRound *round;

  g_assert_false (iap_round_session_score (f->session, f->p[0], f->r[0], 3, 3, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE);
  g_clear_error (&error);

  start (f, FALSE);
  round = iap_round_session_get_round (f->session);
  score (f, 0, 0, 4, 3);
  g_assert_cmpstr (undo_label (f), ==, "Rate Risk");
  g_assert_cmpuint (iap_round_session_get_n_scored (f->session), ==, 1);
  g_assert_cmpuint (iap_round_session_count_scores (f->session, f->p[0]), ==, 1);
  score (f, 0, 2, 2, 2);
  score (f, 0, 2, 5, 5);
  g_assert_cmpuint (iap_round_session_count_scores (f->session, f->p[0]), ==, 2);
  g_assert_cmpuint (iap_rating_get_likelihood (iap_round_find_rating (round, f->p[0], f->r[2])), ==, 5);

  /* Refused: a risk outside the round, someone unknown, off the scale */
  g_assert_false (iap_round_session_score (f->session, f->p[1], f->r[1], 3, 3, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_SCOPE);
  g_clear_error (&error);
  g_assert_false (iap_round_session_score (f->session, "p99", f->r[0], 3, 3, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_PARTICIPANT);
  g_clear_error (&error);
  g_assert_false (iap_round_session_score (f->session, f->p[1], f->r[0], 6, 3, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_LEVEL);
  g_clear_error (&error);
  g_assert_false (iap_round_session_score (f->session, f->p[1], f->r[0], 3, 9, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_LEVEL);
  g_clear_error (&error);
  g_assert_cmpuint (iap_round_session_get_n_scored (f->session), ==, 1);

  /* Withdrawn, then the withdrawal undone */
  score (f, 0, 0, 0, 0);
  g_assert_null (iap_round_find_rating (round, f->p[0], f->r[0]));
  g_assert_cmpuint (iap_round_session_count_scores (f->session, f->p[0]), ==, 1);
  undo (f);
  g_assert_cmpuint (iap_rating_get_impact (iap_round_find_rating (round, f->p[0], f->r[0])), ==, 3);
  g_assert_cmpuint (iap_round_session_count_scores (f->session, f->p[0]), ==, 2);
  /* The changed score undone: back to the first */
  undo (f);
  g_assert_cmpuint (iap_rating_get_likelihood (iap_round_find_rating (round, f->p[0], f->r[2])), ==, 2);
  undo (f);
  undo (f);
  g_assert_cmpuint (iap_round_session_get_n_scored (f->session), ==, 0);
  g_assert_cmpuint (iap_round_session_count_scores (f->session, f->p[0]), ==, 0);
  redo (f);
  g_assert_cmpuint (iap_round_session_get_n_scored (f->session), ==, 1);

  /* A batch of scores in one edit counts as it goes and undoes as one */
  iap_workshop_begin_edit (f->workshop, "Import Ballots");
  for (guint p = 1; p < 4; p++)
    {
      score (f, p, 0, p, p);
      g_assert_cmpuint (iap_round_session_count_scores (f->session, f->p[p]), ==, 1);
    }
  iap_workshop_end_edit (f->workshop);
  g_assert_cmpuint (iap_round_session_get_n_scored (f->session), ==, 4);
  undo (f);
  g_assert_cmpuint (iap_round_session_get_n_scored (f->session), ==, 1);
}

static void
test_factors (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *options[] = { "double-hatted", "triple-hatted", NULL };
  IapRound *round;

  iap_workshop_set (f->workshop, f->workshop, "options", options, NULL);
  start (f, FALSE);
  g_assert_false (iap_round_session_score_factor (f->session, f->p[0], "workload", "triple-hatted", 2, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_SCOPE);
  g_clear_error (&error);
  undo (f);

  start (f, TRUE);
  round = iap_round_session_get_round (f->session);
  g_assert_true (iap_round_session_get_factors (f->session));
  g_assert_true (iap_round_session_score_factor (f->session, f->p[0], "workload", "triple-hatted", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (undo_label (f), ==, "Score Factor");
  g_assert_cmpuint (iap_round_session_count_scores (f->session, f->p[0]), ==, 1);
  g_assert_cmpuint (iap_factor_rating_get_value (iap_round_find_factor_rating (round, f->p[0], "workload", "triple-hatted")), ==, 0);

  g_assert_false (iap_round_session_score_factor (f->session, f->p[0], "no-such-factor", "triple-hatted", 2, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_SCOPE);
  g_clear_error (&error);
  g_assert_false (iap_round_session_score_factor (f->session, f->p[0], "workload", "ersg", 2, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_SCOPE);
  g_clear_error (&error);
  g_assert_false (iap_round_session_score_factor (f->session, f->p[0], "workload", "triple-hatted", 5, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_LEVEL);
  g_clear_error (&error);

  g_assert_true (iap_round_session_score_factor (f->session, f->p[0], "workload", "triple-hatted", -1, NULL));
  g_assert_cmpuint (iap_round_session_count_scores (f->session, f->p[0]), ==, 0);
  undo (f);
  g_assert_cmpuint (iap_round_session_count_scores (f->session, f->p[0]), ==, 1);
}

static void
test_reveal (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  start (f, FALSE);
  g_assert_false (iap_round_session_reveal (f->session, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_EMPTY);
  g_clear_error (&error);

  score (f, 0, 0, 3, 3);
  /* Open rounds are private: no statistic reads them */
  g_assert_null (iap_consensus_latest_round (f->workshop, f->r[0]));
  g_assert_true (iap_round_session_reveal (f->session, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (undo_label (f), ==, "Reveal Scores");
  g_assert_cmpint (iap_round_session_get_stage (f->session), ==, IAP_ROUND_STAGE_REVEALED);
  g_assert_true (iap_consensus_latest_round (f->workshop, f->r[0]) == iap_round_session_get_round (f->session));

  /* A revealed round takes no more scores */
  g_assert_false (iap_round_session_score (f->session, f->p[1], f->r[0], 3, 3, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_false (iap_round_session_reveal (f->session, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE);
  g_clear_error (&error);

  undo (f);
  g_assert_cmpint (iap_round_session_get_stage (f->session), ==, IAP_ROUND_STAGE_OPEN);
  g_assert_null (iap_consensus_latest_round (f->workshop, f->r[0]));
  redo (f);
  g_assert_cmpint (iap_round_session_get_stage (f->session), ==, IAP_ROUND_STAGE_REVEALED);
}

static void
test_agree_and_dissent (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IapRisk *risk = iap_workshop_find_risk (f->workshop, f->r[0]);
  IapDissent *d;

  start (f, FALSE);
  score (f, 0, 0, 3, 3);
  g_assert_false (iap_round_session_agree (f->session, f->r[0], 3, 3, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_null (iap_round_session_dissent (f->session, f->p[0], f->r[0], FALSE, "Too low", &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_true (iap_round_session_reveal (f->session, NULL));

  g_assert_true (iap_round_session_agree (f->session, f->r[0], 4, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (undo_label (f), ==, "Set Agreed Rating");
  g_assert_cmpuint (iap_risk_get_inherent_likelihood (risk), ==, 4);
  g_assert_cmpuint (iap_risk_get_inherent_impact (risk), ==, 2);
  g_assert_false (iap_round_session_agree (f->session, f->r[1], 4, 2, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_SCOPE);
  g_clear_error (&error);
  g_assert_false (iap_round_session_agree (f->session, f->r[0], 0, 2, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_LEVEL);
  g_clear_error (&error);
  undo (f);
  g_assert_cmpuint (iap_risk_get_inherent_likelihood (risk), ==, 0);
  redo (f);
  g_assert_cmpuint (iap_risk_get_inherent_likelihood (risk), ==, 4);

  d = iap_round_session_dissent (f->session, f->p[1], f->r[0], TRUE, "Too low", &error);
  g_assert_no_error (error);
  g_assert_nonnull (d);
  g_assert_cmpstr (undo_label (f), ==, "Record Dissent");
  g_assert_cmpstr (iap_dissent_get_attribution (d), ==, "pillar");
  g_assert_cmpstr (iap_dissent_get_subject (d), ==, "risk");
  d = iap_round_session_dissent (f->session, f->p[2], NULL, FALSE, "Not this option", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iap_dissent_get_subject (d), ==, "recommendation");
  g_assert_cmpstr (iap_dissent_get_attribution (d), ==, "name");
  g_assert_cmpuint (iap_workshop_count_dissents (f->workshop, f->r[0]), ==, 1);
  g_assert_cmpuint (iap_workshop_count_dissents (f->workshop, NULL), ==, 1);
  g_assert_null (iap_round_session_dissent (f->session, f->p[2], NULL, FALSE, "", &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_EMPTY);
  g_clear_error (&error);
  /* Each dissent is one edit, attribution and all */
  undo (f);
  g_assert_cmpuint (iap_workshop_count_dissents (f->workshop, NULL), ==, 0);
  undo (f);
  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_dissents (f->workshop)), ==, 0);
}

/* Risk 1: the room agrees; risk 3: it splits, so it goes again. */
static void
score_split (Fixture *f)
{
  const guint split[] = { 1, 5, 1, 5 };

  for (guint p = 0; p < 4; p++)
    {
      score (f, p, 0, 3, 3);
      score (f, p, 2, split[p], split[p]);
    }
}

static void
test_again (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IapRound *first;
  IapRound *second;

  start (f, FALSE);
  first = iap_round_session_get_round (f->session);
  score_split (f);
  g_assert_false (iap_round_session_again (f->session, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_true (iap_round_session_reveal (f->session, NULL));

  g_assert_true (iap_round_session_again (f->session, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (undo_label (f), ==, "Start Round");
  second = iap_round_session_get_round (f->session);
  g_assert_true (second != first);
  g_assert_cmpstr (iap_round_get_state (first), ==, "closed");
  g_assert_cmpuint (iap_round_get_number (second), ==, 2);
  g_assert_cmpint (iap_round_session_get_stage (f->session), ==, IAP_ROUND_STAGE_OPEN);
  g_assert_cmpuint (n_risks (f), ==, 1);
  g_assert_true (iap_round_session_has_risk (f->session, f->r[2]));
  g_assert_cmpuint (iap_round_session_get_n_scored (f->session), ==, 0);

  /* The second round: the room comes together on risk 3 */
  for (guint p = 0; p < 4; p++)
    score (f, p, 2, 4, 4);
  g_assert_true (iap_round_session_reveal (f->session, NULL));
  {
    g_autoptr(IapRiskStats) stats = iap_consensus_for_risk (f->workshop, NULL, f->r[2]);

    g_assert_cmpint (stats->consensus, ==, IAP_CONSENSUS_REACHED);
    g_assert_cmpuint (stats->median_likelihood, ==, 4);
  }
  g_assert_false (iap_round_session_again (f->session, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_CONSENSUS);
  g_clear_error (&error);

  /* Undo the reveal, four scores and the second round: the first is
   * in play again */
  for (guint i = 0; i < 6; i++)
    undo (f);
  g_assert_true (iap_round_session_get_round (f->session) == first);
  g_assert_cmpstr (iap_round_get_state (first), ==, "revealed");
  g_assert_cmpint (iap_round_session_get_stage (f->session), ==, IAP_ROUND_STAGE_REVEALED);
  g_assert_cmpuint (n_risks (f), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_rounds (f->workshop)), ==, 1);
  redo (f);
  g_assert_true (iap_round_session_get_round (f->session) != first);
  g_assert_cmpuint (n_risks (f), ==, 1);
}

static void
test_close (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IapRound *round;

  start (f, FALSE);
  round = iap_round_session_get_round (f->session);
  g_assert_false (iap_round_session_close (f->session, &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE);
  g_clear_error (&error);
  score (f, 0, 0, 3, 3);
  g_assert_true (iap_round_session_reveal (f->session, NULL));

  g_assert_true (iap_round_session_close (f->session, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (undo_label (f), ==, "Close Round");
  g_assert_cmpstr (iap_round_get_state (round), ==, "closed");
  g_assert_cmpint (iap_round_session_get_stage (f->session), ==, IAP_ROUND_STAGE_NONE);
  g_assert_null (iap_round_session_get_round (f->session));
  /* Closed, its scores still count */
  g_assert_true (iap_consensus_latest_round (f->workshop, f->r[0]) == round);
  undo (f);
  g_assert_cmpint (iap_round_session_get_stage (f->session), ==, IAP_ROUND_STAGE_REVEALED);
  g_assert_true (iap_round_session_get_round (f->session) == round);
  redo (f);

  /* A new round after a closed one is numbered on */
  start (f, FALSE);
  g_assert_cmpuint (iap_round_get_number (iap_round_session_get_round (f->session)), ==, 2);
}

/* Starting from a revealed round closes it in the same edit. */
static void
test_start_after_reveal (Fixture       *f,
                         gconstpointer  data)
{
  IapRound *first;

  start (f, FALSE);
  first = iap_round_session_get_round (f->session);
  score (f, 0, 0, 3, 3);
  g_assert_true (iap_round_session_reveal (f->session, NULL));
  start (f, TRUE);
  g_assert_cmpstr (iap_round_get_state (first), ==, "closed");
  g_assert_true (iap_round_session_get_factors (f->session));
  undo (f);
  g_assert_cmpstr (iap_round_get_state (first), ==, "revealed");
  g_assert_true (iap_round_session_get_round (f->session) == first);
}

/* Another session, or the file read back: the same round in play. */
static void
test_follows_workshop (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IapRoundSession) other = NULL;
  g_autoptr(IapRound) old = iap_round_new ("round-old");
  g_autoptr(IapRating) rating = iap_rating_new (f->p[0], f->r[1]);
  GListModel *risks;

  start (f, FALSE);
  score (f, 1, 2, 2, 2);
  other = iap_round_session_new (f->workshop);
  g_assert_cmpint (iap_round_session_get_stage (other), ==, IAP_ROUND_STAGE_OPEN);
  g_assert_cmpuint (iap_round_session_get_n_scored (other), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (iap_round_session_get_risks (other)), ==, 2);
  score (f, 2, 2, 2, 2);
  g_assert_cmpuint (iap_round_session_get_n_scored (other), ==, 2);

  /* A participant removed takes their scores out of the progress */
  iap_workshop_remove_participant (f->workshop, iap_workshop_find_participant (f->workshop, f->p[1]));
  g_assert_cmpuint (iap_round_session_get_n_scored (other), ==, 1);
  g_assert_cmpuint (iap_round_session_get_n_participants (other), ==, 3);
  undo (f);

  /* A round from a file that did not record its risks: the ratings tell */
  g_object_set (rating, "likelihood", 2, "impact", 2, NULL);
  iap_rating_list_insert (IAP_RATING_LIST (iap_round_get_ratings (old)), 0, rating);
  iap_workshop_insert (f->workshop, iap_workshop_get_rounds (f->workshop),
                       g_list_model_get_n_items (iap_workshop_get_rounds (f->workshop)), old);
  risks = iap_round_session_get_risks (other);
  g_assert_true (iap_round_session_get_round (other) == old);
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 1);
  g_assert_true (iap_round_session_has_risk (other, f->r[1]));
}

/* What ballot codes need comes with the round; undoing the round takes
 * it away, and an older round gets it when ballots are prepared. */
static void
test_ballot_keys (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *other = NULL;
  g_autoptr(IapRound) old = iap_round_new ("round-old");
  IapRound *round;

  g_assert_cmpstr (iap_workshop_get_id (f->workshop), ==, "");
  g_assert_null (iap_round_session_dup_ballot_code (f->session, f->p[0]));
  start (f, FALSE);
  round = iap_round_session_get_round (f->session);
  g_assert_true (g_str_has_prefix (iap_workshop_get_id (f->workshop), "w-"));
  g_assert_cmpuint (strlen (iap_round_get_secret (round)), ==, 64);
  code = iap_round_session_dup_ballot_code (f->session, f->p[0]);
  other = iap_round_session_dup_ballot_code (f->session, f->p[1]);
  g_assert_nonnull (code);
  g_assert_cmpstr (code, !=, other);
  g_assert_true (iap_round_session_check_ballot_code (f->session, f->p[0], code));
  g_assert_false (iap_round_session_check_ballot_code (f->session, f->p[1], code));

  /* A comment goes with a score, and is undone apart from it */
  g_assert_false (iap_round_session_comment (f->session, f->p[0], f->r[0], "Seen twice", &error));
  g_assert_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_EMPTY);
  g_clear_error (&error);
  score (f, 0, 0, 2, 2);
  g_assert_true (iap_round_session_comment (f->session, f->p[0], f->r[0], "Seen twice", NULL));
  g_assert_cmpstr (iap_rating_get_comment (iap_round_find_rating (round, f->p[0], f->r[0])), ==, "Seen twice");
  undo (f);
  g_assert_cmpstr (iap_rating_get_comment (iap_round_find_rating (round, f->p[0], f->r[0])), ==, "");
  undo (f);
  undo (f);
  g_assert_cmpstr (iap_workshop_get_id (f->workshop), ==, "");

  /* A round from an older file: prepared for ballots in one edit */
  iap_workshop_insert (f->workshop, iap_workshop_get_rounds (f->workshop), 0, old);
  g_assert_true (iap_round_session_get_round (f->session) == old);
  g_assert_null (iap_round_session_dup_ballot_code (f->session, f->p[0]));
  g_assert_true (iap_round_session_prepare_ballots (f->session, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iap_history_get_undo_label (iap_workshop_get_history (f->workshop)), ==, "Prepare Ballots");
  g_assert_cmpuint (strlen (iap_round_get_secret (old)), ==, 64);
  g_clear_pointer (&code, g_free);
  code = iap_round_session_dup_ballot_code (f->session, f->p[0]);
  g_assert_nonnull (code);
  undo (f);
  g_assert_cmpstr (iap_round_get_secret (old), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/round-session/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("start", test_start);
  ADD ("score", test_score);
  ADD ("factors", test_factors);
  ADD ("reveal", test_reveal);
  ADD ("agree-and-dissent", test_agree_and_dissent);
  ADD ("again", test_again);
  ADD ("close", test_close);
  ADD ("start-after-reveal", test_start_after_reveal);
  ADD ("follows-workshop", test_follows_workshop);
  ADD ("ballot-keys", test_ballot_keys);
#undef ADD

  return g_test_run ();
}
