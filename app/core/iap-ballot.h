/* iap-ballot.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-scales.h"

G_BEGIN_DECLS

#define IAP_BALLOT_ERROR (iap_ballot_error_quark ())

typedef enum
{
  IAP_BALLOT_ERROR_INVALID,     /* a value that is not a level */
  IAP_BALLOT_ERROR_UNREADABLE,  /* not a ballot at all */
} IapBallotError;

GQuark iap_ballot_error_quark (void);

/* What a returned ballot says, however it came back (a spreadsheet, an
 * application ballot, a phone): whose it claims to be and the scores it
 * holds, each with the row it was read from. Read as it is: whether it
 * is taken is for IapBallotCollect to say. */

typedef struct
{
  char  *risk;
  guint  likelihood;            /* both from 1 */
  guint  impact;
  guint  line;                  /* where it was read, 0 when not from a table */
  char  *comment;               /* what the participant wrote beside it, or NULL */
} IapBallotScore;

typedef struct
{
  char  *factor;
  char  *option;
  guint  value;                 /* 0 to 4 */
  guint  line;
} IapBallotFactorScore;

typedef struct
{
  guint  line;                  /* 0 for the ballot as a whole */
  char  *reason;
} IapBallotProblem;

typedef enum
{
  IAP_BALLOT_LEVEL_LIKELIHOOD,
  IAP_BALLOT_LEVEL_IMPACT,
  IAP_BALLOT_LEVEL_FACTOR,
} IapBallotLevel;

#define IAP_TYPE_BALLOT (iap_ballot_get_type ())

G_DECLARE_FINAL_TYPE (IapBallot, iap_ballot, IAP, BALLOT, GObject)

IapBallot        *iap_ballot_new                (const char      *source);
const char       *iap_ballot_get_source         (IapBallot       *self);
const char       *iap_ballot_get_workshop       (IapBallot       *self);
const char       *iap_ballot_get_round          (IapBallot       *self);
const char       *iap_ballot_get_participant    (IapBallot       *self);
const char       *iap_ballot_get_code           (IapBallot       *self);
const char       *iap_ballot_get_unreadable     (IapBallot       *self);
void              iap_ballot_set_address        (IapBallot       *self,
                                                 const char      *workshop,
                                                 const char      *round,
                                                 const char      *participant,
                                                 const char      *code);
void              iap_ballot_set_unreadable     (IapBallot       *self,
                                                 const char      *reason);
void              iap_ballot_add_score          (IapBallot       *self,
                                                 const char      *risk,
                                                 guint            likelihood,
                                                 guint            impact,
                                                 const char      *comment,
                                                 guint            line);
void              iap_ballot_add_factor_score   (IapBallot       *self,
                                                 const char      *factor,
                                                 const char      *option,
                                                 guint            value,
                                                 guint            line);
void              iap_ballot_add_blank          (IapBallot       *self);
void              iap_ballot_add_problem        (IapBallot       *self,
                                                 guint            line,
                                                 const char      *format,
                                                 ...) G_GNUC_PRINTF (3, 4);
guint             iap_ballot_get_n_scores       (IapBallot       *self);
const IapBallotScore *
                  iap_ballot_get_score          (IapBallot       *self,
                                                 guint            i);
guint             iap_ballot_get_n_factor_scores (IapBallot      *self);
const IapBallotFactorScore *
                  iap_ballot_get_factor_score   (IapBallot       *self,
                                                 guint            i);
guint             iap_ballot_get_n_blanks       (IapBallot       *self);
guint             iap_ballot_get_n_problems     (IapBallot       *self);
const IapBallotProblem *
                  iap_ballot_get_problem        (IapBallot       *self,
                                                 guint            i);
gboolean          iap_ballot_same_scores        (IapBallot       *self,
                                                 IapBallot       *other);

gboolean          iap_ballot_parse_level        (IapScales       *scales,
                                                 IapBallotLevel   kind,
                                                 const char      *text,
                                                 int             *level,
                                                 GError         **error);

G_END_DECLS
