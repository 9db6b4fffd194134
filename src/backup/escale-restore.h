/* escale-restore.h — restoring a backup from the app: choose, check, confirm, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A file chooser on @folder (backups, *.db), then escale_restore_ask(). */
void escale_restore_choose (GtkWindow  *parent,
                            const char *folder);
/* Checks @backup_path in a worker thread (asking for its passphrase when
 * it was made under another one), shows its date, size and version and
 * asks before replacing the database; then restores it through the
 * default session (escale_session_restore()) and says where the database
 * as it was is kept. */
void escale_restore_ask    (GtkWindow  *parent,
                            const char *backup_path);
/* Restores @backup_path at once, without asking (the question was asked),
 * and says how it went. */
void escale_restore_now    (const char *backup_path,
                            const char *passphrase);

G_END_DECLS
