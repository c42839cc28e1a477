/* test-text.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-text.h"

/* What counts as blank where a text is required (docs/file-format.md,
 * "What counts as text") */
static void
test_blank (void)
{
  static const char * const blank[] = {
    "", " ", "\t\n\r ", "\u00a0", "\u2007", "\u202f", "\u3000", "\u1680",
    "\u2000\u200a", "\u2028\u2029", "\u205f", "\xc2\x85",
    /* invisible format characters */
    "\u200b", "\u200e\u200f", "\ufeff", "\u2066\u2069", " \u00a0\u200b\u3000 ",
  };
  static const char * const text[] = {
    "x", " x ", "\u00a0.\u00a0", "\u0627", "\u3000\u4e00", "-", "0",
    /* a byte that is not UTF-8 is something, not nothing */
    "\xff",
  };

  g_assert_true (iap_text_is_blank (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    g_assert_true (iap_text_is_blank (blank[i]));
  for (guint i = 0; i < G_N_ELEMENTS (text); i++)
    g_assert_false (iap_text_is_blank (text[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/blank", test_blank);

  return g_test_run ();
}
