/* iap-room-monitor.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void iap_window_present_to_room (GtkWindow *window,
                                 GtkWindow *facilitator);

G_END_DECLS
