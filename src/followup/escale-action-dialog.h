/* escale-action-dialog.h — adding or editing one follow-up action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-action.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_ACTION_DIALOG (escale_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EscaleActionDialog, escale_action_dialog, ESCALE, ACTION_DIALOG, AdwWindow)

/* A new action for @person_id (0: a group session whose participants are
 * chosen in the dialog), or the action @action_id when it is not 0.
 * The dialog is modal to @parent and destroys itself once saved or
 * cancelled. After each successful save it emits
 * "saved" (gint64 action_id, gint64 follow_up_id): follow_up_id is the
 * planned action created or updated by the next step, 0 when none.
 * After the action is deleted (editing only, once confirmed) it emits
 * "deleted" (gint64 action_id), then closes. */
EscaleActionDialog *escale_action_dialog_new      (GtkWindow          *parent,
                                                   EscaleStore        *store,
                                                   gint64              person_id,
                                                   gint64              action_id);
/* Saves what the form holds, as Ctrl+Enter does. On bad input shows the
 * messages at the fields at fault and returns FALSE with nothing written. */
gboolean            escale_action_dialog_save     (EscaleActionDialog *self);

/* For tests: the widget that edits @field — an #AdwEntryRow for text and
 * dates, a #GtkDropDown for the type, status, referral outcome and
 * programme, the notes' #GtkTextView, an #EscaleThemePicker for the themes,
 * an #EscaleParticipantsEditor for the participants; %NULL otherwise. The
 * scope is the "dialog.scope" action (and the "scope" property). */
GtkWidget          *escale_action_dialog_get_field_widget (EscaleActionDialog *self,
                                                           EscaleActionField   field);
const char         *escale_action_dialog_get_field_error  (EscaleActionDialog *self,
                                                           EscaleActionField   field);
const char         *escale_action_dialog_get_banner       (EscaleActionDialog *self);
gboolean            escale_action_dialog_offers_scope     (EscaleActionDialog *self,
                                                           const char         *scope);

G_END_DECLS
