/* iap-window.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-application.h"
#include "iap-drafts.h"
#include "iap-preload.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_WINDOW (iap_window_get_type ())

G_DECLARE_FINAL_TYPE (IapWindow, iap_window, IAP, WINDOW, AdwApplicationWindow)

IapWindow  *iap_window_new           (IapApplication *application);
void         iap_window_open          (IapWindow      *self,
                                       GFile          *file);
void         iap_window_open_preloaded (IapWindow     *self,
                                        GFile         *file,
                                        IapPreload    *preload);
IapWorkshop *iap_window_get_workshop  (IapWindow      *self);
void         iap_window_set_workshop  (IapWindow      *self,
                                       IapWorkshop    *workshop);
gboolean     iap_window_is_pristine   (IapWindow      *self);
gboolean     iap_window_recover       (IapWindow      *self,
                                       IapDraft       *draft,
                                       GError        **error);
const char *iap_window_get_step      (IapWindow      *self);
void        iap_window_set_step      (IapWindow      *self,
                                      const char     *step);
void        iap_window_add_toast     (IapWindow      *self,
                                      AdwToast       *toast);
AdwToast   *iap_window_add_undo_toast (GtkWidget     *widget,
                                       const char    *title);

G_END_DECLS
