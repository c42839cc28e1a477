/* iap-cli.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "iap-appetite.h"
#include "iap-cli.h"
#include "iap-cli-command.h"
#include "iap-cli-decision.h"
#include "iap-cli-export.h"
#include "iap-cli-scoring.h"
#include "iap-environment.h"
#include "iap-options-analysis.h"
#include "iap-text.h"
#include "iap-workshop-file.h"

int
iap_cli_validate (IapCliArgs *args)
{
  int status = IAP_CLI_EXIT_OK;

  if (iap_cli_args_get_n_operands (args) < 1)
    return iap_cli_usage_error (args, _("give at least one FILE"));

  for (guint i = 0; i < iap_cli_args_get_n_operands (args); i++)
    {
      const char *path = iap_cli_args_get_operand (args, i);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GPtrArray) problems = iap_workshop_check (file, path, NULL);

      for (guint p = 0; p < problems->len; p++)
        g_print ("%s\n", (const char *)g_ptr_array_index (problems, p));

      if (problems->len > 0)
        status = IAP_CLI_EXIT_INVALID;
    }

  return status;
}

/* A file from a later 1.x may hold what this version does not know;
 * rewriting it here would silently drop that. */
static gboolean
is_from_newer_minor (IapWorkshop *workshop)
{
  const char *version = iap_workshop_get_format_version (workshop);
  const char *dot = version != NULL ? strchr (version, '.') : NULL;

  return dot != NULL && g_ascii_strtoull (dot + 1, NULL, 10) > IAP_WORKSHOP_FORMAT_MINOR;
}

/* Lists every problem, as validate does, rather than only the first. */
static void
print_load_problems (GFile        *file,
                     const char   *path,
                     const GError *error)
{
  g_autoptr(GPtrArray) problems = iap_workshop_check (file, path, NULL);

  if (problems->len == 0)
    g_printerr ("%s\n", error->message);
  for (guint p = 0; p < problems->len; p++)
    g_printerr ("%s\n", (const char *)g_ptr_array_index (problems, p));
}

/* Loads and saves through the same code as the window: the save is
 * atomic and keeps the previous file as FILE~. */
static gboolean
upgrade_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;

  workshop = iap_workshop_load (file, NULL, &error);
  if (workshop == NULL)
    {
      print_load_problems (file, path, error);
      return FALSE;
    }

  if (is_from_newer_minor (workshop))
    {
      g_printerr (_("%s:1: this workshop was written by a newer IAP Workshop (file format %s); "
                    "upgrading it would drop what this version does not know\n"),
                  path, iap_workshop_get_format_version (workshop));
      return FALSE;
    }

  if (!iap_workshop_save (workshop, file, NULL, &error))
    {
      g_printerr ("%s:1: %s\n", path, error->message);
      return FALSE;
    }

  return TRUE;
}

int
iap_cli_upgrade (IapCliArgs *args)
{
  int status = IAP_CLI_EXIT_OK;

  if (iap_cli_args_get_n_operands (args) < 1)
    return iap_cli_usage_error (args, _("give at least one FILE"));

  for (guint i = 0; i < iap_cli_args_get_n_operands (args); i++)
    {
      if (!upgrade_file (iap_cli_args_get_operand (args, i)))
        status = IAP_CLI_EXIT_INVALID;
    }

  return status;
}

/* {likelihood, impact, score, band} of an agreed rating, or null when the
 * risk is not rated: a missing rating is never 0. */
static void
add_rating (JsonBuilder   *builder,
            IapScales     *scales,
            const char    *name,
            IapRisk       *risk,
            IapRatingKind  kind)
{
  guint likelihood, impact;
  IapBand band;

  json_builder_set_member_name (builder, name);
  if (!iap_risk_get_rating (risk, kind, scales, &likelihood, &impact, &band))
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "likelihood");
  json_builder_add_int_value (builder, likelihood);
  json_builder_set_member_name (builder, "impact");
  json_builder_add_int_value (builder, impact);
  json_builder_set_member_name (builder, "score");
  json_builder_add_int_value (builder, likelihood * impact);
  json_builder_set_member_name (builder, "band");
  json_builder_add_string_value (builder, iap_band_to_id (band));
  json_builder_end_object (builder);
}

