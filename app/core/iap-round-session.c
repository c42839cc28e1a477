/* iap-round-session.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The scoring round, estimate-talk-estimate, without a display: start a
 * round on a set of risks (and the triple-hatting factors), take each
 * participant's private scores, reveal them, agree a rating per risk,
 * record dissent, and open a second round on the risks without
 * consensus or close the round.
 *
 * The session holds no state of its own that the workshop does not: the
 * round in play is the workshop's latest round unless it is closed, and
 * everything else is read from it. So undo, redo, a file opened or an
 * edit made elsewhere move the session with the document, and the round
 * window, the command line and the ballots all see the same round.
 *
 * Privacy: the session tells who has scored and how many scores each
 * gave, never a value; values are read from the round only once it is
 * revealed (see iap-consensus.c).
 */

#define G_LOG_DOMAIN "iap-round-session"

#include "config.h"

#include "iap-i18n.h"

#include "iap-ballot-code.h"
#include "iap-consensus.h"
#include "iap-round-session.h"

struct _IapRoundSession
{
  GObject parent_instance;

  /* Owned */
  IapWorkshop *workshop;
  IapRound *round;              /* the round in play, or NULL */
  GListStore *risks;            /* IapRisk: the risks of the round, register order */
  GHashTable *scope;            /* risk id -> IapRisk (borrowed from the store) */
  GHashTable *counts;           /* participant id -> scores given, GUINT_TO_POINTER */
  IapRoundStage stage;
  gboolean factors;
  guint n_participants;
};

G_DEFINE_FINAL_TYPE (IapRoundSession, iap_round_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (iap-round-session-error-quark, iap_round_session_error)

G_DEFINE_ENUM_TYPE (IapRoundStage, iap_round_stage,
                    G_DEFINE_ENUM_VALUE (IAP_ROUND_STAGE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (IAP_ROUND_STAGE_OPEN, "open"),
                    G_DEFINE_ENUM_VALUE (IAP_ROUND_STAGE_REVEALED, "revealed"))

enum {
  PROP_0,
  PROP_WORKSHOP,
  PROP_ROUND,
  PROP_STAGE,
  PROP_RISKS,
  PROP_FACTORS,
  PROP_N_SCORED,
  PROP_N_PARTICIPANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The latest round, unless it is closed. */
static IapRound *
find_current_round (IapWorkshop *workshop)
{
  GListModel *rounds = iap_workshop_get_rounds (workshop);
  guint n = g_list_model_get_n_items (rounds);
  g_autoptr(IapRound) round = n > 0 ? g_list_model_get_item (rounds, n - 1) : NULL;

  if (round == NULL || g_strcmp0 (iap_round_get_state (round), "closed") == 0)
    return NULL;

  return round; /* the workshop's list keeps it alive */
}

static IapRoundStage
stage_of (IapRound *round)
{
  if (round == NULL)
    return IAP_ROUND_STAGE_NONE;
  if (g_strcmp0 (iap_round_get_state (round), "open") == 0)
    return IAP_ROUND_STAGE_OPEN;

  return IAP_ROUND_STAGE_REVEALED;
}

/* The risks of a round are those it records, in register order; a file
 * written before rounds kept them tells by the ratings, and a round
 * with neither scores every risk. */
static GPtrArray *
collect_risks (IapWorkshop *workshop,
               IapRound    *round,
               gboolean     factors)
{
  GListModel *risks = iap_workshop_get_risks (workshop);
  GPtrArray *in = g_ptr_array_new ();
  const char * const *scope;
  g_autoptr(GHashTable) rated = NULL;
  gboolean recorded, all;

  if (round == NULL)
    return in;

  scope = iap_round_get_risks (round);
  recorded = (scope != NULL && scope[0] != NULL) || iap_round_get_factors (round);
  /* The risks recorded, or else rated: read back at every edit, so
   * looked up rather than searched for each risk of the register */
  rated = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint j = 0; recorded && scope != NULL && scope[j] != NULL; j++)
    g_hash_table_add (rated, (gpointer) scope[j]);
  if (!recorded)
    {
      for (guint j = 0; j < iap_round_get_n_ratings (round); j++)
        {
          const char *risk;

          /* The string outlives the table: the round holds it */
          iap_round_get_rating_at (round, j, NULL, &risk, NULL, NULL);
          g_hash_table_add (rated, (gpointer) risk);
        }
    }
  all = !recorded && g_hash_table_size (rated) == 0 && !factors;

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      const char *id = iap_risk_get_id (risk);
      gboolean chosen = all || g_hash_table_contains (rated, id);

      if (chosen)
        g_ptr_array_add (in, risk); /* the workshop's list keeps it alive */
    }

  return in;
}

/* The store changes only when the set does, so that a view bound to it
 * is not rebuilt at every score. */
static void
update_risks (IapRoundSession *self,
              GPtrArray       *risks)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->risks));
  gboolean same = n == risks->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->risks), i);

      same = risk == g_ptr_array_index (risks, i);
    }
  if (same)
    return;

  g_hash_table_remove_all (self->scope);
  for (guint i = 0; i < risks->len; i++)
    {
      IapRisk *risk = g_ptr_array_index (risks, i);

      g_hash_table_insert (self->scope, (gpointer) iap_risk_get_id (risk), risk);
    }
  g_list_store_splice (self->risks, 0, n, risks->pdata, risks->len);
}

