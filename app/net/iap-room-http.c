/* iap-room-http.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The HTTP side of room voting, on a thread of its own with its own main
 * context: a libsoup server bound to the one address the facilitator
 * chose, answering the phones from the snapshot. A vote goes to the main
 * thread, which takes it into the round (or refuses it, by the same
 * rules as a returned ballot) and sends the answer back here; the
 * request waits paused meanwhile.
 *
 * What it checks, before anything reaches the workshop (the threat
 * model is in docs/room-voting.md):
 * - the Host header names this server, so that a page elsewhere cannot
 *   reach it through a name that resolves here;
 * - every page past the join page carries a participant's join code;
 *   an address that sends more than a few wrong codes in a minute is
 *   refused until the minute is over;
 * - a vote carries its participant's form token (an HMAC under the
 *   round's secret, only ever written in that participant's pages);
 * - a request body is a small form, announced with its length: anything
 *   larger, or of unknown length, is refused before it is read;
 * - every answer forbids framing, caching, sniffing and referrers, and
 *   loads nothing but this server's own style and script.
 */

#define G_LOG_DOMAIN "iap-room"

#include "config.h"

#include <errno.h>
#include <gio/gnetworking.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/socket.h>

#include "iap-ballot-code.h"
#include "iap-room-private.h"

#define MAX_BODY             (8 * 1024)
#define WRONG_CODES_ALLOWED  5
#define WRONG_CODE_WINDOW    (60 * G_USEC_PER_SEC)
#define MAX_ADDRESSES_KEPT   4096
/* Connections waiting to be accepted: more than a room of phones */
#define LISTEN_BACKLOG       256
/* How long a stop waits for the answers already given to be sent */
#define DRAIN_MSEC           1000
/* How often the connections the phones have closed are looked for */
#define SWEEP_SECONDS        2

/* RFC 6585, which libsoup 3.2 does not name */
#define TOO_MANY_REQUESTS    429

typedef struct
{
  gint64 since;
  guint failures;
} Attempts;

struct _IapRoomHttp
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  GInetSocketAddress *address;
  IapRoomVoteFunc on_vote;
  IapRoomRefuseFunc on_refuse;
  gpointer data;
  IapMessages *messages[IAP_ROOM_N_LANGUAGES];

  /* The start, told to the thread that asked for it */
  GMutex lock;
  GCond cond;
  gboolean started;
  GError *error;
  guint port;

  /* The server thread's alone */
  SoupServer *server;
  IapRoomSnapshot *snapshot;
  guint8 *answers;
  GHashTable *attempts;         /* address -> Attempts */
  char *host;                   /* what the Host header must say */
  GHashTable *waiting;          /* SoupServerMessage: votes the main thread has */
  guint sending;                /* vote answers not yet sent whole */
  gboolean stopping;
  guint drain_source;
  GHashTable *sockets;          /* GSocket of each connection -> closed by the phone when last looked */
  guint sweep_source;
};

typedef struct
{
  IapRoomHttp *http;
  SoupServerMessage *message;
  const char *address;
  IapRoomPage page;
} Request;

