/* iap-window.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-window"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-context-page.h"
#include "iap-matrix-page.h"
#include "iap-mitigation-page.h"
#include "iap-setup-page.h"
#include "iap-summary-page.h"
#include "iap-triple-hatting-page.h"
#include "iap-window.h"

struct _IapWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkListBox *step_list;
  GtkStack *stack;

  /* Owned */
  GSettings *settings;
  GFile *file;
};

G_DEFINE_FINAL_TYPE (IapWindow, iap_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
save_window_state (IapWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  /* A maximized window's size is the screen's; keep the restored size. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    g_settings_set (self->settings, "window-size", "(ii)", width, height);
}

static void
restore_window_state (IapWindow *self)
{
  int width, height;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
on_step_row_selected (IapWindow     *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  if (row == NULL)
    return;

  gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_visible_child_changed (IapWindow  *self,
                          GParamSpec *pspec,
                          GtkStack   *stack)
{
  const char *name = gtk_stack_get_visible_child_name (stack);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->step_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        {
          gtk_list_box_select_row (self->step_list, GTK_LIST_BOX_ROW (row));
          break;
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static void
update_title (IapWindow *self)
{
  g_autofree char *title = NULL;

  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);

      /* Translators: the window title, %s is a file name */
      title = g_strdup_printf (_("%s — IAP Workshop"), name);
    }
  else
    title = g_strdup (_("New Workshop — IAP Workshop"));

  gtk_window_set_title (GTK_WINDOW (self), title);
}

static gboolean
iap_window_close_request (GtkWindow *window)
{
  save_window_state (IAP_WINDOW (window));

  return GTK_WINDOW_CLASS (iap_window_parent_class)->close_request (window);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
iap_window_dispose (GObject *object)
{
  IapWindow *self = IAP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_WINDOW);

  G_OBJECT_CLASS (iap_window_parent_class)->dispose (object);
}

static void
iap_window_finalize (GObject *object)
{
  IapWindow *self = IAP_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (iap_window_parent_class)->finalize (object);
}

static void
iap_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IapWindow *self = IAP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_string (value, iap_window_get_step (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IapWindow *self = IAP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      iap_window_set_step (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_window_class_init (IapWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = iap_window_dispose;
  object_class->finalize = iap_window_finalize;
  object_class->get_property = iap_window_get_property;
  object_class->set_property = iap_window_set_property;

  window_class->close_request = iap_window_close_request;

  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL,
                         "setup",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IAP_TYPE_SETUP_PAGE);
  g_type_ensure (IAP_TYPE_CONTEXT_PAGE);
  g_type_ensure (IAP_TYPE_MATRIX_PAGE);
  g_type_ensure (IAP_TYPE_TRIPLE_HATTING_PAGE);
  g_type_ensure (IAP_TYPE_MITIGATION_PAGE);
  g_type_ensure (IAP_TYPE_SUMMARY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/iap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IapWindow, step_list);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, stack);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  /* The document model supplies these; until it exists they stay off. */
  gtk_widget_class_install_action (widget_class, "win.save", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, NULL);
}

static void
iap_window_init (IapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->step_list, "row-selected",
                           G_CALLBACK (on_step_row_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_visible_child_changed), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  restore_window_state (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);

  update_title (self);
  on_visible_child_changed (self, NULL, self->stack);
}

IapWindow *
iap_window_new (IapApplication *application)
{
  g_return_val_if_fail (IAP_IS_APPLICATION (application), NULL);

  return g_object_new (IAP_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
iap_window_open (IapWindow *self,
                 GFile     *file)
{
  g_return_if_fail (IAP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  update_title (self);
}

const char *
iap_window_get_step (IapWindow *self)
{
  g_return_val_if_fail (IAP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
iap_window_set_step (IapWindow  *self,
                     const char *step)
{
  g_return_if_fail (IAP_IS_WINDOW (self));
  g_return_if_fail (step != NULL);

  if (g_strcmp0 (step, iap_window_get_step (self)) == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, step);
}
