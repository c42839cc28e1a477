/* iap-qr-view.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A QR code on screen: the square as large as the widget allows, drawn
 * by app/render (iap-qr-code.c), with the text it holds as its
 * accessible description, so that a screen reader says what a phone
 * would read.
 */

#define G_LOG_DOMAIN "iap-qr-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-qr-code.h"
#include "iap-qr-view.h"

struct _IapQrView
{
  GtkWidget parent_instance;

  /* Owned */
  IapQrCode *code;
};

G_DEFINE_FINAL_TYPE (IapQrView, iap_qr_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_qr_view_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  IapQrView *self = IAP_QR_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  cairo_t *cr;

  if (self->code == NULL || size <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  iap_qr_code_draw (self->code, cr, (width - size) / 2, (height - size) / 2, size);
  cairo_destroy (cr);
}

static void
iap_qr_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  IapQrView *self = IAP_QR_VIEW (widget);
  /* Two pixels a module at least, quiet zone included */
  int modules = self->code != NULL ? (int) iap_qr_code_get_width (self->code) + 8 : 0;

  *minimum = 2 * modules;
  *natural = 6 * modules;
}

static void
iap_qr_view_finalize (GObject *object)
{
  IapQrView *self = (IapQrView *)object;

  g_clear_pointer (&self->code, iap_qr_code_unref);

  G_OBJECT_CLASS (iap_qr_view_parent_class)->finalize (object);
}

static void
iap_qr_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IapQrView *self = IAP_QR_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, iap_qr_view_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_qr_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IapQrView *self = IAP_QR_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      iap_qr_view_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_qr_view_class_init (IapQrViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = iap_qr_view_finalize;
  object_class->get_property = iap_qr_view_get_property;
  object_class->set_property = iap_qr_view_set_property;
  widget_class->snapshot = iap_qr_view_snapshot;
  widget_class->measure = iap_qr_view_measure;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
iap_qr_view_init (IapQrView *self)
{
}

GtkWidget *
iap_qr_view_new (void)
{
  return g_object_new (IAP_TYPE_QR_VIEW, NULL);
}

/* Returns: (nullable): the text the code holds */
const char *
iap_qr_view_get_text (IapQrView *self)
{
  g_return_val_if_fail (IAP_IS_QR_VIEW (self), NULL);

  return self->code != NULL ? iap_qr_code_get_text (self->code) : NULL;
}

/**
 * iap_qr_view_set_text:
 * @text: (nullable): what the code holds, or %NULL for none
 */
void
iap_qr_view_set_text (IapQrView  *self,
                      const char *text)
{
  g_autofree char *description = NULL;

  g_return_if_fail (IAP_IS_QR_VIEW (self));

  if (g_strcmp0 (text, iap_qr_view_get_text (self)) == 0)
    return;

  g_clear_pointer (&self->code, iap_qr_code_unref);
  /* A text too long for a QR code shows none; the address is always
   * shown in words beside it */
  if (text != NULL)
    self->code = iap_qr_code_new (text, NULL);
  /* Translators: what a screen reader says of a QR code; %s is the address it holds */
  description = g_strdup_printf (_("QR code of %s"), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? description : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
