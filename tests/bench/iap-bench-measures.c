/* iap-bench-measures.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-bench"

#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "iap-balance-chart.h"
#include "iap-bench-measures.h"
#include "iap-consensus.h"
#include "iap-environment.h"
#include "iap-heat-map.h"
#include "iap-options-analysis.h"
#include "iap-palette.h"
#include "iap-risk-import.h"
#include "iap-spreadsheet.h"
#include "iap-xml.h"

/* The size the benchmarks draw charts at: a maximised window on a
 * projector of 1280 x 1024, less the window's own chrome. */
#define DRAW_WIDTH  1200
#define DRAW_HEIGHT 900

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median_of (double *times,
           guint   n)
{
  qsort (times, n, sizeof (double), compare_doubles);

  return n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
}

/**
 * iap_bench_make_ms:
 *
 * Runs @make once untimed (unless @runs is 1), then @runs times, each
 * timed alone; what it
 * makes is freed after each timing stops, since freeing a document is not
 * part of opening it.
 *
 * Returns: the median of the timed runs, in milliseconds
 */
double
iap_bench_make_ms (guint            runs,
                   IapBenchMakeFunc make,
                   GDestroyNotify   free_func,
                   gpointer         data)
{
  g_autofree double *times = g_new (double, runs);

  if (runs > 1)
    free_func (make (data));
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gpointer made = make (data);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      free_func (made);
    }

  return median_of (times, runs);
}

typedef struct
{
  IapBenchFunc func;
  gpointer     data;
} Call;

static gpointer
call (gpointer data)
{
  Call *c = data;

  c->func (c->data);

  return NULL;
}

static void
nothing (gpointer data)
{
}

double
iap_bench_median_ms (guint        runs,
                     IapBenchFunc func,
                     gpointer     data)
{
  Call c = { func, data };

  return iap_bench_make_ms (runs, call, nothing, &c);
}

/* Figure 1: load */

static gpointer
load_once (gpointer data)
{
  IapBench *bench = data;
  g_autoptr(GError) error = NULL;
  IapWorkshop *workshop = iap_workshop_load (bench->file, NULL, &error);

  g_assert_no_error (error);

  return workshop;
}

static gpointer
parse_once (gpointer data)
{
  IapBench *bench = data;
  g_autoptr(GError) error = NULL;
  xmlDoc *doc = iap_xml_read_file (bench->file, NULL, &error);

  g_assert_no_error (error);

  return doc;
}

static void
free_doc (gpointer doc)
{
  xmlFreeDoc (doc);
}

/* xmllint runs as a separate process, so its time includes starting it:
 * about 1 ms here, small beside what the large file takes. */
static void
spawn_once (gpointer data)
{
  char **argv = data;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
}

/* libxml2's RelaxNG validation of this schema grows much faster than the
 * file: 1 s for the large workshop (1.8 MB), while the huge one (31 MB)
 * had not finished after 15 minutes, so files over 10 MB skip it. */
