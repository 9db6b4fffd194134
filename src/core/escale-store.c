/* escale-store.c — the database: open, migrate, transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "escale-account.h"
#include "escale-audit.h"
#include "escale-crypt-private.h"
#include "escale-schema.h"
#include "escale-util.h"
#include "escale-store-private.h"
#include "escale-vocab.h"

struct _EscaleStore
{
  GObject   parent_instance;

  sqlite3  *db;
  char     *path;
  char     *user;
  int       version;
  int       tx_depth;
  const char *const *migrations;  /* the schema: migration n is migrations[n - 1] */
  int       n_migrations;
  gboolean  batch;         /* nested writes join the transaction, see escale_store_begin_batch() */
  gboolean  batch_failed;
  GHashTable *statements;  /* SQL text → sqlite3_stmt, see escale_store_cached() */
  EscaleAccount *account;  /* logged in, see escale-account.c; NULL for the system */
  EscaleRole  role;
  GDateTime  *clock;       /* escale_store_set_now_for_tests(), or NULL */
};

G_DEFINE_FINAL_TYPE (EscaleStore, escale_store, G_TYPE_OBJECT)

/* The page cache, in kB: small, as memory must not grow with the database. */
#define CACHE_KB 4000
#define BATCH_CACHE_KB 64000

G_DEFINE_QUARK (escale-store-error-quark, escale_store_error)

static gboolean
read_user_version (EscaleStore  *self,
                   int          *version,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (self, "PRAGMA user_version", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      escale_store_set_sql_error (self, error);
      return FALSE;
    }
  *version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
backup_before_migration (EscaleStore  *self,
                         int           from_version,
                         GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.v%d-%s.bak", self->path, from_version, stamp);
  g_autoptr(GError) local_error = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  /* An encrypted database's backup is encrypted under the same key. */
  if (escale_crypt_is_encrypted (self->path))
    {
      if (escale_crypt_copy (self->db, target, &local_error))
        return TRUE;
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_BACKUP,
                   _("Could not back up the database before upgrading it: %s"),
                   local_error->message);
      return FALSE;
    }
  if (sqlite3_open (target, &dest) != SQLITE_OK)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_BACKUP,
                   /* Translators: %s is a file path */
                   _("Could not create the backup %s before upgrading the database"), target);
      sqlite3_close (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (dest);
  if (backup != NULL)
    sqlite3_backup_finish (backup);
  sqlite3_close (dest);
  if (rc != SQLITE_DONE)
    {
      g_unlink (target);
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_BACKUP,
                   _("Could not back up the database before upgrading it: %s"),
                   sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_migration (EscaleStore  *self,
                 int           version,
                 GError      **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!escale_store_begin (self, error))
    return FALSE;
  if (!escale_store_exec (self, self->migrations[version - 1], error) ||
      !escale_vocab_seed (self, version, error) ||
      !escale_store_exec (self, pragma, error) ||
      !escale_store_commit (self, error))
    {
      escale_store_rollback (self);
      return FALSE;
    }
  self->version = version;
  return TRUE;
}

static gboolean
migrate (EscaleStore  *self,
         GError      **error)
{
  int latest = self->n_migrations;

  if (!read_user_version (self, &self->version, error))
    return FALSE;
  if (self->version > latest)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Escale (schema %d; "
                     "this version knows up to %d). Update Escale to open it; the file was "
                     "not changed."),
                   self->version, latest);
      return FALSE;
    }
  /* Only now: switching to WAL rewrites the header of a file that is not. */
  if (!escale_store_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  if (self->version > 0 && self->version < latest &&
      !backup_before_migration (self, self->version, error))
    return FALSE;
  for (int v = self->version + 1; v <= latest; v++)
    if (!apply_migration (self, v, error))
      return FALSE;
  return TRUE;
}

static gboolean
configure_connection (EscaleStore  *self,
                      GError      **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  return escale_store_exec (self,
                            /* A commit is on the disk when it returns, even
                             * if the power goes the next moment. */
                            "PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA cache_size = -" G_STRINGIFY (CACHE_KB) ";"
                            /* Savepoints journal in memory, not in a temporary file. */
                            "PRAGMA temp_store = MEMORY;",
                            error);
}

static void
end_batch (EscaleStore *self)
{
  self->batch = FALSE;
  self->batch_failed = FALSE;
  sqlite3_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (CACHE_KB), NULL, NULL, NULL);
  escale_audit_end_bulk (self);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
