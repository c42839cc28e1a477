/* iap-lock.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * A lock file beside an open workshop, .~lock.NAME#, tells other copies of
 * the application, on this machine or on another sharing the folder, who
 * has it open.
 */

typedef struct
{
  char *user;
  char *host;
  gint64 pid;
  GDateTime *since;
} IapLockOwner;

void          iap_lock_owner_free  (IapLockOwner *owner);
IapLockOwner *iap_lock_query       (GFile        *file);
gboolean      iap_lock_acquire     (GFile        *file,
                                    GError      **error);
void          iap_lock_release     (GFile        *file);
char         *iap_lock_owner_describe (const IapLockOwner *owner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapLockOwner, iap_lock_owner_free)

G_END_DECLS
