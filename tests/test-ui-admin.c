/* test-ui-admin.c — administration and the person's rights, driven through the widgets
 *
 * On databases with accounts, logged in as an administrator: the Accounts
 * page adds an account (with its errors at the fields), resets a password
 * and deactivates an account, read back from the database; the Privacy
 * page saves the retention periods, reviews and anonymises an old file,
 * and prints the register entry; the audit window lists, filters, exports
 * and checks the log, and finds an entry changed behind its back; the
 * person's file records and withdraws consent, prints the information
 * notice, exports the data and erases the person. A volunteer's window
 * has no Reports page nor audit log nor erasure; a treasurer's shows the
 * Reports page alone. Screenshots of the accounts page, the audit window
 * and the consent section go to the build folder (admin-*.png).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "escale-account-form.h"
#include "escale-account.h"
#include "escale-accounts-page.h"
#include "escale-action-dialog.h"
#include "escale-action-store.h"
#include "escale-audit-item.h"
#include "escale-audit-window.h"
#include "escale-audit.h"
#include "escale-consent-records.h"
#include "escale-information-notice.h"
#include "escale-people-page.h"
#include "escale-person-rights.h"
#include "escale-person-store.h"
#include "escale-person-view.h"
#include "escale-preferences-window.h"
#include "escale-privacy-page.h"
#include "escale-privacy.h"
#include "escale-reason-dialog.h"
#include "escale-register-print.h"
#include "escale-report-settings.h"
#include "escale-retention-dialog.h"
#include "escale-rights.h"
#include "escale-slip-fixture.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-ui-util.h"
#include "escale-window.h"

#define spin escale_test_spin

#define ADMIN_PASSWORD     "admin password 1"
#define VOLUNTEER_PASSWORD "volunteer password"

typedef struct
{
  EscaleStore *store;
  gint64       admin;
} Fixture;

/* A database whose first account is an administrator, logged in. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  fixture->store = escale_test_store_new ();
  fixture->admin = escale_store_create_account (fixture->store, "admin", "Claire Martin",
                                                ESCALE_ROLE_ADMINISTRATOR, ADMIN_PASSWORD,
                                                &error);
  g_assert_no_error (error);
  g_assert_true (escale_store_login (fixture->store, "admin", ADMIN_PASSWORD, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&fixture->store);
}

/* Helpers */

static EscaleAccount *
find_account (EscaleStore *store,
              const char  *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = escale_store_list_accounts (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < accounts->len; i++)
    {
      EscaleAccount *account = g_ptr_array_index (accounts, i);

      if (g_str_equal (account->login, login))
        return g_ptr_array_steal_index (accounts, i);
    }
  return NULL;
}

/* Creates an account of @role and logs into it, instead of the administrator. */
static void
log_in_as (Fixture    *fixture,
           const char *login,
           EscaleRole  role)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (escale_store_create_account (fixture->store, login, NULL, role,
                                                VOLUNTEER_PASSWORD, &error), >, 0);
  g_assert_no_error (error);
  escale_store_logout (fixture->store);
  g_assert_true (escale_store_login (fixture->store, login, VOLUNTEER_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_store_get_role (fixture->store), ==, role);
}

static void
type_into (EscaleFormDialog *dialog,
           guint             field,
           const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (escale_form_dialog_get_field (dialog, field)), text);
}

static void
destroy_toplevels (GType type)
{
  GtkWidget *window;

  while ((window = escale_test_find_toplevel (type)) != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static gboolean
page_named (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (widget)), data) == 0;
}

static GtkWidget *
open_person (EscaleWindow *window,
             gint64        person_id)
{
  EscalePeoplePage *people = ESCALE_PEOPLE_PAGE (escale_window_get_people_page (window));
  GtkWidget *view;

  escale_people_page_open_person (people, person_id);
  spin ();
  view = escale_test_find_widget (window, ESCALE_TYPE_PERSON_VIEW, NULL, NULL);
  g_assert_nonnull (view);
  return view;
}

