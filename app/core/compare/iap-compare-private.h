/* iap-compare-private.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "iap-change.h"
#include "iap-match.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

/*
 * What the comparison and the merge share: the fields of each kind of
 * item that they compare, read as keys that compare equal across
 * workshops (catalog references by meaning, ratings on one scale, risk
 * links through the risk matching) and as words for people.
 */

typedef enum
{
  IAP_VALUE_TEXT,     /* strings; several properties read as one (an owner and their entity) */
  IAP_VALUE_DATE,
  IAP_VALUE_CHOICE,   /* an id of a fixed list named by kind: "status", "answer"... */
  IAP_VALUE_REF,      /* a catalog id of kind */
  IAP_VALUE_REFS,     /* a GStrv of catalog ids of kind */
  IAP_VALUE_RISKS,    /* a GStrv of risk ids */
  IAP_VALUE_RATING,   /* likelihood and impact levels; 0 is not rated */
} IapValueType;

typedef struct
{
  const char   *name;
  const char   *label;          /* NC_ ("change field", …) */
  IapValueType  type;
  const char   *kind;
  const char   *properties[5];
} IapCompareField;

/* How one side's values are read so as to compare with the other's. */
typedef struct
{
  IapWorkshop *workshop;
  GHashTable  *risk_ids;        /* nullable: this side's risk ids to the other's */
  guint        n_likelihood;    /* the scales to read ratings on; 0: the workshop's own */
  guint        n_impact;
} IapCompareSide;

extern const IapCompareField iap_compare_setup_fields[];
extern const IapCompareField iap_compare_context_fields[];
extern const IapCompareField iap_compare_override_fields[];
extern const IapCompareField iap_compare_recommendation_fields[];
extern const IapCompareField iap_compare_participant_fields[];
extern const IapCompareField iap_compare_indicator_fields[];
extern const IapCompareField iap_compare_risk_fields[];
extern const IapCompareField iap_compare_mitigation_fields[];

const char *_iap_compare_field_label    (const IapCompareField *field);
char       *_iap_compare_dup_key        (const IapCompareField *field,
                                         const IapCompareSide  *side,
                                         GObject               *item);
char       *_iap_compare_dup_display    (const IapCompareField *field,
                                         IapWorkshop           *workshop,
                                         GObject               *item);
char       *_iap_compare_dup_raw        (const IapCompareField *field,
                                         GObject               *item);
gboolean    _iap_compare_get_rating     (const IapCompareField *field,
                                         GObject               *item,
                                         IapWorkshop           *workshop,
                                         guint                 *likelihood,
                                         guint                 *impact,
                                         int                   *band);
char       *_iap_compare_dup_rating_text (IapWorkshop          *workshop,
                                          guint                 likelihood,
                                          guint                 impact);
char       *_iap_compare_dup_heading    (const char            *subject,
                                         IapWorkshop           *workshop,
                                         GObject               *item,
                                         guint                  number);
const char *_iap_compare_choice_label   (const char            *kind,
                                         const char            *id);
char       *_iap_compare_dup_ref_label  (IapWorkshop           *workshop,
                                         const char            *kind,
                                         const char            *id);
IapChange  *_iap_compare_field_change   (IapStep                step,
                                         const char            *subject,
                                         const char            *id,
                                         const IapCompareField *field,
                                         IapWorkshop           *old_workshop,
                                         GObject               *old_item,
                                         IapWorkshop           *new_workshop,
                                         GObject               *new_item,
                                         const char            *heading);
GHashTable *_iap_compare_number_risks   (IapWorkshop           *workshop);
IapChange  *_iap_compare_item_change    (IapStep                step,
                                         IapChangeKind          kind,
                                         const char            *subject,
                                         const char            *id,
                                         const char            *heading,
                                         const char            *description,
                                         guint                  number);
IapChange  *_iap_compare_number_change  (IapStep                step,
                                         const char            *subject,
                                         const char            *id,
                                         const char            *field,
                                         const char            *option,
                                         const char            *heading,
                                         const char            *label,
                                         int                    old_value,
                                         int                    new_value,
                                         gboolean               percent);
void        _iap_comparison_compare_rounds (IapWorkshop        *workshop,
                                            IapRound           *old_round,
                                            IapRound           *new_round,
                                            GPtrArray          *changes,
                                            GArray             *movements);

IapChange  *_iap_change_new             (IapStep                step,
                                         IapChangeKind          kind,
                                         const char            *subject,
                                         const char            *id);
void        _iap_change_set_field       (IapChange             *self,
                                         const char            *field,
                                         const char            *option);
void        _iap_change_set_field_label (IapChange             *self,
                                         const char            *label);
void        _iap_change_set_old_id      (IapChange             *self,
                                         const char            *old_id);
void        _iap_change_set_values      (IapChange             *self,
                                         const char            *old_value,
                                         const char            *new_value);
void        _iap_change_set_text        (IapChange             *self,
                                         const char            *heading,
                                         const char            *description);
void        _iap_change_set_number      (IapChange             *self,
                                         guint                  number);
void        _iap_change_set_similarity  (IapChange             *self,
                                         guint                  similarity);
void        _iap_change_set_ratings     (IapChange             *self,
                                         guint                  old_likelihood,
                                         guint                  old_impact,
                                         int                    old_band,
                                         guint                  new_likelihood,
                                         guint                  new_impact,
                                         int                    new_band);

G_END_DECLS
