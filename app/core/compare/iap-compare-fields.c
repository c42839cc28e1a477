/* iap-compare-fields.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-compare"

#include "config.h"

#include <string.h>

#include "iap-i18n.h"

#include "iap-compare-private.h"
#include "iap-environment.h"

#define END { NULL, NULL, IAP_VALUE_TEXT, NULL, { NULL } }

const IapCompareField iap_compare_setup_fields[] = {
  { "title", NC_ ("change field", "Title"), IAP_VALUE_TEXT, NULL, { "title" } },
  { "country", NC_ ("change field", "Country"), IAP_VALUE_TEXT, NULL, { "country" } },
  { "start-date", NC_ ("change field", "Start date"), IAP_VALUE_DATE, NULL, { "start-date" } },
  { "end-date", NC_ ("change field", "End date"), IAP_VALUE_DATE, NULL, { "end-date" } },
  { "facilitator", NC_ ("change field", "Facilitator"), IAP_VALUE_TEXT, NULL, { "facilitator" } },
  { "classification", NC_ ("change field", "Classification"), IAP_VALUE_CHOICE, "classification",
    { "classification" } },
  { "review-date", NC_ ("change field", "Review date"), IAP_VALUE_DATE, NULL, { "review-date" } },
  END
};

const IapCompareField iap_compare_context_fields[] = {
  { "unct", NC_ ("change field", "UN Country Team present"), IAP_VALUE_CHOICE, "answer", { "unct" } },
  { "mission", NC_ ("change field", "Mission present"), IAP_VALUE_CHOICE, "answer", { "mission" } },
  { "mission-type", NC_ ("change field", "Mission type"), IAP_VALUE_REF, IAP_CATALOG_MISSION_TYPE,
    { "mission-type" } },
  { "phase", NC_ ("change field", "Phase"), IAP_VALUE_REF, IAP_CATALOG_PHASE, { "phase" } },
  { "current-option", NC_ ("change field", "Current configuration"), IAP_VALUE_REF, IAP_CATALOG_OPTION,
    { "current-option" } },
  { "mandate", NC_ ("change field", "Mandate"), IAP_VALUE_TEXT, NULL, { "mandate" } },
  END
};

const IapCompareField iap_compare_override_fields[] = {
  { "override", NC_ ("change field", "Facilitator's classification"), IAP_VALUE_CHOICE, "environment",
    { "environment-override" } },
  { "justification", NC_ ("change field", "Justification"), IAP_VALUE_TEXT, NULL,
    { "override-justification" } },
  END
};

const IapCompareField iap_compare_recommendation_fields[] = {
  { "option", NC_ ("change field", "Recommended option"), IAP_VALUE_REF, IAP_CATALOG_OPTION,
    { "recommendation" } },
  { "rationale", NC_ ("change field", "Rationale"), IAP_VALUE_TEXT, NULL, { "rationale" } },
  { "conditions", NC_ ("change field", "Conditions"), IAP_VALUE_TEXT, NULL, { "conditions" } },
  END
};

const IapCompareField iap_compare_participant_fields[] = {
  { "name", NC_ ("change field", "Name"), IAP_VALUE_TEXT, NULL, { "name" } },
  { "pillar", NC_ ("change field", "Pillar"), IAP_VALUE_REF, IAP_CATALOG_PILLAR, { "pillar" } },
  { "entity", NC_ ("change field", "Entity"), IAP_VALUE_TEXT, NULL, { "entity" } },
  END
};

const IapCompareField iap_compare_indicator_fields[] = {
  { "answer", NC_ ("change field", "Answer"), IAP_VALUE_CHOICE, "answer", { "answer" } },
  { "note", NC_ ("change field", "Note"), IAP_VALUE_TEXT, NULL, { "note" } },
  END
};

const IapCompareField iap_compare_risk_fields[] = {
  { "title", NC_ ("change field", "Title"), IAP_VALUE_TEXT, NULL, { "title" } },
  { "arrangement", NC_ ("change field", "Arrangement"), IAP_VALUE_REF, IAP_CATALOG_ARRANGEMENT,
    { "arrangement" } },
  { "area", NC_ ("change field", "Area"), IAP_VALUE_REF, IAP_CATALOG_AREA, { "area" } },
  { "inherent", NC_ ("change field", "Inherent rating"), IAP_VALUE_RATING, NULL,
    { "inherent-likelihood", "inherent-impact" } },
  { "residual", NC_ ("change field", "Residual rating"), IAP_VALUE_RATING, NULL,
    { "residual-likelihood", "residual-impact" } },
  { "description", NC_ ("change field", "Description"), IAP_VALUE_TEXT, NULL, { "description" } },
  { "notes", NC_ ("change field", "Notes"), IAP_VALUE_TEXT, NULL, { "notes" } },
  { "acceptance", NC_ ("change field", "Acceptance"), IAP_VALUE_TEXT, NULL,
    { "accepted-by", "acceptance-role", "acceptance-date", "acceptance-justification" } },
  END
};

const IapCompareField iap_compare_mitigation_fields[] = {
  { "title", NC_ ("change field", "Action"), IAP_VALUE_TEXT, NULL, { "title" } },
  { "measure", NC_ ("change field", "Measure"), IAP_VALUE_REF, IAP_CATALOG_MEASURE, { "measure" } },
  { "owner", NC_ ("change field", "Owner"), IAP_VALUE_TEXT, NULL, { "owner", "owner-entity" } },
  { "due", NC_ ("change field", "Due date"), IAP_VALUE_DATE, NULL, { "due" } },
  { "status", NC_ ("change field", "Status"), IAP_VALUE_CHOICE, "status", { "status" } },
  { "treatment", NC_ ("change field", "Treatment"), IAP_VALUE_CHOICE, "treatment", { "treatment" } },
  { "risks", NC_ ("change field", "Risks treated"), IAP_VALUE_RISKS, NULL, { "risks" } },
  { "factors", NC_ ("change field", "Factors addressed"), IAP_VALUE_REFS, IAP_CATALOG_FACTOR,
    { "factors" } },
  { "notes", NC_ ("change field", "Notes"), IAP_VALUE_TEXT, NULL, { "notes" } },
  END
};

const char *
_iap_compare_field_label (const IapCompareField *field)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "change field", field->label);
}

/* Reading values --------------------------------------------------------- */

