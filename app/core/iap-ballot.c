/* iap-ballot.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A returned ballot as read, and how a value written by a participant
 * reads as a level. A spreadsheet cell may hold the level's number
 * ("4"), its word ("Likely", "probable") or both ("4 Likely",
 * "4 - Probable"), in English or in French whatever the language the
 * ballot was sent in: case, accents and spaces do not matter. A number
 * and a word that name different levels is not read, rather than
 * guessing which the participant meant.
 */

#define G_LOG_DOMAIN "iap-ballot"

#include "config.h"

#include <stdlib.h>

#include "iap-i18n.h"

#include "iap-ballot.h"

struct _IapBallot
{
  GObject parent_instance;

  /* Owned */
  char *source;
  char *workshop;
  char *round;
  char *participant;
  char *code;
  char *unreadable;
  GArray *scores;               /* IapBallotScore */
  GArray *factor_scores;        /* IapBallotFactorScore */
  GArray *problems;             /* IapBallotProblem */
  guint n_blanks;
};

G_DEFINE_FINAL_TYPE (IapBallot, iap_ballot, G_TYPE_OBJECT)

G_DEFINE_QUARK (iap-ballot-error-quark, iap_ballot_error)

/* The words of the default scales in the two languages a ballot is read
 * in, so that a French participant's "Probable" reads on an English
 * facilitator's ballot and the other way round. They are the
 * translations of resources/catalog.xml in po/fr.po, which
 * tests/test-ballots.c checks they still are. */
static const char * const default_words[][5][2] = {
  [IAP_BALLOT_LEVEL_LIKELIHOOD] = {
    { "Rare", "Rare" }, { "Unlikely", "Peu probable" }, { "Possible", "Possible" },
    { "Likely", "Probable" }, { "Almost certain", "Presque certain" },
  },
  [IAP_BALLOT_LEVEL_IMPACT] = {
    { "Negligible", "Négligeable" }, { "Minor", "Mineur" }, { "Moderate", "Modéré" },
    { "Major", "Majeur" }, { "Severe", "Grave" },
  },
  [IAP_BALLOT_LEVEL_FACTOR] = {
    { "Not at all", "Pas du tout" }, { "Slightly", "Un peu" }, { "Partly", "En partie" },
    { "Largely", "Largement" }, { "Fully", "Entièrement" },
  },
};

static void
clear_score (gpointer data)
{
  IapBallotScore *score = data;

  g_free (score->risk);
  g_free (score->comment);
}

static void
clear_factor_score (gpointer data)
{
  IapBallotFactorScore *score = data;

  g_free (score->factor);
  g_free (score->option);
}

static void
clear_problem (gpointer data)
{
  g_free (((IapBallotProblem *) data)->reason);
}

static void
iap_ballot_finalize (GObject *object)
{
  IapBallot *self = (IapBallot *)object;

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->workshop, g_free);
  g_clear_pointer (&self->round, g_free);
  g_clear_pointer (&self->participant, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->unreadable, g_free);
  g_clear_pointer (&self->scores, g_array_unref);
  g_clear_pointer (&self->factor_scores, g_array_unref);
  g_clear_pointer (&self->problems, g_array_unref);

  G_OBJECT_CLASS (iap_ballot_parent_class)->finalize (object);
}

static void
iap_ballot_class_init (IapBallotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_ballot_finalize;
}

static void
iap_ballot_init (IapBallot *self)
{
  self->scores = g_array_new (FALSE, TRUE, sizeof (IapBallotScore));
  g_array_set_clear_func (self->scores, clear_score);
  self->factor_scores = g_array_new (FALSE, TRUE, sizeof (IapBallotFactorScore));
  g_array_set_clear_func (self->factor_scores, clear_factor_score);
  self->problems = g_array_new (FALSE, TRUE, sizeof (IapBallotProblem));
  g_array_set_clear_func (self->problems, clear_problem);
}

