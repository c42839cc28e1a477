/* iap-list-index.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-list-index"

#include "config.h"

#include <string.h>

#include "iap-list-index.h"

/* An index of a GListModel's items by a key, kept up to date on the
 * list's "items-changed" signal, so that every way a list changes (an
 * edit, its undo or redo, the loader) keeps it right. Finding an item
 * or a free identifier then costs the same in a list of 10 or 400,000.
 *
 * The list owns its indexes (object data), which hold no reference on
 * it. Keys are assumed constant while an item is in the list (every key
 * is made of construct-only properties). */
struct _IapListIndex
{
  GListModel *list;
  IapListIndexKeyFunc key_func;

  /* The key of the item at each position (GRefString), shared with
   * @entries: "items-changed" only tells the positions of the items
   * removed, which are gone from the list by then. */
  GPtrArray *keys;

  /* GRefString key -> Entry */
  GHashTable *entries;

  /* Prefix -> number (GUINT_TO_POINTER) below which every identifier
   * prefix1, prefix2... is known to be in use */
  GHashTable *next_free;
};

typedef struct
{
  gpointer item;   /* the first item with this key; the list holds it */
  guint count;     /* items with this key: more than 1 in a bad file */
} Entry;

/* Duplicate keys only come from a damaged file: find the first again */
static void
entry_rescan (IapListIndex *self,
              const char   *key,
              Entry        *entry)
{
  for (guint i = 0; i < self->keys->len; i++)
    if (g_ptr_array_index (self->keys, i) == key)
      {
        g_autoptr(GObject) item = g_list_model_get_item (self->list, i);

        entry->item = item;
        return;
      }
}

/* If @key is @prefix followed by a number as new_id() writes it, lowers
 * that prefix's hint so the number may be handed out again. */
static void
forget_id (IapListIndex *self,
           const char   *key)
{
  GHashTableIter iter;
  gpointer prefix, next;

  g_hash_table_iter_init (&iter, self->next_free);
  while (g_hash_table_iter_next (&iter, &prefix, &next))
    {
      const char *digits;
      char *end = NULL;
      guint64 number;

      if (!g_str_has_prefix (key, prefix))
        continue;
      digits = key + strlen (prefix);
      if (digits[0] < '1' || digits[0] > '9')
        continue;
      number = g_ascii_strtoull (digits, &end, 10);
      if (*end == '\0' && number < GPOINTER_TO_UINT (next))
        g_hash_table_iter_replace (&iter, GUINT_TO_POINTER ((guint) number));
    }
}

/* Returns: whether items with @key remain, whose first must be found
 * again once the list's keys are up to date */
static gboolean
remove_key (IapListIndex *self,
            char         *key)
{
  Entry *entry = g_hash_table_lookup (self->entries, key);

  g_assert (entry != NULL);
  if (--entry->count > 0)
    return TRUE;

  g_hash_table_remove (self->entries, key);
  forget_id (self, key);

  return FALSE;
}

/* Returns: (transfer full): the key of @item, a GRefString shared with
 * the entry */
static char *
add_key (IapListIndex *self,
         gpointer      item)
{
  g_autofree char *plain = self->key_func (item);
  char *existing = NULL;
  Entry *entry = NULL;

  if (plain == NULL)
    plain = g_strdup ("");
  if (g_hash_table_lookup_extended (self->entries, plain, (gpointer *) &existing, (gpointer *) &entry))
    {
      entry->count++;
      return g_ref_string_acquire (existing);
    }

  entry = g_new0 (Entry, 1);
  entry->item = item;
  entry->count = 1;
  existing = g_ref_string_new (plain);
  g_hash_table_insert (self->entries, existing, entry);

  return g_ref_string_acquire (existing);
}

