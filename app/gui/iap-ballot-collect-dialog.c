/* iap-ballot-collect-dialog.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Collect Ballots: the returned ballots (spreadsheets and application
 * ballots, any mix, chosen or dropped) are read and judged by the
 * core's IapBallotCollect before anything changes. The preview says per
 * ballot whose it is, how many scores and blanks it holds, what could
 * not be read (row and reason), why it is refused, and where two
 * ballots of one participant disagree; the facilitator picks one in
 * each conflict. Counts only: no score is shown before the reveal.
 * Import is one edit of the workshop, undone like any other.
 */

#define G_LOG_DOMAIN "iap-ballot-collect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-ballot-collect.h"
#include "iap-ballot-collect-dialog.h"
#include "iap-ballot-file.h"
#include "iap-dialogs.h"

struct _IapBallotCollectDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkLabel *summary_label;
  GtkListBox *ballot_list;
  GtkButton *import_button;

  /* Owned */
  IapRoundSession *session;
  IapBallotCollect *collect;
  GHashTable *contested;        /* participant id -> whether the round's scores differ too */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (IapBallotCollectDialog, iap_ballot_collect_dialog, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void rebuild (IapBallotCollectDialog *self);

static IapWorkshop *
workshop_of (IapBallotCollectDialog *self)
{
  return iap_round_session_get_workshop (self->session);
}

/* "Amara Diallo", or the file's name when it names no participant */
static char *
dup_who (IapBallotCollectDialog *self,
         IapBallot              *ballot)
{
  const char *id = iap_ballot_get_participant (ballot);
  IapParticipant *p = id != NULL ? iap_workshop_find_participant (workshop_of (self), id) : NULL;

  if (p != NULL)
    return iap_participant_dup_label (p);

  return g_path_get_basename (iap_ballot_get_source (ballot));
}

static const char *
status_text (IapBallotStatus status)
{
  switch (status)
    {
    case IAP_BALLOT_READY:
      /* Translators: the state of a ballot in the collect preview */
      return C_("ballot", "To import");
    case IAP_BALLOT_UNCHANGED:
      /* Translators: the state of a ballot in the collect preview */
      return C_("ballot", "Already in the round");
    case IAP_BALLOT_DUPLICATE:
      /* Translators: the state of a ballot in the collect preview */
      return C_("ballot", "Same as another ballot");
    case IAP_BALLOT_CONFLICT:
      /* Translators: the state of a ballot in the collect preview */
      return C_("ballot", "In conflict");
    case IAP_BALLOT_SKIPPED:
      /* Translators: the state of a ballot in the collect preview */
      return C_("ballot", "Not chosen");
    case IAP_BALLOT_REFUSED:
    default:
      /* Translators: the state of a ballot in the collect preview */
      return C_("ballot", "Refused");
    }
}

/* What a row says under its title: the file, the counts or the reason,
 * the values it could not read; never a score */
static char *
dup_details (IapBallotCollectDialog *self,
             IapBallot              *ballot)
{
  IapBallotStatus status = iap_ballot_collect_get_status (self->collect, ballot);
  g_autofree char *name = g_path_get_basename (iap_ballot_get_source (ballot));
  GString *text = g_string_new (name);
  guint n = iap_ballot_get_n_scores (ballot) + iap_ballot_get_n_factor_scores (ballot);

  g_string_append (text, "\n");
  if (status == IAP_BALLOT_REFUSED)
    {
      g_string_append (text, iap_ballot_collect_get_reason (self->collect, ballot));
      return g_string_free (text, FALSE);
    }

  /* Translators: how much of a ballot was filled in: scores, then blanks */
  g_string_append_printf (text, _("%u scored, %u left blank"), n, iap_ballot_get_n_blanks (ballot));
  if (g_hash_table_contains (self->contested, iap_ballot_get_participant (ballot)))
    {
      g_auto(GStrv) differences = iap_ballot_collect_dup_differences (self->collect, ballot);

      if (differences != NULL && differences[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", differences);

          g_string_append (text, "\n");
          /* Translators: the risks on which two ballots of one participant differ; never the scores */
          g_string_append_printf (text, _("Differs on: %s"), list);
        }
    }
  for (guint i = 0; i < iap_ballot_get_n_problems (ballot); i++)
    {
      const IapBallotProblem *problem = iap_ballot_get_problem (ballot, i);

      g_string_append (text, "\n");
      if (problem->line > 0)
        /* Translators: a value of a spreadsheet ballot that could not be read: its row, why */
        g_string_append_printf (text, _("Row %u: %s"), problem->line, problem->reason);
      else
        g_string_append (text, problem->reason);
    }

  return g_string_free (text, FALSE);
}

static gboolean
rebuild_idle (gpointer data)
{
  rebuild (data);

  return G_SOURCE_REMOVE;
}

static void
on_choice_toggled (GtkCheckButton         *check,
                   IapBallotCollectDialog *self)
{
  const char *participant = g_object_get_data (G_OBJECT (check), "participant");
  IapBallot *ballot = g_object_get_data (G_OBJECT (check), "ballot");

  if (!gtk_check_button_get_active (check))
    return;
  iap_ballot_collect_choose (self->collect, participant, ballot);
  /* Rebuilt once the toggle has settled: the row is still in use */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle, g_object_ref (self), g_object_unref);
}

/* In a conflict each ballot (and the round's scores, when they differ
 * too) has a radio button: the one ticked is taken */
static GtkWidget *
new_choice (IapBallotCollectDialog *self,
            const char             *participant,
            IapBallot              *ballot,
            const char             *accessible,
            GtkCheckButton        **group)
{
  GtkWidget *check = gtk_check_button_new ();
  IapBallotStatus status = ballot != NULL ? iap_ballot_collect_get_status (self->collect, ballot) : IAP_BALLOT_CONFLICT;

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (*group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), *group);
  else
    *group = GTK_CHECK_BUTTON (check);
  g_object_set_data_full (G_OBJECT (check), "participant", g_strdup (participant), g_free);
  g_object_set_data (G_OBJECT (check), "ballot", ballot);
  if (ballot != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), status == IAP_BALLOT_READY ||
                                                           status == IAP_BALLOT_UNCHANGED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_choice_toggled), self, 0);

  return check;
}

