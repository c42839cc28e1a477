/* iap-participant.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-participant"

#include "config.h"

#include "iap-i18n.h"

#include "iap-participant.h"
#include "iap-property.h"

struct _IapParticipant
{
  GObject parent_instance;

  /* Owned */
  char *id;
  char *pillar;
  char *name;
  char *entity;
};

G_DEFINE_FINAL_TYPE (IapParticipant, iap_participant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PILLAR,
  PROP_NAME,
  PROP_ENTITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_participant_finalize (GObject *object)
{
  IapParticipant *self = (IapParticipant *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->pillar, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->entity, g_free);

  G_OBJECT_CLASS (iap_participant_parent_class)->finalize (object);
}

static void
iap_participant_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IapParticipant *self = IAP_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PILLAR:
      g_value_set_string (value, self->pillar);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ENTITY:
      g_value_set_string (value, self->entity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_participant_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IapParticipant *self = IAP_PARTICIPANT (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_ID:
      changed = iap_set_string (&self->id, g_value_get_string (value));
      break;

    case PROP_PILLAR:
      changed = iap_set_string (&self->pillar, g_value_get_string (value));
      break;

    case PROP_NAME:
      changed = iap_set_string (&self->name, g_value_get_string (value));
      break;

    case PROP_ENTITY:
      changed = iap_set_string (&self->entity, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_participant_class_init (IapParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_participant_finalize;
  object_class->get_property = iap_participant_get_property;
  object_class->set_property = iap_participant_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id",
                         NC_ ("property", "Identifier"),
                         "Stable identifier, unique in the workshop",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PILLAR] =
    g_param_spec_string ("pillar",
                         NC_ ("property", "Pillar"),
                         "Pillar of the UN presence, a pillar catalog id",
                         "other",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name",
                         NC_ ("property", "Name"),
                         "Name of the person; may stay empty",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ENTITY] =
    g_param_spec_string ("entity",
                         NC_ ("property", "Entity"),
                         "Entity the person speaks for, such as UNICEF",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_participant_init (IapParticipant *self)
{
  self->id = g_strdup ("");
  self->pillar = g_strdup ("other");
  self->name = g_strdup ("");
  self->entity = g_strdup ("");
}

IapParticipant *
iap_participant_new (const char  *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (IAP_TYPE_PARTICIPANT,
                       "id", id,
                       NULL);
}

const char *
iap_participant_get_id (IapParticipant *self)
{
  g_return_val_if_fail (IAP_IS_PARTICIPANT (self), NULL);

  return self->id;
}

const char *
iap_participant_get_pillar (IapParticipant *self)
{
  g_return_val_if_fail (IAP_IS_PARTICIPANT (self), NULL);

  return self->pillar;
}

const char *
iap_participant_get_name (IapParticipant *self)
{
  g_return_val_if_fail (IAP_IS_PARTICIPANT (self), NULL);

  return self->name;
}

const char *
iap_participant_get_entity (IapParticipant *self)
{
  g_return_val_if_fail (IAP_IS_PARTICIPANT (self), NULL);

  return self->entity;
}

/**
 * iap_participant_dup_label:
 *
 * The participant as people read them: their name, or "Participant 7"
 * for "p7" when no name was given.
 *
 * Returns: (transfer full): the label
 */
char *
iap_participant_dup_label (IapParticipant *self)
{
  const char *id;

  g_return_val_if_fail (IAP_IS_PARTICIPANT (self), NULL);

  if (self->name != NULL && *self->name != '\0')
    return g_strdup (self->name);
  for (id = self->id; *id != '\0' && !g_ascii_isdigit (*id); id++)
    ;

  return g_strdup_printf (_("Participant %s"), *id != '\0' ? id : self->id);
}
