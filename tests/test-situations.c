/* test-situations.c — the situation at the entry into a programme and at
 * the exit from it
 *
 * Snapshots saved, read back, replaced and cleared; unknown codes and an
 * exit snapshot before the exit refused with nothing written; a re-entry
 * with snapshots of its own; the cascade when an enrolment goes; and a
 * database of version 4 upgraded with its data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-person-store.h"
#include "escale-programme-store.h"
#include "escale-schema.h"
#include "escale-situation.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

typedef struct
{
  EscaleStore *store;
  gint64       person;
  gint64       programme;
} Fixture;

static gint64
query_int (EscaleStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (EscaleStore *store,
            const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return escale_column_dup (stmt, 0);
}

static gint64
count_situations (EscaleStore *store)
{
  return query_int (store, "SELECT count(*) FROM enrolment_situation");
}

static void
fixture_set_up (Fixture                     *fixture,
                G_GNUC_UNUSED gconstpointer  data)
{
  fixture->store = escale_test_store_new ();
  fixture->person = escale_test_add_person (fixture->store, "Haddad", "Samir", NULL);
  fixture->programme = escale_test_add_programme (fixture->store, "FSE", "Back to work");
}

static void
fixture_tear_down (Fixture                     *fixture,
                   G_GNUC_UNUSED gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

static gint64
enrol (Fixture    *fixture,
       const char *entry,
       const char *exit)
{
  g_autoptr(EscaleEnrolment) enrolment = escale_enrolment_new (fixture->person,
                                                               fixture->programme, entry);
  g_autoptr(GError) error = NULL;

  enrolment->exit_date = g_strdup (exit);
  g_assert_true (escale_store_save_enrolment (fixture->store, enrolment, &error));
  g_assert_no_error (error);
  return enrolment->id;
}

static EscaleSituation *
situation_of (const char *labour,
              const char *education,
              const char *housing,
              const char *disability,
              const char *homeless)
{
  EscaleSituation *situation = escale_situation_new ();

  situation->values[ESCALE_SITUATION_LABOUR] = g_strdup (labour);
  situation->values[ESCALE_SITUATION_EDUCATION] = g_strdup (education);
  situation->values[ESCALE_SITUATION_HOUSING] = g_strdup (housing);
  situation->values[ESCALE_SITUATION_DISABILITY] = g_strdup (disability);
  situation->values[ESCALE_SITUATION_HOMELESS] = g_strdup (homeless);
  return situation;
}

static void
save (EscaleStore     *store,
      gint64           enrolment,
      const char      *moment,
      EscaleSituation *situation)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_save_situation (store, enrolment, moment, situation, &error));
  g_assert_no_error (error);
}

static void
assert_situation (EscaleStore *store,
                  gint64       enrolment,
                  const char  *moment,
                  const char  *labour,
                  const char  *education,
                  const char  *housing,
                  const char  *disability,
                  const char  *homeless)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleSituation) situation = escale_store_load_situation (store, enrolment, moment,
                                                                      &error);

  g_assert_no_error (error);
  g_assert_nonnull (situation);
  g_assert_cmpstr (situation->values[ESCALE_SITUATION_LABOUR], ==, labour);
  g_assert_cmpstr (situation->values[ESCALE_SITUATION_EDUCATION], ==, education);
  g_assert_cmpstr (situation->values[ESCALE_SITUATION_HOUSING], ==, housing);
  g_assert_cmpstr (situation->values[ESCALE_SITUATION_DISABILITY], ==, disability);
  g_assert_cmpstr (situation->values[ESCALE_SITUATION_HOMELESS], ==, homeless);
}

static void
assert_nothing_recorded (EscaleStore *store,
                         gint64       enrolment,
                         const char  *moment)
{
  assert_situation (store, enrolment, moment, NULL, NULL, NULL, NULL, NULL);
}

/* Every code the core offers is one the table accepts, and has a label. */
static void
test_codes (Fixture                     *fixture,
            G_GNUC_UNUSED gconstpointer  data)
{
  gint64 enrolment = enrol (fixture, "2025-01-06", NULL);
  const char *context = NULL;

  for (guint field = 0; field < ESCALE_SITUATION_N_FIELDS; field++)
    {
      const char *const *codes = escale_situation_codes (field);
      const char *column = escale_situation_column (field);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (codes);
      g_assert_nonnull (codes[0]);
      g_assert_nonnull (escale_situation_field_label (field));
      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_assert_nonnull (escale_situation_msgid (field, codes[i], NULL));
          g_assert_nonnull (escale_situation_label (field, codes[i]));
          escale_test_exec_printf (fixture->store,
                                   "INSERT INTO enrolment_situation (enrolment_id, moment, %s) "
                                   "VALUES (%" G_GINT64_FORMAT ", 'entry', '%s');"
                                   "DELETE FROM enrolment_situation", column, enrolment, codes[i]);
        }
      g_assert_null (escale_situation_msgid (field, "bogus", NULL));
      g_assert_null (escale_situation_label (field, NULL));
      /* The table itself refuses a code that is not on the list. */
      {
        g_autofree char *sql = g_strdup_printf ("INSERT INTO enrolment_situation "
                                                "(enrolment_id, moment, %s) VALUES "
                                                "(%" G_GINT64_FORMAT ", 'entry', 'bogus')",
                                                column, enrolment);

        g_assert_false (escale_store_exec (fixture->store, sql, &error));
        g_assert_nonnull (error);
      }
    }
  g_assert_cmpstr (escale_situation_column (ESCALE_SITUATION_LABOUR), ==, "labour");
  g_assert_cmpstr (escale_situation_column (ESCALE_SITUATION_HOMELESS), ==, "homeless");
  g_assert_cmpstr (escale_situation_codes (ESCALE_SITUATION_HOUSING)[2], ==, "asylum_reception");
  g_assert_cmpstr (escale_situation_msgid (ESCALE_SITUATION_LABOUR, "long_term_unemployed",
                                           &context), ==, "Long-term unemployed");
  g_assert_cmpstr (context, ==, "labour status");
  g_assert_cmpstr (escale_situation_label (ESCALE_SITUATION_DISABILITY, "declined"), ==,
                   "Declined to answer");
  g_assert_cmpstr (escale_situation_field_label (ESCALE_SITUATION_EDUCATION), ==,
                   "Education level");
  g_assert_cmpint (count_situations (fixture->store), ==, 0);
}

