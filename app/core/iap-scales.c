/* iap-scales.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-scales"

#include "config.h"

#include "iap-i18n.h"

#include "iap-catalog.h"
#include "iap-property.h"
#include "iap-scales.h"

/*
 * The likelihood and impact scales of one workshop, the band of each
 * cell of its matrix, and the rules the group scores by. All of it is
 * stored in the workshop file: an organisation's matrix differs from the
 * defaults, and a workshop keeps its matrix when the defaults change.
 *
 * Bands are one byte per cell, row by row: the cell of likelihood l and
 * impact i (both from 1) is at (l - 1) * n_impact + (i - 1).
 */
struct _IapScales
{
  GObject parent_instance;

  /* Owned */
  GListStore *likelihood;
  GListStore *impact;
  GVariant *bands;
  guint consensus_iqr;
  guint consensus_agreement;
  guint appetite;
};

G_DEFINE_FINAL_TYPE (IapScales, iap_scales, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BANDS,
  PROP_CONSENSUS_IQR,
  PROP_CONSENSUS_AGREEMENT,
  PROP_APPETITE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_scales_finalize (GObject *object)
{
  IapScales *self = (IapScales *)object;

  g_clear_object (&self->likelihood);
  g_clear_object (&self->impact);
  g_clear_pointer (&self->bands, g_variant_unref);

  G_OBJECT_CLASS (iap_scales_parent_class)->finalize (object);
}

static void
iap_scales_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IapScales *self = IAP_SCALES (object);

  switch (prop_id)
    {
    case PROP_BANDS:
      g_value_set_variant (value, self->bands);
      break;

    case PROP_CONSENSUS_IQR:
      g_value_set_uint (value, self->consensus_iqr);
      break;

    case PROP_CONSENSUS_AGREEMENT:
      g_value_set_uint (value, self->consensus_agreement);
      break;

    case PROP_APPETITE:
      g_value_set_uint (value, self->appetite);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_scales_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IapScales *self = IAP_SCALES (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_BANDS:
      changed = iap_set_variant (&self->bands, g_value_get_variant (value));
      break;

    case PROP_CONSENSUS_IQR:
      changed = iap_set_uint (&self->consensus_iqr, g_value_get_uint (value));
      break;

    case PROP_CONSENSUS_AGREEMENT:
      changed = iap_set_uint (&self->consensus_agreement, g_value_get_uint (value));
      break;

    case PROP_APPETITE:
      changed = iap_set_uint (&self->appetite, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_scales_class_init (IapScalesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_scales_finalize;
  object_class->get_property = iap_scales_get_property;
  object_class->set_property = iap_scales_set_property;

  properties[PROP_BANDS] =
    g_param_spec_variant ("bands",
                          NC_ ("property", "Matrix bands"),
                          "IapBand of each cell, row by row of likelihood",
                          G_VARIANT_TYPE_BYTESTRING,
                          NULL,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_CONSENSUS_IQR] =
    g_param_spec_uint ("consensus-iqr",
                       NC_ ("property", "Consensus spread"),
                       "Largest interquartile range, in levels, that counts as consensus",
                       0, IAP_SCALE_MAX_LEVELS, 1,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_CONSENSUS_AGREEMENT] =
    g_param_spec_uint ("consensus-agreement",
                       NC_ ("property", "Consensus agreement"),
                       "Share of scores, in percent, within one level of the median that counts as consensus",
                       1, 100, 80,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_APPETITE] =
    g_param_spec_uint ("appetite",
                       NC_ ("property", "Risk appetite"),
                       "Highest IapBand accepted without treatment",
                       IAP_BAND_LOW, IAP_BAND_CRITICAL, IAP_BAND_MEDIUM,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_scales_init (IapScales *self)
{
  self->likelihood = g_list_store_new (IAP_TYPE_SCALE_LEVEL);
  self->impact = g_list_store_new (IAP_TYPE_SCALE_LEVEL);
  self->bands = g_variant_ref_sink (iap_scales_build_default_bands (0, 0));
  self->consensus_iqr = 1;
  self->consensus_agreement = 80;
  self->appetite = IAP_BAND_MEDIUM;
}

static void
copy_levels (GListStore *into,
             GListStore *from)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (from));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (G_LIST_MODEL (from), i);

      g_list_store_append (into, level);
    }
}

static void
find_default_levels (GListModel *levels,
                     const char *scale)
{
  g_autoptr(GListStore) defaults = iap_catalog_dup_default_levels (iap_catalog_get_default (), scale);
  guint n = g_list_model_get_n_items (levels);

  if (n != g_list_model_get_n_items (G_LIST_MODEL (defaults)))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (levels, i);
      g_autoptr(IapScaleLevel) model = g_list_model_get_item (G_LIST_MODEL (defaults), i);
      g_autofree char *label = NULL, *definition = NULL, *model_label = NULL, *model_definition = NULL;

      g_object_get (level, "label", &label, "definition", &definition, NULL);
      g_object_get (model, "label", &model_label, "definition", &model_definition, NULL);
      if (g_strcmp0 (label, model_label) == 0 && g_strcmp0 (definition, model_definition) == 0)
        g_object_set (level, "default", TRUE, NULL);
    }
}

/**
 * iap_scales_find_default_levels:
 *
 * Marks as default wording each level whose label and definition are the
 * default catalog's own words at its place: for files written before the
 * format recorded it, whose untouched levels would otherwise stay in
 * English for every reader.
 */
void
iap_scales_find_default_levels (IapScales *self)
{
  g_return_if_fail (IAP_IS_SCALES (self));

  find_default_levels (G_LIST_MODEL (self->likelihood), "likelihood");
  find_default_levels (G_LIST_MODEL (self->impact), "impact");
}

/**
 * iap_scales_new_default:
 *
 * Returns: (transfer full): the 5 x 5 matrix of the default catalog
 */
IapScales *
iap_scales_new_default (void)
{
  IapCatalog *catalog = iap_catalog_get_default ();
  g_autoptr(GListStore) likelihood = iap_catalog_dup_default_levels (catalog, "likelihood");
  g_autoptr(GListStore) impact = iap_catalog_dup_default_levels (catalog, "impact");
  IapScales *self = g_object_new (IAP_TYPE_SCALES, NULL);

  copy_levels (self->likelihood, likelihood);
  copy_levels (self->impact, impact);
  iap_set_variant (&self->bands,
                   iap_scales_build_default_bands (iap_scales_get_n_likelihood (self),
                                                   iap_scales_get_n_impact (self)));

  return self;
}

/**
 * iap_scales_get_likelihood:
 *
 * Returns: (transfer none): the #IapScaleLevel of likelihood, lowest first
 */
GListModel *
iap_scales_get_likelihood (IapScales *self)
{
  g_return_val_if_fail (IAP_IS_SCALES (self), NULL);

  return G_LIST_MODEL (self->likelihood);
}

/**
 * iap_scales_get_impact:
 *
 * Returns: (transfer none): the #IapScaleLevel of impact, lowest first
 */
GListModel *
iap_scales_get_impact (IapScales *self)
{
  g_return_val_if_fail (IAP_IS_SCALES (self), NULL);

  return G_LIST_MODEL (self->impact);
}

guint
iap_scales_get_n_likelihood (IapScales *self)
{
  g_return_val_if_fail (IAP_IS_SCALES (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->likelihood));
}

guint
iap_scales_get_n_impact (IapScales *self)
{
  g_return_val_if_fail (IAP_IS_SCALES (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->impact));
}

GVariant *
iap_scales_get_bands (IapScales *self)
{
  g_return_val_if_fail (IAP_IS_SCALES (self), NULL);

  return self->bands;
}

/**
 * iap_scales_get_band:
 * @likelihood: a likelihood level, from 1
 * @impact: an impact level, from 1
 *
 * Returns: the band of the cell
 */
IapBand
iap_scales_get_band (IapScales *self,
                     guint      likelihood,
                     guint      impact)
{
  guint n_likelihood, n_impact;
  const guint8 *cells;
  gsize n_cells;

  g_return_val_if_fail (IAP_IS_SCALES (self), IAP_BAND_LOW);

  n_likelihood = iap_scales_get_n_likelihood (self);
  n_impact = iap_scales_get_n_impact (self);
  g_return_val_if_fail (likelihood >= 1 && likelihood <= n_likelihood, IAP_BAND_LOW);
  g_return_val_if_fail (impact >= 1 && impact <= n_impact, IAP_BAND_LOW);

  /* While a resize is half done (levels added, bands not yet), the
   * default stands in for the missing cells. */
  cells = g_variant_get_fixed_array (self->bands, &n_cells, 1);
  if (n_cells != (gsize)n_likelihood * n_impact)
    return iap_band_default_for_cell (n_likelihood, n_impact, likelihood, impact);

  return MIN (cells[(likelihood - 1) * n_impact + (impact - 1)], IAP_BAND_CRITICAL);
}

guint
iap_scales_get_consensus_iqr (IapScales *self)
{
  g_return_val_if_fail (IAP_IS_SCALES (self), 0);

  return self->consensus_iqr;
}

guint
iap_scales_get_consensus_agreement (IapScales *self)
{
  g_return_val_if_fail (IAP_IS_SCALES (self), 0);

  return self->consensus_agreement;
}

IapBand
iap_scales_get_appetite (IapScales *self)
{
  g_return_val_if_fail (IAP_IS_SCALES (self), IAP_BAND_LOW);

  return self->appetite;
}

/**
 * iap_scales_build_default_bands:
 *
 * Returns: (transfer floating): the value of #IapScales:bands for a
 *   matrix of this size with the default bands, empty for a size outside
 *   the supported range
 */
GVariant *
iap_scales_build_default_bands (guint n_likelihood,
                                guint n_impact)
{
  guint8 cells[IAP_SCALE_MAX_LEVELS * IAP_SCALE_MAX_LEVELS];
  gsize n_cells = 0;

  if (n_likelihood >= IAP_SCALE_MIN_LEVELS && n_likelihood <= IAP_SCALE_MAX_LEVELS &&
      n_impact >= IAP_SCALE_MIN_LEVELS && n_impact <= IAP_SCALE_MAX_LEVELS)
    {
      for (guint l = 1; l <= n_likelihood; l++)
        for (guint i = 1; i <= n_impact; i++)
          cells[n_cells++] = iap_band_default_for_cell (n_likelihood, n_impact, l, i);
    }

  return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, cells, n_cells, 1);
}

/**
 * iap_scales_build_bands_with:
 *
 * Returns: (transfer floating): the value of #IapScales:bands with one
 *   cell changed
 */
GVariant *
iap_scales_build_bands_with (IapScales *self,
                             guint      likelihood,
                             guint      impact,
                             IapBand    band)
{
  guint8 cells[IAP_SCALE_MAX_LEVELS * IAP_SCALE_MAX_LEVELS];
  guint n_likelihood, n_impact;

  g_return_val_if_fail (IAP_IS_SCALES (self), NULL);
  g_return_val_if_fail (band < IAP_N_BANDS, NULL);

  n_likelihood = iap_scales_get_n_likelihood (self);
  n_impact = iap_scales_get_n_impact (self);
  g_return_val_if_fail (n_likelihood <= IAP_SCALE_MAX_LEVELS, NULL);
  g_return_val_if_fail (n_impact <= IAP_SCALE_MAX_LEVELS, NULL);
  g_return_val_if_fail (likelihood >= 1 && likelihood <= n_likelihood, NULL);
  g_return_val_if_fail (impact >= 1 && impact <= n_impact, NULL);

  for (guint l = 1; l <= n_likelihood; l++)
    for (guint i = 1; i <= n_impact; i++)
      cells[(l - 1) * n_impact + (i - 1)] = iap_scales_get_band (self, l, i);
  cells[(likelihood - 1) * n_impact + (impact - 1)] = band;

  return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, cells,
                                    (gsize)n_likelihood * n_impact, 1);
}
