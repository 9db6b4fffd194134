/* escale-local-tiles.c — raster tiles from an MBTiles file or a z/x/y folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "escale-local-tiles.h"

#define MAX_ZOOM 30

struct _EscaleLocalTiles
{
  ShumateDataSource  parent_instance;

  char              *path;
  sqlite3           *db;        /* NULL for a folder */
  sqlite3_stmt      *select;    /* one tile, under lock */
  GMutex             lock;
  guint              min_zoom;
  guint              max_zoom;
  char              *attribution;
};

typedef struct
{
  int x;
  int y;
  int zoom;
} TileRequest;

G_DEFINE_FINAL_TYPE (EscaleLocalTiles, escale_local_tiles, SHUMATE_TYPE_DATA_SOURCE)

G_DEFINE_QUARK (escale-local-tiles-error-quark, escale_local_tiles_error)

static const char * const folder_extensions[] = { "png", "jpg", "jpeg" };

/* Plain text from an HTML attribution: tags dropped, common entities decoded,
 * blanks collapsed. */
static char *
plain_attribution (const char *html)
{
  static const struct { const char *entity, *text; } entities[] = {
    { "&copy;", "©" }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
    { "&quot;", "\"" }, { "&nbsp;", " " }, { "&#169;", "©" },
  };
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = html; *p != '\0'; p++)
    {
      if (*p == '<' || (in_tag && *p == '>'))
        in_tag = *p == '<';
      else if (!in_tag)
        g_string_append_c (text, g_ascii_isspace (*p) ? ' ' : *p);
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (text, entities[i].entity, entities[i].text, 0);
  while (strstr (text->str, "  ") != NULL)
    g_string_replace (text, "  ", " ", 0);
  g_strstrip (text->str);
  return text->str[0] != '\0' ? g_strdup (text->str) : NULL;
}

static void
set_error (GError                **error,
           EscaleLocalTilesError   code,
           const char             *format,
           const char             *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, ESCALE_LOCAL_TILES_ERROR, code, format, name);
}

/* MBTiles */

static gboolean
parse_zoom (const char *text,
            guint      *zoom)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, MAX_ZOOM, &value, NULL))
    return FALSE;
  *zoom = (guint) value;
  return TRUE;
}

static void
read_metadata (EscaleLocalTiles *self,
               gboolean         *has_min,
               gboolean         *has_max,
               char            **format)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT name, value FROM metadata", -1, &stmt, NULL) != SQLITE_OK)
    return;  /* optional */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (name == NULL || value == NULL)
        continue;
      if (g_str_equal (name, "minzoom"))
        *has_min = parse_zoom (value, &self->min_zoom);
      else if (g_str_equal (name, "maxzoom"))
        *has_max = parse_zoom (value, &self->max_zoom);
      else if (g_str_equal (name, "attribution"))
        self->attribution = plain_attribution (value);
      else if (g_str_equal (name, "format"))
        *format = g_strdup (value);
    }
  sqlite3_finalize (stmt);
}

