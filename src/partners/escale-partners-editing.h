/* escale-partners-editing.h — the Partners page opens the partner editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-partners-page.h"

G_BEGIN_DECLS

/* Opens the editor on the page's "edit-partner", with positions from the
 * bundled postal-code table, and shows the partner again once saved. */
void escale_partners_editing_attach (EscalePartnersPage *page);

G_END_DECLS
