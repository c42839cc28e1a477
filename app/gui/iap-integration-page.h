/* iap-integration-page.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_INTEGRATION_PAGE (iap_integration_page_get_type ())

G_DECLARE_FINAL_TYPE (IapIntegrationPage, iap_integration_page, IAP, INTEGRATION_PAGE, GtkWidget)

void iap_integration_page_set_workshop (IapIntegrationPage *self,
                                        IapWorkshop        *workshop);

G_END_DECLS
