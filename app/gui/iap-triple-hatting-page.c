/* iap-triple-hatting-page.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Step 4: the benefits and risks of structural integration, weighed for
 * each structural option under consideration. A grid of drop-downs holds
 * the weight of each factor and its score for each option; "—" is the
 * explicit "not scored" state, so nothing is ever guessed. Below it, the
 * same chart that printing draws, and the group's recommendation.
 *
 * Every change goes through the workshop's edits; the page follows the
 * history's "changed" signal, so undo, redo and other pages show here.
 */

#define G_LOG_DOMAIN "iap-triple-hatting-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iap-balance-chart.h"
#include "iap-integration-map.h"
#include "iap-option-maps.h"
#include "iap-options-analysis.h"
#include "iap-triple-hatting-page.h"

struct _IapTripleHattingPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *scroller;
  GtkWidget *policy_frame;
  GtkLabel *policy_label;
  GtkLabel *measures_label;
  GtkWidget *no_options_label;
  GtkGrid *factor_grid;
  GtkDrawingArea *chart;
  GtkDrawingArea *option_maps;
  GtkListBox *arrangements_list;
  GtkDropDown *recommendation_dropdown;
  GtkTextView *rationale_view;
  GtkTextView *conditions_view;
  GtkWidget *suggestion_box;
  GtkLabel *suggestion_label;

  /* Owned */
  IapWorkshop *workshop;
  GSignalGroup *history_signals;
  GPtrArray *cells;           /* GtkDropDown of the grid, with "factor" and "option" data */
  char *layout_key;           /* the factors and options the grid was built for */
  char **option_ids;          /* of the recommendation drop-down, "" first */
  char **suggested;           /* measure ids the scored risks call for */
  GPtrArray *arrangement_checks; /* GtkCheckButton with "option" and "arrangement" data */
  GPtrArray *option_rows;     /* AdwExpanderRow with "option" data */
  char *arrangements_key;     /* the options and arrangements the list was built for */

  /* Set while widgets are changed to follow the model */
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (IapTripleHattingPage, iap_triple_hatting_page, GTK_TYPE_WIDGET)

/* Grid ------------------------------------------------------------------- */

static const char *
option_label (IapTripleHattingPage *self,
              const char           *id)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (self->workshop),
                                               IAP_CATALOG_OPTION, id);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : id;
}

/* What the grid and the recommendation drop-down depend on; they are
 * rebuilt only when it changes, so scoring never loses the focus. */
static char *
dup_layout_key (IapTripleHattingPage *self)
{
  IapCatalog *catalog = iap_workshop_get_catalog (self->workshop);
  const char *kinds[] = { IAP_CATALOG_FACTOR, IAP_CATALOG_OPTION };
  g_autofree char *options = g_strjoinv (",", (char **)iap_workshop_get_options (self->workshop));
  GString *key = g_string_new (options);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *entries = iap_catalog_get_entries (catalog, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);

          g_string_append_printf (key, "|%s:%s:%s", iap_catalog_entry_get_id (entry),
                                  iap_catalog_entry_get_polarity (entry),
                                  iap_catalog_entry_get_label (entry));
        }
    }

  return g_string_free (key, FALSE);
}

static GtkWidget *
header_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

static void on_cell_selected (IapTripleHattingPage *self,
                              GParamSpec           *pspec,
                              GtkDropDown          *dropdown);

static GtkWidget *
cell_new (IapTripleHattingPage *self,
          IapCatalogEntry      *factor,
          const char           *option)
{
  const char *weights[] = { "—", "1", "2", "3", "4", "5", NULL };
  const char *scores[] = {
    "—",
    C_("factor score", "0 Not at all"),
    C_("factor score", "1 Slightly"),
    C_("factor score", "2 Partly"),
    C_("factor score", "3 Largely"),
    C_("factor score", "4 Fully"),
    NULL
  };
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (option == NULL ? weights : scores);
  g_autofree char *name = NULL;

  if (option == NULL)
    /* Translators: accessible name of a drop-down; %s is a factor */
    name = g_strdup_printf (_("%s: weight"), iap_catalog_entry_get_label (factor));
  else
    /* Translators: accessible name of a drop-down; a factor, then a structural option */
    name = g_strdup_printf (_("%s: %s score"), iap_catalog_entry_get_label (factor),
                            option_label (self, option));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_tooltip_text (dropdown, name);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (dropdown), "factor",
                          g_strdup (iap_catalog_entry_get_id (factor)), g_free);
  g_object_set_data_full (G_OBJECT (dropdown), "option", g_strdup (option), g_free);
  g_signal_connect_object (dropdown, "notify::selected",
                           G_CALLBACK (on_cell_selected), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->cells, dropdown);

  return dropdown;
}

