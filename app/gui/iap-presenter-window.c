/* iap-presenter-window.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The projector's window, in large type, driven from the round window.
 * Before a round is revealed it only says how many have scored; it never
 * holds a score that the room has not been shown.
 */

#define G_LOG_DOMAIN "iap-presenter-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "iap-chart-text.h"
#include "iap-consensus.h"
#include "iap-presenter-window.h"
#include "iap-qr-view.h"
#include "iap-round-chart.h"
#include "iap-round-text.h"

struct _IapPresenterWindow
{
  GtkWindow parent_instance;

  /* Template widgets */
  GtkLabel *round_label;
  GtkLabel *title_label;
  IapRoundChart *chart;
  GtkLabel *result_label;
  GtkWidget *voting_box;
  IapQrView *voting_qr;
  GtkLabel *voting_label;
  GtkWidget *factors_box;
  GtkLabel *page_label;

  /* The factors' medians, a page of them at a time */
  IapWorkshop *workshop;
  IapRound *factors_round;
  GtkWidget *factor_grid;
  guint factor_page;

  /* The room font of the window's height, for every text */
  GtkCssProvider *font_css;
  int font_height;
  guint font_idle;
};

G_DEFINE_FINAL_TYPE (IapPresenterWindow, iap_presenter_window, GTK_TYPE_WINDOW)

/* The factors a page holds: with the options' names above them, six
 * rows at the room font fill about two thirds of the screen's height */
#define FACTORS_PER_PAGE 6

static guint
n_factor_pages (IapPresenterWindow *self)
{
  GListModel *factors = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop),
                                                 IAP_CATALOG_FACTOR);

  return MAX (1, (g_list_model_get_n_items (factors) + FACTORS_PER_PAGE - 1) / FACTORS_PER_PAGE);
}

static void
show_factor_page (IapPresenterWindow *self)
{
  guint n_pages = n_factor_pages (self);
  g_autofree char *text = NULL;

  if (self->factor_grid != NULL)
    gtk_box_remove (GTK_BOX (self->factors_box), self->factor_grid);
  self->factor_grid = iap_round_text_factor_grid (self->workshop, self->factors_round,
                                                  self->factor_page * FACTORS_PER_PAGE, FACTORS_PER_PAGE);
  if (self->factor_grid != NULL)
    gtk_box_prepend (GTK_BOX (self->factors_box), self->factor_grid);
  gtk_widget_set_visible (self->factors_box, self->factor_grid != NULL);
  /* The headings' style sets the desktop's size: bold at the room's instead */
  for (GtkWidget *cell = self->factor_grid != NULL ? gtk_widget_get_first_child (self->factor_grid) : NULL;
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    if (gtk_widget_has_css_class (cell, "heading"))
      {
        PangoAttrList *attrs = pango_attr_list_new ();

        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
        gtk_widget_remove_css_class (cell, "heading");
        gtk_label_set_attributes (GTK_LABEL (cell), attrs);
        pango_attr_list_unref (attrs);
      }
  /* Translators: below a chart in room mode shown a page at a time */
  text = g_strdup_printf (_("Page %u of %u · Page Down: next page"), self->factor_page + 1, n_pages);
  gtk_label_set_label (self->page_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->page_label), n_pages > 1);
}

/* Page Down and Page Up turn the factors' pages, round the end */
static void
turn_page (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  IapPresenterWindow *self = IAP_PRESENTER_WINDOW (widget);
  guint n_pages;

  if (self->factor_grid == NULL)
    return;
  n_pages = n_factor_pages (self);
  if (g_str_equal (action_name, "presenter.next-page"))
    self->factor_page = (self->factor_page + 1) % n_pages;
  else
    self->factor_page = (self->factor_page + n_pages - 1) % n_pages;
  show_factor_page (self);
}

