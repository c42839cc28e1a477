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
  gpointer user_data;
} DialogData;

static DialogData *
dialog_data_new (IapFileCallback file_callback,
                 gpointer        user_data)
{
  DialogData *data = g_new0 (DialogData, 1);

  data->file_callback = file_callback;
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

static gboolean
unref_when_idle (gpointer object)
{
  g_object_unref (object);
  return G_SOURCE_REMOVE;
}

static void
on_file_chooser_response (GtkNativeDialog *native,
                          int              response,
                          DialogData      *data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  /* The response can come from a key press inside the dialog: destroying it
   * now would free widgets the key's handlers still use. */
  gtk_native_dialog_hide (native);
  g_idle_add_full (G_PRIORITY_LOW, (GSourceFunc)unref_when_idle, native, NULL);

  /* Called on cancel too, with NULL, so the caller can release what it
   * passed as user data. */
  data->file_callback (file, data->user_data);

  g_free (data);
}

/* A risk list: OpenDocument spreadsheets and CSV files */
void
iap_dialogs_choose_spreadsheet (GtkWindow       *parent,
                                IapFileCallback  callback,
                                gpointer         user_data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (callback != NULL);

  native = gtk_file_chooser_native_new (_("Import Risks From"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (sheets, _("Spreadsheets (ODS, CSV)"));
  gtk_file_filter_add_mime_type (sheets, "application/vnd.oasis.opendocument.spreadsheet");
  gtk_file_filter_add_mime_type (sheets, "text/csv");
  gtk_file_filter_add_suffix (sheets, "ods");
  gtk_file_filter_add_suffix (sheets, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), sheets);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), sheets);

  g_signal_connect (native, "response", G_CALLBACK (on_file_chooser_response),
                    dialog_data_new (callback, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* @folder: (nullable): where to start, such as the current workshop's folder */
void
iap_dialogs_choose_workshop (GtkWindow       *parent,
                             GFile           *folder,
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
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  g_signal_connect (native, "response", G_CALLBACK (on_file_chooser_response),
                    dialog_data_new (callback, user_data));
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
                    dialog_data_new (callback, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

typedef struct
{
  IapAskCallback callback;
  gpointer user_data;
  GtkWindow *dialog;
  int response;
} AskData;

/**
 * iap_button_fix_accessible_name:
 *
 * GTK 4.8 names a button with a mnemonic twice over, "_Save Save": its raw
 * label and the visible label it is labelled by. Dropping the raw one
 * leaves what a sighted person reads.
 */
void
iap_button_fix_accessible_name (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static gboolean
finish_ask (gpointer user_data)
{
  AskData *data = user_data;

  gtk_window_destroy (data->dialog);
  g_object_unref (data->dialog);
  data->callback (data->response, data->user_data);
  g_free (data);

  return G_SOURCE_REMOVE;
}

/* AdwMessageDialog names its responses with strings; the callers speak in
 * GtkResponseType, which round-trips through the id. */
static char *
response_id (int response)
{
  return g_strdup_printf ("%d", response);
}

/* The dialog is named by its heading and described by its body, so that a
 * screen reader announces the question itself. Escape only hides it, so
 * that it is destroyed in one place. */
static AdwMessageDialog *
new_message_dialog (GtkWindow  *parent,
                    const char *primary,
                    const char *secondary)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, primary, secondary));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, primary,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  secondary != NULL ? secondary : "",
                                  -1);

  return dialog;
}

static void
on_ask_response (AdwMessageDialog *dialog,
                 const char       *response,
                 AskData          *data)
{
  gint64 value;

  /* The answer may close the parent window; that waits until GTK has
   * finished delivering the key or click that gave it. */
  g_signal_handlers_disconnect_by_func (dialog, on_ask_response, data);
  gtk_widget_hide (GTK_WIDGET (dialog));
  data->dialog = g_object_ref (GTK_WINDOW (dialog));
  /* Escape and the window's close button count as Cancel. */
  if (!g_ascii_string_to_signed (response, 10, G_MININT, G_MAXINT, &value, NULL))
    value = GTK_RESPONSE_CANCEL;
  data->response = (int)value;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, finish_ask, data, NULL);
}

/**
 * iap_dialogs_ask:
 * @first_label: the label of the first button, then its #GtkResponseType,
 *   then more label and response pairs, then %NULL
 *
 * Asks a question in a modal message dialog. The last button is the
 * default one and is drawn as the suggested action; a button answering
 * %GTK_RESPONSE_REJECT throws work away (Discard, Remove, Replace) and is
 * drawn as destructive, and is never the default. Escape answers
 * %GTK_RESPONSE_CANCEL. @callback runs exactly once.
 */
void
iap_dialogs_ask (GtkWindow      *parent,
                 const char     *primary,
                 const char     *secondary,
                 IapAskCallback  callback,
                 gpointer        user_data,
                 const char     *first_label,
                 ...)
{
  AdwMessageDialog *dialog;
  g_autofree char *last = NULL;
  AskData *data;
  va_list args;
  int response = GTK_RESPONSE_CANCEL;

  g_return_if_fail (primary != NULL);
  g_return_if_fail (callback != NULL);

  dialog = new_message_dialog (parent, primary, secondary);

  va_start (args, first_label);
  for (const char *label = first_label; label != NULL; label = va_arg (args, const char *))
    {
      g_autofree char *id = NULL;

      response = va_arg (args, int);
      id = response_id (response);
      adw_message_dialog_add_response (dialog, id, label);
      if (response == GTK_RESPONSE_REJECT)
        adw_message_dialog_set_response_appearance (dialog, id, ADW_RESPONSE_DESTRUCTIVE);
      g_free (last);
      last = g_steal_pointer (&id);
    }
  va_end (args);

  if (last != NULL && response != GTK_RESPONSE_REJECT)
    {
      adw_message_dialog_set_response_appearance (dialog, last, ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, last);
    }
  {
    g_autofree char *cancel = response_id (GTK_RESPONSE_CANCEL);

    adw_message_dialog_set_close_response (dialog, cancel);
  }

  data = g_new0 (AskData, 1);
  data->callback = callback;
  data->user_data = user_data;
  g_signal_connect (dialog, "response", G_CALLBACK (on_ask_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  IapCloseCallback callback;
  gpointer user_data;
} CloseData;

static void
on_close_answered (int      response,
                   gpointer user_data)
{
  CloseData *data = user_data;

  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      data->callback (IAP_CLOSE_SAVE, data->user_data);
      break;

    case GTK_RESPONSE_REJECT:
      data->callback (IAP_CLOSE_DISCARD, data->user_data);
      break;

    default:
      data->callback (IAP_CLOSE_CANCEL, data->user_data);
      break;
    }

  g_free (data);
}

void
iap_dialogs_confirm_close (GtkWindow        *parent,
                           const char       *document_name,
                           IapCloseCallback  callback,
                           gpointer          user_data)
{
  g_autofree char *primary = NULL;
  CloseData *data;

  g_return_if_fail (callback != NULL);

  data = g_new0 (CloseData, 1);
  data->callback = callback;
  data->user_data = user_data;

  primary = g_strdup_printf (_("Save changes to “%s” before closing?"), document_name);
  iap_dialogs_ask (parent, primary,
                   _("If you don’t save, the changes made since the last save are lost."),
                   on_close_answered, data,
                   _("_Cancel"), GTK_RESPONSE_CANCEL,
                   _("_Discard"), GTK_RESPONSE_REJECT,
                   _("_Save"), GTK_RESPONSE_ACCEPT,
                   NULL);
}

static gboolean
destroy_when_idle (gpointer dialog)
{
  gtk_window_destroy (dialog);

  return G_SOURCE_REMOVE;
}

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  gtk_widget_hide (GTK_WIDGET (dialog));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_when_idle,
                   g_object_ref (dialog), g_object_unref);
}

void
iap_dialogs_show_error (GtkWindow  *parent,
                        const char *primary,
                        const char *secondary)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (primary != NULL);

  dialog = new_message_dialog (parent, primary, secondary);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * iap_dialogs_show_error_details:
 * @details: what a developer or a support desk needs, shown only on
 *   asking, under Details (selectable, to copy into a message)
 *
 * As iap_dialogs_show_error(), with @details behind an expander.
 */
void
iap_dialogs_show_error_details (GtkWindow  *parent,
                                const char *primary,
                                const char *secondary,
                                const char *details)
{
  AdwMessageDialog *dialog;
  GtkWidget *expander, *label;

  g_return_if_fail (primary != NULL);

  dialog = new_message_dialog (parent, primary, secondary);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  if (details != NULL && details[0] != '\0')
    {
      label = gtk_label_new (details);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "monospace");
      expander = gtk_expander_new_with_mnemonic (_("De_tails"));
      gtk_expander_set_child (GTK_EXPANDER (expander), label);
      adw_message_dialog_set_extra_child (dialog, expander);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}
