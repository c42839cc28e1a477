/* test-csv.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "iap-csv.h"

/* CSV as LibreOffice and Excel write it, in English and French locales. */

static IapCsv *
parse (const char *text,
       gsize       length)
{
  g_autoptr(GError) error = NULL;
  IapCsv *csv = iap_csv_parse (text, length != 0 ? length : strlen (text), 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);

  return csv;
}

static void
assert_row (IapCsv             *csv,
            guint               row,
            const char * const *fields)
{
  guint n = g_strv_length ((char **) fields);

  g_assert_cmpuint (iap_csv_get_n_fields (csv, row), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (iap_csv_get_field (csv, row, i), ==, fields[i]);
}

static void
test_quotes (void)
{
  g_autoptr(IapCsv) csv = parse ("risk_id,risk,comment\n"
                                 "r1,\"Escorts, armed\",\"He said \"\"no\"\"\"\n"
                                 "r2,\"Two\nlines\",\n"
                                 "r3,plain \"inner\" quote,x\n", 0);

  g_assert_cmpint (iap_csv_get_separator (csv), ==, ',');
  g_assert_cmpuint (iap_csv_get_n_rows (csv), ==, 4);
  assert_row (csv, 1, (const char *[]) { "r1", "Escorts, armed", "He said \"no\"", NULL });
  assert_row (csv, 2, (const char *[]) { "r2", "Two\nlines", "", NULL });
  assert_row (csv, 3, (const char *[]) { "r3", "plain \"inner\" quote", "x", NULL });
  /* The row after a quoted line break starts a line further */
  g_assert_cmpuint (iap_csv_get_line (csv, 2), ==, 3);
  g_assert_cmpuint (iap_csv_get_line (csv, 3), ==, 5);
  g_assert_null (iap_csv_get_field (csv, 1, 3));
}

static void
test_bom_crlf (void)
{
  g_autoptr(IapCsv) csv = parse ("\xef\xbb\xbfiap-ballot,w-1,round1\r\nrisk_id,likelihood\r\nr1,4\r\n", 0);
  g_autoptr(IapCsv) mac = parse ("a,b\rc,d\r", 0);

  g_assert_cmpstr (iap_csv_get_encoding (csv), ==, "UTF-8");
  g_assert_cmpuint (iap_csv_get_n_rows (csv), ==, 3);
  assert_row (csv, 0, (const char *[]) { "iap-ballot", "w-1", "round1", NULL });
  assert_row (csv, 2, (const char *[]) { "r1", "4", NULL });
  g_assert_cmpuint (iap_csv_get_line (csv, 2), ==, 3);
  g_assert_cmpuint (iap_csv_get_n_rows (mac), ==, 2);
  assert_row (mac, 1, (const char *[]) { "c", "d", NULL });
}

/* LibreOffice in a French locale: semicolons, decimal commas, accents */
static void
test_semicolons (void)
{
  g_autoptr(IapCsv) csv = parse ("iap-ballot;w-1;round1;p1;K7Q2-M9XD\n"
                                 "risk_id;risk;likelihood;impact;comment\n"
                                 "r1;Escortes armées, convois;Probable;4;\"Vu; deux fois\"\n"
                                 ";;;;\n", 0);
  g_autoptr(IapCsv) tabs = parse ("a\tb,c\td\n1\t2,5\t3\n", 0);

  g_assert_cmpint (iap_csv_get_separator (csv), ==, ';');
  assert_row (csv, 2, (const char *[]) { "r1", "Escortes armées, convois", "Probable", "4", "Vu; deux fois", NULL });
  g_assert_true (iap_csv_row_is_blank (csv, 3));
  g_assert_false (iap_csv_row_is_blank (csv, 2));
  g_assert_cmpint (iap_csv_get_separator (tabs), ==, '\t');
  assert_row (tabs, 1, (const char *[]) { "1", "2,5", "3", NULL });
}

/* Excel's "CSV (comma delimited)" and "Unicode text" */
static void
test_encodings (void)
{
  const char cp1252[] = "risk,comment\nr1,caf\xe9 \x93quoted\x94\n";
  const guint8 utf16[] = { 0xff, 0xfe, 'a', 0, '\t', 0, 0xe9, 0, '\n', 0, '1', 0, '\t', 0, '2', 0 };
  g_autoptr(IapCsv) win = parse (cp1252, sizeof cp1252 - 1);
  g_autoptr(IapCsv) uni = parse ((const char *) utf16, sizeof utf16);
  g_autoptr(GError) error = NULL;
  g_autoptr(IapCsv) binary = NULL;
  g_autoptr(IapCsv) bad_bom = NULL;

  g_assert_cmpstr (iap_csv_get_encoding (win), ==, "WINDOWS-1252");
  assert_row (win, 1, (const char *[]) { "r1", "café “quoted”", NULL });
  g_assert_cmpstr (iap_csv_get_encoding (uni), ==, "UTF-16LE");
  assert_row (uni, 0, (const char *[]) { "a", "é", NULL });
  assert_row (uni, 1, (const char *[]) { "1", "2", NULL });

  binary = iap_csv_parse ("a,b\0c\n", 6, 0, &error);
  g_assert_null (binary);
  g_assert_error (error, IAP_CSV_ERROR, IAP_CSV_ERROR_ENCODING);
  g_clear_error (&error);
  bad_bom = iap_csv_parse ("\xef\xbb\xbf" "a,\xff\n", 7, 0, &error);
  g_assert_null (bad_bom);
  g_assert_error (error, IAP_CSV_ERROR, IAP_CSV_ERROR_ENCODING);
}

static void
test_junk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IapCsv) open_quote = iap_csv_parse ("a,b\nc,\"never closed\nd\n", 22, 0, &error);
  g_autoptr(IapCsv) empty = parse ("", 0);
  g_autoptr(IapCsv) one = NULL;

  g_assert_null (open_quote);
  g_assert_error (error, IAP_CSV_ERROR, IAP_CSV_ERROR_QUOTE);
  g_assert_nonnull (strstr (error->message, "2"));
  g_assert_cmpuint (iap_csv_get_n_rows (empty), ==, 0);
  /* No line break at the end */
  one = parse ("x,y", 0);
  assert_row (one, 0, (const char *[]) { "x", "y", NULL });
}

