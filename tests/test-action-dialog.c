/* test-action-dialog.c — the dialog that adds and edits follow-up actions
 *
 * Real widgets on a real database: what is typed and chosen is what the
 * store holds afterwards, with the planned action of the next step; bad
 * input is shown at its field and nothing is written; an action is edited,
 * deleted after a confirmation, and may concern a household or a group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "escale-action-dialog.h"
#include "escale-action-store.h"
#include "escale-date.h"
#include "escale-editor-util.h"
#include "escale-followup-util.h"
#include "escale-participants-editor.h"
#include "escale-partner-entry-row.h"
#include "escale-partner-store.h"
#include "escale-person-store.h"
#include "escale-store-private.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-theme-picker.h"
#include "escale-ui-util.h"

typedef struct
{
  EscaleStore        *store;
  EscaleActionDialog *dialog;
  gint64              person_id;
  gint64              saved_id;
  gint64              follow_up_id;
  guint               n_saved;
  gint64              deleted_id;
} Fixture;

/* Helpers */

static void
on_saved_cb (EscaleActionDialog *dialog G_GNUC_UNUSED,
             gint64              id,
             gint64              follow_up_id,
             Fixture            *fixture)
{
  fixture->saved_id = id;
  fixture->follow_up_id = follow_up_id;
  fixture->n_saved++;
}

static void
on_deleted_cb (EscaleActionDialog *dialog G_GNUC_UNUSED,
               gint64              id,
               Fixture            *fixture)
{
  fixture->deleted_id = id;
}

