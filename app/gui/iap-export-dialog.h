/* iap-export-dialog.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_EXPORT_DIALOG (iap_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IapExportDialog, iap_export_dialog, IAP, EXPORT_DIALOG, AdwWindow)

IapExportDialog *iap_export_dialog_new      (IapWorkshop     *workshop,
                                             GtkWindow       *parent);
IapWorkshop     *iap_export_dialog_get_workshop (IapExportDialog *self);

G_END_DECLS
