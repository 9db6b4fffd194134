/* test-crash.c — escale-cli killed at any moment, and two at once: the
 * database stays whole and keeps every change reported as saved
 *
 * Each loop runs an escale-cli command again and again and kills it with
 * SIGKILL after a random delay spread over its whole run time (measured
 * first on an uninterrupted run), from its first milliseconds to after it
 * finished. After each kill: PRAGMA integrity_check says ok through a plain
 * SQLite connection, `escale-cli check` finds no problem, and every import
 * of the loop is either all there or not at all — all there when it said
 * it succeeded. A killed report leaves no file or a complete workbook, and
 * the data as they were.
 *
 * Databases are started again every ROUND cycles, so that the checks stay
 * fast. ESCALE_CRASH_CYCLES sets the number of cycles of all the loops
 * together (default DEFAULT_CYCLES, about a minute on a small machine).
 *
 * The escale-cli executable is the first argument (meson gives it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escale-test-tmpfs.h"
#include "escale-test-util.h"
#include "escale-test-xlsx.h"

#define DEFAULT_CYCLES 120
#define ROUND 8                  /* cycles on one database */
#define MIN_ROWS 1000
#define MAX_ROWS 3000
#define BASE_PEOPLE 60           /* the people whom the imported actions concern */
#define BUSY_MESSAGE "Another program is using the database"

extern char **environ;

static const char *cli_path;
static char *template_db;        /* BASE_PEOPLE people and a few thousand actions */

