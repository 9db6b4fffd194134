/* escale-person-form.c — the person editor's sections, as one section
 *
 * The page of the editor: it passes each call on to its sections, in the
 * order they are shown, and passes their signals on as its own. It builds
 * the person the form shows, from a copy of the person it was given, and
 * checks it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-consent-section.h"
#include "escale-contact-section.h"
#include "escale-identity-section.h"
#include "escale-list-section.h"
#include "escale-notes-section.h"
#include "escale-person-form.h"
#include "escale-situation-section.h"

typedef enum {
  SECTION_IDENTITY,
  SECTION_NAMES,
  SECTION_NATIONALITIES,
  SECTION_LANGUAGES,
  SECTION_CONTACT,
  SECTION_SITUATION,
  SECTION_STATUS,
  SECTION_CONSENT,
  SECTION_NOTES,
  N_SECTIONS
} Section;

struct _EscalePersonForm
{
  AdwPreferencesPage   parent_instance;

  EscaleStore         *store;
  EscalePerson        *person;   /* as it was given; never written to */
  EscaleEditorSection *sections[N_SECTIONS];
};

static void editor_section_iface_init (EscaleEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscalePersonForm, escale_person_form, ADW_TYPE_PREFERENCES_PAGE,
                               G_IMPLEMENT_INTERFACE (ESCALE_TYPE_EDITOR_SECTION,
                                                      editor_section_iface_init))

static const char *const section_ids[N_SECTIONS] = {
  "identity_section", "names_section", "nationalities_section", "languages_section",
  "contact_section", "situation_section", "status_section", "consent_section", "notes_section",
};

static const struct
{
  EscaleField list;
  Section     section;
} list_sections[] = {
  { ESCALE_FIELD_OTHER_NAMES, SECTION_NAMES },
  { ESCALE_FIELD_NATIONALITIES, SECTION_NATIONALITIES },
  { ESCALE_FIELD_LANGUAGES, SECTION_LANGUAGES },
  { ESCALE_FIELD_STATUS, SECTION_STATUS },
};

/* Callbacks */

static void
on_section_changed_cb (EscalePersonForm    *self,
                       guint                field,
                       EscaleEditorSection *section G_GNUC_UNUSED)
{
  escale_editor_section_changed (ESCALE_EDITOR_SECTION (self), field);
}

static GPtrArray *
on_section_validate_cb (EscalePersonForm    *self,
                        EscaleEditorSection *section G_GNUC_UNUSED)
{
  return escale_editor_section_validate (ESCALE_EDITOR_SECTION (self));
}

/* EscaleEditorSection */

static void
escale_person_form_set_store (EscaleEditorSection *section,
                              EscaleStore         *store)
{
  EscalePersonForm *self = ESCALE_PERSON_FORM (section);

  g_set_object (&self->store, store);
  for (guint s = 0; s < N_SECTIONS; s++)
    escale_editor_section_set_store (self->sections[s], store);
}

static void
escale_person_form_set_person (EscaleEditorSection *section,
                               EscalePerson        *person)
{
  EscalePersonForm *self = ESCALE_PERSON_FORM (section);

  g_set_object (&self->person, person);
  for (guint s = 0; s < N_SECTIONS; s++)
    escale_editor_section_set_person (self->sections[s], person);
}

static void
escale_person_form_apply (EscaleEditorSection *section,
                          EscalePerson        *person,
                          GPtrArray           *errors)
{
  EscalePersonForm *self = ESCALE_PERSON_FORM (section);

  for (guint s = 0; s < N_SECTIONS; s++)
    escale_editor_section_apply (self->sections[s], person, errors);
}

static void
escale_person_form_map_error (EscaleEditorSection *section,
                              EscaleFieldError    *error)
{
  EscalePersonForm *self = ESCALE_PERSON_FORM (section);

  for (guint s = 0; s < N_SECTIONS; s++)
    escale_editor_section_map_error (self->sections[s], error);
}

static GtkWidget *
escale_person_form_show_errors (EscaleEditorSection *section,
                                GPtrArray           *errors)
{
  EscalePersonForm *self = ESCALE_PERSON_FORM (section);
  GtkWidget *first = NULL;

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      GtkWidget *widget = escale_editor_section_show_errors (self->sections[s], errors);

      first = first != NULL ? first : widget;
    }
  return first;
}

static const char *
escale_person_form_get_error (EscaleEditorSection *section,
                              EscaleField          field,
                              guint                index)
{
  EscalePersonForm *self = ESCALE_PERSON_FORM (section);
  const char *error = NULL;

  for (guint s = 0; s < N_SECTIONS && error == NULL; s++)
    error = escale_editor_section_get_error (self->sections[s], field, index);
  return error;
}

static GtkWidget *
escale_person_form_get_field_widget (EscaleEditorSection *section,
                                     EscaleField          field)
{
  EscalePersonForm *self = ESCALE_PERSON_FORM (section);
  GtkWidget *widget = NULL;

  for (guint s = 0; s < N_SECTIONS && widget == NULL; s++)
    widget = escale_editor_section_get_field_widget (self->sections[s], field);
  return widget;
}

