/* escale-action-dialog-form.c — the action dialog's form and an EscaleAction
 *
 * Fills the widgets from an action, or with the defaults of a new one, and
 * reads them back into a new EscaleAction; what cannot be read (a date, a
 * duration or an amount that does not parse) goes to the errors.
 *
 * The status follows the date (done up to today, planned after) until it
 * is chosen by hand; the referral outcome and the amount are offered only
 * for the types they belong to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-action-dialog-private.h"
#include "escale-action-input.h"
#include "escale-action-store.h"
#include "escale-date.h"
#include "escale-editor-util.h"
#include "escale-followup-util.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

/* The presets of the duration menu, in minutes. */
static const int duration_presets[] = { 15, 30, 45, 60, 90, 120 };

/* Helpers: reading the widgets */

static void
set_text_field (EscaleAction      *action,
                EscaleActionField  field,
                AdwEntryRow       *row)
{
  g_autofree char *text = escale_input_text (row);

  escale_action_set (action, field, text);
}

static void
collect_when (EscaleActionDialog *self,
              EscaleAction       *action,
              GPtrArray          *errors)
{
  g_autofree char *date = escale_input_date (self->date_row, ESCALE_ACTION_FIELD_DATE, errors);
  g_autofree char *due = escale_input_date (self->due_row, ESCALE_ACTION_FIELD_NEXT_STEP_DUE,
                                            errors);
  g_autofree char *time = escale_input_time (self->time_row);

  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_TIME, time);
  escale_action_set_int (action, ESCALE_ACTION_FIELD_DURATION,
                         escale_input_duration (self->duration_row, errors));
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, due);
  set_text_field (action, ESCALE_ACTION_FIELD_NEXT_STEP, self->next_step_row);
}

static void
collect_details (EscaleActionDialog *self,
                 EscaleAction       *action,
                 GPtrArray          *errors)
{
  const char *programme = escale_code_dropdown_get_code (self->programme_dropdown);
  g_autofree char *notes = escale_editor_dup_text (GTK_WIDGET (self->notes_view));
  g_auto(GStrv) themes = escale_theme_picker_get_themes (self->theme_picker);

  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE,
                     escale_code_dropdown_get_code (self->type_dropdown));
  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS,
                     escale_code_dropdown_get_code (self->status_dropdown));
  set_text_field (action, ESCALE_ACTION_FIELD_WORKER, self->worker_row);
  set_text_field (action, ESCALE_ACTION_FIELD_PARTNER, ADW_ENTRY_ROW (self->partner_row));
  if (escale_partner_entry_row_get_partner_id (self->partner_row) != 0)
    escale_action_set_int (action, ESCALE_ACTION_FIELD_PARTNER_ID,
                           escale_partner_entry_row_get_partner_id (self->partner_row));
  if (gtk_widget_get_visible (GTK_WIDGET (self->outcome_row)))
    escale_action_set (action, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME,
                       escale_code_dropdown_get_code (self->outcome_dropdown));
  if (gtk_widget_get_visible (GTK_WIDGET (self->amount_row)))
    escale_action_set_int (action, ESCALE_ACTION_FIELD_AMOUNT,
                           escale_input_amount (self->amount_row, errors));
  if (programme != NULL)
    escale_action_set_int (action, ESCALE_ACTION_FIELD_PROGRAMME_ID,
                           g_ascii_strtoll (programme, NULL, 10));
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES,
                     escale_editor_is_blank (notes) ? NULL : notes);
  escale_action_set_confidential (action, gtk_switch_get_active (self->confidential_switch));
  escale_action_set_themes (action, (const char * const *) themes);
}

/* Helpers: state */

static void
set_code (GtkDropDown *dropdown,
          const char  *code)
{
  if (code == NULL || escale_code_dropdown_has_code (dropdown, code))
    escale_code_dropdown_set_code (dropdown, code);
}

