/* iap-command.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-command"

#include "config.h"

#include "iap-i18n.h"

#include "iap-command.h"
#include "iap-rating-list.h"

/*
 * Four kinds of command cover every edit of a document: a property set,
 * an insertion and a removal in a list, and a group of commands undone
 * as one. Model objects expose their state as properties and their
 * collections as GListStores (or, for the ratings of a round, as an
 * IapRatingList, which inserts and removes the same way), so a later
 * feature (a new page, a new kind of object) needs no new command type.
 */
typedef enum
{
  COMMAND_SET,
  COMMAND_INSERT,
  COMMAND_REMOVE,
  COMMAND_GROUP,
  COMMAND_CUSTOM,
} CommandKind;

struct _IapCommand
{
  CommandKind kind;
  char *label;

  /* COMMAND_SET */
  GObject *object;          /* owned, unless object_is_owner */
  gboolean object_is_owner;
  GParamSpec *pspec;
  GValue old_value;
  GValue new_value;

  /* COMMAND_INSERT, COMMAND_REMOVE */
  GListModel *store;
  guint position;
  GObject *item;

  /* COMMAND_GROUP */
  GPtrArray *children;

  /* COMMAND_CUSTOM */
  IapCommandFunc redo;
  IapCommandFunc undo;
  gpointer data;
  GDestroyNotify destroy;
};

static IapCommand *
command_new (CommandKind  kind,
             const char  *label)
{
  IapCommand *self = g_new0 (IapCommand, 1);

  self->kind = kind;
  self->label = g_strdup (label);

  return self;
}

static char *
label_for_property (GParamSpec *pspec)
{
  /* Nicks are marked with the "property" context for this use. */
  const char *nick = g_dpgettext2 (GETTEXT_PACKAGE, "property", g_param_spec_get_nick (pspec));

  /* Translators: an undo menu item, %s is what changed, as in “Change Title” */
  return g_strdup_printf (_("Change %s"), nick);
}

/**
 * iap_command_new_set:
 * @value: the new value, of the property's type or one that transforms
 *   to it
 *
 * Records the current value of @property as the one undo restores.
 */
IapCommand *
iap_command_new_set (GObject      *object,
                     const char   *property,
                     const GValue *value)
{
  IapCommand *self;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, NULL);
  g_return_val_if_fail ((pspec->flags & G_PARAM_WRITABLE) != 0, NULL);
  g_return_val_if_fail ((pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0, NULL);

  self = command_new (COMMAND_SET, NULL);
  self->label = label_for_property (pspec);
  self->object = g_object_ref (object);
  self->pspec = g_param_spec_ref (pspec);
  g_value_init (&self->old_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &self->old_value);
  g_value_init (&self->new_value, pspec->value_type);
  if (!g_value_transform (value, &self->new_value))
    g_critical ("Cannot set %s from a %s", pspec->name, G_VALUE_TYPE_NAME (value));
  g_param_value_validate (pspec, &self->new_value);

  return self;
}

static gboolean
is_editable_list (GListModel *list)
{
  return G_IS_LIST_STORE (list) || IAP_IS_RATING_LIST (list);
}

static void
list_insert (GListModel *list,
             guint       position,
             gpointer    item)
{
  if (G_IS_LIST_STORE (list))
    g_list_store_insert (G_LIST_STORE (list), position, item);
  else
    iap_rating_list_insert (IAP_RATING_LIST (list), position, item);
}

static void
list_remove (GListModel *list,
             guint       position)
{
  if (G_IS_LIST_STORE (list))
    g_list_store_remove (G_LIST_STORE (list), position);
  else
    iap_rating_list_remove (IAP_RATING_LIST (list), position);
}

/**
 * iap_command_new_insert:
 * @store: a #GListStore, or the ratings of a round
 */
IapCommand *
iap_command_new_insert (GListModel *store,
                        guint       position,
                        gpointer    item)
{
  IapCommand *self;

  g_return_val_if_fail (is_editable_list (store), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);
  g_return_val_if_fail (position <= g_list_model_get_n_items (store), NULL);

  self = command_new (COMMAND_INSERT, _("Add"));
  self->store = g_object_ref (store);
  self->position = position;
  self->item = g_object_ref (item);

  return self;
}

/**
 * iap_command_new_remove:
 * @store: a #GListStore, or the ratings of a round
 */
IapCommand *
iap_command_new_remove (GListModel *store,
                        guint       position)
{
  IapCommand *self;

  g_return_val_if_fail (is_editable_list (store), NULL);
  g_return_val_if_fail (position < g_list_model_get_n_items (store), NULL);

  self = command_new (COMMAND_REMOVE, _("Remove"));
  self->store = g_object_ref (store);
  self->position = position;
  self->item = g_list_model_get_item (store, position);

  return self;
}

IapCommand *
iap_command_new_group (const char *label)
{
  IapCommand *self = command_new (COMMAND_GROUP, label);

  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify)iap_command_free);

  return self;
}

/**
 * iap_command_new_custom:
 * @redo: applies the edit; also called when the command is first pushed
 * @undo: reverts it
 *
 * For an edit that is neither a property change nor a list edit.
 */
IapCommand *
iap_command_new_custom (const char     *label,
                        IapCommandFunc  redo,
                        IapCommandFunc  undo,
                        gpointer        data,
                        GDestroyNotify  destroy)
{
  IapCommand *self;

  g_return_val_if_fail (redo != NULL && undo != NULL, NULL);

  self = command_new (COMMAND_CUSTOM, label);
  self->redo = redo;
  self->undo = undo;
  self->data = data;
  self->destroy = destroy;

  return self;
}

