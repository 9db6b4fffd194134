/* escale-backup-manager.c — the backups of one open database: when, where, and their checks
 *
 * One manager a store (kept as the store's data): the Backups page, the
 * main window's warning and the application all watch the same backups.
 * Backups run in a worker thread (escale_backup_to_folder_async()) into
 * the folder of the backup-folder setting; automatic ones every
 * backup-interval-hours and when the app closes, manual ones from the
 * page or the warning. The background quick check of the database runs
 * once after signing in, at low priority, on a connection of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-account.h"
#include "escale-application.h"
#include "escale-backup-manager.h"
#include "escale-backup.h"

#define MANAGER_KEY "escale-backup-manager"
#define DEFAULT_INTERVAL_HOURS 4
#define DEFAULT_WARN_DAYS 7

struct _EscaleBackupManager
{
  GObject       parent_instance;

  EscaleStore  *store;         /* weak: the store owns its manager */
  GSettings    *settings;      /* nullable: without the schema, the defaults */
  GCancellable *check_cancellable;
  GApplication *held;          /* held until the backup running is written */
  guint         timer_id;
  gboolean      running;
  gboolean      running_automatic;
};

G_DEFINE_FINAL_TYPE (EscaleBackupManager, escale_backup_manager, G_TYPE_OBJECT)

enum {
  STARTED,
  FINISHED,
  DAMAGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static int
setting_int (EscaleBackupManager *self,
             const char          *key,
             int                  fallback)
{
  return self->settings ? g_settings_get_int (self->settings, key) : fallback;
}

static gboolean
automatic_enabled (EscaleBackupManager *self)
{
  return self->settings ? g_settings_get_boolean (self->settings, "backup-automatic") : TRUE;
}

static void
release_application (EscaleBackupManager *self)
{
  if (self->held == NULL)
    return;
  g_application_release (self->held);
  g_clear_object (&self->held);
}

/* Callbacks */

static void
on_backed_up_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EscaleBackupManager) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = escale_backup_to_folder_finish (result, &error);

  (void) source;
  self->running = FALSE;
  if (error != NULL)
    g_debug ("Backup failed: %s", error->message);
  g_signal_emit (self, signals[FINISHED], 0, path, error, self->running_automatic);
  release_application (self);
}

