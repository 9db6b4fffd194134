/* escale-marker-layer.c — partners drawn on the map, clustered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "escale-followup-util.h"
#include "escale-map-projection.h"
#include "escale-marker-layer.h"

#define MAX_TOOLTIP_NAMES 8

struct _EscaleMarkerLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *points;         /* EscaleMapPoint */
  GPtrArray    *clusters;       /* EscaleMapClusters by zoom level, computed on demand */
  GPtrArray    *themes;         /* char *: the points' distinct theme codes */
  guint        *point_theme;    /* per point: its index in themes */
  GArray       *colours;        /* GdkRGBA per theme; empty when the style changed */
  GPtrArray    *pictures;       /* by zoom level: GPtrArray of GdkTexture per cluster */
  GPtrArray    *discs;          /* GdkTexture per theme: single markers */
};

G_DEFINE_FINAL_TYPE (EscaleMarkerLayer, escale_marker_layer, SHUMATE_TYPE_LAYER)

static void
free_texture (gpointer texture)
{
  g_clear_object (&texture);
}

static void
free_pictures (gpointer pictures)
{
  if (pictures != NULL)
    g_ptr_array_unref (pictures);
}

/* The view's zoom level and centre, and the widget's size. */
static void
get_view (EscaleMarkerLayer *self,
          EscaleMapView     *view,
          double            *rotation)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  view->latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  view->longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  view->zoom = shumate_viewport_get_zoom_level (viewport);
  view->width = gtk_widget_get_width (GTK_WIDGET (self));
  view->height = gtk_widget_get_height (GTK_WIDGET (self));
  *rotation = shumate_viewport_get_rotation (viewport);
}

static void
index_themes (EscaleMarkerLayer *self)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_set_size (self->themes, 0);
  g_array_set_size (self->colours, 0);
  g_clear_pointer (&self->point_theme, g_free);
  self->point_theme = g_new0 (guint, MAX (self->points->len, 1));
  for (guint i = 0; i < self->points->len; i++)
    {
      const EscaleMapPoint *point = g_ptr_array_index (self->points, i);
      const char *theme = point->theme ?: "";
      gpointer found;

      if (!g_hash_table_lookup_extended (index, theme, NULL, &found))
        {
          found = GUINT_TO_POINTER (self->themes->len);
          g_ptr_array_add (self->themes, g_strdup (theme));
          g_hash_table_insert (index, g_ptr_array_index (self->themes, self->themes->len - 1),
                               found);
        }
      self->point_theme[i] = GPOINTER_TO_UINT (found);
    }
}

/* The themes' colours, from style.css (@theme_housing…), as their CSS classes say. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
resolve_colours (EscaleMarkerLayer *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  g_array_set_size (self->colours, self->themes->len);
  for (guint i = 0; i < self->themes->len; i++)
    {
      const char *css_class = escale_theme_css_class (g_ptr_array_index (self->themes, i));
      g_autofree char *name = g_strdup (css_class);
      GdkRGBA *colour = &g_array_index (self->colours, GdkRGBA, i);

      g_strdelimit (name, "-", '_');
      if (!gtk_style_context_lookup_color (context, name, colour))
        *colour = (GdkRGBA) { 0.47, 0.46, 0.48, 1 };
    }
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
draw_disc (cairo_t       *cr,
           double         x,
           double         y,
           double         radius,
           const GdkRGBA *colour)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

/* A ring of the members' themes, their count in the middle. */
static void
draw_cluster (EscaleMarkerLayer       *self,
              cairo_t                 *cr,
              const EscaleMapClusters *clusters,
              const EscaleMapCluster  *cluster,
              double                   x,
              double                   y,
              guint                   *counts)
{
  double radius = escale_map_cluster_radius (cluster->n_members), angle = -G_PI / 2;
  char text[16];
  cairo_text_extents_t extents;

  memset (counts, 0, sizeof (guint) * self->themes->len);
  for (guint i = 0; i < cluster->n_members; i++)
    counts[self->point_theme[escale_map_clusters_member (clusters, cluster, i)]]++;
  for (guint t = 0; t < self->themes->len; t++)
    {
      double sweep = 2 * G_PI * counts[t] / cluster->n_members;

      if (counts[t] == 0)
        continue;
      cairo_new_path (cr);
      cairo_move_to (cr, x, y);
      cairo_arc (cr, x, y, radius, angle, angle + sweep);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, &g_array_index (self->colours, GdkRGBA, t));
      cairo_fill (cr);
      angle += sweep;
    }
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_arc (cr, x, y, radius * 0.62, 0, 2 * G_PI);
  cairo_fill (cr);

  g_snprintf (text, sizeof text, "%u", cluster->n_members);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, cluster->n_members >= 100 ? 9 : 11);
  cairo_text_extents (cr, text, &extents);
  cairo_move_to (cr, x - extents.x_bearing - extents.width / 2,
                 y - extents.y_bearing - extents.height / 2);
  cairo_set_source_rgb (cr, 0.14, 0.14, 0.16);
  cairo_show_text (cr, text);
}

