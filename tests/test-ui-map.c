/* test-ui-map.c — the partners' map, drawn for real: base layer, markers, legend
 *
 * Renders the map with partners in French and Belgian towns to PNG files in
 * the build folder (test-ui-map-*.png: look at them), and checks that the
 * markers are drawn where their towns are, in their theme's colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "escale-basemap.h"
#include "escale-marker-layer.h"
#include "escale-partner-map.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"

#define WIDTH 1000
#define HEIGHT 760

typedef struct
{
  GtkWindow        *window;
  EscalePartnerMap *map;
  GPtrArray        *points;
  gint64            activated;
} Fixture;

static const struct { const char *name; double lat, lon; const char *theme; } towns[] = {
  { "Lyon", 45.7640, 4.8357, "health" },
  { "Marseille", 43.2965, 5.3698, "language" },
  { "Lille", 50.6292, 3.0573, "rights" },
  { "Bordeaux", 44.8378, -0.5792, "housing" },
  { "Strasbourg", 48.5734, 7.7521, "employment" },
  { "Rennes", 48.1173, -1.6778, "education" },
  { "Toulouse", 43.6047, 1.4442, "culture" },
  { "Nice", 43.7102, 7.2620, "social" },
  { "Brest", 48.3904, -4.4861, "housing" },
  { "Liège", 50.6326, 5.5797, "health" },
  { "Namur", 50.4674, 4.8720, "reception" },
  { "Brugge", 51.2093, 3.2247, "material" },
};

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/escale/Escale/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
on_partner_activated_cb (G_GNUC_UNUSED EscalePartnerMap *map,
                         gint64                          id,
                         Fixture                        *fixture)
{
  fixture->activated = id;
}

static void
fixture_set_up (Fixture       *fixture,
                G_GNUC_UNUSED gconstpointer data)
{
  fixture->points = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_map_point_free);
  for (guint i = 0; i < G_N_ELEMENTS (towns); i++)
    g_ptr_array_add (fixture->points, escale_map_point_new (i + 1, towns[i].lat, towns[i].lon,
                                                            towns[i].theme, towns[i].name));
  /* Five partners in Paris: one group until the streets show. */
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (fixture->points,
                     escale_map_point_new (100 + i, 48.8566 + 0.01 * i, 2.3522 - 0.008 * i,
                                           i % 2 ? "housing" : "rights", "Paris"));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, WIDTH, HEIGHT);
  fixture->map = ESCALE_PARTNER_MAP (escale_partner_map_new ());
  g_signal_connect (fixture->map, "partner-activated", G_CALLBACK (on_partner_activated_cb),
                    fixture);
  escale_partner_map_set_points (fixture->map, fixture->points);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->map));
  gtk_window_present (fixture->window);
  escale_test_wait_for_size (GTK_WIDGET (fixture->map));
}

static void
fixture_tear_down (Fixture       *fixture,
                   G_GNUC_UNUSED gconstpointer data)
{
  gtk_window_destroy (fixture->window);
  escale_test_spin ();
  g_ptr_array_unref (fixture->points);
}

static GdkTexture *
render_now (Fixture *fixture)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->map));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (fixture->map)),
                          gtk_widget_get_height (GTK_WIDGET (fixture->map)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, NULL);
}

static GBytes *
texture_bytes (GdkTexture *texture)
{
  gsize stride = (gsize) gdk_texture_get_width (texture) * 4;
  gsize size = stride * gdk_texture_get_height (texture);
  guchar *data = g_malloc (size);

  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, size);
}

/* The map as drawn once its tiles (drawn in threads) stop changing it,
 * saved as @name in the build folder. */
static GdkTexture *
render (Fixture    *fixture,
        const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("ESCALE_BUILD_DIR") ?: ".", name, NULL);
  g_autoptr(GBytes) previous = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GdkTexture *texture = NULL;
  int same = 0;

  while (same < 3 && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GBytes) bytes = NULL;

      escale_test_spin ();
      g_usleep (50000);
      escale_test_spin ();
      g_clear_object (&texture);
      texture = render_now (fixture);
      bytes = texture_bytes (texture);
      same = previous != NULL && g_bytes_equal (bytes, previous) ? same + 1 : 0;
      g_clear_pointer (&previous, g_bytes_unref);
      previous = g_steal_pointer (&bytes);
    }
  g_assert_cmpint (same, >=, 3);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
  return texture;
}

