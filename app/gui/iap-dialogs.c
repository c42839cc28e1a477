/* iap-dialogs.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-dialogs.h"

typedef struct
{
  IapFileCallback file_callback;
  IapCloseCallback close_callback;
  gpointer user_data;
} DialogData;

static DialogData *
dialog_data_new (IapFileCallback  file_callback,
                 IapCloseCallback close_callback,
                 gpointer         user_data)
{
  DialogData *data = g_new0 (DialogData, 1);

  data->file_callback = file_callback;
  data->close_callback = close_callback;
  data->user_data = user_data;

  return data;
}

static void
add_workshop_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) workshops = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (workshops, _("Workshops"));
  gtk_file_filter_add_mime_type (workshops, "application/x-iap-workshop");
  gtk_file_filter_add_suffix (workshops, "iapw");
  gtk_file_chooser_add_filter (chooser, workshops);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, workshops);
}

static void
on_file_chooser_response (GtkNativeDialog *native,
                          int              response,
                          DialogData      *data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  /* Called on cancel too, with NULL, so the caller can release what it
   * passed as user data. */
  data->file_callback (file, data->user_data);

  g_free (data);
}

void
iap_dialogs_choose_workshop (GtkWindow       *parent,
                             IapFileCallback  callback,
                             gpointer         user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (callback != NULL);

  native = gtk_file_chooser_native_new (_("Open Workshop"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_workshop_filters (GTK_FILE_CHOOSER (native));

  g_signal_connect (native, "response", G_CALLBACK (on_file_chooser_response),
                    dialog_data_new (callback, NULL, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
iap_dialogs_choose_save_file (GtkWindow       *parent,
                              GFile           *current,
                              const char      *suggested_name,
                              IapFileCallback  callback,
                              gpointer         user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (callback != NULL);

  native = gtk_file_chooser_native_new (_("Save Workshop"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_workshop_filters (GTK_FILE_CHOOSER (native));

  if (current != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), current, NULL);
  else if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  g_signal_connect (native, "response", G_CALLBACK (on_file_chooser_response),
                    dialog_data_new (callback, NULL, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_close_response (GtkDialog  *dialog,
                   int         response,
                   DialogData *data)
{
  IapCloseResponse result;

  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      result = IAP_CLOSE_SAVE;
      break;

    case GTK_RESPONSE_REJECT:
      result = IAP_CLOSE_DISCARD;
      break;

    default:
      result = IAP_CLOSE_CANCEL;
      break;
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  data->close_callback (result, data->user_data);
  g_free (data);
}

void
iap_dialogs_confirm_close (GtkWindow        *parent,
                           const char       *document_name,
                           IapCloseCallback  callback,
                           gpointer          user_data)
{
  GtkWidget *dialog;
  GtkWidget *save;

  g_return_if_fail (callback != NULL);

  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save changes to “%s” before closing?"),
                                   document_name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you don’t save, the changes made "
                                              "since the last save are lost."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  save = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response),
                    dialog_data_new (NULL, callback, user_data));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
iap_dialogs_show_error (GtkWindow  *parent,
                        const char *primary,
                        const char *secondary)
{
  GtkWidget *dialog;

  g_return_if_fail (primary != NULL);

  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", primary);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);

  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}
