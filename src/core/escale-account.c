/* escale-account.c — accounts, roles and what each role may do
 *
 * The role of the logged-in account is kept by the store (escale-store.c);
 * every store function that reads or writes records starts with
 * escale_store_require(). A store nobody logged into is the system and may
 * do everything; after a logout it may do nothing.
 *
 * Passwords are hashed with Argon2id (crypto_pwhash_str, the interactive
 * limits: about 64 MiB and a tenth of a second a check). A login checks
 * the password even for an unknown login, so that neither the message nor
 * the time tells whether the login exists. ESCALE_LOCKOUT_ATTEMPTS
 * failures in a row lock the account for ESCALE_LOCKOUT_MINUTES, counted
 * by the store's clock (which the tests set).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "escale-account.h"
#include "escale-account-private.h"
#include "escale-audit.h"
#include "escale-store-private.h"
#include "escale-util.h"

#define OP(name) (1u << ESCALE_OP_##name)
#define ALL_OPS ((1u << ESCALE_N_OPS) - 1)

G_STATIC_ASSERT (ESCALE_N_OPS <= 32);

/* The matrix of escale-account.h, one set of operations a role. */
static const guint32 role_ops[] = {
  [ESCALE_ROLE_SYSTEM] = ALL_OPS,
  [ESCALE_ROLE_ADMINISTRATOR] = ALL_OPS,
  [ESCALE_ROLE_STAFF] = ALL_OPS & ~(OP (ERASE) | OP (SETTINGS) | OP (MANAGE_ACCOUNTS) |
                                    OP (READ_AUDIT)),
  [ESCALE_ROLE_VOLUNTEER] = OP (READ_PERSON) | OP (LIST_PEOPLE) | OP (READ_ACTIONS) |
                            OP (WRITE_ACTION),
  [ESCALE_ROLE_TREASURER] = OP (REPORT),
  [ESCALE_ROLE_NONE] = 0,
};

/* Stored codes, never translated. */
static const char *const role_codes[] = {
  [ESCALE_ROLE_SYSTEM] = NULL,
  [ESCALE_ROLE_ADMINISTRATOR] = "administrator",
  [ESCALE_ROLE_STAFF] = "staff",
  [ESCALE_ROLE_VOLUNTEER] = "volunteer",
  [ESCALE_ROLE_TREASURER] = "treasurer",
  [ESCALE_ROLE_NONE] = NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (role_ops) == ESCALE_ROLE_NONE + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (role_codes) == ESCALE_ROLE_NONE + 1);

/* Why a role may not do an operation. */
static const char *const refusals[] = {
  [ESCALE_OP_READ_PERSON] = N_("Your role does not allow you to open people’s files"),
  [ESCALE_OP_LIST_PEOPLE] = N_("Your role does not allow you to list or search people"),
  [ESCALE_OP_WRITE_PERSON] = N_("Your role does not allow you to create or change people’s "
                                "files"),
  [ESCALE_OP_READ_SENSITIVE] = N_("Your role does not allow you to read health, legal or "
                                  "origin details, nor confidential notes"),
  [ESCALE_OP_READ_ACTIONS] = N_("Your role does not allow you to read the follow-up or the "
                                "agenda"),
  [ESCALE_OP_WRITE_ACTION] = N_("Your role does not allow you to record or change actions"),
  [ESCALE_OP_WRITE_PARTNER] = N_("Your role does not allow you to change the partner "
                                 "directory"),
  [ESCALE_OP_REPORT] = N_("Your role does not allow you to see reports"),
  [ESCALE_OP_EXPORT_PERSON] = N_("Your role does not allow you to export a person’s data"),
  [ESCALE_OP_ERASE] = N_("Your role does not allow you to erase or anonymise files"),
  [ESCALE_OP_SETTINGS] = N_("Your role does not allow you to change the settings"),
  [ESCALE_OP_MANAGE_ACCOUNTS] = N_("Your role does not allow you to manage accounts"),
  [ESCALE_OP_READ_AUDIT] = N_("Your role does not allow you to read the audit log"),
  [ESCALE_OP_IMPORT] = N_("Your role does not allow you to import data"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (refusals) == ESCALE_N_OPS);

#define WRONG_LOGIN _("Wrong login or password")
#define ACCOUNT_MISSING _("This account no longer exists")

#define ACCOUNT_COLUMNS \
  "id, login, name, role, must_change_password, active, locked_until, interface_language, " \
  "last_login, password_hash, failed_attempts"

void
escale_account_free (EscaleAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->login);
  g_free (account->name);
  g_free (account->locked_until);
  g_free (account->interface_language);
  g_free (account->last_login);
  g_free (account);
}

