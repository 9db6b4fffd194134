/* test-import.c — importing people from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-csv.h"
#include "escale-date.h"
#include "escale-import.h"
#include "escale-person-store.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "tests", "fixtures", name, NULL);
}

static char *
write_file (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = escale_test_tmp_path ("import.csv");

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static EscaleImportReport *
import (EscaleStore *store,
        const char  *path,
        gboolean     dry_run)
{
  g_autoptr(GError) error = NULL;
  EscaleImportReport *report = escale_import_people (store, path, dry_run, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static EscaleImportReport *
import_text (EscaleStore *store,
             const char  *contents)
{
  g_autofree char *path = write_file (contents);

  return import (store, path, FALSE);
}

static EscalePerson *
load_number (EscaleStore *store,
             const char  *number)
{
  g_autoptr(GError) error = NULL;
  gint64 id = escale_store_find_file_number (store, number);
  EscalePerson *person;

  g_assert_cmpint (id, >, 0);
  person = escale_store_load_person (store, id, &error);
  g_assert_no_error (error);
  return person;
}

static EscalePerson *
load_name (EscaleStore *store,
           const char  *family,
           const char  *given)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, "SELECT id FROM person WHERE "
                                                       "family_name = ? AND given_names IS ?",
                                                       NULL);
  g_autoptr(GError) error = NULL;
  EscalePerson *person;

  sqlite3_bind_text (stmt, 1, family, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, given, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  person = escale_store_load_person (store, sqlite3_column_int64 (stmt, 0), &error);
  g_assert_no_error (error);
  return person;
}

static gint64
count_rows (EscaleStore *store,
            const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
assert_problem (EscaleImportReport *report,
                guint               index,
                guint               line,
                const char         *column)
{
  EscaleImportProblem *problem;

  g_assert_cmpuint (index, <, report->problems->len);
  problem = g_ptr_array_index (report->problems, index);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpstr (problem->column, ==, column);
  g_assert_nonnull (problem->message);
  g_assert_cmpstr (problem->message, !=, "");
}

static const char *
member_role (EscalePerson *person,
             gint64        member_id)
{
  GPtrArray *members = escale_person_get_household_members (person);

  for (guint i = 0; i < members->len; i++)
    {
      EscaleHouseholdMember *member = g_ptr_array_index (members, i);
      if (member->person_id == member_id)
        return member->role;
    }
  return NULL;
}

static void
test_import_creates (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = fixture ("import-people.csv");
  g_autoptr(EscaleImportReport) report = import (store, path, FALSE);
  g_autoptr(EscalePerson) samir = NULL, rania = NULL, youssef = NULL, selam = NULL;
  const char * const *others, * const *nationalities;
  GPtrArray *languages, *periods;
  EscaleStatusPeriod *period;
  g_autofree char *year = escale_date_today ();

  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->created, ==, 4);
  g_assert_cmpuint (report->updated, ==, 0);
  g_assert_cmpuint (report->unknown_columns->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report->unknown_columns, 0), ==, "shoe_size");
  g_assert_cmpint (escale_store_count_people (store), ==, 4);

  samir = load_number (store, "2019-0001");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_FAMILY_NAME), ==, "Haddad");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_GIVEN_NAMES), ==, "Samir");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_SEX), ==, "M");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_BIRTH_DATE), ==, "1985-03-14");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_BIRTH_PRECISION), ==, "exact");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_BIRTH_COUNTRY), ==, "SY");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_PHONE), ==, "+33 6 12 34 56 78");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_EMAIL), ==, "samir@example.org");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_ADDRESS), ==,
                   "12, rue de la Paix\nBâtiment B");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_POSTAL_CODE), ==, "75002");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_CITY), ==, "Paris");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_ARRIVAL_DATE), ==, "2019-05-02");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_REFERENT), ==, "Claire");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_FIRST_CONTACT), ==, "2019-05-03");
  others = escale_person_get_other_names (samir);
  g_assert_cmpuint (g_strv_length ((GStrv) others), ==, 2);
  g_assert_cmpstr (others[0], ==, "سمير حداد");
  g_assert_cmpstr (others[1], ==, "Hadad");
  nationalities = escale_person_get_nationalities (samir);
  g_assert_cmpuint (g_strv_length ((GStrv) nationalities), ==, 2);
  g_assert_cmpstr (nationalities[0], ==, "SY");
  g_assert_cmpstr (nationalities[1], ==, "LB");
  languages = escale_person_get_languages (samir);
  g_assert_cmpuint (languages->len, ==, 2);
  g_assert_cmpstr (((EscaleLanguageSkill *) g_ptr_array_index (languages, 0))->code, ==, "ar");
  g_assert_cmpstr (((EscaleLanguageSkill *) g_ptr_array_index (languages, 1))->code, ==, "fr");
  periods = escale_person_get_status_periods (samir);
  g_assert_cmpuint (periods->len, ==, 1);
  period = g_ptr_array_index (periods, 0);
  g_assert_cmpstr (period->status, ==, "asylum_seeker");
  g_assert_cmpstr (period->started_on, ==, "2019-05-10");
  g_assert_null (period->ended_on);

  rania = load_number (store, "2019-0002");
  g_assert_cmpstr (escale_person_get (rania, ESCALE_FIELD_BIRTH_DATE), ==, "1988-07-01");
  g_assert_cmpstr (escale_person_get (rania, ESCALE_FIELD_BIRTH_PRECISION), ==, "month");

  /* A quoted field with doubled quotes; a file number generated this year. */
  youssef = load_name (store, "Haddad", "Youssef \"Jo\"");
  year[4] = '\0';
  g_assert_true (g_str_has_prefix (escale_person_get (youssef, ESCALE_FIELD_FILE_NUMBER), year));
  g_assert_cmpstr (escale_person_get (youssef, ESCALE_FIELD_BIRTH_DATE), ==, "2012-01-01");
  g_assert_cmpstr (escale_person_get (youssef, ESCALE_FIELD_BIRTH_PRECISION), ==, "year");
  g_assert_cmpuint (escale_person_get_languages (youssef)->len, ==, 2);
  g_assert_cmpuint (escale_person_get_status_periods (youssef)->len, ==, 0);

  /* One household of three: the first row without a role is its head. */
  g_assert_cmpint (escale_person_get_household_id (samir), >, 0);
  g_assert_cmpint (escale_person_get_household_id (rania), ==,
                   escale_person_get_household_id (samir));
  g_assert_cmpint (escale_person_get_household_id (youssef), ==,
                   escale_person_get_household_id (samir));
  g_assert_cmpstr (escale_person_get_household_role (samir), ==, "head");
  g_assert_cmpstr (escale_person_get_household_role (rania), ==, "partner");
  g_assert_cmpstr (escale_person_get_household_role (youssef), ==, "child");
  g_assert_cmpuint (escale_person_get_household_members (samir)->len, ==, 2);
  g_assert_cmpstr (member_role (samir, escale_person_get_id (youssef)), ==, "child");
  g_assert_cmpint (count_rows (store, "household"), ==, 1);

  selam = load_name (store, "Tesfaye", "Selam");
  g_assert_cmpstr (escale_person_get_other_names (selam)[0], ==, "ሰላም");
  g_assert_cmpstr (escale_person_get_current_status (selam), ==, "refugee");
  g_assert_cmpint (escale_person_get_household_id (selam), ==, 0);

  /* The search tables were filled too. */
  g_assert_cmpint (count_rows (store, "person_search"), ==, 4);
}

