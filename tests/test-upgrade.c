/* test-upgrade.c — databases of every released schema version open in this one
 *
 * tests/fixtures/schema-vN.db was written by the released code of schema
 * version N (build-aux/make-schema-fixtures, tests/fixtures/README.md). Each
 * one, copied, opens here: backed up first, migrated to the latest version,
 * every row of every table of the old file still there with the same values
 * in its old columns, nothing for escale_store_check() or the audit log to
 * complain about, its people found by name, and a second open changes
 * nothing. A database of a newer version is refused and left untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "escale-audit.h"
#include "escale-crypt.h"
#include "escale-search.h"
#include "escale-store-private.h"
#include "escale-test-util.h"
#include "escale-text.h"

/* The first schema version whose databases may be encrypted. */
#define FIRST_ENCRYPTED_VERSION 6
#define PASSPHRASE "correct horse battery staple"

typedef struct
{
  int   version;
  char *path;   /* in the source tree: never opened by Escale */
} Fixture;

/* The search data that escale_store_refresh_person_index() computes again
 * from the names when the folding rules changed since the file was indexed
 * (ESCALE_TEXT_KEYS_VERSION): the full-text tables with their shadow tables,
 * the skeletons, and the keys of the person's ordered indexes. */
static const char *const search_tables[] = { "person_search", "person_trigram",
                                             "person_skeleton" };
static const char *const search_columns[] = { "person.sort_key", "person.given_key",
                                              "person.phone_key" };

/* Tables to which an upgrade adds rows of its own: the vocabulary entries and
 * settings that later versions bring. Their old rows must still all be there. */
static const char *const seeded_tables[] = { "vocabulary", "vocabulary_label", "setting" };

static GPtrArray *fixtures;

/* Helpers */

static void
fixture_free (gpointer data)
{
  Fixture *fixture = data;

  g_free (fixture->path);
  g_free (fixture);
}

static int
compare_fixtures (gconstpointer a,
                  gconstpointer b)
{
  const Fixture *x = *(const Fixture *const *) a, *y = *(const Fixture *const *) b;

  return x->version - y->version;
}

/* tests/fixtures/schema-vN.db, by version. */
static GPtrArray *
find_fixtures (void)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "tests",
                                                "fixtures", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (fixture_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      int version, end = 0;

      if (sscanf (name, "schema-v%d.db%n", &version, &end) == 1 && name[end] == '\0' &&
          version > 0)
        {
          Fixture *fixture = g_new0 (Fixture, 1);

          fixture->version = version;
          fixture->path = g_build_filename (dir_path, name, NULL);
          g_ptr_array_add (found, fixture);
        }
    }
  g_ptr_array_sort (found, compare_fixtures);
  return found;
}

static gboolean
in_list (const char         *name,
         const char *const  *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (name, list[i]))
      return TRUE;
  return FALSE;
}

