/* iap-print-preview.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The print preview, inside the application: GTK's own runs an external
 * viewer that a field laptop may well not have. The print operation
 * paginates as it would for the printer and says "ready"; each page is
 * then drawn as the PDF draws it (iap_report_render_page(): the same
 * layout, fonts, page size and unhinted metrics), not on the window's
 * hinted context, where charts measured their text differently.
 * Closing the window ends the preview, which lets the operation finish. */

#define G_LOG_DOMAIN "iap-print"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-print-preview.h"
#include "iap-report.h"

/* Around the page, in pixels. */
#define DESK_MARGIN 24.0
#define ZOOM_STEP   1.25
#define ZOOM_MAX    4.0

struct _IapPrintPreview
{
  GtkWindow          parent_instance;

  /* Template widgets */
  GtkButton         *previous_button;
  GtkButton         *next_button;
  GtkLabel          *page_label;
  GtkButton         *print_button;
  GtkButton         *close_button;
  GtkDrawingArea    *page_area;

  /* Owned */
  IapPrintOperation *operation;
  GtkPrintContext   *context;
  /* What the context measures on while no page is being drawn. */
  cairo_t           *idle_cr;
  /* Numbers of the pages the print settings select, in order. */
  GArray            *pages;

  /* The page shown, as drawn for the PDF */
  cairo_surface_t   *image;
  guint              image_page;
  double             image_scale;
  int                image_factor;

  guint              position;
  guint              n_pages;
  /* In points */
  double             page_width;
  double             page_height;
  /* Pixels per point; 0 fits the page in the window. */
  double             zoom;
  guint              ready : 1;
  guint              ended : 1;
};

G_DEFINE_FINAL_TYPE (IapPrintPreview, iap_print_preview, GTK_TYPE_WINDOW)

static GtkPrintOperationPreview *
get_preview (IapPrintPreview *self)
{
  return GTK_PRINT_OPERATION_PREVIEW (self->operation);
}

static gboolean
has_pages (IapPrintPreview *self)
{
  return self->ready && !self->ended && self->pages->len > 0;
}

static guint
current_page (IapPrintPreview *self)
{
  g_assert (self->position < self->pages->len);

  return g_array_index (self->pages, guint, self->position);
}

static double
fit_scale (IapPrintPreview *self,
           double           width,
           double           height)
{
  if (self->page_width <= 0 || self->page_height <= 0)
    return 1.0;

  return MAX (0.05, MIN ((width - 2 * DESK_MARGIN) / self->page_width,
                         (height - 2 * DESK_MARGIN) / self->page_height));
}

static void
update_actions (IapPrintPreview *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean any = has_pages (self);
  gboolean first = any && self->position == 0;
  gboolean last = any && self->position + 1 >= self->pages->len;

  gtk_widget_action_set_enabled (widget, "preview.previous", any && !first);
  gtk_widget_action_set_enabled (widget, "preview.first", any && !first);
  gtk_widget_action_set_enabled (widget, "preview.next", any && !last);
  gtk_widget_action_set_enabled (widget, "preview.last", any && !last);
  gtk_widget_action_set_enabled (widget, "preview.zoom-in", any && self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (widget, "preview.zoom-out", any && self->zoom > 0);
  gtk_widget_action_set_enabled (widget, "preview.zoom-fit", any && self->zoom > 0);
  gtk_widget_action_set_enabled (widget, "preview.print", !self->ended);
}

/* The label says which page of the report this is (the number printed
 * in its footer); a screen reader also gets the page's words. */
static void
update_page (IapPrintPreview *self)
{
  IapReport *report = iap_print_operation_get_report (self->operation);
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  guint page = current_page (self);

  /* Translators: the page shown in the print preview, and the report's number of pages */
  label = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  if (report != NULL && page < iap_report_get_n_pages (report))
    text = iap_report_dup_page_text (report, page);
  description = text != NULL ? g_strdup_printf ("%s.\n%s", label, text) : g_strdup (label);

  gtk_label_set_label (self->page_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

/* A zoomed page is as large as it says, and scrolls; a fitted one takes
 * whatever the window gives. */
static void
update_size (IapPrintPreview *self)
{
  int width = 0;
  int height = 0;

  if (self->zoom > 0)
    {
      width = (int) ceil (self->page_width * self->zoom + 2 * DESK_MARGIN);
      height = (int) ceil (self->page_height * self->zoom + 2 * DESK_MARGIN);
    }
  gtk_drawing_area_set_content_width (self->page_area, width);
  gtk_drawing_area_set_content_height (self->page_area, height);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

static void
set_zoom (IapPrintPreview *self,
          double           zoom)
{
  double fit = fit_scale (self, gtk_widget_get_width (GTK_WIDGET (self->page_area)),
                          gtk_widget_get_height (GTK_WIDGET (self->page_area)));

  /* Smaller than the whole page is no use: that is "fit". */
  if (zoom <= fit * 1.001)
    zoom = 0;
  self->zoom = MIN (zoom, ZOOM_MAX);
  update_size (self);
}

/* The page as the PDF draws it (iap_report_render_page()), at @scale
 * pixels per point; kept while the page and the scale stay. */
static cairo_surface_t *
get_page_image (IapPrintPreview *self,
                IapReport       *report,
                guint            page,
                double           scale)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self->page_area));

  if (self->image != NULL && self->image_page == page && self->image_scale == scale &&
      self->image_factor == factor)
    return self->image;

  g_clear_pointer (&self->image, cairo_surface_destroy);
  self->image = iap_report_render_page (report, page, scale * factor);
  cairo_surface_set_device_scale (self->image, factor, factor);
  self->image_page = page;
  self->image_scale = scale;
  self->image_factor = factor;

  return self->image;
}

/* The desk, and on it the page at whole pixels: the picture painted
 * pixel for pixel is the one the PDF gives at that resolution. */
static void
draw_page_area (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  IapPrintPreview *self = user_data;
  IapReport *report = iap_print_operation_get_report (self->operation);
  cairo_surface_t *image;
  double scale, page_w, page_h;
  double x, y;
  guint page;

  cairo_set_source_rgb (cr, 0.56, 0.57, 0.60);
  cairo_paint (cr);
  if (!has_pages (self) || report == NULL)
    return;
  page = current_page (self);
  if (page >= iap_report_get_n_pages (report))
    return;

  scale = self->zoom > 0 ? self->zoom : fit_scale (self, width, height);
  image = get_page_image (self, report, page, scale);
  page_w = cairo_image_surface_get_width (image) / (double) self->image_factor;
  page_h = cairo_image_surface_get_height (image) / (double) self->image_factor;
  x = round (MAX (DESK_MARGIN, (width - page_w) / 2));
  y = round (MAX (DESK_MARGIN, (height - page_h) / 2));

  for (int i = 4; i >= 1; i--)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.07);
      cairo_rectangle (cr, x - i + 2, y - i + 3, page_w + 2 * i - 2, page_h + 2 * i - 2);
      cairo_fill (cr);
    }
  cairo_set_source_surface (cr, image, x, y);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, x, y, page_w, page_h);
  cairo_fill (cr);
}

