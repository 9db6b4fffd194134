/* escale-reports-util.c — periods, languages and file names for the Reports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-date.h"
#include "escale-reports-util.h"

/* Months counted from year 0: month index → its first and last days. */
static char *
month_first_day (int index)
{
  return g_strdup_printf ("%04d-%02d-01", index / 12, index % 12 + 1);
}

static char *
month_last_day (int index)
{
  int year = index / 12, month = index % 12 + 1;

  return g_strdup_printf ("%04d-%02d-%02d", year, month,
                          g_date_get_days_in_month (month, year));
}

gboolean
escale_report_period_dates (EscaleReportPeriod   period,
                            const char          *today,
                            char               **from,
                            char               **to)
{
  g_autoptr(GDate) date = escale_date_to_gdate (today);
  int month, span, first;

  g_return_val_if_fail (date != NULL, FALSE);

  month = g_date_get_year (date) * 12 + g_date_get_month (date) - 1;
  switch (period)
    {
    case ESCALE_REPORT_PERIOD_THIS_YEAR:
    case ESCALE_REPORT_PERIOD_LAST_YEAR:
      span = 12;
      break;
    case ESCALE_REPORT_PERIOD_THIS_QUARTER:
    case ESCALE_REPORT_PERIOD_LAST_QUARTER:
      span = 3;
      break;
    case ESCALE_REPORT_PERIOD_THIS_MONTH:
    case ESCALE_REPORT_PERIOD_LAST_MONTH:
      span = 1;
      break;
    case ESCALE_REPORT_PERIOD_CUSTOM:
    default:
      return FALSE;
    }
  first = month - month % span;
  if (period == ESCALE_REPORT_PERIOD_LAST_YEAR || period == ESCALE_REPORT_PERIOD_LAST_QUARTER ||
      period == ESCALE_REPORT_PERIOD_LAST_MONTH)
    first -= span;
  *from = month_first_day (first);
  *to = month_last_day (first + span - 1);
  return TRUE;
}

static char *
format_long_date (const char *iso)
{
  g_autoptr(GDate) date = escale_date_to_gdate (iso);
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL)
    return g_strdup (iso ? iso : "");
  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  /* Translators: a day at either end of a report's period, like “1 January
   * 2026”; see the format of g_date_time_format() */
  return g_date_time_format (time, _("%-d %B %Y"));
}

char *
escale_report_format_period (const char *from,
                             const char *to)
{
  g_autofree char *first = format_long_date (from);
  g_autofree char *last = format_long_date (to);

  /* Translators: a report's period, from its first day to its last */
  return g_strdup_printf (C_("period", "%s – %s"), first, last);
}

/* "fr_FR.UTF-8@euro" → "fr_FR". */
static char *
strip_locale (const char *name)
{
  return g_strndup (name, strcspn (name, ".@"));
}

char *
escale_report_default_language (const char *const *languages)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *language = strip_locale (names[i]);

      if (g_strv_contains (languages, language))
        return g_steal_pointer (&language);
    }
  return g_strdup ("en");
}

char *
escale_report_file_name (EscaleReportTemplate  template,
                         const char           *from,
                         const char           *to)
{
  g_autofree char *name = NULL;
  const char *prefix;

  if (template == ESCALE_REPORT_PARTICIPANTS)
    /* Translators: the start of a report's file name: no spaces or slashes */
    prefix = C_("file name", "participants-report");
  else
    /* Translators: the start of a report's file name: no spaces or slashes */
    prefix = C_("file name", "activity-report");
  name = g_strdup_printf ("%s-%s-%s.xlsx", prefix, from, to);

  return g_strdelimit (g_steal_pointer (&name), "/\\:*?\"<>|", '-');
}
