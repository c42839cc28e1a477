/* test-workshop-file.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "iap-foreign.h"
#include "iap-integration-map.h"
#include "iap-tree-writer.h"
#include "iap-workshop-file.h"

/* Random workshops */

static const char *
pick (const char * const *values)
{
  return values[g_test_rand_int_range (0, g_strv_length ((char **)values))];
}

static char *
random_text (void)
{
  /* Markup characters, non-ASCII, a newline and a tab, and spaces that
   * must survive at both ends. */
  static const char * const pieces[] = {
    "risk", "Kivara", "<b>", "&amp;", "\"quoted\"", "l'accès", "Ñandú", "δ", "\n", "\t",
    "  ", "注意", "🙂", "]]>", "x", "a b", NULL
  };
  GString *text = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 6);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pick (pieces));

  /* Blank-only text is empty for XML tools that drop blank nodes. */
  if (text->len > 0)
    g_string_append (text, "z");

  return g_string_free (text, FALSE);
}

static const char *
random_entry (IapWorkshop *w,
              const char  *kind)
{
  GListModel *entries = iap_catalog_get_entries (iap_workshop_get_catalog (w), kind);
  g_autoptr(IapCatalogEntry) entry = NULL;

  entry = g_list_model_get_item (entries, g_test_rand_int_range (0, g_list_model_get_n_items (entries)));

  return iap_catalog_entry_get_id (entry);
}

static const char *
random_date (void)
{
  static const char * const dates[] = { "", "2026-03-02", "2024-02-29", "1999-12-31", NULL };

  return pick (dates);
}

static void
random_setup (IapWorkshop *w)
{
  static const char * const classifications[] = {
    "unclassified", "internal", "confidential", "strictly-confidential", NULL
  };
  static const char * const answers[] = { "yes", "no", "unknown", NULL };
  g_autofree char *title = random_text ();
  g_autofree char *notes = random_text ();

  iap_workshop_set (w, w,
                    "title", title, "notes", notes, "country", "Republic of Kivara",
                    "start-date", random_date (), "end-date", random_date (),
                    "classification", pick (classifications),
                    "anonymize", g_test_rand_bit (),
                    "unct", pick (answers), "mission", pick (answers),
                    "mission-type", random_entry (w, "mission-type"),
                    "phase", g_test_rand_bit () ? random_entry (w, "phase") : "",
                    NULL);
  for (guint i = 0; i < 4; i++)
    if (g_test_rand_bit ())
      iap_workshop_set_indicator (w, random_entry (w, "indicator"), pick (answers), "note");
}

static void
random_participants_and_risks (IapWorkshop *w)
{
  guint n_participants = g_test_rand_int_range (0, 8);
  guint n_risks = g_test_rand_int_range (0, 10);

  for (guint i = 0; i < n_participants; i++)
    {
      g_autofree char *name = random_text ();

      iap_workshop_add_participant (w, random_entry (w, "pillar"), name, "UNICEF");
    }

  for (guint i = 0; i < n_risks; i++)
    {
      g_autofree char *title = random_text ();
      IapRisk *risk = iap_workshop_add_risk (w, random_entry (w, "arrangement"),
                                             random_entry (w, "area"), title);

      if (g_test_rand_bit ())
        iap_workshop_set (w, risk,
                          "inherent-likelihood", g_test_rand_int_range (1, 6),
                          "inherent-impact", g_test_rand_int_range (1, 6),
                          NULL);
      if (g_test_rand_bit ())
        iap_workshop_set (w, risk,
                          "residual-likelihood", g_test_rand_int_range (1, 6),
                          "residual-impact", g_test_rand_int_range (1, 6),
                          "accepted-by", "SRSG", "acceptance-date", "2026-04-01",
                          NULL);
      if (g_test_rand_bit ())
        {
          g_autofree char *source = random_text ();

          iap_workshop_set (w, risk, "source", source, NULL);
        }
    }
}

