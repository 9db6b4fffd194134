/* escale-person-store.c — reading and writing people
 *
 * Every write is one function here, inside one transaction, stamped with
 * the time and the user. The search tables and the current status are kept
 * up to date by the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-date.h"
#include "escale-iso.h"
#include "escale-person-store.h"
#include "escale-store-private.h"
#include "escale-text.h"
#include "escale-vocab.h"

#define MAX_AGE 120

void
escale_field_error_free (EscaleFieldError *error)
{
  g_free (error->message);
  g_free (error);
}

void
escale_duplicate_free (EscaleDuplicate *duplicate)
{
  g_free (duplicate->file_number);
  g_free (duplicate->family_name);
  g_free (duplicate->given_names);
  g_free (duplicate->birth_date);
  g_free (duplicate->birth_precision);
  g_free (duplicate);
}

/* Validation */

/**
 * escale_field_errors_add:
 * @errors: (nullable) (element-type EscaleFieldError): where to add it
 *
 * Adds a problem found at @field (item @index of a list field).
 */
void
escale_field_errors_add (GPtrArray   *errors,
                         EscaleField  field,
                         guint        index,
                         const char  *format,
                         ...)
{
  EscaleFieldError *error;
  va_list args;

  if (errors == NULL)
    return;
  error = g_new0 (EscaleFieldError, 1);
  va_start (args, format);
  error->field = field;
  error->index = index;
  error->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, error);
}

static gboolean
check_date (GPtrArray   *errors,
            EscaleField  field,
            guint        index,
            const char  *iso,
            gboolean     not_future)
{
  g_autoptr(GDate) date = NULL;
  g_autofree char *today = NULL;

  if (iso == NULL)
    return TRUE;
  date = escale_date_to_gdate (iso);
  if (date == NULL || strlen (iso) != 10)
    {
      escale_field_errors_add (errors, field, index, "%s", _("This date does not exist"));
      return FALSE;
    }
  today = escale_date_today ();
  if (not_future && strcmp (iso, today) > 0)
    {
      escale_field_errors_add (errors, field, index, "%s", _("This date is in the future"));
      return FALSE;
    }
  return TRUE;
}

static void
validate_birth_date (EscalePerson *person,
                     GPtrArray    *errors)
{
  const char *birth = escale_person_get (person, ESCALE_FIELD_BIRTH_DATE);
  g_autofree char *today = escale_date_today ();

  if (!check_date (errors, ESCALE_FIELD_BIRTH_DATE, 0, birth, TRUE))
    return;
  if (birth != NULL && escale_date_age_on (birth, today) > MAX_AGE)
    escale_field_errors_add (errors, ESCALE_FIELD_BIRTH_DATE, 0,
               /* Translators: %d is the largest accepted age, 120 */
               _("This would make the person older than %d years"), MAX_AGE);
}

static void
validate_codes (EscaleStore  *store,
                EscalePerson *person,
                GPtrArray    *errors)
{
  const char *sex = escale_person_get (person, ESCALE_FIELD_SEX);
  const char *country = escale_person_get (person, ESCALE_FIELD_BIRTH_COUNTRY);
  const char *precision = escale_person_get (person, ESCALE_FIELD_BIRTH_PRECISION);
  const char * const *nationalities = escale_person_get_nationalities (person);
  GPtrArray *languages = escale_person_get_languages (person);
  static const char *const levels[] = { "native", "fluent", "basic", NULL };

  if (sex != NULL && !escale_vocab_has_code (store, ESCALE_VOCAB_SEX, sex))
    escale_field_errors_add (errors, ESCALE_FIELD_SEX, 0, _("Unknown sex “%s”: use F, M or X"), sex);
  if (precision != NULL && !g_strv_contains ((const char *[]) { "exact", "month", "year",
                                                                 "estimated", NULL }, precision))
    escale_field_errors_add (errors, ESCALE_FIELD_BIRTH_PRECISION, 0, _("Unknown precision “%s”"), precision);
  if (country != NULL && escale_iso_country_name (country) == NULL)
    escale_field_errors_add (errors, ESCALE_FIELD_BIRTH_COUNTRY, 0,
               _("“%s” is not an ISO 3166 country code"), country);
  for (guint i = 0; nationalities[i] != NULL; i++)
    if (escale_iso_country_name (nationalities[i]) == NULL)
      escale_field_errors_add (errors, ESCALE_FIELD_NATIONALITIES, i,
                 _("“%s” is not an ISO 3166 country code"), nationalities[i]);
  for (guint i = 0; i < languages->len; i++)
    {
      EscaleLanguageSkill *skill = g_ptr_array_index (languages, i);
      if (escale_iso_language_name (skill->code) == NULL)
        escale_field_errors_add (errors, ESCALE_FIELD_LANGUAGES, i,
                   _("“%s” is not an ISO 639 language code"), skill->code);
      else if (skill->level != NULL && *skill->level != '\0' &&
               !g_strv_contains (levels, skill->level))
        /* Translators: %s is a level code; native, fluent and basic must stay as they are */
        escale_field_errors_add (errors, ESCALE_FIELD_LANGUAGES, i,
                   _("Unknown level “%s”: use native, fluent or basic"), skill->level);
    }
}

