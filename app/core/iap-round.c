/* iap-round.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-round"

#include "config.h"

#include "iap-i18n.h"

#include "iap-factor-rating.h"
#include "iap-property.h"
#include "iap-rating.h"
#include "iap-rating-list.h"
#include "iap-round.h"

struct _IapRound
{
  GObject parent_instance;

  /* Owned */
  char *id;
  guint number;
  char *mode;
  char *state;
  char *secret;                 /* keys the ballot codes, hexadecimal */
  char **risks;                 /* the risks the round scores, by id */
  gboolean factors;             /* whether it scores the triple-hatting factors too */
  IapRatingList *ratings;
  IapRatingList *factor_ratings;
};

G_DEFINE_FINAL_TYPE (IapRound, iap_round, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_MODE,
  PROP_STATE,
  PROP_SECRET,
  PROP_RISKS,
  PROP_FACTORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_round_finalize (GObject *object)
{
  IapRound *self = (IapRound *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->secret, g_free);
  g_clear_pointer (&self->risks, g_strfreev);
  g_clear_object (&self->ratings);
  g_clear_object (&self->factor_ratings);

  G_OBJECT_CLASS (iap_round_parent_class)->finalize (object);
}

static void
iap_round_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IapRound *self = IAP_ROUND (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;

    case PROP_SECRET:
      g_value_set_string (value, self->secret);
      break;

    case PROP_RISKS:
      g_value_set_boxed (value, self->risks);
      break;

    case PROP_FACTORS:
      g_value_set_boolean (value, self->factors);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_round_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IapRound *self = IAP_ROUND (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_ID:
      changed = iap_set_string (&self->id, g_value_get_string (value));
      break;

    case PROP_NUMBER:
      changed = iap_set_uint (&self->number, g_value_get_uint (value));
      break;

    case PROP_MODE:
      changed = iap_set_string (&self->mode, g_value_get_string (value));
      break;

    case PROP_STATE:
      changed = iap_set_string (&self->state, g_value_get_string (value));
      break;

    case PROP_SECRET:
      changed = iap_set_string (&self->secret, g_value_get_string (value));
      break;

    case PROP_RISKS:
      changed = iap_set_strv (&self->risks, g_value_get_boxed (value));
      break;

    case PROP_FACTORS:
      changed = iap_set_boolean (&self->factors, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_round_class_init (IapRoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_round_finalize;
  object_class->get_property = iap_round_get_property;
  object_class->set_property = iap_round_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id",
                         NC_ ("property", "Identifier"),
                         "Stable identifier, unique in the workshop",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number",
                       NC_ ("property", "Round number"),
                       "Position of the round in the workshop, from 1",
                       1, G_MAXUINT, 1,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_MODE] =
    g_param_spec_string ("mode",
                         NC_ ("property", "Scoring mode"),
                         "private (each participant in silence) or ballot (collected on paper)",
                         "private",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_string ("state",
                         NC_ ("property", "Round state"),
                         "open, revealed or closed",
                         "open",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SECRET] =
    g_param_spec_string ("secret",
                         NC_ ("property", "Ballot secret"),
                         "Key of the round's ballot codes, kept in the workshop file and never in a ballot",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  properties[PROP_RISKS] =
    g_param_spec_boxed ("risks",
                        NC_ ("property", "Risks"),
                        "Identifiers of the risks the round scores; empty in files "
                        "written before rounds kept them, where the ratings tell",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_FACTORS] =
    g_param_spec_boolean ("factors",
                          NC_ ("property", "Scores the factors"),
                          "Whether the round scores the triple-hatting factors for each option",
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_round_init (IapRound *self)
{
  self->id = g_strdup ("");
  self->number = 1;
  self->mode = g_strdup ("private");
  self->state = g_strdup ("open");
  self->secret = g_strdup ("");
  self->risks = g_new0 (char *, 1);
  self->ratings = iap_rating_list_new (FALSE);
  self->factor_ratings = iap_rating_list_new (TRUE);
}

IapRound *
iap_round_new (const char  *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (IAP_TYPE_ROUND,
                       "id", id,
                       NULL);
}

const char *
iap_round_get_id (IapRound *self)
{
  g_return_val_if_fail (IAP_IS_ROUND (self), NULL);

  return self->id;
}

guint
iap_round_get_number (IapRound *self)
{
  g_return_val_if_fail (IAP_IS_ROUND (self), 0);

  return self->number;
}

const char *
iap_round_get_mode (IapRound *self)
{
  g_return_val_if_fail (IAP_IS_ROUND (self), NULL);

  return self->mode;
}

const char *
iap_round_get_state (IapRound *self)
{
  g_return_val_if_fail (IAP_IS_ROUND (self), NULL);

  return self->state;
}

/* Returns: the key of the round's ballot codes, empty until it has one */
const char *
iap_round_get_secret (IapRound *self)
{
  g_return_val_if_fail (IAP_IS_ROUND (self), NULL);

  return self->secret;
}

/**
 * iap_round_get_risks:
 *
 * Returns: (transfer none) (nullable): the ids of the risks @self
 *   scores, %NULL or empty when the round did not record them
 */
const char * const *
iap_round_get_risks (IapRound *self)
{
  g_return_val_if_fail (IAP_IS_ROUND (self), NULL);

  return (const char * const *) self->risks;
}

gboolean
iap_round_get_factors (IapRound *self)
{
  g_return_val_if_fail (IAP_IS_ROUND (self), FALSE);

  return self->factors;
}

/**
 * iap_round_get_ratings:
 *
 * The items are made as they are asked for: code that reads every
 * rating of a large round reads them faster with
 * iap_round_get_rating_at().
 *
 * Returns: (transfer none): the #IapRating of each participant and risk
 */
GListModel *
iap_round_get_ratings (IapRound *self)
{
  g_return_val_if_fail (IAP_IS_ROUND (self), NULL);

  return G_LIST_MODEL (self->ratings);
}

/**
 * iap_round_get_factor_ratings:
 *
 * Returns: (transfer none): the #IapFactorRating of each participant,
 *   factor and option
 */
GListModel *
iap_round_get_factor_ratings (IapRound *self)
{
  g_return_val_if_fail (IAP_IS_ROUND (self), NULL);

  return G_LIST_MODEL (self->factor_ratings);
}

/**
 * iap_round_find_rating:
 *
 * Returns: (transfer none) (nullable): the rating of @risk by
 *   @participant, found in constant time
 */
IapRating *
iap_round_find_rating (IapRound   *self,
                       const char *participant,
                       const char *risk)
{
  guint position;

  g_return_val_if_fail (IAP_IS_ROUND (self), NULL);
  g_return_val_if_fail (participant != NULL && risk != NULL, NULL);

  if (!iap_rating_list_lookup_ids (self->ratings, participant, risk, NULL, &position))
    return NULL;

  return iap_rating_list_make_item (self->ratings, position);
}

/**
 * iap_round_find_factor_rating:
 *
 * Returns: (transfer none) (nullable): the score of @option on @factor
 *   by @participant, found in constant time
 */
IapFactorRating *
iap_round_find_factor_rating (IapRound   *self,
                              const char *participant,
                              const char *factor,
                              const char *option)
{
  guint position;

  g_return_val_if_fail (IAP_IS_ROUND (self), NULL);
  g_return_val_if_fail (participant != NULL && factor != NULL && option != NULL, NULL);

  if (!iap_rating_list_lookup_ids (self->factor_ratings, participant, factor, option, &position))
    return NULL;

  return iap_rating_list_make_item (self->factor_ratings, position);
}

/**
 * iap_round_lookup_rating:
 * @likelihood: (out) (optional): the likelihood, from 1, or 0 if withdrawn
 * @impact: (out) (optional): the impact
 *
 * Reads the rating of @risk by @participant, as iap_round_find_rating()
 * finds it, without making an #IapRating.
 *
 * Returns: whether @participant rated @risk
 */
gboolean
iap_round_lookup_rating (IapRound   *self,
                         const char *participant,
                         const char *risk,
                         guint      *likelihood,
                         guint      *impact)
{
  guint position;

  g_return_val_if_fail (IAP_IS_ROUND (self), FALSE);
  g_return_val_if_fail (participant != NULL && risk != NULL, FALSE);

  if (!iap_rating_list_lookup_ids (self->ratings, participant, risk, NULL, &position))
    return FALSE;

  iap_rating_list_get (self->ratings, position, NULL, NULL, NULL, likelihood, impact);

  return TRUE;
}

/**
 * iap_round_get_n_ratings:
 *
 * Returns: how many ratings @self holds: the items of
 *   iap_round_get_ratings()
 */
guint
iap_round_get_n_ratings (IapRound *self)
{
  g_return_val_if_fail (IAP_IS_ROUND (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->ratings));
}

/**
 * iap_round_get_rating_at:
 * @participant: (out) (optional) (transfer none): the participant's id
 * @risk: (out) (optional) (transfer none): the risk's id
 * @likelihood: (out) (optional): from 1, or 0 if withdrawn
 * @impact: (out) (optional): from 1, or 0 if withdrawn
 *
 * Reads the rating at @position of iap_round_get_ratings() without
 * making an #IapRating, for code that reads every rating of a round.
 * The ids belong to @self.
 */
void
iap_round_get_rating_at (IapRound    *self,
                         guint        position,
                         const char **participant,
                         const char **risk,
                         guint       *likelihood,
                         guint       *impact)
{
  g_return_if_fail (IAP_IS_ROUND (self));

  iap_rating_list_get (self->ratings, position, participant, risk, NULL, likelihood, impact);
}

/**
 * iap_round_get_n_factor_ratings:
 *
 * Returns: how many factor ratings @self holds: the items of
 *   iap_round_get_factor_ratings()
 */
guint
iap_round_get_n_factor_ratings (IapRound *self)
{
  g_return_val_if_fail (IAP_IS_ROUND (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->factor_ratings));
}

/**
 * iap_round_get_factor_rating_at:
 * @participant: (out) (optional) (transfer none): the participant's id
 * @factor: (out) (optional) (transfer none): the factor's id
 * @option: (out) (optional) (transfer none): the option's id
 * @value: (out) (optional): the score, from 0 to 4
 *
 * Reads the factor rating at @position of iap_round_get_factor_ratings()
 * without making an #IapFactorRating. The ids belong to @self.
 */
void
iap_round_get_factor_rating_at (IapRound    *self,
                                guint        position,
                                const char **participant,
                                const char **factor,
                                const char **option,
                                guint       *value)
{
  g_return_if_fail (IAP_IS_ROUND (self));

  iap_rating_list_get (self->factor_ratings, position, participant, factor, option, value, NULL);
}

/**
 * iap_round_count_scorers:
 *
 * How many people gave a score in @self, on a risk or a factor: a count
 * of people, never a statistic of their scores, so that it may be shown
 * wherever the round is reported ("scored by 6 of 13").
 *
 * Returns: the number of distinct participants with a score
 */
guint
iap_round_count_scorers (IapRound *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (IAP_IS_ROUND (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (iap_round_get_ratings (self)); i++)
    {
      g_autoptr(IapRating) rating = g_list_model_get_item (iap_round_get_ratings (self), i);

      /* A withdrawn rating (level 0) is no score */
      if (iap_rating_get_likelihood (rating) != 0)
        g_hash_table_add (seen, (gpointer) iap_rating_get_participant (rating));
    }
  for (guint i = 0; i < g_list_model_get_n_items (iap_round_get_factor_ratings (self)); i++)
    {
      g_autoptr(IapFactorRating) rating = g_list_model_get_item (iap_round_get_factor_ratings (self), i);

      g_hash_table_add (seen, (gpointer) iap_factor_rating_get_participant (rating));
    }

  return g_hash_table_size (seen);
}