static void
test_import_updates (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = fixture ("import-people.csv");
  g_autoptr(EscaleImportReport) first = import (store, path, FALSE);
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(EscalePerson) samir = NULL, rania = NULL, youssef = NULL;
  GPtrArray *periods;
  EscaleStatusPeriod *period;

  g_assert_cmpuint (first->problems->len, ==, 0);
  report = import_text (store,
                        "file_number,family_name,status,status_since,phone,languages\n"
                        "2019-0001,,refugee,2021-02-01,,ar|fr|en\n"
                        "2019-0002,,asylum_seeker,2019-05-10,06 01 02 03 04,\n");
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->created, ==, 0);
  g_assert_cmpuint (report->updated, ==, 2);
  g_assert_cmpint (escale_store_count_people (store), ==, 4);

  /* Empty columns keep what was there; a new status ends the open one. */
  samir = load_number (store, "2019-0001");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_FAMILY_NAME), ==, "Haddad");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_PHONE), ==, "+33 6 12 34 56 78");
  g_assert_cmpuint (escale_person_get_languages (samir)->len, ==, 3);
  g_assert_cmpuint (g_strv_length ((GStrv) escale_person_get_other_names (samir)), ==, 2);
  periods = escale_person_get_status_periods (samir);
  g_assert_cmpuint (periods->len, ==, 2);
  period = g_ptr_array_index (periods, 0);
  g_assert_cmpstr (period->status, ==, "asylum_seeker");
  g_assert_cmpstr (period->started_on, ==, "2019-05-10");
  g_assert_cmpstr (period->ended_on, ==, "2021-01-31");
  period = g_ptr_array_index (periods, 1);
  g_assert_cmpstr (period->status, ==, "refugee");
  g_assert_cmpstr (period->started_on, ==, "2021-02-01");
  g_assert_null (period->ended_on);
  g_assert_cmpstr (escale_person_get_current_status (samir), ==, "refugee");
  g_assert_cmpstr (escale_person_get_household_role (samir), ==, "head");

  /* The same status as the current one is kept as it was. */
  rania = load_number (store, "2019-0002");
  g_assert_cmpstr (escale_person_get (rania, ESCALE_FIELD_PHONE), ==, "06 01 02 03 04");
  periods = escale_person_get_status_periods (rania);
  g_assert_cmpuint (periods->len, ==, 1);
  g_assert_cmpstr (((EscaleStatusPeriod *) g_ptr_array_index (periods, 0))->started_on, ==,
                   "2019-05-10");

  /* Joining an existing household by its key, and new roles in it. */
  g_clear_pointer (&report, escale_import_report_free);
  report = import_text (store,
                        "file_number;family_name;given_names;household;household_role\n"
                        ";Haddad;Nour;H1;\n"
                        "2019-0002;;;;head\n"
                        "2019-0001;;;;partner\n");
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->created, ==, 1);
  g_assert_cmpuint (report->updated, ==, 2);
  youssef = load_name (store, "Haddad", "Nour");
  g_clear_object (&samir);
  samir = load_number (store, "2019-0001");
  g_assert_cmpint (escale_person_get_household_id (youssef), ==,
                   escale_person_get_household_id (samir));
  /* The household had a head already. */
  g_assert_cmpstr (escale_person_get_household_role (youssef), ==, "other");
  g_assert_cmpstr (member_role (samir, escale_person_get_id (youssef)), ==, "other");
  g_clear_object (&rania);
  rania = load_number (store, "2019-0002");
  g_assert_cmpstr (escale_person_get_household_role (rania), ==, "head");
  g_clear_object (&samir);
  samir = load_number (store, "2019-0001");
  g_assert_cmpstr (escale_person_get_household_role (samir), ==, "partner");
  g_assert_cmpint (count_rows (store, "household"), ==, 1);
}