static const char *
random_item_id (GListModel *list)
{
  g_autoptr(GObject) item = NULL;
  g_autofree char *id = NULL;

  if (g_list_model_get_n_items (list) == 0)
    return NULL;

  item = g_list_model_get_item (list, g_test_rand_int_range (0, g_list_model_get_n_items (list)));
  g_object_get (item, "id", &id, NULL);

  return g_intern_string (id);
}

static void
random_scoring (IapWorkshop *w)
{
  GListModel *participants = iap_workshop_get_participants (w);
  GListModel *risks = iap_workshop_get_risks (w);
  IapRound *round;

  for (guint i = 0; i < 3; i++)
    {
      const char *factor = random_entry (w, "factor");

      iap_workshop_set_factor_weight (w, factor, g_test_rand_int_range (0, 6));
      iap_workshop_set_factor_score (w, factor, random_entry (w, "option"), g_test_rand_int_range (0, 5));
    }

  if (g_list_model_get_n_items (participants) == 0)
    return;

  round = iap_workshop_add_round (w, g_test_rand_bit () ? "private" : "ballot");
  iap_workshop_set (w, round, "state", "revealed", NULL);
  for (guint i = 0; i < 6 && g_list_model_get_n_items (risks) > 0; i++)
    iap_workshop_set_rating (w, round, random_item_id (participants), random_item_id (risks),
                             g_test_rand_int_range (1, 6), g_test_rand_int_range (1, 6));
  iap_workshop_set_factor_rating (w, round, random_item_id (participants),
                                  random_entry (w, "factor"), random_entry (w, "option"),
                                  g_test_rand_int_range (0, 5));
}

static void
random_plan (IapWorkshop *w)
{
  GListModel *participants = iap_workshop_get_participants (w);
  GListModel *risks = iap_workshop_get_risks (w);
  guint n = g_test_rand_int_range (0, 4);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = random_text ();
      IapMitigation *m = iap_workshop_add_mitigation (w, random_entry (w, "measure"), title);
      const char *risk = random_item_id (risks);
      const char *links[] = { risk, NULL };

      iap_workshop_set (w, m, "status", "in-progress", "treatment", "share", "due", random_date (),
                        "owner", "Amara Diallo", "owner-entity", "OCHA",
                        "factors", (const char *[]) { random_entry (w, "factor"), NULL },
                        NULL);
      if (risk != NULL)
        iap_workshop_set (w, m, "risks", links, NULL);
      if (g_test_rand_bit ())
        iap_workshop_set (w, m, "source", "Ebe field office", NULL);
    }

  iap_workshop_set (w, w, "recommendation", random_entry (w, "option"),
                    "rationale", "Because", "options",
                    (const char *[]) { "double-hatted", "no-structural", NULL },
                    NULL);
  if (g_list_model_get_n_items (participants) > 0)
    iap_workshop_add_dissent (w, random_item_id (participants), "recommendation", NULL, "I disagree.");
}

/* The IAP decision: a few lines of the integration map, some
 * requirements assessed, and the arrangements of an option */
static void
random_decision (IapWorkshop *w)
{
  static const char * const levels[] = { "", "low", "medium", "high", NULL };
  static const char * const statuses[] = { "", "met", "partly", "not-yet", "not-applicable", NULL };
  guint n = g_test_rand_int_range (0, 4);

  for (guint i = 0; i < n; i++)
    {
      const char *area = random_entry (w, "integration-area");
      const char *risk = random_item_id (iap_workshop_get_risks (w));
      g_autofree char *reason = random_text ();
      IapIntegrationArea *item;

      if (iap_workshop_find_integration_area (w, area) != NULL)
        continue;

      item = iap_workshop_add_integration_area (w, area);
      iap_workshop_set (w, item, "depth", g_test_rand_bit () ? random_entry (w, "depth") : "",
                        "impact", pick (levels), "impact-reason", reason,
                        "costs", pick (levels), "risk-level", pick (levels), "risk-reason", reason,
                        "risks", (const char *[]) { risk, NULL }, NULL);
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *note = random_text ();

      iap_workshop_set_requirement_status (w, random_entry (w, "requirement"), pick (statuses), note);
    }

  if (g_test_rand_bit ())
    iap_workshop_set_option_arrangements (w, "no-structural",
                                          (const char *[]) { random_entry (w, "arrangement"), NULL });
}

