/* escale-partner-map.h — the partners' map: offline base layer, markers, legend
 *
 * libshumate's map (pan by dragging, zoom by scrolling or pinching, scale,
 * credits) over a base layer (Escale's offline map, or tiles: the user's,
 * or OpenStreetMap's when the settings allow it), with the partners as markers
 * coloured by theme, grouped when they overlap, and a legend of the themes.
 * Arrow keys pan, + and - zoom. A click on a marker emits
 * "partner-activated"; a click on a group zooms in on it. Knows nothing of
 * the database: it shows the points it is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "escale-map-base.h"
#include "escale-map-cluster.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNER_MAP (escale_partner_map_get_type ())
G_DECLARE_FINAL_TYPE (EscalePartnerMap, escale_partner_map, ESCALE, PARTNER_MAP, GtkWidget)

GtkWidget       *escale_partner_map_new            (void);
/* @points: EscaleMapPoint, kept (a reference is taken); nullable. */
void             escale_partner_map_set_points     (EscalePartnerMap *self,
                                                    GPtrArray        *points);
GPtrArray       *escale_partner_map_get_points     (EscalePartnerMap *self);
void             escale_partner_map_center_on      (EscalePartnerMap *self,
                                                    double            latitude,
                                                    double            longitude,
                                                    double            zoom);
/* The base layer follows the settings and the network (see
 * escale-map-base.h): the user's tiles, OpenStreetMap's when allowed and
 * online, else Escale's offline map. A @source set here is drawn instead,
 * whatever the settings; NULL goes back to following them. */
void             escale_partner_map_set_base_layer (EscalePartnerMap *self,
                                                    ShumateMapSource *source);
/* Which base layer is drawn. */
EscaleMapBaseKind escale_partner_map_get_base_kind (EscalePartnerMap *self);
/* (transfer none) (nullable): the online source whose tiles on disk are
 * drawn over the offline map while the network is down. */
ShumateMapSource *escale_partner_map_get_cached_layer (EscalePartnerMap *self);
/* The network monitor to watch instead of the default one (tests). */
void             escale_partner_map_set_network_monitor (EscalePartnerMap *self,
                                                         GNetworkMonitor  *monitor);
/* Whether the map watches the network or holds an online source (never
 * while online tiles are not allowed). */
gboolean         escale_partner_map_uses_network   (EscalePartnerMap *self);
ShumateViewport *escale_partner_map_get_viewport   (EscalePartnerMap *self);
/* Draws @layer (made on the map's viewport) over the partners' markers. */
void             escale_partner_map_add_layer      (EscalePartnerMap *self,
                                                    ShumateLayer     *layer);
/* Where the marker of partner @id is drawn (its group's centre if grouped),
 * in @self's coordinates; FALSE if @id is not on the map. */
gboolean         escale_partner_map_locate         (EscalePartnerMap *self,
                                                    gint64            id,
                                                    double           *x,
                                                    double           *y);

G_END_DECLS