static void
open_dialog (Fixture *fixture,
             gint64   person_id,
             gint64   action_id)
{
  fixture->dialog = escale_action_dialog_new (NULL, fixture->store, person_id, action_id);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  g_signal_connect (fixture->dialog, "saved", G_CALLBACK (on_saved_cb), fixture);
  g_signal_connect (fixture->dialog, "deleted", G_CALLBACK (on_deleted_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  escale_test_spin ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  fixture->store = escale_test_store_new ();
  escale_store_set_user (fixture->store, "tester");
  fixture->person_id = escale_test_add_person (fixture->store, "Haddad", "Amina", "1990-03-14");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  escale_test_spin ();
  g_assert_null (fixture->dialog);
  g_assert_finalize_object (fixture->store);
}

static GtkWidget *
field (Fixture           *fixture,
       EscaleActionField  which)
{
  GtkWidget *widget = escale_action_dialog_get_field_widget (fixture->dialog, which);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
text_of (Fixture           *fixture,
         EscaleActionField  which)
{
  return gtk_editable_get_text (GTK_EDITABLE (field (fixture, which)));
}

static void
type_into (Fixture           *fixture,
           EscaleActionField  which,
           const char        *text)
{
  GtkWidget *widget = field (fixture, which);

  g_assert_true (GTK_IS_EDITABLE (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  escale_test_spin ();
}

static void
choose (Fixture           *fixture,
        EscaleActionField  which,
        const char        *code)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (field (fixture, which));

  escale_code_dropdown_set_code (dropdown, code);
  g_assert_cmpstr (escale_code_dropdown_get_code (dropdown), ==, code);
  escale_test_spin ();
}

static const char *
chosen (Fixture           *fixture,
        EscaleActionField  which)
{
  return escale_code_dropdown_get_code (GTK_DROP_DOWN (field (fixture, which)));
}

static GtkToggleButton *
theme_button (Fixture    *fixture,
              const char *theme)
{
  GtkToggleButton *button =
    escale_theme_picker_get_button (ESCALE_THEME_PICKER (field (fixture,
                                                                ESCALE_ACTION_FIELD_THEMES)),
                                    theme);

  g_assert_nonnull (button);
  return button;
}

static EscaleParticipantsEditor *
participants (Fixture *fixture)
{
  return ESCALE_PARTICIPANTS_EDITOR (field (fixture, ESCALE_ACTION_FIELD_PARTICIPANTS));
}

/* Today plus @days, as the store keeps it and as it is typed. */
static char *
day_from_today (int    days,
                char **typed)
{
  g_autofree char *today = escale_date_today ();
  g_autoptr(GDate) date = escale_date_to_gdate (today);
  char iso[16];

  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
  if (typed != NULL)
    *typed = escale_date_format (iso, ESCALE_DATE_EXACT);
  return g_strdup (iso);
}

static gint64
count_actions (Fixture *fixture)
{
  sqlite3_stmt *stmt = escale_store_cached (fixture->store, "SELECT count(*) FROM action", NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
focus_is_in (Fixture   *fixture,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->dialog));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Refused: the dialog stays open and nothing more is in the database. */
static void
assert_refused (Fixture *fixture,
                gint64   n_actions)
{
  g_assert_false (escale_action_dialog_save (fixture->dialog));
  escale_test_spin ();
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpint (count_actions (fixture), ==, n_actions);
}

static void
assert_saved (Fixture *fixture)
{
  guint before = fixture->n_saved;

  g_assert_true (escale_action_dialog_save (fixture->dialog));
  escale_test_spin ();
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_saved, ==, before + 1);
}

static gint64
store_action (Fixture    *fixture,
              const char *type,
              const char *date)
{
  g_autoptr(EscaleAction) action = escale_action_new ();
  g_autoptr(GError) error = NULL;

  escale_action_set (action, ESCALE_ACTION_FIELD_SCOPE, ESCALE_ACTION_SCOPE_PERSON);
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, fixture->person_id);
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, type);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS, "done");
  g_assert_true (escale_store_save_action (fixture->store, action, &error));
  g_assert_no_error (error);
  return escale_action_get_id (action);
}

static EscaleAction *
load (Fixture *fixture,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  EscaleAction *action = escale_store_load_action (fixture->store, id, &error);

  g_assert_no_error (error);
  return action;
}

/* Tests */

static void
test_defaults (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *today = escale_date_today ();
  g_autofree char *today_text = escale_date_format (today, ESCALE_DATE_EXACT);
  g_autofree char *future_text = NULL;
  g_autofree char *future = day_from_today (10, &future_text);
  g_autofree char *past_text = NULL;
  g_autofree char *past = day_from_today (-3, &past_text);
  g_autofree char *worker = escale_current_worker ();

  open_dialog (fixture, fixture->person_id, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "New Action");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->dialog)));
  g_assert_true (focus_is_in (fixture, field (fixture, ESCALE_ACTION_FIELD_TYPE)));
  g_assert_cmpstr (text_of (fixture, ESCALE_ACTION_FIELD_DATE), ==, today_text);
  g_assert_cmpstr (text_of (fixture, ESCALE_ACTION_FIELD_WORKER), ==, worker);
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_STATUS), ==, "done");
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_TYPE), ==, "interview");
  g_assert_null (chosen (fixture, ESCALE_ACTION_FIELD_PROGRAMME_ID));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (participants (fixture))));

  /* Scope: no household to offer. */
  g_assert_true (escale_action_dialog_offers_scope (fixture->dialog, "person"));
  g_assert_false (escale_action_dialog_offers_scope (fixture->dialog, "household"));
  g_assert_true (escale_action_dialog_offers_scope (fixture->dialog, "group"));

  /* The outcome and the amount only for their types. */
  g_assert_false (gtk_widget_get_visible (field (fixture, ESCALE_ACTION_FIELD_AMOUNT)));
  g_assert_false (gtk_widget_is_visible (field (fixture, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME)));
  choose (fixture, ESCALE_ACTION_FIELD_TYPE, "financial_aid");
  g_assert_true (gtk_widget_get_visible (field (fixture, ESCALE_ACTION_FIELD_AMOUNT)));
  choose (fixture, ESCALE_ACTION_FIELD_TYPE, "referral");
  g_assert_false (gtk_widget_get_visible (field (fixture, ESCALE_ACTION_FIELD_AMOUNT)));
  g_assert_true (gtk_widget_is_visible (field (fixture, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME)));
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME), ==, "pending");

  /* The status follows the date until it is chosen. */
  type_into (fixture, ESCALE_ACTION_FIELD_DATE, future_text);
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_STATUS), ==, "planned");
  type_into (fixture, ESCALE_ACTION_FIELD_DATE, past_text);
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_STATUS), ==, "done");
  choose (fixture, ESCALE_ACTION_FIELD_STATUS, "missed");
  type_into (fixture, ESCALE_ACTION_FIELD_DATE, future_text);
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_STATUS), ==, "missed");

  /* The calendar writes the day chosen (opening it needs a real display). */
  {
    GtkWidget *due = field (fixture, ESCALE_ACTION_FIELD_NEXT_STEP_DUE);
    GtkWidget *button = escale_test_find_widget (due, GTK_TYPE_MENU_BUTTON, NULL, NULL);
    GtkPopover *popover;
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 4, 2, 0, 0, 0);

    g_assert_nonnull (button);
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    gtk_calendar_select_day (GTK_CALENDAR (gtk_popover_get_child (popover)), day);
    escale_test_spin ();
    g_assert_cmpstr (text_of (fixture, ESCALE_ACTION_FIELD_NEXT_STEP_DUE), ==, "02/04/2026");
  }

  /* Escape closes it, nothing written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "dialog.cancel",
                                             NULL));
  escale_test_spin ();
  g_assert_null (fixture->dialog);
  g_assert_cmpint (count_actions (fixture), ==, 0);
}

/* Themes and a next step: the action and its planned follow-up. */
static void
test_add_with_next_step (Fixture       *fixture,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *due_text = NULL;
  g_autofree char *due = day_from_today (7, &due_text);
  g_autofree char *today = escale_date_today ();
  g_autoptr(EscaleAction) action = NULL;
  g_autoptr(EscaleAction) follow_up = NULL;
  const char * const *themes;

  open_dialog (fixture, fixture->person_id, 0);
  choose (fixture, ESCALE_ACTION_FIELD_TYPE, "interview");
  type_into (fixture, ESCALE_ACTION_FIELD_TIME, "9h30");
  type_into (fixture, ESCALE_ACTION_FIELD_DURATION, "1h30");
  gtk_toggle_button_set_active (theme_button (fixture, "housing"), TRUE);
  gtk_toggle_button_set_active (theme_button (fixture, "health"), TRUE);
  gtk_toggle_button_set_active (theme_button (fixture, "language"), TRUE);
  gtk_toggle_button_set_active (theme_button (fixture, "language"), FALSE);
  type_into (fixture, ESCALE_ACTION_FIELD_PARTNER, "CADA Nord");
  escale_editor_set_text (field (fixture, ESCALE_ACTION_FIELD_NOTES),
                          "Looking for a room.\nSees a doctor on Monday.");
  type_into (fixture, ESCALE_ACTION_FIELD_NEXT_STEP, "Call the housing office");
  type_into (fixture, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, due_text);
  assert_saved (fixture);
  g_assert_cmpint (count_actions (fixture), ==, 2);
  g_assert_cmpint (fixture->saved_id, >, 0);
  g_assert_cmpint (fixture->follow_up_id, >, 0);
  g_assert_cmpint (fixture->follow_up_id, !=, fixture->saved_id);

  action = load (fixture, fixture->saved_id);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_SCOPE), ==, "person");
  g_assert_cmpint (escale_action_get_int (action, ESCALE_ACTION_FIELD_PERSON_ID), ==,
                   fixture->person_id);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_TYPE), ==, "interview");
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_DATE), ==, today);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_TIME), ==, "09:30");
  g_assert_cmpint (escale_action_get_int (action, ESCALE_ACTION_FIELD_DURATION), ==, 90);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_STATUS), ==, "done");
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_PARTNER), ==, "CADA Nord");
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_NOTES), ==,
                   "Looking for a room.\nSees a doctor on Monday.");
  g_assert_null (escale_action_get (action, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME));
  g_assert_cmpint (escale_action_get_int (action, ESCALE_ACTION_FIELD_AMOUNT), ==,
                   ESCALE_ACTION_UNSET);
  themes = escale_action_get_themes (action);
  g_assert_cmpuint (g_strv_length ((GStrv) themes), ==, 2);
  g_assert_true (g_strv_contains (themes, "housing"));
  g_assert_true (g_strv_contains (themes, "health"));
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE), ==, due);

  follow_up = load (fixture, fixture->follow_up_id);
  g_assert_cmpstr (escale_action_get (follow_up, ESCALE_ACTION_FIELD_STATUS), ==, "planned");
  g_assert_cmpstr (escale_action_get (follow_up, ESCALE_ACTION_FIELD_DATE), ==, due);
  g_assert_cmpstr (escale_action_get (follow_up, ESCALE_ACTION_FIELD_NOTES), ==,
                   "Call the housing office");
  g_assert_cmpint (escale_action_get_int (follow_up, ESCALE_ACTION_FIELD_FOLLOWS), ==,
                   fixture->saved_id);
}

