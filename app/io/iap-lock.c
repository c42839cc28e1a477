/* iap-lock.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-lock"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include "iap-lock.h"

#define LOCK_GROUP "Lock"

void
iap_lock_owner_free (IapLockOwner *owner)
{
  if (owner == NULL)
    return;

  g_free (owner->user);
  g_free (owner->host);
  g_clear_pointer (&owner->since, g_date_time_unref);
  g_free (owner);
}

/* Returns: (nullable): the lock file's path, for local files only */
static char *
lock_path (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;

  if (parent == NULL || (folder = g_file_get_path (parent)) == NULL)
    return NULL;

  name = g_strdup_printf (".~lock.%s#", basename);

  return g_build_filename (folder, name, NULL);
}

static IapLockOwner *
read_owner (const char *path)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *since = NULL;
  IapLockOwner *owner;

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
    return NULL;

  owner = g_new0 (IapLockOwner, 1);
  owner->user = g_key_file_get_string (keys, LOCK_GROUP, "User", NULL);
  owner->host = g_key_file_get_string (keys, LOCK_GROUP, "Host", NULL);
  owner->pid = g_key_file_get_int64 (keys, LOCK_GROUP, "Process", NULL);
  since = g_key_file_get_string (keys, LOCK_GROUP, "Since", NULL);
  if (since != NULL)
    owner->since = g_date_time_new_from_iso8601 (since, NULL);

  return owner;
}

/* On this machine a lock whose process has gone is stale (a crash or a
 * power cut). On another machine there is no way to tell: it counts. */
static gboolean
is_live (const IapLockOwner *owner)
{
  if (g_strcmp0 (owner->host, g_get_host_name ()) != 0)
    return TRUE;

  if (owner->pid <= 0 || owner->pid == getpid ())
    return FALSE;

  return kill ((pid_t)owner->pid, 0) == 0 || errno == EPERM;
}

/**
 * iap_lock_query:
 *
 * Returns: (transfer full) (nullable): who else has @file open, or %NULL
 *   if nobody else does
 */
IapLockOwner *
iap_lock_query (GFile *file)
{
  g_autofree char *path = NULL;
  g_autoptr(IapLockOwner) owner = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((path = lock_path (file)) == NULL || (owner = read_owner (path)) == NULL)
    return NULL;

  return is_live (owner) ? g_steal_pointer (&owner) : NULL;
}

gboolean
iap_lock_acquire (GFile   *file,
                  GError **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = NULL;
  g_autofree char *since = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = lock_path (file)) == NULL)
    return TRUE;

  since = g_date_time_format_iso8601 (now);
  g_key_file_set_string (keys, LOCK_GROUP, "User", g_get_real_name ());
  g_key_file_set_string (keys, LOCK_GROUP, "Host", g_get_host_name ());
  g_key_file_set_int64 (keys, LOCK_GROUP, "Process", getpid ());
  g_key_file_set_string (keys, LOCK_GROUP, "Since", since);
  data = g_key_file_to_data (keys, NULL, NULL);

  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0644, error);
}

/* Removes the lock only if it is ours: another copy may have taken it over
 * after the person chose to open the file anyway. */
void
iap_lock_release (GFile *file)
{
  g_autofree char *path = NULL;
  g_autoptr(IapLockOwner) owner = NULL;

  g_return_if_fail (G_IS_FILE (file));

  if ((path = lock_path (file)) == NULL || (owner = read_owner (path)) == NULL)
    return;

  if (owner->pid == getpid () && g_strcmp0 (owner->host, g_get_host_name ()) == 0)
    g_unlink (path);
}

/* "Amina Diallo on field-laptop-3 since 09:42" */
char *
iap_lock_owner_describe (const IapLockOwner *owner)
{
  g_autofree char *time = NULL;
  const char *user;

  g_return_val_if_fail (owner != NULL, NULL);

  user = owner->user != NULL && owner->user[0] != '\0' ? owner->user : _("Someone");
  if (owner->since == NULL)
    /* Translators: "Amina Diallo on field-laptop-3" */
    return g_strdup_printf (_("%s on %s"), user, owner->host != NULL ? owner->host : "?");

  time = g_date_time_format (owner->since, "%x %H:%M");
  /* Translators: "Amina Diallo on field-laptop-3 since 22/11/2026 09:42" */
  return g_strdup_printf (_("%s on %s since %s"), user,
                          owner->host != NULL ? owner->host : "?", time);
}
