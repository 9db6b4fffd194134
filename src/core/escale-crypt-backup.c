/* escale-crypt-backup.c — encrypted backups of a database, and their restoring
 *
 * A backup is a `VACUUM INTO` copy of the database, sealed with libsodium's
 * secretstream (XChaCha20-Poly1305) under a key from the passphrase
 * (Argon2id, a new salt in the backup's header). The copy never reaches the
 * disk in clear: it is made through the encrypting VFS under a random key
 * that lives only in memory, then read back page by page into the stream.
 *
 * A backup file (little-endian):
 *
 *   0   96  the header shared with encrypted databases (escale-crypt-key.c):
 *           magic "Escale backup", version 1, flags (1: the database was
 *           encrypted) at 20, page size at 24, Argon2id's parameters and
 *           salt, check value
 *  96   24  the secretstream's header
 * 120  ...  one message a database page (page size + 17 bytes), the first
 *           with bytes 0-95 as associated data, the last tagged FINAL
 *
 * Restoring checks the passphrase against the check value, opens every
 * message (a changed, missing, moved or added byte fails), writes the pages
 * into a new file beside the database (sealed under a new salt if it was
 * encrypted), runs SQLite's integrity check on it, and only then renames it
 * over the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "escale-crypt-private.h"

#define BACKUP_CONTEXT  "EscaleBk"
#define DB_CONTEXT      "EscaleDB"
#define FORMAT_VERSION  1
#define FLAG_ENCRYPTED  1
#define STREAM_HEADER   crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define BACKUP_HEADER   (ESCALE_CRYPT_HEADER_USED + STREAM_HEADER)
#define ABYTES          crypto_secretstream_xchacha20poly1305_ABYTES

static const char backup_magic[16] = "Escale backup";

/* An open file descriptor, closed by g_autoptr-like cleanup. */
typedef int Fd;

static void
close_fd (Fd *fd)
{
  if (*fd >= 0)
    close (*fd);
}

#define AUTO_FD __attribute__ ((cleanup (close_fd))) Fd

static gboolean
fail_io (GError     **error,
         const char  *path,
         gboolean     writing)
{
  int saved_errno = errno ? errno : EIO;

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               writing ? _("Could not write “%s”: %s") : _("Could not read “%s”: %s"),
               path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *bytes,
           gsize         length,
           const char   *path,
           GError      **error)
{
  while (length > 0)
    {
      gssize n = write (fd, bytes, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return fail_io (error, path, TRUE);
      bytes += n;
      length -= n;
    }
  return TRUE;
}

/* Reads @length bytes, fewer only at the end of the file; -1 on error. */
static gssize
read_full (int          fd,
           guint8      *bytes,
           gsize        length,
           const char  *path,
           GError     **error)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = read (fd, bytes + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          fail_io (error, path, FALSE);
          return -1;
        }
      if (n == 0)
        break;
      done += n;
    }
  return done;
}

static gboolean
set_damaged (GError     **error,
             const char  *path)
{
  g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_DAMAGED,
               /* Translators: %s is a file path */
               _("The backup %s is damaged or was altered: nothing was restored"), path);
  return FALSE;
}

static gboolean
is_page_size (guint32 size)
{
  return size >= 512 && size <= 65536 && (size & (size - 1)) == 0;
}

/* The copy in clear, made through the VFS under a key of its own */

typedef struct
{
  char           *path;
  EscaleCryptKey *key;
  guint32         page_size;
  gboolean        encrypted;  /* the database it copies */
} Image;

static void
image_free (Image *image)
{
  if (image->path != NULL)
    g_unlink (image->path);
  if (image->key != NULL)
    escale_crypt_keys_remove (image->key->salt);
  g_clear_pointer (&image->key, escale_crypt_key_unref);
  g_free (image->path);
  g_free (image);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Image, image_free)

