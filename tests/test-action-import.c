/* test-action-import.c — importing actions, programmes and enrolments from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "escale-action-import.h"
#include "escale-action-store.h"
#include "escale-import-private.h"
#include "escale-person-store.h"
#include "escale-programme-store.h"
#include "escale-test-util.h"

static char *
write_file (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = escale_test_tmp_path ("import.csv");

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

typedef EscaleImportReport *(*ImportFunc) (EscaleStore *, const char *, gboolean, GError **);

static EscaleImportReport *
import_text (EscaleStore *store,
             ImportFunc   func,
             const char  *contents,
             gboolean     dry_run)
{
  g_autofree char *path = write_file (contents);
  g_autoptr(GError) error = NULL;
  EscaleImportReport *report = func (store, path, dry_run, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* The problems as "LINE:COLUMN: message" lines. */
static char *
problems_text (EscaleImportReport *report)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < report->problems->len; i++)
    {
      EscaleImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_string_append_printf (text, "%u:%s: %s\n", problem->line, problem->column,
                              problem->message);
    }
  return g_string_free (text, FALSE);
}

static void
assert_no_problems (EscaleImportReport *report)
{
  g_autofree char *text = problems_text (report);

  g_assert_cmpstr (text, ==, "");
}

static gboolean
has_problem (EscaleImportReport *report,
             guint               line,
             const char         *column)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      EscaleImportProblem *problem = g_ptr_array_index (report->problems, i);

      if (problem->line == line && g_strcmp0 (problem->column, column) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A person and their file number. */
static gint64
add_person (EscaleStore *store,
            const char  *family,
            char       **number)
{
  gint64 id = escale_test_add_person (store, family, "Test", NULL);
  g_autoptr(EscalePerson) person = escale_store_load_person (store, id, NULL);

  *number = g_strdup (escale_person_get (person, ESCALE_FIELD_FILE_NUMBER));
  return id;
}

static GArray *
person_actions (EscaleStore *store,
                gint64       person_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  escale_store_list_person_actions (store, person_id, ids, &error);
  g_assert_no_error (error);
  return ids;
}

static EscaleAction *
load_action (EscaleStore *store,
             GArray      *ids,
             guint        index)
{
  g_autoptr(GError) error = NULL;
  EscaleAction *action = escale_store_load_action (store, g_array_index (ids, gint64, index),
                                                   &error);

  g_assert_no_error (error);
  return action;
}

static void
add_programmes (EscaleStore *store)
{
  g_autoptr(EscaleImportReport) report =
    import_text (store, escale_import_programmes,
                 "code,name,funder,start,end,target_people\n"
                 "FLE,Ateliers de français,Région|FSE+,01/09/2024,2026-06-30,40\n"
                 "LOG,Accès au logement,,2023-01-01,,\n", FALSE);

  assert_no_problems (report);
  g_assert_cmpuint (report->created, ==, 2);
}

static void
test_programmes (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleProgramme) fle = NULL, again = NULL;
  g_autoptr(EscaleImportReport) update = NULL;
  gint64 id;

  add_programmes (store);
  id = escale_store_find_programme (store, "FLE");
  g_assert_cmpint (id, !=, 0);
  fle = escale_store_load_programme (store, id, NULL);
  g_assert_cmpstr (fle->name, ==, "Ateliers de français");
  g_assert_cmpstr (fle->started_on, ==, "2024-09-01");
  g_assert_cmpstr (fle->ended_on, ==, "2026-06-30");
  g_assert_cmpint (fle->target_people, ==, 40);
  g_assert_cmpuint (g_strv_length (fle->funders), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) fle->funders, "FSE+"));

  /* The same code again updates the programme. */
  update = import_text (store, escale_import_programmes,
                        "code,name,target_people\nFLE,Français langue étrangère,60\n", FALSE);
  assert_no_problems (update);
  g_assert_cmpuint (update->created, ==, 0);
  g_assert_cmpuint (update->updated, ==, 1);
  again = escale_store_load_programme (store, id, NULL);
  g_assert_cmpstr (again->name, ==, "Français langue étrangère");
  g_assert_cmpint (again->target_people, ==, 60);
  g_assert_cmpstr (again->started_on, ==, "2024-09-01");
}

