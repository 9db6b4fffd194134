/* test-rights.c — consent records, the JSON export of a person, erasure,
 * anonymisation and the retention list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-account.h"
#include "escale-person-store.h"
#include "escale-report-fixture.h"
#include "escale-rights.h"
#include "escale-store-private.h"
#include "escale-test-util.h"
#include "escale-test-xlsx.h"

#define PASSWORD "correct horse battery"

/* Names found nowhere else, to look for in the bytes of the file. */
#define SECRET_FAMILY "Zwyrtlebrook"
#define SECRET_GIVEN  "Quorvadine"
#define SECRET_OTHER  "Plimsoquette"
#define SECRET_ARABIC "زُمُرُّدة"

/* Helpers */

static gint64
query_int (EscaleStore *store,
           const char  *format,
           ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (EscaleStore *store,
           const char  *format,
           ...)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  stmt = escale_store_prepare (store, sql, NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* json_extract (@json, @path) as text; NULL for a JSON null. */
static char *
json_text (EscaleStore *store,
           const char  *json,
           const char  *path)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, "SELECT json_extract (?, ?)", NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return escale_column_dup (stmt, 0);
}

static gint64
json_int (EscaleStore *store,
          const char  *json,
          const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* A store with an administrator and an account of @role, logged in as it. */
static void
log_in_as (EscaleStore *store,
           EscaleRole   role)
{
  g_autoptr(GError) error = NULL;

  if (!escale_store_has_accounts (store))
    {
      escale_store_create_account (store, "admin", "Admin", ESCALE_ROLE_ADMINISTRATOR, PASSWORD,
                                   &error);
      g_assert_no_error (error);
    }
  if (role != ESCALE_ROLE_ADMINISTRATOR)
    {
      g_assert_true (escale_store_login (store, "admin", PASSWORD, &error));
      escale_store_create_account (store, escale_role_to_code (role), "Someone", role, PASSWORD,
                                   &error);
      g_assert_no_error (error);
    }
  g_assert_true (escale_store_login (store, role == ESCALE_ROLE_ADMINISTRATOR ? "admin"
                                     : escale_role_to_code (role), PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_store_get_role (store), ==, role);
}

static gint64
add_action (EscaleStore *store,
            const char  *scope_column,
            gint64       owner,
            const char  *date,
            const char  *notes)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO action (scope, %s, date, type, status, "
                                          "notes, next_step) VALUES (?, ?, ?, 'interview', "
                                          "'done', ?, 'Call back') RETURNING id",
                                          scope_column ? scope_column : "worker");

  stmt = escale_store_prepare (store, sql, NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, scope_column == NULL ? "group" :
                     g_str_equal (scope_column, "person_id") ? "person" : "household",
                     -1, SQLITE_STATIC);
  if (scope_column)
    sqlite3_bind_int64 (stmt, 2, owner);
  else
    sqlite3_bind_text (stmt, 2, "Léa", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, notes, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
household_of (EscaleStore *store,
              gint64       person)
{
  return query_int (store, "SELECT coalesce (max (household_id), 0) FROM household_member "
                           "WHERE person_id = %" G_GINT64_FORMAT, person);
}

/* Consent records */

static void
test_consent_round_trip (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Leila", "1990-04-02");
  g_autoptr(EscaleConsent) first = escale_consent_new (person, "2025-01-10");
  g_autoptr(EscaleConsent) second = escale_consent_new (person, "2025-06-01");
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(GError) error = NULL;
  EscaleConsent *read;

  first->follow_up = TRUE;
  first->informed_how = g_strdup ("orally with an interpreter");
  first->language = g_strdup ("ara");
  escale_store_save_consent (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->id, >, 0);
  second->follow_up = TRUE;
  second->sharing = TRUE;
  second->phone_contact = TRUE;
  g_assert_true (escale_store_save_consent (store, second, &error));
  g_assert_no_error (error);

  /* Withdrawn later: an update of the same record. */
  g_free (first->withdrawn_on);
  first->withdrawn_on = g_strdup ("2025-03-01");
  g_assert_true (escale_store_save_consent (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM consent_record"), ==, 2);

  consents = escale_store_list_consents (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (consents->len, ==, 2);
  read = g_ptr_array_index (consents, 0);
  g_assert_cmpint (read->id, ==, second->id);
  g_assert_true (read->sharing && read->phone_contact && read->follow_up);
  g_assert_null (read->language);
  read = g_ptr_array_index (consents, 1);
  g_assert_cmpint (read->id, ==, first->id);
  g_assert_cmpint (read->person_id, ==, person);
  g_assert_cmpstr (read->given_on, ==, "2025-01-10");
  g_assert_true (read->follow_up);
  g_assert_false (read->sharing || read->phone_contact);
  g_assert_cmpstr (read->informed_how, ==, "orally with an interpreter");
  /* Kept as the canonical code. */
  g_assert_cmpstr (read->language, ==, "ar");
  g_assert_cmpstr (read->withdrawn_on, ==, "2025-03-01");
}

static void
assert_refused (EscaleStore        *store,
                EscaleConsent      *consent,
                EscaleConsentField  field,
                const char         *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;

  g_assert_cmpint (escale_consent_check (consent, &check_error), ==, field);
  g_assert_false (escale_store_save_consent (store, consent, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (check_error->message, ==, message);
  g_assert_cmpint (consent->id, ==, 0);
}

static void
test_consent_refusals (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Leila", "1990-04-02");
  g_autoptr(EscaleConsent) consent = escale_consent_new (person, NULL);
  g_autoptr(EscaleConsent) missing = escale_consent_new (person + 100, "2025-01-01");
  g_autoptr(GError) error = NULL;

  consent->follow_up = TRUE;
  assert_refused (store, consent, ESCALE_CONSENT_FIELD_GIVEN_ON, "Say when the consent was given");
  consent->given_on = g_strdup ("2025-02-30");
  assert_refused (store, consent, ESCALE_CONSENT_FIELD_GIVEN_ON, "This date does not exist");
  g_free (consent->given_on);
  consent->given_on = g_strdup ("2999-01-01");
  assert_refused (store, consent, ESCALE_CONSENT_FIELD_GIVEN_ON, "This date is in the future");
  g_free (consent->given_on);
  consent->given_on = g_strdup ("2025-02-03");

  consent->follow_up = FALSE;
  assert_refused (store, consent, ESCALE_CONSENT_FIELD_SCOPE,
                  "Tick at least one thing the person consents to");
  consent->phone_contact = TRUE;
  consent->language = g_strdup ("klingon");
  assert_refused (store, consent, ESCALE_CONSENT_FIELD_LANGUAGE,
                  "“klingon” is not an ISO 639 language code");
  g_free (consent->language);
  consent->language = g_strdup ("fa");
  consent->withdrawn_on = g_strdup ("2025-02-02");
  assert_refused (store, consent, ESCALE_CONSENT_FIELD_WITHDRAWN_ON,
                  "The consent cannot be withdrawn before it was given");
  g_free (consent->withdrawn_on);
  consent->withdrawn_on = g_strdup ("2025-13-01");
  assert_refused (store, consent, ESCALE_CONSENT_FIELD_WITHDRAWN_ON, "This date does not exist");
  g_clear_pointer (&consent->withdrawn_on, g_free);
  g_assert_cmpint (escale_consent_check (consent, NULL), ==, ESCALE_CONSENT_FIELD_NONE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM consent_record"), ==, 0);

  /* A person who does not exist, a record that no longer does. */
  missing->sharing = TRUE;
  g_assert_false (escale_store_save_consent (store, missing, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  consent->id = 4242;
  g_assert_false (escale_store_save_consent (store, consent, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (consent->id, ==, 4242);
  g_clear_error (&error);
  consent->id = 0;

  /* Volunteers record consent; treasurers may not. */
  log_in_as (store, ESCALE_ROLE_VOLUNTEER);
  g_assert_true (escale_store_save_consent (store, consent, &error));
  g_assert_no_error (error);
  consent->id = 0;
  log_in_as (store, ESCALE_ROLE_TREASURER);
  g_assert_false (escale_store_save_consent (store, consent, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (escale_store_list_consents (store, person, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM consent_record"), ==, 1);
}

/* The JSON export */

#define NOTE "She said: \"not before Monday\".\nSecond line\twith a tab, and a \\ backslash."

static void
test_export_json (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = escale_test_person ("Haddad", SECRET_ARABIC, "1990-04-02");
  g_autoptr(EscaleConsent) consent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  gint64 id, partner, group, programme, enrolment, action;

  escale_person_set (person, ESCALE_FIELD_PHONE, "+33 6 12 34 56 78");
  escale_person_set_nationalities (person, (const char *[]) { "SY", "LB", NULL });
  escale_person_set_other_names (person, (const char *[]) { "Um Karim", NULL });
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  id = escale_person_get_id (person);
  partner = escale_test_add_person (store, "Haddad", "Karim", "1988-01-01");
  g_assert_true (escale_store_household_add (store, partner, id, "spouse", &error));
  g_assert_no_error (error);

  action = add_action (store, "person_id", id, "2025-03-04", NOTE);
  add_action (store, "household_id", household_of (store, id), "2025-02-01", "Rent");
  group = add_action (store, NULL, 0, "2025-04-01", "Workshop");
  escale_test_exec_printf (store, "INSERT INTO action_participant (action_id, person_id, attended) "
                           "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1)", group, id);
  add_action (store, "person_id", partner, "2025-05-01", "Not hers");
  escale_test_exec_printf (store, "INSERT INTO action_theme VALUES (%" G_GINT64_FORMAT
                           ", 'housing'), (%" G_GINT64_FORMAT ", 'health')", action, action);
  programme = escale_test_add_programme (store, "A", "Accueil");
  escale_test_exec_printf (store, "INSERT INTO enrolment (person_id, programme_id, entry_date) "
                           "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2025-01-01')",
                           id, programme);
  enrolment = query_int (store, "SELECT max (id) FROM enrolment");
  escale_test_exec_printf (store, "INSERT INTO enrolment_situation (enrolment_id, moment, housing) "
                           "VALUES (%" G_GINT64_FORMAT ", 'entry', 'hosted')", enrolment);
  escale_test_exec_printf (store, "INSERT INTO partner (id, name) VALUES (1, 'Foyer Soleil');"
                           "INSERT INTO referral (action_id, partner_id, state, sent_on) VALUES "
                           "(%" G_GINT64_FORMAT ", 1, 'accepted', '2025-03-04')", action);
  consent = escale_consent_new (id, "2025-01-02");
  consent->follow_up = TRUE;
  consent->language = g_strdup ("ar");
  g_assert_true (escale_store_save_consent (store, consent, &error));
  g_assert_no_error (error);

  json = escale_store_export_person_json (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json);
  g_test_message ("%s", json);
  g_assert_cmpint (json_int (store, json, "SELECT json_valid (?)"), ==, 1);
  /* Pretty-printed, and the text as it is. */
  g_assert_true (g_str_has_prefix (json, "{\n  \"format\": \"escale-person\",\n"));
  g_assert_nonnull (strstr (json, "\n    \"given_names\": \"" SECRET_ARABIC "\","));
  g_assert_nonnull (strstr (json, "\n      \"follow_up\": true,\n"));

#define ASSERT_JSON(path, expected) \
  G_STMT_START { \
    g_free (text); \
    text = json_text (store, json, path); \
    g_assert_cmpstr (text, ==, expected); \
  } G_STMT_END

  ASSERT_JSON ("$.person.given_names", SECRET_ARABIC);
  ASSERT_JSON ("$.person.family_name", "Haddad");
  ASSERT_JSON ("$.person.phone", "+33 6 12 34 56 78");
  ASSERT_JSON ("$.other_names[0]", "Um Karim");
  ASSERT_JSON ("$.nationalities[1]", "LB");
  ASSERT_JSON ("$.household.role", "spouse");
  ASSERT_JSON ("$.household.members[0].given_names", "Karim");
  ASSERT_JSON ("$.consent_records[0].language", "ar");
  ASSERT_JSON ("$.consent_records[0].follow_up", "1");
  ASSERT_JSON ("$.consent_records[0].sharing", "0");
  /* Oldest first: the household's, theirs, the workshop; not the partner's own. */
  g_assert_cmpint (json_int (store, json, "SELECT json_array_length (?, '$.timeline')"), ==, 3);
  ASSERT_JSON ("$.timeline[0].scope", "household");
  ASSERT_JSON ("$.timeline[1].notes", NOTE);
  ASSERT_JSON ("$.timeline[1].themes", "[\"health\",\"housing\"]");
  ASSERT_JSON ("$.timeline[1].next_step", "Call back");
  ASSERT_JSON ("$.timeline[2].attended", "1");
  ASSERT_JSON ("$.timeline[2].notes", "Workshop");
  ASSERT_JSON ("$.enrolments[0].programme", "A");
  ASSERT_JSON ("$.enrolments[0].situations[0].housing", "hosted");
  ASSERT_JSON ("$.referrals[0].partner", "Foyer Soleil");
  ASSERT_JSON ("$.referrals[0].state", "accepted");
  ASSERT_JSON ("$.audit_log[0].operation", "create");
#undef ASSERT_JSON

  /* The export itself is in the audit log. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE operation = 'export' "
                                     "AND entity = 'person' AND entity_id = %" G_GINT64_FORMAT,
                              id), ==, 1);

  g_clear_pointer (&json, g_free);
  g_assert_null (escale_store_export_person_json (store, id + 100, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  log_in_as (store, ESCALE_ROLE_VOLUNTEER);
  g_assert_null (escale_store_export_person_json (store, id, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
}

/* Erasure */

static gboolean
contains (const char *bytes,
          gsize       length,
          const char *needle)
{
  return memmem (bytes, length, needle, strlen (needle)) != NULL;
}

/* Whether the database file or its WAL holds one of the secret names, as
 * typed or folded by the search indexes. */
static gboolean
file_holds_secret (EscaleStore *store)
{
  static const char *const needles[] = {
    SECRET_FAMILY, SECRET_GIVEN, SECRET_OTHER, SECRET_ARABIC,
    "zwyrtlebrook", "quorvadine", "plimsoquette", "0755512345",
    /* the full-text indexes share the first letters of neighbouring words */
    "wyrtlebrook", "uorvadine", "limsoquette",
    /* the start of a trigram: only the trigram index holds it */
    "zwy",
  };
  const char *suffixes[] = { "", "-wal" };
  gboolean found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (escale_store_get_path (store), suffixes[i], NULL);
      g_autofree char *bytes = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &bytes, &length, NULL))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (needles); j++)
        if (contains (bytes, length, needles[j]))
          {
            g_test_message ("%s holds “%s”", path, needles[j]);
            found = TRUE;
          }
    }
  return found;
}

static gint64
add_secret_person (EscaleStore *store)
{
  g_autoptr(EscalePerson) person = escale_test_person (SECRET_FAMILY, SECRET_GIVEN, "1985-07-14");
  g_autoptr(GError) error = NULL;

  escale_person_set_other_names (person, (const char *[]) { SECRET_OTHER, SECRET_ARABIC, NULL });
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  /* Edited a few times: each write leaves the old row's bytes behind. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *notes = g_strdup_printf ("Visit %u", i);

      escale_person_set (person, ESCALE_FIELD_PHONE, i % 2 ? "07 55 51 23 45" : "0755512345");
      escale_person_set (person, ESCALE_FIELD_NOTES, notes);
      g_assert_true (escale_store_save_person (store, person, &error));
      g_assert_no_error (error);
    }
  return escale_person_get_id (person);
}

static void
test_erase (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  gint64 secret, partner, household, household_action, own_action, group;

  /* Enough people for the tables and indexes to span many pages. */
  /* Many people after them, in no order: index pages split around their
   * entries and may keep stale copies of them in their free space. With
   * this seed, SQLite 3.40 does: only VACUUM wipes them. */
  secret = add_secret_person (store);
  rand = g_rand_new_with_seed (16);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *family = g_strdup_printf ("%c%cMartin%u",
                                                 'a' + g_rand_int_range (rand, 0, 26),
                                                 'a' + g_rand_int_range (rand, 0, 26), i);

      escale_test_add_person (store, family, "Jean", NULL);
    }
  partner = escale_test_add_person (store, "Haddad", "Karim", "1988-01-01");
  g_assert_true (escale_store_household_add (store, partner, secret, "spouse", &error));
  g_assert_no_error (error);
  household = household_of (store, secret);
  household_action = add_action (store, "household_id", household, "2025-02-01", "Rent arrears");
  own_action = add_action (store, "person_id", secret, "2025-03-04", "Asylum interview prepared");
  group = add_action (store, NULL, 0, "2025-04-01", "Workshop");
  escale_test_exec_printf (store, "INSERT INTO action_participant (action_id, person_id) VALUES "
                           "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "), "
                           "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                           group, secret, group, partner);
  escale_test_exec_printf (store, "PRAGMA wal_checkpoint(PASSIVE)");
  /* The test can fail: the names are there before. */
  g_assert_true (file_holds_secret (store));

  /* Refused: no reason, a staff member, nobody. */
  g_assert_false (escale_store_erase_person (store, secret, "  ", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (escale_store_erase_person (store, 9999, "Asked", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  log_in_as (store, ESCALE_ROLE_STAFF);
  g_assert_false (escale_store_erase_person (store, secret, "Asked", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person WHERE id = %" G_GINT64_FORMAT,
                              secret), ==, 1);

  log_in_as (store, ESCALE_ROLE_ADMINISTRATOR);
  g_assert_true (escale_store_erase_person (store, secret, "Asked by the person", &error));
  g_assert_no_error (error);

  g_assert_false (file_holds_secret (store));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person WHERE id = %" G_GINT64_FORMAT,
                              secret), ==, 0);
  /* Their own action went; the household's stays, with the partner. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action WHERE id = %" G_GINT64_FORMAT,
                              own_action), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT household_id FROM action WHERE id = %" G_GINT64_FORMAT,
                              household_action), ==, household);
  g_assert_cmpint (household_of (store, partner), ==, household);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM household_member "
                                     "WHERE household_id = %" G_GINT64_FORMAT, household), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action_participant "
                                     "WHERE action_id = %" G_GINT64_FORMAT, group), ==, 1);
  /* One entry, without the person: no id, the reason. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE operation = 'erase' "
                                     "AND entity = 'person' AND entity_id IS NULL "
                                     "AND summary = 'Asked by the person' AND login = 'admin'"),
                   ==, 1);
  /* Not even the deletions of their rows. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE operation = 'delete' "
                                     "AND entity = 'person' AND entity_id = %" G_GINT64_FORMAT,
                              secret), ==, 0);
  g_assert_true (escale_store_check (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A person alone in their household takes it and its actions along. */
static void
test_erase_last_member (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 a = escale_test_add_person (store, "Benali", "Farid", NULL);
  gint64 b = escale_test_add_person (store, "Benali", "Nora", NULL);
  gint64 c = escale_test_add_person (store, "Kovalenko", "Olena", NULL);
  gint64 ids[] = { a, c };
  gint64 household;

  g_assert_true (escale_store_household_add (store, a, b, "child", &error));
  household = household_of (store, a);
  add_action (store, "household_id", household, "2025-02-01", "Rent arrears");
  g_assert_true (escale_store_erase_person (store, b, "Moved away", &error));
  g_assert_no_error (error);
  g_assert_cmpint (household_of (store, a), ==, household);

  /* In one go: all or nothing. */
  ids[1] = 9999;
  g_assert_false (escale_store_erase_people (store, ids, 2, "Retention", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person"), ==, 2);
  ids[1] = c;
  g_assert_true (escale_store_erase_people (store, ids, 2, "Retention", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM household"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE operation = 'erase' "
                                     "AND entity_id IS NULL"), ==, 3);
}

/* Anonymisation */

static void
compute (EscaleStore          *store,
         const char           *programme,
         EscaleReportFigures  *figures)
{
  g_autoptr(EscaleReportParams) params = escale_report_params_new (ESCALE_REPORT_ACTIVITY,
                                                                   FIXTURE_FROM, FIXTURE_TO);
  g_autoptr(GError) error = NULL;

  params->programme_code = g_strdup (programme);
  /* Compared with memcmp: the padding too. */
  memset (figures, 0, sizeof *figures);
  g_assert_true (escale_report_compute_figures (store, params, figures, &error));
  g_assert_no_error (error);
}

/* Every cell of every table of the report, one line each. */
static char *
report_cells (EscaleStore          *store,
              EscaleReportTemplate  template,
              const char           *programme)
{
  g_autoptr(EscaleReport) report = escale_report_fixture_build (store, template, programme, "en",
                                                                FALSE);
  GString *text = g_string_new (NULL);

  for (guint s = 0; s < report->sheets->len; s++)
    {
      EscaleReportSheet *sheet = g_ptr_array_index (report->sheets, s);

      for (guint t = 0; t < sheet->tables->len; t++)
        {
          EscaleReportTable *table = g_ptr_array_index (sheet->tables, t);

          for (guint r = 0; r < table->rows->len; r++)
            {
              EscaleReportCell *row = g_ptr_array_index (table->rows, r);

              for (guint c = 0; c < table->n_columns; c++)
                g_string_append_printf (text, "%s %u %u %u %g %s\n", sheet->name, t, r, c,
                                        row[c].number, row[c].text ? row[c].text : "");
            }
        }
    }
  return g_string_free (text, FALSE);
}

static void
test_anonymise_reports (void)
{
  static const char *const programmes[] = { NULL, "A", "B" };
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *cells = NULL, *cells_after = NULL;
  EscaleReportFigures before[G_N_ELEMENTS (programmes)], figures;

  escale_report_fixture_fill (store);
  escale_test_exec_printf (store, "UPDATE person SET phone = '0611223344', notes = 'Secret', "
                           "address = '3 rue Haute', city = 'Lyon', referent = 'Marc'; "
                           "UPDATE action SET notes = 'Seen', next_step = 'Call'; "
                           "UPDATE status_period SET document = 'AB123456'; "
                           "INSERT INTO person_name (person_id, name) VALUES (1, 'Amina H.');");
  for (guint i = 0; i < G_N_ELEMENTS (programmes); i++)
    compute (store, programmes[i], &before[i]);
  cells = report_cells (store, ESCALE_REPORT_ACTIVITY, NULL);

  for (gint64 id = AMINA; id <= GULNAZ; id++)
    {
      g_assert_true (escale_store_anonymise_person (store, id, "Retention: 24 months", &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (programmes); i++)
    {
      compute (store, programmes[i], &figures);
      g_assert_cmpmem (&figures, sizeof figures, &before[i], sizeof before[i]);
    }
  /* And every table of the activity report, breakdowns included. */
  cells_after = report_cells (store, ESCALE_REPORT_ACTIVITY, NULL);
  g_assert_cmpstr (cells_after, ==, cells);

  /* What identifies them is gone. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person WHERE family_name IN "
                                     "('Haddad', 'Rahimi', 'Martin', 'Tesfaye', 'Kovalenko', "
                                     "'Benali', 'Nazari') OR phone IS NOT NULL "
                                     "OR notes IS NOT NULL OR address IS NOT NULL "
                                     "OR city IS NOT NULL OR referent IS NOT NULL "
                                     "OR anonymised_on IS NULL"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person_name"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM action WHERE notes IS NOT NULL "
                                     "OR next_step IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM status_period "
                                     "WHERE document IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person_search "
                                     "WHERE person_search MATCH 'haddad'"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person_skeleton s JOIN person p "
                                     "ON p.id = s.person_id WHERE p.id = %d", AMINA), >, 0);
  /* What reports need stays. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person WHERE id = %d "
                                     "AND birth_date = '2010-01-01' "
                                     "AND birth_precision = 'year' AND sex = 'F'", AMINA), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person WHERE id = %d "
                                     "AND birth_date = '1950-01-01'", GULNAZ), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person_nationality"), ==, 7);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE operation = "
                                     "'anonymise' AND entity = 'person' AND entity_id = %d "
                                     "AND summary = 'Retention: 24 months'", BILAL), ==, 1);
  g_assert_true (escale_store_check (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Retention */

static gint64
add_silent_person (EscaleStore *store,
                   const char  *name,
                   const char  *last_contact)
{
  gint64 id = escale_test_add_old_person (store, name, NULL);

  if (last_contact != NULL)
    add_action (store, "person_id", id, last_contact, NULL);
  return id;
}

static void
assert_retention (EscaleStore  *store,
                  guint         months,
                  const char   *today,
                  guint         limit,
                  guint         expected_total,
                  const gint64 *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  guint total = 0;

  ids = escale_store_list_retention (store, months, today, limit, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, expected_total);
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64), expected,
                   MIN (limit, expected_total) * sizeof (gint64));
}

static void
test_retention (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 just_older = add_silent_person (store, "Just-older", "2024-06-14");
  gint64 never = add_silent_person (store, "Never-seen", NULL);
  gint64 on_the_day G_GNUC_UNUSED = add_silent_person (store, "On-the-day", "2024-06-15");
  gint64 recent G_GNUC_UNUSED = add_silent_person (store, "Recent", "2026-01-01");
  gint64 anonymised = add_silent_person (store, "Anonymised", "2021-01-01");
  gint64 closed = add_silent_person (store, "Closed", "2023-02-01");
  gint64 fresh G_GNUC_UNUSED = escale_test_add_person (store, "Created-today", NULL, NULL);

  g_assert_true (escale_store_close_person (store, closed, "2023-03-01", "Moved", &error));
  g_assert_true (escale_store_anonymise_person (store, anonymised, "Retention", &error));
  g_assert_no_error (error);

  /* 24 months before 2026-06-15 is 2024-06-15: older than that only. */
  assert_retention (store, 24, "2026-06-15", 10, 3, (gint64[]) { never, closed, just_older });
  assert_retention (store, 24, "2026-06-15", 2, 3, (gint64[]) { never, closed });
  assert_retention (store, 24, "2026-06-16", 10, 4,
                    (gint64[]) { never, closed, just_older, on_the_day });
  assert_retention (store, 5, "2026-06-15", 10, 5,
                    (gint64[]) { never, closed, just_older, on_the_day, recent });
  assert_retention (store, 48, "2026-06-15", 10, 1, (gint64[]) { never });

  ids = escale_store_list_retention (store, 24, "2026-02-30", 10, NULL, &error);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_null (ids);
  g_clear_error (&error);

  /* The setting. */
  g_assert_cmpuint (escale_store_get_retention_months (store), ==, 24);
  g_assert_true (escale_store_set_retention_months (store, 36, &error));
  g_assert_cmpuint (escale_store_get_retention_months (store), ==, 36);
  g_assert_false (escale_store_set_retention_months (store, 0, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (escale_store_get_retention_months (store), ==, 36);

  log_in_as (store, ESCALE_ROLE_STAFF);
  g_assert_null (escale_store_list_retention (store, 24, "2026-06-15", 10, NULL, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (escale_store_anonymise_person (store, never, "Retention", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
}

/* The same data as a workbook a person can read: a sheet per section. */
static void
test_export_xlsx (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) person = escale_test_person ("Haddad", SECRET_ARABIC, "1990-04-02");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = escale_test_tmp_path ("person.xlsx");
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  gboolean found_note = FALSE, found_name = FALSE;
  gint64 id;

  if (!escale_test_have_ssconvert ())
    return;
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  id = escale_person_get_id (person);
  add_action (store, "person_id", id, "2025-03-04", NOTE);
  g_assert_true (escale_store_export_person_xlsx (store, id, path, &error));
  g_assert_no_error (error);
  sheets = escale_test_xlsx_read_sheets (path, "raw", NULL);
  for (guint i = 0; i < sheets->len; i++)
    {
      const char *csv = g_ptr_array_index (sheets, i);

      found_name |= strstr (csv, SECRET_ARABIC) != NULL;
      found_note |= strstr (csv, "2025-03-04") != NULL;
    }
  g_assert_true (found_name);
  g_assert_true (found_note);
  xml = escale_test_xlsx_read_xml (path);
  g_assert_nonnull (strstr (xml, "<gnm:Name>person</gnm:Name>"));
  g_assert_nonnull (strstr (xml, "<gnm:Name>timeline</gnm:Name>"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  escale_test_xlsx_init ();
  escale_test_init (&argc, &argv);
  g_test_add_func ("/rights/consent/round-trip", test_consent_round_trip);
  g_test_add_func ("/rights/consent/refusals", test_consent_refusals);
  g_test_add_func ("/rights/export/json", test_export_json);
  g_test_add_func ("/rights/export/xlsx", test_export_xlsx);
  g_test_add_func ("/rights/erase/no-trace", test_erase);
  g_test_add_func ("/rights/erase/last-member", test_erase_last_member);
  g_test_add_func ("/rights/anonymise/reports", test_anonymise_reports);
  g_test_add_func ("/rights/retention", test_retention);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
