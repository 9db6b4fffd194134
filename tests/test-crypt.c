/* test-crypt.c — the database encrypted at rest, and encrypted backups
 *
 * Known answers of the page sealing (computed once, independently, with a
 * Python HChaCha20 and the cryptography package's ChaCha20-Poly1305); real
 * encrypted databases whose files are searched for the people's names;
 * bits flipped and pages swapped in the main file, the WAL and backups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "escale-crypt-private.h"
#include "escale-person-list.h"
#include "escale-person-store.h"
#include "escale-schema.h"
#include "escale-search.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

#define PASSPHRASE  "correct horse battery staple"
#define FAMILY      "Quillfeatherby"
#define N_PEOPLE    300
#define KAT_SIZE    512

/* Helpers */

/* Asserts that @ok, showing @error if not. */
#define escale_test_ok(ok, error) G_STMT_START { \
    gboolean ok_ = (ok); \
    g_assert_no_error (error); \
    g_assert_true (ok_); \
  } G_STMT_END

static char *
new_path (const char *name)
{
  return escale_test_tmp_path (name);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autoptr(GBytes) bytes = read_file (path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return memmem (data, length, needle, strlen (needle)) != NULL;
}

/* Whether any form of the people's family name is in @path. */
static gboolean
has_names (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (FAMILY, -1);
  g_autofree char *upper = g_ascii_strup (FAMILY, -1);

  return file_contains (path, FAMILY) || file_contains (path, lower) ||
         file_contains (path, upper) || file_contains (path, "eatherb");
}

static void
write_file (const char *path,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Flips one bit of @path at @offset, in place (the file's inode stays). */
static void
flip_bit (const char *path,
          goffset     offset)
{
  FILE *file = g_fopen (path, "r+b");
  int c;

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  c = fgetc (file);
  g_assert_cmpint (c, !=, EOF);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  fputc (c ^ 0x10, file);
  fclose (file);
}

static goffset
file_size (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_size;
}

static void
add_people (EscaleStore *store,
            guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *family = g_strdup_printf ("%s%04u", FAMILY, i);

      escale_test_add_person (store, family, "Zenobia", "1980-02-03");
    }
}

static gint64
count_people (EscaleStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, "SELECT count(*) FROM person",
                                                       NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static guint
search_count (EscaleStore *store,
              const char  *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = escale_store_search_people (store, query, NULL, 0, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* A new encrypted database of @n people, closed. */
static char *
make_encrypted (guint n)
{
  g_autoptr(GError) error = NULL;
  char *path = new_path ("secret.db");
  g_autoptr(EscaleStore) store = escale_store_open_encrypted (path, PASSPHRASE, &error);

  g_assert_no_error (error);
  add_people (store, n);
  return path;
}

/* Runs @sql on @path through the VFS (unlocked already) with its own
 * connection; returns SQLite's extended code. */
static int
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, ESCALE_CRYPT_VFS_NAME),
                   ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, 1);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

/* Checks @path through the VFS: "ok", the problems SQLite found, or the
 * error that stopped it, as "error N" (N its extended code). */
static char *
integrity_check (const char *path)
{
  g_autoptr(GString) result = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, ESCALE_CRYPT_VFS_NAME),
                   ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, 1);
  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (result, (const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    g_string_append_printf (result, "error %d", sqlite3_extended_errcode (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* Whether the integrity check of @path met a page it could not read: one
 * that fails its tag (SQLITE_IOERR_DATA, 8202), reported with its code,
 * or, for an overflow page, as "failed to get page". */
static gboolean
is_refused (const char *path)
{
  g_autofree char *result = integrity_check (path);

  g_test_message ("integrity check: %s", result);
  return strstr (result, "error 8202") != NULL || strstr (result, "error code=8202") != NULL ||
         strstr (result, "failed to get page") != NULL;
}

/* Known answers */

static void
make_kat_page (guint8 *page)
{
  for (guint i = 0; i < KAT_SIZE; i++)
    page[i] = i < KAT_SIZE - ESCALE_CRYPT_RESERVED ? (i * 31 + 7) & 0xff : 0;
}

static char *
to_hex (const guint8 *bytes,
        gsize         length)
{
  GString *hex = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

static char *
blake2b_hex (const guint8 *bytes,
             gsize         length)
{
  guint8 hash[32];

  crypto_generichash (hash, sizeof hash, bytes, length, NULL, 0);
  return to_hex (hash, sizeof hash);
}

typedef struct
{
  EscaleCryptPageKind kind;
  guint32             page_number;
  gboolean            wal;
  const char         *ciphertext_start;  /* 16 bytes */
  const char         *tag;
  const char         *blake2b;           /* of the sealed page */
} Kat;

static const Kat kats[] = {
  { ESCALE_CRYPT_PAGE_DATABASE, 7, FALSE, "d31f40145342b8f670eabae2d406dc4a",
    "a963a415c7f925edf21074b75958cdb1",
    "e9d8aaee85a6688dc968d575866066bfd927735fe9f3a13ebe69160e165eaa59" },
  { ESCALE_CRYPT_PAGE_WAL, 3, TRUE, "d31f40145342b8f670eabae2d406dc4a",
    "ab62f73f66a54ce194ed82c661e6d5aa",
    "4cc99e0fd4529e604e15c34c109446d803fc089773fd1c0e0ea67c4090e03cb1" },
};

static void
test_page_known_answers (void)
{
  guint8 key[32], nonce[24], salts[8];

  for (guint i = 0; i < 32; i++)
    key[i] = i;
  for (guint i = 0; i < 24; i++)
    nonce[i] = 0x40 + i;
  for (guint i = 0; i < 8; i++)
    salts[i] = 0xa0 + i;

  for (guint k = 0; k < G_N_ELEMENTS (kats); k++)
    {
      const Kat *kat = &kats[k];
      const guint8 *wal_salts = kat->wal ? salts : NULL;
      guint8 plain[KAT_SIZE], page[KAT_SIZE], other[KAT_SIZE];
      g_autofree char *start = NULL;
      g_autofree char *tag = NULL;
      g_autofree char *hash = NULL;

      make_kat_page (plain);
      memcpy (page, plain, sizeof page);
      escale_crypt_seal_page (key, kat->kind, kat->page_number, wal_salts, nonce, page, KAT_SIZE);
      start = to_hex (page, 16);
      tag = to_hex (page + KAT_SIZE - 16, 16);
      hash = blake2b_hex (page, KAT_SIZE);
      g_assert_cmpstr (start, ==, kat->ciphertext_start);
      g_assert_cmpstr (tag, ==, kat->tag);
      g_assert_cmpstr (hash, ==, kat->blake2b);
      g_assert_cmpmem (page + KAT_SIZE - ESCALE_CRYPT_RESERVED, 24, nonce, 24);

      /* Opens back to the page, its reserved bytes zeroed… */
      memcpy (other, page, sizeof page);
      g_assert_true (escale_crypt_open_page (key, kat->kind, kat->page_number, wal_salts,
                                             other, KAT_SIZE));
      g_assert_cmpmem (other, KAT_SIZE, plain, KAT_SIZE);
      /* …but not as another page, another kind, with other salts, or with
       * any bit flipped (in the text, the nonce or the tag). */
      memcpy (other, page, sizeof page);
      g_assert_false (escale_crypt_open_page (key, kat->kind, kat->page_number + 1, wal_salts,
                                              other, KAT_SIZE));
      memcpy (other, page, sizeof page);
      g_assert_false (escale_crypt_open_page (key, ESCALE_CRYPT_PAGE_JOURNAL, kat->page_number,
                                              wal_salts, other, KAT_SIZE));
      memcpy (other, page, sizeof page);
      g_assert_false (escale_crypt_open_page (key, kat->kind, kat->page_number,
                                              kat->wal ? NULL : salts, other, KAT_SIZE));
      for (guint offset = 0; offset < KAT_SIZE; offset += 37)
        {
          memcpy (other, page, sizeof page);
          other[offset] ^= 1;
          g_assert_false (escale_crypt_open_page (key, kat->kind, kat->page_number, wal_salts,
                                                  other, KAT_SIZE));
        }
    }
}

/* Random nonces: the same page sealed twice differs entirely. */
static void
test_page_random_nonces (void)
{
  guint8 key[32] = { 0, };
  guint8 a[KAT_SIZE], b[KAT_SIZE];

  make_kat_page (a);
  make_kat_page (b);
  escale_crypt_seal_page (key, ESCALE_CRYPT_PAGE_DATABASE, 1, NULL, NULL, a, KAT_SIZE);
  escale_crypt_seal_page (key, ESCALE_CRYPT_PAGE_DATABASE, 1, NULL, NULL, b, KAT_SIZE);
  g_assert_true (memcmp (a, b, 16) != 0);
  g_assert_true (memcmp (a + KAT_SIZE - 40, b + KAT_SIZE - 40, 24) != 0);
}

/* Databases */

static void
test_store_no_plaintext (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ("secret.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(EscaleStore) store = escale_store_open_encrypted (path, PASSPHRASE, &error);
  guint8 header[16];

  g_assert_no_error (error);
  g_assert_true (escale_crypt_is_encrypted (path));
  add_people (store, N_PEOPLE);
  g_assert_cmpint (count_people (store), ==, N_PEOPLE);

  /* While it is open, the pages are in the WAL: not one name. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_size (wal), >, 100000);
  g_assert_false (has_names (wal));
  g_assert_false (has_names (path));

  /* The full-text search works on the encrypted pages. */
  g_assert_cmpuint (search_count (store, FAMILY "0042"), ==, 1);
  g_assert_cmpuint (search_count (store, "quillfeath"), ==, N_PEOPLE);

  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_size (path), >, 200000);
  g_assert_false (has_names (path));
  g_assert_false (file_contains (path, "SQLite format 3"));
  g_assert_false (file_contains (path, "CREATE TABLE"));
  g_assert_true (escale_crypt_read_header (path, header, sizeof header, NULL));
  g_assert_cmpmem (header, 15, "Escale crypt DB", 15);
  /* The pages follow the header, whole. */
  g_assert_cmpint ((file_size (path) - ESCALE_CRYPT_HEADER_SIZE) % ESCALE_CRYPT_PAGE_SIZE, ==, 0);
}

/* The People list searches the rest of a broad query in a worker thread,
 * on a connection of its own: it opens the encrypted file by itself. */
static void
test_store_person_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ("secret.db");
  g_autoptr(EscaleStore) store = escale_store_open_encrypted (path, PASSPHRASE, &error);
  g_autoptr(EscalePersonList) list = NULL;
  gint64 deadline;

  g_assert_no_error (error);
  g_assert_true (escale_store_begin (store, &error));
  add_people (store, 1500);
  g_assert_true (escale_store_commit (store, &error));

  list = escale_person_list_new (store);
  escale_person_list_set_query (list, "quillfeath");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1024);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!escale_person_list_is_complete (list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (escale_person_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1500);
}

static void
test_store_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_encrypted (20);
  g_autoptr(EscaleStore) store = NULL;

  /* The key is kept: the store (and its search workers) open it again. */
  store = escale_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_people (store), ==, 20);
  g_clear_object (&store);

  /* Forgotten: the passphrase is needed. */
  escale_crypt_forget (path);
  store = escale_store_open (path, &error);
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_LOCKED);
  g_assert_null (store);
  g_clear_error (&error);

  store = escale_store_open_encrypted (path, "wrong horse", &error);
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_assert_cmpstr (error->message, ==, "Wrong passphrase");
  g_assert_null (store);
  g_clear_error (&error);
  store = escale_store_open (path, &error);
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_LOCKED);
  g_clear_error (&error);

  store = escale_store_open_encrypted (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_people (store), ==, 20);
  g_assert_cmpuint (search_count (store, FAMILY "0007"), ==, 1);
}

static void
test_store_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = new_path ("plain.db");
  g_autofree char *junk = new_path ("junk.db");
  g_autoptr(EscaleStore) store = escale_store_open (plain, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_false (escale_crypt_is_encrypted (plain));
  /* A plain database is converted on request, not opened as encrypted. */
  g_assert_false (escale_crypt_unlock (plain, PASSPHRASE, &error));
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (escale_crypt_unlock (plain, "", &error));
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (junk, "Escale crypt DB\0 but nothing else", 33, NULL));
  g_assert_false (escale_crypt_unlock (junk, PASSPHRASE, &error));
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_DAMAGED);
}

