/* escale-person-view.c — a person's file, as read
 *
 * A header (name, status, Edit and Close buttons) above two pages: the
 * follow-up timeline, shown first, and the file itself. The file's
 * sections are rebuilt from the record each time a person is shown: a file
 * has a few dozen rows at most. The timeline is a lazy list of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-consent-records.h"
#include "escale-date.h"
#include "escale-enrolments-section.h"
#include "escale-household-dialog.h"
#include "escale-information-notice.h"
#include "escale-iso.h"
#include "escale-language.h"
#include "escale-nearby-section.h"
#include "escale-person-rights.h"
#include "escale-person-slip.h"
#include "escale-person-store.h"
#include "escale-person-view.h"
#include "escale-timeline-view.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define EXPIRY_WARNING_DAYS 60

struct _EscalePersonView
{
  AdwBin        parent_instance;

  EscaleStore  *store;
  EscalePerson *person;
  AdwToast     *undo_toast;  /* weak: the last undo offered, while it shows */

  AdwAvatar    *avatar;
  GtkLabel     *name_label;
  GtkLabel     *details_label;
  GtkWidget    *edit_button;
  GtkWidget    *close_button;
  GtkWidget    *reopen_button;
  GtkLabel     *closed_label;
  AdwViewStack *page_stack;
  GtkBox       *sections;
  EscaleTimelineView *timeline_view;
};

G_DEFINE_FINAL_TYPE (EscalePersonView, escale_person_view, ADW_TYPE_BIN)

