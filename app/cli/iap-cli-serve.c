/* iap-cli-serve.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `iap-workshop serve`: room voting without a display, for a kiosk or a
 * test. The same server as the window's (IapRoomServer); this file reads
 * the command line, says where to vote, keeps a draft of every vote
 * within seconds, and saves the workshop with the safe save when it is
 * stopped (SIGINT, SIGTERM) or when every participant has scored every
 * risk.
 */

#define G_LOG_DOMAIN "iap-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>

#include "iap-cli.h"
#include "iap-cli-command.h"
#include "iap-cli-export.h"
#include "iap-drafts.h"
#include "iap-room-address.h"
#include "iap-room-server.h"
#include "iap-workshop-file.h"

/* A vote is in the draft this long after it arrived, at most */
#define DRAFT_DELAY_SECONDS 2
/* How long the server stays up once everyone has voted */
#define COMPLETE_GRACE_SECONDS 3

typedef struct
{
  IapWorkshop *workshop;
  IapRoomServer *server;
  GMainLoop *loop;
  char *draft;                  /* the draft's id */
  guint draft_source;
  guint n_refusals_printed;
  gboolean complete;
} Serve;

static gboolean
on_signal (gpointer data)
{
  Serve *serve = data;

  g_main_loop_quit (serve->loop);

  return G_SOURCE_CONTINUE;
}

static gboolean
write_draft (gpointer data)
{
  Serve *serve = data;
  g_autoptr(GError) error = NULL;

  serve->draft_source = 0;
  if (!iap_drafts_write (serve->draft, serve->workshop, &error))
    g_printerr (_("The votes cannot be kept as a draft: %s\n"), error->message);

  return G_SOURCE_REMOVE;
}

static void
on_history_changed (Serve *serve)
{
  if (serve->draft_source == 0)
    serve->draft_source = g_timeout_add_seconds (DRAFT_DELAY_SECONDS, write_draft, serve);
}

static gboolean
quit (gpointer data)
{
  Serve *serve = data;

  g_main_loop_quit (serve->loop);

  return G_SOURCE_REMOVE;
}

/* Once everyone has voted, the last phone still loads its confirmation */
static void
on_votes (Serve *serve)
{
  if (serve->complete || !iap_room_server_is_complete (serve->server))
    return;

  serve->complete = TRUE;
  g_timeout_add_seconds (COMPLETE_GRACE_SECONDS, quit, serve);
}

/* Each refusal as it happens, on standard error */
static void
on_refusals (GListModel *refusals,
             guint       position,
             guint       removed,
             guint       added,
             Serve      *serve)
{
  for (guint i = serve->n_refusals_printed; i < g_list_model_get_n_items (refusals); i++)
    {
      g_autoptr(IapRoomRefusal) refusal = g_list_model_get_item (refusals, i);

      /* Translators: a request the vote server refused: "refused: 192.168.1.31: A wrong join code" */
      g_printerr (_("refused: %s: %s\n"), iap_room_refusal_get_address (refusal),
                  iap_room_refusal_get_reason (refusal));
    }
  serve->n_refusals_printed = g_list_model_get_n_items (refusals);
}

static void
print_codes (IapRoundSession *session)
{
  GListModel *participants = iap_workshop_get_participants (iap_round_session_get_workshop (session));

  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (participants, i);
      g_autofree char *code = iap_round_session_dup_ballot_code (session, iap_participant_get_id (p));

      g_print ("%s\t%s\n", iap_participant_get_id (p), code);
    }
}

static void
warn_about_address (const char *address)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  IapRoomAddressKind kind = inet != NULL ? iap_room_address_classify (inet) : IAP_ROOM_ADDRESS_PRIVATE;

  if (kind == IAP_ROOM_ADDRESS_ANY)
    g_printerr (_("Warning: %s is every network this computer is on: anyone on any of them can reach the "
                  "vote.\n"), address);
  else if (iap_room_address_kind_is_public (kind))
    g_printerr (_("Warning: %s looks like a public network: devices beyond the room may reach the vote.\n"),
                address);
}

