/* iap-match.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

/* How two items of two workshops were found to be the same. */
typedef enum
{
  IAP_MATCH_ID,     /* the same identifier, and the same place or a similar title */
  IAP_MATCH_TITLE,  /* the same arrangement and area (or measure) and a similar
                     * title: probably the same, for the facilitator to confirm */
  IAP_MATCH_NAME,   /* participants: the same name */
} IapMatchMethod;

/* The least title similarity, in percent, that proposes a match. */
#define IAP_MATCH_MIN_SIMILARITY 60

#define IAP_TYPE_MATCH (iap_match_get_type ())

G_DECLARE_FINAL_TYPE (IapMatch, iap_match, IAP, MATCH, GObject)

IapMatch       *iap_match_new                (gpointer        old_item,
                                              gpointer        new_item,
                                              IapMatchMethod  method,
                                              guint           similarity);
gpointer        iap_match_get_old            (IapMatch       *self);
gpointer        iap_match_get_new            (IapMatch       *self);
IapMatchMethod  iap_match_get_method         (IapMatch       *self);
const char     *iap_match_method_to_id       (IapMatchMethod  method);
guint           iap_match_get_similarity     (IapMatch       *self);
gboolean        iap_match_get_confirmed      (IapMatch       *self);
void            iap_match_set_confirmed      (IapMatch       *self,
                                              gboolean        confirmed);

guint           iap_match_similarity         (const char     *a,
                                              const char     *b);
char           *iap_match_canonical_ref      (IapWorkshop    *workshop,
                                              const char     *kind,
                                              const char     *id);
GListStore     *iap_match_risks              (IapWorkshop    *old_workshop,
                                              IapWorkshop    *new_workshop);
GListStore     *iap_match_mitigations        (IapWorkshop    *old_workshop,
                                              IapWorkshop    *new_workshop);
GListStore     *iap_match_participants       (IapWorkshop    *old_workshop,
                                              IapWorkshop    *new_workshop);

G_END_DECLS
