/* iap-comparison-rounds.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Two rounds of one workshop compared: how the room's scores of each risk
 * moved, within the privacy floor.
 */

#define G_LOG_DOMAIN "iap-comparison"

#include "config.h"

#include "iap-i18n.h"

#include "iap-comparison.h"
#include "iap-compare-private.h"
#include "iap-consensus.h"

static GHashTable *
round_stats (IapWorkshop *workshop,
             IapRound    *round)
{
  /* An open round is private: its scores are nobody's to compare yet */
  if (g_strcmp0 (iap_round_get_state (round), "open") == 0)
    return g_hash_table_new (g_str_hash, g_str_equal);

  return iap_consensus_for_round (workshop, round);
}

static char *
dup_stats_text (IapWorkshop        *workshop,
                const IapRiskStats *stats)
{
  g_autofree char *verdict = iap_risk_stats_dup_verdict (stats);
  g_autofree char *median = NULL;

  if (stats->withheld)
    return g_steal_pointer (&verdict);

  median = _iap_compare_dup_rating_text (workshop, stats->median_likelihood, stats->median_impact);
  /* Translators: a risk's scores in a round: the median's rating, then
   * the verdict, as in “High (4×3), consensus” */
  return g_strdup_printf (C_("change", "median %s, %s"), median, verdict);
}

static void
compare_risk_rounds (IapWorkshop        *w,
                     GPtrArray          *changes,
                     GArray             *movements,
                     IapRisk            *risk,
                     guint               number,
                     const IapRiskStats *old,
                     const IapRiskStats *new)
{
  g_autofree char *heading = _iap_compare_dup_heading ("risk", w, G_OBJECT (risk), number);
  IapScales *scales = iap_workshop_get_scales (w);
  const char *id = iap_risk_get_id (risk);
  gboolean old_shown = old != NULL && old->n > 0 && !old->withheld;
  gboolean new_shown = new != NULL && new->n > 0 && !new->withheld;
  IapMovement movement = { number, 0, 0, 0, 0 };

  if (old_shown)
    movement.from_likelihood = old->median_likelihood, movement.from_impact = old->median_impact;
  if (new_shown)
    movement.to_likelihood = new->median_likelihood, movement.to_impact = new->median_impact;
  g_array_append_val (movements, movement);

  if ((old == NULL || old->n == 0) && (new == NULL || new->n == 0))
    return;

  if (old == NULL || old->n == 0 || new == NULL || new->n == 0)
    {
      const IapRiskStats *stats = old != NULL && old->n > 0 ? old : new;
      g_autofree char *text = dup_stats_text (w, stats);
      g_autofree char *description = NULL;
      IapChange *change;

      description = g_strdup_printf (stats == new ? C_("change", "Scored in the later round only: %s")
                                                  : C_("change", "Scored in the earlier round only: %s"),
                                     text);
      change = _iap_compare_item_change (IAP_STEP_MATRIX, stats == new ? IAP_CHANGE_ADDED : IAP_CHANGE_REMOVED,
                            "risk", id, heading, description, number);
      if (old_shown || new_shown)
        _iap_change_set_ratings (change,
                                 movement.from_likelihood, movement.from_impact,
                                 old_shown ? (int)iap_scales_get_band (scales, movement.from_likelihood, movement.from_impact) : -1,
                                 movement.to_likelihood, movement.to_impact,
                                 new_shown ? (int)iap_scales_get_band (scales, movement.to_likelihood, movement.to_impact) : -1);
      g_ptr_array_add (changes, change);
      return;
    }

  if (old->n != new->n)
    g_ptr_array_add (changes, _iap_compare_number_change (IAP_STEP_MATRIX, "risk", id, "scorers", NULL, heading,
                                                          C_("change field", "Scorers"), old->n, new->n, FALSE));

  if (old_shown && new_shown &&
      (old->median_likelihood != new->median_likelihood || old->median_impact != new->median_impact))
    {
      g_autofree char *before = _iap_compare_dup_rating_text (w, old->median_likelihood, old->median_impact);
      g_autofree char *after = _iap_compare_dup_rating_text (w, new->median_likelihood, new->median_impact);
      g_autofree char *old_raw = g_strdup_printf ("%u,%u", old->median_likelihood, old->median_impact);
      g_autofree char *new_raw = g_strdup_printf ("%u,%u", new->median_likelihood, new->median_impact);
      g_autofree char *description = g_strdup_printf (C_("change", "%s: %s → %s"),
                                                      C_("change field", "Median"), before, after);
      IapChange *change = _iap_compare_item_change (IAP_STEP_MATRIX, IAP_CHANGE_CHANGED, "risk", id, heading,
                                       description, number);

      _iap_change_set_field (change, "median", NULL);
      _iap_change_set_values (change, old_raw, new_raw);
      _iap_change_set_ratings (change, old->median_likelihood, old->median_impact,
                               iap_scales_get_band (scales, old->median_likelihood, old->median_impact),
                               new->median_likelihood, new->median_impact,
                               iap_scales_get_band (scales, new->median_likelihood, new->median_impact));
      g_ptr_array_add (changes, change);
    }

  if (iap_risk_stats_get_verdict (old) != iap_risk_stats_get_verdict (new))
    {
      g_autofree char *before = iap_risk_stats_dup_verdict (old);
      g_autofree char *after = iap_risk_stats_dup_verdict (new);
      g_autofree char *description = g_strdup_printf (C_("change", "%s: %s → %s"),
                                                      C_("change field", "Verdict"), before, after);
      IapChange *change = _iap_compare_item_change (IAP_STEP_MATRIX, IAP_CHANGE_CHANGED, "risk", id, heading,
                                       description, number);

      _iap_change_set_field (change, "verdict", NULL);
      _iap_change_set_values (change, iap_verdict_to_id (iap_risk_stats_get_verdict (old)),
                              iap_verdict_to_id (iap_risk_stats_get_verdict (new)));
      g_ptr_array_add (changes, change);
    }
}

/**
 * _iap_comparison_compare_rounds:
 * @changes: where the changes go
 * @movements: where each risk's median moved, in register order
 *
 * How each risk's scores moved from @old_round to @new_round.
 */
void
_iap_comparison_compare_rounds (IapWorkshop *workshop,
                                IapRound    *old_round,
                                IapRound    *new_round,
                                GPtrArray   *changes,
                                GArray      *movements)
{
  g_autoptr(GHashTable) old_stats = round_stats (workshop, old_round);
  g_autoptr(GHashTable) new_stats = round_stats (workshop, new_round);
  GListModel *risks = iap_workshop_get_risks (workshop);

  for (guint r = 0; r < g_list_model_get_n_items (risks); r++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, r);

      compare_risk_rounds (workshop, changes, movements, risk, r + 1,
                           iap_consensus_lookup (old_stats, iap_risk_get_id (risk)),
                           iap_consensus_lookup (new_stats, iap_risk_get_id (risk)));
    }
}
