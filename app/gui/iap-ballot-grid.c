/* iap-ballot-grid.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One participant's paper ballot on one screen: every risk of the round
 * as a row, likelihood and impact as number boxes, so that the
 * facilitator types the levels in and Tab moves across and down, as on
 * the paper. A box left empty (or 0) is no score. When the round also
 * covers the triple-hatting factors, each factor follows as a row with a
 * box per structural option under study, scored 0 to 4; there an empty
 * box is no score and 0 means "not at all".
 *
 * Like the private scoring page, it only ever holds one participant's
 * own scores, and is emptied before the next ballot.
 */

#define G_LOG_DOMAIN "iap-ballot-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-ballot-grid.h"

/* Structural options a ballot has a column for */
#define MAX_OPTIONS 6

struct _IapBallotGrid
{
  GtkWidget parent_instance;

  /* Owned children: the legend and the column headings stay in view
   * above the rows, which scroll */
  GtkWidget *legend;
  GtkWidget *header;
  GtkWidget *scroller;
  GtkWidget *grid;              /* the rows, in the scroller */
  /* Number, risk or factor, then the boxes: likelihood and impact, or
   * one per option */
  GtkSizeGroup *columns[2 + MAX_OPTIONS];

  /* Owned while a ballot is shown */
  IapRoundSession *session;
  IapWorkshop *workshop;
  IapRound *round;
  char *participant;
  GPtrArray *spins;             /* GtkSpinButton, likelihood then impact per risk */
  /* An application ballot's sheet: what the room said in the round
   * before, beside each risk */
  IapBallotSheet *sheet;
};

G_DEFINE_FINAL_TYPE (IapBallotGrid, iap_ballot_grid, GTK_TYPE_WIDGET)

/* An empty box rather than the lowest value: nothing typed in yet. */
static gboolean
on_output (GtkSpinButton *spin)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  double lower;
  g_autofree char *text = NULL;

  gtk_spin_button_get_range (spin, &lower, NULL);
  text = value > lower ? g_strdup_printf ("%d", value) : g_strdup ("");

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
on_value_changed (GtkSpinButton *spin,
                  IapBallotGrid *self)
{
  GtkSpinButton *likelihood = g_object_get_data (G_OBJECT (spin), "likelihood");
  GtkSpinButton *impact = g_object_get_data (G_OBJECT (spin), "impact");
  const char *risk = g_object_get_data (G_OBJECT (spin), "risk");
  guint l = gtk_spin_button_get_value_as_int (likelihood);
  guint m = gtk_spin_button_get_value_as_int (impact);

  if (self->participant == NULL ||
      iap_round_session_get_stage (self->session) != IAP_ROUND_STAGE_OPEN)
    return;

  /* The boxes keep to the scale: the session has nothing to refuse */
  if (l > 0 && m > 0)
    iap_round_session_score (self->session, self->participant, risk, l, m, NULL);
  else
    iap_round_session_score (self->session, self->participant, risk, 0, 0, NULL);
}

/* A factor's empty box is -1, below "0 Not at all". */
static int
on_factor_input (GtkSpinButton *spin,
                 double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));

  *value = *text == '\0' ? -1 : g_ascii_strtod (text, NULL);

  return TRUE;
}

static void
on_factor_changed (GtkSpinButton *spin,
                   IapBallotGrid *self)
{
  const char *factor = g_object_get_data (G_OBJECT (spin), "factor");
  const char *option = g_object_get_data (G_OBJECT (spin), "option");
  int value = gtk_spin_button_get_value_as_int (spin);

  if (self->participant == NULL ||
      iap_round_session_get_stage (self->session) != IAP_ROUND_STAGE_OPEN)
    return;

  iap_round_session_score_factor (self->session, self->participant, factor, option, value, NULL);
}

static GtkWidget *
new_spin (IapBallotGrid *self,
          int            lower,
          int            upper,
          int            value,
          const char    *accessible)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 2);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect (spin, "output", G_CALLBACK (on_output), NULL);
  on_output (GTK_SPIN_BUTTON (spin));
  g_ptr_array_add (self->spins, spin);

  return spin;
}

static GtkWidget *
new_heading (const char *text,
             guint       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "heading");

  return label;
}

/* A row of the four risk columns, kept as wide as the headings above */
static void
attach_cell (IapBallotGrid *self,
             GtkWidget     *grid,
             GtkWidget     *cell,
             guint          column,
             int            row)
{
  if (column < G_N_ELEMENTS (self->columns))
    gtk_size_group_add_widget (self->columns[column], cell);
  gtk_grid_attach (GTK_GRID (grid), cell, column, row, 1, 1);
}