typedef struct
{
  gboolean killed;   /* SIGKILL ended it */
  int      status;   /* its exit status, when not killed */
  char    *out;
  char    *err;
  double   seconds;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* Counts of a loop, printed as TAP comments. */
typedef struct
{
  const char *name;
  guint       cycles;
  guint       killed_during;
  guint       killed_after;     /* the kill came after it had finished */
  guint       reported;         /* exit 0 with its success line */
  guint       committed;        /* all rows there, reported or not */
  double      seconds;
} Tally;

static Tally totals = { .name = "all loops" };

static void
tally_print (const Tally *tally)
{
  if (tally != &totals)
    {
      totals.cycles += tally->cycles;
      totals.killed_during += tally->killed_during;
      totals.killed_after += tally->killed_after;
      totals.reported += tally->reported;
      totals.committed += tally->committed;
      totals.seconds += tally->seconds;
    }
  g_test_message ("%s: %u cycles, %u killed while running, %u killed after finishing, "
                  "%u reported success, %u committed in all, %.1f s",
                  tally->name, tally->cycles, tally->killed_during, tally->killed_after,
                  tally->reported, tally->committed, tally->seconds);
}

static char *
read_and_unlink (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_unlink (path);
  return text;
}

/* Starts escale-cli with @args; when @kill_after_us ≥ 0, sends it SIGKILL
 * that long after. The child is reaped only after the kill, so the signal
 * always reaches this process, running or finished. */
static Run *
run_cli_killed (const char * const *args,
                gint64              kill_after_us)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out_path = escale_test_tmp_path ("stdout");
  g_autofree char *err_path = escale_test_tmp_path ("stderr");
  posix_spawn_file_actions_t actions;
  Run *run = g_new0 (Run, 1);
  gint64 start;
  pid_t pid;
  int wstatus;

  g_ptr_array_add (argv, (char *) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen (&actions, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen (&actions, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  start = g_get_monotonic_time ();
  g_assert_cmpint (posix_spawn (&pid, cli_path, &actions, NULL, (char **) argv->pdata, environ),
                   ==, 0);
  posix_spawn_file_actions_destroy (&actions);
  if (kill_after_us >= 0)
    {
      g_usleep ((gulong) kill_after_us);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
    }
  g_assert_cmpint (waitpid (pid, &wstatus, 0), ==, pid);
  run->seconds = (g_get_monotonic_time () - start) / 1e6;
  run->killed = WIFSIGNALED (wstatus);
  g_assert_true (run->killed ? WTERMSIG (wstatus) == SIGKILL : WIFEXITED (wstatus));
  run->status = run->killed ? -1 : WEXITSTATUS (wstatus);
  run->out = read_and_unlink (out_path);
  run->err = read_and_unlink (err_path);
  return run;
}

#define run_cli(...) run_cli_killed ((const char *[]) { __VA_ARGS__, NULL }, -1)

/* Sorts a kill into the tally. */
static void
count_kill (Tally     *tally,
            const Run *run)
{
  tally->cycles++;
  if (run->killed)
    tally->killed_during++;
  else
    tally->killed_after++;
}

/* A delay spread over the whole run of a command that takes @seconds: one
 * in eight in its first 3 ms, the others up to a quarter past its end. */
static gint64
random_delay (double seconds)
{
  if (g_test_rand_int_range (0, 8) == 0)
    return g_test_rand_int_range (0, 3000);
  return (gint64) g_test_rand_double_range (0, seconds * 1.25 * 1e6);
}

/* The database is whole, in SQLite's eyes and in escale-cli's. */
static void
assert_clean (const char *db)
{
  g_autofree char *integrity = escale_test_integrity_check (db);
  g_autoptr(Run) check = run_cli ("--database", db, "check");

  g_assert_cmpstr (integrity, ==, "ok");
  if (check->status != 0)
    g_test_message ("escale-cli check: %s%s", check->out, check->err);
  g_assert_cmpint (check->status, ==, 0);
}

static char *
copy_template (const char *name)
{
  char *path = escale_test_tmp_path (name);
  g_autoptr(GFile) from = g_file_new_for_path (template_db);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

/* CSV files */

static char *
write_csv (const char *name,
           GString    *text)
{
  char *path = escale_test_tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  return path;
}

/* @rows people whose file numbers are PREFIX-N. */
static char *
people_csv (const char *prefix,
            guint       rows)
{
  g_autoptr(GString) text = g_string_new ("file_number,family_name,given_names,sex,birth_date,"
                                          "phone\n");
  static const char *const families[] = { "Haddad", "Tesfaye", "Karimi", "Diallo", "Popescu",
                                          "Hakimi", "Kovalenko", "Mendes" };
  static const char *const given[] = { "Samir", "Selam", "Ahmad", "Aminata", "Ioana", "Rania",
                                       "Olena", "João" };

  for (guint i = 1; i <= rows; i++)
    g_string_append_printf (text, "%s-%u,%s,%s,%c,19%02u-%02u-%02u,+33 6 %08u\n", prefix, i,
                            families[i % G_N_ELEMENTS (families)],
                            given[(i / 8) % G_N_ELEMENTS (given)], i % 2 ? 'm' : 'f',
                            50 + i % 50, 1 + i % 12, 1 + i % 28, i);
  return write_csv ("people.csv", text);
}

/* @rows actions of the base people, each with the note PREFIX-N. */
static char *
actions_csv (const char *prefix,
             guint       rows)
{
  g_autoptr(GString) text = g_string_new ("file_number,date,type,status,duration_minutes,notes\n");

  for (guint i = 1; i <= rows; i++)
    g_string_append_printf (text, "B-%u,2024-%02u-%02uT10:%02u,interview,done,30,%s-%u\n",
                            1 + i % BASE_PEOPLE, 1 + i % 12, 1 + i % 28, i % 60, prefix, i);
  return write_csv ("actions.csv", text);
}

/* Imports */

typedef struct
{
  guint    rows;
  gboolean reported;
  int      seen;      /* -1 until checked, then 0 (none) or 1 (all) */
  char     prefix[16];
} Cycle;

typedef struct
{
  const char *kind;                 /* escale-cli import KIND */
  const char *letter;               /* of the prefix of the cycle's rows */
  const char *count_sql;            /* rows whose key starts with %s- */
  char     *(*make_csv) (const char *prefix,
                         guint       rows);
} ImportLoop;

static gint64
count_rows (const char       *db,
            const ImportLoop *loop,
            const char       *prefix)
{
  g_autofree char *pattern = g_strdup_printf ("%s-%%", prefix);
  g_autofree char *sql = g_strdup_printf (loop->count_sql, pattern);

  return escale_test_plain_int (db, sql);
}

static gboolean
reported_success (const Run *run,
                  guint      rows)
{
  g_autofree char *line = g_strdup_printf ("Created %u, updated 0\n", rows);

  return !run->killed && run->status == 0 && g_str_has_suffix (run->out, line);
}

/* Every cycle of the round so far: all rows or none, all when reported,
 * and never a change of mind after the first look. */
static void
check_cycles (const char       *db,
              const ImportLoop *loop,
              Cycle            *cycles,
              guint             n,
              Tally            *tally)
{
  for (guint i = 0; i < n; i++)
    {
      Cycle *cycle = &cycles[i];
      gint64 found = count_rows (db, loop, cycle->prefix);
      int state = found == cycle->rows ? 1 : 0;

      if (found != 0 && found != cycle->rows)
        g_error ("%s import %s: %" G_GINT64_FORMAT " rows of %u — a partial import",
                 loop->kind, cycle->prefix, found, cycle->rows);
      if (cycle->reported)
        g_assert_cmpint (state, ==, 1);
      if (cycle->seen >= 0)
        g_assert_cmpint (state, ==, cycle->seen);
      else
        tally->committed += (guint) state;
      cycle->seen = state;
    }
}

/* Runs @args to the end: its run time. */
static double
time_run (const char * const *args)
{
  g_autoptr(Run) run = run_cli_killed (args, -1);

  if (run->status != 0)
    g_error ("%s %s: %s%s", args[2], args[3], run->out, run->err);
  return run->seconds;
}

/* The median of three run times, as the machine may be busy. */
static double
median_of_three (double times[3])
{
  qsort (times, 3, sizeof (double), escale_test_compare_doubles);
  return times[1];
}

static double
time_import (const char       *db,
             const ImportLoop *loop)
{
  double times[3];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("T%u", i);
      g_autofree char *csv = loop->make_csv (prefix, (MIN_ROWS + MAX_ROWS) / 2);

      times[i] = time_run ((const char *[]) { "--database", db, "import", loop->kind, csv,
                                              NULL });
      g_unlink (csv);
    }
  return median_of_three (times);
}

static void
run_import_loop (const ImportLoop *loop,
                 guint             n_cycles,
                 Tally            *tally)
{
  g_autofree char *timing_db = copy_template ("timing.db");
  double seconds = time_import (timing_db, loop);
  gint64 start = g_get_monotonic_time ();
  g_autofree Cycle *cycles = g_new0 (Cycle, ROUND);
  g_autofree char *db = NULL;
  guint in_round = 0;

  g_test_message ("%s: an uninterrupted import of %u rows takes %.2f s", tally->name,
                  (MIN_ROWS + MAX_ROWS) / 2, seconds);
  for (guint c = 0; c < n_cycles; c++)
    {
      Cycle *cycle;
      g_autofree char *csv = NULL;
      g_autoptr(Run) run = NULL;

      if (in_round == ROUND || db == NULL)
        {
          g_free (db);
          db = copy_template ("crash.db");
          in_round = 0;
        }
      cycle = &cycles[in_round++];
      cycle->rows = (guint) g_test_rand_int_range (MIN_ROWS, MAX_ROWS + 1);
      cycle->seen = -1;
      g_snprintf (cycle->prefix, sizeof cycle->prefix, "%s%04u", loop->letter, c);
      csv = loop->make_csv (cycle->prefix, cycle->rows);
      run = run_cli_killed ((const char *[]) { "--database", db, "import", loop->kind, csv,
                                               NULL },
                            random_delay (seconds * cycle->rows / ((MIN_ROWS + MAX_ROWS) / 2)));
      count_kill (tally, run);
      cycle->reported = reported_success (run, cycle->rows);
      tally->reported += cycle->reported;
      if (!run->killed && !cycle->reported)
        g_error ("%s import %s ended with %d: %s%s", loop->kind, cycle->prefix, run->status,
                 run->out, run->err);
      assert_clean (db);
      check_cycles (db, loop, cycles, in_round, tally);
      g_unlink (csv);
    }
  tally->seconds = (g_get_monotonic_time () - start) / 1e6;
  tally_print (tally);
}

static guint
cycles_of (guint share)
{
  const char *env = g_getenv ("ESCALE_CRASH_CYCLES");
  guint total = env ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_CYCLES;

  return MAX (1, total * share / 100);
}

static const ImportLoop people_loop = {
  "people", "K", "SELECT count(*) FROM person WHERE file_number LIKE '%s'", people_csv
};

static const ImportLoop actions_loop = {
  "actions", "A", "SELECT count(*) FROM action WHERE notes LIKE '%s'", actions_csv
};

static void
test_kill_import_people (void)
{
  Tally tally = { .name = "import people" };

  run_import_loop (&people_loop, cycles_of (40), &tally);
  g_assert_cmpuint (tally.killed_during, >, 0);
}

static void
test_kill_import_actions (void)
{
  Tally tally = { .name = "import actions" };

  run_import_loop (&actions_loop, cycles_of (35), &tally);
  g_assert_cmpuint (tally.killed_during, >, 0);
}

/* Reports */

/* A whole zip archive ends with its end of central directory record; the
 * workbooks have no archive comment, so it is the last 22 bytes. */
static gboolean
is_complete_zip (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return length > 22 && memcmp (data + length - 22, "PK\5\6", 4) == 0;
}

static void
assert_workbook_reads (const char *path)
{
  g_autoptr(GPtrArray) sheets = escale_test_xlsx_read_sheets (path, "raw", NULL);

  g_assert_cmpuint (sheets->len, >, 0);
}

/* Temporary files the report left in @dir (removed). */
static guint
sweep_temporaries (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, ".escale-report-"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
        n++;
      }
  return n;
}

#define DATA_FINGERPRINT \
  "SELECT (SELECT count(*) || '/' || total(id) FROM person) || ' ' || " \
  "(SELECT count(*) || '/' || total(id) || '/' || max(updated_at) FROM action)"

static char *
data_fingerprint (const char *db)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, DATA_FINGERPRINT, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return text;
}

static void
test_kill_report (void)
{
  g_autofree char *db = copy_template ("report.db");
  g_autofree char *dir = escale_test_tmp_path ("reports");
  g_autofree char *fingerprint = data_fingerprint (db);
  gint64 audit = escale_test_plain_int (db, "SELECT count(*) FROM audit_log");
  guint n_cycles = cycles_of (25);
  gboolean have_ssconvert = g_getenv ("ESCALE_SSCONVERT") != NULL;
  guint complete = 0, read_back = 0, temporaries = 0, unwritten = 0;
  Tally tally = { .name = "report" };
  double times[3], seconds;
  gint64 start;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *output = g_build_filename (dir, "timing.xlsx", NULL);

      times[i] = time_run ((const char *[]) { "--database", db, "report",
                                              "--template", "activity", "--from", "2024-01-01",
                                              "--to", "2024-12-31", "--output", output, NULL });
      g_unlink (output);
      audit++;
    }
  seconds = median_of_three (times);
  g_test_message ("report: an uninterrupted report takes %.2f s", seconds);
  start = g_get_monotonic_time ();
  for (guint c = 0; c < n_cycles; c++)
    {
      g_autofree char *name = g_strdup_printf ("report-%u.xlsx", c);
      g_autofree char *output = g_build_filename (dir, name, NULL);
      g_autofree char *now = NULL;
      g_autoptr(Run) run = NULL;
      gboolean exists;
      gint64 audit_now;

      run = run_cli_killed ((const char *[]) { "--database", db, "report",
                                               "--template", "activity",
                                               "--from", "2024-01-01", "--to", "2024-12-31",
                                               "--output", output, NULL },
                            random_delay (seconds));
      count_kill (&tally, run);
      if (!run->killed)
        {
          if (run->status != 0)
            g_error ("report %u ended with %d: %s%s", c, run->status, run->out, run->err);
          tally.reported++;
        }
      exists = g_file_test (output, G_FILE_TEST_EXISTS);
      if (!run->killed)
        g_assert_true (exists);
      if (exists)
        {
          g_assert_true (is_complete_zip (output));
          complete++;
          /* ssconvert takes a second: a sample. */
          if (have_ssconvert && (read_back == 0 || complete % 10 == 0))
            {
              assert_workbook_reads (output);
              read_back++;
            }
        }
      temporaries += sweep_temporaries (dir);
      /* The data are untouched; the audit log has the report's entry
       * whenever the workbook exists (it is written first), and also when
       * the kill came between the entry and the file. */
      now = data_fingerprint (db);
      g_assert_cmpstr (now, ==, fingerprint);
      audit_now = escale_test_plain_int (db, "SELECT count(*) FROM audit_log");
      g_assert_cmpint (audit_now, >=, audit);
      g_assert_cmpint (audit_now, <=, audit + 1);
      if (!run->killed)
        g_assert_cmpint (audit_now, ==, audit + 1);
      if (exists)
        g_assert_cmpint (audit_now, ==, audit + 1);
      else if (audit_now == audit + 1)
        unwritten++;
      audit = audit_now;
      assert_clean (db);
      g_unlink (output);
    }
  tally.committed = complete;
  tally.seconds = (g_get_monotonic_time () - start) / 1e6;
  tally_print (&tally);
  g_test_message ("report: %u complete workbooks (%u read back by ssconvert), %u temporary "
                  "files left by kills, %u reports in the audit log whose workbook a kill "
                  "stopped", complete, read_back, temporaries, unwritten);
}

