/* escale-crypt.c — the database encrypted at rest: unlocking, converting, re-keying
 *
 * An encrypted database is one file: a clear header of
 * ESCALE_CRYPT_HEADER_SIZE bytes (salt, Argon2id's parameters, check
 * value: escale-crypt-key.c), then the pages sealed by the "escale-crypt"
 * VFS (escale-crypt-vfs.c). escale_crypt_unlock() derives the key from the
 * passphrase and keeps it, by salt, for every connection opened later on
 * the file (the store's, its search workers', the reports'). Converting
 * and re-keying write a new file with `VACUUM INTO` through the VFS, check
 * it, and rename it over the old one: a failure leaves the old file as it
 * was. docs/encryption.md describes the design.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "escale-crypt-private.h"

#define DB_CONTEXT "EscaleDB"

G_DEFINE_QUARK (escale-crypt-error-quark, escale_crypt_error)

static const char sqlite_magic[16] = "SQLite format 3";

/* Files */

static void
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* Translators: %s are a file path and the system's reason */
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
}

/* Reads up to @length bytes from the start of @path: returns how many (0
 * for a missing file), or -1 with @error. */
static gssize
read_start (const char  *path,
            guint8      *buffer,
            gsize        length,
            GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gsize done = 0;

  if (fd < 0 && errno == ENOENT)
    return 0;
  while (fd >= 0 && done < length)
    {
      gssize n = read (fd, buffer + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += n;
    }
  if (fd < 0 || done < length)
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          if (done < length)
            return done;
        }
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %s are a file path and the system's reason */
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return -1;
    }
  close (fd);
  return done;
}

gboolean
escale_crypt_read_header (const char  *path,
                          guint8      *header,
                          gsize        length,
                          GError     **error)
{
  return read_start (path, header, length, error) == (gssize) length;
}

gboolean
escale_crypt_fsync_path (const char  *path,
                         GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || g_fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      set_io_error (error, path, saved_errno);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* A new empty file, private, beside @near: "NEAR.WHAT-XXXXXX". */
char *
escale_crypt_temp_path (const char  *near,
                        const char  *what,
                        GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s.%s-XXXXXX", near, what);
  int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_io_error (error, path, errno);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&path);
}

/* Writes @header (ESCALE_CRYPT_HEADER_SIZE bytes) as the whole content of
 * @path, private, on disk before it returns. */
