/* escale-action-dialog-messages.c — the action dialog's messages
 *
 * To what the form cannot read are added the store's own checks; each
 * message is shown under the row at fault, those about the participants in
 * their editor. Messages that belong to no row (a database error) are shown
 * above the form. Editing a row takes its message away until the next save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-action-dialog-private.h"
#include "escale-action-store.h"
#include "escale-editor-util.h"

#define MESSAGE_KEY "escale-message-row"

/* Helpers: where messages go */

/* The row under which the messages about @field are shown, or NULL. */
static GtkWidget *
field_owner (EscaleActionDialog *self,
             EscaleActionField   field)
{
  switch ((int) field)
    {
    case ESCALE_ACTION_FIELD_SCOPE:
    case ESCALE_ACTION_FIELD_PERSON_ID:
    case ESCALE_ACTION_FIELD_HOUSEHOLD_ID:
      return GTK_WIDGET (self->scope_row);
    case ESCALE_ACTION_FIELD_DATE:
      return GTK_WIDGET (self->date_row);
    case ESCALE_ACTION_FIELD_TIME:
      return GTK_WIDGET (self->time_row);
    case ESCALE_ACTION_FIELD_DURATION:
      return GTK_WIDGET (self->duration_row);
    case ESCALE_ACTION_FIELD_TYPE:
      return GTK_WIDGET (self->type_row);
    case ESCALE_ACTION_FIELD_STATUS:
      return GTK_WIDGET (self->status_row);
    case ESCALE_ACTION_FIELD_THEMES:
      return self->themes_row;
    case ESCALE_ACTION_FIELD_WORKER:
      return GTK_WIDGET (self->worker_row);
    case ESCALE_ACTION_FIELD_PROGRAMME_ID:
      return GTK_WIDGET (self->programme_row);
    case ESCALE_ACTION_FIELD_PARTNER:
    case ESCALE_ACTION_FIELD_PARTNER_ID:
      return GTK_WIDGET (self->partner_row);
    case ESCALE_ACTION_FIELD_REFERRAL_OUTCOME:
      return GTK_WIDGET (self->outcome_row);
    case ESCALE_ACTION_FIELD_AMOUNT:
      return GTK_WIDGET (self->amount_row);
    case ESCALE_ACTION_FIELD_NEXT_STEP:
      return GTK_WIDGET (self->next_step_row);
    case ESCALE_ACTION_FIELD_NEXT_STEP_DUE:
      return GTK_WIDGET (self->due_row);
    default:
      return NULL;
    }
}

/* The widget that edits @field, or NULL. */
static GtkWidget *
field_widget (EscaleActionDialog *self,
              EscaleActionField   field)
{
  switch ((int) field)
    {
    case ESCALE_ACTION_FIELD_TYPE:
      return GTK_WIDGET (self->type_dropdown);
    case ESCALE_ACTION_FIELD_STATUS:
      return GTK_WIDGET (self->status_dropdown);
    case ESCALE_ACTION_FIELD_REFERRAL_OUTCOME:
      return GTK_WIDGET (self->outcome_dropdown);
    case ESCALE_ACTION_FIELD_PROGRAMME_ID:
      return GTK_WIDGET (self->programme_dropdown);
    case ESCALE_ACTION_FIELD_NOTES:
      return GTK_WIDGET (self->notes_view);
    case ESCALE_ACTION_FIELD_THEMES:
      return GTK_WIDGET (self->theme_picker);
    case ESCALE_ACTION_FIELD_PARTICIPANTS:
      return GTK_WIDGET (self->participants_editor);
    case ESCALE_ACTION_FIELD_SCOPE:
    case ESCALE_ACTION_FIELD_PERSON_ID:
    case ESCALE_ACTION_FIELD_HOUSEHOLD_ID:
      return NULL;
    default:
      return field_owner (self, field);
    }
}

/* The message row under @owner, made on first use. */
static GtkWidget *
message_row (GtkWidget *owner,
             gboolean   create)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (owner), MESSAGE_KEY);
  GtkWidget *list = gtk_widget_get_parent (owner);

  if (row != NULL || !create)
    return row;
  g_assert (GTK_IS_LIST_BOX (list));
  row = escale_message_row_new (owner);
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (owner)) + 1);
  g_object_set_data (G_OBJECT (owner), MESSAGE_KEY, row);
  return row;
}

/* Helpers: showing messages */

static void
clear_errors (EscaleActionDialog *self)
{
  for (guint field = 0; field <= ESCALE_ACTION_FIELD_PARTICIPANTS; field++)
    {
      GtkWidget *owner = field_owner (self, field);

      if (owner != NULL)
        escale_action_dialog_clear_message (owner);
    }
  escale_participants_editor_set_error (self->participants_editor, NULL);
  escale_action_dialog_show_banner (self, NULL);
}

static void
append_line (GString    *text,
             const char *line)
{
  g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line);
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* Shows @errors under their rows, and above the form those of no row.
 * Returns: (nullable): the widget of the first error */
