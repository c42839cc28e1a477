/* iap-merge-plan.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The steps of merging one file: add an item, update an item (fill in
 * what is empty, decide what conflicts), add options. Planning takes them
 * on a scratch copy of the workshop and lists what they add; running
 * takes them on the workshop itself.
 */

#define G_LOG_DOMAIN "iap-merge"

#include "config.h"

#include "iap-i18n.h"

#include "iap-merge-private.h"

/* What is merged --------------------------------------------------------- */

typedef struct
{
  const char            *subject;
  IapStep                step;
  const IapCompareField *fields;
  GListModel          *(*get_list) (IapWorkshop *workshop);
  const char            *prefix;
  gboolean               keeps_source;
} Kind;

static const Kind participant_kind = {
  "participant", IAP_STEP_SETUP, iap_compare_participant_fields, iap_workshop_get_participants, "p", FALSE
};
static const Kind risk_kind = {
  "risk", IAP_STEP_MATRIX, iap_compare_risk_fields, iap_workshop_get_risks, "r", TRUE
};
static const Kind mitigation_kind = {
  "mitigation", IAP_STEP_MITIGATION, iap_compare_mitigation_fields, iap_workshop_get_mitigations, "m", TRUE
};
static const Kind indicator_kind = {
  "indicator", IAP_STEP_CONTEXT, iap_compare_indicator_fields, NULL, NULL, FALSE
};
static const Kind context_kind = {
  "context", IAP_STEP_CONTEXT, iap_compare_context_fields, NULL, NULL, FALSE
};
static const Kind environment_kind = {
  "environment", IAP_STEP_CONTEXT, iap_compare_override_fields, NULL, NULL, FALSE
};
static const Kind recommendation_kind = {
  "recommendation", IAP_STEP_SUMMARY, iap_compare_recommendation_fields, NULL, NULL, FALSE
};
static const Kind factor_kind = {
  "factor", IAP_STEP_TRIPLE_HATTING, NULL, NULL, NULL, FALSE
};

typedef enum
{
  OP_ADD,
  OP_UPDATE,
  OP_OPTIONS,
} OpKind;

/* One field an update takes: a field of the kind's table, or for a
 * factor its weight (option NULL) or its score for an option. */
typedef struct
{
  const IapCompareField *field;
  char                  *option;
} Slot;

typedef struct
{
  OpKind       kind;
  const Kind  *what;
  char        *id;          /* the item's id where the step was planned */
  GObject     *theirs;      /* their item; their workshop for workshop fields */
  GPtrArray   *fills;       /* Slot: empty here, set there */
  GPtrArray   *conflicting; /* Slot: set on both sides, differently */
  IapConflict *conflict;
} Op;

static void
slot_free (gpointer data)
{
  Slot *slot = data;

  g_free (slot->option);
  g_free (slot);
}

void
_iap_merge_op_free (gpointer data)
{
  Op *op = data;

  g_free (op->id);
  g_clear_object (&op->theirs);
  g_clear_pointer (&op->fills, g_ptr_array_unref);
  g_clear_pointer (&op->conflicting, g_ptr_array_unref);
  g_clear_object (&op->conflict);
  g_free (op);
}

static Op *
op_new (OpKind      kind,
        const Kind *what,
        const char *id,
        gpointer    theirs)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->what = what;
  op->id = g_strdup (id);
  op->theirs = theirs != NULL ? g_object_ref (theirs) : NULL;
  op->fills = g_ptr_array_new_with_free_func (slot_free);
  op->conflicting = g_ptr_array_new_with_free_func (slot_free);

  return op;
}

static void
add_slot (GPtrArray             *slots,
          const IapCompareField *field,
          const char            *option)
{
  Slot *slot = g_new0 (Slot, 1);

  slot->field = field;
  slot->option = g_strdup (option);
  g_ptr_array_add (slots, slot);
}


