/* fuzz-catalog.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "iap-catalog.h"
#include "iap-scale-level.h"

/*
 * libFuzzer target for the catalog loader: the catalog resource is
 * trusted, but a damaged build or a translator's edit must fail with a
 * message, never crash or leak.
 */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

/* Walks what a workshop reads from its catalog. */
static void
use_catalog (IapCatalog *catalog)
{
  const char * const *kinds = iap_catalog_get_kinds ();

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      GListModel *entries = iap_catalog_get_entries (catalog, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);

          g_assert_true (iap_catalog_lookup (catalog, kinds[k], iap_catalog_entry_get_id (entry)) == entry);
        }
    }

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr(GListStore) levels = iap_catalog_dup_default_levels (catalog, s ? "impact" : "likelihood");

      g_assert_nonnull (levels);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(IapCatalog) catalog = iap_catalog_new_from_bytes (bytes, &error);

  if (catalog == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  g_assert_null (error);
  use_catalog (catalog);

  return 0;
}
