/* escale-partner-hours.c — opening hours: open now, open on a day, as text
 *
 * Pure logic over the slots and closures of a partner, with the local date
 * and time given by the caller. A slot belongs to the day it opens: one
 * that closes before it opens runs over midnight into the early hours of
 * the next day, and an exceptional closure of its opening day cancels it
 * whole, early hours included. A closure does not cancel the early hours of
 * a night that began the day before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-catalog.h"
#include "escale-date.h"
#include "escale-partner-hours.h"

#define MINUTES_PER_DAY (24 * 60)

/**
 * escale_hours_parse_time:
 * @text: (nullable): HH:MM, from 00:00 to 23:59
 * @minutes: (out) (optional): minutes since midnight
 *
 * Returns: whether @text is such a time
 */
gboolean
escale_hours_parse_time (const char *text,
                         int        *minutes)
{
  int hours;

  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  hours = (text[0] - '0') * 10 + (text[1] - '0');
  if (hours > 23 || text[3] > '5')
    return FALSE;
  if (minutes != NULL)
    *minutes = hours * 60 + (text[3] - '0') * 10 + (text[4] - '0');
  return TRUE;
}

static const char *const weekday_abbreviations[] = {
  /* Translators: short names of the days of the week, in opening hours */
  NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"),
  NC_("weekday", "Thu"), NC_("weekday", "Fri"), NC_("weekday", "Sat"),
  NC_("weekday", "Sun"),
};

/* A message of the interface's language or of @catalog's. */
static const char *
translate (EscaleCatalog *catalog,
           const char    *context,
           const char    *msgid)
{
  if (catalog != NULL)
    return context ? escale_catalog_pgettext (catalog, context, msgid)
                   : escale_catalog_gettext (catalog, msgid);
  return context ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                 : g_dgettext (GETTEXT_PACKAGE, msgid);
}

/**
 * escale_weekday_abbreviation:
 * @weekday: 1 = Monday … 7 = Sunday
 *
 * Returns: (transfer none): the day's short name, translated
 */
const char *
escale_weekday_abbreviation (guint weekday)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, "");

  return translate (NULL, "weekday", weekday_abbreviations[weekday - 1]);
}

/**
 * escale_weekday_of_date:
 *
 * Returns: 1 (Monday) … 7 (Sunday) for a YYYY-MM-DD date, 0 when invalid
 */
guint
escale_weekday_of_date (const char *iso_date)
{
  g_autoptr(GDate) date = iso_date ? escale_date_to_gdate (iso_date) : NULL;

  return date != NULL ? (guint) g_date_get_weekday (date) : 0;
}

static gboolean
read_slot (const EscalePartnerHours *slot,
           int                      *opens,
           int                      *closes)
{
  return escale_hours_parse_time (slot->opens, opens) &&
         escale_hours_parse_time (slot->closes, closes) && *opens != *closes;
}

