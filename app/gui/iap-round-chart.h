/* iap-round-chart.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iap-consensus.h"

G_BEGIN_DECLS

#define IAP_TYPE_ROUND_CHART (iap_round_chart_get_type ())

G_DECLARE_FINAL_TYPE (IapRoundChart, iap_round_chart, IAP, ROUND_CHART, GtkWidget)

GtkWidget *iap_round_chart_new       (void);
void       iap_round_chart_set_stats (IapRoundChart      *self,
                                      IapScales          *scales,
                                      const IapRiskStats *stats);

G_END_DECLS
