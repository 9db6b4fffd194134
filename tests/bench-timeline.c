/* bench-timeline.c — opening the timeline of a person with 1 000 actions
 *
 * Builds a database where one person has 1 000 actions (themes, some
 * planned, a household and group sessions among them) next to 2 000 other
 * people with 10 actions each, then measures what opening their file costs
 * the timeline: building the model and fetching the first 30 rows, as a
 * list view does to draw its first screen. Reported: the first opening (on
 * a fresh connection, statements not yet prepared) and the median of 20
 * more. Budget: 50 ms for each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "escale-store-private.h"
#include "escale-test-util.h"
#include "escale-timeline.h"

#define N_ACTIONS    1000
#define FIRST_ROWS   30
#define RUNS         20
#define BUDGET_MS    50.0

static const char populate[] =
  "BEGIN;"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2001) "
  "INSERT INTO person (id, file_number, family_name) SELECT i, 'F' || i, 'Name' || i FROM n;"
  "INSERT INTO household (id, name) VALUES (1, 'Household');"
  "INSERT INTO household_member (household_id, person_id) VALUES (1, 1), (1, 2);"
  /* The person: 1 000 actions over about eight years, one in ten planned. */
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 940) "
  "INSERT INTO action (person_id, date, time, duration_minutes, type, status, worker, notes) "
  "SELECT 1, date ('2026-06-30', '-' || (i * 3) || ' days'), "
  "  CASE WHEN i % 2 THEN printf ('%02d:30', 8 + i % 10) END, 30 + i % 60, 'interview', "
  "  CASE WHEN i % 10 = 0 THEN 'planned' ELSE 'done' END, 'Worker ' || (i % 5), "
  "  'Notes of the interview ' || i FROM n;"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30) "
  "INSERT INTO action (scope, household_id, date, type, status) "
  "SELECT 'household', 1, date ('2026-06-30', '-' || (i * 50) || ' days'), 'accompaniment', "
  "  'done' FROM n;"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30) "
  "INSERT INTO action (scope, date, type, status) "
  "SELECT 'group', date ('2026-06-30', '-' || (i * 40) || ' days'), 'workshop', 'done' FROM n;"
  "INSERT INTO action_participant (action_id, person_id, attended) "
  "SELECT id, 1, 1 FROM action WHERE scope = 'group';"
  "INSERT INTO action_participant (action_id, person_id, attended) "
  "SELECT id, 3, 1 FROM action WHERE scope = 'group';"
  "INSERT INTO action_theme (action_id, theme) "
  "SELECT id, CASE id % 3 WHEN 0 THEN 'housing' WHEN 1 THEN 'rights' ELSE 'health' END "
  "FROM action;"
  "INSERT INTO status_period (person_id, status, started_on, document_expiry) VALUES "
  "(1, 'asylum_seeker', '2019-01-01', '2020-01-01'), (1, 'refugee', '2020-02-01', '2030-02-01');"
  /* The others: 10 actions each. */
  "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999) "
  "INSERT INTO action (person_id, date, type, status) "
  "SELECT 2 + i / 10, date ('2026-06-30', '-' || (i % 3000) || ' days'), 'reception', 'done' "
  "FROM n;"
  "COMMIT;";

/* Milliseconds to open the timeline and fetch its first rows. */
static double
open_timeline (EscaleStore *store,
               guint       *n_items)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(EscaleTimeline) timeline = escale_timeline_new (store, 1, "2026-03-10");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (timeline));

  for (guint i = 0; i < MIN (n, FIRST_ROWS); i++)
    {
      g_autoptr(EscaleTimelineItem) item = g_list_model_get_item (G_LIST_MODEL (timeline), i);

      g_assert (item != NULL);
    }
  *n_items = n;
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

int
main (G_GNUC_UNUSED int   argc,
      G_GNUC_UNUSED char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("escale-bench-timeline-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autoptr(EscaleStore) store = NULL;
  double first, median, runs[RUNS];
  guint n_items = 0;
  gboolean pass;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.escale", NULL);
  store = escale_store_open (path, &error);
  g_assert_no_error (error);
  if (!escale_store_exec (store, populate, &error))
    g_error ("Cannot fill the database: %s", error->message);
  g_clear_object (&store);

  store = escale_store_open (path, &error);
  g_assert_no_error (error);
  first = open_timeline (store, &n_items);
  for (guint i = 0; i < RUNS; i++)
    runs[i] = open_timeline (store, &n_items);
  qsort (runs, RUNS, sizeof (double), escale_test_compare_doubles);
  median = runs[RUNS / 2];
  pass = first < BUDGET_MS && median < BUDGET_MS;

  printf ("timeline of a person with %d actions (%u rows): first open %.2f ms, "
          "median %.2f ms, max %.2f ms (budget %.0f ms): %s\n",
          N_ACTIONS, n_items, first, median, runs[RUNS - 1], BUDGET_MS, pass ? "PASS" : "FAIL");

  g_clear_object (&store);
  g_remove (path);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
  return pass ? 0 : 1;
}
