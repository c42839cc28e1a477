/* iap-mitigation-residual-row.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One risk in "Residual risk and acceptance": its inherent rating, a
 * residual likelihood and impact picker, the resulting band against the
 * appetite and, when it is above, the acceptance form.
 *
 * The row follows the risk and the scales (undo, another view), and
 * writes every change through the workshop's edit functions.
 */

#define G_LOG_DOMAIN "iap-mitigation-residual-row"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-appetite.h"
#include "iap-mitigation-residual-row.h"
#include "iap-text-area.h"
#include "iap-risk-editor.h"

struct _IapMitigationResidualRow
{
  GtkListBoxRow parent_instance;

  IapWorkshop *workshop;
  IapRisk *risk;
  guint number;

  GtkLabel *inherent_label;
  GtkDropDown *likelihood;
  GtkDropDown *impact;
  GtkLabel *band_label;
  GtkLabel *marker_label;
  GtkWidget *acceptance_grid;
  GtkEditable *by_entry;
  GtkEditable *role_entry;
  GtkEditable *date_entry;
  GtkTextView *justification_view;

  gboolean updating;
};

G_DEFINE_FINAL_TYPE (IapMitigationResidualRow, iap_mitigation_residual_row, GTK_TYPE_LIST_BOX_ROW)

static char *
dup_rating_text (IapRisk       *risk,
                 IapRatingKind  kind,
                 IapScales     *scales)
{
  guint likelihood, impact;
  IapBand band;

  if (!iap_risk_get_rating (risk, kind, scales, &likelihood, &impact, &band))
    return g_strdup (_("not yet rated"));

  /* Translators: a rating: likelihood and impact levels, then the band */
  return g_strdup_printf (_("likelihood %u, impact %u · %s"), likelihood, impact,
                          iap_band_get_label (band));
}

static void
set_marker (IapMitigationResidualRow *self,
            const char               *text,
            const char               *css_class)
{
  gtk_label_set_text (self->marker_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->marker_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->marker_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->marker_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->marker_label), css_class);
}

static void
update_band (IapMitigationResidualRow *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  g_autofree char *inherent = dup_rating_text (self->risk, IAP_RATING_INHERENT, scales);
  g_autofree char *inherent_text = g_strdup_printf (_("Inherent: %s"), inherent);
  g_autofree char *residual = dup_rating_text (self->risk, IAP_RATING_RESIDUAL, scales);
  g_autofree char *residual_text = g_strdup_printf (_("Residual: %s"), residual);
  gboolean above = iap_risk_is_above_appetite (self->risk, scales);

  gtk_label_set_text (self->inherent_label, inherent_text);
  gtk_label_set_text (self->band_label, residual_text);
  gtk_widget_set_visible (self->acceptance_grid, above);

  if (!iap_risk_get_residual_band (self->risk, scales, NULL))
    set_marker (self, _("Not yet assessed against the appetite"), "dim-label");
  else if (!above)
    set_marker (self, _("Within appetite"), "success");
  else if (iap_risk_has_acceptance (self->risk))
    set_marker (self, _("Above appetite · Accepted"), "success");
  else
    set_marker (self, _("Above appetite · Needs acceptance"), "warning");
}

static void
sync_entry (GtkEditable *entry,
            const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (entry), text != NULL ? text : "") != 0)
    gtk_editable_set_text (entry, text != NULL ? text : "");
}

static void
update (IapMitigationResidualRow *self)
{
  self->updating = TRUE;
  if (gtk_drop_down_get_selected (self->likelihood) != iap_risk_get_residual_likelihood (self->risk))
    gtk_drop_down_set_selected (self->likelihood, iap_risk_get_residual_likelihood (self->risk));
  if (gtk_drop_down_get_selected (self->impact) != iap_risk_get_residual_impact (self->risk))
    gtk_drop_down_set_selected (self->impact, iap_risk_get_residual_impact (self->risk));
  sync_entry (self->by_entry, iap_risk_get_accepted_by (self->risk));
  sync_entry (self->role_entry, iap_risk_get_acceptance_role (self->risk));
  /* An invalid date being typed is not in the model yet: keep it. */
  if (iap_date_parse (gtk_editable_get_text (self->date_entry), NULL) ||
      iap_risk_get_acceptance_date (self->risk)[0] != '\0')
    sync_entry (self->date_entry, iap_risk_get_acceptance_date (self->risk));
  iap_text_view_sync_text (self->justification_view, iap_risk_get_acceptance_justification (self->risk));
  self->updating = FALSE;

  update_band (self);
}

static void
on_level_selected (IapMitigationResidualRow *self,
                   GParamSpec               *pspec,
                   GtkDropDown              *dropdown)
{
  const char *property = dropdown == self->likelihood ? "residual-likelihood" : "residual-impact";
  guint level = gtk_drop_down_get_selected (dropdown);
  guint current;

  if (self->updating || level == GTK_INVALID_LIST_POSITION)
    return;

  g_object_get (self->risk, property, &current, NULL);
  if (current != level)
    iap_workshop_set (self->workshop, self->risk, property, level, NULL);
}

static void
on_entry_changed (GtkEditable              *entry,
                  IapMitigationResidualRow *self)
{
  const char *property = g_object_get_data (G_OBJECT (entry), "iap-property");
  const char *text = gtk_editable_get_text (entry);
  gboolean valid = TRUE;

  if (entry == self->date_entry)
    {
      valid = text[0] == '\0' || iap_date_parse (text, NULL);
      if (valid)
        gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
    }

  /* Files hold only real dates: a half-typed one waits. */
  if (!self->updating && valid)
    iap_workshop_set_text (self->workshop, self->risk, property, text);
}

