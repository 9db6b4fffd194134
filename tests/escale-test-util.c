/* escale-test-util.c — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sodium.h>

#include <stdio.h>

#include "escale-account-private.h"
#include "escale-action-store.h"
#include "escale-demo-actions.h"
#include "escale-demo.h"
#include "escale-person-store.h"
#include "escale-programme-store.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

static char *tmp_dir;

void
escale_test_init (int    *argc,
                  char ***argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Set by `build-aux/dev valgrind`: there, a password hash of the real cost
   * (64 MiB of Argon2id) takes seconds, and test-roles makes a hundred. */
  if (g_getenv ("ESCALE_TEST_CHEAP_PASSWORDS") != NULL)
    escale_account_set_hash_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  tmp_dir = g_dir_make_tmp ("escale-test-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
}

char *
escale_test_tmp_path (const char *name)
{
  static guint counter;

  return g_strdup_printf ("%s/%u-%s", tmp_dir, ++counter, name);
}

EscaleStore *
escale_test_store_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = escale_test_tmp_path ("test.db");
  EscaleStore *store = escale_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  escale_store_set_user (store, "tester");
  return store;
}

EscalePerson *
escale_test_person (const char *family,
                    const char *given,
                    const char *birth_date)
{
  EscalePerson *person = escale_person_new ();

  escale_person_set (person, ESCALE_FIELD_FAMILY_NAME, family);
  escale_person_set (person, ESCALE_FIELD_GIVEN_NAMES, given);
  escale_person_set (person, ESCALE_FIELD_BIRTH_DATE, birth_date);
  return person;
}

gint64
escale_test_add_person (EscaleStore *store,
                        const char  *family,
                        const char  *given,
                        const char  *birth_date)
{
  g_autoptr(EscalePerson) person = escale_test_person (family, given, birth_date);
  g_autoptr(GError) error = NULL;

  escale_store_save_person (store, person, &error);
  g_assert_no_error (error);
  return escale_person_get_id (person);
}

gint64
escale_test_add_old_person (EscaleStore *store,
                            const char  *family,
                            const char  *given)
{
  gint64 id = escale_test_add_person (store, family, given, NULL);

  escale_test_exec_printf (store,
                           "UPDATE person SET created_at = '2020-01-01T00:00:00Z' "
                           "WHERE id = %" G_GINT64_FORMAT, id);
  return id;
}

gint64
escale_test_add_programme (EscaleStore *store,
                           const char  *code,
                           const char  *name)
{
  g_autoptr(EscaleProgramme) programme = escale_programme_new ();
  g_autoptr(GError) error = NULL;

  programme->code = g_strdup (code);
  programme->name = g_strdup (name);
  g_assert_true (escale_store_save_programme (store, programme, &error));
  g_assert_no_error (error);
  return programme->id;
}

char *
escale_test_action_status (EscaleStore *store,
                           gint64       id)
{
  g_autoptr(EscaleAction) action = escale_store_load_action (store, id, NULL);

  g_assert_nonnull (action);
  return g_strdup (escale_action_get (action, ESCALE_ACTION_FIELD_STATUS));
}

void
escale_test_exec_printf (EscaleStore *store,
                         const char  *format,
                         ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_true (escale_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

int
escale_test_compare_doubles (gconstpointer a,
                             gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

void
escale_test_cleanup (void)
{
  if (tmp_dir != NULL && g_getenv ("ESCALE_KEEP_TEST_FILES") == NULL)
    remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

char *
escale_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

static char *
follow_up_cache_path (guint n_people,
                      guint actions_per_person)
{
  const char *build = g_getenv ("ESCALE_BUILD_DIR");
  g_autofree char *name = g_strdup_printf ("follow-up-%u-%u-v%d.db", n_people, actions_per_person,
                                           escale_store_get_latest_version ());

  return g_build_filename (build ? build : ".", "bench-cache", name, NULL);
}

/**
 * escale_test_open_follow_up_database:
 *
 * A demo database of @n_people with @actions_per_person actions each, for
 * the benchmarks: generated once, then cached in the build folder's
 * bench-cache/ (by schema version, so that a new migration makes a new one).
 *
 * Returns: (transfer full): the store
 */
EscaleStore *
escale_test_open_follow_up_database (guint n_people,
                                     guint actions_per_person)
{
  g_autofree char *path = follow_up_cache_path (n_people, actions_per_person);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_actions = 0;
  gint64 start;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      printf ("generating %s (%u people, %u actions each)…\n", path, n_people,
              actions_per_person);
      fflush (stdout);
      g_mkdir_with_parents (dir, 0755);
      g_unlink (partial);
      start = g_get_monotonic_time ();
      store = escale_store_open (partial, &error);
      g_assert_no_error (error);
      if (!escale_demo_generate_full (store, n_people, 1, NULL, NULL, NULL, &error) ||
          !escale_demo_generate_follow_up (store, actions_per_person, 1, NULL, NULL, NULL,
                                           &n_actions, &error))
        g_error ("Cannot generate the database: %s", error->message);
      g_clear_object (&store);
      printf ("generated %u actions in %.1f s\n", n_actions,
              (g_get_monotonic_time () - start) / 1e6);
      g_assert_cmpint (g_rename (partial, path), ==, 0);
    }
  store = escale_store_open (path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}
