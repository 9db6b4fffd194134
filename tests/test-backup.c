/* test-backup.c — backups, their rotation, restoring, and the database's own safety settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>
#include <time.h>
#include <utime.h>

#include "escale-backup.h"
#include "escale-crypt.h"
#include "escale-crypt-private.h"
#include "escale-person-store.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

#define PASSPHRASE "correct horse battery staple"

static EscaleStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  EscaleStore *store = escale_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static int
count_people (const char *path)
{
  g_autoptr(EscaleStore) store = open_store (path);
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, "SELECT count(*) FROM person", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static gboolean
has_person (const char *path,
            const char *family)
{
  g_autoptr(EscaleStore) store = open_store (path);
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store,
                                                       "SELECT count(*) FROM person "
                                                       "WHERE family_name = ?", NULL);

  sqlite3_bind_text (stmt, 1, family, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0) > 0;
}

static char *
make_database (guint n_people)
{
  char *path = escale_test_tmp_path ("escale.db");
  g_autoptr(EscaleStore) store = open_store (path);

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *family = g_strdup_printf ("Family%u", i);

      escale_test_add_person (store, family, "Amina", "1990-05-01");
    }
  return path;
}

static void
overwrite (const char *path,
           goffset     offset,
           gsize       length)
{
  FILE *file = g_fopen (path, "r+b");
  g_autofree guint8 *junk = g_malloc (length);

  g_assert_nonnull (file);
  randombytes_buf (junk, length);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, length, file), ==, length);
  fclose (file);
}

static gboolean
same_bytes (const char *a,
            const char *b)
{
  g_autofree char *x = NULL, *y = NULL;
  gsize nx, ny;

  g_assert_true (g_file_get_contents (a, &x, &nx, NULL));
  g_assert_true (g_file_get_contents (b, &y, &ny, NULL));
  return nx == ny && memcmp (x, y, nx) == 0;
}

/* What the issue asks of every connection. */
static void
test_pragmas (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  const struct { const char *pragma; const char *value; } expected[] = {
    { "PRAGMA journal_mode", "wal" },
    { "PRAGMA synchronous", "2" },   /* FULL */
    { "PRAGMA foreign_keys", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, expected[i].pragma, NULL);

      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected[i].value);
    }
}

