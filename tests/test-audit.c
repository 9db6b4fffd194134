/* test-audit.c — the audit log: an entry for every write, login and
 * export, without the values; the hash chain catching an entry changed,
 * deleted or cut off by someone writing to the file with another tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "escale-account.h"
#include "escale-audit.h"
#include "escale-import.h"
#include "escale-person-store.h"
#include "escale-report-fixture.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

#define PASSWORD "correct horse battery"

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

static gint64
count_entries (EscaleStore *store,
               const char  *operation,
               const char  *entity)
{
  char *sql = sqlite3_mprintf ("SELECT count(*) FROM audit_log WHERE operation = %Q "
                               "AND entity IS %Q", operation, entity);
  gint64 n = query_int (store, sql);

  sqlite3_free (sql);
  return n;
}

/* Every field of every entry, one line each. */
static char *
dump_log (EscaleStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, "SELECT * FROM audit_log", NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s|", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* Runs @sql on the store's file with a plain SQLite connection: without
 * the store's triggers, as someone tampering with the file would. */
static void
raw_exec (EscaleStore *store,
          const char  *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (escale_store_get_path (store), &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
assert_tampered (EscaleStore *store,
                 const char  *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_audit_verify (store, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_verifies (EscaleStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_audit_verify (store, &error));
  g_assert_no_error (error);
}

/* A log of a few entries: a person created, changed and deleted. */
static EscaleStore *
store_with_log (void)
{
  EscaleStore *store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = escale_test_add_person (store, "Haddad", "Leila", "1990-04-02");
  g_autoptr(EscalePerson) person = escale_store_load_person (store, id, &error);

  g_assert_no_error (error);
  escale_person_set (person, ESCALE_FIELD_PHONE, "0611223344");
  g_assert_true (escale_store_save_person (store, person, &error));
  escale_test_add_person (store, "Okafor", "Chidi", NULL);
  g_assert_true (escale_store_delete_person (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), >=, 4);
  return store;
}

static void
add_account (EscaleStore *store,
             const char  *login,
             EscaleRole   role)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (escale_store_create_account (store, login, NULL, role, PASSWORD, &error), >,
                   0);
  g_assert_no_error (error);
}

static void
log_in (EscaleStore *store,
        const char  *login)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_login (store, login, PASSWORD, &error));
  g_assert_no_error (error);
}

/* Entries of writes */

static void
test_writes_recorded (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePerson) person = NULL;
  const char *nationalities[] = { "SY", NULL };
  gint64 id = escale_test_add_person (store, "Haddad", "Leila", "1990-04-02");
  g_autofree char *summary = NULL;
  g_autofree char *entity_id = NULL;
  g_autofree char *log = NULL;
  gint64 n_deleted;

  g_assert_cmpint (count_entries (store, "create", "person"), ==, 1);
  entity_id = query_text (store, "SELECT entity_id FROM audit_log WHERE entity = 'person'");
  g_assert_cmpint (g_ascii_strtoll (entity_id, NULL, 10), ==, id);

  person = escale_store_load_person (store, id, &error);
  g_assert_no_error (error);
  escale_person_set (person, ESCALE_FIELD_PHONE, "0611223344");
  escale_person_set (person, ESCALE_FIELD_GIVEN_NAMES, "Leïla");
  escale_person_set_nationalities (person, nationalities);
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  /* The names of the fields changed, not the search keys kept with them. */
  summary = query_text (store, "SELECT summary FROM audit_log "
                               "WHERE operation = 'update' AND entity = 'person'");
  g_assert_cmpstr (summary, ==, "given_names,phone");
  g_assert_cmpint (count_entries (store, "create", "person_nationality"), ==, 1);

  /* Saving without a change records nothing. */
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_cmpint (count_entries (store, "update", "person"), ==, 1);

  /* A deletion records those of the rows deleted with it. */
  n_deleted = count_entries (store, "delete", "person_nationality");
  g_assert_true (escale_store_delete_person (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_entries (store, "delete", "person"), ==, 1);
  g_assert_cmpint (count_entries (store, "delete", "person_nationality"), ==, n_deleted + 1);

  /* No value ever reaches the log. */
  log = dump_log (store);
  g_assert_null (strstr (log, "Haddad"));
  g_assert_null (strstr (log, "Le"));
  g_assert_null (strstr (log, "0611"));
  g_assert_null (strstr (log, "1990"));
  g_assert_null (strstr (log, "|SY|"));
  assert_verifies (store);
}

static void
test_settings_recorded (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_assert_true (escale_store_set_setting (store, "association.name", "Secret name", &error));
  g_assert_true (escale_store_set_setting (store, "association.name", "Other name", &error));
  g_assert_no_error (error);
  summary = query_text (store, "SELECT group_concat (operation || ' ' || summary, ';') "
                               "FROM audit_log WHERE entity = 'setting'");
  /* A setting is named by its key; the log's own keys are not entries. */
  g_assert_cmpstr (summary, ==, "update association.name;update association.name");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log "
                                     "WHERE summary LIKE 'audit.%'"), ==, 0);
}

