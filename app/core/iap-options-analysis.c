/* iap-options-analysis.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The triple-hatting analysis: for each structural option, the weighed
 * benefits, risks and transaction costs of structural integration, side
 * by side and never netted.
 *
 * A factor counts for an option only once the group has both weighed it
 * and scored it for that option: nothing is guessed, and what is left out
 * is counted, so that a partial sum is never read as a complete one.
 */

#define G_LOG_DOMAIN "iap-options-analysis"

#include "config.h"

#include "iap-i18n.h"

#include "iap-options-analysis.h"

/* One factor's weight × score on an option: @index is its line,
 * @position its place in the catalog */
typedef struct
{
  guint value;
  guint index;
  guint position;
} Contribution;

static void
factor_line_free (gpointer data)
{
  IapFactorLine *line = data;

  g_clear_object (&line->factor);
  g_free (line->scores);
  g_free (line);
}

static void
option_result_free (gpointer data)
{
  IapOptionResult *result = data;

  g_free (result->option);
  g_strfreev (result->benefit_drivers);
  g_strfreev (result->risk_drivers);
  g_strfreev (result->drivers);
  g_free (result);
}

static GHashTable *
index_scores (GListModel *scores)
{
  GHashTable *by_factor = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  guint n = g_list_model_get_n_items (scores);

  for (guint i = 0; i < n; i++)
    {
      IapFactorScore *score = g_list_model_get_item (scores, i);

      g_hash_table_replace (by_factor, (gpointer)iap_factor_score_get_factor (score), score);
    }

  return by_factor;
}

static IapFactorLine *
factor_line_new (IapCatalogEntry    *factor,
                 guint               position,
                 IapFactorSide       side,
                 IapFactorScore     *score,
                 const char * const *options)
{
  IapFactorLine *line = g_new0 (IapFactorLine, 1);
  guint n_options = g_strv_length ((char **)options);

  line->factor = g_object_ref (factor);
  line->position = position;
  line->side = side;
  line->risk = side == IAP_FACTOR_SIDE_RISK;
  line->weight = score != NULL ? iap_factor_score_get_weight (score) : 0;
  line->scores = g_new (int, MAX (n_options, 1));
  for (guint i = 0; i < n_options; i++)
    {
      guint value;

      if (score != NULL && iap_factor_score_lookup (score, options[i], &value))
        line->scores[i] = (int)MIN (value, IAP_FACTOR_SCORE_MAX);
      else
        line->scores[i] = -1;
    }

  return line;
}

/**
 * iap_factor_side_from_polarity:
 * @polarity: a factor's polarity: "benefit", "risk" or "cost"
 * @valid: (out) (optional): whether @polarity is one of them
 */
IapFactorSide
iap_factor_side_from_polarity (const char *polarity,
                               gboolean   *valid)
{
  static const char * const polarities[] = { "benefit", "risk", "cost" };

  for (guint i = 0; i < G_N_ELEMENTS (polarities); i++)
    if (g_strcmp0 (polarity, polarities[i]) == 0)
      {
        if (valid != NULL)
          *valid = TRUE;
        return (IapFactorSide)i;
      }

  if (valid != NULL)
    *valid = FALSE;

  return IAP_FACTOR_SIDE_BENEFIT;
}

/* Benefits first, then risks, then transaction costs; a factor of none
 * of these polarities is not part of the balance. */
static void
add_lines (IapOptionsAnalysis *self,
           GListModel         *factors,
           GHashTable         *scores,
           IapFactorSide       side)
{
  guint n = g_list_model_get_n_items (factors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapCatalogEntry) factor = g_list_model_get_item (factors, i);
      const char *id = iap_catalog_entry_get_id (factor);
      gboolean valid;

      if (iap_factor_side_from_polarity (iap_catalog_entry_get_polarity (factor), &valid) != side || !valid)
        continue;

      g_ptr_array_add (self->factors,
                       factor_line_new (factor, i, side, g_hash_table_lookup (scores, id),
                                        (const char * const *)self->options));
    }
}