static IapWorkshop *
random_workshop (void)
{
  IapWorkshop *w = iap_workshop_new ();

  random_setup (w);
  if (g_test_rand_bit ())
    {
      IapCatalogEntry *entry = iap_workshop_add_custom_entry (w, "arrangement", "Joint patrols", "Ours");

      iap_workshop_add_risk (w, iap_catalog_entry_get_id (entry), "access", "Custom");
    }
  if (g_test_rand_bit ())
    g_assert_true (iap_workshop_resize_scales (w, g_test_rand_int_range (5, 7),
                                               g_test_rand_int_range (5, 7), NULL));
  iap_workshop_set_band (w, 1, 1, IAP_BAND_MEDIUM);
  random_participants_and_risks (w);
  random_scoring (w);
  random_plan (w);
  random_decision (w);

  return w;
}

/* Deep comparison, property by property */

static void assert_lists_equal (GListModel *a,
                                GListModel *b);

static void
assert_objects_equal (GObject *a,
                      GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (a), ==, G_OBJECT_TYPE_NAME (b));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      GType type = pspecs[i]->value_type;

      if (!(pspecs[i]->flags & G_PARAM_READABLE) || g_type_is_a (type, G_TYPE_OBJECT))
        continue;

      g_value_init (&va, type);
      g_value_init (&vb, type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);

      if (type == G_TYPE_STRING)
        g_assert_cmpstr (g_value_get_string (&va), ==, g_value_get_string (&vb));
      else if (type == G_TYPE_STRV)
        g_assert_true (g_strv_equal (g_value_get_boxed (&va), g_value_get_boxed (&vb)));
      else if (type == G_TYPE_VARIANT)
        g_assert_true (g_variant_equal (g_value_get_variant (&va), g_value_get_variant (&vb)));
      else
        g_assert_cmpint (g_param_values_cmp (pspecs[i], &va, &vb), ==, 0);
    }

  if (IAP_IS_ROUND (a))
    {
      assert_lists_equal (iap_round_get_ratings (IAP_ROUND (a)), iap_round_get_ratings (IAP_ROUND (b)));
      assert_lists_equal (iap_round_get_factor_ratings (IAP_ROUND (a)),
                          iap_round_get_factor_ratings (IAP_ROUND (b)));
    }
}

static void
assert_lists_equal (GListModel *a,
                    GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));

  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(GObject) ia = g_list_model_get_item (a, i);
      g_autoptr(GObject) ib = g_list_model_get_item (b, i);

      assert_objects_equal (ia, ib);
    }
}

static void
assert_workshops_equal (IapWorkshop *a,
                        IapWorkshop *b)
{
  IapScales *sa = iap_workshop_get_scales (a);
  IapScales *sb = iap_workshop_get_scales (b);

  assert_objects_equal (G_OBJECT (a), G_OBJECT (b));
  assert_objects_equal (G_OBJECT (sa), G_OBJECT (sb));
  assert_lists_equal (iap_scales_get_likelihood (sa), iap_scales_get_likelihood (sb));
  assert_lists_equal (iap_scales_get_impact (sa), iap_scales_get_impact (sb));
  assert_lists_equal (iap_catalog_get_custom (iap_workshop_get_catalog (a)),
                      iap_catalog_get_custom (iap_workshop_get_catalog (b)));
  assert_lists_equal (iap_workshop_get_indicators (a), iap_workshop_get_indicators (b));
  assert_lists_equal (iap_workshop_get_participants (a), iap_workshop_get_participants (b));
  assert_lists_equal (iap_workshop_get_risks (a), iap_workshop_get_risks (b));
  assert_lists_equal (iap_workshop_get_factor_scores (a), iap_workshop_get_factor_scores (b));
  assert_lists_equal (iap_workshop_get_rounds (a), iap_workshop_get_rounds (b));
  assert_lists_equal (iap_workshop_get_mitigations (a), iap_workshop_get_mitigations (b));
  assert_lists_equal (iap_workshop_get_dissents (a), iap_workshop_get_dissents (b));
  assert_lists_equal (iap_workshop_get_integration_map (a), iap_workshop_get_integration_map (b));
  assert_lists_equal (iap_workshop_get_requirement_statuses (a), iap_workshop_get_requirement_statuses (b));

  /* A file records what every option under consideration brings, the
   * catalog's included: compare what each brings, not where it is kept */
  for (const char * const *o = iap_workshop_get_options (a); *o != NULL; o++)
    {
      g_auto(GStrv) in_a = iap_workshop_dup_option_arrangements (a, *o);
      g_auto(GStrv) in_b = iap_workshop_dup_option_arrangements (b, *o);

      g_assert_true (g_strv_equal ((const char * const *)in_a, (const char * const *)in_b));
    }
}

