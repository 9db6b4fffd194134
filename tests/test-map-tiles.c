/* test-map-tiles.c — the map's base layers: the user's tiles, OpenStreetMap's, the offline map
 *
 * Builds a small MBTiles file and a z/x/y folder of real PNG and JPEG tiles,
 * reads them through EscaleLocalTiles (TMS rows flipped, missing tiles
 * refused, libshumate's renderer fed through "received-data"), then checks
 * which base layer the partners' map draws as the settings and a simulated
 * network change, and the Preferences row for the tiles path. Never touches
 * the network: the online source is created but no tile is ever requested.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "escale-local-tiles.h"
#include "escale-map-tiles-row.h"
#include "escale-marker-layer.h"
#include "escale-partner-map.h"
#include "escale-preferences-window.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"

typedef struct
{
  GBytes *red;    /* PNG, zoom 1, x 0, y 0 */
  GBytes *blue;   /* PNG, zoom 1, x 1, y 1 */
  GBytes *green;  /* JPEG, zoom 3, x 5, y 2 (folder only) */
  char   *mbtiles;
  char   *folder;
} Tiles;

static Tiles tiles;

static GBytes *
new_png (double r,
         double g,
         double b)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 256, 256);
  g_autoptr(GError) error = NULL;
  gchar *buffer;
  gsize size;

  gdk_pixbuf_fill (pixbuf, ((guint) (r * 255) << 24) | ((guint) (g * 255) << 16) |
                           ((guint) (b * 255) << 8) | 0xff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static GBytes *
new_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 256, 256);
  g_autoptr(GError) error = NULL;
  gchar *buffer;
  gsize size;

  gdk_pixbuf_fill (pixbuf, 0x00ff00ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
insert_tile (sqlite3 *db,
             int      zoom,
             int      column,
             int      row,
             GBytes  *bytes)
{
  sqlite3_stmt *stmt = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, zoom);
  sqlite3_bind_int (stmt, 2, column);
  sqlite3_bind_int (stmt, 3, row);
  sqlite3_bind_blob (stmt, 4, data, (int) size, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* An MBTiles file; @metadata is SQL inserting into it, or NULL. */
static char *
new_mbtiles (const char *name,
             const char *metadata,
             gboolean    with_tiles)
{
  char *path = escale_test_tmp_path (name);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec (db, "CREATE TABLE metadata (name TEXT, value TEXT);"
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
            " tile_data BLOB);");
  if (metadata != NULL)
    exec (db, metadata);
  if (with_tiles)
    {
      /* TMS rows count from the south: at zoom 1, row 1 is y 0. */
      insert_tile (db, 1, 0, 1, tiles.red);
      insert_tile (db, 1, 1, 0, tiles.blue);
    }
  sqlite3_close (db);
  return path;
}

static void
write_tile (const char *folder,
            const char *relative,
            GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (folder, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
make_tiles (void)
{
  tiles.red = new_png (1, 0, 0);
  tiles.blue = new_png (0, 0, 1);
  tiles.green = new_jpeg ();
  tiles.mbtiles = new_mbtiles ("tiles.mbtiles",
                               "INSERT INTO metadata VALUES ('name', 'Test'), ('format', 'png'),"
                               " ('minzoom', '1'), ('maxzoom', '3'), ('attribution',"
                               " '<a href=\"https://example.org\">&copy; Test  mappers</a>');",
                               TRUE);
  tiles.folder = escale_test_tmp_path ("tiles");
  write_tile (tiles.folder, "1/0/0.png", tiles.red);
  write_tile (tiles.folder, "1/1/1.png", tiles.blue);
  write_tile (tiles.folder, "3/5/2.jpg", tiles.green);
  write_tile (tiles.folder, "README.txt", tiles.red);
}

static void
assert_tile (EscaleLocalTiles *local,
             int               x,
             int               y,
             int               zoom,
             GBytes           *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = escale_local_tiles_read (local, x, y, zoom, &error);

  if (expected == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_null (bytes);
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, expected));
}

/* Tiles */

static void
test_mbtiles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleLocalTiles) local = escale_local_tiles_new (tiles.mbtiles, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (escale_local_tiles_get_min_zoom (local), ==, 1);
  g_assert_cmpuint (escale_local_tiles_get_max_zoom (local), ==, 3);
  g_assert_cmpstr (escale_local_tiles_get_attribution (local), ==, "© Test mappers");
  assert_tile (local, 0, 0, 1, tiles.red);
  assert_tile (local, 1, 1, 1, tiles.blue);
  /* Unflipped rows would find these. */
  assert_tile (local, 0, 1, 1, NULL);
  assert_tile (local, 1, 0, 1, NULL);
  assert_tile (local, 0, 0, 0, NULL);
  assert_tile (local, 2, 0, 1, NULL);
  assert_tile (local, -1, 0, 1, NULL);
}

static void
test_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleLocalTiles) local = escale_local_tiles_new (tiles.folder, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (escale_local_tiles_get_min_zoom (local), ==, 1);
  g_assert_cmpuint (escale_local_tiles_get_max_zoom (local), ==, 3);
  g_assert_null (escale_local_tiles_get_attribution (local));
  /* Folders count rows from the north. */
  assert_tile (local, 0, 0, 1, tiles.red);
  assert_tile (local, 1, 1, 1, tiles.blue);
  assert_tile (local, 5, 2, 3, tiles.green);
  assert_tile (local, 0, 1, 1, NULL);
  assert_tile (local, 2, 5, 3, NULL);
}

static void
assert_refused (const char            *path,
                EscaleLocalTilesError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleLocalTiles) local = escale_local_tiles_new (path, &error);

  g_assert_null (local);
  g_assert_error (error, ESCALE_LOCAL_TILES_ERROR, (int) code);
  g_test_message ("%s: %s", path, error->message);
}

