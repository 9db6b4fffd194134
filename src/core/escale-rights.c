/* escale-rights.c — consent records and the retention of files
 *
 * Erasure and anonymisation live in escale-rights-erase.c, the export of
 * everything about a person in escale-rights-export.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-date.h"
#include "escale-iso.h"
#include "escale-rights-private.h"
#include "escale-store-private.h"

#define RETENTION_SETTING "retention.months"

/* Consent records */

EscaleConsent *
escale_consent_new (gint64      person_id,
                    const char *given_on)
{
  EscaleConsent *consent = g_new0 (EscaleConsent, 1);

  consent->person_id = person_id;
  consent->given_on = g_strdup (given_on);
  return consent;
}

void
escale_consent_free (EscaleConsent *consent)
{
  if (consent == NULL)
    return;
  g_free (consent->given_on);
  g_free (consent->informed_how);
  g_free (consent->language);
  g_free (consent->withdrawn_on);
  g_free (consent);
}

gboolean
escale_rights_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A date that exists, written YYYY-MM-DD; NULL with @error if not. */
static GDate *
parse_date (const char  *iso,
            GError     **error)
{
  GDate *date = iso && strlen (iso) == 10 ? escale_date_to_gdate (iso) : NULL;

  if (date == NULL)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                         _("This date does not exist"));
  return date;
}

/* A date that exists and is not after today. */
static gboolean
check_past_date (const char  *iso,
                 GError     **error)
{
  g_autoptr(GDate) date = parse_date (iso, error);
  g_autofree char *today = escale_date_today ();

  if (date == NULL)
    return FALSE;
  if (strcmp (iso, today) > 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                           _("This date is in the future"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_language (const char *code)
{
  g_autofree char *canonical = escale_iso_language_normalize (code);

  return canonical != NULL;
}

static EscaleConsentField
refuse (EscaleConsentField   field,
        GError             **error,
        const char          *message)
{
  g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID, message);
  return field;
}

/**
 * escale_consent_check:
 *
 * Returns: the field of the first problem, or %ESCALE_CONSENT_FIELD_NONE
 */
EscaleConsentField
escale_consent_check (const EscaleConsent  *consent,
                      GError              **error)
{
  g_return_val_if_fail (consent != NULL, ESCALE_CONSENT_FIELD_NONE);

  if (escale_rights_is_blank (consent->given_on))
    return refuse (ESCALE_CONSENT_FIELD_GIVEN_ON, error, _("Say when the consent was given"));
  if (!check_past_date (consent->given_on, error))
    return ESCALE_CONSENT_FIELD_GIVEN_ON;
  if (!consent->follow_up && !consent->sharing && !consent->phone_contact)
    return refuse (ESCALE_CONSENT_FIELD_SCOPE, error,
                   _("Tick at least one thing the person consents to"));
  if (!escale_rights_is_blank (consent->language) && !is_language (consent->language))
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   _("“%s” is not an ISO 639 language code"), consent->language);
      return ESCALE_CONSENT_FIELD_LANGUAGE;
    }
  if (escale_rights_is_blank (consent->withdrawn_on))
    return ESCALE_CONSENT_FIELD_NONE;
  if (!check_past_date (consent->withdrawn_on, error))
    return ESCALE_CONSENT_FIELD_WITHDRAWN_ON;
  if (strcmp (consent->withdrawn_on, consent->given_on) < 0)
    return refuse (ESCALE_CONSENT_FIELD_WITHDRAWN_ON, error,
                   _("The consent cannot be withdrawn before it was given"));
  return ESCALE_CONSENT_FIELD_NONE;
}

static gboolean
write_consent (EscaleStore    *store,
               EscaleConsent  *consent,
               const char     *language,
               GError        **error)
{
  static const char insert_sql[] =
    "INSERT INTO consent_record (person_id, given_on, follow_up, sharing, phone_contact, "
    "informed_how, language, withdrawn_on, created_by, updated_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) RETURNING id";
  static const char update_sql[] =
    "UPDATE consent_record SET given_on = ?2, follow_up = ?3, sharing = ?4, "
    "phone_contact = ?5, informed_how = ?6, language = ?7, withdrawn_on = ?8, updated_by = ?9, "
    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
    "WHERE id = ?10 AND person_id = ?1 RETURNING id";
  sqlite3_stmt *stmt = escale_store_cached (store, consent->id ? update_sql : insert_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, consent->person_id);
  sqlite3_bind_text (stmt, 2, consent->given_on, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, consent->follow_up != FALSE);
  sqlite3_bind_int (stmt, 4, consent->sharing != FALSE);
  sqlite3_bind_int (stmt, 5, consent->phone_contact != FALSE);
  escale_bind_text (stmt, 6, consent->informed_how);
  escale_bind_text (stmt, 7, language);
  escale_bind_text (stmt, 8, consent->withdrawn_on);
  escale_bind_text (stmt, 9, escale_store_get_user (store));
  if (consent->id != 0)
    sqlite3_bind_int64 (stmt, 10, consent->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    consent->id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                         _("This consent record no longer exists"));
  else
    escale_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/**
 * escale_store_save_consent:
 *
 * Checks @consent (escale_consent_check()) and saves it, creating it when
 * its id is 0 (the id is then set). The language is kept as its canonical
 * ISO 639 code.
 */
gboolean
escale_store_save_consent (EscaleStore    *store,
                           EscaleConsent  *consent,
                           GError        **error)
{
  g_autofree char *language = NULL;
  gint64 id;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (consent != NULL, FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_ACTION, error) ||
      escale_consent_check (consent, error) != ESCALE_CONSENT_FIELD_NONE ||
      !escale_rights_person_exists (store, consent->person_id, error))
    return FALSE;
  if (!escale_rights_is_blank (consent->language))
    language = escale_iso_language_normalize (consent->language);

  id = consent->id;
  if (!escale_store_begin (store, error))
    return FALSE;
  if (!write_consent (store, consent, language, error) || !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      consent->id = id;
      return FALSE;
    }
  return TRUE;
}

