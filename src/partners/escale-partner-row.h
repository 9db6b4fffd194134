/* escale-partner-row.h — one partner in the directory's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-partner-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNER_ROW (escale_partner_row_get_type ())
G_DECLARE_FINAL_TYPE (EscalePartnerRow, escale_partner_row, ESCALE, PARTNER_ROW, GtkWidget)

/* The present, as the list sees it: real time, or a test's fixed one. */
typedef GDateTime *(*EscaleNowFunc) (gpointer data);

EscalePartnerRow   *escale_partner_row_new            (void);
void                escale_partner_row_set_summary    (EscalePartnerRow     *self,
                                                       EscalePartnerSummary *summary,
                                                       GDateTime            *now);
gboolean            escale_partner_row_is_stale       (EscalePartnerRow     *self);
/* A factory of rows for lists of #EscalePartnerItem; @now_func (transfer
 * full) gives the time that capacity ages are counted to. */
GtkListItemFactory *escale_partner_row_factory_new    (EscaleNowFunc         now_func,
                                                       gpointer              data);

/* Shared with the card and the nearby partners: how a capacity figure looks
 * for its age; a partner's kind and town. */
void                escale_partner_style_capacity     (GtkWidget            *label,
                                                       GtkWidget            *warning_icon,
                                                       const char           *updated_at,
                                                       GDateTime            *now);
char               *escale_partner_format_details     (const EscalePartnerSummary *summary);

G_END_DECLS
