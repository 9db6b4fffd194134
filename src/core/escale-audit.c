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
 * append also writes the last entry's id and hash to setting audit.head,
 * so that a truncated tail shows. Triggers refuse to change or delete an
 * entry, except while escale_audit_purge() runs. Someone who writes to the
 * file with other tools bypasses the triggers, but not the chain:
 * escale_audit_verify() finds the first entry changed or missing.
 *
 * Bulk writes (imports, demo data) pause the per-row entries and record
 * one summary entry instead: a trigger that does nothing costs little.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-audit.h"
#include "escale-store-private.h"

typedef struct
{
  guint     paused;   /* depth of escale_audit_set_paused (TRUE) */
  gboolean  purging;
} AuditState;

/* The tables whose writes are recorded. */
static const char *const audited_tables[] = {
  "person", "person_name", "person_nationality", "person_language", "status_period",
  "household", "household_member",
  "action", "action_theme", "action_participant",
  "programme", "programme_funder", "enrolment", "enrolment_situation",
  "partner", "partner_phone", "partner_language", "partner_hours", "partner_closure",
  "partner_contact", "partner_service", "partner_service_eligibility",
  "referral", "consent_record", "app_user", "vocabulary", "vocabulary_label", "setting",
};

/* Columns the store or its triggers keep by themselves (search keys, last
 * contact, bookkeeping of logins): their changes alone are not recorded. */
static const char *const derived_columns[] = {
  "created_at", "created_by", "updated_at", "updated_by",
  "sort_key", "given_key", "phone_key", "search_key",
  "last_contact", "silent_since", "last_login", "failed_attempts", NULL
};

/* (in a printf format) */
#define AT_NOW "strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')"
#define LAST_HASH \
  "coalesce ((SELECT hash FROM main.audit_log ORDER BY id DESC LIMIT 1), " \
  "(SELECT value FROM main.setting WHERE key = 'audit.anchor'), '')"

/* Appends an entry; the four %s are SQL expressions of the operation, the
 * entity, its id and the summary. */
static const char append_format[] =
  "INSERT INTO audit_log "
  "(at, login, operation, entity, entity_id, summary, prev_hash, hash) "
  "SELECT at, login, operation, entity, entity_id, summary, prev, "
  "escale_audit_hash (prev, at, login, operation, entity, entity_id, summary) "
  "FROM (SELECT " AT_NOW " AS at, escale_audit_login () AS login, "
  "%s AS operation, %s AS entity, %s AS entity_id, %s AS summary, "
  LAST_HASH " AS prev)";

static GQuark
audit_state_quark (void)
{
  return g_quark_from_static_string ("escale-audit-state");
}

static AuditState *
get_state (EscaleStore *store)
{
  AuditState *state = g_object_get_qdata (G_OBJECT (store), audit_state_quark ());

  if (state == NULL)
    {
      state = g_new0 (AuditState, 1);
      g_object_set_qdata_full (G_OBJECT (store), audit_state_quark (), state, g_free);
    }
  return state;
}

/* The login recorded: the logged-in account's, "" for the system. */
static const char *
current_login (EscaleStore *store)
{
  /* FIXME: the account's login, "" for the system, once accounts exist */
  return escale_store_get_user (store);
}

/* The hash of an entry, from its fields as text (NULL as ""). */
static char *
compute_hash (const char *const fields[7])
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
  hash = compute_hash (fields);
  sqlite3_result_text (context, hash, -1, SQLITE_TRANSIENT);
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

/* The changed columns' names, comma-separated: "family_name,phone". */
static void
append_changed_names (GString         *sql,
                      const TableInfo *info)
{
  g_string_append (sql, "substr (");
  for (guint i = 0; i < info->columns->len; i++)
    {
      const char *column = g_ptr_array_index (info->columns, i);
      g_autofree char *name = g_strconcat (",", column, NULL);

      if (i > 0)
        g_string_append (sql, " || ");
      g_string_append (sql, "CASE WHEN ");
      append_identifier (sql, "OLD.", column);
      g_string_append (sql, " IS NOT ");
      append_identifier (sql, "NEW.", column);
      g_string_append (sql, " THEN ");
      append_literal (sql, name);
      g_string_append (sql, " ELSE '' END");
    }
  g_string_append (sql, ", 2)");
}