static void
test_refused (void)
{
  g_autofree char *text = escale_test_tmp_path ("notes.txt");
  g_autofree char *other_db = escale_test_tmp_path ("other.db");
  g_autofree char *empty = new_mbtiles ("empty.mbtiles", NULL, FALSE);
  g_autofree char *vector = new_mbtiles ("vector.mbtiles",
                                         "INSERT INTO metadata VALUES ('format', 'pbf');", TRUE);
  g_autofree char *empty_folder = escale_test_tmp_path ("no-tiles");
  g_autofree char *missing = escale_test_tmp_path ("missing.mbtiles");
  g_autofree char *wrong_layout = escale_test_tmp_path ("photos");
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "Not a map\n", -1, NULL));
  g_assert_cmpint (sqlite3_open (other_db, &db), ==, SQLITE_OK);
  exec (db, "CREATE TABLE people (name TEXT)");
  sqlite3_close (db);
  g_assert_cmpint (g_mkdir (empty_folder, 0700), ==, 0);
  write_tile (wrong_layout, "holiday/1/beach.png", tiles.red);

  assert_refused (text, ESCALE_LOCAL_TILES_ERROR_NOT_MBTILES);
  assert_refused (other_db, ESCALE_LOCAL_TILES_ERROR_NOT_MBTILES);
  assert_refused (empty, ESCALE_LOCAL_TILES_ERROR_NO_TILES);
  assert_refused (vector, ESCALE_LOCAL_TILES_ERROR_VECTOR);
  assert_refused (empty_folder, ESCALE_LOCAL_TILES_ERROR_NO_TILES);
  assert_refused (wrong_layout, ESCALE_LOCAL_TILES_ERROR_NO_TILES);
  assert_refused (missing, ESCALE_LOCAL_TILES_ERROR_UNREADABLE);
}

typedef struct
{
  GBytes *received;
  int     x, y, zoom;
  GBytes *result;
  GError *error;
  gboolean done;
} Request;

static void
on_received_data_cb (G_GNUC_UNUSED ShumateDataSource *source,
                     int      x,
                     int      y,
                     int      zoom,
                     GBytes  *bytes,
                     Request *request)
{
  g_assert_null (request->received);
  request->received = g_bytes_ref (bytes);
  request->x = x;
  request->y = y;
  request->zoom = zoom;
}

static void
on_tile_data_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Request *request = data;

  request->result = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (source),
                                                              result, &request->error);
  request->done = TRUE;
}

static void
request_tile (EscaleLocalTiles *local,
              int               x,
              int               y,
              int               zoom,
              Request          *request)
{
  gulong handler = g_signal_connect (local, "received-data", G_CALLBACK (on_received_data_cb),
                                     request);

  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (local), x, y, zoom, NULL,
                                           on_tile_data_cb, request);
  while (!request->done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (local, handler);
}

