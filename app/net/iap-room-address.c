/* iap-room-address.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The laptop's addresses, for the facilitator to choose the network the
 * phones are on. Room voting never listens on every interface unless
 * told to: a laptop plugged into a public network as well as the room's
 * Wi-Fi must not offer the vote on both.
 */

#define G_LOG_DOMAIN "iap-room"

#include "config.h"

#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "iap-room-address.h"

static IapRoomAddressKind
classify_ipv4 (const guint8 *b)
{
  if (b[0] == 127)
    return IAP_ROOM_ADDRESS_LOOPBACK;
  if (b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) || (b[0] == 192 && b[1] == 168))
    return IAP_ROOM_ADDRESS_PRIVATE;
  if (b[0] == 169 && b[1] == 254)
    return IAP_ROOM_ADDRESS_LINK_LOCAL;
  if (b[0] == 100 && (b[1] & 0xc0) == 64)
    return IAP_ROOM_ADDRESS_SHARED;
  if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)
    return IAP_ROOM_ADDRESS_ANY;

  return IAP_ROOM_ADDRESS_PUBLIC;
}

/**
 * iap_room_address_classify:
 *
 * Returns: the kind of network @address is on, from the address alone
 */
IapRoomAddressKind
iap_room_address_classify (GInetAddress *address)
{
  const guint8 *b;

  g_return_val_if_fail (G_IS_INET_ADDRESS (address), IAP_ROOM_ADDRESS_PUBLIC);

  b = g_inet_address_to_bytes (address);
  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
    return classify_ipv4 (b);

  if (g_inet_address_get_is_any (address))
    return IAP_ROOM_ADDRESS_ANY;
  if (g_inet_address_get_is_loopback (address))
    return IAP_ROOM_ADDRESS_LOOPBACK;
  if (g_inet_address_get_is_link_local (address))
    return IAP_ROOM_ADDRESS_LINK_LOCAL;
  if ((b[0] & 0xfe) == 0xfc)
    return IAP_ROOM_ADDRESS_PRIVATE;
  /* An IPv4 address written as IPv6 (::ffff:a.b.c.d) */
  if (memcmp (b, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0)
    return classify_ipv4 (b + 12);

  return IAP_ROOM_ADDRESS_PUBLIC;
}

/* Returns: whether the facilitator is warned before voting there */
gboolean
iap_room_address_kind_is_public (IapRoomAddressKind kind)
{
  return kind == IAP_ROOM_ADDRESS_PUBLIC || kind == IAP_ROOM_ADDRESS_SHARED || kind == IAP_ROOM_ADDRESS_ANY;
}

void
iap_room_address_free (IapRoomAddress *self)
{
  g_free (self->interface);
  g_free (self->address);
  g_free (self);
}

static gint
compare (gconstpointer a,
         gconstpointer b)
{
  const IapRoomAddress *x = *(IapRoomAddress * const *) a;
  const IapRoomAddress *y = *(IapRoomAddress * const *) b;

  /* Local networks first, IPv4 before IPv6, this computer last */
  if ((x->kind == IAP_ROOM_ADDRESS_LOOPBACK) != (y->kind == IAP_ROOM_ADDRESS_LOOPBACK))
    return x->kind == IAP_ROOM_ADDRESS_LOOPBACK ? 1 : -1;
  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  if ((strchr (x->address, ':') == NULL) != (strchr (y->address, ':') == NULL))
    return strchr (x->address, ':') == NULL ? -1 : 1;

  return g_strcmp0 (x->interface, y->interface);
}

/**
 * iap_room_list_addresses:
 *
 * Returns: (transfer full) (element-type IapRoomAddress): the addresses
 *   of the interfaces that are up, local networks first
 */
GPtrArray *
iap_room_list_addresses (void)
{
  GPtrArray *addresses = g_ptr_array_new_with_free_func ((GDestroyNotify) iap_room_address_free);
  struct ifaddrs *list = NULL;

  if (getifaddrs (&list) != 0)
    return addresses;

  for (struct ifaddrs *i = list; i != NULL; i = i->ifa_next)
    {
      g_autoptr(GSocketAddress) socket_address = NULL;
      GInetAddress *inet;
      IapRoomAddress *address;
      gsize size;

      if (i->ifa_addr == NULL || !(i->ifa_flags & IFF_UP) ||
          (i->ifa_addr->sa_family != AF_INET && i->ifa_addr->sa_family != AF_INET6))
        continue;
      size = i->ifa_addr->sa_family == AF_INET ? sizeof (struct sockaddr_in) : sizeof (struct sockaddr_in6);
      socket_address = g_socket_address_new_from_native (i->ifa_addr, size);
      if (socket_address == NULL)
        continue;
      inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (socket_address));

      address = g_new0 (IapRoomAddress, 1);
      address->interface = g_strdup (i->ifa_name);
      address->address = g_inet_address_to_string (inet);
      address->kind = iap_room_address_classify (inet);
      /* A link-local IPv6 address needs its interface in a URL, which
       * phones' browsers do not take */
      if (address->kind == IAP_ROOM_ADDRESS_LINK_LOCAL && g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
        {
          iap_room_address_free (address);
          continue;
        }
      g_ptr_array_add (addresses, address);
    }
  freeifaddrs (list);
  g_ptr_array_sort (addresses, compare);

  return addresses;
}
