/* iap-cli-export.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `iap-workshop export`: the report as PDF, or one chart as PNG, SVG or
 * PDF, with no display (cairo and pango only, never GTK). */

#define G_LOG_DOMAIN "iap-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-cli-command.h"
#include "iap-cli-export.h"
#include "iap-i18n.h"
#include "iap-movement-chart.h"
#include "iap-palette.h"
#include "iap-render-text.h"
#include "iap-report.h"
#include "iap-spreadsheet.h"
#include "iap-workshop-file.h"

static gboolean
has_extension (const char         *path,
               const char * const *extensions)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; extensions[i] != NULL; i++)
    {
      if (g_str_has_suffix (lower, extensions[i]))
        return TRUE;
    }

  return FALSE;
}

/* "800x600" in pixels (PNG) or points (SVG, PDF). */
static gboolean
parse_size (const char *text,
            double     *width,
            double     *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (text == NULL)
    {
      *width = 800;
      *height = 600;
      return TRUE;
    }
  parts = g_strsplit (text, "x", 3);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 16, 10000, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 16, 10000, &h, NULL))
    return FALSE;
  *width = w;
  *height = h;

  return TRUE;
}

/**
 * iap_cli_load_workshop:
 *
 * Returns: (transfer full) (nullable): the workshop at @path, or %NULL
 *   after listing every problem of the file on standard error, as
 *   validate does
 */
IapWorkshop *
iap_cli_load_workshop (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  IapWorkshop *workshop = iap_workshop_load (file, NULL, &error);
  g_autoptr(GPtrArray) problems = NULL;

  if (workshop != NULL)
    return workshop;
  problems = iap_workshop_check (file, path, NULL);
  if (problems->len == 0)
    g_printerr ("%s\n", error->message);
  for (guint p = 0; p < problems->len; p++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, p));

  return NULL;
}

/* A character drawn as a box is a font missing from this machine: say
 * which, and which packages have it. The output is written all the same. */
static void
warn_missing_glyphs (const char *output)
{
  g_autofree char *missing = iap_render_take_missing_glyphs ();

  if (missing == NULL)
    return;
  g_printerr (_("%s: no font on this machine has these characters, printed as boxes: %s. "
                "Install the Noto fonts (Debian: fonts-noto-core, fonts-noto-cjk) and export again.\n"),
              output, missing);
}

static int
export_report (IapWorkshop   *workshop,
               IapComparison *since,
               IapCliArgs    *args,
               const char    *language)
{
  static const char * const pdf[] = { ".pdf", NULL };
  const char *output = iap_cli_args_get_value (args, "output");
  const char *paper = iap_cli_args_get_value (args, "paper");
  IapReportOptions options;
  g_autoptr(GError) error = NULL;

  if (!has_extension (output, pdf))
    return iap_cli_usage_error (args, _("the report is written as PDF: OUT must end in .pdf"));
  if (iap_cli_args_get_value (args, "size") != NULL)
    return iap_cli_usage_error (args, _("--size is for a single --chart"));
  /* The command table allows only a4 and letter. */
  iap_report_options_init (&options, g_strcmp0 (paper, "letter") == 0 ? IAP_REPORT_PAPER_LETTER
                                                                      : IAP_REPORT_PAPER_A4);
  options.anonymize = iap_cli_args_get_flag (args, "anonymize");
  options.since = since;
  options.language = language;

  if (!iap_report_export_pdf (workshop, &options, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return IAP_CLI_EXIT_INVALID;
    }
  warn_missing_glyphs (output);

  return IAP_CLI_EXIT_OK;
}

static int
export_chart (IapWorkshop   *workshop,
              IapComparison *since,
              IapCliArgs    *args,
              const char    *language)
{
  static const char * const formats[] = { ".png", ".svg", ".pdf", NULL };
  const char *output = iap_cli_args_get_value (args, "output");
  const char *id = iap_cli_args_get_value (args, "chart");
  gboolean movement = g_strcmp0 (id, "movement") == 0;
  IapReportChart chart = IAP_REPORT_CHART_INHERENT;
  double width, height;
  g_autoptr(GError) error = NULL;
  gboolean written;

  if (!movement && !iap_report_chart_from_id (id, &chart))
    return iap_cli_usage_error (args, _("--chart is heatmap, residual, triple-hatting, integration-map, option-maps or movement"));
  if (movement != (since != NULL))
    return iap_cli_usage_error (args, movement ? _("--chart=movement needs --since=OTHER")
                                               : _("--since is for the report or --chart=movement"));
  if (!has_extension (output, formats))
    return iap_cli_usage_error (args, _("a chart is written as PNG, SVG or PDF: OUT must end in .png, .svg or .pdf"));
  if (!parse_size (iap_cli_args_get_value (args, "size"), &width, &height))
    return iap_cli_usage_error (args, _("--size is WIDTHxHEIGHT, each from 16 to 10000, for example 800x600"));
  if (iap_cli_args_get_value (args, "paper") != NULL || iap_cli_args_get_flag (args, "anonymize"))
    return iap_cli_usage_error (args, _("--paper and --anonymize are for the whole report"));

  iap_i18n_push_language (language);
  if (movement)
    written = iap_movement_chart_export (since, IAP_MOVEMENT_INHERENT, output, width, height, &error);
  else
    written = iap_report_export_chart (workshop, chart, output, width, height, &error);
  iap_i18n_pop_language ();
  if (!written)
    {
      g_printerr ("%s\n", error->message);
      return IAP_CLI_EXIT_INVALID;
    }
  warn_missing_glyphs (output);

  return IAP_CLI_EXIT_OK;
}

/* The tables as a spreadsheet: the one --table names, or all of them,
 * one sheet each */
static int
export_tables (IapWorkshop *workshop,
               IapCliArgs  *args,
               const char  *language)
{
  const char *output = iap_cli_args_get_value (args, "output");
  const char *table = iap_cli_args_get_value (args, "table");
  gboolean anonymize = iap_cli_args_get_flag (args, "anonymize");
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) iap_table_free);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  IapOdsBandColors colors;
  IapTableKind kind;

  if (iap_cli_args_get_value (args, "paper") != NULL || iap_cli_args_get_value (args, "size") != NULL)
    return iap_cli_usage_error (args, _("--paper and --size are for the report and the charts"));

  /* The command table allows only the kinds' ids */
  iap_i18n_push_language (language);
  if (table != NULL && iap_table_kind_from_id (table, &kind))
    g_ptr_array_add (tables, iap_table_new (workshop, kind, anonymize));
  for (kind = 0; table == NULL && kind < IAP_N_TABLES; kind++)
    g_ptr_array_add (tables, iap_table_new (workshop, kind, anonymize));

  iap_i18n_pop_language ();
  iap_palette_get_band_rgb (colors.fill, colors.text);
  if (!iap_spreadsheet_save ((IapTable **) tables->pdata, tables->len, file, &colors, &error))
    {
      g_printerr ("%s\n", error->message);
      return IAP_CLI_EXIT_INVALID;
    }

  return IAP_CLI_EXIT_OK;
}