gboolean
escale_hours_is_closed_on (GArray     *closures,
                           const char *iso_date)
{
  for (guint i = 0; closures != NULL && i < closures->len; i++)
    {
      EscalePartnerClosure *closure = &g_array_index (closures, EscalePartnerClosure, i);

      if (closure->from_date != NULL && closure->to_date != NULL &&
          strcmp (iso_date, closure->from_date) >= 0 && strcmp (iso_date, closure->to_date) <= 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether a slot opening on @weekday covers @minute of that day or, with
 * @next_day, @minute of the day after. */
static gboolean
slots_cover (GArray   *slots,
             guint     weekday,
             int       minute,
             gboolean  next_day)
{
  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      EscalePartnerHours *slot = &g_array_index (slots, EscalePartnerHours, i);
      int opens, closes;

      if (slot->weekday != weekday || !read_slot (slot, &opens, &closes))
        continue;
      if (next_day ? (closes < opens && minute < closes)
                   : (opens <= minute && (closes < opens || minute < closes)))
        return TRUE;
    }
  return FALSE;
}

static char *
date_of (GDateTime *when)
{
  return g_date_time_format (when, "%Y-%m-%d");
}

/**
 * escale_hours_is_open_at:
 * @slots: (element-type EscalePartnerHours) (nullable): the weekly slots
 * @closures: (element-type EscalePartnerClosure) (nullable): exceptional closures
 * @when: a local date and time (its own time zone is the partner's)
 *
 * Returns: whether the place is open at @when
 */
gboolean
escale_hours_is_open_at (GArray    *slots,
                         GArray    *closures,
                         GDateTime *when)
{
  g_autoptr(GDateTime) yesterday = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *yesterday_iso = NULL;
  guint weekday;
  int minute;

  g_return_val_if_fail (when != NULL, FALSE);

  weekday = (guint) g_date_time_get_day_of_week (when);
  minute = g_date_time_get_hour (when) * 60 + g_date_time_get_minute (when);
  today_iso = date_of (when);
  if (!escale_hours_is_closed_on (closures, today_iso) &&
      slots_cover (slots, weekday, minute, FALSE))
    return TRUE;
  yesterday = g_date_time_add_days (when, -1);
  yesterday_iso = date_of (yesterday);
  return !escale_hours_is_closed_on (closures, yesterday_iso) &&
         slots_cover (slots, weekday == 1 ? 7 : weekday - 1, minute, TRUE);
}

/**
 * escale_hours_is_open_on_weekday:
 *
 * Returns: whether a slot opens on @weekday (1 = Monday … 7 = Sunday)
 */
gboolean
escale_hours_is_open_on_weekday (GArray *slots,
                                 guint   weekday)
{
  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      EscalePartnerHours *slot = &g_array_index (slots, EscalePartnerHours, i);
      int opens, closes;

      if (slot->weekday == weekday && read_slot (slot, &opens, &closes))
        return TRUE;
    }
  return FALSE;
}

/**
 * escale_hours_is_open_on_date:
 *
 * Returns: whether a slot opens on the YYYY-MM-DD date @iso_date, which no
 *   closure covers
 */
gboolean
escale_hours_is_open_on_date (GArray     *slots,
                              GArray     *closures,
                              const char *iso_date)
{
  guint weekday = escale_weekday_of_date (iso_date);

  return weekday != 0 && !escale_hours_is_closed_on (closures, iso_date) &&
         escale_hours_is_open_on_weekday (slots, weekday);
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const EscalePartnerHours *slot_a = *(EscalePartnerHours * const *) a;
  const EscalePartnerHours *slot_b = *(EscalePartnerHours * const *) b;

  return g_strcmp0 (slot_a->opens, slot_b->opens);
}

/* "9:00": the hour without its leading zero. */
static void
append_time (GString *out,
             int      minutes)
{
  g_string_append_printf (out, "%d:%02d", minutes / 60, minutes % 60);
}

/* The slots of @weekday in order, in the language of @catalog (NULL: the
 * interface's), or NULL when none opens that day. */
static char *
format_day (GArray        *slots,
            guint          weekday,
            EscaleCatalog *catalog)
{
  g_autoptr(GPtrArray) day = g_ptr_array_new ();
  g_autoptr(GString) out = NULL;

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      EscalePartnerHours *slot = &g_array_index (slots, EscalePartnerHours, i);
      int opens, closes;

      if (slot->weekday == weekday && read_slot (slot, &opens, &closes))
        g_ptr_array_add (day, slot);
    }
  if (day->len == 0)
    return NULL;
  g_ptr_array_sort (day, compare_slots);
  out = g_string_new (translate (catalog, "weekday", weekday_abbreviations[weekday - 1]));
  for (guint i = 0; i < day->len; i++)
    {
      EscalePartnerHours *slot = g_ptr_array_index (day, i);
      int opens, closes;

      read_slot (slot, &opens, &closes);
      /* Translators: the separator between two slots of the same day */
      g_string_append (out, i == 0 ? " " : translate (catalog, NULL, N_(", ")));
      append_time (out, opens);
      g_string_append (out, "–");
      append_time (out, closes);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * escale_hours_format_day:
 *
 * Returns: (transfer full) (nullable): "Mon 9:00–12:00, 14:00–17:00", the
 *   slots of @weekday in order, or %NULL when none opens that day
 */
char *
escale_hours_format_day (GArray *slots,
                         guint   weekday)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);

  return format_day (slots, weekday, NULL);
}

/**
 * escale_hours_format_in:
 * @catalog: (nullable): the language to write in; %NULL for the interface's
 *
 * Returns: (transfer full): one line per day that opens, Monday first, or
 *   an empty string
 */
char *
escale_hours_format_in (GArray        *slots,
                        EscaleCatalog *catalog)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint weekday = 1; weekday <= 7; weekday++)
    {
      g_autofree char *line = format_day (slots, weekday, catalog);

      if (line == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * escale_hours_format:
 *
 * Returns: (transfer full): one line per day that opens, Monday first, in
 *   the interface's language, or an empty string
 */
char *
escale_hours_format (GArray *slots)
{
  return escale_hours_format_in (slots, NULL);
}
