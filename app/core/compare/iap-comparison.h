/* iap-comparison.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-change.h"
#include "iap-match.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

/**
 * IapMovement:
 * @number: the risk's number in the register of the new workshop, from 1
 * @from_likelihood: where it was: 0 when it was not there or not rated
 * @from_impact:
 * @to_likelihood: where it is: 0 when it is not rated
 * @to_impact:
 *
 * Where a risk was and is on the heat map of the new workshop.
 */
typedef struct
{
  guint number;
  guint from_likelihood;
  guint from_impact;
  guint to_likelihood;
  guint to_impact;
} IapMovement;

/* What a comparison's movements place: the agreed ratings, or the medians
 * of two rounds' scores. */
typedef enum
{
  IAP_MOVEMENT_INHERENT,
  IAP_MOVEMENT_RESIDUAL,
  IAP_MOVEMENT_MEDIAN,
} IapMovementKind;

#define IAP_TYPE_COMPARISON (iap_comparison_get_type ())

G_DECLARE_FINAL_TYPE (IapComparison, iap_comparison, IAP, COMPARISON, GObject)

IapComparison     *iap_comparison_new              (IapWorkshop     *old_workshop,
                                                    IapWorkshop     *new_workshop);
IapComparison     *iap_comparison_new_for_rounds   (IapWorkshop     *workshop,
                                                    IapRound        *old_round,
                                                    IapRound        *new_round);
IapWorkshop       *iap_comparison_get_old_workshop (IapComparison   *self);
IapWorkshop       *iap_comparison_get_new_workshop (IapComparison   *self);
IapRound          *iap_comparison_get_old_round    (IapComparison   *self);
IapRound          *iap_comparison_get_new_round    (IapComparison   *self);
const char        *iap_comparison_get_old_label    (IapComparison   *self);
const char        *iap_comparison_get_new_label    (IapComparison   *self);
void               iap_comparison_set_labels       (IapComparison   *self,
                                                    const char      *old_label,
                                                    const char      *new_label);
GListModel        *iap_comparison_get_changes      (IapComparison   *self);
GListModel        *iap_comparison_get_proposed     (IapComparison   *self);
gboolean           iap_comparison_is_empty         (IapComparison   *self);
guint              iap_comparison_count            (IapComparison   *self,
                                                    IapStep          step);
char              *iap_comparison_dup_summary      (IapComparison   *self);
const IapMovement *iap_comparison_get_movements    (IapComparison   *self,
                                                    IapMovementKind  kind,
                                                    guint           *n_movements);
guint              iap_comparison_get_n_removed    (IapComparison   *self);
void               iap_comparison_update           (IapComparison   *self);

G_END_DECLS
