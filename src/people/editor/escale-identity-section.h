/* escale-identity-section.h — names, sex, birth and file number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-field-section.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_IDENTITY_SECTION (escale_identity_section_get_type ())
G_DECLARE_FINAL_TYPE (EscaleIdentitySection, escale_identity_section, ESCALE, IDENTITY_SECTION,
                      EscaleFieldSection)

G_END_DECLS