void
iap_command_free (IapCommand *self)
{
  if (self == NULL)
    return;

  if (self->kind == COMMAND_SET)
    {
      g_value_unset (&self->old_value);
      g_value_unset (&self->new_value);
      g_param_spec_unref (self->pspec);
    }
  if (self->destroy != NULL)
    self->destroy (self->data);

  if (self->object_is_owner)
    self->object = NULL;
  g_clear_object (&self->object);
  g_clear_object (&self->store);
  g_clear_object (&self->item);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_free (self->label);
  g_free (self);
}

void
iap_command_redo (IapCommand *self)
{
  g_return_if_fail (self != NULL);

  switch (self->kind)
    {
    case COMMAND_SET:
      g_object_set_property (self->object, self->pspec->name, &self->new_value);
      break;

    case COMMAND_INSERT:
      list_insert (self->store, self->position, self->item);
      break;

    case COMMAND_REMOVE:
      list_remove (self->store, self->position);
      break;

    case COMMAND_GROUP:
      for (guint i = 0; i < self->children->len; i++)
        iap_command_redo (g_ptr_array_index (self->children, i));
      break;

    case COMMAND_CUSTOM:
      self->redo (self->data);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
iap_command_undo (IapCommand *self)
{
  g_return_if_fail (self != NULL);

  switch (self->kind)
    {
    case COMMAND_SET:
      g_object_set_property (self->object, self->pspec->name, &self->old_value);
      break;

    case COMMAND_INSERT:
      list_remove (self->store, self->position);
      break;

    case COMMAND_REMOVE:
      list_insert (self->store, self->position, self->item);
      break;

    case COMMAND_GROUP:
      /* Later children may depend on earlier ones (positions in a list
       * shift), so they are undone in reverse. */
      for (guint i = self->children->len; i > 0; i--)
        iap_command_undo (g_ptr_array_index (self->children, i - 1));
      break;

    case COMMAND_CUSTOM:
      self->undo (self->data);
      break;

    default:
      g_assert_not_reached ();
    }
}

const char *
iap_command_get_label (IapCommand *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* A group without a label of its own reads like its first edit. */
  if (self->label == NULL && self->kind == COMMAND_GROUP && self->children->len > 0)
    return iap_command_get_label (g_ptr_array_index (self->children, 0));

  return self->label != NULL ? self->label : "";
}

/**
 * iap_command_is_noop:
 *
 * Returns: %TRUE if applying the command would change nothing, as when a
 *   property is set to the value it has
 */
gboolean
iap_command_is_noop (IapCommand *self)
{
  GType type;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->kind == COMMAND_GROUP)
    return self->children->len == 0;
  if (self->kind != COMMAND_SET)
    return FALSE;

  type = self->pspec->value_type;
  if (type == G_TYPE_VARIANT)
    return g_variant_equal (g_value_get_variant (&self->old_value),
                            g_value_get_variant (&self->new_value));
  if (type == G_TYPE_STRV)
    {
      static const char * const empty[] = { NULL };
      const char * const *old_strv = g_value_get_boxed (&self->old_value);
      const char * const *new_strv = g_value_get_boxed (&self->new_value);

      return g_strv_equal (old_strv != NULL ? old_strv : empty,
                           new_strv != NULL ? new_strv : empty);
    }
  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (&self->old_value),
                      g_value_get_string (&self->new_value)) == 0;

  return g_param_values_cmp (self->pspec, &self->old_value, &self->new_value) == 0;
}

void
iap_command_set_label (IapCommand *self,
                       const char *label)
{
  g_return_if_fail (self != NULL);

  g_free (self->label);
  self->label = g_strdup (label);
}

/**
 * iap_command_add:
 * @group: a group command
 * @child: (transfer full): a command already applied
 */
void
iap_command_add (IapCommand *group,
                 IapCommand *child)
{
  g_return_if_fail (group != NULL && group->kind == COMMAND_GROUP);
  g_return_if_fail (child != NULL);

  g_ptr_array_add (group->children, child);
}

/**
 * iap_command_get_size:
 *
 * Returns: the number of commands in a group, 1 for any other command
 */
guint
iap_command_get_size (IapCommand *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->kind == COMMAND_GROUP ? self->children->len : 1;
}

/**
 * iap_command_merge:
 * @next: a command applied after @self
 *
 * Folds @next into @self when both set the same property of the same
 * object, so that typing a title is undone as one edit.
 *
 * Returns: %TRUE if @next was merged and may be freed
 */
gboolean
iap_command_merge (IapCommand *self,
                   IapCommand *next)
{
  g_return_val_if_fail (self != NULL && next != NULL, FALSE);

  if (self->kind != COMMAND_SET || next->kind != COMMAND_SET ||
      self->object != next->object || self->pspec != next->pspec)
    return FALSE;

  g_value_unset (&self->new_value);
  g_value_init (&self->new_value, self->pspec->value_type);
  g_value_copy (&next->new_value, &self->new_value);

  return TRUE;
}

/**
 * iap_command_release_owner:
 * @owner: the object that owns the history this command goes into
 *
 * Drops the command's reference to the object it edits when that object
 * is @owner, such as a property edit of the workshop itself: @owner
 * outlives its history and every command in it, and the reference would
 * make a cycle that keeps the whole document alive.
 */
void
iap_command_release_owner (IapCommand *self,
                           gpointer    owner)
{
  g_return_if_fail (self != NULL);

  if (self->kind != COMMAND_SET || self->object != owner || self->object_is_owner)
    return;

  self->object_is_owner = TRUE;
  g_object_unref (self->object);
}
