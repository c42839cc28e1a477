/* iap-room-window.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-window.h"

G_BEGIN_DECLS

#define IAP_TYPE_ROOM_WINDOW (iap_room_window_get_type ())

G_DECLARE_FINAL_TYPE (IapRoomWindow, iap_room_window, IAP, ROOM_WINDOW, AdwWindow)

IapRoomWindow *iap_room_window_new     (IapWindow     *window);
IapWindow     *iap_room_window_get_window (IapRoomWindow *self);
void           iap_room_window_present (IapRoomWindow *self);

G_END_DECLS
