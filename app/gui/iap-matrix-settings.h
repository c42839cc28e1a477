/* iap-matrix-settings.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_MATRIX_SETTINGS (iap_matrix_settings_get_type ())

G_DECLARE_FINAL_TYPE (IapMatrixSettings, iap_matrix_settings, IAP, MATRIX_SETTINGS, AdwPreferencesWindow)

IapMatrixSettings *iap_matrix_settings_new (GtkWindow   *parent,
                                            IapWorkshop *workshop);

G_END_DECLS
