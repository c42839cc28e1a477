/* iap-application.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-application"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-accessibility.h"
#include "iap-application.h"
#include "iap-ballot-window.h"
#include "iap-dialogs.h"
#include "iap-layout-check.h"
#include "iap-preload.h"
#include "iap-timing.h"
#include "iap-voting-window.h"
#include "iap-window.h"

struct _IapApplication
{
  AdwApplication parent_instance;

  /* Owned */
  GMenu *recent_menu;
  /* IapPreload: files of the command line read while the rest starts */
  GPtrArray *preloads;

  guint recovery_offered : 1;
};

#define MAX_RECENT_ITEMS 8
#define WORKSHOP_MIME_TYPE "application/x-iap-workshop"

G_DEFINE_FINAL_TYPE (IapApplication, iap_application, ADW_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.print-preview", { "<Control><Shift>p", NULL } },
  { "win.room-mode", { "F5", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "app.help", { "F1", NULL } },
};

static IapWindow *
new_window (IapApplication *self)
{
  return iap_window_new (self);
}

static IapWindow *
find_window_for_file (IapApplication *self,
                      GFile          *file)
{
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *open_file;

      if (!IAP_IS_WINDOW (l->data))
        continue;

      open_file = iap_workshop_get_file (iap_window_get_workshop (l->data));
      if (open_file != NULL && g_file_equal (open_file, file))
        return l->data;
    }

  return NULL;
}

/* One window per workshop: a file that is already open is brought to the
 * front; otherwise it goes into the active window if nobody has started
 * work there, or into a new one. */
/* Returns: (transfer full) (nullable): the preload of @file, if any */
static IapPreload *
take_preload (IapApplication *self,
              GFile          *file)
{
  for (guint i = 0; i < self->preloads->len; i++)
    if (g_file_equal (iap_preload_get_file (g_ptr_array_index (self->preloads, i)), file))
      return g_ptr_array_steal_index (self->preloads, i);

  return NULL;
}

/* An application ballot opens in a window of its own, showing nothing
 * but its participant's scoring screen */
static gboolean
open_ballot (IapApplication *self,
             GFile          *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (name == NULL || !g_str_has_suffix (name, ".iapb"))
    return FALSE;
  if (iap_ballot_window_open (GTK_APPLICATION (self), file, &error) == NULL)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (active == NULL)
        {
          active = GTK_WINDOW (new_window (self));
          gtk_window_present (active);
        }
      /* Translators: %s is the file name of an application ballot */
      title = g_strdup_printf (_("“%s” could not be opened"), name);
      iap_dialogs_show_error (active, title, error->message);
    }

  return TRUE;
}

static void
open_file (IapApplication *self,
           GFile          *file)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  IapWindow *window;

  if (open_ballot (self, file))
    return;
  window = find_window_for_file (self, file);

  if (window == NULL)
    {
      if (IAP_IS_WINDOW (active) && iap_window_is_pristine (IAP_WINDOW (active)))
        window = IAP_WINDOW (active);
      else
        window = new_window (self);

      /* Presented first, so that a question about the file (someone else
       * has it open) comes up in front of it. */
      gtk_window_present (GTK_WINDOW (window));
      iap_timing_watch_first_frame (GTK_WINDOW (window));
      iap_window_open_preloaded (window, file, take_preload (self, file));
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
is_recent_workshop (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  if (!gtk_recent_info_is_local (info) || !gtk_recent_info_exists (info))
    return FALSE;

  return g_strcmp0 (gtk_recent_info_get_mime_type (info), WORKSHOP_MIME_TYPE) == 0 ||
         g_str_has_suffix (uri, ".iapw");
}

static int
compare_recent_by_date (gconstpointer a,
                        gconstpointer b)
{
  GDateTime *da = gtk_recent_info_get_modified (*(GtkRecentInfo **)a);
  GDateTime *db = gtk_recent_info_get_modified (*(GtkRecentInfo **)b);

  return g_date_time_compare (db, da);
}

static void
update_recent_menu (IapApplication *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) workshops = g_ptr_array_new ();
  GList *items = gtk_recent_manager_get_items (manager);

  for (const GList *l = items; l != NULL; l = l->next)
    {
      if (is_recent_workshop (l->data))
        g_ptr_array_add (workshops, l->data);
    }
  g_ptr_array_sort (workshops, compare_recent_by_date);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < MIN (workshops->len, MAX_RECENT_ITEMS); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (workshops, i);
      g_autoptr(GMenuItem) item = NULL;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }

  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

typedef struct
{
  IapApplication *app;
  GPtrArray *drafts;
  guint next;
} Recovery;

static void offer_next_draft (Recovery *recovery);

