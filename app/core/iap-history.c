/* iap-history.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-history"

#include "config.h"

#include "iap-i18n.h"

#include "iap-history.h"

/*
 * The undo and redo stacks of one document. A command is applied when it
 * is pushed, so "push" is the only way an edit happens; undo and redo
 * replay it. The save point is the depth of the undo stack when the
 * document was last saved: the document is modified whenever the depth
 * differs, and for good once the commands above the save point are
 * dropped by a new edit after an undo.
 */
struct _IapHistory
{
  GObject parent_instance;

  /* Owned */
  GPtrArray *undo_stack;
  GPtrArray *redo_stack;
  IapCommand *group;        /* open group, or NULL */

  guint group_depth;
  guint serial;             /* counts changes, for a save that runs while editing goes on */
  gint64 save_point;        /* -1 when the saved state is unreachable */
  guint can_merge : 1;
  guint busy : 1;
};

G_DEFINE_FINAL_TYPE (IapHistory, iap_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} State;

static State
get_state (IapHistory *self)
{
  State state = {
    iap_history_get_can_undo (self),
    iap_history_get_can_redo (self),
    iap_history_get_modified (self),
  };

  return state;
}

static void
notify_changes (IapHistory *self,
                State       before)
{
  State after = get_state (self);

  self->serial++;
  g_object_freeze_notify (G_OBJECT (self));
  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  /* Labels change with nearly every edit; notifying them always is
   * cheaper than comparing strings. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

static IapCommand *
peek (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

static void
iap_history_finalize (GObject *object)
{
  IapHistory *self = (IapHistory *)object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->group, iap_command_free);

  G_OBJECT_CLASS (iap_history_parent_class)->finalize (object);
}

static void
iap_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IapHistory *self = IAP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, iap_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, iap_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, iap_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, iap_history_get_redo_label (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, iap_history_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_history_class_init (IapHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_history_finalize;
  object_class->get_property = iap_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IapHistory::changed:
   *
   * Emitted after every edit, undo and redo: the one signal a view that
   * summarises the whole document (a chart, the summary page) needs.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
iap_history_init (IapHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)iap_command_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)iap_command_free);
}

IapHistory *
iap_history_new (void)
{
  return g_object_new (IAP_TYPE_HISTORY, NULL);
}

static void
drop_redo (IapHistory *self)
{
  if (self->redo_stack->len == 0)
    return;

  if (self->save_point > (gint64)self->undo_stack->len)
    self->save_point = -1;
  g_ptr_array_set_size (self->redo_stack, 0);
}

static void
record (IapHistory *self,
        IapCommand *command,
        gboolean    mergeable)
{
  State before = get_state (self);
  IapCommand *top = peek (self->undo_stack);

  if (self->group != NULL)
    {
      iap_command_add (self->group, command);
      return;
    }

  drop_redo (self);

  /* Merging into the command at the save point would hide the edit from
   * the modified state. */
  if (mergeable && self->can_merge && top != NULL &&
      self->save_point != (gint64)self->undo_stack->len &&
      iap_command_merge (top, command))
    iap_command_free (command);
  else
    g_ptr_array_add (self->undo_stack, command);

  self->can_merge = mergeable;
  notify_changes (self, before);
}

static void
push (IapHistory *self,
      IapCommand *command,
      gboolean    mergeable)
{
  g_return_if_fail (IAP_IS_HISTORY (self));
  g_return_if_fail (command != NULL);

  if (self->busy)
    {
      g_critical ("A document was edited while its history was undoing or redoing");
      iap_command_free (command);
      return;
    }

  self->busy = TRUE;
  iap_command_redo (command);
  self->busy = FALSE;

  record (self, command, mergeable);
}

/**
 * iap_history_push:
 * @command: (transfer full): an edit, not yet applied
 *
 * Applies @command and records it, in the open group if there is one.
 */
void
iap_history_push (IapHistory *self,
                  IapCommand *command)
{
  push (self, command, FALSE);
}

/**
 * iap_history_push_mergeable:
 * @command: (transfer full): a property edit, not yet applied
 *
 * Like iap_history_push(), but merges @command into the previous one if
 * that set the same property of the same object and was mergeable too:
 * typing in an entry is undone in one step.
 */
void
iap_history_push_mergeable (IapHistory *self,
                            IapCommand *command)
{
  push (self, command, TRUE);
}

/**
 * iap_history_begin:
 * @label: what the group does, as the undo menu item shows it
 *
 * Opens a group: the commands pushed until the matching
 * iap_history_end() are undone and redone as one. Groups nest; the
 * outermost label wins.
 */