/* Bad dates, amounts and durations: shown at their rows, nothing written. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscaleAction) action = NULL;
  GtkWidget *date;

  open_dialog (fixture, fixture->person_id, 0);
  date = field (fixture, ESCALE_ACTION_FIELD_DATE);
  choose (fixture, ESCALE_ACTION_FIELD_TYPE, "financial_aid");
  type_into (fixture, ESCALE_ACTION_FIELD_DATE, "31/02/2025");
  type_into (fixture, ESCALE_ACTION_FIELD_AMOUNT, "12,5x");
  type_into (fixture, ESCALE_ACTION_FIELD_DURATION, "long");
  type_into (fixture, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "2025");
  assert_refused (fixture, 0);
  g_assert_nonnull (escale_action_dialog_get_field_error (fixture->dialog,
                                                          ESCALE_ACTION_FIELD_DATE));
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (escale_action_dialog_get_field_error (fixture->dialog,
                                                         ESCALE_ACTION_FIELD_AMOUNT),
                   ==, "Write the amount in euros, for example 12,50");
  g_assert_cmpstr (escale_action_dialog_get_field_error (fixture->dialog,
                                                         ESCALE_ACTION_FIELD_DURATION),
                   ==, "Write the duration in minutes, for example 45");
  g_assert_cmpstr (escale_action_dialog_get_field_error (fixture->dialog,
                                                         ESCALE_ACTION_FIELD_NEXT_STEP_DUE),
                   ==, "Write the whole date: day, month and year");
  g_assert_null (escale_action_dialog_get_field_error (fixture->dialog,
                                                       ESCALE_ACTION_FIELD_TYPE));
  g_assert_null (escale_action_dialog_get_banner (fixture->dialog));
  g_assert_true (focus_is_in (fixture, date));

  /* The store's own rules: a due date needs a next step, a time HH:MM. */
  type_into (fixture, ESCALE_ACTION_FIELD_DATE, "28/02/2025");
  g_assert_null (escale_action_dialog_get_field_error (fixture->dialog,
                                                       ESCALE_ACTION_FIELD_DATE));
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  type_into (fixture, ESCALE_ACTION_FIELD_AMOUNT, "12.50");
  type_into (fixture, ESCALE_ACTION_FIELD_DURATION, "");
  type_into (fixture, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "01/03/2025");
  type_into (fixture, ESCALE_ACTION_FIELD_TIME, "25:00");
  assert_refused (fixture, 0);
  g_assert_null (escale_action_dialog_get_field_error (fixture->dialog,
                                                       ESCALE_ACTION_FIELD_AMOUNT));
  g_assert_cmpstr (escale_action_dialog_get_field_error (fixture->dialog,
                                                         ESCALE_ACTION_FIELD_NEXT_STEP),
                   ==, "Describe the next step before giving it a due date");
  g_assert_cmpstr (escale_action_dialog_get_field_error (fixture->dialog,
                                                         ESCALE_ACTION_FIELD_TIME),
                   ==, "Write the time as HH:MM, for example 09:30");

  type_into (fixture, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, "");
  type_into (fixture, ESCALE_ACTION_FIELD_TIME, "");
  type_into (fixture, ESCALE_ACTION_FIELD_AMOUNT, "1 200,5 €");
  assert_saved (fixture);
  action = load (fixture, fixture->saved_id);
  g_assert_cmpint (escale_action_get_int (action, ESCALE_ACTION_FIELD_AMOUNT), ==, 120050);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_DATE), ==, "2025-02-28");
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_STATUS), ==, "done");
  g_assert_cmpint (fixture->follow_up_id, ==, 0);
}

