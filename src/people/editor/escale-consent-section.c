/* escale-consent-section.c — the person's consent to have their data kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-consent-section.h"

struct _EscaleConsentSection
{
  EscaleFieldSection parent_instance;
};

G_DEFINE_FINAL_TYPE (EscaleConsentSection, escale_consent_section, ESCALE_TYPE_FIELD_SECTION)

static const EscaleFieldBinding fields[] = {
  { "consent_date_row", ESCALE_FIELD_CONSENT_DATE, ESCALE_FIELD_FLAGS_NONE },
  { "consent_scope_row", ESCALE_FIELD_CONSENT_SCOPE, ESCALE_FIELD_FLAGS_NONE },
  { "consent_informed_row", ESCALE_FIELD_CONSENT_INFORMED, ESCALE_FIELD_FLAGS_NONE },
};

static void
escale_consent_section_class_init (EscaleConsentSectionClass *klass)
{
  escale_field_section_class_set_template (ESCALE_FIELD_SECTION_CLASS (klass),
                                           "/org/escale/Escale/people/editor/"
                                           "escale-consent-section.ui",
                                           fields, G_N_ELEMENTS (fields));
}

static void
escale_consent_section_init (EscaleConsentSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
