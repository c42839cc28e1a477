/* iap-bench-generate.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes a synthetic workshop of a given size for the benchmarks:
 *
 *   iap-bench-generate OUTPUT PARTICIPANTS RISKS [ROUNDS]
 *
 * It is built through the model API, with a fixed random seed, so the
 * same arguments always write the same file. Every participant rates every
 * risk in every round and scores every factor for every option. */

#define G_LOG_DOMAIN "iap-bench"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-rating-list.h"
#include "iap-workshop-file.h"

#define SEED 20260309

typedef struct
{
  IapWorkshop *workshop;
  GRand       *rand;
  GPtrArray   *pillars;
  GPtrArray   *arrangements;
  GPtrArray   *areas;
  GPtrArray   *factors;
  GPtrArray   *options;
  GPtrArray   *measures;
} Generator;

/* The ids of one kind of the catalog, so the generator follows the
 * catalog rather than a copy of it. */
static GPtrArray *
catalog_ids (IapWorkshop *workshop,
             const char  *kind)
{
  GListModel *entries = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), kind);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);

      g_ptr_array_add (ids, g_strdup (iap_catalog_entry_get_id (entry)));
    }
  g_assert (ids->len > 0);

  return ids;
}

static const char *
pick (Generator *gen,
      GPtrArray *ids)
{
  return g_ptr_array_index (ids, g_rand_int_range (gen->rand, 0, ids->len));
}

static guint
level (Generator *gen)
{
  return g_rand_int_range (gen->rand, 1, 6);
}

/* Items are made and inserted as iap_workshop_add_participant(),
 * _add_risk() and _add_mitigation() do, but with ids numbered here: those
 * functions look for the first free id by comparing every candidate with
 * every item, which costs n² per item and n³ for a list (hours for the
 * huge workshop's 2,000 risks). */
static gpointer
insert_new (Generator  *gen,
            GListModel *list,
            gpointer    item)
{
  iap_workshop_insert (gen->workshop, list, g_list_model_get_n_items (list), item);
  g_object_unref (item);

  return item;
}

static void
add_setup (Generator *gen)
{
  IapWorkshop *w = gen->workshop;
  const char *options[] = { "no-structural", "double-hatted", "triple-hatted", "ersg", NULL };

  iap_workshop_set (w, w,
                    "title", "Benchmark workshop",
                    "country", "Republic of Kivara",
                    "start-date", "2026-03-09",
                    "end-date", "2026-03-11",
                    "facilitator", "Nadia Rahimi",
                    "classification", "internal",
                    "unct", "yes",
                    "mission", "yes",
                    "mission-type", "peacekeeping",
                    "phase", "stabilization",
                    "current-option", "triple-hatted",
                    "mandate", "Chapter VII mandate with protection of civilians.",
                    "options", options,
                    NULL);
  iap_workshop_set_indicator (w, "combat-operations", "yes", "Joint operations since October.");
  iap_workshop_set_indicator (w, "neutrality-questioned", "yes", NULL);
  iap_workshop_set_indicator (w, "robust-mandate", "yes", NULL);
}

static void
add_participants (Generator *gen,
                  guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Participant %u", i + 1);
      g_autofree char *entity = g_strdup_printf ("Entity %u", i % 17 + 1);

      g_autofree char *id = g_strdup_printf ("p%u", i + 1);
      IapParticipant *participant = iap_participant_new (id);

      g_object_set (participant, "pillar", pick (gen, gen->pillars), "name", name, "entity", entity, NULL);
      insert_new (gen, iap_workshop_get_participants (gen->workshop), participant);
    }
}

/* Every risk has an agreed inherent rating, and one in two a residual
 * rating after mitigation. */
