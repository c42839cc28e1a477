/* iap-risk-import.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-sheet.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_RISK_IMPORT_ERROR (iap_risk_import_error_quark ())

typedef enum
{
  IAP_RISK_IMPORT_ERROR_MAP,
  IAP_RISK_IMPORT_ERROR_EMPTY,
} IapRiskImportError;

GQuark          iap_risk_import_error_quark     (void);

/* What a column of a risk list is read as. */
typedef enum
{
  IAP_IMPORT_IGNORE,
  IAP_IMPORT_ID,
  IAP_IMPORT_TITLE,
  IAP_IMPORT_DESCRIPTION,
  IAP_IMPORT_NOTES,
  IAP_IMPORT_ARRANGEMENT,
  IAP_IMPORT_AREA,
  IAP_IMPORT_INHERENT_LIKELIHOOD,
  IAP_IMPORT_INHERENT_IMPACT,
  IAP_IMPORT_RESIDUAL_LIKELIHOOD,
  IAP_IMPORT_RESIDUAL_IMPACT,
  IAP_IMPORT_ACCEPTED_BY,
  IAP_IMPORT_ACCEPTANCE_ROLE,
  IAP_IMPORT_ACCEPTANCE_DATE,
  IAP_IMPORT_ACCEPTANCE_JUSTIFICATION,
  IAP_IMPORT_NOTE,              /* added to the notes, after the column's header */
} IapImportField;

#define IAP_N_IMPORT_FIELDS (IAP_IMPORT_NOTE + 1)

const char     *iap_import_field_to_id          (IapImportField  field);
gboolean        iap_import_field_from_id        (const char     *id,
                                                 IapImportField *field);
const char     *iap_import_field_get_label      (IapImportField  field);

#define IAP_TYPE_RISK_IMPORT (iap_risk_import_get_type ())

G_DECLARE_FINAL_TYPE (IapRiskImport, iap_risk_import, IAP, RISK_IMPORT, GObject)

IapRiskImport  *iap_risk_import_new             (IapWorkshop    *workshop,
                                                 IapSheet       *sheet);
IapWorkshop    *iap_risk_import_get_workshop    (IapRiskImport  *self);
guint           iap_risk_import_get_n_columns   (IapRiskImport  *self);
const char     *iap_risk_import_get_header      (IapRiskImport  *self,
                                                 guint           column);
IapImportField  iap_risk_import_get_field       (IapRiskImport  *self,
                                                 guint           column);
void            iap_risk_import_set_field       (IapRiskImport  *self,
                                                 guint           column,
                                                 IapImportField  field);
gboolean        iap_risk_import_map             (IapRiskImport  *self,
                                                 const char     *mapping,
                                                 GError        **error);
gboolean        iap_risk_import_set_default     (IapRiskImport  *self,
                                                 const char     *setting,
                                                 GError        **error);
gboolean        iap_risk_import_get_add_entries (IapRiskImport  *self);
void            iap_risk_import_set_add_entries (IapRiskImport  *self,
                                                 gboolean        add_entries);

GListModel     *iap_risk_import_get_risks       (IapRiskImport  *self);
const char * const *
                iap_risk_import_get_problems    (IapRiskImport  *self);
guint           iap_risk_import_get_problem_row (IapRiskImport  *self,
                                                 guint           index);
const char * const *
                iap_risk_import_get_new_entries (IapRiskImport  *self,
                                                 const char     *kind);
const char     *iap_risk_import_describe_value  (IapRiskImport  *self,
                                                 const char     *kind,
                                                 const char     *value);
guint           iap_risk_import_apply           (IapRiskImport  *self);

G_END_DECLS
