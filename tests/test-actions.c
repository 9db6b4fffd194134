/* test-actions.c — the follow-up timeline: schema, rules, next steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-action-store.h"
#include "escale-partner-store.h"
#include "escale-person-store.h"
#include "escale-programme-store.h"
#include "escale-schema.h"
#include "escale-store-private.h"
#include "escale-test-util.h"
#include "escale-vocab.h"

/* Helpers */

static gint64
query_int (EscaleStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static EscaleAction *
new_action (gint64      person_id,
            const char *date,
            const char *type)
{
  EscaleAction *action = escale_action_new ();

  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, person_id);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, type);
  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS, "done");
  return action;
}

static gint64
save_ok (EscaleStore  *store,
         EscaleAction *action)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_save_action (store, action, &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_action_get_id (action), >, 0);
  return escale_action_get_id (action);
}

/* Asserts that @action is refused, with a problem at @field, and not saved. */
static void
assert_refused (EscaleStore       *store,
                EscaleAction      *action,
                EscaleActionField  field)
{
  g_autoptr(GPtrArray) problems = escale_store_validate_action (store, action);
  g_autoptr(GError) error = NULL;
  gint64 before = query_int (store, "SELECT count(*) FROM action");
  gint64 id = escale_action_get_id (action);
  gboolean found = FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      EscaleActionError *problem = g_ptr_array_index (problems, i);

      g_assert_cmpstr (problem->message, !=, "");
      found |= problem->field == field;
    }
  if (!found)
    g_error ("no problem reported at %s", escale_action_field_get_name (field));
  g_assert_false (escale_store_save_action (store, action, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action"), ==, before);
  g_assert_cmpint (escale_action_get_id (action), ==, id);
}

static GArray *
timeline (EscaleStore *store,
          gint64       person_id,
          gboolean     planned)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (planned)
    g_assert_true (escale_store_list_person_planned (store, person_id, ids, &error));
  else
    g_assert_true (escale_store_list_person_actions (store, person_id, ids, &error));
  g_assert_no_error (error);
  return ids;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Schema */

static void
test_migration_fresh (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();

  g_assert_cmpint (escale_store_get_schema_version (store), >=, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                              "('programme', 'programme_funder', 'enrolment', 'action', "
                              "'action_theme', 'action_participant')"), ==, 6);
  g_assert_true (escale_vocab_has_code (store, ESCALE_VOCAB_ACTION_TYPE, "financial_aid"));
  g_assert_true (escale_vocab_has_code (store, ESCALE_VOCAB_THEME, "housing"));
  g_assert_true (escale_vocab_has_code (store, ESCALE_VOCAB_EXIT_REASON, "lost_contact"));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM vocabulary WHERE kind = 'action_type'"),
                   ==, 11);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM vocabulary WHERE kind = 'theme'"),
                   ==, 10);
  g_assert_cmpstr (escale_vocab_builtin_label (ESCALE_VOCAB_ACTION_STATUS, "missed"), ==, "Missed");
  g_assert_cmpstr (escale_vocab_builtin_label (ESCALE_VOCAB_REFERRAL_OUTCOME, "refused"), ==,
                   "Refused");
}

static guint
count_backups (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, base) && g_str_has_suffix (name, ".bak");
  return n;
}

static void
test_migration_from_v1 (void)
{
  g_autofree char *path = escale_test_tmp_path ("v1.db");
  g_autoptr(GError) error = NULL;
  const char *v1[] = { escale_schema_get_migration (1) };
  gint64 person;

  {
    g_autoptr(EscaleStore) old = escale_store_open_with_schema (path, v1, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (escale_store_get_schema_version (old), ==, 1);
    person = escale_test_add_person (old, "Haddad", "Samir", "1990-01-01");
  }
  g_assert_cmpuint (count_backups (path), ==, 0);
  {
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);
    g_autoptr(EscaleAction) action = new_action (person, "2025-03-04", "interview");

    g_assert_no_error (error);
    g_assert_cmpint (escale_store_get_schema_version (store), ==,
                     escale_store_get_latest_version ());
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM person"), ==, 1);
    g_assert_true (escale_vocab_has_code (store, ESCALE_VOCAB_THEME, "health"));
    save_ok (store, action);
  }
  g_assert_cmpuint (count_backups (path), ==, 1);
}

