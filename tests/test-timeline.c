/* test-timeline.c — the lazy timeline of a person's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-action-store.h"
#include "escale-person-store.h"
#include "escale-test-util.h"
#include "escale-timeline.h"

#define TODAY "2026-03-10"

/* Helpers */

static EscaleAction *
new_action (gint64      person_id,
            const char *date,
            const char *status)
{
  EscaleAction *action = escale_action_new ();

  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, person_id);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "interview");
  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS, status);
  return action;
}

static void
save_ok (EscaleStore  *store,
         EscaleAction *action)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_save_action (store, action, &error));
  g_assert_no_error (error);
}

static gint64
add_action (EscaleStore *store,
            gint64       person_id,
            const char  *date,
            const char  *time,
            const char  *status)
{
  g_autoptr(EscaleAction) action = new_action (person_id, date, status);

  escale_action_set (action, ESCALE_ACTION_FIELD_TIME, time);
  save_ok (store, action);
  return escale_action_get_id (action);
}

static EscaleTimelineItem *
item_at (EscaleTimeline *timeline,
         guint           position)
{
  EscaleTimelineItem *item = g_list_model_get_item (G_LIST_MODEL (timeline), position);

  g_assert_nonnull (item);
  g_object_unref (item);   /* the model's page keeps it alive */
  return item;
}

static char *
describe (EscaleTimelineItem *item)
{
  static const char kinds[] = "AMSE";

  return g_strdup_printf ("%c%" G_GINT64_FORMAT " %s%s%s",
                          kinds[escale_timeline_item_get_kind (item)],
                          escale_timeline_item_get_id (item),
                          escale_timeline_item_get_date (item),
                          escale_timeline_item_get_pinned (item) ? " pinned" : "",
                          escale_timeline_item_get_overdue (item) ? " overdue" : "");
}

/* The whole model as one line per row. */
static char *
snapshot (GListModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EscaleTimelineItem) item = g_list_model_get_item (model, i);
      g_autofree char *line = describe (item);

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (text, FALSE);
}

/* Frees @expected. */
static void
assert_rows (EscaleTimeline *timeline,
             char           *expected)
{
  g_autofree char *owned = expected;
  g_autofree char *rows = snapshot (G_LIST_MODEL (timeline));

  g_assert_cmpstr (rows, ==, expected);
}

/* A copy of the rows kept up to date from items-changed alone, as a view does. */
typedef struct
{
  GPtrArray *rows;
  guint      signals;
  guint      position, removed, added;
} Mirror;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Mirror     *mirror)
{
  mirror->signals++;
  mirror->position = position;
  mirror->removed = removed;
  mirror->added = added;
  g_ptr_array_remove_range (mirror->rows, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(EscaleTimelineItem) item = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (mirror->rows, (int) (position + i), describe (item));
    }
}

static void
mirror_init (Mirror         *mirror,
             EscaleTimeline *timeline)
{
  mirror->rows = g_ptr_array_new_with_free_func (g_free);
  mirror->signals = 0;
  g_signal_connect (timeline, "items-changed", G_CALLBACK (on_items_changed), mirror);
  on_items_changed (G_LIST_MODEL (timeline), 0, 0,
                    g_list_model_get_n_items (G_LIST_MODEL (timeline)), mirror);
  mirror->signals = 0;
}

/* The mirror matches both the model and a timeline built from scratch. */
static void
assert_mirror_fresh (Mirror         *mirror,
                     EscaleStore    *store,
                     EscaleTimeline *timeline)
{
  g_autoptr(EscaleTimeline) fresh =
    escale_timeline_new (store, escale_timeline_get_person_id (timeline), TODAY);
  g_autofree char *expected = snapshot (G_LIST_MODEL (fresh));
  g_autofree char *current = snapshot (G_LIST_MODEL (timeline));
  GString *mirrored = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < mirror->rows->len; i++)
    g_string_append_printf (mirrored, "%s\n", (char *) g_ptr_array_index (mirror->rows, i));
  text = g_string_free (mirrored, FALSE);
  g_assert_cmpstr (current, ==, expected);
  g_assert_cmpstr (text, ==, expected);
}

/* Tests */

