/* iap-environment.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The environment classification rule of the domain brief, and the
 * applicability of integration policy. Both are pure functions of the
 * answers so that the window, the command line and the tests agree.
 *
 * “A special political mission without military components” is known
 * from the mission type alone: the catalog describes `special-political`
 * as mostly civilian and `peacekeeping` as having military and police
 * components, and the model has no separate flag. A special political
 * mission with a guard unit would be recorded by the facilitator's
 * override, with its justification.
 */

#define G_LOG_DOMAIN "iap-environment"

#include "config.h"

#include "iap-i18n.h"

#include "iap-environment.h"
#include "iap-indicator-answer.h"
#include "iap-text.h"

G_DEFINE_BOXED_TYPE (IapEnvironment, iap_environment, iap_environment_copy, iap_environment_free)

static const char * const level_ids[] = { "permissive", "elevated", "high-risk" };

typedef struct
{
  GHashTable *answers;   /* indicator id -> "yes", "no" or "unknown" */
  gboolean unknown_is_yes;
} Answers;

static gboolean
is_yes (const Answers *answers,
        const char    *indicator)
{
  const char *answer = g_hash_table_lookup (answers->answers, indicator);

  return g_strcmp0 (answer, "yes") == 0 ||
         (answers->unknown_is_yes && g_strcmp0 (answer, "unknown") == 0);
}

static gboolean
in_group (IapCatalogEntry *entry,
          const char      *group)
{
  return g_strcmp0 (iap_catalog_entry_get_group (entry), group) == 0;
}

/* Adds to @reasons (when not %NULL) the Yes indicators of @group, and
 * returns how many there are. */
static guint
collect (GListModel    *indicators,
         const Answers *answers,
         const char    *group,
         GStrvBuilder  *reasons)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (indicators, i);
      const char *id = iap_catalog_entry_get_id (entry);

      if (!in_group (entry, group) || !is_yes (answers, id))
        continue;

      count++;
      if (reasons != NULL)
        g_strv_builder_add (reasons, id);
    }

  return count;
}

/* The rule itself: high-risk when (combat-operations or perceived-party)
 * and neutrality-questioned; elevated when any core indicator is Yes or
 * two or more tension points are; permissive otherwise. */
static IapEnvironmentLevel
classify (GListModel    *indicators,
          const Answers *answers,
          const char    *mission_type,
          GStrvBuilder  *reasons,
          gboolean      *lowered)
{
  gboolean combat = is_yes (answers, "combat-operations");
  gboolean party = is_yes (answers, "perceived-party");
  gboolean questioned = is_yes (answers, "neutrality-questioned");
  IapEnvironmentLevel level = IAP_ENVIRONMENT_PERMISSIVE;

  if ((combat || party) && questioned)
    {
      /* The core group is these three indicators: all of them count. */
      level = IAP_ENVIRONMENT_HIGH_RISK;
      collect (indicators, answers, "core", reasons);
    }
  else
    {
      guint core = collect (indicators, answers, "core", reasons);

      if (collect (indicators, answers, "tension", NULL) >= 2)
        {
          collect (indicators, answers, "tension", reasons);
          level = IAP_ENVIRONMENT_ELEVATED;
        }
      else if (core > 0)
        level = IAP_ENVIRONMENT_ELEVATED;
    }

  *lowered = FALSE;
  if (g_strcmp0 (mission_type, "special-political") == 0 && !combat &&
      level > IAP_ENVIRONMENT_PERMISSIVE)
    {
      level--;
      *lowered = TRUE;
    }

  return level;
}

static char **
ids_answered (GListModel *indicators,
              GHashTable *answers,
              const char *answer)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (indicators, i);
      const char *id = iap_catalog_entry_get_id (entry);

      if (g_strcmp0 (g_hash_table_lookup (answers, id), answer) == 0)
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

/* Removes from @ids, in place, those in @remove */
static void
remove_ids (char               **ids,
            const char * const  *remove)
{
  guint kept = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_strv_contains (remove, ids[i]))
        g_free (ids[i]);
      else
        ids[kept++] = ids[i];
    }
  ids[kept] = NULL;
}

static GHashTable *
index_answers (GListModel *answers)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; answers != NULL && i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(IapIndicatorAnswer) answer = g_list_model_get_item (answers, i);

      /* The strings stay alive with the answers, which the model holds. */
      g_hash_table_insert (table,
                           (gpointer)iap_indicator_answer_get_indicator (answer),
                           (gpointer)iap_indicator_answer_get_answer (answer));
    }

  return table;
}