/* Every field shows what the store holds; changes are saved. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data G_GNUC_UNUSED)
{
  gint64 programme = escale_test_add_programme (fixture->store, "ACC",
                                                 "Accompagnement logement");
  gint64 id = store_action (fixture, "referral", "2025-01-10");
  g_autoptr(EscaleAction) action = load (fixture, id);
  g_autoptr(EscaleAction) after = NULL;
  g_autofree char *programme_code = g_strdup_printf ("%" G_GINT64_FORMAT, programme);
  const char *themes[] = { "rights", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  escale_action_set (action, ESCALE_ACTION_FIELD_TIME, "14:00");
  escale_action_set_int (action, ESCALE_ACTION_FIELD_DURATION, 45);
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, "Claire");
  escale_action_set (action, ESCALE_ACTION_FIELD_PARTNER, "Cimade");
  escale_action_set (action, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME, "pending");
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, "Appeal to prepare");
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PROGRAMME_ID, programme);
  escale_action_set_themes (action, themes);
  g_assert_true (escale_store_save_action (fixture->store, action, &error));
  g_assert_no_error (error);

  open_dialog (fixture, fixture->person_id, id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "Edit Action");
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_TYPE), ==, "referral");
  g_assert_cmpstr (text_of (fixture, ESCALE_ACTION_FIELD_DATE), ==, "10/01/2025");
  g_assert_cmpstr (text_of (fixture, ESCALE_ACTION_FIELD_TIME), ==, "14:00");
  g_assert_cmpstr (text_of (fixture, ESCALE_ACTION_FIELD_DURATION), ==, "45");
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_STATUS), ==, "done");
  g_assert_cmpstr (text_of (fixture, ESCALE_ACTION_FIELD_WORKER), ==, "Claire");
  g_assert_cmpstr (text_of (fixture, ESCALE_ACTION_FIELD_PARTNER), ==, "Cimade");
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME), ==, "pending");
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_PROGRAMME_ID), ==, programme_code);
  g_assert_true (gtk_toggle_button_get_active (theme_button (fixture, "rights")));
  g_assert_false (gtk_toggle_button_get_active (theme_button (fixture, "housing")));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (fixture, ESCALE_ACTION_FIELD_NOTES)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (notes, ==, "Appeal to prepare");
  g_assert_true (gtk_widget_get_visible (field (fixture, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME)));
  g_assert_false (gtk_widget_get_visible (field (fixture, ESCALE_ACTION_FIELD_AMOUNT)));

  /* A past date does not change a status read from the store. */
  type_into (fixture, ESCALE_ACTION_FIELD_DATE, "2025-01-12");
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_STATUS), ==, "done");
  choose (fixture, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME, "accepted");
  type_into (fixture, ESCALE_ACTION_FIELD_PARTNER, "La Cimade Lille");
  choose (fixture, ESCALE_ACTION_FIELD_PROGRAMME_ID, NULL);
  gtk_toggle_button_set_active (theme_button (fixture, "housing"), TRUE);
  assert_saved (fixture);
  g_assert_cmpint (fixture->saved_id, ==, id);
  g_assert_cmpint (count_actions (fixture), ==, 1);

  after = load (fixture, id);
  g_assert_cmpstr (escale_action_get (after, ESCALE_ACTION_FIELD_DATE), ==, "2025-01-12");
  g_assert_cmpstr (escale_action_get (after, ESCALE_ACTION_FIELD_REFERRAL_OUTCOME), ==,
                   "accepted");
  g_assert_cmpstr (escale_action_get (after, ESCALE_ACTION_FIELD_PARTNER), ==,
                   "La Cimade Lille");
  g_assert_cmpint (escale_action_get_int (after, ESCALE_ACTION_FIELD_PROGRAMME_ID), ==,
                   ESCALE_ACTION_UNSET);
  g_assert_cmpuint (g_strv_length ((GStrv) escale_action_get_themes (after)), ==, 2);
  g_assert_cmpstr (escale_action_get_uuid (after), ==, escale_action_get_uuid (action));
  g_assert_cmpstr (escale_action_get (after, ESCALE_ACTION_FIELD_WORKER), ==, "Claire");
}

