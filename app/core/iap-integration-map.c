/* iap-integration-map.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The IAP decision, as questions answered from the model: how the
 * integration map reads, which risks of the register each structural
 * option brings, what each option entails, and how far the workshop
 * covers the IAP minimum requirements and the elements of an Integrated
 * Strategic Framework.
 *
 * An option brings the risks of the arrangements it brings: nothing is
 * re-scored, a risk keeps the rating the group agreed for it.
 */

#define G_LOG_DOMAIN "iap-integration-map"

#include "config.h"

#include "iap-i18n.h"

#include "iap-environment.h"
#include "iap-integration-map.h"
#include "iap-options-analysis.h"

static const char * const level_ids[] = { "low", "medium", "high", NULL };

static const char * const status_ids[] = { "met", "partly", "not-yet", "not-applicable", NULL };

IapLevel
iap_level_from_id (const char *id)
{
  for (guint i = 0; id != NULL && level_ids[i] != NULL; i++)
    if (g_str_equal (id, level_ids[i]))
      return (IapLevel)(i + 1);

  return IAP_LEVEL_UNSET;
}

/**
 * iap_level_to_id:
 *
 * Returns: "low", "medium" or "high"; "" for %IAP_LEVEL_UNSET
 */
const char *
iap_level_to_id (IapLevel level)
{
  if (level < IAP_LEVEL_LOW || level > IAP_LEVEL_HIGH)
    return "";

  return level_ids[level - 1];
}

const char *
iap_level_get_label (IapLevel level)
{
  switch (level)
    {
    case IAP_LEVEL_LOW:
      return C_("criterion level", "Low");
    case IAP_LEVEL_MEDIUM:
      return C_("criterion level", "Medium");
    case IAP_LEVEL_HIGH:
      return C_("criterion level", "High");
    case IAP_LEVEL_UNSET:
    default:
      return C_("criterion level", "Not assessed");
    }
}

const char *
iap_criterion_get_label (IapCriterion criterion)
{
  switch (criterion)
    {
    case IAP_CRITERION_IMPACT:
      return _("Expected impact");
    case IAP_CRITERION_COSTS:
      return _("Transaction costs");
    case IAP_CRITERION_RISKS:
    default:
      /* Translators: the third criterion of an integration choice: the
       * assessment of risks */
      return C_("criterion", "Risks");
    }
}

/* The properties of #IapIntegrationArea that hold a criterion */
const char *
iap_criterion_get_property (IapCriterion criterion)
{
  static const char * const names[] = { "impact", "costs", "risk-level" };

  g_return_val_if_fail (criterion < IAP_N_CRITERIA, NULL);

  return names[criterion];
}

const char *
iap_criterion_get_reason_property (IapCriterion criterion)
{
  static const char * const names[] = { "impact-reason", "costs-reason", "risk-reason" };

  g_return_val_if_fail (criterion < IAP_N_CRITERIA, NULL);

  return names[criterion];
}

IapLevel
iap_integration_area_get_level (IapIntegrationArea *self,
                                IapCriterion        criterion)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), IAP_LEVEL_UNSET);

  switch (criterion)
    {
    case IAP_CRITERION_IMPACT:
      return iap_level_from_id (iap_integration_area_get_impact (self));
    case IAP_CRITERION_COSTS:
      return iap_level_from_id (iap_integration_area_get_costs (self));
    case IAP_CRITERION_RISKS:
      return iap_level_from_id (iap_integration_area_get_risk_level (self));
    default:
      g_return_val_if_reached (IAP_LEVEL_UNSET);
    }
}

const char *
iap_integration_area_get_reason (IapIntegrationArea *self,
                                 IapCriterion        criterion)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), NULL);

  switch (criterion)
    {
    case IAP_CRITERION_IMPACT:
      return iap_integration_area_get_impact_reason (self);
    case IAP_CRITERION_COSTS:
      return iap_integration_area_get_costs_reason (self);
    case IAP_CRITERION_RISKS:
      return iap_integration_area_get_risk_reason (self);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * iap_integration_area_is_complete:
 *
 * Returns: whether the group has chosen a depth for the area and
 *   assessed the three criteria of that choice
 */
gboolean
iap_integration_area_is_complete (IapIntegrationArea *self)
{
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), FALSE);

  if (iap_integration_area_get_depth (self)[0] == '\0')
    return FALSE;

  for (guint c = 0; c < IAP_N_CRITERIA; c++)
    if (iap_integration_area_get_level (self, c) == IAP_LEVEL_UNSET)
      return FALSE;

  return TRUE;
}

