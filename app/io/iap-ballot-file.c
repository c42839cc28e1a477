/* iap-ballot-file.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The application ballot, NAME.iapb (docs/file-format.md, "Application
 * ballots"): a workshop file of its own, holding only what one
 * participant needs to score the round in play: the workshop's title,
 * classification and scales, the risks of the round, that participant
 * and their own scores in a copy of the round. No other participant, no
 * agreed rating, no other round, and not the round's secret. A <ballot>
 * element of the ballot namespace says whose ballot it is, with its
 * code, and for a second round what the room said before.
 *
 * Being a workshop file, it is read with the workshop reader (every
 * check of a hostile file applies) and saved with the same safe save.
 */

#define G_LOG_DOMAIN "iap-ballot-file"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "iap-ballot-csv.h"
#include "iap-ballot-file.h"
#include "iap-foreign.h"
#include "iap-rating-list.h"
#include "iap-workshop-file.h"
#include "iap-xml.h"

static void
append (GListModel *list,
        gpointer    item)
{
  g_list_store_append (G_LIST_STORE (list), item);
}

/* A round's ratings are a compact list, not a list store */
static void
add_rating (GListModel *list,
            gpointer    rating)
{
  iap_rating_list_insert (IAP_RATING_LIST (list), g_list_model_get_n_items (list), rating);
}

static void
copy_levels (GListModel *from,
             GListModel *to)
{
  g_list_store_remove_all (G_LIST_STORE (to));
  for (guint i = 0; i < g_list_model_get_n_items (from); i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (from, i);
      g_autoptr(IapScaleLevel) copy = iap_scale_level_new ();

      g_object_set (copy,
                    "label", iap_scale_level_get_label (level),
                    "definition", iap_scale_level_get_definition (level),
                    NULL);
      append (to, copy);
    }
}

static void
copy_setup (IapWorkshop *from,
            IapWorkshop *to)
{
  IapScales *scales = iap_workshop_get_scales (from);
  IapScales *copy = iap_workshop_get_scales (to);
  GListModel *custom = iap_catalog_get_custom (iap_workshop_get_catalog (from));

  g_object_set (to,
                "id", iap_workshop_get_id (from),
                "title", iap_workshop_get_title (from),
                "classification", iap_workshop_get_classification (from),
                "min-scorers", iap_workshop_get_min_scorers (from),
                "options", iap_workshop_get_options (from),
                NULL);
  copy_levels (iap_scales_get_likelihood (scales), iap_scales_get_likelihood (copy));
  copy_levels (iap_scales_get_impact (scales), iap_scales_get_impact (copy));
  g_object_set (copy, "bands", iap_scales_get_bands (scales), NULL);

  /* The workshop's own arrangements, areas, factors and options: their
   * words, for the participant to read */
  for (guint i = 0; i < g_list_model_get_n_items (custom); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (custom, i);
      g_autoptr(IapCatalogEntry) entry_copy = iap_catalog_entry_new (iap_catalog_entry_get_kind (entry),
                                                                    iap_catalog_entry_get_id (entry), TRUE);

      g_object_set (entry_copy,
                    "label", iap_catalog_entry_get_label (entry),
                    "description", iap_catalog_entry_get_description (entry),
                    "polarity", iap_catalog_entry_get_polarity (entry),
                    NULL);
      append (iap_catalog_get_custom (iap_workshop_get_catalog (to)), entry_copy);
    }
}

