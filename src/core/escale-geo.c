/* escale-geo.c — offline positions of addresses, from the bundled tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escale-geo.h"
#include "escale-geo-resources.h"
#include "escale-text.h"

typedef struct
{
  char        code[8];  /* postal code, or department code */
  char        precision;
  float       latitude;
  float       longitude;
  const char *key;      /* the folded town name (see city_key) */
} Place;

typedef struct
{
  GArray       *postcodes;    /* Place, sorted by code */
  GArray       *departments;  /* Place: "75", "2A", "971", "BE-WLG" */
  GArray       *be_towns;     /* Place without code */
  GStringChunk *strings;
} Tables;

/* Belgian postal codes by range, and their province (Natural Earth's code). */
static const struct { int first; int last; const char *province; } be_ranges[] = {
  { 1000, 1299, "BE-BRU" }, { 1300, 1499, "BE-WBR" }, { 1500, 1999, "BE-VBR" },
  { 2000, 2999, "BE-VAN" }, { 3000, 3499, "BE-VBR" }, { 3500, 3999, "BE-VLI" },
  { 4000, 4999, "BE-WLG" }, { 5000, 5999, "BE-WNA" }, { 6000, 6599, "BE-WHT" },
  { 6600, 6999, "BE-WLX" }, { 7000, 7999, "BE-WHT" }, { 8000, 8999, "BE-VWV" },
  { 9000, 9999, "BE-VOV" },
};

static gboolean
is_ordinal (const char *word)
{
  gsize digits = strspn (word, "0123456789");

  return digits > 0 && (g_str_equal (word + digits, "er") || g_str_equal (word + digits, "e"));
}

/* "St-Denis Cedex 01" → "saint denis", "Paris 11e Arrondissement" →
 * "paris": what names are compared on. */
static char *
city_key (const char *city)
{
  g_autofree char *folded = escale_text_fold (city);
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) key = g_string_new (NULL);

  g_strdelimit (folded, "-", ' ');
  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (*word == '\0' || g_str_equal (word, "cedex") || g_str_equal (word, "arrondissement") ||
          strspn (word, "0123456789") == strlen (word) || is_ordinal (word))
        continue;
      if (g_str_equal (word, "st"))
        word = "saint";
      else if (g_str_equal (word, "ste"))
        word = "sainte";
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, word);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* Reads the tab-separated @name: columns code?, name?, latitude, longitude,
 * precision? as @layout says ('c' code, 'n' name, 'y' latitude, 'x'
 * longitude, 'p' precision, '-' skipped). */
static GArray *
read_table (const char   *name,
            const char   *layout,
            GStringChunk *strings)
{
  g_autoptr(GBytes) bytes = escale_geo_load_data (name);
  g_autofree char *text = NULL;
  GArray *places = g_array_new (FALSE, TRUE, sizeof (Place));
  char *line, *next;

  if (bytes == NULL)
    return places;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  for (line = text; line != NULL && *line != '\0'; line = next)
    {
      Place place = { .precision = 'c' };
      char *field = line;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      for (const char *col = layout; *col != '\0' && field != NULL; col++)
        {
          char *end = strchr (field, '\t');

          if (end != NULL)
            *end++ = '\0';
          if (*col == 'c')
            g_strlcpy (place.code, field, sizeof place.code);
          else if (*col == 'n')
            {
              g_autofree char *key = city_key (field);
              place.key = g_string_chunk_insert_const (strings, key);
            }
          else if (*col == 'y')
            place.latitude = (float) g_ascii_strtod (field, NULL);
          else if (*col == 'x')
            place.longitude = (float) g_ascii_strtod (field, NULL);
          else if (*col == 'p')
            place.precision = *field;
          field = end;
        }
      g_array_append_val (places, place);
    }
  return places;
}