static void
set_security_headers (SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  soup_message_headers_replace (headers, "Content-Security-Policy",
                                "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "Cross-Origin-Resource-Policy", "same-origin");
}

static void
respond (Request    *request,
         guint       status,
         const char *type,
         GBytes     *body)
{
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  soup_server_message_set_status (request->message, status, NULL);
  soup_server_message_set_response (request->message, type, SOUP_MEMORY_COPY, data, size);
}

static void
respond_page (Request *request,
              guint    status,
              GBytes  *page)
{
  respond (request, status, "text/html; charset=utf-8", page);
  g_bytes_unref (page);
}

static void
respond_message (Request    *request,
                 guint       status,
                 const char *title,
                 const char *text,
                 gboolean    rejoin)
{
  respond_page (request, status, _iap_room_page_message (&request->page, title, text, rejoin));
}

static const char *
tr (Request    *request,
    const char *msgid) G_GNUC_FORMAT (2);

static const char *
tr (Request    *request,
    const char *msgid)
{
  return iap_messages_gettext (request->page.messages, msgid);
}

static void
refuse (Request    *request,
        const char *reason)
{
  request->http->on_refuse (request->address, reason, request->http->data);
}

/* The page's language: asked for by a link, kept in a cookie, or the
 * first of the browser's that the pages are written in */
static guint
choose_language (Request    *request,
                 GHashTable *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->message);
  const char *asked = query != NULL ? g_hash_table_lookup (query, "lang") : NULL;
  const char *cookies = soup_message_headers_get_one (headers, "Cookie");
  const char *accept = soup_message_headers_get_one (headers, "Accept-Language");
  g_autoptr(GHashTable) jar = NULL;
  GSList *wanted;
  gint language = -1;

  for (guint l = 0; asked != NULL && l < IAP_ROOM_N_LANGUAGES; l++)
    if (g_str_equal (asked, iap_room_languages[l]))
      {
        g_autofree char *cookie = g_strdup_printf ("iap-lang=%s; Path=/; SameSite=Strict; HttpOnly",
                                                   iap_room_languages[l]);

        soup_message_headers_append (soup_server_message_get_response_headers (request->message),
                                     "Set-Cookie", cookie);
        return l;
      }

  jar = cookies != NULL ? soup_header_parse_semi_param_list (cookies) : NULL;
  asked = jar != NULL ? g_hash_table_lookup (jar, "iap-lang") : NULL;
  for (guint l = 0; asked != NULL && l < IAP_ROOM_N_LANGUAGES; l++)
    if (g_str_equal (asked, iap_room_languages[l]))
      return l;

  wanted = accept != NULL ? soup_header_parse_quality_list (accept, NULL) : NULL;
  for (GSList *w = wanted; w != NULL && language < 0; w = w->next)
    for (guint l = 0; l < IAP_ROOM_N_LANGUAGES && language < 0; l++)
      {
        /* By the language subtag alone: "zh" or "zh-Hans" read the
         * Chinese pages, "es-419" the Spanish ones */
        const char *tag = w->data;
        gsize n = strcspn (iap_room_languages[l], "-");

        if (g_ascii_strncasecmp (tag, iap_room_languages[l], n) == 0 && (tag[n] == '\0' || tag[n] == '-'))
          language = l;
      }
  soup_header_free_list (wanted);

  return language >= 0 ? (guint) language : 0;
}

static gboolean
is_blocked (IapRoomHttp *http,
            const char  *address)
{
  Attempts *attempts = g_hash_table_lookup (http->attempts, address);

  return attempts != NULL && attempts->failures >= WRONG_CODES_ALLOWED &&
         g_get_monotonic_time () - attempts->since < WRONG_CODE_WINDOW;
}

static void
count_wrong_code (IapRoomHttp *http,
                  const char  *address)
{
  gint64 now = g_get_monotonic_time ();
  Attempts *attempts = g_hash_table_lookup (http->attempts, address);

  /* Forget the addresses whose minute is over, should many try */
  if (attempts == NULL && g_hash_table_size (http->attempts) >= MAX_ADDRESSES_KEPT)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, http->attempts);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (now - ((Attempts *) value)->since >= WRONG_CODE_WINDOW)
          g_hash_table_iter_remove (&iter);
    }
  if (attempts == NULL)
    {
      attempts = g_new0 (Attempts, 1);
      attempts->since = now;
      g_hash_table_insert (http->attempts, g_strdup (address), attempts);
    }
  if (now - attempts->since >= WRONG_CODE_WINDOW)
    {
      attempts->since = now;
      attempts->failures = 0;
    }
  attempts->failures++;
}

static void
respond_blocked (Request *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->message);

  soup_message_headers_replace (headers, "Retry-After", "60");
  respond_message (request, TOO_MANY_REQUESTS, tr (request, N_("Too many wrong codes")),
                   tr (request, N_("This device sent several wrong join codes in a row. Wait a minute, then type "
                                   "your code again, or ask the facilitator.")),
                   TRUE);
}

