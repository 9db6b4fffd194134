/* test-map-core.c — the map's pure parts: projection, clustering, hit-testing,
 * positions of postal codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "escale-geo.h"
#include "escale-map-cluster.h"
#include "escale-map-projection.h"
#include "escale-test-util.h"

static void
test_projection_known_points (void)
{
  double x, y;

  /* (0, 0) is the middle of the world; 180° W, 85.05° N its corner. */
  escale_map_project (0, 0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 128, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 128, 1e-9);
  escale_map_project (ESCALE_MAP_MAX_LATITUDE, -180, 3, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-6);
  /* Beyond the limit, latitudes are clamped rather than infinite. */
  escale_map_project (-90, 180, 1, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 512, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 512, 1e-6);
  /* Paris at zoom 10, as every OSM tile server has it: tile 518, 352. */
  escale_map_project (48.8566, 2.3522, 10, &x, &y);
  g_assert_cmpint ((int) (x / 256), ==, 518);
  g_assert_cmpint ((int) (y / 256), ==, 352);
}

static void
test_projection_round_trip (void)
{
  static const double places[][2] = {
    { 48.8566, 2.3522 }, { 50.8503, 4.3517 }, { 43.2965, 5.3698 }, { -21.1151, 55.5364 },
    { 0, 0 }, { 80, -170 }, { -80, 179.9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    for (double zoom = 0; zoom <= 18; zoom += 2.5)
      {
        double x, y, lat, lon;

        escale_map_project (places[i][0], places[i][1], zoom, &x, &y);
        escale_map_unproject (x, y, zoom, &lat, &lon);
        g_assert_cmpfloat_with_epsilon (lat, places[i][0], 1e-9);
        g_assert_cmpfloat_with_epsilon (lon, places[i][1], 1e-9);
      }
}

static void
test_projection_screen (void)
{
  EscaleMapView view = { 46.5, 2.5, 6, 1000, 700 };
  double x, y, lat, lon, x2, y2;

  /* The centre is in the middle of the view. */
  escale_map_view_to_screen (&view, 46.5, 2.5, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 350, 1e-9);
  /* North is up, east is right. */
  escale_map_view_to_screen (&view, 50.85, 4.35, &x, &y);
  g_assert_cmpfloat (x, >, 500);
  g_assert_cmpfloat (y, <, 350);
  /* Screen → location → screen, over the whole view. */
  for (double sx = 0; sx <= 1000; sx += 125)
    for (double sy = 0; sy <= 700; sy += 175)
      {
        escale_map_view_to_location (&view, sx, sy, &lat, &lon);
        escale_map_view_to_screen (&view, lat, lon, &x2, &y2);
        g_assert_cmpfloat_with_epsilon (x2, sx, 1e-6);
        g_assert_cmpfloat_with_epsilon (y2, sy, 1e-6);
      }
  /* One zoom level deeper, distances from the centre double. */
  escale_map_view_to_screen (&view, 48.8566, 2.3522, &x, &y);
  view.zoom = 7;
  escale_map_view_to_screen (&view, 48.8566, 2.3522, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (x2 - 500, 2 * (x - 500), 1e-6);
  g_assert_cmpfloat_with_epsilon (y2 - 350, 2 * (y - 350), 1e-6);
}

static void
test_zoom_to_fit (void)
{
  double zoom = escale_map_zoom_to_fit (42.3, -5, 51.5, 9.6, 1000, 700, 10, 14);
  double x0, y0, x1, y1;

  /* France fits, and one level deeper it would not. */
  g_assert_cmpfloat (zoom, >, 5);
  g_assert_cmpfloat (zoom, <, 7);
  escale_map_project (51.5, -5, zoom, &x0, &y0);
  escale_map_project (42.3, 9.6, zoom, &x1, &y1);
  g_assert_cmpfloat (x1 - x0, <=, 980 + 1e-6);
  g_assert_cmpfloat (y1 - y0, <=, 680 + 1e-6);
  g_assert_true (x1 - x0 > 979 || y1 - y0 > 679);
  /* A single point: the maximum. */
  g_assert_cmpfloat (escale_map_zoom_to_fit (48, 2, 48, 2, 500, 500, 10, 14), ==, 14);
}

/* Paris ×3 (a few hundred metres apart), Lille, Lyon, Marseille ×2, Brussels. */
static GPtrArray *
sample_points (void)
{
  GPtrArray *points = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_map_point_free);

  g_ptr_array_add (points, escale_map_point_new (1, 48.8566, 2.3522, "housing", "Paris A"));
  g_ptr_array_add (points, escale_map_point_new (2, 48.8600, 2.3400, "health", "Paris B"));
  g_ptr_array_add (points, escale_map_point_new (3, 48.8500, 2.3600, "language", "Paris C"));
  g_ptr_array_add (points, escale_map_point_new (4, 50.6292, 3.0573, "housing", "Lille"));
  g_ptr_array_add (points, escale_map_point_new (5, 45.7640, 4.8357, "rights", "Lyon"));
  g_ptr_array_add (points, escale_map_point_new (6, 43.2965, 5.3698, "health", "Marseille A"));
  g_ptr_array_add (points, escale_map_point_new (7, 43.3000, 5.4000, "housing", "Marseille B"));
  g_ptr_array_add (points, escale_map_point_new (8, 50.8503, 4.3517, "social", "Bruxelles"));
  return points;
}

static guint
total_members (const EscaleMapClusters *clusters)
{
  guint total = 0;

  for (guint i = 0; i < clusters->clusters->len; i++)
    total += g_array_index (clusters->clusters, EscaleMapCluster, i).n_members;
  return total;
}

/* The cluster holding the point of index @point. */
static const EscaleMapCluster *
cluster_of (const EscaleMapClusters *clusters,
            guint                    point)
{
  for (guint c = 0; c < clusters->clusters->len; c++)
    {
      const EscaleMapCluster *cluster = &g_array_index (clusters->clusters, EscaleMapCluster, c);

      for (guint i = 0; i < cluster->n_members; i++)
        if (escale_map_clusters_member (clusters, cluster, i) == point)
          return cluster;
    }
  g_assert_not_reached ();
}

static void
test_cluster_zoom_levels (void)
{
  g_autoptr(GPtrArray) points = sample_points ();
  /* Zoom 5: Lille and Brussels 30 px apart, together; zoom 6: 61 px, apart.
   * Zoom 11: Marseille's two 44 px apart; zoom 13: Paris's three 36–76 px. */
  guint expected[] = { 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 6, 6, 8, 8 };

  for (int zoom = 0; zoom < (int) G_N_ELEMENTS (expected); zoom++)
    {
      g_autoptr(EscaleMapClusters) clusters = escale_map_clusters_compute (points, zoom, 40);

      g_test_message ("zoom %d: %u clusters", zoom, clusters->clusters->len);
      /* Every point is in exactly one cluster. */
      g_assert_cmpuint (total_members (clusters), ==, points->len);
      g_assert_cmpuint (clusters->clusters->len, ==, expected[zoom]);
    }
}

static void
test_cluster_members (void)
{
  g_autoptr(GPtrArray) points = sample_points ();
  g_autoptr(EscaleMapClusters) at6 = escale_map_clusters_compute (points, 6, 40);
  g_autoptr(EscaleMapClusters) at14 = escale_map_clusters_compute (points, 14, 40);
  const EscaleMapCluster *paris = cluster_of (at6, 0);
  double x, y;

  /* At zoom 6 Paris is one group of three, at its members' middle; Lille and
   * Brussels stay apart. */
  g_assert_cmpuint (paris->n_members, ==, 3);
  g_assert_true (cluster_of (at6, 1) == paris && cluster_of (at6, 2) == paris);
  g_assert_cmpuint (cluster_of (at6, 3)->n_members, ==, 1);
  g_assert_cmpuint (cluster_of (at6, 7)->n_members, ==, 1);
  escale_map_project (48.8555, 2.3507, 6, &x, &y);
  g_assert_cmpfloat (fabs (paris->x - x), <, 0.5);
  g_assert_cmpfloat (fabs (paris->y - y), <, 0.5);
  /* At zoom 14, every point alone. */
  for (guint i = 0; i < points->len; i++)
    g_assert_cmpuint (cluster_of (at14, i)->n_members, ==, 1);
  /* No points, no clusters. */
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();
    g_autoptr(EscaleMapClusters) empty = escale_map_clusters_compute (none, 5, 40);

    g_assert_cmpuint (empty->clusters->len, ==, 0);
  }
}

static void
test_cluster_many (void)
{
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_map_point_free);
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 2000; i++)
    g_ptr_array_add (points, escale_map_point_new (i, g_rand_double_range (rand, 42.5, 51),
                                                   g_rand_double_range (rand, -4.5, 8), "other",
                                                   NULL));
  g_rand_free (rand);
  for (int zoom = 3; zoom <= 14; zoom++)
    {
      g_autoptr(EscaleMapClusters) clusters = escale_map_clusters_compute (points, zoom, 40);
      guint previous = 0;

      g_assert_cmpuint (total_members (clusters), ==, points->len);
      /* No two clusters' centres are as close as half the distance. */
      for (guint a = 0; a < clusters->clusters->len; a++)
        for (guint b = a + 1; b < clusters->clusters->len; b++)
          {
            EscaleMapCluster *ca = &g_array_index (clusters->clusters, EscaleMapCluster, a);
            EscaleMapCluster *cb = &g_array_index (clusters->clusters, EscaleMapCluster, b);

            g_assert_cmpfloat (hypot (ca->x - cb->x, ca->y - cb->y), >=, 20 - 1e-9);
          }
      g_assert_cmpuint (clusters->clusters->len, >=, previous);
      previous = clusters->clusters->len;
    }
}

