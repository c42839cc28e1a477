/* test-cli.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/*
 * Runs `iap-workshop validate` and `summary` as a script would: no
 * display, nothing but the command line.
 */

static int
run_full (const char * const  *args,
          char               **out,
          char               **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  int status;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_ptr_array_add (argv, (gpointer)g_getenv ("IAP_WORKSHOP"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static int
run (const char * const  *args,
     char               **out)
{
  return run_full (args, out, NULL);
}

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "example.iapw", NULL);
}

static void
test_validate_example (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *out = NULL;

  g_assert_cmpint (run ((const char *[]) { "validate", example, NULL }, &out), ==, 0);
  g_assert_cmpstr (out, ==, "");
}

static void
test_validate_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GRegex) line = g_regex_new ("^[^\n]+\\.iapw:[0-9]+: [^\n]+\n$", G_REGEX_MULTILINE, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_cmpint (run ((const char *[]) { "validate", path, NULL }, &out), ==, 1);
      lines = g_strsplit (out, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), >=, 2);
      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          g_autofree char *with_newline = g_strconcat (lines[i], "\n", NULL);

          if (!g_str_has_prefix (lines[i], path) || !g_regex_match (line, with_newline, 0, NULL))
            g_error ("Not a FILE:LINE: message: %s", lines[i]);
        }
      n++;
    }
  g_assert_cmpuint (n, >=, 15);
}

static void
test_validate_several (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "duplicate-id.iapw", NULL);
  g_autofree char *out = NULL;

  g_assert_cmpint (run ((const char *[]) { "validate", example, bad, "/dev/zero", NULL }, &out), ==, 1);
  g_assert_null (strstr (out, example));
  g_assert_nonnull (strstr (out, "duplicate-id.iapw:25: "));
  g_assert_nonnull (strstr (out, "/dev/zero:1: "));
}

static void
test_usage (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *out4 = NULL;

  g_assert_cmpint (run ((const char *[]) { "validate", NULL }, &out1), ==, 2);
  g_assert_cmpint (run ((const char *[]) { "summary", NULL }, &out2), ==, 2);
  g_assert_cmpint (run ((const char *[]) { "summary", "--yaml", example, NULL }, &out3), ==, 2);
  g_assert_cmpint (run ((const char *[]) { "help", NULL }, &out4), ==, 0);
  g_assert_nonnull (strstr (out4, "validate"));
}

static void
test_summary_json (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *risk, *inherent;
  JsonArray *risks;

  g_assert_cmpint (run ((const char *[]) { "summary", "--json", example, NULL }, &out), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "1.6");
  g_assert_cmpint (json_object_get_int_member (root, "participants"), ==, 13);
  g_assert_nonnull (json_object_get_string_member (root, "title"));

  risks = json_object_get_array_member (root, "risks");
  g_assert_cmpuint (json_array_get_length (risks), ==, 12);
  risk = json_array_get_object_element (risks, 0);
  g_assert_cmpstr (json_object_get_string_member (risk, "id"), ==, "r1");
  g_assert_cmpstr (json_object_get_string_member (risk, "arrangement"), ==, "co-location");
  g_assert_cmpstr (json_object_get_string_member (risk, "area"), ==, "perception");
  inherent = json_object_get_object_member (risk, "inherent");
  g_assert_cmpint (json_object_get_int_member (inherent, "likelihood"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (inherent, "impact"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (inherent, "score"), ==, 16);
  g_assert_cmpstr (json_object_get_string_member (inherent, "band"), ==, "high");

  /* Not rated is null, never zero. */
  risk = json_array_get_object_element (risks, 10);
  g_assert_true (json_object_get_null_member (risk, "inherent"));
  g_assert_true (json_object_get_null_member (risk, "residual"));
}

/* `summary --json` of the example with each of @edits ("from", "to",
 * …, NULL) replaced once */
static JsonParser *
summarise_edited (const char * const *edits)
{
  g_autofree char *example = example_path ();
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edited.iapw", NULL);
  g_autoptr(GString) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonParser *parser = json_parser_new ();

  g_assert_true (g_file_get_contents (example, &contents, NULL, NULL));
  edited = g_string_new (contents);
  for (guint i = 0; edits[i] != NULL; i += 2)
    g_assert_cmpuint (g_string_replace (edited, edits[i], edits[i + 1], 1), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));

  g_assert_cmpint (run ((const char *[]) { "summary", "--json", path, NULL }, &out), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  g_remove (path);
  g_rmdir (dir);

  return parser;
}

/* A file with no classification has not been marked yet: null, not the
 * Internal that a new workshop gets */
static void
test_summary_unmarked (void)
{
  g_autoptr(JsonParser) parser = summarise_edited ((const char *[]) {
    " classification=\"confidential\"", "", NULL });
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));

  g_assert_true (json_object_get_null_member (root, "classification"));
}

/* `measure` names default measures only; the workshop's own measure is
 * `custom_measure` */
static void
test_summary_custom_measure (void)
{
  g_autoptr(JsonParser) parser = summarise_edited ((const char *[]) {
    "  <scales ", "  <catalog>\n    <entry kind=\"measure\" id=\"x-measure-1\"><label>Patrol code</label></entry>\n  </catalog>\n  <scales ",
    "measure=\"last-resort-assets\"", "measure=\"x-measure-1\"",
    NULL });
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *mitigations = json_object_get_array_member (root, "mitigations");
  JsonObject *m1 = json_array_get_object_element (mitigations, 0);
  JsonObject *m2 = json_array_get_object_element (mitigations, 1);

  g_assert_cmpstr (json_object_get_string_member (m1, "measure"), ==, "separate-support");
  g_assert_true (json_object_get_null_member (m1, "custom_measure"));
  g_assert_cmpstr (json_object_get_string_member (m2, "id"), ==, "m2");
  g_assert_true (json_object_get_null_member (m2, "measure"));
  g_assert_cmpstr (json_object_get_string_member (m2, "custom_measure"), ==, "x-measure-1");
}

