/* iap-cli.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean iap_cli_is_command (const char  *word);
int      iap_cli_run        (int          argc,
                             char       **argv);

G_END_DECLS
