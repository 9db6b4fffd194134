/* escale-editor-section.c — one part of the person editor's form
 *
 * The editor hands each section the person to show, asks each to write its
 * widgets into a copy, and shows the problems found at their fields. A
 * section reports what the user changes with "changed"; it gets the form's
 * current problems (to update one message while typing) with "validate".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-editor-section.h"

G_DEFINE_INTERFACE (EscaleEditorSection, escale_editor_section, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  VALIDATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
escale_editor_section_default_init (EscaleEditorSectionInterface *iface)
{
  /**
   * EscaleEditorSection::changed:
   * @field: the EscaleField the user changed (a list field for its items)
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * EscaleEditorSection::validate:
   *
   * Returns: (transfer full) (nullable) (element-type EscaleFieldError): the
   *   form's problems, NULL when the form is not to be checked now
   */
  signals[VALIDATE] = g_signal_new ("validate", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_POINTER, 0);
}

/**
 * escale_editor_section_set_store:
 *
 * Gives the section the store its choices come from (vocabularies,
 * referents). Called once, before escale_editor_section_set_person().
 */
void
escale_editor_section_set_store (EscaleEditorSection *self,
                                 EscaleStore         *store)
{
  EscaleEditorSectionInterface *iface;

  g_return_if_fail (ESCALE_IS_EDITOR_SECTION (self));
  g_return_if_fail (ESCALE_IS_STORE (store));

  iface = ESCALE_EDITOR_SECTION_GET_IFACE (self);
  if (iface->set_store != NULL)
    iface->set_store (self, store);
}

/**
 * escale_editor_section_set_person:
 *
 * Fills the section's widgets from @person, without emitting "changed".
 */
void
escale_editor_section_set_person (EscaleEditorSection *self,
                                  EscalePerson        *person)
{
  g_return_if_fail (ESCALE_IS_EDITOR_SECTION (self));
  g_return_if_fail (ESCALE_IS_PERSON (person));

  ESCALE_EDITOR_SECTION_GET_IFACE (self)->set_person (self, person);
}

/**
 * escale_editor_section_apply:
 * @errors: (nullable) (element-type EscaleFieldError): where to add what
 *   the section cannot read (a date that does not parse…)
 *
 * Writes the section's widgets into @person.
 */
void
escale_editor_section_apply (EscaleEditorSection *self,
                             EscalePerson        *person,
                             GPtrArray           *errors)
{
  g_return_if_fail (ESCALE_IS_EDITOR_SECTION (self));
  g_return_if_fail (ESCALE_IS_PERSON (person));

  ESCALE_EDITOR_SECTION_GET_IFACE (self)->apply (self, person, errors);
}

/**
 * escale_editor_section_map_error:
 *
 * @error is a problem the store found in the person last written by
 * escale_editor_section_apply(): when it is about one of the section's list
 * items, its index becomes the item's place in the section.
 */
void
escale_editor_section_map_error (EscaleEditorSection *self,
                                 EscaleFieldError    *error)
{
  EscaleEditorSectionInterface *iface;

  g_return_if_fail (ESCALE_IS_EDITOR_SECTION (self));
  g_return_if_fail (error != NULL);

  iface = ESCALE_EDITOR_SECTION_GET_IFACE (self);
  if (iface->map_error != NULL)
    iface->map_error (self, error);
}

/**
 * escale_editor_section_show_errors:
 * @errors: (element-type EscaleFieldError): all the form's problems
 *
 * Shows the problems that belong to the section at their fields, and
 * clears the messages of the others.
 *
 * Returns: (transfer none) (nullable): the first widget in error, to focus
 */
GtkWidget *
escale_editor_section_show_errors (EscaleEditorSection *self,
                                   GPtrArray           *errors)
{
  g_return_val_if_fail (ESCALE_IS_EDITOR_SECTION (self), NULL);
  g_return_val_if_fail (errors != NULL, NULL);

  return ESCALE_EDITOR_SECTION_GET_IFACE (self)->show_errors (self, errors);
}

/**
 * escale_editor_section_get_error:
 *
 * Returns: (nullable): the error shown at @field (item @index of a list
 *   field), %NULL when none is shown or the section has no such field
 */
const char *
escale_editor_section_get_error (EscaleEditorSection *self,
                                 EscaleField          field,
                                 guint                index)
{
  g_return_val_if_fail (ESCALE_IS_EDITOR_SECTION (self), NULL);

  return ESCALE_EDITOR_SECTION_GET_IFACE (self)->get_error (self, field, index);
}

/**
 * escale_editor_section_get_field_widget:
 *
 * Returns: (transfer none) (nullable): the widget that edits @field
 */
GtkWidget *
escale_editor_section_get_field_widget (EscaleEditorSection *self,
                                        EscaleField          field)
{
  EscaleEditorSectionInterface *iface;

  g_return_val_if_fail (ESCALE_IS_EDITOR_SECTION (self), NULL);

  iface = ESCALE_EDITOR_SECTION_GET_IFACE (self);
  return iface->get_field_widget ? iface->get_field_widget (self, field) : NULL;
}

/**
 * escale_editor_section_get_item_widget:
 *
 * Returns: (transfer none) (nullable): one widget of the @index-th item of
 *   @list, see escale_person_editor_get_item_widget()
 */
GtkWidget *
escale_editor_section_get_item_widget (EscaleEditorSection *self,
                                       EscaleField          list,
                                       guint                index,
                                       const char          *part)
{
  EscaleEditorSectionInterface *iface;

  g_return_val_if_fail (ESCALE_IS_EDITOR_SECTION (self), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  iface = ESCALE_EDITOR_SECTION_GET_IFACE (self);
  return iface->get_item_widget ? iface->get_item_widget (self, list, index, part) : NULL;
}

/**
 * escale_editor_section_changed:
 *
 * For implementations: emits "changed" for a change the user made.
 */
void
escale_editor_section_changed (EscaleEditorSection *self,
                               EscaleField          field)
{
  g_return_if_fail (ESCALE_IS_EDITOR_SECTION (self));

  g_signal_emit (self, signals[CHANGED], 0, (guint) field);
}

/**
 * escale_editor_section_validate:
 *
 * For implementations: emits "validate".
 *
 * Returns: (transfer full) (nullable) (element-type EscaleFieldError): the
 *   form's problems, %NULL when it is not to be checked now
 */
GPtrArray *
escale_editor_section_validate (EscaleEditorSection *self)
{
  GPtrArray *errors = NULL;

  g_return_val_if_fail (ESCALE_IS_EDITOR_SECTION (self), NULL);

  g_signal_emit (self, signals[VALIDATE], 0, &errors);
  return errors;
}
