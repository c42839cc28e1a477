/* iap-list-index.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Returns the key of an item of the list, newly allocated */
typedef char *(*IapListIndexKeyFunc) (gpointer item);

typedef struct _IapListIndex IapListIndex;

IapListIndex *iap_list_index_get    (GListModel          *list,
                                     const char          *name,
                                     IapListIndexKeyFunc  key_func);
IapListIndex *iap_list_index_get_for_id (GListModel *list);
gpointer      iap_list_index_lookup (IapListIndex        *self,
                                     const char          *key);
char         *iap_list_index_new_id (IapListIndex        *self,
                                     const char          *prefix);

G_END_DECLS
