/* test-options-analysis.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-options-analysis.h"
#include "iap-workshop-file.h"

/*
 * The weighing of the triple-hatting analysis: sums only over what the
 * group weighed and scored, the most each sum could reach, what is left
 * out, the drivers, and the measures the scored risks call for.
 */

#define OPTIONS(...) ((const char * const[]) { __VA_ARGS__, NULL })

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

static IapOptionsAnalysis *
analyse (IapWorkshop        *workshop,
         const char * const *options)
{
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);

  return iap_options_analysis_compute (iap_catalog_get_entries (catalog, IAP_CATALOG_FACTOR),
                                       iap_workshop_get_factor_scores (workshop),
                                       options);
}

static void
assert_strv (char * const *strv,
             const char   *joined)
{
  g_autofree char *text = g_strjoinv (",", (char **)strv);

  g_assert_cmpstr (text, ==, joined);
}

static void
assert_sums (const IapOptionResult *result,
             guint                  benefit,
             guint                  benefit_max,
             guint                  risk,
             guint                  risk_max)
{
  g_assert_nonnull (result);
  g_assert_cmpuint (result->benefit, ==, benefit);
  g_assert_cmpuint (result->benefit_max, ==, benefit_max);
  g_assert_cmpuint (result->risk, ==, risk);
  g_assert_cmpuint (result->risk_max, ==, risk_max);
}

/* Worked by hand from resources/example.iapw: benefit weights sum to 19,
 * risk weights to 21, the one transaction-cost factor weighs 2; every
 * factor scored for the four options. */
static void
test_example (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (workshop);
  const IapOptionResult *triple;

  g_assert_cmpuint (iap_options_analysis_get_n_options (analysis), ==, 4);
  g_assert_cmpuint (analysis->factors->len, ==, 12);
  assert_sums (iap_options_analysis_lookup (analysis, "no-structural"), 19, 76, 0, 84);
  assert_sums (iap_options_analysis_lookup (analysis, "double-hatted"), 54, 76, 33, 84);
  assert_sums (iap_options_analysis_lookup (analysis, "triple-hatted"), 70, 76, 80, 84);
  assert_sums (iap_options_analysis_lookup (analysis, "ersg"), 69, 76, 59, 84);
  g_assert_cmpstr (iap_options_analysis_get_result (analysis, 0)->option, ==, "no-structural");

  triple = iap_options_analysis_lookup (analysis, "triple-hatted");
  g_assert_cmpuint (triple->benefit_counted, ==, 6);
  g_assert_cmpuint (triple->risk_counted, ==, 5);
  g_assert_cmpuint (triple->benefit_unscored + triple->risk_unscored, ==, 0);
  /* Transaction costs are weighed beside the benefits and risks, apart */
  g_assert_cmpuint (triple->cost, ==, 6);
  g_assert_cmpuint (triple->cost_max, ==, 8);
  g_assert_cmpuint (triple->cost_counted, ==, 1);
  g_assert_cmpuint (triple->cost_unscored, ==, 0);
  g_assert_cmpint (iap_option_result_get_side_share (triple, IAP_FACTOR_SIDE_COST), ==, 75);
  g_assert_cmpuint (iap_options_analysis_lookup (analysis, "ersg")->cost, ==, 2);
  assert_strv (triple->benefit_drivers, "preferential-access,influence,coherence");
  assert_strv (triple->risk_drivers, "visibility-security,humanitarian-voice,ngo-relations");
  /* Ties keep catalog order: benefits come first in it. */
  assert_strv (triple->drivers, "visibility-security,humanitarian-voice,preferential-access");
  /* Transaction costs never drive the risks */
  assert_strv (iap_options_analysis_lookup (analysis, "no-structural")->risk_drivers, "");
  assert_strv (iap_options_analysis_lookup (analysis, "double-hatted")->risk_drivers,
               "visibility-security,politicization,workload");
  g_assert_null (iap_options_analysis_lookup (analysis, "nonsense"));
}

