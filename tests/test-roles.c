/* test-roles.c — accounts, logins, and every role against every operation
 *
 * Each role logs into a database of a few people, actions and partners and
 * tries every operation through the store's own functions: what the role
 * may do succeeds, what it may not fails with ESCALE_STORE_ERROR_PERMISSION
 * and leaves every byte of every table as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-account.h"
#include "escale-action-store.h"
#include "escale-agenda.h"
#include "escale-audit.h"
#include "escale-demo.h"
#include "escale-import.h"
#include "escale-partner-store.h"
#include "escale-person-list.h"
#include "escale-person-store.h"
#include "escale-programme-store.h"
#include "escale-referral-store.h"
#include "escale-report.h"
#include "escale-report-settings.h"
#include "escale-rights.h"
#include "escale-search.h"
#include "escale-situation.h"
#include "escale-store-private.h"
#include "escale-test-util.h"
#include "escale-timeline.h"
#include "escale-vocab.h"

#define PASSWORD "correct horse battery"
#define TODAY "2024-03-10"

/* The matrix of escale-account.h, written out again. */
enum { ADMIN, STAFF, VOLUNTEER, TREASURER, N_ROLES };

static const EscaleRole roles[N_ROLES] = {
  ESCALE_ROLE_ADMINISTRATOR, ESCALE_ROLE_STAFF, ESCALE_ROLE_VOLUNTEER, ESCALE_ROLE_TREASURER,
};
static const char *const logins[N_ROLES] = { "admin", "staff", "vera", "treasurer" };

static const struct
{
  EscaleOperation op;
  gboolean        allowed[N_ROLES];
} matrix[] = {
  { ESCALE_OP_READ_PERSON,     { TRUE, TRUE, TRUE, FALSE } },
  { ESCALE_OP_LIST_PEOPLE,     { TRUE, TRUE, TRUE, FALSE } },
  { ESCALE_OP_WRITE_PERSON,    { TRUE, TRUE, FALSE, FALSE } },
  { ESCALE_OP_READ_SENSITIVE,  { TRUE, TRUE, FALSE, FALSE } },
  { ESCALE_OP_READ_ACTIONS,    { TRUE, TRUE, TRUE, FALSE } },
  { ESCALE_OP_WRITE_ACTION,    { TRUE, TRUE, TRUE, FALSE } },
  { ESCALE_OP_WRITE_PARTNER,   { TRUE, TRUE, FALSE, FALSE } },
  { ESCALE_OP_REPORT,          { TRUE, TRUE, FALSE, TRUE } },
  { ESCALE_OP_EXPORT_PERSON,   { TRUE, TRUE, FALSE, FALSE } },
  { ESCALE_OP_ERASE,           { TRUE, FALSE, FALSE, FALSE } },
  { ESCALE_OP_SETTINGS,        { TRUE, FALSE, FALSE, FALSE } },
  { ESCALE_OP_MANAGE_ACCOUNTS, { TRUE, FALSE, FALSE, FALSE } },
  { ESCALE_OP_READ_AUDIT,      { TRUE, FALSE, FALSE, FALSE } },
  { ESCALE_OP_IMPORT,          { TRUE, TRUE, FALSE, FALSE } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (matrix) == ESCALE_N_OPS);

typedef struct
{
  EscaleStore *store;
  gint64       amina;          /* notes, birth country and a nationality */
  gint64       omar;           /* in Amina's household */
  gint64       spare;          /* deleted by WRITE_PERSON */
  gint64       leaving;        /* erased by ERASE */
  gint64       visible;        /* a planned action by another worker */
  gint64       doomed;         /* deleted by WRITE_ACTION */
  gint64       confidential;   /* another worker's, confidential */
  gint64       own;            /* the volunteer's, confidential */
  gint64       health;         /* of the health theme, with notes */
  gint64       partner;
  gint64       doomed_partner;
  gint64       service;
  gint64       programme;
  gint64       enrolment;
  gint64       doomed_enrolment;
  gint64       referral;
  gint64       accounts[N_ROLES];
} Fixture;

/* Helpers */

static gint64
query_int (EscaleStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (EscaleStore *store,
            const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return escale_column_dup (stmt, 0);
}

/* A digest of every row of every table: what "changes nothing" means. */
static char *
fingerprint (EscaleStore *store)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(sqlite3_stmt) tables = escale_store_prepare (store,
                                                         "SELECT name FROM sqlite_schema "
                                                         "WHERE type = 'table' AND name NOT "
                                                         "LIKE 'sqlite_%' ORDER BY name", NULL);

  g_assert_nonnull (tables);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", name);
      g_autoptr(sqlite3_stmt) rows = escale_store_prepare (store, sql, NULL);

      g_assert_nonnull (rows);
      g_checksum_update (checksum, (const guchar *) name, -1);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count (rows); i++)
          {
            const void *blob = sqlite3_column_blob (rows, i);

            g_checksum_update (checksum, (const guchar *) "|", 1);
            if (blob != NULL)
              g_checksum_update (checksum, blob, sqlite3_column_bytes (rows, i));
          }
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
login (Fixture    *f,
       const char *login)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_login (f->store, login, PASSWORD, &error));
  g_assert_no_error (error);
}

static EscaleAction *
new_action (gint64      person_id,
            const char *date,
            const char *status,
            const char *worker)
{
  EscaleAction *action = escale_action_new ();

  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, person_id);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "interview");
  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS, status);
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, worker);
  return action;
}

