/* escale-session.h — from the database file to a signed-in main window, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-application.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_SESSION (escale_session_get_type ())
G_DECLARE_FINAL_TYPE (EscaleSession, escale_session, ESCALE, SESSION, GObject)

/* Signals: "signed-in" (EscaleWindow *window), once the main window of the
 * account logged in is made and presented; "signed-out", once the windows
 * are gone and the login is asked again. Property "locked".
 *
 * With an application, the session adds its actions app.lock and
 * app.sign-out to it. */

EscaleSession *escale_session_new              (EscaleApplication *application);
/* Opens the database at @path, asking first for its passphrase when it is
 * encrypted, then signs in (see escale_session_begin_with_store()). FALSE
 * when the database cannot be opened. Does nothing once signed in. */
gboolean       escale_session_begin            (EscaleSession     *self,
                                                const char        *path,
                                                GError           **error);
/* Signs into @store: the first-run assistant when it has no account, else
 * the login (and a new password when the account must change it); then
 * the account's interface language, and the main window. */
void           escale_session_begin_with_store (EscaleSession     *self,
                                                EscaleStore       *store);
/* (nullable): the store, once opened */
EscaleStore   *escale_session_get_store        (EscaleSession     *self);
/* (nullable): the sign-in or first-run window shown, if any */
GtkWindow     *escale_session_get_sign_in_window (EscaleSession   *self);
gboolean       escale_session_is_signed_in     (EscaleSession     *self);

/* Locks now, as after the idle time: every main window shows a lock screen
 * instead of its pages, every other window is hidden until the password is
 * typed again. */
void           escale_session_lock             (EscaleSession     *self);
gboolean       escale_session_is_locked        (EscaleSession     *self);
/* The idle time before the lock, in milliseconds (0: never), instead of
 * the lock-minutes setting (tests). */
void           escale_session_set_lock_timeout (EscaleSession     *self,
                                                guint              timeout_ms);
/* Logs out, closes every window and asks for a login again. */
void           escale_session_sign_out         (EscaleSession     *self);

/* The session made last, while it lives (the app has one): for the
 * Backups page and the damaged database's dialog, which restore. */
EscaleSession *escale_session_get_default      (void);
/* (nullable): the database's path, once known */
const char    *escale_session_get_path         (EscaleSession     *self);
/* Closes every window and the store, restores @backup_path over the
 * database (escale_backup_restore()), and begins again with the sign-in,
 * after a failure too. */
gboolean       escale_session_restore          (EscaleSession     *self,
                                                const char        *backup_path,
                                                const char        *passphrase,
                                                char             **saved_copy,
                                                GError           **error);

G_END_DECLS
