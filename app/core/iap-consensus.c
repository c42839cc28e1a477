/* iap-consensus.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-consensus"

#include "config.h"

#include "iap-i18n.h"
#include <stdlib.h>

#include "iap-consensus.h"

/* Levels below this are counted rather than sorted */
#define COUNTED_LEVELS 32

static int
compare_levels (gconstpointer a,
                gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/**
 * iap_consensus_quantile:
 * @percent: 0 to 100
 *
 * Nearest-rank quantile: the score at rank ceil (percent * n / 100),
 * so the result is always one of the scores given.
 *
 * Returns: the level, or 0 when @n is 0
 */
guint
iap_consensus_quantile (const guint *levels,
                        guint        n,
                        guint        percent)
{
  g_autofree guint *sorted = NULL;
  guint counts[COUNTED_LEVELS] = { 0, };
  guint rank, seen = 0;

  g_return_val_if_fail (percent <= 100, 0);

  if (n == 0)
    return 0;
  rank = MAX ((percent * n + 99) / 100, 1);

  /* Levels are small numbers: counting them is linear where sorting is
   * not, which shows with hundreds of participants */
  for (guint i = 0; i < n && levels[i] < COUNTED_LEVELS; i++)
    {
      counts[levels[i]]++;
      seen++;
    }
  if (seen == n)
    {
      for (guint level = 0, below = 0; level < COUNTED_LEVELS; level++)
        if ((below += counts[level]) >= rank)
          return level;
    }

  sorted = g_memdup2 (levels, n * sizeof (guint));
  qsort (sorted, n, sizeof (guint), compare_levels);

  return sorted[rank - 1];
}

/* The lower median: an ordinal scale has no level between two levels. */
guint
iap_consensus_median (const guint *levels,
                      guint        n)
{
  return iap_consensus_quantile (levels, n, 50);
}

guint
iap_consensus_iqr (const guint *levels,
                   guint        n)
{
  return iap_consensus_quantile (levels, n, 75) - iap_consensus_quantile (levels, n, 25);
}

guint
iap_consensus_agreement (const guint *levels,
                         guint        n)
{
  guint median = iap_consensus_median (levels, n);
  guint within = 0;

  if (n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    if (levels[i] + 1 >= median && levels[i] <= median + 1)
      within++;

  return within * 100 / n;
}

IapConsensus
iap_consensus_verdict (const guint *levels,
                       guint        n,
                       guint        max_iqr,
                       guint        min_agreement)
{
  if (n == 0)
    return IAP_CONSENSUS_NO_RATINGS;

  if (iap_consensus_iqr (levels, n) <= max_iqr ||
      iap_consensus_agreement (levels, n) >= min_agreement)
    return IAP_CONSENSUS_REACHED;

  return IAP_CONSENSUS_NOT_REACHED;
}

/**
 * iap_consensus_polarized:
 * @medians: one median per pillar that gave scores
 *
 * Returns: whether two of them are two levels or more apart
 */
gboolean
iap_consensus_polarized (const guint *medians,
                         guint        n)
{
  guint lo = G_MAXUINT, hi = 0;

  for (guint i = 0; i < n; i++)
    {
      lo = MIN (lo, medians[i]);
      hi = MAX (hi, medians[i]);
    }

  return n >= 2 && hi >= lo + 2;
}

static gboolean
round_is_public (IapRound *round)
{
  return g_strcmp0 (iap_round_get_state (round), "open") != 0;
}

/* The pillars of the catalog, in order, and the pillar of each
 * participant as an index into them: made once per computation, so
 * that grouping a round's ratings by pillar costs one lookup each. */
typedef struct
{
  GPtrArray  *ids;            /* pillar ids, catalog order (borrowed) */
  GHashTable *participants;   /* participant id -> pillar index + 1 */
  IapWorkshop *workshop;      /* asked whether a statistic may be shown */
} PillarMap;

/* One score, with the pillar of the participant who gave it */
typedef struct
{
  guint likelihood;
  guint impact;
  guint pillar;               /* index into PillarMap.ids, G_MAXUINT if none */
} Score;

static void
pillar_map_init (PillarMap   *map,
                 IapWorkshop *workshop)
{
  GListModel *pillars = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_PILLAR);
  GListModel *participants = iap_workshop_get_participants (workshop);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  map->ids = g_ptr_array_new ();
  map->participants = g_hash_table_new (g_str_hash, g_str_equal);
  map->workshop = workshop;
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (pillars, i);
      const char *id = iap_catalog_entry_get_id (entry);

      /* The catalog keeps its entries alive as long as the workshop */
      if (!g_hash_table_contains (index, id))
        {
          g_hash_table_insert (index, (gpointer) id, GUINT_TO_POINTER (map->ids->len + 1));
          g_ptr_array_add (map->ids, (gpointer) id);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (participants, i);
      gpointer pillar = g_hash_table_lookup (index, iap_participant_get_pillar (p) ?: "");

      if (pillar != NULL)
        g_hash_table_insert (map->participants, (gpointer) iap_participant_get_id (p), pillar);
    }
}

static void
pillar_map_clear (PillarMap *map)
{
  g_clear_pointer (&map->ids, g_ptr_array_unref);
  g_clear_pointer (&map->participants, g_hash_table_unref);
}

/* Adds the rating at @position of @round to @scores unless it is
 * withdrawn (a level of 0) */
static void
add_score (GArray          *scores,
           const PillarMap *map,
           IapRound        *round,
           guint            position)
{
  const char *participant;
  guint pillar;
  Score score;

  iap_round_get_rating_at (round, position, &participant, NULL, &score.likelihood, &score.impact);
  pillar = GPOINTER_TO_UINT (g_hash_table_lookup (map->participants, participant ?: ""));
  score.pillar = pillar > 0 ? pillar - 1 : G_MAXUINT;

  if (score.likelihood != 0 && score.impact != 0)
    g_array_append_val (scores, score);
}

/* Groups the scores of @round by risk: risk id -> GArray of Score.
 * A risk with only withdrawn ratings gets an empty array: the round
 * rated it. One pass over the round, whatever the number of risks. */
static GHashTable *
group_round (IapRound        *round,
             const PillarMap *map)
{
  guint n = iap_round_get_n_ratings (round);
  GHashTable *by_risk = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_array_unref);
  const char *last = NULL;
  GArray *scores = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *risk;

      iap_round_get_rating_at (round, i, NULL, &risk, NULL, NULL);
      if (risk == NULL)
        continue;

      /* The round's ids are interned: consecutive ratings of one risk
       * share the string. */
      if (risk != last)
        {
          scores = g_hash_table_lookup (by_risk, risk);
          if (scores == NULL)
            {
              scores = g_array_new (FALSE, FALSE, sizeof (Score));
              g_hash_table_insert (by_risk, g_strdup (risk), scores);
            }
          last = risk;
        }
      add_score (scores, map, round, i);
    }

  return by_risk;
}

