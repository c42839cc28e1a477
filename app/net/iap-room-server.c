/* iap-room-server.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Room voting: the participants score the round in play from their own
 * phones, over the room's network, while the facilitator lets them.
 *
 * This is the main thread's side: it starts and stops the server thread
 * (iap-room-http.c), keeps it shown what the round holds (a snapshot,
 * iap-room-snapshot.c), and takes the votes into the round. A vote is a
 * returned ballot of one score, and goes through the same rules as a
 * paper or spreadsheet ballot (IapBallotCollect): a code that is not its
 * participant's, a round that is not open, a risk the round does not
 * score are refused with the reason. Only, a participant's later vote
 * replaces their earlier one, since changing one's answer until the
 * round closes is the point of voting live.
 *
 * Votes that arrive together are taken as one edit, in slices of a few
 * milliseconds between which the main loop turns, so that fifty phones
 * at once never hold up the window;
 * each edit is undoable, and the window's draft keeps it within seconds.
 * The facilitator sees who has voted and how many scores (the round
 * session's counts), never a value.
 */

#define G_LOG_DOMAIN "iap-room"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-ballot-collect.h"
#include "iap-room-private.h"
#include "iap-room-server.h"

#define SNAPSHOT_DELAY_MSEC 150
/* Votes are taken in slices of about this long at most, the main loop
 * turning between two: a frame at 60 Hz is 16 ms */
#define SLICE_USEC          4000
#define MAX_SLICE           512
/* Votes are taken when the window has drawn what it had to: a room of
 * phones never delays a frame */
#define VOTE_PRIORITY G_PRIORITY_DEFAULT_IDLE

/* What the server thread's callbacks hold: the server, while it runs.
 * Only the main thread reads or clears @owner. */
typedef struct
{
  gatomicrefcount ref_count;
  GMainContext *context;        /* the main thread's */
  IapRoomServer *owner;
} Link;

struct _IapRoomRefusal
{
  GObject parent_instance;

  GDateTime *time;
  char *address;
  char *reason;
};

G_DEFINE_FINAL_TYPE (IapRoomRefusal, iap_room_refusal, G_TYPE_OBJECT)

struct _IapRoomServer
{
  GObject parent_instance;

  /* Owned */
  IapRoundSession *session;
  GMainContext *context;
  IapRoomHttp *http;
  Link *link;
  char *url;
  GQueue votes;                 /* IapRoomVote, to take in */
  GListStore *refusals;

  guint apply_source;
  guint slice;                  /* votes a slice takes, as they last */
  guint snapshot_source;
  guint port;
  guint n_votes;
  gboolean applying;
};

G_DEFINE_FINAL_TYPE (IapRoomServer, iap_room_server, G_TYPE_OBJECT)

G_DEFINE_QUARK (iap-room-server-error-quark, iap_room_server_error)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RUNNING,
  PROP_URL,
  PROP_N_VOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_room_refusal_finalize (GObject *object)
{
  IapRoomRefusal *self = (IapRoomRefusal *)object;

  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->address);
  g_free (self->reason);

  G_OBJECT_CLASS (iap_room_refusal_parent_class)->finalize (object);
}

static void
iap_room_refusal_class_init (IapRoomRefusalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = iap_room_refusal_finalize;
}

static void
iap_room_refusal_init (IapRoomRefusal *self)
{
}

GDateTime *
iap_room_refusal_get_time (IapRoomRefusal *self)
{
  g_return_val_if_fail (IAP_IS_ROOM_REFUSAL (self), NULL);

  return self->time;
}

/* Returns: the address of the device whose request was refused */
const char *
iap_room_refusal_get_address (IapRoomRefusal *self)
{
  g_return_val_if_fail (IAP_IS_ROOM_REFUSAL (self), NULL);

  return self->address;
}

const char *
iap_room_refusal_get_reason (IapRoomRefusal *self)
{
  g_return_val_if_fail (IAP_IS_ROOM_REFUSAL (self), NULL);

  return self->reason;
}

static Link *
link_ref (Link *link)
{
  g_atomic_ref_count_inc (&link->ref_count);

  return link;
}

