/* iap-round-window.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A scoring round, estimate-talk-estimate: open a round, let each
 * participant score in private (or type in their paper ballot), show who
 * has scored but never how, reveal, agree a rating per risk, record
 * dissent, and open a second round on the risks without consensus.
 *
 * Privacy: the scoring page only ever holds the current scorer's own
 * scores, and is emptied before the next person takes the laptop. The
 * reveal page and the presenter view are filled only once the round's
 * state is "revealed".
 */

#define G_LOG_DOMAIN "iap-round-window"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-accessibility.h"
#include "iap-ballot-grid.h"
#include "iap-consensus.h"
#include "iap-dialogs.h"
#include "iap-participants-view.h"
#include "iap-presenter-window.h"
#include "iap-round-chart.h"
#include "iap-round-text.h"
#include "iap-round-window.h"
#include "iap-window.h"

struct _IapRoundWindow
{
  GtkWindow parent_instance;

  /* Template widgets */
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
  GtkButton *reveal_button;
  GtkLabel *scorer_label;
  GtkListBox *score_list;
  IapBallotGrid *ballot_grid;
  GtkButton *done_button;
  GtkWidget *score_scroller;
  GtkLabel *overview_label;
  GtkWidget *risk_reveal;
  GtkDropDown *risk_dropdown;
  GtkButton *previous_button;
  GtkButton *next_button;
  IapRoundChart *chart;
  GtkLabel *stats_label;
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

  /* Owned */
  IapWorkshop *workshop;
  IapRound *round;
  GPtrArray *risks;             /* IapRisk: the risks of the round */
  char *scorer;                 /* participant id while someone scores */
  gboolean factors;             /* the round scores the triple-hatting factors too */

  /* Unowned: closed with this window */
  IapPresenterWindow *presenter;
};

G_DEFINE_FINAL_TYPE (IapRoundWindow, iap_round_window, GTK_TYPE_WINDOW)

static void update_reveal (IapRoundWindow *self);

static gboolean
round_is_open (IapRoundWindow *self)
{
  return self->round != NULL && g_strcmp0 (iap_round_get_state (self->round), "open") == 0;
}

static IapRisk *
current_risk (IapRoundWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->risk_dropdown);

  return i < self->risks->len ? g_ptr_array_index (self->risks, i) : NULL;
}

static IapParticipant *
participant_at (IapRoundWindow *self,
                guint           position)
{
  g_autoptr(IapParticipant) p = NULL;

  p = g_list_model_get_item (iap_workshop_get_participants (self->workshop), position);

  return p; /* the workshop's list keeps it alive */
}

/* A string list of every participant's label, for the pickers. */
static GListModel *
participant_choices (IapRoundWindow *self)
{
  GListModel *participants = iap_workshop_get_participants (self->workshop);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autofree char *label = iap_participant_dup_label (participant_at (self, i));

      gtk_string_list_append (list, label);
    }

  return G_LIST_MODEL (list);
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

/* The risks of a round are those it records, in register order; a file
 * written before rounds kept them tells by the ratings, and a round
 * with neither scores every risk. */
static void
collect_risks (IapRoundWindow *self)
{
  GListModel *risks = iap_workshop_get_risks (self->workshop);
  GListModel *ratings = iap_round_get_ratings (self->round);
  const char * const *scope = iap_round_get_risks (self->round);
  gboolean recorded = (scope != NULL && scope[0] != NULL) || iap_round_get_factors (self->round);
  g_autoptr(GHashTable) rated = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean all;

  for (guint j = 0; !recorded && j < g_list_model_get_n_items (ratings); j++)
    {
      g_autoptr(IapRating) rating = g_list_model_get_item (ratings, j);

      /* The risk outlives the lookup: the workshop holds it */
      g_hash_table_add (rated, (gpointer) iap_rating_get_risk (rating));
    }
  all = !recorded && g_hash_table_size (rated) == 0 && !self->factors;

  g_ptr_array_set_size (self->risks, 0);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      const char *id = iap_risk_get_id (risk);
      gboolean in = recorded ? scope != NULL && g_strv_contains (scope, id)
                             : all || g_hash_table_contains (rated, id);

      if (in)
        g_ptr_array_add (self->risks, g_steal_pointer (&risk));
    }
}

static void
update_title (IapRoundWindow *self)
{
  g_autofree char *text = NULL;

  if (self->round == NULL)
    {
      gtk_label_set_label (self->round_label, _("No scoring round in progress"));
      return;
    }

  text = iap_round_text_heading (self->round, self->risks->len);
  gtk_label_set_label (self->round_label, text);
}