static void
test_empty (void)
{
  g_autoptr(EscaleSituation) situation = escale_situation_new ();

  g_assert_true (escale_situation_is_empty (situation));
  situation->values[ESCALE_SITUATION_HOMELESS] = g_strdup ("");
  g_assert_true (escale_situation_is_empty (situation));
  g_free (situation->values[ESCALE_SITUATION_HOMELESS]);
  situation->values[ESCALE_SITUATION_HOMELESS] = g_strdup ("no");
  g_assert_false (escale_situation_is_empty (situation));
}

static void
test_save_load (Fixture                     *fixture,
                G_GNUC_UNUSED gconstpointer  data)
{
  EscaleStore *store = fixture->store;
  gint64 enrolment = enrol (fixture, "2025-01-06", NULL);
  g_autoptr(EscaleSituation) first = situation_of ("long_term_unemployed", "isced_3_4",
                                                   "asylum_reception", "no", "declined");
  g_autoptr(EscaleSituation) partial = situation_of ("employed", NULL, "hosted", NULL, "");
  g_autoptr(EscaleSituation) empty = escale_situation_new ();
  g_autofree char *created = NULL;

  assert_nothing_recorded (store, enrolment, ESCALE_SITUATION_ENTRY);
  assert_nothing_recorded (store, enrolment, ESCALE_SITUATION_EXIT);

  escale_store_set_user (store, "amina");
  save (store, enrolment, ESCALE_SITUATION_ENTRY, first);
  assert_situation (store, enrolment, ESCALE_SITUATION_ENTRY,
                    "long_term_unemployed", "isced_3_4", "asylum_reception", "no", "declined");
  assert_nothing_recorded (store, enrolment, ESCALE_SITUATION_EXIT);
  g_assert_cmpint (count_situations (store), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM enrolment_situation WHERE "
                              "created_by = 'amina' AND updated_by = 'amina' AND "
                              "moment = 'entry' AND length (uuid) = 32"), ==, 1);
  created = query_text (store, "SELECT created_at FROM enrolment_situation");

  /* The same values again change nothing, not even who changed them last. */
  escale_store_set_user (store, "bruno");
  save (store, enrolment, ESCALE_SITUATION_ENTRY, first);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM enrolment_situation WHERE "
                              "updated_by = 'amina'"), ==, 1);

  /* Replaced: fields left out are cleared, the row is the same one. */
  save (store, enrolment, ESCALE_SITUATION_ENTRY, partial);
  assert_situation (store, enrolment, ESCALE_SITUATION_ENTRY, "employed", NULL, "hosted", NULL,
                    NULL);
  g_assert_cmpint (count_situations (store), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM enrolment_situation WHERE "
                              "created_by = 'amina' AND updated_by = 'bruno'"), ==, 1);
  {
    g_autofree char *still = query_text (store, "SELECT created_at FROM enrolment_situation");
    g_assert_cmpstr (still, ==, created);
  }

  /* Nothing recorded: the row goes. */
  save (store, enrolment, ESCALE_SITUATION_ENTRY, empty);
  g_assert_cmpint (count_situations (store), ==, 0);
  assert_nothing_recorded (store, enrolment, ESCALE_SITUATION_ENTRY);
  /* Clearing what is not there is no error. */
  save (store, enrolment, ESCALE_SITUATION_ENTRY, empty);
  g_assert_cmpint (count_situations (store), ==, 0);
}

