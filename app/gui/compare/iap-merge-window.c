/* iap-merge-window.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * File > Merge…: field offices' files merged into the open workshop. Each
 * file added shows what it adds and what conflicts with the workshop (or
 * with a file before it); the facilitator decides each conflict, or all
 * of them one way, and merges, as one edit that Undo reverts. The name a
 * file gives its risks and measures as their source can be changed.
 */

#define G_LOG_DOMAIN "iap-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-merge.h"
#include "iap-merge-window.h"
#include "iap-workshop-file.h"

/* The rows of a file's additions shown, before "and N more" */
#define MAX_ADDITIONS 200

typedef struct
{
  GFile *file;
  IapWorkshop *workshop;
  char *name;
} Source;

struct _IapMergeWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton *merge_button;
  GtkLabel *status_label;
  GtkBox *sources_box;

  /* Owned */
  IapWorkshop *workshop;
  IapMerge *merge;
  GPtrArray *sources;
  GCancellable *cancellable;
  guint loading;
};

G_DEFINE_FINAL_TYPE (IapMergeWindow, iap_merge_window, ADW_TYPE_WINDOW)

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
source_free (gpointer data)
{
  Source *source = data;

  g_clear_object (&source->file);
  g_clear_object (&source->workshop);
  g_free (source->name);
  g_free (source);
}

/* The state ----------------------------------------------------------------- */

static void
update_state (IapMergeWindow *self)
{
  guint conflicts = self->merge != NULL ? iap_merge_get_n_conflicts (self->merge) : 0;
  guint unresolved = self->merge != NULL ? iap_merge_get_n_unresolved (self->merge) : 0;
  g_autofree char *status = NULL;

  if (self->sources->len == 0)
    status = g_strdup (_("No file added yet."));
  else if (unresolved > 0)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict of %u to decide before merging.",
                                           "%u conflicts of %u to decide before merging.", unresolved),
                              unresolved, conflicts);
  else if (conflicts > 0)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The conflict is decided: ready to merge.",
                                           "All %u conflicts are decided: ready to merge.", conflicts),
                              conflicts);
  else
    status = g_strdup (_("No conflict: ready to merge."));

  gtk_label_set_text (self->status_label, status);
  adw_window_title_set_subtitle (self->window_title, status);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.apply",
                                 self->sources->len > 0 && unresolved == 0 && self->loading == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.all-ours", conflicts > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.all-theirs", conflicts > 0);
}

/* A file's preview ------------------------------------------------------------ */

static const char *
resolution_label (IapResolution resolution)
{
  switch (resolution)
    {
    case IAP_RESOLUTION_OURS:
      return C_("merge", "Keep ours");
    case IAP_RESOLUTION_THEIRS:
      return C_("merge", "Take theirs");
    case IAP_RESOLUTION_BOTH:
      return C_("merge", "Keep both");
    case IAP_RESOLUTION_NONE:
    default:
      return C_("merge", "Not decided");
    }
}

static GtkWidget *
conflict_row (IapMergeWindow *self,
              IapConflict    *conflict)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (IapResolution r = IAP_RESOLUTION_NONE; r <= IAP_RESOLUTION_BOTH; r++)
    if (r != IAP_RESOLUTION_BOTH || iap_conflict_get_can_keep_both (conflict))
      gtk_string_list_append (choices, resolution_label (r));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), iap_conflict_get_heading (conflict));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), iap_conflict_get_description (conflict));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  /* The choices are in the order of IapResolution */
  g_object_bind_property (conflict, "resolution", row, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_widget_add_css_class (row, "conflict");

  return row;
}

static GtkWidget *
change_row (IapChange *change)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), iap_change_get_heading (change));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), iap_change_get_description (change));

  return row;
}

static void
on_name_applied (AdwEntryRow    *row,
                 IapMergeWindow *self);

static GtkWidget *
additions_row (IapMergeSource *source)
{
  GListModel *additions = iap_merge_source_get_additions (source);
  guint n = g_list_model_get_n_items (additions);
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), C_("merge", "What it adds"));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u addition", "%u additions", n), n);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  for (guint i = 0; i < MIN (n, MAX_ADDITIONS); i++)
    {
      g_autoptr(IapChange) change = g_list_model_get_item (additions, i);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), change_row (change));
    }
  if (n > MAX_ADDITIONS)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                            n - MAX_ADDITIONS),
                                               n - MAX_ADDITIONS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), more);
    }
  gtk_widget_set_sensitive (expander, n > 0);

  return expander;
}

