/* iap-comparison.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What changed from one workshop to another (a field office's copy, the
 * workshop after the mandate renewal, the backup of the last save), or
 * from one round of a workshop to another: a list of changes, step by
 * step, and where each risk moved on the heat map.
 *
 * Items are paired once, when the comparison is made (iap-match.c);
 * pairs made by title are proposed to the facilitator, and the changes
 * are listed again whenever one of them is confirmed or rejected.
 */

#define G_LOG_DOMAIN "iap-comparison"

#include "config.h"

#include "iap-i18n.h"

#include "iap-comparison.h"
#include "iap-compare-private.h"
#include "iap-consensus.h"
#include "iap-environment.h"
#include "iap-options-analysis.h"

struct _IapComparison
{
  GObject parent_instance;

  /* Owned */
  IapWorkshop *old_workshop;
  IapWorkshop *new_workshop;
  IapRound *old_round;
  IapRound *new_round;
  GListStore *risk_matches;
  GListStore *mitigation_matches;
  GListStore *participant_matches;
  GListStore *proposed;
  GListStore *changes;
  GArray *movements[IAP_MOVEMENT_MEDIAN + 1];
  guint n_removed;
  char *old_label;
  char *new_label;

  /* Built by each update */
  GPtrArray *pending;
  GHashTable *risk_ids;
};

G_DEFINE_FINAL_TYPE (IapComparison, iap_comparison, G_TYPE_OBJECT)

static void
iap_comparison_dispose (GObject *object)
{
  IapComparison *self = (IapComparison *)object;

  g_clear_object (&self->old_workshop);
  g_clear_object (&self->new_workshop);
  g_clear_object (&self->old_round);
  g_clear_object (&self->new_round);
  g_clear_object (&self->risk_matches);
  g_clear_object (&self->mitigation_matches);
  g_clear_object (&self->participant_matches);
  g_clear_object (&self->proposed);
  g_clear_object (&self->changes);

  G_OBJECT_CLASS (iap_comparison_parent_class)->dispose (object);
}

static void
iap_comparison_finalize (GObject *object)
{
  IapComparison *self = (IapComparison *)object;

  for (guint k = 0; k < G_N_ELEMENTS (self->movements); k++)
    g_clear_pointer (&self->movements[k], g_array_unref);
  g_clear_pointer (&self->old_label, g_free);
  g_clear_pointer (&self->new_label, g_free);

  G_OBJECT_CLASS (iap_comparison_parent_class)->finalize (object);
}

static void
iap_comparison_class_init (IapComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iap_comparison_dispose;
  object_class->finalize = iap_comparison_finalize;
}

static void
iap_comparison_init (IapComparison *self)
{
  self->proposed = g_list_store_new (IAP_TYPE_MATCH);
  self->changes = g_list_store_new (IAP_TYPE_CHANGE);
  for (guint k = 0; k < G_N_ELEMENTS (self->movements); k++)
    self->movements[k] = g_array_new (FALSE, FALSE, sizeof (IapMovement));
}

/* Helpers ---------------------------------------------------------------- */

static void
add (IapComparison *self,
     IapChange     *change)
{
  g_ptr_array_add (self->pending, change);
}

/* The fields of @table that differ between two items, as changes. */
static void
compare_fields (IapComparison         *self,
                IapStep                step,
                const char            *subject,
                const char            *id,
                const IapCompareField *table,
                GObject               *old_item,
                GObject               *new_item,
                const char            *heading,
                guint                  number)
{
  IapCompareSide old_side = { self->old_workshop, self->risk_ids, 0, 0 };
  IapCompareSide new_side = { self->new_workshop, NULL, 0, 0 };
  IapScales *scales = iap_workshop_get_scales (self->new_workshop);

  old_side.n_likelihood = iap_scales_get_n_likelihood (scales);
  old_side.n_impact = iap_scales_get_n_impact (scales);

  for (const IapCompareField *field = table; field->name != NULL; field++)
    {
      g_autofree char *old_key = _iap_compare_dup_key (field, &old_side, old_item);
      g_autofree char *new_key = _iap_compare_dup_key (field, &new_side, new_item);
      IapChange *change;

      if (g_str_equal (old_key, new_key))
        continue;
      change = _iap_compare_field_change (step, subject, id, field, self->old_workshop, old_item,
                                          self->new_workshop, new_item, heading);
      _iap_change_set_number (change, number);
      add (self, change);
    }
}

static const char *
added_text (void)
{
  return C_("change", "Added");
}

