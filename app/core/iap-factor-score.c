/* iap-factor-score.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-factor-score"

#include "config.h"

#include "iap-i18n.h"

#include "iap-factor-score.h"
#include "iap-property.h"

struct _IapFactorScore
{
  GObject parent_instance;

  /* Owned */
  char *factor;
  guint weight;
  GVariant *scores;
};

G_DEFINE_FINAL_TYPE (IapFactorScore, iap_factor_score, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FACTOR,
  PROP_WEIGHT,
  PROP_SCORES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_factor_score_finalize (GObject *object)
{
  IapFactorScore *self = (IapFactorScore *)object;

  g_clear_pointer (&self->factor, g_free);
  g_clear_pointer (&self->scores, g_variant_unref);

  G_OBJECT_CLASS (iap_factor_score_parent_class)->finalize (object);
}

static void
iap_factor_score_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IapFactorScore *self = IAP_FACTOR_SCORE (object);

  switch (prop_id)
    {
    case PROP_FACTOR:
      g_value_set_string (value, self->factor);
      break;

    case PROP_WEIGHT:
      g_value_set_uint (value, self->weight);
      break;

    case PROP_SCORES:
      g_value_set_variant (value, self->scores);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_factor_score_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IapFactorScore *self = IAP_FACTOR_SCORE (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_FACTOR:
      changed = iap_set_string (&self->factor, g_value_get_string (value));
      break;

    case PROP_WEIGHT:
      changed = iap_set_uint (&self->weight, g_value_get_uint (value));
      break;

    case PROP_SCORES:
      changed = iap_set_variant (&self->scores, g_value_get_variant (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_factor_score_class_init (IapFactorScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_factor_score_finalize;
  object_class->get_property = iap_factor_score_get_property;
  object_class->set_property = iap_factor_score_set_property;

  properties[PROP_FACTOR] =
    g_param_spec_string ("factor",
                         NC_ ("property", "Factor"),
                         "Triple-hatting factor, a factor catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_WEIGHT] =
    g_param_spec_uint ("weight",
                       NC_ ("property", "Factor weight"),
                       "Importance of the factor in this context, 1 to 5, 0 when not weighted",
                       0, 5, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_SCORES] =
    g_param_spec_variant ("scores",
                          NC_ ("property", "Factor scores"),
                          "Score 0 to 4 of each structural option, keyed by option id; options not scored are absent",
                          G_VARIANT_TYPE ("a{su}"),
                          NULL,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_factor_score_init (IapFactorScore *self)
{
  self->factor = g_strdup ("");
  self->scores = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{su}"), NULL, 0));
}

IapFactorScore *
iap_factor_score_new (const char  *factor)
{
  g_return_val_if_fail (factor != NULL, NULL);

  return g_object_new (IAP_TYPE_FACTOR_SCORE,
                       "factor", factor,
                       NULL);
}

const char *
iap_factor_score_get_factor (IapFactorScore *self)
{
  g_return_val_if_fail (IAP_IS_FACTOR_SCORE (self), NULL);

  return self->factor;
}

guint
iap_factor_score_get_weight (IapFactorScore *self)
{
  g_return_val_if_fail (IAP_IS_FACTOR_SCORE (self), 0);

  return self->weight;
}

GVariant *
iap_factor_score_get_scores (IapFactorScore *self)
{
  g_return_val_if_fail (IAP_IS_FACTOR_SCORE (self), NULL);

  return self->scores;
}

gboolean
iap_factor_score_lookup (IapFactorScore *self,
                         const char     *option,
                         guint          *value)
{
  guint found;

  g_return_val_if_fail (IAP_IS_FACTOR_SCORE (self), FALSE);
  g_return_val_if_fail (option != NULL, FALSE);

  if (!g_variant_lookup (self->scores, option, "u", &found))
    return FALSE;

  if (value != NULL)
    *value = found;

  return TRUE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * iap_factor_score_build_scores:
 * @option: a structural option id
 * @value: the new score of @option, or -1 to remove it
 *
 * Builds the value of #IapFactorScore:scores with one option changed,
 * keys sorted so that files are written in a stable order.
 *
 * Returns: (transfer floating): a new `a{su}` variant
 */
GVariant *
iap_factor_score_build_scores (IapFactorScore *self,
                               const char     *option,
                               int             value)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GVariantBuilder builder;
  GVariantIter iter;
  char *key;
  guint score;

  g_return_val_if_fail (IAP_IS_FACTOR_SCORE (self), NULL);
  g_return_val_if_fail (option != NULL, NULL);

  /* Keys are copied: a lookup may serialise the variant and free the
   * strings an iteration lent. */
  g_variant_iter_init (&iter, self->scores);
  while (g_variant_iter_next (&iter, "{su}", &key, &score))
    {
      if (!g_str_equal (key, option))
        g_ptr_array_add (keys, key);
      else
        g_free (key);
    }
  if (value >= 0)
    g_ptr_array_add (keys, g_strdup (option));
  g_ptr_array_sort (keys, compare_keys);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{su}"));
  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = g_ptr_array_index (keys, i);

      if (g_str_equal (k, option))
        score = (guint)value;
      else
        g_variant_lookup (self->scores, k, "u", &score);
      g_variant_builder_add (&builder, "{su}", k, score);
    }

  return g_variant_builder_end (&builder);
}
