/* iap-entry-row.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An AdwEntryRow that edits one string property of the workshop as it is
 * typed (keystrokes merge into one undo step); the text has the row's
 * whole width, the title floating above it. A date row stores only valid YYYY-MM-DD dates, or nothing: while
 * the text is not a date it is marked as an error with a hint, and the
 * document keeps its last valid value.
 */

#define G_LOG_DOMAIN "iap-entry-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "iap-entry-row.h"

struct _IapEntryRow
{
  AdwEntryRow parent_instance;

  /* Owned */
  GtkLabel *hint_label;
  IapWorkshop *workshop;
  GSignalGroup *workshop_signals;
  char *property_name;
  gboolean date;

  /* Set while the text is changed to follow the model */
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (IapEntryRow, iap_entry_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_PROPERTY_NAME,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_iso_date (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);

  return g_date_valid_dmy (day, month, year);
}

static gboolean
text_is_valid (IapEntryRow *self,
               const char  *text)
{
  return !self->date || text[0] == '\0' || is_iso_date (text);
}

static void
show_validity (IapEntryRow *self,
               gboolean     valid)
{
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), !valid);
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
}

static void
set_text_quietly (IapEntryRow *self,
                  const char  *text)
{
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
  self->syncing = FALSE;
}

static void
sync_from_model (IapEntryRow *self)
{
  g_autofree char *value = NULL;

  if (self->workshop == NULL || self->property_name == NULL)
    return;

  g_object_get (self->workshop, self->property_name, &value, NULL);

  /* Writing the same text back would move the cursor while typing. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), value) == 0)
    return;

  set_text_quietly (self, value);
  show_validity (self, TRUE);
}

static void
on_workshop_notify (IapEntryRow *self,
                    GParamSpec  *pspec)
{
  /* A date being typed is not in the model yet: only a change of the
   * property itself (an undo, say) replaces it. */
  if (g_strcmp0 (pspec->name, self->property_name) == 0)
    sync_from_model (self);
}

static void
on_changed (IapEntryRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autofree char *value = NULL;
  gboolean valid = text_is_valid (self, text);

  if (self->syncing)
    return;

  show_validity (self, valid);
  if (!valid || self->workshop == NULL || self->property_name == NULL)
    return;

  g_object_get (self->workshop, self->property_name, &value, NULL);
  if (g_strcmp0 (text, value) != 0)
    iap_workshop_set_text (self->workshop, self->workshop, self->property_name, text);
}

static void
set_date (IapEntryRow *self,
          gboolean     date)
{
  self->date = date;
  if (date)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("A date written as year-month-day, such as 2026-11-03"),
                                    -1);
}

static void
iap_entry_row_dispose (GObject *object)
{
  IapEntryRow *self = IAP_ENTRY_ROW (object);

  g_clear_object (&self->workshop_signals);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_entry_row_parent_class)->dispose (object);
}

static void
iap_entry_row_finalize (GObject *object)
{
  IapEntryRow *self = IAP_ENTRY_ROW (object);

  g_clear_pointer (&self->property_name, g_free);

  G_OBJECT_CLASS (iap_entry_row_parent_class)->finalize (object);
}

static void
iap_entry_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IapEntryRow *self = IAP_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_PROPERTY_NAME:
      g_value_set_string (value, self->property_name);
      break;
    case PROP_DATE:
      g_value_set_boolean (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_entry_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IapEntryRow *self = IAP_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_PROPERTY_NAME:
      g_free (self->property_name);
      self->property_name = g_value_dup_string (value);
      break;
    case PROP_DATE:
      set_date (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_object_notify_by_pspec (object, pspec);
}

static void
iap_entry_row_class_init (IapEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iap_entry_row_dispose;
  object_class->finalize = iap_entry_row_finalize;
  object_class->get_property = iap_entry_row_get_property;
  object_class->set_property = iap_entry_row_set_property;

  /* The string property of the workshop that the row edits */
  properties[PROP_PROPERTY_NAME] =
    g_param_spec_string ("property-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the row takes a YYYY-MM-DD date */
  properties[PROP_DATE] =
    g_param_spec_boolean ("date", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_entry_row_init (IapEntryRow *self)
{
  /* Shown beside a date that is not one, in words as well as in red */
  self->hint_label = GTK_LABEL (gtk_label_new (_("Write the date as year-month-day, "
                                                 "such as 2026-11-03")));
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_label_set_max_width_chars (self->hint_label, 24);
  gtk_label_set_xalign (self->hint_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->hint_label));

  self->workshop_signals = g_signal_group_new (IAP_TYPE_WORKSHOP);
  g_signal_group_connect_swapped (self->workshop_signals, "notify",
                                  G_CALLBACK (on_workshop_notify), self);
  g_signal_connect (self, "changed", G_CALLBACK (on_changed), NULL);
}

void
iap_entry_row_set_workshop (IapEntryRow *self,
                            IapWorkshop *workshop)
{
  g_return_if_fail (IAP_IS_ENTRY_ROW (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->workshop_signals, workshop);
  /* A new document replaces whatever half-typed date was there. */
  set_text_quietly (self, "");
  show_validity (self, TRUE);
  sync_from_model (self);
}

/**
 * iap_entry_row_is_valid:
 *
 * Returns: whether the text is what the document holds: always for text,
 *   and for a date when it is one (or empty)
 */
gboolean
iap_entry_row_is_valid (IapEntryRow *self)
{
  g_return_val_if_fail (IAP_IS_ENTRY_ROW (self), FALSE);

  return text_is_valid (self, gtk_editable_get_text (GTK_EDITABLE (self)));
}
