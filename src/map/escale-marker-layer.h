/* escale-marker-layer.h — partners drawn on the map, clustered
 *
 * A ShumateLayer that draws EscaleMapPoints as discs in their theme's
 * colour (style.css's @theme_<code>), and neighbours that would overlap as
 * one disc with their count and a ring of their themes' shares. One widget
 * for all markers: thousands of partners cost one draw, not thousands of
 * widgets. Clusters are computed once per whole zoom level.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "escale-map-cluster.h"

G_BEGIN_DECLS

/* Points closer than this on screen are drawn as one cluster. */
#define ESCALE_MARKER_CLUSTER_DISTANCE 40.0

#define ESCALE_TYPE_MARKER_LAYER (escale_marker_layer_get_type ())
G_DECLARE_FINAL_TYPE (EscaleMarkerLayer, escale_marker_layer, ESCALE, MARKER_LAYER, ShumateLayer)

EscaleMarkerLayer       *escale_marker_layer_new          (ShumateViewport   *viewport);
/* @points: EscaleMapPoint, kept (a reference is taken); nullable. */
void                     escale_marker_layer_set_points   (EscaleMarkerLayer *self,
                                                           GPtrArray         *points);
GPtrArray               *escale_marker_layer_get_points   (EscaleMarkerLayer *self);
/* The clusters at the view's zoom level (rounded), and its magnification
 * of that level (see escale_map_clusters_hit ()). */
const EscaleMapClusters *escale_marker_layer_get_clusters (EscaleMarkerLayer *self,
                                                           double            *scale);
/* Between widget coordinates and world pixels of @clusters' zoom level. */
void                     escale_marker_layer_to_widget    (EscaleMarkerLayer *self,
                                                           const EscaleMapClusters *clusters,
                                                           double             world_x,
                                                           double             world_y,
                                                           double            *x,
                                                           double            *y);
/* The cluster drawn at widget point (@x, @y), or NULL. */
const EscaleMapCluster  *escale_marker_layer_cluster_at   (EscaleMarkerLayer *self,
                                                           double             x,
                                                           double             y);

G_END_DECLS
