/* escale-account.h — accounts, roles and what each role may do
 *
 * Every account has one role. The rules live here and are enforced by the
 * store's functions themselves (escale_store_require()), so that the app
 * and escale-cli obey the same ones, whatever the widgets show.
 *
 *   administrator  everything: accounts, settings, erasure, the audit log
 *   staff          every record, reports, imports, exports; no accounts,
 *                  settings, erasure nor audit log
 *   volunteer      identity, contact and the timeline of their own and
 *                  shared actions, which they may record; no confidential
 *                  notes, no health or legal details, no changes to files
 *                  or partners, no reports, no exports
 *   treasurer      reports and aggregates only: no names, no file
 *
 * A store nobody has logged into runs as the system (every right): only
 * for databases without accounts (created before version 6, the tests'
 * fixtures) and for the first-run assistant. Once a database has an
 * account, the app and escale-cli log in before anything else.
 * Passwords are hashed with libsodium's crypto_pwhash_str (Argon2id) and
 * never stored or logged in clear.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

typedef enum {
  ESCALE_ROLE_SYSTEM,          /* nobody logged in: see above */
  ESCALE_ROLE_ADMINISTRATOR,
  ESCALE_ROLE_STAFF,
  ESCALE_ROLE_VOLUNTEER,
  ESCALE_ROLE_TREASURER,
  ESCALE_ROLE_NONE,            /* logged out: nothing until the next login */
} EscaleRole;

/* What the store checks before doing it. */
typedef enum {
  ESCALE_OP_READ_PERSON,          /* a person's file: names, identity, contact */
  ESCALE_OP_LIST_PEOPLE,          /* the people list, search, duplicates */
  ESCALE_OP_WRITE_PERSON,         /* create, edit, close a file; households */
  ESCALE_OP_READ_SENSITIVE,       /* health, legal, origin fields; confidential notes */
  ESCALE_OP_READ_ACTIONS,         /* a timeline, the agenda */
  ESCALE_OP_WRITE_ACTION,         /* actions, referrals, enrolments, consent */
  ESCALE_OP_WRITE_PARTNER,        /* partners and services (reading them is open to all) */
  ESCALE_OP_REPORT,               /* reports and aggregates */
  ESCALE_OP_EXPORT_PERSON,        /* right of access: everything about one person */
  ESCALE_OP_ERASE,                /* erasure, anonymisation, retention */
  ESCALE_OP_SETTINGS,             /* programmes, vocabularies, association settings */
  ESCALE_OP_MANAGE_ACCOUNTS,
  ESCALE_OP_READ_AUDIT,           /* browse and export the audit log */
  ESCALE_OP_IMPORT,               /* CSV imports, demo data */
  ESCALE_N_OPS,
} EscaleOperation;

typedef struct
{
  gint64      id;
  char       *login;
  char       *name;
  EscaleRole  role;
  gboolean    must_change_password;
  gboolean    active;
  char       *locked_until;        /* UTC ISO 8601, or NULL */
  char       *interface_language;  /* or NULL: the system's */
  char       *last_login;
} EscaleAccount;

#define ESCALE_MIN_PASSWORD_LENGTH 10
#define ESCALE_LOCKOUT_ATTEMPTS    5     /* failed logins before a lockout… */
#define ESCALE_LOCKOUT_MINUTES     15    /* …of this long */

void            escale_account_free         (EscaleAccount *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleAccount, escale_account_free)

const char     *escale_role_to_code         (EscaleRole     role);
gboolean        escale_role_from_code       (const char    *code,
                                             EscaleRole    *role);
/* Translated: "Administrator", "Staff", "Volunteer", "Treasurer". */
const char     *escale_role_label           (EscaleRole     role);

/* Whether @role may do @op (the matrix above). */
gboolean        escale_role_allows          (EscaleRole     role,
                                             EscaleOperation op);

/* The role of whoever is logged into @store (SYSTEM when nobody ever
 * was, NONE after escale_store_logout()). */
EscaleRole      escale_store_get_role       (EscaleStore   *store);
/* Fails with ESCALE_STORE_ERROR_PERMISSION and a translated message
 * ("Your role does not allow …") when the current role may not do @op,
 * and for every @op while the logged-in account must change its password.
 * Where a function has no GError (list models), a refusal gives an empty
 * list. */