/* Who has scored, and how many scores each gave: never a value. Read
 * back at every edit, so counted on the round's own strings first, and
 * copied once per participant. */
static void
count_scores (IapRoundSession *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id, n;

  g_hash_table_remove_all (self->counts);
  if (self->round == NULL)
    return;

  for (guint l = 0; l < 2; l++)
    {
      guint n_ratings = l == 0 ? iap_round_get_n_ratings (self->round)
                               : iap_round_get_n_factor_ratings (self->round);

      for (guint i = 0; i < n_ratings; i++)
        {
          const char *participant;
          guint likelihood = 1;

          if (l == 0)
            iap_round_get_rating_at (self->round, i, &participant, NULL, &likelihood, NULL);
          else
            iap_round_get_factor_rating_at (self->round, i, &participant, NULL, NULL, NULL);

          /* The string outlives the table: the round holds it */
          if (likelihood != 0)
            g_hash_table_insert (counts, (gpointer) participant,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, participant)) + 1));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &id, &n))
    g_hash_table_insert (self->counts, g_strdup (id), n);
}

static guint
count_scorers (IapRoundSession *self)
{
  GListModel *participants = iap_workshop_get_participants (self->workshop);
  guint n = 0;

  /* A rating of someone no longer in the workshop is not progress */
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (participants, i);

      n += g_hash_table_contains (self->counts, iap_participant_get_id (p));
    }

  return n;
}

/* Reads the round in play back from the workshop. */
static void
refresh (IapRoundSession *self)
{
  IapRound *round = find_current_round (self->workshop);
  IapRoundStage stage = stage_of (round);
  gboolean factors = FALSE;
  guint n_scored = iap_round_session_get_n_scored (self);
  guint n_participants = g_list_model_get_n_items (iap_workshop_get_participants (self->workshop));
  g_autoptr(GPtrArray) risks = NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->round, round))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND]);
  if (round != NULL)
    factors = iap_round_get_factors (round) ||
              g_list_model_get_n_items (iap_round_get_factor_ratings (round)) > 0;
  if (factors != self->factors)
    {
      self->factors = factors;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACTORS]);
    }
  risks = collect_risks (self->workshop, round, factors);
  update_risks (self, risks);
  count_scores (self);
  if (n_scored != iap_round_session_get_n_scored (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCORED]);
  if (n_participants != self->n_participants)
    {
      self->n_participants = n_participants;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PARTICIPANTS]);
    }
  if (stage != self->stage)
    {
      self->stage = stage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
check_stage (IapRoundSession  *self,
             IapRoundStage     stage,
             GError          **error)
{
  if (self->stage == stage)
    return TRUE;

  if (stage == IAP_ROUND_STAGE_OPEN)
    g_set_error_literal (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE,
                         self->stage == IAP_ROUND_STAGE_NONE
                         ? _("No scoring round is open.")
                         : _("The scores of this round are revealed: it takes no more scores."));
  else
    g_set_error_literal (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE,
                         self->stage == IAP_ROUND_STAGE_NONE
                         ? _("No scoring round is in progress.")
                         : _("The scores of this round are not revealed yet."));

  return FALSE;
}

static gboolean
check_participant (IapRoundSession  *self,
                   const char       *participant,
                   GError          **error)
{
  if (iap_workshop_find_participant (self->workshop, participant) != NULL)
    return TRUE;

  g_set_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_PARTICIPANT,
               _("There is no participant “%s” in this workshop."), participant);
  return FALSE;
}