escale_store_finalize (GObject *object)
{
  EscaleStore *self = (EscaleStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->user);
  g_clear_pointer (&self->account, escale_account_free);
  g_clear_pointer (&self->clock, g_date_time_unref);

  G_OBJECT_CLASS (escale_store_parent_class)->finalize (object);
}

static void
escale_store_class_init (EscaleStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_store_finalize;
}

static void
escale_store_init (EscaleStore *self)
{
  self->role = ESCALE_ROLE_SYSTEM;
  self->user = g_strdup (g_get_user_name ());
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/**
 * escale_store_open:
 * @path: the database file; created when missing
 *
 * Opens the database, creating it and applying any pending migration (each
 * in its own transaction, after a backup of the file).
 */
EscaleStore *
escale_store_open (const char  *path,
                   GError     **error)
{
  int n_migrations;
  const char *const *migrations = escale_schema_get_migrations (&n_migrations);

  return escale_store_open_with_schema (path, migrations, n_migrations, error);
}

/**
 * escale_store_open_encrypted:
 * @path: an encrypted database, or a new file
 * @passphrase: its passphrase
 *
 * Unlocks @path (escale_crypt_unlock(): a wrong passphrase gives
 * ESCALE_CRYPT_ERROR_WRONG_PASSPHRASE) and opens it like
 * escale_store_open(), which then opens it again without the passphrase
 * (the search workers do) until escale_crypt_forget(). A new @path becomes
 * an encrypted database.
 */
EscaleStore *
escale_store_open_encrypted (const char  *path,
                             const char  *passphrase,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL && passphrase != NULL, NULL);

  if (!escale_crypt_unlock (path, passphrase, error))
    return NULL;
  return escale_store_open (path, error);
}

/**
 * escale_store_open_with_schema:
 * @migrations: (array length=n_migrations): the schema's migrations
 *
 * Like escale_store_open(), with another schema: for the tests of the
 * migrations themselves.
 */
EscaleStore *
escale_store_open_with_schema (const char         *path,
                               const char * const *migrations,
                               int                 n_migrations,
                               GError            **error)
{
  g_autoptr(EscaleStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean encrypted;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_OPEN,
                   _("Could not create the folder %s: %s"), dir, g_strerror (errno));
      return NULL;
    }

  /* An encrypted database opens through the encrypting VFS, once unlocked. */
  encrypted = escale_crypt_is_encrypted (path);
  if (!encrypted && !escale_store_check_file_size (path, error))
    return NULL;
  if (encrypted && !escale_crypt_require_unlocked (path, error))
    return NULL;

  self = g_object_new (ESCALE_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->migrations = migrations;
  self->n_migrations = n_migrations;
  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       encrypted ? ESCALE_CRYPT_VFS_NAME : NULL) != SQLITE_OK)
    {
      g_autoptr(GError) known = NULL;

      /* A full disk, a read-only folder… said as the other errors are. */
      if (self->db != NULL)
        escale_store_set_sql_error (self, &known);
      if (known != NULL && known->code != ESCALE_STORE_ERROR_SQL)
        g_set_error (error, ESCALE_STORE_ERROR, known->code,
                     /* Translators: %s are a file path and what went wrong */
                     _("Could not open the database %s: %s"), path, known->message);
      else
        g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_OPEN,
                     _("Could not open the database %s: %s"), path,
                     self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  if ((encrypted && !escale_crypt_prepare_connection (self->db, error)) ||
      !configure_connection (self, error) || !migrate (self, error))
    return NULL;
  /* The search indexes of a database made before the names were folded
   * the way they are now. */
  if (self->version >= 1 && !escale_store_refresh_person_index (self, error))
    return NULL;
  /* From now on, every write of a record is recorded. */
  if (!escale_audit_install (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * escale_store_quick_check:
 *
 * Runs SQLite's quick check over the whole file (every page read, the
 * structure of every table and index checked, not their agreement):
 * what the app runs in the background after opening a database.
 */
gboolean
escale_store_quick_check (EscaleStore   *self,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *finding = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (self), FALSE);

  if ((stmt = escale_store_prepare (self, "PRAGMA quick_check(1)", error)) == NULL)
    return FALSE;
  escale_store_set_cancellable (self, cancellable);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    finding = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    finding = g_strdup (sqlite3_errmsg (self->db));
  escale_store_set_cancellable (self, NULL);
  if (g_strcmp0 (finding, "ok") == 0)
    return TRUE;
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED,
                 /* Translators: %s is SQLite's finding, in English */
                 _("The database file is damaged (%s). Restore a backup."), finding);
  return FALSE;
}

