/* iap-layout-check.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void iap_label_show_full_text     (GtkLabel  *label);
void iap_layout_check_init        (void);
gboolean iap_layout_check_enabled (void);
void iap_layout_check_set_smallest_font (GtkWidget *widget,
                                         double     font);

G_END_DECLS