static GtkWidget *
escale_person_form_get_item_widget (EscaleEditorSection *section,
                                    EscaleField          list,
                                    guint                index,
                                    const char          *part)
{
  EscalePersonForm *self = ESCALE_PERSON_FORM (section);
  GtkWidget *widget = NULL;

  for (guint s = 0; s < N_SECTIONS && widget == NULL; s++)
    widget = escale_editor_section_get_item_widget (self->sections[s], list, index, part);
  return widget;
}

static void
editor_section_iface_init (EscaleEditorSectionInterface *iface)
{
  iface->set_store = escale_person_form_set_store;
  iface->set_person = escale_person_form_set_person;
  iface->apply = escale_person_form_apply;
  iface->map_error = escale_person_form_map_error;
  iface->show_errors = escale_person_form_show_errors;
  iface->get_error = escale_person_form_get_error;
  iface->get_field_widget = escale_person_form_get_field_widget;
  iface->get_item_widget = escale_person_form_get_item_widget;
}

/* GObject overrides */

static void
escale_person_form_dispose (GObject *object)
{
  EscalePersonForm *self = ESCALE_PERSON_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), ESCALE_TYPE_PERSON_FORM);
  g_clear_object (&self->store);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (escale_person_form_parent_class)->dispose (object);
}

static void
escale_person_form_class_init (EscalePersonFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_person_form_dispose;

  g_type_ensure (ESCALE_TYPE_CONSENT_SECTION);
  g_type_ensure (ESCALE_TYPE_CONTACT_SECTION);
  g_type_ensure (ESCALE_TYPE_IDENTITY_SECTION);
  g_type_ensure (ESCALE_TYPE_LIST_SECTION);
  g_type_ensure (ESCALE_TYPE_NOTES_SECTION);
  g_type_ensure (ESCALE_TYPE_SITUATION_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/escale/Escale/people/editor/"
                                               "escale-person-form.ui");
  for (guint s = 0; s < N_SECTIONS; s++)
    gtk_widget_class_bind_template_child_full (widget_class, section_ids[s], FALSE,
                                               G_STRUCT_OFFSET (EscalePersonForm, sections) +
                                               s * sizeof (EscaleEditorSection *));
}

static void
escale_person_form_init (EscalePersonForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      g_signal_connect_swapped (self->sections[s], "changed",
                                G_CALLBACK (on_section_changed_cb), self);
      g_signal_connect_swapped (self->sections[s], "validate",
                                G_CALLBACK (on_section_validate_cb), self);
    }
}

/* Public API */

/**
 * escale_person_form_add_item:
 * @list: %ESCALE_FIELD_OTHER_NAMES, %ESCALE_FIELD_NATIONALITIES,
 *   %ESCALE_FIELD_LANGUAGES or %ESCALE_FIELD_STATUS
 *
 * Adds an empty item to @list, unfolded, and focuses it.
 */
void
escale_person_form_add_item (EscalePersonForm *self,
                             EscaleField       list)
{
  g_return_if_fail (ESCALE_IS_PERSON_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (list_sections); i++)
    if (list_sections[i].list == list)
      escale_list_section_add (ESCALE_LIST_SECTION (self->sections[list_sections[i].section]));
}

/**
 * escale_person_form_build:
 * @errors: (nullable) (element-type EscaleFieldError): where to add what
 *   the form itself finds wrong (dates that do not parse…)
 *
 * Returns: (transfer full): the person as the form shows it
 */
EscalePerson *
escale_person_form_build (EscalePersonForm *self,
                          GPtrArray        *errors)
{
  EscalePerson *person;

  g_return_val_if_fail (ESCALE_IS_PERSON_FORM (self), NULL);
  g_return_val_if_fail (ESCALE_IS_PERSON (self->person), NULL);

  person = escale_person_copy (self->person);
  escale_person_form_apply (ESCALE_EDITOR_SECTION (self), person, errors);
  return person;
}

/**
 * escale_person_form_check:
 * @errors_out: (out) (transfer full) (element-type EscaleFieldError): all
 *   the problems found, by the form and by the store's rules, list indices
 *   counted as the form's items
 *
 * Returns: (transfer full): the person as the form shows it
 */
EscalePerson *
escale_person_form_check (EscalePersonForm  *self,
                          GPtrArray        **errors_out)
{
  GPtrArray *errors;
  EscalePerson *person;
  g_autoptr(GPtrArray) rules = NULL;

  g_return_val_if_fail (ESCALE_IS_PERSON_FORM (self), NULL);
  g_return_val_if_fail (ESCALE_IS_STORE (self->store), NULL);
  g_return_val_if_fail (errors_out != NULL, NULL);

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_field_error_free);
  person = escale_person_form_build (self, errors);
  rules = escale_store_validate_person (self->store, person);
  for (guint i = 0; i < rules->len; i++)
    escale_person_form_map_error (ESCALE_EDITOR_SECTION (self), g_ptr_array_index (rules, i));
  g_ptr_array_extend_and_steal (errors, g_steal_pointer (&rules));
  *errors_out = errors;
  return person;
}
