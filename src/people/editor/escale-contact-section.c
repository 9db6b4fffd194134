/* escale-contact-section.c — phone, email and address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-contact-section.h"

struct _EscaleContactSection
{
  EscaleFieldSection parent_instance;
};

G_DEFINE_FINAL_TYPE (EscaleContactSection, escale_contact_section, ESCALE_TYPE_FIELD_SECTION)

/* Phone numbers and email addresses read left-to-right in any language. */
static const EscaleFieldBinding fields[] = {
  { "phone_row", ESCALE_FIELD_PHONE, ESCALE_FIELD_FLAGS_LTR },
  { "email_row", ESCALE_FIELD_EMAIL, ESCALE_FIELD_FLAGS_LTR },
  { "address_row", ESCALE_FIELD_ADDRESS, ESCALE_FIELD_FLAGS_NONE },
  { "postal_code_row", ESCALE_FIELD_POSTAL_CODE, ESCALE_FIELD_FLAGS_NONE },
  { "city_row", ESCALE_FIELD_CITY, ESCALE_FIELD_FLAGS_NONE },
};

static void
escale_contact_section_class_init (EscaleContactSectionClass *klass)
{
  escale_field_section_class_set_template (ESCALE_FIELD_SECTION_CLASS (klass),
                                           "/org/escale/Escale/people/editor/"
                                           "escale-contact-section.ui",
                                           fields, G_N_ELEMENTS (fields));
}

static void
escale_contact_section_init (EscaleContactSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
