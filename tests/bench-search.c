/* bench-search.c — search-as-you-type latency on 100 000 and 10 000 people
 *
 * Generates (or reuses, cached in the build folder by size, seed, schema
 * version and a fingerprint of the generator's output) two demo databases, then types about forty real names, aliases
 * and file numbers prefix by prefix, as someone does in the search box.
 * Each prefix is searched three times: for the first page the list shows
 * (limit 50), for the first batch the People list computes while the user
 * waits (limit 1 024), and for the whole ranked list (no limit), which the
 * list computes in a worker thread. Prints median and p95 latencies and
 * checks the budgets:
 *
 *   - p95 of the first page and of the list's first batch under 16 ms on
 *     100 000 people;
 *   - median of the list's first batch (the search the People list waits
 *     for at each keystroke) on 100 000 people at most twice that on
 *     10 000: cost must not grow with the database. The first page's ratio
 *     is printed too; its medians are a few tens of microseconds, so that
 *     ratio is mostly noise.
 *
 * Options: --large N, --small N, --seed S, --regenerate, --encrypted (search
 * encrypted copies of the databases, made once, and print how long they
 * take to make and to open).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escale-crypt.h"
#include "escale-demo.h"
#include "escale-person-store.h"
#include "escale-search.h"
#include "escale-test-util.h"

#define FIRST_PAGE        50
#define LIST_BATCH        1024
#define BUDGET_P95_MS     16.0
#define BUDGET_RATIO      2.0
#define N_FAMILY_TERMS    12
#define N_GIVEN_TERMS     12
#define N_ALIAS_TERMS     6
#define N_NUMBER_TERMS    10
#define N_SLOWEST         8

static int large_size = 100000;
static int small_size = 10000;
static gint64 seed = 1;
static gboolean regenerate;
static gboolean encrypted;

#define BENCH_PASSPHRASE "bench passphrase"

typedef struct
{
  GArray *first_page;  /* double, ms, one per query */
  GArray *list_batch;
  GArray *full_list;
  GArray *full_counts; /* guint, how many people the full list held */
} Timings;

typedef struct
{
  char       *text;
  const char *kind;  /* family names, given names, other names, file numbers */
} Query;

static const char *const kinds[] = {
  "family names", "given names", "other names", "file numbers",
};

#define QUERY(queries, i) ((Query *) g_ptr_array_index ((queries), (i)))

static void
query_free (Query *query)
{
  g_free (query->text);
  g_free (query);
}

static Query *
query_new (const char *text,
           gsize       length,
           const char *kind)
{
  Query *query = g_new0 (Query, 1);

  query->text = g_strndup (text, length);
  query->kind = kind;
  return query;
}

/* Databases */

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data G_GNUC_UNUSED)
{
  g_printerr ("\r  … %u / %u", done, total);
}

/* What the generator makes of the seed today: a cached database made by an
 * older generator has another fingerprint. */
static char *
generator_fingerprint (void)
{
  g_autoptr(EscaleStore) store = escale_store_open (":memory:", NULL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (store);
  g_assert_true (escale_demo_generate (store, 50, (guint32) seed, NULL));
  ids = escale_store_search_people (store, NULL, NULL, 0, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EscalePerson) person = escale_store_load_person (store,
                                                                 g_array_index (ids, gint64, i),
                                                                 NULL);
      for (guint field = 0; field < ESCALE_N_FIELDS; field++)
        if (field != ESCALE_FIELD_FILE_NUMBER && !escale_field_is_date (field))
          g_string_append_printf (text, "%s|", escale_person_get (person, field) ?: "");
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, text->str, -1);
}

