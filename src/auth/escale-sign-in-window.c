/* escale-sign-in-window.c — the passphrase of an encrypted database, the login
 *
 * One window, one page at a time: the passphrase of an encrypted database,
 * the login and password, and a new password when an administrator reset
 * the account's (the store allows nothing else until it is changed). The
 * errors are shown under the field at fault; passwords are emptied from
 * the entries as soon as they have been used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "escale-account.h"
#include "escale-auth-util.h"
#include "escale-language.h"
#include "escale-report-settings.h"
#include "escale-sign-in-window.h"

struct _EscaleSignInWindow
{
  AdwWindow    parent_instance;

  EscaleStore *store;
  char        *path;        /* of the encrypted database */
  char        *password;    /* the one given, until a new one is chosen */

  GtkStack    *stack;
  GtkWidget   *passphrase_row;
  GtkWidget   *login_page;
  GtkWidget   *login_row;
  GtkWidget   *password_row;
  GtkWidget   *new_password_page;
  GtkWidget   *new_password_row;
  GtkWidget   *confirm_row;
};

G_DEFINE_FINAL_TYPE (EscaleSignInWindow, escale_sign_in_window, ADW_TYPE_WINDOW)

enum {
  OPENED,
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
forget_password (EscaleSignInWindow *self)
{
  if (self->password == NULL)
    return;
  sodium_memzero (self->password, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
}

static void
show_page (EscaleSignInWindow *self,
           const char         *name,
           GtkWidget          *focus)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_grab_focus (focus);
}

/* The association's name, under "Sign In": which database this is. */
static void
describe_login (EscaleSignInWindow *self)
{
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_load (self->store, NULL);

  adw_status_page_set_description (ADW_STATUS_PAGE (self->login_page),
                                   settings != NULL && *settings->association != '\0'
                                   ? settings->association : NULL);
}

static void
ask_new_password (EscaleSignInWindow *self)
{
  const EscaleAccount *account = escale_store_get_account (self->store);
  g_autofree char *login = escale_isolate (account->login);
  g_autofree char *description = NULL;

  /* Translators: %s is the login of the account, such as marie */
  description = g_strdup_printf (_("The password of %s was reset: choose a new one that only "
                                   "you know before going on."), login);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->new_password_page), description);
  show_page (self, "new-password", self->new_password_row);
}

/* Callbacks */

static void
on_passphrase_activated_cb (EscaleSignInWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  EscaleStore *store = escale_store_open_encrypted (self->path, passphrase, &error);

  escale_auth_forget (self->passphrase_row, NULL);
  if (store == NULL)
    {
      escale_auth_show_error (self->passphrase_row, error->message);
      return;
    }
  escale_auth_show_error (self->passphrase_row, NULL);
  g_set_object (&self->store, store);
  g_object_unref (store);
  g_signal_emit (self, signals[OPENED], 0, self->store);
}

/* Enter in the login goes on to the password. */
static void
on_login_activated_cb (EscaleSignInWindow *self)
{
  gtk_widget_grab_focus (self->password_row);
}

static void
on_sign_in_cb (EscaleSignInWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *login = escale_auth_dup_stripped (self->login_row);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  gboolean must_change;

  escale_auth_show_error (self->password_row, NULL);
  if (*login == '\0')
    {
      escale_auth_show_error (self->login_row, _("Enter your login"));
      return;
    }
  escale_auth_show_error (self->login_row, NULL);
  if (*password == '\0')
    {
      escale_auth_show_error (self->password_row, _("Enter your password"));
      return;
    }
  if (!escale_store_login (self->store, login, password, &error))
    {
      escale_auth_forget (self->password_row, NULL);
      escale_auth_show_error (self->password_row, error->message);
      return;
    }
  must_change = escale_store_get_account (self->store)->must_change_password;
  if (must_change)
    self->password = g_strdup (password);
  escale_auth_forget (self->password_row, NULL);
  if (must_change)
    ask_new_password (self);
  else
    g_signal_emit (self, signals[SIGNED_IN], 0);
}

static void
on_new_password_activated_cb (EscaleSignInWindow *self)
{
  gtk_widget_grab_focus (self->confirm_row);
}

static void
on_change_password_cb (EscaleSignInWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->new_password_row));

  if (!escale_auth_check_new_password (self->new_password_row, self->confirm_row))
    return;
  if (!escale_store_change_password (self->store, self->password, password, &error))
    {
      escale_auth_show_error (self->new_password_row, error->message);
      return;
    }
  escale_auth_forget (self->new_password_row, self->confirm_row, NULL);
  forget_password (self);
  g_signal_emit (self, signals[SIGNED_IN], 0);
}

/* GObject overrides */

static void
escale_sign_in_window_dispose (GObject *object)
{
  EscaleSignInWindow *self = ESCALE_SIGN_IN_WINDOW (object);

  forget_password (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_sign_in_window_parent_class)->dispose (object);
}

static void
escale_sign_in_window_finalize (GObject *object)
{
  EscaleSignInWindow *self = ESCALE_SIGN_IN_WINDOW (object);

  g_free (self->path);

  G_OBJECT_CLASS (escale_sign_in_window_parent_class)->finalize (object);
}

static void
escale_sign_in_window_class_init (EscaleSignInWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_sign_in_window_dispose;
  object_class->finalize = escale_sign_in_window_finalize;

  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, ESCALE_TYPE_STORE);
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/auth/escale-sign-in-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleSignInWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleSignInWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleSignInWindow, login_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleSignInWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleSignInWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleSignInWindow, new_password_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleSignInWindow, new_password_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleSignInWindow, confirm_row);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_login_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_password_cb);
}

static void
escale_sign_in_window_init (EscaleSignInWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  escale_auth_add_message_row (self->passphrase_row);
  escale_auth_add_message_row (self->login_row);
  escale_auth_add_message_row (self->password_row);
  escale_auth_add_message_row (self->new_password_row);
  escale_auth_show_password_hint (self->new_password_row);
  escale_auth_add_message_row (self->confirm_row);
}

/* Public API */

/**
 * escale_sign_in_window_new:
 * @application: (nullable): the application, or %NULL in tests
 */
EscaleSignInWindow *
escale_sign_in_window_new (GtkApplication *application)
{
  return g_object_new (ESCALE_TYPE_SIGN_IN_WINDOW, "application", application, NULL);
}

void
escale_sign_in_window_ask_passphrase (EscaleSignInWindow *self,
                                      const char         *path)
{
  g_return_if_fail (ESCALE_IS_SIGN_IN_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  show_page (self, "passphrase", self->passphrase_row);
}

void
escale_sign_in_window_ask_login (EscaleSignInWindow *self,
                                 EscaleStore        *store)
{
  g_return_if_fail (ESCALE_IS_SIGN_IN_WINDOW (self));
  g_return_if_fail (ESCALE_IS_STORE (store));

  g_set_object (&self->store, store);
  forget_password (self);
  describe_login (self);
  escale_auth_forget (self->password_row, NULL);
  show_page (self, "login", gtk_editable_get_text (GTK_EDITABLE (self->login_row))[0] != '\0'
                            ? self->password_row : self->login_row);
}

const char *
escale_sign_in_window_get_page (EscaleSignInWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_SIGN_IN_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
