/* escale-referral-dialog.c — sending a person to a partner's service
 *
 * The person is given, or found by name or file number. The services are
 * filtered by theme, by whom they are open to — chosen from the person's
 * status, age and sex, and changeable — and by free places; one is chosen.
 * "Refer" checks the form, then escale_store_create_referral() writes the
 * referral action and its row in one transaction. The dialog then shows
 * that it is done and offers to print the slip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-action-input.h"
#include "escale-action-store.h"
#include "escale-date.h"
#include "escale-editor-util.h"
#include "escale-followup-util.h"
#include "escale-person-results.h"
#include "escale-person-store.h"
#include "escale-referral-dialog.h"
#include "escale-referral-services.h"
#include "escale-referral-slip.h"
#include "escale-referral-store.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define N_RESULTS 8
#define SERVICE_KEY "escale-service-id"

struct _EscaleReferralDialog
{
  AdwWindow          parent_instance;

  EscaleStore       *store;
  gint64             person_id;
  gint64             partner_id;
  gint64             service_id;       /* the service chosen, 0 for none */
  gint64             referral_id;      /* once recorded */
  char              *also_open_to[3];  /* the person's other eligibilities, NULL-terminated */
  GtkCheckButton    *group;            /* the first check button of the list */
  gboolean          updating;

  AdwWindowTitle    *window_title;
  GtkWidget         *cancel_button;
  GtkWidget         *refer_button;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  GtkStack          *stack;
  AdwActionRow      *person_row;
  GtkMenuButton     *person_button;
  GtkPopover        *person_popover;
  GtkSearchEntry    *person_entry;
  GtkListBox        *person_results;
  GtkLabel          *no_person;
  GtkDropDown       *theme_dropdown;
  GtkDropDown       *eligibility_dropdown;
  GtkSwitch         *free_switch;
  AdwPreferencesGroup *services_group;
  GtkListBox        *services_list;
  GtkLabel          *services_error;
  AdwEntryRow       *date_row;
  AdwEntryRow       *worker_row;
  GtkTextView       *notes_view;
  AdwStatusPage     *done_page;
  GtkWidget         *person_message;
  GtkWidget         *date_message;
  GtkWidget         *worker_message;
};

G_DEFINE_FINAL_TYPE (EscaleReferralDialog, escale_referral_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON_ID,
  PROP_PARTNER_ID,
  N_PROPS
};

enum {
  REFERRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers: the person */

/* The eligibility a person's administrative status suggests, or NULL. */
static const char *
status_eligibility (const char *status)
{
  if (g_strcmp0 (status, "asylum_seeker") == 0)
    return "asylum_seekers";
  if (g_strcmp0 (status, "refugee") == 0 || g_strcmp0 (status, "subsidiary_protection") == 0)
    return "refugees";
  if (g_strcmp0 (status, "undocumented") == 0)
    return "undocumented";
  return NULL;
}

static gboolean
is_minor (EscalePerson *person)
{
  const char *birth = escale_person_get (person, ESCALE_FIELD_BIRTH_DATE);
  g_autofree char *today = escale_date_today ();

  return birth != NULL && escale_date_age_on (birth, today) >= 0 &&
         escale_date_age_on (birth, today) < 18;
}

/* Chooses the eligibility after the person, and notes the others that
 * also fit them. */
static void
preset_eligibility (EscaleReferralDialog *self,
                    EscalePerson         *person)
{
  const char *preset = status_eligibility (escale_person_get_current_status (person));
  gboolean minor = is_minor (person);
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->also_open_to); i++)
    g_clear_pointer (&self->also_open_to[i], g_free);
  if (preset == NULL && minor)
    preset = "minors";
  else if (minor)
    self->also_open_to[n++] = g_strdup ("minors");
  if (g_strcmp0 (escale_person_get (person, ESCALE_FIELD_SEX), "F") == 0)
    self->also_open_to[n++] = g_strdup ("women");
  escale_code_dropdown_set_code (self->eligibility_dropdown, preset);
}

