/* iap-qr-code.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * QR codes, encoded by libqrencode (the library every Linux distribution
 * ships for it) and drawn with cairo: black modules on white, with the
 * quiet zone of four modules the standard asks for, each module a whole
 * number of device pixels where the size allows, so that a phone's
 * camera reads it from the back of a room on a projector.
 */

#define G_LOG_DOMAIN "iap-qr-code"

#include "config.h"

#include <gio/gio.h>
#include "iap-i18n.h"
#include <math.h>
#include <qrencode.h>

#include "iap-qr-code.h"

/* The margin around the code, in modules */
#define QUIET_ZONE 4

struct _IapQrCode
{
  gatomicrefcount ref_count;
  char *text;
  guint width;
  guint8 *modules;              /* width x width, 1 for a dark module */
};

G_DEFINE_BOXED_TYPE (IapQrCode, iap_qr_code, iap_qr_code_ref, iap_qr_code_unref)

/**
 * iap_qr_code_new:
 * @text: what the code says, such as an address
 *
 * Encodes @text with error correction level M (15% of the code may be
 * lost), in the smallest version that holds it.
 *
 * Returns: (transfer full) (nullable): the code, or %NULL with @error
 *   set when @text is too long for a QR code
 */
IapQrCode *
iap_qr_code_new (const char  *text,
                 GError     **error)
{
  QRcode *qr;
  IapQrCode *self;

  g_return_val_if_fail (text != NULL, NULL);

  qr = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (qr == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” cannot be made into a QR code: it is too long."), text);
      return NULL;
    }

  self = g_new0 (IapQrCode, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_strdup (text);
  self->width = qr->width;
  self->modules = g_new (guint8, qr->width * qr->width);
  /* libqrencode's lowest bit says whether a module is dark */
  for (int i = 0; i < qr->width * qr->width; i++)
    self->modules[i] = qr->data[i] & 1;
  QRcode_free (qr);

  return self;
}

IapQrCode *
iap_qr_code_ref (IapQrCode *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
iap_qr_code_unref (IapQrCode *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->text);
  g_free (self->modules);
  g_free (self);
}

const char *
iap_qr_code_get_text (IapQrCode *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/* Returns: how many modules wide the code is, without the quiet zone */
guint
iap_qr_code_get_width (IapQrCode *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

/* Returns: whether the module at @x, @y is dark */
gboolean
iap_qr_code_get_module (IapQrCode *self,
                        guint      x,
                        guint      y)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (x < self->width && y < self->width, FALSE);

  return self->modules[y * self->width + x] != 0;
}

/**
 * iap_qr_code_draw:
 * @size: the side of the square the code and its quiet zone fill, in
 *   user units
 *
 * Draws the code in the square at @x, @y: a white square with the dark
 * modules in black, whatever the colours around it.
 */
void
iap_qr_code_draw (IapQrCode *self,
                  cairo_t   *cr,
                  double     x,
                  double     y,
                  double     size)
{
  guint n = self->width + 2 * QUIET_ZONE;
  double module, ux = 1, uy = 1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  /* Whole device pixels per module, where there are enough of them:
   * sharp edges read better than smooth ones */
  cairo_user_to_device_distance (cr, &ux, &uy);
  module = size / n;
  if (module * ux >= 2)
    module = floor (module * ux) / ux;

  cairo_save (cr);
  cairo_translate (cr, x + (size - module * n) / 2, y + (size - module * n) / 2);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, module * n, module * n);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint row = 0; row < self->width; row++)
    for (guint col = 0; col < self->width; col++)
      if (self->modules[row * self->width + col])
        cairo_rectangle (cr, (col + QUIET_ZONE) * module, (row + QUIET_ZONE) * module, module, module);
  cairo_fill (cr);
  cairo_restore (cr);
}
