/* iap-ballot-collect.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-ballot.h"
#include "iap-round-session.h"

G_BEGIN_DECLS

typedef enum
{
  IAP_BALLOT_READY,             /* its scores go into the round */
  IAP_BALLOT_UNCHANGED,         /* the round already holds these very scores */
  IAP_BALLOT_DUPLICATE,         /* another ballot of the same participant holds the same scores */
  IAP_BALLOT_CONFLICT,          /* its scores differ from another ballot's, or the round's: to choose */
  IAP_BALLOT_SKIPPED,           /* another was chosen in its conflict */
  IAP_BALLOT_REFUSED,           /* never taken: see the reason */
} IapBallotStatus;

#define IAP_TYPE_BALLOT_COLLECT (iap_ballot_collect_get_type ())

G_DECLARE_FINAL_TYPE (IapBallotCollect, iap_ballot_collect, IAP, BALLOT_COLLECT, GObject)

IapBallotCollect *iap_ballot_collect_new            (IapRoundSession  *session);
IapRoundSession  *iap_ballot_collect_get_session    (IapBallotCollect *self);
void              iap_ballot_collect_set_replacing  (IapBallotCollect *self,
                                                     gboolean          replacing);
void              iap_ballot_collect_add            (IapBallotCollect *self,
                                                     IapBallot        *ballot);
GListModel       *iap_ballot_collect_get_ballots    (IapBallotCollect *self);
IapBallotStatus   iap_ballot_collect_get_status     (IapBallotCollect *self,
                                                     IapBallot        *ballot);
const char       *iap_ballot_collect_get_reason     (IapBallotCollect *self,
                                                     IapBallot        *ballot);
GPtrArray        *iap_ballot_collect_dup_rivals     (IapBallotCollect *self,
                                                     IapBallot        *ballot,
                                                     gboolean         *with_round);
char            **iap_ballot_collect_dup_differences (IapBallotCollect *self,
                                                      IapBallot        *ballot);
void              iap_ballot_collect_choose         (IapBallotCollect *self,
                                                     const char       *participant,
                                                     IapBallot        *ballot);
guint             iap_ballot_collect_count          (IapBallotCollect *self,
                                                     IapBallotStatus   status);
guint             iap_ballot_collect_count_problems (IapBallotCollect *self);
guint             iap_ballot_collect_import         (IapBallotCollect *self,
                                                     GError          **error);

G_END_DECLS
