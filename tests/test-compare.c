/* test-compare.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-comparison.h"
#include "iap-workshop-file.h"

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

/* The one change of @comparison, which must have exactly one. */
static IapChange *
only_change (IapComparison *comparison)
{
  GListModel *changes = iap_comparison_get_changes (comparison);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(IapChange) change = g_list_model_get_item (changes, i);
      g_autofree char *text = iap_change_dup_text (change);

      g_test_message ("%s", text);
    }
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);

  return IAP_CHANGE (g_list_model_get_object (changes, 0));
}

static IapChange *
find_kind (IapComparison *comparison,
           int            kind,
           const char    *subject,
           const char    *id,
           const char    *field)
{
  GListModel *changes = iap_comparison_get_changes (comparison);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(IapChange) change = g_list_model_get_item (changes, i);

      if ((kind < 0 || (int)iap_change_get_kind (change) == kind) &&
          g_str_equal (iap_change_get_subject (change), subject) &&
          g_strcmp0 (iap_change_get_id (change), id) == 0 &&
          g_strcmp0 (iap_change_get_field (change), field) == 0)
        return change;
    }

  return NULL;
}

static IapChange *
find_change (IapComparison *comparison,
             const char    *subject,
             const char    *id,
             const char    *field)
{
  return find_kind (comparison, -1, subject, id, field);
}

static void
test_similarity (void)
{
  g_assert_cmpuint (iap_match_similarity ("Armed escorts draw attacks", "Armed escorts draw attacks"), ==, 100);
  /* Case, accents and punctuation aside */
  g_assert_cmpuint (iap_match_similarity ("L'accès aux écoles", "l acces aux ECOLES"), ==, 100);
  g_assert_cmpuint (iap_match_similarity ("Armed escorts draw attacks on humanitarian convoys",
                                          "Armed escorts draw attacks on our convoys"),
                    >=, IAP_MATCH_MIN_SIMILARITY);
  g_assert_cmpuint (iap_match_similarity ("Armed escorts draw attacks on humanitarian convoys",
                                          "NGOs step back from HC-led coordination"),
                    <, IAP_MATCH_MIN_SIMILARITY);
  g_assert_cmpuint (iap_match_similarity ("", ""), ==, 0);
  g_assert_cmpuint (iap_match_similarity ("x", "y"), ==, 0);
}

static void
test_same (void)
{
  g_autoptr(IapWorkshop) a = load_example ();
  g_autoptr(IapWorkshop) b = load_example ();
  g_autoptr(IapComparison) comparison = iap_comparison_new (a, b);
  g_autofree char *summary = iap_comparison_dup_summary (comparison);

  g_assert_true (iap_comparison_is_empty (comparison));
  g_assert_cmpstr (summary, ==, "No changes");
  g_assert_cmpuint (g_list_model_get_n_items (iap_comparison_get_proposed (comparison)), ==, 0);
}

static void
test_renamed_risk (void)
{
  g_autoptr(IapWorkshop) a = load_example ();
  g_autoptr(IapWorkshop) b = load_example ();
  g_autoptr(IapComparison) comparison = NULL;
  g_autoptr(IapChange) change = NULL;

  iap_workshop_set (b, iap_workshop_find_risk (b, "r3"),
                    "title", "Agencies depend on mission helicopters to reach Ebe", NULL);
  comparison = iap_comparison_new (a, b);
  change = only_change (comparison);
  g_assert_cmpint (iap_change_get_kind (change), ==, IAP_CHANGE_CHANGED);
  g_assert_cmpint (iap_change_get_step (change), ==, IAP_STEP_MATRIX);
  g_assert_cmpstr (iap_change_get_subject (change), ==, "risk");
  g_assert_cmpstr (iap_change_get_id (change), ==, "r3");
  g_assert_cmpstr (iap_change_get_field (change), ==, "title");
  g_assert_cmpuint (iap_change_get_number (change), ==, 3);
  g_assert_cmpstr (iap_change_get_old_value (change), ==, "Dependence on mission helicopters for access to Ebe");
  g_assert_cmpstr (iap_change_get_new_value (change), ==, "Agencies depend on mission helicopters to reach Ebe");
  g_assert_cmpstr (iap_change_get_heading (change), ==, "R3: Agencies depend on mission helicopters to reach Ebe");
}