static Image *
make_image (const char  *database_path,
            gboolean     encrypted,
            const char  *near,
            GError     **error)
{
  g_autoptr(Image) image = g_new0 (Image, 1);
  guint8 header[ESCALE_CRYPT_HEADER_SIZE];
  guint8 key[ESCALE_CRYPT_KEY_BYTES];
  EscaleCryptKdf kdf = { 0, };
  gboolean copied;
  sqlite3 *db;

  image->encrypted = encrypted;
  if (!(db = escale_crypt_open_source (database_path, encrypted, &image->page_size, error)))
    return NULL;
  randombytes_buf (kdf.salt, sizeof kdf.salt);
  randombytes_buf (key, sizeof key);
  image->key = escale_crypt_key_new (kdf.salt, key);
  sodium_memzero (key, sizeof key);
  escale_crypt_keys_add (image->key);
  escale_crypt_db_header_encode (header, image->page_size, &kdf);
  copied = (image->path = escale_crypt_temp_path (near, "copy", error)) &&
           escale_crypt_write_db_header (image->path, header, error) &&
           escale_crypt_vacuum_into (db, image->path, ESCALE_CRYPT_VFS_NAME, error);
  sqlite3_close (db);
  return copied ? g_steal_pointer (&image) : NULL;
}

/* Writing a backup */

static void
encode_backup_header (guint8               *header,
                      const Image          *image,
                      const EscaleCryptKdf *kdf)
{
  memset (header, 0, BACKUP_HEADER);
  memcpy (header, backup_magic, sizeof backup_magic);
  escale_crypt_put_u32 (header + 16, FORMAT_VERSION);
  escale_crypt_put_u32 (header + 20, image->encrypted ? FLAG_ENCRYPTED : 0);
  escale_crypt_put_u32 (header + 24, image->page_size);
  escale_crypt_kdf_encode (kdf, header);
}

/* Streams the pages of @image, opened, into the backup @fd. */
static gboolean
stream_pages (const Image                             *image,
              crypto_secretstream_xchacha20poly1305_state *state,
              const guint8                            *header,
              int                                      fd,
              const char                              *path,
              GError                                 **error)
{
  gsize size = image->page_size;
  g_autofree guint8 *page = g_malloc (size);
  g_autofree guint8 *sealed = g_malloc (size + ABYTES);
  AUTO_FD in = g_open (image->path, O_RDONLY | O_CLOEXEC, 0);
  GStatBuf info;
  guint32 n_pages;

  if (in < 0 || fstat (in, &info) != 0 || lseek (in, ESCALE_CRYPT_HEADER_SIZE, SEEK_SET) < 0)
    return fail_io (error, image->path, FALSE);
  n_pages = (info.st_size - ESCALE_CRYPT_HEADER_SIZE) / size;
  for (guint32 i = 1; i <= n_pages; i++)
    {
      guint8 tag = i == n_pages ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;

      if (read_full (in, page, size, image->path, error) != (gssize) size)
        return fail_io (error, image->path, FALSE);
      if (!escale_crypt_open_page (image->key->key, ESCALE_CRYPT_PAGE_DATABASE, i, NULL,
                                   page, size))
        return fail_io (error, image->path, FALSE);
      crypto_secretstream_xchacha20poly1305_push (state, sealed, NULL, page, size,
                                                  i == 1 ? header : NULL,
                                                  i == 1 ? ESCALE_CRYPT_HEADER_USED : 0, tag);
      if (!write_all (fd, sealed, size + ABYTES, path, error))
        return FALSE;
    }
  sodium_memzero (page, size);
  return TRUE;
}

