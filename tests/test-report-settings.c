/* test-report-settings.c — the association's settings that reports use
 *
 * Defaults, a round trip through a reopened file, volunteers whose names
 * hold commas, quotes, line breaks or Arabic script, refusals that write
 * nothing, and the workers offered as volunteers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-report-settings.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

#define ARABIC_NAME "مريم الحداد"
#define QUOTED_NAME "Line\nbreak \"quoted\" \\ back"

static EscaleReportSettings *
load (EscaleStore *store)
{
  g_autoptr(GError) error = NULL;
  EscaleReportSettings *settings = escale_report_settings_load (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (settings);
  g_assert_nonnull (settings->volunteers);
  return settings;
}

static void
save (EscaleStore          *store,
      EscaleReportSettings *settings)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_report_settings_save (store, settings, &error));
  g_assert_no_error (error);
}

static void
set_volunteers (EscaleReportSettings *settings,
                const char * const   *names)
{
  g_strfreev (settings->volunteers);
  settings->volunteers = g_strdupv ((GStrv) names);
}

static gint64
count_report_keys (EscaleStore *store)
{
  g_autoptr(sqlite3_stmt) stmt =
    escale_store_prepare (store, "SELECT count (*) FROM setting WHERE key IN "
                                 "('association.name', 'report.volunteers', "
                                 "'report.valuation', 'report.hourly_rate_cents')", NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
assert_strv (GStrv               actual,
             const char * const *expected)
{
  g_assert_cmpuint (g_strv_length (actual), ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (actual[i], ==, expected[i]);
}

static void
test_defaults (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleReportSettings) settings = load (store);
  EscaleValuation valuation = ESCALE_VALUATION_CUSTOM;

  g_assert_cmpstr (settings->association, ==, "");
  g_assert_cmpuint (g_strv_length (settings->volunteers), ==, 0);
  g_assert_cmpint (settings->valuation, ==, ESCALE_VALUATION_MINIMUM_WAGE);
  g_assert_cmpint (settings->hourly_rate_cents, ==, 1202);

  /* The SMIC of 1 January 2026, with and without the estimated charges. */
  g_assert_cmpint (escale_valuation_default_rate (ESCALE_VALUATION_MINIMUM_WAGE), ==, 1202);
  g_assert_cmpint (escale_valuation_default_rate (ESCALE_VALUATION_MINIMUM_WAGE_CHARGED), ==,
                   1743);
  g_assert_cmpint (escale_valuation_default_rate (ESCALE_VALUATION_CUSTOM), ==, 1202);

  for (int i = ESCALE_VALUATION_MINIMUM_WAGE; i <= ESCALE_VALUATION_CUSTOM; i++)
    {
      g_assert_true (escale_valuation_from_code (escale_valuation_to_code (i), &valuation));
      g_assert_cmpint (valuation, ==, i);
      g_assert_nonnull (escale_valuation_msgid (i));
    }
  g_assert_cmpstr (escale_valuation_to_code (ESCALE_VALUATION_MINIMUM_WAGE_CHARGED), ==,
                   "minimum_wage_charged");
  g_assert_false (escale_valuation_from_code ("smic", &valuation));
  g_assert_false (escale_valuation_from_code (NULL, &valuation));

  /* Loading writes nothing. */
  g_assert_cmpint (count_report_keys (store), ==, 0);
}

static void
test_round_trip (void)
{
  g_autofree char *path = NULL;
  const char * const volunteers[] = {
    " Dupont, Marie ", ARABIC_NAME, "Amina", "Amina", "  ", QUOTED_NAME, NULL
  };
  const char * const kept[] = { "Dupont, Marie", ARABIC_NAME, "Amina", QUOTED_NAME, NULL };

  {
    g_autoptr(EscaleStore) store = escale_test_store_new ();
    g_autoptr(EscaleReportSettings) settings = escale_report_settings_new ();

    path = g_strdup (escale_store_get_path (store));
    g_free (settings->association);
    settings->association = g_strdup (" Accueil & Co ");
    set_volunteers (settings, volunteers);
    settings->valuation = ESCALE_VALUATION_CUSTOM;
    settings->hourly_rate_cents = 1550;
    save (store, settings);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);
    g_autoptr(EscaleReportSettings) settings = NULL;
    g_autofree char *raw = NULL;

    g_assert_no_error (error);
    settings = load (store);
    g_assert_cmpstr (settings->association, ==, "Accueil & Co");
    assert_strv (settings->volunteers, kept);
    g_assert_cmpint (settings->valuation, ==, ESCALE_VALUATION_CUSTOM);
    g_assert_cmpint (settings->hourly_rate_cents, ==, 1550);
    raw = escale_store_get_setting (store, "report.valuation");
    g_assert_cmpstr (raw, ==, "custom");

    /* A minimum wage method values hours at its own rate, whatever is asked. */
    settings->valuation = ESCALE_VALUATION_MINIMUM_WAGE_CHARGED;
    settings->hourly_rate_cents = 9999;
    save (store, settings);
    g_clear_pointer (&raw, g_free);
    raw = escale_store_get_setting (store, "report.hourly_rate_cents");
    g_assert_cmpstr (raw, ==, "1743");
    g_clear_pointer (&settings, escale_report_settings_free);
    settings = load (store);
    g_assert_cmpint (settings->valuation, ==, ESCALE_VALUATION_MINIMUM_WAGE_CHARGED);
    g_assert_cmpint (settings->hourly_rate_cents, ==, 1743);
    assert_strv (settings->volunteers, kept);

    /* No volunteer left, and no name. */
    set_volunteers (settings, (const char * const[]) { NULL });
    g_clear_pointer (&settings->association, g_free);
    save (store, settings);
    g_clear_pointer (&settings, escale_report_settings_free);
    settings = load (store);
    g_assert_cmpuint (g_strv_length (settings->volunteers), ==, 0);
    g_assert_cmpstr (settings->association, ==, "");
  }
}

