/* iap-rating.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_RATING (iap_rating_get_type ())

G_DECLARE_FINAL_TYPE (IapRating, iap_rating, IAP, RATING, GObject)

IapRating  *iap_rating_new             (const char  *participant,
                                        const char  *risk);
const char *iap_rating_get_participant (IapRating   *self);
const char *iap_rating_get_risk        (IapRating   *self);
guint       iap_rating_get_likelihood  (IapRating   *self);
guint       iap_rating_get_impact      (IapRating   *self);
const char *iap_rating_get_comment     (IapRating   *self);

G_END_DECLS