/* The participant whose code @text is, or NULL with the request answered */
static IapRoomVoter *
find_voter (Request    *request,
            const char *text)
{
  IapRoomHttp *http = request->http;
  g_autofree char *code = text != NULL ? iap_ballot_code_normalize (text) : NULL;
  IapRoomVoter *voter = code != NULL ? g_hash_table_lookup (http->snapshot->by_code, code) : NULL;
  gpointer earlier = NULL;
  g_autofree char *reason = NULL;

  if (voter != NULL)
    return voter;

  if (code != NULL && g_hash_table_lookup_extended (http->snapshot->earlier, code, NULL, &earlier))
    {
      reason = g_strdup_printf (_("A join code of round %u, which takes no more scores"), GPOINTER_TO_UINT (earlier));
      refuse (request, reason);
      respond_page (request, SOUP_STATUS_FORBIDDEN,
                    _iap_room_page_join (&request->page, tr (request, N_("This code is from an earlier round. Ask the "
                                                                        "facilitator for this round’s code."))));
      return NULL;
    }

  count_wrong_code (http, request->address);
  refuse (request, _("A wrong join code"));
  respond_page (request, SOUP_STATUS_FORBIDDEN,
                _iap_room_page_join (&request->page, tr (request, N_("This join code is not one of this round’s. "
                                                                    "Check it against your ballot page."))));
  return NULL;
}

static GBytes *
read_static (const char  *path,
             const char **type)
{
  static const struct { const char *path, *resource, *type; } files[] = {
    { "/static/phone.css", RESOURCE_PREFIX "/phone/phone.css", "text/css; charset=utf-8" },
    { "/static/phone.js", RESOURCE_PREFIX "/phone/phone.js", "text/javascript; charset=utf-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (g_str_equal (path, files[i].path))
      {
        *type = files[i].type;
        return g_resources_lookup_data (files[i].resource, 0, NULL);
      }

  return NULL;
}

static guint
first_unanswered (Request      *request,
                  IapRoomVoter *voter)
{
  IapRoomSnapshot *snapshot = request->http->snapshot;
  guint v = _iap_room_snapshot_index (snapshot, voter);
  guint n = snapshot->risks->len;

  for (guint r = 0; r < n; r++)
    if (request->http->answers[(v * n + r) * 2] == 0)
      return r;

  return n;
}

static void
redirect (Request    *request,
          const char *path)
{
  soup_server_message_set_redirect (request->message, SOUP_STATUS_SEE_OTHER, path);
}

static guint
parse_number (const char *text,
              guint       most)
{
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, most, &value, NULL))
    return 0;

  return value;
}

