/* iap-room-monitor.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Where a window for the room goes: full screen on the projector when
 * there is one beside the laptop's screen, else on the only screen.
 */

#define G_LOG_DOMAIN "iap-room-monitor"

#include "config.h"

#include "iap-room-monitor.h"

static GdkMonitor *
monitor_of (GtkWindow *window)
{
  GdkSurface *surface = window != NULL ? gtk_native_get_surface (GTK_NATIVE (window)) : NULL;

  if (surface == NULL)
    return NULL;

  return gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
}

/* The monitor the facilitator's window is not on, if there is one:
 * (transfer none), the display's list of monitors holds it */
static GdkMonitor *
find_room_monitor (GtkWindow *window,
                   GtkWindow *facilitator)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  GdkMonitor *theirs;

  if (g_list_model_get_n_items (monitors) < 2)
    return NULL;

  theirs = monitor_of (facilitator);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      GdkMonitor *monitor = g_list_model_get_item (monitors, i);

      /* The list keeps its own reference while the display has it */
      g_object_unref (monitor);
      if (monitor != theirs)
        return monitor;
    }

  return NULL;
}

/**
 * iap_window_present_to_room:
 * @facilitator: (nullable): the facilitator's window
 *
 * Shows @window full screen: on a second monitor when there is one (a
 * projector beside the laptop's screen), else on the facilitator's,
 * where their window stays a keystroke away (Alt+Tab, or Escape to
 * leave the room's view).
 */
void
iap_window_present_to_room (GtkWindow *window,
                            GtkWindow *facilitator)
{
  GdkMonitor *monitor;

  g_return_if_fail (GTK_IS_WINDOW (window));

  monitor = find_room_monitor (window, facilitator);
  if (monitor == NULL)
    monitor = monitor_of (facilitator);
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      /* The screen's size also where nothing makes it full screen */
      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (window, geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (window, monitor);
    }
  else
    gtk_window_fullscreen (window);
  gtk_window_present (window);
}
