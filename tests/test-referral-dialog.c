/* test-referral-dialog.c — referring a person to a partner's service
 *
 * Real widgets on a real database with three partners: the services
 * listed follow the filters (the eligibility chosen after the person's
 * status), "Refer" writes the referral action and its pending row or, with
 * no service chosen, nothing; the slip is a PDF naming the partner; the
 * person's timeline opens the dialog and shows the new referral.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "escale-partner-store.h"
#include "escale-person-results.h"
#include "escale-person-store.h"
#include "escale-referral-dialog.h"
#include "escale-referral-slip.h"
#include "escale-store-private.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-timeline-view.h"
#include "escale-ui-util.h"

typedef struct
{
  EscaleStore          *store;
  EscaleReferralDialog *dialog;
  gint64                person_id;
  gint64                law;       /* rights, asylum seekers, 3 free places */
  gint64                housing;   /* housing, refugees only, 5 free places */
  gint64                health;    /* health, anyone, no free place */
  gint64                law_partner;
  gint64                referral_id;
  gint64                action_id;
  guint                 n_referred;
} Fixture;

/* Helpers */

static gint64
add_partner (EscaleStore *store,
             const char  *name,
             const char  *city,
             const char  *theme,
             const char  *eligibility,
             gint64       free_places,
             gint64      *partner_id)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_autoptr(GError) error = NULL;
  EscalePartnerService *service;

  partner->name = g_strdup (name);
  partner->city = g_strdup (city);
  partner->address = g_strdup ("12 rue de la Paix");
  partner->postal_code = g_strdup ("69001");
  escale_partner_add_phone (partner, "04 78 00 00 00", NULL);
  escale_partner_add_hours (partner, 1, "09:00", "12:30");
  escale_partner_add_closure (partner, "2099-08-01", "2099-08-31", "Summer");
  escale_partner_add_contact (partner, "Claire Martin", "Coordinator", NULL, NULL);
  service = escale_partner_add_service (partner, theme);
  service->description = g_strdup ("Free advice, by appointment");
  service->documents = g_strdup ("Passport or asylum certificate");
  service->capacity_total = 10;
  service->capacity_free = free_places;
  if (eligibility != NULL)
    {
      g_strfreev (service->eligibility);
      service->eligibility = g_strsplit (eligibility, "|", -1);
    }
  g_assert_true (escale_store_save_partner (store, partner, &error));
  g_assert_no_error (error);
  if (partner_id != NULL)
    *partner_id = partner->id;
  return ((EscalePartnerService *) g_ptr_array_index (partner->services, 0))->id;
}

static gint64
add_asylum_seeker (EscaleStore *store)
{
  g_autoptr(EscalePerson) person = escale_test_person ("Haddad", "Amina", "1990-03-14");
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (escale_person_get_status_periods (person),
                   escale_status_period_new ("asylum_seeker", "2024-01-10", NULL, NULL, NULL));
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return escale_person_get_id (person);
}

static gint64
query_int (EscaleStore *store,
           const char  *format,
           ...)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  stmt = escale_store_prepare (store, sql, NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
on_referred_cb (EscaleReferralDialog *dialog G_GNUC_UNUSED,
                gint64                referral_id,
                gint64                action_id,
                Fixture              *fixture)
{
  fixture->referral_id = referral_id;
  fixture->action_id = action_id;
  fixture->n_referred++;
}

static void
watch_dialog (Fixture   *fixture,
              GtkWidget *dialog)
{
  fixture->dialog = ESCALE_REFERRAL_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &fixture->dialog);
  g_signal_connect (dialog, "referred", G_CALLBACK (on_referred_cb), fixture);
}