static void
set_person (EscaleReferralDialog *self,
            gint64                person_id)
{
  g_autoptr(EscalePerson) person = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  self->person_id = person_id;
  if (person_id > 0)
    person = escale_store_load_person (self->store, person_id, NULL);
  if (person == NULL)
    {
      self->person_id = 0;
      adw_action_row_set_subtitle (self->person_row, _("Nobody chosen yet"));
      adw_window_title_set_subtitle (self->window_title, "");
      return;
    }
  name = escale_person_dup_display_name (person);
  subtitle = g_strdup_printf ("%s · %s", name,
                              escale_person_get (person, ESCALE_FIELD_FILE_NUMBER));
  adw_action_row_set_subtitle (self->person_row, subtitle);
  adw_window_title_set_subtitle (self->window_title, name);
  escale_message_row_set_error (self->person_message, NULL);
  self->updating = TRUE;
  preset_eligibility (self, person);
  self->updating = FALSE;
}

/* Helpers: the services */

static void
set_service_error (EscaleReferralDialog *self,
                   const char           *message)
{
  gtk_label_set_text (self->services_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->services_error), message != NULL);
}

static void
on_service_toggled_cb (GtkCheckButton       *button,
                       EscaleReferralDialog *self)
{
  if (!gtk_check_button_get_active (button))
    return;
  self->service_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                                  SERVICE_KEY));
  set_service_error (self, NULL);
}

static void
clear_services (EscaleReferralDialog *self)
{
  GtkListBoxRow *row;

  self->group = NULL;
  /* Rows only: the list's empty label is a child too. */
  while ((row = gtk_list_box_get_row_at_index (self->services_list, 0)) != NULL)
    gtk_list_box_remove (self->services_list, GTK_WIDGET (row));
}

static void
add_service_row (EscaleReferralDialog     *self,
                 const EscaleServiceMatch *match,
                 GDateTime                *now,
                 gint64                    chosen)
{
  GtkCheckButton *check;
  GtkWidget *row = escale_referral_service_row_new (self->store, match, self->group, now, &check);

  g_object_set_data (G_OBJECT (check), SERVICE_KEY, GSIZE_TO_POINTER ((gsize) match->service_id));
  g_object_set_data (G_OBJECT (row), SERVICE_KEY, check);
  if (self->group == NULL)
    self->group = check;
  gtk_list_box_append (self->services_list, row);
  if (match->service_id == chosen)
    {
      gtk_check_button_set_active (check, TRUE);
      self->service_id = chosen;
    }
  g_signal_connect (check, "toggled", G_CALLBACK (on_service_toggled_cb), self);
}

