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
#include "iap-rating-list.h"
#include "iap-workshop-file.h"
#include "iap-workshop-private.h"
#include "iap-workshop-reader-private.h"
#include "iap-xml.h"

/*
 * Reads a workshop in one pass over its file, as libxml2 streams it
 * (iap_xml_stream_file()): each item of a list (a participant, a risk, a
 * rating…) is built as a small tree when it ends, read into the model
 * and freed, so the document as a whole never exists in memory. Every
 * value is checked: of its type and range, every reference naming
 * something that exists, no identifier used twice. Problems are
 * collected rather than stopping at the first, so that `iap-workshop
 * validate` can list them all; opening a file reports the first.
 *
 * Problems are listed section by section in the order the references
 * need them: the catalog before what names its entries, the scales
 * before ratings, participants and risks before what refers to them.
 * A file holds <setup> and <context> first, so each section's problems
 * are kept apart and joined at the end; <context> names entries of the
 * workshop's own catalog, which follows it, so it is read once the
 * catalog has been.
 *
 * The parse (iap-xml.c) refuses anything that is not plain, well-formed
 * XML of reasonable size; a file that turns out not to be is refused
 * with that reason only, whatever was read before.
 */

G_DEFINE_QUARK (iap-workshop-file-error-quark, iap_workshop_file_error)

struct _IapLoadProgress
{
  gint ref_count;
  gint permille;              /* read so far, in thousandths of the file */
};

typedef enum
{
  SECTION_SETUP,
  SECTION_CONTEXT,
  SECTION_CATALOG,
  SECTION_SCALES,
  SECTION_PARTICIPANTS,
  SECTION_RISKS,
  SECTION_INTEGRATION,
  SECTION_FACTORS,
  SECTION_ROUNDS,
  SECTION_MITIGATIONS,
  SECTION_RECOMMENDATION,
  SECTION_REQUIREMENTS,
  SECTION_DISSENTS,
  N_SECTIONS
} Section;

static const char * const section_names[N_SECTIONS + 1] = {
  "setup", "context", "catalog", "scales", "participants", "risks", "integration", "factors",
  "rounds", "mitigations", "recommendation", "requirements", "dissents", NULL
};

/* Where each section's problems are listed */
enum
{
  LIST_ROOT,              /* the root element's own */
  LIST_SECTIONS,          /* sections repeated or out of order */
  LIST_ROOT_CHILDREN,     /* what else the root holds */
  LIST_CATALOG,
  LIST_SCALES,
  LIST_SETUP,
  LIST_CONTEXT,
  LIST_PARTICIPANTS,
  LIST_RISKS,
  LIST_INTEGRATION,
  LIST_FACTORS,
  LIST_ROUNDS,
  LIST_MITIGATIONS,
  LIST_RECOMMENDATION,
  LIST_REQUIREMENTS,
  LIST_DISSENTS,
  N_LISTS
};

static const guint section_lists[N_SECTIONS] = {
  LIST_SETUP, LIST_CONTEXT, LIST_CATALOG, LIST_SCALES, LIST_PARTICIPANTS, LIST_RISKS,
  LIST_INTEGRATION, LIST_FACTORS, LIST_ROUNDS, LIST_MITIGATIONS, LIST_RECOMMENDATION,
  LIST_REQUIREMENTS, LIST_DISSENTS
};

/* What an open element is to the reader */
typedef enum
{
  ROLE_SKIPPED,     /* not read: after a root that is not a workshop's, a section out of place */
  ROLE_ROOT,
  ROLE_SECTION,
  ROLE_ROUND,
  ROLE_CONTENT,     /* read with the element that holds it */
} Role;

typedef struct
{
  Reader r;
  GError *newer;                /* the file is of a later major version */
  GArray *lists[N_LISTS];       /* of Problem */
  GArray *roles;                /* of Role, one per open element */

  /* Sections */
  gboolean seen[N_SECTIONS];
  guint last;
  Section section;              /* the one open */
  GPtrArray *known;             /* the child elements of the open section it reads */
  GPtrArray *item_known;        /* the child elements each of its items reads */
  GArray *tail;                 /* problems of its other children */
  GArray *after;                /* problems listed after its own: agreed ratings, dissents */
  GPtrArray *items;             /* read, added to the model as the section ends */
  GHashTable *ids;              /* id -> line, of its items */
  GArray *item_lines;           /* the line of each item, in order */
  xmlNode *context;             /* <context>, until the catalog is read */
  GArray *context_tail;
  gboolean catalog_read;

  /* The open round */
  IapRatingList *ratings;
  IapRatingList *factor_ratings;
  guint8 *scored;               /* a bit per participant and risk rated, if not too many */
  guint n_risks;
  GArray *round_problems;       /* of its ratings */
  GArray *round_tail;           /* of its other children */
  GPtrArray *round_foreign;
  GParamSpec **rating_properties;
  GParamSpec **factor_rating_properties;

  /* Borrowed */
  IapLoadProgress *progress;
} Stream;

static void
move_problems (Stream *s,
               GArray *to,
               GArray *from)
{
  iap_reader_problems_move (to, from);
  s->r.sink = to;
}

static void
use_list (Stream *s,
          guint   list)
{
  s->r.sink = s->lists[list];
}

