/* escale-preferences-rows.h — the groups, rows and buttons that preference pages build in code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A group with @title and @description, added at the end of @page. */
AdwPreferencesGroup *escale_preferences_add_group       (AdwPreferencesPage  *page,
                                                         const char          *title,
                                                         const char          *description);
/* A row of plain @title and @subtitle with @suffix, which the row activates. */
GtkWidget           *escale_preferences_add_row         (AdwPreferencesGroup *group,
                                                         const char          *title,
                                                         const char          *subtitle,
                                                         GtkWidget           *suffix);
/* A button with a mnemonic @label for @action, with @css_class (nullable). */
GtkWidget           *escale_preferences_new_button      (const char          *label,
                                                         const char          *action,
                                                         const char          *css_class);
/* A spin button of whole numbers from @min to @max. */
GtkWidget           *escale_preferences_new_spin_button (guint                min,
                                                         guint                max);

G_END_DECLS
