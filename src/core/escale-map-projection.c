/* escale-map-projection.c — Web Mercator: latitude/longitude ↔ pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "escale-map-projection.h"

double
escale_map_world_size (double zoom)
{
  return ESCALE_MAP_TILE_SIZE * exp2 (zoom);
}

void
escale_map_project (double  latitude,
                    double  longitude,
                    double  zoom,
                    double *x,
                    double *y)
{
  double size = escale_map_world_size (zoom);
  double phi = CLAMP (latitude, -ESCALE_MAP_MAX_LATITUDE, ESCALE_MAP_MAX_LATITUDE) * G_PI / 180;

  *x = (longitude + 180) / 360 * size;
  *y = (1 - log (tan (phi) + 1 / cos (phi)) / G_PI) / 2 * size;
}

void
escale_map_unproject (double  x,
                      double  y,
                      double  zoom,
                      double *latitude,
                      double *longitude)
{
  double size = escale_map_world_size (zoom);
  double n = G_PI - 2 * G_PI * y / size;

  *longitude = x / size * 360 - 180;
  *latitude = 180 / G_PI * atan (sinh (n));
}

void
escale_map_view_to_screen (const EscaleMapView *view,
                           double               latitude,
                           double               longitude,
                           double              *x,
                           double              *y)
{
  double cx, cy, px, py;

  escale_map_project (view->latitude, view->longitude, view->zoom, &cx, &cy);
  escale_map_project (latitude, longitude, view->zoom, &px, &py);
  *x = px - cx + view->width / 2;
  *y = py - cy + view->height / 2;
}

void
escale_map_view_to_location (const EscaleMapView *view,
                             double               x,
                             double               y,
                             double              *latitude,
                             double              *longitude)
{
  double cx, cy;

  escale_map_project (view->latitude, view->longitude, view->zoom, &cx, &cy);
  escale_map_unproject (cx + x - view->width / 2, cy + y - view->height / 2, view->zoom,
                        latitude, longitude);
}

double
escale_map_zoom_to_fit (double min_lat,
                        double min_lon,
                        double max_lat,
                        double max_lon,
                        double width,
                        double height,
                        double margin,
                        double max_zoom)
{
  double x0, y0, x1, y1, zx, zy;

  /* Extents at zoom 0, in pixels; the view's, less its margins. */
  escale_map_project (max_lat, min_lon, 0, &x0, &y0);
  escale_map_project (min_lat, max_lon, 0, &x1, &y1);
  width = MAX (width - 2 * margin, 1);
  height = MAX (height - 2 * margin, 1);
  zx = x1 - x0 > 1e-9 ? log2 (width / (x1 - x0)) : max_zoom;
  zy = y1 - y0 > 1e-9 ? log2 (height / (y1 - y0)) : max_zoom;
  return CLAMP (MIN (zx, zy), 0, max_zoom);
}
