/* test-ui-auth.c — signing in: the first-run assistant, the login, the idle lock
 *
 * Driven through the windows of an EscaleSession on real databases: the
 * first administrator created by the assistant (errors at the fields
 * first), a word for a database made before accounts, a wrong then a right
 * password, the lockout after ESCALE_LOCKOUT_ATTEMPTS failures, a reset
 * password changed before anything else, the account's language applied
 * after its login and kept when chosen, the idle lock hiding the records
 * and the dialogs until the password is typed again, signing out.
 * Screenshots are written to the build folder (screenshot-auth-*.png).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "escale-account.h"
#include "escale-application.h"
#include "escale-auth-util.h"
#include "escale-crypt.h"
#include "escale-first-run-window.h"
#include "escale-language-switch.h"
#include "escale-language.h"
#include "escale-lock-screen.h"
#include "escale-people-page.h"
#include "escale-person-editor.h"
#include "escale-preferences-window.h"
#include "escale-report-settings.h"
#include "escale-session.h"
#include "escale-sign-in-window.h"
#include "escale-test-auth.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-window.h"

#define spin escale_test_spin

#define PASSWORD "a long enough password"

typedef struct
{
  EscaleStore   *store;
  EscaleSession *session;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  (void) data;
  fixture->store = escale_test_store_new ();
  fixture->session = escale_session_new (NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  (void) data;
  g_clear_object (&fixture->session);
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  spin ();
  g_clear_object (&fixture->store);
}

/* Helpers */

static gint64
add_account (EscaleStore *store,
             const char  *login,
             EscaleRole   role,
             const char  *password)
{
  g_autoptr(GError) error = NULL;
  gint64 id = escale_store_create_account (store, login, "Someone", role, password, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static EscaleWindow *
shown_window (void)
{
  return (EscaleWindow *) escale_test_find_toplevel (ESCALE_TYPE_WINDOW);
}

static const char *
error_at (gpointer    root,
          const char *title)
{
  return escale_auth_get_error (escale_test_find_entry_row (root, title));
}

static const char *
text_of (gpointer    root,
         const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (escale_test_find_entry_row (root, title)));
}

static EscaleSignInWindow *
begin_login (Fixture *fixture)
{
  GtkWindow *window;

  escale_session_begin_with_store (fixture->session, fixture->store);
  spin ();
  window = escale_session_get_sign_in_window (fixture->session);
  g_assert_true (ESCALE_IS_SIGN_IN_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (escale_sign_in_window_get_page (ESCALE_SIGN_IN_WINDOW (window)), ==, "login");
  return ESCALE_SIGN_IN_WINDOW (window);
}

static void
sign_in (gpointer    window,
         const char *login,
         const char *password)
{
  escale_test_type (window, "Login", login);
  escale_test_type (window, "Password", password);
  escale_test_click (window, "_Sign In");
}

/* Signs in as claire, an administrator, to a database of one person: the
 * main window, shown. */
static EscaleWindow *
sign_in_as_administrator (Fixture *fixture)
{
  EscaleWindow *window;

  escale_test_add_person (fixture->store, "Haddad", "Amina", "1990-03-14");
  add_account (fixture->store, "claire", ESCALE_ROLE_ADMINISTRATOR, PASSWORD);
  sign_in (begin_login (fixture), "claire", PASSWORD);
  window = shown_window ();
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  escale_test_wait_for_size (GTK_WIDGET (window));
  return window;
}

static gboolean
is_upgraded_note (GtkWidget              *widget,
                  G_GNUC_UNUSED gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "upgraded-note") && gtk_widget_is_drawable (widget);
}

static gboolean
is_sidebar (GtkWidget              *widget,
            G_GNUC_UNUSED gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "navigation-sidebar");
}

/* The list of people. */
static GtkWidget *
people_list (EscaleWindow *window)
{
  GtkWidget *list = escale_test_find_widget (escale_window_get_people_page (window),
                                             GTK_TYPE_LIST_VIEW, is_sidebar, NULL);

  g_assert_nonnull (list);
  return list;
}

