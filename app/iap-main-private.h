/* iap-main-private.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gi18n.h>
#include <locale.h>

/* What both executables, the command line and the window, do first */
static inline void
iap_main_setup_i18n (void)
{
  /* Lets the test suite and `meson devenv` use the catalogs of an
   * uninstalled build. */
  const char *localedir = g_getenv ("IAP_WORKSHOP_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