/* The table constraints hold even for writes that bypass the store. */
static void
test_schema_checks (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autofree char *ok = g_strdup_printf ("INSERT INTO action (person_id, date, type, status) "
                                         "VALUES (%" G_GINT64_FORMAT ", '2025-01-01', 'note', "
                                         "'done')", person);
  g_autofree char *no_person = g_strdup ("INSERT INTO action (scope, date, type, status) "
                                         "VALUES ('person', '2025-01-01', 'note', 'done')");
  g_autofree char *bad_status = g_strdup_printf ("INSERT INTO action (person_id, date, type, "
                                                 "status) VALUES (%" G_GINT64_FORMAT ", "
                                                 "'2025-01-01', 'note', 'later')", person);
  g_autofree char *bad_date = g_strdup_printf ("INSERT INTO action (person_id, date, type, "
                                               "status) VALUES (%" G_GINT64_FORMAT ", "
                                               "'01/01/2025', 'note', 'done')", person);

  g_assert_true (escale_store_exec (store, ok, NULL));
  g_assert_false (escale_store_exec (store, no_person, NULL));
  g_assert_false (escale_store_exec (store, bad_status, NULL));
  g_assert_false (escale_store_exec (store, bad_date, NULL));
  g_assert_false (escale_store_exec (store, "INSERT INTO programme (code, name, started_on, "
                                     "ended_on) VALUES ('p', 'P', '2025-01-02', '2025-01-01')",
                                     NULL));
}

/* Validation */

static void
test_validation (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autoptr(EscaleAction) action = new_action (person, "2025-03-04", "referral");
  const char *unknown_theme[] = { "housing", "astrology", NULL };
  const char *themes[] = { "housing", "rights", NULL };

  escale_action_set_themes (action, themes);
  escale_action_set (action, ESCALE_ACTION_FIELD_TIME, "09:30");
  escale_action_set_int (action, ESCALE_ACTION_FIELD_DURATION, 45);
  escale_action_set (action, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME, "pending");
  {
    g_autoptr(GPtrArray) problems = escale_store_validate_action (store, action);

    g_assert_cmpuint (problems->len, ==, 0);
  }

#define REFUSED_TEXT(field, bad, good) \
  G_STMT_START { \
    escale_action_set (action, field, bad); \
    assert_refused (store, action, field); \
    escale_action_set (action, field, good); \
  } G_STMT_END
#define REFUSED_INT(field, bad, report, good) \
  G_STMT_START { \
    escale_action_set_int (action, field, bad); \
    assert_refused (store, action, report); \
    escale_action_set_int (action, field, good); \
  } G_STMT_END

  REFUSED_TEXT (ESCALE_ACTION_FIELD_DATE, NULL, "2025-03-04");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_DATE, "2025-02-30", "2025-03-04");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_DATE, "04/03/2025", "2025-03-04");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_TIME, "9h30", "09:30");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_TIME, "24:00", "09:30");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_TIME, "10:60", "09:30");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_TYPE, NULL, "referral");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_TYPE, "party", "referral");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_STATUS, NULL, "done");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_STATUS, "postponed", "done");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_REFERRAL_OUTCOME, "maybe", "pending");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_SCOPE, "family", ESCALE_ACTION_SCOPE_PERSON);
  REFUSED_INT (ESCALE_ACTION_FIELD_DURATION, -1, ESCALE_ACTION_FIELD_DURATION, 45);
  REFUSED_INT (ESCALE_ACTION_FIELD_AMOUNT, -500, ESCALE_ACTION_FIELD_AMOUNT, ESCALE_ACTION_UNSET);
  REFUSED_INT (ESCALE_ACTION_FIELD_PROGRAMME_ID, 999, ESCALE_ACTION_FIELD_PROGRAMME_ID,
               ESCALE_ACTION_UNSET);
  REFUSED_INT (ESCALE_ACTION_FIELD_FOLLOWS, 999, ESCALE_ACTION_FIELD_FOLLOWS, ESCALE_ACTION_UNSET);
  REFUSED_INT (ESCALE_ACTION_FIELD_PERSON_ID, 999, ESCALE_ACTION_FIELD_PERSON_ID, person);
  REFUSED_INT (ESCALE_ACTION_FIELD_PERSON_ID, ESCALE_ACTION_UNSET, ESCALE_ACTION_FIELD_PERSON_ID,
               person);
  /* A person action with a household too. */
  REFUSED_INT (ESCALE_ACTION_FIELD_HOUSEHOLD_ID, 1, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_UNSET);

  escale_action_set_themes (action, unknown_theme);
  assert_refused (store, action, ESCALE_ACTION_FIELD_THEMES);
  escale_action_set_themes (action, themes);

  /* The outcome belongs to referrals only. */
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "interview");
  assert_refused (store, action, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME);
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "referral");

  /* Participants belong to group sessions only. */
  escale_action_add_participant (action, person, ESCALE_ATTENDANCE_PRESENT);
  assert_refused (store, action, ESCALE_ACTION_FIELD_PARTICIPANTS);
  g_array_set_size (escale_action_get_participants (action), 0);

  /* The next step: a due date needs a text, not before the action, a real date. */
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "2025-03-10");
  assert_refused (store, action, ESCALE_ACTION_FIELD_NEXT_STEP);
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, NULL);
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP, "Call the housing office");
  REFUSED_TEXT (ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "2025-03-03", NULL);
  REFUSED_TEXT (ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "2025-13-01", NULL);
  /* A next step without a due date is only a note. */
  save_ok (store, action);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action"), ==, 1);

  /* An action cannot follow itself. */
  REFUSED_INT (ESCALE_ACTION_FIELD_FOLLOWS, escale_action_get_id (action),
               ESCALE_ACTION_FIELD_FOLLOWS, ESCALE_ACTION_UNSET);
