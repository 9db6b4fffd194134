/* fuzz-date.c — fuzzing the date parser
 *
 * Any text is a date or an error of ESCALE_DATE_ERROR. A date parsed is a
 * valid ISO date (YYYY-MM-DD, that escale_date_to_gdate() reads), the first
 * of its month or year when it is that precise, parses back to itself, and
 * shown as precise as it is known (escale_date_format()) reads back to the
 * same date and precision. Formatting anything never fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-date.h"
#include "fuzz-util.h"

static gboolean
is_iso (const char *iso)
{
  static const char pattern[] = "0000-00-00";

  if (strlen (iso) != strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == '0' ? !g_ascii_isdigit (iso[i]) : iso[i] != pattern[i])
      return FALSE;
  return TRUE;
}

/* YYYY-MM-DD, with fewer digits allowed, and anything after it. */
static gboolean
starts_with_date (const char *text)
{
  static GRegex *regex;

  if (regex == NULL)
    regex = g_regex_new ("^[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,2}", G_REGEX_RAW | G_REGEX_OPTIMIZE, 0,
                         NULL);
  return g_regex_match (regex, text, 0, NULL);
}

static void
check_date (const char          *iso,
            EscaleDatePrecision  precision)
{
  g_autoptr(GDate) date = escale_date_to_gdate (iso);
  g_autofree char *again = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *read_back = NULL;
  EscaleDatePrecision again_precision = ESCALE_DATE_ESTIMATED;
  EscaleDatePrecision shown_precision = ESCALE_DATE_ESTIMATED;

  FUZZ_CHECK (is_iso (iso));
  FUZZ_CHECK (date != NULL && g_date_valid (date));
  FUZZ_CHECK (precision == ESCALE_DATE_EXACT || precision == ESCALE_DATE_MONTH ||
              precision == ESCALE_DATE_YEAR);
  FUZZ_CHECK (precision == ESCALE_DATE_EXACT || g_date_get_day (date) == 1);
  FUZZ_CHECK (precision != ESCALE_DATE_YEAR || g_date_get_month (date) == 1);
  FUZZ_CHECK (escale_date_age_on (iso, iso) == 0);

  again = escale_date_parse (iso, &again_precision, NULL);
  FUZZ_CHECK (g_strcmp0 (again, iso) == 0 && again_precision == ESCALE_DATE_EXACT);

  shown = escale_date_format (iso, precision);
  read_back = escale_date_parse (shown, &shown_precision, NULL);
  if (g_strcmp0 (read_back, iso) != 0 || shown_precision != precision)
    g_printerr ("%s shown as \"%s\" reads back as %s\n", iso, shown, read_back);
  FUZZ_CHECK (g_strcmp0 (read_back, iso) == 0 && shown_precision == precision);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_string (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL;
  EscaleDatePrecision precision = ESCALE_DATE_ESTIMATED;
  g_autofree char *iso = NULL;

  fuzz_init ();
  iso = escale_date_parse (text, &precision, &error);
  if (iso != NULL)
    {
      FUZZ_CHECK (error == NULL);
      check_date (iso, precision);
    }
  else
    FUZZ_CHECK (error != NULL && error->domain == ESCALE_DATE_ERROR &&
                g_utf8_validate (error->message, -1, NULL));

  /* What the store gives back is read and shown whatever it holds, and
   * only a text that starts with a date is one. */
  if ((date = escale_date_to_gdate (text)) != NULL)
    {
      if (!starts_with_date (text))
        g_printerr ("\"%s\" read as the date %04u-%02u-%02u\n", text, g_date_get_year (date),
                    g_date_get_month (date), g_date_get_day (date));
      FUZZ_CHECK (g_date_valid (date) && starts_with_date (text));
    }
  for (EscaleDatePrecision p = ESCALE_DATE_EXACT; p <= ESCALE_DATE_ESTIMATED; p++)
    {
      g_autofree char *shown = escale_date_format (text, p);

      FUZZ_CHECK (shown != NULL && (date == NULL) == (*shown == '\0'));
    }
  escale_date_age_on (text, "2026-01-01");
  return 0;
}