static const char *
removed_text (void)
{
  return C_("change", "Removed");
}

/* Set-up and participants ------------------------------------------------ */

static void
compare_participants (IapComparison *self)
{
  GListModel *old_list = iap_workshop_get_participants (self->old_workshop);
  GListModel *new_list = iap_workshop_get_participants (self->new_workshop);
  g_autoptr(GHashTable) old_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);

  for (guint m = 0; m < g_list_model_get_n_items (G_LIST_MODEL (self->participant_matches)); m++)
    {
      g_autoptr(IapMatch) match = g_list_model_get_item (G_LIST_MODEL (self->participant_matches), m);

      g_hash_table_insert (old_of, iap_match_get_new (match), iap_match_get_old (match));
      g_hash_table_add (matched, iap_match_get_old (match));
    }

  for (guint i = 0; i < g_list_model_get_n_items (new_list); i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (new_list, i);
      IapParticipant *old = g_hash_table_lookup (old_of, p);
      g_autofree char *heading = _iap_compare_dup_heading ("participant", self->new_workshop,
                                                           G_OBJECT (p), 0);

      if (old == NULL)
        add (self, _iap_compare_item_change (IAP_STEP_SETUP, IAP_CHANGE_ADDED, "participant",
                                iap_participant_get_id (p), heading, added_text (), 0));
      else
        compare_fields (self, IAP_STEP_SETUP, "participant", iap_participant_get_id (p),
                        iap_compare_participant_fields, G_OBJECT (old), G_OBJECT (p), heading, 0);
    }

  for (guint i = 0; i < g_list_model_get_n_items (old_list); i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (old_list, i);
      g_autofree char *heading = NULL;

      if (g_hash_table_contains (matched, p))
        continue;
      heading = _iap_compare_dup_heading ("participant", self->old_workshop, G_OBJECT (p), 0);
      add (self, _iap_compare_item_change (IAP_STEP_SETUP, IAP_CHANGE_REMOVED, "participant",
                              iap_participant_get_id (p), heading, removed_text (), 0));
    }
}

static void
compare_setup (IapComparison *self)
{
  g_autofree char *heading = _iap_compare_dup_heading ("setup", self->new_workshop, NULL, 0);

  compare_fields (self, IAP_STEP_SETUP, "setup", NULL, iap_compare_setup_fields,
                  G_OBJECT (self->old_workshop), G_OBJECT (self->new_workshop), heading, 0);
  compare_participants (self);
}

/* Context and environment ------------------------------------------------ */

static void
compare_environment (IapComparison *self)
{
  g_autoptr(IapEnvironment) old_env = iap_environment_new_for_workshop (self->old_workshop);
  g_autoptr(IapEnvironment) new_env = iap_environment_new_for_workshop (self->new_workshop);
  g_autofree char *heading = _iap_compare_dup_heading ("environment", self->new_workshop, NULL, 0);

  if (old_env->classification != new_env->classification)
    {
      g_autofree char *old_text = iap_environment_dup_summary (old_env, iap_workshop_get_catalog (self->old_workshop));
      g_autofree char *new_text = iap_environment_dup_summary (new_env, iap_workshop_get_catalog (self->new_workshop));
      /* Translators: the environment classification changed: the old one
       * with its reasons, then the new one */
      g_autofree char *description = g_strdup_printf (C_("change", "%s → %s"), old_text, new_text);
      IapChange *change = _iap_compare_item_change (IAP_STEP_CONTEXT, IAP_CHANGE_CHANGED, "environment", NULL,
                                       heading, description, 0);

      _iap_change_set_field (change, "classification", NULL);
      _iap_change_set_values (change, iap_environment_level_to_id (old_env->classification),
                              iap_environment_level_to_id (new_env->classification));
      add (self, change);
    }

  compare_fields (self, IAP_STEP_CONTEXT, "environment", NULL, iap_compare_override_fields,
                  G_OBJECT (self->old_workshop), G_OBJECT (self->new_workshop), heading, 0);
}