#undef REFUSED_TEXT
#undef REFUSED_INT
}

static void
test_group_validation (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 a = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autoptr(EscaleAction) action = new_action (ESCALE_ACTION_UNSET, "2025-03-04", "workshop");

  escale_action_set (action, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_GROUP);
  escale_action_add_participant (action, a, ESCALE_ATTENDANCE_PRESENT);
  escale_action_add_participant (action, a, ESCALE_ATTENDANCE_ABSENT);
  assert_refused (store, action, ESCALE_ACTION_FIELD_PARTICIPANTS);
  g_array_set_size (escale_action_get_participants (action), 1);
  escale_action_add_participant (action, 999, ESCALE_ATTENDANCE_ABSENT);
  assert_refused (store, action, ESCALE_ACTION_FIELD_PARTICIPANTS);
  g_array_set_size (escale_action_get_participants (action), 1);
  /* A group session concerns no single person. */
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, a);
  assert_refused (store, action, ESCALE_ACTION_FIELD_SCOPE);
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, ESCALE_ACTION_UNSET);
  save_ok (store, action);
  /* A household action needs its household. */
  {
    g_autoptr(EscaleAction) household = new_action (ESCALE_ACTION_UNSET, "2025-03-04", "note");

    escale_action_set (household, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_HOUSEHOLD);
    assert_refused (store, household, ESCALE_ACTION_FIELD_HOUSEHOLD_ID);
    escale_action_set_int (household, ESCALE_ACTION_FIELD_HOUSEHOLD_ID, 999);
    assert_refused (store, household, ESCALE_ACTION_FIELD_HOUSEHOLD_ID);
  }
}

/* Saving and loading */