const char *
escale_role_to_code (EscaleRole role)
{
  g_return_val_if_fail (role <= ESCALE_ROLE_NONE, NULL);
  return role_codes[role];
}

gboolean
escale_role_from_code (const char *code,
                       EscaleRole *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_codes); i++)
    if (role_codes[i] != NULL && g_strcmp0 (code, role_codes[i]) == 0)
      {
        *role = (EscaleRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
escale_role_label (EscaleRole role)
{
  switch (role)
    {
    case ESCALE_ROLE_ADMINISTRATOR:
      return C_("role", "Administrator");
    case ESCALE_ROLE_STAFF:
      return C_("role", "Staff");
    case ESCALE_ROLE_VOLUNTEER:
      return C_("role", "Volunteer");
    case ESCALE_ROLE_TREASURER:
      return C_("role", "Treasurer");
    case ESCALE_ROLE_SYSTEM:
    case ESCALE_ROLE_NONE:
    default:
      return "";
    }
}

gboolean
escale_role_allows (EscaleRole      role,
                    EscaleOperation op)
{
  g_return_val_if_fail (role <= ESCALE_ROLE_NONE, FALSE);
  g_return_val_if_fail (op < ESCALE_N_OPS, FALSE);

  return (role_ops[role] & (1u << op)) != 0;
}

gboolean
escale_store_require (EscaleStore      *store,
                      EscaleOperation   op,
                      GError          **error)
{
  EscaleRole role = escale_store_get_role (store);
  const EscaleAccount *account;

  if (role == ESCALE_ROLE_SYSTEM)
    return TRUE;
  if (role == ESCALE_ROLE_NONE)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION,
                           _("Log in to do this"));
      return FALSE;
    }
  account = escale_store_get_account (store);
  if (account != NULL && account->must_change_password)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION,
                           _("Change your password before going on"));
      return FALSE;
    }
  if (escale_role_allows (role, op))
    return TRUE;
  g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION,
                       _(refusals[op]));
  return FALSE;
}

/* Sensitive fields */

static gboolean
reads_sensitive (EscaleStore *store)
{
  return escale_role_allows (escale_store_get_role (store), ESCALE_OP_READ_SENSITIVE);
}

gboolean
escale_store_may_see_field (EscaleStore *store,
                            const char  *entity,
                            const char  *field)
{
  sqlite3_stmt *stmt;
  gboolean listed;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (reads_sensitive (store))
    return TRUE;
  stmt = escale_store_cached (store, "SELECT 1 FROM sensitive_field "
                              "WHERE entity = ? AND field = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  listed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return !listed;
}

gboolean
escale_store_may_see_action_notes (EscaleStore        *store,
                                   const char * const *themes)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    if (!escale_store_may_see_field (store, "action_theme", themes[i]))
      return FALSE;
  return TRUE;
}

/* For the lists that do not load an action's themes. */
gboolean
escale_store_may_see_notes_of_action (EscaleStore *store,
                                      gint64       action_id)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) themes = NULL;
  sqlite3_stmt *stmt;

  if (reads_sensitive (store))
    return TRUE;
  stmt = escale_store_cached (store, "SELECT theme FROM action_theme WHERE action_id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  builder = g_strv_builder_new ();
  sqlite3_bind_int64 (stmt, 1, action_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  themes = g_strv_builder_end (builder);
  return escale_store_may_see_action_notes (store, (const char * const *) themes);
}

gboolean
escale_store_may_see_action (EscaleStore *store,
                             gboolean     confidential,
                             const char  *worker)
{
  const EscaleAccount *account;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!confidential || reads_sensitive (store))
    return TRUE;
  account = escale_store_get_account (store);
  return account != NULL && worker != NULL &&
         (g_strcmp0 (worker, account->login) == 0 || g_strcmp0 (worker, account->name) == 0);
}

