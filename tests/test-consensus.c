/* test-consensus.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "iap-consensus.h"

/*
 * Ordinal statistics of group scores: lower median, nearest-rank
 * quartiles, agreement, the consensus rule and pillar polarization.
 */

#define LEVELS(...) ((const guint[]) { __VA_ARGS__ }), G_N_ELEMENTS (((const guint[]) { __VA_ARGS__ }))

static void
test_median (void)
{
  /* No raters, one rater, odd and even counts, unsorted input. */
  g_assert_cmpuint (iap_consensus_median (NULL, 0), ==, 0);
  g_assert_cmpuint (iap_consensus_median (LEVELS (4)), ==, 4);
  g_assert_cmpuint (iap_consensus_median (LEVELS (5, 1, 3)), ==, 3);
  /* Even count: the lower of the two middle scores, never 3.5. */
  g_assert_cmpuint (iap_consensus_median (LEVELS (3, 4)), ==, 3);
  g_assert_cmpuint (iap_consensus_median (LEVELS (4, 1, 5, 2)), ==, 2);
  /* Ties. */
  g_assert_cmpuint (iap_consensus_median (LEVELS (2, 2, 2, 5, 5, 5)), ==, 2);
  g_assert_cmpuint (iap_consensus_median (LEVELS (3, 3, 3, 3)), ==, 3);
  /* Levels too high to count are sorted: the same answers */
  g_assert_cmpuint (iap_consensus_median (LEVELS (500, 100, 300)), ==, 300);
  g_assert_cmpuint (iap_consensus_median (LEVELS (4, 100, 5, 2)), ==, 4);
}

/* Counting and sorting agree on random scores of every size */
static void
test_quantile_random (void)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (guint run = 0; run < 200; run++)
    {
      guint n = g_rand_int_range (rand, 1, 300);
      g_autofree guint *levels = g_new (guint, n);
      g_autofree guint *shifted = g_new (guint, n);

      for (guint i = 0; i < n; i++)
        {
          levels[i] = g_rand_int_range (rand, 1, 10);
          /* The same order, out of the counted range: sorted instead */
          shifted[i] = levels[i] + 1000;
        }
      for (guint percent = 0; percent <= 100; percent += 25)
        g_assert_cmpuint (iap_consensus_quantile (levels, n, percent) + 1000, ==,
                          iap_consensus_quantile (shifted, n, percent));
    }
  g_rand_free (rand);
}

static void
test_iqr (void)
{
  g_assert_cmpuint (iap_consensus_iqr (NULL, 0), ==, 0);
  g_assert_cmpuint (iap_consensus_iqr (LEVELS (4)), ==, 0);
  /* Two raters at the ends: Q1 is the first, Q3 the second. */
  g_assert_cmpuint (iap_consensus_iqr (LEVELS (1, 5)), ==, 4);
  /* 1 2 3 4 5 6 7 8: Q1 = rank 2 = 2, Q3 = rank 6 = 6. */
  g_assert_cmpuint (iap_consensus_quantile (LEVELS (8, 7, 6, 5, 4, 3, 2, 1), 25), ==, 2);
  g_assert_cmpuint (iap_consensus_quantile (LEVELS (8, 7, 6, 5, 4, 3, 2, 1), 75), ==, 6);
  g_assert_cmpuint (iap_consensus_iqr (LEVELS (1, 2, 3, 4, 5, 6, 7, 8)), ==, 4);
  /* Ties and one outlier: the outlier does not widen the range. */
  g_assert_cmpuint (iap_consensus_iqr (LEVELS (3, 3, 3, 4, 1)), ==, 0);
  g_assert_cmpuint (iap_consensus_iqr (LEVELS (2, 3, 3, 4, 5)), ==, 1);
  g_assert_cmpuint (iap_consensus_quantile (LEVELS (2, 3), 0), ==, 2);
  g_assert_cmpuint (iap_consensus_quantile (LEVELS (2, 3), 100), ==, 3);
}

