/* iap-compare-window.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * File > Compare With…: what changed from another workshop file, the
 * version before the last save, or one scoring round, to this workshop
 * (or the later round). The changes are listed step by step, with
 * filters, next to the movement chart. Pairs of risks found by their
 * place and title are listed for the facilitator to confirm.
 */

#define G_LOG_DOMAIN "iap-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iap-compare-window.h"
#include "iap-comparison.h"
#include "iap-dialogs.h"
#include "iap-movement-chart.h"
#include "iap-report.h"
#include "iap-workshop-file.h"

/* The order of the "kind" filter in the .ui file */
enum { SHOW_ALL, SHOW_ADDED, SHOW_REMOVED, SHOW_CHANGED };

struct _IapCompareWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkButton *back_button;
  GtkWidget *export_button;
  GtkStack *stack;
  GtkWidget *backup_button;
  GtkWidget *rounds_box;
  GtkDropDown *old_round_dropdown;
  GtkDropDown *new_round_dropdown;
  GtkLabel *summary_label;
  GtkWidget *proposed_box;
  GtkListBox *proposed_list;
  GtkDropDown *step_dropdown;
  GtkDropDown *kind_dropdown;
  GtkSearchEntry *search_entry;
  GtkListView *change_list;
  GtkDropDown *chart_dropdown;
  GtkDrawingArea *chart;
  GtkLabel *chart_text;

  /* Owned */
  IapWorkshop *workshop;
  IapWorkshop *other;
  IapComparison *comparison;
  GListStore *rows;
  GtkSingleSelection *selection;
  GPtrArray *rounds;
  GCancellable *cancellable;
  GtkFileChooserNative *export_chooser;
  int selected_number;
};

G_DEFINE_FINAL_TYPE (IapCompareWindow, iap_compare_window, ADW_TYPE_WINDOW)

/* The change list ---------------------------------------------------------- */

static gboolean
matches_filter (IapCompareWindow *self,
                IapChange        *change,
                const char       *needle)
{
  guint step = gtk_drop_down_get_selected (self->step_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  /* The first item is "All steps" */
  if (step > 0 && step != GTK_INVALID_LIST_POSITION && iap_change_get_step (change) != step - 1)
    return FALSE;
  if (kind == SHOW_ADDED && iap_change_get_kind (change) != IAP_CHANGE_ADDED)
    return FALSE;
  if (kind == SHOW_REMOVED && iap_change_get_kind (change) != IAP_CHANGE_REMOVED)
    return FALSE;
  if (kind == SHOW_CHANGED && iap_change_get_kind (change) != IAP_CHANGE_CHANGED)
    return FALSE;
  if (needle == NULL || *needle == '\0')
    return TRUE;

  text = iap_change_dup_text (change);
  folded = g_utf8_casefold (text, -1);

  return strstr (folded, needle) != NULL;
}

static GtkStringObject *
new_header (IapStep step,
            guint   n)
{
  /* Translators: a step of the change list and how many of its changes
   * are shown, as in “Risk matrix (4)” */
  g_autofree char *text = g_strdup_printf (C_("compare", "%s (%u)"), iap_step_to_label (step), n);

  return gtk_string_object_new (text);
}

/* The changes that pass the filters, each step under its heading. */
static void
fill_rows (IapCompareWindow *self)
{
  GListModel *changes;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *needle = NULL;
  guint counts[IAP_N_STEPS] = { 0, };
  int header = -1;
  IapStep step = IAP_N_STEPS;

  if (self->comparison == NULL)
    {
      g_list_store_remove_all (self->rows);
      return;
    }

  needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  changes = iap_comparison_get_changes (self->comparison);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(IapChange) change = g_list_model_get_item (changes, i);

      if (!matches_filter (self, change, needle))
        continue;
      if (iap_change_get_step (change) != step)
        {
          if (header >= 0)
            g_ptr_array_index (rows, header) = new_header (step, counts[step]);
          step = iap_change_get_step (change);
          header = rows->len;
          g_ptr_array_add (rows, NULL);
        }
      counts[step]++;
      g_ptr_array_add (rows, g_steal_pointer (&change));
    }
  if (header >= 0)
    g_ptr_array_index (rows, header) = new_header (step, counts[step]);

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (description), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), description);
  gtk_list_item_set_child (item, box);
}