static int
compare_contributions (gconstpointer a,
                       gconstpointer b)
{
  const Contribution *ca = a, *cb = b;

  if (ca->value != cb->value)
    return ca->value > cb->value ? -1 : 1;

  /* Ties in catalog order, whichever side the factors are on */
  return ca->position < cb->position ? -1 : (ca->position > cb->position);
}

static char **
top_drivers (IapOptionsAnalysis *self,
             GArray             *contributions)
{
  GPtrArray *ids = g_ptr_array_new ();

  g_array_sort (contributions, compare_contributions);
  for (guint i = 0; i < contributions->len && ids->len < IAP_OPTIONS_N_DRIVERS; i++)
    {
      const Contribution *c = &g_array_index (contributions, Contribution, i);
      const IapFactorLine *line = g_ptr_array_index (self->factors, c->index);

      g_ptr_array_add (ids, g_strdup (iap_catalog_entry_get_id (line->factor)));
    }
  g_ptr_array_add (ids, NULL);

  return (char **)g_ptr_array_free (ids, FALSE);
}

static IapOptionResult *
weigh_option (IapOptionsAnalysis *self,
              guint               option_index)
{
  IapOptionResult *result = g_new0 (IapOptionResult, 1);
  g_autoptr(GArray) benefits = g_array_new (FALSE, FALSE, sizeof (Contribution));
  g_autoptr(GArray) risks = g_array_new (FALSE, FALSE, sizeof (Contribution));
  g_autoptr(GArray) both = g_array_new (FALSE, FALSE, sizeof (Contribution));

  result->option = g_strdup (self->options[option_index]);
  for (guint i = 0; i < self->factors->len; i++)
    {
      const IapFactorLine *line = g_ptr_array_index (self->factors, i);
      int value = iap_factor_line_get_contribution (line, option_index);
      Contribution c = { (guint)MAX (value, 0), i, line->position };

      if (line->side == IAP_FACTOR_SIDE_COST)
        {
          /* Weighed apart, and never a driver of the balance */
          if (value < 0)
            result->cost_unscored++;
          else
            {
              result->cost += c.value;
              result->cost_max += line->weight * IAP_FACTOR_SCORE_MAX;
              result->cost_counted++;
            }
          continue;
        }

      if (value < 0)
        {
          *(line->risk ? &result->risk_unscored : &result->benefit_unscored) += 1;
          continue;
        }

      *(line->risk ? &result->risk : &result->benefit) += c.value;
      *(line->risk ? &result->risk_max : &result->benefit_max) += line->weight * IAP_FACTOR_SCORE_MAX;
      *(line->risk ? &result->risk_counted : &result->benefit_counted) += 1;
      if (c.value > 0)
        {
          g_array_append_val (line->risk ? risks : benefits, c);
          g_array_append_val (both, c);
        }
    }

  result->benefit_drivers = top_drivers (self, benefits);
  result->risk_drivers = top_drivers (self, risks);
  result->drivers = top_drivers (self, both);

  return result;
}

/**
 * iap_options_analysis_compute:
 * @factors: the factor catalog entries (#IapCatalogEntry)
 * @scores: the workshop's #IapFactorScore items
 * @options: the option ids under consideration
 *
 * Returns: (transfer full): the analysis
 */
IapOptionsAnalysis *
iap_options_analysis_compute (GListModel         *factors,
                              GListModel         *scores,
                              const char * const *options)
{
  IapOptionsAnalysis *self;
  g_autoptr(GHashTable) by_factor = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (factors), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (scores), NULL);

  self = g_new0 (IapOptionsAnalysis, 1);
  self->options = g_strdupv ((char **)(options != NULL ? options : (const char * const[]) { NULL }));
  self->factors = g_ptr_array_new_with_free_func (factor_line_free);
  self->results = g_ptr_array_new_with_free_func (option_result_free);

  by_factor = index_scores (scores);
  add_lines (self, factors, by_factor, IAP_FACTOR_SIDE_BENEFIT);
  add_lines (self, factors, by_factor, IAP_FACTOR_SIDE_RISK);
  add_lines (self, factors, by_factor, IAP_FACTOR_SIDE_COST);

  for (guint i = 0; self->options[i] != NULL; i++)
    g_ptr_array_add (self->results, weigh_option (self, i));

  return self;
}

