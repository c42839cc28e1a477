/* iap-requirement-status.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_REQUIREMENT_STATUS (iap_requirement_status_get_type ())

G_DECLARE_FINAL_TYPE (IapRequirementStatus, iap_requirement_status, IAP, REQUIREMENT_STATUS, GObject)

IapRequirementStatus *iap_requirement_status_new             (const char *requirement);
const char           *iap_requirement_status_get_requirement (IapRequirementStatus *self);
const char           *iap_requirement_status_get_status      (IapRequirementStatus *self);
const char           *iap_requirement_status_get_note        (IapRequirementStatus *self);

G_END_DECLS
