/* iap-matrix-page.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Step 3: the risk register and its heat map, side by side. The list is
 * the workshop's own list of risks, sorted and filtered on the way to
 * the screen; a risk's number is always its place in the register, the
 * number its marker carries on the map and in the report. Selecting a
 * risk in either selects it in the other.
 */

#define G_LOG_DOMAIN "iap-matrix-page"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-heat-map-view.h"
#include "iap-import-window.h"
#include "iap-matrix-page.h"
#include "iap-matrix-settings.h"
#include "iap-risk-editor.h"
#include "iap-round-window.h"
#include "iap-window.h"
#include "iap-spreadsheet.h"

typedef enum
{
  COLUMN_NUMBER,
  /* The title, and below it the arrangement and the area */
  COLUMN_TITLE,
  COLUMN_INHERENT,
  COLUMN_RESIDUAL,
  N_COLUMNS
} Column;

typedef struct
{
  IapMatrixPage *self;
  Column column;
} ColumnData;

/* The band filter: all, not rated, then each band from 2. */
#define BAND_FILTER_UNRATED 1

struct _IapMatrixPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkColumnView *risk_view;
  GtkStack *register_stack;
  GtkPaned *paned;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkDropDown *arrangement_filter;
  GtkDropDown *area_filter;
  GtkDropDown *band_filter;
  GtkDropDown *mode_dropdown;
  IapHeatMapView *heat_map;

  /* Owned */
  IapWorkshop *workshop;
  GSignalGroup *history_signals;
  GtkSingleSelection *selection;
  GtkCustomFilter *filter;
  GPtrArray *arrangement_ids;
  GPtrArray *area_ids;
  GPtrArray *bound_items;
  ColumnData column_data[N_COLUMNS];

  /* Borrowed: the toast offering to undo a removal, while shown */
  AdwToast *undo_toast;

  /* The heat-map cell the register shows alone, and its bar; 0 for none */
  GtkWidget *cell_bar;
  GtkLabel *cell_label;
  guint cell_likelihood;
  guint cell_impact;
  IapHeatMapMarkerKind cell_kind;

  guint syncing : 1;
  guint removing : 1;
  guint placing_divider : 1;
  guint divider_moved : 1;
};

G_DEFINE_FINAL_TYPE (IapMatrixPage, iap_matrix_page, GTK_TYPE_WIDGET)

/* What a risk shows ------------------------------------------------------ */

static guint
register_position (IapMatrixPage *self,
                   IapRisk       *risk)
{
  guint position = 0;

  g_list_store_find (G_LIST_STORE (iap_workshop_get_risks (self->workshop)), risk, &position);

  return position;
}

static const char *
catalog_label (IapMatrixPage *self,
               const char    *kind,
               const char    *id)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (self->workshop), kind, id);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : id;
}

/* A rating as one number to sort by: band, then impact, then likelihood,
 * each an ordinal level, never their product; -1 when not rated. */
static int
rating_rank (IapMatrixPage        *self,
             IapRisk              *risk,
             IapHeatMapMarkerKind  kind,
             IapBand              *band)
{
  guint l, i;
  IapBand b;

  if (!iap_heat_map_get_rating (self->workshop, risk, kind, &l, &i))
    return -1;

  b = iap_scales_get_band (iap_workshop_get_scales (self->workshop), l, i);
  if (band != NULL)
    *band = b;

  return b * 100 + i * 10 + l;
}

static char *
rating_text (IapMatrixPage        *self,
             IapRisk              *risk,
             IapHeatMapMarkerKind  kind)
{
  IapBand band;
  int rank = rating_rank (self, risk, kind, &band);

  if (rank < 0)
    return g_strdup (_("Not yet rated"));

  /* Translators: a rating in the risk list: band, then likelihood and
   * impact levels, “High · 4×3” */
  return g_strdup_printf (C_("risk rating", "%s · %d×%d"), iap_band_get_label (band), rank % 10, rank / 10 % 10);
}