static GtkWidget *
factor_label_new (IapCatalogEntry *factor)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (iap_catalog_entry_get_label (factor));
  const char *description = iap_catalog_entry_get_description (factor);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  if (description[0] != '\0')
    {
      GtkWidget *subtitle = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 44);
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_box_append (GTK_BOX (box), subtitle);
    }
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  return box;
}

static int
add_group (IapTripleHattingPage *self,
           const char           *polarity,
           const char           *heading,
           int                   row)
{
  const char * const *options = iap_workshop_get_options (self->workshop);
  GListModel *factors = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop),
                                                 IAP_CATALOG_FACTOR);
  GtkWidget *label = gtk_label_new (heading);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_grid_attach (self->factor_grid, label, 0, row++, 2, 1);

  for (guint i = 0; i < g_list_model_get_n_items (factors); i++)
    {
      g_autoptr(IapCatalogEntry) factor = g_list_model_get_item (factors, i);

      if (!g_str_equal (iap_catalog_entry_get_polarity (factor), polarity))
        continue;

      gtk_grid_attach (self->factor_grid, factor_label_new (factor), 0, row, 1, 1);
      gtk_grid_attach (self->factor_grid, cell_new (self, factor, NULL), 1, row, 1, 1);
      for (guint o = 0; options[o] != NULL; o++)
        gtk_grid_attach (self->factor_grid, cell_new (self, factor, options[o]), 2 + o, row, 1, 1);
      row++;
    }

  return row;
}

static void
build_grid (IapTripleHattingPage *self)
{
  const char * const *options = iap_workshop_get_options (self->workshop);
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->factor_grid))) != NULL)
    gtk_grid_remove (self->factor_grid, child);
  g_ptr_array_set_size (self->cells, 0);

  gtk_widget_set_visible (self->no_options_label, options[0] == NULL);
  gtk_grid_attach (self->factor_grid, header_label (_("Factor"), "caption-heading"), 0, 0, 1, 1);
  gtk_widget_set_halign (gtk_grid_get_child_at (self->factor_grid, 0, 0), GTK_ALIGN_START);
  gtk_grid_attach (self->factor_grid, header_label (_("Weight"), "caption-heading"), 1, 0, 1, 1);
  for (guint o = 0; options[o] != NULL; o++)
    gtk_grid_attach (self->factor_grid, header_label (option_label (self, options[o]), "caption-heading"),
                     2 + o, 0, 1, 1);

  row = add_group (self, "benefit", _("Benefits"), row);
  add_group (self, "risk", _("Risks"), row);
}

static void
build_recommendation_choices (IapTripleHattingPage *self)
{
  GListModel *options = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop),
                                                 IAP_CATALOG_OPTION);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  /* Translators: the recommended option when the group has not chosen one */
  gtk_string_list_append (labels, C_("recommendation", "None yet"));
  g_strv_builder_add (ids, "");
  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (options, i);

      gtk_string_list_append (labels, iap_catalog_entry_get_label (entry));
      g_strv_builder_add (ids, iap_catalog_entry_get_id (entry));
    }

  g_strfreev (self->option_ids);
  self->option_ids = g_strv_builder_end (ids);
  gtk_drop_down_set_model (self->recommendation_dropdown, G_LIST_MODEL (labels));
}

/* Following the model ---------------------------------------------------- */

static guint
cell_position (IapTripleHattingPage *self,
               GtkDropDown          *dropdown)
{
  const char *factor = g_object_get_data (G_OBJECT (dropdown), "factor");
  const char *option = g_object_get_data (G_OBJECT (dropdown), "option");
  IapFactorScore *score = iap_workshop_find_factor_score (self->workshop, factor);
  guint value;

  if (score == NULL)
    return 0;
  if (option == NULL)
    return iap_factor_score_get_weight (score);

  return iap_factor_score_lookup (score, option, &value) ? MIN (value, 4) + 1 : 0;
}

static void
sync_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (buffer, text, -1);
}

