/* test-ui-import.c — the Import dialog, driven through the widgets
 *
 * Signed in as staff on a real database: the main window's win.import
 * opens the dialog (for people, or for partners from the Partners page);
 * a file with mistakes shows each problem at its line and column, and
 * nothing is written; a LibreOffice workbook shows what will be imported,
 * with the note about its first sheet, then Import creates the people (as
 * the account signed in, in the audit log), closes the dialog and says it
 * in a toast. A volunteer gets no Import, and the store refuses the
 * worker's import anyway. The columns the dialog names are those the
 * importers accept. Screenshots of the problems and of the plan, in
 * English, French and Arabic, go to the build folder (import-*.png).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "escale-account.h"
#include "escale-import-dialog.h"
#include "escale-language-switch.h"
#include "escale-people-page.h"
#include "escale-person-store.h"
#include "escale-store-private.h"
#include "escale-test-auth.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-window.h"

#define spin escale_test_spin

#define PASSWORD "a long enough password"

typedef struct
{
  EscaleStore  *store;
  EscaleWindow *window;
} Fixture;

/* Helpers */

/* Signs into @store as a new account @login of @role (the first account,
 * an administrator, makes it). */
static void
sign_in_as (EscaleStore *store,
            const char  *login,
            EscaleRole   role)
{
  g_autoptr(GError) error = NULL;

  if (!escale_store_has_accounts (store))
    {
      g_assert_cmpint (escale_store_create_account (store, "admin", NULL,
                                                    ESCALE_ROLE_ADMINISTRATOR, PASSWORD,
                                                    &error), >, 0);
      g_assert_true (escale_store_login (store, "admin", PASSWORD, &error));
    }
  g_assert_cmpint (escale_store_create_account (store, login, NULL, role, PASSWORD, &error), >, 0);
  escale_store_logout (store);
  g_assert_true (escale_store_login (store, login, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_store_get_role (store), ==, role);
}

static EscaleWindow *
show_window (EscaleStore *store)
{
  EscaleWindow *window = escale_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  escale_test_wait_for_size (GTK_WIDGET (window));
  return window;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = escale_test_store_new ();
  sign_in_as (fixture->store, "marc", data != NULL ? GPOINTER_TO_INT (data) : ESCALE_ROLE_STAFF);
  fixture->window = show_window (fixture->store);
}

static EscaleImportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ESCALE_IS_IMPORT_DIALOG (window) && gtk_widget_get_visible (window))
        return ESCALE_IMPORT_DIALOG (window);
    }
  return NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  EscaleImportDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_clear_object (&fixture->store);
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "tests", "fixtures", name, NULL);
}

static gint64
count (EscaleStore *store,
       const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The dialog win.import opens on @window. */
static EscaleImportDialog *
open_dialog (EscaleWindow *window)
{
  EscaleImportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (escale_import_dialog_get_step (dialog), ==, "choose");
  return dialog;
}

/* Lets the worker check (or import) the file, until the dialog shows the
 * result. */
static void
wait_while_busy (EscaleImportDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_str_equal (escale_import_dialog_get_step (dialog), "busy") &&
         g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpstr (escale_import_dialog_get_step (dialog), !=, "busy");
  escale_test_wait_for_size (GTK_WIDGET (dialog));
  spin ();
}

/* Lets the main loop run until the object *@pointer (a weak pointer) is finalized. */
static void
wait_until_gone (gpointer *pointer)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*pointer != NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_null (*pointer);
}

/* What the file chooser does with the file chosen. */
static void
choose_fixture (EscaleImportDialog *dialog,
                const char         *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  escale_import_dialog_open_file (dialog, file);
  g_assert_cmpstr (escale_import_dialog_get_step (dialog), ==, "busy");
  wait_while_busy (dialog);
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  data)
{
  const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

  return g_strcmp0 (label, data) == 0;
}

