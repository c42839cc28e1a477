/* iap-mitigation-page.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Step 5: the mitigation plan, residual risk and acceptance.
 *
 * The plan is a column view over the workshop's mitigations, sortable by
 * owner, due date and status; measures past their due date and not done
 * carry an "Overdue" marker as text as well as a style. Below, the
 * inherent and residual heat maps side by side show the effect of the
 * plan, and one row per risk records its residual rating and, above the
 * appetite, who accepts it.
 */

#define G_LOG_DOMAIN "iap-mitigation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-appetite.h"
#include "iap-heat-map-view.h"
#include "iap-mitigation-editor.h"
#include "iap-mitigation-page.h"
#include "iap-mitigation-residual-row.h"
#include "iap-window.h"

typedef enum
{
  COLUMN_MEASURE,
  COLUMN_RISKS,
  COLUMN_OWNER,
  COLUMN_ENTITY,
  COLUMN_DUE,
  COLUMN_STATUS,
  COLUMN_TREATMENT,
} Column;

struct _IapMitigationPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkDropDown *appetite_dropdown;
  GtkEditable *review_entry;
  GtkLabel *review_hint;
  GtkLabel *signoff_label;
  GtkColumnView *plan_view;
  GtkWidget *plan_scroller;
  GtkWidget *plan_empty;
  IapHeatMapView *inherent_map;
  IapHeatMapView *residual_map;
  GtkListBox *residual_list;
  GtkButton *residual_more_button;
  GtkLabel *residual_count_label;

  /* Owned */
  /* The first risks of the register, whose residual rows are built: a
   * row has two pickers and an acceptance form, and 400 of them took
   * seconds to build and hundreds of megabytes. More come on demand. */
  GtkSliceListModel *residual_slice;
  IapWorkshop *workshop;
  GSignalGroup *history_signals;
  GSignalGroup *risks_signals;
  GtkSingleSelection *selection;
  gboolean updating;
  /* Borrowed: the toast offering to undo a deletion, while shown */
  AdwToast *undo_toast;
  /* Set while deleting, so that only a later change hides "Undo". */
  gboolean deleting;
};

G_DEFINE_FINAL_TYPE (IapMitigationPage, iap_mitigation_page, GTK_TYPE_WIDGET)

/* Plan cells ------------------------------------------------------------- */

static const char *
measure_text (IapWorkshop   *workshop,
              IapMitigation *m)
{
  IapCatalogEntry *entry;

  if (iap_mitigation_get_title (m)[0] != '\0')
    return iap_mitigation_get_title (m);
  entry = iap_catalog_lookup (iap_workshop_get_catalog (workshop), IAP_CATALOG_MEASURE,
                              iap_mitigation_get_measure (m));
  return entry != NULL ? iap_catalog_entry_get_label (entry) : iap_mitigation_get_measure (m);
}

static gboolean
is_overdue (IapMitigation *m)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));

  return iap_mitigation_is_overdue (m, today);
}

static char *
dup_cell_text (IapWorkshop   *workshop,
               IapMitigation *m,
               Column         column)
{
  switch (column)
    {
    case COLUMN_MEASURE:
      return g_strdup (measure_text (workshop, m));
    case COLUMN_RISKS:
      return iap_workshop_dup_risk_numbers (workshop, iap_mitigation_get_risks (m));
    case COLUMN_OWNER:
      return g_strdup (iap_mitigation_get_owner (m));
    case COLUMN_ENTITY:
      return g_strdup (iap_mitigation_get_owner_entity (m));
    case COLUMN_DUE:
      return g_strdup (iap_mitigation_get_due (m));
    case COLUMN_STATUS:
      if (is_overdue (m))
        /* Translators: a status, then a marker for measures past their due date */
        return g_strdup_printf (_("%s · Overdue"), iap_mitigation_status_label (iap_mitigation_get_status (m)));
      return g_strdup (iap_mitigation_status_label (iap_mitigation_get_status (m)));
    case COLUMN_TREATMENT:
    default:
      return g_strdup (iap_mitigation_treatment_label (iap_mitigation_get_treatment (m)));
    }
}