/* Reads an item of a list into s->items; with @ids, each item has an
 * "id", or for the lists keyed by a catalog entry the property of its
 * first field, that must be unique in the list. */
static void
read_item (Stream      *s,
           xmlNode     *node,
           GType        type,
           const Field *fields,
           GHashTable  *ids)
{
  Reader *r = &s->r;
  g_autoptr(GObject) item = NULL;
  g_autofree char *id = NULL;

  item = iap_reader_read_object (r, node, type, fields);
  if (item == NULL)
    return;

  iap_reader_check_children (r, node, item, NULL, (const char * const *)s->item_known->pdata);
  if (ids != NULL)
    {
      gboolean by_ref = fields[0].check == CHECK_CATALOG;

      g_object_get (item, fields[0].property, &id, NULL);
      if (g_hash_table_contains (ids, id))
        {
          if (by_ref)
            iap_reader_problem (r, node, _("the %s “%s” is listed twice (first on line %ld)"),
                                iap_reader_kind_label (fields[0].arg), id,
                                (long)GPOINTER_TO_SIZE (g_hash_table_lookup (ids, id)));
          else
            iap_reader_problem (r, node, _("the id “%s” is used twice (first on line %ld)"), id,
                                (long)GPOINTER_TO_SIZE (g_hash_table_lookup (ids, id)));
          return;
        }
      g_hash_table_insert (ids, g_steal_pointer (&id), GSIZE_TO_POINTER (iap_xml_get_line (node)));
    }

  g_ptr_array_add (s->items, g_steal_pointer (&item));
}

/* Adds what a section read to @store, at once. */
static void
add_items (GPtrArray  *items,
           GListModel *store)
{
  g_list_store_splice (G_LIST_STORE (store), g_list_model_get_n_items (store), 0,
                       items->pdata, items->len);
  g_ptr_array_set_size (items, 0);
}

/* The options under consideration, each with the arrangements it
 * brings. A file of a version before these were written says nothing of
 * them: its options bring those of the catalog. */
static void
read_options (Stream  *s,
              xmlNode *section)
{
  static const char * const known[] = { "arrangement", NULL };
  Reader *r = &s->r;
  GListModel *store = iap_workshop_get_option_arrangements (r->workshop);
  gboolean recorded = r->minor >= IAP_WORKSHOP_FORMAT_MINOR_ARRANGEMENTS;

  iap_reader_read_list_field (r, section, G_OBJECT (r->workshop), &iap_format_option);
  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_autoptr(IapOptionArrangements) item = NULL;
      g_autofree char *option = NULL;

      if (!iap_reader_is_named (node, "option"))
        continue;

      option = iap_reader_get_attr (node, "ref");
      if (option == NULL || !g_strv_contains (iap_workshop_get_options (r->workshop), option) ||
          iap_workshop_find_option_arrangements (r->workshop, option) != NULL)
        continue;

      item = iap_option_arrangements_new (option);
      iap_reader_read_list_field (r, node, G_OBJECT (item), &iap_format_option_arrangement);
      iap_reader_check_children (r, node, item, NULL, known);
      if (recorded || iap_option_arrangements_get_arrangements (item)[0] != NULL)
        g_list_store_append (G_LIST_STORE (store), item);
    }
}

static void
read_context (Stream  *s,
              xmlNode *section)
{
  Reader *r = &s->r;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *indicators = iap_workshop_get_indicators (r->workshop);
  xmlNode *override = iap_reader_find_child (r, section, "override");

  iap_reader_read_fields (r, section, G_OBJECT (r->workshop), iap_format_context);
  read_options (s, section);
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
}

/* <context> names entries of the workshop's own catalog, which follows
 * it in the file: it is read once the catalog is complete. */
static void
read_pending_context (Stream *s)
{
  s->catalog_read = TRUE;
  if (s->context == NULL)
    return;

  use_list (s, LIST_CONTEXT);
  read_context (s, s->context);
  move_problems (s, s->lists[LIST_CONTEXT], s->context_tail);
  iap_xml_stream_release (g_steal_pointer (&s->context));
}

/* Whether @node has @name with a value, valid or not */
static gboolean
has_value (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  gboolean has = value != NULL && value[0] != '\0';

  xmlFree (value);

  return has;
}

static void
read_catalog_entry (Stream  *s,
                    xmlNode *node)
{
  static const char * const known[] = { "label", "description", NULL };
  Reader *r = &s->r;
  GListModel *custom = iap_catalog_get_custom (r->catalog);
  GObjectClass *klass = g_type_class_ref (IAP_TYPE_CATALOG_ENTRY);
  g_auto(GValue) kind = G_VALUE_INIT;
  g_auto(GValue) id = G_VALUE_INIT;
  g_autoptr(IapCatalogEntry) entry = NULL;

  /* Entries are created custom, which read_object() cannot say. */
  if (!iap_reader_read_field (r, node, klass, &iap_format_catalog_entry[0], &kind) ||
      !iap_reader_read_field (r, node, klass, &iap_format_catalog_entry[1], &id) ||
      !G_IS_VALUE (&kind) || !G_IS_VALUE (&id))
    goto out;

  if (iap_catalog_lookup (r->catalog, g_value_get_string (&kind), g_value_get_string (&id)))
    {
      iap_reader_problem (r, node, _("the id “%s” is already used by another %s"),
                          g_value_get_string (&id), iap_reader_kind_label (g_value_get_string (&kind)));
      goto out;
    }

  entry = iap_catalog_entry_new (g_value_get_string (&kind), g_value_get_string (&id), TRUE);
  iap_reader_read_fields (r, node, G_OBJECT (entry), iap_format_catalog_entry);
  /* A factor of neither side would be left out of every sum unseen */
  if (g_str_equal (g_value_get_string (&kind), IAP_CATALOG_FACTOR) &&
      iap_catalog_entry_get_polarity (entry)[0] == '\0' && !has_value (node, "polarity"))
    iap_reader_problem (r, node, _("the factor “%s” has no polarity: say whether it is a benefit or a risk "
                                   "(polarity=\"benefit\" or polarity=\"risk\")"),
                        g_value_get_string (&id));
  iap_reader_check_children (r, node, entry, NULL, known);
  /* At once: the next entries are checked against it */
  g_list_store_append (G_LIST_STORE (custom), entry);

out:
  g_type_class_unref (klass);
}

