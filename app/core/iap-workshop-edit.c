/* iap-workshop-edit.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The edits of a workshop. Every change of a document is a command of its
 * history, so Undo reverts anything a page did. Generic edits (set a
 * property, insert or remove in a list) cover whatever later pages add;
 * the typed ones below build the compound edits that keep references
 * whole, such as removing a risk together with its ratings.
 */

#define G_LOG_DOMAIN "iap-workshop"

#include "config.h"

#include <gobject/gvaluecollector.h>
#include "iap-i18n.h"

#include "iap-list-index.h"
#include "iap-rating-list.h"
#include "iap-workshop-private.h"

static void
push (IapWorkshop *self,
      IapCommand  *command,
      gboolean     mergeable)
{
  if (command == NULL)
    return;

  if (iap_command_is_noop (command))
    {
      iap_command_free (command);
      return;
    }

  iap_command_release_owner (command, self);

  if (mergeable)
    iap_history_push_mergeable (iap_workshop_get_history (self), command);
  else
    iap_history_push (iap_workshop_get_history (self), command);
}

/**
 * iap_workshop_begin_edit:
 * @label: (nullable): the undo menu item of the whole edit, such as
 *   “Remove Risk”; %NULL to take the label of the first change
 *
 * Starts a compound edit: every change until iap_workshop_end_edit() is
 * undone and redone as one.
 */
void
iap_workshop_begin_edit (IapWorkshop *self,
                         const char  *label)
{
  g_return_if_fail (IAP_IS_WORKSHOP (self));

  iap_history_begin (iap_workshop_get_history (self), label);
}

void
iap_workshop_end_edit (IapWorkshop *self)
{
  g_return_if_fail (IAP_IS_WORKSHOP (self));

  iap_history_end (iap_workshop_get_history (self));
}

/**
 * iap_workshop_set_value:
 * @object: the workshop or an object it holds
 *
 * Sets one property of @object as an edit of the workshop.
 */
void
iap_workshop_set_value (IapWorkshop  *self,
                        gpointer      object,
                        const char   *property,
                        const GValue *value)
{
  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (G_IS_OBJECT (object));

  push (self, iap_command_new_set (object, property, value), FALSE);
}

/**
 * iap_workshop_set:
 * @object: the workshop or an object it holds
 * @first_property: the name of the first property to set
 * @...: its value, then more name and value pairs, ending with %NULL
 *
 * Sets properties of @object, as g_object_set() would, as one edit.
 */
void
iap_workshop_set (IapWorkshop *self,
                  gpointer     object,
                  const char  *first_property,
                  ...)
{
  const char *name = first_property;
  va_list args;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (G_IS_OBJECT (object));

  iap_workshop_begin_edit (self, NULL);
  va_start (args, first_property);
  for (; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }

      iap_workshop_set_value (self, object, name, &value);
    }
  va_end (args);
  iap_workshop_end_edit (self);
}

/**
 * iap_workshop_set_text:
 *
 * Sets a string property from an entry being typed in: successive
 * changes of the same property merge into one step of the history.
 */
void
iap_workshop_set_text (IapWorkshop *self,
                       gpointer     object,
                       const char  *property,
                       const char  *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (G_IS_OBJECT (object));

  /* Editing a level in default wording keeps what the editor saw, in
   * their language, as typed from then on: both texts and the flag
   * change as one step. */
  if (IAP_IS_SCALE_LEVEL (object) && iap_scale_level_get_is_default (object))
    {
      g_autofree char *label = g_strdup (iap_scale_level_get_label (object));
      g_autofree char *definition = g_strdup (iap_scale_level_get_definition (object));

      iap_workshop_begin_edit (self, NULL);
      iap_workshop_set (self, object, "default", FALSE, "label", label, "definition", definition, NULL);
      iap_workshop_set (self, object, property, text, NULL);
      iap_workshop_end_edit (self);
      return;
    }

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  push (self, iap_command_new_set (object, property, &value), TRUE);
}

/**
 * iap_workshop_insert:
 * @list: a list of the workshop, such as iap_workshop_get_risks()
 * @item: the new item, of the list's type
 */
void
iap_workshop_insert (IapWorkshop *self,
                     GListModel  *list,
                     guint        position,
                     gpointer     item)
{
  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (G_IS_LIST_STORE (list) || IAP_IS_RATING_LIST (list));

  push (self, iap_command_new_insert (list, position, item), FALSE);
}

void
iap_workshop_remove (IapWorkshop *self,
                     GListModel  *list,
                     guint        position)
{
  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (G_IS_LIST_STORE (list) || IAP_IS_RATING_LIST (list));

  push (self, iap_command_new_remove (list, position), FALSE);
}

