/* iap-application.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IAP_TYPE_APPLICATION (iap_application_get_type ())

G_DECLARE_FINAL_TYPE (IapApplication, iap_application, IAP, APPLICATION, AdwApplication)

IapApplication *iap_application_new             (void);
GMenuModel     *iap_application_get_recent_menu (IapApplication *self);
void            iap_application_note_recent     (IapApplication *self,
                                                 GFile          *file);
void            iap_application_preload         (IapApplication *self,
                                                 char          **argv);

G_END_DECLS
