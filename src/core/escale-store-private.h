/* escale-store-private.h — what the core modules share about the store
 *
 * Only src/core talks to SQLite. These helpers keep that code short.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "escale-account.h"
#include "escale-store.h"

G_BEGIN_DECLS

EscaleStore  *escale_store_open_with_schema (const char         *path,
                                            const char * const *migrations,
                                            int                 n_migrations,
                                            GError            **error);
sqlite3      *escale_store_get_db      (EscaleStore  *self);
sqlite3_stmt *escale_store_prepare     (EscaleStore  *self,
                                        const char   *sql,
                                        GError      **error);
sqlite3_stmt *escale_store_cached      (EscaleStore  *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      escale_store_exec        (EscaleStore  *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      escale_store_begin       (EscaleStore  *self,
                                        GError      **error);
gboolean      escale_store_begin_batch (EscaleStore  *self,
                                        GError      **error);
gboolean      escale_store_commit      (EscaleStore  *self,
                                        GError      **error);
void          escale_store_rollback    (EscaleStore  *self);
gboolean      escale_store_check_file_size (const char *path,
                                            GError    **error);
typedef gpointer (*EscaleRowFunc) (sqlite3_stmt *stmt,
                                   gpointer      data);

GPtrArray    *escale_store_collect_rows (EscaleStore    *self,
                                         sqlite3_stmt   *stmt,
                                         EscaleRowFunc   read,
                                         gpointer        data,
                                         GDestroyNotify  free_func,
                                         GError        **error);
gboolean      escale_store_write_one   (EscaleStore  *self,
                                        sqlite3_stmt *stmt,
                                        const char   *missing,
                                        GError      **error);
gboolean      escale_store_run_with_id (EscaleStore  *self,
                                        const char   *sql,
                                        gint64        id,
                                        GError      **error);
gboolean      escale_store_step_done   (EscaleStore  *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
void          escale_store_set_sql_error (EscaleStore *self,
                                          GError     **error);
char         *escale_store_now         (void);
char         *escale_store_new_uuid    (void);
/* In escale-person-store.c: rebuilds the search indexes when the rules of
 * escale-text.c changed since they were made. */
gboolean      escale_store_refresh_person_index (EscaleStore  *store,
                                                 GError      **error);
/* In escale-person-store.c: the keys and search entries of one person,
 * computed again from the stored row. */
gboolean      escale_store_reindex_person (EscaleStore  *store,
                                           gint64        id,
                                           GError      **error);

/* The session, kept by escale-store.c for escale-account.c: the store
 * takes @account (NULL for the system or after a logout). */
void          escale_store_set_session (EscaleStore   *self,
                                        EscaleAccount *account,
                                        EscaleRole     role);
/* The tests' clock, for lockouts; escale_store_get_now() is the real
 * time (UTC) until it is set. */
void          escale_store_set_now_for_tests (EscaleStore *self,
                                              GDateTime   *now);
GDateTime    *escale_store_get_now     (EscaleStore  *self);

/* In escale-account.c: what the roles that may not read sensitive
 * details (escale_store_may_see_field()) see of the actions "a":
 * not the confidential ones, except their own. Statements that use it get
 * it bound by escale_store_cached_for_role(). */
#define ESCALE_SQL_ACTION_VISIBLE " (a.confidential = 0 OR a.worker IN (?61, ?62)) "
sqlite3_stmt *escale_store_cached_for_role (EscaleStore  *self,
                                            const char   *sql,
                                            const char   *restricted_sql,
                                            GError      **error);
gboolean      escale_store_may_see_notes_of_action (EscaleStore *self,
                                                    gint64       action_id);

/* Binds a string, or NULL when it is NULL or empty. */
void          escale_bind_text         (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);
char         *escale_column_dup        (sqlite3_stmt *stmt,
                                        int           index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Whom the action "a" concerns, for queries that join person "p" on
 * a.person_id and household "h" on a.household_id: a name (NULL for a
 * group), and whose file to open (the person, the household's head or
 * first member, a group's first participant). */
#define ESCALE_SQL_PERSON_NAME "p.family_name || coalesce (' ' || p.given_names, '')"
#define ESCALE_SQL_ACTION_WHO \
  "CASE a.scope WHEN 'person' THEN " ESCALE_SQL_PERSON_NAME " " \
  "  WHEN 'household' THEN h.name END"
#define ESCALE_SQL_ACTION_OPEN_PERSON \
  "CASE a.scope WHEN 'person' THEN a.person_id " \
  "  WHEN 'household' THEN (SELECT person_id FROM household_member " \
  "    WHERE household_id = a.household_id ORDER BY role <> 'head', person_id LIMIT 1) " \
  "  ELSE (SELECT min (person_id) FROM action_participant WHERE action_id = a.id) END"

G_END_DECLS
