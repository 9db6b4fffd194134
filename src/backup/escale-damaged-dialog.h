/* escale-damaged-dialog.h — the database is damaged: restore its latest good backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Looks for the latest good backup of @database_path in the backup folder
 * (in a worker thread), then says in plain words that the database is
 * damaged (@error tells how) and offers "restore" (that backup, when there
 * is one), "choose" (another backup file) or "quit". The responses restore
 * through the default session (escale-restore.h). */
void escale_damaged_dialog_present (GtkWindow    *parent,
                                    const char   *database_path,
                                    const GError *error);

G_END_DECLS
