/* escale-backup-restore.c — restoring a backup over the database
 *
 * 1. The backup passes SQLite's integrity check and has a schema this
 *    version can open (escale_backup_inspect()).
 * 2. It is copied beside the database ("NAME.restoring"), and the copy is
 *    checked again.
 * 3. The database as it is now is kept: a consistent copy made through
 *    SQLite while holding its exclusive lock (so a program that has it open
 *    stops the restore: ESCALE_BACKUP_ERROR_IN_USE), or, when SQLite cannot
 *    read it (damaged, or encrypted under a key not given), the file itself
 *    under the kept name (a hard link, with its log).
 * 4. One rename puts the copy in place: at every moment the database is
 *    either the old one or the restored one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "escale-backup.h"
#include "escale-backup-private.h"
#include "escale-crypt.h"
#include "escale-crypt-private.h"

/* How long to wait for another program to let go of the database. */
#define LOCK_WAIT_MS 2000

static char *
kept_path (const char *database_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *base = g_str_has_suffix (database_path, ".db")
                          ? g_strndup (database_path, strlen (database_path) - 3)
                          : g_strdup (database_path);

  return g_strdup_printf ("%s.before-restore-%s.db", base, stamp);
}

/* Copies the checked backup beside the database, in its own form. */
static char *
copy_backup (const char        *backup_path,
             const char        *database_path,
             gboolean           encrypted,
             GError           **error)
{
  g_autofree char *restoring = g_strconcat (database_path, ".restoring", NULL);
  g_autoptr(EscaleBackupInfo) info = NULL;
  sqlite3 *source = escale_backup_open_readonly (backup_path, encrypted, error);
  gboolean ok;

  if (source == NULL)
    return NULL;
  ok = escale_backup_copy_connection (source, restoring, NULL, error);
  sqlite3_close (source);
  if (!ok)
    return NULL;
  info = escale_backup_inspect_full (restoring, NULL, FALSE, NULL, error);
  if (info == NULL)
    {
      g_unlink (restoring);
      return NULL;
    }
  return g_steal_pointer (&restoring);
}

static gboolean
exec (sqlite3    *db,
      const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

/* Takes the database's exclusive lock and empties its log into it: a
 * program that has the database open holds a shared lock, and stops it. */
static int
lock_and_checkpoint (sqlite3 *db)
{
  sqlite3_busy_timeout (db, LOCK_WAIT_MS);
  if (!exec (db, "PRAGMA locking_mode = EXCLUSIVE") || !exec (db, "BEGIN EXCLUSIVE"))
    return sqlite3_extended_errcode (db);
  if (!exec (db, "COMMIT") || !exec (db, "PRAGMA wal_checkpoint(TRUNCATE)"))
    return sqlite3_extended_errcode (db);
  return SQLITE_OK;
}

typedef enum {
  KEPT_COPIED,
  KEPT_UNREADABLE,   /* SQLite cannot read it: keep the file itself */
  KEPT_FAILED,
} KeptResult;

static KeptResult
keep_by_copy (const char  *database_path,
              const char  *kept,
              GError     **error)
{
  guint8 header[ESCALE_CRYPT_HEADER_SIZE];
  gboolean encrypted = escale_crypt_is_encrypted (database_path);
  sqlite3 *db = NULL;
  int rc;
  gboolean ok;

  if (encrypted && (!escale_crypt_require_unlocked (database_path, NULL) ||
                    !escale_crypt_read_header (database_path, header, sizeof header, NULL)))
    return KEPT_UNREADABLE;
  db = escale_backup_open (database_path, SQLITE_OPEN_READWRITE, encrypted ? header : NULL, NULL);
  if (db == NULL)
    return KEPT_UNREADABLE;
  rc = lock_and_checkpoint (db);
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      sqlite3_close (db);
      g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_IN_USE,
                   /* Translators: %s is a file path */
                   _("The database %s is open in another program (perhaps Escale on another "
                     "account): close it there, then restore again"), database_path);
      return KEPT_FAILED;
    }
  ok = rc == SQLITE_OK && escale_backup_copy_connection (db, kept, NULL, NULL);
  sqlite3_close (db);
  return ok ? KEPT_COPIED : KEPT_UNREADABLE;
}

/* Keeps the unreadable file itself, and its log, under @kept; the log
 * must not be applied to the restored database. */
static gboolean
keep_by_link (const char  *database_path,
              const char  *kept,
              GError     **error)
{
  const char *const suffixes[] = { "-wal", "-journal" };

  if (link (database_path, kept) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_FAILED,
                   /* Translators: %s are a file path and the system's reason */
                   _("Could not keep a copy of the database %s: %s"), database_path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *log = g_strconcat (database_path, suffixes[i], NULL);
      g_autofree char *kept_log = g_strconcat (kept, suffixes[i], NULL);

      if (g_file_test (log, G_FILE_TEST_EXISTS) && link (log, kept_log) == 0)
        g_unlink (log);
    }
  return TRUE;
}

static gboolean
keep_current (const char  *database_path,
              char       **kept_out,
              GError     **error)
{
  g_autofree char *kept = kept_path (database_path);

  switch (keep_by_copy (database_path, kept, error))
    {
    case KEPT_COPIED:
      break;
    case KEPT_UNREADABLE:
      g_unlink (kept);
      if (!keep_by_link (database_path, kept, error))
        return FALSE;
      break;
    case KEPT_FAILED:
    default:
      return FALSE;
    }
  *kept_out = g_steal_pointer (&kept);
  return TRUE;
}

static gboolean
put_in_place (const char  *restoring,
              const char  *database_path,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (escale_crypt_replace (restoring, database_path, &local_error))
    return TRUE;
  g_unlink (restoring);
  g_set_error_literal (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_FAILED,
                       local_error->message);
  return FALSE;
}

gboolean
escale_backup_restore (const char  *backup_path,
                       const char  *database_path,
                       const char  *passphrase,
                       char       **saved_copy,
                       GError     **error)
{
  g_autoptr(EscaleBackupInfo) info = NULL;
  g_autofree char *restoring = NULL;
  g_autofree char *kept = NULL;

  g_return_val_if_fail (backup_path != NULL && database_path != NULL, FALSE);

  if (saved_copy != NULL)
    *saved_copy = NULL;
  if (!(info = escale_backup_inspect_full (backup_path, passphrase, TRUE, NULL, error)) ||
      !(restoring = copy_backup (backup_path, database_path, info->encrypted, error)))
    return FALSE;
  if (g_file_test (database_path, G_FILE_TEST_EXISTS) &&
      !keep_current (database_path, &kept, error))
    {
      g_unlink (restoring);
      return FALSE;
    }
  if (!put_in_place (restoring, database_path, error))
    return FALSE;
  if (saved_copy != NULL)
    *saved_copy = g_steal_pointer (&kept);
  return TRUE;
}