static void
append (IapWorkshop *self,
        GListModel  *list,
        gpointer     item)
{
  iap_workshop_insert (self, list, g_list_model_get_n_items (list), item);
}

static void
remove_item (IapWorkshop *self,
             GListModel  *list,
             gpointer     item)
{
  guint position;
  gboolean found = G_IS_LIST_STORE (list) ? g_list_store_find (G_LIST_STORE (list), item, &position)
                                          : iap_rating_list_find_item (IAP_RATING_LIST (list), item, &position);

  if (found)
    iap_workshop_remove (self, list, position);
}

/**
 * iap_workshop_new_id:
 * @list: a list whose items have an "id" property
 * @prefix: the start of the identifier, such as "r" for a risk
 *
 * Returns: (transfer full): the first of @prefix1, @prefix2... that no
 *   item of @list uses
 */
char *
iap_workshop_new_id (IapWorkshop *self,
                     GListModel  *list,
                     const char  *prefix)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (list), NULL);

  /* An index of the ids in use, kept by the list itself */
  return iap_list_index_new_id (iap_list_index_get_for_id (list), prefix);
}

/**
 * iap_workshop_add_participant:
 *
 * Returns: (transfer none): the new participant
 */
IapParticipant *
iap_workshop_add_participant (IapWorkshop *self,
                              const char  *pillar,
                              const char  *name,
                              const char  *entity)
{
  GListModel *list;
  g_autofree char *id = NULL;
  g_autoptr(IapParticipant) participant = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  list = iap_workshop_get_participants (self);
  id = iap_workshop_new_id (self, list, "p");
  participant = iap_participant_new (id);
  g_object_set (participant, "pillar", pillar, "name", name, "entity", entity, NULL);

  iap_workshop_begin_edit (self, _("Add Participant"));
  append (self, list, participant);
  iap_workshop_end_edit (self);

  return participant;
}

static void
redo_removal (gpointer data)
{
  iap_rating_removal_redo (data);
}

static void
undo_removal (gpointer data)
{
  iap_rating_removal_undo (data);
}

/* Removes, from every round, the ratings of @id as @key: each list in one
 * pass, as one command, however many ratings a round holds. */
static void
remove_ratings (IapWorkshop  *self,
                IapRatingKey  key,
                const char   *id)
{
  GListModel *rounds = iap_workshop_get_rounds (self);

  for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, r);
      GListModel *lists[] = { iap_round_get_ratings (round), iap_round_get_factor_ratings (round) };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          IapRatingRemoval *removal = iap_rating_list_prepare_removal (IAP_RATING_LIST (lists[l]), key, id);

          if (removal != NULL)
            push (self, iap_command_new_custom (_("Remove"), redo_removal, undo_removal, removal,
                                                (GDestroyNotify) iap_rating_removal_free),
                  FALSE);
        }
    }
}

static void
remove_dissents (IapWorkshop *self,
                 const char  *property,
                 const char  *value)
{
  GListModel *dissents = iap_workshop_get_dissents (self);

  for (guint i = g_list_model_get_n_items (dissents); i > 0; i--)
    {
      g_autoptr(IapDissent) dissent = g_list_model_get_item (dissents, i - 1);
      g_autofree char *about = NULL;

      g_object_get (dissent, property, &about, NULL);
      if (g_strcmp0 (about, value) == 0)
        iap_workshop_remove (self, dissents, i - 1);
    }
}

/**
 * iap_workshop_remove_participant:
 *
 * Removes @participant with their ratings and dissents, as one edit.
 */
void
iap_workshop_remove_participant (IapWorkshop    *self,
                                 IapParticipant *participant)
{
  const char *id;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (IAP_IS_PARTICIPANT (participant));

  id = iap_participant_get_id (participant);
  iap_workshop_begin_edit (self, _("Remove Participant"));
  remove_ratings (self, IAP_RATING_KEY_PARTICIPANT, id);
  remove_dissents (self, "participant", id);
  remove_item (self, iap_workshop_get_participants (self), participant);
  iap_workshop_end_edit (self);
}

/**
 * iap_workshop_add_risk:
 *
 * Returns: (transfer none): the new risk
 */
IapRisk *
iap_workshop_add_risk (IapWorkshop *self,
                       const char  *arrangement,
                       const char  *area,
                       const char  *title)
{
  GListModel *list;
  g_autofree char *id = NULL;
  g_autoptr(IapRisk) risk = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  list = iap_workshop_get_risks (self);
  id = iap_workshop_new_id (self, list, "r");
  risk = iap_risk_new (id);
  g_object_set (risk, "arrangement", arrangement, "area", area, "title", title, NULL);

  iap_workshop_begin_edit (self, _("Add Risk"));
  append (self, list, risk);
  iap_workshop_end_edit (self);

  return risk;
}

