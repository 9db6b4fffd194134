/* escale-action-store.c — reading and writing the follow-up timeline
 *
 * Every write is one transaction. An action whose next step has a due date
 * creates, once, a planned action of the same kind on that date; editing
 * the next step moves that planned action while it is still planned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-action-store.h"
#include "escale-date.h"
#include "escale-store-private.h"
#include "escale-vocab.h"

#define ACTION_MISSING _("This action no longer exists")

static const char *const statuses[] = { "planned", "done", "cancelled", "missed", NULL };
static const char *const outcomes[] = { "pending", "accepted", "refused", "completed", NULL };
static const char *const scopes[] = {
  ESCALE_ACTION_SCOPE_PERSON, ESCALE_ACTION_SCOPE_HOUSEHOLD, ESCALE_ACTION_SCOPE_GROUP, NULL,
};

#define TIMELINE_IDS \
  "SELECT id FROM action WHERE person_id = ?1 " \
  "UNION SELECT a.id FROM action a " \
  "  JOIN household_member m ON m.household_id = a.household_id WHERE m.person_id = ?1 " \
  "UNION SELECT action_id FROM action_participant WHERE person_id = ?1"

void
escale_action_error_free (EscaleActionError *error)
{
  g_free (error->message);
  g_free (error);
}

static void
add_error (GPtrArray         *errors,
           EscaleActionField  field,
           guint              index,
           const char        *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
add_error (GPtrArray         *errors,
           EscaleActionField  field,
           guint              index,
           const char        *format,
           ...)
{
  EscaleActionError *error = g_new0 (EscaleActionError, 1);
  va_list args;

  va_start (args, format);
  error->field = field;
  error->index = index;
  error->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, error);
}

/**
 * escale_store_check_iso_date:
 *
 * Returns: whether @iso is a date that exists, written YYYY-MM-DD
 */
gboolean
escale_store_check_iso_date (const char *iso)
{
  g_autoptr(GDate) date = NULL;

  if (iso == NULL || strlen (iso) != 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? iso[i] != '-' : !g_ascii_isdigit (iso[i]))
      return FALSE;
  date = escale_date_to_gdate (iso);
  return date != NULL;
}

static gboolean
check_time (const char *time)
{
  return strlen (time) == 5 && g_ascii_isdigit (time[0]) && g_ascii_isdigit (time[1]) &&
         time[2] == ':' && g_ascii_isdigit (time[3]) && g_ascii_isdigit (time[4]) &&
         (time[0] - '0') * 10 + (time[1] - '0') < 24 && time[3] < '6';
}

