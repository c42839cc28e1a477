/* iap-cli-ballots.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `iap-workshop ballots` and `iap-workshop collect`: a round scored by
 * every participant on paper, in a spreadsheet or in their own copy,
 * without a display. The rules are the core's (IapRoundSession,
 * IapBallotCollect); this file reads the command line and says what
 * happened.
 */

#define G_LOG_DOMAIN "iap-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "iap-ballot-collect.h"
#include "iap-ballot-csv.h"
#include "iap-ballot-file.h"
#include "iap-ballot-pack.h"
#include "iap-cli.h"
#include "iap-cli-command.h"
#include "iap-cli-export.h"
#include "iap-csv.h"
#include "iap-workshop-file.h"

typedef struct
{
  gboolean pdf;
  gboolean csv;
  gboolean iapb;
} Formats;

static gboolean
parse_formats (const char *text,
               Formats    *formats)
{
  g_auto(GStrv) names = g_strsplit (text != NULL ? text : "pdf,csv,iapb", ",", -1);

  *formats = (Formats) { FALSE, FALSE, FALSE };
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strstrip (names[i]);
      if (g_str_equal (names[i], "pdf"))
        formats->pdf = TRUE;
      else if (g_str_equal (names[i], "csv"))
        formats->csv = TRUE;
      else if (g_str_equal (names[i], "iapb"))
        formats->iapb = TRUE;
      else
        return FALSE;
    }

  return formats->pdf || formats->csv || formats->iapb;
}

/* The risks of a new round: every one, or those without an agreed rating */
static GStrv
choose_risks (IapWorkshop *workshop,
              gboolean     unagreed)
{
  GListModel *risks = iap_workshop_get_risks (workshop);
  IapScales *scales = iap_workshop_get_scales (workshop);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      if (!unagreed || !iap_risk_get_rating (risk, IAP_RATING_INHERENT, scales, NULL, NULL, NULL))
        g_strv_builder_add (builder, iap_risk_get_id (risk));
    }

  return g_strv_builder_end (builder);
}

/* The round the ballots (or the phones) are for: a new one, the one
 * named, or the one in play; FALSE with the reason printed when there is
 * none to use */
