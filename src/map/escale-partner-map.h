/* escale-partner-map.h — the partners' map: offline base layer, markers, legend
 *
 * libshumate's map (pan by dragging, zoom by scrolling or pinching, scale,
 * credits) over Escale's offline base layer, with the partners as markers
 * coloured by theme, grouped when they overlap, and a legend of the themes.
 * Arrow keys pan, + and - zoom. A click on a marker emits
 * "partner-activated"; a click on a group zooms in on it. Knows nothing of
 * the database: it shows the points it is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

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
/* The base layer: NULL for Escale's offline map (the default), or another
 * source such as a tile folder. */
void             escale_partner_map_set_base_layer (EscalePartnerMap *self,
                                                    ShumateMapSource *source);
ShumateViewport *escale_partner_map_get_viewport   (EscalePartnerMap *self);
/* Where the marker of partner @id is drawn (its group's centre if grouped),
 * in @self's coordinates; FALSE if @id is not on the map. */
gboolean         escale_partner_map_locate         (EscalePartnerMap *self,
                                                    gint64            id,
                                                    double           *x,
                                                    double           *y);

G_END_DECLS