static gboolean
round_rates (IapRound   *round,
             const char *risk)
{
  guint n = iap_round_get_n_ratings (round);

  for (guint i = 0; i < n; i++)
    {
      const char *rated;
      guint likelihood, impact;

      iap_round_get_rating_at (round, i, NULL, &rated, &likelihood, &impact);
      if (g_strcmp0 (rated, risk) == 0 && likelihood != 0 && impact != 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * iap_consensus_latest_round:
 *
 * The latest round is the last in the workshop's list of rounds, which
 * is the order they were held in (a new round goes at the end), whatever
 * their numbers. A round that lists @risk but has no score for it, or
 * only withdrawn ones, is passed over: the earlier scores stand.
 *
 * Returns: (transfer none) (nullable): the last revealed or closed round
 *   with scores for @risk
 */
IapRound *
iap_consensus_latest_round (IapWorkshop *workshop,
                            const char  *risk)
{
  GListModel *rounds = iap_workshop_get_rounds (workshop);

  for (guint i = g_list_model_get_n_items (rounds); i > 0; i--)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, i - 1);

      if (round_is_public (round) && round_rates (round, risk))
        return round;
    }

  return NULL;
}

static void
pillar_median_free (gpointer data)
{
  IapPillarMedian *pm = data;

  g_free (pm->pillar);
  g_free (pm);
}

void
iap_risk_stats_free (IapRiskStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_pointer (&stats->pillars, g_ptr_array_unref);
  g_clear_pointer (&stats->scores, g_array_unref);
  g_free (stats);
}

static IapRiskStats *
risk_stats_new (void)
{
  IapRiskStats *stats = g_new0 (IapRiskStats, 1);

  stats->pillars = g_ptr_array_new_with_free_func (pillar_median_free);
  stats->scores = g_array_new (FALSE, FALSE, sizeof (IapStatsScore));

  return stats;
}

/* The scores of pillar @pillar (every pillar with G_MAXUINT - 1) as two
 * arrays of levels */
static guint
split_scores (GArray *scores,
              guint   pillar,
              GArray *likelihood,
              GArray *impact)
{
  g_array_set_size (likelihood, 0);
  g_array_set_size (impact, 0);
  for (guint i = 0; i < scores->len; i++)
    {
      const Score *score = &g_array_index (scores, Score, i);

      if (pillar != G_MAXUINT - 1 && score->pillar != pillar)
        continue;
      g_array_append_val (likelihood, score->likelihood);
      g_array_append_val (impact, score->impact);
    }

  return likelihood->len;
}

/* Each pillar's median, for the pillars with enough scorers: a pillar
 * of one scorer has that person's score as its median, so pillars below
 * the floor are neither shown nor compared, only counted. */
static void
add_pillars (IapRiskStats    *stats,
             const PillarMap *map,
             GArray          *scores,
             guint           *shown)
{
  g_autoptr(GArray) medians_l = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) medians_i = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) l = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) m = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < map->ids->len; i++)
    {
      IapPillarMedian *pm;

      if (split_scores (scores, i, l, m) == 0)
        continue;
      if (!iap_workshop_may_show_statistic (map->workshop, l->len))
        {
          stats->pillars_withheld++;
          continue;
        }

      shown[i] = stats->pillars->len;
      pm = g_new0 (IapPillarMedian, 1);
      pm->pillar = g_strdup (g_ptr_array_index (map->ids, i));
      pm->n = l->len;
      pm->likelihood = iap_consensus_median ((guint *) l->data, l->len);
      pm->impact = iap_consensus_median ((guint *) m->data, m->len);
      g_ptr_array_add (stats->pillars, pm);
      g_array_append_val (medians_l, pm->likelihood);
      g_array_append_val (medians_i, pm->impact);
    }

  stats->pillars_compared = stats->pillars->len;
  stats->polarized = iap_consensus_polarized ((guint *) medians_l->data, medians_l->len) ||
                     iap_consensus_polarized ((guint *) medians_i->data, medians_i->len);
}