static GtkWidget *
find_button (gpointer    root,
             const char *label)
{
  return escale_test_find_widget (root, GTK_TYPE_BUTTON, has_label, label);
}

/* Lets the transitions end, and saves a PNG of @dialog. */
static void
screenshot (gpointer    dialog,
            const char *name)
{
  gint64 end = g_get_monotonic_time () + 400 * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  escale_test_save_screenshot (dialog, name);
}

/* Tests */

/* A file with mistakes: each at its line and column, and nothing written. */
static void
test_problems (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  EscaleImportDialog *dialog = open_dialog (fixture->window);

  g_assert_cmpint (escale_import_dialog_get_kind (dialog), ==, ESCALE_IMPORT_PEOPLE);
  g_assert_nonnull (find_button (dialog, "_Choose File…"));
  choose_fixture (dialog, "import-bad.csv");
  g_assert_cmpstr (escale_import_dialog_get_step (dialog), ==, "problems");
  g_assert_nonnull (escale_test_find_label (dialog, "import-bad.csv"));
  g_assert_nonnull (escale_test_find_label (dialog, "2 problems: nothing was imported. Correct the "
                                                    "file and choose it again."));
  g_assert_nonnull (escale_test_find_label (dialog, "Line 4, column birth_date: “31/02/1990” is "
                                                    "not a date"));
  g_assert_nonnull (escale_test_find_label (dialog, "Line 6, column nationality: “XX” is not an "
                                                    "ISO 3166 country code"));
  g_assert_nonnull (find_button (dialog, "Choose _Another File…"));
  g_assert_false (gtk_widget_get_visible (find_button (dialog, "_Import")));
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 0);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (count (fixture->store,
                          "SELECT count(*) FROM audit_log WHERE operation = 'import'"), ==, 0);

  /* Escape closes it. */
  {
    g_autoptr(GtkShortcut) escape = escale_test_find_shortcut (GTK_WIDGET (dialog), "Escape",
                                                                NULL);

    g_assert_nonnull (escape);
    g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (escape), 0,
                                                 GTK_WIDGET (dialog), NULL));
  }
  spin ();
  g_assert_null (find_dialog ());
}

/* A LibreOffice workbook: the plan, then the import, as the account signed in. */
static void
test_import_workbook (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  EscaleImportDialog *dialog = open_dialog (fixture->window);

  choose_fixture (dialog, "import-xlsx-people-libreoffice.xlsx");
  g_assert_cmpstr (escale_import_dialog_get_step (dialog), ==, "plan");
  g_assert_nonnull (escale_test_find_label (dialog, "Ready to Import"));
  g_assert_nonnull (escale_test_find_label (dialog, "5 people will be created"));
  g_assert_nonnull (escale_test_find_label (dialog,
                                            "Only the first sheet, “Personnes”, will be read."));
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM person"), ==, 0);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (find_button (dialog, "_Import"), "clicked");
  g_assert_cmpstr (escale_import_dialog_get_step (dialog), ==, "busy");
  /* An import under way is not left half done: the dialog stays until it ends. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_until_gone ((gpointer *) &dialog);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM person"), ==, 5);
  g_assert_cmpint (count (fixture->store,
                          "SELECT count(*) FROM person WHERE family_name = 'Tesfaye' "
                          "AND birth_date = '2001-12-31'"), ==, 1);
  /* The worker imported as the account signed in. */
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM audit_log "
                                          "WHERE operation = 'import' AND login = 'marc'"), ==, 1);
  spin ();
  g_assert_nonnull (escale_test_find_label (fixture->window, "5 people imported"));
  /* The People page read them. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (escale_people_page_get_list (
    ESCALE_PEOPLE_PAGE (escale_window_get_people_page (fixture->window))))), ==, 5);
}

/* A write that fails (a full disk, say): said in the dialog, nothing
 * written, and Import can be tried again once the cause is gone. */
