/* escale-person-slip.h — the slip printed for the person: appointments and next steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "escale-store.h"

G_BEGIN_DECLS

/* A print operation for the slip of @person_id (see escale-slip.h): with
 * @action_id 0 their coming planned actions, else that one only; in French
 * and, beside it, in the language the person reads best
 * (escale_slip_language()), whatever the interface's language. */
GtkPrintOperation *escale_person_slip_new        (EscaleStore  *store,
                                                  gint64        person_id,
                                                  gint64        action_id,
                                                  GError      **error);
/* Writes that slip into the PDF file @path, without a dialog. */
gboolean           escale_person_slip_export_pdf (EscaleStore  *store,
                                                  gint64        person_id,
                                                  gint64        action_id,
                                                  const char   *path,
                                                  GError      **error);
/* Opens the print dialog (which also saves as PDF) over @widget's window;
 * a slip that cannot be made is said in a toast. */
void               escale_person_slip_print      (GtkWidget    *widget,
                                                  EscaleStore  *store,
                                                  gint64        person_id,
                                                  gint64        action_id);

G_END_DECLS
