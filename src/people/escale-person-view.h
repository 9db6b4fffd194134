/* escale-person-view.h — a person's file, as read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-person.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PERSON_VIEW (escale_person_view_get_type ())
G_DECLARE_FINAL_TYPE (EscalePersonView, escale_person_view, ESCALE, PERSON_VIEW, AdwBin)

void          escale_person_view_set_store  (EscalePersonView *self,
                                             EscaleStore      *store);
void          escale_person_view_set_person (EscalePersonView *self,
                                             EscalePerson     *person);
EscalePerson *escale_person_view_get_person (EscalePersonView *self);
/* Widget action "person.add-action" (Ctrl+Shift+A while a file shows)
 * opens the action dialog on the Follow-up page; "person.print-slip" (an
 * int64: a planned action, or 0 for all) prints the person's slip;
 * "person.print-notice" their information notice; "person.export-data"
 * saves everything about them as JSON, and "person.erase" erases them
 * after a question, for the roles that may. */
GtkWidget    *escale_person_view_get_timeline_view (EscalePersonView *self);
void          escale_person_view_dismiss_undo (EscalePersonView *self);
gboolean      escale_person_view_close_file (EscalePersonView *self,
                                             const char       *date_text,
                                             const char       *reason,
                                             GError          **error);

G_END_DECLS
