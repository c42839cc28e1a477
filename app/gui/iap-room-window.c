/* iap-room-window.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Room mode: the facilitator's current step for the room, on a projector.
 * It follows the main window's step and its selection in the register,
 * shows the step's question in large type and the step's chart, and holds
 * nothing the main window's steps do not already show: agreed ratings, the
 * group's weights, and for a risk the result of its latest revealed round
 * only at or above the workshop's privacy floor. Never a participant's own
 * score; a dissent only as its author chose to be named.
 */

#define G_LOG_DOMAIN "iap-room-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "iap-balance-chart.h"
#include "iap-chart-text.h"
#include "iap-consensus.h"
#include "iap-environment.h"
#include "iap-heat-map-view.h"
#include "iap-integration-chart.h"
#include "iap-layout-check.h"
#include "iap-option-maps.h"
#include "iap-room-monitor.h"
#include "iap-room-window.h"
#include "iap-round-text.h"
#include "iap-text.h"
#include "iap-window-private.h"

/* A step's charts, shown one at a time (each needs the whole screen to be
 * read from the back of the room), each in one or more pages: Page Down
 * turns a chart's pages, then goes on to the next chart, from the last
 * around to the first. A step with one chart has no stack. */
typedef struct
{
  const char *step;
  GtkStack *stack;
  GtkWidget *chart;
  GtkLabel *label;
} Pager;

struct _IapRoomWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkLabel *step_label;
  GtkLabel *question_label;
  GtkStack *stack;
  GtkLabel *headline_label;
  GtkLabel *text_label;
  IapHeatMapView *heat_map;
  GtkWidget *risk_panel;
  GtkLabel *risk_title_label;
  GtkLabel *inherent_label;
  GtkLabel *residual_label;
  GtkLabel *risk_label;
  GtkStack *options_stack;
  GtkLabel *options_label;
  GtkDrawingArea *balance_chart;
  GtkDrawingArea *factor_grid;
  GtkDrawingArea *option_maps;
  GtkDrawingArea *integration_chart;
  GtkLabel *integration_label;
  GtkStack *mitigation_stack;
  IapHeatMapView *inherent_map;
  IapHeatMapView *residual_map;
  GtkLabel *measure_label;
  GtkLabel *mitigation_label;

  /* The facilitator's window, followed; weak */
  IapWindow *window;
  IapWorkshop *workshop;
  GSignalGroup *history_signals;
  GBinding *selected_binding;
  GBinding *mode_binding;
  /* The mitigation plan's model, whose selection is followed */
  GtkSelectionModel *plan_model;
  /* Counts the workshop's changes, which the charts' layouts follow */
  guint changes;
  /* The charts drawn in pages for the room; owned by their areas */
  struct _RoomChart *integration_room;
  struct _RoomChart *balance_room;
  struct _RoomChart *maps_room;
  struct _RoomChart *grid_room;
  /* The Integration, Triple-hatting and Mitigation steps' pages */
  Pager pagers[3];
  /* The room's font, from the window's height, the width the charts were
   * placed for, and the idle that sets them */
  double room_font;
  int for_width;
  guint room_font_idle;
};

G_DEFINE_FINAL_TYPE (IapRoomWindow, iap_room_window, ADW_TYPE_WINDOW)

/* The steps in their order, with the question each puts to the room */
static const struct {
  const char *name;
  const char *title;
  const char *question;
} steps[] = {
  { "setup", NC_("workshop step", "Set-up"),
    N_("What is this workshop for, and who takes part?") },
  { "context", NC_("workshop step", "Context"),
    N_("Is this a high-risk environment for humanitarian action?") },
  { "integration", NC_("workshop step", "Integration"),
    N_("Where should the mission and the UN country team integrate, and how deeply?") },
  { "matrix", NC_("workshop step", "Risk matrix"),
    N_("How likely is each risk to humanitarian space, and how severe would it be?") },
  { "triple-hatting", NC_("workshop step", "Triple-hatting"),
    N_("Which structural option weighs best, benefits against risks?") },
  { "mitigation", NC_("workshop step", "Mitigation"),
    N_("What lowers each risk, and who owns each measure?") },
  { "summary", NC_("workshop step", "Summary"),
    N_("What does the workshop recommend?") },
};

/* Charts ----------------------------------------------------------------- */

/* A room layout (docs/charts.md): its pages at the room's font in a box */
typedef guint  (*PagesFunc)    (IapWorkshop *workshop, double width, double height, double font);
typedef void   (*RoomDrawFunc) (cairo_t *cr, IapWorkshop *workshop, double width, double height,
                                double font, guint page);
