/* test-ui-preferences.c — the preferences window and a person's programmes,
 * driven through their widgets
 *
 * Vocabulary entries renamed, added and hidden through the rows, and an
 * added entry given labels in other languages; a programme added through
 * its form; settings kept in GSettings; the association's report settings
 * kept in the database; a person enrolled, their enrolment ended with a
 * reason, then removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "escale-application.h"
#include "escale-association-page.h"
#include "escale-catalog.h"
#include "escale-enrolments-section.h"
#include "escale-preferences-window.h"
#include "escale-programme-store.h"
#include "escale-report-settings.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-store-private.h"
#include "escale-ui-util.h"
#include "escale-vocab-languages-row.h"
#include "escale-vocab.h"
#include "escale-window.h"

#define spin escale_test_spin

static gboolean
offers (EscaleStore *store,
        const char  *kind,
        const char  *code)
{
  g_auto(GStrv) codes = escale_vocab_list_codes (store, kind);

  return g_strv_contains ((const char * const *) codes, code);
}

static gboolean
group_titled (GtkWidget     *widget,
              gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), data) == 0;
}

static void
type_and_apply (GtkWidget  *row,
                const char *text)
{
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  spin ();
}

static void
type_into (EscaleFormDialog *dialog,
           guint             field,
           const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (escale_form_dialog_get_field (dialog, field)), text);
}

static void
test_vocabularies (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  EscalePreferencesWindow *window = escale_preferences_window_new (NULL, store);
  g_autofree char *label = NULL;
  GtkWidget *row, *shown;

  gtk_window_present (GTK_WINDOW (window));
  spin ();

  /* Renaming a built-in action type. */
  row = escale_preferences_window_get_vocab_row (window, ESCALE_VOCAB_ACTION_TYPE, "interview");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Interview");
  type_and_apply (row, "Individual interview");
  label = escale_vocab_get_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview");
  g_assert_cmpstr (label, ==, "Individual interview");

  /* A clash is refused: the row shows the label in force again. */
  type_and_apply (row, "phone CALL");
  g_clear_pointer (&label, g_free);
  label = escale_vocab_get_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview");
  g_assert_cmpstr (label, ==, "Individual interview");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Individual interview");

  /* Adding a theme: offered at once, and listed with its own row. */
  g_assert_false (offers (store, ESCALE_VOCAB_THEME, "digital_skills"));
  type_and_apply (escale_preferences_window_get_vocab_add_row (window, ESCALE_VOCAB_THEME),
                  "Digital skills");
  g_assert_true (offers (store, ESCALE_VOCAB_THEME, "digital_skills"));
  row = escale_preferences_window_get_vocab_row (window, ESCALE_VOCAB_THEME, "digital_skills");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Digital skills");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    escale_preferences_window_get_vocab_add_row (window, ESCALE_VOCAB_THEME))), ==, "");
  /* The same again is refused: nothing more is added. */
  {
    g_auto(GStrv) before = escale_vocab_list_codes (store, ESCALE_VOCAB_THEME);
    g_auto(GStrv) after = NULL;

    type_and_apply (escale_preferences_window_get_vocab_add_row (window, ESCALE_VOCAB_THEME),
                    "digital SKILLS");
    after = escale_vocab_list_codes (store, ESCALE_VOCAB_THEME);
    g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before));
  }

  /* Hiding an exit reason through its switch, then offering it again. */
  shown = escale_preferences_window_get_vocab_switch (window, ESCALE_VOCAB_EXIT_REASON, "moved");
  g_assert_true (GTK_IS_SWITCH (shown));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (shown)));
  gtk_switch_set_active (GTK_SWITCH (shown), FALSE);
  spin ();
  g_assert_false (offers (store, ESCALE_VOCAB_EXIT_REASON, "moved"));
  g_assert_true (escale_vocab_has_code (store, ESCALE_VOCAB_EXIT_REASON, "moved"));
  gtk_switch_set_active (GTK_SWITCH (shown), TRUE);
  spin ();
  g_assert_true (offers (store, ESCALE_VOCAB_EXIT_REASON, "moved"));

  /* The partner directory's lists: kinds and eligibility. */
  row = escale_preferences_window_get_vocab_row (window, ESCALE_VOCAB_PARTNER_KIND, "shelter");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Shelter");
  g_assert_nonnull (escale_preferences_window_get_vocab_row (window, ESCALE_VOCAB_ELIGIBILITY,
                                                             "minors"));
  type_and_apply (escale_preferences_window_get_vocab_add_row (window, ESCALE_VOCAB_ELIGIBILITY),
                  "Families");
  g_assert_true (offers (store, ESCALE_VOCAB_ELIGIBILITY, "families"));
  g_assert_nonnull (escale_test_find_widget (window, ADW_TYPE_PREFERENCES_GROUP, group_titled,
                                             "Partner Kinds"));
  g_assert_nonnull (escale_test_find_widget (window, ADW_TYPE_PREFERENCES_GROUP, group_titled,
                                             "Eligibility"));

  /* Fixed lists are not shown. */
  g_assert_null (escale_preferences_window_get_vocab_add_row (window,
                                                             ESCALE_VOCAB_ACTION_STATUS));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* An added entry lists the languages it has no label in, and takes one
 * language by language; a built-in entry has no such row. */
