/* test-text.c — folding of names for search and duplicate detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "escale-language.h"
#include "escale-test-util.h"
#include "escale-text.h"

static void
assert_fold (const char *text,
             const char *expected)
{
  g_autofree char *folded = escale_text_fold (text);

  g_test_message ("folding “%s”", text ? text : "(null)");
  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold_latin (void)
{
  assert_fold ("Hélène", "helene");
  assert_fold ("HÉLÈNE", "helene");
  assert_fold ("Çağlar Öztürk", "caglar ozturk");
  assert_fold ("Ñúñez", "nunez");
  assert_fold ("Łukasz", "łukasz");   /* ł has no decomposition: kept, lower case */
  assert_fold ("Straße", "strasse");
  assert_fold ("ﬁlo", "filo");        /* compatibility ligature */
  assert_fold ("Ｈｅｌｅｎｅ", "helene"); /* full-width */
  assert_fold ("Jean-Pierre", "jean-pierre");
}

static void
test_fold_arabic (void)
{
  /* Vowel marks (tashkeel) and shadda go; tatweel goes. */
  assert_fold ("محمّد", "محمد");
  assert_fold ("مُحَمَّد", "محمد");
  assert_fold ("مـحـمـد", "محمد");
  assert_fold ("عَلِيّ", "علي");
  assert_fold ("محمد", "محمد");
}

static void
test_fold_other_scripts (void)
{
  assert_fold ("ОЛЕНА", "олена");
  assert_fold ("Олена", "олена");
  assert_fold ("ዮናስ", "ዮናስ");
  assert_fold ("Ελένη", "ελενη");
}

static void
test_fold_apostrophes (void)
{
  assert_fold ("N'Diaye", "ndiaye");
  assert_fold ("N’Diaye", "ndiaye");
  assert_fold ("N‘Diaye", "ndiaye");
  assert_fold ("Nʼdiaye", "ndiaye");
  assert_fold ("O`Brien", "obrien");
  assert_fold ("d'Alembert Jean", "dalembert jean");
}

static void
test_fold_punctuation (void)
{
  assert_fold ("Dupont, Jean!", "dupont jean");
  assert_fold ("  Dupont   Jean  ", "dupont jean");
  assert_fold ("Dupont\tJean\nMarie", "dupont jean marie");
  assert_fold ("(Dupont) [Jean] {Marie}", "dupont jean marie");
  assert_fold ("\"Jean\" *Marie* AND NEAR(", "jean marie and near");
  assert_fold ("Jean.Marie/Paul", "jean marie paul");
  assert_fold ("😀 Jean 🔥", "jean");
  assert_fold ("Jean\u200fMarie", "jeanmarie");  /* a format character is dropped */
  assert_fold ("", "");
  assert_fold ("   ", "");
  assert_fold ("!?*\"'", "");
  assert_fold (NULL, "");
  assert_fold ("\xff\xfe invalid", "");
}

static void
assert_transliterate (const char *text,
                      const char *expected)
{
  g_autofree char *folded = escale_text_fold (text);
  g_autofree char *latin = escale_text_transliterate (folded);

  g_test_message ("transliterating “%s”", text);
  g_assert_cmpstr (latin, ==, expected);
}

static void
test_transliterate (void)
{
  assert_transliterate ("محمد", "mhmd");
  assert_transliterate ("مُحَمَّد", "mhmd");
  assert_transliterate ("حداد", "hdad");
  assert_transliterate ("Олена", "olena");
  assert_transliterate ("Коваленко", "kovalenko");
  assert_transliterate ("Шевченко", "shevchenko");
  assert_transliterate ("ዮናስ", "yonas");
  assert_transliterate ("ተስፋይ", "tesfay");
  assert_transliterate ("ቐ", "qhe");   /* U+1250 QHA */
  assert_transliterate ("ቈ", "qwe");   /* U+1248 QWA */
  assert_transliterate ("በ", "be");    /* U+1260, after those rows */
  /* Ain is read "a": علي is Ali, عمر Omar. */
  assert_transliterate ("علي", "aly");
  assert_transliterate ("عمر", "amr");
  /* Letters of Persian and Pashto. */
  assert_transliterate ("پروین", "prwyn");
  assert_transliterate ("ښکلی", "shkly");
  assert_transliterate ("ځدران", "dzdran");
  /* Ukrainian: ґ, and й, ї without their marks. */
  assert_transliterate ("Ґанна", "ganna");
  assert_transliterate ("Київ", "kyiv");
  assert_transliterate ("Йосип", "yosyp");
  assert_transliterate ("Hélène", "helene");
  assert_transliterate ("Zhang 张", "zhang 张");
  assert_transliterate ("", "");
}

