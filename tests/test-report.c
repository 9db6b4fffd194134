/* test-report.c — the reports' figures against a hand-counted fixture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-report-fixture.h"
#include "escale-report.h"
#include "escale-store.h"
#include "escale-test-util.h"

static void
compute (EscaleStore          *store,
         const char           *from,
         const char           *to,
         const char           *programme,
         EscaleReportFigures  *figures)
{
  g_autoptr(EscaleReportParams) params = escale_report_params_new (ESCALE_REPORT_ACTIVITY,
                                                                   from, to);
  g_autoptr(GError) error = NULL;

  params->programme_code = g_strdup (programme);
  g_assert_true (escale_report_compute_figures (store, params, figures, &error));
  g_assert_no_error (error);
}

static void
test_year (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  EscaleReportFigures f;

  escale_report_fixture_fill (store);
  compute (store, FIXTURE_FROM, FIXTURE_TO, NULL, &f);
  g_assert_cmpuint (f.people, ==, 5);
  g_assert_cmpuint (f.new_people, ==, 4);
  g_assert_cmpuint (f.households, ==, 4);
  g_assert_cmpuint (f.minors, ==, 1);
  g_assert_cmpuint (f.women, ==, 3);
  g_assert_cmpuint (f.men, ==, 1);
  g_assert_cmpuint (f.actions_done, ==, 8);
  g_assert_cmpint (f.minutes, ==, 330);
  g_assert_cmpfloat (escale_report_hours (f.minutes), ==, 5.5);
  g_assert_cmpuint (f.referrals, ==, 3);
  g_assert_cmpuint (f.referrals_accepted, ==, 2);
  g_assert_cmpint (f.aid_cents, ==, 20000);
  g_assert_cmpuint (f.missed, ==, 2);
}

static void
test_programme (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  EscaleReportFigures f;

  escale_report_fixture_fill (store);
  compute (store, FIXTURE_FROM, FIXTURE_TO, "A", &f);
  g_assert_cmpuint (f.people, ==, 4);
  g_assert_cmpuint (f.new_people, ==, 4);
  g_assert_cmpuint (f.households, ==, 3);
  g_assert_cmpuint (f.minors, ==, 1);
  g_assert_cmpuint (f.women, ==, 2);
  g_assert_cmpuint (f.men, ==, 1);
  g_assert_cmpuint (f.actions_done, ==, 3);
  g_assert_cmpfloat (escale_report_hours (f.minutes), ==, 4.0);
  g_assert_cmpuint (f.referrals, ==, 1);
  g_assert_cmpuint (f.referrals_accepted, ==, 1);
  g_assert_cmpint (f.aid_cents, ==, 0);
  g_assert_cmpuint (f.missed, ==, 0);

  /* A programme with no action: nothing. */
  compute (store, FIXTURE_FROM, FIXTURE_TO, "C", &f);
  g_assert_cmpuint (f.people, ==, 0);
  g_assert_cmpuint (f.actions_done, ==, 0);
}

static void
test_edges (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  EscaleReportFigures f;

  escale_report_fixture_fill (store);
  /* An empty period. */
  compute (store, "2030-01-01", "2030-12-31", NULL, &f);
  g_assert_cmpuint (f.people + f.new_people + f.households + f.actions_done + f.missed, ==, 0);
  g_assert_cmpint (f.minutes + f.aid_cents, ==, 0);

  /* One day, one person: the period's last day is included. */
  compute (store, "2026-12-31", "2026-12-31", NULL, &f);
  g_assert_cmpuint (f.people, ==, 2);         /* Elena, Amina */
  g_assert_cmpuint (f.new_people, ==, 0);     /* both seen before */
  g_assert_cmpint (f.aid_cents, ==, 4950);
  compute (store, "2026-09-09", "2026-09-09", NULL, &f);
  g_assert_cmpuint (f.people, ==, 2);         /* Elena, Gulnaz; Farid was absent */
  g_assert_cmpuint (f.actions_done, ==, 1);   /* one session, whoever came */

  /* Elena, born on 29 February 2008, is 17 until 1 March 2026. */
  escale_test_exec_printf (store, "INSERT INTO action (scope, person_id, date, type, status) "
                           "VALUES ('person', %d, '2026-02-28', 'interview', 'done')", ELENA);
  compute (store, "2026-02-01", "2026-02-28", NULL, &f);
  g_assert_cmpuint (f.minors, ==, 2);         /* Amina and Elena */
  compute (store, "2026-02-01", "2026-03-01", NULL, &f);
  g_assert_cmpuint (f.minors, ==, 1);

  /* Unknown birth dates are not minors; a year-only date is 1 January. */
  escale_test_exec_printf (store, "UPDATE person SET birth_date = '2009' WHERE id = %d", CHLOE);
  compute (store, FIXTURE_FROM, FIXTURE_TO, NULL, &f);
  g_assert_cmpuint (f.minors, ==, 2);         /* Chloé is 17 on 31 December */
  compute (store, "2025-01-01", "2026-01-01", NULL, &f);
  g_assert_cmpuint (f.minors, ==, 1);         /* Bilal, Amina seen; Chloé not */
}

