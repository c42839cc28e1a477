/* iap-room-snapshot.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the phones are shown, read from the workshop on the main thread:
 * the risks of the round with their arrangement and area, the scales
 * with their definitions in each language a page is offered in, each
 * participant's join code and form token, and the scores each has given
 * so far (for their own pages only: a page shows a participant their own
 * answers, never anyone else's).
 */

#define G_LOG_DOMAIN "iap-room"

#include "config.h"

#include <string.h>

#include "iap-ballot-code.h"
#include "iap-room-private.h"

/* The six official languages of the United Nations, as BCP 47 tags (the
 * page's lang attribute, ?lang= and the Accept-Language header); English
 * first, the page's language when the browser asks for none of them */
const char * const iap_room_languages[IAP_ROOM_N_LANGUAGES] = { "en", "fr", "ar", "es", "ru", "zh-CN" };

static void
risk_free (gpointer data)
{
  IapRoomRisk *risk = data;

  g_free (risk->id);
  g_free (risk->title);
  g_free (risk->description);
  for (guint l = 0; l < IAP_ROOM_N_LANGUAGES; l++)
    {
      g_free (risk->arrangement[l]);
      g_free (risk->area[l]);
    }
  g_free (risk);
}

static void
level_free (gpointer data)
{
  IapRoomLevel *level = data;

  for (guint l = 0; l < IAP_ROOM_N_LANGUAGES; l++)
    {
      g_free (level->label[l]);
      g_free (level->definition[l]);
    }
  g_free (level);
}

static void
voter_free (gpointer data)
{
  IapRoomVoter *voter = data;

  g_free (voter->id);
  g_free (voter->code);
  g_free (voter->token);
  g_free (voter);
}

/**
 * _iap_room_token:
 *
 * Returns: (transfer full): the token @participant's form posts carry:
 *   the start of an HMAC under the round's secret, which a page gives
 *   only to someone who has the participant's code
 */
char *
_iap_room_token (const char *secret,
                 const char *participant)
{
  g_autofree char *digest = NULL;
  g_autoptr(GString) message = g_string_new ("iap-room-form\x1f");

  g_string_append (message, participant);
  digest = g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret),
                                      message->str, message->len);

  return g_strndup (digest, 32);
}

static char *
catalog_label (IapCatalog *catalog,
               const char *kind,
               const char *id)
{
  IapCatalogEntry *entry = id != NULL ? iap_catalog_lookup (catalog, kind, id) : NULL;

  if (entry == NULL)
    return g_strdup (id != NULL ? id : "");

  return g_strdup (iap_catalog_entry_get_label (entry));
}

static void
add_risks (IapRoomSnapshot  *self,
           IapRoundSession  *session,
           IapMessages     **messages)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (session);
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  GListModel *risks = iap_round_session_get_risks (session);
  GListModel *all = iap_workshop_get_risks (workshop);
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (all, i);

      g_hash_table_insert (numbers, risk, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      IapRoomRisk *r = g_new0 (IapRoomRisk, 1);

      r->id = g_strdup (iap_risk_get_id (risk));
      r->number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, risk));
      r->title = g_strdup (iap_risk_get_title (risk) != NULL ? iap_risk_get_title (risk) : "");
      r->description = g_strdup (iap_risk_get_description (risk) != NULL ? iap_risk_get_description (risk) : "");
      for (guint l = 0; l < IAP_ROOM_N_LANGUAGES; l++)
        {
          iap_messages_set_thread_default (messages[l]);
          r->arrangement[l] = catalog_label (catalog, IAP_CATALOG_ARRANGEMENT, iap_risk_get_arrangement (risk));
          r->area[l] = catalog_label (catalog, IAP_CATALOG_AREA, iap_risk_get_area (risk));
        }
      iap_messages_set_thread_default (NULL);
      g_ptr_array_add (self->risks, r);
    }
}

static void
add_levels (GPtrArray    *levels,
            GListModel   *scale,
            IapMessages **messages)
{
  for (guint i = 0; i < g_list_model_get_n_items (scale); i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (scale, i);
      IapRoomLevel *r = g_new0 (IapRoomLevel, 1);

      for (guint l = 0; l < IAP_ROOM_N_LANGUAGES; l++)
        {
          iap_messages_set_thread_default (messages[l]);
          r->label[l] = g_strdup (iap_scale_level_get_label (level));
          r->definition[l] = g_strdup (iap_scale_level_get_definition (level));
        }
      iap_messages_set_thread_default (NULL);
      g_ptr_array_add (levels, r);
    }
}

/* Each participant's code, and the codes of earlier rounds, so that an
 * old ballot's code is told apart from a wrong one */
