/* iap-bench-measures.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "iap-workshop-file.h"

G_BEGIN_DECLS

typedef struct
{
  GFile       *file;
  IapWorkshop *workshop;
  /* "large (50 x 400)" */
  const char  *size;
  guint        runs;
  /* resources/workshop.rng, for xmllint; NULL to skip xmllint */
  const char  *schema;
} IapBench;

typedef void (*IapBenchFunc) (gpointer data);
/* Returns what it made, which is freed with @free after the clock stops. */
typedef gpointer (*IapBenchMakeFunc) (gpointer data);

double   iap_bench_median_ms (guint             runs,
                              IapBenchFunc      func,
                              gpointer          data);
double   iap_bench_make_ms   (guint             runs,
                              IapBenchMakeFunc  make,
                              GDestroyNotify    free_func,
                              gpointer          data);
gboolean iap_bench_run       (IapBench     *bench,
                              const char   *figure);
void     iap_bench_compare   (IapBench     *bench);

G_END_DECLS
