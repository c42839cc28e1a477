/* iap-summary-page.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The last step: the report's pages as they will print, drawn as the
 * PDF draws them (iap_report_render_page()), at a zoom that fits the
 * step's width, with page navigation, zoom, Print and Export. Page 1 is
 * the one-page summary. */

#define G_LOG_DOMAIN "iap-summary-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-environment.h"
#include "iap-report.h"
#include "iap-requirements-group.h"
#include "iap-summary-page.h"

struct _IapSummaryPage
{
  GtkWidget       parent_instance;

  GtkButton      *print_button;
  GtkButton      *export_button;
  GtkButton      *previous_button;
  GtkButton      *next_button;
  GtkLabel       *page_label;
  GtkDrawingArea *preview;
  IapRequirementsGroup *requirements_group;

  IapWorkshop    *workshop;
  IapReport      *report;
  GSignalGroup   *history_signals;
  guint           describe_source;

  /* The page shown, as drawn for the PDF */
  cairo_surface_t *image;
  guint           image_page;
  double          image_scale;

  guint           page;
  /* Pixels per point; 0 fits the page to the step's width. */
  double          zoom;
};

/* At a fitted width, never larger than this: text of 9 points at two
 * pixels a point is 18 pixels high. */
#define FIT_MAX   2.0
#define ZOOM_MIN  0.5
#define ZOOM_MAX  4.0
#define ZOOM_STEP 1.25

G_DEFINE_FINAL_TYPE (IapSummaryPage, iap_summary_page, GTK_TYPE_WIDGET)

static IapReport *
ensure_report (IapSummaryPage *self)
{
  IapReportOptions options;

  if (self->report == NULL && self->workshop != NULL)
    {
      iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
      self->report = iap_report_new (self->workshop, &options);
      g_clear_pointer (&self->image, cairo_surface_destroy);
      self->page = MIN (self->page, MAX (iap_report_get_n_pages (self->report), 1) - 1);
    }

  return self->report;
}

static double
page_scale (IapSummaryPage *self,
            int             width)
{
  double page_w = 595.0, page_h = 842.0;

  if (self->zoom > 0)
    return self->zoom;
  if (self->report != NULL)
    iap_report_get_page_size (self->report, &page_w, &page_h);

  return CLAMP (width / page_w, 0.1, FIT_MAX);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  IapSummaryPage *self = user_data;
  IapReport *report = ensure_report (self);
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  double scale, page_w, page_h, x;

  if (report == NULL || self->page >= iap_report_get_n_pages (report))
    return;

  scale = page_scale (self, width);
  if (self->image == NULL || self->image_page != self->page || self->image_scale != scale * factor)
    {
      g_clear_pointer (&self->image, cairo_surface_destroy);
      self->image = iap_report_render_page (report, self->page, scale * factor);
      cairo_surface_set_device_scale (self->image, factor, factor);
      self->image_page = self->page;
      self->image_scale = scale * factor;
    }
  page_w = cairo_image_surface_get_width (self->image) / (double) factor;
  page_h = cairo_image_surface_get_height (self->image) / (double) factor;
  x = round (MAX (0, (width - page_w) / 2));

  /* The page is white, as on paper, whatever the theme, on a thin frame */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x - 1, -1, page_w + 2, page_h + 2);
  cairo_fill (cr);
  cairo_set_source_surface (cr, self->image, x, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, x, 0, page_w, page_h);
  cairo_fill (cr);
}

/* The drawing is as high as the page at the scale its width gives. */
static void
update_size (IapSummaryPage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->preview));
  double page_w = 595.0, page_h = 842.0;
  double scale;

  if (self->report != NULL)
    iap_report_get_page_size (self->report, &page_w, &page_h);
  scale = page_scale (self, width);
  gtk_drawing_area_set_content_width (self->preview, self->zoom > 0 ? (int) ceil (page_w * scale) : 200);
  gtk_drawing_area_set_content_height (self->preview, (int) ceil (page_h * scale));
  gtk_widget_set_halign (GTK_WIDGET (self->preview), self->zoom > 0 ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
}

static void
on_preview_resize (IapSummaryPage *self,
                   int             width,
                   int             height)
{
  update_size (self);
}