static char **
strv_without (const char * const *strv,
              const char         *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (!g_str_equal (strv[i], value))
      g_strv_builder_add (builder, strv[i]);

  return g_strv_builder_end (builder);
}

static void
unlink_from (IapWorkshop *self,
             GListModel  *list,
             const char  *property,
             const char  *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_auto(GStrv) links = NULL;
      g_auto(GStrv) kept = NULL;

      g_object_get (item, property, &links, NULL);
      kept = strv_without ((const char * const *)links, id);
      iap_workshop_set (self, item, property, kept, NULL);
    }
}

static void
unlink_from_mitigations (IapWorkshop *self,
                         const char  *property,
                         const char  *id)
{
  unlink_from (self, iap_workshop_get_mitigations (self), property, id);
}

/**
 * iap_workshop_remove_risk:
 *
 * Removes @risk with its ratings, its links from mitigations, rounds
 * and the integration map, and the dissents about it, as one edit.
 */
void
iap_workshop_remove_risk (IapWorkshop *self,
                          IapRisk     *risk)
{
  const char *id;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (IAP_IS_RISK (risk));

  id = iap_risk_get_id (risk);
  iap_workshop_begin_edit (self, _("Remove Risk"));
  remove_ratings (self, IAP_RATING_KEY_SUBJECT, id);
  unlink_from_mitigations (self, "risks", id);
  unlink_from (self, iap_workshop_get_rounds (self), "risks", id);
  unlink_from (self, iap_workshop_get_integration_map (self), "risks", id);
  remove_dissents (self, "risk", id);
  remove_item (self, iap_workshop_get_risks (self), risk);
  iap_workshop_end_edit (self);
}

/**
 * iap_workshop_set_indicator:
 * @answer: "yes", "no" or "unknown"
 * @note: (nullable): what the answer rests on
 */
void
iap_workshop_set_indicator (IapWorkshop *self,
                            const char  *indicator,
                            const char  *answer,
                            const char  *note)
{
  IapIndicatorAnswer *existing;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (indicator != NULL && answer != NULL);

  existing = iap_workshop_find_indicator (self, indicator);
  iap_workshop_begin_edit (self, _("Answer Indicator"));
  if (existing != NULL)
    iap_workshop_set (self, existing, "answer", answer, "note", note, NULL);
  else
    {
      g_autoptr(IapIndicatorAnswer) item = iap_indicator_answer_new (indicator);

      g_object_set (item, "answer", answer, "note", note, NULL);
      append (self, iap_workshop_get_indicators (self), item);
    }
  iap_workshop_end_edit (self);
}

static IapFactorScore *
ensure_factor_score (IapWorkshop *self,
                     const char  *factor)
{
  IapFactorScore *score = iap_workshop_find_factor_score (self, factor);

  if (score == NULL)
    {
      g_autoptr(IapFactorScore) item = iap_factor_score_new (factor);

      append (self, iap_workshop_get_factor_scores (self), item);
      score = item;
    }

  return score;
}

/**
 * iap_workshop_set_factor_weight:
 * @weight: 1 to 5, or 0 for not weighted
 */
void
iap_workshop_set_factor_weight (IapWorkshop *self,
                                const char  *factor,
                                guint        weight)
{
  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (factor != NULL);
  g_return_if_fail (weight <= 5);

  iap_workshop_begin_edit (self, _("Weigh Factor"));
  iap_workshop_set (self, ensure_factor_score (self, factor), "weight", weight, NULL);
  iap_workshop_end_edit (self);
}

/**
 * iap_workshop_set_factor_score:
 * @value: the agreed score, 0 to 4, or -1 for not scored
 */
void
iap_workshop_set_factor_score (IapWorkshop *self,
                               const char  *factor,
                               const char  *option,
                               int          value)
{
  IapFactorScore *score;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (factor != NULL && option != NULL);
  g_return_if_fail (value >= -1 && value <= 4);

  iap_workshop_begin_edit (self, _("Score Factor"));
  score = ensure_factor_score (self, factor);
  iap_workshop_set (self, score,
                    "scores", iap_factor_score_build_scores (score, option, value),
                    NULL);
  iap_workshop_end_edit (self);
}

/**
 * iap_workshop_add_round:
 * @mode: "private" or "ballot"
 *
 * Returns: (transfer none): the new round, at the end of the list and
 *   numbered after the highest number so far, so no two rounds share one
 */
IapRound *
iap_workshop_add_round (IapWorkshop *self,
                        const char  *mode)
{
  GListModel *list;
  g_autofree char *id = NULL;
  g_autoptr(IapRound) round = NULL;
  guint number = 0;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  list = iap_workshop_get_rounds (self);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IapRound) other = g_list_model_get_item (list, i);

      number = MAX (number, iap_round_get_number (other));
    }
  id = iap_workshop_new_id (self, list, "round");
  round = iap_round_new (id);
  g_object_set (round,
                "number", number + 1,
                "mode", mode != NULL ? mode : "private",
                NULL);

  iap_workshop_begin_edit (self, _("Start Round"));
  append (self, list, round);
  iap_workshop_end_edit (self);

  return round;
}

