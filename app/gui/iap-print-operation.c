/* iap-print-operation.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Printing the report: the same layout as the PDF export (app/render),
 * paginated for the page the print dialog chose. The print settings
 * and page setup are remembered for the session and in a key file, so
 * the next report goes to the same printer on the same paper. The
 * preview, from the menu or the print dialog, is the application's own
 * window (iap-print-preview.c), not an external viewer. */

#define G_LOG_DOMAIN "iap-print"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-print-operation.h"
#include "iap-print-preview.h"
#include "iap-report.h"

struct _IapPrintOperation
{
  GtkPrintOperation  parent_instance;

  IapWorkshop       *workshop;
  IapReport         *report;
};

enum {
  PROP_0,
  PROP_WORKSHOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkPrintSettings *saved_settings;
static GtkPageSetup *saved_page_setup;

G_DEFINE_FINAL_TYPE (IapPrintOperation, iap_print_operation, GTK_TYPE_PRINT_OPERATION)

static char *
dup_settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "iap-workshop", "print.ini", NULL);
}

static void
load_saved (void)
{
  g_autofree char *path = dup_settings_path ();
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  if (saved_settings != NULL || !g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    return;
  saved_settings = gtk_print_settings_new_from_key_file (keyfile, NULL, NULL);
  saved_page_setup = gtk_page_setup_new_from_key_file (keyfile, NULL, NULL);
}

/* A settings file that cannot be written only loses the preference. */
static void
save_settings (GtkPrintSettings *settings,
               GtkPageSetup     *page_setup)
{
  g_autofree char *path = dup_settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_set_object (&saved_settings, settings);
  g_set_object (&saved_page_setup, page_setup);
  if (settings != NULL)
    gtk_print_settings_to_key_file (settings, keyfile, NULL);
  if (page_setup != NULL)
    gtk_page_setup_to_key_file (page_setup, keyfile, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (keyfile, path, &error))
    g_debug ("Could not remember the print settings: %s", error != NULL ? error->message : path);
}

/* The page as the print context gives it, in points, full page: the
 * report lays out its own margins. */
static void
iap_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  IapPrintOperation *self = IAP_PRINT_OPERATION (operation);
  IapReportOptions options;

  iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  options.page_width = gtk_print_context_get_width (context);
  options.page_height = gtk_print_context_get_height (context);
  g_clear_object (&self->report);
  self->report = iap_report_new (self->workshop, &options);
  gtk_print_operation_set_n_pages (operation, iap_report_get_n_pages (self->report));
}

static void
iap_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page)
{
  IapPrintOperation *self = IAP_PRINT_OPERATION (operation);

  g_return_if_fail (self->report != NULL);

  iap_report_draw_page (self->report, gtk_print_context_get_cairo_context (context), page);
}

static void
iap_print_operation_end_print (GtkPrintOperation *operation,
                               GtkPrintContext   *context)
{
  g_clear_object (&IAP_PRINT_OPERATION (operation)->report);
}

static gboolean
iap_print_operation_preview (GtkPrintOperation        *operation,
                             GtkPrintOperationPreview *preview,
                             GtkPrintContext          *context,
                             GtkWindow                *parent)
{
  IapPrintPreview *window = iap_print_preview_new (IAP_PRINT_OPERATION (operation), context, parent);

  gtk_window_present (GTK_WINDOW (window));

  return TRUE;
}

static void
iap_print_operation_finalize (GObject *object)
{
  IapPrintOperation *self = IAP_PRINT_OPERATION (object);

  g_clear_object (&self->workshop);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (iap_print_operation_parent_class)->finalize (object);
}

static void
iap_print_operation_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IapPrintOperation *self = IAP_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_print_operation_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IapPrintOperation *self = IAP_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      g_set_object (&self->workshop, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_print_operation_class_init (IapPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = iap_print_operation_finalize;
  object_class->get_property = iap_print_operation_get_property;
  object_class->set_property = iap_print_operation_set_property;
  operation_class->begin_print = iap_print_operation_begin_print;
  operation_class->draw_page = iap_print_operation_draw_page;
  operation_class->end_print = iap_print_operation_end_print;
  operation_class->preview = iap_print_operation_preview;

  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, IAP_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_print_operation_init (IapPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_has_selection (operation, FALSE);
}

IapPrintOperation *
iap_print_operation_new (IapWorkshop *workshop)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  return g_object_new (IAP_TYPE_PRINT_OPERATION, "workshop", workshop, NULL);
}

IapWorkshop *
iap_print_operation_get_workshop (IapPrintOperation *self)
{
  g_return_val_if_fail (IAP_IS_PRINT_OPERATION (self), NULL);

  return self->workshop;
}

/* The report as laid out for the pages being printed or previewed;
 * NULL outside of a print run. */
IapReport *
iap_print_operation_get_report (IapPrintOperation *self)
{
  g_return_val_if_fail (IAP_IS_PRINT_OPERATION (self), NULL);

  return self->report;
}

static IapPrintOperation *
new_with_saved_settings (IapWorkshop *workshop)
{
  IapPrintOperation *self = iap_print_operation_new (workshop);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autofree char *name = iap_workshop_dup_display_name (workshop);

  load_saved ();
  if (saved_settings != NULL)
    gtk_print_operation_set_print_settings (operation, saved_settings);
  if (saved_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, saved_page_setup);
  gtk_print_operation_set_job_name (operation, name);

  return self;
}

/* Runs the print dialog (with its preview and page setup) for the
 * workshop's report, with the last settings used. */
void
iap_print_operation_present (IapWorkshop *workshop,
                             GtkWindow   *parent)
{
  g_autoptr(IapPrintOperation) self = new_with_saved_settings (workshop);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    iap_dialogs_show_error (parent, _("Could not print the report"), error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (gtk_print_operation_get_print_settings (operation),
                   gtk_print_operation_get_default_page_setup (operation));
}

/* Shows the report's pages as they will print, on the paper last used,
 * without the print dialog. The preview window keeps the operation
 * until it closes; nothing waits for it here. */
void
iap_print_operation_present_preview (IapWorkshop *workshop,
                                     GtkWindow   *parent)
{
  g_autoptr(IapPrintOperation) self = new_with_saved_settings (workshop);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    iap_dialogs_show_error (parent, _("Could not preview the report"), error->message);
}
