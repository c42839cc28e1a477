/* iap-merge-values.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * How a merge gives an item of the workshop a value of a merged file, in
 * the workshop's terms: the file's own catalog entries as the workshop's,
 * its risks as the workshop's, its levels on the workshop's scales.
 */

#define G_LOG_DOMAIN "iap-merge"

#include "config.h"

#include "iap-i18n.h"

#include "iap-merge-private.h"

/* Their catalog entry @id of @kind, as an entry of ours: a default entry
 * as it is, their own entry as ours of the same label, added if need be. */
char *
_iap_merge_map_ref (IapMergeExec *x,
                    const char   *kind,
                    const char   *id)
{
  IapCatalogEntry *entry;
  g_autofree char *key = NULL;
  g_autofree char *wanted = NULL;
  GListModel *custom;
  const char *found;

  if (id == NULL || *id == '\0')
    return g_strdup ("");

  entry = iap_catalog_lookup (iap_workshop_get_catalog (x->theirs), kind, id);
  if (entry == NULL || !iap_catalog_entry_get_custom (entry))
    return g_strdup (id);

  key = g_strconcat (kind, "\n", id, NULL);
  if ((found = g_hash_table_lookup (x->catalog, key)) != NULL)
    return g_strdup (found);

  wanted = iap_match_canonical_ref (x->theirs, kind, id);
  custom = iap_catalog_get_custom (iap_workshop_get_catalog (x->target));
  for (guint i = 0; i < g_list_model_get_n_items (custom) && found == NULL; i++)
    {
      g_autoptr(IapCatalogEntry) ours = g_list_model_get_item (custom, i);
      g_autofree char *have = NULL;

      if (!g_str_equal (iap_catalog_entry_get_kind (ours), kind))
        continue;
      have = iap_match_canonical_ref (x->target, kind, iap_catalog_entry_get_id (ours));
      if (g_str_equal (have, wanted))
        found = iap_catalog_entry_get_id (ours);
    }

  if (found == NULL)
    {
      IapCatalogEntry *added = iap_workshop_add_custom_entry (x->target, kind,
                                                               iap_catalog_entry_get_label (entry),
                                                               iap_catalog_entry_get_description (entry));

      if (g_str_equal (kind, IAP_CATALOG_FACTOR))
        iap_workshop_set (x->target, added, "polarity", iap_catalog_entry_get_polarity (entry), NULL);
      found = iap_catalog_entry_get_id (added);
    }

  g_hash_table_insert (x->catalog, g_steal_pointer (&key), g_strdup (found));

  return g_strdup (found);
}

/* Sets @property of @dest, as an edit when @dest is in the workshop. */
static void
put (IapMergeExec *x,
     GObject      *dest,
     const char   *property,
     const GValue *value,
     gboolean      edit)
{
  if (edit)
    iap_workshop_set_value (x->target, dest, property, value);
  else
    g_object_set_property (dest, property, value);
}

static void
put_string (IapMergeExec *x,
            GObject      *dest,
            const char   *property,
            const char   *text,
            gboolean      edit)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  put (x, dest, property, &value, edit);
}

void
_iap_merge_put_strv (IapMergeExec *x,
                     GObject      *dest,
                     const char   *property,
                     GPtrArray    *strv,
                     gboolean      edit)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_ptr_array_add (strv, NULL);
  g_value_set_boxed (&value, strv->pdata);
  g_ptr_array_set_size (strv, strv->len - 1);
  put (x, dest, property, &value, edit);
}

static void
put_level (IapMergeExec *x,
           GObject      *dest,
           const char   *property,
           guint         level,
           gboolean      edit)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, level);
  put (x, dest, property, &value, edit);
}

/* Their ids of @kind (a catalog kind, or NULL for risks) as ours */
static GPtrArray *
map_ids (IapMergeExec       *x,
         const char         *kind,
         const char * const *ids)
{
  GPtrArray *mapped = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *risk;

      if (kind != NULL)
        g_ptr_array_add (mapped, _iap_merge_map_ref (x, kind, ids[i]));
      else if ((risk = g_hash_table_lookup (x->risk_ids, ids[i])) != NULL)
        g_ptr_array_add (mapped, g_strdup (risk));
    }

  return mapped;
}

