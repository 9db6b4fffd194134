/* escale-referral-store.c — referrals to partners' services and their outcome
 *
 * See escale-referral-store.h for the states, their transitions and how
 * the action's referral_outcome follows them. Every write is one
 * transaction: the referral, its action and a taken place change together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-action-store.h"
#include "escale-date.h"
#include "escale-referral-store.h"
#include "escale-store-private.h"
#include "escale-vocab.h"

typedef struct
{
  const char *from;
  const char *to;
} Transition;

static const Transition transitions[] = {
  { ESCALE_REFERRAL_PENDING, ESCALE_REFERRAL_ACCEPTED },
  { ESCALE_REFERRAL_PENDING, ESCALE_REFERRAL_REFUSED },
  { ESCALE_REFERRAL_PENDING, ESCALE_REFERRAL_NO_ANSWER },
  { ESCALE_REFERRAL_NO_ANSWER, ESCALE_REFERRAL_ACCEPTED },
  { ESCALE_REFERRAL_NO_ANSWER, ESCALE_REFERRAL_REFUSED },
  { ESCALE_REFERRAL_NO_ANSWER, ESCALE_REFERRAL_ABANDONED },
  { ESCALE_REFERRAL_ACCEPTED, ESCALE_REFERRAL_COMPLETED },
  { ESCALE_REFERRAL_ACCEPTED, ESCALE_REFERRAL_ABANDONED },
};

static const char *const states[] = {
  ESCALE_REFERRAL_PENDING, ESCALE_REFERRAL_ACCEPTED, ESCALE_REFERRAL_REFUSED,
  ESCALE_REFERRAL_NO_ANSWER, ESCALE_REFERRAL_COMPLETED, ESCALE_REFERRAL_ABANDONED, NULL,
};

/* The referral's current row, what a change of state needs. */
typedef struct
{
  gint64  action_id;
  gint64  service_id;   /* 0 when deleted */
  char   *state;
  char   *sent_on;
  char   *answered_on;
} Current;

#define REFERRAL_SELECT \
  "SELECT r.id, r.uuid, r.action_id, r.partner_id, r.service_id, r.state, r.refusal_reason, " \
  "r.sent_on, r.answered_on, r.closed_on, pa.name, s.theme, s.description, a.worker, " \
  "a.scope, a.person_id, a.household_id, p.file_number, " ESCALE_SQL_ACTION_WHO ", " \
  "s.capacity_free " \
  "FROM referral r JOIN action a ON a.id = r.action_id " \
  "LEFT JOIN partner pa ON pa.id = r.partner_id " \
  "LEFT JOIN partner_service s ON s.id = r.service_id " \
  "LEFT JOIN person p ON p.id = a.person_id LEFT JOIN household h ON h.id = a.household_id "
#define REFERRAL_ORDER "ORDER BY r.sent_on DESC, r.id DESC"

void
escale_referral_free (EscaleReferral *referral)
{
  if (referral == NULL)
    return;
  g_free (referral->uuid);
  g_free (referral->state);
  g_free (referral->refusal_reason);
  g_free (referral->sent_on);
  g_free (referral->answered_on);
  g_free (referral->closed_on);
  g_free (referral->partner_name);
  g_free (referral->service_theme);
  g_free (referral->service_description);
  g_free (referral->worker);
  g_free (referral->scope);
  g_free (referral->file_number);
  g_free (referral->who);
  g_free (referral);
}

void
escale_referral_stats_free (EscaleReferralStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->partner_name);
  g_free (stats);
}

static void
current_clear (Current *current)
{
  g_free (current->state);
  g_free (current->sent_on);
  g_free (current->answered_on);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Current, current_clear)

/* Helpers */

static gboolean
refuse (GError     **error,
        int          code,
        const char  *message)
{
  g_set_error_literal (error, ESCALE_STORE_ERROR, code, message);
  return FALSE;
}

static gboolean
referral_not_found (GError **error)
{
  return refuse (error, ESCALE_STORE_ERROR_NOT_FOUND, _("This referral no longer exists"));
}

