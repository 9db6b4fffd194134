/* escale-geo.h — offline positions of addresses, from the bundled tables
 *
 * A partner's approximate position from its postal code and town, with no
 * network: French postal codes joined to the positions of their communes
 * (GeoNames), the department's centre as a fallback; Belgian towns by name,
 * the province's centre as a fallback. The tables are compiled into
 * escale-core (resource /org/escale/Escale/geo/, see data/geo/ATTRIBUTION)
 * and read once, on first use; thread-safe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ESCALE_GEO_RESOURCE_PATH "/org/escale/Escale/geo"

/* How close the position found is to the address, worst to best. */
typedef enum
{
  ESCALE_GEO_PRECISION_NONE,
  ESCALE_GEO_PRECISION_DEPARTMENT,   /* the centre of the department or province */
  ESCALE_GEO_PRECISION_POSTAL_CODE,  /* the middle of the postal code's communes */
  ESCALE_GEO_PRECISION_CITY,         /* the town itself */
} EscaleGeoPrecision;

/* Registers the bundled map data's resources (idempotent). */
void     escale_geo_register_resources       (void);
/* The bundled file @name (e.g. "towns.tsv"); NULL with a message if missing. */
GBytes  *escale_geo_load_data                (const char          *name);

/* Reads the postal-code tables in a thread, ahead of the first lookup. */
void     escale_geo_preload_in_background    (void);

/* Looks up @postal_code ("75011", "1000" in Belgium; nullable) and @city
 * (nullable; accents, case, "St"/"Saint" and "Cedex" do not matter).
 * Returns FALSE, with ESCALE_GEO_PRECISION_NONE, when nothing is known. */
gboolean escale_geo_position_for_postal_code (const char          *postal_code,
                                              const char          *city,
                                              double              *latitude,
                                              double              *longitude,
                                              EscaleGeoPrecision  *precision);

/* The great-circle distance between two positions, in kilometres
 * (haversine, on a sphere of the Earth's mean radius). */
double   escale_geo_distance_km              (double               latitude1,
                                              double               longitude1,
                                              double               latitude2,
                                              double               longitude2);

G_END_DECLS