static gboolean
on_timer_cb (gpointer user_data)
{
  EscaleBackupManager *self = user_data;

  if (automatic_enabled (self))
    escale_backup_manager_back_up (self, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
on_interval_changed_cb (EscaleBackupManager *self)
{
  if (self->timer_id != 0)
    {
      g_clear_handle_id (&self->timer_id, g_source_remove);
      escale_backup_manager_start_automatic (self);
    }
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(EscaleStore) reader = NULL;
  g_autoptr(GError) error = NULL;

  (void) source;
  reader = escale_store_access_open (task_data, &error);
  if (reader == NULL || !escale_store_quick_check (reader, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  EscaleBackupManager *self = ESCALE_BACKUP_MANAGER (source);
  g_autoptr(GError) error = NULL;

  (void) user_data;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    return;
  if (g_error_matches (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED))
    g_signal_emit (self, signals[DAMAGED], 0, error);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The check of the database did not run: %s", error->message);
}

/* GObject */

static void
escale_backup_manager_dispose (GObject *object)
{
  EscaleBackupManager *self = ESCALE_BACKUP_MANAGER (object);

  escale_backup_manager_shutdown (self);
  release_application (self);
  g_clear_weak_pointer (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->check_cancellable);

  G_OBJECT_CLASS (escale_backup_manager_parent_class)->dispose (object);
}

static void
escale_backup_manager_class_init (EscaleBackupManagerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_backup_manager_dispose;

  signals[STARTED] = g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_ERROR,
                                    G_TYPE_BOOLEAN);
  signals[DAMAGED] = g_signal_new ("damaged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
escale_backup_manager_init (EscaleBackupManager *self)
{
  self->settings = escale_application_new_settings ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::backup-interval-hours",
                             G_CALLBACK (on_interval_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

char *
escale_backup_configured_folder (void)
{
  g_autoptr(GSettings) settings = escale_application_new_settings ();
  g_autofree char *folder = settings ? g_settings_get_string (settings, "backup-folder") : NULL;

  if (folder != NULL && *folder != '\0')
    return g_steal_pointer (&folder);
  return escale_backup_default_folder ();
}

/**
 * escale_backup_manager_get:
 *
 * Returns: (transfer none): the manager of @store
 */
EscaleBackupManager *
escale_backup_manager_get (EscaleStore *store)
{
  EscaleBackupManager *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_get_data (G_OBJECT (store), MANAGER_KEY);
  if (self != NULL)
    return self;
  self = g_object_new (ESCALE_TYPE_BACKUP_MANAGER, NULL);
  g_set_weak_pointer (&self->store, store);
  g_object_set_data_full (G_OBJECT (store), MANAGER_KEY, self, g_object_unref);
  return self;
}

gboolean
escale_backup_manager_is_running (EscaleBackupManager *self)
{
  g_return_val_if_fail (ESCALE_IS_BACKUP_MANAGER (self), FALSE);
  return self->running;
}

void
escale_backup_manager_back_up (EscaleBackupManager *self,
                               gboolean             automatic)
{
  g_autofree char *folder = NULL;

  g_return_if_fail (ESCALE_IS_BACKUP_MANAGER (self));

  if (self->running || self->store == NULL)
    return;
  folder = escale_backup_configured_folder ();
  self->running = TRUE;
  self->running_automatic = automatic;
  g_signal_emit (self, signals[STARTED], 0, automatic);
  escale_backup_to_folder_async (self->store, folder, automatic, NULL, on_backed_up_cb,
                                 g_object_ref (self));
}

/**
 * escale_backup_manager_get_last:
 * @path: (out) (optional): where it was written
 *
 * Returns: (transfer full) (nullable): when the last good backup was made
 */
GDateTime *
escale_backup_manager_get_last (EscaleBackupManager  *self,
                                char                **path)
{
  g_return_val_if_fail (ESCALE_IS_BACKUP_MANAGER (self), NULL);

  if (path != NULL)
    *path = NULL;
  return self->store ? escale_backup_get_last (self->store, path) : NULL;
}

gboolean
escale_backup_manager_is_old (EscaleBackupManager *self)
{
  g_autoptr(GDateTime) last = escale_backup_manager_get_last (self, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return escale_backup_is_old (last, now, setting_int (self, "backup-warn-days",
                                                       DEFAULT_WARN_DAYS));
}

void
escale_backup_manager_start_automatic (EscaleBackupManager *self)
{
  int hours;

  g_return_if_fail (ESCALE_IS_BACKUP_MANAGER (self));

  if (self->timer_id != 0)
    return;
  hours = MAX (1, setting_int (self, "backup-interval-hours", DEFAULT_INTERVAL_HOURS));
  self->timer_id = g_timeout_add_seconds ((guint) hours * 3600, on_timer_cb, self);
}

gboolean
escale_backup_manager_back_up_at_close (EscaleBackupManager *self,
                                        GApplication        *application)
{
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (ESCALE_IS_BACKUP_MANAGER (self), FALSE);
  g_return_val_if_fail (G_IS_APPLICATION (application), FALSE);

  if (!automatic_enabled (self) || self->held != NULL || self->store == NULL)
    return FALSE;
  last = escale_backup_manager_get_last (self, NULL);
  if (!self->running && last != NULL &&
      g_date_time_difference (now, last) < ESCALE_BACKUP_CLOSE_MIN_AGE_MINUTES * G_TIME_SPAN_MINUTE)
    return FALSE;
  self->held = g_object_ref (application);
  g_application_hold (application);
  escale_backup_manager_back_up (self, TRUE);
  return TRUE;
}

void
escale_backup_manager_check (EscaleBackupManager *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ESCALE_IS_BACKUP_MANAGER (self));

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->check_cancellable);
  g_set_object (&self->check_cancellable, g_cancellable_new ());
  task = g_task_new (self, self->check_cancellable, on_checked_cb, NULL);
  g_task_set_source_tag (task, escale_backup_manager_check);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_set_task_data (task, escale_store_access_new (self->store),
                        (GDestroyNotify) escale_store_access_free);
  g_task_run_in_thread (task, check_thread);
}

void
escale_backup_manager_shutdown (EscaleBackupManager *self)
{
  g_return_if_fail (ESCALE_IS_BACKUP_MANAGER (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
}