static void
open_dialog (Fixture *fixture,
             gint64   person_id)
{
  watch_dialog (fixture, escale_referral_dialog_new (NULL, fixture->store, person_id, 0));
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  escale_test_spin ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  fixture->store = escale_test_store_new ();
  escale_store_set_user (fixture->store, "tester");
  fixture->person_id = add_asylum_seeker (fixture->store);
  fixture->law = add_partner (fixture->store, "Maison du Droit", "Lyon", "rights",
                              "asylum_seekers", 3, &fixture->law_partner);
  fixture->housing = add_partner (fixture->store, "Toit Commun", "Lyon", "housing", "refugees",
                                  5, NULL);
  fixture->health = add_partner (fixture->store, "Parole Santé", "Villeurbanne", "health", NULL,
                                 0, NULL);
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

/* The services listed, as "id id …". */
static char *
listed (Fixture *fixture)
{
  g_autoptr(GArray) ids = escale_referral_dialog_list_services (fixture->dialog);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

static char *
ids_text (gint64 a,
          gint64 b,
          gint64 c)
{
  GString *text = g_string_new (NULL);
  gint64 ids[] = { a, b, c };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (ids[i] > 0)
      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len > 0 ? " " : "", ids[i]);
  return g_string_free (text, FALSE);
}

static void
assert_listed (Fixture *fixture,
               gint64   a,
               gint64   b,
               gint64   c)
{
  g_autofree char *shown = listed (fixture);
  g_autofree char *expected = ids_text (a, b, c);

  g_assert_cmpstr (shown, ==, expected);
}

static void
choose_service (Fixture *fixture,
                gint64   service_id)
{
  GtkCheckButton *check = escale_referral_dialog_get_service_check (fixture->dialog, service_id);

  g_assert_nonnull (check);
  gtk_widget_activate (GTK_WIDGET (check));
  escale_test_spin ();
  g_assert_true (gtk_check_button_get_active (check));
}

static void
refer (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "dialog.refer",
                                             NULL));
  escale_test_spin ();
}

static gint64
count (EscaleStore *store,
       const char  *table)
{
  return query_int (store, "SELECT count(*) FROM %s", table);
}