static gboolean
write_backup (const Image  *image,
              const char   *passphrase,
              const char   *temp,
              GError      **error)
{
  g_autoptr(EscaleCryptSecrets) secrets = NULL;
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 header[BACKUP_HEADER];
  AUTO_FD fd = -1;
  EscaleCryptKdf kdf;
  gboolean ok;

  escale_crypt_kdf_init (&kdf);
  encode_backup_header (header, image, &kdf);
  if (!(secrets = escale_crypt_secrets_derive (passphrase, &kdf, BACKUP_CONTEXT, error)))
    return FALSE;
  escale_crypt_header_sign (header, secrets);
  crypto_secretstream_xchacha20poly1305_init_push (&state, header + ESCALE_CRYPT_HEADER_USED,
                                                   secrets->key);
  fd = g_open (temp, O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
  ok = fd >= 0 &&
       write_all (fd, header, sizeof header, temp, error) &&
       stream_pages (image, &state, header, fd, temp, error);
  sodium_memzero (&state, sizeof state);
  if (fd < 0)
    return fail_io (error, temp, TRUE);
  if (ok && g_fsync (fd) != 0)
    return fail_io (error, temp, TRUE);
  return ok;
}

/**
 * escale_crypt_backup:
 * @database_path: a database, encrypted or not, open or not
 * @passphrase: the database's passphrase when it is encrypted; the
 *   backup's
 * @backup_path: the backup file, replaced if it exists
 *
 * Writes an encrypted backup of @database_path. Takes two key derivations
 * (one when the database is plain) and the time to copy the database.
 */
gboolean
escale_crypt_backup (const char  *database_path,
                     const char  *passphrase,
                     const char  *backup_path,
                     GError     **error)
{
  g_autoptr(Image) image = NULL;
  g_autofree char *temp = NULL;
  gboolean encrypted;

  g_return_val_if_fail (database_path != NULL && backup_path != NULL, FALSE);

  if (!escale_crypt_register (error))
    return FALSE;
  if (passphrase == NULL || *passphrase == '\0')
    {
      g_set_error_literal (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED,
                           _("The passphrase is empty"));
      return FALSE;
    }
  encrypted = escale_crypt_is_encrypted (database_path);
  if (encrypted && !escale_crypt_unlock (database_path, passphrase, error))
    return FALSE;
  if (!(image = make_image (database_path, encrypted, backup_path, error)) ||
      !(temp = escale_crypt_temp_path (backup_path, "writing", error)))
    return FALSE;
  if (!write_backup (image, passphrase, temp, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, backup_path) != 0)
    {
      fail_io (error, backup_path, TRUE);
      g_unlink (temp);
      return FALSE;
    }
  return TRUE;
}

/* Restoring */

typedef struct
{
  const char *backup_path;
  guint32     page_size;
  gboolean    encrypted;
  guint8      header[BACKUP_HEADER];
} Backup;

/* Reads and checks the header of the backup, and the passphrase. */
static EscaleCryptSecrets *
open_backup (Backup      *backup,
             int          fd,
             const char  *passphrase,
             GError     **error)
{
  g_autoptr(EscaleCryptSecrets) secrets = NULL;
  guint8 *header = backup->header;
  EscaleCryptKdf kdf;
  gssize n = read_full (fd, header, BACKUP_HEADER, backup->backup_path, error);

  if (n < 0)
    return NULL;
  backup->encrypted = escale_crypt_get_u32 (header + 20) & FLAG_ENCRYPTED;
  backup->page_size = escale_crypt_get_u32 (header + 24);
  if (n != BACKUP_HEADER || memcmp (header, backup_magic, sizeof backup_magic) != 0 ||
      escale_crypt_get_u32 (header + 16) != FORMAT_VERSION ||
      !is_page_size (backup->page_size) || !escale_crypt_kdf_decode (header, &kdf))
    {
      g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_DAMAGED,
                   /* Translators: %s is a file path */
                   _("%s is not an Escale backup, or was made by a newer version of Escale"),
                   backup->backup_path);
      return NULL;
    }
  if (!(secrets = escale_crypt_secrets_derive (passphrase, &kdf, BACKUP_CONTEXT, error)))
    return NULL;
  if (!escale_crypt_header_verify (header, secrets))
    {
      g_set_error_literal (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE,
                           _("Wrong passphrase"));
      return NULL;
    }
  return g_steal_pointer (&secrets);
}

/* Page 1 must be the start of an SQLite database of the backup's page size. */
static gboolean
is_first_page (const Backup *backup,
               const guint8 *page)
{
  guint32 size = (page[16] << 8) | page[17];

  return memcmp (page, "SQLite format 3", 16) == 0 &&
         (size == 1 ? 65536 : size) == backup->page_size;
}

/* Opens the messages of @in and writes their pages into @out, sealed with
 * @key if not %NULL; any fault of the stream is a damaged backup. */
static gboolean
unstream_pages (const Backup                            *backup,
                crypto_secretstream_xchacha20poly1305_state *state,
                int                                      in,
                int                                      out,
                const char                              *temp,
                const EscaleCryptKey                    *key,
                GError                                 **error)
{
  gsize size = backup->page_size;
  g_autofree guint8 *sealed = g_malloc (size + ABYTES);
  g_autofree guint8 *page = g_malloc (size);
  guint8 tag = 0;

  for (guint32 i = 1; tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL; i++)
    {
      unsigned long long length = 0;
      gssize n = read_full (in, sealed, size + ABYTES, backup->backup_path, error);

      if (n < 0)
        return FALSE;
      if (n != (gssize) (size + ABYTES) ||
          crypto_secretstream_xchacha20poly1305_pull (state, page, &length, &tag, sealed, n,
                                                      i == 1 ? backup->header : NULL,
                                                      i == 1 ? ESCALE_CRYPT_HEADER_USED : 0) != 0 ||
          length != size || (i == 1 && !is_first_page (backup, page)))
        return set_damaged (error, backup->backup_path);
      if (key != NULL)
        escale_crypt_seal_page (key->key, ESCALE_CRYPT_PAGE_DATABASE, i, NULL, NULL, page, size);
      if (!write_all (out, page, size, temp, error))
        return FALSE;
    }
  sodium_memzero (page, size);
  /* Nothing may follow the last message. */
  if (read_full (in, sealed, 1, backup->backup_path, error) != 0)
    return set_damaged (error, backup->backup_path);
  return TRUE;
}

