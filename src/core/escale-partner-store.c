/* escale-partner-store.c — the partner directory: reading, writing, filtering
 *
 * A partner is validated and written whole in one transaction: its row,
 * phones, languages, hours, closures, contacts and services with their
 * eligibility. Contacts and services keep their ids (referrals point at
 * services). A capacity figure that changes is stamped with the time and
 * the user, unless the caller gave its own stamp (the demo data does).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-action-store.h"
#include "escale-iso.h"
#include "escale-partner-hours.h"
#include "escale-partner-store-private.h"
#include "escale-partner-store.h"
#include "escale-store-private.h"
#include "escale-text.h"
#include "escale-vocab.h"

#define PARTNER_MISSING _("This partner no longer exists")

G_DEFINE_BOXED_TYPE (EscalePartnerSummary, escale_partner_summary,
                     escale_partner_summary_copy, escale_partner_summary_free)

void
escale_partner_error_free (EscalePartnerError *error)
{
  g_free (error->message);
  g_free (error);
}

/* Writing */

static char *
make_search_key (EscalePartner *partner)
{
  g_autofree char *text = g_strjoin (" ", partner->name ? partner->name : "",
                                     partner->city ? partner->city : "",
                                     partner->postal_code ? partner->postal_code : "",
                                     partner->code ? partner->code : "", NULL);

  return escale_text_fold (text);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static void
bind_count (sqlite3_stmt *stmt,
            int           index,
            gint64        value)
{
  if (value == ESCALE_PARTNER_UNSET)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

/* Steps a statement that returns the row's id and uuid. */
static gboolean
step_returning (EscaleStore   *store,
                sqlite3_stmt  *stmt,
                gint64        *id,
                char         **uuid,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      g_free (*uuid);
      *uuid = escale_column_dup (stmt, 1);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE && *id != 0)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                         PARTNER_MISSING);
  else
    escale_store_set_sql_error (store, error);
  return FALSE;
}

static gboolean
write_partner_row (EscaleStore    *store,
                   EscalePartner  *partner,
                   const char     *now,
                   GError        **error)
{
  gboolean is_new = partner->id == 0;
  g_autofree char *search_key = make_search_key (partner);
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = escale_store_cached (store, is_new
                              ? "INSERT INTO partner (code, name, kind, address, postal_code, "
                                "city, latitude, longitude, position_source, email, website, "
                                "hours_note, notes, active, search_key, updated_at, updated_by, "
                                "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?16, ?17) "
                                "RETURNING id, uuid"
                              : "UPDATE partner SET code = ?1, name = ?2, kind = ?3, "
                                "address = ?4, postal_code = ?5, city = ?6, latitude = ?7, "
                                "longitude = ?8, position_source = ?9, email = ?10, "
                                "website = ?11, hours_note = ?12, notes = ?13, active = ?14, "
                                "search_key = ?15, updated_at = ?16, updated_by = ?17 "
                                "WHERE id = ?18 RETURNING id, uuid", error);
  if (stmt == NULL)
    return FALSE;
  escale_bind_text (stmt, 1, partner->code);
  escale_bind_text (stmt, 2, partner->name);
  escale_bind_text (stmt, 3, partner->kind);
  escale_bind_text (stmt, 4, partner->address);
  escale_bind_text (stmt, 5, partner->postal_code);
  escale_bind_text (stmt, 6, partner->city);
  bind_double (stmt, 7, partner->latitude);
  bind_double (stmt, 8, partner->longitude);
  escale_bind_text (stmt, 9, isnan (partner->latitude) ? NULL : partner->position_source);
  escale_bind_text (stmt, 10, partner->email);
  escale_bind_text (stmt, 11, partner->website);
  escale_bind_text (stmt, 12, partner->hours_note);
  escale_bind_text (stmt, 13, partner->notes);
  sqlite3_bind_int (stmt, 14, partner->active ? 1 : 0);
  sqlite3_bind_text (stmt, 15, search_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 17, escale_store_get_user (store));
  if (!is_new)
    sqlite3_bind_int64 (stmt, 18, partner->id);
  if (!step_returning (store, stmt, &id, &partner->uuid, error))
    return FALSE;
  partner->id = id;
  return TRUE;
}

