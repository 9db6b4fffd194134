/* escale-person-row.h — one person in the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-person-list.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PERSON_ROW (escale_person_row_get_type ())
G_DECLARE_FINAL_TYPE (EscalePersonRow, escale_person_row, ESCALE, PERSON_ROW, GtkWidget)

EscalePersonRow *escale_person_row_new         (void);
GtkListItemFactory *escale_person_row_factory_new (EscaleStore         *store);
void             escale_person_row_set_summary (EscalePersonRow     *self,
                                                EscalePersonSummary *summary);

G_END_DECLS