static int
check_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/**
 * escale_store_set_cancellable:
 * @cancellable: (nullable): interrupts the statement running when cancelled
 *
 * For a connection used by one worker thread: a cancelled search stops
 * within a few thousand steps of the virtual machine.
 */
void
escale_store_set_cancellable (EscaleStore  *self,
                              GCancellable *cancellable)
{
  g_return_if_fail (ESCALE_IS_STORE (self));
  sqlite3_progress_handler (self->db, cancellable ? 1000 : 0,
                            cancellable ? check_cancelled : NULL, cancellable);
}

char *
escale_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "escale", "escale.db", NULL);
}

const char *
escale_store_get_path (EscaleStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STORE (self), NULL);
  return self->path;
}

int
escale_store_get_schema_version (EscaleStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STORE (self), 0);
  return self->version;
}

int
escale_store_get_latest_version (void)
{
  return escale_schema_get_n_migrations ();
}

const char *
escale_store_get_user (EscaleStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STORE (self), NULL);
  return self->user;
}

void
escale_store_set_user (EscaleStore *self,
                       const char  *login)
{
  g_return_if_fail (ESCALE_IS_STORE (self));
  escale_set_str (&self->user, login);
}

sqlite3 *
escale_store_get_db (EscaleStore *self)
{
  return self->db;
}

/* The error that SQLite's last result and the system's errno behind it
 * stand for, in words a volunteer understands, when it is one the user can
 * act on: a full disk, a file that cannot be written, another program
 * holding the database, a damaged file. Returns %FALSE for the others. */
static gboolean
set_known_error (EscaleStore  *self,
                 GError      **error)
{
  int code = sqlite3_extended_errcode (self->db);
  int sys_errno = sqlite3_system_errno (self->db);
  int primary = code & 0xff;
  /* SQLite opens a file it may not write read-only, then fails to open
   * its write-ahead log or to write. */
  gboolean denied = sqlite3_db_readonly (self->db, "main") == 1 ||
                    sys_errno == EROFS || sys_errno == EACCES || sys_errno == EPERM;

  /* A new file in a folder that cannot be written: SQLite's last try,
   * opening it read-only, left ENOENT. */
  if (primary == SQLITE_CANTOPEN && !denied && self->path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      denied = g_access (dir, W_OK) != 0 && (errno == EROFS || errno == EACCES);
    }

  /* A page of an encrypted database failed its tag (escale-crypt-vfs.c). */
  if (code == SQLITE_IOERR_DATA)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED,
                         _("The database file is damaged or was altered: a page of it "
                           "fails its integrity check"));
  else if (primary == SQLITE_FULL ||
           ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) &&
            (sys_errno == ENOSPC || sys_errno == EDQUOT)))
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_FULL,
                         _("The disk is full: this change was not saved. "
                           "Free some space, then save again."));
  else if (primary == SQLITE_READONLY || primary == SQLITE_PERM ||
           ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) && denied))
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_READ_ONLY,
                         _("The database cannot be written: its file or folder is read-only, "
                           "or you are not allowed to change them. Nothing was saved."));
  else if (primary == SQLITE_BUSY)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_BUSY,
                         _("Another program is using the database (perhaps Escale on another "
                           "account); try again in a moment."));
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED,
                         _("The database file is damaged or is not an Escale database: "
                           "restore it from a backup."));
  else
    return FALSE;
  return TRUE;
}

void
escale_store_set_sql_error (EscaleStore  *self,
                            GError      **error)
{
  if (set_known_error (self, error))
    return;
  g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL,
               _("Database error: %s"), sqlite3_errmsg (self->db));
}

sqlite3_stmt *
escale_store_prepare (EscaleStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      escale_store_set_sql_error (self, error);
      return NULL;
    }
  return stmt;
}

/**
 * escale_store_cached:
 *
 * Returns: (transfer none) (nullable): a prepared statement for @sql, kept
 *   for the life of the store, reset and with its bindings cleared
 */
