/* escale-crypt-vfs.c — an SQLite VFS that seals every page with XChaCha20-Poly1305
 *
 * "escale-crypt" wraps the default VFS. Every database of it reserves
 * ESCALE_CRYPT_RESERVED bytes at the end of each page (SQLite's "reserved
 * bytes", set with SQLITE_FCNTL_RESERVE_BYTES before the first write):
 * a page is written with its first page_size - 40 bytes encrypted, and the
 * random 24-byte nonce and the 16-byte tag in those 40 bytes; it is read
 * back only if the tag verifies, with the reserved bytes given back as
 * zeros. The associated data binds the page to its number and to the kind
 * of file, so that a page moved elsewhere does not open.
 *
 *   - The main file starts with a clear header of ESCALE_CRYPT_HEADER_SIZE
 *     bytes (its salt and key derivation, escale-crypt-key.c) that SQLite
 *     never sees: page n is at HEADER + (n - 1) × page_size. The page size
 *     comes from that header, so SQLite's own 100-byte header, inside page
 *     1, is encrypted like the rest and read through a whole page.
 *   - The WAL keeps its 32-byte header and each frame's 24-byte header
 *     clear (page numbers, salts, checksums); the page after it is sealed,
 *     bound to the frame's page number and salts. A frame that does not
 *     open is an error when read as a page, and reads as noise when read
 *     with its header, as the WAL's recovery does: SQLite's checksum then
 *     ends the log there, as it does for a torn write after a crash.
 *   - A rollback journal's page records (4-byte page number, page,
 *     checksum) are sealed the same way; its headers stay clear.
 *   - Temporary files (sorts, temporary tables, statement journals) are
 *     kept in memory and never reach the disk.
 *   - The -shm file holds the WAL's index (page numbers and frame numbers,
 *     no content) and stays as the default VFS writes it.
 *
 * Memory mapping is off (the files' methods are version 2, without
 * xFetch): every page goes through xRead and xWrite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sodium.h>
#include <string.h>

#include "escale-crypt-private.h"

#define HEADER            ESCALE_CRYPT_HEADER_SIZE
#define AD_BYTES          16
#define AD_VERSION        1
#define WAL_HEADER        32
#define WAL_FRAME_HEADER  24
#define TEMPORARY_FILES   (SQLITE_OPEN_TEMP_DB | SQLITE_OPEN_TEMP_JOURNAL | \
                           SQLITE_OPEN_TRANSIENT_DB | SQLITE_OPEN_SUBJOURNAL)

G_STATIC_ASSERT (ESCALE_CRYPT_RESERVED == ESCALE_CRYPT_NONCE_BYTES + ESCALE_CRYPT_TAG_BYTES);
G_STATIC_ASSERT (ESCALE_CRYPT_NONCE_BYTES == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
G_STATIC_ASSERT (ESCALE_CRYPT_TAG_BYTES == crypto_aead_xchacha20poly1305_ietf_ABYTES);

typedef enum {
  FILE_PLAIN,    /* a super-journal: file names only */
  FILE_MAIN,
  FILE_WAL,
  FILE_JOURNAL,
} FileKind;

typedef struct
{
  sqlite3_file    base;
  FileKind        kind;
  EscaleCryptKey *key;
  guint32         page_size;
  const char     *name;      /* of a main file, as SQLite gave it: its WAL and journal find it */
  guint8          header[ESCALE_CRYPT_HEADER_USED];  /* of a main file */
  guint8         *scratch;   /* a frame: WAL_FRAME_HEADER + page_size */
  sqlite3_file   *real;      /* the default VFS's file, allocated after this struct */
} CryptFile;

/* A temporary file, in memory. */
typedef struct
{
  sqlite3_file base;
  guint8      *data;
  gsize        size;
  gsize        capacity;
} MemFile;

static sqlite3_vfs *base_vfs;
static GMutex mains_lock;
static GList *mains;  /* CryptFile: the main files open */

static const sqlite3_io_methods crypt_methods;
static const sqlite3_io_methods mem_methods;

/* Sealing */

static void
make_ad (guint8              *ad,
         EscaleCryptPageKind  kind,
         guint32              page_number,
         const guint8        *wal_salts)
{
  memset (ad, 0, AD_BYTES);
  ad[0] = kind;
  ad[1] = AD_VERSION;
  ad[4] = page_number >> 24;
  ad[5] = page_number >> 16;
  ad[6] = page_number >> 8;
  ad[7] = page_number;
  if (wal_salts != NULL)
    memcpy (ad + 8, wal_salts, 8);
}

