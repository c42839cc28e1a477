/* iap-integration-area.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One line of the integration map: an area where the mission and the UN
 * Country Team might work together, the depth of integration the group
 * chooses for it, and the three criteria of the IAP policy for that
 * choice (seed 001 section B: “expected impact, transaction costs, and
 * assessment of risks”), each a level of a short ordinal scale with the
 * reason for it. The risks criterion also names the risks of the
 * register it rests on.
 */

#define G_LOG_DOMAIN "iap-integration-area"

#include "config.h"

#include "iap-i18n.h"

#include "iap-integration-area.h"
#include "iap-property.h"

struct _IapIntegrationArea
{
  GObject parent_instance;

  /* Owned */
  char *area;
  char *depth;
  char *impact;
  char *impact_reason;
  char *costs;
  char *costs_reason;
  char *risk_level;
  char *risk_reason;
  char **risks;
};

G_DEFINE_FINAL_TYPE (IapIntegrationArea, iap_integration_area, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AREA,
  PROP_DEPTH,
  PROP_IMPACT,
  PROP_IMPACT_REASON,
  PROP_COSTS,
  PROP_COSTS_REASON,
  PROP_RISK_LEVEL,
  PROP_RISK_REASON,
  PROP_RISKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_integration_area_finalize (GObject *object)
{
  IapIntegrationArea *self = (IapIntegrationArea *)object;

  g_clear_pointer (&self->area, g_free);
  g_clear_pointer (&self->depth, g_free);
  g_clear_pointer (&self->impact, g_free);
  g_clear_pointer (&self->impact_reason, g_free);
  g_clear_pointer (&self->costs, g_free);
  g_clear_pointer (&self->costs_reason, g_free);
  g_clear_pointer (&self->risk_level, g_free);
  g_clear_pointer (&self->risk_reason, g_free);
  g_clear_pointer (&self->risks, g_strfreev);

  G_OBJECT_CLASS (iap_integration_area_parent_class)->finalize (object);
}

static void
iap_integration_area_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IapIntegrationArea *self = IAP_INTEGRATION_AREA (object);

  switch (prop_id)
    {
    case PROP_AREA:
      g_value_set_string (value, self->area);
      break;

    case PROP_DEPTH:
      g_value_set_string (value, self->depth);
      break;

    case PROP_IMPACT:
      g_value_set_string (value, self->impact);
      break;

    case PROP_IMPACT_REASON:
      g_value_set_string (value, self->impact_reason);
      break;

    case PROP_COSTS:
      g_value_set_string (value, self->costs);
      break;

    case PROP_COSTS_REASON:
      g_value_set_string (value, self->costs_reason);
      break;

    case PROP_RISK_LEVEL:
      g_value_set_string (value, self->risk_level);
      break;

    case PROP_RISK_REASON:
      g_value_set_string (value, self->risk_reason);
      break;

    case PROP_RISKS:
      g_value_set_boxed (value, self->risks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_integration_area_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IapIntegrationArea *self = IAP_INTEGRATION_AREA (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_AREA:
      changed = iap_set_string (&self->area, g_value_get_string (value));
      break;

    case PROP_DEPTH:
      changed = iap_set_string (&self->depth, g_value_get_string (value));
      break;

    case PROP_IMPACT:
      changed = iap_set_string (&self->impact, g_value_get_string (value));
      break;

    case PROP_IMPACT_REASON:
      changed = iap_set_string (&self->impact_reason, g_value_get_string (value));
      break;

    case PROP_COSTS:
      changed = iap_set_string (&self->costs, g_value_get_string (value));
      break;

    case PROP_COSTS_REASON:
      changed = iap_set_string (&self->costs_reason, g_value_get_string (value));
      break;

    case PROP_RISK_LEVEL:
      changed = iap_set_string (&self->risk_level, g_value_get_string (value));
      break;

    case PROP_RISK_REASON:
      changed = iap_set_string (&self->risk_reason, g_value_get_string (value));
      break;

    case PROP_RISKS:
      changed = iap_set_strv (&self->risks, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_integration_area_class_init (IapIntegrationAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_integration_area_finalize;
  object_class->get_property = iap_integration_area_get_property;
  object_class->set_property = iap_integration_area_set_property;

  properties[PROP_AREA] =
    g_param_spec_string ("area",
                         NC_ ("property", "Integration area"),
                         "The integration-area catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DEPTH] =
    g_param_spec_string ("depth",
                         NC_ ("property", "Depth"),
                         "The depth catalog id chosen for the area, empty while undecided",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_IMPACT] =
    g_param_spec_string ("impact",
                         NC_ ("property", "Expected impact"),
                         "low, medium or high, empty while not assessed",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_IMPACT_REASON] =
    g_param_spec_string ("impact-reason",
                         NC_ ("property", "Reason for the expected impact"),
                         "Why the group expects that impact",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_COSTS] =
    g_param_spec_string ("costs",
                         NC_ ("property", "Transaction costs"),
                         "low, medium or high, empty while not assessed",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_COSTS_REASON] =
    g_param_spec_string ("costs-reason",
                         NC_ ("property", "Reason for the transaction costs"),
                         "Why the group expects those transaction costs",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_RISK_LEVEL] =
    g_param_spec_string ("risk-level",
                         NC_ ("property", "Risks"),
                         "low, medium or high, empty while not assessed",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_RISK_REASON] =
    g_param_spec_string ("risk-reason",
                         NC_ ("property", "Reason for the risks"),
                         "Why the group assesses the risks so",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_RISKS] =
    g_param_spec_boxed ("risks",
                        NC_ ("property", "Linked risks"),
                        "Ids of the risks of the register the risks criterion rests on",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_integration_area_init (IapIntegrationArea *self)
{
  self->area = g_strdup ("");
  self->depth = g_strdup ("");
  self->impact = g_strdup ("");
  self->impact_reason = g_strdup ("");
  self->costs = g_strdup ("");
  self->costs_reason = g_strdup ("");
  self->risk_level = g_strdup ("");
  self->risk_reason = g_strdup ("");
  self->risks = g_new0 (char *, 1);
}

IapIntegrationArea *
iap_integration_area_new (const char *area)
{
  g_return_val_if_fail (area != NULL, NULL);

  return g_object_new (IAP_TYPE_INTEGRATION_AREA, "area", area, NULL);
}

const char *
iap_integration_area_get_area (IapIntegrationArea *self)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), NULL);

  return self->area;
}

const char *
iap_integration_area_get_depth (IapIntegrationArea *self)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), NULL);

  return self->depth;
}

const char *
iap_integration_area_get_impact (IapIntegrationArea *self)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), NULL);

  return self->impact;
}

const char *
iap_integration_area_get_impact_reason (IapIntegrationArea *self)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), NULL);

  return self->impact_reason;
}

const char *
iap_integration_area_get_costs (IapIntegrationArea *self)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), NULL);

  return self->costs;
}

const char *
iap_integration_area_get_costs_reason (IapIntegrationArea *self)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), NULL);

  return self->costs_reason;
}

const char *
iap_integration_area_get_risk_level (IapIntegrationArea *self)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), NULL);

  return self->risk_level;
}

const char *
iap_integration_area_get_risk_reason (IapIntegrationArea *self)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), NULL);

  return self->risk_reason;
}

const char * const *
iap_integration_area_get_risks (IapIntegrationArea *self)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), NULL);

  return (const char * const *)self->risks;
}
