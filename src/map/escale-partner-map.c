/* escale-partner-map.c — the partners' map: offline base layer, markers, legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "escale-application.h"
#include "escale-basemap.h"
#include "escale-map-base.h"
#include "escale-map-legend.h"
#include "escale-map-projection.h"
#include "escale-marker-layer.h"
#include "escale-partner-map.h"

/* What the map shows first: mainland France and Belgium. */
#define HOME_MIN_LAT 41.3
#define HOME_MAX_LAT 51.6
#define HOME_MIN_LON -5.0
#define HOME_MAX_LON 9.6
#define MAX_POPOVER_NAMES 30

struct _EscalePartnerMap
{
  GtkWidget          parent_instance;

  GtkWidget         *overlay;
  ShumateSimpleMap  *map;
  EscaleMarkerLayer *markers;
  GtkWidget         *legend;
  GtkWidget         *popover;
  EscaleMapBase     *base;
  ShumateMapSource  *custom;        /* set_base_layer's, nullable */
  ShumateMapSource  *cached_source;
  ShumateMapLayer   *cached_layer;  /* its tiles kept on disk, while offline; owned by the map */
  gboolean           view_set;  /* by center_on or the first allocation */
};

G_DEFINE_FINAL_TYPE (EscalePartnerMap, escale_partner_map, GTK_TYPE_WIDGET)

enum {
  PARTNER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ShumateMap *
get_map (EscalePartnerMap *self)
{
  return shumate_simple_map_get_map (self->map);
}

/* The zoom levels of the base layer shown. */
static double
min_zoom (EscalePartnerMap *self)
{
  return shumate_map_source_get_min_zoom_level (shumate_simple_map_get_map_source (self->map));
}

static double
max_zoom (EscalePartnerMap *self)
{
  return shumate_map_source_get_max_zoom_level (shumate_simple_map_get_map_source (self->map));
}

static void
set_cached_layer (EscalePartnerMap *self,
                  ShumateMapSource *source)
{
  ShumateLicense *license = shumate_simple_map_get_license (self->map);

  if (self->cached_source == source)
    return;
  if (self->cached_layer != NULL)
    {
      shumate_map_remove_layer (get_map (self), SHUMATE_LAYER (self->cached_layer));
      shumate_license_remove_map_source (license, self->cached_source);
      self->cached_layer = NULL;
    }
  g_set_object (&self->cached_source, source);
  if (source == NULL)
    return;
  /* Between the base layer and the markers; tiles not on disk stay clear. */
  self->cached_layer = shumate_map_layer_new (source, escale_partner_map_get_viewport (self));
  shumate_map_insert_layer_behind (get_map (self), SHUMATE_LAYER (self->cached_layer),
                                   SHUMATE_LAYER (self->markers));
  shumate_license_append_map_source (license, source);
}

static void
apply_base (EscalePartnerMap *self)
{
  if (self->custom != NULL)
    {
      shumate_simple_map_set_map_source (self->map, self->custom);
      set_cached_layer (self, NULL);
      return;
    }
  shumate_simple_map_set_map_source (self->map, escale_map_base_get_source (self->base));
  set_cached_layer (self, escale_map_base_get_cached_source (self->base));
}

/* France and Belgium in the view, beside the legend. */
static void
go_home (EscalePartnerMap *self,
         int               width,
         int               height)
{
  int legend = 0;
  double zoom, x0, y0, x1, y1, lat, lon;

  if (gtk_widget_get_visible (self->legend))
    {
      gtk_widget_measure (self->legend, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &legend, NULL, NULL);
      legend += 12;
    }
  zoom = escale_map_zoom_to_fit (HOME_MIN_LAT, HOME_MIN_LON, HOME_MAX_LAT, HOME_MAX_LON,
                                 width - legend, height, 12, ESCALE_BASEMAP_MAX_ZOOM);
  zoom = MAX (zoom, MAX (ESCALE_BASEMAP_MIN_ZOOM, min_zoom (self)));
  escale_map_project (HOME_MAX_LAT, HOME_MIN_LON, zoom, &x0, &y0);
  escale_map_project (HOME_MIN_LAT, HOME_MAX_LON, zoom, &x1, &y1);
  /* The box's middle, moved away from the legend by half its width (the
   * legend is on the left, on the right in right-to-left languages). */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    legend = -legend;
  escale_map_unproject ((x0 + x1 - legend) / 2, (y0 + y1) / 2, zoom, &lat, &lon);
  shumate_viewport_set_zoom_level (escale_partner_map_get_viewport (self), zoom);
  shumate_map_center_on (get_map (self), lat, lon);
}

static const EscaleMapPoint *
member_point (EscalePartnerMap        *self,
              const EscaleMapClusters *clusters,
              const EscaleMapCluster  *cluster,
              guint                    i)
{
  GPtrArray *points = escale_marker_layer_get_points (self->markers);

  return g_ptr_array_index (points, escale_map_clusters_member (clusters, cluster, i));
}

static void
on_popover_button_clicked_cb (GtkButton        *button,
                              EscalePartnerMap *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "escale-partner-id");

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  g_signal_emit (self, signals[PARTNER_ACTIVATED], 0, id);
}

