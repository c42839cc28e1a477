/* iap-csv.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IAP_CSV_ERROR (iap_csv_error_quark ())

typedef enum
{
  IAP_CSV_ERROR_TOO_LARGE,
  IAP_CSV_ERROR_ENCODING,
  IAP_CSV_ERROR_QUOTE,
} IapCsvError;

GQuark iap_csv_error_quark (void);

/* A table read from a CSV file: rows of fields, as text */
typedef struct _IapCsv IapCsv;

IapCsv             *iap_csv_parse             (const char  *data,
                                               gsize        length,
                                               char         separator,
                                               GError     **error);
void                iap_csv_free              (IapCsv      *self);
guint               iap_csv_get_n_rows        (IapCsv      *self);
guint               iap_csv_get_n_fields      (IapCsv      *self,
                                               guint        row);
const char         *iap_csv_get_field         (IapCsv      *self,
                                               guint        row,
                                               guint        field);
guint               iap_csv_get_line          (IapCsv      *self,
                                               guint        row);
gboolean            iap_csv_row_is_blank      (IapCsv      *self,
                                               guint        row);
char                iap_csv_get_separator     (IapCsv      *self);
const char         *iap_csv_get_encoding      (IapCsv      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapCsv, iap_csv_free)

/* Writing: UTF-8 with a byte order mark and CRLF line ends, fields
 * quoted when they need it, as spreadsheets expect */
typedef struct _IapCsvWriter IapCsvWriter;

char                iap_csv_locale_separator  (void);
IapCsvWriter       *iap_csv_writer_new        (char          separator);
void                iap_csv_writer_add        (IapCsvWriter *self,
                                               const char   *field);
void                iap_csv_writer_add_text   (IapCsvWriter *self,
                                               const char   *field);
void                iap_csv_writer_add_printf (IapCsvWriter *self,
                                               const char   *format,
                                               ...) G_GNUC_PRINTF (2, 3);
void                iap_csv_writer_end_row    (IapCsvWriter *self);
void                iap_csv_writer_add_row    (IapCsvWriter *self,
                                               const char   *first,
                                               ...) G_GNUC_NULL_TERMINATED;
GBytes             *iap_csv_writer_free_to_bytes (IapCsvWriter *self);
void                iap_csv_writer_free       (IapCsvWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapCsvWriter, iap_csv_writer_free)

G_END_DECLS
