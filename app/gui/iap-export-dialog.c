/* iap-export-dialog.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes the whole report as PDF, one chart as PNG, SVG or PDF at a
 * chosen size, or the tables as a spreadsheet, with the same code as the
 * command line, in any language the application is translated into: a
 * French-speaking facilitator prints an Arabic report for the government
 * counterpart. */

#define G_LOG_DOMAIN "iap-export"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-export-dialog.h"
#include "iap-i18n.h"
#include "iap-palette.h"
#include "iap-render-text.h"
#include "iap-report.h"
#include "iap-spreadsheet.h"

/* The order of the "Export" list in the .ui file. */
enum { WHAT_REPORT, WHAT_INHERENT, WHAT_RESIDUAL, WHAT_TRIPLE_HATTING, WHAT_INTEGRATION_MAP, WHAT_OPTION_MAPS,
       WHAT_TABLES, WHAT_TABLE };

struct _IapExportDialog
{
  GtkWindow       parent_instance;

  AdwComboRow    *what_row;
  AdwComboRow    *language_row;
  GtkWidget      *report_list;
  AdwComboRow    *paper_row;
  AdwComboRow    *table_format_row;
  GtkSwitch      *anonymize_switch;
  GtkWidget      *chart_list;
  AdwComboRow    *format_row;
  GtkSpinButton  *width_spin;
  GtkSpinButton  *height_spin;
  GtkButton      *cancel_button;
  GtkButton      *export_button;

  IapWorkshop    *workshop;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (IapExportDialog, iap_export_dialog, ADW_TYPE_WINDOW)

static gboolean
is_report (IapExportDialog *self)
{
  return adw_combo_row_get_selected (self->what_row) == WHAT_REPORT;
}

static gboolean
is_tables (IapExportDialog *self)
{
  return adw_combo_row_get_selected (self->what_row) >= WHAT_TABLES;
}

/* Paper only applies to the report, names to the report and the tables,
 * format and size to a chart, a spreadsheet's format to one table (CSV
 * holds one): only those of what is exported are shown. */
static void
on_what_changed (IapExportDialog *self)
{
  gboolean report = is_report (self);
  gboolean tables = is_tables (self);

  gtk_widget_set_visible (self->report_list, report || tables);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), report);
  gtk_widget_set_visible (GTK_WIDGET (self->table_format_row),
                          adw_combo_row_get_selected (self->what_row) >= WHAT_TABLE);
  gtk_widget_set_visible (self->chart_list, !report && !tables);
}

static const char *
get_extension (IapExportDialog *self)
{
  static const char * const extensions[] = { "png", "svg", "pdf" };
  guint format = adw_combo_row_get_selected (self->format_row);

  if (adw_combo_row_get_selected (self->what_row) >= WHAT_TABLE &&
      adw_combo_row_get_selected (self->table_format_row) == 1)
    return "csv";
  if (is_tables (self))
    return "ods";
  if (is_report (self) || format >= G_N_ELEMENTS (extensions))
    return "pdf";

  return extensions[format];
}

static char *
dup_suggested_name (IapExportDialog *self)
{
  static const char * const suffixes[] = { "report", "heat-map", "residual-heat-map", "triple-hatting",
                                           "integration-map", "option-maps", "tables", "register", "mitigations", "ratings", "dissents" };
  g_autofree char *name = iap_workshop_dup_display_name (self->workshop);
  guint what = MIN (adw_combo_row_get_selected (self->what_row), G_N_ELEMENTS (suffixes) - 1);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';

  return g_strdup_printf ("%s-%s.%s", name, suffixes[what], get_extension (self));
}

/* All four tables, one sheet each, or the one chosen */
static gboolean
write_tables (IapExportDialog  *self,
              const char       *path,
              GError          **error)
{
  guint what = adw_combo_row_get_selected (self->what_row);
  gboolean anonymize = gtk_switch_get_active (self->anonymize_switch);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) iap_table_free);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  IapOdsBandColors colors;

  for (IapTableKind kind = 0; kind < IAP_N_TABLES; kind++)
    {
      if (what == WHAT_TABLES || what == WHAT_TABLE + kind)
        g_ptr_array_add (tables, iap_table_new (self->workshop, kind, anonymize));
    }
  iap_palette_get_band_rgb (colors.fill, colors.text);

  return iap_spreadsheet_save ((IapTable **) tables->pdata, tables->len, file, &colors, error);
}

/* The language chosen: NULL for the interface's, the first entry */
static const char *
get_language (IapExportDialog *self)
{
  const char * const *languages = iap_i18n_get_languages ();
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((GStrv) languages))
    return NULL;

  return languages[selected - 1];
}

/* The interface's language first, then every language of a catalog, each
 * by its own name, as people look for theirs */