static void
exec_init (IapMergeExec   *x,
           IapWorkshop    *target,
           IapMergeSource *source,
           GHashTable     *origins,
           GHashTable     *renamed)
{
  gboolean planning = origins != NULL;

  x->target = target;
  x->theirs = iap_merge_source_get_workshop (source);
  x->name = iap_merge_source_get_name (source);
  x->preview = planning ? source : NULL;
  x->catalog = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  x->risk_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  x->renamed = g_hash_table_ref (renamed);
  x->origins = origins;
}

static void
exec_clear (IapMergeExec *x)
{
  g_clear_pointer (&x->catalog, g_hash_table_unref);
  g_clear_pointer (&x->risk_ids, g_hash_table_unref);
  g_clear_pointer (&x->renamed, g_hash_table_unref);
}

static char *
origin_key (const Kind *what,
            const char *id,
            const char *field,
            const char *option)
{
  return g_strjoin ("\n", what->subject, id != NULL ? id : "", field != NULL ? field : "", option, NULL);
}

/* While planning: @item, or its @field, comes from this file. */
static void
set_origin (IapMergeExec *x,
            const Kind   *what,
            const char   *id,
            const char   *field,
            const char   *option)
{
  if (x->origins != NULL)
    g_hash_table_insert (x->origins, origin_key (what, id, field, option), g_strdup (x->name));
}

/* Which earlier file gave the value of @field, if one did. */
static const char *
get_origin (IapMergeExec *x,
            const Kind   *what,
            const char   *id,
            const char   *field,
            const char   *option)
{
  g_autofree char *key = origin_key (what, id, field, option);
  g_autofree char *item = origin_key (what, id, NULL, NULL);
  const char *origin = g_hash_table_lookup (x->origins, key);

  return origin != NULL ? origin : g_hash_table_lookup (x->origins, item);
}

/* A conflict's field in words: “Owner: “A” here, “B” in “Ebe”” */
static char *
dup_conflict_text (IapMergeExec *x,
                   const Kind   *what,
                   const char   *id,
                   const char   *field,
                   const char   *option,
                   const char   *label,
                   const char   *ours,
                   const char   *theirs)
{
  const char *origin = get_origin (x, what, id, field, option);

  if (origin != NULL)
    /* Translators: a conflict of a merge between two merged files: a
     * field, its value from the first file, that file's name, its value
     * in the second file, that file's name */
    return g_strdup_printf (C_("conflict", "%s: %s from “%s”, %s in “%s”"), label, ours, origin,
                            theirs, x->name);

  /* Translators: a conflict of a merge: a field, its value in the open
   * workshop, its value in the merged file, the file's name */
  return g_strdup_printf (C_("conflict", "%s: %s here, %s in “%s”"), label, ours, theirs, x->name);
}

static void
preview (IapMergeExec *x,
         IapChange    *change)
{
  if (x->preview != NULL)
    _iap_merge_source_add_change (x->preview, change);
  g_object_unref (change);
}

static char *
renamed_key (const Kind *what,
             const char *id)
{
  return g_strconcat (what->subject, "\n", id, NULL);
}

/* The id that the item planned as @id has here. */
static const char *
actual_id (IapMergeExec *x,
           const Kind   *what,
           const char   *id)
{
  g_autofree char *key = renamed_key (what, id);
  const char *given = g_hash_table_lookup (x->renamed, key);

  return given != NULL ? given : id;
}

static GObject *
lookup_item (IapMergeExec *x,
             const Kind   *what,
             const char   *id)
{
  if (what == &participant_kind)
    return G_OBJECT (iap_workshop_find_participant (x->target, id));
  if (what == &risk_kind)
    return G_OBJECT (iap_workshop_find_risk (x->target, id));
  if (what == &mitigation_kind)
    return G_OBJECT (iap_workshop_find_mitigation (x->target, id));
  if (what == &indicator_kind)
    return G_OBJECT (iap_workshop_find_indicator (x->target, id));

  return G_OBJECT (x->target);
}

