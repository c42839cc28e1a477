/* iap-qr-code.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* A QR code of a text, drawn on any cairo surface: the address of a room
 * vote, or a participant's own. */

#define IAP_TYPE_QR_CODE (iap_qr_code_get_type ())

typedef struct _IapQrCode IapQrCode;

GType      iap_qr_code_get_type   (void) G_GNUC_CONST;
IapQrCode *iap_qr_code_new        (const char  *text,
                                   GError     **error);
IapQrCode *iap_qr_code_ref        (IapQrCode   *self);
void       iap_qr_code_unref      (IapQrCode   *self);
const char *iap_qr_code_get_text  (IapQrCode   *self);
guint      iap_qr_code_get_width  (IapQrCode   *self);
gboolean   iap_qr_code_get_module (IapQrCode   *self,
                                   guint        x,
                                   guint        y);
void       iap_qr_code_draw       (IapQrCode   *self,
                                   cairo_t     *cr,
                                   double       x,
                                   double       y,
                                   double       size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapQrCode, iap_qr_code_unref)

G_END_DECLS