static gint64
add_action (Fixture    *f,
            const char *worker,
            gboolean    confidential,
            const char *theme,
            const char *notes)
{
  g_autoptr(EscaleAction) action = new_action (f->amina, "2024-03-20", "planned", worker);
  const char *themes[] = { theme, NULL };
  g_autoptr(GError) error = NULL;

  escale_action_set_confidential (action, confidential);
  escale_action_set_themes (action, themes);
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, notes);
  g_assert_true (escale_store_save_action (f->store, action, &error));
  g_assert_no_error (error);
  return escale_action_get_id (action);
}

static gint64
add_partner (Fixture    *f,
             const char *name,
             gint64     *service_id)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_autoptr(GError) error = NULL;
  EscalePartnerService *service;

  partner->name = g_strdup (name);
  partner->city = g_strdup ("Lyon");
  service = escale_partner_add_service (partner, "housing");
  service->capacity_total = 5;
  service->capacity_free = 5;
  g_assert_true (escale_store_save_partner (f->store, partner, &error));
  g_assert_no_error (error);
  if (service_id != NULL)
    *service_id = ((EscalePartnerService *) g_ptr_array_index (partner->services, 0))->id;
  return partner->id;
}

static gint64
add_enrolment (Fixture *f,
               gint64   person_id)
{
  g_autoptr(EscaleEnrolment) enrolment = escale_enrolment_new (person_id, f->programme,
                                                               "2024-01-05");
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_save_enrolment (f->store, enrolment, &error));
  g_assert_no_error (error);
  return enrolment->id;
}

static void
add_people (Fixture *f)
{
  g_autoptr(EscalePerson) amina = escale_test_person ("Haddad", "Amina", "1990-04-02");
  const char *nationalities[] = { "SY", NULL };
  g_autoptr(GError) error = NULL;

  escale_person_set (amina, ESCALE_FIELD_NOTES, "Diabetic, insulin twice a day");
  escale_person_set (amina, ESCALE_FIELD_BIRTH_COUNTRY, "SY");
  escale_person_set (amina, ESCALE_FIELD_PHONE, "0611223344");
  escale_person_set_nationalities (amina, nationalities);
  g_assert_true (escale_store_save_person (f->store, amina, &error));
  g_assert_no_error (error);
  f->amina = escale_person_get_id (amina);
  f->omar = escale_test_add_person (f->store, "Haddad", "Omar", "2015-09-01");
  g_assert_true (escale_store_household_add (f->store, f->amina, f->omar, "child", &error));
  g_assert_no_error (error);
  f->spare = escale_test_add_person (f->store, "Diop", "Awa", "1985-01-01");
  f->leaving = escale_test_add_person (f->store, "Kovalenko", "Olena", "1979-05-05");
}

static void
add_follow_up (Fixture *f)
{
  g_autoptr(EscaleAction) referral = new_action (f->amina, "2024-02-01", "done", "Paul");
  g_autoptr(GError) error = NULL;

  f->visible = add_action (f, "Paul", FALSE, "housing", "Looking for a flat");
  f->doomed = add_action (f, "Paul", FALSE, "housing", "Typed by mistake");
  f->confidential = add_action (f, "Paul", TRUE, "housing", "Violence at home");
  f->own = add_action (f, "Vera Martin", TRUE, "housing", "Vera's confidential note");
  f->health = add_action (f, "Paul", FALSE, "health", "Insulin prescription renewed");
  f->partner = add_partner (f, "Foyer Saint-Jean", &f->service);
  f->doomed_partner = add_partner (f, "Foyer fermé", NULL);
  f->referral = escale_store_create_referral (f->store, referral, f->service, &error);
  g_assert_no_error (error);
  f->programme = escale_test_add_programme (f->store, "AVE", "Accompagnement vers l'emploi");
  f->enrolment = add_enrolment (f, f->amina);
  f->doomed_enrolment = add_enrolment (f, f->omar);
}

