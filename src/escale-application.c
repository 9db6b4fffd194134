/* escale-application.c — the application: options, store, actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "escale-agenda-notifier.h"
#include "escale-application.h"
#include "escale-backup-manager.h"
#include "escale-damaged-dialog.h"
#include "escale-geo.h"
#include "escale-language-switch.h"
#include "escale-language.h"
#include "escale-resources.h"
#include "escale-session.h"
#include "escale-util.h"
#include "escale-window.h"

struct _EscaleApplication
{
  AdwApplication  parent_instance;

  EscaleSession  *session;
  EscaleBackupManager *backups;     /* of the store signed into last */
  EscaleAgendaNotifier *notifier;
  char           *database_path;
  char           *file_number;
};

G_DEFINE_FINAL_TYPE (EscaleApplication, escale_application, ADW_TYPE_APPLICATION)

/**
 * escale_application_new_settings:
 *
 * Returns: (transfer full) (nullable): Escale's settings, or %NULL when
 *   the schema is not installed (tests, a build tree without
 *   GSETTINGS_SCHEMA_DIR): the app then runs with its defaults
 */
GSettings *
escale_application_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema ? g_settings_new (APP_ID) : NULL;
}

static char *
choose_database_path (EscaleApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *configured = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);
  settings = escale_application_new_settings ();
  if (settings != NULL)
    configured = g_settings_get_string (settings, "database-path");
  if (configured != NULL && *configured != '\0')
    return g_steal_pointer (&configured);
  return escale_store_default_path ();
}