/**
 * iap_integration_area_costs_exceed_impact:
 *
 * Both criteria are levels of the same three-level scale, so one can be
 * said to be above the other; nothing is subtracted or weighed.
 *
 * Returns: whether the transaction costs are assessed at a higher level
 *   than the expected impact; %FALSE while either is not assessed
 */
gboolean
iap_integration_area_costs_exceed_impact (IapIntegrationArea *self)
{
  IapLevel costs, impact;

  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (self), FALSE);

  costs = iap_integration_area_get_level (self, IAP_CRITERION_COSTS);
  impact = iap_integration_area_get_level (self, IAP_CRITERION_IMPACT);

  return costs != IAP_LEVEL_UNSET && impact != IAP_LEVEL_UNSET && costs > impact;
}

/**
 * iap_workshop_integration_area_risks_high:
 *
 * Returns: whether the group assessed the risks of @area's choice as
 *   high, or a risk of the register it rests on has an agreed inherent
 *   rating in the High or Critical band
 */
gboolean
iap_workshop_integration_area_risks_high (IapWorkshop        *self,
                                          IapIntegrationArea *area)
{
  const char * const *risks;
  IapScales *scales;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (IAP_IS_INTEGRATION_AREA (area), FALSE);

  if (iap_integration_area_get_level (area, IAP_CRITERION_RISKS) == IAP_LEVEL_HIGH)
    return TRUE;

  scales = iap_workshop_get_scales (self);
  risks = iap_integration_area_get_risks (area);
  for (guint i = 0; risks[i] != NULL; i++)
    {
      IapRisk *risk = iap_workshop_find_risk (self, risks[i]);
      IapBand band;

      if (risk != NULL && iap_risk_get_rating (risk, IAP_RATING_INHERENT, scales, NULL, NULL, &band) &&
          band >= IAP_BAND_HIGH)
        return TRUE;
    }

  return FALSE;
}

/**
 * iap_workshop_get_depth_index:
 *
 * Returns: the place of @depth on the scale of depths, from 0 for the
 *   loosest, or %G_MAXUINT when @depth is no depth of the catalog
 */
guint
iap_workshop_get_depth_index (IapWorkshop *self,
                              const char  *depth)
{
  GListModel *depths;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), G_MAXUINT);

  depths = iap_catalog_get_entries (iap_workshop_get_catalog (self), IAP_CATALOG_DEPTH);
  for (guint i = 0; depth != NULL && i < g_list_model_get_n_items (depths); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (depths, i);

      if (g_str_equal (iap_catalog_entry_get_id (entry), depth))
        return i;
    }

  return G_MAXUINT;
}

static const char *
label_of (IapWorkshop *self,
          const char  *kind,
          const char  *id)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (self), kind, id);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : id;
}

static void
append_list (GString    *text,
             const char *heading,
             GPtrArray  *labels)
{
  g_autofree char *joined = NULL;

  if (labels->len == 0)
    return;

  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv (", ", (char **)labels->pdata);
  g_ptr_array_remove_index (labels, labels->len - 1);
  if (text->len > 0)
    g_string_append_c (text, ' ');
  /* Translators: a depth of integration, or what is marked on the map,
   * then the areas it applies to */
  g_string_append_printf (text, _("%s: %s."), heading, joined);
}

/**
 * iap_workshop_dup_integration_map_text:
 *
 * What the chart of the integration map shows, in words: its text
 * alternative, read by a screen reader and printed beside it.
 *
 * Returns: (transfer full): the text, “” when the map is empty
 */
char *
iap_workshop_dup_integration_map_text (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return iap_workshop_dup_integration_areas_text (self, 0, G_MAXUINT);
}

/**
 * iap_workshop_dup_integration_areas_text:
 * @first: the first area, by its place on the map
 * @last: the area after the last one, or more than the map holds
 *
 * What the chart of the integration map shows of the areas @first to
 * @last, in words: the text alternative of the page of the chart that
 * shows them.
 *
 * Returns: (transfer full): the text, “” when there is no such area
 */