static gboolean
check_risk (IapRoundSession  *self,
            const char       *risk,
            GError          **error)
{
  if (g_hash_table_contains (self->scope, risk))
    return TRUE;

  g_set_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_SCOPE,
               _("Risk “%s” is not scored in this round."), risk);
  return FALSE;
}

/* A rating of 0 is none; anything else must be a level of the scale. */
static gboolean
check_levels (IapRoundSession  *self,
              guint             likelihood,
              guint             impact,
              GError          **error)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  guint n_l = iap_scales_get_n_likelihood (scales);
  guint n_m = iap_scales_get_n_impact (scales);

  if (likelihood > n_l)
    g_set_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_LEVEL,
                 _("Likelihood %u is outside the scale, which goes from 1 to %u."), likelihood, n_l);
  else if (impact > n_m)
    g_set_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_LEVEL,
                 _("Impact %u is outside the scale, which goes from 1 to %u."), impact, n_m);
  else
    return TRUE;

  return FALSE;
}

static void
iap_round_session_dispose (GObject *object)
{
  IapRoundSession *self = (IapRoundSession *)object;

  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (iap_workshop_get_history (self->workshop), self);
  g_clear_object (&self->round);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_round_session_parent_class)->dispose (object);
}

static void
iap_round_session_finalize (GObject *object)
{
  IapRoundSession *self = (IapRoundSession *)object;

  g_clear_pointer (&self->scope, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_object (&self->risks);

  G_OBJECT_CLASS (iap_round_session_parent_class)->finalize (object);
}

static void
iap_round_session_constructed (GObject *object)
{
  IapRoundSession *self = (IapRoundSession *)object;

  G_OBJECT_CLASS (iap_round_session_parent_class)->constructed (object);

  g_return_if_fail (IAP_IS_WORKSHOP (self->workshop));

  /* Undo, redo and edits elsewhere: follow the document */
  g_signal_connect_object (iap_workshop_get_history (self->workshop), "changed",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
iap_round_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IapRoundSession *self = IAP_ROUND_SESSION (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    case PROP_ROUND:
      g_value_set_object (value, self->round);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_RISKS:
      g_value_set_object (value, self->risks);
      break;
    case PROP_FACTORS:
      g_value_set_boolean (value, self->factors);
      break;
    case PROP_N_SCORED:
      g_value_set_uint (value, iap_round_session_get_n_scored (self));
      break;
    case PROP_N_PARTICIPANTS:
      g_value_set_uint (value, self->n_participants);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_round_session_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IapRoundSession *self = IAP_ROUND_SESSION (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      self->workshop = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_round_session_class_init (IapRoundSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = iap_round_session_constructed;
  object_class->dispose = iap_round_session_dispose;
  object_class->finalize = iap_round_session_finalize;
  object_class->get_property = iap_round_session_get_property;
  object_class->set_property = iap_round_session_set_property;

  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL,
                         IAP_TYPE_WORKSHOP,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROUND] =
    g_param_spec_object ("round", NULL, NULL,
                         IAP_TYPE_ROUND,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       IAP_TYPE_ROUND_STAGE, IAP_ROUND_STAGE_NONE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RISKS] =
    g_param_spec_object ("risks", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_FACTORS] =
    g_param_spec_boolean ("factors", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_SCORED] =
    g_param_spec_uint ("n-scored", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_PARTICIPANTS] =
    g_param_spec_uint ("n-participants", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IapRoundSession::changed:
   *
   * The workshop changed and the session has read it back: scores given
   * or withdrawn, a rating agreed, dissent recorded, a round started or
   * ended, or any of these undone.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
iap_round_session_init (IapRoundSession *self)
{
  self->risks = g_list_store_new (IAP_TYPE_RISK);
  self->scope = g_hash_table_new (g_str_hash, g_str_equal);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * iap_round_session_new:
 *
 * Follows the round in play in @workshop, if any, through every edit.
 */
IapRoundSession *
iap_round_session_new (IapWorkshop *workshop)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  return g_object_new (IAP_TYPE_ROUND_SESSION,
                       "workshop", workshop,
                       NULL);
}

IapWorkshop *
iap_round_session_get_workshop (IapRoundSession *self)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), NULL);

  return self->workshop;
}

/**
 * iap_round_session_get_round:
 *
 * Returns: (transfer none) (nullable): the round in play
 */
IapRound *
iap_round_session_get_round (IapRoundSession *self)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), NULL);

  return self->round;
}