static void
test_data_source (void)
{
  g_autoptr(EscaleLocalTiles) local = escale_local_tiles_new (tiles.mbtiles, NULL);
  Request found = { 0 }, missing = { 0 };

  request_tile (local, 1, 1, 1, &found);
  g_assert_no_error (found.error);
  g_assert_true (g_bytes_equal (found.result, tiles.blue));
  /* libshumate 1.0's renderer only draws what the signal brings. */
  g_assert_nonnull (found.received);
  g_assert_true (g_bytes_equal (found.received, tiles.blue));
  g_assert_cmpint (found.x, ==, 1);
  g_assert_cmpint (found.y, ==, 1);
  g_assert_cmpint (found.zoom, ==, 1);

  request_tile (local, 0, 1, 1, &missing);
  g_assert_error (missing.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (missing.result);
  g_assert_null (missing.received);

  g_bytes_unref (found.result);
  g_bytes_unref (found.received);
  g_error_free (missing.error);
}

static void
on_tile_filled_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (source), result,
                                                      &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

/* The tile drawn through a ShumateRasterRenderer, as the map does. */
static void
test_renderer (void)
{
  g_autoptr(EscaleLocalTiles) local = escale_local_tiles_new (tiles.folder, NULL);
  g_autoptr(ShumateMapSource) source = escale_local_tiles_new_map_source (local);
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (5, 2, 256, 3);
  g_autofree guchar *pixels = NULL;
  GdkTexture *texture;
  guchar pixel[4];
  gboolean filled = FALSE;

  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (source), ==, 1);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (source), ==, 3);
  shumate_map_source_fill_tile_async (source, tile, NULL, on_tile_filled_cb, &filled);
  while (!filled)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
  g_assert_true (GDK_IS_TEXTURE (shumate_tile_get_paintable (tile)));
  texture = GDK_TEXTURE (shumate_tile_get_paintable (tile));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 256);
  /* Green, as the JPEG was (within its loss); memory order B G R A. */
  pixels = g_malloc (256 * 256 * 4);
  gdk_texture_download (texture, pixels, 256 * 4);
  memcpy (pixel, pixels + (128 * 256 + 128) * 4, 4);
  g_assert_cmpuint (pixel[1], >, 200);
  g_assert_cmpuint (pixel[0], <, 60);
  g_assert_cmpuint (pixel[2], <, 60);
  g_assert_cmpuint (pixel[3], ==, 255);
}

/* The partners' map */

/* A network monitor the test switches on and off. */
#define TEST_TYPE_NETWORK (test_network_get_type ())
G_DECLARE_FINAL_TYPE (TestNetwork, test_network, TEST, NETWORK, GObject)

struct _TestNetwork
{
  GObject  parent_instance;
  gboolean available;
};

enum { PROP_AVAILABLE = 1, PROP_METERED, PROP_CONNECTIVITY };

static gboolean
test_network_init_initable (G_GNUC_UNUSED GInitable    *initable,
                            G_GNUC_UNUSED GCancellable *cancellable,
                            G_GNUC_UNUSED GError      **error)
{
  return TRUE;
}

static void
test_network_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_network_init_initable;
}

static void
test_network_monitor_iface_init (G_GNUC_UNUSED GNetworkMonitorInterface *iface)
{
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestNetwork, test_network, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      test_network_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      test_network_monitor_iface_init))

