/* iap-triple-hatting-page.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_TRIPLE_HATTING_PAGE (iap_triple_hatting_page_get_type ())

G_DECLARE_FINAL_TYPE (IapTripleHattingPage, iap_triple_hatting_page, IAP, TRIPLE_HATTING_PAGE, GtkWidget)

void iap_triple_hatting_page_set_workshop (IapTripleHattingPage *self,
                                           IapWorkshop          *workshop);

G_END_DECLS