IapRoundStage
iap_round_session_get_stage (IapRoundSession *self)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), IAP_ROUND_STAGE_NONE);

  return self->stage;
}

/**
 * iap_round_session_get_risks:
 *
 * Returns: (transfer none): the #IapRisk the round scores, in register
 *   order; the same list for the session's life
 */
GListModel *
iap_round_session_get_risks (IapRoundSession *self)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), NULL);

  return G_LIST_MODEL (self->risks);
}

/* Returns: whether the round scores the triple-hatting factors too */
gboolean
iap_round_session_get_factors (IapRoundSession *self)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);

  return self->factors;
}

gboolean
iap_round_session_has_risk (IapRoundSession *self,
                            const char      *risk)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);

  return risk != NULL && g_hash_table_contains (self->scope, risk);
}

/* Returns: how many participants of the workshop have given a score */
guint
iap_round_session_get_n_scored (IapRoundSession *self)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), 0);

  return self->workshop != NULL ? count_scorers (self) : 0;
}

guint
iap_round_session_get_n_participants (IapRoundSession *self)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), 0);

  return self->n_participants;
}

/**
 * iap_round_session_count_scores:
 *
 * How many scores @participant gave in the round in play (risks and
 * factor-option pairs): what a progress view may show before the
 * reveal, never the scores themselves.
 */
guint
iap_round_session_count_scores (IapRoundSession *self,
                                const char      *participant)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), 0);
  g_return_val_if_fail (participant != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, participant));
}

/* What ballot codes need: an id for the workshop, a secret for the round */
static void
give_ballot_keys (IapRoundSession *self,
                  IapRound        *round)
{
  if (*iap_workshop_get_id (self->workshop) == '\0')
    {
      g_autofree char *id = iap_ballot_new_workshop_id ();

      iap_workshop_set (self->workshop, self->workshop, "id", id, NULL);
    }
  if (*iap_round_get_secret (round) == '\0')
    {
      g_autofree char *secret = iap_ballot_new_secret ();

      iap_workshop_set (self->workshop, round, "secret", secret, NULL);
    }
}

static gboolean
check_start (IapRoundSession     *self,
             const char * const  *risks,
             gboolean             factors,
             GError             **error)
{
  if (self->stage == IAP_ROUND_STAGE_OPEN)
    {
      g_set_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE,
                   _("Round %u is still open: reveal its scores before starting another."),
                   iap_round_get_number (self->round));
      return FALSE;
    }
  if ((risks == NULL || risks[0] == NULL) && !factors)
    {
      g_set_error_literal (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_EMPTY,
                           _("Choose at least one risk, or the triple-hatting factors, to score."));
      return FALSE;
    }
  for (guint i = 0; risks != NULL && risks[i] != NULL; i++)
    if (iap_workshop_find_risk (self->workshop, risks[i]) == NULL)
      {
        g_set_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_SCOPE,
                     _("There is no risk “%s” in this workshop."), risks[i]);
        return FALSE;
      }

  return TRUE;
}

/**
 * iap_round_session_start:
 * @mode: "private" (each participant in silence) or "ballot" (collected
 *   on paper or in files)
 * @risks: (nullable): ids of the risks to score
 * @factors: whether the round also scores the triple-hatting factors
 *   for each structural option under study
 *
 * Starts a round, as one edit. A revealed round still in play is closed
 * by the same edit; an open one must be revealed first.
 */
