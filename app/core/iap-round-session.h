/* iap-round-session.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_ROUND_SESSION_ERROR (iap_round_session_error_quark ())

typedef enum
{
  IAP_ROUND_SESSION_ERROR_STAGE,        /* not at this stage of the round */
  IAP_ROUND_SESSION_ERROR_EMPTY,        /* nothing to score, or nobody has scored */
  IAP_ROUND_SESSION_ERROR_PARTICIPANT,  /* not a participant of the workshop */
  IAP_ROUND_SESSION_ERROR_SCOPE,        /* not a risk, factor or option of the round */
  IAP_ROUND_SESSION_ERROR_LEVEL,        /* outside the scale */
  IAP_ROUND_SESSION_ERROR_CONSENSUS,    /* every risk reached consensus */
} IapRoundSessionError;

GQuark iap_round_session_error_quark (void);

/* Where the round in play stands. A closed round is no longer in play:
 * the session is back at NONE, ready for the next one. */
typedef enum
{
  IAP_ROUND_STAGE_NONE,         /* no round in play */
  IAP_ROUND_STAGE_OPEN,         /* each participant scores in private */
  IAP_ROUND_STAGE_REVEALED,     /* the scores are shown, agreed, dissented from */
} IapRoundStage;

#define IAP_TYPE_ROUND_STAGE (iap_round_stage_get_type ())
GType iap_round_stage_get_type (void);

#define IAP_TYPE_ROUND_SESSION (iap_round_session_get_type ())

G_DECLARE_FINAL_TYPE (IapRoundSession, iap_round_session, IAP, ROUND_SESSION, GObject)

IapRoundSession *iap_round_session_new              (IapWorkshop      *workshop);
IapWorkshop     *iap_round_session_get_workshop     (IapRoundSession  *self);
IapRound        *iap_round_session_get_round        (IapRoundSession  *self);
IapRoundStage    iap_round_session_get_stage        (IapRoundSession  *self);
GListModel      *iap_round_session_get_risks        (IapRoundSession  *self);
gboolean         iap_round_session_get_factors      (IapRoundSession  *self);
gboolean         iap_round_session_has_risk         (IapRoundSession  *self,
                                                     const char       *risk);
guint            iap_round_session_get_n_scored     (IapRoundSession  *self);
guint            iap_round_session_get_n_participants (IapRoundSession *self);
guint            iap_round_session_count_scores     (IapRoundSession  *self,
                                                     const char       *participant);

/* The commands: each one undoable edit of the workshop */
gboolean         iap_round_session_start            (IapRoundSession  *self,
                                                     const char       *mode,
                                                     const char * const *risks,
                                                     gboolean          factors,
                                                     GError          **error);
gboolean         iap_round_session_score            (IapRoundSession  *self,
                                                     const char       *participant,
                                                     const char       *risk,
                                                     guint             likelihood,
                                                     guint             impact,
                                                     GError          **error);
gboolean         iap_round_session_comment          (IapRoundSession  *self,
                                                     const char       *participant,
                                                     const char       *risk,
                                                     const char       *comment,
                                                     GError          **error);
gboolean         iap_round_session_score_factor     (IapRoundSession  *self,
                                                     const char       *participant,
                                                     const char       *factor,
                                                     const char       *option,
                                                     int               value,
                                                     GError          **error);
gboolean         iap_round_session_reveal           (IapRoundSession  *self,
                                                     GError          **error);
gboolean         iap_round_session_agree            (IapRoundSession  *self,
                                                     const char       *risk,
                                                     guint             likelihood,
                                                     guint             impact,
                                                     GError          **error);
IapDissent      *iap_round_session_dissent          (IapRoundSession  *self,
                                                     const char       *participant,
                                                     const char       *risk,
                                                     gboolean          by_pillar,
                                                     const char       *text,
                                                     GError          **error);
gboolean         iap_round_session_again            (IapRoundSession  *self,
                                                     GError          **error);
gboolean         iap_round_session_close            (IapRoundSession  *self,
                                                     GError          **error);

/* Ballots */
gboolean         iap_round_session_prepare_ballots  (IapRoundSession  *self,
                                                     GError          **error);
char            *iap_round_session_dup_ballot_code  (IapRoundSession  *self,
                                                     const char       *participant);
gboolean         iap_round_session_check_ballot_code (IapRoundSession *self,
                                                     const char       *participant,
                                                     const char       *code);

G_END_DECLS
