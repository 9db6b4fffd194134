/* escale-audit.c — the audit log: who did what, when, to which record
 *
 * When a store opens, escale_audit_install() registers SQL functions on its
 * connection and makes TEMPORARY triggers on every audited table: after
 * each insert, update and delete they append an entry to audit_log (the
 * table, the row's id and, for an update, the names of the columns whose
 * value changed, compared in the trigger itself: never the values). The
 * triggers are temporary so that they follow the code, not the file: they
 * are made again at each open from PRAGMA table_info.
 *
 * Each entry chains the previous one: hash = SHA-256 (hex) of
 *   prev_hash|at|login|operation|entity|entity_id|summary
 * where prev_hash is the previous entry's hash, or the anchor (setting
 * audit.anchor: '' at first, the last purged hash after a purge). Every
 * append also writes the new entry's id and hash to setting audit.head,
 * which the next entry chains: a cut tail shows, even after new entries.
 * Triggers refuse to change or delete an entry, except while
 * escale_audit_purge() runs. Someone who writes to the file with other
 * tools bypasses the triggers, but not the chain: escale_audit_verify()
 * finds the first entry changed or missing. (Someone who also recomputes
 * every later hash and the head is not caught: the chain proves the log
 * was not edited carelessly, it is not a signature.)
 *
 * Settings are recorded by escale_store_set_setting(), see
 * escale_audit_record_setting().
 *
 * Bulk writes (imports, demo data) pause the per-row entries and record
 * one summary entry instead; during their batch transaction the tables'
 * triggers are even dropped (escale_audit_begin_bulk()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-audit-private.h"
#include "escale-store-private.h"

typedef struct
{
  guint     paused;       /* depth of escale_audit_set_paused (TRUE) */
  gboolean  purging;
  gboolean  installed;    /* FALSE for a schema older than the log */
  char     *row_triggers; /* the tables' triggers: to make them again… */
  char     *drop_rows;    /* …after this dropped them: see escale_audit_begin_bulk() */
  gboolean  dropped;
} AuditState;

/* The tables whose writes are recorded. */
static const char *const audited_tables[] = {
  "person", "person_name", "person_nationality", "person_language", "status_period",
  "household", "household_member",
  "action", "action_theme", "action_participant",
  "programme", "programme_funder", "enrolment", "enrolment_situation",
  "partner", "partner_phone", "partner_language", "partner_hours", "partner_closure",
  "partner_contact", "partner_service", "partner_service_eligibility",
  "referral", "consent_record", "app_user", "vocabulary", "vocabulary_label",
};

/* Columns the store or its triggers keep by themselves (search keys, last
 * contact, bookkeeping of logins): their changes alone are not recorded. */
static const char *const derived_columns[] = {
  "created_at", "created_by", "updated_at", "updated_by",
  "sort_key", "given_key", "phone_key", "search_key",
  "last_contact", "silent_since", "last_login", "failed_attempts", NULL
};

/* The hash a new entry chains: the head's, rather than the last entry's,
 * so that entries appended after a cut still show it. */
#define LAST_HASH \
  "coalesce ((SELECT substr (value, instr (value, ' ') + 1) FROM main.setting " \
  "WHERE key = 'audit.head'), " \
  "(SELECT hash FROM main.audit_log ORDER BY id DESC LIMIT 1), " \
  "(SELECT value FROM main.setting WHERE key = 'audit.anchor'), '')"

/* Entries are appended by inserting into the temporary view
 * escale_audit_append (operation, entity, entity_id, summary), whose
 * trigger computes the rest: each table's triggers stay short. An update
 * whose summary is '' (no recorded column changed) appends nothing. */
static const char append_triggers[] =
  "CREATE TEMP VIEW escale_audit_append (operation, entity, entity_id, summary) AS "
  "SELECT NULL, NULL, NULL, NULL;\n"
  "CREATE TEMP TRIGGER escale_audit_append_entry INSTEAD OF INSERT ON escale_audit_append "
  "WHEN NEW.summary IS NULL OR NEW.summary <> '' BEGIN "
  "INSERT INTO audit_log "
  "(at, login, operation, entity, entity_id, summary, prev_hash, hash) "
  "SELECT at, login, NEW.operation, NEW.entity, NEW.entity_id, NEW.summary, prev, "
  "escale_audit_hash (prev, at, login, NEW.operation, NEW.entity, NEW.entity_id, NEW.summary) "
  "FROM (SELECT escale_audit_now () AS at, escale_audit_login () AS login, "
  LAST_HASH " AS prev); END;\n";