static GObject *
find_item (IapMergeExec *x,
           const Kind   *what,
           const char   *id)
{
  return lookup_item (x, what, actual_id (x, what, id));
}

static gboolean
is_link (const IapCompareField *field)
{
  return field->type == IAP_VALUE_RISKS || field->type == IAP_VALUE_REFS;
}

static guint
number_of_risk (IapWorkshop *workshop,
                GObject     *risk)
{
  guint position = 0;

  g_list_store_find (G_LIST_STORE (iap_workshop_get_risks (workshop)), risk, &position);

  return position + 1;
}

static char *
heading_of (IapMergeExec *x,
            const Kind   *what,
            GObject      *item)
{
  if (what == &risk_kind)
    return _iap_compare_dup_heading ("risk", x->target, item, number_of_risk (x->target, item));
  if (what == &context_kind || what == &environment_kind || what == &recommendation_kind ||
      what == &participant_kind || what == &mitigation_kind || what == &indicator_kind)
    return _iap_compare_dup_heading (what->subject, x->target, item, 0);

  g_return_val_if_reached (NULL);
}

/* Adds a copy of their item @theirs; returns its id. */
static char *
add_copy (IapMergeExec *x,
          const Kind   *what,
          GObject      *theirs)
{
  GListModel *list = what->get_list (x->target);
  g_autofree char *their_id = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GObject) item = NULL;

  g_object_get (theirs, "id", &their_id, NULL);
  id = lookup_item (x, what, their_id) == NULL ? g_strdup (their_id)
                                               : iap_workshop_new_id (x->target, list, what->prefix);

  item = g_object_new (G_OBJECT_TYPE (theirs), "id", id, NULL);
  for (const IapCompareField *field = what->fields; field->name != NULL; field++)
    _iap_merge_take_field (x, field, item, theirs, FALSE);
  if (what->keeps_source)
    {
      g_autofree char *source = NULL;

      g_object_get (theirs, "source", &source, NULL);
      g_object_set (item, "source", source != NULL && *source != '\0' ? source : x->name, NULL);
    }
  iap_workshop_insert (x->target, list, g_list_model_get_n_items (list), item);

  if (what == &risk_kind)
    g_hash_table_insert (x->risk_ids, g_strdup (their_id), g_strdup (id));
  set_origin (x, what, id, NULL, NULL);

  if (x->preview != NULL)
    {
      g_autofree char *heading = heading_of (x, what, item);
      IapChange *change = _iap_change_new (what->step, IAP_CHANGE_ADDED, what->subject, id);

      _iap_change_set_text (change, heading, C_("change", "Added"));
      if (what == &risk_kind)
        _iap_change_set_number (change, number_of_risk (x->target, item));
      preview (x, change);
    }

  return g_steal_pointer (&id);
}

static void
exec_add (IapMergeExec *x,
          Op           *op)
{
  g_autofree char *id = NULL;

  if (op->what == &indicator_kind)
    {
      IapIndicatorAnswer *answer = IAP_INDICATOR_ANSWER (op->theirs);

      iap_workshop_set_indicator (x->target, op->id, iap_indicator_answer_get_answer (answer),
                                  iap_indicator_answer_get_note (answer));
      if (x->preview != NULL)
        {
          GObject *item = find_item (x, op->what, op->id);
          g_autofree char *heading = heading_of (x, op->what, item);
          IapChange *change = _iap_change_new (IAP_STEP_CONTEXT, IAP_CHANGE_ADDED, "indicator", op->id);
          g_autofree char *description =
            /* Translators: an indicator the merge answers, with its answer */
            g_strdup_printf (C_("change", "Answered: %s"),
                             _iap_compare_choice_label ("answer", iap_indicator_answer_get_answer (answer)));

          _iap_change_set_text (change, heading, description);
          preview (x, change);
        }
      return;
    }

  id = add_copy (x, op->what, op->theirs);
  if (x->preview != NULL)
    {
      g_free (op->id);
      op->id = g_strdup (id);
    }
  else if (!g_str_equal (id, op->id))
    g_hash_table_insert (x->renamed, renamed_key (op->what, op->id), g_strdup (id));
}