static const char *
problem_message (EscaleImportReport *report,
                 guint               index)
{
  return ((EscaleImportProblem *) g_ptr_array_index (report->problems, index))->message;
}

/* A household has one head at most, counting the database and the file. */
static void
test_import_two_heads (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = fixture ("import-people.csv");
  g_autoptr(EscaleImportReport) first = import (store, path, FALSE);
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(EscalePerson) samir = NULL, nour = NULL;
  gint64 members = count_rows (store, "household_member");
  const char *refused[] = {
    /* Two heads in the file. */
    "family_name;household;household_role\nA;K;head\nB;K;head\n",
    /* A head in the database already. */
    "family_name;household;household_role\nNour;H1;head\n",
    /* Rania becomes head by her role only; Samir stays head. */
    "file_number;family_name;household;household_role\n2019-0002;;;head\n",
  };
  const guint lines[] = { 3, 2, 2 };

  g_assert_cmpuint (first->problems->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_clear_pointer (&report, escale_import_report_free);
      report = import_text (store, refused[i]);
      if (report->problems->len != 1)
        g_error ("case %u: %u problems", i, report->problems->len);
      assert_problem (report, 0, lines[i], "household_role");
      g_assert_cmpstr (problem_message (report, 0), ==, "This household already has a head");
      g_assert_cmpint (escale_store_count_people (store), ==, 4);
      g_assert_cmpint (count_rows (store, "household_member"), ==, members);
    }

  /* Problems stay in the order of the file. */
  g_clear_pointer (&report, escale_import_report_free);
  report = import_text (store, "family_name;household;household_role;sex\n"
                               "A;H1;head;\nB;;;Q\n");
  g_assert_cmpuint (report->problems->len, ==, 2);
  assert_problem (report, 0, 2, "household_role");
  assert_problem (report, 1, 3, "sex");

  /* The head leaves for another household: the file can name a new one. */
  g_clear_pointer (&report, escale_import_report_free);
  report = import_text (store, "file_number;family_name;given_names;household;household_role\n"
                               ";Haddad;Nour;H1;head\n"
                               "2019-0001;;;H2;\n");
  g_assert_cmpuint (report->problems->len, ==, 0);
  nour = load_name (store, "Haddad", "Nour");
  samir = load_number (store, "2019-0001");
  g_assert_cmpstr (escale_person_get_household_role (nour), ==, "head");
  g_assert_cmpstr (escale_person_get_household_role (samir), ==, "head");
  g_assert_cmpint (escale_person_get_household_id (samir), !=,
                   escale_person_get_household_id (nour));
}

