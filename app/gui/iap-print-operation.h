/* iap-print-operation.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-report.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_PRINT_OPERATION (iap_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (IapPrintOperation, iap_print_operation, IAP, PRINT_OPERATION, GtkPrintOperation)

IapPrintOperation *iap_print_operation_new             (IapWorkshop       *workshop);
IapWorkshop       *iap_print_operation_get_workshop    (IapPrintOperation *self);
IapReport         *iap_print_operation_get_report      (IapPrintOperation *self);
void               iap_print_operation_present         (IapWorkshop       *workshop,
                                                        GtkWindow         *parent);
void               iap_print_operation_present_preview (IapWorkshop       *workshop,
                                                        GtkWindow         *parent);

G_END_DECLS
