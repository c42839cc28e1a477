/* iap-table.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "iap-band.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

/* The tables a workshop exports to a spreadsheet. */
typedef enum
{
  IAP_TABLE_REGISTER,
  IAP_TABLE_MITIGATIONS,
  IAP_TABLE_RATINGS,
  IAP_TABLE_DISSENTS,
} IapTableKind;

#define IAP_N_TABLES 4

/* What a cell holds, so that a spreadsheet can type it. */
typedef enum
{
  IAP_CELL_TEXT,
  IAP_CELL_NUMBER,      /* a whole number */
  IAP_CELL_DATE,        /* YYYY-MM-DD */
  IAP_CELL_BAND,        /* a band's label; iap_table_get_band() gives which */
} IapCellType;

typedef struct
{
  const char  *id;      /* stable: docs/file-format.md lists them */
  const char  *header;  /* in the interface language */
  IapCellType  type;
} IapTableColumn;

typedef struct _IapTable IapTable;

const char           *iap_table_kind_to_id     (IapTableKind   kind);
gboolean              iap_table_kind_from_id   (const char    *id,
                                                IapTableKind  *kind);

IapTable             *iap_table_new            (IapWorkshop   *workshop,
                                                IapTableKind   kind,
                                                gboolean       anonymize);
void                  iap_table_free           (IapTable      *self);
IapTableKind          iap_table_get_kind       (IapTable      *self);
const char           *iap_table_get_title      (IapTable      *self);
guint                 iap_table_get_n_columns  (IapTable      *self);
const IapTableColumn *iap_table_get_column     (IapTable      *self,
                                                guint          column);
guint                 iap_table_get_n_rows     (IapTable      *self);
const char           *iap_table_get_text       (IapTable      *self,
                                                guint          row,
                                                guint          column);
gboolean              iap_table_get_band       (IapTable      *self,
                                                guint          row,
                                                guint          column,
                                                IapBand       *band);

const IapTableColumn *iap_table_get_columns    (IapTableKind   kind,
                                                guint         *n_columns);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapTable, iap_table_free)

G_END_DECLS