static gboolean
service_not_found (GError **error)
{
  return refuse (error, ESCALE_STORE_ERROR_NOT_FOUND, _("This service no longer exists"));
}

/* Steps @stmt, which must give one row; sets @error (@missing when none). */
static gboolean
step_row (EscaleStore   *store,
          sqlite3_stmt  *stmt,
          gboolean     (*missing) (GError **),
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    missing (error);
  else
    escale_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  return FALSE;
}

static gboolean
finish (EscaleStore  *store,
        gboolean      ok,
        GError      **error)
{
  if (ok && escale_store_commit (store, error))
    return TRUE;
  escale_store_rollback (store);
  return FALSE;
}

/* The outcome the action shows for a referral now in @state, that was in
 * @previous (see the header). */
static const char *
outcome_of (const char *state,
            const char *previous)
{
  if (g_str_equal (state, ESCALE_REFERRAL_NO_ANSWER))
    return ESCALE_REFERRAL_PENDING;
  if (g_str_equal (state, ESCALE_REFERRAL_ABANDONED))
    return g_str_equal (previous, ESCALE_REFERRAL_ACCEPTED) ? ESCALE_REFERRAL_ACCEPTED
                                                            : ESCALE_REFERRAL_REFUSED;
  return state;
}

gboolean
escale_referral_can_change (const char *from,
                            const char *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (transitions[i].from, from) == 0 && g_strcmp0 (transitions[i].to, to) == 0)
      return TRUE;
  return FALSE;
}

/* Creating */

typedef struct
{
  gint64  partner_id;
  char   *theme;
  char   *partner_name;
} Service;

static void
service_clear (Service *service)
{
  g_free (service->theme);
  g_free (service->partner_name);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Service, service_clear)

static gboolean
load_service (EscaleStore  *store,
              gint64        service_id,
              Service      *service,
              GError      **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store,
                                            "SELECT s.partner_id, s.theme, pa.name "
                                            "FROM partner_service s "
                                            "JOIN partner pa ON pa.id = s.partner_id "
                                            "WHERE s.id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, service_id);
  if (!step_row (store, stmt, service_not_found, error))
    return FALSE;
  service->partner_id = sqlite3_column_int64 (stmt, 0);
  service->theme = escale_column_dup (stmt, 1);
  service->partner_name = escale_column_dup (stmt, 2);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Gives @action what makes it a referral to @service; FALSE with @error
 * when it cannot be one. */
static gboolean
prepare_action (EscaleAction   *action,
                const Service  *service,
                GError        **error)
{
  const char *status = escale_action_get (action, ESCALE_ACTION_FIELD_STATUS);
  const char *date = escale_action_get (action, ESCALE_ACTION_FIELD_DATE);

  if (g_strcmp0 (escale_action_get (action, ESCALE_ACTION_FIELD_SCOPE),
                 ESCALE_ACTION_SCOPE_GROUP) == 0)
    return refuse (error, ESCALE_STORE_ERROR_INVALID,
                   _("A referral concerns one person or one household"));
  if (status != NULL && !g_str_equal (status, "planned") && !g_str_equal (status, "done"))
    return refuse (error, ESCALE_STORE_ERROR_INVALID,
                   _("A new referral is either planned or done"));
  if (status == NULL && date != NULL)
    {
      g_autofree char *today = escale_date_today ();

      escale_action_set (action, ESCALE_ACTION_FIELD_STATUS,
                         strcmp (date, today) <= 0 ? "done" : "planned");
    }
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "referral");
  escale_action_set (action, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME, ESCALE_REFERRAL_PENDING);
  if (escale_action_get_themes (action)[0] == NULL)
    {
      const char *themes[] = { service->theme, NULL };

      escale_action_set_themes (action, themes);
    }
  /* The action is linked to the service's partner; its text stays if given. */
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PARTNER_ID, service->partner_id);
  if (escale_action_get (action, ESCALE_ACTION_FIELD_PARTNER) == NULL)
    escale_action_set (action, ESCALE_ACTION_FIELD_PARTNER, service->partner_name);
  return TRUE;
}

