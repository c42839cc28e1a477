/* iap-cli-args.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A command's arguments, parsed against its entry in the command table:
 * GNU style long (--name, --name=VALUE, --name VALUE) and short (-x,
 * -xVALUE, -x VALUE) options anywhere among the operands, "--" ends the
 * options, "-" is an operand. An option that is not in the table, or a
 * value that is not one of its choices, is a usage error. */

#define G_LOG_DOMAIN "iap-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "iap-cli-command.h"

struct _IapCliArgs
{
  const IapCliCommand *command;
  GHashTable          *values;    /* option name → its last value ("" for a flag) */
  GHashTable          *lists;     /* option name → every value given, in order (GPtrArray) */
  GPtrArray           *operands;  /* (element-type utf8) */
};

static const IapCliOption help_option = {
  "help", 'h', NULL, NULL, IAP_CLI_COMPLETE_NONE, N_("Show this help and exit")
};

static const IapCliOption *
find_long (const IapCliCommand *command,
           const char          *name,
           gsize                length)
{
  for (guint i = 0; command->options[i].name != NULL; i++)
    {
      if (strlen (command->options[i].name) == length &&
          strncmp (command->options[i].name, name, length) == 0)
        return &command->options[i];
    }
  if (length == 4 && strncmp (name, "help", 4) == 0)
    return &help_option;

  return NULL;
}

static const IapCliOption *
find_short (const IapCliCommand *command,
            char                 name)
{
  for (guint i = 0; command->options[i].name != NULL; i++)
    {
      if (command->options[i].short_name == name)
        return &command->options[i];
    }
  if (name == 'h')
    return &help_option;

  return NULL;
}

static gboolean
is_choice (const IapCliOption *option,
           const char         *value)
{
  g_auto(GStrv) choices = g_strsplit (option->choices, " ", -1);

  return g_strv_contains ((const char * const *) choices, value);
}

static gboolean
set_value (IapCliArgs          *args,
           const IapCliOption  *option,
           const char          *value,
           GError             **error)
{
  if (option->choices != NULL && !is_choice (option, value))
    {
      g_auto(GStrv) list = g_strsplit (option->choices, " ", -1);
      g_autofree char *choices = g_strjoinv (", ", list);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--%s is one of %s, not “%s”"), option->name, choices, value);
      return FALSE;
    }
  g_hash_table_insert (args->values, (gpointer) option->name, g_strdup (value));
  if (!g_hash_table_contains (args->lists, option->name))
    g_hash_table_insert (args->lists, (gpointer) option->name, g_ptr_array_new_null_terminated (1, g_free, TRUE));
  g_ptr_array_add (g_hash_table_lookup (args->lists, option->name), g_strdup (value));

  return TRUE;
}

static void
missing_value (const IapCliOption  *option,
               GError             **error)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--%s needs %s"), option->name, _(option->arg));
}

/* Consumes argv[*i] (and the value after it, if it is one). */
static gboolean
parse_long (IapCliArgs  *args,
            int          argc,
            char       **argv,
            int         *i,
            GError     **error)
{
  const char *name = argv[*i] + 2;
  const char *equals = strchr (name, '=');
  const IapCliOption *option = find_long (args->command, name,
                                          equals != NULL ? (gsize) (equals - name) : strlen (name));

  if (option == NULL)
    {
      g_autofree char *unknown = g_strndup (argv[*i], equals != NULL ? (gsize) (equals - argv[*i]) : strlen (argv[*i]));

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
                   _("unknown option “%s”"), unknown);
      return FALSE;
    }

  if (option->arg == NULL)
    {
      if (equals != NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--%s takes no value"), option->name);
          return FALSE;
        }
      g_hash_table_insert (args->values, (gpointer) option->name, g_strdup (""));
      return TRUE;
    }

  if (equals != NULL)
    return set_value (args, option, equals + 1, error);
  if (*i + 1 >= argc)
    {
      missing_value (option, error);
      return FALSE;
    }
  *i += 1;

  return set_value (args, option, argv[*i], error);
}

