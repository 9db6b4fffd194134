/* test-agenda.c — due, overdue, expiring documents and lost contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-action-store.h"
#include "escale-agenda.h"
#include "escale-person-store.h"
#include "escale-schema.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

/* Helpers */

static EscaleAction *
new_action (gint64      person_id,
            const char *date,
            const char *status)
{
  EscaleAction *action = escale_action_new ();

  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, person_id);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "appointment");
  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS, status);
  return action;
}

static gint64
save_ok (EscaleStore  *store,
         EscaleAction *action)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_save_action (store, action, &error));
  g_assert_no_error (error);
  return escale_action_get_id (action);
}

static gint64
add_action (EscaleStore *store,
            gint64       person_id,
            const char  *date,
            const char  *status)
{
  g_autoptr(EscaleAction) action = new_action (person_id, date, status);

  return save_ok (store, action);
}

static gint64
household_of (EscaleStore *store,
              gint64       person_id)
{
  g_autoptr(EscalePerson) person = escale_store_load_person (store, person_id, NULL);

  g_assert_nonnull (person);
  return escale_person_get_household_id (person);
}

static gint64
add_household_action (EscaleStore *store,
                      gint64       household_id,
                      const char  *date,
                      const char  *status)
{
  g_autoptr(EscaleAction) action = new_action (ESCALE_ACTION_UNSET, date, status);

  escale_action_set (action, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_HOUSEHOLD);
  escale_action_set_int (action, ESCALE_ACTION_FIELD_HOUSEHOLD_ID, household_id);
  return save_ok (store, action);
}

static gint64
add_group_action (EscaleStore      *store,
                  const char       *date,
                  const char       *status,
                  gint64            person_id,
                  EscaleAttendance  attended)
{
  g_autoptr(EscaleAction) action = new_action (ESCALE_ACTION_UNSET, date, status);

  escale_action_set (action, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_GROUP);
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "workshop");
  escale_action_add_participant (action, person_id, attended);
  return save_ok (store, action);
}

static GPtrArray *
due (EscaleStore *store,
     const char  *from,
     const char  *to,
     const char  *today,
     const char  *worker)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *actions = escale_agenda_list_due (store, from, to, today, worker, &error);

  g_assert_no_error (error);
  g_assert_nonnull (actions);
  return actions;
}

static EscaleAgendaAction *
action_at (GPtrArray *actions,
           guint      i)
{
  return g_ptr_array_index (actions, i);
}

/* Tests */