/* Who has scored, never how. */
static void
update_progress (IapRoundWindow *self)
{
  GListModel *participants = iap_workshop_get_participants (self->workshop);
  guint n = g_list_model_get_n_items (participants);
  g_autoptr(GPtrArray) scored = iap_consensus_scored (self->round);
  g_autoptr(GString) done = g_string_new (NULL);
  g_autoptr(GString) waiting = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      IapParticipant *p = participant_at (self, i);
      g_autofree char *label = iap_participant_dup_label (p);
      gboolean has = g_ptr_array_find_with_equal_func (scored, iap_participant_get_id (p), g_str_equal, NULL);
      GString *s = has ? done : waiting;

      g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "", label);
    }

  /* Translators: the progress of a round; the lists are participants' names */
  text = g_strdup_printf (_("%u of %u have scored.\nScored: %s\nNot yet: %s"), scored->len, n,
                          done->len > 0 ? done->str : "—", waiting->len > 0 ? waiting->str : "—");
  gtk_label_set_label (self->progress_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reveal_button), scored->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->score_button), n > 0);
  if (self->presenter != NULL)
    iap_presenter_window_show_progress (self->presenter, self->round, scored->len, n);
}

static void
show_pass (IapRoundWindow *self)
{
  g_autoptr(GListModel) choices = participant_choices (self);

  gtk_drop_down_set_model (self->participant_dropdown, choices);
  update_title (self);
  update_progress (self);
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
  const char *id = iap_risk_get_id (risk);

  if (self->scorer == NULL || !round_is_open (self))
    return;

  if (l > 0 && m > 0)
    iap_workshop_set_rating (self->workshop, self->round, self->scorer, id, l, m);
  else if (iap_round_find_rating (self->round, self->scorer, id) != NULL)
    iap_workshop_set_rating (self->workshop, self->round, self->scorer, id, 0, 0);
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

static GtkWidget *
new_score_row (IapRoundWindow *self,
               IapRisk        *risk)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  IapRating *own = iap_round_find_rating (self->round, self->scorer, iap_risk_get_id (risk));
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
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
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

static void
clear_scores (IapRoundWindow *self)
{
  GtkWidget *child;

  iap_ballot_grid_commit (self->ballot_grid);
  iap_ballot_grid_clear (self->ballot_grid);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->score_list))) != NULL)
    gtk_list_box_remove (self->score_list, child);
  g_clear_pointer (&self->scorer, g_free);
  gtk_label_set_label (self->scorer_label, "");
}

static void
on_score_clicked (IapRoundWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->participant_dropdown);
  gboolean ballot = g_strcmp0 (iap_round_get_mode (self->round), "ballot") == 0;
  IapParticipant *p;
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;

  if (i == GTK_INVALID_LIST_POSITION || (p = participant_at (self, i)) == NULL)
    return;

  clear_scores (self);
  self->scorer = g_strdup (iap_participant_get_id (p));
  label = iap_participant_dup_label (p);
  if (ballot)
    /* Translators: %s is the participant whose paper ballot is typed in */
    heading = g_strdup_printf (_("%s: paper ballot. Nobody else's scores are shown."), label);
  else
    /* Translators: %s is the participant who has the laptop */
    heading = g_strdup_printf (_("%s: your scores. Nobody else's are shown."), label);
  gtk_label_set_label (self->scorer_label, heading);
  gtk_widget_set_visible (self->score_scroller, !ballot && self->risks->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->ballot_grid), ballot || self->factors);
  if (ballot || self->factors)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      /* In private mode the risks keep their pickers; the grid holds the factors. */
      iap_ballot_grid_fill (self->ballot_grid, self->workshop, self->round, self->scorer,
                            ballot ? self->risks : none, self->factors);
    }
  if (!ballot)
    for (guint r = 0; r < self->risks->len; r++)
      gtk_list_box_append (self->score_list, new_score_row (self, g_ptr_array_index (self->risks, r)));
  gtk_stack_set_visible_child_name (self->stack, "score");
  if (ballot || self->risks->len == 0)
    iap_ballot_grid_focus_first (self->ballot_grid);
  else
    gtk_widget_child_focus (GTK_WIDGET (self->score_list), GTK_DIR_TAB_FORWARD);
}

