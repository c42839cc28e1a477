/* test-history.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-workshop.h"

/* Every kind of edit is undone and redone exactly. */

static guint
n_items (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

static void
undo (IapWorkshop *w)
{
  g_assert_true (iap_workshop_undo (w));
}

static void
redo (IapWorkshop *w)
{
  g_assert_true (iap_workshop_redo (w));
}

static void
test_set_property (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  IapHistory *history = iap_workshop_get_history (w);

  g_assert_false (iap_history_get_can_undo (history));
  g_assert_false (iap_workshop_get_modified (w));

  iap_workshop_set (w, w, "title", "Kivara", "anonymize", TRUE, NULL);
  g_assert_cmpstr (iap_workshop_get_title (w), ==, "Kivara");
  g_assert_true (iap_workshop_get_anonymize (w));
  g_assert_true (iap_workshop_get_modified (w));
  g_assert_cmpstr (iap_history_get_undo_label (history), ==, "Change Title");

  undo (w);
  g_assert_cmpstr (iap_workshop_get_title (w), ==, "");
  g_assert_false (iap_workshop_get_anonymize (w));
  g_assert_false (iap_workshop_get_modified (w));
  g_assert_true (iap_history_get_can_redo (history));

  redo (w);
  g_assert_cmpstr (iap_workshop_get_title (w), ==, "Kivara");
  g_assert_true (iap_workshop_get_anonymize (w));

  /* Setting a value a property already has is no edit. */
  iap_workshop_set (w, w, "title", "Kivara", NULL);
  undo (w);
  g_assert_false (iap_history_get_can_undo (history));
}

static void
test_set_strv_and_variant (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  const char *options[] = { "double-hatted", "ersg", NULL };

  iap_workshop_set (w, w, "options", options, NULL);
  g_assert_true (g_strv_equal (iap_workshop_get_options (w), options));
  iap_workshop_set_band (w, 1, 1, IAP_BAND_CRITICAL);
  g_assert_cmpint (iap_scales_get_band (iap_workshop_get_scales (w), 1, 1), ==, IAP_BAND_CRITICAL);

  undo (w);
  g_assert_cmpint (iap_scales_get_band (iap_workshop_get_scales (w), 1, 1), ==, IAP_BAND_LOW);
  undo (w);
  g_assert_cmpuint (g_strv_length ((char **)iap_workshop_get_options (w)), ==, 0);
  redo (w);
  redo (w);
  g_assert_true (g_strv_equal (iap_workshop_get_options (w), options));
  g_assert_cmpint (iap_scales_get_band (iap_workshop_get_scales (w), 1, 1), ==, IAP_BAND_CRITICAL);
}

static void
test_typing_merges (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();

  iap_workshop_set_text (w, w, "title", "K");
  iap_workshop_set_text (w, w, "title", "Ki");
  iap_workshop_set_text (w, w, "title", "Kiv");
  iap_workshop_set_text (w, w, "country", "X");
  iap_workshop_set_text (w, w, "title", "Kivara");

  undo (w);
  g_assert_cmpstr (iap_workshop_get_title (w), ==, "Kiv");
  undo (w);
  g_assert_cmpstr (iap_workshop_get_country (w), ==, "");
  undo (w);
  g_assert_cmpstr (iap_workshop_get_title (w), ==, "");
  g_assert_false (iap_workshop_undo (w));
}

static void
test_save_point (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  IapHistory *history = iap_workshop_get_history (w);

  iap_workshop_set_text (w, w, "title", "A");
  iap_history_mark_saved (history);
  g_assert_false (iap_workshop_get_modified (w));

  /* Typing after a save starts a new step: undo returns to the saved text. */
  iap_workshop_set_text (w, w, "title", "AB");
  g_assert_true (iap_workshop_get_modified (w));
  undo (w);
  g_assert_false (iap_workshop_get_modified (w));
  undo (w);
  g_assert_true (iap_workshop_get_modified (w));
  redo (w);
  g_assert_false (iap_workshop_get_modified (w));

  /* A new edit after undo drops the redo stack. */
  undo (w);
  iap_workshop_set (w, w, "country", "C", NULL);
  g_assert_false (iap_history_get_can_redo (history));
  g_assert_true (iap_workshop_get_modified (w));
}

static void
test_participants_cascade (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  IapParticipant *p;
  IapRisk *r;
  IapRound *round;

  p = iap_workshop_add_participant (w, "ngo", "Leila", "NGO Forum");
  g_object_ref (p);
  r = iap_workshop_add_risk (w, "co-location", "access", "Compound");
  round = iap_workshop_add_round (w, "private");
  iap_workshop_set_rating (w, round, "p1", "r1", 3, 4);
  iap_workshop_set_factor_rating (w, round, "p1", "workload", "ersg", 2);
  iap_workshop_add_dissent (w, "p1", "risk", "r1", "No");
  g_assert_cmpuint (n_items (iap_round_get_ratings (round)), ==, 1);

  iap_workshop_remove_participant (w, p);
  g_assert_cmpuint (n_items (iap_workshop_get_participants (w)), ==, 0);
  g_assert_cmpuint (n_items (iap_round_get_ratings (round)), ==, 0);
  g_assert_cmpuint (n_items (iap_round_get_factor_ratings (round)), ==, 0);
  g_assert_cmpuint (n_items (iap_workshop_get_dissents (w)), ==, 0);
  g_assert_cmpstr (iap_history_get_undo_label (iap_workshop_get_history (w)), ==, "Remove Participant");

  undo (w);
  g_assert_true (iap_workshop_find_participant (w, "p1") == p);
  g_assert_cmpuint (n_items (iap_round_get_ratings (round)), ==, 1);
  g_assert_cmpuint (n_items (iap_round_get_factor_ratings (round)), ==, 1);
  g_assert_cmpuint (n_items (iap_workshop_get_dissents (w)), ==, 1);
  g_assert_nonnull (r);
  g_object_unref (p);
}

static void
test_risks_cascade (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  IapRisk *r1, *r2;
  IapMitigation *m;
  IapRound *round;

  iap_workshop_add_participant (w, "humanitarian", "A", "OCHA");
  r1 = iap_workshop_add_risk (w, "co-location", "access", "One");
  r2 = iap_workshop_add_risk (w, "un-logo", "perception", "Two");
  round = iap_workshop_add_round (w, "private");
  iap_workshop_set_rating (w, round, "p1", "r1", 2, 2);
  iap_workshop_set_rating (w, round, "p1", "r2", 3, 3);
  m = iap_workshop_add_mitigation (w, "do-no-harm", "Train");
  iap_workshop_set (w, m, "risks", (const char *[]) { "r1", "r2", NULL }, NULL);
  iap_workshop_add_dissent (w, "p1", "risk", "r1", "No");

  iap_workshop_remove_risk (w, r1);
  g_assert_null (iap_workshop_find_risk (w, "r1"));
  g_assert_true (g_strv_equal (iap_mitigation_get_risks (m), (const char *[]) { "r2", NULL }));
  g_assert_cmpuint (n_items (iap_round_get_ratings (round)), ==, 1);
  g_assert_cmpuint (n_items (iap_workshop_get_dissents (w)), ==, 0);

  undo (w);
  g_assert_nonnull (iap_workshop_find_risk (w, "r1"));
  g_assert_true (g_strv_equal (iap_mitigation_get_risks (m), (const char *[]) { "r1", "r2", NULL }));
  g_assert_cmpuint (n_items (iap_round_get_ratings (round)), ==, 2);
  g_assert_cmpuint (n_items (iap_workshop_get_dissents (w)), ==, 1);
  g_assert_nonnull (r2);

  /* Adding is undone too, and the next id is not reused while redo could bring it back. */
  undo (w);
  g_assert_cmpuint (n_items (iap_workshop_get_dissents (w)), ==, 0);
}

static void
test_ratings (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  IapRound *round = iap_workshop_add_round (w, "ballot");
  IapRating *rating;

  iap_workshop_add_participant (w, "political", "B", "DPPA");
  iap_workshop_add_risk (w, "co-location", "access", "One");

  iap_workshop_set_rating (w, round, "p1", "r1", 2, 3);
  iap_workshop_set_rating (w, round, "p1", "r1", 4, 5);
  rating = iap_round_find_rating (round, "p1", "r1");
  g_assert_cmpuint (iap_rating_get_likelihood (rating), ==, 4);
  undo (w);
  g_assert_cmpuint (iap_rating_get_likelihood (rating), ==, 2);
  g_assert_cmpuint (iap_rating_get_impact (rating), ==, 3);

  iap_workshop_set_rating (w, round, "p1", "r1", 0, 0);
  g_assert_null (iap_round_find_rating (round, "p1", "r1"));
  undo (w);
  g_assert_nonnull (iap_round_find_rating (round, "p1", "r1"));
  undo (w);
  g_assert_null (iap_round_find_rating (round, "p1", "r1"));

  iap_workshop_set (w, iap_workshop_find_risk (w, "r1"), "inherent-likelihood", 3, "inherent-impact", 2, NULL);
  undo (w);
  g_assert_cmpuint (iap_risk_get_inherent_likelihood (iap_workshop_find_risk (w, "r1")), ==, 0);
}

static void
test_context_and_factors (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  IapFactorScore *score;
  guint value;

  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "permissive");
  iap_workshop_set_indicator (w, "combat-operations", "yes", "FLT offensive");
  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "elevated");
  iap_workshop_set_indicator (w, "neutrality-questioned", "yes", NULL);
  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "high-risk");
  iap_workshop_set_indicator (w, "combat-operations", "no", NULL);
  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "elevated");
  undo (w);
  g_assert_cmpstr (iap_indicator_answer_get_answer (iap_workshop_find_indicator (w, "combat-operations")), ==, "yes");
  g_assert_cmpstr (iap_indicator_answer_get_note (iap_workshop_find_indicator (w, "combat-operations")), ==, "FLT offensive");
  undo (w);
  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "elevated");
  undo (w);
  g_assert_null (iap_workshop_find_indicator (w, "combat-operations"));
  redo (w);

  /* A special political mission lowers the level, unless there is combat. */
  iap_workshop_set_indicator (w, "robust-mandate", "yes", NULL);
  iap_workshop_set_indicator (w, "support-to-government", "yes", NULL);
  iap_workshop_set_indicator (w, "combat-operations", "no", NULL);
  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "elevated");
  iap_workshop_set (w, w, "mission-type", "special-political", NULL);
  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "permissive");
  undo (w);
  iap_workshop_set (w, w, "environment-override", "permissive", "override-justification", "Why", NULL);
  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "permissive");
  undo (w);

  iap_workshop_set_factor_weight (w, "workload", 4);
  iap_workshop_set_factor_score (w, "workload", "triple-hatted", 4);
  iap_workshop_set_factor_score (w, "workload", "no-structural", 0);
  score = iap_workshop_find_factor_score (w, "workload");
  g_assert_true (iap_factor_score_lookup (score, "no-structural", &value));
  g_assert_cmpuint (value, ==, 0);
  undo (w);
  g_assert_false (iap_factor_score_lookup (score, "no-structural", NULL));
  iap_workshop_set_factor_score (w, "workload", "triple-hatted", -1);
  g_assert_false (iap_factor_score_lookup (score, "triple-hatted", NULL));
  undo (w);
  g_assert_true (iap_factor_score_lookup (score, "triple-hatted", &value));
  g_assert_cmpuint (value, ==, 4);
  undo (w);
  undo (w);
  g_assert_null (iap_workshop_find_factor_score (w, "workload"));
}