/* The volunteers are kept as a JSON array that SQLite itself can read. */
static void
test_stored_as_json (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  set_volunteers (settings, (const char * const[]) { "Dupont, Marie", QUOTED_NAME, NULL });
  save (store, settings);
  stmt = escale_store_prepare (store, "SELECT json_array_length (value), value ->> '$[1]' "
                                      "FROM setting WHERE key = 'report.volunteers'", NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, QUOTED_NAME);
}

/* A list written by hand, one name a line, and values that make no sense. */
static void
test_hand_written (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleReportSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_set_setting (store, "report.volunteers",
                                           "Amina\n Dupont, Marie\n\n", &error));
  g_assert_true (escale_store_set_setting (store, "report.valuation", "from-the-future",
                                           &error));
  g_assert_true (escale_store_set_setting (store, "report.hourly_rate_cents", "-5", &error));
  g_assert_no_error (error);
  settings = load (store);
  assert_strv (settings->volunteers, (const char * const[]) { "Amina", "Dupont, Marie", NULL });
  g_assert_cmpint (settings->valuation, ==, ESCALE_VALUATION_MINIMUM_WAGE);
  g_assert_cmpint (settings->hourly_rate_cents, ==, 1202);

  /* A custom method with an unreadable rate falls back to the default. */
  g_assert_true (escale_store_set_setting (store, "report.valuation", "custom", &error));
  g_clear_pointer (&settings, escale_report_settings_free);
  settings = load (store);
  g_assert_cmpint (settings->valuation, ==, ESCALE_VALUATION_CUSTOM);
  g_assert_cmpint (settings->hourly_rate_cents, ==, 1202);
}

static void
test_refused (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_new ();
  g_autoptr(EscaleReportSettings) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* A negative rate on a fresh database: no key written. */
  g_free (settings->association);
  settings->association = g_strdup ("Accueil");
  set_volunteers (settings, (const char * const[]) { "Amina", NULL });
  settings->valuation = ESCALE_VALUATION_CUSTOM;
  settings->hourly_rate_cents = -1;
  g_assert_false (escale_report_settings_save (store, settings, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The hourly rate cannot be negative");
  g_assert_cmpint (count_report_keys (store), ==, 0);
  g_clear_error (&error);

  /* Over saved settings: they stay as they were. */
  settings->hourly_rate_cents = 1400;
  save (store, settings);
  g_free (settings->association);
  settings->association = g_strdup ("Another name");
  set_volunteers (settings, (const char * const[]) { "Bruno", NULL });
  settings->hourly_rate_cents = -1400;
  g_assert_false (escale_report_settings_save (store, settings, &error));
  g_clear_error (&error);
  loaded = load (store);
  g_assert_cmpstr (loaded->association, ==, "Accueil");
  assert_strv (loaded->volunteers, (const char * const[]) { "Amina", NULL });
  g_assert_cmpint (loaded->hourly_rate_cents, ==, 1400);

  /* A write that fails half-way leaves the earlier keys as they were: one
   * transaction. */
  escale_test_exec_printf (store, "CREATE TRIGGER refuse_rate BEFORE UPDATE ON setting "
                                  "WHEN NEW.key = 'report.hourly_rate_cents' "
                                  "BEGIN SELECT RAISE (ABORT, 'refused'); END");
  settings->hourly_rate_cents = 1500;
  g_assert_false (escale_report_settings_save (store, settings, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&loaded, escale_report_settings_free);
  loaded = load (store);
  g_assert_cmpstr (loaded->association, ==, "Accueil");
  assert_strv (loaded->volunteers, (const char * const[]) { "Amina", NULL });
  g_assert_cmpint (loaded->hourly_rate_cents, ==, 1400);
}

static void
add_action (EscaleStore *store,
            const char  *worker)
{
  g_autoptr(sqlite3_stmt) stmt =
    escale_store_prepare (store, "INSERT INTO action (scope, date, type, status, worker) "
                                 "VALUES ('group', '2025-03-01', 'interview', 'done', ?)", NULL);

  g_assert_nonnull (stmt);
  if (worker != NULL)
    sqlite3_bind_text (stmt, 1, worker, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
test_list_workers (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) none = escale_store_list_workers (store, &error);
  g_auto(GStrv) workers = NULL;
  const char * const added[] = {
    "Zoé", "amina", "Bruno", ARABIC_NAME, "Amina", "Bruno", "", "  ", "Dupont, Marie", NULL
  };

  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  for (guint i = 0; added[i] != NULL; i++)
    add_action (store, added[i]);
  add_action (store, NULL);
  workers = escale_store_list_workers (store, &error);
  g_assert_no_error (error);
  /* Each once, blanks left out, in the order of the locale (C.UTF-8 here). */
  assert_strv (workers, (const char * const[]) {
    "Amina", "Bruno", "Dupont, Marie", "Zoé", "amina", ARABIC_NAME, NULL
  });
}

int
main (int    argc,
      char **argv)
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/report-settings/defaults", test_defaults);
  g_test_add_func ("/report-settings/round-trip", test_round_trip);
  g_test_add_func ("/report-settings/stored-as-json", test_stored_as_json);
  g_test_add_func ("/report-settings/hand-written", test_hand_written);
  g_test_add_func ("/report-settings/refused", test_refused);
  g_test_add_func ("/report-settings/list-workers", test_list_workers);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
