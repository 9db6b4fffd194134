/* escale-auth-util.h — pieces the sign-in windows share
 *
 * The rows of their forms (AdwEntryRow, AdwPasswordEntryRow) each get a
 * message row right under them, where the errors about them are shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Puts a hidden message row under @row, in the list of its preferences
 * group (@row must be in it already). */
void        escale_auth_add_message_row    (GtkWidget  *row);
/* Shows @error (nullable: none) under @row; an error takes the focus to it. */
void        escale_auth_show_error         (GtkWidget  *row,
                                            const char *error);
/* The error shown under @row, or %NULL. */
const char *escale_auth_get_error          (GtkWidget  *row);
/* Says under @row, while there is no error, how long a password must be. */
void        escale_auth_show_password_hint (GtkWidget  *row);
/* A new password typed twice: long enough (ESCALE_MIN_PASSWORD_LENGTH
 * characters) and the same both times. Shows what is wrong under the rows;
 * returns whether it is fine. */
gboolean    escale_auth_check_new_password (GtkWidget  *password_row,
                                            GtkWidget  *confirm_row);
/* The text of @row without blanks around it. */
char       *escale_auth_dup_stripped       (GtkWidget  *row);
/* Empties the entries given (a NULL-terminated list), so that no password
 * stays in them. */
void        escale_auth_forget             (GtkWidget  *row,
                                            ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