/* The answers to the indicators: the reasons of the classification. */
static void
compare_indicators (IapComparison *self)
{
  GListModel *indicators = iap_catalog_get_entries (iap_workshop_get_catalog (self->new_workshop),
                                                    IAP_CATALOG_INDICATOR);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (indicators, i);
      const char *id = iap_catalog_entry_get_id (entry);
      IapIndicatorAnswer *old = iap_workshop_find_indicator (self->old_workshop, id);
      IapIndicatorAnswer *new = iap_workshop_find_indicator (self->new_workshop, id);
      g_autoptr(IapIndicatorAnswer) none = iap_indicator_answer_new (id);
      g_autofree char *heading = NULL;

      if (old == NULL && new == NULL)
        continue;
      heading = _iap_compare_dup_heading ("indicator", self->new_workshop, G_OBJECT (none), 0);
      compare_fields (self, IAP_STEP_CONTEXT, "indicator", id, iap_compare_indicator_fields,
                      G_OBJECT (old != NULL ? old : none), G_OBJECT (new != NULL ? new : none),
                      heading, 0);
    }
}

static void
compare_context (IapComparison *self)
{
  g_autofree char *heading = _iap_compare_dup_heading ("context", self->new_workshop, NULL, 0);

  compare_fields (self, IAP_STEP_CONTEXT, "context", NULL, iap_compare_context_fields,
                  G_OBJECT (self->old_workshop), G_OBJECT (self->new_workshop), heading, 0);
  compare_environment (self);
  compare_indicators (self);
}

/* Risks ------------------------------------------------------------------ */

/* The risks of the old workshop, by id, to their partner in the new one */
static void
build_risk_ids (IapComparison *self)
{
  for (guint m = 0; m < g_list_model_get_n_items (G_LIST_MODEL (self->risk_matches)); m++)
    {
      g_autoptr(IapMatch) match = g_list_model_get_item (G_LIST_MODEL (self->risk_matches), m);

      if (iap_match_get_confirmed (match))
        g_hash_table_insert (self->risk_ids,
                             g_strdup (iap_risk_get_id (iap_match_get_old (match))),
                             g_strdup (iap_risk_get_id (iap_match_get_new (match))));
    }
}

static void
paired_by_title (IapComparison *self,
                 IapMatch      *match,
                 const char    *heading,
                 guint          number)
{
  IapRisk *old = iap_match_get_old (match), *new = iap_match_get_new (match);
  g_autofree char *description = NULL;
  IapChange *change;

  /* Translators: a risk of one workshop taken for a risk of the other
   * with another identifier; the last %u is a percentage */
  description = g_strdup_printf (C_("change", "Taken for %s of the other workshop: same arrangement and area, title %u%% alike"),
                                 iap_risk_get_id (old), iap_match_get_similarity (match));
  change = _iap_compare_item_change (IAP_STEP_MATRIX, IAP_CHANGE_CHANGED, "risk", iap_risk_get_id (new),
                        heading, description, number);
  _iap_change_set_field (change, "id", NULL);
  _iap_change_set_old_id (change, iap_risk_get_id (old));
  _iap_change_set_values (change, iap_risk_get_id (old), iap_risk_get_id (new));
  _iap_change_set_similarity (change, iap_match_get_similarity (match));
  add (self, change);
}

static void
add_movement (IapComparison   *self,
              IapMovementKind  kind,
              guint            number,
              IapRisk         *old,
              IapRisk         *new)
{
  IapRatingKind rating = kind == IAP_MOVEMENT_INHERENT ? IAP_RATING_INHERENT : IAP_RATING_RESIDUAL;
  IapScales *old_scales = iap_workshop_get_scales (self->old_workshop);
  IapScales *new_scales = iap_workshop_get_scales (self->new_workshop);
  IapMovement movement = { number, 0, 0, 0, 0 };
  guint l, i;

  if (old != NULL && iap_risk_get_rating (old, rating, old_scales, &l, &i, NULL))
    {
      movement.from_likelihood = iap_workshop_remap_level (l, iap_scales_get_n_likelihood (old_scales),
                                                           iap_scales_get_n_likelihood (new_scales));
      movement.from_impact = iap_workshop_remap_level (i, iap_scales_get_n_impact (old_scales),
                                                       iap_scales_get_n_impact (new_scales));
    }
  if (iap_risk_get_rating (new, rating, new_scales, &l, &i, NULL))
    movement.to_likelihood = l, movement.to_impact = i;

  g_array_append_val (self->movements[kind], movement);
}

static char *
dup_added_risk_text (IapWorkshop *workshop,
                     IapRisk     *risk)
{
  guint l = 0, i = 0;

  if (!iap_risk_get_rating (risk, IAP_RATING_INHERENT, iap_workshop_get_scales (workshop), &l, &i, NULL))
    return g_strdup (added_text ());

  {
    g_autofree char *rating = _iap_compare_dup_rating_text (workshop, l, i);

    /* Translators: a risk added, with its inherent rating */
    return g_strdup_printf (C_("change", "Added, inherent rating %s"), rating);
  }
}

