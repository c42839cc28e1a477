/* iap-mitigation-editor.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The dialog that adds or edits one measure of the mitigation plan.
 *
 * Nothing reaches the document until Save, and then all the fields are
 * one step of the history, so one Undo takes back the whole measure.
 */

#define G_LOG_DOMAIN "iap-mitigation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-appetite.h"
#include "iap-dialogs.h"
#include "iap-mitigation-editor.h"
#include "iap-text.h"

struct _IapMitigationEditor
{
  GtkWindow parent_instance;

  GtkDropDown *measure_dropdown;
  GtkEditable *title_entry;
  GtkBox *risk_box;
  GtkBox *factor_box;
  GtkEditable *owner_entry;
  GtkEditable *entity_entry;
  GtkEditable *due_entry;
  GtkLabel *due_hint;
  GtkDropDown *status_dropdown;
  GtkDropDown *treatment_dropdown;
  GtkTextView *notes_view;
  GtkButton *save_button;

  IapWorkshop *workshop;
  IapMitigation *mitigation;
};

G_DEFINE_FINAL_TYPE (IapMitigationEditor, iap_mitigation_editor, GTK_TYPE_WINDOW)

static const char * const statuses[] = { "planned", "in-progress", "done", "dropped", NULL };
static const char * const treatments[] = {
  "", "avoid", "reduce-likelihood", "reduce-impact", "share", "accept", NULL
};

static guint
index_of (const char * const *ids,
          const char         *id)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return 0;
}

static GtkWidget *
add_field (GtkGrid    *grid,
           int         row,
           const char *mnemonic,
           GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);

  return widget;
}

static GtkDropDown *
new_choice (const char * const *ids,
            const char *(*label) (const char *))
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (strings, label (ids[i]));

  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL));
}

/* Check buttons, one per risk, named by number and title. */
static GtkWidget *
new_risk_checks (IapMitigationEditor *self)
{
  GListModel *risks = iap_workshop_get_risks (self->workshop);
  const char * const *linked = self->mitigation != NULL ? iap_mitigation_get_risks (self->mitigation) : NULL;

  self->risk_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      /* Translators: a risk in a check list: its number and title */
      g_autofree char *text = g_strdup_printf (C_("risk check", "R%u · %s"), i + 1,
                                               iap_risk_get_title (risk));
      GtkWidget *check = gtk_check_button_new_with_label (text);

      g_object_set_data_full (G_OBJECT (check), "iap-id", g_strdup (iap_risk_get_id (risk)), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   linked != NULL && g_strv_contains (linked, iap_risk_get_id (risk)));
      gtk_box_append (self->risk_box, check);
    }

  return GTK_WIDGET (self->risk_box);
}

static GtkWidget *
new_factor_checks (IapMitigationEditor *self)
{
  GListModel *factors = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop),
                                                 IAP_CATALOG_FACTOR);
  const char * const *linked = self->mitigation != NULL ? iap_mitigation_get_factors (self->mitigation) : NULL;

  self->factor_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  for (guint i = 0; i < g_list_model_get_n_items (factors); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (factors, i);
      GtkWidget *check = gtk_check_button_new_with_label (iap_catalog_entry_get_label (entry));

      g_object_set_data_full (G_OBJECT (check), "iap-id", g_strdup (iap_catalog_entry_get_id (entry)), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   linked != NULL && g_strv_contains (linked, iap_catalog_entry_get_id (entry)));
      gtk_box_append (self->factor_box, check);
    }

  return GTK_WIDGET (self->factor_box);
}

static GtkWidget *
in_scroller (GtkWidget  *child,
             const char *name)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (scroller, "card");

  return scroller;
}

static GtkDropDown *
new_measure_dropdown (IapMitigationEditor *self)
{
  GListModel *measures = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop),
                                                  IAP_CATALOG_MEASURE);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  const char *current = self->mitigation != NULL ? iap_mitigation_get_measure (self->mitigation) : "";
  GtkDropDown *dropdown;
  guint selected = 0;

  gtk_string_list_append (strings, _("Custom measure"));
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (measures, i);

      gtk_string_list_append (strings, iap_catalog_entry_get_label (entry));
      if (g_strcmp0 (current, iap_catalog_entry_get_id (entry)) == 0)
        selected = i + 1;
    }

  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL));
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  gtk_drop_down_set_selected (dropdown, selected);

  return dropdown;
}