static void
assert_refused (EscaleStore     *store,
                gint64           enrolment,
                const char      *moment,
                EscaleSituation *situation,
                int              code,
                const char      *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = query_text (store, "SELECT group_concat (moment || ':' || "
                                        "coalesce (labour, '-') || coalesce (housing, '-') || "
                                        "updated_at, ';') FROM enrolment_situation");
  g_autofree char *after = NULL;

  g_assert_false (escale_store_save_situation (store, enrolment, moment, situation, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));
  after = query_text (store, "SELECT group_concat (moment || ':' || coalesce (labour, '-') || "
                      "coalesce (housing, '-') || updated_at, ';') FROM enrolment_situation");
  g_assert_cmpstr (after, ==, before);
}

static void
test_bad_codes (Fixture                     *fixture,
                G_GNUC_UNUSED gconstpointer  data)
{
  EscaleStore *store = fixture->store;
  gint64 enrolment = enrol (fixture, "2025-01-06", NULL);
  g_autoptr(EscaleSituation) good = situation_of ("unemployed", NULL, "street", NULL, "yes");
  g_autoptr(EscaleSituation) bad_housing = situation_of ("employed", NULL, "castle", NULL, NULL);
  g_autoptr(EscaleSituation) bad_answer = situation_of (NULL, NULL, NULL, "maybe", NULL);
  /* A code of another field is not one of this field's. */
  g_autoptr(EscaleSituation) crossed = situation_of ("isced_0_2", NULL, NULL, NULL, NULL);
  EscaleSituationField field = ESCALE_SITUATION_N_FIELDS;
  g_autoptr(GError) error = NULL;

  save (store, enrolment, ESCALE_SITUATION_ENTRY, good);
  assert_refused (store, enrolment, ESCALE_SITUATION_ENTRY, bad_housing,
                  ESCALE_STORE_ERROR_INVALID, "Housing");
  assert_refused (store, enrolment, ESCALE_SITUATION_ENTRY, bad_answer,
                  ESCALE_STORE_ERROR_INVALID, "Disability");
  assert_refused (store, enrolment, ESCALE_SITUATION_ENTRY, crossed,
                  ESCALE_STORE_ERROR_INVALID, "Labour status");
  assert_situation (store, enrolment, ESCALE_SITUATION_ENTRY, "unemployed", NULL, "street",
                    NULL, "yes");

  g_assert_false (escale_situation_validate (bad_answer, &field, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpint (field, ==, ESCALE_SITUATION_DISABILITY);
  g_assert_true (escale_situation_validate (good, NULL, NULL));

  /* An enrolment that does not exist. */
  assert_refused (store, enrolment + 100, ESCALE_SITUATION_ENTRY, good,
                  ESCALE_STORE_ERROR_NOT_FOUND, "no longer exists");
  g_clear_error (&error);
  g_assert_null (escale_store_load_situation (store, enrolment + 100, ESCALE_SITUATION_ENTRY,
                                              &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

static void
set_exit (EscaleStore *store,
          gint64       enrolment_id,
          gint64       person,
          gint64       programme,
          const char  *entry,
          const char  *exit)
{
  g_autoptr(EscaleEnrolment) enrolment = escale_enrolment_new (person, programme, entry);
  g_autoptr(GError) error = NULL;

  enrolment->id = enrolment_id;
  enrolment->exit_date = g_strdup (exit);
  g_assert_true (escale_store_save_enrolment (store, enrolment, &error));
  g_assert_no_error (error);
}

static void
test_exit (Fixture                     *fixture,
           G_GNUC_UNUSED gconstpointer  data)
{
  EscaleStore *store = fixture->store;
  gint64 enrolment = enrol (fixture, "2025-01-06", NULL);
  g_autoptr(EscaleSituation) entry = situation_of ("unemployed", "isced_0_2", NULL, NULL, NULL);
  g_autoptr(EscaleSituation) exit = situation_of ("employed", NULL, "own_or_rented", NULL, "no");
  g_autoptr(EscaleSituation) empty = escale_situation_new ();

  save (store, enrolment, ESCALE_SITUATION_ENTRY, entry);
  assert_refused (store, enrolment, ESCALE_SITUATION_EXIT, exit, ESCALE_STORE_ERROR_INVALID,
                  "exit date");
  g_assert_cmpint (count_situations (store), ==, 1);

  set_exit (store, enrolment, fixture->person, fixture->programme, "2025-01-06", "2025-06-30");
  save (store, enrolment, ESCALE_SITUATION_EXIT, exit);
  assert_situation (store, enrolment, ESCALE_SITUATION_EXIT, "employed", NULL, "own_or_rented",
                    NULL, "no");
  assert_situation (store, enrolment, ESCALE_SITUATION_ENTRY, "unemployed", "isced_0_2", NULL,
                    NULL, NULL);

  /* Another exit date keeps it; reopening the enrolment drops it, not the entry. */
  set_exit (store, enrolment, fixture->person, fixture->programme, "2025-01-06", "2025-07-31");
  g_assert_cmpint (count_situations (store), ==, 2);
  set_exit (store, enrolment, fixture->person, fixture->programme, "2025-01-06", NULL);
  assert_nothing_recorded (store, enrolment, ESCALE_SITUATION_EXIT);
  assert_situation (store, enrolment, ESCALE_SITUATION_ENTRY, "unemployed", "isced_0_2", NULL,
                    NULL, NULL);
  /* Clearing the exit snapshot of an open enrolment is no error. */
  save (store, enrolment, ESCALE_SITUATION_EXIT, empty);
}

/* The exit and its snapshot are saved together, or neither. */
static void
test_enrolment_exit (Fixture                     *fixture,
                     G_GNUC_UNUSED gconstpointer  data)
{
  EscaleStore *store = fixture->store;
  gint64 id = enrol (fixture, "2025-01-06", NULL);
  g_autoptr(EscaleEnrolment) enrolment = escale_enrolment_new (fixture->person,
                                                               fixture->programme, "2025-01-06");
  g_autoptr(EscaleSituation) exit = situation_of ("employed", NULL, NULL, NULL, NULL);
  g_autoptr(EscaleSituation) bad = situation_of ("retired", NULL, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  enrolment->id = id;
  enrolment->exit_date = g_strdup ("2025-06-30");
  enrolment->exit_reason = g_strdup ("employment");
  g_assert_false (escale_store_save_enrolment_exit (store, enrolment, bad, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM enrolment WHERE exit_date IS NULL"),
                   ==, 1);

  /* A snapshot without an exit: the enrolment is not changed either. */
  g_clear_pointer (&enrolment->exit_date, g_free);
  g_clear_pointer (&enrolment->exit_reason, g_free);
  escale_test_exec_printf (store, "UPDATE enrolment SET exit_date = '2025-05-31'");
  g_assert_false (escale_store_save_enrolment_exit (store, enrolment, exit, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM enrolment WHERE "
                              "exit_date = '2025-05-31'"), ==, 1);

  enrolment->exit_date = g_strdup ("2025-06-30");
  g_assert_true (escale_store_save_enrolment_exit (store, enrolment, exit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM enrolment WHERE "
                              "exit_date = '2025-06-30'"), ==, 1);
  assert_situation (store, id, ESCALE_SITUATION_EXIT, "employed", NULL, NULL, NULL, NULL);
}

/* A second enrolment in the same programme has its own snapshots. */
static void
test_re_entry (Fixture                     *fixture,
               G_GNUC_UNUSED gconstpointer  data)
{
  EscaleStore *store = fixture->store;
  gint64 first = enrol (fixture, "2024-01-08", "2024-06-28");
  gint64 second;
  g_autoptr(EscaleSituation) first_entry = situation_of ("inactive", "isced_0_2", "street",
                                                         "no", "yes");
  g_autoptr(EscaleSituation) first_exit = situation_of ("unemployed", NULL, "emergency_shelter",
                                                        NULL, "yes");
  g_autoptr(EscaleSituation) second_entry = situation_of ("unemployed", "isced_3_4", "hosted",
                                                          "declined", "no");
  g_autoptr(EscaleSituation) empty = escale_situation_new ();

  save (store, first, ESCALE_SITUATION_ENTRY, first_entry);
  save (store, first, ESCALE_SITUATION_EXIT, first_exit);
  second = enrol (fixture, "2025-02-03", NULL);
  g_assert_cmpint (second, !=, first);
  assert_nothing_recorded (store, second, ESCALE_SITUATION_ENTRY);

  save (store, second, ESCALE_SITUATION_ENTRY, second_entry);
  g_assert_cmpint (count_situations (store), ==, 3);
  assert_situation (store, second, ESCALE_SITUATION_ENTRY, "unemployed", "isced_3_4", "hosted",
                    "declined", "no");
  assert_situation (store, first, ESCALE_SITUATION_ENTRY, "inactive", "isced_0_2", "street",
                    "no", "yes");
  assert_situation (store, first, ESCALE_SITUATION_EXIT, "unemployed", NULL,
                    "emergency_shelter", NULL, "yes");

  /* Clearing the second's leaves the first's. */
  save (store, second, ESCALE_SITUATION_ENTRY, empty);
  g_assert_cmpint (count_situations (store), ==, 2);
  assert_situation (store, first, ESCALE_SITUATION_ENTRY, "inactive", "isced_0_2", "street",
                    "no", "yes");
}

static void
test_cascade (Fixture                     *fixture,
              G_GNUC_UNUSED gconstpointer  data)
{
  EscaleStore *store = fixture->store;
  gint64 first = enrol (fixture, "2024-01-08", "2024-06-28");
  gint64 second = enrol (fixture, "2025-02-03", NULL);
  g_autoptr(EscaleSituation) situation = situation_of ("employed", NULL, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  save (store, first, ESCALE_SITUATION_ENTRY, situation);
  save (store, first, ESCALE_SITUATION_EXIT, situation);
  save (store, second, ESCALE_SITUATION_ENTRY, situation);
  g_assert_cmpint (count_situations (store), ==, 3);

  g_assert_true (escale_store_remove_enrolment (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_situations (store), ==, 1);
  assert_situation (store, second, ESCALE_SITUATION_ENTRY, "employed", NULL, NULL, NULL, NULL);

  /* The person's file erased: their enrolments go, and the snapshots with them. */
  g_assert_true (escale_store_delete_person (store, fixture->person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_situations (store), ==, 0);
}

/* A file of version 4 with enrolments opens at the latest version with them, and
 * takes their snapshots. */
static void
test_upgrade_from_v4 (void)
{
  g_autofree char *dir = escale_test_tmp_path ("v4");
  g_autofree char *path = g_build_filename (dir, "escale.db", NULL);
  const char *v4[] = {
    escale_schema_get_migration (1), escale_schema_get_migration (2),
    escale_schema_get_migration (3), escale_schema_get_migration (4),
  };
  g_autoptr(EscaleSituation) situation = situation_of ("unemployed", NULL, "street", NULL, "yes");
  g_autoptr(GPtrArray) enrolments = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_backups = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autoptr(EscaleStore) old = escale_store_open_with_schema (path, v4, 4, &error);

    g_assert_no_error (error);
    g_assert_cmpint (escale_store_get_schema_version (old), ==, 4);
    escale_test_exec_printf (old,
      "INSERT INTO person (id, file_number, family_name) VALUES (1, '2024-0001', 'Haddad');"
      "INSERT INTO programme (id, code, name) VALUES (1, 'FSE', 'Back to work');"
      "INSERT INTO enrolment (id, person_id, programme_id, entry_date, exit_date, exit_reason) "
      "VALUES (1, 1, 1, '2024-01-08', '2024-06-28', 'employment'), "
      "(2, 1, 1, '2025-02-03', NULL, NULL);");
  }
  {
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (escale_store_get_schema_version (store), ==, escale_store_get_latest_version ());
    g_assert_cmpint (escale_store_get_schema_version (store), ==,
                     escale_store_get_latest_version ());
    enrolments = escale_store_list_enrolments (store, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (enrolments->len, ==, 2);
    g_assert_cmpstr (((EscaleEnrolment *) g_ptr_array_index (enrolments, 1))->exit_reason, ==,
                     "employment");
    g_assert_cmpint (count_situations (store), ==, 0);
    assert_nothing_recorded (store, 1, ESCALE_SITUATION_ENTRY);
    save (store, 1, ESCALE_SITUATION_EXIT, situation);
    save (store, 2, ESCALE_SITUATION_ENTRY, situation);
    assert_situation (store, 1, ESCALE_SITUATION_EXIT, "unemployed", NULL, "street", NULL, "yes");
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  }
  /* The file as it was is kept beside it. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    n_backups += g_str_has_prefix (name, "escale.db.v4-") && g_str_has_suffix (name, ".bak");
  g_assert_cmpuint (n_backups, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/situations/empty", test_empty);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/situations/codes", test_codes);
  ADD ("/situations/save-load", test_save_load);
  ADD ("/situations/bad-codes", test_bad_codes);
  ADD ("/situations/exit", test_exit);
  ADD ("/situations/enrolment-exit", test_enrolment_exit);
  ADD ("/situations/re-entry", test_re_entry);
  ADD ("/situations/cascade", test_cascade);
#undef ADD
  g_test_add_func ("/situations/upgrade-from-v4", test_upgrade_from_v4);
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