static void
add_cells (IapRiskStats *stats,
           GArray       *scores)
{
  for (guint i = 0; i < scores->len; i++)
    {
      const Score *score = &g_array_index (scores, Score, i);

      if (score->likelihood <= IAP_SCALE_MAX_LEVELS && score->impact <= IAP_SCALE_MAX_LEVELS)
        stats->cells[score->likelihood - 1][score->impact - 1]++;
    }
}

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const IapStatsScore *x = a, *y = b;

  if (x->likelihood != y->likelihood)
    return x->likelihood < y->likelihood ? -1 : 1;
  if (x->impact != y->impact)
    return x->impact < y->impact ? -1 : 1;
  if (x->pillar != y->pillar)
    return x->pillar < y->pillar ? -1 : 1;

  return 0;
}

/* Each score with its pillar where that pillar is shown, sorted so that
 * nothing tells who gave which. */
static void
add_scores (IapRiskStats *stats,
            GArray       *scores,
            const guint  *shown)
{
  for (guint i = 0; i < scores->len; i++)
    {
      const Score *score = &g_array_index (scores, Score, i);
      IapStatsScore out = { score->likelihood, score->impact, G_MAXUINT };

      if (score->pillar != G_MAXUINT)
        out.pillar = shown[score->pillar];
      g_array_append_val (stats->scores, out);
    }
  g_array_sort (stats->scores, compare_scores);
}

