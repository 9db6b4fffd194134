/* escale-identity-section.c — names, sex, birth and file number
 *
 * The birth date's precision follows what is typed (a year, a month and
 * year, a day), unless the user says the date is estimated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-editor-util.h"
#include "escale-identity-section.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

struct _EscaleIdentitySection
{
  EscaleFieldSection   parent_instance;

  EscaleDatePrecision  birth_precision;  /* as parsed from the text typed */
};

G_DEFINE_FINAL_TYPE (EscaleIdentitySection, escale_identity_section, ESCALE_TYPE_FIELD_SECTION)

static const EscaleFieldBinding fields[] = {
  { "family_row", ESCALE_FIELD_FAMILY_NAME, ESCALE_FIELD_FLAGS_NONE },
  { "given_row", ESCALE_FIELD_GIVEN_NAMES, ESCALE_FIELD_FLAGS_NONE },
  { "sex_dropdown", ESCALE_FIELD_SEX, ESCALE_FIELD_FLAGS_NONE },
  { "birth_row", ESCALE_FIELD_BIRTH_DATE, ESCALE_FIELD_FLAGS_OWN_VALUE },
  { "precision_dropdown", ESCALE_FIELD_BIRTH_PRECISION,
    ESCALE_FIELD_FLAGS_OWN_VALUE | ESCALE_FIELD_FLAGS_QUIET },
  { "country_dropdown", ESCALE_FIELD_BIRTH_COUNTRY, ESCALE_FIELD_FLAGS_NONE },
  { "file_number_row", ESCALE_FIELD_FILE_NUMBER, ESCALE_FIELD_FLAGS_NONE },
};

/* Helpers */

static GtkWidget *
field_widget (EscaleIdentitySection *self,
              EscaleField            field)
{
  return escale_field_section_get_widget (ESCALE_FIELD_SECTION (self), field);
}

static GtkDropDown *
precision_dropdown (EscaleIdentitySection *self)
{
  return GTK_DROP_DOWN (field_widget (self, ESCALE_FIELD_BIRTH_PRECISION));
}

static void
sync_birth_precision (EscaleIdentitySection *self)
{
  GtkEditable *birth = GTK_EDITABLE (field_widget (self, ESCALE_FIELD_BIRTH_DATE));
  g_autofree char *iso = escale_date_parse (gtk_editable_get_text (birth),
                                            &self->birth_precision, NULL);
  GtkDropDown *precision = precision_dropdown (self);

  gtk_widget_set_sensitive (GTK_WIDGET (precision), iso != NULL);
  if (iso == NULL)
    self->birth_precision = ESCALE_DATE_EXACT;
  else if (gtk_drop_down_get_selected (precision) != ESCALE_DATE_ESTIMATED)
    gtk_drop_down_set_selected (precision, self->birth_precision);
}

static const char *
read_precision (EscaleIdentitySection *self,
                EscalePerson          *person)
{
  if (escale_person_get (person, ESCALE_FIELD_BIRTH_DATE) == NULL)
    return NULL;
  if (gtk_drop_down_get_selected (precision_dropdown (self)) == ESCALE_DATE_ESTIMATED)
    return escale_date_precision_to_code (ESCALE_DATE_ESTIMATED);
  return escale_date_precision_to_code (self->birth_precision);
}

/* Callbacks */

