/* iap-heat-map-view.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The heat map on screen. It only draws, through the same IapHeatMap
 * that exports and printing use, and adds what a screen needs: a marker
 * can be selected by click or with the keyboard (the arrows go from risk
 * to risk in register order), it tells its risk in a tooltip, and a
 * screen reader hears the counts per band as the accessible description.
 */

#define G_LOG_DOMAIN "iap-heat-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-chart-text.h"
#include "iap-heat-map-view.h"
#include "iap-layout-check.h"

struct _IapHeatMapView
{
  GtkWidget parent_instance;

  /* Owned */
  IapHeatMap *map;
  IapWorkshop *workshop;
  GSignalGroup *history_signals;
  int selected;
  /* The smallest size at which the map's text is legible, or -1 until
   * measured again */
  int minimum_width;
  int minimum_height;

  /* The map's layer as a texture, and the image it was made of: while
   * the map hands out the same image the texture is current, and a
   * redraw for a new selection or focus uploads nothing. */
  GdkTexture *layer_texture;
  cairo_surface_t *layer;
};

G_DEFINE_FINAL_TYPE (IapHeatMapView, iap_heat_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSHOP,
  PROP_MODE,
  PROP_SELECTED,
  N_PROPS
};

enum {
  ACTIVATE_RISK,
  ACTIVATE_CELL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_description (IapHeatMapView *self)
{
  g_autofree char *description = iap_heat_map_dup_description (self->map);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* A change of scales or labels changes the size the text needs */
static void
queue_minimum (IapHeatMapView *self)
{
  self->minimum_width = self->minimum_height = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_history_changed (IapHeatMapView *self)
{
  iap_heat_map_invalidate (self->map);
  update_description (self);
  queue_minimum (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GdkTexture *
texture_for_layer (cairo_surface_t *layer)
{
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (layer);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (layer),
                                      (gsize) cairo_image_surface_get_stride (layer) *
                                      cairo_image_surface_get_height (layer),
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (layer));

  /* Cairo's ARGB32 is premultiplied, in native byte order */
  return gdk_memory_texture_new (cairo_image_surface_get_width (layer),
                                 cairo_image_surface_get_height (layer),
                                 GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (layer));
}

static void
iap_heat_map_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  IapHeatMapView *self = IAP_HEAT_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  IapHeatMapStyle style = *iap_heat_map_get_style (self->map);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_surface_t *metrics, *layer;
  GdkRGBA color;
  cairo_t *cr;

  if (self->workshop == NULL || width <= 0 || height <= 0)
    return;

  /* Only a change of theme or size re-lays out; selection and focus
   * are cheap. Text grows with the map, never below the minimum
   * (docs/charts.md). */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  if (style.foreground.red != color.red || style.foreground.green != color.green ||
      style.foreground.blue != color.blue ||
      style.font_size != MAX (iap_chart_get_screen_font (width, height), style.min_font_size))
    {
      style.foreground = (IapColor) { color.red, color.green, color.blue };
      style.font_size = MAX (iap_chart_get_screen_font (width, height), style.min_font_size);
      iap_heat_map_set_style (self->map, &style);
    }
  iap_heat_map_set_selected (self->map, self->selected, gtk_widget_has_visible_focus (widget));

  /* Text is measured for an image, which is what the layer is */
  metrics = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (metrics);
  layer = iap_heat_map_get_layer (self->map, cr, width, height, gtk_widget_get_scale_factor (widget));
  cairo_destroy (cr);
  cairo_surface_destroy (metrics);
  if (layer == NULL)
    return;

  if (layer != self->layer)
    {
      g_clear_object (&self->layer_texture);
      g_clear_pointer (&self->layer, cairo_surface_destroy);
      self->layer = cairo_surface_reference (layer);
      self->layer_texture = texture_for_layer (layer);
    }
  gtk_snapshot_append_texture (snapshot, self->layer_texture, &bounds);
  /* For the layout report, in a room: what the map's text asked for,
   * not what the room's font raised it to */
  if (iap_heat_map_get_style (self->map)->room)
    iap_layout_check_set_smallest_font (widget, iap_heat_map_get_smallest_asked (self->map));

  if (self->selected >= 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      iap_heat_map_draw_selection (self->map, cr);
      cairo_destroy (cr);
    }
}

static void
iap_heat_map_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  IapHeatMapView *self = IAP_HEAT_MAP_VIEW (widget);

  if (self->minimum_width < 0 && iap_heat_map_get_style (self->map)->room)
    {
      self->minimum_width = 200;
      self->minimum_height = 150;
    }
  else if (self->minimum_width < 0)
    {
      cairo_surface_t *metrics = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (metrics);
      double width, height;

      iap_heat_map_get_minimum_size (self->map, cr, &width, &height);
      self->minimum_width = MAX (200, (int) width);
      self->minimum_height = MAX (150, (int) height);
      cairo_destroy (cr);
      cairo_surface_destroy (metrics);
    }

  /* No smaller than its text needs at the minimum size: below that, the
   * page around it scrolls */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? self->minimum_width : self->minimum_height;
  /* Wide enough to weigh as much as a register beside it */
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? *minimum * 3 / 2 : *minimum * 21 / 20;
}

/* Keyboard and pointer --------------------------------------------------- */

/* The next (@step 1) or previous (-1) risk on the map, in register
 * order, those counted in a "+N" included; from none, the first or the
 * last. */
static int
neighbour (IapHeatMapView *self,
           int             step)
{
  return iap_heat_map_next_risk (self->map, self->selected, step);
}

static gboolean
on_key_pressed (IapHeatMapView        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int target = -2;

  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_Down: case GDK_KEY_KP_Right: case GDK_KEY_KP_Down:
      target = neighbour (self, 1);
      break;
    case GDK_KEY_Left: case GDK_KEY_Up: case GDK_KEY_KP_Left: case GDK_KEY_KP_Up:
      target = neighbour (self, -1);
      break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      self->selected = -1;
      target = neighbour (self, 1);
      break;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      self->selected = -1;
      target = neighbour (self, -1);
      break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter:
      if (self->selected >= 0)
        g_signal_emit (self, signals[ACTIVATE_RISK], 0, self->selected);
      return self->selected >= 0;
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      /* Opens the selected marker's cell: the register shows its risks */
      {
        const IapHeatMapMarker *markers;
        guint n;

        markers = iap_heat_map_get_markers (self->map, &n);
        for (guint m = 0; m < n; m++)
          if ((int) markers[m].risk == self->selected)
            {
              g_signal_emit (self, signals[ACTIVATE_CELL], 0, markers[m].likelihood, markers[m].impact);
              return TRUE;
            }
        /* A risk counted in a "+N" opens the cell of its rating */
        if (self->selected >= 0 && self->workshop != NULL)
          {
            g_autoptr(IapRisk) risk = g_list_model_get_item (iap_workshop_get_risks (self->workshop),
                                                             self->selected);
            IapHeatMapMarkerKind kind = iap_heat_map_get_mode (self->map) == IAP_HEAT_MAP_INHERENT
                                        ? IAP_HEAT_MAP_MARKER_INHERENT : IAP_HEAT_MAP_MARKER_RESIDUAL;
            guint l, i;

            if (risk != NULL && iap_heat_map_get_rating (self->workshop, risk, kind, &l, &i))
              {
                g_signal_emit (self, signals[ACTIVATE_CELL], 0, l, i);
                return TRUE;
              }
          }
      }
      return FALSE;
    default:
      return FALSE;
    }

  if (target >= 0)
    iap_heat_map_view_set_selected (self, target);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

/* Whether a marker or a "+N" of the map is in the cell */
static gboolean
cell_holds_risks (IapHeatMapView *self,
                  guint           likelihood,
                  guint           impact)
{
  const IapHeatMapMarker *markers;
  const IapHeatMapBadge *badges;
  guint n_markers, n_badges;

  markers = iap_heat_map_get_markers (self->map, &n_markers);
  for (guint m = 0; m < n_markers; m++)
    if (markers[m].likelihood == likelihood && markers[m].impact == impact)
      return TRUE;
  badges = iap_heat_map_get_badges (self->map, &n_badges);
  for (guint b = 0; b < n_badges; b++)
    if (badges[b].likelihood == likelihood && badges[b].impact == impact)
      return TRUE;

  return FALSE;
}

static void
on_pressed (IapHeatMapView  *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  const IapHeatMapMarker *marker = iap_heat_map_hit_test (self->map, x, y);
  const IapHeatMapBadge *badge;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (marker == NULL && (badge = iap_heat_map_hit_test_badge (self->map, x, y)) != NULL)
    {
      g_signal_emit (self, signals[ACTIVATE_CELL], 0, badge->likelihood, badge->impact);
      return;
    }
  if (marker == NULL && self->workshop != NULL)
    {
      IapScales *scales = iap_workshop_get_scales (self->workshop);

      /* A click in a cell, away from its markers, opens the cell */
      for (guint l = 1; l <= iap_scales_get_n_likelihood (scales); l++)
        for (guint i = 1; i <= iap_scales_get_n_impact (scales); i++)
          {
            cairo_rectangle_t cell;

            if (iap_heat_map_get_cell (self->map, l, i, &cell) &&
                x >= cell.x && x < cell.x + cell.width && y >= cell.y && y < cell.y + cell.height)
              {
                /* An empty cell has nothing to list: the click only
                 * gives the map the keyboard */
                if (cell_holds_risks (self, l, i))
                  g_signal_emit (self, signals[ACTIVATE_CELL], 0, l, i);
                return;
              }
          }
    }
  if (marker == NULL)
    return;

  iap_heat_map_view_set_selected (self, marker->risk);
  if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE_RISK], 0, (int)marker->risk);
}

