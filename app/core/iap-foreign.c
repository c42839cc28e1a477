/* iap-foreign.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-foreign"

#include "config.h"

#include "iap-foreign.h"

static GQuark
slot_quark (const char *slot)
{
  g_autofree char *name = g_strconcat ("iap-foreign:", slot != NULL ? slot : "", NULL);

  return g_quark_from_string (name);
}

void
iap_foreign_append (gpointer    object,
                    const char *slot,
                    const char *xml)
{
  GQuark quark;
  GPtrArray *list;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (xml != NULL);

  quark = slot_quark (slot);
  list = g_object_get_qdata (object, quark);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (list, NULL);
      g_object_set_qdata_full (object, quark, list, (GDestroyNotify)g_ptr_array_unref);
    }

  /* Keeps the array NULL-terminated for iap_foreign_get(). */
  list->pdata[list->len - 1] = g_strdup (xml);
  g_ptr_array_add (list, NULL);
}

/**
 * iap_foreign_get:
 *
 * Returns: (nullable) (transfer none): the foreign elements, as XML,
 *   in the order they were found
 */
const char * const *
iap_foreign_get (gpointer    object,
                 const char *slot)
{
  GPtrArray *list;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  list = g_object_get_qdata (object, slot_quark (slot));

  return list != NULL ? (const char * const *)list->pdata : NULL;
}