static gboolean
clear_children (EscaleStore   *store,
                gint64         id,
                GError       **error)
{
  return escale_store_run_with_id (store, "DELETE FROM partner_phone WHERE partner_id = ?",
                                   id, error) &&
         escale_store_run_with_id (store, "DELETE FROM partner_language WHERE partner_id = ?",
                                   id, error) &&
         escale_store_run_with_id (store, "DELETE FROM partner_hours WHERE partner_id = ?",
                                   id, error) &&
         escale_store_run_with_id (store, "DELETE FROM partner_closure WHERE partner_id = ?",
                                   id, error);
}

static gboolean
write_phones_and_languages (EscaleStore    *store,
                            EscalePartner  *partner,
                            GError        **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = escale_store_cached (store, "INSERT INTO partner_phone (partner_id, phone, label) "
                                    "VALUES (?, ?, ?)", error)))
    return FALSE;
  for (guint i = 0; i < partner->phones->len; i++)
    {
      EscalePartnerPhone *phone = g_ptr_array_index (partner->phones, i);

      sqlite3_bind_int64 (stmt, 1, partner->id);
      escale_bind_text (stmt, 2, phone->phone);
      escale_bind_text (stmt, 3, phone->label);
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  if (!(stmt = escale_store_cached (store, "INSERT OR IGNORE INTO partner_language "
                                    "(partner_id, language) VALUES (?, ?)", error)))
    return FALSE;
  for (guint i = 0; partner->languages[i] != NULL; i++)
    {
      g_autofree char *code = escale_iso_language_normalize (partner->languages[i]);

      sqlite3_bind_int64 (stmt, 1, partner->id);
      sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_hours (EscaleStore    *store,
             EscalePartner  *partner,
             GError        **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = escale_store_cached (store, "INSERT INTO partner_hours (partner_id, weekday, "
                                    "opens, closes) VALUES (?, ?, ?, ?)", error)))
    return FALSE;
  for (guint i = 0; i < partner->hours->len; i++)
    {
      EscalePartnerHours *slot = &g_array_index (partner->hours, EscalePartnerHours, i);

      sqlite3_bind_int64 (stmt, 1, partner->id);
      sqlite3_bind_int (stmt, 2, (int) slot->weekday);
      sqlite3_bind_text (stmt, 3, slot->opens, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, slot->closes, -1, SQLITE_STATIC);
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  if (!(stmt = escale_store_cached (store, "INSERT INTO partner_closure (partner_id, from_date, "
                                    "to_date, reason) VALUES (?, ?, ?, ?)", error)))
    return FALSE;
  for (guint i = 0; i < partner->closures->len; i++)
    {
      EscalePartnerClosure *closure = &g_array_index (partner->closures, EscalePartnerClosure, i);

      sqlite3_bind_int64 (stmt, 1, partner->id);
      sqlite3_bind_text (stmt, 2, closure->from_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, closure->to_date, -1, SQLITE_STATIC);
      escale_bind_text (stmt, 4, closure->reason);
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Deletes the rows of @table of the partner whose ids are not in @kept. */
static gboolean
delete_others (EscaleStore  *store,
               const char   *table,
               gint64        partner_id,
               GString      *kept,
               GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE partner_id = ? AND id NOT IN "
                                          "(SELECT value FROM json_each (?))", table);
  sqlite3_stmt *stmt = escale_store_cached (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  g_string_append_c (kept, ']');
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, kept->str, -1, SQLITE_STATIC);
  return escale_store_step_done (store, stmt, error);
}

static void
keep_id (GString *kept,
         gint64   id)
{
  g_string_append_printf (kept, "%s%" G_GINT64_FORMAT, kept->len > 1 ? "," : "", id);
}

static gboolean
write_contacts (EscaleStore    *store,
                EscalePartner  *partner,
                const char     *now,
                GError        **error)
{
  g_autoptr(GString) kept = g_string_new ("[");

  for (guint i = 0; i < partner->contacts->len; i++)
    {
      EscalePartnerContact *contact = g_ptr_array_index (partner->contacts, i);
      gboolean is_new = contact->id == 0;
      sqlite3_stmt *stmt;
      gint64 id = 0;

      stmt = escale_store_cached (store, is_new
                                  ? "INSERT INTO partner_contact (partner_id, name, role, phone, "
                                    "email, updated_at, updated_by, created_at, created_by) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7) RETURNING id, uuid"
                                  : "UPDATE partner_contact SET name = ?2, role = ?3, phone = ?4, "
                                    "email = ?5, updated_at = ?6, updated_by = ?7 "
                                    "WHERE partner_id = ?1 AND id = ?8 RETURNING id, uuid", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, partner->id);
      escale_bind_text (stmt, 2, contact->name);
      escale_bind_text (stmt, 3, contact->role);
      escale_bind_text (stmt, 4, contact->phone);
      escale_bind_text (stmt, 5, contact->email);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
      escale_bind_text (stmt, 7, escale_store_get_user (store));
      if (!is_new)
        sqlite3_bind_int64 (stmt, 8, contact->id);
      if (!step_returning (store, stmt, &id, &contact->uuid, error))
        return FALSE;
      contact->id = id;
      keep_id (kept, id);
    }
  return delete_others (store, "partner_contact", partner->id, kept, error);
}

/* The stored figures of a service, to see whether they change. */
static void
read_stored_capacity (EscaleStore           *store,
                      EscalePartnerService  *service,
                      gint64                *total,
                      gint64                *free_places,
                      char                 **updated_at)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT capacity_total, capacity_free, "
                                            "capacity_updated_at FROM partner_service "
                                            "WHERE id = ?", NULL);

  *total = *free_places = ESCALE_PARTNER_UNSET;
  *updated_at = NULL;
  if (stmt == NULL || service->id == 0)
    return;
  sqlite3_bind_int64 (stmt, 1, service->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        *total = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        *free_places = sqlite3_column_int64 (stmt, 1);
      *updated_at = escale_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
}

/* A changed figure is stamped now by the user, unless the caller stamped
 * it differently from what is stored. */
static void
stamp_capacity (EscaleStore          *store,
                EscalePartnerService *service,
                const char           *now)
{
  g_autofree char *stored_at = NULL;
  gint64 total, free_places;

  read_stored_capacity (store, service, &total, &free_places, &stored_at);
  if (total == service->capacity_total && free_places == service->capacity_free)
    return;
  if (service->capacity_updated_at != NULL &&
      g_strcmp0 (service->capacity_updated_at, stored_at) != 0)
    return;
  g_free (service->capacity_updated_at);
  service->capacity_updated_at = g_strdup (now);
  g_free (service->capacity_updated_by);
  service->capacity_updated_by = g_strdup (escale_store_get_user (store));
}

static gboolean
write_eligibility (EscaleStore           *store,
                   EscalePartnerService  *service,
                   GError               **error)
{
  sqlite3_stmt *stmt;

  if (!escale_store_run_with_id (store, "DELETE FROM partner_service_eligibility "
                                 "WHERE service_id = ?", service->id, error) ||
      !(stmt = escale_store_cached (store, "INSERT OR IGNORE INTO partner_service_eligibility "
                                    "(service_id, eligibility) VALUES (?, ?)", error)))
    return FALSE;
  for (guint i = 0; service->eligibility[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, service->id);
      sqlite3_bind_text (stmt, 2, service->eligibility[i], -1, SQLITE_STATIC);
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_service (EscaleStore           *store,
               gint64                 partner_id,
               EscalePartnerService  *service,
               const char            *now,
               GError               **error)
{
  gboolean is_new = service->id == 0;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stamp_capacity (store, service, now);
  stmt = escale_store_cached (store, is_new
                              ? "INSERT INTO partner_service (partner_id, theme, description, "
                                "documents, capacity_total, capacity_free, capacity_updated_at, "
                                "capacity_updated_by, updated_at, updated_by, created_at, "
                                "created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                "?9, ?10) RETURNING id, uuid"
                              : "UPDATE partner_service SET theme = ?2, description = ?3, "
                                "documents = ?4, capacity_total = ?5, capacity_free = ?6, "
                                "capacity_updated_at = ?7, capacity_updated_by = ?8, "
                                "updated_at = ?9, updated_by = ?10 "
                                "WHERE partner_id = ?1 AND id = ?11 RETURNING id, uuid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  escale_bind_text (stmt, 2, service->theme);
  escale_bind_text (stmt, 3, service->description);
  escale_bind_text (stmt, 4, service->documents);
  bind_count (stmt, 5, service->capacity_total);
  bind_count (stmt, 6, service->capacity_free);
  escale_bind_text (stmt, 7, service->capacity_updated_at);
  escale_bind_text (stmt, 8, service->capacity_updated_by);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 10, escale_store_get_user (store));
  if (!is_new)
    sqlite3_bind_int64 (stmt, 11, service->id);
  if (!step_returning (store, stmt, &id, &service->uuid, error))
    return FALSE;
  service->id = id;
  return write_eligibility (store, service, error);
}

static gboolean
write_services (EscaleStore    *store,
                EscalePartner  *partner,
                const char     *now,
                GError        **error)
{
  g_autoptr(GString) kept = g_string_new ("[");

  for (guint i = 0; i < partner->services->len; i++)
    {
      EscalePartnerService *service = g_ptr_array_index (partner->services, i);

      if (!write_service (store, partner->id, service, now, error))
        return FALSE;
      keep_id (kept, service->id);
    }
  return delete_others (store, "partner_service", partner->id, kept, error);
}

static gboolean
write_partner (EscaleStore    *store,
               EscalePartner  *partner,
               GError        **error)
{
  g_autofree char *now = escale_store_now ();

  return write_partner_row (store, partner, now, error) &&
         clear_children (store, partner->id, error) &&
         write_phones_and_languages (store, partner, error) &&
         write_hours (store, partner, error) &&
         write_contacts (store, partner, now, error) &&
         write_services (store, partner, now, error);
}

/* The ids given by a failed save are forgotten: nothing was written. */
static void
restore_ids (EscalePartner *partner,
             EscalePartner *before)
{
  partner->id = before->id;
  for (guint i = 0; i < partner->contacts->len && i < before->contacts->len; i++)
    ((EscalePartnerContact *) g_ptr_array_index (partner->contacts, i))->id =
      ((EscalePartnerContact *) g_ptr_array_index (before->contacts, i))->id;
  for (guint i = 0; i < partner->services->len && i < before->services->len; i++)
    {
      EscalePartnerService *service = g_ptr_array_index (partner->services, i);
      EscalePartnerService *old = g_ptr_array_index (before->services, i);

      service->id = old->id;
      g_free (service->capacity_updated_at);
      service->capacity_updated_at = g_strdup (old->capacity_updated_at);
      g_free (service->capacity_updated_by);
      service->capacity_updated_by = g_strdup (old->capacity_updated_by);
    }
}

static gboolean
refuse_invalid (GPtrArray  *problems,
                GError    **error)
{
  if (problems->len == 0)
    return FALSE;
  g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                       ((EscalePartnerError *) g_ptr_array_index (problems, 0))->message);
  return TRUE;
}

/**
 * escale_store_save_partner:
 *
 * Validates and writes @partner whole, in one transaction. A new partner,
 * contact or service gets its id and uuid; a capacity figure that changed
 * gets capacity_updated_at and _by.
 */
gboolean
escale_store_save_partner (EscaleStore    *store,
                           EscalePartner  *partner,
                           GError        **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(EscalePartner) before = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (partner != NULL, FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PARTNER, error))
    return FALSE;
  problems = escale_store_validate_partner (store, partner);
  if (refuse_invalid (problems, error))
    return FALSE;
  before = escale_partner_copy (partner);
  if (!escale_store_begin (store, error))
    return FALSE;
  if (write_partner (store, partner, error) && escale_store_commit (store, error))
    return TRUE;
  escale_store_rollback (store);
  restore_ids (partner, before);
  return FALSE;
}