static void
test_digits (void)
{
  g_autofree char *phone = escale_text_digits ("+33 6 12-34.56 78");
  g_autofree char *none = escale_text_digits ("abc");
  g_autofree char *null = escale_text_digits (NULL);

  g_assert_cmpstr (phone, ==, "33612345678");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (null, ==, "");
}

static char *
skeleton_of (const char *name)
{
  g_autofree char *folded = escale_text_fold (name);

  return escale_text_skeleton (folded);
}

static void
test_skeleton (void)
{
  static const char *const mohamed[] = {
    "Mohamed", "Mohammed", "Muhammad", "Mohammad", "MOHAMED", "Mouhammad", "محمد", "مُحَمَّد",
  };
  static const char *const pairs[][2] = {
    { "Haddad", "حداد" },
    { "Philippe", "Filipe" },
    { "Hélène", "Helene" },
    { "Olena", "Олена" },
    { "Yonas", "ዮናስ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (mohamed); i++)
    {
      g_autofree char *skeleton = skeleton_of (mohamed[i]);
      g_test_message ("skeleton of “%s”", mohamed[i]);
      g_assert_cmpstr (skeleton, ==, "mhmd");
    }
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *a = skeleton_of (pairs[i][0]);
      g_autofree char *b = skeleton_of (pairs[i][1]);
      g_test_message ("skeletons of “%s” and “%s”", pairs[i][0], pairs[i][1]);
      g_assert_cmpstr (a, ==, b);
    }
  {
    g_autofree char *a = skeleton_of ("Dupont");
    g_autofree char *b = skeleton_of ("Martin");
    g_assert_cmpstr (a, !=, b);
  }
}

/* The spellings of one name, in Latin letters the French or the English
 * way, and in its own script, meet on one skeleton. */
static void
test_skeleton_variants (void)
{
  static const struct
  {
    const char *skeleton;
    const char *names[7];
  } variants[] = {
    { "mhmd", { "Mohamed", "Mohammed", "Muhammad", "محمد", NULL } },
    { "yns", { "Yonas", "Yonass", "YONAS", "ዮናስ", NULL } },
    { "alksndr", { "Oleksandr", "Олександр", "Aleksandr", "Александр", "Alexander",
                   "Alexandre", NULL } },
    { "xvxnk", { "Shevchenko", "Chevtchenko", "Шевченко", NULL } },
    { "mhl", { "Mikhail", "Mihail", "Михаил", "Mykhailo", "Михайло", NULL } },
    { "jml", { "Djamila", "Jamila", "جميلة", NULL } },
    { "amr", { "Omar", "Umar", "عمر", NULL } },
    { "ysf", { "Youssef", "Yusuf", "Youssouf", "يوسف", NULL } },
    { "hld", { "Khaled", "Khalid", "خالد", NULL } },
    { "abrhm", { "Ibrahim", "Ebrahim", "إبراهيم", NULL } },
    { "ksm", { "Qasim", "Kassim", "قاسم", NULL } },
    { "glm", { "Ghulam", "Gholam", "غلام", NULL } },
    { "yhns", { "Yohannes", "ዮሃንስ", NULL } },
  };
  static const char *const different[][2] = {
    { "Mohamed", "Ahmed" }, { "Yonas", "Yohannes" }, { "Oleksandr", "Oleksiy" },
    { "Shevchenko", "Kovalenko" }, { "Khaled", "Walid" }, { "Haddad", "Hamid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    for (guint j = 0; variants[i].names[j] != NULL; j++)
      {
        g_autofree char *skeleton = skeleton_of (variants[i].names[j]);

        g_test_message ("skeleton of “%s”", variants[i].names[j]);
        g_assert_cmpstr (skeleton, ==, variants[i].skeleton);
      }
  for (guint i = 0; i < G_N_ELEMENTS (different); i++)
    {
      g_autofree char *a = skeleton_of (different[i][0]);
      g_autofree char *b = skeleton_of (different[i][1]);

      g_test_message ("skeletons of “%s” and “%s”", different[i][0], different[i][1]);
      g_assert_cmpstr (a, !=, b);
    }
  {
    /* Only ASCII letters and digits, whatever the script. */
    g_autofree char *greek = skeleton_of ("Ελένη");
    g_autofree char *chinese = skeleton_of ("张伟");

    g_assert_cmpstr (greek, ==, "");
    g_assert_cmpstr (chinese, ==, "");
  }
}

static void
test_skeleton_query (void)
{
  static const struct
  {
    const char *query;
    gboolean    prefix;
    const char *expected;
  } cases[] = {
    { "Mohamed", TRUE, "[[\"mhmd\",\"mhmd~\"]]" },
    { "Mohamed", FALSE, "[[\"mhmd\",\"mhmd\"]]" },
    { "محمد", TRUE, "[[\"mhmd\",\"mhmd~\"]]" },
    /* Whole words first, the longer first; the last word is a prefix. */
    { "Haddad Moham", TRUE, "[[\"hd\",\"hd\"],[\"mhm\",\"mhm~\"]]" },
    { "Moham Tesfay", TRUE, "[[\"mhm\",\"mhm\"],[\"tsf\",\"tsf~\"]]" },
    { "Yonas Tesfay", FALSE, "[[\"yns\",\"yns\"],[\"tsf\",\"tsf\"]]" },
    /* A last word of two letters of skeleton is whole: too many start so. */
    { "Haddad Moh", TRUE, "[[\"hd\",\"hd\"],[\"mh\",\"mh\"]]" },
    /* Words of one letter of skeleton are left out. */
    { "Ali A", TRUE, "[[\"al\",\"al\"]]" },
    { "ben-Ali", TRUE, "[[\"bn\",\"bn\"],[\"al\",\"al\"]]" },
    { "A b", TRUE, NULL },
    /* Numbers are no names. */
    { "2021-0318", TRUE, NULL },
    { "Yonas 2021", TRUE, "[[\"yns\",\"yns\"]]" },
    { "Ελένη", TRUE, NULL },
    { "", TRUE, NULL },
    { NULL, TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = escale_text_skeleton_query (cases[i].query, cases[i].prefix);

      g_test_message ("skeleton query of “%s”", cases[i].query ? cases[i].query : "(null)");
      g_assert_cmpstr (json, ==, cases[i].expected);
    }
}

static void
test_skeletons (void)
{
  g_auto(GStrv) words = escale_text_skeletons ("Mohamed MOHAMMED ben-Ali A محمد");
  g_auto(GStrv) none = escale_text_skeletons ("A b !");
  g_auto(GStrv) null = escale_text_skeletons (NULL);

  /* Distinct, at least two letters, words split on spaces and hyphens. */
  g_assert_cmpuint (g_strv_length (words), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) words, "mhmd"));
  g_assert_true (g_strv_contains ((const char * const *) words, "bn"));
  g_assert_true (g_strv_contains ((const char * const *) words, "al"));
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (null), ==, 0);
}

static const char *const hostile[] = {
  "\"", "\"\"", "\"a", "a\"b", "*", "a*", "**a", "AND", "OR", "NOT", "a AND b", "a OR", "NOT a",
  "NEAR(", "NEAR(a b)", "NEAR/2", "^", "^a", "{names}:", "{names numbers}: a", "names:x", "col:x",
  "-", "--", "-a", "a-", "+", "(", ")", "()", "a)", ":", "'", "''", "\\", "%", "_", ";", "😀",
  "😀 a", "👩‍👩‍👧", "محمد", "مُحَمَّد", "ዮናስ", "Олена", "\xff\xfe", "\xc3", "   ", "\t\n", "",
  ". , ; !", "a b c d e f g h i j k l m n o p", "SELECT * FROM person; --",
};

static void
assert_quoted_expression (const char *expression)
{
  const char *p = expression;

  /* Only quoted strings, optionally starred, separated by single spaces. */
  while (*p)
    {
      g_assert_cmpint (*p, ==, '"');
      for (p++; *p && !(*p == '"' && p[1] != '"'); p++)
        if (*p == '"')
          p++;
      g_assert_cmpint (*p, ==, '"');
      p++;
      if (*p == '*')
        p++;
      if (*p == ' ')
        p++;
      else
        g_assert_cmpint (*p, ==, '\0');
    }
}

/* The expressions must also be accepted by FTS5 itself. */
static void
assert_accepted (sqlite3    *db,
                 const char *sql,
                 const char *expression)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    g_error ("SQLite refused %s: %s", expression, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
}

/* A JSON array of distinct words of three characters or more, longest first. */
static void
assert_word_array (sqlite3    *db,
                   const char *json)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0, previous = G_MAXUINT;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value, type FROM json_each (?)", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *word = (const char *) sqlite3_column_text (stmt, 0);
      guint length = g_utf8_strlen (word, -1);

      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "text");
      g_assert_cmpuint (length, >=, 3);
      g_assert_cmpuint (length, <=, previous);
      previous = length;
      n++;
    }
  g_assert_cmpint (sqlite3_errcode (db), ==, SQLITE_DONE);
  g_assert_cmpuint (n, >, 0);
  sqlite3_finalize (stmt);
}