static void
add_risks (Generator *gen,
           guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *arrangement = g_ptr_array_index (gen->arrangements, i % gen->arrangements->len);
      const char *area = g_ptr_array_index (gen->areas, (i / gen->arrangements->len) % gen->areas->len);
      g_autofree char *title = g_strdup_printf ("Risk %u: %s affects %s", i + 1, arrangement, area);
      g_autofree char *id = g_strdup_printf ("r%u", i + 1);
      IapRisk *risk = iap_risk_new (id);
      guint likelihood = level (gen), impact = level (gen);

      g_object_set (risk, "arrangement", arrangement, "area", area, "title", title, NULL);
      insert_new (gen, iap_workshop_get_risks (gen->workshop), risk);

      iap_workshop_set (gen->workshop, risk,
                        "description", "Visible association with the mission may cost access.",
                        "inherent-likelihood", likelihood,
                        "inherent-impact", impact,
                        NULL);
      if (i % 2 == 0)
        iap_workshop_set (gen->workshop, risk,
                          "residual-likelihood", MAX (1, likelihood - 1),
                          "residual-impact", MAX (1, impact - 1),
                          NULL);
    }
}

static void
add_factor_scores (Generator *gen)
{
  for (guint f = 0; f < gen->factors->len; f++)
    {
      const char *factor = g_ptr_array_index (gen->factors, f);

      iap_workshop_set_factor_weight (gen->workshop, factor, g_rand_int_range (gen->rand, 1, 5));
      for (guint o = 0; o < gen->options->len; o++)
        iap_workshop_set_factor_score (gen->workshop, factor, g_ptr_array_index (gen->options, o),
                                       g_rand_int_range (gen->rand, 0, 5));
    }
}

/* Ratings are inserted as iap_workshop_set_rating() inserts a new one,
 * without its search for an existing rating: that search is linear, so
 * filling a round through it would cost ratings² / 2 comparisons (about
 * 8 × 10¹⁰ for the huge workshop). */
/* Straight into the round's lists, as the file reader fills them: a
 * round of the huge workshop holds 400,000 ratings. */
static void
add_ratings (Generator *gen,
             IapRound  *round)
{
  GListModel *participants = iap_workshop_get_participants (gen->workshop);
  GListModel *risks = iap_workshop_get_risks (gen->workshop);
  IapRatingList *ratings = IAP_RATING_LIST (iap_round_get_ratings (round));
  guint n_participants = g_list_model_get_n_items (participants);
  guint n_risks = g_list_model_get_n_items (risks);
  guint from = g_list_model_get_n_items (G_LIST_MODEL (ratings));

  for (guint p = 0; p < n_participants; p++)
    {
      g_autoptr(IapParticipant) participant = g_list_model_get_item (participants, p);
      guint rater = iap_rating_list_intern (ratings, IAP_RATING_KEY_PARTICIPANT,
                                            iap_participant_get_id (participant));

      for (guint r = 0; r < n_risks; r++)
        {
          g_autoptr(IapRisk) risk = g_list_model_get_item (risks, r);
          guint rated = iap_rating_list_intern (ratings, IAP_RATING_KEY_SUBJECT, iap_risk_get_id (risk));
          /* Drawn impact first, as the benchmark workshops always were */
          guint impact = level (gen);
          guint likelihood = level (gen);

          iap_rating_list_append (ratings, rater, rated, 0, likelihood, impact);
        }
    }
  iap_rating_list_appended (ratings, from);
}

static void
add_factor_ratings (Generator *gen,
                    IapRound  *round)
{
  GListModel *participants = iap_workshop_get_participants (gen->workshop);
  IapRatingList *list = IAP_RATING_LIST (iap_round_get_factor_ratings (round));
  guint n_participants = g_list_model_get_n_items (participants);
  guint from = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint p = 0; p < n_participants; p++)
    {
      g_autoptr(IapParticipant) participant = g_list_model_get_item (participants, p);
      guint rater = iap_rating_list_intern (list, IAP_RATING_KEY_PARTICIPANT,
                                            iap_participant_get_id (participant));

      for (guint f = 0; f < gen->factors->len; f++)
        for (guint o = 0; o < gen->options->len; o++)
          {
            guint factor = iap_rating_list_intern (list, IAP_RATING_KEY_SUBJECT,
                                                   g_ptr_array_index (gen->factors, f));
            guint option = iap_rating_list_intern (list, IAP_RATING_KEY_OPTION,
                                                   g_ptr_array_index (gen->options, o));

            iap_rating_list_append (list, rater, factor, option, (guint)g_rand_int_range (gen->rand, 0, 5), 0);
          }
    }
  iap_rating_list_appended (list, from);
}

