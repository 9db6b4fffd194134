/* test-person-editor.c — the form that creates and edits a person's file
 *
 * Real widgets on a real database: each problem is shown at its field and
 * nothing is saved until the form is valid; a valid form is saved with what
 * was typed; possible duplicates are offered before a new file is created.
 *
 * With ESCALE_EDITOR_SCREENSHOT=FILE.png the "screenshot" case saves a picture
 * of a filled form (ESCALE_EDITOR_RTL=1 lays it out right-to-left).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "escale-date.h"
#include "escale-person-editor.h"
#include "escale-person-store.h"
#include "escale-resources.h"
#include "escale-store-private.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-ui-util.h"

typedef struct
{
  EscaleStore        *store;
  EscalePersonEditor *editor;
  gint64              saved_id;
  gboolean            saved_created;
  guint               n_saved;
  gint64              opened_id;
} Fixture;

#define spin escale_test_spin

static void
on_saved_cb (EscalePersonEditor *editor G_GNUC_UNUSED,
             gint64              id,
             gboolean            created,
             Fixture            *fixture)
{
  fixture->saved_id = id;
  fixture->saved_created = created;
  fixture->n_saved++;
}

static void
on_open_person_cb (EscalePersonEditor *editor G_GNUC_UNUSED,
                   gint64              id,
                   Fixture            *fixture)
{
  fixture->opened_id = id;
}

static void
open_editor (Fixture      *fixture,
             EscalePerson *person)
{
  fixture->editor = escale_person_editor_new (NULL, fixture->store, person);
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (on_saved_cb), fixture);
  g_signal_connect (fixture->editor, "open-person", G_CALLBACK (on_open_person_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  spin ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  fixture->store = escale_test_store_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  if (fixture->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->editor));
  spin ();
  g_assert_null (fixture->editor);
  g_assert_finalize_object (fixture->store);
}

static GtkWidget *
field (Fixture     *fixture,
       EscaleField  field)
{
  GtkWidget *widget = escale_person_editor_get_field_widget (fixture->editor, field);

  g_assert_nonnull (widget);
  return widget;
}

static void
type_into (Fixture     *fixture,
           EscaleField  which,
           const char  *text)
{
  GtkWidget *widget = field (fixture, which);

  g_assert_true (GTK_IS_EDITABLE (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  spin ();
}

static void
choose (GtkWidget  *dropdown,
        const char *code)
{
  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  escale_code_dropdown_set_code (GTK_DROP_DOWN (dropdown), code);
  g_assert_cmpstr (escale_code_dropdown_get_code (GTK_DROP_DOWN (dropdown)), ==, code);
}

static GtkWidget *
item (Fixture     *fixture,
      EscaleField  list,
      guint        index,
      const char  *part)
{
  GtkWidget *widget = escale_person_editor_get_item_widget (fixture->editor, list, index, part);

  g_assert_nonnull (widget);
  return widget;
}

static void
add_item (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), action, NULL));
  spin ();
}

static gboolean
focus_is_in (Fixture   *fixture,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->editor));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Refused: the editor stays open and nothing is in the database. */
static void
assert_refused (Fixture *fixture,
                gint64   n_people)
{
  g_assert_false (escale_person_editor_save (fixture->editor));
  spin ();
  g_assert_nonnull (fixture->editor);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, n_people);
}

static void
test_new_form (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  open_editor (fixture, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "New Person");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->editor)));
  g_assert_true (focus_is_in (fixture, field (fixture, ESCALE_FIELD_FAMILY_NAME)));
  g_assert_null (escale_person_editor_get_field_error (fixture->editor,
                                                       ESCALE_FIELD_FAMILY_NAME));
  /* Nothing typed: closes at once, without asking. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.cancel", NULL));
  spin ();
  g_assert_null (fixture->editor);
}

static void
test_empty_family_name (Fixture       *fixture,
                        gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *family;

  open_editor (fixture, NULL);
  family = field (fixture, ESCALE_FIELD_FAMILY_NAME);
  type_into (fixture, ESCALE_FIELD_GIVEN_NAMES, "Amina");
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "   ");
  gtk_widget_grab_focus (field (fixture, ESCALE_FIELD_PHONE));
  assert_refused (fixture, 0);
  g_assert_cmpstr (escale_person_editor_get_field_error (fixture->editor,
                                                         ESCALE_FIELD_FAMILY_NAME),
                   ==, "The family name is required");
  g_assert_true (gtk_widget_has_css_class (family, "error"));
  g_assert_true (focus_is_in (fixture, family));
  g_assert_null (escale_person_editor_get_field_error (fixture->editor,
                                                       ESCALE_FIELD_GIVEN_NAMES));

  /* Typing the name clears the message at once. */
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "Haddad");
  g_assert_null (escale_person_editor_get_field_error (fixture->editor,
                                                       ESCALE_FIELD_FAMILY_NAME));
  g_assert_false (gtk_widget_has_css_class (family, "error"));
}

