/* escale-consent-records.c — a person's consent records, in their file
 *
 * Consent is a dated record (escale-rights.h): a new one is added when the
 * person agrees again or to something else, and a record is withdrawn,
 * never changed. The consent written in the file itself by earlier
 * versions of Escale is shown too, while no record exists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-consent-records.h"
#include "escale-date.h"
#include "escale-iso.h"
#include "escale-language.h"
#include "escale-rights.h"
#include "escale-slip.h"
#include "escale-ui-util.h"

#define CONSENT_ID_KEY "escale-consent-id"

struct _EscaleConsentRecords
{
  AdwPreferencesGroup  parent_instance;

  EscaleStore         *store;
  EscalePerson        *person;
  GPtrArray           *consents;  /* EscaleConsent, as listed */
  GPtrArray           *rows;
  GtkWidget           *add_button;
};

G_DEFINE_FINAL_TYPE (EscaleConsentRecords, escale_consent_records, ADW_TYPE_PREFERENCES_GROUP)

/* What a form works on. */
typedef struct
{
  EscaleConsentRecords *section;
  EscaleConsent        *consent;  /* the record withdrawn, or NULL */
} FormData;

static void
form_data_free (FormData *data)
{
  g_object_unref (data->section);
  g_clear_pointer (&data->consent, escale_consent_free);
  g_free (data);
}

/* Helpers */

static gint64
person_id (EscaleConsentRecords *self)
{
  return escale_person_get_id (self->person);
}

static gboolean
may_write (EscaleConsentRecords *self)
{
  return escale_role_allows (escale_store_get_role (self->store), ESCALE_OP_WRITE_ACTION);
}

static const EscaleConsent *
find_consent (EscaleConsentRecords *self,
              gint64                id)
{
  for (guint i = 0; self->consents != NULL && i < self->consents->len; i++)
    {
      const EscaleConsent *consent = g_ptr_array_index (self->consents, i);

      if (consent->id == id)
        return consent;
    }
  return NULL;
}

/* “Follow-up · Sharing with partners”. */
static char *
describe_scope (const EscaleConsent *consent)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (consent->follow_up)
    /* Translators: what a person consented to: the follow-up by the association */
    g_ptr_array_add (parts, (gpointer) C_("consent", "Follow-up"));
  if (consent->sharing)
    g_ptr_array_add (parts, (gpointer) C_("consent", "Sharing with partners"));
  if (consent->phone_contact)
    g_ptr_array_add (parts, (gpointer) C_("consent", "Contact by phone"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (GStrv) parts->pdata);
}

static char *
describe_informed (const EscaleConsent *consent)
{
  const char *language = consent->language ? escale_iso_language_name (consent->language) : NULL;
  g_autofree char *how = consent->informed_how ? escale_isolate (consent->informed_how) : NULL;

  if (how != NULL && language != NULL)
    /* Translators: how a person was informed, and in which language:
     * "Informed orally with an interpreter, in Dari" */
    return g_strdup_printf (_("Informed: %s, in %s"), how, language);
  if (how != NULL)
    return g_strdup_printf (_("Informed: %s"), how);
  if (language != NULL)
    /* Translators: %s is a language */
    return g_strdup_printf (_("Informed in %s"), language);
  return NULL;
}

static char *
describe_consent (const EscaleConsent *consent)
{
  g_autofree char *scope = describe_scope (consent);
  g_autofree char *informed = describe_informed (consent);
  g_autofree char *withdrawn = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  g_ptr_array_add (lines, scope);
  if (informed != NULL)
    g_ptr_array_add (lines, informed);
  if (consent->withdrawn_on != NULL)
    {
      g_autofree char *day = escale_format_date (consent->withdrawn_on);

      /* Translators: %s is the day a consent was withdrawn */
      withdrawn = g_strdup_printf (_("Withdrawn on %s"), day);
      g_ptr_array_add (lines, withdrawn);
    }
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (GStrv) lines->pdata);
}

