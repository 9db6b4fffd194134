/* escale-cli-crypt.c — encrypted databases on the command line
 *
 *   escale-cli --database PATH encrypt            the database sealed under a passphrase
 *   escale-cli --database PATH passphrase               a new passphrase, every page sealed again
 *
 * The passphrase comes from the ESCALE_PASSPHRASE environment variable
 * (for scripts) or is typed on the terminal, never echoed (twice for a new
 * one). Any command on an encrypted database asks for it first. See
 * docs/encryption.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-cli-private.h"
#include "escale-crypt.h"
#include "escale-store.h"

#define PASSPHRASE_VARIABLE "ESCALE_PASSPHRASE"
#define NEW_PASSPHRASE_VARIABLE "ESCALE_NEW_PASSPHRASE"

static char *
database_path (const char *database)
{
  return database ? g_strdup (database) : escale_store_default_path ();
}

char *
escale_cli_read_passphrase (const char  *path,
                 gboolean     confirm,
                 GError     **error)
{
  /* Translators: %s is a file path */
  g_autofree char *prompt = g_strdup_printf (_("Passphrase of %s: "), path);

  return escale_cli_read_secret (PASSPHRASE_VARIABLE, prompt, confirm, error);
}

gboolean
escale_cli_unlock (const char  *path,
                   GError     **error)
{
  char *passphrase;
  gboolean ok;

  if (!escale_crypt_is_encrypted (path))
    return TRUE;
  if (!(passphrase = escale_cli_read_passphrase (path, FALSE, error)))
    return FALSE;
  ok = escale_crypt_unlock (path, passphrase, error);
  escale_cli_secret_free (passphrase);
  return ok;
}

/* Runs @operation with the database's path and a passphrase. */
static int
run_with_passphrase (const char  *command,
                     const char  *database,
                     int          argc,
                     char       **argv,
                     GOptionEntry *entries,
                     gboolean     new_passphrase,
                     gboolean   (*operation) (const char *path,
                                              const char *passphrase,
                                              gpointer    data,
                                              GError    **error),
                     gpointer     data)
{
  g_autofree char *path = database_path (database);
  g_autoptr(GError) error = NULL;
  char *passphrase = NULL;
  int status;
  gboolean ok;

  if (!escale_cli_parse_command (command, NULL, entries, &argc, &argv, &status))
    return status;
  if (!escale_crypt_register (&error) ||
      !(passphrase = escale_cli_read_passphrase (path, new_passphrase, &error)))
    return escale_cli_report_error (error);
  ok = operation (path, passphrase, data, &error);
  escale_cli_secret_free (passphrase);
  return ok ? EXIT_OK : escale_cli_report_error (error);
}

static gboolean
encrypt (const char  *path,
         const char  *passphrase,
         G_GNUC_UNUSED gpointer data,
         GError     **error)
{
  if (escale_crypt_is_encrypted (path))
    {
      /* Translators: %s is a file path */
      g_set_error (error, ESCALE_CRYPT_ERROR, ESCALE_CRYPT_ERROR_FAILED,
                   _("%s is already encrypted"), path);
      return FALSE;
    }
  return escale_crypt_encrypt_file (path, passphrase, error);
}

int
escale_cli_run_encrypt (const char  *database,
                        int          argc,
                        char       **argv)
{
  GOptionEntry entries[] = { { NULL } };

  return run_with_passphrase ("encrypt", database, argc, argv, entries, TRUE, encrypt, NULL);
}

static gboolean
change_passphrase (const char  *path,
                   const char  *passphrase,
                   G_GNUC_UNUSED gpointer data,
                   GError     **error)
{
  /* Translators: %s is a file path */
  g_autofree char *prompt = g_strdup_printf (_("New passphrase of %s: "), path);
  char *new_passphrase = escale_cli_read_secret (NEW_PASSPHRASE_VARIABLE, prompt, TRUE, error);
  gboolean ok;

  if (new_passphrase == NULL)
    return FALSE;
  ok = escale_crypt_change_passphrase (path, passphrase, new_passphrase, error);
  escale_cli_secret_free (new_passphrase);
  return ok;
}

int
escale_cli_run_passphrase (const char  *database,
                           int          argc,
                           char       **argv)
{
  GOptionEntry entries[] = { { NULL } };

  return run_with_passphrase ("passphrase", database, argc, argv, entries, FALSE,
                              change_passphrase, NULL);
}
