/* iap-cli-compare.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `diff` and `merge`: what changed between two workshops, and field
 * offices' files merged into one. */

#define G_LOG_DOMAIN "iap-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "iap-cli-command.h"
#include "iap-cli-compare.h"
#include "iap-comparison.h"
#include "iap-merge.h"
#include "iap-workshop-file.h"

/* Exit statuses of diff, as diff(1) has them */
enum
{
  DIFF_EQUAL     = 0,
  DIFF_DIFFERENT = 1,
  DIFF_TROUBLE   = 2,
};

static IapWorkshop *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  IapWorkshop *workshop;

  workshop = iap_workshop_load (file, NULL, &error);
  if (workshop == NULL)
    g_printerr ("%s\n", error->message);

  return workshop;
}

static void
add_nullable (JsonBuilder *builder,
              const char  *name,
              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL || *value == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_rating (JsonBuilder *builder,
            const char  *name,
            gboolean     rated,
            guint        likelihood,
            guint        impact,
            IapBand      band)
{
  json_builder_set_member_name (builder, name);
  if (!rated)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "likelihood");
  json_builder_add_int_value (builder, likelihood);
  json_builder_set_member_name (builder, "impact");
  json_builder_add_int_value (builder, impact);
  json_builder_set_member_name (builder, "band");
  json_builder_add_string_value (builder, iap_band_to_id (band));
  json_builder_end_object (builder);
}

static gboolean
is_rating (IapChange *change)
{
  const char *field = iap_change_get_field (change);

  return g_strcmp0 (field, "inherent") == 0 || g_strcmp0 (field, "residual") == 0 ||
         g_strcmp0 (field, "median") == 0;
}

/* One change as JSON: the members are documented in docs/file-format.md */
static void
add_change (JsonBuilder *builder,
            IapChange   *change)
{
  g_autofree char *text = iap_change_dup_text (change);

  json_builder_begin_object (builder);
  add_nullable (builder, "step", iap_step_to_id (iap_change_get_step (change)));
  add_nullable (builder, "subject", iap_change_get_subject (change));
  add_nullable (builder, "change", iap_change_kind_to_id (iap_change_get_kind (change)));
  add_nullable (builder, "id", iap_change_get_id (change));
  add_nullable (builder, "old_id", iap_change_get_old_id (change));
  json_builder_set_member_name (builder, "number");
  if (iap_change_get_number (change) > 0)
    json_builder_add_int_value (builder, iap_change_get_number (change));
  else
    json_builder_add_null_value (builder);
  add_nullable (builder, "field", iap_change_get_field (change));
  add_nullable (builder, "option", iap_change_get_option (change));

  if (is_rating (change))
    {
      guint l = 0, i = 0;
      IapBand band = 0;
      gboolean rated;

      rated = iap_change_get_old_rating (change, &l, &i, &band);
      add_rating (builder, "old", rated, l, i, band);
      rated = iap_change_get_new_rating (change, &l, &i, &band);
      add_rating (builder, "new", rated, l, i, band);
    }
  else
    {
      add_nullable (builder, "old", iap_change_get_old_value (change));
      add_nullable (builder, "new", iap_change_get_new_value (change));
    }

  json_builder_set_member_name (builder, "similarity");
  if (iap_change_get_similarity (change) > 0)
    json_builder_add_int_value (builder, iap_change_get_similarity (change));
  else
    json_builder_add_null_value (builder);
  add_nullable (builder, "text", text);
  json_builder_end_object (builder);
}

/* A member @name holding every change of @changes */
static void
add_changes (JsonBuilder *builder,
             const char  *name,
             GListModel  *changes)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(IapChange) change = g_list_model_get_item (changes, i);

      add_change (builder, change);
    }
  json_builder_end_array (builder);
}

static void
add_cell (JsonBuilder *builder,
          const char  *name,
          guint        likelihood,
          guint        impact)
{
  json_builder_set_member_name (builder, name);
  if (likelihood == 0 || impact == 0)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "likelihood");
  json_builder_add_int_value (builder, likelihood);
  json_builder_set_member_name (builder, "impact");
  json_builder_add_int_value (builder, impact);
  json_builder_end_object (builder);
}