static gint64
insert_referral (EscaleStore   *store,
                 EscaleAction  *action,
                 gint64         service_id,
                 gint64         partner_id,
                 GError       **error)
{
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(stmt = escale_store_cached (store,
                                    "INSERT INTO referral (action_id, partner_id, service_id, "
                                    "state, sent_on, created_at, updated_at, created_by, "
                                    "updated_by) VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?5, "
                                    "?6, ?6) RETURNING id", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, escale_action_get_id (action));
  sqlite3_bind_int64 (stmt, 2, partner_id);
  sqlite3_bind_int64 (stmt, 3, service_id);
  escale_bind_text (stmt, 4, escale_action_get (action, ESCALE_ACTION_FIELD_DATE));
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 6, escale_store_get_user (store));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      escale_store_set_sql_error (store, error);
      sqlite3_reset (stmt);
      return 0;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * escale_store_create_referral:
 * @action: a new action (id 0), completed as the header tells
 *
 * Returns: the new referral's id, or 0 with @error set
 */
gint64
escale_store_create_referral (EscaleStore   *store,
                              EscaleAction  *action,
                              gint64         service_id,
                              GError       **error)
{
  g_auto(Service) service = { 0 };
  gint64 id = 0;

  g_return_val_if_fail (ESCALE_IS_STORE (store), 0);
  g_return_val_if_fail (ESCALE_IS_ACTION (action), 0);
  g_return_val_if_fail (escale_action_get_id (action) == 0, 0);

  if (!escale_store_require (store, ESCALE_OP_WRITE_ACTION, error))
    return 0;
  if (!load_service (store, service_id, &service, error) ||
      !prepare_action (action, &service, error) ||
      !escale_store_begin (store, error))
    return 0;
  if (!escale_store_save_action (store, action, error) ||
      !(id = insert_referral (store, action, service_id, service.partner_id, error)) ||
      !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      escale_action_set_id (action, 0);
      return 0;
    }
  return id;
}

/* Changing state */

static gboolean
load_current (EscaleStore   *store,
              gint64         referral_id,
              Current       *current,
              GError       **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store,
                                            "SELECT action_id, service_id, state, sent_on, "
                                            "answered_on FROM referral WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, referral_id);
  if (!step_row (store, stmt, referral_not_found, error))
    return FALSE;
  current->action_id = sqlite3_column_int64 (stmt, 0);
  current->service_id = sqlite3_column_int64 (stmt, 1);
  current->state = escale_column_dup (stmt, 2);
  current->sent_on = escale_column_dup (stmt, 3);
  current->answered_on = escale_column_dup (stmt, 4);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
refuse_transition (EscaleStore  *store,
                   const char   *from,
                   const char   *to,
                   GError      **error)
{
  g_autofree char *from_label = escale_vocab_get_label (store, ESCALE_VOCAB_REFERRAL_STATE, from);
  g_autofree char *to_label = escale_vocab_get_label (store, ESCALE_VOCAB_REFERRAL_STATE, to);

  /* Translators: the states of a referral, e.g. A referral that is “Refused”
   * cannot become “Accepted” */
  g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
               _("A referral that is “%s” cannot become “%s”"), from_label, to_label);
  return FALSE;
}

/* Every rule a change from @current to @state on @date must follow. */
static gboolean
check_change (EscaleStore    *store,
              const Current  *current,
              const char     *state,
              const char     *reason,
              const char     *date,
              GError        **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));

  if (!escale_referral_can_change (current->state, state))
    return refuse_transition (store, current->state, state, error);
  if (g_str_equal (state, ESCALE_REFERRAL_REFUSED) && *stripped == '\0')
    return refuse (error, ESCALE_STORE_ERROR_INVALID, _("Give the reason of the refusal"));
  if (strcmp (date, current->sent_on) < 0)
    return refuse (error, ESCALE_STORE_ERROR_INVALID,
                   _("The date cannot be before the referral was sent"));
  if (current->answered_on != NULL && strcmp (date, current->answered_on) < 0)
    return refuse (error, ESCALE_STORE_ERROR_INVALID,
                   _("The date cannot be before the referral was answered"));
  return TRUE;
}

