/* escale-audit.h — the audit log: who did what, when, to which record
 *
 * Every creation, change and deletion of a record is recorded by triggers
 * the store makes on its connection when it opens (entity = table, the
 * names of the changed columns, never their values); logins, failed
 * logins, openings of a person's file, exports, reports, erasures and
 * purges are recorded by the functions that do them, through
 * escale_audit_record(). Entries are append-only: each one's hash is the
 * SHA-256 of the previous hash and of its own fields, and triggers refuse
 * to change or delete them except through escale_audit_purge().
 * escale_audit_verify() finds an edited, deleted or truncated entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *at;          /* UTC ISO 8601 */
  char   *login;       /* "" for the system */
  char   *operation;   /* create, update, delete, login, login_failed, open, export, report, erase, anonymise, purge… */
  char   *entity;      /* a table name, or NULL */
  gint64  entity_id;   /* 0 when none */
  char   *summary;     /* changed field names or a short text, never sensitive values */
} EscaleAuditEntry;

void        escale_audit_entry_free  (EscaleAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleAuditEntry, escale_audit_entry_free)

/* Called by escale_store_open() on its connection: the SQL functions and
 * the temporary triggers that record every write of the audited tables
 * and keep the log append-only. */
gboolean    escale_audit_install     (EscaleStore   *store,
                                      GError       **error);
/* Records one entry (in the current transaction, if any). */
gboolean    escale_audit_record      (EscaleStore   *store,
                                      const char    *operation,
                                      const char    *entity,
                                      gint64         entity_id,
                                      const char    *summary,
                                      GError       **error);
/* Records that the setting @key changed (escale_store_set_setting() does),
 * unless paused; the log's own keys (audit.*) are not recorded. */
gboolean    escale_audit_record_setting (EscaleStore *store,
                                         const char  *key,
                                         GError     **error);
/* While a bulk operation runs (an import, demo data), per-row entries are
 * replaced by one summary entry its caller records. Pauses nest. */
void        escale_audit_set_paused  (EscaleStore   *store,
                                      gboolean       paused);
/* For escale-store.c: a batch transaction began, or ended (see
 * escale_store_begin_batch()). While paused, the tables' triggers are
 * dropped for the length of the batch. */
void        escale_audit_begin_bulk  (EscaleStore   *store);
void        escale_audit_end_bulk    (EscaleStore   *store);
/* Checks the chain; FALSE (ESCALE_STORE_ERROR_INVALID) with a translated
 * message naming the first bad entry ("The audit log was tampered with:
 * entry 1042 was changed", "…: entries after entry 1041 are missing"). */
gboolean    escale_audit_verify      (EscaleStore   *store,
                                      GError       **error);
/* Entries matching the filters (NULL: any; login "" is the system's; from
 * and to are UTC dates or times, a date @to including its day), newest
 * first, at most @limit (0: all). Needs READ_AUDIT.
 * (element-type EscaleAuditEntry) */
GPtrArray  *escale_audit_list        (EscaleStore   *store,
                                      const char    *login,
                                      const char    *operation,
                                      const char    *entity,
                                      const char    *from,
                                      const char    *to,
                                      guint          limit,
                                      GError       **error);
/* Writes every entry as CSV (RFC 4180, oldest first, with their hashes),
 * and records the export. Needs READ_AUDIT. */
gboolean    escale_audit_export_csv  (EscaleStore   *store,
                                      const char    *path,
                                      GError       **error);
/* The same, with the filters of escale_audit_list() (NULL: any). */
gboolean    escale_audit_export_csv_filtered (EscaleStore *store,
                                              const char  *login,
                                              const char  *operation,
                                              const char  *entity,
                                              const char  *from,
                                              const char  *to,
                                              const char  *path,
                                              GError     **error);
/* Deletes the entries older than @months months (at least 1), keeping the
 * chain checkable (the last deleted hash is kept as the new anchor), and
 * records a purge entry. Needs ERASE. Returns how many were deleted, or -1
 * with @error set. */
gint64      escale_audit_purge       (EscaleStore   *store,
                                      guint          months,
                                      GError       **error);

/* Records that the logged-in account opened a person's file (the app
 * calls it when it shows one). */
gboolean    escale_store_note_file_opened (EscaleStore *store,
                                           gint64       person_id,
                                           GError     **error);

G_END_DECLS