static char *
column_text (IapMatrixPage *self,
             Column         column,
             IapRisk       *risk)
{
  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup_printf ("%u", register_position (self, risk) + 1);
    case COLUMN_TITLE:
      if (*iap_risk_get_source (risk) != '\0')
        /* Translators: a risk merged in from another workshop file, in
         * the register: its title, then the file's name */
        return g_strdup_printf (C_("risk source", "%s — from: %s"), iap_risk_get_title (risk),
                                iap_risk_get_source (risk));
      return g_strdup (iap_risk_get_title (risk));
    case COLUMN_INHERENT:
      return rating_text (self, risk, IAP_HEAT_MAP_MARKER_INHERENT);
    case COLUMN_RESIDUAL:
      return rating_text (self, risk, IAP_HEAT_MAP_MARKER_RESIDUAL);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* The arrangement and the area a risk is about, under its title */
static char *
context_text (IapMatrixPage *self,
              IapRisk       *risk)
{
  /* Translators: under a risk's title: its arrangement and area */
  return g_strdup_printf (C_("risk context", "%s · %s"),
                          catalog_label (self, IAP_CATALOG_ARRANGEMENT, iap_risk_get_arrangement (risk)),
                          catalog_label (self, IAP_CATALOG_AREA, iap_risk_get_area (risk)));
}

/* Cells ------------------------------------------------------------------ */

static void
refresh_item (IapMatrixPage *self,
              GtkListItem   *item)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "iap-column"));
  IapRisk *risk = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (risk == NULL || self->workshop == NULL)
    return;

  text = column_text (self, column, risk);
  if (column == COLUMN_TITLE)
    {
      g_autofree char *context = context_text (self, risk);

      gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (child)), text);
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (child)), context);
    }
  else
    gtk_label_set_text (GTK_LABEL (child), text);
}

static GtkWidget *
new_cell_label (float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  /* Every word in full: a long title or rating takes two lines. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_valign (label, GTK_ALIGN_START);

  return label;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ColumnData               *data)
{
  GtkWidget *child;

  if (data->column == COLUMN_TITLE)
    {
      GtkWidget *context = new_cell_label (0);

      child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (child), new_cell_label (0));
      gtk_widget_add_css_class (context, "dim-label");
      gtk_widget_add_css_class (context, "caption");
      gtk_box_append (GTK_BOX (child), context);
    }
  else
    child = new_cell_label (data->column == COLUMN_NUMBER ? 1 : 0);

  g_object_set_data (G_OBJECT (item), "iap-column", GUINT_TO_POINTER (data->column));
  gtk_list_item_set_child (item, child);
}

/* Bound cells are refreshed on every change of the workshop: a title, a
 * catalog label, a band or a number in the register may have changed. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnData               *data)
{
  g_ptr_array_add (data->self->bound_items, item);
  refresh_item (data->self, item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ColumnData               *data)
{
  g_ptr_array_remove_fast (data->self->bound_items, item);
}

static int
compare_risks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ColumnData *data = user_data;
  IapMatrixPage *self = data->self;
  IapRisk *x = (IapRisk *)a, *y = (IapRisk *)b;
  g_autofree char *text_x = NULL;
  g_autofree char *text_y = NULL;

  if (self->workshop == NULL)
    return GTK_ORDERING_EQUAL;

  switch (data->column)
    {
    case COLUMN_NUMBER:
      return gtk_ordering_from_cmpfunc ((int)register_position (self, x) - (int)register_position (self, y));
    case COLUMN_INHERENT:
    case COLUMN_RESIDUAL:
      {
        IapHeatMapMarkerKind kind = data->column == COLUMN_INHERENT ? IAP_HEAT_MAP_MARKER_INHERENT
                                                                    : IAP_HEAT_MAP_MARKER_RESIDUAL;

        return gtk_ordering_from_cmpfunc (rating_rank (self, x, kind, NULL) - rating_rank (self, y, kind, NULL));
      }
    default:
      text_x = column_text (self, data->column, x);
      text_y = column_text (self, data->column, y);
      return gtk_ordering_from_cmpfunc (g_utf8_collate (text_x, text_y));
    }
}

/* The number's width, in pixels; the others follow their texts, which
 * wrap, and the title expands. */
static const int column_widths[N_COLUMNS] = { 44, 0, 0, 0 };

static void
setup_columns (IapMatrixPage *self)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomSorter *sorter;

      self->column_data[c].self = self;
      self->column_data[c].column = c;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), &self->column_data[c]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), &self->column_data[c]);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), &self->column_data[c]);
      gtk_column_view_column_set_factory (self->columns[c], factory);
      if (column_widths[c] > 0)
        gtk_column_view_column_set_fixed_width (self->columns[c], column_widths[c]);
      g_object_unref (factory);

      sorter = gtk_custom_sorter_new (compare_risks, &self->column_data[c], NULL);
      gtk_column_view_column_set_sorter (self->columns[c], GTK_SORTER (sorter));
      g_object_unref (sorter);
    }
}