/* Factors ---------------------------------------------------------------- */

static int
score_of (IapFactorScore *score,
          const char     *option)
{
  guint value;

  if (score == NULL || !iap_factor_score_lookup (score, option, &value))
    return -1;

  return value;
}

static char *
slot_text (int value)
{
  return value < 0 ? g_strdup (C_("change value", "none")) : g_strdup_printf ("%d", value);
}

static char *
slot_label (IapMergeExec *x,
            const Slot   *slot)
{
  g_autofree char *option = NULL;

  if (slot->option == NULL)
    return g_strdup (C_("change field", "Weight"));

  option = _iap_compare_dup_ref_label (x->theirs, IAP_CATALOG_OPTION, slot->option);
  return g_strdup_printf (C_("change field", "Score for %s"), option);
}

/* Their value of a factor's slot, and ours (-1: none) */
static void
factor_values (IapMergeExec   *x,
               IapFactorScore *theirs,
               const char     *factor,
               const Slot     *slot,
               int            *ours_value,
               int            *their_value)
{
  IapFactorScore *ours = iap_workshop_find_factor_score (x->target, factor);

  if (slot->option == NULL)
    {
      *their_value = iap_factor_score_get_weight (theirs) > 0 ? (int)iap_factor_score_get_weight (theirs) : -1;
      *ours_value = ours != NULL && iap_factor_score_get_weight (ours) > 0 ? (int)iap_factor_score_get_weight (ours) : -1;
    }
  else
    {
      g_autofree char *option = _iap_merge_map_ref (x, IAP_CATALOG_OPTION, slot->option);

      *their_value = score_of (theirs, slot->option);
      *ours_value = score_of (ours, option);
    }
}

static IapChange *
factor_change (IapMergeExec   *x,
               IapFactorScore *theirs,
               const char     *factor,
               const Slot     *slot,
               gboolean        conflict)
{
  g_autofree char *label = slot_label (x, slot);
  g_autofree char *entry = _iap_compare_dup_ref_label (x->target, IAP_CATALOG_FACTOR, factor);
  g_autofree char *heading = g_strdup_printf (C_("change heading", "Factor: %s"), entry);
  g_autofree char *ours_text = NULL;
  g_autofree char *their_text = NULL;
  g_autofree char *ours_raw = NULL;
  g_autofree char *their_raw = NULL;
  g_autofree char *description = NULL;
  IapChange *change;
  int ours, their;

  factor_values (x, theirs, factor, slot, &ours, &their);
  ours_text = slot_text (ours);
  their_text = slot_text (their);
  ours_raw = ours >= 0 ? g_strdup_printf ("%d", ours) : NULL;
  their_raw = their >= 0 ? g_strdup_printf ("%d", their) : NULL;
  description = conflict
    ? dup_conflict_text (x, &factor_kind, factor, slot->option == NULL ? "weight" : "score", slot->option,
                         label, ours_text, their_text)
    : g_strdup_printf (C_("change", "%s: %s → %s"), label, ours_text, their_text);

  change = _iap_change_new (IAP_STEP_TRIPLE_HATTING, IAP_CHANGE_CHANGED, "factor", factor);
  _iap_change_set_field (change, slot->option == NULL ? "weight" : "score", slot->option);
  _iap_change_set_values (change, ours_raw, their_raw);
  _iap_change_set_text (change, heading, description);

  return change;
}

