/* iap-import-window.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Risk matrix > Import Risks…: what a spreadsheet's risk list will add to
 * the workshop, before it does. A view over an IapRiskImport (core),
 * which reads the rows; the window lets the facilitator say what each
 * column holds, whether unknown arrangements and areas become catalog
 * entries, and shows the risks and the rows left out. */

#define G_LOG_DOMAIN "iap-import"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-import-window.h"
#include "iap-window.h"

/* A preview of a few hundred rows reads as well as one of thousands */
#define MAX_PREVIEW 200

struct _IapImportWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkButton *cancel_button;
  GtkButton *import_button;
  GtkLabel *summary_label;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *entries_group;
  AdwActionRow *entries_row;
  GtkSwitch *entries_switch;
  AdwPreferencesGroup *problems_group;
  GtkListBox *problems_list;
  AdwPreferencesGroup *preview_group;
  GtkListBox *preview_list;

  /* Owned */
  IapRiskImport *import;
  GPtrArray *combos;            /* AdwComboRow per column */
  GtkStringList *problems;
  GtkSliceListModel *preview;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (IapImportWindow, iap_import_window, ADW_TYPE_WINDOW)

static char *
dup_rating (guint likelihood,
            guint impact)
{
  if (likelihood == 0 || impact == 0)
    return g_strdup (C_("rating", "Not rated"));

  /* Translators: likelihood × impact */
  return g_strdup_printf (_("%u × %u"), likelihood, impact);
}

static char *
dup_entry (IapImportWindow *self,
           const char      *kind,
           const char      *value)
{
  IapCatalog *catalog = iap_workshop_get_catalog (iap_risk_import_get_workshop (self->import));

  if (iap_catalog_lookup (catalog, kind, value) != NULL)
    return g_strdup (iap_catalog_get_label (catalog, kind, value));

  /* Translators: an arrangement or area the catalog does not have yet */
  return g_strdup_printf (_("%s (new)"), value);
}

static GtkWidget *
create_risk_row (gpointer item,
                 gpointer user_data)
{
  IapImportWindow *self = user_data;
  IapRisk *risk = item;
  g_autofree char *title = g_markup_escape_text (iap_risk_get_title (risk), -1);
  g_autofree char *arrangement = dup_entry (self, IAP_CATALOG_ARRANGEMENT, iap_risk_get_arrangement (risk));
  g_autofree char *area = dup_entry (self, IAP_CATALOG_AREA, iap_risk_get_area (risk));
  g_autofree char *inherent = dup_rating (iap_risk_get_inherent_likelihood (risk), iap_risk_get_inherent_impact (risk));
  g_autofree char *residual = dup_rating (iap_risk_get_residual_likelihood (risk), iap_risk_get_residual_impact (risk));
  /* Translators: a risk's arrangement, its area, then its inherent and residual ratings */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · inherent %s · residual %s"),
                                               arrangement, area, inherent, residual);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);

  return row;
}

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *label = gtk_label_new (gtk_string_object_get_string (item));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  return label;
}

static char *
dup_new_entries (IapImportWindow *self)
{
  const char * const *arrangements = iap_risk_import_get_new_entries (self->import, IAP_CATALOG_ARRANGEMENT);
  const char * const *areas = iap_risk_import_get_new_entries (self->import, IAP_CATALOG_AREA);
  g_autoptr(GString) text = g_string_new (NULL);

  if (arrangements[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) arrangements);

      /* Translators: %s is a list of arrangements the catalog does not have */
      g_string_append_printf (text, _("Arrangements: %s."), list);
    }
  if (areas[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) areas);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: %s is a list of areas the catalog does not have */
      g_string_append_printf (text, _("Areas: %s."), list);
    }
  if (text->len == 0)
    g_string_append (text, _("Every arrangement and area is in the catalog."));
  else if (!iap_risk_import_get_add_entries (self->import))
    g_string_append (text, _(" Their rows are left out."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_summary (IapImportWindow *self,
                guint            n_risks,
                guint            n_problems)
{
  g_autofree char *risks = g_strdup_printf (g_dngettext (NULL, "%u risk will be added to the workshop.",
                                                         "%u risks will be added to the workshop.", n_risks), n_risks);
  g_autofree char *problems = n_problems == 0 ? g_strdup ("")
    : g_strdup_printf (g_dngettext (NULL, " %u row cannot be read.", " %u rows cannot be read.", n_problems), n_problems);
  g_autofree char *text = g_strconcat (risks, problems, NULL);

  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), n_risks > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", n_risks > 0);
}

/* Everything the window shows, read again from the import */
static void
update (IapImportWindow *self)
{
  GListModel *risks = iap_risk_import_get_risks (self->import);
  const char * const *problems = iap_risk_import_get_problems (self->import);
  g_autofree char *entries = dup_new_entries (self);
  guint n_problems = g_strv_length ((char **) problems);

  self->updating = TRUE;
  for (guint i = 0; i < self->combos->len; i++)
    adw_combo_row_set_selected (g_ptr_array_index (self->combos, i), iap_risk_import_get_field (self->import, i));
  gtk_switch_set_active (self->entries_switch, iap_risk_import_get_add_entries (self->import));
  self->updating = FALSE;

  adw_preferences_group_set_description (self->entries_group, entries);
  gtk_string_list_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)), problems);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n_problems > 0);
  update_summary (self, g_list_model_get_n_items (risks), n_problems);
}