static const Tables *
get_tables (void)
{
  static Tables *tables;

  if (g_once_init_enter (&tables))
    {
      Tables *t = g_new0 (Tables, 1);

      t->strings = g_string_chunk_new (64 * 1024);
      t->postcodes = read_table ("postcodes.tsv", "cnyxp", t->strings);
      t->departments = read_table ("departments.tsv", "c-yx", t->strings);
      t->be_towns = read_table ("be-towns.tsv", "nyx", t->strings);
      g_once_init_leave (&tables, t);
    }
  return tables;
}

static gboolean
found (const Place        *place,
       EscaleGeoPrecision  precision,
       double             *latitude,
       double             *longitude,
       EscaleGeoPrecision *out_precision)
{
  *latitude = place->latitude;
  *longitude = place->longitude;
  *out_precision = precision;
  return TRUE;
}

static EscaleGeoPrecision
place_precision (const Place *place)
{
  return place->precision == 'p' ? ESCALE_GEO_PRECISION_POSTAL_CODE : ESCALE_GEO_PRECISION_CITY;
}

static const Place *
find_by_code (GArray     *places,
              const char *code)
{
  for (guint i = 0; i < places->len; i++)
    if (g_str_equal (g_array_index (places, Place, i).code, code))
      return &g_array_index (places, Place, i);
  return NULL;
}

/* The first of @places (from @first, while its code starts with @prefix;
 * every place if @prefix is empty) named @key. */
static const Place *
find_by_key (GArray     *places,
             guint       first,
             const char *prefix,
             const char *key)
{
  for (guint i = first; i < places->len; i++)
    {
      const Place *place = &g_array_index (places, Place, i);

      if (!g_str_has_prefix (place->code, prefix))
        break;
      if (g_strcmp0 (place->key, key) == 0)
        return place;
    }
  return NULL;
}

/* The index of the first place whose code is not below @code. */
static guint
lower_bound (GArray     *places,
             const char *code)
{
  guint lo = 0, hi = places->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (g_array_index (places, Place, mid).code, code) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* "75011" → "75", "20090" → "2A", "97200" → "972". */
static void
department_of (const char *code,
               char        department[4])
{
  if (g_str_has_prefix (code, "97"))
    g_strlcpy (department, code, 4);
  else if (g_str_has_prefix (code, "20"))
    g_strlcpy (department, strcmp (code, "20200") < 0 ? "2A" : "2B", 4);
  else
    g_strlcpy (department, code, 3);
}

static gboolean
lookup_french (const Tables       *t,
               const char         *code,
               const char         *key,
               double             *latitude,
               double             *longitude,
               EscaleGeoPrecision *precision)
{
  guint first = lower_bound (t->postcodes, code), n = 0;
  const Place *place = NULL;
  char department[4], prefix[4];
  double lat = 0, lon = 0;

  for (guint i = first; i < t->postcodes->len; i++, n++)
    {
      place = &g_array_index (t->postcodes, Place, i);
      if (!g_str_equal (place->code, code))
        break;
      if (key != NULL && g_strcmp0 (place->key, key) == 0)
        return found (place, place_precision (place), latitude, longitude, precision);
      lat += place->latitude;
      lon += place->longitude;
    }
  if (n == 1)
    return found (&g_array_index (t->postcodes, Place, first),
                  place_precision (&g_array_index (t->postcodes, Place, first)),
                  latitude, longitude, precision);
  if (n > 1)
    {
      Place mean = { .latitude = lat / n, .longitude = lon / n };
      return found (&mean, ESCALE_GEO_PRECISION_POSTAL_CODE, latitude, longitude, precision);
    }

  /* A code of its own (CEDEX, a company): the town in its department, else the department. */
  department_of (code, department);
  g_strlcpy (prefix, code, g_str_has_prefix (code, "97") ? 4 : 3);
  if (key != NULL && (place = find_by_key (t->postcodes, lower_bound (t->postcodes, prefix),
                                           prefix, key)) != NULL)
    return found (place, place_precision (place), latitude, longitude, precision);
  if ((place = find_by_code (t->departments, department)) != NULL)
    return found (place, ESCALE_GEO_PRECISION_DEPARTMENT, latitude, longitude, precision);
  return FALSE;
}

static gboolean
lookup_belgian (const Tables       *t,
                const char         *code,
                const char         *key,
                double             *latitude,
                double             *longitude,
                EscaleGeoPrecision *precision)
{
  const Place *place;
  int number = code != NULL ? atoi (code) : 0;

  if (key != NULL && (place = find_by_key (t->be_towns, 0, "", key)) != NULL)
    return found (place, ESCALE_GEO_PRECISION_CITY, latitude, longitude, precision);
  for (guint i = 0; i < G_N_ELEMENTS (be_ranges); i++)
    if (number >= be_ranges[i].first && number <= be_ranges[i].last &&
        (place = find_by_code (t->departments, be_ranges[i].province)) != NULL)
      return found (place, ESCALE_GEO_PRECISION_DEPARTMENT, latitude, longitude, precision);
  return FALSE;
}

static gboolean
is_digits (const char *text,
           gsize       length)
{
  return strlen (text) == length && strspn (text, "0123456789") == length;
}

/* Public API */

void
escale_geo_register_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      g_resources_register (escale_geo_get_resource ());
      g_once_init_leave (&registered, 1);
    }
}

