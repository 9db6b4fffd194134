/* escale-slip-fixture.c — people to print slips for
 *
 * See escale-slip-fixture.h for what the database holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-action-store.h"
#include "escale-partner-store.h"
#include "escale-person-store.h"
#include "escale-report-settings.h"
#include "escale-slip-fixture.h"
#include "escale-test-util.h"

static gint64
add_reader (EscaleStore *store,
            const char  *family,
            const char  *given,
            const char  *languages[][2])
{
  g_autoptr(EscalePerson) person = escale_test_person (family, given, "1990-03-14");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; languages[i][0] != NULL; i++)
    g_ptr_array_add (escale_person_get_languages (person),
                     escale_language_skill_new (languages[i][0], languages[i][1], FALSE));
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return escale_person_get_id (person);
}

static gint64
add_partner (EscaleStore *store)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_autoptr(GError) error = NULL;
  EscalePartnerService *service;

  partner->name = g_strdup ("Maison du Droit");
  partner->address = g_strdup ("12 rue de la Paix");
  partner->postal_code = g_strdup ("69001");
  partner->city = g_strdup ("Lyon");
  escale_partner_add_phone (partner, "04 78 00 00 00", NULL);
  escale_partner_add_hours (partner, 1, "09:00", "12:30");
  escale_partner_add_hours (partner, 4, "14:00", "17:00");
  service = escale_partner_add_service (partner, "rights");
  service->documents = g_strdup ("Passport or asylum certificate");
  g_assert_true (escale_store_save_partner (store, partner, &error));
  g_assert_no_error (error);
  return partner->id;
}

static EscaleAction *
new_action (gint64      person_id,
            const char *date,
            const char *type,
            const char *status)
{
  EscaleAction *action = escale_action_new ();

  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, person_id);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, type);
  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS, status);
  return action;
}

static gint64
save_action (EscaleStore  *store,
             EscaleAction *action)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_save_action (store, action, &error));
  g_assert_no_error (error);
  return escale_action_get_id (action);
}

static gint64
add_appointment (EscaleStore *store,
                 gint64       person_id,
                 gint64       partner_id,
                 const char  *next_step,
                 const char  *due)
{
  g_autoptr(EscaleAction) action = new_action (person_id, "2099-06-12", "appointment",
                                               "planned");
  const char *themes[] = { "rights", NULL };

  escale_action_set (action, ESCALE_ACTION_FIELD_TIME, "10:30");
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PARTNER_ID, partner_id);
  escale_action_set_themes (action, themes);
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, "Worker's own note, not for the slip");
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP, next_step);
  escale_action_set (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE, due);
  return save_action (store, action);
}

static void
set_association (EscaleStore *store)
{
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_load (store, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (settings);
  g_free (settings->association);
  settings->association = g_strdup ("Association Escale Lyon");
  g_assert_true (escale_report_settings_save (store, settings, &error));
  g_assert_no_error (error);
}

void
escale_slip_fixture_fill (EscaleStore       *store,
                          EscaleSlipFixture *fixture)
{
  const char *amina[][2] = { { "fr", "basic" }, { "ar", "native" }, { NULL, NULL } };
  const char *olena[][2] = { { "uk", "native" }, { NULL, NULL } };
  const char *awa[][2] = { { "wo", "native" }, { NULL, NULL } };
  g_autoptr(EscaleAction) done = NULL;
  g_autoptr(EscaleAction) overdue = NULL;

  set_association (store);
  fixture->partner = add_partner (store);
  fixture->amina = add_reader (store, "Haddad", "Amina", amina);
  fixture->olena = add_reader (store, "Kovalenko", "Olena", olena);
  fixture->awa = add_reader (store, "Diop", "Awa", awa);

  done = new_action (fixture->amina, "2025-01-15", "interview", "done");
  escale_action_set (done, ESCALE_ACTION_FIELD_PARTNER, "Ancien Partenaire");
  escale_action_set (done, ESCALE_ACTION_FIELD_NEXT_STEP, "Bring your last three payslips");
  fixture->done = save_action (store, done);
  fixture->appointment = add_appointment (store, fixture->amina, fixture->partner,
                                          "Call us after the appointment", "2099-06-20");
  fixture->follow_up = escale_store_find_follow_up (store, fixture->appointment);
  g_assert_cmpint (fixture->follow_up, >, 0);
  overdue = new_action (fixture->amina, "2025-02-01", "interview", "planned");
  escale_action_set (overdue, ESCALE_ACTION_FIELD_PARTNER, "Guichet Oublié");
  fixture->overdue = save_action (store, overdue);

  add_appointment (store, fixture->olena, fixture->partner, NULL, NULL);
}