gboolean
escale_crypt_write_db_header (const char    *path,
                              const guint8  *header,
                              GError       **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  gsize done = 0;

  while (fd >= 0 && done < ESCALE_CRYPT_HEADER_SIZE)
    {
      gssize n = write (fd, header + done, ESCALE_CRYPT_HEADER_SIZE - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        break;
      done += n;
    }
  if (fd < 0 || done < ESCALE_CRYPT_HEADER_SIZE || g_fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      set_io_error (error, path, saved_errno);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Keys */

/* Makes the header of a new database sealed under @passphrase (Argon2id
 * with a new salt) and returns its key, not yet kept. */
static EscaleCryptKey *
make_db_header (const char  *passphrase,
                guint32      page_size,
                guint8      *header,
                GError     **error)
{
  g_autoptr(EscaleCryptSecrets) secrets = NULL;
  EscaleCryptKdf kdf;

  escale_crypt_kdf_init (&kdf);
  escale_crypt_db_header_encode (header, page_size, &kdf);
  secrets = escale_crypt_secrets_derive (passphrase, &kdf, DB_CONTEXT, error);
  if (secrets == NULL)
    return NULL;
  escale_crypt_header_sign (header, secrets);
  return escale_crypt_key_new (kdf.salt, secrets->key);
}

static gboolean
check_passphrase (const char  *passphrase,
                  GError     **error)
{
  if (passphrase != NULL && *passphrase != '\0')
    return TRUE;
  g_set_error_literal (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED,
                       _("The passphrase is empty"));
  return FALSE;
}

static gboolean
create_database (const char  *path,
                 const char  *passphrase,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(EscaleCryptKey) key = NULL;
  guint8 header[ESCALE_CRYPT_HEADER_SIZE];

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_io_error (error, path, errno);
      return FALSE;
    }
  key = make_db_header (passphrase, ESCALE_CRYPT_PAGE_SIZE, header, error);
  if (key == NULL ||
      !g_file_set_contents_full (path, (const char *) header, sizeof header,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;
  escale_crypt_keys_add (key);
  return TRUE;
}

static void
set_damaged_error (GError     **error,
                   const char  *path)
{
  g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_DAMAGED,
               /* Translators: %s is a file path */
               _("%s is not an encrypted Escale database, or its header is damaged"), path);
}

static void
set_not_encrypted_error (GError     **error,
                         const char  *path)
{
  g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED,
               /* Translators: %s is a file path */
               _("The database %s is not encrypted"), path);
}

static gboolean
unlock_header (const char    *path,
               const guint8  *header,
               gssize         length,
               const char    *passphrase,
               GError       **error)
{
  g_autoptr(EscaleCryptSecrets) secrets = NULL;
  g_autoptr(EscaleCryptKey) key = NULL;
  EscaleCryptKdf kdf;
  guint32 page_size;

  if (length >= (gssize) sizeof sqlite_magic && memcmp (header, sqlite_magic, sizeof sqlite_magic) == 0)
    {
      set_not_encrypted_error (error, path);
      return FALSE;
    }
  if (length < ESCALE_CRYPT_HEADER_USED ||
      !escale_crypt_db_header_decode (header, &page_size, kdf.salt) ||
      !escale_crypt_kdf_decode (header, &kdf))
    {
      set_damaged_error (error, path);
      return FALSE;
    }
  secrets = escale_crypt_secrets_derive (passphrase, &kdf, DB_CONTEXT, error);
  if (secrets == NULL)
    return FALSE;
  if (!escale_crypt_header_verify (header, secrets))
    {
      g_set_error_literal (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE,
                           _("Wrong passphrase"));
      return FALSE;
    }
  key = escale_crypt_key_new (kdf.salt, secrets->key);
  escale_crypt_keys_add (key);
  return TRUE;
}

/* The salt of the encrypted database @path. */
static gboolean
read_salt (const char  *path,
           guint8      *salt,
           GError     **error)
{
  guint8 header[ESCALE_CRYPT_HEADER_USED];
  guint32 page_size;

  if (!escale_crypt_read_header (path, header, sizeof header, NULL) ||
      !escale_crypt_db_header_decode (header, &page_size, salt))
    {
      set_damaged_error (error, path);
      return FALSE;
    }
  return TRUE;
}

/* Converting */

static char *
make_uri (const char *path,
          const char *vfs)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf ("file:%s?vfs=%s", escaped, vfs);
}

static void
set_copy_error (GError     **error,
                sqlite3     *db,
                const char  *path)
{
  g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED,
               /* Translators: %s are a file path and SQLite's reason */
               _("Could not copy the database %s: %s"), path, sqlite3_errmsg (db));
}

/**
 * escale_crypt_vacuum_into:
 * @target: an empty file, or the header of an encrypted database
 * @vfs: (nullable): the VFS of @target, named by URI (@db must allow
 *   URIs), or %NULL for @db's own
 *
 * Copies @db into @target with `VACUUM INTO`, and makes sure the copy is on
 * disk (`VACUUM INTO` does not sync it).
 */
gboolean
escale_crypt_vacuum_into (sqlite3     *db,
                          const char  *target,
                          const char  *vfs,
                          GError     **error)
{
  g_autofree char *name = vfs ? make_uri (target, vfs) : g_strdup (target);
  sqlite3_stmt *stmt = NULL;
  gboolean done;

  if (sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL) == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  done = stmt != NULL && sqlite3_step (stmt) == SQLITE_DONE;
  if (!done)
    set_copy_error (error, db, target);
  sqlite3_finalize (stmt);
  return done && escale_crypt_fsync_path (target, error);
}

/**
 * escale_crypt_open_source:
 * @sealed: whether @path is encrypted (and unlocked)
 * @page_size: (out): its page size
 *
 * Opens @path to copy it: URIs are on, to name the copy's VFS, and the
 * copy's pages will keep the room for the nonces and tags (`VACUUM INTO`
 * takes the reserved bytes the source asks for).
 */