/**
 * iap_ballot_new:
 * @source: what the ballot came in, as people name it: a file's name
 */
IapBallot *
iap_ballot_new (const char *source)
{
  IapBallot *self = g_object_new (IAP_TYPE_BALLOT, NULL);

  self->source = g_strdup (source != NULL ? source : "");

  return self;
}

const char *
iap_ballot_get_source (IapBallot *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), NULL);

  return self->source;
}

/* Returns: (nullable): the workshop the ballot says it is for */
const char *
iap_ballot_get_workshop (IapBallot *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), NULL);

  return self->workshop;
}

const char *
iap_ballot_get_round (IapBallot *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), NULL);

  return self->round;
}

const char *
iap_ballot_get_participant (IapBallot *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), NULL);

  return self->participant;
}

const char *
iap_ballot_get_code (IapBallot *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), NULL);

  return self->code;
}

/* Returns: (nullable): why the file is no ballot at all, or %NULL */
const char *
iap_ballot_get_unreadable (IapBallot *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), NULL);

  return self->unreadable;
}

void
iap_ballot_set_address (IapBallot  *self,
                        const char *workshop,
                        const char *round,
                        const char *participant,
                        const char *code)
{
  g_return_if_fail (IAP_IS_BALLOT (self));

  g_free (self->workshop);
  self->workshop = g_strdup (workshop);
  g_free (self->round);
  self->round = g_strdup (round);
  g_free (self->participant);
  self->participant = g_strdup (participant);
  g_free (self->code);
  self->code = g_strdup (code);
}

/* The file is not a ballot, or not one that can be read: @reason says
 * why, in words a facilitator understands */
void
iap_ballot_set_unreadable (IapBallot  *self,
                           const char *reason)
{
  g_return_if_fail (IAP_IS_BALLOT (self));
  g_return_if_fail (reason != NULL);

  g_free (self->unreadable);
  self->unreadable = g_strdup (reason);
}

void
iap_ballot_add_score (IapBallot  *self,
                      const char *risk,
                      guint       likelihood,
                      guint       impact,
                      const char *comment,
                      guint       line)
{
  IapBallotScore score = { g_strdup (risk), likelihood, impact, line,
                           comment != NULL && *comment != '\0' ? g_strdup (comment) : NULL };

  g_return_if_fail (IAP_IS_BALLOT (self));
  g_return_if_fail (risk != NULL && likelihood > 0 && impact > 0);

  g_array_append_val (self->scores, score);
}

void
iap_ballot_add_factor_score (IapBallot  *self,
                             const char *factor,
                             const char *option,
                             guint       value,
                             guint       line)
{
  IapBallotFactorScore score = { g_strdup (factor), g_strdup (option), value, line };

  g_return_if_fail (IAP_IS_BALLOT (self));
  g_return_if_fail (factor != NULL && option != NULL && value <= 4);

  g_array_append_val (self->factor_scores, score);
}

/* A risk or factor the participant left without a score */
void
iap_ballot_add_blank (IapBallot *self)
{
  g_return_if_fail (IAP_IS_BALLOT (self));

  self->n_blanks++;
}

/* A value that could not be read, at @line (0 for the whole ballot) */
void
iap_ballot_add_problem (IapBallot  *self,
                        guint       line,
                        const char *format,
                        ...)
{
  IapBallotProblem problem = { line, NULL };
  va_list args;

  g_return_if_fail (IAP_IS_BALLOT (self));

  va_start (args, format);
  problem.reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->problems, problem);
}

guint
iap_ballot_get_n_scores (IapBallot *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), 0);

  return self->scores->len;
}

const IapBallotScore *
iap_ballot_get_score (IapBallot *self,
                      guint      i)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), NULL);
  g_return_val_if_fail (i < self->scores->len, NULL);

  return &g_array_index (self->scores, IapBallotScore, i);
}

