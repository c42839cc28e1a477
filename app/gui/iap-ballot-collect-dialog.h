/* iap-ballot-collect-dialog.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-round-session.h"

G_BEGIN_DECLS

#define IAP_TYPE_BALLOT_COLLECT_DIALOG (iap_ballot_collect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IapBallotCollectDialog, iap_ballot_collect_dialog, IAP, BALLOT_COLLECT_DIALOG, AdwWindow)

IapBallotCollectDialog *iap_ballot_collect_dialog_new       (IapRoundSession        *session,
                                                             GtkWindow              *parent);
void                    iap_ballot_collect_dialog_add_files (IapBallotCollectDialog *self,
                                                             GListModel             *files);
void                    iap_ballot_collect_dialog_choose_files (IapBallotCollectDialog *self);

G_END_DECLS
