/* iap-indicator-answer.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_INDICATOR_ANSWER (iap_indicator_answer_get_type ())

G_DECLARE_FINAL_TYPE (IapIndicatorAnswer, iap_indicator_answer, IAP, INDICATOR_ANSWER, GObject)

IapIndicatorAnswer *iap_indicator_answer_new           (const char          *indicator);
const char         *iap_indicator_answer_get_indicator (IapIndicatorAnswer  *self);
const char         *iap_indicator_answer_get_answer    (IapIndicatorAnswer  *self);
const char         *iap_indicator_answer_get_note      (IapIndicatorAnswer  *self);

G_END_DECLS