char *
iap_workshop_dup_integration_areas_text (IapWorkshop *self,
                                         guint        first,
                                         guint        last)
{
  GListModel *map, *depths;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  map = iap_workshop_get_integration_map (self);
  depths = iap_catalog_get_entries (iap_workshop_get_catalog (self), IAP_CATALOG_DEPTH);
  n = MIN (g_list_model_get_n_items (map), last);
  if (first >= n)
    return g_strdup ("");

  for (guint d = 0; d <= g_list_model_get_n_items (depths); d++)
    {
      g_autoptr(IapCatalogEntry) depth = g_list_model_get_item (depths, d);

      g_ptr_array_set_size (labels, 0);
      for (guint i = first; i < n; i++)
        {
          g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);
          const char *chosen = iap_integration_area_get_depth (area);

          if (depth != NULL ? g_str_equal (chosen, iap_catalog_entry_get_id (depth)) : chosen[0] == '\0')
            g_ptr_array_add (labels, (gpointer)label_of (self, IAP_CATALOG_INTEGRATION_AREA,
                                                         iap_integration_area_get_area (area)));
        }
      append_list (text, depth != NULL ? iap_catalog_entry_get_label (depth) : _("No depth chosen yet"), labels);
    }

  g_ptr_array_set_size (labels, 0);
  for (guint i = first; i < n; i++)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);

      if (iap_workshop_integration_area_risks_high (self, area))
        g_ptr_array_add (labels, (gpointer)label_of (self, IAP_CATALOG_INTEGRATION_AREA,
                                                     iap_integration_area_get_area (area)));
    }
  append_list (text, _("High risks"), labels);

  g_ptr_array_set_size (labels, 0);
  for (guint i = first; i < n; i++)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);

      if (iap_integration_area_costs_exceed_impact (area))
        g_ptr_array_add (labels, (gpointer)label_of (self, IAP_CATALOG_INTEGRATION_AREA,
                                                     iap_integration_area_get_area (area)));
    }
  append_list (text, _("Transaction costs above the expected impact"), labels);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * iap_workshop_dup_option_arrangements:
 *
 * Returns: (transfer full): the arrangement ids @option brings: those
 *   the workshop agreed, or else those of the catalog
 */
char **
iap_workshop_dup_option_arrangements (IapWorkshop *self,
                                      const char  *option)
{
  IapOptionArrangements *agreed;
  IapCatalogEntry *entry;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);
  g_return_val_if_fail (option != NULL, NULL);

  agreed = iap_workshop_find_option_arrangements (self, option);
  if (agreed != NULL)
    return g_strdupv ((char **)iap_option_arrangements_get_arrangements (agreed));

  entry = iap_catalog_lookup (iap_workshop_get_catalog (self), IAP_CATALOG_OPTION, option);
  if (entry != NULL)
    return g_strdupv ((char **)iap_catalog_entry_get_arrangements (entry));

  return g_new0 (char *, 1);
}

/**
 * iap_workshop_dup_option_risks:
 *
 * The risks of the register that @option brings: those of the
 * arrangements it brings, in register order, with the ratings the group
 * agreed for them.
 *
 * Returns: (transfer container) (element-type IapRisk): the risks
 */
GPtrArray *
iap_workshop_dup_option_risks (IapWorkshop *self,
                               const char  *option)
{
  g_auto(GStrv) arrangements = NULL;
  GPtrArray *risks;
  GListModel *register_;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);
  g_return_val_if_fail (option != NULL, NULL);

  arrangements = iap_workshop_dup_option_arrangements (self, option);
  risks = g_ptr_array_new_with_free_func (g_object_unref);
  register_ = iap_workshop_get_risks (self);
  for (guint i = 0; i < g_list_model_get_n_items (register_); i++)
    {
      IapRisk *risk = g_list_model_get_item (register_, i);

      if (g_strv_contains ((const char * const *)arrangements, iap_risk_get_arrangement (risk)))
        g_ptr_array_add (risks, risk);
      else
        g_object_unref (risk);
    }

  return risks;
}

