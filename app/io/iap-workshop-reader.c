/* iap-workshop-reader.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-workshop-reader"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "iap-foreign.h"
#include "iap-workshop-file.h"
#include "iap-workshop-private.h"
#include "iap-workshop-reader-private.h"
#include "iap-xml.h"

/*
 * Reads a workshop from a parsed document and checks it: every value is
 * of its type and range, every reference names something that exists,
 * no identifier is used twice. Problems are collected rather than
 * stopping at the first, so that `iap-workshop validate` can list them
 * all; opening a file reports the first.
 *
 * The parse itself (iap-xml.c) has already refused anything that is not
 * plain, well-formed XML of reasonable size.
 */

G_DEFINE_QUARK (iap-workshop-file-error-quark, iap_workshop_file_error)

/* Reads the children of @section named @item_name into @store. With
 * @ids, each item has an "id" that must be unique in the list. */
static void
read_list (Reader      *r,
           xmlNode     *section,
           GListModel  *store,
           const char  *item_name,
           GType        type,
           const Field *fields,
           GHashTable  *ids)
{
  g_autoptr(GPtrArray) known = iap_reader_known_children (fields);

  g_ptr_array_add (known, NULL);
  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_autoptr(GObject) item = NULL;
      g_autofree char *id = NULL;

      if (!iap_reader_is_named (node, item_name))
        continue;

      item = iap_reader_read_object (r, node, type, fields);
      if (item == NULL)
        continue;

      iap_reader_check_children (r, node, item, NULL, (const char * const *)known->pdata);
      if (ids != NULL)
        {
          g_object_get (item, "id", &id, NULL);
          if (g_hash_table_contains (ids, id))
            {
              iap_reader_problem (r, node, _("the id “%s” is used twice (first on line %ld)"), id,
                       GPOINTER_TO_SIZE (g_hash_table_lookup (ids, id)));
              continue;
            }
          g_hash_table_insert (ids, g_steal_pointer (&id), GSIZE_TO_POINTER (xmlGetLineNo (node)));
        }

      g_list_store_append (G_LIST_STORE (store), item);
    }
}

static void
read_section_fields (Reader      *r,
                     xmlNode     *section,
                     const Field *fields)
{
  g_autoptr(GPtrArray) known = iap_reader_known_children (fields);

  g_ptr_array_add (known, NULL);
  iap_reader_read_fields (r, section, G_OBJECT (r->workshop), fields);
  iap_reader_check_children (r, section, r->workshop, (const char *)section->name,
                  (const char * const *)known->pdata);
}

static void
read_context (Reader  *r,
              xmlNode *section)
{
  static const char * const known[] = { "mandate", "option", "indicator", "override", NULL };
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *indicators = iap_workshop_get_indicators (r->workshop);
  xmlNode *override = iap_reader_find_child (r, section, "override");

  iap_reader_read_fields (r, section, G_OBJECT (r->workshop), iap_format_context);
  iap_reader_read_field_values (r, section, G_OBJECT (r->workshop), iap_format_override);
  if (override != NULL)
    iap_reader_check_attributes (r, override, NULL, (const char * const[]) { "classification", NULL });

  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_autoptr(IapIndicatorAnswer) answer = NULL;
      const char *id;

      if (!iap_reader_is_named (node, "indicator"))
        continue;
      if ((answer = iap_reader_read_object (r, node, IAP_TYPE_INDICATOR_ANSWER, iap_format_indicator)) == NULL)
        continue;

      id = iap_indicator_answer_get_indicator (answer);
      if (!g_hash_table_add (ids, g_strdup (id)))
        iap_reader_problem (r, node, _("the indicator “%s” is answered twice"), id);
      else
        g_list_store_append (G_LIST_STORE (indicators), answer);
    }

  iap_reader_check_children (r, section, r->workshop, "context", known);
}