/* Reading */

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                       PARTNER_MISSING);
  return FALSE;
}

gint64
escale_partner_column_count (sqlite3_stmt *stmt,
                             int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? ESCALE_PARTNER_UNSET
                                                           : sqlite3_column_int64 (stmt, column);
}

double
escale_partner_column_double (sqlite3_stmt *stmt,
                              int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN
                                                           : sqlite3_column_double (stmt, column);
}

/* Runs @sql with the partner's id, calling @read on each row. */
gboolean
escale_partner_read_rows (EscaleStore    *store,
                          const char     *sql,
                          gint64          id,
                          void          (*read) (sqlite3_stmt *stmt, gpointer data),
                          gpointer        data,
                          GError        **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read (stmt, data);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  escale_store_set_sql_error (store, error);
  return FALSE;
}

static void
read_phone (sqlite3_stmt *stmt,
            gpointer      partner)
{
  escale_partner_add_phone (partner, (const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1));
}

static void
read_text (sqlite3_stmt *stmt,
           gpointer      builder)
{
  g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
}

static void
read_slot (sqlite3_stmt *stmt,
           gpointer      partner)
{
  escale_partner_add_hours (partner, (guint) sqlite3_column_int (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1),
                            (const char *) sqlite3_column_text (stmt, 2));
}