static void
sync_widgets (IapTripleHattingPage *self)
{
  const char *recommendation = iap_workshop_get_recommendation (self->workshop);
  guint position = 0;

  self->syncing = TRUE;
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (self->cells, i);
      guint wanted = cell_position (self, dropdown);

      if (gtk_drop_down_get_selected (dropdown) != wanted)
        gtk_drop_down_set_selected (dropdown, wanted);
    }

  for (guint i = 0; self->option_ids[i] != NULL; i++)
    if (g_str_equal (self->option_ids[i], recommendation))
      position = i;
  if (gtk_drop_down_get_selected (self->recommendation_dropdown) != position)
    gtk_drop_down_set_selected (self->recommendation_dropdown, position);

  sync_text (self->rationale_view, iap_workshop_get_rationale (self->workshop));
  sync_text (self->conditions_view, iap_workshop_get_conditions (self->workshop));
  self->syncing = FALSE;
}

static gboolean
conditions_mention (IapTripleHattingPage *self,
                    IapCatalogEntry      *measure)
{
  return strstr (iap_workshop_get_conditions (self->workshop),
                 iap_catalog_entry_get_label (measure)) != NULL;
}

/* The measures of the recommended option's scored risks when the group
 * has recommended one under consideration, else of every option's. */
static void
update_measures (IapTripleHattingPage *self,
                 IapOptionsAnalysis   *analysis)
{
  IapCatalog *catalog = iap_workshop_get_catalog (self->workshop);
  const char *recommendation = iap_workshop_get_recommendation (self->workshop);
  gboolean for_option = iap_options_analysis_lookup (analysis, recommendation) != NULL;
  g_autofree char *labels = NULL;
  g_autofree char *text = NULL;
  gboolean missing = FALSE;

  g_strfreev (self->suggested);
  self->suggested = iap_options_analysis_dup_measures (analysis, catalog, for_option ? recommendation : NULL);
  labels = iap_options_dup_labels ((const char * const *)self->suggested, catalog, IAP_CATALOG_MEASURE);
  if (for_option)
    /* Translators: %s is a structural option, then a list of measures */
    text = g_strdup_printf (_("The risks scored for %s call for these measures: %s."),
                            option_label (self, recommendation), labels);
  else
    /* Translators: %s is a list of mitigation measures */
    text = g_strdup_printf (_("The risks scored call for these measures: %s."), labels);

  gtk_label_set_label (self->measures_label, text);
  gtk_label_set_label (self->suggestion_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->measures_label), self->suggested[0] != NULL);
  gtk_widget_set_visible (self->suggestion_box, self->suggested[0] != NULL);

  for (guint i = 0; self->suggested[i] != NULL; i++)
    missing |= !conditions_mention (self, iap_catalog_lookup (catalog, IAP_CATALOG_MEASURE,
                                                              self->suggested[i]));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "triple-hatting.add-measures", missing);
}

static void
update_chart (IapTripleHattingPage *self)
{
  g_autofree char *description = iap_balance_chart_dup_description (self->workshop);
  int width = gtk_widget_get_width (GTK_WIDGET (self->chart));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  if (width > 0)
    gtk_drawing_area_set_content_height (self->chart,
                                         (int)iap_balance_chart_get_screen_height (self->workshop, width));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));

  /* The small multiples: the risks of the arrangements each option brings */
  g_clear_pointer (&description, g_free);
  description = iap_option_maps_dup_description (self->workshop);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->option_maps),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  width = gtk_widget_get_width (GTK_WIDGET (self->option_maps));
  if (width > 0)
    gtk_drawing_area_set_content_height (self->option_maps,
                                         (int)iap_option_maps_get_height (self->workshop, width));
  gtk_widget_queue_draw (GTK_WIDGET (self->option_maps));
}

static char *dup_arrangements_key (IapTripleHattingPage *self);
static void  build_arrangements   (IapTripleHattingPage *self);
static void  sync_arrangements    (IapTripleHattingPage *self);