/* Whether @table is search data, or a shadow table of one (person_search_data…). */
static gboolean
is_search_table (const char *table)
{
  for (gsize i = 0; i < G_N_ELEMENTS (search_tables); i++)
    if (g_str_has_prefix (table, search_tables[i]) &&
        (table[strlen (search_tables[i])] == '\0' || table[strlen (search_tables[i])] == '_'))
      return TRUE;
  return FALSE;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* sqlite3_mprintf() (%w, %Q), in memory of GLib's. */
static char *
sql_printf (const char *format,
            ...)
{
  va_list args;
  char *sql, *copy;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  copy = g_strdup (sql);
  sqlite3_free (sql);
  return copy;
}

static sqlite3 *
raw_open (const char *path,
          int         flags)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* The first column of every row of @sql. */
static GPtrArray *
raw_strings (sqlite3    *db,
             const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (strings, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return strings;
}

/* The tables of @schema ("main" or an attached one), SQLite's own aside. */
static GPtrArray *
list_tables (sqlite3    *db,
             const char *schema)
{
  g_autofree char *sql = sql_printf ("SELECT name FROM \"%w\".sqlite_schema "
                                          "WHERE type = 'table' AND name NOT LIKE 'sqlite_%%' "
                                          "ORDER BY name", schema);

  return raw_strings (db, sql);
}

/* The rows of every table of the database at @path. */
static GHashTable *
count_rows (const char *path)
{
  sqlite3 *db = raw_open (path, SQLITE_OPEN_READONLY);
  g_autoptr(GPtrArray) tables = list_tables (db, "main");
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = sql_printf ("SELECT count(*) FROM \"%w\"",
                                              (char *) tables->pdata[i]);

      g_hash_table_insert (counts, g_strdup (tables->pdata[i]),
                           GINT_TO_POINTER ((int) raw_int (db, sql)));
    }
  sqlite3_close (db);
  return counts;
}

/* The columns of old.@table, quoted, less those that @skip_search drops. */
static char *
old_columns (sqlite3    *db,
             const char *table,
             gboolean    skip_search)
{
  g_autofree char *sql = sql_printf ("SELECT name FROM pragma_table_info (%Q, 'old')",
                                          table);
  g_autoptr(GPtrArray) names = raw_strings (db, sql);
  g_autoptr(GString) columns = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *qualified = g_strdup_printf ("%s.%s", table, (char *) names->pdata[i]);
      g_autofree char *quoted = NULL;

      if (skip_search && in_list (qualified, search_columns, G_N_ELEMENTS (search_columns)))
        continue;
      quoted = sql_printf ("\"%w\"", (char *) names->pdata[i]);
      g_string_append_printf (columns, "%s%s", columns->len > 0 ? ", " : "", quoted);
    }
  g_assert_cmpuint (columns->len, >, 0);
  return g_string_free (g_steal_pointer (&columns), FALSE);
}

typedef enum {
  COMPARE_SAME,      /* a copy: the same tables, the same rows */
  COMPARE_UPGRADED,  /* new tables, columns and seeded rows allowed */
} CompareMode;

/* Compares every table of the database attached as "old" with the one of
 * the same name in "main", on the old table's columns: no row lost or
 * changed (old EXCEPT new), none added (new EXCEPT old) but where @mode
 * allows it, and counts that agree. Returns the number of old rows; @growth
 * receives the rows added, table by table. */
static gint64
compare_tables (sqlite3     *db,
                CompareMode  mode,
                gboolean     keys_rebuilt,
                const char  *label,
                GString     *growth)
{
  g_autoptr(GPtrArray) tables = list_tables (db, "old");
  g_autoptr(GPtrArray) new_tables = list_tables (db, "main");
  gint64 compared = 0;

  if (mode == COMPARE_SAME)
    g_assert_cmpuint (new_tables->len, ==, tables->len);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = tables->pdata[i];
      g_autofree char *columns = NULL, *count_old = NULL, *count_new = NULL;
      g_autofree char *lost = NULL, *added = NULL;
      gint64 n_old, n_new, n_lost, n_added;

      g_assert_true (g_ptr_array_find_with_equal_func (new_tables, table, g_str_equal, NULL));
      /* Search data made again from the names: assert_people_found() checks it. */
      if (keys_rebuilt && is_search_table (table))
        continue;
      columns = old_columns (db, table, keys_rebuilt);
      count_old = sql_printf ("SELECT count(*) FROM old.\"%w\"", table);
      count_new = sql_printf ("SELECT count(*) FROM main.\"%w\"", table);
      lost = sql_printf ("SELECT count(*) FROM (SELECT %s FROM old.\"%w\" "
                         "EXCEPT SELECT %s FROM main.\"%w\")", columns, table, columns, table);
      added = sql_printf ("SELECT count(*) FROM (SELECT %s FROM main.\"%w\" "
                          "EXCEPT SELECT %s FROM old.\"%w\")", columns, table, columns, table);
      n_old = raw_int (db, count_old);
      n_new = raw_int (db, count_new);
      n_lost = raw_int (db, lost);
      n_added = raw_int (db, added);
      if (n_lost != 0 || (n_added != 0 && (mode == COMPARE_SAME ||
                                           !in_list (table, seeded_tables,
                                                     G_N_ELEMENTS (seeded_tables)))))
        g_error ("%s, table %s: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " old rows lost or "
                 "changed, %" G_GINT64_FORMAT " rows added", label, table, n_lost, n_old,
                 n_added);
      /* Each old row is there once; the others are new. */
      g_assert_cmpint (n_new, ==, n_old + n_added);
      compared += n_old;
      if (n_added > 0)
        g_string_append_printf (growth, "%s%s +%" G_GINT64_FORMAT, growth->len ? ", " : "",
                                table, n_added);
    }
  return compared;
}