typedef char * (*DescribeFunc) (IapWorkshop *workshop, double width, double height, double font,
                                guint page);
/* The smallest font size a page's text asks for */
typedef double (*SmallestFunc) (IapWorkshop *workshop, double width, double height, double font, guint page);

static double
balance_smallest (IapWorkshop *workshop, double width, double height, double font, guint page)
{
  double smallest = 0;

  iap_balance_chart_measure_for_room (workshop, width, height, font, page, &smallest, NULL);
  return smallest;
}

static double
grid_smallest (IapWorkshop *workshop, double width, double height, double font, guint page)
{
  double smallest = 0;

  iap_factor_grid_measure_for_room (workshop, width, height, font, page, &smallest, NULL);
  return smallest;
}

static double
maps_smallest (IapWorkshop *workshop, double width, double height, double font, guint page)
{
  double smallest = 0;

  iap_option_maps_measure_for_room (workshop, width, height, font, page, &smallest, NULL);
  return smallest;
}

static double
integration_smallest (IapWorkshop *workshop, double width, double height, double font, guint page)
{
  double smallest = 0;

  iap_integration_chart_measure_for_room (workshop, width, height, font, page, &smallest);
  return smallest;
}

/* A chart of the workshop drawn by app/render in its room layout, a page
 * at a time */
typedef struct _RoomChart
{
  IapRoomWindow *self;
  GtkWidget *area;
  PagesFunc pages;
  RoomDrawFunc draw;
  /* What a page shows, in words; NULL for a chart described whole */
  DescribeFunc describe;
  SmallestFunc smallest;
  guint page;

  /* The pages last counted, for the size, font and workshop's state they
   * were counted for: counting lays the whole chart out */
  int for_width, for_height;
  double for_font;
  guint for_changes;
  guint n_pages;
} RoomChart;

static void update_pager_labels (IapRoomWindow *self);

/* Every chart's text for the room is at least 1/28 of the screen's height:
 * the projector's lines when full screen */
static double
get_room_font (IapRoomWindow *self)
{
  return iap_chart_get_room_font (gtk_widget_get_height (GTK_WIDGET (self)));
}

/* The page of @chart shown, within its pages at its size now */
static guint
get_page (RoomChart *chart,
          guint     *n_pages)
{
  int width = gtk_widget_get_width (chart->area), height = gtk_widget_get_height (chart->area);
  double font = get_room_font (chart->self);

  if (chart->self->workshop == NULL || width <= 0 || height <= 0)
    {
      /* Nothing to lay out yet: one page, counted again once there is */
      chart->n_pages = 1;
      chart->for_width = 0;
    }
  else if (width != chart->for_width || height != chart->for_height || font != chart->for_font ||
           chart->for_changes != chart->self->changes)
    {
      chart->n_pages = MAX (chart->pages (chart->self->workshop, width, height, font), 1);
      chart->for_width = width;
      chart->for_height = height;
      chart->for_font = font;
      chart->for_changes = chart->self->changes;
    }
  chart->page = MIN (chart->page, chart->n_pages - 1);
  if (n_pages != NULL)
    *n_pages = chart->n_pages;

  return chart->page;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  RoomChart *chart = user_data;
  guint page;

  if (chart->self->workshop == NULL || width <= 0 || height <= 0)
    return;
  /* Drawn as on paper, whatever the theme */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  page = get_page (chart, NULL);
  chart->draw (cr, chart->self->workshop, width, height, get_room_font (chart->self), page);
  /* For the layout report: what the page asked for, not what the room's
   * font raised it to */
  if (iap_layout_check_enabled ())
    iap_layout_check_set_smallest_font (GTK_WIDGET (area),
                                        chart->smallest (chart->self->workshop, width, height,
                                                         get_room_font (chart->self), page));
}

static RoomChart *
set_room_chart (IapRoomWindow  *self,
                GtkDrawingArea *area,
                PagesFunc       pages,
                RoomDrawFunc    draw,
                DescribeFunc    describe,
                SmallestFunc    smallest)
{
  RoomChart *chart = g_new0 (RoomChart, 1);

  chart->self = self;
  chart->area = GTK_WIDGET (area);
  chart->pages = pages;
  chart->draw = draw;
  chart->describe = describe;
  chart->smallest = smallest;
  gtk_drawing_area_set_draw_func (area, draw_chart, chart, g_free);
  /* Larger or smaller, a chart may take more or fewer pages */
  g_signal_connect_object (area, "resize", G_CALLBACK (update_pager_labels), self, G_CONNECT_SWAPPED);

  return chart;
}

