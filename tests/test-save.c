/* test-save.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "iap-workshop-file.h"
#include "iap-workshop-saver-private.h"

/*
 * A failed save must leave the previous file exactly as it was, leave
 * nothing behind, and say why. Failures are injected at each system call
 * of the save, since a full disk cannot be produced on demand and root
 * writes into read-only folders.
 */

typedef enum
{
  STEP_NONE,
  STEP_OPEN,
  STEP_WRITE,
  STEP_FSYNC,
  STEP_CLOSE,
  STEP_LINK,
  STEP_RENAME,
  N_STEPS
} Step;

static IapSaveOps real;
static Step fail_step;
static int fail_errno;

static int
fake_open (const char *path, int flags, mode_t mode)
{
  if (fail_step == STEP_OPEN && (flags & O_CREAT))
    return errno = fail_errno, -1;
  return real.open (path, flags, mode);
}

static ssize_t
fake_write (int fd, const void *buffer, size_t count)
{
  if (fail_step == STEP_WRITE)
    {
      /* Half the data fits, then the disk is full. */
      if (count > 16)
        return real.write (fd, buffer, count / 2);
      return errno = fail_errno, -1;
    }
  return real.write (fd, buffer, count);
}

static int
fake_fsync (int fd)
{
  if (fail_step == STEP_FSYNC)
    return errno = fail_errno, -1;
  return real.fsync (fd);
}

static int
fake_close (int fd)
{
  if (fail_step == STEP_CLOSE)
    {
      real.close (fd);
      return errno = fail_errno, -1;
    }
  return real.close (fd);
}

static int
fake_link (const char *from, const char *to)
{
  if (fail_step == STEP_LINK)
    return errno = fail_errno, -1;
  return real.link (from, to);
}

static int
fake_rename (const char *from, const char *to)
{
  if (fail_step == STEP_RENAME)
    return errno = fail_errno, -1;
  return real.rename (from, to);
}

static const IapSaveOps fake_ops = {
  fake_open, fake_write, fake_fsync, fake_close, fake_link, fake_rename, NULL,
};

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
  IapWorkshop *workshop;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-save-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "workshop.iapw", NULL);
  f->file = g_file_new_for_path (f->path);
  f->workshop = iap_workshop_new ();
  iap_workshop_set (f->workshop, f->workshop, "title", "First", NULL);
  g_assert_true (iap_workshop_save (f->workshop, f->file, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  _iap_save_set_ops (NULL);
  g_chmod (f->dir, 0755);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_object_unref (f->file);
  g_object_unref (f->workshop);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Only the target and, if one was made before, its backup remain. */
static void
assert_no_leftovers (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, "workshop.iapw") || g_str_equal (name, "workshop.iapw~"));
}