/* Partners at the same place: zooming would not part them, a list does. */
static void
show_members (EscalePartnerMap        *self,
              const EscaleMapClusters *clusters,
              const EscaleMapCluster  *cluster,
              double                   x,
              double                   y)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  for (guint i = 0; i < MIN (cluster->n_members, MAX_POPOVER_NAMES); i++)
    {
      const EscaleMapPoint *point = member_point (self, clusters, cluster, i);
      GtkWidget *button = gtk_button_new_with_label (point->name ?: "");
      gint64 *id = g_new (gint64, 1);

      *id = point->id;
      g_object_set_data_full (G_OBJECT (button), "escale-partner-id", id, g_free);
      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      g_signal_connect (button, "clicked", G_CALLBACK (on_popover_button_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_popover_set_child (GTK_POPOVER (self->popover), scrolled);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { (int) x - 1, (int) y - 1, 2, 2 });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* A group: zoom in until it parts, or list it when it never will. */
static void
open_cluster (EscalePartnerMap        *self,
              const EscaleMapClusters *clusters,
              const EscaleMapCluster  *cluster,
              double                   x,
              double                   y)
{
  double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180, zoom, current;

  for (guint i = 0; i < cluster->n_members; i++)
    {
      const EscaleMapPoint *point = member_point (self, clusters, cluster, i);

      min_lat = MIN (min_lat, point->latitude);
      max_lat = MAX (max_lat, point->latitude);
      min_lon = MIN (min_lon, point->longitude);
      max_lon = MAX (max_lon, point->longitude);
    }
  current = shumate_viewport_get_zoom_level (escale_partner_map_get_viewport (self));
  zoom = escale_map_zoom_to_fit (min_lat, min_lon, max_lat, max_lon,
                                 gtk_widget_get_width (GTK_WIDGET (self)),
                                 gtk_widget_get_height (GTK_WIDGET (self)), 48,
                                 max_zoom (self));
  if (current >= max_zoom (self) - 0.5 ||
      (max_lat - min_lat < 1e-4 && max_lon - min_lon < 1e-4))
    {
      show_members (self, clusters, cluster, x, y);
      return;
    }
  shumate_map_go_to_full (get_map (self), (min_lat + max_lat) / 2, (min_lon + max_lon) / 2,
                          MAX (zoom, MIN (current + 1, max_zoom (self))));
}

static void
on_click_pressed_cb (G_GNUC_UNUSED GtkGestureClick *gesture,
                     G_GNUC_UNUSED int              n_press,
                     G_GNUC_UNUSED double           x,
                     G_GNUC_UNUSED double           y,
                     EscalePartnerMap *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_click_released_cb (G_GNUC_UNUSED GtkGestureClick *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      EscalePartnerMap *self)
{
  const EscaleMapClusters *clusters;
  const EscaleMapCluster *cluster;
  double mx, my;

  if (n_press != 1)
    return;
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self), GTK_WIDGET (self->markers), x, y,
                                         &mx, &my))
    return;
  cluster = escale_marker_layer_cluster_at (self->markers, mx, my);
  if (cluster == NULL)
    return;
  clusters = escale_marker_layer_get_clusters (self->markers, NULL);
  if (cluster->n_members == 1)
    g_signal_emit (self, signals[PARTNER_ACTIVATED], 0,
                   member_point (self, clusters, cluster, 0)->id);
  else
    open_cluster (self, clusters, cluster, x, y);
}

