/* escale-field-section.h — a section of plain fields, the base of most sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-editor-section.h"

G_BEGIN_DECLS

typedef enum {
  ESCALE_FIELD_FLAGS_NONE      = 0,
  ESCALE_FIELD_FLAGS_LTR       = 1 << 0, /* reads left-to-right in any language */
  ESCALE_FIELD_FLAGS_OWN_VALUE = 1 << 1, /* the subclass fills and reads it */
  ESCALE_FIELD_FLAGS_QUIET     = 1 << 2, /* the subclass watches it and reports changes */
} EscaleFieldFlags;

/* The template's widget @id edits @field. */
typedef struct
{
  const char       *id;
  EscaleField       field;
  EscaleFieldFlags  flags;
} EscaleFieldBinding;

#define ESCALE_TYPE_FIELD_SECTION (escale_field_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (EscaleFieldSection, escale_field_section, ESCALE, FIELD_SECTION,
                          AdwPreferencesGroup)

struct _EscaleFieldSectionClass
{
  AdwPreferencesGroupClass parent_class;

  void (*set_store)     (EscaleFieldSection *self,
                         EscaleStore        *store);
  void (*set_person)    (EscaleFieldSection *self,
                         EscalePerson       *person);
  void (*apply)         (EscaleFieldSection *self,
                         EscalePerson       *person,
                         GPtrArray          *errors);
  /* Runs for every change of a watched field, also while filling. */
  void (*field_changed) (EscaleFieldSection *self,
                         EscaleField         field);

  /*< private >*/
  const EscaleFieldBinding *bindings;
  guint                     n_bindings;
};

void        escale_field_section_class_set_template (EscaleFieldSectionClass  *klass,
                                                     const char               *resource,
                                                     const EscaleFieldBinding *bindings,
                                                     guint                     n_bindings);

GtkWidget  *escale_field_section_get_widget  (EscaleFieldSection *self,
                                              EscaleField         field);
void        escale_field_section_set_hint    (EscaleFieldSection *self,
                                              EscaleField         field,
                                              const char         *hint);
gboolean    escale_field_section_is_filling  (EscaleFieldSection *self);

G_END_DECLS
