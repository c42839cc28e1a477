/* iap-cli-compare.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "iap-cli.h"

G_BEGIN_DECLS

int iap_cli_diff  (IapCliArgs *args);
int iap_cli_merge (IapCliArgs *args);

G_END_DECLS
