/* iap-sheet.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A sheet read from a spreadsheet file (CSV or OpenDocument), as text:
 * rows of fields, each row with the number the spreadsheet shows it
 * under. */
typedef struct _IapSheet IapSheet;

IapSheet   *iap_sheet_new            (void);
void        iap_sheet_free           (IapSheet    *self);
void        iap_sheet_take_row       (IapSheet    *self,
                                      guint        number,
                                      char       **fields);
guint       iap_sheet_get_n_rows     (IapSheet    *self);
guint       iap_sheet_get_row_number (IapSheet    *self,
                                      guint        row);
guint       iap_sheet_get_n_fields   (IapSheet    *self,
                                      guint        row);
const char *iap_sheet_get_field      (IapSheet    *self,
                                      guint        row,
                                      guint        field);
gboolean    iap_sheet_row_is_blank   (IapSheet    *self,
                                      guint        row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapSheet, iap_sheet_free)

G_END_DECLS
