/* test-date.c — dates as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-date.h"
#include "escale-test-util.h"

typedef struct
{
  const char          *text;
  const char          *iso;
  EscaleDatePrecision  precision;
} Accepted;

static void
test_parse_accepted (void)
{
  static const Accepted cases[] = {
    { "1990-03-14", "1990-03-14", ESCALE_DATE_EXACT },
    { "1990-3-4", "1990-03-04", ESCALE_DATE_EXACT },
    { "14/03/1990", "1990-03-14", ESCALE_DATE_EXACT },
    { "4/3/1990", "1990-03-04", ESCALE_DATE_EXACT },
    { "  14/03/1990\t", "1990-03-14", ESCALE_DATE_EXACT },
    { "2020-02-29", "2020-02-29", ESCALE_DATE_EXACT },
    { "29/02/2000", "2000-02-29", ESCALE_DATE_EXACT },
    { "1990-03", "1990-03-01", ESCALE_DATE_MONTH },
    { "1990-12", "1990-12-01", ESCALE_DATE_MONTH },
    { "03/1990", "1990-03-01", ESCALE_DATE_MONTH },
    { "3/1990", "1990-03-01", ESCALE_DATE_MONTH },
    { "1990", "1990-01-01", ESCALE_DATE_YEAR },
    { " 2001 ", "2001-01-01", ESCALE_DATE_YEAR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      EscaleDatePrecision precision = ESCALE_DATE_ESTIMATED;
      g_autofree char *iso = escale_date_parse (cases[i].text, &precision, &error);

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_cmpint (precision, ==, cases[i].precision);
    }
}

static void
test_parse_optional_precision (void)
{
  g_autofree char *iso = escale_date_parse ("1990", NULL, NULL);

  g_assert_cmpstr (iso, ==, "1990-01-01");
}

static void
assert_refused (const char *text,
                int         code)
{
  g_autoptr(GError) error = NULL;
  EscaleDatePrecision precision = ESCALE_DATE_ESTIMATED;
  g_autofree char *iso = escale_date_parse (text, &precision, &error);

  g_test_message ("refusing “%s”", text ? text : "(null)");
  g_assert_null (iso);
  g_assert_error (error, ESCALE_DATE_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  /* A refused date leaves the precision alone. */
  g_assert_cmpint (precision, ==, ESCALE_DATE_ESTIMATED);
}

static void
test_parse_impossible (void)
{
  static const char *const impossible[] = {
    "31/02/2020", "29/02/2021", "2021-02-29", "2020-13-01", "2020-00-10", "2020-01-00",
    "2020-04-31", "32/01/2020", "00/01/2020", "13/2020", "00/2020", "2020-13", "2020-00",
    "0000", "0000-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (impossible); i++)
    assert_refused (impossible[i], ESCALE_DATE_ERROR_INVALID);
}

static void
test_parse_garbage (void)
{
  static const char *const garbage[] = {
    "", "   ", "abc", "14-03-1990", "1990/03/14", "14.03.1990", "14 03 1990", "1990-03-14T10:00",
    "19900314", "90", "990", "19901", "+1990", "-1990", "1990-", "-03-14",
    "1990--14", "14//1990", "14/03/90", "14/03/1990/1", "1990-03-14-01", "1990-003-14",
    "1990-03-140", "1990-٠٣-١٤", "１９９０", "quatorze mars", "1990-O3-14", "/", "-",
  };

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = escale_date_parse (garbage[i], NULL, &error);

      g_test_message ("refusing “%s”", garbage[i]);
      g_assert_null (iso);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ESCALE_DATE_ERROR);
    }
  assert_refused (NULL, ESCALE_DATE_ERROR_FORMAT);
  assert_refused ("abc", ESCALE_DATE_ERROR_FORMAT);
  assert_refused ("14.03.1990", ESCALE_DATE_ERROR_FORMAT);
}

static void
test_to_gdate (void)
{
  g_autoptr(GDate) date = escale_date_to_gdate ("1990-03-14");
  g_autoptr(GDate) bad = escale_date_to_gdate ("1990-02-30");

  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_year (date), ==, 1990);
  g_assert_cmpint (g_date_get_month (date), ==, 3);
  g_assert_cmpint (g_date_get_day (date), ==, 14);
  g_assert_null (bad);
  g_assert_null (escale_date_to_gdate (NULL));
  g_assert_null (escale_date_to_gdate ("garbage"));
}

/* Signs and spaces are no digits: fuzz-date found "-999-01-01" read as the
 * year 64537, which the person store then accepted as a birth date. */
static void
test_to_gdate_digits_only (void)
{
  static const char *const not_dates[] = {
    "-999-01-01", "+999-01-01", " 990-01-01", "1990-+3-14", "1990- 3-14", "1990-03--1",
  };
  g_autoptr(GDate) short_parts = escale_date_to_gdate ("990-3-4");
  g_autoptr(GDate) timestamp = escale_date_to_gdate ("1990-03-14 10:30:00");

  for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
    {
      g_autoptr(GDate) date = escale_date_to_gdate (not_dates[i]);

      if (date != NULL)
        g_test_message ("%s read as %u-%u-%u", not_dates[i], g_date_get_year (date),
                        g_date_get_month (date), g_date_get_day (date));
      g_assert_null (date);
    }
  /* What it read before stays read. */
  g_assert_nonnull (short_parts);
  g_assert_cmpint (g_date_get_year (short_parts), ==, 990);
  g_assert_nonnull (timestamp);
  g_assert_cmpint (g_date_get_day (timestamp), ==, 14);
}