static void
test_vocab_languages (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = escale_vocab_add (store, ESCALE_VOCAB_THEME, "Digital skills", &error);
  EscalePreferencesWindow *window = escale_preferences_window_new (NULL, store);
  GtkWidget *row, *languages, *entry;
  const char *subtitle;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_null (escale_preferences_window_get_vocab_languages_row (window, ESCALE_VOCAB_THEME,
                                                                    "housing"));
  row = escale_preferences_window_get_vocab_row (window, ESCALE_VOCAB_THEME, code);
  languages = escale_preferences_window_get_vocab_languages_row (window, ESCALE_VOCAB_THEME,
                                                                 code);
  g_assert_true (ESCALE_IS_VOCAB_LANGUAGES_ROW (languages));
  g_assert_true (gtk_widget_is_ancestor (languages, GTK_WIDGET (window)));

  /* Every language Escale is translated into but English is missing. */
  subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (languages));
  g_assert_true (g_str_has_prefix (subtitle, "Missing: "));
  g_assert_nonnull (strstr (subtitle, "العربية"));
  g_assert_nonnull (strstr (subtitle, "Українська"));
  g_assert_nonnull (strstr (subtitle, "Français"));
  g_assert_null (strstr (subtitle, "English"));
  entry = escale_vocab_languages_row_get_entry (ESCALE_VOCAB_LANGUAGES_ROW (languages), "en");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Digital skills");

  /* The Arabic label, typed in its row: stored, no longer missing. */
  entry = escale_vocab_languages_row_get_entry (ESCALE_VOCAB_LANGUAGES_ROW (languages), "ar");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  type_and_apply (entry, "المهارات الرقمية");
  {
    g_autofree char *arabic = escale_vocab_get_label_for (store, ESCALE_VOCAB_THEME, code, "ar");

    g_assert_cmpstr (arabic, ==, "المهارات الرقمية");
  }
  subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (languages));
  g_assert_null (strstr (subtitle, "العربية"));
  g_assert_nonnull (strstr (subtitle, "Українська"));

  /* A label another entry reads as in French is refused: nothing stored. */
  entry = escale_vocab_languages_row_get_entry (ESCALE_VOCAB_LANGUAGES_ROW (languages), "fr");
  type_and_apply (entry, "Logement");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_null (escale_vocab_get_label_for (store, ESCALE_VOCAB_THEME, code, "fr"));

  /* The label of the interface language, changed here, is the one shown
   * above; changed above, it is the one here. */
  entry = escale_vocab_languages_row_get_entry (ESCALE_VOCAB_LANGUAGES_ROW (languages), "en");
  type_and_apply (entry, "Digital literacy");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Digital literacy");
  type_and_apply (row, "Computer skills");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Computer skills");

  /* Every language given: nothing is missing. */
  {
    g_auto(GStrv) all = escale_catalog_list_languages ();

    for (guint i = 0; all[i] != NULL; i++)
      {
        g_autofree char *label = g_strdup_printf ("Computer skills (%s)", all[i]);

        if (!g_str_equal (all[i], "en") && !g_str_equal (all[i], "ar"))
          type_and_apply (escale_vocab_languages_row_get_entry (
                            ESCALE_VOCAB_LANGUAGES_ROW (languages), all[i]), label);
      }
  }
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (languages)), ==,
                   "A label in every language");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static void