static void
test_months_before (void)
{
  static const struct { const char *today; guint months; const char *expected; } cases[] = {
    { "2026-03-31", 1, "2026-02-28" },
    { "2024-03-31", 1, "2024-02-29" },
    { "2026-01-15", 3, "2025-10-15" },
    { "2026-01-31", 2, "2025-11-30" },
    { "2026-05-31", 3, "2026-02-28" },
    { "2026-03-01", 0, "2026-03-01" },
    { "2026-02-28", 12, "2025-02-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = escale_agenda_months_before (cases[i].today, cases[i].months);

      g_assert_cmpstr (before, ==, cases[i].expected);
    }
}

static void
test_today (void)
{
  g_autofree char *today = escale_agenda_today ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_date_time_format (now, "%Y-%m-%d");

  g_assert_cmpstr (today, ==, expected);
}

static void
test_due (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 amina = escale_test_add_old_person (store, "Haddad", NULL);
  gint64 child = escale_test_add_old_person (store, "Haddad-Junior", NULL);
  gint64 paul = escale_test_add_old_person (store, "Martin", NULL);
  g_autoptr(EscaleAction) morning = new_action (amina, "2026-03-31", "planned");
  g_autoptr(GPtrArray) actions = NULL, mine = NULL, new_year = NULL;
  g_autoptr(GError) error = NULL;
  gint64 group, household_visit, late;

  g_assert_true (escale_store_household_add (store, amina, child, "child", &error));
  g_assert_no_error (error);
  escale_action_set (morning, ESCALE_ACTION_FIELD_TIME, "10:00");
  escale_action_set (morning, ESCALE_ACTION_FIELD_WORKER, "Claire");
  save_ok (store, morning);
  household_visit = add_household_action (store, household_of (store, amina), "2026-04-01",
                                          "planned");
  group = add_group_action (store, "2026-03-31", "planned", paul, ESCALE_ATTENDANCE_UNKNOWN);
  escale_test_exec_printf (store,
                           "INSERT INTO action_participant (action_id, person_id) "
                           "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", group, child);
  late = add_action (store, paul, "2026-03-30", "planned");
  add_action (store, paul, "2026-03-31", "done");
  add_action (store, paul, "2026-04-02", "planned");

  actions = due (store, "2026-03-30", "2026-04-01", "2026-03-31", NULL);
  g_assert_cmpuint (actions->len, ==, 4);
  g_assert_cmpint (action_at (actions, 0)->action_id, ==, late);
  g_assert_true (action_at (actions, 0)->overdue);
  g_assert_cmpstr (action_at (actions, 0)->file_number, !=, NULL);
  /* The untimed group session before the 10:00 appointment. */
  g_assert_cmpint (action_at (actions, 1)->action_id, ==, group);
  g_assert_cmpstr (action_at (actions, 1)->scope, ==, "group");
  g_assert_cmpuint (action_at (actions, 1)->n_participants, ==, 2);
  g_assert_null (action_at (actions, 1)->who);
  g_assert_false (action_at (actions, 1)->overdue);
  g_assert_cmpint (action_at (actions, 2)->action_id, ==, escale_action_get_id (morning));
  g_assert_cmpstr (action_at (actions, 2)->who, ==, "Haddad");
  g_assert_cmpstr (action_at (actions, 2)->time, ==, "10:00");
  g_assert_cmpint (action_at (actions, 2)->person_id, ==, amina);
  g_assert_cmpint (action_at (actions, 3)->action_id, ==, household_visit);
  g_assert_cmpstr (action_at (actions, 3)->scope, ==, "household");
  g_assert_cmpint (action_at (actions, 3)->household_id, ==, household_of (store, amina));

  mine = due (store, "2026-03-30", "2026-04-01", "2026-03-31", "Claire");
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpstr (action_at (mine, 0)->worker, ==, "Claire");

  /* Across the new year. */
  add_action (store, paul, "2025-12-31", "planned");
  add_action (store, paul, "2026-01-01", "planned");
  add_action (store, paul, "2026-01-02", "planned");
  new_year = due (store, "2025-12-31", "2026-01-01", "2026-01-01", NULL);
  g_assert_cmpuint (new_year->len, ==, 2);
  g_assert_cmpstr (action_at (new_year, 0)->date, ==, "2025-12-31");
  g_assert_true (action_at (new_year, 0)->overdue);
  g_assert_false (action_at (new_year, 1)->overdue);
}

static void
test_overdue (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 paul = escale_test_add_old_person (store, "Martin", NULL);
  g_autoptr(GPtrArray) overdue = NULL, new_year = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old, yesterday;

  yesterday = add_action (store, paul, "2026-03-30", "planned");
  old = add_action (store, paul, "2025-12-31", "planned");
  add_action (store, paul, "2026-03-31", "planned");
  add_action (store, paul, "2026-03-01", "missed");
  add_action (store, paul, "2026-03-02", "done");

  overdue = escale_agenda_list_overdue (store, "2026-03-31", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 2);
  g_assert_cmpint (action_at (overdue, 0)->action_id, ==, old);
  g_assert_cmpint (action_at (overdue, 1)->action_id, ==, yesterday);
  g_assert_true (action_at (overdue, 1)->overdue);

  new_year = escale_agenda_list_overdue (store, "2026-01-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (new_year->len, ==, 1);
  g_assert_cmpint (action_at (new_year, 0)->action_id, ==, old);
  g_clear_pointer (&new_year, g_ptr_array_unref);
  new_year = escale_agenda_list_overdue (store, "2025-12-31", "Nobody", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (new_year->len, ==, 0);
}

static void
add_period (EscaleStore *store,
            gint64       person_id,
            const char  *started_on,
            const char  *expiry)
{
  escale_test_exec_printf (store,
                           "INSERT INTO status_period (person_id, status, started_on, document, "
                           "document_expiry) VALUES (%" G_GINT64_FORMAT ", "
                           "'residence_permit', '%s', 'Card', %s%s%s)", person_id, started_on,
                           expiry ? "'" : "", expiry ? expiry : "NULL", expiry ? "'" : "");
}

static void
test_expiring (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 soon = escale_test_add_old_person (store, "Soon", NULL);
  gint64 later = escale_test_add_old_person (store, "Later", NULL);
  gint64 expired = escale_test_add_old_person (store, "Expired", NULL);
  gint64 renewed = escale_test_add_old_person (store, "Renewed", NULL);
  gint64 closed = escale_test_add_old_person (store, "Closed", NULL);
  g_autoptr(GPtrArray) expiries = NULL;
  g_autoptr(GError) error = NULL;
  EscaleAgendaExpiry *expiry;

  add_period (store, soon, "2025-01-01", "2026-01-14");    /* 30 days after 15 Dec */
  add_period (store, later, "2025-01-01", "2026-01-15");   /* 31 days */
  add_period (store, expired, "2025-01-01", "2025-12-14");
  add_period (store, renewed, "2025-01-01", "2025-12-20");
  add_period (store, renewed, "2025-12-01", NULL);         /* the current one */
  add_period (store, closed, "2025-01-01", "2025-12-20");
  escale_test_exec_printf (store,
                           "UPDATE person SET closed_on = '2025-12-01' WHERE id = %"
                           G_GINT64_FORMAT, closed);

  expiries = escale_agenda_list_expiring (store, "2025-12-15", 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expiries->len, ==, 2);
  expiry = g_ptr_array_index (expiries, 0);
  g_assert_cmpint (expiry->person_id, ==, expired);
  g_assert_cmpint (expiry->days_left, ==, -1);
  expiry = g_ptr_array_index (expiries, 1);
  g_assert_cmpint (expiry->person_id, ==, soon);
  g_assert_cmpint (expiry->days_left, ==, 30);
  g_assert_cmpstr (expiry->expiry, ==, "2026-01-14");
  g_assert_cmpstr (expiry->document, ==, "Card");
  g_assert_cmpstr (expiry->status, ==, "residence_permit");
  g_assert_cmpstr (expiry->who, ==, "Soon");
  g_clear_pointer (&expiries, g_ptr_array_unref);

  expiries = escale_agenda_list_expiring (store, "2025-12-15", 31, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expiries->len, ==, 3);
  g_assert_cmpint (((EscaleAgendaExpiry *) g_ptr_array_index (expiries, 2))->person_id, ==,
                   later);
}

/* The ids of the people in @list, as text. */
static char *
lost_ids (GPtrArray *list)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      EscaleAgendaLostContact *lost = g_ptr_array_index (list, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? " " : "", lost->person_id);
    }
  return g_string_free (text, FALSE);
}

static void
assert_lost (EscaleStore *store,
             const char  *today,
             guint        months,
             const char  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = escale_agenda_list_lost_contact (store, today, months, &error);
  g_autofree char *ids = NULL;

  g_assert_no_error (error);
  ids = lost_ids (list);
  g_assert_cmpstr (ids, ==, expected);
}

static void
test_lost_contact_month_end (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 on_cutoff = escale_test_add_old_person (store, "OnCutoff", NULL);
  gint64 day_before = escale_test_add_old_person (store, "DayBefore", NULL);
  gint64 never_old = escale_test_add_old_person (store, "NeverOld", NULL);
  gint64 never_new = escale_test_add_old_person (store, "NeverNew", NULL);
  gint64 household = escale_test_add_old_person (store, "Household", NULL);
  gint64 member = escale_test_add_old_person (store, "Member", NULL);
  gint64 attended = escale_test_add_old_person (store, "Attended", NULL);
  gint64 absent = escale_test_add_old_person (store, "Absent", NULL);
  gint64 closed = escale_test_add_old_person (store, "Closed", NULL);
  gint64 planned_only = escale_test_add_old_person (store, "PlannedOnly", NULL);
  gint64 utc_late = escale_test_add_old_person (store, "UtcLate", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *expected = NULL;
  EscaleAgendaLostContact *lost;

  /* One month before 31 March 2026 is 28 February. */
  add_action (store, on_cutoff, "2026-02-28", "done");
  add_action (store, day_before, "2026-02-27", "done");
  add_action (store, day_before, "2026-01-10", "done");
  add_action (store, day_before, "2026-03-20", "missed");
  escale_test_exec_printf (store,
                           "UPDATE person SET created_at = '2026-03-01T00:00:00Z' "
                           "WHERE id = %" G_GINT64_FORMAT, never_new);
  g_assert_true (escale_store_household_add (store, household, member, "partner", &error));
  g_assert_no_error (error);
  add_household_action (store, household_of (store, household), "2026-03-15", "done");
  add_group_action (store, "2026-03-10", "done", attended, ESCALE_ATTENDANCE_PRESENT);
  add_group_action (store, "2026-03-10", "done", absent, ESCALE_ATTENDANCE_ABSENT);
  escale_test_exec_printf (store,
                           "UPDATE person SET closed_on = '2026-01-01' WHERE id = %"
                           G_GINT64_FORMAT, closed);
  add_action (store, planned_only, "2026-03-30", "planned");
  /* 22:30 UTC on 27 February is 23:30 in Paris, still the 27th; 23:30 UTC
   * is already the 28th. */
  escale_test_exec_printf (store,
                           "UPDATE person SET created_at = '2026-02-27T22:30:00Z' "
                           "WHERE id = %" G_GINT64_FORMAT, utc_late);

  /* Sorted by last contact, those without by their creation. */
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                              " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                              never_old, absent, planned_only, day_before, utc_late);
  assert_lost (store, "2026-03-31", 1, expected);

  escale_test_exec_printf (store,
                           "UPDATE person SET created_at = '2026-02-27T23:30:00Z' "
                           "WHERE id = %" G_GINT64_FORMAT, utc_late);
  list = escale_agenda_list_lost_contact (store, "2026-03-31", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  lost = g_ptr_array_index (list, 3);
  g_assert_cmpint (lost->person_id, ==, day_before);
  g_assert_cmpstr (lost->last_action, ==, "2026-02-27");
  g_assert_cmpstr (lost->who, ==, "DayBefore");
  g_assert_nonnull (lost->file_number);
  g_assert_null (((EscaleAgendaLostContact *) g_ptr_array_index (list, 0))->last_action);
}

static void
test_lost_contact_year (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 on_cutoff = escale_test_add_old_person (store, "OnCutoff", NULL);
  gint64 day_before = escale_test_add_old_person (store, "DayBefore", NULL);
  gint64 member = escale_test_add_old_person (store, "Member", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  /* Three months before 15 January 2026 is 15 October 2025. */
  add_action (store, on_cutoff, "2025-10-15", "done");
  add_action (store, day_before, "2025-10-14", "done");
  g_assert_true (escale_store_household_add (store, on_cutoff, member, "child", &error));
  g_assert_no_error (error);
  /* The member has no contact of their own. */
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, member, day_before);
  assert_lost (store, "2026-01-15", 3, expected);
  g_clear_pointer (&expected, g_free);
  /* A day later, the one seen on 15 October is lost too. */
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                              member, day_before, on_cutoff);
  assert_lost (store, "2026-01-16", 3, expected);
  g_clear_pointer (&expected, g_free);
  /* A household visit in December counts for both members. */
  add_household_action (store, household_of (store, member), "2025-12-01", "done");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, day_before);
  assert_lost (store, "2026-01-16", 3, expected);
}

static char *
last_contact (EscaleStore *store,
              gint64       person_id)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT last_contact FROM person WHERE id = ?",
                                            NULL);
  char *last;

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, person_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  last = escale_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return last;
}

