/* escale-damaged-dialog.c — the database is damaged: restore its latest good backup
 *
 * Shown when the database fails to open as damaged, and when the check
 * run in the background after signing in finds damage. The latest good
 * backup is looked for first (each candidate's integrity is checked: it
 * takes a while on a large database), with the application held so that
 * it does not quit for lack of a window meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-backup-manager.h"
#include "escale-backup-util.h"
#include "escale-backup.h"
#include "escale-damaged-dialog.h"
#include "escale-language.h"
#include "escale-ui-util.h"
#include "escale-restore.h"

typedef struct
{
  GtkWindow        *parent;        /* weak, nullable */
  GApplication     *application;   /* nullable: held while looking */
  char             *database_path;
  char             *folder;
  char             *problem;
  EscaleBackupInfo *latest;        /* nullable */
} Damaged;

/* Helpers */

static void
damaged_free (Damaged *damaged)
{
  g_clear_weak_pointer (&damaged->parent);
  if (damaged->application != NULL)
    g_application_release (damaged->application);
  g_clear_object (&damaged->application);
  g_free (damaged->database_path);
  g_free (damaged->folder);
  g_free (damaged->problem);
  g_clear_pointer (&damaged->latest, escale_backup_info_free);
  g_free (damaged);
}

static char *
describe (Damaged *damaged)
{
  g_autofree char *path = escale_isolate (damaged->database_path);
  g_autofree char *isolated = escale_isolate_paths (damaged->problem);
  /* The message may begin with a path: its line takes the interface's direction. */
  g_autofree char *problem = g_strconcat (escale_direction_mark (), isolated, NULL);
  g_autofree char *what = NULL, *when = NULL, *offer = NULL;
  g_autofree char *folder = NULL, *made = NULL;

  /* Translators: %s is the database's path; what was found wrong follows on its own line */
  what = g_strdup_printf (_("Escale cannot use the database %s: the file is damaged. This can "
                            "follow a crash, a full disk, a faulty drive or a copy made while "
                            "it was in use."), path);
  if (damaged->latest == NULL)
    {
      folder = escale_isolate (damaged->folder);
      /* Translators: %s is a folder */
      offer = g_strdup_printf (_("No good backup of it was found in %s. Choose a backup file "
                                 "if there is one elsewhere, such as on a USB key."), folder);
      return g_strdup_printf ("%s\n\n%s\n\n%s", what, problem, offer);
    }
  when = escale_backup_format_time (damaged->latest->made_at);
  made = escale_isolate (when);
  /* Translators: %s is a date and time */
  offer = g_strdup_printf (_("The latest good backup was made on %s. Restoring it brings the "
                             "data back as it was then; the damaged file is kept aside."),
                           made);
  return g_strdup_printf ("%s\n\n%s\n\n%s", what, problem, offer);
}

static void
quit (void)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL && g_action_group_has_action (G_ACTION_GROUP (app), "quit"))
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

/* Callbacks */

static gboolean
on_restore_idle_cb (gpointer user_data)
{
  escale_restore_now (user_data, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Damaged          *damaged)
{
  /* Once: closing the dialog may give its close response too. */
  g_signal_handlers_disconnect_by_func (dialog, on_response_cb, damaged);
  if (g_str_equal (response, "restore") && damaged->latest != NULL)
    /* Once the dialog is done with: the restore closes every window. */
    g_idle_add_full (G_PRIORITY_DEFAULT, on_restore_idle_cb, g_strdup (damaged->latest->path),
                     g_free);
  else if (g_str_equal (response, "choose"))
    escale_restore_choose (damaged->parent, damaged->folder);
  else
    quit ();
  damaged_free (damaged);
}

static void
present (Damaged *damaged)
{
  g_autofree char *body = describe (damaged);
  g_autofree char *made = NULL, *when = NULL, *label = NULL;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (damaged->parent,
                                                       _("The Database Is Damaged"), body));
  adw_message_dialog_add_responses (dialog, "quit", _("_Quit"),
                                    "choose", _("C_hoose a Backup…"), NULL);
  if (damaged->latest != NULL)
    {
      made = escale_backup_format_time (damaged->latest->made_at);
      when = escale_isolate (made);
      /* Translators: %s is the date and time of the backup */
      label = g_strdup_printf (_("_Restore Latest Backup (%s)"), when);
      adw_message_dialog_add_response (dialog, "restore", label);
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
    }
  adw_message_dialog_set_close_response (dialog, "quit");
  if (damaged->application != NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (damaged->application));
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), damaged);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
find_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Damaged *damaged = task_data;

  (void) source;
  (void) cancellable;
  damaged->latest = escale_backup_find_latest_good (damaged->folder, damaged->database_path,
                                                    NULL);
  g_task_return_boolean (task, TRUE);
}

static void
on_found_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  (void) source;
  (void) result;
  present (user_data);
}

/* Public API */

void
escale_damaged_dialog_present (GtkWindow    *parent,
                               const char   *database_path,
                               const GError *error)
{
  Damaged *damaged;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (error != NULL);

  damaged = g_new0 (Damaged, 1);
  g_set_weak_pointer (&damaged->parent, parent);
  damaged->database_path = g_strdup (database_path);
  damaged->folder = escale_backup_configured_folder ();
  damaged->problem = g_strdup (error->message);
  damaged->application = g_application_get_default ();
  if (damaged->application != NULL)
    g_application_hold (g_object_ref (damaged->application));
  task = g_task_new (NULL, NULL, on_found_cb, damaged);
  g_task_set_source_tag (task, escale_damaged_dialog_present);
  g_task_set_task_data (task, damaged, NULL);
  g_task_run_in_thread (task, find_thread);
}
