/* escale-situation-section.h — arrival, first contact and referent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-field-section.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_SITUATION_SECTION (escale_situation_section_get_type ())
G_DECLARE_FINAL_TYPE (EscaleSituationSection, escale_situation_section, ESCALE, SITUATION_SECTION,
                      EscaleFieldSection)

G_END_DECLS
