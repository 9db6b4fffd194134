/* escale-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-application.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_WINDOW (escale_window_get_type ())
G_DECLARE_FINAL_TYPE (EscaleWindow, escale_window, ESCALE, WINDOW, AdwApplicationWindow)

/* Window actions: win.show-people, win.show-agenda, win.show-partners,
 * win.show-reports, win.show-partner (x: a partner's id, shown on the
 * Partners page),
 * win.new-person, win.edit-person, win.search, win.print-agenda,
 * win.preferences, win.audit-log (the audit log's window), win.import (the
 * Import dialog, for partners on the Partners page). The pages and
 * actions the role logged into the store may not use are hidden and
 * disabled: treasurers see the Reports page only, volunteers no Reports,
 * and only administrators the audit log. */

EscaleWindow *escale_window_new             (EscaleApplication *application,
                                             EscaleStore       *store);
EscaleStore  *escale_window_get_store       (EscaleWindow      *self);
GtkWidget    *escale_window_get_people_page (EscaleWindow      *self);
GtkWidget    *escale_window_get_agenda_page (EscaleWindow      *self);
GtkWidget    *escale_window_get_partners_page (EscaleWindow    *self);
GtkWidget    *escale_window_get_reports_page (EscaleWindow     *self);
void          escale_window_open_file_number (EscaleWindow   *self,
                                              const char     *file_number);
void          escale_window_add_toast       (EscaleWindow      *self,
                                             AdwToast          *toast);
GVariant     *escale_window_save_state      (EscaleWindow      *self);
void          escale_window_restore_state   (EscaleWindow      *self,
                                             GVariant          *state);
void          escale_window_reload          (EscaleWindow      *self);
/* A lock screen shown instead of the pages, or NULL: see the .c file. */
void          escale_window_set_lock_screen (EscaleWindow      *self,
                                             GtkWidget         *lock_screen);
gboolean      escale_window_is_locked       (EscaleWindow      *self);
EscaleWindow *escale_window_rebuild         (EscaleWindow      *self);

G_END_DECLS
