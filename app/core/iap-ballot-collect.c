/* iap-ballot-collect.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Collecting returned ballots into the round in play: which are taken,
 * which are refused and why, and where two disagree. Nothing changes in
 * the workshop until iap_ballot_collect_import(), which takes every
 * ballot ready to go in as one edit.
 *
 * The rules:
 * - a ballot for another workshop or another round, for someone who is
 *   not a participant, or whose code is not its participant's, is
 *   refused (the code is an HMAC under the round's secret: a ballot
 *   edited to name someone else does not match);
 * - the same participant's ballot twice with the same scores is taken
 *   once; with different scores, or with scores that differ from what
 *   the round already holds for them, it is a conflict: nothing is
 *   taken for that participant until the facilitator chooses a ballot,
 *   or the round's scores, with iap_ballot_collect_choose();
 * - a score of a risk or factor the round does not score is a problem
 *   of its row, and is not taken.
 *
 * What this tells a view is counts, rows and reasons: never a value, as
 * the round is not revealed.
 */

#define G_LOG_DOMAIN "iap-ballot-collect"

#include "config.h"

#include "iap-i18n.h"

#include "iap-ballot-collect.h"

typedef struct
{
  IapBallotStatus status;
  char *reason;
} Verdict;

struct _IapBallotCollect
{
  GObject parent_instance;

  /* Owned */
  IapRoundSession *session;
  GListStore *ballots;
  GHashTable *verdicts;         /* IapBallot -> Verdict */
  GHashTable *choices;          /* participant id -> IapBallot, or KEEP_ROUND */
  gboolean replacing;
  gboolean stale;               /* ballots added since the last judging */
};

G_DEFINE_FINAL_TYPE (IapBallotCollect, iap_ballot_collect, G_TYPE_OBJECT)

/* The facilitator chose the scores the round already holds */
static const char keep_round;
#define KEEP_ROUND ((gpointer) &keep_round)

static void
verdict_free (gpointer data)
{
  Verdict *verdict = data;

  g_free (verdict->reason);
  g_free (verdict);
}

static IapWorkshop *
workshop_of (IapBallotCollect *self)
{
  return iap_round_session_get_workshop (self->session);
}

static void
set_verdict (IapBallotCollect *self,
             IapBallot        *ballot,
             IapBallotStatus   status,
             char             *reason)
{
  Verdict *verdict = g_new0 (Verdict, 1);

  verdict->status = status;
  verdict->reason = reason;
  g_hash_table_insert (self->verdicts, ballot, verdict);
}

/* Why @ballot cannot be taken at all, or %NULL */
static char *
refusal (IapBallotCollect *self,
         IapBallot        *ballot)
{
  IapWorkshop *workshop = workshop_of (self);
  IapRound *current = iap_round_session_get_round (self->session);
  const char *participant = iap_ballot_get_participant (ballot);
  const char *round_id = iap_ballot_get_round (ballot);
  IapRound *round;

  if (iap_ballot_get_unreadable (ballot) != NULL)
    return g_strdup (iap_ballot_get_unreadable (ballot));
  if (*iap_workshop_get_id (workshop) == '\0' ||
      g_strcmp0 (iap_ballot_get_workshop (ballot), iap_workshop_get_id (workshop)) != 0)
    return g_strdup (_("This ballot is for another workshop."));
  round = round_id != NULL ? iap_workshop_find_round (workshop, round_id) : NULL;
  if (round == NULL)
    return g_strdup (_("This ballot is for a round this workshop does not have."));
  if (current == NULL || iap_round_session_get_stage (self->session) != IAP_ROUND_STAGE_OPEN)
    return g_strdup_printf (_("Round %u is not open: it takes no more scores."), iap_round_get_number (round));
  if (round != current)
    return g_strdup_printf (_("This ballot is for round %u; the round in progress is round %u."),
                            iap_round_get_number (round), iap_round_get_number (current));
  if (participant == NULL || iap_workshop_find_participant (workshop, participant) == NULL)
    return g_strdup_printf (_("“%s” is not a participant of this workshop."), participant != NULL ? participant : "");
  if (iap_ballot_get_code (ballot) == NULL ||
      !iap_round_session_check_ballot_code (self->session, participant, iap_ballot_get_code (ballot)))
    return g_strdup_printf (_("The ballot code does not match participant “%s”: the ballot was edited, "
                              "or is someone else’s."), participant);

  return NULL;
}

