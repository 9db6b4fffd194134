/* escale-lock-screen.c — what a locked window shows: a password, nothing else
 *
 * Shown instead of a main window's pages (escale_window_set_lock_screen())
 * by the idle lock of EscaleSession: it names the account and asks for its
 * password again; "Sign Out" lets someone else sign in instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-auth-util.h"
#include "escale-language.h"
#include "escale-lock-screen.h"

struct _EscaleLockScreen
{
  AdwBin       parent_instance;

  EscaleStore *store;

  GtkWidget   *status_page;
  GtkWidget   *password_row;
};

G_DEFINE_FINAL_TYPE (EscaleLockScreen, escale_lock_screen, ADW_TYPE_BIN)

enum {
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
describe (EscaleLockScreen *self)
{
  const EscaleAccount *account = escale_store_get_account (self->store);
  g_autofree char *login = NULL;
  g_autofree char *description = NULL;

  if (account == NULL)
    return;
  login = escale_isolate (account->login);
  /* Translators: under "Locked"; %s is the login of the account signed in */
  description = g_strdup_printf (_("Enter the password of %s to unlock"), login);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->status_page), description);
}

static void
on_unlock_cb (EscaleLockScreen *self)
{
  g_autoptr(GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  gboolean unlocked = escale_store_verify_password (self->store, password, &error);

  escale_auth_forget (self->password_row, NULL);
  escale_auth_show_error (self->password_row, unlocked ? NULL : error->message);
  if (unlocked)
    g_signal_emit (self, signals[UNLOCKED], 0);
}

static void
on_map_cb (EscaleLockScreen *self)
{
  gtk_widget_grab_focus (self->password_row);
}

static void
escale_lock_screen_dispose (GObject *object)
{
  EscaleLockScreen *self = ESCALE_LOCK_SCREEN (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_lock_screen_parent_class)->dispose (object);
}

static void
escale_lock_screen_class_init (EscaleLockScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_lock_screen_dispose;

  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/auth/escale-lock-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleLockScreen, status_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleLockScreen, password_row);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_cb);
}

static void
escale_lock_screen_init (EscaleLockScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  escale_auth_add_message_row (self->password_row);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

EscaleLockScreen *
escale_lock_screen_new (EscaleStore *store)
{
  EscaleLockScreen *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_LOCK_SCREEN, NULL);
  self->store = g_object_ref (store);
  describe (self);
  return self;
}
