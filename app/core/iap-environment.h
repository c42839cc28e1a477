/* iap-environment.h
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

typedef enum
{
  IAP_ENVIRONMENT_PERMISSIVE,
  IAP_ENVIRONMENT_ELEVATED,
  IAP_ENVIRONMENT_HIGH_RISK,
} IapEnvironmentLevel;

typedef enum
{
  IAP_APPLICABILITY_UNKNOWN,
  IAP_APPLICABILITY_APPLIES,
  IAP_APPLICABILITY_DOES_NOT_APPLY,
} IapApplicability;

/**
 * IapEnvironment:
 * @classification: the classification in force: the override if it has a
 *   justification, else @computed
 * @computed: the classification by the rule, from the Yes answers only
 * @potential: what @computed would become if every Unknown answer turned
 *   out Yes; equal to @computed when that changes nothing
 * @overridden: whether the facilitator's classification is in force
 * @lowered: whether the rule lowered the level for a special political
 *   mission
 * @justification: why the facilitator overrode it; "" when not overridden
 * @reasons: the indicators answered Yes that the rule counted, in catalog
 *   order: every core indicator answered Yes, and the tension points
 *   answered Yes when two or more are and the level is not high-risk
 * @also_yes: the indicators answered Yes that are not among @reasons: a
 *   single tension point, which alone never raises the level, or tension
 *   points beside a high-risk classification
 * @unknown: the indicators answered Unknown: open questions
 * @unanswered: the indicators not answered at all yet
 *
 * The environment classification of a workshop, with its reasons.
 */
typedef struct
{
  IapEnvironmentLevel classification;
  IapEnvironmentLevel computed;
  IapEnvironmentLevel potential;
  gboolean overridden;
  gboolean lowered;
  char *justification;
  char **reasons;
  char **also_yes;
  char **unknown;
  char **unanswered;
} IapEnvironment;

#define IAP_TYPE_ENVIRONMENT (iap_environment_get_type ())

GType                iap_environment_get_type        (void) G_GNUC_CONST;
IapEnvironment      *iap_environment_compute         (GListModel          *indicators,
                                                      GListModel          *answers,
                                                      const char          *mission_type,
                                                      const char          *override,
                                                      const char          *justification);
IapEnvironment      *iap_environment_new_for_workshop (IapWorkshop      *workshop);
IapEnvironment      *iap_environment_copy            (const IapEnvironment *self);
void                 iap_environment_free            (IapEnvironment      *self);
char                *iap_environment_dup_summary     (const IapEnvironment *self,
                                                      IapCatalog          *catalog);
char                *iap_environment_dup_labels      (const char * const  *ids,
                                                      IapCatalog          *catalog);
const char          *iap_environment_get_caveat      (const IapEnvironment *self);
const char          *iap_environment_get_lowered_note (const IapEnvironment *self);
const char          *iap_environment_level_to_id     (IapEnvironmentLevel  level);
gboolean             iap_environment_level_from_id   (const char          *id,
                                                      IapEnvironmentLevel *level);
const char          *iap_environment_level_to_label  (IapEnvironmentLevel  level);
const char          *iap_environment_level_to_heading (IapEnvironmentLevel level);
IapApplicability     iap_applicability_compute       (const char          *unct,
                                                      const char          *mission,
                                                      const char          *mission_type);
IapApplicability     iap_applicability_for_workshop  (IapWorkshop         *workshop);
const char          *iap_applicability_to_text       (IapApplicability     applicability);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapEnvironment, iap_environment_free)

G_END_DECLS
