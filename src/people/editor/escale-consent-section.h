/* escale-consent-section.h — the person's consent to have their data kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-field-section.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_CONSENT_SECTION (escale_consent_section_get_type ())
G_DECLARE_FINAL_TYPE (EscaleConsentSection, escale_consent_section, ESCALE, CONSENT_SECTION,
                      EscaleFieldSection)

G_END_DECLS
