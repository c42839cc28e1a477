/* test-integration-map.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-integration-map.h"
#include "iap-options-analysis.h"
#include "iap-workshop-file.h"

/*
 * The IAP decision: the integration map and its criteria, the risks each
 * structural option brings through its arrangements, what each option
 * entails, the status of the IAP requirements, and files of earlier
 * versions read into all of it.
 */

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

static IapWorkshop *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return iap_workshop_load_bytes (bytes, "test.iapw", error);
}

static char *
risk_ids (GPtrArray *risks)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < risks->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", iap_risk_get_id (g_ptr_array_index (risks, i)));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
assert_option_risks (IapWorkshop *workshop,
                     const char  *option,
                     const char  *expected)
{
  g_autoptr(GPtrArray) risks = iap_workshop_dup_option_risks (workshop, option);
  g_autofree char *ids = risk_ids (risks);

  g_assert_cmpstr (ids, ==, expected);
}

static void
assert_strv (char       **strv,
             const char  *joined)
{
  g_autofree char *text = g_strjoinv (",", strv);

  g_assert_cmpstr (text, ==, joined);
}

/* A new map starts from the catalog: humanitarian coordination already
 * separate, the rest undecided; adding them is one step of the history. */
static void
test_map_defaults (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  GListModel *map = iap_workshop_get_integration_map (workshop);
  IapIntegrationArea *coordination, *ddr;
  guint n_defaults;

  g_assert_cmpuint (g_list_model_get_n_items (map), ==, 0);
  iap_workshop_add_default_integration_areas (workshop);
  n_defaults = g_list_model_get_n_items (iap_catalog_get_entries (iap_workshop_get_catalog (workshop),
                                                                  IAP_CATALOG_INTEGRATION_AREA));
  g_assert_cmpuint (g_list_model_get_n_items (map), ==, n_defaults);

  coordination = iap_workshop_find_integration_area (workshop, "humanitarian-coordination");
  ddr = iap_workshop_find_integration_area (workshop, "ddr");
  g_assert_cmpstr (iap_integration_area_get_depth (coordination), ==, "separate");
  g_assert_cmpstr (iap_integration_area_get_depth (ddr), ==, "");
  g_assert_false (iap_integration_area_is_complete (coordination));

  /* Adding them again adds nothing */
  iap_workshop_add_default_integration_areas (workshop);
  g_assert_cmpuint (g_list_model_get_n_items (map), ==, n_defaults);

  g_assert_true (iap_workshop_undo (workshop));
  g_assert_cmpuint (g_list_model_get_n_items (map), ==, 0);
  g_assert_true (iap_workshop_redo (workshop));
  g_assert_cmpuint (g_list_model_get_n_items (map), ==, n_defaults);

  iap_workshop_remove_integration_area (workshop, ddr);
  g_assert_null (iap_workshop_find_integration_area (workshop, "ddr"));
  g_assert_true (iap_workshop_undo (workshop));
  g_assert_nonnull (iap_workshop_find_integration_area (workshop, "ddr"));

  iap_workshop_move_integration_area (workshop, coordination, 0);
  {
    g_autoptr(IapIntegrationArea) first = g_list_model_get_item (map, 0);

    g_assert_true (first == coordination);
  }
  g_assert_true (iap_workshop_undo (workshop));
  {
    g_autoptr(IapIntegrationArea) first = g_list_model_get_item (map, 0);

    g_assert_cmpstr (iap_integration_area_get_area (first), ==, "rule-of-law");
  }
}

