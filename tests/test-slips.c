/* test-slips.c — what the slip printed for a person shows, and in which language
 *
 * On the people of escale-slip-fixture.h: the coming planned actions with
 * their partner's address, hours and documents, the next steps, nothing of
 * done or overdue actions; the person's language among the catalogues the
 * build compiled (ESCALE_LOCALEDIR); days and opening hours written with a
 * catalogue's names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-partner-hours.h"
#include "escale-person-store.h"
#include "escale-slip-fixture.h"
#include "escale-slip.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

typedef struct
{
  EscaleStore       *store;
  EscaleSlipFixture  people;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  fixture->store = escale_test_store_new ();
  escale_slip_fixture_fill (fixture->store, &fixture->people);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&fixture->store);
}

static EscaleSlip *
load_ok (Fixture *fixture,
         gint64   person_id,
         gint64   action_id)
{
  g_autoptr(GError) error = NULL;
  EscaleSlip *slip = escale_slip_load (fixture->store, person_id, action_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (slip);
  return slip;
}

static EscaleSlipAppointment *
appointment_at (EscaleSlip *slip,
                guint       index)
{
  g_assert_cmpuint (index, <, slip->appointments->len);
  return g_ptr_array_index (slip->appointments, index);
}

static EscaleSlipStep *
step_at (EscaleSlip *slip,
         guint       index)
{
  g_assert_cmpuint (index, <, slip->steps->len);
  return g_ptr_array_index (slip->steps, index);
}

/* A person who reads @code at @level, and @other_code at @other_level. */
static gint64
add_reader (EscaleStore *store,
            const char  *code,
            const char  *level,
            const char  *other_code,
            const char  *other_level)
{
  g_autoptr(EscalePerson) person = escale_test_person ("Reader", code, NULL);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (escale_person_get_languages (person),
                   escale_language_skill_new (code, level, FALSE));
  if (other_code != NULL)
    g_ptr_array_add (escale_person_get_languages (person),
                     escale_language_skill_new (other_code, other_level, FALSE));
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return escale_person_get_id (person);
}

static void
assert_language (EscaleStore *store,
                 gint64       person_id,
                 const char  *expected)
{
  g_autofree char *language = escale_slip_language (store, person_id);

  g_assert_cmpstr (language, ==, expected);
}

/* Tests */

static void
test_all_planned (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscaleSlip) slip = load_ok (fixture, fixture->people.amina, 0);
  EscaleSlipAppointment *appointment, *follow_up;
  g_autofree char *place = NULL;
  g_autofree char *hours = NULL;

  g_assert_cmpstr (slip->name, ==, "HADDAD Amina");
  g_assert_nonnull (slip->file_number);
  g_assert_cmpstr (slip->association, ==, "Association Escale Lyon");

  /* The appointment and its next step's planned action; neither the done
   * interview nor the overdue one. */
  g_assert_cmpuint (slip->appointments->len, ==, 2);
  appointment = appointment_at (slip, 0);
  g_assert_cmpint (appointment->action_id, ==, fixture->people.appointment);
  g_assert_cmpstr (appointment->date, ==, "2099-06-12");
  g_assert_cmpstr (appointment->time, ==, "10:30");
  g_assert_cmpstr (appointment->type, ==, "appointment");
  g_assert_null (appointment->about);   /* its notes are the worker's */
  g_assert_cmpstr (appointment->place, ==, "Maison du Droit");
  g_assert_nonnull (appointment->partner);
  g_assert_cmpstr (appointment->documents, ==, "Passport or asylum certificate");
  place = escale_slip_format_place (appointment);
  g_assert_cmpstr (place, ==, "Maison du Droit\n12 rue de la Paix\n69001 Lyon");
  hours = escale_hours_format_in (appointment->partner->hours, escale_catalog_get ("en"));
  g_assert_cmpstr (hours, ==, "Mon 9:00–12:30\nThu 14:00–17:00");

  follow_up = appointment_at (slip, 1);
  g_assert_cmpint (follow_up->action_id, ==, fixture->people.follow_up);
  g_assert_cmpstr (follow_up->date, ==, "2099-06-20");
  g_assert_cmpstr (follow_up->about, ==, "Call us after the appointment");

  /* The step of the done interview; the appointment's is planned already. */
  g_assert_cmpuint (slip->steps->len, ==, 1);
  g_assert_cmpstr (step_at (slip, 0)->text, ==, "Bring your last three payslips");
  g_assert_null (step_at (slip, 0)->due);
}

