/* iap-options-analysis.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-catalog.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

/* How many factors name the drivers of a side. */
#define IAP_OPTIONS_N_DRIVERS 3

/* The highest score of a factor on an option: "applies fully". */
#define IAP_FACTOR_SCORE_MAX 4

/* The sides of the analysis. Transaction costs are a criterion of their
 * own in the IAP policy (seed 001 section B: decisions “should be based
 * on criteria of expected impact, transaction costs, and assessment of
 * risks”), so they are weighed apart from the risks, never added to
 * them. */
typedef enum
{
  IAP_FACTOR_SIDE_BENEFIT,
  IAP_FACTOR_SIDE_RISK,
  IAP_FACTOR_SIDE_COST,
} IapFactorSide;

#define IAP_N_FACTOR_SIDES 3

/**
 * IapOptionResult:
 * @option: the structural option id
 * @benefit: sum of weight × score over the benefit factors that have both
 * @benefit_max: what @benefit would be if each of them scored 4
 * @benefit_counted: how many benefit factors @benefit counts
 * @benefit_unscored: benefit factors without a weight or a score for
 *   @option: the sum leaves them out, so it is not complete
 * @risk: likewise for the risk factors
 * @risk_max:
 * @risk_counted:
 * @risk_unscored:
 * @cost: likewise for the transaction-cost factors
 * @cost_max:
 * @cost_counted:
 * @cost_unscored:
 * @benefit_drivers: up to three benefit factor ids, largest weight × score
 *   first, ties in catalog order; a factor that adds nothing never drives
 * @risk_drivers: likewise for the risks
 * @drivers: up to three factor ids of the benefits and risks together
 *
 * The weighed benefits, risks and transaction costs of one structural
 * option. Scores are ordinal: every number here is a whole number, and
 * the sides are never netted against each other. They have different
 * maxima (their weights differ), so they are compared only as shares
 * of their own maximum: iap_option_result_get_side_share().
 */
typedef struct
{
  char  *option;
  guint  benefit;
  guint  benefit_max;
  guint  benefit_counted;
  guint  benefit_unscored;
  guint  risk;
  guint  risk_max;
  guint  risk_counted;
  guint  risk_unscored;
  guint  cost;
  guint  cost_max;
  guint  cost_counted;
  guint  cost_unscored;
  char **benefit_drivers;
  char **risk_drivers;
  char **drivers;
} IapOptionResult;

/**
 * IapFactorLine:
 * @factor: the factor's catalog entry
 * @risk: whether it is a risk (@side is %IAP_FACTOR_SIDE_RISK)
 * @side: the side it weighs on
 * @weight: 1 to 5, 0 when not weighted
 * @scores: per option, in the order of #IapOptionsAnalysis.options, 0 to 4,
 *   or -1 when not scored
 * @position: the factor's place in the catalog, benefits and risks
 *   together: what breaks ties between drivers
 */
typedef struct
{
  IapCatalogEntry *factor;
  gboolean         risk;
  IapFactorSide    side;
  guint            weight;
  int             *scores;
  guint            position;
} IapFactorLine;

/**
 * IapOptionsAnalysis:
 * @options: the option ids under consideration, in the workshop's order
 * @factors: the #IapFactorLine of each factor, benefits, risks, then
 *   transaction costs, each in catalog order (custom factors after the defaults)
 * @results: the #IapOptionResult of each option, in @options order
 */
typedef struct
{
  char      **options;
  GPtrArray  *factors;
  GPtrArray  *results;
} IapOptionsAnalysis;

IapOptionsAnalysis    *iap_options_analysis_compute          (GListModel               *factors,
                                                              GListModel               *scores,
                                                              const char * const       *options);
IapOptionsAnalysis    *iap_options_analysis_new_for_workshop (IapWorkshop              *workshop);
void                   iap_options_analysis_free             (IapOptionsAnalysis       *self);
guint                  iap_options_analysis_get_n_options    (const IapOptionsAnalysis *self);
const IapOptionResult *iap_options_analysis_get_result       (const IapOptionsAnalysis *self,
                                                              guint                     index);
const IapOptionResult *iap_options_analysis_lookup           (const IapOptionsAnalysis *self,
                                                              const char               *option);
int                    iap_factor_line_get_contribution      (const IapFactorLine      *line,
                                                              guint                     option_index);
char                 **iap_options_analysis_dup_measures     (const IapOptionsAnalysis *self,
                                                              IapCatalog               *catalog,
                                                              const char               *option);
char                  *iap_options_analysis_dup_summary      (const IapOptionsAnalysis *self,
                                                              IapCatalog               *catalog);
int                    iap_option_result_get_share           (const IapOptionResult    *result,
                                                              gboolean                  risk);
int                    iap_option_result_get_side_share      (const IapOptionResult    *result,
                                                              IapFactorSide             side);
gboolean               iap_option_result_has_side            (const IapOptionResult    *result,
                                                              IapFactorSide             side);
IapFactorSide          iap_factor_side_from_polarity         (const char               *polarity,
                                                              gboolean                 *valid);
char                  *iap_option_result_dup_share           (const IapOptionResult    *result,
                                                              gboolean                  risk);
char                  *iap_option_result_dup_side_share      (const IapOptionResult    *result,
                                                              IapFactorSide             side);
char                  *iap_option_result_dup_totals          (const IapOptionResult    *result);
char                  *iap_option_result_dup_unscored        (const IapOptionResult    *result);
char                  *iap_options_dup_labels                (const char * const       *ids,
                                                              IapCatalog               *catalog,
                                                              const char               *kind);
char                  *iap_options_dup_weighting             (const IapOptionsAnalysis *self);
guint                  iap_options_get_roles                 (IapWorkshop              *workshop,
                                                              const char               *option,
                                                              const char              **roles);
char                  *iap_options_join_notes                (const char * const       *notes,
                                                              guint                     n_notes);
const char            *iap_options_get_policy_note           (const char               *environment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapOptionsAnalysis, iap_options_analysis_free)

G_END_DECLS