/**
 * iap_options_analysis_new_for_workshop:
 *
 * Returns: (transfer full): the analysis of the options under
 *   consideration in @workshop; none when the context step names none
 */
IapOptionsAnalysis *
iap_options_analysis_new_for_workshop (IapWorkshop *workshop)
{
  IapCatalog *catalog;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  catalog = iap_workshop_get_catalog (workshop);

  return iap_options_analysis_compute (iap_catalog_get_entries (catalog, IAP_CATALOG_FACTOR),
                                       iap_workshop_get_factor_scores (workshop),
                                       iap_workshop_get_options (workshop));
}

void
iap_options_analysis_free (IapOptionsAnalysis *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->options);
  g_ptr_array_unref (self->factors);
  g_ptr_array_unref (self->results);
  g_free (self);
}

guint
iap_options_analysis_get_n_options (const IapOptionsAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->results->len;
}

const IapOptionResult *
iap_options_analysis_get_result (const IapOptionsAnalysis *self,
                                 guint                     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->results->len, NULL);

  return g_ptr_array_index (self->results, index);
}

/**
 * iap_options_analysis_lookup:
 *
 * Returns: (nullable): the result of @option, %NULL if it is not under
 *   consideration
 */
const IapOptionResult *
iap_options_analysis_lookup (const IapOptionsAnalysis *self,
                             const char               *option)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (option != NULL, NULL);

  for (guint i = 0; i < self->results->len; i++)
    {
      const IapOptionResult *result = g_ptr_array_index (self->results, i);

      if (g_str_equal (result->option, option))
        return result;
    }

  return NULL;
}

/**
 * iap_factor_line_get_contribution:
 *
 * Returns: weight × score of the factor on the option, or -1 when the
 *   factor is not weighted or the option not scored: unknown, never 0
 */
int
iap_factor_line_get_contribution (const IapFactorLine *line,
                                  guint                option_index)
{
  g_return_val_if_fail (line != NULL, -1);

  if (line->weight == 0 || line->scores[option_index] < 0)
    return -1;

  return (int)line->weight * line->scores[option_index];
}

static void
add_called_for (const IapOptionsAnalysis *self,
                guint                     option_index,
                GHashTable               *risks)
{
  for (guint i = 0; i < self->factors->len; i++)
    {
      const IapFactorLine *line = g_ptr_array_index (self->factors, i);

      if (line->side != IAP_FACTOR_SIDE_BENEFIT && iap_factor_line_get_contribution (line, option_index) > 0)
        g_hash_table_add (risks, (gpointer)iap_catalog_entry_get_id (line->factor));
    }
}

/**
 * iap_options_analysis_dup_measures:
 * @option: (nullable): an option under consideration, or %NULL for all
 *
 * The mitigation measures that the scored risks call for: each measure of
 * the catalog that addresses a risk factor that weighs on @option (any
 * option under consideration when %NULL), in catalog order.
 *
 * Returns: (transfer full): measure ids
 */
char **
iap_options_analysis_dup_measures (const IapOptionsAnalysis *self,
                                   IapCatalog               *catalog,
                                   const char               *option)
{
  g_autoptr(GHashTable) risks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *measures;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (IAP_IS_CATALOG (catalog), NULL);

  for (guint i = 0; self->options[i] != NULL; i++)
    if (option == NULL || g_str_equal (option, self->options[i]))
      add_called_for (self, i, risks);

  measures = iap_catalog_get_entries (catalog, IAP_CATALOG_MEASURE);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(IapCatalogEntry) measure = g_list_model_get_item (measures, i);
      const char * const *addresses = iap_catalog_entry_get_addresses (measure);

      for (guint a = 0; addresses[a] != NULL; a++)
        if (g_hash_table_contains (risks, addresses[a]))
          {
            g_strv_builder_add (builder, iap_catalog_entry_get_id (measure));
            break;
          }
    }

  return g_strv_builder_end (builder);
}