static void
read_closure (sqlite3_stmt *stmt,
              gpointer      partner)
{
  escale_partner_add_closure (partner, (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2));
}

static void
read_contact (sqlite3_stmt *stmt,
              gpointer      partner)
{
  EscalePartnerContact *contact =
    escale_partner_add_contact (partner, (const char *) sqlite3_column_text (stmt, 2),
                                (const char *) sqlite3_column_text (stmt, 3),
                                (const char *) sqlite3_column_text (stmt, 4),
                                (const char *) sqlite3_column_text (stmt, 5));

  contact->id = sqlite3_column_int64 (stmt, 0);
  contact->uuid = escale_column_dup (stmt, 1);
}

static void
read_service (sqlite3_stmt *stmt,
              gpointer      partner)
{
  EscalePartnerService *service =
    escale_partner_add_service (partner, (const char *) sqlite3_column_text (stmt, 2));

  service->id = sqlite3_column_int64 (stmt, 0);
  service->uuid = escale_column_dup (stmt, 1);
  service->description = escale_column_dup (stmt, 3);
  service->documents = escale_column_dup (stmt, 4);
  service->capacity_total = escale_partner_column_count (stmt, 5);
  service->capacity_free = escale_partner_column_count (stmt, 6);
  service->capacity_updated_at = escale_column_dup (stmt, 7);
  service->capacity_updated_by = escale_column_dup (stmt, 8);
}

