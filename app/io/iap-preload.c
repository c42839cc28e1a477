/* iap-preload.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A workshop file read ahead of the request for it. The application
 * starts reading the files on its command line before it has set up the
 * toolkit and built a window, which take longer than reading a large
 * workshop; the window then takes the workshop, or waits for the rest
 * of it.
 *
 * A preload is used once: taken, or dropped (a file that turns out to be
 * locked by someone else is read again once they have answered).
 */

#define G_LOG_DOMAIN "iap-preload"

#include "config.h"

#include "iap-preload.h"
#include "iap-workshop-file.h"

struct _IapPreload
{
  GFile           *file;
  GCancellable    *cancellable;
  IapLoadProgress *progress;

  /* The outcome, once the reading is done */
  gboolean      done;
  IapWorkshop  *workshop;
  GError       *error;

  /* Who took it before it was done */
  GTask        *waiting;
  /* Dropped before it was done: the reading frees it when it ends */
  gboolean      dropped;
};

static void
preload_free (IapPreload *self)
{
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->progress, iap_load_progress_unref);
  g_clear_object (&self->workshop);
  g_clear_error (&self->error);
  g_clear_object (&self->waiting);
  g_free (self);
}

static void
give (IapPreload *self,
      GTask      *task)
{
  if (self->workshop != NULL)
    g_task_return_pointer (task, g_steal_pointer (&self->workshop), g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&self->error));
  preload_free (self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  IapPreload *self = user_data;

  self->workshop = iap_workshop_load_finish (result, &self->error);
  self->done = TRUE;

  if (self->dropped)
    preload_free (self);
  else if (self->waiting != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->waiting);

      give (self, task);
    }
}

/**
 * iap_preload_start:
 *
 * Starts reading @file in a worker thread.
 *
 * Returns: (transfer full): the preload, to take or drop
 */
IapPreload *
iap_preload_start (GFile *file)
{
  IapPreload *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_new0 (IapPreload, 1);
  self->file = g_object_ref (file);
  self->cancellable = g_cancellable_new ();
  self->progress = iap_load_progress_new ();
  iap_workshop_load_async_with_progress (file, self->progress, self->cancellable, on_loaded, self);

  return self;
}

GFile *
iap_preload_get_file (IapPreload *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file;
}

/**
 * iap_preload_get_progress:
 *
 * Returns: (transfer none): how far the reading is
 */
IapLoadProgress *
iap_preload_get_progress (IapPreload *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->progress;
}

/**
 * iap_preload_take_async:
 * @self: (transfer full): the preload
 *
 * Gets the workshop read, at once or when the reading ends: finish with
 * iap_workshop_load_finish(), as after iap_workshop_load_async().
 */
void
iap_preload_take_async (IapPreload          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->waiting == NULL && !self->dropped);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, iap_preload_take_async);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                             self->cancellable, G_CONNECT_SWAPPED);

  if (self->done)
    {
      give (self, task);
      g_object_unref (task);
    }
  else
    self->waiting = task;
}

/**
 * iap_preload_drop:
 * @self: (transfer full): the preload
 *
 * Gives up a preload nobody will take.
 */
void
iap_preload_drop (IapPreload *self)
{
  if (self == NULL)
    return;

  if (self->done)
    {
      preload_free (self);
      return;
    }

  self->dropped = TRUE;
  g_cancellable_cancel (self->cancellable);
}