gboolean
iap_round_session_start (IapRoundSession     *self,
                         const char          *mode,
                         const char * const  *risks,
                         gboolean             factors,
                         GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) scope = NULL;
  GListModel *list;
  IapRound *round;

  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_start (self, risks, factors, error))
    return FALSE;

  /* Kept in register order, each once, as the round window lists them */
  list = iap_workshop_get_risks (self->workshop);
  for (guint i = 0; risks != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (list, i);

      if (g_strv_contains (risks, iap_risk_get_id (risk)))
        g_strv_builder_add (builder, iap_risk_get_id (risk));
    }
  scope = g_strv_builder_end (builder);

  iap_workshop_begin_edit (self->workshop, _("Start Round"));
  if (self->round != NULL)
    iap_workshop_set (self->workshop, self->round, "state", "closed", NULL);
  round = iap_workshop_add_round (self->workshop, mode);
  /* What the round scores is kept with it, to be the same when reopened */
  iap_workshop_set (self->workshop, round, "risks", scope, "factors", factors, NULL);
  give_ballot_keys (self, round);
  iap_workshop_end_edit (self->workshop);
  refresh (self);

  return TRUE;
}

/**
 * iap_round_session_score:
 * @likelihood: from 1, or 0 to withdraw the score
 * @impact: from 1, or 0 to withdraw the score
 *
 * Records @participant's private score of @risk, as one edit.
 */
gboolean
iap_round_session_score (IapRoundSession  *self,
                         const char       *participant,
                         const char       *risk,
                         guint             likelihood,
                         guint             impact,
                         GError          **error)
{
  IapRating *existing;
  gboolean withdraw = likelihood == 0 || impact == 0;
  gboolean scored;
  guint n;

  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);
  g_return_val_if_fail (participant != NULL && risk != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stage (self, IAP_ROUND_STAGE_OPEN, error) ||
      !check_participant (self, participant, error) ||
      !check_risk (self, risk, error) ||
      !check_levels (self, likelihood, impact, error))
    return FALSE;

  existing = iap_round_find_rating (self->round, participant, risk);
  if (withdraw && existing == NULL)
    return TRUE;

  /* Counted as it goes: a batch of scores in one edit is read back once */
  n = iap_round_session_count_scores (self, participant);
  scored = existing != NULL && iap_rating_get_likelihood (existing) > 0;
  if (withdraw && scored)
    n--;
  else if (!withdraw && !scored)
    n++;
  iap_workshop_set_rating (self->workshop, self->round, participant, risk,
                           withdraw ? 0 : likelihood, withdraw ? 0 : impact);
  g_hash_table_insert (self->counts, g_strdup (participant), GUINT_TO_POINTER (n));

  return TRUE;
}

/**
 * iap_round_session_comment:
 * @comment: (nullable): what @participant wrote beside their score of
 *   @risk, or %NULL to remove it
 *
 * Keeps a participant's comment with their score, as one edit: private
 * like the score until the reveal.
 */
gboolean
iap_round_session_comment (IapRoundSession  *self,
                           const char       *participant,
                           const char       *risk,
                           const char       *comment,
                           GError          **error)
{
  IapRating *rating;

  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);
  g_return_val_if_fail (participant != NULL && risk != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stage (self, IAP_ROUND_STAGE_OPEN, error) ||
      !check_participant (self, participant, error) ||
      !check_risk (self, risk, error))
    return FALSE;
  if ((rating = iap_round_find_rating (self->round, participant, risk)) == NULL)
    {
      g_set_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_EMPTY,
                   _("A comment goes with a score: risk “%s” is not scored yet."), risk);
      return FALSE;
    }

  iap_workshop_set (self->workshop, rating, "comment", comment != NULL ? comment : "", NULL);

  return TRUE;
}

static gboolean
check_factor (IapRoundSession  *self,
              const char       *factor,
              const char       *option,
              int               value,
              GError          **error)
{
  IapCatalog *catalog = iap_workshop_get_catalog (self->workshop);
  const char * const *options = iap_workshop_get_options (self->workshop);

  if (!self->factors)
    g_set_error_literal (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_SCOPE,
                         _("This round does not score the triple-hatting factors."));
  else if (iap_catalog_lookup (catalog, IAP_CATALOG_FACTOR, factor) == NULL)
    g_set_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_SCOPE,
                 _("There is no triple-hatting factor “%s”."), factor);
  else if (options == NULL || !g_strv_contains (options, option))
    g_set_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_SCOPE,
                 _("The structural option “%s” is not under study."), option);
  else if (value < -1 || value > 4)
    g_set_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_LEVEL,
                 _("A factor is scored from 0 to 4, not %d."), value);
  else
    return TRUE;

  return FALSE;
}

