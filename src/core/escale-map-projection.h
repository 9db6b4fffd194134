/* escale-map-projection.h — Web Mercator: latitude/longitude ↔ pixels
 *
 * The projection of libshumate and of every web map: at zoom level z the
 * world is a square of 256 × 2^z pixels, x growing eastwards from 180° W,
 * y southwards from 85.0511° N. Pure functions, no GTK: the map widget, its
 * base layer and the clustering of markers share them, and they are tested
 * headless.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESCALE_MAP_TILE_SIZE 256
/* Web Mercator stops at this latitude: the world becomes a square. */
#define ESCALE_MAP_MAX_LATITUDE 85.05112878

/* What a map widget shows: its centre, zoom level and size in pixels. */
typedef struct
{
  double latitude;
  double longitude;
  double zoom;
  double width;
  double height;
} EscaleMapView;

double escale_map_world_size        (double               zoom);
/* World pixels at @zoom; latitudes beyond ±ESCALE_MAP_MAX_LATITUDE are clamped. */
void   escale_map_project           (double               latitude,
                                     double               longitude,
                                     double               zoom,
                                     double              *x,
                                     double              *y);
void   escale_map_unproject         (double               x,
                                     double               y,
                                     double               zoom,
                                     double              *latitude,
                                     double              *longitude);
/* Between a place and a point of the view (0, 0 its top left corner). */
void   escale_map_view_to_screen    (const EscaleMapView *view,
                                     double               latitude,
                                     double               longitude,
                                     double              *x,
                                     double              *y);
void   escale_map_view_to_location  (const EscaleMapView *view,
                                     double               x,
                                     double               y,
                                     double              *latitude,
                                     double              *longitude);
/* The highest zoom level, at most @max_zoom, at which the box from
 * (@min_lat, @min_lon) to (@max_lat, @max_lon) fits in @width × @height
 * pixels less @margin on each side. */
double escale_map_zoom_to_fit       (double               min_lat,
                                     double               min_lon,
                                     double               max_lat,
                                     double               max_lon,
                                     double               width,
                                     double               height,
                                     double               margin,
                                     double               max_zoom);

G_END_DECLS
