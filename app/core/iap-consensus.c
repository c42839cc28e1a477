/* iap-consensus.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-consensus"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "iap-consensus.h"

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
  guint rank;

  g_return_val_if_fail (percent <= 100, 0);

  if (n == 0)
    return 0;

  sorted = g_memdup2 (levels, n * sizeof (guint));
  qsort (sorted, n, sizeof (guint), compare_levels);
  rank = (percent * n + 99) / 100;

  return sorted[MAX (rank, 1) - 1];
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

static gboolean
round_rates (IapRound   *round,
             const char *risk)
{
  GListModel *ratings = iap_round_get_ratings (round);

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(IapRating) rating = g_list_model_get_item (ratings, i);

      if (g_strcmp0 (iap_rating_get_risk (rating), risk) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * iap_consensus_latest_round:
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
  g_free (stats);
}

static const char *
rating_pillar (IapWorkshop *workshop,
               IapRating   *rating)
{
  IapParticipant *p = iap_workshop_find_participant (workshop, iap_rating_get_participant (rating));

  return p != NULL ? iap_participant_get_pillar (p) : NULL;
}

/* Collects the scores of @risk in @round, of one pillar when @pillar
 * is not NULL. Ratings with a level of 0 are withdrawn and skipped. */
static guint
collect (IapWorkshop *workshop,
         IapRound    *round,
         const char  *risk,
         const char  *pillar,
         GArray      *likelihood,
         GArray      *impact)
{
  GListModel *ratings = iap_round_get_ratings (round);

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(IapRating) rating = g_list_model_get_item (ratings, i);
      guint l = iap_rating_get_likelihood (rating);
      guint m = iap_rating_get_impact (rating);

      if (g_strcmp0 (iap_rating_get_risk (rating), risk) != 0 || l == 0 || m == 0)
        continue;
      if (pillar != NULL && g_strcmp0 (rating_pillar (workshop, rating), pillar) != 0)
        continue;

      g_array_append_val (likelihood, l);
      g_array_append_val (impact, m);
    }

  return likelihood->len;
}

static void
add_pillars (IapRiskStats *stats,
             IapWorkshop  *workshop,
             IapRound     *round,
             const char   *risk)
{
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  GListModel *pillars = iap_catalog_get_entries (catalog, IAP_CATALOG_PILLAR);
  g_autoptr(GArray) medians_l = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) medians_i = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (pillars, i);
      g_autoptr(GArray) l = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) m = g_array_new (FALSE, FALSE, sizeof (guint));
      IapPillarMedian *pm;

      if (collect (workshop, round, risk, iap_catalog_entry_get_id (entry), l, m) == 0)
        continue;

      pm = g_new0 (IapPillarMedian, 1);
      pm->pillar = g_strdup (iap_catalog_entry_get_id (entry));
      pm->n = l->len;
      pm->likelihood = iap_consensus_median ((guint *) l->data, l->len);
      pm->impact = iap_consensus_median ((guint *) m->data, m->len);
      g_ptr_array_add (stats->pillars, pm);
      g_array_append_val (medians_l, pm->likelihood);
      g_array_append_val (medians_i, pm->impact);
    }

  stats->polarized = iap_consensus_polarized ((guint *) medians_l->data, medians_l->len) ||
                     iap_consensus_polarized ((guint *) medians_i->data, medians_i->len);
}

static void
add_cells (IapRiskStats *stats,
           GArray       *l,
           GArray       *m)
{
  for (guint i = 0; i < l->len; i++)
    {
      guint x = g_array_index (l, guint, i);
      guint y = g_array_index (m, guint, i);

      if (x <= IAP_SCALE_MAX_LEVELS && y <= IAP_SCALE_MAX_LEVELS)
        stats->cells[x - 1][y - 1]++;
    }
}

/**
 * iap_consensus_for_risk:
 * @round: (nullable): the round, or NULL for iap_consensus_latest_round()
 *
 * Returns: (transfer full): the statistics of @risk; all zero (and
 *   %IAP_CONSENSUS_NO_RATINGS) without scores
 */
IapRiskStats *
iap_consensus_for_risk (IapWorkshop *workshop,
                        IapRound    *round,
                        const char  *risk)
{
  IapRiskStats *stats = g_new0 (IapRiskStats, 1);
  IapScales *scales = iap_workshop_get_scales (workshop);
  g_autoptr(GArray) l = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) m = g_array_new (FALSE, FALSE, sizeof (guint));
  guint max_iqr = iap_scales_get_consensus_iqr (scales);
  guint min_agreement = iap_scales_get_consensus_agreement (scales);
  const guint *lv, *mv;

  stats->pillars = g_ptr_array_new_with_free_func (pillar_median_free);
  if (round == NULL)
    round = iap_consensus_latest_round (workshop, risk);
  if (round == NULL || collect (workshop, round, risk, NULL, l, m) == 0)
    return stats;

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
  add_cells (stats, l, m);
  add_pillars (stats, workshop, round, risk);

  return stats;
}

/* Dissents on @risk; with @risk NULL, dissents on the recommendation. */
guint
iap_consensus_count_dissent (IapWorkshop *workshop,
                             const char  *risk)
{
  GListModel *dissents = iap_workshop_get_dissents (workshop);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (dissents); i++)
    {
      g_autoptr(IapDissent) d = g_list_model_get_item (dissents, i);
      gboolean on_risk = g_strcmp0 (iap_dissent_get_subject (d), "risk") == 0;

      if (risk != NULL ? on_risk && g_strcmp0 (iap_dissent_get_risk (d), risk) == 0 : !on_risk)
        n++;
    }

  return n;
}

/**
 * iap_consensus_scored:
 *
 * Who has scored in @round, never how: the progress view's data.
 *
 * Returns: (transfer full) (element-type utf8): participant ids, each once
 */
GPtrArray *
iap_consensus_scored (IapRound *round)
{
  GListModel *ratings = iap_round_get_ratings (round);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(IapRating) rating = g_list_model_get_item (ratings, i);
      const char *id = iap_rating_get_participant (rating);

      if (iap_rating_get_likelihood (rating) == 0)
        continue;
      if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, g_strdup (id));
    }

  return ids;
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
