/* iap-round-window.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The scoring round on screen, a view over the workshop's round session
 * (app/core/iap-round-session.c, which decides what a round holds and
 * when it moves on): the start page chooses the risks, the pass page
 * shows who has scored but never how, the score page holds one
 * participant's own scores (or their paper ballot), and the reveal page
 * the spread, the agreed rating and dissent. The buttons name round.*
 * actions (iap-round-window-actions.c); the page follows the session.
 *
 * Privacy: the scoring page only ever holds the current scorer's own
 * scores, and is emptied before the next person takes the laptop. The
 * reveal page and the presenter view are filled only once the round is
 * revealed.
 */

#define G_LOG_DOMAIN "iap-round-window"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "iap-accessibility.h"
#include "iap-ballot-code.h"
#include "iap-consensus.h"
#include "iap-dialogs.h"
#include "iap-dot-plot.h"
#include "iap-layout-check.h"
#include "iap-round-text.h"
#include "iap-round-window-private.h"
#include "iap-window.h"

G_DEFINE_FINAL_TYPE (IapRoundWindow, iap_round_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_risk_title (IapRisk  *risk,
                gpointer  data)
{
  return g_strdup (iap_round_text_risk_title (risk));
}

static char *
dup_participant_label (IapParticipant *participant,
                       gpointer        data)
{
  return iap_participant_dup_label (participant);
}

static GListModel *
string_choices (const char *first,
                ...)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    gtk_string_list_append (list, s);
  va_end (args);

  return G_LIST_MODEL (list);
}

static guint
n_risks (IapRoundWindow *self)
{
  return g_list_model_get_n_items (iap_round_session_get_risks (self->session));
}

static gboolean
is_ballot (IapRoundWindow *self)
{
  IapRound *round = iap_round_session_get_round (self->session);

  return round != NULL && g_strcmp0 (iap_round_get_mode (round), "ballot") == 0;
}

IapRisk *
_iap_round_window_get_current_risk (IapRoundWindow *self)
{
  return gtk_drop_down_get_selected_item (self->risk_dropdown);
}

IapParticipant *
_iap_round_window_get_participant (IapRoundWindow *self,
                                   GtkDropDown    *dropdown)
{
  return gtk_drop_down_get_selected_item (dropdown);
}

void
_iap_round_window_show_error (IapRoundWindow *self,
                              const GError   *error)
{
  iap_dialogs_show_error (GTK_WINDOW (self), _("The round did not change"), error->message);
}

static void
update_title (IapRoundWindow *self)
{
  IapRound *round = iap_round_session_get_round (self->session);
  g_autofree char *text = NULL;

  if (round == NULL)
    {
      gtk_label_set_label (self->round_label, _("No scoring round in progress"));
      return;
    }

  text = iap_round_text_heading (round, n_risks (self));
  gtk_label_set_label (self->round_label, text);
}

/* Who has scored, never how. */
void
_iap_round_window_update_progress (IapRoundWindow *self)
{
  GListModel *participants = iap_workshop_get_participants (self->workshop);
  guint n = g_list_model_get_n_items (participants);
  guint n_scored = iap_round_session_get_n_scored (self->session);
  g_autoptr(GString) done = g_string_new (NULL);
  g_autoptr(GString) waiting = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (participants, i);
      g_autofree char *label = iap_participant_dup_label (p);
      gboolean has = iap_round_session_count_scores (self->session, iap_participant_get_id (p)) > 0;
      GString *s = has ? done : waiting;

      g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "", label);
    }

  /* Translators: the progress of a round; the lists are participants' names */
  text = g_strdup_printf (_("%u of %u have scored.\nScored: %s\nNot yet: %s"), n_scored, n,
                          done->len > 0 ? done->str : "—", waiting->len > 0 ? waiting->str : "—");
  gtk_label_set_label (self->progress_label, text);
  _iap_round_window_update_actions (self);
  if (self->presenter != NULL)
    iap_presenter_window_show_progress (self->presenter, iap_round_session_get_round (self->session),
                                        n_scored, n);
}

