/* bench-backup.c — how long a backup, its check, the quick check after opening and a restore take
 *
 * On a demo database of 100 000 people (made once, cached in the build
 * folder's bench-cache/ by schema version). No budget in the issue: the
 * figures are printed for the closing notes and the documentation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "escale-backup.h"
#include "escale-demo.h"
#include "escale-test-util.h"

#define PEOPLE 100000
#define RUNS   3

static char *
cached_database (void)
{
  const char *build = g_getenv ("ESCALE_BUILD_DIR");
  g_autofree char *name = g_strdup_printf ("backup-%d-v%d.db", PEOPLE,
                                           escale_store_get_latest_version ());
  char *path = g_build_filename (build ? build : ".", "bench-cache", name, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  printf ("  generating %d people in %s\n", PEOPLE, path);
  fflush (stdout);
  g_unlink (partial);
  store = escale_store_open (partial, &error);
  g_assert_no_error (error);
  g_assert_true (escale_demo_generate_full (store, PEOPLE, 1, NULL, NULL, NULL, &error));
  g_clear_object (&store);
  g_assert_cmpint (g_rename (partial, path), ==, 0);
  return path;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare_doubles);
  return values[RUNS / 2];
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double write[RUNS], check[RUNS], quick[RUNS];
  g_autofree char *written = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *target = NULL;
  GStatBuf buf;
  gint64 start;

  escale_test_init (&argc, &argv);
  path = cached_database ();
  folder = escale_test_tmp_path ("backups");
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  printf ("Backups of %d people (%.0f MB), median of %d runs\n", PEOPLE,
          buf.st_size / 1e6, RUNS);

  store = escale_store_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(EscaleBackupInfo) info = NULL;

      g_clear_pointer (&written, g_free);
      start = g_get_monotonic_time ();
      written = escale_backup_to_folder (store, folder, TRUE, NULL, &error);
      g_assert_no_error (error);
      write[i] = seconds_since (start);
      start = g_get_monotonic_time ();
      info = escale_backup_inspect (written, NULL, &error);
      g_assert_no_error (error);
      check[i] = seconds_since (start);
      start = g_get_monotonic_time ();
      g_assert_true (escale_store_quick_check (store, NULL, &error));
      quick[i] = seconds_since (start);
    }
  g_clear_object (&store);
  printf ("  backup written, quick-checked and renamed: %.2f s\n", median (write));
  printf ("  integrity check of a backup (what restoring runs first): %.2f s\n", median (check));
  printf ("  quick check of the database (in the background after opening): %.2f s\n",
          median (quick));

  /* Restoring onto a copy, not onto the cache. */
  target = escale_test_tmp_path ("restored.db");
  start = g_get_monotonic_time ();
  g_assert_true (escale_backup_restore (written, target, NULL, &kept, &error));
  g_assert_no_error (error);
  printf ("  restore into a new file (check, copy, check, rename): %.2f s\n",
          seconds_since (start));
  start = g_get_monotonic_time ();
  g_assert_true (escale_backup_restore (written, target, NULL, &kept, &error));
  g_assert_no_error (error);
  printf ("  restore over a database (and keep a copy of it): %.2f s\n", seconds_since (start));

  escale_test_cleanup ();
  return 0;
}
