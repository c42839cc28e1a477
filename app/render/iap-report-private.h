/* iap-report-private.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "iap-consensus.h"
#include "iap-report.h"

G_BEGIN_DECLS

/* Text sizes of the document style, in points. */
#define IAP_REPORT_TITLE_SIZE   20.0
#define IAP_REPORT_HEADING_SIZE 14.0
#define IAP_REPORT_BODY_SIZE    9.5
#define IAP_REPORT_TABLE_SIZE   8.5

/* A cell of a table row with no band colour behind it. */
#define IAP_REPORT_NO_BAND (-1)

/* The layout pass (iap-report.c) offers these to the sections
 * (iap-report-sections.c), which only say what comes next. */
IapWorkshop *iap_report_get_workshop    (IapReport          *self);
gboolean     iap_report_get_anonymize   (IapReport          *self);
IapComparison *
             iap_report_get_since       (IapReport          *self);
const IapRiskStats *
             iap_report_get_consensus   (IapReport          *self,
                                         const char         *risk);
double       iap_report_get_text_width  (IapReport          *self);
double       iap_report_get_room_left   (IapReport          *self);
void         iap_report_new_page        (IapReport          *self);
void         iap_report_add_title       (IapReport          *self,
                                         const char         *section,
                                         const char         *text);
void         iap_report_add_heading     (IapReport          *self,
                                         const char         *text,
                                         gboolean            new_page);
void         iap_report_add_subheading  (IapReport          *self,
                                         const char         *text);
void         iap_report_add_paragraph   (IapReport          *self,
                                         const char         *markup);
void         iap_report_add_callout     (IapReport          *self,
                                         const char         *markup,
                                         int                 band);
void         iap_report_add_charts      (IapReport          *self,
                                         const IapReportChart *charts,
                                         const char * const *captions,
                                         guint               n_charts,
                                         double              height);
void         iap_report_begin_table     (IapReport          *self,
                                         const char * const *headers,
                                         const double       *widths,
                                         guint               n_columns);
void         iap_report_add_row         (IapReport          *self,
                                         const char * const *cells,
                                         const int          *bands);
gboolean     iap_report_add_row_if_fits (IapReport          *self,
                                         const char * const *cells,
                                         const int          *bands,
                                         gboolean            keep_room_for_note);
void         iap_report_end_table       (IapReport          *self);

/* Makes the markup of a paragraph that names @page (from 1; 0 when the
 * section is not in the report) */
typedef char *(*IapReportPageReference) (IapReport *report,
                                         guint      page,
                                         gpointer   data);

void         iap_report_add_page_reference (IapReport              *self,
                                            const char             *section,
                                            IapReportPageReference  write,
                                            gpointer                data);
PangoDirection iap_report_get_direction (void);

void         iap_report_add_sections    (IapReport          *self);
void         iap_report_add_decision    (IapReport          *self);
void         iap_report_add_changes_since (IapReport        *self);

/* A chart kind only the summary page uses. */
#define IAP_REPORT_CHART_OPTIONS_SUMMARY ((IapReportChart) 100)
/* The charts of the IAP decision section */
#define IAP_REPORT_CHART_INTEGRATION_MAP ((IapReportChart) 101)
#define IAP_REPORT_CHART_OPTION_MAPS     ((IapReportChart) 102)

/* The movement charts of the "Changes since" section. */
#define IAP_REPORT_CHART_MOVEMENT_INHERENT ((IapReportChart) 103)
#define IAP_REPORT_CHART_MOVEMENT_RESIDUAL ((IapReportChart) 104)

typedef void (*IapReportDrawFunc) (cairo_t  *cr,
                                   double    width,
                                   double    height,
                                   gpointer  data);

gboolean     _iap_report_export_drawing (const char         *path,
                                         double              width,
                                         double              height,
                                         IapReportDrawFunc   draw,
                                         gpointer            data,
                                         GError            **error);

void         iap_report_draw_options_summary (cairo_t     *cr,
                                              IapWorkshop *workshop,
                                              double       width,
                                              double       height);

G_END_DECLS
