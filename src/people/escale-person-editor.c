/* escale-person-editor.c — the form to create or edit a person's file
 *
 * The window around the form (editor/escale-person-form.c), which edits a
 * copy of the person in sections. Checking has each section write its
 * widgets into another copy and report what it cannot read (dates that do
 * not parse, list items left half-filled), adds the store's rules, and has
 * each section show the messages at its fields; messages that belong to no
 * field are shown above the form. Only a valid copy is written, in one
 * transaction. Possible duplicates are shown while a new person is typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-duplicates-panel.h"
#include "escale-person-editor.h"
#include "escale-person-form.h"
#include "escale-ui-util.h"

struct _EscalePersonEditor
{
  AdwWindow              parent_instance;

  EscaleStore           *store;
  EscalePerson          *person;     /* as it was opened; never written to */
  gboolean               changed;
  gboolean               loading;
  gboolean               closing;
  GtkWidget             *discard_dialog;

  AdwWindowTitle        *window_title;
  GtkRevealer           *error_revealer;
  GtkLabel              *error_label;
  EscaleDuplicatesPanel *duplicates_panel;
  EscalePersonForm      *form;
};

G_DEFINE_FINAL_TYPE (EscalePersonEditor, escale_person_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON,
  N_PROPS
};

enum {
  SAVED,
  OPEN_PERSON,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The actions that add an item to a list. */
static const struct
{
  const char  *action;
  EscaleField  list;
} add_actions[] = {
  { "editor.add-name", ESCALE_FIELD_OTHER_NAMES },
  { "editor.add-nationality", ESCALE_FIELD_NATIONALITIES },
  { "editor.add-language", ESCALE_FIELD_LANGUAGES },
  { "editor.add-status", ESCALE_FIELD_STATUS },
};

/* What a possible duplicate is looked for with. */
static const EscaleField duplicate_fields[] = {
  ESCALE_FIELD_FAMILY_NAME, ESCALE_FIELD_GIVEN_NAMES, ESCALE_FIELD_BIRTH_DATE,
  ESCALE_FIELD_OTHER_NAMES,
};

/* Helpers: showing errors */

static void
show_banner (EscalePersonEditor *self,
             const char         *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Shows @errors at their fields, and above the form those no field shows.
 * Returns: (nullable): the first widget in error */
static GtkWidget *
show_errors (EscalePersonEditor *self,
             GPtrArray          *errors)
{
  EscaleEditorSection *form = ESCALE_EDITOR_SECTION (self->form);
  g_autoptr(GString) banner = g_string_new (NULL);
  GtkWidget *first = escale_editor_section_show_errors (form, errors);

  for (guint i = 0; i < errors->len; i++)
    {
      EscaleFieldError *error = g_ptr_array_index (errors, i);

      if (escale_editor_section_get_error (form, error->field, error->index) == NULL)
        g_string_append_printf (banner, "%s%s", banner->len ? "\n" : "", error->message);
    }
  show_banner (self, banner->len ? banner->str : NULL);
  return first;
}

/* Unfolds the list item @widget is in, if folded, and focuses it. */
static void
focus_widget (GtkWidget *widget)
{
  GtkWidget *expander = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

  if (expander != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  gtk_widget_grab_focus (widget);
}

/* Helpers: state */

static void
mark_changed (EscalePersonEditor *self)
{
  if (!self->loading && !self->closing)
    self->changed = TRUE;
}

static gboolean
is_new (EscalePersonEditor *self)
{
  return escale_person_get_id (self->person) == 0;
}

static void
close_editor (EscalePersonEditor *self)
{
  self->closing = TRUE;
  escale_duplicates_panel_cancel (self->duplicates_panel);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
setup_title (EscalePersonEditor *self)
{
  g_autofree char *name = NULL;

  if (is_new (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Person"));
      adw_window_title_set_title (self->window_title, _("New Person"));
      return;
    }
  name = escale_format_person_name (escale_person_get (self->person, ESCALE_FIELD_FAMILY_NAME),
                                    escale_person_get (self->person, ESCALE_FIELD_GIVEN_NAMES));
  gtk_window_set_title (GTK_WINDOW (self), _("Edit File"));
  adw_window_title_set_title (self->window_title, _("Edit File"));
  adw_window_title_set_subtitle (self->window_title, name);
}

/* Helpers: possible duplicates */

static void
schedule_duplicates (EscalePersonEditor *self,
                     EscaleField         changed)
{
  gboolean relevant = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (duplicate_fields); i++)
    relevant |= duplicate_fields[i] == changed;
  if (relevant && !self->loading && !self->closing && is_new (self))
    escale_duplicates_panel_schedule (self->duplicates_panel, self->store, self->form);
}

/* Callbacks */

static void
on_form_changed_cb (EscalePersonEditor  *self,
                    guint                field,
                    EscaleEditorSection *form G_GNUC_UNUSED)
{
  mark_changed (self);
  schedule_duplicates (self, field);
}

/* The form checks a field again: the whole form is checked. */
static GPtrArray *
on_form_validate_cb (EscalePersonEditor  *self,
                     EscaleEditorSection *form G_GNUC_UNUSED)
{
  g_autoptr(EscalePerson) person = NULL;
  GPtrArray *errors;

  if (self->closing)
    return NULL;
  person = escale_person_form_check (self->form, &errors);
  return errors;
}

/* The dialog outlives this handler: it must not keep a destroyed parent. */
static void
on_discard_response_cb (EscalePersonEditor *self,
                        const char         *response,
                        GtkWindow          *dialog)
{
  g_clear_weak_pointer (&self->discard_dialog);
  if (g_strcmp0 (response, "discard") != 0)
    return;
  gtk_window_set_transient_for (dialog, NULL);
  close_editor (self);
}

static void
ask_discard (EscalePersonEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                              _("What was typed in this form will be lost."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->discard_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *parameter G_GNUC_UNUSED)
{
  escale_person_editor_save (ESCALE_PERSON_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter G_GNUC_UNUSED)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (widget);

  for (guint i = 0; i < G_N_ELEMENTS (add_actions); i++)
    if (g_str_equal (action_name, add_actions[i].action))
      {
        escale_person_form_add_item (self->form, add_actions[i].list);
        mark_changed (self);
      }
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *parameter)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (widget);

  g_signal_emit (self, signals[OPEN_PERSON], 0, g_variant_get_int64 (parameter));
  close_editor (self);
}

/* GObject and GtkWindow overrides */

static gboolean
escale_person_editor_close_request (GtkWindow *window)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (window);
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (escale_person_editor_parent_class);

  if (!self->closing && self->changed)
    {
      if (self->discard_dialog != NULL)
        gtk_window_present (GTK_WINDOW (self->discard_dialog));
      else
        ask_discard (self);
      return TRUE;
    }
  self->closing = TRUE;
  return parent_class->close_request ? parent_class->close_request (window) : FALSE;
}

static void
escale_person_editor_constructed (GObject *object)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (object);

  G_OBJECT_CLASS (escale_person_editor_parent_class)->constructed (object);

  g_assert (ESCALE_IS_STORE (self->store));
  if (self->person == NULL)
    self->person = escale_person_new ();

  self->loading = TRUE;
  escale_editor_section_set_store (ESCALE_EDITOR_SECTION (self->form), self->store);
  escale_editor_section_set_person (ESCALE_EDITOR_SECTION (self->form), self->person);
  setup_title (self);
  self->loading = FALSE;
  self->changed = FALSE;

  gtk_widget_grab_focus (escale_editor_section_get_field_widget (
                           ESCALE_EDITOR_SECTION (self->form), ESCALE_FIELD_FAMILY_NAME));
}

static void
escale_person_editor_dispose (GObject *object)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (object);

  self->closing = TRUE;
  if (self->discard_dialog != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self->discard_dialog), NULL);
      gtk_window_destroy (GTK_WINDOW (self->discard_dialog));
      g_clear_weak_pointer (&self->discard_dialog);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_PERSON_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (escale_person_editor_parent_class)->dispose (object);
}

