/* iap-integration-page.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The integration map step: where the mission and the UN Country Team
 * work together and how deeply, area by area, with the three criteria of
 * the IAP policy for each choice (expected impact, transaction costs,
 * risks), and the chart of the map. Every change is one undoable edit. */

#define G_LOG_DOMAIN "iap-integration-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-integration-chart.h"
#include "iap-integration-map.h"
#include "iap-integration-page.h"
#include "iap-window.h"

struct _IapIntegrationPage
{
  GtkWidget       parent_instance;

  GtkListBox     *area_list;
  GtkButton      *defaults_button;
  GtkDrawingArea *chart;

  IapWorkshop    *workshop;
  GSignalGroup   *history_signals;
  guint           describe_source;
};

G_DEFINE_FINAL_TYPE (IapIntegrationPage, iap_integration_page, GTK_TYPE_WIDGET)

/* The widgets of one area's row, kept in step with the area */
typedef struct
{
  IapIntegrationPage *page;
  IapIntegrationArea *area;
  AdwExpanderRow     *row;
  AdwComboRow        *depth;
  GPtrArray          *depth_ids;
  AdwComboRow        *levels[IAP_N_CRITERIA];
  AdwEntryRow        *reasons[IAP_N_CRITERIA];
  AdwActionRow       *risks;
  gboolean            syncing;
} AreaRow;

static void
area_row_free (gpointer data)
{
  AreaRow *r = data;

  g_clear_object (&r->area);
  g_clear_pointer (&r->depth_ids, g_ptr_array_unref);
  g_free (r);
}

static const char *
area_label (IapWorkshop *workshop,
            const char  *id,
            const char  *kind)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (workshop), kind, id);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : id;
}

