/* escale-test-tmpfs.c — a small private file system, to fill or make read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "escale-test-tmpfs.h"

static char *mount_dir;
static char *filler_path;

static gboolean
write_text_file (const char *path,
                 const char *text)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (ssize_t) strlen (text);
  close (fd);
  return ok;
}

/* Root only needs a mount namespace; anyone else becomes root of a user
 * namespace of their own first, mapped to their own ids. */
static gboolean
enter_namespace (char **why)
{
  uid_t uid = getuid ();
  gid_t gid = getgid ();
  g_autofree char *uid_map = NULL, *gid_map = NULL;

  if (uid == 0)
    {
      if (unshare (CLONE_NEWNS) == 0)
        return TRUE;
      *why = g_strdup_printf ("unshare(CLONE_NEWNS): %s", g_strerror (errno));
      return FALSE;
    }
  if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
    {
      *why = g_strdup_printf ("unshare(CLONE_NEWUSER|CLONE_NEWNS): %s", g_strerror (errno));
      return FALSE;
    }
  uid_map = g_strdup_printf ("%u %u 1\n", (guint) uid, (guint) uid);
  gid_map = g_strdup_printf ("%u %u 1\n", (guint) gid, (guint) gid);
  if (!write_text_file ("/proc/self/setgroups", "deny") ||
      !write_text_file ("/proc/self/uid_map", uid_map) ||
      !write_text_file ("/proc/self/gid_map", gid_map))
    {
      *why = g_strdup_printf ("writing the user namespace's id maps: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
escale_test_tmpfs_setup (guint   size_mb,
                         char  **why)
{
  g_autofree char *options = g_strdup_printf ("size=%um,mode=0700", size_mb);
  g_autofree char *dir = NULL;

  g_assert_null (mount_dir);
  if (!enter_namespace (why))
    return FALSE;
  /* Mounts made here must not reach the system's namespace. (The kernel
   * ignores the source and type of a propagation change; valgrind wants
   * them to be strings.) */
  if (mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0)
    {
      *why = g_strdup_printf ("mount --make-rprivate /: %s", g_strerror (errno));
      return FALSE;
    }
  dir = g_dir_make_tmp ("escale-test-tmpfs-XXXXXX", NULL);
  if (dir == NULL)
    {
      *why = g_strdup ("no temporary folder");
      return FALSE;
    }
  if (mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      *why = g_strdup_printf ("mount -t tmpfs: %s", g_strerror (errno));
      g_rmdir (dir);
      return FALSE;
    }
  mount_dir = g_steal_pointer (&dir);
  filler_path = g_build_filename (mount_dir, "filler", NULL);
  return TRUE;
}

const char *
escale_test_tmpfs_dir (void)
{
  g_assert_nonnull (mount_dir);
  return mount_dir;
}

gsize
escale_test_tmpfs_fill (void)
{
  static char block[64 * 1024];
  int fd = open (filler_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  gsize total = 0;
  gsize size = sizeof block;

  g_assert_cmpint (fd, >=, 0);
  /* Large blocks first, then smaller ones to take the last bytes. */
  while (size > 0)
    {
      ssize_t written = write (fd, block, size);

      if (written > 0)
        total += (gsize) written;
      else if (written < 0 && errno == EINTR)
        continue;
      else
        {
          g_assert_true (written == 0 || errno == ENOSPC);
          size /= 2;
        }
    }
  close (fd);
  return total;
}

void
escale_test_tmpfs_free (void)
{
  g_assert_cmpint (g_unlink (filler_path), ==, 0);
}

void
escale_test_tmpfs_set_read_only (gboolean read_only)
{
  unsigned long flags = MS_REMOUNT | MS_NOSUID | MS_NODEV | (read_only ? MS_RDONLY : 0);

  if (mount ("tmpfs", mount_dir, "tmpfs", flags, NULL) != 0)
    g_error ("remounting %s: %s", mount_dir, g_strerror (errno));
}

char *
escale_test_integrity_check (const char *path)
{
  g_autoptr(GString) result = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (result, "%s%s", result->len ? "\n" : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  if (sqlite3_errcode (db) != SQLITE_DONE && sqlite3_errcode (db) != SQLITE_OK)
    g_string_append_printf (result, "%serror: %s", result->len ? "\n" : "", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

gint64
escale_test_plain_int (const char *path,
                       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}
