/* escale-test-util.c — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "escale-person-store.h"
#include "escale-test-util.h"

static char *tmp_dir;

void
escale_test_init (int    *argc,
                  char ***argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
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
