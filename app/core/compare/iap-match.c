/* iap-match.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Which risk of one workshop is which risk of another. Copies of one
 * workshop share identifiers, so an identifier is the first clue; but
 * files made separately number their risks r1, r2... too, so the same
 * identifier counts only when the two risks also share their place
 * (arrangement and area) or a similar title. What is left is paired by
 * place and title similarity, best pairs first: those pairs are a guess
 * the facilitator confirms.
 */

#define G_LOG_DOMAIN "iap-match"

#include "config.h"

#include <string.h>

#include "iap-i18n.h"

#include "iap-match.h"

struct _IapMatch
{
  GObject parent_instance;

  /* Owned */
  GObject *old_item;
  GObject *new_item;
  IapMatchMethod method;
  guint similarity;
  gboolean confirmed;
};

G_DEFINE_FINAL_TYPE (IapMatch, iap_match, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SIMILARITY,
  PROP_CONFIRMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_match_finalize (GObject *object)
{
  IapMatch *self = (IapMatch *)object;

  g_clear_object (&self->old_item);
  g_clear_object (&self->new_item);

  G_OBJECT_CLASS (iap_match_parent_class)->finalize (object);
}

static void
iap_match_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IapMatch *self = IAP_MATCH (object);

  switch (prop_id)
    {
    case PROP_SIMILARITY:
      g_value_set_uint (value, self->similarity);
      break;

    case PROP_CONFIRMED:
      g_value_set_boolean (value, self->confirmed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_match_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IapMatch *self = IAP_MATCH (object);

  switch (prop_id)
    {
    case PROP_CONFIRMED:
      iap_match_set_confirmed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_match_class_init (IapMatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_match_finalize;
  object_class->get_property = iap_match_get_property;
  object_class->set_property = iap_match_set_property;

  properties[PROP_SIMILARITY] =
    g_param_spec_uint ("similarity", NULL, NULL,
                       0, 100, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* A match by title is a guess: the facilitator says whether the two
   * are the same item. Unconfirmed, they are counted as two. */
  properties[PROP_CONFIRMED] =
    g_param_spec_boolean ("confirmed", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_match_init (IapMatch *self)
{
  self->confirmed = TRUE;
}

IapMatch *
iap_match_new (gpointer       old_item,
               gpointer       new_item,
               IapMatchMethod method,
               guint          similarity)
{
  IapMatch *self;

  g_return_val_if_fail (G_IS_OBJECT (old_item), NULL);
  g_return_val_if_fail (G_IS_OBJECT (new_item), NULL);

  self = g_object_new (IAP_TYPE_MATCH, NULL);
  self->old_item = g_object_ref (old_item);
  self->new_item = g_object_ref (new_item);
  self->method = method;
  self->similarity = MIN (similarity, 100);

  return self;
}

/**
 * iap_match_get_old:
 *
 * Returns: (transfer none): the item of the old workshop (ours, in a merge)
 */
gpointer
iap_match_get_old (IapMatch *self)
{
  g_return_val_if_fail (IAP_IS_MATCH (self), NULL);

  return self->old_item;
}

/**
 * iap_match_get_new:
 *
 * Returns: (transfer none): the item of the new workshop (theirs, in a merge)
 */
gpointer
iap_match_get_new (IapMatch *self)
{
  g_return_val_if_fail (IAP_IS_MATCH (self), NULL);

  return self->new_item;
}

IapMatchMethod
iap_match_get_method (IapMatch *self)
{
  g_return_val_if_fail (IAP_IS_MATCH (self), IAP_MATCH_ID);

  return self->method;
}

/* As the command line's JSON names it. */
const char *
iap_match_method_to_id (IapMatchMethod method)
{
  switch (method)
    {
    case IAP_MATCH_ID:
      return "id";
    case IAP_MATCH_TITLE:
      return "title";
    case IAP_MATCH_NAME:
      return "name";
    default:
      g_return_val_if_reached ("id");
    }
}

/**
 * iap_match_get_similarity:
 *
 * Returns: how alike the two titles (names) are, in percent
 */
guint
iap_match_get_similarity (IapMatch *self)
{
  g_return_val_if_fail (IAP_IS_MATCH (self), 0);

  return self->similarity;
}

gboolean
iap_match_get_confirmed (IapMatch *self)
{
  g_return_val_if_fail (IAP_IS_MATCH (self), FALSE);

  return self->confirmed;
}

void
iap_match_set_confirmed (IapMatch *self,
                         gboolean  confirmed)
{
  g_return_if_fail (IAP_IS_MATCH (self));

  confirmed = !!confirmed;
  if (self->confirmed == confirmed)
    return;

  self->confirmed = confirmed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRMED]);
}

/* Similarity ------------------------------------------------------------- */

/* Letters and digits only, without accents, in one case, words apart by
 * one space: "L'accès  aux ÉCOLES" and "l acces aux ecoles" read alike. */
static GArray *
normalize (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = g_utf8_casefold (decomposed != NULL ? decomposed : "", -1);
  GArray *chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  gboolean space = TRUE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (!g_unichar_isalnum (c))
        {
          if (!space)
            {
              gunichar blank = ' ';
              g_array_append_val (chars, blank);
            }
          space = TRUE;
          continue;
        }
      g_array_append_val (chars, c);
      space = FALSE;
    }
  if (chars->len > 0 && g_array_index (chars, gunichar, chars->len - 1) == ' ')
    g_array_set_size (chars, chars->len - 1);

  return chars;
}

static int
compare_bigrams (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return x < y ? -1 : x > y;
}

static GArray *
bigrams (GArray *chars)
{
  GArray *pairs = g_array_sized_new (FALSE, FALSE, sizeof (guint64), chars->len);

  for (guint i = 0; i + 1 < chars->len; i++)
    {
      guint64 pair = ((guint64)g_array_index (chars, gunichar, i) << 32) |
                     g_array_index (chars, gunichar, i + 1);
      g_array_append_val (pairs, pair);
    }
  g_array_sort (pairs, compare_bigrams);

  return pairs;
}

/**
 * iap_match_similarity:
 *
 * How alike two titles are: the Sørensen–Dice coefficient of their
 * letter pairs, once accents, case and punctuation are set aside. A
 * reworded title ("Escorts draw attacks on convoys", "Armed escorts draw
 * attacks on our convoys") scores high; two different risks low.
 *
 * Returns: 0 to 100; 0 when either is blank
 */
guint
iap_match_similarity (const char *a,
                      const char *b)
{
  g_autoptr(GArray) ca = normalize (a);
  g_autoptr(GArray) cb = normalize (b);
  g_autoptr(GArray) pa = NULL;
  g_autoptr(GArray) pb = NULL;
  guint common = 0, i = 0, j = 0;

  if (ca->len == 0 || cb->len == 0)
    return 0;
  if (ca->len == cb->len && memcmp (ca->data, cb->data, ca->len * sizeof (gunichar)) == 0)
    return 100;
  if (ca->len < 2 || cb->len < 2)
    return 0;

  pa = bigrams (ca);
  pb = bigrams (cb);
  while (i < pa->len && j < pb->len)
    {
      guint64 x = g_array_index (pa, guint64, i), y = g_array_index (pb, guint64, j);

      if (x == y)
        common++, i++, j++;
      else if (x < y)
        i++;
      else
        j++;
    }

  /* Rounded down, so that only equal titles score 100 */
  return MIN (99, 200 * common / (pa->len + pb->len));
}

/**
 * iap_match_canonical_ref:
 * @kind: a catalog kind
 * @id: (nullable): an entry id of @workshop
 *
 * What a catalog reference means across workshops: a default entry by
 * its id, which every workshop shares; a workshop's own entry by its
 * label, since two files made apart may give one idea two ids, or one
 * id two ideas.
 *
 * Returns: (transfer full): the key, "" for no reference
 */
char *
iap_match_canonical_ref (IapWorkshop *workshop,
                         const char  *kind,
                         const char  *id)
{
  IapCatalogEntry *entry;
  g_autoptr(GArray) label = NULL;
  g_autoptr(GString) key = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  if (id == NULL || *id == '\0')
    return g_strdup ("");

  entry = iap_catalog_lookup (iap_workshop_get_catalog (workshop), kind, id);
  if (entry == NULL || !iap_catalog_entry_get_custom (entry))
    return g_strdup (id);

  label = normalize (iap_catalog_entry_get_label (entry));
  key = g_string_new ("custom:");
  for (guint i = 0; i < label->len; i++)
    g_string_append_unichar (key, g_array_index (label, gunichar, i));

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* Matching --------------------------------------------------------------- */

typedef struct
{
  const char *(*get_id)    (gpointer item);
  const char *(*get_title) (gpointer item);
  char       *(*dup_place) (IapWorkshop *workshop,
                            gpointer     item);
} Matcher;

typedef struct
{
  guint similarity;
  guint old_index;
  guint new_index;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  if (x->new_index != y->new_index)
    return x->new_index < y->new_index ? -1 : 1;
  return x->old_index < y->old_index ? -1 : x->old_index > y->old_index;
}

static GPtrArray *
items_of (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  return items;
}

static GListStore *
match_lists (IapWorkshop   *old_workshop,
             GListModel    *old_list,
             IapWorkshop   *new_workshop,
             GListModel    *new_list,
             const Matcher *matcher)
{
  g_autoptr(GPtrArray) old_items = items_of (old_list);
  g_autoptr(GPtrArray) new_items = items_of (new_list);
  g_autoptr(GPtrArray) old_places = g_ptr_array_new_full (old_items->len, g_free);
  g_autoptr(GHashTable) old_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) buckets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify)g_array_unref);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree gboolean *old_taken = g_new0 (gboolean, old_items->len + 1);
  g_autofree IapMatch **found = g_new0 (IapMatch *, new_items->len + 1);
  GListStore *matches = g_list_store_new (IAP_TYPE_MATCH);

  for (guint i = 0; i < old_items->len; i++)
    {
      gpointer item = g_ptr_array_index (old_items, i);

      g_ptr_array_add (old_places, matcher->dup_place (old_workshop, item));
      g_hash_table_insert (old_by_id, (gpointer)matcher->get_id (item), GUINT_TO_POINTER (i + 1));
    }

  /* The same identifier, in the same place or under a similar title */
  for (guint j = 0; j < new_items->len; j++)
    {
      gpointer item = g_ptr_array_index (new_items, j);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (old_by_id, matcher->get_id (item)));
      g_autofree char *place = NULL;
      guint similarity;

      if (i-- == 0 || old_taken[i])
        continue;
      place = matcher->dup_place (new_workshop, item);
      similarity = iap_match_similarity (matcher->get_title (g_ptr_array_index (old_items, i)),
                                         matcher->get_title (item));
      if (similarity < IAP_MATCH_MIN_SIMILARITY &&
          !g_str_equal (place, g_ptr_array_index (old_places, i)))
        continue;
      old_taken[i] = TRUE;
      found[j] = iap_match_new (g_ptr_array_index (old_items, i), item, IAP_MATCH_ID, similarity);
    }

  /* What is left: the same place and a similar title, best pairs first */
  for (guint i = 0; i < old_items->len; i++)
    {
      GArray *bucket;

      if (old_taken[i])
        continue;
      bucket = g_hash_table_lookup (buckets, g_ptr_array_index (old_places, i));
      if (bucket == NULL)
        {
          bucket = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (buckets, g_ptr_array_index (old_places, i), bucket);
        }
      g_array_append_val (bucket, i);
    }

  for (guint j = 0; j < new_items->len; j++)
    {
      gpointer item = g_ptr_array_index (new_items, j);
      g_autofree char *place = NULL;
      GArray *bucket;

      if (found[j] != NULL)
        continue;
      place = matcher->dup_place (new_workshop, item);
      if ((bucket = g_hash_table_lookup (buckets, place)) == NULL)
        continue;
      for (guint k = 0; k < bucket->len; k++)
        {
          guint i = g_array_index (bucket, guint, k);
          Candidate c = { 0, i, j };

          c.similarity = iap_match_similarity (matcher->get_title (g_ptr_array_index (old_items, i)),
                                               matcher->get_title (item));
          if (c.similarity >= IAP_MATCH_MIN_SIMILARITY)
            g_array_append_val (candidates, c);
        }
    }

  g_array_sort (candidates, compare_candidates);
  for (guint k = 0; k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);

      if (old_taken[c->old_index] || found[c->new_index] != NULL)
        continue;
      old_taken[c->old_index] = TRUE;
      found[c->new_index] = iap_match_new (g_ptr_array_index (old_items, c->old_index),
                                           g_ptr_array_index (new_items, c->new_index),
                                           IAP_MATCH_TITLE, c->similarity);
    }

  for (guint j = 0; j < new_items->len; j++)
    if (found[j] != NULL)
      {
        g_list_store_append (matches, found[j]);
        g_object_unref (found[j]);
      }

  return matches;
}