/* What the writer writes, the reader reads back the same. */
static void
test_round_trip (void)
{
  const char *fields[] = { "plain", "with, comma", "with; semicolon", "with \"quotes\"",
                           "two\r\nlines", " leading space", "", "é ü ß 中文", NULL };
  const char separators[] = { ',', ';', '\t' };

  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      g_autoptr(IapCsvWriter) writer = iap_csv_writer_new (separators[s]);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(IapCsv) csv = NULL;
      g_autoptr(GError) error = NULL;
      const char *data;
      gsize length;

      for (guint i = 0; fields[i] != NULL; i++)
        iap_csv_writer_add (writer, fields[i]);
      iap_csv_writer_end_row (writer);
      iap_csv_writer_add_row (writer, "a", "b", NULL);
      bytes = iap_csv_writer_free_to_bytes (g_steal_pointer (&writer));
      data = g_bytes_get_data (bytes, &length);
      g_assert_true (length > 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0);
      g_assert_true (memcmp (data + length - 2, "\r\n", 2) == 0);

      csv = iap_csv_parse (data, length, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (iap_csv_get_separator (csv), ==, separators[s]);
      g_assert_cmpuint (iap_csv_get_n_rows (csv), ==, 2);
      assert_row (csv, 0, fields);
      assert_row (csv, 1, (const char *[]) { "a", "b", NULL });
    }
}

/* A text a spreadsheet would run as a formula gets an apostrophe and
 * quotes; any other text, and a number written as one, does not. */
static void
test_formulas (void)
{
  const char *texts[] = { "=1+1", "+SUM(A1)", "-2", "@cmd", "\t=1", "plain", "a=b", "" };
  const char *expected = "\xef\xbb\xbf\"'=1+1\",\"'+SUM(A1)\",\"'-2\",\"'@cmd\",\"'\t=1\",plain,a=b,,-2\r\n";
  g_autoptr(IapCsvWriter) writer = iap_csv_writer_new (',');
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    iap_csv_writer_add_text (writer, texts[i]);
  iap_csv_writer_add (writer, "-2");
  iap_csv_writer_end_row (writer);
  bytes = iap_csv_writer_free_to_bytes (g_steal_pointer (&writer));

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected, strlen (expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/bom-crlf", test_bom_crlf);
  g_test_add_func ("/csv/semicolons", test_semicolons);
  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/junk", test_junk);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/formulas", test_formulas);

  return g_test_run ();
}