/**
 * escale_store_cached_for_role:
 * @restricted_sql: @sql with ESCALE_SQL_ACTION_VISIBLE among its conditions
 *
 * Returns: (transfer none) (nullable): the cached statement of @sql, or of
 *   @restricted_sql for a role that may not read sensitive details, its
 *   ?61 and ?62 bound to the account's login and name
 */
sqlite3_stmt *
escale_store_cached_for_role (EscaleStore  *store,
                              const char   *sql,
                              const char   *restricted_sql,
                              GError      **error)
{
  const EscaleAccount *account;
  sqlite3_stmt *stmt;

  if (reads_sensitive (store))
    return escale_store_cached (store, sql, error);
  stmt = escale_store_cached (store, restricted_sql, error);
  account = escale_store_get_account (store);
  if (stmt != NULL && account != NULL)
    {
      sqlite3_bind_text (stmt, 61, account->login, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 62, account->name ? account->name : account->login, -1,
                         SQLITE_TRANSIENT);
    }
  return stmt;
}

/* Passwords */

static gboolean
init_sodium (GError **error)
{
  static gsize done;
  static gboolean ok;

  if (g_once_init_enter (&done))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&done, 1);
    }
  if (!ok)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN,
                         _("The cryptography library could not start"));
  return ok;
}

static gboolean
check_new_password (const char  *password,
                    GError     **error)
{
  if (password != NULL && g_utf8_validate (password, -1, NULL) &&
      g_utf8_strlen (password, -1) >= ESCALE_MIN_PASSWORD_LENGTH)
    return TRUE;
  g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "A password has at least %d character",
                            "A password has at least %d characters",
                            ESCALE_MIN_PASSWORD_LENGTH),
               ESCALE_MIN_PASSWORD_LENGTH);
  return FALSE;
}

/* The cost of new hashes; a hash keeps its own, which checking it reads. */
static guint64 hash_opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
static gsize hash_memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

/* For the tests under valgrind, where a hash of the interactive cost takes
 * seconds. */
void
escale_account_set_hash_limits (guint64 opslimit,
                                gsize   memlimit)
{
  hash_opslimit = opslimit;
  hash_memlimit = memlimit;
}

/* Returns: (transfer full) (nullable): the Argon2id hash of @password */
static char *
hash_password (const char  *password,
               GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!init_sodium (error))
    return NULL;
  if (crypto_pwhash_str_alg (hash, password, strlen (password), hash_opslimit, hash_memlimit,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN,
                           _("Not enough memory to protect the password"));
      return NULL;
    }
  return g_strdup (hash);
}

static gboolean
password_matches (const char *hash,
                  const char *password)
{
  if (!init_sodium (NULL) || password == NULL)
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

/* A hash to check when the login is unknown, so that it takes as long as
 * a wrong password does. */
static const char *
decoy_hash (void)
{
  static char *hash;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_autofree char *random = g_uuid_string_random ();

      hash = hash_password (random, NULL);
      g_once_init_leave (&done, 1);
    }
  return hash;
}

/* Reading accounts */

typedef struct
{
  EscaleAccount *account;
  char          *hash;
  int            failed_attempts;
} AccountRow;

