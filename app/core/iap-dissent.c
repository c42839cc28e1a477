/* iap-dissent.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-dissent"

#include "config.h"

#include "iap-i18n.h"

#include "iap-dissent.h"
#include "iap-property.h"

struct _IapDissent
{
  GObject parent_instance;

  /* Owned */
  char *id;
  char *participant;
  char *attribution;
  char *subject;
  char *risk;
  char *text;
};

G_DEFINE_FINAL_TYPE (IapDissent, iap_dissent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTICIPANT,
  PROP_ATTRIBUTION,
  PROP_SUBJECT,
  PROP_RISK,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_dissent_finalize (GObject *object)
{
  IapDissent *self = (IapDissent *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->participant, g_free);
  g_clear_pointer (&self->attribution, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->risk, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (iap_dissent_parent_class)->finalize (object);
}

static void
iap_dissent_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IapDissent *self = IAP_DISSENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PARTICIPANT:
      g_value_set_string (value, self->participant);
      break;

    case PROP_ATTRIBUTION:
      g_value_set_string (value, self->attribution);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_RISK:
      g_value_set_string (value, self->risk);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_dissent_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IapDissent *self = IAP_DISSENT (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_ID:
      changed = iap_set_string (&self->id, g_value_get_string (value));
      break;

    case PROP_PARTICIPANT:
      changed = iap_set_string (&self->participant, g_value_get_string (value));
      break;

    case PROP_ATTRIBUTION:
      changed = iap_set_string (&self->attribution, g_value_get_string (value));
      break;

    case PROP_SUBJECT:
      changed = iap_set_string (&self->subject, g_value_get_string (value));
      break;

    case PROP_RISK:
      changed = iap_set_string (&self->risk, g_value_get_string (value));
      break;

    case PROP_TEXT:
      changed = iap_set_string (&self->text, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_dissent_class_init (IapDissentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_dissent_finalize;
  object_class->get_property = iap_dissent_get_property;
  object_class->set_property = iap_dissent_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id",
                         NC_ ("property", "Identifier"),
                         "Stable identifier, unique in the workshop",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PARTICIPANT] =
    g_param_spec_string ("participant",
                         NC_ ("property", "Participant"),
                         "Participant who dissents",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ATTRIBUTION] =
    g_param_spec_string ("attribution",
                         NC_ ("property", "Attribution"),
                         "name or pillar: how the dissent is printed",
                         "name",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject",
                         NC_ ("property", "Subject"),
                         "risk, recommendation or general",
                         "general",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_RISK] =
    g_param_spec_string ("risk",
                         NC_ ("property", "Risk"),
                         "Risk the dissent is about, when the subject is a risk",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text",
                         NC_ ("property", "Dissent"),
                         "The dissenting view, in the participant's words",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_dissent_init (IapDissent *self)
{
  self->id = g_strdup ("");
  self->participant = g_strdup ("");
  self->attribution = g_strdup ("name");
  self->subject = g_strdup ("general");
  self->risk = g_strdup ("");
  self->text = g_strdup ("");
}

IapDissent *
iap_dissent_new (const char  *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (IAP_TYPE_DISSENT,
                       "id", id,
                       NULL);
}

const char *
iap_dissent_get_id (IapDissent *self)
{
  g_return_val_if_fail (IAP_IS_DISSENT (self), NULL);

  return self->id;
}

const char *
iap_dissent_get_participant (IapDissent *self)
{
  g_return_val_if_fail (IAP_IS_DISSENT (self), NULL);

  return self->participant;
}

const char *
iap_dissent_get_attribution (IapDissent *self)
{
  g_return_val_if_fail (IAP_IS_DISSENT (self), NULL);

  return self->attribution;
}

const char *
iap_dissent_get_subject (IapDissent *self)
{
  g_return_val_if_fail (IAP_IS_DISSENT (self), NULL);

  return self->subject;
}

const char *
iap_dissent_get_risk (IapDissent *self)
{
  g_return_val_if_fail (IAP_IS_DISSENT (self), NULL);

  return self->risk;
}

const char *
iap_dissent_get_text (IapDissent *self)
{
  g_return_val_if_fail (IAP_IS_DISSENT (self), NULL);

  return self->text;
}
