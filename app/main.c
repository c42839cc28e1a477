/* main.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "iap-cli.h"
#include "iap-main-private.h"

/*
 * `iap-workshop` is the command line, which never loads GTK: a command
 * such as `validate` starts in a few milliseconds and needs no display.
 * Anything else starts the window, iap-workshop-gui in the same process,
 * with the same arguments.
 */

/* The window's executable: beside this one in a build folder, in
 * LIBEXECDIR once installed. */
static char *
find_interface (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : NULL;
  g_autofree char *beside = dir != NULL ? g_build_filename (dir, "iap-workshop-gui", NULL) : NULL;

  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&beside);

  return g_build_filename (LIBEXECDIR, "iap-workshop-gui", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *interface = NULL;

  iap_main_setup_i18n ();

  /* The commands, --help and --version never touch GTK, so they work
   * without a display. */
  if (iap_cli_handles (argc, argv))
    return iap_cli_run (argc, argv);

  /* The same process, so the window counts its start-up from this one's */
  interface = find_interface ();
  execv (interface, argv);

  g_printerr (_("%s: cannot start the window (%s): %s\n"), g_get_prgname () ?: "iap-workshop", interface,
              g_strerror (errno));

  return 1;
}
