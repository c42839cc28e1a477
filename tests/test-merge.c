/* test-merge.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-comparison.h"
#include "iap-merge.h"
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

static guint
n_items (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

static IapConflict *
conflict_at (IapMergeSource *source,
             guint           position)
{
  g_autoptr(IapConflict) conflict = g_list_model_get_item (iap_merge_source_get_conflicts (source), position);

  return conflict;
}

static void
dump (IapMergeSource *source)
{
  GListModel *additions = iap_merge_source_get_additions (source);
  GListModel *conflicts = iap_merge_source_get_conflicts (source);

  for (guint i = 0; i < n_items (additions); i++)
    {
      g_autoptr(IapChange) change = g_list_model_get_item (additions, i);
      g_autofree char *text = iap_change_dup_text (change);

      g_test_message ("%s adds %s", iap_merge_source_get_name (source), text);
    }
  for (guint i = 0; i < n_items (conflicts); i++)
    {
      IapConflict *conflict = conflict_at (source, i);

      g_test_message ("%s conflicts: %s: %s", iap_merge_source_get_name (source),
                      iap_conflict_get_heading (conflict), iap_conflict_get_description (conflict));
    }
}

static void
assert_same (IapWorkshop *a,
             IapWorkshop *b)
{
  g_autoptr(IapComparison) comparison = iap_comparison_new (a, b);
  g_autofree char *summary = iap_comparison_dup_summary (comparison);

  g_assert_cmpstr (summary, ==, "No changes");
}

static void
test_same (void)
{
  g_autoptr(IapWorkshop) ours = load_example ();
  g_autoptr(IapWorkshop) theirs = load_example ();
  g_autoptr(IapWorkshop) before = load_example ();
  g_autoptr(IapMerge) merge = iap_merge_new (ours);
  g_autoptr(GError) error = NULL;
  IapMergeSource *source;
  g_autofree char *summary = NULL;

  source = iap_merge_add_source (merge, theirs, "Copy");
  dump (source);
  g_assert_cmpuint (n_items (iap_merge_source_get_additions (source)), ==, 0);
  g_assert_cmpuint (n_items (iap_merge_source_get_conflicts (source)), ==, 0);
  summary = iap_merge_source_dup_summary (source);
  g_assert_cmpstr (summary, ==, "Nothing to add");
  g_assert_true (iap_merge_apply (merge, &error));
  g_assert_no_error (error);
  assert_same (before, ours);
  g_assert_false (iap_merge_apply (merge, &error));
  g_assert_error (error, IAP_MERGE_ERROR, IAP_MERGE_ERROR_DONE);
}

/* Three field offices' copies of the example, each with its own edits */
static void
test_field_offices (void)
{
  g_autoptr(IapWorkshop) ours = load_example ();
  g_autoptr(IapWorkshop) before = load_example ();
  g_autoptr(IapWorkshop) ebe = load_example ();
  g_autoptr(IapWorkshop) tanaro = load_example ();
  g_autoptr(IapWorkshop) makori = load_example ();
  g_autoptr(IapMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  IapMergeSource *s_ebe, *s_tanaro, *s_makori;
  IapRisk *risk, *added;
  IapMitigation *m;
  const char *links[] = { NULL, "r3", NULL };
  guint n_risks = n_items (iap_workshop_get_risks (ours));
  guint n_mitigations = n_items (iap_workshop_get_mitigations (ours));
  guint n_participants = n_items (iap_workshop_get_participants (ours));

  /* Ebe: a new risk with its measure, and the residual rating of r3 */
  risk = iap_workshop_add_risk (ebe, "mission-assets", "staff-security", "Helicopter landing sites draw fire in Ebe");
  iap_workshop_set (ebe, risk, "inherent-likelihood", 3, "inherent-impact", 5, NULL);
  m = iap_workshop_add_mitigation (ebe, "last-resort-assets", "Civilian helicopters for Ebe deliveries");
  links[0] = iap_risk_get_id (risk);
  iap_workshop_set (ebe, m, "risks", links, "owner", "Yusuf Abdi", "owner-entity", "WFP", NULL);
  iap_workshop_set (ebe, iap_workshop_find_risk (ebe, "r3"),
                    "residual-likelihood", 3, "residual-impact", 3, NULL);

  /* Tanaro: r1 rated differently, m1 owned by someone else, a participant */
  iap_workshop_set (tanaro, iap_workshop_find_risk (tanaro, "r1"),
                    "inherent-likelihood", 5, "inherent-impact", 4, NULL);
  iap_workshop_set (tanaro, iap_workshop_find_mitigation (tanaro, "m1"),
                    "owner", "Sofía Lindqvist", "owner-entity", "UNICEF", NULL);
  iap_workshop_add_participant (tanaro, "ngo", "Lena Fischer", "NRC");

  /* Makori: the same new risk as Ebe in other words, and another
   * residual rating for r3 */
  risk = iap_workshop_add_risk (makori, "mission-assets", "staff-security", "Helicopter landing sites draw fire at Ebe");
  iap_workshop_set (makori, risk, "inherent-likelihood", 3, "inherent-impact", 5, NULL);
  iap_workshop_set (makori, iap_workshop_find_risk (makori, "r3"),
                    "residual-likelihood", 2, "residual-impact", 3, NULL);

  merge = iap_merge_new (ours);
  s_ebe = iap_merge_add_source (merge, ebe, "Ebe field office");
  s_tanaro = iap_merge_add_source (merge, tanaro, "Tanaro field office");
  s_makori = iap_merge_add_source (merge, makori, "Makori field office");
  dump (s_ebe);
  dump (s_tanaro);
  dump (s_makori);

  /* Ebe adds: the risk, the measure, r3's residual rating */
  g_assert_cmpuint (n_items (iap_merge_source_get_additions (s_ebe)), ==, 3);
  g_assert_cmpuint (n_items (iap_merge_source_get_conflicts (s_ebe)), ==, 0);

  /* Tanaro: the participant; r1 and m1 conflict */
  g_assert_cmpuint (n_items (iap_merge_source_get_additions (s_tanaro)), ==, 1);
  g_assert_cmpuint (n_items (iap_merge_source_get_conflicts (s_tanaro)), ==, 2);
  g_assert_cmpstr (iap_conflict_get_subject (conflict_at (s_tanaro, 0)), ==, "risk");
  g_assert_cmpstr (iap_conflict_get_id (conflict_at (s_tanaro, 0)), ==, "r1");
  g_assert_cmpstr (iap_conflict_get_description (conflict_at (s_tanaro, 0)), ==,
                   "Inherent rating: High (4×4) here, Critical (5×4) in “Tanaro field office”");
  g_assert_true (iap_conflict_get_can_keep_both (conflict_at (s_tanaro, 0)));
  g_assert_cmpstr (iap_conflict_get_subject (conflict_at (s_tanaro, 1)), ==, "mitigation");

  /* Makori conflicts with what Ebe adds: r3's residual rating, and the
   * new risk's title */
  g_assert_cmpuint (n_items (iap_merge_source_get_additions (s_makori)), ==, 0);
  g_assert_cmpuint (n_items (iap_merge_source_get_conflicts (s_makori)), ==, 2);
  g_assert_cmpstr (iap_conflict_get_description (conflict_at (s_makori, 0)), ==,
                   "Residual rating: Medium (3×3) from “Ebe field office”, Medium (2×3) in “Makori field office”");
  g_assert_cmpuint (iap_merge_get_n_unresolved (merge), ==, 4);

  g_assert_false (iap_merge_apply (merge, &error));
  g_assert_error (error, IAP_MERGE_ERROR, IAP_MERGE_ERROR_UNRESOLVED);
  g_assert_nonnull (strstr (error->message, "Tanaro field office: R1: Shared compound in Makori"));
  g_clear_error (&error);
  assert_same (before, ours);

  /* Theirs for r1, ours for m1; Makori's risk is another one, its r3
   * rating not taken */
  iap_conflict_set_resolution (conflict_at (s_tanaro, 0), IAP_RESOLUTION_THEIRS);
  iap_conflict_set_resolution (conflict_at (s_tanaro, 1), IAP_RESOLUTION_OURS);
  for (guint i = 0; i < 2; i++)
    {
      IapConflict *conflict = conflict_at (s_makori, i);

      iap_conflict_set_resolution (conflict, g_str_equal (iap_conflict_get_subject (conflict), "risk") &&
                                             g_strcmp0 (iap_conflict_get_id (conflict), "r3") != 0
                                             ? IAP_RESOLUTION_BOTH : IAP_RESOLUTION_OURS);
    }
  g_assert_cmpuint (iap_merge_get_n_unresolved (merge), ==, 0);
  g_assert_true (iap_merge_apply (merge, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_items (iap_workshop_get_risks (ours)), ==, n_risks + 2);
  g_assert_cmpuint (n_items (iap_workshop_get_mitigations (ours)), ==, n_mitigations + 1);
  g_assert_cmpuint (n_items (iap_workshop_get_participants (ours)), ==, n_participants + 1);
  g_assert_cmpuint (iap_risk_get_inherent_likelihood (iap_workshop_find_risk (ours, "r1")), ==, 5);
  g_assert_cmpstr (iap_mitigation_get_owner (iap_workshop_find_mitigation (ours, "m1")), ==, "Amara Diallo");
  g_assert_cmpuint (iap_risk_get_residual_likelihood (iap_workshop_find_risk (ours, "r3")), ==, 3);

  /* Each merged risk and measure remembers where it came from, and the
   * measure treats the risk as merged */
  added = g_list_model_get_item (iap_workshop_get_risks (ours), n_risks);
  g_assert_cmpstr (iap_risk_get_source (added), ==, "Ebe field office");
  m = g_list_model_get_item (iap_workshop_get_mitigations (ours), n_mitigations);
  g_assert_cmpstr (iap_mitigation_get_source (m), ==, "Ebe field office");
  g_assert_cmpstr (iap_mitigation_get_risks (m)[0], ==, iap_risk_get_id (added));
  g_assert_cmpstr (iap_mitigation_get_risks (m)[1], ==, "r3");
  g_object_unref (m);
  g_object_unref (added);
  added = g_list_model_get_item (iap_workshop_get_risks (ours), n_risks + 1);
  g_assert_cmpstr (iap_risk_get_source (added), ==, "Makori field office");
  g_assert_cmpstr (iap_risk_get_title (added), ==, "Helicopter landing sites draw fire at Ebe");
  g_object_unref (added);
  g_assert_cmpstr (iap_risk_get_source (iap_workshop_find_risk (ours, "r1")), ==, "");

  /* One edit, one Undo */
  g_assert_true (iap_workshop_undo (ours));
  assert_same (before, ours);
  g_assert_true (iap_workshop_redo (ours));
  g_assert_cmpuint (n_items (iap_workshop_get_risks (ours)), ==, n_risks + 2);
}

static void
test_take_all (void)
{
  g_autoptr(IapWorkshop) ours = load_example ();
  g_autoptr(IapWorkshop) theirs = load_example ();
  g_autoptr(IapMerge) merge = iap_merge_new (ours);
  g_autoptr(GError) error = NULL;

  iap_workshop_set (theirs, iap_workshop_find_risk (theirs, "r2"), "title", "Escorts draw attacks", NULL);
  iap_workshop_set (theirs, theirs, "recommendation", "no-structural", "rationale", "Keep apart.", NULL);
  iap_workshop_set_indicator (theirs, "offensive-force", "yes", "Reports of a new brigade.");
  iap_workshop_set_factor_weight (theirs, "influence", 1);
  iap_merge_add_source (merge, theirs, "Review");
  g_assert_cmpuint (iap_merge_get_n_unresolved (merge), ==, 4);

  iap_merge_resolve_all (merge, IAP_RESOLUTION_THEIRS);
  g_assert_true (iap_merge_apply (merge, &error));
  g_assert_no_error (error);
  assert_same (theirs, ours);
}

/* A file made apart, on a 4×4 matrix, with an arrangement of its own */
static void
test_made_apart (void)
{
  g_autoptr(IapWorkshop) ours = load_example ();
  g_autoptr(IapWorkshop) theirs = iap_workshop_new ();
  g_autoptr(IapWorkshop) again = iap_workshop_new ();
  g_autoptr(IapMerge) merge = iap_merge_new (ours);
  g_autoptr(GError) error = NULL;
  IapCatalogEntry *entry;
  IapRisk *risk;
  g_autoptr(IapRisk) added = NULL;
  guint n_risks = n_items (iap_workshop_get_risks (ours));
  guint n_custom = n_items (iap_catalog_get_custom (iap_workshop_get_catalog (ours)));

  g_assert_true (iap_workshop_resize_scales (theirs, 4, 4, NULL));
  entry = iap_workshop_add_custom_entry (theirs, "arrangement", "Joint patrols", "Police patrols with agency staff");
  risk = iap_workshop_add_risk (theirs, iap_catalog_entry_get_id (entry), "perception", "Patrols seen as escorts");
  iap_workshop_set (theirs, risk, "inherent-likelihood", 4, "inherent-impact", 4, NULL);
  entry = iap_workshop_add_custom_entry (again, "arrangement", "Joint patrols", "Same idea, other file");
  iap_workshop_add_risk (again, iap_catalog_entry_get_id (entry), "access", "Patrols close roads");

  dump (iap_merge_add_source (merge, theirs, "Kivu review"));
  dump (iap_merge_add_source (merge, again, "Second review"));
  g_assert_cmpuint (iap_merge_get_n_conflicts (merge), ==, 0);
  g_assert_true (iap_merge_apply (merge, &error));
  g_assert_no_error (error);

  /* Their r1 is not our r1: added under another id */
  g_assert_cmpuint (n_items (iap_workshop_get_risks (ours)), ==, n_risks + 2);
  added = g_list_model_get_item (iap_workshop_get_risks (ours), n_risks);
  g_assert_cmpstr (iap_risk_get_id (added), !=, "r1");
  /* One entry for the two files' "Joint patrols" */
  g_assert_cmpuint (n_items (iap_catalog_get_custom (iap_workshop_get_catalog (ours))), ==, n_custom + 1);
  entry = iap_catalog_lookup (iap_workshop_get_catalog (ours), "arrangement", iap_risk_get_arrangement (added));
  g_assert_nonnull (entry);
  g_assert_cmpstr (iap_catalog_entry_get_label (entry), ==, "Joint patrols");
  /* 4 of 4 is 5 of 5 */
  g_assert_cmpuint (iap_risk_get_inherent_likelihood (added), ==, 5);
  g_assert_cmpuint (iap_risk_get_inherent_impact (added), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/same", test_same);
  g_test_add_func ("/merge/field-offices", test_field_offices);
  g_test_add_func ("/merge/take-all", test_take_all);
  g_test_add_func ("/merge/made-apart", test_made_apart);

  return g_test_run ();
}