static void
test_agreement (void)
{
  g_assert_cmpuint (iap_consensus_agreement (NULL, 0), ==, 0);
  g_assert_cmpuint (iap_consensus_agreement (LEVELS (1)), ==, 100);
  /* Median 3: 2, 3, 4 are within one level, 1 and 5 are not. */
  g_assert_cmpuint (iap_consensus_agreement (LEVELS (1, 2, 3, 4, 5)), ==, 60);
  /* Median 2: 1 and 2 are within, 5 is not; 2/3 rounds down. */
  g_assert_cmpuint (iap_consensus_agreement (LEVELS (1, 2, 5)), ==, 66);
}

static void
test_verdict (void)
{
  g_assert_cmpint (iap_consensus_verdict (NULL, 0, 1, 80), ==, IAP_CONSENSUS_NO_RATINGS);
  /* One rater agrees with themselves: the rule is met. */
  g_assert_cmpint (iap_consensus_verdict (LEVELS (5), 1, 80), ==, IAP_CONSENSUS_REACHED);
  g_assert_cmpint (iap_consensus_verdict (LEVELS (2, 3, 3, 4, 5), 1, 80), ==, IAP_CONSENSUS_REACHED);
  /* IQR 4 and 50% agreement: no consensus. */
  g_assert_cmpint (iap_consensus_verdict (LEVELS (1, 5), 1, 80), ==, IAP_CONSENSUS_NOT_REACHED);
  /* IQR 2 but 80% within one level: the second clause carries it. */
  g_assert_cmpint (iap_consensus_verdict (LEVELS (1, 1, 2, 3, 3, 3, 3, 4, 4, 4), 1, 80), ==,
                   IAP_CONSENSUS_REACHED);
  g_assert_cmpint (iap_consensus_verdict (LEVELS (1, 2, 3, 4, 5), 1, 80), ==, IAP_CONSENSUS_NOT_REACHED);
  /* A stricter workshop rule. */
  g_assert_cmpint (iap_consensus_verdict (LEVELS (2, 3, 3, 4, 5), 0, 100), ==, IAP_CONSENSUS_NOT_REACHED);
  /* A looser one. */
  g_assert_cmpint (iap_consensus_verdict (LEVELS (1, 2, 3, 4, 5), 2, 80), ==, IAP_CONSENSUS_REACHED);
}

static void
test_polarized (void)
{
  g_assert_false (iap_consensus_polarized (NULL, 0));
  g_assert_false (iap_consensus_polarized (LEVELS (1)));
  g_assert_false (iap_consensus_polarized (LEVELS (2, 3, 3)));
  g_assert_true (iap_consensus_polarized (LEVELS (2, 4)));
  g_assert_true (iap_consensus_polarized (LEVELS (3, 5, 4, 4)));
}

static void
rate (IapWorkshop *workshop,
      IapRound    *round,
      const char  *pillar,
      const char  *risk,
      guint        likelihood,
      guint        impact)
{
  IapParticipant *p = iap_workshop_add_participant (workshop, pillar, NULL, NULL);

  iap_workshop_set_rating (workshop, round, iap_participant_get_id (p), risk,
                           likelihood, impact);
}

