/* escale-basemap-data.h — the offline map's outlines and towns, in memory
 *
 * Loaded once from the bundled data (data/geo/basemap.bin, towns.tsv; see
 * build-aux/extract-geodata), read-only afterwards: tiles are drawn from it
 * in worker threads. Coordinates are Web Mercator in [0, 1] (multiply by
 * escale_map_world_size () for pixels). GLib only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ESCALE_OUTLINE_LAND_LOW = 1,  /* land, 1:110m: small zoom levels */
  ESCALE_OUTLINE_LAND,          /* land, 1:50m */
  ESCALE_OUTLINE_BORDERS,       /* borders between countries, 1:50m: open lines */
  ESCALE_OUTLINE_REGIONS,       /* French departments and Belgian provinces, 1:10m */
  ESCALE_OUTLINE_N_KINDS
} EscaleOutlineKind;

typedef struct
{
  float x0, y0, x1, y1;
} EscaleGeoBox;

typedef struct
{
  guint         n_rings;
  guint32      *ring_start;  /* n_rings + 1: ring i is points ring_start[i] … ring_start[i + 1] - 1 */
  EscaleGeoBox *ring_box;
  float        *points;      /* x, y pairs */
} EscaleOutlineLayer;

typedef struct
{
  char   *name;
  double  x;
  double  y;
  guint   population;
} EscaleTown;

typedef struct
{
  EscaleOutlineLayer layers[ESCALE_OUTLINE_N_KINDS];  /* by kind; 0 unused */
  GArray            *towns;                            /* EscaleTown, largest first */
} EscaleBasemapData;

/* The shared data, loaded on first use (thread-safe); never freed. */
const EscaleBasemapData *escale_basemap_data_get  (void);
/* Loads a fresh copy: for the benchmark and tests. */
EscaleBasemapData       *escale_basemap_data_load (GError            **error);
void                     escale_basemap_data_free (EscaleBasemapData  *data);

G_END_DECLS