/* Reads the levels of a scale into @levels */
static void
read_level_list (Reader     *r,
                 xmlNode    *scale,
                 GListModel *levels)
{
  g_autoptr(GPtrArray) known = iap_reader_known_children (iap_format_level);

  g_ptr_array_add (known, NULL);
  for (xmlNode *node = scale->children; node != NULL; node = node->next)
    {
      g_autoptr(GObject) level = NULL;

      if (!iap_reader_is_named (node, "level"))
        continue;

      level = iap_reader_read_object (r, node, IAP_TYPE_SCALE_LEVEL, iap_format_level);
      if (level == NULL)
        continue;

      iap_reader_check_children (r, node, level, NULL, (const char * const *)known->pdata);
      g_list_store_append (G_LIST_STORE (levels), level);
    }
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

  read_level_list (r, scale, levels);
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
read_scales (Stream  *s,
             xmlNode *section)
{
  Reader *r = &s->r;

  /* The file's matrix replaces the default one of a new workshop. */
  g_list_store_remove_all (G_LIST_STORE (iap_scales_get_likelihood (r->scales)));
  g_list_store_remove_all (G_LIST_STORE (iap_scales_get_impact (r->scales)));

  iap_reader_read_fields (r, section, G_OBJECT (r->scales), iap_format_scales);
  read_levels (r, section, "likelihood", iap_scales_get_likelihood (r->scales));
  read_levels (r, section, "impact", iap_scales_get_impact (r->scales));
  /* Before 1.3 a file did not say which levels kept the default wording. */
  if (r->minor < 3)
    iap_scales_find_default_levels (r->scales);
  read_bands (r, section);
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
read_factor_score (Stream  *s,
                   xmlNode *node)
{
  Reader *r = &s->r;
  g_autoptr(IapFactorScore) score = NULL;

  if ((score = iap_reader_read_object (r, node, IAP_TYPE_FACTOR_SCORE, iap_format_factor_score)) == NULL)
    return;

  read_scores (r, node, score);
  iap_reader_check_children (r, node, score, NULL, (const char * const[]) { "score", NULL });
  if (!g_hash_table_add (s->ids, g_strdup (iap_factor_score_get_factor (score))))
    iap_reader_problem (r, node, _("the factor “%s” is scored twice"), iap_factor_score_get_factor (score));
  else
    g_ptr_array_add (s->items, g_steal_pointer (&score));
}

/* Whether @participant rated @risk before in the open round: a bit each
 * while they fit in a few megabytes, else the list's index. */
static gboolean
scored_before (Stream *s,
               guint   participant,
               guint   risk)
{
  gsize bit;
  guint8 mask;

  if (s->scored == NULL)
    {
      guint position;

      return iap_rating_list_lookup (s->ratings, participant, risk, 0, &position);
    }

  bit = (gsize)participant * s->n_risks + risk;
  mask = 1 << (bit % 8);
  if (s->scored[bit / 8] & mask)
    return TRUE;

  s->scored[bit / 8] |= mask;

  return FALSE;
}

/* Ratings are most of a large workshop: each is read into a record of
 * the round's list, checked as iap_reader_read_object() would check an
 * object of it, without making one or copying its texts. */
static void
read_rating (Stream   *s,
             xmlNode  *child,
             gboolean  is_risk)
{
  Reader *r = &s->r;
  IapRatingList *list = is_risk ? s->ratings : s->factor_ratings;
  g_autoptr(GPtrArray) owned = NULL;
  g_autoptr(GPtrArray) foreign = NULL;
  const char *strings[5];
  guint numbers[5];
  guint key[3] = { 0, 0, 0 };
  guint n_keys = is_risk ? 2 : 3;
  guint position;
  gboolean twice;

  if (!iap_reader_read_attributes (r, child, is_risk ? iap_format_rating : iap_format_factor_rating,
                                   is_risk ? s->rating_properties : s->factor_rating_properties,
                                   strings, numbers, &owned))
    return;

  if (child->children != NULL)
    {
      foreign = g_ptr_array_new_with_free_func (g_free);
      for (xmlNode *node = child->children; node != NULL; node = node->next)
        iap_reader_check_child (r, child, node, NULL, NULL, NULL, foreign);
    }

  for (guint i = 0; i < n_keys; i++)
    key[i] = iap_rating_list_intern (list, i, strings[i]);

  twice = is_risk ? scored_before (s, key[0], key[1])
                  : iap_rating_list_lookup (list, key[0], key[1], key[2], &position);
  if (twice)
    {
      iap_reader_problem (r, child, _("the participant scores the same thing twice in this round"));
      return;
    }

  iap_rating_list_append (list, key[0], key[1], key[2], numbers[n_keys], is_risk ? numbers[3] : 0);
  /* A comment lives in the item alone: ratings that have one are few */
  if (is_risk && strings[4] != NULL && *strings[4] != '\0')
    g_object_set (iap_rating_list_make_item (list, g_list_model_get_n_items (G_LIST_MODEL (list)) - 1),
                  "comment", strings[4], NULL);
  for (guint i = 0; foreign != NULL && i < foreign->len; i++)
    iap_foreign_append (iap_rating_list_make_item (list, g_list_model_get_n_items (G_LIST_MODEL (list)) - 1),
                        NULL, g_ptr_array_index (foreign, i));
}

static void
start_round (Stream *s)
{
  guint n_participants = g_hash_table_size (s->r.participants);

  s->ratings = iap_rating_list_new (FALSE);
  s->factor_ratings = iap_rating_list_new (TRUE);
  /* Only ids of the workshop's participants and risks are interned:
   * their indexes are below these counts. */
  s->n_risks = g_hash_table_size (s->r.risks);
  if ((guint64)n_participants * s->n_risks <= 64 * 1024 * 1024)
    s->scored = g_malloc0 (((gsize)n_participants * s->n_risks + 7) / 8);
  s->round_problems = iap_reader_problems_new ();
  s->round_tail = iap_reader_problems_new ();
  s->round_foreign = g_ptr_array_new_with_free_func (g_free);
}

static void
clear_round (Stream *s)
{
  g_clear_object (&s->ratings);
  g_clear_object (&s->factor_ratings);
  g_clear_pointer (&s->scored, g_free);
  g_clear_pointer (&s->round_problems, g_array_unref);
  g_clear_pointer (&s->round_tail, g_array_unref);
  g_clear_pointer (&s->round_foreign, g_ptr_array_unref);
}

/* A child of a round, complete: returns whether to keep it */
static gboolean
end_round_child (Stream  *s,
                 xmlNode *round,
                 xmlNode *child)
{
  static const char * const known[] = { "risk", "rating", "factor-rating", NULL };
  gboolean is_risk = iap_reader_is_named (child, "rating");

  if (is_risk || iap_reader_is_named (child, "factor-rating"))
    {
      s->r.sink = s->round_problems;
      read_rating (s, child, is_risk);
      return FALSE;
    }

  /* What the round scores is read with the round, as it ends */
  if (iap_reader_is_named (child, "risk"))
    return TRUE;

  s->r.sink = s->round_tail;
  iap_reader_check_child (&s->r, round, child, NULL, NULL, known, s->round_foreign);

  return FALSE;
}

/* A round's own fields and what it scores first, then its ratings, then
 * its other children, as if read at once. */
static void
end_round (Stream  *s,
           xmlNode *node)
{
  Reader *r = &s->r;
  g_autoptr(IapRound) round = NULL;

  use_list (s, LIST_ROUNDS);
  round = iap_reader_read_object (r, node, IAP_TYPE_ROUND, iap_format_round);
  if (round != NULL)
    {
      move_problems (s, s->lists[LIST_ROUNDS], s->round_problems);
      iap_rating_list_take (IAP_RATING_LIST (iap_round_get_ratings (round)), s->ratings);
      iap_rating_list_take (IAP_RATING_LIST (iap_round_get_factor_ratings (round)), s->factor_ratings);
      move_problems (s, s->lists[LIST_ROUNDS], s->round_tail);
      for (guint i = 0; i < s->round_foreign->len; i++)
        iap_foreign_append (round, NULL, g_ptr_array_index (s->round_foreign, i));

      if (!g_hash_table_add (s->ids, g_strdup (iap_round_get_id (round))))
        iap_reader_problem (r, node, _("the id “%s” is used twice"), iap_round_get_id (round));
      else
        g_list_store_append (G_LIST_STORE (iap_workshop_get_rounds (r->workshop)), round);
    }

  clear_round (s);
}

/* An agreed rating is a likelihood and an impact: one alone is a typo,
 * not a "half-rated" risk. */
static void
check_risk_ratings (Reader  *r,
                    xmlNode *node)
{
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

/* Pairs the n-th <dissent> with the n-th dissent read. */
static void
check_dissents (Stream *s)
{
  Reader *r = &s->r;
  GListModel *dissents = iap_workshop_get_dissents (r->workshop);
  guint n = g_list_model_get_n_items (dissents);

  for (guint i = 0; i < s->item_lines->len && i < n; i++)
    {
      g_autoptr(IapDissent) dissent = g_list_model_get_item (dissents, i);

      if (g_str_equal (iap_dissent_get_subject (dissent), "risk") &&
          iap_dissent_get_risk (dissent)[0] == '\0')
        iap_reader_problem_at (r, g_array_index (s->item_lines, long, i),
                               _("a dissent about a risk must say which risk"));
    }
}

/* The owner and slot of what a section holds of other namespaces */
static gpointer
section_owner (Stream      *s,
               const char **slot)
{
  *slot = s->section == SECTION_SCALES ? NULL : section_names[s->section];

  return s->section == SECTION_SCALES ? (gpointer)s->r.scales : (gpointer)s->r.workshop;
}

static const char *
item_name (Section section)
{
  switch (section)
    {
    case SECTION_CATALOG: return "entry";
    case SECTION_PARTICIPANTS: return "participant";
    case SECTION_RISKS: return "risk";
    case SECTION_INTEGRATION: return "area";
    case SECTION_FACTORS: return "factor";
    case SECTION_ROUNDS: return "round";
    case SECTION_MITIGATIONS: return "mitigation";
    case SECTION_REQUIREMENTS: return "requirement";
    case SECTION_DISSENTS: return "dissent";
    default: return NULL;
    }
}

static const Field *
item_fields (Section section)
{
  switch (section)
    {
    case SECTION_PARTICIPANTS: return iap_format_participant;
    case SECTION_RISKS: return iap_format_risk;
    case SECTION_INTEGRATION: return iap_format_integration_area;
    case SECTION_MITIGATIONS: return iap_format_mitigation;
    case SECTION_REQUIREMENTS: return iap_format_requirement;
    case SECTION_DISSENTS: return iap_format_dissent;
    default: return NULL;
    }
}

static GType
item_type (Section section)
{
  switch (section)
    {
    case SECTION_PARTICIPANTS: return IAP_TYPE_PARTICIPANT;
    case SECTION_RISKS: return IAP_TYPE_RISK;
    case SECTION_INTEGRATION: return IAP_TYPE_INTEGRATION_AREA;
    case SECTION_MITIGATIONS: return IAP_TYPE_MITIGATION;
    case SECTION_REQUIREMENTS: return IAP_TYPE_REQUIREMENT_STATUS;
    case SECTION_DISSENTS: return IAP_TYPE_DISSENT;
    default: return G_TYPE_INVALID;
    }
}

static GHashTable *
item_ids (Stream *s)
{
  switch (s->section)
    {
    case SECTION_PARTICIPANTS: return s->r.participants;
    case SECTION_RISKS: return s->r.risks;
    case SECTION_INTEGRATION:
    case SECTION_MITIGATIONS:
    case SECTION_REQUIREMENTS:
    case SECTION_DISSENTS: return s->ids;
    default: return NULL;
    }
}

static void
add_known (GPtrArray   *names,
           const Field *fields)
{
  g_autoptr(GPtrArray) known = iap_reader_known_children (fields);

  g_ptr_array_extend (names, known, NULL, NULL);
}

static void
start_section (Stream  *s,
               Section  section)
{
  const char *item = item_name (section);

  s->section = section;
  g_ptr_array_set_size (s->known, 0);
  g_ptr_array_set_size (s->item_known, 0);
  g_hash_table_remove_all (s->ids);
  g_array_set_size (s->item_lines, 0);

  if (item != NULL)
    g_ptr_array_add (s->known, (gpointer)item);
  if (item_fields (section) != NULL)
    add_known (s->item_known, item_fields (section));

  switch (section)
    {
    case SECTION_SETUP:
      add_known (s->known, iap_format_setup);
      break;

    case SECTION_CONTEXT:
      add_known (s->known, iap_format_context);
      g_ptr_array_add (s->known, (gpointer)"option");
      g_ptr_array_add (s->known, (gpointer)"indicator");
      add_known (s->known, iap_format_override);
      break;

    case SECTION_SCALES:
      g_ptr_array_add (s->known, (gpointer)"likelihood");
      g_ptr_array_add (s->known, (gpointer)"impact");
      g_ptr_array_add (s->known, (gpointer)"bands");
      break;

    case SECTION_RECOMMENDATION:
      add_known (s->known, iap_format_recommendation);
      break;

    default:
      break;
    }

  g_ptr_array_add (s->known, NULL);
  g_ptr_array_add (s->item_known, NULL);
}

/* A child of the open section, complete: returns whether to keep it */
static gboolean
end_section_child (Stream  *s,
                   xmlNode *section,
                   xmlNode *child)
{
  Reader *r = &s->r;
  const char *item = item_name (s->section);
  const char *slot;
  gpointer owner;

  if (item != NULL && iap_reader_is_named (child, item))
    {
      use_list (s, section_lists[s->section]);
      switch (s->section)
        {
        case SECTION_CATALOG:
          read_catalog_entry (s, child);
          break;

        case SECTION_FACTORS:
          read_factor_score (s, child);
          break;

        case SECTION_ROUNDS:
          end_round (s, child);
          break;

        default:
          g_array_append_vals (s->item_lines, (long[]) { iap_xml_get_line (child) }, 1);
          read_item (s, child, item_type (s->section), item_fields (s->section), item_ids (s));
          if (s->section == SECTION_RISKS)
            {
              r->sink = s->after;
              check_risk_ratings (r, child);
            }
          break;
        }
      return FALSE;
    }

  /* A section read as a whole keeps what it reads until it ends */
  if (item == NULL && iap_reader_is_ours (child) &&
      g_strv_contains ((const char * const *)s->known->pdata, (const char *)child->name))
    return TRUE;

  owner = section_owner (s, &slot);
  r->sink = s->tail;
  iap_reader_check_child (r, section, child, owner, slot, (const char * const *)s->known->pdata, NULL);

  return FALSE;
}

/* The open section, complete: returns whether to keep it */
static gboolean
end_section (Stream  *s,
             xmlNode *section)
{
  Reader *r = &s->r;
  GArray *list = s->lists[section_lists[s->section]];

  r->sink = list;
  switch (s->section)
    {
    case SECTION_SETUP:
      iap_reader_read_fields (r, section, G_OBJECT (r->workshop), iap_format_setup);
      break;

    case SECTION_CONTEXT:
      if (!s->catalog_read)
        {
          s->context = section;
          g_array_unref (s->context_tail);
          s->context_tail = g_steal_pointer (&s->tail);
          s->tail = iap_reader_problems_new ();
          return TRUE;
        }
      read_context (s, section);
      break;

    case SECTION_SCALES:
      read_scales (s, section);
      break;

    case SECTION_PARTICIPANTS:
      add_items (s->items, iap_workshop_get_participants (r->workshop));
      break;

    case SECTION_RISKS:
      add_items (s->items, iap_workshop_get_risks (r->workshop));
      break;

    case SECTION_INTEGRATION:
      add_items (s->items, iap_workshop_get_integration_map (r->workshop));
      break;

    case SECTION_REQUIREMENTS:
      add_items (s->items, iap_workshop_get_requirement_statuses (r->workshop));
      break;

    case SECTION_FACTORS:
      add_items (s->items, iap_workshop_get_factor_scores (r->workshop));
      break;

    case SECTION_MITIGATIONS:
      add_items (s->items, iap_workshop_get_mitigations (r->workshop));
      break;

    case SECTION_RECOMMENDATION:
      iap_reader_read_fields (r, section, G_OBJECT (r->workshop), iap_format_recommendation);
      break;

    case SECTION_DISSENTS:
      add_items (s->items, iap_workshop_get_dissents (r->workshop));
      break;

    case SECTION_CATALOG:
    case SECTION_ROUNDS:
    case N_SECTIONS:
    default:
      break;
    }

  move_problems (s, list, s->tail);
  switch (s->section)
    {
    case SECTION_PARTICIPANTS:
    case SECTION_RISKS:
    case SECTION_INTEGRATION:
    case SECTION_MITIGATIONS:
    case SECTION_REQUIREMENTS:
    case SECTION_DISSENTS:
      iap_reader_check_attributes (r, section, NULL, NULL);
      move_problems (s, list, s->after);
      if (s->section == SECTION_DISSENTS)
        check_dissents (s);
      break;

    case SECTION_CATALOG:
      read_pending_context (s);
      break;

    default:
      break;
    }

  return FALSE;
}

/* A child of the root element starts: returns its role */
static Role
start_section_element (Stream  *s,
                       xmlNode *node)
{
  Reader *r = &s->r;

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      Role role = ROLE_SKIPPED;

      if (!iap_reader_is_named (node, section_names[i]))
        continue;

      /* The order is the schema's, so that a file this reader accepts
       * validates too. */
      use_list (s, LIST_SECTIONS);
      if (s->seen[i])
        iap_reader_problem (r, node, _("<%s> appears more than once"), section_names[i]);
      else if (i < s->last)
        iap_reader_problem (r, node, _("<%s> must come before <%s>"), section_names[i], section_names[s->last]);
      else
        {
          s->seen[i] = TRUE;
          start_section (s, i);
          role = ROLE_SECTION;
        }
      s->last = MAX (s->last, i);

      if (i > SECTION_CATALOG && !s->catalog_read)
        read_pending_context (s);

      return role;
    }

  return ROLE_CONTENT;
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
check_root (Stream  *s,
            xmlNode *root)
{
  Reader *r = &s->r;
  g_autofree char *version = NULL;
  guint major, minor;

  use_list (s, LIST_ROOT);
  if (!g_str_equal ((const char *)root->name, "workshop"))
    iap_reader_problem (r, root, _("this is not an IAP Workshop file (its root element is <%s>, not <workshop>)"),
                        (const char *)root->name);
  else if (!iap_reader_is_ours (root))
    iap_reader_problem (r, root, _("this is not an IAP Workshop file (<workshop> is not in the namespace %s)"),
                        IAP_WORKSHOP_NAMESPACE);
  else if (!parse_version ((version = iap_reader_get_attr (root, "version")), &major, &minor) || major == 0)
    iap_reader_problem (r, root, _("the file format version “%s” is not valid (expected a version such as 1.0)"),
                        version != NULL ? version : "");
  else if (major > IAP_WORKSHOP_FORMAT_MAJOR)
    g_set_error (&s->newer, IAP_WORKSHOP_FILE_ERROR, IAP_WORKSHOP_FILE_ERROR_NEWER_VERSION,
                 _("%s:%ld: this workshop was written by a newer IAP Workshop (file format %u); "
                   "this version reads format %d. Install a newer version of IAP Workshop to open it."),
                 r->name, MAX (iap_xml_get_line (root), 1), major, IAP_WORKSHOP_FORMAT_MAJOR);
  else
    {
      r->newer_minor = minor > IAP_WORKSHOP_FORMAT_MINOR;
      r->minor = minor;
      _iap_workshop_set_format_version (r->workshop, version);
      iap_reader_check_attributes (r, root, NULL, (const char * const[]) { "version", NULL });
      return TRUE;
    }

  return FALSE;
}

static void
end_root (Stream  *s,
          xmlNode *root)
{
  if (!s->seen[SECTION_SCALES])
    {
      use_list (s, LIST_SCALES);
      iap_reader_problem (&s->r, root, _("the workshop has no <scales>"));
    }
  if (!s->seen[SECTION_SETUP])
    {
      use_list (s, LIST_SETUP);
      iap_reader_problem (&s->r, root, _("the workshop has no <setup>"));
    }

  read_pending_context (s);
}

static Role
parent_role (Stream *s)
{
  return s->roles->len > 0 ? g_array_index (s->roles, Role, s->roles->len - 1) : ROLE_SKIPPED;
}

static gboolean
on_start (gpointer  user_data,
          xmlNode  *node,
          guint     depth)
{
  Stream *s = user_data;
  Role parent = parent_role (s);
  Role role;

  if (depth == 1)
    role = check_root (s, node) ? ROLE_ROOT : ROLE_SKIPPED;
  else if (parent == ROLE_SKIPPED)
    role = ROLE_SKIPPED;
  else if (parent == ROLE_ROOT)
    role = start_section_element (s, node);
  else if (parent == ROLE_SECTION && s->section == SECTION_ROUNDS && iap_reader_is_named (node, "round"))
    {
      start_round (s);
      role = ROLE_ROUND;
    }
  else
    role = ROLE_CONTENT;

  g_array_append_val (s->roles, role);

  /* Lists free each item once read; sections read as a whole free what
   * they do not read. */
  return role != ROLE_CONTENT;
}

static gboolean
on_end (gpointer  user_data,
        xmlNode  *node,
        guint     depth)
{
  Stream *s = user_data;
  Role role = parent_role (s);
  Role parent;

  g_array_set_size (s->roles, s->roles->len - 1);
  parent = parent_role (s);

  switch (role)
    {
    case ROLE_ROOT:
      end_root (s, node);
      return FALSE;

    case ROLE_SECTION:
      return end_section (s, node);

    case ROLE_ROUND:
      /* Read as a child of <rounds> */
      break;

    case ROLE_SKIPPED:
      return FALSE;

    case ROLE_CONTENT:
    default:
      break;
    }

  switch (parent)
    {
    case ROLE_ROOT:
      use_list (s, LIST_ROOT_CHILDREN);
      iap_reader_check_child (&s->r, node->parent, node, s->r.workshop, NULL, section_names, NULL);
      return FALSE;

    case ROLE_SECTION:
      return end_section_child (s, node->parent, node);

    case ROLE_ROUND:
      return end_round_child (s, node->parent, node);

    case ROLE_SKIPPED:
    case ROLE_CONTENT:
    default:
      return FALSE;
    }
}

static void
on_progress (gpointer user_data,
             guint64  done,
             guint64  total)
{
  Stream *s = user_data;

  if (s->progress != NULL && total > 0)
    g_atomic_int_set (&s->progress->permille, (gint)(MIN (done, total) * 1000 / total));
}

static const IapXmlStreamFuncs stream_funcs = { on_start, on_end, on_progress };

static void
stream_init (Stream     *s,
             const char *name)
{
  Reader *r = &s->r;

  memset (s, 0, sizeof *s);
  r->workshop = iap_workshop_new ();
  /* A new workshop is marked Internal; a file without a marking has not
   * been marked yet, and stays so (docs/file-format.md, <setup>). */
  g_object_set (r->workshop, "classification", "", NULL);
  r->catalog = iap_workshop_get_catalog (r->workshop);
  r->scales = iap_workshop_get_scales (r->workshop);
  r->name = name;
  r->participants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->risks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < N_LISTS; i++)
    s->lists[i] = iap_reader_problems_new ();
  r->sink = s->lists[LIST_ROOT];
  s->roles = g_array_new (FALSE, FALSE, sizeof (Role));
  s->known = g_ptr_array_new ();
  s->item_known = g_ptr_array_new ();
  s->tail = iap_reader_problems_new ();
  s->after = iap_reader_problems_new ();
  s->context_tail = iap_reader_problems_new ();
  s->items = g_ptr_array_new_with_free_func (g_object_unref);
  s->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->item_lines = g_array_new (FALSE, FALSE, sizeof (long));

  /* read_rating() knows the fields of a rating by their place */
  g_assert (g_str_equal (iap_format_rating[2].property, "likelihood") &&
            g_str_equal (iap_format_rating[3].property, "impact") &&
            g_str_equal (iap_format_rating[4].property, "comment") &&
            iap_format_rating[5].property == NULL);
  g_assert (g_str_equal (iap_format_factor_rating[3].property, "value") &&
            iap_format_factor_rating[4].property == NULL);
  s->rating_properties = iap_reader_find_properties (g_type_class_ref (IAP_TYPE_RATING), iap_format_rating);
  s->factor_rating_properties = iap_reader_find_properties (g_type_class_ref (IAP_TYPE_FACTOR_RATING),
                                                            iap_format_factor_rating);
}

static void
stream_clear (Stream *s)
{
  Reader *r = &s->r;

  g_clear_object (&r->workshop);
  g_clear_pointer (&r->participants, g_hash_table_unref);
  g_clear_pointer (&r->risks, g_hash_table_unref);
  g_clear_error (&s->newer);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&s->lists[i], g_array_unref);
  g_clear_pointer (&s->roles, g_array_unref);
  g_clear_pointer (&s->known, g_ptr_array_unref);
  g_clear_pointer (&s->item_known, g_ptr_array_unref);
  g_clear_pointer (&s->tail, g_array_unref);
  g_clear_pointer (&s->after, g_array_unref);
  g_clear_pointer (&s->context_tail, g_array_unref);
  g_clear_pointer (&s->items, g_ptr_array_unref);
  g_clear_pointer (&s->ids, g_hash_table_unref);
  g_clear_pointer (&s->item_lines, g_array_unref);
  g_clear_pointer (&s->rating_properties, g_free);
  g_clear_pointer (&s->factor_rating_properties, g_free);
  clear_round (s);
}

/* Every problem of the file, in order */
static GPtrArray *
stream_problems (Stream *s)
{
  g_autoptr(GArray) all = iap_reader_problems_new ();

  if (s->newer != NULL)
    {
      GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (problems, g_strdup (s->newer->message));
      return problems;
    }

  for (guint i = 0; i < N_LISTS; i++)
    iap_reader_problems_move (all, s->lists[i]);

  return iap_reader_problems_format (all, s->r.name);
}

/* Reads @file or @bytes: the problems, if any, or *workshop */
static GPtrArray *
read_workshop (GFile            *file,
               GBytes           *bytes,
               const char       *name,
               IapWorkshop     **workshop,
               IapLoadProgress  *progress,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *problems;
  Stream s;
  gboolean parsed;

  stream_init (&s, name);
  s.progress = progress;
  if (file != NULL)
    parsed = iap_xml_stream_file (file, name, &stream_funcs, &s, cancellable, &local_error);
  else
    parsed = iap_xml_stream_memory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name,
                                    &stream_funcs, &s, &local_error);

  if (!parsed)
    {
      problems = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (problems, g_strdup (local_error->message));
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else
    {
      problems = stream_problems (&s);
      if (s.newer != NULL)
        g_propagate_error (error, g_steal_pointer (&s.newer));
      else if (problems->len > 0)
        g_set_error_literal (error, IAP_WORKSHOP_FILE_ERROR, IAP_WORKSHOP_FILE_ERROR_INVALID,
                             g_ptr_array_index (problems, 0));
      else if (workshop != NULL)
        *workshop = g_steal_pointer (&s.r.workshop);
    }

  stream_clear (&s);

  return problems;
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
  g_autoptr(GPtrArray) problems = NULL;
  IapWorkshop *workshop = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  problems = read_workshop (NULL, bytes, display_name, &workshop, NULL, NULL, error);
  if (workshop != NULL)
    _iap_workshop_loaded (workshop, NULL);

  return workshop;
}

static IapWorkshop *
load_file (GFile            *file,
           IapLoadProgress  *progress,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  IapWorkshop *workshop = NULL;

  problems = read_workshop (file, NULL, name, &workshop, progress, cancellable, error);
  if (workshop != NULL)
    _iap_workshop_loaded (workshop, file);

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
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return load_file (file, NULL, cancellable, error);
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
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = display_name != NULL ? g_strdup (display_name) : g_file_get_parse_name (file);

  return read_workshop (file, NULL, name, NULL, NULL, cancellable, NULL);
}

/**
 * iap_load_progress_new:
 *
 * Returns: (transfer full): a progress at 0, for
 *   iap_workshop_load_async_with_progress()
 */
IapLoadProgress *
iap_load_progress_new (void)
{
  IapLoadProgress *self = g_new0 (IapLoadProgress, 1);

  self->ref_count = 1;

  return self;
}

IapLoadProgress *
iap_load_progress_ref (IapLoadProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);

  return self;
}