static GtkWidget *
source_group (IapMergeWindow *self,
              IapMergeSource *source,
              guint           index)
{
  GListModel *conflicts = iap_merge_source_get_conflicts (source);
  Source *data = self->sources->pdata[index];
  g_autofree char *basename = g_file_get_basename (data->file);
  g_autofree char *display = g_filename_display_name (basename);
  g_autofree char *summary = iap_merge_source_dup_summary (source);
  g_autofree char *left_out = iap_merge_source_dup_left_out (source);
  g_autofree char *description = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *name = adw_entry_row_new ();

  description = left_out != NULL ? g_strdup_printf ("%s\n%s", summary, left_out) : g_strdup (summary);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), display);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name),
                                 C_("merge", "Source: what its risks and measures say they come from"));
  gtk_editable_set_text (GTK_EDITABLE (name), iap_merge_source_get_name (source));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name), TRUE);
  g_object_set_data (G_OBJECT (name), "iap-source", GUINT_TO_POINTER (index));
  g_signal_connect_object (name, "apply", G_CALLBACK (on_name_applied), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), name);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), additions_row (source));
  for (guint c = 0; c < g_list_model_get_n_items (conflicts); c++)
    {
      g_autoptr(IapConflict) conflict = g_list_model_get_item (conflicts, c);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), conflict_row (self, conflict));
    }

  return group;
}

/* Planning ------------------------------------------------------------------------ */

/* The decisions taken so far, file by file, to keep across a new plan */
static GPtrArray *
save_decisions (IapMergeWindow *self)
{
  GPtrArray *decisions = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  GListModel *sources;

  if (self->merge == NULL)
    return decisions;

  sources = iap_merge_get_sources (self->merge);
  for (guint s = 0; s < g_list_model_get_n_items (sources); s++)
    {
      g_autoptr(IapMergeSource) source = g_list_model_get_item (sources, s);
      GListModel *conflicts = iap_merge_source_get_conflicts (source);
      GArray *resolutions = g_array_new (FALSE, FALSE, sizeof (IapResolution));

      for (guint c = 0; c < g_list_model_get_n_items (conflicts); c++)
        {
          g_autoptr(IapConflict) conflict = g_list_model_get_item (conflicts, c);
          IapResolution resolution = iap_conflict_get_resolution (conflict);

          g_array_append_val (resolutions, resolution);
        }
      g_ptr_array_add (decisions, resolutions);
    }

  return decisions;
}

static void
restore_decisions (IapMergeSource *source,
                   GArray         *resolutions)
{
  GListModel *conflicts = iap_merge_source_get_conflicts (source);

  for (guint c = 0; c < MIN (resolutions->len, g_list_model_get_n_items (conflicts)); c++)
    {
      g_autoptr(IapConflict) conflict = g_list_model_get_item (conflicts, c);
      IapResolution resolution = g_array_index (resolutions, IapResolution, c);

      if (resolution != IAP_RESOLUTION_BOTH || iap_conflict_get_can_keep_both (conflict))
        iap_conflict_set_resolution (conflict, resolution);
    }
}

/* Plans the merge of every file again: a new file, a new name. What is
 * decided stays decided, file by file, as long as the files before
 * are the same. */
static void
plan (IapMergeWindow *self)
{
  g_autoptr(GPtrArray) decisions = save_decisions (self);
  GtkWidget *child;

  g_clear_object (&self->merge);
  self->merge = iap_merge_new (self->workshop);
  g_signal_connect_object (self->merge, "notify::n-unresolved", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box))) != NULL)
    gtk_box_remove (self->sources_box, child);

  for (guint i = 0; i < self->sources->len; i++)
    {
      Source *data = self->sources->pdata[i];
      IapMergeSource *source = iap_merge_add_source (self->merge, data->workshop, data->name);

      if (i < decisions->len)
        restore_decisions (source, decisions->pdata[i]);
      gtk_box_append (self->sources_box, source_group (self, source, i));
    }

  update_state (self);
}

static void
on_name_applied (AdwEntryRow    *row,
                 IapMergeWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "iap-source"));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  Source *source;

  if (index >= self->sources->len || *name == '\0')
    return;

  source = self->sources->pdata[index];
  g_free (source->name);
  source->name = g_steal_pointer (&name);
  plan (self);
}

/* Files ------------------------------------------------------------------------------ */