static void
on_ready (IapPrintPreview *self,
          GtkPrintContext *context)
{
  GtkPrintOperationPreview *preview = get_preview (self);
  int n_pages = 0;

  g_object_get (self->operation, "n-pages", &n_pages, NULL);
  self->n_pages = MAX (n_pages, 0);
  g_array_set_size (self->pages, 0);
  for (guint i = 0; i < self->n_pages; i++)
    if (gtk_print_operation_preview_is_selected (preview, i))
      g_array_append_val (self->pages, i);
  /* Remembered settings may select pages this report does not have. */
  if (self->pages->len == 0)
    for (guint i = 0; i < self->n_pages; i++)
      g_array_append_val (self->pages, i);

  if (iap_print_operation_get_report (self->operation) != NULL)
    {
      iap_report_get_page_size (iap_print_operation_get_report (self->operation),
                                &self->page_width, &self->page_height);
    }
  else
    {
      self->page_width = gtk_print_context_get_width (context);
      self->page_height = gtk_print_context_get_height (context);
    }
  self->position = 0;
  self->ready = TRUE;

  if (self->pages->len == 0)
    gtk_label_set_label (self->page_label, _("The report has no pages"));
  else
    update_page (self);
  update_size (self);
}

/* Lets the operation finish: after this it renders no more pages. */
static void
end_preview (IapPrintPreview *self)
{
  if (self->ended || self->operation == NULL)
    return;

  self->ended = TRUE;
  if (self->ready)
    gtk_print_operation_preview_end_preview (get_preview (self));
  else
    gtk_print_operation_cancel (GTK_PRINT_OPERATION (self->operation));
  update_actions (self);
}

