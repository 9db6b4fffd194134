/* escale-account-form.h — the form of one account: login, name, role, password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-account.h"
#include "escale-form-dialog.h"

G_BEGIN_DECLS

typedef enum {
  ESCALE_ACCOUNT_FIELD_LOGIN,     /* AdwEntryRow; only for a new account */
  ESCALE_ACCOUNT_FIELD_NAME,      /* AdwEntryRow */
  ESCALE_ACCOUNT_FIELD_ROLE,      /* AdwComboRow: the roles from ESCALE_ROLE_ADMINISTRATOR on */
  ESCALE_ACCOUNT_FIELD_PASSWORD,  /* AdwPasswordEntryRow; only for a new account */
  ESCALE_ACCOUNT_FIELD_REPEAT,    /* AdwPasswordEntryRow: the same again */
} EscaleAccountField;

/* The form that creates an account (@account NULL: login, name, role and
 * initial password), or that
 * changes the name and role of @account. Not presented; it saves and
 * destroys itself when accepted. */
EscaleFormDialog *escale_account_form_new       (GtkWindow           *parent,
                                                 EscaleStore         *store,
                                                 const EscaleAccount *account);
/* The role at @position of the form's role row, and back. */
EscaleRole        escale_account_form_role_at   (guint                position);
guint             escale_account_form_role_position (EscaleRole       role);
/* The message for a password too short, or NULL when long enough. */
char             *escale_account_check_password (const char          *password);

G_END_DECLS