static void
validate_status_periods (EscaleStore  *store,
                         EscalePerson *person,
                         GPtrArray    *errors)
{
  GPtrArray *periods = escale_person_get_status_periods (person);

  for (guint i = 0; i < periods->len; i++)
    {
      EscaleStatusPeriod *period = g_ptr_array_index (periods, i);

      if (!escale_vocab_has_code (store, ESCALE_VOCAB_STATUS, period->status))
        escale_field_errors_add (errors, ESCALE_FIELD_STATUS, i, _("Unknown administrative status “%s”"),
                   period->status ? period->status : "");
      if (check_date (errors, ESCALE_FIELD_STATUS, i, period->started_on, TRUE) &&
          check_date (errors, ESCALE_FIELD_STATUS, i, period->ended_on, FALSE) &&
          period->started_on && period->ended_on &&
          strcmp (period->ended_on, period->started_on) < 0)
        escale_field_errors_add (errors, ESCALE_FIELD_STATUS, i, "%s",
                   _("The status cannot end before it starts"));
      check_date (errors, ESCALE_FIELD_STATUS, i, period->document_expiry, FALSE);
    }
}

static void
validate_file_number (EscaleStore  *store,
                      EscalePerson *person,
                      GPtrArray    *errors)
{
  const char *number = escale_person_get (person, ESCALE_FIELD_FILE_NUMBER);
  gint64 owner;

  if (number == NULL)
    return;
  owner = escale_store_find_file_number (store, number);
  if (owner != 0 && owner != escale_person_get_id (person))
    escale_field_errors_add (errors, ESCALE_FIELD_FILE_NUMBER, 0,
               _("File number %s is already used by another person"), number);
}

/**
 * escale_store_validate_person:
 *
 * Checks every rule a person must follow before it is saved.
 *
 * Returns: (transfer full) (element-type EscaleFieldError): the problems
 *   found, empty when @person can be saved
 */
GPtrArray *
escale_store_validate_person (EscaleStore  *store,
                              EscalePerson *person)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_field_error_free);
  const char *family = escale_person_get (person, ESCALE_FIELD_FAMILY_NAME);
  const char *email = escale_person_get (person, ESCALE_FIELD_EMAIL);
  static const EscaleField past_dates[] = {
    ESCALE_FIELD_ARRIVAL_DATE, ESCALE_FIELD_FIRST_CONTACT, ESCALE_FIELD_CONSENT_DATE,
    ESCALE_FIELD_CLOSED_ON,
  };

  g_return_val_if_fail (ESCALE_IS_STORE (store), errors);
  g_return_val_if_fail (ESCALE_IS_PERSON (person), errors);

  if (family == NULL)
    escale_field_errors_add (errors, ESCALE_FIELD_FAMILY_NAME, 0, "%s", _("The family name is required"));
  validate_file_number (store, person, errors);
  validate_birth_date (person, errors);
  for (guint i = 0; i < G_N_ELEMENTS (past_dates); i++)
    check_date (errors, past_dates[i], 0, escale_person_get (person, past_dates[i]), TRUE);
  check_date (errors, ESCALE_FIELD_RETENTION_DATE, 0,
              escale_person_get (person, ESCALE_FIELD_RETENTION_DATE), FALSE);
  if (email != NULL && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
    escale_field_errors_add (errors, ESCALE_FIELD_EMAIL, 0, "%s", _("This is not an email address"));
  if (escale_person_get (person, ESCALE_FIELD_CLOSED_ON) != NULL &&
      escale_person_get (person, ESCALE_FIELD_CLOSE_REASON) == NULL)
    escale_field_errors_add (errors, ESCALE_FIELD_CLOSE_REASON, 0, "%s",
               _("Say why the file is closed"));
  validate_codes (store, person, errors);
  validate_status_periods (store, person, errors);
  return errors;
}

/* Writing */