/* The room layout drawn in @widget, if it has one */
static RoomChart *
get_room_chart (IapRoomWindow *self,
                GtkWidget     *widget)
{
  RoomChart *charts[] = { self->integration_room, self->balance_room, self->grid_room, self->maps_room };

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (charts[i] != NULL && charts[i]->area == widget)
      return charts[i];

  return NULL;
}

static void
describe_chart (GtkDrawingArea *chart,
                char           *description)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (chart));
  g_free (description);
}

/* Pages ------------------------------------------------------------------ */

static GtkWidget *
get_shown (Pager *pager)
{
  return pager->stack != NULL ? gtk_stack_get_visible_child (pager->stack) : pager->chart;
}

/* The page of the chart @pager shows, within its pages */
static guint
get_shown_page (IapRoomWindow *self,
                Pager         *pager,
                guint         *n_pages)
{
  RoomChart *chart = get_room_chart (self, get_shown (pager));

  *n_pages = 1;
  return chart != NULL ? get_page (chart, n_pages) : 0;
}

/* Below the charts: which chart and page, and how to turn them */
static void
update_pager_label (IapRoomWindow *self,
                    Pager         *pager)
{
  GtkWidget *shown = get_shown (pager);
  guint n = 1, index = 0, n_pages, page = get_shown_page (self, pager, &n_pages);
  const char *title = NULL;
  RoomChart *chart;
  g_autofree char *text = NULL;

  if (pager->stack != NULL)
    {
      n = 0;
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (pager->stack));
           child != NULL; child = gtk_widget_get_next_sibling (child), n++)
        {
          if (child == shown)
            index = n;
        }
      title = gtk_stack_page_get_title (gtk_stack_get_page (pager->stack, shown));
    }

  if (n < 2 && n_pages < 2)
    /* Empty rather than hidden: the chart's height, hence its pages, stay */
    text = g_strdup ("");
  else if (n < 2)
    /* Translators: below a chart in room mode shown a page at a time */
    text = g_strdup_printf (_("Page %u of %u · Page Down: next page"), page + 1, n_pages);
  else if (n_pages < 2)
    /* Translators: below a chart in room mode: “Chart 1 of 3: Benefits and
     * risks · Page Down: next chart” */
    text = g_strdup_printf (_("Chart %u of %u: %s · Page Down: next chart"), index + 1, n, title);
  else
    /* Translators: below a chart in room mode that needs more than one
     * screen: “Chart 1 of 3: Benefits and risks, page 1 of 2 · Page
     * Down: next” */
    text = g_strdup_printf (_("Chart %u of %u: %s, page %u of %u · Page Down: next"), index + 1, n,
                            title, page + 1, n_pages);
  gtk_label_set_label (pager->label, text);

  /* The page shown, in words, and which page it is */
  chart = get_room_chart (self, shown);
  if (chart != NULL && chart->describe != NULL && self->workshop != NULL)
    {
      g_autofree char *content = chart->describe (self->workshop, gtk_widget_get_width (shown),
                                                  gtk_widget_get_height (shown), get_room_font (self), page);

      describe_chart (GTK_DRAWING_AREA (shown), n_pages < 2 ? g_steal_pointer (&content)
                      /* Translators: the text alternative of a page of a
                       * chart in room mode, then what the page shows */
                      : g_strdup_printf (_("Page %u of %u: %s"), page + 1, n_pages, content));
    }
}

static void
update_pager_labels (IapRoomWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->pagers); i++)
    update_pager_label (self, &self->pagers[i]);
}

/* Turns @pager by @step pages: within the chart shown, or else across to
 * the next chart (or the previous one's last page) */
static void
turn (IapRoomWindow *self,
      Pager         *pager,
      int            step)
{
  GtkWidget *shown = get_shown (pager);
  RoomChart *chart = get_room_chart (self, shown);
  guint n_pages, page = get_shown_page (self, pager, &n_pages);
  gboolean across = step > 0 ? page + 1 >= n_pages : page == 0;

  if (across && pager->stack != NULL)
    {
      GtkWidget *next = step > 0 ? gtk_widget_get_next_sibling (shown) : gtk_widget_get_prev_sibling (shown);

      if (next == NULL)
        next = step > 0 ? gtk_widget_get_first_child (GTK_WIDGET (pager->stack))
                        : gtk_widget_get_last_child (GTK_WIDGET (pager->stack));
      chart = get_room_chart (self, next);
      shown = next;
    }
  if (chart != NULL)
    {
      get_page (chart, &n_pages);
      chart->page = !across ? page + step : step > 0 ? 0 : n_pages - 1;
      gtk_widget_queue_draw (chart->area);
    }
  if (pager->stack != NULL)
    gtk_stack_set_visible_child (pager->stack, shown);
  update_pager_label (self, pager);
}