static char *
dup_subtitle (AreaRow *r)
{
  IapWorkshop *workshop = r->page->workshop;
  const char *depth = iap_integration_area_get_depth (r->area);
  g_autoptr(GString) text = g_string_new (NULL);

  if (depth == NULL || depth[0] == '\0')
    g_string_append (text, _("Depth not chosen yet"));
  else
    g_string_append (text, area_label (workshop, depth, IAP_CATALOG_DEPTH));

  for (guint c = 0; c < IAP_N_CRITERIA; c++)
    /* Translators: a criterion of the integration map and its level, such as "Transaction costs: High" */
    g_string_append_printf (text, _(" · %s: %s"),
                            iap_criterion_get_label (c),
                            iap_level_get_label (iap_integration_area_get_level (r->area, c)));

  if (iap_workshop_integration_area_risks_high (workshop, r->area))
    g_string_append_printf (text, " · %s", _("High risks"));
  if (iap_integration_area_costs_exceed_impact (r->area))
    g_string_append_printf (text, " · %s", _("Costs above impact"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dup_risks_subtitle (AreaRow *r)
{
  const char * const *risks = iap_integration_area_get_risks (r->area);
  g_autofree char *numbers = NULL;

  if (risks == NULL || risks[0] == NULL)
    return g_strdup (_("No risk of the register is linked to this area"));

  numbers = iap_workshop_dup_risk_numbers (r->page->workshop, risks);
  if (iap_workshop_integration_area_risks_high (r->page->workshop, r->area))
    /* Translators: %s lists the numbers of the register's risks linked to an area */
    return g_strdup_printf (_("Risks %s; at least one is rated High or Critical"), numbers);

  /* Translators: %s lists the numbers of the register's risks linked to an area */
  return g_strdup_printf (_("Risks %s"), numbers);
}

/* Shows the area as the model has it, after an edit, an undo or a redo */
static void
area_row_sync (AreaRow *r)
{
  const char *depth = iap_integration_area_get_depth (r->area);
  g_autofree char *subtitle = dup_subtitle (r);
  g_autofree char *risks = dup_risks_subtitle (r);
  guint position = 0;

  r->syncing = TRUE;

  adw_expander_row_set_subtitle (r->row, subtitle);

  for (guint i = 0; i < r->depth_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (r->depth_ids, i), depth != NULL ? depth : "") == 0)
      position = i;
  adw_combo_row_set_selected (r->depth, position);

  for (guint c = 0; c < IAP_N_CRITERIA; c++)
    {
      const char *reason = iap_integration_area_get_reason (r->area, c);
      GtkEditable *editable = GTK_EDITABLE (r->reasons[c]);

      adw_combo_row_set_selected (r->levels[c], iap_integration_area_get_level (r->area, c));
      /* Text being typed stays until it is applied */
      if ((gtk_widget_get_state_flags (GTK_WIDGET (editable)) & GTK_STATE_FLAG_FOCUS_WITHIN) == 0 &&
          g_strcmp0 (gtk_editable_get_text (editable), reason != NULL ? reason : "") != 0)
        gtk_editable_set_text (editable, reason != NULL ? reason : "");
    }

  adw_action_row_set_subtitle (r->risks, risks);

  r->syncing = FALSE;
}

static void
on_area_notify (GtkWidget *row)
{
  area_row_sync (g_object_get_data (G_OBJECT (row), "iap-area-row"));
}

static void
on_depth_selected (AreaRow *r)
{
  guint position = adw_combo_row_get_selected (r->depth);
  const char *id;

  if (r->syncing || position >= r->depth_ids->len)
    return;

  id = g_ptr_array_index (r->depth_ids, position);
  if (g_strcmp0 (id, iap_integration_area_get_depth (r->area)) != 0)
    iap_workshop_set (r->page->workshop, r->area, "depth", id, NULL);
}

static void
on_level_selected (AdwComboRow *combo,
                   GParamSpec  *pspec,
                   AreaRow     *r)
{
  for (guint c = 0; c < IAP_N_CRITERIA; c++)
    {
      IapLevel level;

      if (r->levels[c] != combo)
        continue;

      level = adw_combo_row_get_selected (combo);
      if (r->syncing || level > IAP_LEVEL_HIGH || level == iap_integration_area_get_level (r->area, c))
        return;

      iap_workshop_set (r->page->workshop, r->area,
                        iap_criterion_get_property (c), iap_level_to_id (level), NULL);
    }
}

static void
on_reason_apply (AdwEntryRow *entry,
                 AreaRow     *r)
{
  for (guint c = 0; c < IAP_N_CRITERIA; c++)
    if (r->reasons[c] == entry)
      iap_workshop_set_text (r->page->workshop, r->area,
                             iap_criterion_get_reason_property (c),
                             gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_remove_clicked (GtkButton *button,
                   AreaRow   *r)
{
  IapIntegrationPage *self = r->page;
  g_autofree char *title = NULL;

  /* Translators: said after an area is removed from the integration map, with an Undo button */
  title = g_strdup_printf (_("“%s” removed"),
                           area_label (self->workshop, iap_integration_area_get_area (r->area),
                                       IAP_CATALOG_INTEGRATION_AREA));
  iap_workshop_remove_integration_area (self->workshop, r->area);
  iap_window_add_undo_toast (GTK_WIDGET (self), title);
  gtk_widget_grab_focus (GTK_WIDGET (self->area_list));
}

static AdwComboRow *
new_combo_row (const char         *title,
               const char * const *labels)
{
  AdwComboRow *combo = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
  adw_combo_row_set_model (combo, G_LIST_MODEL (model));

  return combo;
}

/* Names a control of an area's row for a screen reader, such as "Early recovery: Depth" */
static void
set_accessible_name (gpointer    widget,
                     const char *area,
                     const char *what)
{
  /* Translators: the accessible name of a control of the integration map: an area, then what the control sets */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), area, what);

  /* The row's title would otherwise be said a second time */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static GtkWidget *
create_area_row (gpointer item,
                 gpointer user_data)
{
  IapIntegrationPage *self = user_data;
  IapWorkshop *workshop = self->workshop;
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  const char *id = iap_integration_area_get_area (item);
  IapCatalogEntry *entry = iap_catalog_lookup (catalog, IAP_CATALOG_INTEGRATION_AREA, id);
  GListModel *depths = iap_catalog_get_entries (catalog, IAP_CATALOG_DEPTH);
  g_autoptr(GPtrArray) depth_labels = g_ptr_array_new ();
  const char *level_labels[IAP_N_LEVELS + 2];
  AreaRow *r = g_new0 (AreaRow, 1);
  const char *label;
  GtkWidget *remove;

  r->page = self;
  r->area = g_object_ref (item);
  r->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  label = area_label (workshop, id, IAP_CATALOG_INTEGRATION_AREA);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (r->row), "iap-area-row", r, area_row_free);

  /* What the sources say about the area, with the source */
  if (entry != NULL && iap_catalog_entry_get_description (entry) != NULL &&
      iap_catalog_entry_get_description (entry)[0] != '\0')
    {
      AdwActionRow *about = ADW_ACTION_ROW (adw_action_row_new ());
      g_autofree char *citation = iap_catalog_entry_dup_citation (entry);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (about), iap_catalog_entry_get_description (entry));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (about), FALSE);
      if (citation != NULL)
        adw_action_row_set_subtitle (about, citation);
      adw_action_row_set_title_lines (about, 0);
      adw_expander_row_add_row (r->row, GTK_WIDGET (about));
    }

  r->depth_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (r->depth_ids, g_strdup (""));
  g_ptr_array_add (depth_labels, (gpointer)_("Not chosen yet"));
  for (guint i = 0; i < g_list_model_get_n_items (depths); i++)
    {
      g_autoptr(IapCatalogEntry) depth = g_list_model_get_item (depths, i);

      g_ptr_array_add (r->depth_ids, g_strdup (iap_catalog_entry_get_id (depth)));
      g_ptr_array_add (depth_labels, (gpointer)iap_catalog_entry_get_label (depth));
    }
  g_ptr_array_add (depth_labels, NULL);
  r->depth = new_combo_row (_("Depth"), (const char * const *)depth_labels->pdata);
  set_accessible_name (r->depth, label, _("Depth"));
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->depth));
  g_signal_connect_swapped (r->depth, "notify::selected", G_CALLBACK (on_depth_selected), r);

  for (guint l = 0; l <= IAP_N_LEVELS; l++)
    level_labels[l] = iap_level_get_label (l);
  level_labels[IAP_N_LEVELS + 1] = NULL;

  for (guint c = 0; c < IAP_N_CRITERIA; c++)
    {
      g_autofree char *reason_title = NULL;

      r->levels[c] = new_combo_row (iap_criterion_get_label (c), level_labels);
      set_accessible_name (r->levels[c], label, iap_criterion_get_label (c));
      adw_expander_row_add_row (r->row, GTK_WIDGET (r->levels[c]));
      g_signal_connect (r->levels[c], "notify::selected", G_CALLBACK (on_level_selected), r);

      /* Translators: the title of the reason given for a criterion's level, such as "Why: Transaction costs" */
      reason_title = g_strdup_printf (_("Why: %s"), iap_criterion_get_label (c));
      r->reasons[c] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->reasons[c]), reason_title);
      adw_entry_row_set_show_apply_button (r->reasons[c], TRUE);
      set_accessible_name (r->reasons[c], label, reason_title);
      adw_expander_row_add_row (r->row, GTK_WIDGET (r->reasons[c]));
      g_signal_connect (r->reasons[c], "apply", G_CALLBACK (on_reason_apply), r);
    }

  r->risks = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->risks), _("Linked risks of the register"));
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->risks));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Area"));
  set_accessible_name (remove, label, _("Remove Area"));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), r);
  adw_expander_row_add_action (r->row, remove);

  g_signal_connect_object (item, "notify", G_CALLBACK (on_area_notify), r->row, G_CONNECT_SWAPPED);
  area_row_sync (r);

  return GTK_WIDGET (r->row);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  IapIntegrationPage *self = user_data;

  if (self->workshop == NULL)
    return;

  /* The chart is drawn as on paper, whatever the theme. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  iap_integration_chart_draw (cr, self->workshop, width, height);
}

/* The chart as tall as it needs at its width, and its words for a screen reader */
static gboolean
update_chart (gpointer user_data)
{
  IapIntegrationPage *self = user_data;
  g_autofree char *description = NULL;
  int width;

  self->describe_source = 0;
  if (self->workshop == NULL)
    return G_SOURCE_REMOVE;

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self->chart)), 600);
  gtk_drawing_area_set_content_height (self->chart,
                                       (int)(iap_integration_chart_get_height (self->workshop, width) + 0.999));
  description = iap_integration_chart_dup_description (self->workshop);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));

  return G_SOURCE_REMOVE;
}