gboolean
iap_cli_find_round (IapRoundSession *session,
                    IapCliArgs      *args)
{
  const char *id = iap_cli_args_get_value (args, "round");
  const char *risks = iap_cli_args_get_value (args, "risks");
  IapRound *round = iap_round_session_get_round (session);
  g_autoptr(GError) error = NULL;

  if (iap_cli_args_get_flag (args, "new-round"))
    {
      IapWorkshop *workshop = iap_round_session_get_workshop (session);
      g_auto(GStrv) ids = choose_risks (workshop, g_strcmp0 (risks, "unagreed") == 0);

      if (iap_round_session_start (session, "ballot", (const char * const *) ids, FALSE, &error))
        return TRUE;
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (iap_round_session_get_stage (session) != IAP_ROUND_STAGE_OPEN ||
      (id != NULL && g_strcmp0 (id, iap_round_get_id (round)) != 0))
    {
      if (id != NULL)
        g_printerr (_("Round “%s” is not the open round: only the round in progress takes scores.\n"), id);
      else
        g_printerr (_("No round is open: start one with --new-round.\n"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_file (GFile       *folder,
            const char  *name,
            GBytes      *bytes,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);

  return iap_file_replace_safely (file, bytes, NULL, error);
}

/* Each participant's spreadsheet and application ballot; the printed
 * pack gathers every participant's pages in one PDF */
static gboolean
write_ballots (IapRoundSession *session,
               GFile           *folder,
               const Formats   *formats,
               GPtrArray       *sheets,
               GError         **error)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (session);
  GListModel *participants = iap_workshop_get_participants (workshop);
  char separator = iap_csv_locale_separator ();

  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (participants, i);
      g_autoptr(IapBallotSheet) sheet = iap_ballot_sheet_new (session, iap_participant_get_id (p), error);

      if (sheet == NULL)
        return FALSE;
      if (formats->csv)
        {
          g_autoptr(GBytes) bytes = iap_ballot_csv_write (sheet, separator);
          g_autofree char *name = iap_ballot_sheet_dup_file_name (sheet, "csv");

          if (!write_file (folder, name, bytes, error))
            return FALSE;
        }
      if (formats->iapb)
        {
          g_autoptr(GBytes) bytes = iap_ballot_file_to_bytes (sheet);
          g_autofree char *name = iap_ballot_sheet_dup_file_name (sheet, "iapb");

          if (!write_file (folder, name, bytes, error))
            return FALSE;
        }
      g_ptr_array_add (sheets, g_steal_pointer (&sheet));
    }
  if (formats->pdf && sheets->len > 0)
    {
      g_autofree char *name = g_strdup_printf ("ballots-round%u.pdf",
                                               iap_round_get_number (iap_round_session_get_round (session)));
      g_autoptr(GBytes) bytes = iap_ballot_pack_to_pdf (sheets, error);

      if (bytes == NULL || !write_file (folder, name, bytes, error))
        return FALSE;
    }

  return TRUE;
}

int
iap_cli_save_workshop (IapWorkshop *workshop,
                       const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (iap_workshop_save (workshop, file, NULL, &error))
    return IAP_CLI_EXIT_OK;

  g_printerr ("%s: %s\n", path, error->message);
  return IAP_CLI_EXIT_INVALID;
}

int
iap_cli_ballots (IapCliArgs *args)
{
  const char *path;
  const char *output = iap_cli_args_get_value (args, "output");
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(IapRoundSession) session = NULL;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  Formats formats;

  if (iap_cli_args_get_n_operands (args) != 1)
    return iap_cli_usage_error (args, _("give one FILE"));
  if (output == NULL)
    return iap_cli_usage_error (args, _("give the folder to write the ballots in with -o DIR"));
  if (!parse_formats (iap_cli_args_get_value (args, "format"), &formats))
    return iap_cli_usage_error (args, _("--format takes pdf, csv and iapb, separated by commas"));
  if (iap_cli_args_get_flag (args, "new-round") && iap_cli_args_get_value (args, "round") != NULL)
    return iap_cli_usage_error (args, _("give --round or --new-round, not both"));
  if (!iap_cli_args_get_flag (args, "new-round") && iap_cli_args_get_value (args, "risks") != NULL)
    return iap_cli_usage_error (args, _("--risks chooses the risks of a new round: give --new-round too"));

  path = iap_cli_args_get_operand (args, 0);
  if ((workshop = iap_cli_load_workshop (path)) == NULL)
    return IAP_CLI_EXIT_INVALID;
  session = iap_round_session_new (workshop);
  if (!iap_cli_find_round (session, args) || !iap_round_session_prepare_ballots (session, &error))
    {
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      return IAP_CLI_EXIT_INVALID;
    }

  folder = g_file_new_for_commandline_arg (output);
  if (!g_file_make_directory_with_parents (folder, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return IAP_CLI_EXIT_INVALID;
    }
  g_clear_error (&error);
  if (!write_ballots (session, folder, &formats, sheets, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return IAP_CLI_EXIT_INVALID;
    }

  /* A new round, or the codes' secret, are kept with the workshop: the
   * ballots are read back against them */
  if (iap_workshop_get_modified (workshop) && iap_cli_save_workshop (workshop, path) != IAP_CLI_EXIT_OK)
    return IAP_CLI_EXIT_INVALID;

  g_print (g_dngettext (NULL, "Round %u: %u ballot written in %s\n", "Round %u: %u ballots written in %s\n",
                        sheets->len),
           iap_round_get_number (iap_round_session_get_round (session)), sheets->len, output);

  return IAP_CLI_EXIT_OK;
}

/* Collecting ------------------------------------------------------------ */

static gboolean
is_clean (IapBallotCollect *collect)
{
  return iap_ballot_collect_count (collect, IAP_BALLOT_REFUSED) == 0 &&
         iap_ballot_collect_count (collect, IAP_BALLOT_CONFLICT) == 0 &&
         iap_ballot_collect_count_problems (collect) == 0;
}

static guint
n_scores (IapBallot *ballot)
{
  return iap_ballot_get_n_scores (ballot) + iap_ballot_get_n_factor_scores (ballot);
}

static void
add_imported (JsonBuilder      *builder,
              IapBallotCollect *collect,
              GListModel       *ballots)
{
  json_builder_set_member_name (builder, "imported");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr(IapBallot) ballot = g_list_model_get_item (ballots, i);
      IapBallotStatus status = iap_ballot_collect_get_status (collect, ballot);

      if (status != IAP_BALLOT_READY && status != IAP_BALLOT_UNCHANGED)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "participant");
      json_builder_add_string_value (builder, iap_ballot_get_participant (ballot));
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, iap_ballot_get_source (ballot));
      json_builder_set_member_name (builder, "scores");
      json_builder_add_int_value (builder, n_scores (ballot));
      json_builder_set_member_name (builder, "blanks");
      json_builder_add_int_value (builder, iap_ballot_get_n_blanks (ballot));
      json_builder_set_member_name (builder, "unchanged");
      json_builder_add_boolean_value (builder, status == IAP_BALLOT_UNCHANGED);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_refused (JsonBuilder      *builder,
             IapBallotCollect *collect,
             GListModel       *ballots)
{
  json_builder_set_member_name (builder, "refused");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr(IapBallot) ballot = g_list_model_get_item (ballots, i);

      if (iap_ballot_collect_get_status (collect, ballot) != IAP_BALLOT_REFUSED)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, iap_ballot_get_source (ballot));
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, iap_ballot_collect_get_reason (collect, ballot));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Each participant's conflict once, with every file in it */
static void
add_conflicts (JsonBuilder      *builder,
               IapBallotCollect *collect,
               GListModel       *ballots)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr(IapBallot) ballot = g_list_model_get_item (ballots, i);
      g_autoptr(GPtrArray) rivals = NULL;
      gboolean with_round = FALSE;

      if (iap_ballot_collect_get_status (collect, ballot) != IAP_BALLOT_CONFLICT ||
          !g_hash_table_add (seen, (gpointer) iap_ballot_get_participant (ballot)))
        continue;
      rivals = iap_ballot_collect_dup_rivals (collect, ballot, &with_round);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "participant");
      json_builder_add_string_value (builder, iap_ballot_get_participant (ballot));
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, iap_ballot_get_source (ballot));
      for (guint r = 0; r < rivals->len; r++)
        json_builder_add_string_value (builder, iap_ballot_get_source (g_ptr_array_index (rivals, r)));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "with_round");
      json_builder_add_boolean_value (builder, with_round);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_problems (JsonBuilder      *builder,
              IapBallotCollect *collect,
              GListModel       *ballots)
{
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr(IapBallot) ballot = g_list_model_get_item (ballots, i);

      if (iap_ballot_collect_get_status (collect, ballot) == IAP_BALLOT_REFUSED)
        continue;
      for (guint p = 0; p < iap_ballot_get_n_problems (ballot); p++)
        {
          const IapBallotProblem *problem = iap_ballot_get_problem (ballot, p);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "file");
          json_builder_add_string_value (builder, iap_ballot_get_source (ballot));
          json_builder_set_member_name (builder, "line");
          json_builder_add_int_value (builder, problem->line);
          json_builder_set_member_name (builder, "reason");
          json_builder_add_string_value (builder, problem->reason);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
}

