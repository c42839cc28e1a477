/* iap-integration-map.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

/* A level of the short ordinal scale of each criterion of the map:
 * expected impact, transaction costs, risks. Unset is not yet assessed,
 * never "low". */
typedef enum
{
  IAP_LEVEL_UNSET,
  IAP_LEVEL_LOW,
  IAP_LEVEL_MEDIUM,
  IAP_LEVEL_HIGH,
} IapLevel;

#define IAP_N_LEVELS 3

/* The criteria of the IAP policy, in its order */
typedef enum
{
  IAP_CRITERION_IMPACT,
  IAP_CRITERION_COSTS,
  IAP_CRITERION_RISKS,
} IapCriterion;

#define IAP_N_CRITERIA 3

IapLevel            iap_level_from_id                        (const char         *id);
const char         *iap_level_to_id                          (IapLevel            level);
const char         *iap_level_get_label                      (IapLevel            level);
const char         *iap_criterion_get_label                  (IapCriterion        criterion);
const char         *iap_criterion_get_property               (IapCriterion        criterion);
const char         *iap_criterion_get_reason_property        (IapCriterion        criterion);

IapLevel            iap_integration_area_get_level           (IapIntegrationArea *self,
                                                              IapCriterion        criterion);
const char         *iap_integration_area_get_reason          (IapIntegrationArea *self,
                                                              IapCriterion        criterion);
gboolean            iap_integration_area_is_complete         (IapIntegrationArea *self);
gboolean            iap_integration_area_costs_exceed_impact (IapIntegrationArea *self);
gboolean            iap_workshop_integration_area_risks_high (IapWorkshop        *self,
                                                              IapIntegrationArea *area);
guint               iap_workshop_get_depth_index             (IapWorkshop        *self,
                                                              const char         *depth);
char               *iap_workshop_dup_integration_map_text    (IapWorkshop        *self);
char               *iap_workshop_dup_integration_areas_text  (IapWorkshop        *self,
                                                              guint               first,
                                                              guint               last);

char              **iap_workshop_dup_option_arrangements     (IapWorkshop        *self,
                                                              const char         *option);
GPtrArray          *iap_workshop_dup_option_risks            (IapWorkshop        *self,
                                                              const char         *option);
GPtrArray          *iap_workshop_dup_consequences            (IapWorkshop        *self,
                                                              const char         *option);
void                iap_workshop_dup_configuration_change    (IapWorkshop        *self,
                                                              const char         *from,
                                                              const char         *to,
                                                              char             ***added,
                                                              char             ***removed);

/* IAP minimum requirements and the elements of an Integrated Strategic
 * Framework */
#define IAP_REQUIREMENT_GROUP_MINIMUM "minimum"
#define IAP_REQUIREMENT_GROUP_ISF     "isf"

const char * const *iap_requirement_status_get_ids           (void);
const char         *iap_requirement_status_get_label         (const char         *status);
const char         *iap_workshop_suggest_requirement_status  (IapWorkshop        *self,
                                                              const char         *requirement);
const char         *iap_workshop_get_requirement_state       (IapWorkshop        *self,
                                                              const char         *requirement,
                                                              gboolean           *suggested);
char               *iap_workshop_dup_requirement_coverage    (IapWorkshop        *self,
                                                              const char         *requirement);

G_END_DECLS