/* Risks, not factors: the table goes */
static void
hide_factors (IapPresenterWindow *self)
{
  if (self->factor_grid != NULL)
    gtk_box_remove (GTK_BOX (self->factors_box), self->factor_grid);
  self->factor_grid = NULL;
  gtk_widget_set_visible (self->factors_box, FALSE);
}

/* Every text at least the room font of the window's height (docs/charts.md):
 * the window's font is the room font, and its texts are that or larger. */
static gboolean
update_font (gpointer data)
{
  IapPresenterWindow *self = data;
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autofree char *css = NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  self->font_idle = 0;
  if (height <= 0 || height == self->font_height)
    return G_SOURCE_REMOVE;

  self->font_height = height;
  g_ascii_formatd (size, sizeof size, "%.1f", ceil (iap_chart_get_room_font (height) * 10) / 10);
  css = g_strdup_printf ("window { font-size: %spx; }", size);
  gtk_css_provider_load_from_data (self->font_css, css, -1);

  return G_SOURCE_REMOVE;
}

static void
iap_presenter_window_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  IapPresenterWindow *self = IAP_PRESENTER_WINDOW (widget);

  GTK_WIDGET_CLASS (iap_presenter_window_parent_class)->size_allocate (widget, width, height, baseline);
  if (height != self->font_height && self->font_idle == 0)
    self->font_idle = g_idle_add (update_font, self);
}

static void
iap_presenter_window_dispose (GObject *object)
{
  IapPresenterWindow *self = IAP_PRESENTER_WINDOW (object);

  g_clear_handle_id (&self->font_idle, g_source_remove);
  g_clear_object (&self->font_css);
  g_clear_object (&self->workshop);
  g_clear_object (&self->factors_round);
  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_PRESENTER_WINDOW);

  G_OBJECT_CLASS (iap_presenter_window_parent_class)->dispose (object);
}

