/* iap-participants-view.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The participants of the workshop, on the Set-up step: one row each
 * with name, entity and pillar, edited in place through the workshop's
 * undoable edits. Removing someone who has scored asks first, since
 * their ratings and dissents go with them.
 */

#define G_LOG_DOMAIN "iap-participants-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-participants-view.h"

struct _IapParticipantsView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkListBox *list;
  GtkButton *add_button;

  /* Owned */
  IapWorkshop *workshop;
  /* Every row's pillar button as wide as the widest: columns line up */
  GtkSizeGroup *pillar_widths;
};

G_DEFINE_FINAL_TYPE (IapParticipantsView, iap_participants_view, GTK_TYPE_WIDGET)

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_entry_changed (GtkEditable *entry,
                  IapWorkshop *workshop)
{
  IapParticipant *participant = g_object_get_data (G_OBJECT (entry), "participant");
  const char *property = g_object_get_data (G_OBJECT (entry), "property");
  g_autofree char *value = NULL;
  const char *text = gtk_editable_get_text (entry);

  g_object_get (participant, property, &value, NULL);
  if (g_strcmp0 (value != NULL ? value : "", text) != 0)
    iap_workshop_set_text (workshop, participant, property, *text != '\0' ? text : NULL);
}

/* Follows the model, so that undo shows in the entry. */
static void
on_participant_notify (GtkEditable *entry,
                       GParamSpec  *pspec,
                       IapParticipant *participant)
{
  g_autofree char *value = NULL;

  g_object_get (participant, pspec->name, &value, NULL);
  if (g_strcmp0 (value != NULL ? value : "", gtk_editable_get_text (entry)) != 0)
    gtk_editable_set_text (entry, value != NULL ? value : "");
}

static GtkWidget *
new_entry (IapParticipantsView *self,
           IapParticipant      *participant,
           const char          *property,
           const char          *placeholder,
           const char          *accessible)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  g_autofree char *value = NULL;

  g_object_get (participant, property, &value, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_hexpand (entry, TRUE);
  set_label (entry, accessible);
  g_object_set_data_full (G_OBJECT (entry), "participant", g_object_ref (participant), g_object_unref);
  g_object_set_data (G_OBJECT (entry), "property", (gpointer) g_intern_string (property));
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_entry_changed), self->workshop, 0);
  g_signal_connect_object (participant, signal, G_CALLBACK (on_participant_notify), entry, G_CONNECT_SWAPPED);

  return entry;
}

/* The pillar is a menu button whose menu is built when first opened: a
 * drop-down per row cost about 2 ms and 200 KB each, most of what
 * showing 50 participants cost. */

static IapCatalogEntry *
find_pillar (IapWorkshop *workshop,
             const char  *pillar)
{
  return iap_catalog_lookup (iap_workshop_get_catalog (workshop), IAP_CATALOG_PILLAR, pillar);
}