static void
take_factor_slot (IapMergeExec   *x,
                  IapFactorScore *theirs,
                  const char     *factor,
                  const Slot     *slot)
{
  g_autofree char *option = NULL;
  int value;

  if (slot->option == NULL)
    {
      iap_workshop_set_factor_weight (x->target, factor, iap_factor_score_get_weight (theirs));
      return;
    }

  option = _iap_merge_map_ref (x, IAP_CATALOG_OPTION, slot->option);
  if ((value = score_of (theirs, slot->option)) >= 0)
    iap_workshop_set_factor_score (x->target, factor, option, value);
}

static void
exec_factor (IapMergeExec *x,
             Op           *op)
{
  IapFactorScore *theirs = IAP_FACTOR_SCORE (op->theirs);
  IapResolution resolution = op->conflict != NULL ? iap_conflict_get_resolution (op->conflict)
                                                  : IAP_RESOLUTION_NONE;
  g_autofree char *factor = _iap_merge_map_ref (x, IAP_CATALOG_FACTOR, iap_factor_score_get_factor (theirs));

  for (guint s = 0; s < op->fills->len; s++)
    {
      Slot *slot = op->fills->pdata[s];

      if (x->preview != NULL)
        preview (x, factor_change (x, theirs, factor, slot, FALSE));
      take_factor_slot (x, theirs, factor, slot);
      set_origin (x, &factor_kind, factor, slot->option == NULL ? "weight" : "score", slot->option);
    }

  if (resolution == IAP_RESOLUTION_THEIRS)
    for (guint s = 0; s < op->conflicting->len; s++)
      take_factor_slot (x, theirs, factor, op->conflicting->pdata[s]);
}

/* Updates ---------------------------------------------------------------- */

static void
exec_update (IapMergeExec *x,
             Op           *op)
{
  IapResolution resolution = op->conflict != NULL ? iap_conflict_get_resolution (op->conflict)
                                                  : IAP_RESOLUTION_NONE;
  GObject *item;
  g_autofree char *heading = NULL;

  if (op->what == &factor_kind)
    {
      exec_factor (x, op);
      return;
    }

  if (resolution == IAP_RESOLUTION_BOTH)
    {
      g_free (add_copy (x, op->what, op->theirs));
      return;
    }

  item = find_item (x, op->what, op->id);
  g_return_if_fail (item != NULL);
  if (x->preview != NULL)
    heading = heading_of (x, op->what, item);

  for (guint s = 0; s < op->fills->len; s++)
    {
      Slot *slot = op->fills->pdata[s];

      if (x->preview != NULL)
        preview (x, _iap_compare_field_change (op->what->step, op->what->subject, op->id, slot->field,
                                               x->target, item, x->theirs, op->theirs, heading));
      _iap_merge_take_field (x, slot->field, item, op->theirs, TRUE);
      set_origin (x, op->what, op->id, slot->field->name, NULL);
    }

  if (resolution == IAP_RESOLUTION_THEIRS)
    for (guint s = 0; s < op->conflicting->len; s++)
      _iap_merge_take_field (x, ((Slot *)op->conflicting->pdata[s])->field, item, op->theirs, TRUE);

  for (const IapCompareField *field = op->what->fields; field->name != NULL; field++)
    {
      g_autofree char *before = NULL;

      if (!is_link (field))
        continue;
      if (x->preview != NULL)
        before = _iap_compare_dup_display (field, x->target, item);
      if (_iap_merge_join_links (x, field, item, op->theirs) && x->preview != NULL)
        {
          g_autofree char *after = _iap_compare_dup_display (field, x->target, item);
          g_autofree char *description = g_strdup_printf (C_("change", "%s: %s → %s"),
                                                          _iap_compare_field_label (field), before, after);
          IapChange *change = _iap_change_new (op->what->step, IAP_CHANGE_CHANGED, op->what->subject, op->id);

          _iap_change_set_field (change, field->name, NULL);
          _iap_change_set_text (change, heading, description);
          preview (x, change);
        }
    }

  if (op->what == &risk_kind)
    g_hash_table_insert (x->risk_ids, g_strdup (iap_risk_get_id (IAP_RISK (op->theirs))),
                         g_strdup (actual_id (x, op->what, op->id)));
}