static char *
cache_path (int size)
{
  static char *fingerprint;
  const char *build = g_getenv ("ESCALE_BUILD_DIR");
  g_autofree char *name = NULL;

  if (fingerprint == NULL)
    fingerprint = generator_fingerprint ();
  name = g_strdup_printf ("demo-%d-seed%" G_GINT64_FORMAT "-v%d-%.8s.db", size, seed,
                          escale_store_get_latest_version (), fingerprint);

  return g_build_filename (build ? build : ".", "bench-cache", name, NULL);
}

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Opens the cached database of @size people, generating it when needed. */
static EscaleStore *
open_database (int size)
{
  g_autofree char *path = cache_path (size);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *seconds_path = g_strconcat (path, ".seconds", NULL);
  g_autofree char *seconds = NULL;
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (regenerate)
    remove_database (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      g_file_get_contents (seconds_path, &seconds, NULL, NULL))
    {
      printf ("  %d people: cached in %s (generated in %s s)\n", size, path, seconds);
      store = escale_store_open (path, &error);
      g_assert_no_error (error);
      return g_steal_pointer (&store);
    }

  printf ("  %d people: generating %s\n", size, path);
  fflush (stdout);
  remove_database (partial);
  store = escale_store_open (partial, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  escale_demo_generate_full (store, (guint) size, (guint32) seed,
                             isatty (STDERR_FILENO) ? on_progress : NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  seconds = g_strdup_printf ("%.1f", (g_get_monotonic_time () - start) / 1e6);
  if (isatty (STDERR_FILENO))
    g_printerr ("\n");
  printf ("  %d people: demo generation took %s s\n", size, seconds);
  g_clear_object (&store);

  /* Only a complete database takes the cached name. */
  remove_database (path);
  g_assert_cmpint (g_rename (partial, path), ==, 0);
  g_assert_true (g_file_set_contents (seconds_path, seconds, -1, NULL));
  store = escale_store_open (path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* Opens an encrypted copy of the database of @size people, made once. */
static EscaleStore *
open_encrypted_copy (int size)
{
  g_autofree char *path = cache_path (size);
  g_autofree char *copy = g_strconcat (path, ".encrypted", NULL);
  g_autofree char *partial = g_strconcat (copy, ".partial", NULL);
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (regenerate)
    remove_database (copy);
  if (!g_file_test (copy, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) from = g_file_new_for_path (path);
      g_autoptr(GFile) to = g_file_new_for_path (partial);

      g_clear_object (&store);
      store = open_database (size);
      g_clear_object (&store);
      remove_database (partial);
      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      escale_crypt_encrypt_file (partial, BENCH_PASSPHRASE, &error);
      g_assert_no_error (error);
      printf ("  %d people: encrypted in %.1f s\n", size,
              (g_get_monotonic_time () - start) / 1e6);
      g_assert_cmpint (g_rename (partial, copy), ==, 0);
    }
  escale_crypt_forget (NULL);
  start = g_get_monotonic_time ();
  store = escale_store_open_encrypted (copy, BENCH_PASSPHRASE, &error);
  g_assert_no_error (error);
  printf ("  %d people: encrypted copy %s opened in %.2f s (Argon2id included)\n", size, copy,
          (g_get_monotonic_time () - start) / 1e6);
  return g_steal_pointer (&store);
}

/* Queries */

/* Adds the first word of @text, as typed ("Mohamed" of "Mohamed Amine").
 * Returns: 1 when it was new, else 0 */
static guint
add_term (GPtrArray  *terms,
          const char *text,
          const char *kind)
{
  g_auto(GStrv) words = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  words = g_strsplit (text, " ", 2);
  for (guint i = 0; i < terms->len; i++)
    if (g_str_equal (QUERY (terms, i)->text, words[0]))
      return 0;
  g_ptr_array_add (terms, query_new (words[0], strlen (words[0]), kind));
  return 1;
}

/* About forty real names, aliases and file numbers of @store's people. */
static GPtrArray *
pick_terms (EscaleStore *store)
{
  g_autoptr(GArray) everyone = escale_store_search_people (store, NULL, NULL, 0, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) seed);
  GPtrArray *terms = g_ptr_array_new_with_free_func ((GDestroyNotify) query_free);
  guint family = 0, given = 0, alias = 0, number = 0;

  g_assert_nonnull (everyone);
  for (guint tries = 0; tries < 100000; tries++)
    {
      gint64 id = g_array_index (everyone, gint64,
                                 g_rand_int_range (rand, 0, (gint32) everyone->len));
      g_autoptr(EscalePerson) person = escale_store_load_person (store, id, NULL);
      const char *other = escale_person_get_other_names (person)[0];

      if (family < N_FAMILY_TERMS)
        family += add_term (terms, escale_person_get (person, ESCALE_FIELD_FAMILY_NAME),
                            kinds[0]);
      if (given < N_GIVEN_TERMS)
        given += add_term (terms, escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES),
                           kinds[1]);
      if (alias < N_ALIAS_TERMS && other != NULL && !g_str_is_ascii (other))
        alias += add_term (terms, other, kinds[2]);
      if (number < N_NUMBER_TERMS)
        number += add_term (terms, escale_person_get (person, ESCALE_FIELD_FILE_NUMBER),
                            kinds[3]);
      if (family + given + alias + number ==
          N_FAMILY_TERMS + N_GIVEN_TERMS + N_ALIAS_TERMS + N_NUMBER_TERMS)
        break;
    }
  return terms;
}

/* Every prefix of every term, one character more each time. */
static GPtrArray *
build_queries (GPtrArray *terms)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func ((GDestroyNotify) query_free);

  for (guint i = 0; i < terms->len; i++)
    {
      const Query *term = QUERY (terms, i);

      for (const char *end = g_utf8_next_char (term->text); ; end = g_utf8_next_char (end))
        {
          g_ptr_array_add (queries, query_new (term->text, end - term->text, term->kind));
          if (*end == '\0')
            break;
        }
    }
  return queries;
}

/* Measures */

static double
time_search (EscaleStore *store,
             const char  *query,
             guint        limit,
             guint       *n_found)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GArray) ids = escale_store_search_people (store, query, NULL, limit, &error);
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  g_assert_no_error (error);
  if (n_found != NULL)
    *n_found = ids->len;
  return ms;
}

