/* escale-reports-util.c — periods, languages and file names for the Reports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-date.h"
#include "escale-reports-util.h"

/* Each language's name as its speakers write it: never translated. */
static const struct
{
  const char *code;
  const char *name;
} native_names[] = {
  { "am", "አማርኛ" },
  { "ar", "العربية" },
  { "bg", "Български" },
  { "bn", "বাংলা" },
  { "ckb", "کوردیی ناوەندی" },
  { "de", "Deutsch" },
  { "en", "English" },
  { "es", "Español" },
  { "fa", "فارسی" },
  { "ff", "Fulfulde" },
  { "fr", "Français" },
  { "hy", "Հայերեն" },
  { "it", "Italiano" },
  { "ka", "ქართული" },
  { "ku", "Kurdî" },
  { "ln", "Lingála" },
  { "nl", "Nederlands" },
  { "pl", "Polski" },
  { "prs", "دری" },
  { "ps", "پښتو" },
  { "pt", "Português" },
  { "ro", "Română" },
  { "ru", "Русский" },
  { "so", "Soomaali" },
  { "sq", "Shqip" },
  { "sw", "Kiswahili" },
  { "ta", "தமிழ்" },
  { "ti", "ትግርኛ" },
  { "tr", "Türkçe" },
  { "uk", "Українська" },
  { "ur", "اردو" },
  { "vi", "Tiếng Việt" },
  { "zh", "中文" },
};

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

char *
escale_language_native_name (const char *code)
{
  g_autofree char *base = NULL;
  const char *region;

  g_return_val_if_fail (code != NULL, NULL);

  region = strpbrk (code, "_-");
  base = region ? g_strndup (code, region - code) : g_strdup (code);
  for (guint i = 0; i < G_N_ELEMENTS (native_names); i++)
    if (g_str_equal (native_names[i].code, base))
      return region ? g_strdup_printf ("%s (%s)", native_names[i].name, region + 1)
                    : g_strdup (native_names[i].name);
  return g_strdup (code);
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
