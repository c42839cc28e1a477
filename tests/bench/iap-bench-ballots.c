/* iap-bench-ballots.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Send and collect ballots for a workshop (the large one: 50
 * participants, 400 risks): a new round of ballots on every risk, then
 *
 * - send: every participant's spreadsheet and application ballot, made
 *   in memory as Send Ballots… and `iap-workshop ballots` make them;
 * - the printed pack (PDF), timed apart and once: it is many pages;
 * - collect: the 50 spreadsheets, filled with scores, read back, judged
 *   and imported as one edit (undone between runs).
 *
 * Prints the median of 5 runs of each. docs/benchmarks.md says what the
 * figures are held to (send and collect under 1 s each).
 */

#include "config.h"

#include <string.h>

#include "iap-ballot-collect.h"
#include "iap-ballot-csv.h"
#include "iap-ballot-file.h"
#include "iap-ballot-pack.h"
#include "iap-workshop-file.h"

#define RUNS 5

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);

  return values[n / 2];
}

static gboolean
open_round (IapRoundSession *session)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (session);
  GListModel *risks = iap_workshop_get_risks (workshop);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;

  if (iap_round_session_get_stage (session) == IAP_ROUND_STAGE_OPEN)
    iap_round_session_reveal (session, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      g_strv_builder_add (builder, iap_risk_get_id (risk));
    }
  ids = g_strv_builder_end (builder);
  if (!iap_round_session_start (session, "ballot", (const char * const *) ids, FALSE, &error) ||
      !iap_round_session_prepare_ballots (session, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

/* Every participant's sheet; with @csvs, their spreadsheets */
static GPtrArray *
send_ballots (IapRoundSession *session,
              GPtrArray       *csvs,
              gsize           *bytes)
{
  GListModel *participants = iap_workshop_get_participants (iap_round_session_get_workshop (session));
  GPtrArray *sheets = g_ptr_array_new_with_free_func (g_object_unref);

  *bytes = 0;
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (participants, i);
      g_autoptr(GError) error = NULL;
      IapBallotSheet *sheet = iap_ballot_sheet_new (session, iap_participant_get_id (p), &error);
      g_autoptr(GBytes) csv = NULL;
      g_autoptr(GBytes) iapb = NULL;

      g_assert_no_error (error);
      csv = iap_ballot_csv_write (sheet, ',');
      iapb = iap_ballot_file_to_bytes (sheet);
      *bytes += g_bytes_get_size (csv) + g_bytes_get_size (iapb);
      if (csvs != NULL)
        g_ptr_array_add (csvs, g_bytes_ref (csv));
      g_ptr_array_add (sheets, sheet);
    }

  return sheets;
}

/* A participant's spreadsheet as returned: each risk row's empty
 * likelihood and impact filled in ("r12,Title,…,,," becomes
 * "r12,Title,…,3,4,") */
static char *
fill (GBytes *csv,
      guint   seed)
{
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (csv, NULL), "\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize n = strlen (line);

      if (i >= 2 && line[0] == 'r' && n > 3 && g_str_has_suffix (line, ",,,"))
        {
          line[n - 2] = '\0';
          g_string_append_printf (out, "%s%u,%u,\r\n", line, 1 + (seed + i) % 5, 1 + (seed * 3 + i) % 5);
        }
      else if (lines[i + 1] != NULL || n > 0)
        g_string_append_printf (out, "%s\r\n", line);
    }

  return g_string_free (out, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(IapRoundSession) session = NULL;
  g_autoptr(GPtrArray) csvs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) filled = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  double send_ms[RUNS], pack_ms = 0, collect_ms[RUNS];
  guint n_participants, n_risks, imported = 0;
  gsize bytes = 0, pdf_bytes = 0;

  if (argc != 2)
    {
      g_printerr ("Usage: %s FILE\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  if ((workshop = iap_workshop_load (file, NULL, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  session = iap_round_session_new (workshop);
  if (!open_round (session))
    return 1;
  n_participants = g_list_model_get_n_items (iap_workshop_get_participants (workshop));
  n_risks = g_list_model_get_n_items (iap_round_session_get_risks (session));

  for (guint run = 0; run < RUNS; run++)
    {
      double start = now_ms ();
      g_autoptr(GPtrArray) sheets = send_ballots (session, run == 0 ? csvs : NULL, &bytes);

      send_ms[run] = now_ms () - start;
      if (run == 0)
        {
          g_autoptr(GBytes) pdf = NULL;

          start = now_ms ();
          pdf = iap_ballot_pack_to_pdf (sheets, &error);
          g_assert_no_error (error);
          pack_ms = now_ms () - start;
          pdf_bytes = g_bytes_get_size (pdf);
        }
    }
  for (guint i = 0; i < csvs->len; i++)
    g_ptr_array_add (filled, fill (g_ptr_array_index (csvs, i), i));

  for (guint run = 0; run < RUNS; run++)
    {
      double start = now_ms ();
      g_autoptr(IapBallotCollect) collect = iap_ballot_collect_new (session);

      for (guint i = 0; i < filled->len; i++)
        {
          const char *text = g_ptr_array_index (filled, i);
          g_autofree char *name = g_strdup_printf ("ballot-%u.csv", i);
          g_autoptr(IapBallot) ballot = iap_ballot_csv_read (workshop, name, text, strlen (text));

          iap_ballot_collect_add (collect, ballot);
        }
      imported = iap_ballot_collect_import (collect, &error);
      g_assert_no_error (error);
      collect_ms[run] = now_ms () - start;
      if (iap_ballot_collect_count (collect, IAP_BALLOT_REFUSED) > 0 || imported == 0)
        {
          g_printerr ("ballots: the filled ballots were not all taken\n");
          return 1;
        }
      iap_workshop_undo (workshop);
    }

  g_print ("ballots: %u participants x %u risks\n", n_participants, n_risks);
  g_print ("ballots: send (%u spreadsheets and %u application ballots, %.1f MB): median %.1f ms over %d runs\n",
           n_participants, n_participants, bytes / 1e6, median (send_ms, RUNS), RUNS);
  g_print ("ballots: printed pack (%.1f MB of PDF): %.1f ms, once\n", pdf_bytes / 1e6, pack_ms);
  g_print ("ballots: collect (read %u filled spreadsheets, judge, import %u scores): median %.1f ms over %d runs\n",
           filled->len, imported, median (collect_ms, RUNS), RUNS);

  return 0;
}
