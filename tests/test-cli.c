/* test-cli.c — escale-cli, run as a program on real database files, and the
 * demo data generator behind it
 *
 * The escale-cli executable is given as the first argument (meson does so)
 * or in the ESCALE_CLI environment variable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>

#include "escale-demo.h"
#include "escale-person-store.h"
#include "escale-report-fixture.h"
#include "escale-test-util.h"
#include "escale-test-xlsx.h"

static const char *cli_path;

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

/* Runs escale-cli with @args (NULL-terminated), feeding it @input, with
 * @password in ESCALE_PASSWORD (none when NULL). */
static CliResult *
run_cli_v (const char         *input,
           const char         *password,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  CliResult *result = g_new0 (CliResult, 1);

  g_ptr_array_add (argv, (char *) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "ESCALE_PASSWORD", password, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "ESCALE_PASSWORD");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input ? input : "", NULL, &result->out, &result->err,
                                 &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
  return result;
}

#define run_cli(input, ...) run_cli_v ((input), NULL, (const char *[]) { __VA_ARGS__, NULL })
/* The same, logged in with @password. */
#define run_cli_as(password, ...) \
  run_cli_v (NULL, (password), (const char *[]) { __VA_ARGS__, NULL })

static char *
make_demo_db (const char *name,
              const char *people,
              const char *seed)
{
  char *path = escale_test_tmp_path (name);
  g_autoptr(CliResult) result = run_cli (NULL, "--database", path, "demo", "--people", people,
                                         "--seed", seed, "--no-account");

  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpint (result->status, ==, 0);
  g_assert_true (g_str_has_prefix (result->out, "Added "));
  return path;
}

static char *
search (const char *db,
        const char *query)
{
  g_autoptr(CliResult) result = run_cli (NULL, "--database", db, "search", query, "--limit", "0");

  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpint (result->status, ==, 0);
  return g_steal_pointer (&result->out);
}

/* Every line of a search's output is: file number, tab, family, tab, given. */
static GStrv
split_matches (const char *output)
{
  GStrv lines = g_strsplit (output, "\n", -1);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpstr (lines[n - 1], ==, "");  /* the output ends with a line break, or is empty */
  g_clear_pointer (&lines[n - 1], g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{4,}$", fields[0], 0, 0));
      g_assert_cmpstr (fields[1], !=, "");
    }
  return lines;
}

static void
test_demo_deterministic (void)
{
  g_autofree char *a = make_demo_db ("a.db", "200", "42");
  g_autofree char *b = make_demo_db ("b.db", "200", "42");
  g_autofree char *c = make_demo_db ("c.db", "200", "43");
  const char *queries[] = { "", "a", "mo", "di", "محمد", "ole", "20" };
  gboolean differs = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *out_a = search (a, queries[i]);
      g_autofree char *out_b = search (b, queries[i]);
      g_autofree char *out_c = search (c, queries[i]);
      g_auto(GStrv) lines = split_matches (out_a);

      g_assert_cmpstr (out_a, ==, out_b);
      differs |= g_strcmp0 (out_a, out_c) != 0;
    }
  g_assert_true (differs);

  {
    /* An empty query lists everyone: exactly 200 people. */
    g_autofree char *everyone = search (a, "");
    g_auto(GStrv) lines = split_matches (everyone);
    g_assert_cmpuint (g_strv_length (lines), ==, 200);
  }
}

static void
test_search_file_number (void)
{
  g_autofree char *db = make_demo_db ("numbers.db", "200", "7");
  g_autofree char *everyone = search (db, "");
  g_auto(GStrv) lines = split_matches (everyone);
  const char *const picks[] = { lines[0], lines[99], lines[199] };

  for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
    {
      g_auto(GStrv) fields = g_strsplit (picks[i], "\t", -1);
      g_autofree char *by_number = search (db, fields[0]);
      g_autofree char *by_name = NULL;
      g_autofree char *full_name = g_strdup_printf ("%s %s", fields[1], fields[2]);
      g_autofree char *expected = g_strdup_printf ("%s\n", picks[i]);

      /* A file number is unique: it finds that person first. */
      g_assert_true (g_str_has_prefix (by_number, expected));
      by_name = search (db, full_name);
      g_assert_nonnull (strstr (by_name, expected));
    }
}

static void
test_search_scripts (void)
{
  g_autofree char *db = make_demo_db ("scripts.db", "200", "42");
  g_autofree char *arabic = search (db, "محمد");
  g_auto(GStrv) lines = split_matches (arabic);
  g_autofree char *nothing = search (db, "zzqqxxw");

  /* Those found by the Arabic spelling are written Mohamed, Mohammed,
   * Muhammad, Mohammad, Mohammadi… in Latin letters. */
  g_assert_cmpuint (g_strv_length (lines), >, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_regex_match_simple ("\\b(M[ou]u?hamm?[ae]d|Mouhamed)", lines[i], 0, 0));
  g_assert_cmpstr (nothing, ==, "");
}

static void
test_search_batch (void)
{
  g_autofree char *db = make_demo_db ("batch.db", "200", "42");
  g_autofree char *one = search (db, "di");
  g_autofree char *two = search (db, "zzqqxxw");
  g_autofree char *three = search (db, "محمد");
  g_autofree char *expected = g_strdup_printf ("%s\n%s\n%s\n", one, two, three);
  g_autoptr(CliResult) result = run_cli ("di\nzzqqxxw\r\nمحمد", "--database", db, "search",
                                         "-", "--limit", "0");

  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->out, ==, expected);

  {
    /* --limit applies to every answer. */
    g_autoptr(CliResult) limited = run_cli ("a\nm\n", "--database", db, "search", "-",
                                            "--limit", "2");
    g_auto(GStrv) answers = g_strsplit (limited->out, "\n\n", -1);

    g_assert_cmpint (limited->status, ==, 0);
    g_assert_cmpuint (g_strv_length (answers), ==, 3);
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *answer = g_strconcat (answers[i], "\n", NULL);
        g_auto(GStrv) lines = split_matches (answer);
        g_assert_cmpuint (g_strv_length (lines), ==, 2);
      }
  }
}

static void
assert_quiet_success (CliResult  *result,
                      const char *query)
{
  if (result->status != 0 || *result->err != '\0')
    g_error ("Query “%s”: exit %d, stderr: %s", query, result->status, result->err);
  g_assert_null (strstr (result->out, "rror"));
  g_assert_null (strstr (result->out, "SQL"));
}

