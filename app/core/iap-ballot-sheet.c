/* iap-ballot-sheet.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One participant's ballot of the round in play: what every form of it
 * (the printed page, the spreadsheet, the application ballot) shows
 * and takes, made from the same data so that the three never differ.
 * It holds that participant's own scores, their ballot code, and for a
 * second round the room's earlier median and spread beside their own
 * earlier score; nothing of any other participant.
 *
 * A sheet is made from the facilitator's workshop, or read back from an
 * application ballot into a workshop of its own (app/io/iap-ballot-file.c),
 * where the code and the earlier round cannot be worked out and are set.
 */

#define G_LOG_DOMAIN "iap-ballot-sheet"

#include "config.h"

#include "iap-i18n.h"

#include "iap-ballot-sheet.h"
#include "iap-consensus.h"

struct _IapBallotSheet
{
  GObject parent_instance;

  /* Owned */
  IapRoundSession *session;
  IapRound *round;
  IapParticipant *participant;
  char *code;
  GHashTable *earlier;          /* risk id -> IapBallotEarlier */
};

G_DEFINE_FINAL_TYPE (IapBallotSheet, iap_ballot_sheet, G_TYPE_OBJECT)

static void
iap_ballot_sheet_finalize (GObject *object)
{
  IapBallotSheet *self = (IapBallotSheet *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->round);
  g_clear_object (&self->participant);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->earlier, g_hash_table_unref);

  G_OBJECT_CLASS (iap_ballot_sheet_parent_class)->finalize (object);
}

static void
iap_ballot_sheet_class_init (IapBallotSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_ballot_sheet_finalize;
}

static void
iap_ballot_sheet_init (IapBallotSheet *self)
{
  self->earlier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* What the room said about each risk in the latest round it was
 * revealed in, the same on every participant's sheet: worked out once
 * per session and kept on it while the public rounds stay as they were,
 * so that a pack of fifty sheets walks the earlier rounds once, not once
 * per sheet. */
typedef struct
{
  guint64     stamp;            /* rounds, states, sizes; floor and pillars */
  GHashTable *earlier;          /* risk id -> IapBallotEarlier, own score unset */
  GHashTable *rounds;           /* risk id -> IapRound (owned) */
} EarlierCache;

static void
earlier_cache_free (gpointer data)
{
  EarlierCache *cache = data;

  g_hash_table_unref (cache->earlier);
  g_hash_table_unref (cache->rounds);
  g_free (cache);
}

static guint64
earlier_stamp (IapWorkshop *workshop)
{
  GListModel *rounds = iap_workshop_get_rounds (workshop);
  GListModel *participants;
  guint n = g_list_model_get_n_items (rounds);
  guint64 stamp = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, i);

      stamp = stamp * 1000003 + GPOINTER_TO_SIZE (round);
      stamp = stamp * 1000003 + iap_round_get_n_ratings (round);
      stamp = stamp * 1000003 + g_str_hash (iap_round_get_state (round) != NULL ? iap_round_get_state (round) : "");
    }

  /* What decides whether a statistic is withheld: the floor and who
   * stands in which pillar */
  stamp = stamp * 1000003 + iap_workshop_get_min_scorers (workshop);
  participants = iap_workshop_get_participants (workshop);
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IapParticipant) participant = g_list_model_get_item (participants, i);
      const char *pillar = iap_participant_get_pillar (participant);

      stamp = stamp * 1000003 + GPOINTER_TO_SIZE (participant);
      stamp = stamp * 1000003 + g_str_hash (pillar != NULL ? pillar : "");
    }

  return stamp;
}

