/* iap-workshop-saver.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-workshop-saver"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "iap-workshop-file.h"
#include "iap-workshop-saver-private.h"

/*
 * Saving never damages the previous file. The new contents go to a
 * temporary file in the same folder (so the final rename stays on one
 * file system and is atomic), which is flushed to the disk before it
 * replaces the target; the previous file stays as NAME~. A failure at any
 * step removes the temporary file and leaves the target as it was.
 */

static int
default_open (const char *path,
              int         flags,
              mode_t      mode)
{
  return open (path, flags, mode);
}

static const IapSaveOps default_ops = {
  default_open, write, fsync, close, link, rename, unlink,
};

static IapSaveOps ops = {
  default_open, write, fsync, close, link, rename, unlink,
};

void
_iap_save_set_ops (const IapSaveOps *new_ops)
{
  ops = new_ops != NULL ? *new_ops : default_ops;
}

void
_iap_save_get_default_ops (IapSaveOps *out)
{
  *out = default_ops;
}

static const char *
describe_errno (int  saved_errno,
                int *code)
{
  switch (saved_errno)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      *code = IAP_WORKSHOP_FILE_ERROR_NO_SPACE;
      return _("The disk is full");

    case EACCES:
    case EPERM:
      *code = IAP_WORKSHOP_FILE_ERROR_PERMISSION;
      return _("Permission denied");

    case EROFS:
      *code = IAP_WORKSHOP_FILE_ERROR_READ_ONLY;
      return _("The folder is read-only");

    default:
      *code = IAP_WORKSHOP_FILE_ERROR_WRITE;
      return g_strerror (saved_errno);
    }
}

static gboolean
fail (GError     **error,
      const char  *path,
      int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);
  int code;
  const char *reason = describe_errno (saved_errno, &code);

  g_set_error (error, IAP_WORKSHOP_FILE_ERROR, code,
               _("Could not save “%s”: %s. The file on disk has not been changed."),
               display, reason);

  return FALSE;
}

static int
open_temporary (const char  *path,
                mode_t       mode,
                char       **tmp_path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", base, g_random_int ());
      g_autofree char *candidate = g_build_filename (dir, name, NULL);
      int fd = ops.open (candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);

      if (fd >= 0 || errno != EEXIST)
        {
          *tmp_path = g_steal_pointer (&candidate);
          return fd;
        }
    }

  errno = EEXIST;
  return -1;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize n = ops.write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += n;
      size -= n;
    }

  return TRUE;
}

/* Writes @contents to a new temporary file next to @path and flushes it. */
static char *
write_temporary (const char  *path,
                 GBytes      *contents,
                 mode_t       mode,
                 int         *saved_errno)
{
  g_autofree char *tmp_path = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (contents, &size);
  int fd = open_temporary (path, mode, &tmp_path);

  if (fd < 0)
    {
      *saved_errno = errno;
      return NULL;
    }

  /* open() applied the umask; an existing file's mode is kept exactly. */
  if (!write_all (fd, data, size) || fchmod (fd, mode) != 0 || ops.fsync (fd) != 0)
    {
      *saved_errno = errno;
      ops.close (fd);
      ops.unlink (tmp_path);
      return NULL;
    }

  if (ops.close (fd) != 0)
    {
      *saved_errno = errno;
      ops.unlink (tmp_path);
      return NULL;
    }

  return g_steal_pointer (&tmp_path);
}

/* Keeps the previous file as NAME~: a hard link costs nothing and is
 * exactly the old file. */
static gboolean
make_backup (const char *path,
             int        *saved_errno)
{
  g_autofree char *backup = g_strconcat (path, IAP_WORKSHOP_BACKUP_SUFFIX, NULL);

  if (ops.unlink (backup) != 0 && errno != ENOENT)
    {
      *saved_errno = errno;
      return FALSE;
    }

  if (ops.link (path, backup) == 0)
    return TRUE;

  /* Some file systems (FAT on a USB stick) have no hard links. */
  if (errno == EPERM || errno == EXDEV || errno == EOPNOTSUPP || errno == EMLINK)
    {
      g_autoptr(GFile) from = g_file_new_for_path (path);
      g_autoptr(GFile) to = g_file_new_for_path (backup);

      if (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL))
        return TRUE;
    }

  *saved_errno = errno;
  return FALSE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = ops.open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Makes the rename itself durable; not every file system can. */
  if (fd >= 0)
    {
      ops.fsync (fd);
      ops.close (fd);
    }
}