/* The next person takes the laptop: nothing of the last one stays. */
static void
on_done_clicked (IapRoundWindow *self)
{
  guint n = g_list_model_get_n_items (iap_workshop_get_participants (self->workshop));
  guint next = gtk_drop_down_get_selected (self->participant_dropdown) + 1;

  clear_scores (self);
  show_pass (self);
  if (next < n)
    gtk_drop_down_set_selected (self->participant_dropdown, next);
}

static void
start_round (IapRoundWindow *self,
             const char     *mode,
             GPtrArray      *risks)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) scope = NULL;

  if (risks != NULL)
    {
      g_ptr_array_set_size (self->risks, 0);
      g_ptr_array_extend (self->risks, risks, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
    }
  for (guint i = 0; i < self->risks->len; i++)
    g_strv_builder_add (ids, iap_risk_get_id (g_ptr_array_index (self->risks, i)));
  scope = g_strv_builder_end (ids);

  /* What the round scores is kept with it, to be the same when reopened */
  iap_workshop_begin_edit (self->workshop, _("Start Round"));
  g_set_object (&self->round, iap_workshop_add_round (self->workshop, mode));
  iap_workshop_set (self->workshop, self->round, "risks", scope, "factors", self->factors, NULL);
  iap_workshop_end_edit (self->workshop);
  gtk_label_set_label (self->stats_label, "");
  iap_round_chart_set_stats (self->chart, NULL, NULL);
  gtk_button_set_label (self->done_button, g_strcmp0 (mode, "ballot") == 0
                        ? _("_Done, Next Ballot") : _("_Done, Pass the Laptop"));
  iap_button_fix_accessible_name (GTK_WIDGET (self->done_button));
  show_pass (self);
}

/* The start page: every risk, each ticked, to choose the round's set. */
static void
show_start (IapRoundWindow *self)
{
  GListModel *risks = iap_workshop_get_risks (self->workshop);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->start_risks))) != NULL)
    gtk_list_box_remove (self->start_risks, child);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      const char *title = iap_risk_get_title (risk);
      GtkWidget *check = gtk_check_button_new_with_label (title != NULL ? title : iap_risk_get_id (risk));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data_full (G_OBJECT (check), "risk", g_object_ref (risk), g_object_unref);
      gtk_list_box_append (self->start_risks, check);
    }
  update_title (self);
  gtk_stack_set_visible_child_name (self->stack, "start");
}

static void
start_chosen (IapRoundWindow *self,
              const char     *mode)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->start_risks));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_ptr_array_add (chosen, g_object_get_data (G_OBJECT (check), "risk"));
    }
  self->factors = gtk_check_button_get_active (self->factors_check);
  if (chosen->len > 0 || self->factors)
    start_round (self, mode, chosen);
}

static void
on_private_clicked (IapRoundWindow *self)
{
  start_chosen (self, "private");
}

static void
on_ballot_clicked (IapRoundWindow *self)
{
  start_chosen (self, "ballot");
}

static void
show_reveal (IapRoundWindow *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GListModel) people = participant_choices (self);

  for (guint i = 0; i < self->risks->len; i++)
    {
      IapRisk *risk = g_ptr_array_index (self->risks, i);

      gtk_string_list_append (titles, iap_round_text_risk_title (risk));
    }
  gtk_drop_down_set_model (self->dissent_participant, people);
  gtk_drop_down_set_model (self->risk_dropdown, G_LIST_MODEL (titles));
  update_title (self);
  gtk_stack_set_visible_child_name (self->stack, "reveal");
  update_reveal (self);
  gtk_widget_grab_focus (self->risks->len > 0 ? GTK_WIDGET (self->risk_dropdown)
                                              : GTK_WIDGET (self->dissent_participant));
}

static void
on_reveal_clicked (IapRoundWindow *self)
{
  iap_workshop_set (self->workshop, self->round, "state", "revealed", NULL);
  show_reveal (self);
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

static void
update_dissents (IapRoundWindow *self,
                 IapRisk        *risk)
{
  g_autofree char *text = iap_round_text_dissents (self->workshop, risk);

  gtk_label_set_label (self->dissents_label, text);
}

static void
update_overview (IapRoundWindow *self)
{
  g_autofree char *text = iap_round_text_overview (self->workshop, self->round, self->risks);

  gtk_label_set_label (self->overview_label, text);
}

static void
update_factors (IapRoundWindow *self)
{
  g_autofree char *text = iap_round_text_factors (self->workshop, self->round);

  gtk_label_set_label (self->factors_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->factors_label), text != NULL);
}