/* Helpers */

static char *
write_temp (GBytes     *bytes,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-workshop-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_schema_valid (const char *path)
{
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "resources", "workshop.rng", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not validate: %s", path, err);
}

static IapWorkshop *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return iap_workshop_load_bytes (bytes, "test.iapw", error);
}

/* Tests */

static void
test_roundtrip_random (void)
{
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(IapWorkshop) w = random_workshop ();
      g_autoptr(IapWorkshop) loaded = NULL;
      g_autoptr(GBytes) first = iap_workshop_to_bytes (w);
      g_autoptr(GBytes) second = NULL;
      g_autoptr(GError) error = NULL;

      loaded = iap_workshop_load_bytes (first, "random.iapw", &error);
      if (error != NULL)
        g_printerr ("%.*s\n", (int)g_bytes_get_size (first), (const char *)g_bytes_get_data (first, NULL));
      g_assert_no_error (error);
      g_assert_false (iap_workshop_get_modified (loaded));
      assert_workshops_equal (w, loaded);

      second = iap_workshop_to_bytes (loaded);
      g_assert_true (g_bytes_equal (first, second));
    }
}

static void
assert_writers_agree (IapWorkshop *w)
{
  g_autoptr(GBytes) bytes = iap_workshop_to_bytes (w);
  g_autoptr(GBytes) reference = iap_tree_writer_to_bytes (w);

  if (!g_bytes_equal (bytes, reference))
    g_error ("The writer and its reference differ:\n%.*s\n---\n%.*s",
             (int)g_bytes_get_size (bytes), (const char *)g_bytes_get_data (bytes, NULL),
             (int)g_bytes_get_size (reference), (const char *)g_bytes_get_data (reference, NULL));
}

/* Text that XML must escape, or cannot carry at all */
static char *
random_raw_text (void)
{
  static const char * const pieces[] = {
    "<", ">", "&", "\"", "'", "\n", "\r", "\t", "\r\n", " ", "\x01", "\x1f", "\x7f", "\xef\xbf\xbe",
    "\xff", "]]>", "&amp;", "&#38;", "é", "注意", "🙂", "x", NULL
  };
  GString *text = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 8);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pick (pieces));

  return g_string_free (text, FALSE);
}

/* Elements of other namespaces, as the reader keeps them */
static const char *
random_foreign (void)
{
  static const char * const elements[] = {
    "<x:a xmlns:x=\"urn:x\"/>",
    "<x:a xmlns:x=\"urn:x\" b=\"1 &amp; 2\" c=\"é&#10;&#9;&quot;\">text &lt; more</x:a>",
    "<x:a xmlns:x=\"urn:x\"><x:b><x:c/></x:b><x:d>t</x:d></x:a>",
    "<x:a xmlns:x=\"urn:x\">mixed <x:b/> content<x:c><x:d/></x:c></x:a>",
    "<other xmlns=\"urn:other\"><inner/></other>",
    "<x:f xmlns:x=\"urn:x\" xmlns=\"https://iapworkshop.github.io/ns/workshop/1\"><title>T</title></x:f>",
    "<x:a xmlns:x=\"urn:x\" xmlns:y=\"urn:y\" y:attr=\"v\"><y:b/><!-- note --><?pi data?></x:a>",
    "<x:a xmlns:x=\"urn:x\"><![CDATA[<kept>]]></x:a>",
    "<x:a xmlns:x=\"urn:x\">\r&#13;</x:a>",
    NULL
  };

  return pick (elements);
}