static void
test_workshop (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  IapRisk *risk = iap_workshop_add_risk (workshop, NULL, NULL, "Test");
  const char *id = iap_risk_get_id (risk);
  IapRound *round = iap_workshop_add_round (workshop, "private");
  g_autoptr(IapRiskStats) none = iap_consensus_for_risk (workshop, round, id);
  g_autoptr(IapRiskStats) hidden = NULL;
  g_autoptr(IapRiskStats) stats = NULL;
  const IapPillarMedian *pm;

  g_assert_cmpuint (none->n, ==, 0);
  g_assert_cmpint (none->consensus, ==, IAP_CONSENSUS_NO_RATINGS);
  g_assert_cmpuint (none->pillars->len, ==, 0);
  /* Two scorers a pillar: the lowest privacy floor shows them. */
  iap_workshop_set (workshop, workshop, "min-scorers", 2, NULL);

  /* Humanitarians see it as likely, the political pillar as rare. */
  rate (workshop, round, "humanitarian", id, 4, 4);
  rate (workshop, round, "humanitarian", id, 5, 4);
  rate (workshop, round, "political", id, 2, 4);
  rate (workshop, round, "political", id, 1, 3);

  /* An open round is private: the latest public round has nothing. */
  hidden = iap_consensus_for_risk (workshop, NULL, id);
  g_assert_cmpuint (hidden->n, ==, 0);
  g_assert_null (iap_consensus_latest_round (workshop, id));

  iap_workshop_set (workshop, round, "state", "revealed", NULL);
  g_assert_true (iap_consensus_latest_round (workshop, id) == round);
  stats = iap_consensus_for_risk (workshop, NULL, id);
  g_assert_cmpuint (stats->n, ==, 4);
  g_assert_cmpuint (stats->median_likelihood, ==, 2);
  g_assert_cmpuint (stats->median_impact, ==, 4);
  g_assert_cmpuint (stats->iqr_likelihood, ==, 3);
  g_assert_cmpuint (stats->iqr_impact, ==, 1);
  g_assert_cmpint (stats->consensus, ==, IAP_CONSENSUS_NOT_REACHED);
  g_assert_true (stats->polarized);
  g_assert_cmpuint (stats->cells[3][3], ==, 1);
  g_assert_cmpuint (stats->cells[0][2], ==, 1);
  g_assert_cmpuint (stats->pillars->len, ==, 2);
  pm = g_ptr_array_index (stats->pillars, 0);
  g_assert_cmpstr (pm->pillar, ==, "political");
  g_assert_cmpuint (pm->likelihood, ==, 1);
}

static void
assert_same_stats (const IapRiskStats *a,
                   const IapRiskStats *b)
{
  g_assert_cmpuint (a->n, ==, b->n);
  g_assert_cmpuint (a->median_likelihood, ==, b->median_likelihood);
  g_assert_cmpuint (a->median_impact, ==, b->median_impact);
  g_assert_cmpuint (a->iqr_likelihood, ==, b->iqr_likelihood);
  g_assert_cmpuint (a->iqr_impact, ==, b->iqr_impact);
  g_assert_cmpuint (a->agreement_likelihood, ==, b->agreement_likelihood);
  g_assert_cmpint (a->consensus, ==, b->consensus);
  g_assert_cmpint (a->polarized, ==, b->polarized);
  g_assert_cmpmem (a->cells, sizeof a->cells, b->cells, sizeof b->cells);
  g_assert_cmpuint (a->pillars->len, ==, b->pillars->len);
  for (guint i = 0; i < a->pillars->len; i++)
    {
      const IapPillarMedian *x = g_ptr_array_index (a->pillars, i);
      const IapPillarMedian *y = g_ptr_array_index (b->pillars, i);

      g_assert_cmpstr (x->pillar, ==, y->pillar);
      g_assert_cmpuint (x->n, ==, y->n);
      g_assert_cmpuint (x->likelihood, ==, y->likelihood);
      g_assert_cmpuint (x->impact, ==, y->impact);
    }
}

/* The whole-workshop tables give, risk by risk, what asking for one
 * risk gives: the latest public round that rated it, withdrawn ratings
 * left out, open rounds never counted. */