/* The statistics of one risk's scores in one round */
static IapRiskStats *
stats_from_scores (IapScales       *scales,
                   const PillarMap *map,
                   GArray          *scores)
{
  IapRiskStats *stats = risk_stats_new ();
  g_autoptr(GArray) l = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) m = g_array_new (FALSE, FALSE, sizeof (guint));
  guint max_iqr = iap_scales_get_consensus_iqr (scales);
  guint min_agreement = iap_scales_get_consensus_agreement (scales);
  g_autofree guint *shown = NULL;
  const guint *lv, *mv;

  stats->min_scorers = iap_workshop_get_min_scorers (map->workshop);
  if (scores == NULL || split_scores (scores, G_MAXUINT - 1, l, m) == 0)
    return stats;

  /* Below the privacy floor only the count is kept: no median, no
   * spread, no verdict, no cells, no pillars. */
  if (!iap_workshop_may_show_statistic (map->workshop, l->len))
    {
      stats->n = l->len;
      stats->withheld = TRUE;
      stats->consensus = IAP_CONSENSUS_WITHHELD;
      return stats;
    }

  lv = (const guint *) l->data;
  mv = (const guint *) m->data;
  stats->n = l->len;
  stats->median_likelihood = iap_consensus_median (lv, l->len);
  stats->median_impact = iap_consensus_median (mv, m->len);
  stats->iqr_likelihood = iap_consensus_iqr (lv, l->len);
  stats->iqr_impact = iap_consensus_iqr (mv, m->len);
  stats->agreement_likelihood = iap_consensus_agreement (lv, l->len);
  stats->agreement_impact = iap_consensus_agreement (mv, m->len);
  stats->consensus = iap_consensus_verdict (lv, l->len, max_iqr, min_agreement) == IAP_CONSENSUS_REACHED &&
                     iap_consensus_verdict (mv, m->len, max_iqr, min_agreement) == IAP_CONSENSUS_REACHED
                     ? IAP_CONSENSUS_REACHED : IAP_CONSENSUS_NOT_REACHED;
  add_cells (stats, scores);
  shown = g_new (guint, MAX (map->ids->len, 1));
  for (guint i = 0; i < map->ids->len; i++)
    shown[i] = G_MAXUINT;
  add_pillars (stats, map, scores, shown);
  add_scores (stats, scores, shown);

  return stats;
}

/**
 * iap_consensus_for_risk:
 * @round: (nullable): the round, or NULL for iap_consensus_latest_round()
 *
 * The statistics of one risk: one pass over the round. To have those
 * of every risk, iap_consensus_for_round() and iap_consensus_latest()
 * make one pass in all.
 *
 * Returns: (transfer full): the statistics of @risk; all zero (and
 *   %IAP_CONSENSUS_NO_RATINGS) without scores
 */
IapRiskStats *
iap_consensus_for_risk (IapWorkshop *workshop,
                        IapRound    *round,
                        const char  *risk)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (Score));
  PillarMap map;
  IapRiskStats *stats;

  if (round == NULL)
    round = iap_consensus_latest_round (workshop, risk);
  if (round == NULL)
    {
      stats = risk_stats_new ();
      stats->min_scorers = iap_workshop_get_min_scorers (workshop);
      return stats;
    }

  pillar_map_init (&map, workshop);
  for (guint i = 0; i < iap_round_get_n_ratings (round); i++)
    {
      const char *rated;

      iap_round_get_rating_at (round, i, NULL, &rated, NULL, NULL);
      if (g_strcmp0 (rated, risk) == 0)
        add_score (scores, &map, round, i);
    }
  stats = stats_from_scores (iap_workshop_get_scales (workshop), &map, scores);
  pillar_map_clear (&map);

  return stats;
}

static GHashTable *
stats_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) iap_risk_stats_free);
}

/**
 * iap_consensus_for_round:
 *
 * The statistics of every risk @round rated, in one pass over it.
 *
 * Returns: (transfer full) (element-type utf8 IapRiskStats): risk id
 *   to its statistics
 */