test_programmes (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  EscalePreferencesWindow *window = escale_preferences_window_new (NULL, store);
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GError) error = NULL;
  EscaleProgramme *saved;
  EscaleFormDialog *dialog;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "preferences.add-programme",
                                             NULL));
  spin ();
  dialog = escale_preferences_window_edit_programme (window, 0);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = escale_preferences_window_edit_programme (window, 0);

  /* Bad input: messages at the fields, nothing saved. */
  type_into (dialog, ESCALE_PROGRAMME_FIELD_STARTED_ON, "01/01/2025");
  type_into (dialog, ESCALE_PROGRAMME_FIELD_ENDED_ON, "31/12/2024");
  type_into (dialog, ESCALE_PROGRAMME_FIELD_TARGET, "lots");
  g_assert_false (escale_form_dialog_accept (dialog));
  g_assert_nonnull (escale_form_dialog_get_error (dialog, ESCALE_PROGRAMME_FIELD_TARGET));
  type_into (dialog, ESCALE_PROGRAMME_FIELD_TARGET, "100");
  g_assert_false (escale_form_dialog_accept (dialog));
  g_assert_null (escale_form_dialog_get_error (dialog, ESCALE_PROGRAMME_FIELD_TARGET));
  g_assert_nonnull (escale_form_dialog_get_error (dialog, ESCALE_PROGRAMME_FIELD_CODE));
  g_assert_nonnull (escale_form_dialog_get_error (dialog, ESCALE_PROGRAMME_FIELD_NAME));
  g_assert_cmpstr (escale_form_dialog_get_error (dialog, ESCALE_PROGRAMME_FIELD_ENDED_ON), ==,
                   "The programme cannot end before it starts");
  programmes = escale_store_list_programmes (store, &error);
  g_assert_cmpuint (programmes->len, ==, 0);
  g_clear_pointer (&programmes, g_ptr_array_unref);

  type_into (dialog, ESCALE_PROGRAMME_FIELD_CODE, "ASL-2025");
  type_into (dialog, ESCALE_PROGRAMME_FIELD_NAME, "French classes");
  type_into (dialog, ESCALE_PROGRAMME_FIELD_FUNDERS, "City council, Region;\nState");
  type_into (dialog, ESCALE_PROGRAMME_FIELD_ENDED_ON, "31/12/2025");
  g_assert_true (escale_form_dialog_accept (dialog));
  spin ();

  programmes = escale_store_list_programmes (store, &error);
  g_assert_cmpuint (programmes->len, ==, 1);
  saved = g_ptr_array_index (programmes, 0);
  g_assert_cmpstr (saved->code, ==, "ASL-2025");
  g_assert_cmpstr (saved->started_on, ==, "2025-01-01");
  g_assert_cmpstr (saved->ended_on, ==, "2025-12-31");
  g_assert_cmpint (saved->target_people, ==, 100);
  g_assert_cmpuint (g_strv_length (saved->funders), ==, 3);
  g_assert_cmpstr (saved->funders[2], ==, "State");
  row = escale_preferences_window_get_programme_row (window, saved->id);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "French classes");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Region"));

  /* Editing it: the form holds what was saved. */
  dialog = escale_preferences_window_edit_programme (window, saved->id);
  g_assert_cmpstr (escale_form_dialog_get_text (dialog, ESCALE_PROGRAMME_FIELD_FUNDERS), ==,
                   "City council, Region, State");
  type_into (dialog, ESCALE_PROGRAMME_FIELD_NAME, "French lessons");
  g_assert_true (escale_form_dialog_accept (dialog));
  spin ();
  row = escale_preferences_window_get_programme_row (window, saved->id);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "French lessons");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static void
