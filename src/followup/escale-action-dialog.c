/* escale-action-dialog.c — adding or editing one follow-up action
 *
 * The form reads its widgets into a new EscaleAction, adds what it cannot
 * read (a date, a duration or an amount that does not parse) to the store's
 * own checks, and shows each message under the row at fault; only a valid
 * action is written, with the planned action of its next step, by
 * escale_store_save_action(). Messages that belong to no row (a database
 * error) are shown above the form.
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

#include "escale-action-dialog.h"
#include "escale-action-input.h"
#include "escale-action-store.h"
#include "escale-date.h"
#include "escale-editor-util.h"
#include "escale-followup-util.h"
#include "escale-participants-editor.h"
#include "escale-person-list.h"
#include "escale-person-store.h"
#include "escale-programme-store.h"
#include "escale-theme-picker.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define MESSAGE_KEY "escale-message-row"

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
  AdwEntryRow              *partner_row;
  AdwActionRow             *outcome_row;
  GtkDropDown              *outcome_dropdown;
  AdwEntryRow              *amount_row;
  GtkTextView              *notes_view;
  AdwEntryRow              *next_step_row;
  AdwEntryRow              *due_row;
  GtkWidget                *delete_group;
};

G_DEFINE_FINAL_TYPE (EscaleActionDialog, escale_action_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON_ID,
  PROP_ACTION_ID,
  PROP_SCOPE,
  N_PROPS
};

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
collect_scope (EscaleActionDialog *self,
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
  set_text_field (action, ESCALE_ACTION_FIELD_PARTNER, self->partner_row);
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
  escale_action_set_themes (action, (const char * const *) themes);
}

/* The action the form holds; @errors receives what could not be read. */
static EscaleAction *
collect (EscaleActionDialog *self,
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
  collect_scope (self, action);
  collect_when (self, action, errors);
  collect_details (self, action, errors);
  return action;
}

/* Helpers: showing errors */

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

static void
clear_error (GtkWidget *owner)
{
  GtkWidget *row = message_row (owner, FALSE);

  if (row != NULL && escale_message_row_has_error (row))
    escale_message_row_set_error (row, NULL);
}