/**
 * iap_option_result_get_share:
 * @risk: the risk side, else the benefit side
 *
 * One side of @result as a share of the most it could reach: its sum of
 * weight × score over the sum of weight × 4 of the same factors, in whole
 * percent. Only shares compare across the two sides, whose weights differ.
 *
 * Returns: 0 to 100, or -1 when no factor of that side counts yet
 */
int
iap_option_result_get_share (const IapOptionResult *result,
                             gboolean               risk)
{
  return iap_option_result_get_side_share (result, risk ? IAP_FACTOR_SIDE_RISK : IAP_FACTOR_SIDE_BENEFIT);
}

/**
 * iap_option_result_get_side_share:
 *
 * One side of @result as a share of the most it could reach, as
 * iap_option_result_get_share() gives it, for any of the three sides.
 *
 * Returns: 0 to 100, or -1 when no factor of that side counts yet
 */
int
iap_option_result_get_side_share (const IapOptionResult *result,
                                  IapFactorSide          side)
{
  guint value, max;

  g_return_val_if_fail (result != NULL, -1);

  switch (side)
    {
    case IAP_FACTOR_SIDE_RISK:
      value = result->risk, max = result->risk_max;
      break;
    case IAP_FACTOR_SIDE_COST:
      value = result->cost, max = result->cost_max;
      break;
    case IAP_FACTOR_SIDE_BENEFIT:
    default:
      value = result->benefit, max = result->benefit_max;
      break;
    }

  if (max == 0)
    return -1;

  return (int)((200 * (guint64)value + max) / (2 * (guint64)max));
}

/**
 * iap_option_result_has_side:
 *
 * Returns: whether the catalog has any factor on @side, scored or not:
 *   a workshop whose catalog weighs no transaction costs shows none
 */
gboolean
iap_option_result_has_side (const IapOptionResult *result,
                            IapFactorSide          side)
{
  g_return_val_if_fail (result != NULL, FALSE);

  switch (side)
    {
    case IAP_FACTOR_SIDE_RISK:
      return result->risk_counted + result->risk_unscored > 0;
    case IAP_FACTOR_SIDE_COST:
      return result->cost_counted + result->cost_unscored > 0;
    case IAP_FACTOR_SIDE_BENEFIT:
    default:
      return result->benefit_counted + result->benefit_unscored > 0;
    }
}

/**
 * iap_option_result_dup_share:
 *
 * Returns: (transfer full): one side's share, such as "92%", or a dash
 *   when no factor of that side counts yet
 */
char *
iap_option_result_dup_share (const IapOptionResult *result,
                             gboolean               risk)
{
  return iap_option_result_dup_side_share (result, risk ? IAP_FACTOR_SIDE_RISK : IAP_FACTOR_SIDE_BENEFIT);
}

char *
iap_option_result_dup_side_share (const IapOptionResult *result,
                                  IapFactorSide          side)
{
  int share = iap_option_result_get_side_share (result, side);

  g_return_val_if_fail (result != NULL, NULL);

  if (share < 0)
    return g_strdup ("–");

  /* Translators: a share of the most a side could reach, such as “92%” */
  return g_strdup_printf (C_("share", "%d%%"), share);
}

/**
 * iap_option_result_dup_totals:
 *
 * Returns: (transfer full): every side, each as a share of its own
 *   maximum, such as "Benefits 92% of their maximum · Risks 93% of
 *   their maximum · Transaction costs 50% of their maximum"
 */