typedef void (*DrawFunc) (EscaleMarkerLayer       *self,
                          cairo_t                 *cr,
                          const EscaleMapClusters *clusters,
                          const EscaleMapCluster  *cluster,
                          double                   radius);

static void
draw_single (EscaleMarkerLayer       *self,
             cairo_t                 *cr,
             const EscaleMapClusters *clusters,
             const EscaleMapCluster  *cluster,
             double                   radius)
{
  guint theme = self->point_theme[escale_map_clusters_member (clusters, cluster, 0)];

  draw_disc (cr, radius, radius, radius - 2, &g_array_index (self->colours, GdkRGBA, theme));
}

static void
draw_group (EscaleMarkerLayer       *self,
            cairo_t                 *cr,
            const EscaleMapClusters *clusters,
            const EscaleMapCluster  *cluster,
            double                   radius)
{
  g_autofree guint *counts = g_new (guint, MAX (self->themes->len, 1));

  draw_cluster (self, cr, clusters, cluster, radius, radius, counts);
}

/* A marker drawn once into a texture (at the screen's scale), then only
 * composited while the map moves. */
static GdkTexture *
draw_picture (EscaleMarkerLayer       *self,
              const EscaleMapClusters *clusters,
              const EscaleMapCluster  *cluster,
              double                   radius,
              DrawFunc                 draw)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int size = (int) ceil (2 * radius) * scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_scale (cr, scale, scale);
  draw (self, cr, clusters, cluster, radius);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * size);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static GdkTexture *
get_picture (EscaleMarkerLayer       *self,
             const EscaleMapClusters *clusters,
             guint                    index,
             double                   radius)
{
  const EscaleMapCluster *cluster = &g_array_index (clusters->clusters, EscaleMapCluster, index);
  GPtrArray *cache;
  guint slot = index;

  if (cluster->n_members == 1)
    {
      /* Single markers look alike by theme: one picture each. */
      cache = self->discs;
      slot = self->point_theme[escale_map_clusters_member (clusters, cluster, 0)];
    }
  else
    {
      if ((guint) clusters->zoom >= self->pictures->len)
        g_ptr_array_set_size (self->pictures, clusters->zoom + 1);
      cache = g_ptr_array_index (self->pictures, clusters->zoom);
      if (cache == NULL)
        {
          cache = g_ptr_array_new_with_free_func (free_texture);
          g_ptr_array_index (self->pictures, clusters->zoom) = cache;
        }
    }
  if (cache->len <= slot)
    g_ptr_array_set_size (cache, slot + 1);
  if (g_ptr_array_index (cache, slot) == NULL)
    g_ptr_array_index (cache, slot) =
      draw_picture (self, clusters, cluster, radius,
                    cluster->n_members == 1 ? draw_single : draw_group);
  return g_ptr_array_index (cache, slot);
}

static void
clear_pictures (EscaleMarkerLayer *self)
{
  g_ptr_array_set_size (self->pictures, 0);
  g_ptr_array_set_size (self->discs, 0);
}

/* Each visible marker is a small texture, drawn once per zoom level: a frame
 * composites them, it does not draw them again. */