static void
test_round_trip (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autoptr(EscaleAction) action = new_action (person, "2025-03-04", "financial_aid");
  g_autoptr(EscaleAction) loaded = NULL;
  g_autoptr(EscaleProgramme) programme = escale_programme_new ();
  g_autoptr(GError) error = NULL;
  const char *themes[] = { "material", "housing", NULL };
  gint64 id;

  programme->code = g_strdup ("AIDE");
  programme->name = g_strdup ("Emergency fund");
  g_assert_true (escale_store_save_programme (store, programme, &error));
  g_assert_no_error (error);

  escale_action_set_themes (action, themes);
  escale_action_set (action, ESCALE_ACTION_FIELD_TIME, "14:05");
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, "Claire");
  escale_action_set (action, ESCALE_ACTION_FIELD_PARTNER, "Secours populaire");
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, "Food vouchers\nfor two weeks");
  escale_action_set_int (action, ESCALE_ACTION_FIELD_AMOUNT, 12050);
  escale_action_set_int (action, ESCALE_ACTION_FIELD_DURATION, 0);
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PROGRAMME_ID, programme->id);
  id = save_ok (store, action);
  g_assert_nonnull (escale_action_get_uuid (action));

  loaded = escale_store_load_action (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ESCALE_ACTION_N_TEXT_FIELDS; i++)
    g_assert_cmpstr (escale_action_get (loaded, i), ==, escale_action_get (action, i));
  for (guint i = ESCALE_ACTION_N_TEXT_FIELDS; i < ESCALE_ACTION_N_FIELDS; i++)
    g_assert_cmpint (escale_action_get_int (loaded, i), ==, escale_action_get_int (action, i));
  g_assert_cmpstr (escale_action_get_uuid (loaded), ==, escale_action_get_uuid (action));
  g_assert_cmpuint (g_strv_length ((GStrv) escale_action_get_themes (loaded)), ==, 2);
  g_assert_true (g_strv_contains (escale_action_get_themes (loaded), "material"));
  g_assert_cmpint (escale_action_get_int (loaded, ESCALE_ACTION_FIELD_HOUSEHOLD_ID), ==,
                   ESCALE_ACTION_UNSET);

  /* An update replaces the themes. */
  escale_action_set_themes (loaded, (const char *[]) { "health", NULL });
  escale_action_set_int (loaded, ESCALE_ACTION_FIELD_AMOUNT, ESCALE_ACTION_UNSET);
  save_ok (store, loaded);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action_theme"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT amount_cents IS NULL FROM action"), ==, 1);

  /* A deleted programme leaves the action. */
  g_assert_true (escale_store_exec (store, "DELETE FROM programme", NULL));
  g_clear_object (&loaded);
  loaded = escale_store_load_action (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (escale_action_get_int (loaded, ESCALE_ACTION_FIELD_PROGRAMME_ID), ==,
                   ESCALE_ACTION_UNSET);

  g_clear_object (&loaded);
  loaded = escale_store_load_action (store, id + 100, &error);
  g_assert_null (loaded);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

/* An action linked to a partner of the directory. */
static void
test_partner_link (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autoptr(EscaleAction) action = new_action (person, "2025-03-04", "referral");
  g_autoptr(EscaleAction) loaded = NULL;
  g_autoptr(EscaleAction) copy = NULL;
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  partner->name = g_strdup ("Restos du cœur");
  g_assert_true (escale_store_save_partner (store, partner, &error));
  g_assert_no_error (error);

  /* An unknown partner is refused. */
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PARTNER_ID, partner->id + 100);
  assert_refused (store, action, ESCALE_ACTION_FIELD_PARTNER_ID);

  /* The link gives its name to an empty partner text, and round-trips. */
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PARTNER_ID, partner->id);
  id = save_ok (store, action);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_PARTNER), ==, "Restos du cœur");
  loaded = escale_store_load_action (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (escale_action_get_int (loaded, ESCALE_ACTION_FIELD_PARTNER_ID), ==,
                   partner->id);
  g_assert_cmpstr (escale_action_get (loaded, ESCALE_ACTION_FIELD_PARTNER), ==, "Restos du cœur");
  copy = escale_action_copy (loaded);
  g_assert_cmpint (escale_action_get_int (copy, ESCALE_ACTION_FIELD_PARTNER_ID), ==, partner->id);

  /* A text given stays as it is. */
  escale_action_set (loaded, ESCALE_ACTION_FIELD_PARTNER, "Restos, antenne nord");
  save_ok (store, loaded);
  g_clear_object (&loaded);
  loaded = escale_store_load_action (store, id, &error);
  g_assert_cmpstr (escale_action_get (loaded, ESCALE_ACTION_FIELD_PARTNER), ==,
                   "Restos, antenne nord");

  /* Deleting the partner leaves the action with its text, without the link. */
  g_assert_true (escale_store_delete_partner (store, partner->id, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = escale_store_load_action (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (escale_action_get_int (loaded, ESCALE_ACTION_FIELD_PARTNER_ID), ==,
                   ESCALE_ACTION_UNSET);
  g_assert_cmpstr (escale_action_get (loaded, ESCALE_ACTION_FIELD_PARTNER), ==,
                   "Restos, antenne nord");
  save_ok (store, loaded);
}

/* Timelines */

static void
test_household_timeline (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 mother = escale_test_add_person (store, "Haddad", "Amina", NULL);
  gint64 child = escale_test_add_person (store, "Haddad", "Yanis", NULL);
  gint64 other = escale_test_add_person (store, "Martin", "Paul", NULL);
  g_autoptr(EscalePerson) loaded = NULL;
  g_autoptr(EscaleAction) visit = NULL, own = NULL, older = NULL;
  g_autoptr(GArray) ids = NULL, child_ids = NULL, other_ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 household;

  g_assert_true (escale_store_household_add (store, mother, child, "child", &error));
  g_assert_no_error (error);
  loaded = escale_store_load_person (store, child, &error);
  g_assert_no_error (error);
  household = escale_person_get_household_id (loaded);
  g_assert_cmpint (household, >, 0);

  visit = new_action (ESCALE_ACTION_UNSET, "2025-05-02", "accompaniment");
  escale_action_set (visit, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_HOUSEHOLD);
  escale_action_set_int (visit, ESCALE_ACTION_FIELD_HOUSEHOLD_ID, household);
  save_ok (store, visit);
  own = new_action (mother, "2025-05-02", "interview");
  escale_action_set (own, ESCALE_ACTION_FIELD_TIME, "10:00");
  save_ok (store, own);
  older = new_action (mother, "2024-12-31", "reception");
  save_ok (store, older);

  /* Newest first; on the same day, the one with a time after the one without. */
  ids = timeline (store, mother, FALSE);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, escale_action_get_id (own));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, escale_action_get_id (visit));
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, escale_action_get_id (older));
  child_ids = timeline (store, child, FALSE);
  g_assert_cmpuint (child_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (child_ids, gint64, 0), ==, escale_action_get_id (visit));
  other_ids = timeline (store, other, FALSE);
  g_assert_cmpuint (other_ids->len, ==, 0);

  /* Only the current household counts. */
  g_assert_true (escale_store_household_remove (store, child, &error));
  g_assert_no_error (error);
  g_clear_pointer (&child_ids, g_array_unref);
  child_ids = timeline (store, child, FALSE);
  g_assert_false (ids_contain (child_ids, escale_action_get_id (visit)));

  /* The household had actions: it stays, with its history, for who remains. */
  g_clear_pointer (&ids, g_array_unref);
  ids = timeline (store, mother, FALSE);
  g_assert_true (ids_contain (ids, escale_action_get_id (visit)));
  g_clear_object (&loaded);
  loaded = escale_store_load_person (store, mother, &error);
  g_assert_cmpint (escale_person_get_household_id (loaded), ==, household);
}

