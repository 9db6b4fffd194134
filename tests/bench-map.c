/* bench-map.c — the partners' map: loading the base map, drawing tiles,
 * drawing frames with 2 000 partners while panning
 *
 * Budgets: the base map loads in under 100 ms; a frame draws in under 8 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "escale-basemap-data.h"
#include "escale-basemap.h"
#include "escale-geo.h"
#include "escale-map-cluster.h"
#include "escale-map-projection.h"
#include "escale-marker-layer.h"
#include "escale-partner-map.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"

#define N_PARTNERS 2000
#define LOAD_BUDGET_MS 100.0
#define FRAME_BUDGET_MS 8.0

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *times,
        double      budget)
{
  double sum = 0, p95, max;

  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);
  p95 = g_array_index (times, double, (guint) (times->len * 0.95));
  max = g_array_index (times, double, times->len - 1);
  g_print ("%-44s mean %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%u)%s\n", what, sum / times->len,
           p95, max, times->len,
           budget > 0 ? (p95 <= budget ? "  within budget" : "  OVER BUDGET") : "");
}

static void
bench_load (void)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start;
  double lat, lon, t;

  escale_geo_register_resources ();
  for (int i = 0; i < 10; i++)
    {
      EscaleBasemapData *data;

      start = g_get_monotonic_time ();
      data = escale_basemap_data_load (NULL);
      t = ms_since (start);
      g_assert_nonnull (data);
      escale_basemap_data_free (data);
      g_array_append_val (times, t);
    }
  g_print ("Budgets: base map load %.0f ms, frame %.0f ms\n", LOAD_BUDGET_MS, FRAME_BUDGET_MS);
  report ("base map load (outlines + towns)", times, LOAD_BUDGET_MS);

  start = g_get_monotonic_time ();
  escale_geo_position_for_postal_code ("69003", "Lyon", &lat, &lon, NULL);
  g_print ("%-44s %6.2f ms\n", "postal code table, first lookup (load)", ms_since (start));
  start = g_get_monotonic_time ();
  for (int i = 0; i < 1000; i++)
    escale_geo_position_for_postal_code ("01000", "Saint-Denis-lès-Bourg", &lat, &lon, NULL);
  g_print ("%-44s %6.3f ms\n", "postal code lookup, then", ms_since (start) / 1000);
}

static void
bench_tiles (void)
{
  g_autoptr(EscaleBasemap) basemap = escale_basemap_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);

  for (guint zoom = 3; zoom <= 12; zoom += zoom < 6 ? 1 : 2)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      double x, y;
      char what[64];

      /* The 4 × 3 tiles around Paris. */
      escale_map_project (48.85, 2.35, zoom, &x, &y);
      for (int dx = -2; dx < 2; dx++)
        for (int dy = -1; dy < 2; dy++)
          {
            cairo_t *cr = cairo_create (surface);
            gint64 start = g_get_monotonic_time ();
            double t;

            escale_basemap_draw_tile (basemap, cr, (guint) (x / 256) + dx, (guint) (y / 256) + dy,
                                      zoom, 256);
            t = ms_since (start);
            cairo_destroy (cr);
            g_array_append_val (times, t);
          }
      g_snprintf (what, sizeof what, "tile draw, zoom %u (worker thread)", zoom);
      report (what, times, 0);
    }
  cairo_surface_destroy (surface);
}

/* Partners as an association's directory has them: most in towns. */
static GPtrArray *
make_points (void)
{
  static const double towns[][2] = {
    { 48.8566, 2.3522 }, { 45.7640, 4.8357 }, { 43.2965, 5.3698 }, { 50.6292, 3.0573 },
    { 44.8378, -0.5792 }, { 48.5734, 7.7521 }, { 43.6047, 1.4442 }, { 47.2184, -1.5536 },
    { 50.8503, 4.3517 }, { 50.6326, 5.5797 },
  };
  static const char *themes[] = { "housing", "health", "language", "rights", "employment",
                                  "education", "culture", "social", "reception", "material" };
  GPtrArray *points = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_map_point_free);
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < N_PARTNERS; i++)
    {
      double lat, lon;

      if (i % 3 == 0)
        {
          lat = g_rand_double_range (rand, 42.5, 51);
          lon = g_rand_double_range (rand, -4.5, 8);
        }
      else
        {
          guint t = g_rand_int_range (rand, 0, G_N_ELEMENTS (towns));

          lat = towns[t][0] + g_rand_double_range (rand, -0.15, 0.15);
          lon = towns[t][1] + g_rand_double_range (rand, -0.2, 0.2);
        }
      g_ptr_array_add (points, escale_map_point_new (i + 1, lat, lon,
                                                     themes[i % G_N_ELEMENTS (themes)], "Partner"));
    }
  g_rand_free (rand);
  return points;
}

