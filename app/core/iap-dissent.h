/* iap-dissent.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_DISSENT (iap_dissent_get_type ())

G_DECLARE_FINAL_TYPE (IapDissent, iap_dissent, IAP, DISSENT, GObject)

IapDissent *iap_dissent_new             (const char  *id);
const char *iap_dissent_get_id          (IapDissent  *self);
const char *iap_dissent_get_participant (IapDissent  *self);
const char *iap_dissent_get_attribution (IapDissent  *self);
const char *iap_dissent_get_subject     (IapDissent  *self);
const char *iap_dissent_get_risk        (IapDissent  *self);
const char *iap_dissent_get_text        (IapDissent  *self);

G_END_DECLS
