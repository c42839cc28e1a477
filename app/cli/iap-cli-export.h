/* iap-cli-export.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "iap-cli.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

int          iap_cli_export        (IapCliArgs *args);
int          iap_cli_import_risks  (IapCliArgs *args);
IapWorkshop *iap_cli_load_workshop (const char *path);

G_END_DECLS