static void
recover_draft (IapApplication *self,
               IapDraft       *draft)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  IapWindow *window;

  if (IAP_IS_WINDOW (active) && iap_window_is_pristine (IAP_WINDOW (active)))
    window = IAP_WINDOW (active);
  else
    window = new_window (self);

  if (!iap_window_recover (window, draft, &error))
    iap_dialogs_show_error (GTK_WINDOW (window), _("The draft could not be recovered"),
                            error->message);

  gtk_window_present (GTK_WINDOW (window));
}

static void
on_draft_answered (int      response,
                   gpointer user_data)
{
  Recovery *recovery = user_data;
  IapDraft *draft = g_ptr_array_index (recovery->drafts, recovery->next++);

  if (response == GTK_RESPONSE_ACCEPT)
    recover_draft (recovery->app, draft);
  else if (response == GTK_RESPONSE_REJECT)
    iap_drafts_remove (iap_draft_get_id (draft));
  /* Dismissed: the draft is offered again at the next start. */

  offer_next_draft (recovery);
}

static void
offer_next_draft (Recovery *recovery)
{
  IapDraft *draft;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  if (recovery->next >= recovery->drafts->len)
    {
      g_ptr_array_unref (recovery->drafts);
      g_object_unref (recovery->app);
      g_free (recovery);
      return;
    }

  draft = g_ptr_array_index (recovery->drafts, recovery->next);
  local = g_date_time_to_local (iap_draft_get_time (draft));
  when = g_date_time_format (local, "%x %H:%M");
  primary = g_strdup_printf (_("Recover unsaved changes to “%s”?"), iap_draft_get_title (draft));
  /* Translators: %s is a date and time */
  secondary = g_strdup_printf (_("IAP Workshop ended before this workshop was saved. "
                                 "A draft kept at %s holds the changes."), when);

  iap_dialogs_ask (gtk_application_get_active_window (GTK_APPLICATION (recovery->app)),
                   primary, secondary, on_draft_answered, recovery,
                   _("_Discard"), GTK_RESPONSE_REJECT,
                   _("Keep for _Later"), GTK_RESPONSE_CANCEL,
                   _("_Recover"), GTK_RESPONSE_ACCEPT,
                   NULL);
}

/* Drafts left by a copy of the application that crashed or lost power
 * are offered back once, at start-up, one after the other. */
static void
offer_recovery (IapApplication *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  Recovery *recovery;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  drafts = iap_drafts_list_orphans ();
  if (drafts->len == 0)
    return;

  recovery = g_new0 (Recovery, 1);
  recovery->app = g_object_ref (self);
  recovery->drafts = g_steal_pointer (&drafts);
  offer_next_draft (recovery);
}

static void
iap_application_activate (GApplication *app)
{
  IapApplication *self = IAP_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (new_window (self));

  gtk_window_present (window);
  offer_recovery (self);
}

static void
iap_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  IapApplication *self = IAP_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    open_file (self, files[i]);
  g_ptr_array_set_size (self->preloads, 0);

  offer_recovery (self);
}

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (new_window (user_data)));
}

static gboolean
close_windows_when_idle (gpointer data)
{
  IapApplication *self = data;
  GList *windows;

  /* Each window decides for itself whether it may close. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);

  return G_SOURCE_REMOVE;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  /* Ctrl+Q is a key press: windows are destroyed once GTK has finished
   * delivering it (see close_action in iap-window.c). */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_windows_when_idle,
                   g_object_ref (user_data), g_object_unref);
}

/* An uninstalled build's help (IAP_WORKSHOP_HELPDIR, set by `meson
 * devenv`): the first folder of the list that has the pages in one of the
 * reader's languages, else in C. */