/* Each criterion on its own short scale; the marks of the map */
static void
test_map_criteria (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  IapIntegrationArea *elections = iap_workshop_find_integration_area (workshop, "elections");
  IapIntegrationArea *rule = iap_workshop_find_integration_area (workshop, "rule-of-law");
  IapIntegrationArea *pi = iap_workshop_find_integration_area (workshop, "public-information");
  IapRisk *r6 = iap_workshop_find_risk (workshop, "r6");

  g_assert_cmpint (iap_integration_area_get_level (elections, IAP_CRITERION_IMPACT), ==, IAP_LEVEL_LOW);
  g_assert_cmpint (iap_integration_area_get_level (elections, IAP_CRITERION_COSTS), ==, IAP_LEVEL_MEDIUM);
  g_assert_true (iap_integration_area_costs_exceed_impact (elections));
  g_assert_false (iap_integration_area_costs_exceed_impact (rule));
  g_assert_true (iap_integration_area_is_complete (rule));

  /* An unassessed level is never below another */
  iap_workshop_set (workshop, elections, "impact", "", NULL);
  g_assert_false (iap_integration_area_costs_exceed_impact (elections));
  g_assert_false (iap_integration_area_is_complete (elections));

  /* High by the group's level, or by a linked risk's agreed rating */
  g_assert_true (iap_workshop_integration_area_risks_high (workshop,
                                                          iap_workshop_find_integration_area (workshop, "ddr")) == FALSE);
  g_assert_true (iap_workshop_integration_area_risks_high (workshop,
                                                          iap_workshop_find_integration_area (workshop, "joint-analysis")));
  g_assert_false (iap_workshop_integration_area_risks_high (workshop, pi));
  iap_workshop_set (workshop, pi, "risks", (const char *[]) { "r6", NULL }, NULL);
  g_assert_true (iap_workshop_integration_area_risks_high (workshop, pi));   /* Likely × Moderate: High */
  iap_workshop_set (workshop, r6, "inherent-likelihood", 2, NULL);
  g_assert_false (iap_workshop_integration_area_risks_high (workshop, pi));  /* Unlikely × Moderate: Medium */

  g_assert_cmpuint (iap_workshop_get_depth_index (workshop, "separate"), ==, 0);
  g_assert_cmpuint (iap_workshop_get_depth_index (workshop, "integrated-structure"), ==, 4);
  g_assert_cmpuint (iap_workshop_get_depth_index (workshop, "nonsense"), ==, G_MAXUINT);
  g_assert_cmpint (iap_level_from_id ("medium"), ==, IAP_LEVEL_MEDIUM);
  g_assert_cmpint (iap_level_from_id ("huge"), ==, IAP_LEVEL_UNSET);
  g_assert_cmpstr (iap_level_to_id (IAP_LEVEL_HIGH), ==, "high");
  g_assert_cmpstr (iap_level_to_id (IAP_LEVEL_UNSET), ==, "");
}

/* The chart's text alternative says the whole chart */
static void
test_map_text (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapWorkshop) empty = iap_workshop_new ();
  g_autofree char *text = iap_workshop_dup_integration_map_text (workshop);
  g_autofree char *none = iap_workshop_dup_integration_map_text (empty);

  g_assert_nonnull (strstr (text, "Separate: Human rights, Humanitarian coordination and operations, "
                                  "Public information and messaging."));
  g_assert_nonnull (strstr (text, "Integrated structure: Security management."));
  g_assert_nonnull (strstr (text, "High risks: Protection of civilians, Logistics and assets, "
                                  "Security management, Joint analysis."));
  g_assert_nonnull (strstr (text, "Transaction costs above the expected impact: Electoral assistance, Early recovery."));
  g_assert_null (strstr (text, "No depth chosen yet"));
  g_assert_cmpstr (none, ==, "");
}

/* Removing a risk unlinks it from the map, as one edit with it */
static void
test_map_remove_risk (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  IapIntegrationArea *poc = iap_workshop_find_integration_area (workshop, "protection-of-civilians");

  iap_workshop_remove_risk (workshop, iap_workshop_find_risk (workshop, "r9"));
  g_assert_cmpstrv (iap_integration_area_get_risks (poc), ((const char * const[]) { "r2", NULL }));
  g_assert_true (iap_workshop_undo (workshop));
  g_assert_cmpstrv (iap_integration_area_get_risks (poc), ((const char * const[]) { "r2", "r9", NULL }));
}

/* An option brings the risks of the arrangements it brings, in register
 * order, rated as the group rated them: nothing is re-scored. */
static void
test_option_risks (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(IapWorkshop) fresh = iap_workshop_new ();
  g_auto(GStrv) defaults = NULL;

  assert_option_risks (workshop, "no-structural", "");
  assert_option_risks (workshop, "double-hatted", "r11");
  assert_option_risks (workshop, "triple-hatted", "r4,r5,r8");
  assert_option_risks (workshop, "ersg", "r1,r4,r5,r8");

  iap_workshop_set_option_arrangements (workshop, "double-hatted",
                                        (const char *[]) { "joint-analysis", "double-hatting", NULL });
  assert_option_risks (workshop, "double-hatted", "r10,r11");
  g_assert_true (iap_workshop_undo (workshop));
  assert_option_risks (workshop, "double-hatted", "r11");

  /* A new risk of an arrangement joins every option that brings it */
  iap_workshop_add_risk (workshop, "integrated-office", "access", "Shared drivers");
  assert_option_risks (workshop, "triple-hatted", "r4,r5,r8,r13");
  assert_option_risks (workshop, "double-hatted", "r11");

  /* Without the workshop's word, the catalog's */
  defaults = iap_workshop_dup_option_arrangements (fresh, "triple-hatted");
  assert_strv (defaults, "triple-hatting,integrated-office");
  g_assert_null (iap_workshop_find_option_arrangements (fresh, "triple-hatted"));
  assert_option_risks (fresh, "triple-hatted", "");
}

