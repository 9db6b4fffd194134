/* escale-basemap.c — the offline base layer: outlines and town names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "escale-basemap.h"
#include "escale-basemap-data.h"
#include "escale-map-projection.h"

#define LABEL_FONT "Sans"
#define LABEL_SIZE 11.0
#define TOWN_DOT 2.5
/* Outlines are drawn from this zoom level at full resolution. */
#define DETAIL_ZOOM 4

typedef struct
{
  double r, g, b, a;
} Colour;

/* A calm palette: the markers, in the themes' colours, must stand out. */
static const Colour sea = { 0.80, 0.87, 0.93, 1 };
static const Colour land = { 0.95, 0.94, 0.91, 1 };
static const Colour regions = { 0.99, 0.98, 0.96, 1 };
static const Colour coast = { 0.50, 0.62, 0.74, 1 };
static const Colour border = { 0.55, 0.50, 0.58, 1 };
static const Colour region_border = { 0.74, 0.70, 0.74, 1 };
static const Colour town = { 0.25, 0.25, 0.28, 1 };
static const Colour halo = { 1, 1, 1, 0.85 };

/* A town label placed at a zoom level, in world pixels. */
typedef struct
{
  const EscaleTown *town;
  double            x0, y0, x1, y1;  /* the label's box, dot included */
  gboolean          bold;
} Label;

struct _EscaleBasemap
{
  ShumateMapSource         parent_instance;

  const EscaleBasemapData *data;
  GMutex                   labels_lock;
  GPtrArray               *labels;  /* GArray of Label by zoom level, built on demand */
};

G_DEFINE_FINAL_TYPE (EscaleBasemap, escale_basemap, SHUMATE_TYPE_MAP_SOURCE)

static void
set_colour (cairo_t      *cr,
            const Colour *colour)
{
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, colour->a);
}

/* The least population of the towns labelled at @zoom. */
static guint
min_population (guint zoom)
{
  static const guint by_zoom[] = { 5000000, 5000000, 2000000, 1000000, 500000, 150000, 60000,
                                   25000 };

  return zoom < G_N_ELEMENTS (by_zoom) ? by_zoom[zoom] : 0;
}

static void
free_labels (gpointer labels)
{
  if (labels != NULL)
    g_array_unref (labels);
}

static gboolean
overlaps (const Label *a,
          const Label *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static void
label_font (cairo_t  *cr,
            gboolean  bold)
{
  cairo_select_font_face (cr, LABEL_FONT, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, LABEL_SIZE);
}

/* Which towns get a label at @zoom: the largest first, none over another.
 * Computed for the whole world at once, so neighbouring tiles agree. */
static GArray *
place_labels (EscaleBasemap *self,
              guint          zoom)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (Label));
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  double size = escale_map_world_size (zoom);
  guint least = min_population (zoom);

  for (guint i = 0; i < self->data->towns->len; i++)
    {
      const EscaleTown *t = &g_array_index (self->data->towns, EscaleTown, i);
      cairo_text_extents_t extents;
      Label label = { t, 0, 0, 0, 0, t->population >= 200000 };
      gboolean free_place = TRUE;

      if (t->population < least)
        break;
      label_font (cr, label.bold);
      cairo_text_extents (cr, t->name, &extents);
      label.x0 = t->x * size - TOWN_DOT - 1;
      label.x1 = t->x * size + TOWN_DOT + 3 + extents.x_advance + 2;
      label.y0 = t->y * size - LABEL_SIZE / 2 - 2;
      label.y1 = t->y * size + LABEL_SIZE / 2 + 2;
      for (guint j = 0; j < labels->len && free_place; j++)
        free_place = !overlaps (&label, &g_array_index (labels, Label, j));
      if (free_place)
        g_array_append_val (labels, label);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return labels;
}

static GArray *
get_labels (EscaleBasemap *self,
            guint          zoom)
{
  GArray *labels;

  g_mutex_lock (&self->labels_lock);
  if (self->labels->len <= zoom)
    g_ptr_array_set_size (self->labels, zoom + 1);
  labels = g_ptr_array_index (self->labels, zoom);
  if (labels == NULL)
    {
      labels = place_labels (self, zoom);
      g_ptr_array_index (self->labels, zoom) = labels;
    }
  g_mutex_unlock (&self->labels_lock);
  return labels;
}

