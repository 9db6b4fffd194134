/* test-store.c — the database: migrations, people, households, settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "escale-person-store.h"
#include "escale-schema.h"
#include "escale-store-private.h"
#include "escale-test-util.h"
#include "escale-vocab.h"

/* Helpers */

static gint64
query_int (EscaleStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (EscaleStore *store,
            const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return escale_column_dup (stmt, 0);
}

/* Runs @sql on @path with a plain SQLite connection, outside Escale. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The backups beside @db_path; @last, if given, receives the path of one. */
static guint
find_backups (const char  *db_path,
              char       **last)
{
  g_autofree char *dir_path = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, base) && g_str_has_suffix (name, ".bak"))
      {
        n++;
        if (last != NULL)
          {
            g_free (*last);
            *last = g_build_filename (dir_path, name, NULL);
          }
      }
  return n;
}

static guint
count_backups (const char *db_path)
{
  return find_backups (db_path, NULL);
}

/* A database path alone in its own folder, to look for backups beside it. */
static char *
lonely_path (void)
{
  g_autofree char *dir = escale_test_tmp_path ("dir");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, "escale.db", NULL);
}

static EscaleStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  EscaleStore *store = escale_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  escale_store_set_user (store, "tester");
  return store;
}

static gint64
count_rows (EscaleStore *store,
            const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return query_int (store, sql);
}

static char *
date_from_today (int years,
                 int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_full (now, years, 0, days, 0, 0, 0);

  return g_date_time_format (then, "%Y-%m-%d");
}

static int
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

/* Migrations */

static void
test_migrate_empty (void)
{
  g_autofree char *path = lonely_path ();
  g_autoptr(EscaleStore) store = open_store (path);
  g_autofree char *journal = query_text (store, "PRAGMA journal_mode");

  g_assert_cmpint (escale_store_get_latest_version (), >=, 1);
  g_assert_cmpint (escale_store_get_schema_version (store), ==,
                   escale_store_get_latest_version ());
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==,
                   escale_store_get_latest_version ());
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_master WHERE name IN "
                              "('person', 'person_name', 'person_nationality', "
                              "'person_language', 'status_period', 'household', "
                              "'household_member', 'vocabulary', 'vocabulary_label', "
                              "'setting', 'person_search', 'person_trigram')"), ==, 12);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM vocabulary WHERE kind = 'status'"),
                   ==, 10);
  g_assert_cmpstr (escale_store_get_path (store), ==, path);
  g_assert_cmpuint (count_backups (path), ==, 0);
  g_assert_cmpint (escale_store_count_people (store), ==, 0);
}

static void
test_reopen (void)
{
  g_autofree char *path = lonely_path ();
  gint64 id;

  {
    g_autoptr(EscaleStore) store = open_store (path);
    id = escale_test_add_person (store, "Dupont", "Hélène", "1980-05-17");
  }
  {
    g_autoptr(EscaleStore) store = open_store (path);
    g_autoptr(EscalePerson) person = escale_store_load_person (store, id, NULL);

    g_assert_cmpint (escale_store_get_schema_version (store), ==,
                     escale_store_get_latest_version ());
    g_assert_cmpint (escale_store_count_people (store), ==, 1);
    g_assert_nonnull (person);
    g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES), ==, "Hélène");
    /* Migration 1 did not run again: its built-in rows are there once. */
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM vocabulary WHERE kind = 'sex'"),
                     ==, 3);
  }
  g_assert_cmpuint (count_backups (path), ==, 0);
}

static void
assert_too_new_refused (const char *path)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  GStatBuf before_stat, after_stat;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStore) store = NULL;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  g_assert_cmpint (g_stat (path, &before_stat), ==, 0);
  g_usleep (20000);

  store = escale_store_open (path, &error);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_TOO_NEW);
  g_assert_null (store);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (before_stat.st_mtime, ==, after_stat.st_mtime);
  g_assert_cmpuint (count_backups (path), ==, 0);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==,
                   escale_store_get_latest_version () + 1);
}

static void
test_too_new (void)
{
  g_autofree char *path = lonely_path ();
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d",
                                           escale_store_get_latest_version () + 1);

  {
    g_autoptr(EscaleStore) store = open_store (path);
    escale_test_add_person (store, "Dupont", "Hélène", NULL);
  }
  raw_exec (path, bump);
  assert_too_new_refused (path);
  /* Still refused the second time, and still unchanged. */
  assert_too_new_refused (path);
}

/* A newer file that is not in WAL mode: switching it to WAL would already
 * rewrite its header. */
static void
test_too_new_rollback_journal (void)
{
  g_autofree char *path = lonely_path ();
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = DELETE;"
                                          "CREATE TABLE future (x);"
                                          "INSERT INTO future VALUES (1);"
                                          "PRAGMA user_version = %d",
                                          escale_store_get_latest_version () + 1);

  raw_exec (path, sql);
  assert_too_new_refused (path);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM future"), ==, 1);
}

/* A schema of today's migrations plus one more, as the next version will have. */
static EscaleStore *
open_next_version (const char  *path,
                   const char  *next,
                   GError     **error)
{
  int n;
  const char * const *today = escale_schema_get_migrations (&n);
  g_autofree const char **schema = g_new0 (const char *, n + 2);

  memcpy (schema, today, n * sizeof *schema);
  schema[n] = next;
  return escale_store_open_with_schema (path, schema, n + 1, error);
}

static void
test_backup_before_migration (void)
{
  g_autofree char *path = lonely_path ();
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  int latest = escale_store_get_latest_version ();

  {
    g_autoptr(EscaleStore) store = open_store (path);
    escale_test_add_person (store, "Dupont", "Hélène", NULL);
  }
  g_assert_cmpuint (count_backups (path), ==, 0);

  /* An upgrade backs the file up first, then migrates in one transaction. */
  {
    g_autoptr(EscaleStore) store = open_next_version (path, "CREATE TABLE extra (x);"
                                                      "INSERT INTO extra VALUES (1);", &error);
    g_assert_no_error (error);
    g_assert_cmpint (escale_store_get_schema_version (store), ==, latest + 1);
  }
  g_assert_cmpuint (find_backups (path, &backup), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM extra"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM person"), ==, 1);
  /* The backup is the file as it was before the upgrade. */
  g_assert_cmpint (raw_int (backup, "PRAGMA user_version"), ==, latest);
  g_assert_cmpint (raw_int (backup, "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"),
                   ==, 0);
  g_assert_cmpint (raw_int (backup, "SELECT count(*) FROM person"), ==, 1);
}

/* A migration that fails leaves the file as it was, at its old version,
 * with the backup beside it. */
static void
test_failed_upgrade_keeps_file (void)
{
  g_autofree char *path = lonely_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStore) failed = NULL;
  int latest = escale_store_get_latest_version ();

  {
    g_autoptr(EscaleStore) store = open_store (path);
    escale_test_add_person (store, "Dupont", "Hélène", NULL);
  }
  failed = open_next_version (path, "CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);",
                              &error);
  g_assert_null (failed);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL);
  g_assert_cmpuint (count_backups (path), ==, 1);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, latest);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'half'"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM person"), ==, 1);
}

