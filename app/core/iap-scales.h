/* iap-scales.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-band.h"
#include "iap-scale-level.h"

G_BEGIN_DECLS

#define IAP_TYPE_SCALES (iap_scales_get_type ())

G_DECLARE_FINAL_TYPE (IapScales, iap_scales, IAP, SCALES, GObject)

IapScales  *iap_scales_new_default            (void);
GListModel *iap_scales_get_likelihood         (IapScales *self);
GListModel *iap_scales_get_impact             (IapScales *self);
guint       iap_scales_get_n_likelihood       (IapScales *self);
guint       iap_scales_get_n_impact           (IapScales *self);
GVariant   *iap_scales_get_bands              (IapScales *self);
IapBand     iap_scales_get_band               (IapScales *self,
                                               guint      likelihood,
                                               guint      impact);
guint       iap_scales_get_consensus_iqr      (IapScales *self);
guint       iap_scales_get_consensus_agreement (IapScales *self);
IapBand     iap_scales_get_appetite           (IapScales *self);
GVariant   *iap_scales_build_default_bands    (guint      n_likelihood,
                                               guint      n_impact);
void        iap_scales_find_default_levels    (IapScales *self);
GVariant   *iap_scales_build_bands_with       (IapScales *self,
                                               guint      likelihood,
                                               guint      impact,
                                               IapBand    band);

G_END_DECLS
