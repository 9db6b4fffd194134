/* escale-action-dialog-private.h — what the action dialog's files share
 *
 * One class over several files, each about one part of the dialog:
 *   escale-action-dialog.c           the type, loading, saving and deleting
 *   escale-action-dialog-form.c      filling the form from an action, reading it back
 *   escale-action-dialog-messages.c  the messages at the fields and above the form
 *   escale-action-dialog-scope.c     whom the action concerns: a person, a household
 *                                    or the participants of a group session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-action-dialog.h"
#include "escale-participants-editor.h"
#include "escale-partner-entry-row.h"
#include "escale-theme-picker.h"

G_BEGIN_DECLS

struct _EscaleActionDialog
{
  AdwWindow                 parent_instance;

  EscaleStore              *store;
  EscaleAction             *action;        /* as loaded; NULL for a new one */
  gint64                    action_id;
  gint64                    person_id;     /* whom it was opened for, 0 for none */
  gint64                    household_id;  /* theirs, or the action's; 0 for none */
  char                     *person_name;
  char                     *scope;
  gboolean                  status_chosen;
  gboolean                  updating;
  gboolean                  closing;
  GtkWidget                *delete_dialog;

  AdwWindowTitle           *window_title;
  GtkRevealer              *error_revealer;
  GtkLabel                 *error_label;
  AdwActionRow             *scope_row;
  GtkWidget                *person_button;
  GtkWidget                *household_button;
  GtkWidget                *group_button;
  EscaleParticipantsEditor *participants_editor;
  AdwActionRow             *type_row;
  GtkDropDown              *type_dropdown;
  AdwEntryRow              *date_row;
  AdwEntryRow              *time_row;
  AdwEntryRow              *duration_row;
  GtkMenuButton            *duration_button;
  AdwActionRow             *status_row;
  GtkDropDown              *status_dropdown;
  GtkWidget                *themes_row;
  EscaleThemePicker        *theme_picker;
  AdwEntryRow              *worker_row;
  AdwActionRow             *programme_row;
  GtkDropDown              *programme_dropdown;
  EscalePartnerEntryRow    *partner_row;
  AdwActionRow             *outcome_row;
  GtkDropDown              *outcome_dropdown;
  AdwEntryRow              *amount_row;
  GtkTextView              *notes_view;
  GtkWidget                *confidential_box;
  GtkSwitch                *confidential_switch;
  AdwEntryRow              *next_step_row;
  AdwEntryRow              *due_row;
  GtkWidget                *delete_group;
};

/* escale-action-dialog-form.c */
void          escale_action_dialog_bind_form_callbacks (GtkWidgetClass     *widget_class);
void          escale_action_dialog_setup_form          (EscaleActionDialog *self);
void          escale_action_dialog_fill                (EscaleActionDialog *self,
                                                        EscaleAction       *action);
void          escale_action_dialog_fill_defaults       (EscaleActionDialog *self);
void          escale_action_dialog_update_type_rows    (EscaleActionDialog *self);
/* The action the form holds; @errors receives what could not be read. */
EscaleAction *escale_action_dialog_collect             (EscaleActionDialog *self,
                                                        GPtrArray          *errors);

/* escale-action-dialog-messages.c */
void          escale_action_dialog_watch_edits         (EscaleActionDialog *self);
void          escale_action_dialog_clear_message       (GtkWidget          *owner);
void          escale_action_dialog_show_banner         (EscaleActionDialog *self,
                                                        const char         *message);
/* The action the form holds when it is valid; otherwise %NULL, with the
 * messages shown and the first field at fault focused. */
EscaleAction *escale_action_dialog_check               (EscaleActionDialog *self);
void          escale_action_dialog_focus               (GtkWidget          *widget);

/* escale-action-dialog-scope.c */
void          escale_action_dialog_load_person         (EscaleActionDialog *self);
void          escale_action_dialog_setup_scope         (EscaleActionDialog *self);
void          escale_action_dialog_set_scope           (EscaleActionDialog *self,
                                                        const char         *scope);
void          escale_action_dialog_fill_scope          (EscaleActionDialog *self,
                                                        EscaleAction       *action);
void          escale_action_dialog_collect_scope       (EscaleActionDialog *self,
                                                        EscaleAction       *action);

G_END_DECLS
