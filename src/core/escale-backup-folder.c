/* escale-backup-folder.c — dated backups in a folder, their rotation, the last good one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "escale-account.h"
#include "escale-backup.h"
#include "escale-backup-private.h"
#include "escale-leftovers.h"

#define INFIX        "-backup-"
#define STAMP_FORMAT "%Y-%m-%d-%H%M%S"
#define SUFFIX       ".db"
/* The setting that records the last good backup: "TIME\tPATH". */
#define LAST_KEY     "backup.last"

char *
escale_backup_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "escale", "backups", NULL);
}

/* "escale" for ".../escale.db": what the backups' names start with. */
static char *
database_stem (const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static char *
backup_name (const char *database_path,
             GDateTime  *made_at)
{
  g_autofree char *stem = database_stem (database_path);
  g_autofree char *stamp = g_date_time_format (made_at, STAMP_FORMAT);

  return g_strconcat (stem, INFIX, stamp, SUFFIX, NULL);
}

GDateTime *
escale_backup_parse_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *infix = g_strrstr (base, INFIX);
  int y, mo, d, h, mi, s, end = 0;

  if (infix == NULL ||
      sscanf (infix + strlen (INFIX), "%4d-%2d-%2d-%2d%2d%2d" SUFFIX "%n",
              &y, &mo, &d, &h, &mi, &s, &end) != 6 ||
      end == 0 || infix[strlen (INFIX) + end] != '\0')
    return NULL;
  return g_date_time_new_utc (y, mo, d, h, mi, s);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const EscaleBackupInfo *x = *(EscaleBackupInfo **) a;
  const EscaleBackupInfo *y = *(EscaleBackupInfo **) b;

  return g_date_time_compare (y->made_at, x->made_at);
}

GPtrArray *
escale_backup_list (const char *folder,
                    const char *database_path)
{
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_backup_info_free);
  g_autofree char *stem = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL && database_path != NULL, backups);

  stem = database_stem (database_path);
  prefix = g_strconcat (stem, INFIX, NULL);
  if ((dir = g_dir_open (folder, 0, NULL)) == NULL)
    return backups;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      GDateTime *made_at;
      EscaleBackupInfo *info;
      GStatBuf buf;

      if (!g_str_has_prefix (name, prefix) || (made_at = escale_backup_parse_name (name)) == NULL)
        continue;
      info = g_new0 (EscaleBackupInfo, 1);
      info->path = g_build_filename (folder, name, NULL);
      info->made_at = made_at;
      info->size = g_stat (info->path, &buf) == 0 ? buf.st_size : 0;
      g_ptr_array_add (backups, info);
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

/* Rotation */

typedef char *(*PeriodKey) (GDateTime *time);

static char *
day_key (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%d");
}

static char *
week_key (GDateTime *time)
{
  return g_date_time_format (time, "%G-%V");
}

static char *
month_key (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m");
}

/* Marks in @kept the newest of each of the @count latest periods (days,
 * weeks, months) that have a backup; @order is newest first. */
static void
keep_newest_per_period (GPtrArray *made_at,
                        GArray    *order,
                        gboolean  *kept,
                        int        count,
                        PeriodKey  key_of)
{
  g_autofree char *last_key = NULL;
  int periods = 0;

  for (guint i = 0; i < order->len && periods < count; i++)
    {
      guint index = g_array_index (order, guint, i);
      g_autofree char *key = key_of (g_ptr_array_index (made_at, index));

      if (g_strcmp0 (key, last_key) == 0)
        continue;
      kept[index] = TRUE;
      periods++;
      g_free (last_key);
      last_key = g_steal_pointer (&key);
    }
}

static GPtrArray *sort_times;

static int
compare_index_newest_first (gconstpointer a,
                            gconstpointer b)
{
  GDateTime *x = g_ptr_array_index (sort_times, *(const guint *) a);
  GDateTime *y = g_ptr_array_index (sort_times, *(const guint *) b);

  return g_date_time_compare (y, x);
}

static GArray *
newest_first (GPtrArray *made_at)
{
  G_LOCK_DEFINE_STATIC (sort);
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), made_at->len);

  for (guint i = 0; i < made_at->len; i++)
    g_array_append_val (order, i);
  G_LOCK (sort);
  sort_times = made_at;
  g_array_sort (order, compare_index_newest_first);
  sort_times = NULL;
  G_UNLOCK (sort);
  return order;
}

GPtrArray *
escale_backup_select_expired (GPtrArray *made_at,
                              int        keep_daily,
                              int        keep_weekly,
                              int        keep_monthly)
{
  GPtrArray *expired = g_ptr_array_new ();
  g_autoptr(GArray) order = NULL;
  g_autofree gboolean *kept = NULL;

  g_return_val_if_fail (made_at != NULL, expired);
  if (made_at->len == 0)
    return expired;

  order = newest_first (made_at);
  kept = g_new0 (gboolean, made_at->len);
  kept[g_array_index (order, guint, 0)] = TRUE;
  keep_newest_per_period (made_at, order, kept, keep_daily, day_key);
  keep_newest_per_period (made_at, order, kept, keep_weekly, week_key);
  keep_newest_per_period (made_at, order, kept, keep_monthly, month_key);
  for (guint i = 0; i < made_at->len; i++)
    if (!kept[i])
      g_ptr_array_add (expired, GUINT_TO_POINTER (i));
  return expired;
}