static void
compare_risks (IapComparison *self)
{
  GListModel *old_list = iap_workshop_get_risks (self->old_workshop);
  GListModel *new_list = iap_workshop_get_risks (self->new_workshop);
  g_autoptr(GHashTable) match_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);

  for (guint m = 0; m < g_list_model_get_n_items (G_LIST_MODEL (self->risk_matches)); m++)
    {
      g_autoptr(IapMatch) match = g_list_model_get_item (G_LIST_MODEL (self->risk_matches), m);

      if (!iap_match_get_confirmed (match))
        continue;
      g_hash_table_insert (match_of, iap_match_get_new (match), match);
      g_hash_table_add (matched, iap_match_get_old (match));
    }

  for (guint r = 0; r < g_list_model_get_n_items (new_list); r++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (new_list, r);
      IapMatch *match = g_hash_table_lookup (match_of, risk);
      IapRisk *old = match != NULL ? iap_match_get_old (match) : NULL;
      g_autofree char *heading = _iap_compare_dup_heading ("risk", self->new_workshop, G_OBJECT (risk), r + 1);

      add_movement (self, IAP_MOVEMENT_INHERENT, r + 1, old, risk);
      add_movement (self, IAP_MOVEMENT_RESIDUAL, r + 1, old, risk);

      if (old == NULL)
        {
          g_autofree char *text = dup_added_risk_text (self->new_workshop, risk);
          IapChange *change = _iap_compare_item_change (IAP_STEP_MATRIX, IAP_CHANGE_ADDED, "risk",
                                           iap_risk_get_id (risk), heading, text, r + 1);
          guint l = 0, i = 0;
          IapBand band = 0;

          if (iap_risk_get_rating (risk, IAP_RATING_INHERENT, iap_workshop_get_scales (self->new_workshop),
                                   &l, &i, &band))
            _iap_change_set_ratings (change, 0, 0, -1, l, i, band);
          add (self, change);
          continue;
        }

      if (iap_match_get_method (match) == IAP_MATCH_TITLE)
        paired_by_title (self, match, heading, r + 1);
      compare_fields (self, IAP_STEP_MATRIX, "risk", iap_risk_get_id (risk), iap_compare_risk_fields,
                      G_OBJECT (old), G_OBJECT (risk), heading, r + 1);
    }

  self->n_removed = 0;
  for (guint r = 0; r < g_list_model_get_n_items (old_list); r++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (old_list, r);
      g_autofree char *heading = NULL;

      if (g_hash_table_contains (matched, risk))
        continue;
      heading = _iap_compare_dup_heading ("risk", self->old_workshop, G_OBJECT (risk), r + 1);
      add (self, _iap_compare_item_change (IAP_STEP_MATRIX, IAP_CHANGE_REMOVED, "risk", iap_risk_get_id (risk),
                              heading, removed_text (), r + 1));
      self->n_removed++;
    }
}

/* Triple-hatting --------------------------------------------------------- */

static char *
canonical_option (IapWorkshop *workshop,
                  const char  *id)
{
  return iap_match_canonical_ref (workshop, IAP_CATALOG_OPTION, id);
}

/* The options of @a that @b does not consider, as changes of @kind */
static void
options_missing (IapComparison *self,
                 IapWorkshop   *a,
                 IapWorkshop   *b,
                 IapChangeKind  kind)
{
  const char * const *options = iap_workshop_get_options (a);
  const char * const *others = iap_workshop_get_options (b);

  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    {
      g_autofree char *key = canonical_option (a, options[i]);
      g_autofree char *label = NULL;
      g_autofree char *heading = NULL;
      gboolean found = FALSE;

      for (guint j = 0; !found && others != NULL && others[j] != NULL; j++)
        {
          g_autofree char *other = canonical_option (b, others[j]);

          found = g_str_equal (key, other);
        }
      if (found)
        continue;

      label = _iap_compare_dup_ref_label (a, IAP_CATALOG_OPTION, options[i]);
      heading = g_strdup_printf (C_("change heading", "Option: %s"), label);
      add (self, _iap_compare_item_change (IAP_STEP_TRIPLE_HATTING, kind, "option", options[i], heading,
                              kind == IAP_CHANGE_ADDED ? C_("change", "Now under consideration")
                                                       : C_("change", "No longer under consideration"),
                              0));
    }
}

