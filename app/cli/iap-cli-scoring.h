/* iap-cli-scoring.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "iap-consensus.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

void iap_cli_add_pair    (JsonBuilder        *builder,
                          const char         *name,
                          guint               n,
                          guint               likelihood,
                          guint               impact);
void iap_cli_add_scoring (JsonBuilder        *builder,
                          IapWorkshop        *workshop,
                          IapRisk            *risk,
                          const IapRiskStats *stats);

G_END_DECLS
