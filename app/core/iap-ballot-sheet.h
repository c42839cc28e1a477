/* iap-ballot-sheet.h
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

/* A second round's ballot shows, beside each risk, what the room said
 * in the round before and what this participant said then. */
typedef struct
{
  guint    round;               /* the number of that round */
  guint    n;                   /* how many scored the risk */
  gboolean withheld;            /* fewer than the privacy floor: no statistic */
  guint    median_likelihood;
  guint    median_impact;
  guint    iqr_likelihood;
  guint    iqr_impact;
  guint    own_likelihood;      /* 0 when this participant did not score it */
  guint    own_impact;
} IapBallotEarlier;

#define IAP_TYPE_BALLOT_SHEET (iap_ballot_sheet_get_type ())

G_DECLARE_FINAL_TYPE (IapBallotSheet, iap_ballot_sheet, IAP, BALLOT_SHEET, GObject)

IapBallotSheet         *iap_ballot_sheet_new             (IapRoundSession  *session,
                                                          const char       *participant,
                                                          GError          **error);
IapRoundSession        *iap_ballot_sheet_get_session     (IapBallotSheet   *self);
IapWorkshop            *iap_ballot_sheet_get_workshop    (IapBallotSheet   *self);
IapRound               *iap_ballot_sheet_get_round       (IapBallotSheet   *self);
IapParticipant         *iap_ballot_sheet_get_participant (IapBallotSheet   *self);
const char             *iap_ballot_sheet_get_code        (IapBallotSheet   *self);
void                    iap_ballot_sheet_set_code        (IapBallotSheet   *self,
                                                          const char       *code);
const IapBallotEarlier *iap_ballot_sheet_get_earlier     (IapBallotSheet   *self,
                                                          const char       *risk);
void                    iap_ballot_sheet_set_earlier     (IapBallotSheet   *self,
                                                          const char       *risk,
                                                          const IapBallotEarlier *earlier);
gboolean                iap_ballot_sheet_describe_earlier (IapBallotSheet *self,
                                                          const char     *risk,
                                                          char          **median,
                                                          char          **spread,
                                                          char          **own);
char                   *iap_ballot_sheet_dup_level_text  (IapBallotSheet   *self,
                                                          IapBallotLevel    kind,
                                                          guint             level);
IapBallot              *iap_ballot_sheet_dup_answers     (IapBallotSheet   *self,
                                                          const char       *source);
char                   *iap_ballot_sheet_dup_file_name   (IapBallotSheet   *self,
                                                          const char       *extension);

G_END_DECLS