static void
link_unref (Link *link)
{
  if (!g_atomic_ref_count_dec (&link->ref_count))
    return;

  g_main_context_unref (link->context);
  g_free (link);
}

static void
add_refusal (IapRoomServer *self,
             const char    *address,
             const char    *reason)
{
  g_autoptr(IapRoomRefusal) refusal = g_object_new (IAP_TYPE_ROOM_REFUSAL, NULL);

  refusal->time = g_date_time_new_now_local ();
  refusal->address = g_strdup (address);
  refusal->reason = g_strdup (reason);
  g_list_store_append (self->refusals, refusal);
}

/* A ballot per participant and round, of their votes in this batch */
static IapBallot *
ballot_for (IapRoomServer *self,
            GHashTable    *ballots,
            IapRoomVote   *vote)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", vote->participant, vote->round);
  IapBallot *ballot = g_hash_table_lookup (ballots, key);

  if (ballot == NULL)
    {
      IapWorkshop *workshop = iap_round_session_get_workshop (self->session);
      g_autofree char *source = g_strdup_printf (_("phone at %s"), vote->address);

      ballot = iap_ballot_new (source);
      iap_ballot_set_address (ballot, iap_workshop_get_id (workshop), vote->round, vote->participant, vote->code);
      g_hash_table_insert (ballots, g_steal_pointer (&key), ballot);
    }

  return ballot;
}

/* Why the vote on @line of @ballot was not taken, or NULL */
static const char *
problem_of (IapBallotCollect *collect,
            IapBallot        *ballot,
            guint             line)
{
  if (iap_ballot_collect_get_status (collect, ballot) == IAP_BALLOT_REFUSED)
    return iap_ballot_collect_get_reason (collect, ballot);
  for (guint i = 0; i < iap_ballot_get_n_problems (ballot); i++)
    {
      const IapBallotProblem *problem = iap_ballot_get_problem (ballot, i);

      if (problem->line == line || problem->line == 0)
        return problem->reason;
    }

  return NULL;
}

static GPtrArray *
take_slice (IapRoomServer *self)
{
  GPtrArray *slice = g_ptr_array_new ();

  while (!g_queue_is_empty (&self->votes) && slice->len < self->slice)
    g_ptr_array_add (slice, g_queue_pop_head (&self->votes));

  return slice;
}

/* The next slice of votes, as one edit: as many votes as took about
 * SLICE_USEC last time, since taking a vote costs more as the round
 * fills and as the computer is busy */
static void
apply_slice (IapRoomServer *self)
{
  g_autoptr(GPtrArray) slice = take_slice (self);
  g_autoptr(GHashTable) ballots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(IapBallotCollect) collect = iap_ballot_collect_new (self->session);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer ballot;
  guint taken = 0;
  gint64 start = g_get_monotonic_time (), lasted;

  for (guint i = 0; i < slice->len; i++)
    {
      IapRoomVote *vote = slice->pdata[i];

      /* The line of each score is the vote's place in the slice */
      iap_ballot_add_score (ballot_for (self, ballots, vote), vote->risk, vote->likelihood, vote->impact, NULL, i + 1);
    }
  iap_ballot_collect_set_replacing (collect, TRUE);
  g_hash_table_iter_init (&iter, ballots);
  while (g_hash_table_iter_next (&iter, NULL, &ballot))
    iap_ballot_collect_add (collect, ballot);

  self->applying = TRUE;
  iap_ballot_collect_import (collect, &error);
  self->applying = FALSE;

  for (guint i = 0; i < slice->len; i++)
    {
      IapRoomVote *vote = slice->pdata[i];
      const char *reason = problem_of (collect, ballot_for (self, ballots, vote), i + 1);

      vote->taken = reason == NULL && error == NULL;
      vote->reason = g_strdup (reason != NULL ? reason : error != NULL ? error->message : NULL);
      if (!vote->taken)
        add_refusal (self, vote->address, vote->reason);
      taken += vote->taken;
      _iap_room_http_answer (self->http, vote);
    }

  /* Halved when it lasted too long, doubled when it was full and quick */
  lasted = g_get_monotonic_time () - start;
  if (lasted > SLICE_USEC)
    self->slice = MAX (1, self->slice / 2);
  else if (lasted < SLICE_USEC / 2 && slice->len == self->slice)
    self->slice = MIN (MAX_SLICE, self->slice * 2);

  self->n_votes += taken;
  if (taken > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VOTES]);
}

