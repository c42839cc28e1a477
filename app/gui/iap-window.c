/* iap-window.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-window"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-drafts.h"
#include "iap-compare-window.h"
#include "iap-export-dialog.h"
#include "iap-merge-window.h"
#include "iap-lock.h"
#include "iap-print-operation.h"
#include "iap-room-window.h"
#include "iap-window-private.h"

G_DEFINE_FINAL_TYPE (IapWindow, iap_window, ADW_TYPE_APPLICATION_WINDOW)

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

/* On a narrow window the steps and the page take turns: choosing a step
 * goes on to its page. */
static void
on_step_row_activated (IapWindow     *self,
                       GtkListBoxRow *row,
                       GtkListBox    *list)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
show_steps_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  IapWindow *self = IAP_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Gives the visible page the window's workshop if it has another */
static void
sync_visible_page (IapWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);
  GtkWidget *pages[G_N_ELEMENTS (self->page_serial)] = {
    GTK_WIDGET (self->setup_page), GTK_WIDGET (self->context_page),
    GTK_WIDGET (self->integration_page), GTK_WIDGET (self->triple_hatting_page), GTK_WIDGET (self->matrix_page),
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
    case 2: iap_integration_page_set_workshop (self->integration_page, self->workshop); break;
    case 3: iap_triple_hatting_page_set_workshop (self->triple_hatting_page, self->workshop); break;
    case 4: iap_matrix_page_set_workshop (self->matrix_page, self->workshop); break;
    case 5: iap_mitigation_page_set_workshop (self->mitigation_page, self->workshop); break;
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

char *
_iap_window_dup_document_name (IapWindow *self)
{
  GFile *file = iap_workshop_get_file (self->workshop);

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      return g_filename_display_name (basename);
    }

  return iap_workshop_dup_display_name (self->workshop);
}

/* The header bar names the document, marked while it has unsaved
 * changes, and says where it is, or that it is read-only. */
static void
update_header_title (IapWindow  *self,
                     const char *name)
{
  GFile *file = iap_workshop_get_file (self->workshop);
  g_autofree char *title = NULL;
  g_autofree char *where = NULL;

  if (iap_workshop_get_modified (self->workshop) && !self->read_only)
    /* Translators: the header bar title of a workshop with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        {
          g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
          g_autofree char *relative = g_file_get_relative_path (home, parent);

          if (g_file_equal (home, parent))
            where = g_strdup ("~");
          else if (relative != NULL)
            where = g_build_filename ("~", relative, NULL);
          else
            where = g_file_get_parse_name (parent);
        }
    }
  if (self->read_only)
    {
      g_autofree char *folder = g_steal_pointer (&where);

      where = folder != NULL
        /* Translators: the header bar subtitle of a workshop someone else has open; %s is its folder */
        ? g_strdup_printf (_("Read-only · %s"), folder)
        : g_strdup (_("Read-only"));
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, where != NULL ? where : "");
}

static void
update_title (IapWindow *self)
{
  g_autofree char *name = _iap_window_dup_document_name (self);
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
  update_header_title (self, name);
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

/* The title and the actions follow the history and the file. */
void
_iap_window_update_state (IapWindow *self)
{
  update_actions (self);
  update_title (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _iap_window_save (IAP_WINDOW (widget));
}

static void
cancel_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _iap_window_cancel_open (IAP_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _iap_window_save_as (IAP_WINDOW (widget));
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

/* Room mode: the current step for the room, full screen, following this
 * window; a second F5 brings it back to the front. */
static void
room_mode_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  IapWindow *self = IAP_WINDOW (widget);

  if (self->room_window == NULL)
    {
      self->room_window = GTK_WINDOW (iap_room_window_new (self));
      g_object_add_weak_pointer (G_OBJECT (self->room_window), (gpointer *) &self->room_window);
    }
  iap_room_window_present (IAP_ROOM_WINDOW (self->room_window));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  IapCompareWindow *compare = iap_compare_window_new (GTK_WINDOW (widget), IAP_WINDOW (widget)->workshop);

  gtk_window_present (GTK_WINDOW (compare));
}

static void
on_merged (IapWindow *self,
           guint      n_files)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file merged",
                                                        "%u files merged", n_files),
                                           n_files);
  iap_window_add_undo_toast (GTK_WIDGET (self), text);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  IapMergeWindow *merge = iap_merge_window_new (GTK_WINDOW (widget), IAP_WINDOW (widget)->workshop);

  g_signal_connect_object (merge, "merged", G_CALLBACK (on_merged), widget, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (merge));
}

