/* escale-backup-manager.h — the backups of one open database: when, where, and their checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_BACKUP_MANAGER (escale_backup_manager_get_type ())
G_DECLARE_FINAL_TYPE (EscaleBackupManager, escale_backup_manager, ESCALE, BACKUP_MANAGER, GObject)

/* A backup made at close is skipped when the last one is younger than this. */
#define ESCALE_BACKUP_CLOSE_MIN_AGE_MINUTES 10

/* Signals: "started" (gboolean automatic) when a backup begins;
 * "finished" (const char *path, GError *error, gboolean automatic) when it
 * ends, @path %NULL on failure; "damaged" (GError *error) when the
 * background check of the database fails. */

/* The folder chosen in the backup-folder setting, else
 * escale_backup_default_folder(). */
char                *escale_backup_configured_folder           (void);
/* The manager of @store, made on first use and kept with it. */
EscaleBackupManager *escale_backup_manager_get                 (EscaleStore         *store);
gboolean             escale_backup_manager_is_running          (EscaleBackupManager *self);
/* Starts a backup into the configured folder, unless one is running:
 * "finished" says how it went. */
void                 escale_backup_manager_back_up             (EscaleBackupManager *self,
                                                                gboolean             automatic);
/* The last good backup (see escale_backup_get_last()), and whether it is
 * older than the backup-warn-days setting (or missing). */
GDateTime           *escale_backup_manager_get_last            (EscaleBackupManager *self,
                                                                char               **path);
gboolean             escale_backup_manager_is_old              (EscaleBackupManager *self);
/* Backs up every backup-interval-hours while the manager lives, when the
 * backup-automatic setting allows. */
void                 escale_backup_manager_start_automatic     (EscaleBackupManager *self);
/* The backup made when the app closes: holds @application until it is
 * written, unless automatic backups are off or the last backup is recent
 * (then returns FALSE and holds nothing). */
gboolean             escale_backup_manager_back_up_at_close    (EscaleBackupManager *self,
                                                                GApplication        *application);
/* Runs SQLite's quick check of the database in a worker thread, on a
 * connection of its own: "damaged" when it fails. */
void                 escale_backup_manager_check               (EscaleBackupManager *self);
/* Stops the timer and cancels the check (a backup running goes on). */
void                 escale_backup_manager_shutdown            (EscaleBackupManager *self);

G_END_DECLS
