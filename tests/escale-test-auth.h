/* escale-test-auth.h — helpers for the tests that go through the sign-in windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The entry row (password rows too) titled @title, under @root. */
GtkWidget *escale_test_find_entry_row (gpointer    root,
                                       const char *title);
/* Puts @text in the entry row titled @title. */
void       escale_test_type           (gpointer    root,
                                       const char *title,
                                       const char *text);
/* Emits "clicked" on the button labelled @label (mnemonic included: "_Next"). */
void       escale_test_click          (gpointer    root,
                                       const char *label);
/* Goes through the first-run assistant @window: an association, then the
 * administrator @login with @password. */
void       escale_test_first_run      (GtkWindow  *window,
                                       const char *login,
                                       const char *password);

G_END_DECLS