static void
update_reveal (IapRoundWindow *self)
{
  IapRisk *risk = current_risk (self);
  g_autoptr(IapRiskStats) stats = NULL;
  g_autofree char *describe = NULL;
  g_autofree char *text = NULL;

  if (round_is_open (self))
    return;

  update_overview (self);
  update_factors (self);
  /* A round on the factors alone has no risk to show, agree or compare */
  gtk_widget_set_visible (self->risk_reveal, self->risks->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->overview_label), self->risks->len > 0);
  if (risk == NULL)
    {
      if (self->presenter != NULL && self->risks->len == 0)
        iap_presenter_window_show_factors (self->presenter, self->workshop, self->round);
      return;
    }
  stats = iap_consensus_for_risk (self->workshop, self->round, iap_risk_get_id (risk));
  describe = iap_round_text_describe (self->workshop, stats, TRUE);
  /* Translators: "Risk 2 of 20: “Armed escorts draw attacks”", then the statistics */
  text = g_strdup_printf (_("Risk %u of %u: “%s”\n%s"), gtk_drop_down_get_selected (self->risk_dropdown) + 1,
                          self->risks->len, iap_round_text_risk_title (risk), describe);
  gtk_label_set_label (self->stats_label, text);
  iap_round_chart_set_stats (self->chart, iap_workshop_get_scales (self->workshop), stats);
  set_agreed (self, risk, stats);
  update_dissents (self, risk);
  if (self->presenter != NULL)
    iap_presenter_window_show_risk (self->presenter, self->workshop, self->round, risk);
}

static void
step_risk (IapRoundWindow *self,
           int             step)
{
  guint i = gtk_drop_down_get_selected (self->risk_dropdown);

  if (i == GTK_INVALID_LIST_POSITION || self->risks->len == 0)
    return;
  gtk_drop_down_set_selected (self->risk_dropdown, (i + self->risks->len + step) % self->risks->len);
}

static void
on_previous_clicked (IapRoundWindow *self)
{
  step_risk (self, -1);
}

static void
on_next_clicked (IapRoundWindow *self)
{
  step_risk (self, 1);
}

static void
on_agree_clicked (IapRoundWindow *self)
{
  IapRisk *risk = current_risk (self);
  guint l = gtk_drop_down_get_selected (self->agreed_likelihood);
  guint m = gtk_drop_down_get_selected (self->agreed_impact);

  if (risk == NULL || l == 0 || m == 0)
    return;

  iap_workshop_set (self->workshop, risk, "inherent-likelihood", l, "inherent-impact", m, NULL);
}

static void
on_dissent_clicked (IapRoundWindow *self)
{
  IapRisk *risk = current_risk (self);
  guint who = gtk_drop_down_get_selected (self->dissent_participant);
  gboolean on_risk = gtk_drop_down_get_selected (self->dissent_subject) == 0;
  gboolean by_pillar = gtk_drop_down_get_selected (self->dissent_attribution) == 1;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->dissent_entry));
  IapParticipant *p;
  IapDissent *d;

  if (risk == NULL || *text == '\0' || (p = participant_at (self, who)) == NULL)
    return;

  iap_workshop_begin_edit (self->workshop, _("Record Dissent"));
  d = iap_workshop_add_dissent (self->workshop, iap_participant_get_id (p),
                                on_risk ? "risk" : "recommendation",
                                on_risk ? iap_risk_get_id (risk) : NULL, text);
  iap_workshop_set (self->workshop, d, "attribution", by_pillar ? "pillar" : "name", NULL);
  iap_workshop_end_edit (self->workshop);
  gtk_editable_set_text (GTK_EDITABLE (self->dissent_entry), "");
}

/* Estimate-talk-estimate: the risks the room did not agree on go again. */
static void
on_again_clicked (IapRoundWindow *self)
{
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);
  IapRound *old = self->round;
  g_autoptr(GHashTable) table = iap_consensus_for_round (self->workshop, old);

  for (guint i = 0; i < self->risks->len; i++)
    {
      IapRisk *risk = g_ptr_array_index (self->risks, i);
      const IapRiskStats *stats = iap_consensus_lookup (table, iap_risk_get_id (risk));

      if (stats->consensus != IAP_CONSENSUS_REACHED)
        g_ptr_array_add (again, g_object_ref (risk));
    }
  if (again->len == 0)
    {
      gtk_label_set_label (self->agreed_label, _("Every risk of this round reached consensus."));
      return;
    }

  iap_workshop_begin_edit (self->workshop, _("Start Round"));
  iap_workshop_set (self->workshop, old, "state", "closed", NULL);
  /* The second round is on the risks; the factors keep their medians */
  self->factors = FALSE;
  start_round (self, iap_round_get_mode (old), again);
  iap_workshop_end_edit (self->workshop);
}

