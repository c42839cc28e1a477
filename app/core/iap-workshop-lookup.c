/* iap-workshop-lookup.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Finding things in a workshop, and what it says about its environment:
 * questions answered from the model, never changing it.
 */

#define G_LOG_DOMAIN "iap-workshop"

#include "config.h"

#include "iap-i18n.h"

#include "iap-environment.h"
#include "iap-list-index.h"
#include "iap-text.h"
#include "iap-workshop.h"

/* By identifier: the list's own index, which follows every change to
 * it (risks and participants run to thousands in a large workshop). */
static gpointer
find_by_id (GListModel *list,
            const char *id)
{
  if (id == NULL)
    return NULL;

  return iap_list_index_lookup (iap_list_index_get_for_id (list), id);
}

/* The catalog-keyed lists are short (a dozen items): a linear search */
static gpointer
find_item (GListModel *list,
           const char *property,
           const char *value)
{
  guint n = g_list_model_get_n_items (list);

  if (value == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autofree char *item_value = NULL;

      g_object_get (item, property, &item_value, NULL);
      if (g_strcmp0 (item_value, value) == 0)
        return item;
    }

  return NULL;
}

/**
 * iap_workshop_find_participant:
 *
 * Returns: (transfer none) (nullable): the participant called @id
 */
IapParticipant *
iap_workshop_find_participant (IapWorkshop *self,
                               const char  *id)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return find_by_id (iap_workshop_get_participants (self), id);
}

/**
 * iap_workshop_find_risk:
 *
 * Returns: (transfer none) (nullable): the risk called @id
 */
IapRisk *
iap_workshop_find_risk (IapWorkshop *self,
                        const char  *id)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return find_by_id (iap_workshop_get_risks (self), id);
}

/**
 * iap_workshop_find_mitigation:
 *
 * Returns: (transfer none) (nullable): the mitigation called @id
 */
IapMitigation *
iap_workshop_find_mitigation (IapWorkshop *self,
                              const char  *id)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return find_by_id (iap_workshop_get_mitigations (self), id);
}

/**
 * iap_workshop_find_round:
 *
 * Returns: (transfer none) (nullable): the round called @id
 */
IapRound *
iap_workshop_find_round (IapWorkshop *self,
                         const char  *id)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return find_by_id (iap_workshop_get_rounds (self), id);
}

/**
 * iap_workshop_find_dissent:
 *
 * Returns: (transfer none) (nullable): the dissent called @id
 */
IapDissent *
iap_workshop_find_dissent (IapWorkshop *self,
                           const char  *id)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return find_by_id (iap_workshop_get_dissents (self), id);
}

/**
 * iap_workshop_dup_dissenter:
 * @anonymize: whether the output leaves people's names out
 *
 * Who dissents, as the participant chose to be named: by name (with
 * their pillar), or by pillar alone, never with their organisation,
 * which in a small pillar names the person all the same. An anonymised
 * output names everyone by pillar.
 *
 * Returns: (transfer full): the words for who dissents
 */
char *
iap_workshop_dup_dissenter (IapWorkshop *self,
                            IapDissent  *dissent,
                            gboolean     anonymize)
{
  IapParticipant *participant;
  IapCatalogEntry *entry;
  g_autofree char *isolated = NULL;
  const char *pillar;
  const char *name;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);
  g_return_val_if_fail (IAP_IS_DISSENT (dissent), NULL);

  participant = iap_workshop_find_participant (self, iap_dissent_get_participant (dissent));
  if (participant == NULL)
    return g_strdup (_("Unknown participant"));

  entry = iap_catalog_lookup (iap_workshop_get_catalog (self), IAP_CATALOG_PILLAR,
                              iap_participant_get_pillar (participant));
  pillar = entry != NULL ? iap_catalog_entry_get_label (entry) : iap_participant_get_pillar (participant);
  name = iap_participant_get_name (participant);
  /* Without a name, by pillar: never by organisation */
  if (anonymize || g_strcmp0 (iap_dissent_get_attribution (dissent), "name") != 0 ||
      iap_text_is_blank (name))
    /* Translators: %s is a pillar, such as Humanitarian */
    return g_strdup_printf (_("A participant of the %s pillar"), pillar);

  /* The name isolated (FSI … PDI): an Arabic name keeps the parentheses
   * of a Latin pillar where they belong */
  /* Translators: a dissenter named as they chose: their name, then their pillar */
  isolated = iap_text_isolate (name);
  return g_strdup_printf (C_("dissenter", "%s (%s)"), isolated, pillar);
}

/**
 * iap_workshop_find_indicator:
 *
 * Returns: (transfer none) (nullable): the answer to @indicator, if any
 */
IapIndicatorAnswer *
iap_workshop_find_indicator (IapWorkshop *self,
                             const char  *indicator)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return find_item (iap_workshop_get_indicators (self), "indicator", indicator);
}

