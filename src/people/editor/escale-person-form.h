/* escale-person-form.h — the person editor's sections, as one section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-editor-section.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PERSON_FORM (escale_person_form_get_type ())
G_DECLARE_FINAL_TYPE (EscalePersonForm, escale_person_form, ESCALE, PERSON_FORM,
                      AdwPreferencesPage)

EscalePerson *escale_person_form_build    (EscalePersonForm  *self,
                                          GPtrArray         *errors);
EscalePerson *escale_person_form_check    (EscalePersonForm  *self,
                                          GPtrArray        **errors_out);
void          escale_person_form_add_item (EscalePersonForm  *self,
                                          EscaleField        list);

G_END_DECLS
