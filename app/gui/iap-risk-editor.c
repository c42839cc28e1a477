/* iap-risk-editor.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The dialog that adds a risk or edits one: what it is (arrangement,
 * area, title, description, notes) and its agreed ratings. Nothing is
 * changed until Save, which makes the whole dialog one step of the
 * history; Cancel leaves the workshop as it was.
 *
 * Each rating picker lists the workshop's levels with their definitions,
 * so people choose a level by what it means, and starts at “Not yet
 * rated”: an unrated risk is never scored 0.
 */

#define G_LOG_DOMAIN "iap-risk-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-accessibility.h"
#include "iap-risk-editor.h"
#include "iap-text.h"

struct _IapRiskEditor
{
  GtkWindow parent_instance;

  /* Template widgets */
  GtkEntry *title_entry;
  GtkDropDown *arrangement_dropdown;
  GtkEntry *custom_arrangement_entry;
  GtkDropDown *area_dropdown;
  GtkEntry *custom_area_entry;
  GtkTextView *description_view;
  GtkTextView *notes_view;
  GtkDropDown *inherent_likelihood;
  GtkDropDown *inherent_impact;
  GtkDropDown *residual_likelihood;
  GtkDropDown *residual_impact;
  GtkButton *save_button;

  /* Owned */
  IapWorkshop *workshop;
  IapRisk *risk;
};

G_DEFINE_FINAL_TYPE (IapRiskEditor, iap_risk_editor, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Level pickers ---------------------------------------------------------- */

static void
setup_level_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *definition = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (definition), 0);
  gtk_label_set_wrap (GTK_LABEL (definition), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (definition), 56);
  gtk_widget_add_css_class (definition, "dim-label");
  gtk_widget_add_css_class (definition, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), definition);
  gtk_list_item_set_child (item, box);
}

static void
bind_level_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GPtrArray                *definitions)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *definition = gtk_widget_get_next_sibling (label);
  guint position = gtk_list_item_get_position (item);
  const char *text = position < definitions->len ? g_ptr_array_index (definitions, position) : "";

  gtk_label_set_text (GTK_LABEL (label),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
  gtk_label_set_text (GTK_LABEL (definition), text);
  gtk_widget_set_visible (definition, text[0] != '\0');
}

static void
on_level_selected (GtkDropDown *dropdown)
{
  GPtrArray *definitions = g_object_get_data (G_OBJECT (dropdown), "iap-definitions");
  GtkWidget *label = gtk_widget_get_next_sibling (GTK_WIDGET (dropdown));
  guint position = gtk_drop_down_get_selected (dropdown);

  if (GTK_IS_LABEL (label) && definitions != NULL)
    gtk_label_set_text (GTK_LABEL (label),
                        position < definitions->len ? g_ptr_array_index (definitions, position) : "");
}

/**
 * iap_risk_editor_level_picker:
 * @levels: the #IapScaleLevel of a scale
 * @level: the level to select, from 1, or 0 for “Not yet rated”
 *
 * Makes @dropdown list “Not yet rated” then the levels, each with its
 * definition; position n of the dropdown is level n.
 *
 * Returns: (transfer none): @dropdown
 */
GtkDropDown *
iap_risk_editor_level_picker (GtkDropDown *dropdown,
                              GListModel  *levels,
                              guint        level)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GPtrArray *definitions = g_ptr_array_new_with_free_func (g_free);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_string_list_append (strings, _("Not yet rated"));
  g_ptr_array_add (definitions, g_strdup (""));
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IapScaleLevel) item = g_list_model_get_item (levels, i);
      /* Translators: a level in a rating picker, such as “3 · Possible” */
      g_autofree char *text = g_strdup_printf (C_("rating picker", "%u · %s"), i + 1,
                                               iap_scale_level_get_label (item));

      gtk_string_list_append (strings, text);
      g_ptr_array_add (definitions, g_strdup (iap_scale_level_get_definition (item)));
    }

  g_object_set_data_full (G_OBJECT (dropdown), "iap-definitions", definitions,
                          (GDestroyNotify)g_ptr_array_unref);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_level_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_level_row), definitions);
  gtk_drop_down_set_list_factory (dropdown, factory);
  g_object_unref (factory);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_level_selected), NULL);
  gtk_drop_down_set_selected (dropdown, level <= g_list_model_get_n_items (levels) ? level : 0);
  on_level_selected (dropdown);

  return dropdown;
}

/* Catalog pickers -------------------------------------------------------- */

static void
setup_catalog_picker (IapRiskEditor *self,
                      GtkDropDown   *dropdown,
                      const char    *kind,
                      const char    *current)
{
  GListModel *entries = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop), kind);
  GtkExpression *expression = gtk_property_expression_new (IAP_TYPE_CATALOG_ENTRY, NULL, "label");

  gtk_drop_down_set_expression (dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (dropdown, entries);

  for (guint i = 0; current != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (iap_catalog_entry_get_id (entry), current) == 0)
        gtk_drop_down_set_selected (dropdown, i);
    }
}

