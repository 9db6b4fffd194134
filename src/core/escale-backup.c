/* escale-backup.c — writing a backup, checking one, restoring one
 *
 * See escale-backup.h. A copy is made with SQLite's online backup API
 * into a new file beside its target, in the source's form: through the
 * encrypting VFS, under the source's own header and key, when the source
 * is encrypted. The copy is switched to a rollback journal (one file, that
 * also opens on a read-only medium), synced, checked, and renamed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "escale-backup.h"
#include "escale-backup-private.h"
#include "escale-crypt.h"
#include "escale-crypt-private.h"
#include "escale-store-private.h"

/* Pages copied at each step: a cancel is seen within a few megabytes. */
#define STEP_PAGES 2048

G_DEFINE_QUARK (escale-backup-error-quark, escale_backup_error)

void
escale_backup_info_free (EscaleBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->made_at, g_date_time_unref);
  g_free (info);
}

static gboolean
set_sqlite_error (GError     **error,
                  int          code,
                  sqlite3     *db,
                  const char  *path)
{
  g_set_error (error, ESCALE_BACKUP_ERROR, code,
               /* Translators: %s are a file path and SQLite's reason */
               _("Could not copy the database to %s: %s"), path,
               db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
  return FALSE;
}

static int
check_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* Opens @path, plain or through the encrypting VFS when @header (the
 * file's header) says it is encrypted: its key must be known. */
sqlite3 *
escale_backup_open (const char    *path,
                    int            flags,
                    const guint8  *header,
                    GError       **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, flags, header ? ESCALE_CRYPT_VFS_NAME : NULL) != SQLITE_OK)
    {
      g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_FAILED,
                   /* Translators: %s are a file path and SQLite's reason */
                   _("Could not open %s: %s"), path,
                   db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  if (header != NULL && !escale_crypt_prepare_connection (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gboolean
run_backup (sqlite3       *source,
            sqlite3       *dest,
            const char    *target,
            GCancellable  *cancellable,
            GError       **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc;

  if (backup == NULL)
    return set_sqlite_error (error, ESCALE_BACKUP_ERROR_FAILED, dest, target);
  do
    {
      rc = sqlite3_backup_step (backup, STEP_PAGES);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
         !g_cancellable_is_cancelled (cancellable));
  sqlite3_backup_finish (backup);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_FAILED,
                   _("Could not copy the database to %s: %s"), target, sqlite3_errstr (rc));
      return FALSE;
    }
  /* One file, without a write-ahead log. */
  if (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (error, ESCALE_BACKUP_ERROR_FAILED, dest, target);
  return TRUE;
}

/**
 * escale_backup_copy_connection:
 * @source: a connection to the database to copy
 * @target: a new file (an existing one is overwritten)
 *
 * Copies @source into @target with the backup API, in @source's form,
 * synced to the disk. Not checked: see escale_backup_inspect().
 */
gboolean
escale_backup_copy_connection (sqlite3       *source,
                               const char    *target,
                               GCancellable  *cancellable,
                               GError       **error)
{
  guint8 header[ESCALE_CRYPT_HEADER_SIZE];
  g_autoptr(EscaleCryptKey) key = escale_crypt_vfs_get_key (source, header);
  sqlite3 *dest;
  gboolean ok;

  g_unlink (target);
  if (key != NULL && !escale_crypt_write_db_header (target, header, error))
    return FALSE;
  dest = escale_backup_open (target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                    key ? header : NULL, error);
  if (dest == NULL)
    return FALSE;
  ok = run_backup (source, dest, target, cancellable, error);
  if (sqlite3_close (dest) != SQLITE_OK && ok)
    ok = set_sqlite_error (error, ESCALE_BACKUP_ERROR_FAILED, NULL, target);
  ok = ok && escale_crypt_fsync_path (target, error);
  if (!ok)
    g_unlink (target);
  return ok;
}

/* The temporary name of @target while it is written: same folder, so the
 * rename is atomic; a leftover one never looks like a backup. */
static char *
partial_path (const char *target)
{
  return g_strconcat (target, ".part", NULL);
}

static gboolean
install_file (const char  *partial,
              const char  *target,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);

  if (g_rename (partial, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_FAILED,
                   /* Translators: %s are a file path and the system's reason */
                   _("Could not write “%s”: %s"), target, g_strerror (saved_errno));
      return FALSE;
    }
  escale_crypt_fsync_path (dir, NULL);
  return TRUE;
}

gboolean
escale_backup_write (EscaleStore   *store,
                     const char    *target,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *partial = NULL;
  g_autoptr(EscaleBackupInfo) info = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  partial = partial_path (target);
  if (!escale_backup_copy_connection (escale_store_get_db (store), partial, cancellable, error))
    return FALSE;
  info = escale_backup_inspect_full (partial, NULL, FALSE, cancellable, error);
  if (info == NULL)
    {
      g_unlink (partial);
      return FALSE;
    }
  return install_file (partial, target, error) && escale_backup_record_last (store, target, error);
}

/* Inspecting */

static char *
readonly_uri (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  /* Immutable: a file nobody writes now, read as it is, its log ignored:
   * also on a read-only medium, and without creating files beside it. */
  return g_strconcat ("file:", escaped, "?immutable=1", NULL);
}

/**
 * escale_backup_open_readonly:
 * @encrypted: whether @path is an encrypted database (its key known)
 *
 * Opens a database file that nobody writes now, to read it as it is.
 */
sqlite3 *
escale_backup_open_readonly (const char  *path,
                             gboolean     encrypted,
                             GError     **error)
{
  guint8 header[ESCALE_CRYPT_HEADER_SIZE];
  g_autofree char *uri = NULL;
  sqlite3 *db;

  if (encrypted)
    {
      /* The encrypting VFS takes no URI parameter. */
      if (!escale_crypt_read_header (path, header, sizeof header, error))
        return NULL;
      return escale_backup_open (path, SQLITE_OPEN_READONLY, header, error);
    }
  uri = readonly_uri (path);
  db = escale_backup_open (uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL, NULL);
  if (db == NULL)
    g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_NOT_BACKUP,
                 _("%s is not an Escale database or backup"), path);
  return db;
}

/* Whether @path starts like an SQLite database, or an encrypted one (its
 * header then in @header). */
static gboolean
read_kind (const char  *path,
           gboolean    *encrypted,
           guint8      *header,
           GError     **error)
{
  static const char sqlite_magic[16] = "SQLite format 3";

  memset (header, 0, ESCALE_CRYPT_HEADER_SIZE);
  if (!escale_crypt_read_header (path, header, ESCALE_CRYPT_HEADER_SIZE, NULL))
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, &local_error))
        {
          g_set_error_literal (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_FAILED,
                               local_error->message);
          return FALSE;
        }
      memcpy (header, contents, MIN (length, ESCALE_CRYPT_HEADER_SIZE));
    }
  *encrypted = escale_crypt_db_header_has_magic (header);
  if (*encrypted || memcmp (header, sqlite_magic, sizeof sqlite_magic) == 0)
    return TRUE;
  g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_NOT_BACKUP,
               /* Translators: %s is a file path */
               _("%s is not an Escale database or backup"), path);
  return FALSE;
}