static void
test_bad_date (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  open_editor (fixture, NULL);
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "Haddad");
  type_into (fixture, ESCALE_FIELD_BIRTH_DATE, "31/02/2020");
  type_into (fixture, ESCALE_FIELD_ARRIVAL_DATE, "last spring");
  assert_refused (fixture, 0);
  g_assert_cmpstr (escale_person_editor_get_field_error (fixture->editor,
                                                         ESCALE_FIELD_BIRTH_DATE),
                   ==, "This date does not exist");
  g_assert_nonnull (g_strstr_len (escale_person_editor_get_field_error (fixture->editor,
                                                                        ESCALE_FIELD_ARRIVAL_DATE),
                                  -1, "DD/MM/YYYY"));
  g_assert_null (escale_person_editor_get_field_error (fixture->editor,
                                                       ESCALE_FIELD_FAMILY_NAME));
  /* The first field in error has the focus. */
  g_assert_true (focus_is_in (fixture, field (fixture, ESCALE_FIELD_BIRTH_DATE)));

  type_into (fixture, ESCALE_FIELD_BIRTH_DATE, "29/02/2020");
  g_assert_null (escale_person_editor_get_field_error (fixture->editor,
                                                       ESCALE_FIELD_BIRTH_DATE));
  type_into (fixture, ESCALE_FIELD_ARRIVAL_DATE, "");
  g_assert_true (escale_person_editor_save (fixture->editor));
  spin ();
  g_assert_null (fixture->editor);
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 1);
}

/* Leaving a field with a bad date shows the error before saving. */
static void
test_check_on_leave (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  open_editor (fixture, NULL);
  /* Leaving the empty family name says nothing yet. */
  gtk_widget_grab_focus (field (fixture, ESCALE_FIELD_GIVEN_NAMES));
  spin ();
  g_assert_null (escale_person_editor_get_field_error (fixture->editor,
                                                       ESCALE_FIELD_FAMILY_NAME));

  gtk_widget_grab_focus (field (fixture, ESCALE_FIELD_BIRTH_DATE));
  type_into (fixture, ESCALE_FIELD_BIRTH_DATE, "32/13/1990");
  g_assert_null (escale_person_editor_get_field_error (fixture->editor,
                                                       ESCALE_FIELD_BIRTH_DATE));
  gtk_widget_grab_focus (field (fixture, ESCALE_FIELD_FILE_NUMBER));
  spin ();
  g_assert_cmpstr (escale_person_editor_get_field_error (fixture->editor,
                                                         ESCALE_FIELD_BIRTH_DATE),
                   ==, "This date does not exist");
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 0);
}

static void
test_impossible_birth_dates (Fixture       *fixture,
                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autofree char *tomorrow = g_date_time_format (later, "%d/%m/%Y");

  open_editor (fixture, NULL);
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "Haddad");
  type_into (fixture, ESCALE_FIELD_BIRTH_DATE, tomorrow);
  assert_refused (fixture, 0);
  g_assert_cmpstr (escale_person_editor_get_field_error (fixture->editor,
                                                         ESCALE_FIELD_BIRTH_DATE),
                   ==, "This date is in the future");

  type_into (fixture, ESCALE_FIELD_BIRTH_DATE, "1850");
  assert_refused (fixture, 0);
  g_assert_nonnull (g_strstr_len (escale_person_editor_get_field_error (fixture->editor,
                                                                        ESCALE_FIELD_BIRTH_DATE),
                                  -1, "older than 120 years"));
}

