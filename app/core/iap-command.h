/* iap-command.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One reversible edit of a document. Commands are built by IapWorkshop's
 * edit functions and owned by an IapHistory; code outside core rarely
 * needs them, except for iap_command_new_custom() when an edit is neither
 * a property change nor a list insertion or removal. */
typedef struct _IapCommand IapCommand;

typedef void (*IapCommandFunc) (gpointer data);

IapCommand *iap_command_new_set       (GObject        *object,
                                       const char     *property,
                                       const GValue   *value);
IapCommand *iap_command_new_insert    (GListModel     *store,
                                       guint           position,
                                       gpointer        item);
IapCommand *iap_command_new_remove    (GListModel     *store,
                                       guint           position);
IapCommand *iap_command_new_group     (const char     *label);
IapCommand *iap_command_new_custom    (const char     *label,
                                       IapCommandFunc  redo,
                                       IapCommandFunc  undo,
                                       gpointer        data,
                                       GDestroyNotify  destroy);
void        iap_command_free          (IapCommand     *self);
void        iap_command_redo          (IapCommand     *self);
void        iap_command_undo          (IapCommand     *self);
const char *iap_command_get_label     (IapCommand     *self);
void        iap_command_set_label     (IapCommand     *self,
                                       const char     *label);
void        iap_command_add           (IapCommand     *group,
                                       IapCommand     *child);
guint       iap_command_get_size      (IapCommand     *self);
gboolean    iap_command_merge         (IapCommand     *self,
                                       IapCommand     *next);
gboolean    iap_command_is_noop       (IapCommand     *self);
void        iap_command_release_owner (IapCommand     *self,
                                       gpointer        owner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapCommand, iap_command_free)

G_END_DECLS