static void
print_json (IapBallotCollect *collect,
            gboolean          imported)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  GListModel *ballots = iap_ballot_collect_get_ballots (collect);
  IapRound *round = iap_round_session_get_round (iap_ballot_collect_get_session (collect));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "round");
  json_builder_add_string_value (builder, iap_round_get_id (round));
  json_builder_set_member_name (builder, "written");
  json_builder_add_boolean_value (builder, imported);
  add_imported (builder, collect, ballots);
  add_refused (builder, collect, ballots);
  add_conflicts (builder, collect, ballots);
  add_problems (builder, collect, ballots);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);
}

/* "Amara Diallo (p7)", or the id alone when it is no participant */
static char *
dup_who (IapBallotCollect *collect,
         IapBallot        *ballot)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (iap_ballot_collect_get_session (collect));
  const char *id = iap_ballot_get_participant (ballot);
  IapParticipant *p = id != NULL ? iap_workshop_find_participant (workshop, id) : NULL;
  g_autofree char *label = p != NULL ? iap_participant_dup_label (p) : NULL;

  return label != NULL ? g_strdup_printf ("%s (%s)", label, id) : g_strdup (id != NULL ? id : "?");
}

/* One line per ballot, counts and reasons: never a score */
static void
print_text (IapBallotCollect *collect,
            gboolean          imported)
{
  GListModel *ballots = iap_ballot_collect_get_ballots (collect);

  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr(IapBallot) ballot = g_list_model_get_item (ballots, i);
      g_autofree char *who = dup_who (collect, ballot);
      const char *source = iap_ballot_get_source (ballot);
      guint n = n_scores (ballot), blanks = iap_ballot_get_n_blanks (ballot);

      switch (iap_ballot_collect_get_status (collect, ballot))
        {
        case IAP_BALLOT_REFUSED:
          g_print (_("%s: refused: %s\n"), source, iap_ballot_collect_get_reason (collect, ballot));
          continue;
        case IAP_BALLOT_CONFLICT:
          g_print (_("%s: %s: its scores differ from another ballot of the same participant, or from those "
                     "the round holds; nothing of it is taken until one is chosen\n"), source, who);
          break;
        case IAP_BALLOT_DUPLICATE:
          g_print (_("%s: %s: the same scores as another ballot, taken once\n"), source, who);
          break;
        case IAP_BALLOT_SKIPPED:
          g_print (_("%s: %s: not chosen\n"), source, who);
          break;
        case IAP_BALLOT_UNCHANGED:
          /* Translators: a ballot collected: file, participant, how many scores and blanks */
          g_print (_("%s: %s: %u scored, %u left blank, already in the round\n"), source, who, n, blanks);
          break;
        case IAP_BALLOT_READY:
        default:
          /* Translators: a ballot collected: file, participant, how many scores and blanks */
          g_print (_("%s: %s: %u scored, %u left blank\n"), source, who, n, blanks);
          break;
        }
      for (guint p = 0; p < iap_ballot_get_n_problems (ballot); p++)
        {
          const IapBallotProblem *problem = iap_ballot_get_problem (ballot, p);

          g_print ("%s:%u: %s\n", source, problem->line, problem->reason);
        }
    }
  if (!imported)
    g_print (_("Nothing was imported.\n"));
}