static void
test_custom_entries (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  g_autoptr(GError) error = NULL;
  IapCatalog *catalog = iap_workshop_get_catalog (w);
  guint n = n_items (iap_catalog_get_entries (catalog, "arrangement"));
  IapCatalogEntry *entry;
  IapRisk *risk;

  entry = iap_workshop_add_custom_entry (w, "arrangement", "Joint patrols", "Police and agencies");
  g_assert_cmpstr (iap_catalog_entry_get_id (entry), ==, "x-arrangement-1");
  g_assert_cmpuint (n_items (iap_catalog_get_entries (catalog, "arrangement")), ==, n + 1);
  g_assert_true (iap_catalog_lookup (catalog, "arrangement", "x-arrangement-1") == entry);

  risk = iap_workshop_add_risk (w, "x-arrangement-1", "access", "Patrols");
  g_assert_false (iap_workshop_remove_custom_entry (w, entry, &error));
  g_assert_error (error, IAP_WORKSHOP_ERROR, IAP_WORKSHOP_ERROR_IN_USE);
  iap_workshop_remove_risk (w, risk);
  g_assert_true (iap_workshop_remove_custom_entry (w, entry, NULL));
  g_assert_cmpuint (n_items (iap_catalog_get_entries (catalog, "arrangement")), ==, n);
  undo (w);
  g_assert_cmpuint (n_items (iap_catalog_get_entries (catalog, "arrangement")), ==, n + 1);

  iap_workshop_set (w, entry, "label", "Joint police patrols", NULL);
  g_assert_cmpstr (iap_catalog_entry_get_label (entry), ==, "Joint police patrols");
  undo (w);
  g_assert_cmpstr (iap_catalog_entry_get_label (entry), ==, "Joint patrols");
}

