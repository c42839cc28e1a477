/* iap-factor-score.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_FACTOR_SCORE (iap_factor_score_get_type ())

G_DECLARE_FINAL_TYPE (IapFactorScore, iap_factor_score, IAP, FACTOR_SCORE, GObject)

IapFactorScore *iap_factor_score_new          (const char      *factor);
const char     *iap_factor_score_get_factor   (IapFactorScore  *self);
guint           iap_factor_score_get_weight   (IapFactorScore  *self);
GVariant       *iap_factor_score_get_scores   (IapFactorScore  *self);
gboolean        iap_factor_score_lookup       (IapFactorScore  *self,
                                               const char      *option,
                                               guint           *value);
GVariant       *iap_factor_score_build_scores (IapFactorScore  *self,
                                               const char      *option,
                                               int              value);

G_END_DECLS