static gboolean
apply_votes (gpointer data)
{
  IapRoomServer *self = data;

  self->apply_source = 0;
  apply_slice (self);
  /* The window draws, and the rest on the next turn */
  if (!g_queue_is_empty (&self->votes))
    self->apply_source = g_idle_add_full (VOTE_PRIORITY, apply_votes, self, NULL);

  return G_SOURCE_REMOVE;
}

typedef struct
{
  Link *link;
  IapRoomVote *vote;
  char *address;
  char *reason;
} Arrival;

static void
arrival_free (gpointer data)
{
  Arrival *arrival = data;

  link_unref (arrival->link);
  g_clear_pointer (&arrival->vote, _iap_room_vote_free);
  g_free (arrival->address);
  g_free (arrival->reason);
  g_free (arrival);
}

static gboolean
receive_vote (gpointer data)
{
  Arrival *arrival = data;
  IapRoomServer *self = arrival->link->owner;

  /* Stopped since: the phone gets no answer, the connection is closed */
  if (self == NULL)
    return G_SOURCE_REMOVE;

  g_queue_push_tail (&self->votes, g_steal_pointer (&arrival->vote));
  if (self->apply_source == 0)
    self->apply_source = g_idle_add_full (VOTE_PRIORITY, apply_votes, self, NULL);

  return G_SOURCE_REMOVE;
}

/* Server thread */
static void
on_vote (IapRoomVote *vote,
         gpointer     data)
{
  Link *link = data;
  Arrival *arrival = g_new0 (Arrival, 1);

  arrival->link = link_ref (link);
  arrival->vote = vote;
  g_main_context_invoke_full (link->context, VOTE_PRIORITY, receive_vote, arrival, arrival_free);
}

static gboolean
receive_refusal (gpointer data)
{
  Arrival *arrival = data;

  if (arrival->link->owner != NULL)
    add_refusal (arrival->link->owner, arrival->address, arrival->reason);

  return G_SOURCE_REMOVE;
}

/* Server thread */
static void
on_refuse (const char *address,
           const char *reason,
           gpointer    data)
{
  Link *link = data;
  Arrival *arrival = g_new0 (Arrival, 1);

  arrival->link = link_ref (link);
  arrival->address = g_strdup (address);
  arrival->reason = g_strdup (reason);
  g_main_context_invoke_full (link->context, G_PRIORITY_DEFAULT, receive_refusal, arrival, arrival_free);
}

static gboolean
send_snapshot (gpointer data)
{
  IapRoomServer *self = data;
  g_autoptr(IapRoomSnapshot) snapshot = NULL;

  self->snapshot_source = 0;
  if (self->http == NULL)
    return G_SOURCE_REMOVE;

  snapshot = _iap_room_snapshot_new (self->session);
  _iap_room_http_set_snapshot (self->http, snapshot);

  return G_SOURCE_REMOVE;
}

/* Undo, an edited risk or scale, a participant added: shown a moment
 * later, once the typing is over. The server's own votes it knows. */
static void
on_session_changed (IapRoomServer *self)
{
  if (self->applying || self->http == NULL)
    return;

  g_clear_handle_id (&self->snapshot_source, g_source_remove);
  self->snapshot_source = g_timeout_add (SNAPSHOT_DELAY_MSEC, send_snapshot, self);
}

/* Revealed, closed or another round: at once, so that no phone is shown
 * a form the round would refuse */
static void
on_stage_changed (IapRoomServer *self)
{
  if (self->http == NULL)
    return;

  g_clear_handle_id (&self->snapshot_source, g_source_remove);
  send_snapshot (self);
}

static void
iap_room_server_dispose (GObject *object)
{
  IapRoomServer *self = (IapRoomServer *)object;

  iap_room_server_stop (self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (iap_room_server_parent_class)->dispose (object);
}

static void
iap_room_server_finalize (GObject *object)
{
  IapRoomServer *self = (IapRoomServer *)object;

  g_clear_object (&self->refusals);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->url);

  G_OBJECT_CLASS (iap_room_server_parent_class)->finalize (object);
}

