/* iap-cli-decision.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The IAP decision in `summary`: the integration map, what each option
 * brings, the current configuration and the change recommended, and the
 * IAP requirements and ISF elements.
 */

#define G_LOG_DOMAIN "iap-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-cli-command.h"
#include "iap-cli-decision.h"
#include "iap-integration-map.h"
#include "iap-text.h"

/* A string member, null when blank (docs/file-format.md, "Blank is empty") */
static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (iap_text_is_blank (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_ids (JsonBuilder        *builder,
         const char         *name,
         const char * const *ids)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
}

static void
add_risk_ids (JsonBuilder *builder,
              const char  *name,
              GPtrArray   *risks)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < risks->len; i++)
    json_builder_add_string_value (builder, iap_risk_get_id (g_ptr_array_index (risks, i)));
  json_builder_end_array (builder);
}

/* The transaction costs of an option: their sum of weight × score, what
 * it could reach, their share of it, and how many cost factors are not
 * scored; null when the catalog weighs none */
static void
add_costs (JsonBuilder           *builder,
           const IapOptionResult *result)
{
  int share = iap_option_result_get_side_share (result, IAP_FACTOR_SIDE_COST);

  json_builder_set_member_name (builder, "transaction_costs");
  if (!iap_option_result_has_side (result, IAP_FACTOR_SIDE_COST))
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_int_value (builder, result->cost);
  json_builder_set_member_name (builder, "max");
  json_builder_add_int_value (builder, result->cost_max);
  json_builder_set_member_name (builder, "share");
  if (share < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, share);
  json_builder_set_member_name (builder, "unscored");
  json_builder_add_int_value (builder, result->cost_unscored);
  json_builder_end_object (builder);
}

/**
 * iap_cli_add_option_decision:
 *
 * Adds to the object of an option what it entails: `arrangements`,
 * `risks` (of the register, through its arrangements), `consequences`
 * and `transaction_costs`.
 */
void
iap_cli_add_option_decision (JsonBuilder           *builder,
                             IapWorkshop           *workshop,
                             const IapOptionResult *result)
{
  g_auto(GStrv) arrangements = iap_workshop_dup_option_arrangements (workshop, result->option);
  g_autoptr(GPtrArray) risks = iap_workshop_dup_option_risks (workshop, result->option);
  g_autoptr(GPtrArray) consequences = iap_workshop_dup_consequences (workshop, result->option);

  add_ids (builder, "arrangements", (const char * const *)arrangements);
  add_risk_ids (builder, "arrangement_risks", risks);
  json_builder_set_member_name (builder, "consequences");
  json_builder_begin_array (builder);
  for (guint i = 0; i < consequences->len; i++)
    json_builder_add_string_value (builder, iap_catalog_entry_get_id (g_ptr_array_index (consequences, i)));
  json_builder_end_array (builder);
  add_costs (builder, result);
}

static void
add_criterion (JsonBuilder        *builder,
               IapIntegrationArea *area,
               IapCriterion        criterion,
               const char         *name)
{
  g_autofree char *reason_name = g_strconcat (name, "_reason", NULL);

  add_string (builder, name, iap_level_to_id (iap_integration_area_get_level (area, criterion)));
  add_string (builder, reason_name, iap_integration_area_get_reason (area, criterion));
}

