/* escale-cli-backup.c — backups and restoring on the command line
 *
 *   escale-cli --database PATH backup --output FILE     a checked copy, in the database's form
 *   escale-cli --database PATH backup --folder DIR      a dated one in DIR, the old ones rotated
 *   escale-cli --database PATH backup --sealed --output FILE
 *                                                       sealed under a passphrase (even a plain
 *                                                       database), see escale-crypt.h
 *   escale-cli --database PATH restore FILE             the database made again from a backup
 *
 * An encrypted database or backup takes its passphrase from
 * ESCALE_PASSPHRASE, or asks for it on the terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "escale-backup.h"
#include "escale-cli-private.h"
#include "escale-crypt.h"

static char *
database_path (const char *database)
{
  return database ? g_strdup (database) : escale_store_default_path ();
}

/* A copy needs no account: whoever can read the file can copy it. */
static EscaleStore *
open_for_backup (const char  *path,
                 GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   /* Translators: %s is a file path */
                   _("There is no database at %s"), path);
      return NULL;
    }
  if (!escale_crypt_register (error) || !escale_cli_unlock (path, error))
    return NULL;
  return escale_store_open (path, error);
}

static void
print_written (const char *path)
{
  GStatBuf buf;
  g_autofree char *size = g_stat (path, &buf) == 0 ? g_format_size (buf.st_size)
                                                   : g_strdup ("?");

  /* Translators: %s are a file path and its size ("2.1 MB") */
  g_print (_("Backup written and checked: %s (%s)"), path, size);
  g_print ("\n");
}

static gboolean
seal (const char  *path,
      const char  *passphrase,
      const char  *output,
      GError     **error)
{
  return (!escale_crypt_is_encrypted (path) || escale_crypt_unlock (path, passphrase, error)) &&
         escale_crypt_backup (path, passphrase, output, error);
}

static int
write_sealed (const char *path,
              const char *output)
{
  g_autoptr(GError) error = NULL;
  char *passphrase = NULL;
  gboolean ok;

  if (!escale_crypt_register (&error) ||
      !(passphrase = escale_cli_read_passphrase (path, FALSE, &error)))
    return escale_cli_report_error (error);
  ok = seal (path, passphrase, output, &error);
  escale_cli_secret_free (passphrase);
  if (!ok)
    return escale_cli_report_error (error);
  print_written (output);
  return EXIT_OK;
}

static int
write_backup (const char *path,
              const char *output,
              const char *folder)
{
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  if (!(store = open_for_backup (path, &error)))
    return escale_cli_report_error (error);
  if (folder != NULL)
    written = escale_backup_to_folder (store, folder, FALSE, NULL, &error);
  else if (escale_backup_write (store, output, NULL, &error))
    written = g_strdup (output);
  if (written == NULL)
    return escale_cli_report_error (error);
  print_written (written);
  return EXIT_OK;
}

int
escale_cli_run_backup (const char  *database,
                       int          argc,
                       char       **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = database_path (database);
  gboolean sealed = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The backup file"), N_("FILE") },
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder,
      N_("A dated backup in this folder, where older ones are rotated"), N_("FOLDER") },
    { "sealed", 0, 0, G_OPTION_ARG_NONE, &sealed,
      N_("Seal the backup under a passphrase, even for a database that is not encrypted"),
      NULL },
    { NULL }
  };
  int status;

  if (!escale_cli_parse_command ("backup", "", entries, &argc, &argv, &status))
    return status;
  if ((output == NULL) == (folder == NULL) || argc > 1 || (sealed && output == NULL))
    return escale_cli_usage_error (PROGRAM_NAME " backup",
                                   _("Say where to write the backup: --output FILE or "
                                     "--folder FOLDER"));
  if (sealed)
    return write_sealed (path, output);
  return write_backup (path, output, folder);
}

/* restore */

static gboolean
is_sealed (const char *path)
{
  static const char magic[16] = "Escale backup";
  char start[16] = { 0 };
  FILE *file = g_fopen (path, "rb");
  gboolean sealed = file != NULL && fread (start, 1, sizeof start, file) == sizeof start &&
                    memcmp (start, magic, sizeof magic) == 0;

  if (file != NULL)
    fclose (file);
  return sealed;
}

static gboolean
restore_sealed (const char  *backup,
                const char  *path,
                GError     **error)
{
  char *passphrase = escale_cli_read_passphrase (backup, FALSE, error);
  gboolean ok;

  if (passphrase == NULL)
    return FALSE;
  ok = escale_crypt_restore (backup, passphrase, path, error);
  escale_cli_secret_free (passphrase);
  return ok;
}

/* An encrypted backup whose key is not known yet, or an encrypted
 * database (to keep a readable copy of it): the passphrase is asked. */
static gboolean
restore_copy (const char  *backup,
              const char  *path,
              char       **kept,
              GError     **error)
{
  gboolean needs_passphrase = (escale_crypt_is_encrypted (backup) &&
                               !escale_crypt_require_unlocked (backup, NULL)) ||
                              (escale_crypt_is_encrypted (path) &&
                               !escale_crypt_require_unlocked (path, NULL));
  char *passphrase = NULL;
  gboolean ok;

  if (needs_passphrase && !(passphrase = escale_cli_read_passphrase (backup, FALSE, error)))
    return FALSE;
  /* The database's own key, to copy it before it is replaced; a different
   * passphrase only means the file itself is kept. */
  if (passphrase != NULL && escale_crypt_is_encrypted (path))
    escale_crypt_unlock (path, passphrase, NULL);
  ok = escale_backup_restore (backup, path, passphrase, kept, error);
  escale_cli_secret_free (passphrase);
  return ok;
}

static int
restore_from (const char *backup,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (!escale_crypt_register (&error))
    return escale_cli_report_error (error);
  if (is_sealed (backup) ? !restore_sealed (backup, path, &error)
                         : !restore_copy (backup, path, &kept, &error))
    return escale_cli_report_error (error);
  /* Translators: %s are two file paths */
  g_print (_("The database %s was restored from %s."), path, backup);
  g_print ("\n");
  if (kept != NULL)
    {
      /* Translators: %s is a file path */
      g_print (_("The database as it was before is kept in %s."), kept);
      g_print ("\n");
    }
  return EXIT_OK;
}

int
escale_cli_run_restore (const char  *database,
                        int          argc,
                        char       **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *path = database_path (database);
  GOptionEntry entries[] = {
    { "from", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &from, N_("The backup file"),
      N_("FILE") },
    { NULL }
  };
  int status;

  if (!escale_cli_parse_command ("restore", N_("FILE"), entries, &argc, &argv, &status))
    return status;
  if (from == NULL && argc == 2)
    from = g_strdup (argv[1]);
  else if (from == NULL || argc != 1)
    return escale_cli_usage_error (PROGRAM_NAME " restore", _("Say which backup to restore: FILE"));
  return restore_from (from, path);
}