static void
add_accounts (Fixture *f)
{
  for (guint i = 0; i < N_ROLES; i++)
    {
      g_autoptr(GError) error = NULL;

      f->accounts[i] = escale_store_create_account (f->store, logins[i],
                                                    i == VOLUNTEER ? "Vera Martin" : NULL,
                                                    roles[i], PASSWORD, &error);
      g_assert_no_error (error);
      g_assert_cmpint (f->accounts[i], >, 0);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  f->store = escale_test_store_new ();
  add_people (f);
  add_follow_up (f);
  add_accounts (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->store);
}

/* The operations, each through one real store function */

typedef gboolean (*TryFunc) (Fixture  *f,
                             GError  **error);

/* Frees what a try returned: each try knows its type. */
#define TRY_PTR_ARRAY(expr) \
  { \
    g_autoptr(GPtrArray) result = (expr); \
    return result != NULL; \
  }

static gboolean
try_load_person (Fixture  *f,
                 GError  **error)
{
  g_autoptr(EscalePerson) person = escale_store_load_person (f->store, f->amina, error);

  return person != NULL;
}

static gboolean
try_person_referrals (Fixture  *f,
                      GError  **error)
TRY_PTR_ARRAY (escale_store_list_person_referrals (f->store, f->amina, error))

static gboolean
try_partner_referrals (Fixture  *f,
                       GError  **error)
TRY_PTR_ARRAY (escale_store_list_partner_referrals (f->store, f->partner, error))

static gboolean
try_enrolments (Fixture  *f,
                GError  **error)
TRY_PTR_ARRAY (escale_store_list_enrolments (f->store, f->amina, error))

static gboolean
try_consents (Fixture  *f,
              GError  **error)
TRY_PTR_ARRAY (escale_store_list_consents (f->store, f->amina, error))

static gboolean
try_load_referral (Fixture  *f,
                   GError  **error)
{
  g_autoptr(EscaleReferral) referral = escale_store_load_referral (f->store, f->referral, error);

  return referral != NULL;
}

static gboolean
try_load_situation (Fixture  *f,
                    GError  **error)
{
  g_autoptr(EscaleSituation) situation =
    escale_store_load_situation (f->store, f->enrolment, ESCALE_SITUATION_ENTRY, error);

  return situation != NULL;
}

static gboolean
try_search (Fixture  *f,
            GError  **error)
{
  g_autoptr(GArray) ids = escale_store_search_people (f->store, "Haddad", NULL, 0, error);

  return ids != NULL;
}

static gboolean
try_create_person (Fixture  *f,
                   GError  **error)
{
  g_autoptr(EscalePerson) person = escale_test_person ("Benali", "Karim", "1992-12-12");

  return escale_store_save_person (f->store, person, error);
}

static gboolean
try_close_reopen (Fixture  *f,
                  GError  **error)
{
  return escale_store_close_person (f->store, f->omar, NULL, "moved", error) &&
         escale_store_reopen_person (f->store, f->omar, error);
}

static gboolean
try_household (Fixture  *f,
               GError  **error)
{
  return escale_store_household_set_role (f->store, f->omar, "other", error) &&
         escale_store_household_add (f->store, f->amina, f->spare, "other", error) &&
         escale_store_household_remove (f->store, f->spare, error);
}

static gboolean
try_delete_person (Fixture  *f,
                   GError  **error)
{
  return escale_store_delete_person (f->store, f->spare, error);
}

static gboolean
try_read_confidential (Fixture  *f,
                       GError  **error)
{
  g_autoptr(EscaleAction) action = escale_store_load_action (f->store, f->confidential, error);

  return action != NULL;
}

static gboolean
try_load_action (Fixture  *f,
                 GError  **error)
{
  g_autoptr(EscaleAction) action = escale_store_load_action (f->store, f->visible, error);

  return action != NULL;
}

static gboolean
try_timeline_ids (Fixture  *f,
                  GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return escale_store_list_person_actions (f->store, f->amina, ids, error) &&
         escale_store_list_person_planned (f->store, f->amina, ids, error);
}

static gboolean
try_agenda_due (Fixture  *f,
                GError  **error)
TRY_PTR_ARRAY (escale_agenda_list_due_page (f->store, TODAY, "2024-12-31", TODAY, NULL, 10,
                                            NULL, error))

static gboolean
try_agenda_overdue (Fixture  *f,
                    GError  **error)
TRY_PTR_ARRAY (escale_agenda_list_overdue (f->store, TODAY, "Paul", error))

static gboolean
try_agenda_expiring (Fixture  *f,
                     GError  **error)
TRY_PTR_ARRAY (escale_agenda_list_expiring (f->store, TODAY, 60, error))

static gboolean
try_agenda_lost (Fixture  *f,
                 GError  **error)
TRY_PTR_ARRAY (escale_agenda_list_lost_contact (f->store, TODAY, 3, error))

static gboolean
try_agenda_referrals (Fixture  *f,
                      GError  **error)
TRY_PTR_ARRAY (escale_agenda_list_referrals_to_follow_up_page (f->store, TODAY, 7, NULL, 0,
                                                               NULL, error))

static gboolean
try_save_action (Fixture  *f,
                 GError  **error)
{
  g_autoptr(EscaleAction) action = new_action (f->omar, "2024-03-09", "done", "Vera Martin");

  return escale_store_save_action (f->store, action, error);
}

static gboolean
try_action_status (Fixture  *f,
                   GError  **error)
{
  return escale_store_set_action_status (f->store, f->visible, "done", error);
}

static gboolean
try_delete_action (Fixture  *f,
                   GError  **error)
{
  return escale_store_delete_action (f->store, f->doomed, error);
}

static gboolean
try_referral (Fixture  *f,
              GError  **error)
{
  g_autoptr(EscaleAction) action = new_action (f->omar, "2024-03-09", "done", "Paul");

  return escale_store_create_referral (f->store, action, f->service, error) != 0 &&
         escale_store_set_referral_state (f->store, f->referral, ESCALE_REFERRAL_NO_ANSWER,
                                          NULL, NULL, error) &&
         escale_store_accept_referral (f->store, f->referral, NULL, FALSE, error);
}

static gboolean
try_enrolment (Fixture  *f,
               GError  **error)
{
  g_autoptr(EscaleEnrolment) enrolment = escale_enrolment_new (f->spare, f->programme,
                                                               "2024-02-02");

  return escale_store_save_enrolment (f->store, enrolment, error) &&
         escale_store_remove_enrolment (f->store, f->doomed_enrolment, error);
}

static gboolean
try_situation (Fixture  *f,
               GError  **error)
{
  g_autoptr(EscaleSituation) situation = escale_situation_new ();
  g_autoptr(EscaleEnrolment) enrolment = escale_enrolment_new (f->amina, f->programme,
                                                               "2024-01-05");

  situation->values[ESCALE_SITUATION_LABOUR] = g_strdup ("unemployed");
  enrolment->id = f->enrolment;
  enrolment->exit_date = g_strdup ("2024-03-01");
  return escale_store_save_situation (f->store, f->enrolment, ESCALE_SITUATION_ENTRY,
                                      situation, error) &&
         escale_store_save_enrolment_exit (f->store, enrolment, situation, error);
}

static gboolean
try_consent (Fixture  *f,
             GError  **error)
{
  g_autoptr(EscaleConsent) consent = escale_consent_new (f->amina, "2024-03-01");

  consent->follow_up = TRUE;
  return escale_store_save_consent (f->store, consent, error);
}

static gboolean
try_save_partner (Fixture  *f,
                  GError  **error)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();

  partner->name = g_strdup ("Secours Populaire");
  return escale_store_save_partner (f->store, partner, error);
}