/* The scores the ballot holds that the round does not score */
static void
check_scope (IapBallotCollect *self,
             IapBallot        *ballot)
{
  IapWorkshop *workshop = workshop_of (self);
  const char * const *options = iap_workshop_get_options (workshop);
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);

  for (guint i = 0; i < iap_ballot_get_n_scores (ballot); i++)
    {
      const IapBallotScore *s = iap_ballot_get_score (ballot, i);

      if (!iap_round_session_has_risk (self->session, s->risk))
        iap_ballot_add_problem (ballot, s->line, _("Risk “%s” is not scored in this round: its score is left out."),
                                s->risk);
    }
  for (guint i = 0; i < iap_ballot_get_n_factor_scores (ballot); i++)
    {
      const IapBallotFactorScore *s = iap_ballot_get_factor_score (ballot, i);

      if (!iap_round_session_get_factors (self->session) ||
          iap_catalog_lookup (catalog, IAP_CATALOG_FACTOR, s->factor) == NULL ||
          options == NULL || !g_strv_contains (options, s->option))
        iap_ballot_add_problem (ballot, s->line, _("Factor “%s” for option “%s” is not scored in this round: "
                                                   "its score is left out."), s->factor, s->option);
    }
}

/* How the ballot stands against the round's scores of its participant:
 * any differing score makes a conflict, any new one something to take */
static IapBallotStatus
against_round (IapBallotCollect *self,
               IapBallot        *ballot)
{
  IapRound *round = iap_round_session_get_round (self->session);
  const char *participant = iap_ballot_get_participant (ballot);
  gboolean new_scores = FALSE;

  for (guint i = 0; i < iap_ballot_get_n_scores (ballot); i++)
    {
      const IapBallotScore *s = iap_ballot_get_score (ballot, i);
      IapRating *held = iap_round_find_rating (round, participant, s->risk);

      if (!iap_round_session_has_risk (self->session, s->risk))
        continue;
      if (held == NULL || iap_rating_get_likelihood (held) == 0)
        new_scores = TRUE;
      else if (iap_rating_get_likelihood (held) != s->likelihood || iap_rating_get_impact (held) != s->impact)
        return IAP_BALLOT_CONFLICT;
    }
  for (guint i = 0; i < iap_ballot_get_n_factor_scores (ballot); i++)
    {
      const IapBallotFactorScore *s = iap_ballot_get_factor_score (ballot, i);
      IapFactorRating *held = iap_round_find_factor_rating (round, participant, s->factor, s->option);

      if (held == NULL)
        new_scores = TRUE;
      else if (iap_factor_rating_get_value (held) != s->value)
        return IAP_BALLOT_CONFLICT;
    }

  return new_scores ? IAP_BALLOT_READY : IAP_BALLOT_UNCHANGED;
}

static void
judge_group (IapBallotCollect *self,
             const char       *participant,
             GPtrArray        *group)
{
  gpointer chosen = g_hash_table_lookup (self->choices, participant);
  IapBallot *first = g_ptr_array_index (group, 0);
  gboolean agree = TRUE;
  IapBallotStatus status;

  if (chosen == KEEP_ROUND)
    {
      for (guint i = 0; i < group->len; i++)
        set_verdict (self, g_ptr_array_index (group, i), IAP_BALLOT_SKIPPED, NULL);
      return;
    }
  if (chosen != NULL && g_ptr_array_find (group, chosen, NULL))
    first = chosen;
  for (guint i = 0; chosen == NULL && i < group->len; i++)
    agree = agree && iap_ballot_same_scores (first, g_ptr_array_index (group, i));

  /* A choice settles a conflict with the round too, and so does a
   * ballot that replaces the round's scores */
  status = !agree ? IAP_BALLOT_CONFLICT : against_round (self, first);
  if (status == IAP_BALLOT_CONFLICT && (chosen != NULL || (agree && self->replacing)))
    status = IAP_BALLOT_READY;
  for (guint i = 0; i < group->len; i++)
    {
      IapBallot *ballot = g_ptr_array_index (group, i);

      if (ballot == first || status == IAP_BALLOT_CONFLICT)
        set_verdict (self, ballot, status, NULL);
      else if (iap_ballot_same_scores (first, ballot))
        set_verdict (self, ballot, IAP_BALLOT_DUPLICATE, NULL);
      else
        set_verdict (self, ballot, IAP_BALLOT_SKIPPED, NULL);
    }
}

/* Every ballot judged afresh: a ballot added or a choice made may
 * change the others' */
