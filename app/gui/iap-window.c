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
#include "iap-dialogs.h"
#include "iap-matrix-page.h"
#include "iap-mitigation-page.h"
#include "iap-setup-page.h"
#include "iap-summary-page.h"
#include "iap-triple-hatting-page.h"
#include "iap-window.h"
#include "iap-workshop-file.h"

struct _IapWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkListBox *step_list;
  GtkStack *stack;
  IapSetupPage *setup_page;
  GMenu *recent_section;

  /* Owned */
  GSettings *settings;
  IapWorkshop *workshop;
  GSignalGroup *workshop_signals;
  GSignalGroup *history_signals;
  GCancellable *cancellable;

  /* Set while a save started by closing the window is under way */
  guint close_after_save : 1;
  /* Set once the user chose to close without saving */
  guint discard_changes : 1;
};

G_DEFINE_FINAL_TYPE (IapWindow, iap_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STEP,
  PROP_WORKSHOP,
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

static char *
dup_document_name (IapWindow *self)
{
  GFile *file = iap_workshop_get_file (self->workshop);

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      return g_filename_display_name (basename);
    }

  return iap_workshop_dup_display_name (self->workshop);
}

static void
update_title (IapWindow *self)
{
  g_autofree char *name = dup_document_name (self);
  g_autofree char *title = NULL;

  if (iap_workshop_get_modified (self->workshop))
    /* Translators: the window title of a workshop with unsaved changes */
    title = g_strdup_printf (_("• %s — IAP Workshop"), name);
  else
    /* Translators: the window title, %s is the workshop's file name */
    title = g_strdup_printf (_("%s — IAP Workshop"), name);

  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (IapWindow *self)
{
  IapHistory *history = iap_workshop_get_history (self->workshop);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 iap_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 iap_history_get_can_redo (history));
}

static void
on_history_changed (IapWindow *self)
{
  update_actions (self);
  update_title (self);
}

/* What an asynchronous open or save needs when it finishes: the window
 * (kept alive until then) and the file it was about. */
typedef struct
{
  IapWindow *window;
  GFile *file;
} FileOp;

static FileOp *
file_op_new (IapWindow *window,
             GFile     *file)
{
  FileOp *op = g_new0 (FileOp, 1);

  op->window = g_object_ref (window);
  op->file = g_object_ref (file);

  return op;
}

static void
file_op_free (FileOp *op)
{
  g_clear_object (&op->window);
  g_clear_object (&op->file);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileOp, file_op_free)

static void
save_finish (IapWindow *self,
             GFile     *file,
             GError    *error)
{
  if (error != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *primary = g_strdup_printf (_("Could not save “%s”"), name);

      self->close_after_save = FALSE;
      iap_dialogs_show_error (GTK_WINDOW (self), primary, error->message);
      return;
    }

  iap_application_note_recent (IAP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                               file);

  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_ready (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FileOp) op = user_data;
  g_autoptr(GError) error = NULL;

  iap_workshop_save_finish (IAP_WORKSHOP (object), result, &error);
  save_finish (op->window, op->file, error);
}

static void
save_to (IapWindow *self,
         GFile     *file)
{
  iap_workshop_save_async (self->workshop, file, self->cancellable,
                           on_save_ready, file_op_new (self, file));
}

static void
on_save_as_chosen (GFile    *file,
                   gpointer  user_data)
{
  IapWindow *self = user_data;

  if (file == NULL)
    self->close_after_save = FALSE;
  else
    save_to (self, file);

  g_object_unref (self);
}

static void
save_as (IapWindow *self)
{
  g_autofree char *name = iap_workshop_dup_display_name (self->workshop);
  g_autofree char *suggested = g_strconcat (name, IAP_WORKSHOP_SUFFIX, NULL);

  iap_dialogs_choose_save_file (GTK_WINDOW (self), iap_workshop_get_file (self->workshop),
                                suggested, on_save_as_chosen, g_object_ref (self));
}