/* Backups, once escale-cli writes a plain copy with backup --output FILE. */
static gboolean
is_good_copy (const char *path,
              gint64      people)
{
  g_autofree char *integrity = escale_test_integrity_check (path);

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (escale_test_plain_int (path, "SELECT count(*) FROM person"), ==, people);
  return TRUE;
}

static gboolean
has_sqlite_header (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  return g_file_get_contents (path, &data, &length, NULL) && length >= 16 &&
         memcmp (data, "SQLite format 3", 16) == 0;
}

static void
test_kill_backup (void)
{
  g_autofree char *db = copy_template ("backup.db");
  g_autofree char *dir = escale_test_tmp_path ("backups");
  g_autofree char *first = NULL;
  g_autoptr(Run) probe = NULL;
  gint64 people = escale_test_plain_int (db, "SELECT count(*) FROM person");
  guint n_cycles = cycles_of (15);
  guint complete = 0, leftovers = 0;
  Tally tally = { .name = "backup" };
  double seconds;
  gint64 start;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  first = g_build_filename (dir, "first.db", NULL);
  probe = run_cli ("--database", db, "backup", "--output", first);
  if (probe->status != 0 || !has_sqlite_header (first))
    {
      g_autofree char *why = g_strdup_printf ("escale-cli backup --output FILE does not write "
                                              "a plain copy of the database yet: %s",
                                              probe->err);
      g_test_skip (why);
      return;
    }
  seconds = probe->seconds;
  is_good_copy (first, people);
  start = g_get_monotonic_time ();
  for (guint c = 0; c < n_cycles; c++)
    {
      g_autofree char *name = g_strdup_printf ("backup-%u.db", c);
      g_autofree char *output = g_build_filename (dir, name, NULL);
      g_autoptr(Run) run = NULL;
      g_autoptr(GDir) folder = NULL;
      const char *entry;

      run = run_cli_killed ((const char *[]) { "--database", db, "backup", "--output", output,
                                               NULL },
                            random_delay (seconds));
      count_kill (&tally, run);
      if (!run->killed)
        {
          g_assert_cmpint (run->status, ==, 0);
          tally.reported++;
        }
      if (g_file_test (output, G_FILE_TEST_EXISTS))
        complete += is_good_copy (output, people);
      else
        g_assert_true (run->killed);
      assert_clean (db);
      /* Whatever else the kill left in the folder. */
      folder = g_dir_open (dir, 0, NULL);
      while ((entry = g_dir_read_name (folder)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, entry, NULL);

          if (!g_str_equal (entry, "first.db"))
            {
              leftovers += !g_str_equal (entry, name);
              g_unlink (path);
            }
        }
    }
  tally.committed = complete;
  tally.seconds = (g_get_monotonic_time () - start) / 1e6;
  tally_print (&tally);
  g_test_message ("backup: %u complete copies, %u other files left by kills", complete,
                  leftovers);
}