static const char *
risk_id (gpointer item)
{
  return iap_risk_get_id (item);
}

static const char *
risk_title (gpointer item)
{
  return iap_risk_get_title (item);
}

static char *
risk_place (IapWorkshop *workshop,
            gpointer     item)
{
  g_autofree char *arrangement = iap_match_canonical_ref (workshop, IAP_CATALOG_ARRANGEMENT,
                                                          iap_risk_get_arrangement (item));
  g_autofree char *area = iap_match_canonical_ref (workshop, IAP_CATALOG_AREA,
                                                   iap_risk_get_area (item));

  return g_strconcat (arrangement, "\n", area, NULL);
}

/**
 * iap_match_risks:
 *
 * Pairs the risks of two workshops: by identifier when the two risks also
 * share their arrangement and area or a similar title; then, among the
 * rest, by arrangement, area and the most similar title.
 *
 * Returns: (transfer full): the #IapMatch of each risk of @new_workshop
 *   that has one in @old_workshop, in the order of @new_workshop
 */
GListStore *
iap_match_risks (IapWorkshop *old_workshop,
                 IapWorkshop *new_workshop)
{
  static const Matcher matcher = { risk_id, risk_title, risk_place };

  g_return_val_if_fail (IAP_IS_WORKSHOP (old_workshop), NULL);
  g_return_val_if_fail (IAP_IS_WORKSHOP (new_workshop), NULL);

  return match_lists (old_workshop, iap_workshop_get_risks (old_workshop),
                      new_workshop, iap_workshop_get_risks (new_workshop), &matcher);
}

