/* escale-audit-log.c — reading the audit log: the chain verified, the
 * entries listed and exported, the oldest purged
 *
 * The entries are written by escale-audit.c; see there for the chain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-audit-private.h"
#include "escale-store-private.h"

/* Verifying the chain */

/* Reads setting @key ("" when unset). */
static char *
read_setting (EscaleStore *store,
              const char  *key)
{
  char *value = escale_store_get_setting (store, key);

  return value ? value : g_strdup ("");
}

static gboolean
set_chain_error (GError     **error,
                 const char  *format,
                 gint64       id,
                 gint64       other_id)
{
  g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *second = g_strdup_printf ("%" G_GINT64_FORMAT, other_id);

  g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID, format, first, second);
  return FALSE;
}

/* Checks the entry @stmt is on: its own hash, and that it follows
 * *@prev_hash (the previous entry's, or the anchor) from *@last_id. */
static gboolean
verify_entry (sqlite3_stmt  *stmt,
              char         **prev_hash,
              gint64        *last_id,
              GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *fields[7];
  const char *hash = (const char *) sqlite3_column_text (stmt, 8);
  g_autofree char *computed = NULL;

  fields[0] = (const char *) sqlite3_column_text (stmt, 7);
  for (int i = 1; i < 7; i++)
    fields[i] = (const char *) sqlite3_column_text (stmt, i);
  computed = escale_audit_compute_hash (fields);
  if (g_strcmp0 (computed, hash) != 0)
    /* Translators: %s is the number of an entry of the audit log */
    return set_chain_error (error, _("The audit log was tampered with: entry %s was changed"),
                            id, 0);
  if (g_strcmp0 (fields[0], *prev_hash) != 0)
    {
      if (*last_id == 0)
        return set_chain_error (error,
                                /* Translators: %s is the number of an entry of the audit log */
                                _("The audit log was tampered with: entries before entry %s "
                                  "are missing"), id, 0);
      return set_chain_error (error,
                              /* Translators: the %s are numbers of entries of the audit log */
                              _("The audit log was tampered with: entries between entry %s "
                                "and entry %s are missing"), *last_id, id);
    }
  g_free (*prev_hash);
  *prev_hash = g_strdup (hash);
  *last_id = id;
  return TRUE;
}

/* The head (the last entry's id and hash) must be the last entry's. */
static gboolean
verify_head (EscaleStore  *store,
             gint64        last_id,
             const char   *last_hash,
             GError      **error)
{
  g_autofree char *head = read_setting (store, "audit.head");
  g_autofree char *expected = NULL;

  if (last_id == 0 && *head == '\0')
    return TRUE;
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " %s", last_id, last_hash);
  if (g_str_equal (head, expected))
    return TRUE;
  if (last_id == 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                           _("The audit log was tampered with: its entries are missing"));
      return FALSE;
    }
  return set_chain_error (error,
                          /* Translators: %s is the number of an entry of the audit log */
                          _("The audit log was tampered with: entries after entry %s are "
                            "missing"), last_id, 0);
}

/**
 * escale_audit_verify:
 *
 * Walks the chain from the anchor: each entry's hash must be that of its
 * fields and of the previous entry's hash, and the last entry the one the
 * head names. FALSE with a translated message (ESCALE_STORE_ERROR_INVALID)
 * naming the first entry changed or missing.
 */
gboolean
escale_audit_verify (EscaleStore  *store,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prev_hash = NULL;
  gint64 last_id = 0;
  int rc;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_audit_is_installed (store))
    return TRUE;
  stmt = escale_store_prepare (store, "SELECT id, at, login, operation, entity, entity_id, "
                               "summary, prev_hash, hash FROM audit_log ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  prev_hash = read_setting (store, "audit.anchor");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!verify_entry (stmt, &prev_hash, &last_id, error))
      return FALSE;
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      return FALSE;
    }
  return verify_head (store, last_id, prev_hash, error);
}

/* Reading */

#define ENTRY_COLUMNS "id, at, login, operation, entity, entity_id, summary"
/* ?5 includes the whole day (or minute…) it names. */
#define ENTRY_FILTERS \
  " WHERE (?1 IS NULL OR login = ?1) AND (?2 IS NULL OR operation = ?2)" \
  " AND (?3 IS NULL OR entity = ?3) AND (?4 IS NULL OR at >= ?4)" \
  " AND (?5 IS NULL OR substr (at, 1, length (?5)) <= ?5)"