enum {
  OPEN_PERSON,
  EDIT,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AdwPreferencesGroup *
add_group (EscalePersonView *self,
           const char       *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->sections, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* A value alone in its subtitle takes its own direction; callers isolate
 * those they put inside a sentence or next to other text (see
 * escale-language.h), and phone and file numbers. */
static AdwActionRow *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return NULL;
  /* Names and notes are text, never markup. */
  row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  return ADW_ACTION_ROW (row);
}

static const char *
field (EscalePersonView *self,
       EscaleField       which)
{
  return escale_person_get (self->person, which);
}

static char *
join_names (const char * const *codes,
            const char       *(*name_of) (const char *))
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *name = name_of (codes[i]);
      g_string_append_printf (out, "%s%s", out->len ? ", " : "", name ? name : codes[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_birth_with_age (EscalePersonView *self)
{
  const char *birth = field (self, ESCALE_FIELD_BIRTH_DATE);
  g_autofree char *date = escale_format_birth (birth, field (self, ESCALE_FIELD_BIRTH_PRECISION));
  g_autofree char *today = escale_date_today ();
  int age = escale_date_age_on (birth, today);

  if (age < 0)
    return g_steal_pointer (&date);
  /* Translators: a birth date followed by the age, like "14/03/1990 (34 years)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d year)", "%s (%d years)", age),
                          date, age);
}

static void
build_identity (EscalePersonView *self)
{
  AdwPreferencesGroup *group = add_group (self, _("Identity"));
  /* One a line: names in different scripts would mix their directions on one. */
  g_autofree char *others = g_strjoinv ("\n", (GStrv) escale_person_get_other_names (self->person));
  g_autofree char *sex = escale_vocab_get_label (self->store, ESCALE_VOCAB_SEX,
                                                 field (self, ESCALE_FIELD_SEX));
  g_autofree char *birth = format_birth_with_age (self);
  g_autofree char *nationalities = join_names (escale_person_get_nationalities (self->person),
                                               escale_iso_country_name);

  add_row (group, _("Other names and spellings"), others);
  add_row (group, _("Sex"), sex);
  add_row (group, _("Birth date"), birth);
  add_row (group, _("Birth country"), escale_iso_country_name (field (self, ESCALE_FIELD_BIRTH_COUNTRY)));
  add_row (group, _("Nationalities"), nationalities);
}

static void
build_languages (EscalePersonView *self)
{
  GPtrArray *languages = escale_person_get_languages (self->person);
  AdwPreferencesGroup *group;

  if (languages->len == 0)
    return;
  group = add_group (self, _("Languages"));
  for (guint i = 0; i < languages->len; i++)
    {
      EscaleLanguageSkill *skill = g_ptr_array_index (languages, i);
      const char *name = escale_iso_language_name (skill->code);
      g_autoptr(GString) details = g_string_new (NULL);
      AdwActionRow *row;

      if (g_strcmp0 (skill->level, "native") == 0)
        g_string_append (details, C_("language level", "Native"));
      else if (g_strcmp0 (skill->level, "fluent") == 0)
        g_string_append (details, C_("language level", "Fluent"));
      else if (g_strcmp0 (skill->level, "basic") == 0)
        g_string_append (details, C_("language level", "Basic"));
      if (skill->interpreter)
        g_string_append_printf (details, "%s%s", details->len ? " · " : "",
                                _("Interpreter needed"));
      row = add_row (group, name ? name : skill->code, details->len ? details->str : " ");
      if (row != NULL && skill->interpreter)
        adw_action_row_add_prefix (row, gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
    }
}

static void
build_contact (EscalePersonView *self)
{
  AdwPreferencesGroup *group = add_group (self, _("Contact"));
  g_autofree char *phone = NULL;
  g_autoptr(GString) address = g_string_new (field (self, ESCALE_FIELD_ADDRESS));
  const char *postal = field (self, ESCALE_FIELD_POSTAL_CODE), *city = field (self, ESCALE_FIELD_CITY);

  if (field (self, ESCALE_FIELD_PHONE) != NULL)
    phone = g_strdup_printf (ESCALE_ISOLATE_LTR ("%s"), field (self, ESCALE_FIELD_PHONE));
  if (postal != NULL || city != NULL)
    g_string_append_printf (address, "%s%s%s%s", address->len ? "\n" : "", postal ? postal : "",
                            postal && city ? " " : "", city ? city : "");
  add_row (group, _("Phone"), phone);
  add_row (group, _("Email"), field (self, ESCALE_FIELD_EMAIL));
  add_row (group, _("Address or domiciliation"), address->str);
  if (phone == NULL && field (self, ESCALE_FIELD_EMAIL) == NULL && address->len == 0)
    add_row (group, _("No contact details"), _("Add a phone number or an address with Edit"));
}

static void
build_follow_up (EscalePersonView *self)
{
  AdwPreferencesGroup *group = add_group (self, _("Follow-up"));
  g_autofree char *arrival = escale_format_date (field (self, ESCALE_FIELD_ARRIVAL_DATE));
  g_autofree char *first = escale_format_date (field (self, ESCALE_FIELD_FIRST_CONTACT));

  add_row (group, _("Referent worker"), field (self, ESCALE_FIELD_REFERENT));
  add_row (group, _("Referred by"), field (self, ESCALE_FIELD_REFERRED_BY));
  add_row (group, _("Arrival in the country"), arrival);
  add_row (group, _("First contact"), first);
  add_row (group, _("Notes"), field (self, ESCALE_FIELD_NOTES));
}

static char *
format_period (const EscaleStatusPeriod *period)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *from = escale_format_date (period->started_on);
  g_autofree char *to = escale_format_date (period->ended_on);
  g_autofree char *expiry = escale_format_date (period->document_expiry);

  if (*from && *to)
    /* Translators: a period, like "from 01/02/2024 to 03/05/2025" */
    g_string_append_printf (text, _("from %s to %s"), from, to);
  else if (*from)
    /* Translators: the start of a status still in force */
    g_string_append_printf (text, _("since %s"), from);
  else if (*to)
    g_string_append_printf (text, _("until %s"), to);
  if (period->document != NULL)
    g_string_append_printf (text, "%s" ESCALE_ISOLATE ("%s"), text->len ? " · " : "",
                            period->document);
  if (*expiry)
    {
      g_string_append (text, text->len ? " · " : "");
      /* Translators: the expiry date of a residence document */
      g_string_append_printf (text, _("expires on %s"), expiry);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
expiry_class (const EscaleStatusPeriod *period)
{
  g_autofree char *today = escale_date_today ();
  g_autoptr(GDate) limit = escale_date_to_gdate (today);
  char soon[16];

  if (period->document_expiry == NULL || period->ended_on != NULL)
    return NULL;
  if (strcmp (period->document_expiry, today) < 0)
    return "expired";
  g_date_add_days (limit, EXPIRY_WARNING_DAYS);
  g_date_strftime (soon, sizeof soon, "%Y-%m-%d", limit);
  return strcmp (period->document_expiry, soon) <= 0 ? "expiring" : NULL;
}

static void
build_status (EscalePersonView *self)
{
  GPtrArray *periods = escale_person_get_status_periods (self->person);
  AdwPreferencesGroup *group = add_group (self, _("Administrative Status"));

  if (periods->len == 0)
    add_row (group, _("No status recorded"), _("Record the status and its documents with Edit"));
  for (guint i = periods->len; i > 0; i--)
    {
      const EscaleStatusPeriod *period = g_ptr_array_index (periods, i - 1);
      g_autofree char *label = escale_vocab_get_label (self->store, ESCALE_VOCAB_STATUS,
                                                       period->status);
      g_autofree char *details = format_period (period);
      AdwActionRow *row = add_row (group, label, *details ? details : _("Dates not recorded"));
      const char *css = expiry_class (period);

      if (row != NULL && css != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (row), css);
    }
}

static void
on_member_activated (AdwActionRow     *row,
                     EscalePersonView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));

  g_signal_emit (self, signals[OPEN_PERSON], 0, id);
}

static void
on_member_remove_clicked (GtkButton        *button,
                          EscalePersonView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "person-id"));
  g_autoptr(GError) error = NULL;

  escale_person_view_dismiss_undo (self);
  if (!escale_store_household_remove (self->store, id, &error))
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  else
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (_("Removed from the household")));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_household_added (EscalePersonView *self)
{
  escale_add_toast (GTK_WIDGET (self), adw_toast_new (_("Added to the household")));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_add_member_clicked (EscalePersonView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EscaleHouseholdDialog *dialog;

  dialog = escale_household_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->store, self->person);
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_household_added), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_remove_button (gint64            id,
                   EscalePersonView *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove from the household"));
  g_object_set_data (G_OBJECT (button), "person-id", GSIZE_TO_POINTER (id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_member_remove_clicked), self);
  return button;
}

static void
on_member_role_selected (GtkDropDown      *dropdown,
                         G_GNUC_UNUSED GParamSpec *pspec,
                         EscalePersonView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "person-id"));
  g_autoptr(GError) error = NULL;

  if (!escale_store_household_set_role (self->store, id, escale_code_dropdown_get_code (dropdown),
                                        &error))
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static GtkWidget *
new_role_dropdown (EscaleHouseholdMember *member,
                   EscalePersonView      *self)
{
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  escale_code_dropdown_setup_vocab (GTK_DROP_DOWN (dropdown), self->store,
                                    ESCALE_VOCAB_HOUSEHOLD_ROLE, NULL);
  escale_code_dropdown_set_code (GTK_DROP_DOWN (dropdown), member->role);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Role in the household"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Role in the household"), -1);
  g_object_set_data (G_OBJECT (dropdown), "person-id", GSIZE_TO_POINTER (member->person_id));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_member_role_selected), self);
  return dropdown;
}

