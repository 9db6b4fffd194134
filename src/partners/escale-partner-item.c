/* escale-partner-item.c — a partner summary as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-partner-item.h"

struct _EscalePartnerItem
{
  GObject               parent_instance;
  EscalePartnerSummary *summary;
};

G_DEFINE_FINAL_TYPE (EscalePartnerItem, escale_partner_item, G_TYPE_OBJECT)

static void
escale_partner_item_finalize (GObject *object)
{
  EscalePartnerItem *self = ESCALE_PARTNER_ITEM (object);

  g_clear_pointer (&self->summary, escale_partner_summary_free);
  G_OBJECT_CLASS (escale_partner_item_parent_class)->finalize (object);
}

static void
escale_partner_item_class_init (EscalePartnerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_partner_item_finalize;
}

static void
escale_partner_item_init (G_GNUC_UNUSED EscalePartnerItem *self)
{
}

/**
 * escale_partner_item_new:
 * @summary: (transfer full): the summary, which the item then owns
 */
EscalePartnerItem *
escale_partner_item_new (EscalePartnerSummary *summary)
{
  EscalePartnerItem *self;

  g_return_val_if_fail (summary != NULL, NULL);
  self = g_object_new (ESCALE_TYPE_PARTNER_ITEM, NULL);
  self->summary = summary;
  return self;
}

EscalePartnerSummary *
escale_partner_item_get_summary (EscalePartnerItem *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_ITEM (self), NULL);
  return self->summary;
}

gint64
escale_partner_item_get_id (EscalePartnerItem *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_ITEM (self), 0);
  return self->summary->id;
}
