/* iap-cli-import.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `iap-workshop import-risks`: a risk list from a spreadsheet into a
 * workshop file, with the same reading as the application's Import
 * Risks window (app/core/iap-risk-import.c). */

#define G_LOG_DOMAIN "iap-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gi18n.h>

#include "iap-cli-command.h"
#include "iap-cli-export.h"
#include "iap-cli-scoring.h"
#include "iap-risk-import.h"
#include "iap-spreadsheet.h"
#include "iap-workshop-file.h"

/* A draft's rating: null unless both levels are set */
static void
add_rating (JsonBuilder *builder,
            const char  *name,
            guint        likelihood,
            guint        impact)
{
  iap_cli_add_pair (builder, name, likelihood != 0 && impact != 0, likelihood, impact);
}

static void
add_strings (JsonBuilder        *builder,
             const char         *name,
             const char * const *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_columns (JsonBuilder   *builder,
             IapRiskImport *import)
{
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < iap_risk_import_get_n_columns (import); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "header");
      json_builder_add_string_value (builder, iap_risk_import_get_header (import, i));
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, iap_import_field_to_id (iap_risk_import_get_field (import, i)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_risks (JsonBuilder *builder,
           GListModel  *risks)
{
  json_builder_set_member_name (builder, "risks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      const char *id = iap_risk_get_id (risk);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      if (id[0] != '\0')
        json_builder_add_string_value (builder, id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, iap_risk_get_title (risk));
      json_builder_set_member_name (builder, "arrangement");
      json_builder_add_string_value (builder, iap_risk_get_arrangement (risk));
      json_builder_set_member_name (builder, "area");
      json_builder_add_string_value (builder, iap_risk_get_area (risk));
      add_rating (builder, "inherent", iap_risk_get_inherent_likelihood (risk), iap_risk_get_inherent_impact (risk));
      add_rating (builder, "residual", iap_risk_get_residual_likelihood (risk), iap_risk_get_residual_impact (risk));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_problems (JsonBuilder   *builder,
              IapRiskImport *import)
{
  const char * const *problems = iap_risk_import_get_problems (import);

  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; problems[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "row");
      json_builder_add_int_value (builder, iap_risk_import_get_problem_row (import, i));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problems[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Every member documented in docs/file-format.md */
static void
print_json (IapRiskImport *import,
            guint          imported)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  add_columns (builder, import);
  add_risks (builder, iap_risk_import_get_risks (import));
  json_builder_set_member_name (builder, "new_entries");
  json_builder_begin_object (builder);
  add_strings (builder, "arrangement", iap_risk_import_get_new_entries (import, IAP_CATALOG_ARRANGEMENT));
  add_strings (builder, "area", iap_risk_import_get_new_entries (import, IAP_CATALOG_AREA));
  json_builder_end_object (builder);
  add_problems (builder, import);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_int_value (builder, imported);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_text (IapRiskImport *import,
            const char    *table,
            gboolean       dry_run,
            guint          n)
{
  const char * const *problems = iap_risk_import_get_problems (import);
  const char *kinds[] = { IAP_CATALOG_ARRANGEMENT, IAP_CATALOG_AREA };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const char * const *entries = iap_risk_import_get_new_entries (import, kinds[k]);

      for (guint i = 0; entries[i] != NULL; i++)
        g_print (k == 0 ? _("New arrangement in the catalog: %s\n") : _("New area in the catalog: %s\n"), entries[i]);
    }
  for (guint i = 0; problems[i] != NULL; i++)
    g_print ("%s: %s\n", table, problems[i]);
  if (dry_run)
    g_print (g_dngettext (NULL, "%u risk would be imported; nothing was changed.\n",
                          "%u risks would be imported; nothing was changed.\n", n), n);
  else
    g_print (g_dngettext (NULL, "%u risk imported.\n", "%u risks imported.\n", n), n);
}

/* Reads the table and the options into an import; prints why not */
static IapRiskImport *
prepare (IapWorkshop *workshop,
         IapCliArgs  *args,
         int         *status)
{
  const char *path = iap_cli_args_get_operand (args, 1);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(IapRiskImport) import = NULL;
  const char * const *maps = iap_cli_args_get_values (args, "map");
  const char * const *defaults = iap_cli_args_get_values (args, "default");
  IapSheet *sheet = iap_spreadsheet_load (file, &error);

  if (sheet == NULL)
    {
      g_printerr ("%s\n", error->message);
      *status = IAP_CLI_EXIT_INVALID;
      return NULL;
    }
  import = iap_risk_import_new (workshop, sheet);
  iap_risk_import_set_add_entries (import, !iap_cli_args_get_flag (args, "no-new-entries"));
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      if (!iap_risk_import_map (import, maps[i], &error))
        {
          *status = iap_cli_usage_error (args, "%s", error->message);
          return NULL;
        }
    }
  for (guint i = 0; defaults != NULL && defaults[i] != NULL; i++)
    {
      if (!iap_risk_import_set_default (import, defaults[i], &error))
        {
          *status = iap_cli_usage_error (args, "%s", error->message);
          return NULL;
        }
    }

  return g_steal_pointer (&import);
}

int
iap_cli_import_risks (IapCliArgs *args)
{
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(IapRiskImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dry_run = iap_cli_args_get_flag (args, "dry-run");
  int status = IAP_CLI_EXIT_OK;
  guint n, imported = 0;

  if (iap_cli_args_get_n_operands (args) != 2)
    return iap_cli_usage_error (args, _("give one FILE and one TABLE"));

  workshop = iap_cli_load_workshop (iap_cli_args_get_operand (args, 0));
  if (workshop == NULL)
    return IAP_CLI_EXIT_INVALID;
  import = prepare (workshop, args, &status);
  if (import == NULL)
    return status;

  n = g_list_model_get_n_items (iap_risk_import_get_risks (import));
  if (!dry_run && n > 0)
    {
      imported = iap_risk_import_apply (import);
      file = g_file_new_for_commandline_arg (iap_cli_args_get_operand (args, 0));
      if (!iap_workshop_save (workshop, file, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return IAP_CLI_EXIT_INVALID;
        }
    }

  if (iap_cli_args_get_flag (args, "json"))
    print_json (import, imported);
  else
    print_text (import, iap_cli_args_get_operand (args, 1), dry_run, n);

  return n > 0 ? IAP_CLI_EXIT_OK : IAP_CLI_EXIT_INVALID;
}