/**
 * iap_environment_compute:
 * @indicators: the indicator entries of the catalog (#IapCatalogEntry)
 * @answers: (nullable): the workshop's answers (#IapIndicatorAnswer)
 * @mission_type: (nullable): a mission-type id
 * @override: (nullable): the facilitator's classification id, or ""
 * @justification: (nullable): why; the override counts only with one
 *
 * Classifies the environment from the Yes answers. Unknown answers are
 * never taken as No: they are listed, and @potential says what they could
 * make of the classification.
 *
 * Returns: (transfer full): the classification and its reasons
 */
IapEnvironment *
iap_environment_compute (GListModel *indicators,
                         GListModel *answers,
                         const char *mission_type,
                         const char *override,
                         const char *justification)
{
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GStrvBuilder) reasons = g_strv_builder_new ();
  IapEnvironment *self;
  IapEnvironmentLevel level;
  Answers yes_only, with_unknown;
  gboolean ignored;

  g_return_val_if_fail (G_IS_LIST_MODEL (indicators), NULL);

  table = index_answers (answers);
  yes_only = (Answers) { table, FALSE };
  with_unknown = (Answers) { table, TRUE };

  self = g_new0 (IapEnvironment, 1);
  self->computed = classify (indicators, &yes_only, mission_type, reasons, &self->lowered);
  self->potential = classify (indicators, &with_unknown, mission_type, NULL, &ignored);
  self->reasons = g_strv_builder_end (reasons);
  self->also_yes = ids_answered (indicators, table, "yes");
  remove_ids (self->also_yes, (const char * const *) self->reasons);
  self->unknown = ids_answered (indicators, table, "unknown");
  self->unanswered = ids_answered (indicators, table, NULL);

  self->overridden = iap_environment_level_from_id (override, &level) && !iap_text_is_blank (justification);
  self->classification = self->overridden ? level : self->computed;
  self->justification = g_strdup (self->overridden ? justification : "");

  return self;
}

/**
 * iap_environment_new_for_workshop:
 *
 * Returns: (transfer full): the classification of @workshop's environment
 */
IapEnvironment *
iap_environment_new_for_workshop (IapWorkshop *workshop)
{
  IapCatalog *catalog;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  catalog = iap_workshop_get_catalog (workshop);

  return iap_environment_compute (iap_catalog_get_entries (catalog, IAP_CATALOG_INDICATOR),
                                  iap_workshop_get_indicators (workshop),
                                  iap_workshop_get_mission_type (workshop),
                                  iap_workshop_get_environment_override (workshop),
                                  iap_workshop_get_override_justification (workshop));
}

IapEnvironment *
iap_environment_copy (const IapEnvironment *self)
{
  IapEnvironment *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->justification = g_strdup (self->justification);
  copy->reasons = g_strdupv (self->reasons);
  copy->also_yes = g_strdupv (self->also_yes);
  copy->unknown = g_strdupv (self->unknown);
  copy->unanswered = g_strdupv (self->unanswered);

  return copy;
}

void
iap_environment_free (IapEnvironment *self)
{
  if (self == NULL)
    return;

  g_free (self->justification);
  g_strfreev (self->reasons);
  g_strfreev (self->also_yes);
  g_strfreev (self->unknown);
  g_strfreev (self->unanswered);
  g_free (self);
}

/**
 * iap_environment_dup_labels:
 * @ids: indicator ids
 *
 * Returns: (transfer full): the indicators' labels joined with "; ", as a
 *   list of reasons reads
 */
char *
iap_environment_dup_labels (const char * const *ids,
                            IapCatalog         *catalog)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_val_if_fail (IAP_IS_CATALOG (catalog), NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      IapCatalogEntry *entry = iap_catalog_lookup (catalog, IAP_CATALOG_INDICATOR, ids[i]);

      g_strv_builder_add (labels, entry != NULL ? iap_catalog_entry_get_label (entry) : ids[i]);
    }
  strv = g_strv_builder_end (labels);

  /* Translators: joins the reasons of a classification, as in
   * “Combat operations; Neutrality questioned” */
  return g_strjoinv (_("; "), strv);
}

