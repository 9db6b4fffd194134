/* escale-map-tiles-row.h — the Preferences row choosing the map's tiles file or folder
 *
 * Shows the GSettings key "map-tiles-path" (the file's name and zoom levels,
 * or why it cannot be used), chooses an MBTiles file or a tile folder for it
 * ("map-tiles.choose", TRUE for a folder) and clears it ("map-tiles.clear").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_MAP_TILES_ROW (escale_map_tiles_row_get_type ())
G_DECLARE_FINAL_TYPE (EscaleMapTilesRow, escale_map_tiles_row, ESCALE, MAP_TILES_ROW,
                      AdwActionRow)

GtkWidget  *escale_map_tiles_row_new          (void);
/* @settings: (nullable): Escale's settings; NULL makes the row insensitive */
void        escale_map_tiles_row_set_settings (EscaleMapTilesRow *self,
                                               GSettings         *settings);
/* Why the chosen path cannot be used (translated), or NULL. */
const char *escale_map_tiles_row_get_error    (EscaleMapTilesRow *self);

G_END_DECLS
