/* iap-context-page.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Step 2: the mission, the options under consideration and the high-risk
 * indicators, with the environment classification they give at the top.
 * The banner is recomputed on every change of the document (the history's
 * "changed" signal), so it follows edits, undo, redo and loading alike.
 */

#define G_LOG_DOMAIN "iap-context-page"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-choice-row.h"
#include "iap-context-page.h"
#include "iap-entry-row.h"
#include "iap-environment.h"
#include "iap-indicator-row.h"
#include "iap-text-area.h"

struct _IapContextPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *banner;
  GtkLabel *level_label;
  GtkLabel *reasons_label;
  GtkLabel *override_label;
  GtkLabel *open_label;
  GtkLabel *unanswered_label;
  GtkSwitch *override_switch;
  GtkRevealer *override_revealer;
  GtkListBox *override_list;
  IapChoiceRow *override_row;
  GtkLabel *pending_label;
  GtkListBox *mission_list;
  IapTextArea *mandate_area;
  GtkListBox *options_list;
  GtkListBox *core_list;
  GtkListBox *tension_list;

  /* Owned */
  IapWorkshop *workshop;
  GSignalGroup *workshop_signals;
  GSignalGroup *history_signals;
  GSignalGroup *options_signals;

  /* Set while widgets are changed to follow the model */
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (IapContextPage, iap_context_page, GTK_TYPE_WIDGET)

static void
set_level_style (IapContextPage      *self,
                 IapEnvironmentLevel  level)
{
  static const char * const classes[] = { "success", "warning", "error" };

  /* The heading says the level in words; the colour only repeats it. */
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->level_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->level_label), classes[level]);
}

static char *
dup_reasons_text (const IapEnvironment *env,
                  IapCatalog           *catalog)
{
  g_autofree char *reasons = NULL;

  if (env->reasons[0] == NULL)
    /* Translators: then what the classification rests on */
    return g_strdup_printf (_("No indicator is answered Yes. %s"), iap_environment_get_caveat (env));

  reasons = iap_environment_dup_labels ((const char * const *)env->reasons, catalog);
  if (env->lowered)
    /* Translators: %s lists indicators, such as “Combat operations;
     * Neutrality questioned”, then says why the level was lowered */
    return g_strdup_printf (_("Reasons: %s. %s %s"), reasons, iap_environment_get_lowered_note (env),
                            iap_environment_get_caveat (env));

  /* Translators: %s lists indicators, such as “Combat operations;
   * Neutrality questioned”, then what the classification rests on */
  return g_strdup_printf (_("Reasons: %s. %s"), reasons, iap_environment_get_caveat (env));
}

static const char *
potential_text (IapEnvironmentLevel level)
{
  if (level == IAP_ENVIRONMENT_HIGH_RISK)
    return _("Could be high-risk if they are confirmed.");

  return _("Could be elevated if they are confirmed.");
}

static char *
dup_open_text (const IapEnvironment *env,
               IapCatalog           *catalog)
{
  g_autofree char *open = iap_environment_dup_labels ((const char * const *)env->unknown, catalog);

  if (env->potential > env->computed)
    /* Translators: the first %s lists indicators answered Unknown, the
     * second says what they could change */
    return g_strdup_printf (_("Open questions: %s. %s"), open, potential_text (env->potential));

  /* Translators: %s lists indicators answered Unknown */
  return g_strdup_printf (_("Open questions: %s."), open);
}

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  gtk_label_set_label (label, text != NULL ? text : "");
}

static void
update_override_texts (IapContextPage       *self,
                       const IapEnvironment *env)
{
  g_autofree char *override = NULL;
  gboolean pending;

  if (env->overridden)
    /* Translators: the first %s is the computed classification, such as
     * “High-risk”, the second the facilitator's justification */
    override = g_strdup_printf (_("Overridden by the facilitator; computed from the indicators: %s. Justification: %s"),
                                iap_environment_level_to_label (env->computed), env->justification);
  show_label (self->override_label, override);

  pending = gtk_switch_get_active (self->override_switch) && !env->overridden;
  show_label (self->pending_label,
              pending ? _("The override takes effect once it has both a classification and a justification.") : NULL);
}

