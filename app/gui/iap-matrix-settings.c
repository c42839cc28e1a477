/* iap-matrix-settings.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The workshop's own matrix: its size, the name and definition of each
 * level, and the band of each cell. Every change is an edit of the
 * workshop, undone like any other. A new size on a workshop that already
 * has ratings is only applied after asking, and then moves every rating
 * to the level at the same place on the new scales: ratings are never
 * dropped or left pointing past the edge of the matrix.
 */

#define G_LOG_DOMAIN "iap-matrix-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-matrix-settings.h"
#include "iap-text-area.h"

struct _IapMatrixSettings
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  GtkSpinButton *likelihood_spin;
  GtkSpinButton *impact_spin;
  AdwPreferencesGroup *likelihood_group;
  AdwPreferencesGroup *impact_group;
  GtkGrid *bands_grid;

  /* Owned */
  IapWorkshop *workshop;
  GSignalGroup *history_signals;
  /* AdwEntryRows of the levels' names and definitions, in both groups */
  GPtrArray *level_entries;
  GPtrArray *band_dropdowns;
  guint built_likelihood;
  guint built_impact;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (IapMatrixSettings, iap_matrix_settings, ADW_TYPE_PREFERENCES_WINDOW)

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* Levels ----------------------------------------------------------------- */

/* A level's text as shown: the default wording in the reader's language. */
static const char *
level_text (IapScaleLevel *level,
            const char    *property)
{
  return g_str_equal (property, "label") ? iap_scale_level_get_label (level)
                                         : iap_scale_level_get_definition (level);
}

/* A level's name is edited in an entry row, its definition, which may
 * run to a sentence or two, in a text view of the row's width. */
static char *
dup_widget_text (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  return iap_text_view_dup_text (GTK_TEXT_VIEW (widget));
}

static void
set_widget_text (GtkWidget  *widget,
                 const char *text)
{
  /* Writing the same text back would move the cursor while typing. */
  if (!GTK_IS_EDITABLE (widget))
    iap_text_view_sync_text (GTK_TEXT_VIEW (widget), text);
  else if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
on_level_text_changed (IapMatrixSettings *self,
                       GtkWidget         *widget)
{
  IapScaleLevel *level = g_object_get_data (G_OBJECT (widget), "iap-level");
  const char *property = g_object_get_data (G_OBJECT (widget), "iap-property");
  g_autofree char *text = dup_widget_text (widget);

  if (self->syncing)
    return;

  if (g_strcmp0 (level_text (level, property), text) != 0)
    iap_workshop_set_text (self->workshop, level, property, text);
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   GtkWidget     *view)
{
  on_level_text_changed (g_object_get_data (G_OBJECT (view), "iap-settings"), view);
}

static void
follow_level (IapMatrixSettings *self,
              GtkWidget         *widget,
              IapScaleLevel     *level,
              const char        *property)
{
  g_object_set_data_full (G_OBJECT (widget), "iap-level", g_object_ref (level), g_object_unref);
  g_object_set_data (G_OBJECT (widget), "iap-property", (gpointer)property);
  g_ptr_array_add (self->level_entries, widget);
}

static GtkWidget *
level_entry (IapMatrixSettings *self,
             IapScaleLevel     *level,
             const char        *title)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  follow_level (self, entry, level, "label");
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_level_text_changed), self,
                           G_CONNECT_SWAPPED);

  return entry;
}

static GtkWidget *
level_definition (IapMatrixSettings *self,
                  IapScaleLevel     *level,
                  const char        *title)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (box, "level-definition");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  follow_level (self, view, level, "definition");
  g_object_set_data (G_OBJECT (view), "iap-settings", self);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (on_buffer_changed), view, 0);

  return row;
}

static void
add_scale_rows (IapMatrixSettings   *self,
                AdwPreferencesGroup *group,
                GListModel          *levels,
                const char          *scale_name)
{
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (levels, i);
      /* Translators: a row of the matrix settings, such as “Likelihood 3” */
      g_autofree char *name = g_strdup_printf (C_("matrix settings", "%s %u"), scale_name, i + 1);
      /* Translators: the titles of the entries of a level */
      g_autofree char *label_name = g_strdup_printf (_("Name of %s"), name);
      g_autofree char *definition_name = g_strdup_printf (_("Definition of %s"), name);

      adw_preferences_group_add (group, level_entry (self, level, label_name));
      adw_preferences_group_add (group, level_definition (self, level, definition_name));
    }
}

