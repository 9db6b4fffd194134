/* escale-cli.c — Escale on the command line (no display needed)
 *
 *   escale-cli [--database PATH] [--user LOGIN] [--language LANG] COMMAND [OPTION…]
 *
 * A database with accounts needs --user and a password: see
 * escale-cli-account.c.
 *
 * Exit status: 0 on success, 1 when the work failed or found problems, 2 for
 * a command line that cannot be understood.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escale-account.h"
#include "escale-action-import.h"
#include "escale-audit.h"
#include "escale-cli-private.h"
#include "escale-demo-actions.h"
#include "escale-demo.h"
#include "escale-demo-partners.h"
#include "escale-import.h"
#include "escale-language.h"
#include "escale-partner-import.h"
#include "escale-person-store.h"
#include "escale-person-list.h"
#include "escale-search.h"
#include "escale-store.h"

#define DEFAULT_LIMIT 20
#define MAX_ACTIONS_PER_PERSON 1000
/* The administrator of a new demo database: README.md and build-aux/dev say them. */
#define DEMO_LOGIN "demo"
#define DEMO_PASSWORD "escale-demo"

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (const char *database,
                    int         argc,
                    char      **argv);
} Command;

static int run_demo   (const char *database, int argc, char **argv);
static int run_search (const char *database, int argc, char **argv);
static int run_check  (const char *database, int argc, char **argv);
static int run_import (const char *database, int argc, char **argv);


static const Command commands[] = {
  /* Translators: the commands of escale-cli, shown by "escale-cli --help" */
  { "init", N_("Create a new database with its first administrator"), escale_cli_run_init },
  { "demo", N_("Add realistic demo people and their follow-up"), run_demo },
  { "search", N_("Find people, as the search box does"), run_search },
  { "check", N_("Check the integrity of the database"), run_check },
  { "import", N_("Import people, actions, programmes, enrolments or partners from a CSV file or "
       "an XLSX workbook"),
    run_import },
  { "agenda", N_("Print what is due: planned actions and next steps"),
    escale_cli_run_agenda },
  { "partners", N_("List the partner organisations, by theme or with free places"),
    escale_cli_run_partners },
  { "report", N_("Write a funder or activity report as an XLSX spreadsheet"),
    escale_cli_run_report },
  { "encrypt", N_("Encrypt the database under a passphrase"), escale_cli_run_encrypt },
  { "passphrase", N_("Change the passphrase of an encrypted database"),
    escale_cli_run_passphrase },
  { "backup", N_("Write a checked backup of the database"), escale_cli_run_backup },
  { "restore", N_("Put a backup in place of the database, keeping a copy of it"),
    escale_cli_run_restore },
};

/* Helpers */

int
escale_cli_usage_error (const char *command,
             const char *message)
{
  g_printerr ("%s: %s\n", PROGRAM_NAME, message);
  /* Translators: %s is a command, such as "escale-cli search" */
  g_printerr (_("Run “%s --help” to see how to use it."), command);
  g_printerr ("\n");
  return EXIT_USAGE;
}

int
escale_cli_report_error (const GError *error)
{
  g_printerr ("%s: %s\n", PROGRAM_NAME, error->message);
  return EXIT_FAILED;
}

/* Parses the options of @command; on %FALSE, *@status is the exit status. */
gboolean
escale_cli_parse_command (const char    *command,
               const char    *parameters,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int           *status)
{
  g_autofree char *prgname = g_strdup_printf ("%s %s", PROGRAM_NAME, command);
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, command))
      g_option_context_set_summary (context, _(commands[i].summary));
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = escale_cli_usage_error (prgname, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Opens the database and logs in, when it has accounts. */
/* SQLite's write-ahead log is not safe between computers. */
static void
warn_if_shared (const char *path)
{
  g_autofree char *why = NULL;

  if (!escale_store_path_is_shared (path, &why))
    return;
  /* Translators: %s is the reason, e.g. "it is in a synchronised folder (Dropbox)" */
  g_printerr (_("Warning: this database should not be used from two computers at once: %s."),
              why);
  g_printerr ("\n");
}

EscaleStore *
escale_cli_open_store (const char  *database,
            gboolean     must_exist,
            GError     **error)
{
  g_autofree char *path = database ? g_strdup (database) : escale_store_default_path ();
  g_autoptr(EscaleStore) store = NULL;

  if (must_exist && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   /* Translators: %s is a file path */
                   _("There is no database at %s"), path);
      return NULL;
    }
  if (!escale_cli_unlock (path, error) ||
      !(store = escale_store_open (path, error)) || !escale_cli_log_in (store, error))
    return NULL;
  warn_if_shared (path);
  return g_steal_pointer (&store);
}

