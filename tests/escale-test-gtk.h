/* escale-test-gtk.h — helpers shared by the tests of widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void escale_test_init_gtk (int    *argc,
                           char ***argv);
void escale_test_spin     (void);

/* The shortcut bound to @accelerator among @widget's own controllers;
 * @phase, if given, receives its controller's propagation phase. */
GtkShortcut      *escale_test_find_shortcut       (GtkWidget           *widget,
                                                   const char          *accelerator,
                                                   GtkPropagationPhase *phase);
/* The message dialog shown, if any. */
AdwMessageDialog *escale_test_find_message_dialog (void);

G_END_DECLS
