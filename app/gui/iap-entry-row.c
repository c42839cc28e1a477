/* iap-entry-row.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A row of a boxed list with a title and an entry that edits one string
 * property of the workshop as it is typed (keystrokes merge into one undo
 * step). A date row stores only valid YYYY-MM-DD dates, or nothing: while
 * the text is not a date it is marked as an error with a hint, and the
 * document keeps its last valid value.
 */

#define G_LOG_DOMAIN "iap-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-entry-row.h"

struct _IapEntryRow
{
  GtkListBoxRow parent_instance;

  /* Template widgets */
  GtkLabel *title_label;
  GtkEntry *entry;
  GtkLabel *hint_label;

  /* Owned */
  IapWorkshop *workshop;
  GSignalGroup *workshop_signals;
  char *property_name;
  gboolean date;

  /* Set while the entry is changed to follow the model */
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (IapEntryRow, iap_entry_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PLACEHOLDER,
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
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
}

static void
sync_from_model (IapEntryRow *self)
{
  g_autofree char *value = NULL;

  if (self->workshop == NULL || self->property_name == NULL)
    return;

  g_object_get (self->workshop, self->property_name, &value, NULL);

  /* Writing the same text back would move the cursor while typing. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), value) == 0)
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), value != NULL ? value : "");
  self->syncing = FALSE;
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
on_entry_changed (IapEntryRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
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
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 12);
      /* Translators: the placeholder of a date entry; keep the digits'
       * format, it is what the entry accepts */
      gtk_entry_set_placeholder_text (self->entry, _("YYYY-MM-DD"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("A date written as year-month-day, such as 2026-11-03"),
                                      -1);
    }
}

static void
iap_entry_row_dispose (GObject *object)
{
  IapEntryRow *self = IAP_ENTRY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_ENTRY_ROW);
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
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, gtk_entry_get_placeholder_text (self->entry));
      break;
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
    case PROP_TITLE:
      gtk_label_set_label (self->title_label, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER:
      gtk_entry_set_placeholder_text (self->entry, g_value_get_string (value));
      break;
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_entry_row_dispose;
  object_class->finalize = iap_entry_row_finalize;
  object_class->get_property = iap_entry_row_get_property;
  object_class->set_property = iap_entry_row_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The string property of the workshop that the entry edits */
  properties[PROP_PROPERTY_NAME] =
    g_param_spec_string ("property-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the entry takes a YYYY-MM-DD date */
  properties[PROP_DATE] =
    g_param_spec_boolean ("date", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IapEntryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IapEntryRow, entry);
  gtk_widget_class_bind_template_child (widget_class, IapEntryRow, hint_label);
}

static void
iap_entry_row_init (IapEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_label (self->hint_label,
                       _("Write the date as year-month-day, such as 2026-11-03"));
  self->workshop_signals = g_signal_group_new (IAP_TYPE_WORKSHOP);
  g_signal_group_connect_swapped (self->workshop_signals, "notify",
                                  G_CALLBACK (on_workshop_notify), self);
  g_signal_connect_object (self->entry, "changed",
                           G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
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
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  self->syncing = FALSE;
  show_validity (self, TRUE);
  sync_from_model (self);
}

GtkEntry *
iap_entry_row_get_entry (IapEntryRow *self)
{
  g_return_val_if_fail (IAP_IS_ENTRY_ROW (self), NULL);

  return self->entry;
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

  return text_is_valid (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}