static char *
get_string (GObject    *item,
            const char *property)
{
  char *value = NULL;

  g_object_get (item, property, &value, NULL);

  return value != NULL ? value : g_strdup ("");
}

static GStrv
get_strv (GObject    *item,
          const char *property)
{
  GStrv value = NULL;

  g_object_get (item, property, &value, NULL);

  return value != NULL ? value : g_new0 (char *, 1);
}

static gboolean
get_levels (const IapCompareField *field,
            GObject               *item,
            guint                 *likelihood,
            guint                 *impact)
{
  g_object_get (item, field->properties[0], likelihood, field->properties[1], impact, NULL);

  return *likelihood > 0 && *impact > 0;
}

/* The parts of a text field, as one string: "" when all are empty. */
static char *
join_parts (const IapCompareField *field,
            GObject               *item,
            const char            *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean any = FALSE;

  for (guint p = 0; field->properties[p] != NULL; p++)
    {
      g_autofree char *part = get_string (item, field->properties[p]);

      if (p > 0)
        g_string_append (text, separator);
      g_string_append (text, part);
      any |= *part != '\0';
    }

  return any ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup ("");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static char *
join_sorted (GPtrArray *keys)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; i < keys->len; i++)
    {
      if (i > 0 && g_str_equal (keys->pdata[i], keys->pdata[i - 1]))
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, keys->pdata[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
remap (guint level,
       guint n_own,
       guint n_other)
{
  if (n_other == 0 || n_other == n_own)
    return level;

  return iap_workshop_remap_level (level, n_own, n_other);
}

/**
 * _iap_compare_dup_key:
 *
 * The value of @field of @item, as a key that is equal for two items of
 * two workshops when they mean the same.
 *
 * Returns: (transfer full): the key, "" when the field is empty
 */
char *
_iap_compare_dup_key (const IapCompareField *field,
                      const IapCompareSide  *side,
                      GObject               *item)
{
  IapScales *scales = iap_workshop_get_scales (side->workshop);
  guint likelihood, impact;

  switch (field->type)
    {
    case IAP_VALUE_TEXT:
    case IAP_VALUE_DATE:
    case IAP_VALUE_CHOICE:
      return join_parts (field, item, "\x1f");

    case IAP_VALUE_REF:
      {
        g_autofree char *id = get_string (item, field->properties[0]);

        return iap_match_canonical_ref (side->workshop, field->kind, id);
      }

    case IAP_VALUE_REFS:
    case IAP_VALUE_RISKS:
      {
        g_auto(GStrv) ids = get_strv (item, field->properties[0]);
        g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

        for (guint i = 0; ids[i] != NULL; i++)
          {
            const char *mapped;

            if (field->type == IAP_VALUE_REFS)
              g_ptr_array_add (keys, iap_match_canonical_ref (side->workshop, field->kind, ids[i]));
            else if (side->risk_ids == NULL)
              g_ptr_array_add (keys, g_strdup (ids[i]));
            else if ((mapped = g_hash_table_lookup (side->risk_ids, ids[i])) != NULL)
              g_ptr_array_add (keys, g_strdup (mapped));
            else
              /* A risk the other side does not have */
              g_ptr_array_add (keys, g_strconcat ("-", ids[i], NULL));
          }

        return join_sorted (keys);
      }

    case IAP_VALUE_RATING:
      if (!get_levels (field, item, &likelihood, &impact))
        return g_strdup ("");
      return g_strdup_printf ("%u,%u",
                              remap (likelihood, iap_scales_get_n_likelihood (scales), side->n_likelihood),
                              remap (impact, iap_scales_get_n_impact (scales), side->n_impact));

    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/**
 * _iap_compare_dup_raw:
 *
 * Returns: (transfer full): the value as the file stores it: ids, a date,
 *   the text (parts joined by ", "), "4,3" for a rating; "" when empty
 */
char *
_iap_compare_dup_raw (const IapCompareField *field,
                      GObject               *item)
{
  guint likelihood, impact;

  switch (field->type)
    {
    case IAP_VALUE_TEXT:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint p = 0; field->properties[p] != NULL; p++)
          {
            g_autofree char *part = get_string (item, field->properties[p]);

            if (*part == '\0')
              continue;
            if (text->len > 0)
              g_string_append (text, ", ");
            g_string_append (text, part);
          }
        return g_string_free (g_steal_pointer (&text), FALSE);
      }

    case IAP_VALUE_DATE:
    case IAP_VALUE_CHOICE:
    case IAP_VALUE_REF:
      return get_string (item, field->properties[0]);

    case IAP_VALUE_REFS:
    case IAP_VALUE_RISKS:
      {
        g_auto(GStrv) ids = get_strv (item, field->properties[0]);

        return g_strjoinv (" ", ids);
      }

    case IAP_VALUE_RATING:
      if (!get_levels (field, item, &likelihood, &impact))
        return g_strdup ("");
      return g_strdup_printf ("%u,%u", likelihood, impact);

    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/**
 * _iap_compare_get_rating:
 * @band: (out): the band of the rating's cell in @workshop
 *
 * Returns: whether @field is a rating and @item has it
 */
gboolean
_iap_compare_get_rating (const IapCompareField *field,
                         GObject               *item,
                         IapWorkshop           *workshop,
                         guint                 *likelihood,
                         guint                 *impact,
                         int                   *band)
{
  IapScales *scales = iap_workshop_get_scales (workshop);

  if (field->type != IAP_VALUE_RATING || !get_levels (field, item, likelihood, impact) ||
      *likelihood > iap_scales_get_n_likelihood (scales) || *impact > iap_scales_get_n_impact (scales))
    return FALSE;

  *band = iap_scales_get_band (scales, *likelihood, *impact);

  return TRUE;
}

/* Words ------------------------------------------------------------------ */

const char *
_iap_compare_choice_label (const char *kind,
                           const char *id)
{
  IapEnvironmentLevel level;

  if (g_strcmp0 (kind, "status") == 0)
    return iap_mitigation_status_label (id);
  if (g_strcmp0 (kind, "treatment") == 0)
    return iap_mitigation_treatment_label (id);
  if (g_strcmp0 (kind, "environment") == 0 && iap_environment_level_from_id (id, &level))
    return iap_environment_level_to_label (level);

  if (g_strcmp0 (kind, "answer") == 0)
    {
      if (g_strcmp0 (id, "yes") == 0)
        return C_("answer", "Yes");
      if (g_strcmp0 (id, "no") == 0)
        return C_("answer", "No");
      if (g_strcmp0 (id, "unknown") == 0)
        return C_("answer", "Unknown");
    }

  if (g_strcmp0 (kind, "classification") == 0)
    {
      if (g_strcmp0 (id, "unclassified") == 0)
        return C_("classification", "Unclassified");
      if (g_strcmp0 (id, "internal") == 0)
        return C_("classification", "Internal");
      if (g_strcmp0 (id, "confidential") == 0)
        return C_("classification", "Confidential");
      if (g_strcmp0 (id, "strictly-confidential") == 0)
        return C_("classification", "Strictly confidential");
    }

  return id;
}

char *
_iap_compare_dup_ref_label (IapWorkshop *workshop,
                            const char  *kind,
                            const char  *id)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (workshop), kind, id);

  return g_strdup (entry != NULL ? iap_catalog_entry_get_label (entry) : id);
}

/* “High (4×3)”: the band, then likelihood and impact, never their product. */
char *
_iap_compare_dup_rating_text (IapWorkshop *workshop,
                              guint        likelihood,
                              guint        impact)
{
  IapScales *scales = iap_workshop_get_scales (workshop);

  if (likelihood == 0 || impact == 0 ||
      likelihood > iap_scales_get_n_likelihood (scales) || impact > iap_scales_get_n_impact (scales))
    return g_strdup (C_("rating", "Not rated"));

  /* Translators: a rating: its band, then its likelihood and impact
   * levels, as in “High (4×3)” */
  return g_strdup_printf (C_("change rating", "%s (%u×%u)"),
                          iap_band_get_label (iap_scales_get_band (scales, likelihood, impact)),
                          likelihood, impact);
}

/**
 * _iap_compare_dup_display:
 *
 * Returns: (transfer full): the value of @field of @item in words, for
 *   the change list
 */
char *
_iap_compare_dup_display (const IapCompareField *field,
                          IapWorkshop           *workshop,
                          GObject               *item)
{
  g_autofree char *raw = _iap_compare_dup_raw (field, item);
  guint likelihood = 0, impact = 0;

  if (*raw == '\0')
    /* Translators: in the change list, for a value left empty */
    return g_strdup (C_("change value", "none"));

  switch (field->type)
    {
    case IAP_VALUE_TEXT:
      /* Translators: a text quoted in the change list */
      return g_strdup_printf (C_("change value", "“%s”"), raw);

    case IAP_VALUE_DATE:
      return g_steal_pointer (&raw);

    case IAP_VALUE_CHOICE:
      return g_strdup (_iap_compare_choice_label (field->kind, raw));

    case IAP_VALUE_REF:
      return _iap_compare_dup_ref_label (workshop, field->kind, raw);

    case IAP_VALUE_REFS:
      {
        g_auto(GStrv) ids = get_strv (item, field->properties[0]);
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint i = 0; ids[i] != NULL; i++)
          {
            g_autofree char *label = _iap_compare_dup_ref_label (workshop, field->kind, ids[i]);

            if (i > 0)
              g_string_append (text, ", ");
            g_string_append (text, label);
          }
        return g_string_free (g_steal_pointer (&text), FALSE);
      }

    case IAP_VALUE_RISKS:
      {
        g_auto(GStrv) ids = get_strv (item, field->properties[0]);

        return iap_workshop_dup_risk_numbers (workshop, (const char * const *)ids);
      }

    case IAP_VALUE_RATING:
      get_levels (field, item, &likelihood, &impact);
      return _iap_compare_dup_rating_text (workshop, likelihood, impact);

    default:
      g_return_val_if_reached (g_strdup (raw));
    }
}

/**
 * _iap_compare_dup_heading:
 * @number: for a risk, its number in the register of @workshop
 *
 * Returns: (transfer full): what an item is, in words: “R3: Shared
 *   compound in Makori”, “Measure: Move OCHA out of the compound”
 */
char *
_iap_compare_dup_heading (const char  *subject,
                          IapWorkshop *workshop,
                          GObject     *item,
                          guint        number)
{
  if (g_str_equal (subject, "risk"))
    {
      const char *title = iap_risk_get_title (IAP_RISK (item));
      g_autofree char *risk = g_strdup_printf (C_("risk number", "R%u"), number);

      /* Translators: a risk in the change list: its number, then its title */
      return g_strdup_printf (C_("change heading", "%s: %s"), risk,
                              *title != '\0' ? title : C_("change heading", "untitled risk"));
    }

  if (g_str_equal (subject, "mitigation"))
    {
      IapMitigation *mitigation = IAP_MITIGATION (item);
      g_autofree char *label = NULL;

      if (*iap_mitigation_get_title (mitigation) == '\0')
        label = _iap_compare_dup_ref_label (workshop, IAP_CATALOG_MEASURE,
                                            iap_mitigation_get_measure (mitigation));
      /* Translators: a measure of the mitigation plan in the change list */
      return g_strdup_printf (C_("change heading", "Measure: %s"),
                              label != NULL ? label : iap_mitigation_get_title (mitigation));
    }

  if (g_str_equal (subject, "participant"))
    {
      g_autofree char *label = iap_participant_dup_label (IAP_PARTICIPANT (item));

      return g_strdup_printf (C_("change heading", "Participant: %s"), label);
    }

  if (g_str_equal (subject, "indicator"))
    {
      g_autofree char *label = _iap_compare_dup_ref_label (workshop, IAP_CATALOG_INDICATOR,
                                                           iap_indicator_answer_get_indicator (IAP_INDICATOR_ANSWER (item)));

      return g_strdup_printf (C_("change heading", "Indicator: %s"), label);
    }

  if (g_str_equal (subject, "setup"))
    return g_strdup (C_("workshop step", "Set-up"));
  if (g_str_equal (subject, "context"))
    return g_strdup (C_("workshop step", "Context"));
  if (g_str_equal (subject, "environment"))
    return g_strdup (C_("change heading", "Environment classification"));
  if (g_str_equal (subject, "recommendation"))
    return g_strdup (C_("change heading", "Recommendation"));

  g_return_val_if_reached (g_strdup (subject));
}

/**
 * _iap_compare_field_change:
 * @heading: the item, in words
 *
 * The change of @field from @old_item to @new_item, which the caller
 * found to differ by their keys.
 *
 * Returns: (transfer full): the change
 */
IapChange *
_iap_compare_field_change (IapStep                step,
                           const char            *subject,
                           const char            *id,
                           const IapCompareField *field,
                           IapWorkshop           *old_workshop,
                           GObject               *old_item,
                           IapWorkshop           *new_workshop,
                           GObject               *new_item,
                           const char            *heading)
{
  g_autofree char *old_raw = _iap_compare_dup_raw (field, old_item);
  g_autofree char *new_raw = _iap_compare_dup_raw (field, new_item);
  g_autofree char *old_text = _iap_compare_dup_display (field, old_workshop, old_item);
  g_autofree char *new_text = _iap_compare_dup_display (field, new_workshop, new_item);
  g_autofree char *description = NULL;
  IapChange *change;
  guint ol = 0, oi = 0, nl = 0, ni = 0;
  int ob = -1, nb = -1;

  change = _iap_change_new (step, IAP_CHANGE_CHANGED, subject, id);
  _iap_change_set_field (change, field->name, NULL);
  _iap_change_set_field_label (change, _iap_compare_field_label (field));
  _iap_change_set_values (change, old_raw, new_raw);
  /* Translators: one field's change: its name, the old value, the new
   * one, as in “Owner: “OCHA” → “UNICEF”” */
  description = g_strdup_printf (C_("change", "%s: %s → %s"), _iap_compare_field_label (field),
                                 old_text, new_text);
  _iap_change_set_text (change, heading, description);

  if (field->type == IAP_VALUE_RATING)
    {
      if (!_iap_compare_get_rating (field, old_item, old_workshop, &ol, &oi, &ob))
        ol = oi = 0;
      if (!_iap_compare_get_rating (field, new_item, new_workshop, &nl, &ni, &nb))
        nl = ni = 0;
      _iap_change_set_ratings (change, ol, oi, ob, nl, ni, nb);
    }

  return change;
}

/**
 * _iap_compare_number_risks:
 *
 * Returns: (transfer full): each risk id of @workshop to its number in
 *   the register, from 1, as GUINT_TO_POINTER
 */
GHashTable *
_iap_compare_number_risks (IapWorkshop *workshop)
{
  GListModel *risks = iap_workshop_get_risks (workshop);
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      g_hash_table_insert (numbers, g_strdup (iap_risk_get_id (risk)), GUINT_TO_POINTER (i + 1));
    }

  return numbers;
}

