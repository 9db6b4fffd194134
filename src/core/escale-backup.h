/* escale-backup.h — backups of the database, their rotation, and restoring one
 *
 * A backup is a copy of the database made with SQLite's online backup API
 * while it is in use, in the same form as the database: a plain database
 * gives a plain SQLite file, an encrypted one a file encrypted under the
 * same key (the same passphrase opens it). Every backup is written under a
 * temporary name, synced, checked (integrity and schema version) and only
 * then renamed into place, so a backup file that exists is a good one.
 *
 * Backups in a folder are named "STEM-backup-YYYY-MM-DD-HHMMSS.db" (UTC),
 * STEM the database file's name without its extension, and rotated: the
 * newest of each of the last 7 days, 4 weeks and 12 months are kept.
 *
 * Restoring checks the backup first (integrity, schema version not newer
 * than this Escale knows), keeps a copy of the current database beside it
 * ("NAME.before-restore-YYYY-MM-DD-HHMMSS.db"), and replaces the file
 * with one rename: the database is the old one or the restored one, never
 * half of each. Close every store open on the database first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_BACKUP_ERROR (escale_backup_error_quark ())
typedef enum {
  ESCALE_BACKUP_ERROR_FAILED,      /* could not read or write a file */
  ESCALE_BACKUP_ERROR_NOT_BACKUP,  /* not an Escale database at all */
  ESCALE_BACKUP_ERROR_DAMAGED,     /* fails SQLite's integrity check */
  ESCALE_BACKUP_ERROR_TOO_NEW,     /* written by a newer Escale */
  ESCALE_BACKUP_ERROR_IN_USE,      /* the database is open in another program */
  ESCALE_BACKUP_ERROR_LOCKED,      /* encrypted, and its passphrase not given (or wrong) */
} EscaleBackupError;

GQuark escale_backup_error_quark (void);

/* Defaults of the rotation and of the warning about an old backup. */
#define ESCALE_BACKUP_KEEP_DAILY    7
#define ESCALE_BACKUP_KEEP_WEEKLY   4
#define ESCALE_BACKUP_KEEP_MONTHLY 12

typedef struct
{
  char      *path;
  GDateTime *made_at;          /* UTC; from the name in a folder, else the file's time */
  gint64     size;             /* bytes */
  int        schema_version;   /* 0 when not inspected */
  gboolean   encrypted;
} EscaleBackupInfo;

void escale_backup_info_free (EscaleBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleBackupInfo, escale_backup_info_free)

/* The folder used when none is chosen: $XDG_DATA_HOME/escale/backups. */
char     *escale_backup_default_folder (void);

/* Writes a checked backup of @store's database to @target (replaced if it
 * exists). Safe while the database is in use, also from a worker thread
 * with a store of its own (escale_store_access_open()). */
gboolean  escale_backup_write        (EscaleStore   *store,
                                      const char    *target,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* Writes a dated backup into @folder (created if missing), records it as
 * the last good backup in the database (escale_backup_get_last()), then
 * rotates @folder. Returns the backup's path. */
char     *escale_backup_to_folder    (EscaleStore   *store,
                                      const char    *folder,
                                      gboolean       automatic,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* escale_backup_to_folder() in a worker thread, on a connection of its own
 * opened as @store's account; the result is the backup's path. */
void      escale_backup_to_folder_async  (EscaleStore         *store,
                                          const char          *folder,
                                          gboolean             automatic,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char     *escale_backup_to_folder_finish (GAsyncResult        *result,
                                          GError             **error);

/* The last good backup recorded in @store's database (%NULL if none), and
 * where it was written. */
GDateTime *escale_backup_get_last    (EscaleStore   *store,
                                      char         **path);

/* Whether a backup made at @last (or never, %NULL) is older than
 * @max_age_days at @now. */
gboolean  escale_backup_is_old       (GDateTime     *last,
                                      GDateTime     *now,
                                      int            max_age_days);

/* The backups of @database_path in @folder (by their names), newest first;
 * an empty array when the folder is missing. */
GPtrArray *escale_backup_list        (const char    *folder,
                                      const char    *database_path);

/* Which of @made_at (UTC, any order) rotation deletes: indexes into it,
 * as GUINT_TO_POINTER. The newest is always kept. */
GPtrArray *escale_backup_select_expired (GPtrArray  *made_at,
                                         int         keep_daily,
                                         int         keep_weekly,
                                         int         keep_monthly);

/* Deletes the expired backups of @database_path in @folder. */
gboolean  escale_backup_rotate       (const char    *folder,
                                      const char    *database_path,
                                      GError       **error);

/* Checks @path as a backup (or any Escale database): an SQLite database of
 * Escale that passes the integrity check, with a schema this version can
 * open. An encrypted file needs @passphrase unless its key is already
 * known (the database it was made from is unlocked). */
EscaleBackupInfo *escale_backup_inspect (const char  *path,
                                         const char  *passphrase,
                                         GError     **error);

/* The newest backup of @database_path in @folder that passes
 * escale_backup_inspect() (%NULL if none): what to offer when the
 * database is damaged. */
EscaleBackupInfo *escale_backup_find_latest_good (const char *folder,
                                                  const char *database_path,
                                                  const char *passphrase);

/* Restores @backup_path over @database_path (see the top of this file).
 * @saved_copy: (out) (optional): the copy of the database as it was, or
 * %NULL when there was none (no database, or one too damaged to copy:
 * the damaged file itself is then renamed to that path). */
gboolean  escale_backup_restore      (const char    *backup_path,
                                      const char    *database_path,
                                      const char    *passphrase,
                                      char         **saved_copy,
                                      GError       **error);

G_END_DECLS