static const char *
kind_text (IapChangeKind kind)
{
  switch (kind)
    {
    case IAP_CHANGE_ADDED:
      return C_("compare", "Added");
    case IAP_CHANGE_REMOVED:
      return C_("compare", "Removed");
    case IAP_CHANGE_CHANGED:
    default:
      return C_("compare", "Changed");
    }
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (box);
  GtkWidget *description = gtk_widget_get_next_sibling (heading);
  GObject *row = gtk_list_item_get_item (item);

  gtk_widget_remove_css_class (heading, "heading");
  gtk_widget_remove_css_class (heading, "title-4");
  gtk_widget_remove_css_class (description, "dim-label");

  if (GTK_IS_STRING_OBJECT (row))
    {
      gtk_label_set_text (GTK_LABEL (heading), gtk_string_object_get_string (GTK_STRING_OBJECT (row)));
      gtk_widget_add_css_class (heading, "title-4");
      gtk_widget_set_visible (description, FALSE);
      gtk_list_item_set_activatable (item, FALSE);
      gtk_list_item_set_selectable (item, FALSE);
      return;
    }

  {
    IapChange *change = IAP_CHANGE (row);
    g_autofree char *text = NULL;

    /* Translators: a change of the change list: added, removed or
     * changed, then what it is about */
    text = g_strdup_printf (C_("compare", "%s · %s"), kind_text (iap_change_get_kind (change)),
                            iap_change_get_heading (change));
    gtk_label_set_text (GTK_LABEL (heading), text);
    gtk_widget_add_css_class (heading, "heading");
    gtk_label_set_text (GTK_LABEL (description), iap_change_get_description (change));
    gtk_widget_set_visible (description, TRUE);
    gtk_list_item_set_selectable (item, TRUE);
  }
}

/* The movement chart -------------------------------------------------------- */

static IapMovementKind
chart_kind (IapCompareWindow *self)
{
  if (iap_comparison_get_old_round (self->comparison) != NULL)
    return IAP_MOVEMENT_MEDIAN;

  return gtk_drop_down_get_selected (self->chart_dropdown) == 1 ? IAP_MOVEMENT_RESIDUAL
                                                                 : IAP_MOVEMENT_INHERENT;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  IapCompareWindow *self = user_data;
  IapHeatMapStyle style;
  GdkRGBA color;

  if (self->comparison == NULL)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  iap_heat_map_style_init (&style);
  style.foreground = (IapColor) { color.red, color.green, color.blue };
  style.selected = self->selected_number - 1;
  iap_movement_chart_draw (cr, self->comparison, chart_kind (self), width, height, &style);
}

static void
update_chart (IapCompareWindow *self)
{
  g_autofree char *text = NULL;

  if (self->comparison == NULL)
    return;

  text = iap_movement_chart_dup_description (self->comparison, chart_kind (self));
  gtk_label_set_text (self->chart_text, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
on_selection_changed (IapCompareWindow *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->selection);

  self->selected_number = IAP_IS_CHANGE (item) ? (int)iap_change_get_number (IAP_CHANGE (item)) : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

/* Pairs to confirm ----------------------------------------------------------- */

static GtkWidget *
create_proposed_row (gpointer item,
                     gpointer user_data)
{
  IapCompareWindow *self = user_data;
  IapMatch *match = item;
  GObject *old = iap_match_get_old (match), *new = iap_match_get_new (match);
  gboolean risk = IAP_IS_RISK (new);
  g_autofree char *old_title = NULL;
  g_autofree char *new_title = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  g_object_get (old, "title", &old_title, NULL);
  g_object_get (new, "title", &new_title, NULL);
  /* Translators: two items paired by title: this one, then the one in
   * the other workshop, named by the comparison's label */
  title = g_strdup_printf (risk ? C_("compare", "Risk “%s” here is “%s” in %s")
                                : C_("compare", "Measure “%s” here is “%s” in %s"),
                           new_title, old_title, iap_comparison_get_old_label (self->comparison));
  /* Translators: why two items are probably the same; %u is a percentage */
  subtitle = g_strdup_printf (risk ? C_("compare", "Same arrangement and area, titles %u%% alike")
                                   : C_("compare", "Same measure, titles %u%% alike"),
                              iap_match_get_similarity (match));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("compare", "The same"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title,
                                  -1);
  g_object_bind_property (match, "confirmed", toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);

  return row;
}

/* Showing a comparison ---------------------------------------------------------- */

static void
update_summary (IapCompareWindow *self)
{
  g_autofree char *summary = iap_comparison_dup_summary (self->comparison);
  g_autofree char *text = NULL;

  /* Translators: what the change list shows: the earlier side, the later
   * one, then how many changes each step has */
  text = g_strdup_printf (C_("compare", "From %s to %s: %s"),
                          iap_comparison_get_old_label (self->comparison),
                          iap_comparison_get_new_label (self->comparison), summary);
  gtk_label_set_text (self->summary_label, text);
}

static void
on_changes_changed (IapCompareWindow *self)
{
  update_summary (self);
  fill_rows (self);
  update_chart (self);
}

static void
show_comparison (IapCompareWindow *self,
                 IapComparison    *comparison)
{
  g_autofree char *subtitle = NULL;
  gboolean rounds = iap_comparison_get_old_round (comparison) != NULL;

  g_set_object (&self->comparison, comparison);
  g_signal_connect_object (iap_comparison_get_changes (comparison), "items-changed",
                           G_CALLBACK (on_changes_changed), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->proposed_list, iap_comparison_get_proposed (comparison),
                           create_proposed_row, self, NULL);
  gtk_widget_set_visible (self->proposed_box,
                          g_list_model_get_n_items (iap_comparison_get_proposed (comparison)) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_dropdown), !rounds);
  /* The report's "Changes since" section compares workshops, not rounds */
  gtk_widget_set_visible (self->export_button, !rounds);

  /* Translators: the window's subtitle: the earlier side, then the later */
  subtitle = g_strdup_printf (C_("compare", "%s → %s"), iap_comparison_get_old_label (comparison),
                              iap_comparison_get_new_label (comparison));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  self->selected_number = 0;
  on_changes_changed (self);

  gtk_stack_set_visible_child_name (self->stack, "changes");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->change_list));
}