/* Whether the row @id of @table exists; @table is one of ours, never input. */
gboolean
escale_store_row_exists (EscaleStore *store,
                         const char  *table,
                         gint64       id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  sqlite3_stmt *stmt = escale_store_cached (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
is_set (EscaleAction      *action,
        EscaleActionField  field)
{
  return escale_action_get_int (action, field) != ESCALE_ACTION_UNSET;
}

static void
check_reference (EscaleStore       *store,
                 EscaleAction      *action,
                 EscaleActionField  field,
                 const char        *table,
                 const char        *message,
                 GPtrArray         *errors)
{
  gint64 id = escale_action_get_int (action, field);

  if (id != ESCALE_ACTION_UNSET && !escale_store_row_exists (store, table, id))
    add_error (errors, field, 0, "%s", message);
}

static void
validate_participants (EscaleStore  *store,
                       EscaleAction *action,
                       GPtrArray    *errors)
{
  GArray *participants = escale_action_get_participants (action);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (participants->len > 0 &&
      g_strcmp0 (escale_action_get (action, ESCALE_ACTION_FIELD_SCOPE),
                 ESCALE_ACTION_SCOPE_GROUP) != 0)
    {
      add_error (errors, ESCALE_ACTION_FIELD_PARTICIPANTS, 0, "%s",
                 _("Only a group session has participants"));
      return;
    }
  for (guint i = 0; i < participants->len; i++)
    {
      EscaleParticipant *participant = &g_array_index (participants, EscaleParticipant, i);

      if (!escale_store_row_exists (store, "person", participant->person_id))
        add_error (errors, ESCALE_ACTION_FIELD_PARTICIPANTS, i, "%s",
                   _("This person's file no longer exists"));
      else if (!g_hash_table_add (seen, &participant->person_id))
        add_error (errors, ESCALE_ACTION_FIELD_PARTICIPANTS, i, "%s",
                   _("This person is already a participant"));
    }
}

static void
validate_scope (EscaleStore  *store,
                EscaleAction *action,
                GPtrArray    *errors)
{
  const char *scope = escale_action_get (action, ESCALE_ACTION_FIELD_SCOPE);
  gboolean person = is_set (action, ESCALE_ACTION_FIELD_PERSON_ID);
  gboolean household = is_set (action, ESCALE_ACTION_FIELD_HOUSEHOLD_ID);

  if (scope == NULL || !g_strv_contains (scopes, scope))
    {
      /* Translators: person, household and group are codes and stay as they are */
      add_error (errors, ESCALE_ACTION_FIELD_SCOPE, 0,
                 _("Unknown scope “%s”: use person, household or group"), scope ? scope : "");
      return;
    }
  if (g_str_equal (scope, ESCALE_ACTION_SCOPE_PERSON) && !person)
    add_error (errors, ESCALE_ACTION_FIELD_PERSON_ID, 0, "%s",
               _("Choose the person this action concerns"));
  else if (g_str_equal (scope, ESCALE_ACTION_SCOPE_HOUSEHOLD) && !household)
    add_error (errors, ESCALE_ACTION_FIELD_HOUSEHOLD_ID, 0, "%s",
               _("Choose the household this action concerns"));
  else if ((person && !g_str_equal (scope, ESCALE_ACTION_SCOPE_PERSON)) ||
           (household && !g_str_equal (scope, ESCALE_ACTION_SCOPE_HOUSEHOLD)))
    add_error (errors, ESCALE_ACTION_FIELD_SCOPE, 0, "%s",
               _("An action concerns one person, one household or a group session, "
                 "not several"));
  check_reference (store, action, ESCALE_ACTION_FIELD_PERSON_ID, "person",
                   _("This person's file no longer exists"), errors);
  check_reference (store, action, ESCALE_ACTION_FIELD_HOUSEHOLD_ID, "household",
                   _("This household no longer exists"), errors);
  validate_participants (store, action, errors);
}

static void
validate_when (EscaleAction *action,
               GPtrArray    *errors)
{
  const char *date = escale_action_get (action, ESCALE_ACTION_FIELD_DATE);
  const char *time = escale_action_get (action, ESCALE_ACTION_FIELD_TIME);
  const char *next_step = escale_action_get (action, ESCALE_ACTION_FIELD_NEXT_STEP);
  const char *due = escale_action_get (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE);
  gint64 duration = escale_action_get_int (action, ESCALE_ACTION_FIELD_DURATION);

  if (date == NULL)
    add_error (errors, ESCALE_ACTION_FIELD_DATE, 0, "%s", _("The date is required"));
  else if (!escale_store_check_iso_date (date))
    add_error (errors, ESCALE_ACTION_FIELD_DATE, 0, "%s", _("This date does not exist"));
  if (time != NULL && !check_time (time))
    add_error (errors, ESCALE_ACTION_FIELD_TIME, 0, "%s",
               _("Write the time as HH:MM, for example 09:30"));
  if (duration != ESCALE_ACTION_UNSET && duration < 0)
    add_error (errors, ESCALE_ACTION_FIELD_DURATION, 0, "%s",
               _("The duration cannot be negative"));
  if (due == NULL)
    return;
  if (!escale_store_check_iso_date (due))
    add_error (errors, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, 0, "%s", _("This date does not exist"));
  else if (next_step == NULL)
    add_error (errors, ESCALE_ACTION_FIELD_NEXT_STEP, 0, "%s",
               _("Describe the next step before giving it a due date"));
  else if (date != NULL && strcmp (due, date) < 0)
    add_error (errors, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, 0, "%s",
               _("The next step cannot be due before the action"));
}

static void
validate_codes (EscaleStore  *store,
                EscaleAction *action,
                GPtrArray    *errors)
{
  const char *type = escale_action_get (action, ESCALE_ACTION_FIELD_TYPE);
  const char *status = escale_action_get (action, ESCALE_ACTION_FIELD_STATUS);
  const char *outcome = escale_action_get (action, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME);
  const char * const *themes = escale_action_get_themes (action);

  if (type == NULL)
    add_error (errors, ESCALE_ACTION_FIELD_TYPE, 0, "%s", _("The type is required"));
  else if (!escale_vocab_has_code (store, ESCALE_VOCAB_ACTION_TYPE, type))
    add_error (errors, ESCALE_ACTION_FIELD_TYPE, 0, _("Unknown action type “%s”"), type);
  for (guint i = 0; themes[i] != NULL; i++)
    if (!escale_vocab_has_code (store, ESCALE_VOCAB_THEME, themes[i]))
      add_error (errors, ESCALE_ACTION_FIELD_THEMES, i, _("Unknown theme “%s”"), themes[i]);
  if (status == NULL || !g_strv_contains (statuses, status))
    /* Translators: planned, done, cancelled and missed are codes and stay as they are */
    add_error (errors, ESCALE_ACTION_FIELD_STATUS, 0,
               _("Unknown status “%s”: use planned, done, cancelled or missed"),
               status ? status : "");
  if (outcome == NULL)
    return;
  if (!g_strv_contains (outcomes, outcome))
    add_error (errors, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME, 0,
               _("Unknown referral outcome “%s”"), outcome);
  else if (g_strcmp0 (type, "referral") != 0)
    add_error (errors, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME, 0, "%s",
               _("Only a referral has an outcome"));
}

/**
 * escale_store_validate_action:
 *
 * Checks every rule an action must follow before it is saved.
 *
 * Returns: (transfer full) (element-type EscaleActionError): the problems
 *   found, empty when @action can be saved
 */
GPtrArray *
escale_store_validate_action (EscaleStore  *store,
                              EscaleAction *action)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_action_error_free);
  gint64 amount = escale_action_get_int (action, ESCALE_ACTION_FIELD_AMOUNT);
  gint64 follows = escale_action_get_int (action, ESCALE_ACTION_FIELD_FOLLOWS);

  g_return_val_if_fail (ESCALE_IS_STORE (store), errors);
  g_return_val_if_fail (ESCALE_IS_ACTION (action), errors);

  validate_scope (store, action, errors);
  validate_when (action, errors);
  validate_codes (store, action, errors);
  if (amount != ESCALE_ACTION_UNSET && amount < 0)
    add_error (errors, ESCALE_ACTION_FIELD_AMOUNT, 0, "%s", _("The amount cannot be negative"));
  check_reference (store, action, ESCALE_ACTION_FIELD_PROGRAMME_ID, "programme",
                   _("This programme no longer exists"), errors);
  check_reference (store, action, ESCALE_ACTION_FIELD_PARTNER_ID, "partner",
                   _("This partner is no longer in the directory"), errors);
  if (follows != ESCALE_ACTION_UNSET && follows == escale_action_get_id (action))
    add_error (errors, ESCALE_ACTION_FIELD_FOLLOWS, 0, "%s", _("An action cannot follow itself"));
  else
    check_reference (store, action, ESCALE_ACTION_FIELD_FOLLOWS, "action",
                     ACTION_MISSING, errors);
  return errors;
}