static gboolean
tokens_equal (const char *given,
              const char *expected)
{
  gsize n = strlen (expected);
  guint8 diff = 0;

  if (given == NULL || strlen (given) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    diff |= given[i] ^ expected[i];

  return diff == 0;
}

/* A vote: checked here, taken into the round by the main thread */
static void
post_vote (Request      *request,
           IapRoomVoter *voter,
           guint         index)
{
  IapRoomHttp *http = request->http;
  IapRoomSnapshot *snapshot = http->snapshot;
  SoupServerMessage *message = request->message;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_autoptr(GHashTable) form = NULL;
  IapRoomVote *vote;
  guint likelihood, impact;

  if (g_strcmp0 (type, "application/x-www-form-urlencoded") != 0)
    {
      refuse (request, _("A vote that is not a form"));
      respond_message (request, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, tr (request, N_("Not sent")),
                       tr (request, N_("This answer did not come from the page’s form.")), TRUE);
      return;
    }
  form = soup_form_decode (text);
  if (!tokens_equal (g_hash_table_lookup (form, "token"), voter->token))
    {
      refuse (request, _("A vote without its form token: it did not come from the participant’s page"));
      respond_message (request, SOUP_STATUS_FORBIDDEN, tr (request, N_("Not sent")),
                       tr (request, N_("This answer did not come from your page. Open your page again and send it "
                                       "from there.")), TRUE);
      return;
    }
  if (!snapshot->open)
    {
      refuse (request, _("A vote after the round closed"));
      respond_page (request, SOUP_STATUS_CONFLICT, _iap_room_page_risk (&request->page, voter, index, 0, NULL));
      return;
    }
  likelihood = parse_number (g_hash_table_lookup (form, "likelihood"), snapshot->likelihood->len);
  impact = parse_number (g_hash_table_lookup (form, "impact"), snapshot->impact->len);
  if (likelihood == 0 || impact == 0)
    {
      respond_page (request, SOUP_STATUS_UNPROCESSABLE_ENTITY,
                    _iap_room_page_risk (&request->page, voter, index, 0,
                                         tr (request, N_("Choose a likelihood and an impact, then send."))));
      return;
    }

  vote = g_new0 (IapRoomVote, 1);
  vote->message = g_object_ref (message);
  vote->address = g_strdup (request->address);
  vote->round = g_strdup (snapshot->round);
  vote->participant = g_strdup (voter->id);
  vote->code = g_strdup (voter->code);
  vote->risk = g_strdup (((IapRoomRisk *) snapshot->risks->pdata[index])->id);
  vote->voter = _iap_room_snapshot_index (snapshot, voter);
  vote->risk_index = index;
  vote->likelihood = likelihood;
  vote->impact = impact;
  vote->language = request->page.language;
  soup_server_message_pause (message);
  g_hash_table_add (http->waiting, g_object_ref (message));
  http->on_vote (vote, http->data);
}

static void
respond_state (Request      *request,
               IapRoomVoter *voter)
{
  IapRoomSnapshot *snapshot = request->http->snapshot;
  guint v = _iap_room_snapshot_index (snapshot, voter);
  guint n = snapshot->risks->len, answered = 0;
  g_autofree char *json = NULL;

  for (guint r = 0; r < n; r++)
    answered += request->http->answers[(v * n + r) * 2] != 0;
  json = g_strdup_printf ("{\"open\":%s,\"answered\":%u,\"total\":%u}", snapshot->open ? "true" : "false",
                          answered, n);
  soup_server_message_set_status (request->message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (request->message, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

/* /v/CODE/[N|done|state] */
static void
handle_voter (Request    *request,
              const char *rest,
              GHashTable *query,
              gboolean    post)
{
  IapRoomSnapshot *snapshot = request->http->snapshot;
  g_auto(GStrv) parts = g_strsplit (rest, "/", 3);
  const char *page = parts[0] != NULL && parts[1] != NULL ? parts[1] : "";
  IapRoomVoter *voter;
  guint index, sent;

  if (is_blocked (request->http, request->address))
    {
      respond_blocked (request);
      return;
    }
  if ((voter = find_voter (request, parts[0])) == NULL)
    return;

  /* The code as ballots write it, so that links and forms are the same */
  if (!g_str_equal (parts[0], voter->code) || (parts[1] == NULL && !post))
    {
      g_autofree char *path = g_strdup_printf ("/v/%s/%s", voter->code, page);

      redirect (request, path);
      return;
    }

  sent = parse_number (query != NULL ? g_hash_table_lookup (query, "sent") : NULL, snapshot->risks->len);
  index = parse_number (page, snapshot->risks->len);
  if (index > 0 && post)
    post_vote (request, voter, index - 1);
  else if (post)
    respond_message (request, SOUP_STATUS_METHOD_NOT_ALLOWED, tr (request, N_("Not sent")),
                     tr (request, N_("This page takes no answers.")), TRUE);
  else if (index > 0)
    respond_page (request, SOUP_STATUS_OK, _iap_room_page_risk (&request->page, voter, index - 1, sent, NULL));
  else if (g_str_equal (page, "done"))
    respond_page (request, SOUP_STATUS_OK, _iap_room_page_done (&request->page, voter, sent));
  else if (g_str_equal (page, "state"))
    respond_state (request, voter);
  else if (*page == '\0' && snapshot->risks->len > 0)
    {
      guint next = first_unanswered (request, voter);
      g_autofree char *path = next < snapshot->risks->len ? g_strdup_printf ("/v/%s/%u", voter->code, next + 1)
                                                          : g_strdup_printf ("/v/%s/done", voter->code);

      redirect (request, path);
    }
  else if (*page == '\0')
    respond_message (request, SOUP_STATUS_OK, tr (request, N_("Nothing to score")),
                     tr (request, N_("This round has no risk to score from a phone.")), FALSE);
  else
    respond_message (request, SOUP_STATUS_NOT_FOUND, tr (request, N_("No such page")),
                     tr (request, N_("This page does not exist.")), TRUE);
}

static void
handle_join (Request    *request,
             GHashTable *query)
{
  const char *code = query != NULL ? g_hash_table_lookup (query, "code") : NULL;
  IapRoomVoter *voter;
  g_autofree char *path = NULL;

  if (is_blocked (request->http, request->address))
    {
      respond_blocked (request);
      return;
    }
  if (code == NULL || *code == '\0')
    {
      respond_page (request, SOUP_STATUS_OK, _iap_room_page_join (&request->page, NULL));
      return;
    }
  if ((voter = find_voter (request, code)) == NULL)
    return;

  path = g_strdup_printf ("/v/%s/", voter->code);
  redirect (request, path);
}

static void
respond_stopped (Request *request)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (request->message), "Connection", "close");
  respond_message (request, SOUP_STATUS_SERVICE_UNAVAILABLE, tr (request, N_("The vote has stopped")),
                   tr (request, N_("The facilitator has stopped the vote before this answer was taken. Ask the "
                                   "facilitator whether it will start again.")), FALSE);
}

static gboolean
check_host (Request *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->message);
  const char *host = soup_message_headers_get_one (headers, "Host");

  return host != NULL && g_ascii_strcasecmp (host, request->http->host) == 0;
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           data)
{
  IapRoomHttp *http = data;
  const char *method = soup_server_message_get_method (message);
  gboolean post = method == SOUP_METHOD_POST;
  Request request = { http, message, soup_server_message_get_remote_host (message), { 0 } };
  const char *type = NULL;
  g_autoptr(GBytes) file = NULL;

  request.page.snapshot = http->snapshot;
  request.page.answers = http->answers;
  set_security_headers (message);
  if (request.address == NULL)
    request.address = "";
  if (!check_host (&request))
    {
      soup_server_message_set_status (message, SOUP_STATUS_MISDIRECTED_REQUEST, NULL);
      return;
    }
  request.page.language = choose_language (&request, query);
  request.page.messages = http->messages[request.page.language];

  if (http->stopping)
    respond_stopped (&request);
  else if (method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD && !post)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Allow", "GET, HEAD, POST");
      soup_server_message_set_status (message, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
    }
  else if (!post && (file = read_static (path, &type)) != NULL)
    respond (&request, SOUP_STATUS_OK, type, file);
  else if (!post && g_str_equal (path, "/"))
    respond_page (&request, SOUP_STATUS_OK, _iap_room_page_join (&request.page, NULL));
  else if (!post && g_str_equal (path, "/join"))
    handle_join (&request, query);
  else if (g_str_has_prefix (path, "/v/"))
    handle_voter (&request, path + strlen ("/v/"), query, post);
  else
    respond_message (&request, SOUP_STATUS_NOT_FOUND, tr (&request, N_("No such page")),
                     tr (&request, N_("This page does not exist.")), TRUE);

  g_free (request.page.tail);
}

/* Before the body is read: only a small form, of announced length */
static void
check_body (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);
  goffset length = soup_message_headers_get_content_length (headers);
  IapRoomHttp *http = data;
  const char *address = soup_server_message_get_remote_host (message);

  set_security_headers (message);
  if (encoding == SOUP_ENCODING_CONTENT_LENGTH && length <= MAX_BODY)
    return;
  if (encoding == SOUP_ENCODING_NONE)
    return;

  http->on_refuse (address != NULL ? address : "", _("A request too large to be a vote"), http->data);
  /* Answered now, the body is never read; the connection is not kept */
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
  soup_server_message_set_status (message, encoding == SOUP_ENCODING_CONTENT_LENGTH
                                           ? SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE : SOUP_STATUS_LENGTH_REQUIRED, NULL);
}