static gboolean
turn_chart (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  IapRoomWindow *self = IAP_ROOM_WINDOW (widget);
  const char *step = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (self->pagers); i++)
    if (g_strcmp0 (self->pagers[i].step, step) == 0)
      {
        turn (self, &self->pagers[i], g_variant_get_int32 (args));
        return TRUE;
      }

  return FALSE;
}

/* Steps ------------------------------------------------------------------ */

static char *
dup_rating_text (IapRoomWindow        *self,
                 IapRisk              *risk,
                 IapHeatMapMarkerKind  kind)
{
  IapScales *scales = iap_workshop_get_scales (self->workshop);
  g_autofree char *likelihood = NULL;
  g_autofree char *impact = NULL;
  const char *label = kind == IAP_HEAT_MAP_MARKER_INHERENT ? _("Inherent risk") : _("Residual risk");
  guint l, i;

  if (!iap_heat_map_get_rating (self->workshop, risk, kind, &l, &i))
    /* Translators: “Inherent risk: not yet rated” */
    return g_strdup_printf (_("%s: not yet rated"), label);

  likelihood = iap_round_text_level (iap_scales_get_likelihood (scales), l);
  impact = iap_round_text_level (iap_scales_get_impact (scales), i);
  /* Translators: an agreed rating for the room: “Inherent risk: High”,
   * then the likelihood and impact levels, “Likely × Major” */
  return g_strdup_printf (_("%s: %s\n%s × %s"), label,
                          iap_band_get_label (iap_scales_get_band (scales, l, i)),
                          likelihood, impact);
}

/* The selected risk beside the map, where the map still holds its text
 * at the room's font; else the map alone, the risk ringed on it (a large
 * matrix with long level names) */
static void
place_risk_panel (IapRoomWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->stack));
  int height = gtk_widget_get_height (GTK_WIDGET (self->stack));
  /* The panel's width and the space before it */
  int panel = (int) ceil (self->room_font * 11) + 32;

  gtk_widget_set_visible (self->risk_panel,
                          self->workshop != NULL && iap_heat_map_view_get_selected (self->heat_map) >= 0 &&
                          (width <= 0 || iap_heat_map_view_fits (self->heat_map, width - panel, height)));
}

/* The selected risk beside the heat map: its agreed ratings, the result of
 * its latest revealed round as the privacy floor allows, and the dissents
 * on it as their authors chose to be named. */
static void
update_selected_risk (IapRoomWindow *self)
{
  int position = iap_heat_map_view_get_selected (self->heat_map);
  g_autoptr(IapRisk) risk = NULL;
  g_autoptr(IapRiskStats) stats = NULL;
  g_autofree char *inherent = NULL;
  g_autofree char *residual = NULL;
  GListModel *dissents;
  GString *text;

  if (self->workshop != NULL && position >= 0)
    risk = g_list_model_get_item (iap_workshop_get_risks (self->workshop), position);

  if (risk == NULL)
    {
      gtk_label_set_label (self->risk_title_label, "");
      gtk_label_set_label (self->risk_label, "");
      gtk_widget_set_visible (self->risk_panel, FALSE);
      return;
    }

  place_risk_panel (self);
  gtk_label_set_label (self->risk_title_label, iap_risk_get_title (risk));

  inherent = dup_rating_text (self, risk, IAP_HEAT_MAP_MARKER_INHERENT);
  residual = dup_rating_text (self, risk, IAP_HEAT_MAP_MARKER_RESIDUAL);
  gtk_label_set_label (self->inherent_label, inherent);
  gtk_label_set_label (self->residual_label, residual);
  text = g_string_new (NULL);

  /* NULL: the latest revealed or closed round; open rounds are private */
  stats = iap_consensus_for_risk (self->workshop, NULL, iap_risk_get_id (risk));
  if (stats != NULL && stats->n > 0)
    {
      g_autofree char *result = iap_round_text_describe (self->workshop, stats, FALSE);

      g_string_append_printf (text, "%s", result);
    }

  dissents = iap_workshop_get_dissents (self->workshop);
  for (guint i = 0; i < g_list_model_get_n_items (dissents); i++)
    {
      g_autoptr(IapDissent) dissent = g_list_model_get_item (dissents, i);
      g_autofree char *who = NULL;

      if (g_strcmp0 (iap_dissent_get_subject (dissent), "risk") != 0 ||
          g_strcmp0 (iap_dissent_get_risk (dissent), iap_risk_get_id (risk)) != 0)
        continue;

      who = iap_workshop_dup_dissenter (self->workshop, dissent, iap_workshop_get_anonymize (self->workshop));
      /* Translators: who dissents on a risk, shown to the room */
      g_string_append_printf (text, _("\n\nDissent: %s"), who);
    }

  /* Below the result, or alone */
  gtk_label_set_label (self->risk_label, text->str + strspn (text->str, "\n"));
  g_string_free (text, TRUE);
}

