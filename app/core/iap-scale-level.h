/* iap-scale-level.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_SCALE_LEVEL (iap_scale_level_get_type ())

G_DECLARE_FINAL_TYPE (IapScaleLevel, iap_scale_level, IAP, SCALE_LEVEL, GObject)

IapScaleLevel *iap_scale_level_new            (void);
const char    *iap_scale_level_get_label      (IapScaleLevel  *self);
const char    *iap_scale_level_get_definition (IapScaleLevel  *self);
gboolean       iap_scale_level_get_is_default (IapScaleLevel  *self);

G_END_DECLS
