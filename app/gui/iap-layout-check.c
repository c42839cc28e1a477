/* iap-layout-check.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Nothing cut off: texts that do not fit where they are shown.
 *
 * A label that may be shortened with "…" gives its full text in a tooltip
 * (iap_label_show_full_text()); a screen reader reads the full text of
 * every label anyway.
 *
 * With IAP_WORKSHOP_LAYOUT_REPORT=FILE set, Ctrl+Shift+Alt+L in a window
 * appends to FILE what the GUI tests check, for every window of the
 * application on screen, one line per text that is cut:
 *
 *   cut	WINDOW	TYPE	TEXT	how
 *   shortened	WINDOW	TYPE	TEXT	(shortened with "…", full text in a tooltip)
 *   folded	WINDOW	AdwLeaflet		(the sidebar folded: the page does not fit beside it)
 *   small	WINDOW	TYPE	TEXT	(in a view for a room, text smaller than the room font)
 *   font	WINDOW	TYPE	(chart)	SMALLEST ROOM	(in a view for a room, each chart's
 *   	smallest text asked for and the room font, in pixels, whatever they are)
 *
 * then "end	N" with N the number of texts looked at. A text is cut when a
 * label is shortened without a tooltip, a wrapping label needs more
 * height than it has, a label is narrower than its text, a part of it is
 * hidden by a widget around it that is not scrolled, or an entry's text is
 * wider than the entry while the entry does not have the focus. Text that
 * is scrolled out of view is not cut: it can be scrolled to.
 *
 * In a window shown to a room (style class "room-window"), every text is
 * also at least iap_chart_get_room_font() of the window's height: a
 * label's smallest font as it is drawn, and a chart's smallest text as
 * the chart last drew it (iap_layout_check_set_smallest_font()).
 */

#define G_LOG_DOMAIN "iap-layout-check"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "iap-chart-text.h"
#include "iap-layout-check.h"

#define FULL_TEXT_KEY "iap-full-text-tooltip"
#define SMALLEST_FONT_KEY "iap-smallest-font"

/**
 * iap_layout_check_set_smallest_font:
 * @font: the size of the smallest text @widget drew last, in pixels
 *
 * Lets the layout report compare the text a chart draws with the room
 * font, where the chart is shown to a room.
 */
void
iap_layout_check_set_smallest_font (GtkWidget *widget,
                                    double     font)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), SMALLEST_FONT_KEY, g_memdup2 (&font, sizeof font), g_free);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/**
 * iap_label_show_full_text:
 *
 * Shows the full text of @label in a tooltip whenever it is shortened
 * with "…" to fit.
 */
void
iap_label_show_full_text (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_object_get_data (G_OBJECT (label), FULL_TEXT_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (label), FULL_TEXT_KEY, GINT_TO_POINTER (TRUE));
  gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

typedef struct
{
  GString    *report;
  const char *window;
  guint       n_texts;
  double      room_font;        /* 0 but in a window shown to a room */
} Check;

static void
add_line (Check      *check,
          const char *verdict,
          GtkWidget  *widget,
          const char *text,
          const char *how)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text), "\t\n", ' ');

  g_string_append_printf (check->report, "%s\t%s\t%s\t%s\t%s\n", verdict, check->window,
                          G_OBJECT_TYPE_NAME (widget), flat, how);
}

/* Whether a widget around @widget, short of a scrolled view, hides part
 * of it: a cell of a column narrower than its label, say. */
static gboolean
clipped_by_ancestor (GtkWidget *widget,
                     char     **how)
{
  graphene_rect_t bounds;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));

  if (!gtk_widget_compute_bounds (widget, root, &bounds))
    return FALSE;

  for (GtkWidget *a = gtk_widget_get_parent (widget); a != NULL; a = gtk_widget_get_parent (a))
    {
      graphene_rect_t outer;

      /* What a scrolled view hides can be scrolled to */
      if (GTK_IS_SCROLLABLE (a) || GTK_IS_SCROLLED_WINDOW (a))
        return FALSE;
      if (gtk_widget_get_overflow (a) != GTK_OVERFLOW_HIDDEN ||
          !gtk_widget_compute_bounds (a, root, &outer))
        continue;
      if (bounds.origin.x + bounds.size.width > outer.origin.x + outer.size.width + 1 ||
          bounds.origin.x < outer.origin.x - 1 ||
          bounds.origin.y + bounds.size.height > outer.origin.y + outer.size.height + 1)
        {
          *how = g_strdup_printf ("hidden in part by %s (%.0fx%.0f of %.0fx%.0f shown)",
                                  G_OBJECT_TYPE_NAME (a), outer.size.width, outer.size.height,
                                  bounds.size.width, bounds.size.height);
          return TRUE;
        }
    }

  return FALSE;
}

/* The size of the smallest font a label draws with, in pixels */
static double
smallest_font (GtkLabel *label)
{
  PangoLayoutIter *iter = pango_layout_get_iter (gtk_label_get_layout (label));
  double smallest = G_MAXDOUBLE;

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoFontDescription *font;

      if (run == NULL)
        continue;
      font = pango_font_describe_with_absolute_size (run->item->analysis.font);
      smallest = MIN (smallest, pango_units_to_double (pango_font_description_get_size (font)));
      pango_font_description_free (font);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  return smallest;
}