/* The line under a cell's text: the risks and the treatment under the
 * measure, the entity under the owner. */
static char *
dup_cell_detail (IapWorkshop   *workshop,
                 IapMitigation *m,
                 Column         column)
{
  g_autofree char *risks = NULL;
  g_autofree char *treatment = NULL;

  if (column == COLUMN_OWNER)
    return dup_cell_text (workshop, m, COLUMN_ENTITY);
  if (column != COLUMN_MEASURE)
    return NULL;

  risks = dup_cell_text (workshop, m, COLUMN_RISKS);
  treatment = dup_cell_text (workshop, m, COLUMN_TREATMENT);
  if (risks[0] == '\0')
    return g_steal_pointer (&treatment);

  /* Translators: under a measure of the plan: the risks it reduces, then
   * its treatment, “R1, R3 · Reduce likelihood” */
  return g_strdup_printf (C_("plan measure", "%s · %s"), risks, treatment);
}

static void
update_cell (GtkListItem *item)
{
  IapMitigationPage *self = g_object_get_data (G_OBJECT (item), "iap-page");
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *detail_label = gtk_widget_get_last_child (box);
  IapMitigation *m = gtk_list_item_get_item (item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "iap-column"));
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;

  if (m == NULL || self->workshop == NULL)
    return;

  text = dup_cell_text (self->workshop, m, column);
  gtk_label_set_text (GTK_LABEL (label), text);
  detail = dup_cell_detail (self->workshop, m, column);
  gtk_label_set_text (GTK_LABEL (detail_label), detail != NULL ? detail : "");
  gtk_widget_set_visible (detail_label, detail != NULL && detail[0] != '\0');
  /* The whole row is styled; the status says "Overdue" in words, and
   * only it and the date are coloured, so a selected row stays legible. */
  if (is_overdue (m))
    gtk_widget_add_css_class (label, "overdue");
  else
    gtk_widget_remove_css_class (label, "overdue");
  if (is_overdue (m) && (column == COLUMN_DUE || column == COLUMN_STATUS))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static GtkWidget *
new_cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Every word in full: a long action takes two lines or more. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);

  return label;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            IapMitigationPage        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *detail = new_cell_label ();

  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), new_cell_label ());
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), detail);
  g_object_set_data (G_OBJECT (item), "iap-page", self);
  g_object_set_data (G_OBJECT (item), "iap-column", g_object_get_data (G_OBJECT (factory), "iap-column"));
  gtk_list_item_set_child (item, box);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  IapMitigation *m = gtk_list_item_get_item (item);

  /* Follow edits made in the dialog, by undo or in another view. */
  g_signal_connect_object (m, "notify", G_CALLBACK (update_cell), item, G_CONNECT_SWAPPED);
  update_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  IapMitigation *m = gtk_list_item_get_item (item);

  if (m != NULL)
    g_signal_handlers_disconnect_by_func (m, update_cell, item);
}

/* Statuses in the order of work: what is to do first. */
static int
status_rank (const char *status)
{
  static const char * const order[] = { "planned", "in-progress", "done", "dropped" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (status, order[i]) == 0)
      return i;
  return G_N_ELEMENTS (order);
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  return status_rank (iap_mitigation_get_status ((IapMitigation *)a)) -
         status_rank (iap_mitigation_get_status ((IapMitigation *)b));
}

static GtkSorter *
new_sorter (Column column)
{
  const char *property = column == COLUMN_OWNER ? "owner" : "due";

  if (column == COLUMN_STATUS)
    return GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL));

  /* Due dates are YYYY-MM-DD, so text order is date order. */
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (IAP_TYPE_MITIGATION, NULL, property)));
}

/* The measure takes the room the others leave; their texts wrap. */
static void
add_column (IapMitigationPage *self,
            Column             column,
            const char        *title,
            gboolean           sortable)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "iap-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_MEASURE);
  if (sortable)
    {
      g_autoptr(GtkSorter) sorter = new_sorter (column);

      gtk_column_view_column_set_sorter (view_column, sorter);
    }
  gtk_column_view_append_column (self->plan_view, view_column);
  g_object_unref (view_column);
}