static char *
build_search_names (EscalePerson *person)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *others = escale_person_get_other_names (person);
  const char *parts[] = {
    escale_person_get (person, ESCALE_FIELD_FAMILY_NAME),
    escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES),
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts) + g_strv_length ((GStrv) others); i++)
    {
      const char *name = i < G_N_ELEMENTS (parts) ? parts[i] : others[i - G_N_ELEMENTS (parts)];
      g_autofree char *folded = escale_text_fold (name);
      g_autofree char *latin = escale_text_transliterate (folded);

      if (*folded == '\0')
        continue;
      g_string_append_printf (text, "%s%s", text->len ? " " : "", folded);
      if (!g_str_equal (latin, folded))
        g_string_append_printf (text, " %s", latin);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
build_search_numbers (EscalePerson *person)
{
  const char *number = escale_person_get (person, ESCALE_FIELD_FILE_NUMBER);
  g_autofree char *folded = escale_text_fold (number);
  g_autofree char *number_digits = escale_text_digits (number);
  g_autofree char *phone = escale_text_digits (escale_person_get (person, ESCALE_FIELD_PHONE));
  GString *text = g_string_new (folded);

  g_string_append_printf (text, " %s", number_digits);
  if (*phone != '\0')
    g_string_append_printf (text, " %s", phone);
  /* +33 6 12… is also typed 06 12…, and the other way round */
  if (g_str_has_prefix (phone, "33") && strlen (phone) == 11)
    g_string_append_printf (text, " 0%s", phone + 2);
  else if (phone[0] == '0' && phone[1] != '0' && strlen (phone) == 10)
    g_string_append_printf (text, " 33%s", phone + 1);
  return g_string_free (text, FALSE);
}

/* Removes the person @id from the search tables. */
static gboolean
unindex_person (EscaleStore  *store,
                gint64        id,
                GError      **error)
{
  const char *const deletes[] = {
    "DELETE FROM person_search WHERE rowid = ?",
    "DELETE FROM person_trigram WHERE rowid = ?",
    "DELETE FROM person_skeleton WHERE person_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    if (!escale_store_run_with_id (store, deletes[i], id, error))
      return FALSE;
  return TRUE;
}

/* Adds @person, not in them yet, to the search tables. */
static gboolean
write_person_index (EscaleStore   *store,
                    EscalePerson  *person,
                    GError       **error)
{
  gint64 id = escale_person_get_id (person);
  g_autofree char *names = build_search_names (person);
  g_autofree char *numbers = build_search_numbers (person);
  g_autofree char *all = g_strdup_printf ("%s %s", names, numbers);
  g_autoptr(GString) all_names = g_string_new (escale_person_get (person, ESCALE_FIELD_FAMILY_NAME));
  g_auto(GStrv) skeletons = NULL;
  sqlite3_stmt *stmt;

  if (!(stmt = escale_store_cached (store, "INSERT INTO person_search (rowid, names, numbers) "
                                    "VALUES (?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, names, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, numbers, -1, SQLITE_STATIC);
  if (!escale_store_step_done (store, stmt, error))
    return FALSE;

  if (!(stmt = escale_store_cached (store, "INSERT INTO person_trigram (rowid, text) VALUES (?, ?)",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, all, -1, SQLITE_STATIC);
  if (!escale_store_step_done (store, stmt, error))
    return FALSE;

  g_string_append_printf (all_names, " %s", escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES) ?: "");
  for (const char * const *other = escale_person_get_other_names (person); *other; other++)
    g_string_append_printf (all_names, " %s", *other);
  skeletons = escale_text_skeletons (all_names->str);
  if (!(stmt = escale_store_cached (store, "INSERT OR IGNORE INTO person_skeleton "
                                    "(person_id, skeleton) VALUES (?, ?)", error)))
    return FALSE;
  for (guint i = 0; skeletons[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, skeletons[i], -1, SQLITE_STATIC);
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
index_person (EscaleStore   *store,
              EscalePerson  *person,
              GError       **error)
{
  return unindex_person (store, escale_person_get_id (person), error) &&
         write_person_index (store, person, error);
}

/* The keys of the ordered indexes search starts with: "family given",
 * "given family" and the phone number in its national form. */
static void
build_keys (EscalePerson  *person,
            char         **sort_key,
            char         **given_key,
            char         **phone_key)
{
  g_autofree char *family = escale_text_fold (escale_person_get (person, ESCALE_FIELD_FAMILY_NAME));
  g_autofree char *given = escale_text_fold (escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES));

  *sort_key = g_strdup_printf ("%s %s", family, given);
  *given_key = g_strdup_printf ("%s %s", given, family);
  *phone_key = escale_text_phone_key (escale_person_get (person, ESCALE_FIELD_PHONE));
}

static gboolean
generate_file_number (EscaleStore   *store,
                      EscalePerson  *person,
                      GError       **error)
{
  g_autofree char *year = escale_date_today ();
  g_autofree char *number = NULL;

  year[4] = '\0';
  number = escale_store_next_file_number (store, atoi (year), error);
  if (number == NULL)
    return FALSE;
  escale_person_set (person, ESCALE_FIELD_FILE_NUMBER, number);
  return TRUE;
}

/* After an UPDATE: fails when no row was there to change. */
static gboolean
require_changed (EscaleStore  *store,
                 GError      **error)
{
  if (sqlite3_changes (escale_store_get_db (store)) > 0)
    return TRUE;
  g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
               "%s", _("This person's file no longer exists"));
  return FALSE;
}

static gboolean
write_person_row (EscaleStore   *store,
                  EscalePerson  *person,
                  GError       **error)
{
  static char *insert_sql, *update_sql;
  static gsize once;
  gboolean is_new = escale_person_get_id (person) == 0;
  g_autofree char *now = escale_store_now ();
  g_autofree char *sort_key = NULL, *given_key = NULL, *phone_key = NULL;
  sqlite3_stmt *stmt;
  int n = 1;

  build_keys (person, &sort_key, &given_key, &phone_key);

  if (g_once_init_enter (&once))
    {
      g_autoptr(GString) columns = g_string_new (NULL), marks = g_string_new (NULL),
                         sets = g_string_new (NULL);

      for (guint i = 0; i < ESCALE_N_FIELDS; i++)
        {
          g_string_append_printf (columns, "%s, ", escale_field_get_name (i));
          g_string_append (marks, "?, ");
          g_string_append_printf (sets, "%s = ?, ", escale_field_get_name (i));
        }
      update_sql = g_strdup_printf ("UPDATE person SET %ssort_key = ?, given_key = ?, "
                                    "phone_key = ?, updated_at = ?, "
                                    "updated_by = ? WHERE id = ?", sets->str);
      insert_sql = g_strdup_printf ("INSERT INTO person (%ssort_key, given_key, phone_key, "
                                    "created_at, updated_at, created_by, updated_by, uuid) "
                                    "VALUES (%s?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, uuid",
                                    columns->str, marks->str);
      g_once_init_leave (&once, 1);
    }

  if (!(stmt = escale_store_cached (store, is_new ? insert_sql : update_sql, error)))
    return FALSE;
  for (guint i = 0; i < ESCALE_N_FIELDS; i++)
    escale_bind_text (stmt, n++, escale_person_get (person, i));
  sqlite3_bind_text (stmt, n++, sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, n++, given_key, -1, SQLITE_STATIC);
  escale_bind_text (stmt, n++, phone_key);
  if (is_new)
    {
      g_autofree char *uuid = escale_person_get_uuid (person) ? NULL : escale_store_new_uuid ();

      sqlite3_bind_text (stmt, n++, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, n++, now, -1, SQLITE_STATIC);
      escale_bind_text (stmt, n++, escale_store_get_user (store));
      escale_bind_text (stmt, n++, escale_store_get_user (store));
      escale_bind_text (stmt, n++, uuid ? uuid : escale_person_get_uuid (person));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          escale_store_set_sql_error (store, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      escale_person_set_id (person, sqlite3_column_int64 (stmt, 0));
      escale_person_set_uuid (person, (const char *) sqlite3_column_text (stmt, 1));
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_bind_text (stmt, n++, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, n++, escale_store_get_user (store));
  sqlite3_bind_int64 (stmt, n++, escale_person_get_id (person));
  return escale_store_step_done (store, stmt, error) && require_changed (store, error);
}

static gboolean
insert_pairs (EscaleStore        *store,
              const char         *sql,
              gint64              id,
              const char * const *values,
              GError            **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; values[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, values[i], -1, SQLITE_STATIC);
      escale_bind_text (stmt, 3, escale_store_get_user (store));
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_languages (EscaleStore   *store,
                 EscalePerson  *person,
                 GError       **error)
{
  GPtrArray *languages = escale_person_get_languages (person);
  sqlite3_stmt *stmt;

  if (!(stmt = escale_store_cached (store,
                                    "INSERT OR REPLACE INTO person_language (person_id, language, "
                                    "level, interpreter, created_by, updated_by) "
                                    "VALUES (?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  for (guint i = 0; i < languages->len; i++)
    {
      EscaleLanguageSkill *skill = g_ptr_array_index (languages, i);

      sqlite3_bind_int64 (stmt, 1, escale_person_get_id (person));
      sqlite3_bind_text (stmt, 2, skill->code, -1, SQLITE_STATIC);
      escale_bind_text (stmt, 3, skill->level);
      sqlite3_bind_int (stmt, 4, skill->interpreter);
      escale_bind_text (stmt, 5, escale_store_get_user (store));
      escale_bind_text (stmt, 6, escale_store_get_user (store));
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_status_periods (EscaleStore   *store,
                      EscalePerson  *person,
                      GError       **error)
{
  GPtrArray *periods = escale_person_get_status_periods (person);
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;

  if (!(stmt = escale_store_cached (store,
                                    "INSERT INTO status_period (person_id, status, started_on, "
                                    "ended_on, document, document_expiry, created_by, updated_by, "
                                    "id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT (id) DO UPDATE SET status = excluded.status, "
                                    "started_on = excluded.started_on, ended_on = excluded.ended_on, "
                                    "document = excluded.document, "
                                    "document_expiry = excluded.document_expiry, "
                                    "updated_by = excluded.updated_by, updated_at = excluded.updated_at "
                                    "RETURNING id", error)))
    return FALSE;
  for (guint i = 0; i < periods->len; i++)
    {
      EscaleStatusPeriod *period = g_ptr_array_index (periods, i);

      sqlite3_bind_int64 (stmt, 1, escale_person_get_id (person));
      sqlite3_bind_text (stmt, 2, period->status, -1, SQLITE_STATIC);
      escale_bind_text (stmt, 3, period->started_on);
      escale_bind_text (stmt, 4, period->ended_on);
      escale_bind_text (stmt, 5, period->document);
      escale_bind_text (stmt, 6, period->document_expiry);
      escale_bind_text (stmt, 7, escale_store_get_user (store));
      escale_bind_text (stmt, 8, escale_store_get_user (store));
      if (period->id > 0)
        sqlite3_bind_int64 (stmt, 9, period->id);
      else
        sqlite3_bind_null (stmt, 9);
      sqlite3_bind_text (stmt, 10, now, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          escale_store_set_sql_error (store, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      period->id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
delete_removed_periods (EscaleStore   *store,
                        EscalePerson  *person,
                        GError       **error)
{
  GPtrArray *periods = escale_person_get_status_periods (person);
  g_autoptr(GString) sql = g_string_new ("DELETE FROM status_period WHERE person_id = ?");

  if (periods->len > 0)
    {
      g_string_append (sql, " AND id NOT IN (");
      for (guint i = 0; i < periods->len; i++)
        g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i ? ", " : "",
                                ((EscaleStatusPeriod *) g_ptr_array_index (periods, i))->id);
      g_string_append (sql, ")");
    }
  {
    g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql->str, error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, escale_person_get_id (person));
    return escale_store_step_done (store, stmt, error);
  }
}

static gboolean
write_current_status (EscaleStore   *store,
                      EscalePerson  *person,
                      GError       **error)
{
  /* Not a REPLACE: the schema's triggers keep the other columns. */
  sqlite3_stmt *stmt = escale_store_cached (store,
                                            "INSERT INTO person_current (person_id, status) "
                                            "VALUES (?1, ?2) ON CONFLICT (person_id) "
                                            "DO UPDATE SET status = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, escale_person_get_id (person));
  escale_bind_text (stmt, 2, escale_person_get_current_status (person));
  return escale_store_step_done (store, stmt, error);
}

static gboolean
write_person (EscaleStore   *store,
              EscalePerson  *person,
              gboolean       is_new,
              GError       **error)
{
  gint64 id;

  if (escale_person_get (person, ESCALE_FIELD_FILE_NUMBER) == NULL &&
      !generate_file_number (store, person, error))
    return FALSE;
  if (!write_person_row (store, person, error))
    return FALSE;
  id = escale_person_get_id (person);
  if (!is_new)
    {
      if (!escale_store_run_with_id (store, "DELETE FROM person_name WHERE person_id = ?", id, error) ||
          !escale_store_run_with_id (store, "DELETE FROM person_nationality WHERE person_id = ?", id, error) ||
          !escale_store_run_with_id (store, "DELETE FROM person_language WHERE person_id = ?", id, error) ||
          !delete_removed_periods (store, person, error))
        return FALSE;
    }
  return insert_pairs (store, "INSERT INTO person_name (person_id, name, created_by) "
                       "VALUES (?, ?, ?)", id, escale_person_get_other_names (person), error) &&
         insert_pairs (store, "INSERT OR IGNORE INTO person_nationality (person_id, country, "
                       "created_by) VALUES (?, ?, ?)", id,
                       escale_person_get_nationalities (person), error) &&
         write_languages (store, person, error) &&
         write_status_periods (store, person, error) &&
         write_current_status (store, person, error) &&
         index_person (store, person, error);
}

/**
 * escale_store_save_person:
 *
 * Validates @person and saves it in one transaction, creating it when its
 * id is 0 (its id, uuid and, when empty, file number are then set). On
 * failure nothing is written and @person keeps its id.
 */
gboolean
escale_store_save_person (EscaleStore   *store,
                          EscalePerson  *person,
                          GError       **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  gboolean is_new;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (ESCALE_IS_PERSON (person), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PERSON, error))
    return FALSE;
  errors = escale_store_validate_person (store, person);
  if (errors->len > 0)
    {
      EscaleFieldError *first = g_ptr_array_index (errors, 0);
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID, "%s: %s",
                   escale_field_get_name (first->field), first->message);
      return FALSE;
    }

  is_new = escale_person_get_id (person) == 0;
  if (!escale_store_begin (store, error))
    return FALSE;
  if (!write_person (store, person, is_new, error) || !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      if (is_new)
        {
          escale_person_set_id (person, 0);
          escale_person_set_uuid (person, NULL);
        }
      return FALSE;
    }
  return TRUE;
}

/* Reading */

static void
load_string_list (EscaleStore   *store,
                  const char    *sql,
                  gint64         id,
                  GStrvBuilder  *builder)
{
  sqlite3_stmt *stmt = escale_store_cached (store, sql, NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
}

static void
load_lists (EscaleStore  *store,
            EscalePerson *person)
{
  gint64 id = escale_person_get_id (person);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) nationalities = g_strv_builder_new ();
  g_auto(GStrv) names_v = NULL, nationalities_v = NULL;
  sqlite3_stmt *stmt;

  load_string_list (store, "SELECT name FROM person_name WHERE person_id = ? ORDER BY id",
                    id, names);
  if (escale_store_may_see_field (store, "person_nationality", "country"))
    load_string_list (store, "SELECT country FROM person_nationality WHERE person_id = ? "
                      "ORDER BY id", id, nationalities);
  names_v = g_strv_builder_end (names);
  nationalities_v = g_strv_builder_end (nationalities);
  escale_person_set_other_names (person, (const char * const *) names_v);
  escale_person_set_nationalities (person, (const char * const *) nationalities_v);

  stmt = escale_store_cached (store, "SELECT language, level, interpreter FROM person_language "
                              "WHERE person_id = ? ORDER BY id", NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (escale_person_get_languages (person),
                     escale_language_skill_new ((const char *) sqlite3_column_text (stmt, 0),
                                                (const char *) sqlite3_column_text (stmt, 1),
                                                sqlite3_column_int (stmt, 2)));
  sqlite3_reset (stmt);

  stmt = escale_store_cached (store, "SELECT id, status, started_on, ended_on, document, "
                              "document_expiry FROM status_period WHERE person_id = ? "
                              "ORDER BY started_on IS NOT NULL, started_on, id", NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EscaleStatusPeriod *period =
        escale_status_period_new ((const char *) sqlite3_column_text (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 2),
                                  (const char *) sqlite3_column_text (stmt, 3),
                                  (const char *) sqlite3_column_text (stmt, 4),
                                  (const char *) sqlite3_column_text (stmt, 5));
      period->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (escale_person_get_status_periods (person), period);
    }
  sqlite3_reset (stmt);
}

static void
load_household (EscaleStore  *store,
                EscalePerson *person)
{
  sqlite3_stmt *stmt;

  stmt = escale_store_cached (store, "SELECT household_id, role FROM household_member "
                              "WHERE person_id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, escale_person_get_id (person));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      escale_person_set_household_id (person, sqlite3_column_int64 (stmt, 0));
      escale_person_set_household_role (person, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (escale_person_get_household_id (person) == 0)
    return;

  stmt = escale_store_cached (store, "SELECT p.id, p.file_number, p.family_name, p.given_names, "
                              "m.role FROM household_member m JOIN person p ON p.id = m.person_id "
                              "WHERE m.household_id = ? AND p.id <> ? "
                              "ORDER BY m.role <> 'head', p.birth_date, p.id", NULL);
  sqlite3_bind_int64 (stmt, 1, escale_person_get_household_id (person));
  sqlite3_bind_int64 (stmt, 2, escale_person_get_id (person));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EscaleHouseholdMember *member = g_new0 (EscaleHouseholdMember, 1);

      member->person_id = sqlite3_column_int64 (stmt, 0);
      member->file_number = escale_column_dup (stmt, 1);
      member->family_name = escale_column_dup (stmt, 2);
      member->given_names = escale_column_dup (stmt, 3);
      member->role = escale_column_dup (stmt, 4);
      g_ptr_array_add (escale_person_get_household_members (person), member);
    }
  sqlite3_reset (stmt);
}

/**
 * escale_store_load_person:
 *
 * Returns: (transfer full) (nullable): the whole record, or %NULL with
 *   %ESCALE_STORE_ERROR_NOT_FOUND
 */
EscalePerson *
escale_store_load_person (EscaleStore  *store,
                          gint64        id,
                          GError      **error)
{
  static char *sql;
  static gsize once;
  g_autoptr(EscalePerson) person = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_READ_PERSON, error))
    return NULL;
  if (g_once_init_enter (&once))
    {
      g_autoptr(GString) columns = g_string_new (NULL);

      for (guint i = 0; i < ESCALE_N_FIELDS; i++)
        g_string_append_printf (columns, "%s, ", escale_field_get_name (i));
      sql = g_strdup_printf ("SELECT %suuid FROM person WHERE id = ?", columns->str);
      g_once_init_leave (&once, 1);
    }

  if (!(stmt = escale_store_cached (store, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   "%s", _("This person's file no longer exists"));
      return NULL;
    }
  person = escale_person_new ();
  escale_person_set_id (person, id);
  /* The fields the role may not see stay empty: the sensitive ones. */
  for (guint i = 0; i < ESCALE_N_FIELDS; i++)
    if (escale_store_may_see_field (store, "person", escale_field_get_name (i)))
      escale_person_set (person, i, (const char *) sqlite3_column_text (stmt, i));
  escale_person_set_uuid (person, (const char *) sqlite3_column_text (stmt, ESCALE_N_FIELDS));
  sqlite3_reset (stmt);

  load_lists (store, person);
  load_household (store, person);
  return g_steal_pointer (&person);
}

static gboolean
run_write (EscaleStore   *store,
           const char    *sql,
           gint64         id,
           const char    *a,
           const char    *b,
           GError       **error)
{
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt = escale_store_cached (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 3, escale_store_get_user (store));
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    escale_bind_text (stmt, 4, a);
  if (sqlite3_bind_parameter_count (stmt) >= 5)
    escale_bind_text (stmt, 5, b);
  return escale_store_step_done (store, stmt, error) && require_changed (store, error);
}

/* Takes @person_id out of their household. A household of one is no
 * household: it goes when its last but one member leaves. */
static gboolean
leave_household (EscaleStore   *store,
                 gint64         person_id,
                 GError       **error)
{
  /* A household with follow-up actions stays, even with one member left:
   * its history belongs to the people who remain. */
  return escale_store_run_with_id (store, "DELETE FROM household WHERE id IN (SELECT household_id FROM "
                         "household_member WHERE person_id = ?1) AND (SELECT count(*) FROM "
                         "household_member m WHERE m.household_id = household.id) <= 2 "
                         "AND NOT EXISTS (SELECT 1 FROM action a WHERE a.household_id = household.id)",
                         person_id, error) &&
         escale_store_run_with_id (store, "DELETE FROM household_member WHERE person_id = ?", person_id,
                         error);
}

gboolean
escale_store_delete_person (EscaleStore  *store,
                            gint64        id,
                            GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PERSON, error))
    return FALSE;
  if (!escale_store_begin (store, error))
    return FALSE;
  if (!leave_household (store, id, error) ||
      !escale_store_run_with_id (store, "DELETE FROM person_search WHERE rowid = ?", id, error) ||
      !escale_store_run_with_id (store, "DELETE FROM person_trigram WHERE rowid = ?", id, error) ||
      !escale_store_run_with_id (store, "DELETE FROM person WHERE id = ?", id, error) ||
      !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gint64
escale_store_find_file_number (EscaleStore *store,
                               const char  *file_number)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT id FROM person WHERE file_number = ?",
                                            NULL);
  gint64 id = 0;

  if (stmt == NULL || file_number == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, file_number, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * escale_store_next_file_number:
 *
 * Reserves the next free file number of @year, YEAR-NNNN. A counter kept in
 * the settings makes this constant time; numbers already taken (by an
 * import) are skipped.
 *
 * Returns: (transfer full) (nullable): the number, or %NULL with @error
 */
char *
escale_store_next_file_number (EscaleStore  *store,
                               int           year,
                               GError      **error)
{
  g_autofree char *key = g_strdup_printf ("file_number.%d", year);
  g_autofree char *last = escale_store_get_setting (store, key);
  gint64 n = last ? g_ascii_strtoll (last, NULL, 10) : 0;
  g_autofree char *counter = NULL;
  char *number = NULL;

  do
    {
      g_free (number);
      number = g_strdup_printf ("%d-%04" G_GINT64_FORMAT, year, ++n);
    }
  while (escale_store_find_file_number (store, number) != 0);

  counter = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  /* The error is said here: the rollback that follows a failure clears
   * SQLite's own (a read-only file said "not an error"). */
  if (!escale_store_set_setting (store, key, counter, error))
    g_clear_pointer (&number, g_free);
  return number;
}

/**
 * escale_store_close_person:
 * @date: (nullable): when the file was closed, YYYY-MM-DD; %NULL for today
 */
gboolean
escale_store_close_person (EscaleStore  *store,
                           gint64        id,
                           const char   *date,
                           const char   *reason,
                           GError      **error)
{
  g_autoptr(GPtrArray) errors =
    g_ptr_array_new_with_free_func ((GDestroyNotify) escale_field_error_free);
  g_autofree char *today = escale_date_today ();

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PERSON, error))
    return FALSE;
  if (reason == NULL || *reason == '\0')
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   "%s", _("Say why the file is closed"));
      return FALSE;
    }
  if (!check_date (errors, ESCALE_FIELD_CLOSED_ON, 0, date, TRUE))
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID, "%s",
                   ((EscaleFieldError *) g_ptr_array_index (errors, 0))->message);
      return FALSE;
    }
  return run_write (store, "UPDATE person SET updated_at = ?2, updated_by = ?3, "
                    "closed_on = ?4, close_reason = ?5 WHERE id = ?1", id,
                    date ? date : today, reason, error);
}

gboolean
escale_store_reopen_person (EscaleStore  *store,
                            gint64        id,
                            GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PERSON, error))
    return FALSE;
  return run_write (store, "UPDATE person SET updated_at = ?2, updated_by = ?3, "
                    "closed_on = NULL, close_reason = NULL WHERE id = ?1", id, NULL, NULL, error);
}

gint64
escale_store_count_people (EscaleStore *store)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT count(*) FROM person", NULL);
  gint64 count = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return count;
}

/**
 * escale_store_list_referents:
 *
 * Returns: (transfer full): the referent workers named in files, sorted
 */
GStrv
escale_store_list_referents (EscaleStore *store)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT DISTINCT referent FROM person "
                                            "WHERE referent IS NOT NULL ORDER BY referent", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

/* Households */

static gint64
household_of (EscaleStore *store,
              gint64       person_id)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT household_id FROM household_member "
                                            "WHERE person_id = ?", NULL);
  gint64 id = 0;

  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
insert_member (EscaleStore   *store,
               gint64         household_id,
               gint64         person_id,
               const char    *role,
               GError       **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store,
                                            "INSERT INTO household_member (household_id, person_id, "
                                            "role, created_by, updated_by) VALUES (?, ?, ?, ?, ?) "
                                            "ON CONFLICT (person_id) DO UPDATE SET "
                                            "household_id = excluded.household_id, "
                                            "role = excluded.role, updated_by = excluded.updated_by",
                                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, role ? role : "other", -1, SQLITE_STATIC);
  escale_bind_text (stmt, 4, escale_store_get_user (store));
  escale_bind_text (stmt, 5, escale_store_get_user (store));
  return escale_store_step_done (store, stmt, error);
}

static gint64
create_household (EscaleStore  *store,
                  const char   *key,
                  GError      **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "INSERT INTO household (import_key, created_by, "
                                            "updated_by) VALUES (?, ?, ?) RETURNING id", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  escale_bind_text (stmt, 1, key);
  escale_bind_text (stmt, 2, escale_store_get_user (store));
  escale_bind_text (stmt, 3, escale_store_get_user (store));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    escale_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  return id;
}

/**
 * escale_store_household_find_key:
 * @key: a household key from an import
 *
 * Returns: the household that @key names, created when needed, or 0 on error
 */
gint64
escale_store_household_find_key (EscaleStore *store,
                                 const char  *key)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT id FROM household WHERE import_key = ?",
                                            NULL);
  gint64 id = 0;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id ? id : create_household (store, key, NULL);
}

static gboolean
household_add (EscaleStore   *store,
               gint64         person_id,
               gint64         member_id,
               const char    *role,
               GError       **error)
{
  gint64 household = household_of (store, person_id);
  gint64 previous = household_of (store, member_id);

  if (previous != 0 && previous != household && !leave_household (store, member_id, error))
    return FALSE;
  if (household == 0)
    {
      if ((household = create_household (store, NULL, error)) == 0 ||
          !insert_member (store, household, person_id, "head", error))
        return FALSE;
    }
  return insert_member (store, household, member_id, role, error);
}

/**
 * escale_store_household_add:
 *
 * Puts @member_id in the household of @person_id (a new one, with
 * @person_id as its head, when @person_id has none), leaving any household
 * @member_id was in.
 */
gboolean
escale_store_household_add (EscaleStore  *store,
                            gint64        person_id,
                            gint64        member_id,
                            const char   *role,
                            GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PERSON, error))
    return FALSE;
  if (person_id == member_id)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   "%s", _("A person cannot be added to their own household twice"));
      return FALSE;
    }
  if (!escale_store_begin (store, error))
    return FALSE;
  if (!household_add (store, person_id, member_id, role, error) ||
      !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/**
 * escale_store_household_join:
 * @household_id: a household, as escale_store_household_find_key() gives
 *
 * Puts @person_id in @household_id with @role, leaving any household the
 * person was in (which goes when it is left empty).
 */
gboolean
escale_store_household_join (EscaleStore  *store,
                             gint64        household_id,
                             gint64        person_id,
                             const char   *role,
                             GError      **error)
{
  gint64 previous;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PERSON, error))
    return FALSE;
  previous = household_of (store, person_id);
  if (!escale_store_begin (store, error))
    return FALSE;
  if (!insert_member (store, household_id, person_id, role, error) ||
      (previous != 0 && previous != household_id &&
       !escale_store_run_with_id (store, "DELETE FROM household WHERE id = ?1 AND NOT EXISTS "
                        "(SELECT 1 FROM household_member WHERE household_id = ?1) AND NOT EXISTS "
                        "(SELECT 1 FROM action WHERE household_id = ?1)",
                        previous, error)) ||
      !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
escale_store_household_remove (EscaleStore  *store,
                               gint64        member_id,
                               GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PERSON, error))
    return FALSE;
  if (!escale_store_begin (store, error))
    return FALSE;
  if (!leave_household (store, member_id, error) ||
      !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
escale_store_household_set_role (EscaleStore  *store,
                                 gint64        member_id,
                                 const char   *role,
                                 GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PERSON, error))
    return FALSE;
  if (!escale_vocab_has_code (store, ESCALE_VOCAB_HOUSEHOLD_ROLE, role))
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   _("Unknown household role “%s”"), role ? role : "");
      return FALSE;
    }
  stmt = escale_store_cached (store, "UPDATE household_member SET role = ?2, updated_by = ?3, "
                              "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                              "WHERE person_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 3, escale_store_get_user (store));
  return escale_store_step_done (store, stmt, error);
}