static void
queue_update (IapIntegrationPage *self)
{
  if (self->describe_source == 0)
    self->describe_source = g_idle_add (update_chart, self);
}

static void
update_defaults_button (IapIntegrationPage *self)
{
  GListModel *areas;
  gboolean missing = FALSE;

  if (self->workshop == NULL)
    return;

  areas = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop), IAP_CATALOG_INTEGRATION_AREA);
  for (guint i = 0; i < g_list_model_get_n_items (areas) && !missing; i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (areas, i);

      missing = iap_workshop_find_integration_area (self->workshop, iap_catalog_entry_get_id (entry)) == NULL;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->defaults_button), missing);
}

static void
on_document_changed (IapIntegrationPage *self)
{
  /* A risk's rating may change the rows' marks: resync every row */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->area_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      AreaRow *r = g_object_get_data (G_OBJECT (row), "iap-area-row");

      if (r != NULL)
        area_row_sync (r);
    }
  update_defaults_button (self);
  queue_update (self);
}

static void
on_defaults_clicked (IapIntegrationPage *self)
{
  if (self->workshop != NULL)
    iap_workshop_add_default_integration_areas (self->workshop);
}

void
iap_integration_page_set_workshop (IapIntegrationPage *self,
                                   IapWorkshop        *workshop)
{
  g_return_if_fail (IAP_IS_INTEGRATION_PAGE (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->history_signals,
                             workshop != NULL ? iap_workshop_get_history (workshop) : NULL);
  if (workshop != NULL)
    gtk_list_box_bind_model (self->area_list, iap_workshop_get_integration_map (workshop),
                             create_area_row, self, NULL);
  else
    gtk_list_box_bind_model (self->area_list, NULL, NULL, NULL, NULL);
  update_defaults_button (self);
  queue_update (self);
}

static void
iap_integration_page_dispose (GObject *object)
{
  IapIntegrationPage *self = IAP_INTEGRATION_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->describe_source, g_source_remove);
  if (self->area_list != NULL)
    gtk_list_box_bind_model (self->area_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_INTEGRATION_PAGE);

  /* Template children that are not bound to fields stay parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (iap_integration_page_parent_class)->dispose (object);
}

static void
iap_integration_page_finalize (GObject *object)
{
  IapIntegrationPage *self = IAP_INTEGRATION_PAGE (object);

  g_clear_object (&self->history_signals);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_integration_page_parent_class)->finalize (object);
}

static void
iap_integration_page_class_init (IapIntegrationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_integration_page_dispose;
  object_class->finalize = iap_integration_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-integration-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IapIntegrationPage, area_list);
  gtk_widget_class_bind_template_child (widget_class, IapIntegrationPage, defaults_button);
  gtk_widget_class_bind_template_child (widget_class, IapIntegrationPage, chart);
}

static void
iap_integration_page_init (IapIntegrationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  iap_button_fix_accessible_name (GTK_WIDGET (self->defaults_button));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  g_signal_connect_swapped (self->defaults_button, "clicked", G_CALLBACK (on_defaults_clicked), self);
  g_signal_connect_swapped (self->chart, "resize", G_CALLBACK (queue_update), self);

  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed",
                                 G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
}
