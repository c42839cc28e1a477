/* iap-window-private.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "iap-context-page.h"
#include "iap-integration-page.h"
#include "iap-matrix-page.h"
#include "iap-mitigation-page.h"
#include "iap-setup-page.h"
#include "iap-summary-page.h"
#include "iap-triple-hatting-page.h"
#include "iap-window.h"
#include "iap-workshop-file.h"

G_BEGIN_DECLS

/* Shared by iap-window.c, which builds the window and follows the steps,
 * and iap-window-files.c, which opens, saves and autosaves its document. */
struct _IapWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *content;
  AdwWindowTitle *window_title;
  GtkButton *open_button;
  GtkListBox *step_list;
  GtkListBoxRow *setup_row;
  GtkStack *stack;
  IapSetupPage *setup_page;
  IapContextPage *context_page;
  IapTripleHattingPage *triple_hatting_page;
  IapMatrixPage *matrix_page;
  IapMitigationPage *mitigation_page;
  IapSummaryPage *summary_page;
  IapIntegrationPage *integration_page;
  GMenu *recent_section;
  GtkWidget *load_bar;
  GtkLabel *load_label;
  GtkProgressBar *load_progress;

  /* Room mode's window while it is open; weak */
  GtkWindow *room_window;

  /* Owned */
  GSettings *settings;
  IapWorkshop *workshop;
  GSignalGroup *workshop_signals;
  GSignalGroup *history_signals;
  GCancellable *cancellable;
  char *draft_id;
  GFile *locked_file;
  char *etag;
  guint autosave_source;

  /* Pages are given the workshop when they are first shown after it
   * changed: building a page costs, for a large workshop, far more than
   * the page on screen (hundreds of rows and pickers). A page that has
   * not been shown since keeps the workshop it had, out of sight. */
  guint workshop_serial;
  guint page_serial[7];

  /* Files being read into the window: it is not free for another */
  guint loading;
  /* The latest of them, shown with its progress once it takes a while */
  GCancellable *load_cancellable;
  IapLoadProgress *load_state;
  gint64 load_started;
  guint load_tick;

  /* Opened read-only because someone else has the file open */
  guint read_only : 1;
  /* An autosave failure is shown once, not every few seconds */
  guint autosave_error_shown : 1;
  /* Set while a save started by closing the window is under way */
  guint close_after_save : 1;
  /* Set once the user chose to close without saving */
  guint discard_changes : 1;
};

/* iap-window.c */
char     *_iap_window_dup_document_name (IapWindow *self);
void      _iap_window_update_state      (IapWindow *self);

/* iap-window-files.c */
void      _iap_window_save              (IapWindow *self);
void      _iap_window_save_as           (IapWindow *self);
void      _iap_window_schedule_autosave (IapWindow *self);
void      _iap_window_cancel_open       (IapWindow *self);
void      _iap_window_clear_open        (IapWindow *self);
gboolean  _iap_window_ask_before_close  (IapWindow *self);

G_END_DECLS