void
iap_history_begin (IapHistory *self,
                   const char *label)
{
  g_return_if_fail (IAP_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->group = iap_command_new_group (label);
}

void
iap_history_end (IapHistory *self)
{
  IapCommand *group;

  g_return_if_fail (IAP_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (iap_command_get_size (group) == 0)
    {
      iap_command_free (group);
      return;
    }

  record (self, group, FALSE);
}

gboolean
iap_history_undo (IapHistory *self)
{
  State before;
  IapCommand *command;

  g_return_val_if_fail (IAP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->undo_stack->len == 0 || self->busy)
    return FALSE;

  before = get_state (self);
  command = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  self->busy = TRUE;
  iap_command_undo (command);
  self->busy = FALSE;
  g_ptr_array_add (self->redo_stack, command);
  self->can_merge = FALSE;
  notify_changes (self, before);

  return TRUE;
}

gboolean
iap_history_redo (IapHistory *self)
{
  State before;
  IapCommand *command;

  g_return_val_if_fail (IAP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->redo_stack->len == 0 || self->busy)
    return FALSE;

  before = get_state (self);
  command = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  self->busy = TRUE;
  iap_command_redo (command);
  self->busy = FALSE;
  g_ptr_array_add (self->undo_stack, command);
  self->can_merge = FALSE;
  notify_changes (self, before);

  return TRUE;
}

gboolean
iap_history_get_can_undo (IapHistory *self)
{
  g_return_val_if_fail (IAP_IS_HISTORY (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
iap_history_get_can_redo (IapHistory *self)
{
  g_return_val_if_fail (IAP_IS_HISTORY (self), FALSE);

  return self->redo_stack->len > 0;
}

/**
 * iap_history_get_undo_label:
 *
 * Returns: (nullable): what undo would revert, such as “Change Title”
 */
const char *
iap_history_get_undo_label (IapHistory *self)
{
  IapCommand *top;

  g_return_val_if_fail (IAP_IS_HISTORY (self), NULL);

  top = peek (self->undo_stack);

  return top != NULL ? iap_command_get_label (top) : NULL;
}

/**
 * iap_history_get_redo_label:
 *
 * Returns: (nullable): what redo would apply again
 */
const char *
iap_history_get_redo_label (IapHistory *self)
{
  IapCommand *top;

  g_return_val_if_fail (IAP_IS_HISTORY (self), NULL);

  top = peek (self->redo_stack);

  return top != NULL ? iap_command_get_label (top) : NULL;
}

gboolean
iap_history_get_modified (IapHistory *self)
{
  g_return_val_if_fail (IAP_IS_HISTORY (self), FALSE);

  return self->save_point != (gint64)self->undo_stack->len;
}

/**
 * iap_history_mark_saved:
 *
 * Records the current state as the one on disk.
 */
void
iap_history_mark_saved (IapHistory *self)
{
  State before;

  g_return_if_fail (IAP_IS_HISTORY (self));

  before = get_state (self);
  self->save_point = self->undo_stack->len;
  self->can_merge = FALSE;
  notify_changes (self, before);
}

/**
 * iap_history_mark_unsaved:
 *
 * Records that no state of the history is on disk, as for a document
 * recovered from a draft.
 */
void
iap_history_mark_unsaved (IapHistory *self)
{
  State before;

  g_return_if_fail (IAP_IS_HISTORY (self));

  before = get_state (self);
  self->save_point = -1;
  notify_changes (self, before);
}

/**
 * iap_history_clear:
 *
 * Forgets every command; the current state becomes the saved one.
 */
void
iap_history_clear (IapHistory *self)
{
  State before;

  g_return_if_fail (IAP_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  before = get_state (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->save_point = 0;
  self->can_merge = FALSE;
  notify_changes (self, before);
}

/**
 * iap_history_is_busy:
 *
 * Returns: %TRUE while a command is being applied, undone or redone;
 *   handlers of model notifications must not edit then
 */
gboolean
iap_history_is_busy (IapHistory *self)
{
  g_return_val_if_fail (IAP_IS_HISTORY (self), FALSE);

  return self->busy;
}

/**
 * iap_history_get_serial:
 *
 * Returns: a number that changes with every edit, undo and redo, so a
 *   save that ran in the background can tell whether the document it
 *   wrote is still the current one
 */
guint
iap_history_get_serial (IapHistory *self)
{
  g_return_val_if_fail (IAP_IS_HISTORY (self), 0);

  return self->serial;
}
