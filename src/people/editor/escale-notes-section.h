/* escale-notes-section.h — free notes about the person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-field-section.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_NOTES_SECTION (escale_notes_section_get_type ())
G_DECLARE_FINAL_TYPE (EscaleNotesSection, escale_notes_section, ESCALE, NOTES_SECTION,
                      EscaleFieldSection)

G_END_DECLS