typedef struct
{
  IapMergeWindow *self;
  GFile *file;
} Load;

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(IapMergeWindow) self = load->self;
  g_autoptr(GFile) file = load->file;
  g_autoptr(IapWorkshop) other = NULL;
  g_autoptr(GError) error = NULL;
  Source *source;

  g_free (load);
  self->loading--;
  other = iap_workshop_load_finish (result, &error);
  if (other == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        iap_dialogs_show_error (GTK_WINDOW (self), _("The file could not be merged"), error->message);
      update_state (self);
      return;
    }

  source = g_new0 (Source, 1);
  source->file = g_steal_pointer (&file);
  source->workshop = g_steal_pointer (&other);
  source->name = iap_merge_source_name_for_file (source->file);
  g_ptr_array_add (self->sources, source);
  plan (self);
}

/**
 * iap_merge_window_add_file:
 *
 * Reads @file and adds it to the merge, after the files added before.
 * A file added already, or the workshop's own file, is left out.
 */
void
iap_merge_window_add_file (IapMergeWindow *self,
                           GFile          *file)
{
  GFile *own = iap_workshop_get_file (self->workshop);
  Load *load;

  g_return_if_fail (IAP_IS_MERGE_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (own != NULL && g_file_equal (own, file))
    return;
  for (guint i = 0; i < self->sources->len; i++)
    if (g_file_equal (((Source *)self->sources->pdata[i])->file, file))
      return;

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->file = g_object_ref (file);
  self->loading++;
  update_state (self);
  iap_workshop_load_async (file, self->cancellable, on_loaded, load);
}

static void
on_file_chosen (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(IapMergeWindow) self = user_data;

  if (file != NULL)
    iap_merge_window_add_file (self, file);
}

static void
add_action (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  IapMergeWindow *self = IAP_MERGE_WINDOW (widget);
  GFile *current = iap_workshop_get_file (self->workshop);
  g_autoptr(GFile) folder = current != NULL ? g_file_get_parent (current) : NULL;

  iap_dialogs_choose_workshop (GTK_WINDOW (self), folder, on_file_chosen, g_object_ref (self));
}

static void
all_ours_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  IapMergeWindow *self = IAP_MERGE_WINDOW (widget);

  if (self->merge != NULL)
    iap_merge_resolve_all (self->merge, IAP_RESOLUTION_OURS);
}

static void
all_theirs_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  IapMergeWindow *self = IAP_MERGE_WINDOW (widget);

  if (self->merge != NULL)
    iap_merge_resolve_all (self->merge, IAP_RESOLUTION_THEIRS);
}

static void
apply_action (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  IapMergeWindow *self = IAP_MERGE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->merge == NULL)
    return;

  if (!iap_merge_apply (self->merge, &error))
    {
      iap_dialogs_show_error (GTK_WINDOW (self), _("The files could not be merged"), error->message);
      return;
    }

  g_signal_emit (self, signals[MERGED], 0, self->sources->len);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject ------------------------------------------------------------------------------ */

static void
iap_merge_window_dispose (GObject *object)
{
  IapMergeWindow *self = (IapMergeWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_MERGE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->merge);
  g_clear_object (&self->workshop);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (iap_merge_window_parent_class)->dispose (object);
}

static void
iap_merge_window_class_init (IapMergeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_merge_window_dispose;

  /**
   * IapMergeWindow::merged:
   * @n_files: how many files were merged
   *
   * The files were merged into the workshop, as one edit.
   */
  signals[MERGED] = g_signal_new ("merged",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/iapworkshop/Workshop/ui/iap-merge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IapMergeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, IapMergeWindow, merge_button);
  gtk_widget_class_bind_template_child (widget_class, IapMergeWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, IapMergeWindow, sources_box);

  gtk_widget_class_install_action (widget_class, "merge.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "merge.all-ours", NULL, all_ours_action);
  gtk_widget_class_install_action (widget_class, "merge.all-theirs", NULL, all_theirs_action);
  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "merge.add", NULL);
}

static void
iap_merge_window_init (IapMergeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->sources = g_ptr_array_new_with_free_func (source_free);
}

/**
 * iap_merge_window_new:
 * @workshop: the workshop to merge files into
 *
 * Returns: (transfer full): the window
 */
IapMergeWindow *
iap_merge_window_new (GtkWindow   *parent,
                      IapWorkshop *workshop)
{
  IapMergeWindow *self;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (IAP_TYPE_MERGE_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->workshop = g_object_ref (workshop);
  update_state (self);

  return self;
}