static char *
host_of (GInetSocketAddress *address,
         guint               port)
{
  GInetAddress *inet = g_inet_socket_address_get_address (address);
  g_autofree char *text = g_inet_address_to_string (inet);

  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("[%s]:%u", text, port);

  return g_strdup_printf ("%s:%u", text, port);
}

/* Whether the phone has closed its end of @socket: the next read would
 * end there (or the connection was reset) */
static gboolean
closed_by_phone (GSocket *socket)
{
  char byte;
  gssize n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);

  return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

/* libsoup 3.2 does not close a kept-alive connection that the phone
 * closes between two requests (fixed in libsoup 3.3): it would stay
 * half-closed, a file descriptor each, until the server stops, and a
 * day of phones that sleep and browsers that drop idle connections
 * would run the application out of them. So the connections are looked
 * at every SWEEP_SECONDS, and one the phone closed two looks in a row
 * (libsoup, which watches a connection it is still reading from, had
 * all that time to see it) is closed here. */
static gboolean
sweep (gpointer data)
{
  IapRoomHttp *http = data;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, http->sockets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GSocket *socket = key;

      if (g_socket_is_closed (socket))
        g_hash_table_iter_remove (&iter);
      else if (!closed_by_phone (socket))
        g_hash_table_iter_replace (&iter, GINT_TO_POINTER (FALSE));
      else if (!GPOINTER_TO_INT (value))
        g_hash_table_iter_replace (&iter, GINT_TO_POINTER (TRUE));
      else
        {
          g_socket_close (socket, NULL);
          g_hash_table_iter_remove (&iter);
        }
    }

  return G_SOURCE_CONTINUE;
}