static void
test_duplicate_file_number (Fixture       *fixture,
                            gconstpointer  data G_GNUC_UNUSED)
{
  gint64 id = escale_test_add_person (fixture->store, "Martin", "Paul", NULL);
  g_autoptr(EscalePerson) existing = escale_store_load_person (fixture->store, id, NULL);
  const char *number = escale_person_get (existing, ESCALE_FIELD_FILE_NUMBER);
  g_autofree char *expected = g_strdup_printf ("File number %s is already used by another person",
                                               number);

  open_editor (fixture, NULL);
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "Haddad");
  type_into (fixture, ESCALE_FIELD_FILE_NUMBER, number);
  assert_refused (fixture, 1);
  g_assert_cmpstr (escale_person_editor_get_field_error (fixture->editor,
                                                         ESCALE_FIELD_FILE_NUMBER),
                   ==, expected);
  g_assert_true (focus_is_in (fixture, field (fixture, ESCALE_FIELD_FILE_NUMBER)));
}

/* Problems in list items are shown at that item. */
static void
test_list_errors (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  open_editor (fixture, NULL);
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "Haddad");
  add_item (fixture, "editor.add-status");
  add_item (fixture, "editor.add-status");
  add_item (fixture, "editor.add-status");
  add_item (fixture, "editor.add-status");
  /* 0: fine; 1: dates but no status; 2: ends before it starts; 3: bad expiry */
  choose (item (fixture, ESCALE_FIELD_STATUS, 0, "main"), "refugee");
  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_STATUS, 1, "from")),
                         "01/01/2020");
  choose (item (fixture, ESCALE_FIELD_STATUS, 2, "main"), "asylum_seeker");
  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_STATUS, 2, "from")),
                         "01/06/2021");
  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_STATUS, 2, "to")),
                         "01/01/2021");
  choose (item (fixture, ESCALE_FIELD_STATUS, 3, "main"), "residence_permit");
  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_STATUS, 3, "expiry")),
                         "2025-02-30");
  add_item (fixture, "editor.add-language");
  add_item (fixture, "editor.add-language");
  choose (item (fixture, ESCALE_FIELD_LANGUAGES, 0, "main"), "ar");
  choose (item (fixture, ESCALE_FIELD_LANGUAGES, 1, "main"), "ar");
  add_item (fixture, "editor.add-nationality");
  add_item (fixture, "editor.add-nationality");
  add_item (fixture, "editor.add-nationality");
  choose (item (fixture, ESCALE_FIELD_NATIONALITIES, 0, "main"), "DZ");
  choose (item (fixture, ESCALE_FIELD_NATIONALITIES, 2, "main"), "DZ");
  assert_refused (fixture, 0);

  g_assert_null (escale_person_editor_get_item_error (fixture->editor, ESCALE_FIELD_STATUS, 0));
  g_assert_cmpstr (escale_person_editor_get_item_error (fixture->editor, ESCALE_FIELD_STATUS, 1),
                   ==, "Choose a status");
  g_assert_cmpstr (escale_person_editor_get_item_error (fixture->editor, ESCALE_FIELD_STATUS, 2),
                   ==, "The status cannot end before it starts");
  g_assert_cmpstr (escale_person_editor_get_item_error (fixture->editor, ESCALE_FIELD_STATUS, 3),
                   ==, "Document expires on: This date does not exist");
  g_assert_null (escale_person_editor_get_item_error (fixture->editor, ESCALE_FIELD_LANGUAGES, 0));
  g_assert_cmpstr (escale_person_editor_get_item_error (fixture->editor,
                                                        ESCALE_FIELD_LANGUAGES, 1),
                   ==, "This language is already listed");
  g_assert_null (escale_person_editor_get_item_error (fixture->editor,
                                                     ESCALE_FIELD_NATIONALITIES, 1));
  g_assert_cmpstr (escale_person_editor_get_item_error (fixture->editor,
                                                        ESCALE_FIELD_NATIONALITIES, 2),
                   ==, "This nationality is already listed");
  /* Nationalities come first in the form. */
  g_assert_true (focus_is_in (fixture, item (fixture, ESCALE_FIELD_NATIONALITIES, 2, "main")));
  g_signal_emit_by_name (gtk_widget_get_next_sibling (item (fixture, ESCALE_FIELD_NATIONALITIES,
                                                            2, "main")), "clicked");
  assert_refused (fixture, 0);
  /* Languages come before the status history. */
  g_assert_true (focus_is_in (fixture, item (fixture, ESCALE_FIELD_LANGUAGES, 1, "main")));

  /* Removing the bad items makes the form valid. */
  g_signal_emit_by_name (gtk_widget_get_last_child (
                           gtk_widget_get_parent (item (fixture, ESCALE_FIELD_LANGUAGES, 1,
                                                        "level"))), "clicked");
  spin ();
  g_assert_null (escale_person_editor_get_item_widget (fixture->editor, ESCALE_FIELD_LANGUAGES,
                                                       1, "main"));
}