/* A flipped bit in the main file: an error, never data. */
static void
test_tamper_main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_encrypted (N_PEOPLE);
  g_autoptr(GBytes) intact = read_file (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  goffset size = file_size (path);
  guint n_pages = (size - ESCALE_CRYPT_HEADER_SIZE) / ESCALE_CRYPT_PAGE_SIZE;

  /* Every page in use, read by the integrity check. */
  g_assert_cmpint (raw_exec (path, "VACUUM"), ==, SQLITE_OK);
  g_clear_pointer (&intact, g_bytes_unref);
  intact = read_file (path);
  size = file_size (path);
  n_pages = (size - ESCALE_CRYPT_HEADER_SIZE) / ESCALE_CRYPT_PAGE_SIZE;
  {
    g_autofree char *result = integrity_check (path);

    g_assert_cmpstr (result, ==, "ok");
  }
  /* In the text of a page, in its nonce, in its tag; the header's check
   * value is tested by the wrong passphrase. */
  for (guint i = 0; i < 3; i++)
    {
      guint page = 1 + g_test_rand_int_range (1, n_pages);
      goffset offsets[] = { 100, ESCALE_CRYPT_PAGE_SIZE - 30, ESCALE_CRYPT_PAGE_SIZE - 5 };
      goffset at = ESCALE_CRYPT_HEADER_SIZE + (goffset) (page - 1) * ESCALE_CRYPT_PAGE_SIZE +
                   offsets[i];

      write_file (path, intact);
      flip_bit (path, at);
      g_assert_true (is_refused (path));
    }

  /* Page 1 too, and through the store, with a clear message. */
  write_file (path, intact);
  flip_bit (path, ESCALE_CRYPT_HEADER_SIZE + 50);
  g_assert_null (escale_store_open (path, &error));
  g_assert_true (error->domain == ESCALE_STORE_ERROR);
  g_clear_error (&error);

  /* The last page: the store refuses to open, or its check fails. */
  write_file (path, intact);
  flip_bit (path, size - 1000);
  {
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);

    if (store != NULL && escale_store_check (store, problems, &error))
      g_assert_cmpuint (problems->len, >, 0);
    else
      {
        g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED);
        g_assert_nonnull (strstr (error->message, "damaged or was altered"));
      }
  }
}

