/* escale-accounts-page.h — the Preferences page of the accounts, for administrators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-form-dialog.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_ACCOUNTS_PAGE (escale_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (EscaleAccountsPage, escale_accounts_page, ESCALE, ACCOUNTS_PAGE,
                      AdwPreferencesPage)

/* A page listing the accounts of @store (name, login, role, state), with
 * the widget actions accounts.add, accounts.edit (x: an account's id),
 * accounts.reset-password (x), accounts.deactivate (x, asks first) and
 * accounts.reactivate (x). Refusals are shown at the field or in a toast. */
GtkWidget        *escale_accounts_page_new            (EscaleStore        *store);
void              escale_accounts_page_reload         (EscaleAccountsPage *self);
/* The row of the account @id (an AdwActionRow), or NULL. */
GtkWidget        *escale_accounts_page_get_row        (EscaleAccountsPage *self,
                                                       gint64              id);
/* As the actions do: the form or question, presented; NULL for an
 * account not listed. The list is reloaded once it is answered. */
EscaleFormDialog *escale_accounts_page_add            (EscaleAccountsPage *self);
EscaleFormDialog *escale_accounts_page_edit           (EscaleAccountsPage *self,
                                                       gint64              id);
/* The question holds a GtkPasswordEntry for the new password; its
 * response "reset" resets it. */
AdwMessageDialog *escale_accounts_page_reset_password (EscaleAccountsPage *self,
                                                       gint64              id);
/* Its response "deactivate" deactivates the account. */
AdwMessageDialog *escale_accounts_page_deactivate     (EscaleAccountsPage *self,
                                                       gint64              id);
gboolean          escale_accounts_page_reactivate     (EscaleAccountsPage *self,
                                                       gint64              id,
                                                       GError            **error);

G_END_DECLS