static void
account_row_clear (AccountRow *row)
{
  g_clear_pointer (&row->account, escale_account_free);
  g_clear_pointer (&row->hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AccountRow, account_row_clear)

static EscaleAccount *
account_from_row (sqlite3_stmt *stmt)
{
  EscaleAccount *account = g_new0 (EscaleAccount, 1);

  account->id = sqlite3_column_int64 (stmt, 0);
  account->login = escale_column_dup (stmt, 1);
  account->name = escale_column_dup (stmt, 2);
  if (!escale_role_from_code ((const char *) sqlite3_column_text (stmt, 3), &account->role))
    account->role = ESCALE_ROLE_NONE;
  account->must_change_password = sqlite3_column_int (stmt, 4) != 0;
  account->active = sqlite3_column_int (stmt, 5) != 0;
  account->locked_until = escale_column_dup (stmt, 6);
  account->interface_language = escale_column_dup (stmt, 7);
  account->last_login = escale_column_dup (stmt, 8);
  return account;
}

/* An EscaleRowFunc. */
static gpointer
read_account (sqlite3_stmt *stmt,
              G_GNUC_UNUSED gpointer data)
{
  return account_from_row (stmt);
}

/* Fills @row with the account of @login (when @id is 0) or @id; FALSE
 * when there is none or on a database error. */
static gboolean
find_account (EscaleStore *store,
              const char  *login,
              gint64       id,
              AccountRow  *row)
{
  sqlite3_stmt *stmt;

  stmt = escale_store_cached (store, id != 0
                              ? "SELECT " ACCOUNT_COLUMNS " FROM app_user WHERE id = ?"
                              : "SELECT " ACCOUNT_COLUMNS " FROM app_user WHERE login = ?",
                              NULL);
  if (stmt == NULL)
    return FALSE;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row->account = account_from_row (stmt);
      row->hash = escale_column_dup (stmt, 9);
      row->failed_attempts = sqlite3_column_int (stmt, 10);
    }
  sqlite3_reset (stmt);
  return row->account != NULL;
}

gboolean
escale_store_has_accounts (EscaleStore *store)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  stmt = escale_store_cached (store, "SELECT 1 FROM app_user LIMIT 1", NULL);
  if (stmt == NULL)
    return FALSE;
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * escale_store_list_accounts:
 *
 * Returns: (transfer full) (element-type EscaleAccount) (nullable): every
 *   account, by login
 */
GPtrArray *
escale_store_list_accounts (EscaleStore  *store,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_MANAGE_ACCOUNTS, error))
    return NULL;
  stmt = escale_store_cached (store, "SELECT " ACCOUNT_COLUMNS " FROM app_user ORDER BY login",
                              error);
  if (stmt == NULL)
    return NULL;
  return escale_store_collect_rows (store, stmt, read_account, NULL,
                                    (GDestroyNotify) escale_account_free, error);
}

/* Writing accounts */

static char *
format_now (EscaleStore *store,
            int          minutes_later)
{
  g_autoptr(GDateTime) now = escale_store_get_now (store);
  g_autoptr(GDateTime) then = g_date_time_add_minutes (now, minutes_later);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

/* Runs @stmt, bound, in a transaction of its own with an audit entry. */
static gboolean
write_audited (EscaleStore   *store,
               sqlite3_stmt  *stmt,
               const char    *operation,
               gint64         id,
               GError       **error)
{
  if (stmt == NULL || !escale_store_begin (store, error))
    {
      if (stmt != NULL)
        sqlite3_reset (stmt);
      return FALSE;
    }
  if (!escale_store_step_done (store, stmt, error) ||
      (operation != NULL && !escale_audit_record (store, operation, "app_user", id, NULL, error)) ||
      !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* Returns: (transfer full) (nullable): @login without surrounding spaces,
 * or %NULL when that leaves nothing */
static char *
clean_login (const char  *login,
             GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (login ? login : ""));

  if (*clean != '\0' && g_utf8_validate (clean, -1, NULL))
    return g_steal_pointer (&clean);
  g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                       _("Choose a login"));
  return NULL;
}

/* The very first account needs no right: it is how a database gets one. */
static gboolean
require_creation (EscaleStore  *store,
                  EscaleRole    role,
                  GError      **error)
{
  if (escale_store_has_accounts (store))
    return escale_store_require (store, ESCALE_OP_MANAGE_ACCOUNTS, error);
  if (role == ESCALE_ROLE_ADMINISTRATOR)
    return TRUE;
  g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                       _("The first account must be an administrator’s"));
  return FALSE;
}