/* Adds the rings of @layer that cross the tile to the path; @cr's user
 * space is world pixels at @size. Points closer than half a pixel to the
 * previous one are skipped: at small zoom levels most are. */
static void
path_layer (cairo_t                  *cr,
            const EscaleOutlineLayer *layer,
            const EscaleGeoBox       *tile,
            double                    size,
            gboolean                  closed)
{
  for (guint r = 0; r < layer->n_rings; r++)
    {
      const EscaleGeoBox *box = &layer->ring_box[r];
      double last_x = -1, last_y = -1;

      if (box->x1 < tile->x0 || box->x0 > tile->x1 || box->y1 < tile->y0 || box->y0 > tile->y1)
        continue;
      for (guint32 i = layer->ring_start[r]; i < layer->ring_start[r + 1]; i++)
        {
          double x = layer->points[2 * i] * size, y = layer->points[2 * i + 1] * size;

          if (i == layer->ring_start[r])
            cairo_move_to (cr, x, y);
          else if (fabs (x - last_x) >= 0.5 || fabs (y - last_y) >= 0.5 ||
                   i + 1 == layer->ring_start[r + 1])
            cairo_line_to (cr, x, y);
          else
            continue;
          last_x = x;
          last_y = y;
        }
      if (closed)
        cairo_close_path (cr);
    }
}

static void
draw_polygons (cairo_t                  *cr,
               const EscaleOutlineLayer *layer,
               const EscaleGeoBox       *tile,
               double                    size,
               const Colour             *fill,
               const Colour             *stroke,
               double                    width)
{
  cairo_new_path (cr);
  path_layer (cr, layer, tile, size, TRUE);
  set_colour (cr, fill);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_fill_preserve (cr);
  set_colour (cr, stroke);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
draw_lines (cairo_t                  *cr,
            const EscaleOutlineLayer *layer,
            const EscaleGeoBox       *tile,
            double                    size,
            const Colour             *stroke,
            double                    width)
{
  cairo_new_path (cr);
  path_layer (cr, layer, tile, size, FALSE);
  set_colour (cr, stroke);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
draw_labels (cairo_t      *cr,
             GArray       *labels,
             double        x0,
             double        y0,
             double        x1,
             double        y1,
             double        size)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const Label *label = &g_array_index (labels, Label, i);
      double x = label->town->x * size, y = label->town->y * size;

      if (label->x1 < x0 || label->x0 > x1 || label->y1 < y0 || label->y0 > y1)
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, x, y, TOWN_DOT, 0, 2 * G_PI);
      set_colour (cr, &halo);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke_preserve (cr);
      set_colour (cr, &town);
      cairo_fill (cr);

      label_font (cr, label->bold);
      cairo_move_to (cr, x + TOWN_DOT + 3, y + LABEL_SIZE * 0.35);
      cairo_text_path (cr, label->town->name);
      set_colour (cr, &halo);
      cairo_set_line_width (cr, 3);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke_preserve (cr);
      set_colour (cr, &town);
      cairo_fill (cr);
    }
}

static void
draw_tile_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  G_GNUC_UNUSED GCancellable *cancellable)
{
  ShumateTile *tile = task_data;
  guint size = shumate_tile_get_size (tile);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  escale_basemap_draw_tile (source, cr, shumate_tile_get_x (tile), shumate_tile_get_y (tile),
                            shumate_tile_get_zoom_level (tile), size);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* Cairo's ARGB32 is GDK_MEMORY_DEFAULT (premultiplied, native order). */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * size);
  g_task_return_pointer (task,
                         gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                                 cairo_image_surface_get_stride (surface)),
                         g_object_unref);
  cairo_surface_destroy (surface);
}

/* Back in the main thread: the tile gets its picture, libshumate its answer. */
static void
on_tile_drawn_cb (G_GNUC_UNUSED GObject *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);
  ShumateTile *tile = g_task_get_task_data (G_TASK (result));

  if (texture == NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (outer, TRUE);
}

static void
escale_basemap_fill_tile_async (ShumateMapSource    *source,
                                ShumateTile         *tile,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *outer = g_task_new (source, cancellable, callback, user_data);
  g_autoptr(GTask) inner = g_task_new (source, cancellable, on_tile_drawn_cb, outer);

  g_task_set_source_tag (outer, escale_basemap_fill_tile_async);
  g_task_set_task_data (inner, g_object_ref (tile), g_object_unref);
  g_task_run_in_thread (inner, draw_tile_thread);
}

