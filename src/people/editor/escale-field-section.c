/* escale-field-section.c — a section of plain fields, the base of most sections
 *
 * A subclass gives a template and binds each of its widgets to a field.
 * This class fills and reads them (dates as the user types them), puts a
 * message row under each field's row, reports the user's changes, and
 * checks a field again when the user leaves it or corrects it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-editor-util.h"
#include "escale-field-section.h"

#define FIELD_KEY "escale-field"

typedef struct
{
  GtkWidget        *widgets[ESCALE_N_FIELDS];
  GtkWidget        *messages[ESCALE_N_FIELDS];  /* shared by fields on one row */
  EscaleFieldFlags  flags[ESCALE_N_FIELDS];
  GArray           *order;     /* (element-type EscaleField) as shown */
  gboolean          filling;
} EscaleFieldSectionPrivate;

static void editor_section_iface_init (EscaleEditorSectionInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (EscaleFieldSection, escale_field_section,
                                  ADW_TYPE_PREFERENCES_GROUP,
                                  G_ADD_PRIVATE (EscaleFieldSection)
                                  G_IMPLEMENT_INTERFACE (ESCALE_TYPE_EDITOR_SECTION,
                                                         editor_section_iface_init))

#define PRIV(self) ((EscaleFieldSectionPrivate *) \
                    escale_field_section_get_instance_private (ESCALE_FIELD_SECTION (self)))

/* Helpers */

static EscaleField
field_of (gpointer object)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (object), FIELD_KEY));
}

static EscaleField
field_at (EscaleFieldSectionPrivate *priv,
          guint                      i)
{
  return g_array_index (priv->order, EscaleField, i);
}

static GtkWidget *
row_of (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    return widget;
  return gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
}

static GtkWidget *
error_target (gpointer                section,
              const EscaleFieldError *error)
{
  return error->field < ESCALE_N_FIELDS ? PRIV (section)->messages[error->field] : NULL;
}

static gboolean
has_error_for (GPtrArray   *errors,
               EscaleField  field)
{
  for (guint i = 0; i < errors->len; i++)
    if (((EscaleFieldError *) g_ptr_array_index (errors, i))->field == field)
      return TRUE;
  return FALSE;
}

/* Puts a message row right under the field's row, or shares the one there. */
static void
add_message (EscaleFieldSection *self,
             EscaleField         field)
{
  EscaleFieldSectionPrivate *priv = PRIV (self);
  GtkWidget *row = row_of (priv->widgets[field]);
  GtkWidget *list;

  if (row == NULL)
    return;
  for (guint i = 0; i < priv->order->len; i++)
    {
      EscaleField other = field_at (priv, i);

      if (other != field && priv->messages[other] != NULL && row_of (priv->widgets[other]) == row)
        {
          priv->messages[field] = priv->messages[other];
          return;
        }
    }
  list = gtk_widget_get_parent (row);
  g_assert (GTK_IS_LIST_BOX (list));
  priv->messages[field] = escale_message_row_new (row);
  gtk_list_box_insert (GTK_LIST_BOX (list), priv->messages[field],
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
}

static void
field_changed (EscaleFieldSection *self,
               EscaleField         field)
{
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    ESCALE_FIELD_SECTION_GET_CLASS (self)->field_changed (self, field);
}

/* Callbacks */

static void
on_editable_changed_cb (GtkEditable        *editable,
                        EscaleFieldSection *self)
{
  field_changed (self, field_of (editable));
}

static void
on_selected_cb (GtkDropDown        *dropdown,
                GParamSpec         *pspec G_GNUC_UNUSED,
                EscaleFieldSection *self)
{
  field_changed (self, field_of (dropdown));
}

static void
on_buffer_changed_cb (GtkTextBuffer      *buffer,
                      EscaleFieldSection *self)
{
  field_changed (self, field_of (buffer));
}

/* Leaving a field checks it when something was typed, or when it shows an error. */
static void
on_focus_leave_cb (GtkEventController *controller,
                   EscaleFieldSection *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (controller);
  GtkWidget *message = PRIV (self)->messages[field_of (widget)];

  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || message == NULL)
    return;
  if (!escale_editor_is_blank (gtk_editable_get_text (GTK_EDITABLE (widget))) ||
      escale_message_row_has_error (message))
    escale_message_row_check (message, error_target, self);
}

static void
watch_field (EscaleFieldSection *self,
             GtkWidget          *widget,
             EscaleField         field)
{
  g_object_set_data (G_OBJECT (widget), FIELD_KEY, GUINT_TO_POINTER (field));
  if (GTK_IS_EDITABLE (widget))
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (widget, "changed", G_CALLBACK (on_editable_changed_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
      gtk_widget_add_controller (widget, focus);
    }
  else if (GTK_IS_DROP_DOWN (widget))
    g_signal_connect (widget, "notify::selected", G_CALLBACK (on_selected_cb), self);
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      g_object_set_data (G_OBJECT (buffer), FIELD_KEY, GUINT_TO_POINTER (field));
      g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self);
    }
}