static void
read_catalog (Reader  *r,
              xmlNode *section)
{
  static const char * const known[] = { "label", "description", NULL };
  GListModel *custom = iap_catalog_get_custom (r->catalog);
  GObjectClass *klass = g_type_class_ref (IAP_TYPE_CATALOG_ENTRY);

  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_auto(GValue) kind = G_VALUE_INIT;
      g_auto(GValue) id = G_VALUE_INIT;
      g_autoptr(IapCatalogEntry) entry = NULL;

      if (!iap_reader_is_named (node, "entry"))
        continue;

      /* Entries are created custom, which read_object() cannot say. */
      if (!iap_reader_read_field (r, node, klass, &iap_format_catalog_entry[0], &kind) ||
          !iap_reader_read_field (r, node, klass, &iap_format_catalog_entry[1], &id) ||
          !G_IS_VALUE (&kind) || !G_IS_VALUE (&id))
        continue;

      if (iap_catalog_lookup (r->catalog, g_value_get_string (&kind), g_value_get_string (&id)))
        {
          iap_reader_problem (r, node, _("the id “%s” is already used by another %s"),
                   g_value_get_string (&id), iap_reader_kind_label (g_value_get_string (&kind)));
          continue;
        }

      entry = iap_catalog_entry_new (g_value_get_string (&kind), g_value_get_string (&id), TRUE);
      iap_reader_read_fields (r, node, G_OBJECT (entry), iap_format_catalog_entry);
      iap_reader_check_children (r, node, entry, NULL, known);
      g_list_store_append (G_LIST_STORE (custom), entry);
    }

  iap_reader_check_children (r, section, r->workshop, "catalog", (const char * const[]) { "entry", NULL });
  g_type_class_unref (klass);
}

static void
read_levels (Reader     *r,
             xmlNode    *section,
             const char *name,
             GListModel *levels)
{
  xmlNode *scale = iap_reader_find_child (r, section, name);
  guint n;

  if (scale == NULL)
    {
      iap_reader_problem (r, section, _("<scales> lacks a <%s>"), name);
      return;
    }

  read_list (r, scale, levels, "level", IAP_TYPE_SCALE_LEVEL, iap_format_level, NULL);
  iap_reader_check_children (r, scale, r->scales, name, (const char * const[]) { "level", NULL });
  iap_reader_check_attributes (r, scale, NULL, NULL);

  n = g_list_model_get_n_items (levels);
  if (n < IAP_SCALE_MIN_LEVELS || n > IAP_SCALE_MAX_LEVELS)
    iap_reader_problem (r, scale, _("the %s scale has %u levels; a scale has %d to %d"),
             name, n, IAP_SCALE_MIN_LEVELS, IAP_SCALE_MAX_LEVELS);
}

static gboolean
read_band_row (Reader  *r,
               xmlNode *row,
               guint    n_impact,
               guint8  *cells)
{
  g_autofree char *text = iap_reader_get_text (row);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (text), " \t\n\r", -1);
  guint n = 0;

  iap_reader_check_attributes (r, row, NULL, (const char * const[]) { "likelihood", NULL });
  for (guint i = 0; words[i] != NULL; i++)
    {
      IapBand band;

      if (words[i][0] == '\0')
        continue;
      if (n == n_impact || !iap_band_from_id (words[i], &band))
        {
          iap_reader_problem (r, row, _("a row of bands has %u words, each low, medium, high or critical"),
                   n_impact);
          return FALSE;
        }
      cells[n++] = band;
    }

  if (n != n_impact)
    iap_reader_problem (r, row, _("a row of bands has %u words, each low, medium, high or critical"),
             n_impact);

  return n == n_impact;
}