static void
escale_person_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_person_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (object);
  EscalePerson *person;

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_PERSON:
      person = g_value_get_object (value);
      g_clear_object (&self->person);
      self->person = person ? escale_person_copy (person) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  for (guint i = 0; i < G_N_ELEMENTS (add_actions); i++)
    gtk_widget_class_install_action (widget_class, add_actions[i].action, NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "editor.open-person", "x", open_person_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

/* Ctrl+Enter saves from any field: caught before the focused widget, as a
 * text view would otherwise insert a new line. */
static void
add_save_shortcut (EscalePersonEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i],
                                                                                    GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("editor.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
escale_person_editor_class_init (EscalePersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = escale_person_editor_constructed;
  object_class->dispose = escale_person_editor_dispose;
  object_class->get_property = escale_person_editor_get_property;
  object_class->set_property = escale_person_editor_set_property;
  window_class->close_request = escale_person_editor_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ESCALE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, ESCALE_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);
  signals[OPEN_PERSON] = g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (ESCALE_TYPE_DUPLICATES_PANEL);
  g_type_ensure (ESCALE_TYPE_PERSON_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/people/escale-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, duplicates_panel);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, form);
  install_actions (widget_class);
}

static void
escale_person_editor_init (EscalePersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_save_shortcut (self);

  g_signal_connect_swapped (self->form, "changed", G_CALLBACK (on_form_changed_cb), self);
  g_signal_connect_swapped (self->form, "validate", G_CALLBACK (on_form_validate_cb), self);
}

/* Public API */