/* The round, with this participant's own scores only */
static void
copy_round (IapBallotSheet *sheet,
            IapWorkshop    *to)
{
  IapRoundSession *session = iap_ballot_sheet_get_session (sheet);
  IapRound *round = iap_ballot_sheet_get_round (sheet);
  const char *participant = iap_participant_get_id (iap_ballot_sheet_get_participant (sheet));
  GListModel *risks = iap_round_session_get_risks (session);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) scope = NULL;
  g_autoptr(IapRound) copy = iap_round_new (iap_round_get_id (round));
  GListModel *factor_ratings = iap_round_get_factor_ratings (round);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      g_autoptr(IapRisk) risk_copy = iap_risk_new (iap_risk_get_id (risk));
      IapRating *own = iap_round_find_rating (round, participant, iap_risk_get_id (risk));

      g_object_set (risk_copy,
                    "arrangement", iap_risk_get_arrangement (risk),
                    "area", iap_risk_get_area (risk),
                    "title", iap_risk_get_title (risk),
                    "description", iap_risk_get_description (risk),
                    NULL);
      append (iap_workshop_get_risks (to), risk_copy);
      g_strv_builder_add (ids, iap_risk_get_id (risk));
      if (own != NULL && iap_rating_get_likelihood (own) > 0)
        {
          g_autoptr(IapRating) rating = iap_rating_new (participant, iap_risk_get_id (risk));

          g_object_set (rating,
                        "likelihood", iap_rating_get_likelihood (own),
                        "impact", iap_rating_get_impact (own),
                        "comment", iap_rating_get_comment (own),
                        NULL);
          add_rating (iap_round_get_ratings (copy), rating);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (factor_ratings); i++)
    {
      g_autoptr(IapFactorRating) own = g_list_model_get_item (factor_ratings, i);
      g_autoptr(IapFactorRating) rating = NULL;

      if (g_strcmp0 (iap_factor_rating_get_participant (own), participant) != 0)
        continue;
      rating = iap_factor_rating_new (participant, iap_factor_rating_get_factor (own),
                                      iap_factor_rating_get_option (own));
      g_object_set (rating, "value", iap_factor_rating_get_value (own), NULL);
      add_rating (iap_round_get_factor_ratings (copy), rating);
    }

  scope = g_strv_builder_end (ids);
  g_object_set (copy,
                "number", iap_round_get_number (round),
                "mode", iap_round_get_mode (round),
                "state", "open",
                "risks", scope,
                "factors", iap_round_session_get_factors (session),
                NULL);
  append (iap_workshop_get_rounds (to), copy);
}

static void
append_earlier (GString                *xml,
                const char             *risk,
                const IapBallotEarlier *e)
{
  g_autofree char *id = g_markup_escape_text (risk, -1);

  g_string_append_printf (xml, "\n    <earlier risk=\"%s\" round=\"%u\" n=\"%u\"", id, e->round, e->n);
  if (e->withheld)
    g_string_append (xml, " withheld=\"true\"");
  else
    g_string_append_printf (xml, " median-likelihood=\"%u\" median-impact=\"%u\" iqr-likelihood=\"%u\" iqr-impact=\"%u\"",
                            e->median_likelihood, e->median_impact, e->iqr_likelihood, e->iqr_impact);
  if (e->own_likelihood > 0)
    g_string_append_printf (xml, " own-likelihood=\"%u\" own-impact=\"%u\"", e->own_likelihood, e->own_impact);
  g_string_append (xml, "/>");
}

/* <ballot>: whose ballot, its code, and the round before */
static char *
dup_ballot_element (IapBallotSheet *sheet)
{
  GListModel *risks = iap_round_session_get_risks (iap_ballot_sheet_get_session (sheet));
  g_autofree char *participant = g_markup_escape_text (iap_participant_get_id (iap_ballot_sheet_get_participant (sheet)), -1);
  g_autofree char *code = g_markup_escape_text (iap_ballot_sheet_get_code (sheet), -1);
  GString *xml = g_string_new (NULL);
  gboolean earlier = FALSE;

  g_string_append_printf (xml, "<ballot xmlns=\"%s\" participant=\"%s\" code=\"%s\">",
                          IAP_BALLOT_NAMESPACE, participant, code);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      const IapBallotEarlier *e = iap_ballot_sheet_get_earlier (sheet, iap_risk_get_id (risk));

      if (e != NULL)
        append_earlier (xml, iap_risk_get_id (risk), e);
      earlier = earlier || e != NULL;
    }
  g_string_append (xml, earlier ? "\n  </ballot>" : "</ballot>");

  return g_string_free (xml, FALSE);
}

/**
 * iap_ballot_file_to_bytes:
 *
 * Returns: (transfer full): the application ballot of @sheet
 */
