/* escale-basemap-data.c — the offline map's outlines and towns, in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "escale-basemap-data.h"
#include "escale-geo.h"
#include "escale-map-projection.h"

#define BASEMAP_MAGIC "EGEO"
#define BASEMAP_VERSION 1

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} Reader;

static gboolean
read_u32 (Reader  *reader,
          guint32 *value)
{
  if (reader->size - reader->offset < 4)
    return FALSE;
  memcpy (value, reader->data + reader->offset, 4);
  *value = GUINT32_FROM_LE (*value);
  reader->offset += 4;
  return TRUE;
}

static gboolean
read_array (Reader   *reader,
            gsize     count,
            gpointer *out)
{
  gsize bytes = count * 4;

  if (count > G_MAXSIZE / 4 || reader->size - reader->offset < bytes)
    return FALSE;
  /* A copy: resource data need not be aligned. The file is little-endian,
   * as are the machines Escale runs on. */
  *out = g_memdup2 (reader->data + reader->offset, MAX (bytes, 1));
  reader->offset += bytes;
  return TRUE;
}

static void
compute_boxes (EscaleOutlineLayer *layer)
{
  layer->ring_box = g_new (EscaleGeoBox, MAX (layer->n_rings, 1));
  for (guint r = 0; r < layer->n_rings; r++)
    {
      EscaleGeoBox box = { 1, 1, 0, 0 };

      for (guint32 i = layer->ring_start[r]; i < layer->ring_start[r + 1]; i++)
        {
          float x = layer->points[2 * i], y = layer->points[2 * i + 1];

          box.x0 = MIN (box.x0, x);
          box.y0 = MIN (box.y0, y);
          box.x1 = MAX (box.x1, x);
          box.y1 = MAX (box.y1, y);
        }
      layer->ring_box[r] = box;
    }
}

static gboolean
read_layer (Reader            *reader,
            EscaleBasemapData *data)
{
  guint32 kind, n_rings, n_points;
  EscaleOutlineLayer *layer;

  if (!read_u32 (reader, &kind) || !read_u32 (reader, &n_rings) || !read_u32 (reader, &n_points) ||
      kind == 0 || kind >= ESCALE_OUTLINE_N_KINDS || data->layers[kind].points != NULL)
    return FALSE;
  layer = &data->layers[kind];
  layer->n_rings = n_rings;
  if (!read_array (reader, (gsize) n_rings + 1, (gpointer *) &layer->ring_start) ||
      !read_array (reader, (gsize) n_points * 2, (gpointer *) &layer->points))
    return FALSE;
  for (guint r = 0; r < n_rings; r++)
    if (layer->ring_start[r] > layer->ring_start[r + 1] || layer->ring_start[r + 1] > n_points)
      return FALSE;
  compute_boxes (layer);
  return TRUE;
}

static gboolean
read_outlines (EscaleBasemapData  *data,
               GError            **error)
{
  g_autoptr(GBytes) bytes = escale_geo_load_data ("basemap.bin");
  Reader reader = { 0 };
  guint32 version, n_layers;

  if (bytes != NULL)
    reader.data = g_bytes_get_data (bytes, &reader.size);
  if (reader.size < 4 || memcmp (reader.data, BASEMAP_MAGIC, 4) != 0)
    goto invalid;
  reader.offset = 4;
  if (!read_u32 (&reader, &version) || version != BASEMAP_VERSION || !read_u32 (&reader, &n_layers))
    goto invalid;
  for (guint i = 0; i < n_layers; i++)
    if (!read_layer (&reader, data))
      goto invalid;
  return TRUE;

invalid:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The map’s outlines are damaged"));
  return FALSE;
}

/* towns.tsv: name, latitude, longitude, population. */
static void
read_towns (EscaleBasemapData *data)
{
  g_autoptr(GBytes) bytes = escale_geo_load_data ("towns.tsv");
  g_auto(GStrv) lines = NULL;

  data->towns = g_array_new (FALSE, FALSE, sizeof (EscaleTown));
  if (bytes == NULL)
    return;
  lines = g_strsplit (g_bytes_get_data (bytes, NULL) ?: "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 5);
      EscaleTown town;

      if (g_strv_length (fields) < 4)
        continue;
      escale_map_project (g_ascii_strtod (fields[1], NULL), g_ascii_strtod (fields[2], NULL), 0,
                          &town.x, &town.y);
      town.x /= ESCALE_MAP_TILE_SIZE;
      town.y /= ESCALE_MAP_TILE_SIZE;
      town.population = (guint) g_ascii_strtoull (fields[3], NULL, 10);
      town.name = g_steal_pointer (&fields[0]);
      g_array_append_val (data->towns, town);
    }
}

static void
clear_town (gpointer town)
{
  g_free (((EscaleTown *) town)->name);
}

/* Public API */

EscaleBasemapData *
escale_basemap_data_load (GError **error)
{
  EscaleBasemapData *data = g_new0 (EscaleBasemapData, 1);

  if (!read_outlines (data, error))
    {
      escale_basemap_data_free (data);
      return NULL;
    }
  read_towns (data);
  g_array_set_clear_func (data->towns, clear_town);
  return data;
}

void
escale_basemap_data_free (EscaleBasemapData *data)
{
  if (data == NULL)
    return;
  for (guint k = 0; k < ESCALE_OUTLINE_N_KINDS; k++)
    {
      g_free (data->layers[k].ring_start);
      g_free (data->layers[k].ring_box);
      g_free (data->layers[k].points);
    }
  g_clear_pointer (&data->towns, g_array_unref);
  g_free (data);
}

const EscaleBasemapData *
escale_basemap_data_get (void)
{
  static EscaleBasemapData *shared;

  if (g_once_init_enter (&shared))
    {
      g_autoptr(GError) error = NULL;
      EscaleBasemapData *data = escale_basemap_data_load (&error);

      if (data == NULL)
        {
          /* Damaged data: an empty map (markers still work) rather than none. */
          g_warning ("%s", error->message);
          data = g_new0 (EscaleBasemapData, 1);
          data->towns = g_array_new (FALSE, FALSE, sizeof (EscaleTown));
        }
      g_once_init_leave (&shared, data);
    }
  return shared;
}
