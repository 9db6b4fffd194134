/* fuzz-util.c — what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "escale-person-store.h"
#include "fuzz-util.h"

static char *tmp_dir;

void
fuzz_fail (const char *what,
           const char *file,
           int         line)
{
  fprintf (stderr, "%s:%d: oracle failed: %s\n", file, line, what);
  fflush (stderr);
  __builtin_trap ();
}

void
fuzz_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_setenv ("LANGUAGE", "en", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
      g_once_init_leave (&once, 1);
    }
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

char *
fuzz_tmp_path (const char *name)
{
  if (tmp_dir == NULL)
    {
      tmp_dir = g_dir_make_tmp ("escale-fuzz-XXXXXX", NULL);
      FUZZ_CHECK (tmp_dir != NULL);
      atexit (remove_tmp_dir);
    }
  return g_build_filename (tmp_dir, name, NULL);
}

static void
add_person (EscaleStore *store,
            const char  *file_number,
            const char  *family,
            const char  *given,
            const char  *other_names,
            const char  *phone)
{
  g_autoptr(EscalePerson) person = escale_person_new ();
  g_autoptr(GError) error = NULL;

  escale_person_set (person, ESCALE_FIELD_FILE_NUMBER, file_number);
  escale_person_set (person, ESCALE_FIELD_FAMILY_NAME, family);
  escale_person_set (person, ESCALE_FIELD_GIVEN_NAMES, given);
  escale_person_set (person, ESCALE_FIELD_PHONE, phone);
  if (other_names != NULL)
    {
      g_auto(GStrv) names = g_strsplit (other_names, "|", -1);

      escale_person_set_other_names (person, (const char * const *) names);
    }
  escale_store_save_person (store, person, &error);
  FUZZ_CHECK (error == NULL);
}

EscaleStore *
fuzz_store (void)
{
  static EscaleStore *store;

  if (store == NULL)
    {
      g_autofree char *path = fuzz_tmp_path ("fuzz.db");
      g_autoptr(GError) error = NULL;

      fuzz_init ();
      store = escale_store_open (path, &error);
      FUZZ_CHECK (store != NULL);
      add_person (store, "2019-0001", "Haddad", "Samir", "سمير حداد|Hadad", "+33 6 12 34 56 78");
      add_person (store, "2019-0002", "Tesfaye", "Selam", "ሰላም", NULL);
      add_person (store, "2020-0010", "Шевченко", "Олександр", "Shevchenko", "06 98 76 54 32");
      add_person (store, NULL, "Nguyễn", "Thị Lan", NULL, NULL);
      add_person (store, NULL, "O'Brien-Durand", "Zoë", "王芳", "0033 1 23 45 67 89");
    }
  return store;
}

char *
fuzz_string (const uint8_t *data,
             size_t         size)
{
  return g_strndup ((const char *) data, size);
}
