/* escale-partner-store-private.h — what the partner store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "escale-store.h"

G_BEGIN_DECLS

/* A count column: ESCALE_PARTNER_UNSET for NULL. */
gint64   escale_partner_column_count  (sqlite3_stmt  *stmt,
                                       int            column);
/* A real column: NAN for NULL. */
double   escale_partner_column_double (sqlite3_stmt  *stmt,
                                       int            column);
/* Runs @sql with the partner's id as ?1, calling @read on each row. */
gboolean escale_partner_read_rows     (EscaleStore   *store,
                                       const char    *sql,
                                       gint64         id,
                                       void         (*read) (sqlite3_stmt *stmt, gpointer data),
                                       gpointer       data,
                                       GError       **error);

G_END_DECLS
