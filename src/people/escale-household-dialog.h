/* escale-household-dialog.h — choosing a person to add to a household
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-person.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_HOUSEHOLD_DIALOG (escale_household_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EscaleHouseholdDialog, escale_household_dialog, ESCALE, HOUSEHOLD_DIALOG,
                      AdwMessageDialog)

/* Emits "added" once a member was added to @person's household. */
EscaleHouseholdDialog *escale_household_dialog_new (GtkWindow    *parent,
                                                    EscaleStore  *store,
                                                    EscalePerson *person);
void                   escale_household_dialog_set_query (EscaleHouseholdDialog *self,
                                                          const char            *query);
gboolean               escale_household_dialog_add (EscaleHouseholdDialog *self,
                                                    guint                  position,
                                                    const char            *role,
                                                    GError               **error);

G_END_DECLS