/* A plain file cut short, before SQLite reads it. */
static gboolean
check_size (const char  *path,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (escale_store_check_file_size (path, &local_error))
    return TRUE;
  g_set_error_literal (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_DAMAGED,
                       local_error->message);
  return FALSE;
}

static gboolean
unlock_backup (const char  *path,
               const char  *passphrase,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (passphrase != NULL ? escale_crypt_unlock (path, passphrase, &local_error)
                         : escale_crypt_require_unlocked (path, &local_error))
    return TRUE;
  if (g_error_matches (local_error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_DAMAGED))
    g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_DAMAGED,
                 /* Translators: %s is a file path */
                 _("The backup %s is damaged"), path);
  else
    g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_LOCKED,
                 /* Translators: %s is a file path */
                 _("The backup %s is encrypted with another passphrase: give that "
                   "passphrase to restore it"), path);
  return FALSE;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
                sqlite3_step (stmt) == SQLITE_ROW;

  if (ok)
    *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return ok;
}

/* SQLite's check of the whole file: "ok", or its first finding. */
static char *
run_check (sqlite3       *db,
           gboolean       full,
           GCancellable  *cancellable)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 1000, check_cancelled, cancellable);
  if (sqlite3_prepare_v2 (db, full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)", -1,
                          &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    result = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_progress_handler (db, 0, NULL, NULL);
  return result;
}