static void
test_write_and_inspect (void)
{
  g_autofree char *path = make_database (30);
  g_autofree char *target = escale_test_tmp_path ("copy.db");
  g_autofree char *wal = g_strconcat (target, "-wal", NULL);
  g_autofree char *partial = g_strconcat (target, ".part", NULL);
  g_autoptr(EscaleStore) store = open_store (path);
  g_autoptr(EscaleBackupInfo) info = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_path = NULL;

  g_assert_null (escale_backup_get_last (store, NULL));
  /* Written while the store is open, with changes still in its log. */
  escale_test_add_person (store, "Late", "Omar", "1980-01-01");
  g_assert_true (escale_backup_write (store, target, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  info = escale_backup_inspect (target, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->schema_version, ==, escale_store_get_latest_version ());
  g_assert_false (info->encrypted);
  g_assert_cmpint (info->size, >, 0);
  g_assert_cmpint (count_people (target), ==, 31);
  g_assert_true (has_person (target, "Late"));

  last = escale_backup_get_last (store, &last_path);
  g_assert_nonnull (last);
  g_assert_cmpstr (last_path, ==, target);
}

static void
test_write_cancelled (void)
{
  g_autofree char *path = make_database (5);
  g_autofree char *target = escale_test_tmp_path ("cancelled.db");
  g_autofree char *partial = g_strconcat (target, ".part", NULL);
  g_autoptr(EscaleStore) store = open_store (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (escale_backup_write (store, target, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_null (escale_backup_get_last (store, NULL));
}

static void
test_inspect_refusals (void)
{
  g_autofree char *path = make_database (20);
  g_autofree char *damaged = escale_test_tmp_path ("damaged.db");
  g_autofree char *truncated = escale_test_tmp_path ("truncated.db");
  g_autofree char *newer = escale_test_tmp_path ("newer.db");
  g_autofree char *text = escale_test_tmp_path ("notes.txt");
  g_autofree char *other = escale_test_tmp_path ("other.db");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  {
    g_autoptr(EscaleStore) store = open_store (path);

    g_assert_true (escale_backup_write (store, damaged, NULL, NULL));
    g_assert_true (escale_backup_write (store, truncated, NULL, NULL));
    g_assert_true (escale_backup_write (store, newer, NULL, NULL));
  }
  /* Random bytes over pages of data (not the header). */
  overwrite (damaged, 8 * 4096, 4 * 4096);
  g_assert_null (escale_backup_inspect (damaged, NULL, &error));
  g_assert_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);

  g_assert_cmpint (truncate (truncated, 3 * 4096), ==, 0);
  g_assert_null (escale_backup_inspect (truncated, NULL, &error));
  g_assert_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (escale_backup_inspect (newer, NULL, &error));
  g_assert_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "999"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "name;birth\nAmina;1990\n", -1, NULL));
  g_assert_null (escale_backup_inspect (text, NULL, &error));
  g_assert_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_NOT_BACKUP);
  g_clear_error (&error);

  /* Some other program's database. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 1", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (escale_backup_inspect (other, NULL, &error));
  g_assert_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_NOT_BACKUP);
}

static void
test_encrypted (void)
{
  g_autofree char *path = escale_test_tmp_path ("secret.db");
  g_autofree char *target = escale_test_tmp_path ("secret-copy.db");
  g_autofree char *contents = NULL;
  g_autoptr(EscaleBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  {
    g_autoptr(EscaleStore) store = escale_store_open_encrypted (path, PASSPHRASE, &error);

    g_assert_no_error (error);
    escale_test_add_person (store, "Secretname", "Amina", "1990-05-01");
    g_assert_true (escale_backup_write (store, target, NULL, &error));
    g_assert_no_error (error);
  }
  /* Encrypted like the database: no name in clear, the same key opens it. */
  g_assert_true (escale_crypt_is_encrypted (target));
  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  g_assert_null (g_strstr_len (contents, length, "Secretname"));
  info = escale_backup_inspect (target, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (info->encrypted);
  g_clear_pointer (&info, escale_backup_info_free);

  /* In another process, without the key: the passphrase is needed. */
  escale_crypt_forget (NULL);
  g_assert_null (escale_backup_inspect (target, NULL, &error));
  g_assert_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (escale_backup_inspect (target, "wrong passphrase", &error));
  g_assert_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_LOCKED);
  g_clear_error (&error);
  info = escale_backup_inspect (target, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_true (has_person (target, "Secretname"));
  escale_crypt_forget (NULL);
}

/* Rotation */

static GPtrArray *
hourly_days (GDateTime *newest,
             int        days,
             int        per_day)
{
  GPtrArray *times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);

  for (int d = 0; d < days; d++)
    for (int h = 0; h < per_day; h++)
      g_ptr_array_add (times, g_date_time_add_hours (newest, -(d * 24 + h * 3)));
  return times;
}

static gboolean
is_expired (GPtrArray *expired,
            guint      index)
{
  for (guint i = 0; i < expired->len; i++)
    if (GPOINTER_TO_UINT (g_ptr_array_index (expired, i)) == index)
      return TRUE;
  return FALSE;
}

static void
test_rotation_choice (void)
{
  /* Saturday 2026-11-21, 21:00 UTC; backups every 3 h, 3 a day, for 500 days. */
  g_autoptr(GDateTime) newest = g_date_time_new_utc (2026, 11, 21, 21, 0, 0);
  g_autoptr(GPtrArray) times = hourly_days (newest, 500, 3);
  g_autoptr(GPtrArray) expired = escale_backup_select_expired (times, 7, 4, 12);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint kept = 0;

  for (guint i = 0; i < times->len; i++)
    {
      GDateTime *time = g_ptr_array_index (times, i);
      GTimeSpan age = g_date_time_difference (newest, time);

      if (is_expired (expired, i))
        continue;
      kept++;
      /* Only the newest of a day is kept, and nothing older than 12 months. */
      g_assert_cmpint (g_date_time_get_hour (time), ==, 21);
      g_assert_cmpint (age, <, 366 * G_TIME_SPAN_DAY);
      g_hash_table_add (months, g_date_time_format (time, "%Y-%m"));
    }
  /* The 7 last days; the newest of the 4 last weeks (Sunday 15th, 8th; the
   * week of the 21st and of the 14th are among the days); the newest of
   * the 12 last months (the 30th or 31st of the 11 months before). */
  g_assert_false (is_expired (expired, 0));
  for (guint d = 0; d < 7; d++)
    g_assert_false (is_expired (expired, d * 3));
  g_assert_cmpuint (g_hash_table_size (months), ==, 12);
  g_assert_cmpuint (kept, ==, 7 + 2 + 11);
  g_assert_cmpuint (kept + expired->len, ==, times->len);
}

static void
test_rotation_few (void)
{
  g_autoptr(GDateTime) newest = g_date_time_new_utc (2026, 11, 21, 21, 0, 0);
  g_autoptr(GPtrArray) times = hourly_days (newest, 2, 3);
  g_autoptr(GPtrArray) expired = escale_backup_select_expired (times, 7, 4, 12);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GPtrArray) none = escale_backup_select_expired (empty, 7, 4, 12);

  /* Two days of three: the newest of each day stays. */
  g_assert_cmpuint (expired->len, ==, 4);
  g_assert_false (is_expired (expired, 0));
  g_assert_false (is_expired (expired, 3));
  g_assert_cmpuint (none->len, ==, 0);
}