static GQuark
audit_state_quark (void)
{
  return g_quark_from_static_string ("escale-audit-state");
}

static void
audit_state_free (AuditState *state)
{
  g_free (state->row_triggers);
  g_free (state->drop_rows);
  g_free (state);
}

static AuditState *
get_state (EscaleStore *store)
{
  AuditState *state = g_object_get_qdata (G_OBJECT (store), audit_state_quark ());

  if (state == NULL)
    {
      state = g_new0 (AuditState, 1);
      g_object_set_qdata_full (G_OBJECT (store), audit_state_quark (), state,
                               (GDestroyNotify) audit_state_free);
    }
  return state;
}

/* The login recorded: the logged-in account's, "" for the system. */
static const char *
current_login (EscaleStore *store)
{
  const EscaleAccount *account = escale_store_get_account (store);

  return account != NULL ? account->login : "";
}

/* Now, or @months_later months later (earlier when negative), as entries
 * write the time. */
char *
escale_audit_format_time (EscaleStore *store,
                          int          months_later)
{
  g_autoptr(GDateTime) now = escale_store_get_now (store);
  g_autoptr(GDateTime) then = g_date_time_add_months (now, months_later);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

/* The hash of an entry, from its fields as text (NULL as ""): prev_hash,
 * at, login, operation, entity, entity_id, summary. */
char *
escale_audit_compute_hash (const char *const fields[7])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < 7; i++)
    {
      if (i > 0)
        g_checksum_update (checksum, (const guchar *) "|", 1);
      if (fields[i] != NULL)
        g_checksum_update (checksum, (const guchar *) fields[i], -1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* SQL functions */

static void
sql_hash (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *fields[7];
  g_autofree char *hash = NULL;

  g_assert (argc == 7);
  for (int i = 0; i < 7; i++)
    fields[i] = (const char *) sqlite3_value_text (argv[i]);
  hash = escale_audit_compute_hash (fields);
  sqlite3_result_text (context, hash, -1, SQLITE_TRANSIENT);
}

/* Whether two values are the same, as IS would say with the binary
 * collation. */
static gboolean
values_equal (sqlite3_value *a,
              sqlite3_value *b)
{
  int type = sqlite3_value_type (a);
  int length;

  if (type != sqlite3_value_type (b))
    return type != SQLITE_NULL && sqlite3_value_type (b) != SQLITE_NULL &&
           (type == SQLITE_INTEGER || type == SQLITE_FLOAT) &&
           (sqlite3_value_type (b) == SQLITE_INTEGER || sqlite3_value_type (b) == SQLITE_FLOAT) &&
           sqlite3_value_double (a) == sqlite3_value_double (b);
  switch (type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    default:
      length = sqlite3_value_bytes (a);
      return length == sqlite3_value_bytes (b) &&
             memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b), (size_t) length) == 0;
    }
}

/* escale_audit_changed (NAMES, OLD1, NEW1, OLD2, NEW2, …): those of the
 * comma-separated NAMES whose old and new values differ, comma-separated;
 * '' when none. NAMES, a constant, is split once a statement. */
static void
sql_changed (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  char **names = sqlite3_get_auxdata (context, 0);
  g_autoptr(GString) changed = g_string_new (NULL);

  if (names == NULL)
    {
      names = g_strsplit ((const char *) sqlite3_value_text (argv[0]), ",", -1);
      sqlite3_set_auxdata (context, 0, names, (void (*) (void *)) g_strfreev);
      /* SQLite may have freed it already, if it could not keep it. */
      names = sqlite3_get_auxdata (context, 0);
      if (names == NULL)
        {
          sqlite3_result_error_nomem (context);
          return;
        }
    }
  for (int i = 0; names[i] != NULL && 2 * i + 2 < argc; i++)
    if (!values_equal (argv[2 * i + 1], argv[2 * i + 2]))
      g_string_append_printf (changed, "%s%s", changed->len ? "," : "", names[i]);
  sqlite3_result_text (context, changed->str, (int) changed->len, SQLITE_TRANSIENT);
}

/* The store's clock, which the tests set. */
static void
sql_now (sqlite3_context  *context,
         int               argc G_GNUC_UNUSED,
         sqlite3_value   **argv G_GNUC_UNUSED)
{
  g_autofree char *now = escale_audit_format_time (sqlite3_user_data (context), 0);

  sqlite3_result_text (context, now, -1, SQLITE_TRANSIENT);
}

