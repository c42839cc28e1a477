/* iap-rating-list.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-rating-list"

#include "config.h"

#include "iap-factor-rating.h"
#include "iap-rating.h"
#include "iap-rating-list.h"

/*
 * A round of 200 participants and 2,000 risks holds 400,000 ratings: as
 * objects in a list store they took about 300 bytes each and most of the
 * time to open a large workshop. Here a rating is a record of 16 bytes,
 * plus 8 bytes of index, and an object only for the few that a list view
 * or an edit asks for.
 *
 * Records are kept in list order. The index maps the key of a record to
 * its position: open addressing over the positions, rebuilt when a record
 * is inserted or removed before the end (appending, what reading a file
 * and scoring do, keeps it).
 */

typedef struct
{
  guint32 key[3];             /* participant, subject, option: indexes of their ids */
  guint8  value[2];           /* likelihood and impact, or the factor's value */
} Record;

#define N_KEYS 3

struct _IapRatingList
{
  GObject parent_instance;

  gboolean factors;
  GArray *records;            /* of Record */
  GPtrArray *objects;         /* NULL until an item is made; then one per record, NULL or the item */

  /* Ids, each once, by key */
  GPtrArray *ids[N_KEYS];     /* of char *, owned */
  GHashTable *id_index[N_KEYS]; /* id -> index + 1 */

  /* Index of the records by key */
  guint32 *slots;             /* position + 1, or 0 for a free slot */
  guint n_slots;              /* a power of two, or 0 when the index is to be rebuilt */
};

struct _IapRatingRemoval
{
  IapRatingList *list;
  GArray *positions;          /* of guint, ascending, in the list before the removal */
  GArray *records;            /* of Record */
  GPtrArray *objects;         /* the items made of them, or NULL */
};

static void iap_rating_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IapRatingList, iap_rating_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, iap_rating_list_model_init))

/* Keys are small consecutive numbers: mixed well (MurmurHash3's
 * finaliser), or linear probing would walk long runs. */
static guint
key_hash (const guint32 *key)
{
  guint64 h = key[0] + ((guint64)key[1] << 32);

  h ^= (guint64)key[2] * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xC4CEB9FE1A85EC53);
  h ^= h >> 33;

  return (guint)h;
}

static gboolean
key_equal (const guint32 *a,
           const guint32 *b)
{
  return a[0] == b[0] && a[1] == b[1] && a[2] == b[2];
}

static Record *
record_at (IapRatingList *self,
           guint          position)
{
  return &g_array_index (self->records, Record, position);
}

static void
index_add (IapRatingList *self,
           guint          position)
{
  guint mask = self->n_slots - 1;
  guint i = key_hash (record_at (self, position)->key) & mask;

  while (self->slots[i] != 0)
    i = (i + 1) & mask;
  self->slots[i] = position + 1;
}

static void
index_invalidate (IapRatingList *self)
{
  g_clear_pointer (&self->slots, g_free);
  self->n_slots = 0;
}

/* At most half full, so that probing stays short */
static void
index_ensure (IapRatingList *self)
{
  guint n = self->records->len;

  if (self->n_slots != 0 && n * 2 <= self->n_slots)
    return;

  index_invalidate (self);
  self->n_slots = 16;
  while (self->n_slots < n * 2)
    self->n_slots *= 2;
  self->slots = g_new0 (guint32, self->n_slots);
  for (guint i = 0; i < n; i++)
    index_add (self, i);
}

