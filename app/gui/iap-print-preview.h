/* iap-print-preview.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-print-operation.h"

G_BEGIN_DECLS

#define IAP_TYPE_PRINT_PREVIEW (iap_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (IapPrintPreview, iap_print_preview, IAP, PRINT_PREVIEW, GtkWindow)

IapPrintPreview *iap_print_preview_new (IapPrintOperation *operation,
                                        GtkPrintContext   *context,
                                        GtkWindow         *parent);

G_END_DECLS
