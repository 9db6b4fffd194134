/* test-search.c — finding people with the one search box
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-person-store.h"
#include "escale-search.h"
#include "escale-store-private.h"
#include "escale-test-util.h"
#include "escale-text.h"

typedef struct
{
  EscaleStore *store;
  gint64       helene;
  gint64       benali;
  gint64       haddad;
  gint64       yonas;
  gint64       olena;
  gint64       martin;
  gint64       martine;
  gint64       closed;
  gint64       ndiaye;
} Fixture;

static gint64
add_person (EscaleStore        *store,
            const char         *family,
            const char         *given,
            const char * const *others,
            const char         *phone,
            const char         *referent,
            const char         *status)
{
  g_autoptr(EscalePerson) person = escale_test_person (family, given, NULL);
  g_autoptr(GError) error = NULL;

  if (others != NULL)
    escale_person_set_other_names (person, others);
  escale_person_set (person, ESCALE_FIELD_PHONE, phone);
  escale_person_set (person, ESCALE_FIELD_REFERENT, referent);
  if (status != NULL)
    g_ptr_array_add (escale_person_get_status_periods (person),
                     escale_status_period_new (status, "2020-01-01", NULL, NULL, NULL));
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return escale_person_get_id (person);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  const char *haddad_names[] = { "محمد حداد", NULL };
  const char *yonas_names[] = { "ዮናስ ተስፋይ", NULL };
  const char *olena_names[] = { "Олена Коваленко", NULL };
  g_autoptr(GError) error = NULL;

  f->store = escale_test_store_new ();
  f->helene = add_person (f->store, "Dupont", "Hélène", NULL, "06 12 34 56 78", "Claire",
                          "refugee");
  f->benali = add_person (f->store, "BENALI", "Karim", NULL, "+33 7 98 76 54 32", "Claire",
                          "asylum_seeker");
  f->haddad = add_person (f->store, "Haddad", "Mohamed", haddad_names, NULL, "Paul",
                          "asylum_seeker");
  f->yonas = add_person (f->store, "Tesfay", "Yonas", yonas_names, NULL, "Paul", NULL);
  f->olena = add_person (f->store, "Kovalenko", "Olena", olena_names, "+380 44 123 4567", NULL,
                         "temporary_protection");
  f->martin = add_person (f->store, "Martin", "Paul", NULL, NULL, NULL, NULL);
  f->martine = add_person (f->store, "Albert", "Martine", NULL, NULL, NULL, NULL);
  f->closed = add_person (f->store, "Martinez", "Lucia", NULL, NULL, "Claire", "refugee");
  f->ndiaye = add_person (f->store, "N'Diaye", "Awa", NULL, NULL, NULL, NULL);
  g_assert_true (escale_store_close_person (f->store, f->closed, "2023-01-01", "Moved", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->store);
}

static GArray *
search (Fixture                  *f,
        const char               *query,
        const EscalePersonFilter *filter,
        guint                     limit)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = escale_store_search_people (f->store, query, filter, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
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

static void
assert_finds (Fixture    *f,
              const char *query,
              gint64      id)
{
  g_autoptr(GArray) ids = search (f, query, NULL, 0);

  g_test_message ("“%s” finds %" G_GINT64_FORMAT " among %u", query, id, ids->len);
  g_assert_true (contains (ids, id));
}

static void
assert_finds_only (Fixture    *f,
                   const char *query,
                   gint64      id)
{
  g_autoptr(GArray) ids = search (f, query, NULL, 0);

  g_test_message ("“%s” finds only %" G_GINT64_FORMAT " (%u found)", query, id, ids->len);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
}

static void
assert_finds_nothing (Fixture    *f,
                      const char *query)
{
  g_autoptr(GArray) ids = search (f, query, NULL, 0);

  g_test_message ("“%s” finds nobody", query);
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_accents_and_case (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  assert_finds_only (f, "helene", f->helene);
  assert_finds_only (f, "Hélène", f->helene);
  assert_finds_only (f, "HELENE", f->helene);
  assert_finds_only (f, "HÉLÈNE", f->helene);
  assert_finds_only (f, "hélene dupont", f->helene);
  assert_finds_only (f, "dupont helene", f->helene);
  assert_finds_only (f, "benali", f->benali);
  assert_finds_only (f, "Benali", f->benali);
  assert_finds_only (f, "ndiaye", f->ndiaye);
  assert_finds_only (f, "N'Diaye", f->ndiaye);
  assert_finds_only (f, "N’diaye", f->ndiaye);
}

static void
test_prefix_typing (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  const char *typed = "Hélène Dupont";

  /* Every prefix of what is typed, letter by letter, still finds her. */
  for (const char *p = g_utf8_next_char (typed); ; p = g_utf8_next_char (p))
    {
      g_autofree char *prefix = g_strndup (typed, p - typed);

      assert_finds (f, prefix, f->helene);
      if (*p == '\0')
        break;
    }
  assert_finds_only (f, "hél", f->helene);
  assert_finds_only (f, "dup hel", f->helene);
  assert_finds_only (f, "kar ben", f->benali);
}