/* Filters ---------------------------------------------------------------- */

static gboolean
filter_risk (gpointer item,
             gpointer user_data)
{
  IapMatrixPage *self = user_data;
  IapRisk *risk = item;
  guint arrangement = gtk_drop_down_get_selected (self->arrangement_filter);
  guint area = gtk_drop_down_get_selected (self->area_filter);
  guint band_choice = gtk_drop_down_get_selected (self->band_filter);
  IapBand band;
  int rank;

  if (self->workshop == NULL)
    return TRUE;

  if (self->cell_likelihood > 0)
    {
      guint l, i;

      if (!iap_heat_map_get_rating (self->workshop, risk, self->cell_kind, &l, &i) ||
          l != self->cell_likelihood || i != self->cell_impact)
        return FALSE;
    }
  if (arrangement > 0 && arrangement < self->arrangement_ids->len &&
      g_strcmp0 (g_ptr_array_index (self->arrangement_ids, arrangement), iap_risk_get_arrangement (risk)) != 0)
    return FALSE;
  if (area > 0 && area < self->area_ids->len &&
      g_strcmp0 (g_ptr_array_index (self->area_ids, area), iap_risk_get_area (risk)) != 0)
    return FALSE;
  if (band_choice == 0 || band_choice == GTK_INVALID_LIST_POSITION)
    return TRUE;

  rank = rating_rank (self, risk, IAP_HEAT_MAP_MARKER_INHERENT, &band);
  if (band_choice == BAND_FILTER_UNRATED)
    return rank < 0;

  return rank >= 0 && band == band_choice - 2;
}

/* Fills a filter with “All” and the catalog's entries of @kind, keeping
 * what was chosen. */
static void
fill_catalog_filter (IapMatrixPage *self,
                     GtkDropDown   *dropdown,
                     GPtrArray     *ids,
                     const char    *kind,
                     const char    *all)
{
  GListModel *entries = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop), kind);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint chosen = gtk_drop_down_get_selected (dropdown), keep = 0;
  g_autofree char *chosen_id = NULL;

  if (chosen > 0 && chosen < ids->len)
    chosen_id = g_strdup (g_ptr_array_index (ids, chosen));
  if (ids->len == g_list_model_get_n_items (entries) + 1 && gtk_drop_down_get_model (dropdown) != NULL)
    return;

  g_ptr_array_set_size (ids, 0);
  g_ptr_array_add (ids, NULL);
  gtk_string_list_append (strings, all);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);

      g_ptr_array_add (ids, g_strdup (iap_catalog_entry_get_id (entry)));
      gtk_string_list_append (strings, iap_catalog_entry_get_label (entry));
      if (g_strcmp0 (chosen_id, iap_catalog_entry_get_id (entry)) == 0)
        keep = i + 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, keep);
}

static void
fill_band_filter (IapMatrixPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, _("All bands"));
  gtk_string_list_append (strings, _("Not yet rated"));
  for (guint band = 0; band < IAP_N_BANDS; band++)
    gtk_string_list_append (strings, iap_band_get_label (band));
  gtk_drop_down_set_model (self->band_filter, G_LIST_MODEL (strings));
}