GBytes *
iap_ballot_file_to_bytes (IapBallotSheet *sheet)
{
  g_autoptr(IapWorkshop) ballot = iap_workshop_new ();
  IapParticipant *participant;
  g_autoptr(IapParticipant) copy = NULL;
  g_autofree char *element = NULL;

  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (sheet), NULL);
  g_return_val_if_fail (iap_ballot_sheet_get_code (sheet) != NULL, NULL);

  participant = iap_ballot_sheet_get_participant (sheet);
  copy_setup (iap_ballot_sheet_get_workshop (sheet), ballot);
  copy = iap_participant_new (iap_participant_get_id (participant));
  g_object_set (copy,
                "pillar", iap_participant_get_pillar (participant),
                "name", iap_participant_get_name (participant),
                "entity", iap_participant_get_entity (participant),
                NULL);
  append (iap_workshop_get_participants (ballot), copy);
  copy_round (sheet, ballot);
  element = dup_ballot_element (sheet);
  iap_foreign_append (ballot, NULL, element);

  return iap_workshop_to_bytes (ballot);
}

static guint
uint_attribute (xmlNode    *node,
                const char *name)
{
  g_autofree char *text = (char *) xmlGetProp (node, (const xmlChar *) name);
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, 1000, &value, NULL))
    return 0;

  return value;
}

static void
read_earlier (IapBallotSheet *sheet,
              xmlNode        *node)
{
  IapScales *scales = iap_workshop_get_scales (iap_ballot_sheet_get_workshop (sheet));
  guint n_l = iap_scales_get_n_likelihood (scales), n_m = iap_scales_get_n_impact (scales);
  g_autofree char *risk = (char *) xmlGetProp (node, (const xmlChar *) "risk");
  g_autofree char *withheld = (char *) xmlGetProp (node, (const xmlChar *) "withheld");
  IapBallotEarlier e = {
    .round = uint_attribute (node, "round"),
    .n = uint_attribute (node, "n"),
    .withheld = g_strcmp0 (withheld, "true") == 0,
    .median_likelihood = uint_attribute (node, "median-likelihood"),
    .median_impact = uint_attribute (node, "median-impact"),
    .iqr_likelihood = uint_attribute (node, "iqr-likelihood"),
    .iqr_impact = uint_attribute (node, "iqr-impact"),
    .own_likelihood = uint_attribute (node, "own-likelihood"),
    .own_impact = uint_attribute (node, "own-impact"),
  };

  /* Shown as read, so never a level the scales do not have */
  if (risk == NULL || e.median_likelihood > n_l || e.median_impact > n_m ||
      e.own_likelihood > n_l || e.own_impact > n_m)
    return;
  if (!e.withheld && (e.median_likelihood == 0 || e.median_impact == 0))
    e.withheld = TRUE;

  iap_ballot_sheet_set_earlier (sheet, risk, &e);
}

/* The <ballot> element kept with the workshop, parsed */
static xmlDoc *
find_ballot_element (IapWorkshop *workshop)
{
  const char * const *foreign = iap_foreign_get (workshop, NULL);

  for (guint i = 0; foreign != NULL && foreign[i] != NULL; i++)
    {
      g_autoptr(xmlDoc) doc = iap_xml_read_memory (foreign[i], strlen (foreign[i]), "ballot", NULL);
      xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

      if (root != NULL && root->ns != NULL &&
          g_strcmp0 ((const char *) root->ns->href, IAP_BALLOT_NAMESPACE) == 0 &&
          g_strcmp0 ((const char *) root->name, "ballot") == 0)
        return g_steal_pointer (&doc);
    }

  return NULL;
}

/**
 * iap_ballot_file_load_bytes:
 *
 * Reads an application ballot into a workshop of its own, with a round
 * session on it, for the participant to score.
 *
 * Returns: (transfer full) (nullable): the ballot's sheet, or %NULL
 *   with @error set, saying the file, the line and the reason
 */