static void
test_save_success (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = g_strconcat (f->path, "~", NULL);
  g_autofree char *before = read_file (f->path);
  g_autofree char *after = NULL;
  g_autofree char *backup = NULL;
  struct stat st;

  g_chmod (f->path, 0600);
  iap_workshop_set (f->workshop, f->workshop, "title", "Second", NULL);
  g_assert_true (iap_workshop_get_modified (f->workshop));
  g_assert_true (iap_workshop_save (f->workshop, f->file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (iap_workshop_get_modified (f->workshop));

  after = read_file (f->path);
  backup = read_file (backup_path);
  g_assert_cmpstr (backup, ==, before);
  g_assert_nonnull (strstr (after, "<title>Second</title>"));
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_no_leftovers (f);
}

static void
test_save_failures (Fixture       *f,
                    gconstpointer  data)
{
  static const struct { int errno_value; int code; const char *reason; } errors[] = {
    { ENOSPC, IAP_WORKSHOP_FILE_ERROR_NO_SPACE, "The disk is full" },
    { EACCES, IAP_WORKSHOP_FILE_ERROR_PERMISSION, "Permission denied" },
    { EROFS, IAP_WORKSHOP_FILE_ERROR_READ_ONLY, "The folder is read-only" },
    { EIO, IAP_WORKSHOP_FILE_ERROR_WRITE, "" },
  };
  g_autofree char *before = read_file (f->path);

  _iap_save_get_default_ops (&real);
  iap_workshop_set (f->workshop, f->workshop, "title", "Never saved", NULL);

  for (Step step = STEP_OPEN; step < N_STEPS; step++)
    for (guint e = 0; e < G_N_ELEMENTS (errors); e++)
      {
        IapSaveOps ops = fake_ops;
        g_autoptr(GError) error = NULL;
        g_autofree char *after = NULL;

        ops.unlink = real.unlink;
        fail_step = step;
        fail_errno = errors[e].errno_value;
        _iap_save_set_ops (&ops);

        g_assert_false (iap_workshop_save (f->workshop, f->file, NULL, &error));
        g_assert_error (error, IAP_WORKSHOP_FILE_ERROR, errors[e].code);
        g_assert_nonnull (strstr (error->message, errors[e].reason));
        g_assert_nonnull (strstr (error->message, "workshop.iapw"));
        g_assert_true (iap_workshop_get_modified (f->workshop));

        _iap_save_set_ops (NULL);
        after = read_file (f->path);
        g_assert_cmpstr (after, ==, before);
        assert_no_leftovers (f);
      }
}

static void
test_save_read_only_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = read_file (f->path);
  g_autofree char *after = NULL;

  /* Root writes into a read-only folder anyway; the injected failures
   * above cover that case there. */
  if (geteuid () == 0)
    {
      g_test_skip ("running as root, which ignores folder permissions");
      return;
    }

  g_chmod (f->dir, 0555);
  iap_workshop_set (f->workshop, f->workshop, "title", "Never saved", NULL);
  g_assert_false (iap_workshop_save (f->workshop, f->file, NULL, &error));
  g_assert_error (error, IAP_WORKSHOP_FILE_ERROR, IAP_WORKSHOP_FILE_ERROR_PERMISSION);
  g_chmod (f->dir, 0755);

  after = read_file (f->path);
  g_assert_cmpstr (after, ==, before);
  assert_no_leftovers (f);
}

static void
test_save_not_regular (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);

  g_assert_false (iap_workshop_save (f->workshop, folder, NULL, &error));
  g_assert_error (error, IAP_WORKSHOP_FILE_ERROR, IAP_WORKSHOP_FILE_ERROR_WRITE);
}

static void
test_save_through_symlink (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link_path = g_build_filename (f->dir, "link.iapw", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  g_autofree char *after = NULL;

  g_assert_cmpint (symlink (f->path, link_path), ==, 0);
  iap_workshop_set (f->workshop, f->workshop, "title", "Via link", NULL);
  g_assert_true (iap_workshop_save (f->workshop, link_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  after = read_file (f->path);
  g_assert_nonnull (strstr (after, "Via link"));
  g_unlink (link_path);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (iap_workshop_save_finish (IAP_WORKSHOP (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_save_async (Fixture       *f,
                 gconstpointer  data)
{
  gboolean done = FALSE;

  iap_workshop_set (f->workshop, f->workshop, "title", "Async", NULL);
  iap_workshop_save_async (f->workshop, f->file, NULL, on_saved, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (iap_workshop_get_modified (f->workshop));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/save/success", Fixture, NULL, fixture_set_up, test_save_success, fixture_tear_down);
  g_test_add ("/save/failures", Fixture, NULL, fixture_set_up, test_save_failures, fixture_tear_down);
  g_test_add ("/save/read-only-folder", Fixture, NULL, fixture_set_up, test_save_read_only_folder,
              fixture_tear_down);
  g_test_add ("/save/not-regular", Fixture, NULL, fixture_set_up, test_save_not_regular,
              fixture_tear_down);
  g_test_add ("/save/through-symlink", Fixture, NULL, fixture_set_up, test_save_through_symlink,
              fixture_tear_down);
  g_test_add ("/save/async", Fixture, NULL, fixture_set_up, test_save_async, fixture_tear_down);

  return g_test_run ();
}