static void
bind_filters (sqlite3_stmt *stmt,
              const char   *login,
              const char   *operation,
              const char   *entity,
              const char   *from,
              const char   *to)
{
  escale_bind_text (stmt, 1, login);
  escale_bind_text (stmt, 2, operation);
  escale_bind_text (stmt, 3, entity);
  escale_bind_text (stmt, 4, from);
  escale_bind_text (stmt, 5, to);
}

static gpointer
read_entry (sqlite3_stmt *stmt,
            gpointer      data G_GNUC_UNUSED)
{
  EscaleAuditEntry *entry = g_new0 (EscaleAuditEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = escale_column_dup (stmt, 1);
  entry->login = escale_column_dup (stmt, 2);
  entry->operation = escale_column_dup (stmt, 3);
  entry->entity = escale_column_dup (stmt, 4);
  entry->entity_id = sqlite3_column_int64 (stmt, 5);
  entry->summary = escale_column_dup (stmt, 6);
  return entry;
}

/**
 * escale_audit_list:
 * @login: (nullable): only this account's entries ("" for the system's)
 * @operation: (nullable): only these operations
 * @entity: (nullable): only those of this table
 * @from: (nullable): only entries at or after this UTC date or time
 * @to: (nullable): only entries at or before this UTC date or time (a
 *   date includes its whole day)
 * @limit: at most this many entries; 0 for all
 *
 * Returns: (transfer full) (element-type EscaleAuditEntry) (nullable): the
 *   matching entries, newest first
 */
GPtrArray *
escale_audit_list (EscaleStore  *store,
                   const char   *login,
                   const char   *operation,
                   const char   *entity,
                   const char   *from,
                   const char   *to,
                   guint         limit,
                   GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_READ_AUDIT, error))
    return NULL;
  stmt = escale_store_cached (store, "SELECT " ENTRY_COLUMNS " FROM audit_log" ENTRY_FILTERS
                              " ORDER BY id DESC LIMIT ?6", error);
  if (stmt == NULL)
    return NULL;
  /* An empty login is the system's: bind it as such. */
  bind_filters (stmt, NULL, operation, entity, from, to);
  if (login != NULL)
    sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, limit > 0 ? (gint64) limit : -1);
  return escale_store_collect_rows (store, stmt, read_entry, NULL,
                                    (GDestroyNotify) escale_audit_entry_free, error);
}

/* Exporting */

/* RFC 4180: a field with a separator, a quote or a line break is quoted. */
static void
append_csv_field (GString    *csv,
                  const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

/* The row @stmt is on, or its column names when @header. */
static void
append_csv_row (GString      *csv,
                sqlite3_stmt *stmt,
                gboolean      header)
{
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      append_csv_field (csv, header ? sqlite3_column_name (stmt, i)
                                    : (const char *) sqlite3_column_text (stmt, i));
    }
  g_string_append (csv, "\r\n");
}

#define CSV_CHUNK (64 * 1024)

/* Writes the rows of @stmt, after a header, to @stream; counts them. */
static gboolean
write_csv (EscaleStore    *store,
           sqlite3_stmt   *stmt,
           GOutputStream  *stream,
           gint64         *n_rows,
           GError        **error)
{
  /* A byte order mark: spreadsheets then read the file as UTF-8. */
  g_autoptr(GString) csv = g_string_new ("\xef\xbb\xbf");
  int rc;

  append_csv_row (csv, stmt, TRUE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      append_csv_row (csv, stmt, FALSE);
      (*n_rows)++;
      if (csv->len >= CSV_CHUNK)
        {
          if (!g_output_stream_write_all (stream, csv->str, csv->len, NULL, NULL, error))
            return FALSE;
          g_string_truncate (csv, 0);
        }
    }
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      return FALSE;
    }
  return g_output_stream_write_all (stream, csv->str, csv->len, NULL, NULL, error);
}

/**
 * escale_audit_export_csv_filtered:
 * @path: the CSV file to write (RFC 4180, UTF-8, a header line)
 *
 * Writes the entries matching the filters of escale_audit_list(), oldest
 * first, with their hashes (so that the chain can be checked elsewhere),
 * and records the export. Needs READ_AUDIT.
 */