static gboolean
too_big_for_relaxng (IapBench *bench)
{
  g_autoptr(GFileInfo) info = g_file_query_info (bench->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL && g_file_info_get_size (info) > 10 * 1024 * 1024;
}

static double
xmllint_ms (IapBench   *bench,
            const char *schema)
{
  g_autofree char *path = g_file_get_path (bench->file);
  const char *argv[] = { "xmllint", "--noout", path, NULL, NULL, NULL };

  if (schema != NULL)
    {
      argv[2] = "--relaxng";
      argv[3] = schema;
      argv[4] = path;
    }

  return iap_bench_median_ms (bench->runs, spawn_once, argv);
}

static void
bench_load (IapBench *bench)
{
  double load = iap_bench_make_ms (bench->runs, load_once, g_object_unref, bench);
  double parse = iap_bench_make_ms (bench->runs, parse_once, free_doc, bench);
  double relaxng, plain;

  if (bench->schema == NULL)
    {
      g_print ("load %s: median %.1f ms over %u runs (XML parse %.1f ms)\n",
               bench->size, load, bench->runs, parse);
      return;
    }

  plain = xmllint_ms (bench, NULL);
  if (too_big_for_relaxng (bench))
    {
      g_print ("load %s: median %.1f ms over %u runs (XML parse %.1f ms); "
               "xmllint --relaxng skipped (over 15 minutes); xmllint %.1f ms (ratio %.2f)\n",
               bench->size, load, bench->runs, parse, plain, load / plain);
      return;
    }

  relaxng = xmllint_ms (bench, bench->schema);
  g_print ("load %s: median %.1f ms over %u runs (XML parse %.1f ms); "
           "xmllint --relaxng %.1f ms (ratio %.2f); xmllint %.1f ms (ratio %.2f)\n",
           bench->size, load, bench->runs, parse, relaxng, load / relaxng, plain, load / plain);
}

/* Figure 2: save */

typedef struct
{
  IapBench *bench;
  GFile    *target;
} SaveRun;

static void
save_once (gpointer data)
{
  SaveRun *run = data;
  g_autoptr(GError) error = NULL;

  if (!iap_workshop_save (run->bench->workshop, run->target, NULL, &error))
    g_error ("%s", error->message);
}

static gpointer
serialise_once (gpointer data)
{
  IapBench *bench = data;

  return iap_workshop_to_bytes (bench->workshop);
}

/* Saves beside the benchmark file, under another name, so the safe save
 * (temporary file, fsync, backup, rename) runs on the same disk. */
static void
bench_save (IapBench *bench)
{
  g_autoptr(GFile) parent = g_file_get_parent (bench->file);
  g_autoptr(GFile) target = g_file_get_child (parent, "bench-saved.iapw");
  g_autoptr(GFile) backup = g_file_get_child (parent, "bench-saved.iapw" IAP_WORKSHOP_BACKUP_SUFFIX);
  SaveRun run = { bench, target };
  double save = iap_bench_median_ms (bench->runs, save_once, &run);
  double serialise = iap_bench_make_ms (bench->runs, serialise_once, (GDestroyNotify)g_bytes_unref, bench);

  g_print ("save %s: median %.1f ms over %u runs (of which writing the XML in memory %.1f ms)\n",
           bench->size, save, bench->runs, serialise);
  g_file_delete (target, NULL, NULL);
  g_file_delete (backup, NULL, NULL);
}

/* Figure 3: summary statistics */

static void
environment_once (gpointer data)
{
  g_autoptr(IapEnvironment) env = iap_environment_new_for_workshop (data);

  g_assert_nonnull (env);
}

/* How many risks each agreed band holds, inherent and residual, as the
 * summary and `summary --json` count them. */
static void
bands_once (gpointer data)
{
  GListModel *risks = iap_workshop_get_risks (data);
  IapScales *scales = iap_workshop_get_scales (data);
  guint counts[2][IAP_N_BANDS] = { { 0, } };
  guint n = g_list_model_get_n_items (risks);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      guint l = iap_risk_get_inherent_likelihood (risk), m = iap_risk_get_inherent_impact (risk);
      guint rl = iap_risk_get_residual_likelihood (risk), rm = iap_risk_get_residual_impact (risk);

      if (l > 0 && m > 0)
        counts[0][iap_scales_get_band (scales, l, m)]++;
      if (rl > 0 && rm > 0)
        counts[1][iap_scales_get_band (scales, rl, rm)]++;
    }
  g_assert_cmpuint (counts[0][0] + counts[0][1] + counts[0][2] + counts[0][3], <=, n);
}

static void
options_once (gpointer data)
{
  IapWorkshop *workshop = data;
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (workshop);
  g_autofree char *summary = iap_options_analysis_dup_summary (analysis, iap_workshop_get_catalog (workshop));

  g_assert_nonnull (summary);
}

/* The consensus of every risk in its latest round, as the report and the
 * summary compute it: iap_consensus_latest(), one pass over the rounds. */
static void
consensus_once (gpointer data)
{
  IapWorkshop *workshop = data;
  GListModel *risks = iap_workshop_get_risks (workshop);
  g_autoptr(GHashTable) table = iap_consensus_latest (workshop);

  g_assert_cmpuint (g_hash_table_size (table), <=, g_list_model_get_n_items (risks));
}

static void
bench_stats (IapBench *bench)
{
  IapWorkshop *w = bench->workshop;
  double environment = iap_bench_median_ms (bench->runs, environment_once, w);
  double bands = iap_bench_median_ms (bench->runs, bands_once, w);
  double options = iap_bench_median_ms (bench->runs, options_once, w);
  double consensus;

  consensus = iap_bench_median_ms (bench->runs, consensus_once, w);
  g_print ("stats %s: median %.3f ms over %u runs (environment %.3f ms, bands %.3f ms, "
           "options analysis %.3f ms, consensus of every risk %.3f ms)\n",
           bench->size, environment + bands + options + consensus, bench->runs,
           environment, bands, options, consensus);
}