/* Compares the database at @new_path with the one at @old_path (see
 * compare_tables()). */
static gint64
compare_databases (const char  *new_path,
                   const char  *old_path,
                   CompareMode  mode,
                   gboolean     keys_rebuilt,
                   const char  *label,
                   GString     *growth)
{
  sqlite3 *db = raw_open (new_path, SQLITE_OPEN_READONLY);
  g_autofree char *attach = sql_printf ("ATTACH %Q AS old", old_path);
  gint64 compared;

  g_assert_cmpint (sqlite3_exec (db, attach, NULL, NULL, NULL), ==, SQLITE_OK);
  compared = compare_tables (db, mode, keys_rebuilt, label, growth);
  if (mode == COMPARE_SAME)
    {
      g_assert_cmpint (raw_int (db, "PRAGMA main.user_version"), ==,
                       raw_int (db, "PRAGMA old.user_version"));
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM (SELECT * FROM main.sqlite_schema "
                                "EXCEPT SELECT * FROM old.sqlite_schema)"), ==, 0);
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM (SELECT * FROM old.sqlite_schema "
                                "EXCEPT SELECT * FROM main.sqlite_schema)"), ==, 0);
    }
  sqlite3_close (db);
  return compared;
}

/* The SQLite backup API writes the header's counters of its own (file change
 * counter, schema cookie, version-valid-for), and the store switches the file
 * to WAL before the backup: the backup of a file has its size and, after the
 * 100-byte header, the same bytes. */
static void
assert_same_pages (const char *backup,
                   const char *original)
{
  g_autoptr(GBytes) copy = read_bytes (backup);
  g_autoptr(GBytes) source = read_bytes (original);
  gsize size = g_bytes_get_size (source);

  g_assert_cmpuint (g_bytes_get_size (copy), ==, size);
  g_assert_cmpuint (size, >, 100);
  g_assert_cmpmem ((const char *) g_bytes_get_data (copy, NULL) + 100, size - 100,
                   (const char *) g_bytes_get_data (source, NULL) + 100, size - 100);
}

/* The backups "escale.db.vN-STAMP.bak" in @dir. */
static GPtrArray *
find_backups (const char *dir_path,
              int         version)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *prefix = g_strdup_printf ("escale.db.v%d-", version);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".bak"))
      {
        g_assert_true (g_str_has_prefix (name, prefix));
        g_ptr_array_add (found, g_build_filename (dir_path, name, NULL));
      }
  return found;
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static EscaleStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  EscaleStore *store = escale_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A folder of its own for a copy of @fixture: escale.db there, and the
 * untouched copy original.db to compare with. */