static void
test_in_word (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  assert_finds_only (f, "nali", f->benali);
  assert_finds_only (f, "NALI", f->benali);
  assert_finds_only (f, "enal", f->benali);
  assert_finds_only (f, "upon", f->helene);
  assert_finds_only (f, "lène", f->helene);
  assert_finds_only (f, "valenk", f->olena);
  assert_finds_only (f, "nali karim", f->benali);
  assert_finds_nothing (f, "nali olena");
  assert_finds_nothing (f, "zzzz");
}

static void
test_scripts (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  /* Other names are found in their own script... */
  assert_finds_only (f, "محمد", f->haddad);
  assert_finds_only (f, "مُحَمَّد", f->haddad);
  assert_finds_only (f, "حداد", f->haddad);
  assert_finds_only (f, "ዮናስ", f->yonas);
  assert_finds_only (f, "ተስፋይ", f->yonas);
  assert_finds_only (f, "Олена", f->olena);
  assert_finds_only (f, "олена", f->olena);
  assert_finds_only (f, "ОЛЕНА", f->olena);
  assert_finds_only (f, "Коваленко", f->olena);
  assert_finds_only (f, "Ковал", f->olena);
  /* ... and by their transliteration. */
  assert_finds (f, "mhmd", f->haddad);
  assert_finds (f, "yonas", f->yonas);
  assert_finds (f, "olena", f->olena);
  /* A name typed in another script finds the Latin one stored. */
  assert_finds_only (f, "كريم", f->benali);
  assert_finds_only (f, "كريم بنعلي", f->benali);
  assert_finds_only (f, "Хелена Дюпон", f->helene);
}

/* The same name spelt several ways, in several scripts: typing any one
 * finds them all, and nobody else. */
static void
test_spellings (void)
{
  static const struct
  {
    const char *family;
    const char *given;
  } groups[][4] = {
    { { "Benali", "Mohamed" }, { "Karimi", "Mohammed" }, { "Osman", "Muhammad" },
      { "حداد", "محمد" } },
    { { "Tesfay", "Yonas" }, { "Haile", "Yonass" }, { "ተስፋይ", "ዮናስ" } },
    { { "Kovalenko", "Oleksandr" }, { "Шевченко", "Олександр" }, { "Petrov", "Aleksandr" },
      { "Dubois", "Alexandre" } },
  };
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 ids[G_N_ELEMENTS (groups)][4] = { { 0 } };

  escale_test_add_person (store, "Dupont", "Hélène", NULL);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; i < 4 && groups[g][i].family != NULL; i++)
      ids[g][i] = escale_test_add_person (store, groups[g][i].family, groups[g][i].given, NULL);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; i < 4 && groups[g][i].family != NULL; i++)
      for (guint limit = 0; limit <= 50; limit += 50)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GArray) found = escale_store_search_people (store, groups[g][i].given, NULL,
                                                                limit, &error);
          guint n = 0;

          g_assert_no_error (error);
          g_test_message ("“%s” (limit %u) finds %u people", groups[g][i].given, limit,
                          found->len);
          for (guint j = 0; j < 4 && groups[g][j].family != NULL; j++, n++)
            g_assert_true (contains (found, ids[g][j]));
          g_assert_cmpuint (found->len, ==, n);
        }
}