/* A factor counts only with both a weight and a score; the rest is
 * counted as left out, never as 0. */
static void
test_unscored (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  g_autoptr(IapOptionsAnalysis) analysis = NULL;
  g_autofree char *totals = NULL;
  g_autofree char *unscored = NULL;
  const IapOptionResult *result;

  iap_workshop_set_factor_weight (workshop, "influence", 4);
  iap_workshop_set_factor_score (workshop, "influence", "triple-hatted", 3);
  iap_workshop_set_factor_score (workshop, "workload", "triple-hatted", 4);   /* no weight */
  iap_workshop_set_factor_weight (workshop, "visibility-security", 5);        /* no score */
  iap_workshop_set_factor_weight (workshop, "humanitarian-voice", 2);
  iap_workshop_set_factor_score (workshop, "humanitarian-voice", "triple-hatted", 0);

  analysis = analyse (workshop, OPTIONS ("triple-hatted", "ersg"));
  result = iap_options_analysis_lookup (analysis, "triple-hatted");
  assert_sums (result, 12, 16, 0, 8);
  g_assert_cmpuint (result->benefit_unscored, ==, 5);
  g_assert_cmpuint (result->risk_unscored, ==, 4);
  g_assert_cmpuint (result->cost_unscored, ==, 1);
  g_assert_cmpuint (result->risk_counted, ==, 1);
  /* A score of 0 counts towards the maximum but never drives. */
  assert_strv (result->risk_drivers, "");
  assert_strv (result->drivers, "influence");

  totals = iap_option_result_dup_totals (result);
  g_assert_cmpstr (totals, ==, "Benefits 75% of their maximum · Risks 0% of their maximum · "
                               "Transaction costs not scored yet");
  unscored = iap_option_result_dup_unscored (result);
  g_assert_cmpstr (unscored, ==, "10 factors not yet weighted or scored");

  result = iap_options_analysis_lookup (analysis, "ersg");
  assert_sums (result, 0, 0, 0, 0);
  /* Nothing counted is no share at all, never 0%. */
  g_assert_cmpint (iap_option_result_get_share (result, FALSE), ==, -1);
  g_clear_pointer (&totals, g_free);
  totals = iap_option_result_dup_totals (result);
  g_assert_cmpstr (totals, ==, "Benefits not scored yet · Risks not scored yet · Transaction costs not scored yet");
  g_assert_cmpuint (result->benefit_unscored + result->risk_unscored + result->cost_unscored, ==, 12);
}

static void
test_complete (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (workshop);

  g_assert_null (iap_option_result_dup_unscored (iap_options_analysis_get_result (analysis, 2)));
}

static void
test_no_options (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (workshop);
  g_autofree char *summary = iap_options_analysis_dup_summary (analysis, iap_workshop_get_catalog (workshop));

  g_assert_cmpuint (iap_options_analysis_get_n_options (analysis), ==, 0);
  g_assert_nonnull (strstr (summary, "Context"));
}

/* Edits go through the history: undo brings the analysis back. */
static void
test_undo (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapOptionsAnalysis) after = NULL;
  g_autoptr(IapOptionsAnalysis) undone = NULL;

  iap_workshop_set_factor_score (workshop, "ngo-relations", "triple-hatted", -1);
  after = iap_options_analysis_new_for_workshop (workshop);
  assert_sums (iap_options_analysis_lookup (after, "triple-hatted"), 70, 76, 64, 68);
  g_assert_cmpuint (iap_options_analysis_lookup (after, "triple-hatted")->risk_unscored, ==, 1);

  g_assert_true (iap_workshop_undo (workshop));
  undone = iap_options_analysis_new_for_workshop (workshop);
  assert_sums (iap_options_analysis_lookup (undone, "triple-hatted"), 70, 76, 80, 84);
}

