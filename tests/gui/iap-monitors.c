/* iap-monitors.c: an X server's one screen seen as several monitors
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Xvfb has one RandR output and one CRTC per screen. A RandR 1.5 monitor
 * made with `xrandr --setmonitor NAME GEOMETRY none` is listed by the
 * server, but GTK's X11 backend keeps only the monitors whose first
 * output has a CRTC, and two monitors cannot share an output (the server
 * drops the first). So, preloaded into the application, this splits the
 * screen's monitor as IAPTEST_MONITORS says ("1366x768+0+0,1024x768+1366+0"),
 * each monitor with an output of its own that reads as the real one.
 * Nothing else changes: windows are placed on the one screen as usual.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xrandr.h>

#define MAX_MONITORS 8
/* Output ids the server never hands out for Xvfb's single output */
#define FAKE_OUTPUT ((RROutput) 0x1f000000)

static RROutput real_output = None;

XRRMonitorInfo *
XRRGetMonitors (Display *display,
                Window   window,
                Bool     get_active,
                int     *n_monitors)
{
  static XRRMonitorInfo *(*real) (Display *, Window, Bool, int *);
  static Atom (*intern) (Display *, const char *, Bool);
  static void (*free_monitors) (XRRMonitorInfo *);
  const char *spec = getenv ("IAPTEST_MONITORS");
  XRRMonitorInfo *found, *monitors;
  RROutput *outputs;
  int n = 0;

  if (real == NULL)
    {
      real = (XRRMonitorInfo *(*) (Display *, Window, Bool, int *)) dlsym (RTLD_NEXT, "XRRGetMonitors");
      intern = (Atom (*) (Display *, const char *, Bool)) dlsym (RTLD_DEFAULT, "XInternAtom");
      free_monitors = (void (*) (XRRMonitorInfo *)) dlsym (RTLD_DEFAULT, "XRRFreeMonitors");
    }
  found = real (display, window, get_active, n_monitors);
  if (spec == NULL || found == NULL || *n_monitors < 1 || found[0].noutput < 1 ||
      intern == NULL || free_monitors == NULL)
    return found;

  /* One block, as libXrandr allocates it: XRRFreeMonitors() frees it */
  monitors = calloc (1, MAX_MONITORS * (sizeof (XRRMonitorInfo) + sizeof (RROutput)));
  if (monitors == NULL)
    return found;
  outputs = (RROutput *) (monitors + MAX_MONITORS);
  real_output = found[0].outputs[0];
  for (const char *p = spec; p != NULL && *p != '\0' && n < MAX_MONITORS; n++)
    {
      XRRMonitorInfo *monitor = &monitors[n];
      char name[32];

      if (sscanf (p, "%dx%d+%d+%d", &monitor->width, &monitor->height, &monitor->x, &monitor->y) != 4)
        break;
      snprintf (name, sizeof name, "IAPTEST-%d", n);
      monitor->name = intern (display, name, False);
      monitor->primary = n == 0;
      monitor->noutput = 1;
      /* 96 dots per inch */
      monitor->mwidth = monitor->width * 254 / 960;
      monitor->mheight = monitor->height * 254 / 960;
      monitor->outputs = &outputs[n];
      outputs[n] = n == 0 ? real_output : FAKE_OUTPUT + n;
      p = strchr (p, ',');
      if (p != NULL)
        p++;
    }
  if (n == 0)
    {
      free (monitors);
      return found;
    }
  free_monitors (found);
  *n_monitors = n;

  return monitors;
}

XRROutputInfo *
XRRGetOutputInfo (Display            *display,
                  XRRScreenResources *resources,
                  RROutput            output)
{
  static XRROutputInfo *(*real) (Display *, XRRScreenResources *, RROutput);

  if (real == NULL)
    real = (XRROutputInfo *(*) (Display *, XRRScreenResources *, RROutput)) dlsym (RTLD_NEXT, "XRRGetOutputInfo");
  if (real_output != None && output > FAKE_OUTPUT && output < FAKE_OUTPUT + MAX_MONITORS)
    output = real_output;

  return real (display, resources, output);
}
