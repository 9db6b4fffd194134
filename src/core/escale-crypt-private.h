/* escale-crypt-private.h — what the encryption's files share, and the tests
 *
 * escale-crypt-key.c derives keys and reads and writes the clear headers of
 * encrypted files; escale-crypt-vfs.c is the SQLite VFS that seals pages;
 * escale-crypt.c and escale-crypt-backup.c are the public API. The formats
 * are described in docs/encryption.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "escale-crypt.h"

G_BEGIN_DECLS

/* The clear header at the start of an encrypted database (the pages
 * follow it), and the part of it that means something. */
#define ESCALE_CRYPT_HEADER_SIZE  4096
#define ESCALE_CRYPT_HEADER_USED  96
#define ESCALE_CRYPT_KEY_BYTES    32
#define ESCALE_CRYPT_SALT_BYTES   16
#define ESCALE_CRYPT_NONCE_BYTES  24
#define ESCALE_CRYPT_TAG_BYTES    16
#define ESCALE_CRYPT_PAGE_SIZE    4096  /* of the databases made encrypted */

/* Bound to each sealed page with its number: a page of one kind of file
 * does not open as a page of another. */
typedef enum {
  ESCALE_CRYPT_PAGE_DATABASE = 'D',
  ESCALE_CRYPT_PAGE_WAL      = 'W',
  ESCALE_CRYPT_PAGE_JOURNAL  = 'J',
} EscaleCryptPageKind;

/* Argon2id's parameters, kept in a file's header. */
typedef struct
{
  guint64 opslimit;
  guint64 memlimit;
  guint8  salt[ESCALE_CRYPT_SALT_BYTES];
} EscaleCryptKdf;

/* What a passphrase gives, in sodium_malloc()'d memory: the key of the
 * file's content, and the key of its header's check value. */
typedef struct
{
  guint8 key[ESCALE_CRYPT_KEY_BYTES];
  guint8 check_key[ESCALE_CRYPT_KEY_BYTES];
} EscaleCryptSecrets;

/* The page key of one database, shared by its open files and kept by salt
 * for the connections opened later; sodium_malloc()'d, wiped when freed. */
typedef struct
{
  gint   ref_count;
  guint8 salt[ESCALE_CRYPT_SALT_BYTES];
  guint8 key[ESCALE_CRYPT_KEY_BYTES];
} EscaleCryptKey;

/* escale-crypt-key.c */
void                escale_crypt_init             (void);
void                escale_crypt_kdf_init         (EscaleCryptKdf           *kdf);
void                escale_crypt_set_kdf_limits   (guint64                   opslimit,
                                                   guint64                   memlimit);
void                escale_crypt_kdf_encode       (const EscaleCryptKdf     *kdf,
                                                   guint8                   *header);
gboolean            escale_crypt_kdf_decode       (const guint8             *header,
                                                   EscaleCryptKdf           *kdf);
EscaleCryptSecrets *escale_crypt_secrets_derive   (const char               *passphrase,
                                                   const EscaleCryptKdf     *kdf,
                                                   const char               *context,
                                                   GError                  **error);
void                escale_crypt_secrets_free     (EscaleCryptSecrets       *secrets);
void                escale_crypt_header_sign      (guint8                   *header,
                                                   const EscaleCryptSecrets *secrets);
gboolean            escale_crypt_header_verify    (const guint8             *header,
                                                   const EscaleCryptSecrets *secrets);
void                escale_crypt_put_u32          (guint8                   *bytes,
                                                   guint32                   value);
guint32             escale_crypt_get_u32          (const guint8             *bytes);

gboolean            escale_crypt_db_header_has_magic (const guint8          *header);
gboolean            escale_crypt_db_header_decode (const guint8             *header,
                                                   guint32                  *page_size,
                                                   guint8                   *salt);
void                escale_crypt_db_header_encode (guint8                   *header,
                                                   guint32                   page_size,
                                                   const EscaleCryptKdf     *kdf);

EscaleCryptKey     *escale_crypt_key_new          (const guint8             *salt,
                                                   const guint8             *key);
EscaleCryptKey     *escale_crypt_key_ref          (EscaleCryptKey           *key);
void                escale_crypt_key_unref        (EscaleCryptKey           *key);
void                escale_crypt_keys_add         (EscaleCryptKey           *key);
EscaleCryptKey     *escale_crypt_keys_lookup      (const guint8             *salt);
void                escale_crypt_keys_remove      (const guint8             *salt);

/* escale-crypt-vfs.c */
int                 escale_crypt_vfs_register     (void);
const char         *escale_crypt_vfs_base_name    (void);
void                escale_crypt_seal_page        (const guint8             *key,
                                                   EscaleCryptPageKind       kind,
                                                   guint32                   page_number,
                                                   const guint8             *wal_salts,
                                                   const guint8             *nonce,
                                                   guint8                   *page,
                                                   gsize                     page_size);
gboolean            escale_crypt_open_page        (const guint8             *key,
                                                   EscaleCryptPageKind       kind,
                                                   guint32                   page_number,
                                                   const guint8             *wal_salts,
                                                   guint8                   *page,
                                                   gsize                     page_size);
EscaleCryptKey     *escale_crypt_vfs_get_key      (sqlite3                  *db,
                                                   guint8                   *header);

/* escale-crypt.c */
gboolean            escale_crypt_prepare_connection (sqlite3                *db,
                                                     GError                **error);
gboolean            escale_crypt_copy             (sqlite3                  *db,
                                                   const char               *target,
                                                   GError                  **error);
char               *escale_crypt_temp_path        (const char               *near,
                                                   const char               *what,
                                                   GError                  **error);
gboolean            escale_crypt_write_db_header  (const char               *path,
                                                   const guint8             *header,
                                                   GError                  **error);
sqlite3            *escale_crypt_open_source      (const char               *path,
                                                   gboolean                  sealed,
                                                   guint32                  *page_size,
                                                   GError                  **error);
gboolean            escale_crypt_vacuum_into      (sqlite3                  *db,
                                                   const char               *target,
                                                   const char               *vfs,
                                                   GError                  **error);
gboolean            escale_crypt_check_copy       (const char               *path,
                                                   gboolean                  sealed,
                                                   GError                  **error);
gboolean            escale_crypt_replace          (const char               *source,
                                                   const char               *target,
                                                   GError                  **error);
gboolean            escale_crypt_read_header      (const char               *path,
                                                   guint8                   *header,
                                                   gsize                     length,
                                                   GError                  **error);
gboolean            escale_crypt_fsync_path       (const char               *path,
                                                   GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleCryptSecrets, escale_crypt_secrets_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleCryptKey, escale_crypt_key_unref)

G_END_DECLS