static void
touch (const char *folder,
       const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

static void
test_rotation_folder (void)
{
  g_autofree char *folder = escale_test_tmp_path ("backups");
  g_autofree char *path = g_build_filename (folder, "escale.db", NULL);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  const char *const names[] = {
    "escale-backup-2026-11-21-210000.db", "escale-backup-2026-11-21-180000.db",
    "escale-backup-2026-11-20-210000.db", "escale-backup-2025-01-01-100000.db",
  };
  const char *const strangers[] = {
    "other-backup-2020-01-01-100000.db",      /* another database's */
    "escale-backup-2020-01-01-100000.db.part", /* one being written */
    "escale-backup-notes.txt", "escale.db",
  };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    touch (folder, names[i]);
  for (guint i = 0; i < G_N_ELEMENTS (strangers); i++)
    touch (folder, strangers[i]);

  listed = escale_backup_list (folder, path);
  g_assert_cmpuint (listed->len, ==, G_N_ELEMENTS (names));
  g_assert_true (g_str_has_suffix (((EscaleBackupInfo *) listed->pdata[0])->path, names[0]));
  g_assert_true (escale_backup_rotate (folder, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = escale_backup_list (folder, path);
  /* The 18:00 one of the 21st goes; the 2025 one is the newest of one of
   * the 12 last months that have a backup, and stays. */
  g_assert_cmpuint (listed->len, ==, 3);
  g_assert_true (g_str_has_suffix (((EscaleBackupInfo *) listed->pdata[1])->path, names[2]));
  for (guint i = 0; i < G_N_ELEMENTS (strangers); i++)
    {
      g_autofree char *stranger = g_build_filename (folder, strangers[i], NULL);

      g_assert_true (g_file_test (stranger, G_FILE_TEST_EXISTS));
    }
}

static void
test_to_folder (void)
{
  g_autofree char *path = make_database (3);
  g_autofree char *folder = escale_test_tmp_path ("usb-key/backups");
  g_autoptr(EscaleStore) store = open_store (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 8);
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(EscaleBackupInfo) latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *last_path = NULL;

  g_assert_true (escale_backup_is_old (NULL, now, 7));
  written = escale_backup_to_folder (store, folder, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (written, folder));
  listed = escale_backup_list (folder, path);
  g_assert_cmpuint (listed->len, ==, 1);
  last = escale_backup_get_last (store, &last_path);
  g_assert_cmpstr (last_path, ==, written);
  g_assert_false (escale_backup_is_old (last, now, 7));
  g_assert_true (escale_backup_is_old (last, later, 7));

  latest = escale_backup_find_latest_good (folder, path, NULL);
  g_assert_nonnull (latest);
  g_assert_cmpstr (latest->path, ==, written);
}

/* A backup killed while it was written leaves a .part file: the next
 * backup into the folder deletes it once it is old. */
static void
test_leftovers (void)
{
  g_autofree char *path = make_database (2);
  g_autofree char *folder = escale_test_tmp_path ("leftovers");
  g_autofree char *stem = g_path_get_basename (path);
  g_autofree char *old_name = NULL, *new_name = NULL, *old_part = NULL, *new_part = NULL;
  g_autofree char *written = NULL;
  g_autoptr(EscaleStore) store = open_store (path);
  struct utimbuf two_hours_ago;

  stem[strlen (stem) - 3] = '\0';
  old_name = g_strdup_printf ("%s-backup-2026-01-01-000000.db.part", stem);
  new_name = g_strdup_printf ("%s-backup-2026-01-02-000000.db.part", stem);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  touch (folder, old_name);
  touch (folder, new_name);
  touch (folder, "notes.db.part");
  old_part = g_build_filename (folder, old_name, NULL);
  new_part = g_build_filename (folder, new_name, NULL);
  two_hours_ago.actime = two_hours_ago.modtime = time (NULL) - 7200;
  g_assert_cmpint (g_utime (old_part, &two_hours_ago), ==, 0);
  {
    g_autofree char *stranger = g_build_filename (folder, "notes.db.part", NULL);

    g_assert_cmpint (g_utime (stranger, &two_hours_ago), ==, 0);
    written = escale_backup_to_folder (store, folder, TRUE, NULL, NULL);
    g_assert_nonnull (written);
    g_assert_false (g_file_test (old_part, G_FILE_TEST_EXISTS));
    /* Perhaps another backup under way; and not ours. */
    g_assert_true (g_file_test (new_part, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (stranger, G_FILE_TEST_EXISTS));
  }
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  char **written = user_data;
  g_autoptr(GError) error = NULL;

  (void) source;
  *written = escale_backup_to_folder_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_to_folder_async (void)
{
  g_autofree char *path = make_database (3);
  g_autofree char *folder = escale_test_tmp_path ("async");
  g_autoptr(EscaleStore) store = open_store (path);
  g_autofree char *written = NULL;
  g_autoptr(GDateTime) last = NULL;

  escale_backup_to_folder_async (store, folder, TRUE, NULL, on_async_done, &written);
  while (written == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (written, G_FILE_TEST_EXISTS));
  /* Recorded by the worker's connection, seen by this one. */
  last = escale_backup_get_last (store, NULL);
  g_assert_nonnull (last);
}

static void
test_find_latest_good (void)
{
  g_autofree char *path = make_database (3);
  g_autofree char *folder = escale_test_tmp_path ("latest");
  g_autoptr(EscaleStore) store = open_store (path);
  g_autoptr(EscaleBackupInfo) latest = NULL;
  g_autofree char *good = escale_backup_to_folder (store, folder, TRUE, NULL, NULL);
  g_autofree char *stem = g_path_get_basename (path);
  g_autofree char *newer_name = NULL;
  g_autofree char *newer = NULL;

  g_assert_nonnull (good);
  /* A newer one, damaged: passed over. */
  stem[strlen (stem) - 3] = '\0';
  newer_name = g_strdup_printf ("%s-backup-2099-01-01-000000.db", stem);
  newer = g_build_filename (folder, newer_name, NULL);
  g_assert_true (g_file_set_contents (newer, "not a database", -1, NULL));
  latest = escale_backup_find_latest_good (folder, path, NULL);
  g_assert_nonnull (latest);
  g_assert_cmpstr (latest->path, ==, good);
}

/* Restoring */

static void
test_restore (void)
{
  g_autofree char *path = make_database (10);
  g_autofree char *backup = escale_test_tmp_path ("before.db");
  g_autofree char *kept = NULL;
  g_autofree char *restoring = g_strconcat (path, ".restoring", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(EscaleStore) store = open_store (path);

    g_assert_true (escale_backup_write (store, backup, NULL, NULL));
    escale_test_add_person (store, "Afterwards", "Yonas", "2001-02-03");
  }
  g_assert_true (escale_backup_restore (backup, path, NULL, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_false (has_person (path, "Afterwards"));
  g_assert_cmpint (count_people (path), ==, 10);
  /* What was replaced is kept, whole. */
  g_assert_true (has_person (kept, "Afterwards"));
  g_assert_cmpint (count_people (kept), ==, 11);
  g_assert_false (g_file_test (restoring, G_FILE_TEST_EXISTS));
}

static void
test_restore_refused (void)
{
  g_autofree char *path = make_database (10);
  g_autofree char *backup = escale_test_tmp_path ("good.db");
  g_autofree char *damaged = escale_test_tmp_path ("bad.db");
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(EscaleStore) store = open_store (path);

    g_assert_true (escale_backup_write (store, backup, NULL, NULL));
    g_assert_true (escale_backup_write (store, damaged, NULL, NULL));
  }
  overwrite (damaged, 6 * 4096, 4096);

  /* A damaged backup: nothing changes. */
  g_assert_false (escale_backup_restore (damaged, path, NULL, &kept, &error));
  g_assert_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_DAMAGED);
  g_assert_null (kept);
  g_clear_error (&error);
  g_assert_cmpint (count_people (path), ==, 10);

  /* The database open in another program: refused, nothing changes. */
  {
    g_autoptr(EscaleStore) other = open_store (path);

    escale_test_add_person (other, "StillOpen", "Sara", "1999-09-09");
    g_assert_false (escale_backup_restore (backup, path, NULL, &kept, &error));
    g_assert_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_IN_USE);
    g_clear_error (&error);
    escale_test_add_person (other, "StillWorks", "Sara", "1999-09-09");
  }
  g_assert_true (has_person (path, "StillOpen"));
  g_assert_true (has_person (path, "StillWorks"));
}

static void
test_restore_over_damaged (void)
{
  g_autofree char *path = make_database (10);
  g_autofree char *backup = escale_test_tmp_path ("rescue.db");
  g_autofree char *damaged_copy = escale_test_tmp_path ("damaged-copy.db");
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStore) reopened = NULL;

  {
    g_autoptr(EscaleStore) store = open_store (path);

    g_assert_true (escale_backup_write (store, backup, NULL, NULL));
  }
  /* Not a database any more. */
  overwrite (path, 0, 8192);
  {
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
    g_assert_true (g_file_set_contents (damaged_copy, bytes, length, NULL));
  }
  g_assert_null (escale_store_open (path, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  g_assert_true (escale_backup_restore (backup, path, NULL, &kept, &error));
  g_assert_no_error (error);
  /* The damaged file itself is kept, as it was. */
  g_assert_true (same_bytes (kept, damaged_copy));
  reopened = open_store (path);
  g_assert_cmpint (count_people (path), ==, 10);
}

/* Damage seen at open */

static void
test_open_damaged (void)
{
  g_autofree char *path = make_database (200);
  g_autofree char *truncated = escale_test_tmp_path ("cut.db");
  g_autofree char *scribbled = escale_test_tmp_path ("scribbled.db");
  g_autofree char *text = escale_test_tmp_path ("letter.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStore) store = NULL;

  {
    g_autoptr(EscaleStore) source = open_store (path);

    g_assert_true (escale_backup_write (source, truncated, NULL, NULL));
    g_assert_true (escale_backup_write (source, scribbled, NULL, NULL));
  }
  g_assert_cmpint (truncate (truncated, 5 * 4096), ==, 0);
  g_assert_null (escale_store_open (truncated, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "cut short"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "Dear Sir or Madam, this is a letter, not a database.",
                                      -1, NULL));
  g_assert_null (escale_store_open (text, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  /* Random bytes over whole pages: the quick check that follows the
   * opening sees it. */
  overwrite (scribbled, 10 * 4096, 6 * 4096);
  store = escale_store_open (scribbled, &error);
  if (store != NULL)
    {
      g_assert_false (escale_store_quick_check (store, NULL, &error));
      g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED);
    }
  else
    g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED);
}

static void
test_quick_check_clean (void)
{
  g_autofree char *path = make_database (50);
  g_autoptr(EscaleStore) store = open_store (path);
  g_autoptr(GError) error = NULL;

  /* Migration 7: no false report on person_skeleton any more. */
  g_assert_true (escale_store_quick_check (store, NULL, &error));
  g_assert_no_error (error);
}

static void
test_shared_paths (void)
{
  g_autofree char *why = NULL;
  g_autofree char *local = escale_test_tmp_path ("escale.db");

  g_assert_true (escale_store_path_is_shared ("/home/marie/Dropbox/association/escale.db", &why));
  g_assert_nonnull (strstr (why, "Dropbox"));
  g_clear_pointer (&why, g_free);
  g_assert_true (escale_store_path_is_shared ("/home/marie/Nextcloud/escale.db", &why));
  g_clear_pointer (&why, g_free);
  g_assert_true (escale_store_path_is_shared ("/home/marie/OneDrive - Asso/escale.db", &why));
  g_clear_pointer (&why, g_free);
  g_assert_false (escale_store_path_is_shared (local, &why));
  g_assert_null (why);
  g_assert_false (escale_store_path_is_shared ("/home/marie/Dropboxes-old/escale.db", NULL));
}

int
main (int    argc,
      char **argv)
{
  int result;

  escale_test_init (&argc, &argv);
  g_assert_true (escale_crypt_register (NULL));
  escale_crypt_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);

  g_test_add_func ("/store/pragmas", test_pragmas);
  g_test_add_func ("/store/open-damaged", test_open_damaged);
  g_test_add_func ("/store/quick-check", test_quick_check_clean);
  g_test_add_func ("/store/shared-paths", test_shared_paths);
  g_test_add_func ("/backup/write", test_write_and_inspect);
  g_test_add_func ("/backup/cancelled", test_write_cancelled);
  g_test_add_func ("/backup/inspect-refusals", test_inspect_refusals);
  g_test_add_func ("/backup/encrypted", test_encrypted);
  g_test_add_func ("/backup/rotation/choice", test_rotation_choice);
  g_test_add_func ("/backup/rotation/few", test_rotation_few);
  g_test_add_func ("/backup/rotation/folder", test_rotation_folder);
  g_test_add_func ("/backup/to-folder", test_to_folder);
  g_test_add_func ("/backup/to-folder-async", test_to_folder_async);
  g_test_add_func ("/backup/leftovers", test_leftovers);
  g_test_add_func ("/backup/latest-good", test_find_latest_good);
  g_test_add_func ("/restore/replaces", test_restore);
  g_test_add_func ("/restore/refused", test_restore_refused);
  g_test_add_func ("/restore/over-damaged", test_restore_over_damaged);

  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