static EarlierCache *
earlier_cache_get (IapRoundSession *session)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (session);
  EarlierCache *cache = g_object_get_data (G_OBJECT (session), "iap-ballot-earlier");
  guint64 stamp = earlier_stamp (workshop);
  GListModel *risks;

  if (cache != NULL && cache->stamp == stamp)
    return cache;

  cache = g_new0 (EarlierCache, 1);
  cache->stamp = stamp;
  cache->earlier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cache->rounds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  risks = iap_round_session_get_risks (session);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      const char *id = iap_risk_get_id (risk);
      IapRound *round = iap_consensus_latest_round (workshop, id);
      g_autoptr(IapRiskStats) stats = NULL;
      IapBallotEarlier earlier = { 0, };

      if (round == NULL)
        continue;

      stats = iap_consensus_for_risk (workshop, round, id);
      earlier.round = iap_round_get_number (round);
      earlier.n = stats->n;
      earlier.withheld = stats->withheld || !iap_workshop_may_show_statistic (workshop, stats->n);
      if (!earlier.withheld)
        {
          earlier.median_likelihood = stats->median_likelihood;
          earlier.median_impact = stats->median_impact;
          earlier.iqr_likelihood = stats->iqr_likelihood;
          earlier.iqr_impact = stats->iqr_impact;
        }
      g_hash_table_insert (cache->earlier, g_strdup (id), g_memdup2 (&earlier, sizeof earlier));
      g_hash_table_insert (cache->rounds, g_strdup (id), g_object_ref (round));
    }
  g_object_set_data_full (G_OBJECT (session), "iap-ballot-earlier", cache, earlier_cache_free);

  return cache;
}

/* What the room said about @risk in the latest round it was revealed
 * in, within the privacy floor, and what this participant said then */
static void
add_earlier (IapBallotSheet *self,
             EarlierCache   *cache,
             IapRisk        *risk)
{
  const char *id = iap_risk_get_id (risk);
  const IapBallotEarlier *room = g_hash_table_lookup (cache->earlier, id);
  IapBallotEarlier earlier;
  IapRating *own;

  if (room == NULL)
    return;

  earlier = *room;
  own = iap_round_find_rating (g_hash_table_lookup (cache->rounds, id),
                               iap_participant_get_id (self->participant), id);
  if (own != NULL)
    {
      earlier.own_likelihood = iap_rating_get_likelihood (own);
      earlier.own_impact = iap_rating_get_impact (own);
    }
  iap_ballot_sheet_set_earlier (self, id, &earlier);
}

/**
 * iap_ballot_sheet_new:
 *
 * The ballot of @participant in the round in play of @session, which
 * must be open and have its ballot secret
 * (iap_round_session_prepare_ballots()).
 *
 * Returns: (transfer full) (nullable): the sheet, or %NULL with @error set
 */
IapBallotSheet *
iap_ballot_sheet_new (IapRoundSession  *session,
                      const char       *participant,
                      GError          **error)
{
  g_autoptr(IapBallotSheet) self = NULL;
  EarlierCache *cache;
  IapWorkshop *workshop;
  IapParticipant *p;
  GListModel *risks;

  g_return_val_if_fail (IAP_IS_ROUND_SESSION (session), NULL);
  g_return_val_if_fail (participant != NULL, NULL);

  workshop = iap_round_session_get_workshop (session);
  if (iap_round_session_get_stage (session) != IAP_ROUND_STAGE_OPEN)
    {
      g_set_error_literal (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_STAGE,
                           _("Ballots are made for an open round: start one, or go back to the open one."));
      return NULL;
    }
  if ((p = iap_workshop_find_participant (workshop, participant)) == NULL)
    {
      g_set_error (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_PARTICIPANT,
                   _("There is no participant “%s” in this workshop."), participant);
      return NULL;
    }

  self = g_object_new (IAP_TYPE_BALLOT_SHEET, NULL);
  self->session = g_object_ref (session);
  self->round = g_object_ref (iap_round_session_get_round (session));
  self->participant = g_object_ref (p);
  self->code = iap_round_session_dup_ballot_code (session, participant);
  cache = earlier_cache_get (session);
  risks = iap_round_session_get_risks (session);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      add_earlier (self, cache, risk);
    }

  return g_steal_pointer (&self);
}

IapRoundSession *
iap_ballot_sheet_get_session (IapBallotSheet *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (self), NULL);

  return self->session;
}

IapWorkshop *
iap_ballot_sheet_get_workshop (IapBallotSheet *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (self), NULL);

  return iap_round_session_get_workshop (self->session);
}

IapRound *
iap_ballot_sheet_get_round (IapBallotSheet *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (self), NULL);

  return self->round;
}

