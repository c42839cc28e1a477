/* iap-timing.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The time to the first frame, for the benchmarks (docs/benchmarks.md).
 * With IAP_WORKSHOP_TIMING set, the application prints to stderr
 *
 *   iap-workshop: first frame after N ms
 *   iap-workshop: first frame with FILE after N ms
 *
 * the first when the window first finishes painting, the second when it
 * first finishes painting a workshop opened from FILE (opening loads in the
 * background, so the empty window can come first). N counts from the
 * kernel's start time of the process, so it includes loading the shared
 * libraries; that clock ticks every 10 ms on Linux. With
 * IAP_WORKSHOP_TIMING=exit the application quits after the frame with the
 * file, so a benchmark can run it in a loop: start it with a file. */

#define G_LOG_DOMAIN "iap-timing"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "iap-timing.h"
#include "iap-window.h"

typedef struct
{
  /* Borrowed */
  GtkWindow     *window;
  GdkFrameClock *clock;

  gulong         paint_handler;
  gboolean       first_done;
  gboolean       done;
} Watch;

/* Where main() can be late to: this file's constructor runs once the
 * dynamic linker has loaded GTK, before main(). */
static gint64 constructor_time;

__attribute__((constructor)) static void
record_constructor_time (void)
{
  constructor_time = g_get_monotonic_time ();
}

/* The monotonic time at which the kernel started the process: its start
 * time in /proc/self/stat (field 22, clock ticks since boot) against the
 * boot-time clock. The constructor's time if /proc cannot say. */
static gint64
get_process_start (void)
{
  g_autofree char *stat = NULL;
  const char *fields;
  unsigned long long ticks = 0;
  struct timespec boot;
  gint64 since_start;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (fields = strrchr (stat, ')')) == NULL ||
      sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
              &ticks) != 1 ||
      clock_gettime (CLOCK_BOOTTIME, &boot) != 0)
    return constructor_time;

  since_start = boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000 -
                (gint64)(ticks * G_USEC_PER_SEC / sysconf (_SC_CLK_TCK));

  return MIN (g_get_monotonic_time () - since_start, constructor_time);
}

static gint64
elapsed_ms (void)
{
  static gint64 start;

  if (start == 0)
    start = get_process_start ();

  return (g_get_monotonic_time () - start) / 1000;
}

static GFile *
get_document_file (Watch *watch)
{
  IapWorkshop *workshop;

  if (!IAP_IS_WINDOW (watch->window))
    return NULL;

  workshop = iap_window_get_workshop (IAP_WINDOW (watch->window));

  return workshop != NULL ? iap_workshop_get_file (workshop) : NULL;
}

static void
stop (Watch *watch)
{
  if (watch->clock != NULL)
    g_clear_signal_handler (&watch->paint_handler, watch->clock);
  watch->clock = NULL;
}

static void
watch_free (gpointer  data,
            GObject  *window)
{
  Watch *watch = data;

  stop (watch);
  g_free (watch);
}

/* A workshop set on the window before this frame's paint is in it. */
static void
on_after_paint (GdkFrameClock *clock,
                Watch         *watch)
{
  GFile *file = get_document_file (watch);
  g_autofree char *name = NULL;

  if (!watch->first_done)
    {
      g_printerr ("iap-workshop: first frame after %" G_GINT64_FORMAT " ms\n", elapsed_ms ());
      watch->first_done = TRUE;
    }

  if (file == NULL)
    return;

  name = g_file_get_basename (file);
  g_printerr ("iap-workshop: first frame with %s after %" G_GINT64_FORMAT " ms\n", name, elapsed_ms ());
  stop (watch);
  watch->done = TRUE;
  if (g_strcmp0 (g_getenv ("IAP_WORKSHOP_TIMING"), "exit") == 0)
    g_application_quit (g_application_get_default ());
}

static void
on_realize (GtkWidget *widget,
            Watch     *watch)
{
  if (watch->clock != NULL || watch->done)
    return;

  watch->clock = gtk_widget_get_frame_clock (widget);
  watch->paint_handler = g_signal_connect (watch->clock, "after-paint", G_CALLBACK (on_after_paint), watch);
}

static void
on_unrealize (GtkWidget *widget,
              Watch     *watch)
{
  stop (watch);
}

/**
 * iap_timing_watch_first_frame:
 *
 * When the environment variable IAP_WORKSHOP_TIMING is set, prints how
 * long after the start of the process @window first painted, and first
 * painted a workshop opened from a file; with IAP_WORKSHOP_TIMING=exit,
 * quits the application then. Call it once, when the window is first
 * presented. Does nothing when the variable is not set.
 */
void
iap_timing_watch_first_frame (GtkWindow *window)
{
  Watch *watch;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("IAP_WORKSHOP_TIMING") == NULL)
    return;

  elapsed_ms ();
  watch = g_new0 (Watch, 1);
  watch->window = window;
  g_object_weak_ref (G_OBJECT (window), watch_free, watch);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), watch);
  g_signal_connect (window, "unrealize", G_CALLBACK (on_unrealize), watch);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window), watch);
}