static void
show_text (IapRoomWindow *self,
           const char    *headline,
           const char    *text)
{
  gtk_label_set_label (self->headline_label, headline != NULL ? headline : "");
  gtk_label_set_label (self->text_label, text != NULL ? text : "");
  gtk_stack_set_visible_child_name (self->stack, "text");
}

static void
show_setup (IapRoomWindow *self)
{
  GListModel *participants = iap_workshop_get_participants (self->workshop);
  guint n = g_list_model_get_n_items (participants);
  g_autofree char *title = iap_workshop_dup_display_name (self->workshop);
  g_autofree char *count = NULL;

  /* A count only: who takes part is the facilitator's list, and a name
   * may be private */
  count = g_strdup_printf (g_dngettext (NULL, "%u participant", "%u participants", n), n);
  show_text (self, title, count);
}

static void
show_context (IapRoomWindow *self)
{
  IapCatalog *catalog = iap_workshop_get_catalog (self->workshop);
  g_autoptr(IapEnvironment) env = iap_environment_new_for_workshop (self->workshop);
  g_autofree char *reasons = NULL;
  g_autofree char *text = NULL;

  if (env->reasons[0] != NULL)
    {
      reasons = iap_environment_dup_labels ((const char * const *)env->reasons, catalog);
      /* Translators: %s lists indicators, such as “Combat operations;
       * Neutrality questioned”, then what the classification rests on */
      text = g_strdup_printf (_("Reasons: %s. %s"), reasons, iap_environment_get_caveat (env));
    }
  else
    /* Translators: then what the classification rests on */
    text = g_strdup_printf (_("No indicator is answered Yes. %s"), iap_environment_get_caveat (env));

  show_text (self, iap_environment_level_to_heading (env->classification), text);
}

static void
show_summary (IapRoomWindow *self)
{
  IapCatalog *catalog = iap_workshop_get_catalog (self->workshop);
  const char *recommended = iap_workshop_get_recommendation (self->workshop);
  IapCatalogEntry *option = NULL;
  g_autoptr(IapEnvironment) env = iap_environment_new_for_workshop (self->workshop);
  g_autofree char *text = NULL;

  if (recommended != NULL && recommended[0] != '\0')
    option = iap_catalog_lookup (catalog, IAP_CATALOG_OPTION, recommended);

  text = g_strdup_printf ("%s\n%s", iap_environment_level_to_heading (env->classification),
                          iap_workshop_get_rationale (self->workshop) != NULL
                          ? iap_workshop_get_rationale (self->workshop) : "");
  show_text (self, option != NULL ? iap_catalog_entry_get_label (option) : _("No recommendation yet"),
             g_strstrip (text));
}

/* The measure selected in the plan, below the two heat maps: what it is,
 * who owns it, by when, and the risks it treats by their register numbers */
