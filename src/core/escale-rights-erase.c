/* escale-rights-erase.c — erasure and anonymisation of people's files
 *
 * Both run in one transaction with PRAGMA secure_delete on for their
 * duration (set here, not when the store opens: bulk imports would pay for
 * it), the per-row audit paused and one entry recorded per person instead.
 * Then the traces are wiped: the full-text indexes are merged (a deleted
 * row's words stay in their older segments until then), the file is
 * rewritten by VACUUM (pages written before secure_delete was on may hold
 * stale copies of a row in their free space) and the WAL is truncated (its
 * frames hold the pages as they were).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-audit.h"
#include "escale-person-store.h"
#include "escale-rights-private.h"
#include "escale-store-private.h"

typedef gboolean (*PersonFunc) (EscaleStore  *store,
                                gint64        id,
                                GError      **error);

static gint64
household_of (EscaleStore *store,
              gint64       person_id)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT household_id FROM household_member "
                                            "WHERE person_id = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Deletes the person and what is theirs only (the schema's cascades);
 * their household's actions stay with the other members, or go with the
 * household when they were its last member. */
static gboolean
erase_one (EscaleStore  *store,
           gint64        id,
           GError      **error)
{
  gint64 household = household_of (store, id);

  return escale_rights_person_exists (store, id, error) &&
         escale_store_delete_person (store, id, error) &&
         (household == 0 ||
          escale_store_run_with_id (store, "DELETE FROM household WHERE id = ?1 AND NOT EXISTS "
                                    "(SELECT 1 FROM household_member WHERE household_id = ?1)",
                                    household, error));
}

/* What reports need stays: sex, birth year, nationalities, status periods
 * without their document, actions without notes, enrolments and their
 * situations, attendance. The rest of the file goes. */
static const char anonymise_person_sql[] =
  "UPDATE person SET family_name = 'Anonymised ' || id, given_names = NULL, "
  "file_number = 'ANON-' || id, "
  "birth_date = CASE WHEN birth_date IS NOT NULL THEN substr (birth_date, 1, 4) || '-01-01' END, "
  "birth_precision = CASE WHEN birth_date IS NOT NULL THEN 'year' END, birth_country = NULL, "
  "phone = NULL, email = NULL, address = NULL, postal_code = NULL, city = NULL, "
  "arrival_date = NULL, referent = NULL, referred_by = NULL, consent_scope = NULL, "
  "consent_informed = NULL, notes = NULL, "
  "anonymised_on = coalesce (anonymised_on, date ('now', 'localtime')), "
  "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), updated_by = ?2 WHERE id = ?1";

static const char *const anonymise_sql[] = {
  "DELETE FROM person_name WHERE person_id = ?1",
  "DELETE FROM person_language WHERE person_id = ?1",
  "DELETE FROM consent_record WHERE person_id = ?1",
  "UPDATE status_period SET document = NULL WHERE person_id = ?1 AND document IS NOT NULL",
  "UPDATE action SET notes = NULL, next_step = NULL WHERE person_id = ?1 "
  "AND (notes IS NOT NULL OR next_step IS NOT NULL)",
  /* The notes of a household or a group session, and a household's name,
   * concern all its members: they go when the last one who is not
   * anonymised is. */
  "UPDATE action SET notes = NULL, next_step = NULL WHERE id IN "
  "(SELECT action_id FROM action_participant WHERE person_id = ?1) AND NOT EXISTS "
  "(SELECT 1 FROM action_participant ap JOIN person p ON p.id = ap.person_id "
  " WHERE ap.action_id = action.id AND p.anonymised_on IS NULL)",
  "UPDATE action SET notes = NULL, next_step = NULL WHERE household_id = "
  "(SELECT household_id FROM household_member WHERE person_id = ?1) AND NOT EXISTS "
  "(SELECT 1 FROM household_member m JOIN person p ON p.id = m.person_id "
  " WHERE m.household_id = action.household_id AND p.anonymised_on IS NULL)",
  "UPDATE household SET name = NULL WHERE id = "
  "(SELECT household_id FROM household_member WHERE person_id = ?1) AND NOT EXISTS "
  "(SELECT 1 FROM household_member m JOIN person p ON p.id = m.person_id "
  " WHERE m.household_id = household.id AND p.anonymised_on IS NULL)",
};