gint64
escale_store_create_account (EscaleStore  *store,
                             const char   *login,
                             const char   *name,
                             EscaleRole    role,
                             const char   *password,
                             GError      **error)
{
  g_auto(AccountRow) existing = { 0 };
  g_autofree char *clean = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), 0);

  if (!require_creation (store, role, error) || !(clean = clean_login (login, error)))
    return 0;
  login = clean;
  if (escale_role_to_code (role) == NULL)
    g_return_val_if_reached (0);
  if (find_account (store, login, 0, &existing))
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   _("The login “%s” is already taken"), login);
      return 0;
    }
  if (!check_new_password (password, error) || !(hash = hash_password (password, error)))
    return 0;
  stmt = escale_store_cached (store, "INSERT INTO app_user (login, name, role, password_hash, "
                              "created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 2, name);
  sqlite3_bind_text (stmt, 3, escale_role_to_code (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, hash, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 5, escale_store_get_user (store));
  if (!escale_store_begin (store, error))
    return 0;
  if (!escale_store_step_done (store, stmt, error) || !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      return 0;
    }
  return sqlite3_last_insert_rowid (escale_store_get_db (store));
}

/* Whether another active administrator than @id remains. */
static gboolean
other_administrator (EscaleStore *store,
                     gint64       id)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT 1 FROM app_user WHERE id <> ? "
                                            "AND role = 'administrator' AND active", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
escale_store_update_account (EscaleStore  *store,
                             gint64        id,
                             const char   *name,
                             EscaleRole    role,
                             gboolean      active,
                             GError      **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_MANAGE_ACCOUNTS, error))
    return FALSE;
  if (escale_role_to_code (role) == NULL)
    g_return_val_if_reached (FALSE);
  if ((role != ESCALE_ROLE_ADMINISTRATOR || !active) && !other_administrator (store, id))
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                           _("At least one active administrator must remain"));
      return FALSE;
    }
  now = format_now (store, 0);
  stmt = escale_store_cached (store, "UPDATE app_user SET name = ?, role = ?, active = ?, "
                              "updated_at = ?, updated_by = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  escale_bind_text (stmt, 1, name);
  sqlite3_bind_text (stmt, 2, escale_role_to_code (role), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, active ? 1 : 0);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 5, escale_store_get_user (store));
  sqlite3_bind_int64 (stmt, 6, id);
  return escale_store_write_one (store, stmt, ACCOUNT_MISSING, error);
}

/* Sets the password of @id; @must_change for a reset by an administrator.
 * A reset also lifts a lockout. */
static gboolean
set_password (EscaleStore  *store,
              gint64        id,
              const char   *password,
              gboolean      must_change,
              GError      **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *now = format_now (store, 0);
  sqlite3_stmt *stmt;

  if (!check_new_password (password, error) || !(hash = hash_password (password, error)))
    return FALSE;
  stmt = escale_store_cached (store, "UPDATE app_user SET password_hash = ?, "
                              "must_change_password = ?, failed_attempts = 0, "
                              "locked_until = NULL, updated_at = ?, updated_by = ? "
                              "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, must_change ? 1 : 0);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 4, escale_store_get_user (store));
  sqlite3_bind_int64 (stmt, 5, id);
  return escale_store_write_one (store, stmt, ACCOUNT_MISSING, error);
}

gboolean
escale_store_reset_password (EscaleStore  *store,
                             gint64        id,
                             const char   *new_password,
                             GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  return escale_store_require (store, ESCALE_OP_MANAGE_ACCOUNTS, error) &&
         set_password (store, id, new_password, TRUE, error);
}

/* Logging in */

static void
set_locked_error (const char  *locked_until,
                  GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 (locked_until, utc);
  g_autoptr(GDateTime) local = until ? g_date_time_to_local (until) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%H:%M") : g_strdup (locked_until);

  g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN,
               /* Translators: %s is a time of day, 14:05 */
               _("Too many failed logins: this account is locked until %s"), when);
}