/* Each risk that moved on the heat map, by its number in B */
static void
add_movements (JsonBuilder     *builder,
               IapComparison   *comparison,
               const char      *name,
               IapMovementKind  kind)
{
  const IapMovement *movements;
  guint n;

  movements = iap_comparison_get_movements (comparison, kind, &n);
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint m = 0; m < n; m++)
    {
      const IapMovement *move = &movements[m];

      if (move->from_likelihood == move->to_likelihood && move->from_impact == move->to_impact)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, move->number);
      add_cell (builder, "from", move->from_likelihood, move->from_impact);
      add_cell (builder, "to", move->to_likelihood, move->to_impact);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, TRUE);

  g_print ("%s\n", text);
}

static void
print_diff_json (IapComparison *comparison,
                 const char    *old_path,
                 const char    *new_path)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *changes = iap_comparison_get_changes (comparison);

  json_builder_begin_object (builder);
  add_nullable (builder, "old", old_path);
  add_nullable (builder, "new", new_path);
  json_builder_set_member_name (builder, "equal");
  json_builder_add_boolean_value (builder, iap_comparison_is_empty (comparison));
  add_changes (builder, "changes", changes);
  json_builder_set_member_name (builder, "movements");
  json_builder_begin_object (builder);
  add_movements (builder, comparison, "inherent", IAP_MOVEMENT_INHERENT);
  add_movements (builder, comparison, "residual", IAP_MOVEMENT_RESIDUAL);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "removed");
  json_builder_add_int_value (builder, iap_comparison_get_n_removed (comparison));
  json_builder_end_object (builder);

  print_json (builder);
}

/* Step by step, one change a line */
static void
print_diff_text (IapComparison *comparison)
{
  GListModel *changes = iap_comparison_get_changes (comparison);
  g_autofree char *summary = iap_comparison_dup_summary (comparison);
  int step = -1;

  g_print ("%s\n", summary);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(IapChange) change = g_list_model_get_item (changes, i);
      g_autofree char *text = iap_change_dup_text (change);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      if ((int)iap_change_get_step (change) != step)
        {
          step = iap_change_get_step (change);
          g_print ("\n%s\n", iap_step_to_label (step));
        }
      for (guint l = 0; lines[l] != NULL; l++)
        g_print ("%s%s\n", l == 0 ? "  " : "    ", lines[l]);
    }
}

int
iap_cli_diff (IapCliArgs *args)
{
  g_autoptr(IapWorkshop) old_workshop = NULL;
  g_autoptr(IapWorkshop) new_workshop = NULL;
  g_autoptr(IapComparison) comparison = NULL;

  if (iap_cli_args_get_n_operands (args) != 2)
    return iap_cli_usage_error (args, _("give two FILEs, the earlier one first"));

  if ((old_workshop = load (iap_cli_args_get_operand (args, 0))) == NULL ||
      (new_workshop = load (iap_cli_args_get_operand (args, 1))) == NULL)
    return DIFF_TROUBLE;

  comparison = iap_comparison_new (old_workshop, new_workshop);
  if (iap_cli_args_get_flag (args, "json"))
    print_diff_json (comparison, iap_cli_args_get_operand (args, 0), iap_cli_args_get_operand (args, 1));
  else if (!iap_comparison_is_empty (comparison))
    print_diff_text (comparison);

  return iap_comparison_is_empty (comparison) ? DIFF_EQUAL : DIFF_DIFFERENT;
}

/* merge ------------------------------------------------------------------ */

static void
add_conflict (JsonBuilder *builder,
              IapConflict *conflict)
{
  GListModel *fields = iap_conflict_get_fields (conflict);

  json_builder_begin_object (builder);
  add_nullable (builder, "subject", iap_conflict_get_subject (conflict));
  add_nullable (builder, "id", iap_conflict_get_id (conflict));
  add_nullable (builder, "their_id", iap_conflict_get_their_id (conflict));
  add_nullable (builder, "heading", iap_conflict_get_heading (conflict));
  add_nullable (builder, "resolution", iap_resolution_to_id (iap_conflict_get_resolution (conflict)));
  add_changes (builder, "fields", fields);
  json_builder_end_object (builder);
}

