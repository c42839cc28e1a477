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
#include "iap-text-area.h"

struct _IapMitigationEditor
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwComboRow *measure_row;
  AdwEntryRow *title_row;
  GtkListBox *risk_list;
  GtkListBox *factor_list;
  AdwEntryRow *owner_row;
  AdwEntryRow *entity_row;
  AdwEntryRow *due_row;
  GtkLabel *due_hint;
  AdwComboRow *status_row;
  AdwComboRow *treatment_row;
  IapTextArea *notes_area;
  GtkButton *save_button;

  /* Owned */
  IapWorkshop *workshop;
  IapMitigation *mitigation;
};

G_DEFINE_FINAL_TYPE (IapMitigationEditor, iap_mitigation_editor, ADW_TYPE_WINDOW)

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

static void
set_choices (AdwComboRow        *row,
             const char * const *ids,
             const char *(*label) (const char *),
             const char         *current)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (strings, label (ids[i]));

  adw_combo_row_set_model (row, G_LIST_MODEL (strings));
  adw_combo_row_set_selected (row, index_of (ids, current));
}

/* A row with a check box at its start, named by the row's title */
static void
add_check_row (GtkListBox *list,
               const char *id,
               const char *title,
               gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), "iap-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "iap-check", check);
  gtk_list_box_append (list, row);
}

/* Every risk of the register, by number and title: the list is as long
 * as the register, and scrolls with the dialog rather than inside it. */
static void
fill_risks (IapMitigationEditor *self)
{
  GListModel *risks = iap_workshop_get_risks (self->workshop);
  const char * const *linked = self->mitigation != NULL ? iap_mitigation_get_risks (self->mitigation) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      /* Translators: a risk in a check list: its number and title */
      g_autofree char *text = g_strdup_printf (C_("risk check", "R%u · %s"), i + 1,
                                               iap_risk_get_title (risk));
      const char *id = iap_risk_get_id (risk);

      add_check_row (self->risk_list, id, text, linked != NULL && g_strv_contains (linked, id));
    }
}

static void
fill_factors (IapMitigationEditor *self)
{
  GListModel *factors = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop),
                                                 IAP_CATALOG_FACTOR);
  const char * const *linked = self->mitigation != NULL ? iap_mitigation_get_factors (self->mitigation) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (factors); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (factors, i);
      const char *id = iap_catalog_entry_get_id (entry);

      add_check_row (self->factor_list, id, iap_catalog_entry_get_label (entry),
                     linked != NULL && g_strv_contains (linked, id));
    }
}

static void
fill_measures (IapMitigationEditor *self)
{
  GListModel *measures = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop),
                                                  IAP_CATALOG_MEASURE);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  const char *current = self->mitigation != NULL ? iap_mitigation_get_measure (self->mitigation) : "";
  guint selected = 0;

  gtk_string_list_append (strings, _("Custom measure"));
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (measures, i);

      gtk_string_list_append (strings, iap_catalog_entry_get_label (entry));
      if (g_strcmp0 (current, iap_catalog_entry_get_id (entry)) == 0)
        selected = i + 1;
    }

  adw_combo_row_set_model (self->measure_row, G_LIST_MODEL (strings));
  adw_combo_row_set_selected (self->measure_row, selected);
}

