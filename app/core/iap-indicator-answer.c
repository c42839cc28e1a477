/* iap-indicator-answer.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-indicator-answer"

#include "config.h"

#include "iap-i18n.h"

#include "iap-indicator-answer.h"
#include "iap-property.h"

struct _IapIndicatorAnswer
{
  GObject parent_instance;

  /* Owned */
  char *indicator;
  char *answer;
  char *note;
};

G_DEFINE_FINAL_TYPE (IapIndicatorAnswer, iap_indicator_answer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDICATOR,
  PROP_ANSWER,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_indicator_answer_finalize (GObject *object)
{
  IapIndicatorAnswer *self = (IapIndicatorAnswer *)object;

  g_clear_pointer (&self->indicator, g_free);
  g_clear_pointer (&self->answer, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (iap_indicator_answer_parent_class)->finalize (object);
}

static void
iap_indicator_answer_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IapIndicatorAnswer *self = IAP_INDICATOR_ANSWER (object);

  switch (prop_id)
    {
    case PROP_INDICATOR:
      g_value_set_string (value, self->indicator);
      break;

    case PROP_ANSWER:
      g_value_set_string (value, self->answer);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_indicator_answer_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IapIndicatorAnswer *self = IAP_INDICATOR_ANSWER (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_INDICATOR:
      changed = iap_set_string (&self->indicator, g_value_get_string (value));
      break;

    case PROP_ANSWER:
      changed = iap_set_string (&self->answer, g_value_get_string (value));
      break;

    case PROP_NOTE:
      changed = iap_set_string (&self->note, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_indicator_answer_class_init (IapIndicatorAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_indicator_answer_finalize;
  object_class->get_property = iap_indicator_answer_get_property;
  object_class->set_property = iap_indicator_answer_set_property;

  properties[PROP_INDICATOR] =
    g_param_spec_string ("indicator",
                         NC_ ("property", "Indicator"),
                         "High-risk indicator, an indicator catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ANSWER] =
    g_param_spec_string ("answer",
                         NC_ ("property", "Answer"),
                         "yes, no or unknown",
                         "unknown",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note",
                         NC_ ("property", "Indicator note"),
                         "What the answer rests on",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_indicator_answer_init (IapIndicatorAnswer *self)
{
  self->indicator = g_strdup ("");
  self->answer = g_strdup ("unknown");
  self->note = g_strdup ("");
}

IapIndicatorAnswer *
iap_indicator_answer_new (const char  *indicator)
{
  g_return_val_if_fail (indicator != NULL, NULL);

  return g_object_new (IAP_TYPE_INDICATOR_ANSWER,
                       "indicator", indicator,
                       NULL);
}

const char *
iap_indicator_answer_get_indicator (IapIndicatorAnswer *self)
{
  g_return_val_if_fail (IAP_IS_INDICATOR_ANSWER (self), NULL);

  return self->indicator;
}

const char *
iap_indicator_answer_get_answer (IapIndicatorAnswer *self)
{
  g_return_val_if_fail (IAP_IS_INDICATOR_ANSWER (self), NULL);

  return self->answer;
}

const char *
iap_indicator_answer_get_note (IapIndicatorAnswer *self)
{
  g_return_val_if_fail (IAP_IS_INDICATOR_ANSWER (self), NULL);

  return self->note;
}