/* Follows a symbolic link, so that saving replaces the file it points to
 * rather than the link. */
static char *
resolve_target (const char *path,
                struct stat *st,
                gboolean    *exists,
                int         *saved_errno)
{
  char *real;

  *exists = FALSE;
  if (lstat (path, st) != 0)
    {
      *saved_errno = errno;
      return errno == ENOENT ? g_strdup (path) : NULL;
    }

  if (!S_ISLNK (st->st_mode))
    {
      *exists = TRUE;
      return g_strdup (path);
    }

  real = realpath (path, NULL);
  if (real == NULL || stat (real, st) != 0)
    {
      *saved_errno = errno;
      if (real != NULL && errno == ENOENT)
        return real;
      free (real);
      return NULL;
    }

  *exists = TRUE;
  return real;
}

static gboolean
replace_local (const char  *path,
               GBytes      *contents,
               GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *tmp_path = NULL;
  struct stat st;
  gboolean exists;
  int saved_errno = 0;

  target = resolve_target (path, &st, &exists, &saved_errno);
  if (target == NULL)
    return fail (error, path, saved_errno);

  if (exists && !S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, IAP_WORKSHOP_FILE_ERROR, IAP_WORKSHOP_FILE_ERROR_WRITE,
                   _("Could not save “%s”: it is not a regular file."), display);
      return FALSE;
    }

  tmp_path = write_temporary (target, contents, exists ? (st.st_mode & 07777) : 0644, &saved_errno);
  if (tmp_path == NULL)
    return fail (error, path, saved_errno);

  if ((exists && !make_backup (target, &saved_errno)) ||
      (ops.rename (tmp_path, target) != 0 && (saved_errno = errno, TRUE)))
    {
      ops.unlink (tmp_path);
      return fail (error, path, saved_errno);
    }

  sync_folder (target);

  return TRUE;
}

/**
 * iap_file_replace_safely:
 *
 * Replaces the contents of @file, keeping the previous file as NAME~;
 * if anything fails, the previous file is unchanged and @error says why
 * in words a person understands.
 */
gboolean
iap_file_replace_safely (GFile         *file,
                         GBytes        *contents,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *path = NULL;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path != NULL)
    return replace_local (path, contents, error);

  /* A remote location (GVfs): GIO does the same dance there. */
  data = g_bytes_get_data (contents, &size);

  return g_file_replace_contents (file, data, size, NULL, TRUE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}

/**
 * iap_workshop_save:
 *
 * Saves @workshop to @file safely. On success the workshop is no longer
 * modified and its #IapWorkshop:file is @file.
 */
gboolean
iap_workshop_save (IapWorkshop   *workshop,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = iap_workshop_to_bytes (workshop);
  if (!iap_file_replace_safely (file, bytes, cancellable, error))
    return FALSE;

  iap_history_mark_saved (iap_workshop_get_history (workshop));
  iap_workshop_set_file (workshop, file);

  return TRUE;
}

typedef struct
{
  GFile *file;
  GBytes *bytes;
  guint serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
save_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (iap_file_replace_safely (data->file, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * iap_workshop_save_async:
 *
 * Serialises @workshop now, then writes it in a worker thread.
 */
void
iap_workshop_save_async (IapWorkshop         *workshop,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (IAP_IS_WORKSHOP (workshop));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->bytes = iap_workshop_to_bytes (workshop);
  data->serial = iap_history_get_serial (iap_workshop_get_history (workshop));

  task = g_task_new (workshop, cancellable, callback, user_data);
  g_task_set_source_tag (task, iap_workshop_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);
  g_task_run_in_thread (task, save_in_thread);
}

/**
 * iap_workshop_save_finish:
 *
 * Returns: %TRUE if saved; the workshop is then unmodified unless it was
 *   edited while the save ran
 */
gboolean
iap_workshop_save_finish (IapWorkshop   *workshop,
                          GAsyncResult  *result,
                          GError       **error)
{
  SaveData *data;
  IapHistory *history;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, workshop), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  history = iap_workshop_get_history (workshop);
  if (iap_history_get_serial (history) == data->serial)
    iap_history_mark_saved (history);
  iap_workshop_set_file (workshop, data->file);

  return TRUE;
}
