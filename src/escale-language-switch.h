/* escale-language-switch.h — changing the interface language while Escale runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "escale-store.h"

G_BEGIN_DECLS

/* Switches the interface to @code ("fr", "ar"; "": the system's language)
 * at once: texts, dates and numbers, the direction of the widgets, and
 * every Escale window, made again in the language (see the .c file). */
void             escale_language_switch        (const char *code);
/* The direction of the interface language, as its catalogue says. */
GtkTextDirection escale_language_get_direction (void);
/* Keeps @code as the interface language chosen, for the next starts, and
 * for the account logged into @store (nullable), if any. */
void             escale_language_save_choice   (EscaleStore *store,
                                                const char  *code);
/* The interface language chosen and kept, "" for the system's. */
char            *escale_language_load_choice   (void);

G_END_DECLS