static gboolean
is_spreadsheet (const char *output)
{
  IapSpreadsheetFormat format;

  return iap_spreadsheet_format_from_name (output, &format);
}

int
iap_cli_export (IapCliArgs *args)
{
  const char *since_path = iap_cli_args_get_value (args, "since");
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(IapWorkshop) earlier = NULL;
  g_autoptr(IapComparison) since = NULL;
  const char *lang = iap_cli_args_get_value (args, "lang");
  g_autofree char *language = NULL;

  if (iap_cli_args_get_n_operands (args) != 1)
    return iap_cli_usage_error (args, _("give one FILE"));
  if (iap_cli_args_get_value (args, "output") == NULL)
    return iap_cli_usage_error (args, _("give -o OUT"));
  if (iap_cli_args_get_value (args, "table") != NULL && iap_cli_args_get_value (args, "chart") != NULL)
    return iap_cli_usage_error (args, _("give --table or --chart, not both"));
  if (iap_cli_args_get_value (args, "table") != NULL && !is_spreadsheet (iap_cli_args_get_value (args, "output")))
    return iap_cli_usage_error (args, _("a table is written as a spreadsheet: OUT must end in .ods or .csv"));

  if (lang != NULL && (language = iap_i18n_resolve_language (lang)) == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (GStrv) iap_i18n_get_languages ());

      return iap_cli_usage_error (args, _("there is no translation into “%s”: --lang is one of %s"),
                                  lang, known);
    }

  workshop = iap_cli_load_workshop (iap_cli_args_get_operand (args, 0));
  if (workshop == NULL)
    return IAP_CLI_EXIT_INVALID;

  if (since_path != NULL && is_spreadsheet (iap_cli_args_get_value (args, "output")))
    return iap_cli_usage_error (args, _("--since is for the report or --chart=movement"));

  /* What changed from OTHER, the earlier workshop, to FILE */
  if (since_path != NULL)
    {
      if ((earlier = iap_cli_load_workshop (since_path)) == NULL)
        return IAP_CLI_EXIT_INVALID;
      since = iap_comparison_new (earlier, workshop);
      iap_comparison_set_labels (since, NULL, C_("compare", "this workshop"));
    }

  if (iap_cli_args_get_value (args, "chart") != NULL)
    return export_chart (workshop, since, args, language);
  if (is_spreadsheet (iap_cli_args_get_value (args, "output")))
    return export_tables (workshop, args, language);

  return export_report (workshop, since, args, language);
}