static gboolean
try_partner_changes (Fixture  *f,
                     GError  **error)
{
  return escale_store_set_partner_active (f->store, f->partner, FALSE, error) &&
         escale_store_set_service_free_places (f->store, f->service, 2, error) &&
         escale_store_delete_partner (f->store, f->doomed_partner, error);
}

static gboolean
try_figures (Fixture  *f,
             GError  **error)
{
  g_autoptr(EscaleReportParams) params = escale_report_params_new (ESCALE_REPORT_ACTIVITY,
                                                                   "2024-01-01", "2024-12-31");
  EscaleReportFigures figures;

  return escale_report_compute_figures (f->store, params, &figures, error);
}

static gboolean
try_report (Fixture  *f,
            GError  **error)
{
  g_autoptr(EscaleReportParams) params = escale_report_params_new (ESCALE_REPORT_ACTIVITY,
                                                                   "2024-01-01", "2024-12-31");
  g_autoptr(EscaleReport) report = escale_report_build (f->store, params, NULL, error);

  return report != NULL;
}

static gboolean
try_export (Fixture  *f,
            GError  **error)
{
  g_autofree char *json = escale_store_export_person_json (f->store, f->amina, error);

  return json != NULL;
}

static gboolean
try_erase (Fixture  *f,
           GError  **error)
{
  return escale_store_erase_person (f->store, f->leaving, "asked to", error);
}

static gboolean
try_save_programme (Fixture  *f,
                    GError  **error)
{
  g_autoptr(EscaleProgramme) programme = escale_programme_new ();

  programme->code = g_strdup ("FLE");
  programme->name = g_strdup ("Français langue étrangère");
  return escale_store_save_programme (f->store, programme, error);
}

static gboolean
try_vocabulary (Fixture  *f,
                GError  **error)
{
  g_autofree char *code = escale_vocab_add (f->store, ESCALE_VOCAB_THEME, "Sport", error);

  return code != NULL &&
         escale_vocab_set_label (f->store, ESCALE_VOCAB_THEME, code, "Sports", error) &&
         escale_vocab_set_label_for (f->store, ESCALE_VOCAB_THEME, code, "fr", "Sport", error) &&
         escale_vocab_set_hidden (f->store, ESCALE_VOCAB_THEME, code, TRUE, error);
}

static gboolean
try_report_settings (Fixture  *f,
                     GError  **error)
{
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_load (f->store, error);

  if (settings == NULL)
    return FALSE;
  g_free (settings->association);
  settings->association = g_strdup ("Escale Lyon");
  return escale_report_settings_save (f->store, settings, error);
}

static gboolean
try_list_accounts (Fixture  *f,
                   GError  **error)
TRY_PTR_ARRAY (escale_store_list_accounts (f->store, error))

static gboolean
try_manage_accounts (Fixture  *f,
                     GError  **error)
{
  return escale_store_create_account (f->store, "nadia", "Nadia", ESCALE_ROLE_STAFF, PASSWORD,
                                      error) != 0 &&
         escale_store_update_account (f->store, f->accounts[VOLUNTEER], "Vera M.",
                                      ESCALE_ROLE_VOLUNTEER, TRUE, error) &&
         escale_store_reset_password (f->store, f->accounts[TREASURER], "a new password",
                                      error);
}

static gboolean
try_read_audit (Fixture  *f,
                GError  **error)
TRY_PTR_ARRAY (escale_audit_list (f->store, NULL, NULL, NULL, NULL, NULL, 100, error))

static gboolean
try_import (Fixture  *f,
            GError  **error)
{
  g_autofree char *path = g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "tests", "fixtures",
                                            "import-people.csv", NULL);
  g_autoptr(EscaleImportReport) report = escale_import_people (f->store, path, FALSE, error);

  return report != NULL;
}

static gboolean
try_demo (Fixture  *f,
          GError  **error)
{
  return escale_demo_generate (f->store, 3, 7, error);
}