sqlite3 *
escale_crypt_open_source (const char  *path,
             gboolean     sealed,
             guint32     *page_size,
             GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI,
                       sealed ? ESCALE_CRYPT_VFS_NAME : NULL) == SQLITE_OK)
    {
      int reserve = ESCALE_CRYPT_RESERVED;

      sqlite3_busy_timeout (db, 5000);
      sqlite3_file_control (db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
      if (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        *page_size = sqlite3_column_int (stmt, 0);
      else
        g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (stmt == NULL)
    {
      g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED,
                   /* Translators: %s are a file path and SQLite's reason */
                   _("Could not open the database %s: %s"), path,
                   db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return db;
}

/* Whether the database @path opens and passes SQLite's integrity check,
 * which reads every page (its quick check, in SQLite 3.40, wrongly finds
 * NULLs in the person_skeleton table, WITHOUT ROWID). */
static gboolean
integrity_check (const char *path,
             gboolean    sealed)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY,
                       sealed ? ESCALE_CRYPT_VFS_NAME : NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* Checks a copy before it replaces anything. */
gboolean
escale_crypt_check_copy (const char  *path,
                         gboolean     sealed,
                         GError     **error)
{
  if (integrity_check (path, sealed))
    return TRUE;
  g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_DAMAGED,
               /* Translators: %s is a file path */
               _("The copy %s fails its integrity check"), path);
  return FALSE;
}

/**
 * escale_crypt_replace:
 * @source: a database, checked
 * @target: the database it replaces, closed
 *
 * Renames @source over @target, removing @target's stale shared-memory
 * file first; refuses while @target has a log, i.e. is open.
 */
gboolean
escale_crypt_replace (const char  *source,
                      const char  *target,
                      GError     **error)
{
  const char *const logs[] = { "-wal", "-journal" };
  g_autofree char *shm = g_strconcat (target, "-shm", NULL);
  g_autofree char *dir = g_path_get_dirname (target);
  GStatBuf info;

  for (guint i = 0; i < G_N_ELEMENTS (logs); i++)
    {
      g_autofree char *log = g_strconcat (target, logs[i], NULL);

      if (g_stat (log, &info) == 0 && info.st_size > 0)
        {
          g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED,
                       /* Translators: %s is a file path */
                       _("The database %s is in use: close it first"), target);
          return FALSE;
        }
      g_unlink (log);
    }
  g_unlink (shm);
  if (g_rename (source, target) != 0)
    {
      set_io_error (error, target, errno);
      return FALSE;
    }
  /* The rename itself, on disk. */
  escale_crypt_fsync_path (dir, NULL);
  return TRUE;
}

/* Copies @db, the database @path, into @target (the header of an
 * encrypted database already, when @sealed), closes @db, checks the copy
 * and puts it in the place of @path. */
static gboolean
convert (const char  *path,
         sqlite3     *db,
         const char  *target,
         gboolean     sealed,
         GError     **error)
{
  const char *vfs = sealed ? ESCALE_CRYPT_VFS_NAME : escale_crypt_vfs_base_name ();
  gboolean copied = escale_crypt_vacuum_into (db, target, vfs, error);

  sqlite3_close (db);
  return copied &&
         escale_crypt_check_copy (target, sealed, error) &&
         escale_crypt_replace (target, path, error);
}

static gboolean
encrypt_file (const char  *path,
              const char  *passphrase,
              GError     **error)
{
  g_autofree char *target = NULL;
  g_autoptr(EscaleCryptKey) key = NULL;
  guint8 header[ESCALE_CRYPT_HEADER_SIZE];
  guint32 page_size;
  sqlite3 *db;

  if (escale_crypt_is_encrypted (path))
    {
      g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED,
                   /* Translators: %s is a file path */
                   _("The database %s is encrypted already"), path);
      return FALSE;
    }
  if (!(db = escale_crypt_open_source (path, FALSE, &page_size, error)))
    return FALSE;
  if (!(key = make_db_header (passphrase, page_size, header, error)) ||
      !(target = escale_crypt_temp_path (path, "encrypting", error)) ||
      !escale_crypt_write_db_header (target, header, error))
    {
      sqlite3_close (db);
      if (target != NULL)
        g_unlink (target);
      return FALSE;
    }
  escale_crypt_keys_add (key);
  if (convert (path, db, target, TRUE, error))
    return TRUE;
  g_unlink (target);
  escale_crypt_keys_remove (key->salt);
  return FALSE;
}

