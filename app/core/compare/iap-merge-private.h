/* iap-merge-private.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "iap-compare-private.h"
#include "iap-conflict.h"
#include "iap-merge-source.h"

G_BEGIN_DECLS

/* What the merge builds of a file's preview and of its conflicts. */

IapMergeSource *_iap_merge_source_new           (IapWorkshop    *workshop,
                                                 const char     *name,
                                                 GDestroyNotify  free_op);
void            _iap_merge_source_add_change    (IapMergeSource *self,
                                                 IapChange      *change);
void            _iap_merge_source_add_conflict  (IapMergeSource *self,
                                                 IapConflict    *conflict);
GPtrArray      *_iap_merge_source_get_ops       (IapMergeSource *self);

IapConflict    *_iap_conflict_new               (const char     *subject,
                                                 const char     *id,
                                                 const char     *their_id,
                                                 const char     *heading,
                                                 const char     *source_name,
                                                 gboolean        can_keep_both);
void            _iap_conflict_add_field         (IapConflict    *self,
                                                 IapChange      *field);

/* Merging one file: the steps of iap-merge-plan.c, the values of
 * iap-merge-values.c. */

typedef struct
{
  IapWorkshop    *target;
  IapWorkshop    *theirs;
  const char     *name;
  IapMergeSource *preview;    /* while planning, where the additions are listed */
  GHashTable     *catalog;    /* "kind\nid" of their custom entry -> ours */
  GHashTable     *risk_ids;   /* their risk id -> ours */
  GHashTable     *renamed;    /* "subject\nplanned id" -> the id given, for every file */
  GHashTable     *origins;    /* while planning: which file added an item or filled a field */
} IapMergeExec;

void            _iap_merge_plan                 (IapWorkshop           *scratch,
                                                 IapMergeSource        *source,
                                                 GHashTable            *origins);
void            _iap_merge_run                  (IapWorkshop           *workshop,
                                                 IapMergeSource        *source,
                                                 GHashTable            *renamed);
void            _iap_merge_op_free              (gpointer               data);
char           *_iap_merge_map_ref              (IapMergeExec          *x,
                                                 const char            *kind,
                                                 const char            *id);
void            _iap_merge_put_strv             (IapMergeExec          *x,
                                                 GObject               *dest,
                                                 const char            *property,
                                                 GPtrArray             *strv,
                                                 gboolean               edit);
void            _iap_merge_take_field           (IapMergeExec          *x,
                                                 const IapCompareField *field,
                                                 GObject               *dest,
                                                 GObject               *theirs,
                                                 gboolean               edit);
gboolean        _iap_merge_join_links           (IapMergeExec          *x,
                                                 const IapCompareField *field,
                                                 GObject               *dest,
                                                 GObject               *theirs);

G_END_DECLS