test_settings (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GSettings) settings = escale_application_new_settings ();
  EscaleWindow *main_window = escale_window_new (NULL, store);
  EscalePreferencesWindow *window = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  GtkWidget *widget;

  g_assert_nonnull (settings);
  /* The main window's action opens the preferences. */
  gtk_window_present (GTK_WINDOW (main_window));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.preferences", NULL));
  spin ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ESCALE_IS_PREFERENCES_WINDOW (toplevel))
        window = ESCALE_PREFERENCES_WINDOW (toplevel);
    }
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (main_window));

  widget = escale_preferences_window_get_setting_widget (window, "agenda-days");
  g_assert_true (gtk_widget_is_sensitive (widget));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==,
                     g_settings_get_int (settings, "agenda-days"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 14);
  g_assert_cmpint (g_settings_get_int (settings, "agenda-days"), ==, 14);
  widget = escale_preferences_window_get_setting_widget (window, "worker-name");
  gtk_editable_set_text (GTK_EDITABLE (widget), "Amina");
  {
    g_autofree char *name = g_settings_get_string (settings, "worker-name");
    g_assert_cmpstr (name, ==, "Amina");
  }
  widget = escale_preferences_window_get_setting_widget (window, "notify-appointments");
  gtk_switch_set_active (GTK_SWITCH (widget), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "notify-appointments"));
  g_settings_set_int (settings, "lost-contact-months", 6);
  widget = escale_preferences_window_get_setting_widget (window, "lost-contact-months");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==, 6);
  g_assert_nonnull (escale_preferences_window_get_setting_widget (window,
                                                                 "expiry-warning-days"));
  /* How long a referral may wait for its answer, both ways. */
  widget = escale_preferences_window_get_setting_widget (window, "referral-follow-up-days");
  g_assert_true (GTK_IS_SPIN_BUTTON (widget));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==, 14);
  g_assert_nonnull (escale_test_find_row (window, "Follow up referrals after"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 21);
  g_assert_cmpint (g_settings_get_int (settings, "referral-follow-up-days"), ==, 21);
  g_settings_set_int (settings, "referral-follow-up-days", 30);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==, 30);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (main_window));
  spin ();
  g_settings_reset (settings, "agenda-days");
  g_settings_reset (settings, "worker-name");
  g_settings_reset (settings, "notify-appointments");
  g_settings_reset (settings, "lost-contact-months");
  g_settings_reset (settings, "referral-follow-up-days");
}

static EscaleReportSettings *
saved_settings (EscaleStore *store)
{
  g_autoptr(GError) error = NULL;
  EscaleReportSettings *settings = escale_report_settings_load (store, &error);

  g_assert_no_error (error);
  return settings;
}

static void
assert_volunteers (EscaleStore        *store,
                   const char * const *expected)
{
  g_autoptr(EscaleReportSettings) settings = saved_settings (store);

  g_assert_cmpuint (g_strv_length (settings->volunteers), ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (settings->volunteers[i], ==, expected[i]);
}

static EscaleAssociationPage *
association_page (EscalePreferencesWindow *window)
{
  GtkWidget *page = escale_test_find_widget (window, ESCALE_TYPE_ASSOCIATION_PAGE, NULL, NULL);

  g_assert_nonnull (page);
  return ESCALE_ASSOCIATION_PAGE (page);
}

/* The workers the popover offers, in order, as one string "A|B|C". */
static char *
offered_workers (EscaleAssociationPage *page)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (
    escale_association_page_get_widget (page, ESCALE_ASSOCIATION_WORKERS_LIST))));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i ? "|" : "", gtk_string_object_get_string (item));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
