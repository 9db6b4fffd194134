/* escale-partner-card.h — a partner of the directory, as read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-partner-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNER_CARD (escale_partner_card_get_type ())
G_DECLARE_FINAL_TYPE (EscalePartnerCard, escale_partner_card, ESCALE, PARTNER_CARD, AdwBin)

void           escale_partner_card_set_store    (EscalePartnerCard *self,
                                                 EscaleStore       *store);
void           escale_partner_card_set_partner  (EscalePartnerCard *self,
                                                 EscalePartner     *partner,
                                                 GDateTime         *now);
EscalePartner *escale_partner_card_get_partner  (EscalePartnerCard *self);
/* Opens the "Update free places" dialog of the @index-th service. */
AdwMessageDialog *escale_partner_card_ask_free_places (EscalePartnerCard *self,
                                                       guint              index);

G_END_DECLS
