/* test-audit.c — the audit log: entries of every write, the hash chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-audit.h"
#include "escale-person-store.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

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

/* Tests */

static void
test_writes_recorded (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePerson) person = NULL;
  gint64 id = escale_test_add_person (store, "Haddad", "Leila", "1990-04-02");
  g_autofree char *summary = NULL;

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log "
                                     "WHERE operation = 'create' AND entity = 'person'"), ==, 1);
  person = escale_store_load_person (store, id, &error);
  g_assert_no_error (error);
  escale_person_set (person, ESCALE_FIELD_PHONE, "0611223344");
  escale_person_set (person, ESCALE_FIELD_GIVEN_NAMES, "Leïla");
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  summary = query_text (store, "SELECT summary FROM audit_log "
                               "WHERE operation = 'update' AND entity = 'person'");
  g_assert_cmpstr (summary, ==, "given_names,phone");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log "
                                     "WHERE summary GLOB '*0611*' OR summary GLOB '*Le*la*'"),
                   ==, 0);
}

static void
test_record_paused (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;

  escale_audit_set_paused (store, TRUE);
  escale_test_add_person (store, "Haddad", "Leila", NULL);
  g_assert_true (escale_audit_record (store, "import", "person", 0, "1 person", &error));
  g_assert_no_error (error);
  escale_audit_set_paused (store, FALSE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE operation = 'import'"),
                   ==, 1);
  escale_test_add_person (store, "Haddad", "Omar", NULL);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log "
                                     "WHERE operation = 'create' AND entity = 'person'"), ==, 1);
}

static void
test_append_only (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;

  escale_test_add_person (store, "Haddad", "Leila", NULL);
  g_assert_false (escale_store_exec (store, "UPDATE audit_log SET summary = 'x'", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL);
  g_clear_error (&error);
  g_assert_false (escale_store_exec (store, "DELETE FROM audit_log", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/audit/writes-recorded", test_writes_recorded);
  g_test_add_func ("/audit/record-paused", test_record_paused);
  g_test_add_func ("/audit/append-only", test_append_only);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