/* -abc is -a -b -c; -oOUT and -o OUT give OUT to -o. */
static gboolean
parse_short (IapCliArgs  *args,
             int          argc,
             char       **argv,
             int         *i,
             GError     **error)
{
  const char *letters = argv[*i] + 1;

  for (guint k = 0; letters[k] != '\0'; k++)
    {
      const IapCliOption *option = find_short (args->command, letters[k]);

      if (option == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
                       _("unknown option “-%c”"), letters[k]);
          return FALSE;
        }
      if (option->arg == NULL)
        {
          g_hash_table_insert (args->values, (gpointer) option->name, g_strdup (""));
          continue;
        }
      if (letters[k + 1] != '\0')
        return set_value (args, option, letters + k + 1, error);
      if (*i + 1 >= argc)
        {
          missing_value (option, error);
          return FALSE;
        }
      *i += 1;
      return set_value (args, option, argv[*i], error);
    }

  return TRUE;
}

IapCliArgs *
_iap_cli_args_parse (const IapCliCommand  *command,
                     int                   argc,
                     char                **argv,
                     gboolean             *help,
                     GError              **error)
{
  g_autoptr(IapCliArgs) args = g_new0 (IapCliArgs, 1);
  gboolean options_end = FALSE;

  g_return_val_if_fail (command != NULL, NULL);
  g_return_val_if_fail (help != NULL, NULL);

  args->command = command;
  args->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  args->lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  args->operands = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean parsed;

      if (options_end || arg[0] != '-' || arg[1] == '\0')
        {
          g_ptr_array_add (args->operands, g_strdup (arg));
          continue;
        }
      if (g_str_equal (arg, "--"))
        {
          options_end = TRUE;
          continue;
        }

      parsed = arg[1] == '-' ? parse_long (args, argc, argv, &i, error)
                             : parse_short (args, argc, argv, &i, error);
      if (!parsed)
        return NULL;
    }

  *help = g_hash_table_contains (args->values, "help");

  return g_steal_pointer (&args);
}

void
_iap_cli_args_free (IapCliArgs *args)
{
  if (args == NULL)
    return;

  g_clear_pointer (&args->values, g_hash_table_unref);
  g_clear_pointer (&args->lists, g_hash_table_unref);
  g_clear_pointer (&args->operands, g_ptr_array_unref);
  g_free (args);
}

static const IapCliOption *
lookup_option (IapCliArgs *args,
               const char *name)
{
  return find_long (args->command, name, strlen (name));
}

/**
 * iap_cli_args_get_flag:
 * @args: the parsed arguments
 * @option: the long name of an option of the command, without "--"
 *
 * Returns: whether @option was given
 */
gboolean
iap_cli_args_get_flag (IapCliArgs *args,
                       const char *option)
{
  g_return_val_if_fail (args != NULL, FALSE);
  g_return_val_if_fail (lookup_option (args, option) != NULL, FALSE);

  return g_hash_table_contains (args->values, option);
}

/**
 * iap_cli_args_get_value:
 * @args: the parsed arguments
 * @option: the long name of an option of the command that takes a value
 *
 * Returns: (nullable): the value @option was given last, or %NULL
 */
const char *
iap_cli_args_get_value (IapCliArgs *args,
                        const char *option)
{
  g_return_val_if_fail (args != NULL, NULL);
  g_return_val_if_fail (lookup_option (args, option) != NULL, NULL);
  g_return_val_if_fail (lookup_option (args, option)->arg != NULL, NULL);

  return g_hash_table_lookup (args->values, option);
}

guint
iap_cli_args_get_n_operands (IapCliArgs *args)
{
  g_return_val_if_fail (args != NULL, 0);

  return args->operands->len;
}