static GtkWidget *
new_ballot_row (IapBallotCollectDialog *self,
                IapBallot              *ballot,
                GtkCheckButton        **group)
{
  IapBallotStatus status = iap_ballot_collect_get_status (self->collect, ballot);
  const char *participant = iap_ballot_get_participant (ballot);
  g_autofree char *who = dup_who (self, ballot);
  g_autofree char *details = dup_details (self, ballot);
  g_autofree char *name = g_path_get_basename (iap_ballot_get_source (ballot));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_label_new (status_text (status));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), who);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  gtk_widget_add_css_class (state, status == IAP_BALLOT_REFUSED || status == IAP_BALLOT_CONFLICT ? "error" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  if (status != IAP_BALLOT_REFUSED && participant != NULL && g_hash_table_contains (self->contested, participant))
    {
      /* Translators: the accessible name of the radio button that takes one of two conflicting ballots */
      g_autofree char *accessible = g_strdup_printf (_("Take %s"), name);
      GtkWidget *check = new_choice (self, participant, ballot, accessible, group);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
    }
  /* The row reads as one sentence to a screen reader */
  {
    g_autofree char *label = g_strdup_printf ("%s, %s. %s", who, status_text (status), details);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }

  return row;
}

/* Keeping the round's own scores, in a conflict with the round */
static GtkWidget *
new_keep_row (IapBallotCollectDialog *self,
              const char             *participant,
              GtkCheckButton        **group)
{
  IapParticipant *p = iap_workshop_find_participant (workshop_of (self), participant);
  g_autofree char *who = p != NULL ? iap_participant_dup_label (p) : g_strdup (participant);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check;
  gboolean kept = TRUE;
  GListModel *ballots = iap_ballot_collect_get_ballots (self->collect);

  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr(IapBallot) ballot = g_list_model_get_item (ballots, i);

      if (g_strcmp0 (iap_ballot_get_participant (ballot), participant) == 0 &&
          iap_ballot_collect_get_status (self->collect, ballot) != IAP_BALLOT_SKIPPED)
        kept = FALSE;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), who);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The scores already in the round"));
  /* Translators: the accessible name of the radio button that keeps the round's scores in a conflict */
  check = new_choice (self, participant, NULL, _("Keep the scores already in the round"), group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), kept);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static int
compare_ballots (gconstpointer a,
                 gconstpointer b)
{
  IapBallot *x = *(IapBallot **) a, *y = *(IapBallot **) b;
  int order = g_strcmp0 (iap_ballot_get_participant (x), iap_ballot_get_participant (y));

  return order != 0 ? order : g_strcmp0 (iap_ballot_get_source (x), iap_ballot_get_source (y));
}

static void
update_summary (IapBallotCollectDialog *self)
{
  guint ready = iap_ballot_collect_count (self->collect, IAP_BALLOT_READY);
  guint refused = iap_ballot_collect_count (self->collect, IAP_BALLOT_REFUSED);
  guint conflicts = iap_ballot_collect_count (self->collect, IAP_BALLOT_CONFLICT);
  guint unchanged = iap_ballot_collect_count (self->collect, IAP_BALLOT_UNCHANGED);
  g_autofree char *text = NULL;

  /* Translators: the collect preview's summary; each %u a number of ballots */
  text = g_strdup_printf (_("To import: %u. Refused: %u. In conflict: %u. Already in the round: %u. "
                            "Nothing changes until you import; no score is shown before the reveal."),
                          ready, refused, conflicts, unchanged);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), ready > 0);
}