static void
snapshot_markers (EscaleMarkerLayer *self,
                  GtkSnapshot       *snapshot)
{
  double scale, width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  const EscaleMapClusters *clusters = escale_marker_layer_get_clusters (self, &scale);

  if (self->colours->len != self->themes->len)
    resolve_colours (self);
  for (guint i = 0; i < clusters->clusters->len; i++)
    {
      const EscaleMapCluster *cluster = &g_array_index (clusters->clusters, EscaleMapCluster, i);
      double radius = escale_map_cluster_radius (cluster->n_members) + 2, x, y;

      escale_marker_layer_to_widget (self, clusters, cluster->x, cluster->y, &x, &y);
      if (x < -radius || y < -radius || x > width + radius || y > height + radius)
        continue;
      radius = ceil (radius);
      /* Whole pixels: the picture is not resampled. */
      gtk_snapshot_append_texture (snapshot, get_picture (self, clusters, i, radius),
                                   &GRAPHENE_RECT_INIT (round (x) - radius, round (y) - radius,
                                                        2 * radius, 2 * radius));
    }
}

static void
clear_clusters (EscaleMarkerLayer *self)
{
  g_ptr_array_set_size (self->clusters, 0);
  clear_pictures (self);
}

static void
on_viewport_notify_cb (EscaleMarkerLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip_cb (EscaleMarkerLayer *self,
                     int                x,
                     int                y,
                     gboolean           keyboard,
                     GtkTooltip        *tooltip)
{
  const EscaleMapCluster *cluster = escale_marker_layer_cluster_at (self, x, y);
  const EscaleMapClusters *clusters = escale_marker_layer_get_clusters (self, NULL);
  g_autoptr(GString) text = NULL;

  if (keyboard || cluster == NULL)
    return FALSE;
  text = g_string_new (NULL);
  if (cluster->n_members > 1)
    /* Translators: the tooltip of a group of partners' markers on the map. */
    g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u partner", "%u partners",
                                        cluster->n_members), cluster->n_members);
  for (guint i = 0; i < MIN (cluster->n_members, MAX_TOOLTIP_NAMES); i++)
    {
      const EscaleMapPoint *point =
        g_ptr_array_index (self->points, escale_map_clusters_member (clusters, cluster, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, point->name ?: "");
    }
  if (cluster->n_members > MAX_TOOLTIP_NAMES)
    g_string_append (text, "\n…");
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
escale_marker_layer_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  EscaleMarkerLayer *self = ESCALE_MARKER_LAYER (widget);

  if (self->points->len > 0)
    snapshot_markers (self, snapshot);
}

static void
escale_marker_layer_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  EscaleMarkerLayer *self = ESCALE_MARKER_LAYER (widget);

  GTK_WIDGET_CLASS (escale_marker_layer_parent_class)->css_changed (widget, change);
  g_array_set_size (self->colours, 0);
  clear_pictures (self);
  gtk_widget_queue_draw (widget);
}