sqlite3_stmt *
escale_store_cached (EscaleStore  *self,
                     const char   *sql,
                     GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  stmt = escale_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
escale_store_exec (EscaleStore  *self,
                   const char   *sql,
                   GError      **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      if (!set_known_error (self, error))
        g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL,
                     _("Database error: %s"), message ? message : "?");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* Runs @sql, a statement whose only parameter ?1 is @id. */
gboolean
escale_store_run_with_id (EscaleStore  *self,
                          const char   *sql,
                          gint64        id,
                          GError      **error)
{
  sqlite3_stmt *stmt = escale_store_cached (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return escale_store_step_done (self, stmt, error);
}

/**
 * escale_store_write_one:
 * @stmt: (nullable): a prepared statement that changes one row, bound
 * @missing: the translated message when it changed none
 *
 * Runs @stmt in a transaction of its own; when no row changed, nothing is
 * kept and @error says @missing (ESCALE_STORE_ERROR_NOT_FOUND).
 */
gboolean
escale_store_write_one (EscaleStore   *self,
                        sqlite3_stmt  *stmt,
                        const char    *missing,
                        GError       **error)
{
  if (stmt == NULL)
    return FALSE;
  if (!escale_store_begin (self, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (!escale_store_step_done (self, stmt, error))
    {
      escale_store_rollback (self);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND, missing);
      escale_store_rollback (self);
      return FALSE;
    }
  if (!escale_store_commit (self, error))
    {
      escale_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * escale_store_collect_rows:
 * @stmt: a bound statement, reset when done
 * @read: makes the item of the row @stmt is on
 * @free_func: frees an item
 *
 * Returns: (transfer full) (nullable): one item a row, or %NULL with @error
 */
GPtrArray *
escale_store_collect_rows (EscaleStore     *self,
                           sqlite3_stmt    *stmt,
                           EscaleRowFunc    read,
                           gpointer         data,
                           GDestroyNotify   free_func,
                           GError         **error)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read (stmt, data));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return items;
  escale_store_set_sql_error (self, error);
  g_ptr_array_unref (items);
  return NULL;
}

gboolean
escale_store_step_done (EscaleStore   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      escale_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Transactions nest through savepoints so that a write function can be
 * called on its own or as part of a larger operation (an import). */
gboolean
escale_store_begin (EscaleStore  *self,
                    GError      **error)
{
  g_autofree char *sql = NULL;

  if (self->batch && self->tx_depth > 0)
    {
      self->tx_depth++;
      return TRUE;
    }
  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT sp%d", self->tx_depth);
  if (!escale_store_exec (self, sql, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

/**
 * escale_store_begin_batch:
 *
 * Begins a transaction for a bulk operation (an import, demo data): the
 * writes made inside it join it without savepoints of their own, which
 * SQLite and its full-text indexes make costly. A nested write that fails
 * cannot be undone alone, so the whole batch must then be rolled back:
 * escale_store_commit() refuses to commit it.
 */
gboolean
escale_store_begin_batch (EscaleStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (self->tx_depth == 0, FALSE);

  if (!escale_store_begin (self, error))
    return FALSE;
  /* Bulk writes touch many index pages: a larger cache for their duration. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (BATCH_CACHE_KB), NULL, NULL, NULL);
  self->batch = TRUE;
  self->batch_failed = FALSE;
  escale_audit_begin_bulk (self);
  return TRUE;
}

gboolean
escale_store_commit (EscaleStore  *self,
                     GError      **error)
{
  g_autofree char *sql = NULL;

  g_assert (self->tx_depth > 0);
  if (self->batch && self->tx_depth > 1)
    {
      self->tx_depth--;
      return TRUE;
    }
  if (self->batch_failed)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL,
                           _("A write of this operation failed: nothing was saved"));
      return FALSE;
    }
  if (self->tx_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE sp%d", self->tx_depth - 1);
  if (!escale_store_exec (self, sql, error))
    return FALSE;
  self->tx_depth--;
  if (self->batch && self->tx_depth == 0)
    end_batch (self);
  return TRUE;
}

void
escale_store_rollback (EscaleStore *self)
{
  g_autofree char *sql = NULL;

  g_assert (self->tx_depth > 0);
  if (self->batch && self->tx_depth > 1)
    {
      self->tx_depth--;
      self->batch_failed = TRUE;
      return;
    }
  if (self->tx_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO sp%d; RELEASE sp%d",
                           self->tx_depth - 1, self->tx_depth - 1);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->tx_depth--;
  if (self->batch && self->tx_depth == 0)
    end_batch (self);
}

char *
escale_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
escale_store_new_uuid (void)
{
  return g_uuid_string_random ();
}

void
escale_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
escale_column_dup (sqlite3_stmt *stmt,
                   int           index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

static gboolean
collect_check (EscaleStore  *self,
               const char   *sql,
               gboolean      ok_is_row,
               GPtrArray    *problems,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      if (ok_is_row && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
        continue;
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (line, "%s%s", i ? " " : "", text ? text : "NULL");
        }
      g_ptr_array_add (problems, g_string_free (g_steal_pointer (&line), FALSE));
    }
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * escale_store_check:
 * @problems: (element-type utf8): receives one line per problem found
 *
 * Runs SQLite's integrity check, the foreign key check, the full-text
 * indexes' own checks, and checks the last contact kept for the agenda. Returns %FALSE only when the checks could not run.
 */
gboolean
escale_store_check (EscaleStore  *self,
                    GPtrArray    *problems,
                    GError      **error)
{
  g_autoptr(GError) fts_error = NULL;
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_STORE (self), FALSE);

  /* One snapshot, while other programs may be writing: the search
   * indexes' own check is a write command, so the write lock is taken
   * (waiting as for any write), and nothing is changed. */
  if (!escale_store_begin (self, error))
    return FALSE;
  ok = collect_check (self, "PRAGMA integrity_check", TRUE, problems, error) &&
       collect_check (self, "PRAGMA foreign_key_check", FALSE, problems, error);
  if (ok && !escale_store_exec (self,
                                "INSERT INTO person_search (person_search, rank) "
                                "VALUES ('integrity-check', 0);"
                                "INSERT INTO person_trigram (person_trigram, rank) "
                                "VALUES ('integrity-check', 0);", &fts_error))
    {
      if (!g_error_matches (fts_error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED))
        {
          g_propagate_error (error, g_steal_pointer (&fts_error));
          ok = FALSE;
        }
      else
        g_ptr_array_add (problems, g_strdup (_("The search index is damaged")));
    }
  ok = ok &&
       collect_check (self,
                      "SELECT 'person ' || p.file_number || ': no search entry' "
                      "FROM person p WHERE p.id NOT IN (SELECT rowid FROM person_search)",
                      FALSE, problems, error) &&
       collect_check (self,
                      "SELECT 'person ' || file_number || ': last contact ' || "
                      "coalesce (last_contact, 'none') || ' instead of ' || coalesce (c, 'none') "
                      "FROM (SELECT file_number, last_contact, "
                      ESCALE_LAST_CONTACT_OF ("person.id") " AS c FROM person) "
                      "WHERE last_contact IS NOT c",
                      FALSE, problems, error);
  escale_store_rollback (self);
  return ok;
}

char *
escale_store_get_setting (EscaleStore *self,
                          const char  *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (self), NULL);

  stmt = escale_store_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return escale_column_dup (stmt, 0);
}

gboolean
escale_store_set_setting (EscaleStore  *self,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (self), FALSE);

  stmt = escale_store_prepare (self,
                               "INSERT INTO setting (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL || !escale_store_begin (self, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 2, value);
  if (!escale_store_step_done (self, stmt, error) ||
      !escale_audit_record_setting (self, key, error) ||
      !escale_store_commit (self, error))
    {
      escale_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* The session, for escale-account.c */

EscaleRole
escale_store_get_role (EscaleStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STORE (self), ESCALE_ROLE_NONE);
  return self->role;
}

const EscaleAccount *
escale_store_get_account (EscaleStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STORE (self), NULL);
  return self->account;
}

/* Takes @account (nullable) as the logged-in one, with @role. */
void
escale_store_set_session (EscaleStore   *self,
                          EscaleAccount *account,
                          EscaleRole     role)
{
  g_clear_pointer (&self->account, escale_account_free);
  self->account = account;
  self->role = role;
}

/**
 * escale_store_set_now_for_tests:
 * @now: (nullable): the time the store's clock says from now on, or %NULL
 *   for the real one
 */
void
escale_store_set_now_for_tests (EscaleStore *self,
                                GDateTime   *now)
{
  g_clear_pointer (&self->clock, g_date_time_unref);
  self->clock = now ? g_date_time_to_utc (now) : NULL;
}

/* Returns: (transfer full): now, in UTC, by the store's clock */
GDateTime *
escale_store_get_now (EscaleStore *self)
{
  return self->clock ? g_date_time_ref (self->clock) : g_date_time_new_now_utc ();
}