static int
factor_score (IapFactorScore *score,
              const char     *option)
{
  guint value;

  if (score == NULL || !iap_factor_score_lookup (score, option, &value))
    return -1;

  return value;
}

static void
compare_factor (IapComparison  *self,
                IapCatalogEntry *factor,
                const char * const *options)
{
  const char *id = iap_catalog_entry_get_id (factor);
  IapFactorScore *new = iap_workshop_find_factor_score (self->new_workshop, id);
  IapFactorScore *old = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *key = iap_match_canonical_ref (self->new_workshop, IAP_CATALOG_FACTOR, id);
  GListModel *old_scores = iap_workshop_get_factor_scores (self->old_workshop);
  int old_weight, new_weight;

  for (guint i = 0; old == NULL && i < g_list_model_get_n_items (old_scores); i++)
    {
      g_autoptr(IapFactorScore) score = g_list_model_get_item (old_scores, i);
      g_autofree char *other = iap_match_canonical_ref (self->old_workshop, IAP_CATALOG_FACTOR,
                                                        iap_factor_score_get_factor (score));

      if (g_str_equal (key, other))
        old = score;
    }
  if (old == NULL && new == NULL)
    return;

  heading = g_strdup_printf (C_("change heading", "Factor: %s"), iap_catalog_entry_get_label (factor));
  old_weight = old != NULL && iap_factor_score_get_weight (old) > 0 ? (int)iap_factor_score_get_weight (old) : -1;
  new_weight = new != NULL && iap_factor_score_get_weight (new) > 0 ? (int)iap_factor_score_get_weight (new) : -1;
  if (old_weight != new_weight)
    add (self, _iap_compare_number_change (IAP_STEP_TRIPLE_HATTING, "factor", id, "weight", NULL, heading,
                                           C_("change field", "Weight"), old_weight, new_weight, FALSE));

  for (guint o = 0; options != NULL && options[o] != NULL; o++)
    {
      int before = factor_score (old, options[o]), after = factor_score (new, options[o]);
      g_autofree char *option = NULL;
      g_autofree char *label = NULL;

      if (before == after)
        continue;
      option = _iap_compare_dup_ref_label (self->new_workshop, IAP_CATALOG_OPTION, options[o]);
      /* Translators: a factor's score for a structural option */
      label = g_strdup_printf (C_("change field", "Score for %s"), option);
      add (self, _iap_compare_number_change (IAP_STEP_TRIPLE_HATTING, "factor", id, "score", options[o],
                                             heading, label, before, after, FALSE));
    }
}

static void
compare_shares (IapComparison *self)
{
  g_autoptr(IapOptionsAnalysis) old_analysis = iap_options_analysis_new_for_workshop (self->old_workshop);
  g_autoptr(IapOptionsAnalysis) new_analysis = iap_options_analysis_new_for_workshop (self->new_workshop);

  for (guint i = 0; i < iap_options_analysis_get_n_options (new_analysis); i++)
    {
      const IapOptionResult *new = iap_options_analysis_get_result (new_analysis, i);
      const IapOptionResult *old = iap_options_analysis_lookup (old_analysis, new->option);
      g_autofree char *label = NULL;
      g_autofree char *heading = NULL;

      if (old == NULL)
        continue;
      label = _iap_compare_dup_ref_label (self->new_workshop, IAP_CATALOG_OPTION, new->option);
      heading = g_strdup_printf (C_("change heading", "Option: %s"), label);
      for (guint side = 0; side < 2; side++)
        {
          int before = iap_option_result_get_share (old, side), after = iap_option_result_get_share (new, side);

          if (before != after)
            add (self, _iap_compare_number_change (IAP_STEP_TRIPLE_HATTING, "option", new->option,
                                                   side ? "risk-share" : "benefit-share", NULL, heading,
                                                   side ? C_("change field", "Risks, share of their maximum")
                                                        : C_("change field", "Benefits, share of their maximum"),
                                                   before, after, TRUE));
        }
    }
}

static void
compare_triple_hatting (IapComparison *self)
{
  IapCatalog *catalog = iap_workshop_get_catalog (self->new_workshop);
  GListModel *factors = iap_catalog_get_entries (catalog, IAP_CATALOG_FACTOR);
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (g_free);
  GListModel *all_options = iap_catalog_get_entries (catalog, IAP_CATALOG_OPTION);

  options_missing (self, self->new_workshop, self->old_workshop, IAP_CHANGE_ADDED);
  options_missing (self, self->old_workshop, self->new_workshop, IAP_CHANGE_REMOVED);

  for (guint i = 0; i < g_list_model_get_n_items (all_options); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (all_options, i);

      g_ptr_array_add (options, g_strdup (iap_catalog_entry_get_id (entry)));
    }
  g_ptr_array_add (options, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (factors); i++)
    {
      g_autoptr(IapCatalogEntry) factor = g_list_model_get_item (factors, i);

      compare_factor (self, factor, (const char * const *)options->pdata);
    }

  compare_shares (self);
}