static void
fill_valid_form (Fixture *fixture)
{
  GtkTextBuffer *notes;

  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "  Tesfaye ");
  type_into (fixture, ESCALE_FIELD_GIVEN_NAMES, "Yonas");
  add_item (fixture, "editor.add-name");
  add_item (fixture, "editor.add-name");
  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_OTHER_NAMES, 0, "main")),
                         "ዮናስ ተስፋዬ");
  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_OTHER_NAMES, 1, "main")),
                         "Jonas Tesfaie");
  choose (field (fixture, ESCALE_FIELD_SEX), "M");
  type_into (fixture, ESCALE_FIELD_BIRTH_DATE, "03/1990");
  choose (field (fixture, ESCALE_FIELD_BIRTH_COUNTRY), "ER");
  add_item (fixture, "editor.add-nationality");
  choose (item (fixture, ESCALE_FIELD_NATIONALITIES, 0, "main"), "ER");
  add_item (fixture, "editor.add-language");
  choose (item (fixture, ESCALE_FIELD_LANGUAGES, 0, "main"), "ti");
  choose (item (fixture, ESCALE_FIELD_LANGUAGES, 0, "level"), "native");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (item (fixture, ESCALE_FIELD_LANGUAGES, 0,
                                                       "interpreter")), TRUE);
  type_into (fixture, ESCALE_FIELD_PHONE, "+33 6 12 34 56 78");
  type_into (fixture, ESCALE_FIELD_EMAIL, "yonas@example.org");
  type_into (fixture, ESCALE_FIELD_CITY, "Lyon");
  type_into (fixture, ESCALE_FIELD_ARRIVAL_DATE, "2022-11-05");
  type_into (fixture, ESCALE_FIELD_REFERENT, "Claire");
  add_item (fixture, "editor.add-status");
  choose (item (fixture, ESCALE_FIELD_STATUS, 0, "main"), "asylum_seeker");
  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_STATUS, 0, "from")),
                         "15/11/2022");
  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_STATUS, 0, "document")),
                         "Attestation de demande d'asile");
  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_STATUS, 0, "expiry")),
                         "14/05/2023");
  add_item (fixture, "editor.add-status");  /* left empty: ignored */
  type_into (fixture, ESCALE_FIELD_CONSENT_DATE, "15/11/2022");
  type_into (fixture, ESCALE_FIELD_CONSENT_INFORMED, "Oral explanation in Tigrinya");
  notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (fixture, ESCALE_FIELD_NOTES)));
  gtk_text_buffer_set_text (notes, "Met at the welcome desk.", -1);
  spin ();
}

