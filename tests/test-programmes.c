/* test-programmes.c — programmes (dispositifs) and enrolments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-person-store.h"
#include "escale-programme-store.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

static gint64
query_int (EscaleStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static EscaleProgramme *
new_programme (const char *code,
               const char *name)
{
  EscaleProgramme *programme = escale_programme_new ();

  programme->code = g_strdup (code);
  programme->name = g_strdup (name);
  return programme;
}

static gint64
save_programme (EscaleStore     *store,
                EscaleProgramme *programme)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_save_programme (store, programme, &error));
  g_assert_no_error (error);
  return programme->id;
}

static gboolean
has_problem (GPtrArray            *problems,
             EscaleProgrammeField  field)
{
  for (guint i = 0; i < problems->len; i++)
    if (((EscaleProgrammeError *) g_ptr_array_index (problems, i))->field == field)
      return TRUE;
  return FALSE;
}

static void
assert_programme_refused (EscaleStore          *store,
                          EscaleProgramme      *programme,
                          EscaleProgrammeField  field)
{
  g_autoptr(GPtrArray) problems = escale_store_validate_programme (store, programme);
  g_autoptr(GError) error = NULL;
  gint64 before = query_int (store, "SELECT count(*) FROM programme");

  g_assert_true (has_problem (problems, field));
  g_assert_false (escale_store_save_programme (store, programme, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM programme"), ==, before);
}

static void
assert_enrolment_refused (EscaleStore          *store,
                          EscaleEnrolment      *enrolment,
                          EscaleProgrammeField  field)
{
  g_autoptr(GPtrArray) problems = escale_store_validate_enrolment (store, enrolment);
  g_autoptr(GError) error = NULL;
  gint64 before = query_int (store, "SELECT count(*) FROM enrolment");

  g_assert_true (has_problem (problems, field));
  g_assert_false (escale_store_save_enrolment (store, enrolment, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM enrolment"), ==, before);
}

static void
test_programme_round_trip (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleProgramme) programme = new_programme ("ACC-2025", "Accompagnement global");
  g_autoptr(EscaleProgramme) loaded = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  programme->started_on = g_strdup ("2025-01-01");
  programme->ended_on = g_strdup ("2025-12-31");
  programme->target_people = 100;
  g_strfreev (programme->funders);
  programme->funders = g_strdupv ((char *[]) { "DDETS", "Département", "DDETS", NULL });
  save_programme (store, programme);
  g_assert_nonnull (programme->uuid);
  g_assert_cmpint (escale_store_find_programme (store, "ACC-2025"), ==, programme->id);
  g_assert_cmpint (escale_store_find_programme (store, "nope"), ==, 0);

  loaded = escale_store_load_programme (store, programme->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Accompagnement global");
  g_assert_cmpstr (loaded->ended_on, ==, "2025-12-31");
  g_assert_cmpint (loaded->target_people, ==, 100);
  g_assert_cmpuint (g_strv_length (loaded->funders), ==, 2);
  g_assert_cmpstr (loaded->funders[1], ==, "Département");

  /* An update replaces the funders. */
  g_strfreev (loaded->funders);
  loaded->funders = g_strdupv ((char *[]) { "FSE", NULL });
  loaded->target_people = ESCALE_PROGRAMME_NO_TARGET;
  save_programme (store, loaded);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM programme"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM programme_funder"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT target_people IS NULL FROM programme"), ==, 1);

  {
    g_autoptr(EscaleProgramme) second = new_programme ("FLE", "Ateliers de français");

    save_programme (store, second);
  }
  all = escale_store_list_programmes (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((EscaleProgramme *) g_ptr_array_index (all, 1))->code, ==, "FLE");
  g_assert_cmpstr (((EscaleProgramme *) g_ptr_array_index (all, 0))->funders[0], ==, "FSE");

  g_assert_null (escale_store_load_programme (store, 999, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

static void
test_programme_validation (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleProgramme) first = new_programme ("A", "First");
  g_autoptr(EscaleProgramme) programme = new_programme ("B", "Second");

  save_programme (store, first);

  g_free (programme->code);
  programme->code = g_strdup ("A");
  assert_programme_refused (store, programme, ESCALE_PROGRAMME_FIELD_CODE);
  g_free (programme->code);
  programme->code = g_strdup ("  ");
  assert_programme_refused (store, programme, ESCALE_PROGRAMME_FIELD_CODE);
  g_free (programme->code);
  programme->code = g_strdup ("B");

  g_clear_pointer (&programme->name, g_free);
  assert_programme_refused (store, programme, ESCALE_PROGRAMME_FIELD_NAME);
  programme->name = g_strdup ("Second");

  programme->started_on = g_strdup ("2025-06-01");
  programme->ended_on = g_strdup ("2025-05-31");
  assert_programme_refused (store, programme, ESCALE_PROGRAMME_FIELD_ENDED_ON);
  g_free (programme->ended_on);
  programme->ended_on = g_strdup ("2025-06-31");
  assert_programme_refused (store, programme, ESCALE_PROGRAMME_FIELD_ENDED_ON);
  g_free (programme->ended_on);
  programme->ended_on = g_strdup ("2025-06-30");

  programme->target_people = -3;
  assert_programme_refused (store, programme, ESCALE_PROGRAMME_FIELD_TARGET);
  programme->target_people = 0;

  g_strfreev (programme->funders);
  programme->funders = g_strdupv ((char *[]) { "", NULL });
  assert_programme_refused (store, programme, ESCALE_PROGRAMME_FIELD_FUNDERS);
  g_strfreev (programme->funders);
  programme->funders = g_new0 (char *, 1);

  save_programme (store, programme);
  /* Saving a programme again keeps its own code. */
  save_programme (store, programme);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM programme"), ==, 2);
}

static void
test_enrolments (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  g_autoptr(EscaleProgramme) programme = new_programme ("ACC", "Accompagnement");
  g_autoptr(EscaleEnrolment) enrolment = NULL;
  g_autoptr(EscaleEnrolment) later = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  save_programme (store, programme);
  enrolment = escale_enrolment_new (person, programme->id, "2025-02-01");

  /* The rules. */
  enrolment->exit_date = g_strdup ("2025-01-31");
  assert_enrolment_refused (store, enrolment, ESCALE_ENROLMENT_FIELD_EXIT_DATE);
  g_free (enrolment->exit_date);
  enrolment->exit_date = g_strdup ("2025-09-30");
  enrolment->exit_reason = g_strdup ("holidays");
  assert_enrolment_refused (store, enrolment, ESCALE_ENROLMENT_FIELD_EXIT_REASON);
  g_free (enrolment->exit_reason);
  enrolment->exit_reason = g_strdup ("employment");
  g_clear_pointer (&enrolment->exit_date, g_free);
  assert_enrolment_refused (store, enrolment, ESCALE_ENROLMENT_FIELD_EXIT_DATE);
  g_clear_pointer (&enrolment->exit_reason, g_free);
  g_clear_pointer (&enrolment->entry_date, g_free);
  assert_enrolment_refused (store, enrolment, ESCALE_ENROLMENT_FIELD_ENTRY_DATE);
  enrolment->entry_date = g_strdup ("2025-02-30");
  assert_enrolment_refused (store, enrolment, ESCALE_ENROLMENT_FIELD_ENTRY_DATE);
  g_free (enrolment->entry_date);
  enrolment->entry_date = g_strdup ("2025-02-01");
  enrolment->person_id = 999;
  assert_enrolment_refused (store, enrolment, ESCALE_ENROLMENT_FIELD_PERSON);
  enrolment->person_id = person;
  enrolment->programme_id = 999;
  assert_enrolment_refused (store, enrolment, ESCALE_ENROLMENT_FIELD_PROGRAMME);
  enrolment->programme_id = programme->id;

  /* Add, then record the exit. */
  g_assert_true (escale_store_save_enrolment (store, enrolment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (enrolment->id, >, 0);
  enrolment->exit_date = g_strdup ("2025-09-30");
  enrolment->exit_reason = g_strdup ("employment");
  g_assert_true (escale_store_save_enrolment (store, enrolment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM enrolment"), ==, 1);

  /* Overlapping enrolments in the same programme are refused; a later one is fine. */
  later = escale_enrolment_new (person, programme->id, "2025-09-01");
  assert_enrolment_refused (store, later, ESCALE_ENROLMENT_FIELD_ENTRY_DATE);
  g_free (later->entry_date);
  later->entry_date = g_strdup ("2026-01-05");
  g_assert_true (escale_store_save_enrolment (store, later, &error));
  g_assert_no_error (error);

  list = escale_store_list_enrolments (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((EscaleEnrolment *) g_ptr_array_index (list, 0))->entry_date, ==, "2026-01-05");
  g_assert_cmpstr (((EscaleEnrolment *) g_ptr_array_index (list, 1))->exit_reason, ==,
                   "employment");

  /* Remove. */
  g_assert_true (escale_store_remove_enrolment (store, later->id, &error));
  g_assert_no_error (error);
  g_assert_false (escale_store_remove_enrolment (store, later->id, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  later->id = 0;

  /* Deleting the person or the programme removes the enrolments. */
  g_assert_true (escale_store_delete_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM enrolment"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/programmes/round-trip", test_programme_round_trip);
  g_test_add_func ("/programmes/validation", test_programme_validation);
  g_test_add_func ("/programmes/enrolments", test_enrolments);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
