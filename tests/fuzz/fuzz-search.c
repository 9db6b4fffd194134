/* fuzz-search.c — fuzzing how a typed query becomes SQL and FTS5
 *
 * Whatever is typed, the search runs on a real database without an SQL or
 * FTS5 error, with or without a filter: each query it builds (FTS5 words,
 * trigrams, skeletons) is folded and quoted so that no input forms an
 * operator. The FTS5 query is also run on its own, and each person found
 * exists and is found only once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-search.h"
#include "escale-store-private.h"
#include "escale-text.h"
#include "fuzz-util.h"

static void
check_results (EscaleStore *store,
               GArray      *ids)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;

  stmt = escale_store_cached (store, "SELECT 1 FROM person WHERE id = ?", NULL);
  FUZZ_CHECK (stmt != NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *id = &g_array_index (ids, gint64, i);

      FUZZ_CHECK (g_hash_table_add (seen, id));
      sqlite3_bind_int64 (stmt, 1, *id);
      FUZZ_CHECK (sqlite3_step (stmt) == SQLITE_ROW);
      sqlite3_reset (stmt);
    }
}

static void
search (EscaleStore              *store,
        const char               *query,
        const EscalePersonFilter *filter,
        guint                     limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = escale_store_search_people (store, query, filter, limit, &error);

  if (error != NULL)
    g_printerr ("search for \"%s\": %s\n", query, error->message);
  FUZZ_CHECK (ids != NULL && error == NULL);
  FUZZ_CHECK (limit == 0 || ids->len <= limit);
  check_results (store, ids);
}

/* The FTS5 query alone, exact and as prefixes. */
static void
match (EscaleStore *store,
       const char  *query,
       gboolean     prefix)
{
  g_autofree char *words = escale_text_fts_query (query, prefix);
  sqlite3_stmt *stmt;
  int rc;

  if (words == NULL)
    return;
  stmt = escale_store_cached (store, "SELECT rowid FROM person_search "
                                     "WHERE person_search MATCH ?", NULL);
  FUZZ_CHECK (stmt != NULL);
  sqlite3_bind_text (stmt, 1, words, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    g_printerr ("MATCH '%s': %s\n", words, sqlite3_errmsg (escale_store_get_db (store)));
  sqlite3_reset (stmt);
  FUZZ_CHECK (rc == SQLITE_DONE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const EscalePersonFilter filter = { "refugee", "Claire", ESCALE_FILES_OPEN };
  EscaleStore *store = fuzz_store ();
  g_autofree char *query = fuzz_string (data, size);

  search (store, query, NULL, 0);
  search (store, query, &filter, 0);
  search (store, query, NULL, 2);
  match (store, query, TRUE);
  match (store, query, FALSE);
  return 0;
}