static void
read_bands (Reader  *r,
            xmlNode *section)
{
  guint n_likelihood = iap_scales_get_n_likelihood (r->scales);
  guint n_impact = iap_scales_get_n_impact (r->scales);
  guint8 cells[IAP_SCALE_MAX_LEVELS * IAP_SCALE_MAX_LEVELS];
  gboolean seen[IAP_SCALE_MAX_LEVELS + 1] = { FALSE };
  xmlNode *bands = iap_reader_find_child (r, section, "bands");
  guint n_rows = 0;

  if (bands == NULL || n_likelihood > IAP_SCALE_MAX_LEVELS || n_impact > IAP_SCALE_MAX_LEVELS)
    {
      iap_reader_problem (r, section, _("<scales> lacks its <bands>"));
      return;
    }

  for (xmlNode *row = bands->children; row != NULL; row = row->next)
    {
      g_autofree char *text = NULL;
      guint l;

      if (!iap_reader_is_named (row, "row"))
        continue;

      text = iap_reader_get_attr (row, "likelihood");
      if (text == NULL || !iap_reader_parse_number (text, &l) || l < 1 || l > n_likelihood || seen[l])
        {
          iap_reader_problem (r, row, _("each row of bands needs its own likelihood, from 1 to %u"), n_likelihood);
          continue;
        }
      seen[l] = TRUE;
      if (read_band_row (r, row, n_impact, &cells[(l - 1) * n_impact]))
        n_rows++;
    }

  iap_reader_check_children (r, bands, r->scales, "bands", (const char * const[]) { "row", NULL });
  if (n_rows != n_likelihood)
    {
      iap_reader_problem (r, bands, _("<bands> needs one row for each of the %u likelihood levels"), n_likelihood);
      return;
    }

  g_object_set (r->scales, "bands",
                g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, cells,
                                           (gsize)n_likelihood * n_impact, 1),
                NULL);
}

static void
read_scales (Reader  *r,
             xmlNode *section)
{
  static const char * const known[] = { "likelihood", "impact", "bands", NULL };

  /* The file's matrix replaces the default one of a new workshop. */
  g_list_store_remove_all (G_LIST_STORE (iap_scales_get_likelihood (r->scales)));
  g_list_store_remove_all (G_LIST_STORE (iap_scales_get_impact (r->scales)));

  iap_reader_read_fields (r, section, G_OBJECT (r->scales), iap_format_scales);
  read_levels (r, section, "likelihood", iap_scales_get_likelihood (r->scales));
  read_levels (r, section, "impact", iap_scales_get_impact (r->scales));
  read_bands (r, section);
  iap_reader_check_children (r, section, r->scales, NULL, known);
}

static void
read_scores (Reader         *r,
             xmlNode        *node,
             IapFactorScore *score)
{
  static const Field option_field = { "option", NULL, "option", CHECK_CATALOG, IAP_CATALOG_OPTION, 0 };

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *option = NULL;
      g_autofree char *value = NULL;
      guint number;

      if (!iap_reader_is_named (child, "score"))
        continue;

      iap_reader_check_attributes (r, child, NULL, (const char * const[]) { "option", "value", NULL });
      option = iap_reader_get_attr (child, "option");
      value = iap_reader_get_attr (child, "value");
      if (option == NULL || value == NULL)
        iap_reader_problem (r, child, _("<score> needs an option and a value"));
      else if (!iap_reader_check_string (r, child, &option_field, option))
        continue;
      else if (!iap_reader_parse_number (value, &number) || number > 4)
        iap_reader_problem (r, child, _("score “%s” is out of range (expected a whole number from 0 to 4)"), value);
      else if (iap_factor_score_lookup (score, option, NULL))
        iap_reader_problem (r, child, _("the option “%s” is scored twice"), option);
      else
        g_object_set (score, "scores", iap_factor_score_build_scores (score, option, number), NULL);
    }
}

static void
read_factor_scores (Reader  *r,
                    xmlNode *section)
{
  GListModel *scores = iap_workshop_get_factor_scores (r->workshop);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_autoptr(IapFactorScore) score = NULL;

      if (!iap_reader_is_named (node, "factor"))
        continue;
      if ((score = iap_reader_read_object (r, node, IAP_TYPE_FACTOR_SCORE, iap_format_factor_score)) == NULL)
        continue;

      read_scores (r, node, score);
      iap_reader_check_children (r, node, score, NULL, (const char * const[]) { "score", NULL });
      if (!g_hash_table_add (seen, g_strdup (iap_factor_score_get_factor (score))))
        iap_reader_problem (r, node, _("the factor “%s” is scored twice"), iap_factor_score_get_factor (score));
      else
        g_list_store_append (G_LIST_STORE (scores), score);
    }

  iap_reader_check_children (r, section, r->workshop, "factors", (const char * const[]) { "factor", NULL });
}

