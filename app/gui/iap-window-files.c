/* iap-window-files.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The window's document on disk: opening it (read ahead of time or not),
 * saving it unless someone changed the file meanwhile, the lock that tells
 * other copies of the application it is open, the draft that keeps
 * unsaved changes through a crash, and the question before closing with
 * unsaved changes.
 */

#define G_LOG_DOMAIN "iap-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-drafts.h"
#include "iap-lock.h"
#include "iap-preload.h"
#include "iap-window-private.h"
#include "iap-workshop-file.h"
#include "iap-xml.h"

#define DEFAULT_AUTOSAVE_SECONDS 10

static guint
autosave_interval (void)
{
  const char *env = g_getenv ("IAP_WORKSHOP_AUTOSAVE_SECONDS");
  guint64 seconds;

  /* The crash-recovery test shortens the wait. */
  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 30, &seconds, NULL))
    return (guint)seconds;

  return DEFAULT_AUTOSAVE_SECONDS;
}

static gboolean
autosave_cb (gpointer data)
{
  IapWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->autosave_source = 0;

  if (!iap_workshop_get_modified (self->workshop))
    {
      iap_drafts_remove (self->draft_id);
      return G_SOURCE_REMOVE;
    }

  if (!iap_drafts_write (self->draft_id, self->workshop, &error) && !self->autosave_error_shown)
    {
      self->autosave_error_shown = TRUE;
      iap_dialogs_show_error (GTK_WINDOW (self),
                              _("Unsaved changes cannot be kept as a draft"),
                              error->message);
    }

  return G_SOURCE_REMOVE;
}

/* A draft follows the first change by a few seconds, and each later one
 * by no more than that, so a crash loses at most those seconds. */
void
_iap_window_schedule_autosave (IapWindow *self)
{
  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add_seconds (autosave_interval (), autosave_cb, self);
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info == NULL)
    return NULL;

  return g_strdup (g_file_info_get_etag (info));
}

/* Remembers the file as it is on disk now, and holds its lock. */
static void
track_file (IapWindow *self,
            GFile     *file)
{
  g_free (self->etag);
  self->etag = query_etag (file);

  if (self->read_only)
    return;

  if (self->locked_file != NULL && !g_file_equal (self->locked_file, file))
    iap_lock_release (self->locked_file);

  g_set_object (&self->locked_file, file);
  iap_lock_acquire (file, NULL);
}

/* What an asynchronous open or save needs when it finishes: the window
 * (kept alive until then) and the file it was about. */
typedef struct
{
  IapWindow *window;
  GFile *file;
  gboolean read_only;
  GCancellable *cancellable;    /* of a load */
} FileOp;

static FileOp *
file_op_new (IapWindow *window,
             GFile     *file)
{
  FileOp *op = g_new0 (FileOp, 1);

  op->window = g_object_ref (window);
  op->file = g_object_ref (file);

  return op;
}

static void
file_op_free (FileOp *op)
{
  g_clear_object (&op->window);
  g_clear_object (&op->file);
  g_clear_object (&op->cancellable);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileOp, file_op_free)

static void
save_finish (IapWindow *self,
             GFile     *file,
             GError    *error)
{
  if (error != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *primary = g_strdup_printf (_("Could not save “%s”"), name);

      self->close_after_save = FALSE;
      iap_dialogs_show_error (GTK_WINDOW (self), primary, error->message);
      return;
    }

  iap_application_note_recent (IAP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                               file);
  iap_drafts_remove (self->draft_id);
  self->read_only = FALSE;
  track_file (self, file);
  _iap_window_update_state (self);

  if (self->close_after_save)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  iap_window_add_toast (self, adw_toast_new (_("Saved")));
}

static void
on_save_ready (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FileOp) op = user_data;
  g_autoptr(GError) error = NULL;

  iap_workshop_save_finish (IAP_WORKSHOP (object), result, &error);
  save_finish (op->window, op->file, error);
}

static void
save_to (IapWindow *self,
         GFile     *file)
{
  iap_workshop_save_async (self->workshop, file, self->cancellable,
                           on_save_ready, file_op_new (self, file));
}