static void
test_fts_query_hostile (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE VIRTUAL TABLE words USING fts5 (names, numbers, "
                                 "tokenize = \"unicode61 remove_diacritics 2 tokenchars '-'\", "
                                 "prefix = '1 2 3', detail = column);"
                                 "CREATE VIRTUAL TABLE tri USING fts5 (text, tokenize = 'trigram', "
                                 "detail = none);"
                                 "INSERT INTO words VALUES ('and near not', '2024-0001');"
                                 "INSERT INTO tri VALUES ('and near not 2024-0001');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    for (int prefix = 0; prefix < 2; prefix++)
      {
        g_autofree char *words = escale_text_fts_query (hostile[i], prefix);
        g_autofree char *trigrams = escale_text_trigram_query (hostile[i]);
        g_autofree char *skeletons = escale_text_skeleton_query (hostile[i], prefix);

        g_test_message ("query “%s”: %s / %s", hostile[i], words ? words : "NULL",
                        trigrams ? trigrams : "NULL");
        if (words != NULL)
          {
            assert_quoted_expression (words);
            assert_accepted (db, "SELECT rowid FROM words WHERE words MATCH ?", words);
          }
        if (skeletons != NULL)
          assert_accepted (db, "SELECT ?1 ->> '$[0][0]', ?1 ->> '$[0][1]', w.value ->> 0, "
                           "w.value ->> 1 FROM json_each (?1) w", skeletons);
        if (trigrams != NULL)
          {
            assert_word_array (db, trigrams);
            assert_accepted (db, "SELECT rowid FROM tri t WHERE t.text LIKE '%' || (?1 ->> 0) "
                             "|| '%' AND NOT EXISTS (SELECT 1 FROM json_each (?1) w "
                             "WHERE instr (t.text, w.value) = 0)", trigrams);
          }
      }
  sqlite3_close (db);
}

static void
test_fts_query (void)
{
  g_autofree char *plain = escale_text_fts_query ("Hélène  Dupont", FALSE);
  g_autofree char *prefix = escale_text_fts_query ("Hélène Dup", TRUE);
  g_autofree char *keyword = escale_text_fts_query ("AND", TRUE);
  g_autofree char *near = escale_text_fts_query ("NEAR(", FALSE);
  g_autofree char *quote = escale_text_fts_query ("\"", TRUE);
  g_autofree char *star = escale_text_fts_query ("*", TRUE);
  g_autofree char *emoji = escale_text_fts_query ("😀", TRUE);
  g_autofree char *empty = escale_text_fts_query ("", TRUE);
  g_autofree char *null = escale_text_fts_query (NULL, TRUE);
  g_autofree char *arabic = escale_text_fts_query ("مُحَمَّد", FALSE);

  g_assert_cmpstr (plain, ==, "\"helene\" \"dupont\"");
  g_assert_cmpstr (prefix, ==, "\"helene\"* \"dup\"*");
  g_assert_cmpstr (keyword, ==, "\"and\"*");
  g_assert_cmpstr (near, ==, "\"near\"");
  g_assert_null (quote);
  g_assert_null (star);
  g_assert_null (emoji);
  g_assert_null (empty);
  g_assert_null (null);
  g_assert_cmpstr (arabic, ==, "\"محمد\"");
}

static void
test_trigram_query (void)
{
  g_autofree char *one = escale_text_trigram_query ("nali");
  g_autofree char *several = escale_text_trigram_query ("Bén ab ALI x hélène ali");
  g_autofree char *short_words = escale_text_trigram_query ("ab cd e");
  g_autofree char *hostile_words = escale_text_trigram_query ("\"AND\" NEAR(");
  g_autofree char *null = escale_text_trigram_query (NULL);
  g_autofree char *arabic = escale_text_trigram_query ("مُحَمَّد");

  g_assert_cmpstr (one, ==, "[\"nali\"]");
  g_assert_cmpstr (several, ==, "[\"helene\",\"ben\",\"ali\"]");
  g_assert_null (short_words);
  g_assert_cmpstr (hostile_words, ==, "[\"near\",\"and\"]");
  g_assert_null (null);
  g_assert_cmpstr (arabic, ==, "[\"محمد\"]");
}

/* What the search does with the trigram table: a word inside a name. */
static void
test_trigram_lookup (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  static const struct {
    const char *query;
    int         found;
  } cases[] = {
    { "nali", 1 }, { "NALI", 1 }, { "enal", 1 }, { "benali karim", 1 }, { "karim nali", 1 },
    { "arim", 1 }, { "ali", 2 }, { "nali dupont", 0 }, { "xyz", 0 }, { "12345", 1 },
    { "حمد", 1 },
  };

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE VIRTUAL TABLE tri USING fts5 (text, tokenize = 'trigram', "
                                 "detail = none);"
                                 "INSERT INTO tri VALUES ('benali karim 0612345678');"
                                 "INSERT INTO tri VALUES ('haddad ali محمد');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM tri t WHERE t.text LIKE '%' || "
                                       "(?1 ->> 0) || '%' AND NOT EXISTS (SELECT 1 FROM "
                                       "json_each (?1) w WHERE instr (t.text, w.value) = 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = escale_text_trigram_query (cases[i].query);

      g_test_message ("looking up “%s” as %s", cases[i].query, json);
      sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, cases[i].found);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_isolate_paths (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "/tmp/escale.db is damaged", "\u2066/tmp/escale.db\u2069 is damaged" },
    { "قاعدة البيانات /home/amina/escale.db: تالفة",
      "قاعدة البيانات \u2066/home/amina/escale.db\u2069: تالفة" },
    { "kept in /a/b.db.", "kept in \u2066/a/b.db\u2069." },
    { "from «/x/y.db»", "from «\u2066/x/y.db\u2069»" },
    { "“/x/y.db”.", "“\u2066/x/y.db\u2069”." },
    { "and/or 1/2 a.b/c", "and/or 1/2 a.b/c" },
    { "(/mnt/usb)", "(\u2066/mnt/usb\u2069)" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = escale_isolate_paths (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);

  g_test_add_func ("/text/fold/latin", test_fold_latin);
  g_test_add_func ("/text/fold/arabic", test_fold_arabic);
  g_test_add_func ("/text/fold/other-scripts", test_fold_other_scripts);
  g_test_add_func ("/text/fold/apostrophes", test_fold_apostrophes);
  g_test_add_func ("/text/fold/punctuation", test_fold_punctuation);
  g_test_add_func ("/text/transliterate", test_transliterate);
  g_test_add_func ("/text/digits", test_digits);
  g_test_add_func ("/text/skeleton", test_skeleton);
  g_test_add_func ("/text/skeleton/variants", test_skeleton_variants);
  g_test_add_func ("/text/skeletons", test_skeletons);
  g_test_add_func ("/text/skeleton-query", test_skeleton_query);
  g_test_add_func ("/text/fts-query", test_fts_query);
  g_test_add_func ("/text/fts-query/hostile", test_fts_query_hostile);
  g_test_add_func ("/text/trigram-query", test_trigram_query);
  g_test_add_func ("/text/trigram-lookup", test_trigram_lookup);
  g_test_add_func ("/text/isolate-paths", test_isolate_paths);

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
