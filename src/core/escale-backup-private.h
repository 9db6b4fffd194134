/* escale-backup-private.h — what the backup files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "escale-backup.h"

G_BEGIN_DECLS

sqlite3          *escale_backup_open              (const char    *path,
                                                   int            flags,
                                                   const guint8  *header,
                                                   GError       **error);
sqlite3          *escale_backup_open_readonly     (const char    *path,
                                                   gboolean       encrypted,
                                                   GError       **error);
gboolean          escale_backup_copy_connection   (sqlite3       *source,
                                                   const char    *target,
                                                   GCancellable  *cancellable,
                                                   GError       **error);
EscaleBackupInfo *escale_backup_inspect_full      (const char    *path,
                                                   const char    *passphrase,
                                                   gboolean       full,
                                                   GCancellable  *cancellable,
                                                   GError       **error);
/* The time in a backup's name in a folder (see escale-backup.h), or %NULL. */
GDateTime        *escale_backup_parse_name        (const char    *path);

gboolean          escale_backup_record_last       (EscaleStore   *store,
                                                   const char    *path,
                                                   GError       **error);

G_END_DECLS
