/* iap-workshop-edit-catalog.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Edits of what a workshop scores against: its own catalog entries and
 * its risk matrix. Both are refused when they would leave a reference or
 * a rating pointing at nothing.
 */

#define G_LOG_DOMAIN "iap-workshop"

#include "config.h"

#include "iap-i18n.h"

#include "iap-workshop.h"

static char *
new_custom_id (IapWorkshop *self,
               const char  *kind)
{
  IapCatalog *catalog = iap_workshop_get_catalog (self);

  /* Defaults never start with "x-", so a custom id can never clash
   * with an entry a later version adds. */
  for (guint number = 1; ; number++)
    {
      g_autofree char *id = g_strdup_printf ("x-%s-%u", kind, number);

      if (iap_catalog_lookup (catalog, kind, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/**
 * iap_workshop_add_custom_entry:
 * @kind: a kind for which iap_catalog_kind_allows_custom() holds
 *
 * Adds an entry of the workshop's own, such as an arrangement the
 * default catalog lacks. For a factor, set its "polarity" afterwards.
 *
 * Returns: (transfer none): the new entry
 */
IapCatalogEntry *
iap_workshop_add_custom_entry (IapWorkshop *self,
                               const char  *kind,
                               const char  *label,
                               const char  *description)
{
  g_autoptr(IapCatalogEntry) entry = NULL;
  g_autofree char *id = NULL;
  GListModel *custom;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);
  g_return_val_if_fail (iap_catalog_kind_allows_custom (kind), NULL);

  custom = iap_catalog_get_custom (iap_workshop_get_catalog (self));
  id = new_custom_id (self, kind);
  entry = iap_catalog_entry_new (kind, id, TRUE);
  g_object_set (entry,
                "label", label,
                "description", description,
                "polarity", g_str_equal (kind, IAP_CATALOG_FACTOR) ? "benefit" : "",
                NULL);

  iap_workshop_begin_edit (self, _("Add Catalog Entry"));
  iap_workshop_insert (self, custom, g_list_model_get_n_items (custom), entry);
  iap_workshop_end_edit (self);

  return entry;
}

/* Whether an item of @list has @id as @property, or among it for a list
 * of ids. */
static gboolean
any_item_has (GListModel *list,
              const char *property,
              const char *id)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (item, property, &value);
      if (pspec->value_type == G_TYPE_STRV &&
          g_strv_contains (g_value_get_boxed (&value), id))
        return TRUE;
      if (pspec->value_type == G_TYPE_STRING &&
          g_strcmp0 (g_value_get_string (&value), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
rounds_use (IapWorkshop *self,
            const char  *property,
            const char  *id)
{
  GListModel *rounds = iap_workshop_get_rounds (self);

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, i);

      for (guint j = 0; j < iap_round_get_n_factor_ratings (round); j++)
        {
          const char *ids[2];

          iap_round_get_factor_rating_at (round, j, NULL, &ids[0], &ids[1], NULL);
          if (g_strcmp0 (ids[g_str_equal (property, "option")], id) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
option_in_use (IapWorkshop *self,
               const char  *id)
{
  GListModel *scores = iap_workshop_get_factor_scores (self);

  if (g_strv_contains (iap_workshop_get_options (self), id) ||
      g_str_equal (iap_workshop_get_current_option (self), id) ||
      g_str_equal (iap_workshop_get_recommendation (self), id) ||
      rounds_use (self, "option", id))
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (scores); i++)
    {
      g_autoptr(IapFactorScore) score = g_list_model_get_item (scores, i);

      if (iap_factor_score_lookup (score, id, NULL))
        return TRUE;
    }

  return FALSE;
}

static gboolean
entry_in_use (IapWorkshop *self,
              const char  *kind,
              const char  *id)
{
  if (g_str_equal (kind, IAP_CATALOG_ARRANGEMENT))
    return any_item_has (iap_workshop_get_risks (self), "arrangement", id) ||
           any_item_has (iap_workshop_get_option_arrangements (self), "arrangements", id);
  if (g_str_equal (kind, IAP_CATALOG_INTEGRATION_AREA))
    return any_item_has (iap_workshop_get_integration_map (self), "area", id);
  if (g_str_equal (kind, IAP_CATALOG_AREA))
    return any_item_has (iap_workshop_get_risks (self), "area", id);
  if (g_str_equal (kind, IAP_CATALOG_MEASURE))
    return any_item_has (iap_workshop_get_mitigations (self), "measure", id);
  if (g_str_equal (kind, IAP_CATALOG_FACTOR))
    return any_item_has (iap_workshop_get_factor_scores (self), "factor", id) ||
           any_item_has (iap_workshop_get_mitigations (self), "factors", id) ||
           rounds_use (self, "factor", id);
  if (g_str_equal (kind, IAP_CATALOG_OPTION))
    return option_in_use (self, id);

  return FALSE;
}

/**
 * iap_workshop_remove_custom_entry:
 *
 * Removes an entry of the workshop's own, unless something refers to it:
 * the workshop would then no longer be valid.
 *
 * Returns: %TRUE if removed
 */
gboolean
iap_workshop_remove_custom_entry (IapWorkshop      *self,
                                  IapCatalogEntry  *entry,
                                  GError          **error)
{
  GListModel *custom;
  guint position;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (entry), FALSE);
  g_return_val_if_fail (iap_catalog_entry_get_custom (entry), FALSE);

  if (entry_in_use (self, iap_catalog_entry_get_kind (entry), iap_catalog_entry_get_id (entry)))
    {
      g_set_error (error, IAP_WORKSHOP_ERROR, IAP_WORKSHOP_ERROR_IN_USE,
                   _("“%s” is still used in the workshop. Remove or change what uses it first."),
                   iap_catalog_entry_get_label (entry));
      return FALSE;
    }

  custom = iap_catalog_get_custom (iap_workshop_get_catalog (self));
  iap_workshop_begin_edit (self, _("Remove Catalog Entry"));
  /* What an option brings goes with the option */
  if (g_str_equal (iap_catalog_entry_get_kind (entry), IAP_CATALOG_OPTION))
    {
      GListModel *list = iap_workshop_get_option_arrangements (self);
      IapOptionArrangements *item = iap_workshop_find_option_arrangements (self, iap_catalog_entry_get_id (entry));

      if (item != NULL && g_list_store_find (G_LIST_STORE (list), item, &position))
        iap_workshop_remove (self, list, position);
    }
  if (g_list_store_find (G_LIST_STORE (custom), entry, &position))
    iap_workshop_remove (self, custom, position);
  iap_workshop_end_edit (self);

  return TRUE;
}

/**
 * iap_workshop_set_band:
 *
 * Sets the band of one cell of the matrix.
 */
void
iap_workshop_set_band (IapWorkshop *self,
                       guint        likelihood,
                       guint        impact,
                       IapBand      band)
{
  IapScales *scales;
  GVariant *bands;

  g_return_if_fail (IAP_IS_WORKSHOP (self));

  scales = iap_workshop_get_scales (self);
  bands = iap_scales_build_bands_with (scales, likelihood, impact, band);
  g_return_if_fail (bands != NULL);

  iap_workshop_begin_edit (self, _("Change Band"));
  iap_workshop_set (self, scales, "bands", bands, NULL);
  iap_workshop_end_edit (self);
}

static gboolean
rating_fits (guint likelihood,
             guint impact,
             guint n_likelihood,
             guint n_impact)
{
  return likelihood <= n_likelihood && impact <= n_impact;
}

static gboolean
ratings_fit (IapWorkshop *self,
             guint        n_likelihood,
             guint        n_impact)
{
  GListModel *risks = iap_workshop_get_risks (self);
  GListModel *rounds = iap_workshop_get_rounds (self);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      if (!rating_fits (iap_risk_get_inherent_likelihood (risk), iap_risk_get_inherent_impact (risk),
                        n_likelihood, n_impact) ||
          !rating_fits (iap_risk_get_residual_likelihood (risk), iap_risk_get_residual_impact (risk),
                        n_likelihood, n_impact))
        return FALSE;
    }

  for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, r);

      for (guint i = 0; i < iap_round_get_n_ratings (round); i++)
        {
          guint likelihood, impact;

          iap_round_get_rating_at (round, i, NULL, NULL, &likelihood, &impact);
          if (!rating_fits (likelihood, impact, n_likelihood, n_impact))
            return FALSE;
        }
    }

  return TRUE;
}

static void
resize_levels (IapWorkshop *self,
               GListModel  *levels,
               guint        n_levels)
{
  while (g_list_model_get_n_items (levels) > n_levels)
    iap_workshop_remove (self, levels, g_list_model_get_n_items (levels) - 1);

  while (g_list_model_get_n_items (levels) < n_levels)
    {
      g_autoptr(IapScaleLevel) level = g_object_new (IAP_TYPE_SCALE_LEVEL, NULL);
      g_autofree char *label = NULL;

      /* Translators: the name of a new level of a risk scale, to be renamed */
      label = g_strdup_printf (_("Level %u"), g_list_model_get_n_items (levels) + 1);
      g_object_set (level, "label", label, NULL);
      iap_workshop_insert (self, levels, g_list_model_get_n_items (levels), level);
    }
}

/**
 * iap_workshop_resize_scales:
 *
 * Changes the number of likelihood and impact levels, with new levels to
 * be named and the default bands for the new size. Refused while a
 * rating uses a level that would go.
 *
 * Returns: %TRUE if resized
 */
gboolean
iap_workshop_resize_scales (IapWorkshop  *self,
                            guint         n_likelihood,
                            guint         n_impact,
                            GError      **error)
{
  IapScales *scales;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (n_likelihood >= IAP_SCALE_MIN_LEVELS &&
                        n_likelihood <= IAP_SCALE_MAX_LEVELS, FALSE);
  g_return_val_if_fail (n_impact >= IAP_SCALE_MIN_LEVELS &&
                        n_impact <= IAP_SCALE_MAX_LEVELS, FALSE);

  if (!ratings_fit (self, n_likelihood, n_impact))
    {
      g_set_error (error, IAP_WORKSHOP_ERROR, IAP_WORKSHOP_ERROR_OUT_OF_RANGE,
                   _("Some ratings use levels that a %u × %u matrix does not have. "
                     "Change those ratings first."),
                   n_likelihood, n_impact);
      return FALSE;
    }

  scales = iap_workshop_get_scales (self);
  iap_workshop_begin_edit (self, _("Resize Matrix"));
  resize_levels (self, iap_scales_get_likelihood (scales), n_likelihood);
  resize_levels (self, iap_scales_get_impact (scales), n_impact);
  iap_workshop_set (self, scales,
                    "bands", iap_scales_build_default_bands (n_likelihood, n_impact),
                    NULL);
  iap_workshop_end_edit (self);

  return TRUE;
}