/* The search indexes */

#define TEXT_KEYS_SETTING "search.text_keys_version"

/* The fields the indexes are made of, from a row of (id, family_name,
 * given_names, file_number, phone, ...) and the person's other names. */
static EscalePerson *
read_indexed_person (EscaleStore  *store,
                     sqlite3_stmt *row)
{
  static const EscaleField fields[] = {
    ESCALE_FIELD_FAMILY_NAME, ESCALE_FIELD_GIVEN_NAMES, ESCALE_FIELD_FILE_NUMBER,
    ESCALE_FIELD_PHONE,
  };
  EscalePerson *person = escale_person_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  escale_person_set_id (person, sqlite3_column_int64 (row, 0));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    escale_person_set (person, fields[i], (const char *) sqlite3_column_text (row, i + 1));
  load_string_list (store, "SELECT name FROM person_name WHERE person_id = ? ORDER BY id",
                    escale_person_get_id (person), builder);
  names = g_strv_builder_end (builder);
  escale_person_set_other_names (person, (const char * const *) names);
  return person;
}

/* Writes the keys of the ordered indexes again when they changed; @row
 * holds the stored ones in columns 5 to 7. */
static gboolean
refresh_keys (EscaleStore   *store,
              EscalePerson  *person,
              sqlite3_stmt  *row,
              GError       **error)
{
  g_autofree char *sort_key = NULL, *given_key = NULL, *phone_key = NULL;
  sqlite3_stmt *stmt;

  build_keys (person, &sort_key, &given_key, &phone_key);
  if (g_strcmp0 (sort_key, (const char *) sqlite3_column_text (row, 5)) == 0 &&
      g_strcmp0 (given_key, (const char *) sqlite3_column_text (row, 6)) == 0 &&
      g_strcmp0 (phone_key, (const char *) sqlite3_column_text (row, 7)) == 0)
    return TRUE;
  stmt = escale_store_cached (store, "UPDATE person SET sort_key = ?, given_key = ?, "
                              "phone_key = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, given_key, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 3, phone_key);
  sqlite3_bind_int64 (stmt, 4, escale_person_get_id (person));
  return escale_store_step_done (store, stmt, error);
}

static gboolean
rebuild_person_index (EscaleStore  *store,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) people = NULL;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  if (!escale_store_exec (store, "DELETE FROM person_search; DELETE FROM person_trigram; "
                          "DELETE FROM person_skeleton;", error) ||
      !(people = escale_store_prepare (store, "SELECT id, family_name, given_names, file_number, "
                                       "phone, sort_key, given_key, phone_key FROM person",
                                       error)))
    return FALSE;
  while (ok && (rc = sqlite3_step (people)) == SQLITE_ROW)
    {
      g_autoptr(EscalePerson) person = read_indexed_person (store, people);

      ok = refresh_keys (store, person, people, error) &&
           write_person_index (store, person, error);
    }
  if (ok && rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      ok = FALSE;
    }
  /* Rows deleted and written again leave the full-text indexes in many
   * segments, slower to search: merge them. */
  return ok && escale_store_exec (store,
                                  "INSERT INTO person_search (person_search) VALUES ('optimize');"
                                  "INSERT INTO person_trigram (person_trigram) "
                                  "VALUES ('optimize');", error);
}