static void
add_rounds (Generator *gen,
            guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      IapRound *round = iap_workshop_add_round (gen->workshop, "private");

      add_ratings (gen, round);
      add_factor_ratings (gen, round);
      iap_workshop_set (gen->workshop, round, "state", "revealed", NULL);
    }
}

/* One mitigation for every four risks, each linked to two to four risks
 * and one factor. */
static void
add_mitigations (Generator *gen)
{
  static const char *statuses[] = { "planned", "in-progress", "done" };
  GListModel *risks = iap_workshop_get_risks (gen->workshop);
  guint n_risks = g_list_model_get_n_items (risks);

  for (guint i = 0; i < MAX (1, n_risks / 4); i++)
    {
      g_autofree char *title = g_strdup_printf ("Mitigation %u", i + 1);
      g_autofree char *id = g_strdup_printf ("m%u", i + 1);
      IapMitigation *m = iap_mitigation_new (id);
      g_autoptr(GStrvBuilder) links = g_strv_builder_new ();
      g_auto(GStrv) refs = NULL;
      const char *factors[] = { pick (gen, gen->factors), NULL };
      guint n_links = g_rand_int_range (gen->rand, 2, 5);

      for (guint k = 0; k < n_links; k++)
        {
          g_autoptr(IapRisk) risk = g_list_model_get_item (risks, (i * 4 + k) % n_risks);

          g_strv_builder_add (links, iap_risk_get_id (risk));
        }
      refs = g_strv_builder_end (links);
      g_object_set (m, "measure", pick (gen, gen->measures), "title", title, NULL);
      insert_new (gen, iap_workshop_get_mitigations (gen->workshop), m);
      iap_workshop_set (gen->workshop, m,
                        "status", statuses[i % G_N_ELEMENTS (statuses)],
                        "treatment", "reduce-likelihood",
                        "due", "2026-06-30",
                        "owner", "Amara Diallo",
                        "owner-entity", "OCHA",
                        "risks", refs,
                        "factors", factors,
                        NULL);
    }
}

static void
generate (Generator *gen,
          guint      n_participants,
          guint      n_risks,
          guint      n_rounds)
{
  /* One step of the history, as a facilitator would never undo it. */
  iap_workshop_begin_edit (gen->workshop, "Generate");
  add_setup (gen);
  add_participants (gen, n_participants);
  add_risks (gen, n_risks);
  add_factor_scores (gen);
  add_rounds (gen, n_rounds);
  add_mitigations (gen);
  iap_workshop_end_edit (gen->workshop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  Generator gen;

  if (argc < 4 || argc > 5)
    {
      g_printerr ("Usage: %s OUTPUT PARTICIPANTS RISKS [ROUNDS]\n", argv[0]);
      return 2;
    }

  workshop = iap_workshop_new ();
  gen = (Generator) {
    .workshop = workshop,
    .rand = g_rand_new_with_seed (SEED),
    .pillars = catalog_ids (workshop, IAP_CATALOG_PILLAR),
    .arrangements = catalog_ids (workshop, IAP_CATALOG_ARRANGEMENT),
    .areas = catalog_ids (workshop, IAP_CATALOG_AREA),
    .factors = catalog_ids (workshop, IAP_CATALOG_FACTOR),
    .options = catalog_ids (workshop, IAP_CATALOG_OPTION),
    .measures = catalog_ids (workshop, IAP_CATALOG_MEASURE),
  };
  generate (&gen, atoi (argv[2]), atoi (argv[3]), argc > 4 ? atoi (argv[4]) : 1);

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!iap_workshop_save (workshop, file, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  g_rand_free (gen.rand);
  g_ptr_array_unref (gen.pillars);
  g_ptr_array_unref (gen.arrangements);
  g_ptr_array_unref (gen.areas);
  g_ptr_array_unref (gen.factors);
  g_ptr_array_unref (gen.options);
  g_ptr_array_unref (gen.measures);

  return 0;
}