static void
test_accounts_recorded (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *log = NULL;
  g_autofree char *login = NULL;

  add_account (store, "admin", ESCALE_ROLE_ADMINISTRATOR);
  g_assert_cmpint (count_entries (store, "create", "app_user"), ==, 1);

  g_assert_false (escale_store_login (store, "admin", "wrong password", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN);
  g_clear_error (&error);
  g_assert_false (escale_store_login (store, "nobody", PASSWORD, &error));
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log "
                                     "WHERE operation = 'login_failed'"), ==, 2);

  log_in (store, "admin");
  login = query_text (store, "SELECT login FROM audit_log WHERE operation = 'login'");
  g_assert_cmpstr (login, ==, "admin");
  escale_test_add_person (store, "Haddad", "Leila", NULL);
  g_clear_pointer (&login, g_free);
  login = query_text (store, "SELECT login FROM audit_log WHERE entity = 'person'");
  g_assert_cmpstr (login, ==, "admin");
  g_assert_true (escale_store_note_file_opened (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_entries (store, "open", "person"), ==, 1);

  /* Neither the password nor its hash. */
  hash = query_text (store, "SELECT password_hash FROM app_user");
  log = dump_log (store);
  g_assert_null (strstr (log, hash));
  g_assert_null (strstr (log, PASSWORD));
  g_assert_null (strstr (log, "wrong password"));
  g_assert_null (strstr (log, "nobody"));
  assert_verifies (store);
}

