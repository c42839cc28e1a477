/* iap-round-text.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-consensus.h"
#include "iap-round-session.h"

G_BEGIN_DECLS

char       *iap_round_text_level    (GListModel         *levels,
                                     guint               level);
GListModel *iap_round_text_choices  (GListModel         *levels,
                                     const char         *none);
void        iap_round_text_setup_picker (GtkDropDown     *dropdown);
char       *iap_round_text_describe (IapWorkshop        *workshop,
                                     const IapRiskStats *stats,
                                     gboolean            detailed);

GtkWidget  *iap_round_text_factor_grid (IapWorkshop     *workshop,
                                        IapRound        *round,
                                        guint            first,
                                        guint            n_factors);
char       *iap_round_text_factors  (IapWorkshop        *workshop,
                                     IapRound           *round);

const char *iap_round_text_risk_title (IapRisk          *risk);
char       *iap_round_text_heading  (IapRound           *round,
                                     guint               n_risks);
char       *iap_round_text_dissents (IapWorkshop        *workshop,
                                     IapRisk            *risk);
char       *iap_round_text_overview (IapRoundSession    *session);

G_END_DECLS