static void
test_search_hostile (void)
{
  g_autofree char *db = make_demo_db ("hostile.db", "200", "42");
  const char *queries[] = {
    "\"", "*", "AND", "NEAR(", "😀", "محمد", "a\"b", "-", "(", "OR", "NOT", "a AND b",
    "\"\"", "'", "%", "_", "^", "a*", "NEAR(a b", "{names}: a", "names:a", "+", ":",
    "ዮናስ", "Олена", "  ", "\\", "a OR b NOT c",
  };
  g_autoptr(GString) batch = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(CliResult) result = run_cli (NULL, "--database", db, "search", "--",
                                             queries[i]);
      assert_quiet_success (result, queries[i]);
      g_string_append_printf (batch, "%s\n", queries[i]);
    }

  {
    /* Match lines are never empty: each empty line ends one answer. */
    g_autoptr(CliResult) result = run_cli (batch->str, "--database", db, "search", "-");
    g_auto(GStrv) lines = NULL;
    guint n_answers = 0;

    assert_quiet_success (result, "(all, in batch)");
    g_assert_true (g_str_has_suffix (result->out, "\n\n"));
    lines = g_strsplit (result->out, "\n", -1);
    for (guint i = 0; lines[i + 1] != NULL; i++)
      n_answers += *lines[i] == '\0';
    g_assert_cmpuint (n_answers, ==, G_N_ELEMENTS (queries));
  }
}

static void
test_check (void)
{
  g_autofree char *fresh = escale_test_tmp_path ("fresh.db");
  g_autoptr(EscaleStore) store = escale_store_open (fresh, NULL);
  g_autofree char *demo = make_demo_db ("check.db", "200", "3");
  g_autoptr(CliResult) clean = run_cli (NULL, "--database", fresh, "check");
  g_autoptr(CliResult) clean_demo = run_cli (NULL, "--database", demo, "check");
  g_autoptr(CliResult) damaged = NULL;
  sqlite3 *db = NULL;

  g_assert_nonnull (store);
  g_assert_cmpint (clean->status, ==, 0);
  g_assert_cmpstr (clean->err, ==, "");
  g_assert_cmpint (clean_demo->status, ==, 0);
  g_assert_cmpstr (clean_demo->err, ==, "");

  /* A person missing from the search index is a problem check reports. */
  g_assert_cmpint (sqlite3_open (demo, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM person_search WHERE rowid = "
                                 "(SELECT min(id) FROM person)", NULL, NULL, NULL), ==, SQLITE_OK);
  /* So is a last contact that does not match the actions (written by
   * hand, as the app's triggers would not). */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE person SET last_contact = '1999-01-01' WHERE id = "
                                 "(SELECT max(id) FROM person)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  damaged = run_cli (NULL, "--database", demo, "check");
  g_assert_cmpint (damaged->status, ==, 1);
  g_assert_nonnull (strstr (damaged->out, "no search entry"));
  g_assert_nonnull (strstr (damaged->out, ": last contact 1999-01-01 instead of "));
}

static void
test_usage (void)
{
  g_autofree char *missing = escale_test_tmp_path ("missing.db");
  g_autoptr(CliResult) none = run_cli (NULL, "--database", missing);
  g_autoptr(CliResult) unknown = run_cli (NULL, "--database", missing, "dance");
  g_autoptr(CliResult) no_people = run_cli (NULL, "--database", missing, "demo");
  g_autoptr(CliResult) bad_option = run_cli (NULL, "--database", missing, "search", "a",
                                             "--frobnicate");
  g_autoptr(CliResult) no_db = run_cli (NULL, "--database", missing, "search", "a");
  g_autoptr(CliResult) help = run_cli (NULL, "--help");
  g_autoptr(CliResult) language = run_cli (NULL, "--language", "fr", "--database", missing,
                                           "check");

  g_assert_cmpint (none->status, ==, 2);
  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_nonnull (strstr (unknown->err, "dance"));
  g_assert_cmpint (no_people->status, ==, 2);
  g_assert_cmpint (bad_option->status, ==, 2);
  g_assert_cmpint (no_db->status, ==, 1);
  g_assert_cmpstr (no_db->out, ==, "");
  g_assert_nonnull (strstr (no_db->err, missing));
  g_assert_cmpint (help->status, ==, 0);
  g_assert_nonnull (strstr (help->out, "search"));
  g_assert_nonnull (strstr (help->out, "import"));
  g_assert_cmpint (language->status, ==, 1);
  /* Neither command created the database they were asked to read. */
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "tests", "fixtures", name, NULL);
}

