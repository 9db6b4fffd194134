/* escale-map-cluster.h — partners on a map: points, clusters, hit-testing
 *
 * A map shows plain points (EscaleMapPoint); those that would overlap at a
 * zoom level are drawn as one cluster. Clustering is computed once per whole
 * zoom level, in world pixels (see escale-map-projection.h), and does not
 * depend on where the view is: panning costs nothing. GLib only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A partner (or anything) to place on the map. */
typedef struct
{
  gint64  id;
  double  latitude;
  double  longitude;
  char   *theme;        /* a theme code: the marker's colour */
  char   *theme_label;  /* nullable: the legend's label for @theme */
  char   *name;         /* the tooltip and accessible label */
} EscaleMapPoint;

#define ESCALE_TYPE_MAP_POINT (escale_map_point_get_type ())
GType           escale_map_point_get_type (void) G_GNUC_CONST;
EscaleMapPoint *escale_map_point_new      (gint64                id,
                                           double                latitude,
                                           double                longitude,
                                           const char           *theme,
                                           const char           *name);
EscaleMapPoint *escale_map_point_copy     (const EscaleMapPoint *point);
void            escale_map_point_free     (EscaleMapPoint       *point);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleMapPoint, escale_map_point_free)

/* One mark on the map: a single point or a group of neighbours. */
typedef struct
{
  double x;             /* world pixels at the clustering's zoom: the members' mean */
  double y;
  guint  first_member;  /* into EscaleMapClusters.members */
  guint  n_members;
} EscaleMapCluster;

typedef struct
{
  int     zoom;
  double  distance;     /* points closer than this (pixels) were grouped */
  GArray *clusters;     /* EscaleMapCluster */
  GArray *members;      /* guint: indices into the points, grouped by cluster */
} EscaleMapClusters;

/* The radius, in pixels, of the disc drawn for a cluster of @n_members. */
double             escale_map_cluster_radius   (guint                    n_members);

/* Groups @points (EscaleMapPoint) whose projections at @zoom are closer than
 * @distance pixels. Deterministic: same points, same clusters. */
EscaleMapClusters *escale_map_clusters_compute (GPtrArray               *points,
                                                int                      zoom,
                                                double                   distance);
void               escale_map_clusters_free    (EscaleMapClusters       *clusters);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleMapClusters, escale_map_clusters_free)

/* The index of the cluster drawn under world pixel (@x, @y) at the
 * clustering's zoom (the topmost, i.e. the last, when discs overlap), or -1.
 * @scale is how much the view magnifies the clustering's zoom level (1 at
 * that level, 2 one level deeper): discs keep their size on screen. */
int                escale_map_clusters_hit     (const EscaleMapClusters *clusters,
                                                double                   x,
                                                double                   y,
                                                double                   scale);
/* The index into the points of member @i of @cluster. */
guint              escale_map_clusters_member  (const EscaleMapClusters *clusters,
                                                const EscaleMapCluster  *cluster,
                                                guint                    i);

G_END_DECLS
