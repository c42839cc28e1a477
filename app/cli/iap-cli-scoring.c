/* iap-cli-scoring.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-cli"

#include "config.h"

#include "iap-cli-scoring.h"
#include "iap-consensus.h"

/* {likelihood, impact}, or null when @n is 0 */
void
iap_cli_add_pair (JsonBuilder *builder,
                  const char  *name,
                  guint        n,
                  guint        likelihood,
                  guint        impact)
{
  json_builder_set_member_name (builder, name);
  if (n == 0)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "likelihood");
  json_builder_add_int_value (builder, likelihood);
  json_builder_set_member_name (builder, "impact");
  json_builder_add_int_value (builder, impact);
  json_builder_end_object (builder);
}

/**
 * iap_cli_add_scoring:
 *
 * @stats: the statistics of @risk on the latest revealed or closed round
 *   that scored it (open rounds are private), from iap_consensus_latest()
 *
 * Adds the group scoring members of @risk to the object being built:
 * @stats, and the dissents recorded on it.
 */
void
iap_cli_add_scoring (JsonBuilder        *builder,
                     IapWorkshop        *workshop,
                     IapRisk            *risk,
                     const IapRiskStats *stats)
{
  const char *id = iap_risk_get_id (risk);

  /* Below the privacy floor the core has kept the count alone. */
  guint shown = stats->withheld ? 0 : stats->n;

  json_builder_set_member_name (builder, "ratings");
  json_builder_add_int_value (builder, stats->n);
  iap_cli_add_pair (builder, "median", shown, stats->median_likelihood, stats->median_impact);
  iap_cli_add_pair (builder, "iqr", shown, stats->iqr_likelihood, stats->iqr_impact);
  json_builder_set_member_name (builder, "consensus");
  json_builder_add_string_value (builder, iap_consensus_to_id (stats->consensus));
  json_builder_set_member_name (builder, "polarized");
  json_builder_add_boolean_value (builder, stats->polarized);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, iap_verdict_to_id (iap_risk_stats_get_verdict (stats)));
  json_builder_set_member_name (builder, "dissent");
  json_builder_add_int_value (builder, iap_workshop_count_dissents (workshop, id));
}