static void
update_banner (IapContextPage *self)
{
  g_autoptr(IapEnvironment) env = NULL;
  IapCatalog *catalog;
  g_autofree char *reasons = NULL;
  g_autofree char *open = NULL;
  g_autofree char *unanswered = NULL;
  guint n_unanswered;

  if (self->workshop == NULL)
    return;

  catalog = iap_workshop_get_catalog (self->workshop);
  env = iap_environment_new_for_workshop (self->workshop);
  gtk_label_set_label (self->level_label, iap_environment_level_to_heading (env->classification));
  set_level_style (self, env->classification);

  reasons = dup_reasons_text (env, catalog);
  gtk_label_set_label (self->reasons_label, reasons);
  update_override_texts (self, env);

  if (env->unknown[0] != NULL)
    open = dup_open_text (env, catalog);
  show_label (self->open_label, open);

  n_unanswered = g_strv_length (env->unanswered);
  if (n_unanswered > 0)
    unanswered = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u indicator is not answered yet.",
                                               "%u indicators are not answered yet.",
                                               n_unanswered),
                                  n_unanswered);
  show_label (self->unanswered_label, unanswered);
}

static void
sync_override_switch (IapContextPage *self)
{
  gboolean has_override = self->workshop != NULL &&
    (iap_workshop_get_environment_override (self->workshop)[0] != '\0' ||
     iap_workshop_get_override_justification (self->workshop)[0] != '\0');

  /* An open switch with nothing in it yet stays open while editing. */
  if (!has_override && self->workshop != NULL)
    return;

  self->syncing = TRUE;
  gtk_switch_set_active (self->override_switch, has_override);
  gtk_revealer_set_reveal_child (self->override_revealer, has_override);
  self->syncing = FALSE;
}

static void
on_override_switch_active (IapContextPage *self)
{
  gboolean active = gtk_switch_get_active (self->override_switch);

  gtk_revealer_set_reveal_child (self->override_revealer, active);
  if (self->syncing || self->workshop == NULL)
    return;

  if (!active)
    {
      iap_workshop_begin_edit (self->workshop, _("Remove Override"));
      iap_workshop_set (self->workshop, self->workshop,
                        "environment-override", "",
                        "override-justification", "",
                        NULL);
      iap_workshop_end_edit (self->workshop);
    }
  update_banner (self);
}

static void
sync_options (IapContextPage *self)
{
  const char * const *options = self->workshop != NULL ? iap_workshop_get_options (self->workshop) : NULL;

  self->syncing = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->options_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      const char *id = g_object_get_data (G_OBJECT (check), "option-id");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   options != NULL && g_strv_contains (options, id));
    }
  self->syncing = FALSE;
}

