/* iap-cli-decision.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "iap-options-analysis.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

void iap_cli_add_option_decision (JsonBuilder           *builder,
                                  IapWorkshop           *workshop,
                                  const IapOptionResult *result);
void iap_cli_add_decision        (JsonBuilder           *builder,
                                  IapWorkshop           *workshop);
void iap_cli_print_decision      (IapWorkshop           *workshop);

G_END_DECLS