static void
test_network_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestNetwork *self = TEST_NETWORK (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_network_class_init (TestNetworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_network_get_property;
  g_object_class_override_property (object_class, PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
test_network_init (TestNetwork *self)
{
  self->available = TRUE;
}

/* The credits shown under the map. */
static char *
license_text (EscalePartnerMap *map)
{
  GtkWidget *license = escale_test_find_widget (map, SHUMATE_TYPE_LICENSE, NULL, NULL);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (license);
  labels = escale_test_find_all (license, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    g_string_append (text, gtk_label_get_text (g_ptr_array_index (labels, i)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_online (GNetworkMonitor *monitor,
            gboolean         online)
{
  TEST_NETWORK (monitor)->available = online;
  g_object_notify (G_OBJECT (monitor), "network-available");
  g_signal_emit_by_name (monitor, "network-changed", online);
  g_assert_cmpint (g_network_monitor_get_network_available (monitor), ==, online);
}

/* The map's layers, bottom to top: the base layer, the cached tiles' layer
 * when @cached, the markers. */
static void
assert_layers (EscalePartnerMap *map,
               gboolean          cached)
{
  GtkWidget *shumate = escale_test_find_widget (map, SHUMATE_TYPE_MAP, NULL, NULL);
  g_autoptr(GString) order = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (shumate); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_string_append (order, SHUMATE_IS_MAP_LAYER (child) ? "tiles " :
                            ESCALE_IS_MARKER_LAYER (child) ? "markers " : "other ");
  g_assert_cmpstr (order->str, ==, cached ? "tiles tiles markers " : "tiles markers ");
}

static void
assert_base (EscalePartnerMap  *map,
             EscaleMapBaseKind  kind,
             gboolean           uses_network,
             const char        *credits)
{
  g_autofree char *license = license_text (map);

  escale_test_spin ();
  g_assert_cmpint (escale_partner_map_get_base_kind (map), ==, kind);
  g_assert_cmpint (escale_partner_map_uses_network (map), ==, uses_network);
  g_assert_nonnull (strstr (license, credits));
}

static void
test_map_choice (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.escale.Escale");
  g_autoptr(GNetworkMonitor) monitor = g_initable_new (TEST_TYPE_NETWORK, NULL, NULL, NULL);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "shumate", NULL);
  g_autofree char *text = escale_test_tmp_path ("not-tiles.txt");
  g_autoptr(EscaleLocalTiles) local = escale_local_tiles_new (tiles.folder, NULL);
  g_autoptr(ShumateMapSource) custom = escale_local_tiles_new_map_source (local);
  EscalePartnerMap *map;

  g_assert_true (g_file_set_contents (text, "Not a map\n", -1, NULL));
  g_assert_false (g_settings_get_boolean (settings, "online-map-tiles"));
  /* Never shown: no tile is requested, from the network or elsewhere. */
  map = ESCALE_PARTNER_MAP (g_object_ref_sink (escale_partner_map_new ()));
  escale_partner_map_set_network_monitor (map, monitor);
  assert_base (map, ESCALE_MAP_BASE_OFFLINE, FALSE, "Natural Earth");
  assert_layers (map, FALSE);

  /* The user's tiles, with their credits; offline still when unusable. */
  g_settings_set_string (settings, "map-tiles-path", tiles.mbtiles);
  assert_base (map, ESCALE_MAP_BASE_LOCAL, FALSE, "© Test mappers");
  g_settings_set_string (settings, "map-tiles-path", text);
  assert_base (map, ESCALE_MAP_BASE_OFFLINE, FALSE, "Natural Earth");
  g_settings_set_string (settings, "map-tiles-path", tiles.folder);
  assert_base (map, ESCALE_MAP_BASE_LOCAL, FALSE, "");
  g_settings_reset (settings, "map-tiles-path");
  assert_base (map, ESCALE_MAP_BASE_OFFLINE, FALSE, "Natural Earth");
  /* Nothing of libshumate's downloader was made. */
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));

  /* OpenStreetMap once allowed and online… */
  g_settings_set_boolean (settings, "online-map-tiles", TRUE);
  assert_base (map, ESCALE_MAP_BASE_ONLINE, TRUE, "OpenStreetMap contributors");
  g_assert_null (escale_partner_map_get_cached_layer (map));
  g_assert_true (g_file_test (cache, G_FILE_TEST_IS_DIR));
  /* …the offline map without the network, OpenStreetMap's tiles on disk over it… */
  set_online (monitor, FALSE);
  assert_base (map, ESCALE_MAP_BASE_OFFLINE, TRUE, "Natural Earth");
  assert_base (map, ESCALE_MAP_BASE_OFFLINE, TRUE, "OpenStreetMap contributors");
  g_assert_nonnull (escale_partner_map_get_cached_layer (map));
  assert_layers (map, TRUE);
  /* …and OpenStreetMap again when the network is back. */
  set_online (monitor, TRUE);
  assert_base (map, ESCALE_MAP_BASE_ONLINE, TRUE, "OpenStreetMap contributors");
  g_assert_null (escale_partner_map_get_cached_layer (map));
  assert_layers (map, FALSE);

  /* The user's tiles come first. */
  g_settings_set_string (settings, "map-tiles-path", tiles.mbtiles);
  assert_base (map, ESCALE_MAP_BASE_LOCAL, FALSE, "© Test mappers");
  g_settings_reset (settings, "map-tiles-path");
  assert_base (map, ESCALE_MAP_BASE_ONLINE, TRUE, "OpenStreetMap");

  /* Turned off: the network is left alone again. */
  g_settings_set_boolean (settings, "online-map-tiles", FALSE);
  assert_base (map, ESCALE_MAP_BASE_OFFLINE, FALSE, "Natural Earth");
  g_assert_null (escale_partner_map_get_cached_layer (map));
  {
    g_autofree char *license = license_text (map);

    g_assert_null (strstr (license, "OpenStreetMap"));
  }

  /* A source given by the program wins until taken back. */
  escale_partner_map_set_base_layer (map, custom);
  assert_base (map, ESCALE_MAP_BASE_CUSTOM, FALSE, "");
  escale_partner_map_set_base_layer (map, NULL);
  assert_base (map, ESCALE_MAP_BASE_OFFLINE, FALSE, "Natural Earth");
  g_assert_finalize_object (map);
}

/* Preferences */

static void
test_preferences (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GSettings) settings = g_settings_new ("org.escale.Escale");
  g_autofree char *empty_folder = escale_test_tmp_path ("empty");
  EscalePreferencesWindow *window = escale_preferences_window_new (NULL, store);
  g_autofree char *path = NULL;
  GtkWidget *online, *row;

  gtk_window_present (GTK_WINDOW (window));
  escale_test_spin ();
  online = escale_preferences_window_get_setting_widget (window, "online-map-tiles");
  row = escale_preferences_window_get_setting_widget (window, "map-tiles-path");
  g_assert_true (GTK_IS_SWITCH (online));
  g_assert_true (ESCALE_IS_MAP_TILES_ROW (row));
  g_assert_true (gtk_widget_is_sensitive (row));

  /* The switch is the setting, off by default. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (online)));
  gtk_switch_set_active (GTK_SWITCH (online), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "online-map-tiles"));
  g_settings_set_boolean (settings, "online-map-tiles", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (online)));

  /* The row says what the path holds, or why it cannot be used. */
  g_assert_null (escale_map_tiles_row_get_error (ESCALE_MAP_TILES_ROW (row)));
  g_settings_set_string (settings, "map-tiles-path", tiles.mbtiles);
  g_assert_null (escale_map_tiles_row_get_error (ESCALE_MAP_TILES_ROW (row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "zoom 1 to 3"));
  g_assert_cmpint (g_mkdir (empty_folder, 0700), ==, 0);
  g_settings_set_string (settings, "map-tiles-path", empty_folder);
  g_assert_nonnull (strstr (escale_map_tiles_row_get_error (ESCALE_MAP_TILES_ROW (row)),
                            "No tiles found"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   escale_map_tiles_row_get_error (ESCALE_MAP_TILES_ROW (row)));
  g_settings_set_string (settings, "map-tiles-path", g_getenv ("ESCALE_BUILD_DIR") ?: ".");
  g_assert_nonnull (escale_map_tiles_row_get_error (ESCALE_MAP_TILES_ROW (row)));

  /* Clear forgets it. */
  g_assert_true (gtk_widget_activate_action (row, "map-tiles.clear", NULL));
  path = g_settings_get_string (settings, "map-tiles-path");
  g_assert_cmpstr (path, ==, "");
  g_assert_null (escale_map_tiles_row_get_error (ESCALE_MAP_TILES_ROW (row)));

  gtk_window_destroy (GTK_WINDOW (window));
  escale_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  int result;

  escale_test_init_gtk (&argc, &argv);
  make_tiles ();
  g_test_add_func ("/map-tiles/mbtiles", test_mbtiles);
  g_test_add_func ("/map-tiles/folder", test_folder);
  g_test_add_func ("/map-tiles/refused", test_refused);
  g_test_add_func ("/map-tiles/data-source", test_data_source);
  g_test_add_func ("/map-tiles/renderer", test_renderer);
  g_test_add_func ("/map-tiles/map-choice", test_map_choice);
  g_test_add_func ("/map-tiles/preferences", test_preferences);
  result = g_test_run ();
  g_bytes_unref (tiles.red);
  g_bytes_unref (tiles.blue);
  g_bytes_unref (tiles.green);
  g_free (tiles.mbtiles);
  g_free (tiles.folder);
  escale_test_cleanup ();
  return result;
}