static void
test_hit (void)
{
  g_autoptr(GPtrArray) points = sample_points ();
  g_autoptr(EscaleMapClusters) clusters = escale_map_clusters_compute (points, 8, 40);
  const EscaleMapCluster *lille = cluster_of (clusters, 3);
  const EscaleMapCluster *paris = cluster_of (clusters, 0);
  double r = escale_map_cluster_radius (1);
  int hit;

  /* On the disc, at its edge, and just beyond. */
  hit = escale_map_clusters_hit (clusters, lille->x, lille->y, 1);
  g_assert_true (&g_array_index (clusters->clusters, EscaleMapCluster, hit) == lille);
  hit = escale_map_clusters_hit (clusters, lille->x + r, lille->y, 1);
  g_assert_true (&g_array_index (clusters->clusters, EscaleMapCluster, hit) == lille);
  g_assert_cmpint (escale_map_clusters_hit (clusters, lille->x + r + 3, lille->y, 1), ==, -1);
  /* A group's disc is larger. */
  g_assert_cmpuint (paris->n_members, >, 1);
  hit = escale_map_clusters_hit (clusters, paris->x, paris->y - escale_map_cluster_radius (3) + 1, 1);
  g_assert_true (&g_array_index (clusters->clusters, EscaleMapCluster, hit) == paris);
  /* Magnified twice (half a level deeper than clustered), discs keep their
   * size on screen: half the distance in the clustering's pixels. */
  g_assert_cmpint (escale_map_clusters_hit (clusters, lille->x + r, lille->y, 2), ==, -1);
  hit = escale_map_clusters_hit (clusters, lille->x + r / 2, lille->y, 2);
  g_assert_true (&g_array_index (clusters->clusters, EscaleMapCluster, hit) == lille);
  /* Nothing in the sea. */
  g_assert_cmpint (escale_map_clusters_hit (clusters, 0, 0, 1), ==, -1);
}

