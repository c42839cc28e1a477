/* iap-spreadsheet.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-ods.h"
#include "iap-sheet.h"
#include "iap-table.h"

G_BEGIN_DECLS

#define IAP_SPREADSHEET_ERROR (iap_spreadsheet_error_quark ())

typedef enum
{
  IAP_SPREADSHEET_ERROR_FORMAT,
  IAP_SPREADSHEET_ERROR_READ,
  IAP_SPREADSHEET_ERROR_WRITE,
} IapSpreadsheetError;

typedef enum
{
  IAP_SPREADSHEET_CSV,
  IAP_SPREADSHEET_ODS,
} IapSpreadsheetFormat;

GQuark    iap_spreadsheet_error_quark       (void);
gboolean  iap_spreadsheet_format_from_name  (const char              *name,
                                             IapSpreadsheetFormat    *format);
GBytes   *iap_spreadsheet_write             (IapTable * const        *tables,
                                             guint                    n_tables,
                                             IapSpreadsheetFormat     format,
                                             const IapOdsBandColors  *colors);
gboolean  iap_spreadsheet_save              (IapTable * const        *tables,
                                             guint                    n_tables,
                                             GFile                   *file,
                                             const IapOdsBandColors  *colors,
                                             GError                 **error);
IapSheet *iap_spreadsheet_read              (GBytes                  *bytes,
                                             GError                 **error);
IapSheet *iap_spreadsheet_load              (GFile                   *file,
                                             GError                 **error);

G_END_DECLS