static const struct
{
  EscaleOperation  op;
  const char      *name;
  TryFunc          try;
} tries[] = {
  { ESCALE_OP_READ_PERSON, "load a person", try_load_person },
  { ESCALE_OP_READ_PERSON, "a person's referrals", try_person_referrals },
  { ESCALE_OP_READ_PERSON, "a partner's referrals", try_partner_referrals },
  { ESCALE_OP_READ_PERSON, "a person's enrolments", try_enrolments },
  { ESCALE_OP_READ_PERSON, "a person's consents", try_consents },
  { ESCALE_OP_READ_PERSON, "load a referral", try_load_referral },
  { ESCALE_OP_READ_PERSON, "load a situation", try_load_situation },
  { ESCALE_OP_LIST_PEOPLE, "search people", try_search },
  { ESCALE_OP_READ_SENSITIVE, "load a confidential action", try_read_confidential },
  { ESCALE_OP_READ_ACTIONS, "load an action", try_load_action },
  { ESCALE_OP_READ_ACTIONS, "a timeline's ids", try_timeline_ids },
  { ESCALE_OP_READ_ACTIONS, "agenda: due", try_agenda_due },
  { ESCALE_OP_READ_ACTIONS, "agenda: overdue", try_agenda_overdue },
  { ESCALE_OP_READ_ACTIONS, "agenda: expiring documents", try_agenda_expiring },
  { ESCALE_OP_READ_ACTIONS, "agenda: lost contact", try_agenda_lost },
  { ESCALE_OP_READ_ACTIONS, "agenda: referrals", try_agenda_referrals },
  { ESCALE_OP_REPORT, "report figures", try_figures },
  { ESCALE_OP_REPORT, "build a report", try_report },
  { ESCALE_OP_EXPORT_PERSON, "export a person", try_export },
  { ESCALE_OP_MANAGE_ACCOUNTS, "list accounts", try_list_accounts },
  { ESCALE_OP_READ_AUDIT, "read the audit log", try_read_audit },
  /* Writes last, the deletions at the very end. */
  { ESCALE_OP_WRITE_PERSON, "create a person", try_create_person },
  { ESCALE_OP_WRITE_PERSON, "close and reopen a file", try_close_reopen },
  { ESCALE_OP_WRITE_PERSON, "households", try_household },
  { ESCALE_OP_WRITE_ACTION, "save an action", try_save_action },
  { ESCALE_OP_WRITE_ACTION, "an action's status", try_action_status },
  { ESCALE_OP_WRITE_ACTION, "referrals", try_referral },
  { ESCALE_OP_WRITE_ACTION, "enrolments", try_enrolment },
  { ESCALE_OP_WRITE_ACTION, "situations", try_situation },
  { ESCALE_OP_WRITE_ACTION, "consent", try_consent },
  { ESCALE_OP_WRITE_PARTNER, "save a partner", try_save_partner },
  { ESCALE_OP_SETTINGS, "save a programme", try_save_programme },
  { ESCALE_OP_SETTINGS, "vocabularies", try_vocabulary },
  { ESCALE_OP_SETTINGS, "report settings", try_report_settings },
  { ESCALE_OP_MANAGE_ACCOUNTS, "manage accounts", try_manage_accounts },
  { ESCALE_OP_IMPORT, "import people", try_import },
  { ESCALE_OP_IMPORT, "demo data", try_demo },
  { ESCALE_OP_WRITE_ACTION, "delete an action", try_delete_action },
  { ESCALE_OP_WRITE_PARTNER, "partners' state, places, deletion", try_partner_changes },
  { ESCALE_OP_ERASE, "erase a person", try_erase },
  { ESCALE_OP_WRITE_PERSON, "delete a person", try_delete_person },
};

static gboolean
expected_allowed (guint           role,
                  EscaleOperation op)
{
  for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
    if (matrix[i].op == op)
      return matrix[i].allowed[role];
  g_assert_not_reached ();
}

/* Tests */

static void
test_matrix (void)
{
  for (guint op = 0; op < ESCALE_N_OPS; op++)
    {
      gboolean tried = FALSE;

      g_assert_true (escale_role_allows (ESCALE_ROLE_SYSTEM, op));
      g_assert_false (escale_role_allows (ESCALE_ROLE_NONE, op));
      for (guint role = 0; role < N_ROLES; role++)
        g_assert_cmpint (escale_role_allows (roles[role], op), ==, expected_allowed (role, op));
      for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
        tried |= tries[i].op == op;
      g_assert_true (tried);
    }
}