/* Writing */

static gboolean
not_found (GError **error)
{
  g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
               "%s", ACTION_MISSING);
  return FALSE;
}

/* The roles that may not read sensitive details change only the actions
 * they see: not the confidential ones of others, and, when @whole, not
 * those whose notes are hidden from them (saving would erase the notes). */
static gboolean
require_editable (EscaleStore   *store,
                  gint64         id,
                  gboolean       whole,
                  GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean visible = TRUE;

  if (id == 0 || escale_role_allows (escale_store_get_role (store), ESCALE_OP_READ_SENSITIVE))
    return TRUE;
  if (!(stmt = escale_store_cached (store, "SELECT confidential, worker FROM action WHERE id = ?",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    visible = escale_store_may_see_action (store, sqlite3_column_int (stmt, 0),
                                           (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (visible && whole)
    visible = escale_store_may_see_notes_of_action (store, id);
  return visible || escale_store_require (store, ESCALE_OP_READ_SENSITIVE, error);
}

static void
bind_int (sqlite3_stmt *stmt,
          int           index,
          gint64        value)
{
  if (value == ESCALE_ACTION_UNSET)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static const char *
action_sql (gboolean is_new)
{
  static char *insert_sql, *update_sql;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GString) columns = g_string_new (NULL), marks = g_string_new (NULL),
                         sets = g_string_new (NULL);

      for (guint i = 0; i < ESCALE_ACTION_N_FIELDS; i++)
        {
          g_string_append_printf (columns, "%s, ", escale_action_field_get_name (i));
          g_string_append (marks, "?, ");
          g_string_append_printf (sets, "%s = ?, ", escale_action_field_get_name (i));
        }
      update_sql = g_strdup_printf ("UPDATE action SET %sconfidential = ?, updated_at = ?, "
                                    "updated_by = ? WHERE id = ?", sets->str);
      insert_sql = g_strdup_printf ("INSERT INTO action (%sconfidential, updated_at, "
                                    "updated_by, created_at, created_by, uuid) "
                                    "VALUES (%s?, ?, ?, ?, ?, ?) RETURNING id, uuid",
                                    columns->str, marks->str);
      g_once_init_leave (&once, 1);
    }
  return is_new ? insert_sql : update_sql;
}

static gboolean
write_action_row (EscaleStore   *store,
                  EscaleAction  *action,
                  GError       **error)
{
  gboolean is_new = escale_action_get_id (action) == 0;
  g_autofree char *now = escale_store_now ();
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  int n = 1;

  if (!(stmt = escale_store_cached (store, action_sql (is_new), error)))
    return FALSE;
  for (guint i = 0; i < ESCALE_ACTION_N_TEXT_FIELDS; i++)
    escale_bind_text (stmt, n++, escale_action_get (action, i));
  for (guint i = ESCALE_ACTION_N_TEXT_FIELDS; i < ESCALE_ACTION_N_FIELDS; i++)
    bind_int (stmt, n++, escale_action_get_int (action, i));
  sqlite3_bind_int (stmt, n++, escale_action_get_confidential (action));
  sqlite3_bind_text (stmt, n++, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, n++, escale_store_get_user (store));
  if (!is_new)
    {
      sqlite3_bind_int64 (stmt, n++, escale_action_get_id (action));
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
      return sqlite3_changes (escale_store_get_db (store)) > 0 || not_found (error);
    }
  uuid = escale_action_get_uuid (action) ? g_strdup (escale_action_get_uuid (action))
                                         : escale_store_new_uuid ();
  sqlite3_bind_text (stmt, n++, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, n++, escale_store_get_user (store));
  sqlite3_bind_text (stmt, n++, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      escale_store_set_sql_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  escale_action_set_id (action, sqlite3_column_int64 (stmt, 0));
  escale_action_set_uuid (action, (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
write_themes (EscaleStore   *store,
              EscaleAction  *action,
              GError       **error)
{
  gint64 id = escale_action_get_id (action);
  const char * const *themes = escale_action_get_themes (action);
  sqlite3_stmt *stmt;

  if (!escale_store_run_with_id (store, "DELETE FROM action_theme WHERE action_id = ?", id, error) ||
      !(stmt = escale_store_cached (store, "INSERT OR IGNORE INTO action_theme (action_id, theme) "
                                    "VALUES (?, ?)", error)))
    return FALSE;
  for (guint i = 0; themes[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, themes[i], -1, SQLITE_STATIC);
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Participants keep their row (and uuid) from one save to the next. */
static gboolean
write_participants (EscaleStore   *store,
                    EscaleAction  *action,
                    GError       **error)
{
  gint64 id = escale_action_get_id (action);
  GArray *participants = escale_action_get_participants (action);
  g_autoptr(GString) kept = g_string_new ("[");
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;

  if (!(stmt = escale_store_cached (store,
                                    "INSERT INTO action_participant (action_id, person_id, "
                                    "attended, created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?4) "
                                    "ON CONFLICT (action_id, person_id) DO UPDATE SET "
                                    "attended = excluded.attended, updated_at = ?5, "
                                    "updated_by = ?4", error)))
    return FALSE;
  for (guint i = 0; i < participants->len; i++)
    {
      EscaleParticipant *participant = &g_array_index (participants, EscaleParticipant, i);

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, participant->person_id);
      bind_int (stmt, 3, participant->attended == ESCALE_ATTENDANCE_UNKNOWN
                         ? ESCALE_ACTION_UNSET : participant->attended);
      escale_bind_text (stmt, 4, escale_store_get_user (store));
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
      g_string_append_printf (kept, "%s%" G_GINT64_FORMAT, i ? "," : "", participant->person_id);
    }
  g_string_append_c (kept, ']');
  if (!(stmt = escale_store_cached (store,
                                    "DELETE FROM action_participant WHERE action_id = ? AND "
                                    "person_id NOT IN (SELECT value FROM json_each (?))", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, kept->str, -1, SQLITE_STATIC);
  return escale_store_step_done (store, stmt, error);
}

static gboolean
write_action (EscaleStore   *store,
              EscaleAction  *action,
              GError       **error)
{
  return write_action_row (store, action, error) &&
         write_themes (store, action, error) &&
         write_participants (store, action, error);
}

/**
 * escale_store_find_follow_up:
 *
 * Returns: the planned action created by the next step of @action_id, or 0
 */
gint64
escale_store_find_follow_up (EscaleStore *store,
                             gint64       action_id)
{
  sqlite3_stmt *stmt = escale_store_cached (store,
                                            "SELECT id FROM action WHERE follows_action_id = ? "
                                            "ORDER BY id LIMIT 1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, action_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
create_follow_up (EscaleStore   *store,
                  EscaleAction  *action,
                  GError       **error)
{
  g_autoptr(EscaleAction) next = escale_action_new ();
  static const EscaleActionField copied[] = {
    ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_FIELD_TYPE, ESCALE_ACTION_FIELD_WORKER,
    ESCALE_ACTION_FIELD_PERSON_ID, ESCALE_ACTION_FIELD_HOUSEHOLD_ID,
    ESCALE_ACTION_FIELD_PROGRAMME_ID,
  };
  GArray *participants = escale_action_get_participants (action);

  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    if (copied[i] < ESCALE_ACTION_N_TEXT_FIELDS)
      escale_action_set (next, copied[i], escale_action_get (action, copied[i]));
    else
      escale_action_set_int (next, copied[i], escale_action_get_int (action, copied[i]));
  /* A referral is one action with its referral row: what comes next is
   * following it up, not another referral. */
  if (g_strcmp0 (escale_action_get (action, ESCALE_ACTION_FIELD_TYPE), "referral") == 0)
    escale_action_set (next, ESCALE_ACTION_FIELD_TYPE, "phone_call");
  escale_action_set_themes (next, escale_action_get_themes (action));
  for (guint i = 0; i < participants->len; i++)
    escale_action_add_participant (next, g_array_index (participants, EscaleParticipant,
                                                        i).person_id,
                                   ESCALE_ATTENDANCE_UNKNOWN);
  escale_action_set (next, ESCALE_ACTION_FIELD_DATE,
                     escale_action_get (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE));
  escale_action_set (next, ESCALE_ACTION_FIELD_STATUS, "planned");
  escale_action_set (next, ESCALE_ACTION_FIELD_NOTES,
                     escale_action_get (action, ESCALE_ACTION_FIELD_NEXT_STEP));
  escale_action_set_int (next, ESCALE_ACTION_FIELD_FOLLOWS, escale_action_get_id (action));
  return write_action (store, next, error);
}

/* The planned action of the next step follows it while it is still planned;
 * once it happened (or not), it is history and stays as it is. */
static gboolean
sync_follow_up (EscaleStore   *store,
                EscaleAction  *action,
                GError       **error)
{
  const char *next_step = escale_action_get (action, ESCALE_ACTION_FIELD_NEXT_STEP);
  const char *due = escale_action_get (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE);
  gint64 follow_up = escale_store_find_follow_up (store, escale_action_get_id (action));
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;

  if (follow_up == 0)
    return next_step == NULL || due == NULL || create_follow_up (store, action, error);
  if (next_step == NULL || due == NULL)
    return escale_store_run_with_id (store, "DELETE FROM action WHERE id = ? AND status = 'planned'",
                       follow_up, error);
  if (!(stmt = escale_store_cached (store,
                                    "UPDATE action SET date = ?, notes = ?, updated_at = ?, "
                                    "updated_by = ? WHERE id = ? AND status = 'planned' "
                                    "AND (date IS NOT ?1 OR notes IS NOT ?2)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, due, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, next_step, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 4, escale_store_get_user (store));
  sqlite3_bind_int64 (stmt, 5, follow_up);
  return escale_store_step_done (store, stmt, error);
}

/* A linked partner without text gets its name, for the displays that only
 * know the text. */
static gboolean
name_linked_partner (EscaleStore   *store,
                     EscaleAction  *action,
                     GError       **error)
{
  gint64 partner_id = escale_action_get_int (action, ESCALE_ACTION_FIELD_PARTNER_ID);
  sqlite3_stmt *stmt;

  if (partner_id == ESCALE_ACTION_UNSET ||
      escale_action_get (action, ESCALE_ACTION_FIELD_PARTNER) != NULL)
    return TRUE;
  if (!(stmt = escale_store_cached (store, "SELECT name FROM partner WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    escale_action_set (action, ESCALE_ACTION_FIELD_PARTNER,
                       (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
refuse_invalid (GPtrArray  *problems,
                GError    **error)
{
  EscaleActionError *first;

  if (problems->len == 0)
    return FALSE;
  first = g_ptr_array_index (problems, 0);
  g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID, "%s: %s",
               escale_action_field_get_name (first->field), first->message);
  return TRUE;
}

/**
 * escale_store_save_action:
 *
 * Validates and writes @action, its themes and participants, and the
 * planned action of its next step, in one transaction. A new action gets
 * its id and uuid.
 */
gboolean
escale_store_save_action (EscaleStore   *store,
                          EscaleAction  *action,
                          GError       **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  gint64 old_id;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (ESCALE_IS_ACTION (action), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_ACTION, error) ||
      !require_editable (store, escale_action_get_id (action), TRUE, error))
    return FALSE;
  problems = escale_store_validate_action (store, action);
  if (refuse_invalid (problems, error) || !name_linked_partner (store, action, error))
    return FALSE;
  old_id = escale_action_get_id (action);
  if (!escale_store_begin (store, error))
    return FALSE;
  if (!write_action (store, action, error) ||
      !sync_follow_up (store, action, error) ||
      !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      escale_action_set_id (action, old_id);
      return FALSE;
    }
  return TRUE;
}

/* Reading */

static gboolean
load_lists (EscaleStore   *store,
            EscaleAction  *action,
            GError       **error)
{
  g_autoptr(GStrvBuilder) themes = g_strv_builder_new ();
  g_auto(GStrv) theme_list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = escale_store_cached (store, "SELECT theme FROM action_theme WHERE action_id = ? "
                                    "ORDER BY theme", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, escale_action_get_id (action));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (themes, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  theme_list = g_strv_builder_end (themes);
  escale_action_set_themes (action, (const char * const *) theme_list);
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      return FALSE;
    }

  if (!(stmt = escale_store_cached (store, "SELECT person_id, attended FROM action_participant "
                                    "WHERE action_id = ? ORDER BY id", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, escale_action_get_id (action));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    escale_action_add_participant (action, sqlite3_column_int64 (stmt, 0),
                                   sqlite3_column_type (stmt, 1) == SQLITE_NULL
                                   ? ESCALE_ATTENDANCE_UNKNOWN : sqlite3_column_int (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* What a role that may not read sensitive details does not get: the
 * confidential actions of others, and the notes of the health and rights
 * themes. */
static gboolean
hide_from_role (EscaleStore   *store,
                EscaleAction  *action,
                GError       **error)
{
  if (!escale_store_may_see_action (store, escale_action_get_confidential (action),
                                    escale_action_get (action, ESCALE_ACTION_FIELD_WORKER)))
    return escale_store_require (store, ESCALE_OP_READ_SENSITIVE, error);
  if (!escale_store_may_see_action_notes (store, escale_action_get_themes (action)))
    escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, NULL);
  return TRUE;
}

static const char *
load_sql (void)
{
  static char *sql;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GString) columns = g_string_new (NULL);

      for (guint i = 0; i < ESCALE_ACTION_N_FIELDS; i++)
        g_string_append_printf (columns, ", %s", escale_action_field_get_name (i));
      sql = g_strdup_printf ("SELECT uuid%s, confidential FROM action WHERE id = ?",
                             columns->str);
      g_once_init_leave (&once, 1);
    }
  return sql;
}

/**
 * escale_store_load_action:
 *
 * Returns: (transfer full) (nullable): the action @id, or %NULL with @error set
 */
EscaleAction *
escale_store_load_action (EscaleStore   *store,
                          gint64         id,
                          GError       **error)
{
  g_autoptr(EscaleAction) action = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_READ_ACTIONS, error) ||
      !(stmt = escale_store_cached (store, load_sql (), error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        not_found (error);
      else
        escale_store_set_sql_error (store, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  action = escale_action_new ();
  escale_action_set_id (action, id);
  escale_action_set_uuid (action, (const char *) sqlite3_column_text (stmt, 0));
  for (guint i = 0; i < ESCALE_ACTION_N_TEXT_FIELDS; i++)
    escale_action_set (action, i, (const char *) sqlite3_column_text (stmt, (int) i + 1));
  for (guint i = ESCALE_ACTION_N_TEXT_FIELDS; i < ESCALE_ACTION_N_FIELDS; i++)
    escale_action_set_int (action, i, sqlite3_column_type (stmt, (int) i + 1) == SQLITE_NULL
                                      ? ESCALE_ACTION_UNSET
                                      : sqlite3_column_int64 (stmt, (int) i + 1));
  escale_action_set_confidential (action, sqlite3_column_int (stmt, ESCALE_ACTION_N_FIELDS + 1));
  sqlite3_reset (stmt);
  if (!load_lists (store, action, error) || !hide_from_role (store, action, error))
    return NULL;
  return g_steal_pointer (&action);
}


/**
 * escale_store_delete_action:
 *
 * Deletes the action @id with its themes and participants. The planned
 * action of its next step stays, without the link.
 */
gboolean
escale_store_delete_action (EscaleStore   *store,
                            gint64         id,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_ACTION, error) ||
      !require_editable (store, id, FALSE, error))
    return FALSE;
  stmt = escale_store_cached (store, "DELETE FROM action WHERE id = ?", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return escale_store_write_one (store, stmt, ACTION_MISSING, error);
}

/**
 * escale_store_set_action_status:
 *
 * Marks the action @id planned, done, cancelled or missed.
 */
gboolean
escale_store_set_action_status (EscaleStore   *store,
                                gint64         id,
                                const char    *status,
                                GError       **error)
{
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_ACTION, error) ||
      !require_editable (store, id, FALSE, error))
    return FALSE;
  if (status == NULL || !g_strv_contains (statuses, status))
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   _("Unknown status “%s”: use planned, done, cancelled or missed"),
                   status ? status : "");
      return FALSE;
    }
  stmt = escale_store_cached (store, "UPDATE action SET status = ?, updated_at = ?, "
                              "updated_by = ? WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      escale_bind_text (stmt, 3, escale_store_get_user (store));
      sqlite3_bind_int64 (stmt, 4, id);
    }
  return escale_store_write_one (store, stmt, ACTION_MISSING, error);
}

/* @sql and @restricted_sql as for escale_store_cached_for_role(). */
static gboolean
collect_ids (EscaleStore   *store,
             const char    *sql,
             const char    *restricted_sql,
             gint64         person_id,
             GArray        *ids,
             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!escale_store_require (store, ESCALE_OP_READ_ACTIONS, error) ||
      !(stmt = escale_store_cached_for_role (store, sql, restricted_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  escale_store_set_sql_error (store, error);
  return FALSE;
}

#define PERSON_ACTIONS "SELECT a.id FROM action a WHERE a.id IN (" TIMELINE_IDS ") "
#define PERSON_ACTIONS_ORDER "ORDER BY a.date DESC, coalesce (a.time, '') DESC, a.id DESC"
#define PERSON_PLANNED PERSON_ACTIONS "AND a.status = 'planned' "
#define PERSON_PLANNED_ORDER "ORDER BY a.date, coalesce (a.time, ''), a.id"

/**
 * escale_store_list_person_actions:
 * @ids: (element-type gint64): receives the ids
 *
 * Appends the ids of the actions on the timeline of @person_id, newest
 * first: their own, their current household's and the group sessions they
 * take part in.
 */
gboolean
escale_store_list_person_actions (EscaleStore   *store,
                                  gint64         person_id,
                                  GArray        *ids,
                                  GError       **error)
{
  return collect_ids (store, PERSON_ACTIONS PERSON_ACTIONS_ORDER,
                      PERSON_ACTIONS "AND" ESCALE_SQL_ACTION_VISIBLE PERSON_ACTIONS_ORDER,
                      person_id, ids, error);
}

/**
 * escale_store_list_person_planned:
 * @ids: (element-type gint64): receives the ids
 *
 * Appends the ids of the planned actions of the timeline of @person_id,
 * overdue or not, the earliest first: they are pinned on top.
 */
gboolean
escale_store_list_person_planned (EscaleStore   *store,
                                  gint64         person_id,
                                  GArray        *ids,
                                  GError       **error)
{
  return collect_ids (store, PERSON_PLANNED PERSON_PLANNED_ORDER,
                      PERSON_PLANNED "AND" ESCALE_SQL_ACTION_VISIBLE PERSON_PLANNED_ORDER,
                      person_id, ids, error);
}