static void
build_household (EscalePersonView *self)
{
  AdwPreferencesGroup *group = add_group (self, _("Household"));
  GPtrArray *members = escale_person_get_household_members (self->person);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *own_role = NULL;

  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add a member to the household"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_member_clicked), self);
  adw_preferences_group_set_header_suffix (group, add);

  if (members->len == 0)
    {
      adw_preferences_group_set_description (group, _("Lives alone, or the household is not recorded"));
      return;
    }
  own_role = escale_vocab_get_label (self->store, ESCALE_VOCAB_HOUSEHOLD_ROLE,
                                     escale_person_get_household_role (self->person));
  adw_preferences_group_set_description (group, own_role);
  for (guint i = 0; i < members->len; i++)
    {
      EscaleHouseholdMember *member = g_ptr_array_index (members, i);
      g_autofree char *name = escale_format_person_name (member->family_name, member->given_names);
      g_autofree char *subtitle = g_strdup_printf (ESCALE_ISOLATE_LTR ("%s"),
                                                   member->file_number);
      AdwActionRow *row = add_row (group, name, subtitle);

      /* A person, not a field: the name leads. */
      gtk_widget_remove_css_class (GTK_WIDGET (row), "property");
      g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER (member->person_id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Open this person's file"));
      g_signal_connect (row, "activated", G_CALLBACK (on_member_activated), self);
      adw_action_row_add_suffix (row, new_role_dropdown (member, self));
      adw_action_row_add_suffix (row, new_remove_button (member->person_id, self));
      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
}

static void
clear_sections (EscalePersonView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);
}

static void
update_header (EscalePersonView *self)
{
  g_autofree char *name = escale_format_person_name (field (self, ESCALE_FIELD_FAMILY_NAME),
                                                     field (self, ESCALE_FIELD_GIVEN_NAMES));
  g_autofree char *status = escale_vocab_get_label (self->store, ESCALE_VOCAB_STATUS,
                                                    escale_person_get_current_status (self->person));
  g_autofree char *details = g_strdup_printf ("%s" ESCALE_ISOLATE_LTR ("%s") "%s%s",
                                              escale_direction_mark (),
                                              field (self, ESCALE_FIELD_FILE_NUMBER),
                                              *status ? " · " : "", status);
  gboolean closed = escale_person_is_closed (self->person);
  gboolean writes = escale_role_allows (escale_store_get_role (self->store),
                                        ESCALE_OP_WRITE_PERSON);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->details_label, details);
  adw_avatar_set_text (self->avatar, name);
  gtk_widget_set_visible (self->edit_button, writes);
  gtk_widget_set_visible (self->close_button, writes && !closed);
  gtk_widget_set_visible (self->reopen_button, writes && closed);
  gtk_widget_set_visible (GTK_WIDGET (self->closed_label), closed);
  if (closed)
    {
      g_autofree char *date = escale_format_date (field (self, ESCALE_FIELD_CLOSED_ON));
      g_autofree char *reason = escale_isolate (field (self, ESCALE_FIELD_CLOSE_REASON));
      g_autofree char *text = NULL;

      /* Translators: %1$s is a date, %2$s the reason the file was closed */
      text = g_strdup_printf (_("File closed on %1$s: %2$s"), date, reason);
      gtk_label_set_label (self->closed_label, text);
    }
}

