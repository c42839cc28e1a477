/* iap-ods.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "iap-sheet.h"
#include "iap-table.h"

G_BEGIN_DECLS

/* The colours of band cells, 0xRRGGBB: the charts' palette */
typedef struct
{
  guint32 fill[IAP_N_BANDS];
  guint32 text[IAP_N_BANDS];
} IapOdsBandColors;

GBytes   *iap_ods_write      (IapTable * const        *tables,
                              guint                    n_tables,
                              const IapOdsBandColors  *colors);

IapSheet *iap_ods_read_sheet (const void              *data,
                              gsize                    length,
                              GError                 **error);

G_END_DECLS