static void
add_integration_map (JsonBuilder *builder,
                     IapWorkshop *workshop)
{
  GListModel *map = iap_workshop_get_integration_map (workshop);

  json_builder_set_member_name (builder, "integration_map");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (map); i++)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);

      json_builder_begin_object (builder);
      add_string (builder, "area", iap_integration_area_get_area (area));
      add_string (builder, "depth", iap_integration_area_get_depth (area));
      add_criterion (builder, area, IAP_CRITERION_IMPACT, "impact");
      add_criterion (builder, area, IAP_CRITERION_COSTS, "transaction_costs");
      add_criterion (builder, area, IAP_CRITERION_RISKS, "risks");
      add_ids (builder, "linked_risks", iap_integration_area_get_risks (area));
      json_builder_set_member_name (builder, "risks_high");
      json_builder_add_boolean_value (builder, iap_workshop_integration_area_risks_high (workshop, area));
      json_builder_set_member_name (builder, "costs_exceed_impact");
      json_builder_add_boolean_value (builder, iap_integration_area_costs_exceed_impact (area));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_requirements (JsonBuilder *builder,
                  IapWorkshop *workshop)
{
  GListModel *entries = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_REQUIREMENT);

  json_builder_set_member_name (builder, "requirements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);
      const char *id = iap_catalog_entry_get_id (entry);
      IapRequirementStatus *recorded = iap_workshop_find_requirement_status (workshop, id);
      g_autofree char *coverage = iap_workshop_dup_requirement_coverage (workshop, id);
      gboolean suggested = FALSE;
      const char *status = iap_workshop_get_requirement_state (workshop, id, &suggested);

      json_builder_begin_object (builder);
      add_string (builder, "id", id);
      add_string (builder, "group", iap_catalog_entry_get_group (entry));
      add_string (builder, "status", status);
      json_builder_set_member_name (builder, "suggested");
      json_builder_add_boolean_value (builder, status != NULL && suggested);
      add_string (builder, "note", recorded != NULL ? iap_requirement_status_get_note (recorded) : NULL);
      add_string (builder, "covered_by", coverage);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_current_configuration (JsonBuilder *builder,
                           IapWorkshop *workshop)
{
  const char *current = iap_workshop_get_current_option (workshop);
  const char *recommended = iap_workshop_get_recommendation (workshop);
  g_auto(GStrv) arrangements = NULL;
  g_auto(GStrv) added = NULL;
  g_auto(GStrv) removed = NULL;

  json_builder_set_member_name (builder, "current_configuration");
  json_builder_begin_object (builder);
  add_string (builder, "option", current);
  arrangements = current[0] != '\0' ? iap_workshop_dup_option_arrangements (workshop, current)
                                    : g_new0 (char *, 1);
  add_ids (builder, "arrangements", (const char * const *)arrangements);
  add_string (builder, "recommended", recommended);
  json_builder_set_member_name (builder, "change");
  if (recommended[0] == '\0')
    json_builder_add_null_value (builder);
  else
    {
      iap_workshop_dup_configuration_change (workshop, current, recommended, &added, &removed);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "changes");
      json_builder_add_boolean_value (builder, g_strcmp0 (current, recommended) != 0);
      add_ids (builder, "adds", (const char * const *)added);
      add_ids (builder, "removes", (const char * const *)removed);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/**
 * iap_cli_add_decision:
 *
 * Adds `integration_map`, `requirements` and `current_configuration` to
 * the summary object.
 */
void
iap_cli_add_decision (JsonBuilder *builder,
                      IapWorkshop *workshop)
{
  add_integration_map (builder, workshop);
  add_requirements (builder, workshop);
  add_current_configuration (builder, workshop);
}

/**
 * iap_cli_print_decision:
 *
 * The integration map and the requirements, in the text summary.
 */
void
iap_cli_print_decision (IapWorkshop *workshop)
{
  GListModel *entries = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_REQUIREMENT);
  g_autofree char *map = iap_workshop_dup_integration_map_text (workshop);

  g_print (_("Integration map: %s\n"), map[0] != '\0' ? map : _("no area yet"));
  g_print (_("IAP requirements and ISF elements:\n"));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);
      gboolean suggested = FALSE;
      const char *status = iap_workshop_get_requirement_state (workshop, iap_catalog_entry_get_id (entry),
                                                               &suggested);
      g_autofree char *label = iap_cli_pad (iap_catalog_entry_get_label (entry), 42);

      g_print ("  %s %s%s\n", label,
               iap_requirement_status_get_label (status),
               status != NULL && suggested ? _(" (suggested)") : "");
    }
}
