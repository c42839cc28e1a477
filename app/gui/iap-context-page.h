/* iap-context-page.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_CONTEXT_PAGE (iap_context_page_get_type ())

G_DECLARE_FINAL_TYPE (IapContextPage, iap_context_page, IAP, CONTEXT_PAGE, GtkWidget)

void iap_context_page_set_workshop (IapContextPage *self,
                                    IapWorkshop    *workshop);

G_END_DECLS