static void
read_rating (Reader     *r,
             xmlNode    *child,
             IapRound   *round,
             GHashTable *seen,
             gboolean    is_risk)
{
  g_autoptr(GObject) rating = NULL;
  g_autofree char *key = NULL;

  rating = iap_reader_read_object (r, child, is_risk ? IAP_TYPE_RATING : IAP_TYPE_FACTOR_RATING,
                                   is_risk ? iap_format_rating : iap_format_factor_rating);
  if (rating == NULL)
    return;

  iap_reader_check_children (r, child, rating, NULL, NULL);
  key = is_risk ? g_strjoin ("\n", "r", iap_rating_get_participant (IAP_RATING (rating)),
                             iap_rating_get_risk (IAP_RATING (rating)), NULL)
                : g_strjoin ("\n", "f", iap_factor_rating_get_participant (IAP_FACTOR_RATING (rating)),
                             iap_factor_rating_get_factor (IAP_FACTOR_RATING (rating)),
                             iap_factor_rating_get_option (IAP_FACTOR_RATING (rating)), NULL);
  if (!g_hash_table_add (seen, g_steal_pointer (&key)))
    iap_reader_problem (r, child, _("the participant scores the same thing twice in this round"));
  else
    g_list_store_append (G_LIST_STORE (is_risk ? iap_round_get_ratings (round)
                                               : iap_round_get_factor_ratings (round)),
                         rating);
}

static void
read_ratings (Reader   *r,
              xmlNode  *node,
              IapRound *round)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *next;

  /* Ratings are most of a large file: each element is freed once read,
   * so that the model grows into the memory the tree gives back rather
   * than beside the whole tree. The document is read only once. */
  for (xmlNode *child = node->children; child != NULL; child = next)
    {
      gboolean is_risk = iap_reader_is_named (child, "rating");

      next = child->next;
      if (!is_risk && !iap_reader_is_named (child, "factor-rating"))
        continue;
      read_rating (r, child, round, seen, is_risk);
      xmlUnlinkNode (child);
      xmlFreeNode (child);
    }
}

static void
read_rounds (Reader  *r,
             xmlNode *section)
{
  static const char * const known[] = { "risk", "rating", "factor-rating", NULL };
  GListModel *rounds = iap_workshop_get_rounds (r->workshop);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_autoptr(IapRound) round = NULL;

      if (!iap_reader_is_named (node, "round"))
        continue;
      if ((round = iap_reader_read_object (r, node, IAP_TYPE_ROUND, iap_format_round)) == NULL)
        continue;

      read_ratings (r, node, round);
      iap_reader_check_children (r, node, round, NULL, known);
      if (!g_hash_table_add (ids, g_strdup (iap_round_get_id (round))))
        iap_reader_problem (r, node, _("the id “%s” is used twice"), iap_round_get_id (round));
      else
        g_list_store_append (G_LIST_STORE (rounds), round);
    }

  iap_reader_check_children (r, section, r->workshop, "rounds", (const char * const[]) { "round", NULL });
}

/* An agreed rating is a likelihood and an impact: one alone is a typo,
 * not a "half-rated" risk. */
static void
check_risk_ratings (Reader  *r,
                    xmlNode *section)
{
  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      if (!iap_reader_is_named (node, "risk"))
        continue;

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          g_autofree char *likelihood = NULL;
          g_autofree char *impact = NULL;

          if (!iap_reader_is_named (child, "inherent") && !iap_reader_is_named (child, "residual"))
            continue;

          likelihood = iap_reader_get_attr (child, "likelihood");
          impact = iap_reader_get_attr (child, "impact");
          if (likelihood == NULL || impact == NULL)
            iap_reader_problem (r, child, _("<%s> needs both a likelihood and an impact"), child->name);
        }
    }
}