typedef struct
{
  IapCompareWindow *self;
  char *label;
} Load;

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(IapCompareWindow) self = load->self;
  g_autofree char *label = load->label;
  g_autoptr(IapWorkshop) other = NULL;
  g_autoptr(IapComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  g_free (load);
  other = iap_workshop_load_finish (result, &error);
  if (other == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        iap_dialogs_show_error (GTK_WINDOW (self), _("The workshop could not be compared"), error->message);
      return;
    }

  g_set_object (&self->other, other);
  comparison = iap_comparison_new (other, self->workshop);
  iap_comparison_set_labels (comparison, label, C_("compare", "this workshop"));
  show_comparison (self, comparison);
}

/**
 * iap_compare_window_compare_file:
 * @label: (nullable): what to call @file, or %NULL for its name
 *
 * Reads @file and shows what changed from it to the workshop.
 */
void
iap_compare_window_compare_file (IapCompareWindow *self,
                                 GFile            *file,
                                 const char       *label)
{
  Load *load;

  g_return_if_fail (IAP_IS_COMPARE_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  if (label != NULL)
    load->label = g_strdup (label);
  else
    {
      g_autofree char *basename = g_file_get_basename (file);

      load->label = g_filename_display_name (basename);
    }
  iap_workshop_load_async (file, self->cancellable, on_loaded, load);
}

static void
on_file_chosen (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(IapCompareWindow) self = user_data;

  if (file != NULL)
    iap_compare_window_compare_file (self, file, NULL);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  IapCompareWindow *self = IAP_COMPARE_WINDOW (widget);
  GFile *current = iap_workshop_get_file (self->workshop);
  g_autoptr(GFile) folder = current != NULL ? g_file_get_parent (current) : NULL;

  iap_dialogs_choose_workshop (GTK_WINDOW (self), folder, on_file_chosen, g_object_ref (self));
}

static GFile *
dup_backup (IapCompareWindow *self)
{
  GFile *file = iap_workshop_get_file (self->workshop);
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return NULL;
  backup = g_strconcat (path, IAP_WORKSHOP_BACKUP_SUFFIX, NULL);
  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_file_new_for_path (backup);
}

static void
backup_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  IapCompareWindow *self = IAP_COMPARE_WINDOW (widget);
  g_autoptr(GFile) backup = dup_backup (self);

  if (backup != NULL)
    iap_compare_window_compare_file (self, backup, C_("compare", "the version before the last save"));
}

static void
rounds_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  IapCompareWindow *self = IAP_COMPARE_WINDOW (widget);
  guint old = gtk_drop_down_get_selected (self->old_round_dropdown);
  guint new = gtk_drop_down_get_selected (self->new_round_dropdown);
  g_autoptr(IapComparison) comparison = NULL;

  if (old >= self->rounds->len || new >= self->rounds->len)
    return;

  comparison = iap_comparison_new_for_rounds (self->workshop, self->rounds->pdata[old],
                                              self->rounds->pdata[new]);
  show_comparison (self, comparison);
}

static void
back_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  IapCompareWindow *self = IAP_COMPARE_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "choose");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_visible (self->export_button, FALSE);
  adw_window_title_set_subtitle (self->window_title, NULL);
}

/* Export Report… --------------------------------------------------------- */

static gboolean
export_report (IapCompareWindow  *self,
               GFile             *file,
               GError           **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *lower = NULL;
  IapReportOptions options;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a local file."));
      return FALSE;
    }
  /* The chooser may give a name without its extension */
  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    {
      char *with = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with;
    }

  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  options.since = self->comparison;

  return iap_report_export_pdf (self->workshop, &options, path, error);
}

