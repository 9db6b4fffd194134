/* escale-accounts-page.c — the Preferences page of the accounts, for administrators
 *
 * One row an account: its name, login, role and state, an Edit button and
 * a menu to reset the password or deactivate the account. Accounts are
 * never deleted: the audit log and the actions keep naming them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account-form.h"
#include "escale-accounts-page.h"
#include "escale-language.h"
#include "escale-ui-util.h"

#define ACCOUNT_ID_KEY "escale-account-id"

struct _EscaleAccountsPage
{
  AdwPreferencesPage   parent_instance;

  EscaleStore         *store;
  GPtrArray           *accounts;  /* EscaleAccount, as listed */
  GPtrArray           *rows;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (EscaleAccountsPage, escale_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

/* Helpers */

static GtkWindow *
parent_window (EscaleAccountsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast_error (EscaleAccountsPage *self,
             const GError       *error)
{
  escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static const EscaleAccount *
find_account (EscaleAccountsPage *self,
              gint64              id)
{
  for (guint i = 0; self->accounts != NULL && i < self->accounts->len; i++)
    {
      const EscaleAccount *account = g_ptr_array_index (self->accounts, i);

      if (account->id == id)
        return account;
    }
  return NULL;
}

static const char *
display_name (const EscaleAccount *account)
{
  return account->name != NULL && *account->name != '\0' ? account->name : account->login;
}

static gboolean
is_current (EscaleAccountsPage  *self,
            const EscaleAccount *account)
{
  const EscaleAccount *current = escale_store_get_account (self->store);

  return current != NULL && current->id == account->id;
}

static gboolean
is_locked (const EscaleAccount *account)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return account->locked_until != NULL && strncmp (account->locked_until, text, 19) > 0;
}

static char *
describe_state (const EscaleAccount *account)
{
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;

  if (!account->active)
    /* Translators: the state of an account that may no longer log in */
    return g_strdup (C_("account", "Deactivated"));
  if (is_locked (account))
    /* Translators: the state of an account after too many wrong passwords */
    return g_strdup (C_("account", "Locked after failed logins"));
  if (account->must_change_password)
    /* Translators: the state of an account whose password was reset */
    return g_strdup (C_("account", "Must choose a new password"));
  if (account->last_login == NULL)
    return g_strdup (C_("account", "Never logged in"));
  date = g_strndup (account->last_login, 10);
  day = escale_format_date (date);
  /* Translators: %s is the date of an account's last login */
  return g_strdup_printf (C_("account", "Last login on %s"), day);
}

/* “amina · Volunteer · Last login on 12/03/2026”. */
static char *
describe_account (const EscaleAccount *account)
{
  g_autofree char *state = describe_state (account);
  g_autofree char *login = g_strdup_printf (ESCALE_ISOLATE ("%s"), account->login);

  return g_strdup_printf ("%s%s · %s · %s", escale_direction_mark (), login,
                          escale_role_label (account->role), state);
}

static GtkWidget *
new_menu_button (EscaleAccountsPage  *self,
                 const EscaleAccount *account)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) reset = g_menu_item_new (_("_Reset Password…"), NULL);
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_item_set_action_and_target_value (reset, "accounts.reset-password",
                                           g_variant_new_int64 (account->id));
  g_menu_append_item (menu, reset);
  if (!is_current (self, account))
    {
      g_autoptr(GMenuItem) state = NULL;

      state = account->active ? g_menu_item_new (_("_Deactivate…"), NULL)
                              : g_menu_item_new (_("Re_activate"), NULL);
      g_menu_item_set_action_and_target_value (state, account->active ? "accounts.deactivate"
                                                                      : "accounts.reactivate",
                                               g_variant_new_int64 (account->id));
      g_menu_append_item (menu, state);
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("More actions for this account"));
  return button;
}

static GtkWidget *
new_edit_button (const EscaleAccount *account)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Change the name or role"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change the name or role"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "accounts.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", account->id);
  return button;
}

static GtkWidget *
new_row (EscaleAccountsPage  *self,
         const EscaleAccount *account)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_account (account);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), display_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (account->active
                                                           ? "avatar-default-symbolic"
                                                           : "action-unavailable-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_edit_button (account));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_menu_button (self, account));
  if (!account->active)
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data_full (G_OBJECT (row), ACCOUNT_ID_KEY,
                          g_memdup2 (&account->id, sizeof (gint64)), g_free);
  return row;
}

