/* iap-room-server.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-round-session.h"

G_BEGIN_DECLS

#define IAP_ROOM_SERVER_ERROR (iap_room_server_error_quark ())

typedef enum
{
  IAP_ROOM_SERVER_ERROR_ADDRESS,  /* not an address of this computer, or taken */
  IAP_ROOM_SERVER_ERROR_ROUND,    /* no round open to vote in */
} IapRoomServerError;

GQuark iap_room_server_error_quark (void);

/* A request the server refused, as the facilitator's list shows it */
#define IAP_TYPE_ROOM_REFUSAL (iap_room_refusal_get_type ())

G_DECLARE_FINAL_TYPE (IapRoomRefusal, iap_room_refusal, IAP, ROOM_REFUSAL, GObject)

GDateTime  *iap_room_refusal_get_time    (IapRoomRefusal *self);
const char *iap_room_refusal_get_address (IapRoomRefusal *self);
const char *iap_room_refusal_get_reason  (IapRoomRefusal *self);

#define IAP_TYPE_ROOM_SERVER (iap_room_server_get_type ())

G_DECLARE_FINAL_TYPE (IapRoomServer, iap_room_server, IAP, ROOM_SERVER, GObject)

IapRoomServer   *iap_room_server_new              (IapRoundSession  *session);
IapRoundSession *iap_room_server_get_session      (IapRoomServer    *self);
gboolean         iap_room_server_start            (IapRoomServer    *self,
                                                   const char       *address,
                                                   guint             port,
                                                   GError          **error);
void             iap_room_server_stop             (IapRoomServer    *self);
gboolean         iap_room_server_get_running      (IapRoomServer    *self);
const char      *iap_room_server_get_url          (IapRoomServer    *self);
guint            iap_room_server_get_port         (IapRoomServer    *self);
char            *iap_room_server_dup_join_url     (IapRoomServer    *self,
                                                   const char       *participant);
guint            iap_room_server_get_n_votes      (IapRoomServer    *self);
GListModel      *iap_room_server_get_refusals     (IapRoomServer    *self);
gboolean         iap_room_server_is_complete      (IapRoomServer    *self);

G_END_DECLS
