/* iap-room-address.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What kind of network an address of the laptop is on: room voting
 * listens on one, and warns when it looks public. */
typedef enum
{
  IAP_ROOM_ADDRESS_LOOPBACK,    /* this computer only */
  IAP_ROOM_ADDRESS_PRIVATE,     /* a local network: 10/8, 172.16/12, 192.168/16, fc00::/7 */
  IAP_ROOM_ADDRESS_LINK_LOCAL,  /* a network without a router: 169.254/16, fe80::/10 */
  IAP_ROOM_ADDRESS_SHARED,      /* a provider's network (100.64/10): others' devices too */
  IAP_ROOM_ADDRESS_PUBLIC,      /* reachable from beyond the room, perhaps from the internet */
  IAP_ROOM_ADDRESS_ANY,         /* every interface at once */
} IapRoomAddressKind;

typedef struct
{
  char *interface;              /* "wlan0" */
  char *address;                /* "192.168.1.20" */
  IapRoomAddressKind kind;
} IapRoomAddress;

IapRoomAddressKind  iap_room_address_classify        (GInetAddress   *address);
gboolean            iap_room_address_kind_is_public  (IapRoomAddressKind kind);
GPtrArray          *iap_room_list_addresses          (void);
void                iap_room_address_free            (IapRoomAddress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapRoomAddress, iap_room_address_free)

G_END_DECLS