static GtkWidget *
new_picker (IapMitigationResidualRow *self,
            GtkDropDown             **out,
            const char               *heading,
            const char               *name,
            GListModel               *levels,
            guint                     level)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);
  GtkWidget *definition = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (definition), 0);
  gtk_label_set_wrap (GTK_LABEL (definition), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (definition), 40);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (definition, "dim-label");
  gtk_widget_add_css_class (definition, "caption");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), definition);
  iap_risk_editor_level_picker (GTK_DROP_DOWN (dropdown), levels, level);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (on_level_selected), self);
  *out = GTK_DROP_DOWN (dropdown);

  return box;
}

static GtkEditable *
add_acceptance_field (IapMitigationResidualRow *self,
                      GtkGrid                  *grid,
                      int                       row,
                      const char               *heading,
                      const char               *name,
                      const char               *property)
{
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (entry), "iap-property", (gpointer)property);
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), self);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);

  return GTK_EDITABLE (entry);
}

static void
on_justification_changed (IapMitigationResidualRow *self)
{
  g_autofree char *text = iap_text_view_dup_text (self->justification_view);

  if (!self->updating)
    iap_workshop_set_text (self->workshop, self->risk, "acceptance-justification", text);
}

/* A justification runs to a sentence or two: it wraps in a frame the
 * width of the entries above, never cut. */
static GtkTextView *
add_justification (IapMitigationResidualRow *self,
                   GtkGrid                  *grid,
                   int                       row,
                   const char               *name)
{
  GtkWidget *label = gtk_label_new (_("Justification"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_hexpand (frame, TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_add_css_class (view, "note-view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (on_justification_changed), self, G_CONNECT_SWAPPED);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, frame, 1, row, 1, 1);

  return GTK_TEXT_VIEW (view);
}

static GtkWidget *
build_acceptance (IapMitigationResidualRow *self)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  g_autofree char *by = g_strdup_printf (_("Accepted by, R%u"), self->number);
  g_autofree char *role = g_strdup_printf (_("Role of who accepts, R%u"), self->number);
  g_autofree char *date = g_strdup_printf (_("Acceptance date, R%u"), self->number);
  g_autofree char *why = g_strdup_printf (_("Justification, R%u"), self->number);

  gtk_grid_set_row_spacing (grid, 4);
  gtk_grid_set_column_spacing (grid, 12);
  self->by_entry = add_acceptance_field (self, grid, 0, _("Accepted by"), by, "accepted-by");
  self->role_entry = add_acceptance_field (self, grid, 1, _("Role"), role, "acceptance-role");
  self->date_entry = add_acceptance_field (self, grid, 2, _("Date"), date, "acceptance-date");
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->date_entry), _("YYYY-MM-DD"));
  self->justification_view = add_justification (self, grid, 3, why);

  return GTK_WIDGET (grid);
}

static GtkLabel *
append_label (GtkBox     *box,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return GTK_LABEL (label);
}

static void
build (IapMitigationResidualRow *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkBox *pickers = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18));
  g_autofree char *title = g_strdup_printf (C_("risk check", "R%u · %s"), self->number,
                                            iap_risk_get_title (self->risk));
  g_autofree char *likelihood = g_strdup_printf (_("Residual likelihood, R%u"), self->number);
  g_autofree char *impact = g_strdup_printf (_("Residual impact, R%u"), self->number);

  gtk_label_set_text (append_label (box, "heading"), title);
  self->inherent_label = append_label (box, "dim-label");
  gtk_box_append (pickers, new_picker (self, &self->likelihood, _("Residual likelihood"), likelihood,
                                       iap_scales_get_likelihood (scales),
                                       iap_risk_get_residual_likelihood (self->risk)));
  gtk_box_append (pickers, new_picker (self, &self->impact, _("Residual impact"), impact,
                                       iap_scales_get_impact (scales),
                                       iap_risk_get_residual_impact (self->risk)));
  gtk_box_append (box, GTK_WIDGET (pickers));
  self->band_label = append_label (box, NULL);
  self->marker_label = append_label (box, "heading");
  self->acceptance_grid = build_acceptance (self);
  gtk_box_append (box, self->acceptance_grid);

  gtk_widget_set_margin_top (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (box), 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), GTK_WIDGET (box));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
iap_mitigation_residual_row_dispose (GObject *object)
{
  IapMitigationResidualRow *self = IAP_MITIGATION_RESIDUAL_ROW (object);

  g_clear_object (&self->risk);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_mitigation_residual_row_parent_class)->dispose (object);
}

static void
iap_mitigation_residual_row_class_init (IapMitigationResidualRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iap_mitigation_residual_row_dispose;
}

static void
iap_mitigation_residual_row_init (IapMitigationResidualRow *self)
{
}

/**
 * iap_mitigation_residual_row_new:
 * @number: the risk's number in the register, from 1
 */
GtkWidget *
iap_mitigation_residual_row_new (IapWorkshop *workshop,
                                 IapRisk     *risk,
                                 guint        number)
{
  IapMitigationResidualRow *self = g_object_new (IAP_TYPE_MITIGATION_RESIDUAL_ROW, NULL);

  self->workshop = g_object_ref (workshop);
  self->risk = g_object_ref (risk);
  self->number = number;
  build (self);
  update (self);
  g_signal_connect_object (risk, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (iap_workshop_get_scales (workshop), "notify",
                           G_CALLBACK (update_band), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