/* The id of the new entry typed in @custom if any, else of the chosen one. */
static const char *
chosen_id (IapRiskEditor *self,
           GtkDropDown   *dropdown,
           GtkEntry      *custom,
           const char    *kind)
{
  const char *label = gtk_editable_get_text (GTK_EDITABLE (custom));
  g_autofree char *stripped = g_strstrip (g_strdup (label));
  IapCatalogEntry *entry;

  if (!iap_text_is_blank (stripped))
    return iap_catalog_entry_get_id (iap_workshop_add_custom_entry (self->workshop, kind, stripped, ""));

  entry = gtk_drop_down_get_selected_item (dropdown);

  return entry != NULL ? iap_catalog_entry_get_id (entry) : "";
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* Saving ----------------------------------------------------------------- */

static void
apply (IapRiskEditor *self,
       const char    *title)
{
  g_autofree char *description = dup_text (self->description_view);
  g_autofree char *notes = dup_text (self->notes_view);
  const char *arrangement, *area;
  IapRisk *risk = self->risk;

  iap_workshop_begin_edit (self->workshop, risk == NULL ? _("Add Risk") : _("Edit Risk"));
  arrangement = chosen_id (self, self->arrangement_dropdown, self->custom_arrangement_entry,
                           IAP_CATALOG_ARRANGEMENT);
  area = chosen_id (self, self->area_dropdown, self->custom_area_entry, IAP_CATALOG_AREA);
  if (risk == NULL)
    risk = iap_workshop_add_risk (self->workshop, arrangement, area, title);
  iap_workshop_set (self->workshop, risk,
                    "arrangement", arrangement,
                    "area", area,
                    "title", title,
                    "description", description,
                    "notes", notes,
                    "inherent-likelihood", gtk_drop_down_get_selected (self->inherent_likelihood),
                    "inherent-impact", gtk_drop_down_get_selected (self->inherent_impact),
                    "residual-likelihood", gtk_drop_down_get_selected (self->residual_likelihood),
                    "residual-impact", gtk_drop_down_get_selected (self->residual_impact),
                    NULL);
  iap_workshop_end_edit (self->workshop);

  g_signal_emit (self, signals[SAVED], 0, risk);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IapRiskEditor *self = IAP_RISK_EDITOR (widget);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));

  /* A risk without a title cannot be found in the list or the report. */
  if (iap_text_is_blank (title))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
      return;
    }

  apply (self, title);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
iap_risk_editor_dispose (GObject *object)
{
  IapRiskEditor *self = IAP_RISK_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_RISK_EDITOR);
  g_clear_object (&self->workshop);
  g_clear_object (&self->risk);

  G_OBJECT_CLASS (iap_risk_editor_parent_class)->dispose (object);
}

static void
iap_risk_editor_class_init (IapRiskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_risk_editor_dispose;

  /**
   * IapRiskEditor::saved:
   * @risk: the risk added or changed
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IAP_TYPE_RISK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-risk-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, arrangement_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, custom_arrangement_entry);
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, custom_area_entry);
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, inherent_likelihood);
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, inherent_impact);
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, residual_likelihood);
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, residual_impact);
  gtk_widget_class_bind_template_child (widget_class, IapRiskEditor, save_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
iap_risk_editor_init (IapRiskEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkWidget *own[] = {
      GTK_WIDGET (self->arrangement_dropdown), GTK_WIDGET (self->custom_arrangement_entry),
      GTK_WIDGET (self->area_dropdown), GTK_WIDGET (self->custom_area_entry),
      GTK_WIDGET (self->inherent_likelihood), GTK_WIDGET (self->inherent_impact),
      GTK_WIDGET (self->residual_likelihood), GTK_WIDGET (self->residual_impact),
    };

    for (guint i = 0; i < G_N_ELEMENTS (own); i++)
      iap_accessible_use_own_label (own[i]);
  }
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

static void
fill (IapRiskEditor *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  GListModel *likelihood = iap_scales_get_likelihood (scales);
  GListModel *impact = iap_scales_get_impact (scales);
  IapRisk *risk = self->risk;

  setup_catalog_picker (self, self->arrangement_dropdown, IAP_CATALOG_ARRANGEMENT,
                        risk != NULL ? iap_risk_get_arrangement (risk) : NULL);
  setup_catalog_picker (self, self->area_dropdown, IAP_CATALOG_AREA,
                        risk != NULL ? iap_risk_get_area (risk) : NULL);
  iap_risk_editor_level_picker (self->inherent_likelihood, likelihood,
                                risk != NULL ? iap_risk_get_inherent_likelihood (risk) : 0);
  iap_risk_editor_level_picker (self->inherent_impact, impact,
                                risk != NULL ? iap_risk_get_inherent_impact (risk) : 0);
  iap_risk_editor_level_picker (self->residual_likelihood, likelihood,
                                risk != NULL ? iap_risk_get_residual_likelihood (risk) : 0);
  iap_risk_editor_level_picker (self->residual_impact, impact,
                                risk != NULL ? iap_risk_get_residual_impact (risk) : 0);
  if (risk == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), iap_risk_get_title (risk));
  set_text (self->description_view, iap_risk_get_description (risk));
  set_text (self->notes_view, iap_risk_get_notes (risk));
}

/**
 * iap_risk_editor_new:
 * @risk: (nullable): the risk to edit, or %NULL to add one
 */
IapRiskEditor *
iap_risk_editor_new (GtkWindow   *parent,
                     IapWorkshop *workshop,
                     IapRisk     *risk)
{
  IapRiskEditor *self;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (risk == NULL || IAP_IS_RISK (risk), NULL);

  self = g_object_new (IAP_TYPE_RISK_EDITOR,
                       "transient-for", parent,
                       "title", risk == NULL ? _("Add Risk") : _("Edit Risk"),
                       NULL);
  self->workshop = g_object_ref (workshop);
  g_set_object (&self->risk, risk);
  fill (self);

  return self;
}
