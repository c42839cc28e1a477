/* iap-qr-view.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IAP_TYPE_QR_VIEW (iap_qr_view_get_type ())

G_DECLARE_FINAL_TYPE (IapQrView, iap_qr_view, IAP, QR_VIEW, GtkWidget)

GtkWidget  *iap_qr_view_new      (void);
const char *iap_qr_view_get_text (IapQrView  *self);
void        iap_qr_view_set_text (IapQrView  *self,
                                  const char *text);

G_END_DECLS