static gboolean
write_change (EscaleStore    *store,
              gint64          referral_id,
              const Current  *current,
              const char     *state,
              const char     *reason,
              const char     *date,
              GError        **error)
{
  g_autofree char *now = escale_store_now ();
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));
  sqlite3_stmt *stmt;

  if (!(stmt = escale_store_cached (store,
                                    "UPDATE referral SET state = ?1, "
                                    "refusal_reason = CASE ?1 WHEN 'refused' THEN ?2 "
                                    "  ELSE refusal_reason END, "
                                    "answered_on = CASE WHEN ?1 IN ('accepted', 'refused') "
                                    "  THEN coalesce (answered_on, ?3) ELSE answered_on END, "
                                    "closed_on = CASE WHEN ?1 IN ('refused', 'completed', "
                                    "  'abandoned') THEN ?3 ELSE closed_on END, "
                                    "updated_at = ?4, updated_by = ?5 WHERE id = ?6", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 2, stripped);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 5, escale_store_get_user (store));
  sqlite3_bind_int64 (stmt, 6, referral_id);
  if (!escale_store_step_done (store, stmt, error))
    return FALSE;

  if (!(stmt = escale_store_cached (store,
                                    "UPDATE action SET referral_outcome = ?, updated_at = ?, "
                                    "updated_by = ? WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, outcome_of (state, current->state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 3, escale_store_get_user (store));
  sqlite3_bind_int64 (stmt, 4, current->action_id);
  return escale_store_step_done (store, stmt, error);
}

/* Takes one free place of the service @service_id, inside a transaction. */
static gboolean
take_place (EscaleStore  *store,
            gint64        service_id,
            GError      **error)
{
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;
  gboolean counted;
  gint64 free_places;

  if (service_id == 0)
    return service_not_found (error);
  if (!(stmt = escale_store_cached (store, "SELECT capacity_free FROM partner_service "
                                    "WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, service_id);
  if (!step_row (store, stmt, service_not_found, error))
    return FALSE;
  counted = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
  free_places = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (!counted)
    return refuse (error, ESCALE_STORE_ERROR_INVALID,
                   _("This service does not count its free places"));
  if (free_places <= 0)
    return refuse (error, ESCALE_STORE_ERROR_INVALID, _("This service has no free place left"));

  if (!(stmt = escale_store_cached (store,
                                    "UPDATE partner_service SET capacity_free = capacity_free - 1, "
                                    "capacity_updated_at = ?1, capacity_updated_by = ?2, "
                                    "updated_at = ?1, updated_by = ?2 WHERE id = ?3", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 2, escale_store_get_user (store));
  sqlite3_bind_int64 (stmt, 3, service_id);
  return escale_store_step_done (store, stmt, error);
}

/* Checks and writes the change, and takes a place when asked, in one
 * transaction. */
static gboolean
change_state (EscaleStore  *store,
              gint64        referral_id,
              const char   *state,
              const char   *reason,
              const char   *date,
              gboolean      with_place,
              GError      **error)
{
  g_auto(Current) current = { 0 };
  g_autofree char *today = NULL;

  if (state == NULL || !g_strv_contains (states, state))
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   _("Unknown referral state “%s”"), state ? state : "");
      return FALSE;
    }
  if (date == NULL)
    date = today = escale_date_today ();
  else if (!escale_store_check_iso_date (date))
    return refuse (error, ESCALE_STORE_ERROR_INVALID, _("This date does not exist"));
  if (!escale_store_begin (store, error))
    return FALSE;
  return finish (store,
                 load_current (store, referral_id, &current, error) &&
                 check_change (store, &current, state, reason, date, error) &&
                 write_change (store, referral_id, &current, state, reason, date, error) &&
                 (!with_place || take_place (store, current.service_id, error)),
                 error);
}

/**
 * escale_store_set_referral_state:
 * @state: a referral_state code
 * @reason: (nullable): why the partner refused
 * @date: (nullable): YYYY-MM-DD, %NULL for today
 */
gboolean
escale_store_set_referral_state (EscaleStore   *store,
                                 gint64         referral_id,
                                 const char    *state,
                                 const char    *reason,
                                 const char    *date,
                                 GError       **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_ACTION, error))
    return FALSE;
  return change_state (store, referral_id, state, reason, date, FALSE, error);
}

/**
 * escale_store_accept_referral:
 * @date: (nullable): YYYY-MM-DD, %NULL for today
 * @take_place: whether the person takes one of the service's free places
 */
gboolean
escale_store_accept_referral (EscaleStore   *store,
                              gint64         referral_id,
                              const char    *date,
                              gboolean       take_place,
                              GError       **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_ACTION, error))
    return FALSE;
  return change_state (store, referral_id, ESCALE_REFERRAL_ACCEPTED, NULL, date, take_place,
                       error);
}

/* Reading */

/* An EscaleRowFunc. */
static gpointer
referral_from_row (sqlite3_stmt *stmt,
                   gpointer      data G_GNUC_UNUSED)
{
  EscaleReferral *referral = g_new0 (EscaleReferral, 1);

  referral->id = sqlite3_column_int64 (stmt, 0);
  referral->uuid = escale_column_dup (stmt, 1);
  referral->action_id = sqlite3_column_int64 (stmt, 2);
  referral->partner_id = sqlite3_column_int64 (stmt, 3);
  referral->service_id = sqlite3_column_int64 (stmt, 4);
  referral->state = escale_column_dup (stmt, 5);
  referral->refusal_reason = escale_column_dup (stmt, 6);
  referral->sent_on = escale_column_dup (stmt, 7);
  referral->answered_on = escale_column_dup (stmt, 8);
  referral->closed_on = escale_column_dup (stmt, 9);
  referral->partner_name = escale_column_dup (stmt, 10);
  referral->service_theme = escale_column_dup (stmt, 11);
  referral->service_description = escale_column_dup (stmt, 12);
  referral->worker = escale_column_dup (stmt, 13);
  referral->scope = escale_column_dup (stmt, 14);
  referral->person_id = sqlite3_column_int64 (stmt, 15);
  referral->household_id = sqlite3_column_int64 (stmt, 16);
  referral->file_number = escale_column_dup (stmt, 17);
  referral->who = escale_column_dup (stmt, 18);
  referral->capacity_free = sqlite3_column_type (stmt, 19) == SQLITE_NULL
                            ? -1 : sqlite3_column_int64 (stmt, 19);
  return referral;
}

/**
 * escale_store_load_referral:
 *
 * Returns: (transfer full) (nullable): the referral, or %NULL with @error set
 */
EscaleReferral *
escale_store_load_referral (EscaleStore   *store,
                            gint64         referral_id,
                            GError       **error)
{
  EscaleReferral *referral;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_READ_PERSON, error))
    return NULL;
  if (!(stmt = escale_store_cached (store, REFERRAL_SELECT "WHERE r.id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, referral_id);
  if (!step_row (store, stmt, referral_not_found, error))
    return NULL;
  referral = referral_from_row (stmt, NULL);
  sqlite3_reset (stmt);
  return referral;
}

gint64
escale_store_find_action_referral (EscaleStore *store,
                                   gint64       action_id)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (ESCALE_IS_STORE (store), 0);

  if (!(stmt = escale_store_cached (store, "SELECT id FROM referral WHERE action_id = ?", NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, action_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static GPtrArray *
list_referrals (EscaleStore  *store,
                const char   *sql,
                gint64        id,
                GError      **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return escale_store_collect_rows (store, stmt, referral_from_row, NULL,
                                    (GDestroyNotify) escale_referral_free, error);
}

/**
 * escale_store_list_person_referrals:
 *
 * Returns: (transfer full) (element-type EscaleReferral) (nullable): the
 *   referrals of @person_id and of their household, the newest first
 */
GPtrArray *
escale_store_list_person_referrals (EscaleStore  *store,
                                    gint64        person_id,
                                    GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_READ_PERSON, error))
    return NULL;
  return list_referrals (store, REFERRAL_SELECT
                         "WHERE r.action_id IN (SELECT id FROM action WHERE person_id = ?1 "
                         "  UNION SELECT x.id FROM action x JOIN household_member m "
                         "  ON m.household_id = x.household_id WHERE m.person_id = ?1) "
                         REFERRAL_ORDER, person_id, error);
}

/**
 * escale_store_list_partner_referrals:
 *
 * Returns: (transfer full) (element-type EscaleReferral) (nullable): the
 *   referrals sent to @partner_id, the newest first
 */
GPtrArray *
escale_store_list_partner_referrals (EscaleStore  *store,
                                     gint64        partner_id,
                                     GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_READ_PERSON, error))
    return NULL;
  return list_referrals (store, REFERRAL_SELECT "WHERE r.partner_id = ?1 " REFERRAL_ORDER,
                         partner_id, error);
}

/* Statistics */

/* An EscaleRowFunc. */
static gpointer
stats_from_row (sqlite3_stmt *stmt,
                gpointer      data G_GNUC_UNUSED)
{
  EscaleReferralStats *stats = g_new0 (EscaleReferralStats, 1);

  stats->partner_id = sqlite3_column_int64 (stmt, 0);
  stats->partner_name = escale_column_dup (stmt, 1);
  stats->sent = (guint) sqlite3_column_int64 (stmt, 2);
  stats->accepted = (guint) sqlite3_column_int64 (stmt, 3);
  stats->refused = (guint) sqlite3_column_int64 (stmt, 4);
  stats->pending = (guint) sqlite3_column_int64 (stmt, 5);
  stats->completed = (guint) sqlite3_column_int64 (stmt, 6);
  stats->abandoned = (guint) sqlite3_column_int64 (stmt, 7);
  stats->has_average = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  stats->average_days = stats->has_average ? sqlite3_column_double (stmt, 8) : 0.0;
  return stats;
}

/**
 * escale_store_referral_stats:
 * @partner_id: one partner, or 0 for every partner
 * @from: (nullable): the first day of the period, YYYY-MM-DD
 * @to: (nullable): its last day
 *
 * A referral abandoned after it was accepted (it has an answer date:
 * refused referrals are final) counts as accepted.
 *
 * Returns: (transfer full) (element-type EscaleReferralStats) (nullable):
 *   one row per partner that has referrals in the period
 */
GPtrArray *
escale_store_referral_stats (EscaleStore   *store,
                             gint64         partner_id,
                             const char    *from,
                             const char    *to,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  stmt = escale_store_cached (store,
                              "SELECT r.partner_id, pa.name, count(*), "
                              "sum (r.state IN ('accepted', 'completed') OR "
                              "  (r.state = 'abandoned' AND r.answered_on IS NOT NULL)), "
                              "sum (r.state = 'refused'), "
                              "sum (r.state IN ('pending', 'no_answer')), "
                              "sum (r.state = 'completed'), sum (r.state = 'abandoned'), "
                              "avg (julianday (r.answered_on) - julianday (r.sent_on)) "
                              "FROM referral r JOIN action a ON a.id = r.action_id "
                              "LEFT JOIN partner pa ON pa.id = r.partner_id "
                              "WHERE a.status <> 'cancelled' "
                              "AND (?1 IS NULL OR r.sent_on >= ?1) "
                              "AND (?2 IS NULL OR r.sent_on <= ?2) "
                              "AND (?3 = 0 OR r.partner_id = ?3) "
                              "GROUP BY r.partner_id "
                              "ORDER BY r.partner_id IS NULL, pa.name COLLATE NOCASE, "
                              "r.partner_id", error);
  if (stmt == NULL)
    return NULL;
  escale_bind_text (stmt, 1, from);
  escale_bind_text (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, partner_id);
  return escale_store_collect_rows (store, stmt, stats_from_row, NULL,
                                    (GDestroyNotify) escale_referral_stats_free, error);
}