GHashTable *
iap_consensus_for_round (IapWorkshop *workshop,
                         IapRound    *round)
{
  IapScales *scales = iap_workshop_get_scales (workshop);
  g_autoptr(GHashTable) grouped = NULL;
  GHashTable *table = stats_table_new ();
  GHashTableIter iter;
  gpointer risk, scores;
  PillarMap map;

  pillar_map_init (&map, workshop);
  grouped = group_round (round, &map);
  g_hash_table_iter_init (&iter, grouped);
  while (g_hash_table_iter_next (&iter, &risk, &scores))
    g_hash_table_insert (table, g_strdup (risk), stats_from_scores (scales, &map, scores));
  pillar_map_clear (&map);

  return table;
}

/**
 * iap_consensus_latest:
 *
 * What iap_consensus_for_risk() with no round gives for each risk, for
 * all of them at once: each risk's statistics on the latest revealed or
 * closed round that rated it. One pass over every public round, where
 * asking risk by risk walks the rounds once per risk.
 *
 * Returns: (transfer full) (element-type utf8 IapRiskStats): risk id
 *   to its statistics; read it with iap_consensus_lookup(), which
 *   answers for risks never rated publicly too
 */
GHashTable *
iap_consensus_latest (IapWorkshop *workshop)
{
  GListModel *rounds = iap_workshop_get_rounds (workshop);
  IapScales *scales = iap_workshop_get_scales (workshop);
  GHashTable *table = stats_table_new ();
  PillarMap map;

  pillar_map_init (&map, workshop);
  for (guint i = g_list_model_get_n_items (rounds); i > 0; i--)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, i - 1);
      g_autoptr(GHashTable) grouped = NULL;
      GHashTableIter iter;
      gpointer risk, scores;

      if (!round_is_public (round))
        continue;

      grouped = group_round (round, &map);
      g_hash_table_iter_init (&iter, grouped);
      while (g_hash_table_iter_next (&iter, &risk, &scores))
        if (((GArray *) scores)->len > 0 && !g_hash_table_contains (table, risk))
          g_hash_table_insert (table, g_strdup (risk), stats_from_scores (scales, &map, scores));
    }
  pillar_map_clear (&map);

  return table;
}

/**
 * iap_consensus_lookup:
 * @table: from iap_consensus_latest() or iap_consensus_for_round()
 *
 * Returns: (transfer none): the statistics of @risk; those of a risk
 *   without scores (added to @table) when it has none for it
 */
const IapRiskStats *
iap_consensus_lookup (GHashTable *table,
                      const char *risk)
{
  IapRiskStats *stats = g_hash_table_lookup (table, risk ?: "");

  if (stats == NULL)
    {
      stats = risk_stats_new ();
      g_hash_table_insert (table, g_strdup (risk ?: ""), stats);
    }

  return stats;
}

const char *
iap_consensus_to_id (IapConsensus consensus)
{
  switch (consensus)
    {
    case IAP_CONSENSUS_REACHED:
      return "reached";
    case IAP_CONSENSUS_NOT_REACHED:
      return "not-reached";
    case IAP_CONSENSUS_WITHHELD:
      return "withheld";
    case IAP_CONSENSUS_NO_RATINGS:
    default:
      return "none";
    }
}

const char *
iap_consensus_to_label (IapConsensus consensus)
{
  switch (consensus)
    {
    case IAP_CONSENSUS_REACHED:
      return _("Consensus");
    case IAP_CONSENSUS_NOT_REACHED:
      return _("No consensus");
    case IAP_CONSENSUS_WITHHELD:
      return _("Withheld");
    case IAP_CONSENSUS_NO_RATINGS:
    default:
      return _("No scores");
    }
}

