/* iap-accessibility.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-accessibility"

#include "config.h"

#include "iap-accessibility.h"

/*
 * Two things GTK 4.8 tells a screen reader wrongly, mended for every
 * widget of the application as it is realized, so that no page has to
 * remember them:
 *
 * - a button with a mnemonic is named twice over, "_Save Save": its raw
 *   label and the visible label it is labelled by. Without the raw one,
 *   the name is what a sighted person reads.
 * - the button inside a GtkDropDown has no name at all, and is read out
 *   as "GtkToggleButton". It is labelled by its drop-down, whose name says
 *   what is being chosen.
 */

static void
fix_button_name (GtkWidget *widget)
{
  GtkButton *button = GTK_BUTTON (widget);

  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* GTK 4.8 does not follow a chain of labelled-by relations: the button is
 * labelled by the drop-down's own mnemonic label where it has one. */
static void
fix_drop_down_button (GtkWidget *widget,
                      GtkWidget *drop_down)
{
  GList *labels = gtk_widget_list_mnemonic_labels (drop_down);
  gboolean own = g_object_get_data (G_OBJECT (drop_down), "iap-own-label") != NULL;
  GtkWidget *label = labels != NULL && !own ? labels->data : drop_down;

  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_list_free (labels);
}

static gboolean
on_widget_realized (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);
  GtkWidget *parent;

  if (!GTK_IS_BUTTON (widget))
    return TRUE;

  parent = gtk_widget_get_parent (widget);
  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (parent))
    fix_drop_down_button (widget, parent);
  else
    fix_button_name (widget);

  return TRUE;
}

/**
 * iap_accessible_use_own_label:
 *
 * For a control with a mnemonic label whose accessible name says more
 * than it ("Inherent likelihood" beside "_Likelihood"): GTK 4.8 reads
 * both, one after the other, so the control is no longer labelled by its
 * mnemonic label, which still moves the focus to it.
 */
void
iap_accessible_use_own_label (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  g_object_set_data (G_OBJECT (widget), "iap-own-label", GINT_TO_POINTER (TRUE));
}

void
iap_accessibility_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      /* Signals exist once their class does; it stays alive with the
       * application anyway. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  on_widget_realized, NULL, NULL);
      /* "notify" takes no emission hooks: code that changes a button's
       * label once shown calls iap_button_fix_accessible_name(). */
      g_once_init_leave (&initialized, 1);
    }
}
