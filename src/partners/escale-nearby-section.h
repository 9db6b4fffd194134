/* escale-nearby-section.h — the partners nearest a person's address, in their file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-person.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_NEARBY_SECTION_LIMIT 5

#define ESCALE_TYPE_NEARBY_SECTION (escale_nearby_section_get_type ())
G_DECLARE_FINAL_TYPE (EscaleNearbySection, escale_nearby_section, ESCALE, NEARBY_SECTION,
                      AdwPreferencesGroup)

/* A group titled "Partners Nearby": the active partners nearest the
 * position of @person's postal code and town, with a theme drop-down in
 * its header. Activating a partner's row activates win.show-partner with
 * its id. */
GtkWidget   *escale_nearby_section_new          (EscaleStore         *store,
                                                 EscalePerson        *person);
GtkDropDown *escale_nearby_section_get_theme_dropdown (EscaleNearbySection *self);
/* The rows shown: one per partner, nearest first, or one saying why there
 * is none. (transfer none) (element-type AdwActionRow) */
GPtrArray   *escale_nearby_section_get_rows     (EscaleNearbySection *self);

G_END_DECLS
