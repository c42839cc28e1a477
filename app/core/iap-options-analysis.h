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
 * @benefit_drivers: up to three benefit factor ids, largest weight × score
 *   first, ties in catalog order; a factor that adds nothing never drives
 * @risk_drivers: likewise for the risks
 * @drivers: up to three factor ids of either side
 *
 * The weighed benefits and risks of one structural option. Scores are
 * ordinal: every number here is a whole number, and benefits and risks
 * are never netted against each other. The two sides have different
 * maxima (their weights differ), so they are compared only as shares
 * of their own maximum: iap_option_result_get_share().
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
  char **benefit_drivers;
  char **risk_drivers;
  char **drivers;
} IapOptionResult;

/**
 * IapFactorLine:
 * @factor: the factor's catalog entry
 * @risk: whether it is a risk, else a benefit
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
  guint            weight;
  int             *scores;
  guint            position;
} IapFactorLine;

/**
 * IapOptionsAnalysis:
 * @options: the option ids under consideration, in the workshop's order
 * @factors: the #IapFactorLine of each factor, benefits then risks, each
 *   in catalog order (custom factors after the defaults)
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
char                  *iap_option_result_dup_share           (const IapOptionResult    *result,
                                                              gboolean                  risk);
char                  *iap_option_result_dup_totals          (const IapOptionResult    *result);
char                  *iap_option_result_dup_unscored        (const IapOptionResult    *result);
char                  *iap_options_dup_labels                (const char * const       *ids,
                                                              IapCatalog               *catalog,
                                                              const char               *kind);
char                  *iap_options_dup_weighting             (const IapOptionsAnalysis *self);
const char            *iap_options_get_policy_note           (const char               *environment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapOptionsAnalysis, iap_options_analysis_free)

G_END_DECLS
