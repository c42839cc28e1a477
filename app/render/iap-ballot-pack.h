/* iap-ballot-pack.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "iap-ballot-sheet.h"

G_BEGIN_DECLS

/* A4 portrait, in points */
#define IAP_BALLOT_PACK_WIDTH  595.0
#define IAP_BALLOT_PACK_HEIGHT 842.0

GBytes *iap_ballot_pack_to_pdf (GPtrArray *sheets,
                                GError   **error);
guint   iap_ballot_pack_draw   (GPtrArray *sheets,
                                cairo_t   *cr);

G_END_DECLS
