/* iap-property.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-property"

#include "config.h"

#include "iap-property.h"

gboolean
iap_set_string (char       **field,
                const char  *value)
{
  g_assert (field != NULL);

  if (value == NULL)
    value = "";

  if (*field != NULL && g_str_equal (*field, value))
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

gboolean
iap_set_uint (guint *field,
              guint  value)
{
  g_assert (field != NULL);

  if (*field == value)
    return FALSE;

  *field = value;

  return TRUE;
}

gboolean
iap_set_boolean (gboolean *field,
                 gboolean  value)
{
  g_assert (field != NULL);

  value = !!value;
  if (*field == value)
    return FALSE;

  *field = value;

  return TRUE;
}

gboolean
iap_set_strv (char               ***field,
              const char * const   *value)
{
  static const char * const empty[] = { NULL };

  g_assert (field != NULL);

  if (value == NULL)
    value = empty;

  if (*field != NULL && g_strv_equal ((const char * const *)*field, value))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **)value);

  return TRUE;
}

gboolean
iap_set_variant (GVariant **field,
                 GVariant  *value)
{
  g_assert (field != NULL);

  /* Keeps the previous value rather than storing NULL, so a getter never
   * returns NULL. */
  if (value == NULL)
    return FALSE;

  if (*field != NULL && g_variant_equal (*field, value))
    return FALSE;

  g_clear_pointer (field, g_variant_unref);
  *field = g_variant_ref_sink (value);

  return TRUE;
}