/**
 * escale_crypt_seal_page:
 * @wal_salts: (nullable): the 8 salt bytes of a WAL frame's header
 * @nonce: (nullable): 24 bytes, for known-answer tests; random when %NULL
 *
 * Encrypts the first @page_size - ESCALE_CRYPT_RESERVED bytes of @page in
 * place and writes the nonce and the tag in the last ESCALE_CRYPT_RESERVED
 * bytes. The associated data is 16 bytes: @kind, the version 1, two zero
 * bytes, @page_number (big-endian), then @wal_salts or 8 zero bytes.
 */
void
escale_crypt_seal_page (const guint8        *key,
                        EscaleCryptPageKind  kind,
                        guint32              page_number,
                        const guint8        *wal_salts,
                        const guint8        *nonce,
                        guint8              *page,
                        gsize                page_size)
{
  gsize usable = page_size - ESCALE_CRYPT_RESERVED;
  guint8 *page_nonce = page + usable;
  guint8 ad[AD_BYTES];

  make_ad (ad, kind, page_number, wal_salts);
  if (nonce != NULL)
    memcpy (page_nonce, nonce, ESCALE_CRYPT_NONCE_BYTES);
  else
    randombytes_buf (page_nonce, ESCALE_CRYPT_NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached (page, page_nonce + ESCALE_CRYPT_NONCE_BYTES,
                                                       NULL, page, usable, ad, sizeof ad,
                                                       NULL, page_nonce, key);
}

/* Decrypts @page in place if its tag verifies, and zeroes its reserved
 * bytes; returns %FALSE, the page zeroed, if not. */
gboolean
escale_crypt_open_page (const guint8        *key,
                        EscaleCryptPageKind  kind,
                        guint32              page_number,
                        const guint8        *wal_salts,
                        guint8              *page,
                        gsize                page_size)
{
  gsize usable = page_size - ESCALE_CRYPT_RESERVED;
  const guint8 *nonce = page + usable;
  guint8 ad[AD_BYTES];
  int rc;

  make_ad (ad, kind, page_number, wal_salts);
  rc = crypto_aead_xchacha20poly1305_ietf_decrypt_detached (page, NULL, page, usable,
                                                            nonce + ESCALE_CRYPT_NONCE_BYTES,
                                                            ad, sizeof ad, nonce, key);
  memset (page + usable, 0, ESCALE_CRYPT_RESERVED);
  return rc == 0;
}

static guint32
get_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
}

static const char *
file_name (CryptFile *self)
{
  return self->kind == FILE_MAIN ? self->name : "(log)";
}

static int
refuse_page (CryptFile  *self,
             guint32     page_number,
             const char *file)
{
  sqlite3_log (SQLITE_IOERR_DATA, "escale-crypt: page %u of the %s of %s does not authenticate",
               page_number, file, file_name (self));
  return SQLITE_IOERR_DATA;
}

/* The real file */

static int
real_read (CryptFile     *self,
           void          *buffer,
           int            amount,
           sqlite3_int64  offset)
{
  return self->real->pMethods->xRead (self->real, buffer, amount, offset);
}

static int
real_write (CryptFile     *self,
            const void    *buffer,
            int            amount,
            sqlite3_int64  offset)
{
  return self->real->pMethods->xWrite (self->real, buffer, amount, offset);
}

/* Whether a read of @page came short because it lies beyond the end of
 * the file (the default VFS fills what it lacks with zeros). */
static gboolean
is_past_end (int           rc,
             const guint8 *page,
             gsize         size)
{
  return rc == SQLITE_IOERR_SHORT_READ && sodium_is_zero (page, size);
}

/* The main file */

static int
read_main_page (CryptFile *self,
                guint8    *page,
                guint32    page_number)
{
  gsize size = self->page_size;
  int rc = real_read (self, page, size, HEADER + (sqlite3_int64) (page_number - 1) * size);

  if (is_past_end (rc, page, size))
    return rc;
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
    return rc;
  if (rc != SQLITE_OK ||
      !escale_crypt_open_page (self->key->key, ESCALE_CRYPT_PAGE_DATABASE, page_number, NULL,
                               page, size))
    return refuse_page (self, page_number, "database");
  return SQLITE_OK;
}

/* SQLite reads whole pages, except the 100 bytes of its header (and a few
 * of them alone) before it knows the page size: a part of a page is read
 * through the scratch page. */
