/* escale-agenda.c — what is due: planned actions, expiring documents, lost contact
 *
 * Dates are ISO local dates compared as text. Due and overdue actions are
 * read through the index on action (status, date), expiring documents
 * through the one on status_period (document_expiry), referrals to follow
 * up through the one on referral (state, sent_on); lost contact costs a
 * few index lookups per open file, whatever the number of actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "escale-account.h"
#include "escale-agenda.h"
#include "escale-store-private.h"

#define PERSON_NAME ESCALE_SQL_PERSON_NAME
/* For the roles that see only some actions, see escale_store_cached_for_role(). */
#define VISIBLE "AND" ESCALE_SQL_ACTION_VISIBLE

void
escale_agenda_action_free (EscaleAgendaAction *action)
{
  g_free (action->date);
  g_free (action->time);
  g_free (action->type);
  g_free (action->worker);
  g_free (action->scope);
  g_free (action->file_number);
  g_free (action->who);
  g_free (action->notes);
  g_free (action->theme);
  g_free (action);
}

void
escale_agenda_expiry_free (EscaleAgendaExpiry *expiry)
{
  g_free (expiry->file_number);
  g_free (expiry->who);
  g_free (expiry->status);
  g_free (expiry->document);
  g_free (expiry->expiry);
  g_free (expiry);
}

void
escale_agenda_lost_contact_free (EscaleAgendaLostContact *lost)
{
  g_free (lost->file_number);
  g_free (lost->who);
  g_free (lost->last_action);
  g_free (lost);
}

void
escale_agenda_referral_free (EscaleAgendaReferral *referral)
{
  g_free (referral->state);
  g_free (referral->sent_on);
  g_free (referral->worker);
  g_free (referral->scope);
  g_free (referral->file_number);
  g_free (referral->who);
  g_free (referral->partner_name);
  g_free (referral->service_theme);
  g_free (referral);
}

