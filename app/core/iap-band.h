/* iap-band.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Risk bands, lowest first. The order is meaningful: a band is "above"
 * another when its value is greater. */
typedef enum
{
  IAP_BAND_LOW,
  IAP_BAND_MEDIUM,
  IAP_BAND_HIGH,
  IAP_BAND_CRITICAL,
} IapBand;

#define IAP_N_BANDS 4

#define IAP_SCALE_MIN_LEVELS 3
#define IAP_SCALE_MAX_LEVELS 6

const char *iap_band_to_id            (IapBand     band);
gboolean    iap_band_from_id          (const char *id,
                                       IapBand    *band);
const char *iap_band_get_label        (IapBand     band);
IapBand     iap_band_default_for_cell (guint       n_likelihood,
                                       guint       n_impact,
                                       guint       likelihood,
                                       guint       impact);

G_END_DECLS
