/* escale-notes-section.c — free notes about the person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-notes-section.h"

struct _EscaleNotesSection
{
  EscaleFieldSection parent_instance;
};

G_DEFINE_FINAL_TYPE (EscaleNotesSection, escale_notes_section, ESCALE_TYPE_FIELD_SECTION)

static const EscaleFieldBinding fields[] = {
  { "notes_view", ESCALE_FIELD_NOTES, ESCALE_FIELD_FLAGS_NONE },
};

static void
escale_notes_section_class_init (EscaleNotesSectionClass *klass)
{
  escale_field_section_class_set_template (ESCALE_FIELD_SECTION_CLASS (klass),
                                           "/org/escale/Escale/people/editor/"
                                           "escale-notes-section.ui",
                                           fields, G_N_ELEMENTS (fields));
}

static void
escale_notes_section_init (EscaleNotesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
