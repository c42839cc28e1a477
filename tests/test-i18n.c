/* test-i18n.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A report in another language than the interface's: the catalogs read
 * by iap-i18n.c, with tests/i18n's small Arabic and Chinese ones. */

#include "config.h"

#include <glib/gstdio.h>

#include "iap-i18n.h"
#include "iap-workshop.h"

static char *localedir;

/* LOCALEDIR/LANG/LC_MESSAGES/iap-workshop.mo for each test catalog, and
 * a "xx" one that is not a catalog at all */
static void
make_localedir (void)
{
  static const char * const languages[] = { "ar", "zh_CN" };
  g_autoptr(GError) error = NULL;

  localedir = g_dir_make_tmp ("test-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("i18n-%s.mo", languages[i]);
      g_autofree char *built = g_test_build_filename (G_TEST_BUILT, name, NULL);
      g_autofree char *dir = g_build_filename (localedir, languages[i], "LC_MESSAGES", NULL);
      g_autofree char *path = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_file_get_contents (built, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (path, contents, length, &error);
      g_assert_no_error (error);
      if (g_str_equal (languages[i], "ar"))
        {
          /* Cut short: the tables point past its end */
          g_autofree char *bad_dir = g_build_filename (localedir, "xx", "LC_MESSAGES", NULL);
          g_autofree char *bad = g_build_filename (bad_dir, GETTEXT_PACKAGE ".mo", NULL);

          g_assert_cmpint (g_mkdir_with_parents (bad_dir, 0700), ==, 0);
          g_file_set_contents (bad, contents, length / 2, &error);
          g_assert_no_error (error);
        }
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
}

static void
remove_localedir (void)
{
  static const char * const languages[] = { "ar", "zh_CN", "xx" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *dir = g_build_filename (localedir, languages[i], "LC_MESSAGES", NULL);
      g_autofree char *path = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
      g_autofree char *parent = g_path_get_dirname (dir);

      g_unlink (path);
      g_rmdir (dir);
      g_rmdir (parent);
    }
  g_rmdir (localedir);
  g_free (localedir);
}

static void
assert_resolves (const char *requested,
                 const char *expected)
{
  g_autofree char *language = iap_i18n_resolve_language (requested);

  g_assert_cmpstr (language, ==, expected);
}

/* People and locales name languages many ways; Chinese in traditional
 * script never falls back on the simplified catalog */
static void
test_resolve (void)
{
  assert_resolves ("ar", "ar");
  assert_resolves ("ar_EG.UTF-8", "ar");
  assert_resolves ("ar-SA", "ar");
  assert_resolves ("AR", "ar");
  assert_resolves ("zh", "zh_CN");
  assert_resolves ("zh_CN.UTF-8", "zh_CN");
  assert_resolves ("zh-Hans", "zh_CN");
  assert_resolves ("zh_SG", "zh_CN");
  assert_resolves ("zh_TW", NULL);
  assert_resolves ("zh-Hant", NULL);
  assert_resolves ("en", "en");
  assert_resolves ("en_GB.UTF-8", "en");
  assert_resolves ("C", "en");
  assert_resolves ("de", NULL);
  assert_resolves ("", NULL);
  assert_resolves ("-", NULL);

  g_assert_cmpstr (iap_i18n_get_language_name ("ar"), ==, "العربية");
  g_assert_cmpstr (iap_i18n_get_language_name ("zh_CN"), ==, "中文（简体）");
  g_assert_cmpstr (iap_i18n_get_language_name ("de"), ==, "de");
}

static void
test_push (void)
{
  /* No setlocale(): the interface is in English */
  g_assert_cmpstr (_("Risk register"), ==, "Risk register");
  g_assert_cmpstr (iap_i18n_get_language (), ==, "en");

  iap_i18n_push_language ("ar");
  g_assert_cmpstr (iap_i18n_get_language (), ==, "ar");
  g_assert_cmpstr (iap_i18n_get_pango_language (), ==, "ar");
  g_assert_cmpstr (_("Risk register"), ==, "سجل المخاطر");
  g_assert_cmpstr (C_("text direction", "default:LTR"), ==, "default:RTL");
  g_assert_cmpstr (C_("month in a date", "March"), ==, "آذار/مارس");
  /* Not translated: the source text */
  g_assert_cmpstr (_("Mitigation plan"), ==, "Mitigation plan");
  g_assert_cmpstr (C_("month in a date", "April"), ==, "April");
  /* Another domain is not ours to translate */
  g_assert_cmpstr (g_dgettext ("gtk40", "Risk register"), ==, "Risk register");

  iap_i18n_push_language ("zh_CN");
  g_assert_cmpstr (_("Risk register"), ==, "风险登记册");
  g_assert_cmpstr (iap_i18n_get_pango_language (), ==, "zh-cn");
  iap_i18n_push_language (NULL);
  g_assert_cmpstr (_("Risk register"), ==, "Risk register");
  iap_i18n_pop_language ();
  g_assert_cmpstr (_("Risk register"), ==, "风险登记册");
  iap_i18n_pop_language ();
  g_assert_cmpstr (_("Risk register"), ==, "سجل المخاطر");
  iap_i18n_pop_language ();
  g_assert_cmpstr (_("Risk register"), ==, "Risk register");
}

/* Arabic's six forms, from the catalog's own Plural-Forms expression */
static void
test_plural (void)
{
  static const struct { gulong n; const char *form; } arabic[] = {
    { 0, "zero %u" }, { 1, "one %u" }, { 2, "two %u" }, { 3, "few %u" }, { 10, "few %u" },
    { 11, "many %u" }, { 99, "many %u" }, { 100, "other %u" }, { 102, "other %u" },
    { 103, "few %u" }, { 111, "many %u" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arabic); i++)
    {
      iap_i18n_push_language ("ar");
      g_assert_cmpstr (g_dngettext (NULL, "%u risk", "%u risks", arabic[i].n), ==, arabic[i].form);
      iap_i18n_pop_language ();
    }

  iap_i18n_push_language ("zh_CN");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", 1), ==, "%u 项风险");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", 7), ==, "%u 项风险");
  /* Untranslated: English's rule */
  g_assert_cmpstr (g_dngettext (NULL, "%u day", "%u days", 1), ==, "%u day");
  g_assert_cmpstr (g_dngettext (NULL, "%u day", "%u days", 2), ==, "%u days");
  iap_i18n_pop_language ();

  /* English itself */
  iap_i18n_push_language ("en");
  g_assert_cmpstr (g_dngettext (NULL, "%u risk", "%u risks", 0), ==, "%u risks");
  g_assert_cmpstr (g_dngettext (NULL, "%u risk", "%u risks", 1), ==, "%u risk");
  iap_i18n_pop_language ();
}