static void
test_today (void)
{
  g_autofree char *today = escale_date_today ();
  g_autoptr(GDate) date = escale_date_to_gdate (today);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert_cmpuint (strlen (today), ==, 10);
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_year (date), ==, g_date_time_get_year (now));
}

static int
age_of (const char *typed,
        const char *on)
{
  g_autofree char *birth = escale_date_parse (typed, NULL, NULL);

  g_assert_nonnull (birth);
  return escale_date_age_on (birth, on);
}

static void
test_age (void)
{
  g_assert_cmpint (escale_date_age_on ("1990-03-14", "2020-03-13"), ==, 29);
  g_assert_cmpint (escale_date_age_on ("1990-03-14", "2020-03-14"), ==, 30);
  g_assert_cmpint (escale_date_age_on ("1990-03-14", "2020-02-20"), ==, 29);
  g_assert_cmpint (escale_date_age_on ("1990-03-14", "2020-04-01"), ==, 30);
  g_assert_cmpint (escale_date_age_on ("1990-03-14", "1990-03-14"), ==, 0);
  /* Born on 29 February: a year older on 1 March in common years. */
  g_assert_cmpint (escale_date_age_on ("2000-02-29", "2001-02-28"), ==, 0);
  g_assert_cmpint (escale_date_age_on ("2000-02-29", "2001-03-01"), ==, 1);
  g_assert_cmpint (escale_date_age_on ("2000-02-29", "2004-02-29"), ==, 4);
  /* Unknown dates. */
  g_assert_cmpint (escale_date_age_on (NULL, "2020-01-01"), ==, -1);
  g_assert_cmpint (escale_date_age_on ("1990-03-14", NULL), ==, -1);
  g_assert_cmpint (escale_date_age_on ("1990", "2020-01-01"), ==, -1);
  g_assert_cmpint (escale_date_age_on ("1990-02-30", "2020-01-01"), ==, -1);
}

static void
test_age_imprecise (void)
{
  /* A year-only birth date counts as 1 January. */
  g_assert_cmpint (age_of ("1990", "2019-12-31"), ==, 29);
  g_assert_cmpint (age_of ("1990", "2020-01-01"), ==, 30);
  g_assert_cmpint (age_of ("1990", "1990-12-31"), ==, 0);
  /* A month-only one as the first of the month. */
  g_assert_cmpint (age_of ("03/1990", "2020-02-29"), ==, 29);
  g_assert_cmpint (age_of ("03/1990", "2020-03-01"), ==, 30);
  g_assert_cmpint (age_of ("1990-12", "2020-11-30"), ==, 29);
  g_assert_cmpint (age_of ("1990-12", "2020-12-01"), ==, 30);
}

static void
test_format (void)
{
  static const struct {
    const char          *iso;
    EscaleDatePrecision  precision;
    const char          *text;
  } cases[] = {
    { "1990-03-14", ESCALE_DATE_EXACT, "14/03/1990" },
    { "1990-03-01", ESCALE_DATE_MONTH, "03/1990" },
    { "1990-01-01", ESCALE_DATE_YEAR, "1990" },
    { "1990-01-01", ESCALE_DATE_ESTIMATED, "c. 1990" },
    { "0990-01-01", ESCALE_DATE_YEAR, "0990" },
    { NULL, ESCALE_DATE_EXACT, "" },
    { "not a date", ESCALE_DATE_EXACT, "" },
    { "1990-02-30", ESCALE_DATE_MONTH, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = escale_date_format (cases[i].iso, cases[i].precision);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_round_trip (void)
{
  static const char *const typed[] = {
    "14/03/1990", "03/1990", "1990",
    /* Years before 1000 keep their four digits (fuzz-date found 0001-01-01 shown as 01/01/1). */
    "01/05/0990", "05/0990", "0990", "01/01/0001",
  };

  /* What is shown can be typed back. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      EscaleDatePrecision precision;
      g_autofree char *iso = escale_date_parse (typed[i], &precision, NULL);
      g_autofree char *text = escale_date_format (iso, precision);

      g_assert_cmpstr (text, ==, typed[i]);
    }
}

static void
test_precision_codes (void)
{
  for (EscaleDatePrecision p = ESCALE_DATE_EXACT; p <= ESCALE_DATE_ESTIMATED; p++)
    g_assert_cmpint (escale_date_precision_from_code (escale_date_precision_to_code (p)), ==, p);
  g_assert_cmpstr (escale_date_precision_to_code (ESCALE_DATE_MONTH), ==, "month");
  g_assert_cmpstr (escale_date_precision_to_code (ESCALE_DATE_ESTIMATED), ==, "estimated");
  g_assert_cmpint (escale_date_precision_from_code (NULL), ==, ESCALE_DATE_EXACT);
  g_assert_cmpint (escale_date_precision_from_code ("nonsense"), ==, ESCALE_DATE_EXACT);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);

  g_test_add_func ("/date/parse/accepted", test_parse_accepted);
  g_test_add_func ("/date/parse/optional-precision", test_parse_optional_precision);
  g_test_add_func ("/date/parse/impossible", test_parse_impossible);
  g_test_add_func ("/date/parse/garbage", test_parse_garbage);
  g_test_add_func ("/date/to-gdate", test_to_gdate);
  g_test_add_func ("/date/to-gdate/digits-only", test_to_gdate_digits_only);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/age", test_age);
  g_test_add_func ("/date/age-imprecise", test_age_imprecise);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/format-round-trip", test_format_round_trip);
  g_test_add_func ("/date/precision-codes", test_precision_codes);

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