static GtkWidget *
new_row (EscaleConsentRecords *self,
         const EscaleConsent  *consent)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = escale_format_date (consent->given_on);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe_consent (consent);

  /* Translators: the title of a consent record; %s is a day */
  title = g_strdup_printf (_("Given on %s"), day);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (consent->withdrawn_on != NULL)
    gtk_widget_add_css_class (row, "dim-label");
  else if (may_write (self))
    {
      GtkWidget *withdraw = gtk_button_new_with_mnemonic (_("_Withdraw…"));

      gtk_widget_set_valign (withdraw, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (withdraw, _("Record that the person withdrew this consent"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (withdraw), "consent.withdraw");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (withdraw), "x", consent->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), withdraw);
    }
  g_object_set_data_full (G_OBJECT (row), CONSENT_ID_KEY,
                          g_memdup2 (&consent->id, sizeof (gint64)), g_free);
  return row;
}

/* The consent written in the file by earlier versions, or “none”. */
static GtkWidget *
new_file_consent_row (EscaleConsentRecords *self)
{
  const char *given = escale_person_get (self->person, ESCALE_FIELD_CONSENT_DATE);
  const char *scope = escale_person_get (self->person, ESCALE_FIELD_CONSENT_SCOPE);
  const char *informed = escale_person_get (self->person, ESCALE_FIELD_CONSENT_INFORMED);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (given == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No consent recorded"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Record when and how the person agreed to this file"));
      gtk_widget_add_css_class (row, "dim-label");
      return row;
    }
  day = escale_format_date (given);
  title = g_strdup_printf (_("Given on %s"), day);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (scope != NULL)
    g_ptr_array_add (lines, (gpointer) scope);
  if (informed != NULL)
    g_ptr_array_add (lines, (gpointer) informed);
  g_ptr_array_add (lines, NULL);
  subtitle = g_strjoinv ("\n", (GStrv) lines->pdata);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