static void
show_banner (EscaleActionDialog *self,
             const char         *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
clear_errors (EscaleActionDialog *self)
{
  for (guint field = 0; field <= ESCALE_ACTION_FIELD_PARTICIPANTS; field++)
    {
      GtkWidget *owner = field_owner (self, field);

      if (owner != NULL)
        clear_error (owner);
    }
  escale_participants_editor_set_error (self->participants_editor, NULL);
  show_banner (self, NULL);
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
  show_banner (self, banner->len ? banner->str : NULL);
  return first;
}

static void
focus_widget (GtkWidget *widget)
{
  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

/* Helpers: state */

static void
close_dialog (EscaleActionDialog *self)
{
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

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

static void
update_type_rows (EscaleActionDialog *self)
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
    clear_error (GTK_WIDGET (self->outcome_row));
  if (!aid)
    clear_error (GTK_WIDGET (self->amount_row));
}

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
  clear_error (GTK_WIDGET (self->scope_row));
}

static void
set_scope (EscaleActionDialog *self,
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

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
setup_title (EscaleActionDialog *self)
{
  const char *title = self->action_id != 0 ? _("Edit Action") : _("New Action");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->person_name ? self->person_name : "");
}

/* Helpers: filling the form */

static void
setup_programmes (EscaleActionDialog *self)
{
  g_autoptr(GPtrArray) programmes = escale_store_list_programmes (self->store, NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; programmes != NULL && i < programmes->len; i++)
    {
      EscaleProgramme *programme = g_ptr_array_index (programmes, i);

      g_ptr_array_add (codes, g_strdup_printf ("%" G_GINT64_FORMAT, programme->id));
      g_ptr_array_add (names, programme->name);
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (names, NULL);
  /* Translators: no programme chosen for an action */
  escale_code_dropdown_setup (self->programme_dropdown, (const char * const *) codes->pdata,
                              (const char * const *) names->pdata, C_("programme", "None"));
}

static void
setup_widgets (EscaleActionDialog *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  escale_code_dropdown_setup_vocab (self->type_dropdown, self->store,
                                    ESCALE_VOCAB_ACTION_TYPE, NULL);
  escale_code_dropdown_setup_vocab (self->status_dropdown, self->store,
                                    ESCALE_VOCAB_ACTION_STATUS, NULL);
  /* Translators: a referral whose outcome is not recorded */
  escale_code_dropdown_setup_vocab (self->outcome_dropdown, self->store,
                                    ESCALE_VOCAB_REFERRAL_OUTCOME, C_("outcome", "Not recorded"));
  setup_programmes (self);
  escale_theme_picker_set_store (self->theme_picker, self->store);
  escale_participants_editor_set_store (self->participants_editor, self->store);
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
load_person (EscaleActionDialog *self)
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

static void
fill_defaults (EscaleActionDialog *self)
{
  g_autofree char *today = escale_date_today ();
  g_autofree char *worker = escale_current_worker ();
  gboolean group = self->person_id == 0;

  set_scope (self, group ? ESCALE_ACTION_SCOPE_GROUP : ESCALE_ACTION_SCOPE_PERSON);
  set_code (self->type_dropdown, group ? "workshop" : "interview");
  escale_input_set_date (self->date_row, today);
  escale_input_set_text (self->worker_row, worker);
  update_default_status (self);
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

static void
fill_from_action (EscaleActionDialog *self,
                  EscaleAction       *action)
{
  gint64 duration = escale_action_get_int (action, ESCALE_ACTION_FIELD_DURATION);
  gint64 amount = escale_action_get_int (action, ESCALE_ACTION_FIELD_AMOUNT);
  gint64 programme = escale_action_get_int (action, ESCALE_ACTION_FIELD_PROGRAMME_ID);
  g_autofree char *duration_text = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *programme_code = NULL;

  fill_participants (self, action);
  set_scope (self, escale_action_get (action, ESCALE_ACTION_FIELD_SCOPE));
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
  show_text (self->partner_row, action, ESCALE_ACTION_FIELD_PARTNER);
  set_code (self->outcome_dropdown,
            escale_action_get (action, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME));
  if (amount != ESCALE_ACTION_UNSET)
    /* The locale's decimal separator: read back either way. */
    amount_text = g_strdup_printf ("%.2f", (double) amount / 100.0);
  escale_input_set_text (self->amount_row, amount_text);
  escale_editor_set_text (GTK_WIDGET (self->notes_view),
                          escale_action_get (action, ESCALE_ACTION_FIELD_NOTES));
  show_text (self->next_step_row, action, ESCALE_ACTION_FIELD_NEXT_STEP);
  show_date (self->due_row, action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE);
}

static void
load (EscaleActionDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->action_id == 0)
    return;
  self->action = escale_store_load_action (self->store, self->action_id, &error);
  if (self->action == NULL)
    {
      show_banner (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.delete", FALSE);
      return;
    }
  id = escale_action_get_int (self->action, ESCALE_ACTION_FIELD_PERSON_ID);
  if (id != ESCALE_ACTION_UNSET)
    self->person_id = id;
  id = escale_action_get_int (self->action, ESCALE_ACTION_FIELD_HOUSEHOLD_ID);
  if (id != ESCALE_ACTION_UNSET)
    self->household_id = id;
}

/* Callbacks */

static void
on_type_selected_cb (EscaleActionDialog *self)
{
  update_type_rows (self);
  clear_error (GTK_WIDGET (self->type_row));
}

static void
on_status_selected_cb (EscaleActionDialog *self)
{
  if (!self->updating)
    self->status_chosen = TRUE;
  clear_error (GTK_WIDGET (self->status_row));
}

static void
on_date_changed_cb (EscaleActionDialog *self)
{
  update_default_status (self);
}

/* Typing in a row takes its message away until the next save. */
static void
on_entry_changed_cb (GtkWidget *row)
{
  clear_error (row);
}

static void
on_theme_toggled_cb (EscaleActionDialog *self)
{
  clear_error (self->themes_row);
}

/* The dialog outlives this handler: it must not keep a destroyed parent. */
static void
on_delete_response_cb (EscaleActionDialog *self,
                       const char         *response,
                       GtkWindow          *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_clear_weak_pointer (&self->delete_dialog);
  if (g_strcmp0 (response, "delete") != 0)
    return;
  gtk_window_set_transient_for (dialog, NULL);
  if (!escale_store_delete_action (self->store, self->action_id, &error))
    {
      message = g_strdup_printf (_("The action could not be deleted: %s"), error->message);
      show_banner (self, message);
      return;
    }
  g_object_ref (self);
  g_signal_emit (self, signals[DELETED], 0, self->action_id);
  close_dialog (self);
  g_object_unref (self);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *parameter G_GNUC_UNUSED)
{
  escale_action_dialog_save (ESCALE_ACTION_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (widget);
  GtkWidget *dialog;

  if (self->delete_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->delete_dialog));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Action?"),
                                   _("It disappears from the timeline of everyone it concerns. "
                                     "The planned action of its next step, if any, stays."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->delete_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_duration_action (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *parameter)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (widget);
  g_autofree char *text = g_strdup_printf ("%d", g_variant_get_int32 (parameter));

  escale_input_set_text (self->duration_row, text);
}

/* GObject overrides */

static void
escale_action_dialog_constructed (GObject *object)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (object);

  G_OBJECT_CLASS (escale_action_dialog_parent_class)->constructed (object);

  g_assert (ESCALE_IS_STORE (self->store));
  self->updating = TRUE;
  setup_widgets (self);
  load (self);
  load_person (self);
  if (self->action != NULL)
    fill_from_action (self, self->action);
  else
    fill_defaults (self);
  update_scope_buttons (self);
  update_scope (self);
  update_type_rows (self);
  setup_title (self);
  gtk_widget_set_visible (self->delete_group, self->action != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.delete", self->action != NULL);
  self->updating = FALSE;

  focus_widget (GTK_WIDGET (self->type_dropdown));
}

static void
escale_action_dialog_dispose (GObject *object)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (object);

  self->closing = TRUE;
  if (self->delete_dialog != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self->delete_dialog), NULL);
      gtk_window_destroy (GTK_WINDOW (self->delete_dialog));
      g_clear_weak_pointer (&self->delete_dialog);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_ACTION_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->action);

  G_OBJECT_CLASS (escale_action_dialog_parent_class)->dispose (object);
}

static void
escale_action_dialog_finalize (GObject *object)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (object);

  g_free (self->person_name);
  g_free (self->scope);

  G_OBJECT_CLASS (escale_action_dialog_parent_class)->finalize (object);
}

static void
escale_action_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_ACTION_ID:
      g_value_set_int64 (value, self->action_id);
      break;
    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_action_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;
    case PROP_ACTION_ID:
      self->action_id = g_value_get_int64 (value);
      break;
    case PROP_SCOPE:
      set_scope (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ESCALE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_ID] =
    g_param_spec_int64 ("action-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* person, household or group */
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "dialog.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "dialog.set-duration", "i",
                                   set_duration_action);
  gtk_widget_class_install_property_action (widget_class, "dialog.scope", "scope");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/followup/"
                                               "escale-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, person_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, household_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, group_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, participants_editor);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, duration_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, themes_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, theme_picker);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, worker_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, programme_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, programme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, partner_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, outcome_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
}