static void
on_items_changed (GListModel   *list,
                  guint         position,
                  guint         removed,
                  guint         added,
                  IapListIndex *self)
{
  /* Keys of which duplicates remain (held by the entries table) */
  g_autoptr(GPtrArray) remaining = g_ptr_array_new ();

  for (guint i = 0; i < removed; i++)
    {
      char *key = g_ptr_array_index (self->keys, position + i);

      if (remove_key (self, key))
        g_ptr_array_add (remaining, key);
    }
  g_ptr_array_remove_range (self->keys, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, position + i);

      g_ptr_array_insert (self->keys, position + i, add_key (self, item));
    }

  /* A duplicate added before the first of its key takes its place, and
   * one removed leaves the place to the next: found in the list as it
   * is now */
  for (guint i = 0; i < added; i++)
    {
      const char *key = g_ptr_array_index (self->keys, position + i);
      Entry *entry = g_hash_table_lookup (self->entries, key);

      if (entry->count > 1)
        entry_rescan (self, key, entry);
    }
  for (guint i = 0; i < remaining->len; i++)
    {
      const char *key = g_ptr_array_index (remaining, i);
      Entry *entry = g_hash_table_lookup (self->entries, key);

      if (entry != NULL)
        entry_rescan (self, key, entry);
    }
}

static void
iap_list_index_free (IapListIndex *self)
{
  g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->next_free, g_hash_table_unref);
  g_free (self);
}

/**
 * iap_list_index_get:
 * @list: the list to index
 * @name: the index's name, unique among the indexes of @list
 * @key_func: the key of an item
 *
 * Finds the index @name of @list, or creates it. Create it before
 * anything else connects to @list's "items-changed", so that the index
 * is up to date in their handlers.
 *
 * Returns: (transfer none): the index, which lives as long as @list
 */
IapListIndex *
iap_list_index_get (GListModel          *list,
                    const char          *name,
                    IapListIndexKeyFunc  key_func)
{
  g_autofree char *data_key = g_strconcat ("iap-list-index-", name, NULL);
  IapListIndex *self = g_object_get_data (G_OBJECT (list), data_key);

  if (self != NULL)
    return self;

  self = g_new0 (IapListIndex, 1);
  self->list = list;
  self->key_func = key_func;
  self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ref_string_release);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         (GDestroyNotify) g_ref_string_release, g_free);
  self->next_free = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  on_items_changed (list, 0, 0, g_list_model_get_n_items (list), self);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), self);
  g_object_set_data_full (G_OBJECT (list), data_key, self, (GDestroyNotify) iap_list_index_free);

  return self;
}

static char *
item_id (gpointer item)
{
  char *id = NULL;

  g_object_get (item, "id", &id, NULL);

  return id;
}

/* The index of a list whose items have a construct-only "id" property */
IapListIndex *
iap_list_index_get_for_id (GListModel *list)
{
  return iap_list_index_get (list, "id", item_id);
}

/**
 * iap_list_index_lookup:
 *
 * Returns: (transfer none) (nullable): the first item of the list whose
 *   key is @key
 */
gpointer
iap_list_index_lookup (IapListIndex *self,
                       const char   *key)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, key);

  return entry != NULL ? entry->item : NULL;
}

/**
 * iap_list_index_new_id:
 * @prefix: the start of the identifier, such as "r" for a risk
 *
 * The first free number is remembered per prefix and only goes down
 * when an identifier with that prefix leaves the list, so that adding
 * items one after the other costs a constant time each.
 *
 * Returns: (transfer full): the first of @prefix1, @prefix2... that no
 *   key of the index is
 */
char *
iap_list_index_new_id (IapListIndex *self,
                       const char   *prefix)
{
  guint number;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  number = GPOINTER_TO_UINT (g_hash_table_lookup (self->next_free, prefix));
  for (number = MAX (number, 1); ; number++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, number);

      if (!g_hash_table_contains (self->entries, id))
        {
          g_hash_table_insert (self->next_free, g_strdup (prefix), GUINT_TO_POINTER (number));
          return g_steal_pointer (&id);
        }
    }
}