/* A workbook is imported as its CSV twin is; its problems on its rows. */
static void
test_import_xlsx (void)
{
  g_autofree char *db = escale_test_tmp_path ("import-xlsx.db");
  g_autofree char *good = fixture ("import-xlsx-people-libreoffice.xlsx");
  g_autofree char *bad = fixture ("import-xlsx-errors.xlsx");
  g_autoptr(CliResult) refused = NULL;
  g_autoptr(CliResult) imported = NULL;
  g_autoptr(CliResult) usage = NULL;
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  store = escale_store_open (db, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  refused = run_cli (NULL, "--database", db, "import", "people", bad);
  g_assert_cmpint (refused->status, ==, 1);
  g_assert_cmpstr (refused->err, ==,
                   "Note: only the first sheet, “Personnes”, was read.\n"
                   "Line 7, column given_names: The cell shows the error “#N/A” instead of a "
                   "value\n"
                   "Line 12, column birth_date: “31/02/1990” is not a date\n"
                   "Nothing was imported: correct the lines above and try again.\n");
  imported = run_cli (NULL, "--database", db, "import", "people", good);
  g_assert_cmpint (imported->status, ==, 0);
  g_assert_cmpstr (imported->out, ==, "Created 5, updated 0\n");
  found = search (db, "سمير");
  g_assert_true (g_str_has_prefix (found, "2024-0001\tHaddad\tSamir\n"));
  usage = run_cli (NULL, "--database", db, "import", "--help");
  g_assert_nonnull (strstr (usage->out, "FILE.csv|FILE.xlsx"));
}

static void
test_import (void)
{
  g_autofree char *db = escale_test_tmp_path ("import.db");
  g_autofree char *good = fixture ("import-people.csv");
  g_autofree char *bad = fixture ("import-bad.csv");
  g_autofree char *cp1252 = fixture ("import-cp1252.csv");
  g_autoptr(CliResult) missing = run_cli (NULL, "--database", db, "import", "people", good,
                                          "--dry-run");
  g_autoptr(CliResult) dry = NULL;
  g_autoptr(CliResult) after_dry = NULL;
  g_autoptr(CliResult) converted = NULL;
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliResult) real = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autoptr(CliResult) refused = NULL;
  g_autoptr(CliResult) usage = run_cli (NULL, "--database", db, "import", "castles", good);
  g_autofree char *found = NULL;

  /* A dry run writes nothing: no database is created. */
  g_assert_cmpint (missing->status, ==, 1);
  g_assert_nonnull (strstr (missing->err, "There is no database at"));
  g_assert_cmpstr (missing->out, ==, "");
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  store = escale_store_open (db, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  dry = run_cli (NULL, "--database", db, "import", "people", good, "--dry-run");
  g_assert_cmpint (dry->status, ==, 0);
  g_assert_nonnull (strstr (dry->err, "shoe_size"));
  g_assert_null (strstr (dry->err, "Windows-1252"));
  g_assert_true (g_regex_match_simple ("^Created [1-9][0-9]*, updated 0\n", dry->out, 0, 0));
  g_assert_nonnull (strstr (dry->out, "nothing was written"));
  after_dry = run_cli (NULL, "--database", db, "search", "Haddad");
  g_assert_cmpint (after_dry->status, ==, 0);
  g_assert_cmpstr (after_dry->out, ==, "");

  real = run_cli (NULL, "--database", db, "import", "people", good);
  g_assert_cmpint (real->status, ==, 0);
  g_assert_true (g_regex_match_simple ("^Created [1-9][0-9]*, updated 0\n$", real->out, 0, 0));
  found = search (db, "سمير");
  g_assert_true (g_str_has_prefix (found, "2019-0001\tHaddad\tSamir\n"));

  /* The same file again updates the people who have a file number. */
  again = run_cli (NULL, "--database", db, "import", "people", good, "--dry-run");
  g_assert_cmpint (again->status, ==, 0);
  g_assert_true (g_regex_match_simple ("^Created [0-9]+, updated [1-9][0-9]*\n", again->out,
                                       0, 0));

  refused = run_cli (NULL, "--database", db, "import", "people", bad);
  g_assert_cmpint (refused->status, ==, 1);
  g_assert_nonnull (strstr (refused->err,
                            "Line 4, column birth_date: “31/02/1990” is not a date\n"));
  g_assert_cmpstr (refused->out, ==, "");

  /* A file read as Windows-1252 is said so. */
  converted = run_cli (NULL, "--database", db, "import", "people", cp1252, "--dry-run");
  g_assert_cmpint (converted->status, ==, 0);
  g_assert_nonnull (strstr (converted->err, "Windows-1252"));

  g_assert_cmpint (usage->status, ==, 2);
}

/* The generator itself, through the library. */

static gint64
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static char *
write_tmp (const char *name,
           const char *contents)
{
  char *path = escale_test_tmp_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_agenda (void)
{
  g_autofree char *db = escale_test_tmp_path ("agenda.db");
  g_autofree char *people = write_tmp ("ag-people.csv", "file_number,family_name,given_names\n"
                                       "2024-0001,Diallo,Awa\n2024-0002,Kovalenko,Oksana\n");
  g_autofree char *actions = write_tmp ("ag-actions.csv",
                                        "file_number,date,type,status,worker,notes\n"
                                        "2024-0001,2026-03-02T14:00,appointment,planned,Léa,"
                                        "\"Bring the\tpassport\nand the letter\"\n"
                                        "2024-0002,2026-03-02T09:30,phone_call,planned,Karim,\n"
                                        "2024-0002,2026-03-03,interview,planned,Léa,\n"
                                        "2024-0001,2026-02-20,referral,planned,Karim,\n"
                                        "2024-0001,2026-02-21,interview,done,Léa,\n"
                                        "2024-0002,2026-03-09,interview,planned,Léa,\n");
  g_autoptr(CliResult) imported = run_cli (NULL, "--database", db, "import", "people", people);
  g_autoptr(CliResult) acted = run_cli (NULL, "--database", db, "import", "actions", actions);
  g_autoptr(CliResult) day = run_cli (NULL, "--database", db, "agenda", "--date", "2026-03-02");
  g_autoptr(CliResult) week = run_cli (NULL, "--database", db, "agenda", "--date", "2026-03-02",
                                       "--days", "7", "--worker", "Léa");
  g_autoptr(CliResult) bad_date = run_cli (NULL, "--database", db, "agenda", "--date",
                                           "2026-02-30");
  g_autoptr(CliResult) bad_days = run_cli (NULL, "--database", db, "agenda", "--days", "0");
  g_autoptr(CliResult) missing = run_cli (NULL, "--database", "/nonexistent/x.db", "agenda");

  g_assert_cmpint (imported->status, ==, 0);
  g_assert_cmpint (acted->status, ==, 0);
  /* The overdue one first, then the day by time; notes on one line. */
  g_assert_cmpint (day->status, ==, 0);
  g_assert_cmpstr (day->out, ==,
                   "2026-02-20\t\toverdue\treferral\t2024-0001\tDiallo Awa\tKarim\t\n"
                   "2026-03-02\t09:30\tdue\tphone_call\t2024-0002\tKovalenko Oksana\tKarim\t\n"
                   "2026-03-02\t14:00\tdue\tappointment\t2024-0001\tDiallo Awa\tLéa\t"
                   "Bring the passport\n");
  /* Seven days from 2 March end on the 8th: the 9th is not shown. */
  g_assert_cmpint (week->status, ==, 0);
  g_assert_cmpstr (week->out, ==,
                   "2026-03-02\t14:00\tdue\tappointment\t2024-0001\tDiallo Awa\tLéa\t"
                   "Bring the passport\n"
                   "2026-03-03\t\tdue\tinterview\t2024-0002\tKovalenko Oksana\tLéa\t\n");
  g_assert_cmpint (bad_date->status, ==, 2);
  g_assert_nonnull (strstr (bad_date->err, "YYYY-MM-DD"));
  g_assert_cmpint (bad_days->status, ==, 2);
  g_assert_cmpint (missing->status, ==, 1);
  g_assert_cmpstr (missing->out, ==, "");
}

static void
test_partners (void)
{
  g_autofree char *db = escale_test_tmp_path ("partners.db");
  g_autofree char *bad = write_tmp ("bad-partners.csv",
                                    "code,name,kind,city,themes,capacity_total,capacity_free\n"
                                    "P1,Abri,shelter,Lyon,housing,10,2\n"
                                    "P2,Castle,castle,Lyon,,,\n"
                                    "P3,Full,shelter,Lyon,housing,4,9\n");
  g_autofree char *good = write_tmp ("partners.csv",
                                     "code,name,kind,city,themes,languages,capacity_total,"
                                     "capacity_free,notes\n"
                                     "P1,Abri de nuit,shelter,Lyon,housing,fr|ar,10,2,\n"
                                     "P2,Centre de santé,health_centre,Lille,health|rights,,,,"
                                     "\"Tabs\there\"\n"
                                     "P3,Ateliers,school,Paris,language,,20,0,\n");
  g_autoptr(CliResult) refused = NULL;
  g_autoptr(CliResult) dry = NULL;
  g_autoptr(CliResult) imported = NULL;
  g_autoptr(CliResult) all = NULL;
  g_autoptr(CliResult) housing = NULL;
  g_autoptr(CliResult) free_places = NULL;
  g_autoptr(CliResult) stale = NULL;
  g_autoptr(CliResult) unknown = NULL;
  sqlite3 *sql;

  /* Bad rows: every fault at its line and column, nothing written. */
  refused = run_cli (NULL, "--database", db, "import", "partners", bad);
  g_assert_cmpint (refused->status, ==, 1);
  g_assert_nonnull (strstr (refused->err, "Line 3, column kind: Unknown kind of partner "
                                          "“castle”\n"));
  g_assert_nonnull (strstr (refused->err, "Line 4, column capacity_free: There cannot be "
                                          "more free places than places\n"));
  g_assert_nonnull (strstr (refused->err, "Nothing was imported"));
  dry = run_cli (NULL, "--database", db, "import", "partners", good, "--dry-run");
  g_assert_cmpint (dry->status, ==, 0);
  g_assert_nonnull (strstr (dry->out, "Created 3, updated 0\n"));
  all = run_cli (NULL, "--database", db, "partners");
  g_assert_cmpint (all->status, ==, 0);
  g_assert_cmpstr (all->out, ==, "");
  g_clear_pointer (&all, cli_result_free);

  imported = run_cli (NULL, "--database", db, "import", "partners", good);
  g_assert_cmpstr (imported->err, ==, "");
  g_assert_cmpint (imported->status, ==, 0);
  g_assert_cmpstr (imported->out, ==, "Created 3, updated 0\n");

  /* One line each, by name: code, name, kind, city, themes, free places, stale. */
  all = run_cli (NULL, "--database", db, "partners");
  g_assert_cmpint (all->status, ==, 0);
  g_assert_cmpstr (all->out, ==,
                   "P1\tAbri de nuit\tshelter\tLyon\thousing\t2\t\n"
                   "P3\tAteliers\tschool\tParis\tlanguage\t0\t\n"
                   "P2\tCentre de santé\thealth_centre\tLille\thealth|rights\t\t\n");
  housing = run_cli (NULL, "--database", db, "partners", "--theme", "housing");
  g_assert_cmpstr (housing->out, ==, "P1\tAbri de nuit\tshelter\tLyon\thousing\t2\t\n");
  free_places = run_cli (NULL, "--database", db, "partners", "--free");
  g_assert_cmpstr (free_places->out, ==, "P1\tAbri de nuit\tshelter\tLyon\thousing\t2\t\n");

  /* A figure given 40 days ago is stale. */
  g_assert_cmpint (sqlite3_open (db, &sql), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (sql, "UPDATE partner_service SET capacity_updated_at = "
                                 "strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '-40 days') "
                                 "WHERE theme = 'housing'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (sql);
  stale = run_cli (NULL, "--database", db, "partners", "--theme", "housing", "--free");
  g_assert_cmpstr (stale->out, ==, "P1\tAbri de nuit\tshelter\tLyon\thousing\t2\tstale\n");

  unknown = run_cli (NULL, "--database", db, "partners", "--theme", "castles");
  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_nonnull (strstr (unknown->err, "Unknown theme “castles”"));
}

static void
test_demo_partners (void)
{
  g_autofree char *db = make_demo_db ("demo-partners.db", "20", "3");
  g_autofree char *none = escale_test_tmp_path ("demo-no-partners.db");
  g_autoptr(CliResult) again = run_cli (NULL, "--database", db, "demo", "--people", "5");
  g_autoptr(CliResult) without = run_cli (NULL, "--database", none, "demo", "--people", "5",
                                          "--no-partners");
  g_autoptr(CliResult) listed = run_cli (NULL, "--database", db, "partners");
  sqlite3 *sql;

  /* Added once: a second run finds their codes. */
  g_assert_cmpint (again->status, ==, 0);
  g_assert_null (strstr (again->out, "partner"));
  g_assert_cmpint (without->status, ==, 0);
  g_assert_cmpint (listed->status, ==, 0);
  g_assert_cmpint (sqlite3_open (db, &sql), ==, SQLITE_OK);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM partner"), ==, 60);
  g_assert_cmpint (count (sql, "SELECT count(DISTINCT city) FROM partner"), ==, 6);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM partner WHERE latitude IS NULL"), ==, 0);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM partner_hours WHERE closes < opens"), >, 0);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM partner_closure"), >, 0);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM partner_contact"), >=, 60);
  g_assert_cmpint (count (sql, "SELECT count(DISTINCT language) FROM partner_language"), >, 5);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM partner_service_eligibility"), >, 0);
  /* Capacity figures, some fresh and some stale. */
  g_assert_cmpint (count (sql, "SELECT count(*) FROM partner_service WHERE capacity_updated_at "
                               "> strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '-7 days')"), >, 0);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM partner_service WHERE capacity_updated_at "
                               "< strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '-30 days')"), >, 0);
  sqlite3_close (sql);
  g_assert_nonnull (strstr (listed->out, "\tstale\n"));
  g_assert_cmpuint (count_lines (listed->out), ==, 60);
  g_assert_cmpint (sqlite3_open (none, &sql), ==, SQLITE_OK);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM partner"), ==, 0);
  sqlite3_close (sql);
}