static void
describe_services (EscaleReferralDialog *self,
                   guint                 n)
{
  g_autofree char *text = NULL;

  if (n > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service", "%u services", n), n);
  adw_preferences_group_set_description (self->services_group, text);
}

static void
fill_services (EscaleReferralDialog *self)
{
  const char *also[G_N_ELEMENTS (self->also_open_to)] = { NULL };
  EscaleServiceQuery query = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 chosen = self->service_id;

  for (guint i = 0; i < G_N_ELEMENTS (also); i++)
    also[i] = self->also_open_to[i];
  query.partner_id = self->partner_id;
  query.theme = escale_code_dropdown_get_code (self->theme_dropdown);
  query.eligibility = escale_code_dropdown_get_code (self->eligibility_dropdown);
  query.also_open_to = also;
  query.has_free_places = gtk_switch_get_active (self->free_switch);
  clear_services (self);
  self->service_id = 0;
  matches = escale_service_query_run (self->store, &query, now, &error);
  if (matches == NULL)
    {
      set_service_error (self, error->message);
      return;
    }
  for (guint i = 0; i < matches->len; i++)
    add_service_row (self, g_ptr_array_index (matches, i), now, chosen);
  describe_services (self, matches->len);
}

static void
setup_filters (EscaleReferralDialog *self)
{
  g_auto(GStrv) codes = escale_vocab_list_codes (self->store, ESCALE_VOCAB_ELIGIBILITY);
  g_autoptr(GPtrArray) choices = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  escale_code_dropdown_setup_vocab (self->theme_dropdown, self->store, ESCALE_VOCAB_THEME,
                                    _("Any theme"));
  /* "everyone" as a filter would say nothing: every service is open to it. */
  for (guint i = 0; codes[i] != NULL; i++)
    if (!g_str_equal (codes[i], "everyone"))
      {
        g_ptr_array_add (choices, codes[i]);
        g_ptr_array_add (labels, escale_vocab_get_label (self->store, ESCALE_VOCAB_ELIGIBILITY,
                                                         codes[i]));
      }
  g_ptr_array_add (choices, NULL);
  g_ptr_array_add (labels, NULL);
  /* Translators: the eligibility filter of the referral dialog: no restriction */
  escale_code_dropdown_setup (self->eligibility_dropdown, (const char * const *) choices->pdata,
                              (const char * const *) labels->pdata,
                              C_("eligibility filter", "Anyone"));
}

static void
setup_empty_label (EscaleReferralDialog *self)
{
  GtkWidget *label = gtk_label_new (_("No service matches these filters"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_set_placeholder (self->services_list, label);
}

/* A message row right under @owner, in its list. */
static GtkWidget *
attach_message (GtkWidget *owner)
{
  GtkWidget *row = escale_message_row_new (owner);
  GtkWidget *list = gtk_widget_get_parent (owner);

  g_assert (GTK_IS_LIST_BOX (list));
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (owner)) + 1);
  return row;
}

/* Helpers: recording */

static void
show_banner (EscaleReferralDialog *self,
             const char           *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
clear_errors (EscaleReferralDialog *self)
{
  escale_message_row_set_error (self->person_message, NULL);
  escale_message_row_set_error (self->date_message, NULL);
  escale_message_row_set_error (self->worker_message, NULL);
  set_service_error (self, NULL);
  show_banner (self, NULL);
}

/* Shows @errors (element-type EscaleActionError) at their fields. */
static void
show_errors (EscaleReferralDialog *self,
             GPtrArray            *errors)
{
  for (guint i = 0; i < errors->len; i++)
    {
      const EscaleActionError *error = g_ptr_array_index (errors, i);

      switch ((int) error->field)
        {
        case ESCALE_ACTION_FIELD_PERSON_ID:
        case ESCALE_ACTION_FIELD_SCOPE:
          escale_message_row_set_error (self->person_message, error->message);
          break;
        case ESCALE_ACTION_FIELD_DATE:
          escale_message_row_set_error (self->date_message, error->message);
          break;
        case ESCALE_ACTION_FIELD_WORKER:
          escale_message_row_set_error (self->worker_message, error->message);
          break;
        default:
          show_banner (self, error->message);
        }
    }
}

static EscaleAction *
collect (EscaleReferralDialog *self,
         GPtrArray            *errors)
{
  g_autoptr(EscaleAction) action = escale_action_new ();
  g_autofree char *date = escale_input_date (self->date_row, ESCALE_ACTION_FIELD_DATE, errors);
  g_autofree char *worker = escale_input_text (self->worker_row);
  g_autofree char *notes = escale_editor_dup_text (GTK_WIDGET (self->notes_view));

  if (self->person_id == 0)
    escale_input_add_error (errors, ESCALE_ACTION_FIELD_PERSON_ID,
                            _("Choose the person to refer"));
  escale_action_set (action, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_PERSON);
  if (self->person_id > 0)
    escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, self->person_id);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, worker);
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, notes);
  return g_steal_pointer (&action);
}

/* The action to record when the form is valid; otherwise NULL, with the
 * messages shown. */
