/* iap-merge-source.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One file of a merge, as its preview shows it: what it adds to the open
 * workshop and what conflicts with it.
 */

#define G_LOG_DOMAIN "iap-merge"

#include "config.h"

#include "iap-i18n.h"

#include "iap-merge-private.h"
#include "iap-merge-source.h"

struct _IapMergeSource
{
  GObject parent_instance;

  /* Owned */
  char *name;
  IapWorkshop *workshop;
  GListStore *additions;
  GListStore *conflicts;
  guint n_unresolved;
  GPtrArray *ops;
};

G_DEFINE_FINAL_TYPE (IapMergeSource, iap_merge_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_N_UNRESOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_merge_source_dispose (GObject *object)
{
  IapMergeSource *self = (IapMergeSource *)object;

  g_clear_pointer (&self->ops, g_ptr_array_unref);
  g_clear_object (&self->workshop);
  g_clear_object (&self->additions);
  g_clear_object (&self->conflicts);

  G_OBJECT_CLASS (iap_merge_source_parent_class)->dispose (object);
}

static void
iap_merge_source_finalize (GObject *object)
{
  IapMergeSource *self = (IapMergeSource *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (iap_merge_source_parent_class)->finalize (object);
}

static void
iap_merge_source_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IapMergeSource *self = IAP_MERGE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_N_UNRESOLVED:
      g_value_set_uint (value, self->n_unresolved);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_merge_source_class_init (IapMergeSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iap_merge_source_dispose;
  object_class->finalize = iap_merge_source_finalize;
  object_class->get_property = iap_merge_source_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_UNRESOLVED] =
    g_param_spec_uint ("n-unresolved", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_merge_source_init (IapMergeSource *self)
{
  self->additions = g_list_store_new (IAP_TYPE_CHANGE);
  self->conflicts = g_list_store_new (IAP_TYPE_CONFLICT);
}

static void
recount (IapMergeSource *self)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)); i++)
    {
      g_autoptr(IapConflict) conflict = g_list_model_get_item (G_LIST_MODEL (self->conflicts), i);

      n += iap_conflict_get_resolution (conflict) == IAP_RESOLUTION_NONE;
    }

  if (n == self->n_unresolved)
    return;

  self->n_unresolved = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNRESOLVED]);
}

/* For the merge ---------------------------------------------------------- */

IapMergeSource *
_iap_merge_source_new (IapWorkshop    *workshop,
                       const char     *name,
                       GDestroyNotify  free_op)
{
  IapMergeSource *self = g_object_new (IAP_TYPE_MERGE_SOURCE, NULL);

  self->workshop = g_object_ref (workshop);
  self->name = g_strdup (name);
  self->ops = g_ptr_array_new_with_free_func (free_op);

  return self;
}

void
_iap_merge_source_add_change (IapMergeSource *self,
                              IapChange      *change)
{
  g_list_store_append (self->additions, change);
}

void
_iap_merge_source_add_conflict (IapMergeSource *self,
                                IapConflict    *conflict)
{
  g_list_store_append (self->conflicts, conflict);
  g_signal_connect_object (conflict, "notify::resolution", G_CALLBACK (recount), self,
                           G_CONNECT_SWAPPED);
  recount (self);
}

/* The steps of the merge, in the order they are taken; the merge owns
 * what they are. */
GPtrArray *
_iap_merge_source_get_ops (IapMergeSource *self)
{
  return self->ops;
}

/* Public API ------------------------------------------------------------- */

/**
 * iap_merge_source_get_name:
 *
 * Returns: the name the merged risks and measures keep as their source,
 *   such as “Ebe field office”
 */
const char *
iap_merge_source_get_name (IapMergeSource *self)
{
  g_return_val_if_fail (IAP_IS_MERGE_SOURCE (self), NULL);

  return self->name;
}

IapWorkshop *
iap_merge_source_get_workshop (IapMergeSource *self)
{
  g_return_val_if_fail (IAP_IS_MERGE_SOURCE (self), NULL);

  return self->workshop;
}

/**
 * iap_merge_source_get_additions:
 *
 * Returns: (transfer none): an #IapChange for each thing the file adds:
 *   items the open workshop does not have, and values it leaves empty
 */
GListModel *
iap_merge_source_get_additions (IapMergeSource *self)
{
  g_return_val_if_fail (IAP_IS_MERGE_SOURCE (self), NULL);

  return G_LIST_MODEL (self->additions);
}

/**
 * iap_merge_source_get_conflicts:
 *
 * Returns: (transfer none): the #IapConflict items, in the order of the
 *   steps
 */
GListModel *
iap_merge_source_get_conflicts (IapMergeSource *self)
{
  g_return_val_if_fail (IAP_IS_MERGE_SOURCE (self), NULL);

  return G_LIST_MODEL (self->conflicts);
}

guint
iap_merge_source_get_n_unresolved (IapMergeSource *self)
{
  g_return_val_if_fail (IAP_IS_MERGE_SOURCE (self), 0);

  return self->n_unresolved;
}

static guint
count_added (IapMergeSource *self,
             const char     *subject)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->additions)); i++)
    {
      g_autoptr(IapChange) change = g_list_model_get_item (G_LIST_MODEL (self->additions), i);

      n += iap_change_get_kind (change) == IAP_CHANGE_ADDED &&
           g_str_equal (iap_change_get_subject (change), subject);
    }

  return n;
}

/* Takes @part, a count; leaves a count of 0 out. */
static void
append_count (GString *text,
              guint    n,
              char    *part)
{
  if (n > 0)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, part);
    }
  g_free (part);
}

/**
 * iap_merge_source_dup_summary:
 *
 * Returns: (transfer full): what the file brings, in words: “3 new risks,
 *   2 new measures, 5 other additions, 1 conflict”
 */
char *
iap_merge_source_dup_summary (IapMergeSource *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint risks, measures, participants, others, conflicts;

  g_return_val_if_fail (IAP_IS_MERGE_SOURCE (self), NULL);

  risks = count_added (self, "risk");
  measures = count_added (self, "mitigation");
  participants = count_added (self, "participant");
  others = g_list_model_get_n_items (G_LIST_MODEL (self->additions)) - risks - measures - participants;
  conflicts = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));

  if (risks + measures + participants + others + conflicts == 0)
    return g_strdup (C_("merge", "Nothing to add"));

  append_count (text, risks,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new risk", "%u new risks", risks),
                                 risks));
  append_count (text, measures,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new measure", "%u new measures", measures),
                                 measures));
  append_count (text, participants,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new participant", "%u new participants", participants),
                                 participants));
  append_count (text, others,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other addition", "%u other additions", others),
                                 others));
  append_count (text, conflicts,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", conflicts),
                                 conflicts));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * iap_merge_source_dup_left_out:
 *
 * Returns: (transfer full) (nullable): what of the file a merge does not
 *   take, in words, or %NULL when it has none of it
 */
char *
iap_merge_source_dup_left_out (IapMergeSource *self)
{
  guint rounds, dissents;

  g_return_val_if_fail (IAP_IS_MERGE_SOURCE (self), NULL);

  rounds = g_list_model_get_n_items (iap_workshop_get_rounds (self->workshop));
  dissents = g_list_model_get_n_items (iap_workshop_get_dissents (self->workshop));
  if (rounds == 0 && dissents == 0)
    return NULL;

  /* Translators: what a merge leaves out of a file: its scoring rounds
   * (private scores of its own room) and its recorded dissents */
  return g_strdup_printf (C_("merge", "Not merged: the file’s own scoring rounds (%u) and dissents (%u)"),
                          rounds, dissents);
}