static void
on_presenter_clicked (IapRoundWindow *self)
{
  if (self->presenter == NULL)
    {
      self->presenter = iap_presenter_window_new ();
      gtk_window_set_application (GTK_WINDOW (self->presenter), gtk_window_get_application (GTK_WINDOW (self)));
      g_object_add_weak_pointer (G_OBJECT (self->presenter), (gpointer *) &self->presenter);
    }
  gtk_window_present (GTK_WINDOW (self->presenter));
  if (round_is_open (self))
    update_progress (self);
  else if (self->round != NULL)
    update_reveal (self);
}

/* Undo, redo and edits elsewhere: follow the document. */
static void
on_history_changed (IapRoundWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  guint position;

  if (self->round != NULL &&
      !g_list_store_find (G_LIST_STORE (iap_workshop_get_rounds (self->workshop)), self->round, &position))
    {
      clear_scores (self);
      g_clear_object (&self->round);
      show_start (self);
      return;
    }
  if (g_strcmp0 (page, "reveal") == 0 && round_is_open (self))
    {
      /* The reveal was undone: hide the scores again. */
      gtk_label_set_label (self->stats_label, "");
      iap_round_chart_set_stats (self->chart, NULL, NULL);
      show_pass (self);
    }
  else if (g_strcmp0 (page, "pass") == 0)
    update_progress (self);
  else if (g_strcmp0 (page, "reveal") == 0)
    update_reveal (self);
}

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (data);

  return G_SOURCE_REMOVE;
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
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (self), g_object_unref);
}

/* Escape is a key press: close once GTK has finished delivering it. */
static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (widget), g_object_unref);
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

static void
iap_round_window_dispose (GObject *object)
{
  IapRoundWindow *self = IAP_ROUND_WINDOW (object);

  /* Not destroyed here: the application may be closing its windows from
   * a list that holds the presenter too. */
  if (self->presenter != NULL)
    {
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_presenter_when_idle,
                       g_object_ref (self->presenter), g_object_unref);
      g_object_remove_weak_pointer (G_OBJECT (self->presenter), (gpointer *) &self->presenter);
      self->presenter = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_ROUND_WINDOW);
  if (self->workshop != NULL)
    {
      g_signal_handlers_disconnect_by_data (iap_workshop_get_history (self->workshop), self);
      if (g_object_get_data (G_OBJECT (self->workshop), "iap-round-window") == self)
        g_object_set_data (G_OBJECT (self->workshop), "iap-round-window", NULL);
    }
  g_clear_object (&self->workshop);
  g_clear_object (&self->round);
  g_clear_pointer (&self->risks, g_ptr_array_unref);
  g_clear_pointer (&self->scorer, g_free);

  G_OBJECT_CLASS (iap_round_window_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, IapRoundWindow, name)

