/* test-room.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "iap-room-address.h"
#include "iap-room-server.h"

/* Room voting in one process, without a display: the server on
 * 127.0.0.1, a libsoup client on the same main loop, and the round
 * session that takes the votes. What the command line test cannot
 * reach is here: a vote after the reveal, undo, the snapshot following
 * the round, and the addresses of the laptop. */

typedef struct
{
  IapWorkshop *workshop;
  IapRoundSession *session;
  IapRoomServer *server;
  SoupSession *client;
  char *p[3];
  char *r[2];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *risks[3] = { NULL };

  f->workshop = iap_workshop_new ();
  for (guint i = 0; i < G_N_ELEMENTS (f->p); i++)
    f->p[i] = g_strdup (iap_participant_get_id (iap_workshop_add_participant (f->workshop, "humanitarian",
                                                                              NULL, NULL)));
  for (guint i = 0; i < G_N_ELEMENTS (f->r); i++)
    {
      g_autofree char *title = g_strdup_printf ("Risk <%u> & co", i + 1);

      f->r[i] = g_strdup (iap_risk_get_id (iap_workshop_add_risk (f->workshop, "co-location", "access", title)));
      risks[i] = f->r[i];
    }
  f->session = iap_round_session_new (f->workshop);
  g_assert_true (iap_round_session_start (f->session, "ballot", risks, FALSE, &error));
  g_assert_no_error (error);
  f->server = iap_room_server_new (f->session);
  f->client = soup_session_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->server);
  g_clear_object (&f->session);
  g_clear_object (&f->workshop);
  for (guint i = 0; i < G_N_ELEMENTS (f->p); i++)
    g_free (f->p[i]);
  for (guint i = 0; i < G_N_ELEMENTS (f->r); i++)
    g_free (f->r[i]);
}

typedef struct
{
  GBytes *body;
  gboolean done;
} Reply;

static void
on_reply (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Reply *reply = data;

  reply->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  reply->done = TRUE;
}

/* Sends a request as a phone would, turning the main loop meanwhile:
 * the server takes votes on it */
static guint
request (Fixture     *f,
         const char  *method,
         const char  *path,
         const char  *form,
         char       **body)
{
  g_autofree char *uri = g_strconcat (iap_room_server_get_url (f->server), path + 1, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);
  Reply reply = { NULL, FALSE };

  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  if (form != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded", bytes);
    }
  soup_session_send_and_read_async (f->client, message, G_PRIORITY_DEFAULT, NULL, on_reply, &reply);
  while (!reply.done)
    g_main_context_iteration (NULL, TRUE);

  if (body != NULL)
    *body = reply.body != NULL ? g_strndup (g_bytes_get_data (reply.body, NULL), g_bytes_get_size (reply.body))
                               : g_strdup ("");
  g_clear_pointer (&reply.body, g_bytes_unref);

  return soup_message_get_status (message);
}

static char *
token_of (const char *page)
{
  const char *at = strstr (page, "name=\"token\" value=\"");

  g_assert_nonnull (at);
  at += strlen ("name=\"token\" value=\"");

  return g_strndup (at, strchr (at, '"') - at);
}

static char *
vote_form (Fixture    *f,
           const char *code,
           guint       likelihood,
           guint       impact)
{
  g_autofree char *path = g_strdup_printf ("/v/%s/1", code);
  g_autofree char *page = NULL;
  g_autofree char *token = NULL;

  g_assert_cmpuint (request (f, "GET", path, NULL, &page), ==, 200);
  token = token_of (page);

  return g_strdup_printf ("token=%s&likelihood=%u&impact=%u", token, likelihood, impact);
}

