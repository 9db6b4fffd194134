/* escale-local-tiles.h — raster tiles from an MBTiles file or a z/x/y folder
 *
 * A ShumateDataSource serving the PNG or JPEG tiles of a file the user
 * supplies: an MBTiles file (SQLite, rows flipped as TMS wants) or a folder
 * laid out z/x/y.png (or .jpg). Tiles are read in worker threads; like every
 * data source of libshumate 1.0 it emits "received-data" with each tile.
 * Missing tiles fail with G_IO_ERROR_NOT_FOUND.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define ESCALE_LOCAL_TILES_ERROR (escale_local_tiles_error_quark ())

typedef enum
{
  ESCALE_LOCAL_TILES_ERROR_UNREADABLE,   /* missing, or cannot be opened */
  ESCALE_LOCAL_TILES_ERROR_NOT_MBTILES,  /* a file, but not an MBTiles one */
  ESCALE_LOCAL_TILES_ERROR_VECTOR,       /* vector tiles, which cannot be drawn */
  ESCALE_LOCAL_TILES_ERROR_NO_TILES,     /* nothing to show */
} EscaleLocalTilesError;

#define ESCALE_TYPE_LOCAL_TILES (escale_local_tiles_get_type ())
G_DECLARE_FINAL_TYPE (EscaleLocalTiles, escale_local_tiles, ESCALE, LOCAL_TILES, ShumateDataSource)

GQuark            escale_local_tiles_error_quark      (void);
/* Opens @path, a file or a folder, and checks it holds raster tiles; the
 * error's message is translated, for the user. */
EscaleLocalTiles *escale_local_tiles_new              (const char        *path,
                                                       GError           **error);
const char       *escale_local_tiles_get_path         (EscaleLocalTiles  *self);
guint             escale_local_tiles_get_min_zoom     (EscaleLocalTiles  *self);
guint             escale_local_tiles_get_max_zoom     (EscaleLocalTiles  *self);
/* The credits of the tiles as plain text (from the MBTiles metadata, tags
 * removed); NULL if none. */
const char       *escale_local_tiles_get_attribution  (EscaleLocalTiles  *self);
/* The tile's bytes, read at once; NULL with G_IO_ERROR_NOT_FOUND if absent. */
GBytes           *escale_local_tiles_read             (EscaleLocalTiles  *self,
                                                       int                x,
                                                       int                y,
                                                       int                zoom,
                                                       GError           **error);
/* A base layer drawing these tiles: a ShumateRasterRenderer with their zoom
 * levels and credits. */
ShumateMapSource *escale_local_tiles_new_map_source   (EscaleLocalTiles  *self);

G_END_DECLS