static gboolean
is_locked (EscaleStore         *store,
           const EscaleAccount *account)
{
  g_autofree char *now = format_now (store, 0);

  return account->locked_until != NULL && g_strcmp0 (account->locked_until, now) > 0;
}

/* Counts a failure; the last one allowed locks the account. */
static void
count_failure (EscaleStore *store,
               AccountRow  *row)
{
  gboolean lock = row->failed_attempts + 1 >= ESCALE_LOCKOUT_ATTEMPTS;
  g_autofree char *until = lock ? format_now (store, ESCALE_LOCKOUT_MINUTES) : NULL;
  sqlite3_stmt *stmt;

  stmt = escale_store_cached (store, "UPDATE app_user SET failed_attempts = ?, "
                              "locked_until = coalesce (?, locked_until) WHERE id = ?", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int (stmt, 1, lock ? 0 : row->failed_attempts + 1);
  escale_bind_text (stmt, 2, until);
  sqlite3_bind_int64 (stmt, 3, row->account->id);
  write_audited (store, stmt, "login_failed", row->account->id, NULL);
}

/* Checks @password against @row, counting failures: the same for a login
 * and for unlocking the idle lock. */
static gboolean
authenticate (EscaleStore  *store,
              AccountRow   *row,
              const char   *password,
              GError      **error)
{
  if (row->account == NULL)
    {
      password_matches (decoy_hash (), password);
      escale_audit_record (store, "login_failed", "app_user", 0, NULL, NULL);
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN, WRONG_LOGIN);
      return FALSE;
    }
  if (is_locked (store, row->account))
    {
      set_locked_error (row->account->locked_until, error);
      return FALSE;
    }
  if (!password_matches (row->hash, password))
    {
      count_failure (store, row);
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN, WRONG_LOGIN);
      return FALSE;
    }
  return TRUE;
}

/* Clears the failures and notes the login. */
static gboolean
record_login (EscaleStore   *store,
              EscaleAccount *account,
              GError       **error)
{
  g_autofree char *now = format_now (store, 0);
  sqlite3_stmt *stmt;

  stmt = escale_store_cached (store, "UPDATE app_user SET failed_attempts = 0, "
                              "locked_until = NULL, last_login = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, account->id);
  if (!write_audited (store, stmt, "login", account->id, error))
    return FALSE;
  escale_set_str (&account->last_login, now);
  g_clear_pointer (&account->locked_until, g_free);
  return TRUE;
}

gboolean
escale_store_login (EscaleStore  *store,
                    const char   *login,
                    const char   *password,
                    GError      **error)
{
  g_auto(AccountRow) row = { 0 };
  g_autofree char *clean = NULL;
  EscaleAccount *account;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!init_sodium (error))
    return FALSE;
  if ((clean = clean_login (login, NULL)) != NULL)
    find_account (store, clean, 0, &row);
  if (!authenticate (store, &row, password, error))
    return FALSE;
  if (!row.account->active)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN,
                           _("This account is deactivated: ask an administrator"));
      return FALSE;
    }
  /* Who the audit entry and the records' created_by name from now on. */
  account = g_steal_pointer (&row.account);
  escale_store_set_session (store, account, account->role);
  escale_store_set_user (store, account->login);
  if (record_login (store, account, error))
    return TRUE;
  escale_store_logout (store);
  return FALSE;
}

void
escale_store_logout (EscaleStore *store)
{
  g_return_if_fail (ESCALE_IS_STORE (store));

  escale_store_set_session (store, NULL, ESCALE_ROLE_NONE);
  escale_store_set_user (store, g_get_user_name ());
}

/* The logged-in account's row, for checking its password again. */
static gboolean
find_own_account (EscaleStore  *store,
                  AccountRow   *row,
                  GError      **error)
{
  const EscaleAccount *account = escale_store_get_account (store);

  if (account != NULL && find_account (store, NULL, account->id, row))
    return TRUE;
  g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN,
                       account ? ACCOUNT_MISSING : _("Nobody is logged in"));
  return FALSE;
}

