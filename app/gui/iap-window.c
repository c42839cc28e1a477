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
#include "iap-drafts.h"
#include "iap-export-dialog.h"
#include "iap-lock.h"
#include "iap-preload.h"
#include "iap-matrix-page.h"
#include "iap-mitigation-page.h"
#include "iap-print-operation.h"
#include "iap-setup-page.h"
#include "iap-summary-page.h"
#include "iap-triple-hatting-page.h"
#include "iap-window.h"
#include "iap-workshop-file.h"

struct _IapWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkButton *open_button;
  GtkListBox *step_list;
  GtkStack *stack;
  IapSetupPage *setup_page;
  IapContextPage *context_page;
  IapTripleHattingPage *triple_hatting_page;
  IapMatrixPage *matrix_page;
  IapMitigationPage *mitigation_page;
  IapSummaryPage *summary_page;
  GMenu *recent_section;

  /* Owned */
  GSettings *settings;
  IapWorkshop *workshop;
  GSignalGroup *workshop_signals;
  GSignalGroup *history_signals;
  GCancellable *cancellable;
  char *draft_id;
  GFile *locked_file;
  char *etag;
  guint autosave_source;

  /* Pages are given the workshop when they are first shown after it
   * changed: building a page costs, for a large workshop, far more than
   * the page on screen (hundreds of rows and pickers). A page that has
   * not been shown since keeps the workshop it had, out of sight. */
  guint workshop_serial;
  guint page_serial[6];

  /* Opened read-only because someone else has the file open */
  guint read_only : 1;
  /* An autosave failure is shown once, not every few seconds */
  guint autosave_error_shown : 1;
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

/* Gives the visible page the window's workshop if it has another */
static void
sync_visible_page (IapWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);
  GtkWidget *pages[G_N_ELEMENTS (self->page_serial)] = {
    GTK_WIDGET (self->setup_page), GTK_WIDGET (self->context_page),
    GTK_WIDGET (self->triple_hatting_page), GTK_WIDGET (self->matrix_page),
    GTK_WIDGET (self->mitigation_page), GTK_WIDGET (self->summary_page),
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (pages) && pages[i] != visible; i++)
    ;
  if (i == G_N_ELEMENTS (pages) || self->page_serial[i] == self->workshop_serial)
    return;

  self->page_serial[i] = self->workshop_serial;
  switch (i)
    {
    case 0: iap_setup_page_set_workshop (self->setup_page, self->workshop); break;
    case 1: iap_context_page_set_workshop (self->context_page, self->workshop); break;
    case 2: iap_triple_hatting_page_set_workshop (self->triple_hatting_page, self->workshop); break;
    case 3: iap_matrix_page_set_workshop (self->matrix_page, self->workshop); break;
    case 4: iap_mitigation_page_set_workshop (self->mitigation_page, self->workshop); break;
    default: iap_summary_page_set_workshop (self->summary_page, self->workshop); break;
    }
}

static void
on_visible_child_changed (IapWindow  *self,
                          GParamSpec *pspec,
                          GtkStack   *stack)
{
  const char *name = gtk_stack_get_visible_child_name (stack);

  sync_visible_page (self);

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

  if (self->read_only)
    /* Translators: the window title of a workshop someone else has open */
    title = g_strdup_printf (_("%s (read-only) — IAP Workshop"), name);
  else if (iap_workshop_get_modified (self->workshop))
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", !self->read_only);
}

#define DEFAULT_AUTOSAVE_SECONDS 10

static guint
autosave_interval (void)
{
  const char *env = g_getenv ("IAP_WORKSHOP_AUTOSAVE_SECONDS");
  guint64 seconds;

  /* The crash-recovery test shortens the wait. */
  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 30, &seconds, NULL))
    return (guint)seconds;

  return DEFAULT_AUTOSAVE_SECONDS;
}

static gboolean
autosave_cb (gpointer data)
{
  IapWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->autosave_source = 0;

  if (!iap_workshop_get_modified (self->workshop))
    {
      iap_drafts_remove (self->draft_id);
      return G_SOURCE_REMOVE;
    }

  if (!iap_drafts_write (self->draft_id, self->workshop, &error) && !self->autosave_error_shown)
    {
      self->autosave_error_shown = TRUE;
      iap_dialogs_show_error (GTK_WINDOW (self),
                              _("Unsaved changes cannot be kept as a draft"),
                              error->message);
    }

  return G_SOURCE_REMOVE;
}

