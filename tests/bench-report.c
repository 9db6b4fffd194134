/* bench-report.c — a year's activity report over 1 000 000 actions
 *
 * On the benchmarks' demo database (100 000 people, 10 actions each, see
 * escale_test_open_follow_up_database()), for the year ending today:
 * - the bare SQL aggregation of the Summary's figures alone;
 * - building the whole report (every sheet);
 * - building and writing it as XLSX;
 * and the process's peak memory. Each is run 3 times; the median is
 * reported, and checked against the budgets: 3 s for the export, 200 MB of
 * peak memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "escale-report.h"
#include "escale-test-util.h"

#define N_PEOPLE           100000
#define ACTIONS_PER_PERSON 10
#define RUNS               3
#define BUDGET_S           3.0
#define BUDGET_MB          200.0

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
median (double times[RUNS])
{
  qsort (times, RUNS, sizeof (double), escale_test_compare_doubles);
  return times[RUNS / 2];
}

static guint
count_actions (EscaleStore        *store,
               EscaleReportParams *params)
{
  EscaleReportFigures figures;
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_report_compute_figures (store, params, &figures, &error));
  return figures.actions_done;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(EscaleReportParams) params = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) year_ago = g_date_time_add_days (now, -364);
  g_autofree char *from = g_date_time_format (year_ago, "%F");
  g_autofree char *to = g_date_time_format (now, "%F");
  g_autofree char *path = NULL;
  double figures_s[RUNS], build_s[RUNS], export_s[RUNS];
  double base_mb, export_time;
  gboolean ok;

  escale_test_init (&argc, &argv);
  store = escale_test_open_follow_up_database (N_PEOPLE, ACTIONS_PER_PERSON);
  params = escale_report_params_new (ESCALE_REPORT_ACTIVITY, from, to);
  path = escale_test_tmp_path ("year.xlsx");
  base_mb = peak_mb ();
  printf ("activity report %s → %s: %u actions done in the period\n", from, to,
          count_actions (store, params));

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EscaleReport) report = NULL;
      EscaleReportFigures figures;
      gint64 start = g_get_monotonic_time ();

      g_assert_true (escale_report_compute_figures (store, params, &figures, &error));
      figures_s[run] = (g_get_monotonic_time () - start) / 1e6;
      start = g_get_monotonic_time ();
      report = escale_report_build (store, params, NULL, &error);
      g_assert_nonnull (report);
      build_s[run] = (g_get_monotonic_time () - start) / 1e6;
      start = g_get_monotonic_time ();
      g_assert_true (escale_report_export (store, params, path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      export_s[run] = (g_get_monotonic_time () - start) / 1e6;
    }
  export_time = median (export_s);
  printf ("bare SQL aggregation (Summary figures)  median %6.3f s\n", median (figures_s));
  printf ("whole report built (every sheet)        median %6.3f s\n", median (build_s));
  printf ("built and written as XLSX               median %6.3f s  (budget %.0f s)\n",
          export_time, BUDGET_S);
  printf ("peak memory %.0f MB (%.0f MB before the reports; budget %.0f MB)\n", peak_mb (),
          base_mb, BUDGET_MB);
  ok = export_time <= BUDGET_S && peak_mb () <= BUDGET_MB;
  printf ("%s report\n", ok ? "PASS" : "OVER BUDGET");
  g_unlink (path);
  escale_test_cleanup ();
  return ok ? 0 : 1;
}
