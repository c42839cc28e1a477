/* iap-messages.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The application's translations into one language, whatever the
 * language of the process: a participant's phone reads French while the
 * facilitator's laptop runs in English. */

#define IAP_TYPE_MESSAGES (iap_messages_get_type ())

typedef struct _IapMessages IapMessages;

GType        iap_messages_get_type           (void) G_GNUC_CONST;
IapMessages *iap_messages_new                (const char  *language);
IapMessages *iap_messages_ref                (IapMessages *self);
void         iap_messages_unref              (IapMessages *self);
const char  *iap_messages_get_language       (IapMessages *self);
const char  *iap_messages_gettext            (IapMessages *self,
                                              const char  *msgid);
const char  *iap_messages_pgettext           (IapMessages *self,
                                              const char  *context,
                                              const char  *msgid);

void         iap_messages_set_thread_default (IapMessages *self);
IapMessages *iap_messages_get_thread_default (void);
const char  *iap_messages_dpgettext          (const char  *context,
                                              const char  *msgid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapMessages, iap_messages_unref)

G_END_DECLS