static gboolean
decrypt_file (const char  *path,
              GError     **error)
{
  g_autofree char *target = NULL;
  guint32 page_size;
  sqlite3 *db;

  if (!escale_crypt_require_unlocked (path, error) ||
      !(db = escale_crypt_open_source (path, TRUE, &page_size, error)))
    return FALSE;
  if (!(target = escale_crypt_temp_path (path, "decrypting", error)))
    {
      sqlite3_close (db);
      return FALSE;
    }
  if (convert (path, db, target, FALSE, error))
    return TRUE;
  g_unlink (target);
  return FALSE;
}

/* Public API */

/**
 * escale_crypt_register:
 *
 * Initialises libsodium and registers the "escale-crypt" VFS (not as the
 * default one). Called by every function of this module that needs it;
 * thread-safe.
 */
gboolean
escale_crypt_register (GError **error)
{
  escale_crypt_init ();
  if (escale_crypt_vfs_register () == SQLITE_OK)
    return TRUE;
  g_set_error_literal (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED,
                       _("The encryption of the database could not be set up"));
  return FALSE;
}

/**
 * escale_crypt_is_encrypted:
 *
 * Returns: whether @path is an encrypted database (it starts with the
 *   header of one)
 */
gboolean
escale_crypt_is_encrypted (const char *path)
{
  guint8 header[16];

  g_return_val_if_fail (path != NULL, FALSE);
  return escale_crypt_read_header (path, header, sizeof header, NULL) &&
         escale_crypt_db_header_has_magic (header);
}

/**
 * escale_crypt_unlock:
 * @path: an encrypted database, or a missing or empty file
 *
 * Derives the key of @path from @passphrase (Argon2id, about half a second)
 * and keeps it for every connection opened on @path from now on. A missing
 * or empty @path becomes a new encrypted database (a header only, which
 * the store then fills).
 *
 * Errors: ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE; ESCALE_CRYPT_ERROR_DAMAGED
 * when @path is not an encrypted database; ESCALE_CRYPT_ERROR_FAILED when
 * it is a plain one (convert it with escale_crypt_encrypt_file()).
 */
gboolean
escale_crypt_unlock (const char  *path,
                     const char  *passphrase,
                     GError     **error)
{
  guint8 header[ESCALE_CRYPT_HEADER_USED];
  gssize length;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!escale_crypt_register (error) || !check_passphrase (passphrase, error))
    return FALSE;
  length = read_start (path, header, sizeof header, error);
  if (length < 0)
    return FALSE;
  if (length == 0)
    return create_database (path, passphrase, error);
  return unlock_header (path, header, length, passphrase, error);
}

/**
 * escale_crypt_require_unlocked:
 *
 * Returns: whether the key of the encrypted database @path is known; if not,
 *   @error says it needs its passphrase (ESCALE_CRYPT_ERROR_LOCKED)
 */
gboolean
escale_crypt_require_unlocked (const char  *path,
                               GError     **error)
{
  guint8 salt[ESCALE_CRYPT_SALT_BYTES];
  g_autoptr(EscaleCryptKey) key = NULL;

  if (!escale_crypt_register (error) || !read_salt (path, salt, error))
    return FALSE;
  if ((key = escale_crypt_keys_lookup (salt)) != NULL)
    return TRUE;
  g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_LOCKED,
               /* Translators: %s is a file path */
               _("The database %s is encrypted: its passphrase is needed to open it"), path);
  return FALSE;
}

/**
 * escale_crypt_forget:
 * @path: (nullable): an encrypted database, or %NULL for all
 *
 * Wipes the key kept for @path: connections opened later need
 * escale_crypt_unlock() again; those open keep working.
 */
void
escale_crypt_forget (const char *path)
{
  guint8 salt[ESCALE_CRYPT_SALT_BYTES];

  if (path == NULL)
    escale_crypt_keys_remove (NULL);
  else if (read_salt (path, salt, NULL))
    escale_crypt_keys_remove (salt);
}

/**
 * escale_crypt_encrypt_file:
 * @path: a database that no connection has open
 * @passphrase: (nullable): the passphrase of the encrypted database, or
 *   %NULL to decrypt it (it must be unlocked)
 *
 * Converts a plain database into an encrypted one, or back. The new file
 * is written beside @path, checked, then renamed over it: if anything
 * fails, @path is left as it was. A decrypted database keeps its pages'
 * 40 reserved bytes, zeroed.
 */
