/* iap-ballot-file.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "iap-ballot-sheet.h"

G_BEGIN_DECLS

#define IAP_BALLOT_NAMESPACE "https://iapworkshop.github.io/ns/ballot/1"

GBytes         *iap_ballot_file_to_bytes   (IapBallotSheet  *sheet);
IapBallotSheet *iap_ballot_file_load_bytes (GBytes          *bytes,
                                            const char      *display_name,
                                            GError         **error);
IapBallotSheet *iap_ballot_file_load       (GFile           *file,
                                            GCancellable    *cancellable,
                                            GError         **error);
gboolean        iap_ballot_file_save       (IapBallotSheet  *sheet,
                                            GFile           *file,
                                            GCancellable    *cancellable,
                                            GError         **error);
IapBallot      *iap_ballot_file_read       (const char      *source,
                                            GBytes          *bytes);
IapBallot      *iap_ballot_read            (IapWorkshop     *workshop,
                                            GFile           *file,
                                            const char      *name,
                                            GCancellable    *cancellable);

G_END_DECLS
