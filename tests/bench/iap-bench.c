/* iap-bench.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times one figure of docs/benchmarks.md on each workshop it is given:
 *
 *   iap-bench load|save|stats|draw|edit|sheets|compare [--schema workshop.rng] bench-NAME.iapw…
 *
 * and prints one line per workshop and measure: the size and the median
 * of several runs (9, or 5 for a file named like "huge"; IAP_BENCH_RUNS
 * overrides). Each measure runs once untimed first, so every timed run
 * finds the file in the page cache and the code in the CPU caches, as a
 * facilitator's second look at a chart does. */

#define G_LOG_DOMAIN "iap-bench"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "iap-bench-measures.h"

static guint
runs_for (const char *path)
{
  const char *env = g_getenv ("IAP_BENCH_RUNS");
  g_autofree char *base = g_path_get_basename (path);

  if (env != NULL && atoi (env) > 0)
    return atoi (env);

  return strstr (base, "huge") != NULL ? 5 : 9;
}

/* "large (50 x 400)": the name between "bench-" and ".iapw", then
 * participants x risks as the file holds them. */
static char *
describe_size (const char  *path,
               IapWorkshop *workshop)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *name = g_str_has_prefix (base, "bench-") ? base + strlen ("bench-") : base;
  char *dot = strrchr (name, '.');

  if (dot != NULL)
    *dot = '\0';

  return g_strdup_printf ("%s (%u x %u)", name,
                          g_list_model_get_n_items (iap_workshop_get_participants (workshop)),
                          g_list_model_get_n_items (iap_workshop_get_risks (workshop)));
}

static int
usage (const char *program)
{
  g_printerr ("Usage: %s load|save|stats|draw|edit|sheets|compare [--schema workshop.rng] FILE…\n", program);

  return 2;
}

int
main (int   argc,
      char *argv[])
{
  const char *figure, *schema = NULL;
  int first = 2;

  setlocale (LC_ALL, "C");
  if (argc < 3)
    return usage (argv[0]);

  figure = argv[1];
  if (g_str_equal (argv[2], "--schema") && argc > 4)
    {
      schema = argv[3];
      first = 4;
    }

  for (int i = first; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(IapWorkshop) workshop = iap_workshop_load (file, NULL, &error);
      g_autofree char *size = NULL;
      IapBench bench;

      if (workshop == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      size = describe_size (argv[i], workshop);
      bench = (IapBench) { file, workshop, size, runs_for (argv[i]), schema };
      if (!iap_bench_run (&bench, figure))
        return usage (argv[0]);
    }

  return 0;
}