static void
on_filter_changed (IapMatrixPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Selection -------------------------------------------------------------- */

static IapRisk *
selected_risk (IapMatrixPage *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

/* Selects @risk in the list if the filters show it, else nothing. */
static void
select_risk (IapMatrixPage *self,
             IapRisk       *risk)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;
  GtkWidget *list_view;

  for (guint i = 0; risk != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IapRisk) item = g_list_model_get_item (model, i);

      if (item == risk)
        position = i;
    }

  gtk_single_selection_set_selected (self->selection, position);
  list_view = find_list_view (GTK_WIDGET (self->risk_view));
  if (position != GTK_INVALID_LIST_POSITION && list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

static void
update_actions (IapMatrixPage *self)
{
  gboolean has_selection = selected_risk (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.edit-risk", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.remove-risk", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.add-risk", self->workshop != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.settings", self->workshop != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.import-risks", self->workshop != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.scoring", self->workshop != NULL);
}

static void
on_list_selection_changed (IapMatrixPage *self)
{
  IapRisk *risk = selected_risk (self);

  update_actions (self);
  if (self->syncing)
    return;

  self->syncing = TRUE;
  iap_heat_map_view_set_selected (self->heat_map, risk != NULL ? (int)register_position (self, risk) : -1);
  self->syncing = FALSE;
}

static void
on_map_selection_changed (IapMatrixPage *self)
{
  int position = iap_heat_map_view_get_selected (self->heat_map);
  g_autoptr(IapRisk) risk = NULL;

  if (self->syncing || self->workshop == NULL)
    return;

  if (position >= 0)
    risk = g_list_model_get_item (iap_workshop_get_risks (self->workshop), position);
  self->syncing = TRUE;
  select_risk (self, risk);
  self->syncing = FALSE;
}

/* The register shows the risks of one cell of the heat map, as rated in
 * the map's view (inherent, else residual), the first selected; a bar
 * above it says which cell, with a button to show every risk again. */
static void
set_cell_filter (IapMatrixPage *self,
                 guint          likelihood,
                 guint          impact)
{
  self->cell_likelihood = likelihood;
  self->cell_impact = impact;
  self->cell_kind = gtk_drop_down_get_selected (self->mode_dropdown) == IAP_HEAT_MAP_INHERENT
                    ? IAP_HEAT_MAP_MARKER_INHERENT : IAP_HEAT_MAP_MARKER_RESIDUAL;
  if (likelihood > 0 && self->workshop != NULL)
    {
      IapScales *scales = iap_workshop_get_scales (self->workshop);
      g_autoptr(IapScaleLevel) l = g_list_model_get_item (iap_scales_get_likelihood (scales), likelihood - 1);
      g_autoptr(IapScaleLevel) i = g_list_model_get_item (iap_scales_get_impact (scales), impact - 1);
      g_autofree char *text = NULL;

      /* Translators: the register shows one cell of the heat map: "Risks rated Likely × Major (inherent risk)" */
      text = g_strdup_printf (_("Risks rated %s × %s (%s)"),
                              l != NULL ? iap_scale_level_get_label (l) : "",
                              i != NULL ? iap_scale_level_get_label (i) : "",
                              self->cell_kind == IAP_HEAT_MAP_MARKER_INHERENT ? _("Inherent risk") : _("Residual risk"));
      gtk_label_set_label (self->cell_label, text);
    }
  gtk_widget_set_visible (self->cell_bar, likelihood > 0);
  on_filter_changed (self);
}

static void
on_cell_activated (IapMatrixPage *self,
                   guint          likelihood,
                   guint          impact)
{
  g_autoptr(IapRisk) first = NULL;

  set_cell_filter (self, likelihood, impact);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);
  select_risk (self, first);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IapMatrixPage *self = IAP_MATRIX_PAGE (widget);
  g_autoptr(IapRisk) risk = selected_risk (self) != NULL ? g_object_ref (selected_risk (self)) : NULL;

  set_cell_filter (self, 0, 0);
  select_risk (self, risk);
}

static void
add_cell_bar (IapMatrixPage *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->register_stack));
  GtkWidget *stack = GTK_WIDGET (self->register_stack);
  GtkWidget *box, *button, *label;

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  button = gtk_button_new_with_mnemonic (_("Show _All Risks"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "matrix.show-all");
  iap_button_fix_accessible_name (button);
  self->cell_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (self->cell_bar), label);
  gtk_box_append (GTK_BOX (self->cell_bar), button);
  gtk_widget_set_visible (self->cell_bar, FALSE);
  self->cell_label = GTK_LABEL (label);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_object_ref (stack);
  if (GTK_IS_PANED (parent))
    gtk_paned_set_start_child (GTK_PANED (parent), NULL);
  gtk_box_append (GTK_BOX (box), self->cell_bar);
  gtk_box_append (GTK_BOX (box), stack);
  g_object_unref (stack);
  if (GTK_IS_PANED (parent))
    gtk_paned_set_start_child (GTK_PANED (parent), box);
}

