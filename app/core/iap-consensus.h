/* iap-consensus.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

/* Scores are ordinal levels (1..n). Every statistic here is itself a
 * level of the scale, never a fraction of one:
 *
 * - quantiles use the nearest-rank method on the sorted scores: the
 *   q-quantile of n scores is the score at rank ceil (q * n), 1-based;
 * - the median is the 0.5 quantile, which for an even count is the
 *   lower of the two middle scores;
 * - the interquartile range is Q3 - Q1 in levels (0.75 and 0.25
 *   quantiles);
 * - agreement is the percentage of scores within one level of the
 *   median, rounded down.
 */

/* Whether the room's scores meet the workshop's consensus rule (the
 * spread alone, all pillars together). WITHHELD: too few scorers to say
 * anything without coming close to a person's own score. */
typedef enum
{
  IAP_CONSENSUS_NO_RATINGS,
  IAP_CONSENSUS_REACHED,
  IAP_CONSENSUS_NOT_REACHED,
  IAP_CONSENSUS_WITHHELD,
} IapConsensus;

/* The one word every output shows for a risk's scores (docs/domain.md,
 * "Consensus and polarization"): the spread rule and the comparison of
 * pillars together. A polarized risk is never called a consensus, even
 * when the room's spread meets the rule: that is POLARIZED. */
typedef enum
{
  IAP_VERDICT_NO_SCORES,
  IAP_VERDICT_WITHHELD,
  IAP_VERDICT_CONSENSUS,
  IAP_VERDICT_POLARIZED,
  IAP_VERDICT_NO_CONSENSUS,
  IAP_VERDICT_NO_CONSENSUS_POLARIZED,
} IapVerdict;

typedef struct
{
  char  *pillar;
  guint  n;
  guint  likelihood;    /* median of the pillar's scores */
  guint  impact;
} IapPillarMedian;

/* One person's score, without the person: the order is that of the
 * levels, never that of the participants. */
typedef struct
{
  guint likelihood;
  guint impact;
  guint pillar;      /* index into IapRiskStats.pillars; G_MAXUINT when
                      * the pillar is below the floor (or none) */
} IapStatsScore;

typedef struct
{
  guint      n;                                 /* number of ratings */
  guint      median_likelihood;                 /* 0 without ratings */
  guint      median_impact;
  guint      iqr_likelihood;                    /* in levels */
  guint      iqr_impact;
  guint      agreement_likelihood;              /* percent within +/-1 of the median */
  guint      agreement_impact;
  IapConsensus consensus;                       /* both dimensions by the workshop's rule */
  gboolean   polarized;                         /* two pillars' medians >= 2 levels apart */
  guint      min_scorers;                       /* the workshop's privacy floor */
  gboolean   withheld;                          /* n below the floor: only n is kept */
  guint      pillars_compared;                  /* pillars with at least min_scorers scores */
  guint      pillars_withheld;                  /* pillars that scored, below the floor */
  guint      cells[IAP_SCALE_MAX_LEVELS][IAP_SCALE_MAX_LEVELS]; /* [likelihood-1][impact-1] */
  GPtrArray *pillars;                           /* IapPillarMedian, in catalog order,
                                                 * only those at or above the floor */
  GArray    *scores;                            /* IapStatsScore, sorted by likelihood,
                                                 * impact and pillar; empty below the floor */
} IapRiskStats;

/* On plain arrays of levels (they need not be sorted). */
guint         iap_consensus_quantile      (const guint *levels,
                                           guint        n,
                                           guint        percent);
guint         iap_consensus_median        (const guint *levels,
                                           guint        n);
guint         iap_consensus_iqr           (const guint *levels,
                                           guint        n);
guint         iap_consensus_agreement     (const guint *levels,
                                           guint        n);
IapConsensus  iap_consensus_verdict       (const guint *levels,
                                           guint        n,
                                           guint        max_iqr,
                                           guint        min_agreement);
gboolean      iap_consensus_polarized     (const guint *medians,
                                           guint        n);

/* On a workshop. @round may be NULL for the latest revealed or closed
 * round that rated @risk (open rounds are private and never counted). */
IapRiskStats *iap_consensus_for_risk      (IapWorkshop *workshop,
                                           IapRound    *round,
                                           const char  *risk);
IapRound     *iap_consensus_latest_round  (IapWorkshop *workshop,
                                           const char  *risk);
GHashTable   *iap_consensus_for_round     (IapWorkshop *workshop,
                                           IapRound    *round);
GHashTable   *iap_consensus_latest        (IapWorkshop *workshop);
const IapRiskStats *
              iap_consensus_lookup        (GHashTable  *table,
                                           const char  *risk);
const char   *iap_consensus_to_id         (IapConsensus consensus);
const char   *iap_consensus_to_label      (IapConsensus consensus);
char         *iap_consensus_describe_rule (IapScales   *scales);
char         *iap_consensus_describe_polarized (IapWorkshop *workshop);
char         *iap_consensus_dup_rule_line (IapWorkshop *workshop);
IapVerdict    iap_risk_stats_get_verdict  (const IapRiskStats *stats);
const char   *iap_verdict_to_id           (IapVerdict   verdict);
const char   *iap_verdict_to_label        (IapVerdict   verdict);
char         *iap_risk_stats_dup_verdict  (const IapRiskStats *stats);
guint         iap_risk_stats_count_near_median (const IapRiskStats *stats);
gboolean      iap_risk_stats_describe_scores (const IapRiskStats *stats,
                                              GString            *text);
void          iap_risk_stats_free         (IapRiskStats *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapRiskStats, iap_risk_stats_free)

G_END_DECLS
