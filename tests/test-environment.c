/* test-environment.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-environment.h"
#include "iap-workshop.h"

/*
 * Every branch of the classification rule of the domain brief, the
 * special political mission, the override and the Unknown answers; and
 * the applicability of integration policy.
 */

/* @answers: "id=answer" pairs */
static IapEnvironment *
classify (const char         *mission_type,
          const char * const *answers,
          const char         *override,
          const char         *justification)
{
  IapCatalog *catalog = iap_catalog_get_default ();
  g_autoptr(GListStore) store = g_list_store_new (IAP_TYPE_INDICATOR_ANSWER);

  for (guint i = 0; answers != NULL && answers[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (answers[i], "=", 2);
      g_autoptr(IapIndicatorAnswer) answer = iap_indicator_answer_new (pair[0]);

      g_object_set (answer, "answer", pair[1], NULL);
      g_list_store_append (store, answer);
    }

  return iap_environment_compute (iap_catalog_get_entries (catalog, IAP_CATALOG_INDICATOR),
                                  G_LIST_MODEL (store), mission_type, override, justification);
}

#define ANSWERS(...) ((const char * const[]) { __VA_ARGS__, NULL })

static void
assert_strv (char       **strv,
             const char  *joined)
{
  g_autofree char *text = g_strjoinv (",", strv);

  g_assert_cmpstr (text, ==, joined);
}

static void
test_permissive (void)
{
  g_autoptr(IapEnvironment) none = classify ("peacekeeping", NULL, NULL, NULL);
  g_autoptr(IapEnvironment) one_tension = classify ("peacekeeping", ANSWERS ("robust-mandate=yes", "combat-operations=no"), "", "");

  g_assert_cmpint (none->computed, ==, IAP_ENVIRONMENT_PERMISSIVE);
  g_assert_cmpint (none->classification, ==, IAP_ENVIRONMENT_PERMISSIVE);
  g_assert_false (none->overridden);
  assert_strv (none->reasons, "");
  g_assert_cmpuint (g_strv_length (none->unanswered), ==, 9);

  /* One tension point alone is not enough. */
  g_assert_cmpint (one_tension->computed, ==, IAP_ENVIRONMENT_PERMISSIVE);
  assert_strv (one_tension->reasons, "");
  g_assert_cmpuint (g_strv_length (one_tension->unanswered), ==, 7);
}

static void
test_high_risk (void)
{
  g_autoptr(IapEnvironment) combat = classify ("peacekeeping", ANSWERS ("combat-operations=yes", "neutrality-questioned=yes", "robust-mandate=yes"), NULL, NULL);
  g_autoptr(IapEnvironment) party = classify ("peacekeeping", ANSWERS ("neutrality-questioned=yes", "perceived-party=yes"), NULL, NULL);
  g_autoptr(IapEnvironment) no_questioning = classify ("peacekeeping", ANSWERS ("combat-operations=yes", "perceived-party=yes", "neutrality-questioned=no"), NULL, NULL);
  g_autofree char *summary = NULL;

  g_assert_cmpint (combat->computed, ==, IAP_ENVIRONMENT_HIGH_RISK);
  assert_strv (combat->reasons, "combat-operations,neutrality-questioned");
  summary = iap_environment_dup_summary (combat, iap_catalog_get_default ());
  g_assert_true (g_str_has_prefix (summary, "High-risk: Combat operations; "));

  g_assert_cmpint (party->computed, ==, IAP_ENVIRONMENT_HIGH_RISK);
  assert_strv (party->reasons, "perceived-party,neutrality-questioned");

  /* Combat without questioned neutrality is elevated, not high-risk. */
  g_assert_cmpint (no_questioning->computed, ==, IAP_ENVIRONMENT_ELEVATED);
  assert_strv (no_questioning->reasons, "combat-operations,perceived-party");
}

static void
test_elevated (void)
{
  g_autoptr(IapEnvironment) questioned = classify ("peacekeeping", ANSWERS ("neutrality-questioned=yes"), NULL, NULL);
  g_autoptr(IapEnvironment) tensions = classify ("peacekeeping", ANSWERS ("robust-mandate=yes", "non-state-armed-actors=yes", "offensive-force=no"), NULL, NULL);
  g_autoptr(IapEnvironment) both = classify ("", ANSWERS ("perceived-party=yes", "robust-mandate=yes", "offensive-force=yes"), NULL, NULL);

  g_assert_cmpint (questioned->computed, ==, IAP_ENVIRONMENT_ELEVATED);
  assert_strv (questioned->reasons, "neutrality-questioned");
  g_assert_cmpint (tensions->computed, ==, IAP_ENVIRONMENT_ELEVATED);
  assert_strv (tensions->reasons, "robust-mandate,non-state-armed-actors");
  g_assert_cmpint (both->computed, ==, IAP_ENVIRONMENT_ELEVATED);
  assert_strv (both->reasons, "perceived-party,robust-mandate,offensive-force");
}

static void
test_special_political (void)
{
  /* Without combat, a special political mission lowers by one level... */
  g_autoptr(IapEnvironment) high = classify ("special-political", ANSWERS ("perceived-party=yes", "neutrality-questioned=yes"), NULL, NULL);
  g_autoptr(IapEnvironment) elevated = classify ("special-political", ANSWERS ("robust-mandate=yes", "support-to-government=yes"), NULL, NULL);
  g_autoptr(IapEnvironment) permissive = classify ("special-political", ANSWERS ("robust-mandate=yes"), NULL, NULL);
  /* ...but not when combat operations hold. */
  g_autoptr(IapEnvironment) combat = classify ("special-political", ANSWERS ("combat-operations=yes", "neutrality-questioned=yes"), NULL, NULL);
  g_autoptr(IapEnvironment) combat_only = classify ("special-political", ANSWERS ("combat-operations=yes"), NULL, NULL);
  g_autofree char *summary = NULL;

  g_assert_cmpint (high->computed, ==, IAP_ENVIRONMENT_ELEVATED);
  g_assert_true (high->lowered);
  assert_strv (high->reasons, "perceived-party,neutrality-questioned");
  g_assert_cmpint (elevated->computed, ==, IAP_ENVIRONMENT_PERMISSIVE);
  g_assert_true (elevated->lowered);
  summary = iap_environment_dup_summary (elevated, iap_catalog_get_default ());
  g_assert_nonnull (strstr (summary, "special political mission"));
  g_assert_cmpint (permissive->computed, ==, IAP_ENVIRONMENT_PERMISSIVE);
  g_assert_false (permissive->lowered);
  g_assert_cmpint (combat->computed, ==, IAP_ENVIRONMENT_HIGH_RISK);
  g_assert_false (combat->lowered);
  g_assert_cmpint (combat_only->computed, ==, IAP_ENVIRONMENT_ELEVATED);
  g_assert_false (combat_only->lowered);
}

static void
test_unknown (void)
{
  g_autoptr(IapEnvironment) env = classify ("peacekeeping", ANSWERS ("combat-operations=yes", "neutrality-questioned=unknown", "robust-mandate=unknown"), NULL, NULL);
  g_autoptr(IapEnvironment) settled = classify ("peacekeeping", ANSWERS ("offensive-force=unknown"), NULL, NULL);

  /* Computed from the Yes answers; the Unknown ones are open questions,
   * and what they could make of it is said. */
  g_assert_cmpint (env->computed, ==, IAP_ENVIRONMENT_ELEVATED);
  assert_strv (env->reasons, "combat-operations");
  assert_strv (env->unknown, "neutrality-questioned,robust-mandate");
  g_assert_cmpint (env->potential, ==, IAP_ENVIRONMENT_HIGH_RISK);
  g_assert_false (g_strv_contains ((const char * const *)env->unanswered, "neutrality-questioned"));

  g_assert_cmpint (settled->computed, ==, IAP_ENVIRONMENT_PERMISSIVE);
  g_assert_cmpint (settled->potential, ==, IAP_ENVIRONMENT_PERMISSIVE);
  assert_strv (settled->unknown, "offensive-force");
}

/* The one-line summary says every answer the level does not show: a
 * workshop with every indicator Unknown is not simply "Permissive" */
static void
test_summary (void)
{
  IapCatalog *catalog = iap_catalog_get_default ();
  g_autoptr(IapEnvironment) unknown = classify ("peacekeeping",
    ANSWERS ("combat-operations=unknown", "perceived-party=unknown", "neutrality-questioned=unknown",
             "robust-mandate=unknown", "offensive-force=unknown", "support-to-government=unknown",
             "poc-military-action=unknown", "mission-humanitarian-support=unknown",
             "non-state-armed-actors=unknown"), NULL, NULL);
  g_autoptr(IapEnvironment) one_tension = classify ("peacekeeping", ANSWERS ("robust-mandate=yes"), NULL, NULL);
  g_autoptr(IapEnvironment) high = classify ("peacekeeping", ANSWERS ("combat-operations=yes", "neutrality-questioned=yes",
                                                                      "robust-mandate=yes", "offensive-force=yes"), NULL, NULL);
  g_autofree char *text_unknown = iap_environment_dup_summary (unknown, catalog);
  g_autofree char *text_one = iap_environment_dup_summary (one_tension, catalog);
  g_autofree char *text_high = iap_environment_dup_summary (high, catalog);

  g_assert_cmpint (unknown->computed, ==, IAP_ENVIRONMENT_PERMISSIVE);
  g_assert_cmpint (unknown->potential, ==, IAP_ENVIRONMENT_HIGH_RISK);
  g_assert_true (g_str_has_prefix (text_unknown, "Permissive. Unknown: Combat operations; "));
  g_assert_true (g_str_has_suffix (text_unknown, "confirmed, they would make the computed level High-risk."));

  /* A single tension point answered Yes does not raise the level, and is
   * said rather than hidden */
  assert_strv (one_tension->reasons, "");
  assert_strv (one_tension->also_yes, "robust-mandate");
  g_assert_nonnull (strstr (text_one, "Permissive. Also answered Yes, without changing the level: "));
  g_assert_true (g_str_has_suffix (text_one, " 8 indicators are not answered yet."));

  /* Tension points beside a high-risk level are not among its reasons */
  assert_strv (high->reasons, "combat-operations,neutrality-questioned");
  assert_strv (high->also_yes, "robust-mandate,offensive-force");
  g_assert_true (g_str_has_prefix (text_high, "High-risk: Combat operations; "));
  g_assert_nonnull (strstr (text_high, "Also answered Yes"));
}

static void
test_override (void)
{
  const char * const *answers = ANSWERS ("combat-operations=yes", "neutrality-questioned=yes");
  g_autoptr(IapEnvironment) overridden = classify ("peacekeeping", answers, "elevated", "Combat ended last week");
  g_autoptr(IapEnvironment) unjustified = classify ("peacekeeping", answers, "elevated", "  ");
  g_autoptr(IapEnvironment) invalid = classify ("peacekeeping", answers, "calm", "Because");
  g_autoptr(IapEnvironment) nbsp = classify ("peacekeeping", answers, "elevated", "\u00a0\u3000\u200b");
  g_autoptr(IapEnvironment) copy = NULL;
  g_autofree char *summary = NULL;

  g_assert_true (overridden->overridden);
  g_assert_cmpint (overridden->classification, ==, IAP_ENVIRONMENT_ELEVATED);
  g_assert_cmpint (overridden->computed, ==, IAP_ENVIRONMENT_HIGH_RISK);
  g_assert_cmpstr (overridden->justification, ==, "Combat ended last week");
  summary = iap_environment_dup_summary (overridden, iap_catalog_get_default ());
  g_assert_nonnull (strstr (summary, "overridden"));
  g_assert_nonnull (strstr (summary, "Combat ended last week"));

  /* The justification is required: without one the override is ignored. */
  g_assert_false (unjustified->overridden);
  g_assert_cmpint (unjustified->classification, ==, IAP_ENVIRONMENT_HIGH_RISK);
  g_assert_cmpstr (unjustified->justification, ==, "");
  g_assert_false (invalid->overridden);
  /* Unicode white space is no justification either */
  g_assert_false (nbsp->overridden);
  g_assert_cmpstr (nbsp->justification, ==, "");

  copy = iap_environment_copy (overridden);
  g_assert_cmpstr (copy->justification, ==, overridden->justification);
  assert_strv (copy->reasons, "combat-operations,neutrality-questioned");
}

static void
test_workshop (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  g_autoptr(IapEnvironment) env = NULL;

  iap_workshop_set_indicator (w, "combat-operations", "yes", NULL);
  iap_workshop_set_indicator (w, "neutrality-questioned", "yes", NULL);
  iap_workshop_set (w, w, "environment-override", "permissive", NULL);
  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "high-risk");
  iap_workshop_set (w, w, "override-justification", "New ceasefire", NULL);
  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "permissive");
  g_assert_cmpstr (iap_workshop_compute_environment (w), ==, "high-risk");

  env = iap_environment_new_for_workshop (w);
  g_assert_true (env->overridden);
  g_assert_cmpstr (env->justification, ==, "New ceasefire");
  iap_workshop_undo (w);
  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "high-risk");
}

