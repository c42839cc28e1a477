/* iap-round-window.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-round-session.h"

G_BEGIN_DECLS

#define IAP_TYPE_ROUND_WINDOW (iap_round_window_get_type ())

G_DECLARE_FINAL_TYPE (IapRoundWindow, iap_round_window, IAP, ROUND_WINDOW, AdwWindow)

IapRoundWindow *iap_round_window_new     (GtkWindow   *parent,
                                          IapWorkshop *workshop);
IapRoundWindow *iap_round_window_present (GtkWindow   *parent,
                                          IapWorkshop *workshop);
IapRoundSession *
               iap_round_window_get_session (IapRoundWindow *self);

G_END_DECLS