/* The colour at (@x, @y) of @texture. */
static GdkRGBA
pixel_at (GdkTexture *texture,
          double      x,
          double      y)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  const guchar *p;

  gdk_texture_download (texture, data, width * 4);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, width);
  g_assert_cmpfloat (y, <, height);
  /* GDK_MEMORY_DEFAULT: B, G, R, A, premultiplied (opaque here). */
  p = data + ((gsize) y * width + (gsize) x) * 4;
  return (GdkRGBA) { p[2] / 255.0, p[1] / 255.0, p[0] / 255.0, p[3] / 255.0 };
}

static void
assert_colour (GdkRGBA     colour,
               const char *expected)
{
  GdkRGBA want;

  g_assert_true (gdk_rgba_parse (&want, expected));
  g_test_message ("colour %.2f %.2f %.2f, expected %s", colour.red, colour.green, colour.blue,
                  expected);
  g_assert_cmpfloat (fabs (colour.red - want.red), <, 0.06);
  g_assert_cmpfloat (fabs (colour.green - want.green), <, 0.06);
  g_assert_cmpfloat (fabs (colour.blue - want.blue), <, 0.06);
}

/* Where libshumate itself puts @lat, @lon in the map widget. */
static void
shumate_position (Fixture *fixture,
                  double   lat,
                  double   lon,
                  double  *x,
                  double  *y)
{
  GtkWidget *map = escale_test_find_widget (fixture->map, SHUMATE_TYPE_MAP, NULL, NULL);

  shumate_viewport_location_to_widget_coords (escale_partner_map_get_viewport (fixture->map),
                                              map, lat, lon, x, y);
  g_assert_true (gtk_widget_translate_coordinates (map, GTK_WIDGET (fixture->map), *x, *y, x, y));
}

static void
test_france (Fixture       *fixture,
             G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr(GdkTexture) texture = NULL;
  double x, y, sx, sy;

  load_style ();
  texture = render (fixture, "test-ui-map-france.png");

  /* The first view shows France and Belgium whole. */
  for (guint i = 0; i < G_N_ELEMENTS (towns); i++)
    {
      g_assert_true (escale_partner_map_locate (fixture->map, i + 1, &x, &y));
      g_assert_cmpfloat (x, >, 0);
      g_assert_cmpfloat (x, <, WIDTH);
      g_assert_cmpfloat (y, >, 0);
      g_assert_cmpfloat (y, <, HEIGHT);
    }
  /* Lyon's marker is where libshumate puts Lyon, in the health theme's red. */
  g_assert_true (escale_partner_map_locate (fixture->map, 1, &x, &y));
  shumate_position (fixture, towns[0].lat, towns[0].lon, &sx, &sy);
  g_assert_cmpfloat (fabs (x - sx), <, 1);
  g_assert_cmpfloat (fabs (y - sy), <, 1);
  assert_colour (pixel_at (texture, x, y), "#e01b24");
  /* Marseille: language's purple. */
  g_assert_true (escale_partner_map_locate (fixture->map, 2, &x, &y));
  assert_colour (pixel_at (texture, x, y), "#9141ac");
  /* The Bay of Biscay is sea; the Massif Central land, outside France's
   * departments drawn lighter. */
  shumate_position (fixture, 45.5, -4.0, &x, &y);
  assert_colour (pixel_at (texture, x, y), "#ccdeed");
  shumate_position (fixture, 45.2, 2.9, &x, &y);
  assert_colour (pixel_at (texture, x, y), "#fcfaf5");
  /* Paris's five are one group at this zoom level. */
  {
    double px, py;
    EscaleMarkerLayer *layer = ESCALE_MARKER_LAYER (
      escale_test_find_widget (fixture->map, ESCALE_TYPE_MARKER_LAYER, NULL, NULL));
    const EscaleMapCluster *paris;

    g_assert_true (escale_partner_map_locate (fixture->map, 100, &px, &py));
    g_assert_true (escale_partner_map_locate (fixture->map, 104, &x, &y));
    g_assert_cmpfloat (px, ==, x);
    g_assert_cmpfloat (py, ==, y);
    paris = escale_marker_layer_cluster_at (layer, px, py);
    g_assert_nonnull (paris);
    g_assert_cmpuint (paris->n_members, ==, 5);
  }
  /* The legend lists the themes. */
  g_assert_nonnull (escale_test_find_label (fixture->map, "Housing"));
  g_assert_nonnull (escale_test_find_label (fixture->map, "Health"));
}