static void
test_bad_params (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  struct
  {
    EscaleReportTemplate template;
    const char *from, *to, *programme, *language;
  } cases[] = {
    { ESCALE_REPORT_ACTIVITY, "2026-13-01", "2026-12-31", NULL, "en" },
    { ESCALE_REPORT_ACTIVITY, "2026-01-01", "31/12/2026", NULL, "en" },
    { ESCALE_REPORT_ACTIVITY, "2026-12-31", "2026-01-01", NULL, "en" },
    { ESCALE_REPORT_ACTIVITY, "2026-01-01", "2026-12-31", "NOPE", "en" },
    { ESCALE_REPORT_PARTICIPANTS, "2026-01-01", "2026-12-31", NULL, "en" },
    { ESCALE_REPORT_ACTIVITY, "2026-01-01", "2026-12-31", NULL, "xx" },
  };

  escale_report_fixture_fill (store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EscaleReportParams) params = escale_report_params_new (cases[i].template,
                                                                       cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(EscaleReport) report = NULL;

      params->programme_code = g_strdup (cases[i].programme);
      g_free (params->language);
      params->language = g_strdup (cases[i].language);
      report = escale_report_build (store, params, NULL, &error);
      g_assert_null (report);
      g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
    }
}

#define NUMBER(sheet, table, label, column) \
  escale_report_fixture_number (report, sheet, table, label, column)

