/* bench-agenda.c — the agenda on a database of 1 000 000 actions
 *
 * Generates (or reuses, cached in the build folder's bench-cache/ by schema
 * version) a demo database of 100 000 people with 10 actions each, then
 * measures what the Agenda page asks for when it is shown, for everyone:
 * for each of the next 7 days, how many actions are planned and the first
 * 50; how many are overdue and the 50 oldest; how many documents expire
 * within 60 days (or have expired) and the 50 soonest; how many people
 * were not seen for 3 months and the 50 silent the longest. The rows
 * counted are how many there are in all. Reported: the first run
 * (statements not yet prepared, the file's pages read from wherever the
 * system's cache left them: after other work, from the disk) and the median
 * of 20 more. Budget: 100 ms for the whole agenda, median — the first run
 * measures the disk more than Escale, and is printed for information.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "escale-agenda.h"
#include "escale-test-util.h"

#define N_PEOPLE           100000
#define ACTIONS_PER_PERSON 10
#define DAYS               7
#define EXPIRY_DAYS        60
#define LOST_MONTHS        3
#define SHOWN              50   /* rows a group of the page shows */
#define RUNS               20
#define BUDGET_MS          100.0

enum { DUE, OVERDUE, EXPIRING, LOST, TOTAL, N_PARTS };

static const char *const part_names[N_PARTS] = {
  "next 7 days", "overdue", "expiring documents", "lost contact", "whole agenda",
};

/* Each of the next days, as the page shows them: the first SHOWN each. */
static GPtrArray *
list_days (EscaleStore  *store,
           const char   *today,
           guint        *n_total,
           GError      **error)
{
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) atoi (today + 8),
                                          (GDateMonth) atoi (today + 5),
                                          (GDateYear) atoi (today));
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_agenda_action_free);

  *n_total = 0;
  for (guint d = 0; d < DAYS; d++, g_date_add_days (date, 1))
    {
      g_autoptr(GPtrArray) day = NULL;
      char iso[16];
      guint n = 0;

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
      day = escale_agenda_list_due_page (store, iso, iso, today, NULL, SHOWN, &n, error);
      if (day == NULL)
        return all;
      *n_total += n;
      g_ptr_array_extend_and_steal (all, g_steal_pointer (&day));
    }
  return all;
}

static double
elapsed_ms (gint64 *since)
{
  gint64 now = g_get_monotonic_time ();
  double ms = (double) (now - *since) / 1000.0;

  *since = now;
  return ms;
}

/* One agenda, as the page computes it; @ms gets the time of each part. */
static void
run_agenda (EscaleStore *store,
            const char  *today,
            double       ms[N_PARTS],
            guint        counts[N_PARTS])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL, overdue = NULL, expiring = NULL, lost = NULL;
  gint64 start = g_get_monotonic_time (), t = start;

  due = list_days (store, today, &counts[DUE], &error);
  ms[DUE] = elapsed_ms (&t);
  overdue = escale_agenda_list_overdue_page (store, today, NULL, SHOWN, &counts[OVERDUE], &error);
  ms[OVERDUE] = elapsed_ms (&t);
  expiring = escale_agenda_list_expiring_page (store, today, EXPIRY_DAYS, SHOWN,
                                               &counts[EXPIRING], &error);
  ms[EXPIRING] = elapsed_ms (&t);
  lost = escale_agenda_list_lost_contact_page (store, today, LOST_MONTHS, SHOWN, &counts[LOST],
                                               &error);
  ms[LOST] = elapsed_ms (&t);
  g_assert_no_error (error);
  ms[TOTAL] = (double) (g_get_monotonic_time () - start) / 1000.0;
  counts[TOTAL] = due->len + overdue->len + expiring->len + lost->len;
}

int
main (G_GNUC_UNUSED int   argc,
      G_GNUC_UNUSED char *argv[])
{
  g_autoptr(EscaleStore) store = escale_test_open_follow_up_database (N_PEOPLE, ACTIONS_PER_PERSON);
  g_autofree char *today = escale_agenda_today ();
  double first[N_PARTS], runs[N_PARTS][RUNS];
  guint counts[N_PARTS];
  gboolean pass;

  run_agenda (store, today, first, counts);
  for (guint r = 0; r < RUNS; r++)
    {
      double ms[N_PARTS];

      run_agenda (store, today, ms, counts);
      for (guint p = 0; p < N_PARTS; p++)
        runs[p][r] = ms[p];
    }
  printf ("agenda of %s on %d people with about %d actions:\n", today, N_PEOPLE,
          N_PEOPLE * ACTIONS_PER_PERSON);
  for (guint p = 0; p < N_PARTS; p++)
    {
      qsort (runs[p], RUNS, sizeof (double), escale_test_compare_doubles);
      printf ("  %-20s %6u rows: first %7.2f ms, median %7.2f ms, max %7.2f ms\n",
              part_names[p], counts[p], first[p], runs[p][RUNS / 2], runs[p][RUNS - 1]);
    }
  pass = runs[TOTAL][RUNS / 2] < BUDGET_MS;
  printf ("whole agenda: median %.2f ms (budget %.0f ms): %s; first run %.2f ms\n",
          runs[TOTAL][RUNS / 2], BUDGET_MS, pass ? "PASS" : "FAIL", first[TOTAL]);
  return pass ? 0 : 1;
}