static void
start (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (iap_room_server_start (f->server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  g_assert_true (iap_room_server_get_running (f->server));
  g_assert_cmpuint (iap_room_server_get_port (f->server), >, 0);
}

static void
wait_for_snapshot (void)
{
  gint64 until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_vote_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  IapRound *round = iap_round_session_get_round (f->session);
  g_autofree char *code = NULL;
  g_autofree char *path = NULL;
  g_autofree char *form = NULL;
  g_autofree char *page = NULL;
  guint likelihood = 0, impact = 0;

  start (f);
  code = iap_round_session_dup_ballot_code (f->session, f->p[0]);
  path = g_strdup_printf ("/v/%s/1", code);
  form = vote_form (f, code, 4, 2);

  g_assert_cmpuint (request (f, "POST", path, form, NULL), ==, 303);
  g_assert_true (iap_round_lookup_rating (round, f->p[0], f->r[0], &likelihood, &impact));
  g_assert_cmpuint (likelihood, ==, 4);
  g_assert_cmpuint (impact, ==, 2);
  g_assert_cmpstr (iap_history_get_undo_label (iap_workshop_get_history (f->workshop)), ==, _("Room Vote"));
  g_assert_cmpuint (iap_round_session_count_scores (f->session, f->p[0]), ==, 1);
  g_assert_cmpuint (iap_room_server_get_n_votes (f->server), ==, 1);

  /* The participant's own answer shows on their page; the title is
   * escaped */
  g_assert_cmpuint (request (f, "GET", path, NULL, &page), ==, 200);
  g_assert_nonnull (strstr (page, "value=\"4\" required checked"));
  g_assert_nonnull (strstr (page, "Risk &lt;1&gt; &amp; co"));
  g_clear_pointer (&page, g_free);

  /* Changed before the round closes: the new answer replaces the old */
  g_clear_pointer (&form, g_free);
  form = vote_form (f, code, 1, 5);
  g_assert_cmpuint (request (f, "POST", path, form, NULL), ==, 303);
  g_assert_true (iap_round_lookup_rating (round, f->p[0], f->r[0], &likelihood, &impact));
  g_assert_cmpuint (likelihood, ==, 1);
  g_assert_cmpuint (impact, ==, 5);

  /* Undone by the facilitator: the page follows the round */
  g_assert_true (iap_workshop_undo (f->workshop));
  g_assert_true (iap_workshop_undo (f->workshop));
  g_assert_false (iap_round_lookup_rating (round, f->p[0], f->r[0], &likelihood, &impact) && likelihood > 0);
  wait_for_snapshot ();
  g_assert_cmpuint (request (f, "GET", path, NULL, &page), ==, 200);
  g_assert_null (strstr (page, "checked"));
  g_assert_false (iap_room_server_is_complete (f->server));
}

static void
test_after_reveal (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *refusals = iap_room_server_get_refusals (f->server);
  g_autofree char *code = NULL;
  g_autofree char *path = NULL;
  g_autofree char *form = NULL;
  g_autofree char *page = NULL;
  g_autoptr(IapRoomRefusal) refusal = NULL;
  g_autoptr(GError) error = NULL;

  start (f);
  code = iap_round_session_dup_ballot_code (f->session, f->p[1]);
  path = g_strdup_printf ("/v/%s/1", code);
  form = vote_form (f, code, 3, 3);
  g_assert_cmpuint (request (f, "POST", path, form, NULL), ==, 303);

  /* The page was open on the phone when the facilitator revealed */
  g_clear_pointer (&form, g_free);
  form = vote_form (f, code, 5, 5);
  g_assert_true (iap_round_session_reveal (f->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (request (f, "POST", path, form, &page), ==, 409);
  g_assert_nonnull (strstr (page, "role=\"alert\""));
  g_assert_cmpuint (g_list_model_get_n_items (refusals), ==, 1);
  refusal = g_list_model_get_item (refusals, 0);
  g_assert_cmpstr (iap_room_refusal_get_reason (refusal), ==, _("A vote after the round closed"));
  g_assert_cmpstr (iap_room_refusal_get_address (refusal), ==, "127.0.0.1");

  /* The score in the round is the one sent before the reveal */
  g_assert_cmpuint (iap_round_session_count_scores (f->session, f->p[1]), ==, 1);
  g_assert_cmpuint (iap_room_server_get_n_votes (f->server), ==, 1);
}

static void
test_complete_and_stop (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GSocketClient) socket_client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  guint port;

  start (f);
  port = iap_room_server_get_port (f->server);
  for (guint p = 0; p < G_N_ELEMENTS (f->p); p++)
    {
      g_autofree char *code = iap_round_session_dup_ballot_code (f->session, f->p[p]);

      for (guint r = 0; r < G_N_ELEMENTS (f->r); r++)
        {
          g_autofree char *path = g_strdup_printf ("/v/%s/%u", code, r + 1);
          g_autofree char *page = NULL;
          g_autofree char *token = NULL;
          g_autofree char *form = NULL;

          g_assert_false (iap_room_server_is_complete (f->server));
          g_assert_cmpuint (request (f, "GET", path, NULL, &page), ==, 200);
          token = token_of (page);
          form = g_strdup_printf ("token=%s&likelihood=%u&impact=%u", token, p + 1, r + 1);
          g_assert_cmpuint (request (f, "POST", path, form, NULL), ==, 303);
        }
    }
  g_assert_true (iap_room_server_is_complete (f->server));

  iap_room_server_stop (f->server);
  g_assert_false (iap_room_server_get_running (f->server));
  g_assert_null (iap_room_server_get_url (f->server));
  connection = g_socket_client_connect_to_host (socket_client, "127.0.0.1", port, NULL, &error);
  g_assert_null (connection);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
}

static void
test_start_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IapRoomServer) second = iap_room_server_new (f->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketListener) busy = g_socket_listener_new ();
  guint port;

  g_assert_false (iap_room_server_start (f->server, "not-an-address", 0, &error));
  g_assert_error (error, IAP_ROOM_SERVER_ERROR, IAP_ROOM_SERVER_ERROR_ADDRESS);
  g_clear_error (&error);

  /* A port another program listens on */
  port = g_socket_listener_add_any_inet_port (busy, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (iap_room_server_start (second, "127.0.0.1", port, &error));
  g_assert_error (error, IAP_ROOM_SERVER_ERROR, IAP_ROOM_SERVER_ERROR_ADDRESS);
  g_assert_false (iap_room_server_get_running (second));
  g_clear_error (&error);

  /* No round open: nothing to serve */
  g_assert_true (iap_round_session_score (f->session, f->p[0], f->r[0], 1, 1, NULL));
  g_assert_true (iap_round_session_reveal (f->session, NULL));
  g_assert_true (iap_round_session_close (f->session, NULL));
  g_assert_false (iap_room_server_start (f->server, "127.0.0.1", 0, &error));
  g_assert_error (error, IAP_ROOM_SERVER_ERROR, IAP_ROOM_SERVER_ERROR_ROUND);
}

static void
test_addresses (void)
{
  static const struct { const char *address; IapRoomAddressKind kind; } cases[] = {
    { "127.0.0.1", IAP_ROOM_ADDRESS_LOOPBACK },
    { "::1", IAP_ROOM_ADDRESS_LOOPBACK },
    { "10.2.3.4", IAP_ROOM_ADDRESS_PRIVATE },
    { "172.16.0.9", IAP_ROOM_ADDRESS_PRIVATE },
    { "172.31.255.1", IAP_ROOM_ADDRESS_PRIVATE },
    { "172.32.0.1", IAP_ROOM_ADDRESS_PUBLIC },
    { "192.168.1.20", IAP_ROOM_ADDRESS_PRIVATE },
    { "169.254.10.1", IAP_ROOM_ADDRESS_LINK_LOCAL },
    { "100.64.1.1", IAP_ROOM_ADDRESS_SHARED },
    { "100.128.1.1", IAP_ROOM_ADDRESS_PUBLIC },
    { "8.8.8.8", IAP_ROOM_ADDRESS_PUBLIC },
    { "0.0.0.0", IAP_ROOM_ADDRESS_ANY },
    { "::", IAP_ROOM_ADDRESS_ANY },
    { "fd12:3456::1", IAP_ROOM_ADDRESS_PRIVATE },
    { "fe80::1", IAP_ROOM_ADDRESS_LINK_LOCAL },
    { "2001:db8::1", IAP_ROOM_ADDRESS_PUBLIC },
    { "::ffff:192.168.0.3", IAP_ROOM_ADDRESS_PRIVATE },
  };
  g_autoptr(GPtrArray) addresses = iap_room_list_addresses ();
  gboolean loopback = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (cases[i].address);

      g_assert_cmpint (iap_room_address_classify (inet), ==, cases[i].kind);
    }
  g_assert_true (iap_room_address_kind_is_public (IAP_ROOM_ADDRESS_PUBLIC));
  g_assert_true (iap_room_address_kind_is_public (IAP_ROOM_ADDRESS_ANY));
  g_assert_false (iap_room_address_kind_is_public (IAP_ROOM_ADDRESS_PRIVATE));

  /* The machine has a loopback interface, listed last */
  for (guint i = 0; i < addresses->len; i++)
    {
      IapRoomAddress *a = addresses->pdata[i];

      if (a->kind == IAP_ROOM_ADDRESS_LOOPBACK)
        loopback = TRUE;
      else
        g_assert_false (loopback);
    }
  g_assert_true (loopback);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/room/addresses", test_addresses);
  g_test_add ("/room/vote-and-undo", Fixture, NULL, fixture_set_up, test_vote_and_undo, fixture_tear_down);
  g_test_add ("/room/after-reveal", Fixture, NULL, fixture_set_up, test_after_reveal, fixture_tear_down);
  g_test_add ("/room/complete-and-stop", Fixture, NULL, fixture_set_up, test_complete_and_stop, fixture_tear_down);
  g_test_add ("/room/start-refused", Fixture, NULL, fixture_set_up, test_start_refused, fixture_tear_down);

  return g_test_run ();
}
