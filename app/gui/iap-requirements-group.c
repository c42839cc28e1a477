/* iap-requirements-group.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The IAP minimum requirements and the elements of an Integrated
 * Strategic Framework (seeds 000 and 002), one row each: the status the
 * facilitator gives it (met, partly, not yet, not applicable) or else the
 * one the workshop's own work suggests, where the workshop covers it, and
 * a note. Each change is one undoable edit. */

#define G_LOG_DOMAIN "iap-requirements-group"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-integration-map.h"
#include "iap-requirements-group.h"

struct _IapRequirementsGroup
{
  AdwPreferencesGroup parent_instance;

  IapWorkshop        *workshop;
  GSignalGroup       *history_signals;
  GPtrArray          *rows;      /* (element-type Row) */
};

G_DEFINE_FINAL_TYPE (IapRequirementsGroup, iap_requirements_group, ADW_TYPE_PREFERENCES_GROUP)

typedef struct
{
  IapRequirementsGroup *group;
  char                 *requirement;
  AdwExpanderRow       *row;
  AdwComboRow          *status;
  AdwEntryRow          *note;
  gboolean              syncing;
} Row;

static void
row_free (gpointer data)
{
  Row *r = data;

  g_free (r->requirement);
  g_free (r);
}

static const char *
recorded_note (Row *r)
{
  IapRequirementStatus *recorded = iap_workshop_find_requirement_status (r->group->workshop, r->requirement);
  const char *note = recorded != NULL ? iap_requirement_status_get_note (recorded) : NULL;

  return note != NULL ? note : "";
}

static const char *
recorded_status (Row *r)
{
  IapRequirementStatus *recorded = iap_workshop_find_requirement_status (r->group->workshop, r->requirement);
  const char *status = recorded != NULL ? iap_requirement_status_get_status (recorded) : NULL;

  return status != NULL ? status : "";
}

static void
row_sync (Row *r)
{
  IapWorkshop *workshop = r->group->workshop;
  const char * const *ids = iap_requirement_status_get_ids ();
  const char *status = recorded_status (r);
  gboolean suggested = FALSE;
  const char *state = iap_workshop_get_requirement_state (workshop, r->requirement, &suggested);
  g_autofree char *coverage = iap_workshop_dup_requirement_coverage (workshop, r->requirement);
  g_autofree char *subtitle = NULL;
  guint position = 0;

  if (state != NULL && suggested)
    /* Translators: a requirement's status the workshop suggests, then where the workshop covers it */
    subtitle = g_strdup_printf (_("%s (suggested) · %s"), iap_requirement_status_get_label (state), coverage);
  else
    subtitle = g_strdup_printf ("%s · %s", iap_requirement_status_get_label (state), coverage);

  r->syncing = TRUE;
  adw_expander_row_set_subtitle (r->row, subtitle);
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], status))
      position = i + 1;
  adw_combo_row_set_selected (r->status, position);
  if ((gtk_widget_get_state_flags (GTK_WIDGET (r->note)) & GTK_STATE_FLAG_FOCUS_WITHIN) == 0 &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (r->note)), recorded_note (r)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (r->note), recorded_note (r));
  r->syncing = FALSE;
}

static void
on_status_selected (Row *r)
{
  const char * const *ids = iap_requirement_status_get_ids ();
  guint position = adw_combo_row_get_selected (r->status);
  const char *status;

  if (r->syncing || position == GTK_INVALID_LIST_POSITION || position > g_strv_length ((char **)ids))
    return;

  status = position == 0 ? "" : ids[position - 1];
  if (g_strcmp0 (status, recorded_status (r)) != 0)
    iap_workshop_set_requirement_status (r->group->workshop, r->requirement, status, recorded_note (r));
}

static void
on_note_apply (Row *r)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (r->note));

  if (g_strcmp0 (note, recorded_note (r)) != 0)
    iap_workshop_set_requirement_status (r->group->workshop, r->requirement, recorded_status (r), note);
}

static void
name_control (gpointer    widget,
              const char *requirement,
              const char *what)
{
  /* Translators: the accessible name of a control of a requirement: the requirement, then what the control sets */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), requirement, what);

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static Row *
row_new (IapRequirementsGroup *self,
         IapCatalogEntry      *entry)
{
  const char * const *ids = iap_requirement_status_get_ids ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GtkStringList) model = NULL;
  g_autofree char *citation = iap_catalog_entry_dup_citation (entry);
  const char *label = iap_catalog_entry_get_label (entry);
  Row *r = g_new0 (Row, 1);

  r->group = self;
  r->requirement = g_strdup (iap_catalog_entry_get_id (entry));
  r->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r->row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  if (iap_catalog_entry_get_description (entry) != NULL)
    {
      AdwActionRow *about = ADW_ACTION_ROW (adw_action_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (about), iap_catalog_entry_get_description (entry));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (about), FALSE);
      adw_action_row_set_title_lines (about, 0);
      if (citation != NULL)
        adw_action_row_set_subtitle (about, citation);
      adw_expander_row_add_row (r->row, GTK_WIDGET (about));
    }

  g_ptr_array_add (labels, (gpointer)C_("requirement status", "As suggested"));
  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer)iap_requirement_status_get_label (ids[i]));
  g_ptr_array_add (labels, NULL);
  model = gtk_string_list_new ((const char * const *)labels->pdata);
  r->status = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->status), _("Status"));
  adw_combo_row_set_model (r->status, G_LIST_MODEL (model));
  name_control (r->status, label, _("Status"));
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->status));
  g_signal_connect_swapped (r->status, "notify::selected", G_CALLBACK (on_status_selected), r);

  r->note = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->note), _("Note"));
  adw_entry_row_set_show_apply_button (r->note, TRUE);
  name_control (r->note, label, _("Note"));
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->note));
  g_signal_connect_swapped (r->note, "apply", G_CALLBACK (on_note_apply), r);

  return r;
}

static void
rebuild (IapRequirementsGroup *self)
{
  GListModel *entries;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (((Row *)g_ptr_array_index (self->rows, i))->row));
  g_ptr_array_set_size (self->rows, 0);
  if (self->workshop == NULL)
    return;

  entries = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop), IAP_CATALOG_REQUIREMENT);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);
      Row *r = row_new (self, entry);

      g_ptr_array_add (self->rows, r);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (r->row));
      row_sync (r);
    }
}

static void
on_document_changed (IapRequirementsGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    row_sync (g_ptr_array_index (self->rows, i));
}

void
iap_requirements_group_set_workshop (IapRequirementsGroup *self,
                                     IapWorkshop          *workshop)
{
  g_return_if_fail (IAP_IS_REQUIREMENTS_GROUP (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->history_signals,
                             workshop != NULL ? iap_workshop_get_history (workshop) : NULL);
  rebuild (self);
}

static void
iap_requirements_group_dispose (GObject *object)
{
  IapRequirementsGroup *self = IAP_REQUIREMENTS_GROUP (object);

  g_clear_object (&self->history_signals);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_requirements_group_parent_class)->dispose (object);
}

static void
iap_requirements_group_class_init (IapRequirementsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iap_requirements_group_dispose;
}

static void
iap_requirements_group_init (IapRequirementsGroup *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("IAP Minimum Requirements and ISF Elements"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Where the workshop covers each, and how far. Until you give a status, "
                                           "the one the workshop’s own work suggests is printed, marked as suggested."));

  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed",
                                 G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
iap_requirements_group_new (void)
{
  return g_object_new (IAP_TYPE_REQUIREMENTS_GROUP, NULL);
}