void
_iap_round_window_show_pass (IapRoundWindow *self)
{
  gtk_drop_down_set_selected (self->participant_dropdown, 0);
  gtk_button_set_label (self->done_button, is_ballot (self) ? _("_Done, Next Ballot")
                                                            : _("_Done, Pass the Laptop"));
  iap_button_fix_accessible_name (GTK_WIDGET (self->done_button));
  update_title (self);
  _iap_round_window_update_progress (self);
  gtk_stack_set_visible_child_name (self->stack, "pass");
  gtk_widget_grab_focus (GTK_WIDGET (self->participant_dropdown));
}

static void
on_level_selected (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   IapRoundWindow *self)
{
  IapRisk *risk = g_object_get_data (G_OBJECT (dropdown), "risk");
  GtkDropDown *likelihood = g_object_get_data (G_OBJECT (dropdown), "likelihood");
  GtkDropDown *impact = g_object_get_data (G_OBJECT (dropdown), "impact");
  guint l = gtk_drop_down_get_selected (likelihood);
  guint m = gtk_drop_down_get_selected (impact);

  if (self->scorer == NULL || iap_round_session_get_stage (self->session) != IAP_ROUND_STAGE_OPEN)
    return;

  /* The pickers hold the scale's levels only: nothing to refuse */
  iap_round_session_score (self->session, self->scorer, iap_risk_get_id (risk),
                           l > 0 && m > 0 ? l : 0, l > 0 && m > 0 ? m : 0, NULL);
}

static GtkWidget *
new_level_dropdown (GListModel *levels,
                    const char *accessible,
                    guint       selected)
{
  g_autoptr(GListModel) choices = iap_round_text_choices (levels, _("Not scored"));
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (choices), NULL);

  iap_round_text_setup_picker (GTK_DROP_DOWN (dropdown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return dropdown;
}

/* A risk of the private scoring page, with the scorer's own levels */
static GtkWidget *
new_score_row (gpointer item,
               gpointer data)
{
  IapRoundWindow *self = data;
  IapRisk *risk = item;
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  IapRating *own = iap_round_find_rating (iap_round_session_get_round (self->session),
                                          self->scorer, iap_risk_get_id (risk));
  const char *title = iap_round_text_risk_title (risk);
  g_autofree char *l_a11y = g_strdup_printf (_("Likelihood of “%s”"), title);
  g_autofree char *m_a11y = g_strdup_printf (_("Impact of “%s”"), title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *pickers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  /* Translators: the label of a score picker */
  GtkWidget *l_label = gtk_label_new (_("Likelihood"));
  /* Translators: the label of a score picker; "Impact" the noun */
  GtkWidget *m_label = gtk_label_new (_("Impact"));
  GtkWidget *l, *m;

  l = new_level_dropdown (iap_scales_get_likelihood (scales), l_a11y, own != NULL ? iap_rating_get_likelihood (own) : 0);
  m = new_level_dropdown (iap_scales_get_impact (scales), m_a11y, own != NULL ? iap_rating_get_impact (own) : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  g_object_set (box, "margin-top", 12, "margin-bottom", 12, "margin-start", 12, "margin-end", 12, NULL);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_start (m_label, 12);
  gtk_box_append (GTK_BOX (pickers), l_label);
  gtk_box_append (GTK_BOX (pickers), l);
  gtk_box_append (GTK_BOX (pickers), m_label);
  gtk_box_append (GTK_BOX (pickers), m);
  gtk_box_append (GTK_BOX (box), pickers);
  for (GtkWidget *d = l; d != NULL; d = d == l ? m : NULL)
    {
      g_object_set_data_full (G_OBJECT (d), "risk", g_object_ref (risk), g_object_unref);
      g_object_set_data (G_OBJECT (d), "likelihood", l);
      g_object_set_data (G_OBJECT (d), "impact", m);
      g_signal_connect_object (d, "notify::selected", G_CALLBACK (on_level_selected), self, 0);
    }

  return box;
}

void
_iap_round_window_clear_scores (IapRoundWindow *self)
{
  iap_ballot_grid_commit (self->ballot_grid);
  iap_ballot_grid_clear (self->ballot_grid);
  gtk_list_box_bind_model (self->score_list, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->scorer, g_free);
  gtk_label_set_label (self->scorer_label, "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  gtk_widget_set_visible (self->code_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ballot_grid), TRUE);
}

/* Once ballots with codes went out, a paper ballot is typed in after
 * its code: the boxes open when the code is this participant's, so
 * that a ballot is never typed in under another name. */
static gboolean
wants_code (IapRoundWindow *self)
{
  g_autofree char *code = NULL;

  if (!is_ballot (self) || self->scorer == NULL)
    return FALSE;
  code = iap_round_session_dup_ballot_code (self->session, self->scorer);

  return code != NULL;
}

static void
on_code_changed (IapRoundWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->code_entry));
  g_autofree char *code = iap_ballot_code_normalize (text);
  gboolean matches;

  if (self->scorer == NULL || !gtk_widget_get_visible (self->code_box))
    return;
  matches = iap_round_session_check_ballot_code (self->session, self->scorer, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ballot_grid), matches);
  gtk_widget_remove_css_class (GTK_WIDGET (self->code_label), "error");
  if (matches)
    {
      gtk_label_set_label (self->code_label, _("The code matches: type the scores."));
      iap_ballot_grid_focus_first (self->ballot_grid);
    }
  else if (code != NULL)
    {
      gtk_label_set_label (self->code_label, _("This code is not this participant’s: the ballot is someone "
                                                "else’s, or the code was mistyped."));
      gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "error");
    }
  else
    gtk_label_set_label (self->code_label, _("Type the code printed at the top of the ballot."));
}