/* Changes of the workshop ------------------------------------------------ */

static void
on_history_changed (IapMatrixPage *self)
{
  g_autoptr(IapRisk) keep = NULL;

  if (self->workshop == NULL)
    return;

  g_set_object (&keep, selected_risk (self));
  fill_catalog_filter (self, self->arrangement_filter, self->arrangement_ids,
                       IAP_CATALOG_ARRANGEMENT, _("All arrangements"));
  fill_catalog_filter (self, self->area_filter, self->area_ids, IAP_CATALOG_AREA, _("All areas"));

  self->syncing = TRUE;
  on_filter_changed (self);
  for (guint c = 0; c < N_COLUMNS; c++)
    gtk_sorter_changed (gtk_column_view_column_get_sorter (self->columns[c]), GTK_SORTER_CHANGE_DIFFERENT);
  for (guint i = 0; i < self->bound_items->len; i++)
    refresh_item (self, g_ptr_array_index (self->bound_items, i));
  if (keep != NULL && g_list_store_find (G_LIST_STORE (iap_workshop_get_risks (self->workshop)), keep, NULL))
    select_risk (self, keep);
  self->syncing = FALSE;
  on_list_selection_changed (self);

  /* Undo undoes the last step: once it is not the removal, it goes. */
  if (!self->removing && self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
}

/* Actions ---------------------------------------------------------------- */

static void
on_risk_saved (IapMatrixPage *self,
               IapRisk       *risk)
{
  select_risk (self, risk);
  gtk_widget_grab_focus (GTK_WIDGET (self->risk_view));
}

static void
open_editor (IapMatrixPage *self,
             IapRisk       *risk)
{
  IapRiskEditor *editor;

  if (self->workshop == NULL)
    return;

  editor = iap_risk_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                self->workshop, risk);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_risk_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_risk_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_editor (IAP_MATRIX_PAGE (widget), NULL);
}

static void
edit_risk_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IapMatrixPage *self = IAP_MATRIX_PAGE (widget);
  IapRisk *risk = selected_risk (self);

  if (risk != NULL)
    open_editor (self, risk);
}

static void
remove_risk_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IapMatrixPage *self = IAP_MATRIX_PAGE (widget);
  g_autoptr(IapRisk) risk = NULL;
  g_autofree char *text = NULL;
  guint number;

  g_set_object (&risk, selected_risk (self));
  if (risk == NULL)
    return;

  number = register_position (self, risk) + 1;
  self->removing = TRUE;
  iap_workshop_remove_risk (self->workshop, risk);
  self->removing = FALSE;

  /* Translators: shown after removing a risk, with its number and title */
  text = g_strdup_printf (_("Risk %u removed: “%s”."), number, iap_risk_get_title (risk));
  g_set_weak_pointer (&self->undo_toast, iap_window_add_undo_toast (GTK_WIDGET (self), text));
}

static void
settings_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IapMatrixPage *self = IAP_MATRIX_PAGE (widget);
  IapMatrixSettings *settings;

  if (self->workshop == NULL)
    return;

  settings = iap_matrix_settings_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->workshop);
  gtk_window_present (GTK_WINDOW (settings));
}

/* The risk list is read at once: a spreadsheet a person drafted is small,
 * and the window that previews it needs all of it */
static void
on_spreadsheet_chosen (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(IapMatrixPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IapRiskImport) import = NULL;
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  IapSheet *sheet;

  if (file == NULL || self->workshop == NULL)
    return;
  sheet = iap_spreadsheet_load (file, &error);
  if (sheet == NULL)
    {
      iap_dialogs_show_error (parent, _("Could not read the risk list"), error->message);
      return;
    }
  import = iap_risk_import_new (self->workshop, sheet);
  gtk_window_present (GTK_WINDOW (iap_import_window_new (parent, import)));
}

static void
import_risks_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IapMatrixPage *self = IAP_MATRIX_PAGE (widget);

  if (self->workshop == NULL)
    return;

  iap_dialogs_choose_spreadsheet (GTK_WINDOW (gtk_widget_get_root (widget)), on_spreadsheet_chosen,
                                  g_object_ref (self));
}

