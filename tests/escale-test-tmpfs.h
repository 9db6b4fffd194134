/* escale-test-tmpfs.h — a small private file system, to fill or make read-only
 *
 * The test process moves into a mount namespace of its own and mounts a
 * small tmpfs there: filling it shows what a full disk does; remounting
 * it read-only, what a read-only disk does. Nothing outside the test sees
 * it. Call escale_test_tmpfs_setup() first thing in main(), before any
 * thread exists (unshare() refuses a process with threads).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Mounts a tmpfs of @size_mb; %FALSE, and *@why says why, when this
 * system does not allow it (the tests then skip). */
gboolean    escale_test_tmpfs_setup        (guint        size_mb,
                                            char       **why);
/* The folder of the tmpfs. */
const char *escale_test_tmpfs_dir          (void);
/* Fills the rest of the tmpfs with a file: the next write needing a new
 * block fails with ENOSPC. Returns the bytes written. */
gsize       escale_test_tmpfs_fill         (void);
/* Removes the file of escale_test_tmpfs_fill(). */
void        escale_test_tmpfs_free         (void);
/* Remounts the tmpfs read-only (or read-write again). */
void        escale_test_tmpfs_set_read_only (gboolean    read_only);
/* The result of PRAGMA integrity_check on @path, through a plain SQLite
 * connection: "ok" when the file is whole. */
char       *escale_test_integrity_check    (const char  *path);
/* The first column of the first row of @sql on @path, plain connection. */
gint64      escale_test_plain_int          (const char  *path,
                                            const char  *sql);

G_END_DECLS