static void
test_option_entails (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autoptr(GPtrArray) triple = iap_workshop_dup_consequences (workshop, "triple-hatted");
  g_autoptr(GPtrArray) doubled = iap_workshop_dup_consequences (workshop, "double-hatted");
  g_autoptr(GPtrArray) none = iap_workshop_dup_consequences (workshop, "no-structural");
  g_autoptr(GPtrArray) ersg = iap_workshop_dup_consequences (workshop, "ersg");
  g_auto(GStrv) added = NULL;
  g_auto(GStrv) removed = NULL;
  g_auto(GStrv) same_added = NULL;
  g_auto(GStrv) same_removed = NULL;

  g_assert_cmpuint (triple->len, ==, 4);
  g_assert_cmpstr (iap_catalog_entry_get_id (g_ptr_array_index (triple, 3)), ==, "deputy-designated-official");
  g_assert_cmpstr (iap_catalog_entry_get_id (g_ptr_array_index (doubled, 3)), ==, "stand-alone-hc");
  g_assert_cmpuint (none->len, ==, 1);
  g_assert_cmpstr (iap_catalog_entry_get_id (g_ptr_array_index (ersg, 1)), ==, "ersg-peacebuilding-offices");
  for (guint i = 0; i < triple->len; i++)
    g_assert_cmpstr (iap_catalog_entry_get_source (g_ptr_array_index (triple, i)), !=, "");

  /* From the current configuration to the recommended one */
  iap_workshop_dup_configuration_change (workshop, iap_workshop_get_current_option (workshop),
                                         iap_workshop_get_recommendation (workshop), &added, &removed);
  assert_strv (added, "double-hatting");
  assert_strv (removed, "triple-hatting,integrated-office");
  iap_workshop_dup_configuration_change (workshop, "ersg", "ersg", &same_added, &same_removed);
  assert_strv (same_added, "");
  assert_strv (same_removed, "");
}

/* An arrangement an option brings is in use: it cannot be removed from
 * the catalog, nor a map's area */
static void
test_custom_in_use (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  IapCatalogEntry *arrangement = iap_workshop_add_custom_entry (workshop, "arrangement", "Joint patrols", "");
  IapCatalogEntry *area = iap_workshop_add_custom_entry (workshop, "integration-area", "Mine action", "");
  IapCatalogEntry *option = iap_workshop_add_custom_entry (workshop, "option", "Special coordinator", "");
  g_autoptr(GError) error = NULL;

  iap_workshop_set_option_arrangements (workshop, "no-structural",
                                        (const char *[]) { iap_catalog_entry_get_id (arrangement), NULL });
  g_assert_false (iap_workshop_remove_custom_entry (workshop, arrangement, &error));
  g_assert_error (error, IAP_WORKSHOP_ERROR, IAP_WORKSHOP_ERROR_IN_USE);
  g_clear_error (&error);

  iap_workshop_add_integration_area (workshop, iap_catalog_entry_get_id (area));
  g_assert_false (iap_workshop_remove_custom_entry (workshop, area, &error));
  g_clear_error (&error);

  /* What an option of the workshop's own brings goes with it */
  iap_workshop_set_option_arrangements (workshop, iap_catalog_entry_get_id (option),
                                        (const char *[]) { "co-location", NULL });
  g_assert_true (iap_workshop_remove_custom_entry (workshop, option, NULL));
  g_assert_null (iap_workshop_find_option_arrangements (workshop, iap_catalog_entry_get_id (option)));
  g_assert_true (iap_workshop_undo (workshop));
  g_assert_nonnull (iap_workshop_find_option_arrangements (workshop, iap_catalog_entry_get_id (option)));
}