/* A text, or null when it is absent or blank (docs/file-format.md,
 * "Blank is empty") */
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
add_risks (JsonBuilder *builder,
           IapWorkshop *workshop)
{
  GListModel *risks = iap_workshop_get_risks (workshop);
  IapScales *scales = iap_workshop_get_scales (workshop);
  g_autoptr(GHashTable) consensus = iap_consensus_latest (workshop);

  json_builder_set_member_name (builder, "risks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", iap_risk_get_id (risk));
      add_string (builder, "arrangement", iap_risk_get_arrangement (risk));
      add_string (builder, "area", iap_risk_get_area (risk));
      add_string (builder, "title", iap_risk_get_title (risk));
      add_string (builder, "source", iap_risk_get_source (risk));
      add_rating (builder, scales, "inherent", risk, IAP_RATING_INHERENT);
      add_rating (builder, scales, "residual", risk, IAP_RATING_RESIDUAL);
      iap_cli_add_scoring (builder, workshop, risk,
                           iap_consensus_lookup (consensus, iap_risk_get_id (risk)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_ids (JsonBuilder *builder,
         const char  *name,
         char       **ids)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
}

/* `applicable` (true, false or null when not known yet) and the
 * `environment` classification with its reasons and open questions. */
static void
add_environment (JsonBuilder *builder,
                 IapWorkshop *workshop)
{
  g_autoptr(IapEnvironment) env = iap_environment_new_for_workshop (workshop);
  IapApplicability applicability = iap_applicability_for_workshop (workshop);

  json_builder_set_member_name (builder, "applicable");
  if (applicability == IAP_APPLICABILITY_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, applicability == IAP_APPLICABILITY_APPLIES);

  json_builder_set_member_name (builder, "environment");
  json_builder_begin_object (builder);
  add_string (builder, "classification", iap_environment_level_to_id (env->classification));
  add_string (builder, "computed", iap_environment_level_to_id (env->computed));
  add_string (builder, "potential", iap_environment_level_to_id (env->potential));
  json_builder_set_member_name (builder, "overridden");
  json_builder_add_boolean_value (builder, env->overridden);
  add_string (builder, "justification", env->justification);
  json_builder_set_member_name (builder, "lowered");
  json_builder_add_boolean_value (builder, env->lowered);
  add_ids (builder, "reasons", env->reasons);
  add_ids (builder, "also_yes", env->also_yes);
  add_ids (builder, "unknown", env->unknown);
  add_ids (builder, "unanswered", env->unanswered);
  json_builder_end_object (builder);
}

/* `bands`: how many risks each agreed inherent band holds, and how many
 * are not rated yet; every band is there, with 0 when empty. */
static void
add_bands (JsonBuilder *builder,
           IapWorkshop *workshop)
{
  GListModel *risks = iap_workshop_get_risks (workshop);
  IapScales *scales = iap_workshop_get_scales (workshop);
  guint counts[IAP_N_BANDS] = { 0, }, unrated = 0;

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      IapBand band;

      if (iap_risk_get_rating (risk, IAP_RATING_INHERENT, scales, NULL, NULL, &band))
        counts[band]++;
      else
        unrated++;
    }

  json_builder_set_member_name (builder, "bands");
  json_builder_begin_object (builder);
  for (guint band = 0; band < IAP_N_BANDS; band++)
    {
      json_builder_set_member_name (builder, iap_band_to_id (band));
      json_builder_add_int_value (builder, counts[band]);
    }
  json_builder_set_member_name (builder, "unrated");
  json_builder_add_int_value (builder, unrated);
  json_builder_end_object (builder);
}

/* The triple-hatting analysis: per option the two sums, never netted,
 * what each could reach, how many factors they leave out, and the
 * drivers; then the recommendation's rationale and conditions. */
static void
add_triple_hatting (JsonBuilder *builder,
                    IapWorkshop *workshop)
{
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (workshop);
  const char *rationale = iap_workshop_get_rationale (workshop);
  const char *conditions = iap_workshop_get_conditions (workshop);

  json_builder_set_member_name (builder, "options");
  json_builder_begin_array (builder);
  for (guint i = 0; i < iap_options_analysis_get_n_options (analysis); i++)
    {
      const IapOptionResult *result = iap_options_analysis_get_result (analysis, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", result->option);
      json_builder_set_member_name (builder, "benefit");
      json_builder_add_int_value (builder, result->benefit);
      json_builder_set_member_name (builder, "benefit_max");
      json_builder_add_int_value (builder, result->benefit_max);
      json_builder_set_member_name (builder, "risk");
      json_builder_add_int_value (builder, result->risk);
      json_builder_set_member_name (builder, "risk_max");
      json_builder_add_int_value (builder, result->risk_max);
      for (guint side = 0; side < 2; side++)
        {
          int share = iap_option_result_get_share (result, side == 1);

          json_builder_set_member_name (builder, side == 1 ? "risk_share" : "benefit_share");
          if (share < 0)
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, share);
        }
      json_builder_set_member_name (builder, "unscored");
      json_builder_add_int_value (builder, result->benefit_unscored + result->risk_unscored + result->cost_unscored);
      add_ids (builder, "drivers", result->drivers);
      add_ids (builder, "benefit_drivers", result->benefit_drivers);
      add_ids (builder, "risk_drivers", result->risk_drivers);
      iap_cli_add_option_decision (builder, workshop, result);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_string (builder, "rationale", rationale);
  add_string (builder, "conditions", conditions);
}

static void
print_triple_hatting (IapWorkshop *workshop)
{
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (workshop);
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  IapCatalogEntry *option = iap_catalog_lookup (catalog, IAP_CATALOG_OPTION,
                                                iap_workshop_get_recommendation (workshop));
  g_autofree char *summary = iap_options_analysis_dup_summary (analysis, catalog);
  g_auto(GStrv) lines = g_strsplit (summary, "\n", -1);

  g_print (_("Structural options:\n"));
  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("  %s\n", lines[i]);
  g_print (_("Recommendation: %s\n"),
           option != NULL ? iap_catalog_entry_get_label (option) : _("none yet"));
  if (!iap_text_is_blank (iap_workshop_get_rationale (workshop)))
    g_print (_("  Rationale: %s\n"), iap_workshop_get_rationale (workshop));
  if (!iap_text_is_blank (iap_workshop_get_conditions (workshop)))
    g_print (_("  Conditions: %s\n"), iap_workshop_get_conditions (workshop));
}

/* `mitigations`, the plan, and the risks that cannot be signed off yet:
 * `unaccepted` (residual band above the appetite, no complete acceptance)
 * and `unassessed` (no residual rating, so not judged against it). */
static void
add_mitigation_plan (JsonBuilder *builder,
                     IapWorkshop *workshop)
{
  GListModel *mitigations = iap_workshop_get_mitigations (workshop);
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  g_auto(GStrv) unaccepted = iap_workshop_dup_unaccepted (workshop);
  g_auto(GStrv) unassessed = iap_workshop_dup_unassessed (workshop);

  json_builder_set_member_name (builder, "mitigations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (mitigations); i++)
    {
      g_autoptr(IapMitigation) m = g_list_model_get_item (mitigations, i);

      const char *measure = iap_mitigation_get_measure (m);
      IapCatalogEntry *entry = iap_catalog_lookup (catalog, IAP_CATALOG_MEASURE, measure);
      gboolean custom = entry != NULL && iap_catalog_entry_get_custom (entry);

      json_builder_begin_object (builder);
      add_string (builder, "id", iap_mitigation_get_id (m));
      /* `measure` names only the default catalog's measures, which any
       * reader can look up; the workshop's own is `custom_measure` */
      add_string (builder, "measure", custom ? NULL : measure);
      add_string (builder, "custom_measure", custom ? measure : NULL);
      add_string (builder, "title", iap_mitigation_get_title (m));
      add_ids (builder, "risks", (char **)iap_mitigation_get_risks (m));
      add_string (builder, "owner", iap_mitigation_get_owner (m));
      add_string (builder, "entity", iap_mitigation_get_owner_entity (m));
      add_string (builder, "due", iap_mitigation_get_due (m));
      add_string (builder, "status", iap_mitigation_get_status (m));
      add_string (builder, "treatment", iap_mitigation_get_treatment (m));
      add_string (builder, "source", iap_mitigation_get_source (m));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_ids (builder, "unaccepted", unaccepted);
  add_ids (builder, "unassessed", unassessed);
}

static JsonNode *
build_summary (IapWorkshop *workshop)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "title", iap_workshop_get_title (workshop));
  add_string (builder, "version", iap_workshop_get_format_version (workshop));
  add_string (builder, "country", iap_workshop_get_country (workshop));
  add_string (builder, "classification", iap_workshop_get_classification (workshop));
  add_environment (builder, workshop);
  json_builder_set_member_name (builder, "participants");
  json_builder_add_int_value (builder, g_list_model_get_n_items (iap_workshop_get_participants (workshop)));
  json_builder_set_member_name (builder, "min_scorers");
  json_builder_add_int_value (builder, iap_workshop_get_min_scorers (workshop));
  add_risks (builder, workshop);
  add_bands (builder, workshop);
  add_mitigation_plan (builder, workshop);
  add_string (builder, "recommendation", iap_workshop_get_recommendation (workshop));
  add_triple_hatting (builder, workshop);
  iap_cli_add_decision (builder, workshop);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The agreed band of a rating, or a dash when not rated. */
static const char *
text_band (IapWorkshop   *workshop,
           IapRisk       *risk,
           IapRatingKind  kind)
{
  IapBand band;

  if (!iap_risk_get_rating (risk, kind, iap_workshop_get_scales (workshop), NULL, NULL, &band))
    return "-";

  return iap_band_get_label (band);
}

/* A date as the report prints it; a dash when there is none. */
static char *
dup_date (const char *iso)
{
  char *text = iap_date_dup_display (iso);

  return text != NULL ? text : g_strdup ("–");
}

static void
print_text_setting (IapWorkshop *workshop)
{
  g_autoptr(IapEnvironment) env = iap_environment_new_for_workshop (workshop);
  g_autofree char *environment = iap_environment_dup_summary (env, iap_workshop_get_catalog (workshop));
  const char *classification = iap_workshop_get_classification (workshop);
  g_autofree char *start = dup_date (iap_workshop_get_start_date (workshop));
  g_autofree char *end = dup_date (iap_workshop_get_end_date (workshop));

  /* Translators: the country, the first and last days, and the marking, “Confidential” */
  g_print (_("Country: %s; %s to %s; classification: %s\n"), iap_workshop_get_country (workshop),
           start, end, classification[0] != '\0' ? iap_classification_to_label (classification)
                                                   : C_("classification", "not set"));
  g_print (_("Environment: %s\n"), environment);
}

static void
print_text_summary (IapWorkshop *workshop)
{
  GListModel *risks = iap_workshop_get_risks (workshop);
  guint band_width = 1;

  g_print ("%s\n", iap_workshop_get_title (workshop));
  print_text_setting (workshop);
  g_print (_("Participants: %u\n"), g_list_model_get_n_items (iap_workshop_get_participants (workshop)));
  /* Translators: followed by one line per risk: its number, inherent band, residual band and title */
  g_print (_("Risks: %u (number, inherent band, residual band, title)\n"), g_list_model_get_n_items (risks));
  /* The band columns as wide as their longest word, in any language */
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      band_width = MAX (band_width, iap_cli_text_width (text_band (workshop, risk, IAP_RATING_INHERENT)));
      band_width = MAX (band_width, iap_cli_text_width (text_band (workshop, risk, IAP_RATING_RESIDUAL)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      g_autofree char *inherent = iap_cli_pad (text_band (workshop, risk, IAP_RATING_INHERENT), band_width);
      g_autofree char *residual = iap_cli_pad (text_band (workshop, risk, IAP_RATING_RESIDUAL), band_width);

      g_print ("  %-4s %s %s %s\n", number, inherent, residual, iap_risk_get_title (risk));
    }
  print_triple_hatting (workshop);
  iap_cli_print_decision (workshop);
  g_print (_("Mitigations: %u; dissents: %u\n"),
           g_list_model_get_n_items (iap_workshop_get_mitigations (workshop)),
           g_list_model_get_n_items (iap_workshop_get_dissents (workshop)));
}

int
iap_cli_summary (IapCliArgs *args)
{
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (iap_cli_args_get_n_operands (args) != 1)
    return iap_cli_usage_error (args, _("give one FILE"));

  file = g_file_new_for_commandline_arg (iap_cli_args_get_operand (args, 0));
  workshop = iap_workshop_load (file, NULL, &error);
  if (workshop == NULL)
    {
      g_printerr ("%s\n", error->message);
      return IAP_CLI_EXIT_INVALID;
    }

  if (iap_cli_args_get_flag (args, "json"))
    {
      g_autoptr(JsonNode) root = build_summary (workshop);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }
  else
    print_text_summary (workshop);

  return IAP_CLI_EXIT_OK;
}

static void
print_main_help (void)
{
  g_autofree char *text = _iap_cli_dup_main_help ();

  g_print ("%s", text);
}

int
iap_cli_help (IapCliArgs *args)
{
  const IapCliCommand *command;
  g_autofree char *help = NULL;

  if (iap_cli_args_get_n_operands (args) == 0)
    {
      print_main_help ();
      return IAP_CLI_EXIT_OK;
    }
  if (iap_cli_args_get_n_operands (args) > 1)
    return iap_cli_usage_error (args, _("give one COMMAND at most"));

  command = iap_cli_lookup_command (iap_cli_args_get_operand (args, 0));
  if (command == NULL)
    return iap_cli_usage_error (args, _("“%s” is not a command"), iap_cli_args_get_operand (args, 0));

  help = _iap_cli_dup_command_help (command);
  g_print ("%s", help);

  return IAP_CLI_EXIT_OK;
}

/* GApplication's own options, which the application passes on to it. */
static gboolean
is_application_option (const char *arg)
{
  static const char * const options[] = {
    "--gapplication-service", "--help-gapplication", "--help-all", "--no-network", NULL
  };

  return g_strv_contains (options, arg);
}

/**
 * iap_cli_handles:
 * @argc: as main() has it
 * @argv: as main() has it
 *
 * Whether the command line is for the command line alone: a command,
 * --help, --version, or an option the application does not know (a
 * usage error, exit status 2). Otherwise the application opens the
 * FILEs in windows.
 */
gboolean
iap_cli_handles (int    argc,
                 char **argv)
{
  if (argc < 2)
    return FALSE;
  if (iap_cli_lookup_command (argv[1]) != NULL)
    return TRUE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (argv[i][0] == '-' && argv[i][1] != '\0' && !is_application_option (argv[i]))
        return TRUE;
    }

  return FALSE;
}

gboolean
iap_cli_is_command (const char *word)
{
  return iap_cli_lookup_command (word) != NULL;
}

static int
run_command (const IapCliCommand  *command,
             int                   argc,
             char                **argv)
{
  g_autoptr(IapCliArgs) args = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help = FALSE;

  args = _iap_cli_args_parse (command, argc, argv, &help, &error);
  if (args == NULL)
    {
      g_printerr ("%s %s: %s\n", g_get_prgname (), command->name, error->message);
      g_printerr (_("Run “%s %s --help” for its usage.\n"), g_get_prgname (), command->name);
      return IAP_CLI_EXIT_USAGE;
    }
  if (help)
    {
      g_autofree char *text = _iap_cli_dup_command_help (command);

      g_print ("%s", text);
      return IAP_CLI_EXIT_OK;
    }

  return command->run (args);
}

int
iap_cli_run (int    argc,
             char **argv)
{
  const IapCliCommand *command;

  g_return_val_if_fail (argc > 1, IAP_CLI_EXIT_USAGE);

  g_set_prgname ("iap-workshop");

  command = iap_cli_lookup_command (argv[1]);
  if (command != NULL)
    return run_command (command, argc - 1, argv + 1);

  /* Options of the application itself: --help and --version win over
   * anything else, as in GNU programs. */
  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_main_help ();
          return IAP_CLI_EXIT_OK;
        }
    }
  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    {
      if (g_str_equal (argv[i], "--version"))
        {
          g_print ("%s %s\n", g_get_prgname (), PACKAGE_VERSION);
          return IAP_CLI_EXIT_OK;
        }
    }
  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    {
      if (argv[i][0] == '-' && argv[i][1] != '\0' && !is_application_option (argv[i]))
        {
          g_printerr (_("%s: unknown option “%s”\n"), g_get_prgname (), argv[i]);
          g_printerr (_("Run “%s --help” for its usage.\n"), g_get_prgname ());
          return IAP_CLI_EXIT_USAGE;
        }
    }

  g_printerr (_("%s: unknown command “%s”\n"), g_get_prgname (), argv[1]);

  return IAP_CLI_EXIT_USAGE;
}
