/* escale-theme-picker.h — choosing the themes of an action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_THEME_PICKER (escale_theme_picker_get_type ())
G_DECLARE_FINAL_TYPE (EscaleThemePicker, escale_theme_picker, ESCALE, THEME_PICKER, AdwBin)

void             escale_theme_picker_set_store  (EscaleThemePicker  *self,
                                                 EscaleStore        *store);
void             escale_theme_picker_set_themes (EscaleThemePicker  *self,
                                                 const char * const *themes);
GStrv            escale_theme_picker_get_themes (EscaleThemePicker  *self);
GtkToggleButton *escale_theme_picker_get_button (EscaleThemePicker  *self,
                                                 const char         *theme);

G_END_DECLS