static void
build_levels (IapMatrixSettings *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);

  for (guint e = 0; e < self->level_entries->len; e++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->level_entries, e),
                                                ADW_TYPE_PREFERENCES_ROW);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->level_entries, 0);
  add_scale_rows (self, self->likelihood_group, iap_scales_get_likelihood (scales), _("Likelihood"));
  add_scale_rows (self, self->impact_group, iap_scales_get_impact (scales), _("Impact"));
}

/* Bands ------------------------------------------------------------------ */

static void
on_band_selected (IapMatrixSettings *self,
                  GParamSpec        *pspec,
                  GtkDropDown       *dropdown)
{
  guint l = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "iap-likelihood"));
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "iap-impact"));
  guint band = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || band >= IAP_N_BANDS ||
      band == iap_scales_get_band (iap_workshop_get_scales (self->workshop), l, i))
    return;

  iap_workshop_set_band (self->workshop, l, i, band);
}

static GtkWidget *
band_dropdown (IapMatrixSettings *self,
               guint              likelihood,
               guint              impact)
{
  const char *labels[IAP_N_BANDS + 1] = { NULL, };
  GtkWidget *dropdown;
  g_autofree char *name = NULL;

  for (guint band = 0; band < IAP_N_BANDS; band++)
    labels[band] = iap_band_get_label (band);
  dropdown = gtk_drop_down_new_from_strings (labels);
  g_object_set_data (G_OBJECT (dropdown), "iap-likelihood", GUINT_TO_POINTER (likelihood));
  g_object_set_data (G_OBJECT (dropdown), "iap-impact", GUINT_TO_POINTER (impact));
  /* Translators: accessible name of the band picker of one cell */
  name = g_strdup_printf (_("Band of likelihood %u, impact %u"), likelihood, impact);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_band_selected), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->band_dropdowns, dropdown);

  return dropdown;
}

static GtkWidget *
axis_label (guint       number,
            const char *text,
            gboolean    vertical_axis)
{
  g_autofree char *markup = g_strdup_printf ("%u · %s", number, text);
  GtkWidget *label = gtk_label_new (markup);

  gtk_label_set_xalign (GTK_LABEL (label), vertical_axis ? 1 : 0.5);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_widget_add_css_class (label, "caption");

  return label;
}

static void
build_bands (IapMatrixSettings *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  guint n_l = iap_scales_get_n_likelihood (scales), n_i = iap_scales_get_n_impact (scales);

  clear_grid (self->bands_grid);
  g_ptr_array_set_size (self->band_dropdowns, 0);
  for (guint l = n_l; l >= 1; l--)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (iap_scales_get_likelihood (scales), l - 1);

      gtk_grid_attach (self->bands_grid, axis_label (l, iap_scale_level_get_label (level), TRUE),
                       0, n_l - l, 1, 1);
      for (guint i = 1; i <= n_i; i++)
        gtk_grid_attach (self->bands_grid, band_dropdown (self, l, i), i, n_l - l, 1, 1);
    }

  for (guint i = 1; i <= n_i; i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (iap_scales_get_impact (scales), i - 1);

      gtk_grid_attach (self->bands_grid, axis_label (i, iap_scale_level_get_label (level), FALSE),
                       i, n_l, 1, 1);
    }
}

/* Keeping up with the workshop ------------------------------------------- */

static void
sync_values (IapMatrixSettings *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);

  self->syncing = TRUE;
  for (guint e = 0; e < self->level_entries->len; e++)
    {
      GtkWidget *widget = g_ptr_array_index (self->level_entries, e);
      const char *value = level_text (g_object_get_data (G_OBJECT (widget), "iap-level"),
                                      g_object_get_data (G_OBJECT (widget), "iap-property"));

      set_widget_text (widget, value != NULL ? value : "");
    }

  for (guint d = 0; d < self->band_dropdowns->len; d++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (self->band_dropdowns, d);
      guint l = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "iap-likelihood"));
      guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "iap-impact"));

      gtk_drop_down_set_selected (dropdown, iap_scales_get_band (scales, l, i));
    }
  self->syncing = FALSE;
}

static void
on_history_changed (IapMatrixSettings *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  guint n_l = iap_scales_get_n_likelihood (scales), n_i = iap_scales_get_n_impact (scales);

  if (n_l != self->built_likelihood || n_i != self->built_impact)
    {
      self->built_likelihood = n_l;
      self->built_impact = n_i;
      gtk_spin_button_set_value (self->likelihood_spin, n_l);
      gtk_spin_button_set_value (self->impact_spin, n_i);
      build_levels (self);
      build_bands (self);
    }
  sync_values (self);
}

