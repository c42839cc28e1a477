/* iap-cli.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IapCliArgs IapCliArgs;

gboolean iap_cli_handles    (int          argc,
                             char       **argv);
gboolean iap_cli_is_command (const char  *word);
int      iap_cli_run        (int          argc,
                             char       **argv);

/* The commands, listed in iap-cli-commands.c */
int      iap_cli_help       (IapCliArgs  *args);
int      iap_cli_validate   (IapCliArgs  *args);
int      iap_cli_summary    (IapCliArgs  *args);
int      iap_cli_upgrade    (IapCliArgs  *args);
int      iap_cli_ballots    (IapCliArgs  *args);
int      iap_cli_collect    (IapCliArgs  *args);
int      iap_cli_serve      (IapCliArgs  *args);

G_END_DECLS
