/* escale-referral-slip.h — the slip a person takes to the partner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "escale-store.h"

G_BEGIN_DECLS

/* A print operation for the slip of the referral @referral_id: the
 * partner's name, address, phones, opening hours and closures, the
 * service, the documents to bring, a contact, the date and the worker.
 * Lines are aligned after @direction. */
GtkPrintOperation *escale_referral_slip_new        (EscaleStore       *store,
                                                    gint64             referral_id,
                                                    GtkTextDirection   direction,
                                                    GError           **error);
/* Writes that slip into the PDF file @path, without a dialog. */
gboolean           escale_referral_slip_export_pdf (EscaleStore       *store,
                                                    gint64             referral_id,
                                                    GtkTextDirection   direction,
                                                    const char        *path,
                                                    GError           **error);

G_END_DECLS
