/* escale-crypt-key.c — keys from passphrases, and the clear headers of encrypted files
 *
 * A passphrase and a random salt give a master key through Argon2id
 * (crypto_pwhash); two subkeys are derived from it (crypto_kdf): the key of
 * the content and the key of a check value, a keyed BLAKE2b of the file's
 * header, that tells a wrong passphrase from a damaged file. The keys of
 * the unlocked databases are kept, by salt, in sodium_malloc()'d memory.
 *
 * Both kinds of files start with the same 96 bytes (little-endian):
 *
 *   0  16  magic ("Escale crypt DB", "Escale backup")
 *  16   4  format version (1)
 *  20   8  the file's own fields (page size and reserved bytes, or flags
 *          and page size)
 *  28   4  key derivation: crypto_pwhash_ALG_ARGON2ID13
 *  32   8  Argon2id opslimit
 *  40   8  Argon2id memlimit, in bytes
 *  48  16  salt
 *  64  32  check: BLAKE2b-256 of bytes 0-63, keyed with the check key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "escale-crypt-private.h"

#define FORMAT_VERSION   1
#define KDF_OFFSET       28
#define CHECK_OFFSET     64
#define MAX_OPSLIMIT     32
#define MAX_MEMLIMIT     (G_GUINT64_CONSTANT (1) << 30)

static const char db_magic[16] = "Escale crypt DB";

static guint64 default_opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
static guint64 default_memlimit = crypto_pwhash_MEMLIMIT_MODERATE;

static GMutex keys_lock;
static GPtrArray *keys;  /* EscaleCryptKey, the unlocked databases' */

G_STATIC_ASSERT (sizeof (EscaleCryptSecrets) == 2 * crypto_kdf_KEYBYTES);
G_STATIC_ASSERT (ESCALE_CRYPT_KEY_BYTES == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
G_STATIC_ASSERT (ESCALE_CRYPT_SALT_BYTES == crypto_pwhash_SALTBYTES);

void
escale_crypt_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&done, 1);
    }
}

/* Bytes */

void
escale_crypt_put_u32 (guint8  *bytes,
                      guint32  value)
{
  for (guint i = 0; i < 4; i++)
    bytes[i] = (value >> (8 * i)) & 0xff;
}

guint32
escale_crypt_get_u32 (const guint8 *bytes)
{
  return bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | ((guint32) bytes[3] << 24);
}

static void
put_u64 (guint8  *bytes,
         guint64  value)
{
  escale_crypt_put_u32 (bytes, value & 0xffffffff);
  escale_crypt_put_u32 (bytes + 4, value >> 32);
}

static guint64
get_u64 (const guint8 *bytes)
{
  return escale_crypt_get_u32 (bytes) | ((guint64) escale_crypt_get_u32 (bytes + 4) << 32);
}

/* Key derivation */

/* For the tests, which cannot wait half a second for each key. */
void
escale_crypt_set_kdf_limits (guint64 opslimit,
                             guint64 memlimit)
{
  default_opslimit = opslimit;
  default_memlimit = memlimit;
}

/* New parameters: a random salt, and the default cost. */
void
escale_crypt_kdf_init (EscaleCryptKdf *kdf)
{
  escale_crypt_init ();
  kdf->opslimit = default_opslimit;
  kdf->memlimit = default_memlimit;
  randombytes_buf (kdf->salt, sizeof kdf->salt);
}

void
escale_crypt_kdf_encode (const EscaleCryptKdf *kdf,
                         guint8               *header)
{
  escale_crypt_put_u32 (header + KDF_OFFSET, crypto_pwhash_ALG_ARGON2ID13);
  put_u64 (header + KDF_OFFSET + 4, kdf->opslimit);
  put_u64 (header + KDF_OFFSET + 12, kdf->memlimit);
  memcpy (header + KDF_OFFSET + 20, kdf->salt, ESCALE_CRYPT_SALT_BYTES);
}

/* Refuses parameters that would make Argon2id fail, or take minutes and
 * gigabytes: a damaged header must not hang the application. */
gboolean
escale_crypt_kdf_decode (const guint8   *header,
                         EscaleCryptKdf *kdf)
{
  if (escale_crypt_get_u32 (header + KDF_OFFSET) != crypto_pwhash_ALG_ARGON2ID13)
    return FALSE;
  kdf->opslimit = get_u64 (header + KDF_OFFSET + 4);
  kdf->memlimit = get_u64 (header + KDF_OFFSET + 12);
  memcpy (kdf->salt, header + KDF_OFFSET + 20, ESCALE_CRYPT_SALT_BYTES);
  return kdf->opslimit >= crypto_pwhash_OPSLIMIT_MIN && kdf->opslimit <= MAX_OPSLIMIT &&
         kdf->memlimit >= crypto_pwhash_MEMLIMIT_MIN && kdf->memlimit <= MAX_MEMLIMIT;
}

/**
 * escale_crypt_secrets_derive:
 * @context: 8 characters naming what the keys are for
 *
 * Argon2id of @passphrase, then the two subkeys. The master key never
 * leaves guarded memory and is wiped at once.
 *
 * Returns: (transfer full) (nullable): the secrets, or %NULL when memory
 *   for Argon2id is lacking
 */