static void
on_option_toggled (IapContextPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) options = NULL;

  if (self->syncing || self->workshop == NULL)
    return;

  /* Catalog order, whatever order they were ticked in. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->options_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "option-id"));
    }
  options = g_strv_builder_end (builder);

  if (!g_strv_equal ((const char * const *)options, iap_workshop_get_options (self->workshop)))
    iap_workshop_set (self->workshop, self->workshop, "options", options, NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_option_row (IapContextPage  *self,
                IapCatalogEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *check = gtk_check_button_new_with_label (iap_catalog_entry_get_label (entry));

  g_object_set_data_full (G_OBJECT (check), "option-id",
                          g_strdup (iap_catalog_entry_get_id (entry)), g_free);
  gtk_widget_set_margin_top (check, 6);
  gtk_widget_set_margin_bottom (check, 6);
  gtk_widget_set_margin_start (check, 12);
  gtk_widget_set_margin_end (check, 12);
  if (iap_catalog_entry_get_description (entry) != NULL)
    {
      gtk_widget_set_tooltip_text (check, iap_catalog_entry_get_description (entry));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      iap_catalog_entry_get_description (entry),
                                      -1);
    }
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_option_toggled), self, G_CONNECT_SWAPPED);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  return row;
}

static void
rebuild_options (IapContextPage *self)
{
  GListModel *entries;

  clear_list (self->options_list);
  if (self->workshop == NULL)
    return;

  entries = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop), IAP_CATALOG_OPTION);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);

      gtk_list_box_append (self->options_list, new_option_row (self, entry));
    }
  sync_options (self);
}

static void
rebuild_indicators (IapContextPage *self)
{
  GListModel *entries;

  clear_list (self->core_list);
  clear_list (self->tension_list);
  if (self->workshop == NULL)
    return;

  entries = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop), IAP_CATALOG_INDICATOR);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);
      GtkWidget *row = iap_indicator_row_new (entry);
      gboolean core = g_strcmp0 (iap_catalog_entry_get_group (entry), "core") == 0;

      gtk_list_box_append (core ? self->core_list : self->tension_list, row);
      iap_indicator_row_set_workshop (IAP_INDICATOR_ROW (row), self->workshop);
    }
}

static void
on_workshop_notify (IapContextPage *self,
                    GParamSpec     *pspec)
{
  if (g_str_equal (pspec->name, "options"))
    sync_options (self);
  else if (g_str_equal (pspec->name, "environment-override") ||
           g_str_equal (pspec->name, "override-justification"))
    sync_override_switch (self);
}

static void
set_rows_workshop (GtkListBox  *list,
                   IapWorkshop *workshop)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (IAP_IS_ENTRY_ROW (row))
        iap_entry_row_set_workshop (IAP_ENTRY_ROW (row), workshop);
      else if (IAP_IS_CHOICE_ROW (row))
        iap_choice_row_set_workshop (IAP_CHOICE_ROW (row), workshop);
    }
}

static void
set_override_choices (IapContextPage *self)
{
  static const char * const ids[] = { "", "permissive", "elevated", "high-risk", NULL };
  const char *labels[] = {
    C_("environment", "Not chosen"),
    iap_environment_level_to_label (IAP_ENVIRONMENT_PERMISSIVE),
    iap_environment_level_to_label (IAP_ENVIRONMENT_ELEVATED),
    iap_environment_level_to_label (IAP_ENVIRONMENT_HIGH_RISK),
    NULL
  };

  iap_choice_row_set_choices (self->override_row, ids, labels);
}

static void
iap_context_page_dispose (GObject *object)
{
  IapContextPage *self = IAP_CONTEXT_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_CONTEXT_PAGE);
  /* Only bound children are cleared by the template: the scrolled
   * window around the page is not. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workshop_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->options_signals);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_context_page_parent_class)->dispose (object);
}

static void
iap_context_page_class_init (IapContextPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_context_page_dispose;

  g_type_ensure (IAP_TYPE_CHOICE_ROW);
  g_type_ensure (IAP_TYPE_ENTRY_ROW);
  g_type_ensure (IAP_TYPE_TEXT_AREA);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-context-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, banner);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, level_label);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, reasons_label);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, override_label);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, open_label);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, unanswered_label);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, override_switch);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, override_revealer);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, override_list);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, override_row);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, pending_label);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, mission_list);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, mandate_area);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, options_list);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, core_list);
  gtk_widget_class_bind_template_child (widget_class, IapContextPage, tension_list);
}

static void
iap_context_page_init (IapContextPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_override_choices (self);
  self->workshop_signals = g_signal_group_new (IAP_TYPE_WORKSHOP);
  g_signal_group_connect_swapped (self->workshop_signals, "notify",
                                  G_CALLBACK (on_workshop_notify), self);
  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "changed",
                                  G_CALLBACK (update_banner), self);
  /* The workshop's own options (custom entries) come and go. */
  self->options_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->options_signals, "items-changed",
                                  G_CALLBACK (rebuild_options), self);
  g_signal_connect_object (self->override_switch, "notify::active",
                           G_CALLBACK (on_override_switch_active), self, G_CONNECT_SWAPPED);
}

void
iap_context_page_set_workshop (IapContextPage *self,
                               IapWorkshop    *workshop)
{
  g_return_if_fail (IAP_IS_CONTEXT_PAGE (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->workshop_signals, workshop);
  g_signal_group_set_target (self->history_signals,
                             workshop != NULL ? iap_workshop_get_history (workshop) : NULL);
  g_signal_group_set_target (self->options_signals,
                             workshop != NULL
                             ? iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_OPTION)
                             : NULL);
  set_rows_workshop (self->mission_list, workshop);
  iap_text_area_set_workshop (self->mandate_area, workshop);
  set_rows_workshop (self->override_list, workshop);

  /* A new document starts with the override closed unless it has one. */
  self->syncing = TRUE;
  gtk_switch_set_active (self->override_switch, FALSE);
  self->syncing = FALSE;
  sync_override_switch (self);

  rebuild_options (self);
  rebuild_indicators (self);
  update_banner (self);
}