static char *
risk_tooltip (IapHeatMapView         *self,
              const IapHeatMapMarker *marker)
{
  GListModel *risks = iap_workshop_get_risks (self->workshop);
  g_autoptr(IapRisk) risk = g_list_model_get_item (risks, marker->risk);
  IapBand band;

  if (risk == NULL)
    return NULL;

  band = iap_scales_get_band (iap_workshop_get_scales (self->workshop),
                              marker->likelihood, marker->impact);
  /* Translators: the tooltip of a marker on the heat map: its number, the
   * risk's title, then the band and levels (likelihood×impact) of the
   * cell, such as “3. Shared compound blurs mission and agencies (High · 4×4)” */
  return g_strdup_printf (_("%u. %s (%s · %u×%u)"), marker->risk + 1, iap_risk_get_title (risk),
                          iap_band_get_label (band), marker->likelihood, marker->impact);
}

static gboolean
on_query_tooltip (IapHeatMapView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  const IapHeatMapMarker *marker = NULL;
  const IapHeatMapBadge *badge;
  g_autofree char *text = NULL;

  if (self->workshop == NULL)
    return FALSE;

  if (keyboard)
    {
      const IapHeatMapMarker *markers;
      guint n;

      markers = iap_heat_map_get_markers (self->map, &n);
      for (guint m = 0; m < n && marker == NULL; m++)
        if ((int)markers[m].risk == self->selected)
          marker = &markers[m];
    }
  else
    marker = iap_heat_map_hit_test (self->map, x, y);

  if (marker != NULL)
    text = risk_tooltip (self, marker);
  else if (!keyboard && (badge = iap_heat_map_hit_test_badge (self->map, x, y)) != NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u more risk in this cell: select it in the list",
                                         "%u more risks in this cell: select them in the list",
                                         badge->n_hidden),
                            badge->n_hidden);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* GObject ---------------------------------------------------------------- */