static void
test_import_error (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  EscaleImportDialog *dialog = open_dialog (fixture->window);

  choose_fixture (dialog, "import-people.csv");
  g_assert_cmpstr (escale_import_dialog_get_step (dialog), ==, "plan");
  escale_test_exec_printf (fixture->store,
                           "CREATE TRIGGER test_full BEFORE INSERT ON person "
                           "BEGIN SELECT RAISE (FAIL, 'database or disk is full'); END");
  escale_test_click (dialog, "_Import");
  wait_while_busy (dialog);
  g_assert_cmpstr (escale_import_dialog_get_step (dialog), ==, "plan");
  g_assert_nonnull (escale_test_find_label (dialog, "The import failed and nothing was imported: "
                                                    "Line 2: Database error: database or disk "
                                                    "is full"));
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM household"), ==, 0);

  escale_test_exec_printf (fixture->store, "DROP TRIGGER test_full");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  escale_test_click (dialog, "_Import");
  wait_until_gone ((gpointer *) &dialog);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM person"), ==, 4);
  spin ();
  g_assert_nonnull (escale_test_find_label (fixture->window, "4 people imported"));
}

/* Cancel while the file is checked: the dialog goes at once, the worker's
 * answer is dropped. */
static void
test_cancel_check (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  EscaleImportDialog *dialog = open_dialog (fixture->window);
  g_autofree char *path = fixture_path ("import-people.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  escale_import_dialog_open_file (dialog, file);
  g_assert_cmpstr (escale_import_dialog_get_step (dialog), ==, "busy");
  g_signal_emit_by_name (find_button (dialog, "_Cancel"), "clicked");
  g_assert_null (find_dialog ());
  wait_until_gone ((gpointer *) &dialog);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM person"), ==, 0);
}

/* Import Partners… on the Partners page, where the list is empty. */
static void
test_partners_page (Fixture       *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *page = escale_window_get_partners_page (fixture->window);
  GtkWidget *button;
  EscaleImportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-partners",
                                             NULL));
  spin ();
  g_assert_nonnull (escale_test_find_label (page, "Add the organisations you refer people to, or "
                                                  "import them from a spreadsheet."));
  button = find_button (page, "_Import Partners…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  screenshot (fixture->window, "import-partners-page.png");
  g_signal_emit_by_name (button, "clicked");
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (escale_import_dialog_get_kind (dialog), ==, ESCALE_IMPORT_PARTNERS);
  g_assert_nonnull (escale_test_find_label (dialog, "The first line of the file names the "
                                                    "columns. Required: code, name. Optional: "
                                                    "kind, address, postal_code, city, latitude, "
                                                    "longitude, phone, email, website, themes, "
                                                    "languages, capacity_total, capacity_free, "
                                                    "notes."));
  /* The People page's file is not a partners' one. */
  choose_fixture (dialog, "import-people.csv");
  g_assert_cmpstr (escale_import_dialog_get_step (dialog), ==, "problems");
  g_assert_nonnull (escale_test_find_label (dialog, "Line 1, column code: The header has no "
                                                    "column of this name, and it is required"));
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM partner"), ==, 0);
}

