/* escale-action-dialog-scope.c — whom the action in the dialog concerns
 *
 * A person, their household, or the participants of a group session: the
 * "scope" property, which the scope buttons change through the
 * "dialog.scope" action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-action-dialog-private.h"
#include "escale-person-store.h"
#include "escale-ui-util.h"

/* Helpers */

/* Only the scopes that can be chosen are offered; one alone is not. */
static void
update_scope_buttons (EscaleActionDialog *self)
{
  gboolean person = self->person_id != 0;
  gboolean household = self->household_id != 0;

  gtk_widget_set_visible (self->person_button, person);
  gtk_widget_set_visible (self->household_button, household);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_row), person || household);
}

static void
fill_participants (EscaleActionDialog *self,
                   EscaleAction       *action)
{
  GArray *participants = escale_action_get_participants (action);

  for (guint i = 0; i < participants->len; i++)
    {
      EscaleParticipant *participant = &g_array_index (participants, EscaleParticipant, i);

      escale_participants_editor_add (self->participants_editor, participant->person_id,
                                      participant->attended);
    }
}

/* Shows the scope the dialog holds: its description, the participants. */
static void
update_scope (EscaleActionDialog *self)
{
  gboolean group = g_str_equal (self->scope, ESCALE_ACTION_SCOPE_GROUP);
  g_autofree char *subtitle = NULL;

  if (group && !self->updating && self->person_id != 0 &&
      escale_participants_editor_get_n_participants (self->participants_editor) == 0)
    escale_participants_editor_add (self->participants_editor, self->person_id,
                                    ESCALE_ATTENDANCE_UNKNOWN);
  gtk_widget_set_visible (GTK_WIDGET (self->participants_editor), group);
  if (group)
    subtitle = g_strdup (_("A workshop or meeting with several people"));
  else if (g_str_equal (self->scope, ESCALE_ACTION_SCOPE_HOUSEHOLD) && self->person_name != NULL)
    /* Translators: %s is a person's name */
    subtitle = g_strdup_printf (_("Everyone in the household of %s"), self->person_name);
  else if (g_str_equal (self->scope, ESCALE_ACTION_SCOPE_HOUSEHOLD))
    subtitle = g_strdup (_("Everyone in the household"));
  else
    subtitle = g_strdup (self->person_name);
  adw_action_row_set_subtitle (self->scope_row, subtitle ? subtitle : "");
  escale_action_dialog_clear_message (GTK_WIDGET (self->scope_row));
}

/* Private API */

/* Learns the name and the household of the person the dialog is for. */
void
escale_action_dialog_load_person (EscaleActionDialog *self)
{
  g_autoptr(EscalePerson) person = NULL;

  if (self->person_id == 0)
    return;
  person = escale_store_load_person (self->store, self->person_id, NULL);
  if (person == NULL)
    {
      self->person_id = 0;
      return;
    }
  self->person_name = escale_format_person_name (escale_person_get (person,
                                                                    ESCALE_FIELD_FAMILY_NAME),
                                                 escale_person_get (person,
                                                                    ESCALE_FIELD_GIVEN_NAMES));
  if (self->household_id == 0)
    self->household_id = escale_person_get_household_id (person);
}

/* Offers the scopes that can be chosen, and shows the one chosen. */
void
escale_action_dialog_setup_scope (EscaleActionDialog *self)
{
  update_scope_buttons (self);
  update_scope (self);
}

/* Sets the "scope" property: an unknown scope is ignored. */
void
escale_action_dialog_set_scope (EscaleActionDialog *self,
                                const char         *scope)
{
  static const char *const scopes[] = {
    ESCALE_ACTION_SCOPE_PERSON, ESCALE_ACTION_SCOPE_HOUSEHOLD, ESCALE_ACTION_SCOPE_GROUP, NULL,
  };

  if (scope == NULL || !g_strv_contains (scopes, scope) || g_strcmp0 (self->scope, scope) == 0)
    return;
  g_free (self->scope);
  self->scope = g_strdup (scope);
  update_scope (self);
  g_object_notify (G_OBJECT (self), "scope");
}

void
escale_action_dialog_fill_scope (EscaleActionDialog *self,
                                 EscaleAction       *action)
{
  fill_participants (self, action);
  escale_action_dialog_set_scope (self, escale_action_get (action, ESCALE_ACTION_FIELD_SCOPE));
}

void
escale_action_dialog_collect_scope (EscaleActionDialog *self,
                                    EscaleAction       *action)
{
  escale_action_set (action, ESCALE_ACTION_FIELD_SCOPE, self->scope);
  if (g_str_equal (self->scope, ESCALE_ACTION_SCOPE_PERSON) && self->person_id != 0)
    escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, self->person_id);
  else if (g_str_equal (self->scope, ESCALE_ACTION_SCOPE_HOUSEHOLD) && self->household_id != 0)
    escale_action_set_int (action, ESCALE_ACTION_FIELD_HOUSEHOLD_ID, self->household_id);
  else if (g_str_equal (self->scope, ESCALE_ACTION_SCOPE_GROUP))
    escale_participants_editor_apply (self->participants_editor, action);
}

/* Public API */

/**
 * escale_action_dialog_offers_scope:
 *
 * Returns: whether the form lets the user choose @scope
 */
gboolean
escale_action_dialog_offers_scope (EscaleActionDialog *self,
                                   const char         *scope)
{
  GtkWidget *button = NULL;

  g_return_val_if_fail (ESCALE_IS_ACTION_DIALOG (self), FALSE);

  if (g_strcmp0 (scope, ESCALE_ACTION_SCOPE_PERSON) == 0)
    button = self->person_button;
  else if (g_strcmp0 (scope, ESCALE_ACTION_SCOPE_HOUSEHOLD) == 0)
    button = self->household_button;
  else if (g_strcmp0 (scope, ESCALE_ACTION_SCOPE_GROUP) == 0)
    return TRUE;
  return button != NULL && gtk_widget_get_visible (button) &&
         gtk_widget_get_visible (GTK_WIDGET (self->scope_row));
}
