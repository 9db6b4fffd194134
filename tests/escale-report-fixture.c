/* escale-report-fixture.c — a database whose every report figure was counted by hand
 *
 * People (sex, birth, nationality, status, household):
 *   1 Amina   F 2010-06-15  SY  asylum seeker since 2025           household H1
 *   2 Bilal   M 1980 (year) AF  refugee 2024 → 2026-06-30, then
 *                               residence permit                   household H1
 *   3 Chloé   F unknown     FR  no status
 *   4 Dawit   M 2008-12-31  ER  undocumented (turns 18 on the last day)
 *   5 Elena   X 2008-02-29  UA  temporary protection (leap day)
 *   6 Farid   M 1990-03-01  MA  —
 *   7 Gulnaz  F 1950        AF  —
 *
 * Actions (done unless said; L = worker Léa, a volunteer):
 *   a1  Amina     2025-11-10 interview 60 min                (before the period)
 *   a2  H1        2026-02-03 accompaniment 90 min housing L  programme A
 *   a3  Bilal     2026-03-15 referral 30 min housing, accepted, "Foyer Soleil", A
 *   a4  Chloé     2026-03-20 financial aid 150.50 € 15 min material, worker Marc
 *   a5  Chloé     2026-04-02 referral 45 min health + rights, refused, "Hôpital" L
 *   a6  Dawit     2026-05-05 appointment, missed
 *   a7  Dawit     2026-06-01 appointment, planned
 *   a8  group     2026-09-09 workshop 120 min language L, A: Elena present,
 *                            Gulnaz (attendance not noted), Farid absent
 *   a9  Farid     2025-05-05 interview (before the period)
 *   a10 Farid     2026-10-10 appointment, missed
 *   a11 Elena     2027-01-05 interview (after the period)
 *   a12 Elena     2026-12-31 phone call 10 min, no theme L
 *   a13 Bilal     2026-01-01 referral 20 min employment, completed, "Pôle emploi", B
 *   a14 Chloé     2026-07-07 interview, cancelled
 *   a15 Amina     2026-12-31 financial aid 49.50 €, no duration, no theme
 *
 * So, for 2026: people followed 5 (Amina, Bilal, Chloé, Elena, Gulnaz);
 * new 4 (not Amina: a1); households 4 (H1, Chloé, Elena, Gulnaz); minors 1
 * (Amina; Elena is 18 since 28 February… 1 March, Chloé unknown); women 3,
 * men 1; actions done 8; hours 5.5 (330 min); referrals 3, accepted 2;
 * financial aid 200.00; missed 2.
 * Programme A only: followed 4 (Amina, Bilal, Elena, Gulnaz), new 4,
 * households 3, minors 1, women 2, men 1, actions 3, hours 4.0, referrals
 * 1, accepted 1, aid 0, missed 0.
 *
 * Enrolments: Amina in A 2025-09-01 → 2026-03-31 (housing), again from
 * 2026-06-01; Bilal in A 2026-02-01 → 2026-11-30 (employment); Gulnaz in A
 * 2024-01-01 → 2025-12-31 (moved); Chloé in B from 2026-12-31. Programme C
 * has none. A: target 10, enrolled 2, entries 2, exits 2 (housing 1,
 * employment 1), positive 2. B: enrolled 1, entries 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-report-fixture.h"
#include "escale-report-settings.h"
#include "escale-test-util.h"

static const char fixture_sql[] =
  "UPDATE person SET sex = 'F', birth_date = '2010-06-15', birth_precision = 'exact' WHERE id = 1;"
  "UPDATE person SET sex = 'M', birth_date = '1980-01-01', birth_precision = 'year' WHERE id = 2;"
  "UPDATE person SET sex = 'F' WHERE id = 3;"
  "UPDATE person SET sex = 'M', birth_date = '2008-12-31', birth_precision = 'exact' WHERE id = 4;"
  "UPDATE person SET sex = 'X', birth_date = '2008-02-29', birth_precision = 'exact' WHERE id = 5;"
  "UPDATE person SET sex = 'M', birth_date = '1990-03-01', birth_precision = 'exact' WHERE id = 6;"
  "UPDATE person SET sex = 'F', birth_date = '1950', birth_precision = 'year' WHERE id = 7;"
  "INSERT INTO person_nationality (person_id, country) VALUES (1, 'SY'), (2, 'AF'), (3, 'FR'),"
  " (4, 'ER'), (5, 'UA'), (6, 'MA'), (7, 'AF');"
  "INSERT INTO status_period (person_id, status, started_on, ended_on) VALUES"
  " (1, 'asylum_seeker', '2025-01-01', NULL), (2, 'refugee', '2024-01-01', '2026-06-30'),"
  " (2, 'residence_permit', '2026-07-01', NULL), (4, 'undocumented', '2023-05-01', NULL),"
  " (5, 'temporary_protection', '2022-04-01', NULL);"
  "INSERT INTO household (id, name) VALUES (1, 'H1');"
  "INSERT INTO household_member (household_id, person_id, role) VALUES (1, 2, 'head'),"
  " (1, 1, 'child');"
  "INSERT INTO programme (id, code, name, target_people) VALUES (1, 'A', 'Accueil', 10),"
  " (2, 'B', 'Bénévolat', NULL), (3, 'C', 'Culture', 5);"
  "INSERT INTO action (id, scope, person_id, household_id, date, duration_minutes, type, status,"
  " worker, programme_id, partner, referral_outcome, amount_cents) VALUES"
  " (1, 'person', 1, NULL, '2025-11-10', 60, 'interview', 'done', 'Marc', NULL, NULL, NULL, NULL),"
  " (2, 'household', NULL, 1, '2026-02-03', 90, 'accompaniment', 'done', 'Léa', 1, NULL, NULL, NULL),"
  " (3, 'person', 2, NULL, '2026-03-15', 30, 'referral', 'done', 'Marc', 1, 'Foyer Soleil', 'accepted', NULL),"
  " (4, 'person', 3, NULL, '2026-03-20', 15, 'financial_aid', 'done', 'Marc', NULL, NULL, NULL, 15050),"
  " (5, 'person', 3, NULL, '2026-04-02', 45, 'referral', 'done', 'Léa', NULL, 'Hôpital', 'refused', NULL),"
  " (6, 'person', 4, NULL, '2026-05-05', 30, 'appointment', 'missed', 'Marc', NULL, NULL, NULL, NULL),"
  " (7, 'person', 4, NULL, '2026-06-01', 30, 'appointment', 'planned', 'Marc', NULL, NULL, NULL, NULL),"
  " (8, 'group', NULL, NULL, '2026-09-09', 120, 'workshop', 'done', 'Léa', 1, NULL, NULL, NULL),"
  " (9, 'person', 6, NULL, '2025-05-05', 30, 'interview', 'done', 'Marc', NULL, NULL, NULL, NULL),"
  " (10, 'person', 6, NULL, '2026-10-10', 30, 'appointment', 'missed', 'Marc', NULL, NULL, NULL, NULL),"
  " (11, 'person', 5, NULL, '2027-01-05', 30, 'interview', 'done', 'Léa', NULL, NULL, NULL, NULL),"
  " (12, 'person', 5, NULL, '2026-12-31', 10, 'phone_call', 'done', 'Léa', NULL, NULL, NULL, NULL),"
  " (13, 'person', 2, NULL, '2026-01-01', 20, 'referral', 'done', 'Marc', 2, 'Pôle emploi', 'completed', NULL),"
  " (14, 'person', 3, NULL, '2026-07-07', 30, 'interview', 'cancelled', 'Marc', NULL, NULL, NULL, NULL),"
  " (15, 'person', 1, NULL, '2026-12-31', NULL, 'financial_aid', 'done', 'Marc', NULL, NULL, NULL, 4950);"
  "INSERT INTO action_theme (action_id, theme) VALUES (2, 'housing'), (3, 'housing'),"
  " (4, 'material'), (5, 'health'), (5, 'rights'), (8, 'language'), (13, 'employment');"
  "INSERT INTO action_participant (action_id, person_id, attended) VALUES (8, 5, 1), (8, 7, NULL),"
  " (8, 6, 0);"
  "INSERT INTO enrolment (id, person_id, programme_id, entry_date, exit_date, exit_reason) VALUES"
  " (1, 1, 1, '2025-09-01', '2026-03-31', 'housing'), (2, 1, 1, '2026-06-01', NULL, NULL),"
  " (3, 2, 1, '2026-02-01', '2026-11-30', 'employment'),"
  " (4, 7, 1, '2024-01-01', '2025-12-31', 'moved'), (5, 3, 2, '2026-12-31', NULL, NULL);"
  "INSERT INTO enrolment_situation (enrolment_id, moment, labour, education, housing) VALUES"
  " (1, 'entry', 'inactive', 'isced_0_2', 'hosted'), (2, 'entry', 'unemployed', NULL, NULL);"
  "INSERT INTO enrolment_situation (enrolment_id, moment, labour, education, housing, disability,"
  " homeless) VALUES (3, 'entry', 'unemployed', 'isced_3_4', 'asylum_reception', 'no', 'declined'),"
  " (3, 'exit', 'employed', NULL, 'own_or_rented', NULL, NULL);";

void
escale_report_fixture_fill (EscaleStore *store)
{
  static const char *const names[] = {
    "Haddad", "Rahimi", "Martin", "Tesfaye", "Kovalenko", "Benali", "Nazari",
  };
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpint (escale_test_add_person (store, names[i], NULL, NULL), ==, i + 1);
  escale_test_exec_printf (store, "%s", fixture_sql);

  g_free (settings->association);
  settings->association = g_strdup ("Escale Solidarité");
  g_strfreev (settings->volunteers);
  settings->volunteers = g_strsplit ("Léa", ",", -1);
  settings->valuation = ESCALE_VALUATION_CUSTOM;
  settings->hourly_rate_cents = 1500;
  g_assert_true (escale_report_settings_save (store, settings, &error));
  g_assert_no_error (error);
}

EscaleReport *
escale_report_fixture_build (EscaleStore          *store,
                             EscaleReportTemplate  template,
                             const char           *programme,
                             const char           *language,
                             gboolean              mask_small)
{
  g_autoptr(EscaleReportParams) params = escale_report_params_new (template, FIXTURE_FROM,
                                                                   FIXTURE_TO);
  g_autoptr(GError) error = NULL;
  EscaleReport *report;

  params->programme_code = g_strdup (programme);
  g_free (params->language);
  params->language = g_strdup (language);
  params->mask_small = mask_small;
  report = escale_report_build (store, params, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

EscaleReportCell *
escale_report_fixture_cell (EscaleReport *report,
                            const char   *sheet_name,
                            guint         table_index,
                            const char   *label,
                            guint         column)
{
  EscaleReportSheet *sheet = escale_report_find_sheet (report, sheet_name);
  EscaleReportTable *table;

  g_assert_nonnull (sheet);
  g_assert_cmpuint (table_index, <, sheet->tables->len);
  table = g_ptr_array_index (sheet->tables, table_index);
  g_assert_cmpuint (column, <, table->n_columns);
  for (guint i = 0; i < table->rows->len; i++)
    {
      EscaleReportCell *row = g_ptr_array_index (table->rows, i);

      if (g_strcmp0 (row[0].text, label) == 0)
        return &row[column];
    }
  return NULL;
}

double
escale_report_fixture_number (EscaleReport *report,
                              const char   *sheet,
                              guint         table,
                              const char   *label,
                              guint         column)
{
  EscaleReportCell *cell = escale_report_fixture_cell (report, sheet, table, label, column);

  if (cell == NULL)
    g_error ("No row “%s” in the sheet “%s”", label, sheet);
  return cell->number;
}
