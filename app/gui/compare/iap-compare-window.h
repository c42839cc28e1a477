/* iap-compare-window.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_COMPARE_WINDOW (iap_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (IapCompareWindow, iap_compare_window, IAP, COMPARE_WINDOW, AdwWindow)

IapCompareWindow *iap_compare_window_new          (GtkWindow        *parent,
                                                   IapWorkshop      *workshop);
void              iap_compare_window_compare_file (IapCompareWindow *self,
                                                   GFile            *file,
                                                   const char       *label);

G_END_DECLS
