/* iap-requirements-group.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_REQUIREMENTS_GROUP (iap_requirements_group_get_type ())

G_DECLARE_FINAL_TYPE (IapRequirementsGroup, iap_requirements_group, IAP, REQUIREMENTS_GROUP, AdwPreferencesGroup)

GtkWidget *iap_requirements_group_new          (void);
void       iap_requirements_group_set_workshop (IapRequirementsGroup *self,
                                                IapWorkshop          *workshop);

G_END_DECLS