/* A household's action is on every member's timeline. */
static void
test_household (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  gint64 partner = escale_test_add_person (fixture->store, "Haddad", "Karim", "1988-07-02");
  gint64 alone = escale_test_add_person (fixture->store, "Tesfaye", "Yonas", "1995-01-20");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(EscaleAction) action = NULL;
  g_autofree char *scope = NULL;

  g_assert_true (escale_store_household_add (fixture->store, fixture->person_id, partner,
                                             "partner", &error));
  g_assert_no_error (error);

  open_dialog (fixture, fixture->person_id, 0);
  g_assert_true (escale_action_dialog_offers_scope (fixture->dialog, "household"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "dialog.scope", "s",
                                             "household"));
  g_object_get (fixture->dialog, "scope", &scope, NULL);
  g_assert_cmpstr (scope, ==, "household");
  choose (fixture, ESCALE_ACTION_FIELD_TYPE, "domiciliation");
  assert_saved (fixture);

  action = load (fixture, fixture->saved_id);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_SCOPE), ==, "household");
  g_assert_cmpint (escale_action_get_int (action, ESCALE_ACTION_FIELD_PERSON_ID), ==,
                   ESCALE_ACTION_UNSET);
  g_assert_cmpint (escale_action_get_int (action, ESCALE_ACTION_FIELD_HOUSEHOLD_ID), >, 0);
  g_assert_true (escale_store_list_person_actions (fixture->store, partner, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->saved_id);

  /* Editing keeps the scope and offers the household again. */
  open_dialog (fixture, partner, fixture->saved_id);
  g_assert_true (escale_action_dialog_offers_scope (fixture->dialog, "household"));
  g_clear_pointer (&scope, g_free);
  g_object_get (fixture->dialog, "scope", &scope, NULL);
  g_assert_cmpstr (scope, ==, "household");
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  escale_test_spin ();

  /* Someone alone has no household to offer. */
  open_dialog (fixture, alone, 0);
  g_assert_false (escale_action_dialog_offers_scope (fixture->dialog, "household"));
}

/* Waits for the search typed to show results. */
static GtkListBoxRow *
search_person (Fixture    *fixture,
               const char *query)
{
  GtkListBox *results = escale_participants_editor_get_results (participants (fixture));
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  GtkListBoxRow *first = NULL;

  gtk_editable_set_text (escale_participants_editor_get_search_entry (participants (fixture)),
                         query);
  while (first == NULL && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      first = gtk_list_box_get_row_at_index (results, 0);
    }
  g_assert_nonnull (first);
  return first;
}