guint
iap_ballot_get_n_factor_scores (IapBallot *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), 0);

  return self->factor_scores->len;
}

const IapBallotFactorScore *
iap_ballot_get_factor_score (IapBallot *self,
                             guint      i)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), NULL);
  g_return_val_if_fail (i < self->factor_scores->len, NULL);

  return &g_array_index (self->factor_scores, IapBallotFactorScore, i);
}

guint
iap_ballot_get_n_blanks (IapBallot *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), 0);

  return self->n_blanks;
}

guint
iap_ballot_get_n_problems (IapBallot *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), 0);

  return self->problems->len;
}

const IapBallotProblem *
iap_ballot_get_problem (IapBallot *self,
                        guint      i)
{
  g_return_val_if_fail (IAP_IS_BALLOT (self), NULL);
  g_return_val_if_fail (i < self->problems->len, NULL);

  return &g_array_index (self->problems, IapBallotProblem, i);
}

static GHashTable *
score_table (IapBallot *self)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->scores->len; i++)
    {
      const IapBallotScore *s = &g_array_index (self->scores, IapBallotScore, i);

      g_hash_table_insert (table, g_strdup (s->risk), GUINT_TO_POINTER (s->likelihood << 8 | s->impact));
    }
  for (guint i = 0; i < self->factor_scores->len; i++)
    {
      const IapBallotFactorScore *s = &g_array_index (self->factor_scores, IapBallotFactorScore, i);

      /* The unit separator cannot appear in an id: no clash with a risk */
      g_hash_table_insert (table, g_strconcat (s->factor, "\x1f", s->option, NULL),
                           GUINT_TO_POINTER (s->value + 1));
    }

  return table;
}

/* Returns: whether the two ballots hold the very same scores, whatever
 * their order: the same ballot returned twice */
gboolean
iap_ballot_same_scores (IapBallot *self,
                        IapBallot *other)
{
  g_autoptr(GHashTable) mine = NULL;
  g_autoptr(GHashTable) theirs = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (IAP_IS_BALLOT (self), FALSE);
  g_return_val_if_fail (IAP_IS_BALLOT (other), FALSE);

  mine = score_table (self);
  theirs = score_table (other);
  if (g_hash_table_size (mine) != g_hash_table_size (theirs))
    return FALSE;

  g_hash_table_iter_init (&iter, mine);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (theirs, key) || g_hash_table_lookup (theirs, key) != value)
      return FALSE;

  return TRUE;
}

/* Case, accents and spaces aside */
static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  GString *folded = g_string_new (NULL);

  for (const char *c = lower; *c != '\0'; c++)
    if (g_ascii_isalnum (*c))
      g_string_append_c (folded, *c);

  return g_string_free (folded, FALSE);
}

static GListModel *
levels_of (IapScales      *scales,
           IapBallotLevel  kind)
{
  return kind == IAP_BALLOT_LEVEL_LIKELIHOOD ? iap_scales_get_likelihood (scales)
                                             : iap_scales_get_impact (scales);
}

/* Returns: whether @word (folded) is the word of @level (from 1 for the
 * scales, from 0 for the factors) */
static gboolean
is_word_of (IapScales      *scales,
            IapBallotLevel  kind,
            guint           level,
            const char     *word)
{
  g_autofree char *own = NULL;
  guint index = kind == IAP_BALLOT_LEVEL_FACTOR ? level : level - 1;
  gboolean default_level = kind == IAP_BALLOT_LEVEL_FACTOR;

  if (kind != IAP_BALLOT_LEVEL_FACTOR)
    {
      g_autoptr(IapScaleLevel) item = g_list_model_get_item (levels_of (scales, kind), index);

      own = fold (iap_scale_level_get_label (item));
      if (*own != '\0' && g_str_equal (own, word))
        return TRUE;
    }
  if (index >= G_N_ELEMENTS (default_words[kind]))
    return FALSE;

  /* The default words count where the workshop kept the default level */
  for (guint l = 0; l < 2 && !default_level; l++)
    {
      g_autofree char *def = fold (default_words[kind][index][l]);

      default_level = g_str_equal (own, def);
    }
  for (guint l = 0; l < 2 && default_level; l++)
    {
      g_autofree char *def = fold (default_words[kind][index][l]);

      if (g_str_equal (def, word))
        return TRUE;
    }

  return FALSE;
}

