/* iap-rating-list.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The ratings of a round (or its factor ratings), held compactly: a
 * record of ids and levels each, the ids interned once per list. The
 * list is a GListModel of #IapRating (or #IapFactorRating) all the
 * same: an item is made when it is first asked for, and from then on
 * holds the values of its record. Private to the application: rounds
 * return it as a GListModel; edits, commands and the file reader use
 * the functions below.
 *
 * A record is keyed by two ids (participant, risk) or three
 * (participant, factor, option), each by its index among the list's ids
 * of that key.
 */

#define IAP_TYPE_RATING_LIST (iap_rating_list_get_type ())

G_DECLARE_FINAL_TYPE (IapRatingList, iap_rating_list, IAP, RATING_LIST, GObject)

/* The ids of a record */
typedef enum
{
  IAP_RATING_KEY_PARTICIPANT,
  IAP_RATING_KEY_SUBJECT,       /* the risk, or the factor */
  IAP_RATING_KEY_OPTION,
} IapRatingKey;

typedef struct _IapRatingRemoval IapRatingRemoval;

IapRatingList *iap_rating_list_new            (gboolean       factors);
gboolean       iap_rating_list_is_factors     (IapRatingList *self);
guint          iap_rating_list_intern         (IapRatingList *self,
                                               IapRatingKey   key,
                                               const char    *id);
gboolean       iap_rating_list_find_id        (IapRatingList *self,
                                               IapRatingKey   key,
                                               const char    *id,
                                               guint         *index);
const char    *iap_rating_list_get_id         (IapRatingList *self,
                                               IapRatingKey   key,
                                               guint          index);
guint          iap_rating_list_get_n_ids      (IapRatingList *self,
                                               IapRatingKey   key);
gboolean       iap_rating_list_lookup         (IapRatingList *self,
                                               guint          participant,
                                               guint          subject,
                                               guint          option,
                                               guint         *position);
gboolean       iap_rating_list_lookup_ids     (IapRatingList *self,
                                               const char    *participant,
                                               const char    *subject,
                                               const char    *option,
                                               guint         *position);
void           iap_rating_list_get            (IapRatingList *self,
                                               guint          position,
                                               const char   **participant,
                                               const char   **subject,
                                               const char   **option,
                                               guint         *first,
                                               guint         *second);
void           iap_rating_list_get_keys       (IapRatingList *self,
                                               guint          position,
                                               guint         *key);
gpointer       iap_rating_list_peek_item      (IapRatingList *self,
                                               guint          position);
gpointer       iap_rating_list_make_item      (IapRatingList *self,
                                               guint          position);
void           iap_rating_list_append         (IapRatingList *self,
                                               guint          participant,
                                               guint          subject,
                                               guint          option,
                                               guint          first,
                                               guint          second);
void           iap_rating_list_appended       (IapRatingList *self,
                                               guint          from);
void           iap_rating_list_take           (IapRatingList *self,
                                               IapRatingList *other);
void           iap_rating_list_insert         (IapRatingList *self,
                                               guint          position,
                                               gpointer       item);
void           iap_rating_list_remove         (IapRatingList *self,
                                               guint          position);
gboolean       iap_rating_list_find_item      (IapRatingList *self,
                                               gpointer       item,
                                               guint         *position);
IapRatingRemoval *
               iap_rating_list_prepare_removal (IapRatingList *self,
                                                IapRatingKey   key,
                                                const char    *id);
void           iap_rating_removal_redo        (IapRatingRemoval *removal);
void           iap_rating_removal_undo        (IapRatingRemoval *removal);
void           iap_rating_removal_free        (IapRatingRemoval *removal);

G_END_DECLS
