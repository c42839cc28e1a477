/* iap-appetite.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Residual risk against the workshop's risk appetite, acceptances and
 * overdue measures.
 *
 * A risk with no residual rating yet cannot be judged against the
 * appetite: its inherent band says nothing about what remains after the
 * plan. Such risks are "not yet assessed" (iap_workshop_dup_unassessed())
 * and are never listed as unaccepted, so a guess never hides or invents
 * the need for an acceptance.
 */

#define G_LOG_DOMAIN "iap-appetite"

#include "config.h"

#include <string.h>

#include "iap-appetite.h"
#include "iap-text.h"

/**
 * iap_date_parse:
 * @text: a date written YYYY-MM-DD
 * @date: (out) (optional): where to store it
 *
 * Reads a calendar date in the one form files use; anything else, and
 * impossible dates such as 2026-02-30, are refused.
 */
gboolean
iap_date_parse (const char *text,
                GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* Returns: whether the risk has an agreed inherent rating on @scales */
gboolean
iap_risk_get_inherent_band (IapRisk   *risk,
                            IapScales *scales,
                            IapBand   *band)
{
  return iap_risk_get_rating (risk, IAP_RATING_INHERENT, scales, NULL, NULL, band);
}

/* Returns: whether the risk has a residual rating on @scales */
gboolean
iap_risk_get_residual_band (IapRisk   *risk,
                            IapScales *scales,
                            IapBand   *band)
{
  return iap_risk_get_rating (risk, IAP_RATING_RESIDUAL, scales, NULL, NULL, band);
}

/* Returns: whether the residual band is above the appetite; FALSE when
 * there is no residual rating yet */
gboolean
iap_risk_is_above_appetite (IapRisk   *risk,
                            IapScales *scales)
{
  IapBand band;

  if (!iap_risk_get_residual_band (risk, scales, &band))
    return FALSE;

  return band > iap_scales_get_appetite (scales);
}

/* Returns: whether the acceptance names who accepts, their role, a valid
 * date and a justification: a partial record does not count */
gboolean
iap_risk_has_acceptance (IapRisk *risk)
{
  g_return_val_if_fail (IAP_IS_RISK (risk), FALSE);

  return !iap_text_is_blank (iap_risk_get_accepted_by (risk)) &&
         !iap_text_is_blank (iap_risk_get_acceptance_role (risk)) &&
         iap_date_parse (iap_risk_get_acceptance_date (risk), NULL) &&
         !iap_text_is_blank (iap_risk_get_acceptance_justification (risk));
}

gboolean
iap_risk_needs_acceptance (IapRisk   *risk,
                           IapScales *scales)
{
  return iap_risk_is_above_appetite (risk, scales) && !iap_risk_has_acceptance (risk);
}

typedef gboolean (*RiskTest) (IapRisk *risk, IapScales *scales);

static char **
dup_matching (IapWorkshop *self,
              RiskTest     test)
{
  GListModel *risks = iap_workshop_get_risks (self);
  IapScales *scales = iap_workshop_get_scales (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      if (test (risk, scales))
        g_strv_builder_add (builder, iap_risk_get_id (risk));
    }

  return g_strv_builder_end (builder);
}

/**
 * iap_workshop_dup_unaccepted:
 *
 * Returns: (transfer full): the ids, in register order, of the risks
 * whose residual band is above the appetite and that have no complete
 * acceptance
 */
char **
iap_workshop_dup_unaccepted (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return dup_matching (self, iap_risk_needs_acceptance);
}

static gboolean
is_unassessed (IapRisk   *risk,
               IapScales *scales)
{
  return !iap_risk_get_residual_band (risk, scales, NULL);
}

/**
 * iap_workshop_dup_unassessed:
 *
 * Returns: (transfer full): the ids of the risks with no residual rating
 * yet, which cannot be judged against the appetite
 */
char **
iap_workshop_dup_unassessed (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return dup_matching (self, is_unassessed);
}

/**
 * iap_mitigation_is_overdue:
 * @today: the date to judge by, so that tests can fix it
 *
 * Returns: whether the measure is still planned or in progress and its
 * due date is before @today; a measure without a valid due date is
 * never overdue
 */
gboolean
iap_mitigation_is_overdue (IapMitigation *mitigation,
                           const GDate   *today)
{
  const char *status;
  GDate due;

  g_return_val_if_fail (IAP_IS_MITIGATION (mitigation), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  status = iap_mitigation_get_status (mitigation);
  if (g_strcmp0 (status, "planned") != 0 && g_strcmp0 (status, "in-progress") != 0)
    return FALSE;
  if (!iap_date_parse (iap_mitigation_get_due (mitigation), &due))
    return FALSE;

  return g_date_compare (&due, today) < 0;
}