static void
test_role (Fixture       *f,
           gconstpointer  data)
{
  guint role = GPOINTER_TO_UINT (data);

  login (f, logins[role]);
  g_assert_cmpint (escale_store_get_role (f->store), ==, roles[role]);
  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = fingerprint (f->store);
      g_autofree char *after = NULL;
      gboolean ok;

      g_test_message ("%s: %s", logins[role], tries[i].name);
      ok = tries[i].try (f, &error);
      if (expected_allowed (role, tries[i].op))
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
      g_assert_false (ok);
      after = fingerprint (f->store);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_system_and_logout (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePerson) person = NULL;

  /* Nobody logged in yet: the system, which sees everything. */
  g_assert_cmpint (escale_store_get_role (f->store), ==, ESCALE_ROLE_SYSTEM);
  g_assert_null (escale_store_get_account (f->store));
  g_assert_true (try_read_confidential (f, &error));
  g_assert_no_error (error);

  login (f, "admin");
  g_assert_cmpstr (escale_store_get_account (f->store)->login, ==, "admin");
  g_assert_cmpstr (escale_store_get_user (f->store), ==, "admin");
  escale_store_logout (f->store);
  g_assert_cmpint (escale_store_get_role (f->store), ==, ESCALE_ROLE_NONE);
  g_assert_null (escale_store_get_account (f->store));
  person = escale_store_load_person (f->store, f->amina, &error);
  g_assert_null (person);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (escale_store_require (f->store, ESCALE_OP_REPORT, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
}

static gboolean
timeline_has (EscaleTimeline *timeline,
              gint64          action_id)
{
  return escale_timeline_find_action (timeline, action_id) >= 0;
}

static EscaleTimelineItem *
timeline_item (EscaleTimeline *timeline,
               gint64          action_id)
{
  int position = escale_timeline_find_action (timeline, action_id);

  g_assert_cmpint (position, >=, 0);
  return g_list_model_get_item (G_LIST_MODEL (timeline), (guint) position);
}

static gboolean
agenda_has (GPtrArray *actions,
            gint64     action_id)
{
  for (guint i = 0; i < actions->len; i++)
    if (((EscaleAgendaAction *) g_ptr_array_index (actions, i))->action_id == action_id)
      return TRUE;
  return FALSE;
}

static const char *
agenda_notes (GPtrArray *actions,
              gint64     action_id)
{
  for (guint i = 0; i < actions->len; i++)
    {
      EscaleAgendaAction *action = g_ptr_array_index (actions, i);

      if (action->action_id == action_id)
        return action->notes;
    }
  g_assert_not_reached ();
}

/* What a volunteer sees of the follow-up, and what staff sees. */
static void
check_follow_up (Fixture  *f,
                 gboolean  everything)
{
  g_autoptr(EscaleTimeline) timeline = escale_timeline_new (f->store, f->amina, TODAY);
  g_autoptr(EscaleTimelineItem) health = timeline_item (timeline, f->health);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(EscaleAction) action = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  g_assert_true (timeline_has (timeline, f->visible));
  g_assert_true (timeline_has (timeline, f->own));
  g_assert_cmpint (timeline_has (timeline, f->confidential), ==, everything);
  g_assert_cmpstr (escale_timeline_item_get_notes (health), ==,
                   everything ? "Insulin prescription renewed" : NULL);

  g_assert_true (escale_store_list_person_actions (f->store, f->amina, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, everything ? 6 : 5);

  due = escale_agenda_list_due_page (f->store, TODAY, "2024-12-31", TODAY, NULL, 50, &total,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, everything ? 5 : 4);
  g_assert_true (agenda_has (due, f->own));
  g_assert_cmpint (agenda_has (due, f->confidential), ==, everything);
  g_assert_cmpstr (agenda_notes (due, f->health), ==,
                   everything ? "Insulin prescription renewed" : NULL);
  g_assert_cmpstr (agenda_notes (due, f->visible), ==, "Looking for a flat");

  action = escale_store_load_action (f->store, f->health, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_NOTES), ==,
                   everything ? "Insulin prescription renewed" : NULL);
  g_clear_object (&action);
  action = escale_store_load_action (f->store, f->own, &error);
  g_assert_no_error (error);
  g_assert_true (escale_action_get_confidential (action));
  g_assert_cmpstr (escale_action_get (action, ESCALE_ACTION_FIELD_NOTES), ==,
                   "Vera's confidential note");
}

static void
check_person (Fixture  *f,
              gboolean  everything)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePerson) person = escale_store_load_person (f->store, f->amina, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_FAMILY_NAME), ==, "Haddad");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_PHONE), ==, "0611223344");
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_NOTES), ==,
                   everything ? "Diabetic, insulin twice a day" : NULL);
  g_assert_cmpstr (escale_person_get (person, ESCALE_FIELD_BIRTH_COUNTRY), ==,
                   everything ? "SY" : NULL);
  g_assert_cmpuint (g_strv_length ((GStrv) escale_person_get_nationalities (person)), ==,
                    everything ? 1 : 0);
  g_assert_cmpint (escale_store_may_see_field (f->store, "person", "phone"), ==, TRUE);
  g_assert_cmpint (escale_store_may_see_field (f->store, "person", "notes"), ==, everything);
}

static void
test_volunteer_sees (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  login (f, "staff");
  check_follow_up (f, TRUE);
  check_person (f, TRUE);
  login (f, "vera");
  check_follow_up (f, FALSE);
  check_person (f, FALSE);
}