/* Two programs at once */

static GSubprocess *
spawn_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (char *) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  return process;
}

/* Waits for @process: %TRUE when it succeeded (its output ends with
 * @success_line), %FALSE when it said the database was busy; anything
 * else fails the test. */
static gboolean
finish_or_busy (GSubprocess *process,
                const char  *success_line)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (g_subprocess_get_exit_status (process) == 0)
    {
      g_assert_true (g_str_has_suffix (out, success_line));
      return TRUE;
    }
  g_test_message ("a concurrent command failed: %s", err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, BUSY_MESSAGE));
  return FALSE;
}

/* Two imports and `escale-cli check` (a reader) at once, while this
 * process holds a read transaction open: each import succeeds or says the
 * database is busy. */
static void
test_concurrent_imports (void)
{
  g_autofree char *db = copy_template ("concurrent.db");
  const char *prefixes[] = { "X", "Y", "Z" };
  char *csvs[G_N_ELEMENTS (prefixes)];
  GSubprocess *imports[G_N_ELEMENTS (prefixes)];
  gboolean done[G_N_ELEMENTS (prefixes)];
  g_autoptr(GSubprocess) reader = NULL;
  sqlite3 *handle = NULL;
  guint rows = MAX_ROWS;
  guint succeeded = 0;

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "BEGIN; SELECT count(*) FROM person;", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      csvs[i] = people_csv (prefixes[i], rows);
      imports[i] = spawn_cli ((const char *[]) { "--database", db, "import", "people", csvs[i],
                                                 NULL });
    }
  reader = spawn_cli ((const char *[]) { "--database", db, "check", NULL });
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *line = g_strdup_printf ("Created %u, updated 0\n", rows);

      done[i] = finish_or_busy (imports[i], line);
      succeeded += done[i];
      g_object_unref (imports[i]);
    }
  /* The check too may wait for the imports longer than the busy timeout
   * (under the sanitizers they are slow): then it says so. */
  finish_or_busy (reader, "No problem found\n");
  sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (handle);

  assert_clean (db);
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *pattern = g_strdup_printf ("SELECT count(*) FROM person "
                                                  "WHERE file_number LIKE '%s-%%'", prefixes[i]);

      g_assert_cmpint (escale_test_plain_int (db, pattern), ==, done[i] ? rows : 0);
      g_unlink (csvs[i]);
      g_free (csvs[i]);
    }
  g_test_message ("concurrent imports: %u of %u succeeded", succeeded,
                  (guint) G_N_ELEMENTS (prefixes));
}