/* A group session: people found and added, their attendance saved. */
static void
test_group (Fixture       *fixture,
            gconstpointer  data G_GNUC_UNUSED)
{
  gint64 yonas = escale_test_add_person (fixture->store, "Tesfaye", "Yonas", "1995-01-20");
  gint64 olena = escale_test_add_person (fixture->store, "Kovalenko", "Olena", "1979-11-05");
  g_autoptr(EscaleAction) action = NULL;
  g_autofree char *scope = NULL;
  EscaleParticipantsEditor *editor;
  GtkListBoxRow *row;
  GArray *people;

  /* Without a person: a group session, nobody in it yet. */
  open_dialog (fixture, 0, 0);
  editor = participants (fixture);
  g_object_get (fixture->dialog, "scope", &scope, NULL);
  g_assert_cmpstr (scope, ==, "group");
  g_assert_cmpstr (chosen (fixture, ESCALE_ACTION_FIELD_TYPE), ==, "workshop");
  g_assert_false (escale_action_dialog_offers_scope (fixture->dialog, "person"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpuint (escale_participants_editor_get_n_participants (editor), ==, 0);
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  escale_test_spin ();

  /* From a person's file: that person is the first participant. */
  open_dialog (fixture, fixture->person_id, 0);
  editor = participants (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "dialog.scope", "s",
                                             "group"));
  escale_test_spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpuint (escale_participants_editor_get_n_participants (editor), ==, 1);

  /* Found by name, then by file number; already there: not offered. */
  row = search_person (fixture, "tesfaye");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "TESFAYE Yonas");
  gtk_widget_activate (GTK_WIDGET (row));
  escale_test_spin ();
  g_assert_cmpuint (escale_participants_editor_get_n_participants (editor), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (escale_participants_editor_get_search_entry (editor)),
                   ==, "");
  {
    g_autoptr(EscalePerson) person = escale_store_load_person (fixture->store, olena, NULL);

    row = search_person (fixture, escale_person_get (person, ESCALE_FIELD_FILE_NUMBER));
  }
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "KOVALENKO Olena");
  gtk_widget_activate (GTK_WIDGET (row));
  escale_test_spin ();
  g_assert_cmpuint (escale_participants_editor_get_n_participants (editor), ==, 3);
  gtk_editable_set_text (escale_participants_editor_get_search_entry (editor), "haddad");
  g_usleep (400000);
  escale_test_spin ();
  g_assert_null (gtk_list_box_get_row_at_index (escale_participants_editor_get_results (editor),
                                                0));

  /* Attendance: present, absent (which unsets present), or not recorded. */
  gtk_toggle_button_set_active (escale_participants_editor_get_attendance_button (
                                  editor, 0, ESCALE_ATTENDANCE_PRESENT), TRUE);
  gtk_toggle_button_set_active (escale_participants_editor_get_attendance_button (
                                  editor, 1, ESCALE_ATTENDANCE_PRESENT), TRUE);
  gtk_toggle_button_set_active (escale_participants_editor_get_attendance_button (
                                  editor, 1, ESCALE_ATTENDANCE_ABSENT), TRUE);
  g_assert_false (gtk_toggle_button_get_active (escale_participants_editor_get_attendance_button (
                                                  editor, 1, ESCALE_ATTENDANCE_PRESENT)));
  /* Removed, then added back: not recorded. */
  g_signal_emit_by_name (escale_participants_editor_get_remove_button (editor, 2), "clicked");
  escale_test_spin ();
  g_assert_cmpuint (escale_participants_editor_get_n_participants (editor), ==, 2);
  g_assert_true (escale_participants_editor_add (editor, olena, ESCALE_ATTENDANCE_UNKNOWN));
  g_assert_false (escale_participants_editor_add (editor, olena, ESCALE_ATTENDANCE_PRESENT));
  assert_saved (fixture);

  action = load (fixture, fixture->saved_id);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_SCOPE), ==, "group");
  g_assert_cmpint (escale_action_get_int (action, ESCALE_ACTION_FIELD_PERSON_ID), ==,
                   ESCALE_ACTION_UNSET);
  people = escale_action_get_participants (action);
  g_assert_cmpuint (people->len, ==, 3);
  g_assert_cmpint (g_array_index (people, EscaleParticipant, 0).person_id, ==, fixture->person_id);
  g_assert_cmpint (g_array_index (people, EscaleParticipant, 0).attended, ==,
                   ESCALE_ATTENDANCE_PRESENT);
  g_assert_cmpint (g_array_index (people, EscaleParticipant, 1).person_id, ==, yonas);
  g_assert_cmpint (g_array_index (people, EscaleParticipant, 1).attended, ==,
                   ESCALE_ATTENDANCE_ABSENT);
  g_assert_cmpint (g_array_index (people, EscaleParticipant, 2).person_id, ==, olena);
  g_assert_cmpint (g_array_index (people, EscaleParticipant, 2).attended, ==,
                   ESCALE_ATTENDANCE_UNKNOWN);

  /* Edited: the participants and their attendance are shown. */
  open_dialog (fixture, 0, fixture->saved_id);
  editor = participants (fixture);
  g_assert_cmpuint (escale_participants_editor_get_n_participants (editor), ==, 3);
  g_assert_true (gtk_toggle_button_get_active (escale_participants_editor_get_attendance_button (
                                                 editor, 1, ESCALE_ATTENDANCE_ABSENT)));
}