static void
test_moved_cell (void)
{
  g_autoptr(IapWorkshop) a = load_example ();
  g_autoptr(IapWorkshop) b = load_example ();
  g_autoptr(IapComparison) comparison = NULL;
  g_autoptr(IapChange) change = NULL;
  const IapMovement *movements;
  guint n, l, i;
  IapBand band;

  iap_workshop_set (b, iap_workshop_find_risk (b, "r2"),
                    "inherent-likelihood", 3, "inherent-impact", 4, NULL);
  comparison = iap_comparison_new (a, b);
  change = only_change (comparison);
  g_assert_cmpstr (iap_change_get_field (change), ==, "inherent");
  g_assert_cmpstr (iap_change_get_old_value (change), ==, "4,5");
  g_assert_cmpstr (iap_change_get_new_value (change), ==, "3,4");
  g_assert_true (iap_change_get_old_rating (change, &l, &i, &band));
  g_assert_cmpuint (l, ==, 4);
  g_assert_cmpuint (i, ==, 5);
  g_assert_cmpint (band, ==, IAP_BAND_CRITICAL);
  g_assert_true (iap_change_get_new_rating (change, &l, &i, &band));
  g_assert_cmpuint (l, ==, 3);
  g_assert_cmpuint (i, ==, 4);
  g_assert_cmpint (band, ==, IAP_BAND_HIGH);
  g_assert_cmpstr (iap_change_get_description (change), ==, "Inherent rating: Critical (4×5) → High (3×4)");

  /* The movement chart: every risk, R2 moved, R1 stayed */
  movements = iap_comparison_get_movements (comparison, IAP_MOVEMENT_INHERENT, &n);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (iap_workshop_get_risks (b)));
  g_assert_cmpuint (movements[1].number, ==, 2);
  g_assert_cmpuint (movements[1].from_likelihood, ==, 4);
  g_assert_cmpuint (movements[1].from_impact, ==, 5);
  g_assert_cmpuint (movements[1].to_likelihood, ==, 3);
  g_assert_cmpuint (movements[1].to_impact, ==, 4);
  g_assert_cmpuint (movements[0].from_likelihood, ==, movements[0].to_likelihood);
  g_assert_cmpuint (movements[0].from_impact, ==, movements[0].to_impact);
}

static void
test_removed_mitigation (void)
{
  g_autoptr(IapWorkshop) a = load_example ();
  g_autoptr(IapWorkshop) b = load_example ();
  g_autoptr(IapComparison) comparison = NULL;
  g_autoptr(IapChange) change = NULL;

  iap_workshop_remove_mitigation (b, iap_workshop_find_mitigation (b, "m2"));
  comparison = iap_comparison_new (a, b);
  change = only_change (comparison);
  g_assert_cmpint (iap_change_get_kind (change), ==, IAP_CHANGE_REMOVED);
  g_assert_cmpint (iap_change_get_step (change), ==, IAP_STEP_MITIGATION);
  g_assert_cmpstr (iap_change_get_subject (change), ==, "mitigation");
  g_assert_cmpstr (iap_change_get_id (change), ==, "m2");
  g_assert_null (iap_change_get_field (change));
}

static void
test_changed_owner (void)
{
  g_autoptr(IapWorkshop) a = load_example ();
  g_autoptr(IapWorkshop) b = load_example ();
  g_autoptr(IapComparison) comparison = NULL;
  g_autoptr(IapChange) change = NULL;

  iap_workshop_set (b, iap_workshop_find_mitigation (b, "m1"),
                    "owner", "Sofía Lindqvist", "owner-entity", "UNICEF", NULL);
  comparison = iap_comparison_new (a, b);
  change = only_change (comparison);
  g_assert_cmpstr (iap_change_get_field (change), ==, "owner");
  g_assert_cmpstr (iap_change_get_old_value (change), ==, "Amara Diallo, OCHA");
  g_assert_cmpstr (iap_change_get_new_value (change), ==, "Sofía Lindqvist, UNICEF");
}

