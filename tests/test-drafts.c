/* test-drafts.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "iap-drafts.h"
#include "iap-lock.h"
#include "iap-workshop-file.h"

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 0777;
}

static IapWorkshop *
new_titled_workshop (const char *title)
{
  IapWorkshop *workshop = iap_workshop_new ();

  iap_workshop_set_text (workshop, workshop, "title", title);

  return workshop;
}

static void
test_drafts_private (void)
{
  g_autoptr(IapWorkshop) workshop = new_titled_workshop ("Confidential review");
  g_autofree char *id = iap_drafts_new_id ();
  g_autofree char *folder = iap_drafts_dup_folder ();
  g_autofree char *name = g_strconcat (id, ".iapw", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (iap_drafts_write (id, workshop, &error));
  g_assert_no_error (error);

  /* In the user's data folder, readable by nobody else */
  g_assert_true (g_str_has_prefix (folder, g_get_user_data_dir ()));
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  iap_drafts_remove (id);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_drafts_recover (void)
{
  g_autoptr(IapWorkshop) workshop = new_titled_workshop ("Kivara review");
  g_autoptr(IapWorkshop) recovered = NULL;
  g_autoptr(GFile) original = g_file_new_for_path ("/srv/workshops/kivara.iapw");
  g_autofree char *id = iap_drafts_new_id ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  IapDraft *draft;

  iap_workshop_set_file (workshop, original);
  g_assert_true (iap_drafts_write (id, workshop, &error));

  drafts = iap_drafts_list_orphans ();
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (iap_draft_get_id (draft), ==, id);
  g_assert_cmpstr (iap_draft_get_title (draft), ==, "Kivara review");
  g_assert_true (g_file_equal (iap_draft_get_original (draft), original));
  g_assert_nonnull (iap_draft_get_time (draft));

  recovered = iap_drafts_load (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iap_workshop_get_title (recovered), ==, "Kivara review");
  g_assert_true (g_file_equal (iap_workshop_get_file (recovered), original));
  g_assert_true (iap_workshop_get_modified (recovered));

  iap_drafts_remove (id);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = iap_drafts_list_orphans ();
  g_assert_cmpuint (drafts->len, ==, 0);
}

static void
write_keys (const char *path,
            const char *group,
            const char *host,
            gint64      pid)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_set_string (keys, group, "Title", "Someone else's");
  g_key_file_set_string (keys, group, "User", "Amina Diallo");
  g_key_file_set_string (keys, group, "Host", host);
  g_key_file_set_int64 (keys, group, "Process", pid);
  g_key_file_set_string (keys, group, "Since", "2026-11-22T09:42:00Z");
  g_assert_true (g_key_file_save_to_file (keys, path, &error));
  g_assert_no_error (error);
}

static void
test_drafts_live_process_kept (void)
{
  g_autoptr(IapWorkshop) workshop = new_titled_workshop ("Still open");
  g_autofree char *id = iap_drafts_new_id ();
  g_autofree char *folder = iap_drafts_dup_folder ();
  g_autofree char *name = g_strconcat (id, ".draft", NULL);
  g_autofree char *keys_path = g_build_filename (folder, name, NULL);
  g_autoptr(GPtrArray) drafts = NULL;

  g_assert_true (iap_drafts_write (id, workshop, NULL));

  /* Process 1 always runs: its draft belongs to a live copy. */
  write_keys (keys_path, "Draft", g_get_host_name (), 1);
  drafts = iap_drafts_list_orphans ();
  g_assert_cmpuint (drafts->len, ==, 0);

  iap_drafts_remove (id);
}

static GFile *
new_workshop_file (char **folder)
{
  g_autoptr(GError) error = NULL;

  *folder = g_dir_make_tmp ("test-lock-XXXXXX", &error);
  g_assert_no_error (error);

  return g_file_new_build_filename (*folder, "kivara.iapw", NULL);
}

static void
test_lock (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = new_workshop_file (&folder);
  g_autofree char *lock = g_build_filename (folder, ".~lock.kivara.iapw#", NULL);
  g_autoptr(IapLockOwner) owner = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (iap_lock_query (file));
  g_assert_true (iap_lock_acquire (file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  /* Our own lock does not stop us */
  g_assert_null (iap_lock_query (file));
  iap_lock_release (file);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* A live process on this machine */
  write_keys (lock, "Lock", g_get_host_name (), 1);
  owner = iap_lock_query (file);
  g_assert_nonnull (owner);
  g_assert_cmpstr (owner->user, ==, "Amina Diallo");
  description = iap_lock_owner_describe (owner);
  g_assert_nonnull (strstr (description, "Amina Diallo"));
  /* ... whose lock we do not remove */
  iap_lock_release (file);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_clear_pointer (&owner, iap_lock_owner_free);

  /* Another machine sharing the folder: it counts */
  write_keys (lock, "Lock", "field-laptop-3.invalid", 4242);
  owner = iap_lock_query (file);
  g_assert_nonnull (owner);
  g_assert_cmpstr (owner->host, ==, "field-laptop-3.invalid");
  g_clear_pointer (&owner, iap_lock_owner_free);

  /* A process of this machine that has gone: stale */
  write_keys (lock, "Lock", g_get_host_name (), G_MAXINT32 - 7);
  g_assert_null (iap_lock_query (file));

  g_unlink (lock);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("test-drafts-XXXXXX", NULL);
  int status;

  /* A private data folder of our own: GLib 2.74's G_TEST_OPTION_ISOLATE_DIRS
   * leaks, which AddressSanitizer reports. */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drafts/private", test_drafts_private);
  g_test_add_func ("/drafts/recover", test_drafts_recover);
  g_test_add_func ("/drafts/live-process-kept", test_drafts_live_process_kept);
  g_test_add_func ("/lock/owners", test_lock);

  status = g_test_run ();

  if (status == 0)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", data_home);

      /* The drafts folder and anything a failed test left are removed. */
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    }

  return status;
}
