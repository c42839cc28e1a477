/* iap-catalog.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-catalog-entry.h"

G_BEGIN_DECLS

#define IAP_TYPE_CATALOG (iap_catalog_get_type ())

G_DECLARE_FINAL_TYPE (IapCatalog, iap_catalog, IAP, CATALOG, GObject)

/* Catalog kinds, as workshop files and the catalog resource name them. */
#define IAP_CATALOG_MISSION_TYPE "mission-type"
#define IAP_CATALOG_PHASE        "phase"
#define IAP_CATALOG_PILLAR       "pillar"
#define IAP_CATALOG_OPTION       "option"
#define IAP_CATALOG_INDICATOR    "indicator"
#define IAP_CATALOG_ARRANGEMENT  "arrangement"
#define IAP_CATALOG_AREA         "area"
#define IAP_CATALOG_FACTOR       "factor"
#define IAP_CATALOG_MEASURE      "measure"
#define IAP_CATALOG_REQUIREMENT  "requirement"
#define IAP_CATALOG_INTEGRATION_AREA "integration-area"
#define IAP_CATALOG_DEPTH        "depth"
#define IAP_CATALOG_CONSEQUENCE  "consequence"

IapCatalog         *iap_catalog_get_default        (void);
IapCatalog         *iap_catalog_new                (void);
IapCatalog         *iap_catalog_new_from_bytes     (GBytes      *bytes,
                                                    GError     **error);
const char * const *iap_catalog_get_kinds          (void);
gboolean            iap_catalog_kind_allows_custom (const char  *kind);
GListModel         *iap_catalog_get_entries        (IapCatalog  *self,
                                                    const char  *kind);
GListModel         *iap_catalog_get_custom         (IapCatalog  *self);
IapCatalogEntry    *iap_catalog_lookup             (IapCatalog  *self,
                                                    const char  *kind,
                                                    const char  *id);
const char         *iap_catalog_get_label          (IapCatalog  *self,
                                                    const char  *kind,
                                                    const char  *id);
GListStore         *iap_catalog_dup_default_levels (IapCatalog  *self,
                                                    const char  *scale);

G_END_DECLS