static void
test_summary_and_breakdowns (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleReport) report = NULL;
  static const char *const sheets[] = {
    "Summary", "By sex and age", "By nationality", "By status", "By theme",
    "Referrals by partner", "Monthly", "Programmes", "Volunteering", "Parameters",
  };
  static const char *const labels[] = {
    "People followed", "New people", "Households", "Minors", "Women", "Men", "Actions done",
    "Hours of follow-up", "Referrals", "Referrals accepted", "Financial aid (EUR)",
    "Missed appointments",
  };
  static const double values[] = { 5, 4, 4, 1, 3, 1, 8, 5.5, 3, 2, 200, 2 };
  EscaleReportTable *table;

  escale_report_fixture_fill (store);
  report = escale_report_fixture_build (store, ESCALE_REPORT_ACTIVITY, NULL, "en", FALSE);
  g_assert_cmpuint (report->sheets->len, ==, G_N_ELEMENTS (sheets));
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    g_assert_cmpstr (((EscaleReportSheet *) g_ptr_array_index (report->sheets, i))->name, ==,
                     sheets[i]);
  g_assert_cmpstr (report->author, ==, "Escale Solidarité");

  /* The Summary: the indicators in order, in columns A and B. */
  table = g_ptr_array_index (escale_report_find_sheet (report, "Summary")->tables, 0);
  g_assert_cmpuint (table->rows->len, ==, G_N_ELEMENTS (labels));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      EscaleReportCell *row = g_ptr_array_index (table->rows, i);

      g_assert_cmpstr (row[0].text, ==, labels[i]);
      g_assert_cmpfloat (row[1].number, ==, values[i]);
    }

  /* Sex × age: Amina F 0-17, Bilal M 45-54, Chloé F unknown, Elena X
   * 18-24, Gulnaz F 65+. */
  g_assert_cmpfloat (NUMBER ("By sex and age", 0, "0-17", 1), ==, 1);
  g_assert_cmpfloat (NUMBER ("By sex and age", 0, "45-54", 2), ==, 1);
  g_assert_cmpfloat (NUMBER ("By sex and age", 0, "Unknown", 1), ==, 1);
  g_assert_cmpfloat (NUMBER ("By sex and age", 0, "18-24", 3), ==, 1);
  g_assert_cmpfloat (NUMBER ("By sex and age", 0, "65+", 1), ==, 1);
  g_assert_cmpfloat (NUMBER ("By sex and age", 0, "25-34", 1), ==, 0);
  table = g_ptr_array_index (escale_report_find_sheet (report, "By sex and age")->tables, 0);
  g_assert_cmpfloat (escale_report_table_sum (table, 1), ==, 3);
  g_assert_true (table->total_row && table->total_column);

  g_assert_cmpfloat (NUMBER ("By nationality", 0, "Afghanistan", 1), ==, 2);
  g_assert_cmpfloat (NUMBER ("By nationality", 0, "France", 1), ==, 1);
  g_assert_null (escale_report_fixture_cell (report, "By nationality", 0, "Morocco", 1));
  g_assert_cmpfloat (NUMBER ("By status", 0, "Unknown", 1), ==, 2);   /* Chloé, Gulnaz */
  g_assert_cmpfloat (NUMBER ("By status", 0, "Residence permit", 1), ==, 1);
  g_assert_null (escale_report_fixture_cell (report, "By status", 0, "Refugee", 1));

  g_assert_cmpfloat (NUMBER ("By theme", 0, "Housing", 1), ==, 2);
  g_assert_cmpfloat (NUMBER ("By theme", 0, "Housing", 2), ==, 2.0);
  g_assert_cmpfloat (NUMBER ("By theme", 0, "Health", 2), ==, 0.8);
  g_assert_cmpfloat (NUMBER ("By theme", 0, "No theme", 1), ==, 2);
  g_assert_cmpfloat (NUMBER ("By theme", 0, "No theme", 2), ==, 0.2);

  /* Referrals: columns pending, no answer, accepted, refused, completed, abandoned. */
  g_assert_cmpfloat (NUMBER ("Referrals by partner", 0, "Foyer Soleil", 3), ==, 1);
  g_assert_cmpfloat (NUMBER ("Referrals by partner", 0, "Hôpital", 4), ==, 1);
  g_assert_cmpfloat (NUMBER ("Referrals by partner", 0, "Pôle emploi", 5), ==, 1);
  g_assert_cmpfloat (NUMBER ("Referrals by partner", 0, "Pôle emploi", 3), ==, 0);

  /* Monthly: people, actions, hours. */
  g_assert_cmpfloat (NUMBER ("Monthly", 0, "February 2026", 1), ==, 2);
  g_assert_cmpfloat (NUMBER ("Monthly", 0, "February 2026", 2), ==, 1);
  g_assert_cmpfloat (NUMBER ("Monthly", 0, "March 2026", 1), ==, 2);
  g_assert_cmpfloat (NUMBER ("Monthly", 0, "March 2026", 2), ==, 2);
  g_assert_cmpfloat (NUMBER ("Monthly", 0, "September 2026", 1), ==, 2);
  g_assert_cmpfloat (NUMBER ("Monthly", 0, "December 2026", 2), ==, 2);
  g_assert_cmpfloat (NUMBER ("Monthly", 0, "August 2026", 1), ==, 0);
  table = g_ptr_array_index (escale_report_find_sheet (report, "Monthly")->tables, 0);
  g_assert_cmpuint (table->rows->len, ==, 12);
  g_assert_cmpint (table->chart, ==, ESCALE_CHART_COLUMN);
}