static int
read_main (CryptFile     *self,
           guint8        *buffer,
           int            amount,
           sqlite3_int64  offset)
{
  sqlite3_int64 size = self->page_size;
  sqlite3_int64 end = offset + amount;
  int result = SQLITE_OK;

  for (sqlite3_int64 start = offset - offset % size; start < end; start += size)
    {
      gboolean whole = start >= offset && start + size <= end;
      guint8 *page = whole ? buffer + (start - offset) : self->scratch;
      int rc = read_main_page (self, page, (guint32) (start / size + 1));

      if (rc == SQLITE_IOERR_SHORT_READ)
        result = rc;
      else if (rc != SQLITE_OK)
        return rc;
      if (!whole)
        {
          sqlite3_int64 from = MAX (start, offset);
          sqlite3_int64 to = MIN (start + size, end);

          memcpy (buffer + (from - offset), page + (from - start), to - from);
        }
    }
  return result;
}

/* Page 1 must say this page size and keep room for the nonce and tag:
 * otherwise SQLite's content would be overwritten by them. */
static gboolean
is_page_one_valid (CryptFile    *self,
                   const guint8 *page)
{
  guint32 size = (page[16] << 8) | page[17];

  return (size == 1 ? 65536 : size) == self->page_size && page[20] >= ESCALE_CRYPT_RESERVED;
}