static void
rebuild (EscalePersonView *self)
{
  clear_sections (self);
  if (self->person == NULL)
    return;
  update_header (self);
  build_identity (self);
  build_status (self);
  gtk_box_append (self->sections,
                  escale_enrolments_section_new (self->store,
                                                 escale_person_get_id (self->person)));
  build_household (self);
  build_languages (self);
  build_contact (self);
  gtk_box_append (self->sections, escale_nearby_section_new (self->store, self->person));
  build_follow_up (self);
  gtk_box_append (self->sections, escale_consent_records_new (self->store, self->person));
}

static void
on_edit_clicked_cb (EscalePersonView *self)
{
  g_signal_emit (self, signals[EDIT], 0);
}

static void
offer_undo (EscalePersonView *self,
            AdwToast         *toast,
            GCallback         undo)
{
  escale_person_view_dismiss_undo (self);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "person-id",
                     GSIZE_TO_POINTER (escale_person_get_id (self->person)));
  g_signal_connect_object (toast, "button-clicked", undo, self, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  escale_add_toast (GTK_WIDGET (self), toast);
}

static void
undone (EscalePersonView *self,
        gboolean          ok,
        GError           *error)
{
  if (!ok)
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_undo_reopen (AdwToast         *toast,
                EscalePersonView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "person-id"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = escale_store_close_person (self->store, id, g_object_get_data (G_OBJECT (toast), "date"),
                                  g_object_get_data (G_OBJECT (toast), "reason"), &error);
  undone (self, ok, error);
}

static void
on_undo_close (AdwToast         *toast,
               EscalePersonView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "person-id"));
  g_autoptr(GError) error = NULL;

  undone (self, escale_store_reopen_person (self->store, id, &error), error);
}

static void
on_reopen_clicked_cb (EscalePersonView *self)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!escale_store_reopen_person (self->store, escale_person_get_id (self->person), &error))
    {
      escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  toast = adw_toast_new (_("File reopened"));
  g_object_set_data_full (G_OBJECT (toast), "date",
                          g_strdup (field (self, ESCALE_FIELD_CLOSED_ON)), g_free);
  g_object_set_data_full (G_OBJECT (toast), "reason",
                          g_strdup (field (self, ESCALE_FIELD_CLOSE_REASON)), g_free);
  offer_undo (self, toast, G_CALLBACK (on_undo_reopen));
  g_signal_emit (self, signals[CHANGED], 0);
}

