/* iap-ballot-window.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IAP_TYPE_BALLOT_WINDOW (iap_ballot_window_get_type ())

G_DECLARE_FINAL_TYPE (IapBallotWindow, iap_ballot_window, IAP, BALLOT_WINDOW, AdwApplicationWindow)

IapBallotWindow *iap_ballot_window_open     (GtkApplication  *application,
                                             GFile           *file,
                                             GError         **error);
GFile           *iap_ballot_window_get_file (IapBallotWindow *self);

G_END_DECLS