static void
test_custom_factor (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapOptionsAnalysis) analysis = NULL;
  IapCatalogEntry *entry;
  const IapFactorLine *last;

  entry = iap_workshop_add_custom_entry (workshop, IAP_CATALOG_FACTOR, "Donor confusion", "");
  iap_workshop_set (workshop, entry, "polarity", "risk", NULL);
  iap_workshop_set_factor_weight (workshop, iap_catalog_entry_get_id (entry), 1);
  iap_workshop_set_factor_score (workshop, iap_catalog_entry_get_id (entry), "ersg", 4);

  analysis = iap_options_analysis_new_for_workshop (workshop);
  g_assert_cmpuint (analysis->factors->len, ==, 13);
  /* The workshop's own risks follow the default ones, before the
   * transaction costs */
  last = g_ptr_array_index (analysis->factors, 11);
  g_assert_true (last->factor == entry);
  g_assert_true (last->risk);
  g_assert_cmpint (((const IapFactorLine *)g_ptr_array_index (analysis->factors, 12))->side, ==, IAP_FACTOR_SIDE_COST);
  g_assert_cmpint (iap_factor_line_get_contribution (last, 3), ==, 4);
  g_assert_cmpint (iap_factor_line_get_contribution (last, 2), ==, -1);
  assert_sums (iap_options_analysis_lookup (analysis, "ersg"), 69, 76, 63, 88);
  g_assert_cmpuint (iap_options_analysis_lookup (analysis, "triple-hatted")->risk_unscored, ==, 1);
}

/* Ties between drivers go in catalog order, benefits and risks together:
 * a workshop's own benefit comes after every default factor, risks
 * included, however the lines are grouped for display. */
static void
test_ties (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  g_autoptr(IapOptionsAnalysis) analysis = NULL;
  const IapOptionResult *result;
  IapCatalogEntry *entry;
  const char *custom;

  entry = iap_workshop_add_custom_entry (workshop, IAP_CATALOG_FACTOR, "Donor trust", "");
  iap_workshop_set (workshop, entry, "polarity", "benefit", NULL);
  custom = iap_catalog_entry_get_id (entry);
  /* All three weigh 2 × 3 = 6 on ersg */
  iap_workshop_set_factor_weight (workshop, custom, 2);
  iap_workshop_set_factor_score (workshop, custom, "ersg", 3);
  iap_workshop_set_factor_weight (workshop, "workload", 3);
  iap_workshop_set_factor_score (workshop, "workload", "ersg", 2);
  iap_workshop_set_factor_weight (workshop, "coherence", 1);
  iap_workshop_set_factor_score (workshop, "coherence", "ersg", 4);
  iap_workshop_set_factor_weight (workshop, "influence", 2);
  iap_workshop_set_factor_score (workshop, "influence", "ersg", 3);
  iap_workshop_set_factor_weight (workshop, "transaction-costs", 5);
  iap_workshop_set_factor_score (workshop, "transaction-costs", "ersg", 1);

  analysis = analyse (workshop, OPTIONS ("ersg"));
  result = iap_options_analysis_lookup (analysis, "ersg");
  assert_strv (result->drivers, "influence,workload,x-factor-1");
  assert_strv (result->benefit_drivers, "influence,x-factor-1,coherence");
  /* Transaction costs (5 × 1) weigh apart and never drive */
  assert_strv (result->risk_drivers, "workload");
  g_assert_cmpuint (result->cost, ==, 5);
}