static void
pan_activated (GtkWidget                *widget,
               G_GNUC_UNUSED const char *action_name,
               GVariant   *parameter)
{
  EscalePartnerMap *self = ESCALE_PARTNER_MAP (widget);
  ShumateViewport *viewport = escale_partner_map_get_viewport (self);
  double zoom = shumate_viewport_get_zoom_level (viewport), x, y, lat, lon;
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  escale_map_project (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                      shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), zoom, &x, &y);
  /* A quarter of the view per key press. */
  x += dx * MAX (gtk_widget_get_width (widget) / 4, 32);
  y += dy * MAX (gtk_widget_get_height (widget) / 4, 32);
  escale_map_unproject (x, y, zoom, &lat, &lon);
  shumate_map_center_on (get_map (self), lat, CLAMP (lon, -180, 180));
  self->view_set = TRUE;
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                G_GNUC_UNUSED GVariant *parameter)
{
  EscalePartnerMap *self = ESCALE_PARTNER_MAP (widget);
  ShumateViewport *viewport = escale_partner_map_get_viewport (self);
  double zoom = round (shumate_viewport_get_zoom_level (viewport));

  /* At once, by whole levels, around the centre. */
  zoom += g_str_equal (action_name, "map.zoom-in") ? 1 : -1;
  shumate_viewport_set_zoom_level (viewport, CLAMP (zoom, min_zoom (self), max_zoom (self)));
  self->view_set = TRUE;
}

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  static const struct { guint key; int dx, dy; } pans[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, 0, -1 }, { GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, 0, 1 }, { GDK_KEY_KP_Down, 0, 1 },
  };
  static const guint zoom_in[] = { GDK_KEY_plus, GDK_KEY_KP_Add, GDK_KEY_equal };
  static const guint zoom_out[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };

  for (guint i = 0; i < G_N_ELEMENTS (pans); i++)
    gtk_widget_class_add_binding_action (widget_class, pans[i].key, 0, "map.pan", "(ii)",
                                         pans[i].dx, pans[i].dy);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_in); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_in[i], 0, "map.zoom-in", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_out[i], 0, "map.zoom-out", NULL);
}

static void
escale_partner_map_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  EscalePartnerMap *self = ESCALE_PARTNER_MAP (widget);

  if (!self->view_set && width > 0 && height > 0)
    {
      self->view_set = TRUE;
      go_home (self, width, height);
    }
  gtk_widget_allocate (self->overlay, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
escale_partner_map_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  EscalePartnerMap *self = ESCALE_PARTNER_MAP (widget);

  gtk_widget_measure (self->overlay, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
escale_partner_map_dispose (GObject *object)
{
  EscalePartnerMap *self = ESCALE_PARTNER_MAP (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  if (self->base != NULL)
    g_signal_handlers_disconnect_by_data (self->base, self);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  self->cached_layer = NULL;
  g_clear_object (&self->cached_source);
  g_clear_object (&self->custom);
  g_clear_object (&self->base);
  G_OBJECT_CLASS (escale_partner_map_parent_class)->dispose (object);
}

static void
escale_partner_map_class_init (EscalePartnerMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_partner_map_dispose;
  widget_class->measure = escale_partner_map_measure;
  widget_class->size_allocate = escale_partner_map_size_allocate;

  /**
   * EscalePartnerMap::partner-activated:
   * @id: the partner's id, as its EscaleMapPoint gave it
   *
   * A partner's marker was clicked (or chosen among partners at one place).
   */
  signals[PARTNER_ACTIVATED] =
    g_signal_new ("partner-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "map.pan", "(ii)", pan_activated);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_activated);
  add_key_bindings (widget_class);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "escale-partner-map");
}

static void
escale_partner_map_init (EscalePartnerMap *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  g_autoptr(GSettings) settings = NULL;

  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
  self->map = shumate_simple_map_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->map));
  settings = escale_application_new_settings ();
  self->base = escale_map_base_new (settings);
  /* The base layer first: the layers after it are drawn over it. */
  shumate_simple_map_set_map_source (self->map, escale_map_base_get_source (self->base));
  self->markers = escale_marker_layer_new (escale_partner_map_get_viewport (self));
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->markers));
  g_signal_connect_swapped (self->base, "changed", G_CALLBACK (apply_base), self);
  apply_base (self);
  self->legend = escale_map_legend_new ();
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->legend);
  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 240, 200);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of the partners' map. */
                                  _("Map of the partners"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  /* Translators: how to move the map with the keyboard. */
                                  _("Arrow keys move the map, plus and minus zoom. "
                                    "Every partner is also in the list."),
                                  -1);
}

