/* iap-merge.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-conflict.h"
#include "iap-merge-source.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_MERGE_ERROR (iap_merge_error_quark ())

typedef enum
{
  IAP_MERGE_ERROR_UNRESOLVED,
  IAP_MERGE_ERROR_DONE,
} IapMergeError;

GQuark          iap_merge_error_quark       (void);

#define IAP_TYPE_MERGE (iap_merge_get_type ())

G_DECLARE_FINAL_TYPE (IapMerge, iap_merge, IAP, MERGE, GObject)

IapMerge       *iap_merge_new               (IapWorkshop    *workshop);
IapWorkshop    *iap_merge_get_workshop      (IapMerge       *self);
IapMergeSource *iap_merge_add_source        (IapMerge       *self,
                                             IapWorkshop    *other,
                                             const char     *name);
GListModel     *iap_merge_get_sources       (IapMerge       *self);
guint           iap_merge_get_n_conflicts   (IapMerge       *self);
guint           iap_merge_get_n_unresolved  (IapMerge       *self);
void            iap_merge_resolve_all       (IapMerge       *self,
                                             IapResolution   resolution);
char           *iap_merge_dup_unresolved    (IapMerge       *self);
gboolean        iap_merge_apply             (IapMerge       *self,
                                             GError        **error);
char           *iap_merge_source_name_for_file (GFile       *file);

G_END_DECLS
