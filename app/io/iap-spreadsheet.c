/* iap-spreadsheet.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Tables written to, and sheets read from, the files of spreadsheets:
 * OpenDocument (.ods) and CSV, told apart by the name when writing and
 * by the content when reading. */

#define G_LOG_DOMAIN "iap-spreadsheet"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iap-csv.h"
#include "iap-spreadsheet.h"
#include "iap-zip.h"

/* Larger than any risk list, small enough to refuse what is not one
 * before it fills the memory */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

G_DEFINE_QUARK (iap-spreadsheet-error-quark, iap_spreadsheet_error)

/* Returns: whether @name ends in .ods or .csv, and which in @format */
gboolean
iap_spreadsheet_format_from_name (const char           *name,
                                  IapSpreadsheetFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".ods"))
    *format = IAP_SPREADSHEET_ODS;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = IAP_SPREADSHEET_CSV;
  else
    return FALSE;

  return TRUE;
}

/* One table: its header row, then its rows. A text that a spreadsheet
 * would run as a formula is written with an apostrophe before it
 * (iap_csv_writer_add_text(); importing a risk list takes it off);
 * numbers and dates are written as they are. */
static GBytes *
write_csv (IapTable *table)
{
  g_autoptr(IapCsvWriter) writer = iap_csv_writer_new (iap_csv_locale_separator ());
  guint n_columns = iap_table_get_n_columns (table);
  guint n_rows = iap_table_get_n_rows (table);

  for (guint column = 0; column < n_columns; column++)
    iap_csv_writer_add_text (writer, iap_table_get_column (table, column)->header);
  iap_csv_writer_end_row (writer);
  for (guint row = 0; row < n_rows; row++)
    {
      for (guint column = 0; column < n_columns; column++)
        {
          const char *text = iap_table_get_text (table, row, column);

          switch (iap_table_get_column (table, column)->type)
            {
            case IAP_CELL_NUMBER:
            case IAP_CELL_DATE:
              iap_csv_writer_add (writer, text);
              break;
            case IAP_CELL_TEXT:
            case IAP_CELL_BAND:
            default:
              iap_csv_writer_add_text (writer, text);
              break;
            }
        }
      iap_csv_writer_end_row (writer);
    }

  return iap_csv_writer_free_to_bytes (g_steal_pointer (&writer));
}

static IapSheet *
read_csv (const char  *data,
          gsize        size,
          GError     **error)
{
  g_autoptr(IapCsv) csv = iap_csv_parse (data, size, 0, error);
  IapSheet *sheet;
  guint n_rows;

  if (csv == NULL)
    return NULL;

  sheet = iap_sheet_new ();
  n_rows = iap_csv_get_n_rows (csv);
  for (guint row = 0; row < n_rows; row++)
    {
      guint n_fields = iap_csv_get_n_fields (csv, row);
      char **fields = g_new0 (char *, n_fields + 1);

      for (guint field = 0; field < n_fields; field++)
        fields[field] = g_strdup (iap_csv_get_field (csv, row, field));
      /* The row's number as a spreadsheet shows it: a line break inside
       * quotes does not start a new row */
      iap_sheet_take_row (sheet, row + 1, fields);
    }

  return sheet;
}

/**
 * iap_spreadsheet_write:
 * @tables: (array length=n_tables): the tables; CSV holds one
 * @colors: the colours of band cells (OpenDocument only)
 *
 * Returns: (transfer full): the file's content
 */
GBytes *
iap_spreadsheet_write (IapTable * const        *tables,
                       guint                    n_tables,
                       IapSpreadsheetFormat     format,
                       const IapOdsBandColors  *colors)
{
  g_return_val_if_fail (tables != NULL && n_tables > 0, NULL);
  g_return_val_if_fail (format == IAP_SPREADSHEET_ODS || n_tables == 1, NULL);

  if (format == IAP_SPREADSHEET_CSV)
    return write_csv (tables[0]);

  return iap_ods_write (tables, n_tables, colors);
}

/**
 * iap_spreadsheet_save:
 * @file: where to write; its name says the format
 *
 * Writes @tables as a spreadsheet, replacing @file only once it is
 * complete.
 */
gboolean
iap_spreadsheet_save (IapTable * const        *tables,
                      guint                    n_tables,
                      GFile                   *file,
                      const IapOdsBandColors  *colors,
                      GError                 **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  IapSpreadsheetFormat format;
  gsize size;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  if (!iap_spreadsheet_format_from_name (name, &format))
    {
      g_set_error (error, IAP_SPREADSHEET_ERROR, IAP_SPREADSHEET_ERROR_FORMAT,
                   _("“%s” is not a spreadsheet name: end it in .ods or .csv."), name);
      return FALSE;
    }
  if (format == IAP_SPREADSHEET_CSV && n_tables != 1)
    {
      g_set_error (error, IAP_SPREADSHEET_ERROR, IAP_SPREADSHEET_ERROR_FORMAT,
                   _("A CSV file holds one table: choose one, or save as .ods."));
      return FALSE;
    }

  bytes = iap_spreadsheet_write (tables, n_tables, format, colors);
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, IAP_SPREADSHEET_ERROR, IAP_SPREADSHEET_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * iap_spreadsheet_read:
 *
 * Reads the first sheet of an OpenDocument spreadsheet, or a CSV file
 * as spreadsheets write it.
 *
 * Returns: (transfer full) (nullable): the sheet
 */
IapSheet *
iap_spreadsheet_read (GBytes  *bytes,
                      GError **error)
{
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  /* An OpenDocument file is a zip archive; anything else is taken as CSV */
  if (size >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    return iap_ods_read_sheet (data, size, error);

  return read_csv (data, size, error);
}

/**
 * iap_spreadsheet_load:
 *
 * Returns: (transfer full) (nullable): the first sheet of @file, or
 *   %NULL with @error saying why not, in words for the user
 */
IapSheet *
iap_spreadsheet_load (GFile   *file,
                      GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  IapSheet *sheet;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    g_set_error_literal (&local_error, IAP_SPREADSHEET_ERROR, IAP_SPREADSHEET_ERROR_READ,
                         _("It is not a file."));
  else if (info != NULL && g_file_info_get_size (info) > MAX_FILE_SIZE)
    g_set_error (&local_error, IAP_SPREADSHEET_ERROR, IAP_SPREADSHEET_ERROR_READ,
                 _("It is larger than %d MB: it is not a risk list."), MAX_FILE_SIZE / (1024 * 1024));
  else if (info != NULL)
    g_file_load_contents (file, NULL, &data, &size, NULL, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, IAP_SPREADSHEET_ERROR, IAP_SPREADSHEET_ERROR_READ,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  sheet = iap_spreadsheet_read (bytes, &local_error);
  if (sheet == NULL)
    g_set_error (error, IAP_SPREADSHEET_ERROR, IAP_SPREADSHEET_ERROR_READ,
                 "%s: %s", display, local_error->message);

  return sheet;
}
