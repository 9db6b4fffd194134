/* escale-account-form.c — the form of one account: login, name, role, password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account-form.h"

#define FIRST_ROLE ESCALE_ROLE_ADMINISTRATOR
#define N_ROLES    (ESCALE_ROLE_TREASURER - ESCALE_ROLE_ADMINISTRATOR + 1)

typedef struct
{
  EscaleStore *store;
  gint64       id;        /* 0 for a new account */
  gboolean     active;
} FormData;

static void
form_data_free (FormData *data)
{
  g_object_unref (data->store);
  g_free (data);
}

static char *
trimmed_text (EscaleFormDialog *dialog,
              guint             field)
{
  return g_strstrip (g_strdup (escale_form_dialog_get_text (dialog, field)));
}

static EscaleRole
selected_role (EscaleFormDialog *dialog)
{
  AdwComboRow *row = ADW_COMBO_ROW (escale_form_dialog_get_field (dialog,
                                                                  ESCALE_ACCOUNT_FIELD_ROLE));

  return escale_account_form_role_at (adw_combo_row_get_selected (row));
}

/* Both passwords checked, each message at its own row. */
static gboolean
check_passwords (EscaleFormDialog *dialog)
{
  const char *password = escale_form_dialog_get_text (dialog, ESCALE_ACCOUNT_FIELD_PASSWORD);
  const char *repeat = escale_form_dialog_get_text (dialog, ESCALE_ACCOUNT_FIELD_REPEAT);
  g_autofree char *problem = escale_account_check_password (password);

  if (problem != NULL)
    {
      escale_form_dialog_set_error (dialog, ESCALE_ACCOUNT_FIELD_PASSWORD, problem);
      return FALSE;
    }
  if (!g_str_equal (password, repeat))
    {
      escale_form_dialog_set_error (dialog, ESCALE_ACCOUNT_FIELD_REPEAT,
                                    _("The two passwords differ"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
accept_new (EscaleFormDialog *dialog,
            FormData         *data)
{
  g_autofree char *login = trimmed_text (dialog, ESCALE_ACCOUNT_FIELD_LOGIN);
  g_autofree char *name = trimmed_text (dialog, ESCALE_ACCOUNT_FIELD_NAME);
  g_autoptr(GError) error = NULL;

  if (*login == '\0')
    {
      escale_form_dialog_set_error (dialog, ESCALE_ACCOUNT_FIELD_LOGIN,
                                    _("Choose the name this person will log in with"));
      return FALSE;
    }
  if (!check_passwords (dialog))
    return FALSE;
  if (escale_store_create_account (data->store, login, *name ? name : NULL,
                                   selected_role (dialog),
                                   escale_form_dialog_get_text (dialog,
                                                                ESCALE_ACCOUNT_FIELD_PASSWORD),
                                   &error) > 0)
    return TRUE;
  /* A login already taken, or the core's own rule on passwords. */
  escale_form_dialog_set_error (dialog, ESCALE_ACCOUNT_FIELD_LOGIN, error->message);
  return FALSE;
}

static gboolean
accept_account (EscaleFormDialog *dialog,
                gpointer          user_data)
{
  FormData *data = user_data;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (data->id == 0)
    return accept_new (dialog, data);
  name = trimmed_text (dialog, ESCALE_ACCOUNT_FIELD_NAME);
  if (escale_store_update_account (data->store, data->id, *name ? name : NULL,
                                   selected_role (dialog), data->active, &error))
    return TRUE;
  /* Such as the last administrator made a volunteer. */
  escale_form_dialog_set_error (dialog, ESCALE_ACCOUNT_FIELD_ROLE, error->message);
  return FALSE;
}

static void
add_role_row (EscaleFormDialog *dialog,
              EscaleRole        role)
{
  const char *labels[N_ROLES + 1] = { NULL };
  AdwComboRow *row;

  for (guint i = 0; i < N_ROLES; i++)
    labels[i] = escale_role_label (escale_account_form_role_at (i));
  row = escale_form_dialog_add_combo (dialog, ESCALE_ACCOUNT_FIELD_ROLE, _("Role"), labels);
  adw_combo_row_set_selected (row, escale_account_form_role_position (role));
}

/* Public API */

EscaleRole
escale_account_form_role_at (guint position)
{
  return FIRST_ROLE + MIN (position, N_ROLES - 1);
}

guint
escale_account_form_role_position (EscaleRole role)
{
  return role >= FIRST_ROLE && role <= ESCALE_ROLE_TREASURER ? role - FIRST_ROLE : 0;
}

char *
escale_account_check_password (const char *password)
{
  if (g_utf8_strlen (password, -1) >= ESCALE_MIN_PASSWORD_LENGTH)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Use at least %d character",
                                       "Use at least %d characters",
                                       ESCALE_MIN_PASSWORD_LENGTH),
                          ESCALE_MIN_PASSWORD_LENGTH);
}

/**
 * escale_account_form_new:
 * @account: (nullable): the account to change, %NULL for a new one
 *
 * Returns: (transfer none): the form, not yet presented
 */
EscaleFormDialog *
escale_account_form_new (GtkWindow           *parent,
                         EscaleStore         *store,
                         const EscaleAccount *account)
{
  EscaleFormDialog *dialog;
  FormData *data;
  GtkWidget *row;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  data = g_new0 (FormData, 1);
  data->store = g_object_ref (store);
  data->id = account ? account->id : 0;
  data->active = account ? account->active : TRUE;
  if (account == NULL)
    {
      dialog = escale_form_dialog_new (parent, _("New Account"), _("_Add"));
      row = escale_form_dialog_add_entry (dialog, ESCALE_ACCOUNT_FIELD_LOGIN, _("Login"), NULL);
      gtk_widget_set_tooltip_text (row, _("The name typed to log in, such as “amina”"));
    }
  else
    {
      dialog = escale_form_dialog_new (parent, account->login, _("_Save"));
    }
  escale_form_dialog_add_entry (dialog, ESCALE_ACCOUNT_FIELD_NAME, _("Full name"),
                                account ? account->name : NULL);
  add_role_row (dialog, account ? account->role : ESCALE_ROLE_VOLUNTEER);
  if (account == NULL)
    {
      /* Translators: a group of the new account form */
      escale_form_dialog_add_group (dialog, _("Initial Password"),
                                    _("Give it to the person yourself, never by email."));
      escale_form_dialog_add_password (dialog, ESCALE_ACCOUNT_FIELD_PASSWORD, _("Password"));
      escale_form_dialog_add_password (dialog, ESCALE_ACCOUNT_FIELD_REPEAT,
                                       _("Password again"));
    }
  escale_form_dialog_set_accept_func (dialog, accept_account, data,
                                      (GDestroyNotify) form_data_free);
  return dialog;
}