static void
test_zoomed (Fixture       *fixture,
             G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr(GdkTexture) texture = NULL;
  double x, y, x2, y2;

  load_style ();
  escale_test_spin ();
  /* Paris at zoom 13: its partners part. */
  escale_partner_map_center_on (fixture->map, 48.875, 2.33, 13);
  texture = render (fixture, "test-ui-map-paris.png");
  g_assert_true (escale_partner_map_locate (fixture->map, 100, &x, &y));
  g_assert_true (escale_partner_map_locate (fixture->map, 104, &x2, &y2));
  g_assert_cmpfloat (hypot (x - x2, y - y2), >, 100);
  assert_colour (pixel_at (texture, x, y), "#1c71d8");   /* rights */

  /* Belgium and the north at zoom 8, turned a little: markers follow. */
  escale_partner_map_center_on (fixture->map, 50.6, 4.2, 8);
  g_clear_object (&texture);
  texture = render (fixture, "test-ui-map-belgium.png");
  g_assert_true (escale_partner_map_locate (fixture->map, 10, &x, &y));
  shumate_position (fixture, towns[9].lat, towns[9].lon, &x2, &y2);
  g_assert_cmpfloat (fabs (x - x2), <, 1);
  g_assert_cmpfloat (fabs (y - y2), <, 1);
  assert_colour (pixel_at (texture, x, y), "#e01b24");
  shumate_viewport_set_rotation (escale_partner_map_get_viewport (fixture->map), 0.4);
  escale_test_spin ();
  g_assert_true (escale_partner_map_locate (fixture->map, 10, &x, &y));
  shumate_position (fixture, towns[9].lat, towns[9].lon, &x2, &y2);
  g_assert_cmpfloat (fabs (x - x2), <, 1);
  g_assert_cmpfloat (fabs (y - y2), <, 1);
}

static void
test_keyboard (Fixture       *fixture,
               G_GNUC_UNUSED gconstpointer data)
{
  ShumateViewport *viewport = escale_partner_map_get_viewport (fixture->map);
  ShumateLocation *centre = SHUMATE_LOCATION (viewport);
  double lon, lat, zoom;

  escale_test_spin ();
  escale_partner_map_center_on (fixture->map, 47, 2, 6);
  escale_test_spin ();
  lon = shumate_location_get_longitude (centre);
  lat = shumate_location_get_latitude (centre);
  /* Right: east by a quarter of the width; Up: north. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->map), "map.pan", "(ii)", 1, 0));
  g_assert_cmpfloat (shumate_location_get_longitude (centre), >, lon + 1);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (centre), lat, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->map), "map.pan", "(ii)", 0, -1));
  g_assert_cmpfloat (shumate_location_get_latitude (centre), >, lat + 0.5);
  /* The keys are bound: Left, plus, minus. */
  g_assert_nonnull (escale_test_find_shortcut (GTK_WIDGET (fixture->map), "Left", NULL));
  g_assert_nonnull (escale_test_find_shortcut (GTK_WIDGET (fixture->map), "plus", NULL));
  g_assert_nonnull (escale_test_find_shortcut (GTK_WIDGET (fixture->map), "minus", NULL));
  /* Zoom in and out by whole levels. */
  zoom = shumate_viewport_get_zoom_level (viewport);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->map), "map.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), zoom + 1, 1e-6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->map), "map.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), zoom, 1e-6);
  g_assert_cmpint (fixture->activated, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int result;

  escale_test_init_gtk (&argc, &argv);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/map/france", test_france);
  ADD ("/ui/map/zoomed", test_zoomed);
  ADD ("/ui/map/keyboard", test_keyboard);
#undef ADD
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