static void
test_order (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  gint64 other = escale_test_add_person (store, "Martin", "Paul", NULL);
  gint64 late, soon, morning, untimed, february, december;
  g_autoptr(EscaleTimeline) timeline = NULL;
  char *expected;

  december = add_action (store, person, "2025-12-31", NULL, "done");
  february = add_action (store, person, "2026-02-10", NULL, "missed");
  untimed = add_action (store, person, "2026-03-05", NULL, "done");
  morning = add_action (store, person, "2026-03-05", "10:00", "done");
  soon = add_action (store, person, "2026-03-20", NULL, "planned");
  late = add_action (store, person, "2026-03-01", "09:00", "planned");
  add_action (store, other, "2026-03-06", NULL, "done");

  timeline = escale_timeline_new (store, person, TODAY);
  expected = g_strdup_printf ("A%" G_GINT64_FORMAT " 2026-03-01 pinned overdue\n"
                              "A%" G_GINT64_FORMAT " 2026-03-20 pinned\n"
                              "M0 2026-03\n"
                              "A%" G_GINT64_FORMAT " 2026-03-05\n"
                              "A%" G_GINT64_FORMAT " 2026-03-05\n"
                              "M0 2026-02\n"
                              "A%" G_GINT64_FORMAT " 2026-02-10\n"
                              "M0 2025-12\n"
                              "A%" G_GINT64_FORMAT " 2025-12-31\n",
                              late, soon, morning, untimed, february, december);
  assert_rows (timeline, expected);
  g_assert_cmpint (escale_timeline_find_action (timeline, february), ==, 6);
  g_assert_cmpint (escale_timeline_find_action (timeline, 999), ==, -1);
}

static void
test_overdue_boundary (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  gint64 yesterday, today, tomorrow, year_before;
  g_autoptr(EscaleTimeline) timeline = NULL;
  char *expected;

  yesterday = add_action (store, person, "2026-03-09", "23:59", "planned");
  today = add_action (store, person, "2026-03-10", "00:00", "planned");
  tomorrow = add_action (store, person, "2026-03-11", NULL, "planned");
  year_before = add_action (store, person, "2025-12-31", NULL, "planned");

  timeline = escale_timeline_new (store, person, TODAY);
  expected = g_strdup_printf ("A%" G_GINT64_FORMAT " 2025-12-31 pinned overdue\n"
                              "A%" G_GINT64_FORMAT " 2026-03-09 pinned overdue\n"
                              "A%" G_GINT64_FORMAT " 2026-03-10 pinned\n"
                              "A%" G_GINT64_FORMAT " 2026-03-11 pinned\n",
                              year_before, yesterday, today, tomorrow);
  assert_rows (timeline, expected);

  /* On 1 January the last day of the year before is overdue, not that day. */
  g_clear_object (&timeline);
  timeline = escale_timeline_new (store, person, "2026-01-01");
  g_assert_true (escale_timeline_item_get_overdue (item_at (timeline, 0)));
  g_assert_false (escale_timeline_item_get_overdue (item_at (timeline, 1)));

  /* After midnight, the one due the day before is overdue. */
  escale_timeline_set_today (timeline, "2026-03-11");
  g_assert_true (escale_timeline_item_get_overdue (item_at (timeline, 2)));
  g_assert_false (escale_timeline_item_get_overdue (item_at (timeline, 3)));
}