char *
iap_option_result_dup_totals (const IapOptionResult *result)
{
  g_autofree char *benefits = NULL;
  g_autofree char *risks = NULL;
  g_autofree char *costs = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  benefits = iap_option_result_get_share (result, FALSE) < 0
             ? g_strdup (_("Benefits not scored yet"))
             /* Translators: the benefits of an option as a share of the most they could reach, “92%” */
             : g_strdup_printf (_("Benefits %d%% of their maximum"), iap_option_result_get_share (result, FALSE));
  risks = iap_option_result_get_share (result, TRUE) < 0
          ? g_strdup (_("Risks not scored yet"))
          /* Translators: the risks of an option as a share of the most they could reach, “93%” */
          : g_strdup_printf (_("Risks %d%% of their maximum"), iap_option_result_get_share (result, TRUE));

  if (!iap_option_result_has_side (result, IAP_FACTOR_SIDE_COST))
    /* Translators: an option's benefits, then its risks */
    return g_strdup_printf (_("%s · %s"), benefits, risks);

  costs = iap_option_result_get_side_share (result, IAP_FACTOR_SIDE_COST) < 0
          ? g_strdup (_("Transaction costs not scored yet"))
          /* Translators: the transaction costs of an option as a share of the most they could reach, “50%” */
          : g_strdup_printf (_("Transaction costs %d%% of their maximum"),
                             iap_option_result_get_side_share (result, IAP_FACTOR_SIDE_COST));

  /* Translators: an option's benefits, its risks, then its transaction costs */
  return g_strdup_printf (_("%s · %s · %s"), benefits, risks, costs);
}

/**
 * iap_option_result_dup_unscored:
 *
 * Returns: (transfer full) (nullable): how many factors the sums leave
 *   out, or %NULL when every factor counts
 */
char *
iap_option_result_dup_unscored (const IapOptionResult *result)
{
  guint n;

  g_return_val_if_fail (result != NULL, NULL);

  n = result->benefit_unscored + result->risk_unscored + result->cost_unscored;
  if (n == 0)
    return NULL;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u factor not yet weighted or scored",
                                       "%u factors not yet weighted or scored", n),
                          n);
}

/**
 * iap_options_get_roles:
 * @workshop: an #IapWorkshop
 * @option: an option id
 * @roles: (out caller-allocates) (array fixed-size=2): filled with the
 *   roles @workshop gives @option, translated
 *
 * The roles of an option, in the one order every chart gives them:
 * recommended by the group, then the current configuration.
 *
 * Returns: how many roles were set in @roles, 0 to 2
 */
guint
iap_options_get_roles (IapWorkshop  *workshop,
                       const char   *option,
                       const char  **roles)
{
  guint n = 0;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (roles != NULL, 0);

  if (option != NULL && g_strcmp0 (iap_workshop_get_recommendation (workshop), option) == 0)
    roles[n++] = _("Recommended by the group");
  if (option != NULL && g_strcmp0 (iap_workshop_get_current_option (workshop), option) == 0)
    roles[n++] = _("Current configuration");

  return n;
}

/**
 * iap_options_join_notes:
 * @notes: (array length=n_notes): short notes on one thing, in their order
 * @n_notes: the length of @notes
 *
 * Returns: (transfer full): @notes joined as one line, “Recommended by the
 *   group · Current configuration”, or an empty string when there is none
 */
char *
iap_options_join_notes (const char * const *notes,
                        guint               n_notes)
{
  g_autofree char *text = g_strdup (n_notes > 0 ? notes[0] : "");

  for (guint i = 1; i < n_notes; i++)
    {
      char *joined;

      /* Translators: between two short notes on one option or chart, in one
       * line: “Recommended by the group · Current configuration” */
      joined = g_strdup_printf (C_("notes", "%s · %s"), text, notes[i]);
      g_free (text);
      text = joined;
    }

  return g_steal_pointer (&text);
}

/**
 * iap_options_dup_labels:
 * @kind: the catalog kind of @ids
 *
 * Returns: (transfer full): the labels of @ids, separated by commas
 */
