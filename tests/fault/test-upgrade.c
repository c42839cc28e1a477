/* test-upgrade.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/*
 * `iap-workshop upgrade FILE…` as a script runs it: each file is
 * rewritten in the current format through the same safe save as the
 * window, keeping FILE~; a file that cannot be read is left alone and
 * every problem is listed as “FILE:LINE: reason”. Exit 0 when all were
 * upgraded, 1 if any failed, 2 for a usage error.
 */

typedef struct
{
  char *dir;
  char *path;
  char *example;
} Fixture;

static int
run (const char * const  *args,
     char               **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  int status;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "", TRUE);

  g_ptr_array_add (argv, (gpointer)g_getenv ("IAP_WORKSHOP"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  /* Upgrading is quiet when it works; problems go to stderr. */
  g_assert_cmpstr (out, ==, "");

  return WEXITSTATUS (status);
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

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "resources", "example.iapw", NULL);

  f->dir = g_dir_make_tmp ("test-upgrade-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "workshop.iapw", NULL);
  f->example = read_file (example);
  write_file (f->path, f->example);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->example);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static void
test_upgrade_example (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (f->path, "~", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *names = NULL;

  g_assert_cmpint (run ((const char *[]) { "upgrade", f->path, NULL }, NULL), ==, 0);
  first = read_file (f->path);
  kept = read_file (backup);
  g_assert_cmpstr (kept, ==, f->example);
  /* The example is in the current format: upgrading writes it unchanged */
  g_assert_cmpstr (first, ==, f->example);

  /* The current format rewritten is itself, byte for byte. */
  g_assert_cmpint (run ((const char *[]) { "upgrade", f->path, NULL }, NULL), ==, 0);
  second = read_file (f->path);
  g_assert_cmpstr (second, ==, first);

  g_assert_cmpint (run ((const char *[]) { "validate", f->path, NULL }, NULL), ==, 0);
  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "workshop.iapw workshop.iapw~");
}

static void
test_upgrade_keeps_mode (Fixture       *f,
                         gconstpointer  data)
{
  GStatBuf st;

  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);
  g_assert_cmpint (run ((const char *[]) { "upgrade", f->path, NULL }, NULL), ==, 0);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_upgrade_symlink (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "link.iapw", NULL);
  g_autofree char *target = NULL;

  g_assert_cmpint (symlink ("workshop.iapw", link), ==, 0);
  g_assert_cmpint (run ((const char *[]) { "upgrade", link, NULL }, NULL), ==, 0);

  /* The link still points to the file, which was the one rewritten. */
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "workshop.iapw");
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
check_problem_lines (const char *err,
                     const char *path)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  g_autoptr(GRegex) regex = g_regex_new ("^.+:[0-9]+: .+$", 0, 0, NULL);

  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      if (!g_str_has_prefix (lines[i], path) || !g_regex_match (regex, lines[i], 0, NULL))
        g_error ("Not a “%s:LINE: message” line: %s", path, lines[i]);
    }
}

static void
test_upgrade_invalid (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *bad_dir = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (bad_dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (bad_dir, name, NULL);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *backup = g_strconcat (path, "~", NULL);
      g_autofree char *before = read_file (source);
      g_autofree char *after = NULL;
      g_autofree char *err = NULL;

      write_file (path, before);
      g_assert_cmpint (run ((const char *[]) { "upgrade", path, NULL }, &err), ==, 1);
      check_problem_lines (err, path);
      after = read_file (path);
      g_assert_cmpstr (after, ==, before);
      g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
      n++;
    }
  g_assert_cmpuint (n, >=, 15);
}

static void
test_upgrade_several (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.iapw", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:1: the file does not exist\n", missing);
  g_autofree char *backup = g_strconcat (f->path, "~", NULL);
  g_autofree char *err = NULL;

  /* One failure does not stop the others. */
  g_assert_cmpint (run ((const char *[]) { "upgrade", missing, f->path, NULL }, &err), ==, 1);
  g_assert_cmpstr (err, ==, expected);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Gives the <workshop> element of @text the version @version */
static void
set_root_version (GString    *text,
                  const char *version)
{
  const char *root = strstr (text->str, "<workshop ");
  const char *value = root != NULL ? strstr (root, "version=\"") : NULL;
  const char *end = value != NULL ? strchr (value + strlen ("version=\""), '"') : NULL;
  gsize start;

  g_assert_nonnull (end);
  start = value + strlen ("version=\"") - text->str;
  g_string_erase (text, start, end - value - strlen ("version=\""));
  g_string_insert (text, start, version);
}

static void
test_upgrade_newer_minor (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GString) newer = g_string_new (f->example);
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;

  /* A later 1.x may hold what this version would drop on saving. */
  set_root_version (newer, "1.9");
  write_file (f->path, newer->str);
  g_assert_cmpint (run ((const char *[]) { "upgrade", f->path, NULL }, &err), ==, 1);
  check_problem_lines (err, f->path);
  g_assert_nonnull (strstr (err, "1.9"));
  after = read_file (f->path);
  g_assert_cmpstr (after, ==, newer->str);
}

/* Upgrading rewrites what the file holds and invents nothing: a file
 * with no classification is not given one (a new workshop's default
 * is Internal, but this one was never marked) */
static void
test_upgrade_invents_nothing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GString) unmarked = g_string_new (f->example);
  g_autofree char *after = NULL;

  g_assert_cmpuint (g_string_replace (unmarked, " classification=\"confidential\"", "", 1), ==, 1);
  write_file (f->path, unmarked->str);
  g_assert_cmpint (run ((const char *[]) { "upgrade", f->path, NULL }, NULL), ==, 0);
  after = read_file (f->path);
  g_assert_null (strstr (after, "classification=\""));
  g_assert_cmpstr (after, ==, unmarked->str);
}

static void
test_upgrade_usage (void)
{
  g_autofree char *err1 = NULL;
  g_autofree char *err2 = NULL;

  g_assert_cmpint (run ((const char *[]) { "upgrade", NULL }, &err1), ==, 2);
  g_assert_cmpint (run ((const char *[]) { "upgrade", "--force", "x.iapw", NULL }, &err2), ==, 2);
  g_assert_nonnull (strstr (err1, "upgrade"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("IAP_WORKSHOP") == NULL)
    {
      g_test_skip ("IAP_WORKSHOP is not set");
      return 77;
    }

  g_test_add ("/upgrade/example", Fixture, NULL, fixture_set_up, test_upgrade_example, fixture_tear_down);
  g_test_add ("/upgrade/keeps-mode", Fixture, NULL, fixture_set_up, test_upgrade_keeps_mode, fixture_tear_down);
  g_test_add ("/upgrade/symlink", Fixture, NULL, fixture_set_up, test_upgrade_symlink, fixture_tear_down);
  g_test_add ("/upgrade/invalid", Fixture, NULL, fixture_set_up, test_upgrade_invalid, fixture_tear_down);
  g_test_add ("/upgrade/several", Fixture, NULL, fixture_set_up, test_upgrade_several, fixture_tear_down);
  g_test_add ("/upgrade/newer-minor", Fixture, NULL, fixture_set_up, test_upgrade_newer_minor, fixture_tear_down);
  g_test_add ("/upgrade/invents-nothing", Fixture, NULL, fixture_set_up, test_upgrade_invents_nothing, fixture_tear_down);
  g_test_add_func ("/upgrade/usage", test_upgrade_usage);

  return g_test_run ();
}