/* Mitigation plan and summary -------------------------------------------- */

static void
compare_mitigations (IapComparison *self)
{
  GListModel *old_list = iap_workshop_get_mitigations (self->old_workshop);
  GListModel *new_list = iap_workshop_get_mitigations (self->new_workshop);
  g_autoptr(GHashTable) old_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);

  for (guint m = 0; m < g_list_model_get_n_items (G_LIST_MODEL (self->mitigation_matches)); m++)
    {
      g_autoptr(IapMatch) match = g_list_model_get_item (G_LIST_MODEL (self->mitigation_matches), m);

      if (!iap_match_get_confirmed (match))
        continue;
      g_hash_table_insert (old_of, iap_match_get_new (match), iap_match_get_old (match));
      g_hash_table_add (matched, iap_match_get_old (match));
    }

  for (guint i = 0; i < g_list_model_get_n_items (new_list); i++)
    {
      g_autoptr(IapMitigation) m = g_list_model_get_item (new_list, i);
      IapMitigation *old = g_hash_table_lookup (old_of, m);
      g_autofree char *heading = _iap_compare_dup_heading ("mitigation", self->new_workshop, G_OBJECT (m), 0);

      if (old == NULL)
        add (self, _iap_compare_item_change (IAP_STEP_MITIGATION, IAP_CHANGE_ADDED, "mitigation",
                                iap_mitigation_get_id (m), heading, added_text (), 0));
      else
        compare_fields (self, IAP_STEP_MITIGATION, "mitigation", iap_mitigation_get_id (m),
                        iap_compare_mitigation_fields, G_OBJECT (old), G_OBJECT (m), heading, 0);
    }

  for (guint i = 0; i < g_list_model_get_n_items (old_list); i++)
    {
      g_autoptr(IapMitigation) m = g_list_model_get_item (old_list, i);
      g_autofree char *heading = NULL;

      if (g_hash_table_contains (matched, m))
        continue;
      heading = _iap_compare_dup_heading ("mitigation", self->old_workshop, G_OBJECT (m), 0);
      add (self, _iap_compare_item_change (IAP_STEP_MITIGATION, IAP_CHANGE_REMOVED, "mitigation",
                              iap_mitigation_get_id (m), heading, removed_text (), 0));
    }
}

static void
compare_summary (IapComparison *self)
{
  g_autofree char *heading = _iap_compare_dup_heading ("recommendation", self->new_workshop, NULL, 0);

  compare_fields (self, IAP_STEP_SUMMARY, "recommendation", NULL, iap_compare_recommendation_fields,
                  G_OBJECT (self->old_workshop), G_OBJECT (self->new_workshop), heading, 0);
}

/* Updating --------------------------------------------------------------- */

/**
 * iap_comparison_update:
 *
 * Lists the changes again, as the confirmed pairs now say. Confirming or
 * rejecting a proposed pair does this by itself.
 */
void
iap_comparison_update (IapComparison *self)
{
  g_return_if_fail (IAP_IS_COMPARISON (self));

  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->risk_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint k = 0; k < G_N_ELEMENTS (self->movements); k++)
    g_array_set_size (self->movements[k], 0);

  if (self->old_round != NULL)
    _iap_comparison_compare_rounds (self->new_workshop, self->old_round, self->new_round,
                                    self->pending, self->movements[IAP_MOVEMENT_MEDIAN]);
  else
    {
      build_risk_ids (self);
      compare_setup (self);
      compare_context (self);
      compare_risks (self);
      compare_triple_hatting (self);
      compare_mitigations (self);
      compare_summary (self);
    }

  g_list_store_splice (self->changes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->changes)),
                       self->pending->pdata, self->pending->len);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->risk_ids, g_hash_table_unref);
}

static void
on_confirmed_changed (IapComparison *self)
{
  iap_comparison_update (self);
}