static EscaleAction *
check (EscaleReferralDialog *self)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                escale_action_error_free);
  g_autoptr(EscaleAction) action = NULL;
  gboolean valid;

  clear_errors (self);
  action = collect (self, errors);
  if (errors->len == 0)
    {
      g_autoptr(GPtrArray) problems = NULL;

      g_autofree char *today = escale_date_today ();
      const char *date = escale_action_get (action, ESCALE_ACTION_FIELD_DATE);

      /* The store's own checks, on the action as it will be written: a
       * referral is sent (done) unless dated later, then planned. */
      escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "referral");
      escale_action_set (action, ESCALE_ACTION_FIELD_STATUS,
                         g_strcmp0 (date, today) > 0 ? "planned" : "done");
      problems = escale_store_validate_action (self->store, action);
      g_ptr_array_extend_and_steal (errors, g_steal_pointer (&problems));
    }
  if (self->service_id == 0)
    set_service_error (self, _("Choose the service to refer to"));
  show_errors (self, errors);
  valid = errors->len == 0 && self->service_id != 0;
  return valid ? g_steal_pointer (&action) : NULL;
}

static void
show_done (EscaleReferralDialog *self)
{
  g_autoptr(EscaleReferral) referral = escale_store_load_referral (self->store,
                                                                   self->referral_id, NULL);
  g_autofree char *description = NULL;

  if (referral != NULL && referral->partner_name != NULL)
    /* Translators: %s is a partner's name */
    description = g_strdup_printf (_("Sent to %s. Print a slip for the person: the "
                                     "partner's address, opening hours and what to bring."),
                                   referral->partner_name);
  adw_status_page_set_description (self->done_page, description);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (self->refer_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.refer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.print-slip", TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_widget_grab_focus (gtk_widget_get_first_child (adw_status_page_get_child (self->done_page)));
}

/* Callbacks */

static void
on_filter_changed_cb (EscaleReferralDialog *self)
{
  if (!self->updating && self->store != NULL)
    fill_services (self);
}

static void
clear_person_results (EscaleReferralDialog *self)
{
  escale_person_results_clear (self->person_results);
  gtk_widget_set_visible (GTK_WIDGET (self->no_person), FALSE);
}

static void
on_person_search_changed_cb (EscaleReferralDialog *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->person_entry));
  guint shown;

  clear_person_results (self);
  shown = escale_person_results_fill (self->person_results, self->store, query, N_RESULTS, 0,
                                      NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->no_person),
                          shown == 0 && !escale_editor_is_blank (query));
}

static void
on_person_activated_cb (EscaleReferralDialog *self,
                        GtkListBoxRow        *row)
{
  set_person (self, escale_person_result_row_get_id (GTK_WIDGET (row)));
  gtk_popover_popdown (self->person_popover);
  fill_services (self);
}

/* Enter takes the first person found. */
static void
on_person_search_activate_cb (EscaleReferralDialog *self)
{
  GtkListBoxRow *first;

  on_person_search_changed_cb (self);
  first = gtk_list_box_get_row_at_index (self->person_results, 0);
  if (first != NULL)
    on_person_activated_cb (self, first);
}

static void
on_person_popover_show_cb (EscaleReferralDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->person_entry), "");
  clear_person_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->person_entry));
}

/* Actions */

