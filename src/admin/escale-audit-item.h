/* escale-audit-item.h — one audit entry, as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "escale-audit.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_AUDIT_ITEM (escale_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (EscaleAuditItem, escale_audit_item, ESCALE, AUDIT_ITEM, GObject)

/* Takes @entry. */
EscaleAuditItem        *escale_audit_item_new       (EscaleAuditEntry *entry);
const EscaleAuditEntry *escale_audit_item_get_entry (EscaleAuditItem  *self);

G_END_DECLS
