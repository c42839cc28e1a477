/* iap-ballot-send-dialog.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-round-session.h"

G_BEGIN_DECLS

#define IAP_TYPE_BALLOT_SEND_DIALOG (iap_ballot_send_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IapBallotSendDialog, iap_ballot_send_dialog, IAP, BALLOT_SEND_DIALOG, AdwWindow)

IapBallotSendDialog *iap_ballot_send_dialog_new (IapRoundSession *session,
                                                 GtkWindow       *parent);

G_END_DECLS