static gboolean
escale_basemap_fill_tile_finish (ShumateMapSource  *source,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Not in init: ShumateMapSource's construct properties would reset these. */
static void
escale_basemap_constructed (GObject *object)
{
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (object);

  G_OBJECT_CLASS (escale_basemap_parent_class)->constructed (object);
  shumate_map_source_set_id (source, "escale-basemap");
  /* Translators: the name of the map drawn by Escale itself, without the internet. */
  shumate_map_source_set_name (source, _("Offline map"));
  /* Translators: the map's credits, shown in a corner of the map. */
  shumate_map_source_set_license (source, _("Natural Earth (public domain) · GeoNames (CC BY 4.0)"));
  shumate_map_source_set_license_uri (source, "https://www.naturalearthdata.com/");
  shumate_map_source_set_min_zoom_level (source, ESCALE_BASEMAP_MIN_ZOOM);
  shumate_map_source_set_max_zoom_level (source, ESCALE_BASEMAP_MAX_ZOOM);
  shumate_map_source_set_tile_size (source, ESCALE_MAP_TILE_SIZE);
  shumate_map_source_set_projection (source, SHUMATE_MAP_PROJECTION_MERCATOR);
}

static void
escale_basemap_finalize (GObject *object)
{
  EscaleBasemap *self = ESCALE_BASEMAP (object);

  g_ptr_array_unref (self->labels);
  g_mutex_clear (&self->labels_lock);
  G_OBJECT_CLASS (escale_basemap_parent_class)->finalize (object);
}

static void
escale_basemap_class_init (EscaleBasemapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->constructed = escale_basemap_constructed;
  object_class->finalize = escale_basemap_finalize;
  source_class->fill_tile_async = escale_basemap_fill_tile_async;
  source_class->fill_tile_finish = escale_basemap_fill_tile_finish;
}

static void
escale_basemap_init (EscaleBasemap *self)
{
  self->data = escale_basemap_data_get ();
  g_mutex_init (&self->labels_lock);
  self->labels = g_ptr_array_new_with_free_func (free_labels);
}

/* Public API */

EscaleBasemap *
escale_basemap_new (void)
{
  return g_object_new (ESCALE_TYPE_BASEMAP, NULL);
}

void
escale_basemap_draw_tile (EscaleBasemap *self,
                          cairo_t       *cr,
                          guint          x,
                          guint          y,
                          guint          zoom,
                          guint          size)
{
  const EscaleOutlineLayer *layers;
  double world = (double) size * exp2 (zoom);
  /* The tile in [0, 1] units, with a margin for strokes. */
  double margin = 4.0 / world;
  EscaleGeoBox box = { (float) (x * (double) size / world - margin),
                       (float) (y * (double) size / world - margin),
                       (float) ((x + 1) * (double) size / world + margin),
                       (float) ((y + 1) * (double) size / world + margin) };

  g_return_if_fail (ESCALE_IS_BASEMAP (self));

  layers = self->data->layers;
  cairo_save (cr);
  set_colour (cr, &sea);
  cairo_paint (cr);
  cairo_translate (cr, -(double) x * size, -(double) y * size);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (zoom < DETAIL_ZOOM)
    draw_polygons (cr, &layers[ESCALE_OUTLINE_LAND_LOW], &box, world, &land, &coast, 0.6);
  else
    draw_polygons (cr, &layers[ESCALE_OUTLINE_LAND], &box, world, &land, &coast, 0.8);
  if (zoom >= DETAIL_ZOOM)
    draw_polygons (cr, &layers[ESCALE_OUTLINE_REGIONS], &box, world, &regions, &region_border,
                   zoom >= 7 ? 0.9 : 0.6);
  draw_lines (cr, &layers[ESCALE_OUTLINE_BORDERS], &box, world, &border, zoom >= 6 ? 1.4 : 1.0);
  draw_labels (cr, get_labels (self, zoom), (double) x * size - 2, (double) y * size - 2,
               (double) (x + 1) * size + 2, (double) (y + 1) * size + 2, world);
  cairo_restore (cr);
}