static int
write_main (CryptFile     *self,
            const guint8  *buffer,
            int            amount,
            sqlite3_int64  offset)
{
  gsize size = self->page_size;

  if (offset % size != 0 || amount % size != 0)
    {
      sqlite3_log (SQLITE_IOERR_WRITE, "escale-crypt: a write of %d bytes at %lld in %s",
                   amount, (long long) offset, self->name);
      return SQLITE_IOERR_WRITE;
    }
  for (gsize done = 0; done < (gsize) amount; done += size)
    {
      guint32 page_number = (guint32) ((offset + done) / size + 1);
      int rc;

      memcpy (self->scratch, buffer + done, size);
      if (page_number == 1 && !is_page_one_valid (self, self->scratch))
        {
          sqlite3_log (SQLITE_IOERR_WRITE, "escale-crypt: %s has no reserved bytes for the tags",
                       self->name);
          return SQLITE_IOERR_WRITE;
        }
      escale_crypt_seal_page (self->key->key, ESCALE_CRYPT_PAGE_DATABASE, page_number, NULL, NULL,
                              self->scratch, size);
      rc = real_write (self, self->scratch, size, HEADER + offset + done);
      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

/* The WAL */

static sqlite3_int64
frame_offset (CryptFile     *self,
              sqlite3_int64  frame)
{
  return WAL_HEADER + frame * (WAL_FRAME_HEADER + (sqlite3_int64) self->page_size);
}

/* The first frame whose page ends after @offset. */
static sqlite3_int64
first_frame (CryptFile     *self,
             sqlite3_int64  offset)
{
  sqlite3_int64 frame_size = WAL_FRAME_HEADER + (sqlite3_int64) self->page_size;

  return offset <= WAL_HEADER ? 0 : (offset - WAL_HEADER) / frame_size;
}

/* Reads a whole frame into the scratch buffer and opens its page. */
static int
read_frame (CryptFile     *self,
            sqlite3_int64  frame)
{
  guint8 *page = self->scratch + WAL_FRAME_HEADER;
  int rc = real_read (self, self->scratch, WAL_FRAME_HEADER + self->page_size,
                      frame_offset (self, frame));

  if (rc != SQLITE_OK)
    return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_DATA : rc;
  if (!escale_crypt_open_page (self->key->key, ESCALE_CRYPT_PAGE_WAL, get_be32 (self->scratch),
                               self->scratch + 8, page, self->page_size))
    return refuse_page (self, get_be32 (self->scratch), "WAL");
  return SQLITE_OK;
}

/* Opens, in @buffer (read from @offset), the page of @frame, which the
 * read covers whole. With the frame's header in the read too, this is the
 * recovery of the log after a crash: a page that does not open (a torn
 * write, or a tampered one) becomes noise, which fails SQLite's checksum
 * and ends the log there. */
static int
open_frame_in (CryptFile     *self,
               guint8        *buffer,
               sqlite3_int64  offset,
               sqlite3_int64  frame,
               gboolean       short_read)
{
  sqlite3_int64 start = frame_offset (self, frame);
  guint8 *page = buffer + (start + WAL_FRAME_HEADER - offset);
  guint8 header[WAL_FRAME_HEADER];
  gboolean with_header = start >= offset;
  const guint8 *frame_header = with_header ? buffer + (start - offset) : header;
  int rc;

  if (short_read && sodium_is_zero (page, self->page_size))
    return SQLITE_OK;
  if (!with_header && (rc = real_read (self, header, sizeof header, start)) != SQLITE_OK)
    return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_DATA : rc;
  if (escale_crypt_open_page (self->key->key, ESCALE_CRYPT_PAGE_WAL, get_be32 (frame_header),
                              frame_header + 8, page, self->page_size))
    return SQLITE_OK;
  if (!with_header)
    return refuse_page (self, get_be32 (frame_header), "WAL");
  sqlite3_log (SQLITE_NOTICE, "escale-crypt: frame %lld of the WAL of %s does not authenticate: "
               "the log ends there", (long long) frame, file_name (self));
  randombytes_buf (page, self->page_size);
  return SQLITE_OK;
}

static int
read_wal (CryptFile     *self,
          guint8        *buffer,
          int            amount,
          sqlite3_int64  offset)
{
  sqlite3_int64 end = offset + amount;
  int result = real_read (self, buffer, amount, offset);

  if (result != SQLITE_OK && result != SQLITE_IOERR_SHORT_READ)
    return result;
  for (sqlite3_int64 frame = first_frame (self, offset); ; frame++)
    {
      sqlite3_int64 page_start = frame_offset (self, frame) + WAL_FRAME_HEADER;
      sqlite3_int64 page_end = page_start + self->page_size;
      int rc;

      if (page_start >= end)
        break;
      if (page_end <= offset)
        continue;
      if (page_start >= offset && page_end <= end)
        rc = open_frame_in (self, buffer, offset, frame, result != SQLITE_OK);
      else if ((rc = read_frame (self, frame)) == SQLITE_OK)
        {
          sqlite3_int64 from = MAX (page_start, offset);
          sqlite3_int64 to = MIN (page_end, end);

          memcpy (buffer + (from - offset),
                  self->scratch + WAL_FRAME_HEADER + (from - page_start), to - from);
        }
      if (rc != SQLITE_OK)
        return rc;
    }
  return result;
}

/* SQLite writes the WAL's header, a frame's header and then its page, or
 * whole frames: a write that covers a part of a page is refused. */
static int
write_wal (CryptFile     *self,
           const guint8  *buffer,
           int            amount,
           sqlite3_int64  offset)
{
  sqlite3_int64 end = offset + amount;
  g_autofree guint8 *allocated = NULL;
  guint8 *copy = NULL;

  for (sqlite3_int64 frame = first_frame (self, offset); ; frame++)
    {
      sqlite3_int64 start = frame_offset (self, frame);
      sqlite3_int64 page_start = start + WAL_FRAME_HEADER;
      guint8 header[WAL_FRAME_HEADER];
      const guint8 *frame_header = header;
      int rc;

      if (page_start >= end)
        break;
      if (page_start + self->page_size <= offset)
        continue;
      if (page_start < offset || page_start + self->page_size > end)
        {
          sqlite3_log (SQLITE_IOERR_WRITE, "escale-crypt: a write of part of a WAL frame");
          return SQLITE_IOERR_WRITE;
        }
      if (copy == NULL)
        {
          if ((gsize) amount > WAL_FRAME_HEADER + self->page_size)
            copy = allocated = g_malloc (amount);
          else
            copy = self->scratch;
          memcpy (copy, buffer, amount);
        }
      if (start >= offset)
        frame_header = copy + (start - offset);
      else if ((rc = real_read (self, header, sizeof header, start)) != SQLITE_OK)
        return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_WRITE : rc;
      escale_crypt_seal_page (self->key->key, ESCALE_CRYPT_PAGE_WAL, get_be32 (frame_header),
                              frame_header + 8, NULL, copy + (page_start - offset),
                              self->page_size);
    }
  return real_write (self, copy ? copy : buffer, amount, offset);
}

/* The rollback journal: a page record is a 4-byte page number, the page
 * and a checksum, after a header at a sector boundary. Its pages are read
 * and written alone, at an offset 4 past a multiple of 8 (sectors and
 * records are multiples of 8); everything else there is clear. */

static gboolean
is_journal_page (CryptFile     *self,
                 int            amount,
                 sqlite3_int64  offset)
{
  return (guint32) amount == self->page_size && offset >= 4 && offset % 8 == 4;
}

static int
journal_page_number (CryptFile     *self,
                     sqlite3_int64  offset,
                     guint32       *page_number)
{
  guint8 bytes[4];
  int rc = real_read (self, bytes, sizeof bytes, offset - 4);

  *page_number = get_be32 (bytes);
  return rc;
}

/* A page that does not open reads as noise: the record's checksum fails,
 * and SQLite ends the playback there, as for a torn write. */
static int
read_journal (CryptFile     *self,
              guint8        *buffer,
              int            amount,
              sqlite3_int64  offset)
{
  guint32 page_number;
  int rc = real_read (self, buffer, amount, offset);

  if (rc != SQLITE_OK || !is_journal_page (self, amount, offset))
    return rc;
  if ((rc = journal_page_number (self, offset, &page_number)) != SQLITE_OK)
    return rc;
  if (!escale_crypt_open_page (self->key->key, ESCALE_CRYPT_PAGE_JOURNAL, page_number, NULL,
                               buffer, amount))
    {
      sqlite3_log (SQLITE_NOTICE, "escale-crypt: a page of a journal does not authenticate");
      randombytes_buf (buffer, amount);
    }
  return SQLITE_OK;
}

static int
write_journal (CryptFile     *self,
               const guint8  *buffer,
               int            amount,
               sqlite3_int64  offset)
{
  guint32 page_number;
  int rc;

  if (!is_journal_page (self, amount, offset))
    return real_write (self, buffer, amount, offset);
  if ((rc = journal_page_number (self, offset, &page_number)) != SQLITE_OK)
    return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_WRITE : rc;
  memcpy (self->scratch, buffer, amount);
  escale_crypt_seal_page (self->key->key, ESCALE_CRYPT_PAGE_JOURNAL, page_number, NULL, NULL,
                          self->scratch, amount);
  return real_write (self, self->scratch, amount, offset);
}

/* The files' methods */

static int
crypt_close (sqlite3_file *file)
{
  CryptFile *self = (CryptFile *) file;
  int rc = SQLITE_OK;

  if (self->kind == FILE_MAIN)
    {
      g_mutex_lock (&mains_lock);
      mains = g_list_remove (mains, self);
      g_mutex_unlock (&mains_lock);
    }
  if (self->real->pMethods != NULL)
    rc = self->real->pMethods->xClose (self->real);
  g_clear_pointer (&self->key, escale_crypt_key_unref);
  g_clear_pointer (&self->scratch, g_free);
  return rc;
}

static int
crypt_read (sqlite3_file  *file,
            void          *buffer,
            int            amount,
            sqlite3_int64  offset)
{
  CryptFile *self = (CryptFile *) file;

  switch (self->kind)
    {
    case FILE_MAIN:
      return read_main (self, buffer, amount, offset);
    case FILE_WAL:
      return read_wal (self, buffer, amount, offset);
    case FILE_JOURNAL:
      return read_journal (self, buffer, amount, offset);
    case FILE_PLAIN:
    default:
      return real_read (self, buffer, amount, offset);
    }
}

static int
crypt_write (sqlite3_file  *file,
             const void    *buffer,
             int            amount,
             sqlite3_int64  offset)
{
  CryptFile *self = (CryptFile *) file;

  switch (self->kind)
    {
    case FILE_MAIN:
      return write_main (self, buffer, amount, offset);
    case FILE_WAL:
      return write_wal (self, buffer, amount, offset);
    case FILE_JOURNAL:
      return write_journal (self, buffer, amount, offset);
    case FILE_PLAIN:
    default:
      return real_write (self, buffer, amount, offset);
    }
}

static sqlite3_int64
header_size (CryptFile *self)
{
  return self->kind == FILE_MAIN ? HEADER : 0;
}

static int
crypt_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  CryptFile *self = (CryptFile *) file;

  return self->real->pMethods->xTruncate (self->real, size + header_size (self));
}

static int
crypt_sync (sqlite3_file *file,
            int           flags)
{
  CryptFile *self = (CryptFile *) file;

  return self->real->pMethods->xSync (self->real, flags);
}

static int
crypt_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  CryptFile *self = (CryptFile *) file;
  int rc = self->real->pMethods->xFileSize (self->real, size);

  if (rc == SQLITE_OK)
    *size = MAX (*size - header_size (self), 0);
  return rc;
}

