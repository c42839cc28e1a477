/* iap-import-window.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-risk-import.h"

G_BEGIN_DECLS

#define IAP_TYPE_IMPORT_WINDOW (iap_import_window_get_type ())

G_DECLARE_FINAL_TYPE (IapImportWindow, iap_import_window, IAP, IMPORT_WINDOW, AdwWindow)

IapImportWindow *iap_import_window_new (GtkWindow     *parent,
                                        IapRiskImport *import);

G_END_DECLS