/**
 * iap_round_session_score_factor:
 * @value: 0 to 4, or -1 to withdraw the score
 *
 * Records @participant's private score of @option on @factor.
 */
gboolean
iap_round_session_score_factor (IapRoundSession  *self,
                                const char       *participant,
                                const char       *factor,
                                const char       *option,
                                int               value,
                                GError          **error)
{
  IapFactorRating *existing;
  guint n;

  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);
  g_return_val_if_fail (participant != NULL && factor != NULL && option != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stage (self, IAP_ROUND_STAGE_OPEN, error) ||
      !check_participant (self, participant, error) ||
      !check_factor (self, factor, option, value, error))
    return FALSE;

  existing = iap_round_find_factor_rating (self->round, participant, factor, option);
  if (value < 0 && existing == NULL)
    return TRUE;

  n = iap_round_session_count_scores (self, participant);
  if (value < 0)
    n--;
  else if (existing == NULL)
    n++;
  iap_workshop_set_factor_rating (self->workshop, self->round, participant, factor, option, value);
  g_hash_table_insert (self->counts, g_strdup (participant), GUINT_TO_POINTER (n));

  return TRUE;
}

/**
 * iap_round_session_reveal:
 *
 * Shows the round's scores, as one edit: from here on the statistics,
 * the charts and the presenter view read them.
 */
gboolean
iap_round_session_reveal (IapRoundSession  *self,
                          GError          **error)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stage (self, IAP_ROUND_STAGE_OPEN, error))
    return FALSE;
  if (g_hash_table_size (self->counts) == 0)
    {
      g_set_error_literal (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_EMPTY,
                           _("Nobody has scored yet."));
      return FALSE;
    }

  iap_workshop_begin_edit (self->workshop, _("Reveal Scores"));
  iap_workshop_set (self->workshop, self->round, "state", "revealed", NULL);
  iap_workshop_end_edit (self->workshop);
  refresh (self);

  return TRUE;
}

/**
 * iap_round_session_agree:
 *
 * Sets the rating the room agreed on for @risk (its inherent rating),
 * as one edit.
 */
gboolean
iap_round_session_agree (IapRoundSession  *self,
                         const char       *risk,
                         guint             likelihood,
                         guint             impact,
                         GError          **error)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);
  g_return_val_if_fail (risk != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stage (self, IAP_ROUND_STAGE_REVEALED, error) ||
      !check_risk (self, risk, error) ||
      !check_levels (self, likelihood, impact, error))
    return FALSE;
  if (likelihood == 0 || impact == 0)
    {
      g_set_error_literal (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_LEVEL,
                           _("An agreed rating needs both a likelihood and an impact."));
      return FALSE;
    }

  iap_workshop_begin_edit (self->workshop, _("Set Agreed Rating"));
  iap_workshop_set (self->workshop, g_hash_table_lookup (self->scope, risk),
                    "inherent-likelihood", likelihood, "inherent-impact", impact, NULL);
  iap_workshop_end_edit (self->workshop);

  return TRUE;
}

/**
 * iap_round_session_dissent:
 * @risk: (nullable): the risk of the round dissented on, or %NULL for
 *   the recommendation
 * @by_pillar: whether the dissent is attributed by pillar only
 *
 * Records @participant's dissent, as one edit.
 *
 * Returns: (transfer none) (nullable): the dissent, held by the workshop
 */
IapDissent *
iap_round_session_dissent (IapRoundSession  *self,
                           const char       *participant,
                           const char       *risk,
                           gboolean          by_pillar,
                           const char       *text,
                           GError          **error)
{
  IapDissent *dissent;

  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), NULL);
  g_return_val_if_fail (participant != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_stage (self, IAP_ROUND_STAGE_REVEALED, error) ||
      !check_participant (self, participant, error) ||
      (risk != NULL && !check_risk (self, risk, error)))
    return NULL;
  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_EMPTY,
                           _("A dissent needs the words of the participant who dissents."));
      return NULL;
    }

  iap_workshop_begin_edit (self->workshop, _("Record Dissent"));
  dissent = iap_workshop_add_dissent (self->workshop, participant,
                                      risk != NULL ? "risk" : "recommendation", risk, text);
  iap_workshop_set (self->workshop, dissent, "attribution", by_pillar ? "pillar" : "name", NULL);
  iap_workshop_end_edit (self->workshop);

  return dissent;
}