/* Lets the main loop run until @session is locked or unlocked, 5 s at most. */
static void
wait_for_lock (EscaleSession *session,
               gboolean       locked)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (escale_session_is_locked (session) != locked && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpint (escale_session_is_locked (session), ==, locked);
  spin ();
}

/* Lets the transitions between pages end, and the window be drawn. */
static void
settle (gpointer window)
{
  gint64 end = g_get_monotonic_time () + 400 * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  escale_test_wait_for_size (window);
}

static void
screenshot (gpointer    window,
            const char *name)
{
  settle (window);
  escale_test_save_screenshot (window, name);
}

/* Tests */

static void
test_first_run (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EscaleReportSettings) settings = NULL;
  const EscaleAccount *account;
  EscaleFirstRunWindow *window;

  (void) data;
  escale_session_begin_with_store (fixture->session, fixture->store);
  spin ();
  window = ESCALE_FIRST_RUN_WINDOW (escale_session_get_sign_in_window (fixture->session));
  g_assert_true (ESCALE_IS_FIRST_RUN_WINDOW (window));
  escale_test_wait_for_size (GTK_WIDGET (window));
  /* A new database: no word about an earlier version. */
  g_assert_null (escale_test_find_widget (window, GTK_TYPE_LABEL, is_upgraded_note, NULL));

  /* The association's name is needed. */
  escale_test_click (window, "_Next");
  g_assert_cmpstr (escale_first_run_window_get_page (window), ==, "association");
  g_assert_nonnull (error_at (window, "Name of the Association"));
  escale_test_type (window, "Name of the Association", "  Accueil Solidarité  ");
  escale_test_type (window, "Address", "12 rue des Lilas, 13001 Marseille");
  escale_test_click (window, "_Next");
  g_assert_cmpstr (escale_first_run_window_get_page (window), ==, "administrator");
  g_assert_null (error_at (window, "Name of the Association"));
  screenshot (window, "screenshot-auth-first-run.png");

  /* Nothing typed: an error at each field. */
  escale_test_click (window, "_Create Account and Sign In");
  g_assert_nonnull (error_at (window, "Login"));
  g_assert_nonnull (error_at (window, "Full Name"));
  g_assert_nonnull (error_at (window, "Password"));
  g_assert_false (escale_store_has_accounts (fixture->store));

  /* A password too short, then two that differ. */
  escale_test_type (window, "Login", "claire");
  escale_test_type (window, "Full Name", "Claire Dubois");
  escale_test_type (window, "Password", "short");
  escale_test_type (window, "Confirm Password", "short");
  escale_test_click (window, "_Create Account and Sign In");
  g_assert_null (error_at (window, "Login"));
  g_assert_null (error_at (window, "Full Name"));
  g_assert_nonnull (strstr (error_at (window, "Password"), "10"));
  escale_test_type (window, "Password", PASSWORD);
  escale_test_type (window, "Confirm Password", PASSWORD "!");
  escale_test_click (window, "_Create Account and Sign In");
  g_assert_null (error_at (window, "Password"));
  g_assert_nonnull (error_at (window, "Confirm Password"));
  g_assert_false (escale_store_has_accounts (fixture->store));
  g_assert_null (shown_window ());
  screenshot (window, "screenshot-auth-first-run-errors.png");

  /* Right: the administrator is created and signed in, the window opens. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  escale_test_type (window, "Confirm Password", PASSWORD);
  escale_test_click (window, "_Create Account and Sign In");
  g_assert_null (window);
  g_assert_nonnull (shown_window ());
  g_assert_null (escale_session_get_sign_in_window (fixture->session));
  g_assert_true (escale_session_is_signed_in (fixture->session));
  account = escale_store_get_account (fixture->store);
  g_assert_nonnull (account);
  g_assert_cmpstr (account->login, ==, "claire");
  g_assert_cmpstr (account->name, ==, "Claire Dubois");
  g_assert_cmpint (account->role, ==, ESCALE_ROLE_ADMINISTRATOR);
  settings = escale_report_settings_load (fixture->store, NULL);
  g_assert_cmpstr (settings->association, ==, "Accueil Solidarité");
  g_assert_cmpstr (settings->address, ==, "12 rue des Lilas, 13001 Marseille");
}

/* A database made before accounts: the same assistant, with a word, and
 * the association's name it had. */