static gboolean
check_schema (sqlite3     *db,
              const char  *path,
              int         *version,
              GError     **error)
{
  int latest = escale_store_get_latest_version ();
  int tables = 0;

  if (!query_int (db, "PRAGMA user_version", version) ||
      !query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                      "name IN ('setting', 'person')", &tables) ||
      tables != 2 || *version < 1)
    {
      g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_NOT_BACKUP,
                   _("%s is not an Escale database or backup"), path);
      return FALSE;
    }
  if (*version > latest)
    {
      g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_TOO_NEW,
                   /* Translators: %s is a file path, %d schema versions */
                   _("%s was written by a newer version of Escale (schema %d; this version "
                     "knows up to %d). Update Escale to restore it."),
                   path, *version, latest);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_contents (sqlite3       *db,
                const char    *path,
                gboolean       full,
                GCancellable  *cancellable,
                int           *version,
                GError       **error)
{
  g_autofree char *result = NULL;

  if (!check_schema (db, path, version, error))
    return FALSE;
  result = run_check (db, full, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (g_strcmp0 (result, "ok") == 0)
    return TRUE;
  g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_DAMAGED,
               /* Translators: %s are a file path and SQLite's finding */
               _("%s is damaged: %s"), path, result);
  return FALSE;
}

static EscaleBackupInfo *
info_new (const char *path,
          gboolean    encrypted,
          int         version)
{
  EscaleBackupInfo *info = g_new0 (EscaleBackupInfo, 1);
  GStatBuf buf;

  info->path = g_strdup (path);
  info->encrypted = encrypted;
  info->schema_version = version;
  info->made_at = escale_backup_parse_name (path);
  if (g_stat (path, &buf) == 0)
    {
      info->size = buf.st_size;
      if (info->made_at == NULL)
        info->made_at = g_date_time_new_from_unix_utc (buf.st_mtime);
    }
  return info;
}

/**
 * escale_backup_inspect_full:
 * @full: SQLite's integrity check rather than its quick check
 *
 * escale_backup_inspect(), with the choice of the check.
 */
EscaleBackupInfo *
escale_backup_inspect_full (const char    *path,
                            const char    *passphrase,
                            gboolean       full,
                            GCancellable  *cancellable,
                            GError       **error)
{
  guint8 header[ESCALE_CRYPT_HEADER_SIZE];
  gboolean encrypted = FALSE;
  sqlite3 *db;
  int version = 0;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  if (!read_kind (path, &encrypted, header, error) ||
      (!encrypted && !check_size (path, error)) ||
      (encrypted && !unlock_backup (path, passphrase, error)) ||
      !(db = escale_backup_open_readonly (path, encrypted, error)))
    return NULL;
  ok = check_contents (db, path, full, cancellable, &version, error);
  sqlite3_close (db);
  return ok ? info_new (path, encrypted, version) : NULL;
}

EscaleBackupInfo *
escale_backup_inspect (const char  *path,
                       const char  *passphrase,
                       GError     **error)
{
  return escale_backup_inspect_full (path, passphrase, TRUE, NULL, error);
}
