/* iap-room-private.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "iap-messages.h"
#include "iap-round-session.h"

G_BEGIN_DECLS

/*
 * Room voting runs in two threads. The main thread owns the workshop:
 * it builds a snapshot of what the phones are shown, and takes the votes
 * into the round. The server thread owns the HTTP server: it reads only
 * the snapshot, so that no request ever touches the workshop, and a
 * room of phones never holds up the window.
 */

/* The languages a phone page is offered in */
#define IAP_ROOM_N_LANGUAGES 6
extern const char * const iap_room_languages[IAP_ROOM_N_LANGUAGES];

typedef struct
{
  char *id;
  guint number;                 /* in the register, as the report numbers it */
  char *title;                  /* as the workshop has it: not translated */
  char *description;
  char *arrangement[IAP_ROOM_N_LANGUAGES];
  char *area[IAP_ROOM_N_LANGUAGES];
} IapRoomRisk;

typedef struct
{
  char *label[IAP_ROOM_N_LANGUAGES];
  char *definition[IAP_ROOM_N_LANGUAGES];
} IapRoomLevel;

typedef struct
{
  char *id;                     /* the participant's */
  char *code;                   /* the join code, as ballots write it */
  char *token;                  /* what their form posts carry */
} IapRoomVoter;

/* What the phones are shown of the round in play, as it was when it was
 * built: read from the server thread, never changed once built. */
typedef struct
{
  gatomicrefcount ref_count;
  char *workshop;
  char *round;                  /* "" when no round is open */
  guint number;
  gboolean open;
  char *title;
  GPtrArray *risks;             /* IapRoomRisk */
  GPtrArray *likelihood;        /* IapRoomLevel */
  GPtrArray *impact;
  GPtrArray *voters;            /* IapRoomVoter */
  GHashTable *by_code;          /* code -> IapRoomVoter */
  GHashTable *earlier;          /* code of an earlier round -> its number */
  guint8 *answers;              /* voter x risk x (likelihood, impact), 0 for none */
} IapRoomSnapshot;

IapRoomSnapshot *_iap_room_snapshot_new     (IapRoundSession  *session);
IapRoomSnapshot *_iap_room_snapshot_ref     (IapRoomSnapshot  *self);
void             _iap_room_snapshot_unref   (IapRoomSnapshot  *self);
guint            _iap_room_snapshot_index   (IapRoomSnapshot  *self,
                                             IapRoomVoter     *voter);
char            *_iap_room_token            (const char       *secret,
                                             const char       *participant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapRoomSnapshot, _iap_room_snapshot_unref)

/* A vote, from the server thread to the main one and back */
typedef struct
{
  SoupServerMessage *message;   /* the request waiting for the answer */
  char *address;                /* the phone's */
  char *round;
  char *participant;
  char *code;
  char *risk;
  guint voter;                  /* its index in the snapshot */
  guint risk_index;
  guint likelihood;
  guint impact;
  guint language;
  /* the answer */
  gboolean taken;
  char *reason;
} IapRoomVote;

void             _iap_room_vote_free        (IapRoomVote      *vote);

/* A page for a phone, in one of the languages */
typedef struct
{
  IapRoomSnapshot *snapshot;
  IapMessages *messages;
  guint language;
  const guint8 *answers;        /* the server thread's, newer than the snapshot's */
  char *tail;                   /* the template after the body, while it is written */
} IapRoomPage;

GString         *_iap_room_page_begin       (IapRoomPage      *page,
                                             const char       *title,
                                             const char       *other_language_path);
GBytes          *_iap_room_page_end         (IapRoomPage      *page,
                                             GString          *html);
GBytes          *_iap_room_page_join        (IapRoomPage      *page,
                                             const char       *problem);
GBytes          *_iap_room_page_risk        (IapRoomPage      *page,
                                             IapRoomVoter     *voter,
                                             guint             index,
                                             guint             sent,
                                             const char       *problem);
GBytes          *_iap_room_page_done        (IapRoomPage      *page,
                                             IapRoomVoter     *voter,
                                             guint             sent);
GBytes          *_iap_room_page_message     (IapRoomPage      *page,
                                             const char       *title,
                                             const char       *text,
                                             gboolean          rejoin);

/* The server thread */
typedef struct _IapRoomHttp IapRoomHttp;

typedef void (*IapRoomVoteFunc)    (IapRoomVote *vote,
                                    gpointer     data);
typedef void (*IapRoomRefuseFunc)  (const char  *address,
                                    const char  *reason,
                                    gpointer     data);

IapRoomHttp     *_iap_room_http_start       (GInetSocketAddress *address,
                                             IapRoomSnapshot  *snapshot,
                                             IapRoomVoteFunc   on_vote,
                                             IapRoomRefuseFunc on_refuse,
                                             gpointer          data,
                                             guint            *port,
                                             GError          **error);
void             _iap_room_http_stop        (IapRoomHttp      *http);
void             _iap_room_http_set_snapshot (IapRoomHttp     *http,
                                             IapRoomSnapshot  *snapshot);
void             _iap_room_http_answer      (IapRoomHttp      *http,
                                             IapRoomVote      *vote);

G_END_DECLS
