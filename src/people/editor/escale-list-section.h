/* escale-list-section.h — a list of items in the person editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-editor-section.h"
#include "escale-list-kind.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_LIST_SECTION (escale_list_section_get_type ())
G_DECLARE_FINAL_TYPE (EscaleListSection, escale_list_section, ESCALE, LIST_SECTION,
                      AdwPreferencesGroup)

void escale_list_section_add (EscaleListSection *self);

G_END_DECLS