static gboolean
anonymise_one (EscaleStore  *store,
               gint64        id,
               GError      **error)
{
  sqlite3_stmt *stmt;

  if (!escale_rights_person_exists (store, id, error) ||
      !(stmt = escale_store_cached (store, anonymise_person_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  escale_bind_text (stmt, 2, escale_store_get_user (store));
  if (!escale_store_step_done (store, stmt, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (anonymise_sql); i++)
    if (!escale_store_run_with_id (store, anonymise_sql[i], id, error))
      return FALSE;
  return escale_store_reindex_person (store, id, error);
}

/* A deleted row's words stay in the older segments of a full-text index
 * until they are merged: merge them all. */
static gboolean
merge_search_indexes (EscaleStore  *store,
                      GError      **error)
{
  return escale_store_exec (store,
                            "INSERT INTO person_search (person_search) VALUES ('optimize');"
                            "INSERT INTO person_trigram (person_trigram) VALUES ('optimize');",
                            error);
}

/* Copies the WAL into the file and truncates it; it waits for readers of
 * other connections as long as the store's busy timeout. */
static gboolean
checkpoint (EscaleStore  *store,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, "PRAGMA wal_checkpoint(TRUNCATE)",
                                                       error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      escale_store_set_sql_error (store, error);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) != 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL,
                           _("Another window or program is reading the database"));
      return FALSE;
    }
  return TRUE;
}

/* Rewrites the file without the free space where deleted rows may linger,
 * then empties the WAL, whose frames hold pages as they were. VACUUM
 * cannot run inside a transaction of the caller: the traces then stay
 * until the next erasure (the store's functions never do that). */
static gboolean
wipe_traces (EscaleStore  *store,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!sqlite3_get_autocommit (escale_store_get_db (store)))
    return TRUE;
  if (escale_store_exec (store, "VACUUM", &local_error) && checkpoint (store, &local_error))
    return TRUE;
  g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_SQL,
               /* Translators: %s is a database error */
               _("The files were changed, but their traces could not be wiped from the "
                 "database file: %s"), local_error->message);
  return FALSE;
}

static int
get_secure_delete (EscaleStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, "PRAGMA secure_delete", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

static void
set_secure_delete (EscaleStore *store,
                   int          value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA secure_delete = %d", value);

  escale_store_exec (store, sql, NULL);
}

static gboolean
change_people (EscaleStore   *store,
               const gint64  *ids,
               guint          n_ids,
               PersonFunc     change,
               const char    *operation,
               gboolean       keep_id,
               const char    *reason,
               GError       **error)
{
  gboolean ok = TRUE;

  escale_audit_set_paused (store, TRUE);
  if (!escale_store_begin (store, error))
    {
      escale_audit_set_paused (store, FALSE);
      return FALSE;
    }
  for (guint i = 0; ok && i < n_ids; i++)
    ok = change (store, ids[i], error);
  ok = ok && merge_search_indexes (store, error);
  escale_audit_set_paused (store, FALSE);
  for (guint i = 0; ok && i < n_ids; i++)
    ok = escale_audit_record (store, operation, "person", keep_id ? ids[i] : 0, reason, error);
  if (!ok || !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_rights_operation (EscaleStore   *store,
                      const gint64  *ids,
                      guint          n_ids,
                      PersonFunc     change,
                      const char    *operation,
                      gboolean       keep_id,
                      const char    *reason,
                      GError       **error)
{
  int secure_delete;
  gboolean ok;

  if (!escale_store_require (store, ESCALE_OP_ERASE, error))
    return FALSE;
  if (escale_rights_is_blank (reason))
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                           _("Say why, for the audit log"));
      return FALSE;
    }
  if (n_ids == 0)
    return TRUE;
  secure_delete = get_secure_delete (store);
  set_secure_delete (store, 1);
  ok = change_people (store, ids, n_ids, change, operation, keep_id, reason, error) &&
       wipe_traces (store, error);
  set_secure_delete (store, secure_delete);
  return ok;
}

/**
 * escale_store_erase_people:
 * @ids: (array length=n_ids): the people
 *
 * Erases them all or none (see escale_store_erase_person()).
 */
gboolean
escale_store_erase_people (EscaleStore   *store,
                           const gint64  *ids,
                           guint          n_ids,
                           const char    *reason,
                           GError       **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  return run_rights_operation (store, ids, n_ids, erase_one, "erase", FALSE, reason, error);
}

/**
 * escale_store_erase_person:
 * @reason: why, for the audit log: required
 *
 * Deletes the person and what is only theirs (names, languages, statuses,
 * enrolments, consent records, attendance, their own actions); their
 * household's actions stay with the other members, or go with the
 * household when they were its last member. Records an "erase" audit
 * entry with @reason and no id, and leaves no byte of the file in the
 * database nor in its WAL (see the top of this file).
 */
gboolean
escale_store_erase_person (EscaleStore  *store,
                           gint64        person_id,
                           const char   *reason,
                           GError      **error)
{
  return escale_store_erase_people (store, &person_id, 1, reason, error);
}

/**
 * escale_store_anonymise_people:
 * @ids: (array length=n_ids): the people
 *
 * Anonymises them all or none (see escale_store_anonymise_person()).
 */
gboolean
escale_store_anonymise_people (EscaleStore   *store,
                               const gint64  *ids,
                               guint          n_ids,
                               const char    *reason,
                               GError       **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  return run_rights_operation (store, ids, n_ids, anonymise_one, "anonymise", TRUE, reason,
                               error);
}

/**
 * escale_store_anonymise_person:
 * @reason: why, for the audit log: required
 *
 * Keeps what reports need (sex, the birth year as 1 January with the
 * precision "year", nationalities, status periods without their document,
 * actions without notes nor next step, enrolments and their situations,
 * the household and attendance); the names become "Anonymised ID" and the
 * file number "ANON-ID"; other names, languages, consent records, contact,
 * address, birth country, arrival date, referent, notes go. anonymised_on
 * is set to today. The notes of household actions and group sessions,
 * and a household's name, go when every member (participant) is
 * anonymised.
 */
gboolean
escale_store_anonymise_person (EscaleStore  *store,
                               gint64        person_id,
                               const char   *reason,
                               GError      **error)
{
  return escale_store_anonymise_people (store, &person_id, 1, reason, error);
}