static void
update_actions (IapSummaryPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_pages = self->report != NULL ? iap_report_get_n_pages (self->report) : 0;

  gtk_widget_action_set_enabled (widget, "summary.previous", self->page > 0);
  gtk_widget_action_set_enabled (widget, "summary.next", self->page + 1 < n_pages);
  gtk_widget_action_set_enabled (widget, "summary.zoom-in", self->zoom == 0 || self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (widget, "summary.zoom-out", self->zoom == 0 || self->zoom > ZOOM_MIN);
  gtk_widget_action_set_enabled (widget, "summary.zoom-fit", self->zoom > 0);
}

/* What a screen reader says about the preview: which page, and its words. */
static gboolean
update_description (gpointer user_data)
{
  IapSummaryPage *self = user_data;
  g_autofree char *words = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  IapReport *report;
  guint n_pages;

  self->describe_source = 0;
  report = ensure_report (self);
  if (report == NULL)
    return G_SOURCE_REMOVE;

  n_pages = iap_report_get_n_pages (report);
  /* Translators: the page shown in the print preview, and the report's number of pages */
  label = g_strdup_printf (_("Page %u of %u"), self->page + 1, n_pages);
  gtk_label_set_label (self->page_label, label);
  words = self->page < n_pages ? iap_report_dup_page_text (report, self->page) : g_strdup ("");
  description = g_strdup_printf ("%s.\n%s", label, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  update_actions (self);
  update_size (self);

  return G_SOURCE_REMOVE;
}

static void
go_to (IapSummaryPage *self,
       int             delta)
{
  guint n_pages;

  if (ensure_report (self) == NULL)
    return;
  n_pages = iap_report_get_n_pages (self->report);
  if (n_pages == 0 || (delta < 0 && self->page == 0) || (delta > 0 && self->page + 1 >= n_pages))
    return;
  self->page += delta;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  go_to (IAP_SUMMARY_PAGE (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go_to (IAP_SUMMARY_PAGE (widget), 1);
}

static void
set_zoom (IapSummaryPage *self,
          double          zoom)
{
  self->zoom = zoom > 0 ? CLAMP (zoom, ZOOM_MIN, ZOOM_MAX) : 0;
  update_actions (self);
  update_size (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IapSummaryPage *self = IAP_SUMMARY_PAGE (widget);

  set_zoom (self, page_scale (self, gtk_widget_get_width (GTK_WIDGET (self->preview))) * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IapSummaryPage *self = IAP_SUMMARY_PAGE (widget);

  set_zoom (self, page_scale (self, gtk_widget_get_width (GTK_WIDGET (self->preview))) / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_zoom (IAP_SUMMARY_PAGE (widget), 0);
}

/* Laying the report out costs as much as printing it: once typing pauses. */
static void
queue_description (IapSummaryPage *self)
{
  g_clear_handle_id (&self->describe_source, g_source_remove);
  self->describe_source = g_timeout_add (300, update_description, self);
}

/* Any change to the document changes the report: lay it out again the
 * next time the preview draws. */
static void
on_document_changed (IapSummaryPage *self)
{
  g_clear_object (&self->report);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  queue_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

void
iap_summary_page_set_workshop (IapSummaryPage *self,
                               IapWorkshop    *workshop)
{
  g_return_if_fail (IAP_IS_SUMMARY_PAGE (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->history_signals,
                             workshop != NULL ? iap_workshop_get_history (workshop) : NULL);
  g_clear_object (&self->report);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  self->page = 0;
  iap_requirements_group_set_workshop (self->requirements_group, workshop);
  if (workshop != NULL)
    queue_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
iap_summary_page_dispose (GObject *object)
{
  IapSummaryPage *self = IAP_SUMMARY_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->describe_source, g_source_remove);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->report);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_clear_object (&self->workshop);
  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_SUMMARY_PAGE);

  /* Template children that are not bound to fields stay parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (iap_summary_page_parent_class)->dispose (object);
}

/* Caught before the scrolled window, which would scroll sideways on
 * Ctrl+Page Up and Ctrl+Page Down. */
static void
add_shortcuts (IapSummaryPage *self)
{
  static const struct {
    guint keyval;
    GdkModifierType modifiers;
    const char *action;
  } keys[] = {
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "summary.previous" },
    { GDK_KEY_KP_Page_Up, GDK_CONTROL_MASK, "summary.previous" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "summary.next" },
    { GDK_KEY_KP_Page_Down, GDK_CONTROL_MASK, "summary.next" },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "summary.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "summary.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "summary.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "summary.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "summary.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "summary.zoom-fit" },
    { GDK_KEY_KP_0, GDK_CONTROL_MASK, "summary.zoom-fit" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
iap_summary_page_class_init (IapSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_summary_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IapSummaryPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, IapSummaryPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, IapSummaryPage, preview);
  gtk_widget_class_bind_template_child (widget_class, IapSummaryPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, IapSummaryPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, IapSummaryPage, page_label);

  gtk_widget_class_install_action (widget_class, "summary.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "summary.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "summary.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "summary.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "summary.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_bind_template_child (widget_class, IapSummaryPage, requirements_group);
}

static void
iap_summary_page_init (IapSummaryPage *self)
{
  g_type_ensure (IAP_TYPE_REQUIREMENTS_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));

  iap_button_fix_accessible_name (GTK_WIDGET (self->print_button));
  iap_button_fix_accessible_name (GTK_WIDGET (self->export_button));
  iap_button_fix_accessible_name (GTK_WIDGET (self->previous_button));
  iap_button_fix_accessible_name (GTK_WIDGET (self->next_button));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect_swapped (self->preview, "resize", G_CALLBACK (on_preview_resize), self);
  add_shortcuts (self);
  update_actions (self);

  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed",
                                 G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
}
