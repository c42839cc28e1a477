/* iap-band.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-band"

#include "config.h"

#include "iap-i18n.h"

#include "iap-band.h"

static const struct {
  const char *id;
  const char *label;
} bands[IAP_N_BANDS] = {
  { "low", NC_("risk band", "Low") },
  { "medium", NC_("risk band", "Medium") },
  { "high", NC_("risk band", "High") },
  { "critical", NC_("risk band", "Critical") },
};

const char *
iap_band_to_id (IapBand band)
{
  g_return_val_if_fail (band < IAP_N_BANDS, NULL);

  return bands[band].id;
}

gboolean
iap_band_from_id (const char *id,
                  IapBand    *band)
{
  g_return_val_if_fail (band != NULL, FALSE);

  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < IAP_N_BANDS; i++)
    {
      if (g_str_equal (id, bands[i].id))
        {
          *band = (IapBand)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
iap_band_get_label (IapBand band)
{
  g_return_val_if_fail (band < IAP_N_BANDS, NULL);

  return g_dpgettext2 (NULL, "risk band", bands[band].label);
}

/*
 * The default matrix is the one most UN entities use on a 5 x 5 scale:
 * Low 1-4, Medium 5-9, High 10-16, Critical 20-25. Other sizes keep the
 * same proportions of the largest score, so a 3 x 3 or 6 x 6 matrix reads
 * the same way. Workshops store their own band per cell; this is only
 * where a new matrix starts.
 */
IapBand
iap_band_default_for_cell (guint n_likelihood,
                           guint n_impact,
                           guint likelihood,
                           guint impact)
{
  guint max_score;
  guint score;

  g_return_val_if_fail (n_likelihood >= IAP_SCALE_MIN_LEVELS &&
                        n_likelihood <= IAP_SCALE_MAX_LEVELS, IAP_BAND_LOW);
  g_return_val_if_fail (n_impact >= IAP_SCALE_MIN_LEVELS &&
                        n_impact <= IAP_SCALE_MAX_LEVELS, IAP_BAND_LOW);
  g_return_val_if_fail (likelihood >= 1 && likelihood <= n_likelihood, IAP_BAND_LOW);
  g_return_val_if_fail (impact >= 1 && impact <= n_impact, IAP_BAND_LOW);

  max_score = n_likelihood * n_impact;
  score = likelihood * impact;

  /* score / max_score compared with 4/25, 9/25 and 16/25, in integers */
  if (score * 25 <= 4 * max_score)
    return IAP_BAND_LOW;
  if (score * 25 <= 9 * max_score)
    return IAP_BAND_MEDIUM;
  if (score * 25 <= 16 * max_score)
    return IAP_BAND_HIGH;
  return IAP_BAND_CRITICAL;
}