static void
add_random_foreign (gpointer    object,
                    const char *slot)
{
  if (g_test_rand_int_range (0, 3) != 0)
    return;

  for (guint i = g_test_rand_int_range (1, 3); i > 0; i--)
    iap_foreign_append (object, slot, random_foreign ());
}

static void
add_foreign_to_items (GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      add_random_foreign (item, NULL);
    }
}

/* Elements nested deeper than the writer indents */
static char *
deep_foreign (guint levels)
{
  GString *xml = g_string_new (NULL);

  for (guint i = 0; i < levels; i++)
    g_string_append (xml, "<x:d xmlns:x=\"urn:x\">");
  for (guint i = 0; i < levels; i++)
    g_string_append (xml, "</x:d>");

  return g_string_free (xml, FALSE);
}

/* The writer gives the bytes of its reference, libxml2's serialiser of a
 * tree, whatever the model holds. */
static void
test_writer_reference (void)
{
  static const char * const slots[] = {
    "setup", "context", "catalog", "participants", "risks", "factors", "rounds", "mitigations",
    "recommendation", "dissents", NULL
  };

  for (guint i = 0; i < 80; i++)
    {
      g_autoptr(IapWorkshop) w = random_workshop ();
      GListModel *risks = iap_workshop_get_risks (w);
      IapScales *scales = iap_workshop_get_scales (w);
      GListModel *rounds = iap_workshop_get_rounds (w);

      assert_writers_agree (w);

      for (guint j = 0; slots[j] != NULL; j++)
        add_random_foreign (w, slots[j]);
      add_random_foreign (w, NULL);
      add_random_foreign (scales, NULL);
      add_random_foreign (scales, "likelihood");
      add_random_foreign (scales, "bands");
      add_foreign_to_items (iap_workshop_get_participants (w));
      add_foreign_to_items (risks);
      add_foreign_to_items (iap_workshop_get_indicators (w));
      add_foreign_to_items (iap_workshop_get_dissents (w));
      add_foreign_to_items (iap_workshop_get_mitigations (w));
      add_foreign_to_items (iap_workshop_get_factor_scores (w));
      add_foreign_to_items (iap_scales_get_impact (scales));
      add_foreign_to_items (rounds);
      for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
        {
          g_autoptr(IapRound) round = g_list_model_get_item (rounds, r);

          add_foreign_to_items (iap_round_get_ratings (round));
          add_foreign_to_items (iap_round_get_factor_ratings (round));
        }
      if (g_test_rand_bit ())
        {
          g_autofree char *deep = deep_foreign (g_test_rand_int_range (28, 40));

          iap_foreign_append (w, "setup", deep);
        }

      for (guint r = 0; r < g_list_model_get_n_items (risks); r++)
        {
          g_autoptr(IapRisk) risk = g_list_model_get_item (risks, r);
          g_autofree char *title = random_raw_text ();
          g_autofree char *notes = random_raw_text ();
          g_autofree char *by = random_raw_text ();
          g_autofree char *justification = random_raw_text ();

          g_object_set (risk, "title", title, "notes", notes, "accepted-by", by,
                        "acceptance-justification", justification, NULL);
        }
      {
        g_autofree char *title = random_raw_text ();
        g_autofree char *justification = random_raw_text ();

        g_object_set (w, "title", title, "environment-override", "elevated",
                      "override-justification", justification, NULL);
      }

      assert_writers_agree (w);
    }
}

