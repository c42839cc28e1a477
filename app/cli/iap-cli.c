/* iap-cli.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-cli.h"

typedef int (*IapCliCommand) (int argc, char **argv);

static int cmd_help (int argc, char **argv);

static const struct {
  const char *name;
  const char *summary;
  IapCliCommand run;
} commands[] = {
  { "help", N_("Show the commands and what they do"), cmd_help },
};

static int
cmd_help (int    argc,
          char **argv)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("Usage: %s [FILE…]\n"), g_get_prgname ());
  g_string_append_printf (text, _("       %s COMMAND [ARGUMENT…]\n"), g_get_prgname ());
  g_string_append (text, "\n");
  g_string_append (text, _("Without a command, opens each workshop FILE in a window.\n"));
  g_string_append (text, "\n");
  g_string_append (text, _("Commands (no display needed):\n"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-10s %s\n", commands[i].name, _(commands[i].summary));

  g_print ("%s", text->str);

  return 0;
}

gboolean
iap_cli_is_command (const char *word)
{
  if (word == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (word, commands[i].name))
        return TRUE;
    }

  return FALSE;
}

int
iap_cli_run (int    argc,
             char **argv)
{
  g_return_val_if_fail (argc > 1, 2);

  g_set_prgname ("iap-workshop");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        return commands[i].run (argc - 1, argv + 1);
    }

  g_printerr (_("%s: unknown command “%s”\n"), g_get_prgname (), argv[1]);

  return 2;
}
