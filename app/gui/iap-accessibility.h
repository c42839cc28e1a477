/* iap-accessibility.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void iap_accessibility_init       (void);
void iap_accessible_use_own_label (GtkWidget *widget);

G_END_DECLS