static void
test_append_only (void)
{
  g_autoptr(EscaleStore) store = store_with_log ();
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_store_exec (store, "UPDATE audit_log SET summary = 'x'", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL);
  g_clear_error (&error);
  g_assert_false (escale_store_exec (store, "DELETE FROM audit_log", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL);
  assert_verifies (store);
}

/* Bulk writes */

static void
test_record_paused (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;

  escale_audit_set_paused (store, TRUE);
  escale_audit_set_paused (store, TRUE);
  escale_test_add_person (store, "Haddad", "Leila", NULL);
  escale_audit_set_paused (store, FALSE);
  escale_test_add_person (store, "Haddad", "Omar", NULL);
  g_assert_true (escale_audit_record (store, "import", "person", 0, "2 people", &error));
  g_assert_no_error (error);
  escale_audit_set_paused (store, FALSE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, 1);
  escale_test_add_person (store, "Haddad", "Sami", NULL);
  g_assert_cmpint (count_entries (store, "create", "person"), ==, 1);
  assert_verifies (store);
}

static void
test_import_summary (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = escale_test_tmp_path ("people.csv");
  g_autofree char *summary = NULL;

  g_assert_true (g_file_set_contents (path, "family_name,given_names\n"
                                      "Haddad,Leila\nOkafor,Chidi\nPetrenko,Olena\n", -1, NULL));
  report = escale_import_people (store, path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, 0);
  g_clear_pointer (&report, escale_import_report_free);

  report = escale_import_people (store, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, 3);
  g_assert_cmpint (count_entries (store, "create", "person"), ==, 0);
  summary = query_text (store, "SELECT summary FROM audit_log "
                               "WHERE operation = 'import' AND entity = 'person'");
  g_assert_cmpstr (summary, ==, "3 created, 0 updated");
  /* After it, writes are recorded again. */
  escale_test_add_person (store, "Haddad", "Omar", NULL);
  g_assert_cmpint (count_entries (store, "create", "person"), ==, 1);
  assert_verifies (store);
}

static void
test_report_recorded (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleReportParams) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = escale_test_tmp_path ("report.xlsx");
  g_autofree char *summary = NULL;

  escale_report_fixture_fill (store);
  params = escale_report_params_new (ESCALE_REPORT_ACTIVITY, FIXTURE_FROM, FIXTURE_TO);
  g_assert_true (escale_report_export (store, params, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  summary = query_text (store, "SELECT summary FROM audit_log WHERE operation = 'report'");
  g_assert_cmpstr (summary, ==, "activity " FIXTURE_FROM " " FIXTURE_TO);
  g_assert_cmpint (count_entries (store, "export", NULL), ==, 0);

  /* A list of participants names people: an export. */
  params->template = ESCALE_REPORT_PARTICIPANTS;
  params->programme_code = g_strdup ("A");
  g_assert_true (escale_report_export (store, params, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&summary, g_free);
  summary = query_text (store, "SELECT summary FROM audit_log WHERE operation = 'export'");
  g_assert_cmpstr (summary, ==, "participants " FIXTURE_FROM " " FIXTURE_TO " A");
}

/* The chain */

static void
test_chain_changed_entry (void)
{
  g_autoptr(EscaleStore) store = store_with_log ();

  assert_verifies (store);
  raw_exec (store, "UPDATE audit_log SET summary = 'family_name' WHERE id = 2");
  assert_tampered (store, "The audit log was tampered with: entry 2 was changed");
}

static void
test_chain_rehashed_entry (void)
{
  g_autoptr(EscaleStore) store = store_with_log ();

  /* Changing the hash as well breaks the link to the next entry. */
  raw_exec (store, "UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE id = 1) "
                   "WHERE id = 2");
  assert_tampered (store, "The audit log was tampered with: entry 2 was changed");
}

static void
test_chain_deleted_entry (void)
{
  g_autoptr(EscaleStore) store = store_with_log ();

  raw_exec (store, "DELETE FROM audit_log WHERE id = 2");
  assert_tampered (store, "The audit log was tampered with: entries between entry 1 and "
                          "entry 3 are missing");
}

static void
test_chain_deleted_first (void)
{
  g_autoptr(EscaleStore) store = store_with_log ();

  raw_exec (store, "DELETE FROM audit_log WHERE id = 1");
  assert_tampered (store, "The audit log was tampered with: entries before entry 2 are "
                          "missing");
}

static void
test_chain_truncated (void)
{
  g_autoptr(EscaleStore) store = store_with_log ();
  gint64 last = query_int (store, "SELECT max(id) FROM audit_log");
  g_autofree char *sql = g_strdup_printf ("DELETE FROM audit_log WHERE id >= %" G_GINT64_FORMAT,
                                          last - 1);
  g_autofree char *expected = g_strdup_printf ("The audit log was tampered with: entries after "
                                               "entry %" G_GINT64_FORMAT " are missing",
                                               last - 2);

  raw_exec (store, sql);
  assert_tampered (store, expected);
  /* Entries appended afterwards do not hide the cut. */
  escale_test_add_person (store, "Haddad", "Omar", NULL);
  {
    g_autofree char *between = g_strdup_printf ("The audit log was tampered with: entries "
                                                "between entry %" G_GINT64_FORMAT " and entry %"
                                                G_GINT64_FORMAT " are missing", last - 2,
                                                last - 1);

    assert_tampered (store, between);
  }
  raw_exec (store, "DELETE FROM audit_log");
  assert_tampered (store, "The audit log was tampered with: its entries are missing");
}

/* Reading, exporting, purging */

static void
test_list (void)
{
  g_autoptr(EscaleStore) store = store_with_log ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  EscaleAuditEntry *entry;

  entries = escale_audit_list (store, NULL, NULL, NULL, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, query_int (store, "SELECT count(*) FROM audit_log"));
  /* Newest first. */
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->id, ==, query_int (store, "SELECT max(id) FROM audit_log"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = escale_audit_list (store, "", "update", "person", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->summary, ==, "phone");
  g_assert_cmpstr (entry->login, ==, "");
  g_assert_cmpint (entry->entity_id, >, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = escale_audit_list (store, "someone", NULL, NULL, NULL, NULL, 0, &error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = escale_audit_list (store, NULL, "create", NULL, NULL, NULL, 1, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A date as the end includes its whole day. */
  {
    g_autofree char *today = query_text (store, "SELECT date ('now')");

    entries = escale_audit_list (store, NULL, NULL, NULL, today, today, 0, &error);
    g_assert_cmpuint (entries->len, ==, query_int (store, "SELECT count(*) FROM audit_log"));
    g_clear_pointer (&entries, g_ptr_array_unref);
    entries = escale_audit_list (store, NULL, NULL, NULL, NULL, "2000-01-01", 0, &error);
    g_assert_cmpuint (entries->len, ==, 0);
  }
}

static void
test_rights (void)
{
  g_autoptr(EscaleStore) store = store_with_log ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = escale_test_tmp_path ("audit.csv");

  add_account (store, "admin", ESCALE_ROLE_ADMINISTRATOR);
  add_account (store, "staff", ESCALE_ROLE_STAFF);
  log_in (store, "staff");
  g_assert_null (escale_audit_list (store, NULL, NULL, NULL, NULL, NULL, 0, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (escale_audit_export_csv (store, path, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (escale_audit_purge (store, 6, &error), ==, -1);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  /* Anyone's work is checked, though. */
  assert_verifies (store);

  escale_store_logout (store);
  log_in (store, "admin");
  entries = escale_audit_list (store, "staff", "login", NULL, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_true (escale_audit_export_csv (store, path, &error));
  g_assert_no_error (error);
}

static void
test_export_csv (void)
{
  g_autoptr(EscaleStore) store = store_with_log ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = escale_test_tmp_path ("audit.csv");
  g_autofree char *filtered_path = escale_test_tmp_path ("updates.csv");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 n = query_int (store, "SELECT count(*) FROM audit_log");

  escale_test_exec_printf (store, "UPDATE person SET given_names = 'C', phone = '1'");
  g_assert_true (escale_audit_export_csv (store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "\xef\xbb\xbfid,at,login,operation,entity,entity_id,summary,"
                                 "prev_hash,hash");
  g_assert_cmpuint (g_strv_length (lines), ==, n + 3);  /* header, entries, last break */
  g_assert_true (g_str_has_prefix (lines[1], "1,"));
  /* A list of fields is quoted. */
  g_assert_nonnull (strstr (lines[n + 1], ",update,person,"));
  g_assert_nonnull (strstr (lines[n + 1], ",\"given_names,phone\","));
  g_assert_cmpstr (lines[n + 2], ==, "");
  g_assert_cmpint (count_entries (store, "export", "audit_log"), ==, 1);

  g_assert_true (escale_audit_export_csv_filtered (store, NULL, "update", "person", NULL, NULL,
                                                   filtered_path, &error));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&lines, g_strfreev);
  g_assert_true (g_file_get_contents (filtered_path, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  assert_verifies (store);
}

static void
test_purge (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GDateTime) old = g_date_time_new_utc (2024, 3, 1, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *anchor = NULL;
  gint64 first_kept;

  escale_store_set_now_for_tests (store, old);
  escale_test_add_person (store, "Haddad", "Leila", NULL);
  escale_test_add_person (store, "Haddad", "Omar", NULL);
  escale_store_set_now_for_tests (store, NULL);
  first_kept = query_int (store, "SELECT max(id) + 1 FROM audit_log");
  escale_test_add_person (store, "Okafor", "Chidi", NULL);

  g_assert_cmpint (escale_audit_purge (store, 0, &error), ==, -1);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (escale_audit_purge (store, 12, &error), ==, first_kept - 1);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT min(id) FROM audit_log"), ==, first_kept);
  g_assert_cmpint (count_entries (store, "purge", "audit_log"), ==, 1);
  anchor = escale_store_get_setting (store, "audit.anchor");
  g_assert_cmpuint (strlen (anchor), ==, 64);
  assert_verifies (store);

  /* Nothing more to purge: no entry. */
  g_assert_cmpint (escale_audit_purge (store, 12, &error), ==, 0);
  g_assert_cmpint (count_entries (store, "purge", "audit_log"), ==, 1);
  escale_test_add_person (store, "Okafor", "Ada", NULL);
  assert_verifies (store);

  /* The anchor still catches a deletion at the start. */
  raw_exec (store, "DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)");
  {
    g_autofree char *expected = g_strdup_printf ("The audit log was tampered with: entries "
                                                 "before entry %" G_GINT64_FORMAT " are missing",
                                                 first_kept + 1);
    assert_tampered (store, expected);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/audit/writes", test_writes_recorded);
  g_test_add_func ("/audit/settings", test_settings_recorded);
  g_test_add_func ("/audit/accounts", test_accounts_recorded);
  g_test_add_func ("/audit/append-only", test_append_only);
  g_test_add_func ("/audit/paused", test_record_paused);
  g_test_add_func ("/audit/import", test_import_summary);
  g_test_add_func ("/audit/report", test_report_recorded);
  g_test_add_func ("/audit/chain/changed", test_chain_changed_entry);
  g_test_add_func ("/audit/chain/rehashed", test_chain_rehashed_entry);
  g_test_add_func ("/audit/chain/deleted", test_chain_deleted_entry);
  g_test_add_func ("/audit/chain/deleted-first", test_chain_deleted_first);
  g_test_add_func ("/audit/chain/truncated", test_chain_truncated);
  g_test_add_func ("/audit/list", test_list);
  g_test_add_func ("/audit/rights", test_rights);
  g_test_add_func ("/audit/export", test_export_csv);
  g_test_add_func ("/audit/purge", test_purge);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
