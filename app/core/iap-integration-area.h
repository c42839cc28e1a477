/* iap-integration-area.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IAP_TYPE_INTEGRATION_AREA (iap_integration_area_get_type ())

G_DECLARE_FINAL_TYPE (IapIntegrationArea, iap_integration_area, IAP, INTEGRATION_AREA, GObject)

IapIntegrationArea *iap_integration_area_new               (const char *area);
const char         *iap_integration_area_get_area          (IapIntegrationArea *self);
const char         *iap_integration_area_get_depth         (IapIntegrationArea *self);
const char         *iap_integration_area_get_impact        (IapIntegrationArea *self);
const char         *iap_integration_area_get_impact_reason (IapIntegrationArea *self);
const char         *iap_integration_area_get_costs         (IapIntegrationArea *self);
const char         *iap_integration_area_get_costs_reason  (IapIntegrationArea *self);
const char         *iap_integration_area_get_risk_level    (IapIntegrationArea *self);
const char         *iap_integration_area_get_risk_reason   (IapIntegrationArea *self);
const char * const *iap_integration_area_get_risks         (IapIntegrationArea *self);

G_END_DECLS