static void
sql_login (sqlite3_context  *context,
           int               argc G_GNUC_UNUSED,
           sqlite3_value   **argv G_GNUC_UNUSED)
{
  sqlite3_result_text (context, current_login (sqlite3_user_data (context)), -1,
                       SQLITE_TRANSIENT);
}

static void
sql_paused (sqlite3_context  *context,
            int               argc G_GNUC_UNUSED,
            sqlite3_value   **argv G_GNUC_UNUSED)
{
  sqlite3_result_int (context, get_state (sqlite3_user_data (context))->paused > 0);
}

static void
sql_purging (sqlite3_context  *context,
             int               argc G_GNUC_UNUSED,
             sqlite3_value   **argv G_GNUC_UNUSED)
{
  sqlite3_result_int (context, get_state (sqlite3_user_data (context))->purging);
}

static gboolean
create_functions (EscaleStore  *store,
                  GError      **error)
{
  sqlite3 *db = escale_store_get_db (store);
  static const struct
  {
    const char *name;
    int         n_args;
    int         flags;
    void      (*func) (sqlite3_context *, int, sqlite3_value **);
  } functions[] = {
    { "escale_audit_hash", 7, SQLITE_DETERMINISTIC, sql_hash },
    { "escale_audit_changed", -1, SQLITE_DETERMINISTIC, sql_changed },
    { "escale_audit_now", 0, 0, sql_now },
    { "escale_audit_login", 0, 0, sql_login },
    { "escale_audit_paused", 0, 0, sql_paused },
    { "escale_audit_purging", 0, 0, sql_purging },
  };

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    if (sqlite3_create_function (db, functions[i].name, functions[i].n_args,
                                 SQLITE_UTF8 | functions[i].flags, store, functions[i].func,
                                 NULL, NULL) != SQLITE_OK)
      {
        escale_store_set_sql_error (store, error);
        return FALSE;
      }
  return TRUE;
}

/* Triggers */

static void
append_identifier (GString    *sql,
                   const char *prefix,
                   const char *name)
{
  char *quoted = sqlite3_mprintf ("%s\"%w\"", prefix, name);

  g_string_append (sql, quoted);
  sqlite3_free (quoted);
}

static void
append_literal (GString    *sql,
                const char *text)
{
  char *quoted = sqlite3_mprintf ("%Q", text);

  g_string_append (sql, quoted);
  sqlite3_free (quoted);
}

typedef struct
{
  const char *table;
  GPtrArray  *columns;    /* the columns whose changes are recorded */
  char       *id_column;  /* id, else the first *_id column, else rowid */
} TableInfo;

static void
table_info_clear (TableInfo *info)
{
  g_clear_pointer (&info->columns, g_ptr_array_unref);
  g_clear_pointer (&info->id_column, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TableInfo, table_info_clear)

static gboolean
is_derived (const char *column)
{
  return g_strv_contains ((const char * const *) derived_columns, column);
}

/* Returns FALSE without error when @table does not exist (an older schema). */
static gboolean
read_table_info (EscaleStore  *store,
                 const char   *table,
                 TableInfo    *info,
                 GError      **error)
{
  g_autoptr(GString) sql = g_string_new ("PRAGMA main.table_info (");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *first_reference = NULL;
  int rc;

  append_identifier (sql, "", table);
  g_string_append (sql, ")");
  if (!(stmt = escale_store_prepare (store, sql->str, error)))
    return FALSE;
  info->table = table;
  info->columns = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (g_str_equal (name, "id"))
        info->id_column = g_strdup (name);
      else if (first_reference == NULL && g_str_has_suffix (name, "_id"))
        first_reference = g_strdup (name);
      if (!is_derived (name))
        g_ptr_array_add (info->columns, g_strdup (name));
    }
  if (rc != SQLITE_DONE)
    {
      g_free (first_reference);
      escale_store_set_sql_error (store, error);
      return FALSE;
    }
  if (info->id_column == NULL)
    info->id_column = first_reference ? first_reference : g_strdup ("rowid");
  else
    g_free (first_reference);
  return info->columns->len > 0;
}

/* The changed columns' names, comma-separated ("family_name,phone"):
 * escale_audit_changed ('family_name,given_names,…', OLD."family_name",
 * NEW."family_name", OLD."given_names", NEW."given_names", …). */
