/* escale-agenda-print.h — the day's agenda on paper, for the welcome desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "escale-store.h"

G_BEGIN_DECLS

/* A print operation for the planned actions of @day (YYYY-MM-DD), of
 * @worker or everyone's (NULL), and, when @day is @today, the overdue ones.
 * Lines are aligned after @direction; Pango orders the text itself. */
GtkPrintOperation *escale_agenda_print_new        (EscaleStore       *store,
                                                   const char        *day,
                                                   const char        *today,
                                                   const char        *worker,
                                                   GtkTextDirection   direction,
                                                   GError           **error);
/* Writes that agenda into the PDF file @path, without a dialog. */
gboolean           escale_agenda_print_export_pdf (EscaleStore       *store,
                                                   const char        *day,
                                                   const char        *today,
                                                   const char        *worker,
                                                   GtkTextDirection   direction,
                                                   const char        *path,
                                                   GError           **error);

G_END_DECLS