static void
test_one_action (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscaleSlip) slip = load_ok (fixture, fixture->people.amina,
                                        fixture->people.appointment);
  g_autoptr(EscaleSlip) overdue = load_ok (fixture, fixture->people.amina,
                                           fixture->people.overdue);
  g_autoptr(EscaleSlip) nothing = NULL;
  g_autoptr(GError) error = NULL;

  /* That action only, and its own next step, with its day. */
  g_assert_cmpuint (slip->appointments->len, ==, 1);
  g_assert_cmpint (appointment_at (slip, 0)->action_id, ==, fixture->people.appointment);
  g_assert_cmpuint (slip->steps->len, ==, 1);
  g_assert_cmpstr (step_at (slip, 0)->text, ==, "Call us after the appointment");
  g_assert_cmpstr (step_at (slip, 0)->due, ==, "2099-06-20");

  /* Asked for, an overdue action is printed: a written action, no partner. */
  g_assert_cmpuint (overdue->appointments->len, ==, 1);
  g_assert_cmpstr (appointment_at (overdue, 0)->place, ==, "Guichet Oublié");
  g_assert_null (appointment_at (overdue, 0)->partner);
  g_assert_cmpuint (overdue->steps->len, ==, 0);

  /* A done action, or another person's, is no appointment of hers. */
  nothing = escale_slip_load (fixture->store, fixture->people.amina, fixture->people.done,
                              &error);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_null (nothing);
  g_clear_error (&error);
  nothing = escale_slip_load (fixture->store, fixture->people.olena,
                              fixture->people.appointment, &error);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_null (nothing);
}

static void
test_place_of_association (Fixture       *fixture,
                           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscaleSlip) slip = NULL;

  /* Without a partner, the appointment is at the association. */
  escale_test_exec_printf (fixture->store, "UPDATE action SET partner = NULL WHERE id = %"
                           G_GINT64_FORMAT, fixture->people.overdue);
  slip = load_ok (fixture, fixture->people.amina, fixture->people.overdue);
  g_assert_cmpstr (appointment_at (slip, 0)->place, ==, "Association Escale Lyon");
}

static void
test_nothing_planned (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscaleSlip) slip = load_ok (fixture, fixture->people.awa, 0);

  g_assert_cmpstr (slip->name, ==, "DIOP Awa");
  g_assert_cmpuint (slip->appointments->len, ==, 0);
  g_assert_cmpuint (slip->steps->len, ==, 0);
}

static void
test_language (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  EscaleStore *store = fixture->store;

  /* Native Arabic before basic French, whatever their order. */
  assert_language (store, fixture->people.amina, "ar");
  assert_language (store, fixture->people.olena, "uk");
  /* No catalogue for Wolof. */
  assert_language (store, fixture->people.awa, "fr");
  assert_language (store, add_reader (store, "prs", "fluent", NULL, NULL), "prs");
  /* English is the language of the sources: no catalogue, yet known. */
  assert_language (store, add_reader (store, "en", "basic", NULL, NULL), "en");
  assert_language (store, escale_test_add_person (store, "Sans", "Langue", NULL), "fr");
  assert_language (store, 999999, "fr");
  /* Fluent French before basic Tigrinya; a language without catalogue is
   * passed over, whatever its level; no level comes last. */
  assert_language (store, add_reader (store, "ti", "basic", "fr", "fluent"), "fr");
  assert_language (store, add_reader (store, "wo", "native", "uk", "basic"), "uk");
  assert_language (store, add_reader (store, "ps", NULL, "es", "basic"), "es");
}