/* The classification and what it rests on, in one phrase */
static char *
dup_level_phrase (const IapEnvironment *self,
                  IapCatalog           *catalog)
{
  g_autofree char *reasons = NULL;
  const char *label = iap_environment_level_to_label (self->classification);

  if (self->overridden)
    /* Translators: the first %s is the facilitator's classification, the
     * second the computed one, the third the facilitator's justification */
    return g_strdup_printf (_("%s, overridden by the facilitator (computed: %s): %s"),
                            label, iap_environment_level_to_label (self->computed),
                            self->justification);

  if (self->reasons == NULL || self->reasons[0] == NULL)
    return g_strdup (label);

  reasons = iap_environment_dup_labels ((const char * const *)self->reasons, catalog);
  if (self->lowered)
    /* Translators: %s is the classification, then the reasons */
    return g_strdup_printf (_("%s: %s; lowered by one level, this application’s default for a special political mission"),
                            label, reasons);

  /* Translators: %s is the classification, then its reasons */
  return g_strdup_printf (_("%s: %s"), label, reasons);
}

/**
 * iap_environment_dup_summary:
 *
 * The classification with its reasons, then every answer the level does
 * not show: Yes answers the rule does not count, Unknown answers with
 * the level they could reach, and how many indicators are unanswered.
 *
 * Returns: (transfer full): such as “High-risk: Combat operations;
 *   Neutrality questioned”, or “Permissive. Unknown: Combat operations;
 *   …; confirmed, they would make it High-risk.”
 */
char *
iap_environment_dup_summary (const IapEnvironment *self,
                             IapCatalog           *catalog)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *phrase = NULL;
  guint n_unanswered;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (IAP_IS_CATALOG (catalog), NULL);

  phrase = dup_level_phrase (self, catalog);
  text = g_string_new (phrase);
  n_unanswered = self->unanswered != NULL ? g_strv_length (self->unanswered) : 0;
  if ((self->also_yes == NULL || self->also_yes[0] == NULL) &&
      (self->unknown == NULL || self->unknown[0] == NULL) && n_unanswered == 0)
    return g_string_free (g_steal_pointer (&text), FALSE);

  g_string_append (text, ".");
  if (self->also_yes != NULL && self->also_yes[0] != NULL)
    {
      g_autofree char *labels = iap_environment_dup_labels ((const char * const *)self->also_yes, catalog);

      /* Translators: %s lists indicators answered Yes that do not change
       * the classification, such as a single tension point */
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Also answered Yes, without changing the level: %s."), labels);
    }
  if (self->unknown != NULL && self->unknown[0] != NULL)
    {
      g_autofree char *labels = iap_environment_dup_labels ((const char * const *)self->unknown, catalog);

      g_string_append_c (text, ' ');
      if (self->potential > self->computed)
        /* Translators: the first %s lists indicators answered Unknown,
         * the second is a classification, such as “High-risk” */
        g_string_append_printf (text, _("Unknown: %s; confirmed, they would make the computed level %s."),
                                labels, iap_environment_level_to_label (self->potential));
      else
        /* Translators: %s lists indicators answered Unknown */
        g_string_append_printf (text, _("Unknown: %s; confirmed, they would not change the level."),
                                labels);
    }
  if (n_unanswered > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u indicator is not answered yet.",
                                                 "%u indicators are not answered yet.",
                                                 n_unanswered),
                              n_unanswered);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * iap_environment_get_caveat:
 *
 * What the classification rests on, said wherever it is printed: a
 * working definition that is not policy, and for the elevated level,
 * this application's own threshold.
 *
 * Returns: the caveat of @self's classification
 */
const char *
iap_environment_get_caveat (const IapEnvironment *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->classification)
    {
    case IAP_ENVIRONMENT_HIGH_RISK:
      return _("By a working definition that, in the words of its source, “is not a matter of policy "
               "and is not contained in the IAP” (UNICEF technical note, 2014).");
    case IAP_ENVIRONMENT_ELEVATED:
      return _("Elevated is this application’s own level between permissive and high-risk, not a "
               "policy category: part of the working definition of a high-risk environment, or two "
               "tension points, hold. That working definition is not policy either.");
    case IAP_ENVIRONMENT_PERMISSIVE:
    default:
      return _("Neither the working definition of a high-risk environment (which is not policy) nor "
               "this application’s threshold for an elevated one is met.");
    }
}

/**
 * iap_environment_get_lowered_note:
 *
 * Returns: (nullable): why the computed level was lowered, as this
 *   application's default and not a fact about the mission; %NULL when
 *   it was not
 */
const char *
iap_environment_get_lowered_note (const IapEnvironment *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!self->lowered)
    return NULL;

  return _("Lowered by one level: this application’s default for a special political mission, "
           "since such missions tend to have no military component and to be less likely to "
           "challenge humanitarian neutrality. Override it if this mission has one.");
}