static AdwEntryRow *
entry_row (Fixture    *fixture,
           const char *title)
{
  g_autoptr(GPtrArray) rows = escale_test_find_all (fixture->dialog, ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_assert_not_reached ();
}

/* Tests */

static void
test_filters (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  GtkDropDown *eligibility;

  open_dialog (fixture, fixture->person_id);
  eligibility = escale_referral_dialog_get_eligibility_filter (fixture->dialog);

  /* An asylum seeker: the housing for refugees is left out. */
  g_assert_cmpstr (escale_code_dropdown_get_code (eligibility), ==, "asylum_seekers");
  assert_listed (fixture, fixture->law, fixture->health, 0);
  g_assert_nonnull (escale_test_find_label (fixture->dialog, "3 free places, updated today"));
  g_assert_nonnull (escale_test_find_row (fixture->dialog, "Parole Santé"));

  /* Anyone: every service. */
  escale_code_dropdown_set_code (eligibility, NULL);
  escale_test_spin ();
  assert_listed (fixture, fixture->law, fixture->health, fixture->housing);

  /* Free places only: the health service has none. */
  escale_code_dropdown_set_code (eligibility, "asylum_seekers");
  gtk_switch_set_active (escale_referral_dialog_get_free_filter (fixture->dialog), TRUE);
  escale_test_spin ();
  assert_listed (fixture, fixture->law, 0, 0);
  gtk_switch_set_active (escale_referral_dialog_get_free_filter (fixture->dialog), FALSE);
  escale_test_spin ();
  assert_listed (fixture, fixture->law, fixture->health, 0);

  /* A theme. */
  escale_code_dropdown_set_code (escale_referral_dialog_get_theme_filter (fixture->dialog),
                                 "health");
  escale_test_spin ();
  assert_listed (fixture, fixture->health, 0, 0);
  escale_code_dropdown_set_code (escale_referral_dialog_get_theme_filter (fixture->dialog),
                                 "housing");
  escale_test_spin ();
  assert_listed (fixture, 0, 0, 0);
  g_assert_nonnull (escale_test_find_label (fixture->dialog,
                                            "No service matches these filters"));
}

static void
test_refer (Fixture       *fixture,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = escale_test_tmp_path ("slip.pdf");
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  open_dialog (fixture, fixture->person_id);
  choose_service (fixture, fixture->law);
  refer (fixture);

  g_assert_null (escale_referral_dialog_get_error (fixture->dialog, "service"));
  g_assert_cmpstr (escale_referral_dialog_get_error (fixture->dialog, "banner"), ==, NULL);
  g_assert_cmpuint (fixture->n_referred, ==, 1);
  g_assert_cmpint (fixture->referral_id, >, 0);
  g_assert_cmpint (fixture->referral_id, ==,
                   escale_referral_dialog_get_referral_id (fixture->dialog));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM action WHERE id = %"
                              G_GINT64_FORMAT " AND type = 'referral' AND person_id = %"
                              G_GINT64_FORMAT, fixture->action_id, fixture->person_id), ==, 1);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM referral WHERE id = %"
                              G_GINT64_FORMAT " AND action_id = %" G_GINT64_FORMAT
                              " AND state = 'pending' AND service_id = %" G_GINT64_FORMAT
                              " AND partner_id = %" G_GINT64_FORMAT, fixture->referral_id,
                              fixture->action_id, fixture->law, fixture->law_partner), ==, 1);
  g_assert_cmpint (count (fixture->store, "referral"), ==, 1);

  /* Done: the slip is offered, and a second Refer writes nothing. */
  g_assert_true (gtk_widget_is_visible (escale_test_find_label (fixture->dialog,
                                                                "Referral Recorded")));
  g_assert_false (escale_referral_dialog_refer (fixture->dialog));
  g_assert_cmpint (count (fixture->store, "referral"), ==, 1);

  g_assert_true (escale_referral_slip_export_pdf (fixture->store, fixture->referral_id,
                                                  GTK_TEXT_DIR_LTR, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (strncmp (pdf, "%PDF", 4) == 0);
  {
    g_autofree char *text = escale_test_pdf_text (path);

    g_assert_nonnull (strstr (text, "Referral"));
    g_assert_nonnull (strstr (text, "Maison du Droit"));
    g_assert_nonnull (strstr (text, "Passport or asylum certificate"));
    g_assert_nonnull (strstr (text, "Claire Martin"));
    g_assert_nonnull (strstr (text, "Summer"));
    g_assert_nonnull (strstr (text, "Haddad Amina"));
    g_assert_nonnull (strstr (text, "Mon 9:00–12:30"));
  }
}

static void
test_nothing_chosen (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  open_dialog (fixture, fixture->person_id);
  refer (fixture);
  g_assert_nonnull (escale_referral_dialog_get_error (fixture->dialog, "service"));
  g_assert_cmpuint (fixture->n_referred, ==, 0);
  g_assert_cmpint (count (fixture->store, "action"), ==, 0);
  g_assert_cmpint (count (fixture->store, "referral"), ==, 0);

  /* A bad date is shown at its field; still nothing written. */
  choose_service (fixture, fixture->health);
  g_assert_null (escale_referral_dialog_get_error (fixture->dialog, "service"));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, "_Date")), "31/02/2025");
  refer (fixture);
  g_assert_nonnull (escale_referral_dialog_get_error (fixture->dialog, "date"));
  g_assert_cmpint (count (fixture->store, "referral"), ==, 0);
  g_assert_cmpuint (fixture->n_referred, ==, 0);
}