static void
test_programmes_bad (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) report =
    import_text (store, escale_import_programmes,
                 "code,name,start,end,target_people\n"
                 "A,First,2024-01-01,2023-01-01,\n"
                 "B,,,,\n"
                 "A,Twice,,,\n"
                 "C,Third,,,many\n"
                 "D,Good,,,\n", FALSE);
  g_autoptr(GPtrArray) programmes = NULL;

  g_assert_true (has_problem (report, 2, "end"));
  g_assert_true (has_problem (report, 3, "name"));
  g_assert_true (has_problem (report, 4, "code"));
  g_assert_true (has_problem (report, 5, "target_people"));
  g_assert_false (has_problem (report, 6, "code"));
  programmes = escale_store_list_programmes (store, NULL);
  g_assert_cmpuint (programmes->len, ==, 0);
}

static void
test_enrolments (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *number = NULL, *csv = NULL, *bad = NULL;
  gint64 person = add_person (store, "Haddad", &number);
  g_autoptr(EscaleImportReport) report = NULL, refused = NULL, exit = NULL;
  g_autoptr(GPtrArray) enrolments = NULL, after = NULL;
  EscaleEnrolment *enrolment;

  add_programmes (store);
  csv = g_strdup_printf ("file_number,programme,entry_date,exit_date,exit_reason\n"
                         "%s,FLE,02/09/2024,,\n", number);
  report = import_text (store, escale_import_enrolments, csv, FALSE);
  assert_no_problems (report);
  g_assert_cmpuint (report->created, ==, 1);
  enrolments = escale_store_list_enrolments (store, person, NULL);
  g_assert_cmpuint (enrolments->len, ==, 1);
  enrolment = g_ptr_array_index (enrolments, 0);
  g_assert_cmpint (enrolment->programme_id, ==, escale_store_find_programme (store, "FLE"));
  g_assert_cmpstr (enrolment->entry_date, ==, "2024-09-02");
  g_assert_null (enrolment->exit_date);

  /* The same entry again records the exit. */
  g_free (csv);
  csv = g_strdup_printf ("file_number,programme,entry_date,exit_date,exit_reason\n"
                         "%s,FLE,2024-09-02,2025-03-31,Employment\n", number);
  exit = import_text (store, escale_import_enrolments, csv, FALSE);
  assert_no_problems (exit);
  g_assert_cmpuint (exit->updated, ==, 1);
  after = escale_store_list_enrolments (store, person, NULL);
  g_assert_cmpuint (after->len, ==, 1);
  enrolment = g_ptr_array_index (after, 0);
  g_assert_cmpstr (enrolment->exit_date, ==, "2025-03-31");
  g_assert_cmpstr (enrolment->exit_reason, ==, "employment");

  /* Unknown people and programmes are refused, and nothing is written. */
  bad = g_strdup_printf ("file_number,programme,entry_date\n"
                         "%s,LOG,2024-01-01\n"
                         "9999-99999,LOG,2024-01-01\n"
                         "%s,NOPE,2024-01-01\n"
                         "%s,LOG,31/02/2024\n", number, number, number);
  refused = import_text (store, escale_import_enrolments, bad, FALSE);
  g_assert_cmpuint (refused->problems->len, ==, 3);
  g_assert_true (has_problem (refused, 3, "file_number"));
  g_assert_true (has_problem (refused, 4, "programme"));
  g_assert_true (has_problem (refused, 5, "entry_date"));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = escale_store_list_enrolments (store, person, NULL);
  g_assert_cmpuint (after->len, ==, 1);
}