static int
crypt_lock (sqlite3_file *file,
            int           level)
{
  CryptFile *self = (CryptFile *) file;

  return self->real->pMethods->xLock (self->real, level);
}

static int
crypt_unlock (sqlite3_file *file,
              int           level)
{
  CryptFile *self = (CryptFile *) file;

  return self->real->pMethods->xUnlock (self->real, level);
}

static int
crypt_check_reserved_lock (sqlite3_file *file,
                           int          *out)
{
  CryptFile *self = (CryptFile *) file;

  return self->real->pMethods->xCheckReservedLock (self->real, out);
}

static int
crypt_file_control (sqlite3_file *file,
                    int           op,
                    void         *argument)
{
  CryptFile *self = (CryptFile *) file;

  if (op == SQLITE_FCNTL_SIZE_HINT)
    {
      sqlite3_int64 size = *(sqlite3_int64 *) argument + header_size (self);

      return self->real->pMethods->xFileControl (self->real, op, &size);
    }
  return self->real->pMethods->xFileControl (self->real, op, argument);
}

static int
crypt_sector_size (sqlite3_file *file)
{
  CryptFile *self = (CryptFile *) file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
crypt_device_characteristics (sqlite3_file *file)
{
  CryptFile *self = (CryptFile *) file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

static int
crypt_shm_map (sqlite3_file  *file,
               int            region,
               int            size,
               int            extend,
               void volatile **memory)
{
  CryptFile *self = (CryptFile *) file;

  return self->real->pMethods->xShmMap (self->real, region, size, extend, memory);
}

static int
crypt_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  CryptFile *self = (CryptFile *) file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
crypt_shm_barrier (sqlite3_file *file)
{
  CryptFile *self = (CryptFile *) file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
crypt_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  CryptFile *self = (CryptFile *) file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

static const sqlite3_io_methods crypt_methods = {
  .iVersion = 2,
  .xClose = crypt_close,
  .xRead = crypt_read,
  .xWrite = crypt_write,
  .xTruncate = crypt_truncate,
  .xSync = crypt_sync,
  .xFileSize = crypt_file_size,
  .xLock = crypt_lock,
  .xUnlock = crypt_unlock,
  .xCheckReservedLock = crypt_check_reserved_lock,
  .xFileControl = crypt_file_control,
  .xSectorSize = crypt_sector_size,
  .xDeviceCharacteristics = crypt_device_characteristics,
  .xShmMap = crypt_shm_map,
  .xShmLock = crypt_shm_lock,
  .xShmBarrier = crypt_shm_barrier,
  .xShmUnmap = crypt_shm_unmap,
};

/* Temporary files, in memory */

static int
mem_close (sqlite3_file *file)
{
  MemFile *self = (MemFile *) file;

  g_clear_pointer (&self->data, g_free);
  return SQLITE_OK;
}

static int
mem_read (sqlite3_file  *file,
          void          *buffer,
          int            amount,
          sqlite3_int64  offset)
{
  MemFile *self = (MemFile *) file;
  gsize available = (gsize) offset < self->size ? self->size - offset : 0;
  gsize n = MIN ((gsize) amount, available);

  if (n > 0)
    memcpy (buffer, self->data + offset, n);
  if (n == (gsize) amount)
    return SQLITE_OK;
  memset ((guint8 *) buffer + n, 0, amount - n);
  return SQLITE_IOERR_SHORT_READ;
}

static int
mem_write (sqlite3_file  *file,
           const void    *buffer,
           int            amount,
           sqlite3_int64  offset)
{
  MemFile *self = (MemFile *) file;
  gsize end = offset + amount;

  if (end > self->capacity)
    {
      gsize capacity = MAX (MAX (end, 2 * self->capacity), 65536);
      guint8 *data = g_try_realloc (self->data, capacity);

      if (data == NULL)
        return SQLITE_IOERR_NOMEM;
      self->data = data;
      self->capacity = capacity;
    }
  if ((gsize) offset > self->size)
    memset (self->data + self->size, 0, offset - self->size);
  memcpy (self->data + offset, buffer, amount);
  self->size = MAX (self->size, end);
  return SQLITE_OK;
}

static int
mem_truncate (sqlite3_file  *file,
              sqlite3_int64  size)
{
  MemFile *self = (MemFile *) file;

  self->size = MIN (self->size, (gsize) size);
  return SQLITE_OK;
}

static int
mem_sync (sqlite3_file *file G_GNUC_UNUSED,
          int           flags G_GNUC_UNUSED)
{
  return SQLITE_OK;
}

static int
mem_file_size (sqlite3_file  *file,
               sqlite3_int64 *size)
{
  *size = ((MemFile *) file)->size;
  return SQLITE_OK;
}

static int
mem_lock (sqlite3_file *file G_GNUC_UNUSED,
          int           level G_GNUC_UNUSED)
{
  return SQLITE_OK;
}

static int
mem_check_reserved_lock (sqlite3_file *file G_GNUC_UNUSED,
                         int          *out)
{
  *out = 0;
  return SQLITE_OK;
}

static int
mem_file_control (sqlite3_file *file G_GNUC_UNUSED,
                  int           op G_GNUC_UNUSED,
                  void         *argument G_GNUC_UNUSED)
{
  return SQLITE_NOTFOUND;
}

static int
mem_sector_size (sqlite3_file *file G_GNUC_UNUSED)
{
  return 4096;
}

static int
mem_device_characteristics (sqlite3_file *file G_GNUC_UNUSED)
{
  return SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}

static const sqlite3_io_methods mem_methods = {
  .iVersion = 1,
  .xClose = mem_close,
  .xRead = mem_read,
  .xWrite = mem_write,
  .xTruncate = mem_truncate,
  .xSync = mem_sync,
  .xFileSize = mem_file_size,
  .xLock = mem_lock,
  .xUnlock = mem_lock,
  .xCheckReservedLock = mem_check_reserved_lock,
  .xFileControl = mem_file_control,
  .xSectorSize = mem_sector_size,
  .xDeviceCharacteristics = mem_device_characteristics,
};

/* Opening */

static int
open_main (CryptFile  *self,
           const char *name)
{
  guint8 salt[ESCALE_CRYPT_SALT_BYTES];
  sqlite3_int64 size = 0;
  int rc = self->real->pMethods->xFileSize (self->real, &size);

  if (rc != SQLITE_OK)
    return rc;
  if (size < HEADER ||
      real_read (self, self->header, sizeof self->header, 0) != SQLITE_OK ||
      !escale_crypt_db_header_decode (self->header, &self->page_size, salt))
    {
      sqlite3_log (SQLITE_NOTADB, "escale-crypt: %s has no encryption header", name);
      return SQLITE_NOTADB;
    }
  if ((self->key = escale_crypt_keys_lookup (salt)) == NULL)
    {
      sqlite3_log (SQLITE_AUTH, "escale-crypt: %s is locked", name);
      return SQLITE_AUTH;
    }
  self->name = name;
  g_mutex_lock (&mains_lock);
  mains = g_list_prepend (mains, self);
  g_mutex_unlock (&mains_lock);
  return SQLITE_OK;
}

/* A WAL or a journal takes the key of its database, open already. */
static int
open_beside_main (CryptFile  *self,
                  const char *name)
{
  const char *database = sqlite3_filename_database (name);

  g_mutex_lock (&mains_lock);
  for (GList *l = mains; l != NULL; l = l->next)
    {
      CryptFile *main_file = l->data;

      if (strcmp (main_file->name, database) == 0)
        {
          self->key = escale_crypt_key_ref (main_file->key);
          self->page_size = main_file->page_size;
          break;
        }
    }
  g_mutex_unlock (&mains_lock);
  if (self->key != NULL)
    return SQLITE_OK;
  sqlite3_log (SQLITE_CANTOPEN, "escale-crypt: %s is not beside an open database", name);
  return SQLITE_CANTOPEN;
}

static int
mem_open (sqlite3_file *file,
          int           flags,
          int          *out_flags)
{
  MemFile *self = (MemFile *) file;

  memset (self, 0, sizeof *self);
  self->base.pMethods = &mem_methods;
  if (out_flags != NULL)
    *out_flags = flags;
  return SQLITE_OK;
}

static int
crypt_open (sqlite3_vfs      *vfs G_GNUC_UNUSED,
            sqlite3_filename  name,
            sqlite3_file     *file,
            int               flags,
            int              *out_flags)
{
  CryptFile *self = (CryptFile *) file;
  int rc;

  if (name == NULL || (flags & TEMPORARY_FILES) != 0)
    return mem_open (file, flags, out_flags);

  memset (self, 0, sizeof *self);
  self->real = (sqlite3_file *) (self + 1);
  self->kind = (flags & SQLITE_OPEN_MAIN_DB) ? FILE_MAIN :
               (flags & SQLITE_OPEN_WAL) ? FILE_WAL :
               (flags & SQLITE_OPEN_MAIN_JOURNAL) ? FILE_JOURNAL : FILE_PLAIN;
  rc = base_vfs->xOpen (base_vfs, name, self->real, flags, out_flags);
  if (rc != SQLITE_OK)
    return rc;
  if (self->kind == FILE_MAIN)
    rc = open_main (self, name);
  else if (self->kind != FILE_PLAIN)
    rc = open_beside_main (self, name);
  if (rc != SQLITE_OK)
    {
      crypt_close (file);
      return rc;
    }
  if (self->kind != FILE_PLAIN)
    self->scratch = g_malloc (WAL_FRAME_HEADER + self->page_size);
  self->base.pMethods = &crypt_methods;
  return SQLITE_OK;
}

/* The rest of the VFS is the default one's */

static int
vfs_delete (sqlite3_vfs *vfs G_GNUC_UNUSED,
            const char  *name,
            int          sync_dir)
{
  return base_vfs->xDelete (base_vfs, name, sync_dir);
}

static int
vfs_access (sqlite3_vfs *vfs G_GNUC_UNUSED,
            const char  *name,
            int          flags,
            int         *out)
{
  return base_vfs->xAccess (base_vfs, name, flags, out);
}

static int
vfs_full_pathname (sqlite3_vfs *vfs G_GNUC_UNUSED,
                   const char  *name,
                   int          size,
                   char        *out)
{
  return base_vfs->xFullPathname (base_vfs, name, size, out);
}

static void *
vfs_dl_open (sqlite3_vfs *vfs G_GNUC_UNUSED,
             const char  *name)
{
  return base_vfs->xDlOpen (base_vfs, name);
}

static void
vfs_dl_error (sqlite3_vfs *vfs G_GNUC_UNUSED,
              int          size,
              char        *message)
{
  base_vfs->xDlError (base_vfs, size, message);
}

static void
(*vfs_dl_sym (sqlite3_vfs *vfs G_GNUC_UNUSED,
              void        *library,
              const char  *symbol)) (void)
{
  return base_vfs->xDlSym (base_vfs, library, symbol);
}

static void
vfs_dl_close (sqlite3_vfs *vfs G_GNUC_UNUSED,
              void        *library)
{
  base_vfs->xDlClose (base_vfs, library);
}

static int
vfs_randomness (sqlite3_vfs *vfs G_GNUC_UNUSED,
                int          size,
                char        *out)
{
  return base_vfs->xRandomness (base_vfs, size, out);
}

static int
vfs_sleep (sqlite3_vfs *vfs G_GNUC_UNUSED,
           int          microseconds)
{
  return base_vfs->xSleep (base_vfs, microseconds);
}

static int
vfs_current_time (sqlite3_vfs *vfs G_GNUC_UNUSED,
                  double      *out)
{
  return base_vfs->xCurrentTime (base_vfs, out);
}

static int
vfs_get_last_error (sqlite3_vfs *vfs G_GNUC_UNUSED,
                    int          size,
                    char        *out)
{
  return base_vfs->xGetLastError (base_vfs, size, out);
}

static int
vfs_current_time_int64 (sqlite3_vfs   *vfs G_GNUC_UNUSED,
                        sqlite3_int64 *out)
{
  return base_vfs->xCurrentTimeInt64 (base_vfs, out);
}

static sqlite3_vfs crypt_vfs = {
  .iVersion = 2,
  .zName = ESCALE_CRYPT_VFS_NAME,
  .xOpen = crypt_open,
  .xDelete = vfs_delete,
  .xAccess = vfs_access,
  .xFullPathname = vfs_full_pathname,
  .xDlOpen = vfs_dl_open,
  .xDlError = vfs_dl_error,
  .xDlSym = vfs_dl_sym,
  .xDlClose = vfs_dl_close,
  .xRandomness = vfs_randomness,
  .xSleep = vfs_sleep,
  .xCurrentTime = vfs_current_time,
  .xGetLastError = vfs_get_last_error,
  .xCurrentTimeInt64 = vfs_current_time_int64,
};

/* Registers the VFS over the default one, once; returns an SQLite code. */
int
escale_crypt_vfs_register (void)
{
  static gsize done;
  static int rc;

  if (g_once_init_enter (&done))
    {
      base_vfs = sqlite3_vfs_find (NULL);
      if (base_vfs == NULL || base_vfs->iVersion < 2)
        rc = SQLITE_ERROR;
      else
        {
          crypt_vfs.mxPathname = base_vfs->mxPathname;
          crypt_vfs.szOsFile = MAX ((int) sizeof (CryptFile) + base_vfs->szOsFile,
                                    (int) sizeof (MemFile));
          rc = sqlite3_vfs_register (&crypt_vfs, 0);
        }
      g_once_init_leave (&done, 1);
    }
  return rc;
}

/* The name of the default VFS, for a plain database opened by URI. */
const char *
escale_crypt_vfs_base_name (void)
{
  return base_vfs->zName;
}

/**
 * escale_crypt_vfs_get_key:
 * @header: (out caller-allocates): ESCALE_CRYPT_HEADER_SIZE bytes for the
 *   header of the main file, the rest zeros
 *
 * Returns: (transfer full) (nullable): the key of @db's main file, or %NULL
 *   when it is not an encrypted one
 */
EscaleCryptKey *
escale_crypt_vfs_get_key (sqlite3 *db,
                          guint8  *header)
{
  sqlite3_file *file = NULL;
  CryptFile *self;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods != &crypt_methods)
    return NULL;
  self = (CryptFile *) file;
  memset (header, 0, HEADER);
  memcpy (header, self->header, sizeof self->header);
  return escale_crypt_key_ref (self->key);
}