static void
iap_room_server_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IapRoomServer *self = IAP_ROOM_SERVER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->http != NULL);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_N_VOTES:
      g_value_set_uint (value, self->n_votes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_room_server_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IapRoomServer *self = IAP_ROOM_SERVER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_room_server_class_init (IapRoomServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iap_room_server_dispose;
  object_class->finalize = iap_room_server_finalize;
  object_class->get_property = iap_room_server_get_property;
  object_class->set_property = iap_room_server_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         IAP_TYPE_ROUND_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_VOTES] =
    g_param_spec_uint ("n-votes", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_room_server_init (IapRoomServer *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->refusals = g_list_store_new (IAP_TYPE_ROOM_REFUSAL);
  self->slice = 16;
  g_queue_init (&self->votes);
}

/**
 * iap_room_server_new:
 *
 * Returns: (transfer full): a server for the round in play of
 *   @session, not started; its votes are taken in the main context of
 *   the thread that makes it
 */
IapRoomServer *
iap_room_server_new (IapRoundSession *session)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (session), NULL);

  return g_object_new (IAP_TYPE_ROOM_SERVER, "session", session, NULL);
}

IapRoundSession *
iap_room_server_get_session (IapRoomServer *self)
{
  g_return_val_if_fail (IAP_IS_ROOM_SERVER (self), NULL);

  return self->session;
}

static gboolean
check_round (IapRoomServer  *self,
             GError        **error)
{
  if (iap_round_session_get_stage (self->session) != IAP_ROUND_STAGE_OPEN)
    {
      g_set_error_literal (error, IAP_ROOM_SERVER_ERROR, IAP_ROOM_SERVER_ERROR_ROUND,
                           _("No scoring round is open: start one, then start voting."));
      return FALSE;
    }
  if (g_list_model_get_n_items (iap_round_session_get_risks (self->session)) == 0)
    {
      g_set_error_literal (error, IAP_ROOM_SERVER_ERROR, IAP_ROOM_SERVER_ERROR_ROUND,
                           _("This round scores no risk: phones score risks, and the triple-hatting factors are "
                             "scored in the application."));
      return FALSE;
    }

  /* The join codes are the ballot codes, under the round's secret */
  return iap_round_session_prepare_ballots (self->session, error);
}

/**
 * iap_room_server_start:
 * @address: an IP address of this computer, on the network the phones
 *   are on: the server listens there and nowhere else
 * @port: the port, or 0 for any free one
 *
 * Starts serving the round in play to the phones. The round gets its
 * secret first if it has none (an edit).
 *
 * Returns: whether the server listens
 */