static char *
find_uninstalled_help (void)
{
  const char *path = g_getenv ("IAP_WORKSHOP_HELPDIR");
  const char * const *languages = g_get_language_names ();
  g_auto(GStrv) dirs = NULL;

  if (path == NULL || path[0] == '\0')
    return NULL;

  dirs = g_strsplit (path, G_SEARCHPATH_SEPARATOR_S, -1);
  for (guint l = 0; languages[l] != NULL; l++)
    for (guint d = 0; dirs[d] != NULL; d++)
      {
        g_autofree char *folder = g_build_filename (dirs[d], languages[l], NULL);
        g_autofree char *index = g_build_filename (folder, "index.page", NULL);

        if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
          return g_steal_pointer (&folder);
      }

  return NULL;
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    iap_dialogs_show_error (GTK_WINDOW (source), _("The help could not be opened"),
                            _("Install the Help viewer (the “yelp” package) to read it."));
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *uninstalled = find_uninstalled_help ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) viewer = NULL;

  if (uninstalled == NULL)
    {
      gtk_show_uri_full (parent, "help:" PACKAGE_NAME, GDK_CURRENT_TIME, NULL, on_help_shown, NULL);
      return;
    }

  viewer = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "yelp", uninstalled, NULL);
  if (viewer == NULL)
    iap_dialogs_show_error (parent, _("The help could not be opened"), error->message);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  IapApplication *self = user_data;
  static const char *developers[] = { "The IAP Workshop authors", NULL };
  GtkWindow *parent;
  GtkWidget *about;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("IAP Workshop"),
                        "application-icon", APP_ID,
                        "developer-name", _("The IAP Workshop authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Weigh the risks of UN integration to humanitarian space, "
                                      "together, and print what the room decided."),
                        "website", PACKAGE_URL,
                        "issue-url", PACKAGE_URL "/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The IAP Workshop authors",
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_open_chosen (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(IapApplication) self = user_data;

  if (file != NULL)
    open_file (self, file);
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  IapApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GFile) folder = NULL;

  if (IAP_IS_WINDOW (active))
    {
      GFile *file = iap_workshop_get_file (iap_window_get_workshop (IAP_WINDOW (active)));

      if (file != NULL)
        folder = g_file_get_parent (file);
    }

  iap_dialogs_choose_workshop (active, folder, on_open_chosen, g_object_ref (self));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  g_application_open (G_APPLICATION (user_data), &file, 1, "");
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open-recent", open_recent_action, "s" },
  { "open", open_action },
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
};

static void
iap_application_startup (GApplication *app)
{
  IapApplication *self = IAP_APPLICATION (app);

  /* Also loads style.css from the resource base path */
  G_APPLICATION_CLASS (iap_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accelerators[i].action,
                                           accelerators[i].accels);

  g_set_application_name (_("IAP Workshop"));
  gtk_window_set_default_icon_name (APP_ID);
  iap_accessibility_init ();
  iap_layout_check_init ();

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

/* --no-network keeps room voting off in this run. Such a run is an
 * instance of its own: an instance already running with the network
 * allowed never opens its files. */
static int
iap_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "no-network"))
    {
      iap_voting_forbid ();
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
iap_application_finalize (GObject *object)
{
  IapApplication *self = IAP_APPLICATION (object);

  g_clear_object (&self->recent_menu);
  g_clear_pointer (&self->preloads, g_ptr_array_unref);

  G_OBJECT_CLASS (iap_application_parent_class)->finalize (object);
}

static void
iap_application_class_init (IapApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = iap_application_finalize;

  app_class->activate = iap_application_activate;
  app_class->open = iap_application_open;
  app_class->startup = iap_application_startup;
  app_class->handle_local_options = iap_application_handle_local_options;
}

static void
iap_application_init (IapApplication *self)
{
  self->recent_menu = g_menu_new ();
  self->preloads = g_ptr_array_new_with_free_func ((GDestroyNotify) iap_preload_drop);
  g_application_add_main_option (G_APPLICATION (self), "no-network", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Never serve a room vote on any network"), NULL);
}

/**
 * iap_application_preload:
 * @argv: (array zero-terminated=1): the command line, program name first
 *
 * Starts reading the workshop files named on the command line, before
 * the application runs: the toolkit and the first window take about as
 * long to set up as a large workshop takes to read. If another copy of
 * the application opens them instead, the reading is dropped.
 */
void
iap_application_preload (IapApplication *self,
                         char          **argv)
{
  g_return_if_fail (IAP_IS_APPLICATION (self));

  for (guint i = 1; argv != NULL && argv[i] != NULL; i++)
    {
      g_autoptr(GFile) file = NULL;

      /* Options are GApplication's; after "--" come only files. A
       * ballot is no workshop. */
      if (argv[i][0] == '-' || g_str_has_suffix (argv[i], ".iapb"))
        continue;
      file = g_file_new_for_commandline_arg (argv[i]);
      g_ptr_array_add (self->preloads, iap_preload_start (file));
    }
}

IapApplication *
iap_application_new (void)
{
  return g_object_new (IAP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/* The workshops opened or saved most recently, newest first; each item
 * activates app.open-recent with the file's URI. */
GMenuModel *
iap_application_get_recent_menu (IapApplication *self)
{
  g_return_val_if_fail (IAP_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}

void
iap_application_note_recent (IapApplication *self,
                             GFile          *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };

  g_return_if_fail (IAP_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  data.mime_type = (char *)WORKSHOP_MIME_TYPE;
  data.app_name = (char *)g_get_application_name ();
  data.app_exec = (char *)"iap-workshop %u";

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}