/* Ctrl+Enter saves from anywhere, even the notes; Escape cancels. */
static gint64
add_partner (Fixture    *fixture,
             const char *name)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_autoptr(GError) error = NULL;

  partner->name = g_strdup (name);
  g_assert_true (escale_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);
  return partner->id;
}

static EscalePartnerEntryRow *
partner_row (Fixture *fixture)
{
  GtkWidget *row = field (fixture, ESCALE_ACTION_FIELD_PARTNER);

  g_assert_true (ESCALE_IS_PARTNER_ENTRY_ROW (row));
  g_assert_true (field (fixture, ESCALE_ACTION_FIELD_PARTNER_ID) == row);
  return ESCALE_PARTNER_ENTRY_ROW (row);
}

static guint
count_suggestions (Fixture *fixture)
{
  GtkListBox *list = escale_partner_entry_row_get_suggestions (partner_row (fixture));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static GtkWidget *
find_by_tooltip (GtkWidget  *widget,
                 const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A partner chosen among the suggestions is linked; free text unlinks. */
static void
test_partner (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  gint64 cimade = add_partner (fixture, "Cimade");
  g_autoptr(EscaleAction) action = NULL;
  GtkListBoxRow *suggestion;
  GtkWidget *unlink;

  add_partner (fixture, "Secours catholique");
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Accueil %u", i);

      add_partner (fixture, name);
    }
  open_dialog (fixture, fixture->person_id, 0);

  /* At most eight suggestions, those that match. */
  type_into (fixture, ESCALE_ACTION_FIELD_PARTNER, "accueil");
  g_assert_cmpuint (count_suggestions (fixture), ==, 8);
  type_into (fixture, ESCALE_ACTION_FIELD_PARTNER, "cima");
  g_assert_cmpuint (count_suggestions (fixture), ==, 1);
  g_assert_cmpint (escale_partner_entry_row_get_partner_id (partner_row (fixture)), ==, 0);
  suggestion = gtk_list_box_get_row_at_index (
    escale_partner_entry_row_get_suggestions (partner_row (fixture)), 0);
  g_signal_emit_by_name (suggestion, "activate");
  escale_test_spin ();
  g_assert_cmpstr (text_of (fixture, ESCALE_ACTION_FIELD_PARTNER), ==, "Cimade");
  g_assert_cmpint (escale_partner_entry_row_get_partner_id (partner_row (fixture)), ==, cimade);
  g_assert_cmpuint (count_suggestions (fixture), ==, 0);
  assert_saved (fixture);
  action = load (fixture, fixture->saved_id);
  g_assert_cmpint (escale_action_get_int (action, ESCALE_ACTION_FIELD_PARTNER_ID), ==, cimade);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_PARTNER), ==, "Cimade");

  /* Editing shows the link; typing makes the text free. */
  open_dialog (fixture, fixture->person_id, fixture->saved_id);
  g_assert_cmpstr (text_of (fixture, ESCALE_ACTION_FIELD_PARTNER), ==, "Cimade");
  g_assert_cmpint (escale_partner_entry_row_get_partner_id (partner_row (fixture)), ==, cimade);
  type_into (fixture, ESCALE_ACTION_FIELD_PARTNER, "Cimade, antenne de Lyon");
  g_assert_cmpint (escale_partner_entry_row_get_partner_id (partner_row (fixture)), ==, 0);
  assert_saved (fixture);
  g_clear_object (&action);
  action = load (fixture, fixture->saved_id);
  g_assert_cmpint (escale_action_get_int (action, ESCALE_ACTION_FIELD_PARTNER_ID), ==,
                   ESCALE_ACTION_UNSET);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_PARTNER), ==,
                   "Cimade, antenne de Lyon");

  /* Linked again, then unlinked by the button: the name stays as free text. */
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PARTNER_ID, cimade);
  g_assert_true (escale_store_save_action (fixture->store, action, NULL));
  open_dialog (fixture, fixture->person_id, fixture->saved_id);
  g_assert_cmpint (escale_partner_entry_row_get_partner_id (partner_row (fixture)), ==, cimade);
  unlink = find_by_tooltip (GTK_WIDGET (partner_row (fixture)),
                            "Unlink from the partner directory");
  g_assert_nonnull (unlink);
  g_assert_true (gtk_widget_is_visible (unlink));
  g_signal_emit_by_name (unlink, "clicked");
  escale_test_spin ();
  g_assert_false (gtk_widget_is_visible (unlink));
  g_assert_cmpint (escale_partner_entry_row_get_partner_id (partner_row (fixture)), ==, 0);
  assert_saved (fixture);
  g_clear_object (&action);
  action = load (fixture, fixture->saved_id);
  g_assert_cmpint (escale_action_get_int (action, ESCALE_ACTION_FIELD_PARTNER_ID), ==,
                   ESCALE_ACTION_UNSET);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_PARTNER), ==,
                   "Cimade, antenne de Lyon");
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GtkShortcut) save = NULL;
  g_autoptr(GtkShortcut) keypad = NULL;
  g_autoptr(GtkShortcut) cancel = NULL;
  GtkPropagationPhase phase = GTK_PHASE_NONE;

  open_dialog (fixture, fixture->person_id, 0);
  save = escale_test_find_shortcut (GTK_WIDGET (fixture->dialog), "<Control>Return", &phase);
  g_assert_nonnull (save);
  g_assert_cmpint (phase, ==, GTK_PHASE_CAPTURE);
  keypad = escale_test_find_shortcut (GTK_WIDGET (fixture->dialog), "<Control>KP_Enter", NULL);
  g_assert_nonnull (keypad);
  cancel = escale_test_find_shortcut (GTK_WIDGET (fixture->dialog), "Escape", NULL);
  g_assert_nonnull (cancel);

  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (cancel), 0,
                                               GTK_WIDGET (fixture->dialog), NULL));
  escale_test_spin ();
  g_assert_null (fixture->dialog);
  g_assert_cmpint (count_actions (fixture), ==, 0);

  open_dialog (fixture, fixture->person_id, 0);
  type_into (fixture, ESCALE_ACTION_FIELD_DATE, "not a date");
  gtk_widget_grab_focus (field (fixture, ESCALE_ACTION_FIELD_NOTES));
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (save), 0,
                                               GTK_WIDGET (fixture->dialog), NULL));
  escale_test_spin ();
  g_assert_nonnull (fixture->dialog);
  g_assert_nonnull (escale_action_dialog_get_field_error (fixture->dialog,
                                                          ESCALE_ACTION_FIELD_DATE));
  type_into (fixture, ESCALE_ACTION_FIELD_DATE, "02/03/2025");
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (save), 0,
                                               GTK_WIDGET (fixture->dialog), NULL));
  escale_test_spin ();
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (count_actions (fixture), ==, 1);
}