static void
test_programmes_and_volunteering (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleReport) report = NULL;
  EscaleReportTable *table;
  EscaleReportCell *row;

  escale_report_fixture_fill (store);
  report = escale_report_fixture_build (store, ESCALE_REPORT_ACTIVITY, NULL, "en", FALSE);
  /* Programme, Target, People enrolled, Entries, Exits, by reason…, Positive exits. */
  table = g_ptr_array_index (escale_report_find_sheet (report, "Programmes")->tables, 0);
  g_assert_cmpuint (table->rows->len, ==, 3);
  row = escale_report_fixture_cell (report, "Programmes", 0, "Accueil", 0);
  g_assert_cmpfloat (row[1].number, ==, 10);
  g_assert_cmpfloat (row[2].number, ==, 2);
  g_assert_cmpfloat (row[3].number, ==, 2);
  g_assert_cmpfloat (row[4].number, ==, 2);
  g_assert_cmpfloat (row[table->n_columns - 1].number, ==, 2);
  for (guint i = 5; i < table->n_columns - 1; i++)
    if (g_str_equal (table->headers[i], "Exits: Housing") ||
        g_str_equal (table->headers[i], "Exits: Employment"))
      g_assert_cmpfloat (row[i].number, ==, 1);
    else
      g_assert_cmpfloat (row[i].number, ==, 0);
  row = escale_report_fixture_cell (report, "Programmes", 0, "Bénévolat", 0);
  g_assert_cmpint (row[1].kind, ==, ESCALE_CELL_EMPTY);     /* no target */
  g_assert_cmpfloat (row[2].number, ==, 1);
  row = escale_report_fixture_cell (report, "Programmes", 0, "Culture", 0);
  g_assert_cmpfloat (row[2].number + row[3].number + row[4].number, ==, 0);

  /* Léa: February 1.5 h, April 0.8, September 2.0, December 0.2. */
  g_assert_cmpfloat (NUMBER ("Volunteering", 0, "Léa", 2), ==, 1.5);
  g_assert_cmpfloat (NUMBER ("Volunteering", 0, "Léa", 4), ==, 0.8);
  g_assert_cmpfloat (NUMBER ("Volunteering", 0, "Léa", 9), ==, 2.0);
  g_assert_cmpfloat (NUMBER ("Volunteering", 0, "Léa", 12), ==, 0.2);
  g_assert_null (escale_report_fixture_cell (report, "Volunteering", 0, "Marc", 1));
  /* 4.5 h at 15 € on both lines. */
  g_assert_cmpfloat (NUMBER ("Volunteering", 1, "86", 2), ==, 4.5);
  g_assert_cmpfloat (NUMBER ("Volunteering", 1, "86", 4), ==, 67.5);
  g_assert_cmpfloat (NUMBER ("Volunteering", 1, "87", 4), ==, 67.5);
}