add_shown_row (EscaleConsentRecords *self,
               GtkWidget            *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (EscaleConsentRecords *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static EscaleFormDialog *
new_dialog (EscaleConsentRecords *self,
            const char           *title,
            const char           *accept_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return escale_form_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title,
                                 accept_label);
}

static char *
today_text (void)
{
  g_autofree char *today = escale_date_today ();

  return escale_format_date (today);
}

static gboolean
switch_active (EscaleFormDialog *dialog,
               guint             field)
{
  return gtk_switch_get_active (GTK_SWITCH (escale_form_dialog_get_field (dialog, field)));
}

/* The form's row for a problem escale_consent_check() finds. */
static guint
form_field (EscaleConsentField field)
{
  switch (field)
    {
    case ESCALE_CONSENT_FIELD_SCOPE:
      return ESCALE_CONSENT_RECORD_FOLLOW_UP;
    case ESCALE_CONSENT_FIELD_LANGUAGE:
      return ESCALE_CONSENT_RECORD_LANGUAGE;
    case ESCALE_CONSENT_FIELD_WITHDRAWN_ON:
      return ESCALE_CONSENT_RECORD_WITHDRAWN_ON;
    case ESCALE_CONSENT_FIELD_GIVEN_ON:
    case ESCALE_CONSENT_FIELD_NONE:
    default:
      return ESCALE_CONSENT_RECORD_GIVEN_ON;
    }
}

/* Checks and saves @consent; a problem is shown at its row. */
static gboolean
save_consent (EscaleFormDialog *dialog,
              FormData         *data,
              EscaleConsent    *consent)
{
  g_autoptr(GError) error = NULL;
  EscaleConsentField field = escale_consent_check (consent, &error);

  if (field == ESCALE_CONSENT_FIELD_NONE &&
      escale_store_save_consent (data->section->store, consent, &error))
    {
      escale_consent_records_reload (data->section);
      return TRUE;
    }
  escale_form_dialog_set_error (dialog, form_field (field), error->message);
  return FALSE;
}

/* Forms */

static gboolean
accept_add (EscaleFormDialog *dialog,
            gpointer          user_data)
{
  FormData *data = user_data;
  GtkDropDown *language = GTK_DROP_DOWN (escale_form_dialog_get_field (
    dialog, ESCALE_CONSENT_RECORD_LANGUAGE));
  g_autoptr(EscaleConsent) consent = NULL;
  g_autofree char *given = NULL;
  g_autofree char *informed = NULL;

  if (!escale_form_dialog_get_date (dialog, ESCALE_CONSENT_RECORD_GIVEN_ON, &given))
    return FALSE;
  consent = escale_consent_new (person_id (data->section), given);
  consent->follow_up = switch_active (dialog, ESCALE_CONSENT_RECORD_FOLLOW_UP);
  consent->sharing = switch_active (dialog, ESCALE_CONSENT_RECORD_SHARING);
  consent->phone_contact = switch_active (dialog, ESCALE_CONSENT_RECORD_PHONE);
  informed = g_strstrip (g_strdup (escale_form_dialog_get_text (
    dialog, ESCALE_CONSENT_RECORD_INFORMED_HOW)));
  consent->informed_how = *informed ? g_steal_pointer (&informed) : NULL;
  consent->language = g_strdup (escale_code_dropdown_get_code (language));
  return save_consent (dialog, data, consent);
}

static gboolean
accept_withdraw (EscaleFormDialog *dialog,
                 gpointer          user_data)
{
  FormData *data = user_data;
  char *withdrawn = NULL;

  if (!escale_form_dialog_get_date (dialog, ESCALE_CONSENT_RECORD_WITHDRAWN_ON, &withdrawn))
    return FALSE;
  g_free (data->consent->withdrawn_on);
  data->consent->withdrawn_on = withdrawn;
  if (withdrawn == NULL)
    {
      escale_form_dialog_set_error (dialog, ESCALE_CONSENT_RECORD_WITHDRAWN_ON,
                                    _("Say when the consent was withdrawn"));
      return FALSE;
    }
  return save_consent (dialog, data, data->consent);
}

static FormData *
new_form_data (EscaleConsentRecords *self,
               EscaleConsent        *consent)
{
  FormData *data = g_new0 (FormData, 1);

  data->section = g_object_ref (self);
  data->consent = consent;
  return data;
}

static EscaleConsent *
copy_consent (const EscaleConsent *consent)
{
  EscaleConsent *copy = escale_consent_new (consent->person_id, consent->given_on);

  copy->id = consent->id;
  copy->follow_up = consent->follow_up;
  copy->sharing = consent->sharing;
  copy->phone_contact = consent->phone_contact;
  copy->informed_how = g_strdup (consent->informed_how);
  copy->language = g_strdup (consent->language);
  copy->withdrawn_on = g_strdup (consent->withdrawn_on);
  return copy;
}

/* Actions */

static void
add_action (GtkWidget                *widget,
            G_GNUC_UNUSED const char *action_name,
            G_GNUC_UNUSED GVariant   *parameter)
{
  escale_consent_records_add (ESCALE_CONSENT_RECORDS (widget));
}

static void
withdraw_action (GtkWidget                *widget,
                 G_GNUC_UNUSED const char *action_name,
                 GVariant                 *parameter)
{
  escale_consent_records_withdraw (ESCALE_CONSENT_RECORDS (widget),
                                   g_variant_get_int64 (parameter));
}

/* GObject overrides */

static void
escale_consent_records_dispose (GObject *object)
{
  EscaleConsentRecords *self = ESCALE_CONSENT_RECORDS (object);

  g_clear_pointer (&self->consents, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_consent_records_parent_class)->dispose (object);
}

static void
escale_consent_records_class_init (EscaleConsentRecordsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_consent_records_dispose;
  gtk_widget_class_install_action (widget_class, "consent.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "consent.withdraw", "x", withdraw_action);
}

static void
escale_consent_records_init (EscaleConsentRecords *self)
{
  self->rows = g_ptr_array_new ();
  self->add_button = gtk_button_new_with_mnemonic (_("_Add Consent…"));
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->add_button,
                               _("Record what the person agrees to, and how they were informed"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "consent.add");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Consent"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);
}

/* Public API */

GtkWidget *
escale_consent_records_new (EscaleStore  *store,
                            EscalePerson *person)
{
  EscaleConsentRecords *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (ESCALE_IS_PERSON (person), NULL);

  self = g_object_new (ESCALE_TYPE_CONSENT_RECORDS, NULL);
  self->store = g_object_ref (store);
  self->person = g_object_ref (person);
  gtk_widget_set_visible (self->add_button, may_write (self));
  escale_consent_records_reload (self);
  return GTK_WIDGET (self);
}

void
escale_consent_records_reload (EscaleConsentRecords *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ESCALE_IS_CONSENT_RECORDS (self));

  clear_rows (self);
  g_clear_pointer (&self->consents, g_ptr_array_unref);
  self->consents = escale_store_list_consents (self->store, person_id (self), &error);
  if (self->consents == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      return;
    }
  for (guint i = 0; i < self->consents->len; i++)
    add_shown_row (self, new_row (self, g_ptr_array_index (self->consents, i)));
  if (self->consents->len == 0)
    add_shown_row (self, new_file_consent_row (self));
}

guint
escale_consent_records_get_n_records (EscaleConsentRecords *self)
{
  g_return_val_if_fail (ESCALE_IS_CONSENT_RECORDS (self), 0);
  return self->consents ? self->consents->len : 0;
}

GtkWidget *
escale_consent_records_get_row (EscaleConsentRecords *self,
                                gint64                consent_id)
{
  g_return_val_if_fail (ESCALE_IS_CONSENT_RECORDS (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      gint64 *id = g_object_get_data (g_ptr_array_index (self->rows, i), CONSENT_ID_KEY);

      if (id != NULL && *id == consent_id)
        return g_ptr_array_index (self->rows, i);
    }
  return NULL;
}

/**
 * escale_consent_records_add:
 *
 * Returns: (transfer none): the form, presented
 */
EscaleFormDialog *
escale_consent_records_add (EscaleConsentRecords *self)
{
  g_autofree char *today = today_text ();
  g_autofree char *language = NULL;
  EscaleFormDialog *dialog;
  GtkDropDown *languages;
  GtkWidget *row;

  g_return_val_if_fail (ESCALE_IS_CONSENT_RECORDS (self), NULL);

  dialog = new_dialog (self, _("New Consent"), _("_Add"));
  row = escale_form_dialog_add_entry (dialog, ESCALE_CONSENT_RECORD_GIVEN_ON, _("Given on"),
                                      today);
  gtk_widget_set_tooltip_text (row, _("DD/MM/YYYY"));
  escale_form_dialog_add_group (dialog, _("The Person Agrees To"), NULL);
  escale_form_dialog_add_switch (dialog, ESCALE_CONSENT_RECORD_FOLLOW_UP,
                                 C_("consent", "Follow-up"),
                                 _("A file kept by the association about them"), TRUE);
  escale_form_dialog_add_switch (dialog, ESCALE_CONSENT_RECORD_SHARING,
                                 C_("consent", "Sharing with partners"),
                                 _("What a referral needs, given to the partner"), FALSE);
  escale_form_dialog_add_switch (dialog, ESCALE_CONSENT_RECORD_PHONE,
                                 C_("consent", "Contact by phone"), NULL, FALSE);
  escale_form_dialog_add_group (dialog, _("Information"), NULL);
  escale_form_dialog_add_entry (dialog, ESCALE_CONSENT_RECORD_INFORMED_HOW,
                                _("How the person was informed"), NULL);
  languages = escale_form_dialog_add_dropdown (dialog, ESCALE_CONSENT_RECORD_LANGUAGE,
                                               _("In which language"));
  escale_code_dropdown_setup_languages (languages, _("Not recorded"));
  language = escale_slip_language (self->store, person_id (self));
  escale_code_dropdown_set_code (languages, language);
  escale_form_dialog_set_accept_func (dialog, accept_add, new_form_data (self, NULL),
                                      (GDestroyNotify) form_data_free);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * escale_consent_records_withdraw:
 *
 * Returns: (transfer none) (nullable): the form, presented
 */
EscaleFormDialog *
escale_consent_records_withdraw (EscaleConsentRecords *self,
                                 gint64                consent_id)
{
  const EscaleConsent *consent;
  g_autofree char *today = today_text ();
  EscaleFormDialog *dialog;
  GtkWidget *row;

  g_return_val_if_fail (ESCALE_IS_CONSENT_RECORDS (self), NULL);

  consent = find_consent (self, consent_id);
  if (consent == NULL || consent->withdrawn_on != NULL)
    return NULL;
  dialog = new_dialog (self, _("Withdraw the Consent"), _("_Withdraw"));
  row = escale_form_dialog_add_entry (dialog, ESCALE_CONSENT_RECORD_WITHDRAWN_ON,
                                      _("Withdrawn on"), today);
  gtk_widget_set_tooltip_text (row, _("DD/MM/YYYY"));
  escale_form_dialog_set_accept_func (dialog, accept_withdraw,
                                      new_form_data (self, copy_consent (consent)),
                                      (GDestroyNotify) form_data_free);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