/**
 * escale_store_reindex_person:
 *
 * Computes the keys and search entries of the person @id again from what
 * is stored, after a write that bypassed escale_store_save_person() (the
 * anonymisation of escale-rights.c).
 */
gboolean
escale_store_reindex_person (EscaleStore  *store,
                             gint64        id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autoptr(EscalePerson) person = NULL;

  if (!(row = escale_store_prepare (store, "SELECT id, family_name, given_names, file_number, "
                                    "phone, sort_key, given_key, phone_key FROM person "
                                    "WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (row, 1, id);
  if (sqlite3_step (row) != SQLITE_ROW)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   "%s", _("This person's file no longer exists"));
      return FALSE;
    }
  person = read_indexed_person (store, row);
  return refresh_keys (store, person, row, error) && index_person (store, person, error);
}

/**
 * escale_store_refresh_person_index:
 *
 * The search tables (person_search, person_trigram, person_skeleton) and
 * the keys of the ordered indexes hold names as escale-text.c folds them.
 * When those rules changed since the database was indexed (the setting
 * "search.text_keys_version" is not ESCALE_TEXT_KEYS_VERSION), computes them all
 * again, in one transaction. The store calls it when it opens a database.
 */
gboolean
escale_store_refresh_person_index (EscaleStore  *store,
                                   GError      **error)
{
  g_autofree char *version = escale_store_get_setting (store, TEXT_KEYS_SETTING);

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (g_strcmp0 (version, G_STRINGIFY (ESCALE_TEXT_KEYS_VERSION)) == 0)
    return TRUE;
  if (!escale_store_begin_batch (store, error))
    return FALSE;
  if (rebuild_person_index (store, error) &&
      escale_store_set_setting (store, TEXT_KEYS_SETTING, G_STRINGIFY (ESCALE_TEXT_KEYS_VERSION),
                                error) &&
      escale_store_commit (store, error))
    return TRUE;
  escale_store_rollback (store);
  return FALSE;
}