/* A draft follows the first change by a few seconds, and each later one
 * by no more than that, so a crash loses at most those seconds. */
static void
schedule_autosave (IapWindow *self)
{
  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add_seconds (autosave_interval (), autosave_cb, self);
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info == NULL)
    return NULL;

  return g_strdup (g_file_info_get_etag (info));
}

/* Remembers the file as it is on disk now, and holds its lock. */
static void
track_file (IapWindow *self,
            GFile     *file)
{
  g_free (self->etag);
  self->etag = query_etag (file);

  if (self->read_only)
    return;

  if (self->locked_file != NULL && !g_file_equal (self->locked_file, file))
    iap_lock_release (self->locked_file);

  g_set_object (&self->locked_file, file);
  iap_lock_acquire (file, NULL);
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
  gboolean read_only;
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
  iap_drafts_remove (self->draft_id);
  self->read_only = FALSE;
  track_file (self, file);
  update_actions (self);
  update_title (self);

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
on_overwrite_answered (int      response,
                       gpointer user_data)
{
  g_autoptr(IapWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    save_to (self, iap_workshop_get_file (self->workshop));
  else if (response == GTK_RESPONSE_APPLY)
    save_as (self);
  else
    self->close_after_save = FALSE;
}

static gboolean
changed_on_disk (IapWindow *self,
                 GFile     *file)
{
  g_autofree char *etag = NULL;

  if (self->etag == NULL)
    return FALSE;

  /* A file deleted meanwhile is simply written again. */
  etag = query_etag (file);

  return etag != NULL && g_strcmp0 (etag, self->etag) != 0;
}

static void
save (IapWindow *self)
{
  GFile *file = iap_workshop_get_file (self->workshop);
  g_autofree char *name = NULL;
  g_autofree char *primary = NULL;

  if (file == NULL || self->read_only)
    {
      save_as (self);
      return;
    }

  if (!changed_on_disk (self, file))
    {
      save_to (self, file);
      return;
    }

  name = g_file_get_basename (file);
  primary = g_strdup_printf (_("“%s” changed on disk"), name);
  iap_dialogs_ask (GTK_WINDOW (self), primary,
                   _("Someone or something changed the file after you opened it. "
                     "Saving replaces those changes with yours; Save As keeps both."),
                   on_overwrite_answered, g_object_ref (self),
                   _("_Cancel"), GTK_RESPONSE_CANCEL,
                   _("Save _As…"), GTK_RESPONSE_APPLY,
                   _("_Replace"), GTK_RESPONSE_ACCEPT,
                   NULL);
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
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  iap_print_operation_present (IAP_WINDOW (widget)->workshop, GTK_WINDOW (widget));
}

static void
print_preview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  iap_print_operation_present_preview (IAP_WINDOW (widget)->workshop, GTK_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  IapExportDialog *dialog = iap_export_dialog_new (IAP_WINDOW (widget)->workshop, GTK_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (dialog));
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

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  /* Ctrl+W arrives as a key press: destroying the window while GTK is
   * still delivering that key to the focused entry crashes GTK 4.8, so the
   * window closes once the event is over. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle,
                   g_object_ref (widget), g_object_unref);
}

static void
iap_window_dispose (GObject *object)
{
  IapWindow *self = IAP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  /* A window closed with unsaved changes that nobody chose to discard
   * keeps its draft, to be offered back at the next start. */
  if (self->draft_id != NULL && self->workshop != NULL &&
      (self->discard_changes || !iap_workshop_get_modified (self->workshop)))
    iap_drafts_remove (self->draft_id);

  if (self->locked_file != NULL)
    iap_lock_release (self->locked_file);
  g_clear_object (&self->locked_file);

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
  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->etag, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, IapWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, step_list);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, setup_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, context_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, triple_hatting_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, matrix_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, mitigation_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, summary_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, print_preview_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
}

static void
iap_window_init (IapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->step_list, "row-selected",
                           G_CALLBACK (on_step_row_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_visible_child_changed), self, G_CONNECT_SWAPPED);

  iap_button_fix_accessible_name (GTK_WIDGET (self->open_button));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->draft_id = iap_drafts_new_id ();
  restore_window_state (self);


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
  g_signal_group_connect_object (self->history_signals, "changed",
                                 G_CALLBACK (schedule_autosave), self, G_CONNECT_SWAPPED);

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
  self->workshop_serial++;
  sync_visible_page (self);

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

/* A window opened only for a file that turns out unreadable goes away
 * again; the error shows on the window the person was working in. */
static void
show_load_error (IapWindow  *self,
                 const char *primary,
                 const char *secondary)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkWindow *other = NULL;

  for (const GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l; l = l->next)
    {
      if (l->data != (gpointer)self && IAP_IS_WINDOW (l->data))
        {
          other = l->data;
          break;
        }
    }

  if (other == NULL || !iap_window_is_pristine (self))
    {
      iap_dialogs_show_error (GTK_WINDOW (self), primary, secondary);
      return;
    }

  iap_dialogs_show_error (other, primary, secondary);
  gtk_window_destroy (GTK_WINDOW (self));
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
      show_load_error (self, primary, error->message);
      return;
    }

  self->read_only = op->read_only;
  iap_window_set_workshop (self, workshop);
  track_file (self, op->file);
  update_actions (self);
  update_title (self);
  iap_application_note_recent (IAP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                               iap_workshop_get_file (workshop));
}