static void
clear_rows (EscaleAccountsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

/* Callbacks */

static void
on_reset_password_changed_cb (GtkEditable      *entry,
                              AdwMessageDialog *dialog)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (dialog), "error-label");
  g_autofree char *problem = escale_account_check_password (gtk_editable_get_text (entry));
  gboolean empty = *gtk_editable_get_text (entry) == '\0';

  gtk_label_set_label (label, problem && !empty ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (label), problem != NULL && !empty);
  adw_message_dialog_set_response_enabled (dialog, "reset", problem == NULL);
}

static void
on_reset_password_response_cb (EscaleAccountsPage *self,
                               const char         *response,
                               AdwMessageDialog   *dialog)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), ACCOUNT_ID_KEY);
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "password-entry");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reset"))
    return;
  if (!escale_store_reset_password (self->store, id, gtk_editable_get_text (entry), &error))
    toast_error (self, error);
  else
    escale_add_toast (GTK_WIDGET (self),
                      adw_toast_new (_("Password reset: a new one will be asked at the next "
                                       "login")));
  escale_accounts_page_reload (self);
}

static void
on_deactivate_response_cb (EscaleAccountsPage *self,
                           const char         *response,
                           AdwMessageDialog   *dialog)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), ACCOUNT_ID_KEY);
  const EscaleAccount *account = find_account (self, id);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "deactivate") || account == NULL)
    return;
  if (!escale_store_update_account (self->store, id, account->name, account->role, FALSE,
                                    &error))
    toast_error (self, error);
  escale_accounts_page_reload (self);
}

/* Actions */

static void
add_action (GtkWidget                *widget,
            G_GNUC_UNUSED const char *action_name,
            G_GNUC_UNUSED GVariant   *parameter)
{
  escale_accounts_page_add (ESCALE_ACCOUNTS_PAGE (widget));
}

static void
edit_action (GtkWidget                *widget,
             G_GNUC_UNUSED const char *action_name,
             GVariant                 *parameter)
{
  escale_accounts_page_edit (ESCALE_ACCOUNTS_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
reset_password_action (GtkWidget                *widget,
                       G_GNUC_UNUSED const char *action_name,
                       GVariant                 *parameter)
{
  escale_accounts_page_reset_password (ESCALE_ACCOUNTS_PAGE (widget),
                                       g_variant_get_int64 (parameter));
}

static void
deactivate_action (GtkWidget                *widget,
                   G_GNUC_UNUSED const char *action_name,
                   GVariant                 *parameter)
{
  escale_accounts_page_deactivate (ESCALE_ACCOUNTS_PAGE (widget),
                                   g_variant_get_int64 (parameter));
}

static void
reactivate_action (GtkWidget                *widget,
                   G_GNUC_UNUSED const char *action_name,
                   GVariant                 *parameter)
{
  EscaleAccountsPage *self = ESCALE_ACCOUNTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!escale_accounts_page_reactivate (self, g_variant_get_int64 (parameter), &error))
    toast_error (self, error);
}

/* GObject overrides */

static void
escale_accounts_page_dispose (GObject *object)
{
  EscaleAccountsPage *self = ESCALE_ACCOUNTS_PAGE (object);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_accounts_page_parent_class)->dispose (object);
}

static void
escale_accounts_page_class_init (EscaleAccountsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_accounts_page_dispose;

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "accounts.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "accounts.reset-password", "x",
                                   reset_password_action);
  gtk_widget_class_install_action (widget_class, "accounts.deactivate", "x", deactivate_action);
  gtk_widget_class_install_action (widget_class, "accounts.reactivate", "x", reactivate_action);
}

static void
escale_accounts_page_init (EscaleAccountsPage *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add…"));

  self->rows = g_ptr_array_new ();
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "accounts");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Accounts"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "avatar-default-symbolic");

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Accounts"));
  adw_preferences_group_set_description (self->group,
                                         _("Everyone who uses Escale logs in with their own "
                                           "account. Its role decides what they may see and "
                                           "do."));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add an account"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "accounts.add");
  adw_preferences_group_set_header_suffix (self->group, add);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->group);
}

/* Public API */

GtkWidget *
escale_accounts_page_new (EscaleStore *store)
{
  EscaleAccountsPage *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_ACCOUNTS_PAGE, NULL);
  self->store = g_object_ref (store);
  escale_accounts_page_reload (self);
  return GTK_WIDGET (self);
}