static const char *
mitigation_id (gpointer item)
{
  return iap_mitigation_get_id (item);
}

static const char *
mitigation_title (gpointer item)
{
  return iap_mitigation_get_title (item);
}

static char *
mitigation_place (IapWorkshop *workshop,
                  gpointer     item)
{
  return iap_match_canonical_ref (workshop, IAP_CATALOG_MEASURE, iap_mitigation_get_measure (item));
}

/**
 * iap_match_mitigations:
 *
 * Pairs the measures of two mitigation plans as iap_match_risks() pairs
 * risks, with the catalog measure as their place.
 *
 * Returns: (transfer full): #IapMatch items, in the order of @new_workshop
 */
GListStore *
iap_match_mitigations (IapWorkshop *old_workshop,
                       IapWorkshop *new_workshop)
{
  static const Matcher matcher = { mitigation_id, mitigation_title, mitigation_place };

  g_return_val_if_fail (IAP_IS_WORKSHOP (old_workshop), NULL);
  g_return_val_if_fail (IAP_IS_WORKSHOP (new_workshop), NULL);

  return match_lists (old_workshop, iap_workshop_get_mitigations (old_workshop),
                      new_workshop, iap_workshop_get_mitigations (new_workshop), &matcher);
}

static char *
name_key (IapParticipant *participant)
{
  g_autoptr(GArray) chars = normalize (iap_participant_get_name (participant));
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < chars->len; i++)
    g_string_append_unichar (key, g_array_index (chars, gunichar, i));

  return g_string_free (key, FALSE);
}