/* Each connection's socket, as its first request starts */
static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *message,
                    gpointer           data)
{
  IapRoomHttp *http = data;
  GSocket *socket = soup_server_message_get_socket (message);

  if (socket != NULL && !g_hash_table_contains (http->sockets, socket))
    g_hash_table_insert (http->sockets, g_object_ref (socket), GINT_TO_POINTER (FALSE));
}

/* The listening socket, made here rather than by soup_server_listen()
 * for the length of its queue: GSocket's default of 10 connections
 * waiting to be accepted is soon full when a room of phones connects at
 * once while this thread writes pages, and the system then drops the
 * next phones' connection requests, which wait a second or more before
 * they ask again. */
static GSocket *
listening_socket (GInetSocketAddress  *address,
                  GError             **error)
{
  GSocketFamily family = g_socket_address_get_family (G_SOCKET_ADDRESS (address));
  g_autoptr(GSocket) socket = g_socket_new (family, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);

  if (socket == NULL)
    return NULL;
  if (family == G_SOCKET_FAMILY_IPV6 && !g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, TRUE, error))
    return NULL;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, G_SOCKET_ADDRESS (address), TRUE, error) || !g_socket_listen (socket, error))
    return NULL;

  return g_steal_pointer (&socket);
}

static gboolean
listen_on (IapRoomHttp  *http,
           GError      **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) local = NULL;

  http->server = soup_server_new ("server-header", NULL, NULL);
  soup_server_add_early_handler (http->server, NULL, check_body, http, NULL);
  soup_server_add_handler (http->server, NULL, handle_request, http, NULL);
  g_signal_connect (http->server, "request-started", G_CALLBACK (on_request_started), http);
  if ((socket = listening_socket (http->address, error)) == NULL ||
      !soup_server_listen_socket (http->server, socket, 0, error))
    return FALSE;

  if ((local = g_socket_get_local_address (socket, error)) == NULL)
    return FALSE;
  http->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  http->host = host_of (http->address, http->port);

  return TRUE;
}

static gpointer
run (gpointer data)
{
  IapRoomHttp *http = data;
  GError *error = NULL;
  gboolean listening;

  g_main_context_push_thread_default (http->context);
  listening = listen_on (http, &error);

  g_mutex_lock (&http->lock);
  http->started = TRUE;
  http->error = error;
  g_cond_signal (&http->cond);
  g_mutex_unlock (&http->lock);

  if (listening)
    {
      http->sweep_source = g_timeout_add_seconds (SWEEP_SECONDS, sweep, http);
      g_main_loop_run (http->loop);
      g_clear_handle_id (&http->sweep_source, g_source_remove);
    }

  /* Nothing listens from here on */
  if (http->server != NULL)
    soup_server_disconnect (http->server);
  g_hash_table_remove_all (http->sockets);
  g_clear_object (&http->server);
  g_main_context_pop_thread_default (http->context);

  return NULL;
}

static void
http_free (IapRoomHttp *http)
{
  g_clear_pointer (&http->thread, g_thread_unref);
  g_clear_pointer (&http->loop, g_main_loop_unref);
  g_clear_pointer (&http->context, g_main_context_unref);
  g_clear_object (&http->address);
  g_clear_pointer (&http->snapshot, _iap_room_snapshot_unref);
  g_clear_pointer (&http->answers, g_free);
  g_clear_pointer (&http->attempts, g_hash_table_unref);
  g_clear_pointer (&http->waiting, g_hash_table_unref);
  g_clear_pointer (&http->sockets, g_hash_table_unref);
  g_clear_pointer (&http->host, g_free);
  g_clear_error (&http->error);
  for (guint l = 0; l < IAP_ROOM_N_LANGUAGES; l++)
    g_clear_pointer (&http->messages[l], iap_messages_unref);
  g_mutex_clear (&http->lock);
  g_cond_clear (&http->cond);
  g_free (http);
}

