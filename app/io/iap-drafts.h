/* iap-drafts.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

/*
 * Drafts of unsaved work, kept in the user's data folder so that a crash
 * or a power cut loses at most the last few seconds of a workshop.
 */

#define IAP_TYPE_DRAFT (iap_draft_get_type ())

typedef struct _IapDraft IapDraft;

GType        iap_draft_get_type        (void) G_GNUC_CONST;
IapDraft    *iap_draft_ref             (IapDraft     *self);
void         iap_draft_unref           (IapDraft     *self);
const char  *iap_draft_get_id          (IapDraft     *self);
const char  *iap_draft_get_title       (IapDraft     *self);
GFile       *iap_draft_get_original    (IapDraft     *self);
GDateTime   *iap_draft_get_time        (IapDraft     *self);

char        *iap_drafts_dup_folder     (void);
char        *iap_drafts_new_id         (void);
gboolean     iap_drafts_write          (const char   *id,
                                        IapWorkshop  *workshop,
                                        GError      **error);
void         iap_drafts_remove         (const char   *id);
GPtrArray   *iap_drafts_list_orphans   (void);
IapWorkshop *iap_drafts_load           (IapDraft     *draft,
                                        GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapDraft, iap_draft_unref)

G_END_DECLS
