/* iap-merge.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Merging field offices' files into the open workshop.
 *
 * Each file is planned in turn against a scratch copy of the workshop
 * that already holds what the files before it add: so a risk that two
 * offices both add is added once, and two offices that fill one empty
 * value differently conflict with each other. Planning a file lists its
 * steps (add an item, update an item, add options) and takes them on the
 * scratch copy, its conflicts kept as ours; applying the merge takes the
 * same steps on the workshop itself, as one edit, each conflict as the
 * facilitator decided it.
 *
 * A merge adds and fills in; it never removes: a risk a file lacks may
 * simply be one its office did not look at. What both sides have with
 * different values is a conflict. Rounds and dissents belong to the room
 * that recorded them and are not merged; nor are the set-up and the
 * scales, which stay the workshop's own.
 */

#define G_LOG_DOMAIN "iap-merge"

#include "config.h"

#include <string.h>

#include "iap-i18n.h"

#include "iap-merge.h"
#include "iap-merge-private.h"

struct _IapMerge
{
  GObject parent_instance;

  /* Owned */
  IapWorkshop *workshop;
  IapWorkshop *scratch;
  GListStore *sources;
  GHashTable *origins;
  guint n_unresolved;
  gboolean done;
};

G_DEFINE_FINAL_TYPE (IapMerge, iap_merge, G_TYPE_OBJECT)

G_DEFINE_QUARK (iap-merge-error-quark, iap_merge_error)

enum {
  PROP_0,
  PROP_N_UNRESOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The scratch copy ------------------------------------------------------- */

static gpointer
clone_object (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  GObject *copy;
  guint n;

  g_array_set_clear_func (values, (GDestroyNotify)g_value_unset);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      GValue value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          g_type_is_a (pspecs[i]->value_type, G_TYPE_OBJECT))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_ptr_array_add (names, (gpointer)pspecs[i]->name);
      g_array_append_val (values, value);
    }

  copy = g_object_new_with_properties (G_OBJECT_TYPE (object), names->len,
                                       (const char **)names->pdata, (const GValue *)(gpointer)values->data);

  return copy;
}

static void
clone_list (GListModel *from,
            GListModel *to)
{
  for (guint i = 0; i < g_list_model_get_n_items (from); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (from, i);
      g_autoptr(GObject) copy = clone_object (item);

      g_list_store_append (G_LIST_STORE (to), copy);
    }
}

/* What of @workshop a merge reads and writes, copied apart from it: the
 * workshop is nobody's document, so the copy is filled directly. */
static IapWorkshop *
dup_for_merge (IapWorkshop *workshop)
{
  IapWorkshop *copy = iap_workshop_new ();
  IapScales *scales = iap_workshop_get_scales (workshop);
  guint nl = iap_scales_get_n_likelihood (scales), ni = iap_scales_get_n_impact (scales);
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (workshop), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) ||
          g_type_is_a (pspecs[i]->value_type, G_TYPE_OBJECT))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (workshop), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
    }

  if (!iap_workshop_resize_scales (copy, nl, ni, NULL))
    g_warn_if_reached ();
  for (guint l = 1; l <= nl; l++)
    for (guint i = 1; i <= ni; i++)
      iap_workshop_set_band (copy, l, i, iap_scales_get_band (scales, l, i));

  clone_list (iap_catalog_get_custom (iap_workshop_get_catalog (workshop)),
              iap_catalog_get_custom (iap_workshop_get_catalog (copy)));
  clone_list (iap_workshop_get_participants (workshop), iap_workshop_get_participants (copy));
  clone_list (iap_workshop_get_indicators (workshop), iap_workshop_get_indicators (copy));
  clone_list (iap_workshop_get_risks (workshop), iap_workshop_get_risks (copy));
  clone_list (iap_workshop_get_factor_scores (workshop), iap_workshop_get_factor_scores (copy));
  clone_list (iap_workshop_get_mitigations (workshop), iap_workshop_get_mitigations (copy));

  return copy;
}