static void
test_actions (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *number = NULL, *csv = NULL;
  gint64 person = add_person (store, "Sy", &number);
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(EscaleAction) newest = NULL, oldest = NULL;
  const char * const *themes;

  add_programmes (store);
  csv = g_strdup_printf ("File number;Date;Type;Theme;Status;Duration minutes;Worker;Programme;"
                         "Partner;Referral outcome;Amount;Notes\n"
                         "%s;15/01/2024;Referral;health|housing;done;30;Aminata;LOG;CPAM;"
                         "accepted;;\"Orientée vers la PASS; suivi\"\n"
                         "%s;2024-02-01T09:30;financial_aid;material;;;;;;;35,5;\n",
                         number, number);
  report = import_text (store, escale_import_actions, csv, FALSE);
  assert_no_problems (report);
  g_assert_cmpuint (report->created, ==, 2);

  ids = person_actions (store, person);
  g_assert_cmpuint (ids->len, ==, 2);
  newest = load_action (store, ids, 0);
  oldest = load_action (store, ids, 1);
  g_assert_cmpstr (escale_action_get (newest, ESCALE_ACTION_FIELD_DATE), ==, "2024-02-01");
  g_assert_cmpstr (escale_action_get (newest, ESCALE_ACTION_FIELD_TIME), ==, "09:30");
  g_assert_cmpstr (escale_action_get (newest, ESCALE_ACTION_FIELD_TYPE), ==, "financial_aid");
  /* No status: a past action is done. */
  g_assert_cmpstr (escale_action_get (newest, ESCALE_ACTION_FIELD_STATUS), ==, "done");
  g_assert_cmpint (escale_action_get_int (newest, ESCALE_ACTION_FIELD_AMOUNT), ==, 3550);

  g_assert_cmpstr (escale_action_get (oldest, ESCALE_ACTION_FIELD_SCOPE), ==, "person");
  g_assert_cmpint (escale_action_get_int (oldest, ESCALE_ACTION_FIELD_PERSON_ID), ==, person);
  g_assert_cmpstr (escale_action_get (oldest, ESCALE_ACTION_FIELD_DATE), ==, "2024-01-15");
  g_assert_null (escale_action_get (oldest, ESCALE_ACTION_FIELD_TIME));
  g_assert_cmpstr (escale_action_get (oldest, ESCALE_ACTION_FIELD_TYPE), ==, "referral");
  g_assert_cmpstr (escale_action_get (oldest, ESCALE_ACTION_FIELD_WORKER), ==, "Aminata");
  g_assert_cmpstr (escale_action_get (oldest, ESCALE_ACTION_FIELD_PARTNER), ==, "CPAM");
  g_assert_cmpstr (escale_action_get (oldest, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME), ==,
                   "accepted");
  g_assert_cmpstr (escale_action_get (oldest, ESCALE_ACTION_FIELD_NOTES), ==,
                   "Orientée vers la PASS; suivi");
  g_assert_cmpint (escale_action_get_int (oldest, ESCALE_ACTION_FIELD_DURATION), ==, 30);
  g_assert_cmpint (escale_action_get_int (oldest, ESCALE_ACTION_FIELD_PROGRAMME_ID), ==,
                   escale_store_find_programme (store, "LOG"));
  g_assert_cmpint (escale_action_get_int (oldest, ESCALE_ACTION_FIELD_AMOUNT), ==,
                   ESCALE_ACTION_UNSET);
  themes = escale_action_get_themes (oldest);
  g_assert_cmpuint (g_strv_length ((char **) themes), ==, 2);
  g_assert_true (g_strv_contains (themes, "health"));
  g_assert_true (g_strv_contains (themes, "housing"));
}

static void
test_actions_bad_rows (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *number = NULL, *csv = NULL, *text = NULL;
  gint64 person = add_person (store, "Leroy", &number);
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(GArray) ids = NULL;

  csv = g_strdup_printf ("file_number,date,type,theme,status,duration_minutes,programme,"
                         "referral_outcome,amount\n"
                         "%s,2024-01-01,interview,,,,,,\n"           /* 2: good */
                         "0000-00000,2024-01-01,interview,,,,,,\n"   /* 3: unknown person */
                         "%s,2024-02-30,interview,,,,,,\n"           /* 4: no such day */
                         "%s,2024-01-01T25:00,interview,,,,,,\n"     /* 5: no such hour */
                         "%s,2024-01-01,dance,,,,,,\n"               /* 6: unknown type */
                         "%s,2024-01-01,interview,cooking,,,,,\n"    /* 7: unknown theme */
                         "%s,2024-01-01,interview,,finished,,,,\n"   /* 8: unknown status */
                         "%s,2024-01-01,interview,,,-5,,,\n"         /* 9: negative */
                         "%s,2024-01-01,interview,,,,NOPE,,\n"       /* 10: unknown programme */
                         "%s,2024-01-01,interview,,,,,accepted,\n"   /* 11: not a referral */
                         "%s,2024-01-01,interview,,,,,,12.345\n"     /* 12: three decimals */
                         "%s,2024-01-01,interview,,,,,,1e3\n"        /* 13: not a number */
                         ",2024-01-01,interview,,,,,,\n"             /* 14: no file number */
                         "%s,2024-01,interview,,,,,,\n",             /* 15: not a full date */
                         number, number, number, number, number, number, number, number,
                         number, number, number, number);
  report = import_text (store, escale_import_actions, csv, FALSE);
  text = problems_text (report);
  g_test_message ("%s", text);
  g_assert_false (has_problem (report, 2, "file_number"));
  g_assert_true (has_problem (report, 3, "file_number"));
  g_assert_true (has_problem (report, 4, "date"));
  g_assert_true (has_problem (report, 5, "date"));
  g_assert_true (has_problem (report, 6, "type"));
  g_assert_true (has_problem (report, 7, "theme"));
  g_assert_true (has_problem (report, 8, "status"));
  g_assert_true (has_problem (report, 9, "duration_minutes"));
  g_assert_true (has_problem (report, 10, "programme"));
  g_assert_true (has_problem (report, 11, "referral_outcome"));
  g_assert_true (has_problem (report, 12, "amount"));
  g_assert_true (has_problem (report, 13, "amount"));
  g_assert_true (has_problem (report, 14, "file_number"));
  g_assert_true (has_problem (report, 15, "date"));
  g_assert_cmpuint (report->problems->len, ==, 13);
  g_assert_cmpuint (report->created, ==, 0);
  /* The good row was not written either. */
  ids = person_actions (store, person);
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_actions_missing_column (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) report =
    import_text (store, escale_import_actions, "file_number,date\n0001,2024-01-01\n", FALSE);

  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_true (has_problem (report, 1, "type"));
}