static void
test_choose_person (Fixture       *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  GtkDropDown *eligibility;
  GtkListBoxRow *first;

  open_dialog (fixture, 0);
  eligibility = escale_referral_dialog_get_eligibility_filter (fixture->dialog);
  g_assert_null (escale_code_dropdown_get_code (eligibility));
  assert_listed (fixture, fixture->law, fixture->health, fixture->housing);

  choose_service (fixture, fixture->law);
  refer (fixture);
  g_assert_nonnull (escale_referral_dialog_get_error (fixture->dialog, "person"));
  g_assert_cmpint (count (fixture->store, "referral"), ==, 0);

  /* The search runs once typing pauses. */
  gtk_editable_set_text (escale_referral_dialog_get_person_entry (fixture->dialog), "hadd");
  first = NULL;
  for (gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
       first == NULL && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      first = gtk_list_box_get_row_at_index (escale_referral_dialog_get_person_results
                                             (fixture->dialog), 0);
    }
  g_assert_nonnull (first);
  g_assert_cmpint (escale_person_result_row_get_id (GTK_WIDGET (first)), ==, fixture->person_id);
  g_signal_emit_by_name (escale_referral_dialog_get_person_results (fixture->dialog),
                         "row-activated", first);
  escale_test_spin ();
  g_assert_null (escale_referral_dialog_get_error (fixture->dialog, "person"));
  g_assert_cmpstr (escale_code_dropdown_get_code (eligibility), ==, "asylum_seekers");
  assert_listed (fixture, fixture->law, fixture->health, 0);
  /* The service chosen is still chosen. */
  g_assert_true (gtk_check_button_get_active (
                   escale_referral_dialog_get_service_check (fixture->dialog, fixture->law)));
  g_assert_true (escale_referral_dialog_refer (fixture->dialog));
  g_assert_cmpuint (fixture->n_referred, ==, 1);
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  GtkPropagationPhase phase;
  GtkShortcut *refer_shortcut;

  open_dialog (fixture, fixture->person_id);
  refer_shortcut = escale_test_find_shortcut (GTK_WIDGET (fixture->dialog), "<Control>Return",
                                              &phase);
  g_assert_nonnull (refer_shortcut);
  g_assert_cmpint (phase, ==, GTK_PHASE_CAPTURE);
  g_assert_nonnull (escale_test_find_shortcut (GTK_WIDGET (fixture->dialog), "<Control>KP_Enter",
                                               NULL));
  /* Escape closes without writing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "dialog.cancel",
                                             NULL));
  escale_test_spin ();
  g_assert_null (fixture->dialog);
  g_assert_cmpint (count (fixture->store, "referral"), ==, 0);
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = escale_timeline_view_new ();
  EscaleTimeline *timeline;

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  escale_timeline_view_set_person (ESCALE_TIMELINE_VIEW (view), fixture->store,
                                   fixture->person_id);
  escale_test_spin ();
  g_assert_nonnull (escale_test_find_widget (view, GTK_TYPE_BUTTON, NULL, NULL));

  /* The "Refer to…" button's action opens the dialog for the person. */
  g_assert_true (gtk_widget_activate_action (view, "timeline.refer", NULL));
  escale_test_spin ();
  g_assert_true (ESCALE_IS_REFERRAL_DIALOG (escale_timeline_view_get_dialog
                                            (ESCALE_TIMELINE_VIEW (view))));
  watch_dialog (fixture, escale_timeline_view_get_dialog (ESCALE_TIMELINE_VIEW (view)));
  g_assert_cmpstr (escale_code_dropdown_get_code
                   (escale_referral_dialog_get_eligibility_filter (fixture->dialog)), ==,
                   "asylum_seekers");
  choose_service (fixture, fixture->health);
  refer (fixture);
  g_assert_cmpuint (fixture->n_referred, ==, 1);

  /* The timeline shows the referral without a reload. */
  timeline = escale_timeline_view_get_timeline (ESCALE_TIMELINE_VIEW (view));
  g_assert_cmpint (escale_timeline_find_action (timeline, fixture->action_id), >=, 0);

  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  escale_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init_gtk (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/referral-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("filters", test_filters);
  ADD ("refer", test_refer);
  ADD ("nothing-chosen", test_nothing_chosen);
  ADD ("choose-person", test_choose_person);
  ADD ("shortcuts", test_shortcuts);
  ADD ("timeline", test_timeline);
#undef ADD

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
