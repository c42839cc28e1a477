/* iap-summary-page.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The last step: the first page of the report (the one-page summary)
 * as it will print, with Print and Export next to it. */

#define G_LOG_DOMAIN "iap-summary-page"

#include "config.h"

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
  GtkDrawingArea *preview;
  IapRequirementsGroup *requirements_group;

  IapWorkshop    *workshop;
  IapReport      *report;
  GSignalGroup   *history_signals;
  guint           describe_source;
};

G_DEFINE_FINAL_TYPE (IapSummaryPage, iap_summary_page, GTK_TYPE_WIDGET)

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  IapSummaryPage *self = user_data;
  IapReportOptions options;

  if (self->workshop == NULL)
    return;

  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  if (self->report == NULL)
    self->report = iap_report_new (self->workshop, &options);

  /* The page is white, as on paper, whatever the theme. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / options.page_width, height / options.page_height);
  iap_report_draw_page (self->report, cr, 0);
}

/* What a screen reader says about the preview: the words of the page. */
static gboolean
update_description (gpointer user_data)
{
  IapSummaryPage *self = user_data;
  g_autofree char *words = NULL;
  g_autofree char *description = NULL;
  IapReportOptions options;

  self->describe_source = 0;
  if (self->workshop == NULL)
    return G_SOURCE_REMOVE;

  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  if (self->report == NULL)
    self->report = iap_report_new (self->workshop, &options);
  words = iap_report_dup_page_text (self->report, 0);
  /* Translators: the accessible description of the preview, then the words of the page */
  description = g_strdup_printf (_("First page of the report: %s"), words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  return G_SOURCE_REMOVE;
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
  g_clear_object (&self->workshop);
  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_SUMMARY_PAGE);

  /* Template children that are not bound to fields stay parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (iap_summary_page_parent_class)->dispose (object);
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
  gtk_widget_class_bind_template_child (widget_class, IapSummaryPage, requirements_group);
}

static void
iap_summary_page_init (IapSummaryPage *self)
{
  g_type_ensure (IAP_TYPE_REQUIREMENTS_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));

  iap_button_fix_accessible_name (GTK_WIDGET (self->print_button));
  iap_button_fix_accessible_name (GTK_WIDGET (self->export_button));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);

  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed",
                                 G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
}