static void
judge (IapBallotCollect *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  GListModel *ballots = G_LIST_MODEL (self->ballots);
  GHashTableIter iter;
  gpointer key, value;

  self->stale = FALSE;
  g_hash_table_remove_all (self->verdicts);
  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr(IapBallot) ballot = g_list_model_get_item (ballots, i);
      char *reason = refusal (self, ballot);
      GPtrArray *group;

      if (reason != NULL)
        {
          set_verdict (self, ballot, IAP_BALLOT_REFUSED, reason);
          continue;
        }
      group = g_hash_table_lookup (groups, iap_ballot_get_participant (ballot));
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, (gpointer) iap_ballot_get_participant (ballot), group);
        }
      g_ptr_array_add (group, ballot); /* the store keeps it alive */
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    judge_group (self, key, value);
}

/* Ballots are judged when a verdict is asked for, not at each one added:
 * a collect of many ballots (a room's votes, a pack of spreadsheets)
 * would judge them all again at every one */
static void
ensure_judged (IapBallotCollect *self)
{
  if (self->stale)
    judge (self);
}

static void
iap_ballot_collect_finalize (GObject *object)
{
  IapBallotCollect *self = (IapBallotCollect *)object;

  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_object (&self->ballots);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (iap_ballot_collect_parent_class)->finalize (object);
}

static void
iap_ballot_collect_class_init (IapBallotCollectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_ballot_collect_finalize;
}

static void
iap_ballot_collect_init (IapBallotCollect *self)
{
  self->ballots = g_list_store_new (IAP_TYPE_BALLOT);
  self->verdicts = g_hash_table_new_full (NULL, NULL, NULL, verdict_free);
  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Collects ballots into the round in play of @session */
IapBallotCollect *
iap_ballot_collect_new (IapRoundSession *session)
{
  IapBallotCollect *self;

  g_return_val_if_fail (IAP_IS_ROUND_SESSION (session), NULL);

  self = g_object_new (IAP_TYPE_BALLOT_COLLECT, NULL);
  self->session = g_object_ref (session);

  return self;
}

IapRoundSession *
iap_ballot_collect_get_session (IapBallotCollect *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT_COLLECT (self), NULL);

  return self->session;
}

/**
 * iap_ballot_collect_set_replacing:
 * @replacing: whether a ballot replaces the scores the round holds for
 *   its participant
 *
 * A participant who votes from their phone may change an answer until
 * the round closes: their newer ballot replaces their scores in the
 * round instead of being in conflict with them, and the import is named
 * as a room vote. Two different ballots of one participant in the same
 * collect are still in conflict.
 */
void
iap_ballot_collect_set_replacing (IapBallotCollect *self,
                                  gboolean          replacing)
{
  g_return_if_fail (IAP_IS_BALLOT_COLLECT (self));

  self->replacing = !!replacing;
  judge (self);
}

/* Adds a returned ballot, as read: it is judged with the others */
void
iap_ballot_collect_add (IapBallotCollect *self,
                        IapBallot        *ballot)
{
  g_autofree char *reason = NULL;

  g_return_if_fail (IAP_IS_BALLOT_COLLECT (self));
  g_return_if_fail (IAP_IS_BALLOT (ballot));

  if ((reason = refusal (self, ballot)) == NULL)
    check_scope (self, ballot);
  /* Judged with the others when a verdict is asked for, which may be as
   * the store says it has one more */
  self->stale = TRUE;
  g_list_store_append (self->ballots, ballot);
}

/**
 * iap_ballot_collect_get_ballots:
 *
 * Returns: (transfer none): every #IapBallot added, in order
 */
GListModel *
iap_ballot_collect_get_ballots (IapBallotCollect *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT_COLLECT (self), NULL);

  return G_LIST_MODEL (self->ballots);
}

IapBallotStatus
iap_ballot_collect_get_status (IapBallotCollect *self,
                               IapBallot        *ballot)
{
  Verdict *verdict;

  g_return_val_if_fail (IAP_IS_BALLOT_COLLECT (self), IAP_BALLOT_REFUSED);

  ensure_judged (self);
  verdict = g_hash_table_lookup (self->verdicts, ballot);
  g_return_val_if_fail (verdict != NULL, IAP_BALLOT_REFUSED);

  return verdict->status;
}

/* Returns: (nullable): why @ballot is refused */
const char *
iap_ballot_collect_get_reason (IapBallotCollect *self,
                               IapBallot        *ballot)
{
  Verdict *verdict;

  g_return_val_if_fail (IAP_IS_BALLOT_COLLECT (self), NULL);

  ensure_judged (self);
  verdict = g_hash_table_lookup (self->verdicts, ballot);

  return verdict != NULL ? verdict->reason : NULL;
}

