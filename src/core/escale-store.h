/* escale-store.h — the database: open, migrate, transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ESCALE_STORE_ERROR (escale_store_error_quark ())

typedef enum {
  ESCALE_STORE_ERROR_OPEN,
  ESCALE_STORE_ERROR_SQL,
  ESCALE_STORE_ERROR_TOO_NEW,
  ESCALE_STORE_ERROR_BACKUP,
  ESCALE_STORE_ERROR_NOT_FOUND,
  ESCALE_STORE_ERROR_INVALID,
  ESCALE_STORE_ERROR_PERMISSION,  /* the role of the logged-in account may not do it */
  ESCALE_STORE_ERROR_LOGIN,       /* wrong login or password, locked account */
  ESCALE_STORE_ERROR_DAMAGED,     /* not a database, or a damaged one */
  ESCALE_STORE_ERROR_FULL,        /* the disk is full: nothing was written */
  ESCALE_STORE_ERROR_READ_ONLY,   /* the file or its folder cannot be written */
  ESCALE_STORE_ERROR_BUSY,        /* another program kept the database busy too long */
} EscaleStoreError;

#define ESCALE_TYPE_STORE (escale_store_get_type ())
G_DECLARE_FINAL_TYPE (EscaleStore, escale_store, ESCALE, STORE, GObject)

GQuark       escale_store_error_quark      (void);
EscaleStore *escale_store_open             (const char   *path,
                                            GError      **error);
EscaleStore *escale_store_open_encrypted   (const char   *path,
                                            const char   *passphrase,
                                            GError      **error);
const char  *escale_store_get_path         (EscaleStore  *self);
int          escale_store_get_schema_version (EscaleStore *self);
int          escale_store_get_latest_version (void);
const char  *escale_store_get_user         (EscaleStore  *self);
void         escale_store_set_user         (EscaleStore  *self,
                                            const char   *login);
char        *escale_store_default_path     (void);
void         escale_store_set_cancellable  (EscaleStore  *self,
                                            GCancellable *cancellable);
gboolean     escale_store_check            (EscaleStore  *self,
                                            GPtrArray    *problems,
                                            GError      **error);
/* SQLite's quick check of the whole file: ESCALE_STORE_ERROR_DAMAGED with
 * its first finding when it fails. Seconds on a large database. */
gboolean     escale_store_quick_check      (EscaleStore  *self,
                                            GCancellable *cancellable,
                                            GError      **error);
/* Whether @path is on a network or cloud-synchronised file system, where
 * the database's write-ahead log is not safe; @why says which. */
gboolean     escale_store_path_is_shared   (const char   *path,
                                            char        **why);
char        *escale_store_get_setting      (EscaleStore  *self,
                                            const char   *key);
gboolean     escale_store_set_setting      (EscaleStore  *self,
                                            const char   *key,
                                            const char   *value,
                                            GError      **error);

G_END_DECLS