/* A database indexed by older rules is indexed again when opened. */
static void
test_reindex (void)
{
  g_autofree char *path = escale_test_tmp_path ("reindex.db");
  g_autoptr(GError) error = NULL;
  gint64 id;

  {
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);
    g_autoptr(GArray) found = NULL;

    g_assert_no_error (error);
    id = escale_test_add_person (store, "Haddad", "Mohamed", NULL);
    escale_test_exec_printf (store,
                             "UPDATE setting SET value = '1' "
                             "WHERE key = 'search.text_keys_version';"
                             "DELETE FROM person_search; DELETE FROM person_trigram;"
                             "UPDATE person_skeleton SET skeleton = 'zz' || skeleton;"
                             "UPDATE person SET sort_key = 'x', given_key = 'x'");
    found = escale_store_search_people (store, "Muhammad", NULL, 0, &error);
    g_assert_cmpuint (found->len, ==, 0);
  }
  {
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);
    g_autofree char *version = NULL;
    const char *const queries[] = { "Muhammad", "محمد", "haddad", "mohamed haddad", "addad" };

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(GArray) found = escale_store_search_people (store, queries[i], NULL, 1,
                                                              &error);

        g_test_message ("“%s” after reopening", queries[i]);
        g_assert_no_error (error);
        g_assert_cmpuint (found->len, ==, 1);
        g_assert_cmpint (g_array_index (found, gint64, 0), ==, id);
      }
    version = escale_store_get_setting (store, "search.text_keys_version");
    g_assert_cmpstr (version, ==, G_STRINGIFY (ESCALE_TEXT_KEYS_VERSION));
    {
      g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, "SELECT sort_key, given_key, "
                                                           "(SELECT count(*) FROM person_skeleton "
                                                           "WHERE skeleton LIKE 'zz%') "
                                                           "FROM person", NULL);

      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "haddad mohamed");
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "mohamed haddad");
      g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 0);
    }
  }
}

static void
test_numbers (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscalePerson) person = escale_store_load_person (f->store, f->benali, NULL);
  const char *number = escale_person_get (person, ESCALE_FIELD_FILE_NUMBER);
  g_autofree char *digits = NULL;
  g_autofree char *end = NULL;

  g_assert_nonnull (number);
  assert_finds_only (f, number, f->benali);
  digits = g_strdup_printf ("%.4s%s", number, number + 5);
  assert_finds_only (f, digits, f->benali);
  end = g_strdup_printf ("%.6s", number);
  assert_finds (f, end, f->benali);

  /* A phone number in any of the ways it is written. */
  assert_finds_only (f, "06 12 34 56 78", f->helene);
  assert_finds_only (f, "0612345678", f->helene);
  assert_finds_only (f, "06.12.34.56.78", f->helene);
  assert_finds_only (f, "06-12-34-56-78", f->helene);
  assert_finds_only (f, "+33 6 12 34 56 78", f->helene);
  assert_finds_only (f, "+33612345678", f->helene);
  assert_finds_only (f, "06 12 34", f->helene);
  assert_finds_only (f, "+33 7 98 76 54 32", f->benali);
  /* The short prefixes typed on the way there. */
  assert_finds_only (f, "+33 6", f->helene);
  assert_finds_only (f, "0033 7 9", f->benali);
  assert_finds_only (f, "07", f->benali);
  assert_finds_only (f, "07 98 76 54 32", f->benali);
  assert_finds_only (f, "0798", f->benali);
  assert_finds_only (f, "+380 44 123 4567", f->olena);
  assert_finds_only (f, "380441234567", f->olena);
  assert_finds_nothing (f, "06 99 99 99 99");
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GArray) ids = search (f, "mart", NULL, 0);

  /* Family names starting with it first, alphabetically; then given names. */
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->martin);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, f->closed);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, f->martine);

  {
    g_autoptr(GArray) paul = search (f, "paul", NULL, 0);
    /* Paul is a given name; nobody's family name starts with it. */
    g_assert_cmpuint (paul->len, ==, 1);
    g_assert_cmpint (g_array_index (paul, gint64, 0), ==, f->martin);
  }
  {
    g_autoptr(GArray) ali = search (f, "ali", NULL, 0);
    /* Found inside a word only. */
    g_assert_cmpuint (ali->len, ==, 1);
    g_assert_cmpint (g_array_index (ali, gint64, 0), ==, f->benali);
  }
}