static void
propose (IapComparison *self,
         GListStore    *matches)
{
  for (guint m = 0; m < g_list_model_get_n_items (G_LIST_MODEL (matches)); m++)
    {
      g_autoptr(IapMatch) match = g_list_model_get_item (G_LIST_MODEL (matches), m);

      if (iap_match_get_method (match) != IAP_MATCH_TITLE)
        continue;
      g_signal_connect_object (match, "notify::confirmed", G_CALLBACK (on_confirmed_changed),
                               self, G_CONNECT_SWAPPED);
      g_list_store_append (self->proposed, match);
    }
}

/* A workshop by its file's name, else by its title */
static char *
dup_workshop_label (IapWorkshop *workshop)
{
  GFile *file = iap_workshop_get_file (workshop);
  g_autofree char *basename = NULL;

  if (file == NULL)
    return iap_workshop_dup_display_name (workshop);

  basename = g_file_get_basename (file);
  return g_filename_display_name (basename);
}

static char *
dup_round_label (IapRound *round)
{
  /* Translators: a scoring round, in the comparison of two rounds */
  return g_strdup_printf (C_("comparison", "Round %u"), iap_round_get_number (round));
}

/* Public API ------------------------------------------------------------- */

/**
 * iap_comparison_new:
 * @old_workshop: the earlier workshop, or the open one against a file
 * @new_workshop: the later one
 *
 * Returns: (transfer full): what changed from @old_workshop to
 *   @new_workshop
 */
IapComparison *
iap_comparison_new (IapWorkshop *old_workshop,
                    IapWorkshop *new_workshop)
{
  IapComparison *self;

  g_return_val_if_fail (IAP_IS_WORKSHOP (old_workshop), NULL);
  g_return_val_if_fail (IAP_IS_WORKSHOP (new_workshop), NULL);

  self = g_object_new (IAP_TYPE_COMPARISON, NULL);
  self->old_workshop = g_object_ref (old_workshop);
  self->new_workshop = g_object_ref (new_workshop);
  self->risk_matches = iap_match_risks (old_workshop, new_workshop);
  self->mitigation_matches = iap_match_mitigations (old_workshop, new_workshop);
  self->participant_matches = iap_match_participants (old_workshop, new_workshop);
  propose (self, self->risk_matches);
  propose (self, self->mitigation_matches);
  self->old_label = dup_workshop_label (old_workshop);
  self->new_label = dup_workshop_label (new_workshop);
  iap_comparison_update (self);

  return self;
}

/**
 * iap_comparison_new_for_rounds:
 * @old_round: a revealed or closed round of @workshop
 * @new_round: a later one
 *
 * How the room's scores moved from one round to the next: each risk's
 * number of scorers, median and verdict, within the privacy floor (a
 * median withheld in either round is not compared). An open round is
 * private, and counts as having no scores.
 *
 * Returns: (transfer full): the comparison
 */
IapComparison *
iap_comparison_new_for_rounds (IapWorkshop *workshop,
                               IapRound    *old_round,
                               IapRound    *new_round)
{
  IapComparison *self;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (IAP_IS_ROUND (old_round), NULL);
  g_return_val_if_fail (IAP_IS_ROUND (new_round), NULL);

  self = g_object_new (IAP_TYPE_COMPARISON, NULL);
  self->old_workshop = g_object_ref (workshop);
  self->new_workshop = g_object_ref (workshop);
  self->old_round = g_object_ref (old_round);
  self->new_round = g_object_ref (new_round);
  self->old_label = dup_round_label (old_round);
  self->new_label = dup_round_label (new_round);
  iap_comparison_update (self);

  return self;
}

IapWorkshop *
iap_comparison_get_old_workshop (IapComparison *self)
{
  g_return_val_if_fail (IAP_IS_COMPARISON (self), NULL);

  return self->old_workshop;
}

IapWorkshop *
iap_comparison_get_new_workshop (IapComparison *self)
{
  g_return_val_if_fail (IAP_IS_COMPARISON (self), NULL);

  return self->new_workshop;
}

/**
 * iap_comparison_get_old_round:
 *
 * Returns: (transfer none) (nullable): the earlier round, for a
 *   comparison of two rounds
 */
IapRound *
iap_comparison_get_old_round (IapComparison *self)
{
  g_return_val_if_fail (IAP_IS_COMPARISON (self), NULL);

  return self->old_round;
}

IapRound *
iap_comparison_get_new_round (IapComparison *self)
{
  g_return_val_if_fail (IAP_IS_COMPARISON (self), NULL);

  return self->new_round;
}

/**
 * iap_comparison_get_old_label:
 *
 * Returns: what the earlier side is, in words: its file's name, or
 *   “Round 1”
 */
