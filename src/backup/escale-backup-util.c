/* escale-backup-util.c — how backups are described to the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-backup-util.h"
#include "escale-date.h"
#include "escale-language.h"

char *
escale_backup_format_age (GDateTime *when,
                          GDateTime *now)
{
  GTimeSpan span = g_date_time_difference (now, when);
  gint64 minutes = MAX (span, 0) / G_TIME_SPAN_MINUTE;
  gint64 hours = minutes / 60;
  gint64 days = hours / 24;

  if (days >= 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld day ago", "%lld days ago",
                                         (gulong) days), (long long) days);
  if (hours >= 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld hour ago", "%lld hours ago",
                                         (gulong) hours), (long long) hours);
  if (minutes >= 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld minute ago", "%lld minutes ago",
                                         (gulong) minutes), (long long) minutes);
  return g_strdup (_("less than a minute ago"));
}

char *
escale_backup_format_time (GDateTime *utc)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *date = escale_date_format (iso, ESCALE_DATE_EXACT);
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  /* Translators: a date and a time of day, "14/03/2026 at 09:30" */
  return g_strdup_printf (_("%s at %s"), date, time);
}

char *
escale_backup_format_info (const EscaleBackupInfo *info)
{
  g_autofree char *time = escale_backup_format_time (info->made_at);
  g_autofree char *made = escale_isolate (time);
  g_autofree char *bytes = g_format_size ((guint64) MAX (info->size, 0));
  g_autofree char *size = escale_isolate (bytes);
  g_autofree char *when = NULL, *weight = NULL, *schema = NULL;

  /* Translators: %s is a date and time */
  when = g_strdup_printf (_("Made on %s"), made);
  /* Translators: %s is a size, such as 12.3 MB */
  weight = g_strdup_printf (_("Size: %s"), size);
  /* Translators: the version of the database's structure */
  schema = g_strdup_printf (_("Database version: %d"), info->schema_version);
  return g_strjoin ("\n", when, weight, schema, NULL);
}

char *
escale_backup_short_path (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *parent = g_path_get_basename (folder);
  g_autofree char *name = g_path_get_basename (path);

  return g_strdup_printf ("…/%s/%s", parent, name);
}

gboolean
escale_backup_may_manage (EscaleStore *store)
{
  EscaleRole role = escale_store_get_role (store);

  return role == ESCALE_ROLE_SYSTEM || role == ESCALE_ROLE_ADMINISTRATOR ||
         role == ESCALE_ROLE_STAFF;
}