void
escale_accounts_page_reload (EscaleAccountsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ESCALE_IS_ACCOUNTS_PAGE (self));

  clear_rows (self);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  self->accounts = escale_store_list_accounts (self->store, &error);
  if (self->accounts == NULL)
    {
      toast_error (self, error);
      return;
    }
  for (guint i = 0; i < self->accounts->len; i++)
    {
      GtkWidget *row = new_row (self, g_ptr_array_index (self->accounts, i));

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

GtkWidget *
escale_accounts_page_get_row (EscaleAccountsPage *self,
                              gint64              id)
{
  g_return_val_if_fail (ESCALE_IS_ACCOUNTS_PAGE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      gint64 *row_id = g_object_get_data (g_ptr_array_index (self->rows, i), ACCOUNT_ID_KEY);

      if (*row_id == id)
        return g_ptr_array_index (self->rows, i);
    }
  return NULL;
}

static EscaleFormDialog *
present_form (EscaleAccountsPage  *self,
              const EscaleAccount *account)
{
  EscaleFormDialog *dialog = escale_account_form_new (parent_window (self), self->store, account);

  g_signal_connect_object (dialog, "destroy", G_CALLBACK (escale_accounts_page_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * escale_accounts_page_add:
 *
 * Returns: (transfer none): the form of a new account, presented
 */
EscaleFormDialog *
escale_accounts_page_add (EscaleAccountsPage *self)
{
  g_return_val_if_fail (ESCALE_IS_ACCOUNTS_PAGE (self), NULL);
  return present_form (self, NULL);
}

/**
 * escale_accounts_page_edit:
 *
 * Returns: (transfer none) (nullable): the form of the account @id, presented
 */
EscaleFormDialog *
escale_accounts_page_edit (EscaleAccountsPage *self,
                           gint64              id)
{
  const EscaleAccount *account;

  g_return_val_if_fail (ESCALE_IS_ACCOUNTS_PAGE (self), NULL);

  account = find_account (self, id);
  return account ? present_form (self, account) : NULL;
}

static AdwMessageDialog *
new_question (EscaleAccountsPage *self,
              gint64              id,
              const char         *heading,
              const char         *body,
              const char         *response,
              const char         *label,
              GCallback           on_response)
{
  AdwMessageDialog *dialog = escale_confirm_dialog_new (parent_window (self), heading, body,
                                                        response, label);

  g_object_set_data_full (G_OBJECT (dialog), ACCOUNT_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", on_response, self, G_CONNECT_SWAPPED);
  return dialog;
}

/**
 * escale_accounts_page_reset_password:
 *
 * Returns: (transfer none) (nullable): the question, presented
 */
AdwMessageDialog *
escale_accounts_page_reset_password (EscaleAccountsPage *self,
                                     gint64              id)
{
  const EscaleAccount *account;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *entry, *label;

  g_return_val_if_fail (ESCALE_IS_ACCOUNTS_PAGE (self), NULL);

  if ((account = find_account (self, id)) == NULL)
    return NULL;
  /* Translators: %s is the name of the account whose password is reset */
  body = g_strdup_printf (_("Give %s a new password yourself: they will have to choose their "
                            "own at their next login."), display_name (account));
  dialog = new_question (self, id, _("Reset the Password?"), body, "reset", _("_Reset"),
                         G_CALLBACK (on_reset_password_response_cb));
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_SUGGESTED);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "placeholder-text", _("New password"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New password"), -1);
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), label);
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "password-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "error-label", label);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reset_password_changed_cb), dialog);
  on_reset_password_changed_cb (GTK_EDITABLE (entry), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

/**
 * escale_accounts_page_deactivate:
 *
 * Returns: (transfer none) (nullable): the question, presented
 */
AdwMessageDialog *
escale_accounts_page_deactivate (EscaleAccountsPage *self,
                                 gint64              id)
{
  const EscaleAccount *account;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (ESCALE_IS_ACCOUNTS_PAGE (self), NULL);

  if ((account = find_account (self, id)) == NULL)
    return NULL;
  /* Translators: %s is the name of an account */
  heading = g_strdup_printf (_("Deactivate %s’s Account?"), display_name (account));
  dialog = new_question (self, id, heading,
                         _("They will no longer be able to log in. What they recorded stays, "
                           "and the account can be reactivated."),
                         "deactivate", _("_Deactivate"), G_CALLBACK (on_deactivate_response_cb));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
escale_accounts_page_reactivate (EscaleAccountsPage  *self,
                                 gint64               id,
                                 GError             **error)
{
  const EscaleAccount *account;
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_ACCOUNTS_PAGE (self), FALSE);

  if ((account = find_account (self, id)) == NULL)
    return TRUE;
  ok = escale_store_update_account (self->store, id, account->name, account->role, TRUE, error);
  escale_accounts_page_reload (self);
  return ok;
}
