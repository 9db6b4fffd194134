/* escale-backups-page.c — the Preferences page of backups: folder, schedule, now, restore
 *
 * The folder and the schedule are GSettings (backup-folder,
 * backup-automatic, backup-interval-hours); the backups themselves go
 * through the store's EscaleBackupManager, shared with the main window's
 * warning, and restoring through escale-restore.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "escale-application.h"
#include "escale-backup-manager.h"
#include "escale-backup-util.h"
#include "escale-backups-page.h"
#include "escale-language.h"
#include "escale-preferences-rows.h"
#include "escale-restore.h"
#include "escale-ui-util.h"

struct _EscaleBackupsPage
{
  AdwPreferencesPage   parent_instance;

  EscaleStore         *store;
  EscaleBackupManager *manager;
  GSettings           *settings;      /* nullable: without the schema */
  gboolean             requested;     /* Back Up Now was clicked here */

  GtkWidget           *folder_row;
  GtkWidget           *automatic;
  GtkWidget           *interval;
  GtkWidget           *last_row;
  GtkWidget           *last_icon;
  GtkWidget           *spinner;
  GtkWidget           *back_up_button;
  GtkWidget           *restore_button;
};

G_DEFINE_FINAL_TYPE (EscaleBackupsPage, escale_backups_page, ADW_TYPE_PREFERENCES_PAGE)

/* Helpers */

static GtkWindow *
parent_window (EscaleBackupsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const char *
folder_state (const char *folder)
{
  g_autofree char *parent = NULL;

  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return access (folder, W_OK) == 0 ? _("Reachable")
                                      : _("Not writable: choose another folder");
  parent = g_path_get_dirname (folder);
  if (g_file_test (parent, G_FILE_TEST_IS_DIR) && access (parent, W_OK) == 0)
    return _("Made at the first backup");
  return _("Not reachable: plug in the drive, or choose another folder");
}

static void
show_folder (EscaleBackupsPage *self)
{
  g_autofree char *folder = escale_backup_configured_folder ();
  g_autofree char *isolated = escale_isolate (folder);
  g_autofree char *line = NULL, *subtitle = NULL;

  /* Translators: a folder's path, then whether it can be written to now */
  line = g_strdup_printf (_("%s — %s"), isolated, folder_state (folder));
  subtitle = g_strconcat (escale_direction_mark (), line, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->folder_row), subtitle);
}

static void
show_last (EscaleBackupsPage *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) last = escale_backup_manager_get_last (self->manager, &path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *age = NULL, *file = NULL, *subtitle = NULL;
  gboolean old = escale_backup_manager_is_old (self->manager);

  if (last == NULL)
    subtitle = g_strdup (_("Never"));
  else
    {
      g_autofree char *short_path = escale_backup_short_path (path ? path : "");

      age = escale_backup_format_age (last, now);
      file = escale_isolate (short_path);
      /* Translators: how long ago, "3 hours ago", then the backup's file */
      subtitle = g_strdup_printf (_("%s (%s)"), age, file);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->last_row), subtitle);
  gtk_widget_set_tooltip_text (self->last_row, path);
  gtk_widget_set_visible (self->last_icon, old);
  if (old)
    gtk_widget_add_css_class (self->last_row, "backup-old");
  else
    gtk_widget_remove_css_class (self->last_row, "backup-old");
}

static void
show_running (EscaleBackupsPage *self)
{
  gboolean running = escale_backup_manager_is_running (self->manager);

  gtk_widget_set_visible (self->spinner, running);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up", !running);
}

/* Callbacks */

static void
on_started_cb (EscaleBackupsPage *self)
{
  show_running (self);
}

static void
on_finished_cb (EscaleBackupsPage *self,
                const char        *path,
                const GError      *error,
                gboolean           automatic)
{
  gboolean requested = self->requested;

  (void) path;
  (void) automatic;
  self->requested = FALSE;
  show_running (self);
  show_last (self);
  show_folder (self);
  if (!requested)
    return;
  if (error != NULL)
    /* Translators: %s says why, such as "No space left on device" */
    escale_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Backup failed: %s"),
                                                               error->message));
  else
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (_("Backup saved")));
}