static void
test_resize_scales (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  g_autoptr(GError) error = NULL;
  IapScales *scales = iap_workshop_get_scales (w);
  g_autoptr(IapScaleLevel) level = NULL;
  IapRisk *risk;

  g_assert_true (iap_workshop_resize_scales (w, 3, 4, &error));
  g_assert_cmpuint (iap_scales_get_n_likelihood (scales), ==, 3);
  g_assert_cmpuint (iap_scales_get_n_impact (scales), ==, 4);
  g_assert_cmpint (iap_scales_get_band (scales, 3, 4), ==, IAP_BAND_CRITICAL);
  undo (w);
  g_assert_cmpuint (iap_scales_get_n_likelihood (scales), ==, 5);
  g_assert_cmpuint (g_variant_n_children (iap_scales_get_bands (scales)), ==, 25);
  level = g_list_model_get_item (iap_scales_get_likelihood (scales), 4);
  g_assert_cmpstr (iap_scale_level_get_label (level), ==, "Almost certain");
  redo (w);
  g_assert_true (iap_workshop_resize_scales (w, 6, 6, NULL));
  g_assert_cmpuint (g_variant_n_children (iap_scales_get_bands (scales)), ==, 36);

  risk = iap_workshop_add_risk (w, "co-location", "access", "Big");
  iap_workshop_set (w, risk, "inherent-likelihood", 6, "inherent-impact", 6, NULL);
  g_assert_false (iap_workshop_resize_scales (w, 5, 5, &error));
  g_assert_error (error, IAP_WORKSHOP_ERROR, IAP_WORKSHOP_ERROR_OUT_OF_RANGE);
}