typedef struct
{
  gint64 start;
  double last;  /* ms, the last whole frame; < 0 until one is done */
} FrameTimer;

static void
on_before_paint_cb (G_GNUC_UNUSED GdkFrameClock *clock,
                    FrameTimer                  *timer)
{
  timer->start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (G_GNUC_UNUSED GdkFrameClock *clock,
                   FrameTimer                  *timer)
{
  if (timer->start != 0)
    timer->last = ms_since (timer->start);
}

/* Lets the frame clock draw one frame; its duration, from "before-paint" to
 * "after-paint": layout, snapshot of the widgets whose drawing changed,
 * rendering into the window. */
static double
draw_frame (GtkWidget  *widget,
            FrameTimer *timer)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  timer->start = 0;
  timer->last = -1;
  gtk_widget_queue_draw (widget);
  while (timer->last < 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (timer->last, >=, 0);
  return timer->last;
}

static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    {
      escale_test_spin ();
      g_usleep (10000);
    }
}

static void
bench_frames (gboolean with_partners)
{
  g_autoptr(GPtrArray) points = with_partners ? make_points () : g_ptr_array_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *map = escale_partner_map_new ();
  GtkWidget *markers;
  GdkFrameClock *clock;
  FrameTimer timer = { 0, -1 };
  gint64 start;

  gtk_window_set_default_size (window, 1000, 760);
  gtk_window_set_child (window, map);
  gtk_window_present (window);
  escale_test_wait_for_size (map);
  start = g_get_monotonic_time ();
  escale_partner_map_set_points (ESCALE_PARTNER_MAP (map), points);
  if (with_partners)
    g_print ("%-44s %6.2f ms\n", "set 2 000 partners (legend included)", ms_since (start));
  settle ();
  markers = escale_test_find_widget (map, ESCALE_TYPE_MARKER_LAYER, NULL, NULL);
  clock = gtk_widget_get_frame_clock (map);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), &timer);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &timer);

  for (double zoom = 6; zoom <= 12; zoom += 3)
    {
      g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) layer = g_array_new (FALSE, FALSE, sizeof (double));
      char what[80];

      escale_partner_map_center_on (ESCALE_PARTNER_MAP (map), 47.5, 2.0, zoom);
      start = g_get_monotonic_time ();
      escale_marker_layer_get_clusters (ESCALE_MARKER_LAYER (markers), NULL);
      g_snprintf (what, sizeof what, "clustering 2 000 partners at zoom %.0f (once)", zoom);
      if (with_partners)
        g_print ("%-44s %6.2f ms\n", what, ms_since (start));
      settle ();
      for (int step = 0; step < 60; step++)
        {
          double t;

          /* Pan east by 12 px a frame, as a drag would. */
          escale_partner_map_center_on (ESCALE_PARTNER_MAP (map), 47.5,
                                        2.0 + step * 12 * 360 / escale_map_world_size (zoom),
                                        zoom);
          t = draw_frame (map, &timer);
          g_array_append_val (frames, t);
          if (with_partners)
            {
              GtkSnapshot *snapshot = gtk_snapshot_new ();
              GskRenderNode *node;

              /* The markers' own part: their snapshot, as the frame made it. */
              start = g_get_monotonic_time ();
              GTK_WIDGET_GET_CLASS (markers)->snapshot (markers, snapshot);
              node = gtk_snapshot_free_to_node (snapshot);
              t = ms_since (start);
              g_clear_pointer (&node, gsk_render_node_unref);
              g_array_append_val (layer, t);
            }
          /* Let the tiles that came into view arrive, as they would between frames. */
          if (step % 10 == 9)
            settle ();
        }
      g_snprintf (what, sizeof what, "frame, zoom %.0f, panning, %s", zoom,
                  with_partners ? "2 000 partners" : "no partner");
      report (what, frames, FRAME_BUDGET_MS);
      if (with_partners)
        report ("  of which the markers' snapshot", layer, 0);
    }
  g_signal_handlers_disconnect_by_data (clock, &timer);
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  escale_test_init_gtk (&argc, &argv);
  g_print ("Renderer: GSK_RENDERER=%s\n", g_getenv ("GSK_RENDERER") ?: "(default)");
  bench_load ();
  bench_tiles ();
  bench_frames (FALSE);
  bench_frames (TRUE);
  escale_test_cleanup ();
  return 0;
}
