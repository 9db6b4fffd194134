/* escale-partner-entry-row.h — a partner typed freely or linked to the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNER_ENTRY_ROW (escale_partner_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (EscalePartnerEntryRow, escale_partner_entry_row, ESCALE,
                      PARTNER_ENTRY_ROW, AdwEntryRow)

/* An entry row whose text suggests partners of the directory, in a popover
 * under it. Choosing one links it: its name becomes the text and a suffix
 * shows the link, with a button to undo it. Typing unlinks: the text is then
 * free, for partners that are not in the directory. */
GtkWidget *escale_partner_entry_row_new            (void);
void       escale_partner_entry_row_set_store      (EscalePartnerEntryRow *self,
                                                    EscaleStore           *store);
/* The partner linked, or 0 ("partner-id" property). */
gint64     escale_partner_entry_row_get_partner_id (EscalePartnerEntryRow *self);
/* Shows @text, linked to @partner_id (0: not linked). */
void       escale_partner_entry_row_set_partner    (EscalePartnerEntryRow *self,
                                                    gint64                 partner_id,
                                                    const char            *text);
/* The suggestions, for tests: rows activate to link their partner. */
GtkListBox *escale_partner_entry_row_get_suggestions (EscalePartnerEntryRow *self);

G_END_DECLS