/* A household without a head gets its first role-less row as head, not
 * counting the rows of people already in it, who keep their role. */
static void
test_import_first_head (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = fixture ("import-people.csv");
  g_autoptr(EscaleImportReport) first = import (store, path, FALSE);
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(EscalePerson) rania = NULL, nour = NULL, samir = NULL;

  g_assert_cmpuint (first->problems->len, ==, 0);
  report = import_text (store, "file_number;family_name;given_names;household;household_role\n"
                               "2019-0002;;;H1;\n"
                               "2019-0001;;;H9;\n"
                               ";Haddad;Nour;H1;\n");
  g_assert_cmpuint (report->problems->len, ==, 0);
  rania = load_number (store, "2019-0002");
  nour = load_name (store, "Haddad", "Nour");
  samir = load_number (store, "2019-0001");
  g_assert_cmpstr (escale_person_get_household_role (rania), ==, "partner");
  g_assert_cmpstr (escale_person_get_household_role (nour), ==, "head");
  g_assert_cmpint (escale_person_get_household_id (nour), ==,
                   escale_person_get_household_id (rania));
  g_assert_cmpstr (escale_person_get_household_role (samir), ==, "head");
}

/* The current status with another date is reported, not ignored. */
static void
test_import_status_date (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = fixture ("import-people.csv");
  g_autoptr(EscaleImportReport) first = import (store, path, FALSE);
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(EscalePerson) person = NULL;
  g_autofree char *today = escale_date_today ();
  g_autofree char *csv = NULL;
  GPtrArray *periods;

  g_assert_cmpuint (first->problems->len, ==, 0);
  report = import_text (store, "file_number,family_name,status,status_since\n"
                               "2019-0002,,asylum_seeker,2020-01-01\n");
  g_assert_cmpuint (report->problems->len, ==, 1);
  assert_problem (report, 0, 2, "status_since");
  g_assert_nonnull (strstr (problem_message (report, 0), "10/05/2019"));

  /* Without status_since, a new status starts today… */
  g_clear_pointer (&report, escale_import_report_free);
  report = import_text (store, "family_name,status\nNew,refugee\n");
  g_assert_cmpuint (report->problems->len, ==, 0);
  person = load_name (store, "New", NULL);
  periods = escale_person_get_status_periods (person);
  g_assert_cmpuint (periods->len, ==, 1);
  g_assert_cmpstr (((EscaleStatusPeriod *) g_ptr_array_index (periods, 0))->started_on, ==,
                   today);

  /* …and a status that started today cannot be ended today: the problem is
   * at the status, the file has no status_since. */
  csv = g_strdup_printf ("file_number,family_name,status\n%s,,asylum_seeker\n",
                         escale_person_get (person, ESCALE_FIELD_FILE_NUMBER));
  g_clear_pointer (&report, escale_import_report_free);
  report = import_text (store, csv);
  g_assert_cmpuint (report->problems->len, ==, 1);
  assert_problem (report, 0, 2, "status");
}

