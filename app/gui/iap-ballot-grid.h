/* iap-ballot-grid.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-ballot-sheet.h"
#include "iap-round-session.h"

G_BEGIN_DECLS

#define IAP_TYPE_BALLOT_GRID (iap_ballot_grid_get_type ())

G_DECLARE_FINAL_TYPE (IapBallotGrid, iap_ballot_grid, IAP, BALLOT_GRID, GtkWidget)

GtkWidget *iap_ballot_grid_new         (void);
void       iap_ballot_grid_fill        (IapBallotGrid   *self,
                                        IapRoundSession *session,
                                        const char      *participant,
                                        gboolean         with_risks);
void       iap_ballot_grid_fill_sheet  (IapBallotGrid   *self,
                                        IapBallotSheet  *sheet);
void       iap_ballot_grid_focus_first (IapBallotGrid *self);
void       iap_ballot_grid_commit      (IapBallotGrid *self);
void       iap_ballot_grid_clear       (IapBallotGrid *self);

G_END_DECLS