const char *
iap_cli_args_get_operand (IapCliArgs *args,
                          guint       index)
{
  g_return_val_if_fail (args != NULL, NULL);
  g_return_val_if_fail (index < args->operands->len, NULL);

  return g_ptr_array_index (args->operands, index);
}

/**
 * iap_cli_text_width:
 * @text: UTF-8 text
 *
 * How many columns of a terminal @text takes: one per character, two for
 * a wide one (Chinese, Japanese, Korean), none for a combining mark.
 *
 * Returns: the width in columns
 */
guint
iap_cli_text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/**
 * iap_cli_pad:
 * @text: UTF-8 text
 * @columns: the width of the column
 *
 * @text followed by as many spaces as it takes to fill @columns columns
 * of a terminal, as printf's "%-*s" does for ASCII text only.
 *
 * Returns: (transfer full): the padded text
 */
char *
iap_cli_pad (const char *text,
             guint       columns)
{
  guint width = iap_cli_text_width (text);
  GString *padded = g_string_new (text);

  for (; width < columns; width++)
    g_string_append_c (padded, ' ');
  return g_string_free (padded, FALSE);
}

/**
 * iap_cli_usage_error:
 * @args: the arguments of the command that failed
 * @format: what is wrong, in a few words
 *
 * Prints the error and where to find the command's help on standard
 * error.
 *
 * Returns: %IAP_CLI_EXIT_USAGE
 */
int
iap_cli_usage_error (IapCliArgs *args,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  g_return_val_if_fail (args != NULL, IAP_CLI_EXIT_USAGE);

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);

  g_printerr ("%s %s: %s\n", g_get_prgname (), args->command->name, message);
  g_printerr (_("Run “%s %s --help” for its usage.\n"), g_get_prgname (), args->command->name);

  return IAP_CLI_EXIT_USAGE;
}

/* Appends @paragraph wrapped at 79 columns, the first line starting at
 * @column (the text before it already written), the others indented by
 * @indent. */
static void
append_wrapped (GString    *text,
                const char *paragraph,
                guint       column,
                guint       indent)
{
  g_auto(GStrv) words = g_strsplit (paragraph, " ", -1);
  gboolean line_start = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint width = g_utf8_strlen (words[i], -1);

      if (!line_start && column + 1 + width > 79)
        {
          g_string_append_printf (text, "\n%*s", (int) indent, "");
          column = indent;
          line_start = TRUE;
        }
      if (!line_start)
        {
          g_string_append_c (text, ' ');
          column++;
        }
      g_string_append (text, words[i]);
      column += width;
      line_start = FALSE;
    }
  g_string_append_c (text, '\n');
}

/* "  -o, --output=OUT         Write to OUT…", the description from column 29. */
static void
append_option (GString            *text,
               const IapCliOption *option)
{
  g_autofree char *name = NULL;
  gsize start = text->len;

  if (option->arg != NULL)
    name = g_strdup_printf ("--%s=%s", option->name, _(option->arg));
  else
    name = g_strdup_printf ("--%s", option->name);

  if (option->short_name != 0)
    g_string_append_printf (text, "  -%c, %s", option->short_name, name);
  else
    g_string_append_printf (text, "      %s", name);
  if (g_utf8_strlen (text->str + start, -1) < 28)
    g_string_append_printf (text, "%*s", (int) (28 - g_utf8_strlen (text->str + start, -1)), "");
  else
    g_string_append_printf (text, "\n%28s", "");
  append_wrapped (text, _(option->description), 28, 28);
}

/**
 * _iap_cli_dup_command_help:
 * @command: a command of the table
 *
 * Returns: (transfer full): what `iap-workshop COMMAND --help` prints
 */