/* Names with a tab or a line break would break the one-match-a-line output. */
void
escale_cli_print_field (const char *text,
             char        end)
{
  for (const char *p = text ? text : ""; *p; p++)
    putchar (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
  putchar (end);
}

/* demo */

static void
on_demo_progress (guint    done,
                  guint    total,
                  gpointer user_data G_GNUC_UNUSED)
{
  g_printerr ("\r");
  /* Translators: progress of the demo data generation, e.g. "1500 / 10000 people" */
  g_printerr (_("%u / %u people"), done, total);
}

static int
run_demo (const char  *database,
          int          argc,
          char       **argv)
{
  int people = 0;
  int actions = ESCALE_DEMO_ACTIONS_PER_PERSON;
  guint n_actions = 0;
  guint n_partners = 0;
  gboolean no_partners = FALSE;
  gboolean no_account = FALSE;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "people", 'n', 0, G_OPTION_ARG_INT, &people,
      N_("How many people to add"), N_("N") },
    { "actions-per-person", 'a', 0, G_OPTION_ARG_INT, &actions,
      N_("How many actions each new person gets (default: 10)"), N_("M") },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed,
      N_("The seed of the random choices: the same seed gives the same people (default: 1)"),
      N_("S") },
    { "no-partners", 0, 0, G_OPTION_ARG_NONE, &no_partners,
      N_("Do not add the demo partner organisations"), NULL },
    { "no-account", 0, 0, G_OPTION_ARG_NONE, &no_account,
      N_("Do not add the demo administrator account to a new database"), NULL },
    { NULL }
  };
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = database ? g_strdup (database) : escale_store_default_path ();
  gboolean is_new = !g_file_test (path, G_FILE_TEST_EXISTS);
  gint64 start;
  int status;

  if (!escale_cli_parse_command ("demo", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (PROGRAM_NAME " demo", _("This command takes no argument"));
  if (people <= 0)
    return escale_cli_usage_error (PROGRAM_NAME " demo",
                        _("Say how many people to add with --people, a number above 0"));
  if (actions < 0 || actions > MAX_ACTIONS_PER_PERSON)
    return escale_cli_usage_error (PROGRAM_NAME " demo",
                        _("The number of actions per person must be between 0 and 1000"));
  if (seed < 0 || seed > G_MAXUINT32)
    return escale_cli_usage_error (PROGRAM_NAME " demo",
                        _("The seed must be a number between 0 and 4294967295"));

  if (!(store = escale_cli_open_store (database, FALSE, &error)))
    return escale_cli_report_error (error);
  start = g_get_monotonic_time ();
  if (!escale_demo_generate_full (store, (guint) people, (guint32) seed,
                                  isatty (STDERR_FILENO) ? on_demo_progress : NULL, NULL,
                                  NULL, &error) ||
      !escale_demo_generate_follow_up (store, (guint) actions, (guint32) seed,
                                       isatty (STDERR_FILENO) ? on_demo_progress : NULL, NULL,
                                       NULL, &n_actions, &error) ||
      (!no_partners && !escale_demo_generate_partners (store, (guint32) seed, &n_partners,
                                                       &error)) ||
      (is_new && !no_account &&
       escale_store_create_account (store, DEMO_LOGIN, NULL, ESCALE_ROLE_ADMINISTRATOR,
                                    DEMO_PASSWORD, &error) <= 0))
    return escale_cli_report_error (error);
  if (isatty (STDERR_FILENO))
    g_printerr ("\n");
  /* Translators: %u is a number of people, %.1f a number of seconds */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u person in %.1f s", "Added %u people in %.1f s",
                        (gulong) people),
           (guint) people, (g_get_monotonic_time () - start) / 1e6);
  g_print ("\n");
  /* Translators: %u is a number of actions of the follow-up */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Their follow-up has %u action",
                        "Their follow-up has %u actions", n_actions), n_actions);
  g_print ("\n");
  if (n_partners > 0)
    {
      /* Translators: %u is a number of partner organisations */
      g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u partner", "Added %u partners",
                            n_partners), n_partners);
      g_print ("\n");
    }
  if (is_new && !no_account)
    {
      /* Translators: the %s are a login and its password */
      g_print (_("Log in as “%s”, password “%s”"), DEMO_LOGIN, DEMO_PASSWORD);
      g_print ("\n");
    }
  return EXIT_OK;
}

/* search */

#define SUMMARY_CHUNK 500

