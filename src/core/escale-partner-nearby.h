/* escale-partner-nearby.h — the partners nearest a position
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-partner-store.h"

G_BEGIN_DECLS

/* A partner and how far it is. */
typedef struct
{
  EscalePartnerSummary *summary;
  double                km;       /* great-circle distance */
} EscaleNearbyPartner;

void       escale_nearby_partner_free      (EscaleNearbyPartner *nearby);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleNearbyPartner, escale_nearby_partner_free)

/* The active partners with a position that have a service of @theme
 * (nullable: any) open to @eligibility (nullable: anyone), nearest first,
 * at most @limit of them (0: all). With a theme, a summary's free places
 * and their age are those of that theme's services only.
 * (element-type EscaleNearbyPartner) */
GPtrArray *escale_store_list_partners_near (EscaleStore         *store,
                                            double               latitude,
                                            double               longitude,
                                            const char          *theme,
                                            const char          *eligibility,
                                            guint                limit,
                                            GError             **error);

G_END_DECLS