/* Two pages swapped (each intact): detected. */
static void
test_tamper_swap (void)
{
  g_autofree char *path = make_encrypted (N_PEOPLE);
  g_autoptr(GBytes) intact = read_file (path);
  gsize length;
  const guint8 *data = g_bytes_get_data (intact, &length);
  g_autofree guint8 *swapped = g_memdup2 (data, length);
  guint8 *a = swapped + ESCALE_CRYPT_HEADER_SIZE + 2 * ESCALE_CRYPT_PAGE_SIZE;
  guint8 *b = swapped + ESCALE_CRYPT_HEADER_SIZE + 5 * ESCALE_CRYPT_PAGE_SIZE;
  g_autoptr(GBytes) bytes = NULL;

  memcpy (a, data + ESCALE_CRYPT_HEADER_SIZE + 5 * ESCALE_CRYPT_PAGE_SIZE, ESCALE_CRYPT_PAGE_SIZE);
  memcpy (b, data + ESCALE_CRYPT_HEADER_SIZE + 2 * ESCALE_CRYPT_PAGE_SIZE, ESCALE_CRYPT_PAGE_SIZE);
  bytes = g_bytes_new (swapped, length);
  write_file (path, bytes);
  g_assert_true (is_refused (path));
}

/* The main file cut short by a page: SQLite finds it malformed. */
static void
test_tamper_truncate (void)
{
  g_autofree char *path = make_encrypted (N_PEOPLE);
  g_autofree char *result = NULL;

  g_assert_cmpint (raw_exec (path, "VACUUM"), ==, SQLITE_OK);
  g_assert_cmpint (truncate (path, file_size (path) - ESCALE_CRYPT_PAGE_SIZE), ==, 0);
  result = integrity_check (path);
  g_test_message ("integrity check: %s", result);
  g_assert_cmpstr (result, !=, "ok");
}

