/* escale-programme-store.c — programmes (dispositifs) and enrolments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-action-store.h"
#include "escale-programme-store.h"
#include "escale-store-private.h"
#include "escale-vocab.h"

EscaleProgramme *
escale_programme_new (void)
{
  EscaleProgramme *programme = g_new0 (EscaleProgramme, 1);

  programme->target_people = ESCALE_PROGRAMME_NO_TARGET;
  programme->funders = g_new0 (char *, 1);
  return programme;
}

void
escale_programme_free (EscaleProgramme *programme)
{
  g_free (programme->uuid);
  g_free (programme->code);
  g_free (programme->name);
  g_free (programme->started_on);
  g_free (programme->ended_on);
  g_free (programme->notes);
  g_strfreev (programme->funders);
  g_free (programme);
}

EscaleEnrolment *
escale_enrolment_new (gint64      person_id,
                      gint64      programme_id,
                      const char *entry_date)
{
  EscaleEnrolment *enrolment = g_new0 (EscaleEnrolment, 1);

  enrolment->person_id = person_id;
  enrolment->programme_id = programme_id;
  enrolment->entry_date = g_strdup (entry_date);
  return enrolment;
}

void
escale_enrolment_free (EscaleEnrolment *enrolment)
{
  g_free (enrolment->entry_date);
  g_free (enrolment->exit_date);
  g_free (enrolment->exit_reason);
  g_free (enrolment);
}

void
escale_programme_error_free (EscaleProgrammeError *error)
{
  g_free (error->message);
  g_free (error);
}

static void
add_error (GPtrArray            *errors,
           EscaleProgrammeField  field,
           const char           *message)
{
  EscaleProgrammeError *error = g_new0 (EscaleProgrammeError, 1);

  error->field = field;
  error->message = g_strdup (message);
  g_ptr_array_add (errors, error);
}

static GPtrArray *
new_errors (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) escale_programme_error_free);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0' || strspn (text, " \t\n") == strlen (text);
}

/* Checks an optional @first .. @last period. */
static void
check_period (GPtrArray            *errors,
              EscaleProgrammeField  first_field,
              const char           *first,
              EscaleProgrammeField  last_field,
              const char           *last,
              const char           *reversed)
{
  gboolean first_ok = first == NULL || escale_store_check_iso_date (first);
  gboolean last_ok = last == NULL || escale_store_check_iso_date (last);

  if (!first_ok)
    add_error (errors, first_field, _("This date does not exist"));
  if (!last_ok)
    add_error (errors, last_field, _("This date does not exist"));
  if (first_ok && last_ok && first != NULL && last != NULL && strcmp (last, first) < 0)
    add_error (errors, last_field, reversed);
}

static gboolean
refuse_invalid (GPtrArray  *problems,
                GError    **error)
{
  if (problems->len == 0)
    return FALSE;
  g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                       ((EscaleProgrammeError *) g_ptr_array_index (problems, 0))->message);
  return TRUE;
}

static gboolean
finish (EscaleStore  *store,
        gboolean      ok,
        GError      **error)
{
  if (ok && escale_store_commit (store, error))
    return TRUE;
  escale_store_rollback (store);
  return FALSE;
}

/* Programmes */

/**
 * escale_store_find_programme:
 *
 * Returns: the id of the programme @code, or 0
 */
gint64
escale_store_find_programme (EscaleStore *store,
                             const char  *code)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT id FROM programme WHERE code = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL || code == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * escale_store_validate_programme:
 *
 * Returns: (transfer full) (element-type EscaleProgrammeError): the problems
 *   found, empty when @programme can be saved
 */
