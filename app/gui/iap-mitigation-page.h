/* iap-mitigation-page.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_MITIGATION_PAGE (iap_mitigation_page_get_type ())

G_DECLARE_FINAL_TYPE (IapMitigationPage, iap_mitigation_page, IAP, MITIGATION_PAGE, GtkWidget)

void           iap_mitigation_page_set_workshop  (IapMitigationPage *self,
                                                  IapWorkshop       *workshop);
GtkColumnView *iap_mitigation_page_get_plan_view (IapMitigationPage *self);

G_END_DECLS