static void
on_save_as_chosen (GFile    *file,
                   gpointer  user_data)
{
  IapWindow *self = user_data;

  if (file == NULL)
    self->close_after_save = FALSE;
  else
    save_to (self, file);

  g_object_unref (self);
}

void
_iap_window_save_as (IapWindow *self)
{
  g_autofree char *name = iap_workshop_dup_display_name (self->workshop);
  g_autofree char *suggested = g_strconcat (name, IAP_WORKSHOP_SUFFIX, NULL);

  iap_dialogs_choose_save_file (GTK_WINDOW (self), iap_workshop_get_file (self->workshop),
                                suggested, on_save_as_chosen, g_object_ref (self));
}

static void
on_overwrite_answered (int      response,
                       gpointer user_data)
{
  g_autoptr(IapWindow) self = user_data;

  if (response == GTK_RESPONSE_REJECT)
    save_to (self, iap_workshop_get_file (self->workshop));
  else if (response == GTK_RESPONSE_APPLY)
    _iap_window_save_as (self);
  else
    self->close_after_save = FALSE;
}

static gboolean
changed_on_disk (IapWindow *self,
                 GFile     *file)
{
  g_autofree char *etag = NULL;

  if (self->etag == NULL)
    return FALSE;

  /* A file deleted meanwhile is simply written again. */
  etag = query_etag (file);

  return etag != NULL && g_strcmp0 (etag, self->etag) != 0;
}

void
_iap_window_save (IapWindow *self)
{
  GFile *file = iap_workshop_get_file (self->workshop);
  g_autofree char *name = NULL;
  g_autofree char *primary = NULL;

  if (file == NULL || self->read_only)
    {
      _iap_window_save_as (self);
      return;
    }

  if (!changed_on_disk (self, file))
    {
      save_to (self, file);
      return;
    }

  name = g_file_get_basename (file);
  primary = g_strdup_printf (_("“%s” changed on disk"), name);
  iap_dialogs_ask (GTK_WINDOW (self), primary,
                   _("Someone or something changed the file after you opened it. "
                     "Saving replaces those changes with yours; Save As keeps both."),
                   on_overwrite_answered, g_object_ref (self),
                   _("_Cancel"), GTK_RESPONSE_CANCEL,
                   _("Save _As…"), GTK_RESPONSE_APPLY,
                   _("_Replace"), GTK_RESPONSE_REJECT,
                   NULL);
}

static void
on_close_confirmed (IapCloseResponse response,
                    gpointer         user_data)
{
  g_autoptr(IapWindow) self = user_data;

  switch (response)
    {
    case IAP_CLOSE_SAVE:
      self->close_after_save = TRUE;
      _iap_window_save (self);
      break;

    case IAP_CLOSE_DISCARD:
      self->discard_changes = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
      break;

    case IAP_CLOSE_CANCEL:
    default:
      break;
    }
}

/* Asks what to do with unsaved changes; TRUE if the window stays open
 * until the answer comes. */
gboolean
_iap_window_ask_before_close (IapWindow *self)
{
  g_autofree char *name = NULL;

  if (!iap_workshop_get_modified (self->workshop) || self->discard_changes)
    return FALSE;

  name = _iap_window_dup_document_name (self);
  iap_dialogs_confirm_close (GTK_WINDOW (self), name, on_close_confirmed, g_object_ref (self));

  return TRUE;
}

/* A window opened only for a file that turns out unreadable goes away
 * again; the error shows on the window the person was working in. */
/* libxml2's words ("Specification mandates value for attribute pil")
 * are for a developer: a facilitator is told which line is damaged and
 * what may have happened; the message, "NAME:LINE: reason", stays under
 * Details. */
