/* iap-factor-rating.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_FACTOR_RATING (iap_factor_rating_get_type ())

G_DECLARE_FINAL_TYPE (IapFactorRating, iap_factor_rating, IAP, FACTOR_RATING, GObject)

IapFactorRating *iap_factor_rating_new             (const char       *participant,
                                                    const char       *factor,
                                                    const char       *option);
const char      *iap_factor_rating_get_participant (IapFactorRating  *self);
const char      *iap_factor_rating_get_factor      (IapFactorRating  *self);
const char      *iap_factor_rating_get_option      (IapFactorRating  *self);
guint            iap_factor_rating_get_value       (IapFactorRating  *self);

G_END_DECLS
