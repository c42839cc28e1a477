/* iap-scale-level.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-scale-level"

#include "config.h"

#include "iap-i18n.h"

#include "iap-messages.h"
#include "iap-property.h"
#include "iap-scale-level.h"

struct _IapScaleLevel
{
  GObject parent_instance;

  /* Owned */
  char *label;
  char *definition;
  gboolean is_default;
};

G_DEFINE_FINAL_TYPE (IapScaleLevel, iap_scale_level, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_DEFINITION,
  PROP_DEFAULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_scale_level_finalize (GObject *object)
{
  IapScaleLevel *self = (IapScaleLevel *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->definition, g_free);

  G_OBJECT_CLASS (iap_scale_level_parent_class)->finalize (object);
}

static void
iap_scale_level_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IapScaleLevel *self = IAP_SCALE_LEVEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_DEFINITION:
      g_value_set_string (value, self->definition);
      break;

    case PROP_DEFAULT:
      g_value_set_boolean (value, self->is_default);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_scale_level_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IapScaleLevel *self = IAP_SCALE_LEVEL (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_LABEL:
      changed = iap_set_string (&self->label, g_value_get_string (value));
      break;

    case PROP_DEFINITION:
      changed = iap_set_string (&self->definition, g_value_get_string (value));
      break;

    case PROP_DEFAULT:
      changed = iap_set_boolean (&self->is_default, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_scale_level_class_init (IapScaleLevelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_scale_level_finalize;
  object_class->get_property = iap_scale_level_get_property;
  object_class->set_property = iap_scale_level_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label",
                         NC_ ("property", "Level label"),
                         "What the level is called where people score",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DEFINITION] =
    g_param_spec_string ("definition",
                         NC_ ("property", "Level definition"),
                         "One line saying what the level means",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The label and the definition are the default catalog's, kept in its
   * own (untranslated) words and shown in the reader's language; a level
   * someone edited keeps their words as typed. */
  properties[PROP_DEFAULT] =
    g_param_spec_boolean ("default",
                          NC_ ("property", "Default wording"),
                          "Whether the label and definition are the default catalog's, shown translated",
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_scale_level_init (IapScaleLevel *self)
{
  self->label = g_strdup ("");
  self->definition = g_strdup ("");
}

IapScaleLevel *
iap_scale_level_new (void)
{
  return g_object_new (IAP_TYPE_SCALE_LEVEL, NULL);
}

/* Default wording is looked up where the catalog's own is: context
 * "catalog" of the application's translations. */
static const char *
shown (IapScaleLevel *self,
       const char    *text)
{
  if (!self->is_default || text == NULL || text[0] == '\0')
    return text;

  return iap_messages_dpgettext ("catalog", text);
}

/**
 * iap_scale_level_get_label:
 *
 * Returns: the label as it is shown: translated when it is the default
 *   catalog's, as typed otherwise. The "label" property holds it as stored.
 */
const char *
iap_scale_level_get_label (IapScaleLevel *self)
{
  g_return_val_if_fail (IAP_IS_SCALE_LEVEL (self), NULL);

  return shown (self, self->label);
}

/**
 * iap_scale_level_get_definition:
 *
 * Returns: the definition as it is shown, like iap_scale_level_get_label()
 */
const char *
iap_scale_level_get_definition (IapScaleLevel *self)
{
  g_return_val_if_fail (IAP_IS_SCALE_LEVEL (self), NULL);

  return shown (self, self->definition);
}

gboolean
iap_scale_level_get_is_default (IapScaleLevel *self)
{
  g_return_val_if_fail (IAP_IS_SCALE_LEVEL (self), FALSE);

  return self->is_default;
}