/**
 * iap_workshop_set_rating:
 * @likelihood: from 1, or 0 to withdraw the rating
 * @impact: from 1, or 0 to withdraw the rating
 *
 * Records the private rating of @risk by @participant in @round.
 */
void
iap_workshop_set_rating (IapWorkshop *self,
                         IapRound    *round,
                         const char  *participant,
                         const char  *risk,
                         guint        likelihood,
                         guint        impact)
{
  IapRating *existing;
  GListModel *list;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (IAP_IS_ROUND (round));

  list = iap_round_get_ratings (round);
  existing = iap_round_find_rating (round, participant, risk);
  iap_workshop_begin_edit (self, _("Rate Risk"));
  if (likelihood == 0 || impact == 0)
    {
      if (existing != NULL)
        remove_item (self, list, existing);
    }
  else if (existing != NULL)
    iap_workshop_set (self, existing, "likelihood", likelihood, "impact", impact, NULL);
  else
    {
      g_autoptr(IapRating) rating = iap_rating_new (participant, risk);

      g_object_set (rating, "likelihood", likelihood, "impact", impact, NULL);
      append (self, list, rating);
    }
  iap_workshop_end_edit (self);
}

/**
 * iap_workshop_set_factor_rating:
 * @value: 0 to 4, or -1 to withdraw the score
 *
 * Records the private score of @option on @factor by @participant.
 */
void
iap_workshop_set_factor_rating (IapWorkshop *self,
                                IapRound    *round,
                                const char  *participant,
                                const char  *factor,
                                const char  *option,
                                int          value)
{
  IapFactorRating *existing;
  GListModel *list;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (IAP_IS_ROUND (round));
  g_return_if_fail (value >= -1 && value <= 4);

  list = iap_round_get_factor_ratings (round);
  existing = iap_round_find_factor_rating (round, participant, factor, option);
  iap_workshop_begin_edit (self, _("Score Factor"));
  if (value < 0)
    {
      if (existing != NULL)
        remove_item (self, list, existing);
    }
  else if (existing != NULL)
    iap_workshop_set (self, existing, "value", (guint)value, NULL);
  else
    {
      g_autoptr(IapFactorRating) rating = iap_factor_rating_new (participant, factor, option);

      g_object_set (rating, "value", (guint)value, NULL);
      append (self, list, rating);
    }
  iap_workshop_end_edit (self);
}

/**
 * iap_workshop_add_mitigation:
 *
 * Returns: (transfer none): the new mitigation, planned
 */
IapMitigation *
iap_workshop_add_mitigation (IapWorkshop *self,
                             const char  *measure,
                             const char  *title)
{
  GListModel *list;
  g_autofree char *id = NULL;
  g_autoptr(IapMitigation) mitigation = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  list = iap_workshop_get_mitigations (self);
  id = iap_workshop_new_id (self, list, "m");
  mitigation = iap_mitigation_new (id);
  g_object_set (mitigation, "measure", measure, "title", title, NULL);

  iap_workshop_begin_edit (self, _("Add Mitigation"));
  append (self, list, mitigation);
  iap_workshop_end_edit (self);

  return mitigation;
}

void
iap_workshop_remove_mitigation (IapWorkshop   *self,
                                IapMitigation *mitigation)
{
  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (IAP_IS_MITIGATION (mitigation));

  iap_workshop_begin_edit (self, _("Remove Mitigation"));
  remove_item (self, iap_workshop_get_mitigations (self), mitigation);
  iap_workshop_end_edit (self);
}

/**
 * iap_workshop_add_dissent:
 * @subject: "risk", "recommendation" or "general"
 * @risk: (nullable): the risk, when @subject is "risk"
 *
 * Returns: (transfer none): the new dissent, attributed by name
 */
IapDissent *
iap_workshop_add_dissent (IapWorkshop *self,
                          const char  *participant,
                          const char  *subject,
                          const char  *risk,
                          const char  *text)
{
  GListModel *list;
  g_autofree char *id = NULL;
  g_autoptr(IapDissent) dissent = NULL;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  list = iap_workshop_get_dissents (self);
  id = iap_workshop_new_id (self, list, "d");
  dissent = iap_dissent_new (id);
  g_object_set (dissent,
                "participant", participant,
                "subject", subject,
                "risk", risk,
                "text", text,
                NULL);

  iap_workshop_begin_edit (self, _("Record Dissent"));
  append (self, list, dissent);
  iap_workshop_end_edit (self);

  return dissent;
}
