/* test-ui-backups.c — backups in the app: the Backups page, the warning, restoring, a damaged file
 *
 * On real databases in temporary folders, through real windows: Back Up
 * Now on the Backups page writes a backup into the chosen folder and the
 * "last good backup" row says so; the main window warns when there is no
 * backup, and the warning goes after Back Up Now; a backup restored
 * through the dialogs brings the old data back (a person added since is
 * gone, and kept in the copy of the database as it was) and the sign-in
 * comes back; a database damaged on disk gets the dialog that offers its
 * latest backup, and accepting restores it and signs in. Only
 * administrators and staff see the Backups page. Screenshots of the page
 * and the warning in English, French and Arabic are written to the build
 * folder (screenshot-backups-*.png).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "escale-account.h"
#include "escale-application.h"
#include "escale-backup-manager.h"
#include "escale-backup-warnings.h"
#include "escale-backup.h"
#include "escale-backups-page.h"
#include "escale-crypt.h"
#include "escale-damaged-dialog.h"
#include "escale-language-switch.h"
#include "escale-preferences-window.h"
#include "escale-restore.h"
#include "escale-session.h"
#include "escale-sign-in-window.h"
#include "escale-test-auth.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-window.h"

#define spin escale_test_spin

#define PASSWORD "a long enough password"

typedef struct
{
  EscaleStore *store;
  char        *path;
  char        *folder;
  GSettings   *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  (void) data;
  fixture->store = escale_test_store_new ();
  fixture->path = g_strdup (escale_store_get_path (fixture->store));
  fixture->folder = escale_test_tmp_path ("backups");
  fixture->settings = escale_application_new_settings ();
  g_assert_nonnull (fixture->settings);
  g_settings_set_string (fixture->settings, "backup-folder", fixture->folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  (void) data;
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  spin ();
  g_settings_reset (fixture->settings, "backup-folder");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* Helpers */

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds, 20 s at most. */
static void
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_true (condition (data));
  spin ();
}

static gboolean
backup_done (gpointer manager)
{
  return !escale_backup_manager_is_running (manager);
}

static gboolean
message_shown (gpointer data)
{
  AdwMessageDialog *dialog = escale_test_find_message_dialog ();

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (dialog), data) == 0;
}

static AdwMessageDialog *
wait_for_message (const char *heading)
{
  AdwMessageDialog *shown;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!message_shown ((gpointer) heading) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  shown = escale_test_find_message_dialog ();
  /* Another message says what went wrong. */
  if (shown != NULL && !message_shown ((gpointer) heading))
    g_error ("%s: %s", adw_message_dialog_get_heading (shown), adw_message_dialog_get_body (shown));
  wait_until (message_shown, (gpointer) heading);
  return escale_test_find_message_dialog ();
}

/* As a click on the response's button: the response, then the dialog
 * closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  spin ();
}

static gint64
add_account (EscaleStore *store,
             const char  *login,
             EscaleRole   role)
{
  g_autoptr(GError) error = NULL;
  gint64 id = escale_store_create_account (store, login, "Someone", role, PASSWORD, &error);

  g_assert_no_error (error);
  return id;
}

static gboolean
sign_in_shown (gpointer data)
{
  GtkWidget *window = escale_test_find_toplevel (ESCALE_TYPE_SIGN_IN_WINDOW);

  (void) data;
  return window != NULL &&
         g_str_equal (escale_sign_in_window_get_page (ESCALE_SIGN_IN_WINDOW (window)), "login");
}

/* Signs in as claire on the sign-in window shown: the main window. */
static EscaleWindow *
sign_in (void)
{
  GtkWidget *window;

  wait_until (sign_in_shown, NULL);
  window = escale_test_find_toplevel (ESCALE_TYPE_SIGN_IN_WINDOW);
  escale_test_type (window, "Login", "claire");
  escale_test_type (window, "Password", PASSWORD);
  escale_test_click (window, "_Sign In");
  window = escale_test_find_toplevel (ESCALE_TYPE_WINDOW);
  g_assert_nonnull (window);
  return ESCALE_WINDOW (window);
}

static EscaleBackupsPage *
backups_page (gpointer root)
{
  return (EscaleBackupsPage *) escale_test_find_widget (root, ESCALE_TYPE_BACKUPS_PAGE, NULL,
                                                        NULL);
}