/* Public API */

GtkWidget *
escale_partner_map_new (void)
{
  return g_object_new (ESCALE_TYPE_PARTNER_MAP, NULL);
}

void
escale_partner_map_set_points (EscalePartnerMap *self,
                               GPtrArray        *points)
{
  g_return_if_fail (ESCALE_IS_PARTNER_MAP (self));

  escale_marker_layer_set_points (self->markers, points);
  escale_map_legend_update (self->legend, points);
}

GPtrArray *
escale_partner_map_get_points (EscalePartnerMap *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_MAP (self), NULL);

  return escale_marker_layer_get_points (self->markers);
}

void
escale_partner_map_center_on (EscalePartnerMap *self,
                              double            latitude,
                              double            longitude,
                              double            zoom)
{
  g_return_if_fail (ESCALE_IS_PARTNER_MAP (self));

  self->view_set = TRUE;
  shumate_viewport_set_zoom_level (escale_partner_map_get_viewport (self),
                                   CLAMP (zoom, min_zoom (self), max_zoom (self)));
  shumate_map_center_on (get_map (self), latitude, longitude);
}

void
escale_partner_map_set_base_layer (EscalePartnerMap *self,
                                   ShumateMapSource *source)
{
  g_return_if_fail (ESCALE_IS_PARTNER_MAP (self));
  g_return_if_fail (source == NULL || SHUMATE_IS_MAP_SOURCE (source));

  g_set_object (&self->custom, source);
  apply_base (self);
}

EscaleMapBaseKind
escale_partner_map_get_base_kind (EscalePartnerMap *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_MAP (self), ESCALE_MAP_BASE_OFFLINE);

  return self->custom != NULL ? ESCALE_MAP_BASE_CUSTOM : escale_map_base_get_kind (self->base);
}

ShumateMapSource *
escale_partner_map_get_cached_layer (EscalePartnerMap *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_MAP (self), NULL);

  return self->cached_source;
}

void
escale_partner_map_set_network_monitor (EscalePartnerMap *self,
                                        GNetworkMonitor  *monitor)
{
  g_return_if_fail (ESCALE_IS_PARTNER_MAP (self));

  escale_map_base_set_network_monitor (self->base, monitor);
}

gboolean
escale_partner_map_uses_network (EscalePartnerMap *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_MAP (self), FALSE);

  return escale_map_base_uses_network (self->base);
}

ShumateViewport *
escale_partner_map_get_viewport (EscalePartnerMap *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_MAP (self), NULL);

  return shumate_simple_map_get_viewport (self->map);
}

void
escale_partner_map_add_layer (EscalePartnerMap *self,
                              ShumateLayer     *layer)
{
  g_return_if_fail (ESCALE_IS_PARTNER_MAP (self));
  g_return_if_fail (SHUMATE_IS_LAYER (layer));

  shumate_simple_map_add_overlay_layer (self->map, layer);
}

gboolean
escale_partner_map_locate (EscalePartnerMap *self,
                           gint64            id,
                           double           *x,
                           double           *y)
{
  const EscaleMapClusters *clusters;
  GPtrArray *points;

  g_return_val_if_fail (ESCALE_IS_PARTNER_MAP (self), FALSE);

  points = escale_marker_layer_get_points (self->markers);
  clusters = escale_marker_layer_get_clusters (self->markers, NULL);
  for (guint c = 0; c < clusters->clusters->len; c++)
    {
      const EscaleMapCluster *cluster = &g_array_index (clusters->clusters, EscaleMapCluster, c);

      for (guint i = 0; i < cluster->n_members; i++)
        if (((EscaleMapPoint *) g_ptr_array_index (points, escale_map_clusters_member (
                clusters, cluster, i)))->id == id)
          {
            double mx, my;

            escale_marker_layer_to_widget (self->markers, clusters, cluster->x, cluster->y,
                                           &mx, &my);
            return gtk_widget_translate_coordinates (GTK_WIDGET (self->markers),
                                                     GTK_WIDGET (self), mx, my, x, y);
          }
    }
  return FALSE;
}