static void
test_import_follow_up (void)
{
  g_autofree char *db = escale_test_tmp_path ("follow-up.db");
  g_autofree char *people = write_tmp ("fu-people.csv", "file_number,family_name\n"
                                       "2024-0001,Diallo\n2024-0002,Kovalenko\n");
  g_autofree char *programmes = write_tmp ("fu-programmes.csv",
                                           "code,name,funder,start,end,target_people\n"
                                           "FLE,Français,Région|FSE+,2024-01-01,,30\n");
  g_autofree char *enrolments = write_tmp ("fu-enrolments.csv",
                                           "file_number,programme,entry_date\n"
                                           "2024-0001,FLE,2024-02-01\n");
  g_autofree char *actions = write_tmp ("fu-actions.csv",
                                        "file_number;date;type;theme;programme;amount\n"
                                        "2024-0001;2024-02-01T10:00;interview;language;FLE;\n"
                                        "2024-0002;05/03/2024;financial_aid;material;;42,50\n");
  g_autofree char *bad = write_tmp ("fu-bad.csv", "file_number,date,type,programme\n"
                                    "2024-0001,2024-02-01,interview,\n"
                                    "2024-0009,2024-02-01,interview,\n"
                                    "2024-0002,2024-02-01,interview,NOPE\n");
  g_autoptr(CliResult) imported = run_cli (NULL, "--database", db, "import", "people", people);
  g_autoptr(CliResult) programme = run_cli (NULL, "--database", db, "import", "programmes",
                                            programmes);
  g_autoptr(CliResult) enrolment = run_cli (NULL, "--database", db, "import", "enrolments",
                                            enrolments);
  g_autoptr(CliResult) dry = run_cli (NULL, "--database", db, "import", "actions", actions,
                                      "--dry-run");
  g_autoptr(CliResult) real = run_cli (NULL, "--database", db, "import", "actions", actions);
  g_autoptr(CliResult) refused = run_cli (NULL, "--database", db, "import", "actions", bad);
  g_autoptr(CliResult) usage = run_cli (NULL, "--database", db, "import", "actions");
  sqlite3 *sql;

  g_assert_cmpint (imported->status, ==, 0);
  g_assert_cmpint (programme->status, ==, 0);
  g_assert_cmpstr (programme->out, ==, "Created 1, updated 0\n");
  g_assert_cmpint (enrolment->status, ==, 0);
  g_assert_cmpstr (enrolment->out, ==, "Created 1, updated 0\n");
  g_assert_cmpint (dry->status, ==, 0);
  g_assert_true (g_str_has_prefix (dry->out, "Created 2, updated 0\n"));
  g_assert_nonnull (strstr (dry->out, "nothing was written"));
  g_assert_cmpint (real->status, ==, 0);
  g_assert_cmpstr (real->out, ==, "Created 2, updated 0\n");
  g_assert_cmpint (refused->status, ==, 1);
  g_assert_true (g_regex_match_simple ("^Line 3, column file_number: ", refused->err,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Line 4, column programme: ", refused->err,
                                       G_REGEX_MULTILINE, 0));
  g_assert_cmpstr (refused->out, ==, "");
  g_assert_cmpint (usage->status, ==, 2);

  g_assert_cmpint (sqlite3_open (db, &sql), ==, SQLITE_OK);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action"), ==, 2);
  g_assert_cmpint (count (sql, "SELECT amount_cents FROM action WHERE type = 'financial_aid'"),
                   ==, 4250);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action a JOIN programme p "
                               "ON p.id = a.programme_id WHERE a.time = '10:00'"), ==, 1);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM enrolment"), ==, 1);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM programme_funder"), ==, 2);
  sqlite3_close (sql);
}