GPtrArray *
escale_store_validate_programme (EscaleStore     *store,
                                 EscaleProgramme *programme)
{
  GPtrArray *errors = new_errors ();
  gint64 owner;

  if (is_blank (programme->code))
    add_error (errors, ESCALE_PROGRAMME_FIELD_CODE, _("The code is required"));
  else if ((owner = escale_store_find_programme (store, programme->code)) != 0 &&
           owner != programme->id)
    add_error (errors, ESCALE_PROGRAMME_FIELD_CODE, _("Another programme has this code"));
  if (is_blank (programme->name))
    add_error (errors, ESCALE_PROGRAMME_FIELD_NAME, _("The name is required"));
  check_period (errors, ESCALE_PROGRAMME_FIELD_STARTED_ON, programme->started_on,
                ESCALE_PROGRAMME_FIELD_ENDED_ON, programme->ended_on,
                _("The programme cannot end before it starts"));
  if (programme->target_people != ESCALE_PROGRAMME_NO_TARGET && programme->target_people < 0)
    add_error (errors, ESCALE_PROGRAMME_FIELD_TARGET,
               _("The target number of people cannot be negative"));
  for (guint i = 0; programme->funders[i] != NULL; i++)
    if (is_blank (programme->funders[i]))
      add_error (errors, ESCALE_PROGRAMME_FIELD_FUNDERS, _("A funder has no name"));
  return errors;
}

static gboolean
write_programme_row (EscaleStore      *store,
                     EscaleProgramme  *programme,
                     GError          **error)
{
  gboolean is_new = programme->id == 0;
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;

  stmt = escale_store_cached (store, is_new
                              ? "INSERT INTO programme (code, name, started_on, ended_on, "
                                "target_people, notes, updated_at, updated_by, created_at, "
                                "created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8) "
                                "RETURNING id, uuid"
                              : "UPDATE programme SET code = ?1, name = ?2, started_on = ?3, "
                                "ended_on = ?4, target_people = ?5, notes = ?6, updated_at = ?7, "
                                "updated_by = ?8 WHERE id = ?9 RETURNING id, uuid", error);
  if (stmt == NULL)
    return FALSE;
  escale_bind_text (stmt, 1, programme->code);
  escale_bind_text (stmt, 2, programme->name);
  escale_bind_text (stmt, 3, programme->started_on);
  escale_bind_text (stmt, 4, programme->ended_on);
  if (programme->target_people == ESCALE_PROGRAMME_NO_TARGET)
    sqlite3_bind_null (stmt, 5);
  else
    sqlite3_bind_int64 (stmt, 5, programme->target_people);
  escale_bind_text (stmt, 6, programme->notes);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 8, escale_store_get_user (store));
  if (!is_new)
    sqlite3_bind_int64 (stmt, 9, programme->id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      programme->id = sqlite3_column_int64 (stmt, 0);
      g_free (programme->uuid);
      programme->uuid = escale_column_dup (stmt, 1);
      sqlite3_reset (stmt);
      return TRUE;
    case SQLITE_DONE:
      sqlite3_reset (stmt);
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                           _("This programme no longer exists"));
      return FALSE;
    default:
      escale_store_set_sql_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
}

