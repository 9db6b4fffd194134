/* escale-partner-nearby.c — the partners nearest a position
 *
 * The directory holds hundreds of partners, not millions: the filtered
 * ones are read, measured and sorted in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "escale-geo.h"
#include "escale-partner-nearby.h"
#include "escale-store-private.h"

void
escale_nearby_partner_free (EscaleNearbyPartner *nearby)
{
  if (nearby == NULL)
    return;
  escale_partner_summary_free (nearby->summary);
  g_free (nearby);
}

static int
compare_distance (gconstpointer a,
                  gconstpointer b)
{
  const EscaleNearbyPartner *first = *(EscaleNearbyPartner * const *) a;
  const EscaleNearbyPartner *second = *(EscaleNearbyPartner * const *) b;

  if (first->km != second->km)
    return first->km < second->km ? -1 : 1;
  return g_utf8_collate (first->summary->name, second->summary->name);
}

/* Replaces the summary's free places, counted over all its services, by
 * those of its services of @theme. */
static gboolean
count_theme_places (EscaleStore           *store,
                    EscalePartnerSummary  *summary,
                    const char            *theme,
                    GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = escale_store_cached (store,
                              "SELECT sum (capacity_free), min (capacity_updated_at) "
                              "FROM partner_service WHERE partner_id = ? AND theme = ? "
                              "AND capacity_free IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, summary->id);
  sqlite3_bind_text (stmt, 2, theme, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      summary->free_places = sqlite3_column_type (stmt, 0) == SQLITE_NULL
                             ? ESCALE_PARTNER_UNSET : sqlite3_column_int64 (stmt, 0);
      g_free (summary->oldest_update);
      summary->oldest_update = escale_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      escale_store_set_sql_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* Takes the summaries that have a position out of @summaries, measured. */
static GPtrArray *
measure (GPtrArray *summaries,
         double     latitude,
         double     longitude)
{
  GPtrArray *nearby = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_nearby_partner_free);

  for (guint i = 0; i < summaries->len; i++)
    {
      EscalePartnerSummary *summary = g_ptr_array_index (summaries, i);
      EscaleNearbyPartner *partner;

      if (isnan (summary->latitude) || isnan (summary->longitude))
        continue;
      partner = g_new0 (EscaleNearbyPartner, 1);
      partner->km = escale_geo_distance_km (latitude, longitude,
                                            summary->latitude, summary->longitude);
      partner->summary = g_steal_pointer (&summaries->pdata[i]);
      g_ptr_array_add (nearby, partner);
    }
  return nearby;
}

/**
 * escale_store_list_partners_near:
 * @theme: (nullable): keep the partners with a service of this theme
 * @eligibility: (nullable): keep those with a service open to them
 * @limit: how many at most, 0 for all
 *
 * Returns: (transfer full) (element-type EscaleNearbyPartner) (nullable):
 *   the partners, nearest first; %NULL with @error set
 */
GPtrArray *
escale_store_list_partners_near (EscaleStore  *store,
                                 double        latitude,
                                 double        longitude,
                                 const char   *theme,
                                 const char   *eligibility,
                                 guint         limit,
                                 GError      **error)
{
  EscalePartnerFilter filter = { .theme = theme, .eligibility = eligibility };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) nearby = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (!isnan (latitude) && !isnan (longitude), NULL);

  if ((ids = escale_store_list_partners (store, &filter, error)) == NULL ||
      (summaries = escale_store_load_partner_summaries (store, (const gint64 *) ids->data,
                                                        ids->len, error)) == NULL)
    return NULL;
  nearby = measure (summaries, latitude, longitude);
  g_ptr_array_sort (nearby, compare_distance);
  if (limit > 0 && nearby->len > limit)
    g_ptr_array_set_size (nearby, limit);
  for (guint i = 0; theme != NULL && i < nearby->len; i++)
    {
      EscaleNearbyPartner *partner = g_ptr_array_index (nearby, i);

      if (!count_theme_places (store, partner->summary, theme, error))
        return NULL;
    }
  return g_steal_pointer (&nearby);
}