static void
test_changed_classification (void)
{
  g_autoptr(IapWorkshop) a = load_example ();
  g_autoptr(IapWorkshop) b = load_example ();
  g_autoptr(IapComparison) comparison = NULL;
  IapChange *classification, *answer;

  /* Without the neutrality questioned, the environment is elevated */
  iap_workshop_set_indicator (b, "neutrality-questioned", "no", "Perception survey: no longer so.");
  comparison = iap_comparison_new (a, b);
  g_assert_cmpuint (g_list_model_get_n_items (iap_comparison_get_changes (comparison)), ==, 3);

  classification = find_change (comparison, "environment", NULL, "classification");
  g_assert_nonnull (classification);
  g_assert_cmpint (iap_change_get_step (classification), ==, IAP_STEP_CONTEXT);
  g_assert_cmpstr (iap_change_get_old_value (classification), ==, "high-risk");
  g_assert_cmpstr (iap_change_get_new_value (classification), ==, "elevated");

  /* and its reason */
  answer = find_change (comparison, "indicator", "neutrality-questioned", "answer");
  g_assert_nonnull (answer);
  g_assert_cmpstr (iap_change_get_old_value (answer), ==, "yes");
  g_assert_cmpstr (iap_change_get_new_value (answer), ==, "no");
  g_assert_nonnull (find_change (comparison, "indicator", "neutrality-questioned", "note"));
  g_assert_cmpuint (iap_comparison_count (comparison, IAP_STEP_CONTEXT), ==, 3);
}

