/* escale-backups-page.h — the Preferences page of backups: folder, schedule, now, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_BACKUPS_PAGE (escale_backups_page_get_type ())
G_DECLARE_FINAL_TYPE (EscaleBackupsPage, escale_backups_page, ESCALE, BACKUPS_PAGE,
                      AdwPreferencesPage)

/* The page's widgets, for tests and keyboard focus. */
typedef enum {
  ESCALE_BACKUPS_FOLDER_ROW,      /* AdwActionRow: the folder, and whether it is reachable */
  ESCALE_BACKUPS_AUTOMATIC,       /* GtkSwitch: backup-automatic */
  ESCALE_BACKUPS_INTERVAL,        /* GtkSpinButton: backup-interval-hours */
  ESCALE_BACKUPS_LAST_ROW,        /* AdwActionRow: the last good backup (.backup-old when old) */
  ESCALE_BACKUPS_BACK_UP_BUTTON,  /* GtkButton: Back Up Now */
  ESCALE_BACKUPS_RESTORE_BUTTON,  /* GtkButton: Restore… */
} EscaleBackupsWidget;

/* For administrators and staff. Widget actions: backups.choose-folder,
 * backups.back-up, backups.restore. */
GtkWidget *escale_backups_page_new          (EscaleStore          *store);
GtkWidget *escale_backups_page_get_widget   (EscaleBackupsPage    *self,
                                             EscaleBackupsWidget   which);
/* As the folder chooser does: saves @folder in backup-folder. */
void       escale_backups_page_set_folder   (EscaleBackupsPage    *self,
                                             const char           *folder);
/* As the file chooser of Restore… does: checks @backup_path, then asks. */
void       escale_backups_page_restore_file (EscaleBackupsPage    *self,
                                             const char           *backup_path);

G_END_DECLS