static const char *
subtitle_of (EscaleBackupsPage   *page,
             EscaleBackupsWidget  which)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (escale_backups_page_get_widget (page,
                                                                                      which)));
}

/* Clicks Back Up Now on @page and waits for the backup. */
static void
back_up_now (EscaleBackupsPage *page,
             EscaleStore       *store)
{
  g_signal_emit_by_name (escale_backups_page_get_widget (page, ESCALE_BACKUPS_BACK_UP_BUTTON),
                         "clicked");
  g_assert_true (escale_backup_manager_is_running (escale_backup_manager_get (store)));
  wait_until (backup_done, escale_backup_manager_get (store));
}

static char *
only_backup (Fixture *fixture)
{
  g_autoptr(GPtrArray) backups = escale_backup_list (fixture->folder, fixture->path);

  g_assert_cmpuint (backups->len, ==, 1);
  return g_strdup (((EscaleBackupInfo *) g_ptr_array_index (backups, 0))->path);
}

/* How many people named @family the database at @path holds. */
static int
count_family (const char *path,
              const char *family)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM person WHERE family_name = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, family, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* The one file of @folder whose name contains @part. */
static char *
find_file (const char *folder,
           const char *part)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  char *found = NULL;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, part) != NULL)
      {
        g_assert_null (found);
        found = g_build_filename (folder, name, NULL);
      }
  return found;
}

/* Records a last good backup made @days ago, as escale-backup.c keeps it
 * (the backup.last setting: time, tab, path). */
static void
set_last_backup (EscaleStore *store,
                 int          days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);
  g_autofree char *stamp = g_date_time_format_iso8601 (then);
  g_autofree char *value = g_strconcat (stamp, "\t/nowhere/test-backup.db", NULL);
  g_autoptr(GDateTime) last = NULL;

  g_assert_true (escale_store_set_setting (store, "backup.last", value, NULL));
  last = escale_backup_get_last (store, NULL);
  g_assert_nonnull (last);
  g_assert_cmpint (g_date_time_difference (now, last) / G_TIME_SPAN_DAY, ==, days);
}

/* Tests */

static void
test_page_back_up (Fixture       *fixture,
                   gconstpointer  data)
{
  EscalePreferencesWindow *window;
  EscaleBackupsPage *page;
  GtkWidget *last_row;
  g_autofree char *backup = NULL, *name = NULL;
  g_autoptr(EscaleBackupInfo) info = NULL;

  (void) data;
  window = escale_preferences_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  page = backups_page (window);
  g_assert_nonnull (page);
  last_row = escale_backups_page_get_widget (page, ESCALE_BACKUPS_LAST_ROW);
  g_assert_cmpstr (subtitle_of (page, ESCALE_BACKUPS_LAST_ROW), ==, "Never");
  g_assert_true (gtk_widget_has_css_class (last_row, "backup-old"));
  g_assert_nonnull (strstr (subtitle_of (page, ESCALE_BACKUPS_FOLDER_ROW), fixture->folder));
  g_assert_nonnull (strstr (subtitle_of (page, ESCALE_BACKUPS_FOLDER_ROW), "first backup"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (escale_backups_page_get_widget (
    page, ESCALE_BACKUPS_AUTOMATIC))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (
    escale_backups_page_get_widget (page, ESCALE_BACKUPS_INTERVAL))), ==, 4);

  back_up_now (page, fixture->store);
  backup = only_backup (fixture);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  name = g_path_get_basename (backup);
  g_assert_nonnull (strstr (subtitle_of (page, ESCALE_BACKUPS_LAST_ROW), name));
  g_assert_nonnull (strstr (subtitle_of (page, ESCALE_BACKUPS_LAST_ROW), "less than a minute"));
  g_assert_false (gtk_widget_has_css_class (last_row, "backup-old"));
  g_assert_nonnull (strstr (subtitle_of (page, ESCALE_BACKUPS_FOLDER_ROW), "Reachable"));
  info = escale_backup_inspect (backup, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_cmpint (info->schema_version, ==, escale_store_get_latest_version ());
}

/* Administrators and staff back up and restore; volunteers and treasurers
 * do not see the page. */
static void
test_page_roles (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct { EscaleRole role; gboolean shown; } roles[] = {
    { ESCALE_ROLE_ADMINISTRATOR, TRUE },
    { ESCALE_ROLE_STAFF, TRUE },
    { ESCALE_ROLE_VOLUNTEER, FALSE },
    { ESCALE_ROLE_TREASURER, FALSE },
  };

  (void) data;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *login = g_strdup_printf ("user%u", i);

      add_account (fixture->store, login, roles[i].role);
    }
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *login = g_strdup_printf ("user%u", i);
      g_autoptr(GError) error = NULL;
      EscalePreferencesWindow *window;

      g_assert_true (escale_store_login (fixture->store, login, PASSWORD, &error));
      g_assert_no_error (error);
      window = escale_preferences_window_new (NULL, fixture->store);
      g_assert_true ((backups_page (window) != NULL) == roles[i].shown);
      gtk_window_destroy (GTK_WINDOW (window));
      escale_store_logout (fixture->store);
    }
}