/* The zoom levels from the tiles themselves, when the metadata lacks them. */
static void
read_zoom_range (EscaleLocalTiles *self,
                 gboolean          has_min,
                 gboolean          has_max)
{
  sqlite3_stmt *stmt = NULL;

  if (has_min && has_max)
    return;
  if (sqlite3_prepare_v2 (self->db, "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles", -1,
                          &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (!has_min)
        self->min_zoom = CLAMP (sqlite3_column_int (stmt, 0), 0, MAX_ZOOM);
      if (!has_max)
        self->max_zoom = CLAMP (sqlite3_column_int (stmt, 1), 0, MAX_ZOOM);
    }
  sqlite3_finalize (stmt);
}

static gboolean
has_any_tile (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM tiles LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

static gboolean
open_mbtiles (EscaleLocalTiles  *self,
              GError           **error)
{
  g_autofree char *format = NULL;
  gboolean has_min = FALSE, has_max = FALSE;

  if (g_access (self->path, R_OK) != 0 ||
      sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      /* Translators: %s is a file name */
      set_error (error, ESCALE_LOCAL_TILES_ERROR_UNREADABLE, _("“%s” cannot be read"),
                 self->path);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (self->db, "SELECT tile_data FROM tiles WHERE zoom_level = ?1 "
                          "AND tile_column = ?2 AND tile_row = ?3", -1, &self->select,
                          NULL) != SQLITE_OK)
    {
      /* Translators: %s is a file name; MBTiles is a file format for maps */
      set_error (error, ESCALE_LOCAL_TILES_ERROR_NOT_MBTILES, _("“%s” is not an MBTiles file"),
                 self->path);
      return FALSE;
    }
  read_metadata (self, &has_min, &has_max, &format);
  if (format != NULL && (g_str_equal (format, "pbf") || g_str_equal (format, "mvt")))
    {
      /* Translators: %s is a file name */
      set_error (error, ESCALE_LOCAL_TILES_ERROR_VECTOR,
                 _("“%s” holds vector tiles; only PNG and JPEG tiles can be shown"), self->path);
      return FALSE;
    }
  if (!has_any_tile (self->db))
    {
      /* Translators: %s is a file or folder name */
      set_error (error, ESCALE_LOCAL_TILES_ERROR_NO_TILES, _("No tiles found in “%s”"),
                 self->path);
      return FALSE;
    }
  read_zoom_range (self, has_min, has_max);
  return TRUE;
}

static GBytes *
read_mbtiles_tile (EscaleLocalTiles *self,
                   int               x,
                   int               y,
                   int               zoom)
{
  GBytes *bytes = NULL;

  g_mutex_lock (&self->lock);
  sqlite3_bind_int (self->select, 1, zoom);
  sqlite3_bind_int (self->select, 2, x);
  /* MBTiles rows count from the south (TMS). */
  sqlite3_bind_int (self->select, 3, (1 << zoom) - 1 - y);
  if (sqlite3_step (self->select) == SQLITE_ROW && sqlite3_column_bytes (self->select, 0) > 0)
    bytes = g_bytes_new (sqlite3_column_blob (self->select, 0),
                         sqlite3_column_bytes (self->select, 0));
  sqlite3_reset (self->select);
  g_mutex_unlock (&self->lock);
  return bytes;
}

/* Folders */

static char *
folder_tile_path (const char *folder,
                  int         x,
                  int         y,
                  int         zoom)
{
  for (guint i = 0; i < G_N_ELEMENTS (folder_extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("%d.%s", y, folder_extensions[i]);
      g_autofree char *z = g_strdup_printf ("%d", zoom);
      g_autofree char *column = g_strdup_printf ("%d", x);
      g_autofree char *path = g_build_filename (folder, z, column, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static gboolean
is_number (const char *name)
{
  return g_ascii_string_to_unsigned (name, 10, 0, G_MAXINT, NULL, NULL);
}

static gboolean
is_tile_name (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = dot ? g_strndup (name, dot - name) : NULL;
  g_autofree char *extension = dot ? g_ascii_strdown (dot + 1, -1) : NULL;

  return stem != NULL && is_number (stem) && g_strv_contains (folder_extensions, extension);
}

/* Whether the folder @path (one zoom level, or one column) holds a numbered
 * entry for which @check is TRUE. */
static gboolean
any_entry (const char *path,
           gboolean  (*check) (const char *path, const char *name))
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (check (path, name))
      return TRUE;
  return FALSE;
}

static gboolean
check_tile (G_GNUC_UNUSED const char *path,
            const char               *name)
{
  return is_tile_name (name);
}

static gboolean
check_column (const char *path,
              const char *name)
{
  g_autofree char *column = g_build_filename (path, name, NULL);

  return is_number (name) && any_entry (column, check_tile);
}

static gboolean
open_folder (EscaleLocalTiles  *self,
             GError           **error)
{
  g_autoptr(GDir) dir = g_dir_open (self->path, 0, NULL);
  guint min_zoom = G_MAXUINT, max_zoom = 0;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *level = g_build_filename (self->path, name, NULL);
      guint64 zoom;

      if (g_ascii_string_to_unsigned (name, 10, 0, MAX_ZOOM, &zoom, NULL) &&
          any_entry (level, check_column))
        {
          min_zoom = MIN (min_zoom, (guint) zoom);
          max_zoom = MAX (max_zoom, (guint) zoom);
        }
    }
  if (min_zoom > max_zoom)
    {
      set_error (error, ESCALE_LOCAL_TILES_ERROR_NO_TILES, _("No tiles found in “%s”"),
                 self->path);
      return FALSE;
    }
  self->min_zoom = min_zoom;
  self->max_zoom = max_zoom;
  return TRUE;
}

/* ShumateDataSource */

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                G_GNUC_UNUSED GCancellable *cancellable)
{
  TileRequest *request = task_data;
  GError *error = NULL;
  GBytes *bytes = escale_local_tiles_read (source_object, request->x, request->y,
                                           request->zoom, &error);

  if (bytes != NULL)
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

/* Back in the main thread: libshumate 1.0's renderers draw what
 * "received-data" brings, not what _finish returns, and only while the
 * request is under way; so the signal comes first. */
static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileRequest *request = g_task_get_task_data (task);
  GError *error = NULL;
  GBytes *bytes = g_task_propagate_pointer (G_TASK (result), &error);

  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_signal_emit_by_name (source, "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
escale_local_tiles_get_tile_data_async (ShumateDataSource   *source,
                                        int                  x,
                                        int                  y,
                                        int                  zoom_level,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task = g_task_new (source, cancellable, callback, user_data);
  g_autoptr(GTask) read = g_task_new (source, cancellable, on_read_cb, task);
  TileRequest *request = g_new (TileRequest, 1);

  *request = (TileRequest) { x, y, zoom_level };
  g_task_set_source_tag (task, escale_local_tiles_get_tile_data_async);
  g_task_set_task_data (task, request, g_free);
  g_task_set_task_data (read, g_memdup2 (request, sizeof *request), g_free);
  g_task_run_in_thread (read, read_in_thread);
}

static GBytes *
escale_local_tiles_get_tile_data_finish (ShumateDataSource  *source,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GObject */

static void
escale_local_tiles_finalize (GObject *object)
{
  EscaleLocalTiles *self = ESCALE_LOCAL_TILES (object);

  g_clear_pointer (&self->select, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self->attribution);
  G_OBJECT_CLASS (escale_local_tiles_parent_class)->finalize (object);
}

static void
escale_local_tiles_class_init (EscaleLocalTilesClass *klass)
{
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = escale_local_tiles_finalize;
  source_class->get_tile_data_async = escale_local_tiles_get_tile_data_async;
  source_class->get_tile_data_finish = escale_local_tiles_get_tile_data_finish;
}

static void
escale_local_tiles_init (EscaleLocalTiles *self)
{
  g_mutex_init (&self->lock);
}

/* Public API */

EscaleLocalTiles *
escale_local_tiles_new (const char  *path,
                        GError     **error)
{
  g_autoptr(EscaleLocalTiles) self = NULL;
  gboolean opened;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file or folder name */
      set_error (error, ESCALE_LOCAL_TILES_ERROR_UNREADABLE, _("“%s” does not exist"), path);
      return NULL;
    }
  self = g_object_new (ESCALE_TYPE_LOCAL_TILES, NULL);
  self->path = g_strdup (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    opened = open_folder (self, error);
  else
    opened = open_mbtiles (self, error);
  return opened ? g_steal_pointer (&self) : NULL;
}

const char *
escale_local_tiles_get_path (EscaleLocalTiles *self)
{
  g_return_val_if_fail (ESCALE_IS_LOCAL_TILES (self), NULL);
  return self->path;
}

guint
escale_local_tiles_get_min_zoom (EscaleLocalTiles *self)
{
  g_return_val_if_fail (ESCALE_IS_LOCAL_TILES (self), 0);
  return self->min_zoom;
}

guint
escale_local_tiles_get_max_zoom (EscaleLocalTiles *self)
{
  g_return_val_if_fail (ESCALE_IS_LOCAL_TILES (self), 0);
  return self->max_zoom;
}

const char *
escale_local_tiles_get_attribution (EscaleLocalTiles *self)
{
  g_return_val_if_fail (ESCALE_IS_LOCAL_TILES (self), NULL);
  return self->attribution;
}

GBytes *
escale_local_tiles_read (EscaleLocalTiles  *self,
                         int                x,
                         int                y,
                         int                zoom,
                         GError           **error)
{
  GBytes *bytes = NULL;

  g_return_val_if_fail (ESCALE_IS_LOCAL_TILES (self), NULL);

  if (zoom >= 0 && zoom <= MAX_ZOOM && x >= 0 && y >= 0 && x < (1 << zoom) && y < (1 << zoom))
    {
      if (self->db != NULL)
        bytes = read_mbtiles_tile (self, x, y, zoom);
      else
        {
          g_autofree char *path = folder_tile_path (self->path, x, y, zoom);
          char *contents;
          gsize length;

          if (path != NULL && g_file_get_contents (path, &contents, &length, NULL))
            bytes = g_bytes_new_take (contents, length);
        }
    }
  if (bytes == NULL)
    /* Translators: a map tile's zoom level, column and row */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No map tile %d/%d/%d"), zoom, x, y);
  return bytes;
}

ShumateMapSource *
escale_local_tiles_new_map_source (EscaleLocalTiles *self)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ESCALE_IS_LOCAL_TILES (self), NULL);

  /* Tiles are kept in memory by source id: one id per file. */
  id = g_compute_checksum_for_string (G_CHECKSUM_SHA1, self->path, -1);
  name = g_filename_display_basename (self->path);
  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (id, name, self->attribution, NULL,
                                                               self->min_zoom, self->max_zoom,
                                                               256,
                                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (self)));
}