typedef struct
{
  EscalePersonView *self;
  GtkEditable      *date;
  GtkEditable      *reason;
  GtkLabel         *error;
} CloseDialog;

static void
on_close_fields_changed (AdwMessageDialog *dialog)
{
  CloseDialog *data = g_object_get_data (G_OBJECT (dialog), "close-dialog");
  g_autoptr(GError) error = NULL;
  g_autofree char *date = escale_date_parse (gtk_editable_get_text (data->date), NULL, &error);
  g_autofree char *today = escale_date_today ();
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (data->reason)));
  gboolean has_reason = *reason != '\0';
  const char *message = NULL;

  if (error != NULL)
    message = error->message;
  else if (strcmp (date, today) > 0)
    message = _("This date is in the future");
  gtk_label_set_label (data->error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (data->error), message != NULL);
  adw_message_dialog_set_response_enabled (dialog, "close", message == NULL && has_reason);
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response)
{
  CloseDialog *data = g_object_get_data (G_OBJECT (dialog), "close-dialog");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "close"))
    return;
  if (!escale_person_view_close_file (data->self, gtk_editable_get_text (data->date),
                                      gtk_editable_get_text (data->reason), &error))
    escale_add_toast (GTK_WIDGET (data->self), adw_toast_new (error->message));
}

static GtkWidget *
new_labelled_entry (const char *label,
                    const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return entry;
}

static void
on_close_clicked_cb (EscalePersonView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CloseDialog *data = g_new0 (CloseDialog, 1);
  g_autofree char *today = escale_date_today ();
  g_autofree char *today_text = escale_format_date (today);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Close This File?"),
                                   _("A closed file stays in the database and can be found and "
                                     "reopened later."));
  data->self = self;
  data->date = GTK_EDITABLE (new_labelled_entry (_("Closing date"), today_text));
  data->reason = GTK_EDITABLE (new_labelled_entry (_("Reason, such as “moved to another city”"),
                                                   NULL));
  data->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (data->error), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->date));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->error));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->reason));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("C_lose File"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_entry_set_activates_default (GTK_ENTRY (data->date), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (data->reason), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "close-dialog", data, g_free);
  g_signal_connect_swapped (data->date, "changed", G_CALLBACK (on_close_fields_changed), dialog);
  g_signal_connect_swapped (data->reason, "changed", G_CALLBACK (on_close_fields_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), NULL);
  on_close_fields_changed (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->reason));
}

static void
add_action_activated (GtkWidget                *widget,
                      G_GNUC_UNUSED const char *action_name,
                      G_GNUC_UNUSED GVariant   *parameter)
{
  EscalePersonView *self = ESCALE_PERSON_VIEW (widget);

  if (self->person == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->page_stack, "follow-up");
  escale_timeline_view_add_action (self->timeline_view);
}

/* The slip printed for the person: @parameter is one planned action, or 0
 * for all of them. */
static void
print_slip_activated (GtkWidget                *widget,
                      G_GNUC_UNUSED const char *action_name,
                      GVariant                 *parameter)
{
  EscalePersonView *self = ESCALE_PERSON_VIEW (widget);

  if (self->person == NULL)
    return;
  escale_person_slip_print (widget, self->store, escale_person_get_id (self->person),
                            g_variant_get_int64 (parameter));
}

static void
print_notice_activated (GtkWidget                *widget,
                        G_GNUC_UNUSED const char *action_name,
                        G_GNUC_UNUSED GVariant   *parameter)
{
  EscalePersonView *self = ESCALE_PERSON_VIEW (widget);

  if (self->person != NULL)
    escale_information_notice_print (widget, self->store, escale_person_get_id (self->person));
}

static void
export_data_activated (GtkWidget                *widget,
                       G_GNUC_UNUSED const char *action_name,
                       G_GNUC_UNUSED GVariant   *parameter)
{
  EscalePersonView *self = ESCALE_PERSON_VIEW (widget);

  if (self->person != NULL)
    escale_person_rights_export (widget, self->store, self->person);
}

static void
on_erased (GtkWidget *widget)
{
  g_signal_emit (widget, signals[CHANGED], 0);
}