/* A UTF-8 file with one bad byte: reported, nothing imported, no guess. */
static void
test_import_invalid_utf8 (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) report = NULL;

  report = import_text (store, "family_name,given_names,city\n"
                               "H\xC3\xA9l\xC3\xA8ne,Andr\xC3\xA9,Lyon\n"
                               "Dupont,Jean,Saint-\xC9tienne\n");
  g_assert_false (report->from_windows_1252);
  g_assert_cmpuint (report->problems->len, ==, 1);
  assert_problem (report, 0, 3, "city");
  g_assert_cmpstr (problem_message (report, 0), ==, "This line is not valid UTF-8 text");
  g_assert_cmpint (escale_store_count_people (store), ==, 0);
}

static void
test_import_too_long (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GString) csv = g_string_new ("family_name,city\nA,");
  g_autoptr(EscaleImportReport) report = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_c (csv, 'x');
  g_string_append (csv, "\n");
  report = import_text (store, csv->str);
  g_assert_cmpuint (report->problems->len, ==, 1);
  assert_problem (report, 0, 2, "city");
  g_assert_cmpstr (problem_message (report, 0), ==, "This value is too long");
  g_assert_cmpint (escale_store_count_people (store), ==, 0);
}

/* A blank line before the header does not hide its semicolons. */
static void
test_import_blank_before_header (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(EscalePerson) person = NULL;

  report = import_text (store, "\r\nfamily_name;given_names\nDupont;Jean\n");
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->created, ==, 1);
  person = load_name (store, "Dupont", "Jean");
  g_assert_nonnull (person);
}

/* Importing the same file again keeps the households as they were. */
/* A status older than the current one cannot end it: a clear problem at
 * the date, and nothing written. */
static void
test_import_older_status (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = fixture ("import-people.csv");
  g_autoptr(EscaleImportReport) first = import (store, path, FALSE);
  g_autoptr(EscaleImportReport) report = NULL;
  gint64 periods = count_rows (store, "status_period");

  g_assert_cmpuint (first->problems->len, ==, 0);
  report = import_text (store,
                        "file_number,family_name,status,status_since\n"
                        "2019-0001,,refugee,2019-01-01\n");
  g_assert_cmpuint (report->problems->len, ==, 1);
  assert_problem (report, 0, 2, "status_since");
  g_assert_nonnull (strstr (((EscaleImportProblem *) g_ptr_array_index (report->problems, 0))->message,
                            "10/05/2019"));
  g_assert_cmpint (count_rows (store, "status_period"), ==, periods);
}