const char *
iap_comparison_get_old_label (IapComparison *self)
{
  g_return_val_if_fail (IAP_IS_COMPARISON (self), NULL);

  return self->old_label;
}

const char *
iap_comparison_get_new_label (IapComparison *self)
{
  g_return_val_if_fail (IAP_IS_COMPARISON (self), NULL);

  return self->new_label;
}

/**
 * iap_comparison_set_labels:
 * @old_label: (nullable): what to call the earlier side, or %NULL to keep
 * @new_label: (nullable): the later side
 */
void
iap_comparison_set_labels (IapComparison *self,
                           const char    *old_label,
                           const char    *new_label)
{
  g_return_if_fail (IAP_IS_COMPARISON (self));

  if (old_label != NULL)
    {
      g_free (self->old_label);
      self->old_label = g_strdup (old_label);
    }
  if (new_label != NULL)
    {
      g_free (self->new_label);
      self->new_label = g_strdup (new_label);
    }
}

/**
 * iap_comparison_get_changes:
 *
 * Returns: (transfer none): the #IapChange items, step by step; in each
 *   step in the order of the new workshop, then what was removed
 */
GListModel *
iap_comparison_get_changes (IapComparison *self)
{
  g_return_val_if_fail (IAP_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->changes);
}

/**
 * iap_comparison_get_proposed:
 *
 * Returns: (transfer none): the #IapMatch of each risk and measure paired
 *   by its place and title rather than its id, for the facilitator to
 *   confirm or reject (#IapMatch:confirmed)
 */
GListModel *
iap_comparison_get_proposed (IapComparison *self)
{
  g_return_val_if_fail (IAP_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->proposed);
}

gboolean
iap_comparison_is_empty (IapComparison *self)
{
  g_return_val_if_fail (IAP_IS_COMPARISON (self), TRUE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->changes)) == 0;
}

guint
iap_comparison_count (IapComparison *self,
                      IapStep        step)
{
  guint n = 0;

  g_return_val_if_fail (IAP_IS_COMPARISON (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->changes)); i++)
    {
      g_autoptr(IapChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);

      n += iap_change_get_step (change) == step;
    }

  return n;
}

/**
 * iap_comparison_dup_summary:
 *
 * Returns: (transfer full): how many changes each step has, in words:
 *   “7 changes: Risk matrix 4, Mitigation 3”, or “No changes”
 */
char *
iap_comparison_dup_summary (IapComparison *self)
{
  g_autoptr(GString) steps = g_string_new (NULL);
  guint total;

  g_return_val_if_fail (IAP_IS_COMPARISON (self), NULL);

  total = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  if (total == 0)
    return g_strdup (C_("change", "No changes"));

  for (IapStep step = 0; step < IAP_N_STEPS; step++)
    {
      guint n = iap_comparison_count (self, step);

      if (n == 0)
        continue;
      if (steps->len > 0)
        g_string_append (steps, ", ");
      /* Translators: a step and how many changes it has, as in “Risk matrix 4” */
      g_string_append_printf (steps, C_("change", "%s %u"), iap_step_to_label (step), n);
    }

  /* Translators: %u is the number of changes, then each step's count */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change: %s", "%u changes: %s", total),
                          total, steps->str);
}

/**
 * iap_comparison_get_movements:
 * @kind: the agreed inherent or residual ratings of two workshops, or
 *   the medians of two rounds
 *
 * Where each risk of the new workshop was and is, in the register's
 * order, on the new workshop's scales (ratings of an old workshop with
 * other scales are carried over as iap_workshop_remap_level() does).
 *
 * Returns: (array length=n_movements): the movements
 */
const IapMovement *
iap_comparison_get_movements (IapComparison   *self,
                              IapMovementKind  kind,
                              guint           *n_movements)
{
  g_return_val_if_fail (IAP_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (kind <= IAP_MOVEMENT_MEDIAN, NULL);
  g_return_val_if_fail (n_movements != NULL, NULL);

  *n_movements = self->movements[kind]->len;

  return (const IapMovement *)(gpointer)self->movements[kind]->data;
}

/**
 * iap_comparison_get_n_removed:
 *
 * Returns: how many risks of the old workshop the new one does not have:
 *   the movement chart cannot place them
 */
guint
iap_comparison_get_n_removed (IapComparison *self)
{
  g_return_val_if_fail (IAP_IS_COMPARISON (self), 0);

  return self->n_removed;
}