static void
assert_state (IapWorkshop *workshop,
              const char  *requirement,
              const char  *status,
              gboolean     suggested)
{
  gboolean is_suggested = !suggested;

  g_assert_cmpstr (iap_workshop_get_requirement_state (workshop, requirement, &is_suggested), ==, status);
  if (status != NULL)
    g_assert_cmpint (is_suggested, ==, suggested);
}

/* What the workshop's work suggests, and what the facilitator says */
static void
test_requirement_status (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  GListModel *map = iap_workshop_get_integration_map (workshop);
  IapMitigation *measure;

  /* Nothing done: not yet, where the workshop bears on it */
  assert_state (workshop, "isf-integrated-areas", "not-yet", TRUE);
  assert_state (workshop, "isf-results", "not-yet", TRUE);
  assert_state (workshop, "integrated-monitoring", "not-yet", TRUE);
  assert_state (workshop, "strategic-assessment", "not-yet", TRUE);
  assert_state (workshop, "shared-vision", "not-yet", TRUE);
  assert_state (workshop, "isf-priorities", NULL, TRUE);
  assert_state (workshop, "integrated-mechanisms", NULL, TRUE);

  /* ISF element 3: the integration map, every area complete */
  iap_workshop_add_integration_area (workshop, "ddr");
  iap_workshop_add_integration_area (workshop, "elections");
  assert_state (workshop, "isf-integrated-areas", "not-yet", TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (map); i++)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);

      iap_workshop_set (workshop, area, "depth", "coordinated-planning", "impact", "high",
                        "costs", "low", "risk-level", "low", NULL);
      assert_state (workshop, "isf-integrated-areas", i == 0 ? "partly" : "met", TRUE);
    }

  /* ISF element 4: owners and dates of the plan, dropped measures aside */
  measure = iap_workshop_add_mitigation (workshop, "mission-dialogue", "Forum");
  assert_state (workshop, "isf-results", "not-yet", TRUE);
  iap_workshop_set (workshop, measure, "owner", "Amara Diallo", "due", "2026-06-30", NULL);
  assert_state (workshop, "isf-results", "met", TRUE);
  iap_workshop_add_mitigation (workshop, "do-no-harm", "Review");
  assert_state (workshop, "isf-results", "partly", TRUE);

  /* Monitoring: a review date is planned, never done */
  iap_workshop_set (workshop, workshop, "review-date", "2026-09-30", NULL);
  assert_state (workshop, "integrated-monitoring", "partly", TRUE);

  /* The shared vision follows the ISF elements */
  assert_state (workshop, "shared-vision", "partly", TRUE);
  iap_workshop_set_requirement_status (workshop, "isf-findings", "met", NULL);
  iap_workshop_set_requirement_status (workshop, "isf-priorities", "not-applicable", "Priorities set elsewhere.");
  iap_workshop_set_requirement_status (workshop, "isf-results", "met", NULL);
  assert_state (workshop, "shared-vision", "met", TRUE);

  /* The facilitator's word wins, and clearing it gives the suggestion back */
  iap_workshop_set_requirement_status (workshop, "isf-integrated-areas", "partly", "Two areas only.");
  assert_state (workshop, "isf-integrated-areas", "partly", FALSE);
  assert_state (workshop, "shared-vision", "partly", TRUE);
  g_assert_cmpstr (iap_requirement_status_get_note (iap_workshop_find_requirement_status (workshop, "isf-integrated-areas")),
                   ==, "Two areas only.");
  iap_workshop_set_requirement_status (workshop, "isf-integrated-areas", NULL, NULL);
  assert_state (workshop, "isf-integrated-areas", "met", TRUE);
  g_assert_true (iap_workshop_undo (workshop));
  assert_state (workshop, "isf-integrated-areas", "partly", FALSE);

  g_assert_cmpstr (iap_requirement_status_get_label ("not-yet"), ==, "Not yet");
  g_assert_cmpstr (iap_requirement_status_get_label (NULL), ==, "Not assessed");
}

static void
test_requirement_coverage (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_autofree char *map = iap_workshop_dup_requirement_coverage (workshop, "isf-integrated-areas");
  g_autofree char *plan = iap_workshop_dup_requirement_coverage (workshop, "isf-results");
  g_autofree char *review = iap_workshop_dup_requirement_coverage (workshop, "integrated-monitoring");
  g_autofree char *priorities = iap_workshop_dup_requirement_coverage (workshop, "isf-priorities");

  g_assert_cmpstr (map, ==, "Integration map: 13 of 13 areas with a depth and the three criteria.");
  g_assert_cmpstr (plan, ==, "Mitigation plan: 7 of 7 measures with an owner and a due date.");
  g_assert_cmpstr (review, ==, "Review date: 2026-09-30.");
  g_assert_nonnull (strstr (priorities, "Not covered by this workshop"));
}