#define assert_last_contact(store, id, expected) \
  G_STMT_START { \
    g_autofree char *last_ = last_contact ((store), (id)); \
    g_assert_cmpstr (last_, ==, (expected)); \
  } G_STMT_END

/* Whatever changes the actions, households or attendance, the last contact
 * the lost-contact list reads from stays right. */
static void
test_last_contact_kept (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_old_person (store, "Person", NULL);
  gint64 partner = escale_test_add_old_person (store, "Partner", NULL);
  gint64 early, late, group;
  g_autoptr(GError) error = NULL;

  assert_last_contact (store, person, NULL);
  early = add_action (store, person, "2026-01-10", "done");
  late = add_action (store, person, "2026-03-01", "done");
  add_action (store, person, "2026-02-01", "done");
  add_action (store, person, "2026-04-01", "planned");
  assert_last_contact (store, person, "2026-03-01");

  /* Undone: back to the one before. */
  g_assert_true (escale_store_set_action_status (store, late, "missed", &error));
  assert_last_contact (store, person, "2026-02-01");
  escale_test_exec_printf (store,
                           "UPDATE action SET date = '2026-05-05' WHERE id = %" G_GINT64_FORMAT,
                           early);
  assert_last_contact (store, person, "2026-05-05");
  g_assert_true (escale_store_delete_action (store, early, &error));
  g_assert_no_error (error);
  assert_last_contact (store, person, "2026-02-01");

  /* A household visit counts for its members while they are members. */
  g_assert_true (escale_store_household_add (store, person, partner, "partner", &error));
  g_assert_no_error (error);
  add_household_action (store, household_of (store, person), "2026-06-01", "done");
  assert_last_contact (store, partner, "2026-06-01");
  assert_last_contact (store, person, "2026-06-01");
  escale_test_exec_printf (store,
                           "DELETE FROM household_member WHERE person_id = %" G_GINT64_FORMAT,
                           partner);
  assert_last_contact (store, partner, NULL);

  /* A group session counts once the person was there. */
  group = add_group_action (store, "2026-07-01", "done", partner, ESCALE_ATTENDANCE_ABSENT);
  assert_last_contact (store, partner, NULL);
  escale_test_exec_printf (store,
                           "UPDATE action_participant SET attended = 1 WHERE action_id = %"
                           G_GINT64_FORMAT, group);
  assert_last_contact (store, partner, "2026-07-01");
  g_assert_true (escale_store_delete_action (store, group, &error));
  assert_last_contact (store, partner, NULL);
  g_assert_no_error (error);
}

