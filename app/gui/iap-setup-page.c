/* iap-setup-page.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-setup-page"

#include "config.h"

#include "iap-setup-page.h"

struct _IapSetupPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkEntry *title_entry;

  /* Owned */
  IapWorkshop *workshop;
  GSignalGroup *workshop_signals;
};

G_DEFINE_FINAL_TYPE (IapSetupPage, iap_setup_page, GTK_TYPE_WIDGET)

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  /* Writing the same text back would move the cursor while typing. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
on_workshop_title_changed (IapSetupPage *self)
{
  set_entry_text (self->title_entry, iap_workshop_get_title (self->workshop));
}

static void
on_title_entry_changed (IapSetupPage *self,
                        GtkEditable  *editable)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->workshop == NULL ||
      g_strcmp0 (text, iap_workshop_get_title (self->workshop)) == 0)
    return;

  iap_workshop_set_text (self->workshop, self->workshop, "title", text);
}

static void
iap_setup_page_dispose (GObject *object)
{
  IapSetupPage *self = IAP_SETUP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_SETUP_PAGE);
  g_clear_object (&self->workshop_signals);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_setup_page_parent_class)->dispose (object);
}

static void
iap_setup_page_class_init (IapSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_setup_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IapSetupPage, title_entry);
}

static void
iap_setup_page_init (IapSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->workshop_signals = g_signal_group_new (IAP_TYPE_WORKSHOP);
  g_signal_group_connect_object (self->workshop_signals, "notify::title",
                                 G_CALLBACK (on_workshop_title_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_entry, "changed",
                           G_CALLBACK (on_title_entry_changed), self, G_CONNECT_SWAPPED);
}

void
iap_setup_page_set_workshop (IapSetupPage *self,
                             IapWorkshop  *workshop)
{
  g_return_if_fail (IAP_IS_SETUP_PAGE (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->workshop_signals, workshop);
  set_entry_text (self->title_entry, workshop != NULL ? iap_workshop_get_title (workshop) : "");
}