static void
test_list_everyone (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GArray) all = search (f, NULL, NULL, 0);
  g_autoptr(GArray) empty = search (f, "", NULL, 0);
  g_autoptr(GArray) spaces = search (f, "   ", NULL, 0);

  g_assert_cmpuint (all->len, ==, 9);
  g_assert_cmpuint (empty->len, ==, 9);
  g_assert_cmpuint (spaces->len, ==, 9);
  /* Alphabetical by family then given names. */
  g_assert_cmpint (g_array_index (all, gint64, 0), ==, f->martine);  /* Albert */
  g_assert_cmpint (g_array_index (all, gint64, 1), ==, f->benali);
  g_assert_cmpint (g_array_index (all, gint64, 2), ==, f->helene);
  g_assert_cmpint (g_array_index (all, gint64, 8), ==, f->yonas);    /* Tesfay */
}

static void
test_filters (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  EscalePersonFilter filter = { NULL, NULL, ESCALE_FILES_ALL };

  filter.status = (char *) "refugee";
  {
    g_autoptr(GArray) ids = search (f, NULL, &filter, 0);
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_true (contains (ids, f->helene));
    g_assert_true (contains (ids, f->closed));
  }
  {
    g_autoptr(GArray) ids = search (f, "hel", &filter, 0);
    g_assert_cmpuint (ids->len, ==, 1);
  }
  {
    g_autoptr(GArray) ids = search (f, "benali", &filter, 0);
    g_assert_cmpuint (ids->len, ==, 0);
  }
  filter.state = ESCALE_FILES_OPEN;
  {
    g_autoptr(GArray) ids = search (f, NULL, &filter, 0);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_true (contains (ids, f->helene));
  }
  filter.status = NULL;
  {
    g_autoptr(GArray) ids = search (f, "mart", &filter, 0);
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_false (contains (ids, f->closed));
  }
  filter.state = ESCALE_FILES_CLOSED;
  {
    g_autoptr(GArray) ids = search (f, NULL, &filter, 0);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_true (contains (ids, f->closed));
  }
  {
    g_autoptr(GArray) ids = search (f, "nali", &filter, 0);
    g_assert_cmpuint (ids->len, ==, 0);
  }
  filter.state = ESCALE_FILES_ALL;
  filter.referent = (char *) "Claire";
  {
    g_autoptr(GArray) ids = search (f, NULL, &filter, 0);
    g_assert_cmpuint (ids->len, ==, 3);
    g_assert_true (contains (ids, f->helene));
    g_assert_true (contains (ids, f->benali));
    g_assert_true (contains (ids, f->closed));
  }
  filter.status = (char *) "asylum_seeker";
  {
    g_autoptr(GArray) ids = search (f, "", &filter, 0);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_true (contains (ids, f->benali));
  }
  filter.referent = (char *) "Nobody";
  {
    g_autoptr(GArray) ids = search (f, NULL, &filter, 0);
    g_assert_cmpuint (ids->len, ==, 0);
  }
  /* Other spellings of a name are filtered too. */
  {
    g_autoptr(GArray) ids = search (f, "كريم", &filter, 0);
    g_assert_cmpuint (ids->len, ==, 0);
  }
  filter.referent = (char *) "Claire";
  {
    g_autoptr(GArray) ids = search (f, "كريم", &filter, 0);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_true (contains (ids, f->benali));
  }
  filter.referent = NULL;
  filter.status = (char *) "refugee";
  {
    g_autoptr(GArray) ids = search (f, "Muhammad", &filter, 0);
    g_assert_cmpuint (ids->len, ==, 0);
  }
}