/* The IAP decision: where to integrate and how deeply, what each option
 * brings, the change recommended, and the requirements covered */
static void
test_summary_decision (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *area, *option, *costs, *current, *change, *requirement;
  JsonArray *map, *requirements;

  g_assert_cmpint (run ((const char *[]) { "summary", "--json", example, NULL }, &out), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  map = json_object_get_array_member (root, "integration_map");
  g_assert_cmpuint (json_array_get_length (map), ==, 13);
  area = json_array_get_object_element (map, 3);
  g_assert_cmpstr (json_object_get_string_member (area, "area"), ==, "elections");
  g_assert_cmpstr (json_object_get_string_member (area, "depth"), ==, "information-sharing");
  g_assert_cmpstr (json_object_get_string_member (area, "impact"), ==, "low");
  g_assert_cmpstr (json_object_get_string_member (area, "transaction_costs"), ==, "medium");
  g_assert_cmpstr (json_object_get_string_member (area, "risks"), ==, "low");
  g_assert_true (json_object_get_boolean_member (area, "costs_exceed_impact"));
  g_assert_false (json_object_get_boolean_member (area, "risks_high"));
  area = json_array_get_object_element (map, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (area, "linked_risks")), ==, 2);
  g_assert_true (json_object_get_boolean_member (area, "risks_high"));

  option = json_array_get_object_element (json_object_get_array_member (root, "options"), 2);
  g_assert_cmpstr (json_object_get_string_member (option, "id"), ==, "triple-hatted");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (option, "arrangements")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (option, "arrangement_risks")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (option, "consequences")), ==, 4);
  costs = json_object_get_object_member (option, "transaction_costs");
  g_assert_cmpint (json_object_get_int_member (costs, "value"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (costs, "max"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (costs, "share"), ==, 75);

  current = json_object_get_object_member (root, "current_configuration");
  g_assert_cmpstr (json_object_get_string_member (current, "option"), ==, "triple-hatted");
  g_assert_cmpstr (json_object_get_string_member (current, "recommended"), ==, "double-hatted");
  change = json_object_get_object_member (current, "change");
  g_assert_true (json_object_get_boolean_member (change, "changes"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (change, "adds"), 0), ==,
                   "double-hatting");

  requirements = json_object_get_array_member (root, "requirements");
  g_assert_cmpuint (json_array_get_length (requirements), ==, 8);
  requirement = json_array_get_object_element (requirements, 6);
  g_assert_cmpstr (json_object_get_string_member (requirement, "id"), ==, "isf-integrated-areas");
  g_assert_cmpstr (json_object_get_string_member (requirement, "status"), ==, "met");
  g_assert_true (json_object_get_boolean_member (requirement, "suggested"));
  g_assert_true (json_object_get_null_member (requirement, "note"));
  requirement = json_array_get_object_element (requirements, 0);
  g_assert_cmpstr (json_object_get_string_member (requirement, "status"), ==, "partly");
  g_assert_false (json_object_get_boolean_member (requirement, "suggested"));
  g_assert_nonnull (json_object_get_string_member (requirement, "note"));
}

static void
test_summary_invalid (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "empty.iapw", NULL);
  g_autofree char *out = NULL;

  g_assert_cmpint (run ((const char *[]) { "summary", "--json", bad, NULL }, &out), ==, 1);
  g_assert_cmpstr (out, ==, "");
}

/* GNU-style options: after the operands, short with the value attached,
 * long with "=" or a separate value, and "--" before an operand. Errors
 * go to standard error, never standard output. */
static void
test_option_forms (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *out4 = NULL;
  g_autofree char *err4 = NULL;

  g_assert_cmpint (run ((const char *[]) { "summary", example, "--json", NULL }, &out1), ==, 0);
  g_assert_true (g_str_has_prefix (out1, "{"));
  g_assert_cmpint (run ((const char *[]) { "summary", "--", example, NULL }, &out2), ==, 0);
  g_assert_nonnull (strstr (out2, "Participants"));

  /* -oOUT.txt is read as -o OUT.txt: the error is about its extension. */
  g_assert_cmpint (run_full ((const char *[]) { "export", example, "-oOUT.txt", "--chart=heatmap",
                                                "--size", "64x48", NULL }, &out3, &err3), ==, 2);
  g_assert_cmpstr (out3, ==, "");
  g_assert_nonnull (strstr (err3, "OUT must end in .png, .svg or .pdf"));

  /* An option of another command is a usage error. */
  g_assert_cmpint (run_full ((const char *[]) { "validate", "--json", example, NULL }, &out4, &err4), ==, 2);
  g_assert_cmpstr (out4, ==, "");
  g_assert_nonnull (strstr (err4, "--json"));
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

  g_test_add_func ("/cli/validate-example", test_validate_example);
  g_test_add_func ("/cli/validate-corpus", test_validate_corpus);
  g_test_add_func ("/cli/validate-several", test_validate_several);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/summary-json", test_summary_json);
  g_test_add_func ("/cli/summary-decision", test_summary_decision);
  g_test_add_func ("/cli/option-forms", test_option_forms);
  g_test_add_func ("/cli/summary-unmarked", test_summary_unmarked);
  g_test_add_func ("/cli/summary-custom-measure", test_summary_custom_measure);
  g_test_add_func ("/cli/summary-invalid", test_summary_invalid);

  return g_test_run ();
}