static char *
describe_malformed (const char *name,
                    const char *message)
{
  guint64 line = 0;

  /* The first ":LINE:" after the file's name, which may hold colons */
  for (const char *p = message != NULL ? strchr (message, ':') : NULL; p != NULL && line == 0; p = strchr (p + 1, ':'))
    {
      char *end = NULL;

      if (g_ascii_isdigit (p[1]))
        {
          guint64 n = g_ascii_strtoull (p + 1, &end, 10);

          if (end != NULL && *end == ':')
            line = n;
        }
    }
  if (line > 0)
    /* Translators: a workshop file that is not well-formed XML; %s is the file's name */
    return g_strdup_printf (_("Line %u of “%s” is damaged, so the workshop cannot be read. The file may have been cut short while it was copied or sent, or changed in a text editor. Open an earlier copy, or ask whoever sent it for it again."),
                            (guint) MIN (line, G_MAXUINT), name);

  /* Translators: a workshop file that is not well-formed XML; %s is the file's name */
  return g_strdup_printf (_("“%s” is damaged, so the workshop cannot be read. The file may have been cut short while it was copied or sent, or changed in a text editor. Open an earlier copy, or ask whoever sent it for it again."),
                          name);
}

static void
show_load_error (IapWindow  *self,
                 const char *primary,
                 const char *secondary,
                 const char *details)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkWindow *other = NULL;

  for (const GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l; l = l->next)
    {
      if (l->data != (gpointer)self && IAP_IS_WINDOW (l->data))
        {
          other = l->data;
          break;
        }
    }

  if (other == NULL || !iap_window_is_pristine (self))
    {
      iap_dialogs_show_error_details (GTK_WINDOW (self), primary, secondary, details);
      return;
    }

  iap_dialogs_show_error_details (other, primary, secondary, details);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A file that opens in less than this shows no progress: the bar would
 * only flicker. */
#define PROGRESS_DELAY_MS    500
#define PROGRESS_INTERVAL_MS 100

static gboolean
on_load_tick (gpointer data)
{
  IapWindow *self = data;

  if (g_get_monotonic_time () - self->load_started < PROGRESS_DELAY_MS * 1000)
    return G_SOURCE_CONTINUE;

  gtk_widget_set_visible (self->load_bar, TRUE);
  gtk_progress_bar_set_fraction (self->load_progress, iap_load_progress_get_fraction (self->load_state));

  return G_SOURCE_CONTINUE;
}

/* Shows the reading of @file, after a moment, with a way to stop it */
static void
show_load (IapWindow       *self,
           GFile           *file,
           GCancellable    *cancellable,
           IapLoadProgress *progress)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display_name = g_filename_display_name (name);
  g_autofree char *text = NULL;

  _iap_window_clear_open (self);
  self->load_cancellable = g_object_ref (cancellable);
  self->load_state = iap_load_progress_ref (progress);
  self->load_started = g_get_monotonic_time ();
  self->load_tick = g_timeout_add (PROGRESS_INTERVAL_MS, on_load_tick, self);

  /* Translators: %s is a file name, shown beside a progress bar */
  text = g_strdup_printf (_("Opening “%s”…"), display_name);
  gtk_label_set_text (self->load_label, text);
  gtk_progress_bar_set_fraction (self->load_progress, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", TRUE);
}

/**
 * _iap_window_clear_open:
 *
 * Hides the progress of the latest file being opened, if shown.
 */
void
_iap_window_clear_open (IapWindow *self)
{
  g_clear_handle_id (&self->load_tick, g_source_remove);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->load_state, iap_load_progress_unref);
  gtk_widget_set_visible (self->load_bar, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", FALSE);
}

/**
 * _iap_window_cancel_open:
 *
 * Stops reading the file being opened: the window keeps the workshop it
 * shows, as it was.
 */
void
_iap_window_cancel_open (IapWindow *self)
{
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  _iap_window_clear_open (self);
}

static void
on_load_ready (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FileOp) op = user_data;
  IapWindow *self = op->window;
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;

  workshop = iap_workshop_load_finish (result, &error);
  self->loading--;
  if (self->load_cancellable == op->cancellable)
    _iap_window_clear_open (self);

  if (workshop == NULL)
    {
      g_autofree char *name = g_file_get_basename (op->file);
      g_autofree char *primary = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_cancellable_is_cancelled (op->cancellable))
        return;

      primary = g_strdup_printf (_("Could not open “%s”"), name);
      if (g_error_matches (error, IAP_XML_ERROR, IAP_XML_ERROR_MALFORMED))
        {
          g_autofree char *secondary = describe_malformed (name, error->message);

          show_load_error (self, primary, secondary, error->message);
        }
      else
        show_load_error (self, primary, error->message, NULL);
      return;
    }

  /* Stopped by the person after the reading was done */
  if (g_cancellable_is_cancelled (op->cancellable))
    return;

  self->read_only = op->read_only;
  iap_window_set_workshop (self, workshop);
  track_file (self, op->file);
  _iap_window_update_state (self);
  iap_application_note_recent (IAP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                               iap_workshop_get_file (workshop));
}

