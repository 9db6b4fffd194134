/* escale-person-editor.h — the form to create or edit a person's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-person.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PERSON_EDITOR (escale_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (EscalePersonEditor, escale_person_editor, ESCALE, PERSON_EDITOR, AdwWindow)

/* @person: (nullable): the file to edit, or NULL to create one. The editor
 * works on a copy: nothing is written until the form is valid and saved.
 * Emits "saved" (gint64 id, gboolean created) once saved, then closes; emits
 * "open-person" (gint64 id) when the user picks a possible duplicate to open
 * instead of creating a new file. */
EscalePersonEditor *escale_person_editor_new          (GtkWindow    *parent,
                                                       EscaleStore  *store,
                                                       EscalePerson *person);
gboolean            escale_person_editor_save         (EscalePersonEditor *self);

/* For tests: the widgets and what the form shows. */
GtkWidget          *escale_person_editor_get_field_widget (EscalePersonEditor *self,
                                                           EscaleField         field);
GtkWidget          *escale_person_editor_get_item_widget  (EscalePersonEditor *self,
                                                           EscaleField         list,
                                                           guint               index,
                                                           const char         *part);
const char         *escale_person_editor_get_field_error  (EscalePersonEditor *self,
                                                           EscaleField         field);
const char         *escale_person_editor_get_item_error   (EscalePersonEditor *self,
                                                           EscaleField         list,
                                                           guint               index);
const char         *escale_person_editor_get_banner       (EscalePersonEditor *self);
GtkListBox         *escale_person_editor_get_duplicates   (EscalePersonEditor *self,
                                                           gboolean           *revealed);

G_END_DECLS