static void
save (IapWindow *self)
{
  GFile *file = iap_workshop_get_file (self->workshop);

  if (file == NULL)
    save_as (self);
  else
    save_to (self, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (IAP_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  save_as (IAP_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  iap_workshop_undo (IAP_WINDOW (widget)->workshop);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  iap_workshop_redo (IAP_WINDOW (widget)->workshop);
}

static void
on_close_confirmed (IapCloseResponse response,
                    gpointer         user_data)
{
  g_autoptr(IapWindow) self = user_data;

  switch (response)
    {
    case IAP_CLOSE_SAVE:
      self->close_after_save = TRUE;
      save (self);
      break;

    case IAP_CLOSE_DISCARD:
      self->discard_changes = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
      break;

    case IAP_CLOSE_CANCEL:
    default:
      break;
    }
}

static gboolean
iap_window_close_request (GtkWindow *window)
{
  IapWindow *self = IAP_WINDOW (window);

  save_window_state (self);

  if (iap_workshop_get_modified (self->workshop) && !self->discard_changes)
    {
      g_autofree char *name = dup_document_name (self);

      iap_dialogs_confirm_close (window, name, on_close_confirmed, g_object_ref (self));
      return TRUE;
    }

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

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_WINDOW);

  G_OBJECT_CLASS (iap_window_parent_class)->dispose (object);
}

static void
iap_window_finalize (GObject *object)
{
  IapWindow *self = IAP_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->workshop_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->workshop);
  g_clear_object (&self->cancellable);

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

    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
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

    case PROP_WORKSHOP:
      iap_window_set_workshop (self, g_value_get_object (value));
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

  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL,
                         IAP_TYPE_WORKSHOP,
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
  gtk_widget_class_bind_template_child (widget_class, IapWindow, setup_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  /* The report issue brings these; until then they stay off. */
  gtk_widget_class_install_action (widget_class, "win.print", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, NULL);
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
  self->cancellable = g_cancellable_new ();
  restore_window_state (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);

  self->workshop_signals = g_signal_group_new (IAP_TYPE_WORKSHOP);
  g_signal_group_connect_object (self->workshop_signals, "notify::title",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->workshop_signals, "notify::file",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "notify::modified",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "notify::can-undo",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "notify::can-redo",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);

  {
    g_autoptr(IapWorkshop) workshop = iap_workshop_new ();

    iap_window_set_workshop (self, workshop);
  }

  on_visible_child_changed (self, NULL, self->stack);
}

IapWindow *
iap_window_new (IapApplication *application)
{
  IapWindow *self;

  g_return_val_if_fail (IAP_IS_APPLICATION (application), NULL);

  self = g_object_new (IAP_TYPE_WINDOW,
                       "application", application,
                       NULL);

  g_menu_append_section (self->recent_section, NULL,
                         iap_application_get_recent_menu (application));

  return self;
}

IapWorkshop *
iap_window_get_workshop (IapWindow *self)
{
  g_return_val_if_fail (IAP_IS_WINDOW (self), NULL);

  return self->workshop;
}

void
iap_window_set_workshop (IapWindow   *self,
                         IapWorkshop *workshop)
{
  g_return_if_fail (IAP_IS_WINDOW (self));
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->workshop_signals, workshop);
  g_signal_group_set_target (self->history_signals, iap_workshop_get_history (workshop));
  iap_setup_page_set_workshop (self->setup_page, workshop);

  update_actions (self);
  update_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}

/* A new window nobody has typed into yet; opening a file may reuse it. */
gboolean
iap_window_is_pristine (IapWindow *self)
{
  IapHistory *history;

  g_return_val_if_fail (IAP_IS_WINDOW (self), FALSE);

  history = iap_workshop_get_history (self->workshop);

  return iap_workshop_get_file (self->workshop) == NULL &&
         !iap_history_get_can_undo (history) &&
         !iap_history_get_can_redo (history);
}

static void
on_load_ready (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FileOp) op = user_data;
  IapWindow *self = op->window;
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;

  workshop = iap_workshop_load_finish (result, &error);

  if (workshop == NULL)
    {
      g_autofree char *name = g_file_get_basename (op->file);
      g_autofree char *primary = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      primary = g_strdup_printf (_("Could not open “%s”"), name);
      iap_dialogs_show_error (GTK_WINDOW (self), primary, error->message);
      return;
    }

  iap_window_set_workshop (self, workshop);
  iap_application_note_recent (IAP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                               iap_workshop_get_file (workshop));
}

/**
 * iap_window_open:
 *
 * Loads @file in the background and shows it in the window. If the file
 * cannot be read, an error dialog says why and the window keeps the
 * document it had.
 */
void
iap_window_open (IapWindow *self,
                 GFile     *file)
{
  g_return_if_fail (IAP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  iap_workshop_load_async (file, self->cancellable, on_load_ready, file_op_new (self, file));
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
