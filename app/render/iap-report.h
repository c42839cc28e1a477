/* iap-report.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "iap-comparison.h"
#include "iap-workshop.h"

G_BEGIN_DECLS

typedef enum
{
  IAP_REPORT_PAPER_A4,
  IAP_REPORT_PAPER_LETTER,
} IapReportPaper;

/* Every length is in points (1/72 inch). */
typedef struct
{
  double     page_width;
  double     page_height;
  double     margin_top;
  double     margin_bottom;
  double     margin_left;
  double     margin_right;
  /* The language it is written in, as iap_i18n_resolve_language() gives
   * it; NULL for the interface's. */
  const char *language;
  /* Leaves people's names out even when the workshop does not. */
  gboolean   anonymize;
  /* The date in the footer; NULL means today. */
  GDateTime *date;
  /* An optional "Changes since" section: what changed from an earlier
   * workshop to this one; NULL for none. */
  IapComparison *since;
} IapReportOptions;

/* Where a table row landed: tests check that none is cut by a page. */
typedef struct
{
  guint    page;
  double   y;
  double   height;
  gboolean header;
} IapReportRow;

typedef enum
{
  IAP_REPORT_CHART_INHERENT,
  IAP_REPORT_CHART_RESIDUAL,
  IAP_REPORT_CHART_TRIPLE_HATTING,
} IapReportChart;

#define IAP_REPORT_ERROR (iap_report_error_quark ())

#define IAP_TYPE_REPORT (iap_report_get_type ())

G_DECLARE_FINAL_TYPE (IapReport, iap_report, IAP, REPORT, GObject)

GQuark              iap_report_error_quark        (void);
void                iap_report_options_init       (IapReportOptions       *options,
                                                   IapReportPaper          paper);
IapReport          *iap_report_new                (IapWorkshop            *workshop,
                                                   const IapReportOptions *options);
guint               iap_report_get_n_pages        (IapReport              *self);
void                iap_report_draw_page          (IapReport              *self,
                                                   cairo_t                *cr,
                                                   guint                   page);
cairo_surface_t    *iap_report_render_page        (IapReport              *self,
                                                   guint                   page,
                                                   double                  scale);
void                iap_report_get_page_size      (IapReport              *self,
                                                   double                 *width,
                                                   double                 *height);
char               *iap_report_dup_page_text      (IapReport              *self,
                                                   guint                   page);
const IapReportRow *iap_report_get_rows           (IapReport              *self,
                                                   guint                  *n_rows);
const char * const *iap_report_get_section_titles (IapReport              *self);
gboolean            iap_report_export_pdf         (IapWorkshop            *workshop,
                                                   const IapReportOptions *options,
                                                   const char             *path,
                                                   GError                **error);

gboolean            iap_report_chart_from_id      (const char             *id,
                                                   IapReportChart         *chart);
void                iap_report_chart_draw         (cairo_t                *cr,
                                                   IapWorkshop            *workshop,
                                                   IapReportChart          chart,
                                                   double                  width,
                                                   double                  height);
gboolean            iap_report_export_chart       (IapWorkshop            *workshop,
                                                   IapReportChart          chart,
                                                   const char             *path,
                                                   double                  width,
                                                   double                  height,
                                                   GError                **error);

G_END_DECLS