/* The log: its frames hold pages too. */
static void
test_tamper_wal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ("secret.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(EscaleStore) store = escale_store_open_encrypted (path, PASSPHRASE, &error);
  goffset frames;

  g_assert_no_error (error);
  add_people (store, N_PEOPLE);
  {
    g_autofree char *result = integrity_check (path);

    g_assert_cmpstr (result, ==, "ok");
  }

  /* A bit flipped in the page of each frame (the log may have restarted
   * after a checkpoint: its last frames are not always its newest); another
   * connection reads the newest through the shared index. */
  frames = (file_size (wal) - 32) / (24 + ESCALE_CRYPT_PAGE_SIZE);
  g_assert_cmpint (frames, >, 10);
  for (goffset i = 0; i < frames; i++)
    flip_bit (wal, 32 + i * (24 + ESCALE_CRYPT_PAGE_SIZE) + 24 + 200);
  g_assert_true (is_refused (path));
}

/* After a crash, the log is recovered through the VFS: its frames' SQLite
 * checksums hold over the pages as they open. */
static void
test_wal_recovery (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ("secret.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy = new_path ("crashed.db");
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autoptr(EscaleStore) store = escale_store_open_encrypted (path, PASSPHRASE, &error);
  g_autoptr(EscaleStore) recovered = NULL;
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GBytes) wal_bytes = NULL;

  g_assert_no_error (error);
  add_people (store, 50);
  escale_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error);
  g_assert_no_error (error);
  add_people (store, 10);
  /* The files as a power cut leaves them: the last people only in the log. */
  db_bytes = read_file (path);
  wal_bytes = read_file (wal);
  g_assert_cmpint (g_bytes_get_size (wal_bytes), >, 0);
  write_file (copy, db_bytes);
  write_file (copy_wal, wal_bytes);

  recovered = escale_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_people (recovered), ==, 60);
  g_clear_object (&recovered);

  /* A frame altered: the log ends before it, as after a torn write; its
   * page is never read as data. */
  write_file (copy, db_bytes);
  write_file (copy_wal, wal_bytes);
  flip_bit (copy_wal, 32 + 24 + 300);
  recovered = escale_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_people (recovered), ==, 50);
}