static void
check_room_font (Check      *check,
                 GtkWidget  *widget,
                 const char *text,
                 double      font)
{
  g_autofree char *how = NULL;

  if (check->room_font > 0 && g_str_equal (text, "(chart)"))
    {
      g_autofree char *sizes = g_strdup_printf ("%.2f %.2f", font, check->room_font);

      add_line (check, "font", widget, text, sizes);
    }
  if (check->room_font <= 0 || font >= check->room_font - 0.5)
    return;
  how = g_strdup_printf ("text of %.1f px, the room font is %.1f px", font, check->room_font);
  add_line (check, "small", widget, text, how);
}

static void
check_label (Check    *check,
             GtkLabel *label)
{
  GtkWidget *widget = GTK_WIDGET (label);
  const char *text = gtk_label_get_text (label);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int text_width, text_height;
  g_autofree char *how = NULL;

  if (text == NULL || text[0] == '\0' || width <= 0 || height <= 0)
    return;

  check->n_texts++;
  check_room_font (check, widget, text, smallest_font (label));
  if (gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE &&
      pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (g_object_get_data (G_OBJECT (label), FULL_TEXT_KEY) != NULL ||
          (tooltip != NULL && strstr (tooltip, text) != NULL))
        add_line (check, "shortened", widget, text, "shortened with “…”, full text in a tooltip");
      else
        add_line (check, "cut", widget, text, "shortened with “…” and no tooltip");
      return;
    }

  /* The text as it is drawn, against the room the label has for it */
  pango_layout_get_pixel_size (gtk_label_get_layout (label), &text_width, &text_height);
  if (text_height > height + 1)
    how = g_strdup_printf ("needs %d px of height, has %d", text_height, height);
  else if (text_width > width + 1)
    how = g_strdup_printf ("needs %d px of width, has %d", text_width, width);

  if (how != NULL || clipped_by_ancestor (widget, &how))
    add_line (check, "cut", widget, text, how);
}

/* An entry's text wider than the entry: a person sees its start only. The
 * entry being typed in scrolls to the cursor, as it should. */
static void
check_text (Check   *check,
            GtkText *text_widget)
{
  GtkWidget *widget = GTK_WIDGET (text_widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (text_widget));
  g_autoptr(PangoLayout) layout = NULL;
  int text_width;

  if (text == NULL || text[0] == '\0' || gtk_widget_get_width (widget) <= 0 ||
      !gtk_text_get_visibility (text_widget))
    return;

  check->n_texts++;
  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  if (text_width > gtk_widget_get_width (widget) + 1 && !gtk_widget_has_focus (widget))
    {
      g_autofree char *how = g_strdup_printf ("text of %d px in an entry of %d px",
                                              text_width, gtk_widget_get_width (widget));

      add_line (check, "cut", widget, text, how);
    }
}

static void
check_widget (Check     *check,
              GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget))
    return;

  /* A window wide enough for sidebar and page shows both; folded, the
   * page is hidden behind the sidebar. */
  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_can_unfold (ADW_LEAFLET (widget)) &&
      adw_leaflet_get_folded (ADW_LEAFLET (widget)))
    add_line (check, "folded", widget, "",
              "the sidebar is folded over the page: the page does not fit beside it");

  if (GTK_IS_LABEL (widget))
    check_label (check, GTK_LABEL (widget));
  else if (g_object_get_data (G_OBJECT (widget), SMALLEST_FONT_KEY) != NULL)
    check_room_font (check, widget, "(chart)", *(double *) g_object_get_data (G_OBJECT (widget), SMALLEST_FONT_KEY));
  else if (GTK_IS_TEXT (widget))
    check_text (check, GTK_TEXT (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (check, child);
}

static gboolean
write_report (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  const char *path = g_getenv ("IAP_WORKSHOP_LAYOUT_REPORT");
  g_autoptr(GString) report = g_string_new (NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  Check check = { report, NULL, 0 };

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
        continue;
      check.window = gtk_window_get_title (window) != NULL ? gtk_window_get_title (window) : "";
      check.room_font = gtk_widget_has_css_class (GTK_WIDGET (window), "room-window")
                        ? iap_chart_get_room_font (gtk_widget_get_height (GTK_WIDGET (window))) : 0;
      check_widget (&check, GTK_WIDGET (window));
    }
  g_string_append_printf (report, "end\t%u\n", check.n_texts);

  file = g_file_new_for_path (path);
  stream = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), report->str, report->len,
                                  NULL, NULL, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    g_warning ("Could not write the layout report to %s: %s", path, error->message);

  return TRUE;
}

static gboolean
on_window_realized (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);
  GtkEventController *controller;
  GtkShortcut *shortcut;

  if (!GTK_IS_WINDOW (widget) || g_object_get_data (G_OBJECT (widget), "iap-layout-check"))
    return TRUE;

  g_object_set_data (G_OBJECT (widget), "iap-layout-check", GINT_TO_POINTER (TRUE));
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK),
                               gtk_callback_action_new (write_report, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (widget, controller);

  return TRUE;
}

/**
 * iap_layout_check_enabled:
 *
 * Returns: whether the layout report is asked for: a widget that must
 *   measure to give its smallest font need only do it then
 */
gboolean
iap_layout_check_enabled (void)
{
  return g_getenv ("IAP_WORKSHOP_LAYOUT_REPORT") != NULL;
}

/**
 * iap_layout_check_init:
 *
 * With IAP_WORKSHOP_LAYOUT_REPORT set, lets Ctrl+Shift+Alt+L in any
 * window of the application write the report of cut texts (see above).
 * Does nothing otherwise.
 */
void
iap_layout_check_init (void)
{
  if (g_getenv ("IAP_WORKSHOP_LAYOUT_REPORT") == NULL)
    return;

  g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                              on_window_realized, NULL, NULL);
}
