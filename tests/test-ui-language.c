/* test-ui-language.c — the interface language changed while Escale runs
 *
 * A window shows a person's file found by a search, with the person editor
 * open over it holding unsaved text and the preferences open on another
 * page; the language is switched to Arabic from the preferences, then to
 * French, then back to the system's: each time a new window in the
 * language, right to left for Arabic, shows the same file and search, the
 * editor keeps its text, the preferences come back on their page; dates
 * follow the language. Screenshots of the four pages in French and Arabic
 * are written to the build folder (screenshot-LANG-PAGE.png).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "escale-action.h"
#include "escale-action-store.h"
#include "escale-agenda-page.h"
#include "escale-application.h"
#include "escale-catalog.h"
#include "escale-date.h"
#include "escale-demo-actions.h"
#include "escale-demo-partners.h"
#include "escale-demo.h"
#include "escale-language-switch.h"
#include "escale-language.h"
#include "escale-people-page.h"
#include "escale-person-editor.h"
#include "escale-person-store.h"
#include "escale-preferences-window.h"
#include "escale-test-auth.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-window.h"

#define spin escale_test_spin

typedef struct
{
  EscaleStore *store;
  gint64       amina;     /* Latin letters */
  gint64       leila;     /* Arabic letters */
} Fixture;

/* Data */

static void
set_field (EscaleStore *store,
           gint64       id,
           EscaleField  field,
           const char  *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePerson) person = escale_store_load_person (store, id, &error);

  g_assert_no_error (error);
  escale_person_set (person, field, value);
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
}

static void
add_action (EscaleStore *store,
            gint64       person_id,
            const char  *time,
            const char  *notes)
{
  g_autoptr(EscaleAction) action = escale_action_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = escale_date_today ();

  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, person_id);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, today);
  escale_action_set (action, ESCALE_ACTION_FIELD_TIME, time);
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "appointment");
  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS, "planned");
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, "Claire Dubois");
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, notes);
  g_assert_true (escale_store_save_action (store, action, &error));
  g_assert_no_error (error);
}

/* A few demo people, actions and partners, and two people of our own:
 * names in Latin and Arabic letters, with planned actions today. */
static void
fill_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_demo_generate (fixture->store, 12, 11, &error));
  g_assert_no_error (error);
  g_assert_true (escale_demo_generate_follow_up (fixture->store, 4, 11, NULL, NULL, NULL, NULL,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (escale_demo_generate_partners (fixture->store, 11, NULL, &error));
  g_assert_no_error (error);

  fixture->amina = escale_test_add_person (fixture->store, "Haddad", "Amina", "1990-03-14");
  set_field (fixture->store, fixture->amina, ESCALE_FIELD_PHONE, "+33 6 12 34 56 78");
  fixture->leila = escale_test_add_person (fixture->store, "كريمي", "ليلى", "1985-07-02");
  add_action (fixture->store, fixture->amina, "10:00", "Bring the passport (copy).");
  add_action (fixture->store, fixture->leila, "11:30", "موعد مع المحامي");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  (void) data;
  fixture->store = escale_test_store_new ();
  fill_store (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  (void) data;
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  spin ();
  escale_language_switch ("");
  g_assert_finalize_object (fixture->store);
}

/* Helpers */

/* The one main window shown. */
static EscaleWindow *
shown_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  EscaleWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ESCALE_IS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }
  g_assert_nonnull (found);
  return found;
}

static EscalePreferencesWindow *
shown_preferences (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  EscalePreferencesWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ESCALE_IS_PREFERENCES_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }
  g_assert_nonnull (found);
  return found;
}

static EscalePeoplePage *
people_page (EscaleWindow *window)
{
  return ESCALE_PEOPLE_PAGE (escale_window_get_people_page (window));
}

/* @msgid as @language's catalogue translates it; it must be translated. */
static const char *
translated (const char *language,
            const char *msgid)
{
  const char *text = escale_catalog_gettext (escale_catalog_get (language), msgid);

  g_assert_cmpstr (text, !=, msgid);
  return text;
}

