/* iap-ballot-send-dialog.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Send Ballots: one ballot per participant for the open round, written
 * to a folder in the forms the facilitator ticks (the printed pack, a
 * spreadsheet each, an application ballot each). The ballots and their
 * codes are the core's (IapBallotSheet); the round's secret, made on
 * the first ballots, is an edit of the workshop and saved with it.
 */

#define G_LOG_DOMAIN "iap-ballot-send-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-ballot-csv.h"
#include "iap-ballot-file.h"
#include "iap-ballot-pack.h"
#include "iap-ballot-send-dialog.h"
#include "iap-csv.h"
#include "iap-dialogs.h"
#include "iap-workshop-file.h"

struct _IapBallotSendDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkLabel *intro_label;
  GtkSwitch *pdf_switch;
  GtkSwitch *csv_switch;
  GtkSwitch *iapb_switch;
  AdwEntryRow *folder_row;
  GtkButton *write_button;

  /* Owned */
  IapRoundSession *session;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (IapBallotSendDialog, iap_ballot_send_dialog, ADW_TYPE_WINDOW)

enum { WRITTEN, N_SIGNALS };

static guint signals[N_SIGNALS];

static gboolean
write_file (GFile       *folder,
            const char  *name,
            GBytes      *bytes,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);

  return iap_file_replace_safely (file, bytes, NULL, error);
}

/* Every participant's ballot in the forms ticked; the number written */
static guint
write_ballots (IapBallotSendDialog  *self,
               GFile                *folder,
               GError              **error)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (self->session);
  GListModel *participants = iap_workshop_get_participants (workshop);
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean csv = gtk_switch_get_active (self->csv_switch);
  gboolean iapb = gtk_switch_get_active (self->iapb_switch);

  if (!iap_round_session_prepare_ballots (self->session, error))
    return 0;
  if (!g_file_make_directory_with_parents (folder, NULL, error))
    {
      if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return 0;
      g_clear_error (error);
    }
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (participants, i);
      g_autoptr(IapBallotSheet) sheet = iap_ballot_sheet_new (self->session, iap_participant_get_id (p), error);
      g_autoptr(GBytes) sheet_csv = NULL;
      g_autoptr(GBytes) sheet_iapb = NULL;
      g_autofree char *csv_name = NULL;
      g_autofree char *iapb_name = NULL;

      if (sheet == NULL)
        return 0;
      if (csv)
        {
          sheet_csv = iap_ballot_csv_write (sheet, iap_csv_locale_separator ());
          csv_name = iap_ballot_sheet_dup_file_name (sheet, "csv");
        }
      if (iapb)
        {
          sheet_iapb = iap_ballot_file_to_bytes (sheet);
          iapb_name = iap_ballot_sheet_dup_file_name (sheet, "iapb");
        }
      if ((sheet_csv != NULL && !write_file (folder, csv_name, sheet_csv, error)) ||
          (sheet_iapb != NULL && !write_file (folder, iapb_name, sheet_iapb, error)))
        return 0;
      g_ptr_array_add (sheets, g_steal_pointer (&sheet));
    }
  if (gtk_switch_get_active (self->pdf_switch) && sheets->len > 0)
    {
      g_autofree char *name = g_strdup_printf ("ballots-round%u.pdf",
                                               iap_round_get_number (iap_round_session_get_round (self->session)));
      g_autoptr(GBytes) pdf = iap_ballot_pack_to_pdf (sheets, error);

      if (pdf == NULL || !write_file (folder, name, pdf, error))
        return 0;
    }

  return sheets->len;
}

static void
on_write_clicked (IapBallotSendDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->folder_row));
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (text == NULL || *text == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->folder_row));
      return;
    }
  folder = g_file_new_for_commandline_arg (text);
  n = write_ballots (self, folder, &error);
  if (error != NULL)
    {
      iap_dialogs_show_error (GTK_WINDOW (self), _("The ballots were not written"), error->message);
      return;
    }

  /* Translators: %u participants' ballots were written in the folder %s */
  message = g_strdup_printf (g_dngettext (NULL, "%u ballot written in %s", "%u ballots written in %s", n),
                             n, text);
  g_signal_emit (self, signals[WRITTEN], 0, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_forms_changed (IapBallotSendDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->write_button),
                            gtk_switch_get_active (self->pdf_switch) ||
                            gtk_switch_get_active (self->csv_switch) ||
                            gtk_switch_get_active (self->iapb_switch));
}

static void
on_chooser_response (IapBallotSendDialog  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && folder != NULL)
    {
      g_autofree char *path = g_file_get_path (folder);

      if (path != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->folder_row), path);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked (IapBallotSendDialog *self)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Write the Ballots In"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Beside the workshop file, in a folder named after the round */
static char *
dup_default_folder (IapRoundSession *session)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (session);
  GFile *file = iap_workshop_get_file (workshop);
  g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;
  g_autofree char *base = parent != NULL ? g_file_get_path (parent) : NULL;
  /* Translators: the folder the ballots of a round are written in; %u is its number */
  g_autofree char *name = g_strdup_printf (_("ballots-round%u"),
                                           iap_round_get_number (iap_round_session_get_round (session)));

  return g_build_filename (base != NULL ? base : g_get_home_dir (), name, NULL);
}

static void
iap_ballot_send_dialog_dispose (GObject *object)
{
  IapBallotSendDialog *self = IAP_BALLOT_SEND_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_BALLOT_SEND_DIALOG);

  G_OBJECT_CLASS (iap_ballot_send_dialog_parent_class)->dispose (object);
}

static void
iap_ballot_send_dialog_class_init (IapBallotSendDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_ballot_send_dialog_dispose;

  /* The ballots were written: says how many, and where */
  signals[WRITTEN] =
    g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-ballot-send-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IapBallotSendDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, IapBallotSendDialog, pdf_switch);
  gtk_widget_class_bind_template_child (widget_class, IapBallotSendDialog, csv_switch);
  gtk_widget_class_bind_template_child (widget_class, IapBallotSendDialog, iapb_switch);
  gtk_widget_class_bind_template_child (widget_class, IapBallotSendDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, IapBallotSendDialog, write_button);
  gtk_widget_class_bind_template_callback (widget_class, on_write_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_forms_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
iap_ballot_send_dialog_init (IapBallotSendDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

IapBallotSendDialog *
iap_ballot_send_dialog_new (IapRoundSession *session,
                            GtkWindow       *parent)
{
  IapBallotSendDialog *self;
  g_autofree char *folder = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (IAP_IS_ROUND_SESSION (session), NULL);
  g_return_val_if_fail (iap_round_session_get_round (session) != NULL, NULL);

  self = g_object_new (IAP_TYPE_BALLOT_SEND_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  /* Translators: the first words of the Send Ballots dialog; %u is the round's number */
  intro = g_strdup_printf (_("Round %u: one ballot for each participant, with every risk of the round. "
                             "Each ballot carries its participant’s code, so that it cannot be passed to someone "
                             "else. Participants fill in whichever form suits them and return it; then collect "
                             "the ballots."),
                           iap_round_get_number (iap_round_session_get_round (session)));
  gtk_label_set_text (self->intro_label, intro);
  folder = dup_default_folder (session);
  gtk_editable_set_text (GTK_EDITABLE (self->folder_row), folder);

  return self;
}