/**
 * iap_workshop_dup_consequences:
 *
 * Returns: (transfer container) (element-type IapCatalogEntry): what
 *   the sources say @option entails, as consequence catalog entries, in
 *   catalog order
 */
GPtrArray *
iap_workshop_dup_consequences (IapWorkshop *self,
                               const char  *option)
{
  GListModel *entries;
  GPtrArray *consequences;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);
  g_return_val_if_fail (option != NULL, NULL);

  entries = iap_catalog_get_entries (iap_workshop_get_catalog (self), IAP_CATALOG_CONSEQUENCE);
  consequences = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      IapCatalogEntry *entry = g_list_model_get_item (entries, i);

      if (g_strv_contains (iap_catalog_entry_get_options (entry), option))
        g_ptr_array_add (consequences, entry);
      else
        g_object_unref (entry);
    }

  return consequences;
}

static char **
strv_minus (const char * const *a,
            const char * const *b)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; a[i] != NULL; i++)
    if (!g_strv_contains (b, a[i]))
      g_strv_builder_add (builder, a[i]);

  return g_strv_builder_end (builder);
}

/**
 * iap_workshop_dup_configuration_change:
 * @from: (nullable): an option id, such as the current configuration;
 *   %NULL or "" for none
 * @to: (nullable): an option id, such as the recommended one
 * @added: (out) (transfer full): the arrangements @to brings that
 *   @from does not
 * @removed: (out) (transfer full): the arrangements @from brings that
 *   @to does not
 *
 * What moving from one structural configuration to another changes.
 */
void
iap_workshop_dup_configuration_change (IapWorkshop   *self,
                                       const char    *from,
                                       const char    *to,
                                       char        ***added,
                                       char        ***removed)
{
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (added != NULL && removed != NULL);

  before = from != NULL && from[0] != '\0' ? iap_workshop_dup_option_arrangements (self, from) : g_new0 (char *, 1);
  after = to != NULL && to[0] != '\0' ? iap_workshop_dup_option_arrangements (self, to) : g_new0 (char *, 1);
  *added = strv_minus ((const char * const *)after, (const char * const *)before);
  *removed = strv_minus ((const char * const *)before, (const char * const *)after);
}

/**
 * iap_requirement_status_get_ids:
 *
 * Returns: (transfer none): the statuses a requirement can have, in the
 *   order they are offered
 */
const char * const *
iap_requirement_status_get_ids (void)
{
  return status_ids;
}

const char *
iap_requirement_status_get_label (const char *status)
{
  if (g_strcmp0 (status, "met") == 0)
    return C_("requirement status", "Met");
  if (g_strcmp0 (status, "partly") == 0)
    return C_("requirement status", "Partly met");
  if (g_strcmp0 (status, "not-yet") == 0)
    return C_("requirement status", "Not yet");
  if (g_strcmp0 (status, "not-applicable") == 0)
    return C_("requirement status", "Not applicable");

  return C_("requirement status", "Not assessed");
}

/* Counts the lines of the map that are complete. */
static guint
count_complete_areas (IapWorkshop *self,
                      guint       *n_areas)
{
  GListModel *map = iap_workshop_get_integration_map (self);
  guint complete = 0;

  *n_areas = g_list_model_get_n_items (map);
  for (guint i = 0; i < *n_areas; i++)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);

      complete += iap_integration_area_is_complete (area);
    }

  return complete;
}

/* Counts the measures of the plan, dropped ones aside, that have an
 * owner and a due date: the “responsibilities” and “timelines” of ISF
 * element 4. */
static guint
count_owned_measures (IapWorkshop *self,
                      guint       *n_measures)
{
  GListModel *plan = iap_workshop_get_mitigations (self);
  guint owned = 0;

  *n_measures = 0;
  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr(IapMitigation) measure = g_list_model_get_item (plan, i);

      if (g_str_equal (iap_mitigation_get_status (measure), "dropped"))
        continue;

      *n_measures += 1;
      owned += iap_mitigation_get_owner (measure)[0] != '\0' && iap_mitigation_get_due (measure)[0] != '\0';
    }

  return owned;
}