static const char *
page_title (GtkWidget *page)
{
  GtkWidget *stack = gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK);

  return adw_view_stack_page_get_title (adw_view_stack_get_page (ADW_VIEW_STACK (stack), page));
}

/* The view switcher shows @title, drawn. */
static void
assert_switcher_shows (EscaleWindow *window,
                       const char   *title)
{
  GtkWidget *switcher = escale_test_find_widget (window, ADW_TYPE_VIEW_SWITCHER, NULL, NULL);

  g_assert_nonnull (switcher);
  g_assert_nonnull (escale_test_find_label (switcher, title));
}

static guint
language_index (EscalePreferencesWindow *preferences,
                const char              *code)
{
  AdwComboRow *row = ADW_COMBO_ROW (escale_preferences_window_get_setting_widget (
                                      preferences, "interface-language"));
  GListModel *names = adw_combo_row_get_model (row);
  g_autofree char *name = *code ? escale_language_native_name (code) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *shown = gtk_string_list_get_string (GTK_STRING_LIST (names), i);

      if (name == NULL ? i == 0 : g_str_equal (shown, name))
        return i;
    }
  g_assert_not_reached ();
}

/* Chooses @code in the preferences' language row, as a user would. */
static void
choose_language (const char *code)
{
  EscalePreferencesWindow *preferences = shown_preferences ();
  AdwComboRow *row = ADW_COMBO_ROW (escale_preferences_window_get_setting_widget (
                                      preferences, "interface-language"));

  adw_combo_row_set_selected (row, language_index (preferences, code));
  spin ();
}

static char *
month_name (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 3, 14, 12, 0, 0);

  return g_date_time_format (date, "%B");
}

/* Everything a switch must keep. */
static void
assert_kept (Fixture            *fixture,
             EscaleWindow       *window,
             EscalePersonEditor *editor)
{
  GtkWidget *given = escale_person_editor_get_field_widget (editor, ESCALE_FIELD_GIVEN_NAMES);

  g_assert_cmpint (escale_people_page_get_person_id (people_page (window)), ==, fixture->amina);
  g_assert_cmpstr (escale_people_page_get_query (people_page (window)), ==, "hadd");
  g_assert_true (escale_people_page_get_editor (people_page (window)) == GTK_WIDGET (editor));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (given)), ==, "Amina Typed");
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (
                     ADW_PREFERENCES_WINDOW (shown_preferences ())), ==, "vocabularies");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shown_preferences ())) ==
                 GTK_WINDOW (window));
}

/* Tests */

