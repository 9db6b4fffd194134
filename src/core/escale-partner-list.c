/* escale-partner-list.c — finding partners: filters, and their summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "escale-partner-hours.h"
#include "escale-partner-store-private.h"
#include "escale-partner-store.h"
#include "escale-store-private.h"
#include "escale-text.h"

/* Listing */

/* The conditions on one service, shared by the theme, eligibility and
 * free places filters: they must hold for the same service. */
static void
append_service_filter (GString                   *sql,
                       const EscalePartnerFilter *filter,
                       GPtrArray                 *params)
{
  if (filter->theme == NULL && filter->eligibility == NULL && !filter->has_free_places)
    return;
  g_string_append (sql, " AND EXISTS (SELECT 1 FROM partner_service s "
                   "WHERE s.partner_id = p.id");
  if (filter->theme != NULL)
    {
      g_ptr_array_add (params, (gpointer) filter->theme);
      g_string_append_printf (sql, " AND s.theme = ?%u", params->len);
    }
  if (filter->eligibility != NULL)
    {
      g_ptr_array_add (params, (gpointer) filter->eligibility);
      g_string_append_printf (sql, " AND (NOT EXISTS (SELECT 1 FROM partner_service_eligibility "
                              "e WHERE e.service_id = s.id) OR EXISTS (SELECT 1 FROM "
                              "partner_service_eligibility e WHERE e.service_id = s.id AND "
                              "e.eligibility IN (?%u, 'everyone')))", params->len);
    }
  if (filter->has_free_places)
    g_string_append (sql, " AND s.capacity_free > 0");
  g_string_append (sql, ")");
}

/* LIKE's wildcards typed in the search are letters like the others; NULL
 * when nothing is left to search for once folded. */
static char *
like_pattern (const char *text)
{
  g_autofree char *folded = escale_text_fold (text);
  GString *pattern;

  if (*folded == '\0')
    return NULL;
  pattern = g_string_new ("%");
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static char *
build_list_sql (const EscalePartnerFilter *filter,
                GPtrArray                 *params,
                char                     **pattern)
{
  GString *sql = g_string_new ("SELECT p.id FROM partner p WHERE 1");

  if (!filter->include_inactive)
    g_string_append (sql, " AND p.active");
  if (filter->kind != NULL)
    {
      g_ptr_array_add (params, (gpointer) filter->kind);
      g_string_append_printf (sql, " AND p.kind = ?%u", params->len);
    }
  if (filter->language != NULL)
    {
      g_ptr_array_add (params, (gpointer) filter->language);
      g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM partner_language l "
                              "WHERE l.partner_id = p.id AND l.language = ?%u)", params->len);
    }
  if (filter->text != NULL && (*pattern = like_pattern (filter->text)) != NULL)
    {
      g_ptr_array_add (params, *pattern);
      g_string_append_printf (sql, " AND p.search_key LIKE ?%u ESCAPE '\\'", params->len);
    }
  append_service_filter (sql, filter, params);
  g_string_append (sql, " ORDER BY p.search_key, p.name, p.id");
  return g_string_free (sql, FALSE);
}

static void
append_slot_row (sqlite3_stmt *stmt,
                 gpointer      slots)
{
  EscalePartnerHours slot = {
    (guint) sqlite3_column_int (stmt, 0),
    g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
    g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
  };

  g_array_append_val ((GArray *) slots, slot);
}

static void
append_closure_row (sqlite3_stmt *stmt,
                    gpointer      closures)
{
  EscalePartnerClosure closure = {
    g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
    g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
    NULL,
  };

  g_array_append_val ((GArray *) closures, closure);
}

/* Whether the partner @id passes the filters on its opening hours. */
static gboolean
check_hours (EscaleStore                *store,
             gint64                      id,
             const EscalePartnerFilter  *filter,
             gboolean                   *passes,
             GError                    **error)
{
  g_autoptr(EscalePartner) hours = escale_partner_new ();

  if (!escale_partner_read_rows (store, "SELECT weekday, opens, closes FROM partner_hours "
                  "WHERE partner_id = ?", id, append_slot_row, hours->hours, error) ||
      !escale_partner_read_rows (store, "SELECT from_date, to_date FROM partner_closure WHERE partner_id = ?",
                  id, append_closure_row, hours->closures, error))
    return FALSE;
  *passes = (filter->open_at == NULL ||
             escale_hours_is_open_at (hours->hours, hours->closures, filter->open_at)) &&
            (filter->open_on_day == 0 ||
             escale_hours_is_open_on_weekday (hours->hours, filter->open_on_day));
  return TRUE;
}

