/* escale-information-notice.h — the notice printed for the person about their data and rights
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "escale-store.h"

G_BEGIN_DECLS

/* A print operation for the information notice of @person_id: who keeps
 * their data and why, what is recorded, who sees it, until when, and their
 * rights; in French and, beside it, in the language they read best
 * (escale_slip_language()), as the slip is. */
GtkPrintOperation *escale_information_notice_new        (EscaleStore  *store,
                                                         gint64        person_id,
                                                         GError      **error);
/* Writes it into the PDF file @path, without a dialog. */
gboolean           escale_information_notice_export_pdf (EscaleStore  *store,
                                                         gint64        person_id,
                                                         const char   *path,
                                                         GError      **error);
/* Opens the print dialog over @widget's window; a failure is said in a
 * toast. */
void               escale_information_notice_print      (GtkWidget    *widget,
                                                         EscaleStore  *store,
                                                         gint64        person_id);

G_END_DECLS
