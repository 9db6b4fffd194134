/* escale-situation-dialog.h — the situation at the entry into a programme
 * or at the exit from it, as a form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-form-dialog.h"
#include "escale-situation.h"

G_BEGIN_DECLS

/* Adds to @dialog one combo row a field of a situation, the first choice
 * "Not recorded", showing @situation (nullable). The row of a field is
 * numbered @first_field + the field (an EscaleSituationField). */
void             escale_situation_form_add_rows (EscaleFormDialog      *dialog,
                                                 guint                  first_field,
                                                 const EscaleSituation *situation);
/* The situation chosen in the rows added at @first_field. */
EscaleSituation *escale_situation_form_get      (EscaleFormDialog      *dialog,
                                                 guint                  first_field);
/* Chooses @code (nullable: "Not recorded") in the row of @field. */
void             escale_situation_form_set_code (EscaleFormDialog      *dialog,
                                                 guint                  first_field,
                                                 EscaleSituationField   field,
                                                 const char            *code);

/* A form recording the snapshot of @enrolment_id at @moment
 * (ESCALE_SITUATION_ENTRY or _EXIT), for @parent, not presented yet; its
 * rows are numbered by EscaleSituationField, under @programme_name
 * (nullable). NULL with @error when the snapshot cannot be read. */
EscaleFormDialog *escale_situation_dialog_new   (GtkWindow             *parent,
                                                 EscaleStore           *store,
                                                 gint64                 enrolment_id,
                                                 const char            *moment,
                                                 const char            *programme_name,
                                                 GError               **error);

G_END_DECLS
