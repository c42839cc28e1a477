/* iap-participants-view.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_PARTICIPANTS_VIEW (iap_participants_view_get_type ())

G_DECLARE_FINAL_TYPE (IapParticipantsView, iap_participants_view, IAP, PARTICIPANTS_VIEW, GtkWidget)

void  iap_participants_view_set_workshop (IapParticipantsView *self,
                                          IapWorkshop         *workshop);

G_END_DECLS
