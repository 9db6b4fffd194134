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
char        *escale_store_get_setting      (EscaleStore  *self,
                                            const char   *key);
gboolean     escale_store_set_setting      (EscaleStore  *self,
                                            const char   *key,
                                            const char   *value,
                                            GError      **error);

G_END_DECLS