/* A volunteer is offered no import, and the store refuses one anyway. */
static void
test_volunteer (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *people_import = find_button (escale_window_get_people_page (fixture->window),
                                          "_Import…");
  GtkWidget *dialog;

  g_assert_nonnull (people_import);
  g_assert_false (gtk_widget_get_visible (people_import));
  g_assert_false (gtk_widget_get_visible (find_button (
    escale_window_get_partners_page (fixture->window), "_Import Partners…")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import", NULL);
  spin ();
  g_assert_null (find_dialog ());

  dialog = escale_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store,
                                     ESCALE_IMPORT_PEOPLE);
  gtk_window_present (GTK_WINDOW (dialog));
  choose_fixture (ESCALE_IMPORT_DIALOG (dialog), "import-people.csv");
  g_assert_cmpstr (escale_import_dialog_get_step (ESCALE_IMPORT_DIALOG (dialog)), ==, "problems");
  g_assert_nonnull (escale_test_find_label (dialog,
                                            "Your role does not allow you to import data"));
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM person"), ==, 0);
}

/* A staff member has the entry the volunteer has not. */
static void
test_staff_entries (Fixture       *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *people_import = find_button (escale_window_get_people_page (fixture->window),
                                          "_Import…");

  g_assert_nonnull (people_import);
  g_assert_true (gtk_widget_is_drawable (people_import));
  screenshot (fixture->window, "import-people-page.png");
  g_signal_emit_by_name (people_import, "clicked");
  spin ();
  g_assert_nonnull (find_dialog ());
  g_assert_cmpint (escale_import_dialog_get_kind (find_dialog ()), ==, ESCALE_IMPORT_PEOPLE);
}

/* Every column the dialog names is one its importer reads. */
static void
test_columns (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();

  for (EscaleImportKind kind = 0; kind < ESCALE_N_IMPORT_KINDS; kind++)
    {
      g_autofree char *name = g_strdup_printf ("columns-%d.csv", kind);
      g_autofree char *path = escale_test_tmp_path (name);
      g_autofree char *header = g_strdup_printf ("%s, %s\n", escale_import_kind_required (kind),
                                                 escale_import_kind_optional (kind));
      g_autoptr(GError) error = NULL;
      g_autoptr(EscaleImportReport) report = NULL;

      g_assert_true (g_file_set_contents (path, header, -1, &error));
      report = escale_import_kind_run (kind, store, path, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->unknown_columns->len, ==, 0);
      g_assert_cmpuint (report->problems->len, ==, 0);
    }
}

/* The problems and the plan, in English, French and Arabic. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  static const char *const languages[] = { "en", "fr", "ar" };

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *problems = g_strdup_printf ("import-problems-%s.png", languages[i]);
      g_autofree char *plan = g_strdup_printf ("import-plan-%s.png", languages[i]);
      g_autofree char *choose = g_strdup_printf ("import-choose-%s.png", languages[i]);
      EscaleImportDialog *dialog;

      escale_language_switch (languages[i]);
      fixture->window = show_window (fixture->store);
      dialog = open_dialog (fixture->window);
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (dialog)), ==,
                       i == 2 ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      screenshot (dialog, choose);
      choose_fixture (dialog, "import-bad.csv");
      screenshot (dialog, problems);
      choose_fixture (dialog, "import-people.csv");
      g_assert_cmpstr (escale_import_dialog_get_step (dialog), ==, "plan");
      screenshot (dialog, plan);
      gtk_window_destroy (GTK_WINDOW (dialog));
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      spin ();
    }
  escale_language_switch ("");
  fixture->window = show_window (fixture->store);
}

int
main (int   argc,
      char *argv[])
{
  escale_test_init_gtk_translated (&argc, &argv);

#define ADD(path, role, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (role), fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/import/problems", ESCALE_ROLE_STAFF, test_problems);
  ADD ("/ui/import/workbook", ESCALE_ROLE_STAFF, test_import_workbook);
  ADD ("/ui/import/error", ESCALE_ROLE_STAFF, test_import_error);
  ADD ("/ui/import/cancel", ESCALE_ROLE_STAFF, test_cancel_check);
  ADD ("/ui/import/partners-page", ESCALE_ROLE_STAFF, test_partners_page);
  ADD ("/ui/import/staff-entries", ESCALE_ROLE_STAFF, test_staff_entries);
  ADD ("/ui/import/volunteer", ESCALE_ROLE_VOLUNTEER, test_volunteer);
  ADD ("/ui/import/screenshots", ESCALE_ROLE_ADMINISTRATOR, test_screenshots);
#undef ADD
  g_test_add_func ("/ui/import/columns", test_columns);

  return g_test_run ();
}
