/* escale-cli-private.h — what the commands of escale-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

#define PROGRAM_NAME "escale-cli"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

int          escale_cli_usage_error   (const char    *command,
                                       const char    *message);
int          escale_cli_report_error  (const GError  *error);
/* Parses the options of @command; on %FALSE, *@status is the exit status. */
gboolean     escale_cli_parse_command (const char    *command,
                                       const char    *parameters,
                                       GOptionEntry  *entries,
                                       int           *argc,
                                       char        ***argv,
                                       int           *status);
EscaleStore *escale_cli_open_store    (const char    *database,
                                       gboolean       must_exist,
                                       GError       **error);
/* Prints @text with tabs and line breaks made spaces, then @end. */
void         escale_cli_print_field   (const char    *text,
                                       char           end);

/* In escale-cli-account.c: the account of --user, and the login into a
 * database that has accounts (escale_cli_open_store() does it). */
void         escale_cli_set_user      (const char    *login);
gboolean     escale_cli_log_in        (EscaleStore   *store,
                                       GError       **error);
/* A password or passphrase from @variable, else typed on the terminal. */
char        *escale_cli_read_secret   (const char    *variable,
                                       const char    *prompt,
                                       gboolean       confirm,
                                       GError       **error);
void         escale_cli_secret_free   (char          *secret);

/* In escale-cli-crypt.c: an encrypted database's passphrase, and the
 * encrypt and passphrase commands. */
gboolean     escale_cli_unlock        (const char    *path,
                                       GError       **error);
char        *escale_cli_read_passphrase (const char  *path,
                                         gboolean     confirm,
                                         GError     **error);
/* In escale-cli-backup.c */
int          escale_cli_run_encrypt   (const char    *database,
                                       int            argc,
                                       char         **argv);
int          escale_cli_run_passphrase (const char   *database,
                                       int            argc,
                                       char         **argv);
int          escale_cli_run_backup    (const char    *database,
                                       int            argc,
                                       char         **argv);
int          escale_cli_run_restore   (const char    *database,
                                       int            argc,
                                       char         **argv);
int          escale_cli_run_init      (const char    *database,
                                       int            argc,
                                       char         **argv);

int          escale_cli_run_agenda    (const char    *database,
                                       int            argc,
                                       char         **argv);
int          escale_cli_run_report    (const char    *database,
                                       int            argc,
                                       char         **argv);
int          escale_cli_run_partners  (const char    *database,
                                       int            argc,
                                       char         **argv);

G_END_DECLS
