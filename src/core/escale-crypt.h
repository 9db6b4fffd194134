/* escale-crypt.h — the database encrypted at rest, and encrypted backups
 *
 * An SQLite VFS ("escale-crypt") over the default one seals every page of
 * the main file, of its WAL and of its journals with XChaCha20-Poly1305
 * (libsodium): the page is encrypted in place, its nonce and tag kept in
 * the page's reserved bytes (ESCALE_CRYPT_RESERVED), its number bound as
 * associated data, so that a changed bit or a page moved elsewhere is
 * detected (SQLITE_IOERR_DATA, "disk I/O error"), never silently read.
 * The key is derived with Argon2id from a passphrase and a salt kept in a
 * clear header at the start of the file (ESCALE_CRYPT_HEADER_SIZE bytes
 * that SQLite does not see), with a check value that tells a wrong
 * passphrase from a damaged file: an encrypted database is one file, and
 * its copy needs nothing else. Temporary data stays in memory. See
 * docs/encryption.md for the design.
 *
 * The store opens an encrypted database through the VFS by itself once it
 * is unlocked (escale_store_open_encrypted(), or escale_crypt_unlock() then
 * escale_store_open()). Converting, re-keying and restoring replace the
 * file: close the stores open on it first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESCALE_CRYPT_VFS_NAME "escale-crypt"
#define ESCALE_CRYPT_RESERVED 40   /* 24-byte nonce + 16-byte tag */

#define ESCALE_CRYPT_ERROR (escale_crypt_error_quark ())
typedef enum {
  ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE,
  ESCALE_CRYPT_ERROR_DAMAGED,
  ESCALE_CRYPT_ERROR_FAILED,
  ESCALE_CRYPT_ERROR_LOCKED,  /* encrypted, and its passphrase not given yet */
} EscaleCryptError;

GQuark      escale_crypt_error_quark     (void);

/* Registers the VFS (once; thread-safe). */
gboolean    escale_crypt_register        (GError     **error);
/* Whether @path is an encrypted database (it starts with the header of one). */
gboolean    escale_crypt_is_encrypted    (const char  *path);
/* Makes the key for @path from @passphrase (creating a new encrypted
 * database, a header only, when @path is missing or empty) and keeps it
 * for the connections opened on @path; a wrong passphrase gives
 * ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE. Takes about half a second. */
gboolean    escale_crypt_unlock          (const char  *path,
                                          const char  *passphrase,
                                          GError     **error);
/* Whether the key of the encrypted @path is kept; if not, @error says so
 * (ESCALE_CRYPT_ERROR_LOCKED). */
gboolean    escale_crypt_require_unlocked (const char *path,
                                           GError    **error);
/* Wipes the key kept for @path (for every database when %NULL): later
 * connections need escale_crypt_unlock() again, open ones keep theirs. */
void        escale_crypt_forget          (const char  *path);
/* Converts a plaintext database to an encrypted one (and back with
 * @passphrase NULL), in place, through a copy: no half-done file. */
gboolean    escale_crypt_encrypt_file    (const char  *path,
                                          const char  *passphrase,
                                          GError     **error);
/* Re-keys: every page sealed again under a key from @new_passphrase. */
gboolean    escale_crypt_change_passphrase (const char *path,
                                            const char *old_passphrase,
                                            const char *new_passphrase,
                                            GError    **error);

/* Encrypted backups: a VACUUM INTO copy sealed with secretstream
 * (XChaCha20-Poly1305) under a key from @passphrase (Argon2id; the salt
 * in the file's header), and back. An encrypted database is backed up
 * with its own passphrase; a plain one can be too. The restored database
 * is encrypted (with @passphrase, a new salt) if the saved one was; a
 * wrong passphrase or a damaged backup changes nothing. */
gboolean    escale_crypt_backup          (const char  *database_path,
                                          const char  *passphrase,
                                          const char  *backup_path,
                                          GError     **error);
gboolean    escale_crypt_restore         (const char  *backup_path,
                                          const char  *passphrase,
                                          const char  *database_path,
                                          GError     **error);

G_END_DECLS
