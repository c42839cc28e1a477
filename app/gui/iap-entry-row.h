/* iap-entry-row.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_ENTRY_ROW (iap_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (IapEntryRow, iap_entry_row, IAP, ENTRY_ROW, AdwEntryRow)

void      iap_entry_row_set_workshop (IapEntryRow *self,
                                      IapWorkshop *workshop);
gboolean  iap_entry_row_is_valid     (IapEntryRow *self);

G_END_DECLS