void
_iap_round_window_show_score (IapRoundWindow *self,
                              IapParticipant *participant)
{
  gboolean ballot = is_ballot (self);
  gboolean factors = iap_round_session_get_factors (self->session);
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;

  _iap_round_window_clear_scores (self);
  self->scorer = g_strdup (iap_participant_get_id (participant));
  label = iap_participant_dup_label (participant);
  if (ballot)
    /* Translators: %s is the participant whose paper ballot is typed in */
    heading = g_strdup_printf (_("%s: paper ballot. Nobody else's scores are shown."), label);
  else
    /* Translators: %s is the participant who has the laptop */
    heading = g_strdup_printf (_("%s: your scores. Nobody else's are shown."), label);
  gtk_label_set_label (self->scorer_label, heading);
  gtk_widget_set_visible (self->score_scroller, !ballot && n_risks (self) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->ballot_grid), ballot || factors);
  /* In private mode the risks keep their pickers; the grid holds the factors. */
  if (ballot || factors)
    iap_ballot_grid_fill (self->ballot_grid, self->session, self->scorer, ballot);
  if (!ballot)
    gtk_list_box_bind_model (self->score_list, iap_round_session_get_risks (self->session),
                             new_score_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "score");
  if (wants_code (self))
    {
      gtk_widget_set_visible (self->code_box, TRUE);
      on_code_changed (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
    }
  else if (ballot || n_risks (self) == 0)
    iap_ballot_grid_focus_first (self->ballot_grid);
  else
    gtk_widget_child_focus (GTK_WIDGET (self->score_list), GTK_DIR_TAB_FORWARD);
}

/* The start page: every risk, each ticked, to choose the round's set. */
static GtkWidget *
new_start_row (gpointer item,
               gpointer data)
{
  IapRisk *risk = item;
  const char *title = iap_risk_get_title (risk);
  GtkWidget *check = gtk_check_button_new_with_label (title != NULL ? title : iap_risk_get_id (risk));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_object_set (check, "margin-top", 9, "margin-bottom", 9, "margin-start", 9, "margin-end", 9, NULL);
  g_object_set_data_full (G_OBJECT (check), "risk", g_object_ref (risk), g_object_unref);

  return check;
}

static void
show_start (IapRoundWindow *self)
{
  /* Bound afresh: every risk ticked again */
  gtk_list_box_bind_model (self->start_risks, iap_workshop_get_risks (self->workshop),
                           new_start_row, NULL, NULL);
  update_title (self);
  gtk_stack_set_visible_child_name (self->stack, "start");
}