static char *
copy_fixture (const Fixture *fixture,
              char         **original)
{
  g_autofree char *name = g_strdup_printf ("v%d", fixture->version);
  g_autofree char *dir = escale_test_tmp_path (name);
  char *path = g_build_filename (dir, "escale.db", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  copy_file (fixture->path, path);
  if (original != NULL)
    {
      *original = g_build_filename (dir, "original.db", NULL);
      copy_file (fixture->path, *original);
    }
  return path;
}

static void
assert_no_problem (EscaleStore *store)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_check (store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("problem: %s\n", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
  escale_audit_verify (store, &error);
  g_assert_no_error (error);
}

/* A few people of the old file, found by their family name; and the search
 * index holds one entry a person. */
static void
assert_people_found (EscaleStore *store,
                     const char  *original)
{
  sqlite3 *old = raw_open (original, SQLITE_OPEN_READONLY);
  sqlite3 *db = escale_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;

  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM person_search"), ==,
                   raw_int (db, "SELECT count(*) FROM person"));
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM person_trigram"), ==,
                   raw_int (db, "SELECT count(*) FROM person"));
  g_assert_cmpint (sqlite3_prepare_v2 (old, "SELECT id, family_name FROM person "
                                       "WHERE id % 7 = 1 ORDER BY id", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *family = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) found = escale_store_search_people (store, family, NULL, 0, &error);
      gboolean seen = FALSE;

      g_assert_no_error (error);
      for (guint i = 0; i < found->len; i++)
        seen = seen || g_array_index (found, gint64, i) == id;
      if (!seen)
        g_error ("%s (person %" G_GINT64_FORMAT ") not found", family, id);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (old);
}

/* Whether the search keys of @path were folded by rules other than ours. */
static gboolean
keys_outdated (const char *path)
{
  sqlite3 *db = raw_open (path, SQLITE_OPEN_READONLY);
  g_autofree char *version = raw_text (db, "SELECT value FROM setting "
                                       "WHERE key = 'search.text_keys_version'");

  sqlite3_close (db);
  return g_strcmp0 (version, G_STRINGIFY (ESCALE_TEXT_KEYS_VERSION)) != 0;
}

/* The counts of @before, each table of @path holding at least as many rows. */
static void
assert_counts_kept (GHashTable *before,
                    const char *path)
{
  g_autoptr(GHashTable) after = count_rows (path);
  GHashTableIter iter;
  gpointer table, count;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &table, &count))
    {
      gpointer n_after;

      g_assert_true (g_hash_table_lookup_extended (after, table, NULL, &n_after));
      if (!is_search_table (table))
        g_assert_cmpint (GPOINTER_TO_INT (n_after), >=, GPOINTER_TO_INT (count));
    }
}

/* Tests */

static void
test_every_release (void)
{
  int latest = escale_store_get_latest_version ();
  g_autoptr(GHashTable) versions = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < fixtures->len; i++)
    {
      const Fixture *fixture = fixtures->pdata[i];

      g_assert_cmpint (fixture->version, <=, latest);
      g_hash_table_add (versions, GINT_TO_POINTER (fixture->version));
    }
  /* Every released version, the one before the latest migration first: a new
   * migration needs the fixture of the version it upgrades from. */
  for (int version = latest - 1; version >= 1; version--)
    if (!g_hash_table_contains (versions, GINT_TO_POINTER (version)))
      g_error ("No tests/fixtures/schema-v%d.db: make it with build-aux/make-schema-fixtures "
               "(see HACKING.md, Upgrades)", version);
}

static void
test_upgrade (gconstpointer data)
{
  const Fixture *fixture = data;
  int latest = escale_store_get_latest_version ();
  g_autofree char *original = NULL;
  g_autofree char *path = copy_fixture (fixture, &original);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *label = g_path_get_basename (fixture->path);
  g_autoptr(GHashTable) before = count_rows (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GBytes) upgraded = NULL;
  g_autoptr(GBytes) reopened = NULL;
  g_autoptr(GString) growth = g_string_new (NULL);
  gboolean keys_rebuilt = keys_outdated (path);
  gint64 compared;

  {
    g_autoptr(EscaleStore) store = open_store (path);

    g_assert_cmpint (escale_store_get_schema_version (store), ==, latest);
    assert_no_problem (store);
    assert_people_found (store, original);
  }

  /* The file as it was, backed up before the first migration. */
  backups = find_backups (dir, fixture->version);
  if (fixture->version == latest)
    g_assert_cmpuint (backups->len, ==, 0);
  else
    {
      g_assert_cmpuint (backups->len, ==, 1);
      assert_same_pages (backups->pdata[0], original);
      compare_databases (backups->pdata[0], original, COMPARE_SAME, FALSE, "backup", growth);
      g_assert_cmpuint (growth->len, ==, 0);
    }

  /* Every old row still there, as it was. */
  assert_counts_kept (before, path);
  compared = compare_databases (path, original, COMPARE_UPGRADED, keys_rebuilt, label, growth);
  g_test_message ("%s: %u tables, %" G_GINT64_FORMAT " rows compared%s; rows added: %s", label,
                  g_hash_table_size (before), compared,
                  keys_rebuilt ? " (search data rebuilt)" : "", growth->len ? growth->str : "none");

  /* Opened again: nothing to do, nothing written. */
  upgraded = read_bytes (path);
  {
    g_autoptr(EscaleStore) store = open_store (path);

    g_assert_cmpint (escale_store_get_schema_version (store), ==, latest);
  }
  reopened = read_bytes (path);
  g_assert_true (g_bytes_equal (upgraded, reopened));
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = find_backups (dir, fixture->version);
  g_assert_cmpuint (backups->len, ==, fixture->version == latest ? 0 : 1);
}

