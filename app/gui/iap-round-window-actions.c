/* iap-round-window-actions.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The round.* actions of the round window, named by its buttons in
 * ui/iap-round-window.ui. Each one reads the window's pickers and gives
 * one command to the round session; the page that follows is chosen by
 * the view when the session moves, not here.
 */

#define G_LOG_DOMAIN "iap-round-window"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-ballot-collect-dialog.h"
#include "iap-ballot-send-dialog.h"
#include "iap-room-monitor.h"
#include "iap-round-window-private.h"

static void
start_chosen (IapRoundWindow *self,
              const char     *mode)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  g_autoptr(GError) error = NULL;
  gboolean factors = gtk_check_button_get_active (self->factors_check);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->start_risks));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      IapRisk *risk = g_object_get_data (G_OBJECT (check), "risk");

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_strv_builder_add (builder, iap_risk_get_id (risk));
    }
  chosen = g_strv_builder_end (builder);
  /* Nothing ticked is no round, and needs no telling */
  if (chosen[0] == NULL && !factors)
    return;

  if (!iap_round_session_start (self->session, mode, (const char * const *) chosen, factors, &error))
    _iap_round_window_show_error (self, error);
}

static void
start_private_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  start_chosen (IAP_ROUND_WINDOW (widget), "private");
}

static void
start_ballots_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  start_chosen (IAP_ROUND_WINDOW (widget), "ballot");
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (widget);
  IapParticipant *p = _iap_round_window_get_participant (self, self->participant_dropdown);

  if (p != NULL)
    _iap_round_window_show_score (self, p);
}

/* The next person takes the laptop: nothing of the last one stays. */
static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (widget);
  guint n = g_list_model_get_n_items (iap_workshop_get_participants (self->workshop));
  guint next = gtk_drop_down_get_selected (self->participant_dropdown) + 1;

  _iap_round_window_clear_scores (self);
  _iap_round_window_show_pass (self);
  if (next < n)
    gtk_drop_down_set_selected (self->participant_dropdown, next);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!iap_round_session_reveal (self->session, &error))
    _iap_round_window_show_error (self, error);
}

static void
step_risk (IapRoundWindow *self,
           int             step)
{
  guint i = gtk_drop_down_get_selected (self->risk_dropdown);
  guint n = g_list_model_get_n_items (iap_round_session_get_risks (self->session));

  if (i == GTK_INVALID_LIST_POSITION || n == 0)
    return;
  gtk_drop_down_set_selected (self->risk_dropdown, (i + n + step) % n);
}

static void
previous_risk_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_risk (IAP_ROUND_WINDOW (widget), -1);
}

static void
next_risk_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_risk (IAP_ROUND_WINDOW (widget), 1);
}

static void
agree_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (widget);
  IapRisk *risk = _iap_round_window_get_current_risk (self);
  guint l = gtk_drop_down_get_selected (self->agreed_likelihood);
  guint m = gtk_drop_down_get_selected (self->agreed_impact);
  g_autoptr(GError) error = NULL;

  /* "Not agreed" in either picker: nothing to set yet */
  if (risk == NULL || l == 0 || m == 0)
    return;

  if (!iap_round_session_agree (self->session, iap_risk_get_id (risk), l, m, &error))
    _iap_round_window_show_error (self, error);
}

static void
dissent_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (widget);
  IapRisk *risk = _iap_round_window_get_current_risk (self);
  IapParticipant *p = _iap_round_window_get_participant (self, self->dissent_participant);
  gboolean on_risk = gtk_drop_down_get_selected (self->dissent_subject) == 0;
  gboolean by_pillar = gtk_drop_down_get_selected (self->dissent_attribution) == 1;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->dissent_entry));
  g_autoptr(GError) error = NULL;

  /* Until the words are typed in, the button does nothing */
  if (risk == NULL || *text == '\0' || p == NULL)
    return;

  if (!iap_round_session_dissent (self->session, iap_participant_get_id (p),
                                  on_risk ? iap_risk_get_id (risk) : NULL, by_pillar, text, &error))
    {
      _iap_round_window_show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->dissent_entry), "");
}

/* Estimate-talk-estimate: the risks the room did not agree on go again. */
static void
again_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (iap_round_session_again (self->session, &error))
    return;

  /* Not a fault: the round is done, and the window says so in place */
  if (g_error_matches (error, IAP_ROUND_SESSION_ERROR, IAP_ROUND_SESSION_ERROR_CONSENSUS))
    gtk_label_set_label (self->agreed_label, error->message);
  else
    _iap_round_window_show_error (self, error);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!iap_round_session_close (self->session, &error))
    _iap_round_window_show_error (self, error);
}

/* The room's voting address on the projector, while voting runs */
static void
show_voting (IapRoundWindow *self)
{
  if (self->presenter != NULL)
    iap_presenter_window_show_voting (self->presenter,
                                      self->voting != NULL ? iap_voting_window_get_url (IAP_VOTING_WINDOW (self->voting))
                                                           : NULL);
}

