/* iap-risk.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-risk"

#include "config.h"

#include "iap-i18n.h"

#include "iap-band.h"
#include "iap-property.h"
#include "iap-risk.h"

struct _IapRisk
{
  GObject parent_instance;

  /* Owned */
  char *id;
  char *arrangement;
  char *area;
  char *title;
  char *description;
  char *notes;
  guint inherent_likelihood;
  guint inherent_impact;
  guint residual_likelihood;
  guint residual_impact;
  char *accepted_by;
  char *acceptance_role;
  char *acceptance_date;
  char *acceptance_justification;
  char *source;
};

G_DEFINE_FINAL_TYPE (IapRisk, iap_risk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ARRANGEMENT,
  PROP_AREA,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_NOTES,
  PROP_INHERENT_LIKELIHOOD,
  PROP_INHERENT_IMPACT,
  PROP_RESIDUAL_LIKELIHOOD,
  PROP_RESIDUAL_IMPACT,
  PROP_ACCEPTED_BY,
  PROP_ACCEPTANCE_ROLE,
  PROP_ACCEPTANCE_DATE,
  PROP_ACCEPTANCE_JUSTIFICATION,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_risk_finalize (GObject *object)
{
  IapRisk *self = (IapRisk *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->arrangement, g_free);
  g_clear_pointer (&self->area, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->accepted_by, g_free);
  g_clear_pointer (&self->acceptance_role, g_free);
  g_clear_pointer (&self->acceptance_date, g_free);
  g_clear_pointer (&self->acceptance_justification, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (iap_risk_parent_class)->finalize (object);
}

static void
iap_risk_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  IapRisk *self = IAP_RISK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ARRANGEMENT:
      g_value_set_string (value, self->arrangement);
      break;

    case PROP_AREA:
      g_value_set_string (value, self->area);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_INHERENT_LIKELIHOOD:
      g_value_set_uint (value, self->inherent_likelihood);
      break;

    case PROP_INHERENT_IMPACT:
      g_value_set_uint (value, self->inherent_impact);
      break;

    case PROP_RESIDUAL_LIKELIHOOD:
      g_value_set_uint (value, self->residual_likelihood);
      break;

    case PROP_RESIDUAL_IMPACT:
      g_value_set_uint (value, self->residual_impact);
      break;

    case PROP_ACCEPTED_BY:
      g_value_set_string (value, self->accepted_by);
      break;

    case PROP_ACCEPTANCE_ROLE:
      g_value_set_string (value, self->acceptance_role);
      break;

    case PROP_ACCEPTANCE_DATE:
      g_value_set_string (value, self->acceptance_date);
      break;

    case PROP_ACCEPTANCE_JUSTIFICATION:
      g_value_set_string (value, self->acceptance_justification);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_risk_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  IapRisk *self = IAP_RISK (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_ID:
      changed = iap_set_string (&self->id, g_value_get_string (value));
      break;

    case PROP_ARRANGEMENT:
      changed = iap_set_string (&self->arrangement, g_value_get_string (value));
      break;

    case PROP_AREA:
      changed = iap_set_string (&self->area, g_value_get_string (value));
      break;

    case PROP_TITLE:
      changed = iap_set_string (&self->title, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      changed = iap_set_string (&self->description, g_value_get_string (value));
      break;

    case PROP_NOTES:
      changed = iap_set_string (&self->notes, g_value_get_string (value));
      break;

    case PROP_INHERENT_LIKELIHOOD:
      changed = iap_set_uint (&self->inherent_likelihood, g_value_get_uint (value));
      break;

    case PROP_INHERENT_IMPACT:
      changed = iap_set_uint (&self->inherent_impact, g_value_get_uint (value));
      break;

    case PROP_RESIDUAL_LIKELIHOOD:
      changed = iap_set_uint (&self->residual_likelihood, g_value_get_uint (value));
      break;

    case PROP_RESIDUAL_IMPACT:
      changed = iap_set_uint (&self->residual_impact, g_value_get_uint (value));
      break;

    case PROP_ACCEPTED_BY:
      changed = iap_set_string (&self->accepted_by, g_value_get_string (value));
      break;

    case PROP_ACCEPTANCE_ROLE:
      changed = iap_set_string (&self->acceptance_role, g_value_get_string (value));
      break;

    case PROP_ACCEPTANCE_DATE:
      changed = iap_set_string (&self->acceptance_date, g_value_get_string (value));
      break;

    case PROP_ACCEPTANCE_JUSTIFICATION:
      changed = iap_set_string (&self->acceptance_justification, g_value_get_string (value));
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
iap_risk_class_init (IapRiskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_risk_finalize;
  object_class->get_property = iap_risk_get_property;
  object_class->set_property = iap_risk_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id",
                         NC_ ("property", "Identifier"),
                         "Stable identifier, unique in the workshop",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ARRANGEMENT] =
    g_param_spec_string ("arrangement",
                         NC_ ("property", "Arrangement"),
                         "Integration arrangement, an arrangement catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_AREA] =
    g_param_spec_string ("area",
                         NC_ ("property", "Area"),
                         "Humanitarian-space area, an area catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title",
                         NC_ ("property", "Risk title"),
                         "Short statement of the risk",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description",
                         NC_ ("property", "Risk description"),
                         "Cause, event and consequence",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes",
                         NC_ ("property", "Risk notes"),
                         "Notes from the discussion",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_INHERENT_LIKELIHOOD] =
    g_param_spec_uint ("inherent-likelihood",
                       NC_ ("property", "Inherent likelihood"),
                       "Agreed likelihood before mitigation, 0 when not rated",
                       0, IAP_SCALE_MAX_LEVELS, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_INHERENT_IMPACT] =
    g_param_spec_uint ("inherent-impact",
                       NC_ ("property", "Inherent impact"),
                       "Agreed impact before mitigation, 0 when not rated",
                       0, IAP_SCALE_MAX_LEVELS, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_RESIDUAL_LIKELIHOOD] =
    g_param_spec_uint ("residual-likelihood",
                       NC_ ("property", "Residual likelihood"),
                       "Agreed likelihood after mitigation, 0 when not rated",
                       0, IAP_SCALE_MAX_LEVELS, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_RESIDUAL_IMPACT] =
    g_param_spec_uint ("residual-impact",
                       NC_ ("property", "Residual impact"),
                       "Agreed impact after mitigation, 0 when not rated",
                       0, IAP_SCALE_MAX_LEVELS, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCEPTED_BY] =
    g_param_spec_string ("accepted-by",
                         NC_ ("property", "Accepted by"),
                         "Who accepts the residual risk; empty when nobody has",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCEPTANCE_ROLE] =
    g_param_spec_string ("acceptance-role",
                         NC_ ("property", "Acceptance role"),
                         "Role of the person who accepts the residual risk",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCEPTANCE_DATE] =
    g_param_spec_string ("acceptance-date",
                         NC_ ("property", "Acceptance date"),
                         "Date of the acceptance, YYYY-MM-DD",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCEPTANCE_JUSTIFICATION] =
    g_param_spec_string ("acceptance-justification",
                         NC_ ("property", "Acceptance justification"),
                         "Why the residual risk is acceptable",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source",
                         NC_ ("property", "Source"),
                         "Where the risk came from when merged from another workshop file; empty for the workshop's own",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_risk_init (IapRisk *self)
{
  self->id = g_strdup ("");
  self->arrangement = g_strdup ("");
  self->area = g_strdup ("");
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->notes = g_strdup ("");
  self->accepted_by = g_strdup ("");
  self->acceptance_role = g_strdup ("");
  self->acceptance_date = g_strdup ("");
  self->acceptance_justification = g_strdup ("");
  self->source = g_strdup ("");
}

IapRisk *
iap_risk_new (const char  *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (IAP_TYPE_RISK,
                       "id", id,
                       NULL);
}

const char *
iap_risk_get_id (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), NULL);

  return self->id;
}

const char *
iap_risk_get_arrangement (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), NULL);

  return self->arrangement;
}

const char *
iap_risk_get_area (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), NULL);

  return self->area;
}

