/* fuzz-search.c — fuzzing how a typed query becomes SQL and FTS5
 *
 * Whatever is typed, the search runs on a real database without an SQL or
 * FTS5 error, with or without a filter: each query it builds (FTS5 words,
 * trigrams, skeletons) is folded and quoted so that no input forms an
 * operator. The FTS5 query is also run on its own, and each person found
 * exists and is found only once. And a person whose other name is what
 * was typed (saved in a transaction rolled back) is found by typing it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-person-store.h"
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

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static GArray *
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
  return g_steal_pointer (&ids);
}

/* Someone whose other name is @query is found by it. */
static void
check_found_by_name (EscaleStore *store,
                     const char  *query)
{
  const char *names[] = { query, NULL };
  g_autoptr(EscalePerson) person = escale_person_new ();
  g_autofree char *folded = escale_text_fold (query);
  g_autoptr(GArray) ids = NULL;

  if (*folded == '\0' || strlen (query) > 200 || !g_utf8_validate (query, -1, NULL))
    return;
  escale_person_set (person, ESCALE_FIELD_FAMILY_NAME, "Zzyzx");
  escale_person_set (person, ESCALE_FIELD_GIVEN_NAMES, "Quentin");
  escale_person_set_other_names (person, names);
  FUZZ_CHECK (escale_store_begin (store, NULL));
  if (escale_store_save_person (store, person, NULL))
    {
      ids = search (store, query, NULL, 0);
      if (!contains (ids, escale_person_get_id (person)))
        g_printerr ("\"%s\" (folded \"%s\") does not find its own other name\n", query, folded);
      FUZZ_CHECK (contains (ids, escale_person_get_id (person)));
    }
  escale_store_rollback (store);
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

  g_array_unref (search (store, query, NULL, 0));
  g_array_unref (search (store, query, &filter, 0));
  g_array_unref (search (store, query, NULL, 2));
  match (store, query, TRUE);
  match (store, query, FALSE);
  check_found_by_name (store, query);
  return 0;
}