static void
attach_risk_cells (IapBallotGrid *self,
                   GtkWidget     *grid,
                   int            row,
                   GtkWidget     *cells[4])
{
  for (guint c = 0; c < 4; c++)
    attach_cell (self, grid, cells[c], c, row);
}

static void
add_row (IapBallotGrid *self,
         IapRisk       *risk,
         int            row)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  const char *id = iap_risk_get_id (risk);
  const char *title = iap_risk_get_title (risk) != NULL ? iap_risk_get_title (risk) : id;
  IapRating *own = iap_round_find_rating (self->round, self->participant, id);
  g_autofree char *number = g_strdup_printf ("%d.", row + 1);
  g_autofree char *l_a11y = g_strdup_printf (_("Likelihood of “%s”"), title);
  g_autofree char *m_a11y = g_strdup_printf (_("Impact of “%s”"), title);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *cell = label;
  g_autofree char *median = NULL;
  g_autofree char *spread = NULL;
  g_autofree char *yours = NULL;
  GtkWidget *l, *m;

  l = new_spin (self, 0, iap_scales_get_n_likelihood (scales), own ? iap_rating_get_likelihood (own) : 0, l_a11y);
  m = new_spin (self, 0, iap_scales_get_n_impact (scales), own ? iap_rating_get_impact (own) : 0, m_a11y);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  /* A second round: the room's median and spread before, beside the
   * participant's own earlier score */
  if (self->sheet != NULL && iap_ballot_sheet_describe_earlier (self->sheet, id, &median, &spread, &yours))
    {
      /* Translators: under a risk of a second-round ballot: the room's median, its spread, your earlier score */
      g_autofree char *text = g_strdup_printf (_("Round before: median %s (%s). Yours: %s."), median, spread, yours);
      GtkWidget *earlier = gtk_label_new (text);

      cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_label_set_wrap (GTK_LABEL (earlier), TRUE);
      gtk_label_set_xalign (GTK_LABEL (earlier), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (earlier), 60);
      gtk_widget_add_css_class (earlier, "dim-label");
      gtk_widget_add_css_class (earlier, "caption");
      gtk_box_append (GTK_BOX (cell), label);
      gtk_box_append (GTK_BOX (cell), earlier);
      gtk_accessible_update_property (GTK_ACCESSIBLE (l), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (m), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  attach_risk_cells (self, self->grid, row,
                     (GtkWidget *[]) { gtk_label_new (number), cell, l, m });
  for (GtkWidget *spin = l; spin != NULL; spin = spin == l ? m : NULL)
    {
      g_object_set_data_full (G_OBJECT (spin), "risk", g_strdup (id), g_free);
      g_object_set_data (G_OBJECT (spin), "likelihood", l);
      g_object_set_data (G_OBJECT (spin), "impact", m);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_value_changed), self, 0);
    }
}

static const char *
catalog_label (IapWorkshop *workshop,
               const char  *kind,
               const char  *id)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (workshop), kind, id);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : id;
}

static void
add_factor_row (IapBallotGrid   *self,
                IapCatalogEntry *factor,
                int              row)
{
  const char * const *options = iap_workshop_get_options (self->workshop);
  const char *id = iap_catalog_entry_get_id (factor);
  GtkWidget *label = gtk_label_new (iap_catalog_entry_get_label (factor));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  attach_cell (self, self->grid, label, 1, row);
  for (guint o = 0; options != NULL && options[o] != NULL; o++)
    {
      IapFactorRating *own = iap_round_find_factor_rating (self->round, self->participant, id, options[o]);
      /* Translators: the accessible name of a box: "Workload, for Triple-hatted" */
      g_autofree char *a11y = g_strdup_printf (_("%s, for %s"), iap_catalog_entry_get_label (factor),
                                               catalog_label (self->workshop, IAP_CATALOG_OPTION, options[o]));
      GtkWidget *spin = new_spin (self, -1, 4, own != NULL ? (int) iap_factor_rating_get_value (own) : -1, a11y);

      g_signal_connect (spin, "input", G_CALLBACK (on_factor_input), NULL);
      g_object_set_data_full (G_OBJECT (spin), "factor", g_strdup (id), g_free);
      g_object_set_data_full (G_OBJECT (spin), "option", g_strdup (options[o]), g_free);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_factor_changed), self, 0);
      attach_cell (self, self->grid, spin, 2 + o, row);
    }
}