/**
 * iap_round_session_again:
 *
 * Estimate-talk-estimate: closes the revealed round and opens another
 * on its risks without consensus, in the same mode, as one edit. The
 * factors keep the medians they have.
 */
gboolean
iap_round_session_again (IapRoundSession  *self,
                         GError          **error)
{
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) again = NULL;
  g_autofree char *mode = NULL;

  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stage (self, IAP_ROUND_STAGE_REVEALED, error))
    return FALSE;

  table = iap_consensus_for_round (self->workshop, self->round);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->risks)); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->risks), i);
      const IapRiskStats *stats = iap_consensus_lookup (table, iap_risk_get_id (risk));

      if (stats->consensus != IAP_CONSENSUS_REACHED)
        g_strv_builder_add (builder, iap_risk_get_id (risk));
    }
  again = g_strv_builder_end (builder);
  if (again[0] == NULL)
    {
      g_set_error_literal (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_CONSENSUS,
                           _("Every risk of this round reached consensus."));
      return FALSE;
    }

  mode = g_strdup (iap_round_get_mode (self->round));

  return iap_round_session_start (self, mode, (const char * const *) again, FALSE, error);
}

/**
 * iap_round_session_close:
 *
 * Ends the revealed round, as one edit: it stays in the workshop with
 * its scores, and the session is ready for the next round.
 */
gboolean
iap_round_session_close (IapRoundSession  *self,
                         GError          **error)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stage (self, IAP_ROUND_STAGE_REVEALED, error))
    return FALSE;

  iap_workshop_begin_edit (self->workshop, _("Close Round"));
  iap_workshop_set (self->workshop, self->round, "state", "closed", NULL);
  iap_workshop_end_edit (self->workshop);
  refresh (self);

  return TRUE;
}

/**
 * iap_round_session_prepare_ballots:
 *
 * Gives the round in play, and the workshop, what ballot codes need,
 * as one edit when either lacks it: rounds started by this version have
 * it from the start, rounds of older files get it here.
 *
 * Returns: whether the round in play can have ballots
 */
gboolean
iap_round_session_prepare_ballots (IapRoundSession  *self,
                                   GError          **error)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stage (self, IAP_ROUND_STAGE_OPEN, error))
    return FALSE;

  iap_workshop_begin_edit (self->workshop, _("Prepare Ballots"));
  give_ballot_keys (self, self->round);
  iap_workshop_end_edit (self->workshop);

  return TRUE;
}

/**
 * iap_round_session_dup_ballot_code:
 *
 * Returns: (transfer full) (nullable): the ballot code of @participant
 *   in the round in play, or %NULL before the round has a secret
 */
char *
iap_round_session_dup_ballot_code (IapRoundSession *self,
                                   const char      *participant)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), NULL);
  g_return_val_if_fail (participant != NULL, NULL);

  if (self->round == NULL || *iap_round_get_secret (self->round) == '\0' ||
      *iap_workshop_get_id (self->workshop) == '\0')
    return NULL;

  return iap_ballot_code_compute (iap_round_get_secret (self->round), iap_workshop_get_id (self->workshop),
                                  iap_round_get_id (self->round), participant);
}

/**
 * iap_round_session_check_ballot_code:
 * @code: the code as typed from a paper ballot, or read from a returned one
 *
 * Returns: whether @code is @participant's ballot code in the round in play
 */
gboolean
iap_round_session_check_ballot_code (IapRoundSession *self,
                                     const char      *participant,
                                     const char      *code)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (self), FALSE);
  g_return_val_if_fail (participant != NULL && code != NULL, FALSE);

  if (self->round == NULL)
    return FALSE;

  return iap_ballot_code_matches (code, iap_round_get_secret (self->round), iap_workshop_get_id (self->workshop),
                                  iap_round_get_id (self->round), participant);
}