static void
test_volunteer_cannot_erase_hidden (Fixture       *f,
                                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleAction) health = NULL;
  g_autofree char *notes = NULL;

  login (f, "vera");
  health = escale_store_load_action (f->store, f->health, &error);
  g_assert_no_error (error);
  escale_action_set (health, ESCALE_ACTION_FIELD_STATUS, "done");
  /* Saving would write the blank notes over the real ones. */
  g_assert_false (escale_store_save_action (f->store, health, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  notes = query_text (f->store, "SELECT notes FROM action WHERE notes LIKE 'Insulin%'");
  g_assert_cmpstr (notes, ==, "Insulin prescription renewed");
  /* Others' confidential actions cannot be changed either, their own can. */
  g_assert_false (escale_store_set_action_status (f->store, f->confidential, "done", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (escale_store_delete_action (f->store, f->confidential, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (escale_store_set_action_status (f->store, f->own, "done", &error));
  g_assert_no_error (error);
  g_assert_true (escale_store_set_action_status (f->store, f->health, "done", &error));
  g_assert_no_error (error);
}

/* The functions without a GError give nothing to a role that may not. */
static void
test_treasurer_lists (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscalePersonList) list = NULL;
  g_autoptr(EscaleTimeline) timeline = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(EscalePerson) twin = escale_test_person ("Haddad", "Amina", "1990-04-02");
  EscalePersonSummary *summary;

  login (f, "treasurer");
  list = escale_person_list_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  timeline = escale_timeline_new (f->store, f->amina, TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 0);
  duplicates = escale_store_find_duplicates (f->store, twin, 5);
  g_assert_cmpuint (duplicates->len, ==, 0);
  summaries = escale_store_load_summaries (f->store, &f->amina, 1);
  g_assert_cmpuint (summaries->len, ==, 1);
  summary = g_ptr_array_index (summaries, 0);
  g_assert_null (escale_person_summary_get_family_name (summary));

  /* The same calls for staff, so that the test can fail. */
  login (f, "staff");
  escale_person_list_refresh (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  escale_timeline_refresh (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), >, 6);
  g_clear_pointer (&duplicates, g_ptr_array_unref);
  duplicates = escale_store_find_duplicates (f->store, twin, 5);
  g_assert_cmpuint (duplicates->len, ==, 1);
}

/* Accounts and logins */

static void
expect_login_error (Fixture    *f,
                    const char *login,
                    const char *password,
                    char      **message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_store_login (f->store, login, password, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN);
  if (message != NULL)
    *message = g_strdup (error->message);
}

static void
test_wrong_login_or_password (Fixture       *f,
                              gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *unknown = NULL;
  g_autofree char *wrong = NULL;

  expect_login_error (f, "nobody", PASSWORD, &unknown);
  expect_login_error (f, "staff", "not the password", &wrong);
  g_assert_cmpstr (unknown, ==, wrong);
  g_assert_cmpint (escale_store_get_role (f->store), ==, ESCALE_ROLE_SYSTEM);
  /* Logins ignore case and the spaces around them. */
  login (f, " STAFF ");
  g_assert_cmpint (escale_store_get_role (f->store), ==, ESCALE_ROLE_STAFF);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log "
                                        "WHERE operation = 'login_failed'"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log "
                                        "WHERE operation = 'login' AND login = 'staff'"), ==, 1);
}

static void
set_clock (Fixture    *f,
           const char *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (now);
  escale_store_set_now_for_tests (f->store, now);
}

static void
test_lockout (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  set_clock (f, "2024-03-10T13:00:00Z");
  for (guint i = 0; i < ESCALE_LOCKOUT_ATTEMPTS; i++)
    expect_login_error (f, "vera", "guessing again", NULL);
  /* Locked: even the right password is refused, and the message says until when
   * (15 minutes later, in Paris). */
  expect_login_error (f, "vera", PASSWORD, &message);
  g_assert_nonnull (strstr (message, "14:15"));
  g_assert_cmpint (escale_store_get_role (f->store), ==, ESCALE_ROLE_SYSTEM);
  /* Other accounts are not locked. */
  login (f, "staff");
  set_clock (f, "2024-03-10T13:14:00Z");
  expect_login_error (f, "vera", PASSWORD, NULL);
  set_clock (f, "2024-03-10T13:16:00Z");
  login (f, "vera");
  g_assert_cmpint (escale_store_get_role (f->store), ==, ESCALE_ROLE_VOLUNTEER);
  g_assert_cmpint (query_int (f->store, "SELECT failed_attempts FROM app_user "
                                        "WHERE login = 'vera'"), ==, 0);
  /* Four failures, then a success: the count starts again. */
  for (guint i = 0; i + 1 < ESCALE_LOCKOUT_ATTEMPTS; i++)
    expect_login_error (f, "vera", "guessing again", NULL);
  login (f, "vera");
  expect_login_error (f, "vera", "guessing again", NULL);
  login (f, "vera");
  /* The idle lock counts failures too. */
  for (guint i = 0; i < ESCALE_LOCKOUT_ATTEMPTS; i++)
    {
      g_assert_false (escale_store_verify_password (f->store, "guessing", &error));
      g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN);
      g_clear_error (&error);
    }
  g_assert_false (escale_store_verify_password (f->store, PASSWORD, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN);
}

static void
test_passwords (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  g_assert_cmpint (escale_store_create_account (f->store, "short", NULL, ESCALE_ROLE_STAFF,
                                                "123456789", &error), ==, 0);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (escale_store_create_account (f->store, "Staff", NULL, ESCALE_ROLE_STAFF,
                                                PASSWORD, &error), ==, 0);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM app_user"), ==, N_ROLES);

  hash = query_text (f->store, "SELECT password_hash FROM app_user WHERE login = 'staff'");
  /* At the interactive cost (64 MiB, 2 passes), or the minimum one that
   * ESCALE_TEST_CHEAP_PASSWORDS asks for (8 KiB, 1 pass). */
  g_assert_true (g_str_has_prefix (hash, g_getenv ("ESCALE_TEST_CHEAP_PASSWORDS") != NULL
                                           ? "$argon2id$v=19$m=8,t=1,"
                                           : "$argon2id$v=19$m=65536,t=2,"));
  g_assert_null (strstr (hash, PASSWORD));
  g_assert_cmpint (query_int (f->store, "SELECT count(DISTINCT password_hash) FROM app_user"),
                   ==, N_ROLES);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log "
                                        "WHERE summary LIKE '%horse%'"), ==, 0);

  /* Ten characters, not bytes: "éééééééééé" is long enough. */
  login (f, "vera");
  g_assert_false (escale_store_change_password (f->store, PASSWORD, "ééééééééé", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (escale_store_change_password (f->store, "wrong one", "éééééééééé", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN);
  g_clear_error (&error);
  g_assert_true (escale_store_change_password (f->store, PASSWORD, "éééééééééé", &error));
  g_assert_no_error (error);
  g_assert_true (escale_store_verify_password (f->store, "éééééééééé", &error));
  g_assert_no_error (error);
  escale_store_logout (f->store);
  expect_login_error (f, "vera", PASSWORD, NULL);
}

static void
test_must_change (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePerson) person = NULL;

  login (f, "admin");
  g_assert_false (escale_store_reset_password (f->store, f->accounts[STAFF], "short", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (escale_store_reset_password (f->store, f->accounts[STAFF], "temporary pass",
                                              &error));
  g_assert_no_error (error);

  expect_login_error (f, "staff", PASSWORD, NULL);
  g_assert_true (escale_store_login (f->store, "staff", "temporary pass", &error));
  g_assert_no_error (error);
  g_assert_true (escale_store_get_account (f->store)->must_change_password);
  /* Nothing until the password is changed. */
  person = escale_store_load_person (f->store, f->amina, &error);
  g_assert_null (person);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (escale_store_change_password (f->store, "temporary pass", "temporary pass",
                                                &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (escale_store_change_password (f->store, "temporary pass", "my own password",
                                               &error));
  g_assert_no_error (error);
  g_assert_false (escale_store_get_account (f->store)->must_change_password);
  person = escale_store_load_person (f->store, f->amina, &error);
  g_assert_no_error (error);
  g_assert_nonnull (person);
  g_assert_cmpint (query_int (f->store, "SELECT must_change_password FROM app_user "
                                        "WHERE login = 'staff'"), ==, 0);
}

static void
test_administration (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *message = NULL;
  EscaleAccount *first;

  login (f, "admin");
  accounts = escale_store_list_accounts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, N_ROLES);
  first = g_ptr_array_index (accounts, 0);
  g_assert_cmpstr (first->login, ==, "admin");
  g_assert_cmpint (first->role, ==, ESCALE_ROLE_ADMINISTRATOR);
  g_assert_nonnull (first->last_login);

  /* The last administrator stays one. */
  g_assert_false (escale_store_update_account (f->store, f->accounts[ADMIN], NULL,
                                               ESCALE_ROLE_STAFF, TRUE, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A deactivated account cannot log in, whatever its password. */
  g_assert_true (escale_store_update_account (f->store, f->accounts[TREASURER], "Tom",
                                              ESCALE_ROLE_TREASURER, FALSE, &error));
  g_assert_no_error (error);
  expect_login_error (f, "treasurer", PASSWORD, &message);
  g_assert_nonnull (strstr (message, "deactivated"));
  g_assert_cmpstr (escale_role_to_code (ESCALE_ROLE_TREASURER), ==, "treasurer");
  g_assert_cmpstr (escale_role_label (ESCALE_ROLE_VOLUNTEER), ==, "Volunteer");
}

static void
test_first_account (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_store_has_accounts (store));
  g_assert_cmpint (escale_store_create_account (store, "vera", NULL, ESCALE_ROLE_VOLUNTEER,
                                                PASSWORD, &error), ==, 0);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (escale_store_create_account (store, " ", NULL, ESCALE_ROLE_ADMINISTRATOR,
                                                PASSWORD, &error), ==, 0);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (escale_store_create_account (store, "admin", "Ada", ESCALE_ROLE_ADMINISTRATOR,
                                                PASSWORD, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (escale_store_has_accounts (store));
}

/* A worker thread's connection carries the account and its rights. */
static void
test_worker_access (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscaleStoreAccess) access = NULL;
  g_autoptr(EscaleStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  login (f, logins[TREASURER]);
  access = escale_store_access_new (f->store);
  reader = escale_store_access_open (access, &error);
  g_assert_no_error (error);
  g_assert_cmpint (escale_store_get_role (reader), ==, ESCALE_ROLE_TREASURER);
  g_assert_cmpstr (escale_store_get_user (reader), ==, "treasurer");
  ids = escale_store_search_people (reader, "haddad", NULL, 0, &error);
  g_assert_null (ids);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);

  g_test_add_func ("/roles/matrix", test_matrix);
  for (guint role = 0; role < N_ROLES; role++)
    {
      g_autofree char *path = g_strdup_printf ("/roles/%s", logins[role]);

      g_test_add (path, Fixture, GUINT_TO_POINTER (role), fixture_set_up, test_role,
                  fixture_tear_down);
    }
  g_test_add ("/roles/system-and-logout", Fixture, NULL, fixture_set_up,
              test_system_and_logout, fixture_tear_down);
  g_test_add ("/roles/volunteer-sees", Fixture, NULL, fixture_set_up, test_volunteer_sees,
              fixture_tear_down);
  g_test_add ("/roles/volunteer-cannot-erase-hidden", Fixture, NULL, fixture_set_up,
              test_volunteer_cannot_erase_hidden, fixture_tear_down);
  g_test_add ("/roles/treasurer-lists", Fixture, NULL, fixture_set_up, test_treasurer_lists,
              fixture_tear_down);
  g_test_add ("/accounts/wrong-login-or-password", Fixture, NULL, fixture_set_up,
              test_wrong_login_or_password, fixture_tear_down);
  g_test_add ("/accounts/lockout", Fixture, NULL, fixture_set_up, test_lockout,
              fixture_tear_down);
  g_test_add ("/accounts/passwords", Fixture, NULL, fixture_set_up, test_passwords,
              fixture_tear_down);
  g_test_add ("/accounts/must-change", Fixture, NULL, fixture_set_up, test_must_change,
              fixture_tear_down);
  g_test_add ("/accounts/administration", Fixture, NULL, fixture_set_up, test_administration,
              fixture_tear_down);
  g_test_add ("/roles/worker-access", Fixture, NULL, fixture_set_up, test_worker_access,
              fixture_tear_down);
  g_test_add_func ("/accounts/first", test_first_account);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