static void
check_dissents (Reader  *r,
                xmlNode *section)
{
  GListModel *dissents = iap_workshop_get_dissents (r->workshop);
  guint i = 0;

  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_autoptr(IapDissent) dissent = NULL;

      if (!iap_reader_is_named (node, "dissent") || i >= g_list_model_get_n_items (dissents))
        continue;

      dissent = g_list_model_get_item (dissents, i++);
      if (g_str_equal (iap_dissent_get_subject (dissent), "risk") &&
          iap_dissent_get_risk (dissent)[0] == '\0')
        iap_reader_problem (r, node, _("a dissent about a risk must say which risk"));
    }
}

static void
read_list_section (Reader      *r,
                   xmlNode     *section,
                   GListModel  *store,
                   const char  *item_name,
                   GType        type,
                   const Field *fields,
                   GHashTable  *ids)
{
  read_list (r, section, store, item_name, type, fields, ids);
  iap_reader_check_children (r, section, r->workshop, (const char *)section->name,
                  (const char * const[]) { item_name, NULL });
  iap_reader_check_attributes (r, section, NULL, NULL);
}

typedef enum
{
  SECTION_SETUP,
  SECTION_CONTEXT,
  SECTION_CATALOG,
  SECTION_SCALES,
  SECTION_PARTICIPANTS,
  SECTION_RISKS,
  SECTION_FACTORS,
  SECTION_ROUNDS,
  SECTION_MITIGATIONS,
  SECTION_RECOMMENDATION,
  SECTION_DISSENTS,
  N_SECTIONS
} Section;

static const char * const section_names[N_SECTIONS + 1] = {
  "setup", "context", "catalog", "scales", "participants", "risks", "factors",
  "rounds", "mitigations", "recommendation", "dissents", NULL
};

static void
find_sections (Reader   *r,
               xmlNode  *root,
               xmlNode **sections)
{
  guint last = 0;

  /* The order is the schema's, so that a file this reader accepts
   * validates too. */
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      for (guint i = 0; i < N_SECTIONS; i++)
        {
          if (!iap_reader_is_named (node, section_names[i]))
            continue;

          if (sections[i] != NULL)
            iap_reader_problem (r, node, _("<%s> appears more than once"), section_names[i]);
          else if (i < last)
            iap_reader_problem (r, node, _("<%s> must come before <%s>"), section_names[i], section_names[last]);
          else
            sections[i] = node;
          last = MAX (last, i);
        }
    }

  iap_reader_check_children (r, root, r->workshop, NULL, section_names);
}

/* Sections are read in the order their references need: the catalog
 * before what names its entries, the scales before ratings, participants
 * and risks before what refers to them. */