static gboolean
page_visible (GtkWidget *page)
{
  GtkWidget *stack = gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK);

  return adw_view_stack_page_get_visible (adw_view_stack_get_page (ADW_VIEW_STACK (stack), page));
}

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* Accounts */

static void
test_accounts (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  EscalePreferencesWindow *window = escale_preferences_window_new (NULL, fixture->store);
  g_autoptr(EscaleAccount) amina = NULL;
  g_autoptr(EscaleAccount) after = NULL;
  g_autoptr(EscaleStore) other = NULL;
  g_autoptr(GError) error = NULL;
  EscaleAccountsPage *page;
  EscaleFormDialog *form;
  AdwMessageDialog *question;
  GtkWidget *entry;

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 560);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  page = ESCALE_ACCOUNTS_PAGE (escale_test_find_widget (window, ESCALE_TYPE_ACCOUNTS_PAGE, NULL,
                                                        NULL));
  g_assert_nonnull (page);
  g_assert_nonnull (escale_test_find_widget (window, ESCALE_TYPE_PRIVACY_PAGE, NULL, NULL));
  g_assert_nonnull (escale_accounts_page_get_row (page, fixture->admin));

  /* A new account: the errors at their fields, then saved. */
  form = escale_accounts_page_add (page);
  g_assert_nonnull (form);
  type_into (form, ESCALE_ACCOUNT_FIELD_LOGIN, "admin");
  type_into (form, ESCALE_ACCOUNT_FIELD_NAME, "Amina Haddad");
  adw_combo_row_set_selected (ADW_COMBO_ROW (escale_form_dialog_get_field (
    form, ESCALE_ACCOUNT_FIELD_ROLE)), escale_account_form_role_position (ESCALE_ROLE_VOLUNTEER));
  type_into (form, ESCALE_ACCOUNT_FIELD_PASSWORD, "short");
  type_into (form, ESCALE_ACCOUNT_FIELD_REPEAT, "short");
  g_assert_false (escale_form_dialog_accept (form));
  g_assert_nonnull (escale_form_dialog_get_error (form, ESCALE_ACCOUNT_FIELD_PASSWORD));
  type_into (form, ESCALE_ACCOUNT_FIELD_PASSWORD, VOLUNTEER_PASSWORD);
  type_into (form, ESCALE_ACCOUNT_FIELD_REPEAT, "something else");
  g_assert_false (escale_form_dialog_accept (form));
  g_assert_nonnull (escale_form_dialog_get_error (form, ESCALE_ACCOUNT_FIELD_REPEAT));
  type_into (form, ESCALE_ACCOUNT_FIELD_REPEAT, VOLUNTEER_PASSWORD);
  /* The login is taken: said at the login. */
  g_assert_false (escale_form_dialog_accept (form));
  g_assert_nonnull (strstr (escale_form_dialog_get_error (form, ESCALE_ACCOUNT_FIELD_LOGIN),
                            "admin"));
  type_into (form, ESCALE_ACCOUNT_FIELD_LOGIN, "amina");
  g_assert_true (escale_form_dialog_accept (form));
  spin ();
  amina = find_account (fixture->store, "amina");
  g_assert_nonnull (amina);
  g_assert_cmpstr (amina->name, ==, "Amina Haddad");
  g_assert_cmpint (amina->role, ==, ESCALE_ROLE_VOLUNTEER);
  g_assert_true (amina->active);
  g_assert_nonnull (escale_accounts_page_get_row (page, amina->id));
  g_assert_nonnull (escale_test_find_row (page, "Amina Haddad"));

  /* Her role changed through the form. */
  form = escale_accounts_page_edit (page, amina->id);
  g_assert_nonnull (form);
  adw_combo_row_set_selected (ADW_COMBO_ROW (escale_form_dialog_get_field (
    form, ESCALE_ACCOUNT_FIELD_ROLE)), escale_account_form_role_position (ESCALE_ROLE_STAFF));
  g_assert_true (escale_form_dialog_accept (form));
  spin ();
  after = find_account (fixture->store, "amina");
  g_assert_cmpint (after->role, ==, ESCALE_ROLE_STAFF);
  g_clear_pointer (&after, escale_account_free);

  /* Her password reset: too short a one is not offered. */
  question = escale_accounts_page_reset_password (page, amina->id);
  g_assert_nonnull (question);
  entry = escale_test_find_widget (question, GTK_TYPE_PASSWORD_ENTRY, NULL, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "short");
  g_assert_false (adw_message_dialog_get_response_enabled (question, "reset"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "a brand new password");
  g_assert_true (adw_message_dialog_get_response_enabled (question, "reset"));
  adw_message_dialog_response (question, "reset");
  spin ();
  after = find_account (fixture->store, "amina");
  g_assert_true (after->must_change_password);
  g_clear_pointer (&after, escale_account_free);
  /* The new password opens her account, the old one no longer does. */
  other = escale_store_open (escale_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  g_assert_false (escale_store_login (other, "amina", VOLUNTEER_PASSWORD, NULL));
  g_assert_true (escale_store_login (other, "amina", "a brand new password", &error));
  g_assert_no_error (error);

  /* Deactivated after the question. */
  question = escale_accounts_page_deactivate (page, amina->id);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "deactivate");
  spin ();
  after = find_account (fixture->store, "amina");
  g_assert_false (after->active);
  g_clear_pointer (&after, escale_account_free);
  g_assert_true (escale_accounts_page_reactivate (page, amina->id, &error));
  g_assert_no_error (error);
  after = find_account (fixture->store, "amina");
  g_assert_true (after->active);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "accounts");
  escale_test_wait_for_size (GTK_WIDGET (window));
  spin ();
  escale_test_save_screenshot (GTK_WIDGET (window), "admin-accounts.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Staff see no accounts nor privacy page, and no vocabularies. */
static void
test_preferences_for_staff (Fixture       *fixture,
                            gconstpointer  data G_GNUC_UNUSED)
{
  EscalePreferencesWindow *window;
  GtkWidget *vocabularies;

  log_in_as (fixture, "worker", ESCALE_ROLE_STAFF);
  window = escale_preferences_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_null (escale_test_find_widget (window, ESCALE_TYPE_ACCOUNTS_PAGE, NULL, NULL));
  g_assert_null (escale_test_find_widget (window, ESCALE_TYPE_PRIVACY_PAGE, NULL, NULL));
  vocabularies = escale_test_find_widget (window, ADW_TYPE_PREFERENCES_PAGE, page_named,
                                          "vocabularies");
  g_assert_nonnull (vocabularies);
  g_assert_false (gtk_widget_get_visible (vocabularies));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Privacy */

static void
test_privacy (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  EscalePreferencesWindow *window = escale_preferences_window_new (NULL, fixture->store);
  gint64 old = escale_test_add_old_person (fixture->store, "OUBLIE", "Karim");
  gint64 recent = escale_test_add_person (fixture->store, "RECENT", "Lina", NULL);
  g_autoptr(EscalePerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  EscalePrivacyPage *page;
  EscaleRetentionDialog *review;
  EscaleReasonDialog *question;

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  page = ESCALE_PRIVACY_PAGE (escale_test_find_widget (window, ESCALE_TYPE_PRIVACY_PAGE, NULL,
                                                       NULL));
  g_assert_nonnull (page);
  escale_privacy_page_refresh (page);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "privacy");
  escale_test_wait_for_size (GTK_WIDGET (page));
  escale_test_save_screenshot (GTK_WIDGET (window), "admin-privacy.png");

  /* The periods are database settings. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (escale_privacy_page_get_widget (
    page, ESCALE_PRIVACY_AUDIT_RETENTION)), 6);
  value = escale_store_get_setting (fixture->store, ESCALE_SETTING_AUDIT_RETENTION);
  g_assert_cmpstr (value, ==, "6");
  g_assert_cmpuint (escale_store_get_audit_retention (fixture->store), ==, 6);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (escale_privacy_page_get_widget (
    page, ESCALE_PRIVACY_FILE_RETENTION)), 36);
  g_assert_cmpuint (escale_store_get_retention_months (fixture->store), ==, 36);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
    escale_privacy_page_get_widget (page, ESCALE_PRIVACY_REVIEW_ROW))), "1 file"));

  /* The review lists the old file only; it is anonymised with a reason. */
  review = escale_privacy_page_review (page);
  spin ();
  escale_test_wait_for_size (GTK_WIDGET (review));
  escale_test_save_screenshot (GTK_WIDGET (review), "admin-review.png");
  g_assert_cmpuint (escale_retention_dialog_get_total (review), ==, 1);
  g_assert_nonnull (escale_retention_dialog_get_row (review, old));
  g_assert_null (escale_retention_dialog_get_row (review, recent));
  g_assert_null (escale_retention_dialog_anonymise (review));
  escale_retention_dialog_select (review, old, TRUE);
  question = escale_retention_dialog_anonymise (review);
  g_assert_nonnull (question);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (question),
                                                           ESCALE_REASON_DIALOG_CONFIRM));
  gtk_editable_set_text (escale_reason_dialog_get_reason_entry (question), "no contact since 2020");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (question),
                                                          ESCALE_REASON_DIALOG_CONFIRM));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), ESCALE_REASON_DIALOG_CONFIRM);
  spin ();
  g_assert_cmpuint (escale_retention_dialog_get_total (review), ==, 0);
  person = escale_store_load_person (fixture->store, old, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES), !=, "Karim");
  gtk_window_destroy (GTK_WINDOW (review));
  spin ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
    escale_privacy_page_get_widget (page, ESCALE_PRIVACY_REVIEW_ROW))), "Every file"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_register (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_new ();
  g_autofree char *path = escale_test_tmp_path ("register.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  settings->association = g_strdup ("Association Escale Lyon");
  g_assert_true (escale_report_settings_save (fixture->store, settings, &error));
  g_assert_true (escale_store_set_setting (fixture->store, ESCALE_SETTING_ASSOCIATION_ADDRESS,
                                           "12 rue de la Paix\n69001 Lyon", &error));
  g_assert_true (escale_register_export_pdf (fixture->store, path, &error));
  g_assert_no_error (error);
  text = escale_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Record of Processing Activities"));
  g_assert_nonnull (strstr (text, "Association Escale Lyon"));
  g_assert_nonnull (strstr (text, "69001 Lyon"));
  /* The sensitive categories of the schema, the periods, the accounts. */
  g_assert_nonnull (strstr (text, "Health"));
  g_assert_nonnull (strstr (text, "origin"));
  g_assert_nonnull (strstr (text, "24 months"));
  g_assert_nonnull (strstr (text, "1 administrator"));
  g_assert_nonnull (strstr (text, "not encrypted"));
}

/* The audit log */

static gboolean
all_entries (GListModel *entries,
             const char *operation,
             const char *entity)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(EscaleAuditItem) item = g_list_model_get_item (entries, i);
      const EscaleAuditEntry *entry = escale_audit_item_get_entry (item);

      if ((operation && g_strcmp0 (entry->operation, operation) != 0) ||
          (entity && g_strcmp0 (entry->entity, entity) != 0))
        return FALSE;
    }
  return TRUE;
}

