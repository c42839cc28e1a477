/* test-messages.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "iap-messages.h"

/* The application's translations read for a language other than the
 * process's, from the build's compiled catalogs */

static void
test_read (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autoptr(IapMessages) fr = NULL;
  g_autoptr(IapMessages) en = NULL;
  g_autoptr(IapMessages) de = NULL;
  g_autoptr(IapMessages) odd = NULL;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  fr = iap_messages_new ("fr-CA");
  en = iap_messages_new ("en");
  de = iap_messages_new ("xx");
  odd = iap_messages_new ("../../etc/passwd");

  /* The French catalog is read whatever the process's language */
  g_assert_cmpstr (iap_messages_get_language (fr), ==, "fr");
  g_assert_cmpstr (iap_messages_gettext (fr, "Likelihood"), ==, "Probabilité");
  g_assert_cmpstr (iap_messages_pgettext (fr, "catalog", "Almost certain"), ==, "Presque certain");
  g_assert_cmpstr (iap_messages_gettext (fr, "No message of this text"), ==, "No message of this text");
  g_assert_cmpstr (iap_messages_gettext (fr, ""), ==, "");

  /* English is the messages as written; a language without a catalog,
   * or a name that is a path, is English too */
  g_assert_cmpstr (iap_messages_get_language (en), ==, "en");
  g_assert_cmpstr (iap_messages_gettext (en, "Likelihood"), ==, "Likelihood");
  g_assert_cmpstr (iap_messages_get_language (de), ==, "en");
  g_assert_cmpstr (iap_messages_get_language (odd), ==, "en");

  /* A thread reads the catalog's words in its own language */
  iap_messages_set_thread_default (fr);
  g_assert_cmpstr (iap_messages_dpgettext ("catalog", "Almost certain"), ==, "Presque certain");
  iap_messages_set_thread_default (en);
  g_assert_cmpstr (iap_messages_dpgettext ("catalog", "Almost certain"), ==, "Almost certain");
  iap_messages_set_thread_default (NULL);
  g_assert_null (iap_messages_get_thread_default ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/messages/read", test_read);

  return g_test_run ();
}