static GtkWidget *
show_errors (EscaleActionDialog *self,
             GPtrArray          *errors)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (NULL, NULL, NULL, free_string);
  g_autoptr(GString) banner = g_string_new (NULL);
  g_autoptr(GString) participants = g_string_new (NULL);
  GHashTableIter iter;
  gpointer owner, text;
  GtkWidget *first = NULL;

  clear_errors (self);
  for (guint i = 0; i < errors->len; i++)
    {
      const EscaleActionError *error = g_ptr_array_index (errors, i);
      GtkWidget *row = field_owner (self, error->field);

      if (error->field == ESCALE_ACTION_FIELD_PARTICIPANTS)
        append_line (participants, error->message);
      else if (row == NULL)
        append_line (banner, error->message);
      else
        {
          if (!g_hash_table_contains (texts, row))
            g_hash_table_insert (texts, row, g_string_new (NULL));
          append_line (g_hash_table_lookup (texts, row), error->message);
        }
      if (first == NULL && row != NULL)
        first = field_widget (self, error->field) ? field_widget (self, error->field) : row;
      else if (first == NULL && error->field == ESCALE_ACTION_FIELD_PARTICIPANTS)
        first = GTK_WIDGET (self->participants_editor);
    }
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &owner, &text))
    escale_message_row_set_error (message_row (owner, TRUE), ((GString *) text)->str);
  escale_participants_editor_set_error (self->participants_editor,
                                        participants->len ? participants->str : NULL);
  escale_action_dialog_show_banner (self, banner->len ? banner->str : NULL);
  return first;
}

/* Helpers: checking */

/* Whether one of the first @n errors is about @field. */
static gboolean
has_error (GPtrArray         *errors,
           guint              n,
           EscaleActionField  field)
{
  for (guint i = 0; i < n && i < errors->len; i++)
    if (((EscaleActionError *) g_ptr_array_index (errors, i))->field == field)
      return TRUE;
  return FALSE;
}

/* Adds the store's problems, but not for fields that could not be read. */
static void
add_store_errors (EscaleActionDialog *self,
                  EscaleAction       *action,
                  GPtrArray          *errors)
{
  g_autoptr(GPtrArray) problems = escale_store_validate_action (self->store, action);
  guint n_read = errors->len;

  while (problems->len > 0)
    {
      EscaleActionError *problem = g_ptr_array_steal_index (problems, 0);

      if (has_error (errors, n_read, problem->field))
        escale_action_error_free (problem);
      else
        g_ptr_array_add (errors, problem);
    }
}

/* Callbacks */

/* Typing in a row takes its message away until the next save. */
static void
on_entry_changed_cb (GtkWidget *row)
{
  escale_action_dialog_clear_message (row);
}

static void
on_theme_toggled_cb (EscaleActionDialog *self)
{
  escale_action_dialog_clear_message (self->themes_row);
}

/* Private API */

/* Takes the messages away from the rows being edited: after the template
 * is built. */
void
escale_action_dialog_watch_edits (EscaleActionDialog *self)
{
  AdwEntryRow *rows[] = {
    self->date_row, self->time_row, self->duration_row, self->worker_row, ADW_ENTRY_ROW (self->partner_row),
    self->amount_row, self->next_step_row, self->due_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect (rows[i], "changed", G_CALLBACK (on_entry_changed_cb), NULL);
  g_signal_connect_object (self->theme_picker, "toggled", G_CALLBACK (on_theme_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Hides the error under @owner, if any. */
void
escale_action_dialog_clear_message (GtkWidget *owner)
{
  GtkWidget *row = message_row (owner, FALSE);

  if (row != NULL && escale_message_row_has_error (row))
    escale_message_row_set_error (row, NULL);
}

/* Shows @message above the form, or hides it when %NULL. */
void
escale_action_dialog_show_banner (EscaleActionDialog *self,
                                  const char         *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

EscaleAction *
escale_action_dialog_check (EscaleActionDialog *self)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(EscaleAction) action = NULL;
  GtkWidget *first;

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_action_error_free);
  action = escale_action_dialog_collect (self, errors);
  add_store_errors (self, action, errors);
  first = show_errors (self, errors);
  if (errors->len == 0)
    return g_steal_pointer (&action);
  if (first != NULL)
    escale_action_dialog_focus (first);
  return NULL;
}

void
escale_action_dialog_focus (GtkWidget *widget)
{
  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

/* Public API */

/**
 * escale_action_dialog_get_field_widget:
 *
 * Returns: (transfer none) (nullable): the widget that edits @field
 */
GtkWidget *
escale_action_dialog_get_field_widget (EscaleActionDialog *self,
                                       EscaleActionField   field)
{
  g_return_val_if_fail (ESCALE_IS_ACTION_DIALOG (self), NULL);

  return field_widget (self, field);
}

/**
 * escale_action_dialog_get_field_error:
 *
 * For tests: the message shown at @field (for the scope: also the person's
 * and the household's).
 *
 * Returns: (nullable): the message, %NULL when none is shown
 */
const char *
escale_action_dialog_get_field_error (EscaleActionDialog *self,
                                      EscaleActionField   field)
{
  GtkWidget *owner, *row;

  g_return_val_if_fail (ESCALE_IS_ACTION_DIALOG (self), NULL);

  if (field == ESCALE_ACTION_FIELD_PARTICIPANTS)
    return escale_participants_editor_get_error (self->participants_editor);
  owner = field_owner (self, field);
  row = owner ? message_row (owner, FALSE) : NULL;
  if (row == NULL || !gtk_widget_get_visible (row))
    return NULL;
  return escale_message_row_get_error (row);
}

/**
 * escale_action_dialog_get_banner:
 *
 * For tests: the message shown above the form, for errors that belong to no
 * field (a database error…).
 *
 * Returns: (nullable): the message, %NULL when hidden
 */
const char *
escale_action_dialog_get_banner (EscaleActionDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTION_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