static gboolean
iap_window_close_request (GtkWindow *window)
{
  IapWindow *self = IAP_WINDOW (window);

  save_window_state (self);

  if (_iap_window_ask_before_close (self))
    return TRUE;

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
  _iap_window_clear_open (self);

  /* Room mode shows this window's steps: it goes with it */
  if (self->room_window != NULL)
    {
      GtkWindow *room = self->room_window;

      g_object_remove_weak_pointer (G_OBJECT (room), (gpointer *) &self->room_window);
      self->room_window = NULL;
      gtk_window_destroy (room);
    }

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
  g_type_ensure (IAP_TYPE_INTEGRATION_PAGE);
  g_type_ensure (IAP_TYPE_MATRIX_PAGE);
  g_type_ensure (IAP_TYPE_TRIPLE_HATTING_PAGE);
  g_type_ensure (IAP_TYPE_MITIGATION_PAGE);
  g_type_ensure (IAP_TYPE_SUMMARY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/iap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IapWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, content);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, step_list);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, setup_row);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, setup_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, context_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, triple_hatting_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, matrix_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, mitigation_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, summary_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, integration_page);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, load_bar);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, load_label);
  gtk_widget_class_bind_template_child (widget_class, IapWindow, load_progress);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-steps", NULL, show_steps_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, print_preview_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.room-mode", NULL, room_mode_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
}

static void
iap_window_init (IapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->step_list, "row-selected",
                           G_CALLBACK (on_step_row_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->step_list, "row-activated",
                           G_CALLBACK (on_step_row_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_visible_child_changed), self, G_CONNECT_SWAPPED);

  iap_button_fix_accessible_name (GTK_WIDGET (self->open_button));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", FALSE);

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
                                 G_CALLBACK (_iap_window_update_state), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "notify::can-undo",
                                 G_CALLBACK (_iap_window_update_state), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "notify::can-redo",
                                 G_CALLBACK (_iap_window_update_state), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "changed",
                                 G_CALLBACK (_iap_window_schedule_autosave), self, G_CONNECT_SWAPPED);

  {
    g_autoptr(IapWorkshop) workshop = iap_workshop_new ();

    iap_window_set_workshop (self, workshop);
  }

  on_visible_child_changed (self, NULL, self->stack);

  /* The keyboard starts in the steps, not on the header bar's first button. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->setup_row));
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

/* A new window nobody has typed into yet, and not already reading a
 * file; opening a file may reuse it. */
gboolean
iap_window_is_pristine (IapWindow *self)
{
  IapHistory *history;

  g_return_val_if_fail (IAP_IS_WINDOW (self), FALSE);

  history = iap_workshop_get_history (self->workshop);

  return iap_workshop_get_file (self->workshop) == NULL &&
         self->loading == 0 &&
         !iap_history_get_can_undo (history) &&
         !iap_history_get_can_redo (history);
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
 * iap_window_add_toast:
 * @toast: (transfer full): a floating or owned toast
 *
 * Shows @toast at the bottom of the window: a short message that needs no
 * answer ("Saved"), or one with an Undo button.
 */
void
iap_window_add_toast (IapWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (IAP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * iap_window_add_undo_toast:
 * @widget: any widget of an #IapWindow
 * @title: what was just done, such as "Risk 3 removed"
 *
 * Says what was just done, with an Undo button that undoes the last step
 * of the history. The caller dismisses the toast once that step is no
 * longer the last one.
 *
 * Returns: (transfer none) (nullable): the toast, or %NULL if @widget is
 *   not in a window
 */
AdwToast *
iap_window_add_undo_toast (GtkWidget  *widget,
                           const char *title)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (!IAP_IS_WINDOW (root))
    return NULL;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  iap_window_add_toast (IAP_WINDOW (root), toast);

  return toast;
}