int
iap_cli_collect (IapCliArgs *args)
{
  const char *path;
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(IapRoundSession) session = NULL;
  g_autoptr(IapBallotCollect) collect = NULL;
  g_autoptr(GError) error = NULL;
  gboolean clean, import;

  if (iap_cli_args_get_n_operands (args) < 2)
    return iap_cli_usage_error (args, _("give FILE and at least one BALLOT"));

  path = iap_cli_args_get_operand (args, 0);
  if ((workshop = iap_cli_load_workshop (path)) == NULL)
    return IAP_CLI_EXIT_INVALID;
  session = iap_round_session_new (workshop);
  if (iap_round_session_get_stage (session) != IAP_ROUND_STAGE_OPEN)
    {
      g_printerr (_("%s: no round is open: ballots go into the round in progress.\n"), path);
      return IAP_CLI_EXIT_INVALID;
    }

  collect = iap_ballot_collect_new (session);
  for (guint i = 1; i < iap_cli_args_get_n_operands (args); i++)
    {
      const char *name = iap_cli_args_get_operand (args, i);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
      g_autoptr(IapBallot) ballot = iap_ballot_read (workshop, file, name, NULL);

      iap_ballot_collect_add (collect, ballot);
    }

  clean = is_clean (collect);
  import = !iap_cli_args_get_flag (args, "dry-run") && (clean || iap_cli_args_get_flag (args, "partial"));
  /* Said as judged before the import, which makes every ballot taken
   * "unchanged" */
  if (iap_cli_args_get_flag (args, "json"))
    print_json (collect, import);
  else
    print_text (collect, import);

  if (import && iap_ballot_collect_count (collect, IAP_BALLOT_READY) > 0)
    {
      iap_ballot_collect_import (collect, &error);
      if (error != NULL || iap_cli_save_workshop (workshop, path) != IAP_CLI_EXIT_OK)
        {
          if (error != NULL)
            g_printerr ("%s: %s\n", path, error->message);
          return IAP_CLI_EXIT_INVALID;
        }
    }

  return clean ? IAP_CLI_EXIT_OK : IAP_CLI_EXIT_INVALID;
}