static void
setup_plan_view (IapMitigationPage *self)
{
  add_column (self, COLUMN_MEASURE, _("Measure"), FALSE);
  add_column (self, COLUMN_OWNER, _("Owner"), TRUE);
  add_column (self, COLUMN_DUE, _("Due"), TRUE);
  add_column (self, COLUMN_STATUS, _("Status"), TRUE);
}

/* Sign-off, appetite and review date ------------------------------------- */

static void
append_numbers (GString     *text,
                IapWorkshop *workshop,
                char       **ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      IapRisk *risk = iap_workshop_find_risk (workshop, ids[i]);
      guint position;

      if (risk == NULL || !g_list_store_find (G_LIST_STORE (iap_workshop_get_risks (workshop)), risk, &position))
        continue;
      g_string_append_printf (text, i == 0 ? " " : ", ");
      g_string_append_printf (text, C_("risk number", "R%u"), position + 1);
    }
}

static void
update_signoff (IapMitigationPage *self)
{
  g_auto(GStrv) unaccepted = iap_workshop_dup_unaccepted (self->workshop);
  g_auto(GStrv) unassessed = iap_workshop_dup_unassessed (self->workshop);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_unaccepted = g_strv_length (unaccepted);
  guint n_unassessed = g_strv_length (unassessed);

  if (n_unaccepted == 0)
    g_string_append (text, _("Nothing above the risk appetite is left unaccepted."));
  else
    {
      g_string_append_printf (text, g_dngettext (NULL, "%u risk above the appetite needs an acceptance:",
                                                 "%u risks above the appetite need an acceptance:",
                                                 n_unaccepted), n_unaccepted);
      append_numbers (text, self->workshop, unaccepted);
      g_string_append (text, ".");
    }
  if (n_unassessed > 0)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (NULL, "%u risk has no residual rating yet:",
                                                 "%u risks have no residual rating yet:",
                                                 n_unassessed), n_unassessed);
      append_numbers (text, self->workshop, unassessed);
      g_string_append (text, ".");
    }
  gtk_label_set_text (self->signoff_label, text->str);
}

static void
update_header (IapMitigationPage *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  const char *review = iap_workshop_get_review_date (self->workshop);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->appetite_dropdown, iap_scales_get_appetite (scales));
  if (iap_date_parse (gtk_editable_get_text (self->review_entry), NULL) || review[0] != '\0')
    if (g_strcmp0 (gtk_editable_get_text (self->review_entry), review) != 0)
      gtk_editable_set_text (self->review_entry, review);
  self->updating = FALSE;

  update_signoff (self);
}

static void
on_appetite_selected (IapMitigationPage *self)
{
  guint band = gtk_drop_down_get_selected (self->appetite_dropdown);
  IapScales *scales;

  if (self->updating || self->workshop == NULL || band >= IAP_N_BANDS)
    return;

  scales = iap_workshop_get_scales (self->workshop);
  if (band != iap_scales_get_appetite (scales))
    iap_workshop_set (self->workshop, scales, "appetite", band, NULL);
}

static void
on_review_changed (IapMitigationPage *self)
{
  const char *text = gtk_editable_get_text (self->review_entry);
  gboolean valid = text[0] == '\0' || iap_date_parse (text, NULL);

  gtk_label_set_text (self->review_hint, valid ? _("When the workshop reviews the plan and its acceptances.")
                                               : _("Write the date as YYYY-MM-DD, such as 2026-09-30."));
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->review_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->review_entry), "error");

  /* The file holds only real dates: a half-typed one waits. */
  if (!self->updating && valid && self->workshop != NULL)
    iap_workshop_set_text (self->workshop, self->workshop, "review-date", text);
}

static void
setup_appetite (IapMitigationPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  for (guint band = 0; band < IAP_N_BANDS; band++)
    gtk_string_list_append (strings, iap_band_get_label (band));
  gtk_drop_down_set_model (self->appetite_dropdown, G_LIST_MODEL (strings));
  g_signal_connect_swapped (self->appetite_dropdown, "notify::selected",
                            G_CALLBACK (on_appetite_selected), self);
  g_signal_connect_swapped (self->review_entry, "changed", G_CALLBACK (on_review_changed), self);
}

