/* iap-conflict.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An item that a merged file has too, with other values than the open
 * workshop: the same risk rated differently, the same measure with
 * another owner. The facilitator decides which values stay, or keeps
 * both items apart; what either side has and the other lacks is not a
 * conflict, and the merge takes it.
 */

#define G_LOG_DOMAIN "iap-conflict"

#include "config.h"

#include "iap-i18n.h"

#include "iap-merge-private.h"
#include "iap-conflict.h"

struct _IapConflict
{
  GObject parent_instance;

  /* Owned */
  const char *subject;
  char *id;
  char *their_id;
  char *heading;
  char *description;
  char *source_name;
  GListStore *fields;
  gboolean can_keep_both;
  IapResolution resolution;
};

G_DEFINE_FINAL_TYPE (IapConflict, iap_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HEADING,
  PROP_DESCRIPTION,
  PROP_CAN_KEEP_BOTH,
  PROP_RESOLUTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_conflict_finalize (GObject *object)
{
  IapConflict *self = (IapConflict *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->their_id, g_free);
  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_object (&self->fields);

  G_OBJECT_CLASS (iap_conflict_parent_class)->finalize (object);
}

static void
iap_conflict_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IapConflict *self = IAP_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_CAN_KEEP_BOTH:
      g_value_set_boolean (value, self->can_keep_both);
      break;

    case PROP_RESOLUTION:
      g_value_set_uint (value, self->resolution);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_conflict_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IapConflict *self = IAP_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_RESOLUTION:
      iap_conflict_set_resolution (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_conflict_class_init (IapConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_conflict_finalize;
  object_class->get_property = iap_conflict_get_property;
  object_class->set_property = iap_conflict_set_property;

  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_KEEP_BOTH] =
    g_param_spec_boolean ("can-keep-both", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* An #IapResolution */
  properties[PROP_RESOLUTION] =
    g_param_spec_uint ("resolution", NULL, NULL,
                       IAP_RESOLUTION_NONE, IAP_RESOLUTION_BOTH, IAP_RESOLUTION_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_conflict_init (IapConflict *self)
{
  self->fields = g_list_store_new (IAP_TYPE_CHANGE);
}

/* For the merge ---------------------------------------------------------- */

/**
 * _iap_conflict_new:
 * @id: the item's id in the workshop merged into
 * @their_id: (nullable): its id in the merged file
 */
IapConflict *
_iap_conflict_new (const char *subject,
                   const char *id,
                   const char *their_id,
                   const char *heading,
                   const char *source_name,
                   gboolean    can_keep_both)
{
  IapConflict *self = g_object_new (IAP_TYPE_CONFLICT, NULL);

  self->subject = g_intern_string (subject);
  self->id = g_strdup (id);
  self->their_id = g_strdup (their_id);
  self->heading = g_strdup (heading);
  self->source_name = g_strdup (source_name);
  self->can_keep_both = can_keep_both;

  return self;
}

/* One field the two sides disagree on; its description says how. */
void
_iap_conflict_add_field (IapConflict *self,
                         IapChange   *field)
{
  g_autofree char *description = NULL;

  g_list_store_append (self->fields, field);
  description = self->description != NULL
    ? g_strconcat (self->description, "\n", iap_change_get_description (field), NULL)
    : g_strdup (iap_change_get_description (field));
  g_free (self->description);
  self->description = g_steal_pointer (&description);
}

/* Public API ------------------------------------------------------------- */

const char *
iap_resolution_to_id (IapResolution resolution)
{
  static const char * const ids[] = { "none", "ours", "theirs", "both" };

  g_return_val_if_fail (resolution <= IAP_RESOLUTION_BOTH, NULL);

  return ids[resolution];
}

gboolean
iap_resolution_from_id (const char    *id,
                        IapResolution *resolution)
{
  for (IapResolution r = IAP_RESOLUTION_NONE; r <= IAP_RESOLUTION_BOTH; r++)
    if (g_strcmp0 (id, iap_resolution_to_id (r)) == 0)
      {
        if (resolution != NULL)
          *resolution = r;
        return TRUE;
      }

  return FALSE;
}

/**
 * iap_conflict_get_subject:
 *
 * Returns: what the conflict is about: "participant", "risk",
 *   "mitigation", "indicator", "context", "environment", "factor" or
 *   "recommendation"
 */
const char *
iap_conflict_get_subject (IapConflict *self)
{
  g_return_val_if_fail (IAP_IS_CONFLICT (self), NULL);

  return self->subject;
}

/**
 * iap_conflict_get_id:
 *
 * Returns: (nullable): the item's id in the workshop merged into (for an
 *   indicator or a factor, its catalog id)
 */
const char *
iap_conflict_get_id (IapConflict *self)
{
  g_return_val_if_fail (IAP_IS_CONFLICT (self), NULL);

  return self->id;
}

/**
 * iap_conflict_get_their_id:
 *
 * Returns: (nullable): the item's id in the file merged
 */
const char *
iap_conflict_get_their_id (IapConflict *self)
{
  g_return_val_if_fail (IAP_IS_CONFLICT (self), NULL);

  return self->their_id;
}

const char *
iap_conflict_get_heading (IapConflict *self)
{
  g_return_val_if_fail (IAP_IS_CONFLICT (self), NULL);

  return self->heading;
}

/**
 * iap_conflict_get_description:
 *
 * Returns: each field the two sides disagree on, one a line: “Owner:
 *   “Amara Diallo, OCHA” here, “Yusuf Abdi, WFP” in “Ebe field office””
 */
const char *
iap_conflict_get_description (IapConflict *self)
{
  g_return_val_if_fail (IAP_IS_CONFLICT (self), NULL);

  return self->description;
}

/**
 * iap_conflict_get_source_name:
 *
 * Returns: the name of the file the other values come from
 */
const char *
iap_conflict_get_source_name (IapConflict *self)
{
  g_return_val_if_fail (IAP_IS_CONFLICT (self), NULL);

  return self->source_name;
}

/**
 * iap_conflict_get_fields:
 *
 * Returns: (transfer none): an #IapChange for each field the two sides
 *   disagree on: the old value is ours, the new one theirs
 */
GListModel *
iap_conflict_get_fields (IapConflict *self)
{
  g_return_val_if_fail (IAP_IS_CONFLICT (self), NULL);

  return G_LIST_MODEL (self->fields);
}

/**
 * iap_conflict_get_can_keep_both:
 *
 * Returns: whether the two can be kept as separate items: risks and
 *   measures can, a context or a recommendation cannot
 */
gboolean
iap_conflict_get_can_keep_both (IapConflict *self)
{
  g_return_val_if_fail (IAP_IS_CONFLICT (self), FALSE);

  return self->can_keep_both;
}

IapResolution
iap_conflict_get_resolution (IapConflict *self)
{
  g_return_val_if_fail (IAP_IS_CONFLICT (self), IAP_RESOLUTION_NONE);

  return self->resolution;
}

/**
 * iap_conflict_set_resolution:
 *
 * Decides the conflict. %IAP_RESOLUTION_BOTH, where two items cannot be
 * kept apart, is refused.
 */
void
iap_conflict_set_resolution (IapConflict   *self,
                             IapResolution  resolution)
{
  g_return_if_fail (IAP_IS_CONFLICT (self));
  g_return_if_fail (resolution <= IAP_RESOLUTION_BOTH);
  g_return_if_fail (resolution != IAP_RESOLUTION_BOTH || self->can_keep_both);

  if (self->resolution == resolution)
    return;

  self->resolution = resolution;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
}