/* The rule as a sentence, shown on screen and in print. */
char *
iap_consensus_describe_rule (IapScales *scales)
{
  guint iqr = iap_scales_get_consensus_iqr (scales);

  return g_strdup_printf (g_dngettext (NULL,
                                       "Consensus when the interquartile range is at most %u level, "
                                       "or %u%% of scores are within one level of the median "
                                       "(lower median, nearest-rank quartiles).",
                                       "Consensus when the interquartile range is at most %u levels, "
                                       "or %u%% of scores are within one level of the median "
                                       "(lower median, nearest-rank quartiles).",
                                       iqr),
                          iqr, iap_scales_get_consensus_agreement (scales));
}

/**
 * iap_consensus_describe_polarized:
 *
 * Returns: (transfer full): what "polarized" means in @workshop, and
 *   what is withheld below its privacy floor, in two sentences
 */
char *
iap_consensus_describe_polarized (IapWorkshop *workshop)
{
  guint k;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  k = iap_workshop_get_min_scorers (workshop);

  return g_strdup_printf (g_dngettext (NULL,
                                       "Polarized when the medians of two pillars, each of at least %u scorer, "
                                       "are two levels or more apart; a polarized risk is never called a "
                                       "consensus, even when the spread meets the rule. Nothing computed from "
                                       "fewer than %u scorer is shown.",
                                       "Polarized when the medians of two pillars, each of at least %u scorers, "
                                       "are two levels or more apart; a polarized risk is never called a "
                                       "consensus, even when the spread meets the rule. Nothing computed from "
                                       "fewer than %u scorers is shown.",
                                       k),
                          k, k);
}

/**
 * iap_consensus_dup_rule_line:
 *
 * Returns: (transfer full): the rules the verdicts follow, in one line,
 *   for the first page of the report
 */
char *
iap_consensus_dup_rule_line (IapWorkshop *workshop)
{
  IapScales *scales;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  scales = iap_workshop_get_scales (workshop);

  /* Translators: the consensus rule in one line: the IQR in levels, the
   * share of scores near the median, the privacy floor */
  return g_strdup_printf (g_dngettext (NULL,
                                       "consensus when the interquartile range is at most %u level or %u%% of "
                                       "scores lie within one level of the median; polarized, and never a consensus, "
                                       "when two pillars’ medians are two levels or more apart; nothing shown for "
                                       "fewer than %u scorers.",
                                       "consensus when the interquartile range is at most %u levels or %u%% of "
                                       "scores lie within one level of the median; polarized, and never a consensus, "
                                       "when two pillars’ medians are two levels or more apart; nothing shown for "
                                       "fewer than %u scorers.",
                                       iap_scales_get_consensus_iqr (scales)),
                          iap_scales_get_consensus_iqr (scales),
                          iap_scales_get_consensus_agreement (scales),
                          iap_workshop_get_min_scorers (workshop));
}

/**
 * iap_risk_stats_get_verdict:
 *
 * The spread rule and the comparison of pillars, in one verdict: what
 * the window, the presenter view, the report and the JSON summary all
 * call a risk's scores.
 */
IapVerdict
iap_risk_stats_get_verdict (const IapRiskStats *stats)
{
  g_return_val_if_fail (stats != NULL, IAP_VERDICT_NO_SCORES);

  switch (stats->consensus)
    {
    case IAP_CONSENSUS_WITHHELD:
      return IAP_VERDICT_WITHHELD;
    case IAP_CONSENSUS_REACHED:
      return stats->polarized ? IAP_VERDICT_POLARIZED : IAP_VERDICT_CONSENSUS;
    case IAP_CONSENSUS_NOT_REACHED:
      return stats->polarized ? IAP_VERDICT_NO_CONSENSUS_POLARIZED : IAP_VERDICT_NO_CONSENSUS;
    case IAP_CONSENSUS_NO_RATINGS:
    default:
      return IAP_VERDICT_NO_SCORES;
    }
}

const char *
iap_verdict_to_id (IapVerdict verdict)
{
  switch (verdict)
    {
    case IAP_VERDICT_WITHHELD:
      return "withheld";
    case IAP_VERDICT_CONSENSUS:
      return "consensus";
    case IAP_VERDICT_POLARIZED:
      return "polarized";
    case IAP_VERDICT_NO_CONSENSUS:
      return "no-consensus";
    case IAP_VERDICT_NO_CONSENSUS_POLARIZED:
      return "no-consensus-polarized";
    case IAP_VERDICT_NO_SCORES:
    default:
      return "none";
    }
}

