/* escale-sign-in-window.h — the passphrase of an encrypted database, the login
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_SIGN_IN_WINDOW (escale_sign_in_window_get_type ())
G_DECLARE_FINAL_TYPE (EscaleSignInWindow, escale_sign_in_window, ESCALE, SIGN_IN_WINDOW, AdwWindow)

/* Signals: "opened" (EscaleStore *store) once the passphrase opened the
 * database; "signed-in" once the account is logged in, with a password it
 * need not change. */

EscaleSignInWindow *escale_sign_in_window_new            (GtkApplication     *application);
/* Asks for the passphrase of the encrypted database at @path. */
void                escale_sign_in_window_ask_passphrase (EscaleSignInWindow *self,
                                                          const char         *path);
/* Asks for a login and password to log into @store; then, when the
 * account must change its password, for a new one. */
void                escale_sign_in_window_ask_login      (EscaleSignInWindow *self,
                                                          EscaleStore        *store);
/* The page shown: "passphrase", "login" or "new-password". */
const char         *escale_sign_in_window_get_page       (EscaleSignInWindow *self);

G_END_DECLS
