/* iap-workshop-remap.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Changing the size of a workshop's matrix when risks are already rated.
 * iap_workshop_resize_scales() refuses to drop a level a rating uses;
 * here every rating, agreed and private, moves to the level at the same
 * place on the new scale (the lowest stays lowest, the highest highest),
 * all in one step of the history so one Undo restores them.
 */

#define G_LOG_DOMAIN "iap-workshop"

#include "config.h"

#include "iap-i18n.h"

#include "iap-workshop.h"

/**
 * iap_workshop_remap_level:
 * @level: a level of a scale of @n_old levels, from 1, or 0 for none
 *
 * Returns: the level at the same place on a scale of @n_new levels:
 *   round ((level - 1) × (n_new - 1) / (n_old - 1)) + 1; 0 stays 0
 */
guint
iap_workshop_remap_level (guint level,
                          guint n_old,
                          guint n_new)
{
  g_return_val_if_fail (n_old >= 2 && n_new >= 2, level);

  if (level == 0)
    return 0;
  level = MIN (level, n_old);

  /* Rounds halves up, in integers. */
  return ((level - 1) * (n_new - 1) * 2 + (n_old - 1)) / (2 * (n_old - 1)) + 1;
}

/**
 * iap_workshop_has_ratings:
 *
 * Returns: whether any risk has an agreed rating or any participant has
 *   rated a risk: what a change of scale would have to carry over
 */
gboolean
iap_workshop_has_ratings (IapWorkshop *self)
{
  GListModel *risks, *rounds;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), FALSE);

  risks = iap_workshop_get_risks (self);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      if (iap_risk_get_inherent_likelihood (risk) || iap_risk_get_inherent_impact (risk) ||
          iap_risk_get_residual_likelihood (risk) || iap_risk_get_residual_impact (risk))
        return TRUE;
    }

  rounds = iap_workshop_get_rounds (self);
  for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, r);

      if (g_list_model_get_n_items (iap_round_get_ratings (round)) > 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  guint n_likelihood;
  guint n_impact;
  guint new_likelihood;
  guint new_impact;
} Remap;

static void
remap_risk (IapWorkshop *self,
            IapRisk     *risk,
            const Remap *remap)
{
  iap_workshop_set (self, risk,
                    "inherent-likelihood",
                    iap_workshop_remap_level (iap_risk_get_inherent_likelihood (risk),
                                              remap->n_likelihood, remap->new_likelihood),
                    "inherent-impact",
                    iap_workshop_remap_level (iap_risk_get_inherent_impact (risk),
                                              remap->n_impact, remap->new_impact),
                    "residual-likelihood",
                    iap_workshop_remap_level (iap_risk_get_residual_likelihood (risk),
                                              remap->n_likelihood, remap->new_likelihood),
                    "residual-impact",
                    iap_workshop_remap_level (iap_risk_get_residual_impact (risk),
                                              remap->n_impact, remap->new_impact),
                    NULL);
}

static void
remap_ratings (IapWorkshop *self,
               const Remap *remap)
{
  GListModel *risks = iap_workshop_get_risks (self);
  GListModel *rounds = iap_workshop_get_rounds (self);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      remap_risk (self, risk, remap);
    }

  for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, r);
      GListModel *ratings = iap_round_get_ratings (round);

      for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
        {
          g_autoptr(IapRating) rating = g_list_model_get_item (ratings, i);

          iap_workshop_set (self, rating,
                            "likelihood",
                            iap_workshop_remap_level (iap_rating_get_likelihood (rating),
                                                      remap->n_likelihood, remap->new_likelihood),
                            "impact",
                            iap_workshop_remap_level (iap_rating_get_impact (rating),
                                                      remap->n_impact, remap->new_impact),
                            NULL);
        }
    }
}

/**
 * iap_workshop_remap_scales:
 *
 * Resizes the matrix as iap_workshop_resize_scales() does, moving every
 * rating to the level at the same place on the new scales, as one edit.
 */
void
iap_workshop_remap_scales (IapWorkshop *self,
                           guint        n_likelihood,
                           guint        n_impact)
{
  IapScales *scales;
  Remap remap;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (n_likelihood >= IAP_SCALE_MIN_LEVELS && n_likelihood <= IAP_SCALE_MAX_LEVELS);
  g_return_if_fail (n_impact >= IAP_SCALE_MIN_LEVELS && n_impact <= IAP_SCALE_MAX_LEVELS);

  scales = iap_workshop_get_scales (self);
  remap.n_likelihood = iap_scales_get_n_likelihood (scales);
  remap.n_impact = iap_scales_get_n_impact (scales);
  remap.new_likelihood = n_likelihood;
  remap.new_impact = n_impact;

  /* Grow first and shrink last, so that no rating is ever outside the
   * matrix, even for a moment. */
  iap_workshop_begin_edit (self, _("Resize Matrix"));
  if (iap_workshop_resize_scales (self, MAX (n_likelihood, remap.n_likelihood),
                                  MAX (n_impact, remap.n_impact), &error))
    {
      remap_ratings (self, &remap);
      iap_workshop_resize_scales (self, n_likelihood, n_impact, &error);
    }
  iap_workshop_end_edit (self);

  if (error != NULL)
    g_critical ("Could not remap the matrix: %s", error->message);
}

static void
reset_levels (IapWorkshop *self,
              GListModel  *levels,
              const char  *scale)
{
  g_autoptr(GListStore) defaults = iap_catalog_dup_default_levels (iap_catalog_get_default (), scale);
  guint n_defaults = g_list_model_get_n_items (G_LIST_MODEL (defaults));
  guint n = g_list_model_get_n_items (levels);

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (levels, k);
      g_autoptr(IapScaleLevel) model = NULL;
      g_autofree char *label = NULL;

      /* A shorter scale takes the default levels at the same places; a
       * longer one keeps them and numbers the levels beyond. */
      if (n <= n_defaults && n_defaults >= 2)
        model = g_list_model_get_item (G_LIST_MODEL (defaults),
                                       iap_workshop_remap_level (k + 1, n, n_defaults) - 1);
      else if (k < n_defaults)
        model = g_list_model_get_item (G_LIST_MODEL (defaults), k);

      if (model != NULL)
        {
          g_autofree char *words = NULL;
          g_autofree char *definition = NULL;

          /* The catalog's own words, shown in each reader's language */
          g_object_get (model, "label", &words, "definition", &definition, NULL);
          iap_workshop_set (self, level, "label", words, "definition", definition, "default", TRUE, NULL);
        }
      else
        {
          /* Translators: the name of a level of a risk scale beyond the defaults */
          label = g_strdup_printf (_("Level %u"), k + 1);
          iap_workshop_set (self, level, "label", label, "definition", "", "default", FALSE, NULL);
        }
    }
}

/**
 * iap_workshop_reset_scales:
 *
 * Gives the matrix, at its current size, the default level names,
 * definitions and bands, as one edit. Ratings stay as they are.
 */
void
iap_workshop_reset_scales (IapWorkshop *self)
{
  IapScales *scales;

  g_return_if_fail (IAP_IS_WORKSHOP (self));

  scales = iap_workshop_get_scales (self);
  iap_workshop_begin_edit (self, _("Reset Matrix"));
  reset_levels (self, iap_scales_get_likelihood (scales), "likelihood");
  reset_levels (self, iap_scales_get_impact (scales), "impact");
  iap_workshop_set (self, scales,
                    "bands", iap_scales_build_default_bands (iap_scales_get_n_likelihood (scales),
                                                             iap_scales_get_n_impact (scales)),
                    NULL);
  iap_workshop_end_edit (self);
}
