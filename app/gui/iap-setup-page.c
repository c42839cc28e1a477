/* iap-setup-page.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Step 1: what the workshop is (title, country, dates, facilitator,
 * classification, notes) and whether integration policy applies at all.
 * Each row edits one property of the workshop itself; the page only hands
 * the workshop to its rows and keeps the notes and the verdict in step.
 */

#define G_LOG_DOMAIN "iap-setup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-choice-row.h"
#include "iap-entry-row.h"
#include "iap-environment.h"
#include "iap-participants-view.h"
#include "iap-setup-page.h"
#include "iap-text-area.h"

struct _IapSetupPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkListBox *workshop_list;
  GtkListBox *applicability_list;
  IapChoiceRow *classification_row;
  IapChoiceRow *unct_row;
  IapChoiceRow *mission_row;
  IapTextArea *notes_area;
  GtkLabel *applicability_label;
  GtkSpinButton *min_scorers_spin;
  IapParticipantsView *participants_view;

  /* Owned */
  IapWorkshop *workshop;
  GSignalGroup *workshop_signals;

  /* Set while the floor's spin button follows the model */
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (IapSetupPage, iap_setup_page, GTK_TYPE_WIDGET)

static void
update_applicability (IapSetupPage *self)
{
  IapApplicability applicability = IAP_APPLICABILITY_UNKNOWN;
  GtkWidget *label = GTK_WIDGET (self->applicability_label);

  if (self->workshop != NULL)
    applicability = iap_applicability_for_workshop (self->workshop);

  gtk_label_set_label (self->applicability_label, iap_applicability_to_text (applicability));
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  if (applicability == IAP_APPLICABILITY_APPLIES)
    gtk_widget_add_css_class (label, "success");
  else if (applicability == IAP_APPLICABILITY_DOES_NOT_APPLY)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

static void
sync_min_scorers (IapSetupPage *self)
{
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->min_scorers_spin,
                             self->workshop != NULL ? iap_workshop_get_min_scorers (self->workshop)
                                                    : IAP_MIN_SCORERS_DEFAULT);
  self->syncing = FALSE;
}

static void
on_min_scorers_changed (IapSetupPage *self)
{
  guint value = (guint) gtk_spin_button_get_value_as_int (self->min_scorers_spin);

  if (self->syncing || self->workshop == NULL || value == iap_workshop_get_min_scorers (self->workshop))
    return;

  iap_workshop_set (self->workshop, self->workshop, "min-scorers", value, NULL);
}

static void
on_workshop_notify (IapSetupPage *self,
                    GParamSpec   *pspec)
{
  if (g_str_equal (pspec->name, "min-scorers"))
    sync_min_scorers (self);
  else if (g_str_equal (pspec->name, "unct") || g_str_equal (pspec->name, "mission") ||
           g_str_equal (pspec->name, "mission-type"))
    update_applicability (self);
}

static void
set_choices (IapSetupPage *self)
{
  static const char * const classifications[] = {
    "", "unclassified", "internal", "confidential", "strictly-confidential", NULL
  };
  static const char * const answers[] = { "yes", "no", "unknown", NULL };
  const char *classification_labels[] = {
    /* Translators: a file that has no classification yet */
    C_("classification", "Not set: printed Internal"),
    C_("classification", "Unclassified"),
    C_("classification", "Internal"),
    C_("classification", "Confidential"),
    C_("classification", "Strictly confidential"),
    NULL
  };
  const char *answer_labels[] = {
    C_("answer", "Yes"), C_("answer", "No"), C_("answer", "Unknown"), NULL
  };

  iap_choice_row_set_choices (self->classification_row, classifications, classification_labels);
  iap_choice_row_set_choices (self->unct_row, answers, answer_labels);
  iap_choice_row_set_choices (self->mission_row, answers, answer_labels);
}

/* Every row of the page's lists edits the workshop. */
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
iap_setup_page_dispose (GObject *object)
{
  IapSetupPage *self = IAP_SETUP_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_SETUP_PAGE);
  /* Only bound children are cleared by the template: the scrolled
   * window around the page is not. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workshop_signals);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_setup_page_parent_class)->dispose (object);
}

static void
iap_setup_page_class_init (IapSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_setup_page_dispose;

  g_type_ensure (IAP_TYPE_CHOICE_ROW);
  g_type_ensure (IAP_TYPE_ENTRY_ROW);
  g_type_ensure (IAP_TYPE_PARTICIPANTS_VIEW);
  g_type_ensure (IAP_TYPE_TEXT_AREA);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IapSetupPage, workshop_list);
  gtk_widget_class_bind_template_child (widget_class, IapSetupPage, applicability_list);
  gtk_widget_class_bind_template_child (widget_class, IapSetupPage, classification_row);
  gtk_widget_class_bind_template_child (widget_class, IapSetupPage, unct_row);
  gtk_widget_class_bind_template_child (widget_class, IapSetupPage, mission_row);
  gtk_widget_class_bind_template_child (widget_class, IapSetupPage, notes_area);
  gtk_widget_class_bind_template_child (widget_class, IapSetupPage, applicability_label);
  gtk_widget_class_bind_template_child (widget_class, IapSetupPage, participants_view);
  gtk_widget_class_bind_template_child (widget_class, IapSetupPage, min_scorers_spin);
}

static void
iap_setup_page_init (IapSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_choices (self);
  self->workshop_signals = g_signal_group_new (IAP_TYPE_WORKSHOP);
  g_signal_group_connect_swapped (self->workshop_signals, "notify",
                                  G_CALLBACK (on_workshop_notify), self);
  g_signal_connect_object (self->min_scorers_spin, "value-changed",
                           G_CALLBACK (on_min_scorers_changed), self, G_CONNECT_SWAPPED);
  update_applicability (self);
}

void
iap_setup_page_set_workshop (IapSetupPage *self,
                             IapWorkshop  *workshop)
{
  g_return_if_fail (IAP_IS_SETUP_PAGE (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->workshop_signals, workshop);
  set_rows_workshop (self->workshop_list, workshop);
  set_rows_workshop (self->applicability_list, workshop);
  iap_participants_view_set_workshop (self->participants_view, workshop);
  iap_text_area_set_workshop (self->notes_area, workshop);
  sync_min_scorers (self);
  update_applicability (self);
}