static void
add_source (JsonBuilder    *builder,
            IapMergeSource *source,
            const char     *path)
{
  GListModel *additions = iap_merge_source_get_additions (source);
  GListModel *conflicts = iap_merge_source_get_conflicts (source);

  json_builder_begin_object (builder);
  add_nullable (builder, "file", path);
  add_nullable (builder, "name", iap_merge_source_get_name (source));
  add_changes (builder, "additions", additions);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(IapConflict) conflict = g_list_model_get_item (conflicts, i);

      add_conflict (builder, conflict);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_merge_json (IapMerge   *merge,
                  IapCliArgs *args,
                  gboolean    written)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *sources = iap_merge_get_sources (merge);

  json_builder_begin_object (builder);
  add_nullable (builder, "base", iap_cli_args_get_operand (args, 0));
  add_nullable (builder, "output", iap_cli_args_get_value (args, "output"));
  json_builder_set_member_name (builder, "written");
  json_builder_add_boolean_value (builder, written);
  json_builder_set_member_name (builder, "unresolved");
  json_builder_add_int_value (builder, iap_merge_get_n_unresolved (merge));
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(IapMergeSource) source = g_list_model_get_item (sources, i);

      add_source (builder, source, iap_cli_args_get_operand (args, i + 1));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  print_json (builder);
}

static void
print_merge_text (IapMerge *merge)
{
  GListModel *sources = iap_merge_get_sources (merge);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(IapMergeSource) source = g_list_model_get_item (sources, i);
      GListModel *conflicts = iap_merge_source_get_conflicts (source);
      g_autofree char *summary = iap_merge_source_dup_summary (source);
      g_autofree char *left_out = iap_merge_source_dup_left_out (source);

      g_print ("%s: %s\n", iap_merge_source_get_name (source), summary);
      for (guint c = 0; c < g_list_model_get_n_items (conflicts); c++)
        {
          g_autoptr(IapConflict) conflict = g_list_model_get_item (conflicts, c);
          g_auto(GStrv) lines = g_strsplit (iap_conflict_get_description (conflict), "\n", -1);

          /* Translators: a conflict and how it was decided, “ours” or “theirs” */
          g_print (_("  %s (kept: %s)\n"), iap_conflict_get_heading (conflict),
                   iap_resolution_to_id (iap_conflict_get_resolution (conflict)));
          for (guint l = 0; lines[l] != NULL; l++)
            g_print ("    %s\n", lines[l]);
        }
      if (left_out != NULL)
        g_print ("  %s\n", left_out);
    }
}

int
iap_cli_merge (IapCliArgs *args)
{
  const char *output = iap_cli_args_get_value (args, "output");
  const char *prefer = iap_cli_args_get_value (args, "prefer");
  gboolean json = iap_cli_args_get_flag (args, "json");
  g_autoptr(IapWorkshop) base = NULL;
  g_autoptr(IapMerge) merge = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  IapResolution resolution = IAP_RESOLUTION_NONE;

  if (iap_cli_args_get_n_operands (args) < 2)
    return iap_cli_usage_error (args, _("give the BASE workshop and at least one OTHER"));
  if (output == NULL)
    return iap_cli_usage_error (args, _("give the file to write with -o OUT"));
  if (prefer != NULL && !iap_resolution_from_id (prefer, &resolution))
    return iap_cli_usage_error (args, _("--prefer is ours or theirs"));

  /* Read everything before planning anything: a file that cannot be
   * read stops the merge before a word of it is printed */
  if ((base = load (iap_cli_args_get_operand (args, 0))) == NULL)
    return IAP_CLI_EXIT_INVALID;
  for (guint i = 1; i < iap_cli_args_get_n_operands (args); i++)
    {
      IapWorkshop *other = load (iap_cli_args_get_operand (args, i));

      if (other == NULL)
        return IAP_CLI_EXIT_INVALID;
      g_ptr_array_add (others, other);
    }

  merge = iap_merge_new (base);
  for (guint i = 0; i < others->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (iap_cli_args_get_operand (args, i + 1));
      g_autofree char *name = iap_merge_source_name_for_file (file);

      iap_merge_add_source (merge, others->pdata[i], name);
    }
  if (resolution != IAP_RESOLUTION_NONE)
    iap_merge_resolve_all (merge, resolution);

  if (!iap_merge_apply (merge, &error))
    {
      if (json)
        print_merge_json (merge, args, FALSE);
      g_printerr ("%s\n", error->message);
      g_printerr (_("Nothing was written. Give --prefer=ours or --prefer=theirs, or merge the files "
                    "in the application to decide each conflict.\n"));
      return IAP_CLI_EXIT_INVALID;
    }

  out = g_file_new_for_commandline_arg (output);
  if (!iap_workshop_save (base, out, NULL, &error))
    {
      g_printerr ("%s:1: %s\n", output, error->message);
      return IAP_CLI_EXIT_INVALID;
    }

  if (json)
    print_merge_json (merge, args, TRUE);
  else
    print_merge_text (merge);

  return IAP_CLI_EXIT_OK;
}