static void
test_group_session (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 a = escale_test_add_person (store, "Haddad", "Amina", NULL);
  gint64 b = escale_test_add_person (store, "Diallo", "Moussa", NULL);
  gint64 c = escale_test_add_person (store, "Martin", "Paul", NULL);
  g_autoptr(EscaleAction) workshop = new_action (ESCALE_ACTION_UNSET, "2025-06-10", "workshop");
  g_autoptr(EscaleAction) loaded = NULL;
  g_autoptr(GArray) ids_a = NULL, ids_c = NULL;
  g_autoptr(GError) error = NULL;
  GArray *participants;
  g_autofree char *uuid_a = NULL;

  escale_action_set (workshop, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_GROUP);
  escale_action_set_themes (workshop, (const char *[]) { "language", NULL });
  escale_action_add_participant (workshop, a, ESCALE_ATTENDANCE_PRESENT);
  escale_action_add_participant (workshop, b, ESCALE_ATTENDANCE_ABSENT);
  escale_action_add_participant (workshop, c, ESCALE_ATTENDANCE_UNKNOWN);
  save_ok (store, workshop);

  loaded = escale_store_load_action (store, escale_action_get_id (workshop), &error);
  g_assert_no_error (error);
  participants = escale_action_get_participants (loaded);
  g_assert_cmpuint (participants->len, ==, 3);
  g_assert_cmpint (g_array_index (participants, EscaleParticipant, 0).person_id, ==, a);
  g_assert_cmpint (g_array_index (participants, EscaleParticipant, 0).attended, ==,
                   ESCALE_ATTENDANCE_PRESENT);
  g_assert_cmpint (g_array_index (participants, EscaleParticipant, 1).attended, ==,
                   ESCALE_ATTENDANCE_ABSENT);
  g_assert_cmpint (g_array_index (participants, EscaleParticipant, 2).attended, ==,
                   ESCALE_ATTENDANCE_UNKNOWN);
  ids_a = timeline (store, a, FALSE);
  g_assert_true (ids_contain (ids_a, escale_action_get_id (workshop)));

  /* Attendance recorded afterwards; a participant removed. */
  {
    g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, "SELECT uuid FROM "
                                                         "action_participant WHERE person_id = ?",
                                                         NULL);
    sqlite3_bind_int64 (stmt, 1, a);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    uuid_a = escale_column_dup (stmt, 0);
  }
  g_array_index (participants, EscaleParticipant, 2).attended = ESCALE_ATTENDANCE_PRESENT;
  g_array_remove_index (participants, 1);
  save_ok (store, loaded);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action_participant"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action_participant "
                              "WHERE attended = 1"), ==, 2);
  {
    g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, "SELECT count(*) FROM "
                                                         "action_participant WHERE uuid = ?",
                                                         NULL);
    sqlite3_bind_text (stmt, 1, uuid_a, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  }
  ids_c = timeline (store, c, FALSE);
  g_assert_cmpuint (ids_c->len, ==, 1);
  {
    g_autoptr(GArray) ids_b = timeline (store, b, FALSE);

    g_assert_cmpuint (ids_b->len, ==, 0);
  }
}