/* Writes the database of the backup into @temp: sealed under @passphrase
 * and a new salt (its key kept for the connections) if it was encrypted. */
static gboolean
write_database (Backup                                  *backup,
                crypto_secretstream_xchacha20poly1305_state *state,
                int                                      in,
                const char                              *passphrase,
                const char                              *temp,
                GError                                 **error)
{
  g_autoptr(EscaleCryptSecrets) secrets = NULL;
  g_autoptr(EscaleCryptKey) key = NULL;
  AUTO_FD out = -1;

  if (backup->encrypted)
    {
      guint8 header[ESCALE_CRYPT_HEADER_SIZE];
      EscaleCryptKdf kdf;

      escale_crypt_kdf_init (&kdf);
      escale_crypt_db_header_encode (header, backup->page_size, &kdf);
      if (!(secrets = escale_crypt_secrets_derive (passphrase, &kdf, DB_CONTEXT, error)))
        return FALSE;
      escale_crypt_header_sign (header, secrets);
      if (!escale_crypt_write_db_header (temp, header, error))
        return FALSE;
      key = escale_crypt_key_new (kdf.salt, secrets->key);
    }
  out = g_open (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (out < 0 || lseek (out, key ? ESCALE_CRYPT_HEADER_SIZE : 0, SEEK_SET) < 0)
    return fail_io (error, temp, TRUE);
  if (!unstream_pages (backup, state, in, out, temp, key, error))
    return FALSE;
  if (g_fsync (out) != 0)
    return fail_io (error, temp, TRUE);
  if (key != NULL)
    escale_crypt_keys_add (key);
  return TRUE;
}

static gboolean
restore_into (Backup      *backup,
              int          in,
              const char  *passphrase,
              const char  *temp,
              const char  *database_path,
              GError     **error)
{
  g_autoptr(EscaleCryptSecrets) secrets = open_backup (backup, in, passphrase, error);
  crypto_secretstream_xchacha20poly1305_state state;
  gboolean ok;

  if (secrets == NULL)
    return FALSE;
  if (crypto_secretstream_xchacha20poly1305_init_pull (&state,
                                                       backup->header + ESCALE_CRYPT_HEADER_USED,
                                                       secrets->key) != 0)
    return set_damaged (error, backup->backup_path);
  ok = write_database (backup, &state, in, passphrase, temp, error);
  sodium_memzero (&state, sizeof state);
  if (!ok)
    return FALSE;
  if (!escale_crypt_check_copy (temp, backup->encrypted, NULL))
    return set_damaged (error, backup->backup_path);
  return escale_crypt_replace (temp, database_path, error);
}

/**
 * escale_crypt_restore:
 * @database_path: the database to replace (no store may have it open),
 *   or a new file
 *
 * Restores the backup @backup_path into @database_path, encrypted with
 * @passphrase (and a new salt) if the database saved was encrypted. A wrong
 * passphrase (ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE) or a damaged or altered
 * backup (ESCALE_CRYPT_ERROR_DAMAGED) leaves @database_path untouched.
 */
gboolean
escale_crypt_restore (const char  *backup_path,
                      const char  *passphrase,
                      const char  *database_path,
                      GError     **error)
{
  Backup backup = { .backup_path = backup_path };
  g_autofree char *dir = g_path_get_dirname (database_path);
  g_autofree char *temp = NULL;
  AUTO_FD in = -1;

  g_return_val_if_fail (backup_path != NULL && database_path != NULL, FALSE);

  if (!escale_crypt_register (error))
    return FALSE;
  if ((in = g_open (backup_path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return fail_io (error, backup_path, FALSE);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return fail_io (error, database_path, TRUE);
  if (!(temp = escale_crypt_temp_path (database_path, "restoring", error)))
    return FALSE;
  if (restore_into (&backup, in, passphrase ? passphrase : "", temp, database_path, error))
    return TRUE;
  g_unlink (temp);
  return FALSE;
}
