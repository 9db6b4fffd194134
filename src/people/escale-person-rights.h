/* escale-person-rights.h — a person's rights from their file: a copy of their data, erasure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-person.h"
#include "escale-reason-dialog.h"
#include "escale-store.h"

G_BEGIN_DECLS

/* Writes everything Escale holds about @person_id, as JSON
 * (escale_store_export_person_json()), into the file @path. */
gboolean            escale_person_rights_write_json (EscaleStore   *store,
                                                     gint64         person_id,
                                                     const char    *path,
                                                     GError       **error);
/* Asks where to save that copy (a file chooser over @widget's window),
 * then saves it; the outcome is said in a toast. */
void                escale_person_rights_export     (GtkWidget     *widget,
                                                     EscaleStore   *store,
                                                     EscalePerson  *person);

typedef void (*EscaleErasedFunc) (GtkWidget *widget);

/* Asks for the file number of @person and a reason, then erases them
 * (escale_store_erase_person()); the outcome is said in a toast over
 * @widget, and @erased (nullable) runs on @widget once they are gone.
 * Returns: (transfer none): the question, presented */
EscaleReasonDialog *escale_person_rights_ask_erase  (GtkWidget        *widget,
                                                     EscaleStore      *store,
                                                     EscalePerson     *person,
                                                     EscaleErasedFunc  erased);

G_END_DECLS