/* Gives @dest their value of @field, in our terms: their catalog entries
 * as ours, their risks as ours, their levels on our scales. */
void
_iap_merge_take_field (IapMergeExec          *x,
                       const IapCompareField *field,
                       GObject               *dest,
                       GObject               *theirs,
                       gboolean               edit)
{
  IapScales *from = iap_workshop_get_scales (x->theirs);
  IapScales *to = iap_workshop_get_scales (x->target);

  switch (field->type)
    {
    case IAP_VALUE_TEXT:
    case IAP_VALUE_DATE:
    case IAP_VALUE_CHOICE:
      for (guint p = 0; field->properties[p] != NULL; p++)
        {
          g_autofree char *text = NULL;

          g_object_get (theirs, field->properties[p], &text, NULL);
          put_string (x, dest, field->properties[p], text, edit);
        }
      break;

    case IAP_VALUE_REF:
      {
        g_autofree char *id = NULL;
        g_autofree char *ours = NULL;

        g_object_get (theirs, field->properties[0], &id, NULL);
        ours = _iap_merge_map_ref (x, field->kind, id);
        put_string (x, dest, field->properties[0], ours, edit);
      }
      break;

    case IAP_VALUE_REFS:
    case IAP_VALUE_RISKS:
      {
        g_auto(GStrv) ids = NULL;
        g_autoptr(GPtrArray) ours = NULL;

        g_object_get (theirs, field->properties[0], &ids, NULL);
        ours = map_ids (x, field->type == IAP_VALUE_REFS ? field->kind : NULL, (const char * const *)ids);
        _iap_merge_put_strv (x, dest, field->properties[0], ours, edit);
      }
      break;

    case IAP_VALUE_RATING:
      {
        guint l = 0, i = 0;

        g_object_get (theirs, field->properties[0], &l, field->properties[1], &i, NULL);
        if (l > 0 && i > 0)
          {
            l = iap_workshop_remap_level (l, iap_scales_get_n_likelihood (from), iap_scales_get_n_likelihood (to));
            i = iap_workshop_remap_level (i, iap_scales_get_n_impact (from), iap_scales_get_n_impact (to));
          }
        put_level (x, dest, field->properties[0], l, edit);
        put_level (x, dest, field->properties[1], i, edit);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Adds to @dest's links of @field the ones of @theirs it lacks. */
gboolean
_iap_merge_join_links (IapMergeExec          *x,
                       const IapCompareField *field,
                       GObject               *dest,
                       GObject               *theirs)
{
  g_auto(GStrv) ours = NULL;
  g_auto(GStrv) their_ids = NULL;
  g_autoptr(GPtrArray) mapped = NULL;
  g_autoptr(GPtrArray) joined = g_ptr_array_new_with_free_func (g_free);

  g_object_get (dest, field->properties[0], &ours, NULL);
  g_object_get (theirs, field->properties[0], &their_ids, NULL);
  mapped = map_ids (x, field->type == IAP_VALUE_REFS ? field->kind : NULL, (const char * const *)their_ids);

  for (guint i = 0; ours != NULL && ours[i] != NULL; i++)
    g_ptr_array_add (joined, g_strdup (ours[i]));
  for (guint i = 0; i < mapped->len; i++)
    if (!g_strv_contains ((const char * const *)ours, mapped->pdata[i]) &&
        !g_ptr_array_find_with_equal_func (joined, mapped->pdata[i], g_str_equal, NULL))
      g_ptr_array_add (joined, g_strdup (mapped->pdata[i]));

  if (joined->len == (ours != NULL ? g_strv_length (ours) : 0))
    return FALSE;

  _iap_merge_put_strv (x, dest, field->properties[0], joined, TRUE);

  return TRUE;
}
