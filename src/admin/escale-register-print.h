/* escale-register-print.h — the printed register entry of Escale's processing (GDPR article 30)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "escale-store.h"

G_BEGIN_DECLS

/* A print operation for the record of processing the association keeps
 * for Escale: the controller (the association's name and address), the
 * purposes, the categories of people and of data (the sensitive ones from
 * the schema), the recipients, the retention periods in force and the
 * security measures (accounts by role, audit log, encryption), in the
 * interface's language. */
GtkPrintOperation *escale_register_print_new  (EscaleStore  *store,
                                               GError      **error);
/* Writes it into the PDF file @path, without a dialog. */
gboolean           escale_register_export_pdf (EscaleStore  *store,
                                               const char   *path,
                                               GError      **error);
/* Opens the print dialog over @widget's window; a failure is said in a
 * toast. */
void               escale_register_print      (GtkWidget    *widget,
                                               EscaleStore  *store);

G_END_DECLS