static gpointer
read_consent (sqlite3_stmt *stmt,
              gpointer      data G_GNUC_UNUSED)
{
  EscaleConsent *consent = escale_consent_new (sqlite3_column_int64 (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2));

  consent->id = sqlite3_column_int64 (stmt, 0);
  consent->follow_up = sqlite3_column_int (stmt, 3);
  consent->sharing = sqlite3_column_int (stmt, 4);
  consent->phone_contact = sqlite3_column_int (stmt, 5);
  consent->informed_how = escale_column_dup (stmt, 6);
  consent->language = escale_column_dup (stmt, 7);
  consent->withdrawn_on = escale_column_dup (stmt, 8);
  return consent;
}

/**
 * escale_store_list_consents:
 *
 * Needs READ_PERSON.
 *
 * Returns: (transfer full) (element-type EscaleConsent): newest first
 */
GPtrArray *
escale_store_list_consents (EscaleStore  *store,
                            gint64        person_id,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_READ_PERSON, error))
    return NULL;
  stmt = escale_store_cached (store, "SELECT id, person_id, given_on, follow_up, sharing, "
                              "phone_contact, informed_how, language, withdrawn_on "
                              "FROM consent_record WHERE person_id = ? "
                              "ORDER BY given_on DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return escale_store_collect_rows (store, stmt, read_consent, NULL,
                                    (GDestroyNotify) escale_consent_free, error);
}

gboolean
escale_rights_person_exists (EscaleStore  *store,
                             gint64        person_id,
                             GError      **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT 1 FROM person WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                         _("This person's file no longer exists"));
  else
    escale_store_set_sql_error (store, error);
  return FALSE;
}

/* Retention */

guint
escale_store_get_retention_months (EscaleStore *store)
{
  g_autofree char *value = NULL;
  guint64 months;

  g_return_val_if_fail (ESCALE_IS_STORE (store), ESCALE_RETENTION_MONTHS_DEFAULT);

  value = escale_store_get_setting (store, RETENTION_SETTING);
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, ESCALE_RETENTION_MONTHS_MAX,
                                                    &months, NULL))
    return ESCALE_RETENTION_MONTHS_DEFAULT;
  return months;
}

gboolean
escale_store_set_retention_months (EscaleStore  *store,
                                   guint         months,
                                   GError      **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_SETTINGS, error))
    return FALSE;
  if (months < 1 || months > ESCALE_RETENTION_MONTHS_MAX)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   /* Translators: %d is the longest retention accepted, 240 */
                   _("The retention must be from 1 to %d months"), ESCALE_RETENTION_MONTHS_MAX);
      return FALSE;
    }
  value = g_strdup_printf ("%u", months);
  return escale_store_set_setting (store, RETENTION_SETTING, value, error);
}

/* @today minus @months months, clamped to the end of a shorter month. */
static char *
retention_cutoff (const char  *today,
                  guint        months,
                  GError     **error)
{
  g_autoptr(GDate) date = parse_date (today, error);
  char buffer[16];

  if (date == NULL)
    return NULL;
  g_date_subtract_months (date, months);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

/**
 * escale_store_list_retention:
 * @today: YYYY-MM-DD
 * @limit: the most ids returned
 * @total: (out) (optional): how many files there are to review
 *
 * A file is to review when it is not anonymised and its silent_since (the
 * last contact, or the day it was created: see migration 3) is before
 * @today minus @months months.
 *
 * Returns: (transfer full) (element-type gint64): the first @limit of them
 */
GArray *
escale_store_list_retention (EscaleStore  *store,
                             guint         months,
                             const char   *today,
                             guint         limit,
                             guint        *total,
                             GError      **error)
{
  g_autofree char *cutoff = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint count = 0;
  int rc;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_ERASE, error) ||
      !(cutoff = retention_cutoff (today, months, error)) ||
      !(stmt = escale_store_cached (store, "SELECT id FROM person WHERE anonymised_on IS NULL "
                                    "AND coalesce (silent_since, date (created_at, 'localtime')) < ? "
                                    "ORDER BY silent_since, id", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (count++ < limit)
        g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      return NULL;
    }
  if (total != NULL)
    *total = count;
  return g_steal_pointer (&ids);
}