static void
test_tables (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  const char *pillars[] = { "humanitarian", "political", "development", "security" };
  const char *ids[5];
  IapRound *first, *second, *open;
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GHashTable) by_round = NULL;
  const IapRiskStats *stats;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = iap_risk_get_id (iap_workshop_add_risk (workshop, NULL, NULL, "Risk"));
  iap_workshop_set (workshop, workshop, "min-scorers", 2, NULL);

  first = iap_workshop_add_round (workshop, "private");
  for (guint r = 0; r < 4; r++)
    for (guint p = 0; p < 9; p++)
      rate (workshop, first, pillars[p % 4], ids[r], 1 + (p * (r + 1)) % 5, 1 + (p + r) % 5);
  /* Risk 3 is rated in the first round only with a withdrawn score */
  rate (workshop, first, "political", ids[3], 0, 0);
  iap_workshop_set (workshop, first, "state", "closed", NULL);

  /* The second round takes risks 0 and 1 again */
  second = iap_workshop_add_round (workshop, "private");
  for (guint r = 0; r < 2; r++)
    for (guint p = 0; p < 6; p++)
      rate (workshop, second, pillars[p % 4], ids[r], 3 + p % 2, 2 + r);
  iap_workshop_set (workshop, second, "state", "revealed", NULL);

  /* An open round is private: it changes nothing */
  open = iap_workshop_add_round (workshop, "private");
  rate (workshop, open, "security", ids[2], 5, 5);

  latest = iap_consensus_latest (workshop);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(IapRiskStats) one = iap_consensus_for_risk (workshop, NULL, ids[i]);

      assert_same_stats (iap_consensus_lookup (latest, ids[i]), one);
    }
  g_assert_cmpuint (iap_consensus_lookup (latest, ids[0])->n, ==, 6);
  g_assert_cmpuint (iap_consensus_lookup (latest, ids[2])->n, ==, 9);
  g_assert_cmpuint (iap_consensus_lookup (latest, ids[4])->n, ==, 0);
  g_assert_cmpint (iap_consensus_lookup (latest, ids[4])->consensus, ==, IAP_CONSENSUS_NO_RATINGS);
  g_assert_cmpuint (iap_consensus_lookup (latest, "no-such-risk")->pillars->len, ==, 0);

  /* A later public round with only a withdrawn score for risk 3 leaves
   * the earlier scores standing; its number says nothing of its place */
  g_assert_cmpuint (iap_round_get_number (open), ==, 3);
  rate (workshop, open, "security", ids[3], 0, 0);
  iap_workshop_set (workshop, open, "state", "revealed", NULL);
  iap_workshop_set (workshop, open, "number", 1u, NULL);
  {
    g_autoptr(GHashTable) again = iap_consensus_latest (workshop);
    g_autoptr(IapRiskStats) one = iap_consensus_for_risk (workshop, NULL, ids[3]);

    g_assert_true (iap_consensus_latest_round (workshop, ids[3]) == first);
    g_assert_cmpuint (iap_consensus_lookup (again, ids[3])->n, ==, 9);
    assert_same_stats (iap_consensus_lookup (again, ids[3]), one);
    /* Risk 2, scored there, has it as its latest: last in the list,
     * though numbered 1 */
    g_assert_true (iap_consensus_latest_round (workshop, ids[2]) == open);
    g_assert_cmpuint (iap_consensus_lookup (again, ids[2])->n, ==, 1);
  }
  /* A new round is numbered after the highest number, not the count */
  iap_workshop_set (workshop, first, "number", 7u, NULL);
  g_assert_cmpuint (iap_round_get_number (iap_workshop_add_round (workshop, "private")), ==, 8);

  by_round = iap_consensus_for_round (workshop, first);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(IapRiskStats) one = iap_consensus_for_risk (workshop, first, ids[i]);

      assert_same_stats (iap_consensus_lookup (by_round, ids[i]), one);
    }
  stats = iap_consensus_lookup (by_round, ids[0]);
  g_assert_cmpuint (stats->n, ==, 9);
  g_assert_cmpuint (stats->pillars->len, ==, 4);
}

static IapRiskStats *
revealed_stats (IapWorkshop *workshop,
                IapRound    *round,
                const char  *risk)
{
  iap_workshop_set (workshop, round, "state", "revealed", NULL);

  return iap_consensus_for_risk (workshop, NULL, risk);
}

/* Below the privacy floor only the count is kept: a median of one or
 * two people is (nearly) their own score. */