static void
test_measures (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (workshop);
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) triple = NULL;
  g_auto(GStrv) any = NULL;

  g_assert_true (g_strv_contains (iap_catalog_entry_get_addresses (iap_catalog_lookup (catalog, "measure", "separate-support")),
                                  "workload"));
  g_assert_cmpuint (g_strv_length ((char **)iap_catalog_entry_get_addresses (iap_catalog_lookup (catalog, "measure", "do-no-harm"))), ==, 0);

  /* No structural integration: only transaction costs weigh. */
  none = iap_options_analysis_dup_measures (analysis, catalog, "no-structural");
  assert_strv (none, "mission-dialogue,asset-principles");
  triple = iap_options_analysis_dup_measures (analysis, catalog, "triple-hatted");
  assert_strv (triple, "humanitarian-background,separate-support,coordinated-strategies,mission-dialogue,"
                       "community-engagement,asset-principles,principled-delivery,last-resort-assets,hq-escalation");
  any = iap_options_analysis_dup_measures (analysis, catalog, NULL);
  g_assert_cmpuint (g_strv_length (any), ==, g_strv_length (triple));
}

static void
test_summary (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (workshop);
  g_autofree char *summary = iap_options_analysis_dup_summary (analysis, iap_workshop_get_catalog (workshop));
  g_auto(GStrv) lines = g_strsplit (summary, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[2], ==,
                   "Triple-hatted DSRSG/RC/HC: Benefits 92% of their maximum · Risks 95% of their maximum · "
                   "Transaction costs 75% of their maximum. "
                   "Main benefits: Preferential access, Influence, Coherence. "
                   "Main risks: Visibility and security, Humanitarian voice, NGO relations.");
}

/* The two sides of the example have different maxima (76 and 84): each
 * is given as a share of its own, rounded half up, and the weighting
 * that makes them says which weight each factor has. */
static void
test_shares (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (workshop);
  const IapOptionResult *triple = iap_options_analysis_lookup (analysis, "triple-hatted");
  IapOptionResult half = { .benefit = 1, .benefit_max = 8, .risk = 3, .risk_max = 8 };
  g_autofree char *weighting = iap_options_dup_weighting (analysis);
  g_autofree char *share = iap_option_result_dup_share (triple, TRUE);

  g_assert_cmpuint (triple->benefit_max, !=, triple->risk_max);
  g_assert_cmpint (iap_option_result_get_share (triple, FALSE), ==, 92);   /* 70 of 76 */
  g_assert_cmpint (iap_option_result_get_share (triple, TRUE), ==, 95);    /* 80 of 84 */
  g_assert_cmpstr (share, ==, "95%");
  g_assert_cmpint (iap_option_result_get_share (&half, FALSE), ==, 13);    /* 12.5 */
  g_assert_cmpint (iap_option_result_get_share (&half, TRUE), ==, 38);     /* 37.5 */
  g_assert_nonnull (strstr (weighting, "Visibility and security 5"));
  g_assert_nonnull (strstr (weighting, "Transaction costs 2"));
}

static void
test_policy_note (void)
{
  g_assert_nonnull (strstr (iap_options_get_policy_note ("high-risk"), "may be avoided"));
  g_assert_nonnull (strstr (iap_options_get_policy_note ("high-risk"), "not policy"));
  /* The sources' caution is for high-risk environments: the
   * application's own elevated level never claims it. */
  g_assert_null (strstr (iap_options_get_policy_note ("elevated"), "may be avoided"));
  g_assert_nonnull (strstr (iap_options_get_policy_note ("elevated"), "not a policy category"));
  g_assert_null (iap_options_get_policy_note ("permissive"));
  g_assert_null (iap_options_get_policy_note (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/options-analysis/example", test_example);
  g_test_add_func ("/options-analysis/unscored", test_unscored);
  g_test_add_func ("/options-analysis/complete", test_complete);
  g_test_add_func ("/options-analysis/no-options", test_no_options);
  g_test_add_func ("/options-analysis/undo", test_undo);
  g_test_add_func ("/options-analysis/custom-factor", test_custom_factor);
  g_test_add_func ("/options-analysis/ties", test_ties);
  g_test_add_func ("/options-analysis/measures", test_measures);
  g_test_add_func ("/options-analysis/summary", test_summary);
  g_test_add_func ("/options-analysis/shares", test_shares);
  g_test_add_func ("/options-analysis/policy-note", test_policy_note);

  return g_test_run ();
}