static void
on_export_response (IapCompareWindow     *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->export_chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL || self->comparison == NULL)
    return;

  if (!export_report (self, file, &error))
    {
      iap_dialogs_show_error (GTK_WINDOW (self), _("Could not export"), error->message);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Report exported")));
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  IapCompareWindow *self = IAP_COMPARE_WINDOW (widget);
  GFile *current = iap_workshop_get_file (self->workshop);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (self->comparison == NULL)
    return;

  if (current != NULL)
    {
      g_autofree char *basename = g_file_get_basename (current);
      char *dot = strrchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      stem = g_filename_display_name (basename);
    }
  /* Translators: the suggested file name of the report with its changes;
   * %s is the workshop file's name without its extension */
  name = g_strdup_printf (C_("compare", "%s, changes.pdf"), stem != NULL ? stem : _("Workshop"));

  g_clear_object (&self->export_chooser);
  self->export_chooser = gtk_file_chooser_native_new (_("Export Report To"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);
  if (current != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (current);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->export_chooser), folder, NULL);
    }
  g_signal_connect_object (self->export_chooser, "response", G_CALLBACK (on_export_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
find_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  IapCompareWindow *self = IAP_COMPARE_WINDOW (widget);

  if (self->comparison != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The rounds that may be compared: revealed or closed; an open round's
 * scores are still private. */
static void
fill_rounds (IapCompareWindow *self)
{
  GListModel *rounds = iap_workshop_get_rounds (self->workshop);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->rounds, 0);
  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, i);
      g_autofree char *label = NULL;

      if (g_strcmp0 (iap_round_get_state (round), "open") == 0)
        continue;
      label = g_strdup_printf ("%u", iap_round_get_number (round));
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->rounds, g_steal_pointer (&round));
    }

  gtk_drop_down_set_model (self->old_round_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_model (self->new_round_dropdown, G_LIST_MODEL (labels));
  if (self->rounds->len >= 2)
    {
      gtk_drop_down_set_selected (self->old_round_dropdown, self->rounds->len - 2);
      gtk_drop_down_set_selected (self->new_round_dropdown, self->rounds->len - 1);
    }
  gtk_widget_set_visible (self->rounds_box, self->rounds->len >= 2);
}

static void
fill_steps (IapCompareWindow *self)
{
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);

  gtk_string_list_append (steps, C_("compare", "All Steps"));
  for (IapStep step = 0; step < IAP_N_STEPS; step++)
    gtk_string_list_append (steps, iap_step_to_label (step));
  gtk_drop_down_set_model (self->step_dropdown, G_LIST_MODEL (steps));
}

/* GObject ------------------------------------------------------------------------ */

static void
iap_compare_window_dispose (GObject *object)
{
  IapCompareWindow *self = (IapCompareWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_COMPARE_WINDOW);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->workshop);
  g_clear_object (&self->other);
  g_clear_object (&self->comparison);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);

  G_OBJECT_CLASS (iap_compare_window_parent_class)->dispose (object);
}

static void
iap_compare_window_class_init (IapCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_compare_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/iapworkshop/Workshop/ui/iap-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, backup_button);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, rounds_box);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, old_round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, new_round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, proposed_box);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, proposed_list);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, step_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, change_list);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, IapCompareWindow, chart_text);

  gtk_widget_class_install_action (widget_class, "compare.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "compare.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "compare.rounds", NULL, rounds_action);
  gtk_widget_class_install_action (widget_class, "compare.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "compare.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "compare.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "compare.find", NULL);
}

/* Escape clears the search, then closes the window */
static void
on_stop_search (IapCompareWindow *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    gtk_window_close (GTK_WINDOW (self));
  else
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
iap_compare_window_init (IapCompareWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rounds = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->change_list, factory);
  gtk_list_view_set_model (self->change_list, GTK_SELECTION_MODEL (self->selection));

  fill_steps (self);
  g_signal_connect_object (self->step_dropdown, "notify::selected", G_CALLBACK (fill_rows), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (fill_rows), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (fill_rows), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_dropdown, "notify::selected", G_CALLBACK (update_chart), self,
                           G_CONNECT_SWAPPED);
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
}

/**
 * iap_compare_window_new:
 * @workshop: the open workshop, the later side of the comparisons
 *
 * Returns: (transfer full): a window that asks what to compare the
 *   workshop with, then shows what changed
 */
IapCompareWindow *
iap_compare_window_new (GtkWindow   *parent,
                        IapWorkshop *workshop)
{
  IapCompareWindow *self;
  g_autoptr(GFile) backup = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (IAP_TYPE_COMPARE_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->workshop = g_object_ref (workshop);
  backup = dup_backup (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.backup", backup != NULL);
  gtk_widget_set_visible (self->backup_button, backup != NULL);
  fill_rounds (self);

  return self;
}