/* A rollback journal's pages are sealed too, and roll back. */
static void
test_journal (void)
{
  g_autofree char *path = make_encrypted (N_PEOPLE);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GBytes) copy = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, ESCALE_CRYPT_VFS_NAME),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; BEGIN;"
                                 "UPDATE person SET family_name = 'X' || family_name;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  /* Force the changed pages to the file: the journal holds the old ones. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA cache_size = 1; "
                                 "UPDATE person SET given_names = 'Y' || given_names",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_size (journal), >, 10 * ESCALE_CRYPT_PAGE_SIZE);
  g_assert_false (has_names (journal));
  g_assert_false (has_names (path));
  copy = read_file (journal);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (search_count (store, FAMILY "0001"), ==, 1);
    g_assert_cmpint (count_people (store), ==, N_PEOPLE);
  }
  {
    g_autofree char *result = integrity_check (path);

    g_assert_cmpstr (result, ==, "ok");
  }
}

/* Converting */

static void
test_encrypt_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ("plain.db");
  g_autoptr(EscaleStore) store = escale_store_open (path, &error);

  g_assert_no_error (error);
  add_people (store, N_PEOPLE);
  g_clear_object (&store);
  g_assert_true (has_names (path));

  escale_test_ok (escale_crypt_encrypt_file (path, PASSPHRASE, &error), error);
  g_assert_true (escale_crypt_is_encrypted (path));
  g_assert_false (has_names (path));
  g_assert_false (escale_crypt_encrypt_file (path, PASSPHRASE, &error));
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED);
  g_clear_error (&error);

  escale_crypt_forget (path);
  store = escale_store_open_encrypted (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_people (store), ==, N_PEOPLE);
  g_assert_cmpuint (search_count (store, FAMILY "0123"), ==, 1);
  add_people (store, 1);
  g_clear_object (&store);
  g_assert_false (has_names (path));

  /* And back. */
  escale_test_ok (escale_crypt_encrypt_file (path, NULL, &error), error);
  g_assert_false (escale_crypt_is_encrypted (path));
  g_assert_true (has_names (path));
  store = escale_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_people (store), ==, N_PEOPLE + 1);
}

