/* fuzz-replay.c — runs a fuzz target on its corpus and its past crashes
 *
 * Built with the target's fuzz-NAME.c by the normal (gcc) build: each file
 * of the folders given is fed to LLVMFuzzerTestOneInput() as libFuzzer
 * would, one TAP test a file. A broken oracle aborts the run, naming the
 * file in the last "# replaying" line.
 *
 *   fuzz-replay-NAME FOLDER…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "fuzz-util.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The files of @folder, sorted; a missing folder has none. */
static void
add_files (GPtrArray  *paths,
           const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (name[0] != '.' && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gboolean failed = FALSE;

  for (int i = 1; i < argc; i++)
    add_files (paths, argv[i]);
  g_ptr_array_sort (paths, compare_paths);
  printf ("1..%u\n", paths->len);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize size;

      printf ("# replaying %s\n", path);
      fflush (stdout);
      if (!g_file_get_contents (path, &data, &size, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          failed = TRUE;
          continue;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
      printf ("ok %u - %s\n", i + 1, path);
    }
  return failed ? 1 : 0;
}
