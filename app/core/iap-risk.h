/* iap-risk.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-scales.h"

G_BEGIN_DECLS

/* Which of a risk's two ratings: agreed before mitigation, or after */
typedef enum
{
  IAP_RATING_INHERENT,
  IAP_RATING_RESIDUAL,
} IapRatingKind;

#define IAP_TYPE_RISK (iap_risk_get_type ())

G_DECLARE_FINAL_TYPE (IapRisk, iap_risk, IAP, RISK, GObject)

IapRisk    *iap_risk_new                          (const char  *id);
const char *iap_risk_get_id                       (IapRisk     *self);
const char *iap_risk_get_arrangement              (IapRisk     *self);
const char *iap_risk_get_area                     (IapRisk     *self);
const char *iap_risk_get_title                    (IapRisk     *self);
const char *iap_risk_get_description              (IapRisk     *self);
const char *iap_risk_get_notes                    (IapRisk     *self);
guint       iap_risk_get_inherent_likelihood      (IapRisk     *self);
guint       iap_risk_get_inherent_impact          (IapRisk     *self);
guint       iap_risk_get_residual_likelihood      (IapRisk     *self);
guint       iap_risk_get_residual_impact          (IapRisk     *self);
const char *iap_risk_get_accepted_by              (IapRisk     *self);
const char *iap_risk_get_acceptance_role          (IapRisk     *self);
const char *iap_risk_get_acceptance_date          (IapRisk     *self);
const char *iap_risk_get_acceptance_justification (IapRisk     *self);
const char *iap_risk_get_source                   (IapRisk     *self);
gboolean    iap_risk_get_rating                   (IapRisk       *self,
                                                   IapRatingKind  kind,
                                                   IapScales     *scales,
                                                   guint         *likelihood,
                                                   guint         *impact,
                                                   IapBand       *band);

G_END_DECLS