static void
test_mitigations_and_groups (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  IapHistory *history = iap_workshop_get_history (w);
  IapMitigation *m;

  m = iap_workshop_add_mitigation (w, "separate-support", "Move out");
  iap_workshop_begin_edit (w, "Plan Mitigation");
  iap_workshop_set (w, m, "status", "in-progress", NULL);
  iap_workshop_set (w, m, "owner", "Amara", "due", "2026-06-30", NULL);
  iap_workshop_end_edit (w);
  g_assert_cmpstr (iap_history_get_undo_label (history), ==, "Plan Mitigation");

  undo (w);
  g_assert_cmpstr (iap_mitigation_get_status (m), ==, "planned");
  g_assert_cmpstr (iap_mitigation_get_owner (m), ==, "");
  redo (w);
  g_assert_cmpstr (iap_mitigation_get_due (m), ==, "2026-06-30");

  g_object_ref (m);
  iap_workshop_remove_mitigation (w, m);
  g_assert_cmpuint (n_items (iap_workshop_get_mitigations (w)), ==, 0);
  undo (w);
  g_assert_true (iap_workshop_find_mitigation (w, "m1") == m);
  g_object_unref (m);

  /* Generic list edits, as a later page would make them. */
  iap_workshop_remove (w, iap_workshop_get_mitigations (w), 0);
  undo (w);
  g_assert_cmpuint (n_items (iap_workshop_get_mitigations (w)), ==, 1);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_notifications (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  guint can_undo = 0, modified = 0, title = 0;

  g_signal_connect (iap_workshop_get_history (w), "notify::can-undo", G_CALLBACK (on_notify), &can_undo);
  g_signal_connect (iap_workshop_get_history (w), "notify::modified", G_CALLBACK (on_notify), &modified);
  g_signal_connect (w, "notify::title", G_CALLBACK (on_notify), &title);

  iap_workshop_set (w, w, "title", "A", NULL);
  iap_workshop_set (w, w, "title", "B", NULL);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (modified, ==, 1);
  g_assert_cmpuint (title, ==, 2);
  undo (w);
  undo (w);
  g_assert_cmpuint (can_undo, ==, 2);
  g_assert_cmpuint (modified, ==, 2);
  g_assert_cmpuint (title, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/set-property", test_set_property);
  g_test_add_func ("/history/set-strv-and-variant", test_set_strv_and_variant);
  g_test_add_func ("/history/typing-merges", test_typing_merges);
  g_test_add_func ("/history/save-point", test_save_point);
  g_test_add_func ("/history/participants-cascade", test_participants_cascade);
  g_test_add_func ("/history/risks-cascade", test_risks_cascade);
  g_test_add_func ("/history/ratings", test_ratings);
  g_test_add_func ("/history/context-and-factors", test_context_and_factors);
  g_test_add_func ("/history/custom-entries", test_custom_entries);
  g_test_add_func ("/history/resize-scales", test_resize_scales);
  g_test_add_func ("/history/mitigations-and-groups", test_mitigations_and_groups);
  g_test_add_func ("/history/notifications", test_notifications);

  return g_test_run ();
}