static void
test_fields (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  gint64 programme = escale_test_add_programme (store, "AIDE", "Emergency fund");
  g_autoptr(EscaleAction) action = new_action (person, "2026-02-03", "done");
  g_autoptr(EscaleTimeline) timeline = NULL;
  EscaleTimelineItem *item;
  const char * const *themes;

  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "financial_aid");
  escale_action_set (action, ESCALE_ACTION_FIELD_TIME, "14:30");
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, "Claire");
  escale_action_set (action, ESCALE_ACTION_FIELD_PARTNER, "CCAS");
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, "Food vouchers.\nSecond line.");
  escale_action_set_int (action, ESCALE_ACTION_FIELD_DURATION, 45);
  escale_action_set_int (action, ESCALE_ACTION_FIELD_AMOUNT, 5050);
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PROGRAMME_ID, programme);
  escale_action_set_themes (action, (const char *[]) { "material", "housing", NULL });
  save_ok (store, action);

  timeline = escale_timeline_new (store, person, TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 2);
  item = item_at (timeline, 1);
  g_assert_cmpint (escale_timeline_item_get_kind (item), ==, ESCALE_TIMELINE_ACTION);
  g_assert_cmpstr (escale_timeline_item_get_date (item), ==, "2026-02-03");
  g_assert_cmpstr (escale_timeline_item_get_time (item), ==, "14:30");
  g_assert_cmpstr (escale_timeline_item_get_scope (item), ==, "person");
  g_assert_cmpstr (escale_timeline_item_get_action_type (item), ==, "financial_aid");
  g_assert_cmpstr (escale_timeline_item_get_status (item), ==, "done");
  g_assert_cmpint (escale_timeline_item_get_duration (item), ==, 45);
  g_assert_cmpstr (escale_timeline_item_get_worker (item), ==, "Claire");
  g_assert_cmpstr (escale_timeline_item_get_programme (item), ==, "Emergency fund");
  g_assert_cmpstr (escale_timeline_item_get_partner (item), ==, "CCAS");
  g_assert_cmpstr (escale_timeline_item_get_notes (item), ==, "Food vouchers.\nSecond line.");
  g_assert_cmpint (escale_timeline_item_get_amount (item), ==, 5050);
  themes = escale_timeline_item_get_themes (item);
  g_assert_cmpuint (g_strv_length ((GStrv) themes), ==, 2);
  g_assert_cmpstr (themes[0], ==, "housing");
  g_assert_cmpstr (themes[1], ==, "material");
  g_assert_false (escale_timeline_item_get_pinned (item));

  /* Empty values read as such; the next step creates a planned action. */
  g_clear_object (&action);
  action = new_action (person, "2026-01-05", "done");
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP, "Call the prefecture");
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "2026-04-01");
  save_ok (store, action);
  escale_timeline_refresh (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 5);
  g_assert_true (escale_timeline_item_get_pinned (item_at (timeline, 0)));
  g_assert_cmpstr (escale_timeline_item_get_date (item_at (timeline, 0)), ==, "2026-04-01");
  item = item_at (timeline, 4);
  g_assert_cmpint (escale_timeline_item_get_id (item), ==, escale_action_get_id (action));
  g_assert_cmpstr (escale_timeline_item_get_next_step (item), ==, "Call the prefecture");
  g_assert_cmpstr (escale_timeline_item_get_next_step_due (item), ==, "2026-04-01");
  g_assert_cmpint (escale_timeline_item_get_duration (item), ==, -1);
  g_assert_cmpint (escale_timeline_item_get_amount (item), ==, -1);
  g_assert_null (escale_timeline_item_get_time (item));
  g_assert_null (escale_timeline_item_get_programme (item));
  g_assert_nonnull (escale_timeline_item_get_themes (item));
  g_assert_null (escale_timeline_item_get_themes (item)[0]);
}

static void
test_household_and_group (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 mother = escale_test_add_person (store, "Haddad", "Amina", NULL);
  gint64 child = escale_test_add_person (store, "Haddad", "Yanis", NULL);
  gint64 other = escale_test_add_person (store, "Martin", "Paul", NULL);
  g_autoptr(EscaleAction) visit = new_action (ESCALE_ACTION_UNSET, "2026-02-02", "done");
  g_autoptr(EscaleAction) workshop = new_action (ESCALE_ACTION_UNSET, "2026-01-20", "done");
  g_autoptr(EscalePerson) loaded = NULL;
  g_autoptr(EscaleTimeline) timeline = NULL, other_timeline = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_household_add (store, mother, child, "child", &error));
  g_assert_no_error (error);
  loaded = escale_store_load_person (store, child, &error);
  g_assert_no_error (error);
  escale_action_set (visit, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_HOUSEHOLD);
  escale_action_set_int (visit, ESCALE_ACTION_FIELD_HOUSEHOLD_ID,
                         escale_person_get_household_id (loaded));
  save_ok (store, visit);
  escale_action_set (workshop, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_GROUP);
  escale_action_set (workshop, ESCALE_ACTION_FIELD_TYPE, "workshop");
  escale_action_add_participant (workshop, child, ESCALE_ATTENDANCE_PRESENT);
  escale_action_add_participant (workshop, other, ESCALE_ATTENDANCE_ABSENT);
  save_ok (store, workshop);

  timeline = escale_timeline_new (store, child, TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 4);
  g_assert_cmpstr (escale_timeline_item_get_scope (item_at (timeline, 1)), ==, "household");
  g_assert_cmpint (escale_timeline_item_get_id (item_at (timeline, 1)), ==,
                   escale_action_get_id (visit));
  g_assert_cmpstr (escale_timeline_item_get_scope (item_at (timeline, 3)), ==, "group");
  g_assert_cmpstr (escale_timeline_item_get_action_type (item_at (timeline, 3)), ==, "workshop");

  /* The mother sees the household visit, not the workshop; the other
   * participant sees the workshop only. */
  g_clear_object (&timeline);
  timeline = escale_timeline_new (store, mother, TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 2);
  other_timeline = escale_timeline_new (store, other, TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other_timeline)), ==, 2);
  g_assert_cmpint (escale_timeline_item_get_id (item_at (other_timeline, 1)), ==,
                   escale_action_get_id (workshop));
}