const char *
iap_risk_get_title (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), NULL);

  return self->title;
}

const char *
iap_risk_get_description (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), NULL);

  return self->description;
}

const char *
iap_risk_get_notes (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), NULL);

  return self->notes;
}

guint
iap_risk_get_inherent_likelihood (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), 0);

  return self->inherent_likelihood;
}

guint
iap_risk_get_inherent_impact (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), 0);

  return self->inherent_impact;
}

guint
iap_risk_get_residual_likelihood (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), 0);

  return self->residual_likelihood;
}

guint
iap_risk_get_residual_impact (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), 0);

  return self->residual_impact;
}

const char *
iap_risk_get_accepted_by (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), NULL);

  return self->accepted_by;
}

const char *
iap_risk_get_acceptance_role (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), NULL);

  return self->acceptance_role;
}

const char *
iap_risk_get_acceptance_date (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), NULL);

  return self->acceptance_date;
}

const char *
iap_risk_get_acceptance_justification (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), NULL);

  return self->acceptance_justification;
}

/**
 * iap_risk_get_source:
 *
 * Returns: where the risk came from when a merge brought it in from
 *   another workshop file, such as “Ebe field office”; "" for the
 *   workshop's own
 */
const char *
iap_risk_get_source (IapRisk *self)
{
  g_return_val_if_fail (IAP_IS_RISK (self), NULL);

  return self->source;
}

/**
 * iap_risk_get_rating:
 * @kind: the inherent or the residual rating
 * @scales: the matrix the rating must lie in
 * @likelihood: (out) (optional): its likelihood level, from 1
 * @impact: (out) (optional): its impact level, from 1
 * @band: (out) (optional): the band of its cell
 *
 * The one test of whether a risk is rated: both levels set and inside
 * @scales. A level left at 0, or outside a matrix made smaller since,
 * is no rating at all, never a score of 0.
 *
 * Returns: whether @self has that rating on @scales; when not, the
 *   out values are left alone
 */
gboolean
iap_risk_get_rating (IapRisk       *self,
                     IapRatingKind  kind,
                     IapScales     *scales,
                     guint         *likelihood,
                     guint         *impact,
                     IapBand       *band)
{
  guint l, m;

  g_return_val_if_fail (IAP_IS_RISK (self), FALSE);
  g_return_val_if_fail (IAP_IS_SCALES (scales), FALSE);

  l = kind == IAP_RATING_INHERENT ? self->inherent_likelihood : self->residual_likelihood;
  m = kind == IAP_RATING_INHERENT ? self->inherent_impact : self->residual_impact;
  if (l == 0 || m == 0 ||
      l > iap_scales_get_n_likelihood (scales) || m > iap_scales_get_n_impact (scales))
    return FALSE;

  if (likelihood != NULL)
    *likelihood = l;
  if (impact != NULL)
    *impact = m;
  if (band != NULL)
    *band = iap_scales_get_band (scales, l, m);

  return TRUE;
}