/* What the Agenda page shows of long lists: the first rows and the count. */
static void
test_pages (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 people[5];
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  guint n_total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i);
      g_autofree char *date = g_strdup_printf ("2026-01-%02u", 10 + i);

      people[i] = escale_test_add_old_person (store, name, NULL);
      add_action (store, people[i], "2026-03-02", "planned");
      add_action (store, people[i], "2026-02-01", "planned");
      add_action (store, people[i], date, "done");
      add_period (store, people[i], "2025-01-01", date);
    }
  escale_test_exec_printf (store,
                           "UPDATE action SET worker = 'Léa' WHERE person_id IN (%" G_GINT64_FORMAT
                           ", %" G_GINT64_FORMAT ")", people[3], people[4]);

  page = escale_agenda_list_due_page (store, "2026-03-02", "2026-03-02", "2026-03-02", NULL, 2,
                                      &n_total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpuint (n_total, ==, 5);
  g_clear_pointer (&page, g_ptr_array_unref);
  page = escale_agenda_list_due_page (store, "2026-03-02", "2026-03-02", "2026-03-02", "Léa", 1,
                                      &n_total, &error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpuint (n_total, ==, 2);
  g_assert_cmpint (action_at (page, 0)->person_id, ==, people[3]);
  g_clear_pointer (&page, g_ptr_array_unref);

  page = escale_agenda_list_overdue_page (store, "2026-03-02", NULL, 3, &n_total, &error);
  g_assert_cmpuint (page->len, ==, 3);
  g_assert_cmpuint (n_total, ==, 5);
  g_assert_true (action_at (page, 0)->overdue);
  g_clear_pointer (&page, g_ptr_array_unref);

  /* Seen from 10 to 14 January: three months later, the first two are lost. */
  page = escale_agenda_list_lost_contact_page (store, "2026-04-12", 3, 1, &n_total, &error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpuint (n_total, ==, 2);
  g_assert_cmpint (((EscaleAgendaLostContact *) g_ptr_array_index (page, 0))->person_id, ==,
                   people[0]);
  g_clear_pointer (&page, g_ptr_array_unref);

  /* Documents expired on 10 to 14 January; one closed file is left out. */
  escale_test_exec_printf (store,
                           "UPDATE person SET closed_on = '2026-01-20' WHERE id = %"
                           G_GINT64_FORMAT, people[0]);
  page = escale_agenda_list_expiring_page (store, "2026-01-12", 1, 2, &n_total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpuint (n_total, ==, 3);
  g_assert_cmpint (((EscaleAgendaExpiry *) g_ptr_array_index (page, 0))->person_id, ==,
                   people[1]);
  g_assert_cmpint (((EscaleAgendaExpiry *) g_ptr_array_index (page, 0))->days_left, ==, -1);
}

/* Every planned action leads to a file, and carries the theme it is
 * coloured by. */
static void
test_file_to_open (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 head = escale_test_add_old_person (store, "Head", NULL);
  gint64 child = escale_test_add_old_person (store, "Child", NULL);
  gint64 other = escale_test_add_old_person (store, "Other", NULL);
  g_autoptr(EscaleAction) own = new_action (other, "2026-03-02", "planned");
  const char *themes[] = { "rights", "housing", NULL };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_household_add (store, head, child, "child", &error));
  g_assert_no_error (error);
  escale_action_set (own, ESCALE_ACTION_FIELD_TIME, "09:00");
  escale_action_set_themes (own, themes);
  save_ok (store, own);
  add_household_action (store, household_of (store, child), "2026-03-02", "planned");
  add_group_action (store, "2026-03-02", "planned", child, ESCALE_ATTENDANCE_UNKNOWN);

  list = due (store, "2026-03-02", "2026-03-02", "2026-03-02", NULL);
  /* Those without a time first. */
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (action_at (list, 0)->scope, ==, "household");
  g_assert_cmpint (action_at (list, 0)->open_person_id, ==, head);
  g_assert_null (action_at (list, 0)->theme);
  g_assert_cmpstr (action_at (list, 1)->scope, ==, "group");
  g_assert_cmpint (action_at (list, 1)->open_person_id, ==, child);
  g_assert_cmpint (action_at (list, 2)->open_person_id, ==, other);
  g_assert_cmpstr (action_at (list, 2)->theme, ==, "housing");
}

/* A database of version 2 (actions, periods, households, group sessions
 * written before the kept columns existed) gets them right on upgrade, and
 * the agenda reads it at once. */
static void
test_upgrade_from_v2 (void)
{
  g_autofree char *path = escale_test_tmp_path ("v2.db");
  const char *v2[] = { escale_schema_get_migration (1), escale_schema_get_migration (2) };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lost = NULL;
  g_autoptr(GPtrArray) expiring = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  guint n_lost = 0, n_expiring = 0;

  {
    g_autoptr(EscaleStore) old = escale_store_open_with_schema (path, v2, 2, &error);

    g_assert_no_error (error);
    escale_test_exec_printf (old,
      "INSERT INTO person (id, file_number, family_name, created_at) VALUES "
      "(1, 'A', 'Seen', '2020-01-01T00:00:00Z'), (2, 'B', 'Member', '2020-01-01T00:00:00Z'), "
      "(3, 'C', 'Attended', '2020-01-01T00:00:00Z'), (4, 'D', 'Silent', '2020-01-01T00:00:00Z');"
      "INSERT INTO household (id, name) VALUES (1, 'Seen');"
      "INSERT INTO household_member (household_id, person_id) VALUES (1, 1), (1, 2);"
      "INSERT INTO action (person_id, date, type, status) VALUES "
      "(1, '2026-03-01', 'interview', 'done'), (1, '2026-03-20', 'interview', 'planned');"
      "INSERT INTO action (scope, household_id, date, type, status) VALUES "
      "('household', 1, '2026-02-10', 'accompaniment', 'done');"
      "INSERT INTO action (id, scope, date, type, status) VALUES "
      "(10, 'group', '2026-02-20', 'workshop', 'done');"
      "INSERT INTO action_participant (action_id, person_id, attended) VALUES (10, 3, 1);"
      "INSERT INTO status_period (person_id, status, started_on, document, document_expiry) "
      "VALUES (4, 'residence_permit', '2025-01-01', 'Card', '2026-04-01');");
  }
  {
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);

    g_assert_no_error (error);
    assert_last_contact (store, 1, "2026-03-01");
    assert_last_contact (store, 2, "2026-02-10");
    assert_last_contact (store, 3, "2026-02-20");
    assert_last_contact (store, 4, NULL);

    /* A month before 25 March: all but the one seen on 1 March, the one
     * never seen first. */
    lost = escale_agenda_list_lost_contact_page (store, "2026-03-25", 1, 10, &n_lost, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_lost, ==, 3);
    g_assert_cmpint (((EscaleAgendaLostContact *) g_ptr_array_index (lost, 0))->person_id, ==, 4);
    expiring = escale_agenda_list_expiring_page (store, "2026-03-15", 30, 10, &n_expiring,
                                                 &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_expiring, ==, 1);
    g_assert_cmpint (((EscaleAgendaExpiry *) g_ptr_array_index (expiring, 0))->person_id, ==, 4);
    /* The people written by hand have no search entries; the kept dates
     * must agree with the actions. */
    g_assert_true (escale_store_check (store, problems, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < problems->len; i++)
      {
        g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
        g_assert_null (strstr (g_ptr_array_index (problems, i), "last contact"));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/agenda/months-before", test_months_before);
  g_test_add_func ("/agenda/today", test_today);
  g_test_add_func ("/agenda/due", test_due);
  g_test_add_func ("/agenda/overdue", test_overdue);
  g_test_add_func ("/agenda/expiring", test_expiring);
  g_test_add_func ("/agenda/lost-contact/month-end", test_lost_contact_month_end);
  g_test_add_func ("/agenda/lost-contact/year", test_lost_contact_year);
  g_test_add_func ("/agenda/lost-contact/kept", test_last_contact_kept);
  g_test_add_func ("/agenda/pages", test_pages);
  g_test_add_func ("/agenda/file-to-open", test_file_to_open);
  g_test_add_func ("/agenda/upgrade-from-v2", test_upgrade_from_v2);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
