/* iap-csv.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CSV as spreadsheets write it, read and written. RFC 4180 is the base:
 * fields separated by commas, quoted with double quotes when they hold a
 * separator, a quote or a line break, a quote inside doubled. What the
 * spreadsheets add, and what this file accepts:
 *
 * - a byte order mark: Excel's "CSV UTF-8" starts with one, and needs it
 *   to read the file as UTF-8 rather than in the Windows code page;
 * - the separator of the locale: where the decimal separator is a comma
 *   (French, among others), LibreOffice and Excel separate fields with a
 *   semicolon; Excel's "Unicode text" uses tabs. The reader finds which
 *   from the file, outside quotes;
 * - CRLF, LF or CR alone at the ends of lines;
 * - Excel's "CSV (comma delimited)" in the Windows code page (1252), and
 *   its "Unicode text" in UTF-16 with a byte order mark: converted.
 *
 * The writer writes UTF-8 with the byte order mark and CRLF, with the
 * separator asked for (iap_csv_locale_separator() gives the one the
 * spreadsheets of the user's locale expect).
 */

#define G_LOG_DOMAIN "iap-csv"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "iap-csv.h"

/* Far larger than any ballot or register, small enough to refuse a
 * file that is not one before it fills the memory */
#define MAX_SIZE (64 * 1024 * 1024)

struct _IapCsv
{
  GPtrArray *rows;              /* GStrv per row */
  GArray *lines;                /* guint: the line each row starts on */
  char separator;
  const char *encoding;
};

struct _IapCsvWriter
{
  GString *text;
  char separator;
  gboolean row_started;
};

G_DEFINE_QUARK (iap-csv-error-quark, iap_csv_error)

/* The text as UTF-8, whatever the spreadsheet saved it in */
static char *
to_utf8 (const char   *data,
         gsize         length,
         const char  **encoding,
         GError      **error)
{
  const guchar *bytes = (const guchar *) data;
  const char *from = NULL;
  gsize skip = 0;
  gsize written = 0;
  char *text;

  if (length >= 3 && bytes[0] == 0xef && bytes[1] == 0xbb && bytes[2] == 0xbf)
    skip = 3, *encoding = "UTF-8";
  else if (length >= 2 && bytes[0] == 0xff && bytes[1] == 0xfe)
    skip = 2, from = "UTF-16LE";
  else if (length >= 2 && bytes[0] == 0xfe && bytes[1] == 0xff)
    skip = 2, from = "UTF-16BE";
  else if (g_utf8_validate_len (data, length, NULL))
    *encoding = "UTF-8";
  else
    from = "WINDOWS-1252";

  if (from == NULL)
    {
      const char *end;

      if (!g_utf8_validate_len (data + skip, length - skip, &end))
        {
          guint line = 1;

          for (const char *c = data + skip; c < end; c++)
            line += *c == '\n' || (*c == '\r' && c + 1 < end && c[1] != '\n');
          g_set_error (error, IAP_CSV_ERROR, IAP_CSV_ERROR_ENCODING,
                       _("Line %u: the file says it is UTF-8 but is not: save it again as “CSV UTF-8”."),
                       line);
          return NULL;
        }
      return g_strndup (data + skip, length - skip);
    }

  *encoding = from;
  text = g_convert (data + skip, length - skip, "UTF-8", from, NULL, &written, NULL);
  /* A null byte is no text in any of them: a binary file */
  if (text != NULL && strlen (text) != written)
    g_clear_pointer (&text, g_free);
  if (text == NULL)
    g_set_error (error, IAP_CSV_ERROR, IAP_CSV_ERROR_ENCODING,
                 _("The file could not be read as text in %s: save it again as “CSV UTF-8”."), from);

  return text;
}

/* Comma, semicolon or tab: whichever comes most often outside quotes in
 * the first lines; a comma when none does. */
static char
find_separator (const char *text)
{
  const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  guint lines = 0;
  guint best = 0;

  for (const char *c = text; *c != '\0' && lines < 20; c++)
    {
      if (*c == '"')
        quoted = !quoted;
      else if (!quoted && (*c == '\n' || *c == '\r'))
        lines++;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          counts[i] += *c == candidates[i];
    }
  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;

  return candidates[best];
}