static guint8 *
copy_answers (IapRoomSnapshot *snapshot)
{
  return g_memdup2 (snapshot->answers, MAX (1, snapshot->voters->len * snapshot->risks->len * 2));
}

/**
 * _iap_room_http_start:
 * @address: where to listen: one address of the laptop
 * @on_vote: called on the server thread with each vote, which the
 *   caller answers with _iap_room_http_answer()
 * @on_refuse: called on the server thread with each refused request
 * @port: (out): the port listened on, which @address may leave to the
 *   system with port 0
 *
 * Starts the server thread and listens on @address.
 *
 * Returns: (transfer full) (nullable): the server, or %NULL with @error
 *   set when it cannot listen there
 */
IapRoomHttp *
_iap_room_http_start (GInetSocketAddress  *address,
                      IapRoomSnapshot     *snapshot,
                      IapRoomVoteFunc      on_vote,
                      IapRoomRefuseFunc    on_refuse,
                      gpointer             data,
                      guint               *port,
                      GError             **error)
{
  IapRoomHttp *http = g_new0 (IapRoomHttp, 1);

  g_mutex_init (&http->lock);
  g_cond_init (&http->cond);
  http->context = g_main_context_new ();
  http->loop = g_main_loop_new (http->context, FALSE);
  http->address = g_object_ref (address);
  http->snapshot = _iap_room_snapshot_ref (snapshot);
  http->answers = copy_answers (snapshot);
  http->attempts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  http->waiting = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  http->sockets = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  http->on_vote = on_vote;
  http->on_refuse = on_refuse;
  http->data = data;
  for (guint l = 0; l < IAP_ROOM_N_LANGUAGES; l++)
    http->messages[l] = iap_messages_new (iap_room_languages[l]);

  http->thread = g_thread_new ("iap-room-http", run, http);
  g_mutex_lock (&http->lock);
  while (!http->started)
    g_cond_wait (&http->cond, &http->lock);
  g_mutex_unlock (&http->lock);

  if (http->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&http->error));
      g_thread_join (g_steal_pointer (&http->thread));
      http_free (http);
      return NULL;
    }

  *port = http->port;

  return http;
}

static gboolean
quit (gpointer data)
{
  IapRoomHttp *http = data;

  http->drain_source = 0;
  g_main_loop_quit (http->loop);

  return G_SOURCE_REMOVE;
}

static void
on_answer_sent (SoupServerMessage *message,
                IapRoomHttp       *http)
{
  g_signal_handlers_disconnect_by_func (message, on_answer_sent, http);
  http->sending--;
  if (http->stopping && http->sending == 0 && http->drain_source != 0)
    {
      g_clear_handle_id (&http->drain_source, g_source_remove);
      g_main_loop_quit (http->loop);
    }
}

/* The request goes on: its answer is counted until it is sent */
static void
resume (IapRoomHttp       *http,
        SoupServerMessage *message)
{
  http->sending++;
  g_signal_connect (message, "finished", G_CALLBACK (on_answer_sent), http);
  soup_server_message_unpause (message);
}

/* Every answer the main thread gave before the stop was asked for has
 * been dispatched (they have a higher priority): the votes it still has
 * will never be answered by it, so they are answered here. Then the
 * answers are left a moment to be sent. */
static gboolean
drain (gpointer data)
{
  IapRoomHttp *http = data;
  GHashTableIter iter;
  gpointer key;

  http->stopping = TRUE;
  g_hash_table_iter_init (&iter, http->waiting);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      SoupServerMessage *message = key;
      Request request = { http, message, "", { http->snapshot, http->messages[0], 0, http->answers, NULL } };

      respond_stopped (&request);
      g_free (request.page.tail);
      resume (http, message);
      g_hash_table_iter_remove (&iter);
    }

  if (http->sending == 0)
    g_main_loop_quit (http->loop);
  else
    http->drain_source = g_timeout_add (DRAIN_MSEC, quit, http);

  return G_SOURCE_REMOVE;
}

