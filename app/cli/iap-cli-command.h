/* iap-cli-command.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "iap-cli.h"
#include "iap-round-session.h"

G_BEGIN_DECLS

/* The exit statuses of every command; a command documents what each
 * means for it in its table entry. */
typedef enum
{
  IAP_CLI_EXIT_OK      = 0,
  IAP_CLI_EXIT_INVALID = 1,
  IAP_CLI_EXIT_USAGE   = 2,
} IapCliExit;

/* What the shell completes for an option's argument or an operand. */
typedef enum
{
  IAP_CLI_COMPLETE_NONE,       /* free text: an id, a size */
  IAP_CLI_COMPLETE_FILE,       /* any file */
  IAP_CLI_COMPLETE_DIRECTORY,
} IapCliComplete;

typedef struct
{
  const char     *name;         /* long name, without "--" */
  char            short_name;   /* or 0 */
  const char     *arg;          /* what the argument is (translatable), or NULL for a flag */
  const char     *choices;      /* the only values accepted, space-separated, or NULL */
  IapCliComplete  complete;     /* without choices: what completes the argument */
  const char     *description;  /* translatable */
} IapCliOption;

typedef struct
{
  int         status;           /* -1 ends the list */
  const char *meaning;          /* translatable */
} IapCliStatus;

typedef int (*IapCliRun) (IapCliArgs *args);

/* One command of `iap-workshop COMMAND`. The table of them in
 * iap-cli-commands.c is what --help prints; the man page
 * (docs/iap-workshop.rst) and the bash completion
 * (resources/iap-workshop.bash-completion) are tested against it. */
typedef struct
{
  const char         *name;
  const char         *synopsis;      /* what follows "iap-workshop NAME", one line per form (translatable) */
  const char         *summary;       /* one line for `iap-workshop --help` (translatable) */
  const char         *description;   /* a paragraph for `iap-workshop NAME --help` (translatable) */
  const char         *extensions;    /* operands completed as files with these extensions
                                      * (space-separated, no dot), "" for any file, NULL for none */
  const IapCliOption *options;       /* ends with a NULL name; --help is implied */
  const IapCliStatus *statuses;      /* ends with status -1 */
  IapCliRun           run;
} IapCliCommand;

const IapCliCommand *iap_cli_get_commands        (guint         *n_commands);
const IapCliCommand *iap_cli_lookup_command      (const char    *name);

guint                iap_cli_text_width          (const char    *text);
char                *iap_cli_pad                 (const char    *text,
                                                  guint          columns);

int                  iap_cli_usage_error         (IapCliArgs    *args,
                                                  const char    *format,
                                                  ...) G_GNUC_PRINTF (2, 3);

gboolean             iap_cli_args_get_flag       (IapCliArgs    *args,
                                                  const char    *option);
const char          *iap_cli_args_get_value      (IapCliArgs    *args,
                                                  const char    *option);
const char * const  *iap_cli_args_get_values     (IapCliArgs    *args,
                                                  const char    *option);
guint                iap_cli_args_get_n_operands (IapCliArgs    *args);
const char          *iap_cli_args_get_operand    (IapCliArgs    *args,
                                                  guint          index);

/* Shared by the commands of a round: ballots, collect and serve */
int                  iap_cli_save_workshop       (IapWorkshop   *workshop,
                                                  const char    *path);
gboolean             iap_cli_find_round          (IapRoundSession *session,
                                                  IapCliArgs    *args);

/* Private to app/cli: parsing and help. */
IapCliArgs          *_iap_cli_args_parse         (const IapCliCommand  *command,
                                                  int                   argc,
                                                  char                **argv,
                                                  gboolean             *help,
                                                  GError              **error);
void                 _iap_cli_args_free          (IapCliArgs           *args);
char                *_iap_cli_dup_command_help   (const IapCliCommand  *command);
char                *_iap_cli_dup_main_help      (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapCliArgs, _iap_cli_args_free)

G_END_DECLS
