/* iap-merge-window.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_MERGE_WINDOW (iap_merge_window_get_type ())

G_DECLARE_FINAL_TYPE (IapMergeWindow, iap_merge_window, IAP, MERGE_WINDOW, AdwWindow)

IapMergeWindow *iap_merge_window_new      (GtkWindow      *parent,
                                           IapWorkshop    *workshop);
void            iap_merge_window_add_file (IapMergeWindow *self,
                                           GFile          *file);

G_END_DECLS
