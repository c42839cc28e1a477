/* iap-factor-rating.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-factor-rating"

#include "config.h"

#include "iap-i18n.h"

#include "iap-factor-rating.h"
#include "iap-property.h"

struct _IapFactorRating
{
  GObject parent_instance;

  /* Owned */
  char *participant;
  char *factor;
  char *option;
  guint value;
};

G_DEFINE_FINAL_TYPE (IapFactorRating, iap_factor_rating, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARTICIPANT,
  PROP_FACTOR,
  PROP_OPTION,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_factor_rating_finalize (GObject *object)
{
  IapFactorRating *self = (IapFactorRating *)object;

  g_clear_pointer (&self->participant, g_free);
  g_clear_pointer (&self->factor, g_free);
  g_clear_pointer (&self->option, g_free);

  G_OBJECT_CLASS (iap_factor_rating_parent_class)->finalize (object);
}

static void
iap_factor_rating_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IapFactorRating *self = IAP_FACTOR_RATING (object);

  switch (prop_id)
    {
    case PROP_PARTICIPANT:
      g_value_set_string (value, self->participant);
      break;

    case PROP_FACTOR:
      g_value_set_string (value, self->factor);
      break;

    case PROP_OPTION:
      g_value_set_string (value, self->option);
      break;

    case PROP_VALUE:
      g_value_set_uint (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_factor_rating_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IapFactorRating *self = IAP_FACTOR_RATING (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_PARTICIPANT:
      changed = iap_set_string (&self->participant, g_value_get_string (value));
      break;

    case PROP_FACTOR:
      changed = iap_set_string (&self->factor, g_value_get_string (value));
      break;

    case PROP_OPTION:
      changed = iap_set_string (&self->option, g_value_get_string (value));
      break;

    case PROP_VALUE:
      changed = iap_set_uint (&self->value, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_factor_rating_class_init (IapFactorRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_factor_rating_finalize;
  object_class->get_property = iap_factor_rating_get_property;
  object_class->set_property = iap_factor_rating_set_property;

  properties[PROP_PARTICIPANT] =
    g_param_spec_string ("participant",
                         NC_ ("property", "Participant"),
                         "Participant who gave the score",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FACTOR] =
    g_param_spec_string ("factor",
                         NC_ ("property", "Factor"),
                         "Triple-hatting factor scored",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OPTION] =
    g_param_spec_string ("option",
                         NC_ ("property", "Option"),
                         "Structural option scored",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_VALUE] =
    g_param_spec_uint ("value",
                       NC_ ("property", "Score"),
                       "Score from 0 to 4",
                       0, 4, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_factor_rating_init (IapFactorRating *self)
{
  self->participant = g_strdup ("");
  self->factor = g_strdup ("");
  self->option = g_strdup ("");
}

IapFactorRating *
iap_factor_rating_new (const char  *participant,
                       const char  *factor,
                       const char  *option)
{
  g_return_val_if_fail (participant != NULL, NULL);
  g_return_val_if_fail (factor != NULL, NULL);
  g_return_val_if_fail (option != NULL, NULL);

  return g_object_new (IAP_TYPE_FACTOR_RATING,
                       "participant", participant,
                       "factor", factor,
                       "option", option,
                       NULL);
}

const char *
iap_factor_rating_get_participant (IapFactorRating *self)
{
  g_return_val_if_fail (IAP_IS_FACTOR_RATING (self), NULL);

  return self->participant;
}

const char *
iap_factor_rating_get_factor (IapFactorRating *self)
{
  g_return_val_if_fail (IAP_IS_FACTOR_RATING (self), NULL);

  return self->factor;
}

const char *
iap_factor_rating_get_option (IapFactorRating *self)
{
  g_return_val_if_fail (IAP_IS_FACTOR_RATING (self), NULL);

  return self->option;
}

guint
iap_factor_rating_get_value (IapFactorRating *self)
{
  g_return_val_if_fail (IAP_IS_FACTOR_RATING (self), 0);

  return self->value;
}
