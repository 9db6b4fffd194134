/* escale-leftovers.c — temporary files that a killed write left behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "escale-leftovers.h"

#define MIN_AGE_SECONDS 3600

guint
escale_remove_leftovers (const char *folder,
                         const char *prefix,
                         const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf buf;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, suffix))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &buf) == 0 && S_ISREG (buf.st_mode) &&
          now - buf.st_mtime > MIN_AGE_SECONDS && g_unlink (path) == 0)
        removed++;
    }
  return removed;
}