static void
set_agreed (IapRoundWindow     *self,
            IapRisk            *risk,
            const IapRiskStats *stats)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  guint l = iap_risk_get_inherent_likelihood (risk);
  guint m = iap_risk_get_inherent_impact (risk);
  g_autofree char *ml = iap_round_text_level (iap_scales_get_likelihood (scales), stats->median_likelihood);
  g_autofree char *mm = iap_round_text_level (iap_scales_get_impact (scales), stats->median_impact);
  g_autofree char *text = NULL;

  if (l > 0 && m > 0)
    /* Translators: the agreed rating is set; the median is given for comparison */
    text = g_strdup_printf (_("An agreed rating is set. The median is likelihood %s, impact %s."), ml, mm);
  else
    /* Translators: the pickers are prefilled with the median */
    text = g_strdup_printf (_("No agreed rating yet: prefilled with the median (likelihood %s, impact %s)."), ml, mm);
  gtk_drop_down_set_selected (self->agreed_likelihood, l > 0 ? l : stats->median_likelihood);
  gtk_drop_down_set_selected (self->agreed_impact, m > 0 ? m : stats->median_impact);
  gtk_label_set_label (self->agreed_label, text);
}

/* The reveal of one risk in words and in a picture: the result in one
 * sentence, the dots of every score (iap_dot_plot_draw()), and the
 * statistics behind them under Details. @stats is taken. */
/* As high as the plot at the width it is given */
static void
fit_spread (IapRoundWindow *self,
            int             width)
{
  double height = 0;

  if (self->spread != NULL && self->workshop != NULL && width > 0)
    height = iap_dot_plot_get_height (self->workshop, self->spread, width);
  gtk_drawing_area_set_content_height (self->spread_area, MAX (1, (int) ceil (height)));
}

static void
on_spread_resize (GtkDrawingArea *area,
                  int             width,
                  int             height,
                  IapRoundWindow *self)
{
  fit_spread (self, width);
}

static void
draw_spread (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  IapRoundWindow *self = user_data;

  if (self->spread != NULL && self->workshop != NULL)
    iap_dot_plot_draw (cr, self->workshop, self->spread, width, height);
}

static void
set_spread (IapRoundWindow *self,
            IapRiskStats   *stats)
{
  g_autofree char *sentence = NULL;
  g_autofree char *description = NULL;

  g_clear_pointer (&self->spread, iap_risk_stats_free);
  self->spread = stats;
  if (stats != NULL && self->workshop != NULL)
    {
      sentence = iap_dot_plot_dup_sentence (self->workshop, stats);
      description = iap_dot_plot_dup_description (self->workshop, stats);
    }
  gtk_label_set_label (self->result_label, sentence != NULL ? sentence : "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), sentence != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spread_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("No scores revealed"),
                                  -1);
  fit_spread (self, gtk_widget_get_width (GTK_WIDGET (self->spread_area)));
  gtk_widget_queue_draw (GTK_WIDGET (self->spread_area));
}

static void
update_text (GtkLabel *label,
             char     *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  g_free (text);
}

/* The factors' medians: the sentence that says what they are, then a
 * table, a row per factor and a column per option */
static void
update_factors (IapRoundWindow *self,
                IapRound       *round)
{
  g_autofree char *text = iap_round_text_factors (self->workshop, round);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->factors_label));
  char *newline = text != NULL ? strchr (text, '\n') : NULL;

  if (newline != NULL)
    *newline = '\0';
  update_text (self->factors_label, g_steal_pointer (&text));
  if (self->factor_grid != NULL)
    gtk_box_remove (GTK_BOX (parent), self->factor_grid);
  self->factor_grid = round != NULL ? iap_round_text_factor_grid (self->workshop, round, 0, G_MAXUINT) : NULL;
  if (self->factor_grid != NULL)
    gtk_box_insert_child_after (GTK_BOX (parent), self->factor_grid, GTK_WIDGET (self->factors_label));
}