static void
go_to (IapPrintPreview *self,
       guint            position)
{
  if (!has_pages (self))
    return;

  self->position = MIN (position, self->pages->len - 1);
  update_page (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IapPrintPreview *self = IAP_PRINT_PREVIEW (widget);

  go_to (self, self->position > 0 ? self->position - 1 : 0);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IapPrintPreview *self = IAP_PRINT_PREVIEW (widget);

  go_to (self, self->position + 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  go_to (IAP_PRINT_PREVIEW (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go_to (IAP_PRINT_PREVIEW (widget), G_MAXUINT);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IapPrintPreview *self = IAP_PRINT_PREVIEW (widget);
  double zoom = self->zoom;

  if (zoom <= 0)
    zoom = fit_scale (self, gtk_widget_get_width (GTK_WIDGET (self->page_area)),
                      gtk_widget_get_height (GTK_WIDGET (self->page_area)));
  set_zoom (self, zoom * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IapPrintPreview *self = IAP_PRINT_PREVIEW (widget);

  set_zoom (self, self->zoom / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_zoom (IAP_PRINT_PREVIEW (widget), 0);
}

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

/* Escape and Ctrl+W are key presses: destroying the window while GTK is
 * still delivering one crashes GTK 4.8, so close once it is over. */
static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (widget), g_object_unref);
}

/* A print operation runs once: printing from the preview ends this one
 * and starts another with the print dialog, once this window is gone
 * and the operation (which may have run the dialog that opened the
 * preview) has returned. */
static gboolean
print_when_idle (gpointer data)
{
  IapPrintPreview *self = data;
  g_autoptr(IapWorkshop) workshop = g_object_ref (iap_print_operation_get_workshop (self->operation));
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GtkWindow) kept = parent != NULL ? g_object_ref (parent) : NULL;

  gtk_window_destroy (GTK_WINDOW (self));
  if (kept != NULL && !gtk_widget_get_visible (GTK_WIDGET (kept)))
    g_clear_object (&kept);
  iap_print_operation_present (workshop, kept);

  return G_SOURCE_REMOVE;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IapPrintPreview *self = IAP_PRINT_PREVIEW (widget);

  end_preview (self);
  gtk_widget_set_visible (widget, FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, print_when_idle, g_object_ref (self), g_object_unref);
}

static void
iap_print_preview_dispose (GObject *object)
{
  IapPrintPreview *self = IAP_PRINT_PREVIEW (object);

  end_preview (self);
  if (self->operation != NULL)
    g_signal_handlers_disconnect_by_data (self->operation, self);
  g_clear_object (&self->operation);
  g_clear_object (&self->context);
  g_clear_pointer (&self->idle_cr, cairo_destroy);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_clear_pointer (&self->pages, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_PRINT_PREVIEW);

  G_OBJECT_CLASS (iap_print_preview_parent_class)->dispose (object);
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            key,
             guint            keypad_key,
             GdkModifierType  modifiers,
             const char      *action_name)
{
  gtk_widget_class_add_binding_action (widget_class, key, modifiers, action_name, NULL);
  if (keypad_key != 0)
    gtk_widget_class_add_binding_action (widget_class, keypad_key, modifiers, action_name, NULL);
}

static void
iap_print_preview_class_init (IapPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_print_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/iap-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, IapPrintPreview, previous_button);
  gtk_widget_class_bind_template_child (widget_class, IapPrintPreview, next_button);
  gtk_widget_class_bind_template_child (widget_class, IapPrintPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, IapPrintPreview, print_button);
  gtk_widget_class_bind_template_child (widget_class, IapPrintPreview, close_button);
  gtk_widget_class_bind_template_child (widget_class, IapPrintPreview, page_area);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "preview.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "preview.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.close", NULL, close_action);

  add_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, 0, "preview.previous");
  add_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 0, "preview.next");
  add_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, 0, "preview.first");
  add_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, 0, "preview.last");
  add_binding (widget_class, GDK_KEY_plus, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, 0, GDK_CONTROL_MASK, "preview.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out");
  add_binding (widget_class, GDK_KEY_0, GDK_KEY_KP_0, GDK_CONTROL_MASK, "preview.zoom-fit");
  add_binding (widget_class, GDK_KEY_p, 0, GDK_CONTROL_MASK, "preview.print");
  add_binding (widget_class, GDK_KEY_w, 0, GDK_CONTROL_MASK, "preview.close");
  add_binding (widget_class, GDK_KEY_Escape, 0, 0, "preview.close");
}

static void
iap_print_preview_init (IapPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  iap_button_fix_accessible_name (GTK_WIDGET (self->previous_button));
  iap_button_fix_accessible_name (GTK_WIDGET (self->next_button));
  iap_button_fix_accessible_name (GTK_WIDGET (self->print_button));
  iap_button_fix_accessible_name (GTK_WIDGET (self->close_button));
  gtk_drawing_area_set_draw_func (self->page_area, draw_page_area, self, NULL);
  update_actions (self);
}

/**
 * iap_print_preview_new:
 * @operation: the operation whose #GtkPrintOperation::preview is being handled
 * @context: the print context it gave
 * @parent: (nullable): the window it gave
 *
 * Returns: (transfer none): a new preview window, owned by GTK until closed
 */
IapPrintPreview *
iap_print_preview_new (IapPrintOperation *operation,
                       GtkPrintContext   *context,
                       GtkWindow         *parent)
{
  IapPrintPreview *self;
  cairo_surface_t *surface;

  g_return_val_if_fail (IAP_IS_PRINT_OPERATION (operation), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (IAP_TYPE_PRINT_PREVIEW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->operation = g_object_ref (operation);
  self->context = g_object_ref (context);

  /* GTK paginates on the context before any page is drawn, and insists
   * that it has a cairo context by then. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  self->idle_cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  gtk_print_context_set_cairo_context (context, self->idle_cr, 72.0, 72.0);

  g_signal_connect_swapped (operation, "ready", G_CALLBACK (on_ready), self);

  return self;
}
