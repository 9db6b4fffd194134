/* escale-duplicates.c — people who may already have a file
 *
 * Names are compared by their consonant skeletons (escale-text.c), word by
 * word and in any order, so that Mohamed, Mohammed, Muhammad and محمد meet,
 * accents and the order of family and given names do not matter. Birth
 * dates must be compatible with the precision they are known to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-date.h"
#include "escale-person-store.h"
#include "escale-store-private.h"
#include "escale-text.h"

#define MAX_CANDIDATES 200
#define MIN_SCORE 0.5

static char *
names_of (const char         *family,
          const char         *given,
          const char * const *others)
{
  GString *all = g_string_new (family);

  g_string_append_printf (all, " %s", given ? given : "");
  for (guint i = 0; others != NULL && others[i] != NULL; i++)
    g_string_append_printf (all, " %s", others[i]);
  return g_string_free (all, FALSE);
}

/* How far apart two birth dates may be, in years, for their precisions. */
static int
tolerance_years (const char *precision)
{
  switch (escale_date_precision_from_code (precision))
    {
    case ESCALE_DATE_ESTIMATED:
      return 3;
    case ESCALE_DATE_YEAR:
    case ESCALE_DATE_MONTH:
      return 1;
    case ESCALE_DATE_EXACT:
    default:
      return 0;
    }
}

/* Returns a bonus in 0..0.3, or -1 when the dates cannot be the same person's. */
static double
birth_bonus (const char *a,
             const char *a_precision,
             const char *b,
             const char *b_precision)
{
  int tolerance = MAX (tolerance_years (a_precision), tolerance_years (b_precision));

  if (a == NULL || b == NULL)
    return 0;
  if (g_str_equal (a, b))
    return 0.3;
  /* Two exact dates that differ belong to two people, unless day and month
   * were swapped, a common slip: 03/04 for 04/03. */
  if (tolerance == 0)
    return strlen (a) == 10 && strlen (b) == 10 && strncmp (a, b, 4) == 0 &&
           a[5] == b[8] && a[6] == b[9] && a[8] == b[5] && a[9] == b[6] ? 0.1 : -1;
  return abs (atoi (a) - atoi (b)) <= tolerance ? 0.15 : -1;
}

static double
name_score (GStrv  mine,
            GStrv  theirs)
{
  guint shared = 0;
  guint most = MAX (g_strv_length (mine), g_strv_length (theirs));

  for (guint i = 0; mine[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) theirs, mine[i]))
      shared++;
  return most ? (double) shared / most : 0;
}

static char *
build_candidate_sql (guint n_skeletons)
{
  GString *sql = g_string_new ("SELECT p.id, p.file_number, p.family_name, p.given_names, "
                               "p.birth_date, p.birth_precision, "
                               "(SELECT group_concat (name, ' ') FROM person_name n "
                               " WHERE n.person_id = p.id) "
                               "FROM person p WHERE p.id IN (SELECT person_id FROM person_skeleton "
                               "WHERE skeleton IN (");

  for (guint i = 0; i < n_skeletons; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append_printf (sql, ") AND person_id <> ? GROUP BY person_id HAVING count(*) >= ? "
                          "ORDER BY count(*) DESC LIMIT %d)", MAX_CANDIDATES);
  return g_string_free (sql, FALSE);
}

static EscaleDuplicate *
score_candidate (sqlite3_stmt *stmt,
                 GStrv         mine,
                 EscalePerson *person)
{
  g_autofree char *names = names_of ((const char *) sqlite3_column_text (stmt, 2),
                                     (const char *) sqlite3_column_text (stmt, 3), NULL);
  g_autofree char *all = g_strdup_printf ("%s %s", names,
                                          sqlite3_column_text (stmt, 6) ?
                                          (const char *) sqlite3_column_text (stmt, 6) : "");
  g_auto(GStrv) theirs = escale_text_skeletons (all);
  double bonus = birth_bonus (escale_person_get (person, ESCALE_FIELD_BIRTH_DATE),
                              escale_person_get (person, ESCALE_FIELD_BIRTH_PRECISION),
                              (const char *) sqlite3_column_text (stmt, 4),
                              (const char *) sqlite3_column_text (stmt, 5));
  double score = name_score (mine, theirs) * 0.7 + bonus;
  EscaleDuplicate *duplicate;

  if (bonus < 0 || score < MIN_SCORE)
    return NULL;
  duplicate = g_new0 (EscaleDuplicate, 1);
  duplicate->id = sqlite3_column_int64 (stmt, 0);
  duplicate->file_number = escale_column_dup (stmt, 1);
  duplicate->family_name = escale_column_dup (stmt, 2);
  duplicate->given_names = escale_column_dup (stmt, 3);
  duplicate->birth_date = escale_column_dup (stmt, 4);
  duplicate->birth_precision = escale_column_dup (stmt, 5);
  duplicate->score = MIN (score, 1.0);
  return duplicate;
}

static int
compare_score (gconstpointer a,
               gconstpointer b)
{
  const EscaleDuplicate *da = *(EscaleDuplicate **) a, *db = *(EscaleDuplicate **) b;

  return (da->score < db->score) - (da->score > db->score);
}

/**
 * escale_store_find_duplicates:
 * @person: a person about to be created (or edited: it is not its own duplicate)
 *
 * Returns: (transfer full) (element-type EscaleDuplicate): the people most
 *   alike, best first, at most @limit
 */
GPtrArray *
escale_store_find_duplicates (EscaleStore  *store,
                              EscalePerson *person,
                              guint         limit)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_duplicate_free);
  g_autofree char *names = names_of (escale_person_get (person, ESCALE_FIELD_FAMILY_NAME),
                                     escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES),
                                     escale_person_get_other_names (person));
  g_auto(GStrv) mine = escale_text_skeletons (names);
  guint n = g_strv_length (mine);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), found);

  /* No GError here: a role that may not list people finds none. */
  if (n == 0 || !escale_store_require (store, ESCALE_OP_LIST_PEOPLE, NULL))
    return found;
  sql = build_candidate_sql (n);
  if (!(stmt = escale_store_prepare (store, sql, NULL)))
    return found;
  for (guint i = 0; i < n; i++)
    sqlite3_bind_text (stmt, i + 1, mine[i], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, n + 1, escale_person_get_id (person));
  sqlite3_bind_int (stmt, n + 2, MIN (n, 2));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EscaleDuplicate *duplicate = score_candidate (stmt, mine, person);
      if (duplicate != NULL)
        g_ptr_array_add (found, duplicate);
    }
  g_ptr_array_sort (found, compare_score);
  if (found->len > limit)
    g_ptr_array_set_size (found, limit);
  return found;
}
