/* iap-choice-row.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An AdwComboRow that edits one string property of the workshop. The
 * choices are either a fixed list of ids and labels, or the entries of a
 * catalog kind (with an optional “not chosen” first choice), kept in step
 * with the workshop's own entries.
 */

#define G_LOG_DOMAIN "iap-choice-row"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-choice-row.h"

struct _IapChoiceRow
{
  AdwComboRow parent_instance;

  /* Owned */
  IapWorkshop *workshop;
  GSignalGroup *workshop_signals;
  GSignalGroup *catalog_signals;
  GPtrArray *ids;
  char *property_name;
  char *catalog_kind;
  char *unset_label;

  /* Set while the drop-down is changed to follow the model */
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (IapChoiceRow, iap_choice_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_PROPERTY_NAME,
  PROP_CATALOG_KIND,
  PROP_UNSET_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_current_value (IapChoiceRow *self)
{
  char *value = NULL;

  if (self->workshop == NULL || self->property_name == NULL)
    return NULL;

  g_object_get (self->workshop, self->property_name, &value, NULL);

  return value;
}

static void
sync_from_model (IapChoiceRow *self)
{
  g_autofree char *value = dup_current_value (self);
  guint position = GTK_INVALID_LIST_POSITION;

  if (value == NULL)
    return;

  for (guint i = 0; i < self->ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->ids, i), value))
      position = i;

  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self)) == position)
    return;

  self->syncing = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
  self->syncing = FALSE;
}

static void
on_selected_changed (IapChoiceRow *self)
{
  const char *id = iap_choice_row_get_selected_id (self);
  g_autofree char *value = NULL;

  if (self->syncing || id == NULL || self->workshop == NULL || self->property_name == NULL)
    return;

  value = dup_current_value (self);
  if (g_strcmp0 (id, value) != 0)
    iap_workshop_set (self->workshop, self->workshop, self->property_name, id, NULL);
}

static void
rebuild_from_catalog (IapChoiceRow *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GListModel *entries;

  if (self->workshop == NULL || self->catalog_kind == NULL)
    return;

  if (self->unset_label != NULL)
    {
      g_ptr_array_add (ids, (gpointer)"");
      g_ptr_array_add (labels, self->unset_label);
    }

  entries = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop), self->catalog_kind);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);

      g_ptr_array_add (ids, (gpointer)iap_catalog_entry_get_id (entry));
      g_ptr_array_add (labels, (gpointer)iap_catalog_entry_get_label (entry));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);

  iap_choice_row_set_choices (self, (const char * const *)ids->pdata,
                              (const char * const *)labels->pdata);
}

static void
set_string (IapChoiceRow  *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
iap_choice_row_dispose (GObject *object)
{
  IapChoiceRow *self = IAP_CHOICE_ROW (object);

  g_clear_object (&self->workshop_signals);
  g_clear_object (&self->catalog_signals);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_choice_row_parent_class)->dispose (object);
}

static void
iap_choice_row_finalize (GObject *object)
{
  IapChoiceRow *self = IAP_CHOICE_ROW (object);

  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->property_name, g_free);
  g_clear_pointer (&self->catalog_kind, g_free);
  g_clear_pointer (&self->unset_label, g_free);

  G_OBJECT_CLASS (iap_choice_row_parent_class)->finalize (object);
}

static void
iap_choice_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IapChoiceRow *self = IAP_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_PROPERTY_NAME:
      g_value_set_string (value, self->property_name);
      break;
    case PROP_CATALOG_KIND:
      g_value_set_string (value, self->catalog_kind);
      break;
    case PROP_UNSET_LABEL:
      g_value_set_string (value, self->unset_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_choice_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IapChoiceRow *self = IAP_CHOICE_ROW (object);
  const char *text = g_value_get_string (value);

  switch (prop_id)
    {
    case PROP_PROPERTY_NAME:
      set_string (self, &self->property_name, text, prop_id);
      break;
    case PROP_CATALOG_KIND:
      set_string (self, &self->catalog_kind, text, prop_id);
      break;
    case PROP_UNSET_LABEL:
      set_string (self, &self->unset_label, text, prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_choice_row_class_init (IapChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iap_choice_row_dispose;
  object_class->finalize = iap_choice_row_finalize;
  object_class->get_property = iap_choice_row_get_property;
  object_class->set_property = iap_choice_row_set_property;

  /* The string property of the workshop that the drop-down edits */
  properties[PROP_PROPERTY_NAME] =
    g_param_spec_string ("property-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* When set, the choices are the entries of this catalog kind */
  properties[PROP_CATALOG_KIND] =
    g_param_spec_string ("catalog-kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The label of a first choice meaning “none”, stored as "" */
  properties[PROP_UNSET_LABEL] =
    g_param_spec_string ("unset-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) / 100.0f);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

/* The choices wrap instead of being shortened with "…": "Multidimensional
 * peacekeeping operation" is read in full, beside the title and in the
 * list. */
static GtkListItemFactory *
label_factory (int xalign_percent)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (xalign_percent));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);

  return factory;
}

static void
iap_choice_row_init (IapChoiceRow *self)
{
  g_autoptr(GtkListItemFactory) factory = label_factory (100);
  g_autoptr(GtkListItemFactory) list_factory = label_factory (0);

  self->ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->workshop_signals = g_signal_group_new (IAP_TYPE_WORKSHOP);
  /* Any notify: the property name may be set after construction. */
  g_signal_group_connect_swapped (self->workshop_signals, "notify",
                                  G_CALLBACK (sync_from_model), self);
  self->catalog_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->catalog_signals, "items-changed",
                                  G_CALLBACK (rebuild_from_catalog), self);
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected_changed), NULL);
  adw_combo_row_set_factory (ADW_COMBO_ROW (self), factory);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (self), list_factory);
}

/**
 * iap_choice_row_set_choices:
 * @ids: the values stored in the workshop, %NULL-terminated
 * @labels: what the drop-down shows for each, translated
 */
void
iap_choice_row_set_choices (IapChoiceRow       *self,
                            const char * const *ids,
                            const char * const *labels)
{
  g_autoptr(GtkStringList) model = NULL;

  g_return_if_fail (IAP_IS_CHOICE_ROW (self));
  g_return_if_fail (ids != NULL && labels != NULL);
  g_return_if_fail (g_strv_length ((char **)ids) == g_strv_length ((char **)labels));

  g_ptr_array_set_size (self->ids, 0);
  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (self->ids, g_strdup (ids[i]));

  model = gtk_string_list_new (labels);
  self->syncing = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (model));
  self->syncing = FALSE;
  sync_from_model (self);
}

void
iap_choice_row_set_workshop (IapChoiceRow *self,
                             IapWorkshop  *workshop)
{
  g_return_if_fail (IAP_IS_CHOICE_ROW (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->workshop_signals, workshop);
  if (self->catalog_kind != NULL && workshop != NULL)
    {
      IapCatalog *catalog = iap_workshop_get_catalog (workshop);

      g_signal_group_set_target (self->catalog_signals,
                                 iap_catalog_get_entries (catalog, self->catalog_kind));
      rebuild_from_catalog (self);
    }
  else
    sync_from_model (self);
}

/**
 * iap_choice_row_get_selected_id:
 *
 * Returns: (nullable): the id of the chosen value
 */
const char *
iap_choice_row_get_selected_id (IapChoiceRow *self)
{
  guint position;

  g_return_val_if_fail (IAP_IS_CHOICE_ROW (self), NULL);

  position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (position >= self->ids->len)
    return NULL;

  return g_ptr_array_index (self->ids, position);
}