/* A database of a later version than this one knows is refused, untouched. */
static void
test_too_new (void)
{
  const Fixture *newest = g_ptr_array_index (fixtures, fixtures->len - 1);
  int latest = escale_store_get_latest_version ();
  g_autofree char *path = copy_fixture (newest, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", latest + 1);
  g_autofree char *newer = g_strdup_printf ("%d", latest + 1);
  g_autofree char *known = g_strdup_printf ("%d", latest);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStore) store = NULL;
  sqlite3 *db = raw_open (path, SQLITE_OPEN_READWRITE);

  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (path);

  store = escale_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, newer));
  g_assert_nonnull (strstr (error->message, known));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  /* Only the file: no write-ahead log, shared memory or backup made. */
  g_assert_cmpuint (count_files (dir), ==, 1);
}

/* An encrypted database upgrades too, and its backup is encrypted. */
static void
test_encrypted (void)
{
  int latest = escale_store_get_latest_version ();
  guint tested = 0;

  for (guint i = 0; i < fixtures->len; i++)
    {
      const Fixture *fixture = fixtures->pdata[i];
      g_autofree char *original = NULL;
      g_autofree char *path = NULL;
      g_autofree char *dir = NULL;
      g_autoptr(GHashTable) before = NULL;
      g_autoptr(GPtrArray) backups = NULL;
      g_autoptr(EscaleStore) store = NULL;
      g_autoptr(GError) error = NULL;
      GHashTableIter iter;
      gpointer table, count;

      if (fixture->version < FIRST_ENCRYPTED_VERSION || fixture->version == latest)
        continue;
      path = copy_fixture (fixture, &original);
      dir = g_path_get_dirname (path);
      before = count_rows (original);
      escale_crypt_encrypt_file (path, PASSPHRASE, &error);
      g_assert_no_error (error);
      g_assert_true (escale_crypt_is_encrypted (path));

      store = escale_store_open_encrypted (path, PASSPHRASE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (escale_store_get_schema_version (store), ==, latest);
      assert_no_problem (store);
      assert_people_found (store, original);
      g_hash_table_iter_init (&iter, before);
      while (g_hash_table_iter_next (&iter, &table, &count))
        {
          g_autofree char *sql = sql_printf ("SELECT count(*) FROM \"%w\"", (char *) table);

          if (!is_search_table (table))
            g_assert_cmpint (raw_int (escale_store_get_db (store), sql), >=,
                             GPOINTER_TO_INT (count));
        }
      backups = find_backups (dir, fixture->version);
      g_assert_cmpuint (backups->len, ==, 1);
      g_assert_true (escale_crypt_is_encrypted (backups->pdata[0]));
      g_clear_object (&store);
      escale_crypt_forget (NULL);
      tested++;
    }
  if (tested == 0)
    g_test_skip ("No fixture of a version with encryption older than the latest: "
                 "encryption came with the latest schema version");
}

int
main (int    argc,
      char **argv)
{
  int status;

  escale_test_init (&argc, &argv);
  fixtures = find_fixtures ();
  g_assert_cmpuint (fixtures->len, >, 0);

  g_test_add_func ("/upgrade/every-release-has-a-fixture", test_every_release);
  for (guint i = 0; i < fixtures->len; i++)
    {
      const Fixture *fixture = fixtures->pdata[i];
      g_autofree char *name = g_strdup_printf ("/upgrade/schema-v%d", fixture->version);

      g_test_add_data_func (name, fixture, test_upgrade);
    }
  g_test_add_func ("/upgrade/too-new", test_too_new);
  g_test_add_func ("/upgrade/encrypted", test_encrypted);

  status = g_test_run ();
  g_ptr_array_unref (fixtures);
  escale_test_cleanup ();
  return status;
}
