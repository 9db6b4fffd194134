/* test-referrals.c — referrals: creation, states, places, statistics, follow-up
 *
 * Partners and services are written with plain SQL: the partner directory
 * has its own store and tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-action-store.h"
#include "escale-agenda.h"
#include "escale-date.h"
#include "escale-person-store.h"
#include "escale-referral-store.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

#define NO_CAPACITY (-1)

/* Helpers */

static gint64
query_int (EscaleStore *store,
           const char  *format,
           ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (EscaleStore *store,
           const char  *format,
           ...)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  stmt = escale_store_prepare (store, sql, NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The text of the first column of @sql, NULL for NULL. */
static char *
query_text (EscaleStore *store,
            const char  *format,
            ...) G_GNUC_PRINTF (2, 3);

static char *
query_text (EscaleStore *store,
            const char  *format,
            ...)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  stmt = escale_store_prepare (store, sql, NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return escale_column_dup (stmt, 0);
}

static gint64
add_partner (EscaleStore *store,
             const char  *name)
{
  escale_test_exec_printf (store, "INSERT INTO partner (name) VALUES ('%s')", name);
  return query_int (store, "SELECT max(id) FROM partner");
}

/* A service of @partner_id; @total and @free NO_CAPACITY when not counted. */
static gint64
add_service (EscaleStore *store,
             gint64       partner_id,
             const char  *theme,
             int          total,
             int          free_places)
{
  g_autofree char *total_sql = total < 0 ? g_strdup ("NULL") : g_strdup_printf ("%d", total);
  g_autofree char *free_sql = free_places < 0 ? g_strdup ("NULL")
                                              : g_strdup_printf ("%d", free_places);

  escale_test_exec_printf (store,
                           "INSERT INTO partner_service (partner_id, theme, description, "
                           "capacity_total, capacity_free) VALUES (%" G_GINT64_FORMAT ", '%s', "
                           "'Service', %s, %s)", partner_id, theme, total_sql, free_sql);
  return query_int (store, "SELECT max(id) FROM partner_service");
}

static EscaleAction *
new_referral_action (gint64      person_id,
                     const char *date,
                     const char *worker)
{
  EscaleAction *action = escale_action_new ();

  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, person_id);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, worker);
  return action;
}