static void
on_folder_chosen_cb (GtkNativeDialog   *chooser,
                     int                response,
                     EscaleBackupsPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    escale_backups_page_set_folder (self, path);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_folder_action (GtkWidget                *widget,
                      G_GNUC_UNUSED const char *action_name,
                      G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleBackupsPage *self = ESCALE_BACKUPS_PAGE (widget);
  g_autofree char *folder = escale_backup_configured_folder ();
  g_autoptr(GFile) location = g_file_new_for_path (folder);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Backup Folder"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (g_file_query_exists (location, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), location, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
back_up_action (GtkWidget                *widget,
                G_GNUC_UNUSED const char *action_name,
                G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleBackupsPage *self = ESCALE_BACKUPS_PAGE (widget);

  self->requested = TRUE;
  escale_backup_manager_back_up (self->manager, FALSE);
  show_running (self);
}

static void
restore_action (GtkWidget                *widget,
                G_GNUC_UNUSED const char *action_name,
                G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleBackupsPage *self = ESCALE_BACKUPS_PAGE (widget);
  g_autofree char *folder = escale_backup_configured_folder ();

  escale_restore_choose (parent_window (self), folder);
}

/* Building */

static void
build_where (EscaleBackupsPage *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (self);
  AdwPreferencesGroup *group;
  GtkWidget *choose;

  group = escale_preferences_add_group (page, _("Backups"),
            _("Escale copies the database into this folder when it closes and every "
              "few hours of use, in the same form (encrypted if it is). It keeps the "
              "newest copy of each of the last 7 days, 4 weeks and 12 months. A USB "
              "key or a synced folder keeps them safe from a broken computer."));
  choose = escale_preferences_new_button (_("_Choose…"), "backups.choose-folder", NULL);
  self->folder_row = escale_preferences_add_row (group, _("Folder"), NULL, choose);
  self->automatic = gtk_switch_new ();
  gtk_widget_set_valign (self->automatic, GTK_ALIGN_CENTER);
  escale_preferences_add_row (group, _("Back up automatically"),
                              _("When Escale closes, and every few hours of use"),
                              self->automatic);
  self->interval = escale_preferences_new_spin_button (1, 24);
  escale_preferences_add_row (group, _("Hours between backups"),
                              _("Counted while Escale is open"), self->interval);
  g_object_bind_property (self->automatic, "active",
                          gtk_widget_get_ancestor (self->interval, ADW_TYPE_ACTION_ROW),
                          "sensitive", G_BINDING_SYNC_CREATE);
}

static void
build_now (EscaleBackupsPage *self)
{
  AdwPreferencesGroup *group = escale_preferences_add_group (ADW_PREFERENCES_PAGE (self),
                                                             _("Backup and Restore"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->spinner = gtk_spinner_new ();
  self->back_up_button = escale_preferences_new_button (_("_Back Up Now"), "backups.back-up",
                                                        "suggested-action");
  gtk_box_append (GTK_BOX (box), self->spinner);
  gtk_box_append (GTK_BOX (box), self->back_up_button);
  self->last_row = escale_preferences_add_row (group, _("Last good backup"), NULL, box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->last_row), self->back_up_button);
  self->last_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->last_icon, "backup-warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->last_row), self->last_icon);
  self->restore_button = escale_preferences_new_button (_("_Restore…"), "backups.restore", NULL);
  escale_preferences_add_row (group, _("Restore a backup"),
                              _("Checks the backup, then replaces the database with it; the "
                                "database as it is now is kept in a copy"),
                              self->restore_button);
}

static void
bind_settings (EscaleBackupsPage *self)
{
  if (self->settings == NULL)
    {
      gtk_widget_set_sensitive (gtk_widget_get_ancestor (self->automatic, ADW_TYPE_ACTION_ROW),
                                FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.choose-folder", FALSE);
      return;
    }
  g_settings_bind (self->settings, "backup-automatic", self->automatic, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backup-interval-hours", self->interval, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::backup-folder", G_CALLBACK (show_folder),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::backup-warn-days", G_CALLBACK (show_last),
                           self, G_CONNECT_SWAPPED);
}

/* GObject */

static void
escale_backups_page_dispose (GObject *object)
{
  EscaleBackupsPage *self = ESCALE_BACKUPS_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->manager);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_backups_page_parent_class)->dispose (object);
}

static void
escale_backups_page_class_init (EscaleBackupsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_backups_page_dispose;
  gtk_widget_class_install_action (widget_class, "backups.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_install_action (widget_class, "backups.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "backups.restore", NULL, restore_action);
}

static void
escale_backups_page_init (EscaleBackupsPage *self)
{
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "backups");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Backups"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "drive-harddisk-symbolic");
  self->settings = escale_application_new_settings ();
  build_where (self);
  build_now (self);
  bind_settings (self);
}

/* Public API */

GtkWidget *
escale_backups_page_new (EscaleStore *store)
{
  EscaleBackupsPage *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_BACKUPS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->manager = g_object_ref (escale_backup_manager_get (store));
  g_signal_connect_object (self->manager, "started", G_CALLBACK (on_started_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->manager, "finished", G_CALLBACK (on_finished_cb), self,
                           G_CONNECT_SWAPPED);
  show_folder (self);
  show_last (self);
  show_running (self);
  return GTK_WIDGET (self);
}

GtkWidget *
escale_backups_page_get_widget (EscaleBackupsPage   *self,
                                EscaleBackupsWidget  which)
{
  g_return_val_if_fail (ESCALE_IS_BACKUPS_PAGE (self), NULL);

  switch (which)
    {
    case ESCALE_BACKUPS_FOLDER_ROW:
      return self->folder_row;
    case ESCALE_BACKUPS_AUTOMATIC:
      return self->automatic;
    case ESCALE_BACKUPS_INTERVAL:
      return self->interval;
    case ESCALE_BACKUPS_LAST_ROW:
      return self->last_row;
    case ESCALE_BACKUPS_BACK_UP_BUTTON:
      return self->back_up_button;
    case ESCALE_BACKUPS_RESTORE_BUTTON:
      return self->restore_button;
    default:
      g_return_val_if_reached (NULL);
    }
}

void
escale_backups_page_set_folder (EscaleBackupsPage *self,
                                const char        *folder)
{
  g_return_if_fail (ESCALE_IS_BACKUPS_PAGE (self));
  g_return_if_fail (folder != NULL);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "backup-folder", folder);
  show_folder (self);
}

void
escale_backups_page_restore_file (EscaleBackupsPage *self,
                                  const char        *backup_path)
{
  g_return_if_fail (ESCALE_IS_BACKUPS_PAGE (self));
  g_return_if_fail (backup_path != NULL);

  escale_restore_ask (parent_window (self), backup_path);
}