static void
test_import_again (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = fixture ("import-people.csv");
  g_autoptr(EscaleImportReport) first = import (store, path, FALSE);
  g_autoptr(EscaleImportReport) again = import (store, path, FALSE);
  g_autoptr(EscalePerson) samir = load_number (store, "2019-0001");

  g_assert_cmpuint (again->problems->len, ==, 0);
  g_assert_cmpuint (again->updated, ==, 2);
  /* Rows without a file number are new people each time. */
  g_assert_cmpuint (again->created, ==, 2);
  g_assert_cmpstr (escale_person_get_household_role (samir), ==, "head");
  g_assert_cmpuint (escale_person_get_household_members (samir)->len, ==, 3);
  g_assert_cmpuint (escale_person_get_status_periods (samir)->len, ==, 1);
  g_assert_cmpint (count_rows (store, "household"), ==, 1);
}

static void
test_import_bad_rows (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = fixture ("import-bad.csv");
  g_autoptr(EscaleImportReport) report = NULL;

  escale_test_add_person (store, "Existing", "Person", "1970-01-01");
  g_assert_cmpint (escale_store_count_people (store), ==, 1);

  for (int dry_run = 0; dry_run <= 1; dry_run++)
    {
      g_clear_pointer (&report, escale_import_report_free);
      report = import (store, path, dry_run);
      /* Line 2 holds a quoted line break: the bad rows are on lines 4 and 6. */
      g_assert_cmpuint (report->problems->len, ==, 2);
      assert_problem (report, 0, 4, "birth_date");
      assert_problem (report, 1, 6, "nationality");
      g_assert_nonnull (strstr (((EscaleImportProblem *)
                                 g_ptr_array_index (report->problems, 1))->message, "XX"));
      g_assert_cmpint (escale_store_count_people (store), ==, 1);
      g_assert_cmpint (count_rows (store, "person_nationality"), ==, 0);
    }
}

static void
test_import_problems (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) report = NULL;
  struct {
    const char *csv;
    guint       line;
    const char *column;
  } cases[] = {
    { "given_names\nAda\n", 1, "family_name" },
    { ",,\n,,\n", 1, "family_name" },
    { "family_name,family_name\nA,B\n", 1, "family_name" },
    { "family_name,given_names\n,Ada\n", 2, "family_name" },
    { "family_name,sex\nA,Q\n", 2, "sex" },
    { "family_name,birth_date\nA,1890-01-01\n", 2, "birth_date" },
    { "family_name,birth_date\nA,2999\n", 2, "birth_date" },
    { "family_name,birth_date\nA,yesterday\n", 2, "birth_date" },
    { "family_name,arrival_date\nA,2020-05\n", 2, "arrival_date" },
    { "family_name,birth_country\nA,SY|LB\n", 2, "birth_country" },
    { "family_name,languages\nA,fr|zz9\n", 2, "languages" },
    { "family_name,email\nA,nobody\n", 2, "email" },
    { "family_name,status\nA,tourist\n", 2, "status" },
    { "family_name,status_since\nA,2020-01-01\n", 2, "status_since" },
    { "family_name,status,status_since\nA,refugee,2999-01-01\n", 2, "status_since" },
    { "family_name,household_role\nA,child\n", 2, "household_role" },
    { "family_name,household,household_role\nA,K,boss\n", 2, "household_role" },
    { "family_name,closed_on\nA,2020-01-01\n", 2, "close_reason" },
    { "family_name,file_number\nA,X-1\n\nB,X-1\n", 4, "file_number" },
    { "family_name\nA,surplus\n", 2, "2" },
    { "Family Name;City\nA;\"Lyon\n", 2, "City" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_clear_pointer (&report, escale_import_report_free);
      report = import_text (store, cases[i].csv);
      if (report->problems->len != 1)
        g_error ("case %u: %u problems", i, report->problems->len);
      assert_problem (report, 0, cases[i].line, cases[i].column);
      g_assert_cmpint (escale_store_count_people (store), ==, 0);
    }
}

static void
test_import_dry_run (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = fixture ("import-people.csv");
  g_autoptr(EscaleImportReport) report = import (store, path, TRUE);

  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->created, ==, 4);
  g_assert_cmpuint (report->unknown_columns->len, ==, 1);
  g_assert_cmpint (escale_store_count_people (store), ==, 0);
  g_assert_cmpint (count_rows (store, "household"), ==, 0);
  g_assert_cmpint (count_rows (store, "status_period"), ==, 0);
}

