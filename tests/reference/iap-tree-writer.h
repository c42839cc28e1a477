/* iap-tree-writer.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "iap-workshop.h"

G_BEGIN_DECLS

GBytes *iap_tree_writer_to_bytes (IapWorkshop *workshop);

G_END_DECLS