static void
test_levels (void)
{
  IapEnvironmentLevel level;

  for (level = IAP_ENVIRONMENT_PERMISSIVE; level <= IAP_ENVIRONMENT_HIGH_RISK; level++)
    {
      IapEnvironmentLevel back;

      g_assert_true (iap_environment_level_from_id (iap_environment_level_to_id (level), &back));
      g_assert_cmpint (back, ==, level);
      g_assert_nonnull (iap_environment_level_to_label (level));
    }
  g_assert_false (iap_environment_level_from_id (NULL, NULL));
  g_assert_false (iap_environment_level_from_id ("", NULL));
}

static void
test_applicability (void)
{
  g_assert_cmpint (iap_applicability_compute ("yes", "yes", ""), ==, IAP_APPLICABILITY_APPLIES);
  g_assert_cmpint (iap_applicability_compute ("yes", "unknown", "special-political"), ==, IAP_APPLICABILITY_APPLIES);
  g_assert_cmpint (iap_applicability_compute ("yes", "unknown", "peacekeeping"), ==, IAP_APPLICABILITY_APPLIES);
  g_assert_cmpint (iap_applicability_compute ("no", "yes", "peacekeeping"), ==, IAP_APPLICABILITY_DOES_NOT_APPLY);
  g_assert_cmpint (iap_applicability_compute ("yes", "no", ""), ==, IAP_APPLICABILITY_DOES_NOT_APPLY);
  /* Either answer known absent is enough, whichever says so: the set-up
   * question, or the mission type "none" */
  g_assert_cmpint (iap_applicability_compute ("yes", "yes", "none"), ==, IAP_APPLICABILITY_DOES_NOT_APPLY);
  g_assert_cmpint (iap_applicability_compute ("yes", "no", "special-political"), ==, IAP_APPLICABILITY_DOES_NOT_APPLY);
  g_assert_cmpint (iap_applicability_compute ("yes", "no", "peacekeeping"), ==, IAP_APPLICABILITY_DOES_NOT_APPLY);
  g_assert_cmpint (iap_applicability_compute ("unknown", "no", "special-political"), ==, IAP_APPLICABILITY_DOES_NOT_APPLY);
  g_assert_cmpint (iap_applicability_compute ("unknown", "unknown", "none"), ==, IAP_APPLICABILITY_DOES_NOT_APPLY);
  g_assert_cmpint (iap_applicability_compute ("unknown", "yes", "special-political"), ==, IAP_APPLICABILITY_UNKNOWN);
  g_assert_cmpint (iap_applicability_compute ("yes", "", ""), ==, IAP_APPLICABILITY_UNKNOWN);
  g_assert_cmpint (iap_applicability_compute ("unknown", "yes", ""), ==, IAP_APPLICABILITY_UNKNOWN);
  g_assert_cmpint (iap_applicability_compute ("yes", "unknown", ""), ==, IAP_APPLICABILITY_UNKNOWN);
  g_assert_nonnull (strstr (iap_applicability_to_text (IAP_APPLICABILITY_DOES_NOT_APPLY), "does not apply"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/environment/permissive", test_permissive);
  g_test_add_func ("/environment/high-risk", test_high_risk);
  g_test_add_func ("/environment/elevated", test_elevated);
  g_test_add_func ("/environment/special-political", test_special_political);
  g_test_add_func ("/environment/unknown", test_unknown);
  g_test_add_func ("/environment/summary", test_summary);
  g_test_add_func ("/environment/override", test_override);
  g_test_add_func ("/environment/workshop", test_workshop);
  g_test_add_func ("/environment/levels", test_levels);
  g_test_add_func ("/environment/applicability", test_applicability);

  return g_test_run ();
}
