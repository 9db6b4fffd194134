/* test-ui-situations.c — the situation at entry and at exit, recorded
 * through a person's programmes
 *
 * The entry situation chosen in its dialog's combo rows and saved, read
 * back, cleared; a cancelled dialog writes nothing; an enrolment gone
 * behind the dialog is said at its first field; the exit situation given
 * in the form that ends the enrolment, and refused there without an exit
 * date. The rows say which situation is still to record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "escale-enrolments-section.h"
#include "escale-programme-store.h"
#include "escale-situation-dialog.h"
#include "escale-store-private.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"

#define spin escale_test_spin
#define EXIT_FIELD(field) (ESCALE_ENROLMENTS_EXIT_SITUATION_FIELDS + (field))

typedef struct
{
  EscaleStore             *store;
  gint64                   person;
  gint64                   enrolment;
  GtkWidget               *window;
  EscaleEnrolmentsSection *section;
} Fixture;

static void
fixture_set_up (Fixture                     *fixture,
                G_GNUC_UNUSED gconstpointer  data)
{
  gint64 programme;
  g_autoptr(EscaleEnrolment) enrolment = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *section;

  fixture->store = escale_test_store_new ();
  fixture->person = escale_test_add_person (fixture->store, "Haddad", "Samir", NULL);
  programme = escale_test_add_programme (fixture->store, "FSE", "Back to work");
  enrolment = escale_enrolment_new (fixture->person, programme, "2025-02-03");
  g_assert_true (escale_store_save_enrolment (fixture->store, enrolment, &error));
  g_assert_no_error (error);
  fixture->enrolment = enrolment->id;

  fixture->window = gtk_window_new ();
  section = escale_enrolments_section_new (fixture->store, fixture->person);
  fixture->section = ESCALE_ENROLMENTS_SECTION (section);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 720, -1);
  gtk_window_set_child (GTK_WINDOW (fixture->window), section);
  gtk_window_present (GTK_WINDOW (fixture->window));
  escale_test_wait_for_size (fixture->window);
}

static void
fixture_tear_down (Fixture                     *fixture,
                   G_GNUC_UNUSED gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_clear_object (&fixture->store);
}

/* The text of @sql's one value: the column of a situation, or NULL. */
static char *
query_text (EscaleStore *store,
            const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return escale_column_dup (stmt, 0);
}

static gint64
count_rows (EscaleStore *store,
            const char  *moment)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM enrolment_situation "
                                          "WHERE moment = '%s'", moment);
  g_autofree char *count = query_text (store, sql);

  return g_ascii_strtoll (count, NULL, 10);
}

static void
assert_stored (EscaleStore *store,
               const char  *moment,
               const char  *column,
               const char  *expected)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM enrolment_situation WHERE moment = '%s'",
                                          column, moment);
  g_autofree char *value = query_text (store, sql);

  g_assert_cmpstr (value, ==, expected);
}

static const char *
subtitle (Fixture *fixture)
{
  GtkWidget *row = escale_enrolments_section_get_row (fixture->section, fixture->enrolment);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static EscaleFormDialog *
find_form_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ESCALE_IS_FORM_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ESCALE_FORM_DIALOG (window);
    }
  return NULL;
}

static AdwComboRow *
combo (EscaleFormDialog *dialog,
       guint             field)
{
  GtkWidget *row = escale_form_dialog_get_field (dialog, field);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  return ADW_COMBO_ROW (row);
}

/* Chooses @label in the combo row, as a click in its list would. */
static void
choose (EscaleFormDialog *dialog,
        guint             field,
        const char       *label)
{
  AdwComboRow *row = combo (dialog, field);
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("No choice “%s”", label);
}

