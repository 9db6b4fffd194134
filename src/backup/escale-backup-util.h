/* escale-backup-util.h — how backups are described to the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-backup.h"

G_BEGIN_DECLS

/* "3 hours ago", "2 days ago", "less than a minute ago". */
char      *escale_backup_format_age      (GDateTime              *when,
                                          GDateTime              *now);
/* The local date and time of @utc: "14/03/2026 at 09:30". */
char      *escale_backup_format_time     (GDateTime              *utc);
/* Date, size and schema version of an inspected backup, one a line. */
char      *escale_backup_format_info     (const EscaleBackupInfo *info);
/* @path shortened for a row: "…/folder/file.db". */
char      *escale_backup_short_path      (const char             *path);
/* Whether the role logged into @store may make and restore backups in
 * the app (administrators and staff). */
gboolean   escale_backup_may_manage      (EscaleStore            *store);

G_END_DECLS