IapParticipant *
iap_ballot_sheet_get_participant (IapBallotSheet *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (self), NULL);

  return self->participant;
}

/* Returns: (nullable): the ballot code, or %NULL when the round has no
 * secret yet */
const char *
iap_ballot_sheet_get_code (IapBallotSheet *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (self), NULL);

  return self->code;
}

/* The code read from an application ballot, which cannot compute it */
void
iap_ballot_sheet_set_code (IapBallotSheet *self,
                           const char     *code)
{
  g_return_if_fail (IAP_IS_BALLOT_SHEET (self));

  g_free (self->code);
  self->code = g_strdup (code);
}

/* Returns: (nullable): what the room said about @risk in the round
 * before, or %NULL when it was not scored before */
const IapBallotEarlier *
iap_ballot_sheet_get_earlier (IapBallotSheet *self,
                              const char     *risk)
{
  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (self), NULL);
  g_return_val_if_fail (risk != NULL, NULL);

  return g_hash_table_lookup (self->earlier, risk);
}

void
iap_ballot_sheet_set_earlier (IapBallotSheet         *self,
                              const char             *risk,
                              const IapBallotEarlier *earlier)
{
  g_return_if_fail (IAP_IS_BALLOT_SHEET (self));
  g_return_if_fail (risk != NULL && earlier != NULL);

  g_hash_table_insert (self->earlier, g_strdup (risk), g_memdup2 (earlier, sizeof *earlier));
}

/**
 * iap_ballot_sheet_dup_level_text:
 *
 * Returns: (transfer full): "4 Likely": the level's number and the
 *   scale's word for it, or a dash for no level
 */
char *
iap_ballot_sheet_dup_level_text (IapBallotSheet *self,
                                 IapBallotLevel  kind,
                                 guint           level)
{
  IapScales *scales;
  GListModel *levels;
  g_autoptr(IapScaleLevel) item = NULL;

  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (self), NULL);
  g_return_val_if_fail (kind != IAP_BALLOT_LEVEL_FACTOR, NULL);

  scales = iap_workshop_get_scales (iap_ballot_sheet_get_workshop (self));
  levels = kind == IAP_BALLOT_LEVEL_LIKELIHOOD ? iap_scales_get_likelihood (scales) : iap_scales_get_impact (scales);
  if (level == 0 || level > g_list_model_get_n_items (levels))
    return g_strdup ("—");
  item = g_list_model_get_item (levels, level - 1);

  return g_strdup_printf ("%u %s", level, iap_scale_level_get_label (item));
}

static char *
dup_rating_text (IapBallotSheet *self,
                 guint           likelihood,
                 guint           impact)
{
  g_autofree char *l = iap_ballot_sheet_dup_level_text (self, IAP_BALLOT_LEVEL_LIKELIHOOD, likelihood);
  g_autofree char *m = iap_ballot_sheet_dup_level_text (self, IAP_BALLOT_LEVEL_IMPACT, impact);

  /* Translators: a score, likelihood then impact: "4 Likely × 3 Moderate" */
  return g_strdup_printf (_("%s × %s"), l, m);
}

/**
 * iap_ballot_sheet_describe_earlier:
 * @median: (out) (optional): the room's median, "3 Possible × 4 Major",
 *   or why it is not shown
 * @spread: (out) (optional): the spread, as interquartile ranges in
 *   levels, with the number of scores
 * @own: (out) (optional): the participant's own earlier score
 *
 * Returns: whether @risk was scored in an earlier round; when not, the
 *   texts are left alone
 */
