/* iap-workshop-saver-private.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

/*
 * The system calls of a safe save, replaceable by tests: a full disk, a
 * read-only folder or a failing fsync cannot be produced on demand
 * otherwise (and root ignores file permissions).
 */
typedef struct
{
  int     (*open)   (const char *path,
                     int         flags,
                     mode_t      mode);
  ssize_t (*write)  (int         fd,
                     const void *buffer,
                     size_t      count);
  int     (*fsync)  (int         fd);
  int     (*close)  (int         fd);
  int     (*link)   (const char *from,
                     const char *to);
  int     (*rename) (const char *from,
                     const char *to);
  int     (*unlink) (const char *path);
} IapSaveOps;

/* NULL restores the real system calls. */
void _iap_save_set_ops (const IapSaveOps *ops);
void _iap_save_get_default_ops (IapSaveOps *ops);

G_END_DECLS
