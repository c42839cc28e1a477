/* iap-rating.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-rating"

#include "config.h"

#include "iap-i18n.h"

#include "iap-band.h"
#include "iap-property.h"
#include "iap-rating.h"

struct _IapRating
{
  GObject parent_instance;

  /* Owned */
  char *participant;
  char *risk;
  guint likelihood;
  guint impact;
  char *comment;
};

G_DEFINE_FINAL_TYPE (IapRating, iap_rating, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARTICIPANT,
  PROP_RISK,
  PROP_LIKELIHOOD,
  PROP_IMPACT,
  PROP_COMMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_rating_finalize (GObject *object)
{
  IapRating *self = (IapRating *)object;

  g_clear_pointer (&self->participant, g_free);
  g_clear_pointer (&self->risk, g_free);
  g_clear_pointer (&self->comment, g_free);

  G_OBJECT_CLASS (iap_rating_parent_class)->finalize (object);
}

static void
iap_rating_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IapRating *self = IAP_RATING (object);

  switch (prop_id)
    {
    case PROP_PARTICIPANT:
      g_value_set_string (value, self->participant);
      break;

    case PROP_RISK:
      g_value_set_string (value, self->risk);
      break;

    case PROP_LIKELIHOOD:
      g_value_set_uint (value, self->likelihood);
      break;

    case PROP_IMPACT:
      g_value_set_uint (value, self->impact);
      break;

    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_rating_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IapRating *self = IAP_RATING (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_PARTICIPANT:
      changed = iap_set_string (&self->participant, g_value_get_string (value));
      break;

    case PROP_RISK:
      changed = iap_set_string (&self->risk, g_value_get_string (value));
      break;

    case PROP_LIKELIHOOD:
      changed = iap_set_uint (&self->likelihood, g_value_get_uint (value));
      break;

    case PROP_IMPACT:
      changed = iap_set_uint (&self->impact, g_value_get_uint (value));
      break;

    case PROP_COMMENT:
      changed = iap_set_string (&self->comment, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_rating_class_init (IapRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_rating_finalize;
  object_class->get_property = iap_rating_get_property;
  object_class->set_property = iap_rating_set_property;

  properties[PROP_PARTICIPANT] =
    g_param_spec_string ("participant",
                         NC_ ("property", "Participant"),
                         "Participant who gave the rating",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_RISK] =
    g_param_spec_string ("risk",
                         NC_ ("property", "Risk"),
                         "Risk rated",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LIKELIHOOD] =
    g_param_spec_uint ("likelihood",
                       NC_ ("property", "Likelihood"),
                       "Likelihood level, from 1",
                       0, IAP_SCALE_MAX_LEVELS, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_IMPACT] =
    g_param_spec_uint ("impact",
                       NC_ ("property", "Impact"),
                       "Impact level, from 1",
                       0, IAP_SCALE_MAX_LEVELS, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_COMMENT] =
    g_param_spec_string ("comment",
                         NC_ ("property", "Comment"),
                         "What the participant wrote beside the score, private like it",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_rating_init (IapRating *self)
{
  self->participant = g_strdup ("");
  self->risk = g_strdup ("");
  self->comment = g_strdup ("");
}

IapRating *
iap_rating_new (const char  *participant,
                const char  *risk)
{
  g_return_val_if_fail (participant != NULL, NULL);
  g_return_val_if_fail (risk != NULL, NULL);

  return g_object_new (IAP_TYPE_RATING,
                       "participant", participant,
                       "risk", risk,
                       NULL);
}

const char *
iap_rating_get_participant (IapRating *self)
{
  g_return_val_if_fail (IAP_IS_RATING (self), NULL);

  return self->participant;
}

const char *
iap_rating_get_risk (IapRating *self)
{
  g_return_val_if_fail (IAP_IS_RATING (self), NULL);

  return self->risk;
}

guint
iap_rating_get_likelihood (IapRating *self)
{
  g_return_val_if_fail (IAP_IS_RATING (self), 0);

  return self->likelihood;
}

guint
iap_rating_get_impact (IapRating *self)
{
  g_return_val_if_fail (IAP_IS_RATING (self), 0);

  return self->impact;
}

/* Returns: what the participant wrote beside the score, or "" */
const char *
iap_rating_get_comment (IapRating *self)
{
  g_return_val_if_fail (IAP_IS_RATING (self), NULL);

  return self->comment;
}
