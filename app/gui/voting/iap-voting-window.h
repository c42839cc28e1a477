/* iap-voting-window.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-round-session.h"

G_BEGIN_DECLS

#define IAP_TYPE_VOTING_WINDOW (iap_voting_window_get_type ())

G_DECLARE_FINAL_TYPE (IapVotingWindow, iap_voting_window, IAP, VOTING_WINDOW, AdwWindow)

IapVotingWindow *iap_voting_window_new     (IapRoundSession *session);
const char      *iap_voting_window_get_url (IapVotingWindow *self);
void             iap_voting_window_stop    (IapVotingWindow *self);

gboolean         iap_voting_is_allowed     (void);
void             iap_voting_forbid         (void);

G_END_DECLS