void
_iap_round_window_update_reveal (IapRoundWindow *self)
{
  IapRound *round = iap_round_session_get_round (self->session);
  IapRisk *risk = _iap_round_window_get_current_risk (self);
  guint n = n_risks (self);
  g_autoptr(IapRiskStats) stats = NULL;
  g_autofree char *describe = NULL;
  g_autofree char *text = NULL;

  /* While the session closes a round its list of risks empties before
   * its stage moves on */
  if (iap_round_session_get_stage (self->session) != IAP_ROUND_STAGE_REVEALED || round == NULL)
    return;

  update_text (self->overview_label, n > 0 ? iap_round_text_overview (self->session) : NULL);
  update_factors (self, round);
  /* A round on the factors alone has no risk to show, agree or compare */
  gtk_widget_set_visible (self->risk_reveal, n > 0);
  gtk_widget_set_visible (self->risk_picture, n > 0);
  if (risk == NULL)
    {
      if (self->presenter != NULL && n == 0)
        iap_presenter_window_show_factors (self->presenter, self->workshop, round);
      return;
    }
  stats = iap_consensus_for_risk (self->workshop, round, iap_risk_get_id (risk));
  describe = iap_round_text_describe (self->workshop, stats, TRUE);
  /* Translators: "Risk 2 of 20: “Armed escorts draw attacks”", then the statistics */
  text = g_strdup_printf (_("Risk %u of %u: “%s”\n%s"), gtk_drop_down_get_selected (self->risk_dropdown) + 1,
                          n, iap_round_text_risk_title (risk), describe);
  gtk_label_set_label (self->stats_label, text);
  set_agreed (self, risk, stats);
  set_spread (self, g_steal_pointer (&stats));
  update_text (self->dissents_label, iap_round_text_dissents (self->workshop, risk));
  if (self->presenter != NULL)
    iap_presenter_window_show_risk (self->presenter, self->workshop, round, risk);
}

static void
show_reveal (IapRoundWindow *self)
{
  gtk_drop_down_set_selected (self->dissent_participant, 0);
  gtk_drop_down_set_selected (self->risk_dropdown, 0);
  update_title (self);
  gtk_stack_set_visible_child_name (self->stack, "reveal");
  _iap_round_window_update_reveal (self);
  gtk_widget_grab_focus (n_risks (self) > 0 ? GTK_WIDGET (self->risk_dropdown)
                                            : GTK_WIDGET (self->dissent_participant));
}

/* The scores are hidden again (the reveal undone) or not yet shown */
static void
hide_stats (IapRoundWindow *self)
{
  gtk_label_set_label (self->stats_label, "");
  set_spread (self, NULL);
}

/* The session moved on (a command, undo or redo): the page follows. */
static void
show_stage (IapRoundWindow *self)
{
  _iap_round_window_clear_scores (self);
  switch (iap_round_session_get_stage (self->session))
    {
    case IAP_ROUND_STAGE_OPEN:
      hide_stats (self);
      _iap_round_window_show_pass (self);
      break;
    case IAP_ROUND_STAGE_REVEALED:
      show_reveal (self);
      break;
    case IAP_ROUND_STAGE_NONE:
    default:
      hide_stats (self);
      show_start (self);
      break;
    }
}

static void
on_session_changed (IapRoundWindow *self)
{
  IapRound *round = iap_round_session_get_round (self->session);
  IapRoundStage stage = iap_round_session_get_stage (self->session);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (round != self->shown_round || (int) stage != self->shown_stage)
    {
      g_set_object (&self->shown_round, round);
      self->shown_stage = stage;
      show_stage (self);
      return;
    }

  /* The same stage: an edit within it. The scorer's page stays as is. */
  if (g_strcmp0 (page, "pass") == 0)
    {
      update_title (self);
      _iap_round_window_update_progress (self);
    }
  else if (g_strcmp0 (page, "reveal") == 0)
    _iap_round_window_update_reveal (self);
}

static void
on_dissent_entry_activate (IapRoundWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "round.dissent", NULL);
}

static gboolean
close_presenter_when_idle (gpointer data)
{
  if (gtk_widget_get_realized (data))
    gtk_window_close (data);

  return G_SOURCE_REMOVE;
}

/* The main window now shows another workshop. The round belongs to the
 * old one, which already holds every score given, so the window goes. */
static void
on_parent_workshop_changed (IapRoundWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "round.close", NULL);
}