static void
scoring_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IapMatrixPage *self = IAP_MATRIX_PAGE (widget);

  if (self->workshop != NULL)
    iap_round_window_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->workshop);
}

static void
on_row_activated (IapMatrixPage *self,
                  guint          position)
{
  g_autoptr(IapRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (risk != NULL)
    open_editor (self, risk);
}

static void
on_marker_activated (IapMatrixPage *self,
                     int            position)
{
  g_autoptr(IapRisk) risk = g_list_model_get_item (iap_workshop_get_risks (self->workshop), position);

  if (risk != NULL)
    open_editor (self, risk);
}

static void
on_mode_changed (IapMatrixPage *self)
{
  iap_heat_map_view_set_mode (self->heat_map, gtk_drop_down_get_selected (self->mode_dropdown));
}

/* GObject ---------------------------------------------------------------- */

static void
iap_matrix_page_dispose (GObject *object)
{
  IapMatrixPage *self = IAP_MATRIX_PAGE (object);
  GtkWidget *child;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_MATRIX_PAGE);

  /* Template children that are not bound to fields stay parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->workshop);
  g_clear_pointer (&self->arrangement_ids, g_ptr_array_unref);
  g_clear_pointer (&self->area_ids, g_ptr_array_unref);
  g_clear_pointer (&self->bound_items, g_ptr_array_unref);

  G_OBJECT_CLASS (iap_matrix_page_parent_class)->dispose (object);
}

static void
iap_matrix_page_class_init (IapMatrixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_matrix_page_dispose;

  g_type_ensure (IAP_TYPE_HEAT_MAP_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-matrix-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IapMatrixPage, risk_view);
  gtk_widget_class_bind_template_child (widget_class, IapMatrixPage, register_stack);
  gtk_widget_class_bind_template_child (widget_class, IapMatrixPage, paned);
  gtk_widget_class_bind_template_child_full (widget_class, "number_column", FALSE,
                                             G_STRUCT_OFFSET (IapMatrixPage, columns[COLUMN_NUMBER]));
  gtk_widget_class_bind_template_child_full (widget_class, "title_column", FALSE,
                                             G_STRUCT_OFFSET (IapMatrixPage, columns[COLUMN_TITLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "inherent_column", FALSE,
                                             G_STRUCT_OFFSET (IapMatrixPage, columns[COLUMN_INHERENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "residual_column", FALSE,
                                             G_STRUCT_OFFSET (IapMatrixPage, columns[COLUMN_RESIDUAL]));
  gtk_widget_class_bind_template_child (widget_class, IapMatrixPage, arrangement_filter);
  gtk_widget_class_bind_template_child (widget_class, IapMatrixPage, area_filter);
  gtk_widget_class_bind_template_child (widget_class, IapMatrixPage, band_filter);
  gtk_widget_class_bind_template_child (widget_class, IapMatrixPage, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IapMatrixPage, heat_map);

  gtk_widget_class_install_action (widget_class, "matrix.add-risk", NULL, add_risk_action);
  gtk_widget_class_install_action (widget_class, "matrix.edit-risk", NULL, edit_risk_action);
  gtk_widget_class_install_action (widget_class, "matrix.remove-risk", NULL, remove_risk_action);
  gtk_widget_class_install_action (widget_class, "matrix.settings", NULL, settings_action);
  gtk_widget_class_install_action (widget_class, "matrix.import-risks", NULL, import_risks_action);
  gtk_widget_class_install_action (widget_class, "matrix.scoring", NULL, scoring_action);
  gtk_widget_class_install_action (widget_class, "matrix.show-all", NULL, show_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "matrix.remove-risk", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "matrix.remove-risk", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "matrix.add-risk", NULL);
}

/* Until the facilitator drags the divider, it stands where the heat map
 * gets the width at which its text fits at the on-screen minimum, and the
 * register the rest (never less than its own minimum): the register's
 * titles wrap, the map's cells cannot. */
static void
place_divider (IapMatrixPage *self)
{
  GtkWidget *end_child = gtk_paned_get_end_child (self->paned);
  int min_position, max_position, end_minimum, map_minimum, position;

  if (self->divider_moved || end_child == NULL)
    return;

  g_object_get (self->paned,
                "min-position", &min_position,
                "max-position", &max_position,
                NULL);
  gtk_widget_measure (end_child, GTK_ORIENTATION_HORIZONTAL, -1,
                      &end_minimum, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->heat_map), GTK_ORIENTATION_HORIZONTAL, -1,
                      &map_minimum, NULL, NULL, NULL);

  /* The end child's margin, and room for its scrollbar */
  position = max_position + end_minimum - (map_minimum + 12 + 12);
  position = CLAMP (position, min_position, max_position);
  if (position == gtk_paned_get_position (self->paned))
    return;

  self->placing_divider = TRUE;
  gtk_paned_set_position (self->paned, position);
  self->placing_divider = FALSE;
}

