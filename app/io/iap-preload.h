/* iap-preload.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-workshop-file.h"

G_BEGIN_DECLS

typedef struct _IapPreload IapPreload;

IapPreload *iap_preload_start      (GFile                *file);
GFile      *iap_preload_get_file   (IapPreload           *self);
IapLoadProgress *
            iap_preload_get_progress (IapPreload         *self);
void        iap_preload_take_async (IapPreload           *self,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
void        iap_preload_drop       (IapPreload           *self);

G_END_DECLS