/**
 * escale_person_editor_new:
 * @parent: (nullable): the window the editor stays above
 * @person: (nullable): the file to edit, %NULL to create one
 *
 * Returns: (transfer none): a new editor, owned by GTK's list of windows
 */
EscalePersonEditor *
escale_person_editor_new (GtkWindow    *parent,
                          EscaleStore  *store,
                          EscalePerson *person)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || ESCALE_IS_PERSON (person), NULL);

  return g_object_new (ESCALE_TYPE_PERSON_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "person", person,
                       NULL);
}

/**
 * escale_person_editor_save:
 *
 * Checks the form and, when it is valid, saves the person, emits "saved"
 * and closes. Otherwise shows each problem at its field and focuses the
 * first one.
 *
 * Returns: %TRUE when saved
 */
gboolean
escale_person_editor_save (EscalePersonEditor *self)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(EscalePerson) person = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *first;
  gboolean created;

  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), FALSE);
  g_return_val_if_fail (!self->closing, FALSE);

  person = escale_person_form_check (self->form, &errors);
  first = show_errors (self, errors);
  if (errors->len > 0)
    {
      if (first != NULL)
        focus_widget (first);
      return FALSE;
    }
  created = escale_person_get_id (person) == 0;
  if (!escale_store_save_person (self->store, person, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The file could not be saved: %s"),
                                                  error->message);
      show_banner (self, message);
      return FALSE;
    }
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, escale_person_get_id (person), created);
  close_editor (self);
  g_object_unref (self);
  return TRUE;
}

/**
 * escale_person_editor_get_field_widget:
 *
 * For tests: the widget that edits @field, an editable (#AdwEntryRow), a
 * #GtkDropDown (sex, birth country, birth precision) or the notes'
 * #GtkTextView; %NULL for fields the form does not edit.
 *
 * Returns: (transfer none) (nullable): the widget
 */
GtkWidget *
escale_person_editor_get_field_widget (EscalePersonEditor *self,
                                       EscaleField         field)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (field < ESCALE_N_FIELDS, NULL);

  return escale_editor_section_get_field_widget (ESCALE_EDITOR_SECTION (self->form), field);
}

/**
 * escale_person_editor_get_item_widget:
 * @list: %ESCALE_FIELD_OTHER_NAMES, %ESCALE_FIELD_NATIONALITIES,
 *   %ESCALE_FIELD_LANGUAGES or %ESCALE_FIELD_STATUS
 * @part: "main" (the name, country, language or status), "level",
 *   "interpreter", "from", "to", "document" or "expiry"
 *
 * For tests: one widget of the @index-th item of a list (items are added
 * with the "editor.add-name", "editor.add-nationality",
 * "editor.add-language" and "editor.add-status" actions).
 *
 * Returns: (transfer none) (nullable): the widget
 */
GtkWidget *
escale_person_editor_get_item_widget (EscalePersonEditor *self,
                                      EscaleField         list,
                                      guint               index,
                                      const char         *part)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  return escale_editor_section_get_item_widget (ESCALE_EDITOR_SECTION (self->form), list, index,
                                                part);
}

/**
 * escale_person_editor_get_field_error:
 *
 * For tests: the error shown at a field.
 *
 * Returns: (nullable): the message, %NULL when none is shown
 */
const char *
escale_person_editor_get_field_error (EscalePersonEditor *self,
                                      EscaleField         field)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (field < ESCALE_N_FIELDS, NULL);

  return escale_editor_section_get_error (ESCALE_EDITOR_SECTION (self->form), field, 0);
}

/**
 * escale_person_editor_get_item_error:
 *
 * For tests: the error shown at the @index-th item of @list.
 *
 * Returns: (nullable): the message, %NULL when none is shown
 */
const char *
escale_person_editor_get_item_error (EscalePersonEditor *self,
                                     EscaleField         list,
                                     guint               index)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (escale_person_editor_get_item_widget (self, list, index, "main") != NULL,
                        NULL);

  return escale_editor_section_get_error (ESCALE_EDITOR_SECTION (self->form), list, index);
}

/**
 * escale_person_editor_get_banner:
 *
 * For tests: the message shown above the form, for errors that belong to no
 * field (a database error…).
 *
 * Returns: (nullable): the message, %NULL when hidden
 */
const char *
escale_person_editor_get_banner (EscalePersonEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

/**
 * escale_person_editor_get_duplicates:
 *
 * For tests: the possible duplicates shown, as rows whose "Open This File"
 * button activates "editor.open-person" with the person's id.
 *
 * Returns: (transfer none): the list, its rows visible only when revealed
 */
GtkListBox *
escale_person_editor_get_duplicates (EscalePersonEditor *self,
                                     gboolean           *revealed)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);

  return escale_duplicates_panel_get_list (self->duplicates_panel, revealed);
}