/* Figure 4: charts, per frame */

typedef struct
{
  cairo_t     *cr;
  IapHeatMap  *map;
  IapWorkshop *workshop;
  int          selected;
  gboolean     resized;
  IapRisk     *edited;
  guint        likelihood;
  guint        moved_to;
} DrawRun;

/* A redraw of the view with the layout of the last frame, as when the
 * arrow keys move the selection from one risk to the next. */
static void
heat_map_redraw_once (gpointer data)
{
  DrawRun *run = data;
  int n = g_list_model_get_n_items (iap_workshop_get_risks (run->workshop));

  run->selected = n > 0 ? (run->selected + 1) % n : -1;
  iap_heat_map_set_selected (run->map, run->selected, TRUE);
  iap_heat_map_draw (run->map, run->cr, DRAW_WIDTH, DRAW_HEIGHT);
}

/* The first frame after a resize, by a pixel one way or the other:
 * the whole layout and paint. */
static void
heat_map_relayout_once (gpointer data)
{
  DrawRun *run = data;

  run->resized = !run->resized;
  iap_heat_map_draw (run->map, run->cr, DRAW_WIDTH - run->resized, DRAW_HEIGHT);
}

static void
heat_map_layout_once (gpointer data)
{
  DrawRun *run = data;

  run->resized = !run->resized;
  iap_heat_map_layout (run->map, run->cr, DRAW_WIDTH - run->resized, DRAW_HEIGHT);
}

/* The first frame after one agreed rating changed, as the view draws
 * it: a risk in the middle of the register moves one likelihood level
 * up, then back, run after run. The change of the rating itself (the
 * model telling its listeners) is timed apart. Returns the median frame;
 * @change, the median change. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);

  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static double
heat_map_edit (DrawRun *run,
               guint    runs,
               double  *change,
               double  *cpu)
{
  g_autofree double *frames = g_new (double, runs);
  g_autofree double *changes = g_new (double, runs);
  g_autofree double *cpus = g_new (double, runs);

  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start;

      g_object_set (run->edited, "inherent-likelihood", i % 2 ? run->likelihood : run->moved_to, NULL);
      if (i > 0)
        changes[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
      cpu_start = cpu_ms ();
      start = g_get_monotonic_time ();
      iap_heat_map_invalidate (run->map);
      iap_heat_map_draw (run->map, run->cr, DRAW_WIDTH, DRAW_HEIGHT);
      /* The first run warms up, untimed */
      if (i > 0)
        {
          frames[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
          cpus[i - 1] = cpu_ms () - cpu_start;
        }
    }
  *change = median_of (changes, runs);
  *cpu = median_of (cpus, runs);

  return median_of (frames, runs);
}

static void
balance_chart_once (gpointer data)
{
  DrawRun *run = data;

  iap_balance_chart_draw (run->cr, run->workshop, DRAW_WIDTH, DRAW_HEIGHT);
}

static void
factor_grid_once (gpointer data)
{
  DrawRun *run = data;

  iap_factor_grid_draw (run->cr, run->workshop, DRAW_WIDTH, DRAW_HEIGHT);
}

/* The surface is made once, outside the timings; frames draw over each
 * other, as clearing is the toolkit's work, not the chart's. */