static void
iap_presenter_window_class_init (IapPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_presenter_window_dispose;
  widget_class->size_allocate = iap_presenter_window_size_allocate;

  g_type_ensure (IAP_TYPE_ROUND_CHART);
  g_type_ensure (IAP_TYPE_QR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IapPresenterWindow, round_label);
  gtk_widget_class_bind_template_child (widget_class, IapPresenterWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IapPresenterWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, IapPresenterWindow, result_label);
  gtk_widget_class_bind_template_child (widget_class, IapPresenterWindow, voting_box);
  gtk_widget_class_bind_template_child (widget_class, IapPresenterWindow, voting_qr);
  gtk_widget_class_bind_template_child (widget_class, IapPresenterWindow, voting_label);
  gtk_widget_class_bind_template_child (widget_class, IapPresenterWindow, factors_box);
  gtk_widget_class_bind_template_child (widget_class, IapPresenterWindow, page_label);
  gtk_widget_class_install_action (widget_class, "presenter.next-page", NULL, turn_page);
  gtk_widget_class_install_action (widget_class, "presenter.previous-page", NULL, turn_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "presenter.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "presenter.previous-page", NULL);
  /* As in room mode, Escape leaves the room's view */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
iap_presenter_window_init (IapPresenterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->font_css = gtk_css_provider_new ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->font_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_label_set_label (self->title_label, _("No scoring round in progress"));
}

IapPresenterWindow *
iap_presenter_window_new (void)
{
  return g_object_new (IAP_TYPE_PRESENTER_WINDOW, NULL);
}

/* Larger type for a risk's verdict beside its chart and for the count of
 * scores; the room font, across the screen, for the longer list of the
 * factors */
static void
set_result_size (IapPresenterWindow *self,
                 double              scale,
                 int                 max_width_chars)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  gtk_label_set_attributes (self->result_label, attrs);
  gtk_label_set_max_width_chars (self->result_label, max_width_chars);
  /* The text takes the width the chart leaves */
  gtk_widget_set_hexpand (GTK_WIDGET (self->result_label), TRUE);
  pango_attr_list_unref (attrs);
}

static void
set_round (IapPresenterWindow *self,
           IapRound           *round)
{
  g_autofree char *text = NULL;

  /* Translators: %u is the number of the scoring round */
  text = g_strdup_printf (_("Scoring round %u"), iap_round_get_number (round));
  gtk_label_set_label (self->round_label, text);
}

/* Counts only: who scored is for the facilitator, how is for nobody. */
void
iap_presenter_window_show_progress (IapPresenterWindow *self,
                                    IapRound           *round,
                                    guint               scored,
                                    guint               total)
{
  g_autofree char *text = NULL;

  g_return_if_fail (IAP_IS_PRESENTER_WINDOW (self));

  set_round (self, round);
  gtk_label_set_label (self->title_label, _("Scoring in private"));
  /* Translators: progress of a private scoring round */
  text = g_strdup_printf (_("%u of %u participants have scored."), scored, total);
  gtk_label_set_label (self->result_label, text);
  iap_round_chart_set_stats (self->chart, NULL, NULL);
  hide_factors (self);
  /* Nothing to draw yet: the count alone, large */
  gtk_widget_set_visible (GTK_WIDGET (self->chart), FALSE);
  set_result_size (self, 2.0, 40);
}

void
iap_presenter_window_show_risk (IapPresenterWindow *self,
                                IapWorkshop        *workshop,
                                IapRound           *round,
                                IapRisk            *risk)
{
  g_autoptr(IapRiskStats) stats = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (IAP_IS_PRESENTER_WINDOW (self));

  if (g_strcmp0 (iap_round_get_state (round), "open") == 0)
    return;

  stats = iap_consensus_for_risk (workshop, round, iap_risk_get_id (risk));
  set_round (self, round);
  gtk_label_set_label (self->title_label, iap_risk_get_title (risk));
  hide_factors (self);
  gtk_widget_set_visible (GTK_WIDGET (self->chart), TRUE);
  set_result_size (self, 1.2, 30);
  iap_round_chart_set_stats (self->chart, iap_workshop_get_scales (workshop), stats);
  text = iap_round_text_describe (workshop, stats, FALSE);
  gtk_label_set_label (self->result_label, text);
}

/* A round on the factors alone: each factor's median for each option,
 * once revealed, as a table at the room font, a page at a time. */
void
iap_presenter_window_show_factors (IapPresenterWindow *self,
                                   IapWorkshop        *workshop,
                                   IapRound           *round)
{
  g_autofree char *text = NULL;

  g_return_if_fail (IAP_IS_PRESENTER_WINDOW (self));

  if (g_strcmp0 (iap_round_get_state (round), "open") == 0)
    return;

  text = iap_round_text_factors (workshop, round);
  set_round (self, round);
  gtk_label_set_label (self->title_label, _("Triple-hatting factors"));
  gtk_widget_set_visible (GTK_WIDGET (self->chart), FALSE);
  set_result_size (self, 1.0, 110);
  /* The sentence that says what the table holds, then the table */
  if (text != NULL && strchr (text, '\n') != NULL)
    *strchr (text, '\n') = '\0';
  gtk_label_set_label (self->result_label, text != NULL ? text : "");
  if (round != self->factors_round)
    self->factor_page = 0;
  g_set_object (&self->workshop, workshop);
  g_set_object (&self->factors_round, round);
  show_factor_page (self);
}

/**
 * iap_presenter_window_show_voting:
 * @url: (nullable): the address the phones vote at, or %NULL once
 *   voting has stopped
 *
 * Shows the room's voting address, large and as a QR code, beside the
 * round: never a participant's own code.
 */
void
iap_presenter_window_show_voting (IapPresenterWindow *self,
                                  const char         *url)
{
  g_return_if_fail (IAP_IS_PRESENTER_WINDOW (self));

  iap_qr_view_set_text (self->voting_qr, url);
  gtk_label_set_label (self->voting_label, url != NULL ? url : "");
  gtk_widget_set_visible (self->voting_box, url != NULL);
}