static void
refresh (IapTripleHattingPage *self)
{
  g_autoptr(IapOptionsAnalysis) analysis = NULL;
  g_autofree char *key = NULL;
  const char *note;

  if (self->workshop == NULL)
    return;

  key = dup_layout_key (self);
  if (g_strcmp0 (key, self->layout_key) != 0)
    {
      g_free (self->layout_key);
      self->layout_key = g_steal_pointer (&key);
      self->syncing = TRUE;
      build_grid (self);
      build_recommendation_choices (self);
      self->syncing = FALSE;
    }
  key = dup_arrangements_key (self);
  if (g_strcmp0 (key, self->arrangements_key) != 0)
    {
      g_free (self->arrangements_key);
      self->arrangements_key = g_steal_pointer (&key);
      self->syncing = TRUE;
      build_arrangements (self);
      self->syncing = FALSE;
    }
  sync_widgets (self);
  self->syncing = TRUE;
  sync_arrangements (self);
  self->syncing = FALSE;

  analysis = iap_options_analysis_new_for_workshop (self->workshop);
  note = iap_options_get_policy_note (iap_workshop_get_environment (self->workshop));
  gtk_widget_set_visible (self->policy_frame, note != NULL);
  gtk_label_set_label (self->policy_label, note != NULL ? note : "");
  update_measures (self, analysis);
  update_chart (self);
}

/* Arrangements ----------------------------------------------------------- */

/* What each option brings: one expander row per option, one check row
 * per arrangement of the catalog. */

static char *
dup_arrangements_key (IapTripleHattingPage *self)
{
  GListModel *entries = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop),
                                                 IAP_CATALOG_ARRANGEMENT);
  g_autofree char *options = g_strjoinv (",", (char **)iap_workshop_get_options (self->workshop));
  GString *key = g_string_new (options);

  for (guint i = 0; iap_workshop_get_options (self->workshop)[i] != NULL; i++)
    g_string_append_printf (key, "|%s", option_label (self, iap_workshop_get_options (self->workshop)[i]));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);

      g_string_append_printf (key, "|%s:%s", iap_catalog_entry_get_id (entry),
                              iap_catalog_entry_get_label (entry));
    }

  return g_string_free (key, FALSE);
}

static void on_arrangement_toggled (IapTripleHattingPage *self,
                                    GParamSpec           *pspec,
                                    GtkCheckButton       *check);

static void
build_arrangements (IapTripleHattingPage *self)
{
  const char * const *options = iap_workshop_get_options (self->workshop);
  GListModel *entries = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop),
                                                 IAP_CATALOG_ARRANGEMENT);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->arrangements_list))) != NULL)
    gtk_list_box_remove (self->arrangements_list, child);
  g_ptr_array_set_size (self->arrangement_checks, 0);
  g_ptr_array_set_size (self->option_rows, 0);

  for (guint o = 0; options[o] != NULL; o++)
    {
      GtkWidget *row = adw_expander_row_new ();
      const char *label = option_label (self, options[o]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (row), "option", g_strdup (options[o]), g_free);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);
          const char *title = iap_catalog_entry_get_label (entry);
          GtkWidget *check_row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();
          /* Translators: the name of a check box: a structural option,
           * then an arrangement it may bring */
          g_autofree char *name = g_strdup_printf (_("%s: %s"), label, title);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (check_row), title);
          if (iap_catalog_entry_get_description (entry) != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (check_row), iap_catalog_entry_get_description (entry));
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data_full (G_OBJECT (check), "option", g_strdup (options[o]), g_free);
          g_object_set_data_full (G_OBJECT (check), "arrangement",
                                  g_strdup (iap_catalog_entry_get_id (entry)), g_free);
          adw_action_row_add_prefix (ADW_ACTION_ROW (check_row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (check_row), check);
          /* The row labels its activatable widget by its title; the
           * check box's own name says which option too */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          g_signal_connect_object (check, "notify::active",
                                   G_CALLBACK (on_arrangement_toggled), self, G_CONNECT_SWAPPED);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), check_row);
          g_ptr_array_add (self->arrangement_checks, check);
        }

      gtk_list_box_append (self->arrangements_list, row);
      g_ptr_array_add (self->option_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->arrangements_list), options[0] != NULL);
}

static void
sync_arrangements (IapTripleHattingPage *self)
{
  IapCatalog *catalog = iap_workshop_get_catalog (self->workshop);

  for (guint i = 0; i < self->arrangement_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->arrangement_checks, i);
      g_auto(GStrv) brought = iap_workshop_dup_option_arrangements (self->workshop,
                                                                    g_object_get_data (G_OBJECT (check), "option"));
      gboolean wanted = g_strv_contains ((const char * const *)brought,
                                         g_object_get_data (G_OBJECT (check), "arrangement"));

      if (gtk_check_button_get_active (check) != wanted)
        gtk_check_button_set_active (check, wanted);
    }

  for (guint i = 0; i < self->option_rows->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->option_rows, i);
      g_auto(GStrv) brought = iap_workshop_dup_option_arrangements (self->workshop,
                                                                    g_object_get_data (G_OBJECT (row), "option"));
      g_autoptr(GString) subtitle = g_string_new (NULL);

      for (guint a = 0; brought[a] != NULL; a++)
        {
          IapCatalogEntry *entry = iap_catalog_lookup (catalog, IAP_CATALOG_ARRANGEMENT, brought[a]);

          if (subtitle->len > 0)
            g_string_append (subtitle, ", ");
          g_string_append (subtitle, entry != NULL ? iap_catalog_entry_get_label (entry) : brought[a]);
        }
      adw_expander_row_set_subtitle (row, subtitle->len > 0 ? subtitle->str
                                                            : _("Brings no integration arrangement"));
    }
}