gboolean
escale_store_verify_password (EscaleStore  *store,
                              const char   *password,
                              GError      **error)
{
  g_auto(AccountRow) row = { 0 };

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  return find_own_account (store, &row, error) &&
         authenticate (store, &row, password, error);
}

gboolean
escale_store_change_password (EscaleStore  *store,
                              const char   *old_password,
                              const char   *new_password,
                              GError      **error)
{
  g_auto(AccountRow) row = { 0 };
  EscaleAccount *account;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!find_own_account (store, &row, error) ||
      !authenticate (store, &row, old_password, error))
    return FALSE;
  if (new_password != NULL && password_matches (row.hash, new_password))
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                           _("Choose a new password, not the current one"));
      return FALSE;
    }
  if (!set_password (store, row.account->id, new_password, FALSE, error))
    return FALSE;
  account = g_steal_pointer (&row.account);
  account->must_change_password = FALSE;
  escale_store_set_session (store, account, account->role);
  return TRUE;
}

/**
 * escale_store_set_account_language:
 * @code: (nullable): a language code, or %NULL or "" for the system's
 *
 * The account's own choice: any account logged in may make it.
 */
gboolean
escale_store_set_account_language (EscaleStore  *store,
                                   const char   *code,
                                   GError      **error)
{
  g_auto(AccountRow) row = { 0 };
  g_autofree char *now = NULL;
  EscaleAccount *account;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!find_own_account (store, &row, error))
    return FALSE;
  now = format_now (store, 0);
  stmt = escale_store_cached (store, "UPDATE app_user SET interface_language = ?, "
                              "updated_at = ?, updated_by = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  escale_bind_text (stmt, 1, code);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 3, escale_store_get_user (store));
  sqlite3_bind_int64 (stmt, 4, row.account->id);
  if (!escale_store_write_one (store, stmt, ACCOUNT_MISSING, error))
    return FALSE;
  account = g_steal_pointer (&row.account);
  g_free (account->interface_language);
  account->interface_language = code != NULL && *code != '\0' ? g_strdup (code) : NULL;
  escale_store_set_session (store, account, account->role);
  return TRUE;
}

/* Worker connections */

struct _EscaleStoreAccess
{
  char          *path;
  EscaleAccount *account;   /* NULL for the system */
  EscaleRole     role;
};

static EscaleAccount *
account_copy (const EscaleAccount *account)
{
  EscaleAccount *copy = g_memdup2 (account, sizeof *account);

  copy->login = g_strdup (account->login);
  copy->name = g_strdup (account->name);
  copy->locked_until = g_strdup (account->locked_until);
  copy->interface_language = g_strdup (account->interface_language);
  copy->last_login = g_strdup (account->last_login);
  return copy;
}

EscaleStoreAccess *
escale_store_access_new (EscaleStore *store)
{
  EscaleStoreAccess *access = g_new0 (EscaleStoreAccess, 1);
  const EscaleAccount *account = escale_store_get_account (store);

  access->path = g_strdup (escale_store_get_path (store));
  access->account = account ? account_copy (account) : NULL;
  access->role = escale_store_get_role (store);
  return access;
}

/**
 * escale_store_access_open:
 *
 * Returns: (transfer full) (nullable): a new store on the file, logged in
 *   as the account @access was made from
 */
EscaleStore *
escale_store_access_open (const EscaleStoreAccess  *access,
                          GError                  **error)
{
  EscaleStore *store = escale_store_open (access->path, error);

  if (store == NULL)
    return NULL;
  if (access->account != NULL)
    escale_store_set_user (store, access->account->login);
  escale_store_set_session (store, access->account ? account_copy (access->account) : NULL,
                            access->role);
  return store;
}

void
escale_store_access_free (EscaleStoreAccess *access)
{
  g_free (access->path);
  escale_account_free (access->account);
  g_free (access);
}
