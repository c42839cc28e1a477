/* iap-indicator-row.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One high-risk indicator: its label and one-line explanation, a Yes / No
 * / Unknown choice (three linked toggle buttons: one key press each once
 * focused, and each a button a screen reader names) and a note. Until it
 * is answered no button is pressed: an unanswered indicator is never shown
 * as No.
 */

#define G_LOG_DOMAIN "iap-indicator-row"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-indicator-row.h"
#include "iap-text-area.h"

struct _IapIndicatorRow
{
  GtkListBoxRow parent_instance;

  /* Template widgets */
  GtkLabel *title_label;
  GtkLabel *description_label;
  GtkWidget *answer_box;
  GtkToggleButton *yes_button;
  GtkToggleButton *no_button;
  GtkToggleButton *unknown_button;
  GtkTextView *note_view;

  /* Owned */
  IapCatalogEntry *entry;
  IapWorkshop *workshop;
  GSignalGroup *history_signals;

  /* Set while the widgets are changed to follow the model */
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (IapIndicatorRow, iap_indicator_row, GTK_TYPE_LIST_BOX_ROW)

static IapIndicatorAnswer *
find_answer (IapIndicatorRow *self)
{
  if (self->workshop == NULL)
    return NULL;

  return iap_workshop_find_indicator (self->workshop, iap_catalog_entry_get_id (self->entry));
}

static char *
dup_note (IapIndicatorRow *self)
{
  return iap_text_view_dup_text (self->note_view);
}

static void
sync_from_model (IapIndicatorRow *self)
{
  IapIndicatorAnswer *answer = find_answer (self);
  const char *value = answer != NULL ? iap_indicator_answer_get_answer (answer) : "";
  const char *note = answer != NULL ? iap_indicator_answer_get_note (answer) : "";

  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->yes_button, g_strcmp0 (value, "yes") == 0);
  gtk_toggle_button_set_active (self->no_button, g_strcmp0 (value, "no") == 0);
  gtk_toggle_button_set_active (self->unknown_button, g_strcmp0 (value, "unknown") == 0);
  iap_text_view_sync_text (self->note_view, note);
  self->syncing = FALSE;
}

static void
on_answer_toggled (IapIndicatorRow *self,
                   GtkToggleButton *button)
{
  IapIndicatorAnswer *answer = find_answer (self);
  g_autofree char *note = NULL;
  const char *value;

  if (self->syncing || self->workshop == NULL || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->yes_button)
    value = "yes";
  else if (button == self->no_button)
    value = "no";
  else
    value = "unknown";

  if (answer != NULL && g_str_equal (iap_indicator_answer_get_answer (answer), value))
    return;

  note = dup_note (self);
  iap_workshop_set_indicator (self->workshop, iap_catalog_entry_get_id (self->entry), value, note);
}

static void
on_note_changed (IapIndicatorRow *self)
{
  IapIndicatorAnswer *answer = find_answer (self);
  g_autofree char *text = dup_note (self);

  if (self->syncing || self->workshop == NULL)
    return;

  if (answer != NULL)
    {
      if (g_strcmp0 (iap_indicator_answer_get_note (answer), text) != 0)
        iap_workshop_set_text (self->workshop, answer, "note", text);
    }
  else
    /* A note before any answer says the answer is not known yet. */
    iap_workshop_set_indicator (self->workshop, iap_catalog_entry_get_id (self->entry),
                                "unknown", text);
}

/* @label: (transfer full) */
static void
label_widget (GtkWidget *widget,
              char      *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_free (label);
}

static void
set_entry (IapIndicatorRow *self,
           IapCatalogEntry *entry)
{
  const char *title = iap_catalog_entry_get_label (entry);
  const char *description = iap_catalog_entry_get_description (entry);

  self->entry = g_object_ref (entry);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->description_label, description);

  /* Translators: accessible names; %s is an indicator such as “Combat
   * operations” */
  label_widget (self->answer_box, g_strdup_printf (_("%s: answer"), title));
  label_widget (GTK_WIDGET (self->yes_button), g_strdup_printf (_("%s: Yes"), title));
  label_widget (GTK_WIDGET (self->no_button), g_strdup_printf (_("%s: No"), title));
  label_widget (GTK_WIDGET (self->unknown_button), g_strdup_printf (_("%s: Unknown"), title));
  label_widget (GTK_WIDGET (self->note_view), g_strdup_printf (_("%s: note"), title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
iap_indicator_row_dispose (GObject *object)
{
  IapIndicatorRow *self = IAP_INDICATOR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_INDICATOR_ROW);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->workshop);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (iap_indicator_row_parent_class)->dispose (object);
}

static void
iap_indicator_row_class_init (IapIndicatorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_indicator_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-indicator-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IapIndicatorRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IapIndicatorRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, IapIndicatorRow, answer_box);
  gtk_widget_class_bind_template_child (widget_class, IapIndicatorRow, yes_button);
  gtk_widget_class_bind_template_child (widget_class, IapIndicatorRow, no_button);
  gtk_widget_class_bind_template_child (widget_class, IapIndicatorRow, unknown_button);
  gtk_widget_class_bind_template_child (widget_class, IapIndicatorRow, note_view);
}

static void
iap_indicator_row_init (IapIndicatorRow *self)
{
  GtkToggleButton *buttons[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  buttons[0] = self->yes_button;
  buttons[1] = self->no_button;
  buttons[2] = self->unknown_button;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    g_signal_connect_object (buttons[i], "toggled",
                             G_CALLBACK (on_answer_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);

  /* Undo, redo and every edit: the answer object may come and go. */
  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "changed",
                                  G_CALLBACK (sync_from_model), self);
}

/**
 * iap_indicator_row_new:
 * @entry: an indicator of the catalog
 */
GtkWidget *
iap_indicator_row_new (IapCatalogEntry *entry)
{
  IapIndicatorRow *self;

  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (entry), NULL);

  self = g_object_new (IAP_TYPE_INDICATOR_ROW, NULL);
  set_entry (self, entry);

  return GTK_WIDGET (self);
}

void
iap_indicator_row_set_workshop (IapIndicatorRow *self,
                                IapWorkshop     *workshop)
{
  g_return_if_fail (IAP_IS_INDICATOR_ROW (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->history_signals,
                             workshop != NULL ? iap_workshop_get_history (workshop) : NULL);
  sync_from_model (self);
}