/* A change of a whole item, added or removed, with its heading. */
IapChange *
_iap_compare_item_change (IapStep        step,
                          IapChangeKind  kind,
                          const char    *subject,
                          const char    *id,
                          const char    *heading,
                          const char    *description,
                          guint          number)
{
  IapChange *change = _iap_change_new (step, kind, subject, id);

  _iap_change_set_text (change, heading, description);
  _iap_change_set_number (change, number);

  return change;
}

static char *
dup_number_text (int value)
{
  if (value < 0)
    return g_strdup (C_("change value", "none"));

  return g_strdup_printf ("%d", value);
}

IapChange *
_iap_compare_number_change (IapStep     step,
                            const char *subject,
                            const char *id,
                            const char *field,
                            const char *option,
                            const char *heading,
                            const char *label,
                            int         old_value,
                            int         new_value,
                            gboolean    percent)
{
  g_autofree char *old_text = dup_number_text (old_value);
  g_autofree char *new_text = dup_number_text (new_value);
  g_autofree char *old_raw = old_value >= 0 ? g_strdup_printf ("%d", old_value) : NULL;
  g_autofree char *new_raw = new_value >= 0 ? g_strdup_printf ("%d", new_value) : NULL;
  g_autofree char *description = NULL;
  IapChange *change;

  if (percent)
    {
      g_free (old_text);
      g_free (new_text);
      /* Translators: a share of the most a side could reach, such as “92%” */
      old_text = old_value >= 0 ? g_strdup_printf (C_("share", "%d%%"), old_value) : g_strdup ("–");
      new_text = new_value >= 0 ? g_strdup_printf (C_("share", "%d%%"), new_value) : g_strdup ("–");
    }

  description = g_strdup_printf (C_("change", "%s: %s → %s"), label, old_text, new_text);
  change = _iap_compare_item_change (step, IAP_CHANGE_CHANGED, subject, id, heading, description, 0);
  _iap_change_set_field (change, field, option);
  _iap_change_set_field_label (change, label);
  _iap_change_set_values (change, old_raw, new_raw);

  return change;
}
