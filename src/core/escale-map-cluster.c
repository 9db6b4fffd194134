/* escale-map-cluster.c — partners on a map: points, clusters, hit-testing
 *
 * Greedy grid clustering: points are bucketed in a grid of @distance-sized
 * cells; each point not yet taken, in the order given, takes every free
 * point within @distance of it (found in the 3 × 3 cells around). O(n) for
 * points spread as partners are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "escale-map-cluster.h"
#include "escale-map-projection.h"

G_DEFINE_BOXED_TYPE (EscaleMapPoint, escale_map_point, escale_map_point_copy,
                     escale_map_point_free)

static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  /* World pixels stay below 2^26 up to zoom 18: cells fit in 31 bits each. */
  return (cx << 31) ^ (cy & 0x7fffffff);
}

static void
bucket_points (GHashTable   *grid,
               const double *xy,
               guint         n,
               double        distance)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 key = cell_key ((gint64) floor (xy[2 * i] / distance),
                             (gint64) floor (xy[2 * i + 1] / distance));
      GArray *cell = g_hash_table_lookup (grid, &key);

      if (cell == NULL)
        {
          gint64 *k = g_new (gint64, 1);

          *k = key;
          cell = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (grid, k, cell);
        }
      g_array_append_val (cell, i);
    }
}

/* Moves every free point within @distance of point @seed into @members. */
static void
gather_neighbours (GHashTable   *grid,
                   const double *xy,
                   gboolean     *taken,
                   guint         seed,
                   double        distance,
                   GArray       *members)
{
  gint64 cx = (gint64) floor (xy[2 * seed] / distance);
  gint64 cy = (gint64) floor (xy[2 * seed + 1] / distance);

  for (gint64 dx = -1; dx <= 1; dx++)
    for (gint64 dy = -1; dy <= 1; dy++)
      {
        gint64 key = cell_key (cx + dx, cy + dy);
        GArray *cell = g_hash_table_lookup (grid, &key);

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            guint j = g_array_index (cell, guint, k);
            double ddx = xy[2 * j] - xy[2 * seed], ddy = xy[2 * j + 1] - xy[2 * seed + 1];

            if (!taken[j] && ddx * ddx + ddy * ddy < distance * distance)
              {
                taken[j] = TRUE;
                g_array_append_val (members, j);
              }
          }
      }
}

static void
add_cluster (EscaleMapClusters *self,
             const double      *xy,
             guint              first)
{
  EscaleMapCluster cluster = { 0, 0, first, self->members->len - first };

  for (guint i = first; i < self->members->len; i++)
    {
      guint j = g_array_index (self->members, guint, i);

      cluster.x += xy[2 * j] / cluster.n_members;
      cluster.y += xy[2 * j + 1] / cluster.n_members;
    }
  g_array_append_val (self->clusters, cluster);
}

/* Public API */

EscaleMapPoint *
escale_map_point_new (gint64      id,
                      double      latitude,
                      double      longitude,
                      const char *theme,
                      const char *name)
{
  EscaleMapPoint *self = g_new0 (EscaleMapPoint, 1);

  self->id = id;
  self->latitude = latitude;
  self->longitude = longitude;
  self->theme = g_strdup (theme);
  self->name = g_strdup (name);
  return self;
}

EscaleMapPoint *
escale_map_point_copy (const EscaleMapPoint *point)
{
  EscaleMapPoint *copy;

  g_return_val_if_fail (point != NULL, NULL);

  copy = escale_map_point_new (point->id, point->latitude, point->longitude, point->theme,
                               point->name);
  copy->theme_label = g_strdup (point->theme_label);
  return copy;
}

void
escale_map_point_free (EscaleMapPoint *point)
{
  if (point == NULL)
    return;
  g_free (point->theme);
  g_free (point->theme_label);
  g_free (point->name);
  g_free (point);
}

double
escale_map_cluster_radius (guint n_members)
{
  if (n_members <= 1)
    return 7;
  /* 13 px for two, 22 px from a thousand: the count stays readable. */
  return MIN (12 + 3.3 * log10 (n_members), 22);
}

EscaleMapClusters *
escale_map_clusters_compute (GPtrArray *points,
                             int        zoom,
                             double     distance)
{
  EscaleMapClusters *self;
  g_autoptr(GHashTable) grid = NULL;
  g_autofree double *xy = NULL;
  g_autofree gboolean *taken = NULL;
  guint n;

  g_return_val_if_fail (points != NULL, NULL);
  g_return_val_if_fail (distance > 0, NULL);

  n = points->len;
  self = g_new0 (EscaleMapClusters, 1);
  self->zoom = zoom;
  self->distance = distance;
  self->clusters = g_array_new (FALSE, FALSE, sizeof (EscaleMapCluster));
  self->members = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  xy = g_new (double, 2 * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const EscaleMapPoint *point = g_ptr_array_index (points, i);

      escale_map_project (point->latitude, point->longitude, zoom, &xy[2 * i], &xy[2 * i + 1]);
    }
  grid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify) g_array_unref);
  bucket_points (grid, xy, n, distance);

  taken = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      guint first = self->members->len;

      if (taken[i])
        continue;
      gather_neighbours (grid, xy, taken, i, distance, self->members);
      add_cluster (self, xy, first);
    }
  return self;
}

void
escale_map_clusters_free (EscaleMapClusters *clusters)
{
  if (clusters == NULL)
    return;
  g_array_unref (clusters->clusters);
  g_array_unref (clusters->members);
  g_free (clusters);
}

int
escale_map_clusters_hit (const EscaleMapClusters *clusters,
                         double                   x,
                         double                   y,
                         double                   scale)
{
  g_return_val_if_fail (clusters != NULL, -1);
  g_return_val_if_fail (scale > 0, -1);

  for (guint i = clusters->clusters->len; i-- > 0;)
    {
      const EscaleMapCluster *c = &g_array_index (clusters->clusters, EscaleMapCluster, i);
      /* A little slack around small discs: they are hard to hit otherwise. */
      double r = (escale_map_cluster_radius (c->n_members) + 2) / scale;

      if ((c->x - x) * (c->x - x) + (c->y - y) * (c->y - y) <= r * r)
        return (int) i;
    }
  return -1;
}

guint
escale_map_clusters_member (const EscaleMapClusters *clusters,
                            const EscaleMapCluster  *cluster,
                            guint                    i)
{
  g_return_val_if_fail (clusters != NULL && cluster != NULL, 0);
  g_return_val_if_fail (i < cluster->n_members, 0);

  return g_array_index (clusters->members, guint, cluster->first_member + i);
}
