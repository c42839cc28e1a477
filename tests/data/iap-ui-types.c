/* iap-ui-types.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A module preloaded into gtk4-builder-tool so that it can validate .ui
 * files that use the application's own widgets. Linking the GUI library is
 * all it takes: GtkBuilder looks each type's get_type function up in the
 * process. The exported symbol keeps the linker from dropping them.
 *
 * A template's parent type is looked up by name only, among the types
 * registered already: libadwaita's are registered when the module loads.
 */

#include "config.h"

#include <adwaita.h>

#include "iap-choice-row.h"
#include "iap-context-page.h"
#include "iap-entry-row.h"
#include "iap-indicator-row.h"
#include "iap-heat-map-view.h"
#include "iap-import-window.h"
#include "iap-matrix-page.h"
#include "iap-matrix-settings.h"
#include "iap-risk-editor.h"
#include "iap-mitigation-page.h"
#include "iap-setup-page.h"
#include "iap-summary-page.h"
#include "iap-export-dialog.h"
#include "iap-print-preview.h"
#include "iap-triple-hatting-page.h"
#include "iap-window.h"
#include "iap-round-window.h"
#include "iap-presenter-window.h"
#include "iap-participants-view.h"
#include "iap-text-area.h"
#include "iap-compare-window.h"
#include "iap-merge-window.h"

GType (*iap_ui_types[]) (void) = {
  iap_window_get_type,
  iap_setup_page_get_type,
  iap_context_page_get_type,
  iap_import_window_get_type,
  iap_matrix_page_get_type,
  iap_heat_map_view_get_type,
  iap_matrix_settings_get_type,
  iap_risk_editor_get_type,
  iap_triple_hatting_page_get_type,
  iap_mitigation_page_get_type,
  iap_summary_page_get_type,
  iap_export_dialog_get_type,
  iap_print_preview_get_type,
  iap_choice_row_get_type,
  iap_entry_row_get_type,
  iap_indicator_row_get_type,
  iap_round_window_get_type,
  iap_presenter_window_get_type,
  iap_participants_view_get_type,
  iap_text_area_get_type,
  iap_compare_window_get_type,
  iap_merge_window_get_type,
};

static void register_template_parents (void) __attribute__((constructor));

static void
register_template_parents (void)
{
  g_type_ensure (ADW_TYPE_APPLICATION_WINDOW);
  g_type_ensure (ADW_TYPE_WINDOW);
  g_type_ensure (ADW_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (ADW_TYPE_BIN);
}