static void
test_upgraded (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_new ();
  GtkWindow *window;

  (void) data;
  escale_test_add_person (fixture->store, "Haddad", "Amina", "1990-03-14");
  g_free (settings->association);
  settings->association = g_strdup ("Accueil & Co");
  g_assert_true (escale_report_settings_save (fixture->store, settings, NULL));

  escale_session_begin_with_store (fixture->session, fixture->store);
  spin ();
  window = escale_session_get_sign_in_window (fixture->session);
  g_assert_true (ESCALE_IS_FIRST_RUN_WINDOW (window));
  escale_test_wait_for_size (GTK_WIDGET (window));
  g_assert_nonnull (escale_test_find_widget (window, GTK_TYPE_LABEL, is_upgraded_note, NULL));
  g_assert_cmpstr (text_of (window, "Name of the Association"), ==, "Accueil & Co");
  screenshot (window, "screenshot-auth-upgraded.png");
}

static void
test_login (Fixture       *fixture,
            gconstpointer  data)
{
  EscaleSignInWindow *window;

  (void) data;
  add_account (fixture->store, "claire", ESCALE_ROLE_ADMINISTRATOR, PASSWORD);
  window = begin_login (fixture);

  escale_test_click (window, "_Sign In");
  g_assert_nonnull (error_at (window, "Login"));

  /* A wrong password: said at the field, emptied, nobody signed in. */
  sign_in (window, "claire", "not the password");
  g_assert_null (error_at (window, "Login"));
  g_assert_nonnull (error_at (window, "Password"));
  g_assert_cmpstr (text_of (window, "Password"), ==, "");
  g_assert_null (escale_store_get_account (fixture->store));
  g_assert_null (shown_window ());

  /* Enter in the password signs in. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  escale_test_type (window, "Password", PASSWORD);
  g_signal_emit_by_name (escale_test_find_entry_row (window, "Password"), "entry-activated");
  spin ();
  g_assert_null (window);
  g_assert_nonnull (shown_window ());
  g_assert_cmpstr (escale_store_get_account (fixture->store)->login, ==, "claire");
  g_assert_true (escale_session_is_signed_in (fixture->session));
}

/* After ESCALE_LOCKOUT_ATTEMPTS failures, the right password is refused too,
 * with another message. */
static void
test_lockout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *wrong = NULL;
  EscaleSignInWindow *window;

  (void) data;
  add_account (fixture->store, "claire", ESCALE_ROLE_ADMINISTRATOR, PASSWORD);
  window = begin_login (fixture);
  for (int i = 0; i < ESCALE_LOCKOUT_ATTEMPTS; i++)
    {
      sign_in (window, "claire", "not the password");
      g_assert_nonnull (error_at (window, "Password"));
      if (i == 0)
        wrong = g_strdup (error_at (window, "Password"));
    }
  sign_in (window, "claire", PASSWORD);
  g_assert_nonnull (error_at (window, "Password"));
  g_assert_cmpstr (error_at (window, "Password"), !=, wrong);
  g_assert_null (escale_store_get_account (fixture->store));
  g_assert_null (shown_window ());
  g_test_message ("locked out: %s", error_at (window, "Password"));
}

