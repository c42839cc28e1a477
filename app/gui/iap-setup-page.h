/* iap-setup-page.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_SETUP_PAGE (iap_setup_page_get_type ())

G_DECLARE_FINAL_TYPE (IapSetupPage, iap_setup_page, IAP, SETUP_PAGE, GtkWidget)

void iap_setup_page_set_workshop (IapSetupPage *self,
                                  IapWorkshop  *workshop);

G_END_DECLS
