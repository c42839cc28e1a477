/* fuzz-workshop.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "iap-workshop-file.h"

/*
 * libFuzzer target for the workshop loader: any bytes either load or are
 * refused with a “FILE:LINE: reason” message, never crash, leak or warn.
 * What loads must also save, and load again to the same bytes: a file
 * that opens but cannot be saved and reopened is a lost workshop.
 */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A warning or critical means a value got past the reader's checks. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);

  return 0;
}

static void
check_round_trip (IapWorkshop *workshop)
{
  g_autoptr(GBytes) saved = iap_workshop_to_bytes (workshop);
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(IapWorkshop) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  reloaded = iap_workshop_load_bytes (saved, "saved.iapw", &error);
  if (reloaded == NULL)
    g_error ("A workshop that loaded saves to a file that does not: %s", error->message);

  saved_again = iap_workshop_to_bytes (reloaded);
  if (!g_bytes_equal (saved, saved_again))
    g_error ("Saving a reloaded workshop gives other bytes");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(IapWorkshop) workshop = NULL;

  workshop = iap_workshop_load_bytes (bytes, "fuzz.iapw", &error);
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