/* A password reset by an administrator is changed before anything else. */
static void
test_must_change_password (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EscaleSignInWindow *window;
  gint64 marie;

  (void) data;
  add_account (fixture->store, "claire", ESCALE_ROLE_ADMINISTRATOR, PASSWORD);
  g_assert_true (escale_store_login (fixture->store, "claire", PASSWORD, &error));
  marie = add_account (fixture->store, "marie", ESCALE_ROLE_VOLUNTEER, "her first password");
  g_assert_true (escale_store_reset_password (fixture->store, marie, "given by claire", &error));
  g_assert_no_error (error);
  escale_store_logout (fixture->store);

  window = begin_login (fixture);
  sign_in (window, "marie", "given by claire");
  g_assert_cmpstr (escale_sign_in_window_get_page (window), ==, "new-password");
  g_assert_null (shown_window ());
  escale_test_wait_for_size (GTK_WIDGET (window));
  screenshot (window, "screenshot-auth-new-password.png");

  escale_test_click (window, "_Change Password");
  g_assert_nonnull (error_at (window, "New Password"));
  escale_test_type (window, "New Password", "given by claire");
  escale_test_type (window, "Confirm New Password", "given by claire");
  escale_test_click (window, "_Change Password");
  g_assert_nonnull (error_at (window, "New Password"));
  escale_test_type (window, "New Password", "only marie knows it");
  escale_test_type (window, "Confirm New Password", "only marie knows");
  escale_test_click (window, "_Change Password");
  g_assert_null (error_at (window, "New Password"));
  g_assert_nonnull (error_at (window, "Confirm New Password"));
  g_assert_null (shown_window ());

  escale_test_type (window, "Confirm New Password", "only marie knows it");
  escale_test_click (window, "_Change Password");
  g_assert_nonnull (shown_window ());
  g_assert_false (escale_store_get_account (fixture->store)->must_change_password);

  /* Signed out, the new password signs in at once. */
  escale_session_sign_out (fixture->session);
  spin ();
  g_assert_null (shown_window ());
  g_assert_null (escale_store_get_account (fixture->store));
  window = ESCALE_SIGN_IN_WINDOW (escale_session_get_sign_in_window (fixture->session));
  g_assert_cmpstr (escale_sign_in_window_get_page (window), ==, "login");
  sign_in (window, "marie", "only marie knows it");
  g_assert_nonnull (shown_window ());
}

/* The idle lock: nothing of the records is shown, nor any dialog, until
 * the password is typed again. */
static void
test_idle_lock (Fixture       *fixture,
                gconstpointer  data)
{
  EscaleWindow *window;
  GtkWidget *list, *preferences, *screen;

  (void) data;
  window = sign_in_as_administrator (fixture);
  list = people_list (window);
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  spin ();
  preferences = escale_test_find_toplevel (ESCALE_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_widget_get_visible (preferences));

  /* Idle for the time set: locked. */
  escale_session_set_lock_timeout (fixture->session, 300);
  wait_for_lock (fixture->session, TRUE);
  g_assert_true (escale_window_is_locked (window));
  g_assert_false (gtk_widget_get_mapped (list));
  g_assert_false (gtk_widget_get_visible (preferences));
  g_assert_false (gtk_widget_get_sensitive (preferences));
  screen = escale_test_find_widget (window, ESCALE_TYPE_LOCK_SCREEN, NULL, NULL);
  g_assert_nonnull (screen);
  g_assert_true (gtk_widget_get_mapped (screen));
  g_assert_null (escale_test_find_widget (window, ESCALE_TYPE_PEOPLE_PAGE, NULL, NULL));
  screenshot (window, "screenshot-auth-lock.png");

  /* The window's actions do nothing meanwhile. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-person", NULL);
  spin ();
  g_assert_null (escale_people_page_get_editor (ESCALE_PEOPLE_PAGE (escale_window_get_people_page (window))));

  /* A wrong password keeps it locked. */
  escale_test_type (screen, "Password", "not the password");
  escale_test_click (screen, "_Unlock");
  g_assert_nonnull (error_at (screen, "Password"));
  g_assert_true (escale_session_is_locked (fixture->session));
  g_assert_false (gtk_widget_get_mapped (list));

  /* The right one brings everything back. */
  escale_test_type (screen, "Password", PASSWORD);
  g_signal_emit_by_name (escale_test_find_entry_row (screen, "Password"), "entry-activated");
  wait_for_lock (fixture->session, FALSE);
  g_assert_false (escale_window_is_locked (window));
  escale_test_wait_for_size (list);
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_true (gtk_widget_get_visible (preferences));
  g_assert_true (gtk_widget_get_sensitive (preferences));
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* Once unlocked, the idle time counts again: locked again. */
  wait_for_lock (fixture->session, TRUE);
  escale_test_type (escale_test_find_widget (window, ESCALE_TYPE_LOCK_SCREEN, NULL, NULL),
                    "Password", PASSWORD);
  escale_test_click (escale_test_find_widget (window, ESCALE_TYPE_LOCK_SCREEN, NULL, NULL),
                     "_Unlock");
  g_assert_false (escale_session_is_locked (fixture->session));

  /* 0: never. */
  escale_session_set_lock_timeout (fixture->session, 0);
  for (int i = 0; i < 40; i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_false (escale_session_is_locked (fixture->session));
  /* The Lock action locks at once. */
  escale_session_lock (fixture->session);
  g_assert_true (escale_window_is_locked (window));
}

/* Unlocking gives back what the role may use, no more: a volunteer still
 * has no Reports page. */
static void
test_unlock_keeps_role (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *reports, *screen;
  AdwViewStack *stack;
  EscaleWindow *window;

  (void) data;
  add_account (fixture->store, "claire", ESCALE_ROLE_ADMINISTRATOR, PASSWORD);
  g_assert_true (escale_store_login (fixture->store, "claire", PASSWORD, &error));
  add_account (fixture->store, "marie", ESCALE_ROLE_VOLUNTEER, "marie's own password");
  escale_store_logout (fixture->store);
  sign_in (begin_login (fixture), "marie", "marie's own password");
  window = shown_window ();
  g_assert_nonnull (window);
  reports = escale_window_get_reports_page (window);
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (reports, ADW_TYPE_VIEW_STACK));
  g_assert_false (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, reports)));

  escale_session_lock (fixture->session);
  screen = escale_test_find_widget (window, ESCALE_TYPE_LOCK_SCREEN, NULL, NULL);
  escale_test_type (screen, "Password", "marie's own password");
  escale_test_click (screen, "_Unlock");
  g_assert_false (escale_window_is_locked (window));
  g_assert_false (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, reports)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-reports", NULL);
  spin ();
  g_assert_true (adw_view_stack_get_visible_child (stack) != reports);
}