/* Another program holds the write lock longer than the busy timeout: the
 * import says so, in words, and writes nothing. */
static void
test_busy_message (void)
{
  g_autofree char *db = copy_template ("busy.db");
  g_autofree char *csv = people_csv ("W", 100);
  g_autoptr(Run) run = NULL;
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  run = run_cli ("--database", db, "import", "people", csv);
  sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (handle);
  g_test_message ("busy: %s", run->err);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, BUSY_MESSAGE));
  g_assert_cmpint (escale_test_plain_int (db, "SELECT count(*) FROM person "
                                              "WHERE file_number LIKE 'W-%'"), ==, 0);
  assert_clean (db);
}

/* The template: the base people B-1… and actions in 2024 for the reports. */
static void
make_template (void)
{
  g_autofree char *people = people_csv ("B", BASE_PEOPLE);
  g_autofree char *actions = actions_csv ("base", 3000);
  g_autoptr(Run) first = NULL;
  g_autoptr(Run) second = NULL;

  template_db = escale_test_tmp_path ("template.db");
  first = run_cli ("--database", template_db, "import", "people", people);
  g_assert_cmpint (first->status, ==, 0);
  second = run_cli ("--database", template_db, "import", "actions", actions);
  g_assert_cmpint (second->status, ==, 0);
  /* Everything in the main file, to copy it alone. */
  g_assert_cmpint (escale_test_plain_int (template_db, "PRAGMA wal_checkpoint(TRUNCATE)"), ==, 0);
  g_unlink (people);
  g_unlink (actions);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_xlsx_init ();
  escale_test_init (&argc, &argv);
  cli_path = argc > 1 ? argv[1] : g_getenv ("ESCALE_CLI");
  g_assert_nonnull (cli_path);
  make_template ();

  g_test_add_func ("/crash/import-people", test_kill_import_people);
  g_test_add_func ("/crash/import-actions", test_kill_import_actions);
  g_test_add_func ("/crash/report", test_kill_report);
  g_test_add_func ("/crash/backup", test_kill_backup);
  g_test_add_func ("/crash/concurrent-imports", test_concurrent_imports);
  g_test_add_func ("/crash/busy-message", test_busy_message);

  status = g_test_run ();
  tally_print (&totals);
  escale_test_cleanup ();
  return status;
}