/* The factors after the risks: a heading, the options as columns, then
 * a row per factor. Without risks, the headings stay in view above. */
static void
add_factors (IapBallotGrid *self,
             int            row)
{
  GListModel *factors = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop), IAP_CATALOG_FACTOR);
  const char * const *options = iap_workshop_get_options (self->workshop);
  GtkWidget *headings = row == 0 ? self->header : self->grid;
  int heading_row = row;
  /* Translators: heads the factors part of a ballot */
  const char *title = _("Triple-hatting factors: how far each option brings the benefit or the risk, "
                        "from 0 Not at all to 4 Fully");

  /* In the column of the factors' names, so that its width is theirs */
  if (headings == self->header)
    gtk_label_set_label (GTK_LABEL (self->legend), title);
  else
    {
      GtkWidget *heading = new_heading (title, 0);

      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_set_margin_top (heading, 12);
      attach_cell (self, headings, heading, 1, heading_row++);
    }
  attach_cell (self, headings, new_heading (_("Factor"), 0), 1, heading_row);
  for (guint o = 0; options != NULL && options[o] != NULL; o++)
    {
      GtkWidget *label = new_heading (catalog_label (self->workshop, IAP_CATALOG_OPTION, options[o]), 0);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
      attach_cell (self, headings, label, 2 + o, heading_row);
    }
  if (headings == self->header)
    gtk_widget_set_visible (self->header, TRUE);
  else
    row = heading_row + 1;

  for (guint i = 0; i < g_list_model_get_n_items (factors); i++)
    {
      g_autoptr(IapCatalogEntry) factor = g_list_model_get_item (factors, i);

      add_factor_row (self, factor, row++);
    }
}

/* "Likelihood: 1 Rare · 2 Unlikely · …": the numbers to type, in words. */
static void
append_legend (GString    *text,
               const char *name,
               GListModel *levels)
{
  g_string_append (text, name);
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (levels, i);

      g_string_append_printf (text, "%s%u %s", i == 0 ? " " : " · ", i + 1, iap_scale_level_get_label (level));
    }
}

static void
set_legend (IapBallotGrid *self)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: followed by the levels of the scale, "1 Rare · 2 Unlikely…" */
  append_legend (text, _("Likelihood:"), iap_scales_get_likelihood (scales));
  g_string_append_c (text, '\n');
  /* Translators: followed by the levels of the scale, "1 Negligible · 2 Minor…" */
  append_legend (text, _("Impact:"), iap_scales_get_impact (scales));
  g_string_append_printf (text, "\n%s", _("Type each level as a number; Tab moves to the next box. "
                                          "Leave a box empty where the ballot has no score."));
  gtk_label_set_label (GTK_LABEL (self->legend), text->str);
}

static GtkWidget *
grid_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  return grid;
}

/* Fresh rows and headings, and size groups that know only them */
static void
new_grid (IapBallotGrid *self)
{
  for (guint c = 0; c < G_N_ELEMENTS (self->columns); c++)
    {
      g_clear_object (&self->columns[c]);
      self->columns[c] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
    }

  if (self->header != NULL)
    gtk_widget_unparent (self->header);
  self->header = grid_new ();
  gtk_widget_set_visible (self->header, FALSE);
  gtk_widget_insert_after (self->header, GTK_WIDGET (self), self->legend);

  self->grid = grid_new ();
  gtk_widget_set_margin_end (self->grid, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->grid);
}

static void
iap_ballot_grid_dispose (GObject *object)
{
  IapBallotGrid *self = IAP_BALLOT_GRID (object);

  g_clear_pointer (&self->legend, gtk_widget_unparent);
  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->grid = NULL;
  for (guint c = 0; c < G_N_ELEMENTS (self->columns); c++)
    g_clear_object (&self->columns[c]);
  g_clear_object (&self->session);
  g_clear_object (&self->workshop);
  g_clear_object (&self->round);
  g_clear_object (&self->sheet);
  g_clear_pointer (&self->participant, g_free);
  g_clear_pointer (&self->spins, g_ptr_array_unref);

  G_OBJECT_CLASS (iap_ballot_grid_parent_class)->dispose (object);
}

static void
iap_ballot_grid_class_init (IapBallotGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_ballot_grid_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
iap_ballot_grid_init (IapBallotGrid *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  self->spins = g_ptr_array_new ();
  self->legend = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->legend), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->legend), 0);
  gtk_widget_set_parent (self->legend, GTK_WIDGET (self));
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  new_grid (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Paper ballot"), -1);
}

