/* test-corpus.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "iap-workshop-file.h"
#include "iap-xml.h"

/*
 * Files a workshop reader meets in the wild: damaged, hostile or simply
 * not workshops. Each must be refused quickly with "FILE:LINE: reason".
 */


/* A bad file is refused within a second: a bound against hangs and
 * runaway parsing, not a benchmark. AddressSanitizer makes everything
 * several times slower. */
#ifdef __SANITIZE_ADDRESS__
#define REFUSAL_LIMIT (10 * G_USEC_PER_SEC)
#else
#define REFUSAL_LIMIT G_USEC_PER_SEC
#endif

static const struct {
  const char *file;
  int line;
  const char *reason;
} corpus[] = {
  { "empty.iapw", 1, "the file is empty" },
  { "truncated.iapw", 24, "Specification mandates value" },
  { "wrong-root.iapw", 2, "this is not an IAP Workshop file" },
  { "wrong-namespace.iapw", 2, "is not in the namespace" },
  { "entity-expansion.iapw", 2, "document type declarations are not allowed" },
  { "external-entity.iapw", 2, "document type declarations are not allowed" },
  { "xinclude.iapw", 6, "XInclude is not allowed" },
  { "bad-utf8.iapw", 25, "not UTF-8" },
  { "dangling-participant.iapw", 31, "participant “p9”" },
  { "dangling-risk.iapw", 31, "risk “r7”" },
  { "dangling-measure.iapw", 24, "unknown measure “hope-for-the-best”" },
  { "duplicate-id.iapw", 25, "the id “p1” is used twice" },
  { "out-of-range-rating.iapw", 24, "likelihood “4” is out of range" },
  { "future-version.iapw", 2, "written by a newer IAP Workshop (file format 2)" },
  { "misplaced-section.iapw", 28, "<participants> must come before <rounds>" },
  { "unknown-element.iapw", 25, "unexpected element <nmae>" },
  { "too-few-levels.iapw", 7, "the likelihood scale has 2 levels" },
  { "bad-enum.iapw", 7, "“maybe” is not a valid answer" },
  { "factor-without-polarity.iapw", 7, "the factor “x-factor-1” has no polarity" },
  /* Which byte, where, and how to save the file so that it opens */
  { "latin1.iapw", 4, "column 31: the byte 0xE9 is not UTF-8 text: the file was saved in another encoding, "
                      "such as Latin-1 or Windows-1252. Open it in a text editor, save it with the encoding UTF-8" },
};

static void
assert_refused_quickly (GFile      *file,
                        const char *name,
                        int         line,
                        const char *reason)
{
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  gint64 start = g_get_monotonic_time ();

  workshop = iap_workshop_load (file, NULL, &error);
  g_assert_null (workshop);
  g_assert_nonnull (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, REFUSAL_LIMIT);

  prefix = line > 0 ? g_strdup_printf ("%s:%d: ", name, line) : g_strdup_printf ("%s:", name);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, reason) == NULL)
    g_error ("Expected “%s…%s”, got “%s”", prefix, reason, error->message);
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_corpus (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", corpus[i].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *name = g_file_get_parse_name (file);

      g_test_message ("%s", corpus[i].file);
      assert_refused_quickly (file, name, corpus[i].line, corpus[i].reason);
    }
}

/* Writes a generated file and checks that it is refused. */
static void
assert_generated_refused (GBytes     *contents,
                          int         line,
                          const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  int fd = g_file_open_tmp ("test-corpus-XXXXXX.iapw", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  name = g_file_get_parse_name (file);
  assert_refused_quickly (file, name, line, reason);
  g_unlink (path);
}

static void
test_deep_nesting (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                "<workshop xmlns=\"https://iapworkshop.github.io/ns/workshop/1\" version=\"1.0\">");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<x:a xmlns:x=\"urn:x\">");

  bytes = g_string_free_to_bytes (text);
  assert_generated_refused (bytes, 2, "nested too deeply");
}

static void
test_huge_text (void)
{
  /* Within the file size limit, beyond what any field may hold. */
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                "<workshop xmlns=\"https://iapworkshop.github.io/ns/workshop/1\" version=\"1.0\">\n"
                                "<setup><title>");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 12 * 1024; i++)
    g_string_append_len (text, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 1024);
  g_string_append (text, "</title></setup>\n"
                         "<scales consensus-iqr=\"1\" consensus-agreement=\"80\" appetite=\"low\">"
                         "<likelihood><level/><level/><level/></likelihood>"
                         "<impact><level/><level/><level/></impact><bands>"
                         "<row likelihood=\"1\">low low low</row><row likelihood=\"2\">low low low</row>"
                         "<row likelihood=\"3\">low low low</row></bands></scales></workshop>\n");

  bytes = g_string_free_to_bytes (text);
  assert_generated_refused (bytes, 3, "too long");
}

static void
test_too_large (void)
{
  gsize size = IAP_XML_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;

  memset (data, ' ', size);
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  assert_generated_refused (bytes, 1, "larger than");
}

static void
test_binary (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  g_autoptr(GBytes) bytes = g_bytes_new_static (png, sizeof png);

  assert_generated_refused (bytes, 1, "");
}

static void
test_not_regular (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/workshop.iapw");
  g_autofree char *folder_name = g_file_get_parse_name (folder);

  assert_refused_quickly (folder, folder_name, 1, "not a regular file");
  assert_refused_quickly (zero, "/dev/zero", 1, "not a regular file");
  assert_refused_quickly (missing, "/nonexistent/workshop.iapw", 1, "does not exist");
}

static void
test_check_lists_all (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "misplaced-section.iapw", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = iap_workshop_check (file, "misplaced.iapw", NULL);

  g_assert_cmpuint (problems->len, ==, 3);
  for (guint i = 0; i < problems->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, i), "misplaced.iapw:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus/files", test_corpus);
  g_test_add_func ("/corpus/deep-nesting", test_deep_nesting);
  g_test_add_func ("/corpus/huge-text", test_huge_text);
  g_test_add_func ("/corpus/too-large", test_too_large);
  g_test_add_func ("/corpus/binary", test_binary);
  g_test_add_func ("/corpus/not-regular", test_not_regular);
  g_test_add_func ("/corpus/check-lists-all", test_check_lists_all);

  return g_test_run ();
}