/* Deleting asks first; "deleted" carries the id. */
static void
test_delete (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  gint64 id = store_action (fixture, "phone_call", "2025-02-01");
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleAction) gone = NULL;
  AdwMessageDialog *question;

  /* Nothing to delete in a new action. */
  open_dialog (fixture, fixture->person_id, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "dialog.delete", NULL);
  escale_test_spin ();
  g_assert_null (escale_test_find_message_dialog ());
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  escale_test_spin ();

  open_dialog (fixture, fixture->person_id, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "dialog.delete",
                                             NULL));
  escale_test_spin ();
  question = escale_test_find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Delete This Action?");
  /* Cancelled (what Escape does): still there. */
  gtk_window_close (GTK_WINDOW (question));
  escale_test_spin ();
  g_assert_null (escale_test_find_message_dialog ());
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpint (count_actions (fixture), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "dialog.delete",
                                             NULL));
  escale_test_spin ();
  question = escale_test_find_message_dialog ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "delete");
  gtk_window_destroy (GTK_WINDOW (question));
  escale_test_spin ();
  g_assert_null (fixture->dialog);
  g_assert_cmpint (fixture->deleted_id, ==, id);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpint (count_actions (fixture), ==, 0);
  gone = escale_store_load_action (fixture->store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

/* A database error is shown above the form, which keeps what was typed. */
static void
test_database_error (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  const char *banner;

  open_dialog (fixture, fixture->person_id, 0);
  type_into (fixture, ESCALE_ACTION_FIELD_PARTNER, "Secours populaire");
  escale_store_exec (fixture->store, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON action "
                     "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END", &error);
  g_assert_no_error (error);
  assert_refused (fixture, 0);
  banner = escale_action_dialog_get_banner (fixture->dialog);
  g_assert_nonnull (banner);
  g_assert_nonnull (strstr (banner, "disk on fire"));
  g_assert_cmpstr (text_of (fixture, ESCALE_ACTION_FIELD_PARTNER), ==, "Secours populaire");

  escale_store_exec (fixture->store, "DROP TRIGGER temp.refuse", &error);
  g_assert_no_error (error);
  assert_saved (fixture);
  g_assert_cmpint (count_actions (fixture), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init_gtk (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/action-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("defaults", test_defaults);
  ADD ("add-with-next-step", test_add_with_next_step);
  ADD ("bad-input", test_bad_input);
  ADD ("edit", test_edit);
  ADD ("household", test_household);
  ADD ("group", test_group);
  ADD ("partner", test_partner);
  ADD ("shortcuts", test_shortcuts);
  ADD ("delete", test_delete);
  ADD ("database-error", test_database_error);
#undef ADD

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