static void
show_open_error (EscaleApplication *self,
                 const char        *path,
                 GError            *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (g_error_matches (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED))
    {
      escale_damaged_dialog_present (NULL, path, error);
      return;
    }
  body = g_strdup_printf ("%s\n\n%s", path, error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Cannot Open the Database"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The notifications of due appointments, while someone is signed in and
 * the windows are not locked. */
static void
update_notifier (EscaleApplication *self)
{
  if (!escale_session_is_signed_in (self->session) || escale_session_is_locked (self->session))
    g_clear_object (&self->notifier);
  else if (self->notifier == NULL)
    self->notifier = escale_agenda_notifier_new (G_APPLICATION (self),
                                                 escale_session_get_store (self->session));
}

/* The background check of the database found it damaged. */
static void
on_damaged_cb (EscaleApplication *self,
               const GError      *error)
{
  EscaleStore *store = escale_session_get_store (self->session);

  if (store != NULL)
    escale_damaged_dialog_present (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   escale_store_get_path (store), error);
}

/* Automatic backups every few hours, and the check of the whole file in
 * the background, once signed in. */
static void
start_backups (EscaleApplication *self)
{
  EscaleBackupManager *manager =
    escale_backup_manager_get (escale_session_get_store (self->session));

  escale_backup_manager_start_automatic (manager);
  if (manager == self->backups)
    return;
  g_set_object (&self->backups, manager);
  g_signal_connect_object (manager, "damaged", G_CALLBACK (on_damaged_cb), self,
                           G_CONNECT_SWAPPED);
  escale_backup_manager_check (manager);
}

static void
stop_backups (EscaleApplication *self)
{
  if (self->backups != NULL)
    escale_backup_manager_shutdown (self->backups);
}

static gboolean
has_main_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (ESCALE_IS_WINDOW (l->data))
      return TRUE;
  return FALSE;
}

/* The last main window closed while signed in: the app is quitting (not
 * signing out, restoring or switching language). The backup made then
 * holds the application until it is written. */
static void
escale_application_window_removed (GtkApplication *app,
                                   GtkWindow      *window)
{
  EscaleApplication *self = ESCALE_APPLICATION (app);
  EscaleStore *store = self->session ? escale_session_get_store (self->session) : NULL;

  if (ESCALE_IS_WINDOW (window) && store != NULL &&
      escale_session_is_signed_in (self->session) && !has_main_window (app))
    escale_backup_manager_back_up_at_close (escale_backup_manager_get (store),
                                            G_APPLICATION (app));
  GTK_APPLICATION_CLASS (escale_application_parent_class)->window_removed (app, window);
}

static void
on_signed_in_cb (EscaleApplication *self,
                 EscaleWindow      *window)
{
  update_notifier (self);
  start_backups (self);
  if (self->file_number != NULL)
    escale_window_open_file_number (window, self->file_number);
  g_clear_pointer (&self->file_number, g_free);
}

/* The database's passphrase when it is encrypted, the first-run assistant
 * or the login, and then the main window: see escale-session.c. */
static void
escale_application_activate (GApplication *app)
{
  EscaleApplication *self = ESCALE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (self->session == NULL)
    {
      self->session = escale_session_new (self);
      g_signal_connect_object (self->session, "signed-in", G_CALLBACK (on_signed_in_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "signed-out", G_CALLBACK (update_notifier), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "signed-out", G_CALLBACK (stop_backups), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "notify::locked", G_CALLBACK (update_notifier),
                               self, G_CONNECT_SWAPPED);
    }
  path = choose_database_path (self);
  if (!escale_session_begin (self->session, path, &error))
    show_open_error (self, path, error);
}

static int
escale_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  EscaleApplication *self = ESCALE_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("escale %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    self->database_path = g_canonicalize_filename (path, NULL);
  g_variant_dict_lookup (options, "file", "s", &self->file_number);
  return -1;
}

static void
on_quit_activate (G_GNUC_UNUSED GSimpleAction *action,
                  G_GNUC_UNUSED GVariant      *parameter,
                  gpointer                     user_data)
{
  GtkApplication *app = user_data;
  /* Closing a window removes it from the application's list: walk a copy. */
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
on_about_activate (G_GNUC_UNUSED GSimpleAction *action,
                   G_GNUC_UNUSED GVariant      *parameter,
                   gpointer                     user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Escale developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Escale"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developers", developers,
                        "developer-name", _("Escale developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Welcome, orient and follow people over the long term"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* From a notification: shows the window and the file numbered @parameter,
 * unless the window is locked or nobody is signed in. */
static void
on_open_file_activate (G_GNUC_UNUSED GSimpleAction *action,
                       GVariant                    *parameter,
                       gpointer                     user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (app);
  if (ESCALE_IS_WINDOW (window) && !escale_window_is_locked (ESCALE_WINDOW (window)))
    escale_window_open_file_number (ESCALE_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_activate, NULL, NULL, NULL, { 0 } },
  { "about", on_about_activate, NULL, NULL, NULL, { 0 } },
  { "open-file", on_open_file_activate, "s", NULL, NULL, { 0 } },
};

static void
escale_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.lock", { "<Control>l", NULL } },
    { "win.new-person", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.edit-person", { "<Control>e", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.show-people", { "<Alt>1", "<Control>1", NULL } },
    { "win.show-agenda", { "<Alt>2", "<Control>2", NULL } },
    { "win.show-partners", { "<Alt>3", "<Control>3", NULL } },
    { "win.show-reports", { "<Alt>4", "<Control>4", NULL } },
    { "win.print-agenda", { "<Control>p", NULL } },
  };

  G_APPLICATION_CLASS (escale_application_parent_class)->startup (app);
  /* GTK took it from its own catalogue, which some languages lack. */
  gtk_widget_set_default_direction (escale_language_get_direction ());
  escale_geo_preload_in_background ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
escale_application_shutdown (GApplication *app)
{
  EscaleApplication *self = ESCALE_APPLICATION (app);
  if (self->backups != NULL)
    escale_backup_manager_shutdown (self->backups);
  G_APPLICATION_CLASS (escale_application_parent_class)->shutdown (app);
}

static void
escale_application_finalize (GObject *object)
{
  EscaleApplication *self = (EscaleApplication *) object;

  g_clear_object (&self->notifier);
  g_clear_object (&self->backups);
  g_clear_object (&self->session);
  g_free (self->database_path);
  g_free (self->file_number);

  G_OBJECT_CLASS (escale_application_parent_class)->finalize (object);
}

static void
escale_application_class_init (EscaleApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = escale_application_finalize;
  app_class->activate = escale_application_activate;
  app_class->startup = escale_application_startup;
  app_class->shutdown = escale_application_shutdown;
  GTK_APPLICATION_CLASS (klass)->window_removed = escale_application_window_removed;
  app_class->handle_local_options = escale_application_handle_local_options;
}

static void
escale_application_init (EscaleApplication *self)
{
  static const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The database file to open (created when missing)"), N_("PATH") },
    { "file", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open the file of the person with this file number"), N_("NUMBER") },
    { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The interface language, such as fr or ar"), N_("LANGUAGE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

/**
 * escale_application_setup_i18n:
 *
 * Chooses the interface language before anything is translated: from
 * `--language`, else the one chosen in the preferences, else the
 * system's. GTK must not reset the locale.
 */
void
escale_application_setup_i18n (int    argc,
                               char **argv)
{
  g_autofree char *language = escale_language_load_choice ();

  for (int i = 1; i < argc; i++)
    {
      const char *option = NULL;

      if (g_str_has_prefix (argv[i], "--language="))
        option = argv[i] + strlen ("--language=");
      else if (g_str_equal (argv[i], "--language") && i + 1 < argc)
        option = argv[i + 1];
      if (option != NULL)
        escale_set_str (&language, option);
    }
  gtk_disable_setlocale ();
  if (setlocale (LC_ALL, "") == NULL || g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  escale_language_apply (language);
  /* ESCALE_LOCALEDIR lets the app find its catalogues in the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ESCALE_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

void
escale_ui_register_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      g_resources_register (escale_get_resource ());
      g_once_init_leave (&registered, 1);
    }
}

EscaleApplication *
escale_application_new (void)
{
  escale_ui_register_resources ();
  return g_object_new (ESCALE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/org/escale/Escale",
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}

EscaleStore *
escale_application_get_store (EscaleApplication *self)
{
  g_return_val_if_fail (ESCALE_IS_APPLICATION (self), NULL);
  return self->session ? escale_session_get_store (self->session) : NULL;
}
