/* escale-session.c — from the database file to a signed-in main window, and back
 *
 * The steps, each a window of its own until the main window:
 *
 *   encrypted file?  EscaleSignInWindow asks for the passphrase
 *   no account?      EscaleFirstRunWindow creates the first administrator
 *   accounts         EscaleSignInWindow asks for the login, then a new
 *                    password when the account must change it
 *   signed in        the account's interface language, then the main window
 *
 * Signed in, an EscaleIdleMonitor watches the input of every window: after
 * lock-minutes without any (or app.lock, Ctrl+L) each main window shows an
 * EscaleLockScreen instead of its pages (escale_window_set_lock_screen()),
 * and every other window — a person's editor, a dialog — is hidden and
 * made insensitive, to come back as it was once the password is typed
 * again. Signing out logs the store out and closes every window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-backup.h"
#include "escale-crypt.h"
#include "escale-first-run-window.h"
#include "escale-idle-monitor.h"
#include "escale-language-switch.h"
#include "escale-language.h"
#include "escale-lock-screen.h"
#include "escale-session.h"
#include "escale-sign-in-window.h"
#include "escale-util.h"
#include "escale-window.h"

#define DEFAULT_LOCK_MINUTES 10

struct _EscaleSession
{
  GObject            parent_instance;

  EscaleApplication *application;   /* nullable; not owned: it owns the session */
  EscaleStore       *store;
  GSettings         *settings;      /* nullable: without the schema, the defaults */
  GtkWindow         *sign_in;       /* weak: the sign-in or first-run window */
  EscaleIdleMonitor *idle;          /* while signed in */
  GPtrArray         *hidden;        /* the windows hidden while locked */
  guint              lock_timeout_ms;
  gboolean           timeout_fixed; /* by escale_session_set_lock_timeout() */
  char              *path;          /* the database's, once known */
  gboolean           signed_in;
  gboolean           locked;
};

/* The session escale_session_get_default() returns (weak). */
static EscaleSession *default_session;

G_DEFINE_FINAL_TYPE (EscaleSession, escale_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNED_IN,
  SIGNED_OUT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_opened_cb    (EscaleSession *self,
                             EscaleStore   *store);
static void on_signed_in_cb (EscaleSession *self);
static void on_unlocked_cb  (EscaleSession *self);

/* Helpers */

/* The toplevel windows, each with a reference. */
static GPtrArray *
list_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    g_ptr_array_add (windows, g_list_model_get_item (toplevels, i));
  return windows;
}

static gboolean
is_toplevel (GtkWindow *window)
{
  g_autoptr(GPtrArray) windows = list_windows ();

  return g_ptr_array_find (windows, window, NULL);
}

static void
update_actions (EscaleSession *self)
{
  GAction *lock, *sign_out;

  if (self->application == NULL)
    return;
  lock = g_action_map_lookup_action (G_ACTION_MAP (self->application), "lock");
  sign_out = g_action_map_lookup_action (G_ACTION_MAP (self->application), "sign-out");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (lock), self->signed_in && !self->locked);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (sign_out), self->signed_in);
}