static void
append_changed_names (GString         *sql,
                      const TableInfo *info)
{
  g_autofree char *names = NULL;

  g_ptr_array_add (info->columns, NULL);
  names = g_strjoinv (",", (char **) info->columns->pdata);
  g_ptr_array_remove_index (info->columns, info->columns->len - 1);
  g_string_append (sql, "escale_audit_changed (");
  append_literal (sql, names);
  for (guint i = 0; i < info->columns->len; i++)
    {
      const char *column = g_ptr_array_index (info->columns, i);

      g_string_append (sql, ", ");
      append_identifier (sql, "OLD.", column);
      g_string_append (sql, ", ");
      append_identifier (sql, "NEW.", column);
    }
  g_string_append (sql, ")");
}

static void
append_trigger (GString         *sql,
                GString         *drop,
                const TableInfo *info,
                const char      *event,
                const char      *operation,
                const char      *row)
{
  g_autoptr(GString) entity = g_string_new (NULL);
  g_autoptr(GString) id = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) op = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("escale_audit_%s_%s", info->table, operation);

  append_literal (entity, info->table);
  append_literal (op, operation);
  append_identifier (id, row, info->id_column);
  if (g_str_equal (operation, "update"))
    append_changed_names (summary, info);
  else
    g_string_append (summary, "NULL");

  g_string_append (sql, "CREATE TEMP TRIGGER IF NOT EXISTS ");
  append_identifier (sql, "", name);
  g_string_append (drop, "DROP TRIGGER IF EXISTS ");
  append_identifier (drop, "temp.", name);
  g_string_append (drop, ";\n");
  g_string_append_printf (sql, " AFTER %s ON main.", event);
  append_identifier (sql, "", info->table);
  g_string_append_printf (sql, " WHEN NOT escale_audit_paused () BEGIN "
                          "INSERT INTO escale_audit_append VALUES (%s, %s, %s, %s); END;\n",
                          op->str, entity->str, id->str, summary->str);
}

static gboolean
append_table_triggers (EscaleStore  *store,
                       const char   *table,
                       GString      *sql,
                       GString      *drop,
                       GError      **error)
{
  g_auto(TableInfo) info = { 0 };
  GError *local_error = NULL;

  if (!read_table_info (store, table, &info, &local_error))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }
  /* escale_audit_changed () takes two values a column. */
  g_assert (2 * (int) info.columns->len + 1 <=
            sqlite3_limit (escale_store_get_db (store), SQLITE_LIMIT_FUNCTION_ARG, -1));
  append_trigger (sql, drop, &info, "INSERT", "create", "NEW.");
  append_trigger (sql, drop, &info, "UPDATE", "update", "NEW.");
  append_trigger (sql, drop, &info, "DELETE", "delete", "OLD.");
  return TRUE;
}

/* The log itself: append-only, and its head kept. */
static const char log_triggers[] =
  /* Two statements, not an upsert: the conflict clause of a statement
   * that fires the trigger (INSERT OR REPLACE…) would override its own. */
  "CREATE TEMP TRIGGER escale_audit_head AFTER INSERT ON main.audit_log BEGIN "
  "INSERT INTO setting (key) SELECT 'audit.head' "
  "WHERE NOT EXISTS (SELECT 1 FROM main.setting WHERE key = 'audit.head'); "
  "UPDATE setting SET value = NEW.id || ' ' || NEW.hash WHERE key = 'audit.head'; END;\n"
  "CREATE TEMP TRIGGER escale_audit_no_update BEFORE UPDATE ON main.audit_log "
  "WHEN NOT escale_audit_purging () BEGIN "
  "SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;\n"
  "CREATE TEMP TRIGGER escale_audit_no_delete BEFORE DELETE ON main.audit_log "
  "WHEN NOT escale_audit_purging () BEGIN "
  "SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;\n";

static gboolean
has_audit_log (EscaleStore *store)
{
  g_autoptr(sqlite3_stmt) stmt =
    escale_store_prepare (store,
                          "SELECT 1 FROM main.sqlite_schema "
                          "WHERE type = 'table' AND name = 'audit_log'", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * escale_audit_install:
 *
 * Registers the audit's SQL functions on @store's connection and makes
 * its temporary triggers. A database without the audit_log table (made
 * with an older schema, for the migrations' tests) gets none.
 */
gboolean
escale_audit_install (EscaleStore  *store,
                      GError      **error)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GString) drop = g_string_new (NULL);
  AuditState *state;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!create_functions (store, error))
    return FALSE;
  if (!has_audit_log (store))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    if (!append_table_triggers (store, audited_tables[i], rows, drop, error))
      return FALSE;
  if (!escale_store_exec (store, append_triggers, error) ||
      !escale_store_exec (store, log_triggers, error) ||
      !escale_store_exec (store, rows->str, error))
    return FALSE;
  state = get_state (store);
  state->installed = TRUE;
  state->row_triggers = g_string_free (g_steal_pointer (&rows), FALSE);
  state->drop_rows = g_string_free (g_steal_pointer (&drop), FALSE);
  return TRUE;
}