gboolean
iap_room_server_start (IapRoomServer  *self,
                       const char     *address,
                       guint           port,
                       GError        **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(IapRoomSnapshot) snapshot = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *host = NULL;
  Link *link;

  g_return_val_if_fail (IAP_IS_ROOM_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iap_room_server_stop (self);
  if ((inet = g_inet_address_new_from_string (address)) == NULL)
    {
      g_set_error (error, IAP_ROOM_SERVER_ERROR, IAP_ROOM_SERVER_ERROR_ADDRESS,
                   _("“%s” is not an IP address, such as 192.168.1.20."), address);
      return FALSE;
    }
  if (!check_round (self, error))
    return FALSE;

  socket_address = g_inet_socket_address_new (inet, port);
  snapshot = _iap_room_snapshot_new (self->session);
  link = g_new0 (Link, 1);
  g_atomic_ref_count_init (&link->ref_count);
  link->context = g_main_context_ref (self->context);
  link->owner = self;
  self->http = _iap_room_http_start (G_INET_SOCKET_ADDRESS (socket_address), snapshot, on_vote, on_refuse, link,
                                     &self->port, &local_error);
  if (self->http == NULL)
    {
      link_unref (link);
      g_set_error (error, IAP_ROOM_SERVER_ERROR, IAP_ROOM_SERVER_ERROR_ADDRESS,
                   _("Cannot receive votes at %s, port %u: %s"), address, port, local_error->message);
      return FALSE;
    }
  self->link = link;

  host = g_inet_address_to_string (inet);
  g_free (self->url);
  self->url = g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6
              ? g_strdup_printf ("http://[%s]:%u/", host, self->port)
              : g_strdup_printf ("http://%s:%u/", host, self->port);

  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::stage", G_CALLBACK (on_stage_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::round", G_CALLBACK (on_stage_changed), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  return TRUE;
}

/**
 * iap_room_server_stop:
 *
 * Stops listening and closes every connection: when this returns,
 * nothing listens. The votes that have reached this thread are taken
 * first, and their phones answered; a vote still on its way is not
 * taken, and its phone is told that the vote has stopped.
 */
void
iap_room_server_stop (IapRoomServer *self)
{
  IapRoomVote *vote;

  g_return_if_fail (IAP_IS_ROOM_SERVER (self));

  if (self->http == NULL)
    return;

  /* The votes that have arrived are taken, and their phones answered */
  g_clear_handle_id (&self->apply_source, g_source_remove);
  while (!g_queue_is_empty (&self->votes))
    apply_slice (self);

  self->link->owner = NULL;
  g_clear_pointer (&self->link, link_unref);
  g_clear_pointer (&self->http, _iap_room_http_stop);
  while ((vote = g_queue_pop_head (&self->votes)) != NULL)
    _iap_room_vote_free (vote);
  g_clear_handle_id (&self->snapshot_source, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  self->port = 0;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

gboolean
iap_room_server_get_running (IapRoomServer *self)
{
  g_return_val_if_fail (IAP_IS_ROOM_SERVER (self), FALSE);

  return self->http != NULL;
}

/**
 * iap_room_server_get_url:
 *
 * Returns: (nullable): where the phones join, such as
 *   "http://192.168.1.20:8080/", once started
 */
const char *
iap_room_server_get_url (IapRoomServer *self)
{
  g_return_val_if_fail (IAP_IS_ROOM_SERVER (self), NULL);

  return self->http != NULL ? self->url : NULL;
}

guint
iap_room_server_get_port (IapRoomServer *self)
{
  g_return_val_if_fail (IAP_IS_ROOM_SERVER (self), 0);

  return self->port;
}

/**
 * iap_room_server_dup_join_url:
 *
 * Returns: (transfer full) (nullable): the address that opens
 *   @participant's own page, code included, for their QR code
 */
char *
iap_room_server_dup_join_url (IapRoomServer *self,
                              const char    *participant)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (IAP_IS_ROOM_SERVER (self), NULL);
  g_return_val_if_fail (participant != NULL, NULL);

  if (self->http == NULL || (code = iap_round_session_dup_ballot_code (self->session, participant)) == NULL)
    return NULL;

  return g_strdup_printf ("%sv/%s/", self->url, code);
}

/* Returns: how many votes were taken since the server started */
guint
iap_room_server_get_n_votes (IapRoomServer *self)
{
  g_return_val_if_fail (IAP_IS_ROOM_SERVER (self), 0);

  return self->n_votes;
}

/**
 * iap_room_server_get_refusals:
 *
 * Returns: (transfer none): the #IapRoomRefusal of every request
 *   refused, oldest first
 */
GListModel *
iap_room_server_get_refusals (IapRoomServer *self)
{
  g_return_val_if_fail (IAP_IS_ROOM_SERVER (self), NULL);

  return G_LIST_MODEL (self->refusals);
}

/**
 * iap_room_server_is_complete:
 *
 * Returns: whether every participant has scored every risk of the round
 */
gboolean
iap_room_server_is_complete (IapRoomServer *self)
{
  IapWorkshop *workshop;
  GListModel *participants;
  guint n_risks;

  g_return_val_if_fail (IAP_IS_ROOM_SERVER (self), FALSE);

  workshop = iap_round_session_get_workshop (self->session);
  participants = iap_workshop_get_participants (workshop);
  n_risks = g_list_model_get_n_items (iap_round_session_get_risks (self->session));
  if (n_risks == 0 || g_list_model_get_n_items (participants) == 0)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (participants, i);

      if (iap_round_session_count_scores (self->session, iap_participant_get_id (p)) < n_risks)
        return FALSE;
    }

  return TRUE;
}