/**
 * iap_workshop_find_factor_score:
 *
 * Returns: (transfer none) (nullable): the weight and scores of @factor,
 *   if it has any
 */
IapFactorScore *
iap_workshop_find_factor_score (IapWorkshop *self,
                                const char  *factor)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return find_item (iap_workshop_get_factor_scores (self), "factor", factor);
}

/**
 * iap_workshop_find_integration_area:
 * @area: an integration-area catalog id
 *
 * Returns: (transfer none) (nullable): the line of the integration map
 *   for @area, %NULL when the map leaves it out
 */
IapIntegrationArea *
iap_workshop_find_integration_area (IapWorkshop *self,
                                    const char  *area)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return find_item (iap_workshop_get_integration_map (self), "area", area);
}

/**
 * iap_workshop_find_requirement_status:
 *
 * Returns: (transfer none) (nullable): what the facilitator recorded for
 *   @requirement, %NULL when not yet assessed
 */
IapRequirementStatus *
iap_workshop_find_requirement_status (IapWorkshop *self,
                                      const char  *requirement)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return find_item (iap_workshop_get_requirement_statuses (self), "requirement", requirement);
}

/**
 * iap_workshop_find_option_arrangements:
 *
 * Returns: (transfer none) (nullable): the arrangements the workshop
 *   agreed for @option, %NULL when it keeps the catalog's
 */
IapOptionArrangements *
iap_workshop_find_option_arrangements (IapWorkshop *self,
                                       const char  *option)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return find_item (iap_workshop_get_option_arrangements (self), "option", option);
}

/**
 * iap_workshop_count_ratings:
 * @participant: a participant's id
 *
 * Returns: how many risk ratings @participant gave, over every round
 */
guint
iap_workshop_count_ratings (IapWorkshop *self,
                            const char  *participant)
{
  GListModel *rounds;
  guint n = 0;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), 0);
  g_return_val_if_fail (participant != NULL, 0);

  rounds = iap_workshop_get_rounds (self);
  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, i);

      for (guint j = 0; j < iap_round_get_n_ratings (round); j++)
        {
          const char *rater;

          iap_round_get_rating_at (round, j, &rater, NULL, NULL, NULL);
          n += g_strcmp0 (rater, participant) == 0;
        }
    }

  return n;
}

/**
 * iap_workshop_count_dissents:
 * @risk: (nullable): a risk's id, or %NULL for the recommendation
 *
 * Returns: how many dissents are recorded on @risk, or on the
 *   recommendation
 */
guint
iap_workshop_count_dissents (IapWorkshop *self,
                             const char  *risk)
{
  GListModel *dissents;
  guint n = 0;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), 0);

  dissents = iap_workshop_get_dissents (self);
  for (guint i = 0; i < g_list_model_get_n_items (dissents); i++)
    {
      g_autoptr(IapDissent) d = g_list_model_get_item (dissents, i);
      gboolean on_risk = g_strcmp0 (iap_dissent_get_subject (d), "risk") == 0;

      if (risk != NULL ? on_risk && g_strcmp0 (iap_dissent_get_risk (d), risk) == 0 : !on_risk)
        n++;
    }

  return n;
}

/**
 * iap_workshop_dup_risk_numbers:
 * @risks: (nullable): risk ids
 *
 * "R3, R7": risks by their number in the register, as the heat map and
 * the printed report show them, in register order.
 *
 * Returns: (transfer full): the numbers, empty when none is in the register
 */
char *
iap_workshop_dup_risk_numbers (IapWorkshop        *self,
                               const char * const *risks)
{
  GListModel *list;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  list = iap_workshop_get_risks (self);
  for (guint i = 0; risks != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (list, i);

      if (!g_strv_contains (risks, iap_risk_get_id (risk)))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: a risk by its number in the register, such as “R3” */
      g_string_append_printf (text, C_("risk number", "R%u"), i + 1);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * iap_workshop_compute_environment:
 *
 * Classifies the environment from the answers to the high-risk
 * indicators, by the rules of the domain brief, ignoring any override.
 *
 * Returns: "high-risk", "elevated" or "permissive"
 */
const char *
iap_workshop_compute_environment (IapWorkshop *self)
{
  g_autoptr(IapEnvironment) environment = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  environment = iap_environment_new_for_workshop (self);

  return iap_environment_level_to_id (environment->computed);
}

/**
 * iap_workshop_get_environment:
 *
 * Returns: the facilitator's classification if there is one with its
 *   justification, else the computed one
 */
const char *
iap_workshop_get_environment (IapWorkshop *self)
{
  g_autoptr(IapEnvironment) environment = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  environment = iap_environment_new_for_workshop (self);

  return iap_environment_level_to_id (environment->classification);
}