GtkWidget *
iap_ballot_grid_new (void)
{
  return g_object_new (IAP_TYPE_BALLOT_GRID, NULL);
}

/**
 * iap_ballot_grid_fill:
 * @participant: whose ballot is typed in
 * @with_risks: whether the grid shows the risks of the round; the
 *   factors follow when the round scores them
 *
 * Shows @participant's ballot, with the scores they already have in the
 * round in play, and gives every change to @session as it is made.
 */
static void fill (IapBallotGrid   *self,
                  IapRoundSession *session,
                  const char      *participant,
                  gboolean         with_risks);

void
iap_ballot_grid_fill (IapBallotGrid   *self,
                      IapRoundSession *session,
                      const char      *participant,
                      gboolean         with_risks)
{
  g_return_if_fail (IAP_IS_BALLOT_GRID (self));
  g_return_if_fail (IAP_IS_ROUND_SESSION (session));
  g_return_if_fail (iap_round_session_get_round (session) != NULL);
  g_return_if_fail (participant != NULL);

  iap_ballot_grid_clear (self);
  fill (self, session, participant, with_risks);
}

static void
fill (IapBallotGrid   *self,
      IapRoundSession *session,
      const char      *participant,
      gboolean         with_risks)
{
  GListModel *risks;
  guint n_risks;

  g_set_object (&self->session, session);
  g_set_object (&self->workshop, iap_round_session_get_workshop (session));
  g_set_object (&self->round, iap_round_session_get_round (session));
  self->participant = g_strdup (participant);
  risks = iap_round_session_get_risks (session);
  n_risks = with_risks ? g_list_model_get_n_items (risks) : 0;
  if (n_risks > 0)
    {
      set_legend (self);
      attach_risk_cells (self, self->header, 0, (GtkWidget *[]) {
                           gtk_label_new (NULL),
                           new_heading (_("Risk"), 0),
                           /* Translators: a column heading of the paper ballot */
                           new_heading (_("Likelihood"), 0),
                           /* Translators: a column heading of the paper ballot; "Impact" the noun */
                           new_heading (_("Impact"), 0) });
      gtk_widget_set_visible (self->header, TRUE);
    }
  for (guint i = 0; i < n_risks; i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      add_row (self, risk, i);
    }
  if (iap_round_session_get_factors (session))
    add_factors (self, n_risks);
}

/* The first box, where the facilitator starts typing. */
void
iap_ballot_grid_focus_first (IapBallotGrid *self)
{
  g_return_if_fail (IAP_IS_BALLOT_GRID (self));

  if (self->spins->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->spins, 0));
}

/* A level typed into a box counts once the box is left; the Done
 * button's mnemonic does not leave it, so the window commits first. */
void
iap_ballot_grid_commit (IapBallotGrid *self)
{
  g_return_if_fail (IAP_IS_BALLOT_GRID (self));

  for (guint i = 0; i < self->spins->len; i++)
    gtk_spin_button_update (g_ptr_array_index (self->spins, i));
}

/* Empties the grid: nothing of the last ballot stays on screen. */
void
iap_ballot_grid_clear (IapBallotGrid *self)
{
  g_return_if_fail (IAP_IS_BALLOT_GRID (self));

  g_ptr_array_set_size (self->spins, 0);
  g_clear_object (&self->sheet);
  g_clear_pointer (&self->participant, g_free);
  g_clear_object (&self->round);
  g_clear_object (&self->workshop);
  g_clear_object (&self->session);
  gtk_label_set_label (GTK_LABEL (self->legend), "");
  new_grid (self);
}

/**
 * iap_ballot_grid_fill_sheet:
 * @sheet: an application ballot's sheet
 *
 * Shows @sheet's participant's ballot, with what the room said in the
 * round before beside each risk when it is a second round.
 */
void
iap_ballot_grid_fill_sheet (IapBallotGrid  *self,
                            IapBallotSheet *sheet)
{
  IapParticipant *participant;

  g_return_if_fail (IAP_IS_BALLOT_GRID (self));
  g_return_if_fail (IAP_IS_BALLOT_SHEET (sheet));

  participant = iap_ballot_sheet_get_participant (sheet);
  iap_ballot_grid_clear (self);
  self->sheet = g_object_ref (sheet);
  fill (self, iap_ballot_sheet_get_session (sheet), iap_participant_get_id (participant), TRUE);
}
