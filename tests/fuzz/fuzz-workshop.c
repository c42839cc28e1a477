/* fuzz-workshop.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "iap-tree-writer.h"
#include "iap-workshop-file.h"

/*
 * libFuzzer target for the workshop loader: any bytes either load or are
 * refused with a “FILE:LINE: reason” message, never crash, leak or warn.
 * What loads must also save, and load again to the same bytes: a file
 * that opens but cannot be saved and reopened is a lost workshop. The
 * bytes are read twice, from memory and streamed from a file, with the
 * same outcome; the writer gives the bytes of its reference.
 */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static GFile *fuzz_file;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = g_dir_make_tmp ("fuzz-workshop-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fuzz.iapw", NULL);

  g_assert_nonnull (dir);
  fuzz_file = g_file_new_for_path (path);

  /* A warning or critical means a value got past the reader's checks. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);

  return 0;
}

static void
check_round_trip (IapWorkshop *workshop)
{
  g_autoptr(GBytes) saved = iap_workshop_to_bytes (workshop);
  g_autoptr(GBytes) reference = iap_tree_writer_to_bytes (workshop);
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(IapWorkshop) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_bytes_equal (saved, reference))
    g_error ("The writer and its reference differ");

  reloaded = iap_workshop_load_bytes (saved, "saved.iapw", &error);
  if (reloaded == NULL)
    g_error ("A workshop that loaded saves to a file that does not: %s", error->message);

  saved_again = iap_workshop_to_bytes (reloaded);
  if (!g_bytes_equal (saved, saved_again))
    g_error ("Saving a reloaded workshop gives other bytes");
}

/* The same bytes read from a file give the same workshop, or the same
 * refusal. */
static void
check_file (GBytes      *bytes,
            IapWorkshop *workshop,
            GError      *error)
{
  g_autoptr(IapWorkshop) from_file = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autofree char *name = g_file_get_parse_name (fuzz_file);

  if (!g_file_replace_contents (fuzz_file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &file_error))
    g_error ("%s", file_error->message);

  from_file = iap_workshop_load (fuzz_file, NULL, &file_error);
  if ((workshop == NULL) != (from_file == NULL))
    g_error ("The bytes load from memory and not from a file, or the other way round");

  if (workshop == NULL)
    {
      g_assert_true (g_str_has_prefix (file_error->message, name));
      if (g_strcmp0 (file_error->message + strlen (name), error->message + strlen ("fuzz.iapw")) != 0)
        g_error ("Refused with other words from a file: %s", file_error->message);
    }
  else
    {
      g_autoptr(GBytes) saved = iap_workshop_to_bytes (workshop);
      g_autoptr(GBytes) saved_from_file = iap_workshop_to_bytes (from_file);

      if (!g_bytes_equal (saved, saved_from_file))
        g_error ("The bytes read from a file give another workshop");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(IapWorkshop) workshop = NULL;

  workshop = iap_workshop_load_bytes (bytes, "fuzz.iapw", &error);
  check_file (bytes, workshop, error);
  if (workshop == NULL)
    {
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, "fuzz.iapw:"))
        g_error ("A refusal does not say FILE:LINE: %s", error->message);
      if (!g_utf8_validate (error->message, -1, NULL))
        g_error ("A refusal is not UTF-8");
      return 0;
    }

  g_assert_null (error);
  check_round_trip (workshop);

  return 0;
}