static void
load (IapWindow  *self,
      GFile      *file,
      gboolean    read_only,
      IapPreload *preload)
{
  FileOp *op = file_op_new (self, file);
  g_autoptr(IapLoadProgress) progress = NULL;

  op->read_only = read_only;
  op->cancellable = g_cancellable_new ();
  /* Closing the window stops the reading too */
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           op->cancellable, G_CONNECT_SWAPPED);
  self->loading++;
  progress = preload != NULL ? iap_load_progress_ref (iap_preload_get_progress (preload))
                             : iap_load_progress_new ();
  show_load (self, file, op->cancellable, progress);
  if (preload != NULL)
    iap_preload_take_async (preload, op->cancellable, on_load_ready, op);
  else
    iap_workshop_load_async_with_progress (file, progress, op->cancellable, on_load_ready, op);
}

static void
on_lock_answered (int      response,
                  gpointer user_data)
{
  g_autoptr(FileOp) op = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    load (op->window, op->file, TRUE, NULL);
  else if (response == GTK_RESPONSE_APPLY)
    load (op->window, op->file, FALSE, NULL);
}

/**
 * iap_window_open:
 *
 * Loads @file in the background and shows it in the window. If the file
 * cannot be read, an error dialog says why and the window keeps the
 * document it had.
 */
void
iap_window_open (IapWindow *self,
                 GFile     *file)
{
  iap_window_open_preloaded (self, file, NULL);
}

/**
 * iap_window_open_preloaded:
 * @preload: (transfer full) (nullable): @file being read already
 *
 * As iap_window_open(), with what was read ahead of time. If someone else
 * has the file open, the file is read again once the question about it
 * is answered.
 */
void
iap_window_open_preloaded (IapWindow  *self,
                           GFile      *file,
                           IapPreload *preload)
{
  g_autoptr(IapLockOwner) owner = NULL;
  g_autofree char *name = NULL;
  g_autofree char *who = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  g_return_if_fail (IAP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((owner = iap_lock_query (file)) == NULL)
    {
      load (self, file, FALSE, preload);
      return;
    }
  iap_preload_drop (preload);

  name = g_file_get_basename (file);
  who = iap_lock_owner_describe (owner);
  primary = g_strdup_printf (_("“%s” is open in another copy of IAP Workshop"), name);
  /* Translators: %s is "Amina Diallo on field-laptop-3 since 22/11/2026 09:42" */
  secondary = g_strdup_printf (_("It is open by %s. If you both change it, one of you will "
                                 "lose work. Open it read-only and save your changes under "
                                 "another name, or open it anyway."), who);
  iap_dialogs_ask (GTK_WINDOW (self), primary, secondary,
                   on_lock_answered, file_op_new (self, file),
                   _("_Cancel"), GTK_RESPONSE_CANCEL,
                   _("Open _Anyway"), GTK_RESPONSE_APPLY,
                   _("Open _Read-Only"), GTK_RESPONSE_ACCEPT,
                   NULL);
}

/**
 * iap_window_recover:
 *
 * Shows the workshop kept in @draft, unsaved, and keeps that draft up to
 * date until the workshop is saved or discarded.
 */
gboolean
iap_window_recover (IapWindow  *self,
                    IapDraft   *draft,
                    GError    **error)
{
  g_autoptr(IapWorkshop) workshop = NULL;
  GFile *original;

  g_return_val_if_fail (IAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if ((workshop = iap_drafts_load (draft, error)) == NULL)
    return FALSE;

  iap_drafts_remove (self->draft_id);
  g_free (self->draft_id);
  self->draft_id = g_strdup (iap_draft_get_id (draft));

  iap_window_set_workshop (self, workshop);

  original = iap_workshop_get_file (workshop);
  if (original != NULL && iap_lock_query (original) == NULL)
    track_file (self, original);

  return TRUE;
}
