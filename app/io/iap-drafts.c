/* iap-drafts.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-drafts"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include "iap-drafts.h"
#include "iap-workshop-file.h"

/*
 * Each draft is two files named by a random id: ID.iapw, the workshop in
 * the ordinary format, and ID.draft, a key file saying whose draft it is
 * (the title, the file it was opened from, when, and which process keeps
 * it up to date). Both are private to the user: the folder is 0700 and
 * the files 0600, because a workshop can be confidential.
 */

#define DRAFT_GROUP "Draft"

struct _IapDraft
{
  gatomicrefcount ref_count;
  char *id;
  char *title;
  GFile *original;
  GDateTime *time;
};

G_DEFINE_BOXED_TYPE (IapDraft, iap_draft, iap_draft_ref, iap_draft_unref)

IapDraft *
iap_draft_ref (IapDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
iap_draft_unref (IapDraft *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->title);
  g_clear_object (&self->original);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self);
}

const char *
iap_draft_get_id (IapDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

const char *
iap_draft_get_title (IapDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/* Returns: (nullable): the file the workshop was opened from or saved to */
GFile *
iap_draft_get_original (IapDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->original;
}

GDateTime *
iap_draft_get_time (IapDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->time;
}

char *
iap_drafts_dup_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "drafts", NULL);
}

char *
iap_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

static char *
draft_path (const char *id,
            const char *suffix)
{
  g_autofree char *folder = iap_drafts_dup_folder ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (folder, name, NULL);
}

static gboolean
ensure_folder (GError **error)
{
  g_autofree char *folder = iap_drafts_dup_folder ();

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the drafts folder %s: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  /* The folder may predate this version or have been made by hand. */
  g_chmod (folder, 0700);

  return TRUE;
}

static char *
describe_draft (IapWorkshop *workshop)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *title = iap_workshop_dup_display_name (workshop);
  g_autofree char *time = g_date_time_format_iso8601 (now);
  GFile *file = iap_workshop_get_file (workshop);

  g_key_file_set_string (keys, DRAFT_GROUP, "Title", title);
  g_key_file_set_string (keys, DRAFT_GROUP, "Time", time);
  g_key_file_set_string (keys, DRAFT_GROUP, "Host", g_get_host_name ());
  g_key_file_set_int64 (keys, DRAFT_GROUP, "Process", getpid ());
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (keys, DRAFT_GROUP, "Original", uri);
    }

  return g_key_file_to_data (keys, NULL, NULL);
}

/**
 * iap_drafts_write:
 *
 * Writes (or replaces) the draft @id of @workshop, atomically and durably.
 */
gboolean
iap_drafts_write (const char   *id,
                  IapWorkshop  *workshop,
                  GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *workshop_path = NULL;
  g_autofree char *draft_keys = NULL;
  g_autofree char *keys_path = NULL;
  const GFileSetContentsFlags flags = G_FILE_SET_CONTENTS_CONSISTENT |
                                      G_FILE_SET_CONTENTS_DURABLE;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), FALSE);

  if (!ensure_folder (error))
    return FALSE;

  bytes = iap_workshop_to_bytes (workshop);
  data = g_bytes_get_data (bytes, &size);
  workshop_path = draft_path (id, IAP_WORKSHOP_SUFFIX);
  if (!g_file_set_contents_full (workshop_path, data, size, flags, 0600, error))
    return FALSE;

  /* Written second: a draft is listed only once its workshop is complete. */
  draft_keys = describe_draft (workshop);
  keys_path = draft_path (id, ".draft");

  return g_file_set_contents_full (keys_path, draft_keys, -1, flags, 0600, error);
}

void
iap_drafts_remove (const char *id)
{
  g_autofree char *keys_path = NULL;
  g_autofree char *workshop_path = NULL;

  g_return_if_fail (id != NULL);

  keys_path = draft_path (id, ".draft");
  workshop_path = draft_path (id, IAP_WORKSHOP_SUFFIX);

  g_unlink (keys_path);
  g_unlink (workshop_path);
}

/* A draft whose process still runs on this machine is being kept up to
 * date by another copy of the application: it is not offered. */
static gboolean
is_kept_by_live_process (GKeyFile *keys)
{
  g_autofree char *host = g_key_file_get_string (keys, DRAFT_GROUP, "Host", NULL);
  gint64 pid = g_key_file_get_int64 (keys, DRAFT_GROUP, "Process", NULL);

  if (g_strcmp0 (host, g_get_host_name ()) != 0 || pid <= 0 || pid == getpid ())
    return FALSE;

  return kill ((pid_t)pid, 0) == 0 || errno == EPERM;
}

static IapDraft *
read_draft (const char *id)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *keys_path = draft_path (id, ".draft");
  g_autofree char *workshop_path = draft_path (id, IAP_WORKSHOP_SUFFIX);
  g_autofree char *time = NULL;
  g_autofree char *original = NULL;
  IapDraft *draft;

  if (!g_key_file_load_from_file (keys, keys_path, G_KEY_FILE_NONE, NULL) ||
      !g_file_test (workshop_path, G_FILE_TEST_IS_REGULAR) ||
      is_kept_by_live_process (keys))
    return NULL;

  draft = g_new0 (IapDraft, 1);
  g_atomic_ref_count_init (&draft->ref_count);
  draft->id = g_strdup (id);
  draft->title = g_key_file_get_string (keys, DRAFT_GROUP, "Title", NULL);
  if (draft->title == NULL)
    draft->title = g_strdup (_("Untitled workshop"));

  time = g_key_file_get_string (keys, DRAFT_GROUP, "Time", NULL);
  if (time != NULL)
    draft->time = g_date_time_new_from_iso8601 (time, NULL);
  if (draft->time == NULL)
    draft->time = g_date_time_new_now_utc ();

  original = g_key_file_get_string (keys, DRAFT_GROUP, "Original", NULL);
  if (original != NULL && original[0] != '\0')
    draft->original = g_file_new_for_uri (original);

  return draft;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const IapDraft *da = *(IapDraft **)a;
  const IapDraft *db = *(IapDraft **)b;

  return g_date_time_compare (db->time, da->time);
}

/**
 * iap_drafts_list_orphans:
 *
 * Returns: (transfer full) (element-type IapDraft): the drafts left by a
 *   copy of the application that ended without saving, newest first
 */
GPtrArray *
iap_drafts_list_orphans (void)
{
  g_autofree char *folder = iap_drafts_dup_folder ();
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)iap_draft_unref);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      IapDraft *draft;

      if (!g_str_has_suffix (name, ".draft"))
        continue;

      id = g_strndup (name, strlen (name) - strlen (".draft"));
      if ((draft = read_draft (id)) != NULL)
        g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_newest_first);

  return g_steal_pointer (&drafts);
}

/**
 * iap_drafts_load:
 *
 * Returns: (transfer full): the draft's workshop, with the file it came
 *   from and marked as not saved
 */
IapWorkshop *
iap_drafts_load (IapDraft  *draft,
                 GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  IapWorkshop *workshop;

  g_return_val_if_fail (draft != NULL, NULL);

  path = draft_path (draft->id, IAP_WORKSHOP_SUFFIX);
  file = g_file_new_for_path (path);
  workshop = iap_workshop_load (file, NULL, error);
  if (workshop == NULL)
    return NULL;

  iap_workshop_set_file (workshop, draft->original);
  iap_history_mark_unsaved (iap_workshop_get_history (workshop));

  return workshop;
}