static void
test_privacy_floor (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  const char *id = iap_risk_get_id (iap_workshop_add_risk (workshop, NULL, NULL, "Test"));
  IapRound *round = iap_workshop_add_round (workshop, "private");
  g_autoptr(IapRiskStats) two = NULL;
  g_autoptr(IapRiskStats) four = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *withheld = NULL;
  guint zero[IAP_SCALE_MAX_LEVELS][IAP_SCALE_MAX_LEVELS] = { { 0, } };

  g_assert_cmpuint (iap_workshop_get_min_scorers (workshop), ==, IAP_MIN_SCORERS_DEFAULT);
  g_assert_cmpuint (IAP_MIN_SCORERS_DEFAULT, ==, 3);
  g_assert_false (iap_workshop_may_show_statistic (workshop, 0));
  g_assert_false (iap_workshop_may_show_statistic (workshop, 2));
  g_assert_true (iap_workshop_may_show_statistic (workshop, 3));
  withheld = iap_workshop_dup_withheld (workshop);
  g_assert_cmpstr (withheld, ==, "fewer than 3 scorers");

  rate (workshop, round, "humanitarian", id, 4, 4);
  rate (workshop, round, "ngo", id, 1, 1);
  two = revealed_stats (workshop, round, id);
  g_assert_cmpuint (two->n, ==, 2);
  g_assert_true (two->withheld);
  g_assert_cmpint (two->consensus, ==, IAP_CONSENSUS_WITHHELD);
  g_assert_cmpint (iap_risk_stats_get_verdict (two), ==, IAP_VERDICT_WITHHELD);
  g_assert_cmpuint (two->median_likelihood, ==, 0);
  g_assert_cmpuint (two->iqr_likelihood, ==, 0);
  g_assert_false (two->polarized);
  g_assert_cmpmem (two->cells, sizeof two->cells, zero, sizeof zero);
  g_assert_cmpuint (two->pillars->len, ==, 0);
  verdict = iap_risk_stats_dup_verdict (two);
  g_assert_cmpstr (verdict, ==, "Withheld: fewer than 3 scorers");
  g_assert_cmpstr (iap_verdict_to_id (IAP_VERDICT_WITHHELD), ==, "withheld");

  /* Three humanitarians and one NGO partner: the room is shown, the
   * humanitarian pillar too, the NGO partner's "median" never, and it is
   * not compared with anyone, however far apart. */
  iap_workshop_set (workshop, round, "state", "open", NULL);
  rate (workshop, round, "humanitarian", id, 4, 4);
  rate (workshop, round, "humanitarian", id, 4, 4);
  four = revealed_stats (workshop, round, id);
  g_assert_false (four->withheld);
  g_assert_cmpuint (four->median_likelihood, ==, 4);
  g_assert_cmpuint (four->pillars->len, ==, 1);
  g_assert_cmpstr (((IapPillarMedian *)g_ptr_array_index (four->pillars, 0))->pillar, ==, "humanitarian");
  g_assert_cmpuint (four->pillars_compared, ==, 1);
  g_assert_cmpuint (four->pillars_withheld, ==, 1);
  /* Every score is kept for the dot plot, in the order of the levels:
   * the NGO partner's 1 × 1 first, with no pillar to tell it by; the
   * three humanitarians' 4 × 4 with theirs. Within one level of the
   * median 4 × 4 in both: three of four. */
  g_assert_cmpuint (two->scores->len, ==, 0);
  g_assert_cmpuint (four->scores->len, ==, 4);
  g_assert_cmpuint (g_array_index (four->scores, IapStatsScore, 0).likelihood, ==, 1);
  g_assert_cmpuint (g_array_index (four->scores, IapStatsScore, 0).pillar, ==, G_MAXUINT);
  for (guint i = 1; i < 4; i++)
    {
      g_assert_cmpuint (g_array_index (four->scores, IapStatsScore, i).likelihood, ==, 4);
      g_assert_cmpuint (g_array_index (four->scores, IapStatsScore, i).impact, ==, 4);
      g_assert_cmpuint (g_array_index (four->scores, IapStatsScore, i).pillar, ==, 0);
    }
  g_assert_cmpuint (iap_risk_stats_count_near_median (four), ==, 3);
  g_assert_cmpuint (iap_risk_stats_count_near_median (two), ==, 0);
  g_assert_false (four->polarized);
}