/* Residual rows ---------------------------------------------------------- */

static GtkWidget *
create_residual_row (gpointer item,
                     gpointer data)
{
  IapMitigationPage *self = data;
  guint position = 0;

  g_list_store_find (G_LIST_STORE (iap_workshop_get_risks (self->workshop)), item, &position);

  return iap_mitigation_residual_row_new (self->workshop, item, position + 1);
}

/* Residual rows are built RESIDUAL_BATCH at a time */
#define RESIDUAL_BATCH 25

static void
update_residual_count (IapMitigationPage *self)
{
  guint n = self->workshop != NULL ? g_list_model_get_n_items (iap_workshop_get_risks (self->workshop)) : 0;
  guint shown = self->residual_slice != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->residual_slice)) : 0;
  g_autofree char *text = NULL;

  if (shown < n)
    text = g_strdup_printf (g_dngettext (NULL, "The first %u of %u risk.", "The first %u of %u risks.", n),
                            shown, n);
  gtk_label_set_text (self->residual_count_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->residual_count_label), text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->residual_more_button), shown < n);
}

/* Rows show register numbers: any change to the register renumbers all. */
static void
rebind_residual_rows (IapMitigationPage *self)
{
  guint size = self->residual_slice != NULL ? gtk_slice_list_model_get_size (self->residual_slice)
                                            : RESIDUAL_BATCH;

  gtk_list_box_bind_model (self->residual_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->residual_slice);
  if (self->workshop != NULL)
    {
      self->residual_slice = gtk_slice_list_model_new (g_object_ref (iap_workshop_get_risks (self->workshop)),
                                                       0, size);
      gtk_list_box_bind_model (self->residual_list, G_LIST_MODEL (self->residual_slice),
                               create_residual_row, self, NULL);
    }
  update_residual_count (self);
}

static void
on_residual_more_clicked (IapMitigationPage *self)
{
  guint shown;
  GtkListBoxRow *first_new;

  if (self->residual_slice == NULL)
    return;

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->residual_slice));
  gtk_slice_list_model_set_size (self->residual_slice,
                                 gtk_slice_list_model_get_size (self->residual_slice) + RESIDUAL_BATCH);
  /* On to the first new row, before the button may hide with the focus */
  first_new = gtk_list_box_get_row_at_index (self->residual_list, shown);
  if (first_new != NULL)
    gtk_widget_child_focus (GTK_WIDGET (first_new), GTK_DIR_TAB_FORWARD);
  update_residual_count (self);
}

/* Actions ---------------------------------------------------------------- */

static IapMitigation *
get_selected (IapMitigationPage *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (IapMitigationPage *self)
{
  gboolean selected = get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mitigation.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mitigation.delete", selected);
}

static void
open_editor (IapMitigationPage *self,
             IapMitigation     *mitigation)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  IapMitigationEditor *editor;

  if (self->workshop == NULL)
    return;

  editor = iap_mitigation_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->workshop, mitigation);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  open_editor (IAP_MITIGATION_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  IapMitigationPage *self = IAP_MITIGATION_PAGE (widget);
  IapMitigation *mitigation = get_selected (self);

  if (mitigation != NULL)
    open_editor (self, mitigation);
}

static void
on_activate (IapMitigationPage *self,
             guint              position)
{
  g_autoptr(IapMitigation) mitigation = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (mitigation != NULL)
    open_editor (self, mitigation);
}

static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  IapMitigationPage *self = IAP_MITIGATION_PAGE (widget);
  IapMitigation *mitigation = get_selected (self);
  g_autofree char *text = NULL;

  if (mitigation == NULL)
    return;

  /* Translators: shown with an Undo button after deleting a measure */
  text = g_strdup_printf (_("“%s” deleted"), measure_text (self->workshop, mitigation));
  self->deleting = TRUE;
  iap_workshop_remove_mitigation (self->workshop, mitigation);
  self->deleting = FALSE;
  g_set_weak_pointer (&self->undo_toast, iap_window_add_undo_toast (GTK_WIDGET (self), text));
}

