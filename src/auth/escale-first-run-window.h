/* escale-first-run-window.h — the assistant of a database without accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FIRST_RUN_WINDOW (escale_first_run_window_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFirstRunWindow, escale_first_run_window, ESCALE, FIRST_RUN_WINDOW,
                      AdwWindow)

/* Signal: "signed-in", once the first administrator is created and logged
 * into the store. */

/* Asks for the association's name and address, then the first
 * administrator's login, name and password. A database that already holds
 * people (made by an earlier version) gets a word about accounts first. */
EscaleFirstRunWindow *escale_first_run_window_new      (GtkApplication       *application,
                                                        EscaleStore          *store);
/* The page shown: "association" or "administrator". */
const char           *escale_first_run_window_get_page (EscaleFirstRunWindow *self);

G_END_DECLS
