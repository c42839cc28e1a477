/* iap-summary-page.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_SUMMARY_PAGE (iap_summary_page_get_type ())

G_DECLARE_FINAL_TYPE (IapSummaryPage, iap_summary_page, IAP, SUMMARY_PAGE, GtkWidget)

void iap_summary_page_set_workshop (IapSummaryPage *self,
                                    IapWorkshop    *workshop);

G_END_DECLS