/* Rows in participant order, so that a conflict's ballots sit together */
static void
rebuild (IapBallotCollectDialog *self)
{
  GListModel *ballots = iap_ballot_collect_get_ballots (self->collect);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ballot_list))) != NULL)
    gtk_list_box_remove (self->ballot_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (ballots, i));
  g_ptr_array_sort (sorted, compare_ballots);
  for (guint i = 0; i < sorted->len; i++)
    {
      IapBallot *ballot = g_ptr_array_index (sorted, i);
      const char *participant = iap_ballot_get_participant (ballot);
      GtkCheckButton *group = participant != NULL ? g_hash_table_lookup (groups, participant) : NULL;

      gtk_list_box_append (self->ballot_list, new_ballot_row (self, ballot, &group));
      if (group != NULL && !g_hash_table_contains (groups, participant))
        {
          g_hash_table_insert (groups, (gpointer) participant, group);
          if (GPOINTER_TO_INT (g_hash_table_lookup (self->contested, participant)))
            gtk_list_box_append (self->ballot_list, new_keep_row (self, participant, &group));
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ballot_list), sorted->len > 0);
  update_summary (self);
}

/* Participants in conflict stay shown as such once one is chosen */
static void
note_conflicts (IapBallotCollectDialog *self)
{
  GListModel *ballots = iap_ballot_collect_get_ballots (self->collect);

  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr(IapBallot) ballot = g_list_model_get_item (ballots, i);
      g_autoptr(GPtrArray) rivals = NULL;
      gboolean with_round = FALSE;

      if (iap_ballot_collect_get_status (self->collect, ballot) != IAP_BALLOT_CONFLICT)
        continue;
      rivals = iap_ballot_collect_dup_rivals (self->collect, ballot, &with_round);
      with_round = with_round || GPOINTER_TO_INT (g_hash_table_lookup (self->contested,
                                                                       iap_ballot_get_participant (ballot)));
      g_hash_table_insert (self->contested, g_strdup (iap_ballot_get_participant (ballot)),
                           GINT_TO_POINTER (with_round));
    }
}

void
iap_ballot_collect_dialog_add_files (IapBallotCollectDialog *self,
                                     GListModel             *files)
{
  g_return_if_fail (IAP_IS_BALLOT_COLLECT_DIALOG (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(IapBallot) ballot = iap_ballot_read (workshop_of (self), file, NULL, NULL);

      iap_ballot_collect_add (self->collect, ballot);
    }
  note_conflicts (self);
  rebuild (self);
}

static void
on_chooser_response (IapBallotCollectDialog *self,
                     int                     response,
                     GtkFileChooserNative   *chooser)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && files != NULL)
    iap_ballot_collect_dialog_add_files (self, files);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

void
iap_ballot_collect_dialog_choose_files (IapBallotCollectDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (IAP_IS_BALLOT_COLLECT_DIALOG (self));

  gtk_file_filter_set_name (filter, _("Ballots"));
  gtk_file_filter_add_pattern (filter, "*.iapb");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "application/x-iap-ballot");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Collect Ballots"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_add_clicked (IapBallotCollectDialog *self)
{
  iap_ballot_collect_dialog_choose_files (self);
}

static void
on_import_clicked (IapBallotCollectDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint participants = iap_ballot_collect_count (self->collect, IAP_BALLOT_READY);

  iap_ballot_collect_import (self->collect, &error);
  if (error != NULL)
    {
      iap_dialogs_show_error (GTK_WINDOW (self), _("The ballots were not imported"), error->message);
      return;
    }

  message = g_strdup_printf (g_dngettext (NULL, "%u ballot imported", "%u ballots imported", participants),
                             participants);
  g_signal_emit (self, signals[IMPORTED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
on_drop (GtkDropTarget          *target,
         const GValue           *value,
         double                  x,
         double                  y,
         IapBallotCollectDialog *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  iap_ballot_collect_dialog_add_files (self, G_LIST_MODEL (files));

  return TRUE;
}

static void
iap_ballot_collect_dialog_dispose (GObject *object)
{
  IapBallotCollectDialog *self = IAP_BALLOT_COLLECT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->collect);
  g_clear_object (&self->session);
  g_clear_pointer (&self->contested, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_BALLOT_COLLECT_DIALOG);

  G_OBJECT_CLASS (iap_ballot_collect_dialog_parent_class)->dispose (object);
}

static void
iap_ballot_collect_dialog_class_init (IapBallotCollectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_ballot_collect_dialog_dispose;

  /* The ballots were imported, as one edit: says how many */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-ballot-collect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IapBallotCollectDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IapBallotCollectDialog, ballot_list);
  gtk_widget_class_bind_template_child (widget_class, IapBallotCollectDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
iap_ballot_collect_dialog_init (IapBallotCollectDialog *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->contested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

IapBallotCollectDialog *
iap_ballot_collect_dialog_new (IapRoundSession *session,
                               GtkWindow       *parent)
{
  IapBallotCollectDialog *self;

  g_return_val_if_fail (IAP_IS_ROUND_SESSION (session), NULL);

  self = g_object_new (IAP_TYPE_BALLOT_COLLECT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->collect = iap_ballot_collect_new (session);
  rebuild (self);

  return self;
}