static void
test_switch (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = escale_application_new_settings ();
  EscaleWindow *window, *old;
  EscalePersonEditor *editor;
  GtkWidget *label;
  g_autofree char *english_month = month_name ();
  g_autofree char *month = NULL;
  g_autofree char *saved = NULL;

  (void) data;
  window = escale_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_present (GTK_WINDOW (window));
  escale_test_wait_for_size (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);
  assert_switcher_shows (window, "People");

  /* A file found by a search, being edited; the preferences elsewhere. */
  escale_people_page_set_query (people_page (window), "hadd");
  escale_people_page_open_person (people_page (window), fixture->amina);
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-person", NULL));
  spin ();
  editor = ESCALE_PERSON_EDITOR (escale_people_page_get_editor (people_page (window)));
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (escale_person_editor_get_field_widget (
                                         editor, ESCALE_FIELD_GIVEN_NAMES)), "Amina Typed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  spin ();
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (shown_preferences ()),
                                                "vocabularies");

  /* Arabic, chosen in the preferences: kept for the next start. */
  old = window;
  g_object_add_weak_pointer (G_OBJECT (old), (gpointer *) &old);
  choose_language ("ar");
  g_assert_cmpstr (saved = g_settings_get_string (settings, "interface-language"), ==, "ar");
  g_assert_cmpstr (escale_language_get_current (), ==, "ar");
  window = shown_window ();
  escale_test_wait_for_size (GTK_WIDGET (window));
  g_assert_null (old);
  assert_kept (fixture, window, editor);
  label = escale_test_find_label (window, translated ("ar", "People"));
  g_assert_nonnull (label);
  g_assert_cmpint (gtk_widget_get_direction (label), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (page_title (escale_window_get_agenda_page (window)), ==,
                   translated ("ar", "Agenda"));
  assert_switcher_shows (window, translated ("ar", "Reports"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (shown_preferences ())), ==,
                   translated ("ar", "Preferences"));
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "ar");
  /* Dates follow, when an Arabic locale is installed (build-aux/dev makes ar_EG). */
  month = month_name ();
  if (g_str_has_prefix (setlocale (LC_TIME, NULL), "ar_"))
    g_assert_cmpstr (month, !=, english_month);
  else
    g_test_message ("no Arabic locale installed: dates stay in %s", setlocale (LC_TIME, NULL));

  /* French, through the function itself. */
  escale_language_switch ("fr");
  spin ();
  window = shown_window ();
  escale_test_wait_for_size (GTK_WIDGET (window));
  assert_kept (fixture, window, editor);
  label = escale_test_find_label (window, translated ("fr", "People"));
  g_assert_nonnull (label);
  g_assert_cmpint (gtk_widget_get_direction (label), ==, GTK_TEXT_DIR_LTR);
  assert_switcher_shows (window, translated ("fr", "Partners"));
  g_free (month);
  month = month_name ();
  if (g_str_has_prefix (setlocale (LC_TIME, NULL), "fr_"))
    g_assert_cmpstr (month, ==, "mars");

  /* Back to the system's language (English in the tests). */
  choose_language ("");
  window = shown_window ();
  escale_test_wait_for_size (GTK_WIDGET (window));
  assert_kept (fixture, window, editor);
  g_free (saved);
  g_assert_cmpstr (saved = g_settings_get_string (settings, "interface-language"), ==, "");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
  assert_switcher_shows (window, "People");
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);
  g_free (month);
  month = month_name ();
  g_assert_cmpstr (month, ==, english_month);

  /* The editor, taken over, reports to the new window. */
  g_assert_true (escale_person_editor_save (editor));
  spin ();
  g_assert_null (escale_people_page_get_editor (people_page (window)));
  g_assert_nonnull (escale_test_find_label (window, "HADDAD Amina Typed"));
}

/* A dialog the window does not know of moves to the new window; the old
 * one stays, hidden, until it closes, and the new one then reloads. */
static void
test_other_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  EscaleWindow *window = escale_window_new (NULL, fixture->store);
  EscaleWindow *old = window;
  GtkWidget *dialog;
  g_autoptr(GError) error = NULL;

  (void) data;
  gtk_window_present (GTK_WINDOW (window));
  escale_test_wait_for_size (GTK_WIDGET (window));
  escale_people_page_open_person (people_page (window), fixture->leila);
  spin ();
  dialog = adw_message_dialog_new (GTK_WINDOW (window), "Dialog", NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  g_object_add_weak_pointer (G_OBJECT (old), (gpointer *) &old);

  escale_language_switch ("uk");
  spin ();
  window = shown_window ();
  g_assert_true (window != old);
  g_assert_nonnull (old);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (old)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  assert_switcher_shows (window, translated ("uk", "People"));

  /* Changed meanwhile, as a dialog would: shown once it closes. */
  set_field (fixture->store, fixture->leila, ESCALE_FIELD_GIVEN_NAMES, "Leïla");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_null (old);
  g_assert_nonnull (escale_test_find_label (window, "كريمي Leïla"));
  escale_language_switch ("");
  spin ();
}

/* In the application: its window is replaced by one of its own, with the
 * same store, and the application keeps running on it. The new database
 * gets its first administrator first. */