static void
test_valid_form_saved (Fixture       *fixture,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscalePerson) person = NULL;
  g_autoptr(GError) error = NULL;
  EscaleLanguageSkill *skill;
  EscaleStatusPeriod *period;
  const char * const *others;

  open_editor (fixture, NULL);
  fill_valid_form (fixture);
  /* The precision follows what was typed. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (field (fixture,
                                                                      ESCALE_FIELD_BIRTH_PRECISION))),
                    ==, ESCALE_DATE_MONTH);

  g_assert_true (escale_person_editor_save (fixture->editor));
  spin ();
  g_assert_null (fixture->editor);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_true (fixture->saved_created);
  g_assert_cmpint (fixture->saved_id, >, 0);

  person = escale_store_load_person (fixture->store, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_FAMILY_NAME), ==, "Tesfaye");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES), ==, "Yonas");
  g_assert_nonnull (escale_person_get (person, ESCALE_FIELD_FILE_NUMBER));
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_SEX), ==, "M");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_BIRTH_DATE), ==, "1990-03-01");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_BIRTH_PRECISION), ==, "month");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_BIRTH_COUNTRY), ==, "ER");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_PHONE), ==, "+33 6 12 34 56 78");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_ARRIVAL_DATE), ==, "2022-11-05");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_REFERENT), ==, "Claire");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_CONSENT_DATE), ==, "2022-11-15");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_NOTES), ==,
                   "Met at the welcome desk.");
  others = escale_person_get_other_names (person);
  g_assert_cmpuint (g_strv_length ((GStrv) others), ==, 2);
  g_assert_cmpstr (others[0], ==, "ዮናስ ተስፋዬ");
  g_assert_cmpstr (others[1], ==, "Jonas Tesfaie");
  g_assert_cmpstr (escale_person_get_nationalities (person)[0], ==, "ER");
  g_assert_cmpuint (escale_person_get_languages (person)->len, ==, 1);
  skill = g_ptr_array_index (escale_person_get_languages (person), 0);
  g_assert_cmpstr (skill->code, ==, "ti");
  g_assert_cmpstr (skill->level, ==, "native");
  g_assert_true (skill->interpreter);
  g_assert_cmpuint (escale_person_get_status_periods (person)->len, ==, 1);
  period = g_ptr_array_index (escale_person_get_status_periods (person), 0);
  g_assert_cmpstr (period->status, ==, "asylum_seeker");
  g_assert_cmpstr (period->started_on, ==, "2022-11-15");
  g_assert_null (period->ended_on);
  g_assert_cmpstr (period->document, ==, "Attestation de demande d'asile");
  g_assert_cmpstr (period->document_expiry, ==, "2023-05-14");
}

static void
test_estimated_birth (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  GtkDropDown *precision;
  g_autoptr(EscalePerson) person = NULL;

  open_editor (fixture, NULL);
  precision = GTK_DROP_DOWN (field (fixture, ESCALE_FIELD_BIRTH_PRECISION));
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "Rahimi");
  type_into (fixture, ESCALE_FIELD_BIRTH_DATE, "14/03/2006");
  g_assert_cmpuint (gtk_drop_down_get_selected (precision), ==, ESCALE_DATE_EXACT);
  type_into (fixture, ESCALE_FIELD_BIRTH_DATE, "2006");
  g_assert_cmpuint (gtk_drop_down_get_selected (precision), ==, ESCALE_DATE_YEAR);
  /* "Exact" does not fit a year: the text decides. "Estimated" is kept. */
  gtk_drop_down_set_selected (precision, ESCALE_DATE_EXACT);
  spin ();
  g_assert_cmpuint (gtk_drop_down_get_selected (precision), ==, ESCALE_DATE_YEAR);
  gtk_drop_down_set_selected (precision, ESCALE_DATE_ESTIMATED);
  type_into (fixture, ESCALE_FIELD_BIRTH_DATE, "2007");
  g_assert_cmpuint (gtk_drop_down_get_selected (precision), ==, ESCALE_DATE_ESTIMATED);
  g_assert_true (escale_person_editor_save (fixture->editor));
  spin ();

  person = escale_store_load_person (fixture->store, fixture->saved_id, NULL);
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_BIRTH_DATE), ==, "2007-01-01");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_BIRTH_PRECISION), ==, "estimated");
}