static void
test_schema_random (void)
{
  for (guint i = 0; i < 15; i++)
    {
      g_autoptr(IapWorkshop) w = random_workshop ();
      g_autoptr(GBytes) bytes = iap_workshop_to_bytes (w);
      g_autofree char *path = write_temp (bytes, "random.iapw");

      assert_schema_valid (path);
      remove_temp (path);
    }
}

/* A round keeps what it scores: its risks, and whether it scores the
 * factors, through the file, valid for the schema; removing a risk
 * takes it out of the round, and undo puts it back. */
static void
test_round_scope (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  g_autoptr(IapWorkshop) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  IapRisk *first = iap_workshop_add_risk (w, "co-location", "access", "First");
  IapRisk *second = iap_workshop_add_risk (w, "co-location", "perception", "Second");
  const char *scope[] = { iap_risk_get_id (first), iap_risk_get_id (second), NULL };
  IapRound *round = iap_workshop_add_round (w, "ballot");
  IapRound *read;

  iap_workshop_set (w, round, "risks", scope, "factors", TRUE, NULL);
  bytes = iap_workshop_to_bytes (w);
  path = write_temp (bytes, "scope.iapw");
  assert_schema_valid (path);
  remove_temp (path);
  loaded = iap_workshop_load_bytes (bytes, "scope.iapw", &error);
  g_assert_no_error (error);
  read = iap_workshop_find_round (loaded, iap_round_get_id (round));
  g_assert_nonnull (read);
  g_assert_true (iap_round_get_factors (read));
  g_assert_cmpstrv (iap_round_get_risks (read), scope);

  iap_workshop_remove_risk (w, first);
  g_assert_cmpstrv (iap_round_get_risks (round), ((const char *[]) { scope[1], NULL }));
  iap_workshop_undo (w);
  g_assert_cmpstrv (iap_round_get_risks (round), scope);
}

static void
test_schema_empty (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  g_autoptr(GBytes) bytes = iap_workshop_to_bytes (w);
  g_autofree char *path = write_temp (bytes, "empty.iapw");
  g_autoptr(IapWorkshop) loaded = NULL;
  g_autoptr(GError) error = NULL;

  assert_schema_valid (path);
  loaded = iap_workshop_load_bytes (bytes, "empty.iapw", &error);
  g_assert_no_error (error);
  assert_workshops_equal (w, loaded);
  remove_temp (path);
}