static void
test_change_passphrase (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_encrypted (N_PEOPLE);
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(EscaleStore) store = NULL;

  g_assert_false (escale_crypt_change_passphrase (path, "wrong", "new one", &error));
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  {
    g_autoptr(GBytes) after = read_file (path);

    g_assert_true (g_bytes_equal (before, after));
  }

  escale_test_ok (escale_crypt_change_passphrase (path, PASSPHRASE, "new one", &error), error);
  g_assert_false (has_names (path));
  /* Every page sealed again: no page of the old file is left. */
  {
    g_autoptr(GBytes) after = read_file (path);
    const guint8 *old = g_bytes_get_data (before, NULL);
    const guint8 *new = g_bytes_get_data (after, NULL);
    gsize n = MIN (g_bytes_get_size (before), g_bytes_get_size (after));

    for (gsize at = ESCALE_CRYPT_HEADER_SIZE; at + 64 <= n; at += ESCALE_CRYPT_PAGE_SIZE)
      g_assert_true (memcmp (old + at, new + at, 64) != 0);
  }

  escale_crypt_forget (NULL);
  store = escale_store_open_encrypted (path, PASSPHRASE, &error);
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  store = escale_store_open_encrypted (path, "new one", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_people (store), ==, N_PEOPLE);
}

/* The store's backup before a migration is encrypted like the database. */
static void
test_migration_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ("old.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GDir) folder = NULL;
  g_autofree char *backup = NULL;
  int n_migrations;
  const char *const *migrations = escale_schema_get_migrations (&n_migrations);
  const char *name;

  g_assert_true (escale_crypt_unlock (path, PASSPHRASE, &error));
  store = escale_store_open_with_schema (path, migrations, n_migrations - 1, &error);
  g_assert_no_error (error);
  escale_test_exec_printf (store, "CREATE TABLE marker (name TEXT); "
                           "INSERT INTO marker VALUES ('%s')", FAMILY);
  g_clear_object (&store);

  store = escale_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (escale_store_get_schema_version (store), ==, n_migrations);
  g_clear_object (&store);

  folder = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, base) && g_str_has_suffix (name, ".bak"))
      backup = g_build_filename (dir, name, NULL);
  g_assert_nonnull (backup);
  g_assert_true (escale_crypt_is_encrypted (backup));
  g_assert_false (has_names (backup));
  escale_crypt_forget (NULL);
  store = escale_store_open_encrypted (backup, "wrong", &error);
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (escale_crypt_unlock (backup, PASSPHRASE, &error));
  g_assert_cmpint (raw_exec (backup, "SELECT * FROM marker"), ==, SQLITE_OK);
}

/* Backups */

