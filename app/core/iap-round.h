/* iap-round.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-factor-rating.h"
#include "iap-rating.h"

G_BEGIN_DECLS

#define IAP_TYPE_ROUND (iap_round_get_type ())

G_DECLARE_FINAL_TYPE (IapRound, iap_round, IAP, ROUND, GObject)

IapRound        *iap_round_new                (const char  *id);
const char      *iap_round_get_id             (IapRound    *self);
guint            iap_round_get_number         (IapRound    *self);
const char      *iap_round_get_mode           (IapRound    *self);
const char      *iap_round_get_state          (IapRound    *self);
const char      *iap_round_get_secret         (IapRound    *self);
const char * const *
                 iap_round_get_risks          (IapRound    *self);
gboolean         iap_round_get_factors        (IapRound    *self);
guint            iap_round_count_scorers      (IapRound    *self);
GListModel      *iap_round_get_ratings        (IapRound    *self);
GListModel      *iap_round_get_factor_ratings (IapRound    *self);
IapRating       *iap_round_find_rating        (IapRound    *self,
                                               const char  *participant,
                                               const char  *risk);
IapFactorRating *iap_round_find_factor_rating (IapRound    *self,
                                               const char  *participant,
                                               const char  *factor,
                                               const char  *option);
gboolean         iap_round_lookup_rating      (IapRound    *self,
                                               const char  *participant,
                                               const char  *risk,
                                               guint       *likelihood,
                                               guint       *impact);
guint            iap_round_get_n_ratings      (IapRound    *self);
void             iap_round_get_rating_at      (IapRound    *self,
                                               guint        position,
                                               const char **participant,
                                               const char **risk,
                                               guint       *likelihood,
                                               guint       *impact);
guint            iap_round_get_n_factor_ratings (IapRound  *self);
void             iap_round_get_factor_rating_at (IapRound  *self,
                                                 guint      position,
                                                 const char **participant,
                                                 const char **factor,
                                                 const char **option,
                                                 guint     *value);

G_END_DECLS
