/* escale-partners-map.h — the Partners page's map: the listed partners as markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-partners-page.h"

G_BEGIN_DECLS

/* Puts a map in the page's map slot that shows the partners the page lists
 * (its filters apply) and opens a partner's card from its marker. */
void escale_partners_map_attach (EscalePartnersPage *page);

G_END_DECLS