static void
test_status_items (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autoptr(EscaleTimeline) timeline = NULL;
  gint64 action;
  EscaleTimelineItem *item;

  action = add_action (store, person, "2026-02-15", NULL, "done");
  escale_test_exec_printf (store,
                           "INSERT INTO status_period (id, person_id, status, started_on, "
                           "document, document_expiry) VALUES "
                           "(71, %1$" G_GINT64_FORMAT ", 'asylum_seeker', '2025-11-03', "
                           "'Attestation', '2026-02-20'), "
                           "(72, %1$" G_GINT64_FORMAT ", 'refugee', '2026-02-21', 'Card', NULL), "
                           "(73, %1$" G_GINT64_FORMAT ", 'unknown', NULL, NULL, NULL)",
                           person);

  timeline = escale_timeline_new (store, person, TODAY);
  assert_rows (timeline, g_strdup_printf ("M0 2026-02\n"
                                          "S72 2026-02-21\n"
                                          "E71 2026-02-20\n"
                                          "A%" G_GINT64_FORMAT " 2026-02-15\n"
                                          "M0 2025-11\n"
                                          "S71 2025-11-03\n", action));
  item = item_at (timeline, 2);
  g_assert_cmpint (escale_timeline_item_get_kind (item), ==, ESCALE_TIMELINE_DOCUMENT_EXPIRY);
  g_assert_cmpstr (escale_timeline_item_get_status (item), ==, "asylum_seeker");
  g_assert_cmpstr (escale_timeline_item_get_document (item), ==, "Attestation");
  g_assert_cmpstr (escale_timeline_item_get_date (item), ==, "2026-02-20");
  g_assert_cmpstr (escale_timeline_item_get_document_expiry (item), ==, "2026-02-20");
  g_assert_cmpstr (escale_timeline_item_get_date (item_at (timeline, 5)), ==, "2025-11-03");
  item = item_at (timeline, 1);
  g_assert_cmpint (escale_timeline_item_get_kind (item), ==, ESCALE_TIMELINE_STATUS_CHANGE);
  g_assert_cmpstr (escale_timeline_item_get_status (item), ==, "refugee");
  g_assert_cmpstr (escale_timeline_item_get_document (item), ==, "Card");
}

static void
test_filters (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  gint64 programme = escale_test_add_programme (store, "LOG", "Housing first");
  g_autoptr(EscaleAction) housing = new_action (person, "2026-02-01", "done");
  g_autoptr(EscaleAction) call = new_action (person, "2026-01-01", "planned");
  g_autoptr(EscaleTimeline) timeline = NULL;
  Mirror mirror;

  escale_action_set_themes (housing, (const char *[]) { "housing", "rights", NULL });
  escale_action_set_int (housing, ESCALE_ACTION_FIELD_PROGRAMME_ID, programme);
  save_ok (store, housing);
  escale_action_set (call, ESCALE_ACTION_FIELD_TYPE, "phone_call");
  escale_action_set_themes (call, (const char *[]) { "health", NULL });
  save_ok (store, call);
  escale_test_exec_printf (store,
                           "INSERT INTO status_period (person_id, status, started_on) "
                           "VALUES (%" G_GINT64_FORMAT ", 'refugee', '2025-06-01')", person);

  timeline = escale_timeline_new (store, person, TODAY);
  mirror_init (&mirror, timeline);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 5);

  escale_timeline_set_theme (timeline, "rights");
  g_assert_cmpuint (mirror.signals, ==, 1);
  assert_rows (timeline, g_strdup_printf ("M0 2026-02\nA%" G_GINT64_FORMAT " 2026-02-01\n",
                                          escale_action_get_id (housing)));
  escale_timeline_set_theme (timeline, "rights");
  g_assert_cmpuint (mirror.signals, ==, 1);
  escale_timeline_set_theme (timeline, NULL);
  escale_timeline_set_type (timeline, "phone_call");
  assert_rows (timeline, g_strdup_printf ("A%" G_GINT64_FORMAT " 2026-01-01 pinned overdue\n",
                                          escale_action_get_id (call)));
  escale_timeline_set_programme (timeline, programme);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 0);
  escale_timeline_set_type (timeline, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 2);
  escale_timeline_set_programme (timeline, 0);
  assert_mirror_fresh (&mirror, store, timeline);
  g_ptr_array_unref (mirror.rows);
}

static void
assert_signal (Mirror *mirror,
               guint   position,
               guint   removed,
               guint   added)
{
  g_assert_cmpuint (mirror->signals, ==, 1);
  g_assert_cmpuint (mirror->position, ==, position);
  g_assert_cmpuint (mirror->removed, ==, removed);
  g_assert_cmpuint (mirror->added, ==, added);
  mirror->signals = 0;
}