static void
test_added_and_removed (void)
{
  g_autoptr(IapWorkshop) a = load_example ();
  g_autoptr(IapWorkshop) b = load_example ();
  g_autoptr(IapComparison) comparison = NULL;
  IapRisk *risk;
  IapChange *change;

  risk = iap_workshop_add_risk (b, "co-location", "staff-security", "Compound targeted by FLT mortar fire");
  iap_workshop_set (b, risk, "inherent-likelihood", 2, "inherent-impact", 5, NULL);
  iap_workshop_remove_risk (b, iap_workshop_find_risk (b, "r12"));
  iap_workshop_add_participant (b, "ngo", "Lena Fischer", "NRC");
  comparison = iap_comparison_new (a, b);

  change = find_change (comparison, "risk", iap_risk_get_id (risk), NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (iap_change_get_kind (change), ==, IAP_CHANGE_ADDED);
  g_assert_true (iap_change_get_new_rating (change, NULL, NULL, NULL));
  change = find_change (comparison, "risk", "r12", NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (iap_change_get_kind (change), ==, IAP_CHANGE_REMOVED);
  g_assert_cmpuint (iap_comparison_get_n_removed (comparison), ==, 1);
  change = find_change (comparison, "participant", "p14", NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (iap_change_get_kind (change), ==, IAP_CHANGE_ADDED);
  g_assert_cmpint (iap_change_get_step (change), ==, IAP_STEP_SETUP);
}

/* Two files made apart: the same risks under other ids, and an id that
 * two different risks share. */
static void
test_made_apart (void)
{
  g_autoptr(IapWorkshop) a = iap_workshop_new ();
  g_autoptr(IapWorkshop) b = iap_workshop_new ();
  g_autoptr(IapComparison) comparison = NULL;
  GListModel *proposed;
  g_autoptr(IapMatch) match = NULL;
  IapChange *change;

  iap_workshop_add_risk (a, "military-escorts", "staff-security", "Armed escorts draw attacks on humanitarian convoys");
  iap_workshop_add_risk (a, "co-location", "perception", "Shared compound blurs mission and agencies");
  iap_workshop_add_risk (b, "un-logo", "access", "Common markings close checkpoints");
  iap_workshop_add_risk (b, "military-escorts", "staff-security", "Armed escorts draw attacks on our convoys");

  comparison = iap_comparison_new (a, b);

  /* r1 of each is another risk: not the same */
  g_assert_nonnull (find_kind (comparison, IAP_CHANGE_ADDED, "risk", "r1", NULL));
  g_assert_null (find_change (comparison, "risk", "r1", "title"));
  g_assert_nonnull (find_kind (comparison, IAP_CHANGE_REMOVED, "risk", "r2", NULL));

  /* b's r2 is a's r1, by its place and title: proposed */
  proposed = iap_comparison_get_proposed (comparison);
  g_assert_cmpuint (g_list_model_get_n_items (proposed), ==, 1);
  match = g_list_model_get_item (proposed, 0);
  g_assert_cmpint (iap_match_get_method (match), ==, IAP_MATCH_TITLE);
  g_assert_cmpstr (iap_risk_get_id (iap_match_get_old (match)), ==, "r1");
  g_assert_cmpstr (iap_risk_get_id (iap_match_get_new (match)), ==, "r2");
  change = find_change (comparison, "risk", "r2", "id");
  g_assert_nonnull (change);
  g_assert_cmpstr (iap_change_get_old_id (change), ==, "r1");
  g_assert_cmpuint (iap_change_get_similarity (change), >=, IAP_MATCH_MIN_SIMILARITY);
  g_assert_nonnull (find_change (comparison, "risk", "r2", "title"));

  /* Rejected, they are one risk removed and one added */
  iap_match_set_confirmed (match, FALSE);
  g_assert_null (find_change (comparison, "risk", "r2", "title"));
  g_assert_nonnull (find_kind (comparison, IAP_CHANGE_ADDED, "risk", "r2", NULL));
  g_assert_nonnull (find_kind (comparison, IAP_CHANGE_REMOVED, "risk", "r1", NULL));
  g_assert_cmpuint (iap_comparison_get_n_removed (comparison), ==, 2);
}

static void
rate (IapWorkshop *w,
      IapRound    *round,
      guint        n,
      const char  *risk,
      guint        likelihood,
      guint        impact)
{
  for (guint p = 1; p <= n; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);

      iap_workshop_set_rating (w, round, id, risk, likelihood, impact);
    }
}

static void
test_rounds (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  g_autoptr(IapComparison) comparison = NULL;
  IapRound *first, *second;
  IapChange *change;
  const IapMovement *movements;
  guint n;

  for (guint p = 0; p < 4; p++)
    iap_workshop_add_participant (w, "humanitarian", NULL, NULL);
  iap_workshop_add_risk (w, "co-location", "perception", "Compound");
  iap_workshop_add_risk (w, "un-logo", "access", "Markings");
  iap_workshop_add_risk (w, "military-escorts", "staff-security", "Escorts");

  first = iap_workshop_add_round (w, "private");
  rate (w, first, 4, "r1", 4, 4);
  rate (w, first, 2, "r2", 2, 2);
  iap_workshop_set (w, first, "state", "closed", NULL);
  second = iap_workshop_add_round (w, "private");
  rate (w, second, 4, "r1", 3, 4);
  rate (w, second, 4, "r3", 2, 3);
  iap_workshop_set (w, second, "state", "revealed", NULL);

  comparison = iap_comparison_new_for_rounds (w, first, second);
  change = find_change (comparison, "risk", "r1", "median");
  g_assert_nonnull (change);
  g_assert_cmpstr (iap_change_get_old_value (change), ==, "4,4");
  g_assert_cmpstr (iap_change_get_new_value (change), ==, "3,4");

  /* Two scorers are below the privacy floor: no median to show */
  change = find_change (comparison, "risk", "r2", NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (iap_change_get_kind (change), ==, IAP_CHANGE_REMOVED);
  g_assert_false (iap_change_get_old_rating (change, NULL, NULL, NULL));
  change = find_change (comparison, "risk", "r3", NULL);
  g_assert_cmpint (iap_change_get_kind (change), ==, IAP_CHANGE_ADDED);

  movements = iap_comparison_get_movements (comparison, IAP_MOVEMENT_MEDIAN, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (movements[0].from_likelihood, ==, 4);
  g_assert_cmpuint (movements[0].to_likelihood, ==, 3);
  g_assert_cmpuint (movements[1].from_likelihood, ==, 0);
  g_assert_cmpuint (movements[2].to_impact, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/similarity", test_similarity);
  g_test_add_func ("/compare/same", test_same);
  g_test_add_func ("/compare/renamed-risk", test_renamed_risk);
  g_test_add_func ("/compare/moved-cell", test_moved_cell);
  g_test_add_func ("/compare/removed-mitigation", test_removed_mitigation);
  g_test_add_func ("/compare/changed-owner", test_changed_owner);
  g_test_add_func ("/compare/changed-classification", test_changed_classification);
  g_test_add_func ("/compare/added-and-removed", test_added_and_removed);
  g_test_add_func ("/compare/made-apart", test_made_apart);
  g_test_add_func ("/compare/rounds", test_rounds);

  return g_test_run ();
}
