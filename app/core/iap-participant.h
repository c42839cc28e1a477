/* iap-participant.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_PARTICIPANT (iap_participant_get_type ())

G_DECLARE_FINAL_TYPE (IapParticipant, iap_participant, IAP, PARTICIPANT, GObject)

IapParticipant *iap_participant_new        (const char      *id);
const char     *iap_participant_get_id     (IapParticipant  *self);
const char     *iap_participant_get_pillar (IapParticipant  *self);
const char     *iap_participant_get_name   (IapParticipant  *self);
const char     *iap_participant_get_entity (IapParticipant  *self);
char           *iap_participant_dup_label  (IapParticipant  *self);

G_END_DECLS