/**
 * _iap_room_http_stop:
 *
 * Stops taking requests, sends the answers already given (for a moment
 * at most), answers the votes the main thread has not taken that the
 * vote has stopped, closes every connection and ends the server thread.
 * Main thread, after it has answered every vote it is going to.
 */
void
_iap_room_http_stop (IapRoomHttp *http)
{
  g_main_context_invoke_full (http->context, G_PRIORITY_LOW, drain, http, NULL);
  g_thread_join (g_steal_pointer (&http->thread));
  http_free (http);
}

typedef struct
{
  IapRoomHttp *http;
  IapRoomSnapshot *snapshot;
  IapRoomVote *vote;
} Call;

static void
call_free (gpointer data)
{
  Call *call = data;

  g_clear_pointer (&call->snapshot, _iap_room_snapshot_unref);
  g_clear_pointer (&call->vote, _iap_room_vote_free);
  g_free (call);
}

static gboolean
replace_snapshot (gpointer data)
{
  Call *call = data;
  IapRoomHttp *http = call->http;

  g_clear_pointer (&http->snapshot, _iap_room_snapshot_unref);
  http->snapshot = g_steal_pointer (&call->snapshot);
  g_free (http->answers);
  http->answers = copy_answers (http->snapshot);

  return G_SOURCE_REMOVE;
}

/**
 * _iap_room_http_set_snapshot:
 *
 * Shows the phones @snapshot from now on. Any thread.
 */
void
_iap_room_http_set_snapshot (IapRoomHttp     *http,
                             IapRoomSnapshot *snapshot)
{
  Call *call = g_new0 (Call, 1);

  call->http = http;
  call->snapshot = _iap_room_snapshot_ref (snapshot);
  g_main_context_invoke_full (http->context, G_PRIORITY_HIGH, replace_snapshot, call, call_free);
}

static gboolean
answer_vote (gpointer data)
{
  Call *call = data;
  IapRoomHttp *http = call->http;
  IapRoomVote *vote = call->vote;
  IapRoomSnapshot *snapshot = http->snapshot;
  Request request = { http, vote->message, vote->address, { snapshot, http->messages[vote->language], vote->language,
                                                            http->answers, NULL } };
  gboolean same;

  /* Answered already, as the vote stopped */
  if (!g_hash_table_steal (http->waiting, vote->message))
    return G_SOURCE_REMOVE;
  g_object_unref (vote->message); /* the vote holds it too */

  same = g_str_equal (vote->round, snapshot->round) && vote->voter < snapshot->voters->len &&
                  vote->risk_index < snapshot->risks->len &&
                  g_str_equal (((IapRoomVoter *) snapshot->voters->pdata[vote->voter])->id, vote->participant);

  if (vote->taken && same)
    {
      guint8 *answer = http->answers + (vote->voter * snapshot->risks->len + vote->risk_index) * 2;
      guint next = vote->risk_index + 1;
      g_autofree char *path = next < snapshot->risks->len
                              ? g_strdup_printf ("/v/%s/%u?sent=%u", vote->code, next + 1, next)
                              : g_strdup_printf ("/v/%s/done?sent=%u", vote->code, next);

      answer[0] = vote->likelihood;
      answer[1] = vote->impact;
      redirect (&request, path);
    }
  else if (vote->taken)
    {
      g_autofree char *path = g_strdup_printf ("/v/%s/", vote->code);

      redirect (&request, path);
    }
  else
    /* The reason, in the facilitator's language, is for the facilitator */
    respond_message (&request, SOUP_STATUS_CONFLICT, tr (&request, N_("Not sent")),
                     tr (&request, N_("The round no longer takes this answer: the facilitator has closed it or "
                                      "started another.")), TRUE);
  g_free (request.page.tail);
  resume (http, vote->message);

  return G_SOURCE_REMOVE;
}

/**
 * _iap_room_http_answer:
 * @vote: (transfer full): a vote given to the vote function, with
 *   whether it was taken and if not why
 *
 * Answers the phone that sent @vote. Any thread.
 */
void
_iap_room_http_answer (IapRoomHttp *http,
                       IapRoomVote *vote)
{
  Call *call = g_new0 (Call, 1);

  call->http = http;
  call->vote = vote;
  g_main_context_invoke_full (http->context, G_PRIORITY_DEFAULT, answer_vote, call, call_free);
}
