/* escale-audit-private.h — what the two halves of the audit log share
 *
 * escale-audit.c writes the entries, escale-audit-log.c reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-audit.h"

G_BEGIN_DECLS

/* FALSE for a database older than the log (the migrations' tests). */
gboolean  escale_audit_is_installed (EscaleStore       *store);
/* While escale_audit_purge() deletes entries, the triggers let it. */
void      escale_audit_set_purging  (EscaleStore       *store,
                                     gboolean           purging);
/* Now, or @months_later months later (earlier when negative), by the
 * store's clock, as entries write the time. */
char     *escale_audit_format_time  (EscaleStore       *store,
                                     int                months_later);
/* The hash of an entry, from its fields as text (NULL as ""): prev_hash,
 * at, login, operation, entity, entity_id, summary. */
char     *escale_audit_compute_hash (const char *const  fields[7]);

G_END_DECLS
