/* escale-cli-account.c — who runs escale-cli: --user, passwords, init
 *
 * A database with accounts is opened only after a login: the account is
 * given with --user LOGIN, its password by the ESCALE_PASSWORD environment
 * variable (for scripts) or typed on the terminal, never echoed. Without
 * a terminal and without the variable, escale-cli refuses rather than
 * wait for a password nobody can type.
 *
 *   escale-cli --database PATH --user LOGIN init --association NAME
 *
 * creates a new database with that first administrator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "escale-account.h"
#include "escale-cli-private.h"
#include "escale-report-settings.h"

#define PASSWORD_VARIABLE "ESCALE_PASSWORD"

static char *user_login;

/* A password, wiped from memory when freed. */
typedef char EscaleCliPassword;

static void
password_free (EscaleCliPassword *password)
{
  if (password == NULL)
    return;
  sodium_memzero (password, strlen (password));
  g_free (password);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleCliPassword, password_free)

void
escale_cli_set_user (const char *login)
{
  g_free (user_login);
  user_login = g_strdup (login);
}

/* Reads a line from the terminal without showing it. */
static EscaleCliPassword *
read_hidden (const char  *prompt,
             GError     **error)
{
  struct termios saved, hidden;
  char *line = NULL;
  size_t size = 0;
  ssize_t length;
  EscaleCliPassword *password;

  g_printerr ("%s", prompt);
  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not read the password: %s"), g_strerror (errno));
      return NULL;
    }
  hidden = saved;
  hidden.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &hidden);
  length = getline (&line, &size, stdin);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  g_printerr ("\n");
  if (length < 0)
    {
      free (line);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("No password was typed"));
      return NULL;
    }
  while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
    line[--length] = '\0';
  password = g_strdup (line);
  sodium_memzero (line, size);
  free (line);
  return password;
}

/**
 * escale_cli_read_secret:
 * @variable: the environment variable that may hold it (for scripts)
 * @prompt: what the terminal shows
 * @confirm: whether to ask twice (a new secret)
 *
 * Returns: (transfer full) (nullable): the secret, to free with
 *   escale_cli_secret_free(), or %NULL with @error
 */
char *
escale_cli_read_secret (const char  *variable,
                        const char  *prompt,
                        gboolean     confirm,
                        GError     **error)
{
  const char *value = g_getenv (variable);
  g_autoptr(EscaleCliPassword) secret = NULL;
  g_autoptr(EscaleCliPassword) again = NULL;

  if (value != NULL)
    return g_strdup (value);
  if (!isatty (STDIN_FILENO))
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN,
                   /* Translators: %s is the name of an environment variable */
                   _("No password: type it in a terminal, or give it in the %s "
                     "environment variable"), variable);
      return NULL;
    }
  if (!(secret = read_hidden (prompt, error)))
    return NULL;
  if (!confirm)
    return g_steal_pointer (&secret);
  if (!(again = read_hidden (_("The same password again: "), error)))
    return NULL;
  if (!g_str_equal (secret, again))
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                           _("The two passwords differ"));
      return NULL;
    }
  return g_steal_pointer (&secret);
}

void
escale_cli_secret_free (char *secret)
{
  password_free (secret);
}

/* The password: $ESCALE_PASSWORD, or typed on the terminal (twice when
 * @confirm, for a new one). */
static EscaleCliPassword *
read_password (const char  *login,
               gboolean     confirm,
               GError     **error)
{
  /* Translators: %s is a login */
  g_autofree char *prompt = g_strdup_printf (_("Password for %s: "), login);

  return escale_cli_read_secret (PASSWORD_VARIABLE, prompt, confirm, error);
}

/**
 * escale_cli_log_in:
 *
 * Logs into @store as the account of --user when the database has
 * accounts; one without accounts needs none (and ignores --user).
 */
gboolean
escale_cli_log_in (EscaleStore  *store,
                   GError      **error)
{
  g_autoptr(EscaleCliPassword) password = NULL;

  if (!escale_store_has_accounts (store))
    return TRUE;
  if (user_login == NULL)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_LOGIN,
                           _("This database has accounts: say which is yours with --user "
                             "LOGIN"));
      return FALSE;
    }
  return (password = read_password (user_login, FALSE, error)) &&
         escale_store_login (store, user_login, password, error);
}

/* init */

static gboolean
save_association (EscaleStore  *store,
                  const char   *name,
                  GError      **error)
{
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_load (store, error);

  if (settings == NULL)
    return FALSE;
  g_free (settings->association);
  settings->association = g_strstrip (g_strdup (name));
  return escale_report_settings_save (store, settings, error);
}

/* Makes the database at @path, which must not exist yet. */
static gboolean
create_database (const char  *path,
                 const char  *login,
                 const char  *association,
                 const char  *password,
                 GError     **error)
{
  g_autoptr(EscaleStore) store = NULL;
  const char *const suffixes[] = { "", "-wal", "-shm" };

  if ((store = escale_store_open (path, error)) &&
      escale_store_create_account (store, login, NULL, ESCALE_ROLE_ADMINISTRATOR, password,
                                   error) > 0 &&
      save_association (store, association, error))
    return TRUE;
  /* No half-made database left behind. */
  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  return FALSE;
}

int
escale_cli_run_init (const char  *database,
                     int          argc,
                     char       **argv)
{
  g_autofree char *association = NULL;
  GOptionEntry entries[] = {
    { "association", 'a', 0, G_OPTION_ARG_STRING, &association,
      N_("The name of the association"), N_("NAME") },
    { NULL }
  };
  g_autofree char *path = database ? g_strdup (database) : escale_store_default_path ();
  g_autoptr(EscaleCliPassword) password = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!escale_cli_parse_command ("init", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (PROGRAM_NAME " init", _("This command takes no argument"));
  if (association == NULL || *g_strstrip (association) == '\0')
    return escale_cli_usage_error (PROGRAM_NAME " init",
                                   _("Say the name of the association with --association"));
  if (user_login == NULL)
    return escale_cli_usage_error (PROGRAM_NAME " init",
                                   _("Say the login of the first administrator with --user"));

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s: ", PROGRAM_NAME);
      /* Translators: %s is a file path */
      g_printerr (_("There is already a database at %s: init only creates new ones"), path);
      g_printerr ("\n");
      return EXIT_FAILED;
    }
  if (!(password = read_password (user_login, TRUE, &error)) ||
      !create_database (path, user_login, association, password, &error))
    return escale_cli_report_error (error);
  /* Translators: %s are a file path and a login */
  g_print (_("Created %s, whose administrator is %s"), path, user_login);
  g_print ("\n");
  return EXIT_OK;
}