static void
set_locked (EscaleSession *self,
            gboolean       locked)
{
  if (self->locked == locked)
    return;
  self->locked = locked;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

static guint
configured_timeout (EscaleSession *self)
{
  int minutes = self->settings ? g_settings_get_int (self->settings, "lock-minutes")
                               : DEFAULT_LOCK_MINUTES;

  return (guint) minutes * 60 * 1000;
}

static GtkApplication *
application (EscaleSession *self)
{
  return self->application ? GTK_APPLICATION (self->application) : NULL;
}

/* Replaces the sign-in or first-run window shown by @window (nullable). */
static void
show_step (EscaleSession *self,
           GtkWindow     *window)
{
  GtkWindow *old = self->sign_in;

  if (window == old)
    return;
  g_clear_weak_pointer (&self->sign_in);
  if (window != NULL)
    {
      g_set_weak_pointer (&self->sign_in, window);
      gtk_window_present (window);
    }
  if (old != NULL)
    gtk_window_destroy (old);
}

static EscaleSignInWindow *
sign_in_window (EscaleSession *self)
{
  EscaleSignInWindow *window;

  if (ESCALE_IS_SIGN_IN_WINDOW (self->sign_in))
    return ESCALE_SIGN_IN_WINDOW (self->sign_in);
  window = escale_sign_in_window_new (application (self));
  g_signal_connect_object (window, "opened", G_CALLBACK (on_opened_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "signed-in", G_CALLBACK (on_signed_in_cb), self,
                           G_CONNECT_SWAPPED);
  return window;
}

static void
ask_account (EscaleSession *self)
{
  EscaleSignInWindow *sign_in;
  EscaleFirstRunWindow *first_run;

  if (escale_store_has_accounts (self->store))
    {
      sign_in = sign_in_window (self);
      escale_sign_in_window_ask_login (sign_in, self->store);
      show_step (self, GTK_WINDOW (sign_in));
      return;
    }
  first_run = escale_first_run_window_new (application (self), self->store);
  g_signal_connect_object (first_run, "signed-in", G_CALLBACK (on_signed_in_cb), self,
                           G_CONNECT_SWAPPED);
  show_step (self, GTK_WINDOW (first_run));
}

/* The account's own interface language, when it has one. */
static void
apply_language (EscaleSession *self)
{
  const EscaleAccount *account = escale_store_get_account (self->store);
  const char *code = account ? account->interface_language : NULL;

  if (code != NULL && *code != '\0' && !g_str_equal (code, escale_language_get_current ()))
    escale_language_switch (code);
}

static void
lock_window (EscaleSession *self,
             EscaleWindow  *window)
{
  EscaleLockScreen *screen = escale_lock_screen_new (self->store);

  g_signal_connect_object (screen, "unlocked", G_CALLBACK (on_unlocked_cb), self,
                           G_CONNECT_SWAPPED);
  escale_window_set_lock_screen (window, GTK_WIDGET (screen));
}

/* Closes every window and lets go of the store, waiting a little for the
 * other holders (workers) to let go too: a restore replaces the file.
 * Returns whether the store is gone. */
static gboolean
close_everything (EscaleSession *self)
{
  g_autoptr(GPtrArray) windows = list_windows ();
  GWeakRef store_ref;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GObject *left;
  gboolean gone;

  self->signed_in = FALSE;
  g_clear_object (&self->idle);
  g_ptr_array_set_size (self->hidden, 0);
  set_locked (self, FALSE);
  show_step (self, NULL);
  /* Untied first: a dialog outliving the window it belongs to would
   * reach for it once it is gone. */
  for (guint i = 0; i < windows->len; i++)
    gtk_window_set_transient_for (g_ptr_array_index (windows, i), NULL);
  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (windows, i));
  /* Our references last: the windows go, and theirs on the store. */
  g_clear_pointer (&windows, g_ptr_array_unref);
  update_actions (self);
  g_signal_emit (self, signals[SIGNED_OUT], 0);
  g_weak_ref_init (&store_ref, self->store);
  g_clear_object (&self->store);
  while ((left = g_weak_ref_get (&store_ref)) != NULL && g_get_monotonic_time () < deadline)
    {
      g_object_unref (left);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  gone = left == NULL;
  g_clear_object (&left);
  g_weak_ref_clear (&store_ref);
  return gone;
}

/* Callbacks */

static void
on_unlocked_cb (EscaleSession *self)
{
  g_autoptr(GPtrArray) windows = list_windows ();

  for (guint i = 0; i < windows->len; i++)
    if (ESCALE_IS_WINDOW (g_ptr_array_index (windows, i)))
      escale_window_set_lock_screen (g_ptr_array_index (windows, i), NULL);
  for (guint i = 0; i < self->hidden->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (self->hidden, i);

      if (!is_toplevel (window))
        continue;
      gtk_widget_set_sensitive (GTK_WIDGET (window), TRUE);
      gtk_window_present (window);
    }
  g_ptr_array_set_size (self->hidden, 0);
  escale_idle_monitor_restart (self->idle);
  set_locked (self, FALSE);
}

static void
on_opened_cb (EscaleSession *self,
              EscaleStore   *store)
{
  escale_session_begin_with_store (self, store);
}

static void
on_signed_in_cb (EscaleSession *self)
{
  EscaleWindow *window;

  apply_language (self);
  window = escale_window_new (self->application, self->store);
  gtk_window_present (GTK_WINDOW (window));
  show_step (self, NULL);
  self->signed_in = TRUE;
  self->idle = escale_idle_monitor_new (self->timeout_fixed ? self->lock_timeout_ms
                                                            : configured_timeout (self));
  g_signal_connect_object (self->idle, "idle", G_CALLBACK (escale_session_lock), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
  g_signal_emit (self, signals[SIGNED_IN], 0, window);
}

static void
on_lock_minutes_changed_cb (EscaleSession *self)
{
  if (self->idle != NULL && !self->timeout_fixed)
    escale_idle_monitor_set_timeout (self->idle, configured_timeout (self));
}

static void
on_lock_activate (G_GNUC_UNUSED GSimpleAction *action,
                  G_GNUC_UNUSED GVariant      *parameter,
                  gpointer                     user_data)
{
  escale_session_lock (user_data);
}

static void
on_sign_out_activate (G_GNUC_UNUSED GSimpleAction *action,
                      G_GNUC_UNUSED GVariant      *parameter,
                      gpointer                     user_data)
{
  escale_session_sign_out (user_data);
}

static const GActionEntry actions[] = {
  { "lock", on_lock_activate, NULL, NULL, NULL, { 0 } },
  { "sign-out", on_sign_out_activate, NULL, NULL, NULL, { 0 } },
};

/* GObject overrides */

static void
escale_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EscaleSession *self = ESCALE_SESSION (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_session_dispose (GObject *object)
{
  EscaleSession *self = ESCALE_SESSION (object);

  if (self->application != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      g_action_map_remove_action (G_ACTION_MAP (self->application), actions[i].name);
  self->application = NULL;
  g_clear_weak_pointer (&self->sign_in);
  g_clear_object (&self->idle);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (escale_session_parent_class)->dispose (object);
}

static void
escale_session_class_init (EscaleSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_session_dispose;
  object_class->get_property = escale_session_get_property;

  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, ESCALE_TYPE_WINDOW);
  signals[SIGNED_OUT] = g_signal_new ("signed-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_session_init (EscaleSession *self)
{
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = escale_application_new_settings ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::lock-minutes",
                             G_CALLBACK (on_lock_minutes_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * escale_session_new:
 * @application: (nullable): the application, or %NULL in tests
 */
EscaleSession *
escale_session_new (EscaleApplication *application)
{
  EscaleSession *self = g_object_new (ESCALE_TYPE_SESSION, NULL);

  self->application = application;
  g_set_weak_pointer (&default_session, self);
  if (application != NULL)
    g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions),
                                     self);
  update_actions (self);
  return self;
}

gboolean
escale_session_begin (EscaleSession  *self,
                      const char     *path,
                      GError        **error)
{
  g_autoptr(EscaleStore) store = NULL;
  EscaleSignInWindow *sign_in;

  g_return_val_if_fail (ESCALE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->signed_in)
    return TRUE;
  if (self->path != path)
    escale_set_str (&self->path, path);
  if (self->store != NULL)
    {
      ask_account (self);
      return TRUE;
    }
  if (escale_crypt_is_encrypted (path))
    {
      sign_in = sign_in_window (self);
      escale_sign_in_window_ask_passphrase (sign_in, path);
      show_step (self, GTK_WINDOW (sign_in));
      return TRUE;
    }
  store = escale_store_open (path, error);
  if (store == NULL)
    return FALSE;
  escale_session_begin_with_store (self, store);
  return TRUE;
}

void
escale_session_begin_with_store (EscaleSession *self,
                                 EscaleStore   *store)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));
  g_return_if_fail (ESCALE_IS_STORE (store));
  g_return_if_fail (!self->signed_in);

  g_set_object (&self->store, store);
  escale_set_str (&self->path, escale_store_get_path (store));
  ask_account (self);
}

EscaleStore *
escale_session_get_store (EscaleSession *self)
{
  g_return_val_if_fail (ESCALE_IS_SESSION (self), NULL);
  return self->store;
}

GtkWindow *
escale_session_get_sign_in_window (EscaleSession *self)
{
  g_return_val_if_fail (ESCALE_IS_SESSION (self), NULL);
  return self->sign_in;
}

gboolean
escale_session_is_signed_in (EscaleSession *self)
{
  g_return_val_if_fail (ESCALE_IS_SESSION (self), FALSE);
  return self->signed_in;
}

void
escale_session_lock (EscaleSession *self)
{
  g_autoptr(GPtrArray) windows = list_windows ();

  g_return_if_fail (ESCALE_IS_SESSION (self));

  if (!self->signed_in || self->locked)
    return;
  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      if (ESCALE_IS_WINDOW (window))
        lock_window (self, ESCALE_WINDOW (window));
      else if (gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          gtk_widget_set_sensitive (GTK_WIDGET (window), FALSE);
          gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
          g_ptr_array_add (self->hidden, g_object_ref (window));
        }
    }
  set_locked (self, TRUE);
}

gboolean
escale_session_is_locked (EscaleSession *self)
{
  g_return_val_if_fail (ESCALE_IS_SESSION (self), FALSE);
  return self->locked;
}

void
escale_session_set_lock_timeout (EscaleSession *self,
                                 guint          timeout_ms)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));

  self->timeout_fixed = TRUE;
  self->lock_timeout_ms = timeout_ms;
  if (self->idle != NULL)
    escale_idle_monitor_set_timeout (self->idle, timeout_ms);
}