static gboolean
load_eligibility (EscaleStore           *store,
                  EscalePartnerService  *service,
                  GError               **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!escale_partner_read_rows (store, "SELECT eligibility FROM partner_service_eligibility "
                  "WHERE service_id = ? ORDER BY eligibility", service->id, read_text,
                  builder, error))
    return FALSE;
  g_strfreev (service->eligibility);
  service->eligibility = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
load_children (EscaleStore    *store,
               EscalePartner  *partner,
               GError        **error)
{
  g_autoptr(GStrvBuilder) languages = g_strv_builder_new ();

  if (!escale_partner_read_rows (store, "SELECT phone, label FROM partner_phone WHERE partner_id = ? "
                  "ORDER BY id", partner->id, read_phone, partner, error) ||
      !escale_partner_read_rows (store, "SELECT language FROM partner_language WHERE partner_id = ? "
                  "ORDER BY language", partner->id, read_text, languages, error) ||
      !escale_partner_read_rows (store, "SELECT weekday, opens, closes FROM partner_hours WHERE partner_id = ? "
                  "ORDER BY weekday, opens", partner->id, read_slot, partner, error) ||
      !escale_partner_read_rows (store, "SELECT from_date, to_date, reason FROM partner_closure "
                  "WHERE partner_id = ? ORDER BY from_date", partner->id, read_closure, partner,
                  error) ||
      !escale_partner_read_rows (store, "SELECT id, uuid, name, role, phone, email FROM partner_contact "
                  "WHERE partner_id = ? ORDER BY id", partner->id, read_contact, partner, error) ||
      !escale_partner_read_rows (store, "SELECT id, uuid, theme, description, documents, capacity_total, "
                  "capacity_free, capacity_updated_at, capacity_updated_by FROM partner_service "
                  "WHERE partner_id = ? ORDER BY id", partner->id, read_service, partner, error))
    return FALSE;
  g_strfreev (partner->languages);
  partner->languages = g_strv_builder_end (languages);
  for (guint i = 0; i < partner->services->len; i++)
    if (!load_eligibility (store, g_ptr_array_index (partner->services, i), error))
      return FALSE;
  return TRUE;
}