static const char *
chosen (EscaleFormDialog *dialog,
        guint             field)
{
  AdwComboRow *row = combo (dialog, field);
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return gtk_string_object_get_string (item);
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static void
click (EscaleFormDialog *dialog,
       const char       *label)
{
  GtkWidget *button = escale_test_find_widget (dialog, GTK_TYPE_BUTTON, has_label, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

static EscaleFormDialog *
open_entry_through_action (Fixture *fixture)
{
  EscaleFormDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->section),
                                             "enrolments.situation", "(xs)",
                                             fixture->enrolment, ESCALE_SITUATION_ENTRY));
  spin ();
  dialog = find_form_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_entry (Fixture                     *fixture,
            G_GNUC_UNUSED gconstpointer  data)
{
  EscaleFormDialog *dialog;

  g_assert_nonnull (strstr (subtitle (fixture), "Situation at entry not recorded"));
  /* No exit yet: no exit situation. */
  g_assert_null (escale_enrolments_section_edit_situation (fixture->section, fixture->enrolment,
                                                           ESCALE_SITUATION_EXIT));

  dialog = open_entry_through_action (fixture);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Situation at Entry");
  g_assert_nonnull (escale_test_find_label (dialog, "Back to work"));
  for (guint field = 0; field < ESCALE_SITUATION_N_FIELDS; field++)
    g_assert_cmpstr (chosen (dialog, field), ==, "Not recorded");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
    combo (dialog, ESCALE_SITUATION_EDUCATION))), ==, "Education level");

  choose (dialog, ESCALE_SITUATION_LABOUR, "Long-term unemployed");
  choose (dialog, ESCALE_SITUATION_HOUSING, "Asylum reception system");
  choose (dialog, ESCALE_SITUATION_DISABILITY, "Declined to answer");
  click (dialog, "_Save");
  g_assert_null (find_form_dialog ());
  assert_stored (fixture->store, "entry", "labour", "long_term_unemployed");
  assert_stored (fixture->store, "entry", "housing", "asylum_reception");
  assert_stored (fixture->store, "entry", "disability", "declined");
  assert_stored (fixture->store, "entry", "education", NULL);
  assert_stored (fixture->store, "entry", "homeless", NULL);
  g_assert_null (strstr (subtitle (fixture), "not recorded"));

  /* Opened again, it shows what was saved; Cancel writes nothing. */
  dialog = escale_enrolments_section_edit_situation (fixture->section, fixture->enrolment,
                                                     ESCALE_SITUATION_ENTRY);
  g_assert_cmpstr (chosen (dialog, ESCALE_SITUATION_LABOUR), ==, "Long-term unemployed");
  g_assert_cmpstr (chosen (dialog, ESCALE_SITUATION_HOUSING), ==, "Asylum reception system");
  g_assert_cmpstr (chosen (dialog, ESCALE_SITUATION_EDUCATION), ==, "Not recorded");
  choose (dialog, ESCALE_SITUATION_LABOUR, "Employed");
  click (dialog, "_Cancel");
  g_assert_null (find_form_dialog ());
  assert_stored (fixture->store, "entry", "labour", "long_term_unemployed");

  /* Everything back to "Not recorded": the snapshot goes. */
  dialog = escale_enrolments_section_edit_situation (fixture->section, fixture->enrolment,
                                                     ESCALE_SITUATION_ENTRY);
  choose (dialog, ESCALE_SITUATION_LABOUR, "Not recorded");
  choose (dialog, ESCALE_SITUATION_HOUSING, "Not recorded");
  choose (dialog, ESCALE_SITUATION_DISABILITY, "Not recorded");
  g_assert_true (escale_form_dialog_accept (dialog));
  spin ();
  g_assert_cmpint (count_rows (fixture->store, "entry"), ==, 0);
  g_assert_nonnull (strstr (subtitle (fixture), "Situation at entry not recorded"));
}