static void
update_validity (IapMitigationEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  gboolean valid = text[0] == '\0' || iap_date_parse (text, NULL);
  gboolean named = adw_combo_row_get_selected (self->measure_row) != 0 ||
                   !iap_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));

  gtk_label_set_text (self->due_hint, _("Write the date as YYYY-MM-DD, such as 2026-06-30."));
  gtk_widget_set_visible (GTK_WIDGET (self->due_hint), !valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "error");
  /* A custom measure is known only by its action. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid && named);
}

static char **
dup_checked (GtkListBox *list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "iap-check");

      if (check != NULL && gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), "iap-id"));
    }

  return g_strv_builder_end (builder);
}

static const char *
selected_measure (IapMitigationEditor *self)
{
  GListModel *measures = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop),
                                                  IAP_CATALOG_MEASURE);
  guint selected = adw_combo_row_get_selected (self->measure_row);
  g_autoptr(IapCatalogEntry) entry = NULL;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return "";
  entry = g_list_model_get_item (measures, selected - 1);

  return entry != NULL ? iap_catalog_entry_get_id (entry) : "";
}

static char *
dup_notes (IapMitigationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (iap_text_area_get_view (self->notes_area));
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
                                         gtk_editable_get_text (GTK_EDITABLE (self->title_row)), "");
  return iap_catalog_entry_get_id (entry);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  IapMitigationEditor *self = IAP_MITIGATION_EDITOR (widget);
  g_auto(GStrv) risks = dup_checked (self->risk_list);
  g_auto(GStrv) factors = dup_checked (self->factor_list);
  g_autofree char *notes = dup_notes (self);
  IapMitigation *mitigation = self->mitigation;
  guint status = adw_combo_row_get_selected (self->status_row);
  guint treatment = adw_combo_row_get_selected (self->treatment_row);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *measure;

  iap_workshop_begin_edit (self->workshop, mitigation != NULL ? _("Edit Measure") : _("Add Measure"));
  measure = ensure_measure (self);
  if (mitigation == NULL)
    mitigation = iap_workshop_add_mitigation (self->workshop, measure, title);
  iap_workshop_set (self->workshop, mitigation,
                    "measure", measure,
                    "title", title,
                    "risks", risks,
                    "factors", factors,
                    "owner", gtk_editable_get_text (GTK_EDITABLE (self->owner_row)),
                    "owner-entity", gtk_editable_get_text (GTK_EDITABLE (self->entity_row)),
                    "due", gtk_editable_get_text (GTK_EDITABLE (self->due_row)),
                    "status", statuses[MIN (status, G_N_ELEMENTS (statuses) - 2)],
                    "treatment", treatments[MIN (treatment, G_N_ELEMENTS (treatments) - 2)],
                    "notes", notes,
                    NULL);
  iap_workshop_end_edit (self->workshop);

  close_later (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  close_later (IAP_MITIGATION_EDITOR (widget));
}

static void
fill (IapMitigationEditor *self)
{
  IapMitigation *m = self->mitigation;

  fill_measures (self);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), m != NULL ? iap_mitigation_get_title (m) : "");
  fill_risks (self);
  fill_factors (self);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), m != NULL ? iap_mitigation_get_owner (m) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->entity_row), m != NULL ? iap_mitigation_get_owner_entity (m) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), m != NULL ? iap_mitigation_get_due (m) : "");
  set_choices (self->status_row, statuses, iap_mitigation_status_label,
               m != NULL ? iap_mitigation_get_status (m) : "planned");
  set_choices (self->treatment_row, treatments, iap_mitigation_treatment_label,
               m != NULL ? iap_mitigation_get_treatment (m) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (iap_text_area_get_view (self->notes_area)),
                            m != NULL ? iap_mitigation_get_notes (m) : "", -1);

  g_signal_connect_swapped (self->due_row, "changed", G_CALLBACK (update_validity), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (update_validity), self);
  g_signal_connect_swapped (self->measure_row, "notify::selected", G_CALLBACK (update_validity), self);
  update_validity (self);
}

static void
iap_mitigation_editor_dispose (GObject *object)
{
  IapMitigationEditor *self = IAP_MITIGATION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_MITIGATION_EDITOR);
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

  g_type_ensure (IAP_TYPE_TEXT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-mitigation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, measure_row);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, risk_list);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, factor_list);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, entity_row);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, due_hint);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, treatment_row);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, notes_area);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationEditor, save_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
iap_mitigation_editor_init (IapMitigationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
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
  fill (self);

  return self;
}
