/* iap-change.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-band.h"

G_BEGIN_DECLS

/* The steps of a workshop, in the order the window shows them. */
typedef enum
{
  IAP_STEP_SETUP,
  IAP_STEP_CONTEXT,
  IAP_STEP_MATRIX,
  IAP_STEP_TRIPLE_HATTING,
  IAP_STEP_MITIGATION,
  IAP_STEP_SUMMARY,
} IapStep;

#define IAP_N_STEPS (IAP_STEP_SUMMARY + 1)

typedef enum
{
  IAP_CHANGE_ADDED,
  IAP_CHANGE_REMOVED,
  IAP_CHANGE_CHANGED,
} IapChangeKind;

const char    *iap_step_to_id                 (IapStep         step);
const char    *iap_step_to_label              (IapStep         step);
const char    *iap_change_kind_to_id          (IapChangeKind   kind);

#define IAP_TYPE_CHANGE (iap_change_get_type ())

G_DECLARE_FINAL_TYPE (IapChange, iap_change, IAP, CHANGE, GObject)

IapStep        iap_change_get_step            (IapChange      *self);
IapChangeKind  iap_change_get_kind            (IapChange      *self);
const char    *iap_change_get_subject         (IapChange      *self);
const char    *iap_change_get_id              (IapChange      *self);
const char    *iap_change_get_old_id          (IapChange      *self);
const char    *iap_change_get_field           (IapChange      *self);
const char    *iap_change_get_field_label     (IapChange      *self);
const char    *iap_change_get_option          (IapChange      *self);
const char    *iap_change_get_old_value       (IapChange      *self);
const char    *iap_change_get_new_value       (IapChange      *self);
const char    *iap_change_get_heading         (IapChange      *self);
const char    *iap_change_get_description     (IapChange      *self);
char          *iap_change_dup_text            (IapChange      *self);
guint          iap_change_get_number          (IapChange      *self);
guint          iap_change_get_similarity      (IapChange      *self);
gboolean       iap_change_get_old_rating      (IapChange      *self,
                                               guint          *likelihood,
                                               guint          *impact,
                                               IapBand        *band);
gboolean       iap_change_get_new_rating      (IapChange      *self,
                                               guint          *likelihood,
                                               guint          *impact,
                                               IapBand        *band);

G_END_DECLS