static void
test_import_windows_1252 (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = fixture ("import-cp1252.csv");
  g_autoptr(EscaleImportReport) report = import (store, path, FALSE);
  g_autoptr(EscalePerson) person = NULL;

  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->created, ==, 1);
  g_assert_true (report->from_windows_1252);
  person = load_name (store, "Hélène", "André");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_CITY), ==, "Saint-Étienne");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_BIRTH_PRECISION), ==, "year");
}

/* Numbers generated for rows without one never take a number the file uses. */
static void
test_import_generated_numbers (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *today = escale_date_today ();
  g_autofree char *csv = NULL, *number = NULL;
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(EscalePerson) first = NULL, second = NULL;

  today[4] = '\0';
  number = g_strdup_printf ("%s-0001", today);
  csv = g_strdup_printf ("family_name,file_number\nFirst,\nSecond,%s\n", number);
  report = import_text (store, csv);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->created, ==, 2);
  first = load_name (store, "First", NULL);
  second = load_name (store, "Second", NULL);
  g_assert_cmpstr (escale_person_get (second, ESCALE_FIELD_FILE_NUMBER), ==, number);
  g_assert_true (g_str_has_prefix (escale_person_get (first, ESCALE_FIELD_FILE_NUMBER), today));
  g_assert_cmpstr (escale_person_get (first, ESCALE_FIELD_FILE_NUMBER), !=,
                   escale_person_get (second, ESCALE_FIELD_FILE_NUMBER));
}

static void
test_import_empty (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = write_file ("\xEF\xBB\xBF\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleImportReport) report = escale_import_people (store, path, FALSE, &error);

  g_assert_error (error, ESCALE_CSV_ERROR, ESCALE_CSV_ERROR_EMPTY);
  g_assert_null (report);
}

static void
test_import_many (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GString) csv = g_string_new ("family_name;given_names;birth_date;nationality;"
                                         "languages;status;status_since;household\n");
  g_autofree char *path = NULL;
  g_autoptr(EscaleImportReport) report = NULL;
  guint n = g_test_slow () ? 100000 : 5000;
  gint64 start;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "Name%u;Given%u;%u-%02u-%02u;FR|DZ;fr|ar;refugee;2020-01-01;K%u\n",
                            i, i, 1950 + i % 60, 1 + i % 12, 1 + i % 28, i / 3);
  path = write_file (csv->str);
  start = g_get_monotonic_time ();
  report = import (store, path, FALSE);
  g_test_message ("imported %u people in %.2f s", n,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->created, ==, n);
  g_assert_cmpint (escale_store_count_people (store), ==, n);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/import/creates", test_import_creates);
  g_test_add_func ("/import/updates", test_import_updates);
  g_test_add_func ("/import/two-heads", test_import_two_heads);
  g_test_add_func ("/import/first-head", test_import_first_head);
  g_test_add_func ("/import/status-date", test_import_status_date);
  g_test_add_func ("/import/invalid-utf-8", test_import_invalid_utf8);
  g_test_add_func ("/import/too-long", test_import_too_long);
  g_test_add_func ("/import/blank-before-header", test_import_blank_before_header);
  g_test_add_func ("/import/again", test_import_again);
  g_test_add_func ("/import/older-status", test_import_older_status);
  g_test_add_func ("/import/bad-rows", test_import_bad_rows);
  g_test_add_func ("/import/problems", test_import_problems);
  g_test_add_func ("/import/dry-run", test_import_dry_run);
  g_test_add_func ("/import/windows-1252", test_import_windows_1252);
  g_test_add_func ("/import/generated-numbers", test_import_generated_numbers);
  g_test_add_func ("/import/empty", test_import_empty);
  g_test_add_func ("/import/many", test_import_many);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