/* Next steps */

static void
test_next_step (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autoptr(EscaleAction) action = new_action (person, "2025-03-04", "procedure");
  g_autoptr(EscaleAction) planned = NULL;
  g_autoptr(GArray) pinned = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, follow_up;

  escale_action_set_themes (action, (const char *[]) { "rights", NULL });
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, "Claire");
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP, "Bring the tax notice");
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "2025-03-18");
  id = save_ok (store, action);
  follow_up = escale_store_find_follow_up (store, id);
  g_assert_cmpint (follow_up, >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action"), ==, 2);

  planned = escale_store_load_action (store, follow_up, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_action_get (planned, ESCALE_ACTION_FIELD_STATUS), ==, "planned");
  g_assert_cmpstr (escale_action_get (planned, ESCALE_ACTION_FIELD_DATE), ==, "2025-03-18");
  g_assert_cmpstr (escale_action_get (planned, ESCALE_ACTION_FIELD_TYPE), ==, "procedure");
  g_assert_cmpstr (escale_action_get (planned, ESCALE_ACTION_FIELD_NOTES), ==,
                   "Bring the tax notice");
  g_assert_cmpstr (escale_action_get (planned, ESCALE_ACTION_FIELD_WORKER), ==, "Claire");
  g_assert_cmpint (escale_action_get_int (planned, ESCALE_ACTION_FIELD_PERSON_ID), ==, person);
  g_assert_cmpint (escale_action_get_int (planned, ESCALE_ACTION_FIELD_FOLLOWS), ==, id);
  g_assert_true (g_strv_contains (escale_action_get_themes (planned), "rights"));
  g_assert_null (escale_action_get (planned, ESCALE_ACTION_FIELD_NEXT_STEP));

  /* Saving again does not create another one. */
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, "Forms filled in");
  save_ok (store, action);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action"), ==, 2);

  /* Editing the next step moves the planned action. */
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP, "Bring the tax notice and the lease");
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "2025-03-25");
  save_ok (store, action);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action"), ==, 2);
  g_clear_object (&planned);
  planned = escale_store_load_action (store, follow_up, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_action_get (planned, ESCALE_ACTION_FIELD_DATE), ==, "2025-03-25");
  g_assert_cmpstr (escale_action_get (planned, ESCALE_ACTION_FIELD_NOTES), ==,
                   "Bring the tax notice and the lease");

  /* Pinned: the planned ones, whatever their date. */
  pinned = timeline (store, person, TRUE);
  g_assert_cmpuint (pinned->len, ==, 1);
  g_assert_cmpint (g_array_index (pinned, gint64, 0), ==, follow_up);

  /* Once it happened, it is history: editing the next step leaves it. */
  g_assert_true (escale_store_set_action_status (store, follow_up, "done", &error));
  g_assert_no_error (error);
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "2025-04-01");
  save_ok (store, action);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action"), ==, 2);
  g_clear_object (&planned);
  planned = escale_store_load_action (store, follow_up, &error);
  g_assert_cmpstr (escale_action_get (planned, ESCALE_ACTION_FIELD_DATE), ==, "2025-03-25");
  g_assert_cmpstr (escale_action_get (planned, ESCALE_ACTION_FIELD_STATUS), ==, "done");
}