static void
test_participants (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleReport) report = NULL;
  g_autoptr(EscaleReport) again = NULL;
  EscaleReportTable *table, *table_again;
  EscaleReportCell *amina, *bilal;

  escale_report_fixture_fill (store);
  report = escale_report_fixture_build (store, ESCALE_REPORT_PARTICIPANTS, "A", "en", FALSE);
  g_assert_cmpuint (report->sheets->len, ==, 2);
  table = g_ptr_array_index (escale_report_find_sheet (report, "Participants")->tables, 0);
  /* Amina (first entry 2025-09-01) and Bilal; not Gulnaz, out before 2026. */
  g_assert_cmpuint (table->rows->len, ==, 2);
  amina = g_ptr_array_index (table->rows, 0);
  bilal = g_ptr_array_index (table->rows, 1);
  g_assert_true (g_str_has_prefix (amina[0].text, "P-"));
  g_assert_cmpuint (strlen (amina[0].text), ==, 12);
  g_assert_cmpstr (amina[0].text, !=, bilal[0].text);
  g_assert_cmpstr (amina[1].text, ==, "Woman");
  g_assert_cmpfloat (amina[2].number, ==, 15);
  g_assert_cmpstr (amina[3].text, ==, "Under 18");
  g_assert_cmpstr (amina[4].text, ==, "Third country");
  g_assert_cmpstr (amina[5].text, ==, "Asylum seeker");
  /* The first entry's situation, not the re-entry's. */
  g_assert_cmpstr (amina[6].text, ==, "Inactive");
  g_assert_cmpstr (amina[8].text, ==, "Hosted by a third party");
  g_assert_cmpint (amina[11].kind, ==, ESCALE_CELL_EMPTY);
  g_assert_cmpstr (amina[16].text, ==, "2025-09-01");
  g_assert_cmpint (amina[17].kind, ==, ESCALE_CELL_EMPTY);   /* still enrolled */
  g_assert_cmpfloat (amina[19].number, ==, 1);               /* a2 */
  g_assert_cmpfloat (amina[20].number, ==, 1.5);

  g_assert_cmpstr (bilal[1].text, ==, "Man");
  g_assert_cmpfloat (bilal[2].number, ==, 46);
  g_assert_cmpstr (bilal[3].text, ==, "30-54");
  g_assert_cmpstr (bilal[5].text, ==, "Refugee");
  g_assert_cmpstr (bilal[9].text, ==, "No");
  g_assert_cmpstr (bilal[10].text, ==, "Declined to answer");
  g_assert_cmpstr (bilal[11].text, ==, "Employed");
  g_assert_cmpstr (bilal[13].text, ==, "Own or rented housing");
  g_assert_cmpstr (bilal[17].text, ==, "2026-11-30");
  g_assert_cmpstr (bilal[18].text, ==, "Employment");
  g_assert_cmpfloat (bilal[19].number, ==, 2);               /* a2, a3 */
  g_assert_cmpfloat (bilal[20].number, ==, 2.0);

  /* The ids are stable from one report to the next, and differ per programme. */
  again = escale_report_fixture_build (store, ESCALE_REPORT_PARTICIPANTS, "A", "en", FALSE);
  table_again = g_ptr_array_index (escale_report_find_sheet (again, "Participants")->tables, 0);
  g_assert_cmpstr (((EscaleReportCell *) g_ptr_array_index (table_again->rows, 0))[0].text, ==,
                   amina[0].text);
  g_clear_pointer (&again, escale_report_free);
  again = escale_report_fixture_build (store, ESCALE_REPORT_PARTICIPANTS, "B", "en", FALSE);
  table_again = g_ptr_array_index (escale_report_find_sheet (again, "Participants")->tables, 0);
  g_assert_cmpuint (table_again->rows->len, ==, 1);          /* Chloé, on the last day */
  g_assert_cmpstr (((EscaleReportCell *) g_ptr_array_index (table_again->rows, 0))[0].text, !=,
                   amina[0].text);
  /* A programme with no enrolment: an empty table, not an error. */
  g_clear_pointer (&again, escale_report_free);
  again = escale_report_fixture_build (store, ESCALE_REPORT_PARTICIPANTS, "C", "en", FALSE);
  table_again = g_ptr_array_index (escale_report_find_sheet (again, "Participants")->tables, 0);
  g_assert_cmpuint (table_again->rows->len, ==, 0);
}

static void
test_masking (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleReport) report = NULL;
  EscaleReportTable *table;
  EscaleReportCell *cell;
  g_autofree char *shown = NULL;

  escale_report_fixture_fill (store);
  report = escale_report_fixture_build (store, ESCALE_REPORT_ACTIVITY, NULL, "en", TRUE);
  table = g_ptr_array_index (escale_report_find_sheet (report, "By sex and age")->tables, 0);
  cell = escale_report_fixture_cell (report, "By sex and age", 0, "0-17", 1);
  g_assert_true (escale_report_cell_is_masked (table, cell));
  shown = escale_report_cell_format (table, cell);
  g_assert_cmpstr (shown, ==, "<5");
  cell = escale_report_fixture_cell (report, "By sex and age", 0, "25-34", 1);
  g_assert_false (escale_report_cell_is_masked (table, cell));   /* 0 is shown */
  /* Every breakdown of people is masked; the Summary is not. */
  for (guint i = 1; i < 8; i++)
    {
      EscaleReportSheet *sheet = g_ptr_array_index (report->sheets, i);

      if (!g_str_equal (sheet->name, "By theme"))
        g_assert_true (((EscaleReportTable *) g_ptr_array_index (sheet->tables, 0))->masked);
    }
  table = g_ptr_array_index (escale_report_find_sheet (report, "Summary")->tables, 0);
  g_assert_false (table->masked);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/report/year", test_year);
  g_test_add_func ("/report/programme", test_programme);
  g_test_add_func ("/report/edges", test_edges);
  g_test_add_func ("/report/bad-params", test_bad_params);
  g_test_add_func ("/report/summary-and-breakdowns", test_summary_and_breakdowns);
  g_test_add_func ("/report/programmes-and-volunteering", test_programmes_and_volunteering);
  g_test_add_func ("/report/participants", test_participants);
  g_test_add_func ("/report/masking", test_masking);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
