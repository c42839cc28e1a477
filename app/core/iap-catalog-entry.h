/* iap-catalog-entry.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_CATALOG_ENTRY (iap_catalog_entry_get_type ())

G_DECLARE_FINAL_TYPE (IapCatalogEntry, iap_catalog_entry, IAP, CATALOG_ENTRY, GObject)

IapCatalogEntry *iap_catalog_entry_new             (const char       *kind,
                                                    const char       *id,
                                                    gboolean          custom);
const char      *iap_catalog_entry_get_kind        (IapCatalogEntry  *self);
const char      *iap_catalog_entry_get_id          (IapCatalogEntry  *self);
const char      *iap_catalog_entry_get_label       (IapCatalogEntry  *self);
const char      *iap_catalog_entry_get_description (IapCatalogEntry  *self);
const char      *iap_catalog_entry_get_polarity    (IapCatalogEntry  *self);
const char      *iap_catalog_entry_get_group       (IapCatalogEntry  *self);
const char * const *iap_catalog_entry_get_addresses (IapCatalogEntry  *self);
const char * const *iap_catalog_entry_get_arrangements (IapCatalogEntry  *self);
const char * const *iap_catalog_entry_get_options (IapCatalogEntry  *self);
const char      *iap_catalog_entry_get_depth       (IapCatalogEntry  *self);
const char      *iap_catalog_entry_get_source      (IapCatalogEntry  *self);
char            *iap_catalog_entry_dup_citation    (IapCatalogEntry  *self);
gboolean         iap_catalog_entry_get_custom      (IapCatalogEntry  *self);
const char      *iap_catalog_entry_get_untranslated_label
                                                   (IapCatalogEntry  *self);
const char      *iap_catalog_entry_get_untranslated_description
                                                   (IapCatalogEntry  *self);

G_END_DECLS