static void
test_next_step_removed (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autoptr(EscaleAction) action = new_action (person, "2025-03-04", "interview");
  gint64 id;

  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP, "Call back");
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "2025-03-04");
  id = save_ok (store, action);
  g_assert_cmpint (escale_store_find_follow_up (store, id), >, 0);
  /* Without its due date, the next step no longer waits in the agenda. */
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, NULL);
  save_ok (store, action);
  g_assert_cmpint (escale_store_find_follow_up (store, id), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action"), ==, 1);
}

static void
test_set_status (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autoptr(EscaleAction) action = new_action (person, "2025-03-04", "appointment");
  g_autoptr(GArray) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS, "planned");
  id = save_ok (store, action);
  before = timeline (store, person, TRUE);
  g_assert_cmpuint (before->len, ==, 1);

  g_assert_true (escale_store_set_action_status (store, id, "missed", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT status = 'missed' FROM action"), ==, 1);
  after = timeline (store, person, TRUE);
  g_assert_cmpuint (after->len, ==, 0);

  g_assert_false (escale_store_set_action_status (store, id, "forgotten", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (escale_store_set_action_status (store, id + 1, "done", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (store, "SELECT status = 'missed' FROM action"), ==, 1);
}

static void
test_delete_cascades (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 a = escale_test_add_person (store, "Haddad", "Amina", NULL);
  gint64 b = escale_test_add_person (store, "Diallo", "Moussa", NULL);
  g_autoptr(EscaleAction) workshop = new_action (ESCALE_ACTION_UNSET, "2025-06-10", "workshop");
  g_autoptr(EscaleAction) own = new_action (a, "2025-06-11", "interview");
  g_autoptr(GError) error = NULL;
  gint64 follow_up;

  escale_action_set (workshop, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_GROUP);
  escale_action_set_themes (workshop, (const char *[]) { "culture", NULL });
  escale_action_add_participant (workshop, a, ESCALE_ATTENDANCE_PRESENT);
  escale_action_add_participant (workshop, b, ESCALE_ATTENDANCE_PRESENT);
  escale_action_set (workshop, ESCALE_ACTION_FIELD_NEXT_STEP, "Second session");
  escale_action_set (workshop, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "2025-06-17");
  save_ok (store, workshop);
  follow_up = escale_store_find_follow_up (store, escale_action_get_id (workshop));
  g_assert_cmpint (follow_up, >, 0);
  /* The planned session has the same participants, attendance unknown. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action_participant "
                              "WHERE attended IS NULL"), ==, 2);
  escale_action_set_themes (own, (const char *[]) { "health", NULL });
  save_ok (store, own);

  g_assert_true (escale_store_delete_action (store, escale_action_get_id (workshop), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action_participant"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action_theme WHERE theme = 'culture'"),
                   ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action WHERE follows_action_id "
                              "IS NULL AND status = 'planned'"), ==, 1);
  g_assert_false (escale_store_delete_action (store, escale_action_get_id (workshop), &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);

  /* Deleting a person removes their actions and their participations. */
  g_assert_true (escale_store_delete_person (store, a, NULL));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action WHERE person_id IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action_theme WHERE theme = 'health'"),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action_participant"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/actions/migration/fresh", test_migration_fresh);
  g_test_add_func ("/actions/migration/from-v1", test_migration_from_v1);
  g_test_add_func ("/actions/schema/checks", test_schema_checks);
  g_test_add_func ("/actions/validation", test_validation);
  g_test_add_func ("/actions/validation/group", test_group_validation);
  g_test_add_func ("/actions/round-trip", test_round_trip);
  g_test_add_func ("/actions/partner-link", test_partner_link);
  g_test_add_func ("/actions/timeline/household", test_household_timeline);
  g_test_add_func ("/actions/timeline/group", test_group_session);
  g_test_add_func ("/actions/next-step", test_next_step);
  g_test_add_func ("/actions/next-step/removed", test_next_step_removed);
  g_test_add_func ("/actions/set-status", test_set_status);
  g_test_add_func ("/actions/delete", test_delete_cascades);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