static gboolean
answer_query (EscaleStore  *store,
              const char   *query,
              guint         limit,
              GError      **error)
{
  g_autoptr(GArray) ids = escale_store_search_people (store, query, NULL, limit, error);

  if (ids == NULL)
    return FALSE;
  for (guint first = 0; first < ids->len; first += SUMMARY_CHUNK)
    {
      g_autoptr(GPtrArray) summaries = NULL;

      summaries = escale_store_load_summaries (store, &g_array_index (ids, gint64, first),
                                               MIN (SUMMARY_CHUNK, ids->len - first));
      for (guint i = 0; i < summaries->len; i++)
        {
          EscalePersonSummary *summary = g_ptr_array_index (summaries, i);

          if (escale_person_summary_get_file_number (summary) == NULL)
            continue; /* deleted meanwhile */
          escale_cli_print_field (escale_person_summary_get_file_number (summary), '\t');
          escale_cli_print_field (escale_person_summary_get_family_name (summary), '\t');
          escale_cli_print_field (escale_person_summary_get_given_names (summary), '\n');
        }
    }
  return TRUE;
}

/* One query a line; each answer ends with an empty line. */
static int
answer_stdin (EscaleStore *store,
              guint        limit)
{
  g_autofree char *line = NULL;
  size_t size = 0;
  ssize_t length;
  int status = EXIT_OK;

  while ((length = getline (&line, &size, stdin)) >= 0)
    {
      g_autoptr(GError) error = NULL;

      while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
        line[--length] = '\0';
      if (!answer_query (store, line, limit, &error))
        status = escale_cli_report_error (error);
      putchar ('\n');
      fflush (stdout);
    }
  return status;
}

static int
run_search (const char  *database,
            int          argc,
            char       **argv)
{
  int limit = DEFAULT_LIMIT;
  GOptionEntry entries[] = {
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit,
      N_("Show at most N people (default: 20; 0 shows every match)"), N_("N") },
    { NULL }
  };
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  int status;

  /* Translators: the argument of "escale-cli search"; keep the "-" */
  if (!escale_cli_parse_command ("search", N_("QUERY — or “-” to read one query a line"), entries, &argc,
                      &argv, &status))
    return status;
  if (argc < 2)
    return escale_cli_usage_error (PROGRAM_NAME " search", _("Say what to search for"));
  if (limit < 0)
    return escale_cli_usage_error (PROGRAM_NAME " search", _("The limit cannot be negative"));

  if (!(store = escale_cli_open_store (database, TRUE, &error)))
    return escale_cli_report_error (error);
  if (argc == 2 && g_str_equal (argv[1], "-"))
    return answer_stdin (store, (guint) limit);
  query = g_strjoinv (" ", argv + 1);
  if (!answer_query (store, query, (guint) limit, &error))
    return escale_cli_report_error (error);
  fflush (stdout);
  return EXIT_OK;
}

/* check */

static int
run_check (const char  *database,
           int          argc,
           char       **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int status;

  if (!escale_cli_parse_command ("check", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (PROGRAM_NAME " check", _("This command takes no argument"));

  if (!(store = escale_cli_open_store (database, TRUE, &error)) ||
      !escale_store_check (store, problems, &error))
    return escale_cli_report_error (error);
  if (!escale_audit_verify (store, &error))
    {
      if (!g_error_matches (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID))
        return escale_cli_report_error (error);
      g_ptr_array_add (problems, g_strdup (error->message));
    }
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u problem found", "%u problems found",
                               problems->len), problems->len);
      g_printerr ("\n");
      return EXIT_FAILED;
    }
  g_print ("%s\n", _("No problem found"));
  return EXIT_OK;
}

/* import */

static int
print_import_report (EscaleImportReport *report,
                     gboolean            dry_run)
{
  if (report->from_windows_1252)
    g_printerr ("%s\n", _("Note: the file is not UTF-8 text; it was read as Windows-1252."));
  for (guint i = 0; i < report->unknown_columns->len; i++)
    {
      /* Translators: %s is a column of the CSV file's header */
      g_printerr (_("Warning: unknown column “%s” ignored"),
                  (const char *) g_ptr_array_index (report->unknown_columns, i));
      g_printerr ("\n");
    }
  if (report->n_sheets > 1)
    {
      /* Translators: %s is the name of the sheet of a workbook that was read */
      g_printerr (_("Note: only the first sheet, “%s”, was read."),
                  report->sheet_name ? report->sheet_name : "");
      g_printerr ("\n");
    }
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *text = escale_import_problem_to_string (g_ptr_array_index (report->problems,
                                                                                   i));
      g_printerr ("%s\n", text);
    }
  if (report->problems->len > 0)
    {
      g_printerr ("%s\n", _("Nothing was imported: correct the lines above and try again."));
      return EXIT_FAILED;
    }
  /* Translators: the summary of an import: how many people were created and updated */
  g_print (_("Created %u, updated %u"), report->created, report->updated);
  g_print ("\n");
  if (dry_run)
    g_print ("%s\n", _("This was a dry run: nothing was written."));
  return EXIT_OK;
}