/* A file of format 1.2 says nothing of what options bring, and weighed
 * transaction costs among the risks: it reads with the catalog's
 * arrangements and its transaction costs on their own side, and saves
 * in the current version with both written. */
static const char old_file[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<workshop xmlns=\"https://iapworkshop.github.io/ns/workshop/1\" version=\"1.2\">\n"
  "  <setup/>\n"
  "  <context current-option=\"triple-hatted\">\n"
  "    <option ref=\"no-structural\"/>\n"
  "    <option ref=\"triple-hatted\"/>\n"
  "  </context>\n"
  "  <scales consensus-iqr=\"1\" consensus-agreement=\"80\" appetite=\"medium\">\n"
  "    <likelihood><level/><level/><level/></likelihood>\n"
  "    <impact><level/><level/><level/></impact>\n"
  "    <bands>\n"
  "      <row likelihood=\"1\">low low medium</row>\n"
  "      <row likelihood=\"2\">low medium high</row>\n"
  "      <row likelihood=\"3\">medium high critical</row>\n"
  "    </bands>\n"
  "  </scales>\n"
  "  <risks>\n"
  "    <risk id=\"r1\" arrangement=\"triple-hatting\" area=\"advocacy\"><inherent likelihood=\"3\" impact=\"3\"/></risk>\n"
  "    <risk id=\"r2\" arrangement=\"integrated-office\" area=\"access\"/>\n"
  "    <risk id=\"r3\" arrangement=\"co-location\" area=\"perception\"/>\n"
  "  </risks>\n"
  "  <factors>\n"
  "    <factor ref=\"workload\" weight=\"3\"><score option=\"triple-hatted\" value=\"4\"/></factor>\n"
  "    <factor ref=\"transaction-costs\" weight=\"2\"><score option=\"triple-hatted\" value=\"3\"/></factor>\n"
  "  </factors>\n"
  "</workshop>\n";

static void
test_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IapWorkshop) workshop = load_text (old_file, &error);
  g_autoptr(IapWorkshop) saved = NULL;
  g_autoptr(IapOptionsAnalysis) analysis = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *current = g_strdup_printf ("version=\"%d.%d\"", IAP_WORKSHOP_FORMAT_MAJOR,
                                              IAP_WORKSHOP_FORMAT_MINOR);
  const IapOptionResult *triple;
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_option_arrangements (workshop)), ==, 0);
  assert_option_risks (workshop, "triple-hatted", "r1,r2");
  assert_option_risks (workshop, "no-structural", "");
  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_integration_map (workshop)), ==, 0);
  g_assert_false (iap_workshop_get_modified (workshop));

  /* The weight and score of transaction costs are kept, weighed apart */
  analysis = iap_options_analysis_new_for_workshop (workshop);
  triple = iap_options_analysis_lookup (analysis, "triple-hatted");
  g_assert_cmpuint (triple->risk, ==, 12);
  g_assert_cmpuint (triple->risk_max, ==, 12);
  g_assert_cmpuint (triple->cost, ==, 6);
  g_assert_cmpuint (triple->cost_max, ==, 8);

  bytes = iap_workshop_to_bytes (workshop);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (text, current));
  g_assert_nonnull (strstr (text, "<option ref=\"no-structural\"/>"));
  g_assert_nonnull (strstr (text, "<option ref=\"triple-hatted\">\n"
                                  "      <arrangement ref=\"triple-hatting\"/>\n"
                                  "      <arrangement ref=\"integrated-office\"/>\n"
                                  "    </option>"));
  g_assert_nonnull (strstr (text, "<factor ref=\"transaction-costs\" weight=\"2\">"));

  saved = iap_workshop_load_bytes (bytes, "saved.iapw", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_option_arrangements (saved)), ==, 2);
  assert_option_risks (saved, "triple-hatted", "r1,r2");
}

/* From the version that records them, an option without arrangements
 * brings none, whatever the catalog says; before it, the catalog's */