static void
iap_round_window_dispose (GObject *object)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (object);

  g_clear_pointer (&self->spread, iap_risk_stats_free);
  /* Not destroyed here: the application may be closing its windows from
   * a list that holds the presenter too. */
  if (self->presenter != NULL)
    {
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_presenter_when_idle,
                       g_object_ref (self->presenter), g_object_unref);
      g_object_remove_weak_pointer (G_OBJECT (self->presenter), (gpointer *) &self->presenter);
      self->presenter = NULL;
    }
  /* Voting stops with the round window, at once: nothing listens after
   * it. Its window goes the presenter's way. */
  if (self->voting != NULL)
    {
      iap_voting_window_stop (IAP_VOTING_WINDOW (self->voting));
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_presenter_when_idle,
                       g_object_ref (self->voting), g_object_unref);
      g_object_remove_weak_pointer (G_OBJECT (self->voting), (gpointer *) &self->voting);
      self->voting = NULL;
    }
  /* The window's content is a template child: let go of it once */
  adw_window_set_content (ADW_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_ROUND_WINDOW);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->workshop != NULL &&
      g_object_get_data (G_OBJECT (self->workshop), "iap-round-window") == self)
    g_object_set_data (G_OBJECT (self->workshop), "iap-round-window", NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->workshop);
  g_clear_object (&self->shown_round);
  g_clear_pointer (&self->scorer, g_free);

  G_OBJECT_CLASS (iap_round_window_parent_class)->dispose (object);
}

static void
iap_round_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, IapRoundWindow, name)

static void
iap_round_window_class_init (IapRoundWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_round_window_dispose;
  object_class->get_property = iap_round_window_get_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         IAP_TYPE_ROUND_SESSION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IAP_TYPE_BALLOT_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-round-window.ui");
  BIND (code_box); BIND (code_entry); BIND (code_label);
  BIND (toast_overlay); BIND (send_button); BIND (collect_button);
  BIND (round_label); BIND (presenter_button); BIND (start_risks); BIND (factors_check); BIND (factors_label);
  BIND (stack); BIND (private_button); BIND (ballot_button); BIND (participant_dropdown); BIND (score_button);
  BIND (progress_label); BIND (phones_button); BIND (reveal_button); BIND (scorer_label); BIND (score_scroller); BIND (score_list);
  BIND (ballot_grid); BIND (done_button); BIND (overview_label); BIND (risk_reveal); BIND (risk_dropdown);
  BIND (previous_button); BIND (next_button); BIND (result_label); BIND (risk_picture); BIND (spread_area); BIND (details_expander); BIND (stats_label); BIND (agreed_likelihood);
  BIND (agreed_impact); BIND (agree_button); BIND (agreed_label); BIND (dissent_participant);
  BIND (dissent_attribution); BIND (dissent_subject); BIND (dissent_entry); BIND (dissent_button);
  BIND (dissents_label); BIND (again_button); BIND (end_button);
  _iap_round_window_class_add_actions (widget_class);
}

/* Returned ballots dropped on the window are collected */
static gboolean
on_drop (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         IapRoundWindow *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  _iap_round_window_collect_files (self, G_LIST_MODEL (files));

  return TRUE;
}

