/* escale-agenda-util.c — how the agenda words things: days, people, deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-agenda-util.h"
#include "escale-date.h"
#include "escale-language.h"

char *
escale_agenda_add_days (const char *iso,
                        int         days)
{
  g_autoptr(GDate) date = escale_date_to_gdate (iso);

  g_return_val_if_fail (date != NULL, NULL);

  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
escale_agenda_format_day (const char *iso,
                          const char *today)
{
  g_autoptr(GDate) date = escale_date_to_gdate (iso);
  g_autoptr(GDate) now = escale_date_to_gdate (today);
  g_autoptr(GDateTime) time = NULL;
  int delta;

  g_return_val_if_fail (date != NULL && now != NULL, NULL);

  delta = g_date_days_between (now, date);
  if (delta == 0)
    return g_strdup (_("Today"));
  if (delta == 1)
    return g_strdup (_("Tomorrow"));
  if (delta == -1)
    return g_strdup (_("Yesterday"));
  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  /* Translators: a day in the agenda, like “Friday 12 June”; see the
   * format of g_date_time_format() */
  return g_date_time_format (time, _("%A %-d %B"));
}

/* The name and the file number are isolated: they keep their order inside
 * a right-to-left line, which takes its direction from the interface. */
char *
escale_agenda_format_person (const char *who,
                             const char *file_number)
{
  g_autofree char *name = NULL;
  g_autofree char *number = NULL;

  if (who == NULL || *who == '\0')
    who = _("Unnamed");
  if (file_number == NULL || *file_number == '\0')
    return g_strdup (who);
  name = escale_isolate (who);
  number = g_strdup_printf (ESCALE_ISOLATE_LTR ("%s"), file_number);
  /* Translators: a person's name and, in brackets, their file number */
  return g_strdup_printf (_("%s (%s)"), name, number);
}

char *
escale_agenda_format_who (const EscaleAgendaAction *action)
{
  g_return_val_if_fail (action != NULL, NULL);

  if (g_strcmp0 (action->scope, "group") == 0)
    /* Translators: an action that concerns a group; %u is how many take part */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Group session (%u participant)",
                                         "Group session (%u participants)",
                                         action->n_participants),
                            action->n_participants);
  if (g_strcmp0 (action->scope, "household") == 0)
    {
      if (action->who == NULL || *action->who == '\0')
        return g_strdup (_("Household"));
      g_autofree char *name = escale_isolate (action->who);

      /* Translators: %s is the name of a household */
      return g_strdup_printf (_("Household %s"), name);
    }
  return escale_agenda_format_person (action->who, action->file_number);
}

char *
escale_agenda_first_line (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      return g_strdup (lines[i]);
  return NULL;
}

char *
escale_agenda_format_expiry (int days_left)
{
  if (days_left == 0)
    return g_strdup (_("expires today"));
  if (days_left > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expires in %d day",
                                         "expires in %d days", (gulong) days_left),
                            days_left);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expired %d day ago",
                                       "expired %d days ago", (gulong) -days_left),
                          -days_left);
}