char *
iap_options_dup_labels (const char * const *ids,
                        IapCatalog         *catalog,
                        const char         *kind)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (IAP_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      IapCatalogEntry *entry = iap_catalog_lookup (catalog, kind, ids[i]);

      if (i > 0)
        /* Translators: between the items of a list, such as factors */
        g_string_append (text, _(", "));
      g_string_append (text, entry != NULL ? iap_catalog_entry_get_label (entry) : ids[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_result (GString               *text,
               const IapOptionResult *result,
               IapCatalog            *catalog)
{
  IapCatalogEntry *option = iap_catalog_lookup (catalog, IAP_CATALOG_OPTION, result->option);
  g_autofree char *totals = iap_option_result_dup_totals (result);
  g_autofree char *unscored = iap_option_result_dup_unscored (result);
  g_autofree char *benefits = iap_options_dup_labels ((const char * const *)result->benefit_drivers,
                                                      catalog, IAP_CATALOG_FACTOR);
  g_autofree char *risks = iap_options_dup_labels ((const char * const *)result->risk_drivers,
                                                   catalog, IAP_CATALOG_FACTOR);

  /* Translators: a structural option and its weighed benefits and risks */
  g_string_append_printf (text, _("%s: %s."),
                          option != NULL ? iap_catalog_entry_get_label (option) : result->option,
                          totals);
  if (benefits[0] != '\0')
    g_string_append_printf (text, " %s %s.", _("Main benefits:"), benefits);
  if (risks[0] != '\0')
    g_string_append_printf (text, " %s %s.", _("Main risks:"), risks);
  if (unscored != NULL)
    g_string_append_printf (text, " %s.", unscored);
}

/**
 * iap_options_analysis_dup_summary:
 *
 * Returns: (transfer full): the analysis in a few sentences, one line per
 *   option, for a screen reader and wherever the chart cannot be seen
 */
char *
iap_options_analysis_dup_summary (const IapOptionsAnalysis *self,
                                  IapCatalog               *catalog)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (IAP_IS_CATALOG (catalog), NULL);

  if (self->results->len == 0)
    return g_strdup (_("No structural options are under consideration yet: choose them in the Context step."));

  for (guint i = 0; i < self->results->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      append_result (text, g_ptr_array_index (self->results, i), catalog);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * iap_options_dup_weighting:
 *
 * Returns: (transfer full): how the sides are weighed, with the weight
 *   the group gave each factor, for wherever the shares are printed
 */
char *
iap_options_dup_weighting (const IapOptionsAnalysis *self)
{
  g_autoptr(GString) weights = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->factors->len; i++)
    {
      const IapFactorLine *line = g_ptr_array_index (self->factors, i);

      if (line->weight == 0)
        continue;
      if (weights->len > 0)
        g_string_append (weights, _(", "));
      /* Translators: a factor and the weight the group gave it, “Influence 4” */
      g_string_append_printf (weights, C_("weighting", "%s %u"),
                              iap_catalog_entry_get_label (line->factor), line->weight);
    }

  if (weights->len == 0)
    return g_strdup (_("Each side is the sum of weight × score over its factors, as a share of "
                       "the most it could reach (every factor scored 4). No factor is weighted yet."));

  /* Translators: %s lists the factors with their weights */
  return g_strdup_printf (_("Each side is the sum of weight × score over its factors, as a share of "
                            "the most it could reach (every factor scored 4); benefits, risks and "
                            "transaction costs are never netted. Weights set by the group, 1 to 5: %s."),
                          weights->str);
}

/**
 * iap_options_get_policy_note:
 * @environment: an environment classification id
 *
 * What the sources say about structural integration in @environment.
 * Their caution is stated for high-risk environments only; the elevated
 * level is this application's own, and its note says so.
 *
 * Returns: (nullable): the note, %NULL in a permissive environment
 */
const char *
iap_options_get_policy_note (const char *environment)
{
  if (g_strcmp0 (environment, "high-risk") == 0)
    return _("High-risk environment (by a working definition that is not policy). The sources say "
             "that structural integration “may be avoided where the risk for humanitarian space is "
             "considered to be high”.");
  if (g_strcmp0 (environment, "elevated") == 0)
    return _("Elevated: a level this application adds between permissive and high-risk; it is not "
             "a policy category. The sources’ caution about structural integration is stated for "
             "high-risk environments; weigh the risks below with care.");

  return NULL;
}