static void
refer_action (GtkWidget  *widget,
              const char *action_name G_GNUC_UNUSED,
              GVariant   *parameter G_GNUC_UNUSED)
{
  escale_referral_dialog_refer (ESCALE_REFERRAL_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
print_slip_action (GtkWidget  *widget,
                   const char *action_name G_GNUC_UNUSED,
                   GVariant   *parameter G_GNUC_UNUSED)
{
  EscaleReferralDialog *self = ESCALE_REFERRAL_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = escale_referral_slip_new (self->store, self->referral_id,
                                        gtk_widget_get_direction (widget), &error);
  if (operation != NULL &&
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  {
    g_autofree char *message = g_strdup_printf (_("The slip could not be printed: %s"),
                                                error->message);
    show_banner (self, message);
  }
}

/* GObject overrides */

static void
escale_referral_dialog_constructed (GObject *object)
{
  EscaleReferralDialog *self = ESCALE_REFERRAL_DIALOG (object);
  g_autofree char *today = escale_date_today ();
  g_autofree char *worker = escale_current_worker ();

  G_OBJECT_CLASS (escale_referral_dialog_parent_class)->constructed (object);

  g_assert (ESCALE_IS_STORE (self->store));
  self->updating = TRUE;
  setup_filters (self);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->person_button), self->person_id == 0);
  set_person (self, self->person_id);
  escale_input_set_date (self->date_row, today);
  escale_input_set_text (self->worker_row, worker);
  fill_services (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.print-slip", FALSE);
  gtk_widget_grab_focus (self->person_id == 0 ? GTK_WIDGET (self->person_button)
                                              : GTK_WIDGET (self->theme_dropdown));
}

static void
escale_referral_dialog_dispose (GObject *object)
{
  EscaleReferralDialog *self = ESCALE_REFERRAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_REFERRAL_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_referral_dialog_parent_class)->dispose (object);
}

static void
escale_referral_dialog_finalize (GObject *object)
{
  EscaleReferralDialog *self = ESCALE_REFERRAL_DIALOG (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->also_open_to); i++)
    g_free (self->also_open_to[i]);

  G_OBJECT_CLASS (escale_referral_dialog_parent_class)->finalize (object);
}

static void
escale_referral_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EscaleReferralDialog *self = ESCALE_REFERRAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_PARTNER_ID:
      g_value_set_int64 (value, self->partner_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_referral_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EscaleReferralDialog *self = ESCALE_REFERRAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;
    case PROP_PARTNER_ID:
      self->partner_id = g_value_get_int64 (value);
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
  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/partners/"
                                               "escale-referral-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, refer_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, person_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, person_popover);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, person_entry);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, person_results);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, no_person);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, theme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, eligibility_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, free_switch);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, services_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, services_list);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, services_error);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, worker_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, EscaleReferralDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_popover_show_cb);
}

static void
escale_referral_dialog_class_init (EscaleReferralDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_referral_dialog_constructed;
  object_class->dispose = escale_referral_dialog_dispose;
  object_class->finalize = escale_referral_dialog_finalize;
  object_class->get_property = escale_referral_dialog_get_property;
  object_class->set_property = escale_referral_dialog_set_property;
  install_properties (object_class);

  /**
   * EscaleReferralDialog::referred:
   * @referral_id: the referral recorded
   * @action_id: its action, on the person's timeline
   */
  signals[REFERRED] = g_signal_new ("referred", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64,
                                    G_TYPE_INT64);

  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "dialog.refer", NULL, refer_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "dialog.print-slip", NULL, print_slip_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
escale_referral_dialog_init (EscaleReferralDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  escale_add_ctrl_enter_shortcut (GTK_WIDGET (self), "dialog.refer");
  setup_empty_label (self);
  self->person_message = attach_message (GTK_WIDGET (self->person_row));
  self->date_message = attach_message (GTK_WIDGET (self->date_row));
  self->worker_message = attach_message (GTK_WIDGET (self->worker_row));
  escale_input_add_calendar (self->date_row);
}

/* Public API */

/**
 * escale_referral_dialog_new:
 * @parent: (nullable): the window the dialog stays above
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of windows
 */
GtkWidget *
escale_referral_dialog_new (GtkWindow   *parent,
                            EscaleStore *store,
                            gint64       person_id,
                            gint64       partner_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id >= 0 && partner_id >= 0, NULL);

  return g_object_new (ESCALE_TYPE_REFERRAL_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "person-id", person_id,
                       "partner-id", partner_id,
                       NULL);
}

/**
 * escale_referral_dialog_refer:
 *
 * Returns: %TRUE when the referral was recorded
 */