static void
update_selected_measure (IapRoomWindow *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(IapMitigation) mitigation = NULL;
  GListModel *risks;
  const char * const *ids;
  GString *text;
  GString *numbers;
  const char *entity, *due;
  g_autofree char *title = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *markup = NULL;

  if (self->plan_model != NULL && self->workshop != NULL)
    {
      selected = gtk_selection_model_get_selection (self->plan_model);
      if (!gtk_bitset_is_empty (selected))
        mitigation = g_list_model_get_item (G_LIST_MODEL (self->plan_model),
                                            gtk_bitset_get_minimum (selected));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->measure_label), mitigation != NULL);
  iap_heat_map_view_set_selected (self->inherent_map, -1);
  iap_heat_map_view_set_selected (self->residual_map, -1);
  if (mitigation == NULL)
    return;

  text = g_string_new (NULL);
  entity = iap_mitigation_get_owner_entity (mitigation);
  due = iap_mitigation_get_due (mitigation);
  /* By entity, as the anonymised report gives owners: the room is shown
   * no person's name */
  if (!iap_text_is_blank (entity))
    /* Translators: the entity that owns a measure, shown to the room */
    g_string_append_printf (text, _("\nOwner: %s"), entity);
  if (!iap_text_is_blank (due))
    /* Translators: the date a measure is due, shown to the room */
    g_string_append_printf (text, _(" · Due: %s"), due);

  numbers = g_string_new (NULL);
  risks = iap_workshop_get_risks (self->workshop);
  ids = iap_mitigation_get_risks (mitigation);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    for (guint r = 0; r < g_list_model_get_n_items (risks); r++)
      {
        g_autoptr(IapRisk) risk = g_list_model_get_item (risks, r);

        if (g_strcmp0 (iap_risk_get_id (risk), ids[i]) != 0)
          continue;
        /* The first risk it treats ringed on both maps */
        if (numbers->len == 0)
          {
            iap_heat_map_view_set_selected (self->inherent_map, r);
            iap_heat_map_view_set_selected (self->residual_map, r);
          }
        g_string_append_printf (numbers, "%s%u", numbers->len > 0 ? ", " : "", r + 1);
      }
  if (numbers->len > 0)
    /* Translators: the register numbers of the risks a measure treats */
    g_string_append_printf (text, _("\nRisks treated: %s"), numbers->str);

  /* The title in bold, the rest as it is */
  title = g_markup_escape_text (iap_mitigation_get_title (mitigation), -1);
  rest = g_markup_escape_text (text->str, -1);
  markup = g_strdup_printf ("<b>%s</b>%s", title, rest);
  gtk_label_set_markup (self->measure_label, markup);
  g_string_free (numbers, TRUE);
  g_string_free (text, TRUE);
}

static void
update_step (IapRoomWindow *self)
{
  const char *step = iap_window_get_step (self->window);
  g_autofree char *where = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (steps) && g_strcmp0 (steps[i].name, step) != 0; i++)
    ;
  if (i == G_N_ELEMENTS (steps) || self->workshop == NULL)
    return;

  /* Translators: above the question in room mode: “Step 4 of 7 · Risk matrix” */
  where = g_strdup_printf (_("Step %u of %u · %s"), i + 1, (guint)G_N_ELEMENTS (steps),
                           g_dpgettext2 (NULL, "workshop step", steps[i].title));
  gtk_label_set_label (self->step_label, where);
  gtk_label_set_label (self->question_label, _(steps[i].question));

  if (g_str_equal (step, "setup"))
    show_setup (self);
  else if (g_str_equal (step, "context"))
    show_context (self);
  else if (g_str_equal (step, "integration"))
    {
      update_pager_labels (self);
      gtk_stack_set_visible_child_name (self->stack, "integration");
    }
  else if (g_str_equal (step, "matrix"))
    {
      update_selected_risk (self);
      gtk_stack_set_visible_child_name (self->stack, "heat-map");
    }
  else if (g_str_equal (step, "triple-hatting"))
    {
      describe_chart (self->balance_chart, iap_balance_chart_dup_room_description (self->workshop));
      describe_chart (self->factor_grid, iap_factor_grid_dup_room_description (self->workshop));
      update_pager_labels (self);
      gtk_stack_set_visible_child_name (self->stack, "options");
    }
  else if (g_str_equal (step, "mitigation"))
    {
      update_selected_measure (self);
      update_pager_labels (self);
      gtk_stack_set_visible_child_name (self->stack, "mitigation");
    }
  else
    show_summary (self);
}

/* The room's font ------------------------------------------------------- */

static void
set_label_font (GtkLabel *label,
                double    size,
                gboolean  bold)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_size_new_absolute ((int) ceil (size * PANGO_SCALE)));
  if (bold)
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (label, attributes);
  pango_attr_list_unref (attributes);
}

/* The heat maps and what is written beside them at the room's font, from
 * the window's height: full screen, the projector's lines (docs/charts.md) */
static gboolean
apply_room_font (gpointer user_data)
{
  IapRoomWindow *self = user_data;
  double font = self->room_font;

  self->room_font_idle = 0;
  iap_heat_map_view_set_room_font (self->heat_map, font);
  iap_heat_map_view_set_room_font (self->inherent_map, font);
  iap_heat_map_view_set_room_font (self->residual_map, font);
  /* The step and the question head every page: the question a third
   * larger than the charts' text, the rest at it */
  set_label_font (self->step_label, font, FALSE);
  set_label_font (self->question_label, font * 4 / 3, TRUE);
  set_label_font (self->headline_label, font * 3 / 2, TRUE);
  set_label_font (self->text_label, font, FALSE);
  set_label_font (self->options_label, font, FALSE);
  set_label_font (self->integration_label, font, FALSE);
  set_label_font (self->risk_title_label, font, TRUE);
  set_label_font (self->inherent_label, font, FALSE);
  set_label_font (self->residual_label, font, FALSE);
  set_label_font (self->risk_label, font, FALSE);
  set_label_font (self->measure_label, font, FALSE);
  set_label_font (self->mitigation_label, font, FALSE);
  /* About twenty characters of the room's font beside the maps */
  gtk_widget_set_size_request (self->risk_panel, (int) ceil (font * 11), -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->measure_label), (int) ceil (font * 11), -1);
  place_risk_panel (self);

  return G_SOURCE_REMOVE;
}