static void
test_warning_bar (Fixture       *fixture,
                  gconstpointer  data)
{
  EscaleWindow *window;
  EscaleBackupWarnings *warnings;
  EscaleWarningBar *bar;

  (void) data;
  window = escale_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  warnings = (EscaleBackupWarnings *) escale_test_find_widget (window,
                                                               ESCALE_TYPE_BACKUP_WARNINGS,
                                                               NULL, NULL);
  g_assert_nonnull (warnings);
  bar = escale_backup_warnings_get_bar (warnings, ESCALE_BACKUP_WARNING_OLD);
  g_assert_true (escale_warning_bar_is_revealed (bar));
  g_assert_cmpstr (escale_warning_bar_get_message (bar), ==,
                   "No backup of this database has been made yet.");
  g_assert_false (escale_warning_bar_is_revealed (
    escale_backup_warnings_get_bar (warnings, ESCALE_BACKUP_WARNING_SHARED)));

  /* A backup older than backup-warn-days (7): the warning says how old. */
  set_last_backup (fixture->store, 9);
  escale_backup_warnings_refresh (warnings);
  g_assert_true (escale_warning_bar_is_revealed (bar));
  g_assert_cmpstr (escale_warning_bar_get_message (bar), ==, "No backup for 9 days.");
  set_last_backup (fixture->store, 6);
  escale_backup_warnings_refresh (warnings);
  g_assert_false (escale_warning_bar_is_revealed (bar));
  set_last_backup (fixture->store, 8);
  escale_backup_warnings_refresh (warnings);
  g_assert_true (escale_warning_bar_is_revealed (bar));

  g_signal_emit_by_name (escale_warning_bar_get_button (bar), "clicked");
  g_assert_false (gtk_widget_get_sensitive (escale_warning_bar_get_button (bar)));
  wait_until (backup_done, escale_backup_manager_get (fixture->store));
  g_assert_false (escale_warning_bar_is_revealed (bar));
  g_free (only_backup (fixture));

  /* Dismissed, it stays hidden. */
  escale_warning_bar_reveal (bar, "Test", NULL);
  escale_warning_bar_dismiss (bar);
  escale_warning_bar_reveal (bar, "Test", NULL);
  g_assert_false (escale_warning_bar_is_revealed (bar));
}

/* The backup made when the app closes holds the application until it is
 * written; it is skipped when the last one is recent, or automatic
 * backups are off. */
static void
test_at_close (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GApplication) app = g_application_new ("org.escale.BackupTest",
                                                   G_APPLICATION_NON_UNIQUE);
  EscaleBackupManager *manager = escale_backup_manager_get (fixture->store);

  (void) data;
  g_settings_set_boolean (fixture->settings, "backup-automatic", FALSE);
  g_assert_false (escale_backup_manager_back_up_at_close (manager, app));
  g_settings_reset (fixture->settings, "backup-automatic");
  g_assert_true (escale_backup_manager_back_up_at_close (manager, app));
  g_assert_true (escale_backup_manager_is_running (manager));
  wait_until (backup_done, manager);
  g_free (only_backup (fixture));
  /* Made a moment ago: not again. */
  g_assert_false (escale_backup_manager_back_up_at_close (manager, app));
  set_last_backup (fixture->store, 1);
  g_assert_true (escale_backup_manager_back_up_at_close (manager, app));
  wait_until (backup_done, manager);
  /* Released as many times as held: one more release is refused. */
  g_test_expect_message ("GLib-GIO", G_LOG_LEVEL_CRITICAL, "*use_count > 0*");
  g_application_release (app);
  g_test_assert_expected_messages ();
}