static void
on_due_changed (IapMitigationEditor *self)
{
  const char *text = gtk_editable_get_text (self->due_entry);
  gboolean valid = text[0] == '\0' || iap_date_parse (text, NULL);
  gboolean named = gtk_drop_down_get_selected (self->measure_dropdown) != 0 ||
                   !iap_text_is_blank (gtk_editable_get_text (self->title_entry));

  gtk_label_set_text (self->due_hint, valid ? "" : _("Write the date as YYYY-MM-DD, such as 2026-06-30."));
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->due_entry), "error");
  /* A custom measure is known only by its action. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid && named);
}

static char **
dup_checked (GtkBox *box)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "iap-id"));

  return g_strv_builder_end (builder);
}

static const char *
selected_measure (IapMitigationEditor *self)
{
  GListModel *measures = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop),
                                                  IAP_CATALOG_MEASURE);
  guint selected = gtk_drop_down_get_selected (self->measure_dropdown);
  g_autoptr(IapCatalogEntry) entry = NULL;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return "";
  entry = g_list_model_get_item (measures, selected - 1);

  return entry != NULL ? iap_catalog_entry_get_id (entry) : "";
}

static char *
dup_notes (IapMitigationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Enter and Escape arrive in a key-press handler, where destroying the
 * window is unsafe: close from an idle. */
static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_later (IapMitigationEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle, g_object_ref (self), g_object_unref);
}

/* A custom measure is a custom catalog entry named by the action, so the
 * file always refers to a measure id. */
static const char *
ensure_measure (IapMitigationEditor *self)
{
  const char *measure = selected_measure (self);
  IapCatalogEntry *entry;

  if (measure[0] != '\0')
    return measure;

  entry = iap_workshop_add_custom_entry (self->workshop, IAP_CATALOG_MEASURE,
                                         gtk_editable_get_text (self->title_entry), "");
  return iap_catalog_entry_get_id (entry);
}

static void
save (IapMitigationEditor *self)
{
  g_auto(GStrv) risks = dup_checked (self->risk_box);
  g_auto(GStrv) factors = dup_checked (self->factor_box);
  g_autofree char *notes = dup_notes (self);
  IapMitigation *mitigation = self->mitigation;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint treatment = gtk_drop_down_get_selected (self->treatment_dropdown);

  const char *measure;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;

  iap_workshop_begin_edit (self->workshop, mitigation != NULL ? _("Edit Measure") : _("Add Measure"));
  measure = ensure_measure (self);
  if (mitigation == NULL)
    mitigation = iap_workshop_add_mitigation (self->workshop, measure,
                                              gtk_editable_get_text (self->title_entry));
  iap_workshop_set (self->workshop, mitigation,
                    "measure", measure,
                    "title", gtk_editable_get_text (self->title_entry),
                    "risks", risks,
                    "factors", factors,
                    "owner", gtk_editable_get_text (self->owner_entry),
                    "owner-entity", gtk_editable_get_text (self->entity_entry),
                    "due", gtk_editable_get_text (self->due_entry),
                    "status", statuses[MIN (status, G_N_ELEMENTS (statuses) - 2)],
                    "treatment", treatments[MIN (treatment, G_N_ELEMENTS (treatments) - 2)],
                    "notes", notes,
                    NULL);
  iap_workshop_end_edit (self->workshop);

  close_later (self);
}

static GtkWidget *
new_entry (GtkEditable **out,
           const char   *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  *out = GTK_EDITABLE (entry);

  return entry;
}

