/* iap-merge-source.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-change.h"
#include "iap-conflict.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_MERGE_SOURCE (iap_merge_source_get_type ())

G_DECLARE_FINAL_TYPE (IapMergeSource, iap_merge_source, IAP, MERGE_SOURCE, GObject)

const char  *iap_merge_source_get_name         (IapMergeSource *self);
IapWorkshop *iap_merge_source_get_workshop     (IapMergeSource *self);
GListModel  *iap_merge_source_get_additions    (IapMergeSource *self);
GListModel  *iap_merge_source_get_conflicts    (IapMergeSource *self);
guint        iap_merge_source_get_n_unresolved (IapMergeSource *self);
char        *iap_merge_source_dup_summary      (IapMergeSource *self);
char        *iap_merge_source_dup_left_out     (IapMergeSource *self);

G_END_DECLS