static void
load (IapWindow  *self,
      GFile      *file,
      gboolean    read_only,
      IapPreload *preload)
{
  FileOp *op = file_op_new (self, file);

  op->read_only = read_only;
  if (preload != NULL)
    iap_preload_take_async (preload, self->cancellable, on_load_ready, op);
  else
    iap_workshop_load_async (file, self->cancellable, on_load_ready, op);
}

static void
on_lock_answered (int      response,
                  gpointer user_data)
{
  g_autoptr(FileOp) op = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    load (op->window, op->file, TRUE, NULL);
  else if (response == GTK_RESPONSE_APPLY)
    load (op->window, op->file, FALSE, NULL);
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
  iap_window_open_preloaded (self, file, NULL);
}

/**
 * iap_window_open_preloaded:
 * @preload: (transfer full) (nullable): @file being read already
 *
 * As iap_window_open(), with what was read ahead of time. If someone else
 * has the file open, the file is read again once the question about it
 * is answered.
 */
void
iap_window_open_preloaded (IapWindow  *self,
                           GFile      *file,
                           IapPreload *preload)
{
  g_autoptr(IapLockOwner) owner = NULL;
  g_autofree char *name = NULL;
  g_autofree char *who = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  g_return_if_fail (IAP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((owner = iap_lock_query (file)) == NULL)
    {
      load (self, file, FALSE, preload);
      return;
    }
  iap_preload_drop (preload);

  name = g_file_get_basename (file);
  who = iap_lock_owner_describe (owner);
  primary = g_strdup_printf (_("“%s” is open in another copy of IAP Workshop"), name);
  /* Translators: %s is "Amina Diallo on field-laptop-3 since 22/11/2026 09:42" */
  secondary = g_strdup_printf (_("It is open by %s. If you both change it, one of you will "
                                 "lose work. Open it read-only and save your changes under "
                                 "another name, or open it anyway."), who);
  iap_dialogs_ask (GTK_WINDOW (self), primary, secondary,
                   on_lock_answered, file_op_new (self, file),
                   _("_Cancel"), GTK_RESPONSE_CANCEL,
                   _("Open _Anyway"), GTK_RESPONSE_APPLY,
                   _("Open _Read-Only"), GTK_RESPONSE_ACCEPT,
                   NULL);
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

/**
 * iap_window_recover:
 *
 * Shows the workshop kept in @draft, unsaved, and keeps that draft up to
 * date until the workshop is saved or discarded.
 */
gboolean
iap_window_recover (IapWindow  *self,
                    IapDraft   *draft,
                    GError    **error)
{
  g_autoptr(IapWorkshop) workshop = NULL;
  GFile *original;

  g_return_val_if_fail (IAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if ((workshop = iap_drafts_load (draft, error)) == NULL)
    return FALSE;

  iap_drafts_remove (self->draft_id);
  g_free (self->draft_id);
  self->draft_id = g_strdup (iap_draft_get_id (draft));

  iap_window_set_workshop (self, workshop);

  original = iap_workshop_get_file (workshop);
  if (original != NULL && iap_lock_query (original) == NULL)
    track_file (self, original);

  return TRUE;
}
