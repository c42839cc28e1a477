/* iap-option-arrangements.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The integration arrangements a structural option brings, as the
 * workshop agrees them: the risks of the register that an option entails
 * are those of its arrangements.
 */

#define G_LOG_DOMAIN "iap-option-arrangements"

#include "config.h"

#include "iap-i18n.h"

#include "iap-option-arrangements.h"
#include "iap-property.h"

struct _IapOptionArrangements
{
  GObject parent_instance;

  /* Owned */
  char *option;
  char **arrangements;
};

G_DEFINE_FINAL_TYPE (IapOptionArrangements, iap_option_arrangements, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OPTION,
  PROP_ARRANGEMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_option_arrangements_finalize (GObject *object)
{
  IapOptionArrangements *self = (IapOptionArrangements *)object;

  g_clear_pointer (&self->option, g_free);
  g_clear_pointer (&self->arrangements, g_strfreev);

  G_OBJECT_CLASS (iap_option_arrangements_parent_class)->finalize (object);
}

static void
iap_option_arrangements_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  IapOptionArrangements *self = IAP_OPTION_ARRANGEMENTS (object);

  switch (prop_id)
    {
    case PROP_OPTION:
      g_value_set_string (value, self->option);
      break;

    case PROP_ARRANGEMENTS:
      g_value_set_boxed (value, self->arrangements);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_option_arrangements_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  IapOptionArrangements *self = IAP_OPTION_ARRANGEMENTS (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_OPTION:
      changed = iap_set_string (&self->option, g_value_get_string (value));
      break;

    case PROP_ARRANGEMENTS:
      changed = iap_set_strv (&self->arrangements, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_option_arrangements_class_init (IapOptionArrangementsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_option_arrangements_finalize;
  object_class->get_property = iap_option_arrangements_get_property;
  object_class->set_property = iap_option_arrangements_set_property;

  properties[PROP_OPTION] =
    g_param_spec_string ("option",
                         NC_ ("property", "Option"),
                         "The option catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ARRANGEMENTS] =
    g_param_spec_boxed ("arrangements",
                        NC_ ("property", "Arrangements"),
                        "Ids of the arrangements the option brings",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_option_arrangements_init (IapOptionArrangements *self)
{
  self->option = g_strdup ("");
  self->arrangements = g_new0 (char *, 1);
}

IapOptionArrangements *
iap_option_arrangements_new (const char *option)
{
  g_return_val_if_fail (option != NULL, NULL);

  return g_object_new (IAP_TYPE_OPTION_ARRANGEMENTS, "option", option, NULL);
}

const char *
iap_option_arrangements_get_option (IapOptionArrangements *self)
{
  g_return_val_if_fail (IAP_IS_OPTION_ARRANGEMENTS (self), NULL);

  return self->option;
}

const char * const *
iap_option_arrangements_get_arrangements (IapOptionArrangements *self)
{
  g_return_val_if_fail (IAP_IS_OPTION_ARRANGEMENTS (self), NULL);

  return (const char * const *)self->arrangements;
}