/**
 * iap_ballot_collect_dup_rivals:
 * @with_round: (out) (optional): whether @ballot also differs from the
 *   scores the round holds for its participant
 *
 * Returns: (transfer container) (element-type IapBallot): the other
 *   ballots of @ballot's participant it is in conflict with
 */
GPtrArray *
iap_ballot_collect_dup_rivals (IapBallotCollect *self,
                               IapBallot        *ballot,
                               gboolean         *with_round)
{
  GPtrArray *rivals = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *ballots;

  g_return_val_if_fail (IAP_IS_BALLOT_COLLECT (self), rivals);

  ballots = G_LIST_MODEL (self->ballots);
  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr(IapBallot) other = g_list_model_get_item (ballots, i);

      if (other != ballot && iap_ballot_collect_get_status (self, other) == IAP_BALLOT_CONFLICT &&
          g_strcmp0 (iap_ballot_get_participant (other), iap_ballot_get_participant (ballot)) == 0)
        g_ptr_array_add (rivals, g_steal_pointer (&other));
    }
  if (with_round != NULL)
    *with_round = iap_ballot_collect_get_status (self, ballot) == IAP_BALLOT_CONFLICT &&
                  against_round (self, ballot) == IAP_BALLOT_CONFLICT;

  return rivals;
}

static char *
factor_text (IapWorkshop                *workshop,
             const IapBallotFactorScore *s)
{
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  IapCatalogEntry *factor = iap_catalog_lookup (catalog, IAP_CATALOG_FACTOR, s->factor);
  IapCatalogEntry *option = iap_catalog_lookup (catalog, IAP_CATALOG_OPTION, s->option);

  /* Translators: a factor scored for a structural option: "Workload, for Triple-hatted" */
  return g_strdup_printf (_("%s, for %s"), factor != NULL ? iap_catalog_entry_get_label (factor) : s->factor,
                          option != NULL ? iap_catalog_entry_get_label (option) : s->option);
}

/* Whether @s scores its risk as @other does, or leaves it unscored */
static gboolean
agrees (IapBallot            *other,
        const IapBallotScore *s)
{
  for (guint i = 0; i < iap_ballot_get_n_scores (other); i++)
    {
      const IapBallotScore *o = iap_ballot_get_score (other, i);

      if (g_str_equal (o->risk, s->risk))
        return o->likelihood == s->likelihood && o->impact == s->impact;
    }

  return FALSE;
}

static gboolean
agrees_factor (IapBallot                  *other,
               const IapBallotFactorScore *s)
{
  for (guint i = 0; i < iap_ballot_get_n_factor_scores (other); i++)
    {
      const IapBallotFactorScore *o = iap_ballot_get_factor_score (other, i);

      if (g_str_equal (o->factor, s->factor) && g_str_equal (o->option, s->option))
        return o->value == s->value;
    }

  return FALSE;
}

/**
 * iap_ballot_collect_dup_differences:
 *
 * Where @ballot disagrees with its rivals or with the round's scores:
 * the risks' titles and the factors for each option, in the order of
 * the ballot, never the scores themselves.
 *
 * Returns: (transfer full): the items, as people read them
 */
