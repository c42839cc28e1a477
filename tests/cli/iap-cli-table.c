/* iap-cli-table.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Prints the command table of app/cli as JSON, untranslated, for
 * check-cli-docs.py to hold the help, the man page and the bash
 * completion against. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "iap-cli-command.h"

static const char *
complete_id (IapCliComplete complete)
{
  switch (complete)
    {
    case IAP_CLI_COMPLETE_FILE:
      return "file";
    case IAP_CLI_COMPLETE_DIRECTORY:
      return "directory";
    case IAP_CLI_COMPLETE_NONE:
    default:
      return "none";
    }
}

static void
add_options (JsonBuilder        *builder,
             const IapCliOption *options)
{
  json_builder_set_member_name (builder, "options");
  json_builder_begin_array (builder);
  for (guint i = 0; options[i].name != NULL; i++)
    {
      char short_name[2] = { options[i].short_name, '\0' };

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, options[i].name);
      json_builder_set_member_name (builder, "short");
      if (options[i].short_name != 0)
        json_builder_add_string_value (builder, short_name);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "arg");
      if (options[i].arg != NULL)
        json_builder_add_string_value (builder, options[i].arg);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "choices");
      json_builder_begin_array (builder);
      if (options[i].choices != NULL)
        {
          g_auto(GStrv) choices = g_strsplit (options[i].choices, " ", -1);

          for (guint c = 0; choices[c] != NULL; c++)
            json_builder_add_string_value (builder, choices[c]);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "complete");
      json_builder_add_string_value (builder, complete_id (options[i].complete));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

int
main (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const IapCliCommand *commands;
  guint n_commands;

  commands = iap_cli_get_commands (&n_commands);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_commands; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, commands[i].name);
      json_builder_set_member_name (builder, "synopsis");
      json_builder_add_string_value (builder, commands[i].synopsis);
      json_builder_set_member_name (builder, "extensions");
      if (commands[i].extensions != NULL)
        json_builder_add_string_value (builder, commands[i].extensions);
      else
        json_builder_add_null_value (builder);
      add_options (builder, commands[i].options);
      json_builder_set_member_name (builder, "statuses");
      json_builder_begin_array (builder);
      for (guint s = 0; commands[i].statuses[s].status >= 0; s++)
        json_builder_add_int_value (builder, commands[i].statuses[s].status);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  /* UTF-8 whatever the locale: g_print() would convert it. */
  fputs (text, stdout);
  fputc ('\n', stdout);

  return 0;
}