typedef EscaleImportReport *(*ImportFunc) (EscaleStore  *store,
                                           const char   *path,
                                           gboolean      dry_run,
                                           GError      **error);

static const struct
{
  const char *kind;
  ImportFunc  run;
} imports[] = {
  { "people", escale_import_people },
  { "actions", escale_import_actions },
  { "programmes", escale_import_programmes },
  { "enrolments", escale_import_enrolments },
  { "partners", escale_import_partners },
};

static int
run_import (const char  *database,
            int          argc,
            char       **argv)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the whole file and report, but write nothing"), NULL },
    { NULL }
  };
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  ImportFunc import = NULL;

  /* Translators: the arguments of "escale-cli import"; the kinds are keywords, keep them */
  if (!escale_cli_parse_command ("import",
                                 N_("people|actions|programmes|enrolments|partners "
                                    "FILE.csv|FILE.xlsx"),
                                 entries, &argc, &argv, &status))
    return status;
  for (guint i = 0; argc == 3 && i < G_N_ELEMENTS (imports); i++)
    if (g_str_equal (argv[1], imports[i].kind))
      import = imports[i].run;
  if (import == NULL)
    return escale_cli_usage_error (PROGRAM_NAME " import",
                        /* Translators: the kinds are keywords, keep them */
                        _("Say what to import and from which file: "
                          "people|actions|programmes|enrolments|partners FILE.csv|FILE.xlsx"));

  /* A dry run writes nothing, so creates no database either. */
  if (!(store = escale_cli_open_store (database, dry_run, &error)) ||
      !(report = import (store, argv[2], dry_run, &error)))
    return escale_cli_report_error (error);
  return print_import_report (report, dry_run);
}

/* Main */

static void
set_language (const char *code)
{
  g_autofree char *list = escale_language_gettext_list (code);

  if (list != NULL)
    g_setenv ("LANGUAGE", list, TRUE);
}

/* --language must act before any text is translated, so before the options
 * are parsed (their help is translated). */
static void
apply_language_option (int    argc,
                       char **argv)
{
  for (int i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--language") && i + 1 < argc)
        set_language (argv[++i]);
      else if (g_str_has_prefix (argv[i], "--language="))
        set_language (argv[i] + strlen ("--language="));
      else if (g_str_equal (argv[i], "--database") || g_str_equal (argv[i], "-d") ||
               g_str_equal (argv[i], "--user") || g_str_equal (argv[i], "-u"))
        i++;
      else if (g_str_equal (argv[i], "--"))
        break;
    }
}

static char *
build_summary (void)
{
  GString *summary = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (summary, "\n  %-8s %s", commands[i].name, _(commands[i].summary));
  return g_string_free (summary, FALSE);
}

static char *
build_description (void)
{
  g_autofree char *path = escale_store_default_path ();

  return g_strdup_printf (_("The default database is %s.\n"
                            "Run “%s COMMAND --help” for the options of a command."),
                          path, PROGRAM_NAME);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *language = NULL;
  g_autofree char *user = NULL;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file to use"), N_("PATH") },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &user,
      N_("The account to log in with, when the database has accounts; its password is typed, "
         "or taken from the ESCALE_PASSWORD environment variable"), N_("LOGIN") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language of messages, such as fr or ar"), N_("LANG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;

  apply_language_option (argc, argv);
  setlocale (LC_ALL, "");
  /* ESCALE_LOCALEDIR lets the tool find its catalogues in the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ESCALE_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_set_prgname (PROGRAM_NAME);

  summary = build_summary ();
  description = build_description ();
  context = g_option_context_new (N_("COMMAND [OPTION…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return escale_cli_usage_error (PROGRAM_NAME, error->message);
  if (argc < 2)
    return escale_cli_usage_error (PROGRAM_NAME, _("Say which command to run"));
  escale_cli_set_user (user);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (database, argc - 1, argv + 1);

  {
    /* Translators: %s is what was typed as a command */
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);
    return escale_cli_usage_error (PROGRAM_NAME, message);
  }
}