/* Dates take their month's name and their order from the catalog: no
 * locale needs to be installed for them */
static void
test_date (void)
{
  g_autofree char *english = iap_date_dup_display ("2026-03-09");
  g_autofree char *arabic = NULL;
  g_autofree char *chinese = NULL;
  g_autofree char *other = NULL;

  g_assert_cmpstr (english, ==, "9 March 2026");
  iap_i18n_push_language ("ar");
  arabic = iap_date_dup_display ("2026-03-09");
  other = iap_date_dup_display ("2026-04-30");
  iap_i18n_pop_language ();
  g_assert_cmpstr (arabic, ==, "9 آذار/مارس 2026");
  g_assert_cmpstr (other, ==, "30 April 2026");
  iap_i18n_push_language ("zh_CN");
  chinese = iap_date_dup_display ("2026-03-09");
  iap_i18n_pop_language ();
  g_assert_cmpstr (chinese, ==, "2026年3月9日");
}

static gpointer
translate_in_thread (gpointer data)
{
  return g_strdup (_("Risk register"));
}

/* A report written in another thread leaves the window's language alone,
 * and the other way round */
static void
test_threads (void)
{
  GThread *thread;
  g_autofree char *text = NULL;

  iap_i18n_push_language ("ar");
  thread = g_thread_new ("other", translate_in_thread, NULL);
  text = g_thread_join (thread);
  g_assert_cmpstr (text, ==, "Risk register");
  g_assert_cmpstr (_("Risk register"), ==, "سجل المخاطر");
  iap_i18n_pop_language ();
}

/* A damaged catalog is said so, and the report comes out in English */
static void
test_damaged (void)
{
  if (g_test_subprocess ())
    {
      /* The warning is what is tested: not fatal here */
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      iap_i18n_push_language ("xx");
      g_assert_cmpstr (_("Risk register"), ==, "Risk register");
      g_assert_cmpstr (iap_i18n_get_language (), ==, "xx");
      iap_i18n_pop_language ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*is not a valid message catalog*");
}

/* The languages offered are English and those of po/LINGUAS whose
 * catalog is there: none of the test's is in po/LINGUAS */
static void
test_languages (void)
{
  const char * const *languages = iap_i18n_get_languages ();

  g_assert_cmpstr (languages[0], ==, "en");
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *resolved = iap_i18n_resolve_language (languages[i]);

      g_assert_cmpstr (resolved, ==, languages[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  make_localedir ();

  g_test_add_func ("/i18n/resolve", test_resolve);
  g_test_add_func ("/i18n/push", test_push);
  g_test_add_func ("/i18n/plural", test_plural);
  g_test_add_func ("/i18n/date", test_date);
  g_test_add_func ("/i18n/threads", test_threads);
  g_test_add_func ("/i18n/damaged", test_damaged);
  g_test_add_func ("/i18n/languages", test_languages);

  status = g_test_run ();
  remove_localedir ();

  return status;
}