static void
on_pillar_notify (GtkMenuButton  *button,
                  GParamSpec     *pspec,
                  IapParticipant *participant)
{
  IapWorkshop *workshop = g_object_get_data (G_OBJECT (button), "workshop");
  GActionGroup *group = g_object_get_data (G_OBJECT (button), "actions");
  const char *name = g_object_get_data (G_OBJECT (button), "accessible-name");
  const char *pillar = iap_participant_get_pillar (participant);
  IapCatalogEntry *entry = find_pillar (workshop, pillar);
  const char *label = entry != NULL ? iap_catalog_entry_get_label (entry) : _("No pillar");

  gtk_menu_button_set_label (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);
  /* The button inside takes the focus and is renamed with each label:
   * it reads as what it chooses, then the pillar chosen. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group), "set")),
                             g_variant_new_string (pillar != NULL ? pillar : ""));
}

static void
on_pillar_change_state (GSimpleAction *action,
                        GVariant      *value,
                        GtkMenuButton *button)
{
  IapWorkshop *workshop = g_object_get_data (G_OBJECT (button), "workshop");
  IapParticipant *participant = g_object_get_data (G_OBJECT (button), "participant");
  const char *pillar = g_variant_get_string (value, NULL);

  if (find_pillar (workshop, pillar) != NULL &&
      g_strcmp0 (pillar, iap_participant_get_pillar (participant)) != 0)
    iap_workshop_set (workshop, participant, "pillar", pillar, NULL);
}

static void
create_pillar_menu (GtkMenuButton *button,
                    gpointer       user_data)
{
  IapWorkshop *workshop = g_object_get_data (G_OBJECT (button), "workshop");
  GListModel *pillars = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_PILLAR);
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (pillars, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (iap_catalog_entry_get_label (entry), NULL);

      g_menu_item_set_action_and_target_value (item, "pillar.set",
                                               g_variant_new_string (iap_catalog_entry_get_id (entry)));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static GtkWidget *
new_pillar_button (IapParticipantsView *self,
                   IapParticipant      *participant,
                   const char          *accessible)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful ("set", G_VARIANT_TYPE_STRING,
                                                                  g_variant_new_string (""));

  g_signal_connect_object (action, "change-state", G_CALLBACK (on_pillar_change_state), button, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (button, "pillar", G_ACTION_GROUP (group));
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_pillar_menu, NULL, NULL);
  g_object_set_data (G_OBJECT (button), "workshop", self->workshop);
  g_object_set_data (G_OBJECT (button), "actions", group);
  g_object_set_data_full (G_OBJECT (button), "accessible-name", g_strdup (accessible), g_free);
  g_object_set_data_full (G_OBJECT (button), "participant", g_object_ref (participant), g_object_unref);
  on_pillar_notify (GTK_MENU_BUTTON (button), NULL, participant);
  g_signal_connect_object (participant, "notify::pillar", G_CALLBACK (on_pillar_notify), button, G_CONNECT_SWAPPED);

  return button;
}

typedef struct
{
  IapWorkshop *workshop;
  IapParticipant *participant;
} RemoveData;

static void
on_remove_answered (int      response,
                    gpointer user_data)
{
  RemoveData *data = user_data;

  if (response == GTK_RESPONSE_REJECT)
    iap_workshop_remove_participant (data->workshop, data->participant);
  g_object_unref (data->workshop);
  g_object_unref (data->participant);
  g_free (data);
}

static void
on_remove_clicked (GtkButton           *button,
                   IapParticipantsView *self)
{
  IapParticipant *participant = g_object_get_data (G_OBJECT (button), "participant");
  guint n = iap_workshop_count_ratings (self->workshop, iap_participant_get_id (participant));
  g_autofree char *label = iap_participant_dup_label (participant);
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  RemoveData *data;

  if (n == 0)
    {
      iap_workshop_remove_participant (self->workshop, participant);
      return;
    }

  data = g_new0 (RemoveData, 1);
  data->workshop = g_object_ref (self->workshop);
  data->participant = g_object_ref (participant);
  primary = g_strdup_printf (_("Remove %s?"), label);
  secondary = g_strdup_printf (g_dngettext (NULL, "Their %u rating and any dissent they recorded go with them. You can undo this.",
                                            "Their %u ratings and any dissent they recorded go with them. You can undo this.", n), n);
  iap_dialogs_ask (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), primary, secondary,
                   on_remove_answered, data,
                   _("_Cancel"), GTK_RESPONSE_CANCEL,
                   _("_Remove"), GTK_RESPONSE_REJECT,
                   NULL);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  IapParticipantsView *self = user_data;
  IapParticipant *participant = item;
  g_autofree char *label = iap_participant_dup_label (participant);
  g_autofree char *name_a11y = g_strdup_printf (_("Name of %s"), label);
  g_autofree char *entity_a11y = g_strdup_printf (_("Entity of %s"), label);
  g_autofree char *pillar_a11y = g_strdup_printf (_("Pillar of %s"), label);
  g_autofree char *remove_a11y = g_strdup_printf (_("Remove %s"), label);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *pillar = new_pillar_button (self, participant, pillar_a11y);

  /* Name and pillar, then the entity under them: long names of entities
   * ("MINUKIV Force HQ (U9 Civil-Military Coordination)") are read in full
   * on a small screen too. */
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_grid_attach (GTK_GRID (grid),
                   new_entry (self, participant, "name", _("Name or code (optional)"), name_a11y),
                   0, 0, 1, 1);
  /* Tab follows the reading order: name, pillar, entity, remove */
  gtk_grid_attach (GTK_GRID (grid), pillar, 1, 0, 1, 1);
  gtk_size_group_add_widget (self->pillar_widths, pillar);
  gtk_grid_attach (GTK_GRID (grid),
                   new_entry (self, participant, "entity", _("Entity, such as UNHCR"), entity_a11y),
                   0, 1, 1, 1);
  set_label (remove, remove_a11y);
  gtk_widget_set_tooltip_text (remove, remove_a11y);
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  g_object_set_data_full (G_OBJECT (remove), "participant", g_object_ref (participant), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  gtk_grid_attach (GTK_GRID (grid), remove, 1, 1, 1, 1);

  return grid;
}

static void
on_add_clicked (IapParticipantsView *self)
{
  GListModel *pillars;
  g_autoptr(IapCatalogEntry) first = NULL;
  GtkListBoxRow *row;

  if (self->workshop == NULL)
    return;

  pillars = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop), IAP_CATALOG_PILLAR);
  first = g_list_model_get_item (pillars, 0);
  iap_workshop_add_participant (self->workshop, first != NULL ? iap_catalog_entry_get_id (first) : NULL,
                                NULL, NULL);

  /* Ready to type the newcomer's name */
  row = gtk_list_box_get_row_at_index (self->list, g_list_model_get_n_items (iap_workshop_get_participants (self->workshop)) - 1);
  if (row != NULL && gtk_list_box_row_get_child (row) != NULL)
    gtk_widget_grab_focus (gtk_widget_get_first_child (gtk_list_box_row_get_child (row)));
}

static void
iap_participants_view_dispose (GObject *object)
{
  IapParticipantsView *self = IAP_PARTICIPANTS_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_PARTICIPANTS_VIEW);
  /* The box around the list is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workshop);
  g_clear_object (&self->pillar_widths);

  G_OBJECT_CLASS (iap_participants_view_parent_class)->dispose (object);
}

static void
iap_participants_view_class_init (IapParticipantsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_participants_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-participants-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IapParticipantsView, list);
  gtk_widget_class_bind_template_child (widget_class, IapParticipantsView, add_button);
}

static void
iap_participants_view_init (IapParticipantsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pillar_widths = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  iap_button_fix_accessible_name (GTK_WIDGET (self->add_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
}

void
iap_participants_view_set_workshop (IapParticipantsView *self,
                                    IapWorkshop         *workshop)
{
  g_return_if_fail (IAP_IS_PARTICIPANTS_VIEW (self));

  if (!g_set_object (&self->workshop, workshop))
    return;

  gtk_list_box_bind_model (self->list,
                           workshop != NULL ? iap_workshop_get_participants (workshop) : NULL,
                           workshop != NULL ? create_row : NULL, self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), workshop != NULL);
}
