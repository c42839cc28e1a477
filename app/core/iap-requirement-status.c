/* iap-requirement-status.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * How far the workshop's work meets one IAP minimum requirement or one
 * element of an Integrated Strategic Framework (seeds 000 and 002), as
 * the facilitator records it, with a note.
 */

#define G_LOG_DOMAIN "iap-requirement-status"

#include "config.h"

#include "iap-i18n.h"

#include "iap-requirement-status.h"
#include "iap-property.h"

struct _IapRequirementStatus
{
  GObject parent_instance;

  /* Owned */
  char *requirement;
  char *status;
  char *note;
};

G_DEFINE_FINAL_TYPE (IapRequirementStatus, iap_requirement_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REQUIREMENT,
  PROP_STATUS,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_requirement_status_finalize (GObject *object)
{
  IapRequirementStatus *self = (IapRequirementStatus *)object;

  g_clear_pointer (&self->requirement, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (iap_requirement_status_parent_class)->finalize (object);
}

static void
iap_requirement_status_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  IapRequirementStatus *self = IAP_REQUIREMENT_STATUS (object);

  switch (prop_id)
    {
    case PROP_REQUIREMENT:
      g_value_set_string (value, self->requirement);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_requirement_status_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  IapRequirementStatus *self = IAP_REQUIREMENT_STATUS (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_REQUIREMENT:
      changed = iap_set_string (&self->requirement, g_value_get_string (value));
      break;

    case PROP_STATUS:
      changed = iap_set_string (&self->status, g_value_get_string (value));
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
iap_requirement_status_class_init (IapRequirementStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_requirement_status_finalize;
  object_class->get_property = iap_requirement_status_get_property;
  object_class->set_property = iap_requirement_status_set_property;

  properties[PROP_REQUIREMENT] =
    g_param_spec_string ("requirement",
                         NC_ ("property", "Requirement"),
                         "The requirement catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_string ("status",
                         NC_ ("property", "Status"),
                         "met, partly, not-yet or not-applicable",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note",
                         NC_ ("property", "Note"),
                         "What the status rests on",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_requirement_status_init (IapRequirementStatus *self)
{
  self->requirement = g_strdup ("");
  self->status = g_strdup ("");
  self->note = g_strdup ("");
}

IapRequirementStatus *
iap_requirement_status_new (const char *requirement)
{
  g_return_val_if_fail (requirement != NULL, NULL);

  return g_object_new (IAP_TYPE_REQUIREMENT_STATUS, "requirement", requirement, NULL);
}

const char *
iap_requirement_status_get_requirement (IapRequirementStatus *self)
{
  g_return_val_if_fail (IAP_IS_REQUIREMENT_STATUS (self), NULL);

  return self->requirement;
}

const char *
iap_requirement_status_get_status (IapRequirementStatus *self)
{
  g_return_val_if_fail (IAP_IS_REQUIREMENT_STATUS (self), NULL);

  return self->status;
}

const char *
iap_requirement_status_get_note (IapRequirementStatus *self)
{
  g_return_val_if_fail (IAP_IS_REQUIREMENT_STATUS (self), NULL);

  return self->note;
}
