/* escale-restore.c — restoring a backup from the app: choose, check, confirm, restore
 *
 * The steps, each waiting for the user or a worker:
 *
 *   choose     a GtkFileChooserNative on the backup folder (*.db)
 *   inspect    escale_backup_inspect() in a worker: integrity and version;
 *              a backup under another passphrase asks for it first
 *   confirm    an AdwMessageDialog with the backup's date, size and
 *              version: changes made since will be replaced
 *   restore    escale_session_restore(): every window and the store
 *              closed, the file replaced, the sign-in again; then a
 *              dialog says where the database as it was is kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-backup-util.h"
#include "escale-backup.h"
#include "escale-language.h"
#include "escale-restore.h"
#include "escale-ui-util.h"
#include "escale-session.h"

typedef struct
{
  GtkWindow *parent;       /* weak, nullable: the restore closes it */
  char      *backup_path;
  char      *passphrase;   /* nullable */
} Restore;

static void inspect (Restore *restore);

/* Helpers */

static void
restore_free (Restore *restore)
{
  g_clear_weak_pointer (&restore->parent);
  g_free (restore->backup_path);
  g_free (restore->passphrase);
  g_free (restore);
}

static Restore *
restore_new (GtkWindow  *parent,
             const char *backup_path)
{
  Restore *restore = g_new0 (Restore, 1);

  g_set_weak_pointer (&restore->parent, parent);
  restore->backup_path = g_strdup (backup_path);
  return restore;
}

static AdwMessageDialog *
message_new (GtkWindow  *parent,
             const char *heading,
             const char *body)
{
  /* Paths in the messages keep their order in a right-to-left sentence,
   * which keeps the interface's direction even when a path begins it. */
  g_autofree char *isolated = escale_isolate_paths (body);
  g_autofree char *text = g_strconcat (escale_direction_mark (), isolated, NULL);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, text));

  gtk_window_set_modal (GTK_WINDOW (dialog), parent != NULL);
  return dialog;
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  AdwMessageDialog *dialog = message_new (parent, heading, body);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_result (gboolean      restored,
             const char   *saved_copy,
             const GError *error)
{
  EscaleSession *session = escale_session_get_default ();
  GtkWindow *parent = session ? escale_session_get_sign_in_window (session) : NULL;
  g_autofree char *body = NULL;
  g_autofree char *isolated = saved_copy ? escale_isolate (saved_copy) : NULL;

  if (!restored)
    {
      show_message (parent, _("Restore Failed"), error->message);
      return;
    }
  if (saved_copy != NULL)
    /* Translators: %s is the path of a file */
    body = g_strdup_printf (_("The database is back as it was in the backup. Sign in again to "
                              "go on.\n\nThe database as it was before is kept in %s"),
                            isolated);
  else
    body = g_strdup (_("The database is back as it was in the backup. Sign in again to go on."));
  show_message (parent, _("Backup Restored"), body);
}

/* Callbacks */

static gboolean
on_restore_idle_cb (gpointer user_data)
{
  Restore *restore = user_data;

  escale_restore_now (restore->backup_path, restore->passphrase);
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Restore          *restore)
{
  /* Once: closing the dialog may give its close response too. */
  g_signal_handlers_disconnect_by_func (dialog, on_confirm_response_cb, restore);
  if (!g_str_equal (response, "restore"))
    {
      restore_free (restore);
      return;
    }
  /* Once the dialog is done with: the restore closes every window. */
  g_idle_add_full (G_PRIORITY_DEFAULT, on_restore_idle_cb, restore,
                   (GDestroyNotify) restore_free);
}

static void
confirm (Restore                *restore,
         const EscaleBackupInfo *info)
{
  g_autofree char *facts = escale_backup_format_info (info);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf ("%s\n\n%s", facts,
                          _("Everything changed in the database since this backup will be "
                            "replaced by the backup. The database as it is now will be kept in "
                            "a copy beside it, and every window will close."));
  dialog = message_new (restore->parent, _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), restore);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_passphrase_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           Restore          *restore)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  g_signal_handlers_disconnect_by_func (dialog, on_passphrase_response_cb, restore);
  /* GTK 4.8: a password entry that has the focus when its window goes
   * reaches for itself once finalized. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  if (!g_str_equal (response, "open"))
    {
      restore_free (restore);
      return;
    }
  g_free (restore->passphrase);
  restore->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  inspect (restore);
}

static void
ask_passphrase (Restore *restore)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_password_entry_new ();

  dialog = message_new (restore->parent, _("Passphrase of the Backup"),
                        _("This backup is encrypted with another passphrase than the database "
                          "open now. Type the passphrase it was made with."));
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passphrase"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("C_heck"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_passphrase_response_cb), restore);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
inspect_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Restore *restore = task_data;
  GError *error = NULL;
  EscaleBackupInfo *info;

  (void) source;
  (void) cancellable;
  info = escale_backup_inspect (restore->backup_path, restore->passphrase, &error);
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) escale_backup_info_free);
}

static void
on_inspected_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Restore *restore = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleBackupInfo) info = g_task_propagate_pointer (G_TASK (result), &error);

  (void) source;
  if (info != NULL)
    confirm (restore, info);
  else if (g_error_matches (error, ESCALE_BACKUP_ERROR, ESCALE_BACKUP_ERROR_LOCKED))
    ask_passphrase (restore);
  else
    {
      show_message (restore->parent, _("Cannot Restore This Backup"), error->message);
      restore_free (restore);
    }
}

static void
inspect (Restore *restore)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_inspected_cb, restore);

  g_task_set_source_tag (task, inspect);
  g_task_set_task_data (task, restore, NULL);
  g_task_run_in_thread (task, inspect_thread);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        GtkWindow       *parent)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    escale_restore_ask (parent, path);
  g_clear_object (&parent);
  g_object_unref (chooser);
}

/* Public API */

void
escale_restore_choose (GtkWindow  *parent,
                       const char *folder)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) location = g_file_new_for_path (folder);

  g_return_if_fail (folder != NULL);

  chooser = gtk_file_chooser_native_new (_("Restore a Backup"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the kind of files shown by the file chooser */
  gtk_file_filter_set_name (filter, _("Backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (g_file_query_exists (location, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), location, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb),
                    parent ? g_object_ref (parent) : NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
escale_restore_ask (GtkWindow  *parent,
                    const char *backup_path)
{
  g_return_if_fail (backup_path != NULL);
  inspect (restore_new (parent, backup_path));
}

void
escale_restore_now (const char *backup_path,
                    const char *passphrase)
{
  EscaleSession *session = escale_session_get_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_copy = NULL;
  gboolean restored;

  g_return_if_fail (backup_path != NULL);
  g_return_if_fail (session != NULL);

  restored = escale_session_restore (session, backup_path, passphrase, &saved_copy, &error);
  show_result (restored, saved_copy, error);
}