open_workers (EscaleAssociationPage *page)
{
  GtkWidget *button = escale_association_page_get_widget (page, ESCALE_ASSOCIATION_WORKERS);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (
    gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
}

static void
test_association (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  EscalePreferencesWindow *window = escale_preferences_window_new (NULL, store);
  EscaleAssociationPage *page;
  GtkWidget *name, *valuation, *rate, *add, *row, *remove;
  g_autoptr(EscaleReportSettings) settings = NULL;
  g_autofree char *offered = NULL;

  for (guint i = 0; i < 3; i++)
    escale_test_exec_printf (store, "INSERT INTO action (scope, date, type, status, worker) "
                                    "VALUES ('group', '2025-03-01', 'interview', 'done', '%s')",
                             (const char *[]) { "Zoé", "Bruno", "Amina" }[i]);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  page = association_page (window);
  name = escale_association_page_get_widget (page, ESCALE_ASSOCIATION_NAME);
  valuation = escale_association_page_get_widget (page, ESCALE_ASSOCIATION_VALUATION);
  rate = escale_association_page_get_widget (page, ESCALE_ASSOCIATION_RATE);
  add = escale_association_page_get_widget (page, ESCALE_ASSOCIATION_ADD_VOLUNTEER);

  /* The defaults: the gross minimum wage, not editable. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (valuation)), ==,
                    ESCALE_VALUATION_MINIMUM_WAGE);
  g_assert_false (gtk_widget_is_sensitive (rate));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (rate)), 12.02,
                                  0.001);

  /* The name is saved as it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Accueil & Co");
  spin ();
  settings = saved_settings (store);
  g_assert_cmpstr (settings->association, ==, "Accueil & Co");
  g_clear_pointer (&settings, escale_report_settings_free);

  /* With employer charges: the rate shown follows; custom: it can be changed. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (valuation), ESCALE_VALUATION_MINIMUM_WAGE_CHARGED);
  spin ();
  g_assert_false (gtk_widget_is_sensitive (rate));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (rate)), 17.43,
                                  0.001);
  settings = saved_settings (store);
  g_assert_cmpint (settings->valuation, ==, ESCALE_VALUATION_MINIMUM_WAGE_CHARGED);
  g_clear_pointer (&settings, escale_report_settings_free);
  adw_combo_row_set_selected (ADW_COMBO_ROW (valuation), ESCALE_VALUATION_CUSTOM);
  spin ();
  g_assert_true (gtk_widget_is_sensitive (rate));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rate), 15.5);
  spin ();
  settings = saved_settings (store);
  g_assert_cmpint (settings->valuation, ==, ESCALE_VALUATION_CUSTOM);
  g_assert_cmpint (settings->hourly_rate_cents, ==, 1550);
  g_clear_pointer (&settings, escale_report_settings_free);

  /* A volunteer typed, with a comma in the name. */
  type_and_apply (add, "  Dupont, Marie ");
  assert_volunteers (store, (const char * const[]) { "Dupont, Marie", NULL });
  g_assert_nonnull (escale_association_page_get_volunteer_row (page, "Dupont, Marie"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");

  /* A worker of the actions chosen from the list; then no longer offered. */
  open_workers (page);
  offered = offered_workers (page);
  g_assert_cmpstr (offered, ==, "Amina|Bruno|Zoé");
  g_signal_emit_by_name (escale_association_page_get_widget (page,
                                                             ESCALE_ASSOCIATION_WORKERS_LIST),
                         "activate", 1);
  spin ();
  assert_volunteers (store, (const char * const[]) { "Dupont, Marie", "Bruno", NULL });
  g_assert_nonnull (escale_association_page_get_volunteer_row (page, "Bruno"));
  open_workers (page);
  g_clear_pointer (&offered, g_free);
  offered = offered_workers (page);
  g_assert_cmpstr (offered, ==, "Amina|Zoé");

  /* Searching, then Enter: the worker found; a name no action has. */
  gtk_editable_set_text (GTK_EDITABLE (escale_association_page_get_widget (
    page, ESCALE_ASSOCIATION_WORKERS_SEARCH)), "ZO");
  g_signal_emit_by_name (escale_association_page_get_widget (page,
                                                             ESCALE_ASSOCIATION_WORKERS_SEARCH),
                         "activate");
  spin ();
  assert_volunteers (store, (const char * const[]) { "Dupont, Marie", "Bruno", "Zoé", NULL });
  open_workers (page);
  gtk_editable_set_text (GTK_EDITABLE (escale_association_page_get_widget (
    page, ESCALE_ASSOCIATION_WORKERS_SEARCH)), "مريم");
  g_signal_emit_by_name (escale_association_page_get_widget (page,
                                                             ESCALE_ASSOCIATION_WORKERS_SEARCH),
                         "activate");
  spin ();
  assert_volunteers (store, (const char * const[]) {
    "Dupont, Marie", "Bruno", "Zoé", "مريم", NULL
  });

  /* Removing one through its row's button. */
  row = escale_association_page_get_volunteer_row (page, "Dupont, Marie");
  remove = escale_test_find_widget (row, GTK_TYPE_BUTTON, NULL, NULL);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  spin ();
  assert_volunteers (store, (const char * const[]) { "Bruno", "Zoé", "مريم", NULL });
  g_assert_null (escale_association_page_get_volunteer_row (page, "Dupont, Marie"));

  /* A refused save: the page shows what is saved again. */
  escale_test_exec_printf (store, "CREATE TRIGGER refuse_name BEFORE UPDATE ON setting "
                                  "WHEN NEW.key = 'association.name' "
                                  "BEGIN SELECT RAISE (ABORT, 'refused'); END");
  gtk_editable_set_text (GTK_EDITABLE (name), "Another name");
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Accueil & Co");
  g_assert_nonnull (escale_test_find_label (window, "Database error: refused"));
  settings = saved_settings (store);
  g_assert_cmpstr (settings->association, ==, "Accueil & Co");
  g_clear_pointer (&settings, escale_report_settings_free);
  escale_test_exec_printf (store, "DROP TRIGGER refuse_name");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  /* Opened again, the page shows what was saved. */
  window = escale_preferences_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  page = association_page (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (escale_association_page_get_widget (
    page, ESCALE_ASSOCIATION_NAME))), ==, "Accueil & Co");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (
    escale_association_page_get_widget (page, ESCALE_ASSOCIATION_VALUATION))), ==,
                    ESCALE_VALUATION_CUSTOM);
  rate = escale_association_page_get_widget (page, ESCALE_ASSOCIATION_RATE);
  g_assert_true (gtk_widget_is_sensitive (rate));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (rate)), 15.5,
                                  0.001);
  g_assert_nonnull (escale_association_page_get_volunteer_row (page, "مريم"));
  g_assert_nonnull (escale_test_find_row (window, "Bruno"));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static EscaleEnrolment *
