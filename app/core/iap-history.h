/* iap-history.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-command.h"

G_BEGIN_DECLS

#define IAP_TYPE_HISTORY (iap_history_get_type ())

G_DECLARE_FINAL_TYPE (IapHistory, iap_history, IAP, HISTORY, GObject)

IapHistory *iap_history_new            (void);
void        iap_history_push           (IapHistory  *self,
                                        IapCommand  *command);
void        iap_history_push_mergeable (IapHistory  *self,
                                        IapCommand  *command);
void        iap_history_begin          (IapHistory  *self,
                                        const char  *label);
void        iap_history_end            (IapHistory  *self);
gboolean    iap_history_undo           (IapHistory  *self);
gboolean    iap_history_redo           (IapHistory  *self);
gboolean    iap_history_get_can_undo   (IapHistory  *self);
gboolean    iap_history_get_can_redo   (IapHistory  *self);
const char *iap_history_get_undo_label (IapHistory  *self);
const char *iap_history_get_redo_label (IapHistory  *self);
gboolean    iap_history_get_modified   (IapHistory  *self);
void        iap_history_mark_saved     (IapHistory  *self);
void        iap_history_mark_unsaved   (IapHistory  *self);
void        iap_history_clear          (IapHistory  *self);
gboolean    iap_history_is_busy        (IapHistory  *self);
guint       iap_history_get_serial     (IapHistory  *self);

G_END_DECLS