char *
_iap_cli_dup_command_help (const IapCliCommand *command)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) forms = g_strsplit (_(command->synopsis), "\n", -1);

  for (guint i = 0; forms[i] != NULL; i++)
    {
      if (i == 0)
        /* Translators: the first form of a command, e.g. "Usage: iap-workshop summary [--json] FILE" */
        g_string_append_printf (text, _("Usage: %s %s %s\n"), g_get_prgname (), command->name, forms[i]);
      else
        /* Translators: each further form of a command, under "Usage:" */
        g_string_append_printf (text, _("   or: %s %s %s\n"), g_get_prgname (), command->name, forms[i]);
    }
  g_string_append_c (text, '\n');
  append_wrapped (text, _(command->description), 0, 0);

  g_string_append_c (text, '\n');
  g_string_append (text, _("Options:\n"));
  for (guint i = 0; command->options[i].name != NULL; i++)
    append_option (text, &command->options[i]);
  append_option (text, &help_option);

  g_string_append_c (text, '\n');
  g_string_append (text, _("Exit status:\n"));
  for (guint i = 0; command->statuses[i].status >= 0; i++)
    {
      g_string_append_printf (text, "  %d  ", command->statuses[i].status);
      append_wrapped (text, _(command->statuses[i].meaning), 5, 5);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * _iap_cli_dup_main_help:
 *
 * Returns: (transfer full): what `iap-workshop --help` prints
 */
char *
_iap_cli_dup_main_help (void)
{
  static const IapCliOption version_option = {
    "version", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE, N_("Show the version and exit")
  };
  static const IapCliOption no_network_option = {
    "no-network", 0, NULL, NULL, IAP_CLI_COMPLETE_NONE,
    N_("Open the window with room voting off: nothing is served on any network")
  };
  static const IapCliStatus statuses[] = {
    { IAP_CLI_EXIT_OK, N_("success") },
    { IAP_CLI_EXIT_INVALID, N_("a file is not a valid workshop, cannot be read or cannot be written") },
    { IAP_CLI_EXIT_USAGE, N_("the command line is wrong") },
  };
  g_autoptr(GString) text = g_string_new (NULL);
  const char *prgname = g_get_prgname ();
  const IapCliCommand *commands;
  guint n_commands;

  commands = iap_cli_get_commands (&n_commands);

  g_string_append_printf (text, _("Usage: %s [FILE…]\n"), prgname);
  g_string_append_printf (text, _("   or: %s COMMAND [OPTION…] [ARGUMENT…]\n"), prgname);
  g_string_append_printf (text, _("   or: %s --help | --version\n"), prgname);
  g_string_append_c (text, '\n');
  append_wrapped (text, _("Without a command, opens each workshop FILE in a window. "
                          "The commands need no display."), 0, 0);
  g_string_append_c (text, '\n');
  g_string_append (text, _("Commands:\n"));
  for (guint i = 0; i < n_commands; i++)
    {
      g_string_append_printf (text, "  %-14s", commands[i].name);
      append_wrapped (text, _(commands[i].summary), 16, 16);
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Options:\n"));
  append_option (text, &help_option);
  append_option (text, &version_option);
  append_option (text, &no_network_option);
  g_string_append_c (text, '\n');
  g_string_append (text, _("Exit status:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_string_append_printf (text, "  %d  ", statuses[i].status);
      append_wrapped (text, _(statuses[i].meaning), 5, 5);
    }
  g_string_append_c (text, '\n');
  append_wrapped (text, _("Run “iap-workshop COMMAND --help” for a command’s options and exit "
                          "statuses, and “man iap-workshop” for the manual."), 0, 0);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * iap_cli_args_get_values:
 * @option: the long name of an option that takes a value
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): every
 *   value given to @option, in order, or %NULL if it was not given
 */
const char * const *
iap_cli_args_get_values (IapCliArgs *args,
                         const char *option)
{
  GPtrArray *list;

  g_return_val_if_fail (args != NULL, NULL);

  list = g_hash_table_lookup (args->lists, option);

  return list != NULL ? (const char * const *) list->pdata : NULL;
}