static void
iap_heat_map_view_dispose (GObject *object)
{
  IapHeatMapView *self = IAP_HEAT_MAP_VIEW (object);

  g_clear_object (&self->history_signals);
  g_clear_object (&self->workshop);
  g_clear_object (&self->map);
  g_clear_object (&self->layer_texture);
  g_clear_pointer (&self->layer, cairo_surface_destroy);

  G_OBJECT_CLASS (iap_heat_map_view_parent_class)->dispose (object);
}

static void
iap_heat_map_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IapHeatMapView *self = IAP_HEAT_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;

    case PROP_MODE:
      g_value_set_uint (value, iap_heat_map_get_mode (self->map));
      break;

    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_heat_map_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IapHeatMapView *self = IAP_HEAT_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      iap_heat_map_view_set_workshop (self, g_value_get_object (value));
      break;

    case PROP_MODE:
      iap_heat_map_view_set_mode (self, g_value_get_uint (value));
      break;

    case PROP_SELECTED:
      iap_heat_map_view_set_selected (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_heat_map_view_class_init (IapHeatMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_heat_map_view_dispose;
  object_class->get_property = iap_heat_map_view_get_property;
  object_class->set_property = iap_heat_map_view_set_property;
  widget_class->snapshot = iap_heat_map_view_snapshot;
  widget_class->measure = iap_heat_map_view_measure;

  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, IAP_TYPE_WORKSHOP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODE] =
    g_param_spec_uint ("mode", NULL, NULL,
                       IAP_HEAT_MAP_INHERENT, IAP_HEAT_MAP_MOVEMENT, IAP_HEAT_MAP_INHERENT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IapHeatMapView::activate-risk:
   * @risk: the position of the risk in the register, from 0
   *
   * Emitted on a double click or Enter on a marker: open the risk.
   */
  signals[ACTIVATE_RISK] =
    g_signal_new ("activate-risk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * IapHeatMapView::activate-cell:
   * @likelihood: the cell's level of likelihood, from 1
   * @impact: its level of impact, from 1
   *
   * Emitted on a click in a cell or on its "+N" badge, or Space on a
   * selected marker: show the risks of that cell.
   */
  signals[ACTIVATE_CELL] =
    g_signal_new ("activate-cell", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
iap_heat_map_view_init (IapHeatMapView *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  IapHeatMapStyle style;

  self->map = iap_heat_map_new (NULL);
  self->selected = -1;
  self->minimum_width = self->minimum_height = -1;
  iap_heat_map_style_init (&style);
  style.min_font_size = IAP_CHART_MIN_FONT;
  style.shrink_to_fit = TRUE;
  iap_heat_map_set_style (self->map, &style);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  self->history_signals = g_signal_group_new (IAP_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect_swapped (self, "state-flags-changed", G_CALLBACK (gtk_widget_queue_draw), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risk heat map"),
                                  -1);
}

/* Public API ------------------------------------------------------------- */

GtkWidget *
iap_heat_map_view_new (void)
{
  return g_object_new (IAP_TYPE_HEAT_MAP_VIEW, NULL);
}

IapWorkshop *
iap_heat_map_view_get_workshop (IapHeatMapView *self)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP_VIEW (self), NULL);

  return self->workshop;
}

void
iap_heat_map_view_set_workshop (IapHeatMapView *self,
                                IapWorkshop    *workshop)
{
  g_return_if_fail (IAP_IS_HEAT_MAP_VIEW (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->history_signals,
                             workshop != NULL ? iap_workshop_get_history (workshop) : NULL);
  iap_heat_map_set_workshop (self->map, workshop);
  iap_heat_map_view_set_selected (self, -1);
  on_history_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}

IapHeatMapMode
iap_heat_map_view_get_mode (IapHeatMapView *self)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP_VIEW (self), IAP_HEAT_MAP_INHERENT);

  return iap_heat_map_get_mode (self->map);
}

void
iap_heat_map_view_set_mode (IapHeatMapView *self,
                            IapHeatMapMode  mode)
{
  g_return_if_fail (IAP_IS_HEAT_MAP_VIEW (self));

  if (iap_heat_map_get_mode (self->map) == mode)
    return;

  iap_heat_map_set_mode (self->map, mode);
  on_history_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

int
iap_heat_map_view_get_selected (IapHeatMapView *self)
{
  g_return_val_if_fail (IAP_IS_HEAT_MAP_VIEW (self), -1);

  return self->selected;
}

/**
 * iap_heat_map_view_set_selected:
 * @risk: the position of the risk in the register, from 0, or -1
 */
void
iap_heat_map_view_set_selected (IapHeatMapView *self,
                                int             risk)
{
  g_return_if_fail (IAP_IS_HEAT_MAP_VIEW (self));

  risk = MAX (risk, -1);
  if (self->selected == risk)
    return;

  self->selected = risk;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * iap_heat_map_view_fits:
 *
 * Returns: whether the map, given @width x @height, would hold every
 *   heading and marker at its text size: a window asks before it takes
 *   room from the map
 */
gboolean
iap_heat_map_view_fits (IapHeatMapView *self,
                        int             width,
                        int             height)
{
  cairo_surface_t *metrics;
  cairo_t *cr;
  gboolean fits;

  g_return_val_if_fail (IAP_IS_HEAT_MAP_VIEW (self), FALSE);

  metrics = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (metrics);
  fits = iap_heat_map_fits (self->map, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (metrics);

  return fits;
}

/**
 * iap_heat_map_view_set_room_font:
 * @size: the room's font size in pixels (iap_chart_get_room_font() of
 *   the screen's height), or 0 for the window's layout
 *
 * Lays the map out for a room (docs/charts.md): no text smaller than
 * @size, fewer words where they do not fit. Shown full screen, the map
 * takes the space it is given rather than asking for its text's.
 */
void
iap_heat_map_view_set_room_font (IapHeatMapView *self,
                                 double          size)
{
  IapHeatMapStyle style;
  gboolean room = size > 0;

  g_return_if_fail (IAP_IS_HEAT_MAP_VIEW (self));

  style = *iap_heat_map_get_style (self->map);
  size = MAX (size, IAP_CHART_MIN_FONT);
  if (style.min_font_size == size && style.room == room)
    return;
  style.min_font_size = size;
  style.room = room;
  iap_heat_map_set_style (self->map, &style);
  queue_minimum (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