static void
fill_languages (IapExportDialog *self)
{
  const char * const *languages = iap_i18n_get_languages ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autofree char *same = NULL;

  /* Translators: the first choice of the report's language; %s is the
   * interface's language, by its own name ("Français") */
  same = g_strdup_printf (_("Same as the window (%s)"),
                          iap_i18n_get_language_name (iap_i18n_get_language ()));
  gtk_string_list_append (list, same);
  for (guint i = 0; languages[i] != NULL; i++)
    gtk_string_list_append (list, iap_i18n_get_language_name (languages[i]));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->language_row, 0);
}

static gboolean
write_file (IapExportDialog  *self,
            const char       *path,
            GError          **error)
{
  /* The charts by the names the command line's --chart gives them */
  static const char * const charts[] = {
    NULL, "heatmap", "residual", "triple-hatting", "integration-map", "option-maps",
  };
  guint what = MIN (adw_combo_row_get_selected (self->what_row), G_N_ELEMENTS (charts) - 1);
  IapReportChart chart = IAP_REPORT_CHART_INHERENT;
  IapReportOptions options;
  gboolean ok;

  if (is_tables (self))
    {
      iap_i18n_push_language (get_language (self));
      ok = write_tables (self, path, error);
      iap_i18n_pop_language ();
      return ok;
    }
  if (what != WHAT_REPORT)
    {
      if (!iap_report_chart_from_id (charts[what], &chart))
        g_return_val_if_reached (FALSE);
      iap_i18n_push_language (get_language (self));
      ok = iap_report_export_chart (self->workshop, chart, path,
                                    gtk_spin_button_get_value_as_int (self->width_spin),
                                    gtk_spin_button_get_value_as_int (self->height_spin), error);
      iap_i18n_pop_language ();
      return ok;
    }

  iap_report_options_init (&options, adw_combo_row_get_selected (self->paper_row) == 1
                                     ? IAP_REPORT_PAPER_LETTER : IAP_REPORT_PAPER_A4);
  options.anonymize = gtk_switch_get_active (self->anonymize_switch);
  options.language = get_language (self);

  return iap_report_export_pdf (self->workshop, &options, path, error);
}

/* The chooser may give a name without the format's extension; the
 * format follows the extension, so add it. */
static char *
dup_path_with_extension (IapExportDialog *self,
                         GFile           *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *suffix = g_strconcat (".", get_extension (self), NULL);
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, suffix))
    return g_steal_pointer (&path);

  return g_strconcat (path, suffix, NULL);
}

static void
on_chooser_response (IapExportDialog      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_autofree char *missing = NULL;

  g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;

  path = dup_path_with_extension (self, file);
  /* Only what this export could not draw */
  g_free (iap_render_take_missing_glyphs ());
  if (path == NULL || !write_file (self, path, &error))
    {
      iap_dialogs_show_error (GTK_WINDOW (self), _("Could not export"),
                              error != NULL ? error->message : _("Choose a local file."));
      return;
    }
  missing = iap_render_take_missing_glyphs ();
  if (missing != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s lists characters, each with its code */
      message = g_strdup_printf (_("No font on this computer has these characters, printed as boxes: %s. "
                                   "Install the Noto fonts (on Debian, the packages fonts-noto-core and "
                                   "fonts-noto-cjk) and export again."), missing);
      iap_dialogs_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                              _("Some characters are missing from the export"), message);
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_export_clicked (IapExportDialog *self)
{
  g_autofree char *name = dup_suggested_name (self);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
iap_export_dialog_dispose (GObject *object)
{
  IapExportDialog *self = IAP_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_export_dialog_parent_class)->dispose (object);
}

static void
iap_export_dialog_class_init (IapExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iapworkshop/Workshop/ui/iap-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, report_list);
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, table_format_row);
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, anonymize_switch);
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, chart_list);
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, IapExportDialog, export_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
iap_export_dialog_init (IapExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  iap_button_fix_accessible_name (GTK_WIDGET (self->cancel_button));
  iap_button_fix_accessible_name (GTK_WIDGET (self->export_button));
  fill_languages (self);
  g_signal_connect_object (self->what_row, "notify::selected",
                           G_CALLBACK (on_what_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->export_button, "clicked",
                           G_CALLBACK (on_export_clicked), self, G_CONNECT_SWAPPED);
  on_what_changed (self);
}

IapExportDialog *
iap_export_dialog_new (IapWorkshop *workshop,
                       GtkWindow   *parent)
{
  IapExportDialog *self;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (IAP_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->workshop = g_object_ref (workshop);
  if (iap_workshop_get_anonymize (workshop))
    gtk_switch_set_active (self->anonymize_switch, TRUE);

  return self;
}

IapWorkshop *
iap_export_dialog_get_workshop (IapExportDialog *self)
{
  g_return_val_if_fail (IAP_IS_EXPORT_DIALOG (self), NULL);

  return self->workshop;
}