static void
test_filter_helpers (void)
{
  EscalePersonFilter filter = { (char *) "refugee", (char *) "Claire", ESCALE_FILES_OPEN };
  g_autoptr(EscalePersonFilter) copy = escale_person_filter_copy (&filter);
  g_autoptr(EscalePersonFilter) none = escale_person_filter_copy (NULL);

  g_assert_true (escale_person_filter_equal (&filter, copy));
  g_assert_false (escale_person_filter_equal (&filter, none));
  g_assert_true (escale_person_filter_equal (none, NULL));
  g_assert_true (escale_person_filter_equal (NULL, NULL));
  copy->state = ESCALE_FILES_CLOSED;
  g_assert_false (escale_person_filter_equal (&filter, copy));
}

static void
test_limit (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GArray) three = search (f, NULL, NULL, 3);
  g_autoptr(GArray) all = search (f, NULL, NULL, 0);
  g_autoptr(GArray) one = search (f, "mart", NULL, 1);
  g_autoptr(GArray) two = search (f, "mart", NULL, 2);
  g_autoptr(GArray) many = search (f, "mart", NULL, 100);

  g_assert_cmpuint (three->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (g_array_index (three, gint64, i), ==, g_array_index (all, gint64, i));
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpint (g_array_index (one, gint64, 0), ==, f->martin);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpuint (many->len, ==, 3);
}