static void
test_backup_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_encrypted (N_PEOPLE);
  g_autofree char *backup = new_path ("escale.backup");
  g_autofree char *restored = new_path ("restored.db");
  g_autoptr(EscaleStore) store = NULL;

  /* A backup of an open database. */
  store = escale_store_open (path, &error);
  g_assert_no_error (error);
  add_people (store, 1);
  escale_test_ok (escale_crypt_backup (path, PASSPHRASE, backup, &error), error);
  g_assert_false (has_names (backup));
  g_assert_false (file_contains (backup, "SQLite format 3"));
  g_assert_true (file_contains (backup, "Escale backup"));

  /* Nothing left beside it. */
  {
    g_autofree char *dir = g_path_get_dirname (backup);
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (folder)) != NULL)
      g_assert_false (strstr (name, "escale.backup.") != NULL);
  }

  escale_test_ok (escale_crypt_restore (backup, PASSPHRASE, restored, &error), error);
  g_assert_true (escale_crypt_is_encrypted (restored));
  g_assert_false (has_names (restored));
  escale_crypt_forget (NULL);
  g_clear_object (&store);
  store = escale_store_open_encrypted (restored, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_people (store), ==, N_PEOPLE + 1);
  g_assert_cmpuint (search_count (store, FAMILY "0299"), ==, 1);
}

static void
test_backup_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_encrypted (N_PEOPLE);
  g_autofree char *backup = new_path ("escale.backup");
  g_autofree char *target = new_path ("target.db");
  g_autoptr(GBytes) intact = NULL;
  g_autoptr(GBytes) target_before = NULL;
  gsize length;

  /* The database's own passphrase seals its backups. */
  g_assert_false (escale_crypt_backup (path, "wrong", backup, &error));
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  escale_test_ok (escale_crypt_backup (path, PASSPHRASE, backup, &error), error);
  intact = read_file (backup);
  length = g_bytes_get_size (intact);

  /* A database the restore must not touch. */
  {
    g_autoptr(EscaleStore) store = escale_store_open (target, &error);

    g_assert_no_error (error);
    escale_test_add_person (store, "Untouched", "Uma", NULL);
  }
  target_before = read_file (target);

  g_assert_false (escale_crypt_restore (backup, "wrong", target, &error));
  g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_assert_cmpstr (error->message, ==, "Wrong passphrase");
  g_clear_error (&error);

  /* A flipped bit in the header, the stream's header, the first page, a page
   * in the middle, the last tag; the backup cut short; a byte added. */
  {
    goffset offsets[] = { 30, 100, 130, length / 2, length - 3 };

    for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
      {
        write_file (backup, intact);
        flip_bit (backup, offsets[i]);
        g_assert_false (escale_crypt_restore (backup, PASSPHRASE, target, &error));
        g_assert_true (g_error_matches (error, ESCALE_CRYPT_ERROR,
                                        ESCALE_CRYPT_ERROR_DAMAGED) ||
                       (offsets[i] < 96 && g_error_matches (error, ESCALE_CRYPT_ERROR,
                                                            ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE)));
        g_clear_error (&error);
      }
  }
  {
    gsize message = ESCALE_CRYPT_PAGE_SIZE + crypto_secretstream_xchacha20poly1305_ABYTES;
    g_autoptr(GBytes) cut = g_bytes_new_from_bytes (intact, 0, length - message);
    g_autoptr(GByteArray) longer = g_byte_array_new ();
    g_autoptr(GBytes) added = NULL;

    write_file (backup, cut);
    g_assert_false (escale_crypt_restore (backup, PASSPHRASE, target, &error));
    g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_DAMAGED);
    g_clear_error (&error);

    g_byte_array_append (longer, g_bytes_get_data (intact, NULL), length);
    g_byte_array_append (longer, (const guint8 *) "x", 1);
    added = g_byte_array_free_to_bytes (g_steal_pointer (&longer));
    write_file (backup, added);
    g_assert_false (escale_crypt_restore (backup, PASSPHRASE, target, &error));
    g_assert_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_DAMAGED);
    g_clear_error (&error);
  }

  /* The database as it was, and no half-restored file beside it. */
  {
    g_autoptr(GBytes) target_after = read_file (target);
    g_autofree char *dir = g_path_get_dirname (target);
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    const char *name;

    g_assert_true (g_bytes_equal (target_before, target_after));
    while ((name = g_dir_read_name (folder)) != NULL)
      g_assert_null (strstr (name, "restoring"));
  }

  /* The intact backup restores over it. */
  write_file (backup, intact);
  escale_test_ok (escale_crypt_restore (backup, PASSPHRASE, target, &error), error);
  {
    g_autoptr(EscaleStore) store = escale_store_open (target, &error);

    g_assert_no_error (error);
    g_assert_cmpint (count_people (store), ==, N_PEOPLE);
  }
}