static void
exec_options (IapMergeExec *x)
{
  const char * const *theirs = iap_workshop_get_options (x->theirs);
  const char * const *ours = iap_workshop_get_options (x->target);
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (g_free);
  guint n_ours;

  for (guint i = 0; ours != NULL && ours[i] != NULL; i++)
    g_ptr_array_add (options, g_strdup (ours[i]));
  n_ours = options->len;

  for (guint i = 0; theirs != NULL && theirs[i] != NULL; i++)
    {
      g_autofree char *option = _iap_merge_map_ref (x, IAP_CATALOG_OPTION, theirs[i]);

      if (g_ptr_array_find_with_equal_func (options, option, g_str_equal, NULL))
        continue;
      if (x->preview != NULL)
        {
          g_autofree char *label = _iap_compare_dup_ref_label (x->target, IAP_CATALOG_OPTION, option);
          g_autofree char *heading = g_strdup_printf (C_("change heading", "Option: %s"), label);
          IapChange *change = _iap_change_new (IAP_STEP_TRIPLE_HATTING, IAP_CHANGE_ADDED, "option", option);

          _iap_change_set_text (change, heading, C_("change", "Now under consideration"));
          preview (x, change);
        }
      g_ptr_array_add (options, g_steal_pointer (&option));
    }

  if (options->len > n_ours)
    _iap_merge_put_strv (x, G_OBJECT (x->target), "options", options, TRUE);
}