/* The idle time is a preference, in minutes; 0 for never. */
static void
test_lock_setting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = escale_application_new_settings ();
  EscalePreferencesWindow *preferences;
  GtkWidget *minutes;

  (void) data;
  g_assert_cmpint (g_settings_get_int (settings, "lock-minutes"), ==, 10);
  preferences = escale_preferences_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (preferences));
  spin ();
  minutes = escale_preferences_window_get_setting_widget (preferences, "lock-minutes");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (minutes)), ==, 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minutes), 0);
  g_assert_cmpint (g_settings_get_int (settings, "lock-minutes"), ==, 0);
  g_settings_reset (settings, "lock-minutes");
}

/* Signing out closes every window and asks for a login again. */
static void
test_sign_out (Fixture       *fixture,
               gconstpointer  data)
{
  EscaleWindow *window;
  GtkWindow *sign_in_window;

  (void) data;
  window = sign_in_as_administrator (fixture);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  escale_session_sign_out (fixture->session);
  spin ();
  g_assert_null (window);
  g_assert_false (escale_session_is_signed_in (fixture->session));
  g_assert_null (escale_store_get_account (fixture->store));
  sign_in_window = escale_session_get_sign_in_window (fixture->session);
  g_assert_true (ESCALE_IS_SIGN_IN_WINDOW (sign_in_window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sign_in_window)));
  g_assert_cmpstr (text_of (sign_in_window, "Login"), ==, "");
}