static void
test_failed_migration_rolls_back (void)
{
  g_autofree char *path = lonely_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStore) store = NULL;

  /* Version 0 but already a `setting` table: migration 1 fails half way. */
  raw_exec (path, "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT);"
            "INSERT INTO setting VALUES ('kept', 'yes');");

  store = escale_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL);

  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_master"), ==, 2); /* + its index */
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'person'"),
                   ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM setting WHERE key = 'kept' AND "
                            "value = 'yes'"), ==, 1);
}

static void
test_open_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStore) store = NULL;
  g_autofree char *file = escale_test_tmp_path ("plain-file");
  g_autofree char *path = g_build_filename (file, "escale.db", NULL);

  /* The folder cannot be created: a file is in the way. */
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  store = escale_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_OPEN);
}

static void
test_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStore) store = NULL;
  g_autofree char *path = lonely_path ();
  const char text[] = "This is not a database, but a text file long enough to have a header.";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  store = escale_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ESCALE_STORE_ERROR);
}

/* Validation */

static void
assert_one_error (EscaleStore  *store,
                  EscalePerson *person,
                  EscaleField   field,
                  guint         index)
{
  g_autoptr(GPtrArray) errors = escale_store_validate_person (store, person);
  g_autoptr(GError) error = NULL;
  gint64 before = escale_store_count_people (store);
  gint64 id = escale_person_get_id (person);

  for (guint i = 0; i < errors->len; i++)
    {
      EscaleFieldError *e = g_ptr_array_index (errors, i);
      g_test_message ("error %u: %s[%u]: %s", i, escale_field_get_name (e->field), e->index,
                      e->message);
    }
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpint (((EscaleFieldError *) g_ptr_array_index (errors, 0))->field, ==, field);
  g_assert_cmpuint (((EscaleFieldError *) g_ptr_array_index (errors, 0))->index, ==, index);
  g_assert_cmpstr (((EscaleFieldError *) g_ptr_array_index (errors, 0))->message, !=, "");

  /* And the store refuses to save it. */
  g_assert_false (escale_store_save_person (store, person, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpint (escale_store_count_people (store), ==, before);
  g_assert_cmpint (escale_person_get_id (person), ==, id);
}

static EscalePerson *
valid_person (void)
{
  return escale_test_person ("Dupont", "Hélène", "1980-05-17");
}

static void
test_validate_valid (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = valid_person ();
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *today = date_from_today (0, 0);
  g_autofree char *old = date_from_today (-119, 0);
  g_autofree char *later = date_from_today (1, 0);
  const char *nationalities[] = { "FR", "SY", NULL };

  escale_person_set (person, ESCALE_FIELD_SEX, "F");
  escale_person_set (person, ESCALE_FIELD_BIRTH_COUNTRY, "SY");
  escale_person_set (person, ESCALE_FIELD_BIRTH_PRECISION, "exact");
  escale_person_set (person, ESCALE_FIELD_EMAIL, "helene@example.org");
  escale_person_set (person, ESCALE_FIELD_ARRIVAL_DATE, today);
  escale_person_set (person, ESCALE_FIELD_RETENTION_DATE, later);
  escale_person_set_nationalities (person, nationalities);
  g_ptr_array_add (escale_person_get_languages (person),
                   escale_language_skill_new ("ar", "native", TRUE));
  g_ptr_array_add (escale_person_get_languages (person),
                   escale_language_skill_new ("prs", NULL, FALSE));
  g_ptr_array_add (escale_person_get_status_periods (person),
                   escale_status_period_new ("asylum_seeker", "2020-01-01", "2021-01-01",
                                             NULL, later));
  errors = escale_store_validate_person (store, person);
  g_assert_cmpuint (errors->len, ==, 0);

  /* 119 years old is old, but possible. */
  escale_person_set (person, ESCALE_FIELD_BIRTH_DATE, old);
  g_clear_pointer (&errors, g_ptr_array_unref);
  errors = escale_store_validate_person (store, person);
  g_assert_cmpuint (errors->len, ==, 0);

  /* So is a person with nothing but a family name. */
  {
    g_autoptr(EscalePerson) minimal = escale_test_person ("X", NULL, NULL);
    g_clear_pointer (&errors, g_ptr_array_unref);
    errors = escale_store_validate_person (store, minimal);
    g_assert_cmpuint (errors->len, ==, 0);
  }
}

static void
test_validate_family_name (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = valid_person ();

  escale_person_set (person, ESCALE_FIELD_FAMILY_NAME, NULL);
  assert_one_error (store, person, ESCALE_FIELD_FAMILY_NAME, 0);
  escale_person_set (person, ESCALE_FIELD_FAMILY_NAME, "");
  assert_one_error (store, person, ESCALE_FIELD_FAMILY_NAME, 0);
  escale_person_set (person, ESCALE_FIELD_FAMILY_NAME, "  \t ");
  assert_one_error (store, person, ESCALE_FIELD_FAMILY_NAME, 0);
}

static void
test_validate_bad_dates (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  static const char *const bad[] = {
    "2020-02-30", "14/03/1990", "1990-3-4", "1990", "1990-03", "1990-03-14junk", "yesterday",
    "2020-13-01",
  };
  static const EscaleField fields[] = {
    ESCALE_FIELD_BIRTH_DATE, ESCALE_FIELD_ARRIVAL_DATE, ESCALE_FIELD_FIRST_CONTACT,
    ESCALE_FIELD_CONSENT_DATE, ESCALE_FIELD_RETENTION_DATE,
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(EscalePerson) person = valid_person ();

        g_test_message ("%s = %s", escale_field_get_name (fields[f]), bad[i]);
        escale_person_set (person, fields[f], bad[i]);
        assert_one_error (store, person, fields[f], 0);
      }
  {
    g_autoptr(EscalePerson) person = valid_person ();

    escale_person_set (person, ESCALE_FIELD_CLOSED_ON, "2020-02-30");
    escale_person_set (person, ESCALE_FIELD_CLOSE_REASON, "moved");
    assert_one_error (store, person, ESCALE_FIELD_CLOSED_ON, 0);
  }
}

static void
test_validate_birth_date (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = valid_person ();
  g_autofree char *tomorrow = date_from_today (0, 1);
  g_autofree char *next_year = date_from_today (1, 0);
  g_autofree char *too_old = date_from_today (-121, 0);
  g_autofree char *much_too_old = date_from_today (-200, 0);

  escale_person_set (person, ESCALE_FIELD_BIRTH_DATE, tomorrow);
  assert_one_error (store, person, ESCALE_FIELD_BIRTH_DATE, 0);
  escale_person_set (person, ESCALE_FIELD_BIRTH_DATE, next_year);
  assert_one_error (store, person, ESCALE_FIELD_BIRTH_DATE, 0);
  escale_person_set (person, ESCALE_FIELD_BIRTH_DATE, too_old);
  assert_one_error (store, person, ESCALE_FIELD_BIRTH_DATE, 0);
  escale_person_set (person, ESCALE_FIELD_BIRTH_DATE, much_too_old);
  assert_one_error (store, person, ESCALE_FIELD_BIRTH_DATE, 0);
}

static void
test_validate_future_dates (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *tomorrow = date_from_today (0, 1);
  static const EscaleField past_only[] = {
    ESCALE_FIELD_ARRIVAL_DATE, ESCALE_FIELD_FIRST_CONTACT, ESCALE_FIELD_CONSENT_DATE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (past_only); i++)
    {
      g_autoptr(EscalePerson) person = valid_person ();

      escale_person_set (person, past_only[i], tomorrow);
      assert_one_error (store, person, past_only[i], 0);
    }
}

static void
test_validate_file_number (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) first = valid_person ();
  g_autoptr(EscalePerson) second = escale_test_person ("Martin", "Paul", NULL);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;

  escale_person_set (first, ESCALE_FIELD_FILE_NUMBER, "2020-0042");
  g_assert_true (escale_store_save_person (store, first, &error));
  g_assert_no_error (error);

  escale_person_set (second, ESCALE_FIELD_FILE_NUMBER, "2020-0042");
  assert_one_error (store, second, ESCALE_FIELD_FILE_NUMBER, 0);
  /* Surrounding spaces do not make another number. */
  escale_person_set (second, ESCALE_FIELD_FILE_NUMBER, " 2020-0042 ");
  assert_one_error (store, second, ESCALE_FIELD_FILE_NUMBER, 0);

  /* A person keeps their own number. */
  errors = escale_store_validate_person (store, first);
  g_assert_cmpuint (errors->len, ==, 0);
}

static void
test_validate_codes (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();

  {
    g_autoptr(EscalePerson) person = valid_person ();
    escale_person_set (person, ESCALE_FIELD_SEX, "Q");
    assert_one_error (store, person, ESCALE_FIELD_SEX, 0);
    escale_person_set (person, ESCALE_FIELD_SEX, "female");
    assert_one_error (store, person, ESCALE_FIELD_SEX, 0);
  }
  {
    g_autoptr(EscalePerson) person = valid_person ();
    escale_person_set (person, ESCALE_FIELD_BIRTH_COUNTRY, "ZZ");
    assert_one_error (store, person, ESCALE_FIELD_BIRTH_COUNTRY, 0);
    escale_person_set (person, ESCALE_FIELD_BIRTH_COUNTRY, "Syria");
    assert_one_error (store, person, ESCALE_FIELD_BIRTH_COUNTRY, 0);
  }
  {
    g_autoptr(EscalePerson) person = valid_person ();
    const char *codes[] = { "FR", "SY", "XX", NULL };
    escale_person_set_nationalities (person, codes);
    assert_one_error (store, person, ESCALE_FIELD_NATIONALITIES, 2);
  }
  {
    g_autoptr(EscalePerson) person = valid_person ();
    g_ptr_array_add (escale_person_get_languages (person),
                     escale_language_skill_new ("fr", "fluent", FALSE));
    g_ptr_array_add (escale_person_get_languages (person),
                     escale_language_skill_new ("zz", NULL, TRUE));
    assert_one_error (store, person, ESCALE_FIELD_LANGUAGES, 1);
  }
  {
    g_autoptr(EscalePerson) person = valid_person ();
    g_ptr_array_add (escale_person_get_languages (person),
                     escale_language_skill_new ("fr", "expert", FALSE));
    assert_one_error (store, person, ESCALE_FIELD_LANGUAGES, 0);
  }
  {
    g_autoptr(EscalePerson) person = valid_person ();
    escale_person_set (person, ESCALE_FIELD_BIRTH_PRECISION, "roughly");
    assert_one_error (store, person, ESCALE_FIELD_BIRTH_PRECISION, 0);
  }
}

static void
test_validate_status (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *tomorrow = date_from_today (0, 1);

  {
    g_autoptr(EscalePerson) person = valid_person ();
    g_ptr_array_add (escale_person_get_status_periods (person),
                     escale_status_period_new ("refugee", "2019-01-01", NULL, NULL, NULL));
    g_ptr_array_add (escale_person_get_status_periods (person),
                     escale_status_period_new ("tourist", "2020-01-01", NULL, NULL, NULL));
    assert_one_error (store, person, ESCALE_FIELD_STATUS, 1);
  }
  {
    g_autoptr(EscalePerson) person = valid_person ();
    g_ptr_array_add (escale_person_get_status_periods (person),
                     escale_status_period_new (NULL, "2019-01-01", NULL, NULL, NULL));
    assert_one_error (store, person, ESCALE_FIELD_STATUS, 0);
  }
  {
    g_autoptr(EscalePerson) person = valid_person ();
    g_ptr_array_add (escale_person_get_status_periods (person),
                     escale_status_period_new ("refugee", "2020-06-01", "2020-05-31", NULL, NULL));
    assert_one_error (store, person, ESCALE_FIELD_STATUS, 0);
  }
  {
    g_autoptr(EscalePerson) person = valid_person ();
    g_ptr_array_add (escale_person_get_status_periods (person),
                     escale_status_period_new ("refugee", tomorrow, NULL, NULL, NULL));
    assert_one_error (store, person, ESCALE_FIELD_STATUS, 0);
  }
  {
    g_autoptr(EscalePerson) person = valid_person ();
    g_ptr_array_add (escale_person_get_status_periods (person),
                     escale_status_period_new ("refugee", "2020-06-01", NULL, "card",
                                               "2030-02-30"));
    assert_one_error (store, person, ESCALE_FIELD_STATUS, 0);
  }
}

static void
test_validate_email (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = valid_person ();

  escale_person_set (person, ESCALE_FIELD_EMAIL, "helene.example.org");
  assert_one_error (store, person, ESCALE_FIELD_EMAIL, 0);
  escale_person_set (person, ESCALE_FIELD_EMAIL, "helene @example.org");
  assert_one_error (store, person, ESCALE_FIELD_EMAIL, 0);
}

static void
test_validate_close_reason (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = valid_person ();
  g_autoptr(GPtrArray) errors = NULL;

  escale_person_set (person, ESCALE_FIELD_CLOSED_ON, "2021-01-01");
  assert_one_error (store, person, ESCALE_FIELD_CLOSE_REASON, 0);
  escale_person_set (person, ESCALE_FIELD_CLOSE_REASON, "  ");
  assert_one_error (store, person, ESCALE_FIELD_CLOSE_REASON, 0);
  escale_person_set (person, ESCALE_FIELD_CLOSE_REASON, "Moved to Lyon");
  errors = escale_store_validate_person (store, person);
  g_assert_cmpuint (errors->len, ==, 0);
}

static void
test_validate_several (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = escale_test_person (NULL, "Jean", "2020-02-30");
  g_autoptr(GPtrArray) errors = NULL;

  escale_person_set (person, ESCALE_FIELD_EMAIL, "nobody");
  /* Every problem is reported at once, not only the first. */
  errors = escale_store_validate_person (store, person);
  g_assert_cmpuint (errors->len, ==, 3);
}

/* Saving and loading */

static const char *const field_values[ESCALE_N_FIELDS] = {
  [ESCALE_FIELD_FILE_NUMBER] = "2019-0007",
  [ESCALE_FIELD_FAMILY_NAME] = "Haddad",
  [ESCALE_FIELD_GIVEN_NAMES] = "Mohamed Ali",
  [ESCALE_FIELD_SEX] = "M",
  [ESCALE_FIELD_BIRTH_DATE] = "1990-03-01",
  [ESCALE_FIELD_BIRTH_PRECISION] = "month",
  [ESCALE_FIELD_BIRTH_COUNTRY] = "SY",
  [ESCALE_FIELD_PHONE] = "+33 6 12 34 56 78",
  [ESCALE_FIELD_EMAIL] = "m.haddad@example.org",
  [ESCALE_FIELD_ADDRESS] = "12 rue des Lilas\nBâtiment B",
  [ESCALE_FIELD_POSTAL_CODE] = "69003",
  [ESCALE_FIELD_CITY] = "Lyon",
  [ESCALE_FIELD_ARRIVAL_DATE] = "2018-11-20",
  [ESCALE_FIELD_REFERENT] = "Claire",
  [ESCALE_FIELD_REFERRED_BY] = "Forum Réfugiés",
  [ESCALE_FIELD_FIRST_CONTACT] = "2019-01-08",
  [ESCALE_FIELD_CONSENT_DATE] = "2019-01-08",
  [ESCALE_FIELD_CONSENT_SCOPE] = "file and statistics",
  [ESCALE_FIELD_CONSENT_INFORMED] = "orally, in Arabic",
  [ESCALE_FIELD_CLOSED_ON] = "2022-06-30",
  [ESCALE_FIELD_CLOSE_REASON] = "Moved away",
  [ESCALE_FIELD_RETENTION_DATE] = "2032-06-30",
  [ESCALE_FIELD_NOTES] = "Speaks «slowly»; “quotes” and 'apostrophes'; محمد",
};

static EscalePerson *
full_person (void)
{
  EscalePerson *person = escale_person_new ();
  const char *others[] = { "محمد حداد", "Mohammed Haddad", NULL };
  const char *nationalities[] = { "SY", "LB", NULL };

  for (guint i = 0; i < ESCALE_N_FIELDS; i++)
    escale_person_set (person, i, field_values[i]);
  escale_person_set_other_names (person, others);
  escale_person_set_nationalities (person, nationalities);
  g_ptr_array_add (escale_person_get_languages (person),
                   escale_language_skill_new ("ar", "native", TRUE));
  g_ptr_array_add (escale_person_get_languages (person),
                   escale_language_skill_new ("fr", "basic", FALSE));
  g_ptr_array_add (escale_person_get_languages (person),
                   escale_language_skill_new ("en", NULL, FALSE));
  g_ptr_array_add (escale_person_get_status_periods (person),
                   escale_status_period_new ("asylum_seeker", "2018-12-01", "2020-03-01",
                                             "Attestation", "2019-06-01"));
  g_ptr_array_add (escale_person_get_status_periods (person),
                   escale_status_period_new ("refugee", "2020-03-01", NULL, "Carte de résident",
                                             "2030-03-01"));
  return person;
}

static void
assert_same_person (EscalePerson *a,
                    EscalePerson *b)
{
  GPtrArray *la = escale_person_get_languages (a), *lb = escale_person_get_languages (b);
  GPtrArray *pa = escale_person_get_status_periods (a), *pb = escale_person_get_status_periods (b);

  g_assert_cmpint (escale_person_get_id (a), ==, escale_person_get_id (b));
  g_assert_cmpstr (escale_person_get_uuid (a), ==, escale_person_get_uuid (b));
  for (guint i = 0; i < ESCALE_N_FIELDS; i++)
    {
      g_test_message ("field %s", escale_field_get_name (i));
      g_assert_cmpstr (escale_person_get (a, i), ==, escale_person_get (b, i));
    }
  g_assert_true (g_strv_equal ((const char * const *) escale_person_get_other_names (a),
                               (const char * const *) escale_person_get_other_names (b)));
  g_assert_true (g_strv_equal ((const char * const *) escale_person_get_nationalities (a),
                               (const char * const *) escale_person_get_nationalities (b)));
  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      EscaleLanguageSkill *x = g_ptr_array_index (la, i), *y = g_ptr_array_index (lb, i);
      g_assert_cmpstr (x->code, ==, y->code);
      g_assert_cmpstr (x->level, ==, y->level);
      g_assert_cmpint (x->interpreter, ==, y->interpreter);
    }
  g_assert_cmpuint (pa->len, ==, pb->len);
  for (guint i = 0; i < pa->len; i++)
    {
      EscaleStatusPeriod *x = g_ptr_array_index (pa, i), *y = g_ptr_array_index (pb, i);
      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpstr (x->status, ==, y->status);
      g_assert_cmpstr (x->started_on, ==, y->started_on);
      g_assert_cmpstr (x->ended_on, ==, y->ended_on);
      g_assert_cmpstr (x->document, ==, y->document);
      g_assert_cmpstr (x->document_expiry, ==, y->document_expiry);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = full_person ();
  g_autoptr(EscalePerson) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *periods;

  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_person_get_id (person), >, 0);
  g_assert_nonnull (escale_person_get_uuid (person));
  periods = escale_person_get_status_periods (person);
  for (guint i = 0; i < periods->len; i++)
    g_assert_cmpint (((EscaleStatusPeriod *) g_ptr_array_index (periods, i))->id, >, 0);

  loaded = escale_store_load_person (store, escale_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_same_person (person, loaded);
  g_assert_true (escale_person_is_closed (loaded));
  g_assert_cmpstr (escale_person_get_current_status (loaded), ==, "refugee");
  g_assert_cmpint (escale_person_get_household_id (loaded), ==, 0);
  g_assert_cmpuint (escale_person_get_household_members (loaded)->len, ==, 0);

  /* Written by the current user, stamped, current status kept for filters. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person WHERE created_by = 'tester' "
                              "AND updated_by = 'tester' AND created_at LIKE '20%Z'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person_current "
                              "WHERE status = 'refugee'"), ==, 1);
  /* A copy is the same person, and saves as such. */
  {
    g_autoptr(EscalePerson) copy = escale_person_copy (loaded);
    assert_same_person (loaded, copy);
    g_assert_true (escale_store_save_person (store, copy, &error));
    g_assert_no_error (error);
    g_assert_cmpint (escale_store_count_people (store), ==, 1);
  }
}

static void
test_update_lists (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = full_person ();
  g_autoptr(EscalePerson) loaded = NULL;
  g_autoptr(EscalePerson) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *periods;
  gint64 removed_id, kept_id;
  const char *others[] = { "Mouhammad", NULL };
  const char *nationalities[] = { "FR", NULL };
  g_autofree char *sql = NULL;

  g_assert_true (escale_store_save_person (store, person, &error));
  loaded = escale_store_load_person (store, escale_person_get_id (person), &error);
  g_assert_no_error (error);

  periods = escale_person_get_status_periods (loaded);
  removed_id = ((EscaleStatusPeriod *) g_ptr_array_index (periods, 0))->id;
  kept_id = ((EscaleStatusPeriod *) g_ptr_array_index (periods, 1))->id;
  g_ptr_array_remove_index (periods, 0);
  g_free (((EscaleStatusPeriod *) g_ptr_array_index (periods, 0))->document);
  ((EscaleStatusPeriod *) g_ptr_array_index (periods, 0))->document = g_strdup ("Titre de séjour");
  g_ptr_array_add (periods, escale_status_period_new ("french_national", "2023-01-01", NULL,
                                                      NULL, NULL));
  escale_person_set_other_names (loaded, others);
  escale_person_set_nationalities (loaded, nationalities);
  g_ptr_array_remove_index (escale_person_get_languages (loaded), 0);
  ((EscaleLanguageSkill *) g_ptr_array_index (escale_person_get_languages (loaded), 0))
    ->interpreter = TRUE;
  escale_person_set (loaded, ESCALE_FIELD_CITY, NULL);
  escale_person_set (loaded, ESCALE_FIELD_GIVEN_NAMES, "Mohamed");

  g_assert_true (escale_store_save_person (store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (((EscaleStatusPeriod *) g_ptr_array_index (periods, 0))->id, ==, kept_id);
  g_assert_cmpint (((EscaleStatusPeriod *) g_ptr_array_index (periods, 1))->id, >, kept_id);

  reloaded = escale_store_load_person (store, escale_person_get_id (person), &error);
  g_assert_no_error (error);
  assert_same_person (loaded, reloaded);
  g_assert_null (escale_person_get (reloaded, ESCALE_FIELD_CITY));
  g_assert_cmpstr (escale_person_get_current_status (reloaded), ==, "french_national");

  sql = g_strdup_printf ("SELECT count(*) FROM status_period WHERE id = %" G_GINT64_FORMAT,
                         removed_id);
  g_assert_cmpint (query_int (store, sql), ==, 0);
  g_assert_cmpint (count_rows (store, "status_period"), ==, 2);
  g_assert_cmpint (count_rows (store, "person_name"), ==, 1);
  g_assert_cmpint (count_rows (store, "person_nationality"), ==, 1);
  g_assert_cmpint (count_rows (store, "person_language"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person_current "
                              "WHERE status = 'french_national'"), ==, 1);

  /* Removing every period clears the current status. */
  g_ptr_array_set_size (periods, 0);
  g_assert_true (escale_store_save_person (store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "status_period"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person_current "
                              "WHERE status IS NULL"), ==, 1);
}

static void
test_load_missing (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePerson) person = escale_store_load_person (store, 12345, &error);

  g_assert_null (person);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

static void
test_save_deleted (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = valid_person ();
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_true (escale_store_delete_person (store, escale_person_get_id (person), &error));
  /* Saving a person deleted meanwhile (another window) says so. */
  g_assert_false (escale_store_save_person (store, person, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (escale_store_count_people (store), ==, 0);
  g_assert_cmpint (count_rows (store, "person_search"), ==, 0);
}

/* File numbers */

static void
test_file_numbers (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  int year = current_year ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *taken = g_strdup_printf ("%d-0004", year);

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(EscalePerson) person = escale_test_person ("Person", NULL, NULL);

      if (i == 3)
        /* Taken by hand (an import) before the counter gets there. */
        escale_person_set (person, ESCALE_FIELD_FILE_NUMBER, taken);
      g_assert_true (escale_store_save_person (store, person, &error));
      g_assert_no_error (error);
      g_ptr_array_add (numbers, g_strdup (escale_person_get (person, ESCALE_FIELD_FILE_NUMBER)));
    }
  for (guint i = 0; i < numbers->len; i++)
    {
      static const int expected[] = { 1, 2, 3, 4, 5, 6 };
      g_autofree char *want = g_strdup_printf ("%d-%04d", year, expected[i]);
      g_assert_cmpstr (g_ptr_array_index (numbers, i), ==, want);
    }
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT file_number) FROM person"), ==, 6);
  {
    /* 0004 was skipped at i == 4; numbers go on after the last one. */
    g_autofree char *next = escale_store_next_file_number (store, year, NULL);
    g_autofree char *want = g_strdup_printf ("%d-0007", year);
    g_assert_cmpstr (next, ==, want);
  }
  {
    g_autofree char *a = escale_store_next_file_number (store, 1999, NULL);
    g_autofree char *b = escale_store_next_file_number (store, 1999, NULL);
    g_assert_cmpstr (a, ==, "1999-0001");
    g_assert_cmpstr (b, ==, "1999-0002");
  }
  g_assert_cmpint (escale_store_find_file_number (store, taken), >, 0);
  g_assert_cmpint (escale_store_find_file_number (store, "1999-0001"), ==, 0);
  g_assert_cmpint (escale_store_find_file_number (store, NULL), ==, 0);
}

static void
test_file_numbers_skip_taken (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  int year = current_year ();

  /* 0001 and 0002 taken by an import: the first generated number is 0003. */
  for (int i = 1; i <= 2; i++)
    {
      g_autoptr(EscalePerson) person = escale_test_person ("Imported", NULL, NULL);
      g_autofree char *number = g_strdup_printf ("%d-%04d", year, i);

      escale_person_set (person, ESCALE_FIELD_FILE_NUMBER, number);
      g_assert_true (escale_store_save_person (store, person, &error));
    }
  {
    g_autoptr(EscalePerson) person = escale_test_person ("New", NULL, NULL);
    g_autofree char *want = g_strdup_printf ("%d-0003", year);

    g_assert_true (escale_store_save_person (store, person, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_FILE_NUMBER), ==, want);
  }
}

/* A failing save */

static void
test_failed_save_writes_nothing (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) existing = full_person ();
  g_autoptr(EscalePerson) person = full_person ();
  g_autoptr(EscalePerson) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const tables[] = {
    "person", "person_name", "person_nationality", "person_language", "status_period",
    "person_current", "person_search", "person_trigram", "person_skeleton", "setting",
  };
  gint64 before[G_N_ELEMENTS (tables)];

  g_assert_true (escale_store_save_person (store, existing, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    before[i] = count_rows (store, tables[i]);

  /* The last write of a save fails (the data are valid). */
  g_assert_true (escale_store_exec (store, "CREATE TEMP TRIGGER fail_save BEFORE INSERT ON "
                                    "main.person_skeleton BEGIN SELECT RAISE (ABORT, 'boom'); END",
                                    NULL));
  escale_person_set (person, ESCALE_FIELD_FILE_NUMBER, NULL);
  g_assert_false (escale_store_save_person (store, person, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL);
  g_clear_error (&error);
  g_assert_cmpint (escale_person_get_id (person), ==, 0);
  g_assert_null (escale_person_get_uuid (person));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_test_message ("table %s", tables[i]);
      g_assert_cmpint (count_rows (store, tables[i]), ==, before[i]);
    }

  /* An update that fails leaves the person as they were. */
  escale_person_set (existing, ESCALE_FIELD_FAMILY_NAME, "Changed");
  g_ptr_array_set_size (escale_person_get_status_periods (existing), 0);
  g_assert_false (escale_store_save_person (store, existing, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL);
  g_clear_error (&error);
  g_assert_cmpint (escale_person_get_id (existing), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (count_rows (store, tables[i]), ==, before[i]);
  reloaded = escale_store_load_person (store, escale_person_get_id (existing), &error);
  g_assert_cmpstr (escale_person_get (reloaded, ESCALE_FIELD_FAMILY_NAME), ==, "Haddad");
  g_assert_cmpuint (escale_person_get_status_periods (reloaded)->len, ==, 2);

  /* And the store works again once the cause is gone. */
  g_assert_true (escale_store_exec (store, "DROP TRIGGER temp.fail_save", NULL));
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_store_count_people (store), ==, 2);
}

/* Closing files */

static void
test_close_reopen (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 id = escale_test_add_person (store, "Dupont", "Hélène", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = date_from_today (0, 1);

  g_assert_false (escale_store_close_person (store, id, "2023-05-01", NULL, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (escale_store_close_person (store, id, "2023-05-01", "", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (escale_store_close_person (store, id, "2023-02-30", "Moved", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (escale_store_close_person (store, id, tomorrow, "Moved", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(EscalePerson) person = escale_store_load_person (store, id, NULL);
    g_assert_false (escale_person_is_closed (person));
    g_assert_null (escale_person_get (person, ESCALE_FIELD_CLOSE_REASON));
  }

  g_assert_true (escale_store_close_person (store, id, "2023-05-01", "Moved to Lyon", &error));
  g_assert_no_error (error);
  {
    g_autoptr(EscalePerson) person = escale_store_load_person (store, id, NULL);
    g_assert_true (escale_person_is_closed (person));
    g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_CLOSED_ON), ==, "2023-05-01");
    g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_CLOSE_REASON), ==, "Moved to Lyon");
  }

  g_assert_true (escale_store_reopen_person (store, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(EscalePerson) person = escale_store_load_person (store, id, NULL);
    g_assert_false (escale_person_is_closed (person));
    g_assert_null (escale_person_get (person, ESCALE_FIELD_CLOSED_ON));
    g_assert_null (escale_person_get (person, ESCALE_FIELD_CLOSE_REASON));
  }

  /* Without a date, the file closes today. */
  g_assert_true (escale_store_close_person (store, id, NULL, "No news", &error));
  g_assert_no_error (error);
  {
    g_autoptr(EscalePerson) person = escale_store_load_person (store, id, NULL);
    g_autofree char *today = date_from_today (0, 0);
    g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_CLOSED_ON), ==, today);
  }

  /* Someone who does not exist cannot be closed. */
  g_assert_false (escale_store_close_person (store, id + 100, "2023-05-01", "Moved", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

/* Households */

static gint64
household_of (EscaleStore *store,
              gint64       id,
              const char **role_out,
              guint       *n_others)
{
  static char *role;
  g_autoptr(EscalePerson) person = escale_store_load_person (store, id, NULL);

  g_assert_nonnull (person);
  g_free (role);
  role = g_strdup (escale_person_get_household_role (person));
  if (role_out != NULL)
    *role_out = role;
  if (n_others != NULL)
    *n_others = escale_person_get_household_members (person)->len;
  return escale_person_get_household_id (person);
}

static void
test_households (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 a = escale_test_add_person (store, "Haddad", "Mohamed", "1980-01-01");
  gint64 b = escale_test_add_person (store, "Haddad", "Amina", "1982-01-01");
  gint64 c = escale_test_add_person (store, "Haddad", "Yasmine", "2010-01-01");
  g_autoptr(GError) error = NULL;
  const char *role;
  guint others;
  gint64 household;

  g_assert_cmpint (household_of (store, a, NULL, NULL), ==, 0);

  /* Adding a member to someone without a household creates one, with them as head. */
  g_assert_true (escale_store_household_add (store, a, b, "partner", &error));
  g_assert_no_error (error);
  household = household_of (store, a, &role, &others);
  g_assert_cmpint (household, >, 0);
  g_assert_cmpstr (role, ==, "head");
  g_assert_cmpuint (others, ==, 1);
  g_assert_cmpint (household_of (store, b, &role, &others), ==, household);
  g_assert_cmpstr (role, ==, "partner");
  g_assert_cmpuint (others, ==, 1);
  g_assert_cmpint (count_rows (store, "household"), ==, 1);

  g_assert_true (escale_store_household_add (store, b, c, "child", &error));
  g_assert_no_error (error);
  g_assert_cmpint (household_of (store, c, &role, &others), ==, household);
  g_assert_cmpstr (role, ==, "child");
  g_assert_cmpuint (others, ==, 2);
  {
    g_autoptr(EscalePerson) person = escale_store_load_person (store, c, NULL);
    EscaleHouseholdMember *first = g_ptr_array_index (escale_person_get_household_members (person),
                                                      0);
    /* The head comes first. */
    g_assert_cmpint (first->person_id, ==, a);
    g_assert_cmpstr (first->role, ==, "head");
    g_assert_cmpstr (first->family_name, ==, "Haddad");
    g_assert_cmpstr (first->given_names, ==, "Mohamed");
    g_assert_nonnull (first->file_number);
  }

  /* Roles. */
  g_assert_true (escale_store_household_set_role (store, c, "other", &error));
  g_assert_no_error (error);
  household_of (store, c, &role, NULL);
  g_assert_cmpstr (role, ==, "other");
  g_assert_false (escale_store_household_set_role (store, c, "boss", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  household_of (store, c, &role, NULL);
  g_assert_cmpstr (role, ==, "other");

  /* Nobody is their own member. */
  g_assert_false (escale_store_household_add (store, a, a, "child", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Leaving: two remain, then the last but one leaves and the household goes. */
  g_assert_true (escale_store_household_remove (store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (household_of (store, c, NULL, NULL), ==, 0);
  g_assert_cmpint (household_of (store, a, NULL, &others), ==, household);
  g_assert_cmpuint (others, ==, 1);
  g_assert_true (escale_store_household_remove (store, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (household_of (store, a, NULL, NULL), ==, 0);
  g_assert_cmpint (household_of (store, b, NULL, NULL), ==, 0);
  g_assert_cmpint (count_rows (store, "household"), ==, 0);
  g_assert_cmpint (count_rows (store, "household_member"), ==, 0);

  /* Removing someone who is in no household is harmless. */
  g_assert_true (escale_store_household_remove (store, a, &error));
  g_assert_no_error (error);
}

static void
test_household_move (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 a = escale_test_add_person (store, "Haddad", "Mohamed", NULL);
  gint64 b = escale_test_add_person (store, "Haddad", "Amina", NULL);
  gint64 c = escale_test_add_person (store, "Kovalenko", "Olena", NULL);
  gint64 d = escale_test_add_person (store, "Kovalenko", "Ivan", NULL);
  gint64 e = escale_test_add_person (store, "Kovalenko", "Petro", NULL);
  g_autoptr(GError) error = NULL;
  gint64 first, second;
  guint others;

  g_assert_true (escale_store_household_add (store, a, b, "partner", &error));
  g_assert_true (escale_store_household_add (store, c, d, "child", &error));
  g_assert_true (escale_store_household_add (store, c, e, "child", &error));
  g_assert_no_error (error);
  first = household_of (store, a, NULL, NULL);
  second = household_of (store, c, NULL, NULL);
  g_assert_cmpint (first, !=, second);

  /* d moves to the other household. */
  g_assert_true (escale_store_household_add (store, a, d, "other", &error));
  g_assert_no_error (error);
  g_assert_cmpint (household_of (store, d, NULL, &others), ==, first);
  g_assert_cmpuint (others, ==, 2);
  g_assert_cmpint (household_of (store, c, NULL, &others), ==, second);
  g_assert_cmpuint (others, ==, 1);

  /* Then e: c is left alone, which is no household. */
  g_assert_true (escale_store_household_add (store, b, e, "other", &error));
  g_assert_no_error (error);
  g_assert_cmpint (household_of (store, e, NULL, &others), ==, first);
  g_assert_cmpuint (others, ==, 3);
  g_assert_cmpint (household_of (store, c, NULL, NULL), ==, 0);
  g_assert_cmpint (count_rows (store, "household"), ==, 1);

  /* A member already there only changes role. */
  g_assert_true (escale_store_household_add (store, a, e, "child", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "household_member"), ==, 4);

  /* An unknown person cannot be added, and nothing changes. */
  g_assert_false (escale_store_household_add (store, c, a + 1000, "child", &error));
  g_assert_nonnull (error);
  g_assert_cmpint (household_of (store, c, NULL, NULL), ==, 0);
  g_assert_cmpint (count_rows (store, "household"), ==, 1);
}

static void
test_household_find_key (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 one = escale_store_household_find_key (store, "fam-1");
  gint64 again = escale_store_household_find_key (store, "fam-1");
  gint64 other = escale_store_household_find_key (store, "fam-2");

  g_assert_cmpint (one, >, 0);
  g_assert_cmpint (again, ==, one);
  g_assert_cmpint (other, !=, one);
}

/* Deleting */

static void
test_delete (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = full_person ();
  gint64 other = escale_test_add_person (store, "Dupont", "Hélène", NULL);
  gint64 id;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePerson) gone = NULL;
  static const struct {
    const char *table;
    const char *column;
  } rows[] = {
    { "person_name", "person_id" }, { "person_nationality", "person_id" },
    { "person_language", "person_id" }, { "status_period", "person_id" },
    { "person_current", "person_id" }, { "person_skeleton", "person_id" },
    { "household_member", "person_id" }, { "person_search", "rowid" },
    { "person_trigram", "rowid" },
  };

  g_assert_true (escale_store_save_person (store, person, &error));
  id = escale_person_get_id (person);
  g_assert_true (escale_store_household_add (store, id, other, "partner", &error));
  g_assert_no_error (error);

  g_assert_true (escale_store_delete_person (store, id, &error));
  g_assert_no_error (error);
  gone = escale_store_load_person (store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (escale_store_count_people (store), ==, 1);

  /* Nothing of them is left; the other person is alone, so out of any household. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = %"
                                              G_GINT64_FORMAT, rows[i].table, rows[i].column, id);
      g_test_message ("table %s", rows[i].table);
      g_assert_cmpint (query_int (store, sql), ==, 0);
    }
  g_assert_cmpint (household_of (store, other, NULL, NULL), ==, 0);
  g_assert_cmpint (count_rows (store, "household"), ==, 0);
  g_assert_cmpint (count_rows (store, "person_search"), ==, 1);

  /* The file number can be used again. */
  g_assert_cmpint (escale_store_find_file_number (store, "2019-0007"), ==, 0);
}

/* Checks, settings, vocabularies */

static void
test_check (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EscalePerson) person = full_person ();
  g_autoptr(GError) error = NULL;
  gint64 other;

  g_assert_true (escale_store_save_person (store, person, &error));
  other = escale_test_add_person (store, "Dupont", "Hélène", NULL);
  g_assert_true (escale_store_household_add (store, escale_person_get_id (person), other, "partner",
                                             &error));
  g_assert_no_error (error);

  g_assert_true (escale_store_check (store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  /* And it finds a problem when there is one. */
  g_assert_true (escale_store_exec (store, "DELETE FROM person_search WHERE rowid = (SELECT "
                                    "min (id) FROM person)", NULL));
  g_assert_true (escale_store_check (store, problems, &error));
  g_assert_cmpuint (problems->len, >=, 1);

  /* A search index whose segments are gone. */
  g_ptr_array_set_size (problems, 0);
  g_assert_true (escale_store_exec (store, "DELETE FROM person_search_data WHERE id > 10", NULL));
  g_assert_true (escale_store_check (store, problems, &error));
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (problems, "The search index is damaged",
                                                   g_str_equal, NULL));
}

/* Another program holds the write lock longer than the busy timeout: the
 * check says so, and reports no problem that is not there. */
static void
test_check_busy (void)
{
  g_autofree char *path = escale_test_tmp_path ("busy.db");
  g_autoptr(EscaleStore) store = escale_store_open (path, NULL);
  g_autoptr(EscaleStore) writer = escale_store_open (path, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  escale_test_add_person (store, "Busy", "Bea", NULL);
  sqlite3_busy_timeout (escale_store_get_db (store), 100);
  g_assert_true (escale_store_exec (writer, "BEGIN IMMEDIATE", NULL));
  g_assert_false (escale_store_check (store, problems, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_BUSY);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (escale_store_exec (writer, "ROLLBACK", NULL));
}

static void
test_settings (void)
{
  g_autofree char *path = lonely_path ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(EscaleStore) store = open_store (path);
    g_autofree char *missing = escale_store_get_setting (store, "association.name");
    g_autofree char *one = NULL;
    g_autofree char *two = NULL;
    g_autofree char *cleared = NULL;

    g_assert_null (missing);
    g_assert_true (escale_store_set_setting (store, "association.name", "Accueil", &error));
    g_assert_no_error (error);
    one = escale_store_get_setting (store, "association.name");
    g_assert_cmpstr (one, ==, "Accueil");
    g_assert_true (escale_store_set_setting (store, "association.name", "Accueil & Co", &error));
    two = escale_store_get_setting (store, "association.name");
    g_assert_cmpstr (two, ==, "Accueil & Co");
    g_assert_true (escale_store_set_setting (store, "empty", NULL, &error));
    cleared = escale_store_get_setting (store, "empty");
    g_assert_null (cleared);
  }
  {
    g_autoptr(EscaleStore) store = open_store (path);
    g_autofree char *kept = escale_store_get_setting (store, "association.name");
    g_assert_cmpstr (kept, ==, "Accueil & Co");
  }
}

static void
test_vocab (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_auto(GStrv) statuses = escale_vocab_list_codes (store, ESCALE_VOCAB_STATUS);
  g_auto(GStrv) sexes = escale_vocab_list_codes (store, ESCALE_VOCAB_SEX);
  g_auto(GStrv) roles = escale_vocab_list_codes (store, ESCALE_VOCAB_HOUSEHOLD_ROLE);
  g_auto(GStrv) none = escale_vocab_list_codes (store, "no such kind");
  static const char *const expected_statuses[] = {
    "asylum_seeker", "refugee", "subsidiary_protection", "stateless", "residence_permit",
    "temporary_protection", "eu_citizen", "undocumented", "french_national", "unknown", NULL,
  };
  static const char *const expected_sexes[] = { "F", "M", "X", NULL };
  static const char *const expected_roles[] = { "head", "partner", "child", "other", NULL };

  g_assert_true (g_strv_equal ((const char * const *) statuses, expected_statuses));
  g_assert_true (g_strv_equal ((const char * const *) sexes, expected_sexes));
  g_assert_true (g_strv_equal ((const char * const *) roles, expected_roles));
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  g_assert_true (escale_vocab_has_code (store, ESCALE_VOCAB_STATUS, "refugee"));
  g_assert_false (escale_vocab_has_code (store, ESCALE_VOCAB_STATUS, "Refugee"));
  g_assert_false (escale_vocab_has_code (store, ESCALE_VOCAB_SEX, "refugee"));
  g_assert_false (escale_vocab_has_code (store, ESCALE_VOCAB_STATUS, NULL));

  g_assert_cmpstr (escale_vocab_builtin_label (ESCALE_VOCAB_STATUS, "refugee"), ==, "Refugee");
  g_assert_cmpstr (escale_vocab_builtin_label (ESCALE_VOCAB_SEX, "F"), ==, "Female");
  g_assert_cmpstr (escale_vocab_builtin_label (ESCALE_VOCAB_HOUSEHOLD_ROLE, "head"), ==,
                   "Head of household");
  g_assert_null (escale_vocab_builtin_label (ESCALE_VOCAB_STATUS, "martian"));
  {
    g_autofree char *label = escale_vocab_get_label (store, ESCALE_VOCAB_STATUS,
                                                     "subsidiary_protection");
    g_autofree char *unknown = escale_vocab_get_label (store, ESCALE_VOCAB_STATUS, "martian");
    g_autofree char *empty = escale_vocab_get_label (store, ESCALE_VOCAB_STATUS, NULL);
    g_autofree char *no_store = escale_vocab_get_label (NULL, ESCALE_VOCAB_SEX, "X");

    g_assert_cmpstr (label, ==, "Subsidiary protection");
    g_assert_cmpstr (unknown, ==, "martian");
    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (no_store, ==, "Other or not stated");
  }
  {
    /* An entry added by the association, with its own labels. */
    g_autofree char *label = NULL;

    g_assert_true (escale_store_exec (store,
                                      "INSERT INTO vocabulary (kind, code) "
                                      "VALUES ('status', 'student');"
                                      "INSERT INTO vocabulary_label "
                                      "(vocabulary_id, language, label) "
                                      "SELECT id, 'fr', 'Étudiant' FROM vocabulary "
                                      "WHERE code = 'student';"
                                      "INSERT INTO vocabulary_label "
                                      "(vocabulary_id, language, label) "
                                      "SELECT id, 'en', 'Student' FROM vocabulary "
                                      "WHERE code = 'student'", NULL));
    label = escale_vocab_get_label (store, ESCALE_VOCAB_STATUS, "student");
    g_assert_cmpstr (label, ==, "Student");
    g_assert_true (escale_vocab_has_code (store, ESCALE_VOCAB_STATUS, "student"));
  }
}

static void
test_referents (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  const char *names[] = { "Zoé", "Claire", "Claire", NULL };
  g_auto(GStrv) referents = NULL;
  static const char *const expected[] = { "Claire", "Zoé", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(EscalePerson) person = escale_test_person ("Person", NULL, NULL);
      escale_person_set (person, ESCALE_FIELD_REFERENT, names[i]);
      g_assert_true (escale_store_save_person (store, person, NULL));
    }
  escale_test_add_person (store, "Nobody", NULL, NULL);
  referents = escale_store_list_referents (store);
  g_assert_true (g_strv_equal ((const char * const *) referents, expected));
}

/* In a batch, saves join the transaction; one that fails spoils the batch:
 * it cannot be committed, and rolling it back leaves nothing. */
static void
test_batch (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) good = escale_test_person ("Batch", "One", NULL);
  g_autoptr(EscalePerson) bad = escale_test_person ("Batch", "Two", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_begin_batch (store, &error));
  g_assert_true (escale_store_save_person (store, good, &error));
  g_assert_no_error (error);
  g_assert_true (escale_store_commit (store, &error));
  g_assert_cmpint (escale_store_count_people (store), ==, 1);

  /* A write refused by the database inside the save, after its first rows. */
  g_assert_true (escale_store_exec (store, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON "
                                    "person_skeleton BEGIN SELECT RAISE (ABORT, 'no'); END",
                                    &error));
  g_assert_true (escale_store_begin_batch (store, &error));
  g_assert_false (escale_store_save_person (store, bad, &error));
  g_clear_error (&error);
  g_assert_false (escale_store_commit (store, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL);
  g_clear_error (&error);
  escale_store_rollback (store);
  g_assert_cmpint (escale_store_count_people (store), ==, 1);

  /* The store is usable as before. */
  g_assert_true (escale_store_exec (store, "DROP TRIGGER refuse", &error));
  g_assert_true (escale_store_save_person (store, bad, &error));
  g_assert_cmpint (escale_store_count_people (store), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);

  g_test_add_func ("/store/migrate/empty", test_migrate_empty);
  g_test_add_func ("/store/migrate/reopen", test_reopen);
  g_test_add_func ("/store/migrate/too-new", test_too_new);
  g_test_add_func ("/store/migrate/too-new-rollback-journal", test_too_new_rollback_journal);
  g_test_add_func ("/store/migrate/backup", test_backup_before_migration);
  g_test_add_func ("/store/migrate/failed-upgrade", test_failed_upgrade_keeps_file);
  g_test_add_func ("/store/migrate/failure-rolls-back", test_failed_migration_rolls_back);
  g_test_add_func ("/store/open/unwritable", test_open_unwritable);
  g_test_add_func ("/store/open/not-a-database", test_not_a_database);
  g_test_add_func ("/store/validate/valid", test_validate_valid);
  g_test_add_func ("/store/validate/family-name", test_validate_family_name);
  g_test_add_func ("/store/validate/bad-dates", test_validate_bad_dates);
  g_test_add_func ("/store/validate/birth-date", test_validate_birth_date);
  g_test_add_func ("/store/validate/future-dates", test_validate_future_dates);
  g_test_add_func ("/store/validate/file-number", test_validate_file_number);
  g_test_add_func ("/store/validate/codes", test_validate_codes);
  g_test_add_func ("/store/validate/status", test_validate_status);
  g_test_add_func ("/store/validate/email", test_validate_email);
  g_test_add_func ("/store/validate/close-reason", test_validate_close_reason);
  g_test_add_func ("/store/validate/several", test_validate_several);
  g_test_add_func ("/store/person/round-trip", test_round_trip);
  g_test_add_func ("/store/person/update-lists", test_update_lists);
  g_test_add_func ("/store/person/load-missing", test_load_missing);
  g_test_add_func ("/store/person/save-deleted", test_save_deleted);
  g_test_add_func ("/store/person/failed-save", test_failed_save_writes_nothing);
  g_test_add_func ("/store/person/close-reopen", test_close_reopen);
  g_test_add_func ("/store/person/delete", test_delete);
  g_test_add_func ("/store/file-numbers", test_file_numbers);
  g_test_add_func ("/store/file-numbers/skip-taken", test_file_numbers_skip_taken);
  g_test_add_func ("/store/households", test_households);
  g_test_add_func ("/store/households/move", test_household_move);
  g_test_add_func ("/store/households/find-key", test_household_find_key);
  g_test_add_func ("/store/check", test_check);
  g_test_add_func ("/store/settings", test_settings);
  g_test_add_func ("/store/vocab", test_vocab);
  g_test_add_func ("/store/referents", test_referents);
  g_test_add_func ("/store/batch", test_batch);
  g_test_add_func ("/store/check-busy", test_check_busy);

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