static void
test_save_and_load_file (void)
{
  g_autoptr(IapWorkshop) w = random_workshop ();
  g_autoptr(IapWorkshop) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-workshop-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.iapw", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (iap_workshop_get_modified (w));
  g_assert_true (iap_workshop_save (w, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (iap_workshop_get_modified (w));
  g_assert_true (iap_workshop_get_file (w) == file);
  assert_schema_valid (path);

  loaded = iap_workshop_load (file, NULL, &error);
  g_assert_no_error (error);
  assert_workshops_equal (w, loaded);
  g_assert_true (g_file_equal (iap_workshop_get_file (loaded), file));

  iap_workshop_set (loaded, loaded, "title", "Second", NULL);
  g_assert_true (iap_workshop_save (loaded, file, NULL, &error));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

static const char foreign_text[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<workshop xmlns=\"https://iapworkshop.github.io/ns/workshop/1\" xmlns:ext=\"urn:example:ext\" version=\"1.0\">\n"
  "  <ext:top a=\"1\"><ext:child>kept</ext:child></ext:top>\n"
  "  <setup><ext:in-setup/><title>T</title></setup>\n"
  "  <scales consensus-iqr=\"1\" consensus-agreement=\"80\" appetite=\"medium\">\n"
  "    <likelihood><level><label>a</label></level><level/><level/></likelihood>\n"
  "    <impact><level/><level/><level/></impact>\n"
  "    <bands><row likelihood=\"1\">low low low</row><row likelihood=\"2\">low medium high</row>\n"
  "      <row likelihood=\"3\">high high critical</row></bands>\n"
  "  </scales>\n"
  "  <participants><participant id=\"p1\" pillar=\"ngo\"><other xmlns=\"urn:other\">x</other></participant></participants>\n"
  "</workshop>\n";

static void
test_foreign_elements (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IapWorkshop) w = load_text (foreign_text, &error);
  g_autoptr(IapWorkshop) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *path = NULL;
  const char *text;
  gsize size;

  g_assert_no_error (error);
  first = iap_workshop_to_bytes (w);
  /* The bytes are not NUL-terminated: every search is bounded. */
  text = g_bytes_get_data (first, &size);
  g_assert_nonnull (g_strstr_len (text, size, "<ext:child>kept</ext:child>"));
  g_assert_nonnull (g_strstr_len (text, size, "ext:in-setup"));
  g_assert_nonnull (g_strstr_len (text, size, "<other xmlns=\"urn:other\">x</other>"));

  again = iap_workshop_load_bytes (first, "again.iapw", &error);
  g_assert_no_error (error);
  second = iap_workshop_to_bytes (again);
  g_assert_true (g_bytes_equal (first, second));
  assert_writers_agree (w);

  path = write_temp (first, "foreign.iapw");
  assert_schema_valid (path);
  remove_temp (path);
}

static void
test_newer_minor_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IapWorkshop) w = NULL;

  /* A later 1.x may add elements and attributes; this version skips them. */
  w = load_text ("<workshop xmlns=\"https://iapworkshop.github.io/ns/workshop/1\" version=\"1.7\">"
                 "<setup future=\"yes\"><new-thing/><title>T</title></setup>"
                 "<scales consensus-iqr=\"1\" consensus-agreement=\"80\" appetite=\"medium\">"
                 "<likelihood><level/><level/><level/></likelihood><impact><level/><level/><level/></impact>"
                 "<bands><row likelihood=\"1\">low low low</row><row likelihood=\"2\">low low low</row>"
                 "<row likelihood=\"3\">low low low</row></bands></scales></workshop>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iap_workshop_get_title (w), ==, "T");
  g_assert_cmpstr (iap_workshop_get_format_version (w), ==, "1.7");
}

static void
test_newer_major_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IapWorkshop) w = NULL;

  w = load_text ("<?xml version=\"1.0\"?>\n<workshop xmlns=\"https://iapworkshop.github.io/ns/workshop/1\" "
                 "version=\"2.0\"><anything/></workshop>", &error);
  g_assert_null (w);
  g_assert_error (error, IAP_WORKSHOP_FILE_ERROR, IAP_WORKSHOP_FILE_ERROR_NEWER_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "test.iapw:2: this workshop was written by a newer IAP Workshop (file format 2); "
                   "this version reads format 1. Install a newer version of IAP Workshop to open it.");
}

static void
test_example (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/example.iapw", 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IapWorkshop) w = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *path = NULL;

  g_assert_nonnull (bytes);
  w = iap_workshop_load_bytes (bytes, "example.iapw", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_risks (w)), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_factor_scores (w)), ==, 12);
  g_assert_cmpstr (iap_workshop_get_environment (w), ==, "high-risk");

  /* The example is written as the application writes: a save of it
   * changes nothing. */
  saved = iap_workshop_to_bytes (w);
  path = write_temp (saved, "example.iapw");
  assert_schema_valid (path);
  remove_temp (path);
  g_assert_true (g_bytes_equal (bytes, saved));
  assert_writers_agree (w);
}

static const char *
raw_label (IapScaleLevel *level)
{
  static char *text;

  g_clear_pointer (&text, g_free);
  g_object_get (level, "label", &text, NULL);

  return text;
}

/* Untouched default levels are stored in the catalog's words and marked
 * default, so that each reader sees them in their language; an edited one
 * keeps what the editor saw, as typed, and undo brings the default back. */