/* GObject ---------------------------------------------------------------- */

static void
iap_merge_dispose (GObject *object)
{
  IapMerge *self = (IapMerge *)object;

  g_clear_object (&self->workshop);
  g_clear_object (&self->scratch);
  g_clear_object (&self->sources);
  g_clear_pointer (&self->origins, g_hash_table_unref);

  G_OBJECT_CLASS (iap_merge_parent_class)->dispose (object);
}

static void
iap_merge_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IapMerge *self = IAP_MERGE (object);

  switch (prop_id)
    {
    case PROP_N_UNRESOLVED:
      g_value_set_uint (value, self->n_unresolved);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_merge_class_init (IapMergeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iap_merge_dispose;
  object_class->get_property = iap_merge_get_property;

  properties[PROP_N_UNRESOLVED] =
    g_param_spec_uint ("n-unresolved", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_merge_init (IapMerge *self)
{
  self->sources = g_list_store_new (IAP_TYPE_MERGE_SOURCE);
  self->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
recount (IapMerge *self)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(IapMergeSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      n += iap_merge_source_get_n_unresolved (source);
    }

  if (n == self->n_unresolved)
    return;

  self->n_unresolved = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNRESOLVED]);
}

/* Public API ------------------------------------------------------------- */

/**
 * iap_merge_new:
 * @workshop: the workshop to merge files into
 *
 * Returns: (transfer full): a merge into @workshop, without files yet
 */
IapMerge *
iap_merge_new (IapWorkshop *workshop)
{
  IapMerge *self;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (IAP_TYPE_MERGE, NULL);
  self->workshop = g_object_ref (workshop);
  self->scratch = dup_for_merge (workshop);

  return self;
}

IapWorkshop *
iap_merge_get_workshop (IapMerge *self)
{
  g_return_val_if_fail (IAP_IS_MERGE (self), NULL);

  return self->workshop;
}

/**
 * iap_merge_add_source:
 * @other: a workshop to merge, such as a field office's file
 * @name: what its risks and measures will say they come from, such as
 *   “Ebe field office”
 *
 * Plans the merge of @other after the files added before it: what it
 * adds and what conflicts.
 *
 * Returns: (transfer none): its preview
 */
IapMergeSource *
iap_merge_add_source (IapMerge    *self,
                      IapWorkshop *other,
                      const char  *name)
{
  g_autoptr(IapMergeSource) source = NULL;

  g_return_val_if_fail (IAP_IS_MERGE (self), NULL);
  g_return_val_if_fail (IAP_IS_WORKSHOP (other), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (!self->done, NULL);

  source = _iap_merge_source_new (other, name, _iap_merge_op_free);
  _iap_merge_plan (self->scratch, source, self->origins);
  g_signal_connect_object (source, "notify::n-unresolved", G_CALLBACK (recount), self,
                           G_CONNECT_SWAPPED);
  g_list_store_append (self->sources, source);
  recount (self);

  return source;
}

/**
 * iap_merge_get_sources:
 *
 * Returns: (transfer none): the #IapMergeSource of each file, in order
 */
GListModel *
iap_merge_get_sources (IapMerge *self)
{
  g_return_val_if_fail (IAP_IS_MERGE (self), NULL);

  return G_LIST_MODEL (self->sources);
}

guint
iap_merge_get_n_conflicts (IapMerge *self)
{
  guint n = 0;

  g_return_val_if_fail (IAP_IS_MERGE (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(IapMergeSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      n += g_list_model_get_n_items (iap_merge_source_get_conflicts (source));
    }

  return n;
}

guint
iap_merge_get_n_unresolved (IapMerge *self)
{
  g_return_val_if_fail (IAP_IS_MERGE (self), 0);

  return self->n_unresolved;
}

/**
 * iap_merge_resolve_all:
 * @resolution: %IAP_RESOLUTION_OURS or %IAP_RESOLUTION_THEIRS: take all
 *   of one side; or %IAP_RESOLUTION_NONE to decide again
 *
 * Decides every conflict of every file the same way.
 */
void
iap_merge_resolve_all (IapMerge      *self,
                       IapResolution  resolution)
{
  g_return_if_fail (IAP_IS_MERGE (self));
  g_return_if_fail (resolution != IAP_RESOLUTION_BOTH);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(IapMergeSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
      GListModel *conflicts = iap_merge_source_get_conflicts (source);

      for (guint c = 0; c < g_list_model_get_n_items (conflicts); c++)
        {
          g_autoptr(IapConflict) conflict = g_list_model_get_item (conflicts, c);

          iap_conflict_set_resolution (conflict, resolution);
        }
    }
}

/**
 * iap_merge_dup_unresolved:
 *
 * Returns: (transfer full): the conflicts not decided yet, one a line:
 *   the file, the item and its fields
 */
char *
iap_merge_dup_unresolved (IapMerge *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (IAP_IS_MERGE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(IapMergeSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
      GListModel *conflicts = iap_merge_source_get_conflicts (source);

      for (guint c = 0; c < g_list_model_get_n_items (conflicts); c++)
        {
          g_autoptr(IapConflict) conflict = g_list_model_get_item (conflicts, c);
          GListModel *fields = iap_conflict_get_fields (conflict);

          if (iap_conflict_get_resolution (conflict) != IAP_RESOLUTION_NONE)
            continue;
          /* Translators: an undecided conflict: the file, then the item */
          g_string_append_printf (text, C_("conflict", "%s: %s"),
                                  iap_merge_source_get_name (source), iap_conflict_get_heading (conflict));
          g_string_append (text, " (");
          for (guint f = 0; f < g_list_model_get_n_items (fields); f++)
            {
              g_autoptr(IapChange) field = g_list_model_get_item (fields, f);

              if (f > 0)
                g_string_append (text, ", ");
              g_string_append (text, iap_change_get_field (field));
            }
          g_string_append (text, ")\n");
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * iap_merge_apply:
 *
 * Merges every file into the workshop, as one edit that one Undo
 * reverts: what the files add, and each conflict as decided. Refuses
 * while a conflict is undecided, and after the merge was applied once.
 *
 * Returns: whether the workshop was changed
 */
gboolean
iap_merge_apply (IapMerge  *self,
                 GError   **error)
{
  g_autoptr(GHashTable) renamed = NULL;

  g_return_val_if_fail (IAP_IS_MERGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->done)
    {
      g_set_error_literal (error, IAP_MERGE_ERROR, IAP_MERGE_ERROR_DONE,
                           _("These files were merged already."));
      return FALSE;
    }

  if (self->n_unresolved > 0)
    {
      g_autofree char *which = iap_merge_dup_unresolved (self);

      g_strchomp (which);
      g_set_error (error, IAP_MERGE_ERROR, IAP_MERGE_ERROR_UNRESOLVED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u conflict is not decided yet:\n%s",
                                "%u conflicts are not decided yet:\n%s", self->n_unresolved),
                   self->n_unresolved, which);
      return FALSE;
    }

  renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  iap_workshop_begin_edit (self->workshop, C_("undo", "Merge Workshops"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(IapMergeSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
      _iap_merge_run (self->workshop, source, renamed);
    }
  iap_workshop_end_edit (self->workshop);
  self->done = TRUE;

  return TRUE;
}

/**
 * iap_merge_source_name_for_file:
 *
 * Returns: (transfer full): the name a merge gives the risks of @file by
 *   default: its name without the suffix, “Ebe field office” for
 *   `Ebe field office.iapw`
 */
char *
iap_merge_source_name_for_file (GFile *file)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  base = g_file_get_basename (file);
  if (g_str_has_suffix (base, "~"))
    base[strlen (base) - 1] = '\0';
  if (g_str_has_suffix (base, ".iapw") && strlen (base) > strlen (".iapw"))
    base[strlen (base) - strlen (".iapw")] = '\0';

  return g_steal_pointer (&base);
}