static EscalePartner *
read_partner_row (sqlite3_stmt *stmt)
{
  EscalePartner *partner = escale_partner_new ();

  partner->id = sqlite3_column_int64 (stmt, 0);
  partner->uuid = escale_column_dup (stmt, 1);
  partner->code = escale_column_dup (stmt, 2);
  partner->name = escale_column_dup (stmt, 3);
  partner->kind = escale_column_dup (stmt, 4);
  partner->address = escale_column_dup (stmt, 5);
  partner->postal_code = escale_column_dup (stmt, 6);
  partner->city = escale_column_dup (stmt, 7);
  partner->latitude = escale_partner_column_double (stmt, 8);
  partner->longitude = escale_partner_column_double (stmt, 9);
  partner->position_source = escale_column_dup (stmt, 10);
  partner->email = escale_column_dup (stmt, 11);
  partner->website = escale_column_dup (stmt, 12);
  partner->hours_note = escale_column_dup (stmt, 13);
  partner->notes = escale_column_dup (stmt, 14);
  partner->active = sqlite3_column_int (stmt, 15) != 0;
  return partner;
}

/**
 * escale_store_load_partner:
 *
 * Returns: (transfer full) (nullable): the partner @id with everything it
 *   holds, or %NULL with @error set
 */
EscalePartner *
escale_store_load_partner (EscaleStore  *store,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(EscalePartner) partner = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!(stmt = escale_store_cached (store, "SELECT id, uuid, code, name, kind, address, "
                                    "postal_code, city, latitude, longitude, position_source, "
                                    "email, website, hours_note, notes, active FROM partner "
                                    "WHERE id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    partner = read_partner_row (stmt);
  else if (rc == SQLITE_DONE)
    not_found (error);
  else
    escale_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  if (partner == NULL || !load_children (store, partner, error))
    return NULL;
  return g_steal_pointer (&partner);
}

/**
 * escale_store_find_partner:
 *
 * Returns: the id of the partner whose code is @code, or 0
 */
gint64
escale_store_find_partner (EscaleStore *store,
                           const char  *code)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (ESCALE_IS_STORE (store), 0);

  if (code == NULL || !(stmt = escale_store_cached (store, "SELECT id FROM partner "
                                                    "WHERE code = ?", NULL)))
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* One statement that must change one row, in its own transaction. */

/**
 * escale_store_delete_partner:
 *
 * Deletes the partner @id with its phones, hours, contacts and services.
 * Actions and referrals that named it stay, without the link.
 */
gboolean
escale_store_delete_partner (EscaleStore  *store,
                             gint64        id,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PARTNER, error))
    return FALSE;
  stmt = escale_store_cached (store, "DELETE FROM partner WHERE id = ?", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return escale_store_write_one (store, stmt, PARTNER_MISSING, error);
}

/**
 * escale_store_set_partner_active:
 *
 * An inactive partner stays for the history but leaves the lists.
 */
gboolean
escale_store_set_partner_active (EscaleStore  *store,
                                 gint64        id,
                                 gboolean      active,
                                 GError      **error)
{
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PARTNER, error))
    return FALSE;
  stmt = escale_store_cached (store, "UPDATE partner SET active = ?, updated_at = ?, "
                              "updated_by = ? WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, active ? 1 : 0);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      escale_bind_text (stmt, 3, escale_store_get_user (store));
      sqlite3_bind_int64 (stmt, 4, id);
    }
  return escale_store_write_one (store, stmt, PARTNER_MISSING, error);
}

/**
 * escale_store_set_service_free_places:
 *
 * Records that the service @service_id has @free_places free places now,
 * as the store's user said: the figure is stamped with both.
 */
gboolean
escale_store_set_service_free_places (EscaleStore  *store,
                                      gint64        service_id,
                                      gint64        free_places,
                                      GError      **error)
{
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_PARTNER, error))
    return FALSE;
  if (free_places < 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                           _("A number of places cannot be negative"));
      return FALSE;
    }
  stmt = escale_store_cached (store, "SELECT capacity_total FROM partner_service WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, service_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                           _("This service no longer exists"));
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL &&
      free_places > sqlite3_column_int64 (stmt, 0))
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                           _("There cannot be more free places than places"));
      return FALSE;
    }
  sqlite3_reset (stmt);
  stmt = escale_store_cached (store, "UPDATE partner_service SET capacity_free = ?1, "
                              "capacity_updated_at = ?2, capacity_updated_by = ?3, "
                              "updated_at = ?2, updated_by = ?3 WHERE id = ?4", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, free_places);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      escale_bind_text (stmt, 3, escale_store_get_user (store));
      sqlite3_bind_int64 (stmt, 4, service_id);
    }
  return escale_store_write_one (store, stmt, PARTNER_MISSING, error);
}