static void
erase_activated (GtkWidget                *widget,
                 G_GNUC_UNUSED const char *action_name,
                 G_GNUC_UNUSED GVariant   *parameter)
{
  EscalePersonView *self = ESCALE_PERSON_VIEW (widget);

  if (self->person != NULL)
    escale_person_rights_ask_erase (widget, self->store, self->person, on_erased);
}

/* The menu offers what the role may do. */
static void
enable_actions_for_role (EscalePersonView *self)
{
  EscaleRole role = escale_store_get_role (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.export-data",
                                 escale_role_allows (role, ESCALE_OP_EXPORT_PERSON));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.erase",
                                 escale_role_allows (role, ESCALE_OP_ERASE));
}

/* Ctrl+Shift+A works wherever the focus is in the window, as long as a
 * file shows: the window handles managed shortcuts of mapped widgets. */
static void
add_shortcuts (EscalePersonView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string ("<Control><Shift>a");

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("person.add-action")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
escale_person_view_dispose (GObject *object)
{
  EscalePersonView *self = ESCALE_PERSON_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_PERSON_VIEW);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_person_view_parent_class)->dispose (object);
}

static void
escale_person_view_class_init (EscalePersonViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_person_view_dispose;

  g_type_ensure (ESCALE_TYPE_TIMELINE_VIEW);

  signals[OPEN_PERSON] = g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/people/escale-person-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EscalePersonView, avatar);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonView, name_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonView, details_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonView, close_button);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonView, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonView, closed_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonView, sections);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonView, timeline_view);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reopen_clicked_cb);

  gtk_widget_class_install_action (widget_class, "person.add-action", NULL, add_action_activated);
  gtk_widget_class_install_action (widget_class, "person.print-slip", "x", print_slip_activated);
  gtk_widget_class_install_action (widget_class, "person.print-notice", NULL,
                                   print_notice_activated);
  gtk_widget_class_install_action (widget_class, "person.export-data", NULL,
                                   export_data_activated);
  gtk_widget_class_install_action (widget_class, "person.erase", NULL, erase_activated);
}

static void
escale_person_view_init (EscalePersonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_shortcuts (self);
}

void
escale_person_view_set_store (EscalePersonView *self,
                              EscaleStore      *store)
{
  g_return_if_fail (ESCALE_IS_PERSON_VIEW (self));
  g_set_object (&self->store, store);
  enable_actions_for_role (self);
}

void
escale_person_view_set_person (EscalePersonView *self,
                               EscalePerson     *person)
{
  g_return_if_fail (ESCALE_IS_PERSON_VIEW (self));
  g_set_object (&self->person, person);
  rebuild (self);
  escale_timeline_view_set_person (self->timeline_view, self->store,
                                   person ? escale_person_get_id (person) : 0);
}

EscalePerson *
escale_person_view_get_person (EscalePersonView *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_VIEW (self), NULL);
  return self->person;
}

/**
 * escale_person_view_get_timeline_view:
 *
 * Returns: (transfer none): the follow-up timeline of the file
 */
GtkWidget *
escale_person_view_get_timeline_view (EscalePersonView *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_VIEW (self), NULL);
  return GTK_WIDGET (self->timeline_view);
}

/**
 * escale_person_view_close_file:
 * @date_text: the closing date as typed
 *
 * Closes the file shown, with a toast to undo it.
 */
gboolean
escale_person_view_close_file (EscalePersonView  *self,
                               const char        *date_text,
                               const char        *reason,
                               GError           **error)
{
  g_autofree char *date = NULL;
  AdwToast *toast;

  g_return_val_if_fail (ESCALE_IS_PERSON_VIEW (self), FALSE);
  g_return_val_if_fail (self->person != NULL, FALSE);

  if (!(date = escale_date_parse (date_text, NULL, error)) ||
      !escale_store_close_person (self->store, escale_person_get_id (self->person), date,
                                  reason, error))
    return FALSE;
  toast = adw_toast_new (_("File closed"));
  offer_undo (self, toast, G_CALLBACK (on_undo_close));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * escale_person_view_dismiss_undo:
 *
 * Withdraws the undo last offered: once a file changed again, undoing an
 * older change would overwrite the newer one.
 */
void
escale_person_view_dismiss_undo (EscalePersonView *self)
{
  g_return_if_fail (ESCALE_IS_PERSON_VIEW (self));

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_weak_pointer (&self->undo_toast);
}