static gint64
refer (EscaleStore *store,
       gint64       person_id,
       gint64       service_id,
       const char  *date)
{
  g_autoptr(EscaleAction) action = new_referral_action (person_id, date, "Ben");
  g_autoptr(GError) error = NULL;
  gint64 id = escale_store_create_referral (store, action, service_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_state_ok (EscaleStore *store,
              gint64       referral_id,
              const char  *state,
              const char  *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_set_referral_state (store, referral_id, state,
                                                  g_str_equal (state, "refused") ? "Full" : NULL,
                                                  date, &error));
  g_assert_no_error (error);
}

static char *
state_of (EscaleStore *store,
          gint64       referral_id)
{
  return query_text (store, "SELECT state FROM referral WHERE id = %" G_GINT64_FORMAT,
                     referral_id);
}

static char *
outcome_of (EscaleStore *store,
            gint64       referral_id)
{
  return query_text (store, "SELECT a.referral_outcome FROM referral r "
                     "JOIN action a ON a.id = r.action_id WHERE r.id = %" G_GINT64_FORMAT,
                     referral_id);
}

static gint64
count_rows (EscaleStore *store,
            const char  *table)
{
  return query_int (store, "SELECT count(*) FROM %s", table);
}

typedef struct
{
  EscaleStore *store;
  gint64       person;
  gint64       partner;
  gint64       service;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  (void) data;
  fixture->store = escale_test_store_new ();
  escale_store_set_user (fixture->store, "tester");
  fixture->person = escale_test_add_person (fixture->store, "Haddad", "Amina", "1990-04-02");
  fixture->partner = add_partner (fixture->store, "Toit pour tous");
  fixture->service = add_service (fixture->store, fixture->partner, "housing", 10, 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  (void) data;
  g_clear_object (&fixture->store);
}

/* Creating */

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(EscaleAction) action = new_referral_action (f->person, "2025-03-01", "Ana");
  g_autoptr(EscaleAction) saved = NULL;
  g_autoptr(EscaleReferral) referral = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  (void) data;
  id = escale_store_create_referral (f->store, action, f->service, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (escale_action_get_id (action), >, 0);
  g_assert_cmpint (escale_store_find_action_referral (f->store, escale_action_get_id (action)),
                   ==, id);

  saved = escale_store_load_action (f->store, escale_action_get_id (action), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_action_get (saved, ESCALE_ACTION_FIELD_TYPE), ==, "referral");
  g_assert_cmpstr (escale_action_get (saved, ESCALE_ACTION_FIELD_STATUS), ==, "done");
  g_assert_cmpstr (escale_action_get (saved, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME), ==,
                   "pending");
  g_assert_cmpstr (escale_action_get (saved, ESCALE_ACTION_FIELD_PARTNER), ==, "Toit pour tous");
  g_assert_cmpstr (escale_action_get_themes (saved)[0], ==, "housing");
  g_assert_cmpint (query_int (f->store, "SELECT partner_id FROM action WHERE id = %"
                              G_GINT64_FORMAT, escale_action_get_id (action)), ==, f->partner);

  referral = escale_store_load_referral (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (referral->action_id, ==, escale_action_get_id (action));
  g_assert_cmpint (referral->partner_id, ==, f->partner);
  g_assert_cmpint (referral->service_id, ==, f->service);
  g_assert_cmpstr (referral->state, ==, "pending");
  g_assert_cmpstr (referral->sent_on, ==, "2025-03-01");
  g_assert_null (referral->answered_on);
  g_assert_null (referral->closed_on);
  g_assert_null (referral->refusal_reason);
  g_assert_cmpstr (referral->partner_name, ==, "Toit pour tous");
  g_assert_cmpstr (referral->service_theme, ==, "housing");
  g_assert_cmpstr (referral->worker, ==, "Ana");
  g_assert_cmpstr (referral->scope, ==, "person");
  g_assert_cmpint (referral->person_id, ==, f->person);
  g_assert_cmpstr (referral->who, ==, "Haddad Amina");
  g_assert_nonnull (referral->file_number);
  g_assert_nonnull (referral->uuid);
  /* The service's free places now, for the question of taking one. */
  g_assert_cmpint (referral->capacity_free, ==, 2);
  escale_test_exec_printf (f->store, "UPDATE partner_service SET capacity_free = NULL");
  g_clear_pointer (&referral, escale_referral_free);
  referral = escale_store_load_referral (f->store, id, &error);
  g_assert_cmpint (referral->capacity_free, ==, -1);
  g_autofree char *by = query_text (f->store, "SELECT created_by FROM referral WHERE id = %"
                                    G_GINT64_FORMAT, id);
  g_assert_cmpstr (by, ==, "tester");
}

/* A referral dated after today is planned; given themes and partner text stay. */
static void
test_create_planned (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(EscaleAction) action = new_referral_action (f->person, "2999-01-04", "Ana");
  const char *themes[] = { "language", NULL };
  g_autoptr(GError) error = NULL;
  gint64 id;

  (void) data;
  escale_action_set_themes (action, themes);
  escale_action_set (action, ESCALE_ACTION_FIELD_PARTNER, "Toit, antenne nord");
  id = escale_store_create_referral (f->store, action, f->service, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_autoptr(EscaleAction) saved = escale_store_load_action (f->store,
                                                          escale_action_get_id (action), NULL);
  g_assert_cmpstr (escale_action_get (saved, ESCALE_ACTION_FIELD_STATUS), ==, "planned");
  g_assert_cmpstr (escale_action_get_themes (saved)[0], ==, "language");
  g_assert_null (escale_action_get_themes (saved)[1]);
  g_assert_cmpstr (escale_action_get (saved, ESCALE_ACTION_FIELD_PARTNER), ==,
                   "Toit, antenne nord");
}

/* Asserts that creating a referral from @action is refused with @code and
 * leaves no action and no referral behind. */
static void
assert_create_refused (Fixture      *f,
                       EscaleAction *action,
                       gint64        service_id,
                       int           code)
{
  g_autoptr(GError) error = NULL;
  gint64 actions = count_rows (f->store, "action");
  gint64 referrals = count_rows (f->store, "referral");

  g_assert_cmpint (escale_store_create_referral (f->store, action, service_id, &error), ==, 0);
  g_assert_error (error, ESCALE_STORE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpint (escale_action_get_id (action), ==, 0);
  g_assert_cmpint (count_rows (f->store, "action"), ==, actions);
  g_assert_cmpint (count_rows (f->store, "referral"), ==, referrals);
}

static void
test_create_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(EscaleAction) unknown_service = new_referral_action (f->person, "2025-03-01", NULL);
  g_autoptr(EscaleAction) no_person = new_referral_action (ESCALE_ACTION_UNSET, "2025-03-01",
                                                           NULL);
  g_autoptr(EscaleAction) bad_date = new_referral_action (f->person, "2025-02-30", NULL);
  g_autoptr(EscaleAction) group = new_referral_action (ESCALE_ACTION_UNSET, "2025-03-01", NULL);
  g_autoptr(EscaleAction) cancelled = new_referral_action (f->person, "2025-03-01", NULL);
  g_autoptr(EscaleAction) late_failure = new_referral_action (f->person, "2025-03-01", NULL);

  (void) data;
  refer (f->store, f->person, f->service, "2025-01-01");
  assert_create_refused (f, unknown_service, f->service + 100, ESCALE_STORE_ERROR_NOT_FOUND);
  assert_create_refused (f, no_person, f->service, ESCALE_STORE_ERROR_INVALID);
  assert_create_refused (f, bad_date, f->service, ESCALE_STORE_ERROR_INVALID);
  escale_action_set (group, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_GROUP);
  assert_create_refused (f, group, f->service, ESCALE_STORE_ERROR_INVALID);
  escale_action_set (cancelled, ESCALE_ACTION_FIELD_STATUS, "cancelled");
  assert_create_refused (f, cancelled, f->service, ESCALE_STORE_ERROR_INVALID);

  /* The referral row fails after the action was written: the action goes too. */
  escale_test_exec_printf (f->store, "CREATE TEMP TRIGGER refuse_referral BEFORE INSERT ON "
                           "main.referral BEGIN SELECT RAISE (ABORT, 'refused by the test'); END");
  assert_create_refused (f, late_failure, f->service, ESCALE_STORE_ERROR_SQL);
  g_assert_cmpint (count_rows (f->store, "action_theme"), ==, 1);
  escale_test_exec_printf (f->store, "DROP TRIGGER temp.refuse_referral");
  /* And the store is usable again. */
  refer (f->store, f->person, f->service, "2025-03-02");
  g_assert_cmpint (count_rows (f->store, "referral"), ==, 2);
}

/* Changing state */

static const char *const all_states[] = {
  "pending", "accepted", "refused", "no_answer", "completed", "abandoned",
};

/* How to reach each state of all_states from pending. */
static const char *const *
path_to (const char *state)
{
  static const char *const pending[] = { NULL };
  static const char *const accepted[] = { "accepted", NULL };
  static const char *const refused[] = { "refused", NULL };
  static const char *const no_answer[] = { "no_answer", NULL };
  static const char *const completed[] = { "accepted", "completed", NULL };
  static const char *const abandoned[] = { "no_answer", "abandoned", NULL };

  if (g_str_equal (state, "pending"))
    return pending;
  if (g_str_equal (state, "accepted"))
    return accepted;
  if (g_str_equal (state, "refused"))
    return refused;
  if (g_str_equal (state, "no_answer"))
    return no_answer;
  if (g_str_equal (state, "completed"))
    return completed;
  return abandoned;
}

static gboolean
allowed (const char *from,
         const char *to)
{
  static const char *const pairs[] = {
    "pending>accepted", "pending>refused", "pending>no_answer",
    "no_answer>accepted", "no_answer>refused", "no_answer>abandoned",
    "accepted>completed", "accepted>abandoned", NULL,
  };
  g_autofree char *pair = g_strdup_printf ("%s>%s", from, to);

  return g_strv_contains (pairs, pair);
}

static void
test_transitions (Fixture       *f,
                  gconstpointer  data)
{
  guint n_allowed = 0;

  (void) data;
  for (guint i = 0; i < G_N_ELEMENTS (all_states); i++)
    for (guint j = 0; j < G_N_ELEMENTS (all_states); j++)
      {
        const char *from = all_states[i], *to = all_states[j];
        const char *const *path = path_to (from);
        gint64 id = refer (f->store, f->person, f->service, "2025-03-01");
        g_autoptr(GError) error = NULL;
        g_autofree char *state = NULL;
        gboolean ok;

        for (guint k = 0; path[k] != NULL; k++)
          set_state_ok (f->store, id, path[k], "2025-03-10");
        state = state_of (f->store, id);
        g_assert_cmpstr (state, ==, from);
        g_assert_cmpint (escale_referral_can_change (from, to), ==, allowed (from, to));
        ok = escale_store_set_referral_state (f->store, id, to, "Full", "2025-03-20", &error);
        g_free (state);
        state = state_of (f->store, id);
        if (allowed (from, to))
          {
            g_assert_no_error (error);
            g_assert_true (ok);
            g_assert_cmpstr (state, ==, to);
            n_allowed++;
          }
        else
          {
            g_assert_false (ok);
            g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
            g_assert_nonnull (strstr (error->message, "cannot become"));
            g_assert_cmpstr (state, ==, from);
          }
      }
  g_assert_cmpuint (n_allowed, ==, 8);
}

static void
test_state_refused (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = refer (f->store, f->person, f->service, "2025-03-01");
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  (void) data;
  g_assert_false (escale_store_set_referral_state (f->store, id, "lost", NULL, NULL, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (escale_store_set_referral_state (f->store, id, NULL, NULL, NULL, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (escale_store_set_referral_state (f->store, id + 50, "accepted", NULL, NULL,
                                                   &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (escale_store_set_referral_state (f->store, id, "accepted", NULL, "2025-02-30",
                                                   &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Not before it was sent. */
  g_assert_false (escale_store_set_referral_state (f->store, id, "accepted", NULL, "2025-02-28",
                                                   &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  state = state_of (f->store, id);
  g_assert_cmpstr (state, ==, "pending");
  g_assert_cmpint (query_int (f->store, "SELECT answered_on IS NULL FROM referral"), ==, 1);
}

static void
test_refusal_reason (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = refer (f->store, f->person, f->service, "2025-03-01");
  g_autoptr(EscaleReferral) referral = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;

  (void) data;
  g_assert_false (escale_store_set_referral_state (f->store, id, "refused", NULL, "2025-03-05",
                                                   &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  g_assert_false (escale_store_set_referral_state (f->store, id, "refused", "  \t", "2025-03-05",
                                                   &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  referral = escale_store_load_referral (f->store, id, NULL);
  g_assert_cmpstr (referral->state, ==, "pending");
  g_clear_pointer (&referral, escale_referral_free);

  g_assert_true (escale_store_set_referral_state (f->store, id, "refused", " No place left ",
                                                  "2025-03-05", &error));
  g_assert_no_error (error);
  referral = escale_store_load_referral (f->store, id, &error);
  g_assert_cmpstr (referral->state, ==, "refused");
  g_assert_cmpstr (referral->refusal_reason, ==, "No place left");
  g_assert_cmpstr (referral->answered_on, ==, "2025-03-05");
  g_assert_cmpstr (referral->closed_on, ==, "2025-03-05");
  outcome = outcome_of (f->store, id);
  g_assert_cmpstr (outcome, ==, "refused");

  /* A reason given for another state is not stored. */
  id = refer (f->store, f->person, f->service, "2025-03-01");
  g_assert_true (escale_store_set_referral_state (f->store, id, "accepted", "Why not",
                                                  "2025-03-05", &error));
  g_clear_pointer (&referral, escale_referral_free);
  referral = escale_store_load_referral (f->store, id, &error);
  g_assert_null (referral->refusal_reason);
}

static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  gint64 id = refer (f->store, f->person, f->service, "2025-03-01");
  gint64 silent = refer (f->store, f->person, f->service, "2025-03-01");
  gint64 today_id = refer (f->store, f->person, f->service, "2025-03-01");
  g_autoptr(EscaleReferral) referral = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = escale_date_today ();

  (void) data;
  set_state_ok (f->store, id, "no_answer", "2025-03-10");
  referral = escale_store_load_referral (f->store, id, NULL);
  g_assert_null (referral->answered_on);
  g_assert_null (referral->closed_on);
  g_clear_pointer (&referral, escale_referral_free);

  set_state_ok (f->store, id, "accepted", "2025-03-15");
  referral = escale_store_load_referral (f->store, id, NULL);
  g_assert_cmpstr (referral->answered_on, ==, "2025-03-15");
  g_assert_null (referral->closed_on);
  g_clear_pointer (&referral, escale_referral_free);

  /* Not before the answer. */
  g_assert_false (escale_store_set_referral_state (f->store, id, "completed", NULL, "2025-03-14",
                                                   &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  set_state_ok (f->store, id, "completed", "2025-04-01");
  referral = escale_store_load_referral (f->store, id, NULL);
  g_assert_cmpstr (referral->answered_on, ==, "2025-03-15");
  g_assert_cmpstr (referral->closed_on, ==, "2025-04-01");
  g_clear_pointer (&referral, escale_referral_free);

  /* Abandoned without an answer: closed, never answered. */
  set_state_ok (f->store, silent, "no_answer", "2025-03-20");
  set_state_ok (f->store, silent, "abandoned", "2025-04-20");
  referral = escale_store_load_referral (f->store, silent, NULL);
  g_assert_null (referral->answered_on);
  g_assert_cmpstr (referral->closed_on, ==, "2025-04-20");
  g_clear_pointer (&referral, escale_referral_free);

  /* No date: today. */
  set_state_ok (f->store, today_id, "accepted", NULL);
  referral = escale_store_load_referral (f->store, today_id, NULL);
  g_assert_cmpstr (referral->answered_on, ==, today);
  g_autofree char *stamp = query_text (f->store, "SELECT updated_by FROM referral WHERE id = %"
                                       G_GINT64_FORMAT, today_id);
  g_assert_cmpstr (stamp, ==, "tester");
}

/* The action's outcome after each path (see the header's mapping). */
static void
test_outcome (Fixture       *f,
              gconstpointer  data)
{
  static const struct {
    const char *path[3];
    const char *outcome;
  } cases[] = {
    { { NULL }, "pending" },
    { { "no_answer", NULL }, "pending" },
    { { "accepted", NULL }, "accepted" },
    { { "refused", NULL }, "refused" },
    { { "no_answer", "refused", NULL }, "refused" },
    { { "no_answer", "accepted", NULL }, "accepted" },
    { { "accepted", "completed", NULL }, "completed" },
    { { "accepted", "abandoned", NULL }, "accepted" },
    { { "no_answer", "abandoned", NULL }, "refused" },
  };

  (void) data;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = refer (f->store, f->person, f->service, "2025-03-01");
      g_autofree char *outcome = NULL;
      g_autofree char *by = NULL;

      for (guint k = 0; cases[i].path[k] != NULL; k++)
        set_state_ok (f->store, id, cases[i].path[k], "2025-03-10");
      outcome = outcome_of (f->store, id);
      g_assert_cmpstr (outcome, ==, cases[i].outcome);
      by = query_text (f->store, "SELECT a.updated_by FROM referral r JOIN action a "
                       "ON a.id = r.action_id WHERE r.id = %" G_GINT64_FORMAT, id);
      g_assert_cmpstr (by, ==, "tester");
    }
}

/* Places */

static gint64
free_places (EscaleStore *store,
             gint64       service_id)
{
  return query_int (store, "SELECT coalesce (capacity_free, -1) FROM partner_service "
                    "WHERE id = %" G_GINT64_FORMAT, service_id);
}

static void
assert_accept_refused (EscaleStore *store,
                       gint64       referral_id,
                       int          code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *outcome = NULL;

  g_assert_false (escale_store_accept_referral (store, referral_id, "2025-03-05", TRUE, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  state = state_of (store, referral_id);
  g_assert_cmpstr (state, ==, "pending");
  outcome = outcome_of (store, referral_id);
  g_assert_cmpstr (outcome, ==, "pending");
  g_assert_cmpint (query_int (store, "SELECT answered_on IS NULL FROM referral WHERE id = %"
                              G_GINT64_FORMAT, referral_id), ==, 1);
}

static void
test_accept_place (Fixture       *f,
                   gconstpointer  data)
{
  gint64 full = add_service (f->store, f->partner, "housing", 5, 0);
  gint64 uncounted = add_service (f->store, f->partner, "housing", NO_CAPACITY, NO_CAPACITY);
  gint64 taking = refer (f->store, f->person, f->service, "2025-03-01");
  gint64 not_taking = refer (f->store, f->person, f->service, "2025-03-01");
  gint64 to_full = refer (f->store, f->person, full, "2025-03-01");
  gint64 to_uncounted = refer (f->store, f->person, uncounted, "2025-03-01");
  g_autoptr(GError) error = NULL;
  g_autofree char *by = NULL;
  g_autofree char *state = NULL;

  (void) data;
  g_assert_true (escale_store_accept_referral (f->store, taking, "2025-03-05", TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (free_places (f->store, f->service), ==, 1);
  by = query_text (f->store, "SELECT capacity_updated_by FROM partner_service WHERE id = %"
                   G_GINT64_FORMAT, f->service);
  g_assert_cmpstr (by, ==, "tester");
  g_assert_cmpint (query_int (f->store, "SELECT capacity_updated_at IS NOT NULL FROM "
                              "partner_service WHERE id = %" G_GINT64_FORMAT, f->service), ==, 1);
  state = state_of (f->store, taking);
  g_assert_cmpstr (state, ==, "accepted");

  /* Accepting without taking a place leaves the capacity alone. */
  g_assert_true (escale_store_accept_referral (f->store, not_taking, "2025-03-05", FALSE,
                                               &error));
  g_assert_no_error (error);
  g_assert_cmpint (free_places (f->store, f->service), ==, 1);

  /* No free place, or places not counted: refused, nothing changes. */
  assert_accept_refused (f->store, to_full, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpint (free_places (f->store, full), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT capacity_updated_at IS NULL FROM "
                              "partner_service WHERE id = %" G_GINT64_FORMAT, full), ==, 1);
  assert_accept_refused (f->store, to_uncounted, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpint (free_places (f->store, uncounted), ==, -1);

  /* Accepting again is not a transition: the place is not taken twice. */
  g_assert_false (escale_store_accept_referral (f->store, taking, "2025-03-06", TRUE, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpint (free_places (f->store, f->service), ==, 1);
  g_clear_error (&error);

  /* The service deleted: no place to take. */
  escale_test_exec_printf (f->store, "DELETE FROM partner_service WHERE id = %" G_GINT64_FORMAT,
                           full);
  assert_accept_refused (f->store, to_full, ESCALE_STORE_ERROR_NOT_FOUND);
  /* Without a place, it can still be accepted. */
  g_assert_true (escale_store_accept_referral (f->store, to_full, "2025-03-05", FALSE, &error));
  g_assert_no_error (error);
}

/* Lists and deletion */

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  gint64 child = escale_test_add_person (f->store, "Haddad", "Sami", "2015-01-01");
  gint64 other = escale_test_add_person (f->store, "Okafor", "Ngozi", NULL);
  gint64 second = add_partner (f->store, "Cours du soir");
  gint64 classes = add_service (f->store, second, "language", NO_CAPACITY, NO_CAPACITY);
  g_autoptr(EscaleAction) family = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 own, household, elsewhere, household_id;

  (void) data;
  g_assert_true (escale_store_household_add (f->store, f->person, child, "child", &error));
  g_assert_no_error (error);
  household_id = query_int (f->store, "SELECT household_id FROM household_member "
                            "WHERE person_id = %" G_GINT64_FORMAT, child);
  escale_test_exec_printf (f->store, "UPDATE household SET name = 'Famille Haddad'");
  own = refer (f->store, f->person, f->service, "2025-01-10");
  family = new_referral_action (ESCALE_ACTION_UNSET, "2025-02-10", NULL);
  escale_action_set (family, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_HOUSEHOLD);
  escale_action_set_int (family, ESCALE_ACTION_FIELD_HOUSEHOLD_ID, household_id);
  household = escale_store_create_referral (f->store, family, classes, &error);
  g_assert_no_error (error);
  elsewhere = refer (f->store, other, classes, "2025-03-10");

  /* The child sees the household's referral only; the newest first. */
  list = escale_store_list_person_referrals (f->store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((EscaleReferral *) list->pdata[0])->id, ==, household);
  g_assert_cmpstr (((EscaleReferral *) list->pdata[0])->who, ==, "Famille Haddad");
  g_assert_cmpstr (((EscaleReferral *) list->pdata[0])->scope, ==, "household");
  g_assert_cmpint (((EscaleReferral *) list->pdata[1])->id, ==, own);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = escale_store_list_person_referrals (f->store, child, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((EscaleReferral *) list->pdata[0])->id, ==, household);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = escale_store_list_partner_referrals (f->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((EscaleReferral *) list->pdata[0])->id, ==, elsewhere);
  g_assert_cmpstr (((EscaleReferral *) list->pdata[0])->who, ==, "Okafor Ngozi");
  g_assert_cmpstr (((EscaleReferral *) list->pdata[0])->service_theme, ==, "language");
  g_assert_cmpint (((EscaleReferral *) list->pdata[1])->id, ==, household);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = escale_store_list_partner_referrals (f->store, f->partner, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = refer (f->store, f->person, f->service, "2025-03-01");
  gint64 kept = refer (f->store, f->person, f->service, "2025-03-02");
  gint64 action_id = query_int (f->store, "SELECT action_id FROM referral WHERE id = %"
                                G_GINT64_FORMAT, id);
  g_autoptr(EscaleReferral) referral = NULL;
  g_autoptr(GError) error = NULL;

  (void) data;
  g_assert_true (escale_store_delete_action (f->store, action_id, &error));
  g_assert_no_error (error);
  g_assert_null (escale_store_load_referral (f->store, id, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (escale_store_find_action_referral (f->store, action_id), ==, 0);
  g_assert_cmpint (count_rows (f->store, "referral"), ==, 1);

  /* The service and partner deleted: the referral stays, without them. */
  escale_test_exec_printf (f->store, "DELETE FROM partner WHERE id = %" G_GINT64_FORMAT,
                           f->partner);
  referral = escale_store_load_referral (f->store, kept, &error);
  g_assert_no_error (error);
  g_assert_cmpint (referral->partner_id, ==, 0);
  g_assert_cmpint (referral->service_id, ==, 0);
  g_assert_null (referral->partner_name);
  g_assert_null (referral->service_theme);
  g_assert_cmpstr (referral->state, ==, "pending");
}

/* Statistics */

static const EscaleReferralStats *
stats_at (GPtrArray *rows,
          guint      i)
{
  g_assert_cmpuint (i, <, rows->len);
  return g_ptr_array_index (rows, i);
}

static void
assert_stats (const EscaleReferralStats *stats,
              guint                      sent,
              guint                      accepted,
              guint                      refused,
              guint                      pending,
              guint                      completed,
              guint                      abandoned,
              double                     average)
{
  g_assert_cmpuint (stats->sent, ==, sent);
  g_assert_cmpuint (stats->accepted, ==, accepted);
  g_assert_cmpuint (stats->refused, ==, refused);
  g_assert_cmpuint (stats->pending, ==, pending);
  g_assert_cmpuint (stats->completed, ==, completed);
  g_assert_cmpuint (stats->abandoned, ==, abandoned);
  if (average < 0)
    g_assert_false (stats->has_average);
  else
    {
      g_assert_true (stats->has_average);
      g_assert_cmpfloat_with_epsilon (stats->average_days, average, 1e-9);
    }
}

static GPtrArray *
stats (EscaleStore *store,
       gint64       partner_id,
       const char  *from,
       const char  *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = escale_store_referral_stats (store, partner_id, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  gint64 alpha = f->partner; /* "Toit pour tous" */
  gint64 beta = add_partner (f->store, "Accueil santé");
  gint64 gamma = add_partner (f->store, "Zèbre");
  gint64 unused = add_partner (f->store, "Nobody sends here");
  gint64 b = add_service (f->store, beta, "health", NO_CAPACITY, NO_CAPACITY);
  gint64 c = add_service (f->store, gamma, "culture", NO_CAPACITY, NO_CAPACITY);
  gint64 a1, a2, a5, a6, a7, a4, b1, b3;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  (void) data;
  (void) unused;
  /* Alpha: 7 sent; answered after 4, 10, 1 and 7 days: 5.5 on average. */
  a1 = refer (f->store, f->person, f->service, "2025-01-10");
  set_state_ok (f->store, a1, "accepted", "2025-01-14");
  a2 = refer (f->store, f->person, f->service, "2025-01-20");
  set_state_ok (f->store, a2, "refused", "2025-01-30");
  refer (f->store, f->person, f->service, "2025-02-01");
  a4 = refer (f->store, f->person, f->service, "2025-02-05");
  set_state_ok (f->store, a4, "no_answer", "2025-02-20");
  a5 = refer (f->store, f->person, f->service, "2025-02-10");
  set_state_ok (f->store, a5, "accepted", "2025-02-11");
  set_state_ok (f->store, a5, "completed", "2025-03-01");
  a6 = refer (f->store, f->person, f->service, "2025-02-15");
  set_state_ok (f->store, a6, "accepted", "2025-02-22");
  set_state_ok (f->store, a6, "abandoned", "2025-03-05");
  a7 = refer (f->store, f->person, f->service, "2025-02-20");
  set_state_ok (f->store, a7, "no_answer", "2025-03-01");
  set_state_ok (f->store, a7, "abandoned", "2025-03-20");
  /* Beta: one answered in 3 days, one pending after the period, one cancelled. */
  b1 = refer (f->store, f->person, b, "2025-01-05");
  set_state_ok (f->store, b1, "accepted", "2025-01-08");
  refer (f->store, f->person, b, "2025-03-10");
  b3 = refer (f->store, f->person, b, "2025-01-15");
  g_assert_true (escale_store_set_action_status (f->store,
                                                 query_int (f->store, "SELECT action_id FROM "
                                                            "referral WHERE id = %"
                                                            G_GINT64_FORMAT, b3),
                                                 "cancelled", &error));
  g_assert_no_error (error);
  /* Gamma: one pending, then the partner is deleted. */
  refer (f->store, f->person, c, "2025-01-12");
  escale_test_exec_printf (f->store, "DELETE FROM partner WHERE id = %" G_GINT64_FORMAT, gamma);

  /* All time, every partner: by name, the deleted partner last, unused absent. */
  rows = stats (f->store, 0, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (stats_at (rows, 0)->partner_id, ==, beta);
  g_assert_cmpstr (stats_at (rows, 0)->partner_name, ==, "Accueil santé");
  assert_stats (stats_at (rows, 0), 2, 1, 0, 1, 0, 0, 3.0);
  g_assert_cmpint (stats_at (rows, 1)->partner_id, ==, alpha);
  assert_stats (stats_at (rows, 1), 7, 3, 1, 2, 1, 2, 5.5);
  g_assert_cmpint (stats_at (rows, 2)->partner_id, ==, 0);
  g_assert_null (stats_at (rows, 2)->partner_name);
  assert_stats (stats_at (rows, 2), 1, 0, 0, 1, 0, 0, -1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* One partner. */
  rows = stats (f->store, alpha, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  assert_stats (stats_at (rows, 0), 7, 3, 1, 2, 1, 2, 5.5);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = stats (f->store, unused, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* January and February: Beta's March referral left out. */
  rows = stats (f->store, 0, "2025-01-01", "2025-02-28");
  g_assert_cmpuint (rows->len, ==, 3);
  assert_stats (stats_at (rows, 0), 1, 1, 0, 0, 0, 0, 3.0);
  assert_stats (stats_at (rows, 1), 7, 3, 1, 2, 1, 2, 5.5);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Both bounds are included. */
  rows = stats (f->store, alpha, "2025-01-10", "2025-01-20");
  g_assert_cmpuint (rows->len, ==, 1);
  assert_stats (stats_at (rows, 0), 2, 1, 1, 0, 0, 0, 7.0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = stats (f->store, 0, "2025-02-16", NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_stats (stats_at (rows, 0), 1, 0, 0, 1, 0, 0, -1);
  assert_stats (stats_at (rows, 1), 1, 0, 0, 0, 0, 1, -1);
}

/* The agenda's referrals to follow up */

static GPtrArray *
follow_up (EscaleStore *store,
           const char  *today,
           guint        days,
           const char  *worker,
           guint        limit,
           guint       *n_total)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = escale_agenda_list_referrals_to_follow_up_page (store, today, days, worker,
                                                                    limit, n_total, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static const EscaleAgendaReferral *
referral_at (GPtrArray *list,
             guint      i)
{
  g_assert_cmpuint (i, <, list->len);
  return g_ptr_array_index (list, i);
}

static void
test_follow_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 child = escale_test_add_person (f->store, "Haddad", "Sami", "2015-01-01");
  g_autoptr(EscaleAction) mine = new_referral_action (f->person, "2025-03-05", "Ana");
  g_autoptr(EscaleAction) family = new_referral_action (ESCALE_ACTION_UNSET, "2025-03-01", "Ben");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 on_boundary, late, silent, household, accepted, cancelled;
  guint n_total = 0;

  (void) data;
  g_assert_true (escale_store_household_add (f->store, f->person, child, "child", &error));
  g_assert_no_error (error);
  escale_test_exec_printf (f->store, "UPDATE household SET name = 'Famille Haddad'");
  on_boundary = refer (f->store, f->person, f->service, "2025-03-06");
  late = escale_store_create_referral (f->store, mine, f->service, &error);
  g_assert_no_error (error);
  silent = refer (f->store, child, f->service, "2025-02-01");
  set_state_ok (f->store, silent, "no_answer", "2025-02-15");
  escale_action_set (family, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_HOUSEHOLD);
  escale_action_set_int (family, ESCALE_ACTION_FIELD_HOUSEHOLD_ID,
                         query_int (f->store, "SELECT household_id FROM household_member "
                                    "WHERE person_id = %" G_GINT64_FORMAT, child));
  household = escale_store_create_referral (f->store, family, f->service, &error);
  g_assert_no_error (error);
  accepted = refer (f->store, f->person, f->service, "2025-02-02");
  set_state_ok (f->store, accepted, "accepted", "2025-02-10");
  cancelled = refer (f->store, f->person, f->service, "2025-02-03");
  g_assert_true (escale_store_set_action_status (f->store,
                                                 query_int (f->store, "SELECT action_id FROM "
                                                            "referral WHERE id = %"
                                                            G_GINT64_FORMAT, cancelled),
                                                 "cancelled", &error));

  /* Today 20 March, 14 days: sent before 6 March; exactly 14 days is not late. */
  list = follow_up (f->store, "2025-03-20", 14, NULL, 0, &n_total);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpuint (n_total, ==, 3);
  g_assert_cmpint (referral_at (list, 0)->referral_id, ==, silent);
  g_assert_cmpstr (referral_at (list, 0)->state, ==, "no_answer");
  g_assert_cmpint (referral_at (list, 0)->days_waiting, ==, 47);
  g_assert_cmpint (referral_at (list, 0)->open_person_id, ==, child);
  g_assert_cmpstr (referral_at (list, 0)->who, ==, "Haddad Sami");
  g_assert_nonnull (referral_at (list, 0)->file_number);
  g_assert_cmpint (referral_at (list, 1)->referral_id, ==, household);
  g_assert_cmpstr (referral_at (list, 1)->scope, ==, "household");
  g_assert_cmpstr (referral_at (list, 1)->who, ==, "Famille Haddad");
  g_assert_null (referral_at (list, 1)->file_number);
  g_assert_cmpint (referral_at (list, 1)->open_person_id, ==, f->person);
  g_assert_cmpint (referral_at (list, 1)->days_waiting, ==, 19);
  g_assert_cmpint (referral_at (list, 2)->referral_id, ==, late);
  g_assert_cmpint (referral_at (list, 2)->days_waiting, ==, 15);
  g_assert_cmpstr (referral_at (list, 2)->partner_name, ==, "Toit pour tous");
  g_assert_cmpstr (referral_at (list, 2)->service_theme, ==, "housing");
  g_assert_cmpstr (referral_at (list, 2)->worker, ==, "Ana");
  g_assert_cmpint (referral_at (list, 2)->action_id, ==, escale_action_get_id (mine));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* One day later the boundary one is late too; one day less, late is not. */
  list = follow_up (f->store, "2025-03-21", 14, NULL, 0, NULL);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (referral_at (list, 3)->referral_id, ==, on_boundary);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = follow_up (f->store, "2025-03-20", 15, NULL, 0, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A worker's only, and a page. */
  list = follow_up (f->store, "2025-03-20", 14, "Ana", 0, &n_total);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (n_total, ==, 1);
  g_assert_cmpint (referral_at (list, 0)->referral_id, ==, late);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = follow_up (f->store, "2025-03-20", 14, NULL, 1, &n_total);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (n_total, ==, 3);
  g_assert_cmpint (referral_at (list, 0)->referral_id, ==, silent);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Answered: no longer to follow up. */
  set_state_ok (f->store, silent, "accepted", "2025-03-20");
  list = follow_up (f->store, "2025-03-20", 14, NULL, 0, &n_total);
  g_assert_cmpuint (n_total, ==, 2);
}

/* The setting's default and range, as the agenda page reads it. */
static void
test_setting (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) bounds = NULL;
  const char *kind = NULL;
  gint32 min = 0, max = 0;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, "org.escale.Escale", TRUE);
  g_assert_nonnull (schema);
  key = g_settings_schema_get_key (schema, "referral-follow-up-days");
  value = g_settings_schema_key_get_default_value (key);
  g_assert_cmpint (g_variant_get_int32 (value), ==, 14);
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &kind, &bounds);
  g_assert_cmpstr (kind, ==, "range");
  g_variant_get (bounds, "(ii)", &min, &max);
  g_assert_cmpint (min, ==, 1);
  g_assert_cmpint (max, ==, 365);
}

/* A next step after a referral is followed up by a call, not by a second
 * referral without its referral row. */
static void
test_next_step (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(EscaleAction) action = new_referral_action (f->person, "2025-03-01", "Ana");
  g_autoptr(EscaleAction) next = NULL;
  g_autoptr(GError) error = NULL;
  gint64 follow_up;

  (void) data;
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP, "Call the shelter");
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "2025-03-15");
  g_assert_cmpint (escale_store_create_referral (f->store, action, f->service, &error), >, 0);
  g_assert_no_error (error);
  follow_up = escale_store_find_follow_up (f->store, escale_action_get_id (action));
  g_assert_cmpint (follow_up, >, 0);
  next = escale_store_load_action (f->store, follow_up, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_action_get (next, ESCALE_ACTION_FIELD_TYPE), ==, "phone_call");
  g_assert_cmpstr (escale_action_get (next, ESCALE_ACTION_FIELD_STATUS), ==, "planned");
  g_assert_cmpint (escale_store_find_action_referral (f->store, follow_up), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/referrals/create", test_create);
  ADD ("/referrals/create/planned", test_create_planned);
  ADD ("/referrals/create/refused", test_create_refused);
  ADD ("/referrals/create/next-step", test_next_step);
  ADD ("/referrals/state/transitions", test_transitions);
  ADD ("/referrals/state/refused", test_state_refused);
  ADD ("/referrals/state/refusal-reason", test_refusal_reason);
  ADD ("/referrals/state/dates", test_dates);
  ADD ("/referrals/state/outcome", test_outcome);
  ADD ("/referrals/accept/place", test_accept_place);
  ADD ("/referrals/lists", test_lists);
  ADD ("/referrals/delete", test_delete);
  ADD ("/referrals/stats", test_stats);
  ADD ("/referrals/agenda/follow-up", test_follow_up);
#undef ADD
  g_test_add_func ("/referrals/setting", test_setting);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
