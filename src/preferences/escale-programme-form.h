/* escale-programme-form.h — the form of one programme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-form-dialog.h"
#include "escale-store.h"

G_BEGIN_DECLS

/* The form of the programme @id, or of a new one when @id is 0; its fields
 * are numbered by EscaleProgrammeField. It saves when accepted. NULL with
 * @error set when @id cannot be loaded. */
EscaleFormDialog *escale_programme_form_new (GtkWindow    *parent,
                                             EscaleStore  *store,
                                             gint64        id,
                                             GError      **error);

G_END_DECLS