/* Done up to today, planned after: until the status is chosen by hand. */
static void
update_default_status (EscaleActionDialog *self)
{
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 escale_action_error_free);
  g_autofree char *date = escale_input_date (self->date_row, ESCALE_ACTION_FIELD_DATE, ignored);
  g_autofree char *today = escale_date_today ();
  gboolean was_updating = self->updating;

  if (self->status_chosen || date == NULL)
    return;
  self->updating = TRUE;
  set_code (self->status_dropdown, strcmp (date, today) > 0 ? "planned" : "done");
  self->updating = was_updating;
}

/* Helpers: filling the form */

static void
setup_duration_menu (EscaleActionDialog *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (duration_presets); i++)
    {
      g_autofree char *label = escale_format_duration (duration_presets[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "dialog.set-duration",
                                               g_variant_new_int32 (duration_presets[i]));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->duration_button, G_MENU_MODEL (menu));
}

static void
show_text (AdwEntryRow       *row,
           EscaleAction      *action,
           EscaleActionField  field)
{
  escale_input_set_text (row, escale_action_get (action, field));
}

static void
show_date (AdwEntryRow       *row,
           EscaleAction      *action,
           EscaleActionField  field)
{
  escale_input_set_date (row, escale_action_get (action, field));
}

/* Callbacks */

static void
on_type_selected_cb (EscaleActionDialog *self)
{
  escale_action_dialog_update_type_rows (self);
  escale_action_dialog_clear_message (GTK_WIDGET (self->type_row));
}

static void
on_status_selected_cb (EscaleActionDialog *self)
{
  if (!self->updating)
    self->status_chosen = TRUE;
  escale_action_dialog_clear_message (GTK_WIDGET (self->status_row));
}

static void
on_date_changed_cb (EscaleActionDialog *self)
{
  update_default_status (self);
}

/* Private API */

/* Binds the template's callbacks of the form: after the template is set. */
void
escale_action_dialog_bind_form_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
}

/* Fills the drop-downs' choices and the duration menu. */
void
escale_action_dialog_setup_form (EscaleActionDialog *self)
{
  escale_code_dropdown_setup_vocab (self->type_dropdown, self->store,
                                    ESCALE_VOCAB_ACTION_TYPE, NULL);
  escale_code_dropdown_setup_vocab (self->status_dropdown, self->store,
                                    ESCALE_VOCAB_ACTION_STATUS, NULL);
  /* Translators: a referral whose outcome is not recorded */
  escale_code_dropdown_setup_vocab (self->outcome_dropdown, self->store,
                                    ESCALE_VOCAB_REFERRAL_OUTCOME, C_("outcome", "Not recorded"));
  /* Translators: no programme chosen for an action */
  escale_code_dropdown_setup_programmes (self->programme_dropdown, self->store,
                                         C_("programme", "None"));
  escale_theme_picker_set_store (self->theme_picker, self->store);
  escale_participants_editor_set_store (self->participants_editor, self->store);
  escale_partner_entry_row_set_store (self->partner_row, self->store);
  setup_duration_menu (self);
  /* Who may not read confidential notes would lose their own. */
  gtk_widget_set_visible (self->confidential_box,
                          escale_role_allows (escale_store_get_role (self->store),
                                              ESCALE_OP_READ_SENSITIVE));
}

void
escale_action_dialog_fill_defaults (EscaleActionDialog *self)
{
  g_autofree char *today = escale_date_today ();
  g_autofree char *worker = escale_current_worker ();
  gboolean group = self->person_id == 0;

  escale_action_dialog_set_scope (self, group ? ESCALE_ACTION_SCOPE_GROUP
                                              : ESCALE_ACTION_SCOPE_PERSON);
  set_code (self->type_dropdown, group ? "workshop" : "interview");
  escale_input_set_date (self->date_row, today);
  escale_input_set_text (self->worker_row, worker);
  update_default_status (self);
}