static void
assert_position (const char         *code,
                 const char         *city,
                 double              latitude,
                 double              longitude,
                 double              tolerance,
                 EscaleGeoPrecision  expected)
{
  double lat = 0, lon = 0;
  EscaleGeoPrecision precision = 99;

  g_test_message ("%s %s", code ?: "-", city ?: "-");
  g_assert_true (escale_geo_position_for_postal_code (code, city, &lat, &lon, &precision));
  g_assert_cmpint (precision, ==, expected);
  g_assert_cmpfloat_with_epsilon (lat, latitude, tolerance);
  g_assert_cmpfloat_with_epsilon (lon, longitude, tolerance);
}

static void
test_postal_codes (void)
{
  double lat = 1, lon = 1;
  EscaleGeoPrecision precision = 99;

  /* A code of one commune; with or without its name, in any case and accents. */
  assert_position ("35000", "Rennes", 48.11, -1.68, 0.05, ESCALE_GEO_PRECISION_CITY);
  assert_position ("35000", NULL, 48.11, -1.68, 0.05, ESCALE_GEO_PRECISION_CITY);
  assert_position ("67000", "STRASBOURG", 48.58, 7.75, 0.05, ESCALE_GEO_PRECISION_CITY);
  /* Paris's arrondissements, Lyon's. */
  assert_position ("75011", "Paris", 48.86, 2.38, 0.03, ESCALE_GEO_PRECISION_CITY);
  assert_position ("69003", "Lyon", 45.76, 4.85, 0.03, ESCALE_GEO_PRECISION_CITY);
  /* A code shared by communes: the one named, "St" for "Saint". */
  assert_position ("01000", "St-Denis-lès-Bourg", 46.20, 5.19, 0.02, ESCALE_GEO_PRECISION_CITY);
  assert_position ("01000", "Bourg-en-Bresse", 46.21, 5.23, 0.02, ESCALE_GEO_PRECISION_CITY);
  /* …or, unnamed, their middle. */
  assert_position ("01000", NULL, 46.20, 5.21, 0.03, ESCALE_GEO_PRECISION_POSTAL_CODE);
  /* CEDEX: the town in its department; an unknown code: the department. */
  assert_position ("33076", "Bordeaux Cedex", 44.84, -0.58, 0.05, ESCALE_GEO_PRECISION_CITY);
  assert_position ("33999", NULL, 44.73, -0.52, 0.05, ESCALE_GEO_PRECISION_DEPARTMENT);
  /* Corsica and overseas. */
  assert_position ("20999", NULL, 42.40, 9.23, 0.05, ESCALE_GEO_PRECISION_DEPARTMENT);
  assert_position ("20090", "Ajaccio", 41.92, 8.74, 0.05, ESCALE_GEO_PRECISION_CITY);
  assert_position ("97400", "Saint-Denis", -20.88, 55.45, 0.05, ESCALE_GEO_PRECISION_CITY);
  /* A town without its code. */
  assert_position (NULL, "Marseille", 43.30, 5.38, 0.05, ESCALE_GEO_PRECISION_CITY);
  /* Belgium: the town, else the province of the code. */
  assert_position ("4000", "Liège", 50.63, 5.57, 0.05, ESCALE_GEO_PRECISION_CITY);
  assert_position ("1000", "Bruxelles-ville inconnue", 50.83, 4.36, 0.05,
                   ESCALE_GEO_PRECISION_DEPARTMENT);

  /* Unknown: nothing, and said so. */
  g_assert_false (escale_geo_position_for_postal_code ("99999", NULL, &lat, &lon, &precision));
  g_assert_cmpint (precision, ==, ESCALE_GEO_PRECISION_NONE);
  g_assert_false (escale_geo_position_for_postal_code ("ABC", "", &lat, &lon, &precision));
  g_assert_false (escale_geo_position_for_postal_code (NULL, "Nowhere-sur-Rien", &lat, &lon,
                                                       &precision));
  g_assert_false (escale_geo_position_for_postal_code (NULL, NULL, &lat, &lon, NULL));
  g_assert_cmpint (precision, ==, ESCALE_GEO_PRECISION_NONE);
}

int
main (int    argc,
      char **argv)
{
  int result;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/map/projection/known-points", test_projection_known_points);
  g_test_add_func ("/map/projection/round-trip", test_projection_round_trip);
  g_test_add_func ("/map/projection/screen", test_projection_screen);
  g_test_add_func ("/map/projection/zoom-to-fit", test_zoom_to_fit);
  g_test_add_func ("/map/cluster/zoom-levels", test_cluster_zoom_levels);
  g_test_add_func ("/map/cluster/members", test_cluster_members);
  g_test_add_func ("/map/cluster/many", test_cluster_many);
  g_test_add_func ("/map/cluster/hit", test_hit);
  g_test_add_func ("/map/geo/postal-codes", test_postal_codes);
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