static char *
iso_of_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
escale_agenda_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
parse_iso (const char *iso,
           GDate      *date)
{
  unsigned year, month, day;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

char *
escale_agenda_months_before (const char *today,
                             guint       months)
{
  GDate date;

  if (!parse_iso (today, &date))
    g_return_val_if_reached (NULL);
  g_date_subtract_months (&date, months);
  return iso_of_date (&date);
}

static char *
days_after (const char *today,
            int         days)
{
  GDate date;

  if (!parse_iso (today, &date))
    g_return_val_if_reached (NULL);
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return iso_of_date (&date);
}

/* An EscaleRowFunc. */
static gpointer
action_from_row (sqlite3_stmt *stmt,
                 gpointer      data)
{
  const char *today = data;
  EscaleAgendaAction *action = g_new0 (EscaleAgendaAction, 1);

  action->action_id = sqlite3_column_int64 (stmt, 0);
  action->date = escale_column_dup (stmt, 1);
  action->time = escale_column_dup (stmt, 2);
  action->type = escale_column_dup (stmt, 3);
  action->worker = escale_column_dup (stmt, 4);
  action->scope = escale_column_dup (stmt, 5);
  action->person_id = sqlite3_column_int64 (stmt, 6);
  action->household_id = sqlite3_column_int64 (stmt, 7);
  action->file_number = escale_column_dup (stmt, 8);
  action->who = escale_column_dup (stmt, 9);
  action->n_participants = (guint) sqlite3_column_int (stmt, 10);
  action->notes = escale_column_dup (stmt, 11);
  action->theme = escale_column_dup (stmt, 12);
  action->open_person_id = sqlite3_column_int64 (stmt, 13);
  action->overdue = g_strcmp0 (action->date, today) < 0;
  return action;
}

/* Planned actions dated from @from to @to included. */
static gboolean
count_rows (EscaleStore  *store,
            sqlite3_stmt *stmt,
            guint        *n_total,
            GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      escale_store_set_sql_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *n_total = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Two statements, with and without a worker, so that each is a range of
 * an index (action_agenda, action_planned_worker) that counts on its own. */
#define PLANNED_WHERE \
  "WHERE a.status = 'planned' AND a.date BETWEEN ?1 AND ?2 "
#define PLANNED_WHERE_WORKER PLANNED_WHERE "AND a.worker = ?3 "
#define PLANNED_SELECT \
  "SELECT a.id, a.date, a.time, a.type, a.worker, a.scope, " \
  "a.person_id, a.household_id, p.file_number, " ESCALE_SQL_ACTION_WHO ", " \
  "(SELECT count(*) FROM action_participant WHERE action_id = a.id), " \
  "a.notes, (SELECT min (theme) FROM action_theme WHERE action_id = a.id), " \
  ESCALE_SQL_ACTION_OPEN_PERSON " " \
  "FROM action a LEFT JOIN person p ON p.id = a.person_id " \
  "LEFT JOIN household h ON h.id = a.household_id "
#define PLANNED_ORDER "ORDER BY a.date, coalesce (a.time, ''), a.id LIMIT ?4"
#define PLANNED_COUNT "SELECT count(*) FROM action a "

static gboolean
count_planned (EscaleStore  *store,
               const char   *from,
               const char   *to,
               const char   *worker,
               guint        *n_total,
               GError      **error)
{
  sqlite3_stmt *stmt;

  if (worker == NULL)
    stmt = escale_store_cached_for_role (store, PLANNED_COUNT PLANNED_WHERE,
                                         PLANNED_COUNT PLANNED_WHERE VISIBLE, error);
  else
    stmt = escale_store_cached_for_role (store, PLANNED_COUNT PLANNED_WHERE_WORKER,
                                         PLANNED_COUNT PLANNED_WHERE_WORKER VISIBLE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  if (worker != NULL)
    sqlite3_bind_text (stmt, 3, worker, -1, SQLITE_TRANSIENT);
  return count_rows (store, stmt, n_total, error);
}

/* Blanks the notes the role may not read (see escale-account.h). */
static GPtrArray *
hide_notes (EscaleStore *store,
            GPtrArray   *actions)
{
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      EscaleAgendaAction *action = g_ptr_array_index (actions, i);

      if (!escale_store_may_see_notes_of_action (store, action->action_id))
        g_clear_pointer (&action->notes, g_free);
    }
  return actions;
}

/* The planned actions from @from to @to, at most @limit (0: all) of them
 * in date order, and how many there are in all in @n_total (optional). */
static GPtrArray *
list_planned (EscaleStore  *store,
              const char   *from,
              const char   *to,
              const char   *today,
              const char   *worker,
              guint         limit,
              guint        *n_total,
              GError      **error)
{
  sqlite3_stmt *stmt;

  if (!escale_store_require (store, ESCALE_OP_READ_ACTIONS, error) ||
      (n_total != NULL && !count_planned (store, from, to, worker, n_total, error)))
    return NULL;
  if (worker == NULL)
    stmt = escale_store_cached_for_role (store, PLANNED_SELECT PLANNED_WHERE PLANNED_ORDER,
                                         PLANNED_SELECT PLANNED_WHERE VISIBLE PLANNED_ORDER,
                                         error);
  else
    stmt = escale_store_cached_for_role (store,
                                         PLANNED_SELECT PLANNED_WHERE_WORKER PLANNED_ORDER,
                                         PLANNED_SELECT PLANNED_WHERE_WORKER VISIBLE
                                         PLANNED_ORDER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  if (worker != NULL)
    sqlite3_bind_text (stmt, 3, worker, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  return hide_notes (store,
                     escale_store_collect_rows (store, stmt, action_from_row, (gpointer) today,
                                                (GDestroyNotify) escale_agenda_action_free,
                                                error));
}

GPtrArray *
escale_agenda_list_due (EscaleStore  *store,
                        const char   *from,
                        const char   *to,
                        const char   *today,
                        const char   *worker,
                        GError      **error)
{
  return escale_agenda_list_due_page (store, from, to, today, worker, 0, NULL, error);
}

/**
 * escale_agenda_list_due_page:
 * @limit: how many actions at most, 0 for all
 * @n_total: (out) (optional): how many there are in all
 *
 * Like escale_agenda_list_due(), the first @limit only.
 */
GPtrArray *
escale_agenda_list_due_page (EscaleStore  *store,
                             const char   *from,
                             const char   *to,
                             const char   *today,
                             const char   *worker,
                             guint         limit,
                             guint        *n_total,
                             GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL && today != NULL, NULL);

  return list_planned (store, from, to, today, worker, limit, n_total, error);
}

GPtrArray *
escale_agenda_list_overdue (EscaleStore  *store,
                            const char   *today,
                            const char   *worker,
                            GError      **error)
{
  return escale_agenda_list_overdue_page (store, today, worker, 0, NULL, error);
}

/**
 * escale_agenda_list_overdue_page:
 * @limit: how many actions at most, 0 for all
 * @n_total: (out) (optional): how many there are in all
 *
 * Like escale_agenda_list_overdue(), the @limit oldest only.
 */
GPtrArray *
escale_agenda_list_overdue_page (EscaleStore  *store,
                                 const char   *today,
                                 const char   *worker,
                                 guint         limit,
                                 guint        *n_total,
                                 GError      **error)
{
  g_autofree char *yesterday = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  yesterday = days_after (today, -1);
  g_return_val_if_fail (yesterday != NULL, NULL);
  return list_planned (store, "0000-01-01", yesterday, today, worker, limit, n_total, error);
}

/* An EscaleRowFunc. */
static gpointer
expiry_from_row (sqlite3_stmt *stmt,
                gpointer      data G_GNUC_UNUSED)
{
  EscaleAgendaExpiry *expiry = g_new0 (EscaleAgendaExpiry, 1);

  expiry->person_id = sqlite3_column_int64 (stmt, 0);
  expiry->period_id = sqlite3_column_int64 (stmt, 1);
  expiry->file_number = escale_column_dup (stmt, 2);
  expiry->who = escale_column_dup (stmt, 3);
  expiry->status = escale_column_dup (stmt, 4);
  expiry->document = escale_column_dup (stmt, 5);
  expiry->expiry = escale_column_dup (stmt, 6);
  expiry->days_left = sqlite3_column_int (stmt, 7);
  return expiry;
}

GPtrArray *
escale_agenda_list_expiring (EscaleStore  *store,
                             const char   *today,
                             guint         days,
                             GError      **error)
{
  return escale_agenda_list_expiring_page (store, today, days, 0, NULL, error);
}

/* Counting needs no status period: a range of person_current_expiry. */
#define EXPIRING_WHERE "WHERE c.document_expiry <= ?2 AND p.closed_on IS NULL "
#define EXPIRING_COUNTED \
  "FROM person_current c JOIN person p ON p.id = c.person_id " EXPIRING_WHERE
#define EXPIRING_FROM \
  "FROM person_current c JOIN person p ON p.id = c.person_id " \
  "JOIN status_period s ON s.id = c.period_id " EXPIRING_WHERE

/**
 * escale_agenda_list_expiring_page:
 * @limit: how many documents at most, 0 for all
 * @n_total: (out) (optional): how many there are in all
 *
 * Like escale_agenda_list_expiring(), the @limit soonest only.
 */
GPtrArray *
escale_agenda_list_expiring_page (EscaleStore  *store,
                                  const char   *today,
                                  guint         days,
                                  guint         limit,
                                  guint        *n_total,
                                  GError      **error)
{
  g_autofree char *last = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_READ_ACTIONS, error))
    return NULL;
  last = days_after (today, (int) MIN (days, 100000));
  g_return_val_if_fail (last != NULL, NULL);
  if (n_total != NULL)
    {
      stmt = escale_store_cached (store, "SELECT count(*) " EXPIRING_COUNTED, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
      if (!count_rows (store, stmt, n_total, error))
        return NULL;
    }
  stmt = escale_store_cached (store,
                              "SELECT p.id, s.id, p.file_number, " PERSON_NAME ", "
                              "s.status, s.document, s.document_expiry, "
                              "CAST (julianday (s.document_expiry) - julianday (?1) AS INTEGER) "
                              EXPIRING_FROM
                              "ORDER BY c.document_expiry, p.id LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
  return escale_store_collect_rows (store, stmt, expiry_from_row, NULL,
                                    (GDestroyNotify) escale_agenda_expiry_free, error);
}

/* An EscaleRowFunc. */
static gpointer
lost_from_row (sqlite3_stmt *stmt,
              gpointer      data G_GNUC_UNUSED)
{
  EscaleAgendaLostContact *lost = g_new0 (EscaleAgendaLostContact, 1);

  lost->person_id = sqlite3_column_int64 (stmt, 0);
  lost->file_number = escale_column_dup (stmt, 1);
  lost->who = escale_column_dup (stmt, 2);
  lost->last_action = escale_column_dup (stmt, 3);
  return lost;
}

GPtrArray *
escale_agenda_list_lost_contact (EscaleStore  *store,
                                 const char   *today,
                                 guint         months,
                                 GError      **error)
{
  return escale_agenda_list_lost_contact_page (store, today, months, 0, NULL, error);
}

static gboolean
count_lost_contact (EscaleStore  *store,
                    const char   *cutoff,
                    guint        *n_total,
                    GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = escale_store_cached (store,
                              "SELECT count(*) FROM person "
                              "WHERE closed_on IS NULL AND silent_since < ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_TRANSIENT);
  return count_rows (store, stmt, n_total, error);
}

/**
 * escale_agenda_list_lost_contact_page:
 * @limit: how many people at most, 0 for all
 * @n_total: (out) (optional): how many there are in all
 *
 * Like escale_agenda_list_lost_contact(), the @limit silent the longest only.
 * A file is open while it has no closing date (a closing date cannot be in
 * the future). person.silent_since, kept by the schema's triggers, makes
 * this a range of an index.
 */
GPtrArray *
escale_agenda_list_lost_contact_page (EscaleStore  *store,
                                      const char   *today,
                                      guint         months,
                                      guint         limit,
                                      guint        *n_total,
                                      GError      **error)
{
  g_autofree char *cutoff = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_READ_ACTIONS, error))
    return NULL;
  cutoff = escale_agenda_months_before (today, months);
  g_return_val_if_fail (cutoff != NULL, NULL);
  if (n_total != NULL && !count_lost_contact (store, cutoff, n_total, error))
    return NULL;
  stmt = escale_store_cached (store,
                              "SELECT p.id, p.file_number, " PERSON_NAME ", p.last_contact "
                              "FROM person p WHERE p.closed_on IS NULL AND p.silent_since < ?1 "
                              "ORDER BY p.silent_since, p.id LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return escale_store_collect_rows (store, stmt, lost_from_row, NULL,
                                    (GDestroyNotify) escale_agenda_lost_contact_free, error);
}

/* An EscaleRowFunc. */
static gpointer
referral_from_row (sqlite3_stmt *stmt,
                  gpointer      data G_GNUC_UNUSED)
{
  EscaleAgendaReferral *referral = g_new0 (EscaleAgendaReferral, 1);

  referral->referral_id = sqlite3_column_int64 (stmt, 0);
  referral->action_id = sqlite3_column_int64 (stmt, 1);
  referral->state = escale_column_dup (stmt, 2);
  referral->sent_on = escale_column_dup (stmt, 3);
  referral->days_waiting = sqlite3_column_int (stmt, 4);
  referral->worker = escale_column_dup (stmt, 5);
  referral->scope = escale_column_dup (stmt, 6);
  referral->person_id = sqlite3_column_int64 (stmt, 7);
  referral->household_id = sqlite3_column_int64 (stmt, 8);
  referral->file_number = escale_column_dup (stmt, 9);
  referral->who = escale_column_dup (stmt, 10);
  referral->open_person_id = sqlite3_column_int64 (stmt, 11);
  referral->partner_name = escale_column_dup (stmt, 12);
  referral->service_theme = escale_column_dup (stmt, 13);
  return referral;
}

/* ?1 today, ?2 the first day not yet late, ?3 the worker or NULL. */
#define FOLLOW_UP_FROM "FROM referral r JOIN action a ON a.id = r.action_id "
#define FOLLOW_UP_WHERE \
  "WHERE r.state IN ('pending', 'no_answer') AND r.sent_on < ?2 " \
  "AND a.status <> 'cancelled' AND (?3 IS NULL OR a.worker = ?3) "
#define FOLLOW_UP_COUNT "SELECT count(*) " FOLLOW_UP_FROM
#define FOLLOW_UP_SELECT \
  "SELECT r.id, r.action_id, r.state, r.sent_on, " \
  "CAST (julianday (?1) - julianday (r.sent_on) AS INTEGER), " \
  "a.worker, a.scope, a.person_id, a.household_id, p.file_number, " \
  ESCALE_SQL_ACTION_WHO ", " ESCALE_SQL_ACTION_OPEN_PERSON ", " \
  "(SELECT name FROM partner WHERE id = r.partner_id), " \
  "(SELECT theme FROM partner_service WHERE id = r.service_id) " \
  FOLLOW_UP_FROM "LEFT JOIN person p ON p.id = a.person_id " \
  "LEFT JOIN household h ON h.id = a.household_id "
#define FOLLOW_UP_ORDER "ORDER BY r.sent_on, r.id LIMIT ?4"

/* @sql and @restricted_sql as for escale_store_cached_for_role(). */
static sqlite3_stmt *
bind_follow_up (EscaleStore  *store,
                const char   *sql,
                const char   *restricted_sql,
                const char   *today,
                const char   *cutoff,
                const char   *worker,
                GError      **error)
{
  sqlite3_stmt *stmt = escale_store_cached_for_role (store, sql, restricted_sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cutoff, -1, SQLITE_TRANSIENT);
  if (worker != NULL)
    sqlite3_bind_text (stmt, 3, worker, -1, SQLITE_TRANSIENT);
  return stmt;
}

/**
 * escale_agenda_list_referrals_to_follow_up_page:
 * @days: how long an answer may take
 * @worker: (nullable): only the referrals of this worker's actions
 * @limit: how many referrals at most, 0 for all
 * @n_total: (out) (optional): how many there are in all
 *
 * Returns: (transfer full) (element-type EscaleAgendaReferral) (nullable):
 *   the referrals waiting too long for an answer, the oldest first
 */
GPtrArray *
escale_agenda_list_referrals_to_follow_up_page (EscaleStore  *store,
                                                const char   *today,
                                                guint         days,
                                                const char   *worker,
                                                guint         limit,
                                                guint        *n_total,
                                                GError      **error)
{
  g_autofree char *cutoff = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_READ_ACTIONS, error))
    return NULL;
  cutoff = days_after (today, -(int) MIN (days, 100000));
  g_return_val_if_fail (cutoff != NULL, NULL);
  if (n_total != NULL)
    {
      stmt = bind_follow_up (store, FOLLOW_UP_COUNT FOLLOW_UP_WHERE,
                             FOLLOW_UP_COUNT FOLLOW_UP_WHERE VISIBLE, today, cutoff, worker,
                             error);
      if (stmt == NULL || !count_rows (store, stmt, n_total, error))
        return NULL;
    }
  stmt = bind_follow_up (store, FOLLOW_UP_SELECT FOLLOW_UP_WHERE FOLLOW_UP_ORDER,
                         FOLLOW_UP_SELECT FOLLOW_UP_WHERE VISIBLE FOLLOW_UP_ORDER,
                         today, cutoff, worker, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  return escale_store_collect_rows (store, stmt, referral_from_row, NULL,
                                    (GDestroyNotify) escale_agenda_referral_free, error);
}