gboolean
iap_ballot_sheet_describe_earlier (IapBallotSheet  *self,
                                   const char      *risk,
                                   char           **median,
                                   char           **spread,
                                   char           **own)
{
  const IapBallotEarlier *e;
  IapWorkshop *workshop;

  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (self), FALSE);

  if ((e = iap_ballot_sheet_get_earlier (self, risk)) == NULL)
    return FALSE;

  workshop = iap_ballot_sheet_get_workshop (self);
  if (median != NULL && e->withheld)
    {
      g_autofree char *why = iap_workshop_dup_withheld (workshop);

      /* Translators: instead of a median; %s says why, "fewer than 3 scorers" */
      *median = g_strdup_printf (_("withheld: %s"), why);
    }
  else if (median != NULL)
    *median = dup_rating_text (self, e->median_likelihood, e->median_impact);
  if (spread != NULL && e->withheld)
    *spread = g_strdup_printf (g_dngettext (NULL, "%u score", "%u scores", e->n), e->n);
  else if (spread != NULL)
    /* Translators: the spread of a round's scores, in levels, then how many scored */
    *spread = g_strdup_printf (g_dngettext (NULL, "interquartile range: likelihood %u, impact %u; %u score",
                                            "interquartile range: likelihood %u, impact %u; %u scores", e->n),
                               e->iqr_likelihood, e->iqr_impact, e->n);
  if (own != NULL)
    *own = e->own_likelihood > 0 ? dup_rating_text (self, e->own_likelihood, e->own_impact)
                                 : g_strdup (_("not scored"));

  return TRUE;
}

/**
 * iap_ballot_sheet_dup_answers:
 * @source: the name of the file the answers came in
 *
 * The participant's scores on the sheet, as a returned ballot.
 *
 * Returns: (transfer full): the ballot
 */
IapBallot *
iap_ballot_sheet_dup_answers (IapBallotSheet *self,
                              const char     *source)
{
  const char *participant;
  IapWorkshop *workshop;
  GListModel *risks;
  IapBallot *ballot;

  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (self), NULL);

  participant = iap_participant_get_id (self->participant);
  workshop = iap_ballot_sheet_get_workshop (self);
  risks = iap_round_session_get_risks (self->session);
  ballot = iap_ballot_new (source);
  iap_ballot_set_address (ballot, iap_workshop_get_id (workshop), iap_round_get_id (self->round),
                          participant, self->code);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      IapRating *own = iap_round_find_rating (self->round, participant, iap_risk_get_id (risk));

      if (own != NULL && iap_rating_get_likelihood (own) > 0 && iap_rating_get_impact (own) > 0)
        iap_ballot_add_score (ballot, iap_risk_get_id (risk), iap_rating_get_likelihood (own),
                              iap_rating_get_impact (own), iap_rating_get_comment (own), 0);
      else
        iap_ballot_add_blank (ballot);
    }
  if (iap_round_session_get_factors (self->session))
    {
      GListModel *factors = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_FACTOR);
      const char * const *options = iap_workshop_get_options (workshop);

      for (guint f = 0; f < g_list_model_get_n_items (factors); f++)
        {
          g_autoptr(IapCatalogEntry) factor = g_list_model_get_item (factors, f);

          for (guint o = 0; options != NULL && options[o] != NULL; o++)
            {
              IapFactorRating *own = iap_round_find_factor_rating (self->round, participant,
                                                                   iap_catalog_entry_get_id (factor), options[o]);

              if (own != NULL)
                iap_ballot_add_factor_score (ballot, iap_catalog_entry_get_id (factor), options[o],
                                             iap_factor_rating_get_value (own), 0);
              else
                iap_ballot_add_blank (ballot);
            }
        }
    }

  return ballot;
}

/**
 * iap_ballot_sheet_dup_file_name:
 * @extension: such as "csv"
 *
 * "p3-amina-diallo-round2.csv": whose ballot it is, by id and name in
 * letters any file system takes, so that the facilitator sends each
 * file to the right person.
 *
 * Returns: (transfer full): the file name
 */
char *
iap_ballot_sheet_dup_file_name (IapBallotSheet *self,
                                const char     *extension)
{
  g_autofree char *label = NULL;
  g_autofree char *ascii = NULL;
  g_autoptr(GString) slug = g_string_new (NULL);

  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (self), NULL);

  label = iap_participant_dup_label (self->participant);
  ascii = g_str_to_ascii (label, "C");
  for (const char *c = ascii; *c != '\0' && slug->len < 40; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (slug, g_ascii_tolower (*c));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return g_strdup_printf ("%s%s%s-round%u.%s", iap_participant_get_id (self->participant),
                          slug->len > 0 ? "-" : "", slug->str,
                          iap_round_get_number (self->round), extension);
}