static void
bench_draw (IapBench *bench)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, DRAW_WIDTH, DRAW_HEIGHT);
  g_autoptr(IapHeatMap) map = iap_heat_map_new (bench->workshop);
  DrawRun run = { cairo_create (surface), map, bench->workshop, -1 };
  GListModel *risks = iap_workshop_get_risks (bench->workshop);
  guint n_likelihood = iap_scales_get_n_likelihood (iap_workshop_get_scales (bench->workshop));
  g_autoptr(IapRisk) edited = g_list_model_get_item (risks, g_list_model_get_n_items (risks) / 2);
  guint n = bench->runs;
  double redraw = iap_bench_median_ms (n, heat_map_redraw_once, &run);
  double relayout = iap_bench_median_ms (n, heat_map_relayout_once, &run);
  double layout = iap_bench_median_ms (n, heat_map_layout_once, &run);
  double edit, change, cpu, balance, grid;

  run.edited = edited;
  run.likelihood = iap_risk_get_inherent_likelihood (edited);
  run.moved_to = run.likelihood % MAX (n_likelihood, 1) + 1;
  iap_heat_map_draw (map, run.cr, DRAW_WIDTH, DRAW_HEIGHT);
  edit = heat_map_edit (&run, n, &change, &cpu);
  g_object_set (edited, "inherent-likelihood", run.likelihood, NULL);
  balance = iap_bench_median_ms (n, balance_chart_once, &run);
  grid = iap_bench_median_ms (n, factor_grid_once, &run);

  g_print ("heat map %s: median %.2f ms per frame over %u runs at %dx%d, selection moving "
           "(after a resize, whole layout and paint: %.2f ms; layout alone %.2f ms)\n",
           bench->size, redraw, n, DRAW_WIDTH, DRAW_HEIGHT, relayout, layout);
  g_print ("heat map after an edit %s: median %.2f ms over %u runs (layout and paint of the "
           "cells one rating left and joined; whole layout and paint in the same run %.2f ms: "
           "ratio %.3f; CPU time %.2f ms; the change of the rating in the model %.2f ms) "
           "(target under 2 ms)\n",
           bench->size, edit, n, relayout, edit / relayout, cpu, change);
  g_print ("triple-hatting chart %s: median %.2f ms per frame over %u runs at %dx%d "
           "(factor grid %.2f ms)\n",
           bench->size, balance, n, DRAW_WIDTH, DRAW_HEIGHT, grid);
  cairo_destroy (run.cr);
  cairo_surface_destroy (surface);
}

/* Edits: what one click costs on a workshop of this size */

static void
add_risk_once (gpointer data)
{
  IapWorkshop *workshop = data;

  iap_workshop_add_risk (workshop, "co-location", "access", "One more risk");
  iap_workshop_undo (workshop);
}

/* Changes the last rating of the first round, where a search from the
 * start of the round finds it last. */
static void
rate_once (gpointer data)
{
  IapWorkshop *workshop = data;
  g_autoptr(IapRound) round = g_list_model_get_item (iap_workshop_get_rounds (workshop), 0);
  GListModel *ratings = iap_round_get_ratings (round);
  g_autoptr(IapRating) last = g_list_model_get_item (ratings, g_list_model_get_n_items (ratings) - 1);

  iap_workshop_set_rating (workshop, round, iap_rating_get_participant (last), iap_rating_get_risk (last),
                           iap_rating_get_likelihood (last) % 5 + 1, iap_rating_get_impact (last));
  iap_workshop_undo (workshop);
}

static void
bench_edit (IapBench *bench)
{
  double add_risk = iap_bench_median_ms (bench->runs, add_risk_once, bench->workshop);
  double rate = iap_bench_median_ms (bench->runs, rate_once, bench->workshop);

  g_print ("edit %s: add a risk and undo, median %.2f ms over %u runs; "
           "change a rating and undo, %.2f ms\n",
           bench->size, add_risk, bench->runs, rate);
}

/* Spreadsheets: the register out as ODS, and read back into an empty
 * workshop as a risk list */

static gpointer
export_register (gpointer data)
{
  IapBench *bench = data;
  g_autoptr(IapTable) table = iap_table_new (bench->workshop, IAP_TABLE_REGISTER, FALSE);
  IapOdsBandColors colors;

  iap_palette_get_band_rgb (colors.fill, colors.text);

  return iap_spreadsheet_write (&table, 1, IAP_SPREADSHEET_ODS, &colors);
}

static gpointer
import_register (gpointer data)
{
  GBytes *ods = data;
  IapWorkshop *workshop = iap_workshop_new ();
  g_autoptr(IapRiskImport) import = NULL;
  IapSheet *sheet = iap_spreadsheet_read (ods, NULL);

  g_assert (sheet != NULL);
  import = iap_risk_import_new (workshop, sheet);
  iap_risk_import_apply (import);

  return workshop;
}

static void
bench_sheets (IapBench *bench)
{
  g_autoptr(GBytes) ods = export_register (bench);
  g_autoptr(IapWorkshop) back = import_register (ods);
  guint n = g_list_model_get_n_items (iap_workshop_get_risks (bench->workshop));
  double out = iap_bench_make_ms (bench->runs, export_register, (GDestroyNotify) g_bytes_unref, bench);
  double in = iap_bench_make_ms (bench->runs, import_register, g_object_unref, ods);

  g_assert_cmpuint (g_list_model_get_n_items (iap_workshop_get_risks (back)), ==, n);
  g_print ("sheets %s: export the register (%u risks) as ODS, median %.2f ms over %u runs "
           "(%" G_GSIZE_FORMAT " bytes); import it into an empty workshop, %.2f ms\n",
           bench->size, n, out, bench->runs, g_bytes_get_size (ods), in);
}