static void
escale_marker_layer_constructed (GObject *object)
{
  EscaleMarkerLayer *self = ESCALE_MARKER_LAYER (object);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  G_OBJECT_CLASS (escale_marker_layer_parent_class)->constructed (object);
  g_signal_connect_object (viewport, "notify", G_CALLBACK (on_viewport_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
escale_marker_layer_finalize (GObject *object)
{
  EscaleMarkerLayer *self = ESCALE_MARKER_LAYER (object);

  g_ptr_array_unref (self->points);
  g_ptr_array_unref (self->clusters);
  g_ptr_array_unref (self->themes);
  g_array_unref (self->colours);
  g_ptr_array_unref (self->pictures);
  g_ptr_array_unref (self->discs);
  g_free (self->point_theme);
  G_OBJECT_CLASS (escale_marker_layer_parent_class)->finalize (object);
}

static void
escale_marker_layer_class_init (EscaleMarkerLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_marker_layer_constructed;
  object_class->finalize = escale_marker_layer_finalize;
  widget_class->snapshot = escale_marker_layer_snapshot;
  widget_class->css_changed = escale_marker_layer_css_changed;
}

static void
escale_marker_layer_init (EscaleMarkerLayer *self)
{
  self->points = g_ptr_array_new ();
  self->clusters = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_map_clusters_free);
  self->themes = g_ptr_array_new_with_free_func (g_free);
  self->colours = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  self->pictures = g_ptr_array_new_with_free_func (free_pictures);
  self->discs = g_ptr_array_new_with_free_func (free_texture);
  self->point_theme = g_new0 (guint, 1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
}

/* Public API */

EscaleMarkerLayer *
escale_marker_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (ESCALE_TYPE_MARKER_LAYER, "viewport", viewport, NULL);
}

void
escale_marker_layer_set_points (EscaleMarkerLayer *self,
                                GPtrArray         *points)
{
  g_return_if_fail (ESCALE_IS_MARKER_LAYER (self));

  g_ptr_array_unref (self->points);
  self->points = points != NULL ? g_ptr_array_ref (points) : g_ptr_array_new ();
  clear_clusters (self);
  index_themes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GPtrArray *
escale_marker_layer_get_points (EscaleMarkerLayer *self)
{
  g_return_val_if_fail (ESCALE_IS_MARKER_LAYER (self), NULL);

  return self->points;
}

const EscaleMapClusters *
escale_marker_layer_get_clusters (EscaleMarkerLayer *self,
                                  double            *scale)
{
  ShumateViewport *viewport;
  double zoom;
  int level;

  g_return_val_if_fail (ESCALE_IS_MARKER_LAYER (self), NULL);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  zoom = shumate_viewport_get_zoom_level (viewport);
  level = CLAMP ((int) round (zoom), 0, 30);
  if (scale != NULL)
    *scale = exp2 (zoom - level);
  if ((guint) level >= self->clusters->len)
    g_ptr_array_set_size (self->clusters, level + 1);
  if (g_ptr_array_index (self->clusters, level) == NULL)
    g_ptr_array_index (self->clusters, level) =
      escale_map_clusters_compute (self->points, level, ESCALE_MARKER_CLUSTER_DISTANCE);
  return g_ptr_array_index (self->clusters, level);
}

void
escale_marker_layer_to_widget (EscaleMarkerLayer       *self,
                               const EscaleMapClusters *clusters,
                               double                   world_x,
                               double                   world_y,
                               double                  *x,
                               double                  *y)
{
  EscaleMapView view;
  double rotation, cx, cy, dx, dy, scale;

  g_return_if_fail (ESCALE_IS_MARKER_LAYER (self));

  get_view (self, &view, &rotation);
  scale = exp2 (view.zoom - clusters->zoom);
  escale_map_project (view.latitude, view.longitude, clusters->zoom, &cx, &cy);
  dx = (world_x - cx) * scale;
  dy = (world_y - cy) * scale;
  /* As libshumate turns the map: around the widget's centre. */
  *x = cos (rotation) * dx - sin (rotation) * dy + view.width / 2;
  *y = sin (rotation) * dx + cos (rotation) * dy + view.height / 2;
}

const EscaleMapCluster *
escale_marker_layer_cluster_at (EscaleMarkerLayer *self,
                                double             x,
                                double             y)
{
  const EscaleMapClusters *clusters;
  EscaleMapView view;
  double rotation, scale, cx, cy, dx, dy;
  int hit;

  g_return_val_if_fail (ESCALE_IS_MARKER_LAYER (self), NULL);

  clusters = escale_marker_layer_get_clusters (self, &scale);
  get_view (self, &view, &rotation);
  escale_map_project (view.latitude, view.longitude, clusters->zoom, &cx, &cy);
  dx = x - view.width / 2;
  dy = y - view.height / 2;
  hit = escale_map_clusters_hit (clusters,
                                 cx + (cos (rotation) * dx + sin (rotation) * dy) / scale,
                                 cy + (-sin (rotation) * dx + cos (rotation) * dy) / scale,
                                 scale);
  return hit >= 0 ? &g_array_index (clusters->clusters, EscaleMapCluster, hit) : NULL;
}