static guint
count_rated_risks (IapWorkshop *self,
                   guint       *n_risks)
{
  GListModel *risks = iap_workshop_get_risks (self);
  IapScales *scales = iap_workshop_get_scales (self);
  guint rated = 0;

  *n_risks = g_list_model_get_n_items (risks);
  for (guint i = 0; i < *n_risks; i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      rated += iap_risk_get_rating (risk, IAP_RATING_INHERENT, scales, NULL, NULL, NULL);
    }

  return rated;
}

/* Whether the options analysis has weighed any factor for any option */
static gboolean
options_weighed (IapWorkshop *self)
{
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (self);

  for (guint i = 0; i < iap_options_analysis_get_n_options (analysis); i++)
    {
      const IapOptionResult *result = iap_options_analysis_get_result (analysis, i);

      if (result->benefit_counted + result->risk_counted + result->cost_counted > 0)
        return TRUE;
    }

  return FALSE;
}

static const char *
proportion (guint done,
            guint total)
{
  if (total == 0 || done == 0)
    return "not-yet";

  return done == total ? "met" : "partly";
}

/* The ISF elements decide the shared vision: each one met, it is met. */
static const char *
suggest_shared_vision (IapWorkshop *self)
{
  GListModel *requirements = iap_catalog_get_entries (iap_workshop_get_catalog (self),
                                                      IAP_CATALOG_REQUIREMENT);
  guint n = 0, met = 0, started = 0;

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (requirements, i);
      const char *state;

      if (!g_str_equal (iap_catalog_entry_get_group (entry), IAP_REQUIREMENT_GROUP_ISF))
        continue;

      state = iap_workshop_get_requirement_state (self, iap_catalog_entry_get_id (entry), NULL);
      if (g_strcmp0 (state, "not-applicable") == 0)
        continue;

      n++;
      met += g_strcmp0 (state, "met") == 0;
      started += g_strcmp0 (state, "met") == 0 || g_strcmp0 (state, "partly") == 0;
    }

  if (n > 0 && met == n)
    return "met";

  return started > 0 ? "partly" : "not-yet";
}

/**
 * iap_workshop_suggest_requirement_status:
 *
 * What the workshop's own work says of @requirement: the integration
 * map for the areas needing an integrated approach (ISF element 3), the
 * mitigation plan's owners and dates for agreed results, timelines and
 * responsibilities (element 4), the review date for monitoring, the
 * ratings and the options analysis for the strategic assessment.
 * Where the workshop covers only part of what the requirement asks, it
 * suggests “partly” at most; where it covers nothing, it suggests
 * nothing: the facilitator says.
 *
 * Returns: (nullable): a status id, or %NULL when the workshop's work
 *   does not bear on @requirement
 */
const char *
iap_workshop_suggest_requirement_status (IapWorkshop *self,
                                         const char  *requirement)
{
  guint done, total;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);
  g_return_val_if_fail (requirement != NULL, NULL);

  if (g_str_equal (requirement, "isf-integrated-areas"))
    {
      done = count_complete_areas (self, &total);
      return proportion (done, total);
    }
  if (g_str_equal (requirement, "isf-results"))
    {
      done = count_owned_measures (self, &total);
      return proportion (done, total);
    }
  if (g_str_equal (requirement, "integrated-monitoring"))
    return iap_workshop_get_review_date (self)[0] != '\0' ? "partly" : "not-yet";
  if (g_str_equal (requirement, "strategic-assessment") || g_str_equal (requirement, "isf-findings"))
    return count_rated_risks (self, &total) > 0 || options_weighed (self) ? "partly" : "not-yet";
  if (g_str_equal (requirement, "shared-vision"))
    return suggest_shared_vision (self);

  return NULL;
}

/**
 * iap_workshop_get_requirement_state:
 * @suggested: (out) (optional): set to whether the status is the
 *   workshop's suggestion rather than the facilitator's
 *
 * Returns: (nullable): the status the facilitator recorded for
 *   @requirement, or else the suggested one; %NULL when neither
 */