static void
iap_round_window_class_init (IapRoundWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_round_window_dispose;

  g_type_ensure (IAP_TYPE_ROUND_CHART);
  g_type_ensure (IAP_TYPE_BALLOT_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-round-window.ui");
  BIND (round_label); BIND (presenter_button); BIND (start_risks); BIND (factors_check); BIND (factors_label); BIND (stack); BIND (private_button);
  BIND (ballot_button); BIND (participant_dropdown); BIND (score_button); BIND (progress_label);
  BIND (reveal_button); BIND (scorer_label); BIND (score_scroller); BIND (score_list); BIND (ballot_grid); BIND (done_button);
  BIND (overview_label); BIND (risk_reveal); BIND (risk_dropdown); BIND (previous_button); BIND (next_button); BIND (chart); BIND (stats_label); BIND (agreed_likelihood);
  BIND (agreed_impact); BIND (agree_button); BIND (agreed_label); BIND (dissent_participant);
  BIND (dissent_attribution); BIND (dissent_subject); BIND (dissent_entry); BIND (dissent_button);
  BIND (dissents_label); BIND (again_button);
  gtk_widget_class_install_action (widget_class, "round.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "round.close", NULL);
  gtk_widget_class_install_action (widget_class, "round.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "round.save", NULL);
}

static void
fix_button_names (IapRoundWindow *self)
{
  GtkButton *buttons[] = {
    self->presenter_button, self->private_button, self->ballot_button, self->score_button,
    self->reveal_button, self->done_button, self->previous_button, self->next_button, self->agree_button, self->dissent_button, self->again_button,
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    iap_button_fix_accessible_name (GTK_WIDGET (buttons[i]));
}

static void
iap_round_window_init (IapRoundWindow *self)
{
  g_autoptr(GListModel) attribution = NULL;
  g_autoptr(GListModel) subject = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* "Who dissents" says more than its mnemonic label, "Dissent from" */
  iap_accessible_use_own_label (GTK_WIDGET (self->dissent_participant));
  g_signal_connect_swapped (self->presenter_button, "clicked", G_CALLBACK (on_presenter_clicked), self);
  g_signal_connect_swapped (self->private_button, "clicked", G_CALLBACK (on_private_clicked), self);
  g_signal_connect_swapped (self->ballot_button, "clicked", G_CALLBACK (on_ballot_clicked), self);
  g_signal_connect_swapped (self->score_button, "clicked", G_CALLBACK (on_score_clicked), self);
  g_signal_connect_swapped (self->reveal_button, "clicked", G_CALLBACK (on_reveal_clicked), self);
  g_signal_connect_swapped (self->done_button, "clicked", G_CALLBACK (on_done_clicked), self);
  g_signal_connect_swapped (self->agree_button, "clicked", G_CALLBACK (on_agree_clicked), self);
  g_signal_connect_swapped (self->previous_button, "clicked", G_CALLBACK (on_previous_clicked), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (on_next_clicked), self);
  g_signal_connect_swapped (self->dissent_button, "clicked", G_CALLBACK (on_dissent_clicked), self);
  g_signal_connect_swapped (self->dissent_entry, "activate", G_CALLBACK (on_dissent_clicked), self);
  g_signal_connect_swapped (self->again_button, "clicked", G_CALLBACK (on_again_clicked), self);
  self->risks = g_ptr_array_new_with_free_func (g_object_unref);
  fix_button_names (self);
  attribution = string_choices (_("By name"), _("By pillar only"), NULL);
  subject = string_choices (_("On this risk"), _("On the recommendation"), NULL);
  gtk_drop_down_set_model (self->dissent_attribution, attribution);
  gtk_drop_down_set_model (self->dissent_subject, subject);
  g_signal_connect_object (self->risk_dropdown, "notify::selected",
                           G_CALLBACK (update_reveal), self, G_CONNECT_SWAPPED);
}

/* The latest round still in play, if any. */
static IapRound *
find_current_round (IapWorkshop *workshop)
{
  GListModel *rounds = iap_workshop_get_rounds (workshop);
  guint n = g_list_model_get_n_items (rounds);
  g_autoptr(IapRound) round = n > 0 ? g_list_model_get_item (rounds, n - 1) : NULL;

  if (round == NULL || g_strcmp0 (iap_round_get_state (round), "closed") == 0)
    return NULL;

  return round;
}

IapRoundWindow *
iap_round_window_new (GtkWindow   *parent,
                      IapWorkshop *workshop)
{
  IapRoundWindow *self = g_object_new (IAP_TYPE_ROUND_WINDOW,
                                       "transient-for", parent,
                                       "destroy-with-parent", TRUE,
                                       NULL);
  IapScales *scales = iap_workshop_get_scales (workshop);
  g_autoptr(GListModel) levels_l = iap_round_text_choices (iap_scales_get_likelihood (scales), _("Not agreed"));
  g_autoptr(GListModel) levels_m = iap_round_text_choices (iap_scales_get_impact (scales), _("Not agreed"));

  self->workshop = g_object_ref (workshop);
  gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  gtk_drop_down_set_model (self->agreed_likelihood, levels_l);
  gtk_drop_down_set_model (self->agreed_impact, levels_m);
  iap_round_text_setup_picker (self->agreed_likelihood);
  iap_round_text_setup_picker (self->agreed_impact);
  g_signal_connect_object (iap_workshop_get_history (workshop), "changed",
                           G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  if (IAP_IS_WINDOW (parent))
    g_signal_connect_object (parent, "notify::workshop",
                             G_CALLBACK (on_parent_workshop_changed), self, G_CONNECT_SWAPPED);
  g_set_object (&self->round, find_current_round (workshop));
  if (self->round == NULL)
    {
      show_start (self);
      return self;
    }

  self->factors = iap_round_get_factors (self->round) ||
                  g_list_model_get_n_items (iap_round_get_factor_ratings (self->round)) > 0;
  collect_risks (self);
  if (round_is_open (self))
    show_pass (self);
  else
    show_reveal (self);

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
