/* escale-iso.c — countries (ISO 3166) and languages (ISO 639) from iso-codes
 *
 * Debian's iso-codes package ships the code lists as JSON and their names'
 * translations as gettext catalogues (domains iso_3166-1 and iso_639-3).
 * The JSON is read once with SQLite's JSON functions, so no other parser is
 * needed. A name is shown by its common name ("Syria"), translated, else by
 * its ISO name translated ("Syrian Arab Republic": iso-codes translates
 * only this one into French and Arabic), else in English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "escale-catalog.h"
#include "escale-iso.h"

#define COUNTRY_DOMAIN  "iso_3166-1"
#define LANGUAGE_DOMAIN "iso_639-3"

typedef struct
{
  const char *domain;  /* of the names' translations */
  GHashTable *names;   /* canonical code → English name */
  GHashTable *formal;  /* canonical code → ISO name, where the common name differs */
  GHashTable *aliases; /* any accepted code, lower case → canonical code */
  GPtrArray  *common;  /* codes offered in lists */
} IsoTable;

/* Languages without a two-letter code that the people followed often speak. */
static const char *const extra_languages[] = {
  "prs", "ckb", "kmr", "apd", "arq", "ary", "arz", "apc", "acm", "fuf", "dyu", "snk",
  "sus", "men", "kri", "bej", "tig", "kab", "shi", "pcm", "rom", NULL,
};

static void
iso_table_load (IsoTable   *table,
                const char *file,
                const char *list_key,
                gboolean    countries)
{
  g_autofree char *path = g_build_filename (ISO_CODES_DIR, file, NULL);
  g_autofree char *json = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  table->domain = countries ? COUNTRY_DOMAIN : LANGUAGE_DOMAIN;
  bind_textdomain_codeset (table->domain, "UTF-8");
  table->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  table->formal = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  table->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  table->common = g_ptr_array_new ();

  if (!g_file_get_contents (path, &json, NULL, NULL))
    {
      g_warning ("Cannot read %s: install the iso-codes package", path);
      return;
    }
  sql = g_strdup_printf ("SELECT value ->> 'alpha_2', value ->> 'alpha_3', "
                         "coalesce (value ->> 'common_name', value ->> 'name'), "
                         "value ->> 'name' "
                         "FROM json_each (?, '$.\"%s\"')", list_key);
  if (sqlite3_open (":memory:", &db) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("SQLite cannot read JSON: %s", sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *alpha2 = (const char *) sqlite3_column_text (stmt, 0);
      const char *alpha3 = (const char *) sqlite3_column_text (stmt, 1);
      const char *name = (const char *) sqlite3_column_text (stmt, 2);
      const char *formal = (const char *) sqlite3_column_text (stmt, 3);
      char *canonical;

      if (countries)
        canonical = g_strdup (alpha2);
      else
        canonical = g_strdup (alpha2 ? alpha2 : alpha3);
      if (canonical == NULL || name == NULL)
        {
          g_free (canonical);
          continue;
        }
      if (alpha2 != NULL)
        g_hash_table_insert (table->aliases, g_ascii_strdown (alpha2, -1), g_strdup (canonical));
      if (alpha3 != NULL)
        g_hash_table_insert (table->aliases, g_ascii_strdown (alpha3, -1), g_strdup (canonical));
      if (countries || alpha2 != NULL ||
          g_strv_contains (extra_languages, canonical))
        g_ptr_array_add (table->common, canonical);
      if (formal != NULL && !g_str_equal (formal, name))
        g_hash_table_insert (table->formal, g_strdup (canonical), g_strdup (formal));
      g_hash_table_insert (table->names, canonical, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static IsoTable *
countries (void)
{
  static IsoTable table;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      iso_table_load (&table, "iso_3166-1.json", "3166-1", TRUE);
      g_once_init_leave (&loaded, 1);
    }
  return &table;
}

static IsoTable *
languages (void)
{
  static IsoTable table;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      iso_table_load (&table, "iso_639-3.json", "639-3", FALSE);
      g_once_init_leave (&loaded, 1);
    }
  return &table;
}

static char *
normalize (IsoTable   *table,
           const char *code)
{
  g_autofree char *key = NULL;

  if (code == NULL)
    return NULL;
  key = g_ascii_strdown (code, -1);
  g_strstrip (key);
  return g_strdup (g_hash_table_lookup (table->aliases, key));
}

/* The name of @code translated by @catalog, or by gettext into the
 * interface language when @catalog is NULL; NULL for an unknown code. */
static const char *
translate_name (IsoTable      *table,
                const char    *code,
                EscaleCatalog *catalog)
{
  const char *name = code ? g_hash_table_lookup (table->names, code) : NULL;
  const char *choices[] = { name, code ? g_hash_table_lookup (table->formal, code) : NULL };

  for (guint i = 0; i < G_N_ELEMENTS (choices) && choices[i] != NULL; i++)
    {
      const char *translated = catalog ? escale_catalog_gettext (catalog, choices[i])
                                       : g_dgettext (table->domain, choices[i]);

      /* Both give back the very string they were given when they have no
       * translation for it. */
      if (translated != choices[i])
        return translated;
    }
  return name;
}

static GStrv
list_codes (IsoTable *table)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < table->common->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (table->common, i));
  return g_strv_builder_end (builder);
}

/**
 * escale_iso_country_normalize:
 * @code: an alpha-2 or alpha-3 code, any case
 *
 * Returns: (transfer full) (nullable): the alpha-2 code, or %NULL when
 *   @code is not a country
 */
char *
escale_iso_country_normalize (const char *code)
{
  return normalize (countries (), code);
}

/**
 * escale_iso_country_name:
 *
 * Returns: (nullable): the name of the country in the interface language
 */
const char *
escale_iso_country_name (const char *code)
{
  return translate_name (countries (), code, NULL);
}

/**
 * escale_iso_country_name_in:
 * @language: a language code ("fr", "pt_BR"); %NULL for the interface's
 *
 * Returns: (nullable): the name of the country in @language, English for
 *   "en" or when iso-codes has no translation
 */
const char *
escale_iso_country_name_in (const char *code,
                            const char *language)
{
  EscaleCatalog *catalog = language ? escale_catalog_get_for_domain (COUNTRY_DOMAIN, language)
                                    : NULL;

  return translate_name (countries (), code, catalog);
}

GStrv
escale_iso_country_codes (void)
{
  return list_codes (countries ());
}

/**
 * escale_iso_language_normalize:
 * @code: an ISO 639-1 or 639-3 code, any case
 *
 * Returns: (transfer full) (nullable): the two-letter code when the
 *   language has one, else the three-letter code; %NULL when unknown
 */
char *
escale_iso_language_normalize (const char *code)
{
  return normalize (languages (), code);
}

const char *
escale_iso_language_name (const char *code)
{
  return translate_name (languages (), code, NULL);
}

GStrv
escale_iso_language_codes (void)
{
  return list_codes (languages ());
}
