/* iap-conflict.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the facilitator decides for a conflict of a merge. */
typedef enum
{
  IAP_RESOLUTION_NONE,     /* not decided yet */
  IAP_RESOLUTION_OURS,     /* keep the open workshop's values */
  IAP_RESOLUTION_THEIRS,   /* take the other file's values */
  IAP_RESOLUTION_BOTH,     /* keep both, as two separate items */
} IapResolution;

const char    *iap_resolution_to_id             (IapResolution  resolution);
gboolean       iap_resolution_from_id           (const char    *id,
                                                 IapResolution *resolution);

#define IAP_TYPE_CONFLICT (iap_conflict_get_type ())

G_DECLARE_FINAL_TYPE (IapConflict, iap_conflict, IAP, CONFLICT, GObject)

const char    *iap_conflict_get_subject         (IapConflict   *self);
const char    *iap_conflict_get_id              (IapConflict   *self);
const char    *iap_conflict_get_their_id        (IapConflict   *self);
const char    *iap_conflict_get_heading         (IapConflict   *self);
const char    *iap_conflict_get_description     (IapConflict   *self);
const char    *iap_conflict_get_source_name     (IapConflict   *self);
GListModel    *iap_conflict_get_fields          (IapConflict   *self);
gboolean       iap_conflict_get_can_keep_both   (IapConflict   *self);
IapResolution  iap_conflict_get_resolution      (IapConflict   *self);
void           iap_conflict_set_resolution      (IapConflict   *self,
                                                 IapResolution  resolution);

G_END_DECLS
