/* iap-text-area.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_TEXT_AREA (iap_text_area_get_type ())

G_DECLARE_FINAL_TYPE (IapTextArea, iap_text_area, IAP, TEXT_AREA, GtkWidget)

void         iap_text_area_set_workshop (IapTextArea *self,
                                         IapWorkshop *workshop);
GtkTextView *iap_text_area_get_view     (IapTextArea *self);

char        *iap_text_view_dup_text     (GtkTextView *view);
void         iap_text_view_sync_text    (GtkTextView *view,
                                         const char  *text);

G_END_DECLS