static void
add_voters (IapRoomSnapshot *self,
            IapRoundSession *session)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (session);
  IapRound *current = iap_round_session_get_round (session);
  GListModel *participants = iap_workshop_get_participants (workshop);
  GListModel *rounds = iap_workshop_get_rounds (workshop);
  const char *secret = current != NULL ? iap_round_get_secret (current) : "";

  for (guint i = 0; *secret != '\0' && i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (participants, i);
      IapRoomVoter *voter = g_new0 (IapRoomVoter, 1);

      voter->id = g_strdup (iap_participant_get_id (p));
      voter->code = iap_round_session_dup_ballot_code (session, voter->id);
      voter->token = _iap_room_token (secret, voter->id);
      g_ptr_array_add (self->voters, voter);
      g_hash_table_insert (self->by_code, voter->code, voter);
    }

  for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, r);
      const char *earlier = iap_round_get_secret (round);

      if (round == current || *earlier == '\0')
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
        {
          g_autoptr(IapParticipant) p = g_list_model_get_item (participants, i);
          char *code = iap_ballot_code_compute (earlier, self->workshop, iap_round_get_id (round),
                                                iap_participant_get_id (p));

          g_hash_table_insert (self->earlier, code, GUINT_TO_POINTER (iap_round_get_number (round)));
        }
    }
}

/* The scores each participant has given in the round, to show them
 * their own answers */
static void
add_answers (IapRoomSnapshot *self,
             IapRound        *round)
{
  g_autoptr(GHashTable) voters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) risks = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_risks = self->risks->len;

  self->answers = g_new0 (guint8, MAX (1, self->voters->len * n_risks * 2));
  if (round == NULL)
    return;

  for (guint i = 0; i < self->voters->len; i++)
    g_hash_table_insert (voters, ((IapRoomVoter *) self->voters->pdata[i])->id, GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < n_risks; i++)
    g_hash_table_insert (risks, ((IapRoomRisk *) self->risks->pdata[i])->id, GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < iap_round_get_n_ratings (round); i++)
    {
      const char *participant, *risk;
      guint likelihood, impact, v, r;

      iap_round_get_rating_at (round, i, &participant, &risk, &likelihood, &impact);
      v = GPOINTER_TO_UINT (g_hash_table_lookup (voters, participant));
      r = GPOINTER_TO_UINT (g_hash_table_lookup (risks, risk));
      if (v == 0 || r == 0 || likelihood == 0 || impact == 0)
        continue;
      self->answers[((v - 1) * n_risks + (r - 1)) * 2] = MIN (likelihood, 255);
      self->answers[((v - 1) * n_risks + (r - 1)) * 2 + 1] = MIN (impact, 255);
    }
}

/**
 * _iap_room_snapshot_new:
 *
 * Reads what the phones are shown from the round in play of @session.
 * Main thread only.
 *
 * Returns: (transfer full): the snapshot
 */
IapRoomSnapshot *
_iap_room_snapshot_new (IapRoundSession *session)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (session);
  IapScales *scales = iap_workshop_get_scales (workshop);
  IapRound *round = iap_round_session_get_round (session);
  IapRoomSnapshot *self = g_new0 (IapRoomSnapshot, 1);
  IapMessages *messages[IAP_ROOM_N_LANGUAGES];

  g_atomic_ref_count_init (&self->ref_count);
  self->workshop = g_strdup (iap_workshop_get_id (workshop));
  self->round = g_strdup (round != NULL ? iap_round_get_id (round) : "");
  self->number = round != NULL ? iap_round_get_number (round) : 0;
  self->open = iap_round_session_get_stage (session) == IAP_ROUND_STAGE_OPEN;
  self->title = g_strdup (iap_workshop_get_title (workshop) != NULL ? iap_workshop_get_title (workshop) : "");
  self->risks = g_ptr_array_new_with_free_func (risk_free);
  self->likelihood = g_ptr_array_new_with_free_func (level_free);
  self->impact = g_ptr_array_new_with_free_func (level_free);
  self->voters = g_ptr_array_new_with_free_func (voter_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->earlier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint l = 0; l < IAP_ROOM_N_LANGUAGES; l++)
    messages[l] = iap_messages_new (iap_room_languages[l]);
  add_risks (self, session, messages);
  add_levels (self->likelihood, iap_scales_get_likelihood (scales), messages);
  add_levels (self->impact, iap_scales_get_impact (scales), messages);
  for (guint l = 0; l < IAP_ROOM_N_LANGUAGES; l++)
    iap_messages_unref (messages[l]);
  add_voters (self, session);
  add_answers (self, round);

  return self;
}

IapRoomSnapshot *
_iap_room_snapshot_ref (IapRoomSnapshot *self)
{
  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
_iap_room_snapshot_unref (IapRoomSnapshot *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->by_code);
  g_hash_table_unref (self->earlier);
  g_ptr_array_unref (self->risks);
  g_ptr_array_unref (self->likelihood);
  g_ptr_array_unref (self->impact);
  g_ptr_array_unref (self->voters);
  g_free (self->answers);
  g_free (self->workshop);
  g_free (self->round);
  g_free (self->title);
  g_free (self);
}

guint
_iap_room_snapshot_index (IapRoomSnapshot *self,
                          IapRoomVoter    *voter)
{
  guint index = 0;

  g_ptr_array_find (self->voters, voter, &index);

  return index;
}

void
_iap_room_vote_free (IapRoomVote *vote)
{
  g_clear_object (&vote->message);
  g_free (vote->address);
  g_free (vote->round);
  g_free (vote->participant);
  g_free (vote->code);
  g_free (vote->risk);
  g_free (vote->reason);
  g_free (vote);
}
