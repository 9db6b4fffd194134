/* escale-duplicates-panel.h — possible duplicates of the person being created
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-person-form.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_DUPLICATES_PANEL (escale_duplicates_panel_get_type ())
G_DECLARE_FINAL_TYPE (EscaleDuplicatesPanel, escale_duplicates_panel, ESCALE, DUPLICATES_PANEL,
                      AdwBin)

void        escale_duplicates_panel_schedule (EscaleDuplicatesPanel *self,
                                              EscaleStore           *store,
                                              EscalePersonForm      *form);
void        escale_duplicates_panel_cancel   (EscaleDuplicatesPanel *self);
GtkListBox *escale_duplicates_panel_get_list (EscaleDuplicatesPanel *self,
                                              gboolean              *revealed);

G_END_DECLS
