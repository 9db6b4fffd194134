/* test-ui-people.c — the People page driven as a user would, with real widgets
 *
 * Creates a person through the form, finds them by search, edits the file,
 * closes it; a bad date shows an error at the field and saves nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "escale-application.h"
#include "escale-household-dialog.h"
#include "escale-people-page.h"
#include "escale-person-editor.h"
#include "escale-person-list.h"
#include "escale-person-store.h"
#include "escale-person-view.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-vocab.h"
#include "escale-window.h"

typedef struct
{
  EscaleStore      *store;
  EscaleWindow     *window;
  EscalePeoplePage *page;
} Fixture;

#define spin escale_test_spin

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  (void) data;
  fixture->store = escale_test_store_new ();
  fixture->window = escale_window_new (NULL, fixture->store);
  fixture->page = ESCALE_PEOPLE_PAGE (escale_window_get_people_page (fixture->window));
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  (void) data;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_finalize_object (fixture->store);
}

static EscalePersonEditor *
open_new_person_form (Fixture *fixture)
{
  GtkWidget *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-person", NULL));
  spin ();
  editor = escale_people_page_get_editor (fixture->page);
  g_assert_nonnull (editor);
  return ESCALE_PERSON_EDITOR (editor);
}

static void
type_into (EscalePersonEditor *editor,
           EscaleField         field,
           const char         *text)
{
  GtkWidget *widget = escale_person_editor_get_field_widget (editor, field);

  g_assert_true (GTK_IS_EDITABLE (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  spin ();
}

static guint
n_listed (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (escale_people_page_get_list (fixture->page)));
}

static void
test_bad_date_saves_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  EscalePersonEditor *editor = open_new_person_form (fixture);

  (void) data;
  type_into (editor, ESCALE_FIELD_FAMILY_NAME, "Haddad");
  type_into (editor, ESCALE_FIELD_BIRTH_DATE, "31/02/2001");
  g_assert_false (escale_person_editor_save (editor));
  spin ();
  g_assert_nonnull (escale_person_editor_get_field_error (editor, ESCALE_FIELD_BIRTH_DATE));
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 0);
  g_assert_true (escale_people_page_get_editor (fixture->page) == GTK_WIDGET (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  spin ();
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 0);
}

static void
test_create_find_edit_close (Fixture       *fixture,
                             gconstpointer  data)
{
  EscalePersonEditor *editor;
  g_autoptr(EscalePerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  (void) data;
  escale_test_add_person (fixture->store, "Martin", "Paul", NULL);

  /* Create through the form. */
  editor = open_new_person_form (fixture);
  type_into (editor, ESCALE_FIELD_FAMILY_NAME, "Tesfaye");
  type_into (editor, ESCALE_FIELD_GIVEN_NAMES, "Yonas");
  type_into (editor, ESCALE_FIELD_BIRTH_DATE, "14/03/1990");
  type_into (editor, ESCALE_FIELD_PHONE, "+33 6 12 34 56 78");
  g_assert_true (escale_person_editor_save (editor));
  spin ();
  g_assert_null (escale_people_page_get_editor (fixture->page));
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 2);
  id = escale_people_page_get_person_id (fixture->page);
  g_assert_cmpint (id, >, 0);

  /* Find them by search, accent- and case-insensitively, by phone too. */
  escale_people_page_set_query (fixture->page, "tesf");
  spin ();
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  escale_people_page_set_query (fixture->page, "0612");
  spin ();
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  escale_people_page_set_query (fixture->page, "\"AND*(");
  spin ();
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  escale_people_page_set_query (fixture->page, "");
  spin ();
  g_assert_cmpuint (n_listed (fixture), ==, 2);

  /* Edit: the form opens prefilled, the change is saved. */
  escale_people_page_open_person (fixture->page, id);
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-person", NULL));
  spin ();
  editor = ESCALE_PERSON_EDITOR (escale_people_page_get_editor (fixture->page));
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (escale_person_editor_get_field_widget (editor, ESCALE_FIELD_FAMILY_NAME))),
                   ==, "Tesfaye");
  type_into (editor, ESCALE_FIELD_CITY, "Grenoble");
  g_assert_true (escale_person_editor_save (editor));
  spin ();
  person = escale_store_load_person (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_CITY), ==, "Grenoble");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_BIRTH_DATE), ==, "1990-03-14");
  g_clear_object (&person);

  /* Close the file: a reason is required. */


  escale_people_page_open_person (fixture->page, id);
  spin ();
  g_assert_false (escale_people_page_close_file (fixture->page, "12/01/2026", "", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (escale_people_page_close_file (fixture->page, "12/01/2026", "Moved to Lyon",
                                                &error));
  g_assert_no_error (error);
  spin ();
  person = escale_store_load_person (fixture->store, id, &error);
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_CLOSED_ON), ==, "2026-01-12");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_CLOSE_REASON), ==, "Moved to Lyon");
}