/* The file figures of docs/benchmarks.md: load and save timed in turn,
 * run after run (paired, so that a busy moment of the machine weighs on
 * both), the statistics, and how each grew from the first workshop
 * given to the last. */

typedef struct
{
  char *size;
  guint ratings;
  double load;
  double save;
  double stats;
} FileFigures;

static GArray *file_figures;

static guint
count_ratings (IapWorkshop *workshop)
{
  GListModel *rounds = iap_workshop_get_rounds (workshop);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, i);

      n += iap_round_get_n_ratings (round);
    }

  return n;
}

static void
bench_files (IapBench *bench)
{
  g_autoptr(GFile) parent = g_file_get_parent (bench->file);
  g_autoptr(GFile) target = g_file_get_child (parent, "bench-saved.iapw");
  g_autoptr(GFile) backup = g_file_get_child (parent, "bench-saved.iapw" IAP_WORKSHOP_BACKUP_SUFFIX);
  g_autofree double *loads = g_new (double, bench->runs);
  g_autofree double *saves = g_new (double, bench->runs);
  SaveRun save_run = { bench, target };
  FileFigures figures = { g_strdup (bench->size), count_ratings (bench->workshop), 0, 0, 0 };
  IapWorkshop *w = bench->workshop;

  /* Once untimed, so that every timed run finds the file in the page
   * cache and the code in the CPU caches */
  g_object_unref (load_once (bench));
  save_once (&save_run);
  for (guint i = 0; i < bench->runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      IapWorkshop *loaded = load_once (bench);

      loads[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_object_unref (loaded);

      start = g_get_monotonic_time ();
      save_once (&save_run);
      saves[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  figures.load = median_of (loads, bench->runs);
  figures.save = median_of (saves, bench->runs);
  figures.stats = iap_bench_median_ms (bench->runs, environment_once, w) +
                  iap_bench_median_ms (bench->runs, bands_once, w) +
                  iap_bench_median_ms (bench->runs, options_once, w) +
                  iap_bench_median_ms (bench->runs, consensus_once, w);
  g_file_delete (target, NULL, NULL);
  g_file_delete (backup, NULL, NULL);

  g_print ("save / load %s: save %.1f ms, load %.1f ms, medians of %u paired runs: "
           "ratio %.2f (target at most 0.50)\n",
           figures.size, figures.save, figures.load, bench->runs, figures.save / figures.load);
  g_print ("stats %s: %.2f ms (%u ratings)\n", figures.size, figures.stats, figures.ratings);

  if (file_figures == NULL)
    file_figures = g_array_new (FALSE, FALSE, sizeof (FileFigures));
  g_array_append_val (file_figures, figures);

  if (file_figures->len > 1)
    {
      FileFigures *first = &g_array_index (file_figures, FileFigures, 0);
      double ratings = (double)figures.ratings / MAX (first->ratings, 1);

      g_print ("growth %s / %s, for %.1f x the ratings: load %.1f x, save %.1f x, stats %.1f x "
               "(target at most 22 x)\n",
               figures.size, first->size, ratings, figures.load / first->load,
               figures.save / first->save, figures.stats / first->stats);
    }
}

/**
 * iap_bench_run:
 * @figure: "load", "save", "stats", "draw", "edit", "sheets", "files" or "compare"
 *
 * Returns: %FALSE if @figure is none of them
 */
gboolean
iap_bench_run (IapBench   *bench,
               const char *figure)
{
  if (g_str_equal (figure, "load"))
    bench_load (bench);
  else if (g_str_equal (figure, "save"))
    bench_save (bench);
  else if (g_str_equal (figure, "stats"))
    bench_stats (bench);
  else if (g_str_equal (figure, "draw"))
    bench_draw (bench);
  else if (g_str_equal (figure, "edit"))
    bench_edit (bench);
  else if (g_str_equal (figure, "sheets"))
    bench_sheets (bench);
  else if (g_str_equal (figure, "files"))
    bench_files (bench);
  else if (g_str_equal (figure, "compare"))
    iap_bench_compare (bench);
  else
    return FALSE;

  return TRUE;
}