/* An encrypted database: its passphrase first, then the login. */
static void
test_passphrase (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = escale_test_tmp_path ("encrypted.db");
  EscaleSignInWindow *window;

  (void) data;
  {
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);

    g_assert_no_error (error);
    add_account (store, "claire", ESCALE_ROLE_ADMINISTRATOR, PASSWORD);
  }
  g_assert_true (escale_crypt_encrypt_file (path, "correct horse battery", &error));
  g_assert_no_error (error);
  escale_crypt_forget (path);

  g_assert_true (escale_session_begin (fixture->session, path, &error));
  spin ();
  window = ESCALE_SIGN_IN_WINDOW (escale_session_get_sign_in_window (fixture->session));
  g_assert_true (ESCALE_IS_SIGN_IN_WINDOW (window));
  g_assert_cmpstr (escale_sign_in_window_get_page (window), ==, "passphrase");

  /* A wrong passphrase is said at the field. */
  escale_test_type (window, "Passphrase", "wrong horse");
  escale_test_click (window, "_Open");
  g_assert_nonnull (error_at (window, "Passphrase"));
  g_assert_cmpstr (text_of (window, "Passphrase"), ==, "");
  g_assert_cmpstr (escale_sign_in_window_get_page (window), ==, "passphrase");
  g_assert_null (escale_session_get_store (fixture->session));
  screenshot (window, "screenshot-auth-passphrase.png");

  escale_test_type (window, "Passphrase", "correct horse battery");
  g_signal_emit_by_name (escale_test_find_entry_row (window, "Passphrase"), "entry-activated");
  spin ();
  g_assert_nonnull (escale_session_get_store (fixture->session));
  g_assert_true (escale_session_get_sign_in_window (fixture->session) == GTK_WINDOW (window));
  g_assert_cmpstr (escale_sign_in_window_get_page (window), ==, "login");
  sign_in (window, "claire", PASSWORD);
  g_assert_nonnull (shown_window ());
  escale_crypt_forget (path);
}

/* The account's language: chosen in the preferences, kept in the account,
 * applied after its next login. */
static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = escale_application_new_settings ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  (void) data;
  add_account (fixture->store, "claire", ESCALE_ROLE_ADMINISTRATOR, PASSWORD);
  g_assert_true (escale_store_login (fixture->store, "claire", PASSWORD, &error));
  escale_language_save_choice (fixture->store, "fr");
  saved = g_settings_get_string (settings, "interface-language");
  g_assert_cmpstr (saved, ==, "fr");
  escale_store_logout (fixture->store);
  g_assert_true (escale_store_login (fixture->store, "claire", PASSWORD, &error));
  g_assert_cmpstr (escale_store_get_account (fixture->store)->interface_language, ==, "fr");
  escale_store_logout (fixture->store);

  g_assert_cmpstr (escale_language_get_current (), ==, "");
  sign_in (begin_login (fixture), "claire", PASSWORD);
  g_assert_nonnull (shown_window ());
  g_assert_cmpstr (escale_language_get_current (), ==, "fr");
  g_assert_cmpstr (_("People"), !=, "People");
  g_assert_nonnull (escale_test_find_label (shown_window (), _("People")));
  escale_language_switch ("");
  g_settings_reset (settings, "interface-language");
  spin ();
}

/* The login in French and in Arabic, right to left. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *const languages[] = { "fr", "ar" };
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_new ();

  (void) data;
  g_free (settings->association);
  settings->association = g_strdup ("Accueil Solidarité 13");
  g_assert_true (escale_report_settings_save (fixture->store, settings, NULL));
  add_account (fixture->store, "claire", ESCALE_ROLE_ADMINISTRATOR, PASSWORD);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("screenshot-auth-login-%s.png", languages[i]);
      EscaleSignInWindow *window;

      escale_language_switch (languages[i]);
      g_clear_object (&fixture->session);
      fixture->session = escale_session_new (NULL);
      window = begin_login (fixture);
      escale_test_wait_for_size (GTK_WIDGET (window));
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==,
                       i == 1 ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      /* The titles, as the language has them. */
      escale_test_type (window, _("Login"), "claire");
      escale_test_type (window, _("Password"), "not the password");
      escale_test_click (window, _("_Sign In"));
      g_assert_nonnull (error_at (window, _("Password")));
      screenshot (window, name);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  escale_language_switch ("");
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  escale_test_init_gtk_translated (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/auth/first-run", test_first_run);
  ADD ("/ui/auth/upgraded", test_upgraded);
  ADD ("/ui/auth/login", test_login);
  ADD ("/ui/auth/lockout", test_lockout);
  ADD ("/ui/auth/must-change-password", test_must_change_password);
  ADD ("/ui/auth/idle-lock", test_idle_lock);
  ADD ("/ui/auth/unlock-keeps-role", test_unlock_keeps_role);
  ADD ("/ui/auth/lock-setting", test_lock_setting);
  ADD ("/ui/auth/sign-out", test_sign_out);
  ADD ("/ui/auth/passphrase", test_passphrase);
  ADD ("/ui/auth/language", test_language);
  ADD ("/ui/auth/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