const char *
iap_environment_level_to_id (IapEnvironmentLevel level)
{
  g_return_val_if_fail (level <= IAP_ENVIRONMENT_HIGH_RISK, NULL);

  return level_ids[level];
}

/**
 * iap_environment_level_from_id:
 * @id: (nullable): "permissive", "elevated" or "high-risk"
 *
 * Returns: whether @id is a classification
 */
gboolean
iap_environment_level_from_id (const char          *id,
                               IapEnvironmentLevel *level)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_ids); i++)
    if (g_strcmp0 (id, level_ids[i]) == 0)
      {
        if (level != NULL)
          *level = i;
        return TRUE;
      }

  return FALSE;
}

const char *
iap_environment_level_to_label (IapEnvironmentLevel level)
{
  g_return_val_if_fail (level <= IAP_ENVIRONMENT_HIGH_RISK, NULL);

  switch (level)
    {
    case IAP_ENVIRONMENT_HIGH_RISK:
      return C_("environment", "High-risk");
    case IAP_ENVIRONMENT_ELEVATED:
      return C_("environment", "Elevated");
    case IAP_ENVIRONMENT_PERMISSIVE:
    default:
      return C_("environment", "Permissive");
    }
}

/**
 * iap_environment_level_to_heading:
 *
 * The classification as a heading names it, such as “High-risk
 * environment”.
 *
 * Returns: (transfer none): the translated heading
 */
const char *
iap_environment_level_to_heading (IapEnvironmentLevel level)
{
  g_return_val_if_fail (level <= IAP_ENVIRONMENT_HIGH_RISK, NULL);

  switch (level)
    {
    case IAP_ENVIRONMENT_HIGH_RISK:
      return _("High-risk environment");
    case IAP_ENVIRONMENT_ELEVATED:
      return _("Elevated-risk environment");
    case IAP_ENVIRONMENT_PERMISSIVE:
    default:
      return _("Permissive environment");
    }
}

/**
 * iap_applicability_compute:
 * @unct: is a UN Country Team present: "yes", "no" or "unknown"
 * @mission: is a multidimensional PKO or an SPM present
 * @mission_type: (nullable): a mission-type id, or "" when not chosen
 *
 * Integration policy applies where a UN Country Team works alongside a
 * multidimensional peacekeeping operation or a special political mission.
 * A mission is known present from the set-up question or from a mission
 * type of peacekeeping or special-political, and known absent from either
 * the question or the mission type "none". Policy does not apply as soon
 * as either the team or the mission is known absent, even where another
 * answer contradicts it: an answer of "no" is never overruled by a guess.
 */
IapApplicability
iap_applicability_compute (const char *unct,
                           const char *mission,
                           const char *mission_type)
{
  gboolean mission_absent = g_strcmp0 (mission, "no") == 0 ||
                            g_strcmp0 (mission_type, "none") == 0;
  gboolean mission_present = g_strcmp0 (mission, "yes") == 0 ||
                             g_strcmp0 (mission_type, "peacekeeping") == 0 ||
                             g_strcmp0 (mission_type, "special-political") == 0;

  if (g_strcmp0 (unct, "no") == 0 || mission_absent)
    return IAP_APPLICABILITY_DOES_NOT_APPLY;

  if (g_strcmp0 (unct, "yes") == 0 && mission_present)
    return IAP_APPLICABILITY_APPLIES;

  return IAP_APPLICABILITY_UNKNOWN;
}

IapApplicability
iap_applicability_for_workshop (IapWorkshop *workshop)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), IAP_APPLICABILITY_UNKNOWN);

  return iap_applicability_compute (iap_workshop_get_unct (workshop),
                                    iap_workshop_get_mission (workshop),
                                    iap_workshop_get_mission_type (workshop));
}

const char *
iap_applicability_to_text (IapApplicability applicability)
{
  switch (applicability)
    {
    case IAP_APPLICABILITY_APPLIES:
      return _("Integration policy applies: a UN Country Team works alongside a "
               "multidimensional peacekeeping operation or a special political mission.");
    case IAP_APPLICABILITY_DOES_NOT_APPLY:
      return _("Integration policy does not apply here. It applies only where a UN Country "
               "Team works alongside a multidimensional peacekeeping operation or a special "
               "political mission. You can still use this workshop to assess risks, but "
               "integration is not required.");
    case IAP_APPLICABILITY_UNKNOWN:
    default:
      return _("Answer both questions to know whether integration policy applies.");
    }
}
