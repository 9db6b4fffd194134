/* escale-contact-section.h — phone, email and address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-field-section.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_CONTACT_SECTION (escale_contact_section_get_type ())
G_DECLARE_FINAL_TYPE (EscaleContactSection, escale_contact_section, ESCALE, CONTACT_SECTION,
                      EscaleFieldSection)

G_END_DECLS