static void
escale_action_dialog_class_init (EscaleActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_action_dialog_constructed;
  object_class->dispose = escale_action_dialog_dispose;
  object_class->finalize = escale_action_dialog_finalize;
  object_class->get_property = escale_action_dialog_get_property;
  object_class->set_property = escale_action_dialog_set_property;
  install_properties (object_class);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (ESCALE_TYPE_PARTICIPANTS_EDITOR);
  g_type_ensure (ESCALE_TYPE_THEME_PICKER);
  bind_template (widget_class);
  install_actions (widget_class);
}

/* Ctrl+Enter saves from any field: caught before the focused widget, as the
 * notes would otherwise take it as a new line. */
static void
add_save_shortcut (EscaleActionDialog *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK);
      GtkShortcutAction *save = gtk_named_action_new ("dialog.save");

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, save));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
escale_action_dialog_init (EscaleActionDialog *self)
{
  self->scope = g_strdup (ESCALE_ACTION_SCOPE_PERSON);
  gtk_widget_init_template (GTK_WIDGET (self));
  add_save_shortcut (self);

  {
    AdwEntryRow *rows[] = {
      self->date_row, self->time_row, self->duration_row, self->worker_row, self->partner_row,
      self->amount_row, self->next_step_row, self->due_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_signal_connect (rows[i], "changed", G_CALLBACK (on_entry_changed_cb), NULL);
  }
  g_signal_connect_object (self->theme_picker, "toggled", G_CALLBACK (on_theme_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  escale_input_add_calendar (self->date_row);
  escale_input_add_calendar (self->due_row);
}

/* Public API */

/**
 * escale_action_dialog_new:
 * @parent: (nullable): the window the dialog stays above
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of windows
 */
EscaleActionDialog *
escale_action_dialog_new (GtkWindow   *parent,
                          EscaleStore *store,
                          gint64       person_id,
                          gint64       action_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id >= 0 && action_id >= 0, NULL);

  return g_object_new (ESCALE_TYPE_ACTION_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "person-id", person_id,
                       "action-id", action_id,
                       NULL);
}

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

/**
 * escale_action_dialog_save:
 *
 * Checks the form and, when it is valid, saves the action, emits "saved"
 * and closes. Otherwise shows each problem at its field and focuses the
 * first one.
 *
 * Returns: %TRUE when saved
 */
gboolean
escale_action_dialog_save (EscaleActionDialog *self)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(EscaleAction) action = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *first;
  gint64 id;

  g_return_val_if_fail (ESCALE_IS_ACTION_DIALOG (self), FALSE);
  g_return_val_if_fail (!self->closing, FALSE);

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_action_error_free);
  action = collect (self, errors);
  add_store_errors (self, action, errors);
  first = show_errors (self, errors);
  if (errors->len > 0)
    {
      if (first != NULL)
        focus_widget (first);
      return FALSE;
    }
  if (!escale_store_save_action (self->store, action, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The action could not be saved: %s"),
                                                  error->message);
      show_banner (self, message);
      return FALSE;
    }
  id = escale_action_get_id (action);
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, id, escale_store_find_follow_up (self->store, id));
  close_dialog (self);
  g_object_unref (self);
  return TRUE;
}

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