gboolean
escale_referral_dialog_refer (EscaleReferralDialog *self)
{
  g_autoptr(EscaleAction) action = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ESCALE_IS_REFERRAL_DIALOG (self), FALSE);

  if (self->referral_id != 0)
    return FALSE;
  if (!(action = check (self)))
    return FALSE;
  self->referral_id = escale_store_create_referral (self->store, action, self->service_id,
                                                    &error);
  if (self->referral_id == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The referral could not be recorded: %s"),
                                                  error->message);
      show_banner (self, message);
      return FALSE;
    }
  show_done (self);
  g_signal_emit (self, signals[REFERRED], 0, self->referral_id, escale_action_get_id (action));
  return TRUE;
}

gint64
escale_referral_dialog_get_referral_id (EscaleReferralDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_REFERRAL_DIALOG (self), 0);

  return self->referral_id;
}

/**
 * escale_referral_dialog_list_services:
 *
 * Returns: (transfer full) (element-type gint64): the services listed
 */
GArray *
escale_referral_dialog_list_services (EscaleReferralDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (ESCALE_IS_REFERRAL_DIALOG (self), ids);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->services_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GObject *check = g_object_get_data (G_OBJECT (row), SERVICE_KEY);
      gint64 id;

      if (check == NULL)
        continue;
      id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (check, SERVICE_KEY));
      g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * escale_referral_dialog_get_service_check:
 *
 * Returns: (transfer none) (nullable): the button that chooses @service_id
 */
GtkCheckButton *
escale_referral_dialog_get_service_check (EscaleReferralDialog *self,
                                          gint64                service_id)
{
  g_return_val_if_fail (ESCALE_IS_REFERRAL_DIALOG (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->services_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GObject *check = g_object_get_data (G_OBJECT (row), SERVICE_KEY);

      if (check != NULL &&
          (gint64) GPOINTER_TO_SIZE (g_object_get_data (check, SERVICE_KEY)) == service_id)
        return GTK_CHECK_BUTTON (check);
    }
  return NULL;
}

GtkDropDown *
escale_referral_dialog_get_theme_filter (EscaleReferralDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_REFERRAL_DIALOG (self), NULL);
  return self->theme_dropdown;
}

GtkDropDown *
escale_referral_dialog_get_eligibility_filter (EscaleReferralDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_REFERRAL_DIALOG (self), NULL);
  return self->eligibility_dropdown;
}

GtkSwitch *
escale_referral_dialog_get_free_filter (EscaleReferralDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_REFERRAL_DIALOG (self), NULL);
  return self->free_switch;
}

GtkEditable *
escale_referral_dialog_get_person_entry (EscaleReferralDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_REFERRAL_DIALOG (self), NULL);
  return GTK_EDITABLE (self->person_entry);
}

GtkListBox *
escale_referral_dialog_get_person_results (EscaleReferralDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_REFERRAL_DIALOG (self), NULL);
  return self->person_results;
}

/**
 * escale_referral_dialog_get_error:
 * @what: "person", "service", "date", "worker" or "banner"
 *
 * Returns: (nullable): the message shown there
 */
const char *
escale_referral_dialog_get_error (EscaleReferralDialog *self,
                                  const char           *what)
{
  g_return_val_if_fail (ESCALE_IS_REFERRAL_DIALOG (self), NULL);

  if (g_str_equal (what, "service"))
    return gtk_widget_get_visible (GTK_WIDGET (self->services_error))
           ? gtk_label_get_text (self->services_error) : NULL;
  if (g_str_equal (what, "banner"))
    return gtk_revealer_get_reveal_child (self->error_revealer)
           ? gtk_label_get_text (self->error_label) : NULL;
  if (g_str_equal (what, "person"))
    return escale_message_row_get_error (self->person_message);
  if (g_str_equal (what, "date"))
    return escale_message_row_get_error (self->date_message);
  if (g_str_equal (what, "worker"))
    return escale_message_row_get_error (self->worker_message);
  return NULL;
}
