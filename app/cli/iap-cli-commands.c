/* iap-cli-commands.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every command of `iap-workshop COMMAND`, with its options and exit
 * statuses: the one table that parsing and --help use. The man page
 * (docs/iap-workshop.rst) and the bash completion
 * (resources/iap-workshop.bash-completion) are written by hand and the
 * cli-docs test checks both against this table, so a command or option
 * added here without them fails the test suite. */

#define G_LOG_DOMAIN "iap-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-cli.h"
#include "iap-cli-command.h"
#include "iap-cli-compare.h"
#include "iap-cli-export.h"

static const IapCliOption no_options[] = {
  { NULL }
};

static const IapCliOption summary_options[] = {
  { "json", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Print the computed results as one JSON object") },
  { NULL }
};

static const IapCliOption export_options[] = {
  { "output", 'o', N_("OUT"), NULL, IAP_CLI_COMPLETE_FILE,
    N_("Write to OUT; its extension says the format") },
  { "paper", 0, N_("PAPER"), "a4 letter", IAP_CLI_COMPLETE_NONE,
    N_("Paper size of the report: a4 (default) or letter") },
  { "anonymize", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Leave people’s names out of the report or the tables") },
  { "table", 0, N_("TABLE"), "register mitigations ratings dissents", IAP_CLI_COMPLETE_NONE,
    N_("Export one table as a spreadsheet: register, mitigations, ratings or dissents") },
  { "chart", 0, N_("CHART"), "heatmap residual triple-hatting integration-map option-maps movement", IAP_CLI_COMPLETE_NONE,
    N_("Export one chart instead of the report: heatmap, residual, triple-hatting, integration-map, option-maps or movement") },
  { "since", 0, N_("OTHER"), NULL, IAP_CLI_COMPLETE_FILE,
    N_("Add to the report what changed since the workshop OTHER; with --chart=movement, draw "
       "where each risk moved since OTHER") },
  { "size", 0, N_("WxH"), NULL, IAP_CLI_COMPLETE_NONE,
    N_("Size of the chart, in pixels for PNG and points for SVG and PDF (default 800x600)") },
  { "lang", 0, N_("LANG"), NULL, IAP_CLI_COMPLETE_NONE,
    N_("Write in LANG (ar, en, es, fr, ru or zh_CN) rather than the language of the interface") },
  { NULL }
};

static const IapCliOption ballots_options[] = {
  { "output", 'o', N_("DIR"), NULL, IAP_CLI_COMPLETE_DIRECTORY,
    N_("Write the ballots in the folder DIR, made if needed") },
  { "round", 0, N_("ID"), NULL, IAP_CLI_COMPLETE_NONE,
    N_("The open round the ballots are for (the round in progress when left out)") },
  { "new-round", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Start a new round of ballots first, closing a revealed one, and save FILE with it") },
  { "risks", 0, N_("RISKS"), "all unagreed", IAP_CLI_COMPLETE_NONE,
    N_("The risks of the new round: all (default) or unagreed, those without an agreed rating") },
  { "format", 0, N_("FORMATS"), NULL, IAP_CLI_COMPLETE_NONE,
    N_("The forms to write, separated by commas: pdf, csv, iapb (default: all three)") },
  { NULL }
};

static const IapCliOption collect_options[] = {
  { "json", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Print what was imported, refused and in conflict as one JSON object") },
  { "dry-run", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Check the ballots and print the preview without changing FILE") },
  { "partial", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Import the ballots that can be, even when others are refused or in conflict") },
  { NULL }
};

static const IapCliOption serve_options[] = {
  { "address", 0, N_("ADDR"), NULL, IAP_CLI_COMPLETE_NONE,
    N_("Listen on ADDR, an IP address of this computer on the room’s network, and nowhere else") },
  { "port", 0, N_("N"), NULL, IAP_CLI_COMPLETE_NONE,
    N_("Listen on port N (default 8080; 0 for any free port)") },
  { "round", 0, N_("ID"), NULL, IAP_CLI_COMPLETE_NONE,
    N_("The open round to vote in (the round in progress when left out)") },
  { "new-round", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Start a new round first, closing a revealed one, and save FILE with it") },
  { "risks", 0, N_("RISKS"), "all unagreed", IAP_CLI_COMPLETE_NONE,
    N_("The risks of the new round: all (default) or unagreed, those without an agreed rating") },
  { "codes", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Print each participant’s join code after the address, one “id<TAB>code” line each") },
  { NULL }
};

static const IapCliOption import_options[] = {
  { "map", 0, N_("COLUMN=FIELD"), NULL, IAP_CLI_COMPLETE_NONE,
    N_("Read the column with this header (or letter) as FIELD; may be repeated") },
  { "default", 0, N_("FIELD=VALUE"), NULL, IAP_CLI_COMPLETE_NONE,
    N_("Give FIELD this value in every row without one, such as arrangement=co-location; may be repeated") },
  { "no-new-entries", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Leave out the rows whose arrangement or area the catalog does not have, instead of adding them to it") },
  { "dry-run", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Show what would be imported; change nothing") },
  { "json", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Print the columns, the risks, the new catalog entries and the problems as one JSON object") },
  { NULL }
};

static const IapCliOption diff_options[] = {
  { "json", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Print the changes as one JSON object") },
  { NULL }
};

static const IapCliOption merge_options[] = {
  { "output", 'o', N_("OUT"), NULL, IAP_CLI_COMPLETE_FILE,
    N_("Write the merged workshop to OUT") },
  { "prefer", 0, N_("SIDE"), "ours theirs", IAP_CLI_COMPLETE_NONE,
    N_("Decide every conflict the same way: ours keeps BASE’s values, theirs takes the other file’s") },
  { "json", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Print what each file adds and what conflicts as one JSON object") },
  { NULL }
};

static const IapCliStatus validate_statuses[] = {
  { IAP_CLI_EXIT_OK, N_("every FILE is a valid workshop") },
  { IAP_CLI_EXIT_INVALID, N_("a FILE is not a valid workshop or cannot be read") },
  { IAP_CLI_EXIT_USAGE, N_("the command line is wrong") },
  { -1 }
};

static const IapCliStatus summary_statuses[] = {
  { IAP_CLI_EXIT_OK, N_("the summary was printed") },
  { IAP_CLI_EXIT_INVALID, N_("FILE is not a valid workshop or cannot be read") },
  { IAP_CLI_EXIT_USAGE, N_("the command line is wrong") },
  { -1 }
};

static const IapCliStatus export_statuses[] = {
  { IAP_CLI_EXIT_OK, N_("OUT was written") },
  { IAP_CLI_EXIT_INVALID, N_("FILE is not a valid workshop or cannot be read, or OUT could not be written") },
  { IAP_CLI_EXIT_USAGE, N_("the command line is wrong") },
  { -1 }
};

static const IapCliStatus import_statuses[] = {
  { IAP_CLI_EXIT_OK, N_("the risks were imported (with --dry-run: would be); rows that could not be read are listed") },
  { IAP_CLI_EXIT_INVALID, N_("FILE or TABLE cannot be read, FILE could not be saved, or no row of TABLE is a risk that can be imported") },
  { IAP_CLI_EXIT_USAGE, N_("the command line is wrong") },
  { -1 }
};

static const IapCliStatus upgrade_statuses[] = {
  { IAP_CLI_EXIT_OK, N_("every FILE was rewritten") },
  { IAP_CLI_EXIT_INVALID, N_("a FILE is not a valid workshop, comes from a newer version or could not be saved") },
  { IAP_CLI_EXIT_USAGE, N_("the command line is wrong") },
  { -1 }
};

static const IapCliStatus ballots_statuses[] = {
  { IAP_CLI_EXIT_OK, N_("the ballots were written") },
  { IAP_CLI_EXIT_INVALID, N_("FILE is not a valid workshop, has no open round to send, or a file could not be written") },
  { IAP_CLI_EXIT_USAGE, N_("the command line is wrong") },
  { -1 }
};

static const IapCliStatus collect_statuses[] = {
  { IAP_CLI_EXIT_OK, N_("every BALLOT was imported (or, with --dry-run, would be)") },
  { IAP_CLI_EXIT_INVALID, N_("a BALLOT was refused, is in conflict or has a value that could not be read; "
                             "then nothing was imported, unless --partial") },
  { IAP_CLI_EXIT_USAGE, N_("the command line is wrong") },
  { -1 }
};

static const IapCliStatus serve_statuses[] = {
  { IAP_CLI_EXIT_OK, N_("the votes were taken and FILE was saved") },
  { IAP_CLI_EXIT_INVALID, N_("FILE is not a valid workshop, has no open round, cannot be saved, or ADDR cannot "
                             "be listened on") },
  { IAP_CLI_EXIT_USAGE, N_("the command line is wrong") },
  { -1 }
};

static const IapCliStatus diff_statuses[] = {
  { 0, N_("the two workshops are the same") },
  { 1, N_("they differ") },
  { 2, N_("the command line is wrong, or a FILE is not a valid workshop or cannot be read") },
  { -1 }
};

static const IapCliStatus merge_statuses[] = {
  { IAP_CLI_EXIT_OK, N_("OUT was written") },
  { IAP_CLI_EXIT_INVALID, N_("a FILE is not a valid workshop or cannot be read, a conflict is not decided, or OUT could not be written; OUT is left as it was") },
  { IAP_CLI_EXIT_USAGE, N_("the command line is wrong") },
  { -1 }
};

static const IapCliStatus help_statuses[] = {
  { IAP_CLI_EXIT_OK, N_("the help was printed") },
  { IAP_CLI_EXIT_USAGE, N_("COMMAND is not a command") },
  { -1 }
};

static const IapCliCommand commands[] = {
  { "validate", N_("FILE…"),
    N_("Check workshop files"),
    N_("Checks each FILE as opening it would. Prints nothing for a valid file, and one line per "
       "problem, FILE:LINE: reason, on standard output."),
    "iapw", no_options, validate_statuses, iap_cli_validate },
  { "summary", N_("[--json] FILE"),
    N_("Summarise a workshop"),
    N_("Prints a short summary of the workshop: its setting, each risk’s agreed bands, the "
       "structural options and the mitigation plan. With --json, prints the computed results as "
       "one JSON object whose members are documented with the file format."),
    "iapw", summary_options, summary_statuses, iap_cli_summary },
  { "export", N_("FILE -o OUT.pdf [--paper=PAPER] [--anonymize] [--since=OTHER] [--lang=LANG]\n"
                 "FILE --chart=CHART [--size=WxH] [--lang=LANG] -o OUT.png|OUT.svg|OUT.pdf\n"
                 "FILE --chart=movement --since=OTHER [--size=WxH] [--lang=LANG] -o OUT.png|OUT.svg|OUT.pdf\n"
                 "FILE [--table=TABLE] [--anonymize] [--lang=LANG] -o OUT.ods|OUT.csv"),
    N_("Print a workshop’s report, one of its charts or its tables"),
    N_("Writes the printed report (summary page, register, group results, mitigation plan, "
       "changes since an earlier workshop if asked, and method) as PDF, one chart as PNG, SVG or "
       "PDF, or the register, the mitigation plan, the group ratings and the dissents as an "
       "OpenDocument spreadsheet, one sheet each or the one --table names, or that one table as CSV."),
    "iapw", export_options, export_statuses, iap_cli_export },
  { "import-risks", N_("FILE TABLE.ods|TABLE.csv [OPTION…]"),
    N_("Add the risks of a spreadsheet to a workshop"),
    N_("Reads a risk list from the first sheet of TABLE, one risk per row under a header row, "
       "and adds the risks to the workshop FILE as one edit, saved as the application saves. "
       "What each column holds is guessed from its header, in English or French; --map "
       "changes it. Arrangements and areas are matched to the catalog by id or label; the "
       "others are added to the workshop’s catalog. Rows that cannot be read are listed with "
       "their row number and the reason, and left out."),
    "iapw ods csv", import_options, import_statuses, iap_cli_import_risks },
  { "upgrade", N_("FILE…"),
    N_("Rewrite workshop files in the current format"),
    N_("Rewrites each FILE in the current file format with the same safe save as the "
       "application, keeping the previous version as FILE~. A file written by a newer version "
       "is left as it is."),
    "iapw", no_options, upgrade_statuses, iap_cli_upgrade },
  { "ballots", N_("FILE [--round=ID] -o DIR [--format=FORMATS]\n"
                  "FILE --new-round [--risks=RISKS] -o DIR [--format=FORMATS]"),
    N_("Write each participant's ballot of a round"),
    N_("Writes one ballot per participant for the open round of FILE, in the folder DIR: a printed "
       "ballot pack (PDF), spreadsheet ballots (CSV) and application ballots (.iapb). With "
       "--new-round, starts a round of ballots first; FILE is saved when it changed, so that the "
       "ballots' codes can be checked when they come back."),
    "iapw", ballots_options, ballots_statuses, iap_cli_ballots },
  { "collect", N_("FILE BALLOT… [--json] [--dry-run] [--partial]"),
    N_("Import returned ballots into the open round"),
    N_("Reads each BALLOT (spreadsheet or application ballot) and imports the scores into the "
       "open round of FILE as one edit, then saves FILE. Prints, per ballot, its participant, how "
       "many scores and blanks it holds, and every value it could not read with its row: never a "
       "score. A ballot for another workshop or round, of an unknown participant, or whose code "
       "does not match is refused; two ballots of one participant with different scores are in "
       "conflict."),
    "iapw csv iapb", collect_options, collect_statuses, iap_cli_collect },
  { "serve", N_("FILE --address=ADDR [--port=N] [--round=ID] [--codes]\n"
                "FILE --new-round [--risks=RISKS] --address=ADDR [--port=N] [--codes]"),
    N_("Let the participants score the open round from their phones"),
    N_("Serves the open round of FILE to the phones of the room, at ADDR only, and prints the address "
       "to open (and, with --codes, each participant’s join code). Each participant joins with their own "
       "code and scores each risk; they may change an answer until the vote stops. The votes are kept as "
       "a draft within seconds; on SIGINT or SIGTERM, or a few seconds after every participant has scored "
       "every risk, the server stops and FILE is saved. Refused requests are printed on standard error with the "
       "reason."),
    "iapw", serve_options, serve_statuses, iap_cli_serve },
  { "diff", N_("[--json] A B"),
    N_("Show what changed from one workshop to another"),
    N_("Lists what changed from workshop A to workshop B, step by step: participants, the "
       "environment classification and its reasons, risks added, removed and changed (title, "
       "arrangement, area, ratings), the options analysis, measures and the recommendation. Risks "
       "are paired by id, or for files made apart by arrangement, area and a similar title. Prints "
       "nothing when the two are the same."),
    "iapw", diff_options, diff_statuses, iap_cli_diff },
  { "merge", N_("BASE OTHER… -o OUT [--prefer=SIDE] [--json]"),
    N_("Merge field offices’ workshop files into one"),
    N_("Adds to workshop BASE what each OTHER file has and BASE lacks, and writes the result to "
       "OUT; merged risks and measures keep the name of their file as their source. Where an "
       "OTHER gives a risk, a measure or an answer another value than BASE, nothing is written "
       "unless --prefer says which side to keep; in the application, the facilitator decides "
       "each one."),
    "iapw", merge_options, merge_statuses, iap_cli_merge },
  { "help", N_("[COMMAND]"),
    N_("Show the help of the application or of one command"),
    N_("Without COMMAND, prints the same as iap-workshop --help; with it, the same as "
       "iap-workshop COMMAND --help."),
    NULL, no_options, help_statuses, iap_cli_help },
};

/**
 * iap_cli_get_commands:
 * @n_commands: (out): how many commands there are
 *
 * Returns: (transfer none): the commands, in the order --help lists them
 */
const IapCliCommand *
iap_cli_get_commands (guint *n_commands)
{
  g_return_val_if_fail (n_commands != NULL, NULL);

  *n_commands = G_N_ELEMENTS (commands);

  return commands;
}

/**
 * iap_cli_lookup_command:
 * @name: (nullable): a command's name
 *
 * Returns: (transfer none) (nullable): the command called @name
 */
const IapCliCommand *
iap_cli_lookup_command (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (name, commands[i].name))
        return &commands[i];
    }

  return NULL;
}
