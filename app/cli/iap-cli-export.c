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

#include "iap-cli-export.h"
#include "iap-report.h"
#include "iap-workshop-file.h"

#define EXIT_OK      0
#define EXIT_INVALID 1
#define EXIT_USAGE   2

typedef struct
{
  char     *output;
  char     *paper;
  char     *chart;
  char     *size;
  gboolean  anonymize;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->output);
  g_free (args->paper);
  g_free (args->chart);
  g_free (args->size);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportArgs, export_args_clear)

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Run “%s help” for the commands.\n"), g_get_prgname ());

  return EXIT_USAGE;
}

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

/* Lists every problem of a file that does not load, as validate does. */
static IapWorkshop *
load (const char *path)
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

static int
export_report (IapWorkshop *workshop,
               ExportArgs  *args)
{
  static const char * const pdf[] = { ".pdf", NULL };
  IapReportOptions options;
  g_autoptr(GError) error = NULL;

  if (!has_extension (args->output, pdf))
    return usage_error (_("the report is written as PDF: OUT must end in .pdf"));
  if (args->size != NULL)
    return usage_error (_("--size is for a single --chart"));
  if (args->paper == NULL || g_str_equal (args->paper, "a4"))
    iap_report_options_init (&options, IAP_REPORT_PAPER_A4);
  else if (g_str_equal (args->paper, "letter"))
    iap_report_options_init (&options, IAP_REPORT_PAPER_LETTER);
  else
    return usage_error (_("--paper is a4 or letter"));
  options.anonymize = args->anonymize;

  if (!iap_report_export_pdf (workshop, &options, args->output, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_INVALID;
    }

  return EXIT_OK;
}

static int
export_chart (IapWorkshop *workshop,
              ExportArgs  *args)
{
  static const char * const formats[] = { ".png", ".svg", ".pdf", NULL };
  IapReportChart chart;
  double width, height;
  g_autoptr(GError) error = NULL;

  if (!iap_report_chart_from_id (args->chart, &chart))
    return usage_error (_("--chart is heatmap, residual or triple-hatting"));
  if (!has_extension (args->output, formats))
    return usage_error (_("a chart is written as PNG, SVG or PDF: OUT must end in .png, .svg or .pdf"));
  if (!parse_size (args->size, &width, &height))
    return usage_error (_("--size is WIDTHxHEIGHT, each from 16 to 10000, for example 800x600"));
  if (args->paper != NULL || args->anonymize)
    return usage_error (_("--paper and --anonymize are for the whole report"));

  if (!iap_report_export_chart (workshop, chart, args->output, width, height, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_INVALID;
    }

  return EXIT_OK;
}

int
iap_cli_export (int    argc,
                char **argv)
{
  g_auto(ExportArgs) args = { NULL, };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Write to OUT"), N_("OUT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &args.paper, N_("Paper size: a4 (default) or letter"), N_("PAPER") },
    { "anonymize", 0, 0, G_OPTION_ARG_NONE, &args.anonymize, N_("Leave people’s names out of the report"), NULL },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &args.chart, N_("Export one chart: heatmap, residual or triple-hatting"), N_("CHART") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &args.size, N_("Size of a chart, default 800x600"), N_("WxH") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — export a report or a chart"));
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 2)
    return usage_error (_("export takes one FILE"));
  if (args.output == NULL)
    return usage_error (_("export needs -o OUT"));

  workshop = load (argv[1]);
  if (workshop == NULL)
    return EXIT_INVALID;

  return args.chart != NULL ? export_chart (workshop, &args) : export_report (workshop, &args);
}