static void
append_any_changed (GString         *sql,
                    const TableInfo *info)
{
  g_string_append (sql, " AND (");
  for (guint i = 0; i < info->columns->len; i++)
    {
      const char *column = g_ptr_array_index (info->columns, i);

      if (i > 0)
        g_string_append (sql, " OR ");
      append_identifier (sql, "OLD.", column);
      g_string_append (sql, " IS NOT ");
      append_identifier (sql, "NEW.", column);
    }
  g_string_append (sql, ")");
}

static void
append_trigger (GString         *sql,
                const TableInfo *info,
                const char      *event,
                const char      *operation,
                const char      *row)
{
  gboolean is_setting = g_str_equal (info->table, "setting");
  g_autoptr(GString) entity = g_string_new (NULL);
  g_autoptr(GString) id = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) op = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("escale_audit_%s_%s", info->table, operation);

  append_literal (entity, info->table);
  append_literal (op, operation);
  append_identifier (id, row, info->id_column);
  /* A setting is known by its key, which is no secret. */
  if (is_setting)
    append_identifier (summary, row, "key");
  else if (g_str_equal (operation, "update"))
    append_changed_names (summary, info);
  else
    g_string_append (summary, "NULL");

  g_string_append (sql, "CREATE TEMP TRIGGER ");
  append_identifier (sql, "", name);
  g_string_append_printf (sql, " AFTER %s ON main.", event);
  append_identifier (sql, "", info->table);
  g_string_append (sql, " WHEN NOT escale_audit_paused ()");
  /* The log's own bookkeeping (its anchor and head) is not an entry. */
  if (is_setting)
    {
      g_string_append (sql, " AND ");
      append_identifier (sql, row, "key");
      g_string_append (sql, " NOT LIKE 'audit.%'");
    }
  if (g_str_equal (operation, "update"))
    append_any_changed (sql, info);
  g_string_append (sql, " BEGIN ");
  g_string_append_printf (sql, append_format, op->str, entity->str, id->str, summary->str);
  g_string_append (sql, "; END;\n");
}

static gboolean
append_table_triggers (EscaleStore  *store,
                       const char   *table,
                       GString      *sql,
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
  append_trigger (sql, &info, "INSERT", "create", "NEW.");
  append_trigger (sql, &info, "UPDATE", "update", "NEW.");
  append_trigger (sql, &info, "DELETE", "delete", "OLD.");
  return TRUE;
}

/* The log itself: append-only, and its head kept. */
static const char log_triggers[] =
  /* Not an upsert: the conflict clause of the statement that fired the
   * trigger (an upsert of another setting) would override its own. */
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
  g_autoptr(GString) sql = g_string_new (log_triggers);

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  get_state (store);
  if (!create_functions (store, error))
    return FALSE;
  if (!has_audit_log (store))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    if (!append_table_triggers (store, audited_tables[i], sql, error))
      return FALSE;
  return escale_store_exec (store, sql->str, error);
}

/**
 * escale_audit_record:
 * @entity: (nullable): a table name
 * @entity_id: its row, 0 for none
 * @summary: (nullable): changed field names or a short text, never a
 *   sensitive value
 *
 * Appends an entry, in the current transaction if one is open. Recorded
 * even while paused: the summary entries of bulk writes are.
 */
gboolean
escale_audit_record (EscaleStore  *store,
                     const char   *operation,
                     const char   *entity,
                     gint64        entity_id,
                     const char   *summary,
                     GError      **error)
{
  g_autofree char *sql = g_strdup_printf (append_format, "?1", "?2", "?3", "?4");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (operation != NULL, FALSE);

  if (!(stmt = escale_store_cached (store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, operation, -1, SQLITE_TRANSIENT);
  escale_bind_text (stmt, 2, entity);
  if (entity_id != 0)
    sqlite3_bind_int64 (stmt, 3, entity_id);
  escale_bind_text (stmt, 4, summary);
  return escale_store_step_done (store, stmt, error);
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