static gint64
add_full_person (Fixture *fixture)
{
  g_autoptr(EscalePerson) person = escale_test_person ("Benali", "Mohamed", "1990-03-14");
  g_autoptr(GError) error = NULL;
  const char *names[] = { "محمد بن علي", "Mohammed Ben Ali", NULL };
  const char *nationalities[] = { "DZ", NULL };

  escale_person_set (person, ESCALE_FIELD_BIRTH_PRECISION, "exact");
  escale_person_set (person, ESCALE_FIELD_REFERENT, "Claire");
  escale_person_set_other_names (person, names);
  escale_person_set_nationalities (person, nationalities);
  g_ptr_array_add (escale_person_get_languages (person),
                   escale_language_skill_new ("ar", "native", FALSE));
  g_ptr_array_add (escale_person_get_status_periods (person),
                   escale_status_period_new ("asylum_seeker", "2021-01-10", "2022-06-30",
                                             NULL, NULL));
  g_ptr_array_add (escale_person_get_status_periods (person),
                   escale_status_period_new ("refugee", "2022-07-01", NULL, "Carte de résident",
                                             "2032-06-30"));
  escale_store_save_person (fixture->store, person, &error);
  g_assert_no_error (error);
  return escale_person_get_id (person);
}

static void
test_edit_existing (Fixture       *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  gint64 id = add_full_person (fixture);
  g_autoptr(EscalePerson) before = escale_store_load_person (fixture->store, id, NULL);
  g_autoptr(EscalePerson) after = NULL;
  GPtrArray *periods;
  gint64 refugee_id;
  gboolean revealed = TRUE;

  periods = escale_person_get_status_periods (before);
  refugee_id = ((EscaleStatusPeriod *) g_ptr_array_index (periods, 1))->id;

  open_editor (fixture, before);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "Edit File");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture,
                                                               ESCALE_FIELD_FAMILY_NAME))),
                   ==, "Benali");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture,
                                                               ESCALE_FIELD_BIRTH_DATE))),
                   ==, "14/03/1990");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture,
                                                               ESCALE_FIELD_FILE_NUMBER))),
                   ==, escale_person_get (before, ESCALE_FIELD_FILE_NUMBER));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_OTHER_NAMES,
                                                              0, "main"))),
                   ==, "محمد بن علي");
  g_assert_cmpstr (escale_code_dropdown_get_code (GTK_DROP_DOWN (item (fixture,
                                                                       ESCALE_FIELD_NATIONALITIES,
                                                                       0, "main"))),
                   ==, "DZ");
  g_assert_cmpstr (escale_code_dropdown_get_code (GTK_DROP_DOWN (item (fixture,
                                                                       ESCALE_FIELD_STATUS,
                                                                       1, "main"))),
                   ==, "refugee");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_STATUS, 1,
                                                              "expiry"))),
                   ==, "30/06/2032");
  /* No possible duplicates when editing: the person is not their own. */
  type_into (fixture, ESCALE_FIELD_GIVEN_NAMES, "Mohamed Amine");
  g_usleep (400000);
  spin ();
  escale_person_editor_get_duplicates (fixture->editor, &revealed);
  g_assert_false (revealed);

  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_STATUS, 1, "document")),
                         "Carte de résident (10 ans)");
  g_assert_true (escale_person_editor_save (fixture->editor));
  spin ();
  g_assert_null (fixture->editor);
  g_assert_false (fixture->saved_created);
  g_assert_cmpint (fixture->saved_id, ==, id);
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 1);

  after = escale_store_load_person (fixture->store, id, NULL);
  g_assert_cmpstr (escale_person_get (after, ESCALE_FIELD_GIVEN_NAMES), ==, "Mohamed Amine");
  g_assert_cmpstr (escale_person_get (after, ESCALE_FIELD_FILE_NUMBER), ==,
                   escale_person_get (before, ESCALE_FIELD_FILE_NUMBER));
  g_assert_cmpstr (escale_person_get (after, ESCALE_FIELD_BIRTH_PRECISION), ==, "exact");
  g_assert_cmpstr (escale_person_get (after, ESCALE_FIELD_REFERENT), ==, "Claire");
  g_assert_cmpuint (g_strv_length ((GStrv) escale_person_get_other_names (after)), ==, 2);
  periods = escale_person_get_status_periods (after);
  g_assert_cmpuint (periods->len, ==, 2);
  for (guint i = 0; i < periods->len; i++)
    {
      EscaleStatusPeriod *period = g_ptr_array_index (periods, i);

      if (g_strcmp0 (period->status, "refugee") != 0)
        continue;
      g_assert_cmpint (period->id, ==, refugee_id);
      g_assert_cmpstr (period->document, ==, "Carte de résident (10 ans)");
    }
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  gint64 id = escale_test_add_person (fixture->store, "Benali", "Mohamed", "1990-03-14");
  GtkListBox *list;
  gboolean revealed = FALSE;
  gint64 end;

  escale_test_add_person (fixture->store, "Dupont", "Marie", "1975-06-01");
  open_editor (fixture, NULL);
  type_into (fixture, ESCALE_FIELD_GIVEN_NAMES, "Mohammed");
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "BENALI");
  type_into (fixture, ESCALE_FIELD_BIRTH_DATE, "14/03/1990");
  /* Debounced: nothing at once. */
  escale_person_editor_get_duplicates (fixture->editor, &revealed);
  g_assert_false (revealed);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!revealed && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      list = escale_person_editor_get_duplicates (fixture->editor, &revealed);
    }
  g_assert_true (revealed);
  list = escale_person_editor_get_duplicates (fixture->editor, NULL);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, "BENALI Mohamed");

  /* Open the existing file instead: nothing is created. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.open-person",
                                             "x", id));
  spin ();
  g_assert_null (fixture->editor);
  g_assert_cmpint (fixture->opened_id, ==, id);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 2);
}

/* Saving anyway creates a second file. */
static void
test_duplicate_saved_anyway (Fixture       *fixture,
                             gconstpointer  data G_GNUC_UNUSED)
{
  gboolean revealed = FALSE;

  escale_test_add_person (fixture->store, "Benali", "Mohamed", "1990-03-14");
  open_editor (fixture, NULL);
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "Benali");
  type_into (fixture, ESCALE_FIELD_GIVEN_NAMES, "Muhammad");
  g_usleep (400000);
  spin ();
  escale_person_editor_get_duplicates (fixture->editor, &revealed);
  g_assert_true (revealed);
  g_assert_true (escale_person_editor_save (fixture->editor));
  spin ();
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 2);
}