gboolean        escale_store_require        (EscaleStore   *store,
                                             EscaleOperation op,
                                             GError       **error);

/* Whether the current role may see @field of @entity: the fields listed in
 * the sensitive_field table (a person's notes, birth country and
 * nationalities; the notes of actions of the health and rights themes,
 * entity "action_theme") are hidden from the roles without READ_SENSITIVE.
 * The store leaves them out (NULL, empty lists) of what it loads for them. */
gboolean        escale_store_may_see_field  (EscaleStore   *store,
                                             const char    *entity,
                                             const char    *field);
/* Whether the notes of an action of these @themes may be seen. */
gboolean        escale_store_may_see_action_notes (EscaleStore        *store,
                                                   const char * const *themes);
/* Whether an action may be seen at all: roles without READ_SENSITIVE do
 * not see the confidential actions of others (whose worker is not their
 * account's name or login). */
gboolean        escale_store_may_see_action (EscaleStore   *store,
                                             gboolean       confidential,
                                             const char    *worker);

gboolean        escale_store_has_accounts   (EscaleStore   *store);
/* Creates an account; refuses a duplicate login or a password shorter
 * than ESCALE_MIN_PASSWORD_LENGTH (translated messages). Needs
 * MANAGE_ACCOUNTS, except for the very first account (an administrator). */
gint64          escale_store_create_account (EscaleStore   *store,
                                             const char    *login,
                                             const char    *name,
                                             EscaleRole     role,
                                             const char    *password,
                                             GError       **error);
/* Logs in: checks the password, counts failures (ESCALE_LOCKOUT_ATTEMPTS
 * in a row lock the account for ESCALE_LOCKOUT_MINUTES), records the
 * login or the failure in the audit log, and makes the account the
 * store's user and role. Wrong login and wrong password give the same
 * message. */
gboolean        escale_store_login          (EscaleStore   *store,
                                             const char    *login,
                                             const char    *password,
                                             GError       **error);
/* Forgets the account: the store allows nothing until the next login. */
void            escale_store_logout         (EscaleStore   *store);
/* The logged-in account, or NULL for the system. (transfer none) */
const EscaleAccount *escale_store_get_account (EscaleStore *store);
/* Checks the password of the logged-in account again (the idle lock);
 * failures count towards a lockout as those of logins do. */
gboolean        escale_store_verify_password (EscaleStore  *store,
                                              const char   *password,
                                              GError      **error);
/* Changes the logged-in account's password (clears must_change_password). */
gboolean        escale_store_change_password (EscaleStore  *store,
                                              const char   *old_password,
                                              const char   *new_password,
                                              GError      **error);
/* Changes the interface language of the logged-in account (@code "fr",
 * "ar"…; NULL or "" for the system's), applied after each of its logins. */
gboolean        escale_store_set_account_language (EscaleStore *store,
                                                   const char  *code,
                                                   GError     **error);
/* Administrators: list, change role or name, deactivate, and reset a
 * password (the account must change it at its next login). */
GPtrArray      *escale_store_list_accounts  (EscaleStore   *store,
                                             GError       **error);
gboolean        escale_store_update_account (EscaleStore   *store,
                                             gint64         id,
                                             const char    *name,
                                             EscaleRole     role,
                                             gboolean       active,
                                             GError       **error);
gboolean        escale_store_reset_password (EscaleStore   *store,
                                             gint64         id,
                                             const char    *new_password,
                                             GError       **error);

/* What a worker thread needs to open a connection of its own on the same
 * file as the same account, with the same rights (made on the thread that
 * owns the store, used on the worker). */
typedef struct _EscaleStoreAccess EscaleStoreAccess;

EscaleStoreAccess *escale_store_access_new   (EscaleStore             *store);
EscaleStore       *escale_store_access_open  (const EscaleStoreAccess *access,
                                              GError                 **error);
void               escale_store_access_free  (EscaleStoreAccess       *access);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleStoreAccess, escale_store_access_free)

G_END_DECLS
