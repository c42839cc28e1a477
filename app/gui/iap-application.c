/* iap-application.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-application"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-application.h"
#include "iap-window.h"

struct _IapApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (IapApplication, iap_application, GTK_TYPE_APPLICATION)

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
  { "win.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

static IapWindow *
new_window (IapApplication *self)
{
  return iap_window_new (self);
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
}

static void
iap_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  IapApplication *self = IAP_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      IapWindow *window = new_window (self);

      iap_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (new_window (user_data)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  IapApplication *self = user_data;
  GList *windows;

  /* Each window decides for itself whether it may close. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  IapApplication *self = user_data;
  static const char *authors[] = { "The IAP Workshop authors", NULL };
  GtkWindow *parent;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_about_dialog (parent,
                         "program-name", _("IAP Workshop"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Weigh the risks of UN integration to humanitarian space, "
                                       "together, and print what the room decided."),
                         "website", PACKAGE_URL,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The IAP Workshop authors",
                         "authors", authors,
                         /* Translators: replace with your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", NULL },
  { "quit", quit_action },
  { "about", about_action },
};

static void
iap_application_startup (GApplication *app)
{
  IapApplication *self = IAP_APPLICATION (app);
  GAction *open;

  G_APPLICATION_CLASS (iap_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  /* Opening needs the workshop file format; until then it stays off. */
  open = g_action_map_lookup_action (G_ACTION_MAP (self), "open");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (open), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accelerators[i].action,
                                           accelerators[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
iap_application_class_init (IapApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = iap_application_activate;
  app_class->open = iap_application_open;
  app_class->startup = iap_application_startup;
}

static void
iap_application_init (IapApplication *self)
{
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