static void
test_demo_follow_up (void)
{
  g_autofree char *db = make_demo_db ("follow-up-demo.db", "300", "9");
  g_autofree char *few = escale_test_tmp_path ("follow-up-few.db");
  g_autoptr(CliResult) scaled = run_cli (NULL, "--database", few, "demo", "--people", "50",
                                         "--actions-per-person", "3");
  g_autoptr(CliResult) wrong = run_cli (NULL, "--database", few, "demo", "--people", "5",
                                        "--actions-per-person", "-1");
  sqlite3 *sql;
  gint64 actions;

  g_assert_cmpint (scaled->status, ==, 0);
  g_assert_nonnull (strstr (scaled->out, "Their follow-up has 151 actions\n"));
  g_assert_cmpint (wrong->status, ==, 2);

  g_assert_cmpint (sqlite3_open (db, &sql), ==, SQLITE_OK);
  actions = count (sql, "SELECT count(*) FROM action");
  /* Ten for each person, group workshops on top. */
  g_assert_cmpint (actions, >=, 3000);
  g_assert_cmpint (actions, <=, 3020);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM programme"), >=, 3);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM programme_funder"), >=, 3);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM programme WHERE target_people > 0"), >=, 3);
  g_assert_cmpint (count (sql, "SELECT count(DISTINCT person_id) FROM enrolment"), >=, 60);
  g_assert_cmpint (count (sql, "SELECT count(DISTINCT person_id) FROM enrolment"), <=, 140);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action WHERE scope = 'household'"), >, 0);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action WHERE scope = 'group'"), >, 0);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action_participant"), >, 0);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action WHERE status = 'planned' "
                               "AND date > date('now')"), >, 0);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action WHERE status = 'planned' "
                               "AND date < date('now')"), >, 0);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action WHERE next_step IS NOT NULL"), >, 0);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action WHERE follows_action_id IS NOT NULL"),
                   >, 0);
  g_assert_cmpint (count (sql, "SELECT count(DISTINCT type) FROM action"), >=, 8);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action WHERE date < date('now', '-3 years')"),
                   >, 0);
  /* Only the files closed before then have older actions. */
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action "
                               "WHERE date < date('now', '-4 years', '-1 day')"), <, actions / 10);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action a JOIN person p ON p.id = a.person_id "
                               "WHERE a.date < date('now', '-4 years', '-1 day') "
                               "AND (p.closed_on IS NULL OR "
                               "     p.closed_on > date('now', '-4 years', '+31 days'))"), ==, 0);
  g_assert_cmpint (count (sql, "SELECT count(*) FROM action_theme"), >=, actions / 2);
  sqlite3_close (sql);
}

