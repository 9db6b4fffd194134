/* escale-partners-page.h — the Partners page: the directory, its filters, a partner's card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNERS_PAGE (escale_partners_page_get_type ())
G_DECLARE_FINAL_TYPE (EscalePartnersPage, escale_partners_page, ESCALE, PARTNERS_PAGE, AdwBin)

void        escale_partners_page_set_store      (EscalePartnersPage *self,
                                                 EscaleStore        *store);
void        escale_partners_page_reload         (EscalePartnersPage *self);
void        escale_partners_page_show_partner   (EscalePartnersPage *self,
                                                 gint64              id);
gint64      escale_partners_page_get_partner_id (EscalePartnersPage *self);
void        escale_partners_page_focus_search   (EscalePartnersPage *self);
void        escale_partners_page_set_query      (EscalePartnersPage *self,
                                                 const char         *query);
GPtrArray  *escale_partners_page_get_summaries  (EscalePartnersPage *self);
GListModel *escale_partners_page_get_model      (EscalePartnersPage *self);
AdwBin     *escale_partners_page_get_map_slot   (EscalePartnersPage *self);
EscaleStore *escale_partners_page_get_store     (EscalePartnersPage *self);
void        escale_partners_page_show_map       (EscalePartnersPage *self,
                                                 gboolean            map);
GtkWidget  *escale_partners_page_get_card       (EscalePartnersPage *self);
/* Tests: the time the page reads hours and capacity ages against (NULL: the clock). */
void        escale_partners_page_set_now        (EscalePartnersPage *self,
                                                 GDateTime          *now);

G_END_DECLS