static int
check_arguments (IapCliArgs *args,
                 guint      *port)
{
  const char *text = iap_cli_args_get_value (args, "port");
  guint64 value = 8080;

  if (iap_cli_args_get_n_operands (args) != 1)
    return iap_cli_usage_error (args, _("give one FILE"));
  if (iap_cli_args_get_value (args, "address") == NULL)
    return iap_cli_usage_error (args, _("give the address to listen on with --address, such as "
                                        "--address=192.168.1.20 (see ip address)"));
  if (!g_hostname_is_ip_address (iap_cli_args_get_value (args, "address")))
    return iap_cli_usage_error (args, _("--address takes an IP address of this computer, such as 192.168.1.20, "
                                        "not a name"));
  if (iap_cli_args_get_value (args, "round") != NULL && iap_cli_args_get_flag (args, "new-round"))
    return iap_cli_usage_error (args, _("give --round or --new-round, not both"));
  if (iap_cli_args_get_value (args, "risks") != NULL && !iap_cli_args_get_flag (args, "new-round"))
    return iap_cli_usage_error (args, _("--risks chooses the risks of a new round: give --new-round too"));
  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT16, &value, NULL))
    return iap_cli_usage_error (args, _("--port takes a number from 0 to 65535 (0: any free port)"));
  *port = value;

  return IAP_CLI_EXIT_OK;
}

/* Serves until stopped or complete; FALSE when it could not start */
static gboolean
run_server (Serve           *serve,
            IapRoundSession *session,
            IapCliArgs      *args,
            const char      *path,
            guint            port)
{
  const char *address = iap_cli_args_get_value (args, "address");
  GListModel *refusals;
  g_autoptr(GError) error = NULL;
  guint sigint, sigterm;

  serve->server = iap_room_server_new (session);
  if (!iap_room_server_start (serve->server, address, port, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  /* The round's secret, or a new round: kept before any code is given */
  if (iap_workshop_get_modified (serve->workshop) && iap_cli_save_workshop (serve->workshop, path) != IAP_CLI_EXIT_OK)
    return FALSE;

  warn_about_address (address);
  g_print ("%s\n", iap_room_server_get_url (serve->server));
  if (iap_cli_args_get_flag (args, "codes"))
    print_codes (session);
  /* A script reads the address before the first vote */
  fflush (stdout);
  g_printerr (_("Voting on round %u: Ctrl+C stops it and saves %s.\n"),
              iap_round_get_number (iap_round_session_get_round (session)), path);

  serve->loop = g_main_loop_new (NULL, FALSE);
  serve->draft = iap_drafts_new_id ();
  refusals = iap_room_server_get_refusals (serve->server);
  g_signal_connect_swapped (iap_workshop_get_history (serve->workshop), "changed",
                            G_CALLBACK (on_history_changed), serve);
  g_signal_connect_swapped (serve->server, "notify::n-votes", G_CALLBACK (on_votes), serve);
  g_signal_connect (refusals, "items-changed", G_CALLBACK (on_refusals), serve);
  sigint = g_unix_signal_add (SIGINT, on_signal, serve);
  sigterm = g_unix_signal_add (SIGTERM, on_signal, serve);

  g_main_loop_run (serve->loop);

  g_source_remove (sigint);
  g_source_remove (sigterm);
  iap_room_server_stop (serve->server);
  g_clear_handle_id (&serve->draft_source, g_source_remove);
  g_signal_handlers_disconnect_by_data (iap_workshop_get_history (serve->workshop), serve);
  g_signal_handlers_disconnect_by_data (refusals, serve);

  return TRUE;
}

int
iap_cli_serve (IapCliArgs *args)
{
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(IapRoundSession) session = NULL;
  Serve serve = { NULL };
  const char *path;
  guint port = 0;
  int status;

  if ((status = check_arguments (args, &port)) != IAP_CLI_EXIT_OK)
    return status;

  path = iap_cli_args_get_operand (args, 0);
  if ((workshop = iap_cli_load_workshop (path)) == NULL)
    return IAP_CLI_EXIT_INVALID;
  session = iap_round_session_new (workshop);
  if (!iap_cli_find_round (session, args))
    return IAP_CLI_EXIT_INVALID;

  serve.workshop = workshop;
  status = IAP_CLI_EXIT_INVALID;
  if (run_server (&serve, session, args, path, port))
    {
      if (serve.complete)
        g_printerr (_("Every participant has scored every risk.\n"));
      /* Translators: the end of `serve`: "Votes taken: 156. Requests refused: 3." */
      g_printerr (_("Votes taken: %u. Requests refused: %u.\n"), iap_room_server_get_n_votes (serve.server),
                  g_list_model_get_n_items (iap_room_server_get_refusals (serve.server)));
      status = iap_cli_save_workshop (workshop, path);
      if (status == IAP_CLI_EXIT_OK)
        {
          iap_drafts_remove (serve.draft);
          g_printerr (_("Saved %s.\n"), path);
        }
    }

  g_clear_object (&serve.server);
  g_clear_pointer (&serve.loop, g_main_loop_unref);
  g_free (serve.draft);

  return status;
}