static void
test_update_action (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autoptr(EscaleTimeline) timeline = NULL;
  g_autoptr(EscaleAction) action = NULL;
  g_autoptr(GError) error = NULL;
  gint64 planned, march, february, added;
  Mirror mirror;

  planned = add_action (store, person, "2026-03-12", NULL, "planned");
  march = add_action (store, person, "2026-03-02", NULL, "done");
  february = add_action (store, person, "2026-02-10", NULL, "done");
  add_action (store, person, "2026-02-01", NULL, "done");
  timeline = escale_timeline_new (store, person, TODAY);
  mirror_init (&mirror, timeline);
  /* P, M03, march, M02, february, 02-01 */
  g_assert_cmpuint (mirror.rows->len, ==, 6);

  /* An edit that does not move the row: that row only, in place. */
  action = escale_store_load_action (store, march, &error);
  g_assert_no_error (error);
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, "Edited");
  save_ok (store, action);
  escale_timeline_update_action (timeline, march);
  assert_signal (&mirror, 2, 1, 1);
  g_assert_cmpstr (escale_timeline_item_get_notes (item_at (timeline, 2)), ==, "Edited");

  /* Marked done: leaves the pinned rows for March. */
  g_assert_true (escale_store_set_action_status (store, planned, "done", &error));
  g_assert_no_error (error);
  escale_timeline_update_action (timeline, planned);
  assert_signal (&mirror, 0, 2, 2);
  assert_mirror_fresh (&mirror, store, timeline);
  g_assert_cmpint (escale_timeline_find_action (timeline, planned), ==, 1);

  /* Moved to a month of its own: a header comes with it, none stays behind. */
  g_clear_object (&action);
  action = escale_store_load_action (store, february, &error);
  g_assert_no_error (error);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, "2025-12-24");
  save_ok (store, action);
  escale_timeline_update_action (timeline, february);
  assert_signal (&mirror, 4, 2, 3);
  assert_mirror_fresh (&mirror, store, timeline);

  /* A new action, then the same deleted: its row and its header go. */
  added = add_action (store, person, "2026-01-15", NULL, "done");
  escale_timeline_update_action (timeline, added);
  assert_signal (&mirror, 5, 0, 2);
  assert_mirror_fresh (&mirror, store, timeline);
  g_assert_true (escale_store_delete_action (store, added, &error));
  g_assert_no_error (error);
  escale_timeline_update_action (timeline, added);
  assert_signal (&mirror, 5, 2, 0);
  assert_mirror_fresh (&mirror, store, timeline);

  /* Another person's action: nothing to tell. */
  escale_timeline_update_action (timeline,
                                 add_action (store, escale_test_add_person (store, "B", NULL, NULL),
                                             "2026-01-15", NULL, "done"));
  g_assert_cmpuint (mirror.signals, ==, 0);
  g_ptr_array_unref (mirror.rows);
}

static void
test_lazy (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autoptr(EscaleTimeline) timeline = NULL;
  guint n;

  escale_test_exec_printf (store,
                           "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < 999) INSERT INTO action (person_id, date, type, status) "
                           "SELECT %" G_GINT64_FORMAT ", date ('2026-03-01', '-' || i || ' days'), "
                           "'interview', 'done' FROM n", person);
  timeline = escale_timeline_new (store, person, TODAY);
  n = g_list_model_get_n_items (G_LIST_MODEL (timeline));
  g_assert_cmpuint (n, >, 1000);
  g_assert_cmpuint (escale_timeline_get_n_loaded_pages (timeline), ==, 0);
  g_assert_nonnull (item_at (timeline, 0));
  g_assert_cmpuint (escale_timeline_get_n_loaded_pages (timeline), ==, 1);
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (item_at (timeline, i));
  g_assert_cmpuint (escale_timeline_get_n_loaded_pages (timeline), <=, 8);
  g_assert_cmpstr (escale_timeline_item_get_date (item_at (timeline, n - 1)), ==, "2023-06-06");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (timeline), n));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/timeline/order", test_order);
  g_test_add_func ("/timeline/overdue", test_overdue_boundary);
  g_test_add_func ("/timeline/fields", test_fields);
  g_test_add_func ("/timeline/household-group", test_household_and_group);
  g_test_add_func ("/timeline/status-items", test_status_items);
  g_test_add_func ("/timeline/filters", test_filters);
  g_test_add_func ("/timeline/update-action", test_update_action);
  g_test_add_func ("/timeline/lazy", test_lazy);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