/* Picking another precision than "estimated" goes back to what the text says. */
static void
on_precision_selected_cb (EscaleIdentitySection *self)
{
  if (escale_field_section_is_filling (ESCALE_FIELD_SECTION (self)) ||
      gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (gtk_drop_down_get_selected (precision_dropdown (self)) != ESCALE_DATE_ESTIMATED)
    sync_birth_precision (self);
  escale_editor_section_changed (ESCALE_EDITOR_SECTION (self), ESCALE_FIELD_BIRTH_PRECISION);
}

/* EscaleFieldSection */

static void
escale_identity_section_set_store (EscaleFieldSection *section,
                                   EscaleStore        *store)
{
  EscaleIdentitySection *self = ESCALE_IDENTITY_SECTION (section);

  escale_code_dropdown_setup_vocab (GTK_DROP_DOWN (field_widget (self, ESCALE_FIELD_SEX)), store,
                                    ESCALE_VOCAB_SEX,
                                    /* Translators: the person's sex is not stated */
                                    C_("sex", "Not stated"));
  escale_code_dropdown_setup_countries (GTK_DROP_DOWN (field_widget (self,
                                                                     ESCALE_FIELD_BIRTH_COUNTRY)),
                                        /* Translators: the birth country is not known */
                                        C_("country", "Unknown"));
}

static void
escale_identity_section_set_person (EscaleFieldSection *section,
                                    EscalePerson       *person)
{
  EscaleIdentitySection *self = ESCALE_IDENTITY_SECTION (section);
  const char *birth = escale_person_get (person, ESCALE_FIELD_BIRTH_DATE);
  EscaleDatePrecision precision =
    escale_date_precision_from_code (escale_person_get (person, ESCALE_FIELD_BIRTH_PRECISION));
  g_autofree char *text = escale_editor_date_to_text (birth, precision);

  ESCALE_FIELD_SECTION_CLASS (escale_identity_section_parent_class)->set_person (section, person);

  escale_editor_set_text (field_widget (self, ESCALE_FIELD_BIRTH_DATE), text);
  if (birth != NULL)
    gtk_drop_down_set_selected (precision_dropdown (self), precision);
  sync_birth_precision (self);
  if (escale_person_get_id (person) == 0)
    escale_field_section_set_hint (section, ESCALE_FIELD_FILE_NUMBER,
                                   _("Generated when saved, if left empty"));
}

static void
escale_identity_section_apply (EscaleFieldSection *section,
                               EscalePerson       *person,
                               GPtrArray          *errors)
{
  EscaleIdentitySection *self = ESCALE_IDENTITY_SECTION (section);
  GtkEditable *birth = GTK_EDITABLE (field_widget (self, ESCALE_FIELD_BIRTH_DATE));
  g_autofree char *iso = NULL;

  ESCALE_FIELD_SECTION_CLASS (escale_identity_section_parent_class)->apply (section, person,
                                                                            errors);
  iso = escale_editor_parse_date (gtk_editable_get_text (birth), errors,
                                  ESCALE_FIELD_BIRTH_DATE, 0, NULL, NULL);
  escale_person_set (person, ESCALE_FIELD_BIRTH_DATE, iso);
  escale_person_set (person, ESCALE_FIELD_BIRTH_PRECISION, read_precision (self, person));
}

static void
escale_identity_section_field_changed (EscaleFieldSection *section,
                                       EscaleField         field)
{
  if (field == ESCALE_FIELD_BIRTH_DATE)
    sync_birth_precision (ESCALE_IDENTITY_SECTION (section));

  ESCALE_FIELD_SECTION_CLASS (escale_identity_section_parent_class)->field_changed (section,
                                                                                    field);
}

/* GObject overrides */

static void
escale_identity_section_constructed (GObject *object)
{
  EscaleIdentitySection *self = ESCALE_IDENTITY_SECTION (object);

  G_OBJECT_CLASS (escale_identity_section_parent_class)->constructed (object);

  g_signal_connect_swapped (precision_dropdown (self), "notify::selected",
                            G_CALLBACK (on_precision_selected_cb), self);
}

static void
escale_identity_section_class_init (EscaleIdentitySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EscaleFieldSectionClass *section_class = ESCALE_FIELD_SECTION_CLASS (klass);

  object_class->constructed = escale_identity_section_constructed;
  section_class->set_store = escale_identity_section_set_store;
  section_class->set_person = escale_identity_section_set_person;
  section_class->apply = escale_identity_section_apply;
  section_class->field_changed = escale_identity_section_field_changed;

  escale_field_section_class_set_template (section_class, "/org/escale/Escale/people/editor/"
                                           "escale-identity-section.ui",
                                           fields, G_N_ELEMENTS (fields));
}

static void
escale_identity_section_init (EscaleIdentitySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
