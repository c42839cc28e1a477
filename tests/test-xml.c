/* test-xml.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "iap-xml.h"

static void
test_xml_well_formed (void)
{
  static const char text[] = "<?xml version=\"1.0\"?>\n<a xmlns=\"urn:x\"><b c=\"1\"/></a>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  doc = iap_xml_read_memory (text, strlen (text), "good.xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *)xmlDocGetRootElement (doc)->name, ==, "a");
}

static void
assert_refused (const char *text,
                int         code,
                const char *expected_prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  doc = iap_xml_read_memory (text, strlen (text), "bad.xml", &error);
  g_assert_null (doc);
  g_assert_error (error, IAP_XML_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, expected_prefix));
}

static void
test_xml_malformed (void)
{
  assert_refused ("", IAP_XML_ERROR_MALFORMED, "bad.xml:1: ");
  assert_refused ("<a>\n<b>\n</a>\n", IAP_XML_ERROR_MALFORMED, "bad.xml:3: ");
  assert_refused ("<a>\n\n<b>", IAP_XML_ERROR_MALFORMED, "bad.xml:3: ");
  assert_refused ("\x89PNG\r\n\x1a\n", IAP_XML_ERROR_MALFORMED, "bad.xml:1: ");
}

static void
test_xml_no_entities (void)
{
  /* An external entity would disclose a local file; the document type
   * declaration that carries it is refused outright. */
  assert_refused ("<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE a [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
                  "<a>&x;</a>\n",
                  IAP_XML_ERROR_FORBIDDEN, "bad.xml:2: ");
  assert_refused ("<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE a [ <!ENTITY a \"aaaaaaaaaa\"> <!ENTITY b \"&a;&a;&a;&a;&a;\"> ]>\n"
                  "<a>&b;</a>\n",
                  IAP_XML_ERROR_FORBIDDEN, "bad.xml:2: ");
}

static void
test_xml_not_regular (void)
{
  g_autoptr(GFile) dir = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  doc = iap_xml_read_file (dir, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, IAP_XML_ERROR, IAP_XML_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  doc = iap_xml_read_file (zero, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, IAP_XML_ERROR, IAP_XML_ERROR_NOT_REGULAR);
}

static void
test_xml_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("test-xml-XXXXXX.xml", &path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "<a>\n<b/>\n</a>\n", -1, &error));
  g_assert_no_error (error);
  close (fd);

  file = g_file_new_for_path (path);
  doc = iap_xml_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml/well-formed", test_xml_well_formed);
  g_test_add_func ("/xml/malformed", test_xml_malformed);
  g_test_add_func ("/xml/no-entities", test_xml_no_entities);
  g_test_add_func ("/xml/not-regular", test_xml_not_regular);
  g_test_add_func ("/xml/file", test_xml_file);

  return g_test_run ();
}