/* Back up, add a person, restore the backup through the dialogs: the
 * person is gone from the database and kept in the copy of it. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(EscaleSession) session = escale_session_new (NULL);
  g_autofree char *backup = NULL, *saved = NULL, *dirname = NULL;
  EscaleWindow *window;
  EscaleBackupsPage *page;
  AdwMessageDialog *dialog;
  EscaleStore *store;

  (void) data;
  escale_test_add_person (fixture->store, "Haddad", "Amina", "1990-03-14");
  add_account (fixture->store, "claire", ESCALE_ROLE_ADMINISTRATOR);
  escale_session_begin_with_store (session, fixture->store);
  /* The session's store only, so that restoring can close it. */
  g_clear_object (&fixture->store);
  window = sign_in ();
  store = escale_window_get_store (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  spin ();
  page = backups_page (escale_test_find_toplevel (ESCALE_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (page);
  back_up_now (page, store);
  backup = only_backup (fixture);
  escale_test_add_person (store, "Petrov", "Olena", "1985-06-01");
  g_assert_cmpint (count_family (fixture->path, "Petrov"), ==, 1);

  escale_backups_page_restore_file (page, backup);
  dialog = wait_for_message ("Restore This Backup?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Database version"));
  respond (dialog, "restore");
  dialog = wait_for_message ("Backup Restored");
  dirname = g_path_get_dirname (fixture->path);
  saved = find_file (dirname, "before-restore");
  g_assert_nonnull (saved);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), saved));
  g_assert_null (escale_test_find_toplevel (ESCALE_TYPE_WINDOW));
  g_assert_cmpint (count_family (fixture->path, "Petrov"), ==, 0);
  g_assert_cmpint (count_family (fixture->path, "Haddad"), ==, 1);
  g_assert_cmpint (count_family (saved, "Petrov"), ==, 1);
  respond (dialog, "close");
  window = sign_in ();
  g_assert_cmpint (count_family (fixture->path, "Haddad"), ==, 1);
}

