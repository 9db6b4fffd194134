/* escale-partner-item.h — a partner summary as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "escale-partner-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNER_ITEM (escale_partner_item_get_type ())
G_DECLARE_FINAL_TYPE (EscalePartnerItem, escale_partner_item, ESCALE, PARTNER_ITEM, GObject)

EscalePartnerItem    *escale_partner_item_new         (EscalePartnerSummary *summary);
EscalePartnerSummary *escale_partner_item_get_summary (EscalePartnerItem    *self);
gint64                escale_partner_item_get_id      (EscalePartnerItem    *self);

G_END_DECLS