static Timings *
run_queries (EscaleStore *store,
             GPtrArray   *queries)
{
  Timings *timings = g_new0 (Timings, 1);

  timings->first_page = g_array_new (FALSE, FALSE, sizeof (double));
  timings->list_batch = g_array_new (FALSE, FALSE, sizeof (double));
  timings->full_list = g_array_new (FALSE, FALSE, sizeof (double));
  timings->full_counts = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Once to warm the caches, as a database in use is. */
  for (guint i = 0; i < queries->len; i++)
    time_search (store, QUERY (queries, i)->text, FIRST_PAGE, NULL);

  for (guint i = 0; i < queries->len; i++)
    {
      const char *query = QUERY (queries, i)->text;
      double first = time_search (store, query, FIRST_PAGE, NULL);
      double batch = time_search (store, query, LIST_BATCH, NULL);
      guint count = 0;
      double full = time_search (store, query, 0, &count);

      g_array_append_val (timings->first_page, first);
      g_array_append_val (timings->list_batch, batch);
      g_array_append_val (timings->full_list, full);
      g_array_append_val (timings->full_counts, count);
    }
  return timings;
}

static void
timings_free (Timings *timings)
{
  g_array_unref (timings->first_page);
  g_array_unref (timings->list_batch);
  g_array_unref (timings->full_list);
  g_array_unref (timings->full_counts);
  g_free (timings);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Timings, timings_free)

/* The @percent percentile (nearest rank) of @values. */
static double
percentile (GArray *values,
            double  percent)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (double), values->len);
  guint rank;

  if (values->len == 0)
    return 0;
  g_array_append_vals (sorted, values->data, values->len);
  g_array_sort (sorted, escale_test_compare_doubles);
  rank = (guint) (percent / 100.0 * sorted->len + 0.999999);
  return g_array_index (sorted, double, CLAMP (rank, 1, sorted->len) - 1);
}

static void
print_subset (const char *label,
              GArray     *values,
              GPtrArray  *queries,
              GArray     *indices)
{
  g_autoptr(GArray) subset = g_array_new (FALSE, FALSE, sizeof (double));
  const char *slowest = "";
  double max = -1;

  for (guint i = 0; i < indices->len; i++)
    {
      guint q = g_array_index (indices, guint, i);
      double value = g_array_index (values, double, q);

      g_array_append_val (subset, value);
      if (value > max)
        max = value, slowest = QUERY (queries, q)->text;
    }
  printf ("      %-14s %3u queries, median %7.2f ms, p95 %7.2f ms, max %7.2f ms (“%s”)\n",
          label, subset->len, percentile (subset, 50), percentile (subset, 95), MAX (max, 0),
          slowest);
}

/* By length of what was typed (1, 2, 3, 4 and more characters), then by
 * kind of term. */
static void
print_breakdown (GArray    *values,
                 GPtrArray *queries)
{
  for (guint length = 1; length <= 4; length++)
    {
      g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree char *label = g_strdup_printf ("%u%s char%s:", length, length == 4 ? "+" : "",
                                                length == 1 ? "" : "s");

      for (guint i = 0; i < queries->len; i++)
        {
          glong n = g_utf8_strlen (QUERY (queries, i)->text, -1);
          if (n == length || (length == 4 && n > 4))
            g_array_append_val (indices, i);
        }
      print_subset (label, values, queries, indices);
    }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree char *label = g_strdup_printf ("%s:", kinds[k]);

      for (guint i = 0; i < queries->len; i++)
        if (QUERY (queries, i)->kind == kinds[k])
          g_array_append_val (indices, i);
      print_subset (label, values, queries, indices);
    }
}

static int
compare_by_value (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GArray *values = user_data;

  /* Slowest first. */
  return escale_test_compare_doubles (&g_array_index (values, double, *(const guint *) b),
                                      &g_array_index (values, double, *(const guint *) a));
}

static void
print_slowest (GArray    *values,
               GArray    *counts,
               GPtrArray *queries)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < values->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_by_value, values);
  for (guint i = 0; i < MIN (N_SLOWEST, order->len); i++)
    {
      guint q = g_array_index (order, guint, i);

      printf ("      %7.2f ms  “%s”", g_array_index (values, double, q),
              QUERY (queries, q)->text);
      if (counts != NULL)
        printf (" (%u people)", g_array_index (counts, guint, q));
      printf ("\n");
    }
}