static void
on_arrangement_toggled (IapTripleHattingPage *self,
                        GParamSpec           *pspec,
                        GtkCheckButton       *check)
{
  const char *option = g_object_get_data (G_OBJECT (check), "option");
  const char *arrangement = g_object_get_data (G_OBJECT (check), "arrangement");
  gboolean active = gtk_check_button_get_active (check);
  GListModel *entries;
  g_auto(GStrv) brought = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) wanted = NULL;

  if (self->syncing || self->workshop == NULL)
    return;

  brought = iap_workshop_dup_option_arrangements (self->workshop, option);
  if (g_strv_contains ((const char * const *)brought, arrangement) == active)
    return;

  /* Catalog order, then whatever the catalog does not know, kept */
  builder = g_strv_builder_new ();
  entries = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop), IAP_CATALOG_ARRANGEMENT);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);
      const char *id = iap_catalog_entry_get_id (entry);

      if (g_str_equal (id, arrangement) ? active : g_strv_contains ((const char * const *)brought, id))
        g_strv_builder_add (builder, id);
    }
  for (guint i = 0; brought[i] != NULL; i++)
    if (iap_catalog_lookup (iap_workshop_get_catalog (self->workshop), IAP_CATALOG_ARRANGEMENT, brought[i]) == NULL)
      g_strv_builder_add (builder, brought[i]);
  wanted = g_strv_builder_end (builder);

  iap_workshop_set_option_arrangements (self->workshop, option, (const char * const *)wanted);
}

/* Editing ---------------------------------------------------------------- */

static void
on_cell_selected (IapTripleHattingPage *self,
                  GParamSpec           *pspec,
                  GtkDropDown          *dropdown)
{
  const char *factor = g_object_get_data (G_OBJECT (dropdown), "factor");
  const char *option = g_object_get_data (G_OBJECT (dropdown), "option");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || self->workshop == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == cell_position (self, dropdown))
    return;

  if (option == NULL)
    iap_workshop_set_factor_weight (self->workshop, factor, selected);
  else
    iap_workshop_set_factor_score (self->workshop, factor, option, (int)selected - 1);
}

static void
on_recommendation_selected (IapTripleHattingPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->recommendation_dropdown);

  if (self->syncing || self->workshop == NULL || self->option_ids == NULL ||
      selected >= g_strv_length (self->option_ids))
    return;

  if (!g_str_equal (self->option_ids[selected], iap_workshop_get_recommendation (self->workshop)))
    iap_workshop_set (self->workshop, self->workshop,
                      "recommendation", self->option_ids[selected],
                      NULL);
}

static void
on_text_changed (IapTripleHattingPage *self,
                 GtkTextBuffer        *buffer)
{
  const char *property;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing || self->workshop == NULL)
    return;

  property = buffer == gtk_text_view_get_buffer (self->rationale_view) ? "rationale" : "conditions";
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  iap_workshop_set_text (self->workshop, self->workshop, property, text);
}

static void
add_measures (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IapTripleHattingPage *self = IAP_TRIPLE_HATTING_PAGE (widget);
  IapCatalog *catalog;
  g_autoptr(GString) conditions = NULL;

  if (self->workshop == NULL || self->suggested == NULL)
    return;

  catalog = iap_workshop_get_catalog (self->workshop);
  conditions = g_string_new (iap_workshop_get_conditions (self->workshop));
  for (guint i = 0; self->suggested[i] != NULL; i++)
    {
      IapCatalogEntry *measure = iap_catalog_lookup (catalog, IAP_CATALOG_MEASURE, self->suggested[i]);

      if (measure == NULL || conditions_mention (self, measure))
        continue;
      if (conditions->len > 0)
        g_string_append_c (conditions, '\n');
      /* Translators: a condition added from a measure: its label and description */
      g_string_append_printf (conditions, _("%s: %s"), iap_catalog_entry_get_label (measure),
                              iap_catalog_entry_get_description (measure));
    }

  iap_workshop_set (self->workshop, self->workshop, "conditions", conditions->str, NULL);
}