static void
test_recorded_none (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup (old_file);
  g_autoptr(IapWorkshop) older = NULL;
  g_autoptr(IapWorkshop) workshop = NULL;
  char *version = strstr (text, "version=\"1.2\"");

  version[11] = '0' + IAP_WORKSHOP_FORMAT_MINOR_ARRANGEMENTS - 1;
  older = load_text (text, &error);
  g_assert_no_error (error);
  assert_option_risks (older, "triple-hatted", "r1,r2");

  version[11] = '0' + IAP_WORKSHOP_FORMAT_MINOR_ARRANGEMENTS;
  workshop = load_text (text, &error);
  g_assert_no_error (error);
  assert_option_risks (workshop, "triple-hatted", "");
  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_option_arrangements (workshop)), ==, 2);
}

/* The new parts of the file are checked like the others, with the line */
static void
test_file_problems (void)
{
  g_autofree char *current = g_strdup_printf ("version=\"%d.%d\"", IAP_WORKSHOP_FORMAT_MAJOR,
                                              IAP_WORKSHOP_FORMAT_MINOR);
  static const struct {
    const char *from;
    const char *to;
    const char *message;
  } cases[] = {
    { "<option ref=\"triple-hatted\"/>", "<option ref=\"triple-hatted\"><arrangement ref=\"hats\"/></option>",
      "test.iapw:6: unknown arrangement “hats”" },
    { "<option ref=\"triple-hatted\"/>",
      "<option ref=\"triple-hatted\"><arrangement ref=\"co-location\"/><arrangement ref=\"co-location\"/></option>",
      "test.iapw:6: “co-location” is listed twice" },
    { "<option ref=\"triple-hatted\"/>", "<option ref=\"triple-hatted\"><hat/></option>",
      "test.iapw:6: unexpected element <hat> in <option>" },
    { "  </risks>\n", "  </risks>\n  <integration><area ref=\"ddr\" depth=\"total\"/></integration>\n",
      "test.iapw:22: unknown depth of integration “total”" },
    { "  </risks>\n", "  </risks>\n  <integration><area ref=\"ddr\"><costs level=\"huge\"/></area></integration>\n",
      "test.iapw:22: “huge” is not a valid level" },
    { "  </risks>\n", "  </risks>\n  <integration><area ref=\"ddr\"/><area ref=\"ddr\"/></integration>\n",
      "test.iapw:22: the integration area “ddr” is listed twice (first on line 22)" },
    { "  </risks>\n", "  </risks>\n  <integration><area ref=\"ddr\"><risk ref=\"r9\"/></area></integration>\n",
      "test.iapw:22: refers to risk “r9”, which is not in the workshop" },
    { "  </risks>\n", "  </risks>\n  <integration><area ref=\"mining\"/></integration>\n",
      "test.iapw:22: unknown integration area “mining”" },
    { "</workshop>", "<requirements><requirement ref=\"isf-results\" status=\"done\"/></requirements></workshop>",
      "test.iapw:26: “done” is not a valid status" },
    { "</workshop>", "<requirements><requirement ref=\"peace\"/></requirements></workshop>",
      "test.iapw:26: unknown requirement “peace”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) text = g_string_new (old_file);
      g_autoptr(IapWorkshop) workshop = NULL;

      g_string_replace (text, "version=\"1.2\"", current, 1);
      g_assert_cmpuint (g_string_replace (text, cases[i].from, cases[i].to, 1), ==, 1);
      workshop = load_text (text->str, &error);
      g_assert_null (workshop);
      g_assert_error (error, IAP_WORKSHOP_FILE_ERROR, IAP_WORKSHOP_FILE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s”, expected “%s”", i, error->message, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/integration-map/defaults", test_map_defaults);
  g_test_add_func ("/integration-map/criteria", test_map_criteria);
  g_test_add_func ("/integration-map/text", test_map_text);
  g_test_add_func ("/integration-map/remove-risk", test_map_remove_risk);
  g_test_add_func ("/option/risks", test_option_risks);
  g_test_add_func ("/option/entails", test_option_entails);
  g_test_add_func ("/option/custom-in-use", test_custom_in_use);
  g_test_add_func ("/requirement/status", test_requirement_status);
  g_test_add_func ("/requirement/coverage", test_requirement_coverage);
  g_test_add_func ("/file/migration", test_migration);
  g_test_add_func ("/file/recorded-none", test_recorded_none);
  g_test_add_func ("/file/problems", test_file_problems);

  return g_test_run ();
}