/* A plain database's backup is encrypted too, and restores plain. */
static void
test_backup_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ("plain.db");
  g_autofree char *backup = new_path ("plain.backup");
  g_autofree char *restored = new_path ("restored.db");
  g_autoptr(EscaleStore) store = escale_store_open (path, &error);

  g_assert_no_error (error);
  add_people (store, N_PEOPLE);
  escale_test_ok (escale_crypt_backup (path, PASSPHRASE, backup, &error), error);
  g_assert_false (has_names (backup));
  escale_test_ok (escale_crypt_restore (backup, PASSPHRASE, restored, &error), error);
  g_assert_false (escale_crypt_is_encrypted (restored));
  g_clear_object (&store);
  store = escale_store_open (restored, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_people (store), ==, N_PEOPLE);
}

/* The real cost of Argon2id (the tests use the cheapest). */
static void
test_unlock_time (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ("slow.db");
  guint8 header[ESCALE_CRYPT_HEADER_USED];
  EscaleCryptKdf kdf;
  gint64 start;
  double seconds;

  escale_crypt_set_kdf_limits (crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE);
  g_assert_true (escale_crypt_unlock (path, PASSPHRASE, &error));
  escale_crypt_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  g_assert_true (escale_crypt_read_header (path, header, sizeof header, NULL));
  g_assert_true (escale_crypt_kdf_decode (header, &kdf));
  g_assert_cmpuint (kdf.opslimit, ==, crypto_pwhash_OPSLIMIT_MODERATE);
  g_assert_cmpuint (kdf.memlimit, ==, crypto_pwhash_MEMLIMIT_MODERATE);

  escale_crypt_forget (path);
  start = g_get_monotonic_time ();
  g_assert_true (escale_crypt_unlock (path, PASSPHRASE, &error));
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("unlocking with Argon2id (opslimit %u, memlimit %u MiB): %.3f s",
                  (guint) kdf.opslimit, (guint) (kdf.memlimit >> 20), seconds);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  int result;

  escale_test_init (&argc, &argv);
  g_assert_true (escale_crypt_register (NULL));
  escale_crypt_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);

  g_test_add_func ("/crypt/page/known-answers", test_page_known_answers);
  g_test_add_func ("/crypt/page/random-nonces", test_page_random_nonces);
  g_test_add_func ("/crypt/store/no-plaintext", test_store_no_plaintext);
  g_test_add_func ("/crypt/store/person-list", test_store_person_list);
  g_test_add_func ("/crypt/store/reopen", test_store_reopen);
  g_test_add_func ("/crypt/store/refusals", test_store_refusals);
  g_test_add_func ("/crypt/tamper/main", test_tamper_main);
  g_test_add_func ("/crypt/tamper/swap", test_tamper_swap);
  g_test_add_func ("/crypt/tamper/truncate", test_tamper_truncate);
  g_test_add_func ("/crypt/tamper/wal", test_tamper_wal);
  g_test_add_func ("/crypt/wal-recovery", test_wal_recovery);
  g_test_add_func ("/crypt/journal", test_journal);
  g_test_add_func ("/crypt/encrypt-file", test_encrypt_file);
  g_test_add_func ("/crypt/change-passphrase", test_change_passphrase);
  g_test_add_func ("/crypt/migration-backup", test_migration_backup);
  g_test_add_func ("/crypt/backup/round-trip", test_backup_round_trip);
  g_test_add_func ("/crypt/backup/refusals", test_backup_refusals);
  g_test_add_func ("/crypt/backup/plain", test_backup_plain);
  g_test_add_func ("/crypt/unlock-time", test_unlock_time);

  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
