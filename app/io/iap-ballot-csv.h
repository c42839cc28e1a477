/* iap-ballot-csv.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "iap-ballot-sheet.h"

G_BEGIN_DECLS

GBytes    *iap_ballot_csv_write (IapBallotSheet *sheet,
                                 char            separator);
IapBallot *iap_ballot_csv_read  (IapWorkshop    *workshop,
                                 const char     *source,
                                 const char     *data,
                                 gsize           length);

G_END_DECLS
