/* escale-map-base.h — which base layer the map draws, from the settings and the network
 *
 * Follows the GSettings keys "map-tiles-path" and "online-map-tiles" and the
 * network, live, and picks: the user's tiles (an MBTiles file or a z/x/y
 * folder) when the path is set and readable; else OpenStreetMap's tiles when
 * the user allowed them and the network is available (libshumate keeps them
 * in its disk cache, ~/.cache/shumate); else Escale's offline map. While the
 * network is down OpenStreetMap's source stays as the "cached" source, whose
 * tiles already on disk are drawn over the offline map. Nothing touches the
 * network (no monitor, no online source) unless online tiles are allowed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

typedef enum
{
  ESCALE_MAP_BASE_OFFLINE,  /* Escale's bundled outlines */
  ESCALE_MAP_BASE_ONLINE,   /* OpenStreetMap's tiles */
  ESCALE_MAP_BASE_LOCAL,    /* the user's MBTiles file or tile folder */
  ESCALE_MAP_BASE_CUSTOM,   /* a source given by the program (EscalePartnerMap) */
} EscaleMapBaseKind;

#define ESCALE_TYPE_MAP_BASE (escale_map_base_get_type ())
G_DECLARE_FINAL_TYPE (EscaleMapBase, escale_map_base, ESCALE, MAP_BASE, GObject)

/* @settings: (nullable): Escale's settings; NULL: always the offline map */
EscaleMapBase     *escale_map_base_new                 (GSettings       *settings);
/* The monitor watched instead of the default one (for tests); taken when
 * online tiles are allowed, not before. */
void               escale_map_base_set_network_monitor (EscaleMapBase   *self,
                                                        GNetworkMonitor *monitor);
EscaleMapBaseKind  escale_map_base_get_kind            (EscaleMapBase   *self);
/* (transfer none): the base layer to draw; never NULL */
ShumateMapSource  *escale_map_base_get_source          (EscaleMapBase   *self);
/* (transfer none) (nullable): OpenStreetMap's source while the network is
 * down, to draw its cached tiles over the offline map */
ShumateMapSource  *escale_map_base_get_cached_source   (EscaleMapBase   *self);
/* Whether a network monitor is watched or an online source exists. */
gboolean           escale_map_base_uses_network        (EscaleMapBase   *self);

G_END_DECLS