/* Actions ---------------------------------------------------------------- */

typedef struct
{
  IapMatrixSettings *settings;
  guint n_likelihood;
  guint n_impact;
} Remap;

static void
on_remap_answered (int      response,
                   gpointer user_data)
{
  g_autofree Remap *remap = user_data;
  g_autoptr(IapMatrixSettings) self = remap->settings;

  if (response == GTK_RESPONSE_ACCEPT)
    iap_workshop_remap_scales (self->workshop, remap->n_likelihood, remap->n_impact);
  else
    on_history_changed (self);
}

static void
ask_to_remap (IapMatrixSettings *self,
              guint              n_likelihood,
              guint              n_impact)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  g_autofree char *primary = g_strdup_printf (_("Move the ratings to a %u × %u matrix?"),
                                              n_likelihood, n_impact);
  g_autofree char *secondary = NULL;
  Remap *remap = g_new0 (Remap, 1);

  secondary = g_strdup_printf (_("Risks are already rated on the %u × %u matrix. Each rating, "
                                 "agreed or private, moves to the level at the same place on the "
                                 "new scales: the lowest stays lowest and the highest highest. "
                                 "The bands return to the defaults for the new size. "
                                 "Undo restores everything."),
                               iap_scales_get_n_likelihood (scales),
                               iap_scales_get_n_impact (scales));
  remap->settings = g_object_ref (self);
  remap->n_likelihood = n_likelihood;
  remap->n_impact = n_impact;
  iap_dialogs_ask (GTK_WINDOW (self), primary, secondary, on_remap_answered, remap,
                   _("_Cancel"), GTK_RESPONSE_CANCEL,
                   _("_Move Ratings"), GTK_RESPONSE_ACCEPT,
                   NULL);
}

static void
resize_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IapMatrixSettings *self = IAP_MATRIX_SETTINGS (widget);
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  guint n_l = gtk_spin_button_get_value_as_int (self->likelihood_spin);
  guint n_i = gtk_spin_button_get_value_as_int (self->impact_spin);
  g_autoptr(GError) error = NULL;

  if (n_l == iap_scales_get_n_likelihood (scales) && n_i == iap_scales_get_n_impact (scales))
    return;

  if (iap_workshop_has_ratings (self->workshop))
    ask_to_remap (self, n_l, n_i);
  else if (!iap_workshop_resize_scales (self->workshop, n_l, n_i, &error))
    iap_dialogs_show_error (GTK_WINDOW (self), _("Could not change the size of the matrix"),
                            error->message);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  iap_workshop_reset_scales (IAP_MATRIX_SETTINGS (widget)->workshop);
}

/* GObject ---------------------------------------------------------------- */

static void
iap_matrix_settings_dispose (GObject *object)
{
  IapMatrixSettings *self = IAP_MATRIX_SETTINGS (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_MATRIX_SETTINGS);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->workshop);
  g_clear_pointer (&self->level_entries, g_ptr_array_unref);
  g_clear_pointer (&self->band_dropdowns, g_ptr_array_unref);

  G_OBJECT_CLASS (iap_matrix_settings_parent_class)->dispose (object);
}

static void
iap_matrix_settings_class_init (IapMatrixSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_matrix_settings_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-matrix-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, IapMatrixSettings, likelihood_spin);
  gtk_widget_class_bind_template_child (widget_class, IapMatrixSettings, impact_spin);
  gtk_widget_class_bind_template_child (widget_class, IapMatrixSettings, likelihood_group);
  gtk_widget_class_bind_template_child (widget_class, IapMatrixSettings, impact_group);
  gtk_widget_class_bind_template_child (widget_class, IapMatrixSettings, bands_grid);

  gtk_widget_class_install_action (widget_class, "settings.resize", NULL, resize_action);
  gtk_widget_class_install_action (widget_class, "settings.reset", NULL, reset_action);
}

static void
iap_matrix_settings_init (IapMatrixSettings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->level_entries = g_ptr_array_new ();
  self->band_dropdowns = g_ptr_array_new ();
  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
}

IapMatrixSettings *
iap_matrix_settings_new (GtkWindow   *parent,
                         IapWorkshop *workshop)
{
  IapMatrixSettings *self;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (IAP_TYPE_MATRIX_SETTINGS, "transient-for", parent, NULL);
  self->workshop = g_object_ref (workshop);
  g_signal_group_set_target (self->history_signals, iap_workshop_get_history (workshop));
  on_history_changed (self);

  return self;
}