static void
iap_room_window_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  IapRoomWindow *self = IAP_ROOM_WINDOW (widget);
  double font = iap_chart_get_room_font (height);

  /* Set once this allocation is over: fonts change what it measured */
  if (font != self->room_font || width != self->for_width)
    {
      self->room_font = font;
      self->for_width = width;
      if (self->room_font_idle == 0)
        self->room_font_idle = g_idle_add (apply_room_font, self);
    }

  GTK_WIDGET_CLASS (iap_room_window_parent_class)->size_allocate (widget, width, height, baseline);
}

/* Following the facilitator's window ------------------------------------- */

static void
set_workshop (IapRoomWindow *self,
              IapWorkshop   *workshop)
{
  if (!g_set_object (&self->workshop, workshop))
    return;

  self->changes++;
  g_signal_group_set_target (self->history_signals,
                             workshop != NULL ? iap_workshop_get_history (workshop) : NULL);
  iap_heat_map_view_set_workshop (self->heat_map, workshop);
  iap_heat_map_view_set_workshop (self->inherent_map, workshop);
  iap_heat_map_view_set_workshop (self->residual_map, workshop);
}

static void
on_window_workshop_changed (IapRoomWindow *self)
{
  set_workshop (self, iap_window_get_workshop (self->window));
  update_step (self);
}

static void
on_history_changed (IapRoomWindow *self)
{
  self->changes++;
  update_step (self);
}

static void
on_plan_model_changed (IapRoomWindow *self,
                       GParamSpec    *pspec,
                       GtkColumnView *plan_view)
{
  if (self->plan_model != NULL)
    g_signal_handlers_disconnect_by_data (self->plan_model, self);
  g_set_object (&self->plan_model, gtk_column_view_get_model (plan_view));
  if (self->plan_model != NULL)
    g_signal_connect_swapped (self->plan_model, "selection-changed",
                              G_CALLBACK (update_selected_measure), self);
  update_selected_measure (self);
}

static void
on_window_destroyed (gpointer  data,
                     GObject  *where_the_object_was)
{
  IapRoomWindow *self = data;

  self->window = NULL;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
unfollow (IapRoomWindow *self)
{
  if (self->window == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->window, self);
  g_object_weak_unref (G_OBJECT (self->window), on_window_destroyed, self);
  self->window = NULL;
}

/* GObject ---------------------------------------------------------------- */

static void
iap_room_window_dispose (GObject *object)
{
  IapRoomWindow *self = IAP_ROOM_WINDOW (object);

  unfollow (self);
  g_clear_handle_id (&self->room_font_idle, g_source_remove);
  if (self->plan_model != NULL)
    g_signal_handlers_disconnect_by_data (self->plan_model, self);
  g_clear_object (&self->plan_model);
  g_clear_pointer (&self->selected_binding, g_binding_unbind);
  g_clear_pointer (&self->mode_binding, g_binding_unbind);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->workshop);
  gtk_widget_dispose_template (GTK_WIDGET (object), IAP_TYPE_ROOM_WINDOW);

  G_OBJECT_CLASS (iap_room_window_parent_class)->dispose (object);
}

static void
iap_room_window_class_init (IapRoomWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_room_window_dispose;
  widget_class->size_allocate = iap_room_window_size_allocate;

  g_type_ensure (IAP_TYPE_HEAT_MAP_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/iap-room-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, step_label);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, question_label);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, headline_label);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, text_label);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, heat_map);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, risk_panel);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, risk_title_label);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, inherent_label);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, residual_label);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, risk_label);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, options_stack);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, options_label);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, balance_chart);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, factor_grid);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, option_maps);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, integration_chart);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, integration_label);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, mitigation_stack);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, inherent_map);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, residual_map);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, measure_label);
  gtk_widget_class_bind_template_child (widget_class, IapRoomWindow, mitigation_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, turn_chart, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, turn_chart, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, turn_chart, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, turn_chart, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, turn_chart, "i", -1);
}