static void
clear_object (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
iap_rating_list_finalize (GObject *object)
{
  IapRatingList *self = (IapRatingList *)object;

  g_clear_pointer (&self->records, g_array_unref);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  for (guint k = 0; k < N_KEYS; k++)
    {
      g_clear_pointer (&self->id_index[k], g_hash_table_unref);
      g_clear_pointer (&self->ids[k], g_ptr_array_unref);
    }
  index_invalidate (self);

  G_OBJECT_CLASS (iap_rating_list_parent_class)->finalize (object);
}

static void
iap_rating_list_class_init (IapRatingListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_rating_list_finalize;
}

static void
iap_rating_list_init (IapRatingList *self)
{
  self->records = g_array_new (FALSE, FALSE, sizeof (Record));
  for (guint k = 0; k < N_KEYS; k++)
    {
      self->ids[k] = g_ptr_array_new_with_free_func (g_free);
      self->id_index[k] = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

static GType
iap_rating_list_get_item_type (GListModel *model)
{
  return IAP_RATING_LIST (model)->factors ? IAP_TYPE_FACTOR_RATING : IAP_TYPE_RATING;
}

static guint
iap_rating_list_get_n_items (GListModel *model)
{
  return IAP_RATING_LIST (model)->records->len;
}

static gpointer
iap_rating_list_get_item (GListModel *model,
                          guint       position)
{
  IapRatingList *self = IAP_RATING_LIST (model);

  if (position >= self->records->len)
    return NULL;

  return g_object_ref (iap_rating_list_make_item (self, position));
}

static void
iap_rating_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = iap_rating_list_get_item_type;
  iface->get_n_items = iap_rating_list_get_n_items;
  iface->get_item = iap_rating_list_get_item;
}

/**
 * iap_rating_list_new:
 * @factors: %TRUE for a list of #IapFactorRating, %FALSE of #IapRating
 */
IapRatingList *
iap_rating_list_new (gboolean factors)
{
  IapRatingList *self = g_object_new (IAP_TYPE_RATING_LIST, NULL);

  self->factors = factors;

  return self;
}

gboolean
iap_rating_list_is_factors (IapRatingList *self)
{
  g_return_val_if_fail (IAP_IS_RATING_LIST (self), FALSE);

  return self->factors;
}

/**
 * iap_rating_list_intern:
 * @key: which of the record's ids @id is
 *
 * Returns: the index of @id among the ids of @key, added if new
 */
guint
iap_rating_list_intern (IapRatingList *self,
                        IapRatingKey   key,
                        const char    *id)
{
  gpointer found;
  char *copy;

  g_return_val_if_fail (IAP_IS_RATING_LIST (self), 0);
  g_return_val_if_fail (key < N_KEYS, 0);

  if (id == NULL)
    id = "";

  found = g_hash_table_lookup (self->id_index[key], id);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  copy = g_strdup (id);
  g_ptr_array_add (self->ids[key], copy);
  g_hash_table_insert (self->id_index[key], copy, GUINT_TO_POINTER (self->ids[key]->len));

  return self->ids[key]->len - 1;
}

gboolean
iap_rating_list_find_id (IapRatingList *self,
                         IapRatingKey   key,
                         const char    *id,
                         guint         *index)
{
  gpointer found;

  g_return_val_if_fail (IAP_IS_RATING_LIST (self), FALSE);
  g_return_val_if_fail (key < N_KEYS, FALSE);

  found = g_hash_table_lookup (self->id_index[key], id != NULL ? id : "");
  if (found == NULL)
    return FALSE;

  *index = GPOINTER_TO_UINT (found) - 1;

  return TRUE;
}

const char *
iap_rating_list_get_id (IapRatingList *self,
                        IapRatingKey   key,
                        guint          index)
{
  g_return_val_if_fail (IAP_IS_RATING_LIST (self), NULL);
  g_return_val_if_fail (key < N_KEYS && index < self->ids[key]->len, NULL);

  return g_ptr_array_index (self->ids[key], index);
}

guint
iap_rating_list_get_n_ids (IapRatingList *self,
                           IapRatingKey   key)
{
  g_return_val_if_fail (IAP_IS_RATING_LIST (self), 0);
  g_return_val_if_fail (key < N_KEYS, 0);

  return self->ids[key]->len;
}

/**
 * iap_rating_list_lookup:
 * @option: the index of the option, or 0 for a risk rating
 * @position: (out): the first record of this key
 *
 * Finds a record in constant time.
 */
gboolean
iap_rating_list_lookup (IapRatingList *self,
                        guint          participant,
                        guint          subject,
                        guint          option,
                        guint         *position)
{
  guint32 key[3] = { participant, subject, option };
  guint found = G_MAXUINT;
  guint mask, i;

  g_return_val_if_fail (IAP_IS_RATING_LIST (self), FALSE);

  if (self->records->len == 0)
    return FALSE;

  index_ensure (self);
  mask = self->n_slots - 1;

  /* A damaged list may hold a key twice: the first is the one. */
  for (i = key_hash (key) & mask; self->slots[i] != 0; i = (i + 1) & mask)
    if (key_equal (record_at (self, self->slots[i] - 1)->key, key))
      found = MIN (found, self->slots[i] - 1);

  if (found == G_MAXUINT)
    return FALSE;

  *position = found;

  return TRUE;
}

/**
 * iap_rating_list_lookup_ids:
 * @option: (nullable): %NULL for a risk rating
 */
gboolean
iap_rating_list_lookup_ids (IapRatingList *self,
                            const char    *participant,
                            const char    *subject,
                            const char    *option,
                            guint         *position)
{
  guint p, s, o = 0;

  return iap_rating_list_find_id (self, IAP_RATING_KEY_PARTICIPANT, participant, &p) &&
         iap_rating_list_find_id (self, IAP_RATING_KEY_SUBJECT, subject, &s) &&
         (option == NULL || iap_rating_list_find_id (self, IAP_RATING_KEY_OPTION, option, &o)) &&
         iap_rating_list_lookup (self, p, s, o, position);
}

/**
 * iap_rating_list_get:
 * @option: (out) (optional): %NULL for a risk rating
 * @first: (out) (optional): the likelihood, or the factor's value
 * @second: (out) (optional): the impact
 *
 * Reads a record without making its item.
 */
void
iap_rating_list_get (IapRatingList  *self,
                     guint           position,
                     const char    **participant,
                     const char    **subject,
                     const char    **option,
                     guint          *first,
                     guint          *second)
{
  Record *record;
  gpointer item;

  g_return_if_fail (IAP_IS_RATING_LIST (self));
  g_return_if_fail (position < self->records->len);

  record = record_at (self, position);
  if (participant != NULL)
    *participant = g_ptr_array_index (self->ids[0], record->key[0]);
  if (subject != NULL)
    *subject = g_ptr_array_index (self->ids[1], record->key[1]);
  if (option != NULL)
    *option = self->factors ? g_ptr_array_index (self->ids[2], record->key[2]) : NULL;

  /* Once made, the item holds the values: edits change them there. */
  item = self->objects != NULL ? g_ptr_array_index (self->objects, position) : NULL;
  if (self->factors)
    {
      if (first != NULL)
        *first = item != NULL ? iap_factor_rating_get_value (item) : record->value[0];
      if (second != NULL)
        *second = 0;
    }
  else
    {
      if (first != NULL)
        *first = item != NULL ? iap_rating_get_likelihood (item) : record->value[0];
      if (second != NULL)
        *second = item != NULL ? iap_rating_get_impact (item) : record->value[1];
    }
}

/**
 * iap_rating_list_get_keys:
 * @key: (out caller-allocates) (array fixed-size=3): the index of the
 *   participant, subject and option (0 for a risk rating) of the record
 */
void
iap_rating_list_get_keys (IapRatingList *self,
                          guint          position,
                          guint         *key)
{
  Record *record;

  g_return_if_fail (IAP_IS_RATING_LIST (self));
  g_return_if_fail (position < self->records->len);

  record = record_at (self, position);
  for (guint i = 0; i < 3; i++)
    key[i] = record->key[i];
}

/**
 * iap_rating_list_peek_item:
 *
 * Returns: (transfer none) (nullable): the item of @position if it was
 *   made, %NULL otherwise
 */
gpointer
iap_rating_list_peek_item (IapRatingList *self,
                           guint          position)
{
  g_return_val_if_fail (IAP_IS_RATING_LIST (self), NULL);
  g_return_val_if_fail (position < self->records->len, NULL);

  return self->objects != NULL ? g_ptr_array_index (self->objects, position) : NULL;
}

static void
ensure_objects (IapRatingList *self)
{
  if (self->objects != NULL)
    return;

  self->objects = g_ptr_array_new_full (self->records->len, clear_object);
  g_ptr_array_set_size (self->objects, self->records->len);
}

/**
 * iap_rating_list_make_item:
 *
 * Returns: (transfer none): the item of @position, made if need be; the
 *   list keeps it as long as the record
 */
gpointer
iap_rating_list_make_item (IapRatingList *self,
                           guint          position)
{
  Record *record;
  gpointer item;

  g_return_val_if_fail (IAP_IS_RATING_LIST (self), NULL);
  g_return_val_if_fail (position < self->records->len, NULL);

  ensure_objects (self);
  item = g_ptr_array_index (self->objects, position);
  if (item != NULL)
    return item;

  record = record_at (self, position);
  if (self->factors)
    {
      item = iap_factor_rating_new (g_ptr_array_index (self->ids[0], record->key[0]),
                                    g_ptr_array_index (self->ids[1], record->key[1]),
                                    g_ptr_array_index (self->ids[2], record->key[2]));
      g_object_set (item, "value", (guint)record->value[0], NULL);
    }
  else
    {
      item = iap_rating_new (g_ptr_array_index (self->ids[0], record->key[0]),
                             g_ptr_array_index (self->ids[1], record->key[1]));
      g_object_set (item, "likelihood", (guint)record->value[0], "impact", (guint)record->value[1], NULL);
    }

  g_ptr_array_index (self->objects, position) = item;

  return item;
}

static void
append_record (IapRatingList *self,
               const Record  *record)
{
  g_array_append_vals (self->records, record, 1);
  if (self->objects != NULL)
    g_ptr_array_add (self->objects, NULL);

  /* Appending keeps the index, while it has room */
  if (self->n_slots != 0 && self->records->len * 2 <= self->n_slots)
    index_add (self, self->records->len - 1);
  else
    index_invalidate (self);
}

/**
 * iap_rating_list_append:
 *
 * Adds a record at the end, quietly: iap_rating_list_appended() then
 * tells the list's observers, once for many.
 */
void
iap_rating_list_append (IapRatingList *self,
                        guint          participant,
                        guint          subject,
                        guint          option,
                        guint          first,
                        guint          second)
{
  Record record = { { participant, subject, option }, { MIN (first, 255), MIN (second, 255) } };

  g_return_if_fail (IAP_IS_RATING_LIST (self));
  g_return_if_fail (participant < self->ids[0]->len && subject < self->ids[1]->len &&
                    (!self->factors || option < self->ids[2]->len));

  append_record (self, &record);
}

/**
 * iap_rating_list_appended:
 * @from: the number of records before the iap_rating_list_append() calls
 */
void
iap_rating_list_appended (IapRatingList *self,
                          guint          from)
{
  g_return_if_fail (IAP_IS_RATING_LIST (self));
  g_return_if_fail (from <= self->records->len);

  if (from < self->records->len)
    g_list_model_items_changed (G_LIST_MODEL (self), from, 0, self->records->len - from);
}

/**
 * iap_rating_list_take:
 *
 * Moves the records of @other, whose ids and items come along, into
 * @self, which must be empty.
 */
void
iap_rating_list_take (IapRatingList *self,
                      IapRatingList *other)
{
  guint n;

  g_return_if_fail (IAP_IS_RATING_LIST (self));
  g_return_if_fail (IAP_IS_RATING_LIST (other));
  g_return_if_fail (self->records->len == 0);
  g_return_if_fail (self->factors == other->factors);

  index_invalidate (self);
  g_clear_pointer (&self->objects, g_ptr_array_unref);

  /* An empty list's own ids are not needed: they name no record. */
  for (guint k = 0; k < N_KEYS; k++)
    {
      g_ptr_array_unref (self->ids[k]);
      g_hash_table_unref (self->id_index[k]);
      self->ids[k] = g_steal_pointer (&other->ids[k]);
      self->id_index[k] = g_steal_pointer (&other->id_index[k]);
    }
  g_array_unref (self->records);
  self->records = g_steal_pointer (&other->records);
  self->objects = g_steal_pointer (&other->objects);
  self->slots = g_steal_pointer (&other->slots);
  self->n_slots = other->n_slots;
  other->n_slots = 0;
  iap_rating_list_init (other);

  n = self->records->len;
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n);
}

static void
record_of_item (IapRatingList *self,
                gpointer       item,
                Record        *record)
{
  memset (record, 0, sizeof *record);
  if (self->factors)
    {
      record->key[0] = iap_rating_list_intern (self, IAP_RATING_KEY_PARTICIPANT,
                                               iap_factor_rating_get_participant (item));
      record->key[1] = iap_rating_list_intern (self, IAP_RATING_KEY_SUBJECT, iap_factor_rating_get_factor (item));
      record->key[2] = iap_rating_list_intern (self, IAP_RATING_KEY_OPTION, iap_factor_rating_get_option (item));
      record->value[0] = MIN (iap_factor_rating_get_value (item), 255);
    }
  else
    {
      record->key[0] = iap_rating_list_intern (self, IAP_RATING_KEY_PARTICIPANT, iap_rating_get_participant (item));
      record->key[1] = iap_rating_list_intern (self, IAP_RATING_KEY_SUBJECT, iap_rating_get_risk (item));
      record->value[0] = MIN (iap_rating_get_likelihood (item), 255);
      record->value[1] = MIN (iap_rating_get_impact (item), 255);
    }
}

/**
 * iap_rating_list_insert:
 * @item: an #IapRating or #IapFactorRating, as the list holds
 *
 * Inserts @item, as g_list_store_insert() would: the list keeps it.
 */
void
iap_rating_list_insert (IapRatingList *self,
                        guint          position,
                        gpointer       item)
{
  Record record;

  g_return_if_fail (IAP_IS_RATING_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, iap_rating_list_get_item_type (G_LIST_MODEL (self))));
  g_return_if_fail (position <= self->records->len);

  record_of_item (self, item, &record);
  ensure_objects (self);
  if (position == self->records->len)
    {
      append_record (self, &record);
      g_ptr_array_index (self->objects, position) = g_object_ref (item);
    }
  else
    {
      g_array_insert_val (self->records, position, record);
      g_ptr_array_insert (self->objects, position, g_object_ref (item));
      index_invalidate (self);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
iap_rating_list_remove (IapRatingList *self,
                        guint          position)
{
  g_return_if_fail (IAP_IS_RATING_LIST (self));
  g_return_if_fail (position < self->records->len);

  g_array_remove_index (self->records, position);
  if (self->objects != NULL)
    g_ptr_array_remove_index (self->objects, position);
  index_invalidate (self);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/**
 * iap_rating_list_find_item:
 *
 * Finds @item, as g_list_store_find() would.
 */
gboolean
iap_rating_list_find_item (IapRatingList *self,
                           gpointer       item,
                           guint         *position)
{
  g_return_val_if_fail (IAP_IS_RATING_LIST (self), FALSE);

  /* An item not made yet is not in the list */
  return self->objects != NULL && g_ptr_array_find (self->objects, item, position);
}

/**
 * iap_rating_list_prepare_removal:
 * @id: the participant, subject or option that the records to remove
 *   have as @key
 *
 * Prepares the removal of every record of @id at once, which
 * iap_rating_removal_redo() makes and iap_rating_removal_undo() reverts.
 *
 * Returns: (transfer full) (nullable): the removal, not made yet; %NULL
 *   if no record has @id as @key
 */
IapRatingRemoval *
iap_rating_list_prepare_removal (IapRatingList *self,
                                 IapRatingKey   key,
                                 const char    *id)
{
  IapRatingRemoval *removal;
  guint index;

  g_return_val_if_fail (IAP_IS_RATING_LIST (self), NULL);
  g_return_val_if_fail (key <= IAP_RATING_KEY_OPTION, NULL);

  if (!iap_rating_list_find_id (self, key, id, &index))
    return NULL;

  removal = g_new0 (IapRatingRemoval, 1);
  removal->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->records->len; i++)
    if (record_at (self, i)->key[key] == index)
      g_array_append_val (removal->positions, i);

  if (removal->positions->len == 0)
    {
      g_array_unref (removal->positions);
      g_free (removal);
      return NULL;
    }

  removal->list = g_object_ref (self);
  removal->records = g_array_sized_new (FALSE, FALSE, sizeof (Record), removal->positions->len);

  return removal;
}

/**
 * iap_rating_removal_redo:
 *
 * Removes the records, from the list as it was when the removal was
 * prepared.
 */
void
iap_rating_removal_redo (IapRatingRemoval *removal)
{
  IapRatingList *self = removal->list;
  guint n = self->records->len;
  guint kept = 0, next = 0;

  g_array_set_size (removal->records, 0);
  g_clear_pointer (&removal->objects, g_ptr_array_unref);
  if (self->objects != NULL)
    removal->objects = g_ptr_array_new_full (removal->positions->len, clear_object);

  /* One pass: each record kept moves down over those removed. */
  for (guint i = 0; i < n; i++)
    {
      if (next < removal->positions->len && g_array_index (removal->positions, guint, next) == i)
        {
          g_array_append_vals (removal->records, record_at (self, i), 1);
          if (self->objects != NULL)
            g_ptr_array_add (removal->objects, g_ptr_array_index (self->objects, i));
          next++;
          continue;
        }

      if (kept != i)
        {
          *record_at (self, kept) = *record_at (self, i);
          if (self->objects != NULL)
            g_ptr_array_index (self->objects, kept) = g_ptr_array_index (self->objects, i);
        }
      kept++;
    }

  g_array_set_size (self->records, kept);
  if (self->objects != NULL)
    {
      /* The items moved to the removal: none is freed here. */
      for (guint i = kept; i < n; i++)
        g_ptr_array_index (self->objects, i) = NULL;
      g_ptr_array_set_size (self->objects, kept);
    }
  index_invalidate (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, kept);
}

/**
 * iap_rating_removal_undo:
 *
 * Puts the records back where they were.
 */
void
iap_rating_removal_undo (IapRatingRemoval *removal)
{
  IapRatingList *self = removal->list;
  guint n_kept = self->records->len;
  guint n = n_kept + removal->positions->len;
  g_autoptr(GArray) records = g_array_sized_new (FALSE, FALSE, sizeof (Record), n);
  g_autoptr(GPtrArray) objects = NULL;
  guint kept = 0, next = 0;

  if (self->objects != NULL || removal->objects != NULL)
    {
      ensure_objects (self);
      objects = g_ptr_array_new_full (n, clear_object);
    }

  for (guint i = 0; i < n; i++)
    {
      if (next < removal->positions->len && g_array_index (removal->positions, guint, next) == i)
        {
          g_array_append_vals (records, &g_array_index (removal->records, Record, next), 1);
          if (objects != NULL)
            g_ptr_array_add (objects, removal->objects != NULL ? g_ptr_array_index (removal->objects, next) : NULL);
          next++;
        }
      else
        {
          g_array_append_vals (records, record_at (self, kept), 1);
          if (objects != NULL)
            g_ptr_array_add (objects, g_ptr_array_index (self->objects, kept));
          kept++;
        }
    }

  /* The items moved back to the list */
  if (removal->objects != NULL)
    {
      for (guint i = 0; i < removal->objects->len; i++)
        g_ptr_array_index (removal->objects, i) = NULL;
      g_clear_pointer (&removal->objects, g_ptr_array_unref);
    }
  if (self->objects != NULL)
    {
      for (guint i = 0; i < self->objects->len; i++)
        g_ptr_array_index (self->objects, i) = NULL;
      g_ptr_array_unref (self->objects);
      self->objects = g_steal_pointer (&objects);
    }

  g_array_unref (self->records);
  self->records = g_steal_pointer (&records);
  g_array_set_size (removal->records, 0);
  index_invalidate (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_kept, n);
}

void
iap_rating_removal_free (IapRatingRemoval *removal)
{
  if (removal == NULL)
    return;

  g_clear_object (&removal->list);
  g_clear_pointer (&removal->positions, g_array_unref);
  g_clear_pointer (&removal->records, g_array_unref);
  g_clear_pointer (&removal->objects, g_ptr_array_unref);
  g_free (removal);
}