static void
add_field (EscaleFieldSection *self,
           const EscaleFieldBinding      *binding)
{
  EscaleFieldSectionPrivate *priv = PRIV (self);
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                 G_OBJECT_TYPE (self),
                                                                 binding->id));

  priv->widgets[binding->field] = widget;
  priv->flags[binding->field] = binding->flags;
  g_array_append_val (priv->order, binding->field);
  if (binding->flags & ESCALE_FIELD_FLAGS_LTR)
    gtk_widget_set_direction (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (widget))),
                              GTK_TEXT_DIR_LTR);
  if (!(binding->flags & ESCALE_FIELD_FLAGS_QUIET))
    watch_field (self, widget, binding->field);
  add_message (self, binding->field);
}

static gboolean
is_own_value (EscaleFieldSection *self,
              EscaleField         field)
{
  return (PRIV (self)->flags[field] & ESCALE_FIELD_FLAGS_OWN_VALUE) != 0;
}

/* Class methods */

static void
escale_field_section_real_set_person (EscaleFieldSection *self,
                                      EscalePerson       *person)
{
  EscaleFieldSectionPrivate *priv = PRIV (self);

  for (guint i = 0; i < priv->order->len; i++)
    {
      EscaleField field = field_at (priv, i);
      const char *value = escale_person_get (person, field);
      g_autofree char *date = NULL;

      if (is_own_value (self, field))
        continue;
      if (escale_field_is_date (field))
        value = date = escale_editor_date_to_text (value, ESCALE_DATE_EXACT);
      escale_editor_set_text (priv->widgets[field], value);
    }
}

static void
escale_field_section_real_apply (EscaleFieldSection *self,
                                 EscalePerson       *person,
                                 GPtrArray          *errors)
{
  EscaleFieldSectionPrivate *priv = PRIV (self);

  for (guint i = 0; i < priv->order->len; i++)
    {
      EscaleField field = field_at (priv, i);
      g_autofree char *text = NULL;
      g_autofree char *iso = NULL;

      if (is_own_value (self, field))
        continue;
      text = escale_editor_dup_text (priv->widgets[field]);
      if (!escale_field_is_date (field))
        {
          escale_person_set (person, field, text);
          continue;
        }
      iso = escale_editor_parse_date (text, errors, field, 0, NULL, NULL);
      escale_person_set (person, field, iso);
    }
}

static void
escale_field_section_real_field_changed (EscaleFieldSection *self,
                                         EscaleField         field)
{
  GtkWidget *message = PRIV (self)->messages[field];

  if (PRIV (self)->filling)
    return;
  escale_editor_section_changed (ESCALE_EDITOR_SECTION (self), field);
  if (message != NULL && escale_message_row_has_error (message))
    escale_message_row_check (message, error_target, self);
}

/* EscaleEditorSection */

static void
escale_field_section_set_store (EscaleEditorSection *section,
                                EscaleStore         *store)
{
  EscaleFieldSection *self = ESCALE_FIELD_SECTION (section);
  EscaleFieldSectionClass *klass = ESCALE_FIELD_SECTION_GET_CLASS (self);

  PRIV (self)->filling = TRUE;
  if (klass->set_store != NULL)
    klass->set_store (self, store);
  PRIV (self)->filling = FALSE;
}

static void
escale_field_section_set_person (EscaleEditorSection *section,
                                 EscalePerson        *person)
{
  EscaleFieldSection *self = ESCALE_FIELD_SECTION (section);

  PRIV (self)->filling = TRUE;
  ESCALE_FIELD_SECTION_GET_CLASS (self)->set_person (self, person);
  PRIV (self)->filling = FALSE;
}

static void
escale_field_section_apply (EscaleEditorSection *section,
                            EscalePerson        *person,
                            GPtrArray           *errors)
{
  EscaleFieldSection *self = ESCALE_FIELD_SECTION (section);

  ESCALE_FIELD_SECTION_GET_CLASS (self)->apply (self, person, errors);
}

static GtkWidget *
escale_field_section_show_errors (EscaleEditorSection *section,
                                  GPtrArray           *errors)
{
  EscaleFieldSectionPrivate *priv = PRIV (section);
  GtkWidget *first = NULL;

  for (guint i = 0; i < priv->order->len; i++)
    {
      EscaleField field = field_at (priv, i);

      if (priv->messages[field] == NULL)
        continue;
      escale_message_row_show (priv->messages[field], errors, error_target, section);
      if (first == NULL && has_error_for (errors, field))
        first = priv->widgets[field];
    }
  return first;
}

