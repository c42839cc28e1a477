/* iap-appetite.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "iap-band.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

gboolean   iap_date_parse                 (const char    *text,
                                           GDate         *date);
gboolean   iap_risk_get_inherent_band     (IapRisk       *risk,
                                           IapScales     *scales,
                                           IapBand       *band);
gboolean   iap_risk_get_residual_band     (IapRisk       *risk,
                                           IapScales     *scales,
                                           IapBand       *band);
gboolean   iap_risk_is_above_appetite     (IapRisk       *risk,
                                           IapScales     *scales);
gboolean   iap_risk_has_acceptance        (IapRisk       *risk);
gboolean   iap_risk_needs_acceptance      (IapRisk       *risk,
                                           IapScales     *scales);
char     **iap_workshop_dup_unaccepted    (IapWorkshop   *self);
char     **iap_workshop_dup_unassessed    (IapWorkshop   *self);
gboolean   iap_mitigation_is_overdue      (IapMitigation *mitigation,
                                           const GDate   *today);

G_END_DECLS
