/* iap-mitigation.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_MITIGATION (iap_mitigation_get_type ())

G_DECLARE_FINAL_TYPE (IapMitigation, iap_mitigation, IAP, MITIGATION, GObject)

IapMitigation      *iap_mitigation_new              (const char     *id);
const char         *iap_mitigation_get_id           (IapMitigation  *self);
const char         *iap_mitigation_get_measure      (IapMitigation  *self);
const char         *iap_mitigation_get_title        (IapMitigation  *self);
const char         *iap_mitigation_get_status       (IapMitigation  *self);
const char         *iap_mitigation_get_treatment    (IapMitigation  *self);
const char         *iap_mitigation_get_due          (IapMitigation  *self);
const char         *iap_mitigation_get_owner        (IapMitigation  *self);
const char         *iap_mitigation_get_owner_entity (IapMitigation  *self);
const char         *iap_mitigation_get_notes        (IapMitigation  *self);
const char         *iap_mitigation_get_source       (IapMitigation  *self);
const char * const *iap_mitigation_get_risks        (IapMitigation  *self);
const char * const *iap_mitigation_get_factors      (IapMitigation  *self);
const char         *iap_mitigation_status_label     (const char     *status);
const char         *iap_mitigation_treatment_label  (const char     *treatment);

G_END_DECLS
