/* iap-mitigation.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-mitigation"

#include "config.h"

#include "iap-i18n.h"

#include "iap-mitigation.h"
#include "iap-property.h"

struct _IapMitigation
{
  GObject parent_instance;

  /* Owned */
  char *id;
  char *measure;
  char *title;
  char *status;
  char *treatment;
  char *due;
  char *owner;
  char *owner_entity;
  char *notes;
  char *source;
  char **risks;
  char **factors;
};

G_DEFINE_FINAL_TYPE (IapMitigation, iap_mitigation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEASURE,
  PROP_TITLE,
  PROP_STATUS,
  PROP_TREATMENT,
  PROP_DUE,
  PROP_OWNER,
  PROP_OWNER_ENTITY,
  PROP_NOTES,
  PROP_RISKS,
  PROP_FACTORS,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_mitigation_finalize (GObject *object)
{
  IapMitigation *self = (IapMitigation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->measure, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->treatment, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->owner_entity, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->risks, g_strfreev);
  g_clear_pointer (&self->factors, g_strfreev);

  G_OBJECT_CLASS (iap_mitigation_parent_class)->finalize (object);
}

static void
iap_mitigation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IapMitigation *self = IAP_MITIGATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_MEASURE:
      g_value_set_string (value, self->measure);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_TREATMENT:
      g_value_set_string (value, self->treatment);
      break;

    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_OWNER_ENTITY:
      g_value_set_string (value, self->owner_entity);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_RISKS:
      g_value_set_boxed (value, self->risks);
      break;

    case PROP_FACTORS:
      g_value_set_boxed (value, self->factors);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_mitigation_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IapMitigation *self = IAP_MITIGATION (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_ID:
      changed = iap_set_string (&self->id, g_value_get_string (value));
      break;

    case PROP_MEASURE:
      changed = iap_set_string (&self->measure, g_value_get_string (value));
      break;

    case PROP_TITLE:
      changed = iap_set_string (&self->title, g_value_get_string (value));
      break;

    case PROP_STATUS:
      changed = iap_set_string (&self->status, g_value_get_string (value));
      break;

    case PROP_TREATMENT:
      changed = iap_set_string (&self->treatment, g_value_get_string (value));
      break;

    case PROP_DUE:
      changed = iap_set_string (&self->due, g_value_get_string (value));
      break;

    case PROP_OWNER:
      changed = iap_set_string (&self->owner, g_value_get_string (value));
      break;

    case PROP_OWNER_ENTITY:
      changed = iap_set_string (&self->owner_entity, g_value_get_string (value));
      break;

    case PROP_NOTES:
      changed = iap_set_string (&self->notes, g_value_get_string (value));
      break;

    case PROP_RISKS:
      changed = iap_set_strv (&self->risks, g_value_get_boxed (value));
      break;

    case PROP_FACTORS:
      changed = iap_set_strv (&self->factors, g_value_get_boxed (value));
      break;

    case PROP_SOURCE:
      changed = iap_set_string (&self->source, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_mitigation_class_init (IapMitigationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_mitigation_finalize;
  object_class->get_property = iap_mitigation_get_property;
  object_class->set_property = iap_mitigation_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id",
                         NC_ ("property", "Identifier"),
                         "Stable identifier, unique in the workshop",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_MEASURE] =
    g_param_spec_string ("measure",
                         NC_ ("property", "Measure"),
                         "Mitigation measure, a measure catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title",
                         NC_ ("property", "Action"),
                         "The action, in the words of the workshop",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_string ("status",
                         NC_ ("property", "Status"),
                         "planned, in-progress, done or dropped",
                         "planned",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TREATMENT] =
    g_param_spec_string ("treatment",
                         NC_ ("property", "Treatment"),
                         "avoid, reduce-likelihood, reduce-impact, share or accept; empty when not tagged",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DUE] =
    g_param_spec_string ("due",
                         NC_ ("property", "Due date"),
                         "Due date, YYYY-MM-DD",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER] =
    g_param_spec_string ("owner",
                         NC_ ("property", "Owner"),
                         "Person responsible",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER_ENTITY] =
    g_param_spec_string ("owner-entity",
                         NC_ ("property", "Owner entity"),
                         "Entity of the person responsible",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes",
                         NC_ ("property", "Mitigation notes"),
                         "Notes on progress",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_RISKS] =
    g_param_spec_boxed ("risks",
                        NC_ ("property", "Linked risks"),
                        "Identifiers of the risks the measure treats",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_FACTORS] =
    g_param_spec_boxed ("factors",
                        NC_ ("property", "Linked factors"),
                        "Triple-hatting factors the measure addresses",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source",
                         NC_ ("property", "Source"),
                         "Where the measure came from when merged from another workshop file; empty for the workshop's own",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_mitigation_init (IapMitigation *self)
{
  self->id = g_strdup ("");
  self->measure = g_strdup ("");
  self->title = g_strdup ("");
  self->status = g_strdup ("planned");
  self->treatment = g_strdup ("");
  self->due = g_strdup ("");
  self->owner = g_strdup ("");
  self->owner_entity = g_strdup ("");
  self->notes = g_strdup ("");
  self->source = g_strdup ("");
  self->risks = g_new0 (char *, 1);
  self->factors = g_new0 (char *, 1);
}

IapMitigation *
iap_mitigation_new (const char  *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (IAP_TYPE_MITIGATION,
                       "id", id,
                       NULL);
}

const char *
iap_mitigation_get_id (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return self->id;
}

const char *
iap_mitigation_get_measure (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return self->measure;
}

const char *
iap_mitigation_get_title (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return self->title;
}

const char *
iap_mitigation_get_status (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return self->status;
}

const char *
iap_mitigation_get_treatment (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return self->treatment;
}

const char *
iap_mitigation_get_due (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return self->due;
}

const char *
iap_mitigation_get_owner (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return self->owner;
}

const char *
iap_mitigation_get_owner_entity (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return self->owner_entity;
}

const char *
iap_mitigation_get_notes (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return self->notes;
}

/**
 * iap_mitigation_get_source:
 *
 * Returns: where the mitigation came from when a merge brought it in from
 *   another workshop file, such as “Ebe field office”; "" for the
 *   workshop's own
 */
const char *
iap_mitigation_get_source (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return self->source;
}

const char * const *
iap_mitigation_get_risks (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return (const char * const *)self->risks;
}

const char * const *
iap_mitigation_get_factors (IapMitigation *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION (self), NULL);

  return (const char * const *)self->factors;
}

/* The label of a status or treatment id, for the plan on screen and in
 * print. */
const char *
iap_mitigation_status_label (const char *status)
{
  if (g_strcmp0 (status, "in-progress") == 0)
    return C_("mitigation status", "In progress");
  if (g_strcmp0 (status, "done") == 0)
    return C_("mitigation status", "Done");
  if (g_strcmp0 (status, "dropped") == 0)
    return C_("mitigation status", "Dropped");
  return C_("mitigation status", "Planned");
}

const char *
iap_mitigation_treatment_label (const char *treatment)
{
  if (g_strcmp0 (treatment, "avoid") == 0)
    return C_("risk treatment", "Avoid");
  if (g_strcmp0 (treatment, "reduce-likelihood") == 0)
    return C_("risk treatment", "Reduce likelihood");
  if (g_strcmp0 (treatment, "reduce-impact") == 0)
    return C_("risk treatment", "Reduce impact");
  if (g_strcmp0 (treatment, "share") == 0)
    return C_("risk treatment", "Share");
  if (g_strcmp0 (treatment, "accept") == 0)
    return C_("risk treatment", "Accept");
  return C_("risk treatment", "Not tagged");
}
