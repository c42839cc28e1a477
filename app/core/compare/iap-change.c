/* iap-change.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One difference between two workshops (or two rounds of one), or one
 * thing a merge adds: what it is about (a risk, a measure...), which of
 * its fields, the values before and after as files store them, and the
 * same in words for people.
 */

#define G_LOG_DOMAIN "iap-change"

#include "config.h"

#include "iap-i18n.h"

#include "iap-compare-private.h"

struct _IapChange
{
  GObject parent_instance;

  /* Owned */
  IapStep step;
  IapChangeKind kind;
  const char *subject;
  char *id;
  char *old_id;
  const char *field;
  char *field_label;
  char *option;
  char *old_value;
  char *new_value;
  char *heading;
  char *description;
  guint number;
  guint similarity;
  guint old_likelihood;
  guint old_impact;
  int old_band;
  guint new_likelihood;
  guint new_impact;
  int new_band;
};

G_DEFINE_FINAL_TYPE (IapChange, iap_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STEP,
  PROP_KIND,
  PROP_SUBJECT,
  PROP_HEADING,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_change_finalize (GObject *object)
{
  IapChange *self = (IapChange *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->old_id, g_free);
  g_clear_pointer (&self->option, g_free);
  g_clear_pointer (&self->field_label, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);
  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (iap_change_parent_class)->finalize (object);
}

static void
iap_change_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IapChange *self = IAP_CHANGE (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_change_class_init (IapChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_change_finalize;
  object_class->get_property = iap_change_get_property;

  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL,
                       0, IAP_N_STEPS - 1, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       0, IAP_CHANGE_CHANGED, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_change_init (IapChange *self)
{
  self->old_band = -1;
  self->new_band = -1;
}

/* Steps ------------------------------------------------------------------ */

const char *
iap_step_to_id (IapStep step)
{
  static const char * const ids[] = {
    "setup", "context", "matrix", "triple-hatting", "mitigation", "summary",
  };

  g_return_val_if_fail (step < IAP_N_STEPS, NULL);

  return ids[step];
}

const char *
iap_step_to_label (IapStep step)
{
  switch (step)
    {
    case IAP_STEP_SETUP:
      return C_("workshop step", "Set-up");
    case IAP_STEP_CONTEXT:
      return C_("workshop step", "Context");
    case IAP_STEP_MATRIX:
      return C_("workshop step", "Risk matrix");
    case IAP_STEP_TRIPLE_HATTING:
      return C_("workshop step", "Triple-hatting");
    case IAP_STEP_MITIGATION:
      return C_("workshop step", "Mitigation");
    case IAP_STEP_SUMMARY:
      return C_("workshop step", "Summary");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
iap_change_kind_to_id (IapChangeKind kind)
{
  static const char * const ids[] = { "added", "removed", "changed" };

  g_return_val_if_fail (kind <= IAP_CHANGE_CHANGED, NULL);

  return ids[kind];
}

/* Construction, for the comparison and the merge ------------------------- */

/**
 * _iap_change_new:
 * @subject: (not nullable): a static string, such as "risk"
 * @id: (nullable): the item's id in the new workshop, or in the old one
 *   when it was removed
 */
IapChange *
_iap_change_new (IapStep        step,
                 IapChangeKind  kind,
                 const char    *subject,
                 const char    *id)
{
  IapChange *self = g_object_new (IAP_TYPE_CHANGE, NULL);

  self->step = step;
  self->kind = kind;
  self->subject = g_intern_string (subject);
  self->id = g_strdup (id);

  return self;
}

void
_iap_change_set_field (IapChange  *self,
                       const char *field,
                       const char *option)
{
  self->field = g_intern_string (field);
  g_free (self->option);
  self->option = g_strdup (option);
}

void
_iap_change_set_field_label (IapChange  *self,
                             const char *label)
{
  g_free (self->field_label);
  self->field_label = g_strdup (label);
}

void
_iap_change_set_old_id (IapChange  *self,
                        const char *old_id)
{
  g_free (self->old_id);
  self->old_id = g_strdup (old_id);
}

/* As files store them; NULL or "" when absent. */
void
_iap_change_set_values (IapChange  *self,
                        const char *old_value,
                        const char *new_value)
{
  g_free (self->old_value);
  g_free (self->new_value);
  self->old_value = old_value != NULL && *old_value != '\0' ? g_strdup (old_value) : NULL;
  self->new_value = new_value != NULL && *new_value != '\0' ? g_strdup (new_value) : NULL;
}

void
_iap_change_set_text (IapChange  *self,
                      const char *heading,
                      const char *description)
{
  g_free (self->heading);
  g_free (self->description);
  self->heading = g_strdup (heading);
  self->description = g_strdup (description);
}

void
_iap_change_set_number (IapChange *self,
                        guint      number)
{
  self->number = number;
}

void
_iap_change_set_similarity (IapChange *self,
                            guint      similarity)
{
  self->similarity = similarity;
}

/* A level of 0 is no rating; a band of -1 is no band. */
void
_iap_change_set_ratings (IapChange *self,
                         guint      old_likelihood,
                         guint      old_impact,
                         int        old_band,
                         guint      new_likelihood,
                         guint      new_impact,
                         int        new_band)
{
  self->old_likelihood = old_likelihood;
  self->old_impact = old_impact;
  self->old_band = old_band;
  self->new_likelihood = new_likelihood;
  self->new_impact = new_impact;
  self->new_band = new_band;
}

/* Public API ------------------------------------------------------------- */

IapStep
iap_change_get_step (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), IAP_STEP_SETUP);

  return self->step;
}

IapChangeKind
iap_change_get_kind (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), IAP_CHANGE_CHANGED);

  return self->kind;
}

/**
 * iap_change_get_subject:
 *
 * Returns: what changed: "setup", "context", "participant", "environment",
 *   "indicator", "risk", "option", "factor", "mitigation" or
 *   "recommendation"
 */
const char *
iap_change_get_subject (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), NULL);

  return self->subject;
}

