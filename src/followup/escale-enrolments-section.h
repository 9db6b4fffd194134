/* escale-enrolments-section.h — a person's programmes, in their file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-form-dialog.h"
#include "escale-store.h"

G_BEGIN_DECLS

/* In the form escale_enrolments_section_end() opens, the situation at exit's
 * rows are numbered from this (+ an EscaleSituationField). */
#define ESCALE_ENROLMENTS_EXIT_SITUATION_FIELDS 100

#define ESCALE_TYPE_ENROLMENTS_SECTION (escale_enrolments_section_get_type ())
G_DECLARE_FINAL_TYPE (EscaleEnrolmentsSection, escale_enrolments_section, ESCALE,
                      ENROLMENTS_SECTION, AdwPreferencesGroup)

/* A group titled "Programmes" listing the enrolments of @person_id, with
 * its actions: enrolments.enrol, enrolments.end (x: enrolment id),
 * enrolments.situation ((xs): enrolment id and moment, "entry" or "exit")
 * and enrolments.remove (x, asks first). */
GtkWidget        *escale_enrolments_section_new      (EscaleStore             *store,
                                                      gint64                   person_id);
void              escale_enrolments_section_reload   (EscaleEnrolmentsSection *self);
guint             escale_enrolments_section_get_n_enrolments (EscaleEnrolmentsSection *self);
/* The row of the enrolment @enrolment_id (an AdwActionRow), or NULL. */
GtkWidget        *escale_enrolments_section_get_row  (EscaleEnrolmentsSection *self,
                                                      gint64                   enrolment_id);
/* Open the forms, as the actions do: the dialog, or NULL when there is no
 * programme to enrol in. */
EscaleFormDialog *escale_enrolments_section_enrol    (EscaleEnrolmentsSection *self);
EscaleFormDialog *escale_enrolments_section_end      (EscaleEnrolmentsSection *self,
                                                      gint64                   enrolment_id);
/* The situation at entry or exit (ESCALE_SITUATION_ENTRY or _EXIT): the
 * dialog, or NULL for the exit of an enrolment that has not ended. */
EscaleFormDialog *escale_enrolments_section_edit_situation (EscaleEnrolmentsSection *self,
                                                            gint64                   enrolment_id,
                                                            const char              *moment);
/* Removes at once, without asking. */
gboolean          escale_enrolments_section_remove   (EscaleEnrolmentsSection *self,
                                                      gint64                   enrolment_id,
                                                      GError                 **error);

G_END_DECLS