const char *
iap_workshop_get_requirement_state (IapWorkshop *self,
                                    const char  *requirement,
                                    gboolean    *suggested)
{
  IapRequirementStatus *recorded;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);
  g_return_val_if_fail (requirement != NULL, NULL);

  recorded = iap_workshop_find_requirement_status (self, requirement);
  if (recorded != NULL && iap_requirement_status_get_status (recorded)[0] != '\0')
    {
      if (suggested != NULL)
        *suggested = FALSE;
      return iap_requirement_status_get_status (recorded);
    }

  if (suggested != NULL)
    *suggested = TRUE;

  return iap_workshop_suggest_requirement_status (self, requirement);
}

static char *
dup_map_coverage (IapWorkshop *self)
{
  guint total, done = count_complete_areas (self, &total);

  if (total == 0)
    return g_strdup (_("Integration map: no area yet."));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Integration map: %u of %u area with a depth and the three criteria.",
                                       "Integration map: %u of %u areas with a depth and the three criteria.",
                                       total),
                          done, total);
}

static char *
dup_plan_coverage (IapWorkshop *self)
{
  guint total, done = count_owned_measures (self, &total);

  if (total == 0)
    return g_strdup (_("Mitigation plan: no measure yet."));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Mitigation plan: %u of %u measure with an owner and a due date.",
                                       "Mitigation plan: %u of %u measures with an owner and a due date.",
                                       total),
                          done, total);
}

static char *
dup_register_coverage (IapWorkshop *self)
{
  guint total, rated = count_rated_risks (self, &total);
  guint n_options = g_strv_length ((char **)iap_workshop_get_options (self));
  g_autofree char *risks = NULL;
  g_autofree char *options = NULL;

  risks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Risk matrix: %u of %u risk with an agreed rating.",
                                        "Risk matrix: %u of %u risks with an agreed rating.",
                                        total),
                           rated, total);
  options = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Triple-hatting analysis: %u structural option under consideration.",
                                          "Triple-hatting analysis: %u structural options under consideration.",
                                          n_options),
                             n_options);

  return g_strjoin (" ", risks, options, NULL);
}

static char *
dup_findings_coverage (IapWorkshop *self)
{
  g_autoptr(IapEnvironment) environment = iap_environment_new_for_workshop (self);
  g_autofree char *register_ = dup_register_coverage (self);

  /* Translators: the environment classification, such as “Elevated”,
   * then how far the risk matrix is rated */
  return g_strdup_printf (_("Context: environment classified %s. %s"),
                          iap_environment_level_to_label (environment->classification), register_);
}

/**
 * iap_workshop_dup_requirement_coverage:
 *
 * Returns: (transfer full): where the workshop covers @requirement and
 *   how far, in one or two sentences; for what it does not cover, says
 *   so
 */
char *
iap_workshop_dup_requirement_coverage (IapWorkshop *self,
                                       const char  *requirement)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);
  g_return_val_if_fail (requirement != NULL, NULL);

  if (g_str_equal (requirement, "isf-integrated-areas"))
    return dup_map_coverage (self);
  if (g_str_equal (requirement, "isf-results"))
    return dup_plan_coverage (self);
  if (g_str_equal (requirement, "integrated-monitoring"))
    {
      if (iap_workshop_get_review_date (self)[0] == '\0')
        return g_strdup (_("Review date: none set yet."));
      /* Translators: a date, YYYY-MM-DD */
      return g_strdup_printf (_("Review date: %s."), iap_workshop_get_review_date (self));
    }
  if (g_str_equal (requirement, "strategic-assessment"))
    return dup_register_coverage (self);
  if (g_str_equal (requirement, "isf-findings"))
    return dup_findings_coverage (self);
  if (g_str_equal (requirement, "shared-vision"))
    return g_strdup (_("The four elements of an Integrated Strategic Framework, below."));
  if (g_str_equal (requirement, "integrated-mechanisms"))
    {
      IapIntegrationArea *analysis = iap_workshop_find_integration_area (self, "joint-analysis");

      if (analysis != NULL && iap_integration_area_get_depth (analysis)[0] != '\0')
        /* Translators: a depth of integration, such as “Coordinated planning” */
        return g_strdup_printf (_("Integration map: joint analysis at “%s”. The senior leadership forum is not covered by this workshop."),
                                label_of (self, IAP_CATALOG_DEPTH, iap_integration_area_get_depth (analysis)));
    }

  return g_strdup (_("Not covered by this workshop: say in the note where it stands."));
}