/* Dari reads Persian where Escale has no Dari catalogue. */
static void
test_language_fallback (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *localedir = escale_test_tmp_path ("locale");
  g_autofree char *dir = g_build_filename (localedir, "fa", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("ESCALE_LOCALEDIR"));
  gint64 dari = add_reader (store, "prs", "native", NULL, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (mo, "", 0, NULL));
  g_setenv ("ESCALE_LOCALEDIR", localedir, TRUE);
  assert_language (store, dari, "fa");
  g_setenv ("ESCALE_LOCALEDIR", saved, TRUE);
  assert_language (store, dari, "prs");
}

static void
test_format_day (void)
{
  EscaleCatalog *english = escale_catalog_get ("en");
  EscaleCatalog *french = escale_catalog_get ("fr");
  EscaleCatalog *ukrainian = escale_catalog_get ("uk");
  g_autofree char *day = escale_slip_format_day ("2099-06-12", english);
  g_autofree char *french_day = escale_slip_format_day ("2099-06-12", french);
  g_autofree char *ukrainian_day = escale_slip_format_day ("2099-06-12", ukrainian);
  g_autofree char *bad = escale_slip_format_day ("2099-02-30", french);
  EscaleSlipAppointment appointment = { .date = "2099-06-12", .time = "10:30" };
  g_autofree char *when = escale_slip_format_when (&appointment, english);
  const char *juin = escale_catalog_pgettext (french, "month", "June");

  g_assert_cmpstr (day, ==, "Friday 12 June 2099");
  g_assert_cmpstr (when, ==, "Friday 12 June 2099 at 10:30");
  /* The month's name comes from each catalogue, not from the locale. */
  g_assert_cmpstr (juin, !=, "June");
  g_assert_nonnull (strstr (french_day, juin));
  g_assert_nonnull (strstr (french_day, "12"));
  g_assert_nonnull (strstr (french_day, "2099"));
  g_assert_cmpstr (escale_catalog_pgettext (ukrainian, "month", "June"), !=, "June");
  g_assert_true (strstr (ukrainian_day, escale_catalog_pgettext (ukrainian, "month", "June")) ||
                 strstr (ukrainian_day, "06"));
  g_assert_cmpstr (bad, ==, "2099-02-30");
}

static void
test_hours_in_language (void)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, TRUE, sizeof (EscalePartnerHours));
  EscalePartnerHours monday = { 1, "09:00", "12:00" }, afternoon = { 1, "14:00", "17:00" };
  EscaleCatalog *arabic = escale_catalog_get ("ar");
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  g_array_append_val (slots, afternoon);
  g_array_append_val (slots, monday);
  text = escale_hours_format_in (slots, arabic);
  expected = g_strdup_printf ("%s 9:00–12:00%s14:00–17:00",
                              escale_catalog_pgettext (arabic, "weekday", "Mon"),
                              escale_catalog_gettext (arabic, ", "));
  g_assert_cmpstr (escale_catalog_pgettext (arabic, "weekday", "Mon"), !=, "Mon");
  g_assert_cmpstr (text, ==, expected);
}

int
main (int    argc,
      char **argv)
{
  int result;

  escale_test_init (&argc, &argv);
  g_test_add ("/slips/all-planned", Fixture, NULL, fixture_set_up, test_all_planned,
              fixture_tear_down);
  g_test_add ("/slips/one-action", Fixture, NULL, fixture_set_up, test_one_action,
              fixture_tear_down);
  g_test_add ("/slips/place-of-association", Fixture, NULL, fixture_set_up,
              test_place_of_association, fixture_tear_down);
  g_test_add ("/slips/nothing-planned", Fixture, NULL, fixture_set_up, test_nothing_planned,
              fixture_tear_down);
  g_test_add ("/slips/language", Fixture, NULL, fixture_set_up, test_language,
              fixture_tear_down);
  g_test_add_func ("/slips/language-fallback", test_language_fallback);
  g_test_add_func ("/slips/format-day", test_format_day);
  g_test_add_func ("/slips/hours-in-language", test_hours_in_language);
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