const char *
iap_verdict_to_label (IapVerdict verdict)
{
  switch (verdict)
    {
    case IAP_VERDICT_WITHHELD:
      /* Translators: a verdict on a risk's scores, when too few people scored to show one */
      return C_("verdict", "Withheld");
    case IAP_VERDICT_CONSENSUS:
      return C_("verdict", "Consensus");
    case IAP_VERDICT_POLARIZED:
      /* Translators: a verdict: the room's spread meets the consensus rule,
       * but two pillars' medians are two levels or more apart */
      return C_("verdict", "Polarized");
    case IAP_VERDICT_NO_CONSENSUS:
      return C_("verdict", "No consensus");
    case IAP_VERDICT_NO_CONSENSUS_POLARIZED:
      return C_("verdict", "No consensus, polarized");
    case IAP_VERDICT_NO_SCORES:
    default:
      return C_("verdict", "No scores");
    }
}

/**
 * iap_risk_stats_describe_scores:
 * @stats: (nullable): the round's statistics for one risk
 * @text: where the sentence is appended
 *
 * The opening of a spread chart's text alternative: how many scores and
 * their medians, or that there are none, or that they are withheld below
 * the privacy floor.
 *
 * Returns: %TRUE when the spread may be described further
 */
gboolean
iap_risk_stats_describe_scores (const IapRiskStats *stats,
                                GString            *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (stats == NULL || stats->n == 0)
    {
      g_string_append (text, _("No scores revealed"));
      return FALSE;
    }
  if (stats->withheld)
    {
      /* Translators: the spread of fewer scores than the workshop's privacy floor is not drawn */
      g_string_append_printf (text, g_dngettext (NULL, "%u score: not shown, fewer than %u scorers.",
                                                 "%u scores: not shown, fewer than %u scorers.", stats->n),
                              stats->n, stats->min_scorers);
      return FALSE;
    }

  /* Translators: %u are counts and levels of likelihood and impact */
  g_string_append_printf (text, g_dngettext (NULL, "%u score, median likelihood %u and impact %u.",
                                             "%u scores, median likelihood %u and impact %u.", stats->n),
                          stats->n, stats->median_likelihood, stats->median_impact);
  return TRUE;
}

/**
 * iap_risk_stats_count_near_median:
 *
 * How many scores lie within one level of the median in likelihood and
 * in impact both: the "11 of 13" of "11 of 13 within one level of
 * Likely × Major". 0 below the privacy floor, where nothing is kept.
 */
guint
iap_risk_stats_count_near_median (const IapRiskStats *stats)
{
  guint count = 0;

  g_return_val_if_fail (stats != NULL, 0);

  if (stats->withheld || stats->scores == NULL)
    return 0;
  for (guint i = 0; i < stats->scores->len; i++)
    {
      const IapStatsScore *score = &g_array_index (stats->scores, IapStatsScore, i);

      if (ABS ((int) score->likelihood - (int) stats->median_likelihood) <= 1 &&
          ABS ((int) score->impact - (int) stats->median_impact) <= 1)
        count++;
    }

  return count;
}

/**
 * iap_risk_stats_dup_verdict:
 *
 * Returns: (transfer full): the verdict as it is printed, with the reason
 *   when it is withheld: "Withheld: fewer than 3 scorers"
 */
char *
iap_risk_stats_dup_verdict (const IapRiskStats *stats)
{
  IapVerdict verdict;

  g_return_val_if_fail (stats != NULL, NULL);

  verdict = iap_risk_stats_get_verdict (stats);
  if (verdict != IAP_VERDICT_WITHHELD)
    return g_strdup (iap_verdict_to_label (verdict));

  /* Translators: instead of a verdict, when fewer people scored than the workshop's privacy floor */
  return g_strdup_printf (g_dngettext (NULL, "Withheld: fewer than %u scorer",
                                       "Withheld: fewer than %u scorers", stats->min_scorers),
                          stats->min_scorers);
}