only_enrolment (EscaleStore *store,
                gint64       person_id)
{
  g_autoptr(GPtrArray) enrolments = escale_store_list_enrolments (store, person_id, NULL);
  EscaleEnrolment *enrolment;

  g_assert_cmpuint (enrolments->len, ==, 1);
  enrolment = g_ptr_array_steal_index (enrolments, 0);
  return enrolment;
}

static void
test_enrolments (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  gint64 programme = escale_test_add_programme (store, "HOUSING", "Housing first");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *section = escale_enrolments_section_new (store, person);
  EscaleEnrolmentsSection *self = ESCALE_ENROLMENTS_SECTION (section);
  g_autoptr(EscaleEnrolment) enrolment = NULL;
  g_autoptr(GError) error = NULL;
  EscaleFormDialog *dialog;
  GtkDropDown *reason;
  GtkWidget *row;

  escale_test_add_programme (store, "LANG", "Language");
  gtk_window_set_child (GTK_WINDOW (window), section);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_cmpuint (escale_enrolments_section_get_n_enrolments (self), ==, 0);

  /* Enrol: a date that does not exist is shown at its field. */
  dialog = escale_enrolments_section_enrol (self);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_form_dialog_get_field (
    dialog, ESCALE_ENROLMENT_FIELD_PROGRAMME)), "0");
  type_into (dialog, ESCALE_ENROLMENT_FIELD_ENTRY_DATE, "31/02/2025");
  g_assert_false (escale_form_dialog_accept (dialog));
  g_assert_nonnull (escale_form_dialog_get_error (dialog, ESCALE_ENROLMENT_FIELD_ENTRY_DATE));
  g_assert_cmpuint (escale_enrolments_section_get_n_enrolments (self), ==, 0);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, programme);

    escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_form_dialog_get_field (
      dialog, ESCALE_ENROLMENT_FIELD_PROGRAMME)), id);
  }
  type_into (dialog, ESCALE_ENROLMENT_FIELD_ENTRY_DATE, "03/02/2025");
  g_assert_true (escale_form_dialog_accept (dialog));
  spin ();
  enrolment = only_enrolment (store, person);
  g_assert_cmpint (enrolment->programme_id, ==, programme);
  g_assert_cmpstr (enrolment->entry_date, ==, "2025-02-03");
  g_assert_null (enrolment->exit_date);
  g_assert_cmpuint (escale_enrolments_section_get_n_enrolments (self), ==, 1);
  row = escale_enrolments_section_get_row (self, enrolment->id);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Housing first");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "ongoing"));

  /* End it: an exit before the entry is refused at the field. */
  dialog = escale_enrolments_section_end (self, enrolment->id);
  g_assert_nonnull (dialog);
  type_into (dialog, ESCALE_ENROLMENT_FIELD_EXIT_DATE, "01/01/2025");
  reason = GTK_DROP_DOWN (escale_form_dialog_get_field (dialog,
                                                        ESCALE_ENROLMENT_FIELD_EXIT_REASON));
  escale_code_dropdown_set_code (reason, "employment");
  g_assert_false (escale_form_dialog_accept (dialog));
  g_assert_cmpstr (escale_form_dialog_get_error (dialog, ESCALE_ENROLMENT_FIELD_EXIT_DATE), ==,
                   "The exit cannot be before the entry");
  type_into (dialog, ESCALE_ENROLMENT_FIELD_EXIT_DATE, "30/06/2025");
  g_assert_true (escale_form_dialog_accept (dialog));
  spin ();
  g_clear_pointer (&enrolment, escale_enrolment_free);
  enrolment = only_enrolment (store, person);
  g_assert_cmpstr (enrolment->exit_date, ==, "2025-06-30");
  g_assert_cmpstr (enrolment->exit_reason, ==, "employment");
  row = escale_enrolments_section_get_row (self, enrolment->id);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Employment"));

  /* A hidden reason is no longer offered, but a stored one still shows. */
  g_assert_true (escale_vocab_set_hidden (store, ESCALE_VOCAB_EXIT_REASON, "employment", TRUE,
                                          &error));
  dialog = escale_enrolments_section_end (self, enrolment->id);
  reason = GTK_DROP_DOWN (escale_form_dialog_get_field (dialog,
                                                        ESCALE_ENROLMENT_FIELD_EXIT_REASON));
  g_assert_cmpstr (escale_code_dropdown_get_code (reason), ==, "employment");
  g_assert_true (escale_form_dialog_accept (dialog));
  spin ();
  g_clear_pointer (&enrolment, escale_enrolment_free);
  enrolment = only_enrolment (store, person);
  g_assert_cmpstr (enrolment->exit_reason, ==, "employment");

  /* Remove it. */
  g_assert_true (escale_enrolments_section_remove (self, enrolment->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (escale_enrolments_section_get_n_enrolments (self), ==, 0);
  g_assert_null (escale_enrolments_section_get_row (self, enrolment->id));
  {
    g_autoptr(GPtrArray) left = escale_store_list_enrolments (store, person, NULL);
    g_assert_cmpuint (left->len, ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  int result;

  escale_test_init_gtk (&argc, &argv);
  g_test_add_func ("/ui/preferences/vocabularies", test_vocabularies);
  g_test_add_func ("/ui/preferences/vocab-languages", test_vocab_languages);
  g_test_add_func ("/ui/preferences/programmes", test_programmes);
  g_test_add_func ("/ui/preferences/settings", test_settings);
  g_test_add_func ("/ui/preferences/association", test_association);
  g_test_add_func ("/ui/enrolments", test_enrolments);
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
