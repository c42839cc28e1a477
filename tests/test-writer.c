/* test-writer.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-tree-writer.h"
#include "iap-workshop-file.h"

/*
 *   test-writer FILE…
 *
 * Each FILE, written by the application, is loaded and written again:
 * the writer gives the bytes of the file, and those of its reference
 * (libxml2's serialiser of a tree, as the application wrote before).
 */

static void
test_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) reference = NULL;

  contents = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  workshop = iap_workshop_load (file, NULL, &error);
  g_assert_no_error (error);

  written = iap_workshop_to_bytes (workshop);
  reference = iap_tree_writer_to_bytes (workshop);
  g_assert_cmpuint (g_bytes_get_size (written), ==, g_bytes_get_size (reference));
  g_assert_true (g_bytes_equal (written, reference));
  g_assert_true (g_bytes_equal (written, contents));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *base = g_path_get_basename (argv[i]);
      g_autofree char *name = g_strconcat ("/writer/", base, NULL);

      g_test_add_data_func (name, argv[i], test_file);
    }

  return g_test_run ();
}