static void
fix_button_names (IapRoundWindow *self)
{
  GtkButton *buttons[] = {
    self->presenter_button, self->private_button, self->ballot_button, self->score_button,
    self->send_button, self->collect_button,
    self->phones_button, self->reveal_button, self->done_button, self->previous_button, self->next_button,
    self->agree_button, self->dissent_button, self->again_button, self->end_button,
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    iap_button_fix_accessible_name (GTK_WIDGET (buttons[i]));
}

static void
iap_round_window_init (IapRoundWindow *self)
{
  g_autoptr(GListModel) attribution = NULL;
  g_autoptr(GListModel) subject = NULL;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  iap_label_show_full_text (self->round_label);
  gtk_drawing_area_set_draw_func (self->spread_area, draw_spread, self, NULL);
  g_signal_connect (self->spread_area, "resize", G_CALLBACK (on_spread_resize), self);
  /* "Who dissents" says more than its mnemonic label, "Dissent from" */
  iap_accessible_use_own_label (GTK_WIDGET (self->dissent_participant));
  fix_button_names (self);
  g_signal_connect_swapped (self->dissent_entry, "activate", G_CALLBACK (on_dissent_entry_activate), self);
  g_signal_connect_swapped (self->code_entry, "changed", G_CALLBACK (on_code_changed), self);
  attribution = string_choices (_("By name"), _("By pillar only"), NULL);
  subject = string_choices (_("On this risk"), _("On the recommendation"), NULL);
  gtk_drop_down_set_model (self->dissent_attribution, attribution);
  gtk_drop_down_set_model (self->dissent_subject, subject);
  g_signal_connect_object (self->risk_dropdown, "notify::selected",
                           G_CALLBACK (_iap_round_window_update_reveal), self, G_CONNECT_SWAPPED);
  self->shown_stage = -1;
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* The pickers show the workshop's lists as they are: bound, not copied. */
static void
bind_pickers (IapRoundWindow *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  g_autoptr(GListModel) levels_l = iap_round_text_choices (iap_scales_get_likelihood (scales), _("Not agreed"));
  g_autoptr(GListModel) levels_m = iap_round_text_choices (iap_scales_get_impact (scales), _("Not agreed"));
  GListModel *participants = iap_workshop_get_participants (self->workshop);
  GtkDropDown *people[] = { self->participant_dropdown, self->dissent_participant };

  gtk_drop_down_set_model (self->agreed_likelihood, levels_l);
  gtk_drop_down_set_model (self->agreed_impact, levels_m);
  iap_round_text_setup_picker (self->agreed_likelihood);
  iap_round_text_setup_picker (self->agreed_impact);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gtk_drop_down_set_expression (people[i], gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                            G_CALLBACK (dup_participant_label),
                                                                            NULL, NULL));
      gtk_drop_down_set_model (people[i], participants);
    }
  gtk_drop_down_set_expression (self->risk_dropdown, gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                                  G_CALLBACK (dup_risk_title),
                                                                                  NULL, NULL));
  gtk_drop_down_set_model (self->risk_dropdown, iap_round_session_get_risks (self->session));
}

IapRoundWindow *
iap_round_window_new (GtkWindow   *parent,
                      IapWorkshop *workshop)
{
  IapRoundWindow *self = g_object_new (IAP_TYPE_ROUND_WINDOW,
                                       "transient-for", parent,
                                       "destroy-with-parent", TRUE,
                                       NULL);

  int width, height;

  /* No larger than the window it opens from: on a small screen, no part
   * of it beyond the screen's edge */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    gtk_window_set_default_size (GTK_WINDOW (self),
                                 MIN (width, gtk_widget_get_width (GTK_WIDGET (parent))),
                                 MIN (height, gtk_widget_get_height (GTK_WIDGET (parent))));
  self->workshop = g_object_ref (workshop);
  self->session = iap_round_session_new (workshop);
  gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  bind_pickers (self);
  g_signal_connect_object (self->session, "changed",
                           G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  if (IAP_IS_WINDOW (parent))
    g_signal_connect_object (parent, "notify::workshop",
                             G_CALLBACK (on_parent_workshop_changed), self, G_CONNECT_SWAPPED);
  on_session_changed (self);

  return self;
}

/**
 * iap_round_window_present:
 *
 * Shows the round window of @workshop, opening it if needed: one per
 * workshop, so that two windows never run the same round.
 *
 * Returns: (transfer none): the window
 */
IapRoundWindow *
iap_round_window_present (GtkWindow   *parent,
                          IapWorkshop *workshop)
{
  IapRoundWindow *self = g_object_get_data (G_OBJECT (workshop), "iap-round-window");

  if (self == NULL)
    {
      self = iap_round_window_new (parent, workshop);
      g_object_set_data (G_OBJECT (workshop), "iap-round-window", self);
    }
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/**
 * iap_round_window_get_session:
 *
 * Returns: (transfer none): the round session the window shows
 */
IapRoundSession *
iap_round_window_get_session (IapRoundWindow *self)
{
  g_return_val_if_fail (IAP_IS_ROUND_WINDOW (self), NULL);

  return self->session;
}