void
iap_load_progress_unref (IapLoadProgress *self)
{
  if (self != NULL && g_atomic_int_dec_and_test (&self->ref_count))
    g_free (self);
}

/**
 * iap_load_progress_get_fraction:
 *
 * Returns: how much of its file the load has read, from 0 to 1
 */
double
iap_load_progress_get_fraction (IapLoadProgress *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_atomic_int_get (&self->permille) / 1000.0;
}

typedef struct
{
  GFile *file;
  IapLoadProgress *progress;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_object_unref (load->file);
  iap_load_progress_unref (load->progress);
  g_free (load);
}

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;
  IapWorkshop *workshop = load_file (load->file, load->progress, cancellable, &error);

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
  iap_workshop_load_async_with_progress (file, NULL, cancellable, callback, user_data);
}

/**
 * iap_workshop_load_async_with_progress:
 * @progress: (nullable): set as the file is read
 *
 * As iap_workshop_load_async(), telling @progress how far it is.
 */
void
iap_workshop_load_async_with_progress (GFile               *file,
                                       IapLoadProgress     *progress,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_FILE (file));

  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (file);
  load->progress = progress != NULL ? iap_load_progress_ref (progress) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, iap_workshop_load_async);
  g_task_set_task_data (task, load, load_data_free);
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