/**
 * escale_store_list_partners:
 * @filter: (nullable): what to keep; %NULL lists the active partners
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids of the
 *   partners that pass @filter, by name; %NULL with @error set
 */
GArray *
escale_store_list_partners (EscaleStore                *store,
                            const EscalePartnerFilter  *filter,
                            GError                    **error)
{
  static const EscalePartnerFilter none = { 0 };
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autofree char *pattern = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  filter = filter ? filter : &none;
  sql = build_list_sql (filter, params, &pattern);
  if (!(stmt = escale_store_prepare (store, sql, error)))
    return NULL;
  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (params, i), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean passes = TRUE;

      if ((filter->open_at != NULL || filter->open_on_day != 0) &&
          !check_hours (store, id, filter, &passes, error))
        return NULL;
      if (passes)
        g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Summaries */

EscalePartnerSummary *
escale_partner_summary_copy (const EscalePartnerSummary *summary)
{
  EscalePartnerSummary *copy = g_memdup2 (summary, sizeof *summary);

  copy->code = g_strdup (summary->code);
  copy->name = g_strdup (summary->name);
  copy->kind = g_strdup (summary->kind);
  copy->city = g_strdup (summary->city);
  copy->themes = g_strdupv (summary->themes);
  copy->oldest_update = g_strdup (summary->oldest_update);
  return copy;
}

void
escale_partner_summary_free (EscalePartnerSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->code);
  g_free (summary->name);
  g_free (summary->kind);
  g_free (summary->city);
  g_strfreev (summary->themes);
  g_free (summary->oldest_update);
  g_free (summary);
}

static EscalePartnerSummary *
read_summary (sqlite3_stmt *stmt)
{
  EscalePartnerSummary *summary = g_new0 (EscalePartnerSummary, 1);
  const char *themes = (const char *) sqlite3_column_text (stmt, 9);

  summary->id = sqlite3_column_int64 (stmt, 0);
  summary->code = escale_column_dup (stmt, 1);
  summary->name = escale_column_dup (stmt, 2);
  summary->kind = escale_column_dup (stmt, 3);
  summary->city = escale_column_dup (stmt, 4);
  summary->active = sqlite3_column_int (stmt, 5) != 0;
  summary->latitude = escale_partner_column_double (stmt, 6);
  summary->longitude = escale_partner_column_double (stmt, 7);
  summary->free_places = escale_partner_column_count (stmt, 8);
  summary->themes = themes ? g_strsplit (themes, "|", -1) : g_new0 (char *, 1);
  summary->oldest_update = escale_column_dup (stmt, 10);
  return summary;
}

/**
 * escale_store_load_partner_summaries:
 * @ids: (array length=n_ids): partner ids, from escale_store_list_partners()
 *
 * Returns: (transfer full) (element-type EscalePartnerSummary) (nullable):
 *   the summaries of the partners of @ids that still exist, in that order
 */
GPtrArray *
escale_store_load_partner_summaries (EscaleStore   *store,
                                     const gint64  *ids,
                                     guint          n_ids,
                                     GError       **error)
{
  g_autoptr(GPtrArray) summaries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) escale_partner_summary_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  stmt = escale_store_cached (store,
                              "SELECT p.id, p.code, p.name, p.kind, p.city, p.active, "
                              "p.latitude, p.longitude, "
                              "(SELECT sum (capacity_free) FROM partner_service "
                              " WHERE partner_id = p.id), "
                              "(SELECT group_concat (theme, '|') FROM (SELECT DISTINCT theme "
                              " FROM partner_service WHERE partner_id = p.id ORDER BY theme)), "
                              "(SELECT min (capacity_updated_at) FROM partner_service "
                              " WHERE partner_id = p.id AND capacity_free IS NOT NULL) "
                              "FROM partner p WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (summaries, read_summary (stmt));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          escale_store_set_sql_error (store, error);
          return NULL;
        }
    }
  return g_steal_pointer (&summaries);
}