static void
exec_op (IapMergeExec *x,
         Op           *op)
{
  switch (op->kind)
    {
    case OP_ADD:
      exec_add (x, op);
      break;

    case OP_UPDATE:
      exec_update (x, op);
      break;

    case OP_OPTIONS:
      exec_options (x);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Planning --------------------------------------------------------------- */

static void
plan (IapMergeExec *x,
      GPtrArray    *ops,
      Op           *op)
{
  g_ptr_array_add (ops, op);
  exec_op (x, op);
}

static IapConflict *
new_conflict (IapMergeExec *x,
              const Kind   *what,
              const char   *id,
              const char   *their_id,
              const char   *heading)
{
  gboolean apart = what == &risk_kind || what == &mitigation_kind;

  return _iap_conflict_new (what->subject, id, their_id, heading, x->name, apart);
}

/* Whether a value says nothing a merge could take: empty, or an answer
 * “unknown”, which a known answer replaces and never conflicts with. */
static gboolean
is_blank (const IapCompareField *field,
          const char            *key)
{
  return *key == '\0' ||
         (field->type == IAP_VALUE_CHOICE && g_strcmp0 (field->kind, "answer") == 0 &&
          g_str_equal (key, "unknown"));
}

/* The fields @item here and @theirs there disagree on, or that only they
 * fill in. */
static Op *
plan_update (IapMergeExec *x,
             const Kind   *what,
             GObject      *item,
             const char   *id,
             GObject      *theirs,
             const char   *their_id)
{
  IapScales *scales = iap_workshop_get_scales (x->target);
  IapCompareSide ours_side = { x->target, NULL, 0, 0 };
  IapCompareSide their_side = { x->theirs, x->risk_ids,
                                iap_scales_get_n_likelihood (scales), iap_scales_get_n_impact (scales) };
  Op *op = op_new (OP_UPDATE, what, id, theirs);
  g_autofree char *heading = NULL;

  for (const IapCompareField *field = what->fields; field->name != NULL; field++)
    {
      g_autofree char *ours_key = NULL;
      g_autofree char *their_key = NULL;

      if (is_link (field))
        continue;
      ours_key = _iap_compare_dup_key (field, &ours_side, item);
      their_key = _iap_compare_dup_key (field, &their_side, theirs);
      if (is_blank (field, their_key) || g_str_equal (ours_key, their_key))
        continue;
      add_slot (is_blank (field, ours_key) ? op->fills : op->conflicting, field, NULL);
    }

  if (op->conflicting->len == 0)
    return op;

  heading = heading_of (x, what, item);
  op->conflict = new_conflict (x, what, id, their_id, heading);
  for (guint s = 0; s < op->conflicting->len; s++)
    {
      const IapCompareField *field = ((Slot *)op->conflicting->pdata[s])->field;
      g_autoptr(IapChange) change = _iap_compare_field_change (what->step, what->subject, id, field,
                                                               x->target, item, x->theirs, theirs, heading);
      g_autofree char *ours_text = _iap_compare_dup_display (field, x->target, item);
      g_autofree char *their_text = _iap_compare_dup_display (field, x->theirs, theirs);
      g_autofree char *description = dup_conflict_text (x, what, id, field->name, NULL,
                                                        _iap_compare_field_label (field),
                                                        ours_text, their_text);

      _iap_change_set_text (change, heading, description);
      _iap_conflict_add_field (op->conflict, change);
    }

  return op;
}

static void
plan_list (IapMergeExec *x,
           GPtrArray    *ops,
           const Kind   *what,
           GListStore   *matches)
{
  GListModel *theirs = what->get_list (x->theirs);
  g_autoptr(GHashTable) ours_of = g_hash_table_new (NULL, NULL);

  for (guint m = 0; m < g_list_model_get_n_items (G_LIST_MODEL (matches)); m++)
    {
      g_autoptr(IapMatch) match = g_list_model_get_item (G_LIST_MODEL (matches), m);

      g_hash_table_insert (ours_of, iap_match_get_new (match), iap_match_get_old (match));
    }

  for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (theirs, i);
      GObject *ours = g_hash_table_lookup (ours_of, item);
      g_autofree char *their_id = NULL;
      g_autofree char *id = NULL;

      g_object_get (item, "id", &their_id, NULL);
      if (ours == NULL)
        {
          plan (x, ops, op_new (OP_ADD, what, their_id, item));
          continue;
        }

      g_object_get (ours, "id", &id, NULL);
      plan (x, ops, plan_update (x, what, ours, id, item, their_id));
    }
}

static void
plan_indicators (IapMergeExec *x,
                 GPtrArray    *ops)
{
  GListModel *theirs = iap_workshop_get_indicators (x->theirs);

  for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
    {
      g_autoptr(IapIndicatorAnswer) answer = g_list_model_get_item (theirs, i);
      const char *id = iap_indicator_answer_get_indicator (answer);
      IapIndicatorAnswer *ours = iap_workshop_find_indicator (x->target, id);

      if (ours == NULL)
        plan (x, ops, op_new (OP_ADD, &indicator_kind, id, answer));
      else
        plan (x, ops, plan_update (x, &indicator_kind, G_OBJECT (ours), id, G_OBJECT (answer), id));
    }
}

static void
plan_factor (IapMergeExec   *x,
             GPtrArray      *ops,
             IapFactorScore *theirs)
{
  g_autofree char *factor = _iap_merge_map_ref (x, IAP_CATALOG_FACTOR, iap_factor_score_get_factor (theirs));
  Op *op = op_new (OP_UPDATE, &factor_kind, factor, theirs);
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (slot_free);
  GVariantIter iter;
  const char *option;
  guint value;

  add_slot (slots, NULL, NULL);
  g_variant_iter_init (&iter, iap_factor_score_get_scores (theirs));
  while (g_variant_iter_next (&iter, "{&su}", &option, &value))
    add_slot (slots, NULL, option);

  for (guint s = 0; s < slots->len; s++)
    {
      Slot *slot = slots->pdata[s];
      int ours, their;

      factor_values (x, theirs, factor, slot, &ours, &their);
      if (their < 0 || ours == their)
        continue;
      add_slot (ours < 0 ? op->fills : op->conflicting, NULL, slot->option);
    }

  if (op->conflicting->len > 0)
    {
      g_autofree char *entry = _iap_compare_dup_ref_label (x->target, IAP_CATALOG_FACTOR, factor);
      g_autofree char *heading = g_strdup_printf (C_("change heading", "Factor: %s"), entry);

      op->conflict = new_conflict (x, &factor_kind, factor, iap_factor_score_get_factor (theirs), heading);
      for (guint s = 0; s < op->conflicting->len; s++)
        {
          g_autoptr(IapChange) change = factor_change (x, theirs, factor, op->conflicting->pdata[s], TRUE);

          _iap_conflict_add_field (op->conflict, change);
        }
    }

  plan (x, ops, op);
}

static void
plan_factors (IapMergeExec *x,
              GPtrArray    *ops)
{
  GListModel *theirs = iap_workshop_get_factor_scores (x->theirs);

  for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
    {
      g_autoptr(IapFactorScore) score = g_list_model_get_item (theirs, i);

      plan_factor (x, ops, score);
    }
}

static void
plan_workshop (IapMergeExec *x,
               GPtrArray    *ops,
               const Kind   *what)
{
  plan (x, ops, plan_update (x, what, G_OBJECT (x->target), NULL, G_OBJECT (x->theirs), NULL));
}

static void
list_conflicts (IapMergeSource *source,
                GPtrArray      *ops)
{
  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = ops->pdata[i];

      if (op->conflict != NULL)
        _iap_merge_source_add_conflict (source, op->conflict);
    }
}