static const char *
scale_name (IapBallotLevel kind)
{
  switch (kind)
    {
    case IAP_BALLOT_LEVEL_LIKELIHOOD:
      return _("likelihood");
    case IAP_BALLOT_LEVEL_IMPACT:
      /* Translators: the scale, as in "not a level of the impact scale" */
      return _("impact");
    case IAP_BALLOT_LEVEL_FACTOR:
    default:
      return _("factor score");
    }
}

/* The leading number of "4", "4 Likely", "4 - Likely" or "4. Likely",
 * and where the words start; -1 without one */
static int
leading_number (const char  *text,
                const char **rest)
{
  char *end;
  long n;

  if (!g_ascii_isdigit (*text))
    return -1;
  n = strtol (text, &end, 10);
  while (*end == ' ' || *end == '-' || *end == '.' || *end == ':' || *end == ')' ||
         g_str_has_prefix (end, "–") || g_str_has_prefix (end, "—"))
    end += g_str_has_prefix (end, "–") || g_str_has_prefix (end, "—") ? strlen ("–") : 1;
  *rest = end;

  return n > 1000 ? 1000 : (int) n;
}

/**
 * iap_ballot_parse_level:
 * @text: a value as the participant wrote it
 * @level: (out): the level read: from 1 on the likelihood and impact
 *   scales, 0 to 4 for a factor score, -1 for a blank
 *
 * Returns: whether @text reads as a level of @kind, or is blank
 */
gboolean
iap_ballot_parse_level (IapScales       *scales,
                        IapBallotLevel   kind,
                        const char      *text,
                        int             *level,
                        GError         **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint lowest = kind == IAP_BALLOT_LEVEL_FACTOR ? 0 : 1;
  guint highest = kind == IAP_BALLOT_LEVEL_FACTOR ? 4 : g_list_model_get_n_items (levels_of (scales, kind));
  const char *rest = trimmed;
  g_autofree char *word = NULL;
  int number;

  g_return_val_if_fail (IAP_IS_SCALES (scales), FALSE);

  *level = -1;
  if (*trimmed == '\0')
    return TRUE;

  number = leading_number (trimmed, &rest);
  word = fold (rest);
  if (number >= 0 && ((guint) number < lowest || (guint) number > highest))
    {
      g_set_error (error, IAP_BALLOT_ERROR, IAP_BALLOT_ERROR_INVALID,
                   _("“%s” is not a level of the %s scale, which goes from %u to %u."),
                   trimmed, scale_name (kind), lowest, highest);
      return FALSE;
    }
  if (number >= 0 && (*word == '\0' || is_word_of (scales, kind, number, word)))
    {
      *level = number;
      return TRUE;
    }
  for (guint l = lowest; number < 0 && *word != '\0' && l <= highest; l++)
    if (is_word_of (scales, kind, l, word))
      {
        *level = l;
        return TRUE;
      }

  if (number >= 0)
    g_set_error (error, IAP_BALLOT_ERROR, IAP_BALLOT_ERROR_INVALID,
                 _("“%s”: the number and the words do not name the same level of the %s scale."),
                 trimmed, scale_name (kind));
  else
    g_set_error (error, IAP_BALLOT_ERROR, IAP_BALLOT_ERROR_INVALID,
                 _("“%s” is not a level of the %s scale: write its number, from %u to %u, or its word."),
                 trimmed, scale_name (kind), lowest, highest);

  return FALSE;
}
