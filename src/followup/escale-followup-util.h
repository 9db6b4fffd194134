/* escale-followup-util.h — how actions look: icons, theme colours, figures
 *
 * Shared by the timeline, the action dialog and the agenda.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A symbolic icon name for an action type; a generic one for user-added types. */
const char *escale_action_type_icon_name (const char *type);
/* The CSS class that colours a theme ("theme-housing"…, see style.css);
 * "theme-other" for user-added themes. */
const char *escale_theme_css_class       (const char *theme);
/* "45 min", "1 h", "1 h 30" — translated. */
char       *escale_format_duration       (gint64      minutes);
/* Euro cents as "120,50 €" in the current locale's way. */
char       *escale_format_amount         (gint64      cents);
/* The worker name of the person at the keyboard: the worker-name setting,
 * else the account's full name, else its login. */
char       *escale_current_worker        (void);

/* Ctrl+Enter (and the keypad's Enter) activate @action_name from any
 * field of @widget: caught before the focused widget, as a text view would
 * otherwise take it as a new line. */
void        escale_add_ctrl_enter_shortcut (GtkWidget  *widget,
                                            const char *action_name);

G_END_DECLS