gboolean
escale_backup_rotate (const char  *folder,
                      const char  *database_path,
                      GError     **error)
{
  g_autoptr(GPtrArray) backups = escale_backup_list (folder, database_path);
  g_autoptr(GPtrArray) times = g_ptr_array_new ();
  g_autoptr(GPtrArray) expired = NULL;

  for (guint i = 0; i < backups->len; i++)
    g_ptr_array_add (times, ((EscaleBackupInfo *) g_ptr_array_index (backups, i))->made_at);
  expired = escale_backup_select_expired (times, ESCALE_BACKUP_KEEP_DAILY,
                                          ESCALE_BACKUP_KEEP_WEEKLY, ESCALE_BACKUP_KEEP_MONTHLY);
  for (guint i = 0; i < expired->len; i++)
    {
      EscaleBackupInfo *info = g_ptr_array_index (backups,
                                                  GPOINTER_TO_UINT (g_ptr_array_index (expired, i)));

      if (g_unlink (info->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_FAILED,
                       /* Translators: %s are a file path and the system's reason */
                       _("Could not delete the old backup %s: %s"), info->path,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

/* The last good backup */

/* Records @path, written now, as the last good backup. */
gboolean
escale_backup_record_last (EscaleStore  *store,
                           const char   *path,
                           GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *value = g_strconcat (stamp, "\t", path, NULL);

  return escale_store_set_setting (store, LAST_KEY, value, error);
}

GDateTime *
escale_backup_get_last (EscaleStore  *store,
                        char        **path)
{
  g_autofree char *value = escale_store_get_setting (store, LAST_KEY);
  g_auto(GStrv) parts = NULL;
  GDateTime *made_at;

  if (path != NULL)
    *path = NULL;
  if (value == NULL || (parts = g_strsplit (value, "\t", 2))[0] == NULL || parts[1] == NULL ||
      (made_at = g_date_time_new_from_iso8601 (parts[0], NULL)) == NULL)
    return NULL;
  if (path != NULL)
    *path = g_strdup (parts[1]);
  return made_at;
}

gboolean
escale_backup_is_old (GDateTime *last,
                      GDateTime *now,
                      int        max_age_days)
{
  g_return_val_if_fail (now != NULL, TRUE);
  return last == NULL || g_date_time_difference (now, last) > max_age_days * G_TIME_SPAN_DAY;
}

char *
escale_backup_to_folder (EscaleStore   *store,
                         const char    *folder,
                         gboolean       automatic,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) rotate_error = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store) && folder != NULL, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_FAILED,
                   /* Translators: %s are a folder and the system's reason */
                   _("Could not create the backup folder %s: %s"), folder,
                   g_strerror (saved_errno));
      return NULL;
    }
  name = backup_name (escale_store_get_path (store), now);
  {
    g_autofree char *stem = database_stem (escale_store_get_path (store));
    g_autofree char *prefix = g_strconcat (stem, INFIX, NULL);

    escale_remove_leftovers (folder, prefix, SUFFIX ".part");
  }
  target = g_build_filename (folder, name, NULL);
  if (!escale_backup_write (store, target, cancellable, error))
    return NULL;
  /* An old backup left behind is not worth failing a good one. */
  if (!escale_backup_rotate (folder, escale_store_get_path (store), &rotate_error))
    g_warning ("%s", rotate_error->message);
  g_debug ("%s backup written: %s", automatic ? "Automatic" : "Manual", target);
  return g_steal_pointer (&target);
}

/* In a worker thread */

typedef struct
{
  EscaleStoreAccess *access;
  char              *folder;
  gboolean           automatic;
} ToFolderData;

static void
to_folder_data_free (ToFolderData *data)
{
  escale_store_access_free (data->access);
  g_free (data->folder);
  g_free (data);
}

static void
to_folder_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ToFolderData *data = task_data;
  g_autoptr(EscaleStore) store = NULL;
  GError *error = NULL;
  char *path;

  (void) source_object;
  if ((store = escale_store_access_open (data->access, &error)) != NULL &&
      (path = escale_backup_to_folder (store, data->folder, data->automatic, cancellable,
                                       &error)) != NULL)
    g_task_return_pointer (task, path, g_free);
  else
    g_task_return_error (task, error);
}

void
escale_backup_to_folder_async (EscaleStore         *store,
                               const char          *folder,
                               gboolean             automatic,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ToFolderData *data = g_new0 (ToFolderData, 1);

  data->access = escale_store_access_new (store);
  data->folder = g_strdup (folder);
  data->automatic = automatic;
  g_task_set_source_tag (task, escale_backup_to_folder_async);
  g_task_set_task_data (task, data, (GDestroyNotify) to_folder_data_free);
  g_task_run_in_thread (task, to_folder_thread);
}

char *
escale_backup_to_folder_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

EscaleBackupInfo *
escale_backup_find_latest_good (const char *folder,
                                const char *database_path,
                                const char *passphrase)
{
  g_autoptr(GPtrArray) backups = escale_backup_list (folder, database_path);

  for (guint i = 0; i < backups->len; i++)
    {
      EscaleBackupInfo *listed = g_ptr_array_index (backups, i);
      EscaleBackupInfo *info = escale_backup_inspect (listed->path, passphrase, NULL);

      if (info != NULL)
        return info;
    }
  return NULL;
}
