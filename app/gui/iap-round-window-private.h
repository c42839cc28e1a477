/* iap-round-window-private.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-ballot-grid.h"
#include "iap-presenter-window.h"
#include "iap-consensus.h"
#include "iap-round-session.h"
#include "iap-round-window.h"
#include "iap-voting-window.h"

G_BEGIN_DECLS

/* Shared by iap-round-window.c, the view: which page shows what of the
 * round in play; and iap-round-window-actions.c, the round.* actions
 * the buttons name, each a command of the session. */
struct _IapRoundWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel *round_label;
  GtkButton *presenter_button;
  GtkStack *stack;
  GtkListBox *start_risks;
  GtkCheckButton *factors_check;
  GtkButton *private_button;
  GtkButton *ballot_button;
  GtkDropDown *participant_dropdown;
  GtkButton *score_button;
  GtkLabel *progress_label;
  GtkButton *send_button;
  GtkButton *collect_button;
  GtkButton *phones_button;
  GtkButton *reveal_button;
  GtkLabel *scorer_label;
  GtkWidget *code_box;
  GtkEntry *code_entry;
  GtkLabel *code_label;
  GtkListBox *score_list;
  IapBallotGrid *ballot_grid;
  GtkButton *done_button;
  GtkWidget *score_scroller;
  GtkLabel *overview_label;
  GtkWidget *risk_reveal;
  GtkDropDown *risk_dropdown;
  GtkButton *previous_button;
  GtkButton *next_button;
  GtkLabel *result_label;
  GtkWidget *factor_grid;
  GtkWidget *risk_picture;
  GtkDrawingArea *spread_area;
  GtkExpander *details_expander;
  GtkLabel *stats_label;
  IapRiskStats *spread;
  GtkDropDown *agreed_likelihood;
  GtkDropDown *agreed_impact;
  GtkButton *agree_button;
  GtkLabel *agreed_label;
  GtkDropDown *dissent_participant;
  GtkDropDown *dissent_attribution;
  GtkDropDown *dissent_subject;
  GtkEntry *dissent_entry;
  GtkButton *dissent_button;
  GtkLabel *factors_label;
  GtkLabel *dissents_label;
  GtkButton *again_button;
  GtkButton *end_button;

  /* Owned */
  IapWorkshop *workshop;
  IapRoundSession *session;
  char *scorer;                 /* participant id while someone scores */
  /* What the pages show, to tell a move of the session from an edit */
  IapRound *shown_round;
  int shown_stage;              /* an IapRoundStage, or -1 before the first */

  /* Unowned: closed with this window */
  IapPresenterWindow *presenter;
  GtkWindow *voting;
};

/* iap-round-window.c */
IapRisk        *_iap_round_window_get_current_risk (IapRoundWindow *self);
IapParticipant *_iap_round_window_get_participant  (IapRoundWindow *self,
                                                    GtkDropDown    *dropdown);
void            _iap_round_window_show_score       (IapRoundWindow *self,
                                                    IapParticipant *participant);
void            _iap_round_window_clear_scores     (IapRoundWindow *self);
void            _iap_round_window_show_pass        (IapRoundWindow *self);
void            _iap_round_window_update_progress  (IapRoundWindow *self);
void            _iap_round_window_update_reveal    (IapRoundWindow *self);
void            _iap_round_window_show_error       (IapRoundWindow *self,
                                                    const GError   *error);

/* iap-round-window-actions.c */
void            _iap_round_window_collect_files     (IapRoundWindow *self,
                                                    GListModel     *files);
void            _iap_round_window_class_add_actions (GtkWidgetClass *widget_class);
void            _iap_round_window_update_actions    (IapRoundWindow *self);

G_END_DECLS