static void
test_cancel_asks (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  AdwMessageDialog *dialog;

  open_editor (fixture, NULL);
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "Haddad");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.cancel", NULL));
  spin ();
  g_assert_nonnull (fixture->editor);
  dialog = escale_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Changes?");
  /* Keep editing (what Escape does): the form stays as it was. */
  gtk_window_close (GTK_WINDOW (dialog));
  spin ();
  g_assert_null (escale_test_find_message_dialog ());
  g_assert_nonnull (fixture->editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture,
                                                               ESCALE_FIELD_FAMILY_NAME))),
                   ==, "Haddad");

  /* Closing the window asks too; discarding writes nothing. */
  gtk_window_close (GTK_WINDOW (fixture->editor));
  spin ();
  g_assert_nonnull (fixture->editor);
  dialog = escale_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  /* What the Discard button does. */
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_null (fixture->editor);
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 0);

  /* Destroying the editor while it asks takes the question away too. */
  open_editor (fixture, NULL);
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "Haddad");
  gtk_window_close (GTK_WINDOW (fixture->editor));
  spin ();
  g_assert_nonnull (escale_test_find_message_dialog ());
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  spin ();
  g_assert_null (fixture->editor);
  g_assert_null (escale_test_find_message_dialog ());
}

/* Lets the debounce timeout and the revealers' animations finish. */
static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    {
      g_usleep (50000);
      spin ();
    }
}

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  escale_test_wait_for_size (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Ctrl+Enter saves, Escape cancels. */
static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GtkShortcut) save = NULL;
  g_autoptr(GtkShortcut) cancel = NULL;

  GtkPropagationPhase phase = GTK_PHASE_NONE;

  open_editor (fixture, NULL);
  /* Caught before the focused widget, so that it saves from the notes too. */
  save = escale_test_find_shortcut (GTK_WIDGET (fixture->editor), "<Control>Return", &phase);
  g_assert_cmpint (phase, ==, GTK_PHASE_CAPTURE);
  cancel = escale_test_find_shortcut (GTK_WIDGET (fixture->editor), "Escape", NULL);
  g_assert_nonnull (save);
  g_assert_nonnull (cancel);

  /* Escape on an empty form closes it. */
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (cancel), 0,
                                               GTK_WIDGET (fixture->editor), NULL));
  spin ();
  g_assert_null (fixture->editor);

  open_editor (fixture, NULL);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (save), 0,
                                               GTK_WIDGET (fixture->editor), NULL));
  spin ();
  g_assert_nonnull (escale_person_editor_get_field_error (fixture->editor,
                                                          ESCALE_FIELD_FAMILY_NAME));
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "Haddad");
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (save), 0,
                                               GTK_WIDGET (fixture->editor), NULL));
  spin ();
  g_assert_null (fixture->editor);
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 1);
}