IapBallotSheet *
iap_ballot_file_load_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(IapRoundSession) session = NULL;
  g_autoptr(IapBallotSheet) sheet = NULL;
  g_autofree char *participant = NULL;
  g_autofree char *code = NULL;
  xmlNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if ((workshop = iap_workshop_load_bytes (bytes, display_name, error)) == NULL)
    return NULL;
  if ((doc = find_ballot_element (workshop)) == NULL)
    {
      g_set_error (error, IAP_WORKSHOP_FILE_ERROR, IAP_WORKSHOP_FILE_ERROR_INVALID,
                   _("%s is a workshop, not a ballot: open it as a workshop."), display_name);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  participant = (char *) xmlGetProp (root, (const xmlChar *) "participant");
  code = (char *) xmlGetProp (root, (const xmlChar *) "code");
  if (g_list_model_get_n_items (iap_workshop_get_rounds (workshop)) != 1 || participant == NULL || code == NULL)
    {
      g_set_error (error, IAP_WORKSHOP_FILE_ERROR, IAP_WORKSHOP_FILE_ERROR_INVALID,
                   _("%s is not a ballot this application wrote: it needs one round, its participant and its code."),
                   display_name);
      return NULL;
    }

  session = iap_round_session_new (workshop);
  if ((sheet = iap_ballot_sheet_new (session, participant, error)) == NULL)
    {
      g_prefix_error (error, "%s: ", display_name);
      return NULL;
    }
  iap_ballot_sheet_set_code (sheet, code);
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, "earlier") == 0)
      read_earlier (sheet, node);
  /* Reading is not editing: nothing to save yet */
  iap_history_clear (iap_workshop_get_history (workshop));

  return g_steal_pointer (&sheet);
}

IapBallotSheet *
iap_ballot_file_load (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((bytes = g_file_load_bytes (file, cancellable, NULL, error)) == NULL)
    return NULL;
  name = g_file_get_basename (file);

  return iap_ballot_file_load_bytes (bytes, name, error);
}

/* Saves @sheet as an application ballot, replacing @file safely: a
 * failure leaves the file as it was */
gboolean
iap_ballot_file_save (IapBallotSheet  *sheet,
                      GFile           *file,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (IAP_IS_BALLOT_SHEET (sheet), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = iap_ballot_file_to_bytes (sheet);
  if (!iap_file_replace_safely (file, bytes, cancellable, error))
    return FALSE;

  iap_history_mark_saved (iap_workshop_get_history (iap_ballot_sheet_get_workshop (sheet)));

  return TRUE;
}

/**
 * iap_ballot_file_read:
 * @source: the file's name, as the collect preview shows it
 *
 * Reads a returned application ballot for collecting. Never fails: a
 * file that is no ballot comes back as a ballot that says why.
 *
 * Returns: (transfer full): the ballot as read
 */
IapBallot *
iap_ballot_file_read (const char *source,
                      GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IapBallotSheet) sheet = iap_ballot_file_load_bytes (bytes, source, &error);
  IapBallot *ballot;

  if (sheet != NULL)
    return iap_ballot_sheet_dup_answers (sheet, source);

  ballot = iap_ballot_new (source);
  iap_ballot_set_unreadable (ballot, error->message);

  return ballot;
}

/**
 * iap_ballot_read:
 * @workshop: the workshop the ballot is collected into, whose scales
 *   read a spreadsheet's levels
 * @file: a returned ballot: an application ballot or a spreadsheet
 * @name: (nullable): how to name it, as the user gave it; %NULL for its
 *   path
 * @cancellable: (nullable): a #GCancellable
 *
 * Reads a returned ballot however it came back: an application ballot
 * is XML, anything else is read as a spreadsheet. A file that cannot
 * be read at all is a ballot too, unreadable with the reason, so that
 * the collect preview names it.
 *
 * Returns: (transfer full): the ballot
 */
IapBallot *
iap_ballot_read (IapWorkshop  *workshop,
                 GFile        *file,
                 const char   *name,
                 GCancellable *cancellable)
{
  g_autofree char *path = name == NULL ? g_file_get_path (file) : NULL;
  g_autofree char *source = name != NULL ? g_strdup (name)
                            : path != NULL ? g_steal_pointer (&path) : g_file_get_uri (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;
  IapBallot *ballot;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((bytes = g_file_load_bytes (file, cancellable, NULL, &error)) == NULL)
    {
      ballot = iap_ballot_new (source);
      iap_ballot_set_unreadable (ballot, error->message);
      return ballot;
    }

  data = g_bytes_get_data (bytes, &length);
  while (length > 0 && g_ascii_isspace (*data))
    data++, length--;
  if (length > 0 && *data == '<')
    return iap_ballot_file_read (source, bytes);

  return iap_ballot_csv_read (workshop, source, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}
