/* iap-ballot-window.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An application ballot (*.iapb) opened on a participant's own laptop:
 * that participant's scoring screen and nothing else. The file holds
 * the round's risks and scales, this participant's code and, in a
 * second round, the group's median and spread beside their earlier
 * score; never anybody else's scores. Saved over itself with the same
 * safe save as a workshop, then returned to the facilitator.
 */

#define G_LOG_DOMAIN "iap-ballot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-ballot-file.h"
#include "iap-ballot-grid.h"
#include "iap-ballot-window.h"
#include "iap-dialogs.h"

struct _IapBallotWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkLabel *heading_label;
  GtkLabel *code_label;
  IapBallotGrid *ballot_grid;

  /* Owned */
  GFile *file;
  IapBallotSheet *sheet;
  gboolean closing;             /* the question is answered: close */
};

G_DEFINE_FINAL_TYPE (IapBallotWindow, iap_ballot_window, ADW_TYPE_APPLICATION_WINDOW)

static IapWorkshop *
workshop_of (IapBallotWindow *self)
{
  return iap_ballot_sheet_get_workshop (self->sheet);
}

static void
update_title (IapBallotWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = NULL;

  /* Translators: the window title of an application ballot; %s is its file name; a "•" marks unsaved changes */
  title = g_strdup_printf (iap_workshop_get_modified (workshop_of (self)) ? _("• %s") : "%s", name);
  adw_window_title_set_subtitle (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static gboolean
save (IapBallotWindow *self)
{
  g_autoptr(GError) error = NULL;

  iap_ballot_grid_commit (self->ballot_grid);
  if (!iap_ballot_file_save (self->sheet, self->file, NULL, &error))
    {
      iap_dialogs_show_error (GTK_WINDOW (self), _("The ballot was not saved"), error->message);
      return FALSE;
    }
  update_title (self);

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IapBallotWindow *self = IAP_BALLOT_WINDOW (widget);

  if (save (self))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Ballot saved: return this file to the facilitator")));
}

static void
on_close_answer (IapCloseResponse  response,
                 gpointer          user_data)
{
  g_autoptr(IapBallotWindow) self = user_data;

  if (response == IAP_CLOSE_CANCEL || (response == IAP_CLOSE_SAVE && !save (self)))
    return;
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
iap_ballot_window_close_request (GtkWindow *window)
{
  IapBallotWindow *self = IAP_BALLOT_WINDOW (window);
  g_autofree char *name = NULL;

  iap_ballot_grid_commit (self->ballot_grid);
  if (self->closing || !iap_workshop_get_modified (workshop_of (self)))
    return GTK_WINDOW_CLASS (iap_ballot_window_parent_class)->close_request (window);

  name = g_file_get_basename (self->file);
  iap_dialogs_confirm_close (window, name, on_close_answer, g_object_ref (self));

  return TRUE;
}

static void
iap_ballot_window_dispose (GObject *object)
{
  IapBallotWindow *self = IAP_BALLOT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_BALLOT_WINDOW);
  g_clear_object (&self->sheet);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (iap_ballot_window_parent_class)->dispose (object);
}

static void
iap_ballot_window_class_init (IapBallotWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = iap_ballot_window_dispose;
  window_class->close_request = iap_ballot_window_close_request;

  g_type_ensure (IAP_TYPE_BALLOT_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-ballot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IapBallotWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, IapBallotWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IapBallotWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, IapBallotWindow, code_label);
  gtk_widget_class_bind_template_child (widget_class, IapBallotWindow, ballot_grid);
  gtk_widget_class_install_action (widget_class, "ballot.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "ballot.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
iap_ballot_window_init (IapBallotWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * iap_ballot_window_open:
 * @application: the application
 * @file: an application ballot
 * @error: where to say why it cannot be opened
 *
 * Returns: (transfer none) (nullable): the ballot's window, presented;
 *   %NULL with @error set when @file is no ballot
 */
IapBallotWindow *
iap_ballot_window_open (GtkApplication  *application,
                        GFile           *file,
                        GError         **error)
{
  g_autoptr(IapBallotSheet) sheet = NULL;
  IapBallotWindow *self;
  IapParticipant *participant;
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (IAP_IS_BALLOT_WINDOW (l->data) && g_file_equal (IAP_BALLOT_WINDOW (l->data)->file, file))
      {
        gtk_window_present (l->data);
        return l->data;
      }

  if ((sheet = iap_ballot_file_load (file, NULL, error)) == NULL)
    return NULL;

  self = g_object_new (IAP_TYPE_BALLOT_WINDOW, "application", application, NULL);
  self->file = g_object_ref (file);
  self->sheet = g_steal_pointer (&sheet);
  participant = iap_ballot_sheet_get_participant (self->sheet);
  label = iap_participant_dup_label (participant);
  /* Translators: the heading of an application ballot: participant, round number */
  heading = g_strdup_printf (_("%s: your ballot for round %u. Nobody else’s scores are in this file."),
                             label, iap_round_get_number (iap_ballot_sheet_get_round (self->sheet)));
  gtk_label_set_text (self->heading_label, heading);
  /* Translators: %s is the code that ties a ballot to its participant */
  code = g_strdup_printf (_("Ballot code: %s. Score each risk, save with Ctrl+S and return this file to the facilitator."),
                          iap_ballot_sheet_get_code (self->sheet));
  gtk_label_set_text (self->code_label, code);
  iap_ballot_grid_fill_sheet (self->ballot_grid, self->sheet);
  g_signal_connect_object (iap_workshop_get_history (workshop_of (self)), "notify::modified",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_title (self);
  gtk_window_present (GTK_WINDOW (self));
  iap_ballot_grid_focus_first (self->ballot_grid);

  return self;
}

GFile *
iap_ballot_window_get_file (IapBallotWindow *self)
{
  g_return_val_if_fail (IAP_IS_BALLOT_WINDOW (self), NULL);

  return self->file;
}
