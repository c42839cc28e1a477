/* iap-mitigation-page.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-mitigation-page"

#include "config.h"

#include "iap-mitigation-page.h"

struct _IapMitigationPage
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (IapMitigationPage, iap_mitigation_page, GTK_TYPE_WIDGET)

static void
iap_mitigation_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_MITIGATION_PAGE);

  /* Template children that are not bound to fields stay parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (iap_mitigation_page_parent_class)->dispose (object);
}

static void
iap_mitigation_page_class_init (IapMitigationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_mitigation_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-mitigation-page.ui");
}

static void
iap_mitigation_page_init (IapMitigationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
