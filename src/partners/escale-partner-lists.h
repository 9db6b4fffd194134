/* escale-partner-lists.h — the lists of a partner: phones, languages,
 * closures, contacts and services, each an #EscaleItemList
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-item-list.h"
#include "escale-partner-store.h"

G_BEGIN_DECLS

typedef enum {
  ESCALE_PARTNER_LIST_PHONES,
  ESCALE_PARTNER_LIST_LANGUAGES,
  ESCALE_PARTNER_LIST_CLOSURES,
  ESCALE_PARTNER_LIST_SERVICES,
  ESCALE_PARTNER_LIST_CONTACTS,
  ESCALE_N_PARTNER_LISTS
} EscalePartnerList;

/* Item parts, for escale_item_list_get_part(): phones "phone" and "label";
 * languages "code" (its row, whose "escale-code" data is the ISO code);
 * closures "from", "to" and "reason"; contacts "name", "role", "phone" and
 * "email"; a service's row is an #EscaleServiceRow. */

EscaleItemList *escale_partner_list_new     (EscalePartnerList  list,
                                             EscaleStore       *store);
/* Replaces the items with those of @partner. */
void            escale_partner_list_fill    (EscaleItemList    *self,
                                             EscalePartnerList  list,
                                             EscalePartner     *partner);
/* Sets @partner's list from the items, one for each, in order; what cannot
 * be read adds an EscalePartnerError to @errors. */
void            escale_partner_list_collect (EscaleItemList    *self,
                                             EscalePartnerList  list,
                                             EscalePartner     *partner,
                                             GPtrArray         *errors);
/* Which list shows the messages about @field, or -1. */
int             escale_partner_list_of_field (EscalePartnerField field);

G_END_DECLS