static const char *
escale_field_section_get_error (EscaleEditorSection *section,
                                EscaleField          field,
                                guint                index G_GNUC_UNUSED)
{
  GtkWidget *message = field < ESCALE_N_FIELDS ? PRIV (section)->messages[field] : NULL;

  return message != NULL ? escale_message_row_get_error (message) : NULL;
}

static GtkWidget *
escale_field_section_get_field_widget (EscaleEditorSection *section,
                                       EscaleField          field)
{
  return escale_field_section_get_widget (ESCALE_FIELD_SECTION (section), field);
}

static void
editor_section_iface_init (EscaleEditorSectionInterface *iface)
{
  iface->set_store = escale_field_section_set_store;
  iface->set_person = escale_field_section_set_person;
  iface->apply = escale_field_section_apply;
  iface->show_errors = escale_field_section_show_errors;
  iface->get_error = escale_field_section_get_error;
  iface->get_field_widget = escale_field_section_get_field_widget;
}

/* GObject overrides */

static void
escale_field_section_constructed (GObject *object)
{
  EscaleFieldSection *self = ESCALE_FIELD_SECTION (object);
  EscaleFieldSectionClass *klass = ESCALE_FIELD_SECTION_GET_CLASS (self);

  G_OBJECT_CLASS (escale_field_section_parent_class)->constructed (object);

  for (guint i = 0; i < klass->n_bindings; i++)
    add_field (self, &klass->bindings[i]);
}

/* Subclasses only set a template: it is disposed of here. */
static void
escale_field_section_dispose (GObject *object)
{
  EscaleFieldSectionPrivate *priv = PRIV (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));
  memset (priv->widgets, 0, sizeof priv->widgets);
  memset (priv->messages, 0, sizeof priv->messages);

  G_OBJECT_CLASS (escale_field_section_parent_class)->dispose (object);
}

static void
escale_field_section_finalize (GObject *object)
{
  g_array_unref (PRIV (object)->order);

  G_OBJECT_CLASS (escale_field_section_parent_class)->finalize (object);
}

static void
escale_field_section_class_init (EscaleFieldSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = escale_field_section_constructed;
  object_class->dispose = escale_field_section_dispose;
  object_class->finalize = escale_field_section_finalize;

  klass->set_person = escale_field_section_real_set_person;
  klass->apply = escale_field_section_real_apply;
  klass->field_changed = escale_field_section_real_field_changed;
}

static void
escale_field_section_init (EscaleFieldSection *self)
{
  PRIV (self)->order = g_array_new (FALSE, FALSE, sizeof (EscaleField));
}

/* Public API */

/**
 * escale_field_section_class_set_template:
 * @resource: the template's resource path
 * @bindings: (array length=n_bindings): static, in the order the fields are shown
 *
 * For class_init: sets the template, and binds its widgets to the fields
 * they edit.
 */
void
escale_field_section_class_set_template (EscaleFieldSectionClass  *klass,
                                         const char               *resource,
                                         const EscaleFieldBinding *bindings,
                                         guint                     n_bindings)
{
  g_return_if_fail (ESCALE_IS_FIELD_SECTION_CLASS (klass));
  g_return_if_fail (klass->bindings == NULL);

  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), resource);

  for (guint i = 0; i < n_bindings; i++)
    {
      g_return_if_fail (bindings[i].field < ESCALE_N_FIELDS);
      gtk_widget_class_bind_template_child_full (GTK_WIDGET_CLASS (klass), bindings[i].id,
                                                 FALSE, 0);
    }
  klass->bindings = bindings;
  klass->n_bindings = n_bindings;
}

/**
 * escale_field_section_get_widget:
 *
 * Returns: (transfer none) (nullable): the widget bound to @field
 */
GtkWidget *
escale_field_section_get_widget (EscaleFieldSection *self,
                                 EscaleField         field)
{
  g_return_val_if_fail (ESCALE_IS_FIELD_SECTION (self), NULL);

  return field < ESCALE_N_FIELDS ? PRIV (self)->widgets[field] : NULL;
}

/**
 * escale_field_section_set_hint:
 * @hint: (nullable): shown under the field while it shows no error
 */
void
escale_field_section_set_hint (EscaleFieldSection *self,
                               EscaleField         field,
                               const char         *hint)
{
  g_return_if_fail (ESCALE_IS_FIELD_SECTION (self));
  g_return_if_fail (field < ESCALE_N_FIELDS && PRIV (self)->messages[field] != NULL);

  escale_message_row_set_hint (PRIV (self)->messages[field], hint);
}

/* While the section is filled from a person or a store, changes are not the user's. */
gboolean
escale_field_section_is_filling (EscaleFieldSection *self)
{
  g_return_val_if_fail (ESCALE_IS_FIELD_SECTION (self), FALSE);

  return PRIV (self)->filling;
}