gboolean
escale_audit_export_csv_filtered (EscaleStore  *store,
                                  const char   *login,
                                  const char   *operation,
                                  const char   *entity,
                                  const char   *from,
                                  const char   *to,
                                  const char   *path,
                                  GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  gint64 n_rows = 0;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!escale_store_require (store, ESCALE_OP_READ_AUDIT, error))
    return FALSE;
  stmt = escale_store_prepare (store, "SELECT " ENTRY_COLUMNS ", prev_hash, hash "
                               "FROM audit_log" ENTRY_FILTERS " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  bind_filters (stmt, NULL, operation, entity, from, to);
  if (login != NULL)
    sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL ||
      !write_csv (store, stmt, G_OUTPUT_STREAM (stream), &n_rows, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return FALSE;
  summary = g_strdup_printf ("%" G_GINT64_FORMAT " entries", n_rows);
  return escale_audit_record (store, "export", "audit_log", 0, summary, error);
}

/**
 * escale_audit_export_csv:
 *
 * Writes every entry as CSV; see escale_audit_export_csv_filtered().
 */
gboolean
escale_audit_export_csv (EscaleStore  *store,
                         const char   *path,
                         GError      **error)
{
  return escale_audit_export_csv_filtered (store, NULL, NULL, NULL, NULL, NULL, path, error);
}

/* Purging */

/* The last entry of the oldest ones, all before @cutoff: 0 when none. */
static gint64
find_purge_end (EscaleStore  *store,
                const char   *cutoff,
                char        **hash,
                GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = escale_store_cached (store, "SELECT id, hash FROM audit_log WHERE id < "
                              "(SELECT coalesce (min (id), 1 << 62) FROM audit_log "
                              "WHERE at >= ?1) ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *hash = escale_column_dup (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

static gint64
delete_until (EscaleStore  *store,
              gint64        last_id,
              GError      **error)
{
  gboolean ok;

  escale_audit_set_purging (store, TRUE);
  ok = escale_store_run_with_id (store, "DELETE FROM audit_log WHERE id <= ?1", last_id, error);
  escale_audit_set_purging (store, FALSE);
  return ok ? sqlite3_changes64 (escale_store_get_db (store)) : -1;
}

/* In a transaction: deletes the entries before @cutoff, makes the last
 * one's hash the anchor and records the purge. */
static gint64
purge_before (EscaleStore  *store,
              const char   *cutoff,
              GError      **error)
{
  g_autofree char *anchor = NULL;
  g_autofree char *summary = NULL;
  gint64 last_id = find_purge_end (store, cutoff, &anchor, error);
  gint64 n_deleted;

  if (last_id <= 0)
    return last_id;
  if ((n_deleted = delete_until (store, last_id, error)) < 0 ||
      !escale_store_set_setting (store, "audit.anchor", anchor, error))
    return -1;
  summary = g_strdup_printf ("%" G_GINT64_FORMAT " entries before %s", n_deleted, cutoff);
  if (!escale_audit_record (store, "purge", "audit_log", 0, summary, error))
    return -1;
  return n_deleted;
}

/**
 * escale_audit_purge:
 * @months: how long entries are kept, at least 1
 *
 * Deletes the oldest entries, up to the first one of the last @months
 * months; the last deleted entry's hash becomes the anchor that the next
 * one chains, so the log stays checkable. Records the purge. Needs ERASE.
 *
 * Returns: how many entries were deleted, or -1 with @error set
 */
gint64
escale_audit_purge (EscaleStore  *store,
                    guint         months,
                    GError      **error)
{
  g_autofree char *cutoff = NULL;
  gint64 n_deleted;

  g_return_val_if_fail (ESCALE_IS_STORE (store), -1);

  if (!escale_store_require (store, ESCALE_OP_ERASE, error))
    return -1;
  if (months < 1 || months > 1200)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                           _("The audit log must be kept at least one month"));
      return -1;
    }
  cutoff = escale_audit_format_time (store, -(int) months);
  if (!escale_store_begin (store, error))
    return -1;
  n_deleted = purge_before (store, cutoff, error);
  if (n_deleted < 0 || !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      return -1;
    }
  return n_deleted;
}