gboolean
escale_crypt_encrypt_file (const char  *path,
                           const char  *passphrase,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (!escale_crypt_register (error))
    return FALSE;
  if (passphrase == NULL)
    return decrypt_file (path, error);
  return check_passphrase (passphrase, error) && encrypt_file (path, passphrase, error);
}

/**
 * escale_crypt_change_passphrase:
 * @path: an encrypted database that no connection has open
 *
 * Re-keys @path: every page is sealed again under a key from
 * @new_passphrase and a new salt, in a new file renamed over @path. The
 * old key is forgotten, the new one kept.
 */
gboolean
escale_crypt_change_passphrase (const char  *path,
                                const char  *old_passphrase,
                                const char  *new_passphrase,
                                GError     **error)
{
  g_autofree char *target = NULL;
  g_autoptr(EscaleCryptKey) key = NULL;
  guint8 old_salt[ESCALE_CRYPT_SALT_BYTES];
  guint8 header[ESCALE_CRYPT_HEADER_SIZE];
  guint32 page_size;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!escale_crypt_register (error) || !check_passphrase (new_passphrase, error))
    return FALSE;
  if (!escale_crypt_is_encrypted (path))
    {
      set_not_encrypted_error (error, path);
      return FALSE;
    }
  if (!escale_crypt_unlock (path, old_passphrase, error) || !read_salt (path, old_salt, error) ||
      !(db = escale_crypt_open_source (path, TRUE, &page_size, error)))
    return FALSE;
  if (!(key = make_db_header (new_passphrase, page_size, header, error)) ||
      !(target = escale_crypt_temp_path (path, "rekeying", error)) ||
      !escale_crypt_write_db_header (target, header, error))
    {
      sqlite3_close (db);
      if (target != NULL)
        g_unlink (target);
      return FALSE;
    }
  escale_crypt_keys_add (key);
  if (!convert (path, db, target, TRUE, error))
    {
      g_unlink (target);
      escale_crypt_keys_remove (key->salt);
      return FALSE;
    }
  escale_crypt_keys_remove (old_salt);
  return TRUE;
}

/* For the store */

/**
 * escale_crypt_prepare_connection:
 * @db: a connection opened through the "escale-crypt" VFS
 *
 * Before anything is written: the page size of the file's header, the
 * reserved bytes for the nonces and tags (SQLITE_FCNTL_RESERVE_BYTES,
 * which SQLite applies when it creates the database), temporary data in
 * memory.
 */
gboolean
escale_crypt_prepare_connection (sqlite3  *db,
                                 GError  **error)
{
  guint8 header[ESCALE_CRYPT_HEADER_SIZE];
  guint8 salt[ESCALE_CRYPT_SALT_BYTES];
  g_autoptr(EscaleCryptKey) key = escale_crypt_vfs_get_key (db, header);
  g_autofree char *sql = NULL;
  int reserve = ESCALE_CRYPT_RESERVED;
  guint32 page_size;

  g_return_val_if_fail (key != NULL, FALSE);
  escale_crypt_db_header_decode (header, &page_size, salt);
  sql = g_strdup_printf ("PRAGMA page_size = %u; PRAGMA temp_store = MEMORY", page_size);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_file_control (db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) != SQLITE_OK)
    {
      g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED,
                   /* Translators: %s is SQLite's reason */
                   _("Could not prepare the encrypted database: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/**
 * escale_crypt_copy:
 * @db: a connection to an encrypted database
 * @target: a new file
 *
 * Copies @db into @target, encrypted under the same key and header (the
 * same passphrase opens it): the store's backup before a migration.
 */
gboolean
escale_crypt_copy (sqlite3     *db,
                   const char  *target,
                   GError     **error)
{
  guint8 header[ESCALE_CRYPT_HEADER_SIZE];
  g_autoptr(EscaleCryptKey) key = escale_crypt_vfs_get_key (db, header);

  g_return_val_if_fail (key != NULL, FALSE);
  if (!escale_crypt_write_db_header (target, header, error))
    return FALSE;
  if (escale_crypt_vacuum_into (db, target, NULL, error))
    return TRUE;
  g_unlink (target);
  return FALSE;
}