void
escale_session_sign_out (EscaleSession *self)
{
  g_autoptr(GPtrArray) windows = list_windows ();
  EscaleSignInWindow *sign_in;

  g_return_if_fail (ESCALE_IS_SESSION (self));

  if (!self->signed_in)
    return;
  self->signed_in = FALSE;
  g_clear_object (&self->idle);
  g_ptr_array_set_size (self->hidden, 0);
  set_locked (self, FALSE);
  escale_store_logout (self->store);
  /* The login first, so that the application keeps a window. */
  sign_in = sign_in_window (self);
  escale_sign_in_window_ask_login (sign_in, self->store);
  show_step (self, GTK_WINDOW (sign_in));
  for (guint i = 0; i < windows->len; i++)
    if (g_ptr_array_index (windows, i) != (gpointer) sign_in)
      gtk_window_destroy (g_ptr_array_index (windows, i));
  update_actions (self);
  g_signal_emit (self, signals[SIGNED_OUT], 0);
}

/**
 * escale_session_get_default:
 *
 * Returns: (transfer none) (nullable): the session made last, while it lives
 */
EscaleSession *
escale_session_get_default (void)
{
  return default_session;
}

const char *
escale_session_get_path (EscaleSession *self)
{
  g_return_val_if_fail (ESCALE_IS_SESSION (self), NULL);
  return self->path;
}

/**
 * escale_session_restore:
 * @saved_copy: (out) (optional): see escale_backup_restore()
 *
 * Closes every window and the store, restores @backup_path over the
 * session's database (escale_backup_restore()), then begins again: the
 * sign-in. The session begins again after a failure too, on the database
 * as it is.
 */
gboolean
escale_session_restore (EscaleSession  *self,
                        const char     *backup_path,
                        const char     *passphrase,
                        char          **saved_copy,
                        GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) begin_error = NULL;
  GApplication *app;
  gboolean restored = FALSE;

  g_return_val_if_fail (ESCALE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);

  path = g_strdup (self->path);
  app = self->application ? g_object_ref (G_APPLICATION (self->application)) : NULL;
  if (app != NULL)
    g_application_hold (app);
  if (!close_everything (self))
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_BUSY,
                         _("The database is still in use: try again in a moment."));
  else
    restored = escale_backup_restore (backup_path, path, passphrase, saved_copy, error);
  if (!escale_session_begin (self, path, &begin_error) && restored)
    {
      g_propagate_error (error, g_steal_pointer (&begin_error));
      restored = FALSE;
    }
  if (app != NULL)
    {
      g_application_release (app);
      g_object_unref (app);
    }
  return restored;
}