/**
 * _iap_merge_plan:
 * @scratch: the workshop as it will be after the files before @source
 * @origins: which file added each item or filled each field of @scratch
 *
 * Lists the steps of merging @source, what it adds and what conflicts,
 * and takes them on @scratch, its conflicts kept as ours.
 */
void
_iap_merge_plan (IapWorkshop    *scratch,
                 IapMergeSource *source,
                 GHashTable     *origins)
{
  GPtrArray *ops = _iap_merge_source_get_ops (source);
  IapWorkshop *theirs = iap_merge_source_get_workshop (source);
  g_autoptr(GListStore) participants = iap_match_participants (scratch, theirs);
  g_autoptr(GListStore) risks = iap_match_risks (scratch, theirs);
  g_autoptr(GListStore) mitigations = iap_match_mitigations (scratch, theirs);
  g_autoptr(GHashTable) renamed = g_hash_table_new (g_str_hash, g_str_equal);
  IapMergeExec x;

  exec_init (&x, scratch, source, origins, renamed);
  plan_list (&x, ops, &participant_kind, participants);
  plan_workshop (&x, ops, &context_kind);
  plan_indicators (&x, ops);
  plan_workshop (&x, ops, &environment_kind);
  plan_list (&x, ops, &risk_kind, risks);
  plan (&x, ops, op_new (OP_OPTIONS, &factor_kind, NULL, NULL));
  plan_factors (&x, ops);
  plan_list (&x, ops, &mitigation_kind, mitigations);
  plan_workshop (&x, ops, &recommendation_kind);
  exec_clear (&x);

  list_conflicts (source, ops);
}

/**
 * _iap_merge_run:
 * @renamed: the ids that items added by earlier files were given
 *
 * Takes the steps of @source on @workshop, each conflict as decided.
 */
void
_iap_merge_run (IapWorkshop    *workshop,
                IapMergeSource *source,
                GHashTable     *renamed)
{
  GPtrArray *ops = _iap_merge_source_get_ops (source);
  IapMergeExec x;

  exec_init (&x, workshop, source, NULL, renamed);
  for (guint o = 0; o < ops->len; o++)
    exec_op (&x, ops->pdata[o]);
  exec_clear (&x);
}