static gboolean
write_funders (EscaleStore      *store,
               EscaleProgramme  *programme,
               GError          **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "DELETE FROM programme_funder "
                                            "WHERE programme_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme->id);
  if (!escale_store_step_done (store, stmt, error) ||
      !(stmt = escale_store_cached (store, "INSERT OR IGNORE INTO programme_funder "
                                    "(programme_id, funder, created_by, updated_by) "
                                    "VALUES (?1, trim (?2), ?3, ?3)", error)))
    return FALSE;
  for (guint i = 0; programme->funders[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, programme->id);
      sqlite3_bind_text (stmt, 2, programme->funders[i], -1, SQLITE_STATIC);
      escale_bind_text (stmt, 3, escale_store_get_user (store));
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * escale_store_save_programme:
 *
 * Validates and writes @programme and its funders in one transaction.
 */
gboolean
escale_store_save_programme (EscaleStore      *store,
                             EscaleProgramme  *programme,
                             GError          **error)
{
  g_autoptr(GPtrArray) problems = escale_store_validate_programme (store, programme);
  gint64 old_id = programme->id;

  if (!escale_store_require (store, ESCALE_OP_SETTINGS, error) ||
      refuse_invalid (problems, error) || !escale_store_begin (store, error))
    return FALSE;
  if (finish (store, write_programme_row (store, programme, error) &&
                     write_funders (store, programme, error), error))
    return TRUE;
  programme->id = old_id;
  return FALSE;
}

#define PROGRAMME_COLUMNS \
  "SELECT id, uuid, code, name, started_on, ended_on, target_people, notes FROM programme "

static EscaleProgramme *
read_programme (EscaleStore  *store,
                sqlite3_stmt *row)
{
  EscaleProgramme *programme = escale_programme_new ();
  g_autoptr(GStrvBuilder) funders = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  programme->id = sqlite3_column_int64 (row, 0);
  programme->uuid = escale_column_dup (row, 1);
  programme->code = escale_column_dup (row, 2);
  programme->name = escale_column_dup (row, 3);
  programme->started_on = escale_column_dup (row, 4);
  programme->ended_on = escale_column_dup (row, 5);
  if (sqlite3_column_type (row, 6) != SQLITE_NULL)
    programme->target_people = sqlite3_column_int64 (row, 6);
  programme->notes = escale_column_dup (row, 7);
  stmt = escale_store_cached (store, "SELECT funder FROM programme_funder "
                              "WHERE programme_id = ? ORDER BY id", NULL);
  if (stmt == NULL)
    return programme;
  sqlite3_bind_int64 (stmt, 1, programme->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (funders, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_strfreev (programme->funders);
  programme->funders = g_strv_builder_end (funders);
  return programme;
}

/**
 * escale_store_load_programme:
 *
 * Returns: (transfer full) (nullable): the programme @id, or %NULL with @error set
 */
EscaleProgramme *
escale_store_load_programme (EscaleStore  *store,
                             gint64        id,
                             GError      **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, PROGRAMME_COLUMNS "WHERE id = ?", error);
  EscaleProgramme *programme = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    programme = read_programme (store, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                         _("This programme no longer exists"));
  else
    escale_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  return programme;
}

/**
 * escale_store_list_programmes:
 *
 * Returns: (transfer full) (element-type EscaleProgramme) (nullable): every
 *   programme, by name
 */
GPtrArray *
escale_store_list_programmes (EscaleStore  *store,
                              GError      **error)
{
  g_autoptr(GPtrArray) programmes = g_ptr_array_new_with_free_func (
    (GDestroyNotify) escale_programme_free);
  sqlite3_stmt *stmt = escale_store_cached (store, PROGRAMME_COLUMNS "ORDER BY name, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (programmes, read_programme (store, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&programmes);
}

/* Enrolments */

static gboolean
overlaps_other (EscaleStore     *store,
                EscaleEnrolment *enrolment)
{
  sqlite3_stmt *stmt = escale_store_cached (store,
                                            "SELECT 1 FROM enrolment WHERE person_id = ? "
                                            "AND programme_id = ? AND id <> ? "
                                            "AND entry_date <= coalesce (?, '9999-12-31') "
                                            "AND coalesce (exit_date, '9999-12-31') >= ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, enrolment->person_id);
  sqlite3_bind_int64 (stmt, 2, enrolment->programme_id);
  sqlite3_bind_int64 (stmt, 3, enrolment->id);
  escale_bind_text (stmt, 4, enrolment->exit_date);
  sqlite3_bind_text (stmt, 5, enrolment->entry_date, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * escale_store_validate_enrolment:
 *
 * Returns: (transfer full) (element-type EscaleProgrammeError): the problems
 *   found, empty when @enrolment can be saved
 */
GPtrArray *
escale_store_validate_enrolment (EscaleStore     *store,
                                 EscaleEnrolment *enrolment)
{
  GPtrArray *errors = new_errors ();
  guint n_before;

  if (!escale_store_row_exists (store, "person", enrolment->person_id))
    add_error (errors, ESCALE_ENROLMENT_FIELD_PERSON, _("This person's file no longer exists"));
  if (!escale_store_row_exists (store, "programme", enrolment->programme_id))
    add_error (errors, ESCALE_ENROLMENT_FIELD_PROGRAMME, _("This programme no longer exists"));
  if (enrolment->entry_date == NULL)
    add_error (errors, ESCALE_ENROLMENT_FIELD_ENTRY_DATE, _("The entry date is required"));
  n_before = errors->len;
  check_period (errors, ESCALE_ENROLMENT_FIELD_ENTRY_DATE, enrolment->entry_date,
                ESCALE_ENROLMENT_FIELD_EXIT_DATE, enrolment->exit_date,
                _("The exit cannot be before the entry"));
  if (enrolment->exit_reason != NULL &&
      !escale_vocab_has_code (store, ESCALE_VOCAB_EXIT_REASON, enrolment->exit_reason))
    add_error (errors, ESCALE_ENROLMENT_FIELD_EXIT_REASON, _("Unknown exit reason"));
  else if (enrolment->exit_reason != NULL && enrolment->exit_date == NULL)
    add_error (errors, ESCALE_ENROLMENT_FIELD_EXIT_DATE, _("Give the exit date with its reason"));
  if (errors->len == n_before && enrolment->entry_date != NULL && overlaps_other (store, enrolment))
    add_error (errors, ESCALE_ENROLMENT_FIELD_ENTRY_DATE,
               _("This person is already enrolled in this programme over this period"));
  return errors;
}

/**
 * escale_store_save_enrolment:
 *
 * Validates and adds @enrolment (id 0) or updates it.
 */
gboolean
escale_store_save_enrolment (EscaleStore      *store,
                             EscaleEnrolment  *enrolment,
                             GError          **error)
{
  g_autoptr(GPtrArray) problems = escale_store_validate_enrolment (store, enrolment);
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  if (!escale_store_require (store, ESCALE_OP_WRITE_ACTION, error) ||
      refuse_invalid (problems, error))
    return FALSE;
  stmt = escale_store_cached (store, enrolment->id == 0
                              ? "INSERT INTO enrolment (person_id, programme_id, entry_date, "
                                "exit_date, exit_reason, updated_at, updated_by, created_at, "
                                "created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7) "
                                "RETURNING id"
                              : "UPDATE enrolment SET person_id = ?1, programme_id = ?2, "
                                "entry_date = ?3, exit_date = ?4, exit_reason = ?5, "
                                "updated_at = ?6, updated_by = ?7 WHERE id = ?8 RETURNING id",
                              error);
  if (stmt == NULL || !escale_store_begin (store, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, enrolment->person_id);
  sqlite3_bind_int64 (stmt, 2, enrolment->programme_id);
  escale_bind_text (stmt, 3, enrolment->entry_date);
  escale_bind_text (stmt, 4, enrolment->exit_date);
  escale_bind_text (stmt, 5, enrolment->exit_reason);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 7, escale_store_get_user (store));
  if (enrolment->id != 0)
    sqlite3_bind_int64 (stmt, 8, enrolment->id);
  rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW;
  if (ok)
    enrolment->id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                         _("This enrolment no longer exists"));
  else
    escale_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  return finish (store, ok, error);
}

gboolean
escale_store_remove_enrolment (EscaleStore  *store,
                               gint64        id,
                               GError      **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "DELETE FROM enrolment WHERE id = ?", error);
  gboolean ok;

  if (!escale_store_require (store, ESCALE_OP_WRITE_ACTION, error) ||
      stmt == NULL || !escale_store_begin (store, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ok = escale_store_step_done (store, stmt, error);
  if (ok && sqlite3_changes (escale_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                           _("This enrolment no longer exists"));
      ok = FALSE;
    }
  return finish (store, ok, error);
}

/**
 * escale_store_list_enrolments:
 *
 * Returns: (transfer full) (element-type EscaleEnrolment) (nullable): the
 *   enrolments of @person_id, the latest entry first
 */
GPtrArray *
escale_store_list_enrolments (EscaleStore  *store,
                              gint64        person_id,
                              GError      **error)
{
  g_autoptr(GPtrArray) enrolments = g_ptr_array_new_with_free_func (
    (GDestroyNotify) escale_enrolment_free);
  sqlite3_stmt *stmt = escale_store_cached (store,
                                            "SELECT id, programme_id, entry_date, exit_date, "
                                            "exit_reason FROM enrolment WHERE person_id = ? "
                                            "ORDER BY entry_date DESC, id DESC", error);
  int rc;

  if (!escale_store_require (store, ESCALE_OP_READ_PERSON, error) || stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *entry_date = (const char *) sqlite3_column_text (stmt, 2);
      EscaleEnrolment *enrolment = escale_enrolment_new (person_id,
                                                         sqlite3_column_int64 (stmt, 1),
                                                         entry_date);

      enrolment->id = sqlite3_column_int64 (stmt, 0);
      enrolment->exit_date = escale_column_dup (stmt, 3);
      enrolment->exit_reason = escale_column_dup (stmt, 4);
      g_ptr_array_add (enrolments, enrolment);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&enrolments);
}