static void
iap_room_window_init (IapRoomWindow *self)
{
  GtkWidget *views[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  views[0] = GTK_WIDGET (self->heat_map);
  views[1] = GTK_WIDGET (self->inherent_map);
  views[2] = GTK_WIDGET (self->residual_map);

  self->balance_room = set_room_chart (self, self->balance_chart, iap_balance_chart_get_room_pages,
                                       iap_balance_chart_draw_for_room, NULL, balance_smallest);
  self->grid_room = set_room_chart (self, self->factor_grid, iap_factor_grid_get_room_pages,
                                    iap_factor_grid_draw_for_room, NULL, grid_smallest);
  self->maps_room = set_room_chart (self, self->option_maps, iap_option_maps_get_room_pages,
                                     iap_option_maps_draw_for_room, iap_option_maps_dup_room_description,
                                     maps_smallest);
  self->integration_room = set_room_chart (self, self->integration_chart, iap_integration_chart_get_room_pages,
                                           iap_integration_chart_draw_for_room,
                                           iap_integration_chart_dup_room_description, integration_smallest);
  self->pagers[0] = (Pager) { "integration", NULL, GTK_WIDGET (self->integration_chart), self->integration_label };
  self->pagers[1] = (Pager) { "options", self->options_stack, NULL, self->options_label };
  self->pagers[2] = (Pager) { "mitigation", self->mitigation_stack, NULL, self->mitigation_label };

  /* The room looks; the facilitator's window is where things are chosen */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_widget_set_can_target (views[i], FALSE);
      gtk_widget_set_focusable (views[i], FALSE);
    }
  iap_heat_map_view_set_mode (self->inherent_map, IAP_HEAT_MAP_INHERENT);
  iap_heat_map_view_set_mode (self->residual_map, IAP_HEAT_MAP_RESIDUAL);

  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "changed",
                                  G_CALLBACK (on_history_changed), self);
  g_signal_connect_swapped (self->heat_map, "notify::selected",
                            G_CALLBACK (update_selected_risk), self);
}

/**
 * iap_room_window_new:
 * @window: the facilitator's window, which room mode follows
 *
 * Returns: (transfer full): a window showing @window's step to the room
 */
IapRoomWindow *
iap_room_window_new (IapWindow *window)
{
  IapRoomWindow *self;
  IapHeatMapView *register_map;
  GtkColumnView *plan_view;

  g_return_val_if_fail (IAP_IS_WINDOW (window), NULL);

  self = g_object_new (IAP_TYPE_ROOM_WINDOW,
                       "application", gtk_window_get_application (GTK_WINDOW (window)),
                       NULL);
  self->window = window;
  g_object_weak_ref (G_OBJECT (window), on_window_destroyed, self);

  set_workshop (self, iap_window_get_workshop (window));
  g_signal_connect_object (window, "notify::step", G_CALLBACK (update_step), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::workshop", G_CALLBACK (on_window_workshop_changed),
                           self, G_CONNECT_SWAPPED);

  /* The register's selection and mode, one way: the room never chooses */
  register_map = iap_matrix_page_get_heat_map_view (window->matrix_page);
  self->mode_binding = g_object_bind_property (register_map, "mode", self->heat_map, "mode",
                                               G_BINDING_SYNC_CREATE);
  self->selected_binding = g_object_bind_property (register_map, "selected", self->heat_map, "selected",
                                                   G_BINDING_SYNC_CREATE);
  plan_view = iap_mitigation_page_get_plan_view (window->mitigation_page);
  g_signal_connect_object (plan_view, "notify::model", G_CALLBACK (on_plan_model_changed),
                           self, G_CONNECT_SWAPPED);
  on_plan_model_changed (self, NULL, plan_view);
  update_step (self);

  return self;
}

/**
 * iap_room_window_get_window:
 *
 * Returns: (transfer none) (nullable): the window room mode follows
 */
IapWindow *
iap_room_window_get_window (IapRoomWindow *self)
{
  g_return_val_if_fail (IAP_IS_ROOM_WINDOW (self), NULL);

  return self->window;
}

/**
 * iap_room_window_present:
 *
 * Shows the room's window full screen: on a second monitor when there is
 * one (a projector beside the laptop's screen), else on the only one,
 * where the facilitator's window stays a keystroke away (Alt+Tab, or Esc
 * to leave room mode).
 */
void
iap_room_window_present (IapRoomWindow *self)
{
  g_return_if_fail (IAP_IS_ROOM_WINDOW (self));

  iap_window_present_to_room (GTK_WINDOW (self), self->window != NULL ? GTK_WINDOW (self->window) : NULL);
}