static void
test_actions_dry_run (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *number = NULL, *csv = NULL;
  gint64 person = add_person (store, "Moreau", &number);
  g_autoptr(EscaleImportReport) report = NULL, real = NULL;
  g_autoptr(GArray) ids = NULL, after = NULL;

  csv = g_strdup_printf ("file_number,date,type\n%s,2024-01-01,interview\n"
                         "%s,2099-01-01,phone_call\n", number, number);
  report = import_text (store, escale_import_actions, csv, TRUE);
  assert_no_problems (report);
  g_assert_cmpuint (report->created, ==, 2);
  ids = person_actions (store, person);
  g_assert_cmpuint (ids->len, ==, 0);

  real = import_text (store, escale_import_actions, csv, FALSE);
  g_assert_cmpuint (real->created, ==, 2);
  after = person_actions (store, person);
  g_assert_cmpuint (after->len, ==, 2);
  {
    g_autoptr(EscaleAction) future = load_action (store, after, 0);
    /* No status: a future action is planned. */
    g_assert_cmpstr (escale_action_get (future, ESCALE_ACTION_FIELD_STATUS), ==, "planned");
  }
}

static void
test_amounts (void)
{
  static const struct { const char *text; gboolean ok; gint64 cents; } cases[] = {
    { "12", TRUE, 1200 }, { "12.5", TRUE, 1250 }, { "12,50", TRUE, 1250 },
    { "0,05", TRUE, 5 }, { "1234567.89", TRUE, 123456789 }, { "12.", FALSE, 0 },
    { ",5", FALSE, 0 }, { "12.345", FALSE, 0 }, { "-3", FALSE, 0 }, { "1 000", FALSE, 0 },
    { "1e3", FALSE, 0 }, { "12,5,0", FALSE, 0 }, { "", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 cents = -1;

      g_assert_cmpint (escale_import_parse_amount (cases[i].text, &cents), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

/* A French locale, whose decimal mark is a comma, changes nothing. */
static void
test_amounts_locale (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *number = NULL, *csv = NULL, *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  gint64 person = add_person (store, "Garnier", &number);
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(GArray) ids = NULL;

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("The fr_FR.UTF-8 locale is not installed");
      return;
    }
  csv = g_strdup_printf ("file_number,date,type,amount\n"
                         "%s,2024-01-01,financial_aid,\"1234,56\"\n"
                         "%s,2024-01-02,financial_aid,20.5\n", number, number);
  report = import_text (store, escale_import_actions, csv, FALSE);
  setlocale (LC_NUMERIC, old);
  assert_no_problems (report);
  ids = person_actions (store, person);
  g_assert_cmpuint (ids->len, ==, 2);
  {
    g_autoptr(EscaleAction) second = load_action (store, ids, 0);
    g_autoptr(EscaleAction) first = load_action (store, ids, 1);

    g_assert_cmpint (escale_action_get_int (first, ESCALE_ACTION_FIELD_AMOUNT), ==, 123456);
    g_assert_cmpint (escale_action_get_int (second, ESCALE_ACTION_FIELD_AMOUNT), ==, 2050);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/action-import/programmes", test_programmes);
  g_test_add_func ("/action-import/programmes-bad", test_programmes_bad);
  g_test_add_func ("/action-import/enrolments", test_enrolments);
  g_test_add_func ("/action-import/actions", test_actions);
  g_test_add_func ("/action-import/actions-bad-rows", test_actions_bad_rows);
  g_test_add_func ("/action-import/actions-missing-column", test_actions_missing_column);
  g_test_add_func ("/action-import/actions-dry-run", test_actions_dry_run);
  g_test_add_func ("/action-import/amounts", test_amounts);
  g_test_add_func ("/action-import/amounts-locale", test_amounts_locale);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
