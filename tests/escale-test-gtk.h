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

G_END_DECLS