/* Changes an entry behind the store's back, on a connection of its own. */
static void
tamper (EscaleStore *store)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (escale_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit_log SET summary = 'nothing' "
                                 "WHERE id = (SELECT min (id) FROM audit_log)", NULL, NULL,
                                 &message), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = escale_test_tmp_path ("audit.csv");
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  EscaleAuditWindow *window;
  GListModel *entries;
  AdwMessageDialog *result;
  guint all;

  escale_test_add_person (fixture->store, "HADDAD", "Amina", "1990-03-14");
  escale_test_add_person (fixture->store, "KOVALENKO", "Olena", NULL);
  window = escale_audit_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  entries = escale_audit_window_get_entries (window);
  all = g_list_model_get_n_items (entries);
  g_assert_cmpuint (all, >=, 3);

  /* Filtered by operation, then kind of record. */
  escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_OPERATION)), "login");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  g_assert_true (all_entries (entries, "login", "app_user"));
  escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_OPERATION)), "create");
  escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_ENTITY)), "person");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  g_assert_true (all_entries (entries, "create", "person"));
  /* By account: every entry is the administrator's but the system's. */
  escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_LOGIN)), "admin");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  /* A day range: nothing before yesterday, nothing from next year on. */
  gtk_editable_set_text (GTK_EDITABLE (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_TO)), "01/01/2000");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_TO)), "not a day");
  spin ();
  g_assert_true (gtk_widget_has_css_class (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_TO), "error"));
  gtk_editable_set_text (GTK_EDITABLE (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_TO)), "");
  gtk_editable_set_text (GTK_EDITABLE (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_FROM)), "01/01/2000");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);

  /* Exported as CSV: the entries the filters select. */
  g_assert_true (escale_audit_window_export (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "person"));
  g_assert_nonnull (strstr (csv, "create"));
  g_assert_null (strstr (csv, "login_failed"));

  escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_OPERATION)), NULL);
  escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_ENTITY)), NULL);
  escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_audit_window_get_filter (
    window, ESCALE_AUDIT_FILTER_LOGIN)), NULL);
  spin ();
  escale_test_wait_for_size (GTK_WIDGET (window));
  spin ();
  escale_test_save_screenshot (GTK_WIDGET (window), "admin-audit.png");

  /* Checked: intact, then changed behind its back. */
  result = escale_audit_window_verify (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (result), ==, "The Log Is Intact");
  gtk_window_destroy (GTK_WINDOW (result));
  tamper (fixture->store);
  result = escale_audit_window_verify (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (result), ==, "The Log Was Tampered With");
  gtk_window_destroy (GTK_WINDOW (result));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The person's rights */

