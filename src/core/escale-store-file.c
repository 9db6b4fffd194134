/* escale-store-file.c — what the database's file says before SQLite reads it
 *
 * A file cut short (a copy interrupted, a disk that filled) is refused at
 * once, before anything reads or writes it; a file on a network or in a
 * synchronised folder is pointed out, since SQLite's write-ahead log only
 * works between programs of one computer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/vfs.h>

#include "escale-store.h"
#include "escale-store-private.h"

#define SQLITE_HEADER 100

static guint32
get_be32 (const guint8 *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size : -1;
}

static gboolean
read_header (const char *path,
             guint8     *header)
{
  FILE *file = g_fopen (path, "rb");
  gboolean ok = file != NULL && fread (header, 1, SQLITE_HEADER, file) == SQLITE_HEADER;

  if (file != NULL)
    fclose (file);
  return ok;
}

/* The size the header gives, when it is trustworthy (see "in-header
 * database size" in SQLite's file format), else -1. */
static goffset
expected_size (const guint8 *header)
{
  guint32 page_size = (guint32) header[16] << 8 | header[17];
  guint32 pages = get_be32 (header + 28);

  if (page_size == 1)
    page_size = 65536;
  if (pages == 0 || get_be32 (header + 24) != get_be32 (header + 92))
    return -1;
  return (goffset) pages * page_size;
}

/**
 * escale_store_check_file_size:
 *
 * Refuses a database file shorter than its header says, unless its
 * write-ahead log (not yet copied into it) has pages.
 */
gboolean
escale_store_check_file_size (const char  *path,
                              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 header[SQLITE_HEADER];
  goffset size = file_size (path);
  goffset expected;

  if (size <= 0)
    return TRUE;
  if (size < SQLITE_HEADER || !read_header (path, header) ||
      memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED,
                   /* Translators: %s is a file path */
                   _("%s is not an Escale database, or it is damaged beyond reading"), path);
      return FALSE;
    }
  expected = expected_size (header);
  if (expected < 0 || size >= expected || file_size (wal) > 0)
    return TRUE;
  g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED,
               /* Translators: %s is a file path, the sizes are in bytes */
               _("The database %s is damaged: it was cut short (%lld bytes of %lld). "
                 "Restore a backup."),
               path, (long long) size, (long long) expected);
  return FALSE;
}

/* Shared file systems */

static const struct
{
  long        type;
  const char *name;
} network_filesystems[] = {
  { 0x6969, "NFS" },
  { 0x517B, "SMB" },
  { 0xFE534D42, "SMB" },
  { 0xFF534D42, "CIFS" },
  { 0x65735546, "FUSE" },       /* sshfs, GVfs, rclone, cloud drives… */
  { 0x5346414F, "AFS" },
  { 0x00C36400, "Ceph" },
  { 0x01021997, "9P" },
  { 0x73757245, "Coda" },
};

/* Folders that synchronisation programs create, as they name them. */
static const char *const synced_folders[] = {
  "Dropbox", "OneDrive", "Nextcloud", "ownCloud", "Google Drive", "GoogleDrive", "pCloudDrive",
  "MEGA", "MEGAsync", "Seafile", "Tresorit", "iCloudDrive", "Insync",
};

static const char *
synced_folder_in (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, G_DIR_SEPARATOR_S, -1);

  for (guint i = 0; parts[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (synced_folders); j++)
      if (g_ascii_strcasecmp (parts[i], synced_folders[j]) == 0 ||
          (g_str_has_prefix (parts[i], synced_folders[j]) &&
           (parts[i][strlen (synced_folders[j])] == ' ' ||
            parts[i][strlen (synced_folders[j])] == '-')))
        return synced_folders[j];
  return NULL;
}

static const char *
network_filesystem_of (const char *path)
{
  g_autofree char *existing = g_strdup (path);
  struct statfs info;

  /* A new database: its nearest existing folder. */
  while (statfs (existing, &info) != 0)
    {
      char *parent = g_path_get_dirname (existing);

      if (g_str_equal (parent, existing))
        {
          g_free (parent);
          return NULL;
        }
      g_free (existing);
      existing = parent;
    }
  for (guint i = 0; i < G_N_ELEMENTS (network_filesystems); i++)
    if ((guint32) info.f_type == (guint32) network_filesystems[i].type)
      return network_filesystems[i].name;
  return NULL;
}

gboolean
escale_store_path_is_shared (const char  *path,
                             char       **why)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  const char *name;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((name = network_filesystem_of (absolute)) != NULL)
    {
      if (why != NULL)
        /* Translators: %s is the kind of file system: NFS, SMB, FUSE… */
        *why = g_strdup_printf (_("it is on a network file system (%s)"), name);
      return TRUE;
    }
  if ((name = synced_folder_in (absolute)) != NULL)
    {
      if (why != NULL)
        /* Translators: %s is a folder's name: Dropbox, OneDrive, Nextcloud… */
        *why = g_strdup_printf (_("it is in a synchronised folder (%s)"), name);
      return TRUE;
    }
  if (why != NULL)
    *why = NULL;
  return FALSE;
}