static void
print_timings (const char *title,
               Timings    *timings,
               GPtrArray  *queries)
{
  printf ("\n%s — %u queries\n", title, queries->len);
  printf ("  first page (limit %d): median %.2f ms, p95 %.2f ms, max %.2f ms\n", FIRST_PAGE,
          percentile (timings->first_page, 50), percentile (timings->first_page, 95),
          percentile (timings->first_page, 100));
  print_breakdown (timings->first_page, queries);
  printf ("    slowest:\n");
  print_slowest (timings->first_page, NULL, queries);
  printf ("  list's first batch (limit %d): median %.2f ms, p95 %.2f ms, max %.2f ms\n",
          LIST_BATCH, percentile (timings->list_batch, 50), percentile (timings->list_batch, 95),
          percentile (timings->list_batch, 100));
  print_breakdown (timings->list_batch, queries);
  printf ("  full ranked list (no limit, in a worker thread): median %.2f ms, p95 %.2f ms, max %.2f ms\n",
          percentile (timings->full_list, 50), percentile (timings->full_list, 95),
          percentile (timings->full_list, 100));
  print_breakdown (timings->full_list, queries);
  printf ("    slowest:\n");
  print_slowest (timings->full_list, timings->full_counts, queries);
}

static gboolean
check_budget (const char *what,
              double      value,
              double      budget,
              const char *unit)
{
  gboolean pass = value <= budget;

  printf ("%s: %s = %.2f%s (budget ≤ %.2f%s)\n", pass ? "PASS" : "FAIL", what, value, unit,
          budget, unit);
  return pass;
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "large", 0, 0, G_OPTION_ARG_INT, &large_size, "People in the large database", "N" },
    { "small", 0, 0, G_OPTION_ARG_INT, &small_size, "People in the small database", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the demo data", "S" },
    { "regenerate", 0, 0, G_OPTION_ARG_NONE, &regenerate, "Ignore cached databases", NULL },
    { "encrypted", 0, 0, G_OPTION_ARG_NONE, &encrypted, "Search encrypted copies", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— search latency benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStore) large = NULL, small = NULL;
  g_autoptr(GPtrArray) terms = NULL, queries = NULL;
  g_autoptr(Timings) large_timings = NULL, small_timings = NULL;
  g_autofree char *large_title = NULL, *small_title = NULL;
  double ratio, batch_ratio, full_ratio;
  gboolean pass = TRUE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || large_size <= 0 ||
      small_size <= 0)
    {
      g_printerr ("%s\n", error ? error->message : "Sizes must be above 0");
      return 2;
    }

  printf ("Demo databases (seed %" G_GINT64_FORMAT ")\n", seed);
  large = encrypted ? open_encrypted_copy (large_size) : open_database (large_size);
  small = encrypted ? open_encrypted_copy (small_size) : open_database (small_size);

  terms = pick_terms (large);
  queries = build_queries (terms);
  printf ("\n%u terms typed prefix by prefix:", terms->len);
  for (guint i = 0; i < terms->len; i++)
    printf ("%s %s", i ? "," : "", QUERY (terms, i)->text);
  printf ("\n");

  large_timings = run_queries (large, queries);
  small_timings = run_queries (small, queries);
  large_title = g_strdup_printf ("%d people", large_size);
  small_title = g_strdup_printf ("%d people", small_size);
  print_timings (large_title, large_timings, queries);
  print_timings (small_title, small_timings, queries);

  ratio = percentile (large_timings->first_page, 50) /
          MAX (percentile (small_timings->first_page, 50), 0.001);
  batch_ratio = percentile (large_timings->list_batch, 50) /
                MAX (percentile (small_timings->list_batch, 50), 0.001);
  full_ratio = percentile (large_timings->full_list, 50) /
               MAX (percentile (small_timings->full_list, 50), 0.001);
  printf ("\nRatio of medians %d / %d: first page %.2f, list's first batch %.2f, "
          "full list %.2f\n\n", large_size, small_size, ratio, batch_ratio, full_ratio);

  pass &= check_budget ("p95 of the first page on the large database",
                        percentile (large_timings->first_page, 95), BUDGET_P95_MS, " ms");
  pass &= check_budget ("p95 of the list's first batch on the large database",
                        percentile (large_timings->list_batch, 95), BUDGET_P95_MS, " ms");
  pass &= check_budget ("ratio of the list's first-batch medians, large / small", batch_ratio,
                        BUDGET_RATIO, "");
  if (queries->len < 200)
    {
      printf ("FAIL: only %u queries, at least 200 are needed\n", queries->len);
      pass = FALSE;
    }
  return pass ? EXIT_SUCCESS : EXIT_FAILURE;
}
