/* escale-date.c — dates as people type them, and as the store keeps them
 *
 * The store keeps full ISO dates (YYYY-MM-DD). A date known only to the
 * month or the year is kept as the first day of that month or year, with
 * its precision beside it: that is also the date used to compute ages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "escale-date.h"

G_DEFINE_QUARK (escale-date-error-quark, escale_date_error)

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* Splits "a<sep>b<sep>c" into digit-only parts; returns the number of parts. */
static int
split_numbers (const char *text,
               char        sep,
               guint       values[3],
               gsize       lengths[3])
{
  int n = 0;
  const char *p = text;

  while (n < 3)
    {
      const char *end = strchr (p, sep);
      gsize len = end ? (gsize) (end - p) : strlen (p);

      if (len == 0 || len > 4 || !all_digits (p, len))
        return -1;
      values[n] = (guint) g_ascii_strtoull (p, NULL, 10);
      lengths[n] = len;
      n++;
      if (end == NULL)
        return n;
      p = end + 1;
    }
  return -1;
}

static char *
make_iso (guint                 year,
          guint                 month,
          guint                 day,
          EscaleDatePrecision   precision,
          EscaleDatePrecision  *precision_out,
          GError              **error)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error_literal (error, ESCALE_DATE_ERROR, ESCALE_DATE_ERROR_INVALID,
                           _("This date does not exist"));
      return NULL;
    }
  if (precision_out != NULL)
    *precision_out = precision;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/**
 * escale_date_parse:
 * @text: YYYY-MM-DD, DD/MM/YYYY, YYYY-MM, MM/YYYY or YYYY
 * @precision: (out) (optional): how precise the date is
 *
 * Returns: (transfer full) (nullable): the ISO date, the first day of the
 *   month or year when only those are given; %NULL with @error set when
 *   @text is not a date
 */
char *
escale_date_parse (const char           *text,
                   EscaleDatePrecision  *precision,
                   GError              **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));
  guint v[3];
  gsize len[3];
  int n;

  if (strchr (s, '-') != NULL)
    {
      n = split_numbers (s, '-', v, len);
      if (n == 3 && len[0] == 4 && len[1] <= 2 && len[2] <= 2)
        return make_iso (v[0], v[1], v[2], ESCALE_DATE_EXACT, precision, error);
      if (n == 2 && len[0] == 4 && len[1] <= 2)
        return make_iso (v[0], v[1], 1, ESCALE_DATE_MONTH, precision, error);
    }
  else if (strchr (s, '/') != NULL)
    {
      n = split_numbers (s, '/', v, len);
      if (n == 3 && len[0] <= 2 && len[1] <= 2 && len[2] == 4)
        return make_iso (v[2], v[1], v[0], ESCALE_DATE_EXACT, precision, error);
      if (n == 2 && len[0] <= 2 && len[1] == 4)
        return make_iso (v[1], v[0], 1, ESCALE_DATE_MONTH, precision, error);
    }
  else if (strlen (s) == 4 && all_digits (s, 4))
    return make_iso ((guint) atoi (s), 1, 1, ESCALE_DATE_YEAR, precision, error);

  g_set_error_literal (error, ESCALE_DATE_ERROR, ESCALE_DATE_ERROR_FORMAT,
                       /* Translators: the formats must stay as they are */
                       _("Not a date: write it as DD/MM/YYYY, YYYY-MM-DD, MM/YYYY or YYYY"));
  return NULL;
}

/* Reads one to @max digits at *@p, and moves past them; not sscanf()'s
 * %u, which takes signs and spaces too ("-999" is 4294966297). */
static gboolean
read_digits (const char **p,
             guint        max,
             guint       *value)
{
  guint n = 0;

  for (*value = 0; n < max && g_ascii_isdigit (**p); n++, (*p)++)
    *value = *value * 10 + (guint) (**p - '0');
  return n > 0;
}

/**
 * escale_date_to_gdate:
 *
 * Returns: (transfer full) (nullable): the date @iso starts with (Y-M-D,
 *   up to 4, 2 and 2 digits) as a #GDate, or %NULL
 */
