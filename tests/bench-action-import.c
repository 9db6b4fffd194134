/* bench-action-import.c — importing 100 000 actions, and the demo follow-up
 *
 * Budget: the import reads, checks and writes at least 50 000 rows per
 * second. The time of the demo follow-up (10 actions for each of 10 000
 * people) is printed too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "escale-action-import.h"
#include "escale-demo-actions.h"
#include "escale-demo.h"
#include "escale-store-private.h"

#define N_PEOPLE 10000
#define N_ROWS 100000
#define BUDGET_ROWS_PER_SECOND 50000.0

static GPtrArray *
file_numbers (EscaleStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, "SELECT file_number FROM person "
                                                       "ORDER BY id", NULL);
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (numbers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return numbers;
}

static char *
write_csv (const char *dir,
           GPtrArray  *numbers)
{
  static const char *const types[] = { "interview", "phone_call", "procedure", "referral",
                                       "financial_aid" };
  static const char *const themes[] = { "rights", "housing|health", "employment", "" };
  g_autoptr(GString) csv = g_string_new ("file_number,date,type,theme,status,duration_minutes,"
                                         "worker,programme,partner,referral_outcome,amount,"
                                         "notes\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "actions.csv", NULL);

  for (guint i = 0; i < N_ROWS; i++)
    {
      guint type = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (types));

      g_string_append_printf (csv, "%s,%02d/%02d/%d,%s,%s,done,%d,Sophie Martin,%s,%s,%s,%s,%s\n",
                              (const char *) g_ptr_array_index (numbers, i % numbers->len),
                              g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 1, 13),
                              g_rand_int_range (rand, 2021, 2025), types[type],
                              themes[g_rand_int_range (rand, 0, G_N_ELEMENTS (themes))],
                              g_rand_int_range (rand, 5, 90), i % 3 ? "" : "AIR",
                              type == 3 ? "CPAM" : "", type == 3 ? "accepted" : "",
                              type == 4 ? "\"35,50\"" : "",
                              i % 4 ? "" : "\"Dossier complet, en attente de réponse\"");
    }
  g_file_set_contents (path, csv->str, (gssize) csv->len, &error);
  g_assert_no_error (error);
  return path;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("escale-bench-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(GPtrArray) numbers = NULL;
  guint n_actions = 0;
  double seconds, rate;
  gint64 start;
  gboolean pass;

  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  store = escale_store_open (db, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  escale_demo_generate (store, N_PEOPLE, 1, &error);
  g_assert_no_error (error);
  printf ("Demo: %d people in %.2f s\n", N_PEOPLE, (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  escale_demo_generate_follow_up (store, ESCALE_DEMO_ACTIONS_PER_PERSON, 1, NULL, NULL, NULL,
                                  &n_actions, &error);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  printf ("Demo: follow-up of %u actions in %.2f s (%.0f actions per second)\n", n_actions,
          seconds, n_actions / seconds);

  numbers = file_numbers (store);
  csv = write_csv (dir, numbers);
  start = g_get_monotonic_time ();
  report = escale_import_actions (store, csv, TRUE, &error);
  g_assert_no_error (error);
  printf ("Import: checking %d actions (dry run) in %.2f s\n", N_ROWS,
          (g_get_monotonic_time () - start) / 1e6);
  g_clear_pointer (&report, escale_import_report_free);

  start = g_get_monotonic_time ();
  report = escale_import_actions (store, csv, FALSE, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  for (guint i = 0; i < MIN (report->problems->len, 5); i++)
    {
      EscaleImportProblem *problem = g_ptr_array_index (report->problems, i);
      printf ("%u:%s: %s\n", problem->line, problem->column, problem->message);
    }
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->created, ==, N_ROWS);
  rate = N_ROWS / seconds;
  pass = rate >= BUDGET_ROWS_PER_SECOND;
  printf ("Import: %d actions in %.2f s\n", N_ROWS, seconds);
  printf ("%s: import rate = %.0f rows/s (budget ≥ %.0f rows/s)\n", pass ? "PASS" : "FAIL",
          rate, BUDGET_ROWS_PER_SECOND);

  g_clear_object (&store);
  {
    const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (db, suffixes[i], NULL);
        g_unlink (file);
      }
    g_unlink (csv);
    g_rmdir (dir);
  }
  return pass ? EXIT_SUCCESS : EXIT_FAILURE;
}