static gboolean
same_participant (IapParticipant *a,
                  IapParticipant *b)
{
  const char *na = iap_participant_get_name (a), *nb = iap_participant_get_name (b);

  if (*na == '\0' && *nb == '\0')
    return g_strcmp0 (iap_participant_get_pillar (a), iap_participant_get_pillar (b)) == 0;

  return iap_match_similarity (na, nb) >= IAP_MATCH_MIN_SIMILARITY;
}

/**
 * iap_match_participants:
 *
 * Pairs participants by identifier when their names are alike (or both
 * are unnamed in the same pillar), then by the same name.
 *
 * Returns: (transfer full): #IapMatch items, in the order of @new_workshop
 */
GListStore *
iap_match_participants (IapWorkshop *old_workshop,
                        IapWorkshop *new_workshop)
{
  g_autoptr(GPtrArray) old_items = NULL;
  g_autoptr(GPtrArray) new_items = NULL;
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autofree IapMatch **found = NULL;
  GListStore *matches = g_list_store_new (IAP_TYPE_MATCH);

  g_return_val_if_fail (IAP_IS_WORKSHOP (old_workshop), NULL);
  g_return_val_if_fail (IAP_IS_WORKSHOP (new_workshop), NULL);

  old_items = items_of (iap_workshop_get_participants (old_workshop));
  new_items = items_of (iap_workshop_get_participants (new_workshop));
  for (guint i = old_items->len; i > 0; i--)
    {
      IapParticipant *p = g_ptr_array_index (old_items, i - 1);
      char *key = name_key (p);

      if (*key != '\0')
        g_hash_table_insert (by_name, key, p);
      else
        g_free (key);
    }

  found = g_new0 (IapMatch *, new_items->len + 1);

  /* The same identifier and a similar name first, for every participant,
   * so that a name never takes someone another identifier pairs */
  for (guint j = 0; j < new_items->len; j++)
    {
      IapParticipant *p = g_ptr_array_index (new_items, j);
      IapParticipant *old = iap_workshop_find_participant (old_workshop, iap_participant_get_id (p));

      if (old == NULL || !same_participant (old, p))
        continue;
      g_hash_table_add (taken, old);
      found[j] = iap_match_new (old, p, IAP_MATCH_ID,
                                iap_match_similarity (iap_participant_get_name (old),
                                                      iap_participant_get_name (p)));
    }

  for (guint j = 0; j < new_items->len; j++)
    {
      IapParticipant *p = g_ptr_array_index (new_items, j);
      g_autofree char *key = NULL;
      IapParticipant *old;

      if (found[j] != NULL)
        continue;
      key = name_key (p);
      old = *key != '\0' ? g_hash_table_lookup (by_name, key) : NULL;
      if (old == NULL || g_hash_table_contains (taken, old))
        continue;
      g_hash_table_add (taken, old);
      found[j] = iap_match_new (old, p, IAP_MATCH_NAME, 100);
    }

  for (guint j = 0; j < new_items->len; j++)
    if (found[j] != NULL)
      {
        g_list_store_append (matches, found[j]);
        g_object_unref (found[j]);
      }

  return matches;
}
