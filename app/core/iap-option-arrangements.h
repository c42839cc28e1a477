/* iap-option-arrangements.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_OPTION_ARRANGEMENTS (iap_option_arrangements_get_type ())

G_DECLARE_FINAL_TYPE (IapOptionArrangements, iap_option_arrangements, IAP, OPTION_ARRANGEMENTS, GObject)

IapOptionArrangements *iap_option_arrangements_new              (const char *option);
const char            *iap_option_arrangements_get_option       (IapOptionArrangements *self);
const char * const    *iap_option_arrangements_get_arrangements (IapOptionArrangements *self);

G_END_DECLS
