/* iap-workshop-gui.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-application.h"
#include "iap-main-private.h"

/*
 * The window, which `iap-workshop` starts for anything that is not a
 * command of the command line (app/main.c).
 */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IapApplication) app = NULL;

  iap_main_setup_i18n ();

  app = iap_application_new ();
  iap_application_preload (app, argv);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