static void
presenter_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (widget);

  if (self->presenter == NULL)
    {
      self->presenter = iap_presenter_window_new ();
      gtk_window_set_application (GTK_WINDOW (self->presenter), gtk_window_get_application (GTK_WINDOW (self)));
      g_object_add_weak_pointer (G_OBJECT (self->presenter), (gpointer *) &self->presenter);
      show_voting (self);
    }
  iap_window_present_to_room (GTK_WINDOW (self->presenter), GTK_WINDOW (self));
  switch (iap_round_session_get_stage (self->session))
    {
    case IAP_ROUND_STAGE_OPEN:
      _iap_round_window_update_progress (self);
      break;
    case IAP_ROUND_STAGE_REVEALED:
      _iap_round_window_update_reveal (self);
      break;
    case IAP_ROUND_STAGE_NONE:
    default:
      break;
    }
}

/* Room voting, in a window of its own beside this one: the phones
 * score the round in play through the same session. */
static void
phones_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (widget);

  if (self->voting == NULL)
    {
      self->voting = GTK_WINDOW (iap_voting_window_new (self->session));
      g_signal_connect_object (self->voting, "notify::url", G_CALLBACK (show_voting), self, G_CONNECT_SWAPPED);
      gtk_window_set_transient_for (self->voting, GTK_WINDOW (self));
      gtk_window_set_application (self->voting, gtk_window_get_application (GTK_WINDOW (self)));
      g_object_add_weak_pointer (G_OBJECT (self->voting), (gpointer *) &self->voting);
    }
  gtk_window_present (self->voting);
}

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (data);

  return G_SOURCE_REMOVE;
}

/* Escape is a key press: close once GTK has finished delivering it. */
static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (widget), g_object_unref);
}

static void
show_toast (IapRoundWindow *self,
            const char     *title,
            gboolean        undo)
{
  AdwToast *toast = adw_toast_new (title);

  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "round.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 10);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_ballots_written (IapRoundWindow *self,
                    const char     *message)
{
  show_toast (self, message, FALSE);
}

static void
send_ballots_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (widget);
  IapBallotSendDialog *dialog = iap_ballot_send_dialog_new (self->session, GTK_WINDOW (self));

  g_signal_connect_object (dialog, "written", G_CALLBACK (on_ballots_written), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_ballots_imported (IapRoundWindow *self,
                     const char     *message)
{
  show_toast (self, message, TRUE);
}

static IapBallotCollectDialog *
new_collect_dialog (IapRoundWindow *self)
{
  IapBallotCollectDialog *dialog = iap_ballot_collect_dialog_new (self->session, GTK_WINDOW (self));

  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_ballots_imported), self, G_CONNECT_SWAPPED);

  return dialog;
}

/* The preview opens at once, and the file chooser over it */
static void
collect_ballots_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IapBallotCollectDialog *dialog = new_collect_dialog (IAP_ROUND_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (dialog));
  iap_ballot_collect_dialog_choose_files (dialog);
}

/* Ballots dropped on the window: the preview, with them in it */
void
_iap_round_window_collect_files (IapRoundWindow *self,
                                 GListModel     *files)
{
  IapBallotCollectDialog *dialog;

  if (iap_round_session_get_stage (self->session) != IAP_ROUND_STAGE_OPEN)
    {
      show_toast (self, _("Ballots go into an open round: start one first"), FALSE);
      return;
    }
  dialog = new_collect_dialog (self);
  iap_ballot_collect_dialog_add_files (dialog, files);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The toast's Undo, and Ctrl+Z and Shift+Ctrl+Z here: the workshop's
 * history, as in the workshop's window */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  iap_workshop_undo (IAP_ROUND_WINDOW (widget)->workshop);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  iap_workshop_redo (IAP_ROUND_WINDOW (widget)->workshop);
}

/* Ctrl+S saves the workshop from here too: the facilitator may spend
 * the whole session in this window. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.save", NULL);
}

void
_iap_round_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "round.start-private", NULL, start_private_action);
  gtk_widget_class_install_action (widget_class, "round.start-ballots", NULL, start_ballots_action);
  gtk_widget_class_install_action (widget_class, "round.score", NULL, score_action);
  gtk_widget_class_install_action (widget_class, "round.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "round.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "round.previous-risk", NULL, previous_risk_action);
  gtk_widget_class_install_action (widget_class, "round.next-risk", NULL, next_risk_action);
  gtk_widget_class_install_action (widget_class, "round.agree", NULL, agree_action);
  gtk_widget_class_install_action (widget_class, "round.dissent", NULL, dissent_action);
  gtk_widget_class_install_action (widget_class, "round.again", NULL, again_action);
  gtk_widget_class_install_action (widget_class, "round.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "round.presenter", NULL, presenter_action);
  gtk_widget_class_install_action (widget_class, "round.phones", NULL, phones_action);
  gtk_widget_class_install_action (widget_class, "round.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "round.close", NULL);
  gtk_widget_class_install_action (widget_class, "round.send-ballots", NULL, send_ballots_action);
  gtk_widget_class_install_action (widget_class, "round.collect-ballots", NULL, collect_ballots_action);
  gtk_widget_class_install_action (widget_class, "round.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "round.undo", NULL);
  gtk_widget_class_install_action (widget_class, "round.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "round.redo", NULL);
  gtk_widget_class_install_action (widget_class, "round.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "round.save", NULL);
}

/* What can be done now: reveal once someone has scored, score once the
 * workshop has participants. */
void
_iap_round_window_update_actions (IapRoundWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "round.reveal", iap_round_session_get_n_scored (self->session) > 0);
  gtk_widget_action_set_enabled (widget, "round.score", iap_round_session_get_n_participants (self->session) > 0);
}
