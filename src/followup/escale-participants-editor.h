/* escale-participants-editor.h — the people who take part in a group session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-action.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTICIPANTS_EDITOR (escale_participants_editor_get_type ())
G_DECLARE_FINAL_TYPE (EscaleParticipantsEditor, escale_participants_editor, ESCALE,
                      PARTICIPANTS_EDITOR, AdwPreferencesGroup)

void        escale_participants_editor_set_store        (EscaleParticipantsEditor *self,
                                                         EscaleStore              *store);
gboolean    escale_participants_editor_add              (EscaleParticipantsEditor *self,
                                                         gint64                    person_id,
                                                         EscaleAttendance          attended);
gboolean    escale_participants_editor_remove           (EscaleParticipantsEditor *self,
                                                         gint64                    person_id);
guint       escale_participants_editor_get_n_participants (EscaleParticipantsEditor *self);
void        escale_participants_editor_apply            (EscaleParticipantsEditor *self,
                                                         EscaleAction             *action);
void        escale_participants_editor_set_error        (EscaleParticipantsEditor *self,
                                                         const char               *error);
const char *escale_participants_editor_get_error        (EscaleParticipantsEditor *self);

/* For tests. */
GtkEditable     *escale_participants_editor_get_search_entry (EscaleParticipantsEditor *self);
GtkListBox      *escale_participants_editor_get_results      (EscaleParticipantsEditor *self);
GtkToggleButton *escale_participants_editor_get_attendance_button
                                                             (EscaleParticipantsEditor *self,
                                                              guint                     index,
                                                              EscaleAttendance          attended);
GtkButton       *escale_participants_editor_get_remove_button (EscaleParticipantsEditor *self,
                                                               guint                     index);

G_END_DECLS
