/* escale-cli-agenda.c — escale-cli agenda: what is due, one line each
 *
 *   escale-cli agenda [--date YYYY-MM-DD] [--days N] [--worker W]
 *
 * Each line: date, time, "overdue" or "due", type code, file number, who
 * (the person, the household, or the group session), worker, the first line
 * of the notes — separated by tabs. Overdue actions come first, the oldest
 * first, then those of the days asked for, by date and time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "escale-action-store.h"
#include "escale-agenda.h"
#include "escale-cli-private.h"

#define MAX_DAYS 366

static char *
first_line (const char *text)
{
  const char *end;

  if (text == NULL)
    return NULL;
  end = strchr (text, '\n');
  return end ? g_strndup (text, (gsize) (end - text)) : g_strdup (text);
}

static void
print_action (const EscaleAgendaAction *action)
{
  g_autofree char *note = first_line (action->notes);
  g_autofree char *group = NULL;
  const char *who = action->who;

  if (g_strcmp0 (action->scope, "group") == 0)
    /* Translators: who a group session concerns, in escale-cli agenda */
    who = group = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "group session, %u participant",
                                                "group session, %u participants",
                                                action->n_participants),
                                   action->n_participants);
  escale_cli_print_field (action->date, '\t');
  escale_cli_print_field (action->time, '\t');
  /* The state is a fixed word, for scripts: not translated. */
  escale_cli_print_field (action->overdue ? "overdue" : "due", '\t');
  escale_cli_print_field (action->type, '\t');
  escale_cli_print_field (action->file_number, '\t');
  escale_cli_print_field (who, '\t');
  escale_cli_print_field (action->worker, '\t');
  escale_cli_print_field (note, '\n');
}

static gboolean
print_agenda (EscaleStore  *store,
              const char   *from,
              guint         days,
              const char   *worker,
              GError      **error)
{
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", from);

  start = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert (start != NULL);
  {
    g_autoptr(GDateTime) end = g_date_time_add_days (start, (int) days - 1);

    to = g_date_time_format (end, "%Y-%m-%d");
  }
  overdue = escale_agenda_list_overdue (store, from, worker, error);
  if (overdue == NULL)
    return FALSE;
  due = escale_agenda_list_due (store, from, to, from, worker, error);
  if (due == NULL)
    return FALSE;
  for (guint i = 0; i < overdue->len; i++)
    print_action (g_ptr_array_index (overdue, i));
  for (guint i = 0; i < due->len; i++)
    print_action (g_ptr_array_index (due, i));
  fflush (stdout);
  return TRUE;
}

int
escale_cli_run_agenda (const char  *database,
                       int          argc,
                       char       **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *worker = NULL;
  int days = 1;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The first day, as YYYY-MM-DD (default: today)"), N_("DATE") },
    { "days", 0, 0, G_OPTION_ARG_INT, &days,
      N_("How many days to show, the first one included (default: 1)"), N_("N") },
    { "worker", 0, 0, G_OPTION_ARG_STRING, &worker,
      N_("Only the actions of this worker"), N_("W") },
    { NULL }
  };
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!escale_cli_parse_command ("agenda", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (PROGRAM_NAME " agenda", _("This command takes no argument"));
  if (date != NULL && !escale_store_check_iso_date (date))
    return escale_cli_usage_error (PROGRAM_NAME " agenda",
                                   /* Translators: keep YYYY-MM-DD, the format expected */
                                   _("The date must be a day written YYYY-MM-DD"));
  if (days < 1 || days > MAX_DAYS)
    return escale_cli_usage_error (PROGRAM_NAME " agenda",
                                   _("The number of days must be between 1 and 366"));
  if (date == NULL)
    date = escale_agenda_today ();

  if (!(store = escale_cli_open_store (database, TRUE, &error)) ||
      !print_agenda (store, date, (guint) days, worker, &error))
    return escale_cli_report_error (error);
  return EXIT_OK;
}