char **
iap_ballot_collect_dup_differences (IapBallotCollect *self,
                                    IapBallot        *ballot)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) rivals = NULL;
  IapWorkshop *workshop;
  IapRound *round;
  const char *participant;
  gboolean with_round = FALSE;

  g_return_val_if_fail (IAP_IS_BALLOT_COLLECT (self), NULL);

  workshop = workshop_of (self);
  round = iap_round_session_get_round (self->session);
  participant = iap_ballot_get_participant (ballot);
  rivals = iap_ballot_collect_dup_rivals (self, ballot, &with_round);
  for (guint i = 0; i < iap_ballot_get_n_scores (ballot); i++)
    {
      const IapBallotScore *s = iap_ballot_get_score (ballot, i);
      IapRating *held = round != NULL ? iap_round_find_rating (round, participant, s->risk) : NULL;
      IapRisk *risk = iap_workshop_find_risk (workshop, s->risk);
      gboolean differs = with_round && held != NULL && iap_rating_get_likelihood (held) > 0 &&
                         (iap_rating_get_likelihood (held) != s->likelihood || iap_rating_get_impact (held) != s->impact);

      for (guint r = 0; r < rivals->len && !differs; r++)
        differs = !agrees (g_ptr_array_index (rivals, r), s);
      if (differs)
        g_strv_builder_add (builder, risk != NULL && iap_risk_get_title (risk) != NULL
                                     ? iap_risk_get_title (risk) : s->risk);
    }
  for (guint i = 0; i < iap_ballot_get_n_factor_scores (ballot); i++)
    {
      const IapBallotFactorScore *s = iap_ballot_get_factor_score (ballot, i);
      IapFactorRating *held = round != NULL ? iap_round_find_factor_rating (round, participant, s->factor, s->option) : NULL;
      gboolean differs = with_round && held != NULL && iap_factor_rating_get_value (held) != s->value;

      for (guint r = 0; r < rivals->len && !differs; r++)
        differs = !agrees_factor (g_ptr_array_index (rivals, r), s);
      if (differs)
        {
          g_autofree char *text = factor_text (workshop, s);

          g_strv_builder_add (builder, text);
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * iap_ballot_collect_choose:
 * @ballot: (nullable): the ballot to take for @participant, or %NULL to
 *   keep the scores the round holds
 *
 * Settles the conflict of @participant's ballots.
 */
void
iap_ballot_collect_choose (IapBallotCollect *self,
                           const char       *participant,
                           IapBallot        *ballot)
{
  g_return_if_fail (IAP_IS_BALLOT_COLLECT (self));
  g_return_if_fail (participant != NULL);

  g_hash_table_insert (self->choices, g_strdup (participant), ballot != NULL ? (gpointer) ballot : KEEP_ROUND);
  judge (self);
}

guint
iap_ballot_collect_count (IapBallotCollect *self,
                          IapBallotStatus   status)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (IAP_IS_BALLOT_COLLECT (self), 0);

  ensure_judged (self);
  g_hash_table_iter_init (&iter, self->verdicts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Verdict *) value)->status == status;

  return n;
}

/* Returns: how many values of the ballots not refused could not be read */
guint
iap_ballot_collect_count_problems (IapBallotCollect *self)
{
  GListModel *ballots;
  guint n = 0;

  g_return_val_if_fail (IAP_IS_BALLOT_COLLECT (self), 0);

  ballots = G_LIST_MODEL (self->ballots);
  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr(IapBallot) ballot = g_list_model_get_item (ballots, i);

      if (iap_ballot_collect_get_status (self, ballot) != IAP_BALLOT_REFUSED)
        n += iap_ballot_get_n_problems (ballot);
    }

  return n;
}

static guint
import_ballot (IapBallotCollect *self,
               IapBallot        *ballot)
{
  const char *participant = iap_ballot_get_participant (ballot);
  guint n = 0;

  /* The scores outside the round are the ballot's problems: left out */
  for (guint i = 0; i < iap_ballot_get_n_scores (ballot); i++)
    {
      const IapBallotScore *s = iap_ballot_get_score (ballot, i);

      if (!iap_round_session_score (self->session, participant, s->risk, s->likelihood, s->impact, NULL))
        continue;
      n++;
      if (s->comment != NULL)
        iap_round_session_comment (self->session, participant, s->risk, s->comment, NULL);
    }
  for (guint i = 0; i < iap_ballot_get_n_factor_scores (ballot); i++)
    {
      const IapBallotFactorScore *s = iap_ballot_get_factor_score (ballot, i);

      n += iap_round_session_score_factor (self->session, participant, s->factor, s->option, s->value, NULL);
    }

  return n;
}

/**
 * iap_ballot_collect_import:
 *
 * Takes the scores of every ballot ready to go in, as one edit of the
 * workshop. Refused ballots, unsettled conflicts and values that could
 * not be read are left out.
 *
 * Returns: how many scores were given, or 0 with @error set when the
 *   round in play takes no scores
 */
guint
iap_ballot_collect_import (IapBallotCollect  *self,
                           GError           **error)
{
  IapWorkshop *workshop;
  GListModel *ballots;
  guint n = 0;

  g_return_val_if_fail (IAP_IS_BALLOT_COLLECT (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (iap_round_session_get_stage (self->session) != IAP_ROUND_STAGE_OPEN)
    {
      g_set_error_literal (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE,
                           _("No scoring round is open."));
      return 0;
    }

  workshop = workshop_of (self);
  ballots = G_LIST_MODEL (self->ballots);
  iap_workshop_begin_edit (workshop, self->replacing ? _("Room Vote") : _("Import Ballots"));
  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr(IapBallot) ballot = g_list_model_get_item (ballots, i);

      if (iap_ballot_collect_get_status (self, ballot) == IAP_BALLOT_READY)
        n += import_ballot (self, ballot);
    }
  iap_workshop_end_edit (workshop);
  judge (self);

  return n;
}