static void
read_sections (Reader  *r,
               xmlNode *root)
{
  IapWorkshop *w = r->workshop;
  xmlNode *s[N_SECTIONS] = { NULL };

  find_sections (r, root, s);
  if (s[SECTION_CATALOG] != NULL)
    read_catalog (r, s[SECTION_CATALOG]);
  if (s[SECTION_SCALES] != NULL)
    read_scales (r, s[SECTION_SCALES]);
  else
    iap_reader_problem (r, root, _("the workshop has no <scales>"));
  if (s[SECTION_SETUP] != NULL)
    read_section_fields (r, s[SECTION_SETUP], iap_format_setup);
  else
    iap_reader_problem (r, root, _("the workshop has no <setup>"));
  if (s[SECTION_CONTEXT] != NULL)
    read_context (r, s[SECTION_CONTEXT]);
  if (s[SECTION_PARTICIPANTS] != NULL)
    read_list_section (r, s[SECTION_PARTICIPANTS], iap_workshop_get_participants (w), "participant",
                       IAP_TYPE_PARTICIPANT, iap_format_participant, r->participants);
  if (s[SECTION_RISKS] != NULL)
    {
      read_list_section (r, s[SECTION_RISKS], iap_workshop_get_risks (w), "risk",
                         IAP_TYPE_RISK, iap_format_risk, r->risks);
      check_risk_ratings (r, s[SECTION_RISKS]);
    }
  if (s[SECTION_FACTORS] != NULL)
    read_factor_scores (r, s[SECTION_FACTORS]);
  if (s[SECTION_ROUNDS] != NULL)
    read_rounds (r, s[SECTION_ROUNDS]);
  if (s[SECTION_MITIGATIONS] != NULL)
    {
      g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      read_list_section (r, s[SECTION_MITIGATIONS], iap_workshop_get_mitigations (w), "mitigation",
                         IAP_TYPE_MITIGATION, iap_format_mitigation, ids);
    }
  if (s[SECTION_RECOMMENDATION] != NULL)
    read_section_fields (r, s[SECTION_RECOMMENDATION], iap_format_recommendation);
  if (s[SECTION_DISSENTS] != NULL)
    {
      g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      read_list_section (r, s[SECTION_DISSENTS], iap_workshop_get_dissents (w), "dissent",
                         IAP_TYPE_DISSENT, iap_format_dissent, ids);
      check_dissents (r, s[SECTION_DISSENTS]);
    }
}

static gboolean
parse_version (const char *text,
               guint      *major,
               guint      *minor)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return FALSE;

  parts = g_strsplit (text, ".", -1);

  return g_strv_length (parts) == 2 &&
         iap_reader_parse_number (parts[0], major) && iap_reader_parse_number (parts[1], minor);
}

/* Returns FALSE, with the reason as the only problem, when the document
 * is not a workshop this version can read. */
static gboolean
check_root (Reader  *r,
            xmlNode *root,
            GError **error)
{
  g_autofree char *version = NULL;
  guint major, minor;

  if (root == NULL || !g_str_equal ((const char *)root->name, "workshop"))
    iap_reader_problem (r, root, _("this is not an IAP Workshop file (its root element is <%s>, not <workshop>)"),
             root != NULL ? (const char *)root->name : "");
  else if (!iap_reader_is_ours (root))
    iap_reader_problem (r, root, _("this is not an IAP Workshop file (<workshop> is not in the namespace %s)"),
             IAP_WORKSHOP_NAMESPACE);
  else if (!parse_version ((version = iap_reader_get_attr (root, "version")), &major, &minor) || major == 0)
    iap_reader_problem (r, root, _("the file format version “%s” is not valid (expected a version such as 1.0)"),
             version != NULL ? version : "");
  else if (major > IAP_WORKSHOP_FORMAT_MAJOR)
    {
      g_set_error (error, IAP_WORKSHOP_FILE_ERROR, IAP_WORKSHOP_FILE_ERROR_NEWER_VERSION,
                   _("%s:%ld: this workshop was written by a newer IAP Workshop (file format %u); "
                     "this version reads format %d. Install a newer version of IAP Workshop to open it."),
                   r->name, MAX (xmlGetLineNo (root), 1), major, IAP_WORKSHOP_FORMAT_MAJOR);
      g_ptr_array_add (r->problems, g_strdup ((*error)->message));
      return FALSE;
    }
  else
    {
      r->newer_minor = minor > IAP_WORKSHOP_FORMAT_MINOR;
      _iap_workshop_set_format_version (r->workshop, version);
      iap_reader_check_attributes (r, root, NULL, (const char * const[]) { "version", NULL });
      return TRUE;
    }

  return FALSE;
}

