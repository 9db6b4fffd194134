/* escale-search.c — finding people
 *
 * One box finds people by family name, given names, other names in any
 * script, file number and phone. Results come in tiers, without repeats:
 *
 *   1. a file number, then a phone number (national form), starting with
 *      what was typed, in their order;
 *   2. the folded "family given" name, then the "given family" name,
 *      starting with what was typed, alphabetically;
 *   3. every word typed starts a word of a name, alias, file number or phone
 *      (FTS5 prefix query on our folded text), alphabetically;
 *   4. every word of three letters or more appears inside one (trigram
 *      index), alphabetically;
 *   5. every word is another spelling of a word of a name or alias: the
 *      same consonant skeleton (escale_text_skeleton()), so that Muhammad
 *      and محمد find Mohamed, ዮናስ finds Yonas, Oleksandr finds Олександр;
 *      the last word may be the start of one. In the order of the
 *      skeleton index, so that this tier too stops at the limit.
 *
 * The tiers of 1 and 2 read an index in order and stop at the limit, so the
 * first page costs the same on 1 000 or 100 000 people; tiers 3 to 5 are
 * only reached when the others did not fill it. Whatever is typed is folded
 * and quoted before it reaches FTS5: no input can form an operator or a
 * syntax error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-account.h"
#include "escale-search.h"
#include "escale-store-private.h"
#include "escale-text.h"

EscalePersonFilter *
escale_person_filter_copy (const EscalePersonFilter *filter)
{
  EscalePersonFilter *copy = g_new0 (EscalePersonFilter, 1);

  if (filter != NULL)
    {
      copy->status = g_strdup (filter->status);
      copy->referent = g_strdup (filter->referent);
      copy->state = filter->state;
    }
  return copy;
}

void
escale_person_filter_free (EscalePersonFilter *filter)
{
  g_free (filter->status);
  g_free (filter->referent);
  g_free (filter);
}

gboolean
escale_person_filter_equal (const EscalePersonFilter *a,
                            const EscalePersonFilter *b)
{
  static const EscalePersonFilter none = { NULL, NULL, ESCALE_FILES_ALL };

  a = a ? a : &none;
  b = b ? b : &none;
  return g_strcmp0 (a->status, b->status) == 0 && g_strcmp0 (a->referent, b->referent) == 0 &&
         a->state == b->state;
}

/* The filter part of every query: parameters ?101 (status), ?102 (referent). */
static const char *
filter_sql (const EscalePersonFilter *filter)
{
  static const char *const states[] = {
    "", " AND p.closed_on IS NULL", " AND p.closed_on IS NOT NULL",
  };
  static char *cache[2][2][3];
  static gsize once;
  gboolean status = filter && filter->status;
  gboolean referent = filter && filter->referent;
  int state = filter ? filter->state : ESCALE_FILES_ALL;

  if (g_once_init_enter (&once))
    {
      for (int s = 0; s < 2; s++)
        for (int r = 0; r < 2; r++)
          for (int t = 0; t < 3; t++)
            cache[s][r][t] = g_strdup_printf ("%s%s%s",
                                              s ? " AND p.id IN (SELECT person_id FROM "
                                                  "person_current WHERE status = ?101)" : "",
                                              r ? " AND p.referent = ?102" : "",
                                              states[t]);
      g_once_init_leave (&once, 1);
    }
  return cache[status][referent][state];
}

static void
bind_filter (sqlite3_stmt             *stmt,
             const EscalePersonFilter *filter)
{
  if (filter && filter->status)
    sqlite3_bind_text (stmt, 101, filter->status, -1, SQLITE_TRANSIENT);
  if (filter && filter->referent)
    sqlite3_bind_text (stmt, 102, filter->referent, -1, SQLITE_TRANSIENT);
}

typedef struct
{
  GArray     *ids;
  GHashTable *seen;
  guint       limit;  /* 0: no limit */
} Results;

static gboolean
results_full (Results *results)
{
  return results->limit > 0 && results->ids->len >= results->limit;
}

/* Runs one tier: @sql has ?1 and ?2 for its own text, ?3 for the limit,
 * and the filter's parameters. */