/* The enrolment removed while the dialog is open: said at the first field. */
static void
test_gone (Fixture                     *fixture,
           G_GNUC_UNUSED gconstpointer  data)
{
  EscaleFormDialog *dialog = open_entry_through_action (fixture);
  g_autoptr(GError) error = NULL;

  choose (dialog, ESCALE_SITUATION_HOMELESS, "Yes");
  g_assert_true (escale_store_remove_enrolment (fixture->store, fixture->enrolment, &error));
  g_assert_no_error (error);
  click (dialog, "_Save");
  g_assert_true (find_form_dialog () == dialog);
  g_assert_cmpstr (escale_form_dialog_get_error (dialog, ESCALE_SITUATION_LABOUR), ==,
                   "This enrolment no longer exists");
  g_assert_cmpint (count_rows (fixture->store, "entry"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static void
type_exit_date (EscaleFormDialog *dialog,
                const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (escale_form_dialog_get_field (
    dialog, ESCALE_ENROLMENT_FIELD_EXIT_DATE)), text);
}

static char *
stored_exit_date (Fixture *fixture)
{
  g_autofree char *sql = g_strdup_printf ("SELECT exit_date FROM enrolment WHERE id = %"
                                          G_GINT64_FORMAT, fixture->enrolment);

  return query_text (fixture->store, sql);
}

/* The form that ends the enrolment takes the exit situation too. */
static void
test_exit_in_end_form (Fixture                     *fixture,
                       G_GNUC_UNUSED gconstpointer  data)
{
  EscaleFormDialog *dialog = escale_enrolments_section_end (fixture->section, fixture->enrolment);
  g_autofree char *exit = NULL;

  g_assert_nonnull (dialog);
  g_assert_nonnull (escale_test_find_label (dialog, "Situation at Exit"));
  g_assert_cmpstr (chosen (dialog, EXIT_FIELD (ESCALE_SITUATION_LABOUR)), ==, "Not recorded");
  type_exit_date (dialog, "30/06/2025");
  choose (dialog, EXIT_FIELD (ESCALE_SITUATION_LABOUR), "Employed");
  choose (dialog, EXIT_FIELD (ESCALE_SITUATION_HOUSING), "Own or rented housing");
  g_assert_true (escale_form_dialog_accept (dialog));
  spin ();
  exit = stored_exit_date (fixture);
  g_assert_cmpstr (exit, ==, "2025-06-30");
  assert_stored (fixture->store, "exit", "labour", "employed");
  assert_stored (fixture->store, "exit", "housing", "own_or_rented");
  /* Entry still to record; exit recorded. */
  g_assert_nonnull (strstr (subtitle (fixture), "Situation at entry not recorded"));

  /* Its own dialog shows it now. */
  dialog = escale_enrolments_section_edit_situation (fixture->section, fixture->enrolment,
                                                     ESCALE_SITUATION_EXIT);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Situation at Exit");
  g_assert_cmpstr (chosen (dialog, ESCALE_SITUATION_HOUSING), ==, "Own or rented housing");
  choose (dialog, ESCALE_SITUATION_HOMELESS, "No");
  click (dialog, "_Save");
  assert_stored (fixture->store, "exit", "homeless", "no");

  /* The exit date taken away while a situation at exit is given: refused
   * at the date, nothing changed. */
  dialog = escale_enrolments_section_end (fixture->section, fixture->enrolment);
  g_assert_cmpstr (chosen (dialog, EXIT_FIELD (ESCALE_SITUATION_LABOUR)), ==, "Employed");
  type_exit_date (dialog, "");
  g_assert_false (escale_form_dialog_accept (dialog));
  g_assert_cmpstr (escale_form_dialog_get_error (dialog, ESCALE_ENROLMENT_FIELD_EXIT_DATE), ==,
                   "Record the exit date before the situation at exit");
  g_clear_pointer (&exit, g_free);
  exit = stored_exit_date (fixture);
  g_assert_cmpstr (exit, ==, "2025-06-30");
  g_assert_cmpint (count_rows (fixture->store, "exit"), ==, 1);

  /* Without the situation either, the enrolment reopens and loses it. */
  for (guint field = 0; field < ESCALE_SITUATION_N_FIELDS; field++)
    choose (dialog, EXIT_FIELD (field), "Not recorded");
  g_assert_true (escale_form_dialog_accept (dialog));
  spin ();
  g_clear_pointer (&exit, g_free);
  exit = stored_exit_date (fixture);
  g_assert_null (exit);
  g_assert_cmpint (count_rows (fixture->store, "exit"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  escale_test_init_gtk (&argc, &argv);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/situations/entry", test_entry);
  ADD ("/ui/situations/gone", test_gone);
  ADD ("/ui/situations/exit-in-end-form", test_exit_in_end_form);
#undef ADD
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