/* A database error is shown above the form, which keeps what was typed. */
static void
test_database_error (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  const char *banner;

  open_editor (fixture, NULL);
  type_into (fixture, ESCALE_FIELD_FAMILY_NAME, "Haddad");
  escale_store_exec (fixture->store, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON person "
                     "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END", &error);
  g_assert_no_error (error);
  assert_refused (fixture, 0);
  banner = escale_person_editor_get_banner (fixture->editor);
  g_assert_nonnull (banner);
  g_assert_nonnull (strstr (banner, "disk on fire"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture,
                                                               ESCALE_FIELD_FAMILY_NAME))),
                   ==, "Haddad");
  if (g_getenv ("ESCALE_EDITOR_BANNER_SCREENSHOT") != NULL)
    {
      settle ();
      save_png (GTK_WIDGET (fixture->editor), g_getenv ("ESCALE_EDITOR_BANNER_SCREENSHOT"));
    }

  escale_store_exec (fixture->store, "DROP TRIGGER temp.refuse", &error);
  g_assert_no_error (error);
  g_assert_true (escale_person_editor_save (fixture->editor));
  spin ();
  g_assert_cmpint (escale_store_count_people (fixture->store), ==, 1);
}

/* A filled form, with errors and a possible duplicate, saved as a picture. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  const char *path = g_getenv ("ESCALE_EDITOR_SCREENSHOT");
  const char *height = g_getenv ("ESCALE_EDITOR_HEIGHT");

  if (path == NULL)
    {
      g_test_skip ("set ESCALE_EDITOR_SCREENSHOT=FILE.png");
      return;
    }
  if (g_getenv ("ESCALE_EDITOR_RTL") != NULL)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  escale_test_add_person (fixture->store, "Tesfaye", "Yonas", "1990-03-01");
  escale_store_set_user (fixture->store, "tester");
  open_editor (fixture, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->editor), 640,
                               height ? atoi (height) : 720);
  fill_valid_form (fixture);
  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_OTHER_NAMES, 1, "main")),
                         "يوناس تسفاي");
  type_into (fixture, ESCALE_FIELD_EMAIL, "yonas at example");
  gtk_editable_set_text (GTK_EDITABLE (item (fixture, ESCALE_FIELD_STATUS, 0, "to")),
                         "01/01/2020");
  g_assert_false (escale_person_editor_save (fixture->editor));
  gtk_widget_grab_focus (field (fixture, ESCALE_FIELD_FAMILY_NAME));
  settle ();
  save_png (GTK_WIDGET (fixture->editor), path);
  g_test_message ("saved %s", path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init_gtk (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/person-editor/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("new-form", test_new_form);
  ADD ("empty-family-name", test_empty_family_name);
  ADD ("bad-date", test_bad_date);
  ADD ("check-on-leave", test_check_on_leave);
  ADD ("impossible-birth-dates", test_impossible_birth_dates);
  ADD ("duplicate-file-number", test_duplicate_file_number);
  ADD ("list-errors", test_list_errors);
  ADD ("valid-form-saved", test_valid_form_saved);
  ADD ("estimated-birth", test_estimated_birth);
  ADD ("edit-existing", test_edit_existing);
  ADD ("duplicates", test_duplicates);
  ADD ("duplicate-saved-anyway", test_duplicate_saved_anyway);
  ADD ("cancel-asks", test_cancel_asks);
  ADD ("shortcuts", test_shortcuts);
  ADD ("database-error", test_database_error);
  ADD ("screenshot", test_screenshot);
#undef ADD

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