/**
 * iap_change_get_id:
 *
 * Returns: (nullable): the id of the item that changed (in the new
 *   workshop; in the old one for an item removed), or of the catalog
 *   entry for an indicator, factor or option
 */
const char *
iap_change_get_id (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), NULL);

  return self->id;
}

/**
 * iap_change_get_old_id:
 *
 * Returns: (nullable): the item's id in the old workshop, when it is
 *   another
 */
const char *
iap_change_get_old_id (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), NULL);

  return self->old_id;
}

/**
 * iap_change_get_field:
 *
 * Returns: (nullable): which field of the item changed, such as "title"
 *   or "inherent"; %NULL when the item was added or removed
 */
const char *
iap_change_get_field (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), NULL);

  return self->field;
}

/**
 * iap_change_get_field_label:
 *
 * Returns: (nullable): the field in words, “Owner”, in the language of
 *   the interface
 */
const char *
iap_change_get_field_label (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), NULL);

  return self->field_label;
}

/**
 * iap_change_get_option:
 *
 * Returns: (nullable): for a factor's score, the option it scores
 */
const char *
iap_change_get_option (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), NULL);

  return self->option;
}

/**
 * iap_change_get_old_value:
 *
 * Returns: (nullable): the value before, as the file stores it (an id, a
 *   date, a text; "4,3" for a rating); %NULL when there was none
 */
const char *
iap_change_get_old_value (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), NULL);

  return self->old_value;
}

const char *
iap_change_get_new_value (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), NULL);

  return self->new_value;
}

/**
 * iap_change_get_heading:
 *
 * Returns: what changed, in words: “R3: Shared compound in Makori”
 */
const char *
iap_change_get_heading (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), NULL);

  return self->heading;
}

/**
 * iap_change_get_description:
 *
 * Returns: how it changed, in words: “Inherent rating: High (4×4) →
 *   Medium (3×3)”
 */
const char *
iap_change_get_description (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), NULL);

  return self->description;
}

/**
 * iap_change_dup_text:
 *
 * Returns: (transfer full): the heading and the description on one line
 */
char *
iap_change_dup_text (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), NULL);

  /* Translators: one change, as “R3: Shared compound — Inherent rating:
   * High (4×4) → Medium (3×3)” */
  return g_strdup_printf (C_("change", "%s — %s"), self->heading, self->description);
}

/**
 * iap_change_get_number:
 *
 * Returns: for a risk, its number in the register of the new workshop
 *   (of the old one when it was removed), from 1; else 0
 */
guint
iap_change_get_number (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), 0);

  return self->number;
}

/**
 * iap_change_get_similarity:
 *
 * Returns: for an item paired by its title rather than its id, how alike
 *   the two titles are, in percent; else 0
 */
guint
iap_change_get_similarity (IapChange *self)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), 0);

  return self->similarity;
}

/**
 * iap_change_get_old_rating:
 * @likelihood: (out) (optional):
 * @impact: (out) (optional):
 * @band: (out) (optional):
 *
 * Returns: whether the change is about a rating (or a median of scores)
 *   and there was one before
 */
gboolean
iap_change_get_old_rating (IapChange *self,
                           guint     *likelihood,
                           guint     *impact,
                           IapBand   *band)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), FALSE);

  if (self->old_likelihood == 0 || self->old_impact == 0)
    return FALSE;
  if (likelihood != NULL)
    *likelihood = self->old_likelihood;
  if (impact != NULL)
    *impact = self->old_impact;
  if (band != NULL)
    *band = MAX (self->old_band, 0);

  return TRUE;
}

gboolean
iap_change_get_new_rating (IapChange *self,
                           guint     *likelihood,
                           guint     *impact,
                           IapBand   *band)
{
  g_return_val_if_fail (IAP_IS_CHANGE (self), FALSE);

  if (self->new_likelihood == 0 || self->new_impact == 0)
    return FALSE;
  if (likelihood != NULL)
    *likelihood = self->new_likelihood;
  if (impact != NULL)
    *impact = self->new_impact;
  if (band != NULL)
    *band = MAX (self->new_band, 0);

  return TRUE;
}