GBytes *
escale_geo_load_data (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (name != NULL, NULL);

  escale_geo_register_resources ();
  path = g_build_path ("/", ESCALE_GEO_RESOURCE_PATH, name, NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_message ("Map data %s missing: %s", name, error->message);
  return bytes;
}

static gpointer
preload (gpointer data)
{
  (void) data;
  get_tables ();
  return NULL;
}

/**
 * escale_geo_preload_in_background:
 *
 * Reads the postal-code tables in a thread of their own (about 40 ms), so
 * that the first file or partner that needs a position does not wait.
 */
void
escale_geo_preload_in_background (void)
{
  g_thread_unref (g_thread_new ("escale-geo", preload, NULL));
}

gboolean
escale_geo_position_for_postal_code (const char         *postal_code,
                                     const char         *city,
                                     double             *latitude,
                                     double             *longitude,
                                     EscaleGeoPrecision *precision)
{
  const Tables *t = get_tables ();
  g_autofree char *code = g_strstrip (g_strdup (postal_code ?: ""));
  g_autofree char *key = city != NULL ? city_key (city) : NULL;
  const Place *place;
  EscaleGeoPrecision unused;

  g_return_val_if_fail (latitude != NULL && longitude != NULL, FALSE);

  if (precision == NULL)
    precision = &unused;
  *precision = ESCALE_GEO_PRECISION_NONE;
  if (key != NULL && *key == '\0')
    g_clear_pointer (&key, g_free);

  if (is_digits (code, 5))
    return lookup_french (t, code, key, latitude, longitude, precision);
  if (is_digits (code, 4))
    return lookup_belgian (t, code, key, latitude, longitude, precision);
  if (*code == '\0' && key != NULL)
    {
      if ((place = find_by_key (t->postcodes, 0, "", key)) != NULL)
        return found (place, place_precision (place), latitude, longitude, precision);
      return lookup_belgian (t, NULL, key, latitude, longitude, precision);
    }
  return FALSE;
}

/* The mean radius of the Earth (IUGG), in kilometres. */
#define EARTH_RADIUS_KM 6371.0088

static double
radians (double degrees)
{
  return degrees * G_PI / 180.0;
}

double
escale_geo_distance_km (double latitude1,
                        double longitude1,
                        double latitude2,
                        double longitude2)
{
  double half_dlat = radians (latitude2 - latitude1) / 2;
  double half_dlon = radians (longitude2 - longitude1) / 2;
  double a = sin (half_dlat) * sin (half_dlat) +
             cos (radians (latitude1)) * cos (radians (latitude2)) *
             sin (half_dlon) * sin (half_dlon);

  return 2 * EARTH_RADIUS_KM * asin (sqrt (MIN (1.0, a)));
}