static void
on_added (gboolean *added)
{
  *added = TRUE;
}

/* The household dialog finds a person and adds them with a role; the
 * first person becomes the head of the new household. */
static void
test_household_dialog (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 head_id = escale_test_add_person (fixture->store, "Kebede", "Almaz", "1985-02-01");
  gint64 child_id = escale_test_add_person (fixture->store, "Kebede", "Dawit", "2015-06-10");
  g_autoptr(EscalePerson) head = escale_store_load_person (fixture->store, head_id, NULL);
  g_autoptr(EscalePerson) child = NULL;
  g_autoptr(GError) error = NULL;
  EscaleHouseholdDialog *dialog;
  EscaleHouseholdMember *member;
  gboolean added = FALSE;

  (void) data;
  dialog = escale_household_dialog_new (GTK_WINDOW (fixture->window), fixture->store, head);
  g_signal_connect_swapped (dialog, "added", G_CALLBACK (on_added), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  escale_household_dialog_set_query (dialog, "dawit");
  spin ();
  g_assert_true (escale_household_dialog_add (dialog, 0, "child", &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_true (added);

  g_clear_object (&head);
  head = escale_store_load_person (fixture->store, head_id, &error);
  child = escale_store_load_person (fixture->store, child_id, &error);
  g_assert_cmpint (escale_person_get_household_id (head), !=, 0);
  g_assert_cmpint (escale_person_get_household_id (head), ==, escale_person_get_household_id (child));
  g_assert_cmpstr (escale_person_get_household_role (head), ==, "head");
  g_assert_cmpstr (escale_person_get_household_role (child), ==, "child");
  g_assert_cmpuint (escale_person_get_household_members (head)->len, ==, 1);
  member = g_ptr_array_index (escale_person_get_household_members (head), 0);
  g_assert_cmpint (member->person_id, ==, child_id);

  /* The file shows the household; a person is not added to their own. */
  escale_people_page_open_person (fixture->page, head_id);
  spin ();
  dialog = escale_household_dialog_new (GTK_WINDOW (fixture->window), fixture->store, head);
  escale_household_dialog_set_query (dialog, "almaz");
  g_assert_false (escale_household_dialog_add (dialog, 0, "other", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

/* Every template loads: the shortcuts window is only built on demand. */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/escale/Escale/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* A status a worker renamed in the preferences reads renamed in the list. */
static void
test_renamed_status (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EscalePerson) person = escale_test_person ("Haddad", "Amina", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  gboolean renamed = FALSE;

  (void) data;
  g_assert_true (escale_vocab_set_label (fixture->store, ESCALE_VOCAB_STATUS, "refugee",
                                         "Statutory refugee", &error));
  g_assert_no_error (error);
  g_ptr_array_add (escale_person_get_status_periods (person),
                   escale_status_period_new ("refugee", "2024-01-01", NULL, NULL, NULL));
  g_assert_true (escale_store_save_person (fixture->store, person, &error));
  g_assert_no_error (error);
  escale_people_page_set_query (fixture->page, "haddad");
  spin ();
  labels = escale_test_find_all (fixture->page, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    renamed |= strstr (gtk_label_get_label (labels->pdata[i]), "Statutory refugee") != NULL;
  g_assert_true (renamed);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  escale_test_init_gtk (&argc, &argv);

  g_test_add ("/ui/people/bad-date-saves-nothing", Fixture, NULL, fixture_set_up,
              test_bad_date_saves_nothing, fixture_tear_down);
  g_test_add ("/ui/people/create-find-edit-close", Fixture, NULL, fixture_set_up,
              test_create_find_edit_close, fixture_tear_down);
  g_test_add ("/ui/people/household-dialog", Fixture, NULL, fixture_set_up,
              test_household_dialog, fixture_tear_down);
  g_test_add ("/ui/people/renamed-status", Fixture, NULL, fixture_set_up, test_renamed_status,
              fixture_tear_down);
  g_test_add_func ("/ui/help-overlay", test_help_overlay);
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