static void
test_hostile (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  static const char *const nasty[] = {
    "\"", "\"\"", "\"\"\"", "\"hélène", "hélène\"", "\"a\" \"b\"", "'", "''", "' OR 1=1 --",
    "*", "**", "hel*", "*hel", "a*b", "AND", "OR", "NOT", "and", "hélène AND", "AND hélène",
    "OR OR", "NOT NOT", "hélène OR dupont", "hélène NOT dupont", "NEAR(", "NEAR(a b)",
    "NEAR(hélène dupont, 2)", "NEAR", "near/3", "^", "^hel", "^\"hel\"", "{names}:", "{names}: hel",
    "{names numbers}:x", "names:hélène", "col:x", "numbers:06", "person_search", "rank",
    "-", "--", "-hel", "hel-", "a - b", "+", "+-", "(", ")", "()", "((((", "hel)", ":", "::",
    ";", "\\", "\\\"", "%", "%%", "_", "[", "]", "{", "}", "@", "#", "$", "&", "|", "~", "`",
    "😀", "😀😀😀", "hélène 😀", "👩‍👩‍👧‍👦", "🇫🇷", "محمد", "مُحَمَّد", "ـــ", "ዮናስ", "Олена", "中文",
    "\xff", "\xfe\xff", "\xc3", "abc\xc3", "\xed\xa0\x80", "\xc0\x80", "hél\xffène",
    " ", "   ", "\t", "\n", "\r\n", ". , ; : ! ?", "...", "!!!", "- - -", "' ' '",
    "\u200f", "\u200b", "\u0301", "\u0301\u0301\u0301", "\ufeff", "\ufffd",
    "SELECT * FROM person; DROP TABLE person; --", "'); DELETE FROM person; --",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z",
  };
  g_autoptr(GString) long_word = g_string_new (NULL);
  g_autoptr(GString) long_words = g_string_new (NULL);
  g_autoptr(GString) long_mixed = g_string_new (NULL);
  const char *generated[3];

  while (long_word->len < 10000)
    g_string_append_c (long_word, 'a' + long_word->len % 26);
  while (long_words->len < 10000)
    g_string_append (long_words, "hel ");
  while (long_mixed->len < 10000)
    g_string_append (long_mixed, "\"é* AND NEAR( محمد 😀 ");
  generated[0] = long_word->str;
  generated[1] = long_words->str;
  generated[2] = long_mixed->str;

  for (guint i = 0; i < G_N_ELEMENTS (nasty) + G_N_ELEMENTS (generated); i++)
    {
      const char *query = i < G_N_ELEMENTS (nasty) ? nasty[i] : generated[i - G_N_ELEMENTS (nasty)];
      EscalePersonFilter filter = { (char *) "refugee", (char *) "\"Claire'", ESCALE_FILES_OPEN };
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GArray) filtered = NULL;
      g_autoptr(GArray) limited = NULL;

      g_test_message ("hostile query %u: %.60s", i, g_utf8_validate (query, -1, NULL) ?
                      query : "(invalid UTF-8)");
      ids = escale_store_search_people (f->store, query, NULL, 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (ids);
      filtered = escale_store_search_people (f->store, query, &filter, 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (filtered);
      limited = escale_store_search_people (f->store, query, NULL, 2, &error);
      g_assert_no_error (error);
      g_assert_nonnull (limited);
      g_assert_cmpuint (limited->len, <=, 2);
    }

  /* Nothing was damaged on the way. */
  g_assert_cmpint (escale_store_count_people (f->store), ==, 9);
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_assert_true (escale_store_check (f->store, problems, NULL));
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_hostile_results (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  /* Quotes and stars are ignored; operators are words like others. */
  assert_finds_only (f, "\"hélène\"", f->helene);
  assert_finds_only (f, "hélène*", f->helene);
  assert_finds_only (f, "\"Hélène\" \"Dupont\"", f->helene);
  assert_finds_nothing (f, "hélène AND");
  assert_finds_nothing (f, "hélène OR martin");
  assert_finds_nothing (f, "NEAR(");
  assert_finds_nothing (f, "😀");
  assert_finds_nothing (f, "\"");
  assert_finds_nothing (f, "\xff\xfe");
  assert_finds_only (f, "😀 hélène", f->helene);
}

static void
test_after_changes (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscalePerson) person = escale_store_load_person (f->store, f->helene, NULL);
  g_autoptr(GError) error = NULL;
  const char *others[] = { "Leila", NULL };

  /* The index follows a rename... */
  escale_person_set (person, ESCALE_FIELD_FAMILY_NAME, "Lefèvre");
  escale_person_set_other_names (person, others);
  g_assert_true (escale_store_save_person (f->store, person, &error));
  g_assert_no_error (error);
  assert_finds_nothing (f, "dupont");
  assert_finds_only (f, "lefevre", f->helene);
  assert_finds_only (f, "leila", f->helene);
  assert_finds_only (f, "fèvr", f->helene);

  /* ... and a deletion. */
  g_assert_true (escale_store_delete_person (f->store, f->helene, &error));
  assert_finds_nothing (f, "lefevre");
  assert_finds_nothing (f, "0612345678");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/search/accents-and-case", test_accents_and_case);
  ADD ("/search/prefix", test_prefix_typing);
  ADD ("/search/in-word", test_in_word);
  ADD ("/search/scripts", test_scripts);
  ADD ("/search/numbers", test_numbers);
  ADD ("/search/ranking", test_ranking);
  ADD ("/search/everyone", test_list_everyone);
  ADD ("/search/filters", test_filters);
  ADD ("/search/limit", test_limit);
  ADD ("/search/hostile", test_hostile);
  ADD ("/search/hostile-results", test_hostile_results);
  ADD ("/search/after-changes", test_after_changes);
  g_test_add_func ("/search/filter-helpers", test_filter_helpers);
  g_test_add_func ("/search/spellings", test_spellings);
  g_test_add_func ("/search/reindex", test_reindex);

#undef ADD

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
