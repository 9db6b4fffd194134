/* escale-audit-item.c — one audit entry, as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-audit-item.h"

struct _EscaleAuditItem
{
  GObject           parent_instance;

  EscaleAuditEntry *entry;
};

G_DEFINE_FINAL_TYPE (EscaleAuditItem, escale_audit_item, G_TYPE_OBJECT)

static void
escale_audit_item_finalize (GObject *object)
{
  g_clear_pointer (&ESCALE_AUDIT_ITEM (object)->entry, escale_audit_entry_free);

  G_OBJECT_CLASS (escale_audit_item_parent_class)->finalize (object);
}

static void
escale_audit_item_class_init (EscaleAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_audit_item_finalize;
}

static void
escale_audit_item_init (G_GNUC_UNUSED EscaleAuditItem *self)
{
}

EscaleAuditItem *
escale_audit_item_new (EscaleAuditEntry *entry)
{
  EscaleAuditItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (ESCALE_TYPE_AUDIT_ITEM, NULL);
  self->entry = entry;
  return self;
}

const EscaleAuditEntry *
escale_audit_item_get_entry (EscaleAuditItem *self)
{
  g_return_val_if_fail (ESCALE_IS_AUDIT_ITEM (self), NULL);
  return self->entry;
}