GDate *
escale_date_to_gdate (const char *iso)
{
  const char *p = iso;
  guint y, m, d;

  if (iso == NULL || !read_digits (&p, 4, &y) || *p++ != '-' || !read_digits (&p, 2, &m) ||
      *p++ != '-' || !read_digits (&p, 2, &d) || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

/* Called for every date validated: localtime_r() does not look for the
 * time zone file again, as g_date_time_new_now_local() does. */
char *
escale_date_today (void)
{
  time_t now = time (NULL);
  struct tm tm;

  localtime_r (&now, &tm);
  return g_strdup_printf ("%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/**
 * escale_date_age_on:
 *
 * Returns: the age in whole years on @on_iso, or -1 when unknown
 */
int
escale_date_age_on (const char *birth_iso,
                    const char *on_iso)
{
  g_autoptr(GDate) birth = escale_date_to_gdate (birth_iso);
  g_autoptr(GDate) on = escale_date_to_gdate (on_iso);
  int age;

  if (birth == NULL || on == NULL)
    return -1;
  age = g_date_get_year (on) - g_date_get_year (birth);
  if (g_date_get_month (on) < g_date_get_month (birth) ||
      (g_date_get_month (on) == g_date_get_month (birth) &&
       g_date_get_day (on) < g_date_get_day (birth)))
    age--;
  return age;
}

/**
 * escale_date_format:
 *
 * Returns: (transfer full): @iso for display in the interface language,
 *   as precise as it is known: "14/03/1990", "03/1990", "1990", "c. 1990"
 */
char *
escale_date_format (const char          *iso,
                    EscaleDatePrecision  precision)
{
  g_autoptr(GDate) date = escale_date_to_gdate (iso);
  g_autoptr(GString) format = NULL;
  char buffer[128];

  if (date == NULL)
    return g_strdup ("");
  switch (precision)
    {
    case ESCALE_DATE_YEAR:
      return g_strdup_printf ("%04u", g_date_get_year (date));
    case ESCALE_DATE_ESTIMATED:
      /* Translators: an estimated year of birth, %u is the year */
      return g_strdup_printf (_("c. %u"), g_date_get_year (date));
    case ESCALE_DATE_MONTH:
      /* Translators: a month and year as numbers, like 03/1990 */
      return g_strdup_printf (_("%02u/%04u"), g_date_get_month (date), g_date_get_year (date));
    case ESCALE_DATE_EXACT:
    default:
      /* Translators: a full date as numbers, see strftime(3); French uses %d/%m/%Y */
      format = g_string_new (_("%d/%m/%Y"));
      /* %Y writes the year 990 as "990", which escale_date_parse() refuses. */
      g_string_replace (format, "%Y", "%4Y", 0);
      if (g_date_strftime (buffer, sizeof buffer, format->str, date) == 0)
        return g_strdup (iso);
      return g_strdup (buffer);
    }
}

const char *
escale_date_precision_to_code (EscaleDatePrecision precision)
{
  static const char *const codes[] = { "exact", "month", "year", "estimated" };

  g_return_val_if_fail (precision <= ESCALE_DATE_ESTIMATED, "exact");
  return codes[precision];
}

EscaleDatePrecision
escale_date_precision_from_code (const char *code)
{
  if (g_strcmp0 (code, "month") == 0)
    return ESCALE_DATE_MONTH;
  if (g_strcmp0 (code, "year") == 0)
    return ESCALE_DATE_YEAR;
  if (g_strcmp0 (code, "estimated") == 0)
    return ESCALE_DATE_ESTIMATED;
  return ESCALE_DATE_EXACT;
}

static const char *const month_names[] = {
  /* Translators: the months' names, on their own (as in “January 2026”) */
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

static const char *const weekday_names[] = {
  /* Translators: the days' names, on their own (opening hours) and in a
   * date (the slip printed for a person) */
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

/**
 * escale_date_month_msgid:
 * @month: 1 = January … 12 = December
 *
 * Returns: (transfer none): the month's name, untranslated
 */
const char *
escale_date_month_msgid (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return month_names[month - 1];
}

/**
 * escale_date_weekday_msgid:
 * @weekday: 1 = Monday … 7 = Sunday
 *
 * Returns: (transfer none): the day's name, untranslated
 */
const char *
escale_date_weekday_msgid (guint weekday)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, "");
  return weekday_names[weekday - 1];
}
