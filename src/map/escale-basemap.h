/* escale-basemap.h — the offline base layer: outlines and town names
 *
 * A ShumateMapSource that draws its 256-pixel tiles itself, with cairo, from
 * the bundled data (escale-basemap-data.h): sea, land and coasts, country
 * borders, French departments and Belgian provinces, the main towns. No
 * network, no cache. Tiles are drawn in worker threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <shumate/shumate.h>

G_BEGIN_DECLS

#define ESCALE_BASEMAP_MIN_ZOOM 2
#define ESCALE_BASEMAP_MAX_ZOOM 14

#define ESCALE_TYPE_BASEMAP (escale_basemap_get_type ())
G_DECLARE_FINAL_TYPE (EscaleBasemap, escale_basemap, ESCALE, BASEMAP, ShumateMapSource)

EscaleBasemap *escale_basemap_new       (void);
/* Draws tile (@x, @y) of zoom level @zoom into @cr, at its origin, @size
 * pixels wide (what fill_tile_async does; exposed for the benchmark). */
void           escale_basemap_draw_tile (EscaleBasemap *self,
                                         cairo_t       *cr,
                                         guint          x,
                                         guint          y,
                                         guint          zoom,
                                         guint          size);

G_END_DECLS