/* Workshop --------------------------------------------------------------- */

/* An empty plan says what it is for instead of showing empty columns. */
static void
update_plan_page (IapMitigationPage *self)
{
  gboolean empty = self->workshop == NULL ||
                   g_list_model_get_n_items (iap_workshop_get_mitigations (self->workshop)) == 0;

  gtk_widget_set_visible (self->plan_empty, empty);
  gtk_widget_set_visible (self->plan_scroller, !empty);
}

static void
on_history_changed (IapMitigationPage *self)
{
  /* "Undo" undoes the last step: once it is not the deletion, it goes. */
  if (!self->deleting && self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  update_header (self);
  update_actions (self);
  update_plan_page (self);
}

/**
 * iap_mitigation_page_set_workshop:
 *
 * Shows @workshop's plan, residual ratings and acceptances.
 */
void
iap_mitigation_page_set_workshop (IapMitigationPage *self,
                                  IapWorkshop       *workshop)
{
  GtkSortListModel *sorted;

  g_return_if_fail (IAP_IS_MITIGATION_PAGE (self));
  g_return_if_fail (IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->history_signals, iap_workshop_get_history (workshop));
  g_signal_group_set_target (self->risks_signals, iap_workshop_get_risks (workshop));
  sorted = gtk_sort_list_model_new (g_object_ref (iap_workshop_get_mitigations (workshop)),
                                    g_object_ref (gtk_column_view_get_sorter (self->plan_view)));
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_actions), self);
  gtk_column_view_set_model (self->plan_view, GTK_SELECTION_MODEL (self->selection));
  iap_heat_map_view_set_workshop (self->inherent_map, workshop);
  iap_heat_map_view_set_workshop (self->residual_map, workshop);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_object (&self->residual_slice);
  rebind_residual_rows (self);
  on_history_changed (self);
}

static void
iap_mitigation_page_dispose (GObject *object)
{
  IapMitigationPage *self = IAP_MITIGATION_PAGE (object);
  GtkWidget *child;

  if (self->plan_view != NULL)
    gtk_column_view_set_model (self->plan_view, NULL);
  if (self->residual_list != NULL)
    gtk_list_box_bind_model (self->residual_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_MITIGATION_PAGE);

  /* Template children that are not bound to fields stay parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->selection);
  g_clear_object (&self->residual_slice);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->risks_signals);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_mitigation_page_parent_class)->dispose (object);
}

static void
iap_mitigation_page_class_init (IapMitigationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_mitigation_page_dispose;

  g_type_ensure (IAP_TYPE_HEAT_MAP_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-mitigation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, appetite_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, review_entry);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, review_hint);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, signoff_label);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, plan_view);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, plan_scroller);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, plan_empty);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, inherent_map);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, residual_map);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, residual_list);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, residual_more_button);
  gtk_widget_class_bind_template_child (widget_class, IapMitigationPage, residual_count_label);
  gtk_widget_class_install_action (widget_class, "mitigation.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "mitigation.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "mitigation.delete", NULL, delete_action);
}

static void
iap_mitigation_page_init (IapMitigationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  self->risks_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->risks_signals, "items-changed",
                                 G_CALLBACK (rebind_residual_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->residual_more_button, "clicked",
                            G_CALLBACK (on_residual_more_clicked), self);
  setup_plan_view (self);
  setup_appetite (self);
  iap_heat_map_view_set_mode (self->inherent_map, IAP_HEAT_MAP_INHERENT);
  iap_heat_map_view_set_mode (self->residual_map, IAP_HEAT_MAP_RESIDUAL);
  g_signal_connect_swapped (self->plan_view, "activate", G_CALLBACK (on_activate), self);
  update_actions (self);
}

/**
 * iap_mitigation_page_get_plan_view:
 *
 * Returns: (transfer none): the mitigation plan, whose model's selection
 *   is the measure the facilitator chose
 */
GtkColumnView *
iap_mitigation_page_get_plan_view (IapMitigationPage *self)
{
  g_return_val_if_fail (IAP_IS_MITIGATION_PAGE (self), NULL);

  return self->plan_view;
}