static void
test_demo_content (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  escale_demo_generate (store, 1000, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (escale_store_get_path (store), &db), ==, SQLITE_OK);

  g_assert_cmpint (count (db, "SELECT count(*) FROM person"), ==, 1000);
  /* About one file in ten is closed, always with a reason. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM person WHERE closed_on IS NOT NULL"), >, 50);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person WHERE closed_on IS NOT NULL"), <, 160);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person WHERE closed_on IS NOT NULL "
                          "AND close_reason IS NULL"), ==, 0);
  /* Birth dates: never in the future nor older than 120 years; all precisions; minors. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM person WHERE birth_date > date ('now', "
                          "'localtime') OR birth_date < date ('now', '-120 years')"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT birth_precision) FROM person"), ==, 4);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person "
                          "WHERE birth_date > date ('now', '-18 years')"), >, 100);
  /* Other names in Arabic, Ge'ez and Cyrillic letters, and Latin spellings. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM person_name WHERE name GLOB '*[ا-ي]*'"), >, 50);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person_name WHERE name GLOB '*[ሀ-ፚ]*'"), >, 10);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person_name WHERE name GLOB '*[А-я]*'"), >, 10);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person_name WHERE name GLOB '[A-Z]*'"), >, 10);
  /* Families share a household; each household has one head. */
  g_assert_cmpint (count (db, "SELECT count(DISTINCT role) FROM household_member"), ==, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM household"), >, 50);
  g_assert_cmpint (count (db, "SELECT count(*) FROM (SELECT household_id FROM household_member "
                          "WHERE role = 'head' GROUP BY household_id HAVING count(*) = 1)"), ==,
                   count (db, "SELECT count(*) FROM household"));
  /* Status histories follow the origin. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM person_current c JOIN person p "
                          "ON p.id = c.person_id WHERE c.status = 'temporary_protection' "
                          "AND p.birth_country NOT IN ('UA', 'FR')"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT status) FROM person_current"), >=, 7);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person_language WHERE interpreter"), >, 100);
  g_assert_cmpint (count (db, "SELECT count(*) FROM status_period "
                          "WHERE document_expiry IS NOT NULL"), >, 300);
  sqlite3_close (db);
}

static void
on_progress_cancel (guint    done,
                    guint    total,
                    gpointer user_data)
{
  g_assert_cmpuint (done, <=, total);
  g_cancellable_cancel (user_data);
}

static void
test_demo_cancel (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_demo_generate_full (store, 5000, 1, on_progress_cancel, cancellable,
                                             cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Nothing was written, and the store is usable. */
  g_assert_cmpint (escale_store_count_people (store), ==, 0);
  g_clear_error (&error);
  g_assert_true (escale_demo_generate (store, 10, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_store_count_people (store), ==, 10);
}

/* Accounts and the audit log */

#define ADMIN_PASSWORD "a long enough password"

static gint64
count_in (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  n = count (db, sql);
  sqlite3_close (db);
  return n;
}

static void
exec_in (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A new database made by init, whose administrator is "admin". */
static char *
make_account_db (const char *name)
{
  char *path = escale_test_tmp_path (name);
  g_autoptr(CliResult) result = run_cli_as (ADMIN_PASSWORD, "--database", path, "--user", "admin",
                                            "init", "--association", "Escale Lyon");
  g_autofree char *expected = g_strdup_printf ("Created %s, whose administrator is admin\n",
                                               path);

  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->out, ==, expected);
  return path;
}

static void
test_init (void)
{
  g_autofree char *db = make_account_db ("init.db");
  g_autofree char *other = escale_test_tmp_path ("init-other.db");
  g_autoptr(CliResult) again = run_cli_as (ADMIN_PASSWORD, "--database", db, "--user", "bob",
                                           "init", "--association", "Other");
  g_autoptr(CliResult) no_user = run_cli_as (ADMIN_PASSWORD, "--database", other, "init",
                                             "--association", "Other");
  g_autoptr(CliResult) no_name = run_cli_as (ADMIN_PASSWORD, "--database", other, "--user",
                                             "admin", "init");
  g_autoptr(CliResult) short_password = run_cli_as ("short", "--database", other, "--user",
                                                    "admin", "init", "--association", "Other");
  g_autoptr(CliResult) no_password = run_cli (NULL, "--database", other, "--user", "admin",
                                              "init", "--association", "Other");

  g_assert_cmpint (count_in (db, "SELECT count(*) FROM app_user WHERE login = 'admin' "
                                 "AND role = 'administrator'"), ==, 1);
  g_assert_cmpint (count_in (db, "SELECT count(*) FROM setting WHERE value = 'Escale Lyon'"),
                   ==, 1);
  g_assert_cmpint (count_in (db, "SELECT count(*) FROM app_user WHERE password_hash LIKE "
                                 "'%" ADMIN_PASSWORD "%'"), ==, 0);

  /* init only makes new databases. */
  g_assert_cmpint (again->status, ==, 1);
  g_assert_nonnull (strstr (again->err, "There is already a database at"));
  g_assert_cmpint (count_in (db, "SELECT count(*) FROM app_user"), ==, 1);
  g_assert_cmpint (no_user->status, ==, 2);
  g_assert_nonnull (strstr (no_user->err, "--user"));
  g_assert_cmpint (no_name->status, ==, 2);
  g_assert_nonnull (strstr (no_name->err, "--association"));
  /* A refused password leaves no database behind. */
  g_assert_cmpint (short_password->status, ==, 1);
  g_assert_cmpstr (short_password->out, ==, "");
  g_assert_nonnull (strstr (short_password->err, "password"));
  g_assert_cmpint (no_password->status, ==, 1);
  g_assert_nonnull (strstr (no_password->err, "No password: type it in a terminal, or give it "
                                              "in the ESCALE_PASSWORD environment variable"));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
}

static void
test_login (void)
{
  g_autofree char *db = make_account_db ("login.db");
  g_autoptr(CliResult) anonymous = run_cli (NULL, "--database", db, "search", "");
  g_autoptr(CliResult) no_password = run_cli (NULL, "--database", db, "--user", "admin",
                                              "search", "");
  g_autoptr(CliResult) wrong = run_cli_as ("not the password", "--database", db, "--user",
                                           "admin", "search", "");
  g_autoptr(CliResult) unknown = run_cli_as (ADMIN_PASSWORD, "--database", db, "--user",
                                             "mallory", "search", "");
  g_autoptr(CliResult) right = run_cli_as (ADMIN_PASSWORD, "--database", db, "--user", "admin",
                                           "search", "");

  g_assert_cmpint (anonymous->status, ==, 1);
  g_assert_nonnull (strstr (anonymous->err, "This database has accounts: say which is yours "
                                            "with --user LOGIN"));
  g_assert_cmpint (no_password->status, ==, 1);
  g_assert_nonnull (strstr (no_password->err, "No password"));
  g_assert_cmpint (wrong->status, ==, 1);
  g_assert_cmpstr (wrong->err, ==, "escale-cli: Wrong login or password\n");
  g_assert_cmpstr (wrong->out, ==, "");
  g_assert_cmpint (unknown->status, ==, 1);
  g_assert_cmpstr (unknown->err, ==, "escale-cli: Wrong login or password\n");
  g_assert_cmpstr (right->err, ==, "");
  g_assert_cmpint (right->status, ==, 0);

  /* Each login and failure is in the log, with the account's name. */
  g_assert_cmpint (count_in (db, "SELECT count(*) FROM audit_log WHERE operation = 'login' "
                                 "AND login = 'admin'"), ==, 1);
  g_assert_cmpint (count_in (db, "SELECT count(*) FROM audit_log "
                                 "WHERE operation = 'login_failed'"), ==, 2);
}

static void
test_check_audit (void)
{
  g_autofree char *db = make_account_db ("audit.db");
  g_autofree char *people = write_tmp ("audit-people.csv", "family_name,given_names\n"
                                       "Diallo,Awa\nKovalenko,Olena\n");
  g_autoptr(CliResult) imported = run_cli_as (ADMIN_PASSWORD, "--database", db, "--user", "admin",
                                              "import", "people", people);
  g_autoptr(CliResult) clean = run_cli_as (ADMIN_PASSWORD, "--database", db, "--user", "admin",
                                           "check");
  g_autoptr(CliResult) changed = NULL;
  g_autoptr(CliResult) cut = NULL;

  g_assert_cmpint (imported->status, ==, 0);
  g_assert_cmpint (clean->status, ==, 0);
  g_assert_cmpstr (clean->out, ==, "No problem found\n");
  g_assert_cmpint (count_in (db, "SELECT count(*) FROM audit_log WHERE operation = 'import' "
                                 "AND login = 'admin'"), ==, 1);

  /* Edited with another tool, bypassing Escale's triggers. */
  exec_in (db, "UPDATE audit_log SET login = 'someone' WHERE operation = 'import'");
  changed = run_cli_as (ADMIN_PASSWORD, "--database", db, "--user", "admin", "check");
  g_assert_cmpint (changed->status, ==, 1);
  g_assert_true (g_regex_match_simple ("^The audit log was tampered with: entry [0-9]+ was "
                                       "changed$", changed->out, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (changed->err, "1 problem found"));

  /* The same cut short: the entries after it do not hide it. */
  exec_in (db, "UPDATE audit_log SET login = 'admin' WHERE operation = 'import';"
               "DELETE FROM audit_log WHERE id > (SELECT min(id) FROM audit_log "
               "WHERE operation = 'import')");
  cut = run_cli_as (ADMIN_PASSWORD, "--database", db, "--user", "admin", "check");
  g_assert_cmpint (cut->status, ==, 1);
  g_assert_nonnull (strstr (cut->out, "The audit log was tampered with: entries "));
  g_assert_nonnull (strstr (cut->out, " are missing"));
}

static void
test_demo_account (void)
{
  g_autofree char *db = escale_test_tmp_path ("demo-account.db");
  g_autoptr(CliResult) made = run_cli (NULL, "--database", db, "demo", "--people", "10",
                                       "--no-partners");
  g_autoptr(CliResult) anonymous = run_cli (NULL, "--database", db, "search", "");
  g_autoptr(CliResult) demo = run_cli_as ("escale-demo", "--database", db, "--user", "demo",
                                          "search", "");
  g_autoptr(CliResult) more = run_cli_as ("escale-demo", "--database", db, "--user", "demo",
                                          "demo", "--people", "5", "--no-partners");

  g_assert_cmpint (made->status, ==, 0);
  g_assert_nonnull (strstr (made->out, "Log in as “demo”, password “escale-demo”\n"));
  g_assert_cmpint (anonymous->status, ==, 1);
  g_assert_cmpint (demo->status, ==, 0);
  g_assert_cmpuint (count_lines (demo->out), ==, 10);
  /* Only a new database gets the account. */
  g_assert_cmpint (more->status, ==, 0);
  g_assert_null (strstr (more->out, "Log in as"));
  g_assert_cmpint (count_in (db, "SELECT count(*) FROM app_user WHERE login = 'demo' "
                                 "AND role = 'administrator'"), ==, 1);
}

/* report: a workbook on success; a message, exit status 1 and no file
 * (an older one left as it was) on failure. */
static void
test_report (void)
{
  g_autofree char *db = escale_test_tmp_path ("report.db");
  g_autofree char *out = escale_test_tmp_path ("report.xlsx");
  g_autofree char *kept = escale_test_tmp_path ("kept.xlsx");
  g_autofree char *content = NULL;
  g_autoptr(CliResult) done = NULL;
  g_autoptr(CliResult) unknown = NULL;
  g_autoptr(CliResult) participants = NULL;
  g_autoptr(CliResult) usage = NULL;
  g_autoptr(CliResult) bad_date = NULL;
  g_autoptr(GPtrArray) sheets = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EscaleStore) store = escale_store_open (db, &error);

    g_assert_no_error (error);
    escale_report_fixture_fill (store);
  }
  done = run_cli (NULL, "--database", db, "report", "--template", "activity", "--from",
                  "2026-01-01", "--to", "31/12/2026", "--programme", "A", "--output", out);
  g_assert_cmpstr (done->err, ==, "");
  g_assert_cmpint (done->status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  if (escale_test_have_ssconvert ())
    {
      sheets = escale_test_xlsx_read_sheets (out, "raw", NULL);
      g_assert_nonnull (strstr (g_ptr_array_index (sheets, 0), "\nPeople followed|4\n"));
    }

  g_assert_true (g_file_set_contents (kept, "an older report", -1, NULL));
  unknown = run_cli (NULL, "--database", db, "report", "--template", "activity", "--from",
                     "2026-01-01", "--to", "2026-12-31", "--programme", "NOPE", "--output", kept);
  g_assert_cmpint (unknown->status, ==, 1);
  g_assert_nonnull (strstr (unknown->err, "NOPE"));
  g_assert_true (g_file_get_contents (kept, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "an older report");

  g_clear_pointer (&out, g_free);
  out = escale_test_tmp_path ("none.xlsx");
  participants = run_cli (NULL, "--database", db, "report", "--template", "participants",
                          "--from", "2026-01-01", "--to", "2026-12-31", "--output", out);
  g_assert_cmpint (participants->status, ==, 1);
  g_assert_nonnull (strstr (participants->err, "programme"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  usage = run_cli (NULL, "--database", db, "report", "--from", "2026-01-01", "--to",
                   "2026-12-31", "--output", out);
  g_assert_cmpint (usage->status, ==, 2);
  bad_date = run_cli (NULL, "--database", db, "report", "--template", "activity", "--from",
                      "2026-02-30", "--to", "2026-12-31", "--output", out);
  g_assert_cmpint (bad_date->status, ==, 2);
  g_assert_nonnull (strstr (bad_date->err, "--from"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* encrypt, backup, restore: the passphrase from ESCALE_PASSPHRASE; no name in clear. */
static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return memmem (data, length, text, strlen (text)) != NULL;
}

static void
test_encrypt (void)
{
  g_autofree char *db = escale_test_tmp_path ("crypt.db");
  g_autofree char *backup = escale_test_tmp_path ("crypt.bak");
  g_autofree char *restored = escale_test_tmp_path ("restored.db");
  g_autoptr(CliResult) demo = run_cli (NULL, "--database", db, "demo", "--people", "20",
                                       "--no-account");
  g_autoptr(CliResult) before = run_cli (NULL, "--database", db, "search", "a", "--limit", "0");
  g_autoptr(CliResult) encrypted = NULL, after = NULL, wrong = NULL, saved = NULL;
  g_autoptr(CliResult) back = NULL, found = NULL;
  g_autoptr(CliResult) rekeyed = NULL, old_key = NULL, new_key = NULL;
  g_auto(GStrv) first = g_strsplit (before->out, "\t", 3);

  g_assert_cmpint (demo->status, ==, 0);
  g_assert_true (file_contains (db, first[1]));
  g_setenv ("ESCALE_PASSPHRASE", "a long enough passphrase", TRUE);
  encrypted = run_cli (NULL, "--database", db, "encrypt");
  g_assert_cmpint (encrypted->status, ==, 0);
  g_assert_false (file_contains (db, first[1]));
  after = run_cli (NULL, "--database", db, "search", "a", "--limit", "0");
  g_assert_cmpstr (after->out, ==, before->out);
  saved = run_cli (NULL, "--database", db, "backup", "--output", backup);
  g_assert_cmpint (saved->status, ==, 0);
  g_assert_false (file_contains (backup, first[1]));
  back = run_cli (NULL, "--database", restored, "restore", "--from", backup);
  g_assert_cmpint (back->status, ==, 0);
  found = run_cli (NULL, "--database", restored, "search", "a", "--limit", "0");
  g_assert_cmpstr (found->out, ==, before->out);
  g_setenv ("ESCALE_PASSPHRASE", "not the passphrase", TRUE);
  wrong = run_cli (NULL, "--database", db, "search", "a");
  g_assert_cmpint (wrong->status, ==, 1);
  g_assert_cmpstr (wrong->out, ==, "");

  /* A new passphrase: the old one no longer opens it. */
  g_setenv ("ESCALE_PASSPHRASE", "a long enough passphrase", TRUE);
  g_setenv ("ESCALE_NEW_PASSPHRASE", "another long passphrase", TRUE);
  rekeyed = run_cli (NULL, "--database", db, "passphrase");
  g_assert_cmpint (rekeyed->status, ==, 0);
  old_key = run_cli (NULL, "--database", db, "search", "a");
  g_assert_cmpint (old_key->status, ==, 1);
  g_setenv ("ESCALE_PASSPHRASE", "another long passphrase", TRUE);
  new_key = run_cli (NULL, "--database", db, "search", "a", "--limit", "0");
  g_assert_cmpstr (new_key->out, ==, before->out);
  g_unsetenv ("ESCALE_NEW_PASSPHRASE");
  g_unsetenv ("ESCALE_PASSPHRASE");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_xlsx_init ();
  escale_test_init (&argc, &argv);
  cli_path = argc > 1 ? argv[1] : g_getenv ("ESCALE_CLI");
  if (cli_path == NULL)
    g_error ("Give the path of escale-cli as argument or in ESCALE_CLI");

  g_test_add_func ("/cli/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/cli/search/file-number", test_search_file_number);
  g_test_add_func ("/cli/search/scripts", test_search_scripts);
  g_test_add_func ("/cli/search/batch", test_search_batch);
  g_test_add_func ("/cli/search/hostile", test_search_hostile);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/import", test_import);
  g_test_add_func ("/cli/import-xlsx", test_import_xlsx);
  g_test_add_func ("/cli/import-follow-up", test_import_follow_up);
  g_test_add_func ("/cli/agenda", test_agenda);
  g_test_add_func ("/cli/partners", test_partners);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/encrypt", test_encrypt);
  g_test_add_func ("/cli/demo/partners", test_demo_partners);
  g_test_add_func ("/cli/demo/follow-up", test_demo_follow_up);
  g_test_add_func ("/cli/init", test_init);
  g_test_add_func ("/cli/login", test_login);
  g_test_add_func ("/cli/check-audit", test_check_audit);
  g_test_add_func ("/cli/demo/account", test_demo_account);
  g_test_add_func ("/demo/content", test_demo_content);
  g_test_add_func ("/demo/cancel", test_demo_cancel);

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
