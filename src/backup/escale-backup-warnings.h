/* escale-backup-warnings.h — the main window's warnings about backups and a shared folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "escale-store.h"
#include "escale-warning-bar.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_BACKUP_WARNINGS (escale_backup_warnings_get_type ())
G_DECLARE_FINAL_TYPE (EscaleBackupWarnings, escale_backup_warnings, ESCALE, BACKUP_WARNINGS,
                      GtkWidget)

typedef enum {
  ESCALE_BACKUP_WARNING_OLD,     /* no backup, or older than backup-warn-days: Back Up Now */
  ESCALE_BACKUP_WARNING_SHARED,  /* the database is in a network or synced folder */
} EscaleBackupWarning;

GtkWidget        *escale_backup_warnings_new       (void);
/* Watches the backups of @store (escale_backup_manager_get()) and where
 * its file lies. */
void              escale_backup_warnings_set_store (EscaleBackupWarnings *self,
                                                    EscaleStore          *store);
/* Says again how old the last backup is. */
void              escale_backup_warnings_refresh   (EscaleBackupWarnings *self);
EscaleWarningBar *escale_backup_warnings_get_bar   (EscaleBackupWarnings *self,
                                                    EscaleBackupWarning   which);

G_END_DECLS
