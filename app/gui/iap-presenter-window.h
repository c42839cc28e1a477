/* iap-presenter-window.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_PRESENTER_WINDOW (iap_presenter_window_get_type ())

G_DECLARE_FINAL_TYPE (IapPresenterWindow, iap_presenter_window, IAP, PRESENTER_WINDOW, GtkWindow)

IapPresenterWindow *iap_presenter_window_new           (void);
void                iap_presenter_window_show_progress (IapPresenterWindow *self,
                                                        IapRound           *round,
                                                        guint               scored,
                                                        guint               total);
void                iap_presenter_window_show_risk     (IapPresenterWindow *self,
                                                        IapWorkshop        *workshop,
                                                        IapRound           *round,
                                                        IapRisk            *risk);
void                iap_presenter_window_show_factors  (IapPresenterWindow *self,
                                                        IapWorkshop        *workshop,
                                                        IapRound           *round);
void                iap_presenter_window_show_voting   (IapPresenterWindow *self,
                                                        const char         *url);

G_END_DECLS