/* Chart ------------------------------------------------------------------ */

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  IapTripleHattingPage *self = user_data;

  if (self->workshop != NULL && width > 0 && height > 0)
    iap_balance_chart_draw_for_screen (cr, self->workshop, width, height);
}

static void
draw_option_maps (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  IapTripleHattingPage *self = user_data;

  if (self->workshop != NULL && width > 0 && height > 0)
    iap_option_maps_draw (cr, self->workshop, width, height);
}

static void
on_option_maps_resize (IapTripleHattingPage *self,
                       int                   width,
                       int                   height)
{
  int wanted;

  if (self->workshop == NULL || width <= 0)
    return;

  wanted = (int)iap_option_maps_get_height (self->workshop, width);
  if (ABS (wanted - gtk_drawing_area_get_content_height (self->option_maps)) > 1)
    gtk_drawing_area_set_content_height (self->option_maps, wanted);
}

static void
on_chart_resize (IapTripleHattingPage *self,
                 int                   width,
                 int                   height)
{
  int wanted;

  if (self->workshop == NULL || width <= 0)
    return;

  /* The chart's height follows its width: text wraps and rows grow. */
  wanted = (int)iap_balance_chart_get_screen_height (self->workshop, width);
  if (ABS (wanted - gtk_drawing_area_get_content_height (self->chart)) > 1)
    gtk_drawing_area_set_content_height (self->chart, wanted);
}

/* GObject ---------------------------------------------------------------- */

static void
iap_triple_hatting_page_dispose (GObject *object)
{
  IapTripleHattingPage *self = (IapTripleHattingPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_TRIPLE_HATTING_PAGE);

  /* Template children that are not bound to fields stay parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->history_signals);
  g_clear_object (&self->workshop);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->layout_key, g_free);
  g_clear_pointer (&self->arrangements_key, g_free);
  g_clear_pointer (&self->arrangement_checks, g_ptr_array_unref);
  g_clear_pointer (&self->option_rows, g_ptr_array_unref);
  g_clear_pointer (&self->option_ids, g_strfreev);
  g_clear_pointer (&self->suggested, g_strfreev);

  G_OBJECT_CLASS (iap_triple_hatting_page_parent_class)->dispose (object);
}

static void
iap_triple_hatting_page_class_init (IapTripleHattingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_triple_hatting_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-triple-hatting-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, policy_frame);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, policy_label);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, measures_label);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, no_options_label);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, factor_grid);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, chart);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, option_maps);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, arrangements_list);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, recommendation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, rationale_view);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, conditions_view);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, IapTripleHattingPage, suggestion_label);

  gtk_widget_class_install_action (widget_class, "triple-hatting.add-measures", NULL, add_measures);
}

static void
iap_triple_hatting_page_init (IapTripleHattingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_ptr_array_new ();
  self->arrangement_checks = g_ptr_array_new ();
  self->option_rows = g_ptr_array_new ();
  self->option_ids = g_new0 (char *, 1);
  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "changed", G_CALLBACK (refresh), self);

  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  g_signal_connect_object (self->chart, "resize", G_CALLBACK (on_chart_resize), self, G_CONNECT_SWAPPED);
  gtk_drawing_area_set_draw_func (self->option_maps, draw_option_maps, self, NULL);
  g_signal_connect_object (self->option_maps, "resize", G_CALLBACK (on_option_maps_resize), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recommendation_dropdown, "notify::selected",
                           G_CALLBACK (on_recommendation_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->rationale_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->conditions_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "triple-hatting.add-measures", FALSE);
}

/**
 * iap_triple_hatting_page_set_workshop:
 *
 * Shows @workshop, and follows its edits from now on.
 */
void
iap_triple_hatting_page_set_workshop (IapTripleHattingPage *self,
                                      IapWorkshop          *workshop)
{
  g_return_if_fail (IAP_IS_TRIPLE_HATTING_PAGE (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_clear_pointer (&self->layout_key, g_free);
  g_clear_pointer (&self->arrangements_key, g_free);
  g_signal_group_set_target (self->history_signals,
                             workshop != NULL ? iap_workshop_get_history (workshop) : NULL);
  refresh (self);
}