/* Overwrites 4 KiB in the middle of the file at @path with junk. */
static void
damage (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  for (gsize i = 0; i < 4096 && i < length; i++)
    contents[4096 + i] = (char) g_random_int_range (0, 256);
  /* The header too: the file is no longer a database at all. */
  memcpy (contents, "not a database, sorry", 21);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_damaged_at_start (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EscaleSession) session = escale_session_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL, *label = NULL;
  AdwMessageDialog *dialog;

  (void) data;
  escale_test_add_person (fixture->store, "Haddad", "Amina", "1990-03-14");
  add_account (fixture->store, "claire", ESCALE_ROLE_ADMINISTRATOR);
  backup = escale_backup_to_folder (fixture->store, fixture->folder, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  damage (fixture->path);

  /* As the application does when the database does not open. */
  g_assert_false (escale_session_begin (session, fixture->path, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED);
  escale_damaged_dialog_present (NULL, fixture->path, error);
  dialog = wait_for_message ("The Database Is Damaged");
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_has_response (dialog, "choose"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  label = g_strdup (adw_message_dialog_get_response_label (dialog, "restore"));
  g_assert_nonnull (strstr (label, "Restore Latest Backup"));
  respond (dialog, "restore");
  dialog = wait_for_message ("Backup Restored");
  respond (dialog, "close");
  sign_in ();
  g_assert_cmpint (count_family (fixture->path, "Haddad"), ==, 1);
}

static void
on_damaged_cb (EscaleBackupManager *manager,
               const GError        *error,
               GError             **found)
{
  (void) manager;
  g_assert_null (*found);
  *found = g_error_copy (error);
}

static gboolean
is_set (gpointer pointer)
{
  return *(gpointer *) pointer != NULL;
}

/* Damage inside a file that opens: the check run in the background
 * finds it, and the dialog offers the latest backup. */
static void
test_damaged_in_use (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL, found = NULL;
  g_autofree char *backup = NULL, *contents = NULL;
  g_autoptr(EscaleStore) store = NULL;
  EscaleBackupManager *manager;
  AdwMessageDialog *dialog;
  gsize length;

  (void) data;
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *family = g_strdup_printf ("Family%03d", i);

      escale_test_add_person (fixture->store, family, "Someone", "1990-03-14");
    }
  backup = escale_backup_to_folder (fixture->store, fixture->folder, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  /* The headers of three pages in the middle of the file: b-tree pages no
   * longer, though the file opens. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  for (gsize page = length / 4096 / 2; page < length / 4096 / 2 + 3; page++)
    memset (contents + page * 4096, 0xff, 12);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
  store = escale_store_open (fixture->path, &error);
  g_assert_no_error (error);

  manager = escale_backup_manager_get (store);
  g_signal_connect (manager, "damaged", G_CALLBACK (on_damaged_cb), &found);
  escale_backup_manager_check (manager);
  wait_until (is_set, &found);
  g_assert_error (found, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED);
  /* As the application does. */
  escale_damaged_dialog_present (NULL, fixture->path, found);
  dialog = wait_for_message ("The Database Is Damaged");
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "latest good backup"));
  respond (dialog, "quit");
}

/* A backup encrypted under another passphrase: it is asked for (again
 * when wrong), then the backup is shown before restoring. */
static void
test_other_passphrase (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *other = escale_test_tmp_path ("other.db");
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  (void) data;
  {
    g_autoptr(EscaleStore) store = escale_store_open_encrypted (other, "another passphrase",
                                                                &error);

    g_assert_no_error (error);
    escale_test_add_person (store, "Haddad", "Amina", "1990-03-14");
    backup = escale_backup_to_folder (store, fixture->folder, FALSE, NULL, &error);
    g_assert_no_error (error);
  }
  escale_crypt_forget (NULL);

  escale_restore_ask (NULL, backup);
  dialog = wait_for_message ("Passphrase of the Backup");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "wrong");
  respond (dialog, "open");
  spin ();
  dialog = wait_for_message ("Passphrase of the Backup");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "another passphrase");
  respond (dialog, "open");
  dialog = wait_for_message ("Restore This Backup?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Database version"));
  respond (dialog, "cancel");
  escale_crypt_forget (NULL);
}

/* Lets the transitions end, and the window be drawn. */
static void
settle (gpointer window)
{
  gint64 end = g_get_monotonic_time () + 400 * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  escale_test_wait_for_size (window);
}

/* The Backups page and the main window's warning in English, French and
 * Arabic (right to left). */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *const languages[] = { "en", "fr", "ar" };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  (void) data;
  /* The application's style sheet, which AdwApplication loads in the app. */
  gtk_css_provider_load_from_resource (css, "/org/escale/Escale/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *page_name = g_strdup_printf ("screenshot-backups-page-%s.png",
                                                    languages[i]);
      g_autofree char *bar_name = g_strdup_printf ("screenshot-backups-warning-%s.png",
                                                   languages[i]);
      EscalePreferencesWindow *preferences;
      EscaleWindow *window;

      escale_language_switch (languages[i]);
      window = escale_window_new (NULL, fixture->store);
      gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
      gtk_window_present (GTK_WINDOW (window));
      settle (window);
      escale_test_save_screenshot (GTK_WIDGET (window), bar_name);
      preferences = escale_preferences_window_new (NULL, fixture->store);
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                    "backups");
      gtk_window_present (GTK_WINDOW (preferences));
      settle (preferences);
      escale_test_save_screenshot (GTK_WIDGET (preferences), page_name);
      gtk_window_destroy (GTK_WINDOW (preferences));
      gtk_window_destroy (GTK_WINDOW (window));
    }
  escale_language_switch ("");
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  escale_test_init_gtk_translated (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/backups/page-back-up", test_page_back_up);
  ADD ("/ui/backups/page-roles", test_page_roles);
  ADD ("/ui/backups/warning-bar", test_warning_bar);
  ADD ("/ui/backups/at-close", test_at_close);
  ADD ("/ui/backups/restore", test_restore);
  ADD ("/ui/backups/damaged-at-start", test_damaged_at_start);
  ADD ("/ui/backups/damaged-in-use", test_damaged_in_use);
  ADD ("/ui/backups/other-passphrase", test_other_passphrase);
  ADD ("/ui/backups/screenshots", test_screenshots);

  return g_test_run ();
}