static gboolean
run_query (EscaleStore               *store,
           const char                *sql,
           const char                *a,
           const char                *b,
           const EscalePersonFilter  *filter,
           Results                   *results,
           GError                   **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (a == NULL || results_full (results))
    return TRUE;
  if (!(stmt = escale_store_cached (store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, results->limit ? (gint64) results->limit + results->ids->len : -1);
  bind_filter (stmt, filter);
  while (!results_full (results) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_add (results->seen, g_memdup2 (&id, sizeof id)))
        g_array_append_val (results->ids, id);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Runs a tier whose %s is where the filter goes, on person "p". */
static gboolean
run_tier (EscaleStore               *store,
          const char                *tier_sql,
          const char                *a,
          const char                *b,
          const EscalePersonFilter  *filter,
          Results                   *results,
          GError                   **error)
{
  g_autofree char *sql = g_strdup_printf (tier_sql, filter_sql (filter));

  return run_query (store, sql, a, b, filter, results, error);
}

/* Tier 5, on the skeleton index alone: its rows are read in the index's
 * order and the person's row only when a filter needs it. The other
 * terms than the first are checked for each row found by the first. */
static gboolean
run_skeleton_tier (EscaleStore               *store,
                   const char                *skeletons,
                   const EscalePersonFilter  *filter,
                   Results                   *results,
                   GError                   **error)
{
  const char *where = filter_sql (filter);
  g_autofree char *person = *where ? g_strdup_printf (" AND EXISTS (SELECT 1 FROM person p "
                                                      "WHERE p.id = s.person_id%s)", where)
                                   : NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT s.person_id FROM person_skeleton s "
                                          "WHERE s.skeleton BETWEEN ?1 ->> '$[0][0]' "
                                          "AND ?1 ->> '$[0][1]' "
                                          "AND (json_array_length (?1) = 1 OR NOT EXISTS "
                                          "(SELECT 1 FROM json_each (?1) w WHERE w.key > 0 "
                                          "AND NOT EXISTS (SELECT 1 FROM person_skeleton o "
                                          "WHERE o.person_id = s.person_id "
                                          "AND o.skeleton BETWEEN w.value ->> 0 "
                                          "AND w.value ->> 1)))%s "
                                          "ORDER BY s.skeleton, s.person_id LIMIT ?3",
                                          person ? person : "");

  return run_query (store, sql, skeletons, NULL, filter, results, error);
}

static char *
prefix_upper_bound (const char *prefix)
{
  /* U+10FFFF sorts after every character of a folded name. */
  return g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
}

/* A phone number is typed with spaces, dots or dashes, and with +33 or
 * 0033 for a leading 0: look it up by its national digits. */
static char *
phone_query (const char *query)
{
  if (query == NULL || query[strspn (query, "0123456789 .-+/()")] != '\0')
    return NULL;
  return escale_text_phone_key (query);
}

/**
 * escale_store_search_people:
 * @query: (nullable): what was typed; empty or %NULL lists everyone
 * @filter: (nullable): which files
 * @limit: how many ids at most, 0 for all
 *
 * Returns: (transfer full) (element-type gint64): the ids of the people
 *   found, best first; %NULL only on a database error
 */
GArray *
escale_store_search_people (EscaleStore               *store,
                            const char                *query,
                            const EscalePersonFilter  *filter,
                            guint                      limit,
                            GError                   **error)
{
  g_autofree char *folded = escale_text_fold (query);
  g_autofree char *upper = prefix_upper_bound (folded);
  g_autofree char *number = g_strstrip (g_strdup (query ? query : ""));
  g_autofree char *number_upper = prefix_upper_bound (number);
  g_autofree char *phone = phone_query (query);
  g_autofree char *phone_upper = phone ? prefix_upper_bound (phone) : NULL;
  g_autofree char *words = escale_text_fts_query (query, TRUE);
  g_autofree char *trigrams = escale_text_trigram_query (query);
  g_autofree char *skeletons = escale_text_skeleton_query (query, TRUE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Results results = { g_array_new (FALSE, FALSE, sizeof (gint64)), seen, limit };

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_LIST_PEOPLE, error))
    goto failed;
  if (*folded == '\0')
    {
      if (query != NULL && *query != '\0' && strspn (query, " \t") != strlen (query))
        return results.ids; /* only punctuation or symbols: nothing to find */
      if (!run_tier (store, "SELECT p.id FROM person p WHERE ?1 IS NOT NULL%s "
                     "ORDER BY p.sort_key, p.id LIMIT ?3", "", NULL, filter, &results, error))
        goto failed;
      return results.ids;
    }

  /* The ordered tiers first: each reads an index in order and stops at the limit. */
  if ((g_ascii_isdigit (*number) &&
       !run_tier (store, "SELECT p.id FROM person p WHERE p.file_number >= ?1 "
                  "AND p.file_number < ?2%s ORDER BY p.file_number LIMIT ?3",
                  number, number_upper, filter, &results, error)) ||
      !run_tier (store, "SELECT p.id FROM person p WHERE p.phone_key >= ?1 "
                 "AND p.phone_key < ?2%s ORDER BY p.phone_key, p.id LIMIT ?3",
                 phone, phone_upper, filter, &results, error) ||
      !run_tier (store, "SELECT p.id FROM person p WHERE p.sort_key >= ?1 AND p.sort_key < ?2%s "
                 "ORDER BY p.sort_key, p.id LIMIT ?3", folded, upper, filter, &results, error) ||
      !run_tier (store, "SELECT p.id FROM person p WHERE p.given_key >= ?1 "
                 "AND p.given_key < ?2%s ORDER BY p.given_key, p.id LIMIT ?3",
                 folded, upper, filter, &results, error) ||
      !run_tier (store, "SELECT p.id FROM person_search s JOIN person p ON p.id = s.rowid "
                 "WHERE person_search MATCH ?1%s ORDER BY p.sort_key, p.id LIMIT ?3",
                 words, NULL, filter, &results, error) ||
      !run_tier (store, "SELECT p.id FROM person_trigram t JOIN person p ON p.id = t.rowid "
                 "WHERE t.text LIKE '%%' || (?1 ->> 0) || '%%' AND NOT EXISTS "
                 "(SELECT 1 FROM json_each (?1) w WHERE instr (t.text, w.value) = 0)%s "
                 "ORDER BY p.sort_key, p.id LIMIT ?3",
                 trigrams, NULL, filter, &results, error) ||
      !run_skeleton_tier (store, skeletons, filter, &results, error))
    goto failed;
  return results.ids;

failed:
  g_array_unref (results.ids);
  return NULL;
}