static void
on_divider_moved (IapMatrixPage *self)
{
  gboolean position_set;

  g_object_get (self->paned, "position-set", &position_set, NULL);
  if (!self->placing_divider && position_set)
    self->divider_moved = TRUE;
}

static void
iap_matrix_page_init (IapMatrixPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_cell_bar (self);

  g_signal_connect_object (self->paned, "notify::max-position",
                           G_CALLBACK (place_divider), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paned, "notify::position",
                           G_CALLBACK (on_divider_moved), self, G_CONNECT_SWAPPED);

  self->arrangement_ids = g_ptr_array_new_with_free_func (g_free);
  self->area_ids = g_ptr_array_new_with_free_func (g_free);
  self->bound_items = g_ptr_array_new ();
  setup_columns (self);
  fill_band_filter (self);

  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->arrangement_filter, "notify::selected",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->area_filter, "notify::selected",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->band_filter, "notify::selected",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mode_dropdown, "notify::selected",
                           G_CALLBACK (on_mode_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->risk_view, "activate",
                           G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->heat_map, "notify::selected",
                           G_CALLBACK (on_map_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->heat_map, "activate-risk",
                           G_CALLBACK (on_marker_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->heat_map, "activate-cell",
                           G_CALLBACK (on_cell_activated), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Public API ------------------------------------------------------------- */

/* An empty register says how to start; a register that the filters empty
 * says so, rather than showing a blank list. */
static void
update_register_page (IapMatrixPage *self)
{
  const char *page = "register";

  if (self->workshop == NULL || g_list_model_get_n_items (iap_workshop_get_risks (self->workshop)) == 0)
    page = "empty";
  else if (self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    page = "no-match";

  gtk_stack_set_visible_child_name (self->register_stack, page);
}

static void
bind_model (IapMatrixPage *self)
{
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);

  self->filter = gtk_custom_filter_new (filter_risk, self, NULL);
  sorted = gtk_sort_list_model_new (g_object_ref (iap_workshop_get_risks (self->workshop)),
                                    g_object_ref (gtk_column_view_get_sorter (self->risk_view)));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_list_selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (update_register_page), self);
  gtk_column_view_set_model (self->risk_view, GTK_SELECTION_MODEL (self->selection));
  update_register_page (self);
}

void
iap_matrix_page_set_workshop (IapMatrixPage *self,
                              IapWorkshop   *workshop)
{
  g_return_if_fail (IAP_IS_MATRIX_PAGE (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->history_signals,
                             workshop != NULL ? iap_workshop_get_history (workshop) : NULL);
  iap_heat_map_view_set_workshop (self->heat_map, workshop);
  g_ptr_array_set_size (self->arrangement_ids, 0);
  g_ptr_array_set_size (self->area_ids, 0);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  if (workshop == NULL)
    {
      gtk_column_view_set_model (self->risk_view, NULL);
      update_register_page (self);
      update_actions (self);
      return;
    }

  bind_model (self);
  on_history_changed (self);
}

/**
 * iap_matrix_page_get_heat_map_view:
 *
 * Returns: (transfer none): the register's heat map, whose "selected" and
 *   "mode" say which risk the facilitator chose and which ratings show
 */
IapHeatMapView *
iap_matrix_page_get_heat_map_view (IapMatrixPage *self)
{
  g_return_val_if_fail (IAP_IS_MATRIX_PAGE (self), NULL);

  return self->heat_map;
}