void
escale_action_dialog_fill (EscaleActionDialog *self,
                           EscaleAction       *action)
{
  gint64 duration = escale_action_get_int (action, ESCALE_ACTION_FIELD_DURATION);
  gint64 amount = escale_action_get_int (action, ESCALE_ACTION_FIELD_AMOUNT);
  gint64 programme = escale_action_get_int (action, ESCALE_ACTION_FIELD_PROGRAMME_ID);
  gint64 partner_id;
  g_autofree char *duration_text = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *programme_code = NULL;

  escale_action_dialog_fill_scope (self, action);
  set_code (self->type_dropdown, escale_action_get (action, ESCALE_ACTION_FIELD_TYPE));
  show_date (self->date_row, action, ESCALE_ACTION_FIELD_DATE);
  show_text (self->time_row, action, ESCALE_ACTION_FIELD_TIME);
  if (duration != ESCALE_ACTION_UNSET)
    duration_text = g_strdup_printf ("%" G_GINT64_FORMAT, duration);
  escale_input_set_text (self->duration_row, duration_text);
  set_code (self->status_dropdown, escale_action_get (action, ESCALE_ACTION_FIELD_STATUS));
  self->status_chosen = TRUE;
  escale_theme_picker_set_themes (self->theme_picker, escale_action_get_themes (action));
  show_text (self->worker_row, action, ESCALE_ACTION_FIELD_WORKER);
  if (programme != ESCALE_ACTION_UNSET)
    programme_code = g_strdup_printf ("%" G_GINT64_FORMAT, programme);
  set_code (self->programme_dropdown, programme_code);
  partner_id = escale_action_get_int (action, ESCALE_ACTION_FIELD_PARTNER_ID);
  escale_partner_entry_row_set_partner (self->partner_row,
                                        partner_id != ESCALE_ACTION_UNSET ? partner_id : 0,
                                        escale_action_get (action, ESCALE_ACTION_FIELD_PARTNER));
  set_code (self->outcome_dropdown,
            escale_action_get (action, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME));
  if (amount != ESCALE_ACTION_UNSET)
    /* The locale's decimal separator: read back either way. */
    amount_text = g_strdup_printf ("%.2f", (double) amount / 100.0);
  escale_input_set_text (self->amount_row, amount_text);
  escale_editor_set_text (GTK_WIDGET (self->notes_view),
                          escale_action_get (action, ESCALE_ACTION_FIELD_NOTES));
  gtk_switch_set_active (self->confidential_switch, escale_action_get_confidential (action));
  show_text (self->next_step_row, action, ESCALE_ACTION_FIELD_NEXT_STEP);
  show_date (self->due_row, action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE);
}

/* Offers the referral outcome and the amount only for their types. */
void
escale_action_dialog_update_type_rows (EscaleActionDialog *self)
{
  const char *type = escale_code_dropdown_get_code (self->type_dropdown);
  gboolean referral = g_strcmp0 (type, "referral") == 0;
  gboolean aid = g_strcmp0 (type, "financial_aid") == 0;

  if (referral && !gtk_widget_get_visible (GTK_WIDGET (self->outcome_row)) &&
      escale_code_dropdown_get_code (self->outcome_dropdown) == NULL)
    set_code (self->outcome_dropdown, "pending");
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_row), referral);
  gtk_widget_set_visible (GTK_WIDGET (self->amount_row), aid);
  /* A hidden row shows no message either. */
  if (!referral)
    escale_action_dialog_clear_message (GTK_WIDGET (self->outcome_row));
  if (!aid)
    escale_action_dialog_clear_message (GTK_WIDGET (self->amount_row));
}

EscaleAction *
escale_action_dialog_collect (EscaleActionDialog *self,
                              GPtrArray          *errors)
{
  EscaleAction *action = escale_action_new ();

  if (self->action != NULL)
    {
      escale_action_set_id (action, escale_action_get_id (self->action));
      escale_action_set_uuid (action, escale_action_get_uuid (self->action));
      escale_action_set_int (action, ESCALE_ACTION_FIELD_FOLLOWS,
                             escale_action_get_int (self->action, ESCALE_ACTION_FIELD_FOLLOWS));
    }
  escale_action_dialog_collect_scope (self, action);
  collect_when (self, action, errors);
  collect_details (self, action, errors);
  return action;
}