/**
 * escale_audit_record:
 * @entity: (nullable): a table name
 * @entity_id: its row, 0 for none
 * @summary: (nullable): changed field names or a short text, never a
 *   sensitive value
 *
 * Appends an entry, in the current transaction if one is open. Recorded
 * even while paused: the summary entries of bulk writes are. Does nothing
 * on a database older than the audit log (the migrations' tests).
 */
gboolean
escale_audit_record (EscaleStore  *store,
                     const char   *operation,
                     const char   *entity,
                     gint64        entity_id,
                     const char   *summary,
                     GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (operation != NULL, FALSE);

  if (!get_state (store)->installed)
    return TRUE;
  stmt = escale_store_cached (store, "INSERT INTO escale_audit_append VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, operation, -1, SQLITE_TRANSIENT);
  escale_bind_text (stmt, 2, entity);
  if (entity_id != 0)
    sqlite3_bind_int64 (stmt, 3, entity_id);
  escale_bind_text (stmt, 4, summary);
  return escale_store_step_done (store, stmt, error);
}

/**
 * escale_audit_record_setting:
 *
 * Records the change of the setting @key (never its value), unless paused.
 * Settings are recorded by escale_store_set_setting(), not by a trigger:
 * the log keeps its own anchor and head there, and a trigger on them would
 * make every statement that appends to the log costlier to prepare.
 */
gboolean
escale_audit_record_setting (EscaleStore  *store,
                             const char   *key,
                             GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (get_state (store)->paused > 0 || g_str_has_prefix (key, "audit."))
    return TRUE;
  return escale_audit_record (store, "update", "setting", 0, key, error);
}

/**
 * escale_audit_begin_bulk:
 *
 * For escale_store_begin_batch(), once its transaction began: when the
 * per-row entries are paused, drops the tables' triggers, as a trigger
 * whose WHEN is false still costs a call a row (some 15 % of an import).
 * Dropped inside the transaction: a rollback brings them back.
 */
void
escale_audit_begin_bulk (EscaleStore *store)
{
  AuditState *state = get_state (store);

  if (!state->installed || state->paused == 0)
    return;
  state->dropped = TRUE;
  sqlite3_exec (escale_store_get_db (store), state->drop_rows, NULL, NULL, NULL);
}

/**
 * escale_audit_end_bulk:
 *
 * For escale_store_commit() and escale_store_rollback(), once the batch's
 * transaction ended: makes the tables' triggers again (nothing to do
 * after a rollback, which brought them back).
 */
void
escale_audit_end_bulk (EscaleStore *store)
{
  AuditState *state = get_state (store);
  sqlite3 *db = escale_store_get_db (store);

  if (!state->dropped)
    return;
  state->dropped = FALSE;
  if (sqlite3_exec (db, state->row_triggers, NULL, NULL, NULL) != SQLITE_OK)
    g_critical ("The audit triggers could not be made again: %s", sqlite3_errmsg (db));
}

/**
 * escale_audit_set_paused:
 *
 * Pauses (or resumes) the per-row entries of @store's connection. Pauses
 * nest: each %TRUE needs its %FALSE.
 */
void
escale_audit_set_paused (EscaleStore *store,
                         gboolean     paused)
{
  AuditState *state;

  g_return_if_fail (ESCALE_IS_STORE (store));

  state = get_state (store);
  if (paused)
    state->paused++;
  else
    {
      g_return_if_fail (state->paused > 0);
      state->paused--;
    }
}

void
escale_audit_entry_free (EscaleAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->login);
  g_free (entry->operation);
  g_free (entry->entity);
  g_free (entry->summary);
  g_free (entry);
}

/**
 * escale_store_note_file_opened:
 *
 * Records that the logged-in account opened the file of @person_id.
 */
gboolean
escale_store_note_file_opened (EscaleStore  *store,
                               gint64        person_id,
                               GError      **error)
{
  return escale_audit_record (store, "open", "person", person_id, NULL, error);
}

gboolean
escale_audit_is_installed (EscaleStore *store)
{
  return get_state (store)->installed;
}

void
escale_audit_set_purging (EscaleStore *store,
                          gboolean     purging)
{
  get_state (store)->purging = purging;
}