static void
reader_init (Reader     *r,
             const char *name)
{
  r->workshop = iap_workshop_new ();
  r->catalog = iap_workshop_get_catalog (r->workshop);
  r->scales = iap_workshop_get_scales (r->workshop);
  r->name = name;
  r->problems = g_ptr_array_new_with_free_func (g_free);
  r->participants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->risks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
reader_clear (Reader *r)
{
  g_clear_object (&r->workshop);
  g_clear_pointer (&r->problems, g_ptr_array_unref);
  g_clear_pointer (&r->participants, g_hash_table_unref);
  g_clear_pointer (&r->risks, g_hash_table_unref);
}

/* Reads @doc; problems, if any, are in r->problems and *error is set
 * from the first. */
static gboolean
read_document (Reader  *r,
               xmlDoc  *doc,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;
  xmlNode *root = xmlDocGetRootElement (doc);

  if (check_root (r, root, &local_error))
    read_sections (r, root);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (r->problems->len > 0)
    {
      g_set_error_literal (error, IAP_WORKSHOP_FILE_ERROR, IAP_WORKSHOP_FILE_ERROR_INVALID,
                           g_ptr_array_index (r->problems, 0));
      return FALSE;
    }

  return TRUE;
}

/**
 * iap_workshop_load_bytes:
 * @display_name: the name messages give the file, such as its path
 *
 * Reads a workshop from the contents of a file.
 *
 * Returns: (transfer full) (nullable): the workshop, unmodified, or
 *   %NULL with @error saying “FILE:LINE: reason”
 */
IapWorkshop *
iap_workshop_load_bytes (GBytes      *bytes,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  Reader r = { NULL };
  IapWorkshop *workshop = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  doc = iap_xml_read_memory (data, size, display_name, error);
  if (doc == NULL)
    return NULL;

  reader_init (&r, display_name);
  if (read_document (&r, doc, error))
    {
      workshop = g_steal_pointer (&r.workshop);
      _iap_workshop_loaded (workshop, NULL);
    }
  reader_clear (&r);

  return workshop;
}

/**
 * iap_workshop_load:
 *
 * Opens a workshop file. Anything but a regular file of reasonable size
 * holding a valid workshop is refused.
 *
 * Returns: (transfer full) (nullable): the workshop, unmodified, its
 *   #IapWorkshop:file set, or %NULL with @error saying “FILE:LINE: reason”
 */
IapWorkshop *
iap_workshop_load (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *name = NULL;
  Reader r = { NULL };
  IapWorkshop *workshop = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  doc = iap_xml_read_file (file, cancellable, error);
  if (doc == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  reader_init (&r, name);
  if (read_document (&r, doc, error))
    {
      workshop = g_steal_pointer (&r.workshop);
      _iap_workshop_loaded (workshop, file);
    }
  reader_clear (&r);

  return workshop;
}

/**
 * iap_workshop_check:
 * @display_name: (nullable): the name problems give the file, such as
 *   the path as the user typed it; %NULL for its parse name
 *
 * Checks a workshop file as opening it would, and lists every problem.
 *
 * Returns: (transfer full) (element-type utf8): one “FILE:LINE: reason”
 *   line per problem, none when the file is valid
 */
GPtrArray *
iap_workshop_check (GFile        *file,
                    const char   *display_name,
                    GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *name = NULL;
  Reader r = { NULL };
  GPtrArray *problems;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = display_name != NULL ? g_strdup (display_name) : g_file_get_parse_name (file);
  doc = iap_xml_read_file_named (file, name, cancellable, &error);
  if (doc == NULL)
    {
      problems = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (problems, g_strdup (error->message));
      return problems;
    }

  reader_init (&r, name);
  read_document (&r, doc, NULL);
  problems = g_steal_pointer (&r.problems);
  reader_clear (&r);

  return problems;
}

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  IapWorkshop *workshop = iap_workshop_load (task_data, cancellable, &error);

  if (workshop == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workshop, g_object_unref);
}

/**
 * iap_workshop_load_async:
 *
 * Opens a workshop file in a worker thread. The workshop belongs to no
 * one until it is returned, so building it there is safe.
 */
void
iap_workshop_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, iap_workshop_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * iap_workshop_load_finish:
 *
 * Returns: (transfer full) (nullable): the workshop
 */
IapWorkshop *
iap_workshop_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