static void
test_default_levels (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  g_autoptr(IapWorkshop) back = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *likelihood = iap_scales_get_likelihood (iap_workshop_get_scales (w));
  g_autoptr(IapScaleLevel) first = g_list_model_get_item (likelihood, 0);
  g_autoptr(IapScaleLevel) second = g_list_model_get_item (likelihood, 1);
  g_autofree char *definition = NULL;
  g_autofree char *text = NULL;

  g_assert_true (iap_scale_level_get_is_default (first));
  g_assert_cmpstr (raw_label (first), ==, "Rare");

  iap_workshop_set_text (w, second, "label", "Improbable");
  g_assert_false (iap_scale_level_get_is_default (second));
  g_assert_cmpstr (iap_scale_level_get_label (second), ==, "Improbable");
  g_object_get (second, "definition", &definition, NULL);
  g_assert_cmpstr (definition, ==, "Could happen at some time, but is not expected to.");

  saved = iap_workshop_to_bytes (w);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_assert_nonnull (strstr (text, "<level default=\"true\">\n        <label>Rare</label>"));
  g_assert_nonnull (strstr (text, "<level>\n        <label>Improbable</label>"));
  back = iap_workshop_load_bytes (saved, "levels.iapw", &error);
  g_assert_no_error (error);
  {
    GListModel *levels = iap_scales_get_likelihood (iap_workshop_get_scales (back));
    g_autoptr(IapScaleLevel) a = g_list_model_get_item (levels, 0);
    g_autoptr(IapScaleLevel) b = g_list_model_get_item (levels, 1);

    g_assert_true (iap_scale_level_get_is_default (a));
    g_assert_false (iap_scale_level_get_is_default (b));
  }

  g_assert_true (iap_workshop_undo (w));
  g_assert_true (iap_scale_level_get_is_default (second));
  g_assert_cmpstr (raw_label (second), ==, "Unlikely");
}

/* A file older than 1.3 did not say which levels kept the default
 * wording: those whose words are the catalog's, at their place, did. */
static void
test_default_levels_older (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/example.iapw", 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GString) older = g_string_new (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(IapWorkshop) w = NULL;
  g_autoptr(IapScaleLevel) rare = NULL;
  g_autoptr(IapScaleLevel) minor = NULL;
  g_autofree char *current = g_strdup_printf ("version=\"%d.%d\"", IAP_WORKSHOP_FORMAT_MAJOR,
                                              IAP_WORKSHOP_FORMAT_MINOR);

  g_string_replace (older, current, "version=\"1.2\"", 1);
  g_string_replace (older, "<level default=\"true\">", "<level>", 0);
  g_string_replace (older, "<label>Minor</label>", "<label>Mineur</label>", 1);
  w = load_text (older->str, &error);
  g_assert_no_error (error);
  rare = g_list_model_get_item (iap_scales_get_likelihood (iap_workshop_get_scales (w)), 0);
  minor = g_list_model_get_item (iap_scales_get_impact (iap_workshop_get_scales (w)), 1);
  g_assert_true (iap_scale_level_get_is_default (rare));
  g_assert_false (iap_scale_level_get_is_default (minor));
  g_assert_cmpstr (iap_scale_level_get_label (minor), ==, "Mineur");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workshop-file/roundtrip-random", test_roundtrip_random);
  g_test_add_func ("/workshop-file/writer-reference", test_writer_reference);
  g_test_add_func ("/workshop-file/schema-random", test_schema_random);
  g_test_add_func ("/workshop-file/schema-empty", test_schema_empty);
  g_test_add_func ("/workshop-file/round-scope", test_round_scope);
  g_test_add_func ("/workshop-file/save-and-load", test_save_and_load_file);
  g_test_add_func ("/workshop-file/foreign-elements", test_foreign_elements);
  g_test_add_func ("/workshop-file/newer-minor-version", test_newer_minor_version);
  g_test_add_func ("/workshop-file/newer-major-version", test_newer_major_version);
  g_test_add_func ("/workshop-file/example", test_example);

  g_test_add_func ("/workshop-file/default-levels", test_default_levels);
  g_test_add_func ("/workshop-file/default-levels-older", test_default_levels_older);

  return g_test_run ();
}