EscaleCryptSecrets *
escale_crypt_secrets_derive (const char            *passphrase,
                             const EscaleCryptKdf  *kdf,
                             const char            *context,
                             GError               **error)
{
  guint8 *master = NULL;
  EscaleCryptSecrets *secrets = NULL;

  g_assert (strlen (context) == crypto_kdf_CONTEXTBYTES);
  escale_crypt_init ();
  master = sodium_malloc (crypto_kdf_KEYBYTES);
  secrets = sodium_malloc (sizeof *secrets);
  if (master == NULL || secrets == NULL ||
      crypto_pwhash (master, crypto_kdf_KEYBYTES, passphrase, strlen (passphrase), kdf->salt,
                     kdf->opslimit, kdf->memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      sodium_free (master);
      sodium_free (secrets);
      g_set_error_literal (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED,
                           _("Not enough memory to derive the key from the passphrase"));
      return NULL;
    }
  crypto_kdf_derive_from_key (secrets->key, sizeof secrets->key, 1, context, master);
  crypto_kdf_derive_from_key (secrets->check_key, sizeof secrets->check_key, 2, context, master);
  sodium_free (master);
  return secrets;
}

void
escale_crypt_secrets_free (EscaleCryptSecrets *secrets)
{
  sodium_free (secrets);
}

static void
compute_check (const guint8             *header,
               const EscaleCryptSecrets *secrets,
               guint8                   *check)
{
  crypto_generichash (check, ESCALE_CRYPT_HEADER_USED - CHECK_OFFSET, header, CHECK_OFFSET,
                      secrets->check_key, sizeof secrets->check_key);
}

void
escale_crypt_header_sign (guint8                   *header,
                          const EscaleCryptSecrets *secrets)
{
  compute_check (header, secrets, header + CHECK_OFFSET);
}

gboolean
escale_crypt_header_verify (const guint8             *header,
                            const EscaleCryptSecrets *secrets)
{
  guint8 check[ESCALE_CRYPT_HEADER_USED - CHECK_OFFSET];

  compute_check (header, secrets, check);
  return sodium_memcmp (check, header + CHECK_OFFSET, sizeof check) == 0;
}

/* The database's header */

void
escale_crypt_db_header_encode (guint8               *header,
                               guint32               page_size,
                               const EscaleCryptKdf *kdf)
{
  memset (header, 0, ESCALE_CRYPT_HEADER_SIZE);
  memcpy (header, db_magic, sizeof db_magic);
  escale_crypt_put_u32 (header + 16, FORMAT_VERSION);
  escale_crypt_put_u32 (header + 20, page_size);
  escale_crypt_put_u32 (header + 24, ESCALE_CRYPT_RESERVED);
  escale_crypt_kdf_encode (kdf, header);
}

/* Whether @header (16 bytes at least) starts like an encrypted database. */
gboolean
escale_crypt_db_header_has_magic (const guint8 *header)
{
  return memcmp (header, db_magic, sizeof db_magic) == 0;
}

/* Whether @header (ESCALE_CRYPT_HEADER_USED bytes) is that of a database
 * this version reads; gives its page size and salt. Its key derivation is
 * read by escale_crypt_kdf_decode(). */
gboolean
escale_crypt_db_header_decode (const guint8 *header,
                               guint32      *page_size,
                               guint8       *salt)
{
  guint32 size = escale_crypt_get_u32 (header + 20);

  if (!escale_crypt_db_header_has_magic (header) ||
      escale_crypt_get_u32 (header + 16) != FORMAT_VERSION ||
      escale_crypt_get_u32 (header + 24) != ESCALE_CRYPT_RESERVED ||
      size < 512 || size > 65536 || (size & (size - 1)) != 0)
    return FALSE;
  *page_size = size;
  memcpy (salt, header + KDF_OFFSET + 20, ESCALE_CRYPT_SALT_BYTES);
  return TRUE;
}

/* The keys of the unlocked databases */

EscaleCryptKey *
escale_crypt_key_new (const guint8 *salt,
                      const guint8 *key)
{
  EscaleCryptKey *self;

  escale_crypt_init ();
  self = sodium_malloc (sizeof *self);
  if (self == NULL)
    g_error ("Out of guarded memory for a key");
  self->ref_count = 1;
  memcpy (self->salt, salt, sizeof self->salt);
  memcpy (self->key, key, sizeof self->key);
  return self;
}

EscaleCryptKey *
escale_crypt_key_ref (EscaleCryptKey *self)
{
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
escale_crypt_key_unref (EscaleCryptKey *self)
{
  if (self != NULL && g_atomic_int_dec_and_test (&self->ref_count))
    sodium_free (self);  /* wipes it */
}

static int
find_key (const guint8 *salt)
{
  if (keys == NULL)
    return -1;
  for (guint i = 0; i < keys->len; i++)
    {
      EscaleCryptKey *key = g_ptr_array_index (keys, i);

      if (memcmp (key->salt, salt, sizeof key->salt) == 0)
        return (int) i;
    }
  return -1;
}

/* Keeps @key for the connections opened later on its files (taking a
 * reference), in place of any other of the same salt. */
void
escale_crypt_keys_add (EscaleCryptKey *key)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&keys_lock);
  int index = find_key (key->salt);

  if (keys == NULL)
    keys = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_crypt_key_unref);
  if (index >= 0)
    g_ptr_array_remove_index_fast (keys, index);
  g_ptr_array_add (keys, escale_crypt_key_ref (key));
}

/* Returns: (transfer full) (nullable): the key of the files whose salt is
 * @salt, if unlocked */
EscaleCryptKey *
escale_crypt_keys_lookup (const guint8 *salt)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&keys_lock);
  int index = find_key (salt);

  return index >= 0 ? escale_crypt_key_ref (g_ptr_array_index (keys, index)) : NULL;
}

/* Forgets the key of @salt, or every key when @salt is %NULL. Files open
 * keep theirs until closed. */
void
escale_crypt_keys_remove (const guint8 *salt)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&keys_lock);
  int index;

  if (keys == NULL)
    return;
  if (salt == NULL)
    g_ptr_array_set_size (keys, 0);
  else if ((index = find_key (salt)) >= 0)
    g_ptr_array_remove_index_fast (keys, index);
}
