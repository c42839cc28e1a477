/* iap-bench-compare.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Figure: comparing and merging two workshops of the same size. The
 * second is the first with a field office's edits (ratings, titles and
 * owners changed, risks removed and added), or the same risks under other
 * ids, as in a file made apart, so that every risk is paired by title. */

#define G_LOG_DOMAIN "iap-bench"

#include "config.h"

#include "iap-bench-measures.h"
#include "iap-comparison.h"
#include "iap-merge.h"

static IapWorkshop *
load_copy (IapBench *bench)
{
  g_autoptr(GError) error = NULL;
  IapWorkshop *copy = iap_workshop_load (bench->file, NULL, &error);

  g_assert_no_error (error);

  return copy;
}

/* A field office's copy: every 7th risk rated again, every 11th renamed,
 * every 13th removed, 20 risks added, every 5th measure owned by
 * someone else. */
static IapWorkshop *
edited_copy (IapBench *bench)
{
  IapWorkshop *copy = load_copy (bench);
  GListModel *risks = iap_workshop_get_risks (copy);
  GListModel *mitigations = iap_workshop_get_mitigations (copy);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i += 7)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      iap_workshop_set (copy, risk, "inherent-likelihood", i % 5 + 1, "inherent-impact", (i / 5) % 5 + 1, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (risks); i += 11)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      g_autofree char *title = g_strconcat (iap_risk_get_title (risk), " in the north", NULL);

      iap_workshop_set (copy, risk, "title", title, NULL);
    }
  for (guint i = g_list_model_get_n_items (risks); i > 0; i--)
    if ((i - 1) % 13 == 12)
      {
        g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i - 1);

        iap_workshop_remove_risk (copy, risk);
      }
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Field office risk %u", i + 1);

      iap_workshop_add_risk (copy, "co-location", "access", title);
    }
  for (guint i = 0; i < g_list_model_get_n_items (mitigations); i += 5)
    {
      g_autoptr(IapMitigation) m = g_list_model_get_item (mitigations, i);

      iap_workshop_set (copy, m, "owner", "Field officer", NULL);
    }

  return copy;
}

/* The same workshop with every risk under another id, as a file made
 * apart would number them */
static IapWorkshop *
apart_copy (IapBench *bench)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  /* Raw bytes: GLib's UTF-8 check of the rest of the text at every match
   * would make the replacement quadratic in the file's size */
  g_autoptr(GRegex) ids = g_regex_new ("((?:id|ref|risk)=\")r([0-9]+\")", G_REGEX_RAW | G_REGEX_OPTIMIZE, 0, NULL);
  g_autofree char *renamed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  IapWorkshop *copy;

  g_file_load_contents (bench->file, NULL, &text, &length, NULL, &error);
  g_assert_no_error (error);
  renamed = g_regex_replace (ids, text, length, 0, "\\1apart\\2", 0, &error);
  g_assert_no_error (error);
  length = strlen (renamed);
  bytes = g_bytes_new_take (g_steal_pointer (&renamed), length);
  copy = iap_workshop_load_bytes (bytes, "apart.iapw", &error);
  g_assert_no_error (error);

  return copy;
}

typedef struct
{
  IapWorkshop *ours;
  IapWorkshop *theirs;
} Pair;

static gpointer
compare_once (gpointer data)
{
  Pair *pair = data;

  return iap_comparison_new (pair->ours, pair->theirs);
}

static gpointer
merge_once (gpointer data)
{
  Pair *pair = data;
  IapMerge *merge = iap_merge_new (pair->ours);
  g_autoptr(GError) error = NULL;

  iap_merge_add_source (merge, pair->theirs, "Field office");
  iap_merge_resolve_all (merge, IAP_RESOLUTION_THEIRS);
  iap_merge_apply (merge, &error);
  g_assert_no_error (error);

  return merge;
}

/* Takes the merge back after the clock stopped, for the next run. */
static void
undo_merge (gpointer data)
{
  IapMerge *merge = data;

  iap_workshop_undo (iap_merge_get_workshop (merge));
  g_object_unref (merge);
}

void
iap_bench_compare (IapBench *bench)
{
  g_autoptr(IapWorkshop) edited = edited_copy (bench);
  g_autoptr(IapWorkshop) apart = apart_copy (bench);
  Pair copy = { bench->workshop, edited };
  Pair made_apart = { bench->workshop, apart };
  g_autoptr(IapComparison) comparison = iap_comparison_new (bench->workshop, edited);
  g_autoptr(IapMerge) merge = iap_merge_new (bench->workshop);
  double diff, diff_apart, merged;

  iap_merge_add_source (merge, edited, "Field office");
  diff = iap_bench_make_ms (bench->runs, compare_once, g_object_unref, &copy);
  diff_apart = iap_bench_make_ms (bench->runs, compare_once, g_object_unref, &made_apart);
  merged = iap_bench_make_ms (bench->runs, merge_once, undo_merge, &copy);

  g_print ("compare %s: diff with a field office's copy (%u changes), median %.1f ms; "
           "diff with the same risks under other ids, %.1f ms; "
           "merge of the copy (%u conflicts, all theirs), planned and applied, %.1f ms; "
           "over %u runs\n",
           bench->size, g_list_model_get_n_items (iap_comparison_get_changes (comparison)), diff,
           diff_apart, iap_merge_get_n_conflicts (merge), merged, bench->runs);
}