static gboolean
switch_in_application (gpointer user_data)
{
  GApplication *app = user_data;
  GtkWindow *old;
  GtkWindow *window;
  GtkWidget *editor;

  escale_test_first_run (gtk_application_get_active_window (GTK_APPLICATION (app)), "claire",
                         "a long enough password");
  old = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (ESCALE_IS_WINDOW (old));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (old), "win.new-person", NULL));
  spin ();
  editor = escale_people_page_get_editor (people_page (ESCALE_WINDOW (old)));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (old), (gpointer *) &old);

  escale_language_switch ("prs");
  spin ();
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "prs:fa");
  g_assert_null (old);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (ESCALE_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (escale_window_get_store (ESCALE_WINDOW (window)) ==
                 escale_application_get_store (ESCALE_APPLICATION (app)));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  assert_switcher_shows (ESCALE_WINDOW (window), translated ("prs", "People"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == window);

  escale_language_switch ("");
  spin ();
  gtk_window_destroy (GTK_WINDOW (editor));
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
test_application (void)
{
  g_autoptr(EscaleApplication) app = escale_application_new ();
  g_autofree char *path = escale_test_tmp_path ("app.db");
  char *argv[] = { "escale", "--database", path, NULL };

  g_idle_add (switch_in_application, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
}

/* Dari uses Persian where Escale's dependencies have no Dari. */
static void
test_gettext_list (void)
{
  g_autofree char *dari = escale_language_gettext_list ("prs");
  g_autofree char *french = escale_language_gettext_list ("fr");
  g_autofree char *brazil = escale_language_gettext_list ("pt_BR");
  g_autofree char *isolated = escale_isolate ("Amina");
  g_autofree char *empty = escale_isolate (NULL);

  g_assert_cmpstr (dari, ==, "prs:fa");
  g_assert_cmpstr (french, ==, "fr");
  g_assert_cmpstr (brazil, ==, "pt_BR");
  g_assert_null (escale_language_gettext_list (""));
  g_assert_null (escale_language_gettext_list (NULL));
  g_assert_cmpstr (isolated, ==, "\u2068Amina\u2069");
  g_assert_cmpstr (empty, ==, "");

  escale_language_apply ("prs");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "prs:fa");
  g_assert_cmpint (escale_language_get_direction (), ==, GTK_TEXT_DIR_RTL);
  escale_language_apply ("ti");
  g_assert_cmpint (escale_language_get_direction (), ==, GTK_TEXT_DIR_LTR);
  escale_language_apply ("");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
  g_assert_cmpstr (escale_language_get_current (), ==, "");
}

/* Screenshots */

static void
take_screenshots (Fixture    *fixture,
                  const char *language)
{
  static const char *const pages[] = { "people", "agenda", "partners", "reports" };
  EscaleWindow *window;

  escale_language_switch (language);
  spin ();
  window = shown_window ();
  escale_test_wait_for_size (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("screenshot-%s-%s.png", language, pages[i]);
      GtkWidget *stack = gtk_widget_get_ancestor (escale_window_get_people_page (window),
                                                  ADW_TYPE_VIEW_STACK);

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), pages[i]);
      if (g_str_equal (pages[i], "agenda"))
        escale_agenda_page_set_everyone (ESCALE_AGENDA_PAGE (escale_window_get_agenda_page (window)),
                                         TRUE);
      /* The reports' preview is built in a thread. */
      for (int j = 0; j < 10; j++)
        {
          spin ();
          g_usleep (50000);
        }
      spin ();
      escale_test_save_screenshot (GTK_WIDGET (window), name);
    }
  (void) fixture;
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  EscaleWindow *window = escale_window_new (NULL, fixture->store);

  (void) data;
  /* Wide enough for the People page to show the list beside the file. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 820);
  gtk_window_present (GTK_WINDOW (window));
  escale_test_wait_for_size (GTK_WIDGET (window));
  escale_people_page_set_query (people_page (window), "");
  escale_people_page_open_person (people_page (window), fixture->amina);
  spin ();
  take_screenshots (fixture, "fr");
  take_screenshots (fixture, "ar");
  escale_language_switch ("");
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init_gtk_translated (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/language/switch", test_switch);
  ADD ("/ui/language/other-dialog", test_other_dialog);
  ADD ("/ui/language/screenshots", test_screenshots);
#undef ADD
  g_test_add_func ("/ui/language/gettext-list", test_gettext_list);
  g_test_add_func ("/ui/language/application", test_application);

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
