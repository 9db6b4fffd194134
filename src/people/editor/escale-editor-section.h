/* escale-editor-section.h — one part of the person editor's form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "escale-person-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_EDITOR_SECTION (escale_editor_section_get_type ())
G_DECLARE_INTERFACE (EscaleEditorSection, escale_editor_section, ESCALE, EDITOR_SECTION, GtkWidget)

/* A section shows some of a person's fields and writes them back. Problems
 * are EscaleFieldError, a list item's index counted as the section's items. */
struct _EscaleEditorSectionInterface
{
  GTypeInterface parent_iface;

  void        (*set_store)        (EscaleEditorSection *self,
                                   EscaleStore         *store);
  void        (*set_person)       (EscaleEditorSection *self,
                                   EscalePerson        *person);
  void        (*apply)            (EscaleEditorSection *self,
                                   EscalePerson        *person,
                                   GPtrArray           *errors);
  void        (*map_error)        (EscaleEditorSection *self,
                                   EscaleFieldError    *error);
  GtkWidget  *(*show_errors)      (EscaleEditorSection *self,
                                   GPtrArray           *errors);
  const char *(*get_error)        (EscaleEditorSection *self,
                                   EscaleField          field,
                                   guint                index);
  GtkWidget  *(*get_field_widget) (EscaleEditorSection *self,
                                   EscaleField          field);
  GtkWidget  *(*get_item_widget)  (EscaleEditorSection *self,
                                   EscaleField          list,
                                   guint                index,
                                   const char          *part);
};

void        escale_editor_section_set_store        (EscaleEditorSection *self,
                                                    EscaleStore         *store);
void        escale_editor_section_set_person       (EscaleEditorSection *self,
                                                    EscalePerson        *person);
void        escale_editor_section_apply            (EscaleEditorSection *self,
                                                    EscalePerson        *person,
                                                    GPtrArray           *errors);
void        escale_editor_section_map_error        (EscaleEditorSection *self,
                                                    EscaleFieldError    *error);
GtkWidget  *escale_editor_section_show_errors      (EscaleEditorSection *self,
                                                    GPtrArray           *errors);
const char *escale_editor_section_get_error        (EscaleEditorSection *self,
                                                    EscaleField          field,
                                                    guint                index);
GtkWidget  *escale_editor_section_get_field_widget (EscaleEditorSection *self,
                                                    EscaleField          field);
GtkWidget  *escale_editor_section_get_item_widget  (EscaleEditorSection *self,
                                                    EscaleField          list,
                                                    guint                index,
                                                    const char          *part);

/* For implementations: report a change the user made, or ask the form for
 * its current problems. */
void        escale_editor_section_changed          (EscaleEditorSection *self,
                                                    EscaleField          field);
GPtrArray  *escale_editor_section_validate         (EscaleEditorSection *self);

G_END_DECLS
