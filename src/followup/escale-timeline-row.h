/* escale-timeline-row.h — one row of a person's follow-up timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"
#include "escale-timeline.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_TIMELINE_ROW (escale_timeline_row_get_type ())
G_DECLARE_FINAL_TYPE (EscaleTimelineRow, escale_timeline_row, ESCALE, TIMELINE_ROW, AdwBin)

/* @today: YYYY-MM-DD; document expiries before it show as expired, those up
 * to @warning_limit (YYYY-MM-DD) as expiring soon.
 *
 * Signals: "set-status" (gint64 action_id, const char *status) when Done or
 * Missed is clicked; "edit" (gint64 action_id) for Edit…; "change-referral"
 * (gint64 referral_id, gint64 action_id, const char *state) when one of the
 * answers a referral may get next is clicked (a referral_state code). */
GtkWidget          *escale_timeline_row_new          (EscaleStore        *store,
                                                      const char         *today,
                                                      const char         *warning_limit);
void                escale_timeline_row_set_item     (EscaleTimelineRow  *self,
                                                      EscaleTimelineItem *item,
                                                      gboolean            expanded);
EscaleTimelineItem *escale_timeline_row_get_item     (EscaleTimelineRow  *self);
/* Whether the row can be expanded: actions only. */
gboolean            escale_timeline_row_is_expandable (EscaleTimelineRow *self);
void                escale_timeline_row_set_expanded (EscaleTimelineRow  *self,
                                                      gboolean            expanded);
gboolean            escale_timeline_row_get_expanded (EscaleTimelineRow  *self);
/* Shows the "Planned" heading: for the first pinned row. */
void                escale_timeline_row_set_first    (EscaleTimelineRow  *self,
                                                      gboolean            first);

G_END_DECLS