/* One word for the spread rule and the pillars together: a polarized
 * risk is never called a consensus, even when the room's spread meets
 * the rule. */
static void
test_vocabulary (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  const char *id = iap_risk_get_id (iap_workshop_add_risk (workshop, NULL, NULL, "Test"));
  IapRound *round = iap_workshop_add_round (workshop, "private");
  g_autoptr(IapRiskStats) stats = NULL;
  g_autofree char *rule = NULL;

  iap_workshop_set (workshop, workshop, "min-scorers", 2, NULL);
  /* 8 humanitarians at 4 and 2 political at 2: 80% within one level of
   * the median (4), so the rule is met; the pillars' medians are 4 and 2. */
  for (guint i = 0; i < 8; i++)
    rate (workshop, round, "humanitarian", id, 4, 3);
  rate (workshop, round, "political", id, 2, 3);
  rate (workshop, round, "political", id, 2, 3);
  stats = revealed_stats (workshop, round, id);
  g_assert_cmpint (stats->consensus, ==, IAP_CONSENSUS_REACHED);
  g_assert_true (stats->polarized);
  g_assert_cmpint (iap_risk_stats_get_verdict (stats), ==, IAP_VERDICT_POLARIZED);
  g_assert_cmpstr (iap_verdict_to_label (IAP_VERDICT_POLARIZED), ==, "Polarized");
  g_assert_cmpstr (iap_verdict_to_id (IAP_VERDICT_POLARIZED), ==, "polarized");

  stats->consensus = IAP_CONSENSUS_NOT_REACHED;
  g_assert_cmpint (iap_risk_stats_get_verdict (stats), ==, IAP_VERDICT_NO_CONSENSUS_POLARIZED);
  stats->polarized = FALSE;
  g_assert_cmpint (iap_risk_stats_get_verdict (stats), ==, IAP_VERDICT_NO_CONSENSUS);
  stats->consensus = IAP_CONSENSUS_REACHED;
  g_assert_cmpint (iap_risk_stats_get_verdict (stats), ==, IAP_VERDICT_CONSENSUS);

  rule = iap_consensus_describe_polarized (workshop);
  g_assert_nonnull (strstr (rule, "at least 2 scorers"));
  g_assert_nonnull (strstr (rule, "never called a consensus"));
}

static void
test_dissent (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  IapParticipant *p = iap_workshop_add_participant (workshop, "ngo", NULL, NULL);
  const char *pid = iap_participant_get_id (p);
  g_autofree char *rule = iap_consensus_describe_rule (iap_workshop_get_scales (workshop));

  iap_workshop_add_dissent (workshop, pid, "risk", "r1", "Too low");
  iap_workshop_add_dissent (workshop, pid, "risk", "r2", "Too high");
  iap_workshop_add_dissent (workshop, pid, "recommendation", NULL, "No");
  g_assert_cmpuint (iap_workshop_count_dissents (workshop, "r1"), ==, 1);
  g_assert_cmpuint (iap_workshop_count_dissents (workshop, "r3"), ==, 0);
  g_assert_cmpuint (iap_workshop_count_dissents (workshop, NULL), ==, 1);
  g_assert_nonnull (strstr (rule, "80%"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/consensus/median", test_median);
  g_test_add_func ("/consensus/quantile-random", test_quantile_random);
  g_test_add_func ("/consensus/iqr", test_iqr);
  g_test_add_func ("/consensus/agreement", test_agreement);
  g_test_add_func ("/consensus/verdict", test_verdict);
  g_test_add_func ("/consensus/polarized", test_polarized);
  g_test_add_func ("/consensus/workshop", test_workshop);
  g_test_add_func ("/consensus/tables", test_tables);
  g_test_add_func ("/consensus/dissent", test_dissent);
  g_test_add_func ("/consensus/privacy-floor", test_privacy_floor);
  g_test_add_func ("/consensus/vocabulary", test_vocabulary);

  return g_test_run ();
}
