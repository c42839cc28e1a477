/* main.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "iap-application.h"
#include "iap-cli.h"

static void
setup_i18n (void)
{
  /* Lets the test suite and `meson devenv` use the catalogs of an
   * uninstalled build. */
  const char *localedir = g_getenv ("IAP_WORKSHOP_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IapApplication) app = NULL;

  setup_i18n ();

  /* The commands, --help and --version never touch GTK, so they work
   * without a display. */
  if (iap_cli_handles (argc, argv))
    return iap_cli_run (argc, argv);

  app = iap_application_new ();
  iap_application_preload (app, argv);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