static void
test_consent (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  gint64 id = escale_test_add_person (fixture->store, "HADDAD", "Amina", "1990-03-14");
  EscaleWindow *window = escale_window_new (NULL, fixture->store);
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(GError) error = NULL;
  EscaleConsentRecords *section;
  EscaleFormDialog *form;
  const EscaleConsent *consent;
  GtkAdjustment *adjustment;
  GtkWidget *view, *stack;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 900);
  gtk_window_present (GTK_WINDOW (window));
  view = open_person (window, id);
  section = ESCALE_CONSENT_RECORDS (escale_test_find_widget (view, ESCALE_TYPE_CONSENT_RECORDS,
                                                             NULL, NULL));
  g_assert_nonnull (section);
  g_assert_cmpuint (escale_consent_records_get_n_records (section), ==, 0);
  g_assert_nonnull (escale_test_find_row (section, "No consent recorded"));

  /* Nothing consented to: said at the first switch. */
  form = escale_consent_records_add (section);
  gtk_switch_set_active (GTK_SWITCH (escale_form_dialog_get_field (
    form, ESCALE_CONSENT_RECORD_FOLLOW_UP)), FALSE);
  g_assert_false (escale_form_dialog_accept (form));
  g_assert_nonnull (escale_form_dialog_get_error (form, ESCALE_CONSENT_RECORD_FOLLOW_UP));
  /* A day in the future: said at the day. */
  gtk_switch_set_active (GTK_SWITCH (escale_form_dialog_get_field (
    form, ESCALE_CONSENT_RECORD_FOLLOW_UP)), TRUE);
  gtk_switch_set_active (GTK_SWITCH (escale_form_dialog_get_field (
    form, ESCALE_CONSENT_RECORD_SHARING)), TRUE);
  type_into (form, ESCALE_CONSENT_RECORD_GIVEN_ON, "01/01/2099");
  g_assert_false (escale_form_dialog_accept (form));
  g_assert_nonnull (escale_form_dialog_get_error (form, ESCALE_CONSENT_RECORD_GIVEN_ON));
  type_into (form, ESCALE_CONSENT_RECORD_GIVEN_ON, "02/03/2025");
  type_into (form, ESCALE_CONSENT_RECORD_INFORMED_HOW, "orally, with an interpreter");
  escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_form_dialog_get_field (
    form, ESCALE_CONSENT_RECORD_LANGUAGE)), "ar");
  g_assert_true (escale_form_dialog_accept (form));
  spin ();

  consents = escale_store_list_consents (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (consents->len, ==, 1);
  consent = g_ptr_array_index (consents, 0);
  g_assert_cmpstr (consent->given_on, ==, "2025-03-02");
  g_assert_true (consent->follow_up);
  g_assert_true (consent->sharing);
  g_assert_false (consent->phone_contact);
  g_assert_cmpstr (consent->informed_how, ==, "orally, with an interpreter");
  g_assert_cmpstr (consent->language, ==, "ar");
  g_assert_null (consent->withdrawn_on);
  g_assert_cmpuint (escale_consent_records_get_n_records (section), ==, 1);
  g_assert_nonnull (escale_test_find_row (section, "Given on 02/03/2025"));

  /* The file's page, scrolled down to the section. */
  stack = gtk_widget_get_ancestor (GTK_WIDGET (section), ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "file");
  escale_test_wait_for_size (GTK_WIDGET (section));
  spin ();
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (GTK_WIDGET (section), GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  spin ();
  escale_test_save_screenshot (GTK_WIDGET (window), "admin-consent.png");

  /* Withdrawn, on a day before it was given: refused; then today. */
  form = escale_consent_records_withdraw (section, consent->id);
  g_assert_nonnull (form);
  type_into (form, ESCALE_CONSENT_RECORD_WITHDRAWN_ON, "01/01/2025");
  g_assert_false (escale_form_dialog_accept (form));
  g_assert_nonnull (escale_form_dialog_get_error (form, ESCALE_CONSENT_RECORD_WITHDRAWN_ON));
  type_into (form, ESCALE_CONSENT_RECORD_WITHDRAWN_ON, "03/03/2025");
  g_assert_true (escale_form_dialog_accept (form));
  spin ();
  g_clear_pointer (&consents, g_ptr_array_unref);
  consents = escale_store_list_consents (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (consents->len, ==, 1);
  consent = g_ptr_array_index (consents, 0);
  g_assert_cmpstr (consent->withdrawn_on, ==, "2025-03-03");
  g_assert_null (escale_consent_records_withdraw (section, consent->id));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_notice_and_export (Fixture       *fixture,
                        gconstpointer  data G_GNUC_UNUSED)
{
  EscaleSlipFixture people;
  g_autofree char *pdf = escale_test_tmp_path ("notice.pdf");
  g_autofree char *json_path = escale_test_tmp_path ("amina.json");
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  escale_slip_fixture_fill (fixture->store, &people);
  g_assert_true (escale_information_notice_export_pdf (fixture->store, people.amina, pdf,
                                                       &error));
  g_assert_no_error (error);
  text = escale_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "HADDAD"));
  g_assert_nonnull (strstr (text, "Association Escale Lyon"));
  g_assert_nonnull (strstr (text, "CNIL"));

  g_assert_true (escale_person_rights_write_json (fixture->store, people.amina, json_path,
                                                  &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "Haddad"));
}

static void
test_erase (Fixture       *fixture,
            gconstpointer  data G_GNUC_UNUSED)
{
  gint64 id = escale_test_add_person (fixture->store, "EFFACE", "Samir", NULL);
  EscaleWindow *window = escale_window_new (NULL, fixture->store);
  EscalePeoplePage *people = ESCALE_PEOPLE_PAGE (escale_window_get_people_page (window));
  g_autoptr(EscalePerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  AdwMessageDialog *question;
  EscaleReasonDialog *reason;
  GtkWidget *view;

  gtk_window_present (GTK_WINDOW (window));
  view = open_person (window, id);
  person = escale_store_load_person (fixture->store, id, &error);
  number = g_strdup (escale_person_get (person, ESCALE_FIELD_FILE_NUMBER));

  g_assert_true (gtk_widget_activate_action (view, "person.erase", NULL));
  spin ();
  question = escale_test_find_message_dialog ();
  g_assert_true (ESCALE_IS_REASON_DIALOG (question));
  reason = ESCALE_REASON_DIALOG (question);
  /* The reason alone is not enough: the file number must be typed. */
  gtk_editable_set_text (escale_reason_dialog_get_reason_entry (reason), "asked by the person");
  g_assert_false (adw_message_dialog_get_response_enabled (question,
                                                           ESCALE_REASON_DIALOG_CONFIRM));
  gtk_editable_set_text (escale_reason_dialog_get_typed_entry (reason), "2000-0001");
  g_assert_false (adw_message_dialog_get_response_enabled (question,
                                                           ESCALE_REASON_DIALOG_CONFIRM));
  gtk_editable_set_text (escale_reason_dialog_get_typed_entry (reason), number);
  g_assert_true (adw_message_dialog_get_response_enabled (question,
                                                          ESCALE_REASON_DIALOG_CONFIRM));
  adw_message_dialog_response (question, ESCALE_REASON_DIALOG_CONFIRM);
  spin ();

  g_clear_object (&person);
  person = escale_store_load_person (fixture->store, id, &error);
  g_assert_null (person);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (escale_store_find_file_number (fixture->store, number), ==, 0);
  g_assert_cmpint (escale_people_page_get_person_id (people), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Confidential notes */

static void
on_saved (G_GNUC_UNUSED EscaleActionDialog *dialog,
          gint64                            action_id,
          G_GNUC_UNUSED gint64              follow_up_id,
          gint64                           *saved)
{
  *saved = action_id;
}

static gboolean
label_reads (GtkWidget     *widget,
             gconstpointer  data)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* The switch beside the notes, found by its label. */
static GtkWidget *
confidential_switch (EscaleActionDialog *dialog)
{
  GtkWidget *label = escale_test_find_widget (dialog, GTK_TYPE_LABEL, label_reads,
                                              "Confidential");

  g_assert_nonnull (label);
  return gtk_label_get_mnemonic_widget (GTK_LABEL (label));
}

static void
test_confidential (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  gint64 person = escale_test_add_person (fixture->store, "HADDAD", "Amina", NULL);
  g_autoptr(EscaleAction) action = NULL;
  g_autoptr(GError) error = NULL;
  EscaleActionDialog *dialog;
  GtkWidget *toggle;
  gint64 saved = 0;

  dialog = escale_action_dialog_new (NULL, fixture->store, person, 0);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  toggle = confidential_switch (dialog);
  g_assert_true (GTK_IS_SWITCH (toggle));
  g_assert_true (gtk_widget_is_visible (toggle));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (escale_action_dialog_save (dialog));
  spin ();
  g_assert_cmpint (saved, >, 0);
  action = escale_store_load_action (fixture->store, saved, &error);
  g_assert_no_error (error);
  g_assert_true (escale_action_get_confidential (action));

  /* Shown again as it was saved. */
  dialog = escale_action_dialog_new (NULL, fixture->store, person, saved);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (confidential_switch (dialog))));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A volunteer, who could not read it back, is not offered it. */
  log_in_as (fixture, "benevole", ESCALE_ROLE_VOLUNTEER);
  dialog = escale_action_dialog_new (NULL, fixture->store, person, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  g_assert_false (gtk_widget_is_visible (confidential_switch (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

/* Roles in the main window */

static void
test_volunteer_window (Fixture       *fixture,
                       gconstpointer  data G_GNUC_UNUSED)
{
  gint64 id = escale_test_add_person (fixture->store, "HADDAD", "Amina", NULL);
  EscaleWindow *window;
  GtkWidget *view, *edit;

  log_in_as (fixture, "benevole", ESCALE_ROLE_VOLUNTEER);
  window = escale_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_true (page_visible (escale_window_get_people_page (window)));
  g_assert_true (page_visible (escale_window_get_agenda_page (window)));
  g_assert_false (page_visible (escale_window_get_reports_page (window)));
  /* No audit log, no erasure, no export: the actions do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.audit-log", NULL);
  spin ();
  g_assert_null (escale_test_find_toplevel (ESCALE_TYPE_AUDIT_WINDOW));
  view = open_person (window, id);
  gtk_widget_activate_action (view, "person.erase", NULL);
  spin ();
  g_assert_null (escale_test_find_message_dialog ());
  /* No Edit either: volunteers do not change files. */
  edit = escale_test_find_widget (view, GTK_TYPE_BUTTON, button_labelled, "_Edit");
  g_assert_nonnull (edit);
  g_assert_false (gtk_widget_get_visible (edit));
  gtk_window_destroy (GTK_WINDOW (window));
  destroy_toplevels (ESCALE_TYPE_AUDIT_WINDOW);
}

static void
test_treasurer_window (Fixture       *fixture,
                       gconstpointer  data G_GNUC_UNUSED)
{
  EscaleWindow *window;
  GtkWidget *stack;

  escale_test_add_person (fixture->store, "HADDAD", "Amina", NULL);
  log_in_as (fixture, "tresorier", ESCALE_ROLE_TREASURER);
  window = escale_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_false (page_visible (escale_window_get_people_page (window)));
  g_assert_false (page_visible (escale_window_get_agenda_page (window)));
  g_assert_false (page_visible (escale_window_get_partners_page (window)));
  g_assert_true (page_visible (escale_window_get_reports_page (window)));
  stack = gtk_widget_get_ancestor (escale_window_get_reports_page (window), ADW_TYPE_VIEW_STACK);
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack)) ==
                 escale_window_get_reports_page (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-people", NULL);
  spin ();
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack)) ==
                 escale_window_get_reports_page (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An administrator's window offers the audit log. */
static void
test_admin_window (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  EscaleWindow *window = escale_window_new (NULL, fixture->store);

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_true (page_visible (escale_window_get_reports_page (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.audit-log", NULL);
  spin ();
  g_assert_nonnull (escale_test_find_toplevel (ESCALE_TYPE_AUDIT_WINDOW));
  destroy_toplevels (ESCALE_TYPE_AUDIT_WINDOW);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int result;

  escale_test_init_gtk (&argc, &argv);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/admin/accounts", test_accounts);
  ADD ("/ui/admin/preferences-for-staff", test_preferences_for_staff);
  ADD ("/ui/admin/privacy", test_privacy);
  ADD ("/ui/admin/register", test_register);
  ADD ("/ui/admin/audit", test_audit);
  ADD ("/ui/admin/consent", test_consent);
  ADD ("/ui/admin/notice-and-export", test_notice_and_export);
  ADD ("/ui/admin/erase", test_erase);
  ADD ("/ui/admin/confidential", test_confidential);
  ADD ("/ui/admin/volunteer-window", test_volunteer_window);
  ADD ("/ui/admin/treasurer-window", test_treasurer_window);
  ADD ("/ui/admin/admin-window", test_admin_window);
#undef ADD
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