static void
on_field_selected (IapImportWindow *self,
                   GParamSpec      *pspec,
                   AdwComboRow     *combo)
{
  guint column;

  if (self->updating)
    return;
  for (column = 0; column < self->combos->len; column++)
    {
      if (g_ptr_array_index (self->combos, column) == combo)
        break;
    }
  iap_risk_import_set_field (self->import, column, adw_combo_row_get_selected (combo));
}

static void
on_entries_switched (IapImportWindow *self)
{
  if (!self->updating)
    iap_risk_import_set_add_entries (self->import, gtk_switch_get_active (self->entries_switch));
}

static GtkStringList *
new_field_list (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (IapImportField field = 0; field < IAP_N_IMPORT_FIELDS; field++)
    gtk_string_list_append (list, iap_import_field_get_label (field));

  return list;
}

static void
add_column_rows (IapImportWindow *self)
{
  g_autoptr(GtkStringList) fields = new_field_list ();

  for (guint i = 0; i < iap_risk_import_get_n_columns (self->import); i++)
    {
      const char *header = iap_risk_import_get_header (self->import, i);
      g_autofree char *title = NULL;
      AdwComboRow *combo = ADW_COMBO_ROW (adw_combo_row_new ());

      /* Translators: a column of a spreadsheet without a header, by its letter or number */
      title = header[0] != '\0' ? g_markup_escape_text (header, -1) : g_strdup_printf (_("Column %u"), i + 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
      adw_combo_row_set_model (combo, G_LIST_MODEL (fields));
      adw_combo_row_set_selected (combo, iap_risk_import_get_field (self->import, i));
      g_signal_connect_object (combo, "notify::selected", G_CALLBACK (on_field_selected), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (combo));
      g_ptr_array_add (self->combos, combo);
    }
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IapImportWindow *self = IAP_IMPORT_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  guint n = iap_risk_import_apply (self->import);

  if (IAP_IS_WINDOW (parent))
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u risk imported", "%u risks imported", n), n);

      iap_window_add_toast (IAP_WINDOW (parent), adw_toast_new (text));
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
iap_import_window_dispose (GObject *object)
{
  IapImportWindow *self = IAP_IMPORT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_IMPORT_WINDOW);
  g_clear_object (&self->import);
  g_clear_object (&self->problems);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->combos, g_ptr_array_unref);

  G_OBJECT_CLASS (iap_import_window_parent_class)->dispose (object);
}

static void
iap_import_window_class_init (IapImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_import_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iapworkshop/Workshop/ui/iap-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IapImportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, IapImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, IapImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IapImportWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, IapImportWindow, entries_group);
  gtk_widget_class_bind_template_child (widget_class, IapImportWindow, entries_row);
  gtk_widget_class_bind_template_child (widget_class, IapImportWindow, entries_switch);
  gtk_widget_class_bind_template_child (widget_class, IapImportWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, IapImportWindow, problems_list);
  gtk_widget_class_bind_template_child (widget_class, IapImportWindow, preview_group);
  gtk_widget_class_bind_template_child (widget_class, IapImportWindow, preview_list);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
iap_import_window_init (IapImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->combos = g_ptr_array_new ();
  self->problems = gtk_string_list_new (NULL);
  iap_button_fix_accessible_name (GTK_WIDGET (self->cancel_button));
  iap_button_fix_accessible_name (GTK_WIDGET (self->import_button));
  gtk_list_box_bind_model (self->problems_list, G_LIST_MODEL (self->problems),
                           create_problem_row, NULL, NULL);
  g_signal_connect_object (self->entries_switch, "notify::active",
                           G_CALLBACK (on_entries_switched), self, G_CONNECT_SWAPPED);
}

/**
 * iap_import_window_new:
 * @import: the risk list read, its columns guessed
 *
 * Returns: (transfer none): the window, for @parent's workshop
 */
IapImportWindow *
iap_import_window_new (GtkWindow     *parent,
                       IapRiskImport *import)
{
  IapImportWindow *self;

  g_return_val_if_fail (IAP_IS_RISK_IMPORT (import), NULL);

  self = g_object_new (IAP_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->import = g_object_ref (import);
  self->preview = gtk_slice_list_model_new (g_object_ref (iap_risk_import_get_risks (import)), 0, MAX_PREVIEW);
  gtk_list_box_bind_model (self->preview_list, G_LIST_MODEL (self->preview), create_risk_row, self, NULL);
  add_column_rows (self);
  g_signal_connect_object (import, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return self;
}
