/* iap-timing.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void iap_timing_watch_first_frame (GtkWindow *window);

G_END_DECLS