static void
end_field (GPtrArray *row,
           GString   *field)
{
  g_ptr_array_add (row, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
}

static void
end_row (IapCsv    *self,
         GPtrArray *row,
         guint      line)
{
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (self->rows, g_ptr_array_free (row, FALSE));
  g_array_append_val (self->lines, line);
}

static gboolean
split (IapCsv      *self,
       const char  *text,
       GError     **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted = FALSE;
  guint line = 1, row_line = 1;
  const char *c = text;

  while (*c != '\0')
    {
      if (quoted)
        {
          if (*c == '"' && c[1] == '"')
            g_string_append_c (field, '"'), c++;
          else if (*c == '"')
            quoted = FALSE;
          else
            {
              line += *c == '\n' || (*c == '\r' && c[1] != '\n');
              g_string_append_c (field, *c);
            }
        }
      else if (*c == '"' && field->len == 0)
        quoted = TRUE;
      else if (*c == self->separator)
        end_field (row, field);
      else if (*c == '\r' || *c == '\n')
        {
          if (*c == '\r' && c[1] == '\n')
            c++;
          end_field (row, field);
          end_row (self, row, row_line);
          row = g_ptr_array_new_with_free_func (g_free);
          row_line = ++line;
        }
      else
        /* A quote inside an unquoted field is taken as it is */
        g_string_append_c (field, *c);
      c++;
    }
  if (quoted)
    {
      g_ptr_array_free (row, TRUE);
      g_set_error (error, IAP_CSV_ERROR, IAP_CSV_ERROR_QUOTE,
                   _("Line %u: a quoted field is not closed before the end of the file."), row_line);
      return FALSE;
    }
  /* The last line, unless the file ended with its line break */
  if (row->len > 0 || field->len > 0)
    {
      end_field (row, field);
      end_row (self, row, row_line);
    }
  else
    g_ptr_array_free (row, TRUE);

  return TRUE;
}

/**
 * iap_csv_parse:
 * @separator: the field separator, or 0 to find it from the file
 *
 * Reads a CSV file as spreadsheets write it (see above).
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error
 *   set when the file is too large, not text, or has a quote not closed
 */
IapCsv *
iap_csv_parse (const char  *data,
               gsize        length,
               char         separator,
               GError     **error)
{
  g_autoptr(IapCsv) self = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > MAX_SIZE)
    {
      g_set_error (error, IAP_CSV_ERROR, IAP_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB: it is not a table this application wrote."),
                   MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if ((text = to_utf8 (data != NULL ? data : "", length, &encoding, error)) == NULL)
    return NULL;

  self = g_new0 (IapCsv, 1);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->separator = separator != 0 ? separator : find_separator (text);
  self->encoding = encoding;
  if (!split (self, text, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
iap_csv_free (IapCsv *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_array_unref (self->lines);
  g_free (self);
}

guint
iap_csv_get_n_rows (IapCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
iap_csv_get_n_fields (IapCsv *self,
                      guint   row)
{
  g_return_val_if_fail (self != NULL, 0);

  return row < self->rows->len ? g_strv_length (g_ptr_array_index (self->rows, row)) : 0;
}

/**
 * iap_csv_get_field:
 *
 * Returns: (nullable): the text of @field in @row, or %NULL past the end
 *   of the row: a spreadsheet leaves out the empty fields at the end
 */
const char *
iap_csv_get_field (IapCsv *self,
                   guint   row,
                   guint   field)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (field >= iap_csv_get_n_fields (self, row))
    return NULL;

  return ((char **) g_ptr_array_index (self->rows, row))[field];
}

/* Returns: the line of the file @row starts on, from 1, as a
 * spreadsheet numbers it (quoted line breaks count) */
guint
iap_csv_get_line (IapCsv *self,
                  guint   row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->lines->len, 0);

  return g_array_index (self->lines, guint, row);
}

/* Returns: whether every field of @row is empty or spaces: a spreadsheet
 * writes a blank row as separators alone */
gboolean
iap_csv_row_is_blank (IapCsv *self,
                      guint   row)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < iap_csv_get_n_fields (self, row); i++)
    {
      const char *text = iap_csv_get_field (self, row, i);

      for (const char *c = text; *c != '\0'; c++)
        if (!g_ascii_isspace (*c))
          return FALSE;
    }

  return TRUE;
}

char
iap_csv_get_separator (IapCsv *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

/* Returns: what the file was written in: UTF-8, UTF-16LE, UTF-16BE or
 * WINDOWS-1252 */
const char *
iap_csv_get_encoding (IapCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

/**
 * iap_csv_locale_separator:
 *
 * Returns: the separator the spreadsheets of the user's locale read
 *   without asking: a semicolon where numbers are written with a
 *   decimal comma, a comma elsewhere
 */
char
iap_csv_locale_separator (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && g_str_equal (point, ",") ? ';' : ',';
}

IapCsvWriter *
iap_csv_writer_new (char separator)
{
  IapCsvWriter *self = g_new0 (IapCsvWriter, 1);

  g_return_val_if_fail (separator == ',' || separator == ';' || separator == '\t', NULL);

  self->separator = separator;
  self->text = g_string_new ("\xef\xbb\xbf");

  return self;
}

static void
add_field (IapCsvWriter *self,
           const char   *field,
           gboolean      quote)
{
  if (self->row_started)
    g_string_append_c (self->text, self->separator);
  self->row_started = TRUE;
  if (field == NULL || *field == '\0')
    return;

  /* Quoted also when it starts with a space, which spreadsheets trim */
  quote = quote || strchr (field, self->separator) != NULL || strpbrk (field, "\"\r\n") != NULL ||
          g_ascii_isspace (field[0]) || g_ascii_isspace (field[strlen (field) - 1]);
  if (!quote)
    {
      g_string_append (self->text, field);
      return;
    }

  g_string_append_c (self->text, '"');
  for (const char *c = field; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (self->text, '"');
      g_string_append_c (self->text, *c);
    }
  g_string_append_c (self->text, '"');
}

void
iap_csv_writer_add (IapCsvWriter *self,
                    const char   *field)
{
  g_return_if_fail (self != NULL);

  add_field (self, field, FALSE);
}

/**
 * iap_csv_writer_add_text:
 * @field: (nullable): text a person wrote
 *
 * Adds a field that is text, whatever it looks like. A spreadsheet
 * opening a CSV file runs a field that starts with =, +, - or @ (or a tab
 * or a carriage return before one) as a formula, which a hostile text can
 * use to run commands or send data away ("CSV injection"): such a field
 * is written quoted with an apostrophe before it, which spreadsheets show
 * as text. Importing a risk list takes the apostrophe off again.
 */
void
iap_csv_writer_add_text (IapCsvWriter *self,
                         const char   *field)
{
  g_autofree char *guarded = NULL;

  g_return_if_fail (self != NULL);

  if (field == NULL || field[0] == '\0' || strchr ("=+-@\t\r", field[0]) == NULL)
    {
      add_field (self, field, FALSE);
      return;
    }
  guarded = g_strconcat ("'", field, NULL);
  add_field (self, guarded, TRUE);
}

void
iap_csv_writer_add_printf (IapCsvWriter *self,
                           const char   *format,
                           ...)
{
  g_autofree char *field = NULL;
  va_list args;

  va_start (args, format);
  field = g_strdup_vprintf (format, args);
  va_end (args);
  iap_csv_writer_add (self, field);
}

void
iap_csv_writer_end_row (IapCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  g_string_append (self->text, "\r\n");
  self->row_started = FALSE;
}

void
iap_csv_writer_add_row (IapCsvWriter *self,
                        const char   *first,
                        ...)
{
  va_list args;

  va_start (args, first);
  for (const char *field = first; field != NULL; field = va_arg (args, const char *))
    iap_csv_writer_add (self, field);
  va_end (args);
  iap_csv_writer_end_row (self);
}

GBytes *
iap_csv_writer_free_to_bytes (IapCsvWriter *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = self->text;
  g_free (self);

  return g_string_free_to_bytes (text);
}

void
iap_csv_writer_free (IapCsvWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_free (self);
}