static void
build_fields (IapMitigationEditor *self,
              GtkGrid             *grid)
{
  IapMitigation *m = self->mitigation;
  int row = 0;

  self->measure_dropdown = new_measure_dropdown (self);
  add_field (grid, row++, _("_Measure"), GTK_WIDGET (self->measure_dropdown));
  add_field (grid, row++, _("_Action"), new_entry (&self->title_entry, m != NULL ? iap_mitigation_get_title (m) : ""));
  add_field (grid, row++, _("_Risks"), in_scroller (new_risk_checks (self), _("Risks")));
  add_field (grid, row++, _("_Factors"), in_scroller (new_factor_checks (self), _("Factors")));
  add_field (grid, row++, _("_Owner"), new_entry (&self->owner_entry, m != NULL ? iap_mitigation_get_owner (m) : ""));
  add_field (grid, row++, _("E_ntity"), new_entry (&self->entity_entry, m != NULL ? iap_mitigation_get_owner_entity (m) : ""));
  add_field (grid, row++, _("_Due date"), new_entry (&self->due_entry, m != NULL ? iap_mitigation_get_due (m) : ""));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->due_entry), _("YYYY-MM-DD"));
  self->due_hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->due_hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->due_hint), "error");
  gtk_grid_attach (grid, GTK_WIDGET (self->due_hint), 1, row++, 1, 1);
  self->status_dropdown = new_choice (statuses, iap_mitigation_status_label);
  gtk_drop_down_set_selected (self->status_dropdown, index_of (statuses, m != NULL ? iap_mitigation_get_status (m) : "planned"));
  add_field (grid, row++, _("Stat_us"), GTK_WIDGET (self->status_dropdown));
  self->treatment_dropdown = new_choice (treatments, iap_mitigation_treatment_label);
  gtk_drop_down_set_selected (self->treatment_dropdown, index_of (treatments, m != NULL ? iap_mitigation_get_treatment (m) : ""));
  add_field (grid, row++, _("_Treatment"), GTK_WIDGET (self->treatment_dropdown));
  self->notes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->notes_view, GTK_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (GTK_WIDGET (self->notes_view), -1, 60);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), m != NULL ? iap_mitigation_get_notes (m) : "", -1);
  add_field (grid, row++, _("Not_es"), GTK_WIDGET (self->notes_view));
}

static GtkWidget *
build_buttons (IapMitigationEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->save_button));
  iap_button_fix_accessible_name (cancel);
  iap_button_fix_accessible_name (GTK_WIDGET (self->save_button));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));

  return box;
}

static void
build (IapMitigationEditor *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *buttons;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  build_fields (self, GTK_GRID (grid));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 520);
  gtk_widget_set_vexpand (scroller, TRUE);
  /* The buttons stay in view however long the form is. */
  buttons = build_buttons (self);
  gtk_widget_set_margin_bottom (buttons, 18);
  gtk_widget_set_margin_end (buttons, 18);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (self), box);
  g_signal_connect_swapped (self->due_entry, "changed", G_CALLBACK (on_due_changed), self);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (on_due_changed), self);
  g_signal_connect_swapped (self->measure_dropdown, "notify::selected", G_CALLBACK (on_due_changed), self);
  on_due_changed (self);
}

static gboolean
on_escape (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  close_later (IAP_MITIGATION_EDITOR (widget));
  return TRUE;
}

static gboolean
on_save_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  save (IAP_MITIGATION_EDITOR (widget));
  return TRUE;
}

static void
iap_mitigation_editor_dispose (GObject *object)
{
  IapMitigationEditor *self = IAP_MITIGATION_EDITOR (object);

  g_clear_object (&self->workshop);
  g_clear_object (&self->mitigation);

  G_OBJECT_CLASS (iap_mitigation_editor_parent_class)->dispose (object);
}

static void
iap_mitigation_editor_class_init (IapMitigationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_mitigation_editor_dispose;
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, on_escape, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, on_save_key, NULL);
}

static void
iap_mitigation_editor_init (IapMitigationEditor *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);
}

/**
 * iap_mitigation_editor_new:
 * @mitigation: (nullable): the measure to edit, or %NULL to add one
 */
IapMitigationEditor *
iap_mitigation_editor_new (GtkWindow     *parent,
                           IapWorkshop   *workshop,
                           IapMitigation *mitigation)
{
  IapMitigationEditor *self;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (IAP_TYPE_MITIGATION_EDITOR,
                       "transient-for", parent,
                       "title", mitigation != NULL ? _("Edit Measure") : _("Add Measure"),
                       NULL);
  self->workshop = g_object_ref (workshop);
  self->mitigation = mitigation != NULL ? g_object_ref (mitigation) : NULL;
  build (self);

  return self;
}
